"""okezone.com (SITES.md section 10): one template over many kanal subdomains.

Eras: 2026 `.title-article` / `.journalist` / `.c-detail.read`; 2017 `.title-detail` / `div.ctn-desc`;
between them (a public scraper) `.title h1` / `.reporter .namerep` / `#contentx`; 2015 `.titles h1`,
`time.tgl` ("Kamis, 5 November 2015 - 15:56 wib"), `#contentx` with the desk credit "(ren)" right
after it. A split article shows `#paging .box-nomor a.nomor` on page 1; `?page=all` returns every
page in one `.c-detail.read`, pages separated by page-break divs.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from crawler.site import AllPages, OffsetPager, Rules, Site, css, xpath

KANALS = (
    "news", "economy", "bola", "sports", "celebrity", "lifestyle", "women", "ototekno", "muslim", "edukasi",
)  # fmt: skip
_C_DETAIL = "contains(concat(' ', normalize-space(@class), ' '), ' c-detail ')"


def day_index(day: date, sections: Sequence[str]) -> list[str]:
    return [f"https://{kanal}.okezone.com/indeks/{day:%Y/%m/%d}" for kanal in sections or KANALS]


SITE = Site(
    name="okezone",
    allowed_domains=("okezone.com",),
    start_urls=(
        "https://www.okezone.com/",
        "https://www.okezone.com/sitemap.xml",
        "https://www.okezone.com/news/sitemap.xml",
    ),
    sections={kanal: [f"https://{kanal}.okezone.com/"] for kanal in KANALS},  # + its dated index
    article_url=r"^https?://(?!(?:mpi|img|cdn|redaksi|index|search|video|foto)\.)[a-z]+\.okezone\.com"
    r"/read/\d{4}/\d{2}/\d{2}/\d+/\d+/[a-z0-9-]+/?(?:[?#].*)?$",
    skip_url=r"okezone\.com/(?:m?more|tag|topic|indeks|search|foto|video)(?:/|$)",
    day_index=day_index,
    # Dated kanal index pages go on by an offset path segment, 10 a page.
    listing_offset=OffsetPager(
        r"(?P<day>/indeks/\d{4}/\d{2}/\d{2})(?:/(?P<offset>\d+))?/?$", "{day}/{offset}", 10
    ),
    # Page 1 of a split article shows a pager; ?page=all holds every page in one response.
    all_pages=AllPages(("page", "all"), when=css("#paging .box-nomor a.nomor")),
    rules=Rules(
        title=css(
            ".title-article h1",
            ".title-detail h1",
            ".titles h1",
            ".title h1",
        ),
        # The 2026 date is the text after "Jurnalis-" in `.journalist span` (", Jurnalis-Jum'at, 24 Juli
        # 2026 |15:18 WIB"). That XPath (bracketed, so it is read as XPath) returns a string, never
        # "no match", so it comes last.
        published=css(
            ".meta-post time.tgl::text",
            ".title-detail span::text",
            ".reporter .namerep b::text",
        )
        + xpath("(substring-after(//*[contains(@class, 'journalist')]/span, 'Jurnalis-'))"),
        authors=css(
            ".journalist a[title]::attr(title)",
            ".title-detail span b",
            ".reporter .namerep a",
            ".nmreporter > div",
        ),
        # The 2026 DOM breadcrumb is upper-case ("NASIONAL"); its JSON-LD BreadcrumbList has the
        # proper case: the name of its last item. A string XPath again, so last.
        section=css("ul.breadcrumb li.bractive a")
        + xpath(
            """(re:replace(//script[contains(., '"BreadcrumbList"')],"""
            """ '^[\\s\\S]*"name"\\s*:\\s*"([^"]+)"[\\s\\S]*$', '', '\\1'))""",
        ),
        tags=css("#tag .box-tag a"),
        body=css(
            ".c-detail.read",
            "div.ctn-desc",
        )
        + xpath(
            "//div[@id='contentx'][contains(@class, 'dtlnews')]/..",  # 2015: the credit follows #contentx
        )
        + css("#contentx"),
        images=css(
            ".detail-img",  # lead photo + `.caption-img-ab` (2015; body parent is one too)
        ),
        prune=css(
            "#baca-juga",
            "#bacajuga",
            ".baca-juga",
            "[class^='inject-']",
            "[class*=' inject-']",
            "[class^='banner']",
            "[class*=' banner']",
            "#paging",
            "#tag",
        ),
        # ?page=all: the body, then one page-break marker between each two pages.
        pages=xpath(
            f"(//div[{_C_DETAIL}])[1] | //div[{_C_DETAIL}]//div[contains(@style, 'page-break-after')]"
        ),
    ),
)
