"""Incremental crawling: a spider middleware that lets through only the article requests a
run still needs.

The spider proposes every article link it discovers (``meta["warta_article"]``); this
middleware drops those already requested in this run, those past ``--max-articles``, and those
the seen-store says are written, unless ``--refresh-updated`` and the link's ``lastmod`` is
newer than the copy written. It also stops a listing's pagination at a page whose articles are
all written (``meta["warta_listed"]``). Every decision is counted per site.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from redis.exceptions import RedisError
from scrapy import Request, signals
from scrapy.spidermiddlewares.base import BaseSpiderMiddleware

from crawler.crawling.redisstate import LOST_REASON, RedisSeenStore, lose_redis, settings_worker
from crawler.crawling.state import SeenStore, url_key
from crawler.extraction.dates import normalise_date

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.http import Response


class IncrementalMiddleware(BaseSpiderMiddleware):
    def __init__(self, crawler: Crawler, state: str | None, refresh_updated: bool) -> None:
        super().__init__(crawler)
        self.state_path, self.refresh_updated = state, refresh_updated
        self.store: SeenStore | RedisSeenStore | None = None
        self.requested: set[str] = set()  # url keys requested in this run
        self.skipped: set[str] = set()  # url keys skipped as already written

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> IncrementalMiddleware:
        settings = crawler.settings
        middleware = cls(
            crawler, settings.get("WARTA_STATE") or None, settings.getbool("WARTA_REFRESH_UPDATED")
        )
        crawler.signals.connect(middleware.close, signal=signals.spider_closed)
        return middleware

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None

    def _store(self) -> SeenStore | RedisSeenStore | None:
        """The seen-store: shared over Redis when the crawl is (WARTA_REDIS), else the SQLite file."""
        if self.store is None:
            worker = settings_worker(self.crawler.settings)
            if worker is not None:
                self.store = RedisSeenStore(worker)
            elif self.state_path:
                self.store = SeenStore(self.state_path)
        return self.store

    def _count(self, what: str, by: int = 1) -> None:
        assert self.crawler.spider is not None
        self.crawler.stats.inc_value(f"warta/{self.crawler.spider.name}/{what}", by)

    def get_processed_request(self, request: Request, response: Response | None) -> Request | None:
        try:
            if "warta_listed" in request.meta:
                return request if self._has_unwritten(request.meta["warta_listed"]) else None
            if request.meta.get("warta_article"):
                return request if self._wanted(request) else None
        except RedisError as exc:  # the shared seen-store is gone: the crawl stops
            lose_redis(self.crawler, exc)
            if request.meta.get("warta_article") and url_key(request.url) not in self.skipped:
                self._count(f"failed/{LOST_REASON}")  # discovered, not fetched: the next run finds it
            return None
        return request

    def _has_unwritten(self, urls: list[str]) -> bool:
        """A listing's next page is worth reading while this page lists articles not yet written
        (even if this run already queued them from a feed)."""
        store = self._store()
        return store is None or any(not store.seen(url) for url in urls)

    def _wanted(self, request: Request) -> bool:
        key = url_key(request.url)
        limit = getattr(self.crawler.spider, "max_articles", None)
        if key in self.requested or (limit is not None and len(self.requested) >= limit):
            return False
        store = self._store()
        # In a crawl shared over Redis an article is counted by the worker that takes it from
        # the queue (crawler.crawling.redisqueue), so each worker's numbers add up.
        at_pop = isinstance(store, RedisSeenStore)
        if key not in self.skipped:
            self._count("discovered")
        if store is not None and store.seen(request.url):
            if not (
                self.refresh_updated and changed_since(store, request.url, request.meta.get("warta_lastmod"))
            ):
                if key not in self.skipped:  # a later feed entry may still say it changed
                    self.skipped.add(key)
                    self._count("skipped/seen")
                return False
            self._count("refreshed")
            request.meta["warta_refresh"] = True  # a shared queue lets it through (redisqueue)
            if key in self.skipped:
                self.skipped.discard(key)
                self._count("skipped/seen", -1)
        if at_pop:  # counted once so far (now, or when it was skipped); the taker counts it
            self._count("discovered", -1)
        self.requested.add(key)
        return True


def changed_since(store: SeenStore | RedisSeenStore, url: str, lastmod: str | None) -> bool:
    """The feed says the article changed after the copy written was written."""
    changed = normalise_date(lastmod) if lastmod else None
    written = store.last_written(url)
    if not changed or not written or len(changed) < 10:
        return False
    try:
        return datetime.fromisoformat(changed) > datetime.fromisoformat(written)
    except (TypeError, ValueError):
        return changed[:10] > written[:10]
