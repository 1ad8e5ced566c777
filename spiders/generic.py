"""Any domain without a site file: trafilatura plus warta's Indonesian cleanup.

``warta fetch`` uses it for unknown URLs. As a crawler (``-a domain=example.id``) it reads
the domain's robots.txt sitemaps and its home page, and follows links that look like
articles (a dated path or a long slug).
"""

from crawler.site import Site

# A path with a date, a numeric id or a long hyphenated slug: the shapes of article URLs.
ARTICLE_PATH = r"^https?://[^/]+/(?:.*/)?(?:\d{4}/\d{1,2}/|.*\d{4,}|[a-z0-9]+(?:-[a-z0-9]+){3,})"

SITE = Site(
    name="generic",
    article_url=ARTICLE_PATH,
    skip_url=r"/(?:tag|tags|topik|topic|author|penulis|category|kategori|search|cari|video|foto)/",
    rules=None,  # the generic path reads every page
)
