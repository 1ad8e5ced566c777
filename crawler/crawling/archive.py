"""Every response a run receives, archived as WARC/1.1 (ISO 28500) through warcio, so a corpus
can be rebuilt when extraction improves.

``WARTA_WARC`` (``--warc DIR``) turns it on: each response Scrapy's downloader hands back
(articles, listings, feeds, sitemaps, robots.txt, redirects, errors; before any middleware
changes it) is a ``response`` record with its ``request`` record, one gzip member each, after a
``warcinfo`` record. Bodies are stored as received: a Content-Encoding (gzip, br) is kept with
its header, so the payload digest is the digest of the bytes the server sent; only the chunked
Transfer-Encoding, which Scrapy has already undone, is left out of the headers.

A file is written as ``DIR/<site>/<UTC stamp>-<pid>-<n>.warc.gz.open`` and gets its final name when it
is closed: at ``WARTA_WARC_MAX_BYTES`` (rotation) and at the end of the run. A file a killed run
left open is cut at its last complete record and closed by the next one (:func:`recover`).
"""

from __future__ import annotations

import os
import zlib
from datetime import UTC, datetime
from http import HTTPStatus
from io import BytesIO
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.exceptions import NotConfigured

from crawler import __version__

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.http import Request, Response

OPEN = ".open"
_CHUNK = 1 << 20
# The settings that change what is fetched, for the warcinfo record.
FETCH_SETTINGS = (
    "USER_AGENT", "ROBOTSTXT_OBEY", "DOWNLOAD_MAXSIZE", "WARTA_MAX_PAGE_BYTES", "DOWNLOAD_TIMEOUT"
)  # fmt: skip


def warc_date(moment: datetime) -> str:
    """The second a response came, as WARC-Date and as the record's ``fetched_at`` say it."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _headers(pairs: Any) -> list[tuple[str, str]]:
    out = []
    for name, values in pairs.items():
        key = name.decode("latin-1")
        if key.lower() == "transfer-encoding":  # Scrapy has de-chunked the body already
            continue
        out += [(key, v.decode("latin-1")) for v in values]
    return out


def http_records(writer: Any, request: Request, response: Response, when: datetime) -> tuple[Any, Any]:
    """The ``request`` and ``response`` records of one exchange."""
    from warcio.statusandheaders import StatusAndHeaders

    date = {"WARC-Date": warc_date(when)}
    parts = urlsplit(request.url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    asked = StatusAndHeaders(
        f"{request.method} {target} HTTP/1.1",
        [("Host", parts.netloc), *_headers(request.headers)],
        is_http_request=True,
    )
    sent = BytesIO(request.body or b"")
    req = writer.create_warc_record(
        request.url, "request", payload=sent, http_headers=asked, warc_headers_dict=date
    )
    try:
        phrase = HTTPStatus(response.status).phrase
    except ValueError:
        phrase = "Unknown"
    got = StatusAndHeaders(
        f"{response.status} {phrase}", _headers(response.headers), protocol=response.protocol or "HTTP/1.1"
    )
    resp = writer.create_warc_record(
        response.url, "response", payload=BytesIO(response.body), http_headers=got, warc_headers_dict=date
    )
    return req, resp


class WarcFile:
    """One WARC file being written: opened with its warcinfo record, closed under its final name."""

    def __init__(self, path: Path, info: dict[str, str]) -> None:
        from warcio.warcwriter import WARCWriter

        self.final = path
        self.handle: IO[bytes] = path.with_name(path.name + OPEN).open("wb")
        self.writer = WARCWriter(self.handle, gzip=True, warc_version="1.1")
        self.writer.write_record(self.writer.create_warcinfo_record(path.name, info))

    def write(self, request: Request, response: Response, when: datetime) -> int:
        request_record, response_record = http_records(self.writer, request, response, when)
        self.writer.write_request_response_pair(request_record, response_record)
        return self.handle.tell()

    def close(self) -> Path:
        self.handle.flush()
        os.fsync(self.handle.fileno())
        self.handle.close()
        os.replace(self.handle.name, self.final)
        return self.final


class WarcArchive:
    """The extension: archives each downloaded response of one crawler's spider."""

    def __init__(self, crawler: Crawler, folder: Path, max_bytes: int) -> None:
        self.crawler, self.folder, self.max_bytes = crawler, folder, max_bytes
        self.file: WarcFile | None = None
        self.count = 0
        self.error = ""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> WarcArchive:
        folder = crawler.settings.get("WARTA_WARC")
        if not folder:
            raise NotConfigured
        archive = cls(crawler, Path(folder), crawler.settings.getint("WARTA_WARC_MAX_BYTES", 10**9))
        crawler.signals.connect(archive.downloaded, signal=signals.response_downloaded)
        crawler.signals.connect(archive.closed, signal=signals.spider_closed)
        return archive

    def _info(self) -> dict[str, str]:
        settings = self.crawler.settings
        info = {"software": f"warta/{__version__}", "format": "WARC File Format 1.1"}
        info.update({name: str(settings.get(name)) for name in FETCH_SETTINGS})
        contact = settings.get("WARTA_CONTACT")
        return {**info, "operator": contact} if contact else info

    def _open(self) -> WarcFile:
        spider = self.crawler.spider
        site = spider.name if spider is not None else "warta"
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        self.count += 1
        folder = self.folder / site
        folder.mkdir(parents=True, exist_ok=True)
        name = f"{stamp}-{os.getpid()}-{self.count:05d}.warc.gz"  # two runs in one second differ
        return WarcFile(folder / name, self._info())

    def downloaded(self, response: Response, request: Request, spider: Any) -> None:
        when = datetime.now(UTC).replace(microsecond=0)
        request.meta["warta_fetched_at"] = when  # the record's fetched_at: the same second
        if self.error:
            return
        try:
            if self.file is None:
                self.file = self._open()
            if self.file.write(request, response, when) >= self.max_bytes:
                self._close()
        except OSError as exc:  # a signal handler's exception is only logged: keep it for the report
            self.fail(exc)

    def closed(self, spider: Any) -> None:
        try:
            self._close()
        except OSError as exc:
            self.fail(exc)

    def _close(self) -> None:
        if self.file is not None:
            file, self.file = self.file, None
            file.close()

    def fail(self, exc: OSError) -> None:
        """Archiving stops; the run's report names it (``warta/archive_error``) and fails."""
        self.error = f"cannot write the WARC archive under {self.folder}: {exc.strerror or exc}"
        assert self.crawler.stats is not None
        self.crawler.stats.set_value("warta/archive_error", self.error)


def recover(folder: Path) -> list[Path]:
    """Close the WARC files a killed run left open under ``folder``: each is cut at the end of
    its last complete record and given its final name."""
    finished = []
    for path in sorted(folder.glob(f"*/*.warc.gz{OPEN}")) if folder.is_dir() else []:
        end = _complete_end(path)
        with path.open("rb+") as handle:
            handle.truncate(end)
            handle.flush()
            os.fsync(handle.fileno())
        final = path.with_name(path.name[: -len(OPEN)])
        os.replace(path, final)
        finished.append(final)
    return finished


def _complete_end(path: Path) -> int:
    """The offset after the last whole gzip member (one record each), read in bounded chunks:
    a member cut by the kill does not reach its end."""
    end = base = 0  # end of the last whole member; offset of ``data`` in the file
    data = b""
    inflater = zlib.decompressobj(wbits=31)
    with path.open("rb") as handle:
        while True:
            data = data or handle.read(_CHUNK)
            if not data:
                return end
            try:
                inflater.decompress(data, _CHUNK)  # the output is not needed, only where it ends
            except zlib.error:
                return end
            if inflater.eof:
                end = base = base + len(data) - len(inflater.unused_data)
                data, inflater = inflater.unused_data, zlib.decompressobj(wbits=31)
            else:
                base += len(data) - len(inflater.unconsumed_tail)
                data = inflater.unconsumed_tail
