"""The assembler on hand-written pages with hand-written roles: how labelled lines make articles.

Each page is written as (role, text) pairs, so the test says what the labeller is assumed to
have said and checks only what the assembler makes of it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_parse_columns import wrapped

from liaocheng_tui.parse.assemble import Assembly, assemble
from liaocheng_tui.parse.chars import HAN_RE
from liaocheng_tui.parse.normalize import normalize_lines
from liaocheng_tui.parse.page import parse_labelled
from liaocheng_tui.parse.roles import ROLES, Role

# Shorthand for the roles, so that a page reads as a column of labels beside its lines.
K, T, S, BY, B, CAP, CR, F, _ = ROLES


def run(page: list[tuple[Role, str]]) -> Assembly:
    text = "\n".join(line for _, line in page)
    return assemble(normalize_lines(text), [role for role, _ in page])


def test_kicker_title_subtitle_byline_and_body() -> None:
    result = run(
        [
            (K, "稳住外贸基本盘 激发消费新活力"),
            (T, "商务部部署今年重点工作"),
            (S, "——全年将出台一批稳外贸政策"),
            (BY, "■ 本报记者 罗兰"),
            (B, "　　记者从商务部获悉，今年将重点做好以下工作。"),
            (B, "　　一是稳外贸。"),
        ]
    )
    (article,) = result.articles
    assert article.kicker == "稳住外贸基本盘 激发消费新活力"
    assert article.title == "商务部部署今年重点工作"
    assert article.subtitle == "——全年将出台一批稳外贸政策"
    assert article.byline == "■ 本报记者 罗兰"
    assert article.authors == ["罗兰"]
    assert article.paragraphs == ["记者从商务部获悉，今年将重点做好以下工作。", "一是稳外贸。"]
    assert (article.line_start, article.line_end) == (1, 6)


def test_consecutive_title_lines_are_one_wrapped_headline() -> None:
    result = run(
        [
            (T, "“十四五”以来聊城"),
            (_, ""),
            (T, "淘汰落后产能企业165家"),
            (_, ""),
            (B, "6月18日，记者从市工信局获悉，全市累计推动165家企业退出。"),
        ]
    )
    (article,) = result.articles
    assert article.title == "“十四五”以来聊城淘汰落后产能企业165家"
    assert article.kicker is None and article.subtitle is None


def test_letter_spaced_title_is_joined() -> None:
    (article,) = run([(T, "聊 城 召 开 会 议"), (B, "会议指出，要抓好落实。")]).articles
    assert article.title == "聊城召开会议"


def test_a_mark_set_before_a_headline_for_show_is_no_part_of_its_text() -> None:
    page = run(
        [
            (K, "◆ 春风行动送岗位"),
            (T, "●招聘会提供岗位三千个"),
            (S, "▲ 现场达成意向两百余人"),
            (B, "　　记者从市人社局获悉，招聘会昨日举行。"),
            (_, ""),
            (T, "□ 老街区亮灯"),
            (B, "　　夜幕降临，老街亮起灯来。"),
        ]
    )
    first, second = page.articles
    assert (first.kicker, first.title, first.subtitle) == (
        "春风行动送岗位",
        "招聘会提供岗位三千个",
        "现场达成意向两百余人",
    )
    assert second.title == "老街区亮灯"
    marks = [(d.text, d.reason, d.line) for d in page.dropped]
    assert marks == [
        ("●", "headline-mark", 2),
        ("◆", "headline-mark", 1),
        ("▲", "headline-mark", 3),
        ("□", "headline-mark", 6),
    ]


def test_a_headline_broken_over_two_marked_lines_keeps_neither_mark() -> None:
    page = run(
        [
            (T, "■ 东湖区推行老旧小区改造菜单式服务让"),
            (T, "■ 居民自己点单"),
            (B, "　　记者从东湖区获悉，改造服务日前推行。"),
        ]
    )
    assert [article.title for article in page.articles] == ["东湖区推行老旧小区改造菜单式服务让居民自己点单"]
    assert [(d.text, d.reason, d.line) for d in page.dropped] == [
        ("■", "headline-mark", 1),
        ("■", "headline-mark", 2),
    ]


def test_markdown_heading_marks_behind_a_show_mark_are_no_part_of_the_headline() -> None:
    page = run([(T, "● ## 招聘会提供岗位三千个"), (B, "　　记者从市人社局获悉，招聘会昨日举行。")])
    (article,) = page.articles
    assert article.title == "招聘会提供岗位三千个"
    assert [(d.text, d.reason, d.line) for d in page.dropped] == [
        ("●", "headline-mark", 1),
        ("##", "markdown-marker", 1),
    ]


def test_a_placeholder_right_before_a_character_and_marks_alone_stay() -> None:
    # OCR writes □ for a character it could not read; ○ is also a zero.
    first, second, third = (
        run([(T, title), (B, "　　记者从市人社局获悉，招聘会昨日举行。")]).articles[0].title
        for title in ("□家村通上自来水", "○九级新生报到", "★★★")
    )
    assert (first, second, third) == ("□家村通上自来水", "○九级新生报到", "★★★")


def test_a_new_header_block_starts_the_next_article() -> None:
    result = run(
        [
            (T, "第一篇的标题"),
            (B, "第一篇的正文，写了一件事。"),
            (K, "第二篇的引题"),
            (T, "第二篇的标题"),
            (B, "第二篇的正文，写了另一件事。"),
            (T, "第三篇的标题"),
            (S, "第三篇的副题"),
            (T, "第四篇的标题"),
            (B, "第四篇的正文。"),
        ]
    )
    assert [(a.kicker, a.title, a.subtitle) for a in result.articles] == [
        (None, "第一篇的标题", None),
        ("第二篇的引题", "第二篇的标题", None),
        (None, "第三篇的标题", "第三篇的副题"),
        (None, "第四篇的标题", None),
    ]
    assert [a.line_start for a in result.articles] == [1, 3, 6, 8]


def test_a_title_far_below_a_title_with_no_body_is_the_next_headline() -> None:
    # A picture's headline with no text under it, then the next story's (the corpus layout:
    # empty kicker, subtitle and body lines are blank).
    result = run(
        [(_, ""), (T, "新书架"), (_, ""), (_, ""), (_, ""), (T, "书中游"), (_, ""), (B, "正文在这里。")]
    )
    assert [a.title for a in result.articles] == ["新书架", "书中游"]


def test_a_block_without_title_line_takes_its_last_kicker_as_title() -> None:
    (article,) = run([(K, "上面一行"), (K, "其实是标题"), (B, "正文。")]).articles
    assert (article.kicker, article.title) == ("上面一行", "其实是标题")


def test_dateline_and_byline_opening_the_first_paragraph_are_split_off() -> None:
    (article,) = run(
        [(T, "全市统战部长会议召开"), (B, "本报讯(记者 林金彦)2月20日,全市统战部长会议召开。")]
    ).articles
    assert article.byline == "本报讯(记者 林金彦)"
    assert article.authors == ["林金彦"]
    assert article.paragraphs == ["2月20日,全市统战部长会议召开。"]
    assert article.kind == "news"


def test_credit_closes_the_article_and_gives_its_byline() -> None:
    result = run(
        [
            (K, "鲁西崛起大家谈"),
            (T, "全面建设四个新高地"),
            (B, "东阿县以落实黄河重大国家战略为牵引，全面建设四个新高地。"),
            (CR, "(郝学兰 中共东阿县委书记)"),
            (T, "保市场主体 解三大难题"),
            (B, "聊城东元公司作为市级重点国有企业，助力企业纾困。"),
        ]
    )
    first, second = result.articles
    assert first.column == "鲁西崛起大家谈" and first.kicker is None
    assert first.byline == "(郝学兰 中共东阿县委书记)"
    assert first.authors == ["郝学兰"]
    assert first.kind == "commentary"
    assert first.line_end == 4
    # The piece after a signed credit stays in its column.
    assert (second.title, second.column, second.line_start) == ("保市场主体 解三大难题", "鲁西崛起大家谈", 5)


def test_a_wire_storys_closing_credit_names_its_reporters() -> None:
    first, second = run(
        [
            (T, "秋收时节稻花香"),
            (B, "连日来，各地抢抓晴好天气收获晚稻。"),
            (CR, "（新华社北京10月12日电 记者王明、李华）"),
            (T, "城市书房开放"),
            (B, "市民在新开放的城市书房里阅读。"),
        ]
    ).articles
    assert (first.byline, first.authors, first.line_end) == (
        "（新华社北京10月12日电 记者王明、李华）",
        ["王明", "李华"],
        3,
    )
    assert (second.title, second.line_start) == ("城市书房开放", 4)


def test_a_closing_credit_read_as_the_last_paragraph_closes_the_story() -> None:
    credit = "（新华社北京10月12日电 记者王明、李华）"
    first, second = run(
        [
            (T, "秋收时节稻花香"),
            (B, "连日来，各地抢抓晴好天气收获晚稻。"),
            (B, credit),
            (T, "城市书房开放"),
            (B, "市民在新开放的城市书房里阅读。"),
        ]
    ).articles
    assert (first.byline, first.authors, first.paragraphs) == (
        credit,
        ["王明", "李华"],
        ["连日来，各地抢抓晴好天气收获晚稻。"],
    )
    assert (second.title, second.line_start) == ("城市书房开放", 4)
    # Between paragraphs of a story (a round-up's items each end so), it stays the story's text.
    (only,) = run(
        [
            (T, "各地秋收忙"),
            (B, "河北各地抢抓晴好天气收获晚稻。"),
            (B, credit),
            (B, "山东的秋收也已过半。"),
        ]
    ).articles
    assert only.byline is None and only.authors == []
    assert only.paragraphs[1:] == ["（新华社北京10月12日电记者王明、李华）", "山东的秋收也已过半。"]


def test_a_closing_credit_names_the_reporters_of_a_story_opened_by_a_dateline_alone() -> None:
    first, second = run(
        [
            (T, "新能源汽车下乡活动启动"),
            (B, "　　本报北京10月3日电　　四部门近日联合发布通知，启动新一轮活动。"),
            (B, "　　今年的活动覆盖更多县域。"),
            (CR, "（记者王政、丁怡婷）"),
            (T, "城市书房开放"),
            (B, "　　本报讯（记者 李红梅）市民在新开放的城市书房里阅读。"),
        ]
    ).articles
    # The dateline says where the story was filed, the credit who wrote it.
    assert (first.byline, first.authors) == ("本报北京10月3日电 （记者王政、丁怡婷）", ["王政", "丁怡婷"])
    assert first.kind == "news"  # a credit under a dateline signs a report, not a commentary
    assert first.paragraphs == ["四部门近日联合发布通知，启动新一轮活动。", "今年的活动覆盖更多县域。"]
    assert (second.byline, second.authors) == ("本报讯（记者 李红梅）", ["李红梅"])
    # A story whose byline names its reporters keeps the credit as text.
    (only,) = run(
        [
            (T, "城市书房开放"),
            (B, "　　本报讯（记者 李红梅）市民在新开放的城市书房里阅读。"),
            (CR, "（记者王政、丁怡婷）"),
        ]
    ).articles
    assert only.authors == ["李红梅"]


def test_a_byline_line_read_as_the_first_paragraph_is_the_byline() -> None:
    for printed, names in (
        ("新华社记者 王思北", ["王思北"]),
        ("□记者 林国敏 通讯员 谢海志 报道", ["林国敏", "谢海志"]),
        ("新 华 社 记 者   王 思 北", ["王思北"]),  # spaced out letter by letter
    ):
        (article,) = run(
            [
                (T, "推动艺科融合 共赴美好未来"),
                (F, "（ 2026-04-30 ） 稿件来源：东江都市日报"),
                (B, printed),
                (B, "　　当前，数字技术日新月异。"),
            ]
        ).articles
        assert article.authors == names, printed
        assert article.paragraphs == ["当前，数字技术日新月异。"], printed
    # Lower in the story, a reporter's line is the story's text (an interview's questioner).
    (article,) = run(
        [(T, "推动艺科融合"), (B, "　　当前，数字技术日新月异。"), (B, "新华社记者 王思北")]
    ).articles
    assert article.authors == [] and article.paragraphs[-1] == "新华社记者王思北"


BRIEFS: list[tuple[Role, str]] = [
    (T, "冠县梨园开展春季管护培训"),
    (_, ""),
    (B, "本报讯(通讯员 李华)近日,冠县组织春季管护培训,两百多名果农参加。"),
    (_, ""),
    (T, "临清市新建三所乡村学校投入使用"),
    (_, ""),
    (B, "本报讯(记者 赵强)新学期开学,临清市新建的三所乡村学校正式投入使用。"),
    (_, ""),
    (B, "莘县举办春季招聘会"),
    (_, ""),
    (B, "本报讯 莘县举办春季招聘会,八十家企业参加。"),
]


UNSTOPPED_BRIEFS = [
    *BRIEFS[:6],
    (B, "本报讯(记者 赵强)新学期开学,临清市新建的三所乡村学校正式投入使用"),
    *BRIEFS[7:],
]


@pytest.mark.parametrize("briefs", [BRIEFS, UNSTOPPED_BRIEFS], ids=["stopped", "unstopped"])
def test_a_line_set_as_the_pages_headlines_are_is_a_headline(briefs: list[tuple[Role, str]]) -> None:
    # A page of briefs sets every story alike (headline, blank line, a paragraph opened by its
    # dateline); the labeller read the third headline as text. Under a paragraph that ends with no
    # mark, as on a page without punctuation, only the page's other headlines say so.
    result = run(briefs)
    assert [a.title for a in result.articles] == [
        "冠县梨园开展春季管护培训",
        "临清市新建三所乡村学校投入使用",
        "莘县举办春季招聘会",
    ]
    assert result.articles[2].paragraphs == ["莘县举办春季招聘会,八十家企业参加。"]


def test_a_storys_closing_dateline_set_as_the_pages_headlines_are_stays_its_text() -> None:
    # A wire story's dateline in brackets closes it (as the page's close sets it, alone between
    # blank lines); the next story opens with its own dateline, and has no headline.
    closing = [*UNSTOPPED_BRIEFS[:8], (B, "（本报济南3月2日电）"), *BRIEFS[9:]]
    titles = [a.title for a in run(closing).articles]
    assert "（本报济南3月2日电）" not in titles
    assert titles[:2] == ["冠县梨园开展春季管护培训", "临清市新建三所乡村学校投入使用"]


def test_a_line_set_as_one_other_headline_or_ending_a_sentence_stays_text() -> None:
    # One headline set so is no page's style, but a short line right over a lead (本报讯…) is its
    # story's headline however the page sets the others (382 of 393 such lines in the dev pages
    # are headlines, none text).
    result = run(BRIEFS[4:])
    assert [a.title for a in result.articles] == ["临清市新建三所乡村学校投入使用", "莘县举办春季招聘会"]
    # Without a lead under it, one line set so stays the paragraph it was read as.
    unled = [*BRIEFS[4:8], (B, "莘县举办春季招聘会"), (_, ""), (B, "八十家企业参加了招聘会。")]
    assert [a.title for a in run(unled).articles] == ["临清市新建三所乡村学校投入使用"]
    # A line that ends a sentence is no headline, however it is set.
    ended = [*BRIEFS[:8], (B, "莘县举办春季招聘会。"), *BRIEFS[9:]]
    assert [a.title for a in run(ended).articles] == [
        "冠县梨园开展春季管护培训",
        "临清市新建三所乡村学校投入使用",
    ]
    # Nor is a line over a paragraph that no dateline opens.
    plain = [*BRIEFS[:10], (B, "八十家企业参加了招聘会。")]
    assert len(run(plain).articles) == 2


def test_an_author_signed_under_a_label_that_the_labeller_took_for_a_headline_is_the_byline() -> None:
    # 作者：张三（…） under a headline, as commentary and web pages sign, read as its second line.
    (article,) = run(
        [
            (K, "数字经济赋能乡村振兴"),
            (T, "作者：张明远（某某大学经济学院教授）"),
            (B, "　　数字技术正在改变乡村的生产方式。"),
        ]
    ).articles
    assert article.title == "数字经济赋能乡村振兴"
    assert article.byline == "作者：张明远（某某大学经济学院教授）"
    assert article.authors == ["张明远"]
    assert article.paragraphs == ["数字技术正在改变乡村的生产方式。"]


def test_a_bare_signature_closing_a_story_names_its_reporters() -> None:
    result = run(
        [
            (T, "城区新建口袋公园"),
            (B, "　　本报讯　近日，城区新建口袋公园十二处。"),
            (B, "　　下一步，将继续推进公园城市建设。"),
            (CR, "本报记者 王明"),
            (T, "老旧小区加装电梯提速"),
            (B, "　　今年以来，已有八十六部电梯投入使用。"),
            (CR, "记者 李华 通讯员 张强"),
        ]
    )
    first, second = result.articles
    assert (first.byline, first.authors) == ("本报讯 本报记者 王明", ["王明"])
    assert first.paragraphs == ["近日，城区新建口袋公园十二处。", "下一步，将继续推进公园城市建设。"]
    assert (second.byline, second.authors) == ("记者 李华 通讯员 张强", ["李华", "张强"])
    assert second.paragraphs == ["今年以来，已有八十六部电梯投入使用。"]


def test_a_reporters_line_read_as_a_byline_under_a_story_opened_by_benbaoxun_signs_it() -> None:
    result = run(
        [
            (T, "城区新建口袋公园"),
            (B, "　　本报讯　近日，城区新建口袋公园十二处。"),
            (B, "　　下一步，将继续推进公园城市建设。"),
            (BY, "　　本报记者 王明"),
            (_, ""),
            (T, "老旧小区加装电梯提速"),
            (B, "　　今年以来，已有八十六部电梯投入使用。"),
        ]
    )
    # Not a headless piece of the last paragraph, signed by the reporter as a photo's caption.
    first, second = result.articles
    assert (first.byline, first.authors) == ("本报讯 本报记者 王明", ["王明"])
    assert first.paragraphs == ["近日，城区新建口袋公园十二处。", "下一步，将继续推进公园城市建设。"]
    assert second.title == "老旧小区加装电梯提速"


def test_a_bare_signature_under_a_story_bylined_by_name_stays_its_text() -> None:
    result = run([(T, "标题"), (BY, "本报记者 王明"), (B, "　　正文。"), (CR, "本报记者 李华")])
    (article,) = result.articles
    assert (article.byline, article.authors) == ("本报记者 王明", ["王明"])
    assert article.paragraphs == ["正文。", "本报记者李华"]


def test_a_credit_no_byline_grammar_reads_is_the_byline_as_printed() -> None:
    (article,) = run(
        [(T, "全国春运发送旅客超8亿人次"), (B, "春运以来客流明显回升。"), (CR, "来源:新华社")]
    ).articles
    assert (article.byline, article.authors, article.paragraphs) == (
        "来源:新华社",
        [],
        ["春运以来客流明显回升。"],
    )


def test_a_credit_above_every_article_is_dropped_with_a_reason() -> None:
    result = run([(CR, "（本报记者 王伟）"), (T, "标题"), (B, "正文。")])
    assert [a.title for a in result.articles] == ["标题"]
    assert [(d.text, d.reason, d.line) for d in result.dropped] == [
        ("（本报记者 王伟）", "credit-without-article", 1)
    ]


def test_a_second_byline_line_joins_the_first() -> None:
    (article,) = run(
        [(T, "标题"), (BY, "◆ 记者 田芳洋 文/图"), (BY, "本报记者 黄浩然"), (B, "正文。")]
    ).articles
    assert article.byline == "◆ 记者 田芳洋 文/图 本报记者 黄浩然"
    assert article.authors == ["田芳洋", "黄浩然"]


def test_a_reporter_line_inside_a_long_piece_stays_in_its_body() -> None:
    result = run(
        [
            (T, "晒晒咱家新年货"),
            (B, "年的味道，越来越浓。"),
            (BY, "本报记者 徐元锋"),
            (B, "冬日暖阳里，花市飘来阵阵花香。"),
            (B, "市民来到熟识的花店。"),
        ]
    )
    (article,) = result.articles
    assert article.paragraphs == [
        "年的味道，越来越浓。",
        "本报记者徐元锋",  # body text: the OCR-space cleaning applies
        "冬日暖阳里，花市飘来阵阵花香。",
        "市民来到熟识的花店。",
    ]


def test_a_reporter_line_that_compiled_a_story_signs_it_at_its_end() -> None:
    result = run(
        [
            (T, "稳岗位 保民生"),
            (B, "　　今年以来，我们把稳就业放在突出位置。"),
            (B, "　　下一步，我们将继续加大对小微企业的帮扶力度。"),
            (BY, "　　本报记者 李明 王芳整理"),
            (T, "抓项目 增后劲"),
            (B, "　　重大项目是稳增长的压舱石。"),
            (BY, "　　本报记者 赵亮摄影报道"),
        ]
    )
    first, second = result.articles  # no article of the last paragraph and the line under it
    assert first.paragraphs == [
        "今年以来，我们把稳就业放在突出位置。",
        "下一步，我们将继续加大对小微企业的帮扶力度。",
    ]
    assert (first.byline, first.authors) == ("本报记者 李明 王芳整理", ["李明", "王芳"])
    assert (second.title, second.paragraphs) == ("抓项目 增后劲", ["重大项目是稳增长的压舱石。"])
    assert (second.byline, second.authors) == ("本报记者 赵亮摄影报道", ["赵亮"])


def test_a_name_alone_under_a_storys_last_paragraph_credits_a_picture_of_its_own() -> None:
    story, photo = run(
        [
            (T, "客车生产线开足马力"),
            (B, "　　连日来，各车间加紧赶制订单。"),
            (B, "2月8日，工人在总装车间调试新车。"),
            (BY, "■ 本报记者 许亮"),
            (T, "下一篇"),
        ]
    ).articles[:2]
    assert story.paragraphs == ["连日来，各车间加紧赶制订单。"]
    assert (photo.title, photo.byline, photo.kind) == (None, "■ 本报记者 许亮", "photo")
    assert photo.paragraphs == ["2月8日，工人在总装车间调试新车。"]


def test_a_staff_credit_read_as_text_under_a_credited_photo_makes_no_article() -> None:
    result = run(
        [
            (T, "古城夜色"),
            (B, "　　夜幕降临，古城华灯初上。"),
            (CR, "　　本报记者 张晨摄"),
            (B, "　　版式设计：王敏"),
            (T, "春播由南向北陆续展开"),
            (B, "　　眼下，春播由南向北陆续展开。"),
        ]
    )
    assert [a.title for a in result.articles] == ["古城夜色", "春播由南向北陆续展开"]
    assert [(d.text, d.reason, d.line) for d in result.dropped] == [("版式设计：王敏", "page-furniture", 4)]


def test_a_staff_credit_under_a_storys_signing_line_is_page_furniture() -> None:
    result = run(
        [
            (T, "稳岗位 保民生"),
            (B, "　　今年以来，我们把稳就业放在突出位置。"),
            (BY, "　　本报记者 李明整理"),
            (B, "　　版式设计：王敏"),
            (T, "抓项目 增后劲"),
            (B, "　　重大项目是稳增长的压舱石。"),
        ]
    )
    first, second = result.articles
    assert (first.byline, first.paragraphs) == ("本报记者 李明整理", ["今年以来，我们把稳就业放在突出位置。"])
    assert second.title == "抓项目 增后劲"
    assert [(d.text, d.reason, d.line) for d in result.dropped] == [("版式设计：王敏", "page-furniture", 4)]


def test_a_byline_over_a_single_caption_is_a_photo_of_its_own() -> None:
    result = run(
        [
            (T, "聊城探索全方位生态补偿模式"),
            (B, "近年来，聊城市积极践行绿水青山就是金山银山理念。"),
            (BY, "□孙亚飞 赵永斌 刘大鹏 报道"),
            (B, "高唐充分发挥红色展馆、教育长廊等载体作用，开展党性教育。"),
            (K, "打造一站式服务品牌"),
            (T, "聊城挂牌成立共享营业厅"),
            (B, "7月28日，共享营业厅揭牌。"),
        ]
    )
    story, photo, last = result.articles
    assert story.paragraphs == ["近年来，聊城市积极践行绿水青山就是金山银山理念。"]
    assert photo.title is None
    assert photo.byline == "□孙亚飞 赵永斌 刘大鹏 报道"
    assert photo.kind == "photo"
    assert last.kicker == "打造一站式服务品牌"


def test_caption_closed_by_a_photo_credit_is_a_photo_article() -> None:
    result = run(
        [
            (T, "春播由南向北陆续展开"),
            (B, "本报北京2月14日电（记者孙立新）眼下，春播由南向北陆续展开。"),
            (CAP, "2月14日，农民在田间进行春播作业。 记者 张晨 摄"),
        ]
    )
    story, photo = result.articles
    assert story.byline == "本报北京2月14日电（记者孙立新）"
    assert story.paragraphs == ["眼下，春播由南向北陆续展开。"]
    assert photo.title is None and photo.kind == "photo"
    assert photo.byline == "记者 张晨 摄" and photo.authors == ["张晨"]
    assert photo.paragraphs == ["2月14日，农民在田间进行春播作业。"]


def test_a_photo_credit_labelled_credit_closes_the_story_it_ends() -> None:
    # Labelled credit, the picture belongs to the story above; labelled byline, it is a photo of
    # its own (the test above).
    (story,) = run(
        [
            (T, "春播由南向北陆续展开"),
            (B, "本报北京2月14日电（记者孙立新）眼下，春播由南向北陆续展开。"),
            (CAP, "图为农民在田间进行春播作业。"),
            (CR, "新华社记者 张晨摄"),
        ]
    ).articles
    assert story.byline == "本报北京2月14日电（记者孙立新）"
    assert story.paragraphs[-2:] == ["图为农民在田间进行春播作业。", "新华社记者张晨摄"]
    (photo,) = run([(T, "古城夜色"), (CAP, "夜幕降临，古城华灯初上。"), (CR, "本报记者 张晨 摄")]).articles
    assert (photo.byline, photo.authors, photo.kind) == ("本报记者 张晨 摄", ["张晨"], "photo")


def test_a_storys_numbered_captions_and_their_credits_stay_in_the_story() -> None:
    # Each credit closes one caption: before, the first signed the story (a photographer as its
    # byline) and every later caption became a photo article of its own.
    for credit_role in (CR, BY):
        result = run(
            [
                (T, "各地工地有序开工建设"),
                (B, "本报北京2月10日电（记者孙立新）连日来，各地工地有序开工建设。"),
                (B, "图片说明："),
                (CAP, "图①：2月10日，农机手在麦田里驾车播种。"),
                (credit_role, "本报记者 周明远摄"),
                (B, "图②：2月10日，工人在锅炉厂的车间里生产作业。　　新华社记者 陈立新摄"),
                (B, "图③：2月10日，志愿者在社区门口登记来往的车辆。"),
                (T, "保障到位 平稳上岗"),
                (B, "　　2月10日，是公司复工首日。"),
            ]
        )
        story, second = result.articles
        assert story.byline == "本报北京2月10日电（记者孙立新）", credit_role
        assert story.paragraphs[1:] == [
            "图片说明：",
            "图①：2月10日，农机手在麦田里驾车播种。",
            "本报记者周明远摄",
            "图②：2月10日，工人在锅炉厂的车间里生产作业。新华社记者陈立新摄",
            "图③：2月10日，志愿者在社区门口登记来往的车辆。",
        ]
        assert second.title == "保障到位 平稳上岗"


def test_numbered_captions_under_a_credited_photo_are_that_photos_set() -> None:
    (photo,) = run(
        [
            (CAP, "图①：2月10日，农机手在麦田里驾车播种。 本报记者 周明远摄"),
            (CAP, "图②：2月10日，工人在锅炉厂的车间里生产作业。 新华社记者 陈立新摄"),
        ]
    ).articles
    assert (photo.kind, photo.byline) == ("photo", "本报记者 周明远摄")
    assert photo.paragraphs == [
        "图①：2月10日，农机手在麦田里驾车播种。",
        "图②：2月10日，工人在锅炉厂的车间里生产作业。新华社记者陈立新摄",
    ]


def test_caption_under_a_headline_is_its_body_and_makes_it_a_photo() -> None:
    (article,) = run([(T, "夏荷春拾"), (CAP, "图为杭州北山街荷区，工作人员在湖中清理枯荷。")]).articles
    assert article.title == "夏荷春拾"
    assert article.kind == "photo"
    assert article.paragraphs == ["图为杭州北山街荷区，工作人员在湖中清理枯荷。"]


def test_furniture_is_dropped_and_masthead_banner_and_section_are_read() -> None:
    result = run(
        [
            (F, "聊城日报 2023年2月21日 星期二 第3版"),
            (K, "提标提速提能力 敢闯敢干敢争先"),
            (F, "时政动态"),
            (T, "标题"),
            (B, "正文。"),
            (F, "字数 993字"),
            (F, "责任编辑：刘洋"),
        ]
    )
    assert result.masthead == "聊城日报"
    assert result.banner == "提标提速提能力 敢闯敢干敢争先"
    assert result.section == "时政动态"
    assert [a.title for a in result.articles] == ["标题"]
    assert [(d.text, d.reason, d.line) for d in result.dropped] == [
        ("聊城日报 2023年2月21日 星期二 第3版", "page-furniture", 1),
        ("字数 993字", "page-furniture", 6),
        ("责任编辑：刘洋", "page-furniture", 7),
    ]


def test_a_long_line_labelled_furniture_is_kept_as_body() -> None:
    long_line = "聊城市推进工作，" * 20
    (article,) = run([(F, long_line)]).articles
    assert article.paragraphs == [long_line]


def test_a_two_part_kicker_at_the_top_is_not_a_banner() -> None:
    result = run([(K, "弘扬红色文化  传承革命精神"), (T, "纪念馆开馆"), (B, "正文。")])
    assert result.banner is None
    assert result.articles[0].kicker == "弘扬红色文化 传承革命精神"


def test_advertisement_label_and_its_block_are_dropped() -> None:
    # The block under the label runs to a blank line, whatever its lines were labelled.
    result = run(
        [(T, "广告"), (T, "诚聘英才 待遇从优"), (B, "电话0531-86001234"), (_, ""), (T, "标题"), (B, "正文。")]
    )
    assert [a.title for a in result.articles] == ["标题"]
    assert [(d.text, d.reason) for d in result.dropped] == [
        ("广告", "advertisement"),
        ("诚聘英才 待遇从优", "advertisement"),
        ("电话0531-86001234", "advertisement"),
    ]


def test_an_advertisement_label_with_a_mark_before_it_is_dropped_as_well() -> None:
    result = run([(T, "■ 广告"), (B, "诚聘英才 待遇从优"), (_, ""), (T, "■ 标题"), (B, "正文。")])
    assert [a.title for a in result.articles] == ["标题"]
    assert [(d.text, d.reason) for d in result.dropped] == [
        ("■ 广告", "advertisement"),
        ("诚聘英才 待遇从优", "advertisement"),
        ("■", "headline-mark"),
    ]


def test_hard_wrapped_body_lines_and_a_sentence_cut_by_a_blank_line_are_joined() -> None:
    (article,) = run(
        [
            (T, "标题"),
            (B, "秦学延是秦闫二村村民,身有残"),
            (_, ""),
            (B, "疾,行动不便,对惠民政策了解较少。"),
            (_, ""),
            (B, "赵美涛得知情况之后,多方协调为他办理了残疾证。"),
        ]
    ).articles
    assert article.paragraphs == [
        "秦学延是秦闫二村村民,身有残疾,行动不便,对惠民政策了解较少。",
        "赵美涛得知情况之后,多方协调为他办理了残疾证。",
    ]


# Invented paragraphs for the narrow-column tests: each is cut at the column's edge mid-sentence,
# and none ends exactly at an edge (where nothing tells a paragraph's end from a line's).
NARROW_PARAGRAPHS = [
    "今年春天，河东村的合作社种下三百亩番茄，村民在大棚里忙着移栽幼苗。",
    "合作社负责人说，新品种产量高、口感好，预计每亩能增收两千元左右。",
    "为了卖得更好，村里还请来农技专家，手把手教大家科学管理和病虫害防治。",
]


LONG_PARAGRAPHS = [
    "村民们都说，合作社办起来以后，大家日子一天比一天好，今年的收成也一定会更好。"
    "孩子们上学也不用再发愁了，老人看病也方便多了，村里处处是新气象。",
    "合作社负责人说，新品种番茄产量高、口感好，在北京和上海的超市里很受欢迎，"
    "预计每亩能增收两千元左右，明年还打算再扩大种植面积。",
    "为了卖得更好，村里还请来农技专家，手把手教大家科学管理和病虫害防治，"
    "又开通了网上店铺，让城里的顾客也能直接买到新鲜的番茄。",
]


def cut_by_characters(width: int) -> Callable[[str], list[str]]:
    return lambda text: [text[start : start + width] for start in range(0, len(text), width)]


def narrow_column(
    paragraphs: list[str], width: int, indent: str = "", cut: Callable[[str], list[str]] | None = None
) -> list[tuple[Role, str]]:
    """A title, then ``paragraphs`` cut every ``width`` characters (the indent counted; or by
    ``cut``), as ``pdftotext`` prints a narrow column: all lines read as text."""
    pieces = cut or cut_by_characters(width)
    page: list[tuple[Role, str]] = [(T, "河东村番茄喜获丰收")]
    for paragraph in paragraphs:
        page += [(B, piece) for piece in pieces(indent + paragraph)]
    return page


def test_a_narrow_column_s_pieces_are_joined_into_its_paragraphs() -> None:
    (article,) = run(narrow_column(NARROW_PARAGRAPHS, 12)).articles
    assert article.paragraphs == NARROW_PARAGRAPHS


def test_a_narrow_column_cut_by_display_width_is_joined_though_digits_make_lines_longer() -> None:
    paragraphs = [
        "全县2026年粮食播种面积稳定在120万亩以上，比上年增加3.5万亩，再创历史新高。",
        "县农业农村局组织50多名技术人员，分片包村开展指导，确保春耕生产顺利进行。",
        "目前，全县已备足种子800万公斤、化肥12万吨，农机具检修率达到98%以上。",
    ]
    page = narrow_column(paragraphs, 12, cut=lambda text: wrapped(text, 24))
    assert len({len(text) for _, text in page[1:-1]}) > 1  # the cut is by columns, not characters
    (article,) = run(page).articles
    assert article.paragraphs == paragraphs


# Paragraphs indented by ideographic spaces, and by em spaces as a web page's copy keeps HTML's
# ``&emsp;&emsp;``.
@pytest.mark.parametrize("indent", ["\u3000\u3000", "\u2003\u2003"], ids=["ideographic", "em"])
def test_a_sentence_that_ends_at_the_column_s_edge_goes_on_where_paragraphs_open_indented(
    indent: str,
) -> None:
    page = narrow_column(LONG_PARAGRAPHS, 20, indent=indent)
    assert page[2] == (B, "子一天比一天好，今年的收成也一定会更好。")  # a sentence's end at the edge
    (article,) = run(page).articles
    assert article.paragraphs == LONG_PARAGRAPHS


def test_without_indents_a_full_line_that_ends_a_sentence_ends_its_paragraph() -> None:
    paragraphs = ["村民们都说：这是好事。今年的收成会更好，日子也越过越红火。", *NARROW_PARAGRAPHS[1:]]
    (article,) = run(narrow_column(paragraphs, 11)).articles
    assert article.paragraphs[:2] == ["村民们都说：这是好事。", "今年的收成会更好，日子也越过越红火。"]


def test_a_line_that_opens_with_a_closing_mark_goes_on_the_line_above() -> None:
    (article,) = run(
        [
            (T, "标题"),
            (B, "他笑着说：“今年一定是个丰收年。"),
            (B, "”乡亲们都鼓起掌来"),
            (B, "，会场里一片欢声笑语。"),
            (B, "……"),
            (B, "会后，大家又回到了田间地头。"),
        ]
    ).articles
    assert article.paragraphs == [
        "他笑着说：“今年一定是个丰收年。”乡亲们都鼓起掌来，会场里一片欢声笑语。",
        "……",
        "会后，大家又回到了田间地头。",
    ]


def test_a_piece_of_a_narrow_column_spaced_out_letter_by_letter_fills_it_as_the_others_do() -> None:
    page = narrow_column(NARROW_PARAGRAPHS, 12)
    page[2] = (B, " ".join(page[2][1]))  # an extraction spaced this piece out, after the wrap
    page[5] = (B, " ".join(page[5][1]))
    (article,) = run(page).articles
    assert [paragraph.replace(" ", "") for paragraph in article.paragraphs] == NARROW_PARAGRAPHS


def test_a_narrow_column_whose_indents_were_lost_after_the_cut_is_joined() -> None:
    # pdftotext prints no indent: a paragraph's first line is two characters short of the column.
    page = [
        (role, text.lstrip("\u3000")) for role, text in narrow_column(LONG_PARAGRAPHS, 12, "\u3000\u3000")
    ]
    assert [len(text) for _, text in page[1:3]] == [10, 12]  # the first line short, the next full
    assert Counter(len(text) for _, text in page).most_common(1)[0][0] == 12  # the column
    (article,) = run(page).articles
    assert article.paragraphs == LONG_PARAGRAPHS


def test_a_piece_that_fills_the_column_goes_on_across_a_blank_line_on_a_page_without_punctuation() -> None:
    # A blank line after each paragraph's first line, on a page set without punctuation: nothing
    # in a first piece (a clause, a comma) says that its sentence goes on, only that it fills the
    # column without ending one.
    paragraphs = [paragraph.translate(str.maketrans("", "", "，、。")) for paragraph in LONG_PARAGRAPHS]
    page: list[tuple[Role, str]] = [(T, "河东村番茄喜获丰收")]
    for paragraph in paragraphs:
        first, *rest = cut_by_characters(12)("\u3000\u3000" + paragraph)
        page += [(B, first), (_, ""), *((B, piece) for piece in rest)]
    (article,) = run(page).articles
    assert article.paragraphs == paragraphs


def test_a_wrapped_page_whose_lines_an_extraction_spaced_still_joins_first_lines_short_of_an_indent() -> None:
    # Cut at 22 characters with the indent counted, the indent then lost; every other line got a
    # space every four characters (as OCR spaces characters out), which makes those lines the
    # page's widest, so that a first line two characters short of the column no longer looked full.
    page: list[tuple[Role, str]] = [(T, "河东村番茄喜获丰收")]
    for paragraph in LONG_PARAGRAPHS:
        for index, piece in enumerate(cut_by_characters(22)("\u3000\u3000" + paragraph)):
            piece = piece.lstrip("\u3000")
            if index % 2:
                piece = " ".join(piece[start : start + 4] for start in range(0, len(piece), 4))
            page.append((B, piece))
    assert [len(text) for _, text in page[1:4]] == [20, 27, 22]
    (article,) = run(page).articles
    assert article.paragraphs == LONG_PARAGRAPHS


def test_a_crosshead_set_flush_among_indented_paragraphs_stays_apart_from_the_paragraph_above() -> None:
    # A flush line after an indented paragraph that ended its sentence goes on it where it reads
    # as running text (it ends a sentence, or fills the column); a short line that ends without a
    # mark is a crosshead, though a comma makes it look like prose.
    (article,) = run(
        [
            (T, "河东村番茄喜获丰收"),
            (B, "\u3000\u3000今年春天，河东村的合作社种下三百亩番茄，村民在大棚里忙着移栽幼苗。"),
            (B, "大家都说，今年的番茄一定能卖个好价钱。"),
            (B, "科技助力，产量稳步提高"),
            (B, "\u3000\u3000合作社负责人说，新品种产量高、口感好，预计每亩能增收两千元左右。"),
            (B, "\u3000\u3000为了卖得更好，村里还请来农技专家，手把手教大家科学管理。"),
        ]
    ).articles
    assert article.paragraphs == [
        "今年春天，河东村的合作社种下三百亩番茄，村民在大棚里忙着移栽幼苗。大家都说，今年的番茄一定能卖个好价钱。",
        "科技助力，产量稳步提高",
        "合作社负责人说，新品种产量高、口感好，预计每亩能增收两千元左右。",
        "为了卖得更好，村里还请来农技专家，手把手教大家科学管理。",
    ]


def test_a_paragraph_ended_by_a_half_width_full_stop_does_not_run_on_across_a_blank_line() -> None:
    # An extraction that turned the full stops half-width: "." after a Chinese character still
    # ends the paragraph, so the one after the blank line starts anew.
    (article,) = run(
        [
            (T, "河东村番茄喜获丰收"),
            (B, "今年春天，河东村的合作社种下三百亩番茄，村民在大棚里忙着移栽幼苗."),
            (_, ""),
            (B, "合作社负责人说，新品种产量高、口感好，预计每亩能增收两千元左右."),
        ]
    ).articles
    assert article.paragraphs == [
        "今年春天，河东村的合作社种下三百亩番茄，村民在大棚里忙着移栽幼苗.",
        "合作社负责人说，新品种产量高、口感好，预计每亩能增收两千元左右.",
    ]


def test_lines_of_a_list_or_verse_are_not_joined_as_a_narrow_column() -> None:
    listing = [  # items of 5 to 13 characters, no length on 40% of the lines
        "一、活动时间和地点安排",
        "二、参加对象为全市中小学生",
        "三、报名方式",
        "四、作品要求及提交截止日期",
        "五、评选办法和评审标准",
        "六、奖项设置及颁奖典礼安排",
        "七、组织单位",
        "八、其他未尽事宜另行通知",
        "九、联系人",
    ]
    verse = [  # 王安石《泊船瓜洲》, 杜牧《江南春》
        "京口瓜洲一水间",
        "钟山只隔数重山",
        "春风又绿江南岸",
        "明月何时照我还",
        "千里莺啼绿映红",
        "水村山郭酒旗风",
        "南朝四百八十寺",
        "多少楼台烟雨中",
    ]
    for lines in (listing, verse):
        (article,) = run([(T, "目录"), *((B, line) for line in lines)]).articles
        assert [paragraph.replace(" ", "") for paragraph in article.paragraphs] == [
            line.replace("\u3000", "") for line in lines
        ]


def test_an_indented_paragraph_after_a_blank_line_starts_anew_though_the_line_above_ends_no_sentence() -> (
    None
):
    # A commentary's lead-in line is set without a full stop; the story's first paragraph opens indented.
    (article,) = run(
        [
            (T, "标题"),
            (B, "\u3000\u3000让孩子在家门口上好学，学校建起来了，老师还得留得住"),
            (_, ""),
            (B, "\u3000\u3000新学期开学以来，县里新建的三所小学陆续投入使用。"),
        ]
    ).articles
    assert article.paragraphs == [
        "让孩子在家门口上好学，学校建起来了，老师还得留得住",
        "新学期开学以来，县里新建的三所小学陆续投入使用。",
    ]


def test_duplicated_paragraph_is_dropped_with_a_reason() -> None:
    paragraph = "今年以来，聊城市乡村振兴局持续巩固拓展脱贫攻坚成果。"
    result = run([(T, "标题"), (B, paragraph), (_, ""), (B, paragraph), (_, ""), (B, "最后一段。")])
    assert result.articles[0].paragraphs == [paragraph, "最后一段。"]
    assert [(d.reason, d.line) for d in result.dropped] == [("duplicate-paragraph", 4)]


def test_markdown_heading_marks_are_dropped_from_headlines() -> None:
    result = run([(T, "# “绿色问诊”开良方"), (S, "## ——我市率先开展绿色诊断服务"), (B, "新春伊始。")])
    assert (result.articles[0].title, result.articles[0].subtitle) == (
        "“绿色问诊”开良方",
        "——我市率先开展绿色诊断服务",
    )
    assert [(d.text, d.reason) for d in result.dropped] == [
        ("#", "markdown-marker"),
        ("##", "markdown-marker"),
    ]


def test_numbered_and_bracketed_briefs_under_a_column_label_are_articles() -> None:
    result = run(
        [
            (T, "县域简讯"),
            (B, "１．县人民医院开展义诊活动。7月10日，专家走进社区义诊。（通讯员 胡静）"),
            (B, "２．县图书馆公益课堂开课。即日起，县图书馆开设公益课程。"),
            (B, "【全市秋季征兵体检结束】日前，全市秋季征兵体检工作结束。"),
            (T, "蔬菜产业带动农民增收"),
            (B, "1.抓好项目建设。要加快项目进度。"),
        ]
    )
    assert [(a.title, a.byline, a.column, a.paragraphs) for a in result.articles] == [
        ("县人民医院开展义诊活动", "（通讯员 胡静）", "县域简讯", ["7月10日，专家走进社区义诊。"]),
        ("县图书馆公益课堂开课", None, "县域简讯", ["即日起，县图书馆开设公益课程。"]),
        ("全市秋季征兵体检结束", None, "县域简讯", ["日前，全市秋季征兵体检工作结束。"]),
        # Inside a headed story, a numbered paragraph is body text.
        ("蔬菜产业带动农民增收", None, None, ["1.抓好项目建设。要加快项目进度。"]),
    ]
    assert [d.text for d in result.dropped if d.reason == "item-number"] == ["１．", "２．"]


def test_a_brief_item_labelled_a_headline_is_read_as_a_brief_under_its_column_label() -> None:
    result = run(
        [
            (K, "简讯"),
            (T, "【市图书馆启动读书月活动】11月1日，市图书馆读书月活动启动。（记者 邱明）"),
            (B, "**老年大学新学期开课** 10月31日，市老年大学新学期开课。"),
            (T, "冬季供暖准备就绪"),
            (B, "本报讯 全市供热管网检修已全部完成。"),
        ]
    )
    assert [(a.title, a.column, a.paragraphs) for a in result.articles] == [
        ("市图书馆启动读书月活动", "简讯", ["11月1日，市图书馆读书月活动启动。"]),
        ("老年大学新学期开课", "简讯", ["10月31日，市老年大学新学期开课。"]),
        ("冬季供暖准备就绪", None, ["全市供热管网检修已全部完成。"]),
    ]


def test_a_brief_whose_text_opens_with_a_lead_gives_its_byline_and_authors() -> None:
    result = run(
        [
            (T, "城事简讯"),
            (B, "【东湖新区新建口袋公园】本报讯（记者 王明远）记者昨日获悉，新区将新建口袋公园12处。"),
            (B, "【老街改造完工】本报讯 3月10日，东湖老街改造工程全面完工。"),
            (B, "１．县图书馆公益课堂开课。（通讯员 周成）即日起，县图书馆开设公益课程。"),
        ]
    )
    assert [(a.title, a.byline, a.authors, a.paragraphs) for a in result.articles] == [
        (
            "东湖新区新建口袋公园",
            "本报讯（记者 王明远）",
            ["王明远"],
            ["记者昨日获悉，新区将新建口袋公园12处。"],
        ),
        # a dateline alone stands where the byline would
        ("老街改造完工", "本报讯", [], ["3月10日，东湖老街改造工程全面完工。"]),
        ("县图书馆公益课堂开课", "（通讯员 周成）", ["周成"], ["即日起，县图书馆开设公益课程。"]),
    ]


def test_a_bracketed_tag_before_a_headline_keeps_it_a_headline() -> None:
    result = run([(T, "【独家】老街区夜市重新开张"), (B, "　　入夜，老街两旁的灯笼次第亮起。")])
    assert [a.title for a in result.articles] == ["【独家】老街区夜市重新开张"]


def test_parse_labelled_gives_the_page_its_fields() -> None:
    text = "聊城日报 2023年2月21日 星期二\n标题\n本报讯(记者 林金彦)2月20日,会议召开。"
    page = parse_labelled(text, ["furniture", "title", "body"], "x.txt")
    assert page.publication == "聊城日报"
    assert page.date == "2023-02-21"
    assert [a.title for a in page.articles] == ["标题"]


META = "（ 2026-04-27 ） 稿件来源：东江日报 要闻"


def test_a_web_copy_s_source_fields_name_its_paper_where_no_masthead_does() -> None:
    story = [(T, "老街区夜市重新开张"), (F, META), (B, "　　入夜，老街两旁的灯笼次第亮起。")]
    assert run([*story, (_, ""), *story]).masthead == "东江日报"


def test_source_fields_that_name_different_papers_name_none() -> None:
    other = "（ 2026-04-27 ） 稿件来源：西岭晚报 经济"
    page = [(T, "老街区夜市重新开张"), (F, META), (B, "　　灯笼亮起。"), (_, ""), (T, "新桥通车"), (F, other)]
    assert run([*page, (B, "　　新桥今日通车。")]).masthead is None


def test_a_masthead_outranks_the_source_fields() -> None:
    page = [(F, "西岭晚报 2026年4月27日 星期一"), (T, "老街区夜市重新开张"), (F, META), (B, "　　灯笼亮起。")]
    assert run(page).masthead == "西岭晚报"


def test_a_source_field_a_wrap_cut_still_names_the_whole_paper() -> None:
    # Cut inside the field's label, and inside the name (where 江日报 alone would pass for a masthead).
    for first, second in (
        ("（ 2026-04-27 ） 稿件来", "源：东江日报 要闻"),
        ("（ 2026-04-27 ） 稿件来源：东", "江日报 要闻"),
    ):
        page = [(T, "老街区夜市重新开张"), (F, first), (F, second), (B, "　　灯笼亮起。")]
        assert run(page).masthead == "东江日报", first


def _han_kept(result: Assembly) -> Counter[str]:
    parts = [result.section or "", result.banner or "", *(d.text for d in result.dropped)]
    for a in result.articles:
        parts += [
            a.kicker or "",
            a.title or "",
            a.subtitle or "",
            a.byline or "",
            a.column or "",
            *a.paragraphs,
        ]
    return Counter(HAN_RE.findall("\n".join(parts)))


def test_a_caption_taken_from_a_lead_s_line_leaves_the_lead_s_article_that_line() -> None:
    # Found by the property test below: the wrap joins the lead to the next line, whose rest a
    # byline under it then takes away as its photo's caption.
    page: list[tuple[Role, str]] = [
        (B, "本报讯(记者 张三)"),
        (B, "广告"),
        (BY, "目击"),
        (K, "广告"),
        (K, "广告"),
        (K, "本报讯(记者 张三)"),
        (K, "本报讯(记者 张三)"),
        (K, "——————————"),
    ]
    result = run(page)
    assert [(a.byline, a.line_start, a.line_end) for a in result.articles] == [
        ("本报讯(记者 张三)", 1, 2),
        ("目击", 1, 3),
    ]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(ROLES),
            st.sampled_from(
                ["广告", "目击", "山东新闻专栏", "（完）", "本报讯(记者 张三)", "■ 本报记者 李四", "时政动态"]
            )
            | st.text(alphabet="广告标题正文（）()本报讯记者 张三摄。，\u3000#■—图为", max_size=14),
        ),
        max_size=14,
    )
)
def test_any_labelled_page_keeps_every_han_character_and_its_line_spans(page: list[tuple[Role, str]]) -> None:
    text = "\n".join(line for _, line in page)
    lines = normalize_lines(text)
    result = assemble(lines, [role for role, _ in page])
    missing = Counter(HAN_RE.findall(text)) - _han_kept(result)
    assert not missing, f"lost {dict(missing)}"
    for seq, article in enumerate(result.articles, start=1):
        assert article.seq == seq
        assert 1 <= article.line_start <= article.line_end <= len(lines)
        assert all(article.paragraphs)


def test_a_byline_under_a_caption_with_its_own_credit_leaves_the_caption_its_credit() -> None:
    # The page hypothesis found: the caption lost its only line to the byline below and came out
    # as an article with no line at all (line_start 0).
    result = run([(B, "。三三摄"), (BY, "—")])
    assert [(a.paragraphs, a.byline, a.line_start, a.line_end) for a in result.articles] == [
        (["。"], "三三摄", 1, 1),
        ([], "—", 2, 2),
    ]


def test_a_dateline_printed_under_a_wire_story_closes_it() -> None:
    # labelled a byline, with nothing under it: no photo credit taking the last paragraph away
    result = run(
        [
            (T, "商业秘密保护迈上新台阶"),
            (B, "　　各地坚持“一盘棋”思维，推动建立上下协同的管护机制。"),
            (B, "　　“守住商业秘密，就是守住企业的底气。”有关负责人表示。"),
            (BY, "　　新华社北京4月26日电"),
            (T, "下一篇报道的标题"),
            (B, "　　下一篇报道的正文。"),
        ]
    )
    first, second = result.articles
    assert first.title == "商业秘密保护迈上新台阶"
    assert first.paragraphs == [
        "各地坚持“一盘棋”思维，推动建立上下协同的管护机制。",
        "“守住商业秘密，就是守住企业的底气。”有关负责人表示。",
        "新华社北京4月26日电",
    ]
    assert second.title == "下一篇报道的标题"


def test_a_photo_credit_under_a_caption_still_makes_a_photo() -> None:
    result = run(
        [
            (T, "春耕正忙"),
            (B, "　　各地抢抓农时，开展春耕生产。"),
            (B, "　　图为农民在田间劳作。"),
            (BY, "　　新华社记者 张晨 摄"),
        ]
    )
    assert [a.paragraphs for a in result.articles] == [
        ["各地抢抓农时，开展春耕生产。"],
        ["图为农民在田间劳作。"],
    ]
    assert result.articles[1].authors == ["张晨"]


def test_the_issues_date_line_above_the_first_story_is_furniture_whatever_it_was_labelled() -> None:
    result = run(
        [
            (K, "聊城日报"),
            (K, "二〇二六年七月十七日 星期五"),
            (T, "夜间经济激活消费新动能"),
            (B, "　　4月7日，市商务局发布数据显示，一季度全市夜间消费额同比增长。"),
            (K, "2026年7月17日 星期五"),  # under a story: not the page's top, so the labels stand
            (T, "春耕时节访农家"),
            (B, "　　清晨六点，种粮大户赵建华已经在田里忙碌。"),
        ]
    )
    assert [d.text for d in result.dropped if d.reason == "page-furniture"] == [
        "聊城日报",  # the paper's name over its date line
        "二〇二六年七月十七日 星期五",
    ]
    assert result.masthead == "聊城日报"
    assert [(a.kicker, a.title) for a in result.articles] == [
        (None, "夜间经济激活消费新动能"),
        ("2026年7月17日 星期五", "春耕时节访农家"),
    ]


def test_a_dateline_alone_is_never_a_headline() -> None:
    result = run(
        [
            (T, "商业秘密保护迈上新台阶"),
            (B, "　　各地坚持“一盘棋”思维，推动建立上下协同的管护机制。"),
            (T, "新华社北京4月29日电"),  # under its story, labelled a headline
            (T, "下一篇报道的标题"),
            (B, "　　下一篇报道的正文。"),
        ]
    )
    assert [(a.title, a.paragraphs) for a in result.articles] == [
        (
            "商业秘密保护迈上新台阶",
            ["各地坚持“一盘棋”思维，推动建立上下协同的管护机制。", "新华社北京4月29日电"],
        ),
        ("下一篇报道的标题", ["下一篇报道的正文。"]),
    ]


def test_a_page_number_left_among_the_stories_is_furniture_whatever_it_was_labelled() -> None:
    result = run(
        [
            (T, "春深行稳蓄势能"),
            (T, "- 3 -"),  # a page break's number, read as the headline's second line
            (B, "　　正文第一段。"),
            (B, "（下转A04版）"),
            (B, "　　正文第二段。"),
        ]
    )
    (article,) = result.articles
    assert article.title == "春深行稳蓄势能"
    assert article.paragraphs == ["正文第一段。", "正文第二段。"]
    assert [d.text for d in result.dropped if d.reason == "page-furniture"] == ["- 3 -", "（下转A04版）"]


def test_a_credit_wrapped_over_two_lines_labelled_headlines_closes_the_story_above() -> None:
    result = run(
        [
            (T, "青年志愿者走进乡村学校"),
            (B, "　　志愿者们为孩子们带来了科学课和音乐课。"),
            (T, "（记者林小雨"),  # the labeller reads each piece of the wrapped credit as a headline
            (T, "赵一鸣 孙晓东）"),
            (T, "下一篇报道的标题"),
            (B, "　　下一篇报道的正文。"),
        ]
    )
    first, second = result.articles
    assert first.title == "青年志愿者走进乡村学校"
    assert first.byline == "（记者林小雨 赵一鸣 孙晓东）"
    assert first.authors == ["林小雨", "赵一鸣", "孙晓东"]
    assert first.line_end == 4  # lines count from 1: the credit's second line
    assert (second.title, second.line_start) == ("下一篇报道的标题", 5)


def test_an_expert_s_signature_wrapped_inside_its_post_closes_the_story_above() -> None:
    result = run(
        [
            (T, "当心声音被仿冒"),
            (B, "　　便利和风险常常是相伴而来的。"),
            (T, "（某某大学法学"),  # the wrap falls inside the post, not between names
            (T, "院副教授 王小明）"),
            (T, "下一篇报道的标题"),
            (B, "　　下一篇报道的正文。"),
        ]
    )
    first, second = result.articles
    assert (first.byline, first.authors) == ("（某某大学法学院副教授 王小明）", ["王小明"])
    assert first.line_end == 4
    assert (second.title, second.line_start) == ("下一篇报道的标题", 5)


def test_headline_lines_that_close_a_bracket_left_open_by_the_text_above_are_its_rest() -> None:
    result = run(
        [
            (T, "劳动创造美好未来"),
            (B, "　　亿万劳动者在奋斗中创造美好未来。（记者齐中熙"),  # a wrap cuts the credit
            (_, ""),
            (K, "樊曦 高敬"),  # the labeller reads the pieces under the cut as a headline block
            (T, "黄垚）"),
            (T, "下一篇报道的标题"),
            (B, "　　下一篇报道的正文。"),
        ]
    )
    assert [(a.kicker, a.title) for a in result.articles] == [
        (None, "劳动创造美好未来"),
        (None, "下一篇报道的标题"),
    ]
    assert "黄垚）" in result.articles[0].body


def test_a_headline_under_an_open_bracket_that_it_does_not_close_stays_a_headline() -> None:
    result = run(
        [
            (T, "第一篇报道的标题"),
            (B, "　　正文写到一半的括号（未闭合"),
            (T, "下一篇报道的标题"),  # closes nothing: a headline
            (B, "　　下一篇报道的正文（见图）。"),
            (T, "（记者手记）"),  # opens its own bracket before closing one: a headline
            (B, "　　第三篇报道的正文。"),
        ]
    )
    assert [a.title for a in result.articles] == ["第一篇报道的标题", "下一篇报道的标题", "（记者手记）"]


def test_a_caption_under_a_credited_photo_is_the_next_photo_signed_or_not() -> None:
    page = run(
        [
            (CAP, "　　东湖公园的荷花开了。"),
            (BY, "王明 摄"),
            (CAP, "　　东湖公园的游船下水了。"),  # its credit not printed, or lost
        ]
    )
    assert [(a.kind, a.byline, a.paragraphs) for a in page.articles] == [
        ("photo", "王明 摄", ["东湖公园的荷花开了。"]),
        ("photo", None, ["东湖公园的游船下水了。"]),
    ]


@pytest.mark.parametrize("number", ["1）", "２）", "三）", "12)"])
def test_a_list_items_number_closes_no_bracket_the_text_above_left_open(number: str) -> None:
    result = run(
        [
            (T, "第一篇报道的标题"),
            (B, "　　会上介绍了今年的工作安排（详见本版昨日报道"),  # OCR lost the closing bracket
            (T, "东湖区启动冬季供暖"),
            (B, "　　东湖区今年冬季供暖11月15日启动，主要安排如下："),
            (B, f"{number}全区新建换热站三座；"),  # the item's number, not the bracket's close
            (B, "　　老旧管网改造十公里。"),
        ]
    )
    assert [a.title for a in result.articles] == ["第一篇报道的标题", "东湖区启动冬季供暖"]


def test_a_wrapped_dateline_or_a_dateline_without_a_day_is_never_a_headline() -> None:
    result = run(
        [
            (T, "商业秘密保护迈上新台阶"),
            (B, "　　各地推动建立上下协同的管护机制。"),
            (T, "新华社北京4月2"),  # a dateline cut by a hard wrap, each piece labelled a headline
            (T, "4日电"),
            (K, "新华社巴西圣保罗电"),  # a dateline that names no day, labelled a kicker
            (T, "下一篇报道的标题"),
            (B, "　　下一篇报道的正文。"),
        ]
    )
    assert [(a.kicker, a.title) for a in result.articles] == [
        (None, "商业秘密保护迈上新台阶"),
        (None, "下一篇报道的标题"),
    ]
    assert result.articles[0].paragraphs[1:] == ["新华社北京4月24日电", "新华社巴西圣保罗电"]


def test_a_wrapped_source_line_labelled_a_headline_is_furniture() -> None:
    result = run(
        [
            (T, "商业秘密保护迈上新台阶"),
            (B, "　　各地推动建立上下协同的管护机制。"),
            (T, "稿件来源：某某日报 国"),
            (T, "际"),
            (T, "下一篇报道的标题"),
            (B, "　　下一篇报道的正文。"),
        ]
    )
    assert [a.title for a in result.articles] == ["商业秘密保护迈上新台阶", "下一篇报道的标题"]
    assert [d.text for d in result.dropped if d.reason == "page-furniture"] == ["稿件来源：某某日报 国际"]


def test_a_wrapped_source_line_labelled_text_is_furniture_not_the_story_s_first_paragraph() -> None:
    result = run(
        [
            (T, "民调：某地居民支持率降至两年来最低"),
            (B, "稿件来源：某某日报 国"),  # a web page's source line, wrapped, labelled text
            (B, "际"),
            (B, "　　一项民意调查显示，居民对当地政府的支持率降至两年来最低。"),
            (B, "来源：新华社"),  # at the story's end, a source credit that closes it: its credit
        ]
    )
    (article,) = result.articles
    assert article.paragraphs == ["一项民意调查显示，居民对当地政府的支持率降至两年来最低。"]
    assert (article.byline, article.authors) == ("来源：新华社", [])
    assert [d.text for d in result.dropped if d.reason == "page-furniture"] == ["稿件来源：某某日报 国际"]


def test_a_source_line_under_a_lead_that_is_only_a_byline_is_furniture() -> None:
    result = run(
        [
            (T, "为创新护航"),
            (B, "本报讯（记者 张三）"),  # a dateline and a byline, labelled text, with nothing after them
            (B, "稿件来源：某某日报 要闻"),
            (B, "　　4月26日是全市读书节。"),
        ]
    )
    (article,) = result.articles
    assert (article.byline, article.paragraphs) == ("本报讯（记者 张三）", ["4月26日是全市读书节。"])
    assert [d.text for d in result.dropped if d.reason == "page-furniture"] == ["稿件来源：某某日报 要闻"]


def test_headlines_that_only_look_like_a_dateline_or_a_credit_stay_headlines() -> None:
    result = run(
        [
            (T, "新华社发来贺电"),  # 贺电 is no place's dispatch
            (B, "　　正文第一段。"),
            (T, "本报记者来电"),
            (B, "　　正文第二段。"),
            (T, "（记者手记）"),  # one line: a column's name, not a wrapped credit
            (B, "　　正文第三段。"),
            (K, "（上）"),
            (T, "春深行稳蓄势能"),
            (B, "　　正文第四段。"),
        ]
    )
    assert [(a.kicker, a.title) for a in result.articles] == [
        (None, "新华社发来贺电"),
        (None, "本报记者来电"),
        (None, "（记者手记）"),
        ("（上）", "春深行稳蓄势能"),
    ]


def test_a_headline_the_labeller_read_as_text_is_the_headline_over_its_web_meta_line() -> None:
    # A web copy of two stories: each headline has its meta line under it.
    result = run(
        [
            (T, "东阿新建游园十二处"),
            (F, "（ 2026-04-27 ） 稿件来源：东昌晚报 要闻"),
            (B, "　　东阿县今年新建游园十二处，市民出门五分钟就能走进绿地。"),
            (_, ""),
            # reads like a sentence: the labeller took it, and the meta line under it, for text
            (B, "面对网络诈骗，老人如何守住钱袋子"),
            (B, "（ 2026-04-27 ） 稿件来源：东昌晚报 调查"),
            (B, "　　近来，冒充客服的电话诈骗在城区多发。"),
        ]
    )
    assert [(a.title, a.paragraphs) for a in result.articles] == [
        ("东阿新建游园十二处", ["东阿县今年新建游园十二处，市民出门五分钟就能走进绿地。"]),
        ("面对网络诈骗，老人如何守住钱袋子", ["近来，冒充客服的电话诈骗在城区多发。"]),
    ]
    assert [d.text for d in result.dropped] == [
        "（ 2026-04-27 ） 稿件来源：东昌晚报 要闻",
        "（ 2026-04-27 ） 稿件来源：东昌晚报 调查",
    ]


def test_a_byline_between_a_headline_and_its_web_meta_line_keeps_it_the_headline() -> None:
    result = run(
        [
            (T, "东阿新建游园十二处"),
            (B, "　　东阿县今年新建游园十二处，市民出门五分钟就能走进绿地。"),
            (_, ""),
            (B, "“今天，她们就是主角”"),  # read as text, like the web page's meta line
            (BY, "□记者 张三 通讯员 李四 报道"),  # the byline printed over the meta line
            (B, "（ 2026-05-03 ） 稿件来源：东昌晚报 综合"),
            (B, "　　5月1日晚，体育中心座无虚席。"),
        ]
    )
    assert [a.title for a in result.articles] == ["东阿新建游园十二处", "“今天，她们就是主角”"]
    assert result.articles[1].byline == "□记者 张三 通讯员 李四 报道"
    assert result.articles[1].paragraphs == ["5月1日晚，体育中心座无虚席。"]


def test_the_author_a_web_meta_line_names_under_a_headline_is_the_byline_of_a_story_without_one() -> None:
    result = run(
        [
            (K, "读报的人"),
            (T, "从读者到作者"),
            (F, "作者:雷收麦 《东昌日报》( 2012年10月27日 06版)"),
            (B, "　　历数我与这张报纸的交情，已有半个世纪了。"),
            (T, "老街区亮灯"),
            (F, "发布时间：2020年1月2日 作者：王明"),
            (BY, "■ 本报记者 李华"),  # its own byline wins
            (B, "　　入夜，老街区的灯光次第亮起。"),
        ]
    )
    first, second = result.articles
    assert (first.byline, first.authors) == ("作者:雷收麦", ["雷收麦"])
    assert first.paragraphs == ["历数我与这张报纸的交情，已有半个世纪了。"]
    assert (second.byline, second.authors) == ("■ 本报记者 李华", ["李华"])
    # the meta lines are kept whole among what the page dropped
    assert [d.text for d in result.dropped] == [
        "作者:雷收麦 《东昌日报》( 2012年10月27日 06版)",
        "发布时间：2020年1月2日 作者：王明",
    ]


def test_a_short_line_read_as_text_over_an_authors_signature_is_the_next_pieces_headline() -> None:
    result = run(
        [
            (T, "科技伦理的新路径"),
            (BY, "作者：刘明远（某某大学哲学院教授）"),
            (B, "　　现代科技发展使人类交往实践日渐复杂。"),
            (B, "愿大地遍植绿色"),  # the labeller read the next piece's headline as text
            (B, "作者：张炜（某某作协副主席）"),
            (B, "　　文人作家往往是推动社会思想意识发展进步的急先锋。"),
        ]
    )
    assert [a.title for a in result.articles] == ["科技伦理的新路径", "愿大地遍植绿色"]
    assert [a.authors for a in result.articles] == [["刘明远"], ["张炜"]]
    assert result.articles[1].paragraphs == ["文人作家往往是推动社会思想意识发展进步的急先锋。"]
    # A reporter's line stays the story's text there: an interview prints its questioner so.
    (article,) = run(
        [
            (T, "科技伦理的新路径"),
            (B, "　　现代科技发展使人类交往实践日渐复杂。"),
            (B, "问答"),
            (B, "本报记者 王明"),
        ]
    ).articles
    assert article.paragraphs[-2:] == ["问答", "本报记者王明"]


def test_a_signature_under_a_headline_read_as_furniture_signs_a_story_without_a_byline() -> None:
    (article,) = run([(T, "老街区亮灯"), (F, "作者：王明"), (B, "　　入夜，老街区的灯光次第亮起。")]).articles
    assert (article.byline, article.authors) == ("作者：王明", ["王明"])
    (article,) = run(
        [
            (T, "老街区亮灯"),
            (F, "作者：王明"),
            (BY, "■ 本报记者 李华"),
            (B, "　　入夜，老街区的灯光次第亮起。"),
        ]
    ).articles
    assert (article.byline, article.authors) == ("■ 本报记者 李华", ["李华"])


def test_an_e_papers_page_label_above_the_first_story_names_the_section() -> None:
    page = [(F, "第06版：经济"), (T, "超级大棚 智慧爆棚"), (B, "　　长328米、宽205米的大棚里番茄红了。")]
    result = run(page)
    assert result.section == "经济"
    assert [a.title for a in result.articles] == ["超级大棚 智慧爆棚"]
    # Lower on the page, a label is another page's: the section stays unknown.
    assert run([page[1], page[2], page[0], (T, "下一篇"), (B, "　　正文。")]).section is None


def test_a_web_meta_line_under_a_finished_paragraph_makes_no_headline_of_it() -> None:
    # At a story's end, the meta line stands under its last paragraph: that ends a sentence.
    result = run(
        [
            (T, "东阿新建游园十二处"),
            (B, "　　东阿县今年新建游园十二处。"),
            (B, "来源：东昌晚报 2026-04-27"),
            (B, "　　市民出门五分钟就能走进绿地。"),
        ]
    )
    assert [a.title for a in result.articles] == ["东阿新建游园十二处"]


def test_a_short_line_over_a_web_meta_line_at_the_pages_foot_stays_text() -> None:
    # nothing below the meta line: no story it could head
    result = run(
        [
            (T, "东阿新建游园十二处"),
            (B, "　　东阿县今年新建游园十二处。"),
            (B, "编辑 王海"),
            (B, "来源：东昌晚报 2026-04-27"),
        ]
    )
    assert [a.title for a in result.articles] == ["东阿新建游园十二处"]


ROUND_UP: list[tuple[Role, str]] = [
    (T, "山乡过年 处处是新气象"),
    (_, ""),
    (K, "东湖村文化站站长王小梅——"),
    (T, "“戏台搭起来，人就聚起来”"),
    (BY, "■ 本报记者 赵小川"),
    (B, "　　正月初三，东湖村的戏台前坐满了人。"),
    (B, "　　村民柳大爷说：“年年都盼着这一天。”"),
    (_, ""),
    (K, "西山县供销社主任李大成——"),
    (T, "“年货备足了，心里才踏实”"),
    (BY, "□本报记者 柳静文"),
    (B, "　　西山县城的年货集一直热闹到深夜。"),
]


def test_a_headline_over_reported_parts_is_one_round_up() -> None:
    (article,) = run(ROUND_UP).articles
    assert article.title == "山乡过年 处处是新气象"
    assert article.paragraphs == [
        "东湖村文化站站长王小梅——",
        "“戏台搭起来，人就聚起来”",
        "■本报记者赵小川",  # set as the text is, without the spaces of layout
        "正月初三，东湖村的戏台前坐满了人。",
        "村民柳大爷说：“年年都盼着这一天。”",
        "西山县供销社主任李大成——",
        "“年货备足了，心里才踏实”",
        "□本报记者柳静文",
        "西山县城的年货集一直热闹到深夜。",
    ]
    assert article.authors == ["赵小川", "柳静文"]
    assert (article.line_start, article.line_end) == (1, 12)


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (lambda page: page[:8], "one part alone: a headline over a story"),
        (
            lambda page: [*page[:1], (B, "　　春节期间，记者走进山乡。"), *page[1:]],
            "the headline has text of its own",
        ),
        (
            lambda page: [*page[:11], (B, "　　本报西山2月3日电　西山县城的年货集一直热闹到深夜。")],
            "a part with a dateline is a story of its own",
        ),
        (
            lambda page: [*page[:10], (BY, "（作者 柳静文）"), *page[11:]],
            "a bracketed credit is no part's reporter line",
        ),
        (lambda page: [*page[:8], *page[9:]], "the parts are headed alike"),
        (lambda page: [*page[:10], *page[11:]], "a part has its own reporter"),
        (lambda page: page[:11], "a part has text of its own"),
        (lambda page: [(T, "山乡过年"), *page[1:]], "a name of six characters or fewer heads no round-up"),
    ],
)
def test_what_is_no_round_up(
    change: Callable[[list[tuple[Role, str]]], list[tuple[Role, str]]], why: str
) -> None:
    articles = run(change(ROUND_UP)).articles
    assert len(articles) >= 2, why
    assert articles[0].title in ("山乡过年 处处是新气象", "山乡过年"), why


def test_a_round_up_of_parts_without_kickers_ends_at_a_story_without_a_heading() -> None:
    page: list[tuple[Role, str]] = [
        (T, "山乡过年 处处是新气象"),
        (S, "——记者蹲点山乡见闻"),
        (_, ""),
        (T, "戏台搭起来"),
        (BY, "■ 本报记者 赵小川"),
        (B, "　　正月初三，东湖村的戏台前坐满了人。"),
        (_, ""),
        (T, "年货备足了"),
        (BY, "□本报记者 柳静文"),
        (B, "　　西山县城的年货集一直热闹到深夜。"),
        (_, ""),
        (BY, "■ 本报记者 李大成"),
        (B, "　　南湖镇的灯会今晚开幕。"),
    ]
    round_up, story = run(page).articles
    assert (round_up.title, round_up.subtitle) == ("山乡过年 处处是新气象", "——记者蹲点山乡见闻")
    assert round_up.paragraphs[0] == "戏台搭起来"
    assert round_up.paragraphs[-1] == "西山县城的年货集一直热闹到深夜。"
    assert (story.title, story.byline, story.paragraphs) == (
        None,
        "■ 本报记者 李大成",
        ["南湖镇的灯会今晚开幕。"],
    )
