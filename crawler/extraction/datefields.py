"""The publication and update dates of a page, as the raw strings the record keeps (the dates
step normalises them).

The declared date and the shown one are weighed against each other, not simply ranked: the
string the page shows carries the page's zone and minute, while meta often carries a false UTC
or a wrong offset. The shown date (the site's selector's, else one printed near the headline)
is kept when the site says its shown date is right, when nothing is declared, or when it agrees
with the declared date; otherwise the declared date is kept.
"""

from __future__ import annotations

import re
from datetime import datetime

from lxml import html
from parsel import Selector

from crawler.extraction.dates import normalise_date
from crawler.extraction.document import clean_space
from crawler.extraction.fields import site_texts
from crawler.extraction.metadata import Metadata
from crawler.site import Rules

_DATE_HINT_RE = re.compile(
    r"\d{1,4}\s*[/.-]\s*\d{1,2}|\b\d{1,2}\s+[A-Za-z]{3,}\.?\s+\d{4}\b|\d{4}-\d{2}-\d{2}"
)


def resolve_published(
    doc: Selector, meta: Metadata, rules: Rules | None, body_node: html.HtmlElement | None, now: datetime
) -> str | None:
    """The publication date as found. ``rules`` are the site's when they read the body."""
    # A site that says where its date is gets no guessing of its own: when its selector finds
    # nothing, a date found on the page counts only if it agrees with the declared one (it fixes
    # a meta offset the site gets wrong); with nothing declared, the missing date is the signal
    # (health check) that the markup changed, not something to paper over.
    queries = rules.published if rules else ()
    visible = site_texts(doc, queries)
    site_found = bool(visible)
    if not site_found and (not queries or meta.published):
        visible = _visible_dates(doc, body_node)
    prefer_visible = bool(site_found and rules and rules.prefer_visible_date)
    return _choose_date(meta.published, visible, now, prefer_visible)


def resolve_modified(doc: Selector, meta: Metadata, rules: Rules | None, now: datetime) -> str | None:
    """The last update as found: the site's selector wins outright, else the declared date."""
    visible = site_texts(doc, rules.modified) if rules else []
    return _choose_date(meta.modified, visible, now, bool(visible))


def _visible_dates(doc: Selector, content: html.HtmlElement | None) -> list[str]:
    """Short text nodes that look like dates, outside the body text: those after the headline
    first, then the few just above it (a date line printed over the title)."""
    root = doc.root
    h1 = next(iter(root.xpath("//h1")), None)
    before: list[str] = []
    found: list[str] = []
    target = before if h1 is not None else found
    # Inside the headline or the body text: skipped (a set, not an ancestor walk per element).
    inside = set(h1.iterdescendants()) if h1 is not None else set()
    if content is not None:
        inside.update(content.iter())
    for el in root.iter():
        if el is h1:
            target = found
            if h1.tail and 6 <= len(clean_space(h1.tail)) <= 100 and _DATE_HINT_RE.search(h1.tail):
                found.append(clean_space(h1.tail))
            continue
        if not isinstance(el.tag, str) or el.tag in ("script", "style"):
            continue
        if el in inside:
            continue
        for text in (el.text, el.tail):
            text = clean_space(text)
            if 6 <= len(text) <= 100 and _DATE_HINT_RE.search(text):
                target.append(text)
        if el.tag == "time" and el.get("datetime"):  # after the text the page shows
            target.append(el.get("datetime").strip())
        if len(found) > 40:
            break
    return found + before[::-1][:3]


def _choose_date(
    meta_values: list[str], visible: list[str], reference: datetime, prefer_visible: bool
) -> str | None:
    """The raw date string to keep. The page's own visible string wins when it states a time
    and agrees with the declared instant (or nothing is declared): it carries the page's zone
    and minute; meta often carries a false UTC or a wrong offset."""
    declared = next(((m, iso) for m in meta_values if (iso := normalise_date(m, reference))), (None, None))
    meta_value, meta_iso = declared
    readings = [(text, iso) for text in visible if (iso := normalise_date(text, reference))]
    # Strings that state a time of day first: a bare day is a weaker reading of the same page.
    readings.sort(key=lambda pair: "T" not in pair[1])
    for text, iso in readings:
        if meta_iso is None or prefer_visible or _agrees(iso, meta_iso):
            return text
    return meta_value


def _agrees(visible: str, declared: str) -> bool:
    """The visible date says the same as the declared one: the same instant to the minute, or
    the same wall-clock minute under another offset (meta that stamps WIB times as UTC or
    -07:00: the page's own zone is the one to keep)."""
    if "T" not in visible:
        return False
    try:
        da, db = datetime.fromisoformat(visible), datetime.fromisoformat(declared)
    except ValueError:
        return False
    if da.tzinfo is None or db.tzinfo is None:
        return False
    if abs((da - db).total_seconds()) < 60:
        return True
    return da.replace(tzinfo=None, second=0) == db.replace(tzinfo=None, second=0)
