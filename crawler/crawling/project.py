"""warta as a Scrapy project: its settings, its spider loader, the spider for a URL."""

from __future__ import annotations

import os
from functools import cache

from scrapy import Request, Spider
from scrapy.settings import Settings
from scrapy.spiderloader import SpiderLoaderProtocol, get_spider_loader
from scrapy.utils.project import get_project_settings
from scrapy.utils.spider import spidercls_for_request

from crawler.sites import GENERIC


def project_settings() -> Settings:
    """warta's Scrapy settings, also when run outside the source tree (no scrapy.cfg)."""
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "settings")
    return get_project_settings()


@cache
def spider_loader() -> SpiderLoaderProtocol:
    """The project's spider loader (``SPIDER_LOADER_CLASS``: one spider per declared site)."""
    return get_spider_loader(project_settings())


def spider_for_url(url: str) -> type[Spider]:
    """The site spider whose domains cover ``url``; the generic spider otherwise."""
    loader = spider_loader()
    return spidercls_for_request(loader, Request(url), default_spidercls=loader.load(GENERIC))
