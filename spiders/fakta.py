"""fakta.com (SITES.md section 1): Laravel templates, Editor.js bodies, no meta date.

The visible date "28 April 2025 10:15 WIB" sits in the author box after "Oleh NAME - Fakta.com".
"""

from crawler.site import Rules, Site, css

SITE = Site(
    name="fakta",
    allowed_domains=("fakta.com",),
    start_urls=("https://fakta.com/",),
    listing_param="berita-terbaru",
    listing_next=(),  # the pager is counted through page_param
    article_url=r"^https?://(?:www\.)?fakta\.com/news/[a-z0-9-]+/[a-z0-9-]+/?(?:[?#].*)?$",
    rules=Rules(
        meta_description=False,  # the layout's description is the slogan "Mewarnai Indonesia"
        title=css(
            ".fkt-detail-news-title-container h1",
            ".fkt-opini-title-text",
            "h1",
        ),
        published=css(
            ".fkt-author-description::text",
            ".fkt-opini-title-description-container::text",
            ".fkt-author-description",
        ),
        authors=css(
            ".fkt-author-description a[href*='/author/']",
            ".fkt-opini-title-description-container a[href*='/author/']",
        ),
        section=css("ul.breadcrumb li:nth-child(2) a"),
        tags=css(".fkt-detail-news-tag-container span.krp-span-tag"),
        body=css(
            ".fkt-detail-news-container .krp-detail-news-content",
            ".krp-detail-news-content",
        ),
        images=css(".krp-detail-news-banner"),
        prune=css(
            "a.fkt-baca-juga",
            ".fkt-opini-disclaimer",
            ".fkt-detail-news-banner",
        ),
    ),
)
