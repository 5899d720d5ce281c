"""Which recogniser reads a scanned page's lines: the page's script decides, judged on the fast reading of
its first lines or carried from the page before (`ScriptPrior`), and a traditional page's reading is
repaired of the simplified forms the fast recogniser's list puts in it (`traditional_forms`).

Split out of `ocr`; the recognisers and the threads that run them are given by the caller, so this is
tested with stand-ins.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reader.formats.pdf.ocr_fragments import Quad
from reader.formats.pdf.ocr_spans import Each, GlyphReader, reread

TRADITIONAL_MAJORITY = 3
"""A page is taken to be printed in traditional script when its traditional-only characters outnumber its
simplified-only ones this many times (see `traditional_forms`)."""
MIN_TRADITIONAL = 10
"""…and there are at least this many of them: a line or two of traditional script decides nothing."""
REREAD_MAJORITY = 1
"""A page is read again by the accurate recogniser when, as the fast one read it, its traditional-only
characters are at least this many times its simplified-only ones (and `MIN_TRADITIONAL`): the fast one's
list lacks many traditional forms, so it reads a traditional page with a fifth to a quarter of its
script-specific characters simplified (134 to 46 on one page, short of `TRADITIONAL_MAJORITY`), while a
simplified page reads with none traditional (0 to 195-238 on the benchmark's pages)."""
SAMPLE_LINES = 8
"""Lines of a page the script is judged on (about 250 characters on a dense page, some 40-60 of them
script-specific): enough to tell the scripts apart, a third of a page's fast reading saved on a traditional
page."""

LineReader = Callable[[Any], tuple[str, float]]
"""A recogniser: one line image to its text and confidence."""


@dataclass
class ScriptPrior:
    """The script of the last page that showed one: a page after a traditional page is read by the accurate
    recogniser straight away, without the fast reading of its first lines (`recognise_lines`).

    The engine keeps one for all the pages it reads (in practice a document's pages, one after another).
    A wrong guess never costs accuracy: the accurate recogniser reads simplified text as well as the fast
    one (better), and its reading of the page decides the next page, so a simplified page in a traditional
    document, or the first page of a simplified document after a traditional one, costs one page's speed.
    With spans re-read (`recognise_spans`) the carried script only lets the page's lines be read by the fast
    recogniser in one pass instead of a sample and the rest; the whole reading is judged before any span is
    read again, so a wrong guess costs nothing."""

    traditional: bool = False


def recognise_lines(
    lines: Sequence[Any],
    fast: LineReader,
    accurate: LineReader,
    each: Callable[[LineReader, Sequence[Any]], list[tuple[str, float]]],
    prior: ScriptPrior | None = None,
) -> list[tuple[str, float]]:
    """A page's lines read by the `fast` recogniser, or, when the page reads as traditional script, by the
    `accurate` one: the fast one lacks many traditional forms, and a page is printed in one script, so the
    accurate one's reading of every line is the one wanted. The script is judged (`traditional` at
    `REREAD_MAJORITY`) on the fast reading of the first `SAMPLE_LINES` lines, so a traditional page does not
    pay the fast reading of all its lines; when `prior` says the last page was traditional, the accurate one
    reads every line at once and its reading is judged instead, for the next page. A page with too few
    script-specific characters to judge (a title, a table of figures) leaves `prior` as it was.
    `each(reader, lines)` reads lines (on the engine's threads), in their order."""
    if prior is not None and prior.traditional:
        read = each(accurate, lines)
        prior.traditional = _judged("".join(text for text, _ in read), prior.traditional)
        return read
    sample = each(fast, lines[:SAMPLE_LINES])
    sample_text = "".join(text for text, _ in sample)
    if sample and traditional(sample_text, REREAD_MAJORITY):
        if prior is not None:
            prior.traditional = True
        return each(accurate, lines)
    return sample + each(fast, lines[SAMPLE_LINES:]) if len(lines) > SAMPLE_LINES else sample


def _judged(text: str, before: bool) -> bool:
    """Whether a page's reading is traditional (at `REREAD_MAJORITY`), or `before` when it has fewer than
    `MIN_TRADITIONAL` script-specific characters to tell."""
    from reader.core.script.detect import detect_script

    info = detect_script(text)
    if info.traditional + info.simplified < MIN_TRADITIONAL:
        return before
    return traditional(text, REREAD_MAJORITY)


def traditional_forms(found: Sequence[tuple[Quad, str, float]]) -> list[tuple[Quad, str, float]]:
    """A page printed in traditional script with the simplified characters the recogniser put in it turned
    back into traditional ones (its dictionary lacks many traditional forms and reads 東 as 东, 參 as 参).

    Only a page that is plainly traditional is touched (traditional-only characters outnumber
    simplified-only ones `TRADITIONAL_MAJORITY` to one), and only its simplified-only characters change, each
    to its Taiwan standard form, so a simplified page, or a traditional character read right, is never
    altered; every line keeps its length, so boxes and offsets hold."""
    from reader.core.script.detect import detect_script

    text = "".join(text for _, text, _ in found)
    if not detect_script(text).simplified or not traditional(text):
        return list(found)
    return [(box, _traditional_line(text), score) for box, text, score in found]


def _traditional_line(text: str) -> str:
    """A line's simplified-only characters turned to their Taiwan standard forms, the rest left as read
    (unchanged when the conversion would change its length)."""
    from reader.core.script.detect import script_specific_chars
    from reader.core.script.opencc import convert

    simplified = script_specific_chars()[0]
    if not any(ch in simplified for ch in text):
        return text
    turned = convert(text, "s2tw")
    if len(turned) != len(text):
        return text
    return "".join(t if ch in simplified else ch for ch, t in zip(text, turned, strict=True))


def traditional(text: str, majority: float = TRADITIONAL_MAJORITY) -> bool:
    """Whether a page's text is plainly printed in traditional script: its traditional-only characters
    outnumber its simplified-only ones `majority` to one, and there are `MIN_TRADITIONAL` of them."""
    from reader.core.script.detect import detect_script

    info = detect_script(text)
    return info.traditional >= max(MIN_TRADITIONAL, majority * info.simplified)


def recognise_spans(
    lines: Sequence[Any],
    fast: GlyphReader,
    accurate: GlyphReader,
    strips: GlyphReader,
    each: Each,
    prior: ScriptPrior | None = None,
) -> list[tuple[str, float]]:
    """`recognise_lines` with a traditional page's lines re-read by spans (`REREAD_SPANS`): every line is
    read by the `fast` recogniser (with its characters' places), and on a traditional page only its
    doubtful spans are read again by the accurate one (`ocr_spans.reread`; `strips` reads the joined
    spans, `accurate` a whole line). A simplified page is read exactly as by `recognise_lines`. The script
    is judged on the first `SAMPLE_LINES` lines, or carried by `prior` (then all lines are read in one
    pass, and the page's reading judged for the next page); a carried guess that is wrong costs nothing,
    since the fast reading of the whole page is judged again before any span is re-read. When the sample
    shows a traditional page, its other lines are read by the fast recogniser in the same pass as the
    spans, each line's two readings one after the other on one thread (`ocr_spans.reread`). A traditional
    page's simplified forms left in sure characters (东 for 東: the fast list lacks the traditional form)
    are turned back here, as `traditional_forms` would turn them, so the page comes back in one script as
    the accurate recogniser's reading did."""
    carried = prior is not None and prior.traditional
    if carried:
        read = each(fast, lines)
        is_traditional = _judged("".join(r.text for r in read), True)
    else:
        read = each(fast, lines[:SAMPLE_LINES])
        is_traditional = bool(read) and traditional("".join(r.text for r in read), REREAD_MAJORITY)
        if is_traditional:  # the other lines' fast readings in the same pass as the spans re-read
            read = reread(lines, read, accurate, strips, each, fast)
        elif len(lines) > SAMPLE_LINES:
            read += each(fast, lines[SAMPLE_LINES:])
    if prior is not None and (carried or is_traditional):
        prior.traditional = is_traditional
    if not is_traditional:
        return [(r.text, r.score) for r in read]
    if carried:
        read = reread(lines, read, accurate, strips, each)
    return [(_traditional_line(r.text), r.score) for r in read]
