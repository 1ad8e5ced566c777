"""Extraction off the reactor: article pages and the heavy record steps run in worker processes
while Scrapy's reactor keeps downloading (``WARTA_EXTRACT_WORKERS``, ``warta crawl --workers``).

Each worker is a process with a pipe. It works on one call at a time and holds the next in
its pipe, so it never waits for the reactor between two pages (a worker given one call at a
time idled a third of a crawl). A worker that dies (killed, out of memory) or overruns
``WARTA_EXTRACT_TIMEOUT`` (it is then killed) costs exactly the call it was working on: that
page is counted under a named reason, and another process takes the call held behind it.
The reactor's own event loop reads the answers and watches each process's sentinel: no helper
thread in the crawl's process (a :class:`~concurrent.futures.ProcessPoolExecutor` keeps
two per pool, and each hand-over between them and the reactor waited for the GIL: 5 of 37 s of
a profiled crawl). Workers are forked from a fork server started once, with the extraction
modules already imported and warmed on a page (crawler.crawling.poolwarm): forking the crawl
itself, once its reactor, DNS threads and sockets exist, could copy a lock another thread
holds and hang the child, and would copy the crawl's heap; spawning would import lxml,
trafilatura and the language model again for every worker.

Pages in flight are bounded by Scrapy itself: a response stays in its spider's scraper slot
until its callback is done, and the engine stops downloading while the slot holds more than
``SCRAPER_SLOT_MAX_ACTIVE_SIZE`` bytes (5 MB), so pages waiting for a worker never pile up.
One pool serves every spider of the process; it is shut down when the last one closes (at the
end of the run and on SIGTERM, which closes the spiders); a worker whose crawl is gone ends
when its pipe closes.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import pickle
import signal
import struct
from collections import deque
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from multiprocessing.reduction import ForkingPickler
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.settings import BaseSettings

logger = logging.getLogger(__name__)
T = TypeVar("T")
A = TypeVar("A")
DIED = "extraction worker died"
TIMED_OUT = "extraction timed out"
DEPTH = 2  # calls a worker holds: the one it works on, and the next
# Imported once by the fork server, so each worker starts with them in memory (and warm).
PRELOAD = ["crawler.crawling.article_page", "crawler.extraction.steps", "crawler.crawling.poolwarm"]


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
    """Ctrl-C reaches the whole terminal's group: the crawl handles it, finishing its pages."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


# A page read once by each new worker before it says it is ready: the first page a process
# reads costs ten times the next (parsers, patterns and the language model loaded on first
# use), which no page's time limit should pay.
WARM_PAGE = (
    "<html><head><title>Warga Desa Gelar Panen Raya</title>"
    "<meta property='article:published_time' content='2025-04-28T10:15:00+07:00'></head>"
    "<body><article><h1>Warga Desa Gelar Panen Raya</h1>"
    + "<p>Warga desa menggelar panen raya padi bersama kepala dinas pertanian kabupaten pada"
    " Senin pagi, 28 April 2025, di sawah yang baru selesai diairi bendungan.</p>"
    * 4
    + "</article></body></html>"
)


_warm = False  # this process (or the fork server it came from) has read the warm-up page


def warm() -> None:
    global _warm
    if _warm:
        return
    from datetime import UTC, datetime

    from crawler.crawling.article_page import ArticlePage, packed_site, read_article_page
    from crawler.crawling.domain import domain_site
    from crawler.extraction.steps import finish_record

    site = packed_site(domain_site("contoh.co.id"))
    url = "https://contoh.co.id/2025/04/28/warga-desa-gelar-panen-raya/"
    page = ArticlePage(WARM_PAGE.encode(), url, "text/html", datetime.now(UTC), site)
    draft = read_article_page(page).draft
    if draft is not None:
        finish_record(draft)
    _warm = True


def _serve(conn: Connection) -> None:
    """A worker: warm up, say it is ready, then answer each call sent down the pipe until the
    crawl closes it (also while warming up: a short crawl may be over by then)."""
    _quiet()
    with contextlib.suppress(Exception):
        warm()
    with contextlib.suppress(OSError, EOFError):
        conn.send((True, os.getpid()))
        while True:
            function, argument = conn.recv()
            try:
                answer = (True, function(argument))
            except Exception as exc:  # noqa: BLE001 - the caller's, raised again in the crawl
                answer = (False, exc)
            try:
                conn.send(answer)
            except (pickle.PicklingError, TypeError, AttributeError) as exc:
                conn.send((False, RuntimeError(f"an answer that cannot be sent back: {exc}")))


Call = tuple[Callable[[Any], Any], Any, "asyncio.Future[Any]"]


class _Worker:
    """One worker process and its pipe. The event loop reads its answers, and notices its end
    through the process's sentinel, so no thread waits on it. It holds up to ``DEPTH`` calls:
    the first is the one it works on, the next waits in the pipe, so it starts on it the moment
    it answers instead of idling until the reactor is free to send one. The worker takes them in
    order, so the call that was out first when it died is the one that killed it; the calls
    behind it never started and go to another worker."""

    def __init__(self, pool: ExtractionPool) -> None:
        self.pool = pool
        self.process: BaseProcess | None = None
        self.calls: deque[Call] = deque()
        self.outbox = bytearray()  # calls sent, not yet taken by the pipe
        self.writing = False  # the event loop writes the rest when the pipe takes more
        self.timer: asyncio.TimerHandle | None = None
        self.ready = False
        self.reason = DIED

    def free(self, held: int) -> bool:
        """Running, ready, and holding at most ``held`` calls."""
        return self.process is not None and self.ready and len(self.calls) <= held

    def start(self) -> None:
        self.loop = loop = asyncio.get_running_loop()
        context = self.pool.context
        self.conn, theirs = context.Pipe()
        self.process = context.Process(target=_serve, args=(theirs,), daemon=True)
        self.process.start()
        theirs.close()
        self.ready, self.reason = False, DIED
        loop.add_reader(self.conn.fileno(), self._answered)
        loop.add_reader(self.process.sentinel, self._ended)

    def send(self, call: Call) -> None:
        function, argument, _ = call
        message = ForkingPickler.dumps((function, argument))
        self.calls.append(call)
        if len(self.calls) == 1:
            self._time()
        self.outbox += struct.pack("!i", len(message))  # Connection.send's framing
        self.outbox += message
        if not self._flush():
            if len(self.calls) == 1:  # it ended before the call: the call goes to the next worker
                self.calls.pop()
                self.pool.queue.appendleft(call)
                self._done_timer()
            self._ended()

    def _flush(self) -> bool:
        """Writes what the pipe takes now and the rest when it takes more, so the reactor never
        waits for a worker busy on one page to read the next (a pipe holds about 176 KiB; many
        pages are larger). False: the worker is gone."""
        fd = self.conn.fileno()
        try:
            os.set_blocking(fd, False)  # this end only; answers are read blocking, as ever
            try:
                while self.outbox:
                    del self.outbox[: os.write(fd, self.outbox)]
            except BlockingIOError:
                pass
            finally:
                os.set_blocking(fd, True)
        except OSError:
            self.outbox.clear()
            return False
        if self.outbox and not self.writing:
            self.loop.add_writer(fd, self._written)
        elif not self.outbox and self.writing:
            self.loop.remove_writer(fd)
        self.writing = bool(self.outbox)
        return True

    def _written(self) -> None:
        if not self._flush():
            self._ended()

    def _time(self) -> None:
        """The time limit of the call it works on (the first it holds) starts now."""
        if self.pool.timeout and self.calls:
            self.timer = self.loop.call_later(self.pool.timeout, self._overran)

    def _answered(self) -> None:
        try:
            self._take_answer()
        except (EOFError, OSError):
            self._ended()
            return
        self.pool.dispatch()

    def _take_answer(self) -> None:
        ok, value = self.conn.recv()
        if not self.ready:
            self.ready = True
        elif self.calls:
            future = self._done()[2]
            self._time()
            if not future.done():
                future.set_result(value) if ok else future.set_exception(value)

    def _done(self) -> Call:
        """The first call is answered: its timer stops."""
        self._done_timer()
        return self.calls.popleft()

    def _done_timer(self) -> None:
        if self.timer is not None:
            self.timer.cancel()
            self.timer = None

    def _overran(self) -> None:
        self.reason = TIMED_OUT
        self.kill()

    def kill(self) -> None:
        if self.process is not None and self.process.pid:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.process.pid, signal.SIGKILL)

    def _ended(self) -> None:
        """The process is gone: answers it sent before count, the call it was working on fails
        with the reason, the calls behind it go back to the queue, and the next call starts
        another process."""
        if self.process is None:
            return
        with contextlib.suppress(EOFError, OSError):
            while self.ready and self.calls and self.conn.poll():
                self._take_answer()
        self._detach()
        self.process.join()
        self.process = None
        if self.calls:
            call = self._done()
            if not call[2].done():
                call[2].set_exception(WorkerLost(self.reason))
        self.pool.queue.extendleft(reversed(self.calls))
        self.calls.clear()
        self.pool.dispatch()

    def _detach(self) -> None:
        assert self.process is not None
        if self.writing:
            self.loop.remove_writer(self.conn.fileno())
            self.writing = False
        self.outbox.clear()
        self.loop.remove_reader(self.conn.fileno())
        self.loop.remove_reader(self.process.sentinel)
        self.conn.close()

    def close(self) -> None:
        """The pipe closed: the worker ends after its call (killed if it will not)."""
        if self.process is None:
            return
        self._detach()
        self.process.join(5)
        if self.process.is_alive():
            self.kill()
            self.process.join()
        self.process = None
        while self.calls:
            self._done()


class ExtractionPool:
    """``workers`` processes; :meth:`run` queues a call for the next idle one."""

    def __init__(self, workers: int, timeout: float) -> None:
        self.timeout = timeout if timeout > 0 else None
        self.context = multiprocessing.get_context("forkserver")
        self.context.set_forkserver_preload(PRELOAD)
        self.workers = [_Worker(self) for _ in range(workers)]
        self.queue: deque[Call] = deque()

    async def run(self, function: Callable[[A], T], argument: A) -> T:
        """``function(argument)`` in a worker; :class:`WorkerLost` when the worker dies on it or
        is killed for overrunning the time limit. Its own exceptions come back as they are."""
        future: asyncio.Future[T] = asyncio.get_running_loop().create_future()
        self.queue.append((function, argument, future))
        self.dispatch()
        return await future

    def dispatch(self) -> None:
        """Calls to workers, an idle one first, then one with a call to hold next; a worker
        that is not running is started."""
        for held in range(DEPTH):
            for worker in self.workers:
                while self.queue and self.queue[0][2].done():  # its caller gave up
                    self.queue.popleft()
                if not self.queue:
                    return
                if worker.process is None:
                    worker.start()
                elif worker.free(held):
                    worker.send(self.queue.popleft())

    def pids(self) -> list[int]:
        return [w.process.pid for w in self.workers if w.process is not None and w.process.pid]

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
