"""Extraction off the reactor: article pages and the heavy record steps run in worker processes
while Scrapy's reactor keeps downloading (``WARTA_EXTRACT_WORKERS``, ``warta crawl --workers``).

Each worker is a one-process :class:`~concurrent.futures.ProcessPoolExecutor` given one page at a
time, so a worker that dies (killed, out of memory) or overruns ``WARTA_EXTRACT_TIMEOUT`` (it is
killed) costs exactly the page it held: that page is counted under a named reason and the
worker is started again for the pages after it. Workers come from a fork server started once,
with the extraction modules already imported: forking the crawl itself, once its reactor, DNS
threads and sockets exist, could copy a lock held by another thread and hang the child, and
would copy the crawl's heap; spawning would import lxml, trafilatura and the language model
again for every worker and every restart.

Pages in flight are bounded by Scrapy itself: a response stays in its spider's scraper slot
until its callback is done, and the engine stops downloading while the slot holds more than
``SCRAPER_SLOT_MAX_ACTIVE_SIZE`` bytes (5 MB), so pages waiting for a worker never pile up.
One pool serves every spider of the process; it is shut down when the last one closes (on
the end of the run and on SIGTERM, which closes the spiders), or at interpreter exit.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import signal
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.settings import BaseSettings

logger = logging.getLogger(__name__)
T = TypeVar("T")
A = TypeVar("A")
DIED = "extraction worker died"
TIMED_OUT = "extraction timed out"
# Imported once by the fork server, so each worker starts with them in memory.
PRELOAD = ["crawler.crawling.article_page", "crawler.extraction.steps"]


class WorkerLost(Exception):
    """The worker holding a page died or was killed for overrunning its time: ``reason``."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def default_workers() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def worker_count(settings: BaseSettings) -> int:
    """WARTA_EXTRACT_WORKERS: empty means one per core; 0 means extraction in the crawl's process."""
    value = settings.get("WARTA_EXTRACT_WORKERS")
    return default_workers() if value in (None, "") else max(0, int(value))


def _quiet() -> None:
    """A worker leaves Ctrl-C and SIGTERM to the crawl, which finishes its pages and then
    closes the pool; a worker whose crawl is gone ends when its queue's pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)


class _Worker:
    """One worker process, restarted after it dies."""

    def __init__(self, context: Any) -> None:
        self.context = context
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        executor = ProcessPoolExecutor(1, mp_context=self.context, initializer=_quiet)
        self.started = executor.submit(os.getpid)  # the process up: not part of any page's time
        return executor

    def pids(self) -> list[int]:
        return [p.pid for p in list(getattr(self.executor, "_processes", {}).values()) if p.pid]

    def kill(self) -> None:
        for pid in self.pids():
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)

    def submit(self, function: Callable[[A], T], argument: A) -> Future[T]:
        """The call, on a new process when this one died while idle (it held no page)."""
        try:
            return self.executor.submit(function, argument)
        except BrokenProcessPool:
            self.restart()
            return self.executor.submit(function, argument)

    def restart(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._start()

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


class ExtractionPool:
    """``workers`` processes, each given one call at a time by :meth:`run`."""

    def __init__(self, workers: int, timeout: float) -> None:
        self.timeout = timeout if timeout > 0 else None
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(PRELOAD)
        self.workers = [_Worker(context) for _ in range(workers)]
        self._idle: asyncio.Queue[_Worker] | None = None

    def _queue(self) -> asyncio.Queue[_Worker]:
        if self._idle is None:  # made in the reactor's event loop, on first use
            self._idle = asyncio.Queue()
            for worker in self.workers:
                self._idle.put_nowait(worker)
        return self._idle

    async def run(self, function: Callable[[A], T], argument: A) -> T:
        """``function(argument)`` in the next free worker; :class:`WorkerLost` when the worker
        dies on it or overruns the time limit. Its own exceptions come back as they are."""
        idle = self._queue()
        worker = await idle.get()
        try:
            await asyncio.wrap_future(worker.started)
            future = worker.submit(function, argument)
            return await asyncio.wait_for(asyncio.wrap_future(future), self.timeout)
        except BrokenProcessPool:
            worker.restart()
            raise WorkerLost(DIED) from None
        except TimeoutError:
            worker.kill()
            worker.restart()
            raise WorkerLost(TIMED_OUT) from None
        finally:
            idle.put_nowait(worker)

    def pids(self) -> list[int]:
        return [pid for worker in self.workers for pid in worker.pids()]

    def close(self) -> None:
        for worker in self.workers:
            worker.close()


_pool: ExtractionPool | None = None
_users: set[int] = set()  # the crawlers (by id) using the pool


def pool_for(crawler: Crawler) -> ExtractionPool | None:
    """The process's pool for this crawler (None: extraction in process), shut down when the
    last crawler using it closes its spider. The asyncio reactor is needed to await a worker."""
    global _pool
    from scrapy import signals
    from scrapy.utils.reactor import is_asyncio_reactor_installed

    workers = worker_count(crawler.settings)
    if workers == 0 or not is_asyncio_reactor_installed():
        return None
    if _pool is None:
        _pool = ExtractionPool(workers, crawler.settings.getfloat("WARTA_EXTRACT_TIMEOUT"))
        logger.info("extraction in %d worker processes", workers)
    if id(crawler) not in _users:
        _users.add(id(crawler))
        crawler.signals.connect(lambda: _release(crawler), signal=signals.spider_closed, weak=False)
    return _pool


def _release(crawler: Crawler) -> None:
    global _pool
    _users.discard(id(crawler))
    if not _users and _pool is not None:
        _pool.close()
        _pool = None
