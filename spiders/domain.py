"""The spider for a domain without a site file (``warta crawl example.co.id``).

It is the site spider (:class:`spiders.base.NewsSpider`) with the discovery a stranger would do:
robots.txt sitemaps (news sitemaps and indexes among them), the feeds the home page names with
``<link rel="alternate">``, feeds and sitemaps at common paths, then the home page and the
section pages its menu links, read as listings. Every step is bounded and counted in the run
summary's ``discovery``. Links are followed when their shape is an article's on the domain
(:mod:`crawler.crawling.domain`); the page must then show it is one (a date or article
metadata, and enough text: :func:`crawler.extraction.extract.extract_article`) or it is
counted as dropped, never written.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import scrapy
from parsel import Selector
from scrapy.http import Response
from twisted.python.failure import Failure

from crawler.crawling import discovery
from crawler.crawling.domain import COMMON_FEED_PATHS, feed_links, section_links
from crawler.extraction.urls import same_site
from spiders.base import NewsSpider

# Extraction reasons that say a page is no article (crawler.extraction.extract), as opposed to
# an article that could not be read.
NOT_ARTICLE = ("no article:", "no article text: too little text")
MAX_HOME_FEEDS = 10  # feeds named by one home page (a site names a few)


class DomainSpider(NewsSpider):
    # The generic reading, unless the page is a list of articles that declares nothing: its
    # teasers carry dates and enough words to pass for an article (crawler.crawling.article_page).
    reject_lists = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.asked_hosts: set[str] = set()  # hosts whose robots.txt and common paths were asked

    def discovery_requests(self) -> Iterator[scrapy.Request]:
        for url in self.site.start_urls:
            request = self.entry_request(url)
            request.meta["warta_home"] = True
            yield request.replace(errback=self.on_home_error)
        for url in self.site.entry_points(self.only_sections) if self.only_sections else []:
            yield self.entry_request(url)

    def is_article_link(self, url: str, entry: discovery.Entry) -> bool:
        """An article URL by its shape; or an item of a feed or news sitemap on the domain, whatever
        its path (a short slug, /berita/123): what lists it says it is an article. The page must
        show it is one all the same."""
        if super().is_article_link(url, entry):
            return True
        path = urlsplit(url).path.strip("/").lower()
        under = not self.only_sections or any(
            path.startswith(p.strip("/").lower() + "/") for p in self.only_sections
        )
        return entry.item and bool(path) and under and self.site.handles(url) and not self.site.skips(url)

    def parse_entry(self, response: Response) -> Iterator[scrapy.Request]:
        if response.meta.get("warta_home"):  # where the home page landed (example.id -> www.)
            yield from self.site_requests(urlsplit(response.url).netloc)
        yield from super().parse_entry(response)

    def on_home_error(self, failure: Failure) -> Iterator[scrapy.Request]:
        self.on_entry_error(failure)
        request = getattr(failure, "request", None)
        yield from self.site_requests(urlsplit(request.url).netloc if request is not None else "")

    def site_requests(self, netloc: str) -> Iterator[scrapy.Request]:
        """robots.txt (its sitemaps) and the common feed paths of the site's host, asked once.
        With --sections too: the URL shape keeps only the sections' articles."""
        if not netloc or netloc in self.asked_hosts:
            return
        self.asked_hosts.add(netloc)
        first = f"https://{netloc}"
        yield scrapy.Request(f"{first}/robots.txt", self.parse_robots, errback=self.on_robots_error)
        for path in COMMON_FEED_PATHS[: self.settings.getint("WARTA_DOMAIN_COMMON_PATHS")]:
            meta = {"warta_depth": 1, "download_maxsize": self.entry_limit(), "warta_nested": 0}
            yield scrapy.Request(first + path, self.parse_probe, errback=self.on_probe_error, meta=meta)

    def parse_probe(self, response: Response) -> Iterator[scrapy.Request]:
        """A common path that answered: read when it is a feed or sitemap; a page served there
        (often the home page again, or a soft 404) is not."""
        try:
            body = discovery.decompress(response.body, self.entry_limit()).body
        except discovery.FeedRefused:
            body = b""
        if discovery.kind_of(body) != "xml":
            self.discovered("common paths not a feed")
            return
        self.discovered("common paths with a feed")
        yield from self.parse_entry(response)

    def on_probe_error(self, failure: Failure) -> None:
        """A guessed path that is not there is no failure of the site: counted, not failed."""
        self.discovered("common paths absent")

    def parse_listing(self, response: Response, body: bytes | None = None) -> Iterator[scrapy.Request]:
        if response.meta.get("warta_home"):
            yield from self.home_entries(response, body)
        yield from super().parse_listing(response, body)

    def home_entries(self, response: Response, body: bytes | None) -> Iterator[scrapy.Request]:
        """What the home page tells about the site: its feeds, and its sections (unless
        --sections named them). Bounded: WARTA_DOMAIN_MAX_SECTIONS section pages."""
        limit = self.settings.getint("WARTA_MAX_PAGE_BYTES")
        page = None if limit and len(body or response.body) > limit else self.listing_selector(response, body)
        if page is None:
            return
        feeds = [u for u in feed_links(page, response.url) if same_site(u, response.url)][:MAX_HOME_FEEDS]
        self.discovered("feeds named by the home page", len(feeds))
        yield from (self.entry_request(url) for url in feeds)
        if not self.only_sections:
            yield from self.section_entries(page, response.url)

    def section_entries(self, page: Selector, url: str) -> Iterator[scrapy.Request]:
        sections = section_links(page, url, self.site)
        most = self.settings.getint("WARTA_DOMAIN_MAX_SECTIONS")
        if len(sections) > most:
            self.discovered("section pages left out", len(sections) - most)
        self.discovered("section pages from the menu", len(sections[:most]))
        yield from (self.entry_request(link) for link in sections[:most])

    def fail(self, url: str, reason: str, kind: str = "dropped", meta: dict[str, Any] | None = None) -> None:
        """A page the URL shape let through that is no article (no date and nothing declared,
        a list of articles, a few words) is a guess that missed, not a failure of the site:
        counted in the summary's ``not_articles`` and left out of the dropped share that
        decides the exit status (it is met again on every run)."""
        if kind == "dropped" and reason.startswith(NOT_ARTICLE):
            kind = "not_article"
        super().fail(url, reason, kind, meta)
