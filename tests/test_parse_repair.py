"""Whole-page repairs before parsing: HTML entities from a web scrape, OCR letter spacing."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from liaocheng_tui.parse import parse_page
from liaocheng_tui.parse.chars import WIDE_CLASS
from liaocheng_tui.parse.furniture import link_references
from liaocheng_tui.parse.models import Article, Page
from liaocheng_tui.parse.normalize import split_lines
from liaocheng_tui.parse.page import label_page
from liaocheng_tui.parse.repair import (
    close_letter_spacing,
    decode_entities,
    join_vertical_runs,
    letter_spaced,
    lost_characters,
    repair_page,
    restore_byline_box,
    restore_subtitle_dashes,
    set_reporters_apart,
    strip_edge_rules,
    strip_tags,
    table_text,
    unify_radicals,
    unlink_markdown,
    unnumber_link,
)

_WIDE_RE = re.compile(f"[{WIDE_CLASS}]")


def _letter_spaced(line: str) -> str:
    """``line`` as OCR that spaces Chinese out writes it: a space after every Chinese character or
    mark and inside numbers; Latin words and the indent stay whole."""
    body = line.lstrip()
    out: list[str] = []
    for here, after in zip(body, body[1:] + " ", strict=False):
        out.append(here)
        wide = _WIDE_RE.match(here) or _WIDE_RE.match(after)
        if after != " " and here != " " and (wide or (here.isdigit() and after.isdigit())):
            out.append(" ")
    return line[: len(line) - len(body)] + "".join(out)


def _heads(article: Article) -> tuple[str, ...]:
    # Up to spaces: a single space of the page's own cannot be told from the letter spacing. So
    # bylines are left out: 通讯员 解斌 孙自强 and (郝学兰 中共东阿县委书记) close up into one word.
    fields = (article.kicker, article.title, article.subtitle)
    return tuple((value or "").replace(" ", "") for value in fields)


def test_html_entities_are_decoded() -> None:
    assert (
        decode_entities("&nbsp;&nbsp;他说：&ldquo;好&rdquo;&#12288;&#x4e2d;") == "\xa0\xa0他说：“好”\u3000中"
    )
    # an encoded line break would add a line: it becomes a space
    assert decode_entities("上一句&#10;下一句") == "上一句 下一句"
    # an & that starts no known reference is text
    assert decode_entities("AT&T 与 &unknown; 及 R&D") == "AT&T 与 &unknown; 及 R&D"


def test_letter_spacing_is_closed_and_the_pages_own_gaps_stay() -> None:
    line = "\u3000\u3000本 报 讯 （ 记 者   张 三 ） 2 0 2 6 年 4 月 7 日 ， Windows 11 发 布"
    assert close_letter_spacing(line) == "\u3000\u3000本报讯（记者   张三）2026年4月7日，Windows 11发布"


@pytest.mark.parametrize(
    ("line", "apart"),
    [
        # OCR that sets no space between role and name (PaddleOCR), or one as wide as the letters'
        # that closing the spacing took out
        ("本报记者孙丽", "本报记者 孙丽"),
        ("■记者孙丽通讯员王明", "■ 记者 孙丽 通讯员 王明"),
        ("□记者孙丽报道", "□ 记者 孙丽 报道"),
        ("　　本报记者赵刚摄", "　　本报记者 赵刚 摄"),
        # a role before no one's name is a headline's word (节到了 opens with no surname), and a
        # name with a verb run into it is a sentence's (孙丽介绍)
        ("记者节到了", "记者节到了"),
        ("记者孙丽介绍", "记者孙丽介绍"),
        # a lead, a paragraph's line, a line already apart, a long line: as they are
        ("本报讯（记者周婷）5月11日晚，夜市开市", "本报讯（记者周婷）5月11日晚，夜市开市"),
        ("记者从市住建局获悉，今年我市计划在", "记者从市住建局获悉，今年我市计划在"),
        ("本报记者 孙丽", "本报记者 孙丽"),
        ("记者孙丽" + "，" * 30, "记者孙丽" + "，" * 30),
    ],
)
def test_a_reporters_name_run_into_its_role_is_set_apart(line: str, apart: str) -> None:
    assert set_reporters_apart(line) == apart


_SOLID_PAGE = [
    "东湖夜市今晚开市",
    "本报讯（记者周婷）5月11日晚，东湖夜市正式开市，200余个摊位集中亮相，吸引了大批市民前来消费。",
    "据介绍，东湖夜市将持续到10月底，每天18时至23时营业。",
    "老旧小区加装电梯",
    "本报记者孙丽",
    "记者从市住建局获悉，今年我市计划在老旧小区加装电梯120部，目前已完成56部。",
    "市博物馆延长开放时间",
    "本报讯 即日起至8月31日，市博物馆每周六开放至晚上8点，方便市民夜间参观。",
]


def test_a_page_ocr_spaced_with_one_space_everywhere_keeps_its_reporters_line() -> None:
    # Every character a space apart, the role and the name too, each block wrapped at 16
    # characters with a blank line after it, as OCR gives a page: the reporter's line came out
    # as 本报记者孙丽, no byline, and its story ran on in the one above.
    lines: list[str] = []
    for block in _SOLID_PAGE:
        lines += [" ".join(block[start : start + 16]) for start in range(0, len(block), 16)]
        lines.append("")
    articles = parse_page("\n".join(lines)).articles
    assert [a.title for a in articles] == ["东湖夜市今晚开市", "老旧小区加装电梯", "市博物馆延长开放时间"]
    assert articles[1].byline == "本报记者 孙丽"
    assert articles[1].authors == ["孙丽"]


def test_a_page_is_letter_spaced_only_when_most_of_its_chinese_is() -> None:
    solid = "今年以来，我市把老旧小区改造作为重点民生工程，全年计划改造小区六十个。"
    assert letter_spaced([_letter_spaced(solid)])
    # letter-spaced headlines over solid paragraphs: the page's own typesetting
    assert not letter_spaced(["春 耕 时 节 访 农 家", solid, "夜 间 经 济", solid])
    assert not letter_spaced(["春 耕 时 节"])  # too short to tell


def test_a_page_that_needs_no_repair_is_returned_as_it_is() -> None:
    page = "标题\r\n\u3000\u3000正文 第一段。\r\n"
    assert repair_page(page) is page


def test_a_seed_page_spaced_out_by_ocr_parses_to_the_same_articles(seed_paths: list[Path]) -> None:
    for path in seed_paths:
        text = path.read_text(encoding="utf-8")
        spaced = "\n".join(_letter_spaced(line) for line in split_lines(text))
        assert spaced.count(" ") > len(text) // 3  # the copy really is spaced out
        expected = [_heads(article) for article in parse_page(text).articles]
        assert [_heads(article) for article in parse_page(spaced).articles] == expected, path.name


@pytest.mark.parametrize("entity", ["&#12288;", "&#x3000;"])
def test_a_seed_page_with_entities_for_its_indents_parses_to_the_same_articles(
    seed_paths: list[Path], entity: str
) -> None:
    for path in seed_paths:
        text = path.read_text(encoding="utf-8")
        scraped = (
            text.replace("\u3000", entity)
            .replace("“", "&ldquo;")
            .replace("”", "&rdquo;")
            .replace('"', "&quot;")
        )
        assert "&" in scraped
        assert parse_page(scraped).to_json() == parse_page(text).to_json(), path.name


def test_a_vertical_headline_is_put_back_on_one_line_above_what_follows_it() -> None:
    lines = [
        "　　上一篇的正文。",
        "",
        "春",
        "",
        "耕",
        "正",
        "忙",
        "本报讯（记者 张三）4月7日，全市春耕全面展开。",
    ]
    assert join_vertical_runs(lines) == [
        "　　上一篇的正文。",
        "",
        "",
        "",
        "",
        "",
        "春耕正忙",
        "本报讯（记者 张三）4月7日，全市春耕全面展开。",
    ]
    # or cut in pieces of one or two characters, three of them at least
    assert join_vertical_runs(["上文。", "春耕", "时节", "忙", "正文。"]) == [
        "上文。",
        "",
        "",
        "春耕时节忙",
        "正文。",
    ]
    # one such line alone, two two-character lines, a page number and a lone mark are none
    for alone in (["正文的一行", "会", "下一行"], ["春耕", "时节", "正文。"], ["3", "4"], ["。", "”"]):
        assert join_vertical_runs(alone) == alone


def test_a_seed_page_with_its_short_headlines_set_vertically_parses_to_the_same_articles(
    seed_paths: list[Path],
) -> None:
    tried = 0
    for path in seed_paths:
        text = path.read_text(encoding="utf-8")
        page = parse_page(text)
        lines = split_lines(text)
        # the headline lines of up to ten characters, one character to a line
        short = {
            at
            for at, (line, role) in enumerate(zip(lines, label_page(lines), strict=True))
            if role == "title" and 2 <= len(line.strip()) <= 10 and " " not in line.strip()
        }
        if not short:
            continue
        tried += 1
        vertical = [
            ch for at, line in enumerate(lines) for ch in (list(line.strip()) if at in short else [line])
        ]
        expected = [_heads(article) for article in page.articles]
        assert [_heads(article) for article in parse_page("\n".join(vertical)).articles] == expected, (
            path.name
        )
    assert tried >= 2  # pages with short headlines to set vertically


def test_html_tags_are_removed_and_text_that_only_looks_like_one_stays() -> None:
    assert strip_tags("<p>\u3000\u3000正文<br/>第二句</p>") == "\u3000\u3000正文 第二句"
    assert strip_tags('<h2 class="title">标题</h2>') == "标题"
    assert strip_tags("增幅<5%，见<<书名>>") == "增幅<5%，见<<书名>>"
    # a table's cells stay apart by a bar and its rows by a semicolon, which no closing of the
    # spaces between Chinese characters runs together
    assert strip_tags(
        "<table><tr><td>产业</td><td>产值</td></tr><tr><td>化工</td><td>800</td></tr></table>"
    ) == ("产业 | 产值；化工 | 800")
    # a cell alone is no table's row: the end of a cell is a space
    assert strip_tags("<td>产业</td>") == "产业 "
    # a page that names a tag or two is text about markup, not markup
    page = "网页用<p>标出段落，<br>换行。"
    assert repair_page(page) is page


def test_a_tables_caption_and_note_on_its_line_are_pieces_of_their_own() -> None:
    line = "\u3000\u3000表1 各公园面积<table><tr><th>公园</th><th>面积</th></tr><tr><td>东湖</td><td></td></tr></table>（单位：平方米）"
    assert table_text(line) == "\u3000\u3000表1 各公园面积；公园 | 面积；东湖；（单位：平方米）"


def test_a_converters_table_on_one_line_is_the_text_of_the_story_above() -> None:
    # MinerU writes a printed table as HTML on one line: its cells, with spaces between them,
    # read as the next story's kicker.
    page = parse_page(
        "## 东湖公园新添十座凉亭\n\n"
        "本报讯（记者 柏小雨）东湖公园近日新添十座凉亭，供游人歇脚。\n\n"
        "<table><tr><td>公园</td><td>凉亭</td></tr><tr><td>东湖</td><td>10座</td></tr></table>\n\n"
        "## 西山林场开放观鸟步道\n\n"
        "本报讯（记者 詹敏）西山林场观鸟步道昨日开放。\n"
    )
    assert [(article.kicker, article.title) for article in page.articles] == [
        (None, "东湖公园新添十座凉亭"),
        (None, "西山林场开放观鸟步道"),
    ]
    assert page.articles[0].paragraphs[-1] == "公园 | 凉亭；东湖 | 10座"


def test_markdown_links_are_written_as_their_text_and_pictures_stay() -> None:
    assert (
        unlink_markdown("[首页](https://www.example.com/) > [本地新闻](/local/) > 正文")
        == "首页 > 本地新闻 > 正文"
    )
    assert unlink_markdown("详见[通知全文](http://x.cn/a.html)。") == "详见通知全文。"
    # a picture's link is the furniture rules' to drop; brackets without an address are text
    assert unlink_markdown("![图](https://img.example.com/a.jpg)") == "![图](https://img.example.com/a.jpg)"
    assert unlink_markdown("见文献[1](第3页)") == "见文献[1](第3页)"
    page = "参见[1]和[2]（均为内部资料）。"
    assert repair_page(page) is page


def test_a_seed_page_with_markdown_links_in_it_parses_as_the_page_itself(seed_paths: list[Path]) -> None:
    for path in seed_paths:
        text = path.read_text(encoding="utf-8")
        lines = split_lines(text)
        # a site links its headlines and short lines
        linked = [
            f"[{line}](https://example.com/{number}.html)"
            if 0 < len(line) <= 40 and "[" not in line
            else line
            for number, line in enumerate(lines)
        ]
        assert linked != lines
        assert parse_page("\n".join(linked)).to_json() == parse_page(text).to_json(), path.name


def test_a_seed_page_in_html_markup_parses_as_the_page_itself(seed_paths: list[Path]) -> None:
    for path in seed_paths:
        text = path.read_text(encoding="utf-8")
        tagged = "\n".join(f"<p>{line}</p>" if line.strip() else line for line in split_lines(text))
        assert parse_page(tagged).to_json() == parse_page(text).to_json(), path.name


def test_radicals_and_compatibility_ideographs_are_written_as_the_characters_they_stand_for() -> None:
    # ⼈ ⽇ ⽉: Kangxi radicals; ⺠ ⻢ ⻓ ⻛: simplified radicals; U+F90A: a compatibility 金
    assert unify_radicals("⼈⺠⽇报 6⽉19⽇ 本报记者 ⻢⻓⻛ \uf90a") == "人民日报 6月19日 本报记者 马长风 金"
    assert unify_radicals("⺀ 偏旁⺈") == "⺀ 偏旁⺈"  # radicals that are no character of their own stay


def test_a_seed_page_extracted_with_radicals_parses_as_the_page_itself(seed_paths: list[Path]) -> None:
    # What some PDFs give: every character that is also a Kangxi radical written as the radical.
    as_radical = {unicodedata.normalize("NFKC", chr(point)): chr(point) for point in range(0x2F00, 0x2FD6)}
    as_radical |= {"民": "⺠", "长": "⻓", "门": "⻔", "风": "⻛", "马": "⻢", "车": "⻋", "见": "⻅"}
    table = str.maketrans(as_radical)
    for path in seed_paths:
        text = path.read_text(encoding="utf-8")
        extracted = text.translate(table)
        assert sum(a != b for a, b in zip(text, extracted, strict=True)) > 100  # many characters differ
        assert parse_page(extracted).to_json() == parse_page(text).to_json(), path.name


def test_a_column_rule_read_at_a_lines_start_or_end_is_removed() -> None:
    assert strip_edge_rules("|今年以来，全市") == "今年以来，全市"
    assert strip_edge_rules("| \u3000\u3000今年以来") == "\u3000\u3000今年以来"  # the indent stays
    assert strip_edge_rules("\u3000\u3000丨今年以来") == "\u3000\u3000今年以来"
    assert strip_edge_rules("推动工作落实。 |") == "推动工作落实。"
    assert strip_edge_rules("推动工作落实。丨") == "推动工作落实。"
    # inside a line a bar is the page's own (a byline's, a web title's); alone, a stray mark
    assert strip_edge_rules("记者｜张三") == "记者｜张三"
    assert strip_edge_rules("专题丨春耕时节") == "专题丨春耕时节"
    assert strip_edge_rules("|") == "|"


@pytest.mark.parametrize("where", ["start", "end"])
def test_a_seed_page_with_a_column_rule_beside_its_lines_parses_as_the_page_itself(
    seed_paths: list[Path], where: str
) -> None:
    for path in seed_paths:
        text = path.read_text(encoding="utf-8")
        lines = split_lines(text)
        ruled = [
            line if not line.strip() or number % 3 else ("|" + line if where == "start" else line + " 丨")
            for number, line in enumerate(lines)
        ]
        assert ruled != lines
        repaired = parse_page("\n".join(ruled))
        assert _without_ocr_marks(repaired) == parse_page(text).to_json(), path.name
        # 丨 is a Han character, kept where the repair took it; a half-width | is none
        ruled_lines = [number + 1 for number, line in enumerate(lines) if line.strip() and not number % 3]
        expected = [] if where == "start" else [("丨", number) for number in ruled_lines]
        assert sorted((d.text, d.line) for d in repaired.dropped if d.reason == "ocr-mark") == expected


def test_a_bylines_mark_ocr_read_as_a_character_is_written_back() -> None:
    assert restore_byline_box("口记者 王丽 通讯员 张强 报道") == "□记者 王丽 通讯员 张强 报道"
    assert restore_byline_box("\u3000\u3000囗本报记者 王丽") == "\u3000\u3000□本报记者 王丽"
    assert restore_byline_box("口孙伟 付研 报道") == "□孙伟 付研 报道"  # names alone, with a trailer
    assert restore_byline_box("口 李建华") == "□ 李建华"
    # the character itself: no byline follows it, or what follows names no one
    assert restore_byline_box("口岸经济持续向好") == "口岸经济持续向好"
    assert restore_byline_box("口述 张三") == "口述 张三"
    assert restore_byline_box("口不择言 报道") == "口不择言 报道"
    assert restore_byline_box("人口记者 王丽") == "人口记者 王丽"


def test_seed_pages_whose_byline_marks_ocr_read_as_characters_parse_as_the_pages_themselves(
    seed_paths: list[Path],
) -> None:
    marked = [path for path in seed_paths if "□" in path.read_text(encoding="utf-8")]
    assert len(marked) == 2
    for path in marked:
        text = path.read_text(encoding="utf-8")
        for lookalike in "口囗":
            repaired = parse_page(text.replace("□", lookalike))
            assert _without_ocr_marks(repaired) == parse_page(text).to_json(), path.name
            assert {d.text for d in repaired.dropped if d.reason == "ocr-mark"} == {lookalike}


def test_a_subtitles_dash_ocr_read_as_two_strokes_is_written_back() -> None:
    headline = "让老街巷留住烟火气"
    assert restore_subtitle_dashes([headline, "一一访东昌府区住建局局长王明", "本报记者 张晓燕"]) == [
        headline,
        "——访东昌府区住建局局长王明",
        "本报记者 张晓燕",
    ]
    assert restore_subtitle_dashes([headline, "", "　　一—记城区的修鞋匠"]) == [
        headline,
        "",
        "　　——记城区的修鞋匠",
    ]
    # a paragraph opening with 一一, under a headline or under a finished sentence, is left
    kept = [headline, "　　一一核实后，工作人员将结果反馈给居民。"]
    assert restore_subtitle_dashes(kept) == kept
    kept = ["　　市里召开会议，部署春耕工作。", "一一访东昌府区住建局局长王明"]
    assert restore_subtitle_dashes(kept) == kept
    # a hard wrap's pieces are as wide as the page's lines: one may open with 一一 inside a paragraph
    paragraph = (
        "入冬以来，城区多个商圈的新店陆续开业，老店也忙着换上新装，不少商户推出了年货礼包和优惠"
        "活动。据介绍，城区商圈的新店将在春节前后陆续开门迎客，各类特色商品与年货将在节日前"
        "一一亮相，让城乡居民买到称心如意的节日好货，年货供应充足。"
    )
    kept = [paragraph[start : start + 14] for start in range(0, len(paragraph), 14)]
    assert any(piece.startswith("一一") for piece in kept) and len(kept) >= 8
    assert restore_subtitle_dashes(kept) == kept


def test_an_interview_whose_subtitle_dash_ocr_misread_keeps_its_headline() -> None:
    page = parse_page(
        "让老街巷留住烟火气\n一一访东昌府区住建局局长王明\n本报记者 张晓燕\n\n"
        "　　老旧街区改造如何既改善居住条件，又留住城市记忆？近日，记者专访了东昌府区住建局局长王明。\n"
        "记者：今年老旧街区改造有哪些新变化？\n王明：我们坚持“留改拆”并举，尽量保留原有的街巷肌理。\n"
    )
    (article,) = page.articles
    assert (article.title, article.subtitle) == ("让老街巷留住烟火气", "——访东昌府区住建局局长王明")
    # set without punctuation, where the ends of lines say nothing, the page is left as it is
    assert (
        repair_page("让老街巷留住烟火气\n一一访东昌府区住建局局长王明")
        == "让老街巷留住烟火气\n一一访东昌府区住建局局长王明"
    )


@pytest.mark.parametrize(
    ("page_text", "misread"),
    [
        ("聊城新闻\n　　本报讯 今天多云。丨\n", [("丨", 2)]),  # a column rule at a line's end
        ("0丨", [("丨", 1)]),
        (
            "市住建局推进老旧小区改造\n一一访东昌府区住建局局长\n　　本报讯 今天多云。\n",
            [("一一", 2)],
        ),  # a dash
        ("口记者 王丽 报道\n", [("口", 1)]),  # a byline's box
        ("聊城新闻\n　　本报讯 今天多云。\n", []),  # nothing repaired
    ],
)
def test_what_ocr_misread_and_the_repair_read_back_is_kept_as_dropped(
    page_text: str, misread: list[tuple[str, int]]
) -> None:
    page = parse_page(page_text)
    assert [(d.text, d.line) for d in page.dropped if d.reason == "ocr-mark"] == misread


def test_a_vertical_headline_put_on_one_line_loses_no_character() -> None:
    assert (
        lost_characters("聊\n城\n新\n闻\n　　本报讯 今天多云。", "\n\n\n聊城新闻\n　　本报讯 今天多云。")
        == []
    )


def _without_ocr_marks(page: Page) -> dict[str, object]:
    """The page's JSON without the marks OCR misread that the repair read back (``ocr-mark``)."""
    found = page.to_json()
    found["dropped"] = [d for d in found["dropped"] if d["reason"] != "ocr-mark"]
    return found


# A web page as a text browser dumps it (``lynx -dump``, made up): its menu, links numbered in the
# text, the list of their addresses at the page's foot, the story's lines wrapped.
_TEXT_BROWSER_PAGE = """   [1]首页 [2]要闻 [3]本地

                           东湖区新建口袋公园十二处

   2024-05-12 08:30 来源：东江日报

   本报讯（记者 柏小雨）今年以来，东湖区利用边角地新建口袋公园十二处，居民出门五分钟即可到达。

   “以前傍晚没地方散步，现在楼下就有公园。”住在附近的居民詹敏说。[4]

   [5]上一篇：西山县夏粮喜获丰收

References

   1. http://www.dongjiang.cn/
   2. http://www.dongjiang.cn/yw/
   3. http://www.dongjiang.cn/bd/
   4. http://www.dongjiang.cn/img/1.jpg
   5. http://www.dongjiang.cn/bd/1.html
"""


def test_a_text_browsers_wrapped_paragraph_is_joined_though_its_link_list_is_set_flush() -> None:
    # lynx sets its list's heading (References) flush and every line of the text three columns in:
    # the heading set the page's margin at nothing, every line of the text read as indented, and
    # the wrapped paragraph's lines stayed three paragraphs.
    wrapped = _TEXT_BROWSER_PAGE.replace(
        "   本报讯（记者 柏小雨）今年以来，东湖区利用边角地新建口袋公园十二处，居民出门五分钟即可到达。\n",
        "   本报讯（记者 柏小雨）今年以来，东湖区利用边角地新建口袋公园十二处，居\n"
        "   民出门五分钟即可到达。区园林局负责人介绍，明年还将再建八处，让更多居\n"
        "   民在家门口休闲健身。\n",
    )
    assert wrapped != _TEXT_BROWSER_PAGE
    (article,) = parse_page(wrapped, "page.txt").articles
    assert article.paragraphs == [
        "今年以来，东湖区利用边角地新建口袋公园十二处，居民出门五分钟即可到达。区园林局负责人介绍，"
        "明年还将再建八处，让更多居民在家门口休闲健身。",
        "“以前傍晚没地方散步，现在楼下就有公园。”住在附近的居民詹敏说。",
    ]


def test_a_text_browsers_page_keeps_its_menu_links_and_their_list_out_of_the_story() -> None:
    # The menu was the story's kicker, the link to the story before and the list of addresses its
    # last paragraphs, and the link numbers ([4]) part of its text.
    page = parse_page(_TEXT_BROWSER_PAGE, "page.txt")
    (article,) = page.articles
    assert (article.kicker, article.title, article.authors) == (None, "东湖区新建口袋公园十二处", ["柏小雨"])
    assert article.paragraphs == [
        "今年以来，东湖区利用边角地新建口袋公园十二处，居民出门五分钟即可到达。",
        "“以前傍晚没地方散步，现在楼下就有公园。”住在附近的居民詹敏说。",
    ]
    dropped = [d.text for d in page.dropped if d.reason == "page-furniture"]
    assert {
        "首页 要闻 本地",
        "上一篇：西山县夏粮喜获丰收",
        "References",
        "5. http://www.dongjiang.cn/bd/1.html",
    } <= set(dropped)


def test_the_list_of_links_is_found_only_at_the_pages_foot_under_its_heading() -> None:
    lines = _TEXT_BROWSER_PAGE.split("\n")
    assert sorted(link_references(lines)) == [12, 14, 15, 16, 17, 18]  # the heading and 1. to 5.
    # lynx's other headings, one list over another
    two = ["正文。", "Visible links", "1. http://a.cn/", "", "Hidden links:", "2. http://b.cn/", ""]
    assert sorted(link_references(two)) == [1, 2, 4, 5]
    # numbered addresses with no heading, a heading over text, a heading with nothing under it
    assert link_references(["正文。", "1. http://a.cn/"]) == set()
    assert link_references(["References", "正文说到此处。", "1. http://a.cn/"]) == set()
    assert link_references(["正文。", "References", ""]) == set()


def test_link_numbers_go_only_where_a_list_of_links_ends_the_page() -> None:
    assert unnumber_link("[1]首页 [2]要闻") == "首页 要闻"
    assert unnumber_link("见注释[3]。") == "见注释。"
    # a page with no list keeps its brackets: a note's number in a story's text
    text = "东湖区新建口袋公园十二处\n今年以来，东湖区新建口袋公园十二处[1]。\n"
    assert repair_page(text) == text
