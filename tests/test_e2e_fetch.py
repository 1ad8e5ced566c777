"""``warta fetch`` and ``scrapy crawl`` for real: Scrapy's engine, real sockets, a loopback
server that plays fakta.com (through the proxy variables) and an unknown site."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import FIXTURES, REPO, assert_valid, load_fixture, run_warta

SAMPLE = load_fixture("fakta_sample")
SAMPLE_PATH = SAMPLE["url"].split("://", 1)[1]


def _routes(extra: dict | None = None) -> dict:
    routes = {
        SAMPLE_PATH: {"file": str(FIXTURES / "fakta_sample" / "input.html")},
        "fakta.com/robots.txt": {
            "body": "User-agent: *\nDisallow: /admin/\n",
            "headers": {"Content-Type": "text/plain"},
        },
        "fakta.com/footer/about-us": {"file": str(FIXTURES / "not_article" / "input.html")},
        "fakta.com/news/nasional/rusak": {"status": 500, "body": "oops"},
        "127.0.0.1/2025/03/14/dishub-makassar-uji-coba-halte-pintar/": {
            "file": str(FIXTURES / "generic_wordpress" / "input.html")
        },
    }
    return {**routes, **(extra or {})}


def test_fetch_site_article_through_proxy(mockserver) -> None:
    server = mockserver(_routes())
    result = run_warta("fetch", SAMPLE["url"], env=server.proxy_env)
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert_valid(record)
    expected = SAMPLE["expected"]
    for key in (
        "title",
        "published_at",
        "text",
        "dateline",
        "credit",
        "images",
        "embeds",
        "tags",
        "extractor",
    ):
        assert record[key] == expected[key], key
    assert (200, SAMPLE["url"]) in server.requests()
    assert any(u == "https://fakta.com/robots.txt" for _, u in server.requests())


def test_fetch_unknown_site_directly(mockserver) -> None:
    server = mockserver(_routes())
    url = f"{server.url}/2025/03/14/dishub-makassar-uji-coba-halte-pintar/"
    result = run_warta("fetch", url)
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert_valid(record)
    assert record["extractor"] == "generic"
    assert record["published_at"] == "2025-03-14T08:30:00+08:00"


def test_fetch_reports_each_failure_on_one_line(mockserver) -> None:
    server = mockserver(_routes())
    urls = [
        SAMPLE["url"],
        "https://fakta.com/news/nasional/tidak-ada",
        "https://fakta.com/news/nasional/rusak",
        "https://fakta.com/footer/about-us",
    ]
    result = run_warta("fetch", *urls, "-s", "RETRY_TIMES=1", env=server.proxy_env)
    assert result.returncode == 1
    assert len(result.stdout.splitlines()) == 1
    lines = result.stderr.strip().splitlines()
    assert lines == [
        "warta: https://fakta.com/news/nasional/tidak-ada: HTTP 404",
        "warta: https://fakta.com/news/nasional/rusak: HTTP 500",
        "warta: https://fakta.com/footer/about-us: no article: not an article page of this site",
    ]
    assert sum(1 for _, u in server.requests() if u.endswith("/rusak")) == 2  # retried once


def test_fetch_obeys_robots_txt(mockserver) -> None:
    server = mockserver(
        _routes(
            {
                "fakta.com/robots.txt": {
                    "body": "User-agent: *\nDisallow: /news/\n",
                    "headers": {"Content-Type": "text/plain"},
                }
            }
        )
    )
    result = run_warta("fetch", SAMPLE["url"], env=server.proxy_env)
    assert result.returncode == 1
    assert "forbidden by robots.txt" in result.stderr
    assert all("/news/" not in u for _, u in server.requests())


def test_scrapy_crawl_discovers_from_the_home_page(mockserver, tmp_path) -> None:
    home = load_fixture("fakta_home")
    routes = _routes({"fakta.com/": {"file": str(FIXTURES / "fakta_home" / "input.html")}})
    listed = [u.split("://", 1)[1] for u in home["expected"]["article_urls"]]
    assert SAMPLE_PATH in listed
    server = mockserver(routes)
    out = tmp_path / "out.jsonl"
    env = {**server.proxy_env, "PYTHONPATH": str(REPO)}
    result = subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "fakta", "-O", str(out), "-s", "WARTA_MAX_LISTING_PAGES=2",
         "-s", "LOG_LEVEL=INFO", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0"],
        cwd=REPO, env={**__import__("os").environ, **env}, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [r["url"] for r in records] == [SAMPLE["url"]]
    assert_valid(records[0])
    fetched = {u for _, u in server.requests()}
    assert {f"https://{p}" for p in listed} <= fetched  # every listed article was requested
    assert "https://fakta.com/?berita-terbaru=2" in fetched  # the listing was paged
    assert not any("/tag/" in u or "/author/" in u or "/footer/" in u for u in fetched)
