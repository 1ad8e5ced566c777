"""`warta dedup` over records of the real corpus pages with planted copies: every planted copy
(exact, and syndicated: new title, dateline, 2-4 sentences changed) gets ``duplicate_of`` its
original, and no other record gets one, not even invented different stories on one event."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest

from crawler.extraction.record import validation_errors
from tests.conftest import run_warta
from tests.planted_copies import exact, same_event_records, syndicated

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quality_gate import DEFAULT_CORPUS, corpus_records  # noqa: E402

pytestmark = pytest.mark.skipif(not DEFAULT_CORPUS.is_dir(), reason="../shared/corpus is absent")


def test_every_planted_copy_and_nothing_else(tmp_path: Path) -> None:
    originals = corpus_records(DEFAULT_CORPUS)
    planted: dict[str, str] = {}
    records = list(originals)
    for n, original in enumerate(originals):
        copy = syndicated(original, f"wire{n}", seed=n) if n % 3 else exact(original, f"salin{n}")
        planted[copy["id"]] = original["id"]
        records.insert(n % 5, copy)  # some copies are read before their original
    records += same_event_records(originals[0])
    source = tmp_path / "in.jsonl.gz"
    with gzip.open(source, "wt", encoding="utf-8") as handle:
        handle.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)

    result = run_warta("dedup", str(source), "-o", str(tmp_path / "out.jsonl"))
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text("utf-8").splitlines()]

    assert [r["id"] for r in out] == [r["id"] for r in records]
    assert {r["id"]: r["duplicate_of"] for r in out if r["duplicate_of"]} == planted
    assert f"{len(records)} records, {len(planted)} duplicates in {len(planted)} groups" in result.stderr
    assert all(not validation_errors(r) for r in out)
