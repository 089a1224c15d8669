"""The layers of docs/ARCHITECTURE.md hold (import-linter checks the contracts in pyproject.toml),
and ruff and mypy --strict find nothing."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow  # runs lint-imports as another process
def test_import_contracts_are_kept() -> None:
    script = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run(
        [str(script), "--no-cache"], cwd=REPO_ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "BROKEN" not in result.stdout and " KEPT" in result.stdout


def _run_tool(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *command], cwd=REPO_ROOT, capture_output=True, text=True, timeout=600
    )


@pytest.mark.slow  # runs ruff as another process
def test_ruff_finds_nothing_and_every_file_is_formatted() -> None:
    for command in (("ruff", "check", "."), ("ruff", "format", "--check", ".")):
        result = _run_tool(*command)
        assert result.returncode == 0, (command, result.stdout[-3000:] + result.stderr[-2000:])


@pytest.mark.slow  # runs mypy --strict on the package (pyproject.toml's [tool.mypy]) as another process
def test_mypy_strict_finds_nothing() -> None:
    result = _run_tool("mypy")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert result.stdout.startswith("Success: no issues found")


def _names_set_twice(source: str) -> list[str]:
    """The names a module's own top-level assignments set more than once, in order."""
    seen: set[str] = set()
    twice: list[str] = []
    for statement in ast.parse(source).body:
        targets = (
            statement.targets
            if isinstance(statement, ast.Assign)
            else [statement.target]
            if isinstance(statement, ast.AnnAssign)
            else []
        )
        for target in targets:
            for node in ast.walk(target):
                if isinstance(node, ast.Name):
                    if node.id in seen:
                        twice.append(node.id)
                    seen.add(node.id)
    return twice


def test_no_module_sets_one_of_its_names_twice() -> None:
    # A constant set again further down a long module takes the first one's place for every use
    # above it too, and neither ruff nor mypy says so (a second ``_WRAPPED_SHARE`` in furniture.py
    # once changed how wide a wrapped line must be).
    assert _names_set_twice("LIMIT = 1\nWIDTH: int = 2\nLIMIT, OTHER = 3, 4\n") == ["LIMIT"]
    modules = sorted((REPO_ROOT / "liaocheng_tui").rglob("*.py"))
    assert len(modules) > 40
    twice = {
        str(path.relative_to(REPO_ROOT)): names
        for path in modules
        if (names := _names_set_twice(path.read_text(encoding="utf-8")))
    }
    assert twice == {}
