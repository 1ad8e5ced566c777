"""What workers on several machines share over Redis (``warta crawl --redis URL``): who is
alive, which articles are written (the seen-store), and who is writing which article now.

Every worker keeps a heartbeat key that expires ``lease`` seconds after its last beat, beaten
from a thread so a busy reactor does not stop it; a worker killed stops beating, and what it
held (its claims, its requests in flight: :mod:`crawler.crawling.redisqueue`) passes to the
others. A record is *claimed* (``claim:ID`` holds the worker's id) before it goes into the
worker's output file, and its id goes into the seen-store only after that file is finished,
as with the SQLite store: a crash costs a refetch, never a loss. A claim held by a live worker
keeps the article from every other worker; one held by a dead worker is taken over.

Keys, under the prefix (default ``warta``): ``PREFIX:worker:WID`` (heartbeat), ``PREFIX:seen``
(hash: URL key -> article id), ``PREFIX:written`` (hash: id -> when last written),
``PREFIX:claim:ID``; a crawl's queue keys are in :mod:`crawler.crawling.redisqueue`.
"""

from __future__ import annotations

import os
import secrets
import socket
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import redis
from redis.backoff import ExponentialWithJitterBackoff
from redis.retry import Retry

from crawler.crawling.state import url_key

LEASE = 30  # seconds a worker stays "alive" after its last heartbeat (WARTA_REDIS_LEASE)
CLAIM_TTL = 7 * 24 * 3600  # a claim whose article was never written is forgotten after a week
BATCH = 1000  # ids sent to Redis in one round trip
RETRIES = 3  # tries again of a call whose connection dropped

# KEYS: the claim, the written hash. ARGV: me, worker key prefix, ttl, id, recovering (0/1).
# A claim held by another live worker refuses; at recovery an article another worker already
# wrote (its claim released) refuses too. Otherwise the claim becomes mine.
CLAIM = """
local holder = redis.call('GET', KEYS[1])
if holder then
  if holder ~= ARGV[1] and redis.call('EXISTS', ARGV[2] .. holder) == 1 then return 0 end
elseif ARGV[5] == '1' and redis.call('HEXISTS', KEYS[2], ARGV[4]) == 1 then
  return 0
end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[3])
return 1
"""


LOST = "warta/redis_lost"  # crawl stats: why this worker stopped early (Redis stopped answering)
LOST_REASON = "Redis lost"  # what an article this worker could not finish is counted under


def lose_redis(crawler: Any, exc: Exception) -> None:
    """Redis stopped answering in the middle of a shared crawl (redis-py has already retried):
    this worker can no longer keep in step with the others, so its crawl stops at once, with
    the reason in the stats for the summary and the exit status. Nothing is lost: its requests
    in flight and its claims stay in Redis for the others (or its own next run) to take up,
    and its records stay beside its output file for its next run (:mod:`.output`)."""
    stats = crawler.stats
    if stats is None or stats.get_value(LOST):
        return
    stats.set_value(LOST, f"lost Redis in the middle of the crawl ({exc}): the crawl stopped")
    engine = crawler.engine
    if engine is not None and engine.spider is not None:
        from scrapy.utils.defer import deferred_from_coro

        deferred_from_coro(engine.close_spider_async(reason="redis lost"))


class RedisUnavailable(Exception):
    """The --redis URL is not a Redis URL, or no Redis answers there: one line for the user."""


def connect(url: str) -> redis.Redis:
    """A client for ``url``, checked with a PING so a bad URL fails before anything is fetched."""
    # A dropped connection is tried again 3 times over about 4 s (a Redis restart, a network
    # blip) before the crawl gives up on Redis (lose_redis).
    retry = Retry(ExponentialWithJitterBackoff(base=0.5, cap=4), RETRIES)
    errors = [redis.ConnectionError, redis.TimeoutError]
    try:
        client = redis.Redis.from_url(
            url, socket_connect_timeout=5, socket_timeout=30, retry=retry, retry_on_error=errors
        )
        client.ping()
    except ValueError as exc:
        raise RedisUnavailable(f"--redis {url}: not a Redis URL: {exc}") from None
    except redis.RedisError as exc:
        raise RedisUnavailable(f"--redis {url}: no Redis answers: {exc}") from None
    return client


@dataclass(frozen=True)
class Keys:
    prefix: str = "warta"

    def worker(self, wid: str = "") -> str:
        return f"{self.prefix}:worker:{wid}"

    def claim(self, rid: str) -> str:
        return f"{self.prefix}:claim:{rid}"

    @property
    def seen(self) -> str:
        return f"{self.prefix}:seen"

    @property
    def written(self) -> str:
        return f"{self.prefix}:written"


class Worker:
    """This process as a worker: its id and the heartbeat that says it is alive."""

    def __init__(self, client: redis.Redis, keys: Keys, lease: int = LEASE) -> None:
        self.client, self.keys, self.lease = client, keys, max(1, lease)
        self.wid = f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"
        self._stop = threading.Event()
        self.beat()
        threading.Thread(target=self._beat_until_stopped, name="warta-heartbeat", daemon=True).start()

    def beat(self) -> None:
        self.client.set(self.keys.worker(self.wid), "1", ex=self.lease)

    def _beat_until_stopped(self) -> None:
        while not self._stop.wait(self.lease / 3):
            try:
                self.beat()
            except redis.RedisError:  # Redis away for a moment: the next beat tries again
                continue

    def alive(self, wid: str) -> bool:
        return wid == self.wid or bool(self.client.exists(self.keys.worker(wid)))

    def stop(self) -> None:
        """Stop beating and say so at once: what this worker still holds passes to others."""
        self._stop.set()
        self.client.delete(self.keys.worker(self.wid))


_WORKERS: dict[tuple[str, str], Worker] = {}
_LOCK = threading.Lock()


def worker_for(url: str, prefix: str = "warta", lease: int = LEASE) -> Worker:
    """The one worker of this process for a Redis URL and prefix (started on first use)."""
    with _LOCK:
        if (url, prefix) not in _WORKERS:
            _WORKERS[(url, prefix)] = Worker(connect(url), Keys(prefix), lease)
        return _WORKERS[(url, prefix)]


def settings_worker(settings: Any) -> Worker | None:
    """The worker named by Scrapy settings (WARTA_REDIS, WARTA_REDIS_PREFIX, WARTA_REDIS_LEASE)."""
    url = settings.get("WARTA_REDIS")
    if not url:
        return None
    prefix = settings.get("WARTA_REDIS_PREFIX") or "warta"
    return worker_for(url, prefix, settings.getint("WARTA_REDIS_LEASE", LEASE))


def shared_worker(settings: Any, only: str) -> Worker:
    """The worker of a crawl shared over Redis, for a component that exists ``only`` there:
    Scrapy leaves it out (NotConfigured) when the crawl is not shared."""
    from scrapy.exceptions import NotConfigured

    worker = settings_worker(settings)
    if worker is None:
        raise NotConfigured(f"{only} (WARTA_REDIS)")
    return worker


class RedisSeenStore:
    """The seen-store shared by every worker: the lookups of :class:`crawler.crawling.state.SeenStore`
    that incremental crawling makes, claims, and marking what a finished file holds."""

    def __init__(self, worker: Worker) -> None:
        self.worker, self.client, self.keys = worker, worker.client, worker.keys
        self._claim = self.client.register_script(CLAIM)

    def close(self) -> None:
        """Nothing to close: the client belongs to the process's worker."""

    def seen(self, url: str) -> bool:
        return bool(self.client.hexists(self.keys.seen, url_key(url)))

    def last_written(self, url: str) -> str | None:
        rid = self.client.hget(self.keys.seen, url_key(url))
        when = self.client.hget(self.keys.written, rid) if rid is not None else None
        return when.decode() if isinstance(when, bytes) else when

    def claim(self, rid: str, recovering: bool = False) -> bool:
        """Take the article ``rid`` for this worker's output file; False: another worker has it
        (or, ``recovering``, already wrote it)."""
        keys = [self.keys.claim(rid), self.keys.written]
        args: list[str | int] = [self.worker.wid, self.keys.worker(), CLAIM_TTL, rid, int(recovering)]
        return bool(self._claim(keys=keys, args=args))

    def mark_written(self, records: Iterable[dict[str, Any]]) -> int:
        """Record articles whose lines are durably in a finished file, and release their claims."""
        now = datetime.now(UTC).replace(microsecond=0).isoformat()
        count = 0
        for batch in _batches(records):
            pipe = self.client.pipeline(transaction=True)
            for record in batch:
                for url in {record.get("url"), record.get("canonical_url")}:
                    if url:
                        pipe.hset(self.keys.seen, url_key(url), record["id"])
                pipe.hset(self.keys.written, record["id"], now)
                pipe.delete(self.keys.claim(record["id"]))
            pipe.execute()
            count += len(batch)
        return count

    def count(self) -> int:
        return int(self.client.hlen(self.keys.written))


def _batches(records: Iterable[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for record in records:
        batch.append(record)
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def keep_claimable(lines: Path, store: RedisSeenStore) -> int:
    """Before a killed run's lines are finished: keep only the articles this worker can still
    claim (another worker wrote or is writing the rest, after this one died). Returns how many
    lines were left out. The file is rewritten whole before it replaces the old one."""
    import json

    kept = lines.with_name(lines.name + ".kept")
    left_out = 0
    with lines.open("rb") as source, kept.open("wb") as out:
        for line in source:
            if not line.endswith(b"\n"):
                break  # a last line cut by the kill: dropped, as the commit would
            if store.claim(json.loads(line)["id"], recovering=True):
                out.write(line)
            else:
                left_out += 1
        out.flush()
        os.fsync(out.fileno())
    os.replace(kept, lines)
    return left_out
