"""``warta report``'s page: a table of facts and the plots, in one HTML file that needs nothing
else to be viewed (styles inline, figures as inline SVG, no script, no fonts or images fetched).

The inputs are record files (JSON Lines, plain or gzipped: a corpus report) or one warta state
file (SQLite, told by its header, whatever its name: a report of its run history). The page is
written under a temporary name and renamed into place, so a failed run leaves no half page.
"""

from __future__ import annotations

import html
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.resources import files as package_files
from pathlib import Path
from string import Template

from crawler.corpus.dedup import BadInput, read_records
from crawler.corpus.plots import Plot, record_plots, state_plots
from crawler.corpus.progress import Show
from crawler.corpus.report import MAX_RUNS, is_state_file, optional_fields, read_history, summarise

MAX_NAMED_INPUTS = 5


@dataclass
class Request:
    files: list[Path]
    output: Path
    command: str


def usage_problem(files: list[Path], output: Path) -> str | None:
    """What makes the request impossible before anything is read, or None."""
    states = [p for p in files if is_state_file(p)]
    if states and len(states) < len(files):
        return f"give record files or one state file, not both ({states[0]} is a state file)"
    if len(states) > 1:
        return "give one state file at a time"
    if output.is_dir():
        return f"{output} is a folder; name a file"
    return None


def write_report(request: Request, show: Show = lambda d, w: None) -> str:
    """Write the page; returns what it reports on (for the summary line)."""
    if is_state_file(request.files[0]):
        page, about = state_page(request)
    else:
        page, about = records_page(request, show)
    target = request.output
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f".{target.name}.partial")
    try:
        temp.write_text(page, "utf-8")
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)
    return about


def records_page(request: Request, show: Show) -> tuple[str, str]:
    from crawler.extraction.record import schema

    read = [0]
    records = read_records(request.files, read)
    corpus = summarise(records, optional_fields(schema()), lambda n: show(read[0], n))
    if not corpus.records:
        raise BadInput(detail="no records in the inputs")
    span = corpus.date_range()
    undated = sum(corpus.undated.values())
    facts = [
        ("records", f"{corpus.records:,}"),
        ("sites", f"{len(corpus.sites)}"),
        ("published", f"{span[0]} to {span[1]}" if span else "no record has a day of publication"),
        ("without a day of publication", f"{undated:,}"),
        ("inputs", _named(request.files)),
    ]
    title = "warta report: the records"
    about = f"{plural(corpus.records, 'record')} from {plural(len(corpus.sites), 'site')}"
    return page(title, facts, record_plots(corpus), request), about


def state_page(request: Request) -> tuple[str, str]:
    path = request.files[0]
    history = read_history(path)
    if not history.total_runs:
        raise BadInput(detail=f"{path}: the state file has no runs recorded")
    shown = f" (the plots over time show the last {MAX_RUNS})" if history.total_runs > MAX_RUNS else ""
    first, last = history.runs[0].started, history.runs[-1].started
    sites = sorted(history.statuses)
    facts = [
        ("runs", f"{history.total_runs:,}{shown}"),
        ("sites", ", ".join(sites)),
        ("runs started", f"{first:%Y-%m-%d %H:%M} to {last:%Y-%m-%d %H:%M} UTC"),
        ("articles written", f"{history.articles():,}"),
        ("state file", str(path)),
    ]
    about = f"{plural(history.total_runs, 'run')} of {plural(len(sites), 'site')}"
    return page("warta report: the run history", facts, state_plots(history), request), about


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _named(files: list[Path]) -> str:
    named = ", ".join(str(p) for p in files[:MAX_NAMED_INPUTS])
    more = len(files) - MAX_NAMED_INPUTS
    return named + (f" and {more} more" if more > 0 else "")


def page(title: str, facts: list[tuple[str, str]], plots: list[Plot], request: Request) -> str:
    """The whole HTML document: facts, then each plot (or its note saying why there is none)."""
    from crawler import __version__

    made = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    facts = [*facts, ("made by", f"warta {__version__}, {made}"), ("command", request.command)]
    rows = [f"<tr><th>{html.escape(k)}</th><td>{_cell(k, v)}</td></tr>" for k, v in facts]
    template = Template(package_files("crawler.corpus").joinpath("report.html").read_text("utf-8"))
    return template.substitute(
        version=html.escape(__version__),
        title=html.escape(title),
        facts="\n".join(rows),
        sections="\n".join(section(plot) for plot in plots),
    )


def _cell(key: str, value: str) -> str:
    return f"<code>{html.escape(value)}</code>" if key == "command" else html.escape(value)


def section(plot: Plot) -> str:
    parts = [f"<section>\n<h2>{html.escape(plot.title)}</h2>"]
    if plot.svg is None:
        parts.append(f'<p class="empty">{html.escape(plot.note)}</p>')
    else:
        parts.append(f"<figure>\n{plot.svg}\n</figure>")
        if plot.note:
            parts.append(f'<p class="note">{html.escape(plot.note)}</p>')
    return "\n".join([*parts, "</section>"])
