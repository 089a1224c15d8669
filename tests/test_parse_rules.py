"""Small hand-written pages in styles the seeds do not show, with expected values worked out by hand.

Most pages are parsed with the roles of their lines given (``labelled``): what the line labeller
should say is written beside each page, so these tests check what the assembler and the rule
functions make of a layout, whatever the packaged model says about it. How well the model labels
pages is measured by ``python -m liaocheng_tui.parse.evaluate`` and the seed and synthetic keys.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from liaocheng_tui.parse import Dropped, Page, labeller, line_rules, parse_page
from liaocheng_tui.parse import normalize as normalize_module
from liaocheng_tui.parse import page as page_module
from liaocheng_tui.parse import unit_rules as unit_rules_module
from liaocheng_tui.parse.blocks import Unit
from liaocheng_tui.parse.byline import (
    is_lone_dateline,
    is_unnamed_byline,
    names_a_reporter,
    names_in,
    opens_with_report,
    parse_bracketed_reporters_line,
    parse_byline_line,
    parse_closing_credit,
    parse_compiled_credit,
    parse_end_credit,
    parse_label_signature,
    parse_labelled_credit,
    parse_letter_spaced_byline,
    parse_names_line,
    parse_photo_credit,
    parse_signed_credit,
    parse_wire_credit,
    signs_writing,
    split_byline_beside,
    split_lead,
    split_photo_credit,
    split_tail_credit,
)
from liaocheng_tui.parse.chars import (
    ends_sentence,
    last_sentence_end,
    unspaced,
    wholly_bracketed,
    without_closing_mark,
)
from liaocheng_tui.parse.clean import continues, squeeze_spaces
from liaocheng_tui.parse.dates import supported_years
from liaocheng_tui.parse.fallback import shape_roles
from liaocheng_tui.parse.features import page_features
from liaocheng_tui.parse.furniture import (
    headline_lists,
    index_entries,
    is_address_or_rule,
    is_dated_furniture_line,
    is_furniture_line,
    is_imprint_line,
    is_page_marker,
    is_page_number,
    is_printed_web_meta_line,
    is_source_line,
    is_stray_mark,
    is_web_furniture_line,
    is_web_meta_line,
    masthead_in,
    meta_author,
    page_label_section,
    running_headers,
    spacing_blanks,
    split_jump_marks,
    stray_marks,
    wrapped_meta_lines,
)
from liaocheng_tui.parse.headers import is_column_tag
from liaocheng_tui.parse.normalize import Line, lines_of, normalize_text, split_lines
from liaocheng_tui.parse.page import label_page, parse_labelled
from liaocheng_tui.parse.roles import Role

REPO = Path(__file__).resolve().parent.parent

_CODES: dict[str, Role] = {
    "K": "kicker",
    "T": "title",
    "S": "subtitle",
    "BY": "byline",
    "B": "body",
    "CAP": "caption",
    "CR": "credit",
    "F": "furniture",
    "_": "blank",
}


_LETTERS = {role: code for code, role in _CODES.items()}
LineRule = Callable[[Sequence[Line], Sequence[Role]], list[Role]]


def reread(rule: LineRule, text: str, codes: str) -> str:
    """The codes of the roles one of ``line_rules``' rules gives the lines of ``text`` read as
    ``codes`` (``T _ B``) by the labeller."""
    lines = lines_of(text.split("\n"))
    roles = [_CODES[code] for code in codes.split()]
    assert len(roles) == len(lines), (len(roles), len(lines))
    return " ".join(_LETTERS[role] for role in rule(lines, roles))


def labelled(text: str, codes: str, source: str = "<page>", publication: str | None = None) -> Page:
    """``text`` parsed with one role per line, given as codes (``T _ B``: title, blank, body)."""
    roles = [_CODES[code] for code in codes.split()]
    assert len(roles) == len(split_lines(text)), (len(roles), len(split_lines(text)))
    return parse_labelled(text, roles, source, publication)


def test_crlf_indents_wire_dateline_and_stacked_headlines() -> None:
    page = labelled(
        "引题在这里写着\r\n"
        "某市召开全市工作会议部署今年重点任务\r\n"
        "——副题说明会议的主要内容\r\n"
        "\u3000\u3000本报北京1月16日电（记者 王小明）1月15日，全市工作会议召开。会议总结了去年工作。\r\n"
        "\u3000\u3000会议要求，各级各部门要狠抓落实。\r\n",
        "K T S B B _",
        "wire.txt",
    )
    assert len(page.articles) == 1
    article = page.articles[0]
    assert article.kicker == "引题在这里写着"
    assert article.title == "某市召开全市工作会议部署今年重点任务"
    assert article.subtitle == "——副题说明会议的主要内容"
    assert article.byline == "本报北京1月16日电（记者 王小明）"
    assert article.authors == ["王小明"]
    assert article.paragraphs == [
        "1月15日，全市工作会议召开。会议总结了去年工作。",
        "会议要求，各级各部门要狠抓落实。",
    ]
    assert article.kind == "news"
    assert (article.line_start, article.line_end) == (1, 5)
    # No year anywhere on the page: no date rather than a guess.
    assert article.date is None and page.date is None
    assert page.source == "wire.txt"


def test_wire_dateline_gives_the_date_when_a_year_is_printed() -> None:
    page = labelled(
        "全市经济运行情况发布\n\n本报北京1月16日电（记者 王小明）2023年全市经济稳中有进。\n", "T _ B _"
    )
    assert page.articles[0].date == "2023-01-16"
    assert page.date == "2023-01-16"


def test_bare_cr_line_ends_nbsp_zero_width_and_control_characters() -> None:
    page = labelled(
        "全市\u200b文明城市\x07创建工作推进会召开\r\r本报讯（记者\u00a0李华）3月5日，全市文明\u00a0城市创建工作推进会召开。\r",
        "T _ B _",
    )
    article = page.articles[0]
    assert article.title is not None and article.title.replace(" ", "") == "全市文明城市创建工作推进会召开"
    assert article.byline == "本报讯（记者 李华）"
    assert article.authors == ["李华"]
    assert article.paragraphs == ["3月5日，全市文明城市创建工作推进会召开。"]
    assert (article.line_start, article.line_end) == (1, 3)


@pytest.mark.parametrize("line_end", ["\u2028", "\u2029", "\x0b", "\x85"])
def test_a_page_without_cr_or_lf_is_split_on_the_line_ends_it_has(line_end: str) -> None:
    # A word processor's manual line break or a Unicode separator, where the page has no other.
    text = line_end.join(
        ["东湖街道启用便民服务站", "", "本报讯（记者 柏小雨）东湖街道便民服务站启用。", "居民可就近办事。"]
    )
    assert split_lines(text) == text.split(line_end)
    page = labelled(text, "T _ B B")
    article = page.articles[0]
    assert article.title == "东湖街道启用便民服务站"
    assert article.paragraphs == ["东湖街道便民服务站启用。", "居民可就近办事。"]
    assert (article.line_start, article.line_end) == (1, 4)


def test_a_separator_inside_a_page_of_lf_line_ends_is_no_line_end() -> None:
    # Where the page ends its lines with LF, an editor shows a separator inside a line.
    assert split_lines("东湖街道\u2028便民服务站\n居民可就近办事。") == [
        "东湖街道\u2028便民服务站",
        "居民可就近办事。",
    ]


def test_an_unterminated_osc_sequence_loses_only_its_escape() -> None:
    assert normalize_text("\x1b]本报讯(记者 张三)") == "本报讯(记者 张三)"
    assert normalize_text("标题\x1b]0;窗口\x07正文") == "标题 正文"


def test_terminal_escape_sequences_are_removed() -> None:
    page = labelled("\x1b[31m春季植树活动启动\x1b[0m\n\n本报讯(记者 张伟)植树活动启动。\n", "T _ B _")
    assert page.articles[0].title == "春季植树活动启动"


def test_bureau_dateline_is_dropped_when_a_byline_line_names_the_authors() -> None:
    page = labelled(
        "冠县启动春季植树活动\n\n□记者 张伟 通讯员 刘芳 报道\n\n本报冠县讯 3月12日, 冠县 组织 干部群众 植树。\n",
        "T _ BY _ B _",
    )
    article = page.articles[0]
    assert article.title == "冠县启动春季植树活动"
    assert article.byline == "□记者 张伟 通讯员 刘芳 报道"
    assert article.authors == ["张伟", "刘芳"]
    assert article.paragraphs == ["3月12日,冠县组织干部群众植树。"]
    assert Dropped("本报冠县讯", "dateline", 5) in page.dropped
    assert article.kind == "news"


def test_feature_byline_and_markdown_crossheads_stay_in_the_body() -> None:
    page = labelled(
        "# 一位驻村书记的八年\n\n## ——记某村第一书记张三\n\n■ 本报记者 李四\n\n"
        "他在村里工作了八年。\n\n### 当好带头人\n\n他带领村民修路。\n",
        "T _ S _ BY _ B _ B _ B _",
    )
    article = page.articles[0]
    assert (article.title, article.subtitle) == ("一位驻村书记的八年", "——记某村第一书记张三")
    assert article.byline == "■ 本报记者 李四" and article.authors == ["李四"]
    assert article.kind == "feature"
    assert article.paragraphs == ["他在村里工作了八年。", "当好带头人", "他带领村民修路。"]
    assert {d.reason for d in page.dropped} == {"markdown-marker"}


def test_commentary_column_governs_the_pieces_under_it() -> None:
    page = labelled(
        "百姓大家谈\n\n让城市更有温度\n\n城市管理要多一些人情味。每一处细节都关系群众感受。\n\n(张明 市民)\n\n"
        "办好民生实事\n\n民生无小事,枝叶总关情。\n\n(李强 社区工作者)\n",
        "K _ T _ B _ CR _ T _ B _ CR _",
    )
    assert [a.title for a in page.articles] == ["让城市更有温度", "办好民生实事"]
    assert [a.column for a in page.articles] == ["百姓大家谈", "百姓大家谈"]
    assert [a.kind for a in page.articles] == ["commentary", "commentary"]
    assert [a.byline for a in page.articles] == ["(张明 市民)", "(李强 社区工作者)"]
    assert [a.authors for a in page.articles] == [["张明"], ["李强"]]


def test_photo_caption_with_byline_after_it_and_its_column_label_below() -> None:
    page = labelled(
        "某地举行春季文化活动\n\n本报讯(记者 王五)5月1日,某地举行文化活动。\n\n"
        "5月2日,游客在公园赏花。图为公园一角。\n\n■ 本报记者 赵六\n\n视界\n图片新闻专栏\n",
        "T _ B _ CAP _ BY _ K K _",
    )
    assert len(page.articles) == 2
    news, photo = page.articles
    assert news.paragraphs == ["5月1日,某地举行文化活动。"]
    assert photo.title is None
    assert photo.kind == "photo"
    assert photo.byline == "■ 本报记者 赵六" and photo.authors == ["赵六"]
    assert photo.column == "视界"
    assert photo.paragraphs == ["5月2日,游客在公园赏花。图为公园一角。"]
    assert (photo.line_start, photo.line_end) == (5, 10)
    assert Dropped("图片新闻专栏", "column-descriptor", 10) in page.dropped


def test_paragraph_printed_twice_is_dropped_and_a_broken_sentence_joined() -> None:
    repeated = "会议要求各级各部门要把思想和行动统一到决策部署上来，确保各项任务落到实处。"
    page = labelled(
        f"全市安全生产工作会议召开\n\n本报讯(记者 孙七)会议指出,要进一步加强\n\n基层治理能力建设。\n\n{repeated}\n\n{repeated}\n",
        "T _ B _ B _ B _ B _",
    )
    article = page.articles[0]
    assert article.paragraphs == ["会议指出,要进一步加强基层治理能力建设。", repeated]
    assert Dropped(repeated, "duplicate-paragraph", 9) in page.dropped


def test_spaces_are_removed_around_chinese_but_kept_inside_latin_text() -> None:
    assert squeeze_spaces("我们使用 Windows 11 系统办公, 效率 提高了 12 月 28 日。") == (
        "我们使用 Windows 11系统办公,效率提高了12月28日。"
    )
    assert squeeze_spaces("“局长大讲堂” 邀请 媒体") == "“局长大讲堂”邀请媒体"


@pytest.mark.parametrize(
    ("line", "paragraph"),
    [
        # a list of names keeps the spaces between them
        ("（执笔：张红宇 胡凌啸 胡振通 王亚华）", "（执笔：张红宇 胡凌啸 胡振通 王亚华）"),
        ("东昌府区：王秀英　李国强　张桂兰", "东昌府区：王秀英 李国强 张桂兰"),
        (
            "获奖者：朱  伟  唐露薇  臧春蕾",
            "获奖者：朱伟 唐露薇 臧春蕾",
        ),  # a name of two set as wide as three
        # two names a space apart: as likely OCR's stray space inside a sentence
        ("临清市：赵明　孙丽华", "临清市：赵明孙丽华"),
        ("孙立 新表示，作为企业当家人。", "孙立新表示，作为企业当家人。"),
        # OCR's stray spaces go, between names' characters too
        ("记者从市 气象台获悉，受强冷 空气影响。", "记者从市气象台获悉，受强冷空气影响。"),
        ("王 强 表示，今年以来增长 5.8%。", "王强表示，今年以来增长5.8%。"),
    ],
)
def test_the_spaces_between_names_of_a_list_stay(line: str, paragraph: str) -> None:
    assert labelled(f"某会议召开\n{line}\n", "T B _").articles[0].paragraphs == [paragraph]


def test_notice_kind_and_vertical_headline() -> None:
    page = labelled(
        "关于开展志愿服务活动的通知\n\n各单位: 请于3月10日前报名。\n\n统\n\n筹\n\n发\n\n展\n\n本报讯(记者 甲乙)3月9日,某地召开会议。\n",
        "T _ B _ T _ T _ T _ T _ B _",
    )
    assert [a.kind for a in page.articles] == ["notice", "news"]
    assert page.articles[1].title == "统筹发展"
    assert page.articles[1].authors == ["甲乙"]


def test_masthead_line_gives_publication_and_is_kept_as_dropped_furniture() -> None:
    page = labelled(
        "聊城日报 2023年2月21日 星期二 第2版\n\n全市会议召开\n\n本报讯(记者 林一)2月20日,会议召开。\n",
        "F _ T _ B _",
    )
    assert page.publication == "聊城日报"
    # The edition line prints the issue date: it is the page's date; the story keeps its dateline.
    assert page.date == "2023-02-21"
    assert page.articles[0].date == "2023-02-20"
    assert page.dropped[0] == Dropped("聊城日报 2023年2月21日 星期二 第2版", "page-furniture", 1)


def test_publication_argument_wins_and_unsupported_publication_is_null() -> None:
    text = "某县召开会议\n\n本报讯(记者 林一)2月20日,会议召开。\n"
    assert labelled(text, "T _ B _", publication="某某晚报").publication == "某某晚报"
    assert labelled(text, "T _ B _").publication is None


def test_hard_wrapped_indented_page_joins_wrapped_lines() -> None:
    page = labelled(
        "全市春耕生产全面展开\n"
        "\u3000\u3000本报讯（记者 周八）连日来，全市各地抢抓农时，组织农户开展\n"
        "春耕生产，田间地头一派忙碌景象。\n"
        "\u3000\u3000据了解，今年全市计划播种面积保持稳定。\n"
        "\u3000\u3000农业部门组织技术人员深入田间指导。\n",
        "T B B B B _",
    )
    article = page.articles[0]
    assert article.title == "全市春耕生产全面展开"
    assert article.paragraphs == [
        "连日来，全市各地抢抓农时，组织农户开展春耕生产，田间地头一派忙碌景象。",
        "据了解，今年全市计划播种面积保持稳定。",
        "农业部门组织技术人员深入田间指导。",
    ]


def test_target_years_do_not_count() -> None:
    assert supported_years("到2025年，力争到2024年底，至 2030年，2023—2035年远景") == [2023]
    assert supported_years("2022年以来，2021年的清算，2023年度") == [2022, 2021, 2023]


def test_byline_grammar() -> None:
    assert parse_byline_line("□孙伟 付研 许慧 李坤朋 报道") == (
        "□孙伟 付研 许慧 李坤朋 报道",
        ["孙伟", "付研", "许慧", "李坤朋"],
    )
    assert parse_byline_line("□本报记者 高田 本报通讯员 张晓明 周家伟") is not None
    assert parse_byline_line("张三 李四") is None  # names alone are not a byline
    assert parse_byline_line("记者节到了") is None
    assert names_in("记者 夏旭光 通讯员 解斌 孙自强") == ["夏旭光", "解斌", "孙自强"]
    assert names_in("记者林金彦") == ["林金彦"]
    lead = split_lead("本报讯(记者 林金彦)2月20日,会议召开。")
    assert lead is not None and (lead.byline, lead.authors, lead.rest) == (
        "本报讯(记者 林金彦)",
        ["林金彦"],
        "2月20日,会议召开。",
    )
    assert split_lead("本报讯据了解,今年以来") is not None
    assert split_lead("本月以来,全市") is None
    assert parse_end_credit("(王立志 聊城市东元资产经营有限公司党委书记、董事长)") == (
        "(王立志 聊城市东元资产经营有限公司党委书记、董事长)",
        ["王立志"],
    )
    assert parse_end_credit("(专题策划: 胡磊 薛良诚)") is None


def test_a_paragraph_ending_with_pictographs_after_its_full_stop_is_not_run_into_the_next() -> None:
    # A public account's copy: a blank line after every line, and a pictograph after a sentence.
    page = parse_page(
        "东湖公园新添十座凉亭\n\n"
        "本报讯（记者 柏小雨）东湖公园近日新添十座凉亭，供游人歇脚。🌳\n\n"
        "凉亭由西山林场的旧木料建成，古色古香。\n\n"
        "园方表示，凉亭全天开放。\n"
    )
    assert page.articles[0].paragraphs == [
        "东湖公园近日新添十座凉亭，供游人歇脚。🌳",
        "凉亭由西山林场的旧木料建成，古色古香。",
        "园方表示，凉亭全天开放。",
    ]


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("本报记者 王明 执笔", ["王明"]),
        ("记者 王明 李华 撰稿", ["王明", "李华"]),
        ("王明 执笔", ["王明"]),
    ],
)
def test_who_penned_a_story_after_the_names_is_no_name(line: str, names: list[str]) -> None:
    # 执笔 and 撰稿 (penned, wrote) close a byline as 整理 does.
    assert parse_byline_line(line) == (line, names)


def test_a_wire_storys_credit_opens_with_its_dateline() -> None:
    # A wire story closes with its dateline and its reporters in one bracket.
    assert parse_wire_credit("（新华社北京10月12日电 记者王明、李华）") == (
        "（新华社北京10月12日电 记者王明、李华）",
        ["王明", "李华"],
    )
    assert parse_wire_credit("（本报上海3月5日电 记者 张伟）") == ("（本报上海3月5日电 记者 张伟）", ["张伟"])
    # The names alone, without a role word before them.
    assert parse_wire_credit("（新华社北京10月12日电 王明、李华）") == (
        "（新华社北京10月12日电 王明、李华）",
        ["王明", "李华"],
    )
    # A dateline alone names no one, and what follows a dateline must read as people's names.
    assert parse_wire_credit("（本报华盛顿1月31日电）") is None
    assert parse_wire_credit("（新华社北京10月12日电 综合报道）") is None
    # A credit without a dateline is parse_end_credit's.
    assert parse_wire_credit("（记者 王明）") is None


@pytest.mark.parametrize(
    ("credit", "names"),
    [
        ("（东江社西山3月5日电 记者：王明）", ["王明"]),
        ("（东江社西山3月5日电 记者: 王明、李华）", ["王明", "李华"]),
        ("（东江社西山3月5日电 通讯员：赵敏）", ["赵敏"]),
        # a colon that labels something else: the words after it are no reporter's
        ("（东江社西山3月5日电 记者：王明 编辑：李华）", None),
    ],
)
def test_a_wire_credits_role_may_be_labelled_with_a_colon(credit: str, names: list[str] | None) -> None:
    assert parse_wire_credit(credit) == (None if names is None else (credit, names))
    assert parse_closing_credit(credit) == (None if names is None else (credit, names))


def credited(text: str) -> list[str]:
    parsed = parse_compiled_credit(text)
    assert parsed is not None, text
    return parsed[1]


def test_a_compiled_storys_credit_names_who_reported_it() -> None:
    # Round-ups, interviews written up and wire stories retold close with a credit that frames
    # the reporters' names: 综合…报道, …采访整理, 据新华社…电 记者…, 参与记者：….
    assert parse_compiled_credit("（综合本报记者王明、李华、张伟报道）") == (
        "（综合本报记者王明、李华、张伟报道）",
        ["王明", "李华", "张伟"],
    )
    assert parse_compiled_credit("（本报记者 王明采访整理）") == ("（本报记者 王明采访整理）", ["王明"])
    assert parse_compiled_credit("（据新华社伦敦电 记者王明）") == ("（据新华社伦敦电 记者王明）", ["王明"])
    assert credited("（据新华社电 记者王明、李华）") == ["王明", "李华"]
    assert credited("（新华社记者王明、李华，本报记者张伟）") == ["王明", "李华", "张伟"]
    assert credited("（参与记者：王明、李华）") == ["王明", "李华"]
    assert credited("（综合本报记者王明、李华等报道）") == ["王明", "李华"]
    # The assembler reads them as closing credits.
    assert parse_closing_credit("（综合本报记者王明、李华报道）") == (
        "（综合本报记者王明、李华报道）",
        ["王明", "李华"],
    )


def test_a_bracketed_aside_is_no_compiled_credit() -> None:
    assert parse_compiled_credit("（综合报道）") is None  # names no one
    assert parse_compiled_credit("（据新华社电）") is None
    assert parse_compiled_credit("（本报记者）") is None
    assert parse_compiled_credit("（据统计）") is None
    assert parse_compiled_credit("（张三报道）") is None  # a name with no role before it
    assert parse_compiled_credit("（据介绍，记者王明）") is None  # words that are no role, agency or name
    assert parse_compiled_credit("（记者王明）。") is None  # not a line that is only the bracket


def test_a_letter_spaced_byline_whose_gaps_were_closed_names_its_reporters() -> None:
    # 新 华 社 记 者   王 思 北 with its wide gap closed up, as normalisation leaves it.
    assert parse_letter_spaced_byline("新 华 社 记 者 王 思 北") == ("新 华 社 记 者 王 思 北", ["王思北"])
    assert parse_letter_spaced_byline("◆ 记 者 马 涛 燕 文 / 图") == ("◆ 记 者 马 涛 燕 文 / 图", ["马涛燕"])
    assert parse_letter_spaced_byline("本 报 记 者 翟 伟") == ("本 报 记 者 翟 伟", ["翟伟"])
    # Two names glued together cannot be told apart; text and unspaced lines are no such byline.
    assert parse_letter_spaced_byline("本 报 记 者 王 思 北 邢 拓") is None
    assert parse_letter_spaced_byline("记 者 节 特 别 报 道 活 动") is None
    assert parse_letter_spaced_byline("新华社记者 王思北") is None
    assert parse_letter_spaced_byline("记 者") is None


def test_an_expert_s_signature_names_its_post_before_the_name() -> None:
    # A commentary signed by an expert: where the post is held, the post, then the name.
    assert parse_end_credit("（某某大学法学院副教授 王小明）") == (
        "（某某大学法学院副教授 王小明）",
        ["王小明"],
    )
    assert parse_end_credit("（某某研究院研究员 李华）") == ("（某某研究院研究员 李华）", ["李华"])
    # A post that is not one (a place and a name) is not read as a signature this way.
    assert parse_end_credit("（某某大学法学院 王小明）") is None
    # Three parts: a name too many, or a post cut in two; neither is read.
    assert parse_end_credit("（某某大学法学院副教授 王小明 李华）") is None


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("张三/文 李四/图", ["张三", "李四"]),  # who wrote and who took the pictures, by a slash
        ("文/张三 图/李四", ["张三", "李四"]),
        ("图/文 张三", ["张三"]),
        ("文／张三", ["张三"]),  # a full-width slash
        ("记者｜张三 李四", ["张三", "李四"]),  # a bar between the role and the names
        ("记者|张三", ["张三"]),
        ("撰文 张三 摄影 李四", ["张三", "李四"]),
        ("◎本报记者 张三", ["张三"]),  # other papers' marks: any geometric shape or block element
        ("▍记者 张三 李四", ["张三", "李四"]),
        ("◉ 本报记者 张三 通讯员 李四", ["张三", "李四"]),
        ("♦记者 张三", ["张三"]),
        ("文｜张三", ["张三"]),  # a bar or a colon between 文 and the names, as a slash
        ("文：张三 李四", ["张三", "李四"]),
        ("文·图/张三", ["张三"]),
        ("摄影：张三 李四", ["张三", "李四"]),
        ("融媒记者 张三", ["张三"]),
        ("本报记者 张三 发自东京", ["张三"]),  # where the story was filed from: no name
        ("潇湘晨报记者 张三 长沙报道", ["张三"]),  # a place glued to 报道, after a name
        ("本报记者 张三 北京报道", ["张三"]),
        ("记者 张三 李四报道", ["张三", "李四"]),  # a person's name glued to 报道 stays one
        ("记者陈美玲／高雄报导", ["陈美玲"]),  # Taiwan's 报导, the place after a slash
        ("本报记者 陈美玲 台北报导", ["陈美玲"]),
        ("□记者 张三 通讯员 李四 报道", ["张三", "李四"]),
    ],
)
def test_bylines_in_other_papers_styles(line: str, authors: list[str]) -> None:
    assert parse_byline_line(line) == (line, authors)


@pytest.mark.parametrize("line", ["记者王明：我的第一百次报道", "记者 王明: 难忘那次报道"])
def test_a_reporter_named_before_a_colon_and_words_ending_in_report_is_a_headline(line: str) -> None:
    # What the colon opens is said by the reporter: no place filed from, so no byline.
    assert parse_byline_line(line) is None


def test_a_headline_that_names_its_reporter_before_a_colon_heads_its_story() -> None:
    page = parse_page(
        "记者王明：我的第一百次报道\n"
        "\u3000\u3000十二月三日，是我做记者的第十年，也是我写下第一百篇报道的日子。\n"
        "\u3000\u3000那天清晨，我又一次来到了东湖边的小村庄。\n"
    )
    assert [(a.title, a.authors) for a in page.articles] == [("记者王明：我的第一百次报道", [])]


@pytest.mark.parametrize(
    ("paragraph", "byline", "authors", "rest"),
    [
        # 报道 and a colon close the byline of many provincial papers
        (
            "本报济南6月8日讯 记者张三报道：城区新增三处公园。",
            "本报济南6月8日讯 记者张三报道",
            ["张三"],
            "城区新增三处公园。",
        ),
        (
            "本报讯 记者 张三 李四 报道：城区新增三处公园。",
            "本报讯 记者 张三 李四 报道",
            ["张三", "李四"],
            "城区新增三处公园。",
        ),
        # another paper's own news (新京报讯, 齐鲁晚报讯)
        ("新京报讯（记者 张三）城区新增三处公园。", "新京报讯（记者 张三）", ["张三"], "城区新增三处公园。"),
        (
            "齐鲁晚报讯 记者 张三 6月8日，城区新增三处公园。",
            "齐鲁晚报讯 记者 张三",
            ["张三"],
            "6月8日，城区新增三处公园。",
        ),
        (
            "本报讯 记者 欧阳明明 城区新增三处公园。",
            "本报讯 记者 欧阳明明",
            ["欧阳明明"],
            "城区新增三处公园。",
        ),
        # a paper's short name, a news app's name
        (
            "南都讯 记者张三 通讯员李四 城区新增三处公园。",
            "南都讯 记者张三 通讯员李四",
            ["张三", "李四"],
            "城区新增三处公园。",
        ),
        (
            "红星新闻讯（记者 张三）城区新增三处公园。",
            "红星新闻讯（记者 张三）",
            ["张三"],
            "城区新增三处公园。",
        ),
        # a paper's news filed from a place
        (
            "大众日报聊城讯（记者 王强）11日，城区新增三处公园。",
            "大众日报聊城讯（记者 王强）",
            ["王强"],
            "11日，城区新增三处公园。",
        ),
        # the reporter's kind before the role, the byline without brackets
        (
            "本报讯 全媒体记者 张三 近日，城区新增三处公园。",
            "本报讯 全媒体记者 张三",
            ["张三"],
            "近日，城区新增三处公园。",
        ),
        (
            "本报讯 融媒记者 王强 通讯员 刘洋 6月8日，城区新增三处公园。",
            "本报讯 融媒记者 王强 通讯员 刘洋",
            ["王强", "刘洋"],
            "6月8日，城区新增三处公园。",
        ),
        (
            "本报济南6月8日讯 首席记者张三报道：城区新增三处公园。",
            "本报济南6月8日讯 首席记者张三报道",
            ["张三"],
            "城区新增三处公园。",
        ),
        # a news site's, filed on a day
        (
            "扬子晚报网12月3日讯（记者 王明）南京市新增三处公园。",
            "扬子晚报网12月3日讯（记者 王明）",
            ["王明"],
            "南京市新增三处公园。",
        ),
        # a slash after each role, as metro papers print it
        (
            "南都讯 记者/柳静文 通讯员/王海 11月19日，城区新增三处公园。",
            "南都讯 记者/柳静文 通讯员/王海",
            ["柳静文", "王海"],
            "11月19日，城区新增三处公园。",
        ),
        (
            "本报讯 记者／赵敏 近日，城区新增三处公园。",
            "本报讯 记者／赵敏",
            ["赵敏"],
            "近日，城区新增三处公园。",
        ),
        # a reporter opening the story's first paragraph, credited by the outlet or not
        ("本报记者 王明 近日，城区新增三处公园。", "本报记者 王明", ["王明"], "近日，城区新增三处公园。"),
        (
            "极目新闻记者 王明 近日，武汉新增三处公园。",
            "极目新闻记者 王明",
            ["王明"],
            "近日，武汉新增三处公园。",
        ),
        (
            "齐鲁晚报·齐鲁壹点记者 王明 通讯员 李华 近日，济南新增三处公园。",
            "齐鲁晚报·齐鲁壹点记者 王明 通讯员 李华",
            ["王明", "李华"],
            "近日，济南新增三处公园。",
        ),
    ],
)
def test_leads_in_other_papers_styles(paragraph: str, byline: str, authors: list[str], rest: str) -> None:
    lead = split_lead(paragraph)
    assert lead is not None and (lead.byline, lead.authors, lead.rest) == (byline, authors, rest)


def test_an_outlets_reporter_alone_on_a_line_is_no_lead() -> None:
    # a byline line's to read; and 本报记者 is a role, not an outlet 本报 with its reporter
    assert split_lead("极目新闻记者 王明") is None
    assert split_lead("本报记者 王乐文 高炳") is None
    assert split_lead("新闻记者是一个职业。") is None
    # nor before more names, a credit's word, or what a reporter learned
    assert split_lead("本报记者 刘诗瑶 常 钦 余建斌") is None
    assert split_lead("极目新闻记者 王明 摄") is None
    assert split_lead("记者获悉：2月10日起，快递企业陆续复工。") is None
    # 通讯员 is a role: its 讯 closes no dateline (本报冠县讯)
    assert split_lead("本报通讯员 王海") is None
    assert split_lead("本报特约通讯员 王海") is None
    assert split_lead("东江日报社通讯员 王海") is None


def test_a_paper_s_news_is_no_lead_when_讯_opens_a_word() -> None:
    assert split_lead("大众网讯息显示，城区新增三处公园。") is None
    assert split_lead("新闻讯息显示，城区新增三处公园。") is None
    assert split_lead("大众日报聊城讯息显示，城区新增三处公园。") is None
    assert split_lead("晚报联合腾讯上线一款小游戏。") is None  # a company whose name ends in 讯
    # a reporter who is the sentence's subject is no byline
    lead = split_lead("本报讯 记者从市政府获悉，城区新增三处公园。")
    assert lead is not None and (lead.dateline, lead.byline) == ("本报讯", None)


@pytest.mark.parametrize(
    ("paragraph", "dateline", "byline", "authors", "rest"),
    [
        ("【本报讯】近日，城区新增三处公园。", "【本报讯】", None, [], "近日，城区新增三处公园。"),
        ("［本报讯］近日，城区新增三处公园。", "［本报讯］", None, [], "近日，城区新增三处公园。"),
        (
            "【本报讯】（记者 张三）近日，城区新增公园。",
            None,
            "【本报讯】（记者 张三）",
            ["张三"],
            "近日，城区新增公园。",
        ),
        ("据新华社电 近日，城区新增三处公园。", "据新华社电", None, [], "近日，城区新增三处公园。"),
        (
            "据新华社北京5月1日电 近日，城区新增公园。",
            "据新华社北京5月1日电",
            None,
            [],
            "近日，城区新增公园。",
        ),
        (
            "据新华社电（记者王研）近日，城区新增公园。",
            None,
            "据新华社电（记者王研）",
            ["王研"],
            "近日，城区新增公园。",
        ),
        ("新华网消息 近日，城区新增三处公园。", "新华网消息", None, [], "近日，城区新增三处公园。"),
        (
            "央广网北京5月1日消息（记者王明）近日，城区新增公园。",
            None,
            "央广网北京5月1日消息（记者王明）",
            ["王明"],
            "近日，城区新增公园。",
        ),
        # a programme's name in the brackets is no author
        (
            "央视网消息（新闻联播）：近日，城区新增公园。",
            None,
            "央视网消息（新闻联播）",
            [],
            "近日，城区新增公园。",
        ),
        # dates in Chinese numerals, as papers printed them before the 1990s
        (
            "新华社北京十二月三日电 国务院今天召开会议。",
            "新华社北京十二月三日电",
            None,
            [],
            "国务院今天召开会议。",
        ),
        ("本报北京二十一日电 首都今天降雪。", "本报北京二十一日电", None, [], "首都今天降雪。"),
        (
            "本报上海十二月三日电 记者李明报道：上海港吞吐量创新高。",
            None,
            "本报上海十二月三日电 记者李明报道",
            ["李明"],
            "上海港吞吐量创新高。",
        ),
        (
            "新华社杭州十二月二日电 （记者王大明）秦山核电站进展顺利。",
            None,
            "新华社杭州十二月二日电 （记者王大明）",
            ["王大明"],
            "秦山核电站进展顺利。",
        ),
        # the day alone, as wires and Hong Kong papers file; a year; in brackets
        ("新华社北京3日电 国务院今天召开会议。", "新华社北京3日电", None, [], "国务院今天召开会议。"),
        ("新华社北京1985年12月3日电 会议召开。", "新华社北京1985年12月3日电", None, [], "会议召开。"),
        # a wire's news on a day, as papers printed it before the 1980s, an ideographic space after it
        ("新华社一日讯\u3000今天是国庆节。", "新华社一日讯", None, [], "今天是国庆节。"),
        ("新华社北京三十日讯 首都各界集会。", "新华社北京三十日讯", None, [], "首都各界集会。"),
        ("新华社讯 首都各界集会。", "新华社讯", None, [], "首都各界集会。"),
        (
            "【新华社北京３日电】国务院今天召开会议。",
            "【新华社北京３日电】",
            None,
            [],
            "国务院今天召开会议。",
        ),
        # other papers' own news in brackets, as Hong Kong's and Macau's print it
        (
            "【明报专讯】食环署昨日表示，投诉下跌三成。",
            "【明报专讯】",
            None,
            [],
            "食环署昨日表示，投诉下跌三成。",
        ),
        ("【香港商报讯】食环署昨日表示。", "【香港商报讯】", None, [], "食环署昨日表示。"),
        (
            "【大公报讯】记者 王明报道：港铁工程昨日展开。",
            None,
            "【大公报讯】记者 王明报道",
            ["王明"],
            "港铁工程昨日展开。",
        ),
        (
            "（星岛日报报道）天文台预测周末气温下降。",
            "（星岛日报报道）",
            None,
            [],
            "天文台预测周末气温下降。",
        ),
        ("澳门日报消息：新城填海区规划公布。", "澳门日报消息", None, [], "新城填海区规划公布。"),
        ("【本报消息】特区政府昨日宣布新措施。", "【本报消息】", None, [], "特区政府昨日宣布新措施。"),
        # a place and day in brackets, as Malaysia's and Singapore's papers print it; a foreign agency's
        (
            "（吉隆坡3日讯）首相今日宣布调高最低薪金。",
            "（吉隆坡3日讯）",
            None,
            [],
            "首相今日宣布调高最低薪金。",
        ),
        ("（新加坡讯） 交通部昨天宣布新措施。", "（新加坡讯）", None, [], "交通部昨天宣布新措施。"),
        ("【新山2日讯】柔佛州政府宣布。", "【新山2日讯】", None, [], "柔佛州政府宣布。"),
        ("（法新社巴黎2日电）法国总统今日表示。", "（法新社巴黎2日电）", None, [], "法国总统今日表示。"),
    ],
)
def test_bracketed_retold_site_and_wire_datelines(
    paragraph: str, dateline: str | None, byline: str | None, authors: list[str], rest: str
) -> None:
    lead = split_lead(paragraph)
    assert lead is not None and (lead.dateline, lead.byline, lead.authors, lead.rest) == (
        dateline,
        byline,
        authors,
        rest,
    )


@pytest.mark.parametrize(
    "paragraph",
    [
        "据新华社报道，城区新增三处公园。",
        "据中国田径协会消息：队员训练正常。",
        "有网友消息称，城区新增公园。",
    ],
)
def test_according_to_and_news_in_a_sentence_are_no_dateline(paragraph: str) -> None:
    assert split_lead(paragraph) is None


@pytest.mark.parametrize(
    "line",
    [
        "记者：谢谢",  # an interview's question, not a byline
        "本报记者：",
        "张三/文章",
        "上下文/图表",
        "文/图",  # no name
        "院长玛丽·安德森教授日前撰文指出",  # 撰文 opens a byline, never ends a sentence's subject
        "◎ 坚持问题导向",  # a marked crosshead: the mark alone makes no byline
        "▍推动高质量发展",
        "文：今天的天气很好",  # 文： opens a byline only when names follow
        "发自东京",
        "本 版 制 图 ： 张 三",  # a colon after 图 makes a credit only where 图 opens the line
        "摄影：今天的天气很好",
    ],
)
def test_lines_with_a_slash_or_a_bar_that_are_no_byline(line: str) -> None:
    assert parse_byline_line(line) is None


def test_normalisation_helpers() -> None:
    assert split_lines("a\r\nb\rc\nd") == ["a", "b", "c", "d"]
    assert split_lines("\na\n\nb\n") == ["", "a", "", "b", ""]  # LF only: the fast way
    assert normalize_text("\u3000\u3000甲\u00a0乙\u200b丙\x00丁\t戊 ") == "甲 乙丙 丁 戊"


def test_every_character_normalisation_changes_is_unprintable() -> None:
    # normalize_text takes a printable line (no double space) as needing only a strip.
    changed = [chr(point) for point in range(0x110000) if normalize_module._CHANGED_RE.match(chr(point))]
    assert changed and not any(character.isprintable() for character in changed)


def test_empty_and_blank_pages() -> None:
    for text in ["", "\n\n", "\r\n\u3000\r\n", "\x00\x1b"]:
        page = parse_page(text)
        assert page.articles == [] and page.date is None and page.publication is None


def test_issue_date_agency_photo_credit_and_signed_commentary_after_a_caption() -> None:
    page = labelled(
        "人民日报 2024年1月17日 星期三 第4版\r\n要闻\r\n\r\n"
        "我国冬小麦长势总体良好\r\n"
        "\u3000\u3000新华社北京1月16日电（记者 李明 王芳）农业农村部16日发布消息，冬小麦长势良好。\r\n"
        "\u3000\u3000据介绍，今年各地加强田间管理。\r\n\r\n"
        "\u3000\u30001月15日，河北省某县农民在大棚内管护蔬菜。\r\n"
        "\u3000\u3000新华社记者 王晓 摄\r\n\r\n"
        "提升城市治理精细化水平\r\n"
        "\u3000\u3000张 三\r\n"
        "\u3000\u3000城市治理是国家治理体系的重要组成部分。近年来，各地不断探索。\r\n"
        "\u3000\u3000（作者为某大学公共管理学院教授）\r\n",
        "F F _ T B B _ CAP BY _ T BY B CR _",
    )
    assert (page.publication, page.section, page.date) == ("人民日报", "要闻", "2024-01-17")
    news, photo, comment = page.articles
    assert news.title == "我国冬小麦长势总体良好" and news.authors == ["李明", "王芳"]
    assert news.date == "2024-01-16"
    assert photo.kind == "photo" and photo.title is None
    assert photo.byline == "新华社记者 王晓 摄" and photo.authors == ["王晓"]
    assert photo.paragraphs == ["1月15日，河北省某县农民在大棚内管护蔬菜。"]
    assert comment.title == "提升城市治理精细化水平"
    assert (comment.kind, comment.byline, comment.authors) == ("commentary", "张 三", ["张三"])
    assert comment.paragraphs[0].startswith("城市治理是")
    assert (comment.line_start, comment.line_end) == (11, 14)


def test_agencies_and_roles_are_never_authors() -> None:
    assert parse_byline_line("新华社记者 王晓 摄") == ("新华社记者 王晓 摄", ["王晓"])
    assert parse_byline_line("人民日报记者 赵六 摄") == ("人民日报记者 赵六 摄", ["赵六"])
    assert names_in("中新社记者 李四") == ["李四"]
    assert names_in("文/图 本报记者 张三 实习生 李四") == ["张三", "李四"]
    assert parse_end_credit("（作者为某大学公共管理学院教授）") == ("（作者为某大学公共管理学院教授）", [])


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("中国青年报·中青网记者 王林 通讯员 赵雪", ["王林", "赵雪"]),  # a known paper, its site after the dot
        ("中国青年报·中青网见习记者 孙悦", ["孙悦"]),
        ("本报评论员 李红", ["李红"]),  # a commentator, named
        ("□本报特约评论员 张晓明", ["张晓明"]),
        ("评论员 王五", ["王五"]),
    ],
)
def test_a_paper_with_its_site_and_a_named_commentator_are_bylines(line: str, names: list[str]) -> None:
    assert parse_byline_line(line) == (line, names)
    assert names_a_reporter(line)


@pytest.mark.parametrize(
    "line", ["评论员观察", "（评论员观察）", "本报评论员李红", "网络评论员如何", "中国青年报·"]
)
def test_a_column_named_for_commentators_is_no_byline(line: str) -> None:
    assert parse_byline_line(line) is None
    assert parse_end_credit(line) is None


def test_a_named_commentators_line_read_as_a_headline_signs_the_piece() -> None:
    page = labelled(
        "莫让“指尖负担”压垮基层\n□本报评论员 李红\n\u3000\u3000一些地方政务应用程序过多过滥，基层干部疲于应付。\n",
        "T T B _",
    )
    assert [(a.title, a.byline, a.authors, a.kind) for a in page.articles] == [
        ("莫让“指尖负担”压垮基层", "□本报评论员 李红", ["李红"], "commentary")
    ]


def test_brand_prefixed_bylines_under_a_headline() -> None:
    # A paper or app brand before the role words is an organisation, never an author.
    cases = {
        "齐鲁晚报·齐鲁壹点 记者 刘晓 通讯员 陈明": ["刘晓", "陈明"],
        "齐鲁晚报·齐鲁壹点记者 刘晓": ["刘晓"],
        "大众新闻记者 王军": ["王军"],
        "本报全媒体记者 赵雪 实习生 孙悦": ["赵雪", "孙悦"],
        "融媒体记者 李明": ["李明"],
        "文/片 记者 周峰": ["周峰"],
    }
    for line, names in cases.items():
        assert parse_byline_line(line) == (line, names), line
    # A brand alone, or a brand before a phrase that is not a name, is no byline.
    assert parse_byline_line("齐鲁晚报·齐鲁壹点") is None
    assert parse_byline_line("大众新闻记者节特别报道活动") is None
    page = labelled(
        "泉城公园春花次第开放\n齐鲁晚报·齐鲁壹点 记者 刘晓 通讯员 陈明\n\n"
        "3月4日，记者在泉城公园看到，迎春花已经开放。\n\n"
        "小区停车难有了新解法\n文/片 记者 周峰\n\n针对停车难问题，历下区试点共享停车。\n",
        "T BY _ B _ T BY _ B _",
    )
    first, second = page.articles
    assert (first.title, first.subtitle) == ("泉城公园春花次第开放", None)
    assert first.byline == "齐鲁晚报·齐鲁壹点 记者 刘晓 通讯员 陈明"
    assert first.authors == ["刘晓", "陈明"]
    assert first.paragraphs == ["3月4日，记者在泉城公园看到，迎春花已经开放。"]
    assert (second.title, second.byline, second.authors) == (
        "小区停车难有了新解法",
        "文/片 记者 周峰",
        ["周峰"],
    )


def test_signed_commentary_with_the_name_between_blank_lines() -> None:
    text = (
        "提升城市治理精细化水平\n\n\u3000\u3000张 三\n\n"
        "\u3000\u3000城市治理是国家治理体系的重要组成部分。近年来，各地不断探索。\n"
        "\u3000\u3000（作者为某大学公共管理学院教授）\n"
    )
    (article,) = labelled(text, "T _ BY _ B CR _").articles
    assert (article.title, article.subtitle) == ("提升城市治理精细化水平", None)
    assert (article.byline, article.authors, article.kind) == ("张 三", ["张三"], "commentary")
    # The author note is kept, as the last paragraph of the piece.
    assert article.paragraphs == [
        "城市治理是国家治理体系的重要组成部分。近年来，各地不断探索。",
        "（作者为某大学公共管理学院教授）",
    ]
    # Unspaced, the name is certain only because the piece closes with an author note.
    unspaced = labelled(text.replace("张 三", "张三"), "T _ BY _ B CR _").articles[0]
    assert (unspaced.byline, unspaced.authors, unspaced.subtitle) == ("张三", ["张三"], None)
    # A two-character line under a headline that the labeller keeps in the headline is its wrap.
    plain = labelled(
        "全市迎来入夏首轮\n\n高温\n\n气象台预计，本周最高气温将达38℃，请市民注意防暑。\n", "T _ T _ B _"
    ).articles[0]
    assert (plain.title, plain.byline, plain.authors) == ("全市迎来入夏首轮高温", None, [])


def test_short_county_masthead_electronic_wire_masthead_and_markdown_masthead() -> None:
    county = labelled(
        "莘县报\n2023年7月12日 星期三 第2版\n\n蔬菜产业带动农民增收\n本报讯（记者 樊磊）今年以来，全县蔬菜大棚增加。\n",
        "F F _ T B _",
    )
    assert (county.publication, county.date) == ("莘县报", "2023-07-12")
    assert [a.title for a in county.articles] == ["蔬菜产业带动农民增收"]
    # A short 报 line is a masthead only over a date line: here it is a headline.
    notice = labelled("工作通报\n\n本报讯（记者 樊磊）今年以来，全县蔬菜大棚增加。\n", "T _ B _")
    assert notice.publication is None and notice.articles[0].title == "工作通报"
    wire = labelled(
        "东江都市日报 2024年3月5日 星期二 第3版\n\n国内新闻\n\n某会议在京开幕\n新华社北京3月4日电 会议4日开幕。\n",
        "F _ F _ T B _",
    )
    assert (wire.publication, wire.date, wire.section) == ("东江都市日报", "2024-03-05", "国内新闻")
    assert wire.articles[0].title == "某会议在京开幕"
    markdown = labelled(
        "# 东昌日报\n\n2023年5月16日 星期二 第3版\n\n## 社会民生\n\n**夜间延时服务让办事更便利**\n\n本报讯（记者 苗青）自本月起，服务时间延长。\n",
        "F _ F _ F _ T _ B _",
    )
    assert (markdown.publication, markdown.date, markdown.section) == ("东昌日报", "2023-05-16", "社会民生")
    assert [a.title for a in markdown.articles] == ["夜间延时服务让办事更便利"]


def test_markdown_quotes_lists_and_rules_lose_their_markers() -> None:
    page = labelled(
        "**城区新增口袋公园15处**\n\n□ 记者 苗青\n\n今年以来，城区新建口袋公园15处。\n\n"
        "> “出门就能进公园。”市民说。\n\n主要特点：\n\n- 因地制宜，小而精美；\n- 全天免费开放。\n\n---\n\n- 8 -\n",
        "T _ BY _ B _ B _ B _ B B _ B _ F _",
    )
    (article,) = page.articles
    assert article.paragraphs == [
        "今年以来，城区新建口袋公园15处。",
        "“出门就能进公园。”市民说。",
        "主要特点：",
        "因地制宜，小而精美；",
        "全天免费开放。",
    ]
    markers = [(d.text, d.line) for d in page.dropped if d.reason == "markdown-marker"]
    assert markers == [("**", 1), (">", 7), ("-", 11), ("-", 12), ("---", 14)]
    assert Dropped("- 8 -", "page-furniture", 16) in page.dropped


def test_hard_wrapped_page_never_joins_the_masthead_line_to_the_headline() -> None:
    body = "本报讯（记者 韩冰）10月9日，我市老旧供水管网改造工程全面启\n动，计划改造管网120公里，涉及居民小区86个，项目建成\n后将有效解决部分小区水压不足、水质浑浊等问题，惠及居\n民三万余户。\n"
    page = labelled(
        "东昌晚报 2023年10月10日 星期二 农历九月廿六 第2版\n老旧管网改造工程全面启动\n" + body * 3,
        "F T B B B B B B B B B B B B _",
    )
    assert page.publication == "东昌晚报" and page.date == "2023-10-10"
    assert page.articles[0].title == "老旧管网改造工程全面启动"


def test_wire_end_marks_are_dropped_and_close_the_story() -> None:
    page = labelled(
        "某会议在京开幕\n新华社北京3月4日电 会议4日下午开幕。\n会议听取了工作报告。（完）\n\n"
        "春运收官\n新华社记者 叶昊鸣\n新华社北京3月4日电 春运落下帷幕。\n（完）\n",
        "T B B _ T BY B B _",
    )
    first, second = page.articles
    assert first.paragraphs == ["会议4日下午开幕。", "会议听取了工作报告。"]
    assert (second.title, second.byline, second.paragraphs) == (
        "春运收官",
        "新华社记者 叶昊鸣",
        ["春运落下帷幕。"],
    )
    assert [(d.text, d.line) for d in page.dropped if d.reason == "end-mark"] == [
        ("（完）", 3),
        ("（完）", 8),
    ]


def test_captions_closed_by_an_inline_photo_credit() -> None:
    page = labelled(
        "聊城影像\n\n春耕时节农事忙\n3月20日，农民驾驶农机进行春播作业。 记者 张晨 摄\n\n"
        "3月19日，工人在大棚内采摘黄瓜。记者 石磊 摄\n\n"
        "古城夜色\n夜幕降临，古城华灯初上。\n本报记者 张晨 摄\n",
        "K _ T CAP _ CAP _ T CAP CR _",
    )
    assert [(a.title, a.byline, a.authors, a.column, a.kind) for a in page.articles] == [
        ("春耕时节农事忙", "记者 张晨 摄", ["张晨"], "聊城影像", "photo"),
        (None, "记者 石磊 摄", ["石磊"], "聊城影像", "photo"),
        ("古城夜色", "本报记者 张晨 摄", ["张晨"], "聊城影像", "photo"),
    ]
    assert page.articles[0].paragraphs == ["3月20日，农民驾驶农机进行春播作业。"]
    # 摄 inside a sentence, or a credit that is not a byline, stays body text.
    (news,) = labelled(
        "市民踊跃参加摄影大赛\n\n本报讯（记者 王华）作品由专业评委评审。获奖作品将公开展出，欢迎市民前去观摩拍摄\n",
        "T _ B _",
    ).articles
    assert news.byline == "本报讯（记者 王华）" and news.kind == "news"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # A caption that ends no sentence, its credit set apart by a space or a bracket.
        ("工人在换热站检修设备 本报记者 王刚摄", ("工人在换热站检修设备", "本报记者 王刚摄", ["王刚"])),
        ("工人在换热站检修设备 王刚摄", ("工人在换热站检修设备", "王刚摄", ["王刚"])),
        ("工人在换热站检修设备（王刚 摄）", ("工人在换热站检修设备", "（王刚 摄）", ["王刚"])),
        ("市民在公园游玩 张三 李四 摄", ("市民在公园游玩", "张三 李四 摄", ["张三", "李四"])),
        ("工人检修设备 新华社记者 王刚 摄", ("工人检修设备", "新华社记者 王刚 摄", ["王刚"])),
        # After a finished sentence, as before.
        ("农民进行春播作业。 记者 张晨 摄", ("农民进行春播作业。", "记者 张晨 摄", ["张晨"])),
        # A credit alone, whatever its spacing, is no caption with a credit.
        ("本报记者 王刚摄", None),
        ("本报记者 王刚 李强 摄", None),
        ("新华社记者 王刚 摄", None),
        # A caption's own words are no photographer: 拍摄 and 航拍 are verbs, and a line spaced out
        # letter by letter is cut nowhere inside a word.
        ("就可以用于普通 的雪景拍摄", None),
        ("城区新貌 无人机航拍摄", None),
        ("新 华 社 记 者   江 宏 景 摄", None),
        # A label too short to describe a picture.
        ("设备 王刚摄", None),
    ],
)
def test_photo_credit_set_apart_from_a_caption(
    line: str, expected: tuple[str, str, list[str]] | None
) -> None:
    assert split_photo_credit(line) == expected


def test_a_captioned_photo_between_stories_is_no_headline_of_the_next() -> None:
    # The labeller read the caption as the next story's kicker: its credit says it is a picture's.
    page = labelled(
        "冬季供暖全面启动\n\n\u3000\u3000本报讯（记者 孙丽）城区集中供暖全面启动。\n\n"
        "工人在换热站检修设备 本报记者 王刚摄\n乡村夜校开课了\n\n"
        "\u3000\u3000本报讯（记者 赵敏）冬闲时节，夜校陆续开课。\n",
        "T _ B _ K T _ B _",
    )
    assert [(a.kicker, a.title, a.byline, a.kind) for a in page.articles] == [
        (None, "冬季供暖全面启动", "本报讯（记者 孙丽）", "news"),
        (None, None, "本报记者 王刚摄", "photo"),
        (None, "乡村夜校开课了", "本报讯（记者 赵敏）", "news"),
    ]
    assert page.articles[1].paragraphs == ["工人在换热站检修设备"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("王明远摄（新华社发）", ("王明远摄（新华社发）", ["王明远"])),
        ("记者 王明 摄（资料图）", ("记者 王明 摄（资料图）", ["王明"])),
        ("赵丽 钱军摄影报道（东湖图片社）", ("赵丽 钱军摄影报道（东湖图片社）", ["赵丽", "钱军"])),
        ("王明远摄", None),  # no source: parse_byline_line reads it
        ("（王明远 摄）", None),  # a credit in brackets
        ("城区新貌（资料图）", None),  # a caption's words and a source: no photographer
    ],
)
def test_a_photo_credit_with_its_pictures_source_after_it(
    line: str, expected: tuple[str, list[str]] | None
) -> None:
    assert parse_photo_credit(line) == expected


_SOURCED_CREDIT_PAGE = """\
东湖湿地迎来候鸟
图为候鸟在东湖湿地觅食。
{credit}
东湖新区建成三座口袋公园
本报讯（记者 李华）近日，东湖新区三座口袋公园建成开放。"""


@pytest.mark.parametrize(
    ("credit", "codes"),
    [
        ("王明远摄（新华社发）", "T CAP CR T B"),  # read as a credit
        ("王明远摄（新华社发）", "T CAP T S B"),  # as the next story's headline over its subtitle
        ("王明远 摄（资料图）", "T CAP K T B"),  # as its kicker
    ],
)
def test_a_photo_credit_with_its_pictures_source_closes_the_picture_and_credits_its_photographer(
    credit: str, codes: str
) -> None:
    page = labelled(_SOURCED_CREDIT_PAGE.format(credit=credit), codes)
    assert [(a.kicker, a.title, a.subtitle, a.byline, a.authors) for a in page.articles] == [
        (None, "东湖湿地迎来候鸟", None, credit, ["王明远"]),
        (None, "东湖新区建成三座口袋公园", None, "本报讯（记者 李华）", ["李华"]),
    ]


@pytest.mark.parametrize("clause", ["在植树节到来之际", "值此建市四十周年前夕", "当第一缕阳光照进东湖时"])
@pytest.mark.parametrize("gap", ["\n", "\n\n"])  # a double-spaced page: a blank line between
def test_a_clause_of_time_over_a_headline_is_its_kicker(clause: str, gap: str) -> None:
    # The labeller read the clause as the headline and the headline under it as the subtitle (the
    # corpus's paper sets such a clause under its headline, as the subtitle).
    text = f"{clause}{gap}全市干部群众参加义务植树{gap}本报讯（记者 王明远）近日，全市干部群众参加义务植树。"
    page = labelled(text, "T S B" if gap == "\n" else "T _ S _ B")
    assert [(a.kicker, a.title, a.subtitle) for a in page.articles] == [
        (clause, "全市干部群众参加义务植树", None)
    ]


@pytest.mark.parametrize("gap", ["\n", "\n\n"])  # a double-spaced page: a blank line between
def test_a_headline_of_two_matched_halves_over_two_lines_under_a_kicker_is_one_headline(gap: str) -> None:
    # A front page prints its headline's two halves one over the other, in the same type; the
    # labeller read the second half as the subtitle (the corpus's paper prints the halves on one
    # line, a space between them).
    text = (
        f"市委常委会召开扩大会议强调{gap}坚定信心真抓实干{gap}奋力开创发展新局面{gap}"
        "本报讯（记者 王明远）3月11日，市委常委会召开扩大会议。"
    )
    for read in ("K T S B", "K K T B"):  # the second half as the subtitle, or the first as the kicker's
        page = labelled(text, read if gap == "\n" else read.replace(" ", " _ "))
        assert [(a.kicker, a.title, a.subtitle) for a in page.articles] == [
            ("市委常委会召开扩大会议强调", "坚定信心真抓实干奋力开创发展新局面", None)
        ]


def test_a_supplements_poem_and_essay_each_under_its_title_and_writers_name_are_pieces_of_their_own() -> None:
    # The labeller read each title and the writer's name alone under it as text (the poem's
    # title, under the page's head, as furniture): the page came out as one piece.
    text = (
        "东昌日报 2026年3月12日 星期四 第8版 副刊\n\n"
        "春天的河\n王青青\n\n河水醒了\n冰层下的声音\n像母亲在厨房里\n轻轻哼着的歌\n\n"
        "故乡的年味\n李明\n"
        "\u3000\u3000小时候，过年是从腊月二十三开始的。那一天，母亲要把屋子打扫一遍。\n"
        "\u3000\u3000如今，我离开故乡已经二十年了，每到年关总会想起那条土路。"
    )
    page = labelled(text, "F _ F B _ B B B B _ B B B B")
    assert [(a.title, a.byline, a.authors, a.paragraphs[0]) for a in page.articles] == [
        ("春天的河", "王青青", ["王青青"], "河水醒了"),
        ("故乡的年味", "李明", ["李明"], "小时候，过年是从腊月二十三开始的。那一天，母亲要把屋子打扫一遍。"),
    ]


@pytest.mark.parametrize(
    "title",
    [
        "关于东湖新区B-12地块规划调整的公示",
        "关于2025年全市预算执行情况的报告（摘要）",
        "关于《东湖市物业管理条例》的说明",
    ],
)
def test_an_official_documents_title_under_its_issuer_is_the_headline(title: str) -> None:
    # The issuer's line over the document's title (关于…的公示) was read as the headline, the title
    # as its subtitle.
    text = f"东湖市自然资源和规划局\n{title}\n\u3000\u3000根据有关规定，现将有关事项予以公布。"
    page = labelled(text, "T S B")
    assert [(a.kicker, a.title, a.subtitle) for a in page.articles] == [
        ("东湖市自然资源和规划局", title, None)
    ]


@pytest.mark.parametrize("gap", ["\n", "\n\n"])  # a double-spaced page: a blank line between
def test_a_headline_a_column_broke_before_its_last_words_is_one_headline(gap: str) -> None:
    # The labeller read the long first line as the kicker and the last words as the headline.
    text = (
        f"东湖区推行老旧小区改造菜单式服务让居民{gap}自己点单{gap}"
        "本报讯（记者 孙丽）东湖区今年推行老旧小区改造“菜单式”服务。"
    )
    page = labelled(text, "K T B" if gap == "\n" else "K _ T _ B")
    assert [(a.kicker, a.title) for a in page.articles] == [
        (None, "东湖区推行老旧小区改造菜单式服务让居民自己点单")
    ]


def test_a_reporters_line_a_narrow_column_cut_before_the_name_is_the_storys_byline() -> None:
    # 本报记者 / 刘明, both read as text: they were the story's first two paragraphs.
    text = (
        "给劳模建一个家\n——东湖劳模馆开馆十年记\n本报记者\n刘明\n"
        "\u3000\u3000东湖劳模馆今年迎来开馆十周年。\n\u3000\u3000十年前，纪念馆在东湖落成。"
    )
    (story,) = labelled(text, "T S B B B B").articles
    assert (story.title, story.byline, story.authors, story.paragraphs[0]) == (
        "给劳模建一个家",
        "本报记者 刘明",
        ["刘明"],
        "东湖劳模馆今年迎来开馆十周年。",
    )


@pytest.mark.parametrize(
    "head",
    [
        "东昌日报 2020年3月12日 第5版 编辑：王明",
        "东昌日报 2020年3月12日 星期四",
        "要闻 2020年3月12日 责任编辑：王明",
    ],
)
def test_a_headline_right_under_the_pages_head_over_a_lead_is_no_furniture(head: str) -> None:
    # A page of one short story (a brief cut out of a page): the labeller read its headline, right
    # under the page's head, as furniture too; a headline right under a line was taken for a
    # piece a wrap cut off that line, which a whole page head is not.
    page = labelled(
        f"{head}\n春耕备耕正当时\n本报讯（记者 王青）近日，东昌府区各乡镇组织农民开展春耕备耕。", "F F B"
    )
    assert [(a.title, a.authors) for a in page.articles] == [("春耕备耕正当时", ["王青"])]
    assert page.date == "2020-03-12"


@pytest.mark.parametrize(
    ("meta", "rest", "codes"),
    [
        ("（ 2026-05-01 ） 稿件来源：东江都", "市日报 要闻", "T F _ T BY B"),  # the rest read as a headline
        ("（ 2026-05-01 ） 稿件来源：东江都", "市日报 要闻", "T F _ F BY B"),  # ... as furniture
        ("（ 2026-05-01 ） 稿件来源", "：东江都市日报 要闻", "T F _ T BY B"),  # cut before the colon
        # spaced out letter by letter, as a PDF of the web page extracts the meta line
        ("（ 2 0 2 6 - 0 5 - 0 1 ） 稿 件 来 源 ： 东 江 都", "市日报 要闻", "T F _ T BY B"),
        ("（ 2 0 2 6 - 0 5 - 0 1 ） 稿 件 来 源 ： 东 江 都", "市 日 报 要 闻", "T F _ T BY B"),
    ],
)
def test_the_rest_a_wrap_cut_off_a_meta_lines_source_is_furniture_across_a_blank_line(
    meta: str, rest: str, codes: str
) -> None:
    # A web copy's meta line under its headline, cut inside the paper's name by a hard wrap with a
    # blank line after the cut: the rest, over the byline, read as the next story's headline.
    text = (
        f"东江新区建成三座口袋公园\n{meta}\n\n{rest}\n本报记者 王明远\n近日，东江新区三座口袋公园建成开放。"
    )
    page = labelled(text, codes)
    assert [(a.title, a.byline) for a in page.articles] == [("东江新区建成三座口袋公园", "本报记者 王明远")]
    assert [d.text for d in page.dropped] == [meta, rest]


@pytest.mark.parametrize(
    ("section", "under", "codes"),
    [
        ("焦点", "本报记者 王明远", "T F _ T BY B"),  # a word a name could be, over the reporter's line
        ("国际", "本报记者 王明远", "T F _ T BY B"),
        ("国际", "本报讯 近日，东江新区三座口袋公园建成开放。", "T F _ T B B"),  # a section by its name
        ("国 际", "本报记者 王明远", "T F _ T BY B"),  # spaced out, as a PDF extracts it
    ],
)
def test_the_section_a_wrap_cut_off_after_a_meta_lines_paper_is_furniture(
    section: str, under: str, codes: str
) -> None:
    # A web copy's meta line under its headline, cut by a hard wrap right after the paper's name,
    # with a blank line after the cut: the section's name alone, over the byline or the lead, read
    # as the next story's headline.
    meta = "（ 2026-05-01 ） 稿件来源：东江都市日报"
    text = f"东江新区建成三座口袋公园\n{meta}\n\n{section}\n{under}\n区园林局负责人说，明年还将增建八座。"
    page = labelled(text, codes)
    assert [a.title for a in page.articles] == ["东江新区建成三座口袋公园"]
    assert [d.text for d in page.dropped][:2] == [meta, section]


@pytest.mark.parametrize("note", ["【编者按】", "编者按：", "［编者的话］", "（编者注）"])
def test_the_lead_under_an_editors_note_gives_the_byline(note: str) -> None:
    page = labelled(
        f"守护一方碧水\n\n{note}一群普通人十年守护一段河道。本报推出系列报道。\n\n"
        "\u3000\u3000本报讯（记者 张华）清晨六点，巡护员老刘已经走了三公里。\n\u3000\u3000“河好了。”老刘说。\n",
        "T _ B _ B B _",
    )
    (story,) = page.articles
    assert (story.byline, story.authors) == ("本报讯（记者 张华）", ["张华"])
    assert story.paragraphs == [
        f"{note}一群普通人十年守护一段河道。本报推出系列报道。",
        "清晨六点，巡护员老刘已经走了三公里。",
        "“河好了。”老刘说。",
    ]
    # A lead under a paragraph of the story's own is text: only an editor's note stands over one.
    (story,) = labelled(
        "守护一方碧水\n\n一群普通人十年守护一段河道。\n\u3000\u3000本报讯（记者 张华）清晨六点。\n",
        "T _ B B _",
    ).articles
    assert story.byline is None and story.paragraphs[1].startswith("本报讯")


_NOTED_STORY = "西山县：小山村变身网红打卡地\n本报记者 赵敏\n\u3000\u3000初冬的柳河村，游客络绎不绝。\n"


def test_an_editors_note_between_two_stories_opens_the_second() -> None:
    # A note stands over the story it introduces: after a story's text it is the next one's.
    page = labelled(
        "社区食堂为何叫好不叫座\n\n\u3000\u3000中午的社区食堂里坐满了老人。\n\n"
        f"编者按：本报今起推出系列报道。\n\n{_NOTED_STORY}",
        "T _ B _ B _ T BY B _",
    )
    assert [(a.title, a.paragraphs, a.line_start) for a in page.articles] == [
        ("社区食堂为何叫好不叫座", ["中午的社区食堂里坐满了老人。"], 1),
        (
            "西山县：小山村变身网红打卡地",
            ["编者按：本报今起推出系列报道。", "初冬的柳河村，游客络绎不绝。"],
            5,
        ),
    ]


def test_an_editors_note_over_the_pages_first_headline_is_that_storys() -> None:
    # two paragraphs of the note, the second under another of its labels: one note
    page = labelled(
        f"编者按：本报今起推出系列报道。\n核心提示：柳河村三年变了样。\n\n{_NOTED_STORY}", "B B _ T BY B _"
    )
    (story,) = page.articles
    assert (story.title, story.byline, story.line_start) == (
        "西山县：小山村变身网红打卡地",
        "本报记者 赵敏",
        1,
    )
    assert story.paragraphs == [
        "编者按：本报今起推出系列报道。",
        "核心提示：柳河村三年变了样。",
        "初冬的柳河村，游客络绎不绝。",
    ]


def test_a_headline_under_a_headed_editors_note_heads_a_story_of_its_own() -> None:
    # a series' headline over its note, then its first part's headline: the note keeps to its own
    page = labelled(f"走基层·看变化\n编者按：本报今起推出系列报道。\n\n{_NOTED_STORY}", "T B _ T BY B _")
    assert [(a.title, a.paragraphs) for a in page.articles] == [
        ("走基层·看变化", ["编者按：本报今起推出系列报道。"]),
        ("西山县：小山村变身网红打卡地", ["初冬的柳河村，游客络绎不绝。"]),
    ]


def test_a_paragraph_that_only_opens_like_an_editors_note_stays_in_its_story() -> None:
    page = labelled(
        f"社区食堂为何叫好不叫座\n\u3000\u3000中午的食堂里坐满了老人。\n\u3000\u3000编者按照惯例回访了这些老人。\n\n{_NOTED_STORY}",
        "T B B _ T BY B _",
    )
    assert [len(a.paragraphs) for a in page.articles] == [2, 1]


@pytest.mark.parametrize(
    ("headline", "title", "marks"),
    [
        ("【东湖夜市今晚开市】", "东湖夜市今晚开市", ["【】"]),
        ("[东湖夜市今晚开市]", "东湖夜市今晚开市", ["[]"]),
        ("〖东湖夜市今晚开市〗", "东湖夜市今晚开市", ["〖〗"]),
        ("【东湖】夜市今晚【开市】", "【东湖】夜市今晚【开市】", []),  # brackets of its words
        ("【东湖夜市今晚开市", "【东湖夜市今晚开市", []),  # not closed
        ("【】", "【】", []),
    ],
)
def test_brackets_set_around_a_whole_headline_are_dropped(
    headline: str, title: str, marks: list[str]
) -> None:
    page = labelled(f"{headline}\n\u3000\u3000本报讯（记者 赵敏）东湖夜市将于今晚正式开市。\n", "T B _")
    assert [a.title for a in page.articles] == [title]
    assert [d.text for d in page.dropped if d.reason == "headline-mark"] == marks


def test_brackets_set_around_a_subtitle_are_dropped_and_a_kickers_tag_keeps_its_own() -> None:
    (story,) = labelled(
        "【民生】\n东湖夜市今晚开市\n［首批120个摊位免费申领］\n\u3000\u3000本报讯 东湖夜市将于今晚正式开市。\n",
        "K T S B _",
    ).articles
    assert (story.kicker, story.title, story.subtitle) == (
        "【民生】",
        "东湖夜市今晚开市",
        "首批120个摊位免费申领",
    )


def test_a_headline_line_opening_with_a_dash_is_the_subtitle() -> None:
    # The labeller read the 副题 as the headline's second line.
    page = labelled(
        "让老旧小区“旧貌换新颜”\n——访市住建局局长刘海涛\n\n本报记者 陈静\n\n"
        "\u3000\u3000今年，我市计划改造老旧小区86个。\n",
        "T T _ BY _ B _",
    )
    (story,) = page.articles
    assert (story.title, story.subtitle) == ("让老旧小区“旧貌换新颜”", "——访市住建局局长刘海涛")
    # A dash inside the headline's open bracket is its own, wrapped onto the next line.
    (story,) = labelled(
        "奋力开创新局面（在新思想指引下\n——新时代新作为新篇章）\n\u3000\u3000今年，全省脱贫人口过百万。\n",
        "T T B _",
    ).articles
    assert (story.title, story.subtitle) == ("奋力开创新局面（在新思想指引下——新时代新作为新篇章）", None)
    (story,) = labelled(
        "奋力开创新局面（在新\n思想指引下\n——新时代新作为新篇章）\n\u3000\u3000今年，全省脱贫人口过百万。\n",
        "T T T B _",
    ).articles
    assert (story.title, story.subtitle) == ("奋力开创新局面（在新思想指引下——新时代新作为新篇章）", None)


def test_a_caption_read_as_a_marked_headline_stays_with_its_story() -> None:
    # The labeller took the caption for a headline marked ▲, and the next headline for its subtitle.
    page = labelled(
        "菜市场里的“智慧秤”\n\n\u3000\u3000走进城南农贸市场，每个摊位前都摆着一台“智慧秤”。\n\n"
        "▲市民在农贸市场使用智慧秤购物。\n\n城区新增公共停车泊位1200个\n\n"
        "\u3000\u3000本报讯（记者 马晓）今年以来，城区新建停车场9处。\n",
        "T _ B _ T _ S _ B _",
    )
    assert [(a.title, a.subtitle, a.paragraphs) for a in page.articles] == [
        (
            "菜市场里的“智慧秤”",
            None,
            ["走进城南农贸市场，每个摊位前都摆着一台“智慧秤”。", "▲市民在农贸市场使用智慧秤购物。"],
        ),
        ("城区新增公共停车泊位1200个", None, ["今年以来，城区新建停车场9处。"]),
    ]
    # A headline marked ▲ ends no sentence: it stays a headline.
    (story,) = labelled(
        "▲城区新增公共停车泊位\n\u3000\u3000今年以来，城区新建停车场9处。\n", "T B _"
    ).articles
    assert story.title == "城区新增公共停车泊位"


def test_a_notices_headline_read_as_text_starts_the_notice() -> None:
    page = labelled(
        "AI赋能 “智”造升级\n\n\u3000\u3000本报讯（记者 王磊）机械臂有序作业，AGV小车来回穿梭。\n\n"
        "关于2026年度市级文明单位拟表彰名单的公示\n\n"
        "\u3000\u3000经推荐、考核，拟表彰以下单位为2026年度市级文明单位，现予公示。\n",
        "T _ B _ B _ B _",
    )
    assert [(a.title, a.kind) for a in page.articles] == [
        ("AI赋能 “智”造升级", "news"),
        ("关于2026年度市级文明单位拟表彰名单的公示", "notice"),
    ]


def test_a_classified_ads_headlines_under_ads_that_close_with_a_number_start_each_ad() -> None:
    # an ad closes with its telephone number, no full stop: a blank line sets the next one apart
    page = labelled(
        "招聘启事\n\u3000\u3000某科技公司招聘软件工程师5名。\n\u3000\u3000联系电话：0635-1234567\n\n"
        "房屋出租\n\u3000\u3000东湖路临街商铺出租，有意者面谈。电话：13800000000\n\n"
        "讣告\n\u3000\u3000退休教师王明同志因病逝世，享年86岁。\n",
        "B B B _ B B _ B B _",
    )
    assert [(a.title, len(a.paragraphs), a.kind) for a in page.articles] == [
        ("招聘启事", 2, "notice"),
        ("房屋出租", 1, "notice"),
        ("讣告", 1, "notice"),
    ]


def test_a_notices_headline_set_apart_under_its_issuer_read_as_a_headline_joins_it() -> None:
    (notice,) = labelled(
        "东湖区人民政府\n\n关于征收土地的公告\n\u3000\u3000经研究决定，征收土地。\n", "T _ B B _"
    ).articles
    assert (notice.title, notice.paragraphs, notice.kind) == (
        "东湖区人民政府关于征收土地的公告",
        ["经研究决定，征收土地。"],
        "notice",
    )


def test_a_line_naming_a_notice_under_a_readers_signature_stays_text() -> None:
    # a round-up of readers' letters: the corpus keys the next letter's heading as text
    page = labelled(
        "读者来信\n\u3000\u3000小区路灯坏了半年没人修。\n\u3000\u3000东江市东湖区 读者 王建国\n\n"
        "\u3000\u3000公交站牌信息要及时更正\n\u3000\u3000近日，有读者反映站牌上的线路信息有误。\n",
        "T B B _ B B _",
    )
    assert [a.title for a in page.articles] == ["读者来信"]


def test_a_long_sentence_ending_like_a_notice_on_a_page_without_punctuation_stays_text() -> None:
    # no punctuation anywhere: the line set apart is a sentence, …得出的宝贵启示, not an ad's heading
    page = labelled(
        "西山县推进乡村全面振兴\n\n\u3000\u3000乡村要振兴产业必先行西山县立足资源禀赋\n\n"
        "\u3000\u3000坚持发展草莓和蔬菜大棚是西山县多年探索得出的宝贵启示\n"
        "\u3000\u3000今年以来全县新建蔬菜大棚三百余个带动农户增收\n",
        "T _ B _ B B _",
    )
    assert [a.title for a in page.articles] == ["西山县推进乡村全面振兴"]


def test_a_hard_wraps_piece_that_ends_naming_a_notice_under_a_full_piece_stays_text() -> None:
    # blank lines between a wrapped paragraph's pieces: the piece under a full one goes on from it
    full = "东湖区人社局今年将组织多场线下"
    lines = [full] * 8 + ["大型招聘", "会，提供岗位两千余个。"]
    page = labelled("\n\n".join(lines) + "\n", " ".join(["B", "_"] * 10))
    (story,) = page.articles
    assert story.title is None and story.kind != "notice"


@pytest.mark.parametrize(
    "middle",
    [
        # a crosshead with a clause mark
        "\u3000\u3000本报讯（记者 王磊）招聘会昨日开幕。\n推进线上服务，组织直播带岗",
        # a subtitle's dash
        "\u3000\u3000本报讯（记者 王磊）招聘会昨日开幕。\n——致全市志愿者的一封信",
        # a paragraph's wrapped line, under its unfinished first line
        "\u3000\u3000本报讯（记者 王磊）市人社局近日印发\n关于做好春季招聘工作的通知",
        # indented as a paragraph, but with no blank line between it and the unfinished sentence
        "\u3000\u3000本报讯（记者 王磊）市人社局近日印发\n\u3000\u3000关于做好春季招聘工作的通知",
    ],
)
def test_a_line_naming_a_notice_that_heads_nothing_stays_text(middle: str) -> None:
    page = labelled(f"春季招聘会开幕\n{middle}\n\u3000\u3000线上招聘同步进行。\n", "T B B B _")
    assert [a.title for a in page.articles] == ["春季招聘会开幕"]


def test_a_label_over_a_captioned_photo_is_its_column_not_the_story_above() -> None:
    page = labelled(
        "以实干实绩书写发展新篇\n\u3000\u3000发展是第一要务。\n\n图片新闻\n\n"
        "\u3000\u300011月19日，东昌湖畔的银杏叶进入最佳观赏期。\u3000\u3000本报记者 张晨 摄\n",
        "T B _ B _ B _",
    )
    assert [(a.title, a.column, a.kind, a.paragraphs) for a in page.articles] == [
        ("以实干实绩书写发展新篇", None, "news", ["发展是第一要务。"]),
        (None, "图片新闻", "photo", ["11月19日，东昌湖畔的银杏叶进入最佳观赏期。"]),
    ]
    # Over a paragraph with no photographer's credit, a short line stays the story's text.
    page = labelled(
        "以实干实绩书写发展新篇\n\u3000\u3000发展是第一要务。\n\n编后\n\n\u3000\u3000老有所为，传递温暖。\n",
        "T B _ B _ B _",
    )
    assert [a.paragraphs for a in page.articles] == [["发展是第一要务。", "编后", "老有所为，传递温暖。"]]


def test_a_short_line_right_over_captioned_photos_names_their_column_or_heads_the_photo() -> None:
    # No blank line under the label; the labeller read the captions as captions.
    page = labelled(
        "以实干实绩书写发展新篇\n\u3000\u3000发展是第一要务。\n\n图片新闻\n"
        "\u3000\u300012月3日，东昌府区一所小学的学生在操场上堆雪人。本报记者 赵琳 摄\n"
        "\u3000\u300012月4日，游客在光岳楼前拍照留念。本报通讯员 孙伟 摄\n",
        "T B _ B CAP CAP _",
    )
    assert [(a.title, a.column, a.kind) for a in page.articles] == [
        ("以实干实绩书写发展新篇", None, "news"),
        (None, "图片新闻", "photo"),
        (None, "图片新闻", "photo"),
    ]
    # A short line that names no column, right over a captioned photo, is the photo's headline.
    page = labelled(
        "以实干实绩书写发展新篇\n\u3000\u3000发展是第一要务。\n\n银装素裹\n"
        "\u3000\u300012月3日，游客在东昌湖畔赏雪。本报记者 赵琳 摄\n",
        "T B _ B CAP _",
    )
    assert [(a.title, a.column, a.kind, a.paragraphs) for a in page.articles] == [
        ("以实干实绩书写发展新篇", None, "news", ["发展是第一要务。"]),
        ("银装素裹", None, "photo", ["12月3日，游客在东昌湖畔赏雪。"]),
    ]


@pytest.mark.parametrize(
    ("signature", "kind"),
    [
        ("通讯员 孙伟 摄影报道", "photo"),  # a photo report, signed under its caption
        ("本报记者 施 芳 赵婀娜摄影报道", "photo"),
        ("通讯员 孙伟 报道", "news"),  # a report in words
    ],
)
def test_a_short_piece_signed_as_a_photo_report_is_a_photo(signature: str, kind: str) -> None:
    page = labelled(f"冬日暖阳\n\u3000\u300012月4日，市民在公园里晒太阳、下象棋。\n{signature}\n", "T B BY _")
    assert [(a.title, a.kind) for a in page.articles] == [("冬日暖阳", kind)]


_BROKEN_HEADLINE = "坚持项目为王\n聊城重点项目\n建设跑出\n{tail}\n本报记者 张华\n今年以来，我市坚持项目为王，重点项目建设加速推进。\n"


def test_the_last_piece_of_a_headline_a_narrow_column_broke_is_the_headlines() -> None:
    # The labeller read it as the story's first text, so the byline under it ran into the text.
    page = labelled(_BROKEN_HEADLINE.format(tail="“加速度”"), "T T T B BY B _")
    assert [(a.title, a.byline, a.paragraphs) for a in page.articles] == [
        (
            "坚持项目为王聊城重点项目建设跑出“加速度”",
            "本报记者 张华",
            ["今年以来，我市坚持项目为王，重点项目建设加速推进。"],
        )
    ]
    dashed = labelled(_BROKEN_HEADLINE.format(tail="——重点项目巡礼"), "T T T B BY B _")
    assert [(a.title, a.subtitle) for a in dashed.articles] == [
        ("坚持项目为王聊城重点项目建设跑出", "——重点项目巡礼")
    ]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # under a headline of one line: a round-up's over its part's heading
        (
            "我当记者跑两会（记者连线）\n短视频带来新变化\n本报记者 张洋\n今年的两会，网络直播成了新亮点。\n",
            "T B BY B _",
        ),
        # indented as the text: the corpus's part headings
        (_BROKEN_HEADLINE.format(tail="\u3000\u3000短视频带来新变化"), "T T T B BY B _"),
    ],
)
def test_a_short_line_between_a_headline_and_a_byline_that_ends_no_broken_headline_stays_text(
    text: str, codes: str
) -> None:
    page = labelled(text, codes)
    assert "短视频带来新变化" not in " ".join(a.title or "" for a in page.articles)


def test_a_signature_set_to_the_right_under_a_letter_is_no_headline() -> None:
    right = "\u3000" * 16
    page = labelled(
        "小区路灯何时能修好\n\n\u3000\u3000编辑同志：小区里的路灯已经坏了两个多月，希望尽快维修。\n"
        f"{right}山东聊城 读者 王建国\n{right}2026年11月20日\n\n"
        "冬季供暖全面启动\n\u3000\u3000本报讯（记者 孙丽）城区集中供暖全面启动。\n",
        "T _ B T T _ T B _",
    )
    assert [(a.title, a.paragraphs) for a in page.articles] == [
        (
            "小区路灯何时能修好",
            [
                "编辑同志：小区里的路灯已经坏了两个多月，希望尽快维修。",
                "山东聊城读者王建国",
                "2026年11月20日",
            ],
        ),
        ("冬季供暖全面启动", ["城区集中供暖全面启动。"]),
    ]
    # A headline centred as far to the right under a paragraph stays a headline: it signs no name.
    page = labelled(
        f"\u3000\u3000城区集中供暖全面启动。\n{right}城区新增公共停车泊位\n\u3000\u3000今年以来，新建停车场9处。\n",
        "B T B _",
    )
    assert [a.title for a in page.articles] == [None, "城区新增公共停车泊位"]


def test_data_box_rows_are_body_text_not_headlines() -> None:
    page = labelled(
        "前三季度经济运行稳中向好\n本报讯（记者 葛青）前三季度全市经济增长6.1%。\n\n"
        "【数据】\n地区生产总值 2856.3亿元 增长6.1%\n固定资产投资 增长5.4%\n\n"
        "外贸进出口规模创新高\n本报讯（记者 葛青）前三季度外贸增长12.3%。\n",
        "T B _ B B B _ T B _",
    )
    first, second = page.articles
    assert first.paragraphs == [
        "前三季度全市经济增长6.1%。",
        "【数据】",
        "地区生产总值 2856.3亿元 增长6.1%",  # a table's cells stay apart
        "固定资产投资 增长5.4%",
    ]
    assert (second.kicker, second.title) == (None, "外贸进出口规模创新高")
    # A headline with a space and a number in it is still a headline.
    wire = labelled("春运收官 全国发送旅客超84亿人次\n新华社北京3月4日电 春运落下帷幕。\n", "T B _")
    assert wire.articles[0].title == "春运收官 全国发送旅客超84亿人次"


def test_numbered_brief_items_under_a_column_label() -> None:
    page = labelled(
        "县域简讯\n\n１．县人民医院开展义诊活动。7月10日，专家走进社区义诊。（通讯员 胡静）\n\n"
        "２．县图书馆公益课堂开课。即日起，县图书馆开设公益课程。\n\n"
        "蔬菜产业带动农民增收\n本报讯（记者 樊磊）今年以来，全县新建大棚1200个。\n",
        "K _ B _ B _ T B _",
    )
    assert [(a.title, a.byline, a.column, a.paragraphs) for a in page.articles] == [
        ("县人民医院开展义诊活动", "（通讯员 胡静）", "县域简讯", ["7月10日，专家走进社区义诊。"]),
        ("县图书馆公益课堂开课", None, "县域简讯", ["即日起，县图书馆开设公益课程。"]),
        ("蔬菜产业带动农民增收", "本报讯（记者 樊磊）", None, ["今年以来，全县新建大棚1200个。"]),
    ]
    assert [d.text for d in page.dropped if d.reason == "item-number"] == ["１．", "２．"]
    # Inside a story, a numbered paragraph is body text, not a new brief.
    (story,) = labelled(
        "全市部署三项重点工作\n本报讯（记者 樊磊）会议部署了三项工作。\n1.抓好项目建设。要加快项目进度。\n2.抓好民生保障。要办好实事。\n",
        "T B B B _",
    ).articles
    assert len(story.paragraphs) == 3 and story.paragraphs[1] == "1.抓好项目建设。要加快项目进度。"


def test_bulleted_brief_items_under_a_column_label() -> None:
    # A bullet, the item's headline, a gap, then its text: each item a story under the column.
    page = labelled(
        "本市简讯\n"
        "\u3000\u3000●市图书馆开展冬季读书月活动\u300012月1日起，市图书馆举办讲座二十余场。\n"
        "\u3000\u3000●我市新增两条公交线路\u3000\u3000市公交公司近日新开通两条公交线路。\n"
        "（记者 王强 整理）\n",
        "K B B CR _",
    )
    assert [(a.title, a.column, a.paragraphs) for a in page.articles] == [
        ("市图书馆开展冬季读书月活动", "本市简讯", ["12月1日起，市图书馆举办讲座二十余场。"]),
        ("我市新增两条公交线路", "本市简讯", ["市公交公司近日新开通两条公交线路。"]),
    ]
    assert [d.text for d in page.dropped if d.reason == "decoration"] == ["●", "●"]


@pytest.mark.parametrize(
    ("item", "paragraph"),
    [
        # a crosshead with a space inside: no text after it
        ("■各地支援 保障民生", "■各地支援保障民生"),
        # a figure the phrase goes on with after the gap, not a date opening the text
        ("●全市新增就业 1.2万人，同比增长一成。", "●全市新增就业1.2万人，同比增长一成。"),
    ],
)
def test_a_bulleted_line_that_is_no_brief_item_stays_text(item: str, paragraph: str) -> None:
    page = labelled(f"本市简讯\n{item}\n", "K B _")
    assert [(a.title, a.paragraphs) for a in page.articles] == [(None, [paragraph])]


def test_bulleted_paragraphs_inside_a_story_stay_its_text() -> None:
    (story,) = labelled(
        "全市部署三项重点工作\n本报讯（记者 樊磊）会议部署了三项工作。\n"
        "●抓好项目建设\u3000要加快项目进度。\n●抓好民生保障\u3000要办好实事。\n",
        "T B B B _",
    ).articles
    assert story.paragraphs[1:] == ["●抓好项目建设要加快项目进度。", "●抓好民生保障要办好实事。"]


def test_numbered_crossheads_are_paragraphs_of_their_own() -> None:
    (article,) = labelled(
        "以新质生产力推动高质量发展\n□ 李建华\n\n发展新质生产力是推动高质量发展的内在要求。\n\n"
        "一、准确把握新质生产力的科学内涵\n\n新质生产力是创新起主导作用的先进生产力质态。\n\n"
        "（二）因地制宜发展新质生产力\n\n各地要从实际出发，先立后破。\n\n（作者单位：中共聊城市委党校）\n",
        "T BY _ B _ B _ B _ B _ B _ CR _",
    ).articles
    assert article.paragraphs == [
        "发展新质生产力是推动高质量发展的内在要求。",
        "一、准确把握新质生产力的科学内涵",
        "新质生产力是创新起主导作用的先进生产力质态。",
        "（二）因地制宜发展新质生产力",
        "各地要从实际出发，先立后破。",
        "（作者单位：中共聊城市委党校）",
    ]
    assert (article.byline, article.kind) == ("□ 李建华", "commentary")


def test_numbered_items_without_a_headline_sentence_and_decimals() -> None:
    page = labelled(
        "冠县快讯\n\n1.县消防救援大队开展消防演练。8月1日，演练在城区商场举行。（通讯员 贾涛）\n\n"
        "2.全县小麦收购有序推进，截至7月底累计收购8万吨。\n\n"
        "3.7月31日，县残联为30名残疾人发放轮椅。（记者 孔文）\n",
        "K _ B _ B _ B _",
    )
    assert [(a.title, a.byline, a.column, a.kind, a.paragraphs) for a in page.articles] == [
        (
            "县消防救援大队开展消防演练",
            "（通讯员 贾涛）",
            "冠县快讯",
            "news",
            ["8月1日，演练在城区商场举行。"],
        ),
        (None, None, "冠县快讯", "news", ["全县小麦收购有序推进，截至7月底累计收购8万吨。"]),
        (None, "（记者 孔文）", "冠县快讯", "news", ["7月31日，县残联为30名残疾人发放轮椅。"]),
    ]
    # Numbers must count up from 1: a paragraph that opens with a decimal is no item.
    (single,) = labelled("冠县快讯\n\n3.5万名游客来到景区，创历史新高。\n", "K _ B _").articles
    assert single.paragraphs == ["3.5万名游客来到景区，创历史新高。"]


def test_bracketed_photo_credits_and_a_photo_column_named_by_its_first_word() -> None:
    page = labelled(
        "图说聊城\n\n4月5日，市民在东昌湖畔赏花踏青。（记者 张晨 摄）\n\n4月4日，孩子们在公园放风筝。（通讯员 吕萌 摄）\n",
        "K _ CAP _ CAP _",
    )
    assert [(a.title, a.byline, a.authors, a.column, a.kind) for a in page.articles] == [
        (None, "（记者 张晨 摄）", ["张晨"], "图说聊城", "photo"),
        (None, "（通讯员 吕萌 摄）", ["吕萌"], "图说聊城", "photo"),
    ]
    assert page.articles[0].paragraphs == ["4月5日，市民在东昌湖畔赏花踏青。"]


def test_a_byline_line_is_never_joined_to_the_paragraph_under_it() -> None:
    line = "市中区几处老旧楼院外墙已粉刷一新，居民纷纷点赞，楼道也变得整洁明亮，"
    page = labelled(
        "老旧楼院换新颜\n齐鲁晚报·齐鲁壹点记者 王红 实习生 李娜\n" + (line + "\n") * 8 + "居民很满意。\n",
        "T BY B B B B B B B B B _",
    )
    (article,) = page.articles
    assert article.byline == "齐鲁晚报·齐鲁壹点记者 王红 实习生 李娜"
    assert article.authors == ["王红", "李娜"]
    assert article.paragraphs[0].startswith("市中区几处")


def test_without_the_model_the_shape_fallback_labels_the_page(monkeypatch: pytest.MonkeyPatch) -> None:
    def unavailable(lines: object, normalised: object = None) -> list[Role]:
        raise labeller.ModelUnavailable("the line-role model is missing")

    monkeypatch.setattr(labeller, "label_lines", unavailable)
    text = "聊城日报 2023年2月21日 星期二 第2版\n\n全市会议召开\n\n■ 本报记者 林一\n\n2月20日，会议召开。\n"
    assert label_page(split_lines(text)) == shape_roles(split_lines(text))
    assert shape_roles(split_lines(text)) == [
        "furniture",
        "blank",
        "title",
        "blank",
        "byline",
        "blank",
        "body",
        "blank",
    ]
    page = parse_page(text)
    assert page.publication == "聊城日报"
    assert [(a.title, a.byline, a.paragraphs) for a in page.articles] == [
        ("全市会议召开", "■ 本报记者 林一", ["2月20日，会议召开。"])
    ]


@pytest.mark.parametrize(
    "line",
    [
        "（ 2026-05-01 ） 稿件来源：某某日报 要闻",
        "来源：某某网 2020-01-02 10:00",
        "2020-01-02 10:00:01 来源：东方报",
        "发布时间：2020年1月2日 作者：王明",
        "作者：王明 来源：某某报 日期：2020.01.02",
        "【字号 大 中 小】 2020-01-02",
        "（ ２０２６-０５-０１ ） 稿件来源：某某日报 要闻",  # full-width digits
    ],
)
def test_a_web_pages_meta_line_is_furniture_to_the_model(line: str) -> None:
    assert is_web_meta_line(line)
    assert "r:furn" in page_features(["某地新建一座公园", line, "\u3000\u3000公园昨日开放。"])[1]


@pytest.mark.parametrize(
    ("text", "solid"),
    [
        ("稿 件 来 源 ： 新 华 社", "稿件来源：新华社"),  # spaced out letter by letter
        ("聊 城 召开", "聊城召开"),  # a third of it spaces
        ("聊 城召开会议", "聊 城召开会议"),  # less: a space the line holds
        ("联村发力 抱团致富", "联村发力 抱团致富"),  # a space the headline sets between its parts
        ("Windows 11 发布", "Windows 11 发布"),
        ("", ""),
    ],
)
def test_a_line_spaced_out_letter_by_letter_is_read_without_its_spaces(text: str, solid: str) -> None:
    assert unspaced(text) == solid


_SPACED_META_LINE = "（ 2 0 2 6 - 0 4 - 3 0 ） 稿 件 来 源 ： 东 江 都 市 日 报 要 闻"


def test_a_meta_line_spaced_out_letter_by_letter_is_one() -> None:
    assert is_web_meta_line(_SPACED_META_LINE)
    # the features read it as printed, as the shipped models were trained
    assert not is_printed_web_meta_line(_SPACED_META_LINE)
    assert (
        "r:furn"
        not in page_features(["某地新建一座公园", _SPACED_META_LINE, "\u3000\u3000公园昨日开放。"])[1]
    )
    # a sentence spaced out so is none
    assert not is_web_meta_line("据 介 绍 ， 该 项 目 来 源 ： 政 府 投 资 ， 2 0 2 0 年 1 月 2 日 开 工 。")


def test_the_headline_over_a_spaced_out_meta_line_is_found() -> None:
    page = labelled(
        f"着力提升城乡防汛抗旱减灾能力\n{_SPACED_META_LINE}\n　　新华社北京4月29日电　全市防汛工作会议4月28日下午召开。\n",
        "B B B _",
    )
    [article] = page.articles
    assert article.title == "着力提升城乡防汛抗旱减灾能力"
    assert [d.reason for d in page.dropped] == ["page-furniture"]


@pytest.mark.parametrize(
    "line",
    [
        "来源：新华社",  # a source credit without a date closes a story: not page furniture
        "据介绍，该项目来源：政府投资，2020年1月2日开工。",  # 来源： inside a sentence is no field
        "来源：某某网 2020-01-02 " + "说明" * 40,  # too long for a meta line
    ],
)
def test_a_sentence_or_a_bare_source_credit_is_no_web_meta_line(line: str) -> None:
    assert not is_web_meta_line(line)


def test_a_meta_line_a_hard_wrap_cut_is_found_from_its_pieces() -> None:
    # Neither piece is a meta line by itself; together they are one. The headline above is no piece.
    lines = ["某地新建一座公园", "（ 2026-05-01 ） 稿件来", "源：某某日报 要闻", "本报记者 王明"]
    assert not any(is_web_meta_line(line) for line in lines)
    assert wrapped_meta_lines(lines) == {1, 2}
    # In three pieces, as a narrow column cuts it.
    assert wrapped_meta_lines(["（ 2026-0", "5-01 ） 稿件", "来源：某某日报"]) == {0, 1, 2}
    # A whole meta line has no pieces.
    assert wrapped_meta_lines(["（ 2026-05-01 ） 稿件来源：某某日报 要闻", "本报记者 王明"]) == set()
    # A double-spaced copy sets a blank line under each piece.
    assert wrapped_meta_lines(
        ["某地新建一座公园", "", "（ 2026-05-01 ） 稿件来", "", "源：某某日报 要闻", ""]
    ) == {2, 4}
    assert wrapped_meta_lines(["（ 2026-0", "", "", "5-01 ） 稿件", "", "来源：某某日报"]) == {0, 3, 5}
    # There the pieces are as wide as most of the page's lines, as a wrap cuts them: a paper's
    # edition line over an author's, each whole, are none.
    whole = ["《东江晨报》（2026年01月11日 第05版）", "", "（作者 柳静文）", "", "责任编辑：刘军", ""]
    assert is_web_meta_line("".join(whole)) and wrapped_meta_lines(whole) == set()
    # Nor are lines of a page whose lines have no one width: a page no wrap cut.
    unwrapped = [
        "东江新区首批人才公寓交付使用",
        "",
        "《东江晨报》（2026年01月11日 第05版）",
        "",
        "（作者 柳静文 齐建华 詹敏 柏小雨 王明远）",  # as wide as the line above, but one character
        "",
        "责任编辑：刘军",
        "",
        "老城区改造完成，居民们说老街的味道还在。",
    ]
    assert is_web_meta_line("".join(unwrapped[2:7])) and wrapped_meta_lines(unwrapped) == set()
    # Elsewhere a blank line parts them.
    assert (
        wrapped_meta_lines(
            ["某地新建一座公园", "（ 2026-05-01 ） 稿件来", "", "源：某某日报 要闻", "本报记者 王明"]
        )
        == set()
    )
    # A list whose lines each name the same field is no meta line however it is joined.
    assert wrapped_meta_lines(["书名：红岩 作者：罗广斌", "书名：创业史 作者：柳青"]) == set()


def test_the_pieces_and_the_cut_off_tail_of_a_wrapped_meta_line_are_furniture_to_the_model() -> None:
    paragraph = ["\u3000\u3000公园位于城市东部，占地面积两百余亩，今年春天"] * 6
    pieces = ["某地新建一座公园", "（ 2026-05-01 ） 稿件来", "源：某某日报 要闻", "本报记者 王明"]
    items = page_features(paragraph + pieces + paragraph)
    assert ["r:furn" in item for item in items[6:10]] == [False, True, True, False]
    # Cut where the first piece is a meta line already: the short tail under it is furniture too,
    # on a page wrapped at its width (the piece is as wide as the page's lines).
    tail = ["某地新建一座公园", "（ 2026-05-01 ） 稿件来源：某某日", "报 要闻", "本报记者 王明"]
    wrapped = ["\u3000\u3000公园位于城市东部，占地面积两百余", "亩，今年春天开放，游人如织。"] * 4
    items = page_features(wrapped + tail + wrapped)
    assert ["r:furn" in item for item in items[8:12]] == [False, True, True, False]
    # The wrap counts the meta line's spaces: cut at 24 characters, it is as wide as the page's
    # lines though three of its characters are spaces.
    column = ["地处城区东部的新材料产业园区稳居全省同类园区前列之首"[:24]] * 8  # as wide as the cut
    meta = "（ 2026-04-27 ） 稿件来源：东江都市日报 要闻"
    spaced = ["城区新材料产业的突围之路", meta[:24], meta[24:], "本报记者 孙立新"]
    assert spaced[1:3] == ["（ 2026-04-27 ） 稿件来源：东江都市", "日报 要闻"]
    items = page_features(column + spaced + column)
    assert ["r:furn" in item for item in items[8:12]] == [False, True, True, False]
    # Double-spaced: a blank line under every line, the pieces' and the tail's too.
    items = page_features([line for text in wrapped + tail + wrapped for line in (text, "")])
    assert ["r:furn" in item for item in items[16:24:2]] == [False, True, True, False]
    column = ["公园位于城市东部，占地面积两百余亩，今年"[:18]] * 6  # as wide as the first piece
    items = page_features([line for text in column + pieces + column for line in (text, "")])
    assert ["r:furn" in item for item in items[12:20:2]] == [False, True, True, False]
    # Elsewhere a blank line under a whole meta line as wide as the page's lines sets it apart: the
    # short line under the blank is no tail of it.
    items = page_features(wrapped + tail[:2] + ["", *tail[2:]] + wrapped)
    assert ["r:furn" in item for item in items[8:13]] == [False, True, False, False, False]


def test_a_double_spaced_narrow_column_s_meta_lines_under_headlines_are_furniture() -> None:
    # A web page's stories cut at 18 characters, a blank line under every line (as the seed pages
    # from one PDF print them): each meta line comes in two pieces with a blank line between.
    def story(headline: str, byline: str, paragraphs: list[str]) -> list[str]:
        meta = "（ 2026-03-05 ） 稿件来源：东江都市日报 要闻"
        return [
            headline,
            meta[:18],
            meta[18:],
            byline,
            *(p[at : at + 18] for p in paragraphs for at in range(0, len(p), 18)),
        ]

    page = story(
        "东江新区首批人才公寓交付使用",
        "本报记者 柳静文",
        [
            "3月5日，东江新区首批人才公寓正式交付，三百余名青年人才领到了新房钥匙。",
            "据了解，这批公寓共有住房四百二十套，配有健身房、共享厨房和阅览室，租金低于周边市场价三成。",
        ],
    ) + story(
        "西山公园樱花进入盛花期",
        "本报记者 卢晓岚",
        [
            "连日来，西山公园的三千余株樱花竞相开放，吸引大批市民前来赏花。",
            "公园管理处提醒，周末游客较多，请市民错峰出行，文明赏花。",
        ],
    )
    assert page[1:3] == ["（ 2026-03-05 ） 稿件来", "源：东江都市日报 要闻"]
    parsed = parse_page("\n".join(line for text in page for line in (text, "")))
    assert [(article.title, article.byline, len(article.paragraphs)) for article in parsed.articles] == [
        ("东江新区首批人才公寓交付使用", "本报记者 柳静文", 2),
        ("西山公园樱花进入盛花期", "本报记者 卢晓岚", 2),
    ]
    assert [item.text for item in parsed.dropped] == ["（ 2026-03-05 ） 稿件来", "源：东江都市日报 要闻"] * 2


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("责任编辑：刘 洋", True),
        ("版式：王敏 校对：李强", True),
        ("版式设计：王敏", True),  # two labels run together
        ("制图：王 婷", True),
        ("本版编辑/王敏 美编/李强 校对/张明", True),  # set apart by slashes
        ("责任编辑 / 刘洋", True),
        ("本版责编：孙丽", True),  # for this page
        ("本版校对：王强", True),
        ("本版：孙丽", False),
        ("本版主编：王海", True),  # the page's chief editor
        ("值班主任：王海 校对：李强", True),
        ("设计理念：绿色", False),
        ("编辑/记者的职业操守", False),
        ("编辑部：今年的稿件比往年多，版面也更紧。", False),
    ],
)
def test_a_pages_staff_credits_are_furniture(line: str, furniture: bool) -> None:
    assert is_furniture_line(line) == furniture


@pytest.mark.parametrize(
    ("line", "dated"),
    [
        ("聊城日报　2026年11月20日　星期五　A08　公告", True),
        ("要闻 2019.02.15 星期五 第3版", True),
        ("人民日报 2019年02月15日 第03版 要闻", True),
        ("2026年11月20日 星期五 公告", True),
        # a date and a word alone
        ("2026年11月20日 公告", False),
        # two words besides: a sentence's pieces
        ("市委召开 2026年11月20日 会议 第3版", False),
        ("聊城日报 2026年11月20日 全市经济工作会议", False),  # more than a section's name
    ],
)
def test_a_pages_head_that_names_its_section_is_its_date_line(line: str, dated: bool) -> None:
    # The labeller's features read a page's head as is_furniture_line does, as they were trained.
    assert (is_furniture_line(line), is_dated_furniture_line(line)) == (False, dated)


def test_a_pages_head_with_its_section_read_as_a_kicker_gives_the_issues_date() -> None:
    page = labelled(
        "聊城日报　2026年11月20日　星期五　A08　公告\n\n国有建设用地使用权挂牌出让公告\n\n　　经市政府批准，决定挂牌出让土地。\n",
        "K _ T _ B _",
    )
    assert (page.date, page.date_source) == ("2026-11-20", "masthead")
    assert [(a.kicker, a.title) for a in page.articles] == [(None, "国有建设用地使用权挂牌出让公告")]
    assert [(d.text, d.reason) for d in page.dropped] == [
        ("聊城日报 2026年11月20日 星期五 A08 公告", "page-furniture")
    ]


def test_a_public_accounts_closing_credits_give_the_source_and_the_writer() -> None:
    page = labelled(
        "聊城这个冬天，有点暖\n\n入冬以来，我市多措并举保障群众温暖过冬。\n\n来源：聊城日报\n记者：王海\n编辑：李青\n",
        "T _ B _ B B B _",
    )
    [article] = page.articles
    assert (article.byline, article.authors) == ("来源：聊城日报 记者：王海", ["王海"])
    assert article.paragraphs == ["入冬以来，我市多措并举保障群众温暖过冬。"]
    assert [(d.text, d.reason) for d in page.dropped] == [("编辑：李青", "page-furniture")]


def test_a_correspondents_line_under_a_headline_stays_a_byline() -> None:
    # 本报通讯员 X names the writer: no lead, whose dateline (本报通讯讯) would make the line text
    text = "他把非遗剪纸带进课堂\n本报通讯员 王海\n\n\u3000\u3000今年以来，李明已为十余所学校上过剪纸课。\n"
    assert reread(line_rules._leads_read_as_other_roles, text, "T BY _ B _") == "T BY _ B _"


def test_a_metro_papers_reporters_after_slashes_and_its_staff_by_spaces() -> None:
    # 南都讯 记者/X 通讯员/Y opens each story; the page's foot names its editors and layout staff
    page = parse_page(
        "东湖区图书馆延长开放时间\n\n"
        "南都讯 记者/赵敏 通讯员/李青 从12月1日起，东湖区图书馆开放时间延长至每晚21时。\n"
        "图书馆负责人介绍，各区域均正常开放。\n\n"
        "西山县试点共享菜园\n\n"
        "南都讯 记者/钱程 闲置地块变身共享菜园，首批50块菜地被一抢而空。\n\n"
        "编辑 孙丽 美编 李明 校对 王强\n"
    )
    assert [(a.title, a.byline, a.authors, a.paragraphs[0][:6]) for a in page.articles] == [
        ("东湖区图书馆延长开放时间", "南都讯 记者/赵敏 通讯员/李青", ["赵敏", "李青"], "从12月1日"),
        ("西山县试点共享菜园", "南都讯 记者/钱程", ["钱程"], "闲置地块变身"),
    ]
    assert [(d.text, d.reason) for d in page.dropped] == [("编辑 孙丽 美编 李明 校对 王强", "page-furniture")]


def test_writers_under_a_label_right_under_the_headline_are_its_byline() -> None:
    page = labelled(
        "聊城这个冬天，有点暖\n记者：王海\n\n入冬以来，我市多措并举保障群众温暖过冬。\n", "T B _ B _"
    )
    assert [(a.byline, a.authors) for a in page.articles] == [("记者：王海", ["王海"])]


@pytest.mark.parametrize(
    "line",
    [
        "记者：王海",  # the story goes on under it: a speaker's turn or a quoted name, as read
        "记者：请问今年有哪些民生实事？",  # an interview's question
    ],
)
def test_a_labelled_line_inside_a_story_stays_its_text(line: str) -> None:
    page = labelled(
        f"专访市长\n\n入冬以来，我市多措并举保障群众温暖过冬。\n{line}\n今年将新建十所学校。\n", "T _ B B B _"
    )
    [article] = page.articles
    assert article.authors == []
    assert line in article.paragraphs


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("记者：王海", ["王海"]),
        ("本报记者:王海 李青", ["王海", "李青"]),
        ("文字：王海、李青", ["王海", "李青"]),
        ("通讯员：李青", ["李青"]),
        # by their roles, as metro papers close a story
        ("采写：南都记者 王海", ["王海"]),
        ("采写：本报记者 王海 通讯员 李青", ["王海", "李青"]),
        ("采写：本报 王海", None),  # no role: 本报 is no name
        ("记者：请问您", None),  # no name
        ("摄影：赵敏", None),  # who took the pictures, not who wrote
        ("编辑：李青", None),  # who edited it: the page's staff
        ("作者：王海（市社科院）", None),  # a signature with a post: parse_byline_line's
    ],
)
def test_writers_under_a_label(line: str, names: list[str] | None) -> None:
    found = parse_labelled_credit(line)
    assert (found[1] if found else None) == names


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("本报讯(记者 杜杰强)", ["杜杰强"]),
        ("本报讯（记者 赵敏 通讯员 李青）", ["赵敏", "李青"]),
        ("新华社北京5月1日电（记者 王海）", ["王海"]),
    ],
)
def test_a_leads_byline_on_a_line_of_its_own_names_its_reporters(byline: str, authors: list[str]) -> None:
    page = labelled(f"能致富的事我们大胆试\n\n{byline}\n\n初冬时节，两人紧握双手。\n", "T _ BY _ B _")
    assert [(a.byline, a.authors, a.paragraphs) for a in page.articles] == [
        (byline, authors, ["初冬时节，两人紧握双手。"])
    ]


def test_a_closing_credit_names_the_writers_a_byline_without_names_did_not() -> None:
    page = labelled(
        "老厂关停的多重意蕴\n来源：人民日报\n\n城区最后一座老纱厂宣布关停。\n（本报记者 陈敏）\n",
        "T BY _ B CR _",
    )
    assert [(a.byline, a.authors, a.paragraphs) for a in page.articles] == [
        ("来源：人民日报 （本报记者 陈敏）", ["陈敏"], ["城区最后一座老纱厂宣布关停。"])
    ]


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("文章关键词： 聊城 降雪 除雪", True),
        ("标签：供暖", True),
        ("我要反馈", True),
        ("我要纠错", True),
        ("关键词：今年我市经济运行总体平稳，稳中有进。", False),  # a sentence after the label
        ("小字号", True),  # a site's buttons for the type's size, under the headline
        ("大字号 小字号", True),
        ("小组讨论", False),
        ("中小企业", False),
    ],
)
def test_a_news_sites_keywords_and_feedback_links_are_its_furniture(line: str, furniture: bool) -> None:
    assert is_web_furniture_line(line) is furniture


@pytest.mark.parametrize(
    ("line", "meta"),
    [
        ("2026年11月20日 07:12　大众日报", True),
        ("2026年11月15日 08:30 聊城新闻网", True),
        ("2026-11-20 07:12:05 新华社", True),
        ("2026年11月20日 07:12 发生地震", False),  # no source's name: a sentence's piece
        ("2026年11月20日 大众日报", False),  # no time
    ],
)
def test_a_day_a_time_and_a_source_make_a_news_sites_meta_line(line: str, meta: bool) -> None:
    assert is_web_meta_line(line) is meta


def test_a_news_sites_copied_stories_keep_their_headlines_and_lose_the_sites_lines() -> None:
    page = parse_page(
        "聊城今冬首场降雪来袭 多部门连夜除雪保畅通\n\n2026年11月20日 07:12　大众日报\n\n"
        "　　11月19日夜间，聊城迎来今冬首场降雪。\n\n责任编辑：张明\n\n文章关键词： 聊城 降雪 除雪\n\n我要反馈\n\n"
        "聊城：冬季供暖正式启动\n\n2026年11月15日 08:30　聊城新闻网\n\n　　11月15日零时，聊城市区正式启动冬季供暖。\n"
    )
    assert [(a.title, a.paragraphs) for a in page.articles] == [
        ("聊城今冬首场降雪来袭 多部门连夜除雪保畅通", ["11月19日夜间，聊城迎来今冬首场降雪。"]),
        ("聊城：冬季供暖正式启动", ["11月15日零时，聊城市区正式启动冬季供暖。"]),
    ]


def test_a_source_line_names_a_source_not_a_sentence() -> None:
    assert is_source_line("稿件来源：某某日报 国际")
    assert not is_source_line("来源：统计显示，今年一季度增长5%")


@pytest.mark.parametrize(
    ("line", "furniture", "dated"),
    [
        ("二〇二六年七月十七日 星期五", True, True),
        ("中華民國115年7月17日 星期五", True, True),
        # the 1930s' papers: the Republic's year and the date in Chinese numerals, the page a sheet
        ("中華民國二十五年十二月四日 星期五 第三張", True, True),
        ("民国元年一月一日 星期一", True, True),
        ("1956年12月4日 星期二 第三版", True, True),
        ("2026年7月17日 星期五 丙午年六月初三", True, True),
        ("聊城日报 第3版 丙午年正月廿一", True, False),
        ("丙午年 週五", True, False),
        # a sentence that opens with the year's name is text, not a lunar date
        ("丙午年春晚如约而至。", False, False),
        ("丙午年正月廿一晚", False, False),
        ("二〇二六年七月十七日，市里召开会议。", False, False),
    ],
)
def test_masthead_dates_in_chinese_numerals_years_of_the_republic_and_lunar_dates(
    line: str, furniture: bool, dated: bool
) -> None:
    assert (is_furniture_line(line), is_dated_furniture_line(line)) == (furniture, dated)


@pytest.mark.parametrize(
    ("line", "furniture", "masthead"),
    [
        # a short paper name beside the issue's full date
        ("联合报 二〇二六年十二月三日 星期四 农历十月十四", True, "联合报"),
        ("大公报 2026年12月3日 星期四", True, "大公报"),
        ("申報 中華民國二十五年十二月四日 星期五 第三張", True, "申報"),  # a name of two, traditional
        # without a date it is a word like any other
        ("联合报 星期四", False, None),
        ("喜报 频传", False, None),
    ],
)
def test_a_short_paper_name_beside_a_full_date_is_a_masthead(
    line: str, furniture: bool, masthead: str | None
) -> None:
    assert (is_furniture_line(line), masthead_in(line)) == (furniture, masthead)


def test_a_short_paper_name_with_a_date_in_chinese_numerals_dates_the_page() -> None:
    page = parse_page(
        "联合报 二〇二六年十二月三日 星期四\n\n行政院通过明年度预算案\n\n本报讯 行政院会昨天通过明年度总预算案。\n"
    )
    assert (page.date, page.publication) == ("2026-12-03", "联合报")
    assert [(a.kicker, a.title) for a in page.articles] == [(None, "行政院通过明年度预算案")]


@pytest.mark.parametrize(
    ("line", "names"),
    [
        # names run together, as closing OCR's letter spacing leaves a byline
        ("□孙亚飞赵永斌刘大鹏报道", ["孙亚飞", "赵永斌", "刘大鹏"]),
        ("□本报记者胡磊薛良诚", ["胡磊", "薛良诚"]),
        ("■记者王明亮李华报道", ["王明亮", "李华"]),
    ],
)
def test_a_marked_byline_whose_names_run_together_is_cut_at_the_surnames(line: str, names: list[str]) -> None:
    assert parse_byline_line(line) == (line, names)


@pytest.mark.parametrize(
    "line",
    [
        "孙亚飞赵永斌刘大鹏报道",  # no mark: a headline may end in 报道 too
        "□孙亚飞赵永斌刘大鹏",  # a mark, but neither a role before the names nor a trailer after them
        "□记者来到三江源保护区",  # no cut makes names of it
    ],
)
def test_run_together_text_is_no_byline_without_a_mark_a_role_or_a_trailer(line: str) -> None:
    assert parse_byline_line(line) is None


@pytest.mark.parametrize(
    ("line", "byline", "names"),
    [
        # a stray space inside a name, as OCR or spaced-out text leaves it
        ("新华社记者 周 明远", "新华社记者 周 明远", ["周明远"]),
        ("本报记者 陈晓 东 刘海燕", "本报记者 陈晓 东 刘海燕", ["陈晓东", "刘海燕"]),
        # spaced out character by character, with wider gaps between the words
        ("新 华 社 记 者   林 思 远", "新华社记者 林思远", ["林思远"]),
        (
            "□ 记 者   王 建 国   通 讯 员   李 明   报 道",
            "□记者 王建国 通讯员 李明 报道",
            ["王建国", "李明"],
        ),
    ],
)
def test_a_byline_with_spaces_inside_its_names_or_its_words(line: str, byline: str, names: list[str]) -> None:
    assert parse_byline_line(line) == (byline, names)


@pytest.mark.parametrize(
    "line",
    [
        "记 者 节 到 了",  # spaced out, but no role set apart: a headline
        "春 风   十 里",  # spaced-out words without a role, a mark or a trailer
        "记者 王 摄",  # a lone character beside a trailer is no name
    ],
)
def test_spaced_out_text_that_names_no_one_is_no_byline(line: str) -> None:
    assert parse_byline_line(line) is None


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("□ 李建华", ["李建华"]),
        ("■ 张华", ["张华"]),
        ("◆ 欧阳明", ["欧阳明"]),  # a compound surname
        ("■ 本报记者 阚丽", ["阚丽"]),  # a rare surname, with a role to say it is a byline
        ("■ 短评", None),  # a column's label: a mark alone says nothing of a name
        ("◆ 编后", None),
        ("■链接", None),
        ("▲ 赶年集", None),  # a marked headline
        ("● 广告", None),
    ],
)
def test_a_line_with_a_mark_alone_is_a_byline_only_of_peoples_names(
    line: str, names: list[str] | None
) -> None:
    parsed = parse_byline_line(line)
    assert (parsed[1] if parsed else None) == names


@pytest.mark.parametrize(
    "line",
    [
        "上一版　下一版",
        "【打印】【关闭】",
        "打印本页 关闭窗口",
        "上一期 下一期 往期回顾",
        "今日导读",  # a front page's box of what is inside
        "【本期导读】",
        "放大　缩小　默认",
        "分享到：",
        "第01版：要闻",
        "Ａ３版：国际",  # full-width
        "本版责编：张三　王五",
        "（责任编辑：王海）",  # a web copy's staff credit under a story
        "【责任编辑：王海】",
        "(编辑 王海)",
        "（编辑：王海 审核：李青）",
        "【纠错】 【责任编辑：王海】",
        "扫码看视频",
        "扫码观看　　《春天的故事》",  # the programme it plays, named
        "扫码观看《春天的故事》",
        "（扫描二维码观看视频）",
        "长按识别二维码",
        "本报微信公众号二维码",
        "[图片]",
        "<图>",
        "![](images/0a1b2c.jpg)",
        # markup a copy kept: an e-paper system's property dump, the halves of a comment
        "2026-11-20 3 3 东江晚报 content_104233.html 1 新桥通车 /enpproperty-->",
        "<!--enpcontent",
        "-->",
        # a news site's breadcrumb, font-size switch and related-links label
        "首页 > 新闻中心 > 本地新闻",
        "当前位置：首页 » 要闻",
        "【字体：大 中 小】【打印】【关闭】",
        "相关新闻：",
        "【延伸阅读】",
        "**相关阅读**",
        "分享让更多人看到",
        "点击播报本文，约",  # a news site's text-to-speech widget
        "点击播报本文，约 3 分钟",
        "语音播报",
        # a web page reader's header over its copy
        "Title: 老城区改造提速 三千户居民将迁新居_滨海日报",
        "URL Source: https://www.example.com/news/2026-03/12/content_1234567.html",
        "Published Time: 2026-03-12T08:15:00+08:00",
        "Markdown Content:",
        # a public account's copy of an article
        "点击上方蓝字关注我们",
        "点击上方“滨海发布”关注我们",
        "关注我们",
        "阅读原文",
        "往期推荐",
        # what a video or a page shows, then the request to scan its code
        "观看直播，请用手机扫描二维码",
        "了解更多，请扫描下方二维码",
        # a link to more of the site's stories
        "更多精彩",
        "阅读更多>>",
        "【更多新闻】",
        "查看更多",
        # a web copy's rights, sources and original headline
        "声明：转载此文是出于传递更多信息之目的。若有来源标注错误或侵犯了您的合法权益，请与本网联系。",
        "版权所有 滨海新闻网 未经授权禁止转载",
        "未经本网授权不得转载、摘编",
        "转载请注明出处",
        "原标题：我市老城区改造全面提速",
        # the same in brackets, as a copy prints them under the story
        "（原标题：我市老城区改造全面提速 三千户居民将迁新居）",
        "【原标题：我市老城区改造全面提速】",
        "（版权所有，转载请注明出处）",
        # a rule drawn between stories
        "————————————————",
        "─────────",
        "～～～～～～",
        # links to the stories before and after it
        "上一篇：我市开展冬季安全生产大检查",
        "下一篇：东昌府区召开村级换届工作会议",
        # a breadcrumb that opens with the site's name, a prompt to open the page on a phone
        "新华网 > 正文",
        "人民网 > 地方 > 山东",
        "扫一扫在手机打开当前页",
        # a public account's article page as copied: its header, its collection, its foot
        "原创 聊城发布 聊城发布 2026-12-04 18:30 发表于山东",
        "聊城发布 2026-12-03 18:30 山东",  # the header's shorter form: the account's name first
        "收录于合集 #冬季旅游 12个",
        "预览时标签不可点",
        "阅读 1.2万",
        "分享 收藏 点赞 在看",
        "写留言",
        "举报/反馈",
        "2026-12-04 10:20山东官方账号",  # a news app's header: a day, a time, the account
        "2026-12-04 10:20·聊城发布",
        # an app's staff credits, set apart by spaces alone
        "编辑 李四 校对 王五",
        "责编 李四",
        "编辑 李四 审核 王五 监制 刘明",
        "编辑 李四 美编 王五 校对 刘明",  # those who laid out the page beside the copy's editors
        "本版编辑 李四 美编 王五",
    ],
)
def test_what_an_e_paper_site_prints_around_its_stories_is_web_furniture(line: str) -> None:
    assert is_web_furniture_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "扫码点餐成新潮",  # headlines that use the same words
        "扫码观看《春天的故事》的观众超过一万人。",  # a sentence that names a programme
        "二维码成了新名片",
        "大中小学思政课一体化",
        "推荐好书",
        "关闭违规企业23家",
        "放大招 出实招",
        "图片新闻",
        "导读经典名著",
        "（本报记者 王海）",  # a story's credit names its writer: it closes the story
        "（作者系本报编辑）",
        "（编辑部）",
        "第3版",  # a page number alone is the page marker's
        "小",
        "箭头“-->”在网页代码里表示注释结束。",  # a sentence about markup ends with a full stop
        "首页设计大赛 > 预期",  # no separator right after 首页
        "相关新闻报道引发关注",  # the label's words in a headline
        "Q: 您怎么看待这次改造？",  # an interview's question, a Latin letter its label
        "CEO: 我们会继续投入",
        "  Title: 缩进的一行",  # a reader's fields stand flush left
        "点击量与关注度齐升",
        "点燃激情 关注民生",
        "点击关注民生",
        "阅读原文件",
        "——",  # a sentence's dash
        "…………",  # an elision
        "——访市住建局局长刘海涛",
        "声明",  # a notice's headline
        "声明：滨海市某某公司营业执照正本遗失，声明作废。",  # a notice's text
        "听新闻联播有感",  # a headline opening with the widget's words
        "上一篇报道引发关注",  # no link's colon
        "会议定于2026-12-04 10:20召开",  # a day and a time in a sentence
        "截至2026-12-04 10:20",
        "收入 > 支出",  # a comparison, no site before it
        "阅读",  # one action alone: a supplement's column may be so named
        "赞",
        "原创作品获奖名单公布",  # the header's words in a headline
        "收录于《全唐诗》中的名篇",
        "阅读让生活更美好",
        "点赞新时代",
        "审核 通过",  # a staff label's word before no one's name
        "校对 工作",
        "编辑李四",  # no space: a sentence's words may run so
        "美编 王五",  # layout staff alone, whom a story's credits may name
        "制图 王五",
        "更多精彩在后头",  # the link's words in a headline
        "出行更方便，坐车刷二维码",  # a headline about paying by code
        "查看更多细节",
    ],
)
def test_headlines_with_the_same_words_are_no_web_furniture(line: str) -> None:
    assert not is_web_furniture_line(line)


def test_a_web_copys_staff_credit_under_a_story_is_dropped_not_its_last_paragraph() -> None:
    text = (
        "老旧管网改造启动\n本报讯（记者 陈立）3月11日，我市启动城区老旧供水管网改造。\n（责任编辑：王海）\n"
        "冠县梨园迎来授粉季\n本报讯（记者 张强）眼下正是梨树授粉的关键时期。\n【纠错】 【责任编辑：李青】\n"
    )
    page = parse_page(text)
    assert [(a.title, a.paragraphs) for a in page.articles] == [
        ("老旧管网改造启动", ["3月11日，我市启动城区老旧供水管网改造。"]),
        ("冠县梨园迎来授粉季", ["眼下正是梨树授粉的关键时期。"]),
    ]
    assert [(d.text, d.reason) for d in page.dropped] == [
        ("（责任编辑：王海）", "page-furniture"),
        ("【纠错】 【责任编辑：李青】", "page-furniture"),
    ]


def test_a_front_pages_box_of_what_is_inside_makes_no_article() -> None:
    text = (REPO / "seeds" / "001_1b9743f1e9e56b57.txt").read_text(encoding="utf-8")
    contents = ["今日导读", "老旧管网改造今年完成120公里 2版", "冠县梨园迎来授粉季 3版", ""]
    page = parse_page("\n".join([*contents, text]))
    assert [a.title for a in page.articles] == [a.title for a in parse_page(text).articles]
    assert [(d.text, d.reason) for d in page.dropped[:3]] == [
        (line, "page-furniture") for line in contents[:3]
    ]


def test_web_addresses_and_rules_among_headlines_are_furniture_but_a_storys_are_its_text() -> None:
    assert [
        is_address_or_rule(x) for x in ("http://paper.example.cn/a.htm", "www.example.cn", "---", "* * *")
    ] == [True] * 4
    assert not is_address_or_rule("网址：www.example.cn")
    page = labelled(
        "春耕时节访农家\n\n　　清晨六点，种粮大户已经在田里忙碌。\n\nhttp://paper.example.cn/a.htm\n\n"
        "夜间经济激活消费\n\n　　详情见\n\nwww.example.cn\n",
        "T _ B _ T _ T _ B _ B _",
    )
    assert [a.title for a in page.articles] == ["春耕时节访农家", "夜间经济激活消费"]
    assert page.articles[1].paragraphs == ["详情见", "www.example.cn"]
    assert Dropped("http://paper.example.cn/a.htm", "page-furniture", 5) in page.dropped


def _over_each_story(lines: list[str], starts: set[int], furniture: list[str]) -> list[str]:
    """``lines`` with a line of ``furniture`` (in turn) and a blank line over each story start."""
    copied: list[str] = []
    for number, line in enumerate(lines, start=1):
        if number in starts:
            copied += [furniture[len(copied) // 2 % len(furniture)], ""]
        copied.append(line)
    return copied


def test_e_paper_navigation_between_stories_is_dropped_and_leaves_the_stories_as_they_were() -> None:
    lines = (REPO / "seeds" / "003_1f3160a424f309b2.txt").read_text(encoding="utf-8").split("\n")
    plain = parse_page("\n".join(lines))
    starts = {a.line_start for a in plain.articles[1:]}
    navigation = ["上一篇　下一篇", "扫码看视频", "[图片]"]
    copied = _over_each_story(lines, starts, navigation)
    page = parse_page("\n".join(copied))
    assert len(plain.articles) >= 10
    assert [(a.kicker, a.title, a.paragraphs) for a in page.articles] == [
        (a.kicker, a.title, a.paragraphs) for a in plain.articles
    ]
    # kept as dropped page furniture, in order, with their lines (a dropped line's spaces are squeezed)
    assert [(d.text, d.line) for d in page.dropped if d.reason == "page-furniture"] == [
        (line.replace("\u3000", " "), number)
        for number, line in enumerate(copied, start=1)
        if line in navigation
    ]


def test_an_e_paper_article_copied_with_its_property_dump_keeps_its_headline() -> None:
    # One story copied from an e-paper's article page: its date and page label above, the page's
    # markup (a property dump closing an HTML comment) below, every line set apart by a blank.
    page = parse_page(
        "2026年11月20日\n第A03版:要闻 PDF版\n\n新桥通车\n\n"
        "11月19日,东江新桥正式通车,两岸市民往来由半小时缩短到五分钟。新桥全长一千二百米,"
        "设双向六车道和人行步道,桥下预留了游船航道。市交通部门介绍,通车后将同步开通两条公交线路,"
        "方便沿线居民出行。\n\n"
        "2026-11-20 3 3 东江晚报 content_104233.html 1 新桥通车 /enpproperty-->\n"
    )
    assert [a.title for a in page.articles] == ["新桥通车"]
    assert page.articles[0].paragraphs[-1].endswith("方便沿线居民出行。")
    assert page.dropped[-1].text.endswith("/enpproperty-->")
    assert page.dropped[-1].reason == "page-furniture"


def test_a_headline_between_an_e_papers_page_label_and_its_meta_line_is_no_furniture() -> None:
    # One story copied from an e-paper's article page, a blank line after every line: between the
    # page's date and label above and the meta line below, the shipped model reads the headline as
    # the page's furniture.
    text = (
        "2026年11月20日\n\n第A03版：要闻\n\n东江两岸夜市重开：从一条街到一座城的烟火\n\n"
        "（ 2026-11-20 ） 稿件来源：东江晚报 要闻\n\n本报记者 林晓\n\n"
        "入夜，东江南岸的老码头亮起一串串灯笼，停业三年的夜市重新开张。\n\n"
        "摊主陈阿姨一边翻着锅里的炒粉，一边招呼客人：“老主顾都回来了。”\n"
    )
    (story,) = parse_page(text).articles
    assert (story.title, story.byline) == ("东江两岸夜市重开：从一条街到一座城的烟火", "本报记者 林晓")
    assert len(story.paragraphs) == 2
    # A furniture line no headline: a piece a wrap cut off, a word count, a date.
    for furniture in ("版）", "字数：1134字", "某某晚报 2026年11月20日"):
        page = parse_page(text.replace("东江两岸夜市重开：从一条街到一座城的烟火", furniture))
        assert [a.title for a in page.articles] == [None], furniture


_GOVERNMENT_SITE_PAGE = (
    "首页 > 新闻中心 > 本地新闻\n\n{headline}\n\n"
    "发布时间：2026-12-04 10:20:15  来源：聊城市人社局  作者：王丽\n\n"
    "12月3日，聊城市冬季大型招聘会在市人力资源市场举行。\n"
)


def test_a_headline_with_a_year_over_a_meta_line_is_no_furniture() -> None:
    # The labeller read the headline as the page's dated furniture: a year alone is a headline's.
    page = labelled(_GOVERNMENT_SITE_PAGE.format(headline="聊城市举办2026年冬季招聘会"), "F _ F _ F _ B _")
    assert [(a.title, a.authors) for a in page.articles] == [("聊城市举办2026年冬季招聘会", ["王丽"])]


@pytest.mark.parametrize("furniture", ["2026年12月4日 星期五", "第3版 本地新闻", "2026-12-04"])
def test_a_date_or_a_page_over_a_meta_line_stays_furniture(furniture: str) -> None:
    page = labelled(_GOVERNMENT_SITE_PAGE.format(headline=furniture), "F _ F _ F _ B _")
    assert [a.title for a in page.articles] == [None]


_HEADER_OVER_A_STORY = "聊城日报 2026年12月4日 星期五 A3 县域\n\n{headline}\n本报记者 张华 通讯员 李明\n入冬以来，阳谷县签约项目十二个。\n"


def test_a_line_read_as_furniture_under_the_pages_header_over_a_byline_is_the_headline() -> None:
    page = labelled(_HEADER_OVER_A_STORY.format(headline="阳谷县：冬季招商不停步"), "F _ F BY B _")
    assert [(a.title, a.byline) for a in page.articles] == [
        ("阳谷县：冬季招商不停步", "本报记者 张华 通讯员 李明")
    ]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # a piece a wrap cut off the line above it
        (_HEADER_OVER_A_STORY.format(headline="稿件来源：某某日报\n要闻 县域"), "F _ F F BY B _"),
        # a field's label, spaced out by OCR
        (_HEADER_OVER_A_STORY.format(headline="日 作 者 ： 袁 平 文"), "F _ F BY B _"),
        # a figure: a date's, a page's
        (_HEADER_OVER_A_STORY.format(headline="第三版 县域 12月"), "F _ F BY B _"),
    ],
)
def test_furniture_that_is_no_headline_over_a_byline_stays_furniture(text: str, codes: str) -> None:
    page = labelled(text, codes)
    assert [a.title for a in page.articles] == [None]


_APP_COPY = (
    "聊城：冬季农田水利建设如火如荼\n聊城发布\n2026-12-04 10:20山东官方账号\n关注\n\n"
    "眼下正值冬季农田水利建设的黄金时期，我市各地掀起了兴修水利的热潮。\n\n"
    "在茌平区博平镇的施工现场，工人们正在清理沟渠。\n\n举报/反馈\n"
)


def test_a_news_apps_account_block_is_dropped_and_the_headline_over_it_kept() -> None:
    page = parse_page(_APP_COPY)
    assert [(a.title, a.paragraphs) for a in page.articles] == [
        (
            "聊城：冬季农田水利建设如火如荼",
            [
                "眼下正值冬季农田水利建设的黄金时期，我市各地掀起了兴修水利的热潮。",
                "在茌平区博平镇的施工现场，工人们正在清理沟渠。",
            ],
        )
    ]
    assert [d.text for d in page.dropped] == ["聊城发布", "2026-12-04 10:20山东官方账号", "关注", "举报/反馈"]
    assert page.date == "2026-12-04"
    # A double-spaced copy: blank lines between the block's lines.
    spaced = parse_page("\n\n".join(_APP_COPY.split("\n")))
    assert [a.title for a in spaced.articles] == ["聊城：冬季农田水利建设如火如荼"]
    assert "聊城发布" in [d.text for d in spaced.dropped]


def test_a_news_sites_page_copied_whole_keeps_only_the_story() -> None:
    page = parse_page(
        "首页 > 新闻中心 > 本地新闻\n\n东江新桥今日正式通车\n\n"
        "来源：东江日报　　作者：林晓　　发布时间：2026-11-20 09:30\n\n【字体：大 中 小】【打印】【关闭】\n\n"
        "\u3000\u300011月20日上午，东江新桥正式通车。\n\u3000\u3000新桥全长1200米，设双向六车道。\n\n"
        "相关新闻：\n东江两岸夜市重开\n城区新增公共停车泊位1200个\n\n责任编辑：王海\n"
    )
    (story,) = page.articles
    assert (story.kicker, story.title, story.authors) == (None, "东江新桥今日正式通车", ["林晓"])
    assert story.paragraphs == ["11月20日上午，东江新桥正式通车。", "新桥全长1200米，设双向六车道。"]
    assert [d.text for d in page.dropped if d.reason == "page-furniture"][-4:] == [
        "相关新闻：",
        "东江两岸夜市重开",
        "城区新增公共停车泊位1200个",
        "责任编辑：王海",
    ]
    # Under a related-links label, a paragraph of text is the story's, not a link.
    page = parse_page(
        "东江新桥今日正式通车\n\n\u3000\u300011月20日上午，东江新桥正式通车。\n\n"
        "相关链接\n\u3000\u3000东江旧桥建于1958年，曾是两岸唯一的通道。\n"
    )
    assert page.articles[0].paragraphs[-1] == "东江旧桥建于1958年，曾是两岸唯一的通道。"


def test_a_web_readers_markdown_copy_keeps_only_the_story() -> None:
    # What a reader tool writes for a news page: its header, markdown links, a picture, a list.
    page = parse_page(
        "Title: 老城区改造提速 三千户居民将迁新居_滨海日报\n\n"
        "URL Source: https://www.example.com/news/2026-03/12/content_1234567.html\n\n"
        "Markdown Content:\n"
        "[首页](https://www.example.com/) > [本地新闻](https://www.example.com/local/) > 正文\n\n"
        "# 老城区改造提速 三千户居民将迁新居\n\n"
        "2026-03-12 08:15 来源：滨海日报 作者：刘明\n\n"
        "![](https://img.example.com/2026/0312/a1.jpg)\n\n"
        "施工人员在老城区安置房项目现场作业。**记者 王强 摄**\n\n"
        "本报讯（记者 刘明）记者11日从市住建局获悉，今年我市老城区改造将提速，涉及居民约三千户。\n\n"
        "据介绍，此次改造范围包括东关、西关两个片区，总面积约42万平方米。\n\n"
        "**相关阅读**\n\n"
        "* [我市出台老旧小区改造十条措施](https://www.example.com/news/1.html)\n"
        "* [东关片区规划方案公示](https://www.example.com/news/2.html)\n\n"
        "责任编辑：赵丽\n"
    )
    (story,) = page.articles
    assert (story.title, story.byline, story.authors) == (
        "老城区改造提速 三千户居民将迁新居",
        "本报讯（记者 刘明）",
        ["刘明"],
    )
    assert story.paragraphs == [
        "施工人员在老城区安置房项目现场作业。（记者王强摄）",
        "记者11日从市住建局获悉，今年我市老城区改造将提速，涉及居民约三千户。",
        "据介绍，此次改造范围包括东关、西关两个片区，总面积约42万平方米。",
    ]
    furniture = [d.text for d in page.dropped if d.reason == "page-furniture"]
    for line in (
        "URL Source: https://www.example.com/news/2026-03/12/content_1234567.html",
        "Markdown Content:",
        "首页 > 本地新闻 > 正文",
        "我市出台老旧小区改造十条措施",
        "东关片区规划方案公示",
    ):
        assert line in furniture


def test_rules_drawn_between_stories_part_them_and_notices_head_their_own() -> None:
    page = parse_page(
        "老城区改造提速\n本报讯（记者 刘明）今年我市老城区改造将提速，涉及居民约三千户。\n"
        "据介绍，此次改造范围包括东关、西关两个片区。\n————————————————\n"
        "讣告\n我市著名书法家王某某同志因病医治无效，于2026年3月10日逝世，享年86岁。\n特此讣告。\n"
        "王某某同志治丧委员会\n2026年3月11日\n————————————————\n"
        "更正\n本报3月10日第2版《春季植树活动启动》一文中，“千余名”应为“两千余名”，特此更正。\n"
    )
    assert [(a.title, a.kind) for a in page.articles] == [
        ("老城区改造提速", "news"),
        ("讣告", "notice"),
        ("更正", "notice"),
    ]
    assert page.articles[0].paragraphs[-1] == "据介绍，此次改造范围包括东关、西关两个片区。"
    assert [d.text for d in page.dropped if d.reason == "page-furniture"] == ["————————————————"] * 2


def test_a_news_sites_copy_keeps_its_story_without_its_rights_lines() -> None:
    page = parse_page(
        "老城区改造提速 三千户居民将迁新居\n原标题：我市老城区改造全面提速\n"
        "2026-03-12 08:15:32 来源：滨海新闻网 作者：刘明 编辑：王海\n"
        "记者11日从市住建局获悉，今年我市老城区改造将提速，涉及居民约三千户。\n"
        "据介绍，此次改造范围包括东关、西关两个片区，总面积约42万平方米。\n"
        "（本文来源：滨海日报）\n"
        "声明：转载此文是出于传递更多信息之目的。若有来源标注错误或侵犯了您的合法权益，请作者持权属证明与本网联系。\n"
        "版权所有 滨海新闻网 未经授权禁止转载\n"
        "（原标题：老城区改造全面提速）\n"
    )
    (story,) = page.articles
    assert story.title == "老城区改造提速 三千户居民将迁新居"
    assert story.authors == ["刘明"]  # the meta line's author, beside the source credit
    assert story.byline == "（本文来源：滨海日报） 作者：刘明"
    assert story.paragraphs == [
        "记者11日从市住建局获悉，今年我市老城区改造将提速，涉及居民约三千户。",
        "据介绍，此次改造范围包括东关、西关两个片区，总面积约42万平方米。",
    ]
    assert "原标题：我市老城区改造全面提速" in [d.text for d in page.dropped]
    assert "（原标题：老城区改造全面提速）" in [d.text for d in page.dropped]


def test_a_public_accounts_copy_of_an_article_keeps_only_the_story() -> None:
    # A blank line between every two lines, the account's prompts and staff around the story.
    page = parse_page(
        "点击上方蓝字关注我们\n\n老城区改造提速！三千户居民将迁新居\n\n"
        "滨海发布 2026年03月12日 08:15 山东\n\n"
        "记者11日从市住建局获悉，今年我市老城区改造将提速，涉及居民约三千户。\n\n"
        "据介绍，此次改造范围包括东关、西关两个片区，总面积约42万平方米。\n\n"
        "来源：滨海日报\n\n编辑：王海\n\n审核：李青\n\n监制：赵敏\n\n"
        "往期推荐\n\n春季植树活动启动\n\n市区新增12条公交线路\n\n阅读原文\n"
    )
    (story,) = page.articles
    assert (story.title, story.byline, story.authors) == (
        "老城区改造提速！三千户居民将迁新居",
        "来源：滨海日报",
        [],
    )
    assert story.paragraphs == [
        "记者11日从市住建局获悉，今年我市老城区改造将提速，涉及居民约三千户。",
        "据介绍，此次改造范围包括东关、西关两个片区，总面积约42万平方米。",
    ]
    assert page.date == "2026-03-12"
    furniture = [d.text for d in page.dropped if d.reason == "page-furniture"]
    for line in (
        "点击上方蓝字关注我们",
        "编辑：王海",
        "审核：李青",
        "监制：赵敏",
        "市区新增12条公交线路",
        "阅读原文",
    ):
        assert line in furniture


@pytest.mark.parametrize(
    "staff",
    [
        "编辑：王海 校对：李强",
        "编辑：王海 校对：李强 组版：赵敏",  # who laid out the page, beside the copy's editors
        "本版编辑：王海 美编：李强",
        "美编：李强 编辑：王海",
        "本版编辑/王海 美编/李强 校对/赵敏",  # set apart by slashes
        "编辑 王海 美编 李强",  # by spaces
        "主编：王海 编辑：李青",  # the chief editor beside the editor
        "策划：王海 编辑：李青 校对：赵敏",
    ],
)
def test_a_staff_credit_under_a_story_is_furniture_and_a_chart_credit_stays_the_storys(staff: str) -> None:
    page = labelled(f"老城区改造提速\n\n今年我市老城区改造将提速。\n制图：张丹峰\n{staff}\n", "T _ B B B _")
    (story,) = page.articles
    assert story.paragraphs == ["今年我市老城区改造将提速。", "制图：张丹峰"]
    assert [d.text for d in page.dropped if d.reason == "page-furniture"] == [staff]


@pytest.mark.parametrize("credit", ["版式设计：赵敏", "制图：张丹峰"])
def test_a_storys_layout_credit_alone_stays_its_text(credit: str) -> None:
    # who drew a story's chart or laid it out, with no editor of the copy beside them: the corpus
    # keys such a line under a story as its text
    (story,) = labelled(f"老城区改造提速\n\n今年我市老城区改造将提速。\n{credit}\n", "T _ B B _").articles
    assert story.paragraphs == ["今年我市老城区改造将提速。", credit]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # the picture between the story's paragraphs
        (
            "老城区改造提速\n\n\u3000\u3000本报讯（记者 刘明）今年我市老城区改造将提速。\n\n"
            "图为施工人员在安置房项目现场作业。 王强 摄\n\n"
            "\u3000\u3000据介绍，改造范围包括东关、西关两个片区。\n\n"
            "春季植树活动启动\n\n\u3000\u3000本报讯（记者 赵敏）千余名干部群众参加。\n",
            "T _ B _ CAP _ B _ T _ B _",
        ),
        # the picture under the headline, over the story's lead
        (
            "老城区改造提速\n\n图为施工人员在安置房项目现场作业。 王强 摄\n\n"
            "\u3000\u3000本报讯（记者 刘明）今年我市老城区改造将提速。\n\n"
            "\u3000\u3000据介绍，改造范围包括东关、西关两个片区。\n\n"
            "春季植树活动启动\n\n\u3000\u3000本报讯（记者 赵敏）千余名干部群众参加。\n",
            "T _ CAP _ B _ B _ T _ B _",
        ),
    ],
    ids=["between-paragraphs", "under-the-headline"],
)
def test_a_storys_captioned_picture_stays_in_the_story(text: str, codes: str) -> None:
    page = labelled(text, codes)
    assert [(a.title, a.byline, a.kind) for a in page.articles] == [
        ("老城区改造提速", "本报讯（记者 刘明）", "news"),
        ("春季植树活动启动", "本报讯（记者 赵敏）", "news"),
    ]
    story = page.articles[0]
    assert "图为施工人员在安置房项目现场作业。（王强摄）" in story.paragraphs
    assert "据介绍，改造范围包括东关、西关两个片区。" in story.paragraphs
    assert "今年我市老城区改造将提速。" in story.paragraphs


@pytest.mark.parametrize("caption", ["图为施工人员在安置房项目现场作业。", "▲施工人员在安置房项目现场作业。"])
def test_a_caption_over_a_storys_lead_leaves_the_lead_its_byline(caption: str) -> None:
    page = labelled(
        f"老城区改造提速\n\n{caption}\n\n\u3000\u3000本报讯（记者 刘明）今年我市老城区改造将提速。\n\n"
        "\u3000\u3000据介绍，改造范围包括东关、西关两个片区。\n",
        "T _ CAP _ B _ B _",
    )
    (story,) = page.articles
    assert (story.title, story.byline, story.authors, story.kind) == (
        "老城区改造提速",
        "本报讯（记者 刘明）",
        ["刘明"],
        "news",
    )
    assert story.paragraphs[1:] == ["今年我市老城区改造将提速。", "据介绍，改造范围包括东关、西关两个片区。"]


def test_credited_pictures_in_a_row_under_a_story_stay_photos_of_their_own() -> None:
    # The next line is another picture's caption, not more of the story: each a photo article.
    page = labelled(
        "老城区改造提速\n\n\u3000\u3000本报讯（记者 刘明）今年我市老城区改造将提速。\n\n"
        "工人在换热站检修设备 本报记者 王刚摄\n市民在公园晨练 本报记者 李青摄\n",
        "T _ B _ CAP CAP _",
    )
    assert [(a.title, a.byline, a.kind) for a in page.articles] == [
        ("老城区改造提速", "本报讯（记者 刘明）", "news"),
        (None, "本报记者 王刚摄", "photo"),
        (None, "本报记者 李青摄", "photo"),
    ]


def test_the_short_line_over_a_storys_lead_is_its_headline() -> None:
    # The labeller read the headline as text (a colon inside, words it knows from text).
    page = labelled(
        "食环署加强巡查\n\n本报讯 食环署昨日表示，投诉下跌三成。\n\n"
        "天文台：周末转凉 最低气温17度\n【本报讯】天文台预测，本港周末气温下降。\n",
        "T _ B _ B B _",
    )
    assert [(a.title, a.byline, a.paragraphs) for a in page.articles] == [
        ("食环署加强巡查", "本报讯", ["食环署昨日表示，投诉下跌三成。"]),
        ("天文台：周末转凉 最低气温17度", "【本报讯】", ["天文台预测，本港周末气温下降。"]),
    ]


def test_the_short_line_over_a_lead_under_a_headline_is_its_subtitle() -> None:
    page = labelled(
        "市长会见友好城市代表团团长\n双方共同宣布建立友好交流合作关系\n"
        "本报聊城10月12日电 （记者孙立新）市长12日会见友好城市代表团团长。\n",
        "T B B _",
    )
    assert [(a.title, a.subtitle, a.byline) for a in page.articles] == [
        (
            "市长会见友好城市代表团团长",
            "双方共同宣布建立友好交流合作关系",
            "本报聊城10月12日电 （记者孙立新）",
        )
    ]


def test_a_headline_a_column_broke_over_a_storys_lead_is_one_headline() -> None:
    # The labeller read both lines as text; the story above ended with its sentence.
    page = labelled(
        "食环署加强巡查\n\n本报讯 食环署昨日表示，投诉下跌三成。\n\n"
        "天文台预测周末转凉\n最低气温17度\n本报讯 天文台预测，本港周末气温下降。\n",
        "T _ B _ B B B _",
    )
    assert [(a.title, a.byline, a.paragraphs) for a in page.articles] == [
        ("食环署加强巡查", "本报讯", ["食环署昨日表示，投诉下跌三成。"]),
        ("天文台预测周末转凉最低气温17度", "本报讯", ["天文台预测，本港周末气温下降。"]),
    ]


def test_a_sections_name_over_a_broken_headline_and_its_lead_is_the_pages_section() -> None:
    page = labelled(
        "体育\n\n中国女排3:0横扫日本队\n晋级决赛\n\n本报讯（记者 赵敏）11日晚，中国女排以3:0横扫日本队。\n",
        "T _ B B _ B _",
    )
    assert page.section == "体育"
    assert [(a.kicker, a.title, a.byline, a.paragraphs) for a in page.articles] == [
        (None, "中国女排3:0横扫日本队晋级决赛", "本报讯（记者 赵敏）", ["11日晚，中国女排以3:0横扫日本队。"])
    ]


def test_a_line_ending_with_a_dash_over_a_headline_and_its_lead_is_its_kicker() -> None:
    page = labelled(
        "食环署加强巡查\n\n本报讯 食环署昨日表示，投诉下跌三成。\n\n"
        "天文台——\n本港周末转凉\n本报讯 天文台预测，本港周末气温下降。\n",
        "T _ B _ B B B _",
    )
    assert [(a.kicker, a.title) for a in page.articles] == [
        (None, "食环署加强巡查"),
        ("天文台——", "本港周末转凉"),
    ]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # under a headline that is no section's name: a subtitle of two lines, or text; as read
        (
            "食环署加强巡查\n\n天文台预测周末转凉\n最低气温17度\n本报讯 天文台预测，本港周末气温下降。\n",
            "T _ B B B _",
        ),
        # a line longer than a broken headline's
        (
            "食环署加强巡查\n\n本报讯 食环署昨日表示，投诉下跌三成。\n\n天文台预测今个周末天气将明显转凉市民出门时注意添衣\n"
            "最低气温17度\n本报讯 天文台预测，本港周末气温下降。\n",
            "T _ B _ B B B _",
        ),
        # a hard-wrapped paragraph's last two lines, which fill the page's width
        (
            "食环署加强巡查\n\n本报讯 食环署昨日表示，投诉\n下跌三成，署方将与居民组织\n合作收集市民意见，加强巡查\n"
            "力度，改善环境卫生。\n署方将在各区设立收集点供市\n民投放回收物品以减少垃圾量\n"
            "本报讯 天文台预测，本港周末\n气温下降，市民注意添衣保暖\n。天文台表示，明日起气温回\n升，周末天气以晴朗为主。\n",
            "T _ B B B B B B B B B B _",
        ),
    ],
    ids=["under-a-headline", "too-long", "hard-wrapped"],
)
def test_two_lines_over_a_lead_that_are_no_broken_headline_stay_as_read(text: str, codes: str) -> None:
    assert [a.title for a in labelled(text, codes).articles] == ["食环署加强巡查"]


def test_two_lines_over_a_lead_the_second_longer_are_the_next_storys_headline_and_subtitle() -> None:
    # A column breaks no headline into a shorter first line: the pair is a headline over its
    # subtitle (it stayed in the story above, as no broken headline).
    page = labelled(
        "食环署加强巡查\n\n本报讯 食环署昨日表示，投诉下跌三成。\n\n线上跳绳挑战赛启动\n所得善款将用于资助乡村学校\n"
        "本报讯 市体育总会昨日启动线上跳绳公益挑战赛。\n",
        "T _ B _ B B B _",
    )
    assert [(a.title, a.subtitle) for a in page.articles] == [
        ("食环署加强巡查", None),
        ("线上跳绳挑战赛启动", "所得善款将用于资助乡村学校"),
    ]


def test_a_signature_over_a_headline_and_its_lead_is_no_headlines_first_line() -> None:
    # The signature closes the letter above; the line under it is the headline alone.
    page = labelled(
        "读者来信\n\n小区门前的路灯修好了，感谢有关部门。\n山东聊城 读者 王建国\n"
        "天文台预测周末转凉\n本报讯 天文台预测，本港周末气温下降。\n",
        "T _ B B B B _",
    )
    assert [(a.title, a.paragraphs) for a in page.articles] == [
        ("读者来信", ["小区门前的路灯修好了，感谢有关部门。", "山东聊城读者王建国"]),
        ("天文台预测周末转凉", ["天文台预测，本港周末气温下降。"]),
    ]


@pytest.mark.parametrize(
    ("names", "codes", "authors"),
    [
        ("赵敏", "K T _ B _", ["赵敏"]),  # read as the headline under a kicker
        ("王海 李青", "T T _ B _", ["王海", "李青"]),  # read as the headline's second line
        ("王海;李青;", "T S _ B _", ["王海", "李青"]),  # an archive's copy, read as a subtitle
        ("王海、李青", "T B _ B _", ["王海", "李青"]),  # read as the story's first paragraph
    ],
)
def test_writers_names_alone_under_a_headline_are_its_byline(
    names: str, codes: str, authors: list[str]
) -> None:
    page = labelled(f"东昌府区启动供暖设施检修\n{names}\n\n　　连日来，东昌府区全面检修供暖设施。\n", codes)
    assert [(a.kicker, a.title, a.byline, a.authors, a.paragraphs) for a in page.articles] == [
        (None, "东昌府区启动供暖设施检修", names, authors, ["连日来，东昌府区全面检修供暖设施。"])
    ]


def test_a_name_under_a_kicker_that_the_story_is_about_stays_its_headline() -> None:
    page = labelled(
        "最美乡村教师\n张桂梅\n\n　　本报讯（记者 李青）张桂梅扎根边疆教育一线四十余年。\n", "K T _ B _"
    )
    assert [(a.kicker, a.title, a.authors) for a in page.articles] == [("最美乡村教师", "张桂梅", ["李青"])]


def test_a_writers_name_under_a_headline_named_again_in_the_lead_is_the_byline() -> None:
    page = labelled(
        "东昌府区启动供暖设施检修\n赵敏\n\n　　本报讯（记者 赵敏）连日来，全区检修供暖设施。\n", "T T _ B _"
    )
    assert [(a.title, a.authors) for a in page.articles] == [("东昌府区启动供暖设施检修", ["赵敏"])]


def test_a_headlines_tail_a_hard_wrap_cut_is_no_writers_name() -> None:
    # The page is hard-wrapped at 14 characters: 安全 is the rest of the headline's line above.
    page = labelled(
        "全市开展冬季消防隐患排查确保\n安全\n\n本报讯 入冬以来，全市各地开\n展消防隐患排查，重点检查人\n"
        "员密集场所，督促整改隐患一\n百余处。消防部门提醒，冬季\n取暖用火用电增多，市民要注\n意防范火灾，安全使用电器。\n",
        "T T _ B B B B B B _",
    )
    [article] = page.articles
    assert (article.title, article.byline) == ("全市开展冬季消防隐患排查确保安全", "本报讯")


def test_a_name_inside_a_headline_stays_the_headlines() -> None:
    page = labelled(
        "东昌府区启动\n张 三\n供暖设施检修\n\n　　连日来，东昌府区全面检修供暖设施。\n", "T T T _ B _"
    )
    [article] = page.articles
    assert article.byline is None
    assert article.title is not None and article.title.startswith("东昌府区启动") and "三" in article.title


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("赵敏", ["赵敏"]),
        ("赵敏;", ["赵敏"]),
        ("张 三", ["张三"]),
        ("王海 李青", ["王海", "李青"]),
        ("王海；李青", ["王海", "李青"]),
        ("■ 王海、李青", ["王海", "李青"]),
        ("欧阳修远 李青", ["欧阳修远", "李青"]),
        ("张研 胡梦雪 董雪）", None),  # a credit's piece a wrap cut
        ("王者归来", None),  # four characters without a compound surname
        ("高质量 发展", None),
        ("王海 王海", None),
        ("王海 李青 赵敏 孙丽 周平", None),  # more names than a byline lists
    ],
)
def test_a_line_of_writers_names(line: str, names: list[str] | None) -> None:
    found = parse_names_line(line)
    assert (found[1] if found else None) == names


@pytest.mark.parametrize(
    ("line", "codes"),
    [
        ("——记者手记", "T _ B _ B B _"),  # a dash: a subtitle's or a part's, no headline
        ("署方昨日表示：", "T _ B _ B B _"),  # runs on into the next line
        ("新华社北京3月11日电", "T _ B _ B B _"),  # a dateline on a line of its own
        ("□记者 杨燕 通讯员 孙萍", "T _ B _ B B _"),  # a reporter's line
        ("（完）", "T _ B _ B B _"),  # the story above's end mark
        ("（本报综合）", "T _ B _ B B _"),  # its credit
        ("王海", "T _ B _ B B _"),  # its signature
    ],
)
def test_a_line_over_a_lead_that_is_no_headline_stays_as_read(line: str, codes: str) -> None:
    page = labelled(
        f"食环署加强巡查\n\n本报讯 食环署昨日表示，投诉下跌三成。\n\n{line}\n（记者 王强）本港周末气温下降。\n",
        codes,
    )
    assert [a.title for a in page.articles][:1] == ["食环署加强巡查"]
    assert line.replace("——", "") not in [a.title for a in page.articles]


_SPACED_META = "(   2 0 2 6 - 0 4 - 3 0   )   稿 件 来 源\n: 东 江 都 市 日 报   各 地\n"


def test_a_meta_line_ocr_spaced_out_and_a_wrap_cut_is_furniture_under_its_headline() -> None:
    # The labeller read all as text: the pieces say nothing to its features, read as printed.
    page = labelled(
        "云德晚报　2026年4月30日\n\n从东阿到阳\n谷，两座古城共答一道题\n"
        + _SPACED_META
        + "本报讯（记者 林超）一曲民歌，道出了对重逢的期盼。\n",
        "F _ B B B B B _",
    )
    [article] = page.articles
    assert (article.title, article.byline) == ("从东阿到阳谷，两座古城共答一道题", "本报讯（记者 林超）")
    assert article.paragraphs == ["一曲民歌，道出了对重逢的期盼。"]
    assert [d.reason for d in page.dropped if "2 0 2 6" in d.text or "东 江" in d.text] == [
        "page-furniture"
    ] * 2


def test_the_line_over_a_headline_over_a_spaced_meta_line_ends_the_story_above() -> None:
    # A paragraph's tail (三成) over the headline: the story above had not ended, no headline's line.
    page = labelled(
        "食环署加强巡查\n\n本报讯 食环署昨日表示，投诉下跌\n三成\n天文台周末转凉\n"
        + _SPACED_META
        + "本报讯 天文台预测，本港周末气温下降。\n",
        "T _ B B B B B B _",
    )
    assert [a.title for a in page.articles] == ["食环署加强巡查", "天文台周末转凉"]


def test_a_line_ending_with_a_dash_over_a_headline_over_a_meta_line_is_its_kicker() -> None:
    page = labelled(
        "云德晚报　2026年1月5日\n\n聊城科技特派员走进乡村企业——\n妙手助农的工作队\n"
        "来源：新华社 2026-01-05 08:30\n本报讯 全市两千余名农技专家走进企业。\n",
        "F _ B B B B _",
    )
    assert [(a.kicker, a.title) for a in page.articles] == [
        ("聊城科技特派员走进乡村企业——", "妙手助农的工作队")
    ]


def test_a_hard_wrapped_paragraphs_line_over_a_headline_over_a_meta_line_is_no_headlines() -> None:
    # The line over the headline fills the page's width: a paragraph's, not a headline's first line.
    page = labelled(
        "食环署加强巡查\n\n本报讯 食环署昨日表示，投诉\n下跌三成，署方将与居民组织\n合作收集市民意见，加强巡查\n"
        "力度，改善环境卫生。\n署方将在各区设立收集点供市\n天文台周末转凉\n来源：新华社 2026-01-05 08:30\n"
        "本报讯 天文台预测，本港周末\n气温下降，市民注意添衣保暖\n。天文台表示，明日起气温回\n升，周末天气以晴朗为主。\n",
        "T _ B B B B B B B B B B B _",
    )
    assert [a.title for a in page.articles] == ["食环署加强巡查", "天文台周末转凉"]


def test_a_broken_headline_over_a_spaced_meta_line_after_a_closing_dateline_is_whole() -> None:
    # The story above closes with its wire's dateline, as the second paper prints it: the two lines
    # under it are one headline, not its text and the headline's second half.
    page = labelled(
        "春耕正当时\n\n　　本报讯 各地抢抓农时开展春耕。\n新华社三亚4月28日电\n\n各地返乡青年新\n创业一线观察\n"
        + _SPACED_META
        + "本报讯（记者 林超）正是春耕农忙时。\n",
        "T _ B B _ B B B B B _",
    )
    assert [a.title for a in page.articles] == ["春耕正当时", "各地返乡青年新创业一线观察"]


# A page hard-wrapped at 16 characters, headlines and a web meta line too, as a PDF's columns cut it
_WRAPPED_AT_16 = (
    "城区新建口袋公园十二处\n今年以来，城区新建口袋公园十二处\n，市民出门就能见绿。公园里设有健\n"
    "身器材和休息座椅，深受周边居民欢\n迎。\n（本报记者 王芳）\n{head}"
    "（ 2026-11-20 ） 稿\n件来源：聊城日报 要闻\n"
    "初冬的东昌湖畔，风里带着凉意，但\n湖边的步道上已经热闹起来。这座城\n市最大的湖泊，正在迎来新的游客。\n"
)


def _wrapped_at_16(head: str) -> Page:
    """The page with ``head`` over the meta line, every line but the first headline and the credit
    read as text, as the labeller read such pieces where the page's lines are as long as they are."""
    text = _WRAPPED_AT_16.format(head=head)
    codes = ["T"] + ["B"] * (len(text.split("\n")) - 2) + ["_"]
    codes[5] = "CR"
    return labelled(text, " ".join(codes))


def test_a_headline_a_hard_wrap_cut_over_a_meta_line_it_cut_is_found_whole() -> None:
    page = _wrapped_at_16("春到东昌湖：从一片水面到一座城的\n名片\n")
    assert [a.title for a in page.articles] == [
        "城区新建口袋公园十二处",
        "春到东昌湖：从一片水面到一座城的名片",
    ]
    assert page.articles[1].paragraphs == [
        "初冬的东昌湖畔，风里带着凉意，但湖边的步道上已经热闹起来。这座城市最大的湖泊，正在迎来新的游客。"
    ]
    assert [d.text for d in page.dropped] == ["（ 2026-11-20 ） 稿", "件来源：聊城日报 要闻"]


def test_a_dateline_as_long_as_a_wrapped_line_is_no_piece_of_the_headline_under_it() -> None:
    # The line over the headline's is a dateline as long as the page's lines: no piece of it, but
    # the close of the story above, which sets the headline apart.
    page = _wrapped_at_16(
        "他说：“我们要把这件好事办好办实。”\n新华社济南2026年11月3日电\n东昌府区试点社区食堂老人吃上热饭\n——聊城养老服务见闻\n"
    )
    article = page.articles[-1]
    assert (article.title, article.subtitle) == ("东昌府区试点社区食堂老人吃上热饭", "——聊城养老服务见闻")


def test_a_kicker_as_long_as_a_wrapped_line_over_a_headline_over_a_cut_meta_line_stays_apart() -> None:
    # Fourteen characters on a page cut at sixteen: a line of its own, no piece of the headline.
    page = _wrapped_at_16("城区新增停车泊位缓解停车难题\n老街区停车不再难\n")
    assert [a.title for a in page.articles][1:] == ["老街区停车不再难"]


@pytest.mark.parametrize(
    "head",
    [
        # a paragraph's lines, longer than a headline and holding a sentence's end
        "初冬的东昌湖畔，风里带着凉意，但\n湖边的步道上已经热闹起来。这座城\n市最大的湖泊，正在迎来新的游客们\n的欢笑\n",
        # two lines as full as the page's under one that does not end what it belongs to
        "湖区里，\n这片城市里最大的湖泊已经结了薄冰\n正在迎来今冬的第一批游客湖边的商\n户们开始忙碌\n",
    ],
)
def test_a_paragraphs_tail_over_a_cut_meta_line_heads_no_story(head: str) -> None:
    # At a story's end a meta line stands under its last paragraph, here cut with no full stop left.
    page = _wrapped_at_16(head)
    assert [a.title for a in page.articles] == ["城区新建口袋公园十二处"]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # a headline the labeller found, between a staff credit and a site's meta line
        (
            "北京明年起实施新版垃圾分类标准\nhttp://news.sina.com.cn 2005年12月03日08:32 新京报\n"
            "本报讯 （记者 王明）昨日，市市政管委宣布，明年起本市将实施新版垃圾分类标准。\n(责任编辑：李四)\n"
            "地铁5号线明年通车\nhttp://news.sina.com.cn 2005年12月03日09:15 北京青年报\n"
            "本报讯 （记者 张三）记者昨日从市重大办获悉，地铁5号线将于明年通车。\n",
            "T F B F T F B _",
        ),
        # a story's first sentence under a meta line a wrap cut: the last field's value runs into it
        (
            "一碗面的故事\n《水城晚报》（2016年0\n5月08日 第21版）\n发布时间：2016年5月8\n日 作者：孙丽娟\n"
            "父亲爱吃面，尤其是手擀面。\n我小的时候，父亲在乡村教书。\n",
            "T F F B B B B _",
        ),
        # … and a paragraph's first line, indented, on a page set without punctuation
        (
            "一碗面的故事\n《水城晚报》（2016年0\n5月08日 第21版）\n发布时间：2016年5月8\n日 作者：孙丽娟\n"
            "\u3000\u3000父亲爱吃面尤其是手擀面\n\u3000\u3000我小的时候父亲在乡村教书\n",
            "T F F B B B B _",
        ),
    ],
)
def test_lines_that_only_join_into_a_meta_lines_shape_stay_as_read(text: str, codes: str) -> None:
    page = labelled(text, codes)
    kept = [a.title for a in page.articles] + [p for a in page.articles for p in a.paragraphs]
    assert (
        "地铁5号线明年通车" in kept
        or "父亲爱吃面，尤其是手擀面。" in kept
        or "父亲爱吃面尤其是手擀面" in kept
    )
    assert not any(d.text.startswith(("地铁", "父亲", "\u3000")) for d in page.dropped)


@pytest.mark.parametrize(
    ("line", "lone"),
    [
        ("新华社三亚4月28日电", True),
        ("（本报莫斯科2月20日电）", True),
        ("新华社巴西圣保罗电", True),
        ("新华社北京5月1日电（记者 王海）", False),  # it names a reporter: a lead's byline
        ("新华社北京5月1日电 今天，春耕全面展开。", False),  # the lead's text after it
    ],
)
def test_a_dateline_alone(line: str, lone: bool) -> None:
    assert is_lone_dateline(line) is lone


def test_the_tail_of_a_wrapped_meta_line_over_a_lead_is_no_headline() -> None:
    page = labelled(
        "城区交警试行可变车道\n（ 2026-05-\n03 ） 稿件来源：\n东江都市日报 综合\n"
        "新华社济南5月2日电\n（记者孙立）济聊高速东阿段启用可变车道。\n",
        "T F F B B B _",
    )
    assert [a.title for a in page.articles] == ["城区交警试行可变车道"]


def test_the_tail_of_a_paragraph_over_a_lead_stays_in_the_paragraph() -> None:
    page = labelled(
        "食环署加强巡查\n\n本报讯 食环署昨日表示，署方将与居民组织合作，收集\n市民意见\n"
        "本报讯 天文台预测，本港周末气温下降。\n",
        "T _ B B B _",
    )
    assert [a.title for a in page.articles] == ["食环署加强巡查"]


def test_a_call_or_a_broadcast_on_a_day_is_no_dateline() -> None:
    assert split_lead("新华社记者三日电话采访了他。") is None
    assert split_lead("人民日报今天十日电视直播。") is None


@pytest.mark.parametrize(
    ("paragraph", "opens"),
    [
        ("据共同社12月2日报道，日本央行决定维持现行政策。", True),
        ("据叙通社10月20日报道，发言人表示。", True),
        ("【美国《纽约时报》网站12月1日报道】题：美国工厂的回流梦想遭遇现实", True),
        ("【俄新社莫斯科12月2日电】俄罗斯政府宣布经济刺激计划。", True),
        ("据统计，今年投资下降了百分之八。", False),  # no outlet and no day
        ("据报道，日本央行决定维持现行政策。", False),
        ("据了解，该项目12月2日开工。", False),  # a day, but in the sentence
    ],
)
def test_a_story_retold_from_a_dated_report(paragraph: str, opens: bool) -> None:
    assert opens_with_report(paragraph) is opens


def test_the_short_line_over_a_story_retold_from_a_report_is_its_headline() -> None:
    # 参考消息's way: another outlet's dated report opens each story, no reporter of its own.
    page = labelled(
        "美媒：美国制造业回流步履维艰\n\n【美国《纽约时报》网站12月1日报道】题：美国工厂的回流梦想遭遇现实\n"
        "尽管政府出台了激励措施，回流速度仍低于预期。\n\n日本央行维持超宽松货币政策\n\n"
        "据共同社12月2日报道，日本央行决定维持现行货币政策不变。\n",
        "T _ B B _ B _ B _",
    )
    assert [a.title for a in page.articles] == ["美媒：美国制造业回流步履维艰", "日本央行维持超宽松货币政策"]
    assert page.articles[1].paragraphs == ["据共同社12月2日报道，日本央行决定维持现行货币政策不变。"]


_STORIES_APART = (
    "城区新增三处口袋公园\n本报讯（记者 王强）近日，城区新增三处口袋公园。\n市民纷纷点赞。\n\n"
    "{middle}\n\n"
    "冬季供暖准备就绪\n今年供暖季将于11月15日开始。\n市热力公司已完成管网检修。\n"
)


def test_on_a_page_that_sets_stories_apart_the_short_line_opening_a_block_is_its_headline() -> None:
    # A blank line between stories and none inside one; the labeller read the middle story's
    # headline as a crosshead.
    page = labelled(
        _STORIES_APART.format(middle="老旧小区改造启动\n记者 李明\n今年全市将改造老旧小区50个。"),
        "T B B _ B B B _ T B B _",
    )
    assert [a.title for a in page.articles] == [
        "城区新增三处口袋公园",
        "老旧小区改造启动",
        "冬季供暖准备就绪",
    ]
    assert page.articles[1].paragraphs == ["今年全市将改造老旧小区50个。"]


def test_a_masthead_line_over_the_first_story_opens_no_block_of_its_own() -> None:
    # The page's masthead line is furniture: the first story's headline opens a block as the
    # page's first other line, so that three of four blocks open with a headline.
    text = "大众日报 2026年12月4日 星期五 第5版 综合\n" + _STORIES_APART.format(
        middle="老旧小区改造启动\n今年全市将改造老旧小区50个。"
    )
    page = labelled(text, "F T B B _ B B _ T B B _")
    assert [a.title for a in page.articles] == [
        "城区新增三处口袋公园",
        "老旧小区改造启动",
        "冬季供暖准备就绪",
    ]
    # Where the masthead line is the page's first block (a blank line under it), it is still no
    # block of its own, and the one under it is.
    gapped = text.replace("综合\n", "综合\n\n", 1)
    page = labelled(gapped, "F _ T B B _ B B _ T B B _")
    assert [a.title for a in page.articles] == [
        "城区新增三处口袋公园",
        "老旧小区改造启动",
        "冬季供暖准备就绪",
    ]


def test_two_short_lines_opening_a_block_stay_as_read() -> None:
    # A kicker over its headline, or a headline over its subtitle: no telling which.
    page = labelled(
        _STORIES_APART.format(middle="一图读懂\n2026年全市民生实事\n今年以来，全市推进20件民生实事。"),
        "T B B _ B B B _ T B B _",
    )
    assert [a.title for a in page.articles] == ["城区新增三处口袋公园", "冬季供暖准备就绪"]


def test_two_short_lines_over_a_reporters_line_opening_a_block_are_kicker_and_headline() -> None:
    # Over a byline they head a story all the same; a kicker over a headline is the commoner
    # block (the corpus's two-line blocks without a dash: 2,719 against 506 headline-subtitle).
    page = labelled(
        _STORIES_APART.format(
            middle="聚焦“三农”\n种粮大户的新账本\n本报记者 李强\n今年，张师傅家的小麦获得丰收。"
        ),
        "T B B _ B B BY B _ T B B _",
    )
    assert [(a.kicker, a.title, a.byline) for a in page.articles] == [
        (None, "城区新增三处口袋公园", "本报讯（记者 王强）"),
        ("聚焦“三农”", "种粮大户的新账本", "本报记者 李强"),
        (None, "冬季供暖准备就绪", None),
    ]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # a blank line under a headline too (the corpus's placeholders): blocks are no stories
        (
            _STORIES_APART.format(middle="老旧小区改造启动\n今年全市将改造老旧小区50个。")
            + "\n燃气安全检查开展\n\n本月起全市开展燃气安全检查。\n",
            "T B B _ B B _ T B B _ T _ B _",
        ),
        # the paragraph above runs on over the gap (a page break in a sentence)
        (
            _STORIES_APART.replace("市民纷纷点赞。", "市民纷纷点赞，").format(
                middle="老旧小区改造启动\n今年全市将改造老旧小区50个。"
            ),
            "T B B _ B B _ T B B _",
        ),
    ],
)
def test_a_short_line_opening_a_block_stays_as_read_where_blocks_are_no_stories(
    text: str, codes: str
) -> None:
    page = labelled(text, codes)
    assert "老旧小区改造启动" not in [a.title for a in page.articles]


def test_a_byline_a_narrow_column_cut_in_two_is_the_byline_under_its_headline() -> None:
    # The labeller took the byline's first piece for the headline and the headline for a kicker.
    page = labelled(
        "“三个一”助推专项行动 取得显著成效\n□宋延安 谷学燕 报\n道\n"
        "本报聊城讯 今年以来，阳谷县扎实推进专项行动。\n",
        "K T BY B _",
    )
    assert [(a.kicker, a.title, a.byline, a.authors) for a in page.articles] == [
        (None, "“三个一”助推专项行动 取得显著成效", "□宋延安 谷学燕 报道", ["宋延安", "谷学燕"])
    ]


@pytest.mark.parametrize(
    ("head", "tail", "byline", "authors"),
    [
        ("□本报记者 胡磊 薛", "良诚", "□本报记者 胡磊 薛良诚", ["胡磊", "薛良诚"]),  # a name cut
        ("□郭舒 李思哲 吴纪", "磊 报道", "□郭舒 李思哲 吴纪磊 报道", ["郭舒", "李思哲", "吴纪磊"]),
        ("□孙伟 付研 许慧", "李坤朋 报道", "□孙伟 付研 许慧 李坤朋 报道", ["孙伟", "付研", "许慧", "李坤朋"]),
    ],
)
def test_a_bylines_pieces_are_joined_where_the_wrap_cut_them(
    head: str, tail: str, byline: str, authors: list[str]
) -> None:
    page = labelled(
        f"聊城组织重点项目现场观摩会\n{head}\n{tail}\n重点项目是推动高质量发展的根本依托。\n", "T BY BY B _"
    )
    assert [(a.byline, a.authors) for a in page.articles] == [(byline, authors)]


def test_a_bylines_first_piece_read_as_a_headline_line_joins_its_second_even_a_byline_alone() -> None:
    # 大鹏 报道 reads as a byline by itself; the name cut at 刘 says the two are one.
    page = labelled(
        "聊城探索全方位生态补偿模式\n□孙亚飞 赵永斌 刘\n大鹏 报道\n本报聊城讯 近年来，聊城推进生态补偿。\n",
        "T T BY B _",
    )
    assert [(a.title, a.byline, a.authors) for a in page.articles] == [
        ("聊城探索全方位生态补偿模式", "□孙亚飞 赵永斌 刘大鹏 报道", ["孙亚飞", "赵永斌", "刘大鹏"])
    ]


def test_a_headline_over_its_byline_stays_a_headline() -> None:
    page = labelled("冬湖初雪\n文/孙雪华\n东昌湖畔，工作人员在湖面上清理浮冰。\n", "T BY B _")
    assert [(a.title, a.byline) for a in page.articles] == [("冬湖初雪", "文/孙雪华")]


def test_a_lead_read_as_a_byline_opens_the_storys_text() -> None:
    # A narrow column's first line of a story: 本报冠县讯 is no byline with names 冠县讯 and 近段时间.
    page = labelled(
        "排忧解难办实事\n□孙伟 付研 许慧 李坤朋 报道\n本报冠县讯 近段时间\n，由于雨水较多，部分农田受灾。\n",
        "T BY BY B _",
    )
    article = page.articles[0]
    assert (article.byline, article.authors) == (
        "□孙伟 付研 许慧 李坤朋 报道",
        ["孙伟", "付研", "许慧", "李坤朋"],
    )
    assert article.paragraphs[0].startswith("近段时间")


@pytest.mark.parametrize(
    "page_title",
    [
        "聊城将实施产业振兴三年行动计划_聊城新闻网",
        "聊城将实施产业振兴三年行动计划 - 聊城新闻网",
        "新华网 | 聊城将实施产业振兴三年行动计划",
    ],
)
def test_a_web_pages_title_over_its_headline_is_furniture(page_title: str) -> None:
    page = labelled(
        f"{page_title}\n聊城将实施产业振兴三年行动计划\n本报讯（记者 林金彦）12月28日，市发展改革委介绍。\n",
        "K T B _",
    )
    assert [(a.kicker, a.title) for a in page.articles] == [(None, "聊城将实施产业振兴三年行动计划")]
    assert [d.text for d in page.dropped if d.reason == "page-furniture"] == [page_title]


def test_a_kicker_that_only_shares_the_headlines_words_stays_a_kicker() -> None:
    page = labelled(
        "聊城将实施产业振兴三年行动计划，聚焦五大产业\n聊城将实施产业振兴三年行动计划\n本报讯 市发展改革委介绍。\n",
        "K T B _",
    )
    assert [(a.kicker, a.title) for a in page.articles] == [
        ("聊城将实施产业振兴三年行动计划，聚焦五大产业", "聊城将实施产业振兴三年行动计划")
    ]


def test_a_hong_kong_page_in_traditional_script_gives_each_story_its_headline() -> None:
    page = parse_page(
        "港聞\n2026年3月12日 星期四\n\n食環署加強巡查 街市衞生改善\n\n"
        "【本報訊】食物環境衞生署昨日表示，全港公眾街市的衞生投訴宗數下跌約三成。\n\n"
        "有街市檔主表示，清潔情況確有改善。「生意淡，租金卻年年加，好難捱。」在九龍城街市經營菜檔的陳太說。\n\n"
        "天文台：周末轉涼 最低氣溫17度\n\n"
        "【本報訊】天文台預測，一道冷鋒將於周六橫過華南沿岸，本港周末氣溫顯著下降。\n\n"
        "天文台提醒市民，天氣轉涼，應適時添衣。\n"
    )
    assert [(a.title, a.byline) for a in page.articles] == [
        ("食環署加強巡查 街市衞生改善", "【本報訊】"),
        ("天文台：周末轉涼 最低氣溫17度", "【本報訊】"),
    ]
    assert page.date == "2026-03-12"


@pytest.mark.parametrize(
    ("paragraph", "byline", "author"),
    [
        ("（文/图 王明）近日，西山县第一中学举行冬季运动会。", "（文/图 王明）", "王明"),
        ("（图文 李华）东湖区今年新建口袋公园两座。", "（图文 李华）", "李华"),
        ("(文·图 赵敏)入冬以来，西山县迎来首场降雪。", "(文·图 赵敏)", "赵敏"),
    ],
)
def test_a_writer_and_photographer_in_brackets_opening_a_paragraph_is_its_lead(
    paragraph: str, byline: str, author: str
) -> None:
    # 文/图 (words and pictures by) names the story's reporter as 记者 does; no other lead word is
    # near the paragraph's start.
    lead = split_lead(paragraph)
    assert lead is not None and (lead.byline, lead.authors) == (byline, [author])
    assert lead.rest == paragraph[len(byline) :]


def test_a_tag_in_brackets_is_no_lead() -> None:
    assert split_lead("【快讯】今日起地铁延长运营。") is None
    assert split_lead("【资讯】今日起地铁延长运营。") is None
    assert split_lead("【好消息】今日起地铁延长运营。") is None


def test_a_dateline_in_brackets_alone_on_its_line_is_no_lead() -> None:
    # It closes a wire story (（新华社北京2月14日电）); and a brief's tag is no place.
    assert split_lead("（新华社北京2月14日电）") is None
    assert split_lead("（本报讯）") is None
    assert split_lead("（快讯）今日起地铁延长运营。") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "港聞\n2026年12月3日 星期四\n\n食環署加強街市巡查\n\n"
            "【明報專訊】食物環境衞生署昨日表示，全港公眾街市的衞生投訴宗數下跌約三成。\n"
            "署方將與居民組織合作，收集市民意見。\n\n天文台：周末轉涼 最低氣溫17度\n\n"
            "（星島日報報道）天文台預測，受東北季候風影響，本港周末氣溫下降。\n市民外出應添衣保暖。\n\n"
            "港鐵東涌綫延線工程展開\n【大公報訊】記者 王明報道：港鐵東涌綫延線工程昨日正式展開，預計2029年通車。\n"
            "新車站將設於東涌東。\n",
            [
                ("食環署加強街市巡查", "【明報專訊】", []),
                ("天文台：周末轉涼 最低氣溫17度", "（星島日報報道）", []),
                ("港鐵東涌綫延線工程展開", "【大公報訊】記者 王明報道", ["王明"]),
            ],
            id="hong-kong",
        ),
        pytest.param(
            "自由時報 2026年12月3日 星期四 A4 政治\n\n行政院通過明年度總預算案\n\n"
            "〔記者王大明／台北報導〕行政院會昨天通過明年度中央政府總預算案，歲出規模達3兆元。\n"
            "主計總處表示，國防預算占比持續提高。\n\n颱風外圍環流影響 北部今明有雨\n"
            "〔記者李美華／台北報導〕中央氣象署表示，北部及東北部今明兩天有局部大雨。\n民眾外出應注意安全。\n",
            [
                ("行政院通過明年度總預算案", "〔記者王大明／台北報導〕", ["王大明"]),
                ("颱風外圍環流影響 北部今明有雨", "〔記者李美華／台北報導〕", ["李美華"]),
            ],
            id="taiwan",
        ),
        pytest.param(
            "紐約華埠舉辦冬季園遊會\n\n【記者張華／紐約報導】紐約華埠3日舉辦冬季園遊會，吸引數千名民眾參加。\n"
            "主辦單位表示，園遊會今年已是第十屆。\n\n加州華人社團捐款賑災\n\n"
            "【本報記者李明/洛杉磯報導】南加州多個華人社團3日聯合舉辦募款活動，為災民籌款。\n活動共募得善款二十萬元。\n",
            [
                ("紐約華埠舉辦冬季園遊會", "【記者張華／紐約報導】", ["張華"]),
                ("加州華人社團捐款賑災", "【本報記者李明/洛杉磯報導】", ["李明"]),
            ],
            id="overseas-paper",  # 本報 before the reporter's role, a half-width slash
        ),
        pytest.param(
            "星洲日报 2026年12月3日 星期四 国内\n\n首相宣布明年起调高最低薪金\n\n"
            "（吉隆坡3日讯）首相今日宣布，明年起全国最低薪金将调高至每月1800令吉，惠及逾400万名员工。\n"
            "他说，政府将与雇主团体密切合作。\n\n柔佛水灾灾民增至5000人\n"
            "（新山3日讯）柔佛州水灾情况持续恶化，截至今日中午，灾民人数已增至5000人。\n州政府呼吁民众提高警惕。\n",
            [
                ("首相宣布明年起调高最低薪金", "（吉隆坡3日讯）", []),
                ("柔佛水灾灾民增至5000人", "（新山3日讯）", []),
            ],
            id="malaysia",
        ),
        pytest.param(
            "武汉新增三处口袋公园\n\n极目新闻记者 王明 近日，武汉市园林局宣布，今年新建的三处口袋公园已全部开放。\n"
            "市民纷纷点赞。\n\n长江大桥夜景灯光升级\n"
            "扬子晚报网12月3日讯（记者 李华）南京长江大桥夜景灯光升级改造工程昨日完工。\n新灯光更加节能。\n",
            [
                ("武汉新增三处口袋公园", "极目新闻记者 王明", ["王明"]),
                ("长江大桥夜景灯光升级", "扬子晚报网12月3日讯（记者 李华）", ["李华"]),
            ],
            id="news-apps",
        ),
    ],
)
def test_a_page_of_other_places_leads_gives_each_story_its_headline_and_byline(
    text: str, expected: list[tuple[str, str, list[str]]]
) -> None:
    # Hong Kong's, Taiwan's, Malaysia's and news apps' leads; the headlines the labeller read as
    # text over them ran into the story above.
    page = parse_page(text)
    assert [(a.title, a.byline, a.authors) for a in page.articles] == expected


def test_a_front_pages_index_of_its_stories_is_furniture() -> None:
    page = parse_page(
        "滨海晚报\n2026年3月12日 星期四\n\n今日导读\n\n"
        "▶ 老城区改造提速 三千户将迁新居  A03\n▶ 春季植树活动启动  A05\n▶ 市区新增12条公交线路  A07\n\n"
        "地铁2号线全线贯通\n\n"
        "本报讯（记者 刘明）11日上午，随着最后一段轨道铺设完成，地铁2号线全线贯通。\n\n"
        "市轨道交通集团负责人表示，将确保年底前开通试运营。\n"
    )
    assert [(a.title, a.byline) for a in page.articles] == [("地铁2号线全线贯通", "本报讯（记者 刘明）")]
    furniture = [d.text for d in page.dropped if d.reason == "page-furniture"]
    assert furniture[-3:] == [
        "▶ 老城区改造提速 三千户将迁新居 A03",
        "▶ 春季植树活动启动 A05",
        "▶ 市区新增12条公交线路 A07",
    ]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["▶ 老城区改造提速  A03", "▶ 春季植树活动启动  A05"], {0, 1}),
        (["老城区改造提速……3版", "", "春季植树活动启动……第5版"], {0, 2}),  # a blank line between
        (["A03 老城区改造提速", "A05 春季植树活动启动", "正文第一段。"], {0, 1}),
        (["老城区改造提速  A03"], set()),  # one line: a headline's own business
        (["老城区改造提速  A03", "", "", "春季植树活动启动  A05"], set()),  # two blank lines part them
        (["国产大飞机C919", "新能源车销量破100万辆"], set()),  # numbers, no page
    ],
)
def test_index_entries_are_runs_of_headlines_with_their_pages(lines: list[str], expected: set[int]) -> None:
    assert index_entries(lines) == expected


def test_an_e_paper_pages_list_of_its_stories_is_furniture() -> None:
    page = parse_page(
        "第A03版：聊城新闻\n本版新闻\n我市民生实事项目全部完成\n冬季供暖准备就绪\n东昌湖景区新增休闲设施\n\n"
        "我市民生实事项目全部完成\n本报记者 王芳\n"
        "　　记者从市政府获悉，今年我市确定的二十项民生实事项目已全部完成。\n\n"
        "冬季供暖准备就绪\n　　本报讯（记者 孙丽）今年供暖季将于11月15日开始。\n\n"
        "东昌湖景区新增休闲设施\n　　本报讯（记者 李强）东昌湖景区今年新增了多处休闲设施。\n"
    )
    assert [(a.kicker, a.title) for a in page.articles] == [
        (None, "我市民生实事项目全部完成"),
        (None, "冬季供暖准备就绪"),
        (None, "东昌湖景区新增休闲设施"),
    ]
    assert [d.line for d in page.dropped if d.reason == "page-furniture"] == [1, 2, 3, 4, 5]


_STORIES = [
    "冬季供暖准备就绪",
    "本报讯 今年供暖季将于11月15日开始。",
    "东昌湖新增设施",
    "本报讯 东昌湖景区新增设施。",
]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["冬季供暖准备就绪", "东昌湖新增设施", *_STORIES], {0, 1}),
        (
            ["今日要闻", "1. 冬季供暖准备就绪", "", "2. 东昌湖新增设施", "", *_STORIES],
            {0, 1, 3},
        ),  # a label, marks
        (["冬季供暖准备就绪", *_STORIES], set()),  # one entry: a headline printed twice
        (["冬季供暖准备就绪", "东昌湖新增设施", "", "", *_STORIES], {0, 1}),
        (["冬季供暖准备就绪", "", "", "东昌湖新增设施", *_STORIES], set()),  # two blank lines part them
        # a story printed twice: its headline block comes again in one piece
        (
            [
                "坚持以人民为中心",
                "我市民生实事项目全部完成",
                "",
                "坚持以人民为中心",
                "",
                "我市民生实事项目全部完成",
            ],
            set(),
        ),
        # duplicated paragraphs end their sentences
        (
            [
                "今年供暖季将于11月15日开始。",
                "全市供热企业已完成检修。",
                "今年供暖季将于11月15日开始。",
                "正文。",
                "全市供热企业已完成检修。",
            ],
            set(),
        ),
        # a reporter's line and a meta line printed again under each story, a table's short cells
        (
            ["本报记者 王强", "稿件来源：东江都市日报", "本报记者 王强", "正文。", "稿件来源：东江都市日报"],
            set(),
        ),
        (["副主任 1", "主管 3", "副主任 1", "正文。", "主管 3"], set()),
        # a meta line's pieces a wrap cut, and a reporter's role, printed again under each story
        (
            [
                "来源：东江都市日报 新华智见",
                "新华社记者",
                _STORIES[0],
                "来源：东江都市日报 新华智见",
                "新华社记者",
            ],
            set(),
        ),
        # below the page's first sentence: a document's table of contents, its headings below
        (
            [
                "　　规划纲要全文如下。",
                "第一节 构建城乡融合发展新格局",
                "第二节 打造运河文化旅游新品牌",
                "第一节 构建城乡融合发展新格局",
                "正文。",
                "第二节 打造运河文化旅游新品牌",
            ],
            set(),
        ),
        # listed in another order than the page prints them: no list of its stories
        (["东昌湖新增设施", "冬季供暖准备就绪", *_STORIES], set()),
        # an entry not printed again below ends the run
        (
            ["冬季供暖准备就绪", "东昌湖新增设施", _STORIES[0], _STORIES[1], "冬季供暖准备就绪", "正文。"],
            set(),
        ),
    ],
)
def test_a_list_of_headlines_each_printed_again_below_it(lines: list[str], expected: set[int]) -> None:
    assert headline_lists(lines) == expected


@pytest.mark.parametrize(
    ("paragraph", "byline", "authors", "rest"),
    [
        (
            "（中央社記者王大明台北20日電）台北捷運今天動工。",
            "（中央社記者王大明台北20日電）",
            ["王大明"],
            "台北捷運今天動工。",
        ),
        ("（中央社記者李明台北20日電）今天動工。", "（中央社記者李明台北20日電）", ["李明"], "今天動工。"),
        (
            "（中央社记者陈美玲、林小华高雄20日电）高雄港货柜量创新高。",
            "（中央社记者陈美玲、林小华高雄20日电）",
            ["陈美玲", "林小华"],
            "高雄港货柜量创新高。",
        ),
        ("(中央社记者王大明华盛顿19日电)美国国会", "(中央社记者王大明华盛顿19日电)", ["王大明"], "美国国会"),
        # a reporter's credit with where it was filed, as Taiwan's papers print it
        (
            "〔记者王大明／台北报导〕行政院昨天通过预算案。",
            "〔记者王大明／台北报导〕",
            ["王大明"],
            "行政院昨天通过预算案。",
        ),
        (
            "【联合报／记者王大明、李华／台北即时报导】行政院昨天通过预算案。",
            "【联合报／记者王大明、李华／台北即时报导】",
            ["王大明", "李华"],
            "行政院昨天通过预算案。",
        ),
        (
            "〔编译张三／综合报导〕美国总统昨天表示。",
            "〔编译张三／综合报导〕",
            ["张三"],
            "美国总统昨天表示。",
        ),
        (
            "记者王大明／台北报导 行政院昨天通过预算案。",
            "记者王大明／台北报导",
            ["王大明"],
            "行政院昨天通过预算案。",
        ),
    ],
)
def test_a_credit_in_brackets_opening_a_story_is_a_lead(
    paragraph: str, byline: str, authors: list[str], rest: str
) -> None:
    lead = split_lead(paragraph)
    assert lead is not None and (lead.byline, lead.authors, lead.rest) == (byline, authors, rest)


def test_a_story_under_a_wires_bracketed_dateline_gets_its_headline() -> None:
    page = parse_page(
        "捷運環狀線北段動工 預計2030年通車\n\n"
        "（中央社記者王大明台北20日電）台北捷運環狀線北段今天動工，全長約14.9公里，預計2030年完工通車。\n\n"
        "市府捷運局指出，北環段共設11座車站，其中9座為地下車站。\n\n"
        "高雄港貨櫃量創新高\n\n"
        "（中央社記者陳美玲、林小華高雄20日電）高雄港今年前10月貨櫃裝卸量達850萬TEU，創歷年同期新高。\n"
    )
    assert [(a.title, a.authors) for a in page.articles] == [
        ("捷運環狀線北段動工 預計2030年通車", ["王大明"]),
        ("高雄港貨櫃量創新高", ["陳美玲", "林小華"]),
    ]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("留住老街坊的烟火气。（记者 卜雨）", ("留住老街坊的烟火气。", "（记者 卜雨）", ["卜雨"])),
        ("留住老街坊的烟火气。（作者：王明）", ("留住老街坊的烟火气。", "（作者：王明）", ["王明"])),
        (
            "留住老街坊的烟火气。（作者 王明、李华）",
            ("留住老街坊的烟火气。", "（作者 王明、李华）", ["王明", "李华"]),
        ),
        (
            "留住老街坊的烟火气。（作者：王明，市社科院研究员）",
            ("留住老街坊的烟火气。", "（作者：王明，市社科院研究员）", ["王明"]),
        ),
        ("留住老街坊的烟火气。（作者为市社科院研究员）", None),  # an author note names no one
        ("留住老街坊的烟火气。（作者单位：市社科院）", None),
        ("（作者：王明）", None),  # a credit alone is a line of its own
        # set apart by a space after the last sentence, as papers that sign at the end print it
        ("活动将持续到月底。 本报记者 王明", ("活动将持续到月底。", "本报记者 王明", ["王明"])),
        (
            "他说：“好。” 记者 王明 通讯员 李华",
            ("他说：“好。”", "记者 王明 通讯员 李华", ["王明", "李华"]),
        ),
        ("活动将持续到月底。本报记者王明", None),  # glued on: the text may go on (本报记者王明说)
        ("活动将持续到月底。 记者节快乐", None),  # no byline's grammar
        ("活动将持续到月底。 王明 李华", None),  # names with no role: a list, not a credit
    ],
)
def test_a_credit_closing_a_paragraph(paragraph: str, expected: tuple[str, str, list[str]] | None) -> None:
    assert split_tail_credit(paragraph) == expected


SIGNED_AT_THE_END = (
    "东湖区举办首届读书节\n"
    "\u3000\u300012月3日，东湖区首届读书节在区图书馆开幕，三千多名市民参加了开幕式。\n"
    "\u3000\u3000读书节期间将举办讲座、展览和阅读分享会等二十余场活动，持续一个月。\n"
    "\u3000\u3000我们会一直坚持把这件事情做下去，让每个人都能读到好书。 本报记者 王明\n"
    "西城区新建三处口袋公园\n"
    "\u3000\u3000今年以来，西城区利用边角地新建三处口袋公园，方便居民就近休闲。\n"
)


def test_a_byline_set_apart_after_the_last_sentence_closes_its_story() -> None:
    # Not joined to the flush line under it as a paragraph's wrap, which heads the next story.
    page = parse_page(SIGNED_AT_THE_END)
    assert [(a.title, a.authors, a.paragraphs[-1]) for a in page.articles] == [
        ("东湖区举办首届读书节", ["王明"], "我们会一直坚持把这件事情做下去，让每个人都能读到好书。"),
        ("西城区新建三处口袋公园", [], "今年以来，西城区利用边角地新建三处口袋公园，方便居民就近休闲。"),
    ]


def test_a_line_signed_at_its_end_heads_nothing_under_it_that_is_indented() -> None:
    # A round-up's part heading, indented as its text is: the story goes on.
    text = SIGNED_AT_THE_END.replace("西城区新建", "\u3000\u3000西城区新建")
    assert [a.title for a in parse_page(text).articles] == ["东湖区举办首届读书节"]


def test_a_byline_set_apart_after_the_last_sentence_signs_a_story_whose_lead_named_no_one() -> None:
    page = parse_page(
        "东湖区举办首届读书节\n"
        "\u3000\u3000本报讯 12月3日，东湖区首届读书节在区图书馆开幕，三千多名市民参加了开幕式。\n"
        "\u3000\u3000读书节期间将举办讲座、展览和阅读分享会等二十余场活动。\n"
        "\u3000\u3000活动将持续到月底。 本报记者 王明\n"
    )
    [article] = page.articles
    assert article.authors == ["王明"]
    assert article.paragraphs[-1] == "活动将持续到月底。"


def test_an_authors_credit_closing_a_commentary_is_its_byline() -> None:
    page = labelled(
        "让城市更有温度\n\n\u3000\u3000城市的温度，体现在一个个细节里。老城区改造，也要留住老街坊的烟火气。（作者：王明）\n",
        "T _ B _",
    )
    (piece,) = page.articles
    assert (piece.byline, piece.authors) == ("（作者：王明）", ["王明"])
    assert piece.paragraphs == ["城市的温度，体现在一个个细节里。老城区改造，也要留住老街坊的烟火气。"]


def test_a_story_in_taiwans_style_gives_its_byline_and_headline() -> None:
    page = parse_page(
        "台北捷運環狀線北段動工\n\n"
        "\u3000\u3000台北捷運環狀線北段今天動工，全長約14.9公里，預計2030年完工通車。\n"
        "\u3000\u3000市長表示，北環段完工後，將串連士林、北投等地區，紓解交通壅塞。\n\n"
        "高雄港貨櫃量創新高\n\u3000\u3000本報記者陳美玲／高雄報導\n"
        "\u3000\u3000高雄港今年前10月貨櫃裝卸量達850萬TEU，創歷年同期新高。\n"
    )
    story = page.articles[-1]
    assert (story.title, story.byline, story.authors) == (
        "高雄港貨櫃量創新高",
        "本報記者陳美玲／高雄報導",
        ["陳美玲"],
    )


def test_a_byline_set_beside_its_headline_is_cut_off_it() -> None:
    # A PDF extraction puts the byline on the headline's line, after a wide gap.
    page = parse_page(
        "城区新增公共停车泊位1200个\u3000\u3000\u3000\u3000本报记者 马晓\n\n"
        "\u3000\u3000今年以来，城区利用闲置地块新建停车场9处，新增公共停车泊位1200个。\n"
        "\u3000\u3000这些停车场均接入智慧停车平台，市民可通过手机查询空余车位。\n\n"
        "乡村夜校开课了\u3000\u3000\u3000\u3000通讯员 赵敏\n\n"
        "\u3000\u3000冬闲时节，阳谷县三十多个村的夜校陆续开课，农民在家门口学技术。\n"
    )
    assert [(a.title, a.byline, a.authors) for a in page.articles] == [
        ("城区新增公共停车泊位1200个", "本报记者 马晓", ["马晓"]),
        ("乡村夜校开课了", "通讯员 赵敏", ["赵敏"]),
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("城区新增公共停车泊位1200个 本报记者 马晓", ("城区新增公共停车泊位1200个", "本报记者 马晓")),
        ("乡村夜校开课了 通讯员 赵敏", ("乡村夜校开课了", "通讯员 赵敏")),
        ("齐鲁晚报·齐鲁壹点 记者 刘晓 通讯员 陈明", None),  # a byline whole
        ("工人在换热站检修设备 本报记者 王刚摄", None),  # a captioned photo
        ("（新华社北京2月24日电 记者孙立、周敏）", None),  # a credit in brackets
        ("城区新增公共停车泊位", None),  # no byline
        # a paper's name and its app's glued to the role
        (
            "东湖区新建口袋公园十二处 东江晚报·东江壹点记者 王明",
            ("东湖区新建口袋公园十二处", "东江晚报·东江壹点记者 王明"),
        ),
    ],
)
def test_a_byline_beside_its_headline_on_one_line(line: str, expected: tuple[str, str] | None) -> None:
    assert split_byline_beside(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "乡村夜校开课了 通讯员 赵敏",  # a headline set apart from the role is no paper's name
        "日电 记者孙立、周敏",  # the piece a wrap cut off a wire credit
        "本报冠县讯 近段时间",  # a county's dateline: 冠县讯 and 近段时间 are no names
    ],
)
def test_a_word_set_apart_before_the_role_is_no_organisation(line: str) -> None:
    assert parse_byline_line(line) is None


@pytest.mark.parametrize(
    ("line", "names"),
    [("执笔：王芳 李明", ["王芳", "李明"]), ("执笔：王芳", ["王芳"]), ("作者：王芳 李明", ["王芳", "李明"])],
)
def test_an_authors_label_opens_a_byline_line(line: str, names: list[str]) -> None:
    assert parse_byline_line(line) == (line, names)


def test_a_reporters_name_may_end_as_a_dateline_does() -> None:
    assert parse_byline_line("□记者 王讯 报道") == ("□记者 王讯 报道", ["王讯"])


def test_a_tagged_headline_over_a_name_alone_starts_a_piece() -> None:
    page = parse_page(
        "[社会]乡村夜校开课了\n\n\u3000\u3000本报讯（记者 赵敏）冬闲时节，夜校陆续开课，农民在家门口学技术。\n\n"
        "【评论】别让“智慧秤”变成摆设\n\n\u3000\u3000□ 张明\n"
        "\u3000\u3000智慧秤进了菜市场，是好事。但好事要办好，还得有后续的管理。\n"
    )
    assert [(a.title, a.byline) for a in page.articles] == [
        ("[社会]乡村夜校开课了", "本报讯（记者 赵敏）"),
        ("【评论】别让“智慧秤”变成摆设", "□ 张明"),
    ]


def test_e_paper_navigation_is_read_as_the_blank_line_it_stands_for() -> None:
    # On a page with a blank line between all its lines, one more blank line can move a boundary:
    # a navigation line does what a blank line there does, no more.
    lines = (REPO / "seeds" / "002_897d7570b7d25baa.txt").read_text(encoding="utf-8").split("\n")
    starts = {a.line_start for a in parse_page("\n".join(lines)).articles[1:]}
    navigated = parse_page("\n".join(_over_each_story(lines, starts, ["返回目录"])))
    blanked = parse_page("\n".join(_over_each_story(lines, starts, [""])))
    assert [(a.title, a.paragraphs) for a in navigated.articles] == [
        (a.title, a.paragraphs) for a in blanked.articles
    ]


@pytest.mark.parametrize(
    ("line", "page_number"),
    [
        ("- 3 -", True),
        ("第 3 页", True),
        ("第3页 共12页", True),
        ("共12页，第3页", True),
        ("Page 3", True),
        ("page 3 of 12", True),
        ("3 / 12", True),
        ("第３页", True),  # full-width
        ("（下转A04版）", False),  # a jump line says where a story goes on: a marker, no page number
        ("（上接第1版）", False),
    ],
)
def test_page_numbers_and_footers_are_page_markers(line: str, page_number: bool) -> None:
    assert is_page_marker(line)
    assert is_page_number(line) == page_number


@pytest.mark.parametrize("line", ["第3页的内容", "翻到第3页", "3月12日", "共12页", "Page", "12306"])
def test_text_that_names_a_page_is_no_page_marker(line: str) -> None:
    assert not is_page_marker(line)


RUNNING_HEADER = "聊城日报 2023年2月21日 星期二 第3版"


@pytest.mark.parametrize("seed", sorted(p.name for p in (REPO / "seeds").glob("*.txt")))
@pytest.mark.parametrize(
    ("page_break", "blank_lines"),
    [("第 {} 页", False), (RUNNING_HEADER, False), (RUNNING_HEADER, True)],
    ids=["footer", "running-header", "running-header-between-blank-lines"],
)
def test_page_breaks_leave_the_stories_as_they_were(seed: str, page_break: str, blank_lines: bool) -> None:
    # Text cut from a PDF keeps each page's footer or running header where the page broke,
    # inside a paragraph too.
    lines = (REPO / "seeds" / seed).read_text(encoding="utf-8").split("\n")
    broken: list[str] = []
    for number, line in enumerate(lines):
        if number and number % 25 == 0:
            mark = page_break.format(number // 25)
            broken += ["", mark, ""] if blank_lines else [mark]
        broken.append(line)
    plain = parse_page("\n".join(lines), path="2023-02-21/page.txt")
    page = parse_page("\n".join(broken), path="2023-02-21/page.txt")
    assert [(a.kicker, a.title, a.paragraphs) for a in page.articles] == [
        (a.kicker, a.title, a.paragraphs) for a in plain.articles
    ]
    marks = [page_break.format(n) for n in range(1, (len(lines) - 1) // 25 + 1)]
    assert [d.text for d in page.dropped if d.text in marks] == marks
    assert {d.reason for d in page.dropped if d.text in marks} == {"page-furniture"}


@pytest.mark.parametrize(
    ("line", "stray"),
    [
        ("|", True),
        ("丨", True),
        ("  ■ ", True),
        ("l", True),
        ("**", True),
        ("一", True),  # a rule; stray_marks decides where it is one
        ("，", False),  # a hard wrap can leave a paragraph's last mark alone on a line
        ("”", False),
        ("）", False),
        ("……", False),  # a paragraph of its own
        ("？", False),
        ("——", False),
        ("中", False),
        ("12", False),
        ("| |", True),
        ("|||", False),  # three marks: no speck (a rule of text is furniture's business)
        ("", False),
    ],
)
def test_a_stray_mark_is_one_or_two_marks_that_no_line_of_text_ends_with(line: str, stray: bool) -> None:
    assert is_stray_mark(line) == stray


def test_stray_marks_stand_between_lines_of_text() -> None:
    story = "　　市里召开会议，部署春耕生产工作，要求各地抢抓农时。"
    wrapped = "　　通过举办世界级赛事，无锡成为三大中心之"
    assert stray_marks([story, "|", story, "", "■", "", story]) == [1, 4]
    # a character of a headline set vertically, one per line
    assert stray_marks(["春", "|", "耕", story]) == []
    assert stray_marks([story, "|", "目击", story]) == [1]  # a short line on one side only
    # 一 under a finished sentence is a rule; under a wrapped line, the paragraph's last character
    assert stray_marks([story, "一", story]) == [1]
    assert stray_marks([wrapped, "一", story]) == []
    # under a headline, which no wrap cut (it is shorter than the page's full lines), a rule again
    assert stray_marks([story, "商务部部署今年重点工作", "一", story]) == [2]
    # where 一 and 二 number a story's parts, 一 is text
    assert stray_marks([story, "一", story, "二", story]) == []


@pytest.mark.parametrize("seed", sorted(p.name for p in (REPO / "seeds").glob("*.txt")))
@pytest.mark.parametrize("mark", ["|", "丨", "■", "*"])
def test_stray_marks_leave_the_stories_as_they_were(seed: str, mark: str) -> None:
    # OCR leaves a mark of a rule, a border or a speck on a line of its own, inside a paragraph too.
    lines = (REPO / "seeds" / seed).read_text(encoding="utf-8").split("\n")
    marked: list[str] = []
    for number, line in enumerate(lines):
        if number and number % 7 == 0:
            marked.append(mark)
        marked.append(line)
    plain = parse_page("\n".join(lines), path="2023-02-21/page.txt")
    page = parse_page("\n".join(marked), path="2023-02-21/page.txt")
    assert [(a.kicker, a.title, a.subtitle, a.byline, a.paragraphs) for a in page.articles] == [
        (a.kicker, a.title, a.subtitle, a.byline, a.paragraphs) for a in plain.articles
    ]
    strays = [d for d in page.dropped if d.reason == "stray-mark"]
    assert [d.text for d in strays] == [mark] * ((len(lines) - 1) // 7)


def test_a_running_header_is_a_page_break_only_below_a_storys_text() -> None:
    story = "　　市里召开会议，部署春耕生产工作，要求各地抢抓农时。"
    assert running_headers([RUNNING_HEADER, "春耕时节访农家", story, RUNNING_HEADER, story]) == [3]
    # a letter's date under its signature is no running header
    assert running_headers([story, "习近平", "2019年10月15日"]) == []


@pytest.mark.parametrize(
    ("line", "reporter"),
    [
        ("记者｜张三", True),
        ("本报记者  范昊天", True),
        ("□本报记者 张三", True),
        ("图片报道", False),  # read by its trailer alone: the corpus prints it as a headline
        ("张三/文", True),  # a writer under a label after the name, as a reporter by role (s34)
        ("摄影展", False),
        ("本报讯", False),
        ("记者节到了", False),
        ("作者：张三", True),  # an author under a label
        ("作者:李四（某某大学教授）", True),
        ("作者：学习时报评论员", False),  # signed by a post, no one named
    ],
)
def test_a_line_naming_a_reporter_by_role(line: str, reporter: bool) -> None:
    assert names_a_reporter(line) == reporter


@pytest.mark.parametrize(
    ("line", "writing"),
    [
        ("本报记者 李明 王芳整理", True),
        ("本报记者  赵亮  整理  ", True),
        ("本报记者 孙立 钱文摄影报道", True),
        ("□记者 周红 通讯员 吴刚 报道", True),
        ("记者 郑伟 文/图", True),
        ("■ 本 报 记 者 王 云 娜 整 理", True),  # spaced out character by character
        ("记者 郑伟 文 / 图", True),
        ("新华社记者 张晨摄", False),  # a photograph's credit
        ("新 华 社 记 者 张 晨 摄", False),
        ("本报记者 张晨 摄影", False),
        ("■ 本报记者 许亮", False),  # a name alone: the story's or the picture's
        ("文/图 本报记者 许亮", False),
    ],
)
def test_a_byline_that_signs_writing_ends_with_a_trailer_other_than_a_photo_credit(
    line: str, writing: bool
) -> None:
    assert signs_writing(line) == writing


def test_a_reporters_line_the_labeller_took_for_a_subtitle_is_the_byline() -> None:
    text = (REPO / "seeds" / "000_afca7ecd8f3a5fce.txt").read_text(encoding="utf-8")
    assert "■ 本报记者 尹腾淑" in text
    page = parse_page(text.replace("■ 本报记者 尹腾淑", "记者｜尹腾淑"))  # another paper's style
    (article,) = [a for a in page.articles if a.title == "“绿色问诊”开良方"]
    assert article.subtitle == "——我市在全省率先开展工业绿色诊断服务"
    assert (article.byline, article.authors) == ("记者｜尹腾淑", ["尹腾淑"])


def test_spacing_blanks_are_the_blank_lines_a_double_spacing_extraction_added() -> None:
    story = ["春耕时节访农家", "　　清晨六点，种粮大户已经在田里忙碌。", "　　他说，今年要多种小麦。"] * 4
    doubled = [piece for line in story for piece in (line, "")]
    # one blank line after every line and no longer run: not told from a page that prints one
    # between all its lines, so read as it is
    assert spacing_blanks(doubled) == set()
    # the page's own blank line comes out as three: one of them stays, the rest are the spacing's
    page = [*story[:6], "", *story[6:]]
    doubled = [piece for line in page for piece in (line, "")]
    assert spacing_blanks(doubled) == {1, 3, 5, 7, 9, 11, 12, 15, 17, 19, 21, 23, 25}
    assert spacing_blanks([*doubled[:12], "", *doubled[12:]]) == set()  # a run of four: not doubling
    assert spacing_blanks(page) == set()  # a page that is not double-spaced
    assert spacing_blanks(doubled[:9]) == set()  # too few lines to tell
    # A long page whose own blank lines are few: two runs of three among many runs of one are
    # doubling, one is not (under a twentieth of the runs either way).
    long_page = [*story * 3, "", *story * 3, "", *story * 3]
    doubled = [piece for line in long_page for piece in (line, "")]
    assert len(spacing_blanks(doubled)) == doubled.count("") - 2  # all but one of each run of three
    one_gap = [*story * 6, "", *story * 3]
    assert spacing_blanks([piece for line in one_gap for piece in (line, "")]) == set()


def _double_spacing_pages() -> list[Path]:
    """The seed and synthetic pages that, double-spaced, tell it (ten lines or more, some blank lines
    of their own) and have no page break (around which double spacing leaves out every blank line)."""
    unseen = sorted((REPO / "tests" / "data" / "unseen").glob("*.txt"))
    chosen = []
    for path in unseen + sorted((REPO / "seeds").glob("*.txt")):
        raws = split_lines(path.read_text(encoding="utf-8"))
        doubled = [piece for line in raws for piece in (line, "")]
        if spacing_blanks(doubled) and not page_module._page_breaks(raws, set()):
            chosen.append(path)
    return chosen


def test_enough_pages_tell_their_double_spacing() -> None:
    assert len(_double_spacing_pages()) >= 10


@pytest.mark.parametrize("path", _double_spacing_pages(), ids=lambda p: p.name)
def test_a_double_spaced_page_is_labelled_as_the_page_itself(path: Path) -> None:
    raws = split_lines(path.read_text(encoding="utf-8"))
    doubled = [piece for line in raws for piece in (line, "")]
    reading = page_module._labelled(raws, lines_of(raws))
    doubled_reading = page_module._labelled(doubled, lines_of(doubled))
    assert doubled_reading.roles[::2] == reading.roles
    doubled_pairs = doubled_reading.pairs.items()
    assert {(upper // 2, lower // 2): pair for (upper, lower), pair in doubled_pairs} == reading.pairs


_MARKED_BYLINES_PAGE = """\
城区新增三处口袋公园

◎本报记者 张三

　　本报讯 近日，城区新增三处口袋公园，为周边居民提供了休闲健身的好去处。
　　据介绍，三处公园总面积约一万平方米，栽种乔木两百余株。

乡村夜市点亮消费新场景

▍记者 李四 通讯员 王五

　　入夏以来，各乡镇夜市陆续开市，特色小吃和文创产品吸引不少市民前来。
　　夜市由镇政府统一规划，摊位免费提供给当地村民。
"""


def test_bylines_under_marks_no_training_page_prints_are_bylines() -> None:
    articles = parse_page(_MARKED_BYLINES_PAGE).articles
    assert [(a.title, a.byline, a.authors) for a in articles] == [
        ("城区新增三处口袋公园", "◎本报记者 张三", ["张三"]),
        ("乡村夜市点亮消费新场景", "▍记者 李四 通讯员 王五", ["李四", "王五"]),
    ]


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("今年的收成会更好。", True),
        ("今年的收成会更好.", True),  # an extraction's half-width full stop after a Han character
        ('今年的收成会更好."', True),
        ('今年的收成会更好. "', True),  # spaced out after the wrap
        ("他说：“好”.", True),
        ("版本升级到2.0", False),
        ("售价2.", False),  # after a digit: a decimal point or a list number, not a full stop
        ("来自U.S.", False),
        ("今年的收成会更好", False),
        ("今年的收成会更好。🌾", True),  # a web copy's pictographs after the sentence
        ("今年的收成会更好！👍🏻 ❤️", True),
        ("今年的收成会更好🌾", False),
        ("🌾", False),
    ],
)
def test_a_sentence_ends_with_a_full_stop_of_either_width_but_not_a_decimal_point(
    text: str, ends: bool
) -> None:
    assert ends_sentence(text) is ends


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("作者：张三", ["张三"]),
        ("作者:李四", ["李四"]),  # a half-width colon
        ("作者：张三（某某大学哲学院教授）", ["张三"]),  # where the author works, in brackets
        ("作者:王五(某某研究院研究员)", ["王五"]),
        ("作者：张三（某某大学教授）、李四（某某研究院研究员）", ["张三", "李四"]),
        ("作者：张三 李四", ["张三", "李四"]),
        ("作者：本报记者 王小明", ["王小明"]),  # a byline of the usual grammar under the label
        ("□作者：张三", ["张三"]),
        ("撰稿：欧阳明", ["欧阳明"]),
    ],
)
def test_an_author_signed_under_a_label_is_a_byline(line: str, names: list[str]) -> None:
    assert parse_byline_line(line) == (line, names)


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("新京报记者 王芳", ["王芳"]),  # a paper's short name glued to the role
        ("南都记者 王芳 实习生 李强", ["王芳", "李强"]),
        ("红星新闻首席记者 张三", ["张三"]),
        ("■南都记者 王芳", ["王芳"]),
        ("文丨陈静", ["陈静"]),  # 丨, a Han character, set as a bar
        ("记者丨王五", ["王五"]),
        ("文｜陈静", ["陈静"]),
        ("作者丨张三", ["张三"]),
        ("作者 | 张三", ["张三"]),  # a label, as a colon sets it
    ],
)
def test_other_papers_credit_their_reporters_by_name_or_bar(line: str, names: list[str]) -> None:
    assert parse_byline_line(line) == (line, names)
    if not line.startswith("作者"):  # names_in reads a byline's fragment, never a label
        assert names_in(line) == names


@pytest.mark.parametrize(
    "line",
    [
        "南都记者王芳",  # glued to the name with no space: could be a phrase of a sentence
        "新京报记者节特别活动",  # no name after the role
        "南都记者 今天的天气很好",  # no name after the role
        "本版摄影：孙家明  严立新",  # the page's pictures credited: furniture, no byline
        "记者节到了",
    ],
)
def test_a_papers_name_before_the_role_needs_a_name_set_apart(line: str) -> None:
    assert parse_byline_line(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "作者：张三 来源：某某日报 日期：2020.01.02",  # a web page's meta line: furniture
        "作者单位：某某大学",  # an author note
        "作者：这是一段说明文字而不是人名",  # no name after the label
        "作者：张三，某某大学教授。",  # a sentence
    ],
)
def test_a_label_followed_by_anything_but_names_is_no_byline(line: str) -> None:
    assert parse_byline_line(line) is None


def test_a_signature_under_a_label_and_a_reporters_line_are_told_apart() -> None:
    assert parse_label_signature("□作者：张三（某某大学教授）") == ("□作者：张三（某某大学教授）", ["张三"])
    assert parse_label_signature("本报记者 张三") is None  # a byline, but under no label
    assert parse_label_signature("作者：学习时报评论员") is None  # signed by a post: no one named


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("作者:雷收麦 《东昌日报》( 2012年10月27日 06版)", ("作者:雷收麦", ["雷收麦"])),
        ("发布时间：2020年1月2日 作者：王明", ("作者：王明", ["王明"])),
        ("作者：王明 来源：某某报 日期：2020.01.02", ("作者：王明", ["王明"])),  # not 来源 as a name
        ("来源：东昌新闻网 作者：张三丰、李四 2020-01-01", ("作者：张三丰、李四", ["张三丰", "李四"])),
        ("（ 2026-04-27 ） 稿件来源：东昌晚报 国际", None),  # no author field
        ("作者：王明", None),  # a byline, not a meta line
        ("作者：本报评论员 2020-01-02 来源：某报", None),  # a post, no one named
    ],
)
def test_the_author_a_web_meta_line_names(line: str, author: tuple[str, list[str]] | None) -> None:
    assert meta_author(line) == author


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("本报驻德国记者 李强", ["李强"]),  # the place is the post's, not a name (驻德国)
        ("本报驻京记者 张三 李四", ["张三", "李四"]),
        ("本报赴南非特派记者 孙立勇", ["孙立勇"]),
        ("本报特派记者 王明", ["王明"]),
        ("新华社特派记者 王明", ["王明"]),
        ("特派记者 王明 李华", ["王明", "李华"]),
    ],
)
def test_a_correspondent_posted_or_sent_somewhere_is_named_without_the_place(
    line: str, names: list[str]
) -> None:
    assert parse_byline_line(line) == (line, names)
    assert names_a_reporter(line)


def test_a_place_that_opens_with_zhu_is_no_correspondents_post() -> None:
    assert parse_byline_line("驻马店市民 王明") is None


@pytest.mark.parametrize(
    ("line", "section"),
    [
        ("第06版：经济", "经济"),
        ("A03版：时政", "时政"),
        ("06版:要闻", "要闻"),
        ("第01版：国际·综合", "国际·综合"),
        ("第06版：", None),  # no name
        ("第06版：经济新闻报道版面内容", None),  # too long for a section's name
        # a printed page's head: page and section either way round, editors after them
        ("第6版 经济", "经济"),
        ("A04 城事", "城事"),
        ("A04版 城事", "城事"),
        ("城事 A04", "城事"),
        ("第4版 城事新闻", "城事新闻"),
        ("04 要闻", "要闻"),
        ("Ａ０４ 城事", "城事"),  # full-width
        ("A04 城事 责编：王芳 美编：李强", "城事"),
        ("3 人受伤", None),  # a number that is no page's: a headline
        ("A4 纸", None),  # one character is no section
        ("2026 年会", None),
        ("A04 城事 今日多云", None),  # more than a page's head holds
        # the whole head: masthead, date, weekday and page beside the section
        ("东昌日报 2020年2月6日 星期四 A03 城市", "城市"),
        ("东昌日报 2020年2月6日 星期四 第3版 综合新闻", "综合新闻"),
        ("东昌日报 A03 城市", "城市"),
        ("东昌日报 2020年2月6日 星期四 第3版", None),  # no section named
        ("东昌日报 2020年2月6日 星期四 A03 城市 今日多云", None),
        ("东昌报 2020年2月6日 星期四 第3版", None),  # a short paper's name is the masthead
        ("东昌日报 2020年2月6日 星期", None),  # a weekday a wrap cut is no section
        # the paper's name beside its page is its masthead
        ("东昌日报 第5版", None),
        ("东昌日报 第5版 编辑：王明", None),
        ("东昌报 A3版", None),
        ("第5版：东昌日报", None),
    ],
)
def test_the_section_an_e_papers_page_label_names(line: str, section: str | None) -> None:
    assert page_label_section(line) == section


@pytest.mark.parametrize(
    "line",
    [
        "（紧接第一版）",
        "（下转第二版）",
        "（转第十二版）",
        "(上接A1版)",
        "（下转4版）",
        "（上接第1版）",
        "（详见第3版）",  # a front page's teaser points to its story
        "（见A5版）",
    ],
)
def test_jump_lines_in_chinese_or_arabic_numerals_are_page_markers(line: str) -> None:
    assert is_page_marker(line)
    assert is_furniture_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "下转第三版",
        "▶下转A2版",
        "上接第1版 ▲",
        "【紧接第一版】",
        "转3版",
        "　下转第 12 页",
        "详见第3版",
        "【参见A5版】",
    ],
)
def test_a_jump_line_printed_without_brackets_is_a_page_marker(line: str) -> None:
    assert is_page_marker(line)
    assert is_furniture_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "转第三版面设计的思路",  # text that goes on past the page's name
        "下转",  # no page named
        "下转三",  # a page named as no page (版, 页)
        "下转第三版，敬请关注。",
        "一版转三版",
        "详见第三版面的说明文字",
        "见第3版",  # 见 alone, with no bracket: a sentence's words may open so
    ],
)
def test_a_line_that_only_begins_like_a_bare_jump_line_is_none(line: str) -> None:
    assert not is_page_marker(line)
    assert not is_furniture_line(line)


def test_a_bare_jump_line_under_a_story_is_dropped_not_its_last_paragraph() -> None:
    page = parse_page(
        "东湖公园新添十座凉亭\n"
        "\u3000\u3000本报讯（记者 柏小雨）东湖公园近日新添十座凉亭，供游人歇脚。\n"
        "\u3000\u3000凉亭由西山林场的旧木料建成。\n"
        "下转第三版\n"
        "\n"
        "西山林场开放观鸟步道\n"
        "\u3000\u3000本报讯（记者 詹敏）西山林场观鸟步道昨日开放。\n"
    )
    assert [article.title for article in page.articles] == ["东湖公园新添十座凉亭", "西山林场开放观鸟步道"]
    assert page.articles[0].paragraphs == [
        "东湖公园近日新添十座凉亭，供游人歇脚。",
        "凉亭由西山林场的旧木料建成。",
    ]
    assert Dropped("下转第三版", "page-furniture", 4) in page.dropped


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("（上接第1版）社区食堂开业以来", ("社区食堂开业以来", "（上接第1版）", None)),
        ("\u3000\u3000（紧接第一版）社区食堂开业以来", ("社区食堂开业以来", "（紧接第一版）", None)),
        ("记者了解到。（下转第3版）", ("记者了解到。", None, "（下转第3版）")),
        ("记者了解到。\u3000\u3000(下转A3)", ("记者了解到。", None, "(下转A3)")),
        ("（上接第1版）全文完。（下转第8版）", ("全文完。", "（上接第1版）", "（下转第8版）")),
        ("惠及居民3万余户。（详见第3版）", ("惠及居民3万余户。", None, "（详见第3版）")),
    ],
)
def test_jump_marks_a_paragraph_opens_or_closes_with(
    text: str, expected: tuple[str, str | None, str | None]
) -> None:
    marks = split_jump_marks(text)
    assert marks is not None
    assert (marks.text, marks.opening, marks.closing) == expected


@pytest.mark.parametrize(
    "text",
    [
        "（接1）第一项是……",  # a list's numbering: an inline mark names a page as one (版, 页, A3)
        "转第三版面设计的思路",  # no bracket
        "他说：“（下转第3版）是排版用语。”",  # inside a sentence
        "（上接第1版）",  # the mark alone is a jump line, not a paragraph's mark
        "社区食堂开业以来",
    ],
)
def test_no_jump_marks_in_paragraphs_without_them(text: str) -> None:
    assert split_jump_marks(text) is None


def test_a_paragraph_continued_from_another_page_is_no_part_of_the_story_above() -> None:
    page = labelled(
        "城区新建口袋公园十二处\n\n\u3000\u3000本报讯（记者 李强）城区新建口袋公园十二处。（下转第3版）\n\n"
        "\u3000\u3000（上接第1版）社区食堂还为老人送餐上门。\n\u3000\u3000明年每个社区都建食堂。\n\n"
        "乡村夜校开课了\n\n\u3000\u3000本报讯（记者 赵敏）夜校陆续开课。\n",
        "T _ B _ B B _ T _ B _",
    )
    assert [(a.title, a.paragraphs) for a in page.articles] == [
        ("城区新建口袋公园十二处", ["城区新建口袋公园十二处。"]),
        (None, ["社区食堂还为老人送餐上门。", "明年每个社区都建食堂。"]),
        ("乡村夜校开课了", ["夜校陆续开课。"]),
    ]
    assert [(d.text, d.line) for d in page.dropped if d.reason == "page-furniture"] == [
        ("（下转第3版）", 3),
        ("（上接第1版）", 5),
    ]


@pytest.mark.parametrize("line", ["（接一）", "（一）", "（上接第1版）社区食堂开业以来", "（第二版）"])
def test_a_part_number_or_a_paragraph_after_a_jump_is_no_jump_line(line: str) -> None:
    assert not is_page_marker(line)


@pytest.mark.parametrize(
    ("close", "codes"),
    [
        ("（未完待续）", "T _ B B B _ B _ B"),  # a serial's instalment, on a line of its own
        ("（待续）", "T _ B B B _ B _ B"),
        ("（完）", "T _ B B B _ B _ B"),  # a wire story's
    ],
)
def test_the_short_line_after_a_closing_mark_heads_the_next_story(close: str, codes: str) -> None:
    page = labelled(
        "我的父亲（连载之三）\n\n"
        "\u3000\u3000那年冬天特别冷。父亲每天天不亮就出门。\n"
        "\u3000\u3000回来的时候，担子里总会多出一包糖。\n"
        f"{close}\n\n"
        "今日天气\n\n"
        "\u3000\u3000今天白天多云转晴，最高气温8℃，北风3到4级。",
        codes,
    )
    assert [a.title for a in page.articles] == ["我的父亲（连载之三）", "今日天气"]
    assert page.articles[1].paragraphs == ["今天白天多云转晴，最高气温8℃，北风3到4级。"]


def test_a_closing_mark_ending_a_paragraph_closes_the_story_too() -> None:
    page = labelled(
        "某会议在京开幕\n新华社北京3月4日电 会议4日下午开幕。会议听取了工作报告。（完）\n今日天气\n今天多云。\n",
        "T B B B _",
    )
    assert [a.title for a in page.articles] == ["某会议在京开幕", "今日天气"]


@pytest.mark.parametrize(
    "after",
    [
        "（记者 王强）\n今天白天多云转晴，北风3到4级。",  # the story's credit, after its mark
        "新华社记者 王强\n今天白天多云转晴，北风3到4级。",  # its reporter
        "气象台发布预报\n明起降温\n今天白天多云转晴，北风3到4级。",  # two headline lines: as read
    ],
)
def test_what_is_no_lone_headline_after_a_closing_mark_stays_as_read(after: str) -> None:
    text = f"我的父亲（连载之三）\n那年冬天特别冷。父亲每天天不亮就出门。\n（待续）\n{after}\n"
    page = labelled(text, " ".join(["T"] + ["B"] * (len(text.split("\n")) - 2) + ["_"]))
    assert [a.title for a in page.articles] == ["我的父亲（连载之三）"]


_NARROW_STORIES = (
    # pdftotext on a page of narrow columns: text cut at 14 characters, no indents, no blank lines
    "欧洲多国迎来寒潮\n寒潮自北向南影响欧洲多国，多\n地气温创下今年以来新低。交通\n部门提醒民众减少出行，注意防\n"
    "寒保暖。\n{close}\n{head}\n聊城城区近日迎来今冬首场降雪\n，积雪深度超过十厘米，环卫部\n门连夜清雪保障交通。\n"
)


@pytest.mark.parametrize(
    ("close", "code"),
    [
        ("（本报济南11月20日电）", "B"),  # as the labeller reads it on such a page
        ("（本报济南11月20日电）", "CR"),
        ("（新华社北京11月20日电）", "B"),
        ("（本报济南、青岛11月20\n日电）", "B B"),  # the column's wrap cut the dateline
    ],
)
def test_the_line_after_a_dateline_that_closes_a_story_heads_the_next_one(close: str, code: str) -> None:
    # A story closed by its dateline in brackets has no more text after it; the short line there
    # heads the next story, though the line under it is as short as a headline on so narrow a page:
    # it fills the column, as no headline's line does.
    page = labelled(_NARROW_STORIES.format(close=close, head="东昌湖畔初雪"), f"T B B B B {code} B B B B _")
    assert [a.title for a in page.articles] == ["欧洲多国迎来寒潮", "东昌湖畔初雪"]
    assert page.articles[1].paragraphs == [
        "聊城城区近日迎来今冬首场降雪，积雪深度超过十厘米，环卫部门连夜清雪保障交通。"
    ]


@pytest.mark.parametrize("close", ["（本报济南11月20日电）", "本版制图：孙立新"])
def test_a_headline_that_reads_like_a_name_after_a_closed_and_signed_story_heads_the_next(close: str) -> None:
    # 高唐新韵 opens with a surname and is four characters long: after a plain paragraph it could be
    # the story's signature, but the story above is closed and signed already.
    page = labelled(_NARROW_STORIES.format(close=close, head="高唐新韵"), "T B B B B B B B B B _")
    assert [a.title for a in page.articles] == ["欧洲多国迎来寒潮", "高唐新韵"]


@pytest.mark.parametrize(
    ("close", "head"),
    [
        ("（新华社北京11月20日电 记者王强）", "东昌湖畔初雪"),  # names its reporter: no dateline alone
        ("（本报济南11月20日电）", "东昌湖畔初雪\n聊城"),  # a short line under it: two headline lines
    ],
)
def test_what_follows_no_closing_dateline_or_heads_two_lines_stays_text(close: str, head: str) -> None:
    text = _NARROW_STORIES.format(close=close, head=head)
    codes = " ".join(["T"] + ["B"] * (len(text.split("\n")) - 2) + ["_"])
    assert [a.title for a in labelled(text, codes).articles] == ["欧洲多国迎来寒潮"]


@pytest.mark.parametrize(
    "credit", ["制图：赵 敏", "本版制图：孙立新", "图片来源：视觉中国", "版式设计：周晓梅"]
)
@pytest.mark.parametrize("narrow", [True, False])
def test_the_line_after_a_charts_or_pages_credit_heads_the_next_story(credit: str, narrow: bool) -> None:
    # Who drew a story's chart or laid out the page is credited under the story: the short line
    # after the credit heads the next story, on a page of narrow columns or of whole paragraphs.
    text = _NARROW_STORIES.format(close=credit, head="东昌湖畔初雪")
    if not narrow:
        text = text.replace("多\n地", "多地").replace("交通\n部", "交通部").replace("防\n寒", "防寒")
        text = text.replace("雪\n，", "雪，").replace("部\n门", "部门")
    codes = " ".join(["T"] + ["B"] * (len(text.split("\n")) - 2) + ["_"])
    page = labelled(text, codes)
    assert [a.title for a in page.articles] == ["欧洲多国迎来寒潮", "东昌湖畔初雪"]
    assert page.articles[1].paragraphs == [
        "聊城城区近日迎来今冬首场降雪，积雪深度超过十厘米，环卫部门连夜清雪保障交通。"
    ]


def test_the_tail_a_wrap_cut_off_a_pages_credit_heads_no_story() -> None:
    text = _NARROW_STORIES.format(close="版式设计：王海涛 孙立新 张", head="明")
    codes = " ".join(["T"] + ["B"] * (len(text.split("\n")) - 2) + ["_"])
    assert [a.title for a in labelled(text, codes).articles] == ["欧洲多国迎来寒潮"]


_DASHED_KICKER_STORIES = (
    "欧洲多国迎来寒潮\n寒潮自北向南影响欧洲多国，多地气温创下今年以来新低。\n{close}\n"
    "东湖湿地护鸟员柏小雨——\n{lower}\n\u3000\u300011月20日清晨，柏小雨又来到东湖湿地，清点越冬的候鸟。\n"
)


@pytest.mark.parametrize("close", ["（本报济南11月20日电）", "本版制图：孙立新", "（完）"])
def test_a_kicker_ending_with_a_dash_after_a_closed_story_heads_the_next_with_its_headline(
    close: str,
) -> None:
    # Two short lines after a closed story are a kicker over its headline or a headline over its
    # subtitle, which nothing else tells apart; a kicker's dash does.
    page = labelled(_DASHED_KICKER_STORIES.format(close=close, lower="守护候鸟二十年"), "T B B B B B _")
    assert [(a.kicker, a.title) for a in page.articles] == [
        (None, "欧洲多国迎来寒潮"),
        ("东湖湿地护鸟员柏小雨——", "守护候鸟二十年"),
    ]
    assert page.articles[1].paragraphs == ["11月20日清晨，柏小雨又来到东湖湿地，清点越冬的候鸟。"]


@pytest.mark.parametrize(
    "lower",
    [
        "\u3000\u3000守护候鸟二十年",  # indented as the text: a round-up's part heading under its speaker
        "本报记者 卢晓岚",  # a reporter's line, no headline
    ],
)
def test_a_dashed_line_after_a_closed_story_over_no_headline_stays_text(lower: str) -> None:
    page = labelled(_DASHED_KICKER_STORIES.format(close="（完）", lower=lower), "T B B B B B _")
    assert [a.title for a in page.articles] == ["欧洲多国迎来寒潮"]


_CREDITED_STORIES = (
    "老旧小区加装电梯提速\n\u3000\u3000今年已有86部电梯投入使用。\n（记者 孙立）\n\n"
    "{head}\n\u3000\u300012月3日傍晚，一名外卖小哥在送餐途中救助了一位摔倒的老人。\n"
)


def test_the_flush_line_after_a_credit_that_closes_a_story_heads_the_next_one() -> None:
    # A credit in brackets closes its story; a flush line over an indented paragraph after it
    # heads the next story, where the labeller read it as text.
    page = labelled(_CREDITED_STORIES.format(head="暖心！外卖小哥雪中救助摔倒老人"), "T B CR _ B B _")
    assert [a.title for a in page.articles] == ["老旧小区加装电梯提速", "暖心！外卖小哥雪中救助摔倒老人"]
    assert page.articles[0].authors == ["孙立"]
    assert page.articles[1].paragraphs == ["12月3日傍晚，一名外卖小哥在送餐途中救助了一位摔倒的老人。"]


@pytest.mark.parametrize(
    "head",
    [
        "\u3000\u3000暖心！外卖小哥雪中救助摔倒老人",  # indented as the text: a round-up's part heading
        "外卖小哥救助老人，",  # runs on
    ],
)
def test_a_line_after_a_credit_that_heads_no_story_stays_text(head: str) -> None:
    page = labelled(_CREDITED_STORIES.format(head=head), "T B CR _ B B _")
    assert [a.title for a in page.articles] == ["老旧小区加装电梯提速"]


def test_a_flush_crosshead_after_a_photographers_credit_inside_a_story_stays_text() -> None:
    # The credit closes the story's picture, not the story.
    page = labelled(
        "我市重点项目建设加速推进\n本报记者 王芳\n\u3000\u3000今年以来，重点项目建设加速推进。\n"
        "\u3000\u3000图为12月3日，工人在项目工地施工。\n\u3000\u3000（本报记者 赵琳 摄）\n"
        "项目建设跑出加速度\n\u3000\u3000截至11月底，全市重点项目完成投资三百余亿元。\n",
        "T BY B CAP CR B B _",
    )
    assert [a.title for a in page.articles] == ["我市重点项目建设加速推进"]


def test_a_line_after_a_credit_over_a_flush_paragraph_stays_text() -> None:
    # With the text flush as well, a story's headline and a round-up's part heading look alike.
    text = _CREDITED_STORIES.format(head="暖心！外卖小哥雪中救助摔倒老人").replace("\u3000", "")
    page = labelled(text, "T B CR _ B B _")
    assert [a.title for a in page.articles] == ["老旧小区加装电梯提速"]


_BYLINED_STORIES = (
    "我市民生实事项目全部完成\n本报记者 王芳\n"
    "\u3000\u3000记者从市政府获悉，今年我市确定的二十项民生实事项目已全部完成。\n"
    "\u3000\u3000这些项目涵盖教育、医疗、养老、交通等领域。\n\n"
    "{heads}\n{byline}\n"
    "\u3000\u3000今年，种粮大户张师傅家的三百亩小麦获得丰收。\n"
    "\u3000\u3000他说，明年还要再多种一百亩。\n"
)


def test_flush_lines_over_a_flush_byline_on_an_indented_page_head_a_new_story() -> None:
    # The labeller read them as a round-up's part heading (the corpus's): text of the story above.
    page = labelled(
        _BYLINED_STORIES.format(heads="聚焦“三农”\n种粮大户的新账本", byline="本报记者 李强"),
        "T BY B B _ B B BY B B _",
    )
    assert [(a.kicker, a.title, a.byline) for a in page.articles] == [
        (None, "我市民生实事项目全部完成", "本报记者 王芳"),
        ("聚焦“三农”", "种粮大户的新账本", "本报记者 李强"),
    ]
    assert page.articles[0].paragraphs[-1] == "这些项目涵盖教育、医疗、养老、交通等领域。"
    one = labelled(
        _BYLINED_STORIES.format(heads="种粮大户的新账本", byline="本报记者 李强"), "T BY B B _ B BY B B _"
    )
    assert [a.title for a in one.articles] == ["我市民生实事项目全部完成", "种粮大户的新账本"]


@pytest.mark.parametrize(
    ("heads", "byline"),
    [
        ("\u3000\u3000种粮大户的新账本", "本报记者 李强"),  # indented as the text: a part heading
        ("种粮大户的新账本", "\u3000\u3000本报记者 李强"),  # the byline indented as the text
        ("种粮大户算了一笔账，", "本报记者 李强"),  # runs on
    ],
)
def test_a_line_over_a_byline_set_as_the_text_is_stays_text(heads: str, byline: str) -> None:
    page = labelled(_BYLINED_STORIES.format(heads=heads, byline=byline), "T BY B B _ B BY B B _")
    assert [a.title for a in page.articles] == ["我市民生实事项目全部完成"]


def test_a_line_over_a_byline_on_a_page_that_lost_most_indents_stays_text() -> None:
    # One paragraph in four kept its indent: flush lines stand out from nothing.
    text = _BYLINED_STORIES.format(heads="种粮大户的新账本", byline="本报记者 李强").replace("\u3000", "")
    text = text.replace("今年，种粮", "\u3000\u3000今年，种粮")
    page = labelled(text, "T BY B B _ B BY B B _")
    assert [a.title for a in page.articles] == ["我市民生实事项目全部完成"]


@pytest.mark.parametrize(
    ("credit", "expected"),
    [
        ("（东阿县融媒体中心 赵婷）", ["赵婷"]),  # a county station's own reporters
        ("（茌平区融媒体中心 王磊 刘丽）", ["王磊", "刘丽"]),
        ("（冠县融媒体中心）", []),  # the station alone
        ("（新华社）", []),
        ("（本报综合）", []),  # compiled by the paper: 综合 is no one's name
        ("（本报金边电）", []),  # the paper's dateline: a place, no one's name
        ("（本报济南、青岛11月20日电）", []),
    ],
)
def test_closing_credits_of_outlets_datelines_and_writers_name_only_people(
    credit: str, expected: list[str]
) -> None:
    assert parse_end_credit(credit) == (credit, expected)


@pytest.mark.parametrize(
    ("credit", "expected"),
    [
        ("（王明 李华）", ["王明", "李华"]),  # two co-authors
        ("(王明 李华 张强)", ["王明", "李华", "张强"]),
        ("（欧阳明 李华）", ["欧阳明", "李华"]),  # a compound surname
        ("（欧阳晓明 李华）", ["欧阳晓明", "李华"]),  # four characters after one, as a name alone reads
        ("（王府井大 李华）", ["王府井大"]),  # four after a surname of one: no name, so no co-authors
        ("（王明 常委）", ["王明"]),  # an author and a post that opens as a surname does
        ("（王明 董事）", ["王明"]),
        ("（王明 教授）", ["王明"]),  # a post that opens with no surname
        ("（王明 中共东湖区委书记）", ["王明"]),
    ],
)
def test_a_closing_credit_of_names_alone_credits_every_coauthor(credit: str, expected: list[str]) -> None:
    assert parse_end_credit(credit) == (credit, expected)


@pytest.mark.parametrize(
    ("credit", "expected"),
    [
        ("（作者 王明）", ["王明"]),  # one author under the label: was no credit at all
        ("（作者：王明）", ["王明"]),
        ("（作者王明）", ["王明"]),
        ("（作者：王明，东湖大学教授）", ["王明"]),  # the post after a comma is nobody's name
        ("（本文作者 王明）", ["王明"]),  # was read as a person called 本文作者
        ("（文/王明）", ["王明"]),  # a writer's slash signature
        ("（王明/文）", ["王明"]),
    ],
)
def test_a_closing_credit_signed_under_a_label_or_a_slash_names_its_author(
    credit: str, expected: list[str]
) -> None:
    assert parse_closing_credit(credit) == (credit, expected)


@pytest.mark.parametrize(
    "line",
    ["（作者为东湖大学教授）", "（作者：某某大学）", "（2024/2025赛季）", "（文/图）", "（本报记者 王明）"],
)
def test_no_signature_is_read_in_a_note_a_post_a_season_or_a_role_alone(line: str) -> None:
    # parse_signed_credit: only names under a label or beside a slash sign a story (the reporter's
    # credit is parse_end_credit's).
    assert parse_signed_credit(line) is None


@pytest.mark.parametrize("credit", ["（作者：王明）", "（文/王明）"])
def test_a_story_closed_by_its_authors_signature_ends_there(credit: str) -> None:
    page = parse_page(
        "东湖区举办首届读书节\n"
        "\u3000\u300012月3日，东湖区首届读书节在区图书馆开幕，三千多名市民参加了开幕式。\n"
        "\u3000\u3000读书节期间将举办讲座、展览和阅读分享会等二十余场活动。\n"
        f"\u3000\u3000{credit}\n"
        "西城区新建三处口袋公园\n"
        "\u3000\u3000今年以来，西城区利用边角地新建三处口袋公园，方便居民就近休闲。\n"
    )
    assert [(a.title, a.authors) for a in page.articles] == [
        ("东湖区举办首届读书节", ["王明"]),
        ("西城区新建三处口袋公园", []),
    ]


def test_a_signature_the_labeller_read_as_a_byline_after_the_text_closes_the_story() -> None:
    page = labelled(
        "东湖区举办首届读书节\n"
        "\u3000\u300012月3日，东湖区首届读书节在区图书馆开幕，三千多名市民参加了开幕式。\n"
        "\u3000\u3000（作者：王明）\n"
        "西城区新建三处口袋公园\n"
        "\u3000\u3000今年以来，西城区利用边角地新建三处口袋公园，方便居民就近休闲。\n",
        "T B BY B B _",
    )
    assert [(a.title, a.authors) for a in page.articles] == [
        ("东湖区举办首届读书节", ["王明"]),
        ("西城区新建三处口袋公园", []),
    ]


def test_a_signature_under_its_headline_is_its_byline_and_heads_nothing_under_it() -> None:
    # Set under the headline it signs the story below, as a byline: the flush line under it is
    # the story's first paragraph, no headline of another story.
    page = labelled(
        "读书的乐趣\n\u3000\u3000（作者：王明）\n开卷有益\n\u3000\u3000读书让人开阔眼界，也让人学会思考。\n",
        "T BY B B _",
    )
    assert [(a.title, a.authors, len(a.paragraphs)) for a in page.articles] == [("读书的乐趣", ["王明"], 2)]


SIGNED_ON_A_LINE_OF_ITS_OWN = (
    "东湖区举办首届读书节\n"
    "\u3000\u300012月3日，东湖区首届读书节在区图书馆开幕，三千多名市民参加了开幕式。\n"
    "\u3000\u3000读书节期间将举办讲座、展览和阅读分享会等二十余场活动。\n"
    "\u3000\u3000本报记者 王明\n"
    "西城区新建三处口袋公园\n"
    "\u3000\u3000今年以来，西城区利用边角地新建三处口袋公园，方便居民就近休闲。\n"
    "\u3000\u3000公园里设置了健身器材和儿童游乐设施，受到周边居民欢迎。\n"
)
_SIGNED_STORIES = [
    ("东湖区举办首届读书节", ["王明"], 2),
    ("西城区新建三处口袋公园", [], 2),
]


def test_a_reporters_line_under_a_storys_last_paragraph_signs_it() -> None:
    # Not the caption of a photo of its own: the paragraph over it is set as the story's others.
    page = labelled(SIGNED_ON_A_LINE_OF_ITS_OWN, "T B B BY T B B _")
    assert [(a.title, a.authors, len(a.paragraphs)) for a in page.articles] == _SIGNED_STORIES


def test_a_reporters_line_under_a_part_heading_of_a_round_up_heads_nothing() -> None:
    # A round-up's part heading and its reporter's line, its text indented as the heading is: one story.
    page = labelled(
        "东湖区多措并举办实事\n"
        "\u3000\u3000今年以来，东湖区办好一批民生实事。\n"
        "\u3000\u3000读书节办进社区\n"
        "\u3000\u3000本报记者 王明\n"
        "\u3000\u3000读书节期间将举办讲座和阅读分享会。\n"
        "\u3000\u3000活动将持续到月底。\n",
        "T B B BY B B _",
    )
    assert [a.title for a in page.articles] == ["东湖区多措并举办实事"]


def test_a_story_closed_by_two_coauthors_credits_both() -> None:
    page = parse_page(
        "东湖区举办首届读书节\n"
        "\u3000\u300012月3日，东湖区首届读书节在区图书馆开幕，三千多名市民参加了开幕式。\n"
        "\u3000\u3000读书节期间将举办讲座、展览和阅读分享会等二十余场活动。\n"
        "\u3000\u3000（王明 李华）\n"
        "西城区新建三处口袋公园\n"
        "\u3000\u3000今年以来，西城区利用边角地新建三处口袋公园，方便居民就近休闲。\n"
    )
    assert [(a.title, a.authors) for a in page.articles] == [
        ("东湖区举办首届读书节", ["王明", "李华"]),
        ("西城区新建三处口袋公园", []),
    ]


COUNTY_PAGE = (
    "茌平区：冬季农田水利建设如火如荼\n"
    "\u3000\u3000眼下正值冬季农田水利建设的黄金时期，茌平区各乡镇掀起了兴修水利的热潮。\n"
    "\u3000\u3000（茌平区融媒体中心 王磊 刘丽）\n"
    "东阿县举办第三届阿胶文化节\n"
    "\u3000\u300012月3日，东阿县第三届阿胶文化节开幕。\n"
    "\u3000\u3000（东阿县融媒体中心 赵婷）\n"
)


@pytest.mark.parametrize("line", ["（音频新闻）", "（详见新华网）"])
def test_words_in_brackets_that_only_end_as_an_outlet_does_are_no_credit(line: str) -> None:
    assert parse_end_credit(line) is None


def test_a_county_stations_credit_read_as_text_closes_its_story() -> None:
    # No blank lines: the labeller read the credits and the next headline as text.
    page = labelled(COUNTY_PAGE, "T B B B B B _")
    assert [(a.title, a.byline, a.authors, a.kind) for a in page.articles] == [
        ("茌平区：冬季农田水利建设如火如荼", "（茌平区融媒体中心 王磊 刘丽）", ["王磊", "刘丽"], "news"),
        ("东阿县举办第三届阿胶文化节", "（东阿县融媒体中心 赵婷）", ["赵婷"], "news"),
    ]
    assert page.articles[1].paragraphs == ["12月3日，东阿县第三届阿胶文化节开幕。"]


def test_a_media_centres_reporters_credit_read_as_text_closes_its_story() -> None:
    # The credit names a role after the outlet (融媒体中心记者), which no closing-credit grammar reads.
    page = labelled(
        "湖滨街道：冬季农田水利建设如火如荼\n"
        "\u3000\u3000眼下正值冬季农田水利建设的黄金时期，湖滨街道掀起了兴修水利的热潮。\n"
        "（融媒体中心记者 柳静文）\n"
        "东湖县举办第三届荷花文化节\n"
        "\u3000\u300012月3日，东湖县第三届荷花文化节开幕。\n",
        "T B B B B _",
    )
    assert [a.title for a in page.articles] == [
        "湖滨街道：冬季农田水利建设如火如荼",
        "东湖县举办第三届荷花文化节",
    ]


def test_a_foreign_bureaus_dateline_credit_names_no_one_and_makes_no_commentary() -> None:
    page = labelled(
        "当地推进“宜居乡村行动”\n\u3000\u3000当地政府近年推进“宜居乡村行动”。\n\u3000\u3000（本报开罗电）\n",
        "T B CR _",
    )
    assert [(a.byline, a.authors, a.kind) for a in page.articles] == [("（本报开罗电）", [], "news")]


_TAGGED_STORIES = (
    "寒潮来袭 全城“暖”行动\n记者 孙雪\n\u3000\u300012月4日凌晨，我市迎来今冬首场降雪。\n\n"
    "{tag}\n{head}\n\u3000\u3000交警部门提醒，雪天路滑，驾驶人要减速慢行。\n\u3000\u3000行人出行应选择公共交通。\n"
)


def test_a_flush_column_tag_under_a_mark_over_a_flush_headline_heads_a_new_story() -> None:
    page = labelled(_TAGGED_STORIES.format(tag="■提醒", head="雪天出行注意安全"), "T BY B _ B B B B _")
    assert [(a.kicker, a.title) for a in page.articles] == [
        (None, "寒潮来袭 全城“暖”行动"),
        ("提醒", "雪天出行注意安全"),
    ]
    assert page.articles[1].paragraphs == [
        "交警部门提醒，雪天路滑，驾驶人要减速慢行。",
        "行人出行应选择公共交通。",
    ]


@pytest.mark.parametrize(
    ("tag", "head"),
    [
        ("\u3000\u3000■记者手记", "\u3000\u3000履职干劲不能松"),  # a story's sidebar, indented as its text
        ("■提醒", "\u3000\u3000雪天出行注意安全"),  # the line under the tag indented as the text
        ("■提醒", "雪天路滑，"),  # runs on
        ("提醒", "雪天出行注意安全"),  # no mark: no tag
    ],
)
def test_a_tag_and_a_line_that_head_no_story_stay_text(tag: str, head: str) -> None:
    page = labelled(_TAGGED_STORIES.format(tag=tag, head=head), "T BY B _ B B B B _")
    assert [a.title for a in page.articles] == ["寒潮来袭 全城“暖”行动"]


NEWS_FEED_PAGE = (
    "【#聊城发布寒潮蓝色预警#】记者从市气象台获悉，12月4日至6日我市将出现大风降温天气。请市民注意防寒保暖。\n\n"
    "【聊城西站新增3趟始发列车】12月5日起，聊城西站将新增始发列车3趟，进一步方便群众出行。\n\n"
    "🔥【今晚！聊城人都在看】市文化馆迎新年音乐会今晚7时30分开演，市民可观看直播。\n"
)


def test_a_news_feeds_posts_each_run_in_a_headline_in_brackets() -> None:
    page = labelled(NEWS_FEED_PAGE, "B _ B _ B _")
    assert [(a.title, a.paragraphs) for a in page.articles] == [
        (
            "聊城发布寒潮蓝色预警",
            ["记者从市气象台获悉，12月4日至6日我市将出现大风降温天气。请市民注意防寒保暖。"],
        ),
        ("聊城西站新增3趟始发列车", ["12月5日起，聊城西站将新增始发列车3趟，进一步方便群众出行。"]),
        ("今晚！聊城人都在看", ["市文化馆迎新年音乐会今晚7时30分开演，市民可观看直播。"]),
    ]
    # the topic marks and the pictograph are the page's, kept with a reason
    assert [(d.text, d.reason) for d in page.dropped] == [("##", "topic-marks"), ("🔥", "decoration")]
    assert [a.title for a in parse_page(NEWS_FEED_PAGE).articles] == [a.title for a in page.articles]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # a story's labels in brackets are short: 【案情】, 【记者观察】
        (
            "法院判决一起赔偿案\n【案情】某公司职工在工作中受伤。\n【说法】法院经审理认为，公司应担责。\n",
            "T B B _",
        ),
        # under its headline, a bracketed lead is the story's own
        ("寒潮来袭\n【聊城发布寒潮蓝色预警】记者从市气象台获悉，我市将降温。\n", "T B _"),
        # a bold lead opens a paragraph of the story, as policy documents set their points
        (
            "国务院印发方案\n本报讯 近日，国务院印发方案。\n**一是压实各方安全责任。**各地要落实责任。\n"
            "**二是深化隐患排查整治。**要聚焦重点行业领域。\n",
            "T B B B _",
        ),
        # a dateline or a reporter's line in brackets is no headline
        ("寒潮来袭\n本报讯 我市将降温。\n【新华社北京12月3日电】国务院常务会议3日召开。\n", "T B B _"),
        ("寒潮来袭\n本报讯 我市将降温。\n【本报记者 王芳报道】近日，我市召开会议。\n", "T B B _"),
    ],
)
def test_a_label_or_a_lead_in_brackets_inside_a_story_stays_in_it(text: str, codes: str) -> None:
    page = labelled(text, codes)
    assert [a.title for a in page.articles] == [text.split("\n")[0]]


@pytest.mark.parametrize(
    ("table", "codes"),
    [
        # a document converter's table, with outer bars and without, read by the labeller as headlines
        (
            "| 项目 | 停航时间 |\n|------|----------|\n| 环湖游船 | 12月5日 |\n| 水上巴士 | 12月5日 |",
            "T S B B",
        ),
        ("项目 | 停航时间\n--- | ---\n环湖游船 | 12月5日\n水上巴士 | 12月5日", "K T B B"),
    ],
)
def test_a_markdown_tables_rows_are_the_story_text_above_them(table: str, codes: str) -> None:
    page = labelled(
        f"东昌湖冬季游船停航\n\n本报讯 东昌湖游船自12月5日起停航，明年3月恢复。\n\n{table}\n",
        f"T _ B _ {codes} _",
    )
    assert len(page.articles) == 1
    article = page.articles[0]
    assert article.title == "东昌湖冬季游船停航"
    assert [p.replace(" ", "").strip("|") for p in article.paragraphs] == [
        "东昌湖游船自12月5日起停航，明年3月恢复。",
        "项目|停航时间",
        "环湖游船|12月5日",
        "水上巴士|12月5日",
    ]
    assert [d.reason for d in page.dropped] == ["markdown-marker"]  # the rule row


def test_lines_with_a_bar_but_no_rule_row_are_no_table() -> None:
    page = labelled(
        "东昌湖冬季游船停航\n\n本报讯 东昌湖游船停航。\n\n游船 | 巴士\n\n本报讯 水上巴士停运。\n",
        "T _ B _ T _ B _",
    )
    assert [a.title for a in page.articles] == ["东昌湖冬季游船停航", "游船 | 巴士"]


@pytest.mark.parametrize(
    ("headline", "shown"),
    [
        ("我市新增 3 家国家级高新技术企业", "我市新增3家国家级高新技术企业"),  # a PDF converter's spaces
        ("聊城 2026 年 GDP 增长 5.8 %", "聊城2026年 GDP 增长5.8%"),
        ("工业增加值增长 5.8 %", "工业增加值增长5.8%"),
        ("王海出席 8位代表作交流发言", "王海出席 8位代表作交流发言"),  # the space parts the halves
        ("有色金属 1200 化工 800", "有色金属 1200 化工 800"),  # figures without a unit
        ("Windows 11 发布", "Windows 11 发布"),
        ("聊 城 召 开 会 议", "聊城召开会议"),  # letter spacing
    ],
)
def test_a_headlines_spaces_around_a_figure_and_its_unit_are_the_converters(
    headline: str, shown: str
) -> None:
    assert labelled(f"{headline}\n本报讯 今天召开会议。\n", "T B _").articles[0].title == shown


def test_a_headline_set_before_its_lead_on_one_line_heads_the_story() -> None:
    # a scraper's copy, a story to a line
    page = labelled(
        "聊城西站新增始发列车 本报讯（记者 李强）12月5日起，聊城西站新增始发列车2趟。铁路部门提醒旅客查询车次。\n"
        "东昌湖冬季游船停航 本报讯 记者从东昌湖旅游区获悉，东昌湖游船自12月5日起停航。\n",
        "B B _",
    )
    assert [(a.title, a.byline, a.paragraphs) for a in page.articles] == [
        (
            "聊城西站新增始发列车",
            "本报讯（记者 李强）",
            ["12月5日起，聊城西站新增始发列车2趟。铁路部门提醒旅客查询车次。"],
        ),
        ("东昌湖冬季游船停航", "本报讯", ["记者从东昌湖旅游区获悉，东昌湖游船自12月5日起停航。"]),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "新华社电 （记者王晓林）初春的细雨中，云南省大理白族自治州洱源县右所镇风光旖旎。",  # a lead itself
        "本报讯 记者 王明 通讯员 李四 近日，我市召开会议。",
        "会上 记者了解到，今年以来全市新增就业岗位1.2万个。",  # no lead after the space
        "今年以来，全市 本报记者 走访了多个社区，了解群众需求。",  # a sentence's clause before it
    ],
)
def test_a_line_opening_with_a_lead_or_a_sentence_is_not_cut(line: str) -> None:
    page = labelled(f"某会议召开\n{line}\n", "T B _")
    assert [a.title for a in page.articles] == ["某会议召开"]


def test_a_letters_signature_closes_it_so_the_headline_under_it_heads_the_next_story() -> None:
    page = labelled(
        "编辑同志：\n我们小区的路灯坏了一个多月，希望有关部门尽快修好。\n东昌府区读者 李明\n"
        "记者追踪：路灯已修复\n本报讯（记者 王强）接到读者来信后，记者联系了城管局。\n",
        "B B B B B _",
    )
    assert [(a.title, a.byline) for a in page.articles] == [
        (None, None),
        ("记者追踪：路灯已修复", "本报讯（记者 王强）"),
    ]
    assert page.articles[0].paragraphs[-1] == "东昌府区读者李明"


def test_a_markdown_heading_deeper_than_its_storys_is_a_crosshead() -> None:
    page = labelled(
        "# 聊城西站新增始发列车\n本报讯（记者 李强）12月5日起，聊城西站新增始发列车2趟。\n"
        "## 旅客出行更便捷\n新增列车开行后，聊城至北京最快2小时可达。\n"
        "# 东昌湖冬季游船停航\n东昌湖游船自12月5日起停航。\n",
        "T B T B T B _",
    )
    assert [(a.title, a.paragraphs) for a in page.articles] == [
        (
            "聊城西站新增始发列车",
            [
                "12月5日起，聊城西站新增始发列车2趟。",
                "旅客出行更便捷",
                "新增列车开行后，聊城至北京最快2小时可达。",
            ],
        ),
        ("东昌湖冬季游船停航", ["东昌湖游船自12月5日起停航。"]),
    ]


@pytest.mark.parametrize(
    ("text", "codes", "titles"),
    [
        # stories under a section's label, a level deeper
        (
            "# 要闻\n## 聊城西站新增始发列车\n聊城西站新增始发列车2趟。\n## 东昌湖冬季游船停航\n东昌湖游船停航。\n",
            "T T B T B _",
            ["聊城西站新增始发列车", "东昌湖冬季游船停航"],
        ),
        # the next story's kicker, over its headline
        (
            "# 聊城西站新增始发列车\n聊城西站新增始发列车2趟。\n### 冬季旅游\n# 东昌湖冬季游船停航\n东昌湖游船停航。\n",
            "T B K T B _",
            ["聊城西站新增始发列车", "东昌湖冬季游船停航"],
        ),
        # the one story a converter found biggest, a level above the others
        (
            "# 聊城西站新增始发列车\n聊城西站新增始发列车2趟。\n## 东昌湖冬季游船停航\n东昌湖游船停航。\n"
            "## 冠县冬季农田水利建设忙\n冠县掀起农田水利建设热潮。\n",
            "T B T B T B _",
            ["聊城西站新增始发列车", "东昌湖冬季游船停航", "冠县冬季农田水利建设忙"],
        ),
        # a story of its own, opening with a lead, at whatever level a converter set it
        (
            "# 聊城西站新增始发列车\n聊城西站新增始发列车2趟。\n## 东昌湖冬季游船停航\n本报讯 东昌湖游船停航。\n",
            "T B T B _",
            ["聊城西站新增始发列车", "东昌湖冬季游船停航"],
        ),
    ],
)
def test_a_deeper_markdown_heading_that_heads_a_story_stays_a_headline(
    text: str, codes: str, titles: list[str]
) -> None:
    assert [a.title for a in labelled(text, codes).articles] == titles


@pytest.mark.parametrize(
    "summary", ["核心提示｜今年以来，我市共改造老旧小区136个。", "编者按：老旧小区改造关系民生。"]
)
def test_a_byline_under_a_storys_summary_signs_the_story(summary: str) -> None:
    page = labelled(
        f"老旧小区改造惠及三万户\n{summary}\n本报记者 王芳\n走进一个老旧小区，崭新的外墙映入眼帘。\n",
        "T B BY B _",
    )
    article = page.articles[0]
    assert (article.byline, article.authors) == ("本报记者 王芳", ["王芳"])
    assert article.paragraphs == [summary, "走进一个老旧小区，崭新的外墙映入眼帘。"]


def test_a_byline_under_a_storys_text_stays_in_its_text() -> None:
    # one part of a multi-part report, its reporter's line among the story's paragraphs
    page = labelled(
        "老旧小区改造惠及三万户\n今年以来，我市共改造老旧小区136个。\n本报记者 王芳\n走进一个老旧小区，外墙崭新。\n",
        "T B BY B _",
    )
    assert page.articles[0].byline is None


@pytest.mark.parametrize(
    ("headline", "codes"),
    [
        ("冬日东昌湖（组图）", "B _ B B CR _"),
        ("冬日东昌湖\n（组图）", "B B _ B B CR _"),  # the mark alone under the headline
    ],
)
def test_a_photo_storys_mark_makes_its_line_a_headline(headline: str, codes: str) -> None:
    page = labelled(
        f"{headline}\n\n\u3000\u3000连日来，东昌湖畔银装素裹。\n\u3000\u3000图①：雪后的东昌湖。\n\u3000\u3000本报记者 张伟 摄\n",
        codes,
    )
    assert [a.title for a in page.articles] == [headline.replace("\n", "")]


def test_a_page_on_one_line_gives_each_story_its_headline() -> None:
    # a copy that lost every line break
    page = labelled(
        "聊城西站新增始发列车本报讯（记者 李强）12月5日起，聊城西站新增始发列车2趟。铁路部门提醒旅客查询车次。"
        "东昌湖冬季游船停航本报讯 记者从东昌湖旅游区获悉，东昌湖游船自12月5日起停航，预计明年3月恢复。\n",
        "B _",
    )
    assert [(a.title, a.byline, a.paragraphs) for a in page.articles] == [
        (
            "聊城西站新增始发列车",
            "本报讯（记者 李强）",
            ["12月5日起，聊城西站新增始发列车2趟。铁路部门提醒旅客查询车次。"],
        ),
        (
            "东昌湖冬季游船停航",
            "本报讯",
            ["记者从东昌湖旅游区获悉，东昌湖游船自12月5日起停航，预计明年3月恢复。"],
        ),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "这是新华社记者 王明 近日在现场拍摄的照片，显示了工地全貌，工人们正在紧张施工。",  # a clause, no headline
        "今年本报记者走访了全市十多个项目工地，看到各项工作有序推进。",  # no lead
        "新华社北京12月3日电 国务院常务会议3日召开，部署冬季安全生产工作。",  # a lead with no headline
    ],
)
def test_a_long_paragraph_naming_a_paper_is_not_cut(sentence: str) -> None:
    text = f"会议指出，要加快项目建设进度，确保完成全年任务，各地要认真落实，不断提高群众满意度。{sentence}"
    page = labelled(f"某会议召开\n{text}\n", "T B _")
    assert [a.title for a in page.articles] == ["某会议召开"]


def test_a_page_set_without_punctuation_is_not_cut_at_a_lead() -> None:
    # No sentence's end tells where a headline would start; a closing quote is none.
    text = (
        "专家表示燃料电池汽车与传统汽车在“成本和续航”上的距离正在逐步缩短"
        "新华社巴西圣保罗4月25日电 圣保罗国际车展25日闭幕本届展会吸引了来自全球的数千家企业参展"
        "记者在现场看到各大展台前人头攒动许多观众驻足观看新能源汽车展品"
    )
    page = labelled(f"某会议召开\n{text}\n", "T B _")
    assert [a.title for a in page.articles] == ["某会议召开"]


@pytest.mark.parametrize(("end", "cut"), [(2, True), (9, False)])
def test_only_one_long_line_is_cut_at_a_lead_as_a_page_on_one_line(end: int, cut: bool) -> None:
    # Lines a hard wrap joined into a paragraph may hold a meta line's tail cut off over a dateline.
    text = (
        "东江都市日报 要闻 新华社北京4月26日电 国务院常务会议26日召开，部署冬季安全生产工作。"
        "会议要求，各地区各部门要压实责任，确保安全。会议还研究了其他事项，通过了有关文件。"
        "各地要认真贯彻落实会议精神，切实抓好各项工作。"
    )
    units = unit_rules_module._stories_run_together([Unit(text, 2, end)])
    assert [unit.role for unit in units] == (["title", "body"] if cut else ["body"])


def test_a_lead_read_as_a_headline_line_opens_the_storys_text() -> None:
    # a page whose paragraphs end with 、 (the 1930s' papers) ends no sentence anywhere
    page = labelled(
        "沪市金融平稳\n各银行照常营业\n\n"
        "本报讯 本市金融界昨日情形平稳、各银行钱庄均照常营业、市面安谧如常、据金融界人士谈、年关将届、\n",
        "T T _ T _",
    )
    article = page.articles[0]
    assert (article.title, article.byline) == ("沪市金融平稳各银行照常营业", "本报讯")
    assert article.paragraphs[0].startswith("本市金融界昨日情形平稳")


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("文/魏萍涛", True),
        ("文丨李芳平", True),
        ("文·图/张三", True),
        ("撰文 张三 摄影 李四", True),
        ("赵文明/文", True),
        ("张三/文 李四/图", True),
        ("图片报道", False),  # read as a byline by its trailer alone: it may head a picture
        ("文 明 创 建 进 行 时", False),  # a headline spaced out letter by letter
        ("城市新貌 组图", False),
        ("新 华 社 记 者 陈 晓 燕", True),  # spaced out letter by letter, the gap between closed
        ("本 报 记 者   王 海 涛", True),
        ("记 者 节 到 了", False),  # a headline so spaced: 节到了 is no one's name
    ],
)
def test_a_writers_label_names_the_writer_as_a_reporters_role_does(line: str, names: bool) -> None:
    assert names_a_reporter(line) is names


_WRITERS_LABELS_PAGE = """\
“算力”强劲、“数据”赋能，济南加速打造“AI之城”
文丨李芳华
本报记者 王海涛 姚玉梅
　　济南正在加快建设具有区域影响力的人工智能创新高地。今年以来，全市新增人工智能企业四百余家，产业规模持续扩大。
　　业内人士表示，算力、数据和场景是人工智能发展的关键。

老街巷里的修鞋匠
赵文明/文
（ 2026-04-30 ） 稿件来源：东江都市日报 文化
　　在东关街的一条小巷里，七十岁的孙师傅已经修了四十年鞋。他的摊子不大，一把伞、一台机器、一个工具箱。
　　街坊们说，孙师傅手艺好，收费也公道。
"""


def test_a_writers_line_under_a_headline_signs_the_story_and_heads_nothing() -> None:
    page = parse_page(_WRITERS_LABELS_PAGE)
    assert [(a.kicker, a.title, a.authors) for a in page.articles] == [
        (None, "“算力”强劲、“数据”赋能，济南加速打造“AI之城”", ["李芳华", "王海涛", "姚玉梅"]),
        (None, "老街巷里的修鞋匠", ["赵文明"]),
    ]


_SPACED_BYLINES_PAGE = """\
城区新增三处口袋公园
本 报 记 者   王 海 涛
　　近日，城区新增三处口袋公园，为周边居民提供了休闲健身的好去处。据介绍，三处公园总面积约一万平方米，栽种乔木两百余株。
　　附近居民说，以前下楼没地方坐，现在傍晚带着孩子来散步，很方便。

乡村夜市点亮消费新场景
新 华 社 记 者   陈 晓 燕
（ 2026-04-30 ） 稿件来源：东江都市日报 文化
　　入夏以来，各乡镇夜市陆续开市，特色小吃和文创产品吸引不少市民前来。夜市由镇政府统一规划，摊位免费提供给当地村民。
　　“一晚上能卖三四百元。”摊主刘大姐笑着说。
"""


def test_a_reporters_line_spaced_out_under_a_headline_read_as_text_signs_a_new_story() -> None:
    # The labeller reads the second reporter's line as a headline's and the headline above it as
    # the first story's text: the reporter's line signs, and the line set apart above it heads.
    page = parse_page(_SPACED_BYLINES_PAGE)
    assert [(a.title, a.authors, len(a.paragraphs)) for a in page.articles] == [
        ("城区新增三处口袋公园", ["王海涛"], 2),
        ("乡村夜市点亮消费新场景", ["陈晓燕"], 2),
    ]


# A narrow column's page (pdftotext on a PDF), cut at 14 characters, as the labeller read it.
_NARROW_TAILS_PAGE = """\
附近居民说，以前下楼没地方坐
，现在傍晚带着孩子来散步，很
方便。往事历历依然清晰可见
。”　　新华社北京
5月3日电
中方在开罗宣言发表地建立纪念碑
新华社记者 赵晓辉 于佳欣
吴慧珺
新华社开罗5月3日电为纪念《
开罗宣言》发表，中国驻埃及使
馆在米娜宫饭店举行揭幕仪式。"""


def test_a_closing_dateline_and_a_bylines_names_that_a_narrow_wrap_cut_are_no_headlines() -> None:
    # the paragraph's last words and its closing dateline, and the names under the byline,
    # as the labeller read them: headline lines
    page = labelled(_NARROW_TAILS_PAGE, "B B B T T S T T B B B")
    assert [(a.title, a.authors) for a in page.articles] == [
        (None, []),
        ("中方在开罗宣言发表地建立纪念碑", ["赵晓辉", "于佳欣", "吴慧珺"]),
    ]
    assert page.articles[0].paragraphs[-1].endswith("清晰可见。”新华社北京5月3日电")


_NARROW_DATELINE_PAGE = """\
湖畔春来早
湖边的柳树已经发芽，
游人渐渐多了起来。
东湖新区建成三座口袋公园
本报东湖新区3月11
日电（记者王明远）近
日，东湖新区三座口袋
公园建成开放，附近居
民可以就近散步赏花。"""


@pytest.mark.parametrize(
    "codes",
    [
        "T B B T B B B B B",  # as the labeller reads a dateline whole
        "T B B T T T B B B",  # its pieces read as the headline's lines
        "T B B T T B B B B",  # its first piece read as one
        "T B B T BY BY B B B",  # as a byline
        "T B B B B B B B B",  # the headline over it read as text too
    ],
)
def test_a_dateline_a_narrow_wrap_cut_opens_its_storys_lead(codes: str) -> None:
    # A narrow column's wrap cut the dateline inside its date (3月11 / 日电): its first piece is
    # no dateline alone, so it was read as the headline's next line (the headline running on into
    # the lead: 东湖新区建成三座口袋公园本报东湖新区3月11…) or the headline over it as text.
    page = labelled(_NARROW_DATELINE_PAGE, codes)
    assert [(a.title, a.byline, a.authors) for a in page.articles] == [
        ("湖畔春来早", None, []),
        ("东湖新区建成三座口袋公园", "本报东湖新区3月11日电（记者王明远）", ["王明远"]),
    ]
    assert page.articles[1].paragraphs == ["近日，东湖新区三座口袋公园建成开放，附近居民可以就近散步赏花。"]


_NARROW_BRIEF_PAGE = """\
湖畔春来早
湖边的柳树已经发芽，
游人渐渐多了起来，不
少市民带着孩子来到湖
边踏青赏景。
东湖机场新航站楼启用
{lead} 东湖机场新航站
楼日前正式投入使用，
新航站楼面积是老航站
楼的三倍，旅客出行更
加便捷。"""


@pytest.mark.parametrize("lead", ["本报讯", "据新华社电"])
@pytest.mark.parametrize(
    "codes",
    [
        "T B B B B T B B B B B",  # as the labeller reads a lead
        "T B B B B T S B B B B",  # the lead's first line read as the subtitle
        "T B B B B K T B B B B",  # ... as the headline under a kicker
        "T B B B B T T B B B B",  # ... as the headline's second line
    ],
)
def test_a_briefs_lead_a_narrow_column_cut_is_its_text_whatever_the_labeller_read_it_as(
    lead: str, codes: str
) -> None:
    # A brief's lead, its first line cut at the column's width, read as the subtitle, the headline
    # or the headline's tail: a headline's line opened with a lead only past a headline's length.
    page = labelled(_NARROW_BRIEF_PAGE.format(lead=lead), codes)
    assert [(a.kicker, a.title, a.subtitle, a.byline) for a in page.articles] == [
        (None, "湖畔春来早", None, None),
        (None, "东湖机场新航站楼启用", None, lead),
    ]
    assert page.articles[1].paragraphs == [
        "东湖机场新航站楼日前正式投入使用，新航站楼面积是老航站楼的三倍，旅客出行更加便捷。"
    ]


@pytest.mark.parametrize(
    ("text", "closed"),
    [
        ("清晰可见。” 新华社北京5月3日电", True),
        ("王永华说。新华社北京4月30日电", True),
        ("新华社北京5月3日电", False),  # a dateline alone: read as such already
        ("清晰可见。” 新华社北京5月3日电记者王明", False),  # a lead: the next story's text
        ("他说：新华社北京5月3日电", False),  # no sentence ends before it
    ],
)
def test_a_sentences_end_then_a_dateline_alone_closes_a_story(text: str, closed: bool) -> None:
    assert unit_rules_module._closed_by_dateline(text) is closed


def test_a_headline_under_a_byline_is_no_wrapped_name_when_set_apart() -> None:
    # a short headline that reads as a name (王者归来), under the byline of the story above it
    page = labelled("本报记者 张三 李四\n\n王者归来\n　　北京时间昨晚，中国队以三比一获胜。", "T _ T B")
    assert [a.title for a in page.articles if a.title] == ["王者归来"]


_NARROW_META_PAGE = """\
从小作坊到大工厂
（ 2026-04-
27 ） 稿件来源：
东江都市日报 调查观
察
新华社记者 赵敏
今年一季度，全市外贸
进出口总值实现了两位
数增长。"""


def test_the_value_a_narrow_wrap_cut_off_a_web_meta_line_is_furniture() -> None:
    # the meta line's pieces, as the labeller read them: its value (and the value's last
    # character, cut again) a headline's lines
    page = labelled(_NARROW_META_PAGE, "T F F T T BY B B B")
    assert [(a.title, a.authors) for a in page.articles] == [("从小作坊到大工厂", ["赵敏"])]
    assert "东江都市日报 调查观" in [d.text for d in page.dropped]


def test_a_headline_under_a_field_label_that_is_no_meta_lines_value_stays() -> None:
    # a label with its colon at a furniture line's end, then a line that does not finish a meta line
    page = labelled("本版责任编辑：\n城区新增三处口袋公园\n　　近日，城区新增三处口袋公园。", "F T B")
    assert [a.title for a in page.articles] == ["城区新增三处口袋公园"]


@pytest.mark.parametrize(
    ("line", "imprint"),
    [
        ("新闻热线：0635-8241234", True),
        ("统一刊号：CN37-0065 邮发代号：23-20", True),
        ("本报地址：聊城市东昌路 邮编：252000 电话：0635-8241234", True),
        ("印刷：聊城日报印务中心 定价：1.50元", True),
        ("某某文艺出版社出版", False),  # a book's credit, in a reading page's list, ends so too
        ("定价：58.00元", False),  # a book's price under a review
        ("地址：聊城市东昌路", False),  # an address or a telephone alone may be a notice's
        ("电话：0635-8888888", False),
        ("社长：我们合作社今年要把销路打开。", False),  # an interview's answer
        ("总编辑说：今年要做好三件事", False),
    ],
)
def test_a_papers_imprint_line(line: str, imprint: bool) -> None:
    assert is_imprint_line(line) is imprint


_PAGE_WITH_A_FOOT = """\
城区新增三处口袋公园
　　本报讯（记者 王海涛）近日，城区新增三处口袋公园，为周边居民提供了休闲健身的好去处。

乡村夜市点亮消费新场景
　　本报讯（记者 李明）入夏以来，各乡镇夜市陆续开市，特色小吃和文创产品吸引不少市民前来。
{last}
{foot}
"""


@pytest.mark.parametrize(
    ("last", "foot"),
    [
        # a last line that ends no sentence, which the foot ran on into
        (
            "　　报名地址：东昌府区夜市管理办公室",
            "本报地址：聊城市东昌路 邮编：252000\n新闻热线：0635-8241234\n印刷：聊城日报印务中心 定价：1.50元",
        ),
        (
            "　　报名地址：东昌府区夜市管理办公室",
            "3",
        ),  # the page's number, as pdftotext writes it under the page
        ("　　报名地址：东昌府区夜市管理办公室", "A05"),
        (
            "　　摊位免费提供给当地村民。",
            "http://www.lcxw.cn",
        ),  # the site's address, under a finished sentence
    ],
)
def test_a_pages_foot_is_furniture_not_the_last_storys_text(last: str, foot: str) -> None:
    page = parse_page(_PAGE_WITH_A_FOOT.format(last=last, foot=foot))
    assert [a.title for a in page.articles] == ["城区新增三处口袋公园", "乡村夜市点亮消费新场景"]
    assert page.articles[-1].paragraphs[-1] == last.strip()
    assert {d.text for d in page.dropped} >= set(foot.split("\n"))


def test_a_web_address_under_words_that_point_to_it_is_the_storys_text() -> None:
    page = parse_page(_PAGE_WITH_A_FOOT.format(last="　　报名详情见", foot="http://www.lcxw.cn"))
    assert page.articles[-1].paragraphs[-1] == "报名详情见http://www.lcxw.cn"


@pytest.mark.parametrize(
    ("line", "unnamed"),
    [
        ("新华社记者", True),  # a copy that lost the names under the role
        ("■ 本报记者", True),
        ("人民日报记者", True),
        ("特约记者", True),
        ("新 华 社 记 者", True),  # spaced out letter by letter, as a PDF justifies a short line
        ("■ 本 报 记 者", True),
        ("新华社", False),  # an agency alone: a credit or a source, not a reporter
        ("本报讯", False),
        ("记者手记", False),  # a column's name
        ("记者节", False),
    ],
)
def test_a_reporters_role_with_no_one_named(line: str, unnamed: bool) -> None:
    assert is_unnamed_byline(line) is unnamed


@pytest.mark.parametrize("role", ["新华社记者", "新 华 社 记 者"])
def test_a_reporters_role_alone_under_a_headline_is_its_byline_not_a_headline(role: str) -> None:
    page = labelled(
        f"从东阿到阳谷，两座古城共答一道题\n{role}\n　　“运河水长长又长，运河两岸是家乡。”一曲鲁西民歌，道出了对故乡的眷恋。",
        "T T B",
    )
    assert [(a.title, a.byline) for a in page.articles] == [("从东阿到阳谷，两座古城共答一道题", role)]


def test_a_headline_ending_its_own_question_over_a_dateline_stays_the_headline() -> None:
    # the headline and the dateline under it, both read as headline lines: no paragraph's last
    # words run on into a closing dateline here (the question ends its own line)
    page = labelled(
        "城区新增三处口袋公园\n　　近日，城区新增三处口袋公园。\n\n谁来管？\n新华社北京5月3日电\n"
        "　　入夏以来，各乡镇夜市陆续开市。",
        "T B _ T T B",
    )
    assert [a.title for a in page.articles] == ["城区新增三处口袋公园", "谁来管？"]


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("清晰可见。” 新华社北京5月3日电", 6),  # the closing quote goes with its sentence
        ("谁来管？", 4),
        ("未完……待续", 4),
        ("城区新增三处口袋公园", None),
    ],
)
def test_the_last_sentence_end_of_a_line(text: str, end: int | None) -> None:
    assert last_sentence_end(text) == end


@pytest.mark.parametrize(
    ("text", "bracketed"),
    [
        ("（完）", True),
        ("(记者 王强)", True),
        ("（本报济南11月20日电)", True),  # OCR mixes the widths
        ("（记者 王强）报道", False),
        ("本报讯（记者 王强）", False),
        ("（", False),
        ("", False),
    ],
)
def test_a_line_wholly_in_brackets(text: str, bracketed: bool) -> None:
    assert wholly_bracketed(text) is bracketed


# Two wire stories as a news site copies them: a blank line between every two lines, each story
# closed by its end mark and its editor's credit (web furniture, which the labeller is shown as a
# blank line).
_WIRE_STORIES_WITH_EDITORS = (
    "山东聊城：千年古城迎来冬季旅游热\n\n"
    "中新网聊城12月3日电 (记者 赵晓)入冬以来，山东聊城古城吸引了大量游客前来打卡。\n\n"
    "“没想到冬天的古城这么有味道。”来自河北的游客张女士说。\n\n"
    "据介绍，聊城今年推出了冬季旅游系列活动，包括非遗展演、冰雪嘉年华等。(完)\n\n"
    "【编辑:刘欢】\n\n"
    "东阿阿胶产业园年产值突破百亿元\n\n"
    "中新网聊城12月3日电 (孙婷 李明)记者3日从东阿县获悉，东阿阿胶产业园今年产值突破百亿元。\n\n"
    "园区目前已入驻企业60余家，带动就业两万余人。(完)\n\n"
    "【编辑:王宁】\n"
)


def test_a_storys_last_paragraph_with_its_end_mark_is_its_text_not_the_next_headline() -> None:
    page = parse_page(_WIRE_STORIES_WITH_EDITORS)
    assert [(a.title, a.subtitle) for a in page.articles] == [
        ("山东聊城：千年古城迎来冬季旅游热", None),
        ("东阿阿胶产业园年产值突破百亿元", None),
    ]
    assert (
        page.articles[0].paragraphs[-1]
        == "据介绍，聊城今年推出了冬季旅游系列活动，包括非遗展演、冰雪嘉年华等。"
    )
    assert [d.text for d in page.dropped if d.reason == "end-mark"] == ["(完)", "(完)"]


@pytest.mark.parametrize(
    ("text", "without"),
    [
        ("冰雪嘉年华等。(完)", "冰雪嘉年华等。"),
        ("冰雪嘉年华等。（完）", "冰雪嘉年华等。"),
        ("他说。（未完待续）", "他说。"),
        ("（完）", "（完）"),  # the mark alone: no text to leave
        ("冬日东昌湖（组图）", "冬日东昌湖（组图）"),  # a photo story's mark is no closing mark
        ("（记者 王强）", "（记者 王强）"),
    ],
)
def test_a_lines_text_without_its_closing_mark(text: str, without: str) -> None:
    assert without_closing_mark(text) == without


def test_the_labeller_reads_a_paragraph_with_its_end_mark_as_the_paragraph() -> None:
    lines = ["冬季旅游热", "　　入冬以来，古城游人如织。", "　　据介绍，聊城今年推出了冬季旅游系列活动。"]
    marked = [*lines[:2], lines[2] + "（完）"]
    assert page_features(marked) == page_features(lines)


_TITLED_DATELINE = "新华社北京12月3日电　题：让老字号焕发新活力——各地推动老字号创新发展观察"
_WIRE_FEATURE_BODY = (
    "　　新华社记者 张晓 李阳\n"
    "　　走进北京前门大街，百年老字号门店前排起长队。近年来，各地推动老字号守正创新。\n"
    "　　“老字号不能只靠情怀，更要靠产品。”一家老字号企业负责人说。\n"
)


def test_a_wire_dateline_that_gives_the_headline_heads_its_story() -> None:
    page = parse_page(f"{_TITLED_DATELINE}\n{_WIRE_FEATURE_BODY}")
    [article] = page.articles
    assert article.title == "让老字号焕发新活力——各地推动老字号创新发展观察"
    assert article.byline == "新华社北京12月3日电 新华社记者 张晓 李阳"
    assert article.authors == ["张晓", "李阳"]
    assert article.paragraphs[0].startswith("走进北京前门大街")
    assert [(d.text, d.reason, d.line) for d in page.dropped] == [("题：", "headline-label", 1)]


def test_wire_datelines_that_give_headlines_head_one_story_each() -> None:
    second = "　　新华社北京12月3日电　题：冬季用电高峰来临 电网负荷创新高\n　　新华社记者 王强\n　　入冬以来，全国用电负荷持续攀升。\n"
    page = parse_page(f"　　{_TITLED_DATELINE}\n{_WIRE_FEATURE_BODY}\n{second}")
    assert [a.title for a in page.articles] == [
        "让老字号焕发新活力——各地推动老字号创新发展观察",
        "冬季用电高峰来临 电网负荷创新高",
    ]
    assert [a.authors for a in page.articles] == [["张晓", "李阳"], ["王强"]]


def test_a_titled_dateline_under_the_printed_headline_repeats_it_and_is_kept_as_dropped() -> None:
    page = parse_page(
        f"让老字号焕发新活力\n2026-12-03 10:21:05 来源：新华网\n{_TITLED_DATELINE}\n{_WIRE_FEATURE_BODY}"
    )
    [article] = page.articles
    assert article.title == "让老字号焕发新活力"
    assert article.byline == "新华社北京12月3日电 新华社记者 张晓 李阳"
    assert [(d.text, d.line) for d in page.dropped if d.reason == "repeated-headline"] == [
        ("题：让老字号焕发新活力——各地推动老字号创新发展观察", 3)
    ]


@pytest.mark.parametrize(
    "lead",
    [
        "新华社北京12月3日电　问题：如何让老字号焕发新活力",  # 问题 is no 题 of a headline
        "新华社北京12月3日电　题：老字号焕发新活力。各地推动老字号创新发展",  # a sentence
        "新华社北京12月3日电　题：本报讯(记者王强)",  # a lead
    ],
)
def test_a_dateline_with_no_headline_given_opens_the_story_as_its_lead(lead: str) -> None:
    page = parse_page(f"老字号观察\n{lead}\n{_WIRE_FEATURE_BODY}")
    assert [a.title for a in page.articles] == ["老字号观察"]
    assert page.articles[0].paragraphs[0] == lead.split("电", 1)[1].strip()


def test_a_public_accounts_header_under_the_headline_is_furniture_and_dates_the_page() -> None:
    page = parse_page(
        "🔥聊城这个地方火了！周末人气爆棚\n\n聊城发布 2026-12-03 18:30 山东\n\n"
        "周末的东昌湖畔游人如织，不少家长领着孩子来此散步。\n\n"
        "“这里环境好，适合带孩子出来走走。”市民王女士说。\n"
    )
    [article] = page.articles
    assert article.title == "🔥聊城这个地方火了！周末人气爆棚"
    assert article.paragraphs[0] == "周末的东昌湖畔游人如织，不少家长领着孩子来此散步。"
    assert (page.date, page.date_source) == ("2026-12-03", "masthead")
    assert [d.text for d in page.dropped] == ["聊城发布 2026-12-03 18:30 山东"]


def test_a_headline_a_wrap_cut_before_its_comma_is_one_headline() -> None:
    page = parse_page(
        "面对电信诈骗\n，老人如何守好钱袋子\n本报记者 王强\n　　近来，一种冒充客服的骗术正变得越来越常见。\n"
    )
    [article] = page.articles
    assert (article.title, article.subtitle) == ("面对电信诈骗，老人如何守好钱袋子", None)


@pytest.mark.parametrize(
    ("text", "codes", "expected"),
    [
        # under a headline line: its rest, not a subtitle
        (
            "当照片被AI“盗用\n”，该怎么办\n　　近来，照片被盗用的事时有发生。",
            "T S B",
            (None, "当照片被AI“盗用”，该怎么办", None),
        ),
        # under a kicker with a headline below: the kicker's rest
        (
            "聚焦“三农”\n，看新变化\n种粮大户的新账本\n　　今年，种粮大户获得丰收。",
            "K T T B",
            ("聚焦“三农”，看新变化", "种粮大户的新账本", None),
        ),
        # under a kicker with no headline below: the two are the headline
        (
            "面对电信诈骗\n，老人如何守好钱袋子\n　　近来，这种骗术越来越常见。",
            "K T B",
            (None, "面对电信诈骗，老人如何守好钱袋子", None),
        ),
        # a subtitle's dash and an opening quote open their own lines
        (
            "我市民生实事项目全部完成\n——今年累计投入资金超百亿元\n　　记者从市政府获悉。",
            "T S B",
            (None, "我市民生实事项目全部完成", "——今年累计投入资金超百亿元"),
        ),
        (
            "坚持以人民为中心的发展思想\n“种粮大户”的新账本\n　　今年，种粮大户获得丰收。",
            "K T B",
            ("坚持以人民为中心的发展思想", "“种粮大户”的新账本", None),
        ),
    ],
)
def test_a_headline_line_opening_with_a_mark_goes_on_from_the_line_above(
    text: str, codes: str, expected: tuple[str | None, str | None, str | None]
) -> None:
    [article] = labelled(text, codes).articles
    assert (article.kicker, article.title, article.subtitle) == expected


def test_a_web_copys_lead_is_no_headline_under_the_stories_headline() -> None:
    # one story copied from a web page, every line followed by a blank line
    page = parse_page(
        "聊城这个冬天，有点暖\n\n入冬以来，我市多措并举保障群众温暖过冬。\n\n01\n供暖提前启动\n\n"
        "今年，我市供暖时间比往年提前了五天，全市供热面积达八千万平方米。\n\n"
        "市住建局有关负责人表示，将确保群众室温达标。\n\n02\n爱心驿站遍布全城\n\n"
        "全市设立爱心驿站一百余处，为环卫工人、快递小哥提供热水和休息场所。\n"
    )
    [article] = page.articles
    assert (article.kicker, article.title) == (None, "聊城这个冬天，有点暖")
    assert article.paragraphs[0] == "入冬以来，我市多措并举保障群众温暖过冬。"


@pytest.mark.parametrize(
    ("text", "codes", "expected"),
    [
        # a sentence read as a subtitle: the story's first paragraph
        (
            "我市启动冬季供暖\n全市供热面积达八千万平方米。\n　　市住建局提醒市民注意安全。",
            "T S B",
            (None, "我市启动冬季供暖", None, "全市供热面积达八千万平方米。"),
        ),
        # a quote may end with its full stop inside the quote marks: it stays the headline
        (
            "“我们一定把这件事办好。”\n　　市住建局负责人说，今年供暖提前五天。",
            "T B",
            (None, "“我们一定把这件事办好。”", None, "市住建局负责人说，今年供暖提前五天。"),
        ),
        # read as the headline under a kicker: the kicker is the headline
        (
            "聊城这个冬天，有点暖\n入冬以来，我市多措并举保障群众温暖过冬。\n　　今年，我市供暖时间提前了五天。",
            "K T B",
            (None, "聊城这个冬天，有点暖", None, "入冬以来，我市多措并举保障群众温暖过冬。"),
        ),
    ],
)
def test_a_headline_line_ending_with_a_full_stop_is_text(
    text: str, codes: str, expected: tuple[str | None, str | None, str | None, str]
) -> None:
    [article] = labelled(text, codes).articles
    assert (article.kicker, article.title, article.subtitle, article.paragraphs[0]) == expected


@pytest.mark.parametrize(
    ("headline", "text"),
    [
        ("冬季供暖今起开始.", True),  # OCR's half-width point after a Chinese character
        ("冬季供暖今起开始．", True),  # or a full-width one
        ("开票即“抢光”、退票如何“捡漏”......", False),  # an ellipsis ends a headline
        ("新版本升级到2.", False),  # after a digit, a list's or a number's point
        ("聊城队夺得U.S.", False),  # an abbreviation's
    ],
)
def test_a_headline_line_ending_with_an_ocr_full_stop_is_text(headline: str, text: bool) -> None:
    page = labelled(f"{headline}\n　　市住建局负责人说，今年供暖提前五天。", "T B")
    [article] = page.articles
    assert (article.title is None) is text
    assert article.paragraphs[0] == (headline if text else "市住建局负责人说，今年供暖提前五天。")


@pytest.mark.parametrize(
    "line",
    [
        "入选省工业和信息化厅日前发布的智能工厂示范名单。（下转6版）",
        # as OCR spaces a line out, letter by letter
        "入 选 省 工 业 和 信 息 化 厅 日 前 发 布 的 智 能 工 厂 示 范 名 单 。 （ 下 转 6 版 ）",
    ],
)
def test_a_sentence_closed_by_a_jump_mark_is_no_headline(line: str) -> None:
    page = labelled(f"重庆夜经济火热\n　　夜幕降临，洪崖洞景区游人如织。\n{line}\n", "T B T _")
    assert [a.title for a in page.articles] == ["重庆夜经济火热"]


def test_a_kicker_that_fills_a_wrapped_pages_width_over_a_sentence_is_its_first_line() -> None:
    # A hard-wrapped page: the labeller read a paragraph's last two lines as a kicker and a headline.
    # The line that fills the column is no headline; both lines are the paragraph's, and the
    # story's headline below stays one.
    wrapped = (
        "　　座谈会后，市领导陪同外国专家参观科技园\n"
        "，共庆新春佳节。国务院领导同志出席了座\n"
        "谈会，与外国专家一一握手，并同大家合影\n"
        "留念。外国专家们表示，愿为中国发展贡献\n"
        "更多力量，并祝中国人民新春快乐、万事如\n"
        "意，他们还将继续在华工作，积极推动交流\n"
    )
    text = (
        "外国专家新春座谈会在聊举行\n" + wrapped + "市委常委、常务副市长王海、副市长兼秘书\n"
        "长李青出席上述活动.\n"
        "\n"
        "市政协机关开展读书活动\n"
        "　　本报聊城1月17日电　市政协机关17日开展读书活动，深入学习有关重要论述。\n"
    )
    page = labelled(text, "T B B B B B B K T _ T B _")
    assert [a.title for a in page.articles] == ["外国专家新春座谈会在聊举行", "市政协机关开展读书活动"]
    assert page.articles[0].paragraphs[-1].endswith("副市长兼秘书长李青出席上述活动.")


@pytest.mark.parametrize(
    ("previous", "following", "cut_short", "joined"),
    [
        ("着力破解发展", "难题。依托科技创新", True, True),  # the fragment ends the sentence
        ("着力破解发展", "难题。依托科技创新", False, True),
        ("供暖提前启动", "今年，我市供暖时间提前了五天。", True, True),  # a wrap may cut a line short
        ("供暖提前启动", "今年，我市供暖时间提前了五天。", False, False),  # else a crosshead
        ("今年，我市供暖时间比往年", "提前了五天。", False, True),  # prose runs on
    ],
)
def test_what_carries_on_a_sentence_left_open(
    previous: str, following: str, cut_short: bool, joined: bool
) -> None:
    assert continues(previous, following, cut_short=cut_short) is joined


def test_a_double_spaced_storys_crosshead_stays_a_paragraph_of_its_own() -> None:
    page = parse_page(
        "我市启动冬季供暖\n\n　　本报讯（记者 孙丽）11月15日，我市正式启动冬季供暖。\n\n"
        "供暖提前启动\n\n今年，我市供暖时间比往年提前了五天，全市供热面积达八千万平方米。\n\n"
        "爱心驿站遍布全城\n\n全市设立爱心驿站一百余处，为环卫工人提供热水和休息场所。\n"
    )
    [article] = page.articles
    assert article.paragraphs == [
        "11月15日，我市正式启动冬季供暖。",
        "供暖提前启动",
        "今年，我市供暖时间比往年提前了五天，全市供热面积达八千万平方米。",
        "爱心驿站遍布全城",
        "全市设立爱心驿站一百余处，为环卫工人提供热水和休息场所。",
    ]


def test_a_headline_over_its_lead_under_a_tables_rows_heads_a_new_story() -> None:
    page = parse_page(
        "我市启动冬季供暖\n\n　　本报讯（记者 孙丽）11月15日，我市正式启动冬季供暖。\n\n今日菜价\n\n"
        "白菜　每斤0.8元\n萝卜　每斤0.6元\n猪肉　每斤13.5元\n\n"
        "冬季供暖准备就绪\n\n　　本报讯（记者 王强）今年供暖季将于11月15日开始。\n"
    )
    # the table under its own heading is a box of its own between the two stories
    assert [(a.title, a.byline) for a in page.articles] == [
        ("我市启动冬季供暖", "本报讯（记者 孙丽）"),
        ("今日菜价", None),
        ("冬季供暖准备就绪", "本报讯（记者 王强）"),
    ]
    assert page.articles[1].paragraphs == ["白菜 每斤0.8元", "萝卜 每斤0.6元", "猪肉 每斤13.5元"]


@pytest.mark.parametrize(
    ("rows", "paragraphs"),
    [
        # a table's rows keep their cells apart (the source set them apart by spaces or a tab)
        (
            "张伟　东昌府区　11秒02\n李强 临清市 11秒15\n",
            ["张伟 东昌府区 11秒02", "李强 临清市 11秒15"],
        ),
        ("管理局    副局长    3\n总工程师      1\n", ["管理局 副局长 3", "总工程师 1"]),
        # OCR's spaces between the characters of rows are taken out, as anywhere
        ("白 菜 0.8 元\n土 豆 1.2 元\n", ["白菜0.8元", "土豆1.2元"]),
        # a cell as long as a sentence's piece: no row
        ("东部地区投入资金共计0.99亿元 5\n西部地区投入资金共计1.99亿元 6\n", None),
        # a clause inside: no row
        ("西部地区，投入 5亿元\n东部地区，投入 3亿元\n", None),
    ],
)
def test_a_tables_rows_keep_their_cells_apart(rows: str, paragraphs: list[str] | None) -> None:
    page = parse_page("全市中学生田径运动会落幕\n　　本报讯（记者 孙丽）运动会昨日落幕。成绩如下：\n" + rows)
    [article] = page.articles
    if paragraphs is None:  # squeezed as OCR's spaces are: no cell set apart
        assert all(" " not in paragraph for paragraph in article.paragraphs[1:])
    else:
        assert article.paragraphs[1:] == paragraphs


_STORY_ABOVE_A_TABLE = "地铁2号线全线贯通\n\n　　本报讯（记者 刘明）11日上午，地铁2号线全线贯通。\n\n"


@pytest.mark.parametrize(
    ("box", "titles"),
    [
        # a price list under its heading, then the next story
        (
            "市场行情\n白菜 每斤0.8元\n土豆 每斤1.2元\n\n冬季取暖费开始缴纳\n　　本报讯（记者 王强）缴费工作已开始。\n",
            ["地铁2号线全线贯通", "市场行情", "冬季取暖费开始缴纳"],
        ),
        # a blank line under the heading; the box ends with a line of data, no sentence
        (
            "今日天气\n\n城区  晴转多云  8℃～19℃\n沿海  晴  9℃～17℃\n\n空气质量：良  首要污染物：PM2.5\n",
            ["地铁2号线全线贯通", "今日天气"],
        ),
        # the story goes on in sentences under its table: the heading is the story's own
        (
            "比赛结果\n中国 3:0 日本\n泰国 3:2 韩国\n\n决赛将于13日晚进行，中国女排将迎战泰国队。\n",
            ["地铁2号线全线贯通"],
        ),
        # a label in brackets over the story's figures
        ("【数据】\n全线长度 26.5公里\n车站数量 21座\n", ["地铁2号线全线贯通"]),
        # a line that runs on into its table
        ("各站客流如下：\n人民广场站 3.2万人次\n火车站 2.8万人次\n", ["地铁2号线全线贯通"]),
        # one row is no table
        ("市场行情\n白菜 每斤0.8元\n", ["地铁2号线全线贯通"]),
    ],
)
def test_a_short_line_over_a_tables_rows_heads_its_box(box: str, titles: list[str]) -> None:
    page = parse_page(_STORY_ABOVE_A_TABLE + box)
    assert [a.title for a in page.articles] == titles


def _sectioned_story(first: str, second: str, third: str) -> str:
    return (
        "聊城这个冬天，有点暖\n\n　　本报讯（记者 孙丽）入冬以来，我市多措并举保障群众温暖过冬。\n\n"
        f"{first}\n供暖提前启动\n\n今年，我市供暖时间比往年提前了五天。\n\n"
        f"{second}\n爱心驿站遍布全城\n\n全市设立爱心驿站一百余处。\n\n"
        f"{third}\n暖心服务不打烊\n\n12345热线24小时受理群众诉求。\n"
    )


def test_a_sections_number_heads_its_crosshead() -> None:
    page = parse_page(_sectioned_story("01", "02", "▍ 03"))
    [article] = page.articles
    assert article.paragraphs == [
        "入冬以来，我市多措并举保障群众温暖过冬。",
        "01\u3000供暖提前启动",
        "今年，我市供暖时间比往年提前了五天。",
        "02\u3000爱心驿站遍布全城",
        "全市设立爱心驿站一百余处。",
        "03\u3000暖心服务不打烊",
        "12345热线24小时受理群众诉求。",
    ]
    assert [(d.text, d.reason) for d in page.dropped] == [("▍ 03", "decoration")]


@pytest.mark.parametrize(
    "numbers",
    [
        ("01", "03", "07"),  # not one after another: no sections' numbers
        ("12", "13", "14"),  # not from the first
    ],
)
def test_numbers_out_of_turn_are_no_sections(numbers: tuple[str, str, str]) -> None:
    paragraphs = parse_page(_sectioned_story(*numbers)).articles[0].paragraphs
    assert "供暖提前启动" in paragraphs
    assert not any("\u3000" in paragraph for paragraph in paragraphs)


def test_a_schedules_rows_read_as_furniture_are_its_text() -> None:
    # Two channels' listings: the labeller read the second channel's rows, each opening with a
    # time, as web meta lines; they are the listing's text, their cells apart.
    page = labelled(
        "今晚电视节目\n19:00　新闻联播\n19:38　焦点访谈\n\n聊城综合频道\n18:30　聊城新闻\n19:35　百姓故事\n",
        "T B B _ T F F _",
    )
    assert [(a.title, a.paragraphs) for a in page.articles] == [
        ("今晚电视节目", ["19:00 新闻联播", "19:38 焦点访谈"]),
        ("聊城综合频道", ["18:30 聊城新闻", "19:35 百姓故事"]),
    ]
    assert page.dropped == []


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # a time over a web page's source and editor: meta lines, furniture as read
        ("春运首日客流平稳\n10:25　来源：人民网\n10:26　编辑：李明\n　　今天，春运拉开序幕。\n", "T F F B _"),
        # one line alone that opens with a time is no schedule
        ("春运首日客流平稳\n10:25　聊城发布\n　　今天，春运拉开序幕。\n", "T F B _"),
    ],
)
def test_meta_lines_that_open_with_a_time_stay_furniture(text: str, codes: str) -> None:
    page = labelled(text, codes)
    assert [d.reason for d in page.dropped] == ["page-furniture"] * codes.count("F")


_LISTINGS = (
    "今晚电视节目\n\nCCTV-1\n19:00　新闻联播\n19:38　焦点访谈\n20:00　电视剧：人世间\n22:00　晚间新闻\n\n"
    "CCTV-5\n19:30　体育新闻\n20:00　足球之夜\n21:30　篮球公园\n\n"
    "聊城综合频道\n18:30　聊城新闻\n19:35　百姓故事\n20:10　电视剧：山海情\n"
)


def test_a_page_of_listings_keeps_each_row_apart() -> None:
    # Every row about as long: the page looks hard-wrapped at their width, yet no row runs on.
    page = parse_page(_LISTINGS)
    assert [a.paragraphs for a in page.articles] == [
        ["19:00 新闻联播", "19:38 焦点访谈", "20:00 电视剧：人世间", "22:00 晚间新闻"],
        ["19:30 体育新闻", "20:00 足球之夜", "21:30 篮球公园"],
        ["18:30 聊城新闻", "19:35 百姓故事", "20:10 电视剧：山海情"],
    ]


_BOXES_UNDER_A_STORY = (
    "冬季养生注意这几点\n\n本报讯（记者 孙敏）入冬以来，气温持续走低{end}\n\n今晚电视节目\n\n"
    "CCTV-1\n19:00　新闻联播\n19:38　焦点访谈\n\n聊城综合频道\n18:30　聊城新闻\n19:35　百姓故事\n"
)


def test_a_heading_over_boxes_with_headings_of_their_own_is_their_kicker() -> None:
    page = labelled(_BOXES_UNDER_A_STORY.format(end="。"), "T _ B _ B _ B B B _ B B B _")
    assert [(a.kicker, a.title, a.paragraphs) for a in page.articles] == [
        (None, "冬季养生注意这几点", ["入冬以来，气温持续走低。"]),
        ("今晚电视节目", "CCTV-1", ["19:00 新闻联播", "19:38 焦点访谈"]),
        (None, "聊城综合频道", ["18:30 聊城新闻", "19:35 百姓故事"]),
    ]


def test_a_short_line_under_a_sentence_that_runs_on_heads_no_boxes() -> None:
    page = labelled(_BOXES_UNDER_A_STORY.format(end="，"), "T _ B _ B _ B B B _ B B B _")
    assert [(a.kicker, a.title) for a in page.articles] == [
        (None, "冬季养生注意这几点"),
        (None, "CCTV-1"),
        (None, "聊城综合频道"),
    ]


def test_a_short_line_set_apart_after_a_tables_rows_heads_the_next_box() -> None:
    page = parse_page(
        "沪深股市\n\n上证指数　3245.67　+0.52%\n深证成指　10876.21　-0.18%\n\n彩票开奖\n\n"
        "双色球第2026135期开奖结果\n\n　　本报讯（记者 王海）市体彩中心本月将开展公益宣传活动。\n"
    )
    assert [(a.title, a.paragraphs[0]) for a in page.articles] == [
        ("沪深股市", "上证指数 3245.67 +0.52%"),
        ("彩票开奖", "双色球第2026135期开奖结果"),
    ]
    assert page.articles[0].paragraphs == ["上证指数 3245.67 +0.52%", "深证成指 10876.21 -0.18%"]


def test_a_sentence_after_a_tables_rows_heads_nothing() -> None:
    page = parse_page(
        "比赛结果\n\n中国　3:0　日本\n泰国　3:2　韩国\n\n决赛将于13日晚进行。\n\n中国女排将迎战泰国队。\n"
    )
    assert [a.title for a in page.articles] == ["比赛结果"]


def test_a_markets_rows_read_as_furniture_and_a_headline_are_its_text() -> None:
    # The labeller read the first row as the headline (沪深股市 as its kicker) and the others as
    # a page's furniture, which dropped them.
    page = labelled(
        "沪深股市\n\n上证指数　3245.67　+0.52%\n深证成指　10876.21　-0.18%\n创业板指　2145.09　+1.06%\n\n"
        "彩票开奖\n\n双色球第2026135期开奖结果\n",
        "K _ T F F _ B _ B _",
    )
    assert [(a.kicker, a.title) for a in page.articles] == [(None, "沪深股市"), (None, "彩票开奖")]
    assert page.articles[0].paragraphs == [
        "上证指数 3245.67 +0.52%",
        "深证成指 10876.21 -0.18%",
        "创业板指 2145.09 +1.06%",
    ]
    assert page.dropped == []


def test_a_pages_head_over_two_lines_stays_furniture() -> None:
    page = labelled(
        "聊城日报 A08\n2026年11月20日 第3版\n\n市委召开常委会议\n\n　　本报讯 会议研究了冬季安全工作。\n",
        "F F _ T _ B _",
    )
    assert [a.title for a in page.articles] == ["市委召开常委会议"]
    assert [d.reason for d in page.dropped] == ["page-furniture", "page-furniture"]


def test_the_pieces_of_a_pages_head_a_wrap_cut_stay_furniture() -> None:
    page = labelled(
        "综合新闻 2024.08.0\n8 星期一 第11版\n把制度优势转化为治理效能\n　　本报讯 会议研究了冬季安全工作。\n",
        "F F T B _",
    )
    assert [a.title for a in page.articles] == ["把制度优势转化为治理效能"]
    assert [d.reason for d in page.dropped] == ["page-furniture", "page-furniture"]


def test_one_row_alone_keeps_no_gap() -> None:
    # A line alone with a figure at its end, under a paragraph: as likely a wrapped sentence's piece.
    page = parse_page("全市运动会落幕\n　　本报讯（记者 孙丽）运动会昨日落幕。\n张伟 东昌府区 11秒02\n")
    [article] = page.articles
    assert article.paragraphs[-1] == "张伟东昌府区11秒02"


def test_a_paragraphs_line_that_ends_no_sentence_is_no_tables_row() -> None:
    # a wrapped paragraph's line runs on into the next, which is no headline however short
    page = parse_page(
        "我市启动冬季供暖\n\n　　本报讯（记者 孙丽）11月15日，我市正式启动冬季供暖，全市供热面积比上年增加了\n"
        "两成 达八千万平方\n米，惠及群众六十万户。\n"
    )
    [article] = page.articles
    assert article.title == "我市启动冬季供暖"


@pytest.mark.parametrize("head", ["A03 城市", "东昌日报 A03 城市", "东昌日报 2020年2月6日 星期四 A03 城市"])
def test_a_page_head_right_over_the_first_headline_names_the_section_and_is_no_kicker(head: str) -> None:
    page = parse_page(
        head + "\n市里召开会议部署春耕\n本报讯（记者 张三）2月4日上午，市里召开会议，部署春耕生产工作。\n"
        "　　会议要求，各乡镇要趁着墒情适宜抓紧播种。\n",
        source="p.txt",
    )
    assert page.section == "城市"
    assert [(a.kicker, a.title) for a in page.articles] == [(None, "市里召开会议部署春耕")]
    assert [d.text for d in page.dropped] == [head]


@pytest.mark.parametrize(
    ("head", "section"),
    [
        ("城市", "城市"),  # a section's name alone, read as furniture, over the first headline
        ("东昌日报 2020年2月6日 星期四\n本埠", "本埠"),
        # a wrap's piece of the page head, not over the headline, names no section
        ("东昌日报 2020年2月6日 星\n期二\nA15", None),
        # nor does a paper's name, long or short, or a staff label
        ("东昌日报", None),
        ("东昌报", None),
        ("编辑", None),
    ],
)
def test_a_short_word_over_the_first_headline_names_the_section(head: str, section: str | None) -> None:
    page = parse_page(
        head + "\n市里召开会议部署春耕\n本报讯（记者 张三）2月4日上午，市里召开会议，部署春耕生产工作。\n"
        "　　会议要求，各乡镇要趁着墒情适宜抓紧播种。\n",
        source="p.txt",
    )
    assert page.section == section
    assert [(a.kicker, a.title) for a in page.articles] == [(None, "市里召开会议部署春耕")]


_PHOTO_STORY_PAGE = [
    ("headline", "东湖区新建口袋公园十二处"),
    ("text", "本报讯（记者 戚华明）今年以来，东湖区新建口袋公园十二处，市民出门就能见绿。"),
    ("text", "区园林局负责人介绍，明年还将再建八处，让更多居民在家门口休闲健身。"),
    ("headline", "荷香满园"),
    ("text", "6月12日，游客在东湖公园赏荷。时下正值荷花盛开，吸引不少市民前来观赏。"),
    ("headline", "本报记者 王明远摄"),
    ("headline", "西山县夏粮喜获丰收"),
    ("text", "本报讯（记者 詹敏）西山县今年夏粮总产再创新高，亩产比去年增加二十公斤。"),
    ("text", "县农业局介绍，今年全县推广良种良法，夏粮长势好于往年，农民增收有了保障。"),
    ("text", "县里还组织农机手跨区作业，确保颗粒归仓。"),
]


def _photo_story_page(layout: str) -> str:
    """The page above as a web page's text copies (every line flush, a blank line after each) or as
    ``pdftotext`` cuts a PDF's narrow columns (paragraphs cut at ten characters, headlines whole)."""
    out: list[str] = []
    for kind, text in _PHOTO_STORY_PAGE:
        if layout == "web":
            out += [text, ""]
        elif kind == "headline":
            out.append(text)
        else:
            out += [text[start : start + 10] for start in range(0, len(text), 10)]
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("layout", ["web", "narrow"])
def test_a_photo_storys_headline_over_its_caption_and_credit_heads_a_story_of_its_own(layout: str) -> None:
    # With no blank line or indent to set it apart, a photo story's short headline read as the
    # story above's crosshead; the photographer's credit under its caption says what it heads.
    page = parse_page(_photo_story_page(layout))
    assert [article.title for article in page.articles] == [
        "东湖区新建口袋公园十二处",
        "荷香满园",
        "西山县夏粮喜获丰收",
    ]
    first, photo = page.articles[0], page.articles[1]
    assert first.paragraphs[-1] == "区园林局负责人介绍，明年还将再建八处，让更多居民在家门口休闲健身。"
    assert photo.paragraphs == ["6月12日，游客在东湖公园赏荷。时下正值荷花盛开，吸引不少市民前来观赏。"]


_SIGNED_AT_THE_END_PAGE = (
    "东湖融媒 2026年3月18日\n\n"
    "我县召开一季度经济运行分析会\n"
    "3月17日，我县召开一季度经济运行分析会，总结前两个月经济运行情况，安排部署下步工作。\n"
    "会议指出，今年以来，全县经济运行总体平稳、稳中有进，主要指标增幅好于预期。\n"
    "（融媒体中心记者 柳静文）\n\n"
    "南城街道：春耕备耕忙不停\n"
    "眼下正值春耕备耕关键时期，南城街道组织农技人员深入田间地头，指导农户科学施肥。\n"
    "“有了专家的指导，今年的小麦长势更好了。”种粮大户齐建华说。\n"
    "通讯员 卢晓岚\n\n"
    "县人民医院开展义诊进社区活动\n"
    "3月16日，县人民医院组织专家团队走进新城社区，为居民免费测量血压、血糖。\n"
    "（通讯员 詹丽娟）\n\n"
    "【编辑：孙婷】\n"
)


def test_a_county_media_centres_stories_signed_at_the_end_each_head_a_story() -> None:
    # No lead (本报讯, a dateline) and no reporter's line under the headlines: the model read them as
    # crossheads and the page as one story under the masthead line. A block that a writer's credit
    # closes is a story, its short first line the headline; the media centre's name beside the
    # issue's date is the masthead.
    page = parse_page(_SIGNED_AT_THE_END_PAGE, "page.txt")
    assert [article.title for article in page.articles] == [
        "我县召开一季度经济运行分析会",
        "南城街道：春耕备耕忙不停",
        "县人民医院开展义诊进社区活动",
    ]
    assert (page.publication, page.date, page.date_source) == ("东湖融媒", "2026-03-18", "masthead")
    assert [article.byline for article in page.articles] == [
        "（融媒体中心记者 柳静文）",
        "通讯员 卢晓岚",
        "（通讯员 詹丽娟）",
    ]
    assert page.articles[0].authors == ["柳静文"]
    assert page.articles[0].paragraphs[-1].startswith("会议指出")
    assert page.articles[2].paragraphs == [
        "3月16日，县人民医院组织专家团队走进新城社区，为居民免费测量血压、血糖。"
    ]


@pytest.mark.parametrize(
    ("line", "masthead"),
    [
        ("东湖融媒 2026年3月18日", True),
        ("东湖县融媒体中心 2026年3月18日 星期三", True),
        ("东湖发布 2026年3月18日", True),
        # beside no date, the name is a line of text (a headline may say it)
        ("东湖融媒", False),
        # a longer name than an outlet's beside a date: a headline's words
        ("全县上下齐心协力共同发布 2026年3月18日", False),
    ],
)
def test_a_media_centres_name_beside_the_issues_date_is_the_masthead(line: str, masthead: bool) -> None:
    assert is_furniture_line(line) is masthead


def test_a_one_paragraph_story_under_a_web_pages_meta_line_keeps_its_text() -> None:
    page = parse_page(
        "东湖公园荷花节开幕\n发布时间：2026-05-12 10:00 来源：东湖日报\n本报讯（记者 戚华明）荷花节昨日开幕。\n"
    )
    (article,) = page.articles
    assert (article.title, article.byline, article.paragraphs) == (
        "东湖公园荷花节开幕",
        "本报讯（记者 戚华明）",
        ["荷花节昨日开幕。"],
    )
    assert [dropped.text for dropped in page.dropped] == ["发布时间：2026-05-12 10:00 来源：东湖日报"]


@pytest.mark.parametrize(
    ("line", "meta"),
    [
        ("原创 东湖发布 东湖发布 2026年03月18日 08:00 山东", True),
        ("东湖发布 2026-03-18 08:00", True),
        ("原创 柏小雨 东湖融媒 2026年3月8日 21:30", True),
        # a day and time alone, or a sentence that gives one
        ("2026年3月18日 08:00", False),
        ("会议定于 2026年3月18日 08:00 召开。", False),
    ],
)
def test_an_accounts_meta_line_under_an_articles_title_is_one(line: str, meta: bool) -> None:
    assert is_web_meta_line(line) is meta


def test_an_article_copied_from_a_social_media_account_is_dated_and_credited_by_its_meta_line() -> None:
    page = parse_page(
        "今天起，东湖这些路段封闭施工！\n\n原创 东湖发布 东湖发布 2026年03月18日 08:00 山东\n\n"
        "为加快推进城市道路改造提升工程，自3月18日起，对以下路段实施封闭施工。\n\n"
        "施工期间，过往车辆可经湖滨街、人民路绕行。\n\n编辑：柏小雨\n",
        "post.txt",
    )
    (article,) = page.articles
    assert article.title == "今天起，东湖这些路段封闭施工！"
    assert article.paragraphs[0] == "为加快推进城市道路改造提升工程，自3月18日起，对以下路段实施封闭施工。"
    assert (page.publication, page.date) == ("东湖发布", "2026-03-18")


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("（融媒体中心记者 柳静文）", ["柳静文"]),
        ("（东湖县融媒体中心记者 柳静文 通讯员 卢晓岚）", ["柳静文", "卢晓岚"]),
        ("（柳静文 整理）", ["柳静文"]),
        # a photographer's credit, an author's note, a closing mark, no brackets
        ("（融媒体中心记者 柳静文摄）", None),
        ("（作者为东湖大学教授）", None),
        # a label's credit, which the label grammars read (a list of writers under 执笔 stays text)
        ("（执笔：柳静文 卢晓岚）", None),
        ("（完）", None),
        ("融媒体中心记者 柳静文", None),
    ],
)
def test_a_reporters_line_in_brackets_after_an_outlets_name_is_a_closing_credit(
    line: str, names: list[str] | None
) -> None:
    parsed = parse_bracketed_reporters_line(line)
    assert (parsed[1] if parsed else None) == names


# A page of the 1930s as OCR gives it (made up): headlines in decks, leads opening with （本报讯）,
# sentences closed by 。 alone.
_DECKED_PAGE = (
    "东江日报 中华民国二十五年十二月四日 星期五 第三张\n\n"
    "省府昨开常会\n"
    "通过要案多件\n"
    "建设厅提修筑公路案 决议照准\n"
    "（本报讯）省政府昨日上午九时举行第三十次常会。到委员六人。主席报告上周政务毕。即开始讨论。\n"
    "建设厅提议修筑东江沿岸公路一案。决议照准。交财政厅筹拨经费。\n\n"
    "冬赈筹备会成立\n"
    "各界踊跃捐输\n"
    "（本报讯）本市冬赈筹备会。昨日下午在商会礼堂开成立大会。到各界代表四十余人。\n"
    "该会定于本月十日起。分区调查贫户。以便施放寒衣米粮。\n"
)
# The same page in traditional script (OpenCC s2t, checked by hand).
_DECKED_PAGE_TRADITIONAL = (
    "東江日報 中華民國二十五年十二月四日 星期五 第三張\n\n"
    "省府昨開常會\n"
    "通過要案多件\n"
    "建設廳提修築公路案 決議照准\n"
    "（本報訊）省政府昨日上午九時舉行第三十次常會。到委員六人。主席報告上週政務畢。即開始討論。\n"
    "建設廳提議修築東江沿岸公路一案。決議照准。交財政廳籌撥經費。\n\n"
    "冬賑籌備會成立\n"
    "各界踴躍捐輸\n"
    "（本報訊）本市冬賑籌備會。昨日下午在商會禮堂開成立大會。到各界代表四十餘人。\n"
    "該會定於本月十日起。分區調查貧戶。以便施放寒衣米糧。\n"
)


@pytest.mark.parametrize("text", [_DECKED_PAGE, _DECKED_PAGE_TRADITIONAL], ids=["simplified", "traditional"])
def test_a_headline_printed_in_decks_keeps_them_out_of_its_storys_text(text: str) -> None:
    # The second and third decks were read as text: the story's first two paragraphs, and its lead
    # (（本报讯）…) a paragraph under them with no byline.
    page = parse_page(text, "page.txt")
    assert (page.publication, page.date) == (text[:4], "1936-12-04")
    first, second = page.articles
    assert first.byline == second.byline == text[text.index("（") : text.index("）") + 1]
    assert first.paragraphs[0].startswith(("省政府昨日上午九时", "省政府昨日上午九時"))
    assert len(first.paragraphs) == 2
    assert (first.title or "").startswith(("省府昨开常会", "省府昨開常會"))
    assert (first.subtitle or "").endswith(("建设厅提修筑公路案 决议照准", "建設廳提修築公路案 決議照准"))


# A page of the 1980s (made up), its masthead dated in Chinese numerals.
_NUMERALS_MASTHEAD_PAGE = (
    "东江日报\u3000一九八五年三月六日\u3000星期三\u3000第一版\n\n"
    "全市春耕生产全面展开\n"
    "各级干部深入第一线帮助农民解决困难\n\n"
    "\u3000\u3000本报讯\u3000记者柏小雨报道：连日来，我市各县区抓住有利天气，全面展开春耕生产。"
    "截至三月五日，全市已完成春耕面积四十二万亩，占计划的三成。\n"
    "\u3000\u3000市委、市政府要求各级干部深入第一线，帮助农民解决化肥、农药、种子等方面的实际困难。\n\n"
    "西山县乡镇企业产值翻番\n\n"
    "\u3000\u3000本报讯\u3000通讯员詹敏报道：西山县大力发展乡镇企业，去年全县乡镇企业总产值达到一点二亿元，"
    "比上年翻了一番。\n"
    "\u3000\u3000目前，全县已有乡镇企业三百八十多个，安置农村剩余劳动力一万多人。\n"
)


def test_a_masthead_dated_in_chinese_numerals_is_read_as_one_dated_in_figures() -> None:
    # The labeller read the masthead as a kicker (its date in figures makes it furniture), and the
    # headline and subtitle under it as one headline broken in two.
    page = parse_page(_NUMERALS_MASTHEAD_PAGE, "page.txt")
    assert (page.publication, page.date, page.date_source) == ("东江日报", "1985-03-06", "masthead")
    article = page.articles[0]
    assert [a.title for a in page.articles] == ["全市春耕生产全面展开", "西山县乡镇企业产值翻番"]
    assert (article.kicker, article.title, article.subtitle) == (
        None,
        "全市春耕生产全面展开",
        "各级干部深入第一线帮助农民解决困难",
    )
    assert article.authors == ["柏小雨"]


# A Hong Kong paper's page (made up): leads opening with 【东江专讯】, one story signed under its text.
_HONG_KONG_PAGE = (
    "港闻\n\n"
    "政府推长者医疗券新措施\n每年金额增至3000元\n\n"
    "【东江专讯】政府昨日公布长者医疗券计划新安排，明年起每名合资格长者每年可获3000元医疗券，较现时增加一成。\n"
    "卫生署发言人表示，新安排可鼓励长者善用基层医疗服务，预计受惠长者逾170万人。\n"
    "有病人组织欢迎措施，但认为政府应同时增加公营诊所名额。\n\n"
    "记者 柳静文\n\n"
    "港铁新线下月通车\n"
    "【东江专讯】港铁公司昨日宣布，新线将于下月15日正式通车，全线设6个车站，由起点至终点约需20分钟。\n"
    "港铁表示，通车首月将加密班次，繁忙时间每3分钟一班。\n"
)
# The same page in traditional script (OpenCC s2hk, checked by hand).
_HONG_KONG_PAGE_TRADITIONAL = (
    "港聞\n"
    "\n"
    "政府推長者醫療券新措施\n"
    "每年金額增至3000元\n"
    "\n"
    "【東江專訊】政府昨日公佈長者醫療券計劃新安排，明年起每名合資格長者每年可獲3000元醫療券，較現時增加一成。\n"
    "衞生署發言人表示，新安排可鼓勵長者善用基層醫療服務，預計受惠長者逾170萬人。\n"
    "有病人組織歡迎措施，但認為政府應同時增加公營診所名額。\n"
    "\n"
    "記者 柳靜文\n"
    "\n"
    "港鐵新線下月通車\n"
    "【東江專訊】港鐵公司昨日宣佈，新線將於下月15日正式通車，全線設6個車站，由起點至終點約需20分鐘。\n"
    "港鐵表示，通車首月將加密班次，繁忙時間每3分鐘一班。\n"
)


@pytest.mark.parametrize(
    "text", [_HONG_KONG_PAGE, _HONG_KONG_PAGE_TRADITIONAL], ids=["simplified", "traditional"]
)
def test_a_reporters_line_under_a_storys_text_signs_it(text: str) -> None:
    # The labeller read 记者 柳静文 as text (本报记者 柳静文 it reads as a byline there): the story kept
    # it as its last paragraph and credited no one.
    page = parse_page(text, "page.txt")
    first, second = page.articles
    assert first.authors in (["柳静文"], ["柳靜文"])
    assert first.paragraphs[-1].startswith(("有病人组织", "有病人組織"))
    assert second.title in ("港铁新线下月通车", "港鐵新線下月通車")


# A Singapore paper's page (made up): each byline with the reporter's e-mail address, on its own
# line or after the name.
_EMAILED_BYLINES_PAGE = (
    "新闻\n\n"
    "组屋转售价连续第五季上涨\n柳静文 报道\nliujingwen@dongjiang.com.sg\n\n"
    "建屋发展局昨天公布的数据显示，组屋转售价第三季上涨百分之二点一，是连续第五个季度上涨。\n"
    "分析师认为，新组屋供应增加后，转售价涨幅可望放缓。\n\n"
    "地铁新线明年分阶段通车\n詹敏 报道\nzhanmin@dongjiang.com.sg\n\n"
    "陆路交通管理局说，地铁新线将在明年分三个阶段通车，首阶段包括六个车站。\n"
    "当局表示，通车后沿线居民前往市区的时间可缩短约二十分钟。\n"
)


@pytest.mark.parametrize("layout", ["own-line", "after-name"])
def test_a_reporters_email_address_belongs_to_the_byline(layout: str) -> None:
    # On its own line the address was each story's first paragraph; after the name it made the
    # byline no byline, and the page one story under it.
    text = _EMAILED_BYLINES_PAGE
    if layout == "after-name":
        text = text.replace(" 报道\n", " 报道 ")
    page = parse_page(text, "page.txt")
    assert [(a.title, a.byline, a.authors) for a in page.articles] == [
        ("组屋转售价连续第五季上涨", "柳静文 报道 liujingwen@dongjiang.com.sg", ["柳静文"]),
        ("地铁新线明年分阶段通车", "詹敏 报道 zhanmin@dongjiang.com.sg", ["詹敏"]),
    ]
    assert page.articles[0].paragraphs[0].startswith("建屋发展局")


def test_a_narrow_columns_jump_line_ends_its_story_and_heads_none() -> None:
    # A PDF's narrow column, double-spaced as the seeds print: the story's last line holds its
    # last words and the jump mark, set apart by spaces. Read as furniture with the words, it took
    # them out of the story (and on some pages made the full line above them a headline).
    lines = [
        "东湖新区夜市再添新去处",
        "本报讯（记者 柳静文）今年以来，东湖新区",
        "先后开出三条夜市街，摊位从四十个增加",
        "到二百多个，每晚来逛的市民超过一万人次",
        "，摊主们都说今年的生意要比往年好多",
        "了。　　　　 （下转6版）",
        "（上接4版）",
        "西山县秋粮喜获丰收",
        "本报讯（记者 卢晓岚）记者从西山县农业",
        "农村局获悉，今年全县秋粮总产再创新高",
        "，亩产比上年提高百分之五。",
    ]
    page = parse_page("\n\n".join(lines))
    assert [article.title for article in page.articles] == ["东湖新区夜市再添新去处", "西山县秋粮喜获丰收"]
    assert page.articles[0].paragraphs == [
        "今年以来，东湖新区先后开出三条夜市街，摊位从四十个增加到二百多个，每晚来逛的市民超过一万人次，"
        "摊主们都说今年的生意要比往年好多了。"
    ]
    assert sorted(d.text for d in page.dropped if d.reason == "page-furniture") == [
        "（上接4版）",
        "（下转6版）",
    ]


# A column's tag alone on its line over a story's headline (【民生】, ■城事): the story's kicker.

_TAGGED = (
    "东湖夜市今晚开市\n本报讯（记者 柳静文）东湖夜市将于今晚正式开市。\n夜市位于东湖公园南门广场。\n\n"
    "{tag}\n老旧小区加装电梯 今年已完工86部\n本报讯（记者 赵敏）今年以来，我市持续推进老旧小区加装电梯工作。\n"
    "据了解，明年我市计划再加装电梯150部。"
)


@pytest.mark.parametrize("tag", ["【民生】", "[民生]", "【东江观察】", "■民生", "● 城事"])
@pytest.mark.parametrize(
    "codes",
    [
        "T B B _ B B B B",  # both read as text: the two short lines over the lead
        "T B B _ T B B B",  # the tag read as the headline, the headline as text
        "T B B _ B T B B",  # the tag read as text: it ended the story above
        "T B B _ T S B B",  # the tag read as the headline, the headline as its subtitle
        "T B B _ T T B B",  # ... as the headline's first line
    ],
    ids=["both-text", "tag-as-headline", "tag-as-text", "headline-as-subtitle", "headline-as-second-line"],
)
def test_a_column_tag_over_a_headline_is_the_storys_kicker(tag: str, codes: str) -> None:
    page = labelled(_TAGGED.format(tag=tag), codes)
    assert [(a.kicker, a.title, a.subtitle) for a in page.articles] == [
        (None, "东湖夜市今晚开市", None),
        (tag.replace("● ", "").replace("■", ""), "老旧小区加装电梯 今年已完工86部", None),
    ]
    assert page.articles[0].paragraphs[-1] == "夜市位于东湖公园南门广场。"


@pytest.mark.parametrize(
    ("line", "tag"),
    [
        ("【民生】", True),
        ("［东江观察］", True),
        ("■城事", True),
        ("【民】", False),  # a character is no column's name
        ("[图片]", False),  # a picture's placeholder
        ("【本报讯】", False),  # a dateline, over the lead's text
        ("【东湖夜市今晚开市 摊位免费申领】", False),  # a headline in brackets, as web pages print one
        ("【东湖夜市今晚开市】", False),  # ... however short
        ("（民生）", False),  # round brackets close a story: （完）, （记者 王强）
        ("民生", False),
    ],
)
def test_a_column_tag_is_a_short_name_under_a_mark_or_in_square_brackets(line: str, tag: bool) -> None:
    assert is_column_tag(line) is tag


# Pieces on a page that sets its paragraphs flush: a headline over its writer's name alone,
# under the piece above that closed with its credit

_FLUSH_PIECES = (
    "让口袋公园装满幸福\n□ 柳静文\n城市的幸福感，往往藏在细微之处。\n口袋公园建得好，更要管得好。\n"
    "（作者单位：东江市社会科学院）\n\n夜市经济要热更要序\n王海\n夜幕降临，东湖夜市灯火通明。\n"
    "管理部门要让夜市热闹而不失序。"
)


def test_a_headline_over_its_writers_name_on_a_flush_page_heads_a_piece() -> None:
    page = labelled(_FLUSH_PIECES, "T BY B B CR _ B B B B")
    assert [(a.title, a.byline) for a in page.articles] == [
        ("让口袋公园装满幸福", "□ 柳静文"),
        ("夜市经济要热更要序", "王海"),
    ]


@pytest.mark.parametrize(
    ("closing", "gap"),
    [
        ("管理部门要让夜市热闹而不失序。", "\n"),  # a round-up's parts follow one another's text
        ("（作者单位：东江市社会科学院）", ""),  # no blank line sets the two lines apart
    ],
    ids=["after-text", "no-gap"],
)
def test_a_heading_over_a_name_on_a_flush_page_stays_text_unless_set_apart_under_a_credit(
    closing: str, gap: str
) -> None:
    # The corpus keys the parts of a round-up of remarks (a heading over its speaker's name, then
    # the remarks) as one story's text.
    text = _FLUSH_PIECES.replace("（作者单位：东江市社会科学院）\n\n", f"{closing}\n{gap}")
    codes = "T BY B B B _ B B B B" if gap else "T BY B B B B B B B"
    if closing.startswith("（"):
        codes = codes.replace("B B B B B", "B B CR B B", 1)
    (story,) = labelled(text, codes).articles
    assert story.title == "让口袋公园装满幸福" and "王海" in story.paragraphs


@pytest.mark.parametrize(
    ("head", "caption"),
    [
        ("图说", "昨日，西山县柳河镇的村民在晾晒玉米。今年全镇玉米喜获丰收。 本报记者 赵敏 摄"),
        ("秋收正忙", "昨日，西山县柳河镇的村民在晾晒玉米。 新华社记者 王明 李华 摄"),
    ],
)
def test_a_photo_storys_headline_over_a_caption_with_its_credit_on_one_line_is_found(
    head: str, caption: str
) -> None:
    text = f"夜市经济要热更要序\n王海\n夜幕降临，东湖夜市灯火通明。\n管理部门要让夜市热闹而不失序。\n\n{head}\n{caption}"
    page = labelled(text, "T BY B B _ B CR")
    assert [a.title for a in page.articles] == ["夜市经济要热更要序", head]
    assert page.articles[0].paragraphs[-1] == "管理部门要让夜市热闹而不失序。"


@pytest.mark.parametrize(
    ("line", "captioned"),
    [
        ("图为村民在晾晒玉米。 本报记者 赵敏 摄", True),
        ("图为村民在晾晒玉米。本报记者赵敏摄", True),
        ("本报记者 赵敏 摄", False),  # a credit alone: the caption stands over it
        ("图为村民在晾晒玉米。", False),  # a caption alone
        ("图为村民在晾晒玉米。 东江市西山县柳河镇人民政府宣传办公室供稿并摄", False),  # no credit so long
    ],
)
def test_a_caption_with_its_credit_on_one_line(line: str, captioned: bool) -> None:
    assert line_rules._caption_with_credit(line) is captioned


@pytest.mark.parametrize("tag", ["【民生】", "[东江观察]", "■城事", "● 关注"])
def test_a_column_tag_over_a_two_line_header_block_leaves_the_block_as_read(tag: str) -> None:
    # Parsed from the text (the labeller's own reading): a tag in square brackets is left out of
    # its sight, as it never met one, and one under a mark is read by the rules; either way the
    # two lines under the tag are read as they are without it, and the tag is the kicker.
    two_lines = "让老旧小区居民上下楼不再难\n老旧小区加装电梯 今年已完工86部\n"
    untagged = _TAGGED.replace("{tag}\n老旧小区加装电梯 今年已完工86部\n", two_lines)
    tagged = _TAGGED.format(tag=tag).replace("老旧小区加装电梯 今年已完工86部\n", two_lines)
    (_, plain), (_, story) = parse_page(untagged).articles, parse_page(tagged).articles
    assert (story.title, story.subtitle) == (plain.title, plain.subtitle)
    assert plain.title == "让老旧小区居民上下楼不再难"
    assert story.kicker == " ".join(filter(None, (tag.replace("● ", "").replace("■", ""), plain.kicker)))


@pytest.mark.parametrize(
    ("lines", "hidden"),
    [
        (["【民生】", "老旧小区加装电梯 今年已完工86部", "本报讯 今年以来…"], {0}),
        (["【民生】", "", "老旧小区加装电梯 今年已完工86部"], {0}),  # a blank line between
        (
            ["【说法】", "东湖区今年新建口袋公园，居民出门就能走进绿地。"],
            set(),
        ),  # a box's label over its text
        (["■城事", "老旧小区加装电梯 今年已完工86部"], set()),  # under a mark: the rules read it
        (["【民生】"], set()),  # nothing under it
    ],
)
def test_the_labeller_is_shown_a_blank_line_for_a_column_tag_over_a_short_line(
    lines: list[str], hidden: set[int]
) -> None:
    assert page_module._column_tags(lines) == hidden


def test_a_pictures_placeholder_over_a_headline_stays_furniture_not_a_column_tag() -> None:
    text = (
        "东湖夜市今晚开市\n本报讯（记者 柳静文）东湖夜市将于今晚正式开市。\n\n[图片]\n\n"
        "在植树节到来之际\n东湖区干部群众义务植树\n　　本报讯 3月12日，东湖区千余名干部群众参加义务植树。\n"
    )
    page = parse_page(text)
    assert [(a.kicker, a.title) for a in page.articles][1] == ("在植树节到来之际", "东湖区干部群众义务植树")
    assert "[图片]" in [d.text for d in page.dropped]


def test_two_column_tags_over_a_headline_are_both_its_kicker() -> None:
    page = parse_page(_TAGGED.format(tag="【民生】\n【东江观察】"))
    (first, story) = page.articles
    assert first.paragraphs[-1] == "夜市位于东湖公园南门广场。"
    assert (story.kicker, story.title) == ("【民生】【东江观察】", "老旧小区加装电梯 今年已完工86部")


def test_a_section_name_over_reported_stories_heads_no_round_up() -> None:
    # A section's name with nothing under it over stories that each open with a reporter's line
    # and no dateline, as metro papers sign: each story stays one, with its own reporter.
    page = parse_page(
        "东湖区召开安全生产会议\n"
        "　　本报讯（记者 赵小川）12日，东湖区召开安全生产工作会议，部署节前安全检查工作。\n"
        "\n"
        "社区动态\n"
        "\n"
        "\n"
        "东湖夜市今晚开市\n"
        "记者 王小川\n"
        "　　记者昨日从东湖区商务局获悉，经过两个月的改造，东湖夜市今晚重新开市。\n"
        "\n"
        "西山县新建三座口袋公园\n"
        "记者 柳静文\n"
        "　　西山县今年新建的三座口袋公园日前全部向市民开放。\n"
    )
    signed = [(article.title, article.authors) for article in page.articles if article.authors]
    assert signed == [
        ("东湖区召开安全生产会议", ["赵小川"]),
        ("东湖夜市今晚开市", ["王小川"]),
        ("西山县新建三座口袋公园", ["柳静文"]),
    ]


def test_a_link_to_more_stories_is_furniture_and_the_headline_under_it_heads_its_story() -> None:
    # Unlike a related list's label (相关新闻：), it takes no line under it for a link.
    page = parse_page(
        "东湖夜市今晚开市\n本报讯（记者 王小川）经过两个月的改造，东湖夜市今晚重新开市。\n\n更多精彩\n\n"
        "西山县新建三座口袋公园\n本报讯（记者 柳静文）西山县新建的三座口袋公园日前向市民开放。\n"
    )
    assert [a.title for a in page.articles] == ["东湖夜市今晚开市", "西山县新建三座口袋公园"]
    assert ("更多精彩", "page-furniture") in [(d.text, d.reason) for d in page.dropped]


@pytest.mark.parametrize("label", ["社区动态", "财经资讯"])
def test_a_news_columns_name_over_a_headline_is_its_column_not_the_headlines_first_line(label: str) -> None:
    # Under a story (at the page's top it is the page's section), read as headline lines both with
    # a blank line between, the name and the headline were one headline (社区动态东湖夜市今晚开市).
    page = labelled(
        "西山县新建三座口袋公园\n本报讯（记者 柳静文）西山县新建的三座口袋公园日前向市民开放。\n\n"
        f"{label}\n\n东湖夜市今晚开市\n记者 王小川\n　　经过两个月的改造，东湖夜市今晚重新开市。\n",
        "T B _ T _ T BY B _",
    )
    above, article = page.articles
    assert (above.title, above.column) == ("西山县新建三座口袋公园", None)
    assert (article.column, article.title, article.authors) == (label, "东湖夜市今晚开市", ["王小川"])
