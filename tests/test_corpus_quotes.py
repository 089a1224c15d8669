"""tools/corpus_quotes.py: the scan CI runs for corpus text copied into the repository (made-up pages)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from tools_support import load_tool

PAGE = "东湖新区举办首届桂花文化节\n　　本报讯 九月十二日，东湖新区首届桂花文化节开幕，坚持以人民为中心的发展思想。\n"


def test_a_headline_copied_from_a_page_is_found_whole() -> None:
    tool = load_tool("corpus_quotes")
    runs = {"东湖新区举办首届桂花文化节", "西山公园举办首届菊花展览会"}
    assert tool.quoted_stretches(runs, [PAGE], 10) == {
        "东湖新区举办首届桂花文化节": {"东湖新区举办首届桂花文化节"}
    }


def test_a_stretch_shorter_than_the_length_or_a_common_phrase_is_not_reported() -> None:
    tool = load_tool("corpus_quotes")
    # 东湖新区举办 is six characters of the page; the slogan is in ALLOWED
    runs = {"东湖新区举办了一场西山菊花展览会", "坚持以人民为中心的发展思想"}
    assert tool.quoted_stretches(runs, [PAGE], 10) == {}


def test_grams_found_in_two_places_are_not_one_quoted_stretch() -> None:
    # 甲乙丙丁戊己庚辛壬癸 and 乙丙丁戊己庚辛壬癸子 are each on a page, the eleven together on none
    pages = ["甲乙丙丁戊己庚辛壬癸。", "乙丙丁戊己庚辛壬癸子。"]
    found = load_tool("corpus_quotes").quoted_stretches({"甲乙丙丁戊己庚辛壬癸子"}, pages, 10)
    assert found == {"甲乙丙丁戊己庚辛壬癸子": {"甲乙丙丁戊己庚辛壬癸"}}


def test_a_missing_corpus_is_one_line_and_exit_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert load_tool("corpus_quotes").main([str(tmp_path)]) == 2
    assert (
        capsys.readouterr().err == f"corpus_quotes: no pages.jsonl.gz and crosspaper.jsonl.gz in {tmp_path}\n"
    )


def test_the_corpus_files_are_read_as_json_lines(tmp_path: Path) -> None:
    for name, text in (("pages.jsonl.gz", PAGE), ("crosspaper.jsonl.gz", "西山公园菊花展开幕")):
        with gzip.open(tmp_path / name, "wt", encoding="utf-8") as handle:
            handle.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
    assert list(load_tool("corpus_quotes").corpus_texts(tmp_path)) == [PAGE, "西山公园菊花展开幕"]
