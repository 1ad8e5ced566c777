"""Any domain without a site file: trafilatura plus warta's Indonesian cleanup.

``warta fetch`` uses it for unknown URLs. As a crawler (``-a domain=example.id``) it reads
the domain's robots.txt sitemaps and its home page, and follows links that look like
articles (a dated path or a long slug).
"""

from __future__ import annotations

from typing import Any

from crawler.rules import SiteRules
from spiders.base import NewsSpider

# A path with a date, a numeric id or a long hyphenated slug: the shapes of article URLs.
ARTICLE_PATH = r"^https?://[^/]+/(?:.*/)?(?:\d{4}/\d{1,2}/|.*\d{4,}|[a-z0-9]+(?:-[a-z0-9]+){3,})"


class GenericSpider(NewsSpider):
    name = "generic"
    article_url = ARTICLE_PATH
    skip_url = r"/(?:tag|tags|topik|topic|author|penulis|category|kategori|search|cari|video|foto)/"

    def __init__(self, domain: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if domain:
            self.allowed_domains = [domain]
            self.start_urls = [f"https://{domain}/"]

    @classmethod
    def site_rules(cls) -> SiteRules | None:
        return None
