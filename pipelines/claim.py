"""A shared crawl (``warta crawl --redis``): a record goes into this worker's file only once
this worker has claimed its article, so each article is written once over all workers. A record
another worker is writing (or wrote) is counted as already seen, not as dropped."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from itemadapter import ItemAdapter
from redis.exceptions import RedisError
from scrapy.exceptions import DropItem

from crawler.crawling.redisstate import LOST_REASON, RedisSeenStore, lose_redis, shared_worker

if TYPE_CHECKING:
    from typing import Self

    from scrapy.crawler import Crawler


class ClaimPipeline:
    def __init__(self, crawler: Crawler, store: RedisSeenStore) -> None:
        self.crawler, self.stats, self.store = crawler, crawler.stats, store

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler, RedisSeenStore(shared_worker(crawler.settings, "claims are for a shared crawl")))

    def process_item(self, item: Any) -> Any:
        record = ItemAdapter(item)
        site = record.get("site") or "unknown"
        try:
            claimed = self.store.claim(record["id"])
        except RedisError as exc:  # the crawl stops; the next run fetches the article again
            lose_redis(self.crawler, exc)
            self.stats.inc_value(f"warta/{site}/failed/{LOST_REASON}")
            raise DropItem(f"not claimed, Redis is gone <{record.get('url')}>") from None
        if not claimed:
            self.stats.inc_value(f"warta/{site}/skipped/seen")
            raise DropItem(f"written by another worker <{record.get('url')}>")
        return item
