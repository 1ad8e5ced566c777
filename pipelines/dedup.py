"""Near-duplicates at crawl time (``WARTA_DEDUP``, ``warta crawl --dedup``): each record gets
``duplicate_of``, the first record of the group it copies among every record the seen-store
has written before (any run, any site), or null. Records enter that index only once their file
is committed (:meth:`crawler.crawling.state.SeenStore.mark_written`), like their ids."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.exceptions import NotConfigured

from crawler.crawling.state import SeenStore

if TYPE_CHECKING:
    from typing import Self

    from scrapy.crawler import Crawler


class DedupPipeline:
    def __init__(self, crawler: Crawler, state: str, threshold: float) -> None:
        self.stats = crawler.stats
        self.state, self.threshold = state, threshold
        self.store: SeenStore | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        if not settings.getbool("WARTA_DEDUP") or not settings.get("WARTA_STATE"):
            raise NotConfigured("near-duplicates need WARTA_DEDUP and a seen-store (WARTA_STATE)")
        pipeline = cls(crawler, settings.get("WARTA_STATE"), settings.getfloat("WARTA_DEDUP_THRESHOLD"))
        crawler.signals.connect(pipeline.close, signal=signals.spider_closed)
        return pipeline

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None

    def process_item(self, item: Any) -> dict[str, Any]:
        record = ItemAdapter(item).asdict()
        if self.store is None:
            self.store = SeenStore(self.state)
        record["duplicate_of"] = self.store.near_copy(record, self.threshold)
        if record["duplicate_of"]:
            self.stats.inc_value("warta/near_duplicates")
        return record
