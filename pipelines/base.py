"""The shared adapter: run one record step, copy its counters into the crawl stats, and
turn a step's refusal into a DropItem with a named reason."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any, ClassVar

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem

from crawler.errors import WartaError
from crawler.extraction.record import Draft

if TYPE_CHECKING:
    from typing import Self

    from scrapy.crawler import Crawler


class StepPipeline:
    step: ClassVar[staticmethod[[Draft, Counter[str] | None], Draft]]  # a step of crawler.extraction.steps

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def process_item(self, item: Any) -> dict[str, Any]:
        counts: Counter = Counter()
        record = ItemAdapter(item).asdict()
        try:
            record = self.step(record, counts)
        except WartaError as exc:
            site = record.get("site") or "unknown"
            self.stats.inc_value(f"warta/dropped/{exc.reason}")
            self.stats.inc_value(f"warta/{site}/dropped/{exc.reason}")
            raise DropItem(f"{exc} <{record.get('url')}>") from exc
        finally:
            for key, value in counts.items():
                self.stats.inc_value(f"warta/{key}", value)
        return record
