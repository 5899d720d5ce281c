"""Offset maps of length-changing views: spans land on the same characters in both directions."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.script import Script, convert, make_view
from reader.core.text.offsetmap import Block, OffsetMap, align

# Words whose s2twp (and tw2sp) conversion changes length, words whose conversion keeps it,
# characters outside the BMP, and separators.
_SIMPLIFIED_WORDS = [
    "老挝", "U盘", "B超", "的士", "端口", "卡塔尔", "出租车", "打印机", "软件", "信息", "互联网", "支持", "激活",
    "激光打印机", "老挝人民民主共和国", "医院", "县级", "头发", "发展", "𠗣", "𡃁", "人", "。", "，", "\n", " ",
]  # fmt: skip
_TAIWAN_WORDS = ["快閃記憶體", "網際網路", "寮國", "隨身碟", "計程車", "軟體", "醫院", "𠗣", "𡃁", "。", "頭髮"]


def _texts(words: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(words), max_size=25).map("".join)


def _check_map(text: str, view: str, omap: OffsetMap, config: str, data: st.DataObject) -> None:
    assert omap.source_length == len(text) and omap.view_length == len(view)
    assert omap.to_view(0) == 0 and omap.to_view(len(text)) == len(view)
    assert omap.to_source(0) == 0 and omap.to_source(len(view)) == len(text)
    forward = [omap.to_view(i) for i in range(len(text) + 1)]
    assert forward == sorted(forward)
    # Wherever the whole conversion splits into the conversions of its parts, the map agrees.
    for cut in range(len(text) + 1):
        head = convert(text[:cut], config)
        if head + convert(text[cut:], config) == view:
            assert omap.to_view(cut) == len(head)
            assert omap.to_source(len(head)) == cut
    # Random spans: mapping there and back never loses a character, and a span that the
    # conversion can cut out on its own lands exactly on its own conversion.
    for _ in range(10):
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, len(text)))
        vs, ve = omap.span_to_view(start, end)
        assert 0 <= vs <= ve <= len(view)
        back = omap.span_to_source(vs, ve)
        if start < end:  # a caret inside a changed phrase snaps to its start instead
            assert back[0] <= start and end <= back[1]
        left, middle, right = text[:start], text[start:end], text[end:]
        parts = [convert(p, config) for p in (left, middle, right)]
        if "".join(parts) == view:
            assert (vs, ve) == (len(parts[0]), len(parts[0]) + len(parts[1]))
            assert view[vs:ve] == parts[1]
        vstart = data.draw(st.integers(0, len(view)))
        vend = data.draw(st.integers(vstart, len(view)))
        ss, se = omap.span_to_source(vstart, vend)
        again = omap.span_to_view(ss, se)
        if vstart < vend:
            assert again[0] <= vstart and vend <= again[1]


@settings(max_examples=150, deadline=None)
@given(_texts(_SIMPLIFIED_WORDS), st.data())
def test_s2twp_offsets(text: str, data: st.DataObject) -> None:
    view = make_view(text, Script.TW, phrases=True, vocabulary="all")
    assert view.text == convert(text, "s2twp")
    _check_map(text, view.text, view.offsets, "s2twp", data)


@settings(max_examples=150, deadline=None)
@given(_texts(_SIMPLIFIED_WORDS), st.data())
def test_conservative_vocabulary_offsets(text: str, data: st.DataObject) -> None:
    view = make_view(text, Script.TW, phrases=True)
    assert view.text == convert(text, "s2twp-safe")
    _check_map(text, view.text, view.offsets, "s2twp-safe", data)


@settings(max_examples=100, deadline=None)
@given(_texts(_TAIWAN_WORDS), st.data())
def test_tw2sp_offsets(text: str, data: st.DataObject) -> None:
    view = make_view(text, Script.HANS, phrases=True)
    assert view.text == convert(text, "tw2sp-safe")
    _check_map(text, view.text, view.offsets, "tw2sp-safe", data)
    full = make_view(text, Script.HANS, phrases=True, vocabulary="all")
    assert full.text == convert(text, "tw2sp")
    _check_map(text, full.text, full.offsets, "tw2sp", data)


def test_blocks_are_single_phrases() -> None:
    text = "在老挝用U盘，老挝人民民主共和国。"
    view = make_view(text, Script.TW, phrases=True)
    assert view.text == "在寮國用隨身碟，寮人民民主共和國。"
    # 老挝→寮國 keeps its length; U盘→隨身碟 and, inside the country name, 老挝→寮 do not.
    assert view.offsets.blocks == (Block(4, 6, 4, 7), Block(7, 9, 8, 9))
    assert view.offsets.span_to_view(9, 15) == (9, 15)  # 人民民主共和 lands on 人民民主共和
    assert view.offsets.span_to_view(8, 9) == (8, 9)  # half of 老挝 widens to all of 寮
    assert view.offsets.to_view(8) == 8
    assert view.offsets.span_to_source(8, 9) == (7, 9)


def test_long_paragraph_without_punctuation() -> None:
    # No break characters: the search has to find OpenCC's segments inside one long piece.
    text = "老挝出租车的士" * 30
    view, omap = align(text, lambda s: convert(s, "s2twp"), lambda s: [convert(c, "s2twp") for c in s])
    assert view == convert(text, "s2twp")
    assert len(omap.blocks) == 30  # 的士→計程車 changes length; 老挝→寮國 and 出租车→計程車 do not
    unit = len(convert("老挝出租车的士", "s2twp"))
    assert [omap.to_view(7 * k) for k in range(31)] == [unit * k for k in range(31)]


# --- the map itself ----------------------------------------------------------------------------------


def test_identity_map() -> None:
    omap = OffsetMap.identity(5)
    assert omap.is_identity
    assert omap.span_to_view(1, 4) == (1, 4) == omap.span_to_source(1, 4)
    assert omap == OffsetMap(5, 5)


def test_map_snaps_inside_a_block() -> None:
    # source "ab" + "XYZ" + "c" → view "ab" + "W" + "c"
    omap = OffsetMap(6, 4, [Block(2, 5, 2, 3)])
    assert not omap.is_identity
    assert [omap.to_view(i) for i in range(7)] == [0, 1, 2, 2, 2, 3, 4]
    assert [omap.to_source(i) for i in range(5)] == [0, 1, 2, 5, 6]
    assert omap.span_to_view(3, 4) == (2, 3)
    assert omap.span_to_view(3, 3) == (2, 2)
    assert omap.span_to_source(2, 3) == (2, 5)
    assert omap.span_to_source(0, 4) == (0, 6)


def test_map_rejects_bad_input() -> None:
    with pytest.raises(ValueError):
        OffsetMap(3, 3, [Block(0, 2, 0, 1)])  # lengths do not add up
    with pytest.raises(ValueError):
        OffsetMap(4, 4, [Block(0, 1, 0, 2), Block(0, 2, 2, 3)])  # overlap
    with pytest.raises(ValueError):
        OffsetMap(3, 4, [Block(1, 1, 1, 2)])  # empty source side
    omap = OffsetMap(6, 4, [Block(2, 5, 2, 3)])
    with pytest.raises(IndexError):
        omap.to_view(7)
    with pytest.raises(IndexError):
        omap.to_source(-1)
    with pytest.raises(ValueError):
        omap.span_to_view(3, 2)
