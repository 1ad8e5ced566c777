"""A scheduled crawl that cron can trust: one run at a time, leftovers of a killed run
finished first, only new articles fetched, output files complete or absent, a summary and an
exit status a monitor can act on."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from crawler import __version__
from crawler.crawling.output import finish, read_records, recover, write_atomically
from crawler.crawling.report import health_warnings, site_status, site_summary
from crawler.crawling.state import SeenStore
from crawler.errors import ExitStatus


@dataclass
class CrawlPlan:
    sites: list[str]
    out: Path  # DIR: DIR/<site>/<stamp>.jsonl (unless output is given)
    output: Path | None  # -o FILE
    state: Path
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
        return {s: plan.output.with_name(f".{plan.output.name}.{s}{suffix}") for s in plan.sites}
    return {s: plan.out / s / f"{stamp}{suffix}" for s in plan.sites}


def _join(pieces: list[Path], target: Path) -> None:
    partial = target.with_name(target.name + ".partial")
    with partial.open("w", encoding="utf-8") as handle:
        for piece in pieces:
            if piece.exists():
                for record in read_records(piece):
                    handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    finish(partial)
    for piece in pieces:
        piece.unlink(missing_ok=True)


def crawl(plan: CrawlPlan, settings) -> int:
    """Run the plan; returns the exit status (0 or 1). The caller holds the state's run lock
    (:class:`crawler.crawling.lock.RunLock`)."""
    from scrapy.crawler import CrawlerProcess

    from crawler.crawling.project import spider_loader

    for directory in {t.parent for t in _targets(plan, "").values()}:
        for path in recover(directory, str(plan.state)):
            _say(f"finished {path} left by an interrupted run")
    started = datetime.now(UTC)
    stamp = started.strftime("%Y%m%dT%H%M%SZ")
    targets = _targets(plan, stamp)
    settings.set("WARTA_STATE", str(plan.state), priority="cmdline")
    settings.set("WARTA_REFRESH_UPDATED", plan.refresh_updated, priority="cmdline")
    process = CrawlerProcess(settings)
    crawlers = {}
    for site, target in targets.items():
        crawler = process.create_crawler(spider_loader().load(site))
        feed = {"format": "jsonlines", "encoding": "utf-8", "overwrite": True}
        crawler.settings.set("FEEDS", {str(target.resolve()): feed}, priority="cmdline")
        crawlers[site] = crawler
        process.crawl(crawler, **plan.spider_args)
    process.start()
    if plan.output and len(plan.sites) > 1:
        _join(list(targets.values()), plan.output)
    return _report(plan, crawlers, targets, started, stamp)


def _report(plan: CrawlPlan, crawlers: dict, targets: dict[str, Path], started: datetime, stamp: str) -> int:
    settings = next(iter(crawlers.values())).settings
    max_failed = settings.getfloat("WARTA_MAX_FAILED_SHARE", 0.5)
    max_dropped = settings.getfloat("WARTA_MAX_DROPPED_SHARE", 0.5)
    summary: dict[str, Any] = {
        "warta_version": __version__,
        "started": started.isoformat(timespec="seconds"),
        "finished": datetime.now(UTC).isoformat(timespec="seconds"),
        "state": str(plan.state),
        "sites": {},
    }
    status = ExitStatus.OK
    with SeenStore(plan.state) as store:
        for site, crawler in crawlers.items():
            numbers = site_summary(site, crawler.stats.get_stats())
            numbers["output"] = str(plan.output or targets[site]) if numbers["written"] else None
            numbers["warnings"] = health_warnings(site, numbers, store.previous_mean_words(site))
            numbers["status"] = site_status(numbers, max_failed, max_dropped)
            store.record_run(site, numbers, numbers["status"])
            summary["sites"][site] = numbers
            status = max(status, numbers["status"])
            failed = sum(numbers["failed"].values())
            dropped = sum(numbers["dropped"].values())
            _say(
                f"{site}: {numbers['written']} written, {numbers['skipped_seen']} already seen, "
                f"{dropped} dropped, {failed} failed requests"
                + (f" -> {numbers['output']}" if numbers["output"] else "")
            )
            for warning in numbers["warnings"]:
                _say(f"health: {warning}")
    summary["exit_status"] = status
    text = json.dumps(summary, ensure_ascii=False, indent=2) + "\n"
    where = (
        (plan.output.parent / f"{plan.output.name}.summary.json")
        if plan.output
        else plan.out / f"{stamp}.summary.json"
    )
    for path in filter(None, [where, plan.stats_file]):
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, text.encode("utf-8"))
    return status
