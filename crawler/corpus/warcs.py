"""Reading WARC files as pages: warta's own archives, Common Crawl's CC-NEWS, wget or Heritrix.

Files are streamed record by record. A response that is no page to read is counted by reason:
revisit, truncated, not HTTP 200, not HTML, not an article URL, outside ``domains``, too large
(requests, warcinfo and metadata records are no pages and not counted). A broken record (a bad
gzip member or head, a file cut short) is named, and reading goes on at the next record start
found after it, so one bad byte loses one record, not the rest of a month of CC-NEWS.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO, Any, Protocol, TypeVar
from urllib.parse import urlsplit

from crawler.extraction.document import MAX_PAGE_BYTES

WARC_SUFFIXES = (".warc", ".warc.gz")
GZIP_MAGIC = b"\x1f\x8b\x08"  # the first bytes of a gzip member
WARC_MAGIC = b"WARC/1."  # the first bytes of an uncompressed record (WARC/1.0, WARC/1.1)
T = TypeVar("T")


@dataclass
class Options:
    everything: bool = False  # --all: the generic path for any other HTML response
    domains: tuple[str, ...] = ()  # --domains: only these hosts (and their subdomains)
    language: str | None = None  # --language: only records in this language
    timezone: str | None = None  # --timezone: of times printed without one, no site file


@dataclass
class Tally:
    written: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    broken: list[str] = field(default_factory=list)  # "FILE: record at byte N: what was wrong"
    incomplete: int = 0  # split articles written without a page the input does not hold
    bytes_read: int = 0  # of every input, so far: what a progress bar shows


@dataclass(frozen=True)
class Page:
    """A page read from a WARC record: what extraction needs, small to send a worker."""

    url: str
    body: bytes
    fetched_at: datetime
    content_type: str | None


class Size(Protocol):
    @property
    def st_size(self) -> int: ...


class WarcFile(Protocol):
    """What reading needs of a file: a local :class:`Path`, or a file on a filesystem datatrove
    reads (S3, the Hub: :class:`crawler.corpus.datatrove_step.RemoteFile`)."""

    def open(self, mode: str) -> IO[Any]: ...

    def stat(self) -> Size: ...


class BrokenRecord(Exception):
    """A record warcio read but the file cannot hold: it ends before the record does."""


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


def target_uri(warc: Any) -> str:
    """The record's URL; WARC/1.0 writers may wrap it in angle brackets."""
    return (warc.rec_headers.get_header("WARC-Target-URI") or "").strip().strip("<>")


def unreadable(warc: Any) -> str | None:
    """Why a record is no page to read ("" when it is one; None when it is no response at all).
    Raises BrokenRecord for an HTTP head that is none."""
    if warc.rec_type == "revisit":
        return "revisit"
    if warc.rec_type != "response":
        return None  # requests, warcinfo, metadata: not counted, they are not pages
    if warc.rec_headers.get_header("WARC-Truncated"):
        return "truncated"
    if not target_uri(warc).lower().startswith(("http://", "https://")):
        return "not HTTP"  # Heritrix's dns: records, and the like
    status = warc.http_headers.get_statuscode() if warc.http_headers else None
    if not status:
        return "not HTTP"
    if not (len(status) == 3 and status.isdigit()):  # warcio reads any first line as a status line
        raise BrokenRecord(f"bad HTTP head: {warc.http_headers.protocol} {warc.http_headers.statusline}")
    if status != "200":
        return f"HTTP {status}"
    content_type = (warc.http_headers.get_header("Content-Type") or "").lower()
    return "not HTML" if content_type and "html" not in content_type else ""


def _wanted_host(url: str, domains: tuple[str, ...]) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return not domains or any(host == d or host.endswith("." + d) for d in domains)


def _skip_reason(warc: Any, options: Options) -> str | None:
    """Why a record is no article page to extract, before its payload is read."""
    from crawler.sites import site_for_url

    reason = unreadable(warc)
    if reason is None or reason:
        return reason
    url = target_uri(warc)
    if not _wanted_host(url, options.domains):
        return "outside --domains"
    site = site_for_url(url)
    if site is not None and site.is_article_url(url):
        return ""
    if not options.everything or urlsplit(url).path.strip("/") == "":  # a home page is no article
        return "not an article URL"
    return ""


def read_page(warc: Any) -> Page | None:
    """The page of a readable response record; None when it is over the page limit."""
    try:
        body = warc.content_stream().read(MAX_PAGE_BYTES + 1)
    except Exception as exc:  # warcio undoes the Content-Encoding; a body that is not what it says
        encoding = warc.http_headers.get_header("Content-Encoding") or "none"
        raise BrokenRecord(f"the body is not what its Content-Encoding ({encoding}) says") from exc
    if len(body) > MAX_PAGE_BYTES:  # as a crawl refuses it
        return None
    if warc.raw_stream.limit:  # all was read, yet the record said it had more: the file is cut
        raise BrokenRecord(f"the file ends {warc.raw_stream.limit} bytes before the record does")
    stamp = datetime.fromisoformat(warc.rec_headers.get_header("WARC-Date").replace("Z", "+00:00"))
    return Page(target_uri(warc), body, stamp, warc.http_headers.get_header("Content-Type"))


def records(path: WarcFile, broken: list[str], read: Callable[[Any], T]) -> Iterator[tuple[int, T]]:
    """``read`` of every record of one file (payloads are read there), with the record's offset,
    in file order. A broken record is named in ``broken`` and reading goes on at the next record
    start found after it."""
    from warcio.archiveiterator import ArchiveIterator

    size = path.stat().st_size
    with path.open("rb") as handle:
        magic = GZIP_MAGIC if handle.read(2) == GZIP_MAGIC[:2] else WARC_MAGIC
        start: int | None = 0
        while start is not None:
            handle.seek(start)
            reader = ArchiveIterator(handle)
            try:
                for warc in reader:
                    yield reader.offset, read(warc)
                if reader.offset >= size:
                    return
                raise BrokenRecord("the file ends inside it")  # warcio stops without a word
            except Exception as exc:  # warcio's own errors, zlib.error, a cut file
                bad = reader.offset
                start = _next_start(handle, bad + 1, magic)
                said = _printable((str(exc).splitlines() or [""])[0][:80])  # warcio quotes the bad bytes
                goes_on = f"reading goes on at byte {start}" if start is not None else "nothing after it"
                broken.append(f"{path}: record at byte {bad}: {type(exc).__name__}: {said}; {goes_on}")


def _article_page(warc: Any, options: Options) -> Page | str | None:
    """The article page of a record, or why it is none (None: no page at all, not counted)."""
    reason = _skip_reason(warc, options)
    if reason is None or reason:
        return reason
    return read_page(warc) or "too large"


def pages_of(path: WarcFile, options: Options, tally: Tally) -> Iterator[Page]:
    """The article pages of one file, in file order; what is skipped is counted in ``tally``."""
    before = tally.bytes_read
    for offset, found in records(path, tally.broken, lambda warc: _article_page(warc, options)):
        tally.bytes_read = before + offset
        if isinstance(found, Page):
            yield found
        elif found:
            tally.skipped[found] += 1
    tally.bytes_read = before + path.stat().st_size


def _readable_url(warc: Any) -> str | None:
    return target_uri(warc) if unreadable(warc) == "" else None


def index_of(path: WarcFile) -> dict[str, int]:
    """The offset of every readable HTML response of one file by URL (the first one wins): where
    the other pages of a split article are found."""
    found: dict[str, int] = {}
    for offset, url in records(path, [], _readable_url):  # the reading pass names what is broken
        if url:
            found.setdefault(url, offset)
    return found


def page_at(path: WarcFile, offset: int) -> Page | None:
    """The page of the response record at ``offset``; None when it cannot be read."""
    from warcio.archiveiterator import ArchiveIterator

    with path.open("rb") as handle:
        handle.seek(offset)
        try:
            return read_page(next(iter(ArchiveIterator(handle))))
        except Exception:  # the reading pass names what is broken
            return None


def _printable(text: str) -> str:
    return "".join(c if c.isascii() and c.isprintable() else "?" for c in text)


def _next_start(handle: IO[Any], offset: int, magic: bytes) -> int | None:
    """Where the next record may start at or after ``offset``: a gzip member's first bytes, or
    an uncompressed record's version line; None at the end of the file."""
    handle.seek(offset)
    kept = b""
    while chunk := handle.read(1 << 20):
        found = (kept + chunk).find(magic)
        if found >= 0:
            return offset - len(kept) + found
        offset += len(chunk)
        kept = chunk[-(len(magic) - 1) :]
    return None
