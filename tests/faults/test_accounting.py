"""Every article a crawl discovers is written or counted under a named reason, whatever
breaks on the way: a callback that raises, a pipeline that raises, hostile pages, errors."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run_warta
from tests.faults.site import FAST, site_routes, summary_of, url_of

CRASHING = ["-s", "WARTA_SPIDER_CLASS=tests.faults.crashing.CrashingSpider"]


def deep_json_ld(depth: int) -> str:
    nested = '{"@type": "Thing", "about": ' * depth + "{}" + "}" * depth
    return (
        "<html><head><title>Dalam</title>"
        f'<script type="application/ld+json">{nested}</script></head>'
        "<body><article><h1>Dalam</h1>"
        + "<p>Kalimat yang cukup panjang untuk artikel ini.</p>" * 20
        + "</article></body></html>"
    )


def test_every_discovered_article_is_written_or_counted(mockserver, tmp_path: Path) -> None:
    good = [f"berita-baik-{i}" for i in range(4)]
    hostile = {
        "berita-crash-callback": None,
        "berita-crash-pipeline": None,
        "berita-json-ld-dalam": {"body": deep_json_ld(1000)},
        "berita-selalu-503": {"status": 503, "body": "sibuk"},
        "berita-hilang-404": {"status": 404, "body": "tidak ada"},
        "berita-kosong": {"body": "<html><body></body></html>"},
        "berita-biner": {"body": "\x00\x01" * 100, "headers": {"Content-Type": "application/octet-stream"}},
    }
    special = {k: v for k, v in hostile.items() if v}
    server = mockserver(site_routes(tmp_path, good + list(hostile), special))
    stats = tmp_path / "s.json"
    args = ["crawl", "fakta", "--out", str(tmp_path / "out"), "--state", str(tmp_path / "st.sqlite")]
    result = run_warta(*args, "--stats", str(stats), *FAST, *CRASHING, env=server.proxy_env, timeout=300)
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    summary = summary_of(stats)
    accounted = summary["written"] + sum(summary["dropped"].values()) + sum(summary["failed"].values())
    assert summary["discovered"] == len(good) + len(hostile) == accounted, summary
    assert summary["dropped"]["extraction error (RuntimeError)"] == 1
    assert summary["dropped"]["pipeline error (KeyError)"] == 1
    assert summary["failed"]["HTTP 503"] == 1 and summary["failed"]["HTTP 404"] == 1
    assert summary["written"] >= len(good)
    written = [json.loads(line) for p in (tmp_path / "out").rglob("*.jsonl") for line in p.open()]
    assert {url_of(s) for s in good} <= {r["url"] for r in written}
    assert result.returncode == json.loads(stats.read_text("utf-8"))["exit_status"]
    health = [s for s in result.stderr.splitlines() if s.startswith("warta: health: fakta: code raised")]
    assert len(health) == 1 and "1 pipeline error (KeyError)" in health[0], result.stderr


def test_fetch_names_the_error_of_a_crashing_page(mockserver, tmp_path: Path) -> None:
    server = mockserver(site_routes(tmp_path, ["berita-crash-callback", "berita-crash-pipeline"]))
    urls = [url_of("berita-crash-callback"), url_of("berita-crash-pipeline")]
    result = run_warta("fetch", *urls, *FAST, *CRASHING, env=server.proxy_env)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.splitlines() == [
        f"warta: {urls[0]}: extraction error (RuntimeError)",
        f"warta: {urls[1]}: pipeline error (KeyError)",
    ]


def test_a_signal_handler_that_raises_fails_the_run(mockserver, tmp_path: Path) -> None:
    """Scrapy logs an exception in a signal handler and goes on: warta's exit status and
    summary must still say the run cannot be trusted."""
    server = mockserver(site_routes(tmp_path, ["berita-baik-0"]))
    extension = ["-s", "WARTA_SPIDER_CLASS=tests.faults.crashing.SignalCrashingSpider"]
    stats = tmp_path / "s.json"
    args = ["crawl", "fakta", "--out", str(tmp_path / "out"), "--state", str(tmp_path / "st.sqlite")]
    result = run_warta(*args, "--stats", str(stats), *FAST, *extension, env=server.proxy_env)
    assert result.returncode == 1, result.stderr[-3000:]
    error = "ValueError: a signal handler that breaks"
    said = [line for line in result.stderr.splitlines() if line.startswith("warta: an error inside the run")]
    assert len(said) == 1 and error in said[0], result.stderr[-3000:]
    assert any(error in e for e in summary_of(stats)["errors"])
    fetched = run_warta("fetch", url_of("berita-baik-0"), *FAST, *extension, env=server.proxy_env)
    assert fetched.returncode == 1 and json.loads(fetched.stdout)["url"] == url_of("berita-baik-0")
    assert error in fetched.stderr
