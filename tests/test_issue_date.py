"""The issue date: printed on the page, else named by the file's path, else given by the user,
and only as a last resort read from the stories' datelines; never with a year nobody printed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from liaocheng_tui.cli import cli
from liaocheng_tui.parse import parse_page
from liaocheng_tui.parse.dates import (
    IssueDate,
    MonthDay,
    choose_issue_date,
    dispatch_date,
    dispatch_day,
    english_dates_in_chinese,
    path_date,
    valid_iso,
)
from liaocheng_tui.store import Library

# A story whose dateline gives month and day only, on a page that prints no year anywhere.
NO_YEAR_PAGE = "市里召开会议部署春耕\n本报讯（记者 张三）2月4日上午，市里召开会议，部署春耕生产工作。\n"
# The same story on a page whose text names its year.
YEAR_IN_TEXT_PAGE = (
    "市里召开会议部署春耕\n本报讯（记者 张三）2月4日上午，市里召开会议，部署2020年春耕生产工作。\n"
)
MASTHEAD_PAGE = "东昌日报 2020年2月6日 星期四 第3版\n" + YEAR_IN_TEXT_PAGE


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("2020/02/05/page1.txt", "2020-02-05"),
        ("archive/2020-02-05/page1.txt", "2020-02-05"),
        ("rmrb-20200205-01.txt", "2020-02-05"),
        ("2020年2月5日/第3版.txt", "2020-02-05"),
        ("paper_2020_2_5.txt", "2020-02-05"),
        ("2020.02.05 p3.txt", "2020-02-05"),
        # e-paper sites' folders: a year and month, then the day; a year, then month and day
        ("layout/202002/05/node_01.txt", "2020-02-05"),
        ("lcrb/2020/0205/A03.txt", "2020-02-05"),
        # The date nearest the file name wins over a folder's.
        ("2019-12-31/20200101-01.txt", "2020-01-01"),
        ("2019/rmrb2020020505.txt", "2020-02-05"),
        # an e-paper's PDF named by the paper's code, the date and the page
        ("rmrb2020020505.txt", "2020-02-05"),
        ("pdf/lcrb20200205003.txt", "2020-02-05"),  # a code of hex letters, three page digits
        ("gmrb2020020501.pdf.txt", "2020-02-05"),
    ],
)
def test_path_dates_in_the_usual_forms(path: str, expected: str) -> None:
    assert path_date(path) == expected


@pytest.mark.parametrize(
    "path",
    [
        "001_1b9743f1e9e56b57.txt",  # a content hash
        "scan_120200205.txt",  # a longer number
        "2020/13/05/page.txt",  # no 13th month
        "2021-02-29.txt",  # not a leap year
        "2020/page3.txt",  # a year alone is no date
        "layout/202013/05/node.txt",  # no 13th month
        "lcrb/2020/020533/A03.txt",  # a longer number
        "2020020505.txt",  # no paper's code: a number
        "rmrb202002050512.txt",  # four digits after the date
        "001_ab2020020505ef.txt",  # a hash that runs on in letters
        "x2020020505.txt",  # one letter is no paper's code
    ],
)
def test_what_is_not_a_path_date(path: str) -> None:
    assert path_date(path) is None


@pytest.mark.parametrize(
    ("masthead", "expected"),
    [
        ("东江日报 Nov. 20, 2026", "2026-11-20"),
        ("DONGJIANG DAILY FRIDAY, NOVEMBER 20, 2026", "2026-11-20"),
        ("东江日报 20 November 2026 第3版", "2026-11-20"),
        ("Friday, Nov 20, 2026", "2026-11-20"),
        ("DONGJIANG DAILY 2026年11月20日", "2026-11-20"),
    ],
)
def test_a_mastheads_date_in_english_is_the_issue_date(masthead: str, expected: str) -> None:
    page = parse_page(f"{masthead}\n\n东湖夜市今晚开市\n\n本报讯（记者 柳静文）东湖夜市将于今晚正式开市。\n")
    assert (page.date, page.date_source) == (expected, "masthead")
    assert [(a.kicker, a.title) for a in page.articles] == [(None, "东湖夜市今晚开市")]
    assert [d.text for d in page.dropped] == [masthead]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("FRIDAY, NOVEMBER 20, 2026", "2026年11月20日"),
        ("Nov. 20, 2026", "2026年11月20日"),
        ("20 Nov 2026", "2026年11月20日"),
        ("February 30, 2026", "February 30, 2026"),  # no such day
        ("Nov 2026", "Nov 2026"),  # no day
        ("Mayor 20, 2026", "Mayor 20, 2026"),  # a word that opens as a month does
        ("东湖区 2026年11月20日", "东湖区 2026年11月20日"),
    ],
)
def test_english_dates_are_written_as_chinese_ones(text: str, expected: str) -> None:
    assert english_dates_in_chinese(text) == expected


def test_an_english_date_inside_a_sentence_is_no_masthead() -> None:
    page = parse_page("东湖夜市今晚开市\n\n本报讯（记者 柳静文）东湖夜市将于Nov. 20, 2026开市。\n")
    assert page.date is None


def test_a_users_date_must_be_a_real_day() -> None:
    assert valid_iso("2020-02-29") == "2020-02-29"
    assert valid_iso("2021-02-29") is None
    assert valid_iso("2020-2-5") is None
    assert valid_iso("yesterday") is None


def test_the_order_of_trust() -> None:
    masthead = ["某某日报 2020年2月6日 星期四"]
    both = {"path": "2020/02/05/p.txt", "user_date": "2020-02-04", "dateline_dates": ["2020-02-03"]}
    assert choose_issue_date(furniture=masthead, **both) == IssueDate("2020-02-06", "masthead")  # type: ignore[arg-type]
    assert choose_issue_date(furniture=[], **both) == IssueDate("2020-02-05", "path")  # type: ignore[arg-type]
    assert choose_issue_date(
        furniture=[], path="p.txt", user_date="2020-02-04", dateline_dates=["2020-02-03"]
    ) == IssueDate("2020-02-04", "user")
    assert choose_issue_date(
        furniture=[], path="p.txt", user_date=None, dateline_dates=["2020-02-01", "2020-02-03"]
    ) == IssueDate("2020-02-03", "dateline")
    assert choose_issue_date(furniture=[], path=None, user_date=None, dateline_dates=[]) == IssueDate(
        None, None
    )


def test_a_year_nobody_printed_is_never_used() -> None:
    page = parse_page(NO_YEAR_PAGE, source="page1.txt")
    assert (page.date, page.date_source) == (None, None)
    assert [a.date for a in page.articles] == [None]


def test_a_year_in_the_text_dates_the_dateline_as_a_last_resort() -> None:
    page = parse_page(YEAR_IN_TEXT_PAGE, source="page1.txt")
    assert (page.date, page.date_source) == ("2020-02-04", "dateline")


def test_a_year_folder_dates_the_dateline() -> None:
    page = parse_page(NO_YEAR_PAGE, source="page1.txt", path="archive/2020/page1.txt")
    assert (page.date, page.date_source) == ("2020-02-04", "dateline")


def test_the_path_beats_the_dateline_and_the_story_keeps_its_own_day() -> None:
    page = parse_page(YEAR_IN_TEXT_PAGE, source="page1.txt", path="archive/2020-02-05/page1.txt")
    assert (page.date, page.date_source) == ("2020-02-05", "path")
    assert page.articles[0].date == "2020-02-04"


def test_the_masthead_beats_the_path() -> None:
    page = parse_page(MASTHEAD_PAGE, source="page1.txt", path="archive/2020-02-05/page1.txt")
    assert (page.date, page.date_source) == ("2020-02-06", "masthead")


def test_full_width_digits_date_the_issue_and_the_story() -> None:
    # print typesetting and OCR often write ２０２０年２月６日: the same dates as in ASCII digits
    page = parse_page(
        "东昌日报 ２０２０年２月６日 星期四 第３版\n市里召开会议部署春耕\n"
        "本报讯（记者 张三）２月４日上午，市里召开会议，部署２０２０年春耕生产工作。\n",
        source="page1.txt",
    )
    assert (page.date, page.date_source) == ("2020-02-06", "masthead")
    assert page.articles[0].date == "2020-02-04"
    assert page.dropped[0].text == "东昌日报 ２０２０年２月６日 星期四 第３版"  # kept as printed


@pytest.mark.parametrize(
    "masthead",
    [
        "东昌日报 二〇二〇年二月六日 星期四 第3版",
        "东昌日报 2020年2月6日 星期四 庚子年正月十三",
        # the zero as older digital text types it: a white circle, a letter O, 零
        "东昌日报 二○二○年二月六日 星期四 第3版",
        "东昌日报 二O二O年二月六日 星期四 第3版",
        "东昌日报 二Ｏ二Ｏ年二月六日 星期四",
        "东昌日报 二零二零年二月六日 星期四",
    ],
)
def test_a_masthead_in_chinese_numerals_or_with_a_lunar_date_dates_the_issue(masthead: str) -> None:
    page = parse_page(masthead + "\n" + YEAR_IN_TEXT_PAGE, source="page1.txt")
    assert (page.date, page.date_source) == ("2020-02-06", "masthead")
    assert page.dropped[0].text == masthead


@pytest.mark.parametrize(
    "masthead",
    ["东昌日报 2020 年 2 月 6 日 星期四 第3版", "2020 年 2 月 6 日 星期四", "东昌日报 2020年 2月 6日"],
)
def test_a_masthead_whose_date_pdf_extraction_spaced_out_dates_the_issue(masthead: str) -> None:
    # digits in another font come out of a PDF set apart from 年 月 日
    page = parse_page(masthead + "\n" + YEAR_IN_TEXT_PAGE, source="page1.txt")
    assert (page.date, page.date_source) == ("2020-02-06", "masthead")
    assert page.dropped[0].text == masthead


@pytest.mark.parametrize("masthead", ["东昌日报 20200206 第3版", "20200206 星期四 A03版"])
def test_a_masthead_date_in_eight_figures_beside_a_page_or_weekday_dates_the_issue(masthead: str) -> None:
    page = parse_page(masthead + "\n" + YEAR_IN_TEXT_PAGE, source="page1.txt")
    assert (page.date, page.date_source) == ("2020-02-06", "masthead")


@pytest.mark.parametrize(
    "line", ["责任编辑：张三 电话：20200206", "东昌日报 2020020612 第3版", "东昌日报 20201306 第3版"]
)
def test_eight_figures_alone_or_no_day_date_nothing(line: str) -> None:
    # a number in furniture with nothing of a page beside it, a longer number, a thirteenth month
    page = parse_page(line + "\n" + YEAR_IN_TEXT_PAGE, source="page1.txt")
    assert (page.date, page.date_source) == ("2020-02-04", "dateline")


@pytest.mark.parametrize("date", ["二〇二〇年十十月六日", "二〇二〇年二月十一十日", "二〇二〇年十三月六日"])
def test_a_masthead_date_in_chinese_numerals_that_is_no_day_gives_none(date: str) -> None:
    page = parse_page(f"东昌日报 {date} 星期四 第3版\n" + YEAR_IN_TEXT_PAGE, source="page1.txt")
    assert (page.date, page.date_source) == ("2020-02-04", "dateline")  # the dateline, as a last resort


def test_a_taiwan_masthead_in_years_of_the_republic_dates_the_issue() -> None:
    page = parse_page(
        "東昌日報 中華民國109年2月6日 星期四\n市裡召開會議部署春耕\n"
        "本報訊（記者 張三）2月4日上午，市裡召開會議，部署2020年春耕生產工作。\n",
        source="page1.txt",
    )
    assert (page.date, page.date_source) == ("2020-02-06", "masthead")  # 1911 + 109
    assert page.dropped[0].text == "東昌日報 中華民國109年2月6日 星期四"
    assert page.articles[0].title == "市裡召開會議部署春耕"


@pytest.mark.parametrize(
    ("masthead", "date"),
    [
        ("申報 中華民國二十五年十二月四日 星期五 第三張", "1936-12-04"),  # 1911 + 25, in Chinese numerals
        ("大公报 民国元年一月一日", "1912-01-01"),  # the Republic's first year
        ("大公报 民国三十八年四月二十三日", "1949-04-23"),
    ],
)
def test_a_masthead_of_the_1930s_in_years_of_the_republic_dates_the_issue(masthead: str, date: str) -> None:
    page = parse_page(
        f"{masthead}\n市裡召開會議部署春耕\n本報訊 昨日上午，市裡召開會議，部署春耕生產工作。\n"
    )
    assert (page.date, page.date_source) == (date, "masthead")
    assert [a.title for a in page.articles] == ["市裡召開會議部署春耕"]


def test_a_year_of_the_republic_that_is_no_number_dates_nothing() -> None:
    page = parse_page("大公报 民国十十年一月一日\n市裡召開會議部署春耕\n本報訊 昨日上午，市裡召開會議。\n")
    assert page.date is None


def test_the_users_date_dates_a_page_without_one() -> None:
    page = parse_page(NO_YEAR_PAGE, source="page1.txt", issue_date="2021-03-04")
    assert (page.date, page.date_source) == ("2021-03-04", "user")
    # The story's own dateline has no year of its own, so it takes the issue's date.
    assert page.articles[0].date == "2021-03-04"


def test_a_dateline_after_the_issue_date_is_not_believed() -> None:
    late = "某某日报 2020年2月1日 星期六\n" + YEAR_IN_TEXT_PAGE  # the story says 2月4日
    page = parse_page(late, source="page1.txt")
    assert page.date == "2020-02-01"
    assert page.articles[0].date == "2020-02-01"


def test_parse_json_says_where_the_date_came_from(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The paths are given as a user types them, from the folder that holds them: a year in the
    # folders above is the path's too (pytest's own, pytest-1911, once dated the undated page).
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "2020-02-05"
    folder.mkdir()
    (folder / "page1.txt").write_text(YEAR_IN_TEXT_PAGE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["parse", "2020-02-05/page1.txt", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["date"], data["date_source"]) == ("2020-02-05", "path")

    (tmp_path / "page2.txt").write_text(NO_YEAR_PAGE, encoding="utf-8")
    data = json.loads(CliRunner().invoke(cli, ["parse", "page2.txt", "--json"]).stdout)
    assert (data["date"], data["date_source"]) == (None, None)


def test_build_date_dates_pages_that_give_none(tmp_path: Path) -> None:
    page_file = tmp_path / "page1.txt"
    page_file.write_text(NO_YEAR_PAGE, encoding="utf-8")
    db = tmp_path / "library.db"
    result = CliRunner().invoke(cli, ["build", str(page_file), "--db", str(db), "--date", "2021-03-04"])
    assert result.exit_code == 0, result.output
    with Library(db) as library:
        assert [date for date, _ in library.stats().by_date] == ["2021-03-04"]


@pytest.mark.parametrize("value", ["2021/03/04x", "soon", "2021-3-4", "20210304"])
def test_build_refuses_a_date_that_is_no_day(tmp_path: Path, value: str) -> None:
    page_file = tmp_path / "page1.txt"
    page_file.write_text(NO_YEAR_PAGE, encoding="utf-8")
    db = tmp_path / "library.db"
    result = CliRunner().invoke(cli, ["build", str(page_file), "--db", str(db), "--date", value])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.stderr
    assert "Traceback" not in result.output
    assert not db.exists()


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("2026-02-30", "2026-02-30: no such day (2026-02 has no day 30)"),
        ("2021-02-29", "2021-02-29: no such day (2021-02 has no day 29)"),  # not a leap year
        ("2026-04-31", "2026-04-31: no such day (2026-04 has no day 31)"),
        ("2026-02-00", "2026-02-00: no such day (2026-02 has no day 0)"),
        ("2026-13-01", "2026-13-01: no such day (there is no month 13)"),
        ("2026-00-10", "2026-00-10: no such day (there is no month 0)"),
        ("1850-02-03", "1850-02-03: out of range (years 1900 to 2099 only)"),
    ],
)
@pytest.mark.parametrize("command", ["build", "parse"])
def test_a_well_formed_date_that_does_not_exist_is_said_so(
    tmp_path: Path, value: str, reason: str, command: str
) -> None:
    # Before: "'2026-02-30' is not a date of the form YYYY-MM-DD", which it is.
    page_file = tmp_path / "page1.txt"
    page_file.write_text(NO_YEAR_PAGE, encoding="utf-8")
    db = tmp_path / "library.db"
    args = ["build", str(page_file), "--db", str(db)] if command == "build" else ["parse", str(page_file)]
    result = CliRunner().invoke(cli, [*args, "--date", value])
    assert result.exit_code == 2
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()  # one line, then the pointer to --help
    assert line.startswith(f"liaocheng-tui: error: Invalid value for '--date': {reason} (see '"), line
    assert not db.exists()


def test_a_leap_day_is_a_day(tmp_path: Path) -> None:
    page_file = tmp_path / "page1.txt"
    page_file.write_text(NO_YEAR_PAGE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["parse", str(page_file), "--json", "--date", "2024-02-29"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["date"], data["date_source"]) == ("2024-02-29", "user")


def test_a_dateline_with_its_year_and_one_without_on_the_same_day_do_not_crash() -> None:
    # MonthDay(2, 14, 2019) against MonthDay(2, 14, None): ordering them by year raised TypeError.
    page = parse_page("某地召开会议\n\n本报北京2019年2月14日电 会议召开。\n\n2月14日，另一场会议召开。")
    assert page.articles[0].date == "2019-02-14"


def test_a_known_issue_date_gives_a_dateline_its_year() -> None:
    # The text names only last year (2018年), which used to date the story a year early.
    page = parse_page(
        "外贸实现开门红\n新华社北京2月14日电 1月进出口总值比2018年同期增长。\n",
        source="page1.txt",
        path="archive/2019-02-15/page1.txt",
    )
    assert page.date == "2019-02-15"
    assert page.articles[0].date == "2019-02-14"


def test_a_december_dateline_in_a_january_issue_is_last_year() -> None:
    page = parse_page(
        "新年前夜的坚守\n本报北京12月31日电 （记者 张三）夜色中，工人们仍在忙碌。\n", path="20200102-01.txt"
    )
    assert page.articles[0].date == "2019-12-31"


def test_a_day_alone_is_read_in_the_issues_month_or_the_one_before() -> None:
    text = "春耕会议召开\n28日上午，市里召开会议，部署春耕生产工作。\n"
    assert parse_page(text, path="2020-03-01/page1.txt").articles[0].date == "2020-02-28"
    assert parse_page(text, path="2020-03-30/page1.txt").articles[0].date == "2020-03-28"


def test_a_date_from_the_storys_history_is_not_its_date() -> None:
    # A date at the start of a sentence that is years before the issue is history the story tells.
    page = parse_page(
        "牢记嘱托加油干\n2013年3月9日，总书记来到代表团参加审议。\n如今，这里变了模样。\n",
        path="2019-02-15/01.txt",
    )
    assert page.articles[0].date == "2019-02-15"


@pytest.mark.parametrize(
    ("dateline", "day"),
    [
        ("新华社北京19日电", 19),
        ("新华社北京十九日电", 19),
        ("新华社一日讯", 1),  # the 1950s' 讯
        ("本报武汉三十日电 本报记者王石报道", 30),
        ("新华社北京12月3日电", None),  # a month too: dispatch_date reads it
        ("据新华社讯", None),
        ("本报讯（记者 王海涛）", None),
    ],
)
def test_a_wire_datelines_day_alone(dateline: str, day: int | None) -> None:
    assert dispatch_day(dateline) == day


def test_a_wire_dateline_in_chinese_numerals_or_with_xun_gives_month_and_day() -> None:
    assert (dispatch_date("新华社北京十二月三日电"), dispatch_date("本报十一月二十日讯")) == (
        MonthDay(12, 3),
        MonthDay(11, 20),
    )


OLD_MASTHEAD_PAGE = """\
人民日报 一九七五年十月一日 星期三 第一版

全国农业学大寨会议胜利闭幕
　　新华社北京三十日电　全国农业学大寨会议今天在北京胜利闭幕。会议号召全国各级党委，为普及大寨县而奋斗。

我国又一座大型化肥厂建成投产
　　新华社南京二十八日电　我国自行设计、自行制造设备的又一座大型化肥厂，最近在江苏建成投产。

各地积极开展冬季农田水利建设
　　据新华社讯　入冬以来，各地广大贫下中农掀起了冬季农田水利基本建设的新高潮。
"""


def test_a_wire_datelines_day_alone_dates_its_story_in_the_issues_month_or_the_one_before() -> None:
    page = parse_page(OLD_MASTHEAD_PAGE, source="page1.txt")
    assert (page.date, page.date_source) == ("1975-10-01", "masthead")
    # 三十日 in an issue of October 1st was filed on September 30th; a dateline with no day, the issue's
    assert [a.date for a in page.articles] == ["1975-09-30", "1975-09-28", "1975-10-01"]


@pytest.mark.parametrize(
    "date_line",
    [
        "2020年2月6日星期四",  # the weekday set right after the date, as many page heads print it
        "2020年2月6日（星期四）",
        "2020年2月6日(星期四)",
        "东昌日报 2020年2月6日（星期四） 第3版",
        "二〇二〇年二月六日星期四",
        "东昌日报2020年2月6日星期四",  # a PDF's text that lost the spaces of the page head
        "东昌日报 | 2020年2月6日 | 星期四",  # an e-paper site's bars between the parts
        "东昌日报｜2020年2月6日｜第3版",
    ],
)
def test_a_page_head_run_together_dates_the_issue(date_line: str) -> None:
    page = parse_page(date_line + "\n" + YEAR_IN_TEXT_PAGE, source="page1.txt")
    assert (page.date, page.date_source) == ("2020-02-06", "masthead")
    assert page.dropped[0].text == date_line
    assert [(a.kicker, a.title) for a in page.articles] == [(None, "市里召开会议部署春耕")]
