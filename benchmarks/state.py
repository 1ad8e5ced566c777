"""Seen-store speed and memory for 1,000,000 ids, beside an in-memory Python set (the
baseline) measured in the same run.

    python benchmarks/state.py [--ids 1000000]

Each measurement runs in its own subprocess, so peak RSS (ru_maxrss) belongs to that store
alone. The point: the SQLite store's memory does not grow with the number of ids; the set's does.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def urls(n: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    return [f"https://news.example.id/berita/d-{rng.randrange(10**12)}/judul-{i}" for i in range(n)]


def measure(kind: str, n: int, lookups: int) -> dict:
    """Insert n ids, then look up ``lookups`` URLs (half present, half absent)."""
    from crawler.crawling.state import SeenStore, url_key

    batch = 10_000
    present = []
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with tempfile.TemporaryDirectory() as tmp:
        store = SeenStore(Path(tmp) / "state.sqlite") if kind == "sqlite" else None
        memory: set[str] = set()
        started = time.perf_counter()
        for start in range(0, n, batch):
            chunk = urls(min(batch, n - start), seed=start + 1)
            present.append(chunk[0])
            if store is not None:
                store.mark_written(
                    {"id": url_key(u), "url": u, "canonical_url": u, "site": "x"} for u in chunk
                )
            else:
                memory.update(url_key(u) for u in chunk)
        insert_s = time.perf_counter() - started
        probes = (present * (lookups // (2 * len(present)) + 1))[: lookups // 2] + urls(lookups // 2, seed=-1)
        started = time.perf_counter()
        hits = (
            sum(store.seen(u) for u in probes)
            if store is not None
            else sum(url_key(u) in memory for u in probes)
        )
        lookup_s = time.perf_counter() - started
        size = (Path(tmp) / "state.sqlite").stat().st_size if store is not None else 0
        if store is not None:
            store.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "kind": kind,
        "ids": n,
        "inserts_per_s": n / insert_s,
        "lookups_per_s": len(probes) / lookup_s,
        "hits": hits,
        "peak_rss_mb": peak / 1024,
        "rss_growth_mb": (peak - peak_before) / 1024,
        "file_mb": size / 2**20,
    }


def run_child(kind: str, n: int, lookups: int) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, "--ids", str(n), "--lookups", str(lookups)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ids", type=int, default=1_000_000)
    parser.add_argument("--lookups", type=int, default=200_000)
    parser.add_argument("--child")
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child, args.ids, args.lookups)))
        return
    small = max(args.ids // 10, 1000)
    rows = [run_child(kind, n, args.lookups) for kind in ("sqlite", "set") for n in (small, args.ids)]
    head = f"{'store':<8}{'ids':>10}{'inserts/s':>12}{'lookups/s':>12}{'peak RSS MB':>13}{'growth MB':>11}"
    print(head + f"{'file MB':>9}")
    for r in rows:
        print(
            f"{r['kind']:<8}{r['ids']:>10,}{r['inserts_per_s']:>12,.0f}{r['lookups_per_s']:>12,.0f}"
            f"{r['peak_rss_mb']:>13.1f}{r['rss_growth_mb']:>11.1f}{r['file_mb']:>9.1f}"
        )
    sq_small, sq_big, set_small, set_big = rows
    big, few = f"{args.ids:,} ids", f"{small:,} ids"
    print(f"sqlite peak RSS, {big} / {few}: {sq_big['peak_rss_mb'] / sq_small['peak_rss_mb']:.2f}x")
    print(f"set    peak RSS, {big} / {few}: {set_big['peak_rss_mb'] / set_small['peak_rss_mb']:.2f}x")
    print(
        f"sqlite / set lookups per second at {big}: {sq_big['lookups_per_s'] / set_big['lookups_per_s']:.3f}"
    )
    print(
        f"sqlite / set inserts per second at {big}: {sq_big['inserts_per_s'] / set_big['inserts_per_s']:.3f}"
    )
    print(f"sqlite / set peak RSS at {big}: {sq_big['peak_rss_mb'] / set_big['peak_rss_mb']:.2f}")


if __name__ == "__main__":
    main()
