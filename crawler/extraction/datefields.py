"""The publication and update dates of a page, as the raw strings the record keeps (the dates
step normalises them), and the zone of a time the page prints without one.

The declared date and the shown one are weighed against each other, not simply ranked: the
string the page shows carries the page's zone and minute, while meta often carries a false UTC
or a wrong offset. The shown date (the site's selector's, else one printed in the article's own
region, :mod:`.datefinder`) is kept when the site says its shown date is right, when nothing is
declared, or when it agrees with the declared date; otherwise the declared date is kept. Dates
found by looking (no site selector) that disagree with each other, with nothing declared, give
no date at all: absent beats a wrong day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from itertools import combinations

from lxml import html
from parsel import Selector

from crawler.extraction.datefinder import visible_dates
from crawler.extraction.dates import WIB, WIT, WITA, normalise_date
from crawler.extraction.fields import site_texts
from crawler.extraction.metadata import Metadata
from crawler.site import Rules

INDONESIAN_ZONES = (WIB, WITA, WIT)


@dataclass(frozen=True)
class PageDate:
    """A date as found, and the zone of its time when the string states none: the site's home
    zone, or the zone the page shows its declared instant in."""

    raw: str | None
    zone: tzinfo = WIB


def resolve_published(
    doc: Selector,
    meta: Metadata,
    rules: Rules | None,
    body_node: html.HtmlElement | None,
    now: datetime,
    title: str | None = None,
    zone: tzinfo = WIB,
) -> PageDate:
    """The publication date as found. ``rules`` are the site's when they read the body."""
    visible = site_texts(doc, rules.published) if rules else []
    if visible:
        prefer_visible = bool(rules and rules.prefer_visible_date)
        return choose_date(meta.published, visible, now, zone, prefer_visible)
    # No site selector, or one that finds nothing on an older template: the date the page
    # shows in the article's own header or byline, weighed against the declared one.
    return choose_date(meta.published, visible_dates(doc, body_node, title), now, zone, looked=True)


def resolve_modified(
    doc: Selector, meta: Metadata, rules: Rules | None, now: datetime, zone: tzinfo = WIB
) -> str | None:
    """The last update as found: the site's selector wins outright, else the declared date."""
    visible = site_texts(doc, rules.modified) if rules else []
    return choose_date(meta.modified, visible, now, zone, bool(visible)).raw


def choose_date(
    meta_values: list[str],
    visible: list[str],
    reference: datetime,
    zone: tzinfo,
    prefer_visible: bool = False,
    looked: bool = False,
) -> PageDate:
    """The raw date string to keep and its zone. The page's own visible string wins when it
    states a time and agrees with the declared instant (or nothing is declared): it carries the
    page's zone and minute; meta often carries a false UTC or a wrong offset. ``looked``: the
    visible strings were found by looking, not by the site's selector; when they name
    different days and nothing is declared, there is no date."""
    meta_value, meta_iso = next(
        ((m, iso) for m in meta_values if (iso := normalise_date(m, reference, zone))), (None, None)
    )
    readings = [(text, iso) for text in visible if (iso := normalise_date(text, reference, zone))]
    if looked:  # a page's date names a day at least; "Juni 2024" in a header is no page date
        readings = [(text, iso) for text, iso in readings if len(iso) >= 10]
    # Strings that state a time of day first: a bare day is a weaker reading of the same page.
    readings.sort(key=lambda pair: "T" not in pair[1])
    if meta_iso is None:
        if looked and _disagree([iso for _, iso in readings]):
            return PageDate(None, zone)
        return PageDate(readings[0][0] if readings else None, zone)
    if prefer_visible and readings:
        return PageDate(readings[0][0], zone)
    for text, iso in readings:
        if _utc(iso):  # a <time datetime> copy of the metadata: it says nothing of what is shown
            continue
        found = agreeing_zone(text, iso, meta_iso, reference, zone)
        if found is not None:
            return PageDate(text, found)
    false_utc = next((text for text, iso in readings if _false_utc_day(iso, meta_iso, zone)), None)
    return PageDate(false_utc or meta_value, zone)


def _false_utc_day(shown: str, declared: str, zone: tzinfo) -> bool:
    """The page shows the declared UTC time's own day, where that instant is another day in
    the page's zone: the CMS stamped a local time as UTC. Only the day shown is sure then."""
    stated = _moment(declared)
    if "T" in shown or stated is None or not _utc(declared):
        return False
    return shown[:10] == declared[:10] != stated.astimezone(zone).date().isoformat()


def _utc(iso: str) -> bool:
    moment = _moment(iso)
    return moment is not None and moment.utcoffset() == timedelta(0)


def _disagree(readings: list[str]) -> bool:
    """Two of the dates name different days, and not one instant in two zones."""
    return any(a[:10] != b[:10] and not _same_instant(a, b) for a, b in combinations(readings, 2))


def _moment(iso: str) -> datetime | None:
    """An aware datetime of an ISO string with a time, else None."""
    if "T" not in iso:
        return None
    try:
        found = datetime.fromisoformat(iso)
    except ValueError:
        return None
    return found if found.tzinfo is not None else None


def _same_instant(a: str, b: str) -> bool:
    da, db = _moment(a), _moment(b)
    return da is not None and db is not None and abs((da - db).total_seconds()) < 60


def _wall(moment: datetime) -> datetime:
    """The wall-clock minute, without its zone."""
    return moment.replace(tzinfo=None, second=0, microsecond=0)


def agreeing_zone(text: str, visible: str, declared: str, reference: datetime, zone: tzinfo) -> tzinfo | None:
    """The zone under which the visible date says what the declared one says, or None when it
    says something else. The same instant, read in ``zone`` (or in the zone the text names); a
    time printed without a zone that is the declared instant in WIB, WITA or WIT (the page shows
    the reader's zone while meta says UTC): that zone; the same wall-clock minute under another
    offset (meta that stamps WIB times as UTC or -07:00): the page's zone is kept; a declared
    day, or a UTC time, with a time shown on that day: the time the page shows."""
    shown = _moment(visible)
    if shown is None:
        return None
    if "T" not in declared:
        return zone if visible[:10] == declared[:10] else None
    stated = _moment(declared)
    if stated is None:
        return None
    if abs((shown - stated).total_seconds()) < 60:
        return zone
    if _zoneless(text, reference):
        for candidate in INDONESIAN_ZONES:
            if _wall(shown) == _wall(stated.astimezone(candidate)):
                return candidate
    if _wall(shown) == _wall(stated):
        return zone
    # UTC is no zone an Indonesian reader is shown: a page that declares it and shows a time on
    # that very day shows its own time (a CMS that stamps local times as UTC, and a minute apart).
    return zone if stated.utcoffset() == timedelta(0) and visible[:10] == declared[:10] else None


def _zoneless(text: str, reference: datetime) -> bool:
    """The text prints a time of day without a zone: read in two zones, it says two things."""
    a, b = normalise_date(text, reference, UTC), normalise_date(text, reference, WIT)
    return a is not None and "T" in a and a != b
