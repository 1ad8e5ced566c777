"""Which site a URL belongs to. One way only: Scrapy's spider loader, asking each spider
whether it handles the URL (its ``allowed_domains``), as ``scrapy fetch`` does."""

from __future__ import annotations

import os
from functools import cache
from typing import Any

from scrapy import Request
from scrapy.settings import Settings
from scrapy.spiderloader import SpiderLoader
from scrapy.utils.project import get_project_settings

from crawler.rules import SiteRules

GENERIC = "generic"


def project_settings() -> Settings:
    """warta's Scrapy settings, also when run outside the source tree (no scrapy.cfg)."""
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "settings")
    return get_project_settings()


@cache
def spider_loader() -> SpiderLoader:
    return SpiderLoader.from_settings(project_settings())


def spider_for_url(url: str) -> type:
    """The site spider whose domains cover ``url``; the generic spider otherwise."""
    loader = spider_loader()
    try:
        names = [n for n in loader.find_by_request(Request(url)) if n != GENERIC]
    except ValueError:
        names = []
    return loader.load(sorted(names)[0] if names else GENERIC)


def rules_for_url(url: str) -> SiteRules | None:
    """The site rules for ``url``; None means the generic path."""
    return spider_for_url(url).site_rules()


def site_list() -> list[dict[str, Any]]:
    """Every site spider with its domains and entry points, for ``warta sites``."""
    loader = spider_loader()
    sites = []
    for name in sorted(loader.list()):
        if name == GENERIC:
            continue
        cls = loader.load(name)
        sites.append(
            {
                "key": name,
                "domains": list(getattr(cls, "allowed_domains", [])),
                "entry_points": list(cls.entry_points()),
            }
        )
    return sites
