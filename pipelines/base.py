"""The shared adapter: run one record step, copy its counters into the crawl stats, and
turn a step's refusal into a DropItem with a named reason. A step marked ``in_pool`` runs in
the crawl's extraction workers when there are any (:mod:`crawler.crawling.pool`)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any, ClassVar

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem

from crawler.crawling.pool import ExtractionPool, WorkerLost, pool_for
from crawler.errors import WartaError
from crawler.extraction.record import Draft
from crawler.extraction.steps import Step, run_step

if TYPE_CHECKING:
    from typing import Self

    from scrapy.crawler import Crawler


def as_record(item: Any) -> dict[str, Any]:
    """The item as a plain dict. warta's spiders yield dicts: a shallow copy is enough, where
    ItemAdapter.asdict() looks into every nested value (16% of a crawl's CPU with four steps)."""
    return dict(item) if type(item) is dict else ItemAdapter(item).asdict()


class StepPipeline:
    step: ClassVar[staticmethod[[Draft, Any], Draft]]  # a step of crawler.extraction.steps
    in_pool: ClassVar[bool] = False  # worth a trip to a worker (milliseconds a record)

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def pool(self) -> ExtractionPool | None:
        if "_pool" not in self.__dict__:  # asked once the reactor runs
            self._pool = pool_for(self.crawler) if self.in_pool else None
        return self._pool

    async def process_item(self, item: Any) -> dict[str, Any]:
        record = as_record(item)
        job: tuple[Step, Draft] = (type(self).step, record)
        pool = self.pool()
        try:
            done, counts, refused = run_step(job) if pool is None else await pool.run(run_step, job)
        except WorkerLost as exc:
            done, counts, refused = None, Counter(), WartaError(exc.reason)
        for key, value in counts.items():
            self.stats.inc_value(f"warta/{key}", value)
        if refused is not None or done is None:
            reason = refused.reason if refused is not None else "error"
            site = record.get("site") or "unknown"
            self.stats.inc_value(f"warta/dropped/{reason}")
            self.stats.inc_value(f"warta/{site}/dropped/{reason}")
            raise DropItem(f"{refused} <{record.get('url')}>")
        return done
