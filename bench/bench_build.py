"""Benchmark: how long `mkdocs build` takes on the real project, with and without the
downloads (Word and text files, macros/downloads.py), median of N runs each.

Builds alternate (with, without, with, …) so both sets see the same machine load.
Prints figures only; never asserts on time (machines here are shared and noisy).
Usage: python bench/bench_build.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import pathlib
import statistics
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "tests"))
# The project's own helpers (where it is, a copy of it, a build) live beside the tests.
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "tests"))
from project_copy import ROOT, build  # noqa: E402

SWITCH = "PLAN_DOWNLOADS"  # read by mkdocs.yml: extra.downloads


def timed_build(project: pathlib.Path, site: pathlib.Path, downloads: bool) -> float:
    saved = os.environ.get(SWITCH)
    os.environ[SWITCH] = "true" if downloads else "false"
    try:
        start = time.perf_counter()
        result = build(project, site)
        elapsed = time.perf_counter() - start
    finally:
        if saved is None:
            os.environ.pop(SWITCH, None)
        else:
            os.environ[SWITCH] = saved
    if result.returncode != 0:
        raise SystemExit(result.stdout + result.stderr)
    made = any(site.rglob("*.docx"))
    if made != downloads:
        raise SystemExit(f"{SWITCH}={downloads}: Word files {'missing' if downloads else 'still made'}")
    return elapsed


def time_builds(project: pathlib.Path, runs: int) -> dict[bool, list[float]]:
    times: dict[bool, list[float]] = {True: [], False: []}
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(runs):
            for downloads in (True, False):
                site = pathlib.Path(tmp) / f"site-{i}-{int(downloads)}"
                times[downloads].append(timed_build(project, site, downloads))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    times = time_builds(ROOT, args.runs)
    print(
        f"mkdocs build --strict of this project, {args.runs} runs each (each a fresh process), "
        f"alternating with and without downloads:"
    )
    for downloads, label in ((True, "with downloads   "), (False, "without downloads")):
        t = times[downloads]
        print(f"  {label} median {statistics.median(t):.2f} s, min {min(t):.2f} s, max {max(t):.2f} s")
    with_, without = statistics.median(times[True]), statistics.median(times[False])
    print(f"  ratio with/without {with_ / without:.2f} (downloads add {with_ - without:+.2f} s)")


if __name__ == "__main__":
    main()
