"""A loopback fakta.com whose articles are named by slug, so a test can make some of them
hostile (a route of its own) and the rest ordinary pages made from the fakta fixture."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.test_scheduled import SAMPLE_SLUG, SAMPLE_TITLE, TEMPLATE

FAST = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0"]


def url_of(slug: str) -> str:
    return f"https://fakta.com/news/nasional/{slug}"


def article_page(tmp: Path, slug: str) -> dict[str, Any]:
    page = tmp / f"{slug}.html"
    title = slug.replace("-", " ").title()
    page.write_text(TEMPLATE.replace(SAMPLE_SLUG, slug).replace(SAMPLE_TITLE, title), "utf-8")
    return {"file": str(page)}


def site_routes(tmp: Path, slugs: list[str], special: dict[str, dict] | None = None) -> dict[str, Any]:
    """robots.txt -> a sitemap of every slug; each slug an ordinary article unless
    ``special`` gives its route."""
    special = special or {}
    routes: dict[str, Any] = {
        "fakta.com/robots.txt": {
            "body": "User-agent: *\nAllow: /\nSitemap: https://fakta.com/sitemap.xml\n",
            "headers": {"Content-Type": "text/plain"},
        },
        "fakta.com/": {"body": "<html><body><p>Beranda</p></body></html>"},
    }
    entries = []
    for slug in slugs:
        routes[url_of(slug).split("://")[1]] = special.get(slug) or article_page(tmp, slug)
        entries.append(f"<url><loc>{url_of(slug)}</loc><lastmod>2025-04-28</lastmod></url>")
    routes["fakta.com/sitemap.xml"] = {
        "body": '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/'
        'sitemap/0.9">' + "".join(entries) + "</urlset>",
        "headers": {"Content-Type": "application/xml"},
    }
    return routes


def summary_of(path: Path, site: str = "fakta") -> dict[str, Any]:
    return json.loads(path.read_text("utf-8"))["sites"][site]


def lines_of(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]
