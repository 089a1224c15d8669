"""The layers of docs/ARCHITECTURE.md hold (import-linter checks the contracts in pyproject.toml),
and ruff and mypy --strict find nothing."""

from __future__ import annotations

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
