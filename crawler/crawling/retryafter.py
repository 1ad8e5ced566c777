"""Honour ``Retry-After`` on 429/503: the site's download slot waits as long as the site asks
(capped by ``WARTA_MAX_RETRY_AFTER``) before its next request, the retry included, instead of
hammering it again at once.

The wait is the slot's delay in Scrapy's downloader, not a sleep on one response: every request
to that host waits (the site asked the crawler, not one URL, to come back later), requests to
other hosts go on, and the slot gets its own delay back when the host answers normally again.
A run told to stop (SIGTERM, SIGINT) does not sit out the wait: Scrapy's graceful stop waits for
every request in the downloader, so the requests held in a slowed slot are failed at once with
the reason "stopped during a Retry-After wait".
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from time import monotonic, time
from typing import TYPE_CHECKING, Any

from scrapy.downloadermiddlewares.retry import get_retry_request
from scrapy.exceptions import NotConfigured
from scrapy.utils.asyncio import create_looping_call
from twisted.python.failure import Failure

from crawler.errors import WartaError

if TYPE_CHECKING:
    from scrapy.core.downloader import Slot
    from scrapy.crawler import Crawler
    from scrapy.http import Request, Response

logger = logging.getLogger(__name__)
STOP_CHECK_INTERVAL = 0.5  # seconds between looks at whether the run is stopping


class StoppedWaiting(WartaError):
    """The run was stopped while the request waited for the site's Retry-After."""

    reason = "stopped during a Retry-After wait"


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds from a Retry-After header: delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


@dataclass
class Slowed:
    """A slot's own delay and jitter, kept while the site asked it to wait; ``since``: when
    it last asked (wall-clock, as Scrapy's ``download_latency``)."""

    delay: float
    jitter: float
    since: float = 0.0
    wait: float = 0.0


class RetryAfterMiddleware:
    def __init__(self, crawler: Crawler, max_wait: float) -> None:
        self.crawler = crawler
        self.max_wait = max_wait
        self.slowed: dict[str, Slowed] = {}
        self.watch: Any = None  # a looping call while some slot is slowed

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RetryAfterMiddleware:
        max_wait = crawler.settings.getfloat("WARTA_MAX_RETRY_AFTER", 120)
        if max_wait <= 0 or not crawler.settings.getbool("RETRY_ENABLED"):
            raise NotConfigured
        return cls(crawler, max_wait)

    def process_response(self, request: Request, response: Response) -> Request | Response:
        key = request.meta.get("download_slot")
        wait = None
        if response.status in (429, 503):
            wait = retry_after_seconds((response.headers.get("Retry-After") or b"").decode("latin-1"))
        if wait is None:
            sent = time() - request.meta.get("download_latency", 0.0)
            self.restore(key, sent)
            return response  # Scrapy's RetryMiddleware decides as usual
        assert self.crawler.spider is not None  # a response means a spider is running
        self.slow(key, min(wait, self.max_wait))
        retry = get_retry_request(
            request,
            spider=self.crawler.spider,
            reason=f"{response.status} Retry-After",
            stats_base_key="retry",
        )
        if retry is None:
            return response
        self.crawler.stats.inc_value("warta/retry_after_waits")
        return retry

    def _slot(self, key: str | None) -> Slot | None:
        engine = self.crawler.engine
        return engine.downloader.slots.get(key) if engine is not None and key is not None else None

    def slow(self, key: str | None, wait: float) -> None:
        """The slot's next request goes out ``wait`` seconds from now, and so on until the host
        answers without Retry-After."""
        slot = self._slot(key)
        if slot is None or key is None:
            return
        self.slowed.setdefault(key, Slowed(slot.delay, slot.jitter))
        self.slowed[key].since, self.slowed[key].wait = time(), wait
        slot.delay, slot.jitter, slot.lastseen = wait, 0.0, monotonic()
        logger.info("%s asked to wait: its requests go out %.0f s apart (Retry-After)", key, wait)
        if self.watch is None:
            self.watch = create_looping_call(self.release_if_stopping)
            self.watch.start(STOP_CHECK_INTERVAL, now=False)

    def restore(self, key: str | None, sent: float) -> None:
        """The slot's own delay back, once a request sent after the last Retry-After's wait
        (not one that was on its way already) is answered without one; waiting requests go on."""
        slowed = self.slowed.get(key or "")
        if key is None or slowed is None or sent < slowed.since + slowed.wait / 2:
            return
        del self.slowed[key]
        slot = self._slot(key)
        if slot is not None:
            slot.delay, slot.jitter = slowed.delay, slowed.jitter
            logger.info("%s answers again: its delay is %.1f s", key, slowed.delay)
            slot.close()  # the next request was timed by the long delay: time it again
            process_queue = getattr(self.crawler.engine.downloader, "_process_queue", None)
            if process_queue is not None:
                process_queue(slot)
        if not self.slowed:
            self.stop_watch()

    def stop_watch(self) -> None:
        if self.watch is not None and self.watch.running:
            self.watch.stop()
        self.watch = None

    def release_if_stopping(self) -> None:
        """Fail the requests held in slowed slots once the engine is stopping."""
        engine = self.crawler.engine
        if engine is not None and engine.running:
            return
        for key in list(self.slowed):
            slot = self._slot(key)
            self.slowed.pop(key)
            if slot is None:
                continue
            slot.close()  # cancels the call that would send the next request
            logger.info("stopping: %d requests to %s no longer wait (Retry-After)", len(slot.queue), key)
            while slot.queue:
                request, waiting = slot.queue.popleft()
                waiting.errback(Failure(StoppedWaiting(detail=request.url)))
        self.stop_watch()
