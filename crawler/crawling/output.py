"""Output a reader can trust: a JSON Lines file appears under its final name only when
complete (written as ``NAME.partial``, flushed, fsynced, renamed), and a file a killed run
left behind is finished by the next run, cut at its last complete line.

``AtomicFileStorage`` plugs this into Scrapy's FEEDS for plain paths and ``file://`` URIs,
so ``scrapy crawl -O`` gets it too; with a seen-store configured (``WARTA_STATE``), the ids
in a finished file are recorded right after the rename.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from scrapy.extensions.feedexport import FileFeedStorage

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

PARTIAL = ".partial"


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def replace_atomically(staging: Path, final: Path) -> Path:
    """Flush the staged file to disk, rename it to its final name and flush the folder: after
    a crash the final name holds the whole file or the old one, never part of it."""
    with staging.open("rb") as handle:
        os.fsync(handle.fileno())
    os.replace(staging, final)
    _fsync_dir(final.parent)
    return final


def write_atomically(path: Path, data: bytes) -> Path:
    """Write a small file (a run summary) whole or not at all. Its staging name is not a
    ``.partial`` one: recovery finishes only JSON Lines files."""
    staging = path.with_name(path.name + ".tmp")
    staging.write_bytes(data)
    return replace_atomically(staging, path)


def finish(partial: Path) -> Path:
    """Cut a partial file at its last complete line and move it to its final name (gzip when
    the final name ends in .gz). Returns the final path."""
    final = partial.with_name(partial.name[: -len(PARTIAL)])
    with partial.open("rb+") as handle:
        cut = handle.read().rfind(b"\n") + 1
        handle.truncate(cut)
    if final.suffix != ".gz":
        return replace_atomically(partial, final)
    staging = final.with_name(final.name + ".gzpart")
    with partial.open("rb") as src, gzip.open(staging, "wb") as dst:
        shutil.copyfileobj(src, dst)
    replace_atomically(staging, final)
    partial.unlink()
    return final


def read_records(path: Path) -> Iterator[dict[str, Any]]:
    """The records of a finished JSON Lines file (plain or gzip)."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def leftovers(directory: Path) -> list[Path]:
    return sorted(directory.rglob(f"*{PARTIAL}")) if directory.exists() else []


def mark_seen(path: Path, state: str | None) -> int:
    if not state:
        return 0
    from crawler.crawling.state import SeenStore

    with SeenStore(state) as store:
        return store.mark_written(read_records(path))


def recover(directory: Path, state: str | None) -> list[Path]:
    """Finish the files a killed run left under ``directory`` and record their ids."""
    finished = []
    for partial in leftovers(directory):
        final = finish(partial)
        mark_seen(final, state)
        finished.append(final)
    return finished


class AtomicFileStorage(FileFeedStorage):
    """FEEDS storage: write NAME.partial, then fsync + rename to NAME in ``store``."""

    def __init__(self, uri: str, *, feed_options: dict[str, Any] | None = None, state: str | None = None):
        super().__init__(uri, feed_options=feed_options)
        self.state = state

    @classmethod
    def from_crawler(cls, crawler: Crawler, uri: str, *, feed_options: dict[str, Any] | None = None):
        return cls(uri, feed_options=feed_options, state=crawler.settings.get("WARTA_STATE") or None)

    def open(self, spider) -> IO[bytes]:
        final = Path(self.path)
        final.parent.mkdir(parents=True, exist_ok=True)
        partial = final.with_name(final.name + PARTIAL)
        if self.write_mode == "ab" and final.exists() and final.suffix != ".gz":
            shutil.copyfile(final, partial)  # appending still replaces the file in one step
        return partial.open(self.write_mode)

    def store(self, file: IO[bytes]) -> None:
        file.flush()
        os.fsync(file.fileno())
        partial = Path(file.name)
        file.close()
        mark_seen(finish(partial), self.state)
