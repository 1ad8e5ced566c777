"""Faults a user's own code can bring into a crawl, for the accounting tests: a spider whose
callback raises on some article pages, a pipeline that raises on some records, and one whose
signal handler raises (a user's WARTA_SPIDER_CLASS and ITEM_PIPELINES are plain Scrapy
settings). The crash is real Python code running inside a real crawl; warta's own code runs
unchanged around it."""

from __future__ import annotations

from typing import Any

from scrapy.http import Response

from spiders.base import NewsSpider

PIPELINES = {
    "pipelines.dates.DatesPipeline": 100,
    "pipelines.text.TextPipeline": 200,
    "tests.faults.crashing.CrashingPipeline": 250,
    "pipelines.identity.IdentityPipeline": 300,
    "pipelines.validate.ValidatePipeline": 400,
}


class CrashingSpider(NewsSpider):
    custom_settings = {"ITEM_PIPELINES": PIPELINES}

    async def parse_article(self, response: Response, drafts: list[Any] | None = None) -> Any:
        if "crash-callback" in response.url:
            raise RuntimeError("a callback that breaks")
        async for output in super().parse_article(response, drafts):
            yield output


class CrashingPipeline:
    def process_item(self, item: dict[str, Any]) -> dict[str, Any]:
        if "crash-pipeline" in item["url"]:
            raise KeyError("a pipeline that breaks")
        return item


class SignalCrashingSpider(NewsSpider):
    """Its ``item_scraped`` handler raises, which Scrapy logs and otherwise ignores."""

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> SignalCrashingSpider:
        from scrapy import signals

        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.scraped, signal=signals.item_scraped)
        return spider

    def scraped(self, item: Any) -> None:
        raise ValueError("a signal handler that breaks")
