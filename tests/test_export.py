"""``warta export``: the dataset loads as a user would load it (pyarrow, duckdb, csv, gzip),
with every record, the schema's columns and types, the filters applied and a card beside it."""

from __future__ import annotations

import csv
import gzip
import json
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from crawler.extraction.record import schema
from tests.conftest import assert_valid, many_records, record_of, run_warta
from tests.test_reextract import in_terminal

PAGES = ["kompas_article", "detik_article", "antaranews_article", "jpnn_article", "tempo_article"]


def _records() -> list[dict[str, Any]]:
    """Real records of fixture pages, plus variants: an English one, a copy marked by dedup,
    one whose date is only a year."""
    records = []
    for name in PAGES:
        records.append(record_of(name))
    for record in records:
        record["duplicate_of"] = None
    english = {**records[0], "id": "e" * 16, "language": "en"}
    copy = {**records[1], "id": "c" * 16, "duplicate_of": records[1]["id"]}
    year_only = {**records[2], "id": "a" * 16, "published_at": "2024"}
    records += [english, copy, year_only]
    for record in records:
        assert_valid(record)
    return records


@pytest.fixture(scope="module")
def records() -> list[dict[str, Any]]:
    return _records()


@pytest.fixture
def inputs(tmp_path: Path, records: list[dict[str, Any]]) -> Path:
    """The records split over a plain and a gzipped file in one folder."""
    folder = tmp_path / "in"
    folder.mkdir()
    lines = [json.dumps(r, ensure_ascii=False) + "\n" for r in records]
    (folder / "a.jsonl").write_text("".join(lines[:4]), "utf-8")
    with gzip.open(folder / "b.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write("".join(lines[4:]))
    return folder


def _export(*args: str) -> None:
    result = run_warta("export", *args, "-q")
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("\n") == 1, result.stderr  # one summary line


def test_parquet_has_every_record_with_the_schema_columns_and_types(inputs, tmp_path, records):
    out = tmp_path / "out" / "corpus.parquet"
    _export(str(inputs), "-o", str(out))
    table = pq.read_table(out)
    assert table.num_rows == len(records)
    assert table.column_names == [*schema()["properties"], "published_day"]
    types = table.schema
    assert types.field("word_count").type == pa.int64()
    assert types.field("title").type == pa.string()
    assert types.field("authors").type == pa.list_(pa.string())
    assert types.field("images").type == pa.list_(
        pa.struct([("url", pa.string()), ("caption", pa.string()), ("credit", pa.string())])
    )
    mentioned = pa.struct([("text", pa.string()), ("date", pa.string())])
    assert types.field("dates_mentioned").type == pa.list_(mentioned)
    assert types.field("published_day").type == pa.date32()
    rows = {row["id"]: row for row in table.to_pylist()}
    for record in records:
        row = rows[record["id"]]
        for key, value in record.items():
            assert row[key] == value, key
    assert rows["a" * 16]["published_day"] is None  # a year only gives no day
    first = records[0]
    assert rows[first["id"]]["published_day"] == date.fromisoformat(first["published_at"][:10])
    assert not list(out.parent.glob(".*partial*"))  # the temporary name is gone


def test_duckdb_reads_the_file_and_the_card_describes_it(inputs, tmp_path, records):
    out = tmp_path / "out" / "corpus.parquet"
    _export(str(inputs), "-o", str(out))
    assert duckdb.sql(f"select count(*) from '{out}'").fetchall() == [(len(records),)]
    sites = duckdb.sql(f"select site, count(*) from '{out}' group by site").fetchall()
    card = (out.parent / "README.md").read_text("utf-8")
    front, body = card.split("---\n", 2)[1:]
    assert "language:\n- id\n- en\n" in front
    assert "license: other" in front and "size_categories:\n- n<1K" in front
    assert 'path: "corpus.parquet"' in front
    for site, count in sites:
        assert f"| {site} | {count} |" in body
    assert f"1 of {len(records)} checked records" in body
    days = sorted(r["published_at"][:10] for r in records)
    assert f"Published from {days[0]} to {days[-1]} " in body
    assert "| images | `list<item: struct<url: string, caption: string, credit: string>>` |" in body
    assert "warta export " in body and "corpus.parquet" in body.split("## Provenance")[1]


def test_partitioned_folder_reads_with_hive_partitioning(inputs, tmp_path, records):
    out = tmp_path / "parts"
    _export(str(inputs), "-o", str(out), "--partition", "site,year")
    files = sorted(p.relative_to(out / "data").as_posix() for p in out.rglob("*.parquet"))
    assert "site=kompas/year=2025/part-0.parquet" in files
    assert all(f.startswith("site=") and "/year=" in f for f in files)
    glob = f"{out}/data/**/*.parquet"
    rows = duckdb.sql(f"select id, site, year from read_parquet('{glob}', hive_partitioning=true)").fetchall()
    assert len(rows) == len(records)
    expected = {r["id"]: (r["site"], int(r["published_at"][:4])) for r in records}
    assert {row[0]: (row[1], row[2]) for row in rows} == expected
    table = ds.dataset(out / "data", format="parquet", partitioning="hive").to_table()
    assert table.num_rows == len(records) and "site" in table.column_names
    card = (out / "README.md").read_text("utf-8")
    assert 'path: "data/**/*.parquet"' in card
    for site in {r["site"] for r in records}:  # a subset per site: `datasets` drops folder keys
        subset = f'- config_name: {site}\n  data_files:\n  - split: train\n    path: "data/site={site}/'
        assert subset + '**/*.parquet"' in card


def test_filters_keep_one_language_and_drop_copies(inputs, tmp_path, records):
    out = tmp_path / "id.parquet"
    _export(str(inputs), "-o", str(out), "--language", "id", "--no-duplicates")
    ids = set(pq.read_table(out, columns=["id"]).column("id").to_pylist())
    assert ids == {r["id"] for r in records if r["language"] == "id" and not r["duplicate_of"]}
    assert "e" * 16 not in ids and "c" * 16 not in ids and len(ids) == len(records) - 2


def test_jsonl_gz_and_csv_round_trip(inputs, tmp_path, records):
    lines = tmp_path / "c.jsonl.gz"
    _export(str(inputs), "--format", "jsonl.gz", "-o", str(lines))
    with gzip.open(lines, "rt", encoding="utf-8") as handle:
        assert [json.loads(line) for line in handle] == records
    table = tmp_path / "c.csv"
    _export(str(inputs), "--format", "csv", "-o", str(table))
    with table.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(records)
    assert [json.loads(row["authors"]) for row in rows] == [r["authors"] for r in records]
    assert [row["text"] for row in rows] == [r["text"] for r in records]  # newlines survive quoting
    assert duckdb.sql(f"select count(*) from '{table}'").fetchall() == [(len(records),)]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "no such file"),
        (b"{not json\n", "not a JSON record"),
        (b'{"id": "abc", "text": "x", "word_count": "many"}\n', "does not fit the record schema"),
    ],
)
def test_bad_input_is_one_line_and_leaves_nothing(tmp_path, content, expected):
    source = tmp_path / "in.jsonl"
    if content is not None:
        source.write_bytes(content)
    out = tmp_path / "out" / "x.parquet"
    result = run_warta("export", str(source), "-o", str(out), "-q")
    assert result.returncode != 0
    assert expected in result.stderr and result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists() and not (out.parent / "README.md").exists()
    assert not out.parent.exists() or not list(out.parent.iterdir())


def test_partition_needs_parquet_and_a_known_key(inputs, tmp_path):
    for extra in (["--format", "csv", "--partition", "site"], ["--partition", "section"]):
        result = run_warta("export", str(inputs), "-o", str(tmp_path / "x"), *extra)
        assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr


def test_a_readme_not_made_by_export_is_never_overwritten(inputs, tmp_path):
    (tmp_path / "README.md").write_text("# my project\n", "utf-8")
    result = run_warta("export", str(inputs), "-o", str(tmp_path / "c.parquet"))
    assert result.returncode == 2 and "README.md" in result.stderr
    assert (tmp_path / "README.md").read_text("utf-8") == "# my project\n"
    assert not (tmp_path / "c.parquet").exists()


def test_a_broken_gzip_is_bad_input_not_a_write_error(tmp_path):
    source = tmp_path / "in.jsonl.gz"
    source.write_bytes(b"not gzip at all\n")
    result = run_warta("export", str(source), "-o", str(tmp_path / "x.parquet"), "-q")
    assert result.returncode == 1 and "cannot read" in result.stderr and "cannot write" not in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr


def test_an_existing_folder_is_replaced_only_when_export_made_it(inputs, tmp_path, records):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep me", "utf-8")
    for extra in ([], ["--partition", "site"]):
        result = run_warta("export", str(inputs), "-o", str(mine), *extra)
        assert result.returncode == 2, result.stderr
    assert [p.name for p in mine.iterdir()] == ["notes.txt"]
    out = tmp_path / "parts"
    _export(str(inputs), "-o", str(out), "--partition", "site")
    _export(str(inputs), "-o", str(out), "--partition", "site", "--language", "en")  # again, over it
    table = ds.dataset(out / "data", format="parquet", partitioning="hive").to_table()
    assert table.column("id").to_pylist() == [r["id"] for r in records if r["language"] == "en"]


def test_no_record_kept_still_makes_a_dataset(inputs, tmp_path):
    out = tmp_path / "none.parquet"
    _export(str(inputs), "-o", str(out), "--language", "xx")
    assert pq.read_table(out).num_rows == 0
    parts = tmp_path / "parts"
    _export(str(inputs), "-o", str(parts), "--partition", "site", "--language", "xx")
    assert (parts / "README.md").is_file() and (parts / "data").is_dir()


def test_a_progress_bar_on_a_terminal_and_none_with_q(tmp_path, records):
    many = many_records(tmp_path / "many.jsonl", records, 3000)
    shown = in_terminal("export", str(many), "-o", str(tmp_path / "a.parquet"))
    assert "records/s" in shown and "B/s" in shown and "3000 records written" in shown, shown
    quiet = in_terminal("export", str(many), "-o", str(tmp_path / "b.parquet"), "-q")
    assert "records/s" not in quiet and "3000 records written" in quiet, quiet
