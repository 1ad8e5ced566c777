"""Faults in discovery (sitemaps, feeds, robots.txt), each with the outcome the run summary names.

A loopback fakta.com: robots.txt names one sitemap (the entry point under test), the home page
is a listing of its own. Every hostile body is made here, in the test's folder: gzip bombs are
written by streaming zlib, never stored in the repository.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FIXTURES, REPO

TEMPLATE = (FIXTURES / "fakta_sample" / "input.html").read_text("utf-8")
SAMPLE_SLUG = "rusia-tawarkan-pembangunan-reaktor-nuklir-modular-ke-negara-asean"
FAST = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0", "-s", "RETRY_TIMES=0"]
ROBOTS = "User-agent: *\nAllow: /\nSitemap: https://fakta.com/sitemap.xml\n"
XML = {"Content-Type": "application/xml"}
EMPTY_PAGE = "<html><body><p>Tidak ada berita.</p></body></html>"
MEASURE = (
    "import resource, subprocess, sys\n"
    "done = subprocess.run(sys.argv[1:])\n"
    "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "print(f'peak-kib {peak}', file=sys.stderr)\n"
    "sys.exit(done.returncode)\n"
)


def article_url(i: int) -> str:
    return f"https://fakta.com/news/nasional/berita-nomor-{i}-dari-warta"


def urlset(urls: list[str]) -> str:
    locs = "".join(f"<url><loc>{u}</loc></url>" for u in urls)
    return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'


def rss(urls: list[str], doctype: str = "") -> str:
    items = "".join(f"<item><title>Berita</title><link>{u}</link></item>" for u in urls)
    channel = f"<channel><title>Fakta</title>{items}</channel>"
    return f'<?xml version="1.0"?>{doctype}<rss version="2.0">{channel}</rss>'


def site(
    tmp: Path,
    sitemap: dict[str, Any],
    home: Sequence[int] = (),
    articles: int = 4,
    robots: dict[str, Any] | None = None,
    article_headers: dict[str, str] | None = None,
) -> dict[str, Any]:
    """Routes: ``articles`` article pages, a home listing linking the articles in ``home``,
    robots.txt naming https://fakta.com/sitemap.xml, served as ``sitemap``."""
    routes: dict[str, Any] = {}
    for i in range(articles):
        page = tmp / f"article-{i}.html"
        page.write_text(TEMPLATE.replace(SAMPLE_SLUG, f"berita-nomor-{i}-dari-warta"), "utf-8")
        route: dict[str, Any] = {"file": str(page)}
        if article_headers:
            route["headers"] = article_headers
        routes[article_url(i).split("://")[1]] = route
    links = "".join(f'<li><a href="{article_url(i)}">Berita {i}</a></li>' for i in home)
    routes["fakta.com/"] = {"body": f"<html><body><ul>{links}</ul></body></html>"}
    routes["fakta.com/?berita-terbaru=2"] = {"body": EMPTY_PAGE}
    routes["fakta.com/robots.txt"] = robots or {"body": ROBOTS, "headers": {"Content-Type": "text/plain"}}
    routes["fakta.com/sitemap.xml"] = sitemap
    return routes


def crawl(
    server: Any, tmp: Path, *extra: str, timeout: float = 120
) -> tuple[subprocess.CompletedProcess, dict]:
    """``warta crawl fakta`` through the loopback proxy, measured: (result, the site's summary
    with the run's ``exit_status`` and the process's peak memory in MiB as ``peak_mib``)."""
    stats = tmp / "stats.json"
    args = ["crawl", "fakta", "--out", str(tmp / "out"), "--state", str(tmp / "state.sqlite")]
    args += ["--stats", str(stats), *FAST, *extra]
    result = subprocess.run(
        [sys.executable, "-c", MEASURE, sys.executable, "-m", "crawler.cli", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO), **server.proxy_env},
        cwd=REPO,
        timeout=timeout,
    )
    assert "Traceback" not in result.stderr, result.stderr
    summary = json.loads(stats.read_text("utf-8"))
    numbers = summary["sites"]["fakta"]
    numbers["exit_status"] = summary["exit_status"]
    peak = [line for line in result.stderr.splitlines() if line.startswith("peak-kib ")]
    numbers["peak_mib"] = int(peak[-1].split()[1]) / 1024
    return result, numbers


def gzip_bomb(path: Path, prefix: bytes, inflated: int) -> Path:
    """A gzip file that inflates to ``inflated`` bytes (``prefix``, then spaces), written in
    chunks: never held whole in memory, inflated or not."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b" " * (1 << 20)
    with path.open("wb") as handle:
        handle.write(packer.compress(prefix))
        for _ in range(inflated // len(block)):
            handle.write(packer.compress(block))
        handle.write(packer.flush())
    return path


def article_requests(server: Any) -> list[str]:
    return [u for _, u in server.requests() if "/news/" in u]


@pytest.mark.parametrize("served", ["as a .gz file", "with Content-Encoding: gzip"])
def test_a_gzip_bomb_entry_point_stops_at_the_limit(mockserver, tmp_path: Path, served: str) -> None:
    """1 GiB once inflated, 1 MB sent: the feed is failed as "too large" at the feed limit (at
    most 50 MiB), the rest of the site is crawled, and the run stays small."""
    bomb = gzip_bomb(tmp_path / "bomb.gz", b'<?xml version="1.0"?><urlset>', 1 << 30)
    headers = {"Content-Type": "application/x-gzip"}
    if served != "as a .gz file":
        headers = {"Content-Type": "application/rss+xml", "Content-Encoding": "gzip"}
    server = mockserver(site(tmp_path, {"file": str(bomb), "headers": headers}, home=[0, 1]))
    result, summary = crawl(server, tmp_path)
    assert result.returncode == 0, result.stderr
    assert summary["failed"] == {"too large": 1}
    assert summary["discovery"]["entry points failed"] == 1
    assert summary["written"] == 2
    assert summary["peak_mib"] < 400, summary["peak_mib"]  # inflating 1 GiB would be far over


def test_a_truncated_gzip_sitemap_gives_the_urls_before_the_cut(mockserver, tmp_path: Path) -> None:
    """The URLs that could be read are crawled; the last, possibly cut one is left out; the cut
    is counted. No URL is invented from a half-read <loc>."""
    whole = gzip.compress(urlset([article_url(i) for i in range(40)]).encode(), mtime=0)
    cut = tmp_path / "cut.xml.gz"
    cut.write_bytes(whole[: len(whole) * 2 // 3])
    server = mockserver(site(tmp_path, {"file": str(cut), "headers": XML}, articles=40))
    result, summary = crawl(server, tmp_path)
    assert result.returncode == 0, result.stderr
    assert summary["failed"] == {}  # no request to a cut URL
    assert 0 < summary["written"] < 40
    discovery = summary["discovery"]
    assert discovery["truncated gzip"] == 1
    assert discovery["feed cut short"] == 1
    assert sorted(article_requests(server)) == sorted(article_url(i) for i in range(summary["written"]))


LAUGHS = (
    '<!DOCTYPE r [<!ENTITY l "lol">'
    + "".join(f'<!ENTITY l{i} "{("&l" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
    + "]>"
)
XXE = '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd"><!ENTITY y SYSTEM "https://fakta.com/secret">]>'


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(urlset([article_url(0) + "&l9;"]).replace("?>", "?>" + LAUGHS, 1), id="laughs-sitemap"),
        pytest.param(rss([article_url(0) + "&l9;"], LAUGHS), id="laughs-rss"),
        pytest.param(urlset([article_url(0) + "-&x;&y;"]).replace("?>", "?>" + XXE, 1), id="xxe-sitemap"),
        pytest.param(rss([article_url(0) + "-&x;&y;"], XXE), id="xxe-rss"),
    ],
)
def test_xml_entities_are_neither_expanded_nor_read(mockserver, tmp_path: Path, body: str) -> None:
    """A feed whose DTD declares entities is refused whole, by name: nothing expanded, no file or
    URL named by an entity read."""
    routes = site(tmp_path, {"body": body, "headers": XML}, home=[1])
    routes["fakta.com/secret"] = {"body": "rahasia"}
    server = mockserver(routes)
    result, summary = crawl(server, tmp_path, timeout=60)
    assert result.returncode == 0, result.stderr
    assert summary["failed"] == {"XML entities declared": 1}
    assert summary["written"] == 1  # the home page's article
    requested = [u for _, u in server.requests()]
    assert "https://fakta.com/secret" not in requested
    assert not [u for u in requested if "root" in u or "lol" in u]


def test_a_100k_url_sitemap_with_max_articles_fetches_5(mockserver, tmp_path: Path) -> None:
    """100,000 URLs are read and proposed one at a time; --max-articles stops at 5 fetched."""
    sitemap = tmp_path / "sitemap.xml"
    sitemap.write_text(urlset([article_url(i) for i in range(100_000)]), "utf-8")
    server = mockserver(site(tmp_path, {"file": str(sitemap), "headers": XML}, articles=5))
    result, summary = crawl(server, tmp_path, "--max-articles", "5", timeout=100)
    assert result.returncode == 0, result.stderr
    assert sorted(article_requests(server)) == sorted(article_url(i) for i in range(5))
    assert summary["written"] == 5
    assert summary["peak_mib"] < 500, summary["peak_mib"]


CUT_RSS = rss([article_url(i) for i in range(3)])[:-60]


@pytest.mark.parametrize(
    ("body", "headers", "outcome", "written"),
    [
        pytest.param(CUT_RSS, XML, "feed cut short", 3, id="cut"),
        pytest.param(
            rss([article_url(0), article_url(1) + "\udcff", article_url(2)]),
            XML,
            "feed with XML errors",
            3,
            id="invalid-bytes",
        ),
        pytest.param(
            "<html><body><h1>Masuk</h1><a href='/login'>x</a></body></html>",
            {"Content-Type": "application/rss+xml"},
            "entry point without article links",
            1,
            id="html-as-feed",
        ),
        pytest.param(rss([]), XML, "entry point without article links", 1, id="empty-feed"),
        pytest.param("\x89PNG\r\n\x1a\n\x00\x00", {"Content-Type": "image/png"}, "unreadable entry point", 1,
                     id="binary"),
    ],
)  # fmt: skip
def test_a_broken_feed_is_counted_never_silent(
    mockserver, tmp_path: Path, body: str, headers: dict, outcome: str, written: int
) -> None:
    """The home page lists article 3, the feed articles 0 to 2 (as far as it can be read)."""
    page = tmp_path / "feed.bin"
    page.write_bytes(body.encode("utf-8", "surrogateescape"))  # \udcff: the byte 0xff, invalid UTF-8
    server = mockserver(site(tmp_path, {"file": str(page), "headers": headers}, home=[3]))
    result, summary = crawl(server, tmp_path)
    assert summary["discovery"].get(outcome) == 1, summary["discovery"]
    assert summary["written"] == written
    assert summary["failed"] == {}


def test_wrong_content_types_are_read_by_their_bytes(mockserver, tmp_path: Path) -> None:
    """A sitemap as text/html, a listing as application/octet-stream, article pages as text/plain
    and application/octet-stream, and a JSON listing as text/html: all read for what they are."""
    routes = site(tmp_path, {"body": urlset([article_url(0)]), "headers": {"Content-Type": "text/html"}},
                  articles=6, home=[1])  # fmt: skip
    routes["fakta.com/"]["headers"] = {"Content-Type": "application/octet-stream"}
    routes["fakta.com/robots.txt"]["body"] += (
        "Sitemap: https://fakta.com/sitemap-2.xml\nSitemap: https://fakta.com/api/latest\n"
    )
    routes["fakta.com/sitemap-2.xml"] = {
        "body": urlset([article_url(2), article_url(3)]),
        "headers": {"Content-Type": "application/octet-stream"},
    }
    listing = {"data": [{"url": "news/nasional/berita-nomor-4-dari-warta"}, {"url": article_url(5)}]}
    routes["fakta.com/api/latest"] = {"body": json.dumps(listing), "headers": {"Content-Type": "text/html"}}
    routes[article_url(2).split("://")[1]]["headers"] = {"Content-Type": "text/plain"}
    routes[article_url(3).split("://")[1]]["headers"] = {"Content-Type": "application/octet-stream"}
    server = mockserver(routes)
    result, summary = crawl(server, tmp_path)
    assert result.returncode == 0, result.stderr
    assert summary["written"] == 6, summary
    assert summary["discovery"]["entry points listing articles"] == 4
    assert "entry point without article links" not in summary["discovery"]


def test_robots_txt_that_forbids_the_articles(mockserver, tmp_path: Path) -> None:
    """Every article forbidden: none fetched, each counted "forbidden by robots.txt", and exit 1
    (the run collected nothing a monitor should think is fine)."""
    robots = {"body": ROBOTS + "Disallow: /news/\n", "headers": {"Content-Type": "text/plain"}}
    sitemap = {"body": urlset([article_url(i) for i in range(3)]), "headers": XML}
    server = mockserver(site(tmp_path, sitemap, home=[0, 1, 2, 3], robots=robots))
    result, summary = crawl(server, tmp_path)
    assert result.returncode == 1 and summary["exit_status"] == 1
    assert summary["failed"] == {"forbidden by robots.txt": 4}
    assert summary["written"] == 0
    assert article_requests(server) == []


@pytest.mark.parametrize(
    ("robots", "outcome"),
    [
        ({"status": 500, "body": "Internal Server Error"}, "robots.txt unavailable"),
        ({"body": "<html><body>\x00\x07 bukan robots</body></html>"}, "robots.txt lists no sitemap"),
    ],
    ids=["500", "garbage"],
)
def test_robots_txt_that_is_broken(mockserver, tmp_path: Path, robots: dict, outcome: str) -> None:
    """A robots.txt that cannot be read names no sitemap (counted) and, as in Scrapy, forbids
    nothing: the listing's articles are crawled."""
    sitemap = {"body": urlset([article_url(3)]), "headers": XML}
    server = mockserver(site(tmp_path, sitemap, home=[0, 1, 2], robots=robots))
    result, summary = crawl(server, tmp_path)
    assert result.returncode == 0, result.stderr
    assert summary["discovery"][outcome] == 1
    assert summary["written"] == 3
    assert article_url(3) not in article_requests(server)  # the sitemap it would have named


@pytest.mark.parametrize("failing", [True, False], ids=["failed", "listed-nothing"])
def test_health_warning_when_no_entry_point_lists_an_article(
    mockserver, tmp_path: Path, failing: bool
) -> None:
    routes = site(tmp_path, {"body": urlset([]), "headers": XML})
    if failing:
        routes["fakta.com/"] = {"status": 503, "body": "down"}
        routes["fakta.com/sitemap.xml"] = {"reset": True}
    server = mockserver(routes)
    result, summary = crawl(server, tmp_path)
    failed = 2 if failing else 0
    warning = (
        f"fakta: none of its 2 entry points listed an article ({failed} failed, {2 - failed} listed "
        "no article link); see the summary's discovery"
    )
    assert summary["warnings"] == [warning]
    assert f"warta: health: {warning}" in result.stderr
    assert summary["discovery"].get("entry points failed", 0) == failed


def sitemap_index(urls: list[str]) -> str:
    locs = "".join(f"<sitemap><loc>{u}</loc></sitemap>" for u in urls)
    return f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</sitemapindex>'


def test_a_chain_of_sitemap_indexes_is_a_trap_not_followed(mockserver, tmp_path: Path) -> None:
    """Index n lists article n and index n+1, for ever (a generated trap): read three indexes
    deep, then counted and left; the articles found on the way are written."""
    top = {"body": sitemap_index(["https://fakta.com/index-1.xml"]), "headers": XML}
    routes = site(tmp_path, top, articles=6)
    for n in range(1, 40):
        listed = sitemap_index([f"https://fakta.com/index-{n + 1}.xml", f"https://fakta.com/urls-{n}.xml"])
        routes[f"fakta.com/index-{n}.xml"] = {"body": listed, "headers": XML}
        routes[f"fakta.com/urls-{n}.xml"] = {"body": urlset([article_url(n)]), "headers": XML}
    server = mockserver(routes)
    result, summary = crawl(server, tmp_path)
    assert result.returncode == 0, result.stderr
    assert summary["discovery"]["sitemap indexes nested too deep"] == 1
    assert sorted(article_requests(server)) == [article_url(1), article_url(2)]
    assert not [u for _, u in server.requests() if u.endswith("index-4.xml")]


@pytest.mark.parametrize("entry", ["html listing", "xml sitemap"])
def test_an_entry_point_of_millions_of_tiny_elements_is_not_parsed(
    mockserver, tmp_path: Path, entry: str
) -> None:
    """40 MB of tiny elements, under the download limit: parsed whole, the tree took 1.9 GB (HTML)
    and 3.2 GB (XML). An HTML listing over the page limit and a feed of more tags than any
    sitemap holds are refused by name before parsing."""
    big = tmp_path / "big"
    if entry == "html listing":
        big.write_bytes(b"<html><body>" + b"<p>x</p>" * 5_000_000 + b"</body></html>")
        routes = site(tmp_path, {"body": urlset([]), "headers": XML})
        routes["fakta.com/"] = {"file": str(big), "headers": {"Content-Type": "text/html"}}
        reason = "too large"
    else:
        big.write_bytes(b'<?xml version="1.0"?><urlset>' + b"<url/>" * 6_000_000 + b"</urlset>")
        routes = site(tmp_path, {"file": str(big), "headers": XML})
        reason = "too many elements"
    server = mockserver(routes)
    result, summary = crawl(server, tmp_path)
    assert summary["failed"][reason] == 1, summary
    assert summary["peak_mib"] < 400, summary["peak_mib"]


def test_a_huge_json_listing_is_not_read(mockserver, tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    big.write_bytes(b"[" + b'"a",' * 12_000_000 + b'"a"]')  # 48 MB: took 2 GB read whole
    routes = site(tmp_path, {"body": urlset([]), "headers": XML})
    routes["fakta.com/"] = {"file": str(big), "headers": {"Content-Type": "application/json"}}
    result, summary = crawl(mockserver(routes), tmp_path)
    assert summary["failed"]["too large"] == 1, summary
    assert summary["peak_mib"] < 400, summary["peak_mib"]


def test_a_huge_robots_txt_is_cut_and_its_sitemaps_capped(mockserver, tmp_path: Path) -> None:
    """robots.txt past 512 KiB is not read (Scrapy then allows every URL); one that lists more
    sitemaps than a site has gets its first 1,000 followed and the rest counted."""
    rules = "".join(f"Disallow: /x{i}/\n" for i in range(100_000))
    big = tmp_path / "robots-big.txt"
    big.write_text("User-agent: *\n" + rules + ROBOTS.split("\n", 2)[2], "utf-8")
    robots = {"file": str(big), "headers": {"Content-Type": "text/plain"}}
    sitemap = {"body": urlset([article_url(0)]), "headers": XML}
    server = mockserver(site(tmp_path, sitemap, home=[1], robots=robots))
    result, summary = crawl(server, tmp_path)
    assert summary["discovery"]["robots.txt unavailable"] == 1
    assert summary["failed"]["too large"] == 1 and summary["written"] == 1  # the home page's article
    server.stop()
    many = "User-agent: *\n" + "".join(f"Sitemap: https://fakta.com/s{i}.xml\n" for i in range(1_200))
    robots = {"body": many, "headers": {"Content-Type": "text/plain"}}
    server = mockserver(site(tmp_path, {"body": urlset([]), "headers": XML}, robots=robots))
    result, summary = crawl(server, tmp_path, "--state", str(tmp_path / "second.sqlite"))
    assert summary["discovery"]["robots.txt sitemaps left out"] == 200
    sitemaps = [u for _, u in server.requests() if "/s" in u and u.endswith(".xml")]
    assert len(sitemaps) == 1_000
