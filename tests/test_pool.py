"""Extraction in worker processes (crawler/crawling/pool.py), crawled for real through the
loopback server: the records are those of extraction in the crawl's process for every fixture
site and a domain crawl; a page that overruns the time limit, or whose worker is killed, is a
counted failure and the crawl goes on; the workers are gone when the crawl ends or is stopped."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from crawler.crawling.pool import DIED, TIMED_OUT, ExtractionPool, WorkerLost
from tests import pool_calls
from tests.conftest import REPO, run_warta
from tests.domain.pages import BASE, DOMAIN, HOST, Article, article_html, route, urlset
from tests.test_domain_crawl import full_site
from tests.test_sites_e2e import FAST, SITES, _records, _routes

QUIET = [*FAST, "-s", "WARTA_MAX_DROPPED_SHARE=1"]
# Every fixture site with its own crawl options, grouped by those options: one crawl per group.
SPECS = {
    p.name: json.loads((p / "site.json").read_text("utf-8"))
    for p in SITES.iterdir()
    if (p / "site.json").exists()
}
GROUPS: dict[tuple[str, ...], list[str]] = defaultdict(list)
for _key, _spec in sorted(SPECS.items()):
    GROUPS[tuple(_spec.get("args", []))].append(_key)
# What must match between the two runs besides the records.
SUMMARY_KEYS = (
    "fetched",
    "written",
    "dropped",
    "failed",
    "not_articles",
    "generic_fallbacks",
    "charset_guessed",
)


def _crawl(server: Any, out: Path, workers: int, sites: list[str], args: list[str]) -> dict[str, Any]:
    """One crawl; its records by URL and its summary."""
    state = str(out / "state.sqlite")
    command = ["crawl", *sites, "--out", str(out), "--state", state, "--workers", str(workers), "-v"]
    result = run_warta(*command, *QUIET, *args, env=server.proxy_env, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    said = "extraction in 2 worker processes" in result.stderr
    assert said == (workers == 2), "the pool was not used as asked"
    summary = json.loads(sorted(out.glob("*.summary.json"))[-1].read_text("utf-8"))["sites"]
    return {"records": {r["url"]: r for r in _records(out)}, "summary": summary}


def _assert_alike(pooled: dict[str, Any], alone: dict[str, Any]) -> None:
    assert sorted(pooled["records"]) == sorted(alone["records"])
    assert pooled["records"], "nothing was written"
    for url, record in pooled["records"].items():
        other = alone["records"][url]
        for field in sorted(set(record) | set(other)):
            if field != "fetched_at":  # the time the page came: not the same in two runs
                assert record.get(field) == other.get(field), f"{url}: {field}"
    for site, numbers in pooled["summary"].items():
        for key in SUMMARY_KEYS:
            assert numbers[key] == alone["summary"][site][key], f"{site}: {key}"


@pytest.mark.parametrize("args", list(GROUPS), ids=["+".join(GROUPS[a]) for a in GROUPS])
def test_fixture_sites_give_the_same_records_in_workers(
    args: tuple[str, ...], mockserver, tmp_path: Path
) -> None:
    sites = GROUPS[args]
    routes = {k: v for key in sites for k, v in _routes(SITES / key, SPECS[key]).items()}
    server = mockserver(routes)
    pooled = _crawl(server, tmp_path / "pooled", 2, sites, list(args))
    alone = _crawl(server, tmp_path / "alone", 0, sites, list(args))
    _assert_alike(pooled, alone)


def test_a_domain_crawl_gives_the_same_records_in_workers(mockserver, tmp_path: Path) -> None:
    """The generic path, and lists of articles refused, in a worker as in the crawl's process."""
    server = mockserver(full_site())
    pooled = _crawl(server, tmp_path / "pooled", 2, [DOMAIN], [])
    alone = _crawl(server, tmp_path / "alone", 0, [DOMAIN], [])
    _assert_alike(pooled, alone)
    assert pooled["summary"][DOMAIN]["not_articles"], "no list of articles was refused"


# -- a page that takes a worker down -------------------------------------------------------
HEAVY_WORDS = (
    "warga",
    "desa",
    "menggelar",
    "panen",
    "raya",
    "padi",
    "di",
    "sawah",
    "bersama",
    "dinas",
    "pertanian",
)
SMALL = [
    Article(f"/nasional/read/{700100 + i}/kabar-desa-nomor-{i}", f"Kabar Desa Nomor {i}", "jsonld")
    for i in range(6)
]
# A real article, only very long (10 MB of text; the crawls below allow pages of 16 MB): seconds
# of work, at least two in each of the calls it makes (the page, then its text).
HEAVY = Article(
    "/nasional/read/799999/laporan-panjang-panen-raya",
    "Laporan Panjang Panen Raya",
    "jsonld",
    paragraphs=[
        " ".join(HEAVY_WORDS[(i + j) % len(HEAVY_WORDS)] for j in range(400)) + "." for i in range(4000)
    ],
)


def _heavy_site(heavy_delay: float = 0.0, late_delay: float = 0.0) -> dict[str, Any]:
    """Three small articles, the heavy one served after ``heavy_delay`` seconds, three small
    ones after ``late_delay``."""
    routes = {
        f"{DOMAIN}/": {"status": 301, "headers": {"Location": f"{BASE}/"}},
        f"{HOST}/robots.txt": route(f"User-agent: *\nSitemap: {BASE}/sitemap.xml\n", "text/plain"),
        f"{HOST}/sitemap.xml": route(urlset([HEAVY, *SMALL]), "application/xml"),
        f"{HOST}/": route("<html><body><p>Kabar Contoh</p></body></html>"),
        HOST + HEAVY.path: {**route(article_html(HEAVY)), "delay": heavy_delay},
    }
    for n, article in enumerate(SMALL):
        routes[HOST + article.path] = {**route(article_html(article)), "delay": late_delay if n >= 3 else 0}
    return routes


def _start(server: Any, tmp_path: Path, *args: str) -> subprocess.Popen:
    command = [sys.executable, "-m", "crawler.cli", "crawl", DOMAIN, "--out", str(tmp_path / "out")]
    command += ["--state", str(tmp_path / "state.sqlite"), "--workers", "2", "-q", *QUIET, *args]
    command += ["-s", f"WARTA_MAX_PAGE_BYTES={16 * 2**20}"]  # the heavy page is over the default
    env = {**os.environ, "PYTHONPATH": str(REPO), **server.proxy_env}
    return subprocess.Popen(
        command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        try:
            stat = (entry / "stat").read_text()
        except (OSError, ValueError):
            continue
        if entry.name.isdigit() and int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return found


def _descendants(pid: int) -> list[int]:
    found = _children(pid)
    return found + [d for child in found for d in _descendants(child)]


def _workers(pid: int) -> list[int]:
    """The extraction workers: the children of the crawl's fork server."""
    servers = [c for c in _children(pid) if b"forkserver" in Path(f"/proc/{c}/cmdline").read_bytes()]
    return [w for server in servers for w in _children(server)]


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _wait_for(what: Any, seconds: float = 60) -> Any:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = what()
        if found:
            return found
        time.sleep(0.05)
    raise AssertionError("waited in vain")


def _assert_all_gone(pids: list[int]) -> None:
    deadline = time.monotonic() + 10
    while any(_alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [p for p in pids if _alive(p)], "processes left behind"


def _summary(tmp_path: Path) -> dict[str, Any]:
    return json.loads(sorted((tmp_path / "out").glob("*.summary.json"))[-1].read_text("utf-8"))["sites"][
        DOMAIN
    ]


def test_a_page_over_the_time_limit_is_counted_and_the_crawl_goes_on(mockserver, tmp_path: Path) -> None:
    server = mockserver(_heavy_site())
    process = _start(server, tmp_path, "-s", "WARTA_EXTRACT_TIMEOUT=1")
    _, stderr = process.communicate(timeout=300)
    assert process.returncode == 0, stderr[-3000:]
    summary = _summary(tmp_path)
    assert summary["dropped"] == {"extraction timed out": 1}
    assert summary["written"] == len(SMALL)  # the pool was started again for them


def test_a_worker_killed_on_a_page_is_counted_and_replaced(mockserver, tmp_path: Path) -> None:
    """The workers are killed while one holds the heavy page (served once the first small pages
    are read, it takes seconds to read); the last small pages, served later, are read by the
    workers started in their place."""
    server = mockserver(_heavy_site(heavy_delay=3.0, late_delay=8.0))
    process = _start(server, tmp_path)
    heavy = HEAVY.url.split("://", 1)[1]
    _wait_for(lambda: any(heavy in url for _, url in server.requests()))  # logged as it is sent
    time.sleep(1.0)
    killed = _workers(process.pid)
    for pid in killed:
        os.kill(pid, signal.SIGKILL)
    _, stderr = process.communicate(timeout=300)
    assert process.returncode == 0, stderr[-3000:]
    summary = _summary(tmp_path)
    assert summary["dropped"] == {"extraction worker died": 1}
    assert summary["written"] == len(SMALL)
    _assert_all_gone(killed)


def test_the_workers_end_with_the_crawl_and_on_sigterm(mockserver, tmp_path: Path) -> None:
    server = mockserver(_heavy_site(late_delay=20.0))  # the last small pages keep the crawl running
    process = _start(server, tmp_path)
    _wait_for(lambda: _workers(process.pid))
    everything = _descendants(process.pid)
    process.send_signal(signal.SIGTERM)
    process.communicate(timeout=120)
    _assert_all_gone(everything)


# -- the call a worker holds next ----------------------------------------------------------
def _pool_calls(timeout: float, calls: list[tuple[Any, Any]]) -> list[Any]:
    """The answers (or exceptions) of calls given at once to a pool of one worker, which
    therefore holds the second while it works on the first."""

    async def run() -> list[Any]:
        pool = ExtractionPool(1, timeout)
        try:
            answers = asyncio.gather(*(pool.run(f, a) for f, a in calls), return_exceptions=True)
            return await asyncio.wait_for(answers, 60)
        finally:
            pool.close()

    return asyncio.run(run())


def test_the_call_held_behind_a_dying_one_goes_to_the_next_worker() -> None:
    died, after = _pool_calls(0, [(pool_calls.die, None), (pool_calls.after, (0, "after"))])
    assert isinstance(died, WorkerLost) and died.reason == DIED
    assert after == "after"


def test_a_held_call_has_its_whole_time_limit_once_it_starts() -> None:
    """Each call takes 0.7 s under a limit of 1 s: the second, held while the first ran, is
    timed from its own start (timed from when it was sent, it would overrun)."""
    calls = [(pool_calls.after, (0.7, "first")), (pool_calls.after, (0.7, "second"))]
    first, second = _pool_calls(1.0, calls)
    assert (first, second) == ("first", "second")


def test_the_call_held_behind_one_that_overruns_is_answered() -> None:
    slow, after = _pool_calls(1.0, [(pool_calls.after, (30, "slow")), (pool_calls.after, (0, "after"))])
    assert isinstance(slow, WorkerLost) and slow.reason == TIMED_OUT
    assert after == "after"


def test_a_large_page_held_for_a_busy_worker_does_not_stop_the_reactor() -> None:
    """A page larger than a pipe holds (about 176 KiB), held for a worker busy on a page for
    5 s: the pipe takes it while the reactor goes on (a blocking send stopped it for the 5 s,
    and with it the timer that would kill a worker on a page that never ends)."""

    async def run() -> tuple[float, list[Any]]:
        pool = ExtractionPool(1, 0)
        try:
            await pool.run(pool_calls.after, (0, "ready"))  # the fork server started, the worker warm
            gaps, last = [0.0], time.monotonic()
            calls = [(pool_calls.after, (5, "busy")), (pool_calls.after, (0, "x" * 4_000_000))]
            answers = asyncio.ensure_future(asyncio.gather(*(pool.run(f, a) for f, a in calls)))
            while not answers.done():
                await asyncio.sleep(0.05)
                gaps.append(time.monotonic() - last)
                last = time.monotonic()
            return max(gaps), answers.result()
        finally:
            pool.close()

    longest, answers = asyncio.run(run())
    assert answers == ["busy", "x" * 4_000_000]
    assert longest < 2.5, f"the event loop stood still for {longest:.1f} s"
