"""The base spider every site file declares itself on.

A site says what it is as class attributes (domains, entry points, the article URL pattern,
selectors); this class discovers article URLs (robots.txt sitemaps, feeds, listing pages),
fetches them and hands each page to :func:`crawler.extract.extract_article`. The item
pipelines then finish the record. Pages that cannot be extracted and requests that fail are
counted with their reason and kept in ``self.failures``: never a crash, never a silent drop.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterable
from datetime import UTC, datetime
from typing import Any, ClassVar
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import scrapy
from scrapy.http import Response
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots
from twisted.python.failure import Failure

from crawler.errors import ExtractionError
from crawler.extract import extract_article
from crawler.rules import SiteRules, is_xpath, rules_from_class


def _failure_reason(failure: Failure) -> str:
    """A short reason for a failed request: "HTTP 404", "DNS lookup failed", "timeout"."""
    from scrapy.spidermiddlewares.httperror import HttpError
    from twisted.internet.error import (
        ConnectionRefusedError,
        DNSLookupError,
        TCPTimedOutError,
        TimeoutError,
    )

    if failure.check(HttpError):
        return f"HTTP {failure.value.response.status}"
    if failure.check(DNSLookupError) or "Resolve" in failure.type.__name__:
        return "DNS lookup failed (unknown host)"
    if failure.check(TimeoutError, TCPTimedOutError):
        return "timeout"
    if failure.check(ConnectionRefusedError):
        return "connection refused"
    from scrapy.exceptions import IgnoreRequest

    if failure.check(IgnoreRequest):
        return "forbidden by robots.txt" if "robots" in str(failure.value).lower() else "request ignored"
    return f"{failure.type.__name__}: {failure.getErrorMessage()}"


class NewsSpider(scrapy.Spider):
    """Base for site spiders. Subclasses set the class attributes below; code only for what
    really differs."""

    allowed_domains: ClassVar[list[str]] = []
    # Entry points: listing pages followed for article links, and feeds/sitemaps.
    start_urls: ClassVar[list[str]] = []
    feed_urls: ClassVar[list[str]] = []
    robots_sitemaps: ClassVar[bool] = True  # read "Sitemap:" lines of each domain's robots.txt
    article_url: ClassVar[str | None] = None  # regex an article URL must match
    skip_url: ClassVar[str | None] = None  # regex of URLs never fetched (photo, video, live)
    # Listing pagination: a CSS/XPath for the next-page link, or a query parameter to count up.
    next_page_css: ClassVar[tuple[str, ...]] = ("a[rel=next]::attr(href)",)
    page_param: ClassVar[str | None] = None
    # Selectors (see crawler.rules.SiteRules): title_css, published_css, ..., prune_css.

    def __init__(self, urls: str | Iterable[str] | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if isinstance(urls, str):
            urls = [u for u in urls.split(",") if u]
        self.urls = list(urls or [])
        self.failures: list[tuple[str, str]] = []

    # -- what the site is -------------------------------------------------------------
    @classmethod
    def site_rules(cls) -> SiteRules | None:
        return rules_from_class(cls)

    @classmethod
    def entry_points(cls) -> list[str]:
        robots = [f"https://{d}/robots.txt" for d in cls.allowed_domains[:1]] if cls.robots_sitemaps else []
        return list(cls.start_urls) + list(cls.feed_urls) + robots

    def is_article_url(self, url: str) -> bool:
        if self.skip_url and re.search(self.skip_url, url):
            return False
        return bool(self.article_url and re.search(self.article_url, url))

    # -- requests -----------------------------------------------------------------------
    async def start(self) -> AsyncIterator[scrapy.Request]:
        if self.urls:  # fetch mode: exactly these pages
            for url in self.urls:
                yield self.article_request(url, meta={"warta_input": url})
            return
        for url in self.start_urls:
            yield scrapy.Request(url, self.parse_listing, errback=self.on_error, meta={"warta_depth": 1})
        for url in self.feed_urls:
            yield scrapy.Request(url, self.parse_feed, errback=self.on_error)
        if self.robots_sitemaps:
            for domain in self.allowed_domains[:1]:
                yield scrapy.Request(f"https://{domain}/robots.txt", self.parse_robots, errback=self.on_error)

    def article_request(self, url: str, **kwargs: Any) -> scrapy.Request:
        return scrapy.Request(url, self.parse_article, errback=self.on_error, **kwargs)

    def on_error(self, failure: Failure) -> None:
        url = failure.request.url if hasattr(failure, "request") else "?"
        reason = _failure_reason(failure)
        self.crawler.stats.inc_value(f"warta/failed/{reason}")
        self.crawler.stats.inc_value(f"warta/{self.name}/failed/{reason}")
        self.failures.append((url, reason))
        self.logger.warning("failed %s: %s", url, reason)

    # -- discovery ----------------------------------------------------------------------
    def parse_robots(self, response: Response):
        for url in sitemap_urls_from_robots(response.text, base_url=response.url):
            yield scrapy.Request(url, self.parse_feed, errback=self.on_error)

    def parse_feed(self, response: Response):
        """Sitemap index, urlset (news sitemaps too), RSS or Atom."""
        body = response.body
        if body[:2] == b"\x1f\x8b":
            body = gunzip(body)
        links: list[str] = []
        try:
            sitemap = Sitemap(body)
        except Exception:  # noqa: BLE001 - not XML at all: treat as nothing found
            self.crawler.stats.inc_value("warta/discovery/unreadable feed")
            return
        if sitemap.type == "sitemapindex":
            for entry in sitemap:
                yield scrapy.Request(
                    urljoin(response.url, entry["loc"]), self.parse_feed, errback=self.on_error
                )
            return
        if sitemap.type == "urlset":
            links = [entry["loc"] for entry in sitemap]
        else:
            selector = scrapy.Selector(text=body.decode("utf-8", "replace"), type="xml")
            selector.remove_namespaces()
            links = selector.xpath("//item/link/text() | //entry/link/@href").getall()
        yield from self.follow_articles(response, links)

    def parse_listing(self, response: Response):
        links = response.css("a::attr(href)").getall()
        found = [r for r in self.follow_articles(response, links)]
        yield from found
        depth = response.meta.get("warta_depth", 1)
        if found and depth < self.settings.getint("WARTA_MAX_LISTING_PAGES", 5):
            next_url = self.next_listing_url(response)
            if next_url:
                yield scrapy.Request(
                    next_url,
                    self.parse_listing,
                    errback=self.on_error,
                    meta={"warta_depth": depth + 1},
                )

    def next_listing_url(self, response: Response) -> str | None:
        for query in self.next_page_css:
            href = response.xpath(query).get() if is_xpath(query) else response.css(query).get()
            if href and not href.startswith(("#", "javascript:")):
                return response.urljoin(href)
        if self.page_param:
            parts = urlsplit(response.url)
            query = dict(parse_qsl(parts.query))
            page = int(query.get(self.page_param, "1") or 1) + 1
            query[self.page_param] = str(page)
            return urlunsplit(parts._replace(query=urlencode(query)))
        return None

    def follow_articles(self, response: Response, links: Iterable[str]):
        seen: set[str] = set()
        for href in links:
            url = response.urljoin(href.strip()).split("#")[0]
            if url in seen or not self.is_article_url(url):
                continue
            seen.add(url)
            self.crawler.stats.inc_value(f"warta/{self.name}/discovered")
            yield self.article_request(url)

    # -- articles -----------------------------------------------------------------------
    def parse_article(self, response: Response):
        rules = self.site_rules()
        content_type = response.headers.get("Content-Type", b"").decode("latin-1") or None
        try:
            draft = extract_article(response.body, response.url, datetime.now(UTC), rules, content_type)
        except ExtractionError as exc:
            self.crawler.stats.inc_value(f"warta/dropped/{exc.reason}")
            self.crawler.stats.inc_value(f"warta/{self.name}/dropped/{exc.reason}")
            self.failures.append((response.url, str(exc)))
            self.logger.warning("no record for %s: %s", response.url, exc)
            return
        if rules is not None and draft["extractor"] == "generic":
            self.crawler.stats.inc_value(f"warta/{self.name}/generic_fallback")
        yield draft
