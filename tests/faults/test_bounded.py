"""Bounded work per page: hostile article pages (a 30 MB page, a gzip bomb, deep or huge JSON-LD,
a million tiny paragraphs) are each written or counted under a named reason, quickly, and a
crawl that meets them all stays far under 800 MB."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import zlib
from datetime import UTC, datetime
from pathlib import Path

import pytest
from parsel import Selector

from crawler.errors import ExtractionError
from crawler.extraction.document import MAX_PAGE_BYTES, MAX_PAGE_ELEMENTS
from crawler.extraction.metadata import MAX_LD_CHARS, json_ld_objects
from crawler.extraction.steps import build_record
from tests.conftest import REPO, assert_valid, run_warta
from tests.faults.site import FAST, site_routes, summary_of, url_of

NOW = datetime(2025, 4, 28, 5, tzinfo=UTC)
SENTENCE = "Pemerintah daerah mengumumkan rencana pembangunan jalan baru di kawasan itu pekan ini. "


def article(head: str = "", body: str = "") -> str:
    """A small generic article (dated, declared an article) with extra markup in head or body."""
    return (
        '<html lang="id"><head><title>Jalan Baru</title><meta property="og:type" content="article">'
        '<meta property="article:published_time" content="2025-04-28T10:15:00+07:00">'
        f"{head}</head><body><article><h1>Jalan Baru</h1>"
        + f"<p>{SENTENCE * 3}</p>" * 6
        + f"{body}</article></body></html>"
    )


def json_ld(text: str) -> str:
    return f'<script type="application/ld+json">{text}</script>'


def gzip_bomb(path: Path, inflated: int) -> Path:
    """A gzip stream of ``inflated`` zero bytes, written in 1 MiB steps (it is ~1/1000 the size)."""
    packer = zlib.compressobj(6, zlib.DEFLATED, 31)  # gzip framing
    chunk = bytes(1024 * 1024)
    with path.open("wb") as out:
        for _ in range(inflated // len(chunk)):
            out.write(packer.compress(chunk))
        out.write(packer.flush())
    return path


def run_measured(args: list[str], env: dict[str, str], workdir: Path, timeout: float) -> tuple[int, int, str]:
    """Exit status, peak RSS in bytes and stderr of ``warta ARGS``, waited for with wait4 so the
    peak is this child's alone."""
    err_path = workdir / "stderr.txt"
    with err_path.open("w") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "crawler.cli", *args],
            env={**os.environ, "PYTHONPATH": str(REPO), **env},
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
        deadline = time.monotonic() + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                proc.kill()
                os.wait4(proc.pid, 0)
                pytest.fail(f"warta {' '.join(args)} still running after {timeout} s")
            time.sleep(0.1)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return proc.returncode, usage.ru_maxrss * 1024, err_path.read_text("utf-8")


def test_a_crawl_through_hostile_pages_counts_each_and_stays_small(mockserver, tmp_path: Path) -> None:
    good = [f"berita-baik-{i}" for i in range(4)]
    big = tmp_path / "big.html"
    big.write_text(article(body=f"<p>{SENTENCE * 100}</p>" * 3500), "utf-8")  # 30 MB
    hostile = {
        "berita-json-ld-dalam": {"body": article(head=json_ld("[" * 100_000 + "]" * 100_000))},
        "berita-30-mb": {"file": str(big)},
        "berita-bom-gzip": {
            "file": str(gzip_bomb(tmp_path / "bomb.gz", 1100 * 1024 * 1024)),
            "headers": {"Content-Encoding": "gzip"},
        },
        "berita-sejuta-paragraf": {"body": article(body="<p>a</p>" * 600_000)},  # just under 5 MiB
        "berita-selalu-503": {"status": 503, "body": "sibuk"},
    }
    server = mockserver(site_routes(tmp_path, good + list(hostile), hostile))
    stats = tmp_path / "s.json"
    args = ["crawl", "fakta", "--out", str(tmp_path / "out"), "--state", str(tmp_path / "st.sqlite")]
    status, peak, stderr = run_measured(
        [*args, "--stats", str(stats), "-q", "-s", "RETRY_TIMES=1", *FAST], server.proxy_env, tmp_path, 300
    )
    assert "Traceback" not in stderr, stderr[-3000:]
    summary = summary_of(stats)
    assert summary["failed"]["too large"] == 2, summary  # the 30 MB page and the gzip bomb
    assert summary["failed"]["HTTP 503"] == 1
    assert summary["dropped"] == {f"too large: more than {MAX_PAGE_ELEMENTS} elements": 1}
    written = [json.loads(line) for p in (tmp_path / "out").rglob("*.jsonl") for line in p.open()]
    assert sorted(r["url"] for r in written) == sorted(url_of(s) for s in [*good, "berita-json-ld-dalam"])
    accounted = summary["written"] + sum(summary["dropped"].values()) + sum(summary["failed"].values())
    assert summary["discovered"] == len(good) + len(hostile) == accounted
    assert status == 0, stderr[-2000:]  # 3 of 10 failed: under the run's failure threshold
    assert peak < 800 * 1024 * 1024, f"peak RSS {peak / 2**20:.0f} MiB"


def test_fetch_of_a_too_large_page_names_the_reason(mockserver, tmp_path: Path) -> None:
    big = tmp_path / "big.html"
    big.write_text(article(body=f"<p>{SENTENCE * 100}</p>" * 700), "utf-8")  # 6 MB
    routes = site_routes(tmp_path, ["besar", "bom"], {
        "besar": {"file": str(big)},
        "bom": {"file": str(gzip_bomb(tmp_path / "bomb.gz", 64 * 1024 * 1024)),
                "headers": {"Content-Encoding": "gzip"}},
    })  # fmt: skip
    server = mockserver(routes)
    result = run_warta("fetch", url_of("besar"), url_of("bom"), *FAST, env=server.proxy_env)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.splitlines() == [f"warta: {url_of(s)}: too large" for s in ("besar", "bom")]


def test_extract_refuses_a_file_over_the_page_limit(tmp_path: Path) -> None:
    huge = tmp_path / "huge.html"
    huge.write_text(article(body=f"<p>{SENTENCE}</p>" * (MAX_PAGE_BYTES // len(SENTENCE))), "utf-8")
    result = run_warta("extract", "--url", "https://example.com/a", str(huge), timeout=30)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.splitlines() == [f"warta: {huge}: too large: more than {MAX_PAGE_BYTES} bytes"]


@pytest.mark.parametrize(
    "block",
    [
        "[" * 1000 + "]" * 1000,
        "[" * 100_000 + "]" * 100_000,
        '{"@type": "NewsArticle", "a": ' + '{"@graph": [' * 1000 + "]}" * 1000 + "}",
        '{"@type": "NewsArticle", "keywords": ' + "[" * 900 + '"a"' + "]" * 900 + "}",
    ],
    ids=["lists-1000", "lists-100000", "graph-1000", "keywords-900"],
)
def test_deep_json_ld_gives_a_record(block: str) -> None:
    record = build_record(article(head=json_ld(block)), "https://example.com/a", NOW)
    assert_valid(record)
    assert record["title"] == "Jalan Baru"


def test_json_ld_over_the_size_limit_is_skipped_and_a_long_graph_is_read_in_order() -> None:
    graph = [{"@type": "Thing", "name": f"n{i}"} for i in range(20_000)]
    page = article(head=json_ld(json.dumps({"@graph": graph})))
    names = [o.get("name") for o in json_ld_objects(Selector(text=page))]
    assert names == [None] + [f"n{i}" for i in range(20_000)]  # the @graph holder, then its items
    over = json.dumps({"@type": "NewsArticle", "headline": "Judul Lain", "x": "y" * MAX_LD_CHARS})
    assert json_ld_objects(Selector(text=article(head=json_ld(over)))) == []


def test_a_million_paragraphs_under_the_byte_limit_is_refused_quickly() -> None:
    page = article(body="<p>a</p>" * 600_000)
    assert len(page) < MAX_PAGE_BYTES
    started = time.monotonic()
    with pytest.raises(ExtractionError, match="too large"):
        build_record(page, "https://example.com/a", NOW)
    assert time.monotonic() - started < 30  # unbounded, it took minutes


def test_a_page_just_under_the_element_limit_is_read() -> None:
    page = article(body="<p>Satu dua tiga empat lima.</p>" * (MAX_PAGE_ELEMENTS - 100))
    started = time.monotonic()
    record = build_record(page, "https://example.com/a", NOW)
    assert time.monotonic() - started < 60  # generous: about 5 s here
    assert record["word_count"] >= 0.9 * 5 * (MAX_PAGE_ELEMENTS - 100)
