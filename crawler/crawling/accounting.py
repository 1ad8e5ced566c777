"""Every article accounted for: an exception in a spider callback or an item pipeline would
otherwise only be logged by Scrapy (the article missing, counted nowhere, exit 0). Here it
is counted under a named reason, through the spider's own ``fail``, so the run summary, the
exit status and ``warta fetch`` all see it.

Reasons: ``extraction error (TYPE)`` for an article page, ``pipeline error (TYPE)`` for a
record, ``discovery/error (TYPE)`` for a feed, sitemap or listing.
"""

from __future__ import annotations

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
