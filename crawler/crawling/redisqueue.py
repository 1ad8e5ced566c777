"""The request queue and duplicate filter of a crawl shared over Redis, on scrapy-redis.

``warta crawl SITE --redis URL`` sets ``SCHEDULER`` to :class:`Scheduler`: scrapy-redis's
scheduler (0.9.1 works with Scrapy 2.19 as it is: ``from_crawler``, ``open``/``close``,
``enqueue_request``/``next_request``/``has_pending_requests``), with three changes for workers
that join and leave at any time:

- **In flight.** scrapy-redis pops a request destructively, so a worker killed mid-request loses
  it. Here the pop moves the request into the worker's in-flight hash in one atomic step, and
  the entry goes once Scrapy's engine is done with the request (downloaded, its callback's
  requests queued and its items written to the worker's file). A worker whose heartbeat lease
  expired (:class:`crawler.crawling.redisstate.Worker`) is dead: any other worker puts its
  in-flight requests back in the queue.
- **Leaving.** A worker closes only when the queue is empty and no live worker is still starting
  or has requests in flight (they may queue more); scrapy-redis closes at its first empty pop.
- **One crawl at a time.** Every worker yields the site's start requests; the shared duplicate
  filter lets the first of each through. The filter belongs to one crawl: the last worker to
  finish deletes it, and so does a worker that finds no crawl under way (no worker in it, alive
  or dead within its lease, and nothing queued), so the next crawl reads the listings again,
  while the seen-store of written articles stays. A crawl whose workers all died is resumed by
  the next worker: their queue and in-flight requests are still there.

Keys (``PREFIX`` is WARTA_REDIS_PREFIX, ``SITE`` the spider's name): ``PREFIX:SITE:requests``
(sorted set, scrapy-redis's priority queue), ``PREFIX:SITE:dupefilter`` (set of request
fingerprints), ``PREFIX:SITE:workers`` (set of worker ids in the crawl), and
``PREFIX:SITE:inflight:WID`` (hash: token -> request; the field ``start`` while the worker
is still yielding its start requests).
"""

from __future__ import annotations

import functools
import secrets
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from redis.exceptions import RedisError
from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy_redis import picklecompat
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.queue import PriorityQueue
from scrapy_redis.scheduler import Scheduler as RedisScheduler

from crawler.crawling.redisstate import RedisSeenStore, Worker, lose_redis, shared_worker

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

    from scrapy import Request, Spider
    from scrapy.crawler import Crawler

DUPEFILTER_TTL = 24 * 3600  # a crawl's filter, if no worker finished it, is gone a day after its last use
START = "start"  # the in-flight field of a worker still yielding its start requests

# KEYS: queue, in-flight hash. ARGV: token. The best request moves to in flight, atomically.
POP = """
local found = redis.call('ZRANGE', KEYS[1], 0, 0)
if #found == 0 then return false end
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, 0)
redis.call('HSET', KEYS[2], ARGV[1], found[1])
return found[1]
"""
# KEYS: the dead worker's heartbeat, its in-flight hash, queue, workers. ARGV: its id.
REQUEUE = """
if redis.call('EXISTS', KEYS[1]) == 1 then return -1 end
local entries = redis.call('HGETALL', KEYS[2])
local moved = 0
for i = 1, #entries, 2 do
  if entries[i] ~= 'start' then
    redis.call('ZADD', KEYS[3], 0, entries[i + 1])
    moved = moved + 1
  end
end
redis.call('DEL', KEYS[2])
redis.call('SREM', KEYS[4], ARGV[1])
return moved
"""


def site_key(prefix: str, site: str, what: str) -> str:
    return f"{prefix}:{site}:{what}"


def _or_stop(answer: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """A scheduler step that gives ``answer`` once Redis stops answering, and stops the crawl
    (:func:`crawler.crawling.redisstate.lose_redis`) instead of raising into Scrapy's engine,
    whose loop would stop with the error and leave the crawl hanging."""

    def wrap(step: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(step)
        def guarded(self: Scheduler, *args: Any) -> Any:
            try:  # positional only: a signal handler is given none of the signal's keywords
                return step(self, *args)
            except RedisError as exc:
                lose_redis(self.crawler, exc)
                return answer

        return guarded

    return wrap


class LeasedQueue(PriorityQueue):
    """scrapy-redis's priority queue whose pop leaves the request in the worker's in-flight
    hash, under a token, until :meth:`done`."""

    def __init__(self, server: Any, spider: Spider, key: str, inflight: str) -> None:
        super().__init__(server, spider, key, serializer=picklecompat)
        self.inflight = inflight
        self._pop = server.register_script(POP)
        self.held: dict[str, Request] = {}  # token -> the request Scrapy is working on

    def pop(self, timeout: int = 0) -> Request | None:
        token = secrets.token_hex(8)
        data = self._pop(keys=[self.key, self.inflight], args=[token])
        if not data:
            return None
        request = self._decode_request(data)
        self.held[token] = request
        return request

    def done(self, tokens: list[str]) -> None:
        if tokens:
            self.server.hdel(self.inflight, *tokens)
            for token in tokens:
                del self.held[token]


class CrawlDupeFilter(RFPDupeFilter):
    """scrapy-redis's filter with Scrapy's request fingerprints (REQUEST_FINGERPRINTER_CLASS),
    a key that expires when a crawl is left unfinished, and kept when one worker closes."""

    def __init__(self, server: Any, key: str, crawler: Crawler) -> None:
        super().__init__(server, key, debug=crawler.settings.getbool("DUPEFILTER_DEBUG"))
        self.fingerprinter = crawler.request_fingerprinter

    def request_fingerprint(self, request: Request) -> str:
        return self.fingerprinter.fingerprint(request).hex()

    def request_seen(self, request: Request) -> bool:
        pipe = self.server.pipeline()
        pipe.sadd(self.key, self.request_fingerprint(request)).expire(self.key, DUPEFILTER_TTL)
        added, _ = pipe.execute()
        return added == 0

    def close(self, reason: str = "") -> None:
        """The crawl's filter outlives this worker (:meth:`Scheduler.close` ends it)."""


class Scheduler(RedisScheduler):
    def __init__(self, crawler: Crawler, worker: Worker) -> None:
        prefix = crawler.settings.get("WARTA_REDIS_PREFIX") or "warta"
        super().__init__(
            worker.client,
            persist=True,  # one worker closing must not empty the queue of the others
            queue_key=site_key(prefix, "%(spider)s", "requests"),
            dupefilter_key=site_key(prefix, "%(spider)s", "dupefilter"),
            serializer=picklecompat,
        )
        self.crawler, self.worker, self.prefix = crawler, worker, prefix
        self.seen_store = RedisSeenStore(worker)
        self.stats = crawler.stats
        crawler.signals.connect(self.on_idle, signal=signals.spider_idle)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Scheduler:
        return cls(crawler, shared_worker(crawler.settings, "the Redis scheduler is for a shared crawl"))

    def key(self, what: str) -> str:
        return site_key(self.prefix, self.spider.name, what)

    def open(self, spider: Spider) -> None:
        self.spider = spider
        inflight = self.key(f"inflight:{self.worker.wid}")
        self.queue = LeasedQueue(self.server, spider, self.key("requests"), inflight)
        self.df = CrawlDupeFilter(self.server, self.key("dupefilter"), self.crawler)
        self._requeue = self.server.register_script(REQUEUE)
        self.requeue_dead()
        if not len(self.queue) and not self.server.scard(self.key("workers")):
            self.server.delete(self.key("dupefilter"))  # a new crawl: nobody finished the last one's
        self.server.hset(inflight, START, "")
        self.server.sadd(self.key("workers"), self.worker.wid)
        if len(self.queue):
            spider.log(f"Joining a crawl ({len(self.queue)} requests queued)")

    @_or_stop(False)
    def enqueue_request(self, request: Request) -> bool:
        """scrapy-redis's, counted without the ``spider`` argument Scrapy 2.19 deprecates."""
        if not request.dont_filter and self.df.request_seen(request):
            self.df.log(request, self.spider)
            return False
        self.stats.inc_value("scheduler/enqueued/redis")
        self.queue.push(request)
        return True

    @_or_stop(None)
    def next_request(self) -> Request | None:
        self.settle()
        while (request := self.queue.pop()) is not None:
            self.stats.inc_value("scheduler/dequeued/redis")
            if not request.meta.get("warta_article"):
                return request
            self.stats.inc_value(f"warta/{self.spider.name}/discovered")  # this worker's from now on
            if request.meta.get("warta_refresh") or not self.seen_store.seen(request.url):
                return request
            # Written since it was queued: a dead worker's request whose record its next run
            # recovered (crawler.crawling.output.recover_target) or another worker wrote.
            self.stats.inc_value(f"warta/{self.spider.name}/skipped/seen")
            self.queue.done([token for token, held in self.queue.held.items() if held is request])
        return None

    @_or_stop(False)
    def has_pending_requests(self) -> bool:
        return len(self.queue) > 0

    def settle(self) -> None:
        """Requests the engine is done with leave the in-flight hash. The engine's set of
        requests in progress is the one place that knows: a request stays there until its
        response went through the callback and the items through the pipelines."""
        engine = self.crawler.engine
        slot = getattr(engine, "_slot", None) if engine is not None else None
        working = slot.inprogress if slot is not None else set()
        self.queue.done([t for t, r in self.queue.held.items() if r not in working])

    def requeue_dead(self) -> int:
        """Put the in-flight requests of dead workers back in the queue; how many."""
        moved = 0
        for raw in self.server.smembers(self.key("workers")):
            wid = raw.decode()
            if wid == self.worker.wid:
                continue
            heartbeat = self.worker.keys.worker(wid)
            keys = [heartbeat, self.key(f"inflight:{wid}"), self.key("requests"), self.key("workers")]
            moved += max(0, int(self._requeue(keys=keys, args=[wid])))
        if moved and self.stats:
            self.stats.inc_value("warta/redis/requeued", moved)
        return moved

    def others_busy(self) -> bool:
        """Another live worker is starting or has requests in flight: it may queue more."""
        for raw in self.server.smembers(self.key("workers")):
            wid = raw.decode()
            if wid != self.worker.wid and self.server.hlen(self.key(f"inflight:{wid}")):
                return True
        return False

    @_or_stop(None)
    def on_idle(self) -> None:
        self.settle()
        self.requeue_dead()
        if self.has_pending_requests() or self.others_busy():
            raise DontCloseSpider

    @_or_stop(None)
    def close(self, reason: str) -> None:
        """Leave the crawl: what the engine did not finish goes back in the queue; the last
        worker out of a finished crawl ends its duplicate filter."""
        self.settle()
        tokens = list(self.queue.held)
        for token in tokens:
            request = self.queue.held[token]
            self.queue.push(request)
            if request.meta.get("warta_article"):  # counted as this worker's when taken
                self.stats.inc_value(f"warta/{self.spider.name}/failed/returned to the shared queue")
        self.queue.done(tokens)
        self.server.delete(self.queue.inflight)
        self.server.srem(self.key("workers"), self.worker.wid)
        if reason == "finished" and not self.has_pending_requests() and not self.others_busy():
            self.server.delete(self.key("dupefilter"))


class StartDone:
    """A spider middleware that tells the other workers when this one has yielded all its start
    requests (until then the crawl is not over: it may still queue some)."""

    def __init__(self, crawler: Crawler, worker: Worker) -> None:
        self.crawler, self.worker = crawler, worker

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StartDone:
        return cls(crawler, shared_worker(crawler.settings, "start-done marks are for a shared crawl"))

    async def process_start(self, start: AsyncIterator[Any]) -> AsyncIterator[Any]:
        async for item in start:
            yield item
        assert self.crawler.spider is not None
        prefix = self.crawler.settings.get("WARTA_REDIS_PREFIX") or "warta"
        inflight = site_key(prefix, self.crawler.spider.name, f"inflight:{self.worker.wid}")
        self.worker.client.hdel(inflight, START)
