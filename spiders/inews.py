"""inews.id (SITES.md section 25): MNC group; facts from news-watch only, no saved page.

Articles live under six sections: `/{section}/{subkanal}/{slug}`. The date is `.createdAt`
("Jumat, 24 Juli 2026 - 13:39:00 WIB", seconds included). Long articles show a `.pagination`
of page links (inews QA tests); the next page is followed and joined.
"""

from __future__ import annotations

from crawler.site import Rules, Site, css, xpath

SECTIONS = ("news", "finance", "regional", "lifestyle", "sport", "otomotif")
_SECTION_RE = "|".join(SECTIONS)


SITE = Site(
    name="inews",
    allowed_domains=("inews.id",),
    start_urls=("https://www.inews.id/",),
    sections={section: [f"https://www.inews.id/{section}"] for section in SECTIONS},
    listing_next=(),  # listings load more by script: page 1 only
    article_url=rf"^https?://www\.inews\.id/(?:{_SECTION_RE})/[a-z0-9-]+/[a-z0-9-]+(?:/\d+)?/?(?:[?#].*)?$",
    skip_url=r"inews\.id/(?:[a-z0-9-]+/)*(?:video|foto|tag|topik|multimedia|search)(?:/|$)|/\d+/?$",
    # The link after the current page in `.pagination` (rel=next, else the number one higher).
    next_article_page_links=xpath(
        "//*[contains(@class, 'pagination')]//a[@rel='next']/@href",
        "//*[contains(@class, 'pagination')]//a[normalize-space() = string(number(normalize-space("
        "(//*[contains(@class, 'pagination')]//*[contains(@class, 'active')])[1])) + 1)]/@href",
    ),
    rules=Rules(
        title=css(
            "h1.headerTitle",
            "h1",
        ),
        published=css(
            ".createdAt",
            ".timeAndShare",
        ),
        authors=css(".author"),
        section=xpath("(//*[contains(@class, 'breadcrumb')]//a)[last()]"),
        tags=css(".tags .tagList a"),
        body=css(
            ".content",
            "article",
        ),
        images=css(".headerImg"),
        prune=css(
            "[class^='baca-juga']",
            "[class^='related']",
            "div[class*='ads']",
            ".bacaJugaExcerpt",
            ".pagination",
            ".tags",
        ),
    ),
)
