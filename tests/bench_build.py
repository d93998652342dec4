"""Benchmark: how long `mkdocs build` takes on the real project, median of N runs.

Prints figures only; never asserts on time (machines here are shared and noisy).
Usage: python tests/bench_build.py [--runs 5]
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import pathlib

from conftest import ROOT, build


def time_builds(project: pathlib.Path, runs: int) -> list[float]:
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(runs):
            start = time.perf_counter()
            result = build(project, pathlib.Path(tmp) / f"site-{i}")
            times.append(time.perf_counter() - start)
            if result.returncode != 0:
                raise SystemExit(result.stdout + result.stderr)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    times = time_builds(ROOT, args.runs)
    print(f"mkdocs build --strict of this project, {args.runs} runs (each a fresh process):")
    print(f"  median {statistics.median(times):.2f} s, min {min(times):.2f} s, max {max(times):.2f} s")


if __name__ == "__main__":
    main()
