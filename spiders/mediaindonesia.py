"""mediaindonesia.com (SITES.md section 20): kanal / numeric id / slug, no known sitemap.

The visible date "08/1/2026 20:19" is D/M/YYYY with an unpadded month and no zone (WIB).
The lead has no dateline (its first word is in capitals) and ends with a desk code "(H-4)".
`.author-2` may read just "Media Indonesia"; the editor is in `.info-author` after the body.
Lists are offset-paged by path (`/indeks/20/40`, `/ekonomi/20/40`), not by query.
"""

from crawler.site import OffsetPager, Rules, Site, css

_BASE = "https://mediaindonesia.com"


SITE = Site(
    name="mediaindonesia",
    allowed_domains=("mediaindonesia.com",),
    start_urls=(
        f"{_BASE}/",
        f"{_BASE}/indeks",
    ),
    sections={
        kanal: [f"{_BASE}/{kanal}"]
        for kanal in ("ekonomi", "politik-dan-hukum", "humaniora", "olahraga", "jelita", "opini", "weekend")
    },
    # kanal / numeric id / slug with a letter (the offset lists /indeks/20/40 have digits there).
    article_url=r"^https?://(?:www\.)?mediaindonesia\.com/[a-z0-9-]+/\d+/[a-z0-9-]*[a-z][a-z0-9-]*/?$",
    skip_url=r"^https?://(?:www\.)?mediaindonesia\.com/(?:video|galleries|tag|author|indeks|search)(?:/|$)",
    # /indeks and each kanal go on by offset, 20 a page: "/indeks", "/indeks/20/20", "/ekonomi/20/40".
    listing_offset=OffsetPager(
        r"^(?P<list>https?://(?:www\.)?mediaindonesia\.com/[a-z0-9-]+)(?:/20/(?P<offset>\d+))?/?$",
        "{list}/20/{offset}",
        20,
    ),
    rules=Rules(
        title=css(
            ".post-header h1",
            "h1",
        ),
        published=css(
            ".post-header .datetime::text",
            ".datetime::text",
        ),
        authors=css(
            ".post-header .author-2",
            ".author-2",
        ),
        editors=css(
            ".info-author a.author",
            ".info-author a",
        ),
        section=css(".mi-breadcrumb li:nth-child(2) a"),
        tags=css("ul.related-tags a::attr(title)"),
        body=css("div.article"),
        prune=css(
            "p.related-news",
            ".flying-carpet",
            ".dfp-ad",
            "._ap_apex_ad",
            ".ext-channel",
            ".info-author",
            "ul.related-tags",
            ".share-group",
        ),
    ),
)
