"""What warta's extraction costs beside bare trafilatura, on the same pages in the same run.

Run from the repo root:  python benchmarks/extract.py [--rounds N]

Pages: the article pages of ../shared/corpus when that folder exists, else the hand-written
fixture pages of tests/fixtures. Three engines read every page, interleaved, for N rounds:
- ``trafilatura``: ``trafilatura.extract(html, url=url)``, text only, the baseline;
- ``warta site``: ``build_record`` with the page's site rules (the whole record: metadata, dates,
  cleanup, identity, validation);
- ``warta generic``: ``build_record`` with no site rules (trafilatura plus warta's own passes).
The best round of each is reported in milliseconds a page, with its ratio to the baseline.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

import trafilatura  # noqa: E402
from fixture_pages import fixture_pages  # noqa: E402

from crawler.extraction.steps import build_record  # noqa: E402
from crawler.sites import site_for_url  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
NOW = datetime(2026, 11, 27, tzinfo=UTC)


def pages(corpus: Path) -> tuple[str, list[tuple[bytes, str]]]:
    """(where the pages come from, [(html, url)])."""
    if (corpus / "truth").is_dir():
        found = []
        for path in sorted((corpus / "truth").glob("*.json")):
            truth = json.loads(path.read_text("utf-8"))
            if truth.get("kind") == "article":
                found.append(((corpus / truth["page"]).read_bytes(), truth["url"]))
        return f"{len(found)} corpus article pages", found
    found = fixture_pages()
    return f"{len(found)} fixture article pages (no corpus at {corpus})", found


def one_pass_ms(run: Callable[[bytes, str], object], items: list[tuple[bytes, str]]) -> float:
    gc.collect()
    gc.disable()
    start = time.perf_counter()
    for body, url in items:
        run(body, url)
    elapsed = time.perf_counter() - start
    gc.enable()
    return elapsed / len(items) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    source, items = pages(args.corpus)
    engines: dict[str, Callable[[bytes, str], object]] = {
        "trafilatura": lambda body, url: trafilatura.extract(body.decode("utf-8", "replace"), url=url),
        "warta site": lambda body, url: build_record(body, url, NOW, site_for_url(url)),
        "warta generic": lambda body, url: build_record(body, url, NOW, None),
    }
    for run in engines.values():  # warm up: imports, the language model, caches
        run(*items[0])
    times = {name: float("inf") for name in engines}
    for _ in range(args.rounds):  # interleaved, so a busy machine slows all three alike
        for name, run in engines.items():
            times[name] = min(times[name], one_pass_ms(run, items))
    print(f"{source}, best of {args.rounds} rounds")
    base = times["trafilatura"]
    for name, value in times.items():
        print(f"{name:<14} {value:7.1f} ms/page   {value / base:5.2f}x trafilatura")


if __name__ == "__main__":
    main()
