"""Benchmark at scale: many units in unit lists, built four ways in one run.

For each N (`--units 100 1000 3000`), or for the national run (`--official PLAN_TYPE`: every
commune-level unit of the official list, 3,321, one list per province), in a throwaway copy
of the project:

1. the unit lists (scale_data.py) are written to its data/units/: N synthetic units, about
   100 a list, plan types alternating between lists, so N units make N plans; or one list per
   province taking every official unit for the one plan type. They live only in the
   temporary directory, never in data/;
2. ours, with downloads: `mkdocs build --strict` of the project as it is; a capture hook
   (appended after ours, outside the timed code paths of the site) saves every page's
   Markdown after mkdocs-macros and the final navigation;
3. plain, with downloads: the captured Markdown (front matter included) and the same
   downloads and calendars as static files, built by MkDocs + Material with the same
   theme, extensions, search and offline plugins and the same navigation, but without
   mkdocs-macros and without our hooks. ours/plain is the cost of our layer;
4. and 5. the same two builds without downloads (PLAN_DOWNLOADS=false).

With --runs R, each build is repeated R times, ours and plain alternating, and the
fastest of each counts (wall and CPU time separately): on a shared machine the
minimum is the figure least disturbed by other work.

Printed per N: build seconds and seconds per plan, the ratio ours/plain, median and
maximum HTML bytes of a plan page, the bytes of search index a browser fetches for a
first query (search/search_index.json over HTTP; the offline plugin's
search_index.js from file:// is the same size), and peak memory (maximum resident set
of the build process, from wait4). With several N, t(largest)/t(previous) at the end.
The last line of each N is `JSON {...}` for scripts (the test suite runs N=20).

Never asserts on time: machines here are shared and noisy.
Usage: python bench/bench_scale.py --units 100 1000 3000 [--per-list 100] [--runs 1] [--keep DIR]
       python bench/bench_scale.py --official phong-chong-khung-bo [--provinces 19 38] [--runs 1]
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import os
import pathlib
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import yaml

# The project's own helpers (where it is, a copy of it, a build) live beside the tests.
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "tests"))
from project_copy import copy_project  # noqa: E402
from scale_data import CODES, official_lists, unit_lists  # noqa: E402

CAPTURE_HOOK = '''"""Benchmark only: save each page's Markdown after mkdocs-macros, and the final nav."""
import json, os, pathlib

OUT = pathlib.Path(os.environ["BENCH_CAPTURE"])


def on_config(config):
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "nav.json").write_text(json.dumps(config.nav, ensure_ascii=False), encoding="utf-8")


def on_page_markdown(markdown, page, config, files):
    dest = OUT / "docs" / page.file.src_uri
    dest.parent.mkdir(parents=True, exist_ok=True)
    # JSON is YAML, and much faster to write than PyYAML's emitter
    meta = f"---\\n{json.dumps(dict(page.meta), ensure_ascii=False)}\\n---\\n" if page.meta else ""
    dest.write_text(meta + markdown, encoding="utf-8")
    return markdown
'''


# ---------------------------------------------------------------- builds


def run_build(config: pathlib.Path, site: pathlib.Path, env: dict, strict: bool = True) -> dict:
    """Wall seconds, CPU seconds and peak RSS (bytes) of one `mkdocs build` in a fresh process."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site)] + (
        ["--strict"] if strict else []
    )
    shutil.rmtree(site, ignore_errors=True)
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=config.parent, env=env, stdout=log, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        log.seek(0)
        output = log.read().decode("utf-8", "replace")
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"build failed ({' '.join(cmd)}):\n{output[-4000:]}")
    # Our build logs the time spent making Word files (site/hooks.py: on_post_build); plain has none.
    word = re.search(
        r"Downloads: (\d+) files in ([0-9.]+) s, CPU ([0-9.]+) s \(([^)]*)\); Word: (\d+) files in CPU ([0-9.]+) s",
        output,
    )
    return {
        "wall": elapsed,
        "cpu": usage.ru_utime + usage.ru_stime,
        "rss": usage.ru_maxrss * 1024,
        "word_seconds": float(word.group(6)) if word else None,  # CPU
        "downloads_seconds": float(word.group(2)) if word else None,  # wall
        "downloads_cpu_seconds": float(word.group(3)) if word else None,
        "downloads_where": word.group(4) if word else None,
    }


def best(runs: list[dict]) -> dict:
    """The least disturbed of repeated builds: minimum wall and CPU time, maximum memory."""
    return {
        "wall": min(r["wall"] for r in runs),
        "cpu": min(r["cpu"] for r in runs),
        "rss": max(r["rss"] for r in runs),
        "word_seconds": runs[0]["word_seconds"],
        "downloads_seconds": runs[0]["downloads_seconds"],
        "downloads_cpu_seconds": runs[0]["downloads_cpu_seconds"],
        "downloads_where": runs[0]["downloads_where"],
    }


class _Loader(yaml.SafeLoader):
    pass


_Loader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])


def plain_project(ours: pathlib.Path, capture: pathlib.Path, site: pathlib.Path, dest: pathlib.Path) -> pathlib.Path:
    """A Material project of the captured Markdown, with ours' static and generated files."""
    docs = dest / "docs"
    shutil.copytree(ours / "docs", docs, ignore=shutil.ignore_patterns("*.md"))
    shutil.copytree(capture / "docs", docs, dirs_exist_ok=True)
    for ext in ("docx", "txt", "ics"):  # downloads and calendars ours generated
        for f in site.rglob(f"*.{ext}"):
            target = docs / f.relative_to(site)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(f, target)
    config = yaml.load((ours / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    config.pop("hooks", None)
    config.pop("watch", None)
    config["plugins"] = [p for p in config["plugins"] if not (isinstance(p, dict) and "macros" in p) and p != "macros"]
    config["nav"] = json.loads((capture / "nav.json").read_text(encoding="utf-8"))
    config["not_in_nav"] = "*"  # ours marks its generated pages so; same pages, no warnings
    config["strict"] = False
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    # Same heading anchors as ours (mkdocs_hooks sets this slugify in on_config).
    text = text.replace(
        "- toc:\n    permalink: true\n",
        "- toc:\n    permalink: true\n    slugify: !!python/name:macros.model.text.toc_slugify\n",
    )
    assert "toc_slugify" in text, "mkdocs.yml's toc entry changed: update bench_scale.plain_project"
    (dest / "mkdocs.yml").write_text(text, encoding="utf-8")
    return dest / "mkdocs.yml"


def plan_pages(site: pathlib.Path, plan_ids) -> list[int]:
    sizes = []
    for plan_id in plan_ids:
        found = list(site.glob(f"ke-hoach/*/{plan_id}.html"))
        if len(found) != 1:
            raise SystemExit(f"page of plan {plan_id} not found in {site}")
        sizes.append(found[0].stat().st_size)
    return sizes


def measure(lists: list[tuple[str, str]], work: pathlib.Path, runs: int = 1, keep: bool = False) -> dict:
    """Every figure of one set of unit lists (scale_data.py), built four ways in `work`."""
    project = copy_project(work / "project")
    for name, body in lists:
        (project / "data" / "units" / name).write_text(body, encoding="utf-8")
    sys.path.insert(0, str(project))
    from macros.load import DataErrors, load

    try:
        cat = load(project / "data")  # also checks the benchmark's lists before timing
    except DataErrors as exc:
        raise SystemExit(str(exc)) from None
    ours_lists = [cat.unit_lists[pathlib.Path(name).stem] for name, _ in lists]  # <list id>.yml
    bulk_ids = [plan_id for ul in ours_lists for e in ul.entries for _, plan_id in e.plans]
    all_ids = list(cat.samples) + list(cat.drafts)
    (project / "bench_capture.py").write_text(CAPTURE_HOOK, encoding="utf-8")
    config_text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\nhooks:\n  - macros/site/hooks.py\n" in config_text
    (project / "mkdocs.yml").write_text(
        config_text.replace(
            "\nhooks:\n  - macros/site/hooks.py\n", "\nhooks:\n  - macros/site/hooks.py\n  - bench_capture.py\n"
        ),
        encoding="utf-8",
    )

    base_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result: dict = {
        "units": sum(len(ul.entries) for ul in ours_lists),
        "lists": len(lists),
        "bulk_plans": len(bulk_ids),
        "plans_total": len(all_ids),
    }
    for label, downloads in (("with_downloads", True), ("pages_only", False)):
        env = {
            **base_env,
            "PLAN_DOWNLOADS": "true" if downloads else "false",
            "BENCH_CAPTURE": str(work / f"capture-{label}"),
        }
        site = work / f"site-{label}"
        plain_env = {**base_env, "PYTHONPATH": str(project)}
        ours, plain = [run_build(project / "mkdocs.yml", site, env)], []
        plain_config = plain_project(project, work / f"capture-{label}", site, work / f"plain-{label}")
        for i in range(runs):  # alternate, so that both see the same machine load
            if i:
                ours.append(run_build(project / "mkdocs.yml", site, env))
            plain.append(run_build(plain_config, work / f"plain-site-{label}", plain_env, strict=False))
        o, p = best(ours), best(plain)
        result[label] = {
            "seconds": round(o["wall"], 2),
            "seconds_per_plan": round(o["wall"] / len(all_ids), 4),
            "plain_seconds": round(p["wall"], 2),
            "ratio": round(o["wall"] / p["wall"], 3),
            "cpu_seconds": round(o["cpu"], 2),
            "plain_cpu_seconds": round(p["cpu"], 2),
            "cpu_ratio": round(o["cpu"] / p["cpu"], 3),
            "peak_rss_mb": round(o["rss"] / 2**20),
            "word_seconds": o["word_seconds"],
            "downloads_seconds": o["downloads_seconds"],
            "downloads_cpu_seconds": o["downloads_cpu_seconds"],
            "downloads_where": o["downloads_where"],
            "plain_peak_rss_mb": round(p["rss"] / 2**20),
            "pages": sum(1 for _ in site.rglob("*.html")),
            "word_files": sum(1 for _ in site.rglob("*.docx")),
        }
        if downloads:
            sizes = plan_pages(site, bulk_ids)
            all_sizes = plan_pages(site, all_ids)
            index = site / "search" / "search_index.json"
            raw = index.read_bytes()
            result["plan_page_bytes"] = {
                "median": int(statistics.median(sizes)),
                "max": max(sizes),
                "max_any_plan": max(all_sizes),
            }
            result["search_index_bytes"] = {
                "json": len(raw),
                "gzip": len(gzip.compress(raw, 6)),
                "entries": len(json.loads(raw)["docs"]),
            }
            result["site_mb"] = round(sum(f.stat().st_size for f in site.rglob("*") if f.is_file()) / 2**20, 1)
        if not keep:
            shutil.rmtree(work / f"plain-{label}")
            shutil.rmtree(work / f"plain-site-{label}")
    sys.path.remove(str(project))
    for name in [m for m in sys.modules if m == "macros" or m.startswith("macros.")]:
        del sys.modules[name]
    return result


def report(r: dict) -> None:
    w, p = r["with_downloads"], r["pages_only"]
    print(
        f"== N={r['units']} {r['kind']} in {r['lists']} lists: {r['bulk_plans']} bulk plans "
        f"({r['plans_total']} plans with the real ones), {w['pages']} pages, site {r['site_mb']} MB =="
    )
    print(
        f"  build, ours, with Word/text downloads ({w['word_files']} .docx): {w['seconds']:8.2f} s "
        f"= {w['seconds_per_plan']:.4f} s per plan; peak memory {w['peak_rss_mb']} MB"
    )
    if w["word_seconds"] is not None:
        print(
            f"  of which making Word files: {w['word_seconds']:.2f} s CPU; every download and calendar made and "
            f"written in {w['downloads_seconds']:.2f} s ({w['downloads_cpu_seconds']:.2f} s CPU), "
            f"in {w['downloads_where']}"
        )
    print(
        f"  build, plain Material, same Markdown and files:      {w['plain_seconds']:8.2f} s; "
        f"peak memory {w['plain_peak_rss_mb']} MB"
    )
    print(
        f"  build, ours, pages only (PLAN_DOWNLOADS=false):      {p['seconds']:8.2f} s "
        f"= {p['seconds_per_plan']:.4f} s per plan; peak memory {p['peak_rss_mb']} MB"
    )
    print(
        f"  build, plain Material, same Markdown (no downloads): {p['plain_seconds']:8.2f} s; "
        f"peak memory {p['plain_peak_rss_mb']} MB"
    )
    print(
        f"  cost of our layer, ours/plain: with downloads {w['ratio']:.2f}, pages only {p['ratio']:.2f} "
        f"(CPU time: {w['cpu_seconds']:.1f}/{w['plain_cpu_seconds']:.1f} s = {w['cpu_ratio']:.2f}, "
        f"{p['cpu_seconds']:.1f}/{p['plain_cpu_seconds']:.1f} s = {p['cpu_ratio']:.2f})"
    )
    pb = r["plan_page_bytes"]
    print(
        f"  plan page HTML: median {pb['median']:,} B, max {pb['max']:,} B over bulk plans "
        f"(max over every plan page {pb['max_any_plan']:,} B)"
    )
    s = r["search_index_bytes"]
    print(
        f"  search: a first query downloads search/search_index.json, {s['json']:,} B "
        f"({s['gzip']:,} B gzipped), {s['entries']} entries"
    )
    print(f"  peak memory of the build (max RSS): {max(w['peak_rss_mb'], p['peak_rss_mb'])} MB")
    print("JSON " + json.dumps(r, ensure_ascii=False))
    sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, nargs="+", default=[100])
    parser.add_argument("--per-list", type=int, default=100, help="units per list at most (default 100)")
    parser.add_argument(
        "--official",
        metavar="PLAN_TYPE",
        help="instead of synthetic units: every unit of the official list, one list per province, for this plan type",
    )
    parser.add_argument(
        "--provinces", type=int, nargs="+", help="with --official: only these province codes (default: all 34)"
    )
    parser.add_argument(
        "--runs",
        type=int,
        default=1,
        help="builds of each kind, alternating ours and plain; the fastest counts (default 1)",
    )
    parser.add_argument("--keep", type=pathlib.Path, help="keep the projects and sites in this folder")
    args = parser.parse_args()
    what = (
        f"--official {args.official}" + (f" --provinces {' '.join(map(str, args.provinces))}" if args.provinces else "")
        if args.official
        else f"--units {' '.join(map(str, args.units))} --per-list {args.per_list}"
    )
    print(
        f"python bench/bench_scale.py {what} --runs {args.runs}; {os.cpu_count()} cores; "
        "each build a fresh `mkdocs build` process"
        + ("; of repeated builds the fastest counts" if args.runs > 1 else "")
    )
    if args.official:
        import vietnam_provinces  # the package load/official_units.py reads; the project is imported in measure()

        provinces = args.provinces or [int(p.code) for p in vietnam_provinces.Province.iter_all()]
        sets = [(f"official units for {args.official}", "national", official_lists(args.official, CODES, provinces))]
    else:
        sets = []
        for n in args.units:
            per_list = min(args.per_list, max(1, math.ceil(n / 2)))  # at least two lists: both plan types
            sets.append(("synthetic units", f"n{n}", unit_lists(n, per_list)))
    results = []
    for kind, name, lists in sets:
        if args.keep:
            work = args.keep / name
            shutil.rmtree(work, ignore_errors=True)
            work.mkdir(parents=True)
            results.append({"kind": kind, **measure(lists, work, args.runs, keep=True)})
        else:
            with tempfile.TemporaryDirectory(prefix=f"bench-scale-{name}-") as tmp:
                results.append({"kind": kind, **measure(lists, pathlib.Path(tmp), args.runs)})
        report(results[-1])
    for a, b in zip(results, results[1:]):
        for label in ("with_downloads", "pages_only"):
            print(
                f"growth {label}: t({b['units']})/t({a['units']}) = "
                f"{b[label]['seconds'] / a[label]['seconds']:.2f} for {b['units'] / a['units']:.1f}× the units"
            )


if __name__ == "__main__":
    main()
