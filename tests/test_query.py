"""The query language: terms, OR, exclusion, phrases, field filters, folding, hostile input."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from liaocheng_tui.query import Filter, Query, QueryError, Term, date_problem, parse_query
from liaocheng_tui.search import find_spans
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
    # spaces next to Han characters vanish, as in the cleaned text; the phrase as typed is an
    # alternative, as headlines and bylines keep their spaces (本报记者 岳耀军)
    assert groups('"绿色 诊断"') == [[Term("绿色诊断"), Term("绿色 诊断")]]
    assert groups('"2023 年"') == [[Term("2023年"), Term("2023 年")]]
    assert groups('"unterminated phrase') == [[Term("unterminated phrase")]]
    assert parse_query('-"a b" c').excluded == (Term("a b"),)


def test_field_filters() -> None:
    assert groups("title:良方") == [[Term("良方", "title")]]
    assert groups('Title:"绿色 问诊"') == [[Term("绿色问诊", "title"), Term("绿色 问诊", "title")]]
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
    assert groups("http://x.cn") == [[Term("http://x.cn")]]


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


# -- issue 10: the query language a Chinese user types ------------------------------------------


def test_and_and_not_are_operators_in_upper_case_only() -> None:
    assert groups("绿色 AND 诊断") == [[Term("绿色")], [Term("诊断")]]
    query = parse_query("绿色 NOT 企业")
    assert query.groups == ((Term("绿色"),),) and query.excluded == (Term("企业"),)
    # lower case is a word, as "or" is; a quoted operator is a word too
    assert groups("绿色 and 诊断") == [[Term("绿色")], [Term("and")], [Term("诊断")]]
    assert groups("绿色 not 诊断") == [[Term("绿色")], [Term("not")], [Term("诊断")]]
    assert groups('绿色 "AND"') == [[Term("绿色")], [Term("and")]]
    # full-width letters, as OR already accepts
    assert parse_query("绿色 ＮＯＴ 企业").excluded == (Term("企业"),)
    # AND binds nothing to OR: "a OR b AND c" is (a OR b) c
    assert groups("聊城 OR 济南 AND 工业") == [[Term("聊城"), Term("济南")], [Term("工业")]]
    # NOT excludes one term, a field included, and ends an OR chain
    query = parse_query("聊城 OR 济南 NOT title:会议 工业")
    assert query.groups == ((Term("聊城"), Term("济南")), (Term("工业"),))
    assert query.excluded == (Term("会议", "title"),)
    for meaningless in ("AND", "NOT", "NOT 企业", "AND NOT"):
        with pytest.raises(QueryError):
            parse_query(meaningless)


@pytest.mark.parametrize(
    "quoted", ["“绿色 诊断”", "「绿色 诊断」", "『绿色 诊断』", "‘绿色 诊断’", "＂绿色 诊断＂", '"绿色 诊断”']
)
def test_full_width_quotes_make_a_phrase(quoted: str) -> None:
    assert groups(quoted) == [[Term("绿色诊断"), Term("绿色 诊断")]]
    assert groups(f"title:{quoted}") == [[Term("绿色诊断", "title"), Term("绿色 诊断", "title")]]
    assert parse_query(f"聊城 -{quoted}").excluded == (Term("绿色诊断"), Term("绿色 诊断"))


def test_closing_quote_marks_outside_a_phrase_are_text() -> None:
    assert groups("it’s") == [[Term("it’s")]]


def test_chinese_quote_marks_inside_a_term_are_text() -> None:
    # pasted with its marks, a title is found as printed, marks and all
    assert groups("《「十四五」规划》") == [[Term("《「十四五」规划》")]]
    # Chinese marks that open a term but close before it ends are printed text too: “十四五”规划
    # pasted from an article searches “十四五”规划. It used to search 十四五规划 (the marks taken
    # for a phrase), which the article does not contain, so the pasted text was not found.
    assert groups("“十四五”规划") == [[Term("“十四五”规划")]]
    assert groups("「十四五」规划") == [[Term("「十四五」规划")]]
    assert groups("『十四五』规划") == [[Term("『十四五』规划")]]
    assert groups("‘十四五’规划") == [[Term("‘十四五’规划")]]
    assert groups("“十四五”“规划”") == [[Term("“十四五”“规划”")]]
    assert groups("title:“十四五”规划") == [[Term("“十四五”规划", "title")]]
    assert parse_query("聊城 -“十四五”规划").excluded == (Term("“十四五”规划"),)
    # A space inside still holds the term together, dropped next to Han characters as in a phrase.
    assert groups("“绿色 诊断”服务") == [[Term("“绿色诊断”服务"), Term("“绿色 诊断”服务")]]


def test_chinese_marks_pasted_inside_ascii_quotes_are_text() -> None:
    # A headline pasted between ASCII quotes keeps its printed marks. Before, the first closing
    # mark ended the ASCII phrase and was dropped while the opening one stayed: “绿色问诊开良方,
    # which no article contains.
    assert groups('"“绿色问诊”开良方"') == [[Term("“绿色问诊”开良方")]]
    assert groups('"他说“你好”。"') == [[Term("他说“你好”。")]]
    assert groups('"“十四五”" 规划') == [[Term("“十四五”")], [Term("规划")]]
    assert groups("＂「十四五」规划＂") == [[Term("「十四五」规划")]]
    # With no ASCII quote after it, or at the end of a term, a Chinese mark still closes the
    # phrase (input methods pair marks loosely).
    assert groups('"绿色 诊断”服务') == [[Term("绿色诊断服务"), Term("绿色 诊断服务")]]
    assert groups('"绿色” "诊断"') == [[Term("绿色")], [Term("诊断")]]


def test_a_term_wholly_inside_chinese_quote_marks_is_a_phrase_without_them() -> None:
    assert groups("“十四五规划”") == [[Term("十四五规划")]]
    assert groups("“十四五” 规划") == [[Term("十四五")], [Term("规划")]]  # the term ends at the mark
    assert groups("“十四五”") == [[Term("十四五")]]


def test_ascii_quotes_stay_the_query_syntax_inside_a_term() -> None:
    # ASCII (and full-width ＂) quotes are the query's own marks, typed on purpose and not how
    # Chinese text is printed: they make a phrase wherever they stand, and are never text.
    assert groups('"十四五"规划') == [[Term("十四五规划")]]
    assert groups("＂十四五＂规划") == [[Term("十四五规划")]]
    assert groups('聊"new york"城') == [[Term("聊new york城")]]


@pytest.mark.parametrize(
    ("label", "kind"),
    [("消息", "news"), ("通讯", "feature"), ("图片", "photo"), ("评论", "commentary"), ("公告", "notice")],
)
def test_kind_accepts_the_labels_the_list_shows(label: str, kind: str) -> None:
    from liaocheng_tui.parse.models import KIND_LABELS

    assert KIND_LABELS[kind] == label, "one table: the app shows the labels kind: accepts"
    assert groups(f"kind:{label}") == [[Filter("kind", kind)]]
    assert groups(f"体裁：{label}") == [[Filter("kind", kind)]]


def test_full_width_colon_and_chinese_field_names() -> None:
    assert groups("title：诊断") == [[Term("诊断", "title")]]
    assert groups("标题:诊断") == [[Term("诊断", "title")]]
    assert groups("作者：尹腾淑 版面:时政 栏目:目击") == [
        [Filter("author", "尹腾淑")],
        [Filter("section", "时政")],
        [Filter("column", "目击")],
    ]
    assert groups("日期:2023-02") == [[Filter("date", "2023-02", "2023-02-01", "2023-02-28")]]
    # Chinese running text with a colon is text, not a field
    assert groups("记者:张三") == [[Term("记者:张三")]]


@pytest.mark.parametrize(
    ("query", "fragment"),
    [
        ("date:2023-13", "no month 13"),
        ("date:2023-02-30", "2023-02 has no day 30"),
        ("日期：2026-02-30", "bad date '2026-02-30': 2026-02 has no day 30"),
        ("date:2023-00", "no month 0"),
        ("date:abc", "bad date 'abc'"),
        ("date:soon", "bad date 'soon'"),
        ("date:2023..2022", "ends before it starts"),
        ("date:2023-02-01..2023-13", "no month 13"),
        ("date:..", "bad date range"),
        ("date:", "date: needs a value"),
        ("title:", "title: needs a value"),
        ('title:""', "title: needs a value"),
        ("author:", "author: needs a value"),
        ("标题:", "标题: needs a value"),
        ("kind:poem", "unknown kind 'poem'"),
        ("foo:bar", "unknown field 'foo:'"),
        ("聊城 -foo:bar", "unknown field 'foo:'"),
        ("聊城 -date:2023-13", "no month 13"),
    ],
)
def test_a_bad_field_is_refused_with_one_line(query: str, fragment: str) -> None:
    with pytest.raises(QueryError) as info:
        parse_query(query)
    message = str(info.value)
    assert fragment in message and "\n" not in message, message


def test_date_problem_says_why_a_date_does_not_exist() -> None:
    # The one check of typed dates: the query's date: and the command line's --date.
    assert date_problem(2024, 2, 29) is None  # a leap year
    assert date_problem(2000, 2, 29) is None  # divisible by 400
    assert date_problem(1900, 2, 29) == "1900-02 has no day 29"  # divisible by 100 only
    assert date_problem(2026, 2, 30) == "2026-02 has no day 30"
    assert date_problem(2026, 4, 31) == "2026-04 has no day 31"
    assert date_problem(2026, 1, 0) == "2026-01 has no day 0"
    assert date_problem(2026, 13, 1) == "there is no month 13"
    assert date_problem(2026, 0) == "there is no month 0"
    assert date_problem(0) == "there is no year 0"
    assert date_problem(2026) is None
    assert date_problem(2026, 12) is None


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("10:30", "10:30"),
        ("http://x.cn/a?b=1", "http://x.cn/a?b=1"),
        ("https://www.lcxw.cn", "https://www.lcxw.cn"),
        ('"foo:bar"', "foo:bar"),
        ("2023:2024", "2023:2024"),
        ("记者:张三", "记者:张三"),
    ],
)
def test_a_colon_in_running_text_is_not_a_field(text: str, term: str) -> None:
    assert groups(text) == [[Term(term)]]
