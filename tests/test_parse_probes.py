"""The extraction-damage probes behind the README's table (``python -m liaocheng_tui.parse.probes``):
what each does to a page and to its key. Their scores need the corpus and are a script's, not a test's."""

from __future__ import annotations

import dataclasses
import random
from typing import cast

import pytest

from liaocheng_tui.parse import evaluate, probes
from liaocheng_tui.parse.augment import han_sequence, hard_wrapped_lines
from liaocheng_tui.parse.byline import parse_byline_line
from liaocheng_tui.parse.columns import read_columns
from liaocheng_tui.parse.evaluate import EvalPage
from liaocheng_tui.parse.repair import unify_radicals
from liaocheng_tui.parse.roles import Role
from liaocheng_tui.parse.scoring import KeyArticle

# A labelled page of two stories, written for these tests.
PAGE: list[tuple[str, Role]] = [
    ("春风行动送岗位", "kicker"),
    ("2月招聘会提供岗位3000个", "title"),
    ("", "blank"),
    ("\u3000\u3000本报讯 市人社局组织的“春风行动”招聘会昨日举行，120家企业带来3000个岗位。", "body"),
    ("\u3000\u3000现场不少求职者当场与企业签订了意向协议。", "body"),
    ("", "blank"),
    ("老街区亮灯", "title"),
    ("\u3000\u3000入夜，老街区的灯光次第亮起，游客沿着河道漫步拍照。", "body"),
]
LINES = [line for line, _ in PAGE]
ROLES = [role for _, role in PAGE]
BY_NAME = {probe.name: probe for probe in probes.PROBES}


def _apply(name: str) -> list[str]:
    return BY_NAME[name].transform(list(LINES), list(ROLES), random.Random(1))


def test_probe_names_are_unique_and_each_says_what_it_does() -> None:
    assert len(BY_NAME) == len(probes.PROBES)
    assert all(probe.what for probe in probes.PROBES)


_LOSE_OPENERS = {"no-openers", "no-openers-web-copy"}
# Columns side by side: each printed line holds pieces of lines far apart in the page.
_SIDE_BY_SIDE = {"columns-2", "columns-3", "stories-in-columns", "stories-in-columns-3"}


@pytest.mark.parametrize("name", sorted(set(BY_NAME) - _SIDE_BY_SIDE - {"county-signed"} - _LOSE_OPENERS))
def test_every_probe_keeps_the_pages_chinese_characters_in_order(name: str) -> None:
    probed = _apply(name)
    if name == "radicals":
        probed = [unify_radicals(line) for line in probed]
    original = han_sequence(LINES)
    # Inserted lines (a running header, 第 3 页, navigation, 一) add characters; none is lost.
    remaining = iter(han_sequence(probed))
    assert all(char in remaining for char in original)


def test_a_probe_that_changes_nothing_gives_the_page_back() -> None:
    assert _apply("none") == LINES


def test_digits_made_full_width_change_the_key_as_the_page() -> None:
    probe = BY_NAME["full-width"]
    assert _apply("full-width")[1] == "２月招聘会提供岗位３０００个"
    key = probes.rewrite_key(KeyArticle("2月招聘会提供岗位3000个", kicker="春风行动送岗位"), probe)
    assert key == KeyArticle("２月招聘会提供岗位３０００个", kicker="春风行动送岗位")


def test_a_mark_goes_before_each_headlines_first_title_line_but_not_into_its_key() -> None:
    probed = _apply("marked-■")
    assert probed[1] == "■ 2月招聘会提供岗位3000个"
    assert probed[6] == "■ 老街区亮灯"
    assert probed[0] == "春风行动送岗位"  # the kicker stays as it was
    key = probes.rewrite_key(KeyArticle("老街区亮灯", kicker="夜游"), BY_NAME["marked-■"])
    assert (key.title, key.kicker) == ("老街区亮灯", "夜游")  # the parser leaves the mark out


def test_without_punctuation_the_key_loses_its_marks_too() -> None:
    probe = BY_NAME["no-punctuation"]
    assert _apply("no-punctuation")[4] == "\u3000\u3000现场不少求职者当场与企业签订了意向协议"
    key = probes.rewrite_key(KeyArticle("风来了，花开了！", body_start="他说：好。"), probe)
    assert (key.title, key.body_start) == ("风来了花开了", "他说好")


def test_web_furniture_goes_over_headline_blocks_only() -> None:
    probed = _apply("navigation")
    inserted = [line for line in probed if line not in LINES]
    assert inserted and all(line in probes._NAVIGATION for line in inserted)
    for line in inserted:
        below = probed[probed.index(line) + 2]
        assert below in ("春风行动送岗位", "老街区亮灯")  # the first line of a headline block


def test_a_signature_goes_under_headline_blocks_only() -> None:
    probed = _apply("signed")
    inserted = [index for index, line in enumerate(probed) if line not in LINES]
    assert inserted
    for index in inserted:
        assert probed[index].startswith("作者：")
        assert probed[index - 1] in ("2月招聘会提供岗位3000个", "老街区亮灯")  # a headline block's last line


def test_hard_wrapping_cuts_every_line_headlines_too() -> None:
    probed = _apply("wrapped-12")
    assert max(len(line) for line in probed) == 12
    assert probed[1:3] == ["2月招聘会提供岗位300", "0个"]  # a number cut too, as a column cuts it


def test_a_narrow_column_cuts_the_paragraphs_and_leaves_the_headlines_whole() -> None:
    probed = _apply("narrow-10")
    assert probed[:3] == ["春风行动送岗位", "2月招聘会提供岗位3000个", "本报讯 市人社局组织"]
    assert "" not in probed
    assert all(len(line) <= 10 for line in probed[2:] if line != "老街区亮灯")
    assert not any(line.startswith("\u3000") for line in probed)


def test_a_narrow_column_with_gaps_keeps_the_blank_lines() -> None:
    probed = _apply("narrow-14-gaps")
    assert probed.count("") == 2
    assert probed[2] == ""
    assert probed[3] == "本报讯 市人社局组织的“春风"  # 14 characters, the space one of them


def test_columns_of_two_widths_cut_each_story_at_one_of_them() -> None:
    widths = set()
    for seed in range(30):
        probed = BY_NAME["two-widths-12"].transform(list(LINES), list(ROLES), random.Random(seed))
        assert "" not in probed and probed[:2] == ["春风行动送岗位", "2月招聘会提供岗位3000个"]
        first_story = probed[2 : probed.index("老街区亮灯")]
        widths.add(max(map(len, first_story)))
    assert widths == {12, 17}


def test_columns_side_by_side_are_read_back_as_the_page_wrapped_in_one_column() -> None:
    # Long enough for the gutter to show on many lines: the page's stories three times over.
    lines, roles = LINES * 3, ROLES * 3
    for count in (2, 3):
        printed = BY_NAME[f"columns-{count}"].transform(list(lines), list(roles), random.Random(1))
        assert sum(1 for line in printed if "    " in line.strip()) >= 10  # columns side by side
        read = read_columns("\n".join(printed))
        assert read is not None
        wrapped = BY_NAME["wrapped-18"].transform(list(lines), list(roles), random.Random(1))
        assert [line.strip() for line in read.text.split("\n") if line.strip()] == [
            line.strip() for line in wrapped if line.strip()
        ]


def test_stories_in_columns_are_read_back_story_by_story_under_their_headlines() -> None:
    # Stories long enough to fill three columns of several lines each.
    first_text, second_text = LINES[3:5] * 3, LINES[7:8] * 6
    story = [*PAGE[:3], *((line, "body") for line in first_text), ("", "blank"), PAGE[6]]
    story += [(line, "body") for line in second_text]
    lines, roles = [line for line, _ in story] * 2, [role for _, role in story] * 2
    for count in (2, 3):
        name = "stories-in-columns" if count == 2 else f"stories-in-columns-{count}"
        printed = BY_NAME[name].transform(list(lines), list(roles), random.Random(1))
        # the headlines whole and centred, each story's text in columns side by side under them
        assert printed[0].strip() == "春风行动送岗位" and printed[0].startswith(" " * 20)
        assert sum(1 for line in printed if "    " in line.strip()) >= 6
        read = read_columns("\n".join(printed))
        assert read is not None
        expected: list[str] = []
        for _ in range(2):
            expected += ["春风行动送岗位", "2月招聘会提供岗位3000个", *hard_wrapped_lines(first_text, 18)]
            expected += ["老街区亮灯", *hard_wrapped_lines(second_text, 18)]
        assert [line.strip() for line in read.text.split("\n") if line.strip()] == [
            line.strip() for line in expected if line.strip()
        ]


def test_a_stray_mark_stands_alone_after_about_one_line_in_twenty() -> None:
    lines = [f"第{n}段正文，写给这个测试。" for n in range(2000)]
    probed = probes.PROBES[[p.name for p in probes.PROBES].index("stray-丨")].transform(
        lines, ["body"] * len(lines), random.Random(3)
    )
    strays = probed.count("丨")
    assert len(probed) == len(lines) + strays
    assert 60 <= strays <= 140  # 5% of 2,000 is 100


def test_a_probe_is_scored_as_the_evaluation_scores_the_page() -> None:
    key = [KeyArticle("2月招聘会提供岗位3000个", kicker="春风行动送岗位"), KeyArticle("老街区亮灯")]
    page = EvalPage("test/page", "\n".join(LINES), key, list(ROLES))
    as_evaluated = evaluate.score_set([page], evaluate.model_parser).figures()["title_f1"]
    assert probes.score_probe(BY_NAME["none"], [page]) == as_evaluated
    # With its headlines gone the page has none of its key's titles.
    gone = probes.Probe(
        "gone",
        "headlines gone",
        lambda lines, roles, rng: [
            "" if role in ("kicker", "title") else line for line, role in zip(lines, roles, strict=True)
        ],
    )
    assert probes.score_probe(gone, [page]) == 0.0
    # A page without line roles cannot be probed: it is left out, and nothing is scored.
    assert probes.score_probe(BY_NAME["none"], [EvalPage("x", "x", key)]) is None


def test_other_papers_bylines_credit_the_reporter_by_a_papers_name_or_a_slash() -> None:
    lines = [
        "标题一",
        "记者 王明",
        "　　正文。",
        "",
        "标题二",
        "本报记者 李华",
        "　　正文。",
        "",
        "标题三",
        "　　正文。",
    ]
    roles = cast(list[Role], "title byline body blank title byline body blank title body".split())
    added = 0
    for seed in range(20):
        probed = BY_NAME["bylined"].transform(list(lines), list(roles), random.Random(seed))
        # A byline's words stay, after a paper's name (新京报记者 王明) or a slash (文/本报记者 李华).
        assert probed[1].endswith("记者 王明") and probed[1] != "记者 王明"
        assert probed[5].startswith(("文/", "文丨")) and probed[5].endswith("本报记者 李华")
        assert parse_byline_line(probed[1]) is not None and parse_byline_line(probed[5]) is not None
        if len(probed) > len(lines):  # under the third headline, the only one without a byline
            assert probed[8] == "标题三" and len(probed) == len(lines) + 1
            assert parse_byline_line(probed[9]) is not None and probed[10] == "　　正文。"
            added += 1
    assert 3 < added < 17


def test_comma_headlines_change_a_headlines_word_space_and_its_key_alike() -> None:
    lines = ["上村晚 喜洋洋", "　　本报讯 村里的晚会开演了。", "", "贴年画　庆团圆", "　　家家户户 贴年画。"]
    roles: list[Role] = ["title", "body", "blank", "title", "body"]
    probe = BY_NAME["comma-headlines"]
    probed = probe.transform(list(lines), list(roles), random.Random(1))
    assert probed == [
        "上村晚，喜洋洋",
        "　　本报讯 村里的晚会开演了。",
        "",
        "贴年画，庆团圆",
        "　　家家户户 贴年画。",
    ]
    printed = ["上村晚 喜洋洋", "贴年画　庆团圆"]
    assert probes.rewrite_key(KeyArticle("上村晚 喜洋洋"), probe, printed) == KeyArticle("上村晚，喜洋洋")
    # the key may space the words otherwise than the line does
    assert probes.rewrite_key(KeyArticle("贴年画 庆团圆"), probe, printed) == KeyArticle("贴年画，庆团圆")


def test_comma_headlines_leave_the_space_a_key_joins_two_printed_lines_with() -> None:
    # a headline printed on two lines (今晚开幕 / 游客如织): no comma between them on the page, nor in the key
    lines = ["元宵灯会 今晚开幕", "游客如织", "　　本报讯 灯会开幕了。"]
    roles: list[Role] = ["kicker", "title", "body"]
    probe = BY_NAME["comma-headlines"]
    assert probe.transform(list(lines), list(roles), random.Random(1))[:2] == [
        "元宵灯会，今晚开幕",
        "游客如织",
    ]
    key = KeyArticle("游客如织", kicker="元宵灯会 今晚开幕")
    assert probes.rewrite_key(key, probe, lines[:2]) == KeyArticle("游客如织", kicker="元宵灯会，今晚开幕")
    two_lines = KeyArticle("今晚开幕 游客如织")
    assert probes.rewrite_key(two_lines, probe, ["今晚开幕", "游客如织"]) == two_lines
    assert probes.rewrite_key(two_lines, probe, ["", "今晚开幕"]) == two_lines  # a blank line holds no words


def test_spaced_headlines_space_out_headline_lines_only() -> None:
    probed = _apply("spaced-headlines")
    assert probed[0] == "春 风 行 动 送 岗 位" and probed[6] == "老 街 区 亮 灯"
    assert probed[3] == LINES[3]


def test_web_copy_sets_every_line_flush_left_with_one_blank_line_after_it() -> None:
    probed = _apply("web-copy")
    assert probed[:4] == ["春风行动送岗位", "", "2月招聘会提供岗位3000个", ""]
    assert probed[4].startswith("本报讯") and probed[5] == ""
    assert len(probed) == 2 * sum(1 for line in LINES if line.strip())


def test_stories_apart_keeps_one_blank_line_before_each_headline_block_only() -> None:
    probed = _apply("stories-apart")
    assert probed == [LINES[0], LINES[1], LINES[3], LINES[4], "", LINES[6], LINES[7]]
    assert _apply("stories-apart-flush")[2].startswith("本报讯")


def test_each_story_alone_is_a_page_of_its_own_with_its_key() -> None:
    key = [KeyArticle("2月招聘会提供岗位3000个", kicker="春风行动送岗位"), KeyArticle("老街区亮灯")]
    page = EvalPage("test/page", "\n".join(["东江晚报 2026年11月20日", *LINES]), key, ["furniture", *ROLES])
    first, second = probes.stories_alone(page)
    assert first.text.split("\n") == LINES[:6]  # the page's head left out
    assert (first.keys, first.roles) == ([key[0]], ROLES[:6])
    assert second.text.split("\n") == LINES[6:]
    assert (second.name, second.keys, second.roles) == ("test/page#2", [key[1]], ROLES[6:])
    # Header blocks and key articles that do not pair off give no stories.
    assert probes.stories_alone(dataclasses.replace(page, keys=key[:1])) == []


def test_an_e_paper_article_page_puts_its_date_and_label_over_the_story_as_a_web_copy() -> None:
    probed = _apply("alone-e-paper")
    assert probed[0] == "2026年11月20日" and "版：" in probed[2]
    assert probed[4:] == [x for line in LINES if line.strip() for x in (line.strip(), "")]


BYLINED_PAGE: list[tuple[str, Role]] = [
    ("老街区亮灯", "title"),
    ("", "blank"),
    ("\u3000\u3000本报记者 王明", "byline"),
    ("\u3000\u3000本报东湖12月3日电（记者李华）入夜，老街区的灯光次第亮起。", "body"),
    ("\u3000\u3000本报讯 游客沿着河道漫步拍照。", "body"),  # the story's second paragraph: kept
    ("\u3000\u3000（本报记者 王明）", "credit"),
]


def test_without_openers_leaves_out_byline_lines_and_cuts_datelines_off_leads_only() -> None:
    lines = [line for line, _ in BYLINED_PAGE]
    roles = [role for _, role in BYLINED_PAGE]
    assert probes.without_openers(lines, roles) == (
        ["老街区亮灯", "", "\u3000\u3000入夜，老街区的灯光次第亮起。", lines[4], lines[5]],
        ["title", "blank", "body", "body", "credit"],
    )


def test_signed_at_end_moves_a_storys_byline_under_its_last_paragraph_or_makes_one_up() -> None:
    lines = [
        "标题一",
        "■ 本报记者 王明",
        "　　第一段。",
        "　　第二段。",
        "",
        "标题二",
        "　　正文。",
        "　　图为会场。",
    ]
    roles: list[Role] = ["title", "byline", "body", "body", "blank", "title", "body", "caption"]
    moved = made_up = 0
    for seed in range(30):
        out = BY_NAME["signed-at-end"].transform(list(lines), list(roles), random.Random(seed))
        if out[1] != "■ 本报记者 王明":
            assert out[:6] == ["标题一", "　　第一段。", "　　第二段。", "■ 本报记者 王明", "", "标题二"]
            moved += 1
        second = out[out.index("标题二") + 1 :]
        if len(second) == 3:  # signed under its paragraph, above its picture's caption
            assert second[::2] == ["　　正文。", "　　图为会场。"]
            assert parse_byline_line(second[1]) is not None, second[1]
            made_up += 1
        else:
            assert second == ["　　正文。", "　　图为会场。"]
    assert moved > 15 and made_up > 15  # most stories are signed at the end


def test_signed_at_end_leaves_a_reporters_line_under_a_storys_text_where_it_is() -> None:
    lines = ["标题一", "　　正文。", "本报记者 王明 摄影报道", "标题二", "　　正文。"]
    roles: list[Role] = ["title", "body", "byline", "title", "body"]
    for seed in range(20):
        out = BY_NAME["signed-at-end"].transform(list(lines), list(roles), random.Random(seed))
        assert out.count("本报记者 王明 摄影报道") == 1
        assert out.index("本报记者 王明 摄影报道") < out.index("标题二"), seed


def test_signed_at_end_leaves_a_story_opened_by_its_dateline_and_reporter_as_it_is() -> None:
    lines = ["标题", "本报讯(记者 王明)", "　　正文。"]
    roles: list[Role] = ["title", "byline", "body"]
    for seed in range(10):
        assert BY_NAME["signed-at-end"].transform(list(lines), list(roles), random.Random(seed)) == lines


@pytest.mark.parametrize("name", sorted(_LOSE_OPENERS))
def test_the_probes_without_openers_lose_the_openers_characters_only(name: str) -> None:
    probed = _apply(name)
    # The first story's lead loses its dateline (本报讯); the second story has none to lose.
    assert han_sequence(probed) == han_sequence(LINES).replace("本报讯", "", 1)
    assert (name == "no-openers-web-copy") == all(not line.startswith("\u3000") for line in probed)


def test_a_county_page_loses_its_openers_signs_its_stories_at_the_end_and_sets_them_apart() -> None:
    signed = 0
    for seed in range(20):
        probed = BY_NAME["county-signed"].transform(list(LINES), list(ROLES), random.Random(seed))
        # every line flush left; one blank line, before the second story's headline
        assert not any(line.startswith(("\u3000", " ")) for line in probed)
        assert probed.count("") == 1 and probed[probed.index("") + 1] == "老街区亮灯"
        # the lead loses its 本报讯; the rest of the page's characters stay, in order
        remaining = iter(han_sequence(probed))
        assert all(char in remaining for char in han_sequence(LINES).replace("本报讯", "", 1))
        assert "本报讯" not in "".join(probed)
        # a story signed under its last paragraph gets a reporter's line there
        first_story = probed[: probed.index("")]
        if len(first_story) == 5:
            assert first_story[-2] == "现场不少求职者当场与企业签订了意向协议。"
            assert parse_byline_line(first_story[-1]) is not None, first_story[-1]
            signed += 1
        else:
            assert first_story[-1] == "现场不少求职者当场与企业签订了意向协议。"
    assert signed > 10
