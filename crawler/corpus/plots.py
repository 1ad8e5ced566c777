"""The figures of ``warta report``, drawn by matplotlib into SVG text that goes inline in the
page (no image files, nothing fetched when the page is viewed).

Each function takes counts from :mod:`crawler.corpus.report` and returns a :class:`Plot`; a
plot with nothing to draw has no SVG and says why in its note, so an empty axis never passes
for a result. Figures are built on :class:`matplotlib.figure.Figure` directly (no pyplot, so
no global figure state and no display backend); text stays text in the SVG (``svg.fonttype``
none), which keeps the page small and its labels searchable.
"""

from __future__ import annotations

import functools
import io
import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, TypeVar

import matplotlib
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from crawler.corpus.report import COPY, LENGTH_EDGES, UNCHECKED, UNIQUE, Corpus, History, status_name

TOP_SITES = 8  # lines in a plot over time; the other sites are summed as one
MAX_ROWS = 30  # rows in a per-site chart; the other sites are summed as one
MONTHLY_AFTER = 180  # days: a longer span is plotted per month
WIDTH = 9.0  # inches
STATUS_COLOURS = {0: "#4c9a2a", 1: "#d1495b", 2: "#edae49", 75: "#8d99ae", 130: "#6a4c93"}

K = TypeVar("K")


@dataclass
class Plot:
    title: str
    svg: str | None  # None: nothing to draw; the note says why
    note: str = ""


def _styled(make: Callable[..., Plot]) -> Callable[..., Plot]:
    """Draw (and save) under warta's style without touching matplotlib's global settings."""

    @functools.wraps(make)
    def styled(*args: Any) -> Plot:
        with matplotlib.rc_context(
            {"font.size": 9, "axes.spines.top": False, "axes.spines.right": False, "svg.fonttype": "none"}
        ):
            return make(*args)

    return styled


def to_svg(fig: Figure, key: str) -> str:
    """The figure as an ``<svg>`` element whose ids are prefixed by ``key``, so that several
    figures in one page never share an id (clip paths and markers are found by id)."""
    out = io.StringIO()
    with matplotlib.rc_context({"svg.hashsalt": key}):
        fig.savefig(out, format="svg", metadata={"Date": None}, bbox_inches="tight")
    text = out.getvalue()
    text = text[text.index("<svg") :]
    return re.sub(r'(\bid="|url\(#|href="#)', lambda m: f"{m.group(1)}{key}-", text)


def top(counts: Counter[str], n: int) -> list[str]:
    """The ``n`` biggest keys, biggest first (ties by name, so the order is stable)."""
    return [k for k, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]


def merged(per_site: Mapping[str, Counter[K]], keep: list[str]) -> dict[str, Counter[K]]:
    """``keep``'s counters, in that order, and the other sites' summed as ``other (N sites)``."""
    rows = {site: per_site[site] for site in keep if site in per_site}
    rest = [counts for site, counts in per_site.items() if site not in rows]
    if rest:
        rows[f"other ({len(rest)} sites)"] = sum(rest, Counter())
    return rows


# --- over time ----------------------------------------------------------------------------


def _periods(first: date, last: date) -> tuple[list[date], Callable[[date], date]]:
    """Every day from ``first`` to ``last``, or every month (as its first day) over a long span."""
    if (last - first).days <= MONTHLY_AFTER:
        return [first + timedelta(days=n) for n in range((last - first).days + 1)], lambda d: d
    months, month = [], first.replace(day=1)
    while month <= last:
        months.append(month)
        month = (month + timedelta(days=32)).replace(day=1)
    return months, lambda d: d.replace(day=1)


def _time_axis(ax: Any, first: date | datetime, last: date | datetime) -> None:
    """Dates on the x axis, labelled as briefly as the span allows; a single moment gets room
    either side (matplotlib would otherwise stretch the axis over years)."""
    locator = AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    if first == last:
        pad = timedelta(hours=1) if isinstance(first, datetime) else timedelta(days=1)
        ax.set_xlim(date2num(first - pad), date2num(last + pad))


def _over_days(per_site: Mapping[str, Counter[date]], key: str, ylabel: str) -> tuple[str, str]:
    """Stacked bars of counts per site per day (per month over a long span): the height is the
    whole corpus, the colours its biggest sites."""
    every = [day for counts in per_site.values() for day in counts]
    periods, period_of = _periods(min(every), max(every))
    per = "day" if len(periods) == (max(every) - min(every)).days + 1 else "month"
    totals = Counter({site: sum(c.values()) for site, c in per_site.items()})
    fig = Figure(figsize=(WIDTH, 3.6))
    ax = fig.subplots()
    x, bottom = date2num(periods), [0] * len(periods)
    for site, counts in merged(per_site, top(totals, TOP_SITES)).items():
        grouped = Counter({p: 0 for p in periods})
        for day, n in counts.items():
            grouped[period_of(day)] += n
        heights = [grouped[p] for p in periods]
        ax.bar(x, heights, bottom=bottom, width=0.8 if per == "day" else 25, label=site, align="edge")
        bottom = [a + b for a, b in zip(bottom, heights, strict=True)]
    ax.set_ylabel(f"{ylabel} per {per}")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, reverse=True)
    _time_axis(ax, min(every), max(every))
    return to_svg(fig, key), per


@_styled
def per_day(corpus: Corpus) -> Plot:
    title = "Articles per site per day (day of published_at)"
    undated = sum(corpus.undated.values())
    note = f"{undated:,} of {corpus.records:,} records have no day of publication (no date, or only a"
    note += " year or month) and are not in the plot"
    note += (": " + ", ".join(f"{s} {n}" for s, n in corpus.undated.most_common(8))) if undated else ""
    if not corpus.days:
        return Plot(title, None, "No record has a day of publication: nothing to plot. " + note + ".")
    svg, per = _over_days(corpus.days, "days", "articles")
    return Plot(title if per == "day" else title.replace("per day", "per month"), svg, note + ".")


# --- per site -----------------------------------------------------------------------------


def _stacked(rows: Mapping[str, Counter[str]], keys: list[str], key: str, colours: list[str]) -> str:
    """Horizontal bars, one per row, split by ``keys`` (counts of records)."""
    names = list(rows)[::-1]  # the first row on top
    fig = Figure(figsize=(WIDTH, 0.9 + 0.3 * len(names)))
    ax = fig.subplots()
    left = [0] * len(names)
    for part, colour in zip(keys, colours, strict=True):
        widths = [rows[name][part] for name in names]
        ax.barh(names, widths, left=left, color=colour, label=part, height=0.7)
        left = [a + b for a, b in zip(left, widths, strict=True)]
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("records")
    ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), ncol=len(keys), frameon=False)
    return to_svg(fig, key)


@_styled
def extraction(corpus: Corpus) -> Plot:
    rows = merged(corpus.extractors, top(corpus.sites, MAX_ROWS))
    generic = sum(c["generic"] for c in corpus.extractors.values())
    note = f"{generic:,} of {corpus.records:,} records came from the generic path (no site file's rules)."
    svg = _stacked(rows, ["site rules", "generic"], "extraction", ["#3a6ea5", "#f4a259"])
    return Plot("Site rules or generic extraction, per site (extractor)", svg, note)


@_styled
def duplicates(corpus: Corpus) -> Plot:
    title = "Near-duplicates per site (duplicate_of)"
    checked = sum(c[UNIQUE] + c[COPY] for c in corpus.duplicates.values())
    if not checked:
        why = "No record carries duplicate_of: none went through near-duplicate detection (warta dedup"
        return Plot(title, None, why + " or a crawl with --dedup), so copies were not looked for.")
    copies = sum(c[COPY] for c in corpus.duplicates.values())
    note = f"{copies:,} of {checked:,} checked records ({copies / checked:.1%}) copy an earlier record"
    unchecked = corpus.records - checked
    note += f"; {unchecked:,} records were not checked (no duplicate_of field)." if unchecked else "."
    rows = merged(corpus.duplicates, top(corpus.sites, MAX_ROWS))
    svg = _stacked(rows, [UNIQUE, COPY, UNCHECKED], "duplicates", ["#7fb069", "#d1495b", "#c9c9c9"])
    return Plot(title, svg, note)


@_styled
def missing_fields(corpus: Corpus) -> Plot:
    """A heatmap: sites down, the record's optional fields across, the share of records empty."""
    title = "Share of records missing each field, per site"
    kept = top(corpus.sites, MAX_ROWS)
    rows = merged(corpus.missing, kept)
    counts = {site: corpus.sites[site] for site in kept}
    others = [name for name in rows if name not in counts]  # the summed row, if any
    counts.update({name: corpus.records - sum(counts.values()) for name in others})
    shares = [[rows[name][f] / counts[name] for f in corpus.fields] for name in rows]
    fig = Figure(figsize=(WIDTH, 1.6 + 0.32 * len(rows)))
    ax = fig.subplots()
    image = ax.imshow(shares, cmap="Reds", vmin=0, vmax=1, aspect="auto")
    ax.set_xticks(range(len(corpus.fields)), corpus.fields, rotation=40, ha="right")
    ax.set_yticks(range(len(rows)), [f"{name} ({counts[name]})" for name in rows])
    if len(rows) * len(corpus.fields) <= 600:
        for y, line in enumerate(shares):
            for x, share in enumerate(line):
                colour = "white" if share > 0.6 else "black"
                ax.text(x, y, f"{share:.0%}", ha="center", va="center", fontsize=6.5, color=colour)
    fig.colorbar(image, ax=ax, fraction=0.025, pad=0.01, label="share missing")
    note = "Missing: null, empty or an empty list. Rows: site (records)."
    return Plot(title, to_svg(fig, "missing"), note)


# --- distributions ------------------------------------------------------------------------


def length_labels() -> list[str]:
    inner = [f"{a}–{b - 1}" for a, b in zip(LENGTH_EDGES, LENGTH_EDGES[1:], strict=False)]
    return [*inner, f"{LENGTH_EDGES[-1]}+"]


@_styled
def lengths(corpus: Corpus) -> Plot:
    title = "Body length (word_count)"
    counted = sum(corpus.lengths.values())
    note = f" {corpus.no_length:,} records have no word_count." if corpus.no_length else ""
    if not counted:
        return Plot(title, None, "No record has a word_count: nothing to plot." + note)
    fig = Figure(figsize=(WIDTH, 3.2))
    ax = fig.subplots()
    labels = length_labels()
    ax.bar(labels, [corpus.lengths[i] for i in range(len(labels))], color="#3a6ea5")
    ax.set_xlabel("words (bins widen as lengths grow)")
    ax.set_ylabel("records")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.tick_params(axis="x", labelrotation=30)
    return Plot(title, to_svg(fig, "lengths"), f"{counted:,} records.{note}")


@_styled
def languages(corpus: Corpus) -> Plot:
    shown = top(corpus.languages, 12)
    rows = {lang: corpus.languages[lang] for lang in shown}
    rest = corpus.records - sum(rows.values())
    if rest:
        rows["other"] = rest
    names = list(rows)[::-1]
    fig = Figure(figsize=(WIDTH, 0.9 + 0.3 * len(names)))
    ax = fig.subplots()
    ax.barh(names, [rows[n] for n in names], color="#6a4c93", height=0.7)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("records")
    note = ", ".join(f"{lang} {n / corpus.records:.1%}" for lang, n in rows.items())
    return Plot("Language of the text (language)", to_svg(fig, "languages"), note + ".")


def record_plots(corpus: Corpus) -> list[Plot]:
    return [
        per_day(corpus),
        missing_fields(corpus),
        lengths(corpus),
        extraction(corpus),
        duplicates(corpus),
        languages(corpus),
    ]


# --- a state file's runs ------------------------------------------------------------------


def _per_run(history: History, value: Callable[[Any], float | None], key: str, ylabel: str) -> str | None:
    """A line per site of one number per run, over the runs' start times; None if no run has it."""
    fig = Figure(figsize=(WIDTH, 3.4))
    ax = fig.subplots()
    times = []
    for site in sorted({run.site for run in history.runs}):
        points = [(r.started, value(r)) for r in history.runs if r.site == site and value(r) is not None]
        if points:
            ax.plot(*zip(*points, strict=True), marker="o", markersize=4, linewidth=1.2, label=site)
            times += [when for when, _ in points]
    if not times:
        return None
    ax.set_ylabel(ylabel)
    ax.set_ylim(bottom=0)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    _time_axis(ax, min(times), max(times))
    return to_svg(fig, key)


@_styled
def written_per_run(history: History) -> Plot:
    svg = _per_run(history, lambda r: r.written, "written", "records written")
    return Plot("Records written per run, per site", svg, "" if svg else "No runs recorded.")


@_styled
def mean_words_per_run(history: History) -> Plot:
    svg = _per_run(history, lambda r: r.mean_words, "words", "mean word_count")
    note = "Runs that wrote nothing have no mean and are left out."
    return Plot("Mean body length per run, per site", svg, note if svg else "No run wrote a record. " + note)


@_styled
def statuses(history: History) -> Plot:
    title = "Exit status of the runs, per site"
    codes = sorted({code for counts in history.statuses.values() for code in counts})
    if not codes:
        return Plot(title, None, "No runs recorded.")
    rows = {site: Counter({status_name(c): n for c, n in counts.items()}) for site, counts in
            sorted(history.statuses.items())}  # fmt: skip
    colours = [STATUS_COLOURS.get(c, "#333333") for c in codes]
    svg = _stacked(rows, [status_name(c) for c in codes], "statuses", colours)
    return Plot(title, svg, "0 ok; 1 failed (too much failed); 2 usage; 75 locked; 130 interrupted.")


@_styled
def new_articles(history: History) -> Plot:
    title = "New articles written per site per day (first_written)"
    if not history.new_per_day:
        return Plot(title, None, "The state holds no written article.")
    svg, per = _over_days(history.new_per_day, "new", "new articles")
    return Plot(title if per == "day" else title.replace("per day", "per month"), svg)


def state_plots(history: History) -> list[Plot]:
    return [written_per_run(history), statuses(history), mean_words_per_run(history), new_articles(history)]
