"""Quality gate: warta's extraction over the saved real pages in ../shared/corpus, scored
against their hand-made truth files, beside bare ``trafilatura.extract`` on the same pages.

    python tests/quality_gate.py [--corpus DIR] [--raise-floors]

Scores per article page: token F1 of ``text`` (bag of lower-cased words), how many
``must_not_contain`` strings are found in ``text``, ``published_at`` exact (same instant and
same offset; a day-only truth needs the same day string), ``title`` exact. Exits 1 when warta
falls under the floors in ``quality_floors.json``. Floors only go up: ``--raise-floors``
writes today's numbers where they are better, never worse.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from crawler.errors import WartaError  # noqa: E402
from crawler.extraction.steps import build_record  # noqa: E402
from crawler.sites import site_for_url  # noqa: E402

FLOORS = HERE / "quality_floors.json"
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus"
# Other corpora keep floors of their own, in a file named after the corpus's folder.
MORE_CORPUS = HERE.parent.parent / "shared" / "corpus-more"


def floors_file(corpus: Path) -> Path:
    """quality_floors.json for ../shared/corpus, quality_floors_<name>.json for another corpus."""
    name = corpus.resolve().name
    return FLOORS if name == "corpus" else HERE / f"quality_floors_{name.replace('-', '_')}.json"


FETCHED_AT = datetime(2026, 11, 27, tzinfo=UTC)
EXTRA_FIELDS = ("dateline", "credit", "authors")


@dataclass
class Score:
    site: str
    page: str
    f1: float
    leaks: int
    has_date: bool
    date_exact: bool
    title_exact: bool
    error: str | None = None
    wrong_day: bool = False  # a date was given, and it names another day than the truth
    fields_exact: dict[str, bool] | None = None  # dateline, credit, authors (warta only)


def tokens(text: str) -> Counter:
    return Counter(re.findall(r"\w+", text.lower()))


def token_f1(got: str, truth: str) -> float:
    a, b = tokens(got), tokens(truth)
    common = sum((a & b).values())
    if not common:
        return 0.0
    precision, recall = common / sum(a.values()), common / sum(b.values())
    return 2 * precision * recall / (precision + recall)


def same_date(got: str | None, truth: str | None) -> bool:
    if not got or not truth:
        return False
    if "T" not in truth or "T" not in got:
        return got == truth
    a, b = datetime.fromisoformat(got), datetime.fromisoformat(truth)
    return a == b and a.utcoffset() == b.utcoffset()


def articles(corpus: Path, kinds: tuple[str, ...] = ("article",)) -> list[dict]:
    pages = []
    for path in sorted((corpus / "truth").glob("*.json")):
        truth = json.loads(path.read_text("utf-8"))
        if truth.get("kind") in kinds and truth.get("text"):
            truth["html"] = (corpus / truth["page"]).read_bytes()
            pages.append(truth)
    return pages


def score(
    truth: dict, text: str, title: str | None, published: str | None, error: str | None = None
) -> Score:
    want, want_date = "\n\n".join(truth["text"]), truth.get("published_at")
    return Score(
        site=truth["site"],
        page=truth["page"],
        f1=token_f1(text, want),
        leaks=sum(1 for s in truth.get("must_not_contain", []) if s in text),
        has_date=bool(truth.get("published_at")),
        date_exact=same_date(published, truth.get("published_at")),
        title_exact=title == truth.get("title"),
        error=error,
        wrong_day=bool(published and want_date and published[:10] != want_date[:10]),
    )


def warta_scores(pages: list[dict], generic: bool = False) -> list[Score]:
    scores = []
    for truth in pages:
        try:
            rules = None if generic else site_for_url(truth["url"])
            record = build_record(truth["html"], truth["url"], FETCHED_AT, rules)
        except WartaError as exc:
            scores.append(score(truth, "", None, None, str(exc)))
            continue
        result = score(truth, record["text"], record["title"], record["published_at"])
        result.fields_exact = {k: record[k] == truth.get(k) for k in EXTRA_FIELDS}
        scores.append(result)
    return scores


def corpus_records(corpus: Path) -> list[dict]:
    """warta's records of the corpus's article pages, as a crawl writes them (pages with no
    record left out): the real records near-duplicate detection is measured on."""
    made = []
    for truth in articles(corpus):
        try:
            record = build_record(truth["html"], truth["url"], FETCHED_AT, site_for_url(truth["url"]))
        except WartaError:
            continue
        made.append(dict(record))
    return made


def trafilatura_scores(pages: list[dict]) -> list[Score]:
    import trafilatura

    scores = []
    for truth in pages:
        doc = trafilatura.bare_extraction(truth["html"], url=truth["url"], with_metadata=True)
        text = (doc.text if doc else "") or ""
        scores.append(score(truth, text, doc.title if doc else None, doc.date if doc else None))
    return scores


def summary(scores: list[Score]) -> dict:
    dated = [s for s in scores if s.has_date]
    return {
        "pages": len(scores),
        "median_f1": round(statistics.median(s.f1 for s in scores), 4) if scores else 0.0,
        "leaks": sum(s.leaks for s in scores),
        "dates_exact": sum(s.date_exact for s in dated),
        "dated_pages": len(dated),
        "wrong_days": sum(s.wrong_day for s in dated),
        "titles_exact": sum(s.title_exact for s in scores),
        "errors": sum(1 for s in scores if s.error),
        **{
            f"{k}_exact": sum(1 for s in scores if s.fields_exact and s.fields_exact[k]) for k in EXTRA_FIELDS
        },
    }


def table(ours: list[Score], bare: list[Score]) -> str:
    by_site: dict[str, tuple[list, list]] = defaultdict(lambda: ([], []))
    for a, b in zip(ours, bare, strict=True):
        by_site[a.site][0].append(a)
        by_site[a.site][1].append(b)
    scores = f"{'leaks':>6}{'dates':>7}{'titles':>7}"
    head = f"{'site':<20}{'pages':>6} | {'warta F1':>9}{scores} | {'trafilatura F1':>15}{scores}"
    lines = [head, "-" * len(head)]

    def row(name: str, a: list, b: list) -> str:
        x, y = summary(a), summary(b)
        return (
            f"{name:<20}{x['pages']:>6} | {x['median_f1']:>9.3f}{x['leaks']:>6}"
            f"{x['dates_exact']:>4}/{x['dated_pages']:<2}{x['titles_exact']:>4}/{x['pages']:<2} | "
            f"{y['median_f1']:>15.3f}{y['leaks']:>6}{y['dates_exact']:>4}/{y['dated_pages']:<2}"
            f"{y['titles_exact']:>4}/{y['pages']:<2}"
        )

    for site in sorted(by_site):
        lines.append(row(site, *by_site[site]))
    lines.append("-" * len(head))
    lines.append(row("all", ours, bare))
    return "\n".join(lines)


def check_floors(result: dict, floors: dict) -> list[str]:
    failures = []
    if result["median_f1"] < floors["median_f1"]:
        failures.append(f"median F1 {result['median_f1']} < floor {floors['median_f1']}")
    if result["leaks"] > floors["max_leaks"]:
        failures.append(f"leaks {result['leaks']} > ceiling {floors['max_leaks']}")
    if result["dates_exact"] < floors["dates_exact"]:
        failures.append(f"exact dates {result['dates_exact']} < floor {floors['dates_exact']}")
    ceiling = floors.get("max_wrong_days", 0)  # absent beats a wrong day, always
    if result["wrong_days"] > ceiling:
        failures.append(f"dates on a wrong day {result['wrong_days']} > ceiling {ceiling}")
    if result["titles_exact"] < floors["titles_exact"]:
        failures.append(f"exact titles {result['titles_exact']} < floor {floors['titles_exact']}")
    for key in EXTRA_FIELDS:
        if result[f"{key}_exact"] < floors.get(f"{key}_exact", 0):
            failures.append(f"exact {key} {result[f'{key}_exact']} < floor {floors[f'{key}_exact']}")
    return failures


def raised(result: dict, floors: dict) -> dict:
    return {
        "median_f1": max(floors["median_f1"], result["median_f1"]),
        "max_leaks": min(floors["max_leaks"], result["leaks"]),
        "dates_exact": max(floors["dates_exact"], result["dates_exact"]),
        "max_wrong_days": min(floors.get("max_wrong_days", 0), result["wrong_days"]),
        "titles_exact": max(floors["titles_exact"], result["titles_exact"]),
        **{f"{k}_exact": max(floors.get(f"{k}_exact", 0), result[f"{k}_exact"]) for k in EXTRA_FIELDS},
    }


def run(corpus: Path, raise_floors: bool = False, out=sys.stdout, generic: bool = False) -> list[str]:
    pages = articles(corpus)
    ours, bare = warta_scores(pages, generic), trafilatura_scores(pages)
    path = floors_file(corpus)
    all_floors = json.loads(path.read_text("utf-8")) if path.exists() else {}
    if generic:  # the generic path alone: what a site gets the day its markup changes
        print(table(ours, bare), file=out)
        result = summary(ours)
        exact = ", ".join(f"{k} {result[f'{k}_exact']}/{len(ours)}" for k in EXTRA_FIELDS)
        print(f"generic path exact {exact}", file=out)
        mean = statistics.mean(s.f1 for s in ours)
        low = sum(1 for s in ours if s.f1 < 0.95)
        print(f"generic path mean F1 {mean:.3f}, pages under F1 0.95: {low}", file=out)
        print(f"generic path dates on another day than the truth: {result['wrong_days']}", file=out)
        return _apply_floors(result, all_floors, "generic", raise_floors, out, path)
    print(table(ours, bare), file=out)
    for s in ours:
        if s.error or s.leaks or s.f1 < 0.95:
            print(
                f"  {s.page}: F1 {s.f1:.3f}, leaks {s.leaks}{', ' + s.error if s.error else ''}",
                file=out,
            )
    others = warta_scores(articles(corpus, ("gallery", "video", "duplicate")))
    if others:  # scored apart, for information: photo and video pages carry little text
        median = statistics.median(s.f1 for s in others)
        missing = sum(1 for s in others if s.error)
        print(
            f"galleries, videos, duplicates: {len(others)} pages, median F1 {median:.3f}, "
            f"{missing} without a record",
            file=out,
        )
    result = summary(ours)
    print(f"warta dates on another day than the truth: {result['wrong_days']}", file=out)
    print(
        "warta exact " + ", ".join(f"{k} {result[f'{k}_exact']}/{len(ours)}" for k in EXTRA_FIELDS), file=out
    )
    return _apply_floors(result, all_floors, "site", raise_floors, out, path)


def _apply_floors(
    result: dict, all_floors: dict, path: str, raise_floors: bool, out, floors_path: Path = FLOORS
) -> list[str]:
    """Floors of the site path are the file's top level; the generic path's sit under "generic"."""
    floors = all_floors.get("generic") if path == "generic" else all_floors
    if not floors:  # no floors written for this corpus or path yet
        return []
    floors = {k: v for k, v in floors.items() if k != "generic"}
    if raise_floors:
        floors = raised(result, floors)
        if path == "generic":
            all_floors["generic"] = floors
        else:
            all_floors = {**floors, "generic": all_floors.get("generic")}
        kept = {k: v for k, v in all_floors.items() if v is not None}
        floors_path.write_text(json.dumps(kept, indent=2) + "\n")
    failures = check_floors(result, floors)
    print(f"{path} floors {floors}: {'FAIL ' + '; '.join(failures) if failures else 'ok'}", file=out)
    return failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--raise-floors", action="store_true")
    parser.add_argument("--generic", action="store_true", help="score the generic path alone (no site rules)")
    args = parser.parse_args()
    if not (args.corpus / "truth").is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    return 1 if run(args.corpus, args.raise_floors, generic=args.generic) else 0


if __name__ == "__main__":
    sys.exit(main())
