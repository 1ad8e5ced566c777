"""Speed and accuracy of crawler.extraction.dates.normalise_date against dateparser on the date table.

Run from the repo root:  /work/venv/bin/python benchmarks/dates.py

Strings: every case of tests/date_cases.py whose text is a str (the None case is skipped).

Timing: both engines are warmed up with one full pass; then the whole table is parsed in
interleaved rounds (one dateparser pass, ten warta passes; five rounds) with the garbage
collector paused during each pass.  The best pass of each engine divided by the number
of strings is reported (µs/string), and the ratio is dateparser's over warta's.

Accuracy:
- warta is right on a string when normalise_date returns exactly the expected string.
- dateparser is right on a string when what it yields agrees with the expected value at
  the expected precision:
    expected None           -> dateparser returns None;
    expected date-time      -> the same instant, compared to the whole second (dateparser
                               keeps microseconds from RELATIVE_BASE; a naive result is
                               read as Asia/Jakarta);
    expected "YYYY-MM-DD"   -> the same calendar day (dateparser's own wall clock);
    expected "YYYY-MM"      -> the same year and month;
    expected "YYYY"         -> the same year.
  So dateparser gets credit for a day even when it also invents a time of day, and for a
  month or year even when it invents the day.  Where a case has a reference, dateparser
  gets it as RELATIVE_BASE (its wall clock in WIB, naive), which only helps it.
"""

from __future__ import annotations

import gc
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import dateparser  # noqa: E402

from crawler.extraction.dates import normalise_date  # noqa: E402
from tests.date_cases import CASES  # noqa: E402

WIB = timezone(timedelta(hours=7))
DP_SETTINGS = {
    "TIMEZONE": "Asia/Jakarta",
    "RETURN_AS_TIMEZONE_AWARE": True,
    "DATE_ORDER": "DMY",
    "PREFER_DATES_FROM": "past",
}
DP_ROUNDS, WARTA_PASSES = 5, 10


def dp_settings(reference: datetime | None) -> dict:
    if reference is None:
        return DP_SETTINGS
    base = reference.astimezone(WIB) if reference.tzinfo else reference
    return {**DP_SETTINGS, "RELATIVE_BASE": base.replace(tzinfo=None)}


def run_dateparser(cases) -> list[datetime | None]:
    return [dateparser.parse(c.text, languages=["id"], settings=dp_settings(c.reference)) for c in cases]


def run_warta(cases) -> list[str | None]:
    return [normalise_date(c.text, c.reference) for c in cases]


def dateparser_right(got: datetime | None, expected: str | None) -> bool:
    if expected is None or got is None:
        return expected is None and got is None
    if len(expected) == 4:
        return got.year == int(expected)
    if len(expected) == 7:
        return f"{got:%Y-%m}" == expected
    if len(expected) == 10:
        return f"{got:%Y-%m-%d}" == expected
    if got.tzinfo is None:
        got = got.replace(tzinfo=WIB)
    return got.replace(microsecond=0) == datetime.fromisoformat(expected)


def timed(fn, cases) -> float:
    gc.disable()  # as timeit does: a collection caused by one engine must not bill the other
    try:
        t0 = time.perf_counter()
        fn(cases)
        return time.perf_counter() - t0
    finally:
        gc.enable()


def best_us(cases) -> tuple[float, float]:
    """Best pass of each engine, in µs per string.  Passes are interleaved (one dateparser
    pass, then WARTA_PASSES warta passes) so that load from other processes on the machine
    falls on both engines alike."""
    run_warta(cases), run_dateparser(cases)  # warm-up
    warta = dp = float("inf")
    for _ in range(DP_ROUNDS):
        dp = min(dp, timed(run_dateparser, cases))
        warta = min([warta] + [timed(run_warta, cases) for _ in range(WARTA_PASSES)])
    return warta / len(cases) * 1e6, dp / len(cases) * 1e6


def main() -> None:
    cases = [c for c in CASES if isinstance(c.text, str)]
    warta_us, dp_us = best_us(cases)
    warta_out, dp_out = run_warta(cases), run_dateparser(cases)
    warta_ok = [w == c.expected for w, c in zip(warta_out, cases, strict=True)]
    dp_ok = [dateparser_right(d, c.expected) for d, c in zip(dp_out, cases, strict=True)]
    n = len(cases)

    print(f"{n} strings from tests/date_cases.py")
    print(f"{'engine':<12} {'µs/string':>10} {'accuracy':>9} {'right':>9}")
    print(f"{'warta':<12} {warta_us:>10.1f} {sum(warta_ok) / n:>9.1%} {sum(warta_ok):>5}/{n}")
    print(f"{'dateparser':<12} {dp_us:>10.1f} {sum(dp_ok) / n:>9.1%} {sum(dp_ok):>5}/{n}")
    print(f"speed ratio (dateparser / warta): {dp_us / warta_us:.0f}x")
    lost = [c for c, w, d in zip(cases, warta_ok, dp_ok, strict=True) if d and not w]
    print(f"dateparser right, warta wrong: {len(lost)}")
    for c in lost:
        print(f"  {c.id}: {c.text!r} expected {c.expected}")


if __name__ == "__main__":
    main()
