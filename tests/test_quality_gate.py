"""The quality gate over ../shared/corpus runs with the tests (skipped when the corpus is absent)."""

from __future__ import annotations

import io

import pytest

from tests.conftest import CORPUS
from tests.quality_gate import MORE_CORPUS


@pytest.mark.skipif(not (CORPUS / "truth").is_dir(), reason="../shared/corpus is not here")
def test_quality_gate_floors() -> None:
    from tests.quality_gate import run

    report = io.StringIO()
    failures = run(CORPUS, out=report)
    print(report.getvalue())
    assert failures == [], report.getvalue()


@pytest.mark.skipif(not (CORPUS / "truth").is_dir(), reason="../shared/corpus is not here")
def test_every_corpus_article_gives_a_valid_record() -> None:
    from crawler.extraction.steps import build_record
    from crawler.sites import site_for_url
    from tests.conftest import assert_valid
    from tests.quality_gate import FETCHED_AT, articles

    for truth in articles(CORPUS):
        record = build_record(truth["html"], truth["url"], FETCHED_AT, site_for_url(truth["url"]))
        assert_valid(record)


@pytest.mark.skipif(not (CORPUS / "truth").is_dir(), reason="../shared/corpus is not here")
def test_generic_path_floors() -> None:
    """The generic path alone (no site rules) keeps its own floors: it is what every site gets
    the day its markup changes, and what every unknown domain gets."""
    from tests.quality_gate import run

    report = io.StringIO()
    failures = run(CORPUS, out=report, generic=True)
    print(report.getvalue())
    assert failures == [], report.getvalue()


@pytest.mark.skipif(not (MORE_CORPUS / "truth").is_dir(), reason="../shared/corpus-more is not here")
@pytest.mark.parametrize("generic", [False, True], ids=["site", "generic"])
def test_more_corpus_floors(generic: bool) -> None:
    """../shared/corpus-more (older templates of sites with a file, as a back-fill from an archive
    brings them) keeps floors of its own, in quality_floors_corpus_more.json, on both paths."""
    from tests.quality_gate import floors_file, run

    assert floors_file(MORE_CORPUS).exists()
    report = io.StringIO()
    failures = run(MORE_CORPUS, out=report, generic=generic)
    print(report.getvalue())
    assert failures == [], report.getvalue()
