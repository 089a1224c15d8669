"""Pages as PDF converters write them in markdown (MinerU marks every headline line, kicker and
subtitle too, as a level-one heading, and sets a blank line after every paragraph), and the rules
of parse/line_rules.py and parse/page.py that read them: a header block marked alike, a marked
heading over a reporter's line, a numbered crosshead, and a story that opened with a lead of its
own followed by a short line over a reporter's line.

Each guard has a test that fails without it: the rule is called with the roles of the lines given
as codes (``T _ B``: title, blank, body, as ``labelled`` in test_parse_rules.py takes them), and the
roles it gives back were worked out by hand. Speed checks, whose removal changes no result, have no
test: ``_numbered_crossheads_read_as_headlines``' skip of a first number (no number comes before
it) and of a blank line; ``_headlines_over_later_bylines``' start at the page's second line (a
line at the top has no story above it, which ``_opened_with_lead`` finds too) and its first test of
the line over the byline (the loop over the headline's lines asks it again).

All the text is made up (places, people, papers and events).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
from test_parse_rules import reread

from liaocheng_tui.parse import line_rules, page
from liaocheng_tui.parse.page import parse_page
from liaocheng_tui.parse.roles import Role

_CONVERTED = (
    "# 东湖日报\n\n"
    "2026年4月8日 星期三\n\n"
    "# 要闻\n\n"
    "# 我市春季植树造林全面铺开\n\n"
    "# 今年计划新增造林面积3.2万亩\n\n"
    "本报讯（记者 王明远 通讯员 李华）连日来，我市各县（市、区）抢抓春季植树有利时机，组织干部群众开展义务植树活动。\n\n"
    "据了解，今年我市计划新增造林面积3.2万亩，完成村庄绿化200个。\n\n"
    "![](images/3f2a9c.jpg)\n\n"
    "图为东湖区志愿者在运河岸边植树。 本报记者 赵刚 摄\n\n"
    "# 东湖区：“一网通办”让群众少跑腿\n\n"
    "本报记者 孙丽\n\n"
    "“以前办营业执照要跑好几个窗口，现在一个窗口就能办完。”近日，在东湖区政务服务中心，市民张先生说。\n\n"
    "今年以来，东湖区推动政务服务事项“一网通办”，企业开办时间压缩至0.5个工作日。\n\n"
    "# 一、整合窗口\n\n"
    "该区将原来分散在各部门的42个窗口整合为12个综合窗口。\n\n"
    "# 二、数据共享\n\n"
    "该区打通了12个部门的数据壁垒，群众办事所需材料减少了四成。\n\n"
    "# 运河文化节下月开幕\n\n"
    "本报讯 第五届运河文化节将于5月18日开幕，届时将举办非遗展演等活动。\n\n"
    "责任编辑：刘洋\n"
)


def test_a_converters_markdown_page_reads_as_its_stories() -> None:
    # The headline and subtitle marked alike were one headline, run together; the marked headline
    # over a reporter's line after a picture's caption, and the numbered crosshead under it, were
    # the story above's text or a story of their own.
    articles = parse_page(_CONVERTED).articles
    headed = [(a.kicker, a.title, a.subtitle, a.byline) for a in articles if a.title]
    assert headed == [
        (
            None,
            "我市春季植树造林全面铺开",
            "今年计划新增造林面积3.2万亩",
            "本报讯（记者 王明远 通讯员 李华）",
        ),
        (None, "东湖区：“一网通办”让群众少跑腿", None, "本报记者 孙丽"),
        (None, "运河文化节下月开幕", None, "本报讯"),
    ]
    story = articles[[a.title for a in articles].index("东湖区：“一网通办”让群众少跑腿")]
    assert "一、整合窗口" in story.paragraphs
    assert "二、数据共享" in story.paragraphs


# _alike_headings_read

# a headline and its subtitle, both marked as level-one headings, read by the labeller as one headline
_BLOCK = ("# 我市春季植树造林全面铺开", "", "# 今年计划新增造林面积3.2万亩", "", "连日来，各地开展植树活动。")
_BLOCK_ROLES: tuple[Role, ...] = ("title", "blank", "title", "blank", "body")


def _split_at(first: int) -> Callable[[Sequence[str]], list[Role]]:
    """A labeller that reads the page's line ``first`` as a headline and every other line as a
    subtitle: what the rule asks of the page without its marks, fixed here so that the tests do
    not hang on the model."""

    def label(raws: Sequence[str]) -> list[Role]:
        return [
            "title" if index == first else "subtitle" if raw.strip() else "blank"
            for index, raw in enumerate(raws)
        ]

    return label


_split = _split_at(0)


def test_a_header_block_marked_alike_is_read_as_the_page_without_marks_reads_it() -> None:
    raws, roles = list(_BLOCK), list(_BLOCK_ROLES)
    assert page._alike_headings_read(raws, roles, _split) == ["title", "blank", "subtitle", "blank", "body"]


def test_a_header_block_marked_at_two_levels_stays_as_read() -> None:
    # The guard (one level): a converter that marks levels tells kicker and headline apart itself.
    raws, roles = [_BLOCK[0], "", f"#{_BLOCK[2]}", *_BLOCK[3:]], list(_BLOCK_ROLES)
    assert page._alike_headings_read(raws, roles, _split) == roles


def test_a_marked_headline_broken_over_two_lines_under_an_unmarked_kicker_stays_one_headline() -> None:
    # The guard (_headlines_marked_alone): the page marks its headlines alone, so two marked lines
    # in a row are one headline broken in two.
    raws = ["植树节到来之际", "# 我市春季植树造林", "# 全面铺开", "", "连日来，各地开展植树活动。"]
    roles: list[Role] = ["kicker", "title", "title", "blank", "body"]
    assert page._alike_headings_read(raws, roles, _split_at(1)) == roles


def test_a_marked_kicker_over_the_run_leaves_the_run_to_the_page_without_marks() -> None:
    # A kicker marked as the headline is (the converter marks all alike) says nothing of the run.
    raws = [
        "# 植树节到来之际",
        "# 我市春季植树造林全面铺开",
        "# 今年计划新增造林面积3.2万亩",
        "",
        "各地开展植树活动。",
    ]
    roles: list[Role] = ["kicker", "title", "title", "blank", "body"]
    got = page._alike_headings_read(raws, roles, _split_at(1))
    assert got == ["kicker", "title", "subtitle", "blank", "body"]


def test_an_unmarked_kicker_over_an_unmarked_headline_says_nothing_of_the_marked_run() -> None:
    raws = [
        "# 我市春季植树造林全面铺开",
        "# 今年计划新增造林面积3.2万亩",
        "各地开展植树活动。",
        "植树节到来之际",
        "运河文化节下月开幕",
        "文化节将于5月开幕。",
    ]
    roles: list[Role] = ["title", "title", "body", "kicker", "title", "body"]
    got = page._alike_headings_read(raws, roles, _split_at(0))
    assert got[:2] == ["title", "subtitle"]


def test_an_unmarked_subtitle_under_a_marked_section_name_says_nothing_of_the_marked_run() -> None:
    raws = [
        "# 要闻",
        "全市植树造林",
        "各地开展植树活动。",
        "# 我市春季植树造林全面铺开",
        "# 今年计划新增造林面积3.2万亩",
        "连日来，各地植树。",
    ]
    roles: list[Role] = ["furniture", "subtitle", "body", "title", "title", "body"]
    got = page._alike_headings_read(raws, roles, _split_at(3))
    assert got[3:5] == ["title", "subtitle"]


def test_a_marked_run_the_unmarked_page_reads_as_text_stays_as_read() -> None:
    # The guard (every line of the run read as a headline's without the marks).
    def as_text(raws: Sequence[str]) -> list[Role]:
        return [
            "title" if index == 0 else "body" if raw.strip() else "blank" for index, raw in enumerate(raws)
        ]

    raws, roles = list(_BLOCK), list(_BLOCK_ROLES)
    assert page._alike_headings_read(raws, roles, as_text) == roles


def test_a_marked_run_the_unmarked_page_reads_without_a_headline_stays_as_read() -> None:
    # The guard (a headline among the run's roles without the marks).
    def as_kickers(raws: Sequence[str]) -> list[Role]:
        return [
            "kicker" if raw.strip().startswith("今年") or index == 0 else "body"
            for index, raw in enumerate(raws)
        ]

    raws = ["# 我市春季植树造林全面铺开", "# 今年计划新增造林面积3.2万亩", "连日来，各地开展植树活动。"]
    roles: list[Role] = ["title", "title", "body"]
    assert page._alike_headings_read(raws, roles, as_kickers) == roles


def test_marked_lines_apart_from_each_other_are_no_run() -> None:
    # The guard (nothing but blank lines between a run's lines): two headlines of two stories.
    raws = [
        "# 我市春季植树造林全面铺开",
        "连日来，各地开展植树活动。",
        "# 运河文化节下月开幕",
        "文化节将于5月开幕。",
    ]
    roles: list[Role] = ["title", "body", "title", "body"]
    assert page._alike_headings_read(raws, roles, _split) == roles


# _marked_headings_over_bylines

_CAPTION_THEN_HEADING = "图为志愿者在运河岸边植树。 本报记者 赵刚 摄\n\n{}\n\n{}\n\n“以前要跑好几个窗口，现在一个窗口就能办完。”市民说。"


def test_a_marked_heading_over_a_reporters_line_is_the_next_storys_headline() -> None:
    text = _CAPTION_THEN_HEADING.format("# 东湖区“一网通办”让群众少跑腿", "本报记者 孙丽")
    assert reread(line_rules._marked_headings_over_bylines, text, "CAP _ B _ BY _ B") == "CAP _ T _ BY _ B"


@pytest.mark.parametrize(
    ("heading", "under", "codes"),
    [
        # a markdown heading: the rule reads the converter's mark, not the line's shape
        ("东湖区“一网通办”让群众少跑腿", "本报记者 孙丽", "CAP _ B _ BY _ B"),
        # a reporter's line under it: a crosshead
        ("# 东湖区“一网通办”让群众少跑腿", "今年以来，东湖区深化改革。", "CAP _ B _ B _ B"),
        ("# 东湖区推行“一网通办”，群众少跑了腿。", "本报记者 孙丽", "CAP _ B _ BY _ B"),  # headline_shaped
        ("# （完）", "本报记者 孙丽", "CAP _ B _ BY _ B"),  # could_head: a story's close
    ],
)
def test_a_line_after_a_caption_that_heads_no_story_stays_text(heading: str, under: str, codes: str) -> None:
    text = _CAPTION_THEN_HEADING.format(heading, under)
    assert reread(line_rules._marked_headings_over_bylines, text, codes) == codes


def test_a_marked_line_under_a_line_that_runs_on_stays_text() -> None:
    # The guard (the close of what came before): the line goes on from the one above.
    text = "记者从东湖区政务服务中心获悉：\n\n# 东湖区“一网通办”让群众少跑腿\n\n本报记者 孙丽\n\n市民说。"
    assert reread(line_rules._marked_headings_over_bylines, text, "B _ B _ BY _ B") == "B _ B _ BY _ B"


def test_a_marked_kicker_over_a_reporters_line_stays_the_kicker() -> None:
    # The guard (a line read as text).
    text = "# 东湖区深化改革——\n\n本报记者 孙丽\n\n市民说。"
    assert reread(line_rules._marked_headings_over_bylines, text, "K _ BY _ B") == "K _ BY _ B"


# _headlines_over_later_bylines

_LEAD = "本报讯（记者 李华）11月20日晚，东湖夜市开市，数千市民前来选购。"


def _later(opener: str, close: str, head: str, codes: str) -> str:
    text = f"东湖夜市今晚开市\n{opener}\n{close}\n{head}\n本报记者 孙丽\n“以前要跑好几个窗口，现在一个窗口就能办完。”市民说。"
    return reread(line_rules._headlines_over_later_bylines, text, codes)


def test_a_short_line_over_a_reporters_line_after_a_story_with_its_own_lead_heads_a_new_story() -> None:
    got = _later(_LEAD, "夜市将持续到明年2月。", "东湖区“一网通办”让群众少跑腿", "T B B B BY B")
    assert got == "T B B T BY B"


def test_two_short_lines_over_a_reporters_line_after_a_story_with_its_own_lead_are_kicker_and_headline() -> (
    None
):
    text = f"东湖夜市今晚开市\n{_LEAD}\n夜市将持续到明年2月。\n老旧小区加装电梯\n今年计划完成120部\n本报记者 孙丽\n市民说。"
    got = reread(line_rules._headlines_over_later_bylines, text, "T B B B B BY B")
    assert got == "T B B K T BY B"


def test_a_sentence_over_the_short_line_over_a_reporters_line_is_the_storys_last() -> None:
    # The guard (a headline's shape for the upper line too): the story's last sentence ends there.
    text = f"东湖夜市今晚开市\n{_LEAD}\n夜市将持续到明年2月。\n今年计划完成120部\n本报记者 孙丽\n市民说。"
    got = reread(line_rules._headlines_over_later_bylines, text, "T B B B BY B")
    assert got == "T B B T BY B"


def test_the_lower_short_line_alone_heads_the_story_where_the_upper_goes_on_from_the_text() -> None:
    # The lower line alone, after the two lines (the story's last, cut by a wrap after a comma
    # above it, closing with a bracket) do not head it.
    text = f"东湖夜市今晚开市\n{_LEAD}\n据介绍，\n夜市持续到明年2月（东湖站）\n老旧小区加装电梯\n本报记者 孙丽\n市民说。"
    got = reread(line_rules._headlines_over_later_bylines, text, "T B B B B BY B")
    assert got == "T B B B T BY B"


def test_a_round_ups_part_under_a_story_opened_by_a_reporters_line_stays_text() -> None:
    # The guard (a lead of the story's own): a round-up's parts carry its reporters' lines.
    got = _later("本报记者 王强", "夜市将持续到明年2月。", "东湖区“一网通办”让群众少跑腿", "T BY B B BY B")
    assert got == "T BY B B BY B"


def test_a_storys_last_line_over_a_photographers_line_stays_text() -> None:
    # The guard (no photographer's line): a photo report's credit closes the story above (its last
    # line, cut by a column's wrap or printed without punctuation, ends no sentence).
    text = f"东湖夜市今晚开市\n{_LEAD}\n夜市持续到明年2月（东湖站）\n各摊位同时开张\n本报记者 孙丽摄影报道\n下一则消息。"
    got = reread(line_rules._headlines_over_later_bylines, text, "T B B B BY B")
    assert got == "T B B B BY B"


@pytest.mark.parametrize(
    ("close", "head", "codes"),
    [
        # the close of what came before: the line goes on from the one above
        ("夜市的摊主们说，", "东湖区“一网通办”让群众少跑腿", "T B B B BY B"),
        # the story's text above it: a page's furniture closes no story (the rest of a web meta
        # line cut inside the paper's name, read as text, over the next story's byline)
        ("稿件来源：东湖日报 要闻", "东湖区“一网通办”让群众少跑腿", "T B F B BY B"),
        ("夜市将持续到明年2月。", "东湖区推行“一网通办”，群众少跑了腿。", "T B B B BY B"),  # headline_shaped
        ("夜市将持续到明年2月。", "（完）", "T B B B BY B"),  # could_head
        # _GRAPHICS_CREDIT_RE: who drew the story's chart, then its writer's signature
        ("夜市将持续到明年2月。", "本版制图：赵敏", "T B B B BY B"),
        ("夜市将持续到明年2月。", "图为市民在夜市选购商品", "T B B CAP BY B"),  # a line read as text
    ],
)
def test_a_line_over_a_reporters_line_that_heads_no_story_stays_as_read(
    close: str, head: str, codes: str
) -> None:
    assert _later(_LEAD, close, head, codes) == codes


def test_a_reporters_line_with_no_story_above_opens_nothing_new() -> None:
    # The guard (a headline above the story's lead): lines at the page's top are no story's.
    text = f"{_LEAD}\n夜市将持续到明年2月。\n东湖区“一网通办”让群众少跑腿\n本报记者 孙丽\n市民说。"
    assert reread(line_rules._headlines_over_later_bylines, text, "B B B BY B") == "B B B BY B"


# _numbered_crossheads_read_as_headlines


def _numbered(first: str, second: str, codes: str) -> str:
    text = (
        f"东湖区“一网通办”让群众少跑腿\n本报记者 孙丽\n{first}\n该区整合了窗口。\n{second}\n该区打通了数据。"
    )
    return reread(line_rules._numbered_crossheads_read_as_headlines, text, codes)


def test_a_numbered_line_read_as_a_headline_under_the_number_before_it_is_a_crosshead() -> None:
    assert _numbered("一、整合窗口", "二、数据共享", "T BY B B T B") == "T BY B B B B"
    assert _numbered("（一）整合窗口", "# （二）数据共享", "T BY B B T B") == "T BY B B B B"
    assert _numbered("1.整合窗口", "2.数据共享", "T BY B B T B") == "T BY B B B B"


def test_a_numbered_line_under_another_style_or_number_stays_a_headline() -> None:
    # The guards (the same style; the number before).
    assert _numbered("一、整合窗口", "（二）数据共享", "T BY B B T B") == "T BY B B T B"
    assert _numbered("一、整合窗口", "三、数据共享", "T BY B B T B") == "T BY B B T B"
    assert _numbered("1.整合窗口", "2.5亿元投向数据共享", "T BY B B T B") == "T BY B B T B"


def test_a_numbered_headline_under_another_storys_crosshead_stays_a_headline() -> None:
    # The guard (the story above begins at its headline).
    text = "一、整合窗口\n该区整合了窗口。\n东湖夜市今晚开市\n夜市开市。\n二、数据共享\n该区打通了数据。"
    got = reread(line_rules._numbered_crossheads_read_as_headlines, text, "B B T B T B")
    assert got == "B B T B T B"


# _headlines_over_leads: two short lines over a lead, the second the longer


def test_two_short_lines_over_a_lead_the_second_longer_are_headline_and_subtitle() -> None:
    # As OCR gives a page (a line a text box, no blank lines, no indents): the lines stayed text,
    # and the page's first story had no headline. A column breaks no headline into a shorter first
    # line.
    text = "东湖晚报 2026年5月12日\n东湖夜市今晚开市\n200余个摊位集中亮相\n本报讯（记者周婷）5月11日晚，东湖\n夜市正式开市。"
    got = reread(line_rules._headlines_over_leads, text, "F B B B B")
    assert got == "F T S B B"


def test_two_short_lines_over_a_lead_the_first_longer_are_one_headline_broken_in_two() -> None:
    text = "东湖晚报 2026年5月12日\n东湖夜市今晚开市200余个\n摊位集中亮相\n本报讯（记者周婷）5月11日晚，东湖\n夜市正式开市。"
    got = reread(line_rules._headlines_over_leads, text, "F B B B B")
    assert got == "F T T B B"


_LINE_PER_BOX = [
    "东湖晚报",
    "2026年5月12日星期二",
    "A04城事",
    "责任编辑：王芳",
    "东湖夜市今晚开市",
    "200余个摊位集中亮相",
    "本报讯（记者周婷）5月11日晚，东湖",
    "夜市正式开市，200余个摊位集中亮",
    "相，吸引了大批市民前来消费。",
    "“夜市离家近，东西也实惠。”市民刘",
    "女士说。",
    "据介绍，东湖夜市将持续到10月底。",
    "老旧小区加装电梯提速",
    "本报记者孙丽",
    "记者从市住建局获悉，今年我市计划在",
    "老旧小区加装电梯120部，目前已完成",
    "56部。",
    "市住建局相关负责人介绍，加装电梯实",
    "行“一梯一策”。",
    "图片新闻",
    "荷花初绽",
    "5月11日，市民在东湖公园观赏荷花。",
    "本报记者赵刚摄",
]


def test_a_page_ocr_cut_into_a_line_per_text_box_reads_as_its_stories() -> None:
    # As PaddleOCR gives a page: a line a text box, no spaces, no blank lines, no indents. It came
    # out as one story with no headline: the first headline over a longer subtitle stayed text,
    # and the reporter's line, its name run into its role, was no byline.
    articles = parse_page("\n".join(_LINE_PER_BOX) + "\n").articles
    assert [(a.title, a.subtitle, a.byline) for a in articles] == [
        ("东湖夜市今晚开市", "200余个摊位集中亮相", "本报讯（记者周婷）"),
        ("老旧小区加装电梯提速", None, "本报记者 孙丽"),
        ("荷花初绽", None, "本报记者 赵刚 摄"),
    ]
