"""Benchmark: from the click on *Tải bản Word (.docx)* of a drafting page to the Word file,
in headless Chromium, the page opened from file:// (as a reader who unzipped the site).

Builds the real project once into a temporary folder (or uses --site DIR), fills the form
for Phường Hạc Thành (Thanh Hóa), then clicks N times and times each click until Chromium
reports the download (the file made, zipped and handed over: everything the reader waits
for). Prints the median and the slowest, and a `JSON {…}` line; asserts nothing about time.
Usage: python bench/bench_draft.py [--clicks 10] [--site DIR]
"""

from __future__ import annotations

import argparse
import json
import pathlib
import statistics
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "tests"))
from conftest import CHROMIUM_FLAGS, chromium_path  # noqa: E402
from project_copy import ROOT, build  # noqa: E402

PAGE = "soan-thao/phong-chong-khung-bo.html"


def clicks(site: pathlib.Path, n: int) -> list[float]:
    from playwright.sync_api import sync_playwright

    out = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        page = browser.new_context(accept_downloads=True).new_page()
        page.goto((site / PAGE).as_uri())
        page.wait_for_selector("form[data-ready]")
        form = page.locator("form[data-draft]")
        form.locator("[name=province]").select_option("38")
        form.locator("[name=unit]").fill("phuong hac thanh")
        form.locator("[name=number]").fill("12")
        form.locator("[name=date]").fill("2026-03-05")
        form.locator("[name=signer_name]").fill("Lê Văn Bình")
        button = form.locator("[data-download=docx]")
        for _ in range(n):
            with page.expect_download() as info:
                start = time.perf_counter()
                button.click()
            info.value  # noqa: B018 (waits for the download event)
            out.append(time.perf_counter() - start)
            info.value.path()
        browser.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clicks", type=int, default=10)
    parser.add_argument("--site", type=pathlib.Path, help="a site already built (default: build one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            site = pathlib.Path(tmp) / "site"
            result = build(ROOT, site)
            if result.returncode != 0:
                raise SystemExit(result.stdout + result.stderr)
        times = clicks(site, args.clicks)
    median, worst = statistics.median(times), max(times)
    print(f"click → Word file ({PAGE}, file://, {len(times)} clicks): median {median:.3f} s, slowest {worst:.3f} s")
    print("JSON " + json.dumps({"clicks": len(times), "median_s": round(median, 4), "max_s": round(worst, 4)}))


if __name__ == "__main__":
    main()
