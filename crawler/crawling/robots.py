"""robots.txt read up to 512 KiB: RFC 9309 (2.5) lets a crawler stop at a limit of at least
500 KiB, and Scrapy would otherwise download and parse any size (a 40 MB robots.txt of rules
took 1.3 GB). The limit is put on every request for a /robots.txt, Scrapy's own (its
RobotsTxtMiddleware fetches one per host) and the spider's (for its sitemaps); one over it
fails as "too large", and Scrapy's middleware then allows every URL, as for any robots.txt it
cannot read.

Also what robots.txt answered in a run (``robots_status``), for the summary and the dataset card."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from scrapy.http import Request

MAX_ROBOTS_BYTES = 512 * 1024


class RobotsSizeLimit:
    """A downloader middleware: ``download_maxsize`` for robots.txt requests."""

    def process_request(self, request: Request) -> None:
        if urlsplit(request.url).path == "/robots.txt":
            request.meta.setdefault("download_maxsize", MAX_ROBOTS_BYTES)


def robots_status(stats: dict[str, Any], obeyed: bool) -> dict[str, Any]:
    """What robots.txt said during one site's run, from Scrapy's RobotsTxtMiddleware stats: for
    the run summary, the state's run history and the dataset card (which sites' rules the
    corpus was collected under). ``status`` is one phrase; a site on several hosts gets each
    answer counted."""
    if not obeyed:
        return {"obeyed": False, "status": "not obeyed (ROBOTSTXT_OBEY off)", "forbidden": 0}
    answers: Counter[str] = Counter()
    for key, count in stats.items():
        if key.startswith("robotstxt/response_status_count/"):
            answers[_answer(int(key.rsplit("/", 1)[1]))] += count
        elif key.startswith("robotstxt/exception_count/"):
            answers["unreachable: every URL allowed"] += count
    parts = [a if n == 1 else f"{a} (x{n})" for a, n in sorted(answers.items())]
    status = "; ".join(parts) or "not fetched (no request was made)"
    return {"obeyed": True, "status": status, "forbidden": stats.get("robotstxt/forbidden", 0)}


def _answer(code: int) -> str:
    """How Scrapy's middleware reads a robots.txt answered with ``code``: it parses whatever
    body came, so an error page is in effect no rules at all."""
    if code == 200:
        return "read (HTTP 200)"
    if 400 <= code < 500:
        return f"none (HTTP {code}): every URL allowed"
    return f"error (HTTP {code}): every URL allowed"
