"""tirto.id (SITES.md section 17): flat one-segment URLs ending in a mixed-case 4-character code.

No NewsArticle JSON-LD: the date is the visible "Terbit 24 Jul 2026 11:00 WIB" in `.byline`;
`article:modified_time` has no zone (WIB). `/indeks` is one server-rendered page; its "load
more" (`?next=`) is disallowed by robots, so it is not followed. Cloudflare may answer 403 to
short User-Agents (settings, not this file). No multi-page articles.
"""

from crawler.site import Rules, Site, css

SITE = Site(
    name="tirto",
    allowed_domains=("tirto.id",),
    start_urls=(
        "https://tirto.id/indeks",
        "https://tirto.id/",
    ),
    listing_next=(),  # the only pager is ?next=<cursor>, disallowed by robots
    # slug (two tokens or more) + "-" + a 4-character code that may hold capitals ("-hz5T")
    article_url=r"^https?://(?:www\.)?tirto\.id/[a-z0-9]+(?:-[a-z0-9]+)+-[A-Za-z0-9]{4}/?(?:[?#].*)?$",
    # channel roots that the article pattern would take for slugs ("pikir-dua-kali")
    skip_url=r"^https?://(?:www\.)?tirto\.id/(?:indeks|bisnis-tirto|visual-tirto|rilis-pers|pikir-dua-kali|"
    r"weekly|kueri|inception|jangkar)(?:[/?#]|$)|[?&]next=",
    rules=Rules(
        title=css(
            "h1.article-title",
            "h1",
        ),
        published=css(".byline div"),
        authors=css(
            ".byline a.reporter-name",
            "meta[property='article:author']::attr(content)",
        ),
        section=css(".breadcrumbs-wrapper a:last-child"),
        # tags: meta news_keywords (generic reader); it mixes in channel labels ("bisnis tirto")
        body=css(
            ".content-text-editor",
            ".detail-content",
            "article",
        ),
        prune=css(
            "ins[data-revive-zoneid]",
            "[id^=gpt-]",
            ".baca-holder",
        ),
        # news_keywords mixes channel labels into the topic keywords.
        drop_tags=(
            r"flash news",
            r"ekonomi",
            r"bisnis tirto",
            r"insider",
            r"sosial budaya",
            r"politik",
            r"hukum",
        ),
    ),
)
