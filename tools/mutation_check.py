"""Find the parser's conditions that no test reaches.

Each ``if`` and ``elif`` condition of the modules named is turned off in turn (``False and
(…)``), in a copy of the working tree, and the parse tests are run against the copy. A condition
whose removal no test notices is printed with its line, function and text: either a speed check
(a cheap early exit that cannot change any result) or a rule no test pins. The guard-test files
(``tests/test_*guards*.py``) were written from its reports; their docstrings list the speed
checks left untested. It is slow (one test run per condition, about 15 s each), so it is a
developer's tool, not part of CI:

    python tools/mutation_check.py liaocheng_tui/parse/dates.py liaocheng_tui/parse/byline.py

Exit status 0 when every condition is noticed, 1 when some survive, 2 on bad arguments.
"""

from __future__ import annotations

import argparse
import ast
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# The tests that read the parser's rules; the app's and the library's suites cannot notice them.
DEFAULT_TESTS = (
    "tests/test_parse_*.py",
    "tests/test_assemble*.py",
    "tests/test_*guards*.py",
    "tests/test_labeller.py",
    "tests/test_issue_date.py",
    "tests/test_evaluate_sets.py",
    "tests/test_places.py",
)


@dataclass(frozen=True)
class Mutant:
    """One condition turned off: where it is, what it said, and the module's text without it."""

    line: int
    function: str
    condition: str
    source: str


def mutants(source: str) -> Iterator[Mutant]:
    """Every ``if``/``elif`` statement's condition of ``source`` turned off, one at a time, in
    source order. Conditional expressions and comprehension filters are left alone: they choose
    values, and a test of the statement around them reaches them."""
    tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    for function, node in _if_statements(tree, "<module>"):
        test = node.test
        assert test.end_lineno is not None and test.end_col_offset is not None
        mutated = list(lines)
        start, end = test.lineno - 1, test.end_lineno - 1
        # The closing parenthesis goes in first, so that on a one-line condition the opening
        # one's offsets still hold.
        mutated[end] = _insert(mutated[end], test.end_col_offset, ")")
        mutated[start] = _insert(mutated[start], test.col_offset, "False and (")
        condition = ast.get_source_segment(source, test) or ""
        yield Mutant(node.lineno, function, " ".join(condition.split()), "".join(mutated))


def _if_statements(node: ast.AST, function: str) -> Iterator[tuple[str, ast.If]]:
    for child in ast.iter_child_nodes(node):
        inner = child.name if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef) else function
        if isinstance(child, ast.If):
            yield inner, child
        yield from _if_statements(child, inner)


def _insert(line: str, utf8_offset: int, text: str) -> str:
    # ast's column offsets count UTF-8 bytes, and the parser's conditions hold Chinese text.
    raw = line.encode()
    return (raw[:utf8_offset] + text.encode() + raw[utf8_offset:]).decode()


def survivors(module: str, tests: Sequence[str], repo: Path = REPO, timeout: float = 600) -> Iterator[Mutant]:
    """The mutants of ``module`` (a path inside ``repo``) that ``tests`` all pass with. A run
    that takes longer than ``timeout`` seconds is a mutant the tests noticed: without the
    condition, a loop ran on for ever."""
    source = (repo / module).read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="mutation-") as scratch:
        tree = Path(scratch) / "tree"
        shutil.copytree(repo, tree, ignore=shutil.ignore_patterns(".git", "__pycache__", ".venv", "*.db"))
        target = tree / module
        command = [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-x",
            "-p",
            "no:cacheprovider",
            "-m",
            "not slow",
            *tests,
        ]
        # No bytecode: Python trusts a cached module whose source has the same size and the same
        # second of change, and two mutants of one size written within a second are just that.
        environment = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
        try:
            for mutant in mutants(source):
                target.write_text(mutant.source, encoding="utf-8")
                try:
                    run = subprocess.run(
                        command,
                        cwd=tree,
                        env=environment,
                        capture_output=True,
                        text=True,
                        check=False,
                        timeout=timeout,
                    )
                except subprocess.TimeoutExpired:
                    continue
                if run.returncode == 0:
                    yield mutant
                elif run.returncode != 1:  # not a test failing: the run itself broke
                    raise RuntimeError(f"{module}:{mutant.line}: pytest exited {run.returncode}")
        finally:
            target.write_text(source, encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="+", help="module paths inside the repository")
    parser.add_argument(
        "--tests", nargs="+", default=None, help="test files or globs (default: the parse tests)"
    )
    args = parser.parse_args(argv)
    missing = [module for module in args.modules if not (REPO / module).is_file()]
    if missing:
        print(f"mutation_check: no such module: {', '.join(missing)}", file=sys.stderr)
        return 2
    tests = sorted(
        {
            str(path.relative_to(REPO))
            for pattern in args.tests or DEFAULT_TESTS
            for path in REPO.glob(pattern)
        }
    )
    found = 0
    for module in args.modules:
        count = 0
        for mutant in survivors(module, tests):
            count += 1
            print(f"{module}:{mutant.line}: {mutant.function}: {mutant.condition[:100]}", flush=True)
        found += count
        print(f"{module}: {count} conditions no test noticed", flush=True)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
