"""What a run did, per site: the summary JSON, health warnings and the exit status.

Pure functions over Scrapy's stats dict, plus ``RecordStats``, a small extension that counts
what the written records look like (for the health check).
"""

from __future__ import annotations

import sys
from datetime import datetime
from typing import TYPE_CHECKING, Any

from scrapy import signals

from crawler.errors import ExitStatus

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from twisted.internet.task import LoopingCall


class RecordStats:
    """Counts per site what the written records look like: no date, generic path, length."""

    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RecordStats:
        ext = cls(crawler)
        crawler.signals.connect(ext.item_scraped, signal=signals.item_scraped)
        return ext

    def item_scraped(self, item: dict[str, Any], response: Any, spider: Any) -> None:
        site = item.get("site") or spider.name
        self.stats.inc_value(f"warta/{site}/written")
        self.stats.inc_value(f"warta/{site}/words", item.get("word_count") or 0)
        if not item.get("published_at"):
            self.stats.inc_value(f"warta/{site}/written_no_date")
        if item.get("extractor") == "generic":
            self.stats.inc_value(f"warta/{site}/written_generic")


class Progress:
    """A progress line per site on stderr every WARTA_PROGRESS_INTERVAL seconds (0: off)."""

    def __init__(self, crawler: Crawler, interval: float) -> None:
        self.crawler, self.interval = crawler, interval
        self.task: LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Progress:
        from scrapy.exceptions import NotConfigured

        interval = crawler.settings.getfloat("WARTA_PROGRESS_INTERVAL", 0)
        if interval <= 0:
            raise NotConfigured
        ext = cls(crawler, interval)
        crawler.signals.connect(ext.opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.closed, signal=signals.spider_closed)
        return ext

    def opened(self, spider: Any) -> None:
        from twisted.internet.task import LoopingCall

        self.task = LoopingCall(self.report, spider)
        self.task.start(self.interval, now=False)

    def report(self, spider: Any) -> None:
        stats, name = self.crawler.stats, spider.name
        print(
            f"warta: {name}: {stats.get_value(f'warta/{name}/discovered', 0)} discovered, "
            f"{stats.get_value(f'warta/{name}/fetched', 0)} fetched, "
            f"{stats.get_value(f'warta/{name}/written', 0)} written, "
            f"{stats.get_value(f'warta/{name}/skipped/seen', 0)} already seen ...",
            file=sys.stderr,
            flush=True,
        )

    def closed(self, spider: Any) -> None:
        if self.task is not None and self.task.running:
            self.task.stop()


def _iso(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, datetime) else value


def _prefixed(stats: dict[str, Any], prefix: str) -> dict[str, int]:
    return {k[len(prefix) :]: v for k, v in sorted(stats.items()) if k.startswith(prefix)}


def site_summary(site: str, stats: dict[str, Any]) -> dict[str, Any]:
    """The numbers an operator reads for one site of one run."""
    written = stats.get(f"warta/{site}/written", 0)
    return {
        "discovered": stats.get(f"warta/{site}/discovered", 0),
        "fetched": stats.get(f"warta/{site}/fetched", 0),
        "written": written,
        "skipped_seen": stats.get(f"warta/{site}/skipped/seen", 0),
        "skipped_outside_window": stats.get(f"warta/{site}/skipped/outside date window", 0),
        "dropped": _prefixed(stats, f"warta/{site}/dropped/"),
        "failed": _prefixed(stats, f"warta/{site}/failed/"),
        # pages a domain crawl took for articles by their URL that were none (spiders/domain.py)
        "not_articles": _prefixed(stats, f"warta/{site}/not_article/"),
        "discovery": _prefixed(stats, f"warta/{site}/discovery/"),
        "http_status": {
            k: v for k, v in _prefixed(stats, "downloader/response_status_count/").items() if int(k) >= 400
        },
        "requests": stats.get("downloader/request_count", 0),
        "retries": stats.get("retry/count", 0),
        "retry_reasons": _prefixed(stats, "retry/reason_count/"),
        "retry_after_waits": stats.get("warta/retry_after_waits", 0),
        "generic_fallbacks": stats.get(f"warta/{site}/generic_fallback", 0),
        "charset_guessed": stats.get(f"warta/{site}/charset_guessed", 0),  # read as windows-1252
        "incomplete_articles": stats.get(f"warta/{site}/incomplete_articles", 0),
        "dates_by_dateparser": stats.get("warta/dates/dateparser_fallback", 0),
        "written_without_date": stats.get(f"warta/{site}/written_no_date", 0),
        "written_generic": stats.get(f"warta/{site}/written_generic", 0),
        "mean_words": round(stats.get(f"warta/{site}/words", 0) / written, 1) if written else None,
        "finish_reason": stats.get("finish_reason"),
        "started": _iso(stats.get("start_time")),
        "finished": _iso(stats.get("finish_time")),
    }


def health_warnings(
    site: str, summary: dict[str, Any], previous_mean_words: float | None, has_rules: bool = True
) -> list[str]:
    """Signs that a site's markup changed: records mostly without dates, mostly through the
    generic fallback (of a site that has rules: a domain without a site file has only the
    generic path), or bodies suddenly much shorter than in earlier runs; and signs that its
    entry points did: none of them listed an article."""
    written = summary["written"]
    warnings = []
    if written >= 3:
        if summary["written_without_date"] / written > 0.5:
            warnings.append(f"{summary['written_without_date']}/{written} records have no published_at")
        if has_rules and summary["written_generic"] / written > 0.5:
            generic = summary["written_generic"]
            warnings.append(f"{generic}/{written} records came through the generic fallback")
        mean = summary["mean_words"]
        if previous_mean_words and mean is not None and mean < 0.5 * previous_mean_words:
            warnings.append(f"bodies average {mean:.0f} words, earlier runs {previous_mean_words:.0f}")
    if warnings:
        warnings.append("its markup has probably changed")
    found = [f"{site}: " + "; ".join(warnings)] if warnings else []
    return found + _discovery_warnings(site, summary.get("discovery", {})) + _error_warnings(site, summary)


def _error_warnings(site: str, summary: dict[str, Any]) -> list[str]:
    """Pages on which code raised (warta's or a user's pipeline): counted, and worth a report."""
    errors = {
        reason: n
        for reason, n in {**summary["dropped"], **summary.get("discovery", {})}.items()
        if reason.startswith(("extraction error", "pipeline error", "error ("))
    }
    if not errors:
        return []
    listed = ", ".join(f"{n} {reason}" for reason, n in errors.items())
    return [f"{site}: code raised on some pages ({listed}); run with -v to see where, and report it"]


def _discovery_warnings(site: str, discovery: dict[str, int]) -> list[str]:
    """Every entry point failed or listed no article: the run found nothing new because it could
    not look, not because the site published nothing."""
    failed = discovery.get("entry points failed", 0)
    tried = failed + discovery.get("entry points read", 0)
    if not tried or discovery.get("entry points listing articles", 0):
        return []
    return [
        f"{site}: none of its {tried} entry points listed an article ({failed} failed, "
        f"{tried - failed} listed no article link); see the summary's discovery"
    ]


def site_status(summary: dict[str, Any], max_failed_share: float, max_dropped_share: float) -> ExitStatus:
    """0 when the run worked, 1 when it finished but too much failed."""
    if summary["finish_reason"] not in (None, "finished"):
        return ExitStatus.FAILED
    failed = sum(summary["failed"].values())
    attempted_pages = failed + summary["fetched"]
    if attempted_pages and failed / attempted_pages > max_failed_share:
        return ExitStatus.FAILED
    dropped = sum(summary["dropped"].values())
    attempted = dropped + summary["written"]
    if attempted and dropped / attempted > max_dropped_share:
        return ExitStatus.FAILED
    return ExitStatus.OK
