"""The crawl process's garbage collector, set for a crawl (``WARTA_GC_THRESHOLD``).

Python's default (collect the youngest objects after 700 new ones) suits a short script. A
crawl allocates requests, responses, Deferreds and items by the hundred thousand, and keeps
thousands of them alive in its queues, so each young collection walks many survivors and each
old one walks every object the imports left: 1.2 of 7.3 s of a 2,000-page crawl's CPU went to
the collector, on the reactor's one thread. Once the engine starts, the objects of the start-up
(modules, settings, the spider) are frozen (``gc.freeze``: never walked again, never freed),
and the youngest generation is collected after ``WARTA_GC_THRESHOLD`` new objects: 0.1 s.
Cycles are still collected, only in larger batches. When the last crawl of the process stops,
Python's own setting comes back.
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

from scrapy import signals
from scrapy.exceptions import NotConfigured

if TYPE_CHECKING:
    from typing import Self

    from scrapy.crawler import Crawler

_running: list[tuple[int, int, int]] = []  # Python's thresholds, once per crawl running


class CrawlCollector:
    def __init__(self, threshold: int) -> None:
        self.threshold = threshold

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        threshold = crawler.settings.getint("WARTA_GC_THRESHOLD")
        if threshold <= 0:
            raise NotConfigured("WARTA_GC_THRESHOLD is 0: Python's own collector settings")
        collector = cls(threshold)
        crawler.signals.connect(collector.engine_started, signal=signals.engine_started)
        crawler.signals.connect(collector.engine_stopped, signal=signals.engine_stopped)
        return collector

    def engine_started(self) -> None:
        before = gc.get_threshold()
        _running.append(before)
        gc.freeze()
        gc.set_threshold(max(self.threshold, before[0]), *before[1:])

    def engine_stopped(self) -> None:
        if _running:
            before = _running.pop()
            if not _running:
                gc.set_threshold(*before)
                gc.unfreeze()
