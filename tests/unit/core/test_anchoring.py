"""Unit and property tests for re-anchoring annotations (reader.core.annotations.anchoring).

Why: annotations are the user's own work; if an edit to the text silently moves a highlight onto the
wrong words, the user loses trust in every highlight. These cases pin the behaviour of each rule;
test_anchoring_eval.py measures the rules together on real documents.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from reader.core.annotations.anchoring import CONTEXT, Anchor, Selector, anchor, anchor_many, describe
from reader.core.annotations.approx_match import best_prefix_alignment, edit_distance, find_approximate

TEXT = (
    "县域医院综合能力提升项目医学专科交流会在南宁顺利召开。\n"
    "国家卫生健康委卫生发展研究中心相关领导出席会议并讲话。\n"
    "会议强调，要推动优质医疗资源扩容下沉和区域均衡布局。\n"
    "各县级医院代表围绕学科建设、人才培养和信息化建设展开交流。\n"
)


def _select(text: str, quote: str, occurrence: int = 0) -> Selector:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quote, start + 1)
    return describe(text, start, start + len(quote))


def _placed(text: str, found: Anchor | None) -> str:
    assert found is not None
    return text[found.start : found.end]


# -- describe -----------------------------------------------------------------------------------


def test_describe_records_quote_and_context() -> None:
    sel = describe(TEXT, 30, 40)
    assert sel.quote == TEXT[30:40]
    assert sel.prefix == TEXT[0:30]
    assert sel.suffix == TEXT[40:72]
    assert (sel.start, sel.end) == (30, 40)


def test_describe_rejects_bad_spans() -> None:
    with pytest.raises(ValueError):
        describe(TEXT, 10, 5)
    with pytest.raises(ValueError):
        describe(TEXT, 0, len(TEXT) + 1)


# -- the exact paths ----------------------------------------------------------------------------


def test_unchanged_text_anchors_exactly_with_full_score() -> None:
    sel = _select(TEXT, "优质医疗资源扩容下沉")
    found = anchor(TEXT, sel)
    assert found == Anchor(sel.start, sel.end, True, 1.0)


def test_text_inserted_before_shifts_the_anchor() -> None:
    sel = _select(TEXT, "优质医疗资源扩容下沉")
    inserted = "【编者按】本文转载自医视界，略有删节。\n"
    found = anchor(inserted + TEXT, sel)
    assert found is not None and found.exact
    assert found.start == sel.start + len(inserted)
    assert found.score > 0.9


def test_line_removed_before_shifts_the_anchor() -> None:
    sel = _select(TEXT, "学科建设、人才培养")
    first_line = TEXT.index("\n") + 1
    found = anchor(TEXT[first_line:], sel)
    assert found is not None
    assert found.start == sel.start - first_line


def test_duplicate_quote_elsewhere_context_chooses() -> None:
    text = "甲院召开会议，研究部署医疗质量工作。乙院同日召开会议，研究部署医疗质量工作。"
    second = _select(text, "召开会议", occurrence=1)
    # The first occurrence is now where the second was expected, but its context is different.
    moved = "丙院" + text
    found = anchor(moved, second)
    assert found is not None
    assert found.start == second.start + 2


def test_duplicate_sentence_copied_above_edited_original_is_kept() -> None:
    sel = _select(TEXT, "要推动优质医疗资源扩容下沉和区域均衡布局")
    line = "会议强调，要推动优质医疗资源扩容下沉和区域均衡布局。\n"
    # A later cleaner corrects one character in the original; a verbatim copy of the line sits far above.
    edited = TEXT.replace("扩容下沉", "扩容下移")
    text = line + "\n".join(["无关段落" * 20] * 10) + "\n" + edited
    found = anchor(text, sel)
    assert found is not None and not found.exact
    assert found.start == text.index("要推动优质医疗资源扩容下移")


def test_anchor_many_follows_a_common_shift() -> None:
    sels = [_select(TEXT, q) for q in ("综合能力", "相关领导", "区域均衡布局", "信息化建设")]
    text = "前言一行。\n" * 5 + TEXT
    found = anchor_many(text, list(reversed(sels)))
    shift = len("前言一行。\n") * 5
    assert [f.start if f else None for f in found] == [s.start + shift for s in reversed(sels)]
    assert all(f is not None and f.exact for f in found)


def test_anchor_many_on_empty_list() -> None:
    assert anchor_many(TEXT, []) == []


# -- the approximate path -----------------------------------------------------------------------


def test_characters_changed_within_quote_still_anchor() -> None:
    sel = _select(TEXT, "国家卫生健康委卫生发展研究中心相关领导出席会议")
    changed = TEXT.replace("发展研究", "發展研究").replace("出席", "出度")
    found = anchor(changed, sel)
    assert found is not None and not found.exact
    assert _placed(changed, found) == "国家卫生健康委卫生發展研究中心相关领导出度会议"
    assert 0.0 < found.score < 1.0


def test_quote_with_a_character_inserted_and_one_deleted() -> None:
    sel = _select(TEXT, "各县级医院代表围绕学科建设、人才培养和信息化建设展开交流")
    changed = TEXT.replace("各县级医院代表", "各县级医院的代表").replace("人才培养", "人才培")
    found = anchor(changed, sel)
    assert _placed(changed, found) == "各县级医院的代表围绕学科建设、人才培和信息化建设展开交流"


def test_quote_deleted_is_an_orphan() -> None:
    sel = _select(TEXT, "会议强调，要推动优质医疗资源扩容下沉和区域均衡布局。")
    lines = TEXT.splitlines(keepends=True)
    without = "".join(line for line in lines if not line.startswith("会议强调"))
    assert anchor(without, sel) is None


def test_quote_rewritten_beyond_recognition_is_an_orphan() -> None:
    sel = _select(TEXT, "优质医疗资源扩容下沉")
    rewritten = TEXT.replace("优质医疗资源扩容下沉", "好的大夫到乡下去看病")
    assert anchor(rewritten, sel) is None


def test_short_quote_changed_in_place_is_orphaned_not_moved_to_a_copy() -> None:
    sel = _select(TEXT, "讲话")
    text = TEXT.replace("出席会议并讲话", "出席会议并致辞") + "另一位领导也讲话了。\n"
    assert anchor(text, sel) is None


# -- short, empty and astral quotes -------------------------------------------------------------


def test_single_character_quote_uses_context() -> None:
    sel = _select(TEXT, "下", occurrence=0)
    text = "下" * 10 + "\n" + TEXT
    found = anchor(text, sel)
    assert found is not None and found.start == sel.start + 11


def test_single_common_character_without_context_is_orphaned() -> None:
    sel = Selector(start=5, end=6, quote="的", prefix="完全不同的前文", suffix="也不相干的后文")
    assert anchor("这是一个很长的句子，其中有的字很常见。", sel) is None


def test_empty_quote_anchors_between_prefix_and_suffix() -> None:
    sel = describe(TEXT, 20, 20)
    assert sel.quote == ""
    found = anchor("新增一行。\n" + TEXT, sel)
    assert found is not None
    assert (found.start, found.end) == (26, 26)


def test_empty_selector_on_empty_text() -> None:
    sel = describe("", 0, 0)
    assert anchor("", sel) == Anchor(0, 0, True, 1.0)


def test_non_bmp_characters_count_as_one_code_point() -> None:
    text = "第一段：𠗣𠀀字在此。\n第二段：有𠗣字的句子，用于测试。\n"
    sel = _select(text, "有𠗣字的句子")
    found = anchor("𠀀𠀀\n" + text, sel)
    assert found is not None and found.exact
    assert found.start == sel.start + 3
    changed = ("𠀀𠀀\n" + text).replace("有𠗣字的句子", "有𠗣字的句孑")
    fuzzy = anchor(changed, sel)
    assert fuzzy is not None and not fuzzy.exact
    assert fuzzy.start == sel.start + 3 and fuzzy.end == sel.end + 3


def test_selector_positions_outside_the_text_do_not_raise() -> None:
    sel = Selector(start=10_000, end=10_010, quote="县域医院综合能力提升", prefix="", suffix="")
    found = anchor(TEXT, sel)
    assert found is not None and _placed(TEXT, found) == "县域医院综合能力提升"


# -- the matcher ---------------------------------------------------------------------------------


def _levenshtein(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


small_text = st.text(alphabet="医院县𠗣ab\n", max_size=40)


@settings(max_examples=300, deadline=None)
@given(a=small_text, b=small_text)
def test_edit_distance_matches_dynamic_programming(a: str, b: str) -> None:
    assert edit_distance(a, b) == _levenshtein(a, b)


@settings(max_examples=300, deadline=None)
@given(pattern=st.text(alphabet="医院县𠗣ab", min_size=1, max_size=12), text=small_text, k=st.integers(0, 4))
def test_find_approximate_reports_true_distances(pattern: str, text: str, k: int) -> None:
    for match in find_approximate(pattern, text, k):
        assert 0 <= match.start <= match.end <= len(text)
        assert _levenshtein(pattern, text[match.start : match.end]) == match.errors <= k


@settings(max_examples=200, deadline=None)
@given(pattern=small_text, text=small_text)
def test_best_prefix_alignment_is_the_minimum(pattern: str, text: str) -> None:
    dist, length = best_prefix_alignment(pattern, text)
    assert dist == min(_levenshtein(pattern, text[:j]) for j in range(len(text) + 1))
    assert _levenshtein(pattern, text[:length]) == dist


# -- properties of anchor ------------------------------------------------------------------------

selectors = st.builds(
    Selector,
    start=st.integers(-5, 60),
    end=st.integers(-5, 60),
    quote=st.text(alphabet="医院县区𠗣a\n", max_size=12),
    prefix=st.text(alphabet="医院县区𠗣a\n", max_size=32),
    suffix=st.text(alphabet="医院县区𠗣a\n", max_size=32),
)


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="医院县区𠗣ab\n", max_size=60), selector=selectors)
def test_anchor_never_raises_and_stays_in_bounds(text: str, selector: Selector) -> None:
    found = anchor(text, selector)
    if found is not None:
        assert 0 <= found.start <= found.end <= len(text)
        assert 0.0 <= found.score <= 1.0
        if found.exact:
            assert text[found.start : found.end] == selector.quote


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet="医院县区𠗣ab\n", max_size=60), data=st.data())
def test_describe_then_anchor_on_same_text_is_exact(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    sel = describe(text, start, end)
    found = anchor(text, sel)
    assert found is not None and found.exact
    assert text[found.start : found.end] == sel.quote
    assert (found.start, found.end) == (start, end)


@settings(max_examples=100, deadline=None)
@given(text=st.text(alphabet="医院县区𠗣ab\n", max_size=60), sels=st.lists(selectors, max_size=5))
def test_anchor_many_matches_length_and_bounds(text: str, sels: list[Selector]) -> None:
    results = anchor_many(text, sels)
    assert len(results) == len(sels)
    for found in results:
        assert found is None or 0 <= found.start <= found.end <= len(text)


# -- copies of the passage and the stored position ------------------------------------------------

_LONG = (
    "会议强调，要推动优质医疗资源扩容下沉和区域均衡布局，持续提升县级医院综合能力，"
    "加强学科建设、人才培养和信息化建设，让群众在家门口看得上病、看得好病。\n"
)


def test_copy_pasted_above_does_not_capture_the_edited_original() -> None:
    # The copy lands nearer the stored position than the original, which it pushed along by exactly
    # its own length; the original is then corrected. The copy matches quote and context better, but
    # only the original's displacement is explained, by the copy itself.
    head = "第一段落的文字内容。" * 4 + "\n"
    short = "这是一个比较短的一行文字。\n"
    text = head + short + _LONG + "结尾一行。\n"
    sel = _select(text, "持续提升县级医院综合能力")
    edited_long = _LONG.replace("县级医院", "县級医院")
    changed = head + _LONG + short + edited_long + "结尾一行。\n"
    found = anchor(changed, sel)
    assert found is not None and not found.exact
    assert found.start == sel.start + len(_LONG)


def test_line_repeated_twice_in_a_row_keeps_the_first_copy() -> None:
    text = "前言。\n" + _LONG + _LONG + "结尾一行。\n"
    sel = _select(text, "持续提升县级医院综合能力", occurrence=0)
    moved = "新增的一行说明文字。\n" + text
    found = anchor(moved, sel)
    assert found is not None and found.exact
    assert found.start == sel.start + len("新增的一行说明文字。\n")


def test_quote_edited_at_its_stored_position_beats_an_exact_copy_nearby() -> None:
    # An exact copy with its context sits a few lines away; the passage itself, edited in place,
    # is still exactly where it was: no copy lands on the stored position by chance.
    sel = _select(TEXT, "国家卫生健康委卫生发展研究中心")
    changed = TEXT.replace("国家卫生健康委卫生发展研究中心", "国家卫生健康委衛生发展研究中心")
    copy = TEXT.splitlines(keepends=True)[1]
    text = changed + copy
    found = anchor(text, sel)
    assert found is not None and not found.exact
    assert found.start == sel.start


def test_the_old_text_tells_identical_copies_apart() -> None:
    """A line repeated six times, the fourth annotated, a line inserted above: the quote, prefix and
    suffix fit several copies, so only the diff against the old text knows which one it was."""
    from reader.core.annotations.anchoring import OffsetCarrier

    line = "千县工程是国家卫生健康委提出的重要举措。"
    old = "\n".join([line] * 6) + "\n"
    start = 3 * (len(line) + 1)
    selector = describe(old, start, start + len(line))
    new = "新加的一行文字，放在最前面。\n" + old
    truth = start + len(new) - len(old)
    with_old = anchor(new, selector, old_text=old)
    assert with_old is not None and with_old.start == truth
    assert anchor_many(new, [selector], old_text=old)[0] == with_old
    carrier = OffsetCarrier(old, new)
    assert [carrier.carry(i) for i in (0, start, len(old))] == [len(new) - len(old), truth, len(new)]


@settings(max_examples=150, deadline=None)
@given(
    lines=st.lists(st.text(alphabet="医院县𠗣ab", min_size=0, max_size=8), min_size=1, max_size=8),
    inserted=st.text(alphabet="新行c", min_size=0, max_size=8),
    at=st.integers(0, 8),
)
@example(lines=["a", "a", "a"], inserted="", at=1)  # repeated lines: the diff once matched the wrong copies
def test_offsets_carry_through_an_inserted_line(lines: list[str], inserted: str, at: int) -> None:
    from reader.core.annotations.anchoring import OffsetCarrier

    at = min(at, len(lines))
    old = "\n".join(lines) + "\n"
    new_lines = [*lines[:at], inserted, *lines[at:]]
    new = "\n".join(new_lines) + "\n"
    cut = sum(len(ln) + 1 for ln in lines[:at])
    carrier = OffsetCarrier(old, new)
    for offset in range(len(old) + 1):
        carried = carrier.carry(offset)
        assert 0 <= carried <= len(new)
        if offset < len(old) and old[offset] != "\n" and offset >= cut and inserted not in lines:
            assert new[carried] == old[offset]


def _selected(text: str, quote: str) -> Selector:
    start = text.index(quote)
    end = start + len(quote)
    return Selector(start, end, quote, text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT])


def test_a_passage_whose_markup_the_cleaner_dropped_stays_on_its_words() -> None:
    """A Markdown heading and a table row lose their `##`, pipes and stars when the reading text drops the
    syntax: more than the fuzzy budget of the quote, but the diff knows where the words went."""
    old = "前言\n## 一、代码示例\n说明文字一段。\n| **加粗** | 普通单元格 |\n结束。\n"
    new = "前言\n一、代码示例\n说明文字一段。\n加粗\t普通单元格\n结束。\n"
    heading = _selected(old, "## 一、代码示例")
    row = _selected(old, "| **加粗** | 普通单元格 |")
    placed = anchor_many(new, [heading, row], old_text=old)
    assert [new[a.start : a.end] for a in placed if a is not None] == ["一、代码示例", "加粗\t普通单元格"]
    assert anchor(new, heading, old_text=old) == placed[0]
    assert anchor_many(new, [heading, row]) == [None, None]  # without the old text nothing says where


def test_a_rewritten_or_mostly_deleted_passage_is_still_an_orphan() -> None:
    old = "前言\n今年全市新建养老服务设施一百二十处，超额完成任务。\n结束。\n"
    for new in ("前言\n今年全市新建文化场馆三处。\n结束。\n", "前言\n今年。\n结束。\n"):
        (found,) = anchor_many(
            new, [_selected(old, "今年全市新建养老服务设施一百二十处，超额完成任务。")], old_text=old
        )
        assert found is None, new


def test_a_sentence_edited_into_another_is_not_carried_onto_it() -> None:
    """The same characters are not the same words: a negation or two parties swapped is a new sentence,
    and an annotation on the old one is an orphan rather than a highlight on what the text now says."""
    for before, after in (
        ("> **本会同意该项目立项申请报告**", "本会不同意该项目立项申请报告"),
        ("- **甲方向乙方支付货款一百万元**", "- 乙方向甲方支付货款一百万元"),
    ):
        old = f"前言\n{before}\n结束。\n"
        new = f"前言\n{after}\n结束。\n"
        assert anchor_many(new, [_selected(old, before)], old_text=old) == [None], after


def test_only_a_passage_on_the_same_words_is_rebased() -> None:
    old = "前言\n## 一、代码示例\n结束。\n"
    new = "前言\n一、代码示例\n结束。\n"
    (found,) = anchor_many(new, [_selected(old, "## 一、代码示例")], old_text=old)
    assert found is not None and found.rebased
    fuzzy_old = "前言\n今年全市新建养老服务设施一百二十处。\n结束。\n"
    fuzzy_new = "前言\n今年全市新建养老服务设施一百二十三处。\n结束。\n"
    (fuzzy,) = anchor_many(
        fuzzy_new, [_selected(fuzzy_old, "今年全市新建养老服务设施一百二十处。")], old_text=fuzzy_old
    )
    assert fuzzy is not None and not fuzzy.exact and not fuzzy.rebased
