"""What `warta dedup` costs: records a second and peak RSS over synthetic records with planted
copies, beside a baseline in the same run (exact-text hashes only, one pass, a set of hashes).

Run from the repo root:  python benchmarks/dedup.py [--records 100000 1000000]

Each record's text is ~150 words drawn from a 20,000-word vocabulary; every tenth record is a
copy of an earlier one with two words changed. Both sides run as whole processes, timed from
outside with their own peak RSS (os.wait4). The target: 1,000,000 records in 2 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BASELINE = """
import hashlib, json, sys
seen, dups = set(), 0
with open(sys.argv[1], encoding="utf-8") as handle, open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in handle:
        record = json.loads(line)
        key = hashlib.blake2b(" ".join(record["text"].split()).encode(), digest_size=8).digest()
        dups += key in seen
        seen.add(key)
        out.write(line)
print(dups, file=sys.stderr)
"""


def write_records(path: Path, count: int) -> None:
    rng = random.Random(7)
    vocabulary = [f"kata{n}" for n in range(20_000)]
    texts: list[str] = []
    with path.open("w", encoding="utf-8") as handle:
        for n in range(count):
            if n % 10 == 9 and texts:
                words = rng.choice(texts).split()
                for _ in range(2):
                    words[rng.randrange(len(words))] = rng.choice(vocabulary)
                text = " ".join(words)
            else:
                text = " ".join(rng.choices(vocabulary, k=150))
                texts = (texts + [text])[-1000:]
            record = {"id": f"{n:032x}", "published_at": f"2025-01-01T00:{n % 60:02d}:00+07:00", "text": text}
            handle.write(json.dumps(record) + "\n")


def measure(command: list[str]) -> tuple[float, float, str]:
    """Seconds and peak RSS (MB) of one child process, its own (os.wait4); its stderr's last line."""
    with tempfile.TemporaryFile("w+") as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors, cwd=ROOT)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        errors.seek(0)
        said = errors.read().strip().splitlines()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{command[0]} failed: {said[-1] if said else status}")
    return seconds, usage.ru_maxrss / 1024, said[-1] if said else ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, nargs="+", default=[100_000])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for count in sorted(args.records):
            source, out = Path(tmp) / "in.jsonl", Path(tmp) / "out.jsonl"
            write_records(source, count)
            base = measure([sys.executable, "-c", BASELINE, str(source), str(out)])
            ours = measure([sys.executable, "-m", "crawler.cli", "dedup", str(source), "-o", str(out), "-q"])
            for name, (seconds, peak, said) in (("exact hash only", base), ("warta dedup", ours)):
                print(
                    f"{count:>9} records  {name:<16} {count / seconds:>9.0f} records/s"
                    f"  {seconds:>7.1f} s  peak RSS {peak:>6.0f} MB  ({said})"
                )
            print(f"{'':>9} warta dedup / baseline time: {ours[0] / base[0]:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
