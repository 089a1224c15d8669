"""Archive-scale benchmark: ingest, search, app start and memory, against ripgrep and SQL LIKE.

    python bench/run.py --quick                 # N = 5,000, about 1-2 minutes
    python bench/run.py --articles 100000 --json results.json

Every phase that is measured for memory runs in its own subprocess (``--phase ...``), so peak
resident memory belongs to that phase alone.  See bench/README.md for what each figure means.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict
from functools import partial
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.corpus import CorpusInfo, load_pool, write_corpus  # noqa: E402
from bench.queries import (  # noqa: E402
    QUERIES,
    BenchQuery,
    compare_sets,
    date_bounds,
    like_sql,
    percentile,
    rg_pattern,
)

TARGETS = {
    "search_p95_ms": 30.0,
    "rg_speedup": 10.0,
    "ingest_ratio": 0.8,
    "first_paint_s": 1.0,
    "first_results_ms": 300.0,
    "app_rss_mb": 250.0,
}
JIEBA_RUNS = 3
RG_CHUNK = 4000
SPAWN_TIME = "<spawn time>"  # files per rg call when narrowing an AND pipeline


def _rss_mb() -> tuple[float, float]:
    """(current, peak) resident memory of this process in MB, from /proc/self/status."""
    values = {"VmRSS": 0.0, "VmHWM": 0.0}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            key = line.split(":", 1)[0]
            if key in values:
                values[key] = int(line.split()[1]) / 1024
    return values["VmRSS"], values["VmHWM"]


def _maxrss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


def _run_phase(args: list[str]) -> dict[str, Any]:
    """Run ``bench/run.py --phase ...`` in a fresh interpreter and return its JSON."""
    command = [sys.executable, str(Path(__file__).resolve()), *args]
    # Cold start is timed from here: the moment just before the interpreter is spawned.
    command = [str(time.time()) if part == SPAWN_TIME else part for part in command]
    done = subprocess.run(
        command,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"bench phase {args[:2]} failed:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# -- phase: ingest -----------------------------------------------------------------------------


def phase_ingest(pages: list[str], db: Path, workers: int) -> dict[str, Any]:
    """Store ``pages`` into a new library with ``build.build_library`` as shipped: ``workers``
    processes read, parse and prepare pages, this process is the one writer."""
    from liaocheng_tui.build import build_library
    from liaocheng_tui.store import Library

    started = time.perf_counter()
    with Library(db) as library:
        summary = build_library(library, [Path(p) for p in pages], jobs=workers)
    seconds = time.perf_counter() - started
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)  # the pool's workers, joined by now
    return {
        "mode": "build_library",
        "workers": workers,
        "pages": len(pages),
        "articles": summary.articles,
        "failed": len(summary.failed),
        "seconds": seconds,
        "writer_cpu_s": own.ru_utime + own.ru_stime,
        "cpu_s": own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime,
        "peak_rss_mb": _maxrss_mb(resource.RUSAGE_SELF),
        "peak_worker_rss_mb": _maxrss_mb(resource.RUSAGE_CHILDREN),
    }


# -- phase: app --------------------------------------------------------------------------------


async def _app_probe(
    db: Path, spawned_at: float, queries: Sequence[str], scroll_cap_s: float
) -> dict[str, Any]:
    """Time the app through its own frames: every compositor update is stamped as it is rendered.

    Pilot's ``pause``/``press`` wait until the whole process is idle (CPU time), which includes
    jieba loading on the app's background thread, so they are used to send keys, never to time.
    """
    import_started = time.time()
    from liaocheng_tui.tui.app import LiaochengApp

    imported = time.time()
    out: dict[str, Any] = {
        "import_s": imported - import_started,
        "interpreter_s": import_started - spawned_at,
    }
    app = LiaochengApp(db, build_if_empty=False)
    frames: list[tuple[float, bool, int]] = []  # (when, library shown, searches finished)
    display = app._display

    def stamped_display(screen: Any, renderable: Any) -> None:
        display(screen, renderable)
        if renderable is not None and not app._batch_count:
            frames.append((time.time(), app.ready, app.searches_run))

    app._display = stamped_display  # type: ignore[method-assign]

    async def frame_after(index: int, accept: Callable[[tuple[float, bool, int]], bool]) -> float:
        deadline = time.time() + 30
        while time.time() < deadline:
            for frame in frames[index:]:
                if accept(frame):
                    return frame[0]
            await asyncio.sleep(0.001)
        raise RuntimeError("the app rendered no frame in 30 s")

    async with app.run_test(size=(120, 40)) as pilot:
        painted = await frame_after(0, lambda f: f[1])
        out["first_paint_s"] = painted - spawned_at
        out["rows"] = len(app.article_list.ids)
        out["rss_after_start_mb"] = _rss_mb()[0]

        async def search(query: str) -> float:
            before = app.searches_run
            app.action_focus_search()  # what "/" does, without pilot's wait for an idle process
            app.search_bar.value = query
            mark, started = len(frames), time.time()
            asyncio.get_running_loop().create_task(pilot.press("enter"))
            shown = await frame_after(mark, lambda f: f[2] > before)
            await pilot.pause()
            return (shown - started) * 1000

        out["first_results_cold_ms"] = await search(queries[0])  # jieba may still be loading
        out["first_results_total"] = app.search_result.total if app.search_result else 0
        while not app.warm:
            await asyncio.sleep(0.01)
        out["results_warm_ms"] = [await search(q) for q in queries[1:]]
        out["rss_after_search_mb"] = _rss_mb()[0]

        await pilot.press("escape", "escape")
        await pilot.pause()
        article_list = app.article_list
        article_list.focus()
        article_list.action_first()
        await pilot.pause()
        rows = len(article_list.ids)
        started = time.perf_counter()
        steps = 0
        # Page down frame by frame, as a user holding the key would see it.
        while article_list.cursor < rows - 1 and time.perf_counter() - started < scroll_cap_s:
            mark = len(frames)
            article_list.action_page_down()
            steps += 1
            await frame_after(mark, lambda f: True)
        out["scroll_s"] = time.perf_counter() - started
        out["scroll_presses"] = steps
        out["scroll_rows"] = article_list.cursor + 1
        out["scroll_list_rows"] = rows
        out["rss_after_scroll_mb"], out["peak_rss_mb"] = _rss_mb()
    return out


# -- the benchmark -----------------------------------------------------------------------------


def _jieba_rate(texts: Sequence[str]) -> float:
    """Characters per second of raw ``jieba.cut`` (HMM off, as ingest uses) on one core."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    chars = sum(len(t) for t in texts)
    started = time.perf_counter()
    for text in texts:
        for _ in jieba.cut(text, HMM=False):
            pass
    return chars / (time.perf_counter() - started)


def _jieba_cpu_rate(texts: Sequence[str]) -> float:
    """Characters per CPU second of raw ``jieba.cut``: unaffected by other load on the machine."""
    _jieba_rate(texts[:20])
    started = time.process_time()
    _jieba_rate(texts)
    return sum(len(t) for t in texts) / (time.process_time() - started)


def _jieba_chunk(texts: Sequence[str]) -> float:
    _jieba_rate(texts[:50])  # load the dictionary before the clock starts
    return _jieba_rate(texts)


def _jieba_parallel_rate(texts: Sequence[str], workers: int) -> float:
    """Characters per second of raw ``jieba.cut`` in ``workers`` processes at once (wall clock)."""
    chunks = [list(texts[i::workers]) for i in range(workers)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        list(pool.map(_jieba_rate, [chunk[:20] for chunk in chunks]))  # start and warm the workers
        started = time.perf_counter()
        list(pool.map(_jieba_rate, chunks))
        seconds = time.perf_counter() - started
    return sum(len(t) for t in texts) / seconds


def _stored_text(row: Sequence[Any]) -> str:
    kicker, title, subtitle, byline, body = row
    lines = [kicker or "", title or "", subtitle or "", byline or "", *(body.split("\n") if body else [])]
    return "\n".join(lines) + "\n"


def _load_library_map(db: Path, corpus: CorpusInfo) -> tuple[dict[str, int], dict[str, int]]:
    """File name -> article id, and counts of per-field round-trip mismatches against the files."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rows = conn.execute(
        "SELECT id, source, seq, date, kicker, title, subtitle, byline, body FROM articles"
    ).fetchall()
    conn.close()
    by_file: dict[str, int] = {}
    stored: dict[str, tuple[str, str]] = {}
    for article_id, source, seq, date, *text in rows:
        name = f"{Path(source).stem}_{seq:02d}.txt"
        by_file[name] = article_id
        stored[name] = (date or "", _stored_text(text))
    mismatch = {"missing_in_library": 0, "extra_in_library": 0, "text": 0, "date": 0}
    seen = set()
    with corpus.manifest.open(encoding="utf-8") as manifest:
        for line in manifest:
            record = json.loads(line)
            name = Path(record["file"]).name
            seen.add(name)
            if name not in stored:
                mismatch["missing_in_library"] += 1
                continue
            date, text = stored[name]
            if date != record["date"]:
                mismatch["date"] += 1
            if text != (corpus.articles_dir / record["file"]).read_text(encoding="utf-8"):
                mismatch["text"] += 1
    mismatch["extra_in_library"] = len(set(stored) - seen)
    return by_file, mismatch


def _rg(args: list[str], targets: list[str], cwd: Path) -> set[str]:
    found: set[str] = set()
    for start in range(0, max(1, len(targets)), RG_CHUNK):
        chunk = targets[start : start + RG_CHUNK]
        done = subprocess.run(
            ["rg", "-l", "--no-messages", "--no-config", *args, "--", *chunk],
            cwd=cwd,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode not in (0, 1):
            raise SystemExit(f"rg failed: {done.stderr.strip()}")
        found.update(line for line in done.stdout.splitlines() if line)
    return found


def rg_search(query: BenchQuery, articles_dir: Path, date_dirs: list[str]) -> set[str]:
    """The grep user's way: ``rg -l`` for the first term, then narrow the file list per term."""
    targets = ["."]
    for field, value in query.atoms:
        if field == "date":
            low, high = date_bounds(value)
            targets = [d for d in date_dirs if low <= d <= high]
    text_atoms = [a for a in query.atoms if a[0] != "date"]
    files: set[str] | None = None
    for field, value in text_atoms:
        current = targets if files is None else sorted(files)
        if not current:
            return set()
        files = _rg(rg_pattern(field, value), current, articles_dir)
    return {Path(f).name for f in files or set()}


def _fetch_all(conn: sqlite3.Connection, sql: str, params: Sequence[Any]) -> list[Any]:
    return conn.execute(sql, params).fetchall()


def _timed(action: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    value = action()
    return (time.perf_counter() - started) * 1000, value


def measure_search(db: Path, corpus: CorpusInfo, by_file: dict[str, int], runs: int) -> dict[str, Any]:
    from liaocheng_tui.analysis import warm_up_search
    from liaocheng_tui.query import parse_query
    from liaocheng_tui.search import Searcher
    from liaocheng_tui.store import Library

    date_dirs = sorted(p.name for p in corpus.articles_dir.iterdir())
    _rg(["-F", "-e", "聊城"], ["."], corpus.articles_dir)  # warm the page cache for rg too
    like = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    like.execute("SELECT count(*) FROM articles WHERE body LIKE '%聊城%'").fetchone()
    results: list[dict[str, Any]] = []
    with Library(db) as library:
        searcher = Searcher(library)
        # The app loads jieba's dictionary in the background after start; "聊城" alone matches
        # too many articles to reach ranking, so it would not load it.
        warm_up_search()
        searcher.search("聊城")
        for query in QUERIES:
            timings = []
            for _ in range(runs):
                ms, result = _timed(partial(searcher.search, query.text, limit=50))
                timings.append(ms)
            hits_ok = all(
                isinstance(hit.snippet, str) and set(hit.spans) >= {"title", "body"} for hit in result.hits
            )
            app_page_ms, _ = _timed(partial(searcher.search, query.text, limit=200))
            ours = set(searcher.matching_ids(parse_query(query.text)))
            rg_ms, rg_files = _timed(partial(rg_search, query, corpus.articles_dir, date_dirs))
            sql, params = like_sql(query.atoms)
            like_ms, like_rows = _timed(partial(_fetch_all, like, sql, params))
            unmapped = sum(1 for f in rg_files if f not in by_file)
            rg_ids = {by_file[f] for f in rg_files if f in by_file}
            results.append(
                {
                    "kind": query.kind,
                    "query": query.text,
                    "total": result.total,
                    "ms": timings,
                    "app_page_ms": app_page_ms,
                    "hits_with_snippets": hits_ok and len(result.hits) == min(50, result.total),
                    "rg_ms": rg_ms,
                    "like_ms": like_ms,
                    "vs_rg": asdict(compare_sets(ours, rg_ids)) | {"unmapped": unmapped},
                    "vs_like": asdict(compare_sets(ours, {row[0] for row in like_rows})),
                }
            )
    like.close()
    return {"runs_per_query": runs, "queries": results}


def summarise_search(search: dict[str, Any]) -> dict[str, Any]:
    queries = search["queries"]
    all_ms = [ms for q in queries for ms in q["ms"]]
    kinds: dict[str, dict[str, Any]] = {}
    for kind in dict.fromkeys(q["kind"] for q in queries):
        chosen = [q for q in queries if q["kind"] == kind]
        ms = [m for q in chosen for m in q["ms"]]
        ours = sum(min(q["ms"]) for q in chosen)
        kinds[kind] = {
            "queries": len(chosen),
            "p50_ms": percentile(ms, 0.5),
            "p95_ms": percentile(ms, 0.95),
            "rg_p50_ms": percentile([q["rg_ms"] for q in chosen], 0.5),
            "like_p50_ms": percentile([q["like_ms"] for q in chosen], 0.5),
            "rg_speedup": sum(q["rg_ms"] for q in chosen) / ours,
            "like_speedup": sum(q["like_ms"] for q in chosen) / ours,
            "median_hits": percentile([q["total"] for q in chosen], 0.5),
        }
    per_query_rg = [q["rg_ms"] / percentile(q["ms"], 0.5) for q in queries]
    worst = min(range(len(queries)), key=lambda i: per_query_rg[i])
    return {
        "queries": len(queries),
        "p50_ms": percentile(all_ms, 0.5),
        "p95_ms": percentile(all_ms, 0.95),
        "max_ms": max(all_ms),
        "app_page_p95_ms": percentile([q["app_page_ms"] for q in queries], 0.95),
        "rg_p50_ms": percentile([q["rg_ms"] for q in queries], 0.5),
        "like_p50_ms": percentile([q["like_ms"] for q in queries], 0.5),
        "rg_speedup_total": sum(q["rg_ms"] for q in queries) / sum(percentile(q["ms"], 0.5) for q in queries),
        "rg_speedup_min": per_query_rg[worst],
        "rg_speedup_worst_query": queries[worst]["query"],
        "rg_speedup_p50": percentile([q["rg_ms"] for q in queries], 0.5) / percentile(all_ms, 0.5),
        "rg_speedup_p95": percentile([q["rg_ms"] for q in queries], 0.95) / percentile(all_ms, 0.95),
        "rg_p95_ms": percentile([q["rg_ms"] for q in queries], 0.95),
        "like_speedup_total": sum(q["like_ms"] for q in queries)
        / sum(percentile(q["ms"], 0.5) for q in queries),
        "rg_sets_equal": sum(1 for q in queries if q["vs_rg"]["missing"] == 0 and q["vs_rg"]["extra"] == 0),
        "like_sets_equal": sum(
            1 for q in queries if q["vs_like"]["missing"] == 0 and q["vs_like"]["extra"] == 0
        ),
        "mismatches": [
            {"query": q["query"], "vs_rg": q["vs_rg"], "vs_like": q["vs_like"]}
            for q in queries
            if q["vs_rg"]["missing"]
            or q["vs_rg"]["extra"]
            or q["vs_like"]["missing"]
            or q["vs_like"]["extra"]
        ],
        "snippets_ok": all(q["hits_with_snippets"] for q in queries),
        "kinds": kinds,
    }


def machine() -> dict[str, Any]:
    mem = ""
    try:
        mem = subprocess.run(["free", "-h"], capture_output=True, text=True, check=False).stdout.split("\n")[
            1
        ]
    except OSError:
        pass
    rg = subprocess.run(["rg", "--version"], capture_output=True, text=True, check=False).stdout.split("\n")[
        0
    ]
    return {
        "date": time.strftime("%Y-%m-%d %H:%M %Z"),
        "cpus": os.cpu_count(),
        "cpu": next(
            (
                line.split(":", 1)[1].strip()
                for line in open("/proc/cpuinfo")
                if line.startswith("model name")
            ),
            platform.processor(),
        ),
        "memory": " ".join(mem.split()[:2]),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "ripgrep": rg,
        "load_average": os.getloadavg(),
        "cpu_pressure": Path("/proc/pressure/cpu").read_text().split("\n")[0]
        if Path("/proc/pressure/cpu").exists()
        else "",
    }


def run(args: argparse.Namespace) -> dict[str, Any]:
    n = args.articles
    work = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix=f"liaocheng-bench-{n}-"))
    corpus_root = work / "corpus"
    if corpus_root.exists():
        shutil.rmtree(corpus_root)
    report: dict[str, Any] = {"articles": n, "seed": args.seed, "machine": machine(), "workdir": str(work)}
    log = args.log

    log(f"corpus: generating {n} articles under {corpus_root}")
    pool = load_pool(sorted((REPO / "seeds").glob("*.txt")))
    seconds, corpus = _timed(lambda: write_corpus(corpus_root, pool, n, args.seed))
    report["corpus"] = {
        "pages": corpus.pages,
        "articles": corpus.articles,
        "characters": corpus.characters,
        "chars_per_article": corpus.characters / corpus.articles,
        "seconds": seconds / 1000,
        "pool": {
            "headlines": len(pool.headlines),
            "sentences": len(pool.sentences),
            "authors": len(pool.authors),
        },
    }

    texts = []
    for path in sorted(corpus.articles_dir.rglob("*.txt"))[:3000]:
        texts.append(path.read_text(encoding="utf-8"))
    # The best of three runs: the one least slowed by other load on a shared machine, which makes
    # the ingest ratios below (measured once) the harder to meet.
    raw = max(_jieba_rate(texts) for _ in range(JIEBA_RUNS))
    workers = args.workers
    report["jieba_chars_per_s"] = raw
    report["jieba_parallel_chars_per_s"] = max(
        _jieba_parallel_rate(texts, workers) for _ in range(JIEBA_RUNS)
    )
    report["jieba_chars_per_cpu_s"] = _jieba_cpu_rate(texts)

    pages = sorted(str(p) for p in corpus.pages_dir.iterdir())
    db = work / "library.db"
    for stale in work.glob("library.db*"):
        stale.unlink()
    log(f"ingest: build_library on {len(pages)} pages, {workers} worker processes + 1 writer")
    ingest = _run_phase(["--phase", "ingest", "--db", str(db), "--workers", str(workers), *pages])
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = sum(p.stat().st_size for p in work.glob("library.db*"))
    ingest |= {
        "articles_per_s": ingest["articles"] / ingest["seconds"],
        "chars_per_s": corpus.characters / ingest["seconds"],
        "target_chars_per_s": TARGETS["ingest_ratio"] * raw * workers,
        "library_bytes": size,
        "bytes_per_article": size / corpus.articles,
        "text_bytes_per_article": sum(len(t.encode()) for t in texts) / len(texts),
    }
    ingest["ratio_to_jieba_x_cores"] = ingest["chars_per_s"] / (raw * workers)
    ingest["ratio_to_parallel_jieba"] = ingest["chars_per_s"] / report["jieba_parallel_chars_per_s"]
    ingest["chars_per_cpu_s"] = corpus.characters / ingest["cpu_s"]
    ingest["cpu_ratio_to_jieba"] = ingest["chars_per_cpu_s"] / report["jieba_chars_per_cpu_s"]
    ingest["cores_busy"] = ingest["cpu_s"] / ingest["seconds"]
    report["ingest"] = ingest

    log("round trip: library vs generated articles")
    by_file, mismatch = _load_library_map(db, corpus)
    report["round_trip_mismatches"] = mismatch

    log(f"search: {len(QUERIES)} queries x {args.runs} runs, plus rg and LIKE once each")
    search = measure_search(db, corpus, by_file, args.runs)
    report["search"] = summarise_search(search)
    report["search_queries"] = search["queries"]

    if not args.no_app:
        log("app: cold start, first results, memory, scrolling the whole list")
        # The first query of each run is typed right after the first paint: 绿色低碳 matches more
        # than RANK_LIMIT articles (newest first), 营商环境 about 1,000 (ranked with jieba's words
        # once its dictionary is loaded), so both paths are timed from a cold start.
        runs = {"app": (["绿色低碳", "聊城 企业", "author:孙亚飞", "乡村振兴"], args.scroll_cap)}
        runs["app_ranked_first"] = (["营商环境", "乡村振兴"], 0.0)
        for name, (queries, scroll_cap) in runs.items():
            report[name] = _run_phase(
                [
                    "--phase",
                    "app",
                    "--db",
                    str(db),
                    "--spawned",
                    SPAWN_TIME,
                    "--scroll-cap",
                    str(scroll_cap),
                    *queries,
                ]
            )
    report["targets"] = check_targets(report)
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return report


def check_targets(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    search, ingest = report["search"], report["ingest"]
    checks: dict[str, dict[str, Any]] = {
        "search p95 <= 30 ms": {"value": search["p95_ms"], "target": TARGETS["search_p95_ms"]},
        "search >= 10x rg (p50 / p50)": {"value": search["rg_speedup_p50"], "target": TARGETS["rg_speedup"]},
        "search >= 10x rg (p95 / p95)": {"value": search["rg_speedup_p95"], "target": TARGETS["rg_speedup"]},
        "result sets equal rg and LIKE": {
            "value": min(search["rg_sets_equal"], search["like_sets_equal"]),
            "target": search["queries"],
        },
        "ingest >= 0.8 x jieba x cores": {
            "value": ingest["ratio_to_jieba_x_cores"],
            "target": TARGETS["ingest_ratio"],
        },
        "ingest chars per CPU-s >= 0.8 x jieba's": {
            "value": ingest["cpu_ratio_to_jieba"],
            "target": TARGETS["ingest_ratio"],
        },
        "ingest >= 0.8 x jieba in parallel": {
            "value": ingest["ratio_to_parallel_jieba"],
            "target": TARGETS["ingest_ratio"],
        },
    }
    app = report.get("app")
    if app:
        checks["first paint <= 1 s"] = {"value": app["first_paint_s"], "target": TARGETS["first_paint_s"]}
        checks["first results <= 300 ms (typed right after start)"] = {
            "value": app["first_results_cold_ms"],
            "target": TARGETS["first_results_ms"],
        }
        ranked = report.get("app_ranked_first")
        if ranked:
            checks["first results <= 300 ms (ranked query, typed right after start)"] = {
                "value": ranked["first_results_cold_ms"],
                "target": TARGETS["first_results_ms"],
            }
        checks["first results <= 300 ms (jieba loaded, worst)"] = {
            "value": max(app["results_warm_ms"]),
            "target": TARGETS["first_results_ms"],
        }
        checks["app RSS <= 250 MB"] = {
            "value": max(app["rss_after_start_mb"], app["rss_after_scroll_mb"]),
            "target": TARGETS["app_rss_mb"],
        }
    for name, check in checks.items():
        lower_is_better = "<=" in name
        check["met"] = (
            check["value"] <= check["target"] if lower_is_better else check["value"] >= check["target"]
        )
    return checks


def table(report: dict[str, Any]) -> str:
    lines: list[str] = []
    m = report["machine"]
    lines.append(
        f"liaocheng-tui benchmark, N = {report['articles']:,} articles, seed {report['seed']}; "
        f"{m['cpus']} CPUs ({m['cpu']}), {m['memory']} RAM, Python {m['python']}, SQLite {m['sqlite']}, "
        f"{m['ripgrep']}, load {m['load_average'][0]:.2f} at start, {m['date']}"
    )
    c = report["corpus"]
    lines.append(
        f"corpus: {c['pages']:,} pages, {c['articles']:,} articles, {c['characters']:,} chars "
        f"({c['chars_per_article']:.0f}/article), generated in {c['seconds']:.1f} s"
    )
    i = report["ingest"]
    lines.append("")
    lines.append(
        "| ingest | articles/s | chars/s | / (jieba x cores) | / (jieba in parallel) "
        "| per CPU-s / jieba's | cores busy | peak RSS (writer / worker) |"
    )
    lines.append("|---|---:|---:|---:|---:|---:|---:|---:|")
    lines.append(
        f"| build_library ({i['workers']} workers + writer), {i['articles']:,} | {i['articles_per_s']:,.0f} | "
        f"{i['chars_per_s']:,.0f} | {i['ratio_to_jieba_x_cores']:.2f} | {i['ratio_to_parallel_jieba']:.2f} | "
        f"{i['cpu_ratio_to_jieba']:.2f} | {i['cores_busy']:.2f} | "
        f"{i['peak_rss_mb']:.0f} / {i['peak_worker_rss_mb']:.0f} MB |"
    )
    lines.append(
        f"raw jieba.cut (HMM off): {report['jieba_chars_per_s']:,.0f} chars/s on 1 core, "
        f"{report['jieba_parallel_chars_per_s']:,.0f} chars/s in {i['workers']} processes at once, "
        f"{report['jieba_chars_per_cpu_s']:,.0f} chars per CPU-second; "
        f"library {i['library_bytes'] / 2**20:,.0f} MB = {i['bytes_per_article'] / 1024:.1f} KiB/article "
        f"(text {i['text_bytes_per_article'] / 1024:.1f} KiB); writer CPU {i['writer_cpu_s']:.0f} s "
        f"of {i['seconds']:.0f} s wall"
    )
    rt = report["round_trip_mismatches"]
    lines.append(f"round trip (library vs generated files): {rt}")
    se = report["search"]
    lines.append("")
    lines.append(
        "| query kind | n | hits (median) | p50 ms | p95 ms | rg p50 ms | LIKE p50 ms | x rg | x LIKE |"
    )
    lines.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for kind, k in se["kinds"].items():
        lines.append(
            f"| {kind} | {k['queries']} | {k['median_hits']:,} | {k['p50_ms']:.1f} | {k['p95_ms']:.1f} | "
            f"{k['rg_p50_ms']:.0f} | {k['like_p50_ms']:.0f} | {k['rg_speedup']:.0f} | {k['like_speedup']:.0f} |"
        )
    lines.append(
        f"| **all** | {se['queries']} | | {se['p50_ms']:.1f} | {se['p95_ms']:.1f} | {se['rg_p50_ms']:.0f} | "
        f"{se['like_p50_ms']:.0f} | {se['rg_speedup_total']:.0f} | {se['like_speedup_total']:.0f} |"
    )
    lines.append(
        f"max {se['max_ms']:.1f} ms; p95 with the app's 200-hit page {se['app_page_p95_ms']:.1f} ms; "
        f"rg p95 {se['rg_p95_ms']:.0f} ms; worst single query vs rg {se['rg_speedup_min']:.1f}x "
        f"({se['rg_speedup_worst_query']}); "
        f"result sets equal: rg {se['rg_sets_equal']}/{se['queries']}, LIKE {se['like_sets_equal']}/{se['queries']}"
    )
    for miss in se["mismatches"]:
        lines.append(f"  MISMATCH {miss}")
    app = report.get("app")
    if app:
        lines.append("")
        lines.append(
            f"app: first paint {app['first_paint_s'] * 1000:.0f} ms after spawn (interpreter "
            f"{app['interpreter_s'] * 1000:.0f} ms, imports {app['import_s'] * 1000:.0f} ms), {app['rows']:,} rows; "
            f"first results {app['first_results_cold_ms']:.0f} ms (right after start), then "
            f"{', '.join(f'{ms:.0f}' for ms in app['results_warm_ms'])} ms"
        )
        ranked = report.get("app_ranked_first")
        if ranked:
            lines.append(
                f"app, a ranked query first: first paint {ranked['first_paint_s'] * 1000:.0f} ms; first results "
                f"{ranked['first_results_cold_ms']:.0f} ms (right after start), then "
                f"{', '.join(f'{ms:.0f}' for ms in ranked['results_warm_ms'])} ms"
            )
        lines.append(
            f"app RSS: {app['rss_after_start_mb']:.0f} MB after start, {app['rss_after_search_mb']:.0f} MB after "
            f"searches, {app['rss_after_scroll_mb']:.0f} MB after scrolling {app['scroll_rows']:,}/"
            f"{app['scroll_list_rows']:,} rows ({app['scroll_presses']} page-downs in {app['scroll_s']:.0f} s); "
            f"peak {app['peak_rss_mb']:.0f} MB"
        )
    lines.append("")
    lines.append("| target | value | target | met |")
    lines.append("|---|---:|---:|---|")
    for name, check in report["targets"].items():
        lines.append(
            f"| {name} | {check['value']:.3g} | {check['target']:.3g} | {'yes' if check['met'] else 'NO'} |"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=100_000, help="corpus size N (default 100000)")
    parser.add_argument("--quick", action="store_true", help="N = 5000, for checking a change")
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="ingest worker processes")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each query")
    parser.add_argument("--scroll-cap", type=float, default=90.0, help="seconds allowed for scrolling")
    parser.add_argument("--workdir", help="keep corpus and library here (default: a temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--no-app", action="store_true", help="skip the app measurements")
    parser.add_argument("--json", metavar="FILE", help="also write the full report as JSON ('-' = stdout)")
    parser.add_argument("--phase", choices=("ingest", "app"), help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--spawned", type=float, default=0.0, help=argparse.SUPPRESS)
    parser.add_argument("items", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.phase == "ingest":
        print(json.dumps(phase_ingest(args.items, Path(args.db), args.workers)))
        return 0
    if args.phase == "app":
        result = asyncio.run(_app_probe(Path(args.db), args.spawned, args.items, args.scroll_cap))
        print(json.dumps(result))
        return 0

    if args.quick:
        args.articles = 5_000
    if shutil.which("rg") is None:
        print("bench: ripgrep (rg) is not installed: apt-get install ripgrep", file=sys.stderr)
        return 1
    args.log = lambda message: print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)
    report = run(args)
    print(table(report))
    if args.json:
        text = json.dumps(report, ensure_ascii=False, indent=1)
        if args.json == "-":
            print(text)
        else:
            Path(args.json).write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
