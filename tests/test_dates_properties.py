"""Property tests: any moment printed in a site's format reads back exactly."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from crawler.extraction.dates import WIB, WIT, WITA, find_dates, normalise_date, parse_date

HARI = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
HARI_OKEZONE = [h.replace("Jumat", "Jum'at") for h in HARI]
BULAN = [
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
]  # fmt: skip
BLN = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
DAY_EN = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
MON_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

moments = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2040, 12, 31, 23, 59))


def _minute(d: datetime, tz=WIB) -> str:
    return d.replace(second=0, microsecond=0, tzinfo=tz).isoformat()


def _second(d: datetime, tz=WIB) -> str:
    return d.replace(microsecond=0, tzinfo=tz).isoformat()


# Each format: (printer, expected ISO for the same moment)
FORMATS: dict[str, tuple[Callable[[datetime], str], Callable[[datetime], str]]] = {
    "detik": (
        lambda d: f"{HARI[d.weekday()]}, {d.day:02d} {BLN[d.month - 1]} {d.year} {d:%H:%M} WIB",
        _minute,
    ),
    "detik-2015": (lambda d: f"{HARI[d.weekday()]}, {d:%d/%m/%Y %H:%M} WIB", _minute),
    "kompas": (lambda d: f"Kompas.com - {d:%d/%m/%Y, %H:%M} WIB", _minute),
    "kompas-2015": (
        lambda d: f"{HARI[d.weekday()]}, {d.day} {BULAN[d.month - 1]} {d.year} | {d:%H:%M} WIB",
        _minute,
    ),
    "fakta": (lambda d: f"{d.day:02d} {BULAN[d.month - 1]} {d.year} {d:%H:%M} WIB", _minute),
    "liputan6": (lambda d: f"{d.day:02d} {BLN[d.month - 1]} {d.year}, {d:%H:%M} WIB", _minute),
    "liputan6-2016": (
        lambda d: f"on {d.day} {MON_EN[d.month - 1]} {d.year} at {d:%H:%M} WIB",
        _minute,
    ),
    "republika": (
        lambda d: f"{HARI[d.weekday()]}, {d.day} {BULAN[d.month - 1]} {d.year}, {d:%H:%M} WIB",
        _minute,
    ),
    "okezone": (
        lambda d: f"{HARI_OKEZONE[d.weekday()]}, {d.day} {BULAN[d.month - 1]} {d.year} - {d:%H:%M} wib",
        _minute,
    ),
    "tempo": (lambda d: f"{d.day:02d} {BULAN[d.month - 1]} {d.year} | {d:%H.%M} WIB", _minute),
    "inews": (
        lambda d: f"{HARI[d.weekday()]}, {d.day} {BULAN[d.month - 1]} {d.year} - {d:%H:%M:%S} WIB",
        _second,
    ),
    "mediaindonesia": (lambda d: f"{d:%d}/{d.month}/{d.year} {d:%H:%M}", _minute),
    "merdeka": (lambda d: f"{d.day} {BULAN[d.month - 1]} {d.year} {d:%H:%M}", _minute),
    "tribun-wita": (
        lambda d: f"{HARI[d.weekday()]}, {d.day} {BULAN[d.month - 1]} {d.year} {d:%H:%M} WITA",
        lambda d: _minute(d, WITA),
    ),
    "tribun-wit": (
        lambda d: f"{HARI[d.weekday()]}, {d.day} {BULAN[d.month - 1]} {d.year} {d:%H:%M} WIT",
        lambda d: _minute(d, WIT),
    ),
    "rss": (
        lambda d: f"{DAY_EN[d.weekday()]}, {d:%d} {MON_EN[d.month - 1]} {d:%Y %H:%M:%S} +0700",
        _second,
    ),
    "jawapos": (lambda d: f"{d:%Y-%m-%d %H:%M:%S}", _second),
    "body": (
        lambda d: f"{HARI[d.weekday()]} ({d.day}/{d.month}/{d.year})",
        lambda d: f"{d:%Y-%m-%d}",
    ),
    "month-year": (lambda d: f"{BULAN[d.month - 1]} {d.year}", lambda d: f"{d:%Y-%m}"),
}


@settings(max_examples=60, deadline=None)
@given(moment=moments, fmt=st.sampled_from(sorted(FORMATS)))
def test_site_formats_round_trip(moment, fmt):
    printer, expected = FORMATS[fmt]
    text = printer(moment)
    found = parse_date(text)
    assert found is not None, text
    assert found.iso == expected(moment), text
    assert not found.weekday_mismatch


offsets = st.integers(min_value=-12 * 4, max_value=14 * 4).map(lambda q: timedelta(minutes=15 * q))


@settings(max_examples=100, deadline=None)
@given(moment=moments, offset=offsets, z=st.booleans())
def test_iso_round_trip_keeps_the_offset(moment, offset, z):
    aware = moment.replace(microsecond=0, tzinfo=timezone(offset))
    text = aware.isoformat()
    if z and offset == timedelta(0):
        text = text.replace("+00:00", "Z")
    assert normalise_date(text) == aware.isoformat()


@settings(max_examples=100, deadline=None)
@given(
    reference=st.datetimes(min_value=datetime(1991, 1, 1), max_value=datetime(2040, 1, 1)),
    hours=st.integers(min_value=1, max_value=500),
)
def test_hours_ago_is_exact(reference, hours):
    ref = reference.replace(tzinfo=WIB)
    expected = (ref - timedelta(hours=hours)).replace(microsecond=0).isoformat()
    assert normalise_date(f"{hours} jam yang lalu", ref) == expected


@settings(max_examples=100, deadline=None)
@given(
    reference=st.dates(min_value=date(1991, 1, 1), max_value=date(2040, 1, 1)),
    back=st.integers(min_value=0, max_value=364),
)
def test_yearless_body_date_within_a_year_resolves(reference, back):
    day = reference - timedelta(days=back)
    ref = datetime(reference.year, reference.month, reference.day, 12, tzinfo=WIB)
    text = f"{HARI[day.weekday()]} ({day.day}/{day.month})"
    assert normalise_date(text, ref) == day.isoformat()


@settings(max_examples=300, deadline=None)
@given(text=st.text())
def test_normalise_date_never_raises(text):
    normalise_date(text)
    normalise_date(text, datetime(2025, 5, 1, 10, tzinfo=WIB))


@settings(max_examples=200, deadline=None)
@given(
    parts=st.lists(
        st.one_of(
            st.text(max_size=12),
            st.sampled_from(["Rabu (28/5/2025)", "Juni 2024", "26 April", "pukul 21.45 WIB", "2024"]),
        ),
        max_size=8,
    )
)
def test_find_dates_spans_are_ordered_and_exact(parts):
    text = " ".join(parts)
    mentions = find_dates(text, datetime(2025, 5, 1, tzinfo=WIB))
    last_end = 0
    for m in mentions:
        assert text[m.start : m.end] == m.text
        assert m.start >= last_end
        last_end = m.end
