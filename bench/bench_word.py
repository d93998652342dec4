"""Word files: python-docx per file (word.write) against templates per document shape
(word_cache.Maker), side by side in one run, on N synthetic units (as bench_scale.py).

Prints CPU milliseconds a file for each way (the template way with and without the
cost of making its templates), the number of templates, and whether every file is
byte for byte the same both ways. Never asserts on time.
Usage: python bench/bench_word.py [--units 300] [--reference 100]
"""

from __future__ import annotations

import argparse
import pathlib
import shutil
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from bench_scale import unit_lists  # noqa: E402

from macros.export import files as outputs  # noqa: E402
from macros.export import word  # noqa: E402
from macros.load import load  # noqa: E402


class _Reference:
    def __init__(self, when):
        self.when = when

    def write(self, d, props, notes=None) -> bytes:
        return word.write(d, props, notes, self.when)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=300)
    parser.add_argument("--reference", type=int, default=100, help="files also made by python-docx alone")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-word-") as tmp:
        data = pathlib.Path(tmp) / "data"
        shutil.copytree(ROOT / "data", data)
        for name, body in unit_lists(args.units, 100):
            (data / "units" / name).write_text(body, encoding="utf-8")
        cat = load(data)
    files = [
        item
        for entry in [*cat.samples.values(), *cat.drafts.values()]
        for item in outputs.plan_outputs(cat, entry, True)
        if item.kind == "docx"
    ]
    files += [item for pt in cat.plan_types.values() for _, item in outputs.blank_outputs(cat, pt)]
    maker = outputs.word_maker(cat)
    start = time.process_time()
    fast = [item.make(maker) for item in files]
    first = time.process_time() - start
    start = time.process_time()
    again = [item.make(maker) for item in files]
    steady = time.process_time() - start
    sample = files[:: max(1, len(files) // args.reference)]
    start = time.process_time()
    slow = [item.make(_Reference(maker.when)) for item in sample]
    reference = time.process_time() - start
    same = all(a == b for a, b in zip(fast[:: max(1, len(files) // args.reference)], slow)) and fast == again
    print(
        f"python bench/bench_word.py --units {args.units}: {len(files)} Word files, {maker.templates} templates; "
        f"python-docx alone {reference / len(sample) * 1000:.1f} ms a file (CPU, {len(sample)} files); "
        f"templates {first / len(files) * 1000:.2f} ms a file with making the templates, "
        f"{steady / len(files) * 1000:.2f} ms without; byte-identical: {same}"
    )


if __name__ == "__main__":
    main()
