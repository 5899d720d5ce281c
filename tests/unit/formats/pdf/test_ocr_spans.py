"""Re-reading the doubtful spans of a traditional page's lines: grouping, cutting, joining and splicing,
with stand-in recognisers that read "printed" lines (each character a band of columns of its own grey).

A printed line is `PITCH` columns a character, the character's band `INK` columns wide in the middle of
its cell and paper (255) around it, so the stand-ins find each character and its centre from the pixels
alone, as a recogniser does, and a cut in the wrong place shows in what they read.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy
import pytest

from reader.formats.pdf import ocr, ocr_spans
from reader.formats.pdf.ocr_spans import Glyph, Reading

PITCH = 10
INK = 4
HEIGHT = 10
PAPER = 255
_codes: dict[str, int] = {}
_chars: dict[int, str] = {}


def _code(ch: str) -> int:
    if ch not in _codes:
        _codes[ch] = len(_codes) + 1
        _chars[_codes[ch]] = ch
    return _codes[ch]


def printed(text: str, gaps: Sequence[int] = ()) -> Any:
    """A line image of `text`; a cell index in `gaps` is left blank (a character the fast reader drops
    is simply not printed there: the space shows)."""
    cells = len(text) + len(gaps)
    image = numpy.full((HEIGHT, cells * PITCH, 3), PAPER, dtype=numpy.uint8)
    chars = iter(text)
    for cell in range(cells):
        if cell in gaps:
            continue
        left = cell * PITCH + (PITCH - INK) // 2
        image[:, left : left + INK] = _code(next(chars))
    return image


class StandIn:
    """Reads the bands of an image as characters: `misread` turns one character into another, `unsure`
    gives the listed characters a low confidence; every image read is kept."""

    def __init__(self, misread: dict[str, str] | None = None, unsure: str = "") -> None:
        self.misread = misread or {}
        self.unsure = unsure
        self.read: list[Any] = []

    def __call__(self, image: Any) -> Reading:
        self.read.append(image)
        column = image[0, :, 0]
        glyphs = []
        x = 0
        while x < len(column):
            if column[x] == PAPER or int(column[x]) not in _chars:
                x += 1
                continue
            end = x
            while end + 1 < len(column) and column[end + 1] == column[x]:
                end += 1
            true = _chars[int(column[x])]
            glyphs.append(Glyph(self.misread.get(true, true), 0.3 if true in self.unsure else 0.99, (x + end + 1) / 2))
            x = end + 1
        text = "".join(g.text for g in glyphs)
        return Reading(text, sum(g.conf for g in glyphs) / max(1, len(glyphs)), tuple(glyphs))


def in_order(reader: Callable[[Any], Any], lines: Sequence[Any]) -> list[Any]:
    return [reader(line) for line in lines]


def _glyphs(text: str, conf: float = 0.99, start: float = 5.0) -> tuple[Glyph, ...]:
    return tuple(Glyph(ch, conf, start + PITCH * i) for i, ch in enumerate(text))


def test_ctc_output_decodes_to_the_engines_text_and_score_with_each_characters_place() -> None:
    keys = ["blank", "甲", "乙", " "]
    steps = [1, 1, 0, 2, 0, 0, 1, 3]  # 甲 over two steps, blank, 乙, blanks, 甲 again, space
    probs = numpy.full((len(steps), len(keys)), 0.01, dtype=numpy.float32)
    for t, k in enumerate(steps):
        probs[t, k] = 0.6 if t == 1 else 0.9
    reading = ocr_spans.decode(probs, keys, width=80.0)  # 10 px a step
    assert reading.text == "甲乙甲 "
    assert [g.x for g in reading.glyphs] == [5.0, 30.0, 60.0, 70.0]  # the middle of each run of steps
    assert reading.glyphs[0].conf == pytest.approx(0.9)  # its best step
    decoder = pytest.importorskip("rapidocr_onnxruntime.ch_ppocr_rec.utils").CTCLabelDecode(character=keys[1:-1])
    ((text, score),) = decoder(probs[numpy.newaxis])
    assert (reading.text, reading.score) == (text, pytest.approx(score))


def test_doubtful_characters_are_the_unsure_the_ambiguous_and_the_neighbours_of_a_dropped_one() -> None:
    assert "发" in ocr_spans.ambiguous_simplified()  # 發 and 髮
    assert "东" not in ocr_spans.ambiguous_simplified()  # 東 only: the traditional-forms repair turns it back
    glyphs = list(_glyphs("甲乙丙丁戊己庚"))
    glyphs[1] = Glyph("乙", 0.5, glyphs[1].x)
    glyphs[3] = Glyph("发", 0.99, glyphs[3].x)
    marks = ocr_spans.doubtful(glyphs, 70, PITCH, ocr_spans.ambiguous_simplified())
    assert marks == [False, True, False, True, False, False, False]
    dropped = [*_glyphs("甲乙丙"), *_glyphs("丁戊", start=45.0)]  # a cell empty between 丙 and 丁
    assert ocr_spans.doubtful(dropped, 60, PITCH, frozenset()) == [False, False, True, True, False]
    short = _glyphs("甲乙丙")  # the line's box runs two cells past its last character: one was dropped there
    assert ocr_spans.doubtful(short, 50, PITCH, frozenset()) == [False, False, True]


def test_spans_take_context_either_side_and_merge_when_they_touch() -> None:
    marks = [False, True, False, False, False, True, False, True, False]
    assert ocr_spans.spans(marks) == [(0, 3), (4, 9)]
    assert ocr_spans.spans([True, False, False, False]) == [(0, 2)]
    assert ocr_spans.spans([False] * 4) == []
    assert ocr_spans.spans(marks, context=0) == [(1, 2), (5, 6), (7, 8)]


def test_cuts_fall_midway_between_characters_and_at_the_line_edges() -> None:
    glyphs = _glyphs("甲乙丙丁戊")
    assert ocr_spans.cuts(glyphs, [(0, 2), (3, 5)], 50) == [(0, 20), (30, 50)]
    assert ocr_spans.cuts(glyphs, [(1, 3)], 50) == [(10, 30)]


def test_joined_spans_keep_their_columns_with_paper_between_them() -> None:
    line = printed("甲乙丙丁戊")
    strip = ocr_spans.join(line, [(0, 20), (30, 50)])
    gap = strip.gap
    assert gap == round(ocr_spans.JOIN_GAP * HEIGHT)
    assert strip.bounds == ((0, 20), (20 + gap, 40 + gap))
    assert numpy.array_equal(strip.image[:, :20], line[:, :20])
    assert numpy.array_equal(strip.image[:, 20 + gap :], line[:, 30:50])
    assert (strip.image[:, 20 : 20 + gap] == PAPER).all()
    assert [g.text for g in StandIn()(strip.image).glyphs] == list("甲乙丁戊")


def _splice(line_text: str, fast: Reading, runs: list[tuple[int, int]], accurate: StandIn) -> Reading | None:
    line = printed(line_text)
    strip = ocr_spans.join(line, ocr_spans.cuts(fast.glyphs, runs, line.shape[1]))
    return ocr_spans.splice(fast, runs, strip, accurate(strip.image))


def test_a_span_read_again_replaces_the_fast_reading_between_its_context_characters() -> None:
    fast = StandIn(misread={"鑼": "罐", "東": "东"}, unsure="鑼")(printed("銅鑼灣東角碼頭"))
    spliced = _splice("銅鑼灣東角碼頭", fast, [(0, 3)], StandIn())
    assert spliced is not None and spliced.text == "銅鑼灣东角碼頭"  # 东 was not in a span: left to the repair
    two = _splice("銅鑼灣東角碼頭", fast, [(0, 3), (4, 7)], StandIn())
    assert two is not None and two.text == "銅鑼灣东角碼頭"
    # the context read differently: the cut missed, so the caller reads the line whole
    assert _splice("銅鑼灣東角碼頭", fast, [(0, 3)], StandIn(misread={"灣": "湾", "銅": "铜"})) is not None
    assert _splice("銅鑼灣東角碼頭", fast, [(0, 3)], StandIn(misread={"灣": "灘"})) is None


def test_a_character_read_only_in_another_width_keeps_the_fast_form() -> None:
    fast = StandIn(unsure="，")(printed("甲乙，丙丁"))
    spliced = _splice("甲乙，丙丁", fast, [(1, 4)], StandIn(misread={"，": ","}))
    assert spliced is not None and spliced.text == "甲乙，丙丁"
    spliced = _splice("甲乙，丙丁", fast, [(1, 4)], StandIn(misread={"，": "；"}))
    assert spliced is not None and spliced.text == "甲乙；丙丁"


def test_a_traditional_page_reads_only_its_doubtful_spans_again() -> None:
    lines = [printed("國際關係研究中心的報告指出"), printed("這些資料來自政府的公開文件")]
    fast = StandIn(misread={"際": "际", "係": "系"}, unsure="係")
    accurate = StandIn()
    read = ocr_spans.reread(lines, in_order(fast, lines), accurate, accurate, in_order)
    # 系 (unsure) is re-read with one character each side; 际 is sure and unambiguous, left to the repair
    assert [r.text for r in read] == ["國际關係研究中心的報告指出", "這些資料來自政府的公開文件"]
    assert len(accurate.read) == 1 and accurate.read[0].shape[1] == 3 * PITCH  # 關係研, nothing of line 2


def test_a_line_mostly_doubtful_or_failing_its_check_is_read_whole() -> None:
    lines = [printed("甲乙丙丁戊己"), printed("子丑寅卯辰巳午未申酉")]
    fast = StandIn(unsure="甲乙丙丁寅")
    accurate = StandIn()
    whole_reader = StandIn()
    read = ocr_spans.reread(lines, in_order(fast, lines), whole_reader, accurate, in_order)
    assert [r.text for r in read] == ["甲乙丙丁戊己", "子丑寅卯辰巳午未申酉"]
    # line 1 (most of it doubtful) whole, line 2 丑寅卯 only; both in the pass that reads the strips
    assert [image.shape[1] for image in accurate.read] == [60, 30] and whole_reader.read == []
    # the accurate recogniser reads a context character otherwise: the cut is not trusted, the line is read whole
    fast = StandIn(unsure="寅")
    whole_reader = StandIn()
    read = ocr_spans.reread(lines[1:], in_order(fast, lines[1:]), whole_reader, StandIn({"卯": "卵"}), in_order)
    assert [image.shape[1] for image in whole_reader.read] == [100]
    assert [r.text for r in read] == ["子丑寅卯辰巳午未申酉"]


TRADITIONAL = [
    "國際關係研究中心的報告指出這些資料來自政府",
    "過去幾年裡經濟發展與環境保護之間的關係",
    "認為應該繼續觀察",
]
SIMPLIFIED = [
    "国际关系研究中心的报告指出这些资料来自政府",
    "过去几年里经济发展与环境保护之间的关系",
    "认为应该继续观察",
]


def test_a_simplified_page_is_read_once_by_the_fast_recogniser_as_before() -> None:
    lines = [printed(text) for text in SIMPLIFIED]
    fast, accurate = StandIn(unsure="际"), StandIn()
    prior = ocr.ScriptPrior()
    read = ocr.recognise_spans(lines, fast, accurate, accurate, in_order, prior)
    assert [text for text, _ in read] == SIMPLIFIED
    assert accurate.read == [] and len(fast.read) == len(lines) and not prior.traditional


def test_a_traditional_page_sets_the_carried_script_and_a_simplified_one_after_it_ends_it() -> None:
    lines = [printed(text) for text in TRADITIONAL]
    prior = ocr.ScriptPrior()
    fast = StandIn(misread={"關": "关"}, unsure="關")
    accurate = StandIn()
    read = ocr.recognise_spans(lines, fast, accurate, accurate, in_order, prior)
    assert [text for text, _ in read] == TRADITIONAL and prior.traditional
    assert accurate.read and all(image.shape[1] < lines[0].shape[1] for image in accurate.read)
    simplified = [printed(text) for text in SIMPLIFIED]
    accurate = StandIn()
    read = ocr.recognise_spans(simplified, StandIn(unsure="际"), accurate, accurate, in_order, prior)
    assert [text for text, _ in read] == SIMPLIFIED and accurate.read == [] and not prior.traditional


def test_the_stored_engine_string_says_whether_spans_or_whole_pages_were_read_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert f"doubtful spans (< {ocr_spans.DOUBTFUL:g}) of traditional pages" in ocr.engine_version()
    # strips read narrower than whole lines change what the accurate recogniser reads, so a page cached at
    # the other width is read again; at the lines' own width the string stays what it was
    monkeypatch.setattr(ocr, "STRIP_SQUEEZE", ocr.ACCURATE.squeeze)
    assert ocr.engine_version().endswith(f"doubtful spans (< {ocr_spans.DOUBTFUL:g}) of traditional pages")
    monkeypatch.setattr(ocr, "STRIP_SQUEEZE", 0.5)
    assert ocr.engine_version().endswith("spans at 0.5 width")
    monkeypatch.setattr(ocr, "REREAD_SPANS", False)
    assert ocr.engine_version().endswith(f"{ocr.ACCURATE.name} at {ocr.ACCURATE.squeeze:g} width on traditional pages")


class Passes:
    """`each` that reads in order and counts its calls: a call is one pass over the engine's threads, which
    wait for the slowest item of a pass before the next can start."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, read: Callable[[Any], Any], items: Sequence[Any]) -> list[Any]:
        self.calls += 1
        return [read(item) for item in items]


def test_a_page_is_re_read_in_one_pass_with_the_reading_of_separate_passes() -> None:
    lines = [printed("甲乙丙丁戊己"), printed("子丑寅卯辰巳午未申酉"), printed("天地玄黃宇宙洪荒")]
    fast = StandIn(unsure="甲乙丙丁寅宇")
    # 卯 read otherwise in the strip: the third line's check fails there, so it is read whole
    strips, whole = StandIn({"卯": "卵"}), StandIn()
    passes = Passes()
    read = ocr_spans.reread(lines, in_order(fast, lines), whole, strips, passes)
    assert passes.calls == 1
    assert [r.text for r in read] == ["甲乙丙丁戊己", "子丑寅卯辰巳午未申酉", "天地玄黃宇宙洪荒"]
    assert [image.shape[1] for image in whole.read] == [100]  # the failed line, in the same pass
    # the same pages with the last two lines' fast readings still to do: done in that one pass too
    fast_later = StandIn(unsure="甲乙丙丁寅宇")
    passes = Passes()
    again = ocr_spans.reread(
        lines, in_order(fast_later, lines[:1]), StandIn(), StandIn({"卯": "卵"}), passes, fast_later
    )
    assert passes.calls == 1 and len(fast_later.read) == 3
    assert again == read
    with pytest.raises(ValueError):
        ocr_spans.reread(lines, [], StandIn(), StandIn(), passes)


def test_a_traditional_page_judged_on_its_sample_is_read_in_two_passes_with_the_same_text() -> None:
    lines = [printed(text) for text in TRADITIONAL * 4]  # 12 lines: the sample and four more
    misread = {"關": "关", "發": "发"}
    passes, carried_passes = Passes(), Passes()
    judged = ocr.recognise_spans(
        lines, StandIn(misread, unsure="關發"), StandIn(), StandIn(), passes, ocr.ScriptPrior()
    )
    carried = ocr.recognise_spans(
        lines, StandIn(misread, unsure="關發"), StandIn(), StandIn(), carried_passes, ocr.ScriptPrior(True)
    )
    # the sample, then the rest's fast readings with every line's spans; carried: fast readings, then spans
    assert (passes.calls, carried_passes.calls) == (2, 2)
    assert judged == carried and [text for text, _ in judged] == TRADITIONAL * 4


def test_the_paper_colour_between_spans_is_the_median_numpy_gives() -> None:
    rng = numpy.random.default_rng(7)
    lines = [
        rng.integers(0, 256, (9, 31, 3), dtype=numpy.uint8),  # odd count: the middle value
        rng.integers(0, 256, (10, 30, 3), dtype=numpy.uint8),  # even: the two middle values' mean, cut
        numpy.array([[[3, 200, 0], [4, 201, 255]]], dtype=numpy.uint8),  # 3.5 -> 3, 200.5 -> 200, 127.5 -> 127
        printed("甲乙丙"),
    ]
    for line in lines:
        expected = numpy.median(line.reshape(-1, 3), axis=0).astype(numpy.uint8)
        assert ocr_spans._paper(line).tolist() == expected.tolist()
    assert ocr_spans._paper(lines[2]).tolist() == [3, 200, 127]
