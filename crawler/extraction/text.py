"""Indonesian cleanup of article text: boilerplate lines, the dateline, trailing credits.

Pure functions over a list of paragraphs; the same rules run on the site path and the
generic path.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from crawler.extraction.document import clean_space
from crawler.extraction.indonesian import (
    BOILERPLATE_MAX_CHARS,
    BOILERPLATE_RE,
    CONTRIBUTOR_LINE_RE,
    CREDIT_TAG_RE,
    DATELINE_MAX_WORDS,
    DATELINE_RE,
    EDITOR_LABELS,
    INLINE_MARKERS_RE,
    OUTLET_PLACE_RE,
    OUTLET_RE,
    SOURCE_LINE_RE,
    STAFF_LINE_RE,
)

# How far down the first paragraphs an outlet's dateline is looked for, and how long a line
# above it may be to count as furniture.
LEAD_SEARCH = 5
LEAD_FURNITURE_MAX_WORDS = 40


@dataclass
class CleanText:
    paragraphs: list[str]
    dateline: str | None = None
    place: str | None = None
    credit: str | None = None
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)


def is_boilerplate(paragraph: str) -> bool:
    return len(paragraph) <= BOILERPLATE_MAX_CHARS and bool(BOILERPLATE_RE.match(paragraph))


def drop_boilerplate(paragraphs: list[str], title: str | None = None) -> list[str]:
    """Paragraphs without ad markers, "Baca juga" lines, prompts, or a repeat of the title."""
    out = []
    for paragraph in paragraphs:
        paragraph = clean_space(INLINE_MARKERS_RE.sub(" ", paragraph))
        if not paragraph or is_boilerplate(paragraph) or (title and paragraph == title):
            continue
        out.append(paragraph)
    return out


def place_of(dateline: str) -> str | None:
    """ "Jakarta" from "JAKARTA, KOMPAS.com", "FAKTA.COM, Jakarta" or "Jakarta (ANTARA)"."""
    head = re.sub(r"\([^()]*\)", " ", dateline)
    for part in (clean_space(p) for p in re.split(r",|\s[-–—]\s", head)):
        if not part or OUTLET_RE.match(part) or re.search(r"\d", part) or "." in part:
            continue
        return part.title() if part.isupper() else part
    return None


def split_dateline(paragraphs: list[str]) -> tuple[str | None, list[str]]:
    """The dateline printed before the first dash, and the paragraphs without it."""
    if not paragraphs:
        return None, paragraphs
    # An outlet's dateline a few lines down opens the article, as does a place alone before a
    # dash (detik's bold "Jakarta -" before the first <p>): the short lines above it (summary
    # bullets, a byline, the date, a channel label) are page furniture and go with it.
    for index, para in enumerate(paragraphs[:LEAD_SEARCH]):
        lone = re.fullmatch(r"(.{2,60}?)\s*(?:-{1,2}|–|—)", para)
        if lone and index + 1 < len(paragraphs) and DATELINE_RE.match(lone.group(1) + " - x"):
            return lone.group(1).strip(), paragraphs[index + 1 :]
        match = OUTLET_PLACE_RE.match(para) or DATELINE_RE.match(para)
        if match and (index == 0 or _names_outlet(match.group("dateline"))):
            dateline = match.group("dateline").strip()
            if len(dateline.split()) <= DATELINE_MAX_WORDS:
                rest = para[match.end() :].strip()
                return dateline, ([rest] if rest else []) + paragraphs[index + 1 :]
        if len(para.split()) > LEAD_FURNITURE_MAX_WORDS:
            break
    return None, paragraphs


def _names_outlet(dateline: str) -> bool:
    """ "TEMPO.CO, Jakarta", "Suara.com", "Jakarta (ANTARA)": a dateline that names its outlet."""
    parts = re.split(r",|\s[-–—]\s|[()]", dateline)
    return any(OUTLET_RE.match(clean_space(part)) for part in parts if clean_space(part))


def split_trailer(paragraphs: list[str]) -> CleanText:
    """Trailing credit tags ("(TASS)", "(mea/mea)"), source and staff lines, taken off the end."""
    result = CleanText(list(paragraphs))
    paras = result.paragraphs
    while paras:
        last = paras[-1]
        staff = STAFF_LINE_RE.match(last)
        contributor = CONTRIBUTOR_LINE_RE.match(last)
        if contributor:
            result.authors[:0] = [clean_space(contributor.group("names"))]
            paras.pop()
            continue
        source = SOURCE_LINE_RE.match(last)
        tag = CREDIT_TAG_RE.search(last)
        if staff:
            names = [clean_space(n) for n in re.split(r",|/|\sdan\s", staff.group("names")) if clean_space(n)]
            target = result.editors if staff.group("label").lower() in EDITOR_LABELS else result.authors
            target[:0] = names
            paras.pop()
        elif source and result.credit is None:
            result.credit = clean_space(source.group("credit"))
            paras.pop()
        elif tag and result.credit is None:
            result.credit = clean_space(tag.group("credit"))
            rest = last[: tag.start()].strip()
            if rest:
                paras[-1] = rest
                break
            paras.pop()
        else:
            break
    return result


def clean_paragraphs(paragraphs: list[str], title: str | None = None) -> CleanText:
    """Everything the text step does to a body: boilerplate, dateline, trailer."""
    paras = drop_boilerplate(paragraphs, title)
    dateline, paras = split_dateline(paras)
    result = split_trailer(paras)
    result.dateline = dateline
    result.place = place_of(dateline) if dateline else None
    return result
