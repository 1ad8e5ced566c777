"""Fuzzing with a time bound: random pages built from the markup news sites use (bylines,
breadcrumbs, article bodies, JSON-LD, dates, repeated blocks) give a valid record or a named
reason, each within a deadline; random date strings give an ISO date or None, as fast.
tests/test_robustness.py fuzzes truncated and arbitrary input without a deadline."""

from __future__ import annotations

import contextlib
import json
import re
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crawler.errors import WartaError
from crawler.extraction.dates import normalise_date
from crawler.extraction.steps import build_record
from tests.conftest import assert_valid

NOW = datetime(2025, 4, 28, 5, tzinfo=UTC)
URL = "https://example.com/berita/2025/04/28/contoh"
WORDS = [
    "Jakarta", "KOMPAS.com", "-", "Pemerintah", "mengumumkan", "rencana", "jalan", "baru", "Baca", "juga:",
    "Senin,", "28", "April", "2025", "10:15", "WIB", "(ANTARA)", "Oleh", "Reporter", ":", "Editor:",
    "Sumber:", "ADVERTISEMENT", "(mea/mea)", "Foto:", "2/4/2025", "pukul", "jam", "lalu", "©", "\u00a0",
]  # fmt: skip
TAGS = ["p", "div", "span", "a", "b", "h2", "article", "section", "ul", "li", "table", "td", "figure", "time"]
ATTRS = [
    "", ' class="author"', ' class="byline"', ' class="breadcrumb"', ' class="tag"', ' class="editor"',
    ' itemprop="articleBody"', ' itemprop="author"', ' itemprop="datePublished" content="2025-04-28"',
    ' href="/tag/jalan"', ' href="/author/nama"', ' rel="author"', ' class="related"',
]  # fmt: skip

words = st.lists(st.sampled_from(WORDS) | st.text(max_size=12), max_size=25).map(" ".join)
markup = st.recursive(
    words,
    lambda inner: st.builds(
        lambda tag, attr, parts: f"<{tag}{attr}>{''.join(parts)}</{tag}>",
        st.sampled_from(TAGS),
        st.sampled_from(ATTRS),
        st.lists(inner, max_size=4),
    ),
    max_leaves=20,
)
# Blocks repeated up to this many bytes of page: a real page's size (crawls refuse over 5 MiB, and
# tests/faults/test_bounded.py reads pages of that size), so each example stays quick.
PAGE_BYTES = 200_000
json_values = st.recursive(
    st.none() | st.integers() | st.sampled_from(WORDS) | st.text(max_size=10),
    lambda c: (
        st.lists(c, max_size=3)
        | st.dictionaries(
            st.sampled_from(["@type", "headline", "datePublished", "author", "name", "@graph", "keywords"]),
            c,
            max_size=4,
        )
    ),
    max_leaves=15,
)
heads = st.lists(
    st.sampled_from(
        [
            '<meta property="og:type" content="article">',
            '<meta property="article:published_time" content="2025-04-28T10:15:00+07:00">',
            '<meta name="author" content="Nama Penulis">',
            '<link rel="canonical" href="https://example.com/kanonik">',
            "<title>Judul Berita Hari Ini</title>",
        ]
    )
    | json_values.map(lambda v: f'<script type="application/ld+json">{json.dumps(v)}</script>'),
    max_size=5,
)


@pytest.fixture(scope="module", autouse=True)
def warm() -> None:
    """The first page imports trafilatura and maps the language model: not part of the deadline."""
    page = "<html><body><article>" + "<p>Kalimat yang cukup panjang untuk dibaca di sini.</p>" * 10
    with contextlib.suppress(WartaError):
        build_record(page + "</article></body></html>", URL, NOW)


@settings(
    max_examples=50,
    deadline=timedelta(seconds=10),  # most take 0.05 s, a page of many repeated blocks a few seconds
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    head=heads,
    body=st.lists(st.tuples(markup, st.integers(min_value=1, max_value=2000)), min_size=1, max_size=6),
)
def test_any_page_gives_a_record_or_a_reason_in_time(head: list[str], body: list[tuple[str, int]]) -> None:
    share = PAGE_BYTES // len(body)
    blocks = "".join(block * min(times, share // max(1, len(block))) for block, times in body)
    page = f"<html><head>{''.join(head)}</head><body>{blocks}</body></html>"
    try:
        record = build_record(page, URL, NOW)
    except WartaError as exc:
        assert exc.reason
        return
    assert_valid(record)


DATE_TOKENS = [
    "Senin", "Jumat", "Jum'at", "28", "04", "2025", "25", "April", "Apr", "Agustus", "Des", "10:15", "10.15",
    "WIB", "WITA", "WIT", "GMT+7", "+07:00", "Z", "T", "/", "-", ".", ",", "|", "pukul", "jam", "menit",
    "hari", "lalu", "kemarin", "yang", "2025-04-28T10:15:00", "1714280100", "\u00a0", "ke-2",
]  # fmt: skip
ISO = re.compile(r"\d{4}(-\d\d(-\d\d(T\d\d:\d\d(:\d\d)?([+-]\d\d:\d\d)?)?)?)?")


@settings(max_examples=300, deadline=timedelta(seconds=1))
@given(
    parts=st.lists(st.sampled_from(DATE_TOKENS) | st.text(max_size=6), max_size=60),
    sep=st.sampled_from([" ", "", ", "]),
    times=st.integers(min_value=1, max_value=200),
)
def test_any_date_string_gives_iso_or_none_in_time(parts: list[str], sep: str, times: int) -> None:
    value = normalise_date(sep.join(parts) * times, NOW)
    assert value is None or ISO.fullmatch(value), value
