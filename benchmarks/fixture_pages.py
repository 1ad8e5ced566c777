"""The hand-written fixture article pages of tests/fixtures, as (html, url): the pages the
benchmarks read when the shared corpus is absent, or to build a WARC from."""

from __future__ import annotations

import json
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"


def fixture_pages() -> list[tuple[bytes, str]]:
    found = []
    for folder in sorted(FIXTURES.iterdir()):
        meta_path, expected_path = folder / "meta.json", folder / "expected.json"
        if not expected_path.exists() or json.loads(expected_path.read_text("utf-8")).get("kind"):
            continue
        meta = json.loads(meta_path.read_text("utf-8"))
        found.append(((folder / meta.get("input", "input.html")).resolve().read_bytes(), meta["url"]))
    return found
