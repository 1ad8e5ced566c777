"""`warta reextract` on datatrove's executors (local, Slurm, Ray): ``pip install "warta[datatrove]"``.

    LocalPipelineExecutor(pipeline=[
        WartaWarcReader("warcs/"),  # warta's own WARC reading, on any filesystem datatrove reads
        WartaExtractor(),  # warta's extraction: a document per record, text = the record's text
        JsonlWriter("records/", adapter=as_record, compression=None),  # warta's records as they are
    ], tasks=8).run()

datatrove's own ``WarcReader`` is not enough: it keeps no HTTP status (404 pages become
documents), no Content-Type and no raw bytes (it decodes bodies by a guess), and stops at a broken
record. :class:`WartaWarcReader` reads with :func:`crawler.corpus.warcs.pages_of` instead: the
same pages as ``warta reextract``, what is no article counted by the same reasons in datatrove's
stats, each page's bytes carried in the document's media. :class:`WartaExtractor` runs the same
:func:`crawler.corpus.articles.article` and :func:`crawler.corpus.reextract.verdict` on them.

A split article is joined when its other pages are in the same file, as in ``warta reextract``:
the file is indexed the first time an article asks for another page. Ids already written are
dropped within a task, not across tasks (``warta dedup`` over the output drops the rest).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from datatrove.data import Document, DocumentsPipeline, MediaType
from datatrove.pipeline.base import PipelineStep
from datatrove.pipeline.readers.base import BaseDiskReader
from datatrove.utils.logging import logger
from datatrove.utils.typeshelper import StatHints

from crawler.corpus.articles import Lookup, article
from crawler.corpus.reextract import verdict
from crawler.corpus.warcs import Options, Page, Tally, WarcFile, index_of, page_at, pages_of
from crawler.errors import WartaError
from crawler.extraction.record import ADDED_KEYS, KEY_ORDER, Record


@dataclass(frozen=True)
class _Stat:
    st_size: int


@dataclass(frozen=True)
class RemoteFile:
    """A WARC file on a filesystem fsspec reads (``s3://``, ``hf://``), opened as warta's reading
    opens a local :class:`Path`: raw bytes, since warcio reads gzip members one by one."""

    url: str

    def open(self, mode: str) -> IO[Any]:
        from fsspec.core import url_to_fs

        fs, path = url_to_fs(self.url)
        return fs.open(path, mode)

    def stat(self) -> _Stat:
        from fsspec.core import url_to_fs

        fs, path = url_to_fs(self.url)
        return _Stat(fs.size(path))

    def __str__(self) -> str:
        return self.url


def warc_file(resolved: str) -> WarcFile:
    """The file at a path datatrove resolved: local paths come without a protocol."""
    return RemoteFile(resolved) if "://" in resolved else Path(resolved)


def document_data(page: Page) -> dict[str, Any]:
    """What a reader's adapter gets for a page: its decoded HTML as text (what datatrove's
    ``WarcReader`` gives), URL, WARC-Date and Content-Type, and its bytes as the one media."""
    from crawler.extraction.document import decode

    return {
        "text": decode(page.body, page.content_type),
        "url": page.url,
        "date": page.fetched_at.isoformat(),
        "content_type": page.content_type,
        "media": [{"id": page.url, "type": MediaType.DOCUMENT, "url": page.url, "media_bytes": page.body}],
    }


def page_of(document: Document) -> Page:
    """The page a :class:`WartaWarcReader` document was read from."""
    url = document.metadata.get("url")
    body = next((m.media_bytes for m in document.media if m.url == url and m.media_bytes is not None), None)
    if url is None or body is None:
        raise ValueError(f"document {document.id} has no page's bytes: read the WARCs with WartaWarcReader")
    fetched_at = datetime.fromisoformat(document.metadata["date"])
    return Page(url, body, fetched_at, document.metadata.get("content_type"))


class WartaWarcReader(BaseDiskReader):
    """The article pages of WARC files, as ``warta reextract`` reads them (``everything``: as
    ``--all``; ``domains``: as ``--domains``); the other keyword arguments are datatrove's
    (``glob_pattern``, ``paths_file``, ``limit``, ...). Not a ``WarcReader`` subclass: that would
    require python-magic and cchardet, which this reading does not use."""

    name = "🕷 Warc (warta)"
    _requires_dependencies = ["warcio"]

    def __init__(
        self, data_folder: Any, everything: bool = False, domains: tuple[str, ...] = (), **kwargs: Any
    ) -> None:
        super().__init__(data_folder, **kwargs)
        self.options = Options(everything=everything, domains=tuple(d.lower() for d in domains))

    def read_file(self, filepath: str) -> Iterator[Document]:
        tally = Tally()
        try:
            pages = pages_of(warc_file(self.data_folder.resolve_paths(filepath)), self.options, tally)
            for number, page in enumerate(pages):
                with self.track_time():
                    document = self._document(page, filepath, number)
                if document is not None:
                    yield document
        finally:
            self._count(tally)

    def _document(self, page: Page, filepath: str, number: int) -> Document | None:
        try:
            data = document_data(page)
        except WartaError as exc:  # a binary body: extraction would say the same
            self.stat_update(exc.reason)
            return None
        document = self.get_document_from_dict(data, filepath, number)
        if document is None:
            self.stat_update("empty page")
        return document

    def _count(self, tally: Tally) -> None:
        """What was no page to read, by reason, in datatrove's stats; broken records named."""
        for reason, count in tally.skipped.items():
            self.stat_update(reason, value=count)
        for problem in tally.broken:
            logger.warning(f"broken WARC: {problem}")
        if tally.broken:
            self.stat_update("broken record", value=len(tally.broken))


class _Pages:
    """The other pages of the file a document was read from, for split articles: the file is
    indexed the first time one is asked for (most articles never ask)."""

    def __init__(self) -> None:
        self.path: str | None = None
        self.index: dict[str, int] = {}

    def lookup(self, path: str | None) -> Lookup:
        def find(url: str) -> Page | None:
            if path is None:  # the reader was told not to add file_path
                return None
            if self.path != path:
                self.path, self.index = path, index_of(warc_file(path))
            offset = self.index.get(url)
            return page_at(warc_file(path), offset) if offset is not None else None

        return find


class WartaExtractor(PipelineStep):
    """warta's record of each page a :class:`WartaWarcReader` read: the document's text becomes
    the record's text, its id the record's id, its metadata every other key of the record. What
    gives no record is dropped and counted by reason (``language``: as ``--language``;
    ``timezone``: as ``--timezone``)."""

    name = "📰 warta"
    type = "🛢 - EXTRAC"

    def __init__(self, language: str | None = None, timezone: str | None = None) -> None:
        super().__init__()
        self.options = Options(language=language, timezone=timezone)

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        from crawler.extraction.dates import zone_named

        zone = zone_named(self.options.timezone) if self.options.timezone else None
        pages, seen, used, current = _Pages(), set[str](), set[str](), None
        for document in data:
            self.stat_update(StatHints.total)
            path = document.metadata.get("file_path")
            if path != current:  # as reextract: pages of a split article are looked for per file
                current, used = path, set()
            with self.track_time():
                page = page_of(document)
                made = article(page, pages.lookup(path), zone)
                kept = verdict(page, made, self.options, seen, used)
            if isinstance(kept, str):
                self.stat_update(kept, StatHints.dropped)
                continue
            if made.incomplete:
                self.stat_update("split article without every page")
            yield self._filled(document, kept)

    def _filled(self, document: Document, record: Record) -> Document:
        document.text, document.id = record["text"], record["id"]
        document.metadata = {key: value for key, value in record.items() if key != "text"}
        document.media = []  # the page's bytes: read, no longer needed downstream
        self.stat_update(StatHints.forwarded)
        self.update_doc_stats(document)
        return document


def as_record(writer: Any, document: Document) -> dict[str, Any]:
    """A writer's adapter giving warta's record of a :class:`WartaExtractor` document, keys in
    the record's order: ``JsonlWriter(folder, adapter=as_record)`` writes warta's JSON Lines."""
    fields = {**document.metadata, "text": document.text}
    return {key: fields[key] for key in (*KEY_ORDER, *ADDED_KEYS) if key in fields}
