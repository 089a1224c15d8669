"""Property tests: the parser never raises, and no Chinese character of the input is lost (a
radical that stands for a character is kept as that character)."""

from __future__ import annotations

import re
import time
from collections import Counter

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from liaocheng_tui.parse import Page, chars, clean, dates, parse_page, publication, repair
from liaocheng_tui.parse.chars import HAN_RE, ends_sentence, fold_width
from liaocheng_tui.parse.clean import clean_body, squeeze_spaces
from liaocheng_tui.parse.dates import starts_with_dateline
from liaocheng_tui.parse.repair import unify_radicals

# Pieces that exercise the parser's rules: bylines, datelines, markers, headings, dashes, columns,
# every kind of line end and space, controls and escapes.
# fmt: off
_PIECES = [
    "本报讯(记者 ", "本报讯（记者", ")", "）", "(", "本报聊城讯 ", "本报北京1月16日电", "□", "■ ", "本报记者 ",
    "记者 ", "通讯员 ", " 报道", "张三", "李四", "王五", "# ", "## ", "### ", "——", "12月", " 28日", "28日上午,",
    "2023年", "到2030年", "。", ",", "，", "、", "“", "”", "图为", "(右图)", "专栏", "大家谈", "启事", "时政动态",
    "提标提速 敢闯敢干", "聊城日报", "大众日报", "我市", "聊城市", "\n", "\n\n", "\r\n", "\r", "\u3000\u3000", "\u00a0",
    "\u200b", "\x00", "\x1b[31m", "\t", " ", "\u2028", "\x0b", "**", "Windows 11", "统", "筹", "(作者 书记)", "𠀀", "〇", "々",
    # mastheads' dates, page furniture, markup, OCR's spacing, vertical and traditional text
    "二〇二〇年二月六日", "二〇二六年十十月一日", "十一十日", "中華民國109年2月6日", "庚子年正月十三", "星期四",
    "第3版", "２０２６年", "<p>", "</p>", "<br/>", "<h2>", "&nbsp;", "&ldquo;", "&#12288;", "&#10;", "&amp;",
    "- 3 -", "（下转A04版）", "新华社北京4月26日电", "□孙亚飞赵永斌刘大鹏报道", "春\n", "耕\n", "本報記者 ",
    "陳曉", "●", "◆ ", "丙 午 年", "⽇", "⻥", "\uf90a",
    # an archive's labelled records
    "标题：", "【作者】", "正文：", "日期：2024年6月8日", "[篇名]", "关键词：",
    # a clipped story's metadata block, wire copies' end marks and titled datelines, what OCR misreads
    "---\n", "title: ", "author:\n", "  - ", "date: 2026-12-03\n", "(完)", "（完）", "新华社北京12月3日电　题：",
    "聊城发布 2026-12-03 18:30 山东\n", "本版新闻\n", "【本報記者李明／洛杉磯報導】", "丨", "一一", "口记者 ",
    # a table's rows, OCR's points after a headline
    "白菜 每斤0.8元\n", "张伟 东昌府区 11秒02\n", "白 菜 0.8 元\n", "城区  晴  8℃～19℃\n", "市场行情\n", "活动.",
    "活动．", "01\n", "▍ 03 \n", "/ 02 /\n", "19:00　新闻联播\n",
    # a section's name over a headline a column broke, a kicker ending with a dash
    "体育\n\n", "横扫日本队\n晋级决赛\n", "香港特区政府——\n", "今晚电视节目\n\nCCTV-1\n",
    "(   2 0 2 6 - 0 4 - 3 0   )   稿 件 来 源\n: 东 江 都 市 日 报   各 地\n", "王海;李青;\n", "王海、李青\n",
    "记者：王海\n", "来源：聊城日报\n", "本报讯(记者 杜杰强)\n",
    "2026年11月20日 07:12　大众日报\n", "文章关键词： 聊城 降雪\n", "我要反馈\n",
    "深证成指　10876.21　-0.18%\n", "彩票开奖\n\n",
    "新华社三亚4月28日电\n",
    # a story's own dateline closing it, cut by a narrow column; a chart's credit under a story
    "（本报济南11月20日电）\n", "（本报济南、青岛11月20\n日电）\n", "本版制图：孙立新\n", "版式设计：王海涛 孙立新 张\n明\n",
    # a headline and the meta line under it, both cut by a hard wrap
    "春到东昌湖：从一片水面到一座城的\n名片\n（ 2026-11-20 ） 稿\n件来源：聊城日报 要闻\n",
    # a photo's headline over the caption its photographer signs; a wire headline that asks
    "东湖公园桃花盛开\n\n", "游客在东湖公园赏花。 记者 王明 摄\n", "市民赏花（记者 王明 摄）\n", "题：春耕为何提前了？\n",
]
# fmt: on
_page_text = st.lists(st.sampled_from(_PIECES) | st.text(max_size=8), max_size=60).map("".join)


def _han(text: str) -> Counter[str]:
    return Counter(HAN_RE.findall(text))


def _kept_text(page: Page) -> str:
    parts = [page.publication or "", page.section or "", page.banner or ""]
    for article in page.articles:
        parts += [article.kicker or "", article.title or "", article.subtitle or "", article.byline or ""]
        parts += [article.column or "", *article.paragraphs]
    parts += [item.text for item in page.dropped]
    return "\n".join(parts)


def _check(text: str) -> None:
    page = parse_page(text)
    missing = _han(unify_radicals(text)) - _han(_kept_text(page))
    assert not missing, f"lost {dict(missing)}"
    # Lines end in CR, LF or CRLF; a page with none of them ends its lines in the other line ends.
    ends = r"\r\n|\r|\n" if "\r" in text or "\n" in text else "[\x0b\x85\u2028\u2029]"
    line_count = len(re.split(ends, text))
    for seq, article in enumerate(page.articles, start=1):
        assert article.seq == seq
        assert 1 <= article.line_start <= article.line_end <= line_count
        assert article.kind in ("news", "feature", "photo", "commentary", "notice")
        assert all(paragraph for paragraph in article.paragraphs)
    assert page.date is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", page.date)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
@example("0丨")  # a column rule OCR read as 丨 beside a page number: the repair took it unrecorded
@example("\x85;;;:")  # a page of two lines that end in NEL, as it has no CR or LF
def test_arbitrary_unicode_never_raises_and_keeps_every_han_character(text: str) -> None:
    _check(text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_page_text)
def test_page_like_text_never_raises_and_keeps_every_han_character(text: str) -> None:
    _check(text)


# The ends and openings the quick tests of ends_sentence and starts_with_dateline look at.
_EDGES = [
    *"。！？!?…；;：:.”’」』）)》】\"'，,中a1２０日月年 \n\t\u3000🌾❤\ufe0f",
    "2026年",
    "12月",
    "3日",
    "１２月２８日，",
]
_edgy_text = st.lists(st.sampled_from(_EDGES) | st.text(max_size=3), max_size=10).map("".join)


@settings(max_examples=500, deadline=None)
@given(_edgy_text)
def test_quick_answers_agree_with_the_patterns(text: str) -> None:
    # ends_sentence and starts_with_dateline answer most texts before their regexes are tried.
    unadorned = chars._TRAILING_PICTOGRAPHS_RE.sub("", text.rstrip())
    assert ends_sentence(text) == bool(chars._TERMINAL_RE.search(unadorned[-24:]))
    folded = fold_width(text)
    opens = bool(dates._FULL_DATE_RE.match(folded) or dates._DAY_ONLY_RE.match(folded))
    assert starts_with_dateline(text) == opens


# Where datelines looks for a date: the start of the text, of a sentence or of a photo caption.
_SENTENCE_START = re.compile(r"(?:^|[。！？!?][”’」』]?|图为)\s*")


def _datelines_by_sentence_starts(paragraph: str) -> list[dates.MonthDay]:
    if "月" not in paragraph:
        return []
    folded = fold_width(paragraph)
    found = []
    for start in _SENTENCE_START.finditer(folded):
        if match := dates._FULL_DATE_RE.match(folded, start.end()):
            year = int(match.group(1)) if match.group(1) else None
            found.append(dates.MonthDay(int(match.group(2)), int(match.group(3)), year))
    return found


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [*_EDGES, "5月3日", "12月31日", "１２月２８日", "图为", "。”", "为", "\x1c", "\xa0", "\u2029"]
        ),
        max_size=10,
    ).map("".join)
)
def test_datelines_are_read_at_every_start_of_a_sentence(paragraph: str) -> None:
    assert dates.datelines(paragraph) == _datelines_by_sentence_starts(paragraph)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from([*"口囗 \n\r\t\u3000\x1c中人"]) | st.text(max_size=2), max_size=10).map("".join)
)
def test_a_box_lookalike_opening_a_line_is_found_as_the_regex_finds_it(text: str) -> None:
    found = repair._opens_a_line_with_a_box_lookalike(text)
    assert found == bool(re.search(r"(?m)^\s*[口囗]", text))


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from([*"市市市委聊城东昌府区北京 \n", "聊城市", "市民"]), max_size=12).map("".join)
)
def test_the_city_names_are_those_the_regex_finds(text: str) -> None:
    found = [match.group(1) for match in publication._CITY_RE.finditer(text)]
    assert publication._city_names(text) == found


# What squeeze_spaces removes, as one regex that looks behind and ahead of each run of spaces.
_SPACE_BETWEEN = re.compile(
    f"(?<={clean._WIDE}) +(?={clean._WIDE}|{clean._NARROW})|(?<={clean._NARROW}) +(?={clean._WIDE})"
)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from([*" 　中文，。“”1２a-.;()\t𠀀〇", "  ", "Windows 11"]), max_size=12).map("".join)
)
def test_squeeze_spaces_removes_the_runs_between_wide_and_narrow_characters(text: str) -> None:
    assert squeeze_spaces(text) == _SPACE_BETWEEN.sub("", text)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from([" ", "  ", "王", "张红宇", "李明", "：", "，", "今天", "1", "a"]), max_size=14
    ).map("".join)
)
def test_clean_body_keeps_no_more_than_the_spaces_between_names(text: str) -> None:
    # Every character squeeze_spaces keeps, in order; at most a space more between two of them.
    assert clean_body(text).replace(" ", "") == squeeze_spaces(text).strip().replace(" ", "")


@settings(max_examples=50, deadline=None)
@given(st.lists(st.sampled_from(["\r\n", "\r", "\n"]), min_size=1, max_size=12), st.sampled_from(_PIECES))
def test_line_end_style_does_not_change_the_result(ends: list[str], piece: str) -> None:
    # Blank lines hold a space, so that a CR followed by the next line's LF cannot fuse into one CRLF.
    lines = ["全市会议召开", " ", f"本报讯(记者 张三){piece}2月20日,会议召开。", " ", "会议要求,狠抓落实。"]
    unix = "\n".join(lines)
    mixed = "".join(line + ends[i % len(ends)] for i, line in enumerate(lines))
    assert parse_page(unix).to_json() == parse_page(mixed).to_json()


def test_megabyte_line_without_newline_is_parsed_in_linear_time() -> None:
    timings = []
    for size in (250_000, 1_000_000):
        text = ("聊城市 推进 工作,") * (size // 10)
        started = time.perf_counter()
        page = parse_page(text)
        timings.append(time.perf_counter() - started)
        assert len(page.articles) == 1
    # Four times the text may take at most about four times as long (with slack for timer noise).
    assert timings[1] < 8 * timings[0] + 0.5
    assert timings[1] < 10.0


_LINE_END = st.sampled_from(["\r\n", "\r", "\n", "\n\n", "\r\r", "\r\n\r\n", "\n\r"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_page_text | st.text(max_size=30), _LINE_END), max_size=25))
def test_any_mix_of_crlf_cr_and_lf_never_raises_and_keeps_every_han_character(
    lines: list[tuple[str, str]],
) -> None:
    _check("".join(line + end for line, end in lines))


@pytest.mark.slow  # four 1-million-character lines parsed: seconds
@settings(
    max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(
    st.lists(st.sampled_from(_PIECES) | st.text(min_size=1, max_size=8), min_size=1, max_size=12).map("".join)
)
def test_megabyte_line_of_any_content_never_raises_and_keeps_every_han_character(unit: str) -> None:
    line = unit.replace("\r", "").replace("\n", "")
    if not line:
        line = "聊城"
    text = (line * (1_000_000 // len(line) + 1))[:1_000_000]
    assert len(text) == 1_000_000 and "\n" not in text and "\r" not in text
    _check(text)
