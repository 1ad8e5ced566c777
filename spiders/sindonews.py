"""sindonews.com (SITES.md section 14): kanal subdomains, one template, no saved page.

The body `.detail-desc` has no `<p>`: text runs are split by `<br>`, "Baca Juga: <a>…" sits inline
between them and `div.editor` holds the desk initials. Nearly every article is split in two
(`…/{slug}/{N}` is page 2, N not an id); `?showpage=all` returns the whole text in one
`.detail-desc` (without the NewsArticle JSON-LD, so metadata comes from the page itself).
"""

from __future__ import annotations

import re
from datetime import date

from spiders.base import NewsSpider

# Kanal -> its id in /indeks/{cid}/{offset} (0 = every kanal).
KANALS = {
    "nasional": 5, "daerah": 7, "ekbis": 8, "international": 9, "sports": 10, "kalam": 67,
    "edukasi": 144, "lifestyle": 154, "otomotif": 611, "tekno": 612,
}  # fmt: skip
_INDEX_RE = re.compile(r"(/indeks/\d+)/(\d+)")


class SindonewsSpider(NewsSpider):
    name = "sindonews"
    allowed_domains = ["sindonews.com"]
    feed_urls = ["https://www.sindonews.com/feed"]
    sections = {kanal: [f"https://{kanal}.sindonews.com/"] for kanal in KANALS}  # + its dated index
    article_url = (
        r"^https?://(?!(?:e|pict|scope|media|index)\.)[a-z]+\.sindonews\.com"
        r"/read/\d+/\d+/[a-z0-9-]+(?:/\d+)?/?(?:[?#].*)?$"
    )
    # Page N of an article (the whole text comes with page 1 and ?showpage=all).
    skip_url = r"sindonews\.com/read/\d+/\d+/[a-z0-9-]+/\d+/?(?:[?#]|$)"
    all_pages_param = ("showpage", "all")

    title_css = ("h1.detail-title", "article h1")
    published_css = (".detail-date-artikel",)
    authors_css = (".detail-nama-redaksi a[rel=author]", ".detail-nama-redaksi a")
    section_css = ("(//*[contains(@class, 'breadcrumb')]//a)[last()]",)
    body_css = ("#detail-desc", ".detail-desc")
    prune_css = (
        "[class^='baca-juga']",
        "[class^='lihat-juga']",
        "[class^='related']",
        "div[class*='ads']",
        ".paging-artikel",
        ".paging-all",
    )
    images_css = (".detail-img",)
    # ?showpage=all joins the pages without markers; page 1's dataLayer states the count.
    pages_css = (
        "(translate(substring-before(substring-after(//script[contains(., 'total_page')],"
        " 'total_page'), ','), concat(':', \"' \", '\"'), ''))",
    )

    def index_urls(self, day: date) -> list[str]:
        cids = [KANALS[k] for k in self.only_sections] or [0]
        return [f"https://www.sindonews.com/indeks/{cid}/0?t={day:%Y-%m-%d}" for cid in cids]

    def next_listing_url(self, response) -> str | None:
        """/indeks/{cid}/{offset}?t=…: the offset goes up 20 a page."""
        match = _INDEX_RE.search(response.url)
        if match:
            offset = int(match.group(2)) + 20
            return response.url[: match.start()] + f"{match.group(1)}/{offset}" + response.url[match.end() :]
        return super().next_listing_url(response)
