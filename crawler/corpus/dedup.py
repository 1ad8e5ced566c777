"""``warta dedup``: near-duplicate groups over JSON Lines record files.

Two passes over the inputs, so memory holds no text: the first keeps, per record, its id, its
place in the order of publication, an exact-text hash and its MinHash signature (512 bytes,
kept in fixed-size numpy blocks); groups are then joined band by band (LSH: records whose
band keys are equal are candidates, confirmed by their signatures' estimated Jaccard) and by
exact hash. The second pass writes every record, in input order, with ``duplicate_of``: the
id of its group's first record (earliest published, then fetched, then read), null for that
one and for unique records. A million records fit in well under 2 GB (benchmarks/dedup.py).
"""

from __future__ import annotations

import gzip
import json
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import numpy as np

from crawler.corpus import similarity
from crawler.corpus.progress import Show
from crawler.errors import WartaError

BLOCK = 4096  # records per block of signatures


class BadInput(WartaError):
    reason = "bad input"


def record_files(inputs: Iterable[str]) -> list[Path]:
    """The files named, and the .jsonl/.jsonl.gz files under the folders named, in a stable order."""
    found: list[Path] = []
    for name in inputs:
        path = Path(name)
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.name.endswith((".jsonl", ".jsonl.gz")))
        else:
            found.append(path)
    return found


def _open(path: Path, raw: IO[bytes]) -> IO[bytes]:
    return gzip.GzipFile(fileobj=raw) if path.name.endswith(".gz") else raw  # type: ignore[return-value]


def read_records(files: list[Path], read: list[int]) -> Iterator[dict[str, Any]]:
    """Each record, in input order; ``read[0]`` counts the bytes read so far
    (of the files as stored) for the progress bar. A line that is not a record: BadInput."""
    done = 0
    for path in files:
        try:
            with path.open("rb") as raw, _open(path, raw) as lines:
                for number, line in enumerate(lines, 1):
                    if not line.strip():
                        continue
                    yield _parse(line, path, number)
                    read[0] = done + raw.tell()
        except (OSError, EOFError) as exc:  # a broken .gz, a file gone while read: not a write error
            raise BadInput(detail=f"{path}: cannot read ({exc})") from exc
        done += path.stat().st_size
        read[0] = done


def _parse(line: bytes, path: Path, number: int) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BadInput(detail=f"{path}:{number}: not a JSON record ({exc})") from exc
    except (OSError, EOFError) as exc:
        raise BadInput(detail=f"{path}: {exc}") from exc
    if not isinstance(record, dict) or not isinstance(record.get("id"), str):
        raise BadInput(detail=f"{path}:{number}: not a warta record (no id)")
    if not isinstance(record.get("text"), str):
        raise BadInput(detail=f"{path}:{number}: not a warta record (no text)")
    return record


@dataclass
class Index:
    """What the first pass keeps of each record, by its place in the input."""

    ids: list[str] = field(default_factory=list)
    published: array[float] = field(default_factory=lambda: array("d"))  # compact: 8 bytes a record
    fetched: array[float] = field(default_factory=lambda: array("d"))
    exact: array[int] = field(default_factory=lambda: array("q"))
    blocks: list[np.ndarray] = field(default_factory=list)  # signatures, BLOCK rows each
    keys: list[np.ndarray] = field(default_factory=list)  # band keys, BLOCK rows each

    def signature(self, i: int) -> np.ndarray:
        return self.blocks[i // BLOCK][i % BLOCK]


def build_index(records: Iterable[dict[str, Any]], threshold: float, show: Show, read: list[int]) -> Index:
    index = Index()
    texts: list[str] = []
    for record in records:
        index.ids.append(record["id"])
        published, fetched = similarity.first_order(record)
        index.published.append(published)
        index.fetched.append(fetched)
        index.exact.append(similarity.exact_key(record["text"]))
        texts.append(record["text"])
        if len(texts) == BLOCK:
            _add_block(index, texts, threshold)
            texts = []
            show(read[0], len(index.ids))
    if texts:
        _add_block(index, texts, threshold)
    return index


def _add_block(index: Index, texts: list[str], threshold: float) -> None:
    sigs = similarity.signatures(texts)
    index.blocks.append(sigs)
    index.keys.append(similarity.band_keys(sigs, threshold))


class Groups:
    """Union-find over record numbers."""

    def __init__(self, size: int) -> None:
        self.parent = np.arange(size, dtype=np.int64)

    def find(self, i: int) -> int:
        parent = self.parent
        root = i
        while parent[root] != root:
            root = int(parent[root])
        while parent[i] != root:
            parent[i], i = root, int(parent[i])
        return root

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _equal_runs(values: np.ndarray) -> Iterator[tuple[int, int]]:
    """Pairs of record numbers next to each other in ``values``' sorted order with equal values."""
    order = np.argsort(values, kind="stable")
    ranked = values[order]
    for at in np.flatnonzero(ranked[1:] == ranked[:-1]):
        yield int(order[at]), int(order[at + 1])


def group(index: Index, threshold: float) -> Groups:
    """Exact copies joined by their text hash; near copies by LSH bands, each candidate pair
    confirmed by the estimated Jaccard of its signatures."""
    groups = Groups(len(index.ids))
    for a, b in _equal_runs(np.frombuffer(index.exact, dtype=np.int64)):
        groups.join(a, b)
    bands = index.keys[0].shape[1] if index.keys else 0
    for band in range(bands):
        column = np.concatenate([block[:, band] for block in index.keys])
        for a, b in _equal_runs(column):
            if groups.find(a) != groups.find(b) and (
                similarity.similarity(index.signature(a), index.signature(b)) >= threshold
            ):
                groups.join(a, b)
    return groups


def firsts(index: Index, groups: Groups) -> np.ndarray:
    """For each record, the number of its group's first record (earliest published, then
    fetched, then read)."""
    size = len(index.ids)
    roots = np.fromiter((groups.find(i) for i in range(size)), dtype=np.int64, count=size)
    first = np.full(size, -1, dtype=np.int64)
    published = np.frombuffer(index.published, dtype=np.float64)
    fetched = np.frombuffer(index.fetched, dtype=np.float64)
    for i in np.lexsort((np.arange(size), fetched, published)).tolist():
        if first[roots[i]] < 0:
            first[roots[i]] = i
    return first[roots] if size else first


@dataclass
class Tally:
    records: int = 0
    duplicates: int = 0
    groups: int = 0


def marked(record: dict[str, Any], duplicate_of: str | None) -> dict[str, Any]:
    """The record with ``duplicate_of`` set (last, as the schema orders it)."""
    out = {k: v for k, v in record.items() if k != "duplicate_of"}
    out["duplicate_of"] = duplicate_of
    return out


def dedup(
    files: list[Path], output: Path, drop: bool, threshold: float, show: Show = lambda d, w: None
) -> Tally:
    """Mark (or with ``drop``, leave out) every record that copies an earlier one; the output
    is written whole or not at all."""
    from crawler.crawling.output import PARTIAL, commit, release
    from crawler.extraction.record import to_json_line

    read = [0]
    index = build_index(read_records(files, read), threshold, show, read)
    first = firsts(index, group(index, threshold))
    tally = Tally(records=len(index.ids))
    output.parent.mkdir(parents=True, exist_ok=True)
    lines = output.with_name(output.name + PARTIAL)
    offset = read[0]
    try:
        with lines.open("w", encoding="utf-8") as handle:
            for i, record in enumerate(read_records(files, read)):
                leader = int(first[i])
                tally.duplicates += leader != i
                if leader == i or not drop:
                    handle.write(
                        to_json_line(marked(record, None if leader == i else index.ids[leader])) + "\n"
                    )
                if i % BLOCK == 0:
                    show(offset + read[0], i)
    except BaseException:
        lines.unlink(missing_ok=True)
        raise
    tally.groups = len({int(f) for i, f in enumerate(first) if f != i})
    release(commit(lines), None)
    return tally
