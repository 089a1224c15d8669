"""The layers of docs/ARCHITECTURE.md hold: import-linter checks the contracts in pyproject.toml."""

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
