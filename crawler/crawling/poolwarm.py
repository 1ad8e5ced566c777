"""Imported by the fork server of the extraction workers (``crawler.crawling.pool.PRELOAD``):
one page read there loads the parsers, patterns and language model that a process loads on its
first page, so every worker forked from it starts warm and shares those pages of memory,
instead of each worker paying about half a second of CPU when the crawl begins."""

from __future__ import annotations

import contextlib

from crawler.crawling.pool import warm

with contextlib.suppress(Exception):  # a worker warms itself up again if this failed
    warm()
