"""The seen-store: which articles are already durably written, in an embedded SQLite file.

An id goes in only after its record is in a finished output file (see :mod:`crawler.crawling.output`),
so a crash costs a refetch, never a loss. Lookups are by URL key (the id of the URL's
canonical form), so an article is recognised before it is fetched. Memory stays flat: the
ids live on disk and SQLite keeps a fixed-size page cache.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from crawler.extraction.urls import article_id, canonicalize

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, site TEXT, canonical_url TEXT, modified_at TEXT,
    first_written TEXT, last_written TEXT
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS url_keys (key TEXT PRIMARY KEY, id TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS runs (
    site TEXT, started TEXT, finished TEXT, status INTEGER, written INTEGER, mean_words REAL
);
CREATE TABLE IF NOT EXISTS near_signatures (id TEXT PRIMARY KEY, first TEXT, signature BLOB) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS near_keys (key INTEGER, id TEXT, PRIMARY KEY (key, id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS robots (site TEXT, finished TEXT, obeyed INTEGER, status TEXT, forbidden INTEGER);
"""
# near_signatures: the MinHash signature (crawler.corpus.similarity) of each written record that
# went through near-duplicate detection, and the first record of its group; near_keys: its LSH
# band keys and exact-text key, to find the candidates a new record is compared with. Created
# with IF NOT EXISTS, so a state file from before them gains them on its next open.
# robots: what robots.txt said in each run of a site (crawler.crawling.robots.robots_status),
# for the dataset card's "under which rules was this collected".


TABLES = {"articles", "url_keys", "runs", "near_signatures", "near_keys", "robots"}


class ForeignState(Exception):
    """The file is another program's SQLite database: warta leaves it as it is."""


def _foreign_tables(path: Path) -> list[str]:
    """The tables of an existing SQLite file that holds tables but none of warta's, read
    without writing anything (read-only, no journal mode change)."""
    if not path.exists() or path.stat().st_size == 0:
        return []
    db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        names = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        db.close()
    return sorted(names) if names and not names & TABLES else []


def default_state_path() -> Path:
    """$XDG_DATA_HOME/warta/state.sqlite (~/.local/share/warta/state.sqlite)."""
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "warta" / "state.sqlite"


def _near_keys(text: str, signature: Any) -> list[int]:
    """A record's LSH band keys (in the layout of the default threshold: the stored format) and
    its exact-text key."""
    from crawler.corpus import similarity

    bands = similarity.band_keys(signature, similarity.DEFAULT_THRESHOLD)[0]
    return [*map(int, bands), similarity.exact_key(text)]


def robots_by_site(path: Path) -> dict[str, dict[str, Any]]:
    """Each site's robots.txt answer in its latest run that recorded one, read without writing
    (an export reads the state of crawls it does not own). {} for a state from before the table."""
    db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        rows = db.execute(
            "SELECT site, finished, obeyed, status, forbidden FROM robots r WHERE finished = "
            "(SELECT MAX(finished) FROM robots WHERE site = r.site)"
        ).fetchall()
    except sqlite3.OperationalError:  # no such table
        return {}
    finally:
        db.close()
    keys = ("finished", "obeyed", "status", "forbidden")
    return {row[0]: dict(zip(keys, row[1:], strict=True)) for row in rows}


def url_key(url: str) -> str:
    return article_id(canonicalize(url))


class SeenStore:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        foreign = _foreign_tables(self.path)
        if foreign:
            raise ForeignState(
                f"another program's SQLite database (tables {', '.join(foreign[:5])}); left untouched"
            )
        self.db = sqlite3.connect(self.path, timeout=60, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(SCHEMA)

    def close(self) -> None:
        self.db.close()

    def check_writable(self) -> None:
        """Raise unless a write would succeed (read-only file or folder, locked database)."""
        try:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.execute("ROLLBACK")
        finally:
            self.close()

    def __enter__(self) -> SeenStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def seen(self, url: str) -> bool:
        """True when an article at this URL (or with this canonical URL) is already written."""
        return self.db.execute("SELECT 1 FROM url_keys WHERE key = ?", (url_key(url),)).fetchone() is not None

    def last_written(self, url: str) -> str | None:
        query = "SELECT a.last_written FROM url_keys k JOIN articles a ON a.id = k.id WHERE k.key = ?"
        row = self.db.execute(query, (url_key(url),)).fetchone()
        return row[0] if row else None

    def mark_written(self, records: Iterable[dict[str, Any]]) -> int:
        """Record articles whose lines are durably in a finished file. One transaction."""
        now = datetime.now(UTC).replace(microsecond=0).isoformat()
        count = 0
        with self.db:
            self.db.execute("BEGIN")
            for record in records:
                rid = record["id"]
                row = (
                    rid,
                    record.get("site"),
                    record.get("canonical_url"),
                    record.get("modified_at"),
                    now,
                    now,
                )
                self.db.execute(
                    "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                    "modified_at = excluded.modified_at, last_written = excluded.last_written",
                    row,
                )
                for key in {url_key(u) for u in {record.get("url"), record.get("canonical_url")} if u}:
                    self.db.execute("INSERT OR IGNORE INTO url_keys VALUES (?, ?)", (key, rid))
                if "duplicate_of" in record:  # checked for copies: later records are checked against it
                    self._index_near(record)
                count += 1
        return count

    def _index_near(self, record: dict[str, Any]) -> None:
        from crawler.corpus import similarity

        signature = similarity.signatures([record["text"]])
        first = record["duplicate_of"] or record["id"]
        self.db.execute(
            "INSERT OR REPLACE INTO near_signatures VALUES (?, ?, ?)",
            (record["id"], first, signature[0].tobytes()),
        )
        for key in _near_keys(record["text"], signature):
            self.db.execute("INSERT OR IGNORE INTO near_keys VALUES (?, ?)", (key, record["id"]))

    def near_copy(self, record: dict[str, Any], threshold: float) -> str | None:
        """The first record of the group whose written record ``record`` copies best (the same
        text, or an estimated Jaccard similarity at or above ``threshold``); None: no copy."""
        import numpy as np

        from crawler.corpus import similarity

        signature = similarity.signatures([record["text"]])
        keys = _near_keys(record["text"], signature)
        query = (
            "SELECT DISTINCT s.id, s.first, s.signature FROM near_keys k JOIN near_signatures s"
            f" ON s.id = k.id WHERE k.key IN ({','.join('?' * len(keys))})"
        )
        best, found = threshold, None
        for rid, first, stored in self.db.execute(query, keys):
            score = similarity.similarity(signature[0], np.frombuffer(stored, dtype=np.uint32))
            if rid != record["id"] and score >= best:
                best, found = score, first
        return found

    def record_run(self, site: str, summary: dict[str, Any], status: int) -> None:
        row = (
            site,
            summary["started"],
            summary["finished"],
            status,
            summary["written"],
            summary["mean_words"],
        )
        robots = summary.get("robots_txt")
        with self.db:
            self.db.execute("INSERT INTO runs VALUES (?, ?, ?, ?, ?, ?)", row)
            if robots:
                seen = (site, summary["finished"], robots["obeyed"], robots["status"], robots["forbidden"])
                self.db.execute("INSERT INTO robots VALUES (?, ?, ?, ?, ?)", seen)

    def previous_mean_words(self, site: str) -> float | None:
        """Mean body length over this site's last successful runs that wrote something."""
        row = self.db.execute(
            "SELECT AVG(mean_words) FROM (SELECT mean_words FROM runs WHERE site = ? AND status = 0 "
            "AND written > 0 AND mean_words IS NOT NULL ORDER BY finished DESC LIMIT 5)",
            (site,),
        ).fetchone()
        return row[0] if row and row[0] is not None else None

    def count(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
