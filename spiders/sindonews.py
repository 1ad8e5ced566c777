"""sindonews.com (SITES.md section 14): kanal subdomains, one template, no saved page.

The body `.detail-desc` has no `<p>`: text runs are split by `<br>`, "Baca Juga: <a>…" sits inline
between them and `div.editor` holds the desk initials. Nearly every article is split in two
(`…/{slug}/{N}` is page 2, N not an id); `?showpage=all` returns the whole text in one
`.detail-desc` (without the NewsArticle JSON-LD, so metadata comes from the page itself).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from crawler.site import AllPages, OffsetPager, Rules, Site, css, xpath

# Kanal -> its id in /indeks/{cid}/{offset} (0 = every kanal).
KANALS = {
    "nasional": 5, "daerah": 7, "ekbis": 8, "international": 9, "sports": 10, "kalam": 67,
    "edukasi": 144, "lifestyle": 154, "otomotif": 611, "tekno": 612,
}  # fmt: skip


def day_index(day: date, sections: Sequence[str]) -> list[str]:
    cids = [KANALS[k] for k in sections] or [0]
    return [f"https://www.sindonews.com/indeks/{cid}/0?t={day:%Y-%m-%d}" for cid in cids]


SITE = Site(
    name="sindonews",
    allowed_domains=("sindonews.com",),
    start_urls=("https://www.sindonews.com/feed",),
    sections={kanal: [f"https://{kanal}.sindonews.com/"] for kanal in KANALS},  # + its dated index
    article_url=r"^https?://(?!(?:e|pict|scope|media|index)\.)[a-z]+\.sindonews\.com"
    r"/read/\d+/\d+/[a-z0-9-]+(?:/\d+)?/?(?:[?#].*)?$",
    # Page N of an article (the whole text comes with page 1 and ?showpage=all).
    skip_url=r"sindonews\.com/read/\d+/\d+/[a-z0-9-]+/\d+/?(?:[?#]|$)",
    day_index=day_index,
    listing_offset=OffsetPager(r"(?P<cid>/indeks/\d+)/(?P<offset>\d+)", "{cid}/{offset}", 20),  # ?t=... kept
    all_pages=AllPages(("showpage", "all")),
    rules=Rules(
        title=css(
            "h1.detail-title",
            "article h1",
        ),
        published=css(".detail-date-artikel"),
        authors=css(
            ".detail-nama-redaksi a[rel=author]",
            ".detail-nama-redaksi a",
        ),
        section=xpath("(//*[contains(@class, 'breadcrumb')]//a)[last()]"),
        body=css(
            "#detail-desc",
            ".detail-desc",
        ),
        prune=css(
            "[class^='baca-juga']",
            "[class^='lihat-juga']",
            "[class^='related']",
            "div[class*='ads']",
            ".paging-artikel",
            ".paging-all",
        ),
        images=css(".detail-img"),
        # ?showpage=all joins the pages without markers; page 1's dataLayer states the count.
        pages=xpath(
            "(translate(substring-before(substring-after(//script[contains(., 'total_page')],"
            " 'total_page'), ','), concat(':', \"' \", '\"'), ''))",
        ),
    ),
)
