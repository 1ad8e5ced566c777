"""Every article accounted for: an exception in a spider callback or an item pipeline would
otherwise only be logged by Scrapy (the article missing, counted nowhere, exit 0). Here it
is counted under a named reason, through the spider's own ``fail``, so the run summary, the
exit status and ``warta fetch`` all see it.

Reasons: ``extraction error (TYPE)`` for an article page, ``pipeline error (TYPE)`` for a
record, ``discovery/error (TYPE)`` for a feed, sitemap or listing. An error in the run's own
machinery (a signal handler, an engine step) fails the whole run instead (``InternalErrors``).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.spidermiddlewares.base import BaseSpiderMiddleware
from scrapy.spidermiddlewares.httperror import HttpError

if TYPE_CHECKING:
    from scrapy import Spider
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from twisted.python.failure import Failure


def _count(spider: Spider, url: str, reason: str, kind: str) -> None:
    fail = getattr(spider, "fail", None)
    if fail is not None:  # a warta spider: counted, kept for `warta fetch`, logged
        fail(url, reason, kind)
    else:
        assert spider.crawler.stats is not None
        spider.crawler.stats.inc_value(f"warta/{spider.name}/{kind}/{reason}")


class CallbackErrors(BaseSpiderMiddleware):
    """Last in the chain of exception handlers: what no one else handled is counted and the
    callback's output ends there (the crawl goes on)."""

    def process_spider_exception(self, response: Response, exception: Exception) -> list[Any] | None:
        if isinstance(exception, HttpError):  # Scrapy's own middleware decides on these
            return None
        spider = self.crawler.spider
        assert spider is not None
        callback = getattr(response.request, "callback", None) if response.request else None
        name = type(exception).__name__
        if getattr(callback, "__name__", "") == "parse_article":
            _count(spider, response.url, f"extraction error ({name})", "dropped")
        else:
            _count(spider, response.url, f"error ({name})", "discovery")
        spider.logger.debug("%s in a callback on %s", name, response.url, exc_info=exception)
        return []


class PipelineErrors:
    """An item pipeline that raised anything but DropItem: the record is counted as dropped."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> PipelineErrors:
        extension = cls(crawler)
        crawler.signals.connect(extension.item_error, signal=signals.item_error)
        return extension

    def item_error(self, item: Any, response: Response | None, spider: Spider, failure: Failure) -> None:
        url = (item.get("url") if isinstance(item, dict) else None) or (response.url if response else "?")
        name = failure.type.__name__ if failure.type else "error"
        _count(spider, url, f"pipeline error ({name})", "dropped")


# Scrapy's loggers whose ERROR records mean a component of the run itself failed (a signal
# handler, an engine step, closing the scheduler or a pipeline): logged, then the run goes on.
_INTERNAL = {"scrapy.utils.signal", "scrapy.core.engine"}
_SCRAPER_BUG = "Scraper bug"  # the one such record of scrapy.core.scraper (the rest are counted)
_WATCHED = _INTERNAL | {"scrapy.core.scraper"}


class InternalErrors(logging.Handler):
    """An exception Scrapy caught inside its own machinery is logged and the crawl goes on,
    ending with exit 0 whatever it broke (a scheduler whose idle check raised lets a worker
    leave a shared crawl at once). The first one is kept as ``warta/internal_error`` so the
    run's summary names it and fails."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(logging.ERROR)
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> InternalErrors:
        handler = cls(crawler)
        for name in _WATCHED:
            logging.getLogger(name).addHandler(handler)
        crawler.signals.connect(handler.detach, signal=signals.engine_stopped)
        return handler

    def detach(self) -> None:
        for name in _WATCHED:
            logging.getLogger(name).removeHandler(self)

    def emit(self, record: logging.LogRecord) -> None:
        if record.name not in _INTERNAL and not str(record.msg).startswith(_SCRAPER_BUG):
            return
        spider = getattr(record, "spider", None)
        if spider is not None and spider is not self.crawler.spider:
            return  # another site's crawler in the same process
        assert self.crawler.stats is not None
        if not self.crawler.stats.get_value("warta/internal_error"):
            self.crawler.stats.set_value("warta/internal_error", internal_error(record))


def internal_error(record: logging.LogRecord) -> str:
    """One line: what failed, and the exception when there is one."""
    what = record.getMessage().splitlines()[0]
    if record.exc_info and record.exc_info[1] is not None:
        exc = record.exc_info[1]
        what += f" ({type(exc).__name__}: {exc})"
    return f"an error inside the run, which may be incomplete: {what}"
