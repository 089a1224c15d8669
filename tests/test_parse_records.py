"""Pages an archive exported as labelled records (标题：… 作者：… 正文：…) are read by their labels."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from liaocheng_tui.parse import parse_page
from liaocheng_tui.parse.chars import HAN_RE
from liaocheng_tui.parse.normalize import split_lines
from liaocheng_tui.parse.records import parse_records

COLON_RECORDS = """\
标题：城区新增三处口袋公园
作者：张三
日期：2024年6月8日
版次：第3版
正文：
　　近日，城区新增三处口袋公园，为周边居民提供了休闲健身的好去处。
　　据介绍，三处公园总面积约一万平方米。

标题：乡村夜市点亮消费新场景
作者：李四 王五
日期：2024年6月8日
正文：入夏以来，各乡镇夜市陆续开市。
"""

BRACKET_RECORDS = """\
共检索到 2 条记录

【篇名】城区新增三处口袋公园
【作者】张三（聊城日报）;李四
【报纸】聊城日报
【日期】2024-06-08
【关键词】口袋公园;城市更新
　　近日，城区新增三处口袋公园。
　　记者：这些公园什么时候开放？
　　据介绍，公园月底开放。

【篇名】乡村夜市点亮消费新场景
【作者】王五
【报纸】聊城日报
【日期】2024-06-09
　　入夏以来，各乡镇夜市陆续开市。
"""


def test_records_with_colon_labels_give_one_article_each() -> None:
    page = parse_page(COLON_RECORDS, "export.txt")
    assert [(a.title, a.byline, a.authors, a.date, a.paragraphs) for a in page.articles] == [
        (
            "城区新增三处口袋公园",
            "张三",
            ["张三"],
            "2024-06-08",
            [
                "近日，城区新增三处口袋公园，为周边居民提供了休闲健身的好去处。",
                "据介绍，三处公园总面积约一万平方米。",
            ],
        ),
        (
            "乡村夜市点亮消费新场景",
            "李四 王五",
            ["李四", "王五"],
            "2024-06-08",
            ["入夏以来，各乡镇夜市陆续开市。"],
        ),
    ]
    assert (page.date, page.date_source) == ("2024-06-08", "masthead")
    assert [(a.line_start, a.line_end) for a in page.articles] == [(1, 7), (9, 12)]
    labels = [d.text for d in page.dropped if d.reason == "record-label"]
    assert labels[:5] == ["标题：", "作者：", "日期：", "版次：", "正文："]
    assert [d.text for d in page.dropped if d.reason == "record-field"] == [
        "2024年6月8日",
        "第3版",
        "2024年6月8日",
    ]


def test_bracket_labels_an_unlabelled_text_and_an_interviews_lines() -> None:
    page = parse_page(BRACKET_RECORDS, "export.txt")
    first, second = page.articles
    assert (first.title, first.authors) == ("城区新增三处口袋公园", ["张三", "李四"])
    # 记者： is no record's opening label: inside the text it is the interview's line
    assert first.paragraphs == [
        "近日，城区新增三处口袋公园。",
        "记者：这些公园什么时候开放？",
        "据介绍，公园月底开放。",
    ]
    assert (second.title, second.date, second.paragraphs) == (
        "乡村夜市点亮消费新场景",
        "2024-06-09",
        ["入夏以来，各乡镇夜市陆续开市。"],
    )
    assert page.publication == "聊城日报"
    assert page.date == "2024-06-08"  # the most common record date; a tie goes to the first
    assert ("共检索到 2 条记录", "record-preamble") in [(d.text, d.reason) for d in page.dropped]
    assert ("口袋公园;城市更新", "record-field") in [(d.text, d.reason) for d in page.dropped]


def test_an_editors_export_opens_each_story_with_its_first_headline_field() -> None:
    # An editing system's export names a story's headline lines 引题, 主题 and 副题, and opens a
    # story without a kicker with 主题: the second story was the first one's text, and 主题 no
    # label at all.
    page = parse_page(
        "引题：夜经济点亮城市烟火气\n主题：东湖夜市今晚开市\n副题：200余个摊位集中亮相\n作者：本报记者 周婷\n"
        "正文：\n　　5月11日晚，东湖夜市正式开市。\n\n"
        "主题：老旧小区加装电梯提速\n作者：本报记者 孙丽\n正文：\n　　今年我市计划加装电梯120部。\n",
        "export.txt",
    )
    assert [(a.kicker, a.title, a.subtitle, a.authors, a.paragraphs) for a in page.articles] == [
        (
            "夜经济点亮城市烟火气",
            "东湖夜市今晚开市",
            "200余个摊位集中亮相",
            ["周婷"],
            ["5月11日晚，东湖夜市正式开市。"],
        ),
        (None, "老旧小区加装电梯提速", None, ["孙丽"], ["今年我市计划加装电梯120部。"]),
    ]


def test_a_headline_value_wrapped_onto_the_next_line_is_joined() -> None:
    page = parse_page(
        "标题：聊城打造县域智慧金融\n平台雁阵集群\n作者：张三\n\n　　正文第一段。\n", "export.txt"
    )
    (article,) = page.articles
    assert (article.title, article.paragraphs) == ("聊城打造县域智慧金融平台雁阵集群", ["正文第一段。"])


def test_printed_pages_are_no_records(seed_paths: list[Path]) -> None:
    for path in seed_paths:
        assert parse_records(split_lines(path.read_text(encoding="utf-8")), path.name) is None, path.name
    web_story = "某地新建一座公园\n作者：王明 来源：人民网 2024-06-08\n　　公园昨日开放。\n"
    essay = "题目：我的家乡\n　　我的家乡在聊城。\n"  # a title field and text, but no other field
    late = "城区新增三处口袋公园\n\n　　正文。\n\n　　正文。\n\n　　正文。\n\n　　正文。\n\n标题：某某\n作者：张三\n"
    for text in (web_story, essay, late):
        assert parse_records(split_lines(text), "page.txt") is None, text


def test_every_chinese_character_of_a_record_is_kept() -> None:
    page = parse_page(BRACKET_RECORDS, "export.txt")
    kept = "".join(
        [*(d.text for d in page.dropped)]
        + [f"{a.title}{a.byline}{''.join(a.paragraphs)}" for a in page.articles]
    )
    missing = Counter(ch for ch in BRACKET_RECORDS if HAN_RE.match(ch)) - Counter(HAN_RE.findall(kept))
    assert not missing


@pytest.mark.parametrize(
    "printed", ["2024-06-08", "2024/06/08", "20240608", "2024年6月8日", "2024.06.08", "2024年06月08日 星期六"]
)
def test_a_records_date_in_any_usual_form(printed: str) -> None:
    page = parse_records(["标题：某地新建一座公园", f"日期：{printed}", "正文：公园昨日开放。"], "export.txt")
    assert page is not None and page.articles[0].date == page.date == "2024-06-08"


def test_labels_printed_alone_have_their_values_on_the_next_line() -> None:
    page = parse_page(
        "【标题】\n城区新增三处口袋公园\n【作者】\n张三\n【日期】\n2024-06-08\n【正文】\n"
        "　　近日，城区新增三处口袋公园。\n　　据介绍，公园月底开放。\n\n"
        "【标题】\n乡村夜市点亮消费新场景\n【作者】\n李四\n【日期】\n2024-06-09\n【正文】\n　　入夏以来，夜市开市。\n",
        "export.txt",
    )
    assert [(a.title, a.authors, a.date, a.paragraphs) for a in page.articles] == [
        (
            "城区新增三处口袋公园",
            ["张三"],
            "2024-06-08",
            ["近日，城区新增三处口袋公园。", "据介绍，公园月底开放。"],
        ),
        ("乡村夜市点亮消费新场景", ["李四"], "2024-06-09", ["入夏以来，夜市开市。"]),
    ]
