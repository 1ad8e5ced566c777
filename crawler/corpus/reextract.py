"""Records from WARC files: warta's own archives, Common Crawl's CC-NEWS, wget or Heritrix.

Each HTML ``response`` record whose URL is an article URL of a known site is read by that
site's rules (``everything``: any other HTML response by the generic path too), with the
record's ``WARC-Date`` as ``fetched_at``: the same record a crawl writes for the same response.
A response that gives no record is counted by reason: revisit, truncated, not HTTP 200, not
HTML, not an article URL, outside ``domains``, too large, another language, an id already
written, and the extraction's own reasons (requests, warcinfo and metadata records are no
pages and not counted). Files are streamed record by record; extraction runs in a process pool
a batch at a time, so memory stays flat and the output does not depend on the pool's size.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from crawler.errors import WartaError
from crawler.extraction.document import MAX_PAGE_BYTES
from crawler.extraction.record import Record

WARC_SUFFIXES = (".warc", ".warc.gz")


@dataclass
class Options:
    everything: bool = False  # --all: the generic path for any other HTML response
    domains: tuple[str, ...] = ()  # --domains: only these hosts (and their subdomains)
    language: str | None = None  # --language: only records in this language


@dataclass
class Tally:
    written: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    broken: list[str] = field(default_factory=list)  # "FILE: what was wrong"


def warc_files(inputs: Iterable[str]) -> list[Path]:
    """The WARC files named, and those under the folders named, in a stable order."""
    found: list[Path] = []
    for name in inputs:
        path = Path(name)
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.name.endswith(WARC_SUFFIXES) and p.is_file())
        else:
            found.append(path)
    return found


def _wanted_host(url: str, domains: tuple[str, ...]) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return not domains or any(host == d or host.endswith("." + d) for d in domains)


def _skip_reason(record: Any, options: Options) -> str | None:
    """Why a WARC record is no article page, before its payload is read."""
    from crawler.sites import site_for_url

    if record.rec_type == "revisit":
        return "revisit"
    if record.rec_type != "response":
        return None  # requests, warcinfo, metadata: not counted, they are not pages
    if record.rec_headers.get_header("WARC-Truncated"):
        return "truncated"
    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    status = record.http_headers.get_statuscode() if record.http_headers else None
    if status != "200":
        return f"HTTP {status}" if status else "not HTTP"
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    if content_type and "html" not in content_type:
        return "not HTML"
    if not _wanted_host(url, options.domains):
        return "outside --domains"
    site = site_for_url(url)
    if not options.everything and (site is None or not site.is_article_url(url)):
        return "not an article URL"
    return ""


def _fetched_at(record: Any) -> datetime:
    return datetime.fromisoformat(record.rec_headers.get_header("WARC-Date").replace("Z", "+00:00"))


@dataclass(frozen=True)
class Page:
    """An article page read from a WARC record: what extraction needs, small to send a worker."""

    url: str
    body: bytes
    fetched_at: datetime
    content_type: str | None


def pages_of(path: Path, options: Options, tally: Tally) -> Iterator[Page]:
    """The article pages of one WARC file, streamed in file order; what is skipped is counted in
    ``tally``. A file warcio cannot read on (a bad gzip member or HTTP head) is named in
    ``tally.broken``."""
    from warcio.archiveiterator import ArchiveIterator

    try:
        with path.open("rb") as handle:
            for warc in ArchiveIterator(handle):
                reason = _skip_reason(warc, options)
                if reason:
                    tally.skipped[reason] += 1
                if reason is None or reason:
                    continue
                body = warc.content_stream().read(MAX_PAGE_BYTES + 1)
                if len(body) > MAX_PAGE_BYTES:  # as a crawl refuses it
                    tally.skipped["too large"] += 1
                    continue
                url = warc.rec_headers.get_header("WARC-Target-URI")
                yield Page(url, body, _fetched_at(warc), warc.http_headers.get_header("Content-Type"))
    except Exception as exc:  # warcio's own errors, zlib.error, a cut file: the file stops here
        said = (str(exc).splitlines() or [""])[0][:80]  # warcio quotes the bad bytes at length
        tally.broken.append(f"{path}: {type(exc).__name__}: {said}; the rest of the file is not read")


def extract(page: Page) -> Record | str:
    """The record of one page, or the reason there is none (runs in a worker process)."""
    from crawler.extraction.steps import build_record
    from crawler.sites import site_for_url

    try:
        return build_record(page.body, page.url, page.fetched_at, site_for_url(page.url), page.content_type)
    except WartaError as exc:
        return exc.reason
    except Exception as exc:  # a bug on a hostile page: counted, as a crawl counts it, not fatal
        return f"extraction error ({type(exc).__name__})"


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
    for results in _extracted(_batches(pages, 64), pool):
        for result in results:
            if isinstance(result, str):
                tally.skipped[result] += 1
            elif options.language and result.get("language") != options.language:
                tally.skipped["another language"] += 1
            elif result["id"] in seen:
                tally.skipped["id already written"] += 1
            else:
                seen.add(result["id"])
                tally.written += 1
                yield result


def _extracted(batches: Iterator[list[Page]], pool: Any) -> Iterator[list[Record | str]]:
    if pool is None:
        yield from (list(map(extract, batch)) for batch in batches)
        return
    waiting: deque[Any] = deque()
    for batch in batches:
        waiting.append(pool.map_async(extract, batch))
        if len(waiting) > 2:  # at most three batches in flight
            yield waiting.popleft().get()
    while waiting:
        yield waiting.popleft().get()


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


def reextract(
    files: list[Path], options: Options, output: Path | None, out_dir: Path | None, workers: int = 1
) -> Tally:
    """Every file's records into ``output``, or each file's into ``out_dir/<name>.jsonl``; a
    file whose output is already there is skipped, so a killed run resumes where it stopped.
    ``workers`` > 1: extraction in that many processes."""
    import multiprocessing

    tally, seen = Tally(), set[str]()
    with multiprocessing.get_context("fork").Pool(workers) if workers > 1 else nullcontext() as pool:
        if output is not None:
            pages = (page for path in files for page in pages_of(path, options, tally))
            _write(records_of(pages, options, tally, seen, pool), output)
            return tally
        assert out_dir is not None
        for path in files:
            target = out_dir / output_name(path)
            if target.exists():
                tally.skipped["input already done"] += 1
                continue
            _write(records_of(pages_of(path, options, tally), options, tally, seen, pool), target)
    return tally
