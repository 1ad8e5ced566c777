"""Hand-written pages (tests/fixtures/*): one assertion per record field.

Each folder holds input.html, meta.json (url, frozen time; "input" may name another folder's page
to test the same page under another URL) and expected.json (the truth,
written by hand under RECORD.md's rules)."""

from __future__ import annotations

from functools import cache

import pytest

from crawler.errors import ExtractionError
from crawler.extraction.steps import build_record
from crawler.sites import site_for_url
from tests.conftest import assert_valid, fixture_names, load_fixture
from tests.conftest import record_of as fixture_record
from tests.quality_gate import token_f1

COMPUTED = {"kind", "must_not_contain", "note", "notes", "known_failures"}


@cache
def record_of(name: str) -> dict:
    return fixture_record(name)


def _cases():
    for name in fixture_names("article"):
        expected = load_fixture(name)["expected"]
        for field in expected:
            if field not in COMPUTED:
                yield pytest.param(name, field, id=f"{name}-{field}")


@pytest.mark.parametrize(("name", "field"), list(_cases()))
def test_field(name: str, field: str) -> None:
    expected = load_fixture(name)["expected"][field]
    assert record_of(name)[field] == expected


@pytest.mark.parametrize("name", fixture_names("article"))
def test_record_is_valid(name: str) -> None:
    assert_valid(record_of(name))


@pytest.mark.parametrize("name", fixture_names("article"))
def test_nothing_leaks(name: str) -> None:
    text = record_of(name)["text"]
    leaks = [s for s in load_fixture(name)["expected"].get("must_not_contain", []) if s in text]
    assert leaks == []


@pytest.mark.parametrize("name", fixture_names("error"))
def test_error_pages_give_a_reason(name: str) -> None:
    page = load_fixture(name)
    with pytest.raises(ExtractionError) as caught:
        build_record(page["html"], page["url"], page["now"], site_for_url(page["url"]))
    assert caught.value.reason == page["expected"]["reason"]


def test_same_page_generic_and_site_agree_on_text() -> None:
    assert record_of("fakta_sample")["text"] == record_of("generic_sample")["text"]
    assert record_of("fakta_sample")["extractor"] == "site:fakta"
    assert record_of("generic_sample")["extractor"] == "generic"


def _site_fixtures() -> list[str]:
    return [
        n
        for n in fixture_names("article")
        if load_fixture(n)["expected"].get("extractor", "").startswith("site:")
    ]


@pytest.mark.parametrize("name", _site_fixtures())
def test_generic_path_alone_reads_site_pages(name: str) -> None:
    """What a site gets the day its markup changes and its rules find nothing: the generic path
    with no site rules still leaks none of the page's furniture and keeps the article text."""
    page = load_fixture(name)
    record = build_record(page["html"], page["url"], page["now"], None)
    expected = page["expected"]
    assert [s for s in expected.get("must_not_contain", []) if s in record["text"]] == []
    assert token_f1(record["text"], expected["text"]) >= 0.9
