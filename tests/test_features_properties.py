"""Property tests: the line features' quick answers agree with the regexes they stand in for."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from liaocheng_tui.parse import features, furniture
from liaocheng_tui.parse.chars import HAN_CLASS, fold_width

_NON_HAN = re.compile(f"[^{HAN_CLASS}]")
# Han characters of every block (BMP, beyond it, radicals, 々 〇), their neighbours that are not,
# surrogates, and the marks and letters the canonical form changes.
_CHARACTERS = [
    *"中文的一龥丿\u4dbf\u4dc0\u9fff\ua000\u3400\u3005\u3007\u3021\u3038\u303c\u2e80\u2f00\uf900\ufa6e\ufad9",
    *"𠀀𪛟\U0002a6e0\U00031350\U00016fe2\ud800\udfff",
    *',，;:!?()[]"　 。、：１Ａｚa0-—',
]
_line = st.lists(st.sampled_from(_CHARACTERS) | st.text(max_size=3), max_size=24).map("".join)


@settings(max_examples=1000, deadline=None)
@given(_line)
def test_canonical_text_is_the_regex_substitution(text: str) -> None:
    spaceless = text.replace(" ", "")
    assert features._canonical_text(text) == features._CANON_CHANGES_RE.sub(features._canonical, spaceless)


@settings(max_examples=1000, deadline=None)
@given(_line)
def test_han_share_counts_as_the_regex_does(text: str) -> None:
    han = len(text) - len(_NON_HAN.findall(text))
    share = features._han_share(text, features._high_bytes(text))
    assert share == (han == len(text), han < 0.5 * len(text))


def _wrapped_meta_lines_looking_at_every_line(lines: list[str]) -> set[int]:
    """wrapped_meta_lines as it was, with every line's cue looked for first."""
    found: set[int] = set()
    alone = [bool(line.strip()) and not furniture.is_printed_web_meta_line(line) for line in lines]
    cued = [bool(furniture._META_CUE_RE.search(line)) for line in lines]
    for end in range(1, len(lines)):
        if not alone[end] or end - 1 in found:
            continue
        for start in range(end - 1, max(end - furniture._META_PIECES, -1), -1):
            if not alone[start]:
                break
            if not any(cued[start : end + 1]):
                continue
            joined = "".join(line.strip() for line in lines[start : end + 1])
            if len(joined) > furniture.WEB_META_LONGEST:
                break
            if furniture.is_printed_web_meta_line(joined):
                names = furniture._META_FIELD_RE.findall(fold_width(joined))
                if len(set(names)) == len(names):
                    found.update(range(start, end + 1))
                break
    return found


# Pieces of web pages' meta lines, cut anywhere, among lines of text and blank lines.
_META_PIECES = [
    "（ 2026-04-27 ） 稿件来",
    "源：某某日报 要闻",
    "来源：",
    "新华社",
    "2020-01-02",
    "作者：王明",
    "发布时间",
    "：2020年1月2日",
    "字",
    "号 大 中 小",
    "",
    " ",
    "书名：某书",
    "标题",
    "正文第一句。",
]
_meta_page = st.lists(st.sampled_from(_META_PIECES) | st.text(max_size=6), max_size=12)


@settings(max_examples=1000, deadline=None)
@given(_meta_page)
def test_wrapped_meta_lines_looks_for_cues_only_where_it_needs_them(lines: list[str]) -> None:
    assert furniture.wrapped_meta_lines(lines) == _wrapped_meta_lines_looking_at_every_line(lines)


def test_every_other_decimal_digit_of_the_bmp_has_one_of_the_listed_high_bytes() -> None:
    for code in range(0x10000):
        character = chr(code)
        if features._DIGIT_RE.match(character) and not character.isascii() and not 0xFF10 <= code <= 0xFF19:
            assert code >> 8 in features._OTHER_DIGITS_HIGH_BYTES, hex(code)


_digits = st.sampled_from([*"0123456789١٣۵७௫๓໑༣၅០᠑٠𝟎𝟗𞥐１９AZaz", *_CHARACTERS])
_line_with_digits = st.lists(_digits | st.text(max_size=3), max_size=24).map("".join)


@settings(max_examples=1000, deadline=None)
@given(_line_with_digits)
def test_digits_and_latin_are_what_the_regexes_find_in_a_canonical_line(text: str) -> None:
    canon = features._canonical_text(text)
    found = features._digits_and_latin(canon, features._high_bytes(canon))
    assert found == (len(re.findall(r"\d", canon)), re.search("[A-Za-z]", canon) is not None)


_ad_label = st.lists(
    st.sampled_from([*"广告专版分类热线公益 ■●□ ", "广告", "广 告"]) | st.text(max_size=2), max_size=8
)


@settings(max_examples=1000, deadline=None)
@given(_ad_label.map("".join))
def test_is_ad_label_answers_as_the_pattern_does(text: str) -> None:
    label = furniture.split_show_mark(text.strip())[1].replace(" ", "")
    assert furniture.is_ad_label(text) == bool(furniture._AD_LABEL_RE.match(label))


_page_marker = st.lists(
    st.sampled_from([*"()（）下转上接续第版页A０４1- \n\u3000", "下转", "上接", "A04", "- 8 -", "第 3 页"])
    | st.text(max_size=2),
    max_size=10,
)


@settings(max_examples=1000, deadline=None)
@given(_page_marker.map("".join))
def test_is_page_marker_answers_as_the_patterns_do(text: str) -> None:
    # A jump line in brackets (（下转A04版）) or bare (转第 3 页, ▶下转A2版), and short as a mark is.
    stripped = text.strip()
    folded = fold_width(stripped)
    jump = len(stripped) <= furniture._JUMP_MARK_LONGEST and bool(
        furniture._JUMP_RE.match(folded) or furniture._BARE_JUMP_RE.match(folded)
    )
    assert furniture.is_page_marker(text) == (furniture.is_page_number(text) or jump)
