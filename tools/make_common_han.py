"""Rewrite the table in liaocheng_tui/common_han.py: the 3,500 most common Chinese characters, most common first.

The ranking is derived from jieba's dictionary (installed with the app): each word's frequency
is credited to every Han character in it. Run from the repository root:

    python tools/make_common_han.py

tests/test_encodings.py checks that the shipped table is what this derivation gives.
"""

from __future__ import annotations

from pathlib import Path

import jieba

from liaocheng_tui.common_han import TABLE_SIZE, rank_han_characters

LINE = 50


def main() -> None:
    ranked = rank_han_characters(Path(jieba.__file__).parent / "dict.txt")[:TABLE_SIZE]
    lines = [ranked[start : start + LINE] for start in range(0, len(ranked), LINE)]
    source = Path(__file__).resolve().parent.parent / "liaocheng_tui" / "common_han.py"
    text = source.read_text(encoding="utf-8")
    head = text[: text.index("COMMON_HAN = (")]
    body = "".join(f'    "{line}"\n' for line in lines)
    source.write_text(f"{head}COMMON_HAN = (\n{body})\n", encoding="utf-8")


if __name__ == "__main__":
    main()
