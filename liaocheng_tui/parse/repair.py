"""Whole-page repairs before a page is read: what an extraction tool did to every line of it.

- A web scrape that kept HTML entities (``&nbsp;&nbsp;正文``, ``&ldquo;``) gets them decoded, so
  that an indent is an indent and a quote a quote; one that kept the markup (``<p>``, ``<h2>``,
  ``<br/>``) gets its tags removed.
- OCR that sets a space between every two Chinese characters (Tesseract's habit with Chinese)
  gets those spaces closed, so that its lines have the length, the grammar and the furniture
  that the line labeller and the assembler read. Wider gaps stay: they are the page's own.
- A headline set vertically (竖排), which PDF extraction writes one character to a line, is put
  back on one line: its last line gets the characters, the others are left blank.
- OCR that reads a column rule beside the text as a mark at a line's start or end (``|今年以来…``,
  ``…工作。丨``) gets it removed: there it is never text. A line of such marks alone is left to
  :func:`~liaocheng_tui.parse.furniture.stray_marks`.
- OCR that runs a reporter's name into its role (``本报记者孙丽``: PaddleOCR sets no space there,
  and closing the letter spacing above takes out the one it had) gets the space back, where the
  line then reads as a byline of people's names (:func:`set_reporters_apart`).
- OCR that reads the hollow square before a byline (``□记者 王丽 报道``) as the character it looks
  like (``口记者 王丽 报道``) gets the square back, where the line then reads as a byline.
- OCR that reads a subtitle's dash as two strokes of 一 (``一一访东昌府区住建局局长``), under a line
  that could be its headline, gets the dash back, where the subtitle's grammar reads it.
- PDF extraction that writes a character as its Kangxi radical or CJK compatibility code point
  (``⽇`` for 日, ``⻓`` for 长) gets the unified ideograph: the glyph is the same, but dates, bylines
  and searches are written with the unified one.

All keep the page's lines one for one, so line numbers still point into the file as given.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence

from liaocheng_tui.parse.byline import (
    BYLINE_TRAILERS,
    REPORTER_ROLE_WORDS,
    looks_like_a_name,
    names_a_reporter,
    parse_byline_line,
)
from liaocheng_tui.parse.chars import HAN_CLASS, HAN_RE, ITEM_MARKS, WIDE_CLASS, ends_sentence
from liaocheng_tui.parse.furniture import as_wide_as, full_width, link_references
from liaocheng_tui.parse.normalize import split_lines

_ENTITY_RE = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
# The tags of a page's markup (never ``<5%`` or ``<<书名>>``): block and inline elements by name.
_TAG_RE = re.compile(
    r"</?(?:p|br|hr|div|span|h[1-6]|strong|b|em|i|u|font|a|img|section|article|header|footer|ul|ol|li"
    r"|table|tbody|thead|tr|td|th|center|blockquote|figure|figcaption|sup|sub)\b[^<>]*/?>",
    re.IGNORECASE,
)
_TAGGED_MIN = 3  # tags on a page before it counts as markup
_SPACING_TAG_RE = re.compile(r"<br\b|</(?:td|th|tr)\b", re.IGNORECASE)
_CELL_START_RE = re.compile(r"<t[dh]\b[^<>]*>", re.IGNORECASE)  # a table cell's opening tag
# A markdown link (what a web page's reader or converter writes, ``[首页](https://…)``): its text
# is what the page printed. A picture's link (``![…](…)``) is left whole, for the furniture rules.
_MARKDOWN_LINK_RE = re.compile(
    r"(?<!!)\[([^\[\]\n]{1,200})\]\((?:https?://|www\.|/|\.{1,2}/|#)[^()\s]{0,500}\)"
)

_RADICAL_RE = re.compile("[\u2e80-\u2fd5\uf900-\ufaff]")
# The CJK Radicals Supplement's simplified forms that are whole characters (no Unicode
# normalisation maps them); the Kangxi radicals and compatibility ideographs have NFKC forms.
SIMPLIFIED_RADICALS = {
    "⺠": "民", "⺟": "母", "⻅": "见", "⻆": "角", "⻉": "贝", "⻋": "车", "⻓": "长", "⻔": "门",
    "⻙": "韦", "⻚": "页", "⻛": "风", "⻜": "飞", "⻢": "马", "⻥": "鱼", "⻦": "鸟", "⻧": "卤",
    "⻨": "麦", "⻩": "黄", "⻪": "黾", "⻬": "齐", "⻮": "齿", "⻰": "龙", "⻳": "龟",
}  # fmt: skip
_UNIFIED = str.maketrans(
    {
        **{
            chr(point): unified
            for point in (*range(0x2F00, 0x2FD6), *range(0xF900, 0xFB00))
            if len(unified := unicodedata.normalize("NFKC", chr(point))) == 1 and unified != chr(point)
        },
        **SIMPLIFIED_RADICALS,
    }
)


def unify_radicals(line: str) -> str:
    """``line`` with Kangxi radicals and compatibility ideographs written as unified ideographs."""
    return line.translate(_UNIFIED)


_RULE_MARKS = "|丨｜"
# A rule mark at a line's start (its indent kept, one space after the mark taken) or end (the spaces
# before it taken), where the line holds more than marks.
_EDGE_RULE_RE = re.compile(f"^(\\s*)[{_RULE_MARKS}] ?(?=\\s*\\S)|(?<=\\S)\\s*[{_RULE_MARKS}]\\s*$")


def strip_edge_rules(line: str) -> str:
    """``line`` without a column rule OCR read at its start or end (``|今年以来…``, ``…工作。丨``)."""
    return _EDGE_RULE_RE.sub(lambda match: match.group(1) or "", line)


_BOX = "□"
# What OCR reads the hollow square before a byline as: the characters it looks like.
_BOX_LOOKALIKES = "口囗"


def _opens_a_line_with_a_box_lookalike(text: str) -> bool:
    """Whether a ``口`` or ``囗`` opens one of ``text``'s lines, spaces before it allowed (what
    ``re.search(r"(?m)^\\s*[口囗]", text)`` finds). Each 口 and 囗 is looked at, back to the
    spaces before it, instead of a regex that opens with ^ being tried at every character."""
    for mark in _BOX_LOOKALIKES:
        at = text.find(mark)
        while at >= 0:
            start = at
            while start > 0 and text[start - 1].isspace():
                start -= 1
            # a line starts at the text's start, or after a line feed among the spaces
            if start == 0 or "\n" in text[start:at]:
                return True
            at = text.find(mark, at + 1)
    return False


def restore_byline_box(line: str) -> str:
    """``line`` with a ``口`` or ``囗`` that opens it written ``□``, where the line then is a byline
    that names a reporter by role (``口记者 王丽 通讯员 张强 报道``) or names people only
    (``口孙伟 付研 报道``, ``口 李建华``): OCR's reading of a byline's mark."""
    body = line.lstrip()
    if body[:1] not in "口囗":
        return line
    marked = _BOX + body[1:]
    if not names_a_reporter(marked):
        byline = parse_byline_line(marked)
        if byline is None or not byline[1] or not all(map(looks_like_a_name, byline[1])):
            return line
    return line[: len(line) - len(body)] + marked


def unlink_markdown(line: str) -> str:
    """``line`` with each markdown link written as its text (``[首页](https://…)`` -> ``首页``)."""
    return _MARKDOWN_LINK_RE.sub(r"\1", line) if "](" in line else line


# A text browser's number before a link's text (``[4]上一篇：…``, ``lynx -dump``), or alone before
# a picture's or a form's link ([5]).
_LINK_NUMBER_RE = re.compile(r"\[\d{1,4}\]")


def unnumber_link(line: str) -> str:
    """``line`` without a text browser's link numbers (``[4]上一篇：…``), on a page that ends with
    the list of its links (:func:`~liaocheng_tui.parse.furniture.link_references`): the list is the
    page's furniture, and its numbers are no text of a story."""
    return _LINK_NUMBER_RE.sub("", line)


def strip_tags(line: str) -> str:
    """``line`` without its HTML tags (a line break tag, and the end of a table's cell or row,
    becomes a space, so words and cells stay apart); a line of two cells or more is written as
    :func:`table_text` writes it."""
    if len(_CELL_START_RE.findall(line)) >= 2:
        return table_text(line)
    return _tagless(line)


def _tagless(text: str) -> str:
    return _TAG_RE.sub(lambda m: " " if _SPACING_TAG_RE.match(m.group()) else "", text)


_ROW_END_RE = re.compile(r"</tr\s*>", re.IGNORECASE)


def table_text(line: str) -> str:
    """An HTML table set on one line (a document converter's, MinerU's ``<table><tr><td>公园</td>
    <td>面积</td></tr>…``) as text: its cells apart by `` | ``, as a markdown table's row reads, and
    its rows by ``；`` (``公园 | 面积；东湖 | 3000平方米``); text before or after the cells (a caption) a
    piece of its own. A space alone between cells would close once the story's paragraphs close the
    spaces between Chinese characters, and run the cells together."""
    pieces: list[str] = []
    for row in _ROW_END_RE.split(line):
        outside, *cells = _CELL_START_RE.split(row)
        if caption := _tagless(outside).strip():
            pieces.append(caption)
        if filled := [text for cell in cells if (text := _tagless(cell).strip())]:
            pieces.append(" | ".join(filled))
    indent = line[: len(line) - len(line.lstrip())]
    return indent + "；".join(pieces)


_LINE_BREAKING = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


def _decoded(match: re.Match[str]) -> str:
    text = html.unescape(match.group())
    # An encoded line break would add a line: the page's line numbers must stay as they are.
    return " " if text in _LINE_BREAKING else text


def decode_entities(line: str) -> str:
    """``line`` with its HTML character references decoded (``&nbsp;`` ``&ldquo;`` ``&#12288;``);
    an ``&`` that starts no known reference stays as it is."""
    return _ENTITY_RE.sub(_decoded, line) if "&" in line else line


_H = f"[{HAN_CLASS}]"
_SPACED_PAIR_RE = re.compile(f"{_H} (?={_H})")
_ADJACENT_PAIR_RE = re.compile(f"{_H}(?={_H})")
# One space beside a Chinese character or mark, or inside a number or a date (2 0 2 6 - 0 4):
# letter spacing. Two or more spaces are a gap the page meant.
_LETTER_GAP_RE = re.compile(
    f"(?<=[{WIDE_CLASS}]) (?=[^ ])|(?<=[^ ]) (?=[{WIDE_CLASS}])|(?<=[0-9]) (?=[0-9./:-])|(?<=[./:-]) (?=[0-9])"
)
_SPACED_SHARE = 0.5  # of the pairs of neighbouring Chinese characters
_SPACED_MIN_PAIRS = 20  # a short page does not say enough


def letter_spaced(lines: Sequence[str]) -> bool:
    """Whether OCR spaced out the page: most neighbouring Chinese characters stand a space apart.

    A page of ordinary text with a few letter-spaced headlines is not: its body lines are solid.
    """
    spaced = sum(len(_SPACED_PAIR_RE.findall(line)) for line in lines)
    solid = sum(len(_ADJACENT_PAIR_RE.findall(line)) for line in lines)
    return spaced >= _SPACED_MIN_PAIRS and spaced >= _SPACED_SHARE * (spaced + solid)


def close_letter_spacing(line: str) -> str:
    """``line`` with the single spaces of letter spacing removed; its indent stays."""
    body = line.lstrip()
    indent = line[: len(line) - len(body)]
    return indent + _LETTER_GAP_RE.sub("", body)


_REPORTERS_LINE_LONGEST = 30  # characters: a reporter's line of roles and a few names
# What closes a reporter's line (记者 王明 报道, 王明 摄), the byline grammar's words.
_TRAILER_RE = re.compile(
    "(" + "|".join(re.escape(word) for word in sorted(BYLINE_TRAILERS, key=len, reverse=True)) + ")$"
)
_NAME_LONGEST = 3  # characters of a name run into its role: a surname and one or two more
_REPORTER_ROLE_RE = re.compile(f"({REPORTER_ROLE_WORDS})")
# A line that opens (after a mark, an outlet's name) with a role run into what follows it.
_GLUED_ROLE_RE = re.compile(f"^[{ITEM_MARKS}□]?\\s?{_H}{{0,8}}?(?:{REPORTER_ROLE_WORDS}){_H}")


def set_reporters_apart(line: str) -> str:
    """``line`` with a space around each reporter's role where the names run into it and that
    makes it a byline whose every name reads as a person's (``本报记者孙丽`` -> ``本报记者 孙丽``,
    ``记者孙丽通讯员王明`` -> ``记者 孙丽 通讯员 王明``), as OCR gives a reporter's line (PaddleOCR
    sets no space between role and name; closing letter spacing takes out the one it had); else
    as it is: the byline grammar wants the role apart (``记者节到了`` is a headline, 节到了 no one's
    name)."""
    body = line.strip()
    if len(body) > _REPORTERS_LINE_LONGEST or not _GLUED_ROLE_RE.match(body):
        return line
    apart = " ".join(_TRAILER_RE.sub(r" \1", _REPORTER_ROLE_RE.sub(r" \1 ", body)).split())
    found = parse_byline_line(apart)
    if found is None or not all(len(name) <= _NAME_LONGEST and looks_like_a_name(name) for name in found[1]):
        return line  # 记者孙丽介绍: a name and a verb run together
    return line[: len(line) - len(line.lstrip())] + apart


_VERTICAL_MIN = 2  # lines of one Chinese character each: no horizontal text sets two in a row
_TINY_RUN_MIN = 3  # lines of one or two characters: a vertical headline cut in pieces
_SINGLE_HAN_RE = re.compile(f"^{_H}$")
_TINY_HAN_RE = re.compile(f"^{_H}{{1,2}}$")
_TINY_RE = re.compile(f"^(?:{_H}{{1,2}}|[{WIDE_CLASS}])$")


def join_vertical_runs(lines: Sequence[str]) -> list[str]:
    """``lines`` with each run of one- or two-character lines (a vertical headline, blank lines
    allowed between them) joined onto the run's last line; the rest go blank. A run counts when it
    holds two lines of one Chinese character, or three of one or two."""
    out = list(lines)
    run: list[int] = []
    for index, line in enumerate([*lines, "."]):  # a last line that ends any run
        text = line.strip()
        # A character or two, or a mark (“) among them; never a rule OCR read as 丨, which no
        # headline prints.
        if len(text) <= 2 and _TINY_RE.match(text) and text not in _RULE_MARKS:  # the length first
            run.append(index)
            continue
        if not text and run and index - run[-1] == 1:
            continue  # one blank line inside a run
        if not run:  # most lines: no run to end
            continue
        singles = sum(1 for i in run if _SINGLE_HAN_RE.match(lines[i].strip()))
        tiny = sum(1 for i in run if _TINY_HAN_RE.match(lines[i].strip()))
        if singles >= _VERTICAL_MIN or tiny >= _TINY_RUN_MIN:
            # On the run's last line, right above what follows the headline (its byline or story).
            out[run[-1]] = lines[run[-1]].replace(
                lines[run[-1]].strip(), "".join(out[i].strip() for i in run)
            )
            for i in run[:-1]:
                out[i] = ""
        run = []
    return out


# A subtitle's dash (——访…) as OCR reads it: two strokes of 一 or a 一 beside a dash, then text.
_OCR_DASH_RE = re.compile(r"^[ \t\u3000]*(?:一一|一—|—一)(?=[^一—\s])", re.MULTILINE)
_SUBTITLE_LONGEST = 40  # characters: a subtitle's, longer is a paragraph
_WIDTH_LINES_LEAST = 8  # lines of text, at least, before a page's full width says anything


def restore_subtitle_dashes(lines: Sequence[str]) -> list[str]:
    """``lines`` with a subtitle's dash that OCR read as ``一一`` (``一一访东昌府区住建局局长``)
    written ``——``, where the line is short and ends no sentence, right under a line that could
    head a story (short, ending no sentence), and the line is no piece of a hard wrap (as wide as
    the page's full lines): a paragraph opening with 一一 (一一核实后…) is left."""
    out = list(lines)
    enough = sum(1 for line in lines if line.strip()) >= _WIDTH_LINES_LEAST
    width = full_width(lines) if enough else None
    above = ""
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        found = _OCR_DASH_RE.match(line)
        if (
            found is not None
            and len(line.strip()) <= _SUBTITLE_LONGEST
            and not ends_sentence(line)
            and above
            and len(above.strip()) <= _SUBTITLE_LONGEST
            and not ends_sentence(above)
            and not (width and as_wide_as(line, width))  # a hard wrap's piece, cut before its 一一
        ):
            start = found.end() - 2
            out[index] = line[:start] + "——" + line[found.end() :]
        above = line
    return out


def lost_characters(text: str, repaired: str) -> list[tuple[int, str]]:
    """The Han characters :func:`repair_page` took off the page (a column rule OCR read as 丨,
    the strokes 一一 read back as a dash, 口 read back as □), with the line (from 1) each was on.
    A character written as another form of itself (a Kangxi radical) or moved to another line (a
    vertical headline put on one line) is not lost."""
    if text == repaired:
        return []  # most pages: no repair
    before, after = split_lines(text), split_lines(repaired)
    lost = Counter(HAN_RE.findall(unify_radicals(text))) - Counter(HAN_RE.findall(repaired))
    found: list[tuple[int, str]] = []
    for number, (line, fixed) in enumerate(zip(before, after, strict=False), start=1):
        if not lost:
            break
        taken = (Counter(HAN_RE.findall(unify_radicals(line))) - Counter(HAN_RE.findall(fixed))) & lost
        if taken:
            found.append((number, "".join(taken.elements())))
            lost -= taken
    return found


def repair_page(text: str) -> str:
    """``text`` with radicals written as the characters they stand for, HTML tags removed and
    entities decoded, markdown links written as their text, a text browser's link numbers removed,
    rules at lines' edges removed, bylines' marks restored, OCR letter spacing closed, reporters'
    names set apart from their roles and vertical headlines put on one line, line for line (a page
    that needs none of it is returned as it is)."""
    lines = split_lines(text)
    repaired = lines
    if _RADICAL_RE.search(text):
        repaired = [unify_radicals(line) for line in repaired]
    if "<" in text and len(_TAG_RE.findall(text)) >= _TAGGED_MIN:
        repaired = [strip_tags(line) for line in repaired]
    if "](" in text and _MARKDOWN_LINK_RE.search(text):
        repaired = [unlink_markdown(line) for line in repaired]
    if "[" in text and link_references(lines):
        repaired = [unnumber_link(line) for line in repaired]
    if "&" in text:  # after the tags: an &lt; in the text is no tag
        repaired = [decode_entities(line) for line in repaired]
    if any(mark in text for mark in _RULE_MARKS):
        repaired = [strip_edge_rules(line) for line in repaired]
    if _opens_a_line_with_a_box_lookalike(text):
        repaired = [restore_byline_box(line) for line in repaired]
    # A letter-spaced page is a third spaces or more; most pages have next to none.
    if text.count(" ") * 5 >= len(text) and letter_spaced(repaired):
        repaired = [close_letter_spacing(line) for line in repaired]
    if "记" in text or "通" in text:  # 记者, 通讯员: spaced out by OCR, too, before the spacing is closed
        repaired = [set_reporters_apart(line) for line in repaired]
    repaired = join_vertical_runs(repaired)
    # Only where sentences are marked: the lines around the dash are read by their ends.
    if ("一一" in text or "一—" in text or "—一" in text) and _OCR_DASH_RE.search(text) and "。" in text:
        repaired = restore_subtitle_dashes(repaired)
    return text if repaired == lines else "\n".join(repaired)
