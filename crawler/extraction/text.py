"""Indonesian cleanup of article text: boilerplate lines, the dateline, trailing credits.

Pure functions over a list of paragraphs; the same rules run on the site path and the
generic path.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from crawler.extraction.dates import normalise_date
from crawler.extraction.document import clean_space
from crawler.extraction.indonesian import (
    BODY_BYLINE_RES,
    BOILERPLATE_MAX_CHARS,
    BOILERPLATE_RE,
    CAPTION_MAX_WORDS,
    CAPTION_PARAGRAPH_RES,
    COLON_DATELINE_RE,
    CONTRIBUTOR_LINE_RE,
    CREDIT_TAG_RE,
    DATELINE_MAX_WORDS,
    DATELINE_RE,
    EDITOR_LABELS,
    INLINE_MARKERS_RE,
    NAME_RE,
    OUTLET_PLACE_RE,
    OUTLET_RE,
    PROMPT_ADDRESS_RE,
    PROMPT_CHANNEL_RE,
    PROMPT_LINE_RE,
    PROMPT_MAX_WORDS,
    REACTION_CHOICE_MAX_WORDS,
    REACTION_PROMPT_RE,
    REPORTED_SPEECH_RE,
    SOURCE_LINE_RE,
    STAFF_LINE_RE,
)
from crawler.extraction.names import sign_off

# How far down the first paragraphs an outlet's dateline is looked for, and how long a line
# above it may be to count as furniture.
LEAD_SEARCH = 5
LEAD_FURNITURE_MAX_WORDS = 40
# A line of the page's own date above the text ("Kamis, 11/02/2016 07:07 WIB") is this short.
DATE_LINE_MAX_WORDS = 10
DATE_LINE_MAX_NAMES = 4  # words of letters in it: "Diterbitkan", "Kamis", "Feb", "WIB"
# What may follow a lone desk tag and still be page furniture (a related box, a poll) rather
# than more of the article: a few paragraphs, far less text than the article above the tag.
AFTER_TAG_MAX_PARAGRAPHS = 8
AFTER_TAG_MAX_SHARE = 0.5


@dataclass
class CleanText:
    paragraphs: list[str]
    dateline: str | None = None
    place: str | None = None
    credit: str | None = None
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)


def is_boilerplate(paragraph: str) -> bool:
    """A line of page furniture. A prompt's words quoted in the story ("Ikuti arahan petugas,"
    kata Kapolres) are article text."""
    if len(paragraph) <= BOILERPLATE_MAX_CHARS and BOILERPLATE_RE.match(paragraph):
        return True
    if REPORTED_SPEECH_RE.search(paragraph):
        return False
    prompt = len(paragraph) <= BOILERPLATE_MAX_CHARS and PROMPT_LINE_RE.match(paragraph) is not None
    return prompt or is_reader_prompt(paragraph)


def is_reader_prompt(paragraph: str) -> bool:
    """ "Follow Instagram @kabarkota ...", "Unduh aplikasinya di Play Store sekarang!", "Langganan
    newsletter kami": a short line that names a channel and speaks to the reader. Words quoted
    in the story ("Kami melapor ke grup Telegram itu," kata Budi) are article text."""
    return (
        len(paragraph.split()) <= PROMPT_MAX_WORDS
        and PROMPT_CHANNEL_RE.search(paragraph) is not None
        and PROMPT_ADDRESS_RE.search(paragraph) is not None
    )


def is_caption(paragraph: str) -> bool:
    """A photo caption or credit that lost its figure: short, and shaped like one."""
    if len(paragraph.split()) > CAPTION_MAX_WORDS:
        return False
    return any(pattern.match(paragraph) for pattern in CAPTION_PARAGRAPH_RES)


def drop_boilerplate(paragraphs: list[str], title: str | None = None) -> list[str]:
    """Paragraphs without ad markers, "Baca juga" lines, prompts, captions, or a repeat of the title."""
    out = []
    for paragraph in paragraphs:
        paragraph = clean_space(INLINE_MARKERS_RE.sub(" ", paragraph))
        if not paragraph or is_boilerplate(paragraph) or is_caption(paragraph):
            continue
        if title and paragraph == title:
            continue
        out.append(paragraph)
    return out


def drop_reaction_polls(paragraphs: list[str]) -> list[str]:
    """A reaction poll ("Bagaimana reaksi Anda?" then "Senang", "Sedih", ...): the question and
    the run of one- to three-word choices after it."""
    out: list[str] = []
    in_poll = False
    for paragraph in paragraphs:
        if REACTION_PROMPT_RE.match(paragraph):
            in_poll = True
            continue
        if in_poll and len(paragraph.split()) <= REACTION_CHOICE_MAX_WORDS and not paragraph.endswith("."):
            continue
        in_poll = False
        out.append(paragraph)
    return out


def byline_of(paragraph: str) -> tuple[str, list[str]] | None:
    """ "OLEH NAMA", "Editor. Nama", "Laporan wartawan Kabar, Nama": a byline written as a
    paragraph, as (label, names); None for a sentence ("Oleh karena itu, ...")."""
    for pattern in BODY_BYLINE_RES:
        found = pattern.match(paragraph)
        if not found:
            continue
        names = [_no_full_stop(clean_space(n)) for n in re.split(r",|&|\sdan\s", found.group("names"))]
        names = [n for n in names if n]
        if names and all(NAME_RE.fullmatch(n) for n in names):
            return (found.groupdict().get("label") or "oleh").lower(), names  # as printed: "OLEH DINI TEJA"
    return None


def _no_full_stop(name: str) -> str:
    """ "Hendra Gunawan." ends a sentence; "Agus S." keeps its initial."""
    return name[:-1] if name.endswith(".") and len(name.split()[-1]) > 3 else name


def take_bylines(paragraphs: list[str], result: CleanText) -> list[str]:
    """Byline and editor lines of the body moved to ``authors`` / ``editors``."""
    out = []
    for paragraph in paragraphs:
        found = byline_of(paragraph)
        if found is None:
            out.append(paragraph)
            continue
        label, names = found
        target = result.editors if label in EDITOR_LABELS else result.authors
        target += [n for n in names if n not in target]
    return out


def drop_lead_dates(paragraphs: list[str]) -> list[str]:
    """The page's date set above the text ("Kamis, 11/02/2016 07:07 WIB") is not article text."""
    at = 0
    while at < min(len(paragraphs), LEAD_SEARCH) and _is_date_line(paragraphs[at]):
        at += 1
    return paragraphs[at:]


def _is_date_line(paragraph: str) -> bool:
    """A date and little else: a weekday, a month, a zone, a label. A dateline that holds a date
    ("ISTANBUL, 23 Februari 2016 (Antara) --") names more and ends in a dash."""
    words = re.findall(r"[^\W\d_]+", paragraph)
    if len(paragraph.split()) > DATE_LINE_MAX_WORDS or len(words) > DATE_LINE_MAX_NAMES:
        return False
    return not re.search(r"[()]|[-–—]\s*$", paragraph) and normalise_date(paragraph) is not None


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
        lone = re.fullmatch(r"(.{2,60}?)\s*:", para)  # "Kabarkota.com, Jakarta:" on its own line
        if lone and index + 1 < len(paragraphs) and _names_outlet(lone.group(1)):
            return lone.group(1).strip(), paragraphs[index + 1 :]
        match = OUTLET_PLACE_RE.match(para) or DATELINE_RE.match(para) or _colon_dateline(para)
        if match and (index == 0 or _names_outlet(match.group("dateline"))):
            dateline = match.group("dateline").strip()
            if len(dateline.split()) <= DATELINE_MAX_WORDS:
                rest = para[match.end() :].strip()
                return dateline, ([rest] if rest else []) + paragraphs[index + 1 :]
        if len(para.split()) > LEAD_FURNITURE_MAX_WORDS:
            break
    return None, paragraphs


def _colon_dateline(paragraph: str) -> re.Match[str] | None:
    """ "Kabarkota.com, Jakarta: ..." -- a colon closes a dateline only when it names an outlet."""
    found = COLON_DATELINE_RE.match(paragraph)
    return found if found and _names_outlet(found.group("dateline")) else None


def _names_outlet(dateline: str) -> bool:
    """ "TEMPO.CO, Jakarta", "Suara.com", "Jakarta (ANTARA)": a dateline that names its outlet."""
    parts = re.split(r",|\s[-–—]\s|[()]", dateline)
    return any(OUTLET_RE.match(clean_space(part)) for part in parts if clean_space(part))


def cut_after_lone_tag(paragraphs: list[str]) -> list[str]:
    """A desk tag alone on its line ("(asj/ash)", "[sc]") ends the article: the few short lines a
    wide reading picked up after it (a related box, a poll, a teaser) are page furniture. Staff
    and source lines after it are kept for :func:`split_trailer`."""
    for index in range(len(paragraphs) - 1, 0, -1):
        if not CREDIT_TAG_RE.fullmatch(paragraphs[index]):
            continue
        after = paragraphs[index + 1 :]
        before_words = sum(len(p.split()) for p in paragraphs[:index])
        after_words = sum(len(p.split()) for p in after)
        if len(after) > AFTER_TAG_MAX_PARAGRAPHS or after_words > AFTER_TAG_MAX_SHARE * before_words:
            return paragraphs
        staff = [
            p for p in after
            if staff_lines(p) or SOURCE_LINE_RE.match(p) or byline_of(p) or sign_off(p, paragraphs)
        ]  # fmt: skip
        return paragraphs[: index + 1] + staff
    return paragraphs


def staff_lines(line: str) -> list[re.Match[str]]:
    """ "Editor: Nama", or several on one line: "Penulis: Nama | Editor: Nama"."""
    found = [STAFF_LINE_RE.match(part.strip()) for part in line.split("|")]
    return [f for f in found if f] if all(found) else []


def split_trailer(paragraphs: list[str]) -> CleanText:
    """Trailing credit tags ("(TASS)", "(mea/mea)"), source and staff lines, taken off the end."""
    result = CleanText(cut_after_lone_tag(list(paragraphs)))
    paras = result.paragraphs
    while paras:
        last = paras[-1]
        staff = staff_lines(last)
        contributor = CONTRIBUTOR_LINE_RE.match(last)
        if contributor:
            result.authors[:0] = [clean_space(contributor.group("names"))]
            paras.pop()
            continue
        name = sign_off(last, paras[:-1]) if not result.authors and len(paras) > 1 else None
        if name:  # the reporter's name alone, last or after the desk tag: "DINI TEJA"
            result.authors[:0] = [name]
            paras.pop()
            continue
        source = SOURCE_LINE_RE.match(last)
        tag = CREDIT_TAG_RE.search(last)
        if staff:
            for found in reversed(staff):
                names = [clean_space(n) for n in re.split(r",|/|\sdan\s", found.group("names"))]
                names = [n for n in names if n]
                target = result.editors if found.group("label").lower() in EDITOR_LABELS else result.authors
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
    paras = drop_boilerplate(drop_reaction_polls(paragraphs), title)
    bylines = CleanText([])
    paras = take_bylines(drop_lead_dates(paras), bylines)
    dateline, paras = split_dateline(paras)
    result = split_trailer(paras)
    result.authors = bylines.authors + [a for a in result.authors if a not in bylines.authors]
    result.editors = bylines.editors + [e for e in result.editors if e not in bylines.editors]
    result.dateline = dateline
    result.place = place_of(dateline) if dateline else None
    return result
