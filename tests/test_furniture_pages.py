"""Invented pages, one class of page furniture each (tests/fixtures/furniture): desk tags, captions
set as paragraphs, colon and bracketed datelines, bylines in the body, prompts, related headlines,
taxonomy lines, the page's date above the text. Each page is read by the site path (a URL on a
site with a file, whose body markup the page uses, or an unknown domain) and by the generic path
alone; both must give exactly the truth's paragraphs and fields, and leak none of its strings."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.extraction.steps import build_record
from crawler.sites import site_for_url
from tests.quality_gate import FETCHED_AT, articles

PAGES = Path(__file__).parent / "fixtures" / "furniture"
FIELDS = ("dateline", "credit", "authors", "editors")


def _cases():
    for truth in articles(PAGES):
        for path in ("site", "generic"):
            yield pytest.param(truth, path, id=f"{Path(truth['page']).with_suffix('')}-{path}")


@pytest.mark.parametrize(("truth", "path"), list(_cases()))
def test_page_is_clean(truth: dict, path: str) -> None:
    site = site_for_url(truth["url"]) if path == "site" else None
    record = build_record(truth["html"], truth["url"], FETCHED_AT, site)
    assert [s for s in truth["must_not_contain"] if s in record["text"]] == []
    assert record["text"].split("\n\n") == truth["text"]
    for key in FIELDS:
        if key in truth:
            assert record[key] == truth[key], key


def test_every_class_has_variants() -> None:
    """Several pages per class, so a rule is written for the shape, not one string."""
    counts: dict[str, int] = {}
    for truth in articles(PAGES):
        counts[truth["site"]] = counts.get(truth["site"], 0) + 1
    assert len(counts) >= 7
    assert min(counts.values()) >= 2, counts
