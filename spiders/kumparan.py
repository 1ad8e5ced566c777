"""kumparan.com (SITES.md section 12): a React platform where the URL's first segment is the
publishing account, not a section; HTML channel lists are skeletons, so discovery is sitemaps.

JSON-LD times may be UTC ("...T03:15:00.000Z"): the visible "24 Juli 2026 10:15 WIB" in
`time[data-qa-id="publish-date"]` wins. The visible author is the account ("kumparanNEWS");
the real byline is JSON-LD `author.name`, so no author selector here. The channel is only in
the BreadcrumbList JSON-LD, read with an XPath string expression over that script.
"""

from crawler.site import Rules, Site, css, xpath

_BASE = "https://kumparan.com"
_CHANNELS = (
    "news",
    "bisnis",
    "tekno-sains",
    "bola-sports",
    "entertainment",
    "otomotif",
    "food-travel",
    "woman",
    "mom",
)


SITE = Site(
    name="kumparan",
    allowed_domains=("kumparan.com",),  # lapi.kumparan.com (RSS) is a subdomain
    start_urls=("https://lapi.kumparan.com/v2.0/rss/",),
    sections={channel: [f"{_BASE}/sitemap_channel_{channel}.xml"] for channel in _CHANNELS},
    # account / slug-<11-character id starting with 2 digits>
    article_url=r"^https://kumparan\.com/[a-z0-9-]+/[a-z0-9-]+-\d{2}[A-Za-z0-9]{9}/?(?:\?.*)?$",
    skip_url=r"^https://kumparan\.com/(?:channel|topic|terbaru|search)(?:/|$)",
    rules=Rules(
        title=css(
            'h1[data-qa-id="story-title"]',
            "h1",
        ),
        published=css('time[data-qa-id="publish-date"]'),
        section=xpath(
            '(substring-before(substring-after(substring-after(//script[@type="application/ld+json"]'
            '[contains(., "BreadcrumbList")], "/channel/"), \'"name":"\'), \'"\'))',
        ),
        tags=css('a[data-qa-id="tag-topic"] span[data-qa-id="label-tag-topic"]'),
        body=xpath('//article[.//p[@data-qa-id="story-paragraph"]]')
        + css(
            "div.article-content",
            "article",
        ),
        prune=css(
            "header",
            "footer",
            "aside",
            "nav",
            '[data-qa-id="story-author"]',
            '[data-qa-id="reading-time"]',
            '[data-qa-id="tag-topic"]',
        ),
    ),
)
