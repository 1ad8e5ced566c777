"""The one chain every entry point runs: extract, then dates -> text -> identity -> validate.

``warta extract`` calls :func:`build_record`; a crawl runs :func:`extract_article` in the
spider and the same four steps as item pipelines, in the same order (``settings.py`` lists
them; a test holds the two lists equal). Each step takes and returns the record and counts
what it did in ``stats`` (a Counter that pipelines copy into Scrapy's stats).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from datetime import datetime, timedelta, tzinfo
from typing import cast

from crawler.errors import ExtractionError, InvalidRecord, WartaError
from crawler.extraction.dates import WIB, dateparser_fallback, find_dates, parse_date, zone_named
from crawler.extraction.extract import extract_article
from crawler.extraction.language import detect_language
from crawler.extraction.record import DATE_ZONE, Draft, Record, tidy, validation_errors
from crawler.extraction.text import clean_paragraphs
from crawler.extraction.urls import article_id, canonicalize
from crawler.site import Site

Step = Callable[[Draft, Counter | None], Draft]
# The language is told from the text's start: the whole of any real article, while the time
# stays bounded on a hostile page of megabytes (langid reads ~3 µs per character).
LANGUAGE_SAMPLE_CHARS = 100_000


def _count(stats: Counter | None, key: str) -> None:
    if stats is not None:
        stats[key] += 1


def _reference(record: Draft) -> datetime | None:
    try:
        return datetime.fromisoformat(record["fetched_at"]) if record.get("fetched_at") else None
    except ValueError:
        return None


def normalise_date_field(
    raw: str | None, reference: datetime | None, stats: Counter | None, zone: tzinfo = WIB
) -> str | None:
    """warta's normaliser first; dateparser only when it gives nothing, and counted. ``zone``
    is the page's, for a time printed without one."""
    if not raw:
        return None
    parsed = parse_date(raw, reference, zone)
    if parsed is not None:
        if parsed.weekday_mismatch:
            _count(stats, "dates/weekday_mismatch")
        return parsed.iso
    value = dateparser_fallback(raw, zone)
    _count(stats, "dates/dateparser_fallback" if value else "dates/unparsed")
    return value


def _zone(record: Draft) -> tzinfo:
    """The zone extraction found for the page's dates; WIB for a draft that names none."""
    try:
        return zone_named(record.get(DATE_ZONE) or "WIB")
    except ValueError:
        return WIB


def normalise_dates(record: Draft, stats: Counter | None = None) -> Draft:
    reference, zone = _reference(record), _zone(record)
    for key in ("published", "modified"):
        found = normalise_date_field(record.get(f"{key}_raw"), reference, stats, zone)
        record[f"{key}_at"] = in_page_zone(found, zone)
    return record


def in_page_zone(iso: str | None, zone: tzinfo) -> str | None:
    """A time stated in UTC, as the page's reader is shown it: the same instant in the page's
    zone. No Indonesian newsroom prints UTC; it comes from metadata (RECORD.md: the offset of
    the zone the page uses)."""
    moment = datetime.fromisoformat(iso) if iso and "T" in iso else None
    if moment is None or moment.tzinfo is None or moment.utcoffset() != timedelta(0):
        return iso
    return moment.astimezone(zone).isoformat()


def clean_text(record: Draft, stats: Counter | None = None) -> Draft:
    cleaned = clean_paragraphs((record.get("text") or "").split("\n\n"), record.get("title"))
    if not cleaned.paragraphs:
        raise ExtractionError("no article text", "nothing left after cleanup")
    text = "\n\n".join(cleaned.paragraphs)
    language = detect_language(text[:LANGUAGE_SAMPLE_CHARS])
    record.update(text=text, word_count=len(text.split()), language=language)
    record["dateline"] = record.get("dateline") or cleaned.dateline
    record["place"] = record.get("place") or cleaned.place
    record["credit"] = record.get("credit") or cleaned.credit
    authors = record.get("authors") or []
    if all(_is_brand(a) for a in authors):  # a byline naming only the outlet: add the staff line's names
        authors = authors + [a for a in cleaned.authors if a not in authors]
    record["authors"] = authors
    record["editors"] = record.get("editors") or [e for e in cleaned.editors if e not in record["authors"]]
    published = record.get("published_at")
    reference = _parse_iso(published) or _reference(record)
    record["dates_mentioned"] = [{"text": m.text, "date": m.date} for m in find_dates(text, reference)]
    return record


def _is_brand(name: str) -> bool:
    """ "Liputan6.com", "detikNews": an outlet, not a person."""
    return bool(re.search(r"\.(?:com|co\.id|id)\b|^detik\w*$", name, re.IGNORECASE))


def _parse_iso(value: str | None) -> datetime | None:
    if not value or len(value) < 10:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def identify(record: Draft, stats: Counter | None = None) -> Draft:
    record["canonical_url"] = canonicalize(record.get("canonical_url") or record["url"])
    record["id"] = article_id(record["canonical_url"])
    return record


def validate(record: Draft, stats: Counter | None = None) -> Draft:
    record = tidy(record)
    errors = validation_errors(record)
    if errors:
        raise InvalidRecord("invalid record", errors[0])
    return record


STEPS: tuple[Step, ...] = (normalise_dates, clean_text, identify, validate)


def finish_record(draft: Draft, stats: Counter | None = None) -> Record:
    """The draft through every step; the last one, validation, makes it a Record."""
    for step in STEPS:
        draft = step(draft, stats)
    return cast(Record, draft)


def build_record(
    body: bytes | str,
    url: str,
    fetched_at: datetime,
    site: Site | None = None,
    content_type: str | None = None,
    stats: Counter | None = None,
    home_zone: tzinfo | None = None,
) -> Record:
    """The record of one page, exactly as a crawl would write it."""
    return finish_record(extract_article(body, url, fetched_at, site, content_type, home_zone), stats)


def run_step(job: tuple[Step, Draft]) -> tuple[Draft | None, Counter, WartaError | None]:
    """One step on a record, what it counted, and its refusal if it refused: a crawl's item
    pipeline calls it in the crawl's process or in an extraction worker (crawler.crawling.pool)."""
    step, record = job
    counts: Counter = Counter()
    try:
        return step(record, counts), counts, None
    except WartaError as exc:
        return None, counts, exc
