"""Output a reader can trust: a JSON Lines file changes only in one step, to a complete state,
and no article is marked seen before its line is durably in a finished file.

A run writes its lines apart, in ``NAME.partial`` (the file's whole new content: ``-O``, or a
new file) or ``NAME.addition.partial`` (lines to add to NAME: ``-o``). To finish, the lines are
cut at the last complete one, ``NAME.staging`` is built (the old file, when adding, then the
lines; a gzip member of them for ``.gz``), the run's lines are renamed ``NAME.committed`` (the
point of no return), the staging file replaces NAME, the committed ids go into the seen-store,
and ``NAME.committed`` is removed. Each step is fsynced, so a run killed anywhere leaves files
the next run finishes (:func:`recover`) without losing or repeating a line.

``AtomicFileStorage`` plugs this into Scrapy's FEEDS for plain paths and ``file://`` URIs, so
``scrapy crawl -o/-O`` gets it too. A write that fails (no space, file-size limit, I/O error)
poisons the run's file: it is discarded, not finished, its ids are not marked seen, and the
error is put in the crawl stats (``warta/output_error``) for the run's report.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from scrapy.extensions.feedexport import FileFeedStorage

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

    from crawler.crawling.redisstate import RedisSeenStore

CUT_BLOCK = 1 << 16  # bytes read at a time when looking for a file's last whole line

PARTIAL = ".partial"  # the whole new content of NAME
ADDITION = ".addition.partial"  # lines to add to NAME
STAGING = ".staging"  # NAME as it will be, before it replaces NAME
COMMITTED = ".committed"  # the lines whose place in NAME is decided; their ids still to mark
# The files warta's own --out folders hold: DIR/<site>/<UTC stamp>.jsonl[.gz]
STAMPED = re.compile(r"^\d{8}T\d{6}Z\.jsonl(?:\.gz)?$")


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _beside(final: Path, suffix: str) -> Path:
    return final.with_name(final.name + suffix)


def replace_atomically(staging: Path, final: Path) -> Path:
    """Flush the staged file to disk, rename it to its final name and flush the folder: after
    a crash the final name holds the whole file or the old one, never part of it."""
    with staging.open("rb") as handle:
        os.fsync(handle.fileno())
    os.replace(staging, final)
    _fsync_dir(final.parent)
    return final


def write_atomically(path: Path, data: bytes) -> Path:
    """Write a small file (a run summary) whole or not at all."""
    staging = path.with_name(path.name + ".tmp")
    staging.write_bytes(data)
    return replace_atomically(staging, path)


def target_of(path: Path) -> tuple[Path, bool]:
    """The final file a run's lines file belongs to, and whether they are added to it."""
    for suffix, adds in ((ADDITION, True), (PARTIAL, False)):
        if path.name.endswith(suffix):
            return path.with_name(path.name[: -len(suffix)]), adds
    raise ValueError(f"not a file of lines to finish: {path}")


def _cut(path: Path) -> None:
    """Drop a last line a killed run left half-written. Read backwards a block at a time: the
    file may hold gigabytes of lines, memory only one block."""
    with path.open("rb+") as handle:
        end = handle.seek(0, os.SEEK_END)
        while end > 0:
            start = max(0, end - CUT_BLOCK)
            handle.seek(start)
            found = handle.read(end - start).rfind(b"\n")
            if found >= 0:
                handle.truncate(start + found + 1)
                return
            end = start
        handle.truncate(0)


def commit(lines: Path) -> Path:
    """Put a run's lines (``NAME.partial`` or ``NAME.addition.partial``) in NAME; returns
    ``NAME.committed``, whose ids the caller marks seen before removing it."""
    final, adds = target_of(lines)
    _cut(lines)
    staging = _beside(final, STAGING)
    with staging.open("wb") as out:
        if adds and final.exists():
            with final.open("rb") as old:
                shutil.copyfileobj(old, out)
        with lines.open("rb") as new:
            if final.name.endswith(".gz"):
                with gzip.GzipFile(fileobj=out, mode="wb", mtime=0) as member:
                    shutil.copyfileobj(new, member)
            else:
                shutil.copyfileobj(new, out)
        out.flush()
        os.fsync(out.fileno())
    committed = _beside(final, COMMITTED)
    os.replace(lines, committed)
    _fsync_dir(final.parent)
    _settle(final)
    return committed


def _settle(final: Path) -> None:
    staging = _beside(final, STAGING)
    if staging.exists():
        replace_atomically(staging, final)


def read_records(path: Path) -> Iterator[dict[str, Any]]:
    """The records of a JSON Lines file (gzip when its name ends in .gz)."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def mark_seen(path: Path, state: str | None, shared: RedisSeenStore | None = None) -> int:
    """The ids of a finished file into the seen-store, and into the shared one over Redis
    (``shared``) when the crawl is shared."""
    count = 0
    if state:
        from crawler.crawling.state import SeenStore

        with SeenStore(state) as store:
            count = store.mark_written(read_records(path))
    if shared is not None:
        count = shared.mark_written(read_records(path))
    return count


def release(committed: Path, state: str | None, shared: RedisSeenStore | None = None) -> None:
    """The last step: the committed lines' ids into the seen-store, then the file goes."""
    mark_seen(committed, state, shared)
    committed.unlink()


def recover_target(final: Path, state: str | None, shared: RedisSeenStore | None = None) -> list[Path]:
    """Finish what a killed run left for one output file: a decided addition is completed,
    an unfinished staging file dropped, lines written apart committed. Touches only NAME's
    own ``.partial``/``.addition.partial``/``.staging``/``.committed`` files. In a shared
    crawl, lines whose article another worker took over after this one died are left out."""
    finished = []
    committed = _beside(final, COMMITTED)
    if committed.exists():
        _settle(final)
        release(committed, state, shared)
        finished.append(final)
    _beside(final, STAGING).unlink(missing_ok=True)
    for suffix in (PARTIAL, ADDITION):
        lines = _beside(final, suffix)
        if lines.exists():
            if shared is not None:
                from crawler.crawling.redisstate import keep_claimable

                keep_claimable(lines, shared)
            release(commit(lines), state, shared)
            finished.append(final)
    return list(dict.fromkeys(finished))


def recover_folder(folder: Path, state: str | None, shared: RedisSeenStore | None = None) -> list[Path]:
    """Finish the leftovers of warta's own stamped files in one ``--out`` site folder (not
    below it, and no file whose name warta did not make)."""
    if not folder.is_dir():
        return []
    finals = set()
    for path in folder.iterdir():
        for suffix in (ADDITION, PARTIAL, STAGING, COMMITTED):
            name = path.name[: -len(suffix)] if path.name.endswith(suffix) else None
            if name and STAMPED.match(name):
                finals.add(folder / name)
                break
    return [done for final in sorted(finals) for done in recover_target(final, state, shared)]


def discard(final: Path) -> None:
    """Remove a file and every leftover of it (a piece of a joined output)."""
    for suffix in ("", PARTIAL, ADDITION, STAGING, COMMITTED):
        _beside(final, suffix).unlink(missing_ok=True)


def _shared(crawler: Crawler | None) -> RedisSeenStore | None:
    """The seen-store shared over Redis, when the crawl is (WARTA_REDIS)."""
    from crawler.crawling.redisstate import RedisSeenStore, settings_worker

    worker = settings_worker(crawler.settings) if crawler is not None else None
    return RedisSeenStore(worker) if worker is not None else None


class GuardedFile:
    """The file Scrapy's feed exporter writes to. Scrapy calls the exporter from a signal
    handler, where an exception is only logged; so the first write error is kept here, later
    writes are refused, and :meth:`AtomicFileStorage.store` acts on it."""

    def __init__(self, handle: IO[bytes]) -> None:
        self.handle = handle
        self.name = handle.name
        self.error: OSError | None = None

    def write(self, data: bytes) -> int:
        if self.error is None:
            try:
                return self.handle.write(data)
            except OSError as exc:
                self.error = exc
        return 0

    def flush(self) -> None:
        if self.error is None:
            try:
                self.handle.flush()
                os.fsync(self.handle.fileno())
            except OSError as exc:
                self.error = exc

    def close(self) -> None:
        try:
            self.handle.close()
        except OSError as exc:
            self.error = self.error or exc


class AtomicFileStorage(FileFeedStorage):
    """FEEDS storage: the run's lines written apart, committed to NAME in ``store``.

    Feed option ``warta_mark_seen`` (default true) says whether the ids go into the seen-store
    (``WARTA_STATE``); pieces that are joined later say false."""

    def __init__(
        self,
        uri: str,
        *,
        feed_options: dict[str, Any] | None = None,
        state: str | None = None,
        crawler: Crawler | None = None,
    ):
        super().__init__(uri, feed_options=feed_options)
        self.crawler = crawler
        marks = (feed_options or {}).get("warta_mark_seen", True)
        self.state = state if marks else None
        self.shared = _shared(crawler) if marks else None

    @classmethod
    def from_crawler(cls, crawler: Crawler, uri: str, *, feed_options: dict[str, Any] | None = None):
        state = crawler.settings.get("WARTA_STATE") or None
        return cls(uri, feed_options=feed_options, state=state, crawler=crawler)

    def open(self, spider) -> IO[bytes]:
        final = Path(self.path)
        final.parent.mkdir(parents=True, exist_ok=True)
        recover_target(final, self.state, self.shared)  # a killed run's lines go in first
        lines = _beside(final, ADDITION if self.write_mode == "ab" else PARTIAL)
        return GuardedFile(lines.open("wb"))  # type: ignore[return-value]

    def store(self, file: IO[bytes]) -> None:
        guarded: GuardedFile = file  # type: ignore[assignment]
        guarded.flush()
        guarded.close()
        lines = Path(guarded.name)
        if self.shared is not None and self._redis_lost():
            return  # the lines wait for this worker's next run (recover_target keeps the claimable)
        try:
            if guarded.error is not None:
                raise guarded.error
            committed = commit(lines)
        except OSError as exc:
            lines.unlink(missing_ok=True)  # its ids are not seen: the next run fetches them again
            self._report("warta/output_error", f"cannot write {target_of(lines)[0]}: {exc.strerror or exc}")
            raise
        try:
            release(committed, self.state, self.shared)
        except Exception as exc:  # the lines are in NAME; the next run marks them (recover_target)
            self._report("warta/state_error", f"cannot record written ids in {self.state}: {exc}")
            raise

    def _redis_lost(self) -> bool:
        """A shared crawl that lost Redis: its lines cannot be marked written there now, and
        committing them could write an article twice (its claims pass on while this worker is
        away), so they stay apart for this worker's next run, which keeps only the articles it
        can still claim."""
        from crawler.crawling.redisstate import LOST

        stats = self.crawler.stats if self.crawler is not None else None
        return bool(stats is not None and stats.get_value(LOST))

    def _report(self, key: str, message: str) -> None:
        if self.crawler is not None and self.crawler.stats is not None:
            self.crawler.stats.set_value(key, message)
