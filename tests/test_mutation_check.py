"""tools/mutation_check.py: the developer's check for conditions no test reaches."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import cast

import pytest
from tools_support import load_tool

SOURCE = """def kind(text):
    if "年" not in text:  # a comment stays a comment
        return "none"
    elif (
        text.endswith("日")
        or text.endswith("号")
    ):
        return "day"
    if found := text.find("月") + 1:
        return f"month at {found}"
    return "year" if text else "empty"
"""


def test_each_if_and_elif_condition_is_turned_off_in_turn() -> None:
    tool = load_tool("mutation_check")
    found = list(tool.mutants(SOURCE))
    assert [(m.line, m.function, m.condition) for m in found] == [
        (2, "kind", '"年" not in text'),
        (4, "kind", 'text.endswith("日") or text.endswith("号")'),  # the line of the elif
        (9, "kind", 'found := text.find("月") + 1'),
    ]
    first, second, third = (m.source.splitlines() for m in found)
    assert first[1] == '    if False and ("年" not in text):  # a comment stays a comment'
    assert second[3:7] == [
        "    elif (",
        '        False and (text.endswith("日")',
        '        or text.endswith("号"))',
        "    ):",
    ]
    assert third[8] == '    if False and (found := text.find("月") + 1):'
    for mutant in found:
        compile(mutant.source, "<mutant>", "exec")  # a walrus or a bracket of its own stays valid
        assert mutant.source.count("\n") == SOURCE.count("\n")  # line numbers hold


def test_a_conditional_expression_is_left_alone() -> None:
    tool = load_tool("mutation_check")
    assert list(tool.mutants("x = 1 if y else 2\nz = [a for a in b if a]\n")) == []


def tiny_repo(root: Path, module: str, source: str, test: str) -> list[str]:
    """A repository of one module and one test of it at ``root``; the test files' paths."""
    (root / "tests").mkdir()
    (root / f"{module}.py").write_text(source, encoding="utf-8")
    test_file = root / "tests" / f"test_{module}.py"
    test_file.write_text(
        f"import sys\nsys.path.insert(0, '.')\nfrom {module} import *\n\n{test}", encoding="utf-8"
    )
    return [str(test_file.relative_to(root))]


def test_no_run_writes_bytecode_that_a_later_mutant_could_be_read_from(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two mutants of one size written within a second look unchanged to Python's bytecode cache:
    # the second run would test the first mutant again (a flaky survivor list).
    tool = load_tool("mutation_check")
    tests = tiny_repo(tmp_path, "shape", "def shape(text):\n    if text:\n        return 1\n", "")
    environments: list[dict[str, str]] = []

    def run(command: list[str], **options: object) -> subprocess.CompletedProcess[str]:
        environments.append(cast(dict[str, str], options["env"]))
        return subprocess.CompletedProcess(command, 1, "", "")

    monkeypatch.setattr(tool.subprocess, "run", run)
    assert list(tool.survivors("shape.py", tests, repo=tmp_path)) == []
    assert [env.get("PYTHONDONTWRITEBYTECODE") for env in environments] == ["1"]


@pytest.mark.slow  # runs pytest as another process, once per condition
def test_only_the_condition_no_test_notices_survives(tmp_path: Path) -> None:
    tool = load_tool("mutation_check")
    source = (
        "def shape(text: str) -> str:\n"
        '    if text.endswith("。"):\n'
        '        return "sentence"\n'
        "    if not text:\n"
        '        return "blank"\n'
        '    return "line"\n'
    )
    test = "def test_sentence() -> None:\n    assert shape('东湖区下雪了。') == 'sentence'\n"
    tests = tiny_repo(tmp_path, "shape", source, test)
    survived = list(tool.survivors("shape.py", tests, repo=tmp_path))
    assert [(m.line, m.condition) for m in survived] == [(4, "not text")]
    assert (tmp_path / "shape.py").read_text(encoding="utf-8").count("False and") == 0


@pytest.mark.slow  # runs pytest as another process
def test_a_condition_whose_loss_makes_a_loop_run_for_ever_is_noticed(tmp_path: Path) -> None:
    tool = load_tool("mutation_check")
    source = (
        "def first_digit(text: str) -> int:\n"
        "    at = 0\n"
        "    while True:\n"
        "        if text[at].isdigit():\n"
        "            return at\n"
        "        at = (at + 1) % len(text)\n"
    )
    test = "def test_first_digit() -> None:\n    assert first_digit('东湖3号') == 2\n"
    tests = tiny_repo(tmp_path, "count", source, test)
    assert list(tool.survivors("count.py", tests, repo=tmp_path, timeout=5)) == []
