"""Where `warta dedup`'s default threshold comes from: the estimated Jaccard similarity
(MinHash of lower-cased word 5-grams, crawler.corpus.similarity) of planted copies of real
articles against their originals, beside that of pairs of different articles.

Run from the repo root:  python benchmarks/dedup_threshold.py [--corpus ../shared/corpus] [--ngram 5]

- records: every article page of the corpus (read in place, built as the quality gate builds them);
- exact copies: the same text under another URL (1.0 by construction: a check);
- syndicated copies: another outlet's copy (tests/planted_copies.py: a new title, a dateline
  put before the text, 2-4 sentences reworded, dropped or added), three seeds per article;
- different articles: every pair of distinct corpus articles (several on related topics);
- same event: invented pairs of different stories on one event sharing names and a quote.
The threshold goes in the gap between the lowest syndicated copy and the highest different pair.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from planted_copies import same_event_records, syndicated  # noqa: E402
from quality_gate import DEFAULT_CORPUS, corpus_records  # noqa: E402

from crawler.corpus import similarity  # noqa: E402


def scores(pairs: list[tuple[str, str]], ngram: int) -> list[float]:
    sigs = similarity.signatures([t for pair in pairs for t in pair], ngram)
    return [similarity.similarity(sigs[2 * i], sigs[2 * i + 1]) for i in range(len(pairs))]


def describe(name: str, values: list[float]) -> str:
    if not values:
        return f"{name:<22} (none)"
    return (
        f"{name:<22} n={len(values):<4} min={min(values):.3f} median={statistics.median(values):.3f}"
        f" max={max(values):.3f}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--ngram", type=int, nargs="+", default=[3, 4, 5, 7])
    args = parser.parse_args()
    records = corpus_records(args.corpus)
    copies = [(r["text"], syndicated(r, f"outlet{s}", seed=s)["text"]) for r in records for s in range(3)]
    different = [(a["text"], b["text"]) for a, b in itertools.combinations(records, 2)]
    events = same_event_records(records[0])
    same_event = [(events[i]["text"], events[i + 1]["text"]) for i in range(0, len(events), 2)]
    print(f"{len(records)} corpus records; estimated Jaccard (MinHash, {similarity.NUM_PERM} perm)")
    for ngram in args.ngram:
        print(f"-- word {ngram}-grams")
        got = {
            "syndicated copies": scores(copies, ngram),
            "different articles": scores(different, ngram),
            "same event, different": scores(same_event, ngram),
        }
        for name, values in got.items():
            print(describe(name, values))
        lowest_copy = min(got["syndicated copies"])
        highest_other = max(got["different articles"] + got["same event, different"])
        print(f"gap: {highest_other:.3f} .. {lowest_copy:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
