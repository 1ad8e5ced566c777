"""robots.txt read up to 512 KiB: RFC 9309 (2.5) lets a crawler stop at a limit of at least
500 KiB, and Scrapy would otherwise download and parse any size (a 40 MB robots.txt of rules
took 1.3 GB). The limit is put on every request for a /robots.txt, Scrapy's own (its
RobotsTxtMiddleware fetches one per host) and the spider's (for its sitemaps); one over it
fails as "too large", and Scrapy's middleware then allows every URL, as for any robots.txt it
cannot read."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from scrapy.http import Request

MAX_ROBOTS_BYTES = 512 * 1024


class RobotsSizeLimit:
    """A downloader middleware: ``download_maxsize`` for robots.txt requests."""

    def process_request(self, request: Request) -> None:
        if urlsplit(request.url).path == "/robots.txt":
            request.meta.setdefault("download_maxsize", MAX_ROBOTS_BYTES)
