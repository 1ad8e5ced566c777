"""bisnis.com (SITES.md section 21): articles on {channel}.bisnis.com/read/YYYYMMDD/{cat}/{id}/{slug}.

No real page is saved. Selectors are news-watch's (`h1.detailsTitleCaption`, `.detailsAttributeDates`,
`.authorName`, `article.detailsContent`, `.baca-juga-box*`) plus what public scrapers of 2025 read:
the dated index `www.bisnis.com/index?categoryId=0&type=indeks&date=YYYY-MM-DD` (`a.artLink` items,
more pages through `a[rel=next]`), the visible date "Jumat, 14 November 2025 | 15:20"
(no zone: WIB), `div.detailsAuthor .detailsAuthorItem` ("Penulis : ...", "Editor : ..."),
`figure.detailsCoverImg` + `figcaption.detailsImgCaption`, `ul.detailsTagList a.detailsTagLink`,
`p.disclaimer`, and the dateline "Bisnis.com, JAKARTA — ". news-watch marks the site
`browser_required` (anti-bot). epaper., foto., video. and infografis. use other templates.
"""

from collections.abc import Sequence
from datetime import date
from urllib.parse import urlencode

from crawler.site import Rules, Site, css, xpath

_AUTHOR_ITEM = "//div[contains(@class, 'detailsAuthor')]//*[contains(@class, 'detailsAuthorItem')]"


def day_index(day: date, sections: Sequence[str]) -> list[str]:
    query = {"categoryId": "0", "type": "indeks", "date": day.isoformat()}
    return [f"https://www.bisnis.com/index?{urlencode(query)}"]


SITE = Site(
    name="bisnis",
    allowed_domains=("www.bisnis.com", "bisnis.com"),  # www first: its robots.txt is the one read
    start_urls=("https://www.bisnis.com/berita",),
    article_url=r"^https?://[a-z0-9-]+\.bisnis\.com/read/\d{8}/\d+/\d+/[a-z0-9-]+/?$",
    skip_url=r"^https?://(?:epaper|foto|video|infografis)\.bisnis\.com/",
    day_index=day_index,
    rules=Rules(
        title=css("h1.detailsTitleCaption"),
        published=css(
            ".detailsAttributeDates",
            ".authorTime",
        ),
        authors=xpath(f"{_AUTHOR_ITEM}[starts-with(normalize-space(), 'Penulis')]")
        + css(
            ".authorName",
            ".authorNames",
        ),
        editors=xpath(f"{_AUTHOR_ITEM}[starts-with(normalize-space(), 'Editor')]"),
        section=xpath(
            "//*[contains(@class, 'breadcrumb')]//*[contains(@class, 'breadcrumbItem')]"
            "//*[contains(@class, 'breadcrumbLink')][normalize-space() != 'Home']",
        ),
        tags=css("ul.detailsTagList a.detailsTagLink"),
        body=css(
            "article.detailsContent.force-17.mt40",
            "article.detailsContent",
            ".detailsContent",
            ".paywall",
        ),
        images=css("figure.detailsCoverImg"),
        prune=css(
            "[class*=baca-juga-box]",
            "p.disclaimer",
            "[id^=div-gpt-ad]",
        ),
    ),
)
