"""``warta queue --redis URL``: what a crawl shared over Redis is doing, read from its keys
(:mod:`crawler.crawling.redisqueue`, :mod:`crawler.crawling.redisstate`) without changing them."""

from __future__ import annotations

from typing import Any

from crawler.crawling.redisqueue import START, site_key
from crawler.crawling.redisstate import Keys, connect


def _text(raw: Any) -> str:
    return raw.decode() if isinstance(raw, bytes) else str(raw)


def crawl_status(url: str, prefix: str = "warta") -> list[str]:
    """One line per site with a crawl under way and one per worker in it, then the articles
    written over all crawls."""
    client = connect(url)
    keys = Keys(prefix)
    found = [
        _text(k) for what in ("workers", "requests") for k in client.scan_iter(match=f"{prefix}:*:{what}")
    ]
    lines = []
    for site in sorted({key.split(":")[-2] for key in found}):
        workers = []
        for wid in sorted(_text(w) for w in client.smembers(site_key(prefix, site, "workers"))):
            fields = [_text(f) for f in client.hkeys(site_key(prefix, site, f"inflight:{wid}"))]
            held = len([f for f in fields if f != START])
            alive = client.exists(keys.worker(wid))
            state = "alive" if alive else "dead: its requests go back to the queue at the next idle check"
            workers.append(f"  {wid}: {held} in flight ({state}{', starting' if START in fields else ''})")
        lines.append(
            f"{site}: {client.zcard(site_key(prefix, site, 'requests'))} queued, {len(workers)} workers"
        )
        lines += workers
    lines.append(f"written (all sites, all crawls): {client.hlen(keys.written)} articles")
    return lines
