"""A scheduled crawl that cron can trust: one run at a time, leftovers of a killed run
finished first, only new articles fetched, output files complete or absent, a summary and an
exit status a monitor can act on."""

from __future__ import annotations

import json
import sqlite3
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from redis.exceptions import RedisError

from crawler import __version__
from crawler.crawling.output import (
    ADDITION,
    PARTIAL,
    commit,
    discard,
    read_records,
    recover_folder,
    recover_target,
    release,
    write_atomically,
)
from crawler.crawling.redisstate import LOST as REDIS_LOST
from crawler.crawling.redisstate import LOST_REASON
from crawler.crawling.report import health_warnings, site_status, site_summary
from crawler.crawling.robots import robots_status
from crawler.crawling.state import SeenStore
from crawler.errors import ExitStatus


@dataclass
class CrawlPlan:
    sites: list[str]
    out: Path  # DIR: DIR/<site>/<stamp>.jsonl (unless output is given)
    output: Path | None  # -o FILE (added to) or -O FILE (overwritten)
    state: Path
    overwrite: bool = False  # -O
    gzip: bool = False
    refresh_updated: bool = False
    spider_args: dict[str, Any] = field(default_factory=dict)
    stats_file: Path | None = None


def _say(message: str) -> None:
    print(f"warta: {message}", file=sys.stderr, flush=True)


def _targets(plan: CrawlPlan, stamp: str) -> dict[str, Path]:
    suffix = ".jsonl.gz" if plan.gzip else ".jsonl"
    if plan.output and len(plan.sites) == 1:
        return {plan.sites[0]: plan.output}
    if plan.output:  # several sites into one file: a piece per site, joined at the end
        return {s: _piece(plan.output, s) for s in plan.sites}
    return {s: plan.out / s / f"{stamp}{suffix}" for s in plan.sites}


def _piece(output: Path, site: str) -> Path:
    return output.with_name(f".{output.name}.{site}.piece.jsonl")


def _joined(plan: CrawlPlan) -> bool:
    return plan.output is not None and len(plan.sites) > 1


def _recover(plan: CrawlPlan, shared: Any = None) -> list[Path]:
    """Finish what a killed run left, in the files this plan writes and nowhere else. Pieces
    of a joined file were never marked seen: they are dropped and fetched again. ``shared``:
    the seen-store over Redis of a shared crawl."""
    if plan.output is None:
        return [p for site in plan.sites for p in recover_folder(plan.out / site, str(plan.state), shared)]
    for site in plan.sites if _joined(plan) else []:
        discard(_piece(plan.output, site))
    return recover_target(plan.output, str(plan.state), shared)


def _shared_store(settings: Any) -> Any:
    """The seen-store shared over Redis (``warta crawl --redis``), or None."""
    from crawler.crawling.redisstate import RedisSeenStore, settings_worker

    worker = settings_worker(settings)
    return RedisSeenStore(worker) if worker is not None else None


def _join(plan: CrawlPlan, pieces: list[Path], shared: Any = None) -> None:
    """The sites' pieces into one file, committed (and marked seen) as one run's lines."""
    assert plan.output is not None
    lines = plan.output.with_name(plan.output.name + (PARTIAL if plan.overwrite else ADDITION))
    with lines.open("w", encoding="utf-8") as handle:
        for piece in pieces:
            if piece.exists():
                for record in read_records(piece):
                    handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    release(commit(lines), str(plan.state), shared)
    for piece in pieces:
        piece.unlink(missing_ok=True)


def crawl(plan: CrawlPlan, settings) -> int:
    """Run the plan; returns the exit status (0 or 1). The caller holds the state's run lock
    (:class:`crawler.crawling.lock.RunLock`)."""
    from scrapy.crawler import CrawlerProcess

    from crawler.crawling.archive import recover as close_warcs

    try:
        shared = _shared_store(settings)
        for path in _recover(plan, shared):
            _say(f"finished {path} left by an interrupted run")
        for path in close_warcs(Path(settings.get("WARTA_WARC"))) if settings.get("WARTA_WARC") else []:
            _say(f"closed {path} left open by an interrupted run")
    except (OSError, sqlite3.Error, RedisError) as exc:
        _say(f"cannot finish the files an interrupted run left: {exc}")
        return ExitStatus.FAILED
    started = datetime.now(UTC)
    stamp = started.strftime("%Y%m%dT%H%M%SZ")
    targets = _targets(plan, stamp)
    settings.set("WARTA_STATE", str(plan.state), priority="cmdline")
    settings.set("WARTA_REFRESH_UPDATED", plan.refresh_updated, priority="cmdline")
    process = CrawlerProcess(settings)
    crawlers = {}
    for site, target in targets.items():
        crawler = process.create_crawler(process.spider_loader.load(site))
        feed = {
            "format": "jsonlines",
            "encoding": "utf-8",
            "overwrite": plan.overwrite or _joined(plan),
            "warta_mark_seen": not _joined(plan),
        }
        crawler.settings.set("FEEDS", {str(target.resolve()): feed}, priority="cmdline")
        crawlers[site] = crawler
        process.crawl(crawler, **plan.spider_args)
    process.start()
    join_error = None
    if _joined(plan):
        try:
            _join(plan, list(targets.values()), shared)
        except (OSError, sqlite3.Error, RedisError) as exc:
            join_error = f"cannot write {plan.output}: {getattr(exc, 'strerror', None) or exc}"
    return _report(plan, crawlers, targets, started, stamp, join_error)


def _report(
    plan: CrawlPlan,
    crawlers: dict,
    targets: dict[str, Path],
    started: datetime,
    stamp: str,
    join_error: str | None = None,
) -> int:
    summary: dict[str, Any] = {
        "warta_version": __version__,
        "started": started.isoformat(timespec="seconds"),
        "finished": datetime.now(UTC).isoformat(timespec="seconds"),
        "state": str(plan.state),
        "sites": {},
    }
    status = ExitStatus.OK
    try:
        with SeenStore(plan.state) as store:
            for site, crawler in crawlers.items():
                numbers = _site_numbers(plan, site, crawler, targets[site], join_error, store)
                store.record_run(site, numbers, numbers["status"])
                summary["sites"][site] = numbers
                status = max(status, numbers["status"])
    except (OSError, sqlite3.Error) as exc:
        _say(f"cannot record the run in {plan.state}: {exc}")
        status = ExitStatus.FAILED
    summary["exit_status"] = status
    return _write_summary(plan, stamp, summary)


def _site_numbers(
    plan: CrawlPlan, site: str, crawler: Any, target: Path, join_error: str | None, store: SeenStore
) -> dict[str, Any]:
    """One site's summary, said on stderr. Records that never reached a finished file are
    counted as failed under the write error, so every article stays accounted for."""
    settings, stats = crawler.settings, crawler.stats.get_stats()
    numbers = site_summary(site, stats)
    numbers["robots_txt"] = robots_status(stats, settings.getbool("ROBOTSTXT_OBEY"))
    write_error = stats.get("warta/output_error") or (join_error if _joined(plan) else None)
    lost = stats.get(REDIS_LOST)
    if (write_error or lost) and numbers["written"]:
        unwritten = "not written" if write_error else f"{LOST_REASON}: kept for the next run"
        numbers["failed"][unwritten] = numbers["failed"].get(unwritten, 0) + numbers["written"]
        lost = lost and f"{lost}; its {numbers['written']} records wait beside {target} for the next run"
        numbers["written"] = 0
    errors = (write_error, lost, *(stats.get(f"warta/{e}_error") for e in ("state", "archive", "internal")))
    numbers["errors"] = [e for e in errors if e]
    numbers["output"] = str(plan.output or target) if numbers["written"] else None
    has_rules = getattr(getattr(crawler.spider, "site", None), "rules", True) is not None
    numbers["warnings"] = health_warnings(site, numbers, store.previous_mean_words(site), has_rules)
    shares = (
        settings.getfloat("WARTA_MAX_FAILED_SHARE", 0.5),
        settings.getfloat("WARTA_MAX_DROPPED_SHARE", 0.5),
    )
    numbers["status"] = ExitStatus.FAILED if numbers["errors"] else site_status(numbers, *shares)
    for error in dict.fromkeys(numbers["errors"]):
        _say(error)
    failed = sum(numbers["failed"].values())
    dropped = sum(numbers["dropped"].values())
    guessed = sum(numbers["not_articles"].values())
    _say(
        f"{site}: {numbers['written']} written, {numbers['skipped_seen']} already seen, "
        f"{dropped} dropped, {failed} failed"
        + (f", {guessed} not articles" if guessed else "")
        + (f" -> {numbers['output']}" if numbers["output"] else "")
    )
    for warning in numbers["warnings"]:
        _say(f"health: {warning}")
    return numbers


def _write_summary(plan: CrawlPlan, stamp: str, summary: dict[str, Any]) -> int:
    text = json.dumps(summary, ensure_ascii=False, indent=2) + "\n"
    where = (
        (plan.output.parent / f"{plan.output.name}.summary.json")
        if plan.output
        else plan.out / f"{stamp}.summary.json"
    )
    for path in filter(None, [where, plan.stats_file]):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(path, text.encode("utf-8"))
        except OSError as exc:
            _say(f"cannot write the summary {path}: {exc.strerror or exc}")
            return ExitStatus.FAILED
    return summary["exit_status"]
