"""One document as it is drawn: the text in a chosen script, and the way back to stored offsets.

Everything drawn on the text (highlights, search hits, annotations, the selection) is stored as
code-point offsets into the cleaned text. The pane shows a script view whose offsets may differ (phrase
conversions change lengths) and Qt counts UTF-16 units; this is the single place where both are crossed.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.script import Script, View, make_view
from reader.core.text.textpos import Utf16Index


@dataclass(frozen=True)
class DisplayText:
    source: str
    view: View
    index: Utf16Index

    @property
    def text(self) -> str:
        return self.view.text

    def to_qt(self, start: int, end: int) -> tuple[int, int]:
        """Stored code-point span → UTF-16 span in the displayed text."""
        start = max(0, min(start, len(self.source)))
        end = max(start, min(end, len(self.source)))
        vs, ve = self.view.offsets.span_to_view(start, end)
        return self.index.span_to_utf16(vs, ve)

    def to_qt_pos(self, offset: int) -> int:
        return self.to_qt(offset, offset)[0]

    def from_qt(self, start: int, end: int) -> tuple[int, int]:
        """UTF-16 span in the displayed text → stored code-point span."""
        vs, ve = self.index.span_to_cp(start, end)
        return self.view.offsets.span_to_source(vs, ve)

    def from_qt_pos(self, pos: int) -> int:
        return self.from_qt(pos, pos)[0]


def display(text: str, script: Script | str = Script.ORIG, phrases: bool = False) -> DisplayText:
    view = make_view(text, Script(script), phrases)
    return DisplayText(source=text, view=view, index=Utf16Index(view.text))


def prewarm() -> None:
    """Load every converter and character table once, so the first switch of script is as fast as later ones.

    Cold, the first traditional view costs about a second more than later ones, most of it the phrase
    guard's segmenter dictionary; the window runs this in a background thread at start.
    """
    from reader.core.script.fix import load_dictionary

    load_dictionary()  # the phrase guard's segmenter: the first guarded view would otherwise pay for it
    sample = "软件和鼠标，國家醫院发展"
    for script in Script:
        for phrases in (False, True):
            make_view(sample * 3, script, phrases)
