"""The base spider every site file declares itself on.

A site says what it is as class attributes (domains, entry points, the article URL pattern,
selectors, how its articles are split); this class discovers article URLs (robots.txt
sitemaps, news sitemaps, feeds, listing and dated index pages), fetches them, joins the pages
of split articles and hands each page to :func:`crawler.extraction.extract.extract_article`. The item
pipelines then finish the record. Pages that cannot be extracted and requests that fail are
counted with their reason and kept in ``self.failures``: never a crash, never a silent drop.

Spider arguments (``-a NAME=VALUE``, or ``warta crawl`` options): ``urls`` (fetch exactly
these), ``since``/``until`` (ISO dates: the publication window), ``max_articles``,
``sections`` (comma-separated keys of ``sections``).
"""

from __future__ import annotations

import re
import weakref
from collections.abc import AsyncIterator, Iterable, Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any, ClassVar
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import scrapy
from parsel import Selector
from scrapy import signals
from scrapy.http import Response
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots
from twisted.python.failure import Failure

from crawler.crawling.state import SeenStore
from crawler.errors import ExtractionError
from crawler.extraction.dates import WIB, normalise_date
from crawler.extraction.document import parse
from crawler.extraction.extract import extract_article
from crawler.extraction.pages import merge_pages
from crawler.extraction.urls import drop_params
from crawler.rules import SiteRules, is_xpath, rules_from_class

MAX_ARTICLE_PAGES = 30


def _failure_reason(failure: Failure) -> str:
    """A short, stable reason for a failed request: "HTTP 404", "timeout", "connection lost"."""
    from scrapy.exceptions import IgnoreRequest
    from scrapy.spidermiddlewares.httperror import HttpError

    if failure.check(HttpError):
        return f"HTTP {failure.value.response.status}"
    if failure.check(IgnoreRequest):
        return "forbidden by robots.txt" if "robots" in str(failure.value).lower() else "request ignored"
    name, message = failure.type.__name__, failure.getErrorMessage()
    if "Resolve" in name or "DNSLookup" in name or "DNS lookup" in message:
        return "DNS lookup failed (unknown host)"
    if "Timeout" in name or "TimedOut" in name or "took longer than" in message:
        return "timeout"
    if "ConnectionRefused" in name or "Connection was refused" in message:
        return "connection refused"
    if any(
        m in message
        for m in ("ConnectionLost", "ConnectionDone", "ResponseNeverReceived", "ConnectionAborted")
    ):
        return "connection lost"
    return name


def _day(value: str | date | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    iso = normalise_date(str(value))
    return date.fromisoformat(iso[:10]) if iso and len(iso) >= 10 else None


class NewsSpider(scrapy.Spider):
    """Base for site spiders. Subclasses set the class attributes below; code only for what
    really differs (override :meth:`index_urls` for dated index pages)."""

    allowed_domains: ClassVar[list[str]] = []
    # Entry points: listing pages (followed for article links) and feeds/sitemaps.
    start_urls: ClassVar[list[str]] = []
    feed_urls: ClassVar[list[str]] = []
    sections: ClassVar[dict[str, list[str]]] = {}  # section key -> its listing pages or feeds
    robots_sitemaps: ClassVar[bool] = True  # read the "Sitemap:" lines of robots.txt
    article_url: ClassVar[str | None] = None  # regex an article URL must match
    skip_url: ClassVar[str | None] = None  # regex of URLs never fetched (photo, video, live)
    # Listing pagination: CSS/XPath for the next-page link, or a query parameter to count up.
    next_page_css: ClassVar[tuple[str, ...]] = ("a[rel=next]::attr(href)",)
    page_param: ClassVar[str | None] = None
    # Split articles: a query that returns every page at once (("page", "all")), or links to
    # the next page of the same article (fetched in turn and joined).
    all_pages_param: ClassVar[tuple[str, str] | None] = None
    article_next_css: ClassVar[tuple[str, ...]] = ()
    # Query parameters of the site that never change the article, dropped from article links.
    drop_params: ClassVar[tuple[str, ...]] = ()
    # Selectors (see crawler.rules.SiteRules): title_css, published_css, ..., prune_css, pages_css.

    def __init__(
        self,
        urls: str | Iterable[str] | None = None,
        since: str | None = None,
        until: str | None = None,
        max_articles: int | str | None = None,
        sections: str | Iterable[str] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        if isinstance(urls, str):
            urls = [u for u in urls.split(",") if u]
        if isinstance(sections, str):
            sections = [s for s in sections.split(",") if s]
        self.urls = list(urls or [])
        self.since, self.until = _day(since), _day(until)
        self.max_articles = int(max_articles) if max_articles else None
        self.only_sections = list(sections or [])
        unknown = [s for s in self.only_sections if s not in self.sections]
        if unknown:
            raise ValueError(
                f"{self.name} has no section {', '.join(unknown)} (has: {', '.join(self.sections)})"
            )
        self.failures: list[tuple[str, str]] = []
        self.requested: set[str] = set()
        self.skipped: set[str] = set()
        self.state: SeenStore | None = None
        self.refresh_updated = False
        # Each article page parsed once, by the extraction's own parser, for every look at it.
        self._parsed: weakref.WeakKeyDictionary[Response, Selector | ExtractionError] = (
            weakref.WeakKeyDictionary()
        )

    @classmethod
    def from_crawler(cls, crawler, *args: Any, **kwargs: Any):
        spider = super().from_crawler(crawler, *args, **kwargs)
        path = crawler.settings.get("WARTA_STATE")
        if path and not spider.urls:  # fetch mode always fetches what it is given
            spider.state = SeenStore(path)
            crawler.signals.connect(spider.close_state, signal=signals.spider_closed)
        spider.refresh_updated = crawler.settings.getbool("WARTA_REFRESH_UPDATED")
        return spider

    def close_state(self) -> None:
        if self.state is not None:
            self.state.close()
            self.state = None

    # -- what the site is -------------------------------------------------------------
    @classmethod
    def site_rules(cls) -> SiteRules | None:
        return rules_from_class(cls)

    @classmethod
    def entry_points(cls) -> list[str]:
        robots = [f"https://{d}/robots.txt" for d in cls.allowed_domains[:1]] if cls.robots_sitemaps else []
        sections = [u for urls in cls.sections.values() for u in urls]
        return list(dict.fromkeys(list(cls.start_urls) + list(cls.feed_urls) + sections + robots))

    def is_article_url(self, url: str) -> bool:
        if self.skip_url and re.search(self.skip_url, url):
            return False
        return bool(self.article_url and re.search(self.article_url, url))

    def index_urls(self, day: date) -> list[str]:
        """Dated index pages for one day (page 1); sites with such an index override this."""
        return []

    def in_window(self, day: date | None) -> bool:
        if day is None:
            return True
        return (self.since is None or day >= self.since) and (self.until is None or day <= self.until)

    # -- requests -----------------------------------------------------------------------
    async def start(self) -> AsyncIterator[scrapy.Request]:
        if self.urls:  # fetch mode: exactly these pages
            for url in self.urls:
                yield self.article_request(url, meta={"warta_input": url})
            return
        for request in self.discovery_requests():
            yield request

    def discovery_requests(self) -> Iterator[scrapy.Request]:
        listings, feeds = list(self.start_urls), list(self.feed_urls)
        if self.only_sections:
            listings, feeds = [], []
        for key, urls in self.sections.items():
            if not self.only_sections or key in self.only_sections:
                for url in urls:
                    (feeds if re.search(r"sitemap|\.xml|/rss|/feed", url) else listings).append(url)
        today = datetime.now(WIB).date()
        day = min(self.until or today, today)
        while self.since and day >= self.since or day == min(self.until or today, today):
            listings += self.index_urls(day)
            day -= timedelta(days=1)
        for url in dict.fromkeys(listings):
            yield scrapy.Request(url, self.parse_listing, errback=self.on_error, meta={"warta_depth": 1})
        for url in dict.fromkeys(feeds):
            yield scrapy.Request(url, self.parse_feed, errback=self.on_error)
        if self.robots_sitemaps and not self.only_sections:
            for domain in self.allowed_domains[:1]:
                yield scrapy.Request(f"https://{domain}/robots.txt", self.parse_robots, errback=self.on_error)

    def article_request(self, url: str, **kwargs: Any) -> scrapy.Request:
        if self.all_pages_param:
            parts = urlsplit(url)
            query = dict(parse_qsl(parts.query, keep_blank_values=True))
            query.setdefault(*self.all_pages_param)
            url = urlunsplit(parts._replace(query=urlencode(query)))
        return scrapy.Request(url, self.parse_article, errback=self.on_error, **kwargs)

    def on_error(self, failure: Failure) -> None:
        url = failure.request.url if hasattr(failure, "request") else "?"
        self.fail(url, _failure_reason(failure), "failed")

    def fail(self, url: str, reason: str, kind: str = "dropped") -> None:
        self.crawler.stats.inc_value(f"warta/{kind}/{reason}")
        self.crawler.stats.inc_value(f"warta/{self.name}/{kind}/{reason}")
        self.failures.append((url, reason))
        self.logger.warning("%s %s: %s", kind, url, reason)

    # -- discovery ----------------------------------------------------------------------
    def parse_robots(self, response: Response):
        for url in sitemap_urls_from_robots(response.text, base_url=response.url):
            yield scrapy.Request(url, self.parse_feed, errback=self.on_error)

    def parse_feed(self, response: Response):
        """Sitemap index, urlset (news sitemaps too), RSS or Atom."""
        body = response.body
        if body[:2] == b"\x1f\x8b":
            body = gunzip(body)
        try:
            sitemap = Sitemap(body)
        except Exception:  # noqa: BLE001 - not XML at all: nothing to follow, counted
            self.crawler.stats.inc_value("warta/discovery/unreadable feed")
            return
        if sitemap.type == "sitemapindex":
            for entry in sitemap:
                if self.in_window(_day(entry.get("lastmod"))):
                    yield scrapy.Request(
                        urljoin(response.url, entry["loc"]), self.parse_feed, errback=self.on_error
                    )
            return
        # (link, when it was published: for the time window, when it last changed: for refreshes)
        if sitemap.type == "urlset":
            entries = [
                (
                    e["loc"],
                    e.get("publication_date") or e.get("lastmod"),
                    e.get("lastmod") or e.get("publication_date"),
                )
                for e in _news_entries(body)
            ]
        else:
            selector = scrapy.Selector(text=body.decode("utf-8", "replace"), type="xml")
            selector.remove_namespaces()
            entries = []
            for item in selector.xpath("//item | //entry"):
                published = item.xpath("pubDate/text() | published/text()").get()
                changed = item.xpath("updated/text() | modified/text()").get() or published
                entries.append((item.xpath("link/text() | link/@href").get(""), published, changed))
        links = [(loc, changed) for loc, when, changed in entries if loc and self.in_window(_day(when))]
        yield from self.follow_articles(response, links)

    def parse_listing(self, response: Response):
        links = response.css("a::attr(href)").getall()
        yield from self.follow_articles(response, links)
        # Page on while the page lists articles not yet written (even if this run already
        # queued them from a feed); stop at a page of only known articles.
        depth = response.meta.get("warta_depth", 1)
        if self.has_unwritten(response, links) and depth < self.settings.getint("WARTA_MAX_LISTING_PAGES", 5):
            next_url = self.next_listing_url(response)
            if next_url and next_url != response.url:
                yield scrapy.Request(
                    next_url, self.parse_listing, errback=self.on_error, meta={"warta_depth": depth + 1}
                )

    def has_unwritten(self, response: Response, links: Iterable[str]) -> bool:
        for href in links:
            url = drop_params(response.urljoin(href.strip()).split("#")[0], self.drop_params)
            if self.is_article_url(url) and (self.state is None or not self.state.seen(url)):
                return True
        return False

    def next_listing_url(self, response: Response) -> str | None:
        for query in self.next_page_css:
            href = response.xpath(query).get() if is_xpath(query) else response.css(query).get()
            if href and not href.startswith(("#", "javascript:")):
                return response.urljoin(href)
        if self.page_param:
            parts = urlsplit(response.url)
            query = dict(parse_qsl(parts.query, keep_blank_values=True))
            query[self.page_param] = str(int(query.get(self.page_param) or 1) + 1)
            return urlunsplit(parts._replace(query=urlencode(query)))
        return None

    def follow_articles(self, response: Response, links: Iterable[str | tuple[str, str | None]]):
        """Requests for new article links; links already written (seen-store) are skipped,
        unless --refresh-updated and the feed says the article changed since."""
        for link in links:
            href, lastmod = link if isinstance(link, tuple) else (link, None)
            url = drop_params(response.urljoin(href.strip()).split("#")[0], self.drop_params)
            if url in self.requested or not self.is_article_url(url):
                continue
            if self.max_articles is not None and len(self.requested) >= self.max_articles:
                return
            if url not in self.skipped:
                self.crawler.stats.inc_value(f"warta/{self.name}/discovered")
            if self.state is not None and self.state.seen(url):
                if not (self.refresh_updated and self._changed_since_written(url, lastmod)):
                    if url not in self.skipped:  # a later feed entry may still say it changed
                        self.skipped.add(url)
                        self.crawler.stats.inc_value(f"warta/{self.name}/skipped/seen")
                    continue
                self.crawler.stats.inc_value(f"warta/{self.name}/refreshed")
                if url in self.skipped:
                    self.skipped.discard(url)
                    self.crawler.stats.inc_value(f"warta/{self.name}/skipped/seen", -1)
            self.requested.add(url)
            yield self.article_request(url)

    def _changed_since_written(self, url: str, lastmod: str | None) -> bool:
        changed = normalise_date(lastmod) if lastmod else None
        written = self.state.last_written(url) if self.state else None
        if not changed or not written or len(changed) < 10:
            return False
        try:
            return datetime.fromisoformat(changed) > datetime.fromisoformat(written)
        except (TypeError, ValueError):
            return changed[:10] > written[:10]

    # -- articles -----------------------------------------------------------------------
    def _parse(self, response: Response) -> Selector | ExtractionError:
        if response not in self._parsed:
            content_type = response.headers.get("Content-Type", b"").decode("latin-1") or None
            try:
                self._parsed[response] = parse(response.body, content_type)
            except ExtractionError as exc:
                self._parsed[response] = exc
        return self._parsed[response]

    def page(self, response: Response) -> Selector | None:
        """The article page as extraction reads it (None when it is not HTML): site code that
        looks at the page before or after extraction uses this, so the page is parsed once."""
        found = self._parse(response)
        return found if isinstance(found, Selector) else None

    def extract(self, response: Response) -> dict[str, Any] | None:
        self.crawler.stats.inc_value(f"warta/{self.name}/fetched")
        rules = self.site_rules()
        try:
            found = self._parse(response)
            if isinstance(found, ExtractionError):
                raise found
            draft = extract_article(found, response.url, datetime.now(UTC), rules)
        except ExtractionError as exc:
            self.fail(response.url, str(exc))
            return None
        if rules is not None and draft["extractor"] == "generic":
            self.crawler.stats.inc_value(f"warta/{self.name}/generic_fallback")
        return draft

    def parse_article(self, response: Response):
        draft = self.extract(response)
        if draft is not None:
            yield from self.continue_article(response, [draft])

    def parse_article_page(self, response: Response, drafts: list[dict[str, Any]]):
        draft = self.extract(response)
        if draft is None:
            self.crawler.stats.inc_value(f"warta/{self.name}/incomplete_articles")
            yield from self.finish(drafts)
            return
        yield from self.continue_article(response, [*drafts, draft])

    def continue_article(self, response: Response, drafts: list[dict[str, Any]]):
        next_url = self.next_article_page(response)
        seen = {d["url"] for d in drafts}
        if next_url and next_url not in seen and len(drafts) < MAX_ARTICLE_PAGES:
            yield scrapy.Request(
                next_url,
                self.parse_article_page,
                cb_kwargs={"drafts": drafts},
                errback=self.on_page_error,
                meta={k: v for k, v in response.meta.items() if k == "warta_input"},
            )
            return
        yield from self.finish(drafts)

    def on_page_error(self, failure: Failure):
        """A later page failed: keep what the earlier pages gave, and count it."""
        self.on_error(failure)
        self.crawler.stats.inc_value(f"warta/{self.name}/incomplete_articles")
        yield from self.finish(failure.request.cb_kwargs["drafts"])

    def finish(self, drafts: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        """The joined draft, unless it was published outside the --since/--until window."""
        draft = merge_pages(drafts) if len(drafts) > 1 else drafts[0]
        if not self.urls and not self.in_window(_day(draft.get("published_raw"))):
            self.crawler.stats.inc_value(f"warta/{self.name}/skipped/outside date window")
            return
        yield draft

    def next_article_page(self, response: Response) -> str | None:
        page = self.page(response)
        for query in self.article_next_css if page is not None else ():
            href = page.xpath(query).get() if is_xpath(query) else page.css(query).get()
            if href and not href.startswith(("#", "javascript:")):
                return response.urljoin(href)
        return None


def _news_entries(body: bytes) -> list[dict[str, str]]:
    """urlset entries with ``news:publication_date`` lifted up (Sitemap drops nested tags)."""
    selector = scrapy.Selector(text=body.decode("utf-8", "replace"), type="xml")
    selector.remove_namespaces()
    entries = []
    for url in selector.xpath("//url"):
        entries.append(
            {
                "loc": url.xpath("loc/text()").get("").strip(),
                "lastmod": url.xpath("lastmod/text()").get(),
                "publication_date": url.xpath(".//publication_date/text()").get(),
            }
        )
    return entries
