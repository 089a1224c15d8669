"""Places need evidence at their start, not only a dictionary hit inside a longer word (issue 10)."""

from __future__ import annotations

import pytest

from liaocheng_tui.analysis import places_in


@pytest.mark.parametrize(
    "text",
    [
        # 省农安县 abbreviates 省级农产品质量安全县: 省 is glued to the name, no province ends there
        "以国家和省农安县创建为载体,探索创新行之有效的监管模式",
        "争创省农安县",
        # 国 of 国家级 glued the same way
        "获评国东阿县",
    ],
)
def test_a_name_glued_to_a_level_character_is_no_place(text: str) -> None:
    assert places_in(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("吉林省农安县的玉米", ["农安县"]),  # a province ends at 省: a real boundary
        ("山东省东阿县", ["东阿县"]),
        ("聊城市东阿县阿胶", ["聊城市", "东阿县"]),
        ("记者在东阿县采访", ["东阿县"]),
        ("来自聊城市的消息", ["聊城市"]),
        ("全国东阿县", ["东阿县"]),  # 全国 is a word that ends at 国
        ("革命老区耒阳市", ["耒阳市"]),
        ("西藏林芝市墨脱县", ["墨脱县"]),
    ],
)
def test_real_places_in_running_text_are_still_found(text: str, expected: list[str]) -> None:
    assert places_in(text) == expected
