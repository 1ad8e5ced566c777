"""warta as a Scrapy project: its settings, its spider loader, the spider for a URL.

``SiteLoader`` (``SPIDER_LOADER_CLASS``) makes one spider class per site declared in the site
registry (:mod:`crawler.sites`), on the spider class that ``WARTA_SPIDER_CLASS`` names, so
``scrapy crawl SITE``, ``scrapy list``, ``warta crawl`` and ``warta fetch`` see the same sites.
"""

from __future__ import annotations

import builtins
import os
from functools import cache
from typing import Any

from scrapy import Request, Spider
from scrapy.settings import BaseSettings, Settings
from scrapy.spiderloader import SpiderLoaderProtocol, get_spider_loader
from scrapy.utils.misc import load_object
from scrapy.utils.project import get_project_settings
from scrapy.utils.spider import spidercls_for_request

from crawler.crawling.domain import crawl_target, domain_site
from crawler.site import Site
from crawler.sites import GENERIC, sites


class SiteLoader:
    """Scrapy's spider loader over the site registry. A domain without a site file is loaded
    too (``warta crawl example.co.id``, ``scrapy crawl example.co.id``): a site made at run time,
    on ``WARTA_DOMAIN_SPIDER_CLASS``; ``WARTA_DOMAINS`` says its hosts and sections."""

    def __init__(self, settings: BaseSettings) -> None:
        base = load_object(settings.get("WARTA_SPIDER_CLASS", "spiders.base.NewsSpider"))
        self._domain_base = load_object(
            settings.get("WARTA_DOMAIN_SPIDER_CLASS", "spiders.domain.DomainSpider")
        )
        self._domains = settings.getdict("WARTA_DOMAINS")
        self._sites = sites(tuple(settings.getlist("SPIDER_MODULES")))
        self._spiders = {name: spider_class(base, site) for name, site in self._sites.items()}

    @classmethod
    def from_settings(cls, settings: BaseSettings) -> SiteLoader:
        return cls(settings)

    def load(self, spider_name: str) -> type[Spider]:
        if spider_name in self._spiders:
            return self._spiders[spider_name]
        try:
            target = crawl_target(spider_name)
        except ValueError:
            raise KeyError(f"Spider not found: {spider_name}") from None
        if target.host is None:  # a declared site's domain
            return self._spiders[target.name]
        given = self._domains.get(target.name) or {}
        site = domain_site(target.name, given.get("hosts") or [target.host], given.get("sections") or ())
        self._spiders[spider_name] = spider_class(self._domain_base, site)
        return self._spiders[spider_name]

    def list(self) -> builtins.list[str]:
        return list(self._sites)

    def find_by_request(self, request: Request) -> builtins.list[str]:
        return [name for name, site in self._sites.items() if site.handles(request.url)]


def spider_class(base: type[Spider], site: Site) -> type[Spider]:
    """A spider for one site: the base spider with the site's name, domains and declaration."""
    attrs: dict[str, Any] = {"name": site.name, "allowed_domains": list(site.allowed_domains), "site": site}
    return type(f"{site.name.title()}Spider", (base,), attrs)


def project_settings() -> Settings:
    """warta's Scrapy settings, also when run outside the source tree (no scrapy.cfg)."""
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "settings")
    return get_project_settings()


@cache
def spider_loader() -> SpiderLoaderProtocol:
    return get_spider_loader(project_settings())


def spider_for_url(url: str, loader: SpiderLoaderProtocol | None = None) -> type[Spider]:
    """The site spider whose domains cover ``url``; the generic spider otherwise. ``loader``:
    a crawler process's own (its settings may name another WARTA_SPIDER_CLASS)."""
    loader = loader or spider_loader()
    return spidercls_for_request(loader, Request(url), default_spidercls=loader.load(GENERIC))
