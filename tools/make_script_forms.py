"""Rewrite the table in liaocheng_tui/parse/script_forms.py: traditional forms of Chinese characters
and the simplified form each folds to, one character for one.

Made with OpenCC (``pip install opencc``; it is no dependency of the app): every Han character of
jieba's dictionary (installed with the app, ranked as ``liaocheng_tui.common_han`` ranks them) is
written in traditional script by OpenCC's s2t, s2tw and s2hk, and a form is kept where OpenCC's
t2s writes it back as that one character. Run from the repository root:

    python tools/make_script_forms.py
"""

from __future__ import annotations

from pathlib import Path

import jieba
import opencc  # type: ignore[import-not-found,unused-ignore]

from liaocheng_tui.common_han import rank_han_characters

# Forms that simplified text prints as characters of their own, so that folding them would change a
# word of a simplified page (哪吒, not 哪咤).
KEPT_AS_PRINTED = "吒"
LINE = 50


def script_forms() -> tuple[str, str]:
    """The traditional forms and their simplified forms, in the order of the ranked characters."""
    to_traditional = [opencc.OpenCC(name) for name in ("s2t", "s2tw", "s2hk")]
    to_simplified = opencc.OpenCC("t2s")
    simplified_of: dict[str, str] = {}
    for simple in rank_han_characters(Path(jieba.__file__).parent / "dict.txt"):
        for converter in to_traditional:
            form = converter.convert(simple)
            if len(form) == 1 and form != simple and form not in KEPT_AS_PRINTED:
                if to_simplified.convert(form) == simple:
                    simplified_of.setdefault(form, simple)
    return "".join(simplified_of), "".join(simplified_of.values())


def _lines(text: str) -> str:
    return "".join(f'    "{text[start : start + LINE]}"\n' for start in range(0, len(text), LINE))


def main() -> None:
    traditional, simplified = script_forms()
    source = Path(__file__).resolve().parent.parent / "liaocheng_tui" / "parse" / "script_forms.py"
    text = source.read_text(encoding="utf-8")
    head = text[: text.index("TRADITIONAL = (")]
    source.write_text(
        f"{head}TRADITIONAL = (\n{_lines(traditional)})\nSIMPLIFIED = (\n{_lines(simplified)})\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
