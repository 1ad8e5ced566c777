"""What `warta reextract` costs with 1 and 2 workers, beside bare trafilatura over the same WARC
in the same run.

Run from the repo root:  python benchmarks/reextract.py [--pages 1200]

A WARC of ``--pages`` responses is written from the hand-written fixture article pages (each
page under many article URLs of its site, so every record is distinct). Three whole processes
read it, one after another, each timed from outside with its peak RSS (the largest process):
- ``trafilatura``: warcio + ``trafilatura.extract`` on each response, text only, the baseline;
- ``warta 1 worker`` and ``warta 2 workers``: ``warta reextract WARC -o OUT --workers N``.
Pages a second are pages read over wall-clock seconds, start-up included.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from io import BytesIO
from pathlib import Path

from fixture_pages import fixture_pages

ROOT = Path(__file__).resolve().parent.parent

BARE = """
import sys, trafilatura
from warcio.archiveiterator import ArchiveIterator
with open(sys.argv[1], "rb") as handle:
    for record in ArchiveIterator(handle):
        if record.rec_type == "response":
            html = record.content_stream().read().decode("utf-8", "replace")
            trafilatura.extract(html, url=record.rec_headers.get_header("WARC-Target-URI"))
"""


def write_warc(path: Path, count: int) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    pages = fixture_pages()
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True, warc_version="1.1")
        for i in range(count):
            body, url = pages[i % len(pages)]
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=BytesIO(body), http_headers=headers,
                warc_headers_dict={"WARC-Date": "2026-11-27T00:00:00Z"},
            )  # fmt: skip
            writer.write_record(record)


def timed(command: list[str]) -> tuple[float, float]:
    """(wall seconds, peak RSS MiB) of one whole process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    if status:
        raise SystemExit(f"failed: {' '.join(command)}")
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        warc = Path(tmp) / "bench.warc.gz"
        write_warc(warc, args.pages)
        runs = {
            "trafilatura": [sys.executable, "-c", BARE, str(warc)],
            "warta 1 worker": [sys.executable, "-m", "crawler.cli", "reextract", str(warc), "-o",
                               str(Path(tmp) / "w1.jsonl"), "--workers", "1"],
            "warta 2 workers": [sys.executable, "-m", "crawler.cli", "reextract", str(warc), "-o",
                                str(Path(tmp) / "w2.jsonl"), "--workers", "2"],
        }  # fmt: skip
        results = {name: timed(command) for name, command in runs.items()}
    print(f"{args.pages} pages from {len(fixture_pages())} fixture pages, {os.cpu_count()} cores")
    base = args.pages / results["trafilatura"][0]
    one = args.pages / results["warta 1 worker"][0]
    for name, (seconds, peak) in results.items():
        rate = args.pages / seconds
        ratios = f"{rate / base:5.2f}x trafilatura  {rate / one:5.2f}x 1 worker"
        print(f"{name:<16} {rate:7.1f} pages/s  {ratios}  peak {peak:6.1f} MiB")


if __name__ == "__main__":
    main()
