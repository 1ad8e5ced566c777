"""Every site, crawled for real against a loopback server that plays it.

``tests/sites/<key>/site.json`` describes a small copy of the site, pages written by hand in
its markup: ``routes`` maps URLs to files in that folder (or to ``{"status": 500}``-style
routes), ``args`` are extra ``warta crawl`` options, ``expect`` says which records the crawl
must write (by URL, with their page count, title and pieces of text in order) and which URLs
must never be requested (skips applied). The crawl goes through the proxy variables, so the
spiders fetch their real https URLs and every byte stays on 127.0.0.1.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import assert_valid, run_warta

SITES = Path(__file__).resolve().parent / "sites"
FAST = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0", "-s", "RETRY_TIMES=0"]
# The copies serve only some of the linked articles: the rest are 404s, not a failed run.
FAST += ["-s", "WARTA_MAX_FAILED_SHARE=1"]


def _routes(folder: Path, spec: dict) -> dict:
    routes = {}
    for url, target in spec["routes"].items():
        key = url.split("://", 1)[1]
        if isinstance(target, str):
            target = {"file": str((folder / target).resolve())}
            if key.endswith((".xml", "robots.txt")) or "sitemap" in key or "/rss" in key or "/feed" in key:
                kind = "text/plain" if key.endswith("robots.txt") else "application/xml"
                target["headers"] = {"Content-Type": kind}
        routes[key] = target
    return routes


def _records(out: Path) -> list[dict]:
    return [record for path in sorted(out.rglob("*.jsonl")) for record in _records_in(path)]


def _records_in(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


@pytest.mark.parametrize("key", sorted(p.name for p in SITES.iterdir() if (p / "site.json").exists()))
def test_site_crawl(key: str, mockserver, tmp_path: Path) -> None:
    folder = SITES / key
    spec = json.loads((folder / "site.json").read_text("utf-8"))
    server = mockserver(_routes(folder, spec))
    out = tmp_path / "out"
    state = str(tmp_path / "state.sqlite")
    warc = tmp_path / "warc"
    args = ["crawl", key, "--out", str(out), "--state", state, "--warc", str(warc), *FAST]
    args += spec.get("args", [])
    result = run_warta(*args, env=server.proxy_env, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    records = {r["url"]: r for r in _records(out)}
    _assert_reextracted_alike(warc, records, tmp_path / "again.jsonl")
    expected = spec["expect"]["records"]
    assert sorted(records) == sorted(expected)
    for url, want in expected.items():
        record = records[url]
        assert_valid(record)
        assert record["extractor"] == f"site:{key}", url
        assert record["pages"] == want.get("pages", 1), url
        if "title" in want:
            assert record["title"] == want["title"], url
        if "published_at" in want:
            assert record["published_at"] == want["published_at"], url
        position = 0
        for piece in want.get("text_in_order", []):
            found = record["text"].find(piece, position)
            assert found >= 0, f"{url}: {piece!r} missing or out of order"
            position = found + len(piece)
        for piece in want.get("text_excludes", []):
            assert piece not in record["text"], f"{url}: {piece!r} leaked"
    fetched = {u.split("://", 1)[1] for _, u in server.requests()}
    for url in spec["expect"].get("not_fetched", []):
        assert url.split("://", 1)[1] not in fetched, f"{url} was fetched"


def _assert_reextracted_alike(warc: Path, records: dict[str, dict], target: Path) -> None:
    """The crawl's WARC re-extracted gives the crawl's records, split articles joined alike."""
    result = run_warta("reextract", str(warc), "-o", str(target), "--workers", "1", timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    again = {r["url"]: r for r in _records_in(target)}
    assert sorted(again) == sorted(records)
    for url, record in records.items():
        assert again[url] == record, url


def test_one_output_file_for_two_sites(mockserver, tmp_path: Path) -> None:
    """`-o FILE` with several sites: one file holding every site's records, no pieces left."""
    specs = {key: json.loads((SITES / key / "site.json").read_text("utf-8")) for key in ("fakta", "tempo")}
    routes = {k: v for key, spec in specs.items() for k, v in _routes(SITES / key, spec).items()}
    server = mockserver(routes)
    target = tmp_path / "all.jsonl"
    args = ["crawl", "fakta", "tempo", "-o", str(target), "--state", str(tmp_path / "s.sqlite"), *FAST]
    result = run_warta(*args, env=server.proxy_env, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    records = [json.loads(line) for line in target.read_text("utf-8").splitlines()]
    expected = {url for spec in specs.values() for url in spec["expect"]["records"]}
    assert {r["url"] for r in records} == expected
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".all")) == []
    assert (tmp_path / "all.jsonl.summary.json").exists()
