"""canonical_url and id; a second record with the same id in one run is dropped."""

from __future__ import annotations

from typing import Any

from scrapy.exceptions import DropItem

from crawler.extraction.steps import identify
from pipelines.base import StepPipeline


class IdentityPipeline(StepPipeline):
    step = staticmethod(identify)

    def __init__(self, crawler) -> None:
        super().__init__(crawler)
        self.seen: set[str] = set()

    async def process_item(self, item: Any) -> dict[str, Any]:
        record = await super().process_item(item)
        if record["id"] in self.seen:
            self.stats.inc_value("warta/dropped/duplicate in run")
            raise DropItem(f"duplicate in run <{record['url']}>")
        self.seen.add(record["id"])
        return record
