"""The datatrove step (``warta[datatrove]``): datatrove's local executor, two tasks over several
WARC files, writes the records `warta reextract` writes over the same files, byte for byte, and
counts what gives no record by the same reasons."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("datatrove")

from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402

from crawler.corpus.datatrove_step import WartaExtractor, WartaWarcReader, as_record  # noqa: E402
from tests.conftest import run_warta  # noqa: E402
from tests.test_reextract import articles_warc, cc_news_warc, split_article_warc  # noqa: E402


def on_datatrove(
    warcs: Path | str, out: Path, tasks: int = 2, reader: WartaWarcReader | None = None, **extracting: Any
) -> dict[str, int]:
    """Run the recipe's pipeline; the counts of the reader's and the extractor's stats."""
    pipeline = [
        reader or WartaWarcReader(str(warcs)),
        WartaExtractor(**extracting),
        JsonlWriter(str(out), adapter=as_record, compression=None),
    ]
    run = LocalPipelineExecutor(pipeline, tasks=tasks, workers=tasks, logging_dir=str(out.parent / "logs"))
    stats = run.run()
    return {label: metric.total for step in stats.stats[:2] for label, metric in step.stats.items()}


def reextracted(warcs: Path, out: Path, *options: str) -> tuple[list[str], dict[str, int]]:
    """`warta reextract`'s lines over the same folder, and what it says it skipped."""
    result = run_warta("reextract", str(warcs), "-o", str(out), "--workers", "1", *options)
    summary = result.stderr.splitlines()[-1]
    skipped = summary.partition("; skipped: ")[2]
    counts = {reason: int(n) for n, _, reason in (p.partition(" ") for p in skipped.split(", ") if p)}
    return out.read_text("utf-8").splitlines(), counts


def written(folder: Path) -> list[str]:
    return [line for path in sorted(folder.glob("*.jsonl")) for line in path.read_text("utf-8").splitlines()]


def test_two_tasks_write_the_records_reextract_writes(tmp_path: Path) -> None:
    warcs = tmp_path / "warcs"
    warcs.mkdir()
    cc_news_warc(warcs / "a-cc-news.warc.gz")  # an article, a 404, an image, a truncated page, ...
    at = articles_warc(warcs / "b-articles.warc.gz", 6)
    data = bytearray((warcs / "b-articles.warc.gz").read_bytes())
    data[at[2] + 60 : at[2] + 260] = bytes(200)  # record 2: a bad gzip member, reading goes on
    (warcs / "b-articles.warc.gz").write_bytes(data)
    split_article_warc(warcs / "c-split.warc.gz", (1, 2, 3))  # one article in three pages
    articles_warc(warcs / "d-plain.warc", 3, gzip=False, stem="berita-lain")

    expected, skipped = reextracted(warcs, tmp_path / "reextract.jsonl")
    counts = on_datatrove(warcs, tmp_path / "records")
    got = written(tmp_path / "records")

    assert sorted(got) == sorted(expected) and len(expected) == 1 + 5 + 1 + 3
    assert len(list((tmp_path / "records").glob("*.jsonl"))) == 2  # both tasks wrote
    records = [json.loads(line) for line in got]
    assert all(r["url"] != "https://contoh.id/berita/satu" for r in records)
    assert [r["pages"] for r in records if "suara.com" in r["url"]] == [3]
    assert skipped and all(counts.get(reason) == n for reason, n in skipped.items()), (skipped, counts)
    assert counts["broken record"] == 1 and counts["forwarded"] == len(expected)


def test_a_split_article_without_every_page_is_counted(tmp_path: Path) -> None:
    warcs = tmp_path / "warcs"
    warcs.mkdir()
    split_article_warc(warcs / "part.warc.gz", (1, 3))  # page 2 is not in the input
    expected, _ = reextracted(warcs, tmp_path / "reextract.jsonl")
    counts = on_datatrove(warcs, tmp_path / "records", tasks=1)
    assert written(tmp_path / "records") == expected and json.loads(expected[0])["pages"] == 1
    assert counts["split article without every page"] == 1


def test_reextracts_options_are_the_steps_arguments(tmp_path: Path) -> None:
    warcs = tmp_path / "warcs"
    warcs.mkdir()
    cc_news_warc(warcs / "a-cc-news.warc.gz")
    options = ("--all", "--domains", "contoh.id", "--language", "id", "--timezone", "WITA")
    expected, skipped = reextracted(warcs, tmp_path / "reextract.jsonl", *options)
    reader = WartaWarcReader(str(warcs), everything=True, domains=("contoh.id",))
    counts = on_datatrove(warcs, tmp_path / "records", 1, reader, language="id", timezone="WITA")
    assert written(tmp_path / "records") == expected
    assert [json.loads(line)["url"] for line in expected] == ["https://contoh.id/berita/satu"]
    assert skipped["outside --domains"] == counts["outside --domains"] == 1


def test_documents_of_another_reader_are_refused(tmp_path: Path) -> None:
    """datatrove's own WarcReader keeps no page bytes, status or Content-Type: the step says so
    rather than write records `warta reextract` would not."""
    from datatrove.data import Document

    step = WartaExtractor()
    stock = Document(text="<html></html>", id="x", metadata={"url": "https://fakta.com/a", "date": "2025"})
    with pytest.raises(ValueError, match="WartaWarcReader"):
        list(step.run(iter([stock])))


def test_warcs_on_another_filesystem_are_read_the_same(tmp_path: Path) -> None:
    """WARCs datatrove reads through fsspec (S3, the Hub; here its in-memory filesystem): the same
    records, the split article joined from the same remote file."""
    import fsspec

    warcs = tmp_path / "warcs"
    warcs.mkdir()
    cc_news_warc(warcs / "a-cc-news.warc.gz")
    split_article_warc(warcs / "c-split.warc.gz", (1, 2, 3))
    expected, _ = reextracted(warcs, tmp_path / "reextract.jsonl")
    memory = fsspec.filesystem("memory")
    for path in warcs.iterdir():
        memory.pipe(f"/warta-test/{path.name}", path.read_bytes())
    try:
        on_datatrove("memory://warta-test", tmp_path / "records", tasks=1)
    finally:
        memory.rm("/warta-test", recursive=True)
    got = written(tmp_path / "records")
    assert sorted(got) == sorted(expected) and len(got) == 2
