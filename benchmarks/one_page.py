"""What `warta extract PAGE` costs as a whole process, beside `python -c "import trafilatura"`
measured in the same run (the issue's yardstick: at most 2x its CPU, under 100 MB peak).

Run from the repo root:  python benchmarks/one_page.py [--runs N]

Two pages: a site page (tests/fixtures/fakta_sample, read with fakta's rules, where trafilatura
is never needed) and the same page under an unknown domain (the generic path, which runs
trafilatura). Commands run in turn, A B A B ..., after one warm-up each (the warm-up also fills
the language model's cache, as any earlier run on the machine would have); each figure is the
median over the runs of the child's own CPU time (user + system) and peak resident memory.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "tests" / "fixtures" / "fakta_sample" / "input.html"
SITE_URL = (
    "https://fakta.com/news/internasional/rusia-tawarkan-pembangunan-reaktor-nuklir-modular-ke-negara-asean"
)
GENERIC_URL = "https://kabarnusantara.id/news/internasional/rusia-tawarkan-pembangunan-reaktor-nuklir"
COMMANDS = {
    "import trafilatura": [sys.executable, "-c", "import trafilatura"],
    "warta extract (site)": [sys.executable, "-m", "crawler.cli", "extract", str(PAGE), "--url", SITE_URL],
    "warta extract (generic)": [
        sys.executable,
        "-m",
        "crawler.cli",
        "extract",
        str(PAGE),
        "--url",
        GENERIC_URL,
    ],
}


def run_once(command: list[str]) -> tuple[float, float]:
    """(CPU seconds, peak MB) of one run of the command, from the kernel's accounting of it."""
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": str(ROOT)}
    )
    _, status, usage = os.wait4(process.pid, 0)
    if status != 0:
        raise SystemExit(f"{command}: exit status {status}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    results: dict[str, list[tuple[float, float]]] = {name: [] for name in COMMANDS}
    for command in COMMANDS.values():
        run_once(command)  # warm-up
    for _ in range(runs):
        for name, command in COMMANDS.items():
            results[name].append(run_once(command))
    base = statistics.median(cpu for cpu, _ in results["import trafilatura"])
    print(f"{runs} runs each, medians")
    for name, figures in results.items():
        cpu = statistics.median(c for c, _ in figures)
        peak = statistics.median(p for _, p in figures)
        print(f"{name:<26} {cpu:6.3f} s CPU  {cpu / base:5.2f}x import trafilatura  {peak:6.1f} MB peak")


if __name__ == "__main__":
    main()
