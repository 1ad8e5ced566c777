"""Any domain without a site file: trafilatura plus warta's Indonesian cleanup.

``warta fetch`` uses it for unknown URLs. ``warta crawl DOMAIN`` crawls such a domain with a
site made at run time from this declaration (:mod:`crawler.crawling.domain`); as a Scrapy
spider (``-a domain=example.id``) it reads the domain's robots.txt sitemaps and its home page,
and follows links that look like articles (a dated path, a numeric id or a long slug).
"""

from crawler.crawling.domain import ARTICLE_PATH, SKIP_URL
from crawler.site import Site

SITE = Site(
    name="generic",
    article_url=ARTICLE_PATH,
    skip_url=SKIP_URL,
    rules=None,  # the generic path reads every page
)
