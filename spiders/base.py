"""The Scrapy spider that crawls any declared site.

A site file declares a :class:`crawler.site.Site`; the spider loader
(:class:`crawler.crawling.project.SiteLoader`) makes a :class:`NewsSpider` subclass of each, so
``scrapy crawl SITE`` and ``warta crawl SITE`` run it. The spider reads entry points
(:mod:`crawler.crawling.discovery`), proposes article links (which are fetched is decided by
:mod:`crawler.crawling.incremental`), joins the pages of split articles and hands each page to
:func:`crawler.crawling.article_page.read_article_page` (in an extraction worker,
:mod:`crawler.crawling.pool`, unless ``WARTA_EXTRACT_WORKERS`` is 0); the item pipelines finish
the record. Pages
that cannot be extracted and requests that fail are counted with their reason and kept in
``self.failures``: never a crash, never a silent drop.

Spider arguments (``-a NAME=VALUE``, or ``warta crawl`` options): ``urls`` (fetch exactly these),
``since``/``until`` (ISO dates: the publication window), ``max_articles``, ``sections``
(comma-separated keys), ``domain`` (the generic spider's domain).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Iterator
from datetime import UTC, datetime
from typing import Any, ClassVar

import scrapy
from parsel import Selector
from scrapy.http import HtmlResponse, Response
from twisted.python.failure import Failure
from w3lib.url import safe_url_string

from crawler.crawling import discovery
from crawler.crawling.article_page import ArticlePage, PageReading, packed_site, read_article_page
from crawler.crawling.failures import failure_reason
from crawler.crawling.pool import ExtractionPool, WorkerLost, pool_for
from crawler.crawling.window import Window
from crawler.errors import ExtractionError
from crawler.extraction.dates import WIB
from crawler.extraction.document import parse
from crawler.extraction.extract import Draft
from crawler.extraction.pages import MAX_ARTICLE_PAGES, merge_pages
from crawler.extraction.urls import canonicalize
from crawler.site import Site


class NewsSpider(scrapy.Spider):
    site: ClassVar[Site]

    def __init__(
        self,
        urls: str | Iterable[str] | None = None,
        since: str | None = None,
        until: str | None = None,
        max_articles: int | str | None = None,
        sections: str | Iterable[str] | None = None,
        domain: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.urls = [u for u in urls.split(",") if u] if isinstance(urls, str) else list(urls or [])
        wanted = sections.split(",") if isinstance(sections, str) else list(sections or [])
        self.only_sections = [s for s in wanted if s]
        self.site.check_sections(self.only_sections)
        self.window = Window.of(since, until)
        self.max_articles = int(max_articles) if max_articles else None
        self.start_urls = list(self.site.entry_points(self.only_sections))
        if domain and not self.site.allowed_domains:  # the generic spider on one domain
            self.allowed_domains, self.start_urls = [domain], [f"https://{domain}/"]
        self.failures: list[tuple[str, str]] = []

    # -- requests -----------------------------------------------------------------------
    async def start(self) -> AsyncIterator[scrapy.Request]:
        if self.urls:  # fetch mode: exactly these pages
            for url in self.urls:
                yield self.article_request(url, meta={"warta_input": url})
            return
        for request in self.discovery_requests():
            yield request

    def discovery_requests(self) -> Iterator[scrapy.Request]:
        entries = list(self.start_urls)
        if self.site.day_index is not None:
            for day in self.window.index_days(datetime.now(WIB).date()):
                entries += self.site.day_index(day, self.only_sections)
        for url in dict.fromkeys(entries):
            yield self.entry_request(url)
        if self.site.robots_sitemaps and not self.only_sections:
            for domain in self.allowed_domains[:1]:
                yield scrapy.Request(
                    f"https://{domain}/robots.txt", self.parse_robots, errback=self.on_robots_error
                )

    def article_request(self, url: str, meta: dict[str, Any] | None = None, **kwargs: Any) -> scrapy.Request:
        return scrapy.Request(
            self.site.fetch_url(url),
            self.parse_article,
            errback=self.on_error,
            meta={**(meta or {}), **self.page_limit()},
            **kwargs,
        )

    def page_limit(self) -> dict[str, int]:
        """An article page over WARTA_MAX_PAGE_BYTES, as sent or once inflated, is not read: the
        download is cancelled and counted as failed, "too large" (crawler.crawling.failures)."""
        limit = self.settings.getint("WARTA_MAX_PAGE_BYTES")
        return {"download_maxsize": limit} if limit > 0 else {}  # 0: DOWNLOAD_MAXSIZE alone

    def on_error(self, failure: Failure) -> None:
        request = getattr(failure, "request", None)  # Scrapy sets it on download failures
        url = request.url if request is not None else "?"
        self.fail(url, failure_reason(failure), "failed", request.meta if request is not None else None)

    def fail(self, url: str, reason: str, kind: str = "dropped", meta: dict[str, Any] | None = None) -> None:
        """Count and keep a failure. `warta fetch` asks about the URL it was given (the request's
        ``warta_input``), wherever redirects or later pages led: the failure is kept under it,
        saying where it happened when that is another URL."""
        self.crawler.stats.inc_value(f"warta/{kind}/{reason}")
        self.crawler.stats.inc_value(f"warta/{self.name}/{kind}/{reason}")
        asked = (meta or {}).get("warta_input", url)
        self.failures.append((asked, reason if url == safe_url_string(asked) else f"{reason} (at {url})"))
        self.logger.warning("%s %s: %s", kind, url, reason)

    # -- discovery ----------------------------------------------------------------------
    def discovered(self, what: str, by: int = 1) -> None:
        """Count a discovery outcome of this site (the run summary's "discovery")."""
        self.crawler.stats.inc_value(f"warta/{self.name}/discovery/{what}", by)

    def on_entry_error(self, failure: Failure) -> None:
        self.on_error(failure)
        self.discovered("entry points failed")

    def on_robots_error(self, failure: Failure) -> None:
        """robots.txt could not be read: its sitemaps are not followed (Scrapy's robots.txt
        middleware then allows every URL, as it does for any robots.txt it cannot read)."""
        self.on_error(failure)
        self.discovered("robots.txt unavailable")

    def parse_robots(self, response: Response) -> Iterator[scrapy.Request]:
        urls = discovery.robots_sitemaps(response.body, response.url)
        if not urls:
            self.discovered("robots.txt lists no sitemap")
        if len(urls) > discovery.MAX_ROBOTS_SITEMAPS:  # a site lists tens; more is a trap
            self.discovered("robots.txt sitemaps left out", len(urls) - discovery.MAX_ROBOTS_SITEMAPS)
        for url in urls[: discovery.MAX_ROBOTS_SITEMAPS]:
            yield self.entry_request(url)

    def parse_entry(self, response: Response) -> Iterator[scrapy.Request]:
        """An entry point: a sitemap or feed, a JSON listing, or an HTML listing, by its content.
        One that cannot be read is counted as failed with its reason, never silently empty."""
        try:
            unpacked = discovery.decompress(response.body, self.entry_limit())
            body = unpacked.body
            feed = discovery.read_feed(body) if discovery.kind_of(body) == "xml" else None
        except discovery.FeedRefused as exc:
            self.fail(response.url, str(exc), "failed")
            self.discovered("entry points failed")
            return
        if unpacked.truncated:
            self.discovered("truncated gzip")  # what it held is read: the URLs before the cut
        self.discovered("entry points read")
        if feed is not None:
            yield from self.parse_feed(response, feed)
        elif discovery.kind_of(body) == "json":
            if not self.too_large(response, body):
                yield from self.follow_listed(response, discovery.json_links(body, response.url))
        else:
            yield from self.parse_listing(response, body)

    def too_large(self, response: Response, body: bytes | None) -> bool:
        """A listing page (HTML or JSON) larger than an article page may be (WARTA_MAX_PAGE_BYTES)
        is not read: 40 MB of tiny elements or strings take GBs once parsed. Counted."""
        limit = self.settings.getint("WARTA_MAX_PAGE_BYTES")
        if limit and len(body if body is not None else response.body) > limit:
            self.fail(response.url, "too large", "failed")
            return True
        return False

    def entry_limit(self) -> int:
        return discovery.feed_limit(self.settings.getint("DOWNLOAD_MAXSIZE"))

    def entry_request(self, url: str, nested: int = 0) -> scrapy.Request:
        """A listing page, feed or sitemap: at most :func:`discovery.feed_limit` bytes, whether
        downloaded as is or decompressed from a gzip Content-Encoding. ``nested``: how many
        sitemap indexes led to it."""
        meta = {"warta_depth": 1, "download_maxsize": self.entry_limit(), "warta_nested": nested}
        return scrapy.Request(url, self.parse_entry, errback=self.on_entry_error, meta=meta)

    def count_listed(self, response: Response, listed: bool) -> None:
        """Whether an entry point listed article links (before the seen-store is asked)."""
        if response.meta.get("warta_depth", 1) > 1:  # a later page of a listing: not an entry point
            return
        self.discovered("entry points listing articles" if listed else "entry point without article links")

    def parse_feed(self, response: Response, feed: discovery.Feed) -> Iterator[scrapy.Request]:
        if feed.cut:
            self.discovered("feed cut short")  # read up to the cut, its last (partial) entry left out
        elif feed.damaged:
            self.discovered("feed with XML errors")  # what the parser could read is used
        nested = response.meta.get("warta_nested", 0) + 1
        if feed.is_index and nested > self.settings.getint("WARTA_MAX_SITEMAP_NESTING", 3):
            self.discovered("sitemap indexes nested too deep")  # a generated trap, not a site's archive
            return
        if feed.is_index:
            for entry in feed.entries:
                if self.window.holds(entry.published):
                    yield self.entry_request(response.urljoin(entry.url), nested)
            if not feed.entries:
                self.discovered("entry point without article links")
            return
        in_window = (e for e in feed.entries if self.window.holds(e.published))
        yield from self.follow_listed(response, in_window, also=feed.entries)

    def follow_listed(
        self,
        response: Response,
        links: Iterable[str | discovery.Entry],
        also: Iterable[str | discovery.Entry] = (),
    ) -> Iterator[scrapy.Request]:
        """:meth:`follow_articles`, one request at a time (a sitemap lists 50,000), then counted:
        the entry point listed article links, or none. Links in ``also`` (a feed's entries
        published outside --since/--until) count as listed but are not followed."""
        listed = False
        for request in self.follow_articles(response, links):
            listed = True
            yield request
        self.count_listed(response, listed or any(True for _ in self.follow_articles(response, also)))

    def parse_listing(self, response: Response, body: bytes | None = None) -> Iterator[scrapy.Request]:
        """An HTML listing page and its next pages. A listing served with a binary type
        (application/octet-stream) is read when its bytes are HTML."""
        if self.too_large(response, body):
            return
        selector = self.listing_selector(response, body)
        if selector is None:  # an image or a binary where a listing was
            self.discovered("unreadable entry point")
            return
        requests = list(self.follow_articles(response, selector.css("a::attr(href)").getall()))
        yield from requests
        self.count_listed(response, bool(requests))
        depth = response.meta.get("warta_depth", 1)
        if not requests or depth >= self.settings.getint("WARTA_MAX_LISTING_PAGES", 5):
            return
        next_url = self.site.next_listing_url(response.url, selector)
        if next_url and next_url != response.url:
            meta = {"warta_depth": depth + 1, "warta_listed": [r.url for r in requests]}
            yield scrapy.Request(next_url, self.parse_listing, errback=self.on_error, meta=meta)

    @staticmethod
    def listing_selector(response: Response, body: bytes | None) -> Selector | None:
        """The listing as HTML: Scrapy's own selector for an HTML response, else the bytes read
        by the extraction's parser (None when they are not HTML: an image, a binary)."""
        if isinstance(response, HtmlResponse) and (body is None or body is response.body):
            return response.selector
        try:
            return parse(body if body is not None else response.body)
        except ExtractionError:
            return None

    def follow_articles(
        self, response: Response, links: Iterable[str | discovery.Entry]
    ) -> Iterator[scrapy.Request]:
        """A request for each article a page links (the first of the links that canonicalize
        alike: www. and m., tracking queries); incremental crawling decides which go out."""
        seen: set[str] = set()
        for link in links:
            entry = link if isinstance(link, discovery.Entry) else discovery.Entry(link)
            url = self.site.article_link(response.urljoin(entry.url.strip()))
            key = canonicalize(url)
            if key in seen or not self.is_article_link(url, entry):
                continue
            seen.add(key)
            yield self.article_request(url, meta={"warta_article": True, "warta_lastmod": entry.changed})

    def is_article_link(self, url: str, entry: discovery.Entry) -> bool:
        """Whether a link or feed entry is followed as an article: the site's URL shape."""
        return self.site.is_article_url(url)

    # -- articles -----------------------------------------------------------------------
    reject_lists: ClassVar[bool] = False  # a domain crawl refuses lists of articles (spiders/domain.py)

    def extraction_pool(self) -> ExtractionPool | None:
        """The extraction workers (None: article pages are read in this process), asked for
        once the reactor runs."""
        if "_pool" not in self.__dict__:
            self._pool = pool_for(self.crawler)
        return self._pool

    async def read_page(self, response: Response, ask_all_pages: bool) -> PageReading:
        """The page read by :func:`read_article_page`, in an extraction worker when there is a
        pool. A worker lost on it (died, or killed for overrunning its time) is the page's error."""
        content_type = (response.headers.get("Content-Type") or b"").decode("latin-1") or None
        page = ArticlePage(
            body=response.body,
            url=response.url,
            content_type=content_type,
            fetched_at=response.meta.get("warta_fetched_at") or datetime.now(UTC),  # as the WARC says
            site=self.packed_site(),
            home_zone=self.settings.get("WARTA_TIMEZONE") or None,
            ask_all_pages=ask_all_pages,
            reject_lists=self.reject_lists,
        )
        pool = self.extraction_pool()
        if pool is None:
            return read_article_page(page)
        try:
            return await pool.run(read_article_page, page)
        except WorkerLost as exc:
            return PageReading(error=exc.reason)

    def packed_site(self) -> bytes:
        if "_packed_site" not in self.__dict__:
            self._packed_site = packed_site(self.site)
        return self._packed_site

    def extract(self, response: Response, reading: PageReading) -> Draft | None:
        """The page's draft, or None with the reason counted."""
        self.crawler.stats.inc_value(f"warta/{self.name}/fetched")
        if reading.draft is None:
            self.fail(response.url, reading.error or "no draft", meta=response.meta)
            return None
        if self.site.rules is not None and reading.draft["extractor"] == "generic":
            self.crawler.stats.inc_value(f"warta/{self.name}/generic_fallback")
        return reading.draft

    async def parse_article(
        self, response: Response, drafts: list[Draft] | None = None
    ) -> AsyncIterator[Any]:
        """One page of an article (``drafts``: the pages before it), then its next page or the
        joined article."""
        first = not drafts and response.request is not None and not response.meta.get("warta_all_pages")
        reading = await self.read_page(response, ask_all_pages=first)
        if reading.charset_guessed:  # no charset said, not UTF-8: read as windows-1252, counted
            self.crawler.stats.inc_value(f"warta/{self.name}/charset_guessed")
        if reading.all_pages_url is not None:
            yield self.all_pages_request(response, reading.all_pages_url)
            return
        draft = self.extract(response, reading)
        if draft is None:
            if drafts:  # a later page could not be read: the earlier pages still make the article
                self.crawler.stats.inc_value(f"warta/{self.name}/incomplete_articles")
                for joined in self.finish(drafts):
                    yield joined
            return
        drafts = [*(drafts or []), draft]
        next_url = reading.next_url
        if next_url and next_url not in {d["url"] for d in drafts} and len(drafts) < MAX_ARTICLE_PAGES:
            meta = {k: v for k, v in response.meta.items() if k == "warta_input"} | self.page_limit()
            yield scrapy.Request(
                next_url,
                self.parse_article,
                cb_kwargs={"drafts": drafts},
                errback=self.on_page_error,
                meta=meta,
            )
            return
        for joined in self.finish(drafts):
            yield joined

    def all_pages_request(self, response: Response, url: str) -> scrapy.Request:
        """Page 1 of a split article, asked again for every page at once (when the site says how)."""
        assert response.request is not None
        meta = {k: v for k, v in response.meta.items() if k != "warta_article"}  # already let through
        return response.request.replace(url=url, dont_filter=True, meta={**meta, "warta_all_pages": True})

    def on_page_error(self, failure: Failure) -> Iterator[Draft]:
        """A later page failed: keep what the earlier pages gave, and count it."""
        self.on_error(failure)
        self.crawler.stats.inc_value(f"warta/{self.name}/incomplete_articles")
        request = getattr(failure, "request", None)
        yield from self.finish(request.cb_kwargs["drafts"] if request is not None else [])

    def finish(self, drafts: list[Draft]) -> Iterator[Draft]:
        """The joined draft, unless it was published outside the --since/--until window."""
        if not drafts:
            return
        draft = merge_pages(drafts) if len(drafts) > 1 else drafts[0]
        if not self.urls and not self.window.holds(draft.get("published_raw")):
            self.crawler.stats.inc_value(f"warta/{self.name}/skipped/outside date window")
            return
        yield draft
