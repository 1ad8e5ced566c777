"""jpnn.com (SITES.md section 19, Jawa Pos group): evidence is news-watch and robots only.

The date is `meta[name=jpnncom_news_pubdate]` "24 April 2026 20:05" (no zone: WIB), the author
`meta[name=jpnncom_news_author]`. The first path segment is always `news`, so the URL gives
no section. Multi-page behaviour and in-body boilerplate are not established.
"""

from crawler.site import Rules, Site, css, xpath

SITE = Site(
    name="jpnn",
    allowed_domains=("jpnn.com",),
    robots_sitemaps=False,  # robots.txt lives on www.; its Sitemap line is the feed below
    start_urls=(
        "https://www.jpnn.com/",
        "https://www.jpnn.com/sitemap.xml",
    ),
    listing_param="page",  # https://www.jpnn.com/?page=N, /tag/{keyword}?page=N
    listing_next=(),
    article_url=r"^https?://(?:www|m)\.jpnn\.com/news/[a-z0-9-]+/?(?:[?#].*)?$",
    rules=Rules(
        title=css(
            "h1.judul",
            "h1",
        ),
        published=css(
            "meta[name=jpnncom_news_pubdate]::attr(content)",
            "span.date-publish",
        ),
        authors=css(
            "meta[name=jpnncom_news_author]::attr(content)",
            ".author",
        ),
        body=css(
            "div[itemprop=articleBody]",
            "div.article-content",
            "article",
        ),
        images=xpath("//article//figure[not(ancestor::*[@itemprop='articleBody'])]"),
        prune=css(
            "[id^=div-gpt-ad]",
        ),
    ),
)
