"""``warta report``: one self-contained HTML page, seen in headless chromium as a person sees it
(plots drawn, nothing blank, no console error, no request leaving the file), over records of
the fixture pages and over the state file of a real crawl; bad input is one line, never a
traceback."""

from __future__ import annotations

import gzip
import hashlib
import json
import sqlite3
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html

from crawler.corpus.report import LENGTH_EDGES, day_of, length_bin, optional_fields
from crawler.extraction.record import schema
from tests.browser import HAS_CHROMIUM, view
from tests.conftest import assert_valid, fixture_names, many_records, record_of, run_warta
from tests.test_reextract import in_terminal
from tests.test_scheduled import build_site, crawl_args

needs_chromium = pytest.mark.skipif(not HAS_CHROMIUM, reason="Debian's chromium is not installed")


def fixture_records() -> list[dict[str, Any]]:
    """The records of every article fixture, by warta's own extraction, plus two planted copies
    of the first (same text, new id and URL) so that dedup has copies to find."""
    records = []
    for name in fixture_names("article"):
        records.append(record_of(name))
    for n, original in enumerate(records[:2]):
        url = original["url"] + f"?salinan={n}"
        records.append({**original, "id": f"{n + 1:x}" * 16, "url": url, "canonical_url": url})
    for record in records:
        assert_valid(record)
    return records


@pytest.fixture(scope="module")
def records() -> list[dict[str, Any]]:
    return fixture_records()


@pytest.fixture(scope="module")
def deduped(tmp_path_factory, records) -> Path:
    """The records through ``warta dedup``, split over a plain and a gzipped file in a folder."""
    folder = tmp_path_factory.mktemp("records")
    raw = folder / "raw.jsonl"
    raw.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    marked = folder / "in" / "marked.jsonl"
    marked.parent.mkdir()
    result = run_warta("dedup", str(raw), "-o", str(marked), "-q")
    assert result.returncode == 0, result.stderr
    lines = marked.read_text("utf-8").splitlines(keepends=True)
    marked.write_text("".join(lines[:10]), "utf-8")
    with gzip.open(folder / "in" / "more.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write("".join(lines[10:]))
    return folder / "in"


def marked(folder: Path) -> list[dict[str, Any]]:
    """The records as dedup wrote them, read back from the plain and the gzipped file."""
    text = (folder / "marked.jsonl").read_text("utf-8")
    text += gzip.decompress((folder / "more.jsonl.gz").read_bytes()).decode("utf-8")
    return [json.loads(line) for line in text.splitlines()]


def report(*args: str) -> Path:
    result = run_warta("report", *args, "-q")
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("\n") == 1 and "written to" in result.stderr, result.stderr
    return Path(args[args.index("-o") + 1])


def external_references(page: str) -> list[str]:
    """Everything in the page that would make a browser ask for another resource."""
    tree = lxml_html.fromstring(page)
    found = [e.tag for e in tree.iter("script", "link", "iframe", "object", "embed")]
    for element in tree.iter():
        for name, value in element.attrib.items():
            if name.endswith(("src", "href")) and not value.startswith(("#", "data:")):
                found.append(f"{name}={value}")
    styles = " ".join(s.text or "" for s in tree.iter("style"))
    return found + [s for s in ("@import", "url(") if s in styles]


# --- records ------------------------------------------------------------------------------


@needs_chromium
def test_a_report_of_records_is_drawn_in_chromium_without_errors_or_requests(deduped, records, tmp_path):
    page = report(str(deduped), "-o", str(tmp_path / "report.html"))
    text = page.read_text("utf-8")
    assert external_references(text) == []
    seen = view(page, tmp_path / "report.png")
    assert seen.errors == [] and seen.requests == []
    assert len(seen.drawn) == 6  # every record plot has data here
    assert all(n >= 5 for n in seen.drawn), seen.drawn
    assert all(share > 0.02 for share in seen.inked), seen.inked  # no blank figure
    assert seen.inked_page > 0.05
    assert (tmp_path / "report.png").stat().st_size > 10_000
    days = sorted(d for d in (day_of(r["published_at"]) for r in records) if d)
    for fact in (f"records\t{len(records)}", f"sites\t{len({r['site'] for r in records})}"):
        assert fact in seen.text
    assert f"{days[0]} to {days[-1]}" in seen.text
    copies = sum(bool(r["duplicate_of"]) for r in marked(deduped))
    assert copies >= 2  # the planted ones at least
    assert f"{copies} of {len(records)} checked records ({copies / len(records):.1%}) copy" in seen.text


def test_each_plot_counts_what_the_records_hold(deduped, records, tmp_path):
    """Read back from the SVG text: every site is a row, every optional field a column, and the
    notes give the numbers of the records."""
    page = report(str(deduped), "-o", str(tmp_path / "r.html")).read_text("utf-8")
    tree = lxml_html.fromstring(page)
    figures = tree.findall(".//figure")
    assert len(figures) == 6 and all(f.find(".//svg") is not None for f in figures)
    heatmap = " ".join(figures[1].itertext())
    for name in optional_fields(schema()):
        assert name in heatmap
    sizes = Counter(r["site"] for r in records)
    for site, n in sizes.items():
        assert f"{site} ({n})" in heatmap
    generic = sum(r["extractor"] == "generic" for r in records)
    assert f"{generic} of {len(records)} records came from the generic path" in page
    assert f"{len(records)} records." in page  # every record has a word_count


def test_a_plot_without_data_says_so_instead_of_an_empty_axis(records, tmp_path):
    undated = tmp_path / "undated.jsonl"
    lines = [json.dumps({**r, "published_at": None}, ensure_ascii=False) for r in records[:5]]
    undated.write_text("\n".join(lines) + "\n", "utf-8")
    page = report(str(undated), "-o", str(tmp_path / "r.html")).read_text("utf-8")
    tree = lxml_html.fromstring(page)
    assert len(tree.findall(".//figure")) == 4
    empty = [" ".join(p.itertext()) for p in tree.find_class("empty")]
    assert empty[0].startswith("No record has a day of publication: nothing to plot. 5 of 5 records")
    assert empty[1].startswith("No record carries duplicate_of")


# --- the browser check itself -------------------------------------------------------------


@needs_chromium
def test_the_browser_check_catches_a_console_error_a_request_and_a_blank_plot(tmp_path):
    """The checks above can fail: a planted error, a planted fetch and an empty figure are seen."""
    bad = tmp_path / "bad.html"
    bad.write_text(
        "<!DOCTYPE html><html><body><p>x</p><svg width='200' height='100'></svg>"
        "<img src='http://192.0.2.1/plot.png'><script>console.error('planted failure')</script>"
        "</body></html>",
        "utf-8",
    )
    seen = view(bad)
    assert any("planted failure" in e for e in seen.errors), seen.errors
    assert seen.requests == ["http://192.0.2.1/plot.png"]
    assert seen.drawn == [0] and seen.inked == [0.0]
    assert external_references(bad.read_text("utf-8")) == ["script", "src=http://192.0.2.1/plot.png"]


# --- a state file -------------------------------------------------------------------------


@needs_chromium
def test_a_report_of_a_state_files_run_history(mockserver, tmp_path):
    server = mockserver(build_site(tmp_path, 3))
    for _ in range(2):
        result = run_warta(*crawl_args(tmp_path), env=server.proxy_env)
        assert result.returncode == 0, result.stderr
    state = tmp_path / "crawl-history"  # found by its header, not its name
    (tmp_path / "state.sqlite").rename(state)
    before = hashlib.sha256(state.read_bytes()).hexdigest()
    page = report(str(state), "-o", str(tmp_path / "runs.html"))
    assert hashlib.sha256(state.read_bytes()).hexdigest() == before  # read only
    seen = view(page)
    assert seen.errors == [] and seen.requests == []
    assert len(seen.drawn) == 4 and all(n >= 3 for n in seen.drawn), seen.drawn
    assert all(share > 0.01 for share in seen.inked), seen.inked  # sparse lines, but drawn
    assert "runs\t2" in seen.text and "articles written\t3" in seen.text
    assert "Records written per run, per site" in seen.text


# --- bad input ----------------------------------------------------------------------------


def _foreign_sqlite(path: Path) -> None:
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE t (x)")
    db.commit()
    db.close()


@pytest.mark.parametrize(
    ("name", "make", "status", "message"),
    [
        ("in.jsonl", None, 2, "warta: no such file: "),
        ("in.jsonl", lambda p: p.write_text(""), 1, "warta: no records in the inputs"),
        ("in.jsonl", lambda p: p.write_text("{}\n"), 1, ":1: not a warta record (no id)"),
        ("in.jsonl", lambda p: p.write_text('{"id": "ab"'), 1, ":1: not a JSON record"),
        ("in.jsonl.gz", lambda p: p.write_bytes(b"\x1f\x8b\x08broken"), 1, "cannot read"),
        ("state", _foreign_sqlite, 1, "not a readable warta state file (no such table: runs)"),
    ],
    ids=["missing", "empty", "no-id", "not-json", "broken-gzip", "foreign-sqlite"],
)
def test_bad_input_is_one_line_and_writes_nothing(tmp_path, name, make, status, message):
    source = tmp_path / name
    if make:
        make(source)
    out = tmp_path / "r.html"
    result = run_warta("report", str(source), "-o", str(out))
    assert result.returncode == status
    assert result.stderr.count("\n") == 1 and message in result.stderr, result.stderr
    assert not out.exists() and not list(tmp_path.glob(".*partial"))


def test_records_and_a_state_file_together_are_refused(deduped, tmp_path):
    state = tmp_path / "state.sqlite"
    _foreign_sqlite(state)
    result = run_warta("report", str(deduped), str(state), "-o", str(tmp_path / "r.html"))
    assert result.returncode == 2
    refused = f"warta: give record files or one state file, not both ({state} is a state file)\n"
    assert result.stderr == refused
    folder = run_warta("report", str(deduped), "-o", str(tmp_path))
    assert folder.returncode == 2 and folder.stderr == f"warta: {tmp_path} is a folder; name a file\n"


# --- progress -----------------------------------------------------------------------------


def test_a_progress_bar_on_a_terminal_and_none_with_q(tmp_path, records):
    """Enough records that reading them outlasts tqdm's first redraw (0.1 s) on an idle core."""
    many = many_records(tmp_path / "many.jsonl", records, 12000)
    shown = in_terminal("report", str(many), "-o", str(tmp_path / "a.html"))
    assert "records/s" in shown and "B/s" in shown and "report of 12000 records" in shown, shown
    quiet = in_terminal("report", str(many), "-o", str(tmp_path / "b.html"), "-q")
    assert "records/s" not in quiet and "report of 12000 records" in quiet, quiet
    off = run_warta("report", str(many), "-o", str(tmp_path / "c.html"))
    assert off.stderr == f"warta: report of 12000 records from 30 sites written to {tmp_path / 'c.html'}\n"


# --- the counting, in pieces --------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "index"), [(1, 0), (49, 0), (50, 1), (99, 1), (100, 2), (9999, 11), (10000, 12), (10**6, 12)]
)
def test_length_bins(words, index):
    assert length_bin(words) == index and len(LENGTH_EDGES) == 13


@pytest.mark.parametrize(
    ("value", "day"),
    [("2025-04-28T10:15:00+07:00", "2025-04-28"), ("2025-04-28", "2025-04-28"), ("2025-04", None),
     ("2025", None), (None, None), ("2025-13-01", None)],
)  # fmt: skip
def test_the_day_of_publication_is_the_sites_own_day(value, day):
    found = day_of(value)
    assert (found.isoformat() if found else None) == day


def test_the_optional_fields_come_from_the_schema():
    fields = optional_fields(schema())
    assert fields[:3] == ["description", "authors", "editors"] and "language" in fields
    assert not {"id", "url", "site", "title", "text", "word_count", "duplicate_of"} & set(fields)
