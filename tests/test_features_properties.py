"""Property tests: the line features' quick answers agree with the regexes they stand in for."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from liaocheng_tui.parse import features
from liaocheng_tui.parse.chars import HAN_CLASS

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
    assert features._han_share(text) == (han == len(text), han < 0.5 * len(text))
