"""The wheel carries the bundled seed pages, so an installed package has its default library, and
the parser's models."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_contains_the_seeds_and_the_console_script(tmp_path: Path, seed_paths: list[Path]) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(REPO_ROOT), "--no-deps", "-q", "-w", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stderr
    wheels = list(tmp_path.glob("liaocheng_tui-*.whl"))
    assert len(wheels) == 1
    with zipfile.ZipFile(wheels[0]) as wheel:
        names = set(wheel.namelist())
        for seed in seed_paths:
            packaged = f"liaocheng_tui/seeds/{seed.name}"
            assert packaged in names, f"{packaged} missing from the wheel"
            assert wheel.read(packaged) == seed.read_bytes()
        entry_points = next(name for name in names if name.endswith(".dist-info/entry_points.txt"))
        assert "liaocheng-tui = liaocheng_tui.cli:main" in wheel.read(entry_points).decode("utf-8")
        assert "liaocheng_tui/__main__.py" in names
        # the parser's two line-role models, each with its card, as trained
        models = sorted((REPO_ROOT / "liaocheng_tui" / "parse" / "model").iterdir())
        assert {path.name for path in models} == {
            "line_roles.crfsuite",
            "line_roles.txt",
            "line_roles_unpunctuated.crfsuite",
            "line_roles_unpunctuated.txt",
        }
        for model in models:
            packaged = f"liaocheng_tui/parse/model/{model.name}"
            assert packaged in names, f"{packaged} missing from the wheel"
            assert wheel.read(packaged) == model.read_bytes()
