"""``warta export``: record files into a dataset (Parquet, gzipped JSON Lines or CSV) with a
dataset card beside it.

Parquet columns are typed from ``record.schema.json`` (so the types follow the contract, not
whatever the first batch held), plus ``published_day`` (date32: the day of ``published_at``,
null when only a year or month is known). The timestamps themselves stay ISO strings: they may
hold a day only, and their UTC offset is part of what the site said. The input is streamed in
batches of ``BATCH`` records, so memory holds one batch; every output is written under a
temporary name beside the target and renamed into place only when complete.
"""

from __future__ import annotations

import csv
import gzip
import json
import os
import shutil
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa

from crawler.corpus.dedup import BadInput, read_records
from crawler.corpus.progress import Show

BATCH = 10_000  # records per Parquet row group: what memory holds at once
SHOW_EVERY = 500  # records read between two updates of the progress bar
FORMATS = ("parquet", "jsonl.gz", "csv")
PARTITIONS = ("site", "year")
DERIVED = {"published_day": "the day of published_at (date); null when only a year or month is known"}


# --- columns from the schema -------------------------------------------------------------


def _resolve(node: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    """``node`` with ``$ref`` and one-of-null unwrapped: the JSON Schema of the value itself."""
    while True:
        if "$ref" in node:
            node = {**defs[node["$ref"].rsplit("/", 1)[-1]], **{k: v for k, v in node.items() if k != "$ref"}}
        elif "oneOf" in node:
            node = next(o for o in node["oneOf"] if o.get("type") != "null")
        else:
            return node


def _arrow_type(node: dict[str, Any], defs: dict[str, Any]) -> pa.DataType:
    node = _resolve(node, defs)
    if "const" in node:
        return pa.int64() if isinstance(node["const"], int) else pa.string()
    kind = node.get("type", "string")  # an enum of strings has no "type"
    if kind == "array":
        return pa.list_(_arrow_type(node["items"], defs))
    if kind == "object":
        return pa.struct([(name, _arrow_type(sub, defs)) for name, sub in node["properties"].items()])
    return {"integer": pa.int64(), "number": pa.float64(), "boolean": pa.bool_()}.get(kind, pa.string())


def arrow_schema(record_schema: dict[str, Any]) -> pa.Schema:
    """Every property of the record schema, in its order, nullable; then the derived columns."""
    defs = record_schema.get("$defs", {})
    fields = [pa.field(name, _arrow_type(node, defs)) for name, node in record_schema["properties"].items()]
    return pa.schema([*fields, pa.field("published_day", pa.date32())])


def published_day(value: str | None) -> date | None:
    if not value or len(value) < 10:
        return None
    return date.fromisoformat(value[:10])


def year_of(record: dict[str, Any]) -> int | None:
    value = record.get("published_at")
    return int(value[:4]) if isinstance(value, str) and value[:4].isdigit() else None


# --- what the card says -------------------------------------------------------------------


@dataclass
class Summary:
    read: int = 0
    written: int = 0
    sites: Counter = field(default_factory=Counter)
    languages: Counter = field(default_factory=Counter)
    checked: int = 0  # records that carry duplicate_of (went through dedup)
    duplicates: int = 0
    first: str | None = None
    last: str | None = None

    def add(self, record: dict[str, Any]) -> None:
        self.written += 1
        self.sites[record.get("site") or "unknown"] += 1
        self.languages[record.get("language") or "unknown"] += 1
        if "duplicate_of" in record:
            self.checked += 1
            self.duplicates += bool(record["duplicate_of"])
        published = record.get("published_at")
        if isinstance(published, str):
            day = published[:10]  # the site's own day; times in different offsets do not compare
            self.first = min(self.first or day, day)
            self.last = max(self.last or day, day)


def kept(
    records: Iterable[dict[str, Any]],
    summary: Summary,
    request: Request,
    progress: Callable[[], None],
) -> Iterator[dict[str, Any]]:
    """The records the filters keep, counted for the card as they pass; ``progress`` is told
    every ``SHOW_EVERY`` records read."""
    language, no_duplicates = request.language, request.no_duplicates
    for record in records:
        summary.read += 1
        if summary.read % SHOW_EVERY == 0:
            progress()
        if language and record.get("language") != language:
            continue
        if no_duplicates and record.get("duplicate_of"):
            continue
        summary.add(record)
        yield record


def batches(records: Iterable[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for record in records:
        batch.append(record)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


# --- writers ------------------------------------------------------------------------------


def to_batch(records: list[dict[str, Any]], schema: pa.Schema) -> pa.RecordBatch:
    """One Arrow batch; a record whose values do not fit the schema's types: BadInput naming it."""
    rows = [{**r, "published_day": _day(r)} for r in records]
    try:
        return pa.RecordBatch.from_pylist(rows, schema=schema)
    except (pa.ArrowException, TypeError, ValueError):
        for row in rows:
            try:
                pa.RecordBatch.from_pylist([row], schema=schema)
            except (pa.ArrowException, TypeError, ValueError) as exc:
                raise BadInput(
                    detail=f"record {row.get('id')}: does not fit the record schema ({exc})"
                ) from exc
        raise


def _day(record: dict[str, Any]) -> date | None:
    value = record.get("published_at")
    try:
        return published_day(value) if isinstance(value, str) else None
    except ValueError:
        return None


def write_parquet(records: Iterable[dict[str, Any]], target: Path, schema: pa.Schema) -> None:
    import pyarrow.parquet as pq

    with pq.ParquetWriter(target, schema, compression="zstd") as writer:
        for batch in batches(records):
            writer.write_batch(to_batch(batch, schema))


def write_partitioned(
    records: Iterable[dict[str, Any]], target: Path, schema: pa.Schema, keys: list[str]
) -> None:
    """A Hive-style folder: ``target/site=kompas/year=2025/part-0.parquet``. The partition keys
    live in the folder names (readers with hive partitioning give them back as columns);
    ``year`` is the year of ``published_at``, ``__HIVE_DEFAULT_PARTITION__`` (null) when unknown."""
    import pyarrow.dataset as ds

    full = schema.append(pa.field("year", pa.int32())) if "year" in keys else schema
    partition = pa.schema([full.field(k) for k in keys])

    def arrow_batches() -> Iterator[pa.RecordBatch]:
        for batch in batches(records):
            table = pa.Table.from_batches([to_batch(batch, schema)])
            if "year" in keys:
                table = table.append_column("year", pa.array([year_of(r) for r in batch], pa.int32()))
            yield from table.to_batches()

    ds.write_dataset(
        arrow_batches(),
        target,
        schema=full,
        format="parquet",
        partitioning=ds.partitioning(partition, flavor="hive"),
        basename_template="part-{i}.parquet",
        file_options=ds.ParquetFileFormat().make_write_options(compression="zstd"),
    )


def write_jsonl_gz(records: Iterable[dict[str, Any]], target: Path) -> None:
    from crawler.extraction.record import to_json_line

    with target.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
        for record in records:
            out.write((to_json_line(record) + "\n").encode("utf-8"))


def csv_value(value: Any) -> Any:
    """Scalars as they are, null as an empty cell, lists and objects as JSON."""
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def write_csv(records: Iterable[dict[str, Any]], target: Path, schema: pa.Schema) -> None:
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(schema.names)
        for record in records:
            day = _day(record)
            row = {**record, "published_day": day.isoformat() if day else None}
            writer.writerow([csv_value(row.get(name)) for name in schema.names])


# --- the command --------------------------------------------------------------------------


@dataclass
class Request:
    files: list[Path]
    output: Path
    format: str
    partition: list[str]
    language: str | None
    no_duplicates: bool
    command: str
    state: Path | None = None  # the crawls' state file, for robots.txt at crawl time
    robots: dict[str, dict[str, Any]] = field(default_factory=dict)  # its answer per site


def card_path(request: Request) -> Path:
    """Beside the file; in a partitioned folder, at its top with the parts under ``data/`` (as
    the Hub lays out a dataset, and so that readers of ``data/`` meet only Parquet files)."""
    return request.output / "README.md" if request.partition else request.output.parent / "README.md"


def usage_problem(request: Request) -> str | None:
    """What makes the request impossible before anything is read, or None."""
    bad = [k for k in request.partition if k not in PARTITIONS]
    if bad:
        return f"cannot partition by {bad[0]}: choose from {', '.join(PARTITIONS)}"
    if request.partition and request.format != "parquet":
        return "--partition needs --format parquet"
    out = request.output
    if request.partition and out.exists() and not (out / "README.md").is_file():
        return f"{out} exists and is not a folder warta export made; choose another output"
    if not request.partition and out.is_dir():
        return f"{out} is a folder; name a file (or add --partition site,year)"
    card = card_path(request)
    if card.exists() and "warta export" not in card.read_text("utf-8", errors="replace")[:2000]:
        return f"{card} exists and was not written by warta export; choose another output folder"
    return None


def export(request: Request, show: Show = lambda d, w: None) -> Summary:
    """Write the dataset and its card; on any failure nothing is left but what was there."""
    from crawler.extraction.record import schema as record_schema

    full_schema = record_schema()
    schema = arrow_schema(full_schema)
    summary = Summary()
    read = [0]

    def progress() -> None:
        show(read[0], summary.written)

    records = kept(read_records(request.files, read), summary, request, progress)
    target = request.output
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f".{target.name}.partial")
    _remove(temp)
    try:
        if request.partition:
            (temp / "data").mkdir(parents=True)  # there even when no record is kept
            write_partitioned(records, temp / "data", schema, request.partition)
            (temp / "README.md").write_text(card(request, summary, full_schema, schema), "utf-8")
        elif request.format == "parquet":
            write_parquet(records, temp, schema)
        elif request.format == "csv":
            write_csv(records, temp, schema)
        else:
            write_jsonl_gz(records, temp)
        progress()
        _replace(temp, target)
    except BaseException:
        _remove(temp)
        raise
    if not request.partition:
        _write_atomic(card_path(request), card(request, summary, full_schema, schema))
    return summary


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)


def _replace(temp: Path, target: Path) -> None:
    """``temp`` becomes ``target``; an old folder at ``target`` goes only once the new one is there."""
    if target.is_dir():
        old = target.with_name(f".{target.name}.old")
        _remove(old)
        target.rename(old)
        temp.rename(target)
        shutil.rmtree(old)
    else:
        os.replace(temp, target)


def _write_atomic(path: Path, text: str) -> None:
    temp = path.with_name(f".{path.name}.partial")
    temp.write_text(text, "utf-8")
    os.replace(temp, path)


# --- the dataset card ---------------------------------------------------------------------


def size_category(n: int) -> str:
    """The Hub's size_categories bucket."""
    for limit, name in (
        (1_000, "n<1K"),
        (10_000, "1K<n<10K"),
        (100_000, "10K<n<100K"),
        (1_000_000, "100K<n<1M"),
    ):
        if n < limit:
            return name
    return "1M<n<10M" if n < 10_000_000 else "10M<n<100M"


def data_files(request: Request) -> str:
    return "data/**/*.parquet" if request.partition else request.output.name


def front_matter(request: Request, summary: Summary) -> str:
    languages = [lang for lang, _ in summary.languages.most_common() if lang != "unknown"] or ["id"]
    lines = ["---", "language:", *(f"- {lang}" for lang in languages)]
    lines += ["license: other", "task_categories:", "- text-generation", "- text-classification"]
    lines += ["size_categories:", f"- {size_category(summary.written)}"]
    lines += ["configs:", *_config("default", data_files(request))]
    if "site" in request.partition:  # the Hub's subsets: `datasets` does not read folder keys
        for site in sorted(summary.sites):
            lines += _config(site, f"data/site={site}/**/*.parquet")
    lines += ["tags:", "- news", "- indonesian", "- warta", "---"]
    return "\n".join(lines)


def _config(name: str, path: str) -> list[str]:
    return [f"- config_name: {name}", "  data_files:", "  - split: train", f'    path: "{path}"']


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "n/a"


def card(request: Request, summary: Summary, record_schema: dict[str, Any], schema: pa.Schema) -> str:
    """A dataset card (README.md) the Hugging Face Hub reads: front matter, then what is inside."""
    from crawler import __version__

    n = summary.written
    out = [front_matter(request, summary), "", "# Indonesian news articles (warta export)", ""]
    out += [f"{n} article records from {len(summary.sites)} sites, crawled and extracted by warta.", ""]
    out += ["Licence: the articles' copyright stays with their publishers; check each site's terms."]
    out += ["", "## Sites", "", "| site | records |", "|---|---|"]
    out += [f"| {site} | {count} |" for site, count in sorted(summary.sites.items())]
    span = f"{summary.first or 'n/a'} to {summary.last or 'n/a'}"
    out += ["", "## Dates", "", f"Published from {span} (days of published_at)."]
    out += ["", "## Languages", "", "| language | records | share |", "|---|---|---|"]
    out += [f"| {lang} | {c} | {_share(c, n)} |" for lang, c in summary.languages.most_common()]
    out += ["", "## Duplicates", ""]
    if summary.checked:
        share = _share(summary.duplicates, summary.checked)
        out += [f"{summary.duplicates} of {summary.checked} checked records ({share}) copy an earlier record"]
        out[-1] += " (`duplicate_of` set; see `warta dedup`)."
    else:
        out += ["Not checked: run `warta dedup` first to fill `duplicate_of`."]
    if summary.read != n:
        out += ["", f"{summary.read - n} of {summary.read} records read were left out by the filters."]
    out += ["", "## robots.txt at crawl time", "", *_robots(request, sorted(summary.sites))]
    out += ["", "## Fields", "", *_fields(request, record_schema, schema)]
    out += [
        "",
        "## Provenance",
        "",
        f"warta version {__version__}; made by:",
        "",
        "```",
        request.command,
        "```",
        "",
    ]
    return "\n".join(out)


def _robots(request: Request, sites: list[str]) -> list[str]:
    """Each site's robots.txt answer in its latest crawl recorded in the state file."""
    if request.state is None:
        return ["Not recorded: no crawl state file was found (`--state FILE` names the crawls' one)."]
    rows = [f"As recorded in `{request.state}` by each site's latest crawl.", ""]
    rows += ["| site | robots.txt | URLs it forbade | crawled |", "|---|---|---|---|"]
    for site in sites:
        seen = request.robots.get(site)
        if seen is None:
            rows.append(f"| {site} | not recorded (no crawl of this site in the state) | | |")
        else:
            rows.append(f"| {site} | {seen['status']} | {seen['forbidden']} | {seen['finished']} |")
    return rows


def _fields(request: Request, record_schema: dict[str, Any], schema: pa.Schema) -> list[str]:
    described = {name: node.get("description", "") for name, node in record_schema["properties"].items()}
    rows = ["| field | type | description |", "|---|---|---|"]
    for column in schema:
        about = described.get(column.name) or DERIVED.get(column.name, "")
        rows.append(f"| {column.name} | `{column.type}` | {about} |")
    if "year" in request.partition:
        rows.append("| year | `int32` | folder key only: the year of published_at (null when unknown) |")
    if request.format == "csv":
        rows += ["", "In the CSV, lists and objects are JSON text and null is an empty cell."]
    if request.partition:
        rows += ["", f"Partitioned Hive-style by {', '.join(request.partition)}: those keys are folder names"]
        rows[-1] += " (`data/site=.../year=...`), not columns inside the files; read `data/` with hive"
        rows[-1] += " partitioning on (pyarrow, pandas and polars do by default for a folder). Hugging Face"
        rows[-1] += " `datasets` does not read folder keys: each site is a config (subset) of its own here,"
        rows[-1] += " and the single-file export keeps every column."
    return rows
