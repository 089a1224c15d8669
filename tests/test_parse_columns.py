"""Pages whose columns an extraction tool set side by side (``pdftotext -layout``): found by their
gutters and read one column after another."""

from __future__ import annotations

import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from liaocheng_tui.parse import parse_page
from liaocheng_tui.parse.columns import find_gutters, read_columns

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def wrapped(text: str, width: int) -> list[str]:
    """The page hard-wrapped at ``width`` display columns, as a PDF column prints it."""
    out: list[str] = []
    for line in text.split("\n"):
        line = line.rstrip()
        if not line.strip():
            out.append("")
            continue
        current = ""
        for ch in line:
            if display_width(current + ch) > width:
                out.append(current)
                current = ch
            else:
                current += ch
        out.append(current)
    return out


def side_by_side(columns: list[list[str]], width: int, gap: int) -> str:
    """Columns of lines printed next to each other, each padded to ``width`` plus ``gap`` spaces."""
    rows = max(len(column) for column in columns)
    out: list[str] = []
    for row in range(rows):
        pieces = [column[row] if row < len(column) else "" for column in columns]
        line = "".join(p + " " * (width - display_width(p) + gap) for p in pieces[:-1]) + pieces[-1]
        out.append(line.rstrip(" "))
    return "\n".join(out)


LEFT = [
    "春耕时节访农家",
    "",
    "　　清晨六点，种粮大户赵建华",
    "已经在田里忙碌。今年他流转了三",  # 15 characters: the column's full width, 30 display columns
    "百亩土地，全部种上了小麦。",
    "",
    "　　“地里的活儿一天也不能等。”",
    "他说。合作社的农机手们也早早",
    "来到地头，检修播种机，调试无",
    "人机，为春播做好准备。",
    "",
    "　　农技人员在田间指导施肥。",
]
RIGHT = [
    "夜间经济激活消费",
    "",
    "　　市商务局发布数据显示，一季",
    "度全市夜间消费额同比增长。",
    "",
    "　　夜市、灯会和文旅演出带动了",
    "餐饮和零售，不少商户延长了营",
    "业时间，推出了夜间优惠套餐。",
    "",
    "　　有关负责人表示，下一步将继",
    "续完善配套设施，提升服务水平",
    "，让市民逛得舒心。",
]


def test_two_columns_are_read_one_after_the_other() -> None:
    page = side_by_side([LEFT, RIGHT], width=30, gap=4)
    # the right column starts at display column 34, after 30 columns of text and 4 spaces
    assert find_gutters(page.split("\n")) == [33]
    read = read_columns(page)
    assert read is not None
    assert read.text.split("\n") == [*LEFT, *RIGHT]
    # each line of the columns points at the line of the page it was printed on
    assert read.source_lines == [*range(1, 13), *range(1, 13)]


def test_a_headline_printed_across_the_gutter_stays_whole_in_the_column_it_starts_in() -> None:
    banner = "全市上下掀起春耕生产热潮 各地抢抓农时忙播种"
    page = banner + "\n" + side_by_side([LEFT, RIGHT], width=30, gap=4)
    read = read_columns(page)
    assert read is not None
    lines = read.text.split("\n")
    assert lines[0] == banner
    assert lines[1:] == [*LEFT, *RIGHT]


def test_pages_not_set_in_columns_have_no_gutter() -> None:
    plain = SEEDS.joinpath("000_afca7ecd8f3a5fce.txt").read_text(encoding="utf-8")
    # a list set in two columns of its own with ideographic spaces, as a typesetter does
    names = "\n".join(
        f"　　{name}　　聊城大学物理与信息工程学院学生。曾获国家奖学金。"
        for name in ["张晓东", "刘思远", "赵雨晴"] * 4
    )
    # OCR that spaced every character out with two spaces: gaps everywhere, not a gutter
    spaced = "\n".join("  ".join(line) for line in plain.split("\n"))
    # a few aligned lines are not yet a page in columns
    few = side_by_side([LEFT[:3], RIGHT[:3]], width=30, gap=4)
    for text in (plain, names, spaced, few):
        assert find_gutters(text.split("\n")) == []
        assert read_columns(text) is None


def test_a_seed_page_in_three_columns_parses_as_the_page_in_one() -> None:
    text = SEEDS.joinpath("002_897d7570b7d25baa.txt").read_text(encoding="utf-8")
    lines = wrapped(text, 36)
    third = -(-len(lines) // 3)
    columns = [lines[:third], lines[third : 2 * third], lines[2 * third :]]
    one_column = parse_page("\n".join(lines), "page.txt")
    three_columns = parse_page(side_by_side(columns, width=36, gap=3), "page.txt")
    assert len(one_column.articles) >= 5
    assert [(a.kicker, a.title, a.paragraphs) for a in three_columns.articles] == [
        (a.kicker, a.title, a.paragraphs) for a in one_column.articles
    ]
    # line numbers point into the page as given: every article within its rows
    assert all(1 <= a.line_start <= a.line_end <= third for a in three_columns.articles)


# A line of a column: never only an ideographic space, which is a blank line to the page, so that
# every row of the two columns has text on both sides of the gutter.
_COLUMN_LINE = st.text(alphabet="春耕时节访农家，。“”（）１２3ab　", min_size=1, max_size=15).filter(
    str.strip
)


# Derandomised: the same examples on every run, so that CI never meets one the last run did not.
@settings(max_examples=150, deadline=None, derandomize=True)
@given(
    st.lists(st.lists(_COLUMN_LINE, min_size=8, max_size=20), min_size=2, max_size=3),
    st.integers(min_value=2, max_value=6),
)
def test_columns_read_back_are_the_columns_as_printed(columns: list[list[str]], gap: int) -> None:
    page = side_by_side(columns, width=30, gap=gap)
    read = read_columns(page)
    printed = Counter(ch for ch in page if ch not in " \n")
    assert read is not None
    rows = max(len(column) for column in columns)
    assert read.text.split("\n") == [
        line for column in columns for line in column + [""] * (rows - len(column))
    ]
    assert Counter(ch for ch in read.text if ch not in " \n") == printed
    assert len(read.text.split("\n")) == len(read.source_lines)
    assert set(read.source_lines) <= set(range(1, len(page.split("\n")) + 1))


@pytest.mark.parametrize("section", ["", "   城市"])
def test_a_page_head_spread_over_the_columns_stays_whole_and_dates_the_issue(section: str) -> None:
    # pdftotext -layout sets the paper's name over one column and the date and page over the
    # next: cut at the gutter, the date would come at the head of the last column, between stories
    head = " " * 20 + "东昌日报" + " " * 26 + "2020年2月6日 星期四   A03" + section
    columns = side_by_side([LEFT, RIGHT], width=30, gap=4)
    assert find_gutters(columns.split("\n")) == [33]
    read = read_columns(head + "\n\n" + columns)
    assert read is not None
    lines = read.text.split("\n")
    assert lines[0].split() == ["东昌日报", "2020年2月6日", "星期四", "A03", *section.split()]
    # the blank line under the head is a blank row of both columns
    assert lines[1:] == ["", *LEFT, "", *RIGHT]
    page = parse_page(head + "\n\n" + columns, source="page1.txt")
    assert (page.date, page.date_source) == ("2020-02-06", "masthead")
    assert [a.title for a in page.articles] == [LEFT[0], RIGHT[0]]


def test_a_page_head_with_no_date_spread_over_the_columns_stays_whole_and_names_the_section() -> None:
    head = " " * 20 + "东昌日报" + " " * 26 + "A03   城市"
    page = head + "\n\n" + side_by_side([LEFT, RIGHT], width=30, gap=4)
    read = read_columns(page)
    assert read is not None
    assert read.text.split("\n")[0].split() == ["东昌日报", "A03", "城市"]
    parsed = parse_page(page, source="page1.txt")
    assert parsed.section == "城市"
    assert [a.title for a in parsed.articles] == [LEFT[0], RIGHT[0]]


PARK = [
    "　　本报讯（记者 柳静文）近日，东江市首批十二座口袋公园建成开放，市民在家门口就能赏花休憩。",
    "　　据介绍，这批公园由闲置地块改造而成，总面积三万平方米，种植乔木两千余株，铺设步道四千米。",
    "　　市园林部门负责人表示，明年还将建设二十座口袋公园，让市民出门见绿、移步见景。",
    "　　该负责人说，公园建成后将交由街道管理，并招募志愿者参与日常养护，确保公园整洁有序。",
]
TEA = [
    "　　本报讯（记者 卢晓岚 通讯员 詹丽娟）今年以来，西山村引导农户种植高山茶叶，带动二百户增收。",
    "　　村党支部书记齐建华说，明年将扩大种植面积，建设茶叶加工厂，注册自己的茶叶品牌。",
    "　　据了解，西山村还将举办采茶节，吸引游客前来体验采茶制茶，带动乡村旅游发展。",
]


def under_a_banner(
    headline: str, paragraphs: list[str], *, centred: bool = True
) -> tuple[str, list[str], list[str]]:
    """A story set in two columns of 30 display columns under its headline, centred across both
    (over the gutter) or flush left, as ``pdftotext -layout`` prints a headline over a story's
    columns; and the story's two columns."""
    lines = wrapped("\n".join(paragraphs), 30)
    half = -(-len(lines) // 2)
    left, right = lines[:half], lines[half:]
    banner = " " * (34 - display_width(headline) // 2) * centred + headline
    return banner + "\n\n" + side_by_side([left, right], width=30, gap=4), left, right


def test_a_headline_across_every_gutter_ends_the_columns_above_it() -> None:
    # The columns of the story under the first headline end at the second: the next story's
    # columns start again under it, and neither story's right column runs into the other's.
    park, park_left, park_right = under_a_banner("全市首批口袋公园建成开放", PARK)
    tea, tea_left, tea_right = under_a_banner("西山村发展特色种植", TEA)
    page = park + "\n\n" + tea
    read = read_columns(page)
    assert read is not None
    blank_rows = [""] * (len(park_left) - len(park_right))  # the right column's short foot
    assert read.text.split("\n") == [
        "全市首批口袋公园建成开放",
        "",
        *park_left,
        "",
        "",
        *park_right,
        *blank_rows,
        "",
        "西山村发展特色种植",
        "",
        *tea_left,
        "",
        *tea_right,
    ]
    parsed = parse_page(page)
    assert [(a.title, a.paragraphs) for a in parsed.articles] == [
        ("全市首批口袋公园建成开放", [p.strip().removeprefix("本报讯（记者 柳静文）") for p in PARK]),
        ("西山村发展特色种植", [p.strip().removeprefix("本报讯（记者 卢晓岚 通讯员 詹丽娟）") for p in TEA]),
    ]


def test_a_headline_across_some_of_the_gutters_leaves_the_other_columns_whole() -> None:
    # Three columns: a story down the first, and a headline over the second and third halfway
    # down. The first column's story is read whole; the headline goes where it starts.
    first = wrapped("\n".join(PARK), 30)[:12]
    second = wrapped("\n".join(TEA), 30)[:12]
    third = ["甲乙丙丁戊己庚辛壬癸子丑"[: row + 1] for row in range(12)]
    headline = "东湖街道启用便民服务站 居民就近办理二十项业务"  # from the second column into the third
    rows = side_by_side([first, second, third], width=30, gap=4).split("\n")
    rows[6] = first[6] + " " * (34 - display_width(first[6])) + headline
    read = read_columns("\n".join(row.rstrip() for row in rows))
    assert read is not None
    lines = read.text.split("\n")
    assert lines[:12] == first
    # the second column's story is ten lines long; the headline stands for its seventh, and the
    # third column has no line of that row
    assert lines[12:24] == [*second[:6], headline, *second[7:], "", ""]
    assert lines[24:] == [*third[:6], *third[7:]]


def test_a_short_pages_flush_headlines_across_the_gutter_leave_it_a_page_in_columns() -> None:
    # Two headlines set flush left across the gutter are an eighth of this page's lines: more
    # than a long page's share of lines across a gutter, and still its headlines.
    park, *_ = under_a_banner("全市首批口袋公园建成开放市民家门口赏花", PARK, centred=False)
    tea, *_ = under_a_banner("西山村茶叶丰收二百户农民增收八千元", TEA, centred=False)
    page = park + "\n\n" + tea
    assert find_gutters(page.split("\n")) == [33]
    parsed = parse_page(page)
    assert [a.title for a in parsed.articles] == [
        "全市首批口袋公园建成开放市民家门口赏花",
        "西山村茶叶丰收二百户农民增收八千元",
    ]
    assert parsed.articles[1].paragraphs[0].endswith("带动二百户增收。")


def test_pdftotexts_page_break_before_a_line_takes_no_room_in_it() -> None:
    page = side_by_side([LEFT, RIGHT], width=30, gap=4)
    read = read_columns("\f" + page)
    assert read is not None
    assert read.text.split("\n") == [*LEFT, *RIGHT]


def test_headlines_centred_over_every_story_of_a_page_leave_it_a_page_in_columns() -> None:
    # Four stories, each under a headline centred across the gutter: a sixth of the page's lines
    # print across it, yet they are headlines, set in from the edge and narrower than the page.
    stories = [
        ("全市首批口袋公园建成开放", PARK),
        ("西山村发展特色种植", TEA),
        ("东湖街道启用便民服务站", PARK[:2]),
        ("西山林场开放观鸟步道", TEA[:2]),
    ]
    page = "\n\n".join(under_a_banner(headline, paragraphs)[0] for headline, paragraphs in stories)
    assert find_gutters(page.split("\n")) == [33]
    assert [a.title for a in parse_page(page).articles] == [headline for headline, _ in stories]


def test_a_page_set_in_by_spaces_with_a_price_list_in_it_is_no_page_in_columns() -> None:
    # Every line set four spaces in: the prose lines across the list's gap fill the page, which
    # no headline centred over columns does, so they still say there is no gutter.
    prose = wrapped("\n".join(PARK + TEA), 60)
    rows = [
        f"{item}          每斤{price}元"
        for item, price in zip("白菜 土豆 萝卜 黄瓜 茄子 芹菜 韭菜 菠菜".split(), range(1, 9), strict=True)
    ]
    page = "\n".join("    " + line for line in [*prose[:6], *rows, *prose[6:]])
    assert find_gutters(page.split("\n")) == []
    assert read_columns(page) is None


def test_a_narrow_columns_lines_across_a_price_lists_gap_still_say_there_is_no_gutter() -> None:
    # A page cut at 14 characters with a price list in it: its lines are narrower than the
    # list's rows, but they start at the page's edge, as no headline centred over columns does.
    prose = wrapped("\n".join(PARK), 28)[:12]
    rows = [
        f"{item}                    每斤{price}元，产地西山"
        for item, price in zip("白菜 土豆 萝卜 黄瓜 茄子 芹菜 韭菜 菠菜".split(), range(1, 9), strict=True)
    ]
    page = "\n".join([*prose[:6], *rows, *prose[6:]])
    assert find_gutters(page.split("\n")) == []
    assert read_columns(page) is None


def test_lines_of_one_column_are_no_headline_centred_over_the_page() -> None:
    # Three columns: the second runs on alone for four rows, its full lines right under the
    # page's middle; on another page the first ends alone with a note set in from its edge. Both
    # are their column's lines, not headlines over the columns under them.
    second_alone = [
        wrapped("\n".join(PARK), 30)[:12],
        wrapped("\n".join(TEA + PARK), 30)[:16],
        wrapped("\n".join(TEA), 30)[:8],
    ]
    note_alone = [
        [*wrapped("\n".join(PARK), 30)[:11], "        ——编者"],
        wrapped("\n".join(TEA), 30)[:9],
        wrapped("\n".join(TEA), 30)[:9],
    ]
    for columns in (second_alone, note_alone):
        page = side_by_side(columns, width=30, gap=4)
        assert find_gutters(page.split("\n")) == [33, 67]
        read = read_columns(page)
        assert read is not None
        rows = max(map(len, columns))
        assert [line.strip() for line in read.text.split("\n")] == [
            line.strip() for column in columns for line in column + [""] * (rows - len(column))
        ]


def assert_read_column_by_column(columns: list[list[str]]) -> None:
    """Three columns of 30 display columns side by side, read back one after another."""
    page = side_by_side(columns, width=30, gap=4)
    assert find_gutters(page.split("\n")) == [33, 67]
    read = read_columns(page)
    assert read is not None
    assert [line.strip() for line in read.text.split("\n") if line.strip()] == [
        line.strip() for column in columns for line in column if line.strip()
    ]


def three_columns(paragraphs: list[str]) -> list[list[str]]:
    """The first 18 lines of ``paragraphs`` wrapped at 30 display columns, in three columns of 6."""
    lines = wrapped("\n".join(paragraphs), 30)
    return [lines[:6], lines[6:12], lines[12:18]]


def assert_heads_the_columns_under_it(
    above: list[list[str]], headline_lines: list[str], under: list[list[str]], *, blank_under: bool = True
) -> None:
    """Three columns of 30 display columns, a blank line, the headline block's lines (and a blank
    line under them, where ``blank_under``), three more columns: read back as the columns above,
    the headline block, the columns under it."""
    gap = [""] if blank_under else []
    page = "\n".join(
        [
            side_by_side(above, width=30, gap=4),
            "",
            *headline_lines,
            *gap,
            side_by_side(under, width=30, gap=4),
        ]
    )
    assert find_gutters(page.split("\n")) == [33, 67]
    read = read_columns(page)
    assert read is not None
    printed = [*(line for column in above for line in column), *headline_lines]
    printed += [line for column in under for line in column]
    assert [line.strip() for line in read.text.split("\n") if line.strip()] == [
        line.strip() for line in printed if line.strip()
    ]


def test_a_headline_centred_on_the_page_across_one_of_two_gutters_ends_the_columns_above_it() -> None:
    # Three columns, the third narrower: the page's middle lies left of the middle column's, and
    # a headline centred on it crosses the first gutter only. It still heads the columns under it.
    def columns(paragraphs: list[str]) -> list[list[str]]:
        lines = wrapped("\n".join(paragraphs), 30)
        return [lines[:6], lines[6:12], [line[:10] for line in lines[12:18]]]

    above, under = columns(PARK), columns(TEA + PARK)
    headline = "西山村发展特色种植产业"  # 22 display columns
    page_width = 34 + 34 + max(display_width(line) for line in above[2] + under[2])
    assert_heads_the_columns_under_it(above, [" " * (page_width // 2 - 11) + headline], under)


def test_a_headline_centred_on_the_page_a_few_columns_into_the_middle_column_heads_the_columns_under_it() -> (
    None
):
    # Set in three display columns from the middle column's edge: a column's own lines start at it.
    # 22 display columns, centred on a page of 98
    assert_heads_the_columns_under_it(
        three_columns(PARK + TEA), [" " * 37 + "西山村发展特色种植产业"], three_columns(TEA + PARK)
    )


def test_a_paragraphs_first_line_set_in_by_spaces_alone_in_the_middle_column_stays_in_it() -> None:
    # pdftotext sets a paragraph's indent as spaces. The middle column runs on alone for its last
    # rows, and one of them opens a paragraph, its middle near the page's: it stands among its
    # column's lines, not apart between blank rows as a headline does.
    first = wrapped("\n".join(PARK), 30)[:10]
    second = [*wrapped("\n".join(TEA), 30)[:12], "    村党支部书记齐建华说，明", "年将扩大种植面积。"]
    third = wrapped("\n".join(TEA + PARK), 30)[:10]
    assert_read_column_by_column([first, second, third])


def test_a_headline_as_wide_as_a_column_centred_over_three_columns_heads_them() -> None:
    # 30 display columns, centred on a page of 98: it starts at the middle column's edge, where
    # that column's own lines start, but stands alone between blank rows.
    headline = "西山村发展高山茶叶带动二百户增收"[:15]
    assert display_width(headline) == 30
    assert_heads_the_columns_under_it(
        three_columns(PARK + TEA), [" " * 34 + headline], three_columns(TEA + PARK)
    )


def test_a_headline_as_wide_as_a_column_under_its_kicker_heads_the_columns_too() -> None:
    # Kicker and headline centred on the page, a blank row under them: the headline has the kicker
    # over it instead of a blank row.
    block = [" " * 43 + "东湖街道启用", " " * 34 + "西山村发展高山茶叶带动二百户增"]
    assert_heads_the_columns_under_it(three_columns(PARK + TEA), block, three_columns(TEA + PARK))


@pytest.mark.parametrize(
    "around",
    [("", "full", "text"), ("", "full"), ("text", "full", "", "text")],
    ids=["text-under", "page-ends", "text-over"],
)
def test_a_full_line_of_the_middle_column_alone_by_a_blank_row_stays_in_its_column(
    around: tuple[str, ...],
) -> None:
    # The middle column runs on past the others with a full line of its own, its middle at the
    # page's and nothing beside it, a blank row on one side of it only (text or the page's end on
    # the other). A headline stands between blank rows.
    first = wrapped("\n".join(PARK), 30)[:8]
    more = iter(wrapped("\n".join(PARK), 30)[8:])
    second = [*wrapped("\n".join(TEA), 30)[:8], *(next(more) if row else "" for row in around)]
    third = wrapped("\n".join(TEA + PARK), 30)[:8]
    assert display_width(second[8 + around.index("full")]) == 30
    assert_read_column_by_column([first, second, third])


def test_the_lower_line_of_a_headline_block_centred_over_three_columns_heads_them_too() -> None:
    # Kicker and headline, each centred on the page within the middle column, the columns right
    # under the headline: it has no blank row next to it, but the kicker over it stands apart.
    block = ["东湖街道启用", "便民服务站开门"]  # 12 and 14 display columns
    centred = [" " * (49 - display_width(line) // 2) + line for line in block]
    assert_heads_the_columns_under_it(
        three_columns(PARK + TEA), centred, three_columns(TEA + PARK), blank_under=False
    )


def test_columns_whose_paragraphs_are_set_in_by_spaces_are_read_under_their_headlines() -> None:
    # pdftotext sets a paragraph's indent as spaces: a row that opens a paragraph in the first
    # column starts four columns in and spans the page, its middle near the page's, yet it is two
    # columns' pieces, a gap at the gutter between them.
    def spaced(paragraphs: list[str]) -> list[str]:
        return [paragraph.replace("\u3000\u3000", "    ") for paragraph in paragraphs]

    park, *_ = under_a_banner("全市首批口袋公园建成开放", spaced(PARK))
    tea, *_ = under_a_banner("西山村发展特色种植", spaced(TEA))
    parsed = parse_page(park + "\n\n" + tea)
    assert [(a.title, a.paragraphs) for a in parsed.articles] == [
        ("全市首批口袋公园建成开放", [p.strip().removeprefix("本报讯（记者 柳静文）") for p in PARK]),
        ("西山村发展特色种植", [p.strip().removeprefix("本报讯（记者 卢晓岚 通讯员 詹丽娟）") for p in TEA]),
    ]
