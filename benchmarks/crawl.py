"""What a full `warta crawl` costs beside a bare download-only Scrapy spider on the same loopback
site: extraction in the crawl's process (``--workers 0``) and in worker processes.

Run from the repo root:
    python benchmarks/crawl.py [--pages 1000,2000] [--workers 2] [--site KEY] [--rounds 3]

The loopback server (tests/mockserver.py, a separate process, the proxy the tests use) plays
www.beritacontoh.co.id, a news domain with no site file: robots.txt names a sitemap index,
its sitemaps list every article, and each article is one of the hand-written fixture pages of
tests/fixtures under its own URL (/read/<number>/<the fixture's slug>), so every page is a
distinct article (the fixtures' own canonical URLs are on other domains and not taken).
With ``--site KEY`` it plays that declared site instead (fakta.com for ``fakta``): its fixture
articles under their own URLs, each slug numbered, read by the site's rules.
Each crawl is a whole process, politeness off for all (no robots.txt obeyed, no delay, no
AutoThrottle, the same concurrency, also per domain, and warta's CONCURRENT_ITEMS):
- ``bare scrapy``: a SitemapSpider that downloads every article page and does nothing with it;
- ``warta, in process``: ``warta crawl beritacontoh.co.id --workers 0`` (the generic path);
- ``warta, N workers``: the same with ``--workers N``.
Pages (records) a second are over the crawl's own time (Scrapy's start to finish, start-up and
interpreter exit left out); peak memory is the most the process and all its children (extraction
workers, their fork server) held at once, sampled every 50 ms, as proportional set size (a page
the workers share with their fork server counts once over them, not once in each). The sampling
reads every process's memory map (22 ms of CPU a sample on a crawl with workers: a fifth of a
core, taken from the crawl it measures), so memory has runs of its own, one of each crawl after
the timed rounds, and the timed runs are not sampled. Each crawl runs at every size of
``--pages``: memory that stays flat as the crawl grows shows pages do not pile up.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime
from pathlib import Path

from fixture_pages import fixture_pages

ROOT = Path(__file__).resolve().parent.parent
DOMAIN = "beritacontoh.co.id"
HOST = f"www.{DOMAIN}"
PER_SITEMAP = 500

BARE = """
import json, sys
import scrapy
from scrapy.crawler import CrawlerProcess
from scrapy.spiders import SitemapSpider

class Bare(SitemapSpider):
    name = "bare"
    sitemap_urls = [sys.argv[1]]

    def parse(self, response):
        self.crawler.stats.inc_value("bare/pages")
        return []

settings = json.loads(sys.argv[2])
process = CrawlerProcess(settings)
crawler = process.create_crawler(Bare)
process.crawl(crawler)
process.start()
stats = crawler.stats.get_stats()
times = {k: stats[f"{k}_time"].isoformat() for k in ("start", "finish")}
print(json.dumps({"pages": stats.get("bare/pages", 0), **times}))
"""


def politeness_off(concurrency: int) -> dict[str, object]:
    return {
        "ROBOTSTXT_OBEY": False,
        "AUTOTHROTTLE_ENABLED": False,
        "DOWNLOAD_DELAY": 0,
        "CONCURRENT_REQUESTS": concurrency,
        "CONCURRENT_REQUESTS_PER_DOMAIN": concurrency,
        "RETRY_TIMES": 0,
        "CONCURRENT_ITEMS": 8,  # warta's own value (settings.py), the bare spider's too
        "LOG_LEVEL": "WARNING",
        "TELNETCONSOLE_ENABLED": False,
    }


def slug(url: str) -> str:
    last = [part for part in url.split("?")[0].split("/") if part][-1]
    return re.sub(r"[^a-z0-9-]+", "-", last.lower()).strip("-")[:80] or "berita"


def domain_pages(count: int) -> tuple[str, list[tuple[str, bytes]]]:
    """Every fixture article under www.beritacontoh.co.id, numbered: (home host, [(url, body)])."""
    pages = fixture_pages()
    found = []
    for i in range(count):
        body, url = pages[i % len(pages)]
        found.append((f"https://{HOST}/read/{100000 + i}/{slug(url)}", body))
    return HOST, found


def site_pages(key: str, count: int) -> tuple[str, list[tuple[str, bytes]]]:
    """The fixture articles of one declared site under its own URLs, each slug numbered (and the
    page's own mentions of its URL with it, so its canonical link names the copy)."""
    from urllib.parse import urlsplit

    from crawler.sites import sites

    site = sites()[key]
    pages = [(body, url) for body, url in fixture_pages() if site.handles(url)]
    found = []
    for i in range(count):
        body, url = pages[i % len(pages)]
        path = urlsplit(url).path.rstrip("/")
        copy = url.replace(path, f"{path}-b{i}", 1).split("?")[0]
        if not site.is_article_url(copy):
            raise SystemExit(f"{copy} is no article URL of {key}: the benchmark cannot number its pages")
        found.append((copy, body.replace(path.encode(), f"{path}-b{i}".encode())))
    return site.allowed_domains[0], found


def write_site(folder: Path, count: int, key: str | None) -> tuple[str, dict[str, object]]:
    """``count`` article pages (files), and the routes that serve them with robots.txt, a
    sitemap index and its sitemaps, and a home page: (the host of robots.txt, routes)."""
    host, pages = site_pages(key, count) if key else domain_pages(count)
    base = f"https://{host}"
    routes: dict[str, object] = {f"{host}/": {"body": "<html><body><p>Berita</p></body></html>"}}
    if not key:
        routes[f"{DOMAIN}/"] = {"status": 301, "headers": {"Location": f"{base}/"}}
    for i, (url, body) in enumerate(pages):
        file = folder / f"{i}.html"
        file.write_bytes(body)
        routes[url.split("://", 1)[1]] = {"file": str(file)}
    xml = {"Content-Type": "application/xml"}
    names = []
    for n in range(0, count, PER_SITEMAP):
        name = f"/sitemap-{n // PER_SITEMAP}.xml"
        entries = "".join(f"<url><loc>{url}</loc></url>" for url, _ in pages[n : n + PER_SITEMAP])
        urlset = f"<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{entries}</urlset>"
        routes[host + name] = {"body": urlset, "headers": xml}
        names.append(name)
    index = "".join(f"<sitemap><loc>{base}{n}</loc></sitemap>" for n in names)
    sitemap = "<?xml version='1.0'?><sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
    routes[f"{host}/sitemap.xml"] = {"body": f"{sitemap}{index}</sitemapindex>", "headers": xml}
    robots = f"User-agent: *\nSitemap: {base}/sitemap.xml\n"
    routes[f"{host}/robots.txt"] = {"body": robots, "headers": {"Content-Type": "text/plain"}}
    return host, routes


def tree_memory(pid: int) -> int:
    """Proportional set size (bytes) of a process and all its descendants: a page shared by
    the workers and their fork server counts once over them, not once in each (resident size
    where /proc has no smaps_rollup)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except OSError:
            continue
    family, grew = {pid}, True
    while grew:
        more = {p for p, parent in parents.items() if parent in family} - family
        family |= more
        grew = bool(more)
    return sum(_memory(p) for p in family)


def _memory(pid: int) -> int:
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        return int(re.search(r"^Pss:\s+(\d+) kB", rollup, re.M).group(1)) * 1024  # type: ignore[union-attr]
    except (OSError, AttributeError):
        try:
            return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except OSError:
            return 0


def measured(command: list[str], env: dict[str, str], sampled: bool) -> tuple[str, float]:
    """(stdout, peak memory MiB of the process tree: PSS, when ``sampled``, else 0) of one
    whole process."""
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    peak = [0]

    def sample() -> None:
        while process.poll() is None:
            peak[0] = max(peak[0], tree_memory(process.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample)
    if sampled:
        sampler.start()
    out, err = process.communicate()
    if sampled:
        sampler.join()
    if process.returncode not in (0, 1):
        raise SystemExit(f"{command[:5]} failed ({process.returncode}):\n{err[-3000:]}")
    return out, peak[0] / 2**20


def seconds(started: str, finished: str) -> float:
    return (datetime.fromisoformat(finished) - datetime.fromisoformat(started)).total_seconds()


def bare(env: dict[str, str], concurrency: int, host: str, sampled: bool) -> tuple[int, float, float]:
    settings = json.dumps(politeness_off(concurrency))
    out, peak = measured([sys.executable, "-c", BARE, f"https://{host}/robots.txt", settings], env, sampled)
    found = json.loads(out.strip().splitlines()[-1])
    return found["pages"], seconds(found["start"], found["finish"]), peak


def warta(
    env: dict[str, str], concurrency: int, workers: int, folder: Path, target: str, sampled: bool
) -> tuple[int, float, float]:
    out = folder / f"out-{workers}-{time.monotonic_ns()}"
    command = [sys.executable, "-m", "crawler.cli", "crawl", target, "--out", str(out), "-q"]
    command += ["--state", str(out / "state.sqlite"), "--workers", str(workers)]
    for name, value in politeness_off(concurrency).items():
        command += ["-s", f"{name}={value}"]
    _, peak = measured(command, env, sampled)
    summary = json.loads(next(out.glob("*.summary.json")).read_text("utf-8"))["sites"][target]
    return summary["written"], seconds(summary["started"], summary["finished"]), peak


def serve(routes: dict[str, object], folder: Path) -> tuple[subprocess.Popen, dict[str, str]]:
    path = folder / "routes.json"
    path.write_text(json.dumps(routes), "utf-8")
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "mockserver.py"), str(path)], stdout=subprocess.PIPE, text=True
    )
    assert server.stdout is not None
    url = server.stdout.readline().strip()
    proxy = {"http_proxy": url, "https_proxy": url, "HTTP_PROXY": url, "HTTPS_PROXY": url, "no_proxy": ""}
    return server, {**os.environ, "PYTHONPATH": str(ROOT), **proxy}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--pages", default="1000,2000", help="crawl sizes, comma-separated (default 1000,2000)"
    )
    parser.add_argument(
        "--workers", type=int, default=len(os.sched_getaffinity(0)), help="default: every core"
    )
    parser.add_argument("--concurrency", type=int, default=16, help="CONCURRENT_REQUESTS, also per domain")
    parser.add_argument(
        "--site", metavar="KEY", help="a declared site's fixtures under its own URLs (e.g. fakta)"
    )
    parser.add_argument("--rounds", type=int, default=3, help="rounds of the three crawls (default 3)")
    args = parser.parse_args()
    sizes = [int(n) for n in args.pages.split(",")]
    cores = len(os.sched_getaffinity(0))
    played = f"site {args.site}" if args.site else f"every fixture under {HOST}"
    print(f"{played}; {cores} cores; concurrency {args.concurrency}; medians of {args.rounds} rounds")
    print(f"{'crawl':<22} {'pages':>6} {'written':>8} {'per s':>8} {'x bare':>7} {'peak PSS MiB':>13}")
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            host, routes = write_site(folder, size, args.site)
            server, env = serve(routes, folder)
            try:
                for line in _rounds(args, env, host, folder, size):
                    print(line)
            finally:
                server.kill()
                server.wait()


def _rounds(args: argparse.Namespace, env: dict[str, str], host: str, folder: Path, size: int) -> list[str]:
    """The three crawls in turn, ``args.rounds`` times: the host's speed drifts by a fifth over
    minutes on a shared machine, so each ratio is taken within a round (bare and warta run back
    to back) and the median of the rounds is shown. Then one run of each for its memory."""
    names = ["bare scrapy", "warta, in process", f"warta, {args.workers} workers"]
    rates: dict[str, list[float]] = {name: [] for name in names}
    ratios: dict[str, list[float]] = {name: [] for name in names}
    written: dict[str, int] = {}
    for _ in range(args.rounds):
        fetched, took, _ = bare(env, args.concurrency, host, sampled=False)
        base = fetched / took
        rates[names[0]].append(base)
        ratios[names[0]].append(1.0)
        for name, workers in zip(names[1:], (0, args.workers), strict=True):
            count, took, _ = warta(env, args.concurrency, workers, folder, args.site or DOMAIN, sampled=False)
            rates[name].append(count / took)
            ratios[name].append(count / took / base)
            written[name] = count
    peaks = [bare(env, args.concurrency, host, sampled=True)[2]]
    for workers in (0, args.workers):
        peaks.append(warta(env, args.concurrency, workers, folder, args.site or DOMAIN, sampled=True)[2])
    lines = []
    for name, peak in zip(names, peaks, strict=True):
        shown = f"{written[name]:>8}" if name in written else f"{'-':>8}"
        rate, ratio = statistics.median(rates[name]), statistics.median(ratios[name])
        spread = f"  ({min(ratios[name]):.2f}-{max(ratios[name]):.2f})" if name != names[0] else ""
        lines.append(f"{name:<22} {size:>6} {shown} {rate:>8.1f} {ratio:>7.2f} {peak:>13.0f}{spread}")
    return lines


if __name__ == "__main__":
    main()
