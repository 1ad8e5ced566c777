"""``warta report``: what a corpus (or a state file's run history) holds, as counts to plot.

Pure aggregation, no drawing: the records are streamed once and only counts are kept (per site
per day, per site per missing field, a fixed-bin length histogram), so memory grows with the
number of sites and days, never with the number of records. The figures are in
:mod:`crawler.corpus.plots`, the page in :mod:`crawler.corpus.report_page`.
"""

from __future__ import annotations

import sqlite3
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from crawler.corpus.dedup import BadInput
from crawler.errors import ExitStatus

SQLITE_MAGIC = b"SQLite format 3\x00"
SHOW_EVERY = 500  # records read between two updates of the progress bar
# word_count bins (lower edges, the last one open): wider as lengths grow, since lengths
# spread over orders of magnitude (a short news flash, a long feature)
LENGTH_EDGES = (1, 50, 100, 200, 300, 500, 750, 1000, 1500, 2000, 3000, 5000, 10000)
UNIQUE, COPY, UNCHECKED = "first or unique", "copy", "not checked"
MAX_RUNS = 2000  # runs a state report plots (the latest); statuses count every run


def is_state_file(path: Path) -> bool:
    """A SQLite file, by its header (a state file may have any name)."""
    try:
        with path.open("rb") as handle:
            return handle.read(16) == SQLITE_MAGIC
    except OSError:
        return False


def optional_fields(record_schema: dict[str, Any]) -> list[str]:
    """The record's fields that may be empty (null or ``[]``), in the schema's order;
    ``duplicate_of`` has a plot of its own."""
    defs = record_schema.get("$defs", {})
    found = []
    for name, node in record_schema["properties"].items():
        while "$ref" in node:
            node = defs[node["$ref"].rsplit("/", 1)[-1]]
        nullable = any(option.get("type") == "null" for option in node.get("oneOf", []))
        if (nullable or node.get("type") == "array") and name != "duplicate_of":
            found.append(name)
    return found


def length_bin(words: int) -> int:
    """The index of the LENGTH_EDGES bin that holds ``words``."""
    return max(bisect_right(LENGTH_EDGES, words) - 1, 0)


def day_of(value: Any) -> date | None:
    """The day of ``published_at`` as the site gave it; None with no date or only a year/month."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _missing(value: Any) -> bool:
    return value is None or value == "" or value == []


@dataclass
class Corpus:
    """Counts over records: what every record plot needs."""

    fields: list[str]
    records: int = 0
    sites: Counter[str] = field(default_factory=Counter)
    days: defaultdict[str, Counter[date]] = field(default_factory=lambda: defaultdict(Counter))
    undated: Counter[str] = field(default_factory=Counter)  # per site: no day of publication
    missing: defaultdict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    lengths: Counter[int] = field(default_factory=Counter)  # LENGTH_EDGES bin -> records
    no_length: int = 0
    extractors: defaultdict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    duplicates: defaultdict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    languages: Counter[str] = field(default_factory=Counter)

    def add(self, record: dict[str, Any]) -> None:
        site = record.get("site") or "unknown"
        self.records += 1
        self.sites[site] += 1
        day = day_of(record.get("published_at"))
        if day:
            self.days[site][day] += 1
        else:
            self.undated[site] += 1
        self.missing[site].update(name for name in self.fields if _missing(record.get(name)))
        words = record.get("word_count")
        if isinstance(words, int) and words > 0:
            self.lengths[length_bin(words)] += 1
        else:
            self.no_length += 1
        extractor = record.get("extractor")
        self.extractors[site]["generic" if extractor == "generic" else "site rules"] += 1
        if "duplicate_of" not in record:
            self.duplicates[site][UNCHECKED] += 1
        else:
            self.duplicates[site][COPY if record["duplicate_of"] else UNIQUE] += 1
        self.languages[record.get("language") or "unknown"] += 1

    def date_range(self) -> tuple[date, date] | None:
        every = [day for counts in self.days.values() for day in counts]
        return (min(every), max(every)) if every else None


def summarise(
    records: Iterable[dict[str, Any]], fields: list[str], progress: Callable[[int], None]
) -> Corpus:
    """Every record counted once; ``progress`` is told the count every SHOW_EVERY records."""
    corpus = Corpus(fields)
    for record in records:
        corpus.add(record)
        if corpus.records % SHOW_EVERY == 0:
            progress(corpus.records)
    progress(corpus.records)
    return corpus


# --- a state file's run history -----------------------------------------------------------


@dataclass
class Run:
    site: str
    started: datetime
    status: int
    written: int
    mean_words: float | None


@dataclass
class History:
    """What the state says about past runs: the latest MAX_RUNS runs, statuses of all of them,
    and the new articles written per site per day."""

    runs: list[Run]
    total_runs: int
    statuses: defaultdict[str, Counter[int]] = field(default_factory=lambda: defaultdict(Counter))
    new_per_day: defaultdict[str, Counter[date]] = field(default_factory=lambda: defaultdict(Counter))

    def articles(self) -> int:
        return sum(sum(days.values()) for days in self.new_per_day.values())


def status_name(status: int) -> str:
    """``0 ok``, ``1 failed``, ...: the code and what it means (README: Exit status)."""
    try:
        return f"{status} {ExitStatus(status).name.lower()}"
    except ValueError:
        return str(status)


def read_history(path: Path) -> History:
    """The run history of a warta state file, read only (the file is never changed)."""
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return _history(db)
        finally:
            db.close()
    except sqlite3.Error as exc:
        raise BadInput(detail=f"{path}: not a readable warta state file ({exc})") from exc


def _history(db: sqlite3.Connection) -> History:
    query = "SELECT site, started, status, written, mean_words FROM runs ORDER BY started DESC LIMIT ?"
    runs = [
        Run(site or "unknown", datetime.fromisoformat(started), int(status or 0), int(written or 0), mean)
        for site, started, status, written, mean in db.execute(query, (MAX_RUNS,))
        if started
    ]
    history = History(runs[::-1], db.execute("SELECT COUNT(*) FROM runs").fetchone()[0])
    for site, status, count in db.execute("SELECT site, status, COUNT(*) FROM runs GROUP BY 1, 2"):
        history.statuses[site or "unknown"][int(status or 0)] += count
    days = "SELECT site, substr(first_written, 1, 10), COUNT(*) FROM articles GROUP BY 1, 2"
    for site, day, count in db.execute(days):
        if day_of(day):
            history.new_per_day[site or "unknown"][date.fromisoformat(day)] += count
    return history
