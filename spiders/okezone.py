"""okezone.com (SITES.md section 10): one template over many kanal subdomains.

Eras: 2026 `.title-article` / `.journalist` / `.c-detail.read`; 2017 `.title-detail` / `div.ctn-desc`;
between them (a public scraper) `.title h1` / `.reporter .namerep` / `#contentx`; 2015 `.titles h1`,
`time.tgl` ("Kamis, 5 November 2015 - 15:56 wib"), `#contentx` with the desk credit "(ren)" right
after it. A split article shows `#paging .box-nomor a.nomor` on page 1; `?page=all` returns every
page in one `.c-detail.read`, pages separated by page-break divs.
"""

from __future__ import annotations

import re
from datetime import date

from w3lib.url import add_or_replace_parameter

from spiders.base import NewsSpider

KANALS = (
    "news", "economy", "bola", "sports", "celebrity", "lifestyle", "women", "ototekno", "muslim", "edukasi",
)  # fmt: skip
_INDEX_RE = re.compile(r"(/indeks/\d{4}/\d{2}/\d{2})(?:/(\d+))?/?$")
_C_DETAIL = "contains(concat(' ', normalize-space(@class), ' '), ' c-detail ')"


class OkezoneSpider(NewsSpider):
    name = "okezone"
    allowed_domains = ["okezone.com"]
    start_urls = ["https://www.okezone.com/"]
    feed_urls = ["https://www.okezone.com/sitemap.xml", "https://www.okezone.com/news/sitemap.xml"]
    sections = {kanal: [f"https://{kanal}.okezone.com/"] for kanal in KANALS}  # + its dated index
    article_url = (
        r"^https?://(?!(?:mpi|img|cdn|redaksi|index|search|video|foto)\.)[a-z]+\.okezone\.com"
        r"/read/\d{4}/\d{2}/\d{2}/\d+/\d+/[a-z0-9-]+/?(?:[?#].*)?$"
    )
    skip_url = r"okezone\.com/(?:m?more|tag|topic|indeks|search|foto|video)(?:/|$)"
    # Page 1 of a split article (see parse_article).
    pager_css = "#paging .box-nomor a.nomor"

    title_css = (".title-article h1", ".title-detail h1", ".titles h1", ".title h1")
    # The 2026 date is the text after "Jurnalis-" in `.journalist span` (", Jurnalis-Jum'at, 24 Juli
    # 2026 |15:18 WIB"). That XPath (bracketed, so it is read as XPath) returns a string, never
    # "no match", so it comes last.
    published_css = (
        ".meta-post time.tgl::text",
        ".title-detail span::text",
        ".reporter .namerep b::text",
        "(substring-after(//*[contains(@class, 'journalist')]/span, 'Jurnalis-'))",
    )
    authors_css = (
        ".journalist a[title]::attr(title)",
        ".title-detail span b",
        ".reporter .namerep a",
        ".nmreporter > div",
    )
    # The 2026 DOM breadcrumb is upper-case ("NASIONAL"); its JSON-LD BreadcrumbList has the
    # proper case: the name of its last item. A string XPath again, so last.
    section_css = (
        "ul.breadcrumb li.bractive a",
        """(re:replace(//script[contains(., '"BreadcrumbList"')],"""
        """ '^[\\s\\S]*"name"\\s*:\\s*"([^"]+)"[\\s\\S]*$', '', '\\1'))""",
    )
    tags_css = ("#tag .box-tag a",)
    body_css = (
        ".c-detail.read",
        "div.ctn-desc",
        "//div[@id='contentx'][contains(@class, 'dtlnews')]/..",  # 2015: the credit follows #contentx
        "#contentx",
    )
    images_css = (".detail-img",)  # lead photo + `.caption-img-ab` (2015; body parent is one too)
    prune_css = (
        "#baca-juga",
        "#bacajuga",
        ".baca-juga",
        "[class^='inject-']",
        "[class*=' inject-']",
        "[class^='banner']",
        "[class*=' banner']",
        "#paging",
        "#tag",
    )
    # ?page=all: the body, then one page-break marker between each two pages.
    pages_css = (f"(//div[{_C_DETAIL}])[1] | //div[{_C_DETAIL}]//div[contains(@style, 'page-break-after')]",)

    def index_urls(self, day: date) -> list[str]:
        kanals = self.only_sections or KANALS
        return [f"https://{kanal}.okezone.com/indeks/{day:%Y/%m/%d}" for kanal in kanals]

    def next_listing_url(self, response) -> str | None:
        """Dated kanal index pages go on by an offset path segment, 10 a page."""
        match = _INDEX_RE.search(response.url.split("?")[0])
        if match:
            offset = int(match.group(2) or 0) + 10
            return response.url[: match.start()] + f"{match.group(1)}/{offset}"
        return super().next_listing_url(response)

    def parse_article(self, response):
        """Page 1 of a split article is fetched again with ?page=all, which holds every page.
        Not `all_pages_param`: article requests keep the URL the listing gives (as the corpus
        listing tests expect), and only split articles cost a second request."""
        page = self.page(response)
        if "page=all" not in response.url and page is not None and page.css(self.pager_css):
            yield response.request.replace(url=add_or_replace_parameter(response.url, "page", "all"))
            return
        yield from super().parse_article(response)
