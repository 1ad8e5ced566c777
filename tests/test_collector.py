"""The garbage collector set for a crawl (crawler/crawling/collector.py), on Scrapy's own
crawler and signals: set when the engine starts, Python's own back when the last crawl stops."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from scrapy import Spider, signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.reactor import install_reactor
from scrapy.utils.test import get_crawler

from crawler.crawling.collector import CrawlCollector
from crawler.crawling.project import project_settings

install_reactor("twisted.internet.asyncioreactor.AsyncioSelectorReactor")


@pytest.fixture(autouse=True)
def _python_defaults() -> Iterator[None]:
    before = gc.get_threshold()
    yield
    gc.set_threshold(*before)
    gc.unfreeze()


def _crawler(threshold: int | None = None):  # noqa: ANN202 - scrapy's Crawler
    settings = project_settings().copy_to_dict()
    settings["EXTENSIONS_BASE"] = {}  # Scrapy's own would start timers on engine_started: no loop runs here
    if threshold is not None:
        settings["WARTA_GC_THRESHOLD"] = threshold
    return get_crawler(Spider, settings)


def test_the_project_turns_it_on() -> None:
    assert "crawler.crawling.collector.CrawlCollector" in project_settings().getdict("EXTENSIONS")
    assert project_settings().getint("WARTA_GC_THRESHOLD") > gc.get_threshold()[0]


def test_set_while_the_engine_runs_and_given_back_after() -> None:
    before = gc.get_threshold()
    crawler = _crawler(9000)
    CrawlCollector.from_crawler(crawler)
    crawler.signals.send_catch_log(signals.engine_started)
    assert gc.get_threshold() == (9000, *before[1:])
    assert gc.get_freeze_count() > 0, "the start-up's objects were not frozen"
    crawler.signals.send_catch_log(signals.engine_stopped)
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_given_back_only_when_the_last_of_two_crawls_stops() -> None:
    before = gc.get_threshold()
    first, second = _crawler(9000), _crawler(9000)
    for crawler in (first, second):
        CrawlCollector.from_crawler(crawler)
        crawler.signals.send_catch_log(signals.engine_started)
    first.signals.send_catch_log(signals.engine_stopped)
    assert gc.get_threshold()[0] == 9000
    second.signals.send_catch_log(signals.engine_stopped)
    assert gc.get_threshold() == before


def test_zero_leaves_python_s_own_settings() -> None:
    with pytest.raises(NotConfigured):
        CrawlCollector.from_crawler(_crawler(0))
