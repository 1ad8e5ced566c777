"""Bad input never crashes the chain: a page gives a valid record or an ExtractionError
with a reason, whatever it holds."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from crawler.errors import WartaError
from crawler.extraction.steps import build_record
from crawler.sites import site_for_url
from tests.conftest import assert_valid, load_fixture

NOW = datetime(2025, 4, 28, 5, tzinfo=UTC)
SAMPLE = load_fixture("fakta_sample")
URLS = [SAMPLE["url"], "https://kabarnusantara.id/news/internasional/contoh-berita-hari-ini"]


def _outcome(body: bytes | str, url: str) -> None:
    try:
        record = build_record(body, url, NOW, site_for_url(url))
    except WartaError as exc:
        assert exc.reason
        return
    assert_valid(record)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cut=st.integers(min_value=0, max_value=len(SAMPLE["html"])), url=st.sampled_from(URLS))
def test_truncated_pages(cut: int, url: str) -> None:
    _outcome(SAMPLE["html"][:cut], url)


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(max_size=400),
    tag=st.sampled_from(["p", "div", "h1", "script", "blockquote", "figure", "time"]),
    url=st.sampled_from(URLS),
)
def test_arbitrary_markup(text: str, tag: str, url: str) -> None:
    _outcome(f"<html><head><title>{text}</title></head><body><{tag}>{text}</{tag}></body></html>", url)


@settings(max_examples=40, deadline=None)
@given(junk=st.binary(max_size=600), url=st.sampled_from(URLS))
def test_arbitrary_bytes(junk: bytes, url: str) -> None:
    _outcome(junk, url)


@settings(max_examples=30, deadline=None)
@given(
    ld=st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=20),
        lambda c: (
            st.lists(c, max_size=3)
            | st.dictionaries(
                st.sampled_from(
                    [
                        "@type",
                        "headline",
                        "datePublished",
                        "author",
                        "keywords",
                        "itemListElement",
                        "position",
                        "name",
                        "@graph",
                        "breadcrumb",
                        "image",
                    ]
                ),
                c,
                max_size=5,
            )
        ),
        max_leaves=12,
    )
)
@example(ld={"@type": [[]]})  # once crashed the metadata reader
def test_arbitrary_json_ld(ld) -> None:
    import json

    page = (
        SAMPLE["html"]
        .decode("utf-8")
        .replace("</head>", f'<script type="application/ld+json">{json.dumps(ld)}</script></head>')
    )
    _outcome(page, URLS[1])
