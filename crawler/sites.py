"""Which sites warta knows, and the site of a URL: the one registry, filled by the site files.

Each module of the spider package (``SPIDER_MODULES`` in ``settings.py``) except the base
spider declares one ``SITE``. Those files are data, so reading them starts no Scrapy engine;
Scrapy's spider loader (``spiders.base.SiteLoader``) is built on this registry too, so
``warta extract``, ``warta fetch`` and ``scrapy crawl`` agree on the site of every URL.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from typing import Any

from crawler.site import Site

# spiders/base.py: the Scrapy spider that crawls every site; spiders/domain.py: its kind for a
# domain without a site file. Neither is a site.
ENGINE_MODULES = ("base", "domain")
GENERIC = "generic"  # the site declaration for any other domain (no rules of its own)


def spider_packages() -> tuple[str, ...]:
    import settings  # the project's settings module: plain values, cheap to import

    return tuple(settings.SPIDER_MODULES)


@cache
def sites(packages: tuple[str, ...] | None = None) -> dict[str, Site]:
    """Every declared site by name, in name order."""
    found: dict[str, Site] = {}
    for package_name in packages or spider_packages():
        package = importlib.import_module(package_name)
        for info in pkgutil.iter_modules(package.__path__):
            if info.name in ENGINE_MODULES or info.name.startswith("_"):
                continue
            site = getattr(importlib.import_module(f"{package_name}.{info.name}"), "SITE", None)
            if not isinstance(site, Site):
                continue
            if site.name in found:
                raise ValueError(f"two sites are named {site.name!r}")
            found[site.name] = site
    return dict(sorted(found.items()))


def site_names_for_url(url: str) -> list[str]:
    """The sites whose domains cover ``url`` (the generic declaration covers none)."""
    return [name for name, site in sites().items() if site.handles(url)]


def site_for_url(url: str) -> Site | None:
    """The site whose rules read ``url``; None means the generic path."""
    names = site_names_for_url(url)
    return sites()[names[0]] if len(names) == 1 else None


def site_list() -> list[dict[str, Any]]:
    """Every site with its domains and entry points, for ``warta sites``."""
    return [
        {
            "key": name,
            "domains": list(site.allowed_domains),
            "entry_points": list(dict.fromkeys([*site.entry_points(), *filter(None, [site.robots_url()])])),
        }
        for name, site in sites().items()
        if name != GENERIC
    ]
