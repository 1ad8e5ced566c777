"""beritasatu.com (SITES.md section 26): /{kanal}/{id}/{slug}, sitemaps per kanal, no multi-page.

No `article:*` meta; JSON-LD NewsArticle has datePublished = dateModified (+07:00) and the page
shows "Jumat, 24 Juli 2026 | 16:39 WIB". `window.dataLayer.push({...})` in <head> holds the
editor's full name and the kanal (the DOM shows only the editor's initials). CloudFront answers
403 to User-Agents that do not look like a browser (settings, not this file).
"""

from crawler.site import Rules, Site, css, xpath

KANAL = ("nasional", "ekonomi", "sport", "lifestyle", "internasional", "ototekno", "bplus")
# A "key": "value" pair of the flat dataLayer object, as an XPath string (keep these last: an
# empty string still counts as found).
DATALAYER = (
    "(substring-before(substring-after(substring-after("
    "//script[contains(., 'dataLayer.push') and contains(., '\"{key}\"')], '\"{key}\"'), '\"'), '\"'))"
)


SITE = Site(
    name="beritasatu",
    allowed_domains=("beritasatu.com",),
    robots_sitemaps=False,  # no Sitemap line is known; the index is declared here
    # /terkini/indeks/{N} exists for N = 2..7 (8 is a 404); the sitemap is an index of
    # /sitemap/{kanal}/news.xml
    start_urls=(
        "https://www.beritasatu.com/terkini/indeks",
        *(f"https://www.beritasatu.com/terkini/indeks/{n}" for n in range(2, 8)),
        "https://www.beritasatu.com/sitemap.xml",
    ),
    listing_next=(),
    sections={
        k: [f"https://www.beritasatu.com/sitemap/{k}/news.xml", f"https://www.beritasatu.com/{k}/indeks"]
        for k in KANAL
    },
    article_url=r"^https?://(?:www\.)?beritasatu\.com/[a-z]+/\d+/[a-z0-9-]+/?(?:[?#].*)?$",
    skip_url=r"/(?:tag|search|widgets?|network|penulis|editor|multimedia)/|/indeks(?:/|$)",
    rules=Rules(
        prefer_visible_date=False,  # JSON-LD carries the offset; the visible date must agree with it
        title=css(
            "h1",  # authors: JSON-LD author (also dataLayer.penulis)
        ),
        published=css(
            "small.text-muted",
            "time",
        ),
        editors=xpath(DATALAYER.format(key="editor")),
        section=xpath(DATALAYER.format(key="content_category")),
        tags=css("a[href*='/tag/'] h3.badge"),
        body=css(
            "div.col.b1-article.body-content",
            ".body-content",
        ),
        images=xpath("//img[following-sibling::*[1][self::figcaption]]/.."),
        prune=xpath(
            ".//div[p[normalize-space() = 'BACA JUGA']]",  # pink box: label + related title in an <h2>
        )
        + css(
            "[id^=div-gpt-ad]",
            "a[href*='/tag/']",
        ),
    ),
)
