"""One spider per site (a short declaration on :class:`spiders.base.NewsSpider`), plus the
generic spider for any other domain."""
