"""The ``warta`` command: extract, fetch, crawl, queue, sites, schema, and the corpus verbs.

Every failure a user can cause (missing file, not HTML, HTTP 404, unknown host, a non-http
URL) ends with one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import errno
import json
import os
import sys
import tempfile
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NoReturn, TypeVar

from crawler import __version__, options, user_agent
from crawler.errors import ExitStatus, WartaError

Done = TypeVar("Done")

MAX_NAMED = 20  # broken WARC records named one per line; the rest are counted


def _error(message: str) -> None:
    print(f"warta: {message}", file=sys.stderr)


class StdoutFailed(Exception):
    """Standard output cannot take a record (a full disk behind ``>``, a closed descriptor)."""


def _emit(record: Mapping[str, Any]) -> None:
    from crawler.extraction.record import to_json_line

    line = to_json_line(record) + "\n"
    if sys.stdout is None:  # started with stdout closed (>&-)
        raise StdoutFailed("it is closed")
    try:
        sys.stdout.write(line)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise StdoutFailed(exc.strerror or str(exc)) from exc


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so Python's last flush at exit cannot fail a second time."""
    if sys.stdout is not None:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


# -- extract -----------------------------------------------------------------------------
def cmd_extract(args: argparse.Namespace) -> int:
    from w3lib.url import safe_url_string

    from crawler.extraction.dates import zone_named
    from crawler.extraction.document import parse
    from crawler.extraction.metadata import read_metadata
    from crawler.extraction.steps import build_record
    from crawler.sites import site_for_url

    if args.url and len(args.files) > 1:
        _error("--url names one page; give one FILE with it")
        return ExitStatus.USAGE
    problem = options.url_problems([args.url] if args.url else [])
    if problem:
        _error(problem)
        return ExitStatus.USAGE
    now = args.now or datetime.now(UTC)
    zone = zone_named(args.timezone) if args.timezone else None
    status = ExitStatus.OK
    for name in args.files:
        try:
            body = _read_page(name)
        except OSError as exc:
            _error(f"{name}: cannot read: {exc.strerror or exc}")
            status = ExitStatus.FAILED
            continue
        except WartaError as exc:
            _error(f"{name}: {exc}")
            status = ExitStatus.FAILED
            continue
        try:
            url = safe_url_string(args.url) if args.url else None  # as `warta fetch` asks for it
            if not url:
                canonical = [u for u in read_metadata(parse(body)).canonical if u.startswith("http")]
                if not canonical:
                    raise WartaError("no URL", "the page names no canonical URL; pass --url")
                url = canonical[0]
            _emit(build_record(body, url, now, site_for_url(url), home_zone=zone))
        except WartaError as exc:
            _error(f"{name}: {exc}")
            status = ExitStatus.FAILED
    return status


def _read_page(name: str) -> bytes:
    """The file's bytes (``-``: standard input), read no further than one byte past the page
    limit (a pipe has no size)."""
    from crawler.extraction.document import MAX_PAGE_BYTES, check_size

    if name == "-":
        if sys.stdin is None:
            raise OSError(errno.EBADF, "standard input is closed")
        body = sys.stdin.buffer.read(MAX_PAGE_BYTES + 1)
    else:
        with Path(name).open("rb") as handle:
            body = handle.read(MAX_PAGE_BYTES + 1)
    check_size(len(body))
    return body


# -- fetch and crawl (through Scrapy) ---------------------------------------------------------
def _scrapy_settings(args: argparse.Namespace, **overrides: Any):
    from crawler.crawling.project import project_settings

    settings = project_settings()
    # Quiet unless asked: failures are reported by warta itself, one line each.
    settings.set("LOG_ENABLED", bool(args.verbose), priority="cmdline")
    settings.set("LOG_LEVEL", "INFO" if args.verbose else "CRITICAL", priority="cmdline")
    for key, value in overrides.items():
        settings.set(key, value, priority="cmdline")
    if getattr(args, "contact", None):
        settings.set("USER_AGENT", user_agent(args.contact), priority="cmdline")
    for key, value in args.set or []:
        settings.set(key, value, priority="cmdline")
    if args.warc:
        settings.set("WARTA_WARC", str(Path(args.warc).resolve()), priority="cmdline")
    if args.timezone:
        settings.set("WARTA_TIMEZONE", args.timezone, priority="cmdline")
    return settings


def cmd_fetch(args: argparse.Namespace) -> int:
    from scrapy.crawler import CrawlerProcess
    from scrapy.settings import SETTINGS_PRIORITIES

    from crawler.crawling.fetchwatch import FetchWatch
    from crawler.crawling.project import spider_for_url

    problem = options.url_problems(args.urls)
    if problem:
        _error(problem)
        return ExitStatus.USAGE
    settings = _scrapy_settings(args)
    if settings.getpriority("WARTA_MAX_RETRY_AFTER") != SETTINGS_PRIORITIES["cmdline"]:
        # a person waits for `warta fetch`: a site asking for minutes gets a short wait, then a reason
        settings.set("WARTA_MAX_RETRY_AFTER", settings.getfloat("WARTA_FETCH_MAX_RETRY_AFTER"), "cmdline")
    if settings.getpriority("WARTA_EXTRACT_WORKERS") != SETTINGS_PRIORITIES["cmdline"]:
        settings.set("WARTA_EXTRACT_WORKERS", 0, "cmdline")  # a few pages: no workers to start
    process = CrawlerProcess(settings)
    watch = FetchWatch()
    groups: dict[type, list[str]] = {}
    for url in args.urls:
        groups.setdefault(spider_for_url(url, process.spider_loader), []).append(url)
    crawlers = []
    for spidercls, urls in groups.items():
        crawler = process.create_crawler(spidercls)
        watch.connect(crawler)
        crawlers.append(crawler)
        process.crawl(crawler, urls=urls)
    process.start()
    failures = {url: reason for c in crawlers for url, reason in getattr(c.spider, "failures", [])}
    stopped = any(c.stats.get_value("finish_reason") == "shutdown" for c in crawlers if c.stats)
    status = ExitStatus.OK
    for url in args.urls:
        if url in watch.records:
            _emit(watch.records[url])
            continue
        status = ExitStatus.FAILED
        _error(f"{url}: {watch.reason(url, failures, stopped)}")
    kept = ("warta/archive_error", "warta/internal_error")
    for error in {c.stats.get_value(k) for c in crawlers if c.stats for k in kept} - {None}:
        _error(error)
        status = ExitStatus.FAILED
    if stopped:
        _error("interrupted: stopped by a signal (SIGTERM or Ctrl-C)")
        return ExitStatus.INTERRUPTED
    return status


def _inputs_problem(files: list[Path], none_found: str) -> str | None:
    """One line when an input file is not there, or the inputs hold none; else None."""
    missing = [str(p) for p in files if not p.is_file()]
    if missing:
        return f"no such file: {missing[0]}"
    return None if files else none_found


def _record_inputs(inputs: list[str]) -> list[Path] | None:
    """The record files (JSON Lines, plain or gzipped) the inputs name or hold; None once one
    line has said why there are none."""
    from crawler.corpus.dedup import record_files

    files = record_files(inputs)
    problem = _inputs_problem(files, "no .jsonl or .jsonl.gz files in the inputs")
    if problem:
        _error(problem)
        return None
    return files


def _with_progress(
    files: list[Path], quiet: bool, job: Callable[[Any], Done], passes: int = 1
) -> Done | None:
    """A corpus job under a progress bar of the bytes it reads (``passes`` times the inputs);
    None once one line has said which input was bad or which write failed."""
    from crawler.corpus.dedup import BadInput
    from crawler.corpus.progress import progress_bar

    try:
        with progress_bar(passes * sum(p.stat().st_size for p in files), not quiet) as show:
            return job(show)
    except BadInput as exc:
        _error(exc.detail)
    except OSError as exc:
        _error(f"cannot write: {exc.strerror or exc} ({exc.filename})")
    return None


def cmd_reextract(args: argparse.Namespace) -> int:
    from crawler.corpus.reextract import Run, reextract
    from crawler.corpus.warcs import Options, warc_files

    files = warc_files(args.inputs)
    problem = _inputs_problem(files, "no WARC files in the inputs")
    if problem:
        _error(problem)
        return ExitStatus.USAGE
    domains = tuple(d.strip().lower() for d in (args.domains or "").split(",") if d.strip())
    wanted = Options(everything=args.all, domains=domains, language=args.language, timezone=args.timezone)
    output, out_dir = (Path(args.output), None) if args.output else (None, Path(args.out))
    workers = args.workers or os.cpu_count() or 1
    tally = _with_progress(
        files, args.quiet, lambda show: reextract(files, wanted, output, out_dir, Run(workers, show))
    )
    if tally is None:
        return ExitStatus.FAILED
    for problem in tally.broken[:MAX_NAMED]:
        _error(f"broken WARC: {problem}")
    if len(tally.broken) > MAX_NAMED:
        _error(f"broken WARC: {len(tally.broken) - MAX_NAMED} more broken records not named")
    summary = f"{tally.written} written from {len(files)} file{'s' if len(files) > 1 else ''}"
    summary += f", {len(tally.broken)} broken records" if tally.broken else ""
    summary += f", {tally.incomplete} split articles without every page" if tally.incomplete else ""
    skipped = ", ".join(f"{n} {reason}" for reason, n in tally.skipped.most_common())
    _error(summary + (f"; skipped: {skipped}" if skipped else ""))
    return ExitStatus.FAILED if tally.broken else ExitStatus.OK


def cmd_dedup(args: argparse.Namespace) -> int:
    from crawler.corpus.dedup import dedup

    files = _record_inputs(args.inputs)
    if files is None:
        return ExitStatus.USAGE
    # read twice: the signatures, then the marks
    tally = _with_progress(
        files,
        args.quiet,
        lambda show: dedup(files, Path(args.output), args.drop, args.threshold, show),
        passes=2,
    )
    if tally is None:
        return ExitStatus.FAILED
    kept = f"; {tally.records - tally.duplicates} written" if args.drop else ""
    _error(f"{tally.records} records, {tally.duplicates} duplicates in {tally.groups} groups{kept}")
    return ExitStatus.OK


def cmd_export(args: argparse.Namespace) -> int:
    import shlex

    from crawler.corpus.export import Request, export, usage_problem

    files = _record_inputs(args.inputs)
    if files is None:
        return ExitStatus.USAGE
    partition = [k.strip() for k in args.partition.split(",") if k.strip()] if args.partition else []
    state, robots = _crawl_robots(args.state)
    if isinstance(robots, str):
        _error(robots)
        return ExitStatus.USAGE
    request = Request(
        files,
        Path(args.output),
        args.format,
        partition,
        args.language,
        args.no_duplicates,
        "warta " + shlex.join(sys.argv[1:]),
        state,
        robots,
    )
    problem = usage_problem(request)
    if problem:
        _error(problem)
        return ExitStatus.USAGE
    summary = _with_progress(files, args.quiet, lambda show: export(request, show))
    if summary is None:
        return ExitStatus.FAILED
    left = summary.read - summary.written
    _error(
        f"{summary.written} records written to {args.output}"
        + (f"; {left} left out by the filters" if left else "")
    )
    return ExitStatus.OK


def _crawl_robots(named: str | None) -> tuple[Path | None, dict[str, Any] | str]:
    """The state file export reads robots.txt answers from (the one named, else the default
    one when it exists) and those answers, or one line saying why it cannot be read."""
    import sqlite3

    from crawler.crawling.state import default_state_path, robots_by_site

    path = Path(named) if named else default_state_path()
    if not path.is_file():
        return None, (f"no state file {path}" if named else {})
    try:
        return path, robots_by_site(path)
    except sqlite3.Error as exc:
        return path, f"cannot read the state {path}: {exc}"


def cmd_report(args: argparse.Namespace) -> int:
    import shlex

    from crawler.corpus.report_page import Request, usage_problem, write_report

    files = _record_inputs(args.inputs)
    if files is None:
        return ExitStatus.USAGE
    output = Path(args.output)
    problem = usage_problem(files, output)
    if problem:
        _error(problem)
        return ExitStatus.USAGE
    request = Request(files, output, "warta " + shlex.join(sys.argv[1:]))
    about = _with_progress(files, args.quiet, lambda show: write_report(request, show))
    if about is None:
        return ExitStatus.FAILED
    _error(f"report of {about} written to {output}")
    return ExitStatus.OK


def _crawl_usage_problem(args: argparse.Namespace) -> str | None:
    from crawler.extraction.dates import normalise_date
    from crawler.sites import sites

    window = {}
    for flag in ("since", "until"):
        value = getattr(args, flag)
        if value and len(normalise_date(value) or "") < 10:
            return f"--{flag}: not a date: {value}"
        window[flag] = (normalise_date(value) or "")[:10] if value else None
    if window["since"] and window["until"] and window["until"] < window["since"]:
        return f"--until {args.until} is before --since {args.since}: no article can be in that window"
    wanted = [s for s in (args.sections or "").split(",") if s]
    for site in args.sites:
        try:
            if site in sites():
                sites()[site].check_sections(wanted)
        except ValueError as exc:
            return str(exc)
    return None


def _storage_problem(args: argparse.Namespace, state: Path) -> str | None:
    """A state or an output that cannot be written stops the run before it fetches anything,
    rather than halfway through: a state file that is not warta's (refused untouched), a
    folder where a file was named, a folder that cannot be made or written in."""
    import sqlite3

    from crawler.crawling.state import ForeignState, SeenStore

    try:
        SeenStore(state).check_writable()
    except ForeignState as exc:
        return f"--state {state}: {exc}"
    except (sqlite3.Error, OSError) as exc:
        return f"--state {state}: not a usable warta state file: {exc}"
    output = args.output or args.overwrite_output
    if output == "-":
        return "-o -: records go to files, marked seen once durably written; `warta fetch URL` prints records"
    for flag, path in (("-o", output), ("--stats", args.stats)):
        if path and Path(path).is_dir():
            return f"{flag} {path}: is a folder; {flag} takes a file name"
    folders = [Path(output).parent if output else Path(args.out)]
    folders += [Path(args.stats).parent] if args.stats else []
    folders += [Path(args.warc)] if args.warc else []
    for folder in folders:
        if folder.exists() and not folder.is_dir():
            return f"cannot write output under {folder}: it is a file, not a folder"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryFile(dir=folder, prefix=".warta-probe-"):
                pass
        except OSError as exc:
            return f"cannot write output under {folder}: {exc.strerror or exc}"
    return None


def _share_over_redis(url: str, settings: Any) -> str | None:
    """Point the crawl's queue, duplicate filter and seen-store at Redis; the line to show
    when no Redis answers at ``url``."""
    from crawler.crawling.redisstate import RedisUnavailable, settings_worker

    settings.set("WARTA_REDIS", url, priority="cmdline")
    settings.set("SCHEDULER", "crawler.crawling.redisqueue.Scheduler", priority="cmdline")
    try:
        settings_worker(settings)
    except RedisUnavailable as exc:
        return str(exc)
    return None


def cmd_queue(args: argparse.Namespace) -> int:
    from crawler.crawling.redisstate import RedisUnavailable
    from crawler.crawling.redisstatus import crawl_status

    try:
        lines = crawl_status(args.redis, args.prefix)
    except RedisUnavailable as exc:
        _error(str(exc))
        return ExitStatus.USAGE
    print("\n".join(lines))
    return ExitStatus.OK


def _crawl_targets(given: list[str], sections: str | None) -> tuple[list[str], dict[str, Any]]:
    """The site keys to crawl, and the domains without a site file among them (their hosts, and
    --sections as path prefixes) for the spider loader. Raises ValueError with the line to show."""
    from crawler.crawling.domain import crawl_target, section_problem

    names: list[str] = []
    domains: dict[str, Any] = {}
    prefixes = [s for s in (sections or "").split(",") if s]
    for text in given:
        target = crawl_target(text)
        names.append(target.name)
        if target.host is not None:
            problem = section_problem(prefixes)
            if problem:
                raise ValueError(problem)
            found = domains.setdefault(target.name, {"hosts": [], "sections": prefixes})
            found["hosts"] = list(dict.fromkeys([*found["hosts"], target.host]))
    return list(dict.fromkeys(names)), domains


def cmd_crawl(args: argparse.Namespace) -> int:
    from crawler.crawling.lock import Locked, RunLock
    from crawler.crawling.state import default_state_path

    state = Path(args.state) if args.state else default_state_path()
    try:  # taken before any slow start-up work, held until the run is reported
        lock = RunLock(state.with_name(state.name + ".lock")).acquire()
    except Locked as exc:
        _error(str(exc))
        return ExitStatus.LOCKED
    except OSError as exc:
        _error(f"--state {state}: cannot lock it: {exc.strerror or exc}")
        return ExitStatus.USAGE
    try:
        return _crawl_locked(args, state)
    finally:
        lock.release()


def _crawl_locked(args: argparse.Namespace, state: Path) -> int:
    from crawler.crawling.run import CrawlPlan, crawl

    try:
        args.sites, domains = _crawl_targets(args.sites, args.sections)
    except ValueError as exc:
        _error(str(exc))
        return ExitStatus.USAGE
    problem = _crawl_usage_problem(args) or _storage_problem(args, state)
    if problem:
        _error(problem)
        return ExitStatus.USAGE
    output = args.output or args.overwrite_output
    plan = CrawlPlan(
        sites=list(dict.fromkeys(args.sites)),
        out=Path(args.out),
        output=Path(output) if output else None,
        overwrite=bool(args.overwrite_output),
        state=state,
        gzip=args.gzip,
        refresh_updated=args.refresh_updated,
        spider_args={
            "since": args.since,
            "until": args.until,
            "max_articles": args.max_articles,
            "sections": args.sections,
        },
        stats_file=Path(args.stats) if args.stats else None,
    )
    settings = _scrapy_settings(args, WARTA_DOMAINS=domains)
    if args.redis:
        problem = _share_over_redis(args.redis, settings)
        if problem:
            _error(problem)
            return ExitStatus.USAGE
    if args.dedup:
        settings.set("WARTA_DEDUP", True, priority="cmdline")
    if args.workers is not None:
        settings.set("WARTA_EXTRACT_WORKERS", args.workers, priority="cmdline")
    if settings.getfloat("WARTA_PROGRESS_INTERVAL", 0) <= 0 and not args.quiet:
        settings.set("WARTA_PROGRESS_INTERVAL", 30, priority="cmdline")
    return crawl(plan, settings)


# -- sites and schema ------------------------------------------------------------------------
def cmd_sites(args: argparse.Namespace) -> int:
    from crawler.sites import site_list

    sites = site_list()
    if args.json:
        print(json.dumps(sites, ensure_ascii=False, indent=2))
        return ExitStatus.OK
    for site in sites:
        print(f"{site['key']:<16} {', '.join(site['domains'])}")
        for entry in site["entry_points"]:
            print(f"{'':<16}   {entry}")
    print(
        f"{'(any other)':<16} any other domain or URL: `warta crawl example.co.id` finds its articles"
        " through robots.txt sitemaps, feeds and its home page, and reads them by the generic path"
    )
    return ExitStatus.OK


def cmd_schema(args: argparse.Namespace) -> int:
    from crawler.extraction.record import schema

    print(json.dumps(schema(), ensure_ascii=False, indent=2))
    return ExitStatus.OK


class _Parser(argparse.ArgumentParser):
    """argparse, with a bad option value told on one line (exit 2), not a page of usage."""

    def error(self, message: str) -> NoReturn:
        self.exit(ExitStatus.USAGE, f"{self.prog}: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="warta",
        description="Crawl and normalise Indonesian news articles into clean JSON records.",
    )
    parser.add_argument("--version", action="version", version=f"warta {__version__}")
    verbs = parser.add_subparsers(dest="verb", metavar="VERB", required=True)
    _add_extract(verbs)
    _add_fetch(verbs)
    _add_reextract(verbs)
    _add_dedup(verbs)
    _add_export(verbs)
    _add_report(verbs)
    _add_crawl(verbs)
    _add_queue(verbs)
    sites = verbs.add_parser(
        "sites",
        help="list the site keys and their domains",
        description="List the sites warta has rules for.",
    )
    sites.add_argument("--json", action="store_true", help="print JSON instead of a table")
    sites.set_defaults(func=cmd_sites)
    schema = verbs.add_parser(
        "schema",
        help="print the JSON Schema of the record",
        description="Print the JSON Schema of the article record.",
    )
    schema.set_defaults(func=cmd_schema)
    return parser


def _add_extract(verbs: Any) -> None:
    extract = verbs.add_parser(
        "extract",
        help="print the record of saved pages",
        description="Print the record of saved HTML pages, one JSON line each.",
    )
    extract.add_argument("files", nargs="+", metavar="FILE", help="a saved page; - reads standard input")
    extract.add_argument("--url", help="the URL the page was fetched from (default: its canonical URL)")
    extract.add_argument(
        "--now", type=options.parse_time, help="the fetch time to record (ISO 8601; default: now)"
    )
    _add_timezone(extract)
    extract.set_defaults(func=cmd_extract)


def _add_fetch(verbs: Any) -> None:
    fetch = verbs.add_parser(
        "fetch",
        help="fetch URLs and print their records",
        description="Fetch article URLs through Scrapy (robots.txt obeyed, retries, proxies from"
        " http_proxy/https_proxy) and print one JSON line per article.",
    )
    fetch.add_argument("urls", nargs="+", metavar="URL")
    fetch.set_defaults(func=cmd_fetch)
    _add_scrapy_options(fetch)


def _add_reextract(verbs: Any) -> None:
    reextract = verbs.add_parser(
        "reextract",
        help="records from WARC files (warta's --warc, CC-NEWS, wget, Heritrix)",
        description="Read WARC files (or folders of them) and write the records of their article"
        " pages, as a crawl would have written them.",
    )
    reextract.add_argument("inputs", nargs="+", metavar="INPUT")
    target = reextract.add_mutually_exclusive_group(required=True)
    target.add_argument("-o", "--output", metavar="FILE", help="all records into FILE")
    target.add_argument("--out", metavar="DIR", help="DIR/<input name>.jsonl per input; done inputs skipped")
    reextract.add_argument("--all", action="store_true", help="every other HTML page by the generic path too")
    reextract.add_argument("--domains", metavar="A,B", help="only pages of these domains")
    reextract.add_argument("--language", metavar="CODE", help="only records in this language (ISO 639-1)")
    reextract.add_argument(
        "--workers", type=options.positive_int, metavar="N", help="extraction processes (default: every core)"
    )
    reextract.add_argument("-q", "--quiet", action="store_true", help="no progress bar, only the summary")
    _add_timezone(reextract)
    reextract.set_defaults(func=cmd_reextract)


def _add_dedup(verbs: Any) -> None:
    from crawler.corpus.similarity import DEFAULT_THRESHOLD

    dedup = verbs.add_parser(
        "dedup",
        help="mark near-duplicate records (syndicated copies, reprints)",
        description="Read JSON Lines record files (or folders of them) and write every record with"
        " duplicate_of: the id of the earliest-published record it copies, or null.",
    )
    dedup.add_argument("inputs", nargs="+", metavar="INPUT", help=".jsonl or .jsonl.gz file, or a folder")
    dedup.add_argument("-o", "--output", required=True, metavar="FILE", help="all records into FILE")
    dedup.add_argument("--drop", action="store_true", help="write only the first record of each group")
    dedup.add_argument(
        "--threshold",
        type=options.share,
        default=DEFAULT_THRESHOLD,
        metavar="T",
        help=f"estimated Jaccard similarity of word 5-grams that makes a copy (default {DEFAULT_THRESHOLD})",
    )
    dedup.add_argument("-q", "--quiet", action="store_true", help="no progress bar, only the summary")
    dedup.set_defaults(func=cmd_dedup)


def _add_export(verbs: Any) -> None:
    from crawler.corpus.export import FORMATS

    export = verbs.add_parser(
        "export",
        help="records into a dataset: Parquet, jsonl.gz or CSV, with a dataset card",
        description="Read JSON Lines record files (or folders of them) and write one dataset with a"
        " README.md dataset card (Hugging Face Hub front matter) beside it.",
    )
    export.add_argument("inputs", nargs="+", metavar="INPUT", help=".jsonl or .jsonl.gz file, or a folder")
    export.add_argument("--format", choices=FORMATS, default="parquet", help="default parquet")
    export.add_argument(
        "-o", "--output", required=True, metavar="OUT", help="the file (or folder with --partition)"
    )
    export.add_argument(
        "--partition",
        metavar="KEYS",
        help="site,year: a Hive-style folder OUT/data/site=.../year=.../ (parquet)",
    )
    export.add_argument("--language", metavar="CODE", help="keep only records in this language (e.g. id)")
    export.add_argument(
        "--no-duplicates", action="store_true", help="leave out records with duplicate_of set"
    )
    export.add_argument(
        "--state",
        metavar="FILE",
        help="the crawls' state file, for each site's robots.txt answer in the card"
        " (default: the default state, when it exists)",
    )
    export.add_argument("-q", "--quiet", action="store_true", help="no progress bar, only the summary")
    export.set_defaults(func=cmd_export)


def _add_report(verbs: Any) -> None:
    report = verbs.add_parser(
        "report",
        help="one HTML page with plots of records, or of a state file's runs",
        description="Read JSON Lines record files (or folders of them), or one warta state file, and"
        " write one self-contained HTML page with plots (nothing is fetched when it is viewed).",
    )
    report.add_argument(
        "inputs", nargs="+", metavar="INPUT", help=".jsonl or .jsonl.gz file, a folder, or a state file"
    )
    report.add_argument("-o", "--output", required=True, metavar="FILE", help="the HTML page to write")
    report.add_argument("-q", "--quiet", action="store_true", help="no progress bar, only the summary")
    report.set_defaults(func=cmd_report)


def _add_crawl(verbs: Any) -> None:
    crawl = verbs.add_parser(
        "crawl",
        help="crawl sites for new articles",
        description="Run site spiders and write JSON Lines: one file per site per run under"
        " --out DIR, or one -o FILE.",
    )
    crawl.add_argument(
        "sites", nargs="+", metavar="SITE", help="a site key (see `warta sites`), or any other domain or URL"
    )
    target = crawl.add_mutually_exclusive_group()
    target.add_argument(
        "--out", default="out", metavar="DIR", help="write DIR/<site>/<UTC time>.jsonl (default: out)"
    )
    target.add_argument(
        "-o", "--output", metavar="FILE", help="add the records to FILE, when the run is complete"
    )
    target.add_argument(
        "-O", "--overwrite-output", metavar="FILE", help="write the records to FILE, replacing it"
    )
    crawl.add_argument("--since", metavar="DATE", help="only articles published on or after DATE")
    crawl.add_argument("--until", metavar="DATE", help="only articles published on or before DATE")
    crawl.add_argument(
        "--max-articles", type=options.positive_int, metavar="N", help="at most N articles per site (N >= 1)"
    )
    crawl.add_argument(
        "--sections",
        metavar="A,B",
        help="only these sections (see `warta sites`; for a domain: path prefixes)",
    )
    crawl.add_argument(
        "--state", metavar="PATH", help="seen-store SQLite file (default: $XDG_DATA_HOME/warta/state.sqlite)"
    )
    crawl.add_argument("--gzip", action="store_true", help="write .jsonl.gz")
    crawl.add_argument(
        "--refresh-updated",
        action="store_true",
        help="fetch seen articles again when their sitemap lastmod is newer than the stored copy",
    )
    crawl.add_argument(
        "--dedup",
        action="store_true",
        help="give each record duplicate_of: the record it copies among all the state has written",
    )
    crawl.add_argument("--stats", metavar="FILE", help="also write the run summary JSON to FILE")
    crawl.add_argument(
        "--workers",
        type=options.count,
        metavar="N",
        help="extraction processes beside the downloads (default: every core; 0: in the crawl's process)",
    )
    crawl.add_argument(
        "--redis",
        metavar="URL",
        help="share the crawl with other workers through Redis (redis://HOST:PORT/DB):"
        " one queue, one duplicate filter, one seen-store",
    )
    crawl.add_argument("-q", "--quiet", action="store_true", help="no progress lines, only the summary")
    crawl.set_defaults(func=cmd_crawl)
    _add_scrapy_options(crawl)


def _add_queue(verbs: Any) -> None:
    queue = verbs.add_parser(
        "queue",
        help="show a crawl shared over Redis",
        description="Per site: requests queued, requests in flight per worker (alive or dead),"
        " and articles written over all workers.",
    )
    queue.add_argument(
        "--redis", required=True, metavar="URL", help="the Redis of the crawl (redis://HOST:PORT/DB)"
    )
    queue.add_argument("--prefix", default="warta", help="key prefix (WARTA_REDIS_PREFIX; default: warta)")
    queue.set_defaults(func=cmd_queue)


def _add_timezone(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--timezone",
        type=options.timezone,
        metavar="ZONE",
        help="zone of times a page prints without one, for a domain with no site file:"
        " WIB (default), WITA, WIT or an offset such as +08:00",
    )


def _add_scrapy_options(sub: argparse.ArgumentParser) -> None:
    _add_timezone(sub)
    sub.add_argument(
        "-s",
        "--set",
        action="append",
        type=options.setting,
        metavar="NAME=VALUE",
        help="override a Scrapy setting",
    )
    sub.add_argument("-v", "--verbose", action="store_true", help="show Scrapy's log on stderr")
    sub.add_argument("--warc", metavar="DIR", help="archive every response as WARC under DIR/<site>/")
    sub.add_argument(
        "--contact",
        type=options.contact,
        metavar="URL|EMAIL",
        help="contact put in the User-Agent for site owners",
    )


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        _error("interrupted")
        return ExitStatus.INTERRUPTED
    except BrokenPipeError:  # the reader stopped early (| head): not an error
        _silence_stdout()
        return ExitStatus.OK
    except StdoutFailed as exc:
        _silence_stdout()
        _error(f"cannot write to standard output: {exc}")
        return ExitStatus.FAILED


if __name__ == "__main__":
    sys.exit(main())
