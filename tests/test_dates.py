"""Table tests for crawler.extraction.dates: every shape seen on a site, named after the site."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest

from crawler.extraction.dates import (
    WIB,
    WIT,
    WITA,
    DateMention,
    ParsedDate,
    dateparser_fallback,
    find_dates,
    normalise_date,
    parse_date,
)
from tests.date_cases import CASES, FIND_CASES, R_MAY5, R


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_normalise_date(case):
    assert normalise_date(case.text, case.reference) == case.expected


@pytest.mark.parametrize("case", [c for c in CASES if c.site == "mismatch"], ids=lambda c: c.id)
def test_weekday_mismatch_is_flagged_and_date_wins(case):
    found = parse_date(case.text, case.reference)
    assert found is not None
    assert found.iso == case.expected
    assert found.weekday_mismatch is True


def test_weekdays_in_the_table_agree_with_their_dates():
    flagged = [
        c.id
        for c in CASES
        if c.site != "mismatch" and (p := parse_date(c.text, c.reference)) and p.weekday_mismatch
    ]
    assert flagged == []


def test_yearless_weekday_that_never_agrees_is_flagged():
    found = parse_date("Selasa (3/5)", R_MAY5)
    assert found == ParsedDate("2025-05-03", "day", True, 0, 12)


@pytest.mark.parametrize(
    ("text", "precision"),
    [
        ("Thu, 05 Nov 2015 15:08:01 +0700", "second"),
        ("Sabtu, 10 Des 2022 13:19 WIB", "minute"),
        ("2025-04-28T10:15+07:00", "minute"),
        ("Minggu (27/4/2025)", "day"),
        ("Juni 2024", "month"),
        ("2025", "year"),
    ],
    ids=["second", "minute", "iso-minute", "day", "month", "year"],
)
def test_precision(text, precision):
    found = parse_date(text)
    assert found is not None and found.precision == precision


def test_relative_precision():
    assert parse_date("2 jam yang lalu", R).precision == "second"
    assert parse_date("kemarin", R).precision == "day"
    assert parse_date("2 bulan lalu", R).iso == "2025-03"
    assert parse_date("5 tahun lalu", R).iso == "2020"


def test_parsed_date_is_frozen_and_spans_the_text():
    text = "Penulis: Tim | Sabtu, 10 Des 2022 13:19 WIB | Bagikan"
    found = parse_date(text)
    assert text[found.start : found.end] == "Sabtu, 10 Des 2022 13:19 WIB"
    with pytest.raises(dataclasses.FrozenInstanceError):
        found.iso = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "tz", "expected"),
    [
        ("28 April 2025 10:15", WITA, "2025-04-28T10:15:00+08:00"),
        ("28 April 2025 10:15", WIT, "2025-04-28T10:15:00+09:00"),
        ("28 April 2025 10:15 WIB", WITA, "2025-04-28T10:15:00+07:00"),
        ("2025-04-28T10:15:00", UTC, "2025-04-28T10:15:00+00:00"),
        ("28 April 2025", WITA, "2025-04-28"),
    ],
    ids=["wita", "wit", "stated-zone-wins", "utc", "day-has-no-zone"],
)
def test_default_tz(text, tz, expected):
    assert normalise_date(text, default_tz=tz) == expected


def test_relative_instant_is_given_in_default_tz():
    assert normalise_date("2 jam yang lalu", R, default_tz=WITA) == "2025-05-01T09:00:00+08:00"


def test_zone_constants():
    assert WIB.utcoffset(None) == timedelta(hours=7)
    assert WITA.utcoffset(None) == timedelta(hours=8)
    assert WIT.utcoffset(None) == timedelta(hours=9)


@pytest.mark.parametrize(
    "value",
    [123, b"28/05/2025", 3.5, ["2025"], object(), "\x00" * 100, "(" * 5000, "1." * 20000],
    ids=["int", "bytes", "float", "list", "object", "nul", "parens", "dots"],
)
def test_never_raises(value):
    assert normalise_date(value) is None  # type: ignore[arg-type]
    assert find_dates(value) == []  # type: ignore[arg-type]


def test_huge_string_still_finds_the_date():
    text = "lorem ipsum " * 20000 + "Senin, 28 April 2025 10:15 WIB"
    assert normalise_date(text) == "2025-04-28T10:15:00+07:00"


def test_reference_may_be_a_plain_date():
    day = R.date()
    assert normalise_date("kemarin", day) == "2025-04-30"  # type: ignore[arg-type]
    assert normalise_date("2 jam yang lalu", day) is None  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("label", "text", "reference", "expected"), FIND_CASES, ids=[f[0] for f in FIND_CASES]
)
def test_find_dates(label, text, reference, expected):
    mentions = find_dates(text, reference)
    assert [(m.text, m.date) for m in mentions] == expected
    for m in mentions:
        assert isinstance(m, DateMention)
        assert text[m.start : m.end] == m.text
    ends = [m.end for m in mentions]
    starts = [m.start for m in mentions]
    assert all(e <= s for e, s in zip(ends, starts[1:], strict=False))


def test_find_dates_in_a_paragraph():
    text = (
        "JAKARTA, KOMPAS.com - Sidang digelar Rabu (28/5/2025). Sebelumnya, pada 26 April, "
        "terdakwa ditangkap. Kasus ini bermula sejak Juni 2024 dengan kerugian Rp 1.000.000.000."
    )
    got = [(m.text, m.date) for m in find_dates(text, datetime(2025, 5, 28, 13, 30, tzinfo=WIB))]
    assert got == [
        ("Rabu (28/5/2025)", "2025-05-28"),
        ("26 April", "2025-04-26"),
        ("Juni 2024", "2024-06"),
    ]


def test_importing_dates_does_not_import_dateparser():
    code = "import sys, crawler.extraction.dates; print('dateparser' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sabtu, 10 Des 2022 13:19 WIB", "2022-12-10T13:19:00+07:00"),
        ("Selasa, 23 Februari 2016", "2016-02-23"),
        ("17 Juni 2021 11:38", "2021-06-17T11:38:00+07:00"),
        ("", None),
        (None, None),
        ("lorem ipsum dolor", None),
    ],
    ids=["with-time", "day-only", "no-zone", "empty", "none", "garbage"],
)
def test_dateparser_fallback(text, expected):
    assert dateparser_fallback(text) == expected  # type: ignore[arg-type]


def test_dateparser_fallback_default_tz_for_unzoned_text():
    assert dateparser_fallback("17 Juni 2021 11:38", WITA) == "2021-06-17T11:38:00+08:00"


def test_yearless_prefers_the_past():
    assert normalise_date("Kamis (24/4)", R) == "2025-04-24"
    assert normalise_date("pada 2 Mei", R) == "2024-05-02"
