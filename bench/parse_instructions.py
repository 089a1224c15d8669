"""Machine instructions per pass of ``parse_page`` over the five seed pages, counted by valgrind's
cachegrind: a figure that, unlike MB/s, does not move with the load or the speed of a shared
machine, so two versions of the parser can be compared in different hours.

    python bench/parse_instructions.py            # needs valgrind (apt-get install valgrind)
    python bench/parse_instructions.py --passes 4

The interpreter's start, the imports and the model's loading are counted once in both runs: the
script runs the parser over the seeds once and ``--passes`` times under cachegrind and divides the
difference by ``passes - 1``. Under a minute on the seeds.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
_TOTAL_RE = re.compile(r"I\s+refs:\s+([\d,]+)")


def _parse_seeds(passes: int) -> None:
    sys.path.insert(0, str(REPO))
    from liaocheng_tui.parse import parse_page
    from liaocheng_tui.parse.memo import clear_caches

    texts = [path.read_text(encoding="utf-8") for path in sorted((REPO / "seeds").glob("*.txt"))]
    for _ in range(passes):
        for text in texts:
            clear_caches()  # every pass parses the pages afresh, as the first one did
            parse_page(text)


def _instructions(valgrind: str, passes: int) -> int:
    """All instructions of this script run with ``--run PASSES`` under cachegrind."""
    environment = dict(os.environ, PYTHONHASHSEED="0")  # the same set and dict layouts in both runs
    done = subprocess.run(
        [
            valgrind,
            "--tool=cachegrind",
            "--cache-sim=no",
            "--cachegrind-out-file=/dev/null",
            sys.executable,
            __file__,
            "--run",
            str(passes),
        ],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    found = _TOTAL_RE.search(done.stderr)
    if done.returncode != 0 or found is None:
        raise RuntimeError(f"valgrind failed: {done.stderr.strip().splitlines()[-1:]}")
    return int(found.group(1).replace(",", ""))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--passes", type=int, default=4, help="passes of the longer run (at least 2)")
    parser.add_argument("--run", type=int, help=argparse.SUPPRESS)  # the child: parse, count nothing
    args = parser.parse_args(argv)
    if args.run is not None:
        _parse_seeds(args.run)
        return 0
    if args.passes < 2:
        print("error: --passes must be at least 2", file=sys.stderr)
        return 2
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        print("error: valgrind is not installed (apt-get install valgrind)", file=sys.stderr)
        return 1
    try:
        once, many = _instructions(valgrind, 1), _instructions(valgrind, args.passes)
    except RuntimeError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    per_pass = (many - once) / (args.passes - 1)
    print(f"parse_page over the five seed pages: {per_pass / 1e6:.1f} M instructions per pass")
    return 0


if __name__ == "__main__":
    sys.exit(main())
