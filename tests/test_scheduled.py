"""Scheduled crawls against a loopback fakta.com with N generated articles: only new articles,
nothing lost after SIGKILL, nothing twice, one run at a time, honest exit statuses."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, REPO, assert_valid, run_warta

TEMPLATE = (FIXTURES / "fakta_sample" / "input.html").read_text("utf-8")
SAMPLE_SLUG = "rusia-tawarkan-pembangunan-reaktor-nuklir-modular-ke-negara-asean"
SAMPLE_TITLE = "Rusia Tawarkan Pembangunan Reaktor Nuklir Modular ke Negara ASEAN"
FAST = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0"]


def article_url(i: int) -> str:
    return f"https://fakta.com/news/nasional/berita-nomor-{i}-dari-warta"


def build_site(
    tmp: Path,
    count: int,
    delay: float = 0.0,
    extra: dict | None = None,
    lastmod: str = "2025-04-28",
    published: str | None = None,
) -> dict:
    """Routes for fakta.com: robots.txt -> sitemap, a home listing, ``count`` article pages.
    With ``published``, the sitemap is a news sitemap giving that publication date too."""
    routes: dict = {}
    links = []
    sitemap = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
        ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">',
    ]
    for i in range(count):
        url = article_url(i)
        page = tmp / f"article-{i}.html"
        html = TEMPLATE.replace(SAMPLE_SLUG, f"berita-nomor-{i}-dari-warta").replace(
            SAMPLE_TITLE, f"Berita Nomor {i} Dari Warta"
        )
        page.write_text(html, "utf-8")
        routes[url.split("://")[1]] = {"file": str(page), "delay": delay}
        links.append(f'<li><a href="{url}">Berita {i}</a></li>')
        news = f"<news:news><news:publication_date>{published}</news:publication_date></news:news>"
        sitemap.append(f"<url><loc>{url}</loc><lastmod>{lastmod}</lastmod>{news if published else ''}</url>")
    sitemap.append("</urlset>")
    (tmp / "home.html").write_text(f"<html><body><ul>{''.join(links)}</ul></body></html>", "utf-8")
    (tmp / "empty.html").write_text("<html><body><p>Tidak ada berita lagi.</p></body></html>", "utf-8")
    routes["fakta.com/"] = {"file": str(tmp / "home.html")}
    routes["fakta.com/?berita-terbaru=2"] = {"file": str(tmp / "empty.html")}
    routes["fakta.com/robots.txt"] = {
        "body": "User-agent: *\nAllow: /\nSitemap: https://fakta.com/sitemap.xml\n",
        "headers": {"Content-Type": "text/plain"},
    }
    routes["fakta.com/sitemap.xml"] = {
        "body": "\n".join(sitemap),
        "headers": {"Content-Type": "application/xml"},
    }
    routes.update(extra or {})
    return routes


def finished_records(out: Path) -> list[dict]:
    records = []
    for path in sorted(out.rglob("*.jsonl*")):
        if path.name.endswith(".partial"):
            continue
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                records.append(json.loads(line))  # a broken line fails here
    return records


def crawl_args(tmp: Path, *extra: str) -> list[str]:
    return ["crawl", "fakta", "--out", str(tmp / "out"), "--state", str(tmp / "state.sqlite"), *FAST, *extra]


def article_requests(server) -> list[str]:
    return [u for _, u in server.requests() if "/news/" in u]


def test_second_run_writes_nothing_and_fetches_no_article(mockserver, tmp_path: Path) -> None:
    server = mockserver(build_site(tmp_path, 4))
    first = run_warta(*crawl_args(tmp_path), env=server.proxy_env)
    assert first.returncode == 0, first.stderr
    records = finished_records(tmp_path / "out")
    assert sorted(r["url"] for r in records) == sorted(article_url(i) for i in range(4))
    for record in records:
        assert_valid(record)
    before = len(article_requests(server))
    assert before == 4

    second = run_warta(*crawl_args(tmp_path), env=server.proxy_env)
    assert second.returncode == 0, second.stderr
    assert len(article_requests(server)) == before  # no article page fetched again
    assert len(finished_records(tmp_path / "out")) == 4  # and no new file with records
    assert "0 written, 4 already seen" in second.stderr
    summaries = sorted((tmp_path / "out").glob("*.summary.json"))
    last = json.loads(summaries[-1].read_text("utf-8"))
    assert last["sites"]["fakta"]["skipped_seen"] == 4 and last["exit_status"] == 0


def test_a_new_article_gives_one_new_record(mockserver, tmp_path: Path) -> None:
    server = mockserver(build_site(tmp_path, 3))
    assert run_warta(*crawl_args(tmp_path), env=server.proxy_env).returncode == 0
    server.stop()
    server = mockserver(build_site(tmp_path, 4))
    result = run_warta(*crawl_args(tmp_path), env=server.proxy_env)
    assert result.returncode == 0, result.stderr
    assert article_requests(server) == [article_url(3)]
    urls = [r["url"] for r in finished_records(tmp_path / "out")]
    assert sorted(urls) == sorted(article_url(i) for i in range(4))


def test_sigkill_mid_run_then_rerun_loses_nothing_and_duplicates_nothing(mockserver, tmp_path: Path) -> None:
    count = 12
    server = mockserver(build_site(tmp_path, count, delay=0.4))
    env = {**os.environ, "PYTHONPATH": str(REPO), **server.proxy_env}
    args = crawl_args(tmp_path, "-s", "CONCURRENT_REQUESTS=1", "-s", "FEED_EXPORT_BATCH_ITEM_COUNT=0")
    proc = subprocess.Popen(
        [sys.executable, "-m", "crawler.cli", *args], env=env, cwd=REPO, stderr=subprocess.PIPE
    )
    partial = None
    deadline = time.time() + 60
    while time.time() < deadline:
        partials = list((tmp_path / "out").rglob("*.partial"))
        if partials and partials[0].stat().st_size > 4000:
            partial = partials[0]
            break
        time.sleep(0.05)
    assert partial is not None, "the first run never started writing"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert len(article_requests(server)) < count  # really killed mid-run

    server.stop()
    server = mockserver(build_site(tmp_path, count))
    result = run_warta(*crawl_args(tmp_path), env=server.proxy_env)
    assert result.returncode == 0, result.stderr
    assert "left by an interrupted run" in result.stderr
    urls = [r["url"] for r in finished_records(tmp_path / "out")]
    assert sorted(urls) == sorted(article_url(i) for i in range(count))  # each exactly once
    assert not list((tmp_path / "out").rglob("*.partial"))


def test_a_concurrent_run_is_refused_with_75(mockserver, tmp_path: Path) -> None:
    server = mockserver(build_site(tmp_path, 6, delay=1.0))
    env = {**os.environ, "PYTHONPATH": str(REPO), **server.proxy_env}
    first = subprocess.Popen(
        [sys.executable, "-m", "crawler.cli", *crawl_args(tmp_path, "-s", "CONCURRENT_REQUESTS=1")],
        env=env,
        cwd=REPO,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.time() + 30
        while time.time() < deadline and not article_requests(server):
            time.sleep(0.05)
        started = time.time()
        second = run_warta(*crawl_args(tmp_path), env=server.proxy_env)
        assert second.returncode == 75
        assert time.time() - started < 20  # "at once": start-up only, no crawling
        lines = second.stderr.strip().splitlines()
        assert len(lines) == 1 and f"pid {first.pid}" in lines[0]
    finally:
        first.kill()
        first.wait()
    # The lock of the killed run is taken over at once.
    server.stop()
    server = mockserver(build_site(tmp_path, 6))
    assert run_warta(*crawl_args(tmp_path), env=server.proxy_env).returncode == 0


def test_errors_are_retried_and_counted(mockserver, tmp_path: Path) -> None:
    broken = {
        "fakta.com/news/nasional/rusak-500": {"status": 500, "body": "oops"},
        "fakta.com/news/nasional/lambat-sekali": {"file": str(tmp_path / "empty.html"), "delay": 12},
        "fakta.com/news/nasional/putus-koneksi": {"reset": True},
    }
    routes = build_site(tmp_path, 3, extra=broken)
    home = (tmp_path / "home.html").read_text("utf-8")
    extra_links = "".join(f'<a href="https://{k}">x</a>' for k in broken)
    (tmp_path / "home.html").write_text(home.replace("</ul>", "</ul>" + extra_links), "utf-8")
    server = mockserver(routes)
    result = run_warta(
        *crawl_args(
            tmp_path, "-s", "RETRY_TIMES=2", "-s", "DOWNLOAD_TIMEOUT=4", "--stats", str(tmp_path / "s.json")
        ),
        env=server.proxy_env,
    )
    assert result.returncode == 0, result.stderr  # 3 of 6 articles failed: under the 50% threshold
    summary = json.loads((tmp_path / "s.json").read_text("utf-8"))["sites"]["fakta"]
    assert summary["written"] == 3
    assert summary["failed"]["HTTP 500"] == 1
    assert summary["failed"]["connection lost"] == 1  # the reset, after its retries
    reasons = summary["retry_reasons"]
    assert reasons["500 Internal Server Error"] == 2  # each error kind was retried and counted
    assert any("Timeout" in k for k in reasons)
    assert any("DownloadFailed" in k or "ConnectionLost" in k for k in reasons)
    hits = [u for _, u in server.requests()]
    assert hits.count("https://fakta.com/news/nasional/rusak-500") == 3


def test_too_many_failures_exit_1(mockserver, tmp_path: Path) -> None:
    routes = build_site(tmp_path, 4)
    for i in range(3):
        routes[article_url(i).split("://")[1]] = {"status": 503, "body": "down"}
    server = mockserver(routes)
    result = run_warta(*crawl_args(tmp_path, "-s", "RETRY_TIMES=0"), env=server.proxy_env)
    assert result.returncode == 1, result.stderr


def test_health_warning_when_records_lose_their_dates(mockserver, tmp_path: Path) -> None:
    routes = build_site(tmp_path, 4)
    for i in range(4):
        page = tmp_path / f"article-{i}.html"
        page.write_text(page.read_text("utf-8").replace("28 April 2025 10:15 WIB", ""), "utf-8")
    server = mockserver(routes)
    result = run_warta(*crawl_args(tmp_path), env=server.proxy_env)
    assert "warta: health: fakta: 4/4 records have no published_at" in result.stderr


def test_gzip_output_and_refresh_updated(mockserver, tmp_path: Path) -> None:
    server = mockserver(build_site(tmp_path, 2, lastmod="2020-01-01"))
    assert run_warta(*crawl_args(tmp_path, "--gzip"), env=server.proxy_env).returncode == 0
    assert list((tmp_path / "out" / "fakta").glob("*.jsonl.gz"))
    server.stop()
    server = mockserver(build_site(tmp_path, 2, lastmod="2099-01-01"))
    same = run_warta(*crawl_args(tmp_path), env=server.proxy_env)
    assert "0 written, 2 already seen" in same.stderr  # without the flag: skipped
    updated = run_warta(*crawl_args(tmp_path, "--refresh-updated"), env=server.proxy_env)
    assert "2 written" in updated.stderr, updated.stderr
    records = finished_records(tmp_path / "out")
    assert len(records) == 4 and len({r["id"] for r in records}) == 2  # new lines, same ids


def test_refresh_reads_lastmod_not_the_publication_date(mockserver, tmp_path: Path) -> None:
    """A news sitemap states both: the article was published long ago and changed today. The
    publication date places it in the window; the lastmod says it changed since it was written."""
    server = mockserver(build_site(tmp_path, 2, lastmod="2025-04-28", published="2025-04-28T10:15:00+07:00"))
    assert run_warta(*crawl_args(tmp_path), env=server.proxy_env).returncode == 0
    server.stop()
    server = mockserver(build_site(tmp_path, 2, lastmod="2099-01-01", published="2025-04-28T10:15:00+07:00"))
    updated = run_warta(*crawl_args(tmp_path, "--refresh-updated"), env=server.proxy_env)
    assert "2 written" in updated.stderr, updated.stderr
    assert len(finished_records(tmp_path / "out")) == 4


@pytest.mark.parametrize(
    ("args", "message"),
    [(["--since", "kemarin lusa"], "not a date"), (["--sections", "olahraga"], "has no section")],
)
def test_usage_errors_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    result = run_warta(*crawl_args(tmp_path, *args))
    assert result.returncode == 2 and message in result.stderr


def test_progress_lines_on_stderr(mockserver, tmp_path: Path) -> None:
    server = mockserver(build_site(tmp_path, 3, delay=0.5))
    args = crawl_args(tmp_path, "-s", "WARTA_PROGRESS_INTERVAL=0.3", "-s", "CONCURRENT_REQUESTS=1")
    result = run_warta(*args, env=server.proxy_env)
    assert result.returncode == 0, result.stderr
    assert "discovered" in result.stderr and "fetched" in result.stderr and "..." in result.stderr


def test_retry_after_is_honoured(mockserver, tmp_path: Path) -> None:
    routes = build_site(tmp_path, 2)
    key = article_url(0).split("://")[1]
    routes[key] = {
        "sequence": [
            {"status": 503, "body": "busy", "headers": {"Retry-After": "1"}},
            routes[key],
        ]
    }
    server = mockserver(routes)
    result = run_warta(*crawl_args(tmp_path, "--stats", str(tmp_path / "s.json")), env=server.proxy_env)
    assert result.returncode == 0, result.stderr
    summary = json.loads((tmp_path / "s.json").read_text("utf-8"))["sites"]["fakta"]
    assert summary["retry_after_waits"] == 1
    assert summary["written"] == 2
    assert [s for s, u in server.requests() if u == article_url(0)] == [503, 200]


def test_unusable_state_or_output_is_a_usage_error(tmp_path: Path) -> None:
    """A state file that is not a warta state, or an output folder that cannot be made, stops the
    run at once with status 2 and one line, before anything is fetched; the file is untouched."""
    bad = tmp_path / "not-a-state.sqlite"
    bad.write_text("this is not an SQLite database, but it might be someone's file\n", "utf-8")
    result = run_warta("crawl", "fakta", "--state", str(bad), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"warta: --state {bad}: not a usable warta state file: file is not a database"
    ]
    assert bad.read_text("utf-8").startswith("this is not an SQLite database")
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where a folder should be", "utf-8")
    result = run_warta(*crawl_args(tmp_path), "--out", str(blocker / "out"))
    assert result.returncode == 2 and "cannot write output under" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    result = run_warta("crawl", "fakta", "--state", str(tmp_path / "s.sqlite"), "-o", str(tmp_path))
    assert result.returncode == 2 and "is a folder" in result.stderr
