"""Records from WARC files: warta's own archives, Common Crawl's CC-NEWS, wget or Heritrix.

Each HTML ``response`` record whose URL is an article URL of a known site is read by that
site's rules (``everything``: any other HTML response by the generic path too), with the
record's ``WARC-Date`` as ``fetched_at``: the same record a crawl writes for the same response,
split articles joined when the same file holds their other pages (:mod:`crawler.corpus.articles`).
What gives no record is counted by reason (:mod:`crawler.corpus.warcs`, and another language, an
id already written, a page of a split article, the extraction's own reasons). Files are streamed;
extraction runs in a process pool a batch at a time, so memory stays flat and the output does not
depend on the pool's size.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from datetime import tzinfo
from pathlib import Path
from typing import Any

from crawler.corpus.articles import Article, article
from crawler.corpus.progress import Show
from crawler.corpus.warcs import Options, Page, Tally, index_of, page_at, pages_of
from crawler.extraction.dates import zone_named
from crawler.extraction.record import Record


@dataclass(frozen=True)
class Source:
    """The file being read: its pages by URL (for split articles), the zone of times printed
    without one (``--timezone``)."""

    path: Path
    index: dict[str, int]
    zone: tzinfo | None = None


_source: Source | None = None


def _read_from(source: Source) -> None:
    """Where :func:`extract` finds what it needs besides the page (a worker's initializer)."""
    global _source
    _source = source


def _lookup(url: str) -> Page | None:
    assert _source is not None
    offset = _source.index.get(url)
    return page_at(_source.path, offset) if offset is not None else None


def extract(page: Page) -> Article:
    """The record of one page, joined with its other pages (runs in a worker process)."""
    assert _source is not None
    return article(page, _lookup, _source.zone)


def _batches(pages: Iterable[Page], size: int) -> Iterator[list[Page]]:
    batch: list[Page] = []
    for page in pages:
        batch.append(page)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def records_of(
    pages: Iterable[Page], options: Options, tally: Tally, seen: set[str], pool: Any = None
) -> Iterator[Record]:
    """The pages' records in input order, extracted in ``pool`` (a process pool) when given: a
    batch at a time, the next batch already at work while one is written, so memory stays flat
    and the output is the same whatever the pool."""
    used: set[str] = set()  # pages read into an article before them: no record of their own
    for batch in _extracted(_batches(pages, 64), pool):
        for page, made in batch:
            kept = verdict(page, made, options, seen, used)
            if isinstance(kept, str):
                tally.skipped[kept] += 1
                continue
            tally.written += 1
            tally.incomplete += made.incomplete
            yield kept


def verdict(page: Page, made: Article, options: Options, seen: set[str], used: set[str]) -> Record | str:
    """The record to write for ``page`` (its id then in ``seen``), or why there is none; the
    pages read into it go into ``used``. Shared with the datatrove step, so both keep the same."""
    result = made.result
    used_before = page.url in used
    used.update(made.used)
    if used_before:
        return "page of a split article"
    if isinstance(result, str):
        return result
    if options.language and result.get("language") != options.language:
        return "another language"
    if result["id"] in seen:
        return "id already written"
    seen.add(result["id"])
    return result


def _extracted(batches: Iterator[list[Page]], pool: Any) -> Iterator[list[tuple[Page, Article]]]:
    if pool is None:
        yield from ([(page, extract(page)) for page in batch] for batch in batches)
        return
    waiting: deque[tuple[list[Page], Any]] = deque()
    for batch in batches:
        waiting.append((batch, pool.map_async(extract, batch)))
        if len(waiting) > 2:  # at most three batches in flight
            done, result = waiting.popleft()
            yield list(zip(done, result.get(), strict=True))
    while waiting:
        done, result = waiting.popleft()
        yield list(zip(done, result.get(), strict=True))


def _write(records: Iterable[Record], target: Path) -> None:
    """The records into ``target``, whole or not at all (the crawl's own commit)."""
    from crawler.crawling.output import PARTIAL, commit, release
    from crawler.extraction.record import to_json_line

    target.parent.mkdir(parents=True, exist_ok=True)
    lines = target.with_name(target.name + PARTIAL)
    with lines.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(to_json_line(record) + "\n")
    release(commit(lines), None)


def output_name(warc: Path) -> str:
    name = warc.name
    for suffix in (".warc.gz", ".warc"):
        name = name.removesuffix(suffix)
    return name + ".jsonl"


def _file_records(path: Path, options: Options, tally: Tally, seen: set[str], run: Run) -> Iterator[Record]:
    """The records of one file; its pages are indexed first, for the joins of split articles."""
    zone = zone_named(options.timezone) if options.timezone else None
    _read_from(Source(path, index_of(path), zone))
    with _pool(run.workers) as pool:
        for record in records_of(pages_of(path, options, tally), options, tally, seen, pool):
            run.show(tally.bytes_read, tally.written)
            yield record
    run.show(tally.bytes_read, tally.written)


def _pool(workers: int) -> AbstractContextManager[Any]:
    """A pool of ``workers`` processes reading the file being read (forked: the index is shared,
    not copied)."""
    if workers < 2:
        return nullcontext()
    assert _source is not None
    return multiprocessing.get_context("fork").Pool(workers, _read_from, (_source,))


@dataclass(frozen=True)
class Run:
    workers: int = 1  # > 1: extraction in that many processes
    show: Show = lambda done, written: None  # the progress bar's


def reextract(
    files: list[Path], options: Options, output: Path | None, out_dir: Path | None, run: Run = Run()
) -> Tally:
    """Every file's records into ``output``, or each file's into ``out_dir/<name>.jsonl``; a
    file whose output is already there is skipped, so a killed run resumes where it stopped."""
    tally, seen = Tally(), set[str]()
    if output is not None:
        _write((r for path in files for r in _file_records(path, options, tally, seen, run)), output)
        return tally
    assert out_dir is not None
    for path in files:
        target = out_dir / output_name(path)
        if target.exists():
            tally.skipped["input already done"] += 1
            tally.bytes_read += path.stat().st_size
            continue
        _write(_file_records(path, options, tally, seen, run), target)
    return tally
