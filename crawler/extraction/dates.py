"""Exact Indonesian date normalisation with the stdlib only.

News pages print dates in a handful of shapes ("Sabtu, 10 Des 2022 13:19 WIB",
"Kompas.com - 28/05/2025, 13:30 WIB", "Minggu (27/4/2025)").  dateparser reads many
of them but is slow, guesses missing parts from "now" and fails on "Jum'at" or "Ags",
so warta reads them with a few precompiled regexes and never invents a value the text
does not give.  dateparser stays available as a separate, counted fallback.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from typing import Literal

WIB = timezone(timedelta(hours=7), "WIB")
WITA = timezone(timedelta(hours=8), "WITA")
WIT = timezone(timedelta(hours=9), "WIT")

# --- Indonesian (and English) knowledge, as data ------------------------------------------

MONTHS: dict[str, int] = {
    "januari": 1, "january": 1, "jan": 1,
    "februari": 2, "pebruari": 2, "february": 2, "feb": 2, "peb": 2,
    "maret": 3, "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7,
    "agustus": 8, "august": 8, "agus": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "desember": 12, "december": 12, "des": 12, "dec": 12,
}  # fmt: skip

# Monday = 0, as in datetime.weekday().  Apostrophes are folded to "'" before matching.
WEEKDAYS: dict[str, int] = {
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4,
    "sabtu": 5, "minggu": 6, "ahad": 6,
    "sen": 0, "sel": 1, "rab": 2, "kam": 3, "jum": 4, "sab": 5, "min": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6, "mon": 0, "tue": 1, "tues": 1, "wed": 2,
    "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}  # fmt: skip

ZONES: dict[str, tzinfo] = {"wib": WIB, "wita": WITA, "wit": WIT}
UTC_NAMES = ("gmt", "utc")  # may carry an offset: "GMT+7", "UTC+07:00"

# Words that may sit around a time: "on 16 Feb 2016 at 09:10", "(7/12/2022) sekitar pukul 21.45".
TIME_WORDS = ("pukul", "pkl", "jam", "at", "pada", "sekitar", "sekira", "on")
# Labels that may stand before a bare year ("Terbit 2025").
DECORATION = (
    "diperbarui", "dipublikasikan", "diterbitkan", "terbit", "tayang", "update", "updated",
    "published", "kompas.com", "pada", "on",
)  # fmt: skip

RELATIVE_UNITS: dict[str, str] = {
    "detik": "second", "menit": "minute", "jam": "hour", "hari": "day",
    "minggu": "week", "pekan": "week", "bulan": "month", "tahun": "year",
}  # fmt: skip
RELATIVE_UNITS |= {u + s: u for u in set(RELATIVE_UNITS.values()) for s in ("", "s")}  # English
NUMBER_WORDS: dict[str, int] = {
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
    "delapan": 8, "sembilan": 9, "sepuluh": 10, "a": 1, "an": 1, "one": 1, "two": 2,
}  # fmt: skip
# Day offsets of the relative day words; None means "this very moment".
RELATIVE_WORDS: dict[str, int | None] = {
    "hari ini": 0, "today": 0, "kemarin lusa": -2, "kemarin": -1, "yesterday": -1,
    "baru saja": None, "just now": None,
}  # fmt: skip

# One-to-one replacements, so spans in the folded text are spans in the original.
_FOLD = (
    str.maketrans({c: " " for c in "\u00a0\u2007\u2009\u200a\u202f\u3000"})
    | str.maketrans({c: "'" for c in "\u2018\u2019\u02bc\u0060\u00b4"})
    | str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2212"})
)

# --- patterns -------------------------------------------------------------------------------


def _alt(words: Iterable[str]) -> str:
    """`words` as one alternation shaped like a prefix tree: sre then drops a word at its
    first wrong letter instead of trying each word (several times faster).  Optional tails
    are greedy, so longer words win ("WITA" before "WIT")."""
    heads: dict[str, list[str]] = {}
    for word in words:
        heads.setdefault(word[:1].lower(), []).append(word[1:].lower())
    arms = [(r"\s+" if h == " " else re.escape(h)) + _alt(tails) for h, tails in heads.items() if h]
    body = arms[0] if len(arms) == 1 else "(?:" + "|".join(arms) + ")"
    return "" if not arms else f"(?:{body})?" if "" in heads else body


_FLAGS = re.IGNORECASE | re.ASCII
_MON = rf"(?:{_alt(MONTHS)})\b(?:\.(?=\s*\d))?"
_WD = rf"(?:{_alt(WEEKDAYS)})\b\.?"
_GAP = rf"(?:[\s,|/()\-:\u00b7\u2022]|\b(?:{_alt(TIME_WORDS)})\b\.?){{0,12}}"
_TIME = (
    r"(?<![\d.:])(?P<h>\d{1,2})(?P<ts>[:.])(?P<mi>\d{2})(?:(?P=ts)(?P<s>\d{2}))?"
    r"(?!\d)(?![.:]\d)(?:\s*(?P<ap>[ap])\.?m\b\.?)?"
)
_ZONE = (
    rf"\s*(?:(?P<zn>{_alt(ZONES)})\b|(?P<zu>{_alt(UTC_NAMES)})"
    r"(?:\s?(?P<zus>[+-])(?P<zuh>\d{1,2})(?::?(?P<zum>\d{2}))?)?\b)"
)
_OFFSET = r"\s?(?P<zo>Z|(?P<zos>[+-])(?P<zoh>\d{2}):?(?P<zom>\d{2}))(?![\w:])"

# One alternation, tried only where a word starts.  The weekday prefix is shared by the
# day-month-year shapes so it is read once per position.
_DATE_RE = re.compile(
    r"(?<!\w)(?:"
    # 2025-04-28, 2025/04/28 13:19:56, 2025-04-28T10:15:00+07:00, 2026-05-13WIB18:45:00
    r"(?P<iso>(?<!\.)(?P<iy>\d{4})(?P<isp>[-/.])(?P<imo>\d{1,2})(?P=isp)(?P<id>\d{1,2})"
    r"(?:(?:\s*T\s*|\s+|WIB)(?P<ih>\d{1,2})(?P<its>[:.-])(?P<imi>\d{2})"
    r"(?:(?P=its)(?P<isec>\d{2})(?:[.,]\d+)?)?)?(?!\d))"
    rf"|(?:(?P<wd>{_WD})\s*,?\s*)?(?:"
    # Kamis, 05/11/2015 | Minggu (27/4/2025) | 08/1/2026 | 10.11.15
    r"(?P<num>(?P<np>\(\s*)?(?<![\w.:/+])(?<!\d,)(?P<nd>\d{1,2})(?P<nsp>[/.-])(?P<nm>\d{1,2})"
    r"(?P=nsp)(?P<ny>\d{4}|\d{2})(?!\d)(?![/.:-]\d)(?(np)\s*\)))"
    # Sabtu (3/5): the year is left to the reference, so a weekday is required
    r"|(?P<numyl>(?(wd)|(?!))\(\s*(?P<qd>\d{1,2})/(?P<qm>\d{1,2})\s*\))"
    # Sabtu, 10 Des 2022 | 04 November, 2015 | pada 26 April
    r"|(?P<text>(?<![\w.:/])(?<!\d,)(?P<td>\d{1,2})(?:st|nd|rd|th)?[\s./-]*"
    rf"(?P<tm>{_MON})(?:\s*[,./-]?\s*(?P<ty>\d{{4}})(?!\d))?)"
    # Wednesday, November 4, 2015
    rf"|(?P<mdy>(?P<mm>{_MON})\s+(?P<md>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*,\s*|\s+)"
    r"(?P<my>\d{4})(?!\d)))"
    # Juni 2024
    rf"|(?P<ym>(?P<ymm>{_MON})\s*,?\s*(?P<ymy>\d{{4}})(?!\d))"
    # 2 jam yang lalu, sejam lalu, 3 days ago
    rf"|(?P<rel>(?<![.,])(?:(?P<rn>\d{{1,4}})\s*|(?P<rw>{_alt(NUMBER_WORDS)})\s+|se)"
    rf"(?P<ru>{_alt(RELATIVE_UNITS)})\s+(?:yang\s+)?(?:lalu|silam|ago)\b)"
    # kemarin, hari ini, baru saja
    rf"|(?P<relw>(?P<rwd>{_alt(RELATIVE_WORDS)})\b))",
    _FLAGS,
)
_TIME_AFTER = re.compile(_GAP + _TIME + f"(?:{_ZONE})?", _FLAGS)
_TIME_BEFORE = re.compile(rf"(?:\b(?:pukul|pkl|jam)\b\.?\s*)?{_TIME}(?:{_ZONE})?{_GAP}$", _FLAGS)
_ZONE_AT = re.compile(f"{_ZONE}|{_OFFSET}", _FLAGS)
_FULL_RE = re.compile(
    rf"^[\W_]*(?:(?:{_alt(DECORATION)})[\W_]*)*(?P<y>\d{{4}})(?:-(?P<m>\d{{2}}))?\W*$", _FLAGS
)
_HAS_TIME = re.compile(
    r"(?<![\d.])\d{1,2}[:.]\d{2}(?!\d)|\b(?:jam|menit|detik|hours?|minutes?|seconds?)\b", _FLAGS
)

# --- results --------------------------------------------------------------------------------

Precision = Literal["second", "minute", "day", "month", "year"]
_Found = tuple[str, Precision, bool, int, int]  # ParsedDate's fields; tuples are cheaper


@dataclass(frozen=True, slots=True)
class ParsedDate:
    """A date read from text: ISO value, how much the text said, and where it was."""

    iso: str
    precision: Precision
    weekday_mismatch: bool = False
    start: int = 0
    end: int = 0


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date written in running text, for the record's `dates_mentioned`."""

    text: str
    start: int
    end: int
    date: str


# --- helpers --------------------------------------------------------------------------------


@lru_cache(maxsize=512)
def _offset_tz(sign: str, hours: str, minutes: str | None) -> tzinfo:
    """A fixed zone; ValueError for offsets no place on earth uses (+25:00, +07:75)."""
    h, mi = int(hours), int(minutes or 0)
    if h * 60 + mi > 14 * 60 or mi >= 60:
        raise ValueError("impossible UTC offset")
    return timezone(timedelta(hours=h, minutes=mi) * (-1 if sign == "-" else 1))


def _zone(m: re.Match[str]) -> tzinfo | None:
    """The zone a match states (None when it states none)."""
    zn, zu = m.group("zn", "zu")
    if zn:
        return ZONES[zn.lower()]
    if zu:
        sign, hours, minutes = m.group("zus", "zuh", "zum")
        return _offset_tz(sign, hours, minutes) if sign else UTC
    if m.re is not _ZONE_AT or not m.group("zo"):
        return None
    if m.group("zo") in "zZ":
        return UTC
    return _offset_tz(*m.group("zos", "zoh", "zom"))


def _clock(m: re.Match[str]) -> str | None:
    """The clock part "T10:15:00" of a time match; None when it is no clock time."""
    hh, mm, ss, ap = m.group("h", "mi", "s", "ap")
    if ap:  # 12-hour clock, "10:15 PM"; "13:00 PM" is no time
        h = int(hh)
        hh = f"{h % 12 + (12 if ap in 'pP' else 0):02d}" if 1 <= h <= 12 else "99"
    elif len(hh) == 1:
        hh = "0" + hh
    if hh > "23" or mm > "59" or (ss and ss > "59"):
        return None
    return "T" + hh + ":" + mm + ":" + (ss or "00")


def _ref(reference: datetime | date | None, tz: tzinfo) -> datetime | None:
    """The reference as an aware datetime in `tz`; a naive one is read in `tz`."""
    if reference is None:
        return None
    if not isinstance(reference, datetime):
        return datetime(reference.year, reference.month, reference.day, tzinfo=tz)
    if reference.tzinfo is None:
        return reference.replace(tzinfo=tz)
    return reference.astimezone(tz)


def _yearless(month: int, day: int, weekday: int | None, ref: date) -> tuple[date, bool] | None:
    """Nearest day-month on or before `ref` that agrees with the weekday.  News also
    announces "Sabtu (3/5)" days ahead: if only a coming day agrees, it is taken; if none
    agrees, the nearest past day wins and the mismatch is reported."""
    cands = [c for y in (ref.year + 1, ref.year, ref.year - 1) if (c := _day(y, month, day))]
    if not cands:
        return None
    agree = [c for c in cands if weekday is None or c.weekday() == weekday]
    pool, mismatch = (agree, False) if agree else (cands, True)
    past = [c for c in pool if c <= ref]  # candidates run from the latest to the earliest
    return (past[0] if past else pool[-1]), mismatch


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:  # 31 Februari, month 13
        return None


def _year2(yy: str) -> int:
    """Two-digit years: 00-69 are 20xx, 70-99 are 19xx."""
    return int(yy) + (0 if len(yy) == 4 else 2000 if yy < "70" else 1900)


_OFFSET_TEXT: dict[tzinfo, str] = {}  # "+07:00" per fixed zone, filled as zones are met


def _stamp(day: date, clock: str, tz: tzinfo) -> str:
    """ISO date-time with seconds; pasted together for fixed zones (it is the hot path)."""
    off = _OFFSET_TEXT.get(tz)
    if off is None:
        h, mi, s = map(int, clock[1:].split(":"))
        full = datetime(day.year, day.month, day.day, h, mi, s, tzinfo=tz).isoformat()
        if type(tz) is timezone:
            _OFFSET_TEXT[tz] = full[19:]
        return full
    return day.isoformat() + clock + off


# --- core -----------------------------------------------------------------------------------


def _relative(m: re.Match[str], s: str, reference: object, tz0: tzinfo) -> _Found | None:
    """Relative forms ("2 jam yang lalu", "kemarin, 10:15 WIB") against the reference."""
    ref = _ref(reference, tz0)  # type: ignore[arg-type]
    if ref is None:
        return None
    instant_ok = isinstance(reference, datetime)  # a bare day cannot give an instant
    start, end = m.span()
    if m.group("rel"):
        n = int(m.group("rn")) if m.group("rn") else NUMBER_WORDS.get(str(m.group("rw")).lower(), 1)
        unit = RELATIVE_UNITS[m.group("ru").lower()]
        if unit in ("second", "minute", "hour"):
            when = ref - timedelta(**{unit + "s": n})
            iso = when.replace(microsecond=0).isoformat()
            return (iso, "second", False, start, end) if instant_ok else None
        if unit in ("month", "year"):
            k = ref.year * 12 + ref.month - 1 - (n if unit == "month" else 12 * n)
            iso = f"{k // 12:04d}" if unit == "year" else f"{k // 12:04d}-{k % 12 + 1:02d}"
            precision: Precision = "month" if unit == "month" else "year"
            return (iso, precision, False, start, end) if k >= 12 else None
        shift = -n * (7 if unit == "week" else 1)
    else:
        word = RELATIVE_WORDS[" ".join(m.group("rwd").lower().split())]
        if word is None:
            iso = ref.replace(microsecond=0).isoformat()
            return (iso, "second", False, start, end) if instant_ok else None
        shift = word
    if (t := _TIME_AFTER.match(s, end)) and (hms := _clock(t)):
        tz = _zone(t) or tz0
        day = ref.astimezone(tz).date() + timedelta(days=shift)
        prec: Precision = "second" if t.group("s") else "minute"
        return (_stamp(day, hms, tz), prec, False, start, t.end())
    return ((ref.date() + timedelta(days=shift)).isoformat(), "day", False, start, end)


# Group names of (year, month, day) in each day-month-year shape of _DATE_RE.
_FIELDS = {
    "iso": ("iy", "imo", "id"),
    "num": ("ny", "nm", "nd"),
    "numyl": (None, "qm", "qd"),  # "Sabtu (3/5)": the year comes from the reference
    "text": ("ty", "tm", "td"),
    "mdy": ("my", "mm", "md"),
}


def _day_of(m: re.Match[str], reference: object, tz0: tzinfo) -> tuple[date, bool] | None:
    """The calendar day of a date match and whether its weekday disagrees with it."""
    y_group, m_group, d_group = _FIELDS[m.lastgroup]  # type: ignore[index]
    yy, (mm, dd) = m.group(y_group) if y_group else None, m.group(m_group, d_group)
    month = int(mm) if mm.isdigit() else MONTHS[mm.lower().rstrip(".")]
    wd_name = m.group("wd")
    weekday = WEEKDAYS[wd_name.lower().rstrip(".")] if wd_name else None
    if yy is None:
        ref = _ref(reference, tz0)  # type: ignore[arg-type]
        return _yearless(month, int(dd), weekday, ref.date()) if ref else None
    day = _day(_year2(yy), month, int(dd))
    return (day, weekday is not None and day.weekday() != weekday) if day else None


def _resolve(m: re.Match[str], s: str, reference: object, tz0: tzinfo, with_time: bool) -> _Found | None:
    """One match of _DATE_RE as ParsedDate fields, or None when it is not a real date."""
    kind, g = m.lastgroup, m.group
    start, end = m.span()
    if kind in ("rel", "relw"):
        return _relative(m, s, reference, tz0) if with_time else None
    if kind == "ym":
        month, year = MONTHS[g("ymm").lower().rstrip(".")], int(g("ymy"))
        return (f"{year:04d}-{month:02d}", "month", False, start, end) if year else None
    found = _day_of(m, reference, tz0)
    if found is None:
        return None
    day, mismatch = found
    if kind == "iso" and g("ih"):
        hh, mm, ss = g("ih", "imi", "isec")
        hh = hh if len(hh) == 2 else "0" + hh
        if hh > "23" or mm > "59" or (ss and ss > "59"):
            return None
        z = _ZONE_AT.match(s, end)
        tz = _zone(z) if z else None
        end = z.end() if z and tz else end
        prec: Precision = "second" if g("isec") else "minute"
        return (_stamp(day, "T" + hh + ":" + mm + ":" + (ss or "00"), tz or tz0), prec, mismatch, start, end)
    if not with_time:
        return (day.isoformat(), "day", mismatch, start, end)
    if (t := _TIME_AFTER.match(s, end)) and (hms := _clock(t)):
        tz, end = _zone(t), max(end, t.end())
        # "Thu, 05 Nov 2015 15:08:01 +0700"; but "10:00-12:00" is a range, not an offset
        z = None if tz else _ZONE_AT.match(s, end)
        if z and not (s[end] == "-" and not t.group("s")):
            tz, end = _zone(z), z.end()
    elif (t := _TIME_BEFORE.search(s, max(0, start - 80), start)) and (hms := _clock(t)):
        tz, start = _zone(t), t.start("h")
    else:
        return (day.isoformat(), "day", mismatch, start, end)
    prec = "second" if t.group("s") else "minute"
    return (_stamp(day, hms, tz or tz0), prec, mismatch, start, end)


# --- public API -----------------------------------------------------------------------------

_ZONE_NAME_RE = re.compile(r"(?:(?:UTC|GMT)\s*)?(?P<sign>[+-])(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?", _FLAGS)


def zone_named(text: str) -> tzinfo:
    """The zone a person or a site file names: "WIB", "WITA", "WIT", "+08:00", "+0800",
    "UTC+8". ValueError for anything else, so a typo fails where it is written."""
    name = text.strip()
    if name.lower() in ZONES:
        return ZONES[name.lower()]
    found = _ZONE_NAME_RE.fullmatch(name)
    try:
        if found:
            return _offset_tz(found["sign"], found["h"], found["m"])
    except ValueError:  # +25:00
        pass
    raise ValueError(f"not a time zone: {text!r} (WIB, WITA, WIT or an offset such as +08:00)")


def offset_text(tz: tzinfo) -> str:
    """ "+08:00": a fixed zone as ISO 8601 writes it (and :func:`zone_named` reads it back)."""
    return datetime(2000, 1, 1, tzinfo=tz).isoformat()[19:]


def _parse(text: object, reference: object, default_tz: tzinfo) -> _Found | None:
    try:
        if not isinstance(text, str) or not text:
            return None
        s = text if text.isascii() else text.translate(_FOLD)
        for m in _DATE_RE.finditer(s):
            found = _resolve(m, s, reference, default_tz, with_time=True)
            if found is not None:
                return found
        full = _FULL_RE.match(s)  # a bare year "2025" or ISO month "2025-04", nothing else
        if full and not full["m"]:
            return (full["y"], "year", False, *full.span("y"))
        if full and "01" <= full["m"] <= "12":
            return (f"{full['y']}-{full['m']}", "month", False, full.start("y"), full.end("m"))
        return None
    except Exception:  # a crawl must never stop on a date
        return None


def parse_date(
    text: str | None, reference: datetime | None = None, default_tz: tzinfo = WIB
) -> ParsedDate | None:
    """The first real date in `text` at the precision the text gives; None if there is none."""
    found = _parse(text, reference, default_tz)
    return ParsedDate(*found) if found else None


def normalise_date(
    text: str | None, reference: datetime | None = None, default_tz: tzinfo = WIB
) -> str | None:
    """ISO 8601 string for the date in `text` ("2025-04-28T10:15:00+07:00", "2025-04", ...)."""
    found = _parse(text, reference, default_tz)
    return found[0] if found else None


def find_dates(text: str, reference: datetime | None = None) -> list[DateMention]:
    """Dates written in running text, with spans; relative words and bare years are skipped."""
    try:
        if not isinstance(text, str) or not text:
            return []
        s = text if text.isascii() else text.translate(_FOLD)
        out: list[DateMention] = []
        for m in _DATE_RE.finditer(s):
            try:
                f = _resolve(m, s, reference, WIB, with_time=False)
            except ValueError:  # an impossible offset on one date must not hide the others
                continue
            if f is not None:
                out.append(DateMention(text[f[3] : f[4]], f[3], f[4], f[0]))
        return out
    except Exception:  # a crawl must never stop on a date
        return []


_DP_SETTINGS = {"TIMEZONE": "Asia/Jakarta", "RETURN_AS_TIMEZONE_AWARE": True,
                "DATE_ORDER": "DMY", "PREFER_DATES_FROM": "past"}  # fmt: skip


def dateparser_fallback(text: str, default_tz: tzinfo = WIB) -> str | None:
    """dateparser, for strings normalise_date cannot read; the caller counts each use.

    The time of day is kept only when the text shows one, since dateparser fills a
    missing time from the clock.
    """
    try:
        if not isinstance(text, str) or not text.strip():
            return None
        import dateparser  # lazy: importing it costs ~0.5 s

        dt = dateparser.parse(text, languages=["id", "en"], settings=dict(_DP_SETTINGS))
        if dt is None:
            return None
        if not _HAS_TIME.search(text):
            return dt.date().isoformat()
        if dt.tzinfo is None or not _ZONE_AT.search(text.translate(_FOLD)):
            dt = dt.replace(tzinfo=default_tz)  # dateparser read the wall clock as Jakarta time
        return dt.replace(microsecond=0).isoformat()
    except Exception:
        return None
