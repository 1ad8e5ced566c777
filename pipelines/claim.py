"""A shared crawl (``warta crawl --redis``): a record goes into this worker's file only once
this worker has claimed its article, so each article is written once over all workers. A record
another worker is writing (or wrote) is counted as already seen, not as dropped."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem, NotConfigured

from crawler.crawling.redisstate import RedisSeenStore, settings_worker

if TYPE_CHECKING:
    from typing import Self

    from scrapy.crawler import Crawler


class ClaimPipeline:
    def __init__(self, crawler: Crawler, store: RedisSeenStore) -> None:
        self.stats, self.store = crawler.stats, store

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        worker = settings_worker(crawler.settings)
        if worker is None:
            raise NotConfigured("claims are for a crawl shared over Redis (WARTA_REDIS)")
        return cls(crawler, RedisSeenStore(worker))

    def process_item(self, item: Any) -> Any:
        record = ItemAdapter(item)
        if not self.store.claim(record["id"]):
            self.stats.inc_value(f"warta/{record.get('site') or 'unknown'}/skipped/seen")
            raise DropItem(f"written by another worker <{record.get('url')}>")
        return item
