"""The query language: terms, OR, exclusion, phrases, field filters, folding, hostile input."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from liaocheng_tui.search import Filter, Query, QueryError, Term, find_spans, parse_query
from liaocheng_tui.textfold import fold


def groups(text: str) -> list[list[Term | Filter]]:
    return [list(group) for group in parse_query(text).groups]


def test_whitespace_is_and_or_joins_neighbours() -> None:
    assert groups("聊城 工业") == [[Term("聊城")], [Term("工业")]]
    assert groups("聊城 OR 济南 工业") == [[Term("聊城"), Term("济南")], [Term("工业")]]
    assert groups("a OR b OR c") == [[Term("a"), Term("b"), Term("c")]]
    # "or" in lower case is a word; a dangling OR is ignored
    assert groups("rock or roll") == [[Term("rock")], [Term("or")], [Term("roll")]]
    assert groups("OR 聊城 OR") == [[Term("聊城")]]
    assert groups("聊城 ＯＲ 济南") == [[Term("聊城"), Term("济南")]]


def test_exclusion_and_meaningless_queries() -> None:
    query = parse_query("聊城 -城市 -title:会议")
    assert query.groups == ((Term("聊城"),),)
    assert query.excluded == (Term("城市"), Term("会议", "title"))
    assert parse_query("-").groups == ((Term("-"),),)  # a lone minus is a character to find
    for meaningless in ("-城市", "-a -b", "", "   ", "\x00", '""', "OR"):
        with pytest.raises(QueryError) as info:
            parse_query(meaningless)
        assert "\n" not in str(info.value)


def test_quoted_phrases() -> None:
    assert groups('"new  york" 聊城') == [[Term("new york")], [Term("聊城")]]
    # spaces next to Han characters vanish, as in the cleaned text
    assert groups('"绿色 诊断"') == [[Term("绿色诊断")]]
    assert groups('"2023 年"') == [[Term("2023年")]]
    assert groups('"unterminated phrase') == [[Term("unterminated phrase")]]
    assert parse_query('-"a b" c').excluded == (Term("a b"),)


def test_field_filters() -> None:
    assert groups("title:良方") == [[Term("良方", "title")]]
    assert groups('Title:"绿色 问诊"') == [[Term("绿色问诊", "title")]]
    assert groups("author:尹腾淑 section:时政 column:目击") == [
        [Filter("author", "尹腾淑")],
        [Filter("section", "时政")],
        [Filter("column", "目击")],
    ]
    assert groups("kind:photo") == [[Filter("kind", "photo")]]
    with pytest.raises(QueryError, match="kind"):
        parse_query("kind:poem")
    assert groups("date:2023") == [[Filter("date", "2023", "2023-01-01", "2023-12-31")]]
    assert groups("date:2024-02") == [[Filter("date", "2024-02", "2024-02-01", "2024-02-29")]]
    assert groups("date:2023-02-01..2023-02-28") == [
        [Filter("date", "2023-02-01..2023-02-28", "2023-02-01", "2023-02-28")]
    ]
    assert groups("date:2023-03..") == [[Filter("date", "2023-03..", "2023-03-01", "9999-99-99")]]
    # a value that is not a date is searched for as text, so nothing is lost
    assert groups("date:2023-13") == [[Term("date:2023-13")]]
    assert groups("date:soon") == [[Term("date:soon")]]
    assert groups("http://x.cn") == [[Term("http://x.cn")]]
    assert groups("title:") == [[Term("title:")]]


def test_width_and_case_folding() -> None:
    assert groups("ＡＢＣ１２３") == [[Term("abc123")]]
    assert groups("ＴＩＴＬＥ：良方") == [[Term("良方", "title")]]
    assert groups("Straße") == [[Term(fold("Straße"))]]
    assert fold("ＡＢＣ，。") == "abc,。"
    assert fold("\u3000") == " "
    assert len(fold("ﬃ𠀀ẞ")) == 3


@given(st.text(max_size=60))
@settings(max_examples=300, deadline=None)
def test_any_string_parses_or_gives_a_one_line_query_error(text: str) -> None:
    try:
        query = parse_query(text)
    except QueryError as error:
        assert "\n" not in str(error) and str(error)
        return
    assert isinstance(query, Query) and query.groups
    for group in query.groups:
        for atom in group:
            if isinstance(atom, Term):
                assert atom.text and "\x00" not in atom.text
                assert not any(0xD800 <= ord(c) <= 0xDFFF for c in atom.text)


@pytest.mark.parametrize(
    "hostile",
    ['"', '("', "*", "NEAR(a b)", "a AND (b", "'; DROP TABLE articles; --", "x\x00y", "\ud800\udfff", "^$"],
)
def test_hostile_strings_parse(hostile: str) -> None:
    if hostile in ('"', "\ud800\udfff"):  # nothing left to search for
        with pytest.raises(QueryError):
            parse_query(hostile)
    else:
        assert parse_query(hostile).groups


def test_find_spans_uses_the_same_folding() -> None:
    text = "ＡＢＣ和abc,2023年与２０２３年"
    assert find_spans(text, ["abc"]) == [(0, 3), (4, 7)]
    assert find_spans(text, ["2023"]) == [(8, 12), (14, 18)]
    assert find_spans("aaaa", ["aa"]) == [(0, 4)]  # overlapping occurrences merge
    assert find_spans("聊城市工信局", ["城市", "市工"]) == [(1, 4)]
    assert find_spans("abc", ["", "zz"]) == []


def test_fold_is_idempotent_and_keeps_length_on_the_bmp() -> None:
    chars = "".join(chr(c) for c in range(0x20, 0x10000) if not 0xD800 <= c <= 0xDFFF)
    once = fold(chars)
    assert len(once) == len(chars)
    assert fold(once) == once
