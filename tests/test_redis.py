"""`warta crawl --redis`: workers sharing one crawl through a real Redis (redis-server started
on a free loopback port in a temporary folder, no persistence), against a loopback news site of
invented articles (tests/domain/pages.py) whose article pages answer a little slowly, so every
worker gets some. Skipped when redis-server is not installed (.ci/run installs it)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO, run_warta
from tests.domain.pages import BASE, DOMAIN, HOST, Article, article_html, listing_html, route, urlset

pytestmark = pytest.mark.skipif(shutil.which("redis-server") is None, reason="redis-server is not installed")

FAST = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0", "-s", "RETRY_TIMES=0", "-q"]
FAST += ["-s", "WARTA_REDIS_LEASE=2"]  # a killed worker is known dead after 2 s
FAST += ["-s", "WARTA_MAX_FAILED_SHARE=1"]  # the menu links sections the copy does not serve (404)
ARTICLES = [
    Article(f"/{2025}/04/28/kabar-desa-nomor-{n}/", f"Kabar Desa Nomor {n} dari Lereng Bukit", "jsonld")
    for n in range(1, 25)
]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for_redis(url: str) -> None:
    import redis

    for _ in range(100):
        try:
            redis.Redis.from_url(url).ping()
            return
        except redis.ConnectionError:
            time.sleep(0.05)


@pytest.fixture
def redis_url(tmp_path: Path) -> Iterator[str]:
    folder = tmp_path / "redis"
    folder.mkdir()
    port = _free_port()
    server = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--dir", str(folder)]
        + ["--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    _wait_for_redis(url)
    yield url
    server.terminate()
    server.wait(10)


def site(delay: float = 0.8, hold: Path | None = None) -> dict[str, Any]:
    """robots.txt naming a sitemap of every article, a home page listing a few; each article
    page takes ``delay`` seconds (after ``hold`` exists, when given)."""
    teasers = [(a.path, a.title) for a in ARTICLES[:4]]
    routes = {
        f"{HOST}/robots.txt": route(f"User-agent: *\nSitemap: {BASE}/post-sitemap.xml\n", "text/plain"),
        f"{HOST}/post-sitemap.xml": route(urlset(ARTICLES), "application/xml"),
        f"{HOST}/": route(listing_html("Kabar Contoh", teasers)),
    }
    for article in ARTICLES:
        routes[HOST + article.path] = {**route(article_html(article)), "delay": delay}
        if hold is not None:
            routes[HOST + article.path]["hold"] = str(hold)
    return routes


def _worker(server: Any, tmp_path: Path, name: str, redis_url: str) -> subprocess.Popen:
    """A `warta crawl` worker with its own output folder and state file, two requests at a
    time (an idle worker looks at the queue again every 5 s: the crawl must last longer)."""
    args = ["crawl", f"https://{HOST}/", "--redis", redis_url, "--out", str(tmp_path / name)]
    args += ["-s", "CONCURRENT_REQUESTS=2"]
    args += ["--state", str(tmp_path / f"{name}.sqlite"), *FAST]
    env = {**os.environ, "PYTHONPATH": str(REPO), **server.proxy_env}
    return subprocess.Popen(
        [sys.executable, "-m", "crawler.cli", *args], cwd=REPO, env=env, stderr=subprocess.PIPE, text=True
    )


def _finish(worker: subprocess.Popen) -> str:
    _, stderr = worker.communicate(timeout=180)
    assert worker.returncode == 0, stderr[-3000:]
    return stderr


def _ids(folder: Path) -> list[str]:
    return [json.loads(line)["url"] for f in sorted(folder.rglob("*.jsonl")) for line in f.open("rb")]


def _summary(folder: Path) -> dict[str, Any]:
    latest = sorted(folder.glob("*.summary.json"))[-1]
    return json.loads(latest.read_text("utf-8"))["sites"][DOMAIN]


def _outcomes(summary: dict[str, Any]) -> int:
    """The articles a worker's summary accounts for (an entry point that failed is no article)."""
    failed = sum(summary["failed"].values()) - summary["discovery"].get("entry points failed", 0)
    return summary["written"] + summary["skipped_seen"] + sum(summary["dropped"].values()) + failed


def _wait_for_articles(server: Any, count: int) -> None:
    deadline = time.monotonic() + 60
    while len([u for _, u in server.requests() if "kabar-desa" in u]) < count:
        assert time.monotonic() < deadline, "the worker never got to the articles"
        time.sleep(0.1)


def _queue(redis_url: str) -> str:
    result = run_warta("queue", "--redis", redis_url)
    assert result.returncode == 0, result.stderr
    return result.stdout


def _wait_for_workers(redis_url: str, count: int) -> None:
    """Until ``count`` workers have joined the crawl (each in its site's set of workers)."""
    import redis

    client = redis.Redis.from_url(redis_url)
    deadline = time.monotonic() + 60
    while max((client.scard(k) for k in client.scan_iter("*:workers")), default=0) < count:
        assert time.monotonic() < deadline, "the workers never joined the crawl"
        time.sleep(0.1)


def test_two_workers_write_every_article_once(mockserver, tmp_path: Path, redis_url: str) -> None:
    gate = tmp_path / "articles may come"  # a slow start (a loaded machine) must not leave one idle
    server = mockserver(site(hold=gate))
    one, two = _worker(server, tmp_path, "one", redis_url), _worker(server, tmp_path, "two", redis_url)
    _wait_for_workers(redis_url, 2)
    gate.touch()
    _finish(one), _finish(two)
    first, second = _ids(tmp_path / "one"), _ids(tmp_path / "two")
    assert sorted(first + second) == sorted(a.url for a in ARTICLES)  # all of them, none twice
    assert first and second  # both did work
    fetched = [url for _, url in server.requests() if "kabar-desa" in url]
    assert len(fetched) == len(ARTICLES)  # no page fetched by both
    assert _summary(tmp_path / "one")["written"] == len(first)
    for name in ("one", "two"):  # each worker's numbers add up: it counts what it took
        summary = _summary(tmp_path / name)
        assert summary["discovered"] == _outcomes(summary) > 0, summary
    status = _queue(redis_url)
    assert "queued" not in status  # the crawl is over: its queue and filter are gone
    assert f"written (all sites, all crawls): {len(ARTICLES)} articles" in status

    # A second crawl over Redis with nothing new: listings read again, nothing written.
    again = _worker(server, tmp_path, "three", redis_url)
    _finish(again)
    assert _ids(tmp_path / "three") == []
    assert _summary(tmp_path / "three")["skipped_seen"] == len(ARTICLES)
    assert _summary(tmp_path / "three")["discovered"] == len(ARTICLES)
    assert len([u for _, u in server.requests() if u.endswith("post-sitemap.xml")]) == 2


def test_a_killed_workers_requests_are_picked_up(mockserver, tmp_path: Path, redis_url: str) -> None:
    server = mockserver(site())
    doomed = _worker(server, tmp_path, "doomed", redis_url)
    _wait_for_articles(server, 6)
    doomed.send_signal(signal.SIGKILL)
    doomed.wait()
    time.sleep(2.5)  # its lease runs out
    status = _queue(redis_url)
    assert "in flight (dead" in status and " 0 in flight (dead" not in status, status

    other = _worker(server, tmp_path, "other", redis_url)
    _finish(other)
    assert " in flight" not in _queue(redis_url)  # nothing left held by anyone
    # The killed worker's next run finishes its lines and fetches what it had read but not
    # saved (lines the kill cut before they reached its file).
    _finish(_worker(server, tmp_path, "doomed", redis_url))
    written = _ids(tmp_path / "doomed") + _ids(tmp_path / "other")
    assert sorted(written) == sorted(a.url for a in ARTICLES)
    assert _ids(tmp_path / "other")


def test_a_worker_that_loses_redis_stops_at_once_and_loses_nothing(
    mockserver, tmp_path: Path, redis_url: str
) -> None:
    """Redis goes away mid-crawl (saved, as a restart would): the worker ends within seconds
    with one line and status 1, its numbers adding up; its records wait beside its output, and
    once Redis is back its next runs write every article, none twice."""
    server = mockserver(site())
    worker = _worker(server, tmp_path, "w", redis_url)
    _wait_for_articles(server, 6)
    port = redis_url.rsplit(":", 1)[1].split("/")[0]
    subprocess.run(["redis-cli", "-p", port, "shutdown", "save"], capture_output=True, timeout=30)
    _, stderr = worker.communicate(timeout=60)
    assert worker.returncode == 1 and "Traceback" not in stderr, stderr[-3000:]
    assert "warta: lost Redis in the middle of the crawl" in stderr, stderr
    summary = _summary(tmp_path / "w")
    assert summary["finish_reason"] == "redis lost" and summary["status"] == 1
    assert summary["discovered"] == _outcomes(summary), summary
    assert _ids(tmp_path / "w") == []  # nothing committed: claims cannot be checked now

    again = subprocess.Popen(
        ["redis-server", "--port", port, "--bind", "127.0.0.1", "--dir", str(tmp_path / "redis")]
        + ["--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    try:
        _wait_for_redis(redis_url)
        _finish(_worker(server, tmp_path, "w", redis_url))  # the same crawl, resumed
        _finish(_worker(server, tmp_path, "w", redis_url))  # a new crawl finds what was never queued
        assert sorted(_ids(tmp_path / "w")) == sorted(a.url for a in ARTICLES)
    finally:
        again.terminate()
        again.wait(10)


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("http://127.0.0.1:6379/0", "not a Redis URL"),
        ("redis://127.0.0.1:1/0", "no Redis answers"),
    ],
)
def test_an_unusable_redis_is_one_line(tmp_path: Path, url: str, says: str) -> None:
    result = run_warta("crawl", "fakta", "--redis", url, "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert says in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    queue = run_warta("queue", "--redis", url)
    assert queue.returncode == 2 and says in queue.stderr and "Traceback" not in queue.stderr


def _store(redis_url: str, lease: int = 30) -> Any:
    from crawler.crawling.redisstate import Keys, RedisSeenStore, Worker, connect

    return RedisSeenStore(Worker(connect(redis_url), Keys("t"), lease))


def test_a_claim_passes_only_from_a_dead_worker(redis_url: str) -> None:
    alive, other = _store(redis_url), _store(redis_url)
    assert alive.claim("a1") and alive.claim("a1")  # mine, again
    assert not other.claim("a1")  # held by a live worker
    alive.worker.stop()  # its heartbeat gone: the claim is taken over
    assert other.claim("a1")
    other.mark_written([{"id": "a1", "url": "https://contoh.id/a1", "canonical_url": None}])
    assert other.seen("https://contoh.id/a1") and other.last_written("https://contoh.id/a1")
    # written and released: a killed run's copy of it is refused at recovery, not in a refresh
    assert not _store(redis_url).claim("a1", recovering=True)
    assert _store(redis_url).claim("a1")


def test_a_killed_runs_lines_keep_what_it_can_still_claim(redis_url: str, tmp_path: Path) -> None:
    from crawler.crawling.redisstate import keep_claimable

    mine, other = _store(redis_url), _store(redis_url)
    assert other.claim("b2")
    other.mark_written([{"id": "b3", "url": "https://contoh.id/b3"}])
    lines = tmp_path / "x.jsonl.partial"
    lines.write_text("".join(json.dumps({"id": f"b{n}"}) + "\n" for n in (1, 2, 3)) + '{"id": "b4"', "utf-8")
    assert keep_claimable(lines, mine) == 2
    assert [json.loads(line)["id"] for line in lines.read_text("utf-8").splitlines()] == ["b1"]


def test_a_new_crawl_forgets_a_dead_crawls_filter(mockserver, tmp_path: Path, redis_url: str) -> None:
    """A duplicate filter left by a crawl nobody finished does not hide the listings from the
    next one (no worker left in it, nothing queued)."""
    import redis
    from scrapy import Request
    from scrapy.utils.request import RequestFingerprinter

    home = RequestFingerprinter().fingerprint(Request(f"https://{HOST}/")).hex()
    redis.Redis.from_url(redis_url).sadd(f"warta:{DOMAIN}:dupefilter", home)
    server = mockserver(site(delay=0))
    _finish(_worker(server, tmp_path, "fresh", redis_url))
    assert len(_ids(tmp_path / "fresh")) == len(ARTICLES)
