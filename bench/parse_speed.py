"""Parse throughput on one core: MB of page text (UTF-8) parsed per second by ``parse_page`` (the
line labeller and the assembler, issue 9's parser).

    python bench/parse_speed.py                # the seeds and 3,000 generated articles
    python bench/parse_speed.py --articles 20000 --json -

Three sets: the five bundled seed pages (parsed ``--repeat`` times); the same pages hard-wrapped
at ``--narrow`` characters, as a PDF of narrow newspaper columns comes out (every line short, which
is where the labeller's cohesion features cost most); and pages that :mod:`bench.corpus` generates
from the seeds' text (the archive benchmark's corpus). Everything
runs in this one process, one page after another, so the figure is for one core. The model is
loaded and every page parsed once before timing; each figure is the best of ``--runs`` timed
passes, and CPU time is given beside the wall clock: on a shared machine other processes take the
core away, and the CPU figure is what one core does. The machine load (``os.getloadavg``) is
printed with it. Target (issue 9): at least 2 MB/s.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.corpus import generate, load_pool  # noqa: E402
from liaocheng_tui.parse import parse_page  # noqa: E402
from liaocheng_tui.parse.augment import hard_wrapped_lines  # noqa: E402
from liaocheng_tui.parse.memo import clear_caches  # noqa: E402
from liaocheng_tui.parse.page import label_page  # noqa: E402

TARGET_MB_S = 2.0


def throughput(texts: Sequence[str], runs: int) -> dict[str, Any]:
    """Best-of-``runs`` MB/s of parsing ``texts`` one after another (after one untimed pass), by
    the wall clock and by this process's CPU time (what one core does when others compete)."""
    size = sum(len(text.encode("utf-8")) for text in texts)
    for text in texts:
        parse_page(text)
    best = best_cpu = float("inf")
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        for text in texts:
            # The grammars' kept answers are forgotten before every page: the sets repeat their
            # pages, and a page must not be answered from an earlier pass over it.
            clear_caches()
            parse_page(text)
        best = min(best, time.perf_counter() - started)
        best_cpu = min(best_cpu, time.process_time() - started_cpu)
    return {
        "pages": len(texts),
        "mb": size / 1e6,
        "seconds": best,
        "cpu_seconds": best_cpu,
        "mb_per_s": size / 1e6 / best,
        "mb_per_cpu_s": size / 1e6 / best_cpu,
    }


def labeller_name() -> str:
    """Which labeller parsed: the packaged model, or the shape fallback when it is missing."""
    try:
        from liaocheng_tui.parse.labeller import ModelUnavailable, default_labeller
    except ImportError:
        return "shape fallback (no labeller module)"
    try:
        default_labeller()
    except ModelUnavailable:
        return "shape fallback (model missing)"
    return "CRF model"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=3000, help="articles in the generated set")
    parser.add_argument("--repeat", type=int, default=20, help="passes over the seeds per timed run")
    parser.add_argument("--runs", type=int, default=3, help="timed runs (the best counts)")
    parser.add_argument("--narrow", type=int, default=20, help="column width of the hard-wrapped seeds")
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON ('-' = stdout)")
    args = parser.parse_args(argv)

    seed_paths = sorted((REPO / "seeds").glob("*.txt"))
    seeds = [path.read_text(encoding="utf-8") for path in seed_paths]
    generated = [page.text for page in generate(load_pool(seed_paths), args.articles, args.seed)]
    label_page(["warm-up"])
    load_before = os.getloadavg()
    report: dict[str, Any] = {
        "labeller": labeller_name(),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_before": load_before,
        "seeds": throughput(seeds * args.repeat, args.runs),
        "narrow": throughput(
            ["\n".join(hard_wrapped_lines(text.splitlines(), args.narrow)) for text in seeds] * args.repeat,
            args.runs,
        ),
        "generated": throughput(generated, args.runs),
        "load_after": os.getloadavg(),
        "target_mb_per_s": TARGET_MB_S,
    }
    print(f"parse throughput on one core ({report['labeller']}, Python {report['python']})")
    print(
        "load average before / after: "
        + " / ".join(", ".join(f"{x:.2f}" for x in load) for load in (load_before, report["load_after"]))
    )
    for name in ("seeds", "narrow", "generated"):
        row = report[name]
        verdict = "met" if row["mb_per_s"] >= TARGET_MB_S else "not met by the wall clock"
        print(
            f"  {name:<9} {row['pages']:>6} pages  {row['mb']:7.2f} MB  {row['seconds']:7.2f} s  "
            f"{row['mb_per_s']:6.2f} MB/s wall, {row['mb_per_cpu_s']:6.2f} MB per CPU-second  "
            f"(target {TARGET_MB_S} MB/s: {verdict})"
        )
    if args.json:
        payload = json.dumps(report, indent=2)
        if args.json == "-":
            print(payload)
        else:
            Path(args.json).write_text(payload + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
