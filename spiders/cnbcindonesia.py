"""cnbcindonesia.com (SITES.md section 7): the Trans Media CMS under Tailwind classes. Thin evidence.

Articles: /{section}/{YYYYMMDDHHMMSS}-{sectionId}-{id}/{slug} (the CNN Indonesia shape). Today's
selectors come from news-watch: title `h1.mb-4.text-32.font-extrabold`, date
`div.text-cm.text-gray`, body `div.detail-text`, section `a.text-xs.font-semibold[href='#']`,
the byline `div.mb-1.text-base.font-semibold` reading "Name, CNBC Indonesia"; older pages have
`.jdl h1` and `.detail_text`. Inline related blocks carry classes starting `sisip_` /
`link_sisip`. The visible date has no zone ("27 April 2026 10:47"), so JSON-LD (+07:00) leads
and the visible string is kept only when it names the same minute. The dated index is
/{section}/indeks/{id}?date=DD/MM/YYYY&tipe=artikel&page=N (tipe=artikel leaves out videos).
"""

from collections.abc import Sequence
from datetime import date
from urllib.parse import urlencode

from crawler.site import Rules, Site, css, xpath

INDEXES = (("news", 3), ("market", 5))
BYLINE = (
    "//div[contains(@class, 'text-base') and contains(@class, 'font-semibold')]"
    "[contains(., ', CNBC Indonesia')]"
)


def day_index(day: date, sections: Sequence[str]) -> list[str]:
    query = urlencode({"date": day.strftime("%d/%m/%Y"), "tipe": "artikel", "page": 1})
    return [f"https://www.cnbcindonesia.com/{section}/indeks/{i}?{query}" for section, i in INDEXES]


SITE = Site(
    name="cnbcindonesia",
    # www first: entry_points read https://www.cnbcindonesia.com/robots.txt (Sitemap: .../sitemap.xml)
    allowed_domains=("www.cnbcindonesia.com", "cnbcindonesia.com"),
    start_urls=("https://www.cnbcindonesia.com/rss",),
    sections={"news": ["https://www.cnbcindonesia.com/news/rss"]},
    listing_param="page",
    listing_next=(),
    article_url=r"^https?://www\.cnbcindonesia\.com/[a-z-]+/\d{14}-\d+-\d+/[a-z0-9-]+/?(?:#.*)?$",
    day_index=day_index,
    # video pages (slug "video-...", /video/ and /tv/ paths) and embeds; query variants never match
    skip_url=r"/\d{14}-\d+-\d+/video-|/(?:video|tv|embed)(?:/|$)",
    rules=Rules(
        prefer_visible_date=False,  # the visible date has no zone; JSON-LD carries +07:00
        title=css(
            "h1.mb-4.text-32.font-extrabold",
            ".jdl h1",
            "h1",
        ),
        published=css(
            "div.text-cm.text-gray",
            ".jdl .date",
        ),
        authors=xpath(f"(substring-before({BYLINE}, ', CNBC Indonesia'))") + css(".jdl .author"),
        section=css("a.text-xs.font-semibold[href='#']"),
        tags=css(
            "section.px-4.py-4.stretch.bg-white a[href*='/tag/']",
            ".tag_detail a",
        ),
        body=css(
            "div.detail-text",
            ".detail_text",
        ),
        images=xpath("(//h1/following::figure[.//img][.//figcaption][1])"),
        prune=xpath(
            ".//*[starts-with(@class, 'sisip_') or contains(@class, ' sisip_')"
            " or contains(@class, 'link_sisip')]"
            "[not(.//iframe or .//blockquote)]",
        )
        + css(
            ".linksisip",
            ".paradetail",
            ".para_caption",
            "[id^=div-gpt-ad]",
        )
        + xpath(".//a[contains(., 'preferred source on Google')]")
        + css(
            "ins",
        ),
    ),
)
