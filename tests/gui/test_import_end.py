"""The end of an import, spread over turns of the event loop so that the window never stops for long."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from reader.app import operations as ops
from reader.app.importing import import_paths
from reader.app.reports import ImportReport
from reader.core.script import Script
from reader.store.entities import EntityStore
from reader.store.library import Library
from reader.ui.app import create_window
from reader.ui.main_window import SWITCH_INTERVAL_S, TURN_MS, MainWindow
from reader.ui.reading_pane import WARM_CHARS, WARM_STEP, line_pieces

# A wait, registered within a step, that ends after the next step's timer (TURN_MS) has fired: when it
# ends, a step that was going to run has run. Timers of this length fire in the order of their ends.
AFTER_NEXT_TURN_MS = 50 * TURN_MS


def _ids(window: MainWindow) -> list[int]:
    ids = [window.model.id_at(row) for row in range(window.model.rowCount())]
    assert None not in ids and len(ids) >= 3
    return [doc_id for doc_id in ids if doc_id is not None]


def test_the_window_hands_the_interpreter_lock_over_quickly_while_it_is_open(
    qtbot: QtBot, seeded_library: Path, tmp_path: Path
) -> None:
    found = sys.getswitchinterval()
    sys.setswitchinterval(0.005)  # CPython's default, whatever an earlier test left
    try:
        window = create_window(seeded_library, config_dir=tmp_path / "config", seed=False)
        qtbot.addWidget(window)
        assert sys.getswitchinterval() == SWITCH_INTERVAL_S
        window.close()
        window.library.close()
        assert sys.getswitchinterval() == 0.005  # what the process had before the window
    finally:
        sys.setswitchinterval(found)


def test_steps_run_in_order_each_on_its_own_turn(window: MainWindow, qtbot: QtBot) -> None:
    """What a step leaves queued (a paint, a key press, here a zero-delay call) runs before the next step."""
    order: list[str] = []

    def first() -> None:
        order.append("first")
        QTimer.singleShot(0, lambda: order.append("queued by first"))

    window._in_turns([first, lambda: order.append("second")])
    assert order == []  # nothing runs within the call
    qtbot.waitUntil(lambda: len(order) == 3, timeout=5000)
    assert order == ["first", "queued by first", "second"]


def test_an_import_report_opens_its_document_before_it_is_announced(window: MainWindow, qtbot: QtBot) -> None:
    shown = window.current
    assert shown is not None
    other = next(s.id for s in window.library.all_summaries() if s.id != shown.id)
    with qtbot.waitSignal(window.importFinished, timeout=5000) as announced:
        window.imports.importFinished.emit(ImportReport(imported=[other]))
        assert window.current is not None and window.current.id == shown.id  # not within the report's turn
    assert announced.args[0].imported == [other]
    assert window.current is not None and window.current.id == other
    assert window.pane.toPlainText()  # its text is shown


def test_a_background_report_leaves_the_open_document_open(window: MainWindow, qtbot: QtBot) -> None:
    shown = window.current
    assert shown is not None
    other = next(s.id for s in window.library.all_summaries() if s.id != shown.id)
    with qtbot.waitSignal(window.importFinished, timeout=5000):
        window.imports.importFinished.emit(ImportReport(imported=[other], background=True))
    assert window.current is not None and window.current.id == shown.id


def test_warming_the_glyphs_of_a_text_leaves_the_pane_as_it_was(window: MainWindow) -> None:
    before = window.pane.toPlainText()
    document = window.pane.document()
    for step in window.pane.glyph_warmers("國務院關於進一步加強和改進工作的意見 𠗣 " * 200):
        step()
    assert window.pane.toPlainText() == before
    assert window.pane.document() is document


def test_the_entity_thread_waits_for_the_opened_document_with_the_entities_tab_in_front(
    window: MainWindow, qtbot: QtBot
) -> None:
    """Showing a document asks for its entities when the Entities tab is in front; after an import that
    request must not start the entity thread in the turn that opens the document."""
    scheduler = window.entities.scheduler
    window.side.setCurrentWidget(window.entities.panel)  # which asks for the open document's entities
    scheduler.stop()  # no run under way (a running one would take the request without starting)
    scheduler.hold(0)  # nor the window's own hold at start
    store = EntityStore(window.library.conn)
    shown = window.current
    assert shown is not None
    other = next(doc_id for doc_id in _ids(window) if doc_id != shown.id)
    assert store.is_pending(other)
    running_when_opened: list[bool] = []
    window.importFinished.connect(lambda _report: running_when_opened.append(scheduler.is_running()))
    with qtbot.waitSignal(window.importFinished, timeout=5000):
        window.imports.importFinished.emit(ImportReport(imported=[other]))
    assert window.current is not None and window.current.id == other
    assert running_when_opened == [False]


def test_no_step_runs_once_the_window_is_closing(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reader's close can come between two steps: the steps already on a timer must not run after it
    (they read a library that is closing)."""
    shown = window.current
    assert shown is not None
    other = next(doc_id for doc_id in _ids(window) if doc_id != shown.id)
    announced: list[ImportReport] = []
    window.importFinished.connect(announced.append)
    later: list[bool] = []

    def closing() -> None:  # a warming step, during which the reader closes the window
        QTimer.singleShot(0, window.close)
        QTimer.singleShot(AFTER_NEXT_TURN_MS, lambda: later.append(True))

    monkeypatch.setattr(window.documents, "preparing", lambda _doc_id: [closing])
    window.imports.importFinished.emit(ImportReport(imported=[other]))
    qtbot.waitUntil(lambda: bool(later), timeout=5000)
    assert window.documents.closed
    assert announced == []
    assert window.current is not None and window.current.id == shown.id


def test_a_document_deleted_before_it_opens_leaves_the_open_one_open(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _ids(window)
    reading, deleted = ids[2], ids[1]  # not the first row: a missing row must not open that one
    window.documents.select(reading)
    assert window.current is not None and window.current.id == reading

    def delete() -> None:  # in a turn between the report and the opening
        window.writes.submit(lambda library: ops.delete_documents(library, [deleted]))
        window.writes.flush()

    monkeypatch.setattr(window.documents, "preparing", lambda _doc_id: [delete])
    with qtbot.waitSignal(window.importFinished, timeout=5000):
        window.imports.importFinished.emit(ImportReport(imported=[deleted]))
    assert window.model.row_of(deleted) is None
    assert window.current is not None and window.current.id == reading


def test_a_document_the_reader_opens_meanwhile_stays_open(window: MainWindow, qtbot: QtBot) -> None:
    shown = window.current
    assert shown is not None
    imported, chosen = [doc_id for doc_id in _ids(window) if doc_id != shown.id][:2]
    with qtbot.waitSignal(window.importFinished, timeout=5000):
        window.imports.importFinished.emit(ImportReport(imported=[imported]))
        QTimer.singleShot(0, lambda: window.documents.select(chosen))  # the reader's click, before the opening
    assert window.current is not None and window.current.id == chosen


def test_a_later_import_opens_its_document_in_place_of_an_earlier_one(window: MainWindow, qtbot: QtBot) -> None:
    shown = window.current
    assert shown is not None
    first, second = [doc_id for doc_id in _ids(window) if doc_id != shown.id][:2]
    reports: list[ImportReport] = []
    window.importFinished.connect(reports.append)
    window.imports.importFinished.emit(ImportReport(imported=[first]))
    window.imports.importFinished.emit(ImportReport(imported=[second]))
    qtbot.waitUntil(lambda: len(reports) == 2, timeout=5000)
    assert window.current is not None and window.current.id == second


def test_an_imported_document_is_warmed_in_the_view_and_face_it_opens_in(
    qtbot: QtBot, seeded_library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Qt's glyph caches are per face: a traditional document opened after simplified ones is drawn in the
    TC face, so warming its text in the SC face the pane had saved nothing (the end of such an import stalled
    the window for 70-110 ms). The steps must lay out what the opening shows, in the font it shows it in."""
    trad = tmp_path / "trad.txt"
    trad.write_text("臺灣與香港的讀者閱讀這份報告。報告說明區域發展、經濟變遷與環境保護的關係。\n" * 40, "utf-8")
    with Library(seeded_library) as lib:
        import_paths(lib, [trad], workers=1)
        trad_id = lib.find_by_path(str(trad))
    assert trad_id is not None
    window = create_window(seeded_library, config_dir=tmp_path / "config", seed=False)
    qtbot.addWidget(window)
    window.show()
    simplified = next(s.id for s in window.library.all_summaries() if s.script == "simplified")
    window.select_document(simplified)
    pane = window.pane
    face_before = pane.document().defaultFont().families()
    warmed: list[tuple[str, list[str]]] = []
    warm = pane.glyph_warmers

    def spy(
        text: str,
        headings: Sequence[tuple[int, int]] = (),
        *,
        script: Script | str | None = None,
        text_script: str = "",
    ) -> list[Callable[[], None]]:
        font = pane.document().defaultFont() if script is None else pane.font_for(script, text_script)
        warmed.append((text, font.families()))
        return warm(text, headings, script=script, text_script=text_script)

    monkeypatch.setattr(pane, "glyph_warmers", spy)
    try:
        with qtbot.waitSignal(window.importFinished, timeout=5000):
            window.imports.importFinished.emit(ImportReport(imported=[trad_id]))
        assert window.current is not None and window.current.id == trad_id
        assert len(warmed) == 1
        text, families = warmed[0]
        assert families == pane.document().defaultFont().families()  # the face it opened in
        assert text and pane.toPlainText().startswith(text[:200])  # the text it shows
        if any(f.endswith(" TC") for f in families) and any(f.endswith(" SC") for f in face_before):
            assert families != face_before  # the original view of a traditional text: another face
    finally:
        window.close()
        window.library.close()


def _traditional_window(
    qtbot: QtBot, library: Path, tmp_path: Path, *, removed: bool = False
) -> tuple[MainWindow, int]:
    """A window on the sample library and a traditional document, a simplified one open; `removed`: with a
    line the cleaning removes near its start, so that its original differs from its text."""
    trad = tmp_path / "trad.txt"
    lines = [f"臺灣與香港的讀者閱讀這份報告的第{n}節。報告說明區域發展、經濟變遷與環境保護的關係。" for n in range(80)]
    if removed:
        lines.insert(10, "分享到：微信 微博 QQ空間")
    trad.write_text("\n".join(lines), "utf-8")  # about 3,000 characters: a few pieces to warm
    with Library(library) as lib:
        import_paths(lib, [trad], workers=1)
        trad_id = lib.find_by_path(str(trad))
    assert trad_id is not None
    window = create_window(library, config_dir=tmp_path / "config", seed=False)
    qtbot.addWidget(window)
    window.show()
    window.select_document(next(s.id for s in window.library.all_summaries() if s.script == "simplified"))
    return window, trad_id


class Warmed(NamedTuple):
    """A warming step that ran: the font it laid out or drew in, which step of its warming, the text."""

    font: str
    label: str
    text: str


def _labels(count: int) -> list[str]:
    """What each of `count` steps of `ReadingPane.glyph_warmers` does: the first piece's layout, the
    first screen's drawing, then the other pieces' layouts."""
    return ["layout 0", "draw", *(f"layout {n}" for n in range(1, count - 1))][:count]


def _warm_with_a_change(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, doc_id: int, change: Callable[[], None]
) -> tuple[list[Warmed], list[list[Warmed]]]:
    """Import-end `doc_id` with `change` made by the reader right after the first warming step; returns the
    steps run, in order, and the warmings built (each the steps it was made of)."""
    pane = window.pane
    warm = pane.glyph_warmers
    ran: list[Warmed] = []
    built: list[list[Warmed]] = []

    def spy(
        text: str,
        headings: Sequence[tuple[int, int]] = (),
        *,
        script: Script | str | None = None,
        text_script: str = "",
    ) -> list[Callable[[], None]]:
        font = (pane.document().defaultFont() if script is None else pane.font_for(script, text_script)).toString()
        steps = warm(text, headings, script=script, text_script=text_script)
        made = [Warmed(font, label, text) for label in _labels(len(steps))]
        built.append(made)

        def watched(step: Callable[[], None], warmed: Warmed) -> Callable[[], None]:
            def run() -> None:
                step()
                ran.append(warmed)
                if len(ran) == 1:
                    change()  # the reader's, between two steps

            return run

        return [watched(step, warmed) for step, warmed in zip(steps, made, strict=True)]

    monkeypatch.setattr(pane, "glyph_warmers", spy)
    with qtbot.waitSignal(window.importFinished, timeout=5000):
        window.imports.importFinished.emit(ImportReport(imported=[doc_id]))
    assert window.current is not None and window.current.id == doc_id
    return ran, built


def _assert_warmed_again_from_the_start(window: MainWindow, ran: list[Warmed], built: list[list[Warmed]]) -> None:
    """After the change, the whole warming of what the opening shows ran, from its first piece (the drawing
    of the first screen after that piece's layout), in the font the document opened in."""
    assert len(built) == 2 and len(built[1]) > 2
    assert ran[0] == built[0][0]
    assert ran[1:] == built[1]
    assert built[1][0].font == window.pane.document().defaultFont().toString()
    assert window.pane.toPlainText().startswith(built[1][0].text[:200])


def test_a_script_chosen_during_the_warming_restarts_it_in_the_face_opened(
    qtbot: QtBot, seeded_library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reader picks the simplified view while a traditional document is being warmed: it opens in the SC
    face, so the warming starts again in that face, from its first piece (it went on in the TC one; then, once
    rebuilt, it went on from where it was and drew a first screen never laid out)."""
    window, trad_id = _traditional_window(qtbot, seeded_library, tmp_path)
    pane = window.pane
    try:
        if pane.font_for(Script.ORIG, "traditional").families() == pane.font_for(Script.HANS, "traditional").families():
            pytest.skip("needs distinct SC and TC faces")
        window.set_script(Script.ORIG)
        ran, built = _warm_with_a_change(window, qtbot, monkeypatch, trad_id, lambda: window.set_script(Script.HANS))
        _assert_warmed_again_from_the_start(window, ran, built)
        assert built[0][0].font != built[1][0].font
    finally:
        window.close()
        window.library.close()


def test_the_original_switched_on_during_the_warming_stays_with_the_document_it_was_chosen_for(
    qtbot: QtBot, seeded_library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Original view is a choice for one document: switched on for the document open while another is
    being warmed, the warmed one still opens in its cleaned text, and its warming is not thrown away."""
    window, trad_id = _traditional_window(qtbot, seeded_library, tmp_path, removed=True)
    try:
        first = window.current
        assert first is not None and not window.view.act_original.isChecked()
        ran, built = _warm_with_a_change(window, qtbot, monkeypatch, trad_id, window.view.act_original.trigger)
        assert not window.view.act_original.isChecked() and not window.reading.original
        assert len(built) == 1 and ran == built[0]  # one warming, of the cleaned text, run to its end
        window.select_document(first.id)
        assert window.reading.original  # the document the reader chose it for
    finally:
        window.close()
        window.library.close()


def test_a_zoom_during_the_warming_restarts_it_at_the_size_opened(
    qtbot: QtBot, seeded_library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, trad_id = _traditional_window(qtbot, seeded_library, tmp_path)
    try:
        ran, built = _warm_with_a_change(window, qtbot, monkeypatch, trad_id, lambda: window.view.zoom_by(2))
        _assert_warmed_again_from_the_start(window, ran, built)
        assert built[0][0].font != built[1][0].font  # the same face, larger
    finally:
        window.close()
        window.library.close()


def test_a_warming_changed_at_every_step_still_ends(
    qtbot: QtBot, seeded_library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each change starts the warming again; a reader zooming all along must not hold the opening back for
    ever: the warming takes at most twice the steps it had at first, then the document opens."""
    window, trad_id = _traditional_window(qtbot, seeded_library, tmp_path)
    pane = window.pane
    warm = pane.glyph_warmers
    ran: list[int] = []
    lengths: list[int] = []

    def spy(
        text: str,
        headings: Sequence[tuple[int, int]] = (),
        *,
        script: Script | str | None = None,
        text_script: str = "",
    ) -> list[Callable[[], None]]:
        steps = warm(text, headings, script=script, text_script=text_script)
        lengths.append(len(steps))

        def zooming(step: Callable[[], None]) -> Callable[[], None]:
            def run() -> None:
                step()
                ran.append(len(ran))
                window.view.zoom_by(1 if len(ran) % 2 else -1)

            return run

        return [zooming(step) for step in steps]

    monkeypatch.setattr(pane, "glyph_warmers", spy)
    try:
        with qtbot.waitSignal(window.importFinished, timeout=5000):
            window.imports.importFinished.emit(ImportReport(imported=[trad_id]))
        assert window.current is not None and window.current.id == trad_id
        assert lengths[0] > 2 and len(ran) == 2 * lengths[0] and len(lengths) == len(ran)
    finally:
        window.close()
        window.library.close()


def test_a_document_changed_elsewhere_after_its_opening_was_skipped_opens_as_it_now_is(
    qtbot: QtBot, seeded_library: Path, tmp_path: Path
) -> None:
    """The reader opens another document before the imported one opens, then its file is imported again by
    another program (the command line, on the same library): opening it later shows the new text. A copy
    read for the warming was kept for an opening that never came, and shown instead."""
    window, trad_id = _traditional_window(qtbot, seeded_library, tmp_path)
    shown = window.current
    assert shown is not None
    other = next(s.id for s in window.library.all_summaries() if s.id not in (trad_id, shown.id))
    try:
        with qtbot.waitSignal(window.importFinished, timeout=5000):
            window.imports.importFinished.emit(ImportReport(imported=[trad_id]))
            window.select_document(other)  # the reader's click, before the document is read
        assert window.current is not None and window.current.id == other
        trad = tmp_path / "trad.txt"
        trad.write_text("改寫後的全新內容，由另一個程式匯入。\n" * 5, "utf-8")
        with Library(seeded_library) as lib:
            import_paths(lib, [trad], workers=1)
            assert lib.find_by_path(str(trad)) == trad_id
        window.select_document(trad_id)
        assert window.current is not None and window.current.id == trad_id
        assert window.pane.toPlainText().startswith("改寫後的全新內容")
    finally:
        window.close()
        window.library.close()


def test_a_write_between_the_reading_and_the_opening_is_shown(
    qtbot: QtBot, seeded_library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A document changed after the warming read it (here its title) opens as it now is."""
    window, trad_id = _traditional_window(qtbot, seeded_library, tmp_path)
    preparing = window.documents.preparing

    def then_retitled(doc_id: int) -> list[Callable[[], None]]:
        steps = preparing(doc_id)

        def retitle() -> None:
            window.writes.submit(lambda library: ops.edit_metadata(library, doc_id, {"title": "改過的標題"}))
            window.writes.flush()

        return [retitle, *steps]

    monkeypatch.setattr(window.documents, "preparing", then_retitled)
    try:
        with qtbot.waitSignal(window.importFinished, timeout=5000):
            window.imports.importFinished.emit(ImportReport(imported=[trad_id]))
        assert window.current is not None and window.current.id == trad_id
        assert window.current.summary.title == "改過的標題"
    finally:
        window.close()
        window.library.close()


def test_extracted_entities_are_shown_a_turn_later_for_the_document_still_open(
    window: MainWindow, qtbot: QtBot
) -> None:
    """The entities' reading and the tab's filling are two turns; a document opened in between keeps its own
    tab (its refresh), never the previous document's names."""
    first, second = _ids(window)[:2]
    for doc_id in (first, second):
        window.writes.run(lambda library, doc_id=doc_id: ops.extract_entities(library, doc_id))
    panel, extracted = window.entities.panel, window.entities.scheduler.extracted
    window.side.setCurrentWidget(panel)  # in front: it follows each document opened at once
    window.select_document(second)
    names_of_second = {e.normalized for e in panel.entities()}
    window.select_document(first)
    panel.clear()
    extracted.emit(first)
    assert panel.entities() == []  # not within the signal's turn
    qtbot.waitUntil(lambda: bool(panel.entities()), timeout=5000)
    names_of_first = {e.normalized for e in panel.entities()}
    assert names_of_first and names_of_second and names_of_first != names_of_second

    extracted.emit(first)
    window.select_document(second)  # before the first document's names are shown
    qtbot.wait(AFTER_NEXT_TURN_MS)
    assert window.current is not None and window.current.id == second
    assert {e.normalized for e in panel.entities()} == names_of_second


def test_the_warmed_text_is_cut_at_line_ends_into_pieces_with_their_headings() -> None:
    lines = [f"第{n}段" + "字" * (n * 37 % 300) for n in range(60)]
    headings = ((0, 1), (7, 2), (31, 1), (59, 3))
    text = "\n".join(lines)
    pieces = line_pieces(text, headings, 1000)
    assert len(pieces) > 3
    assert "\n".join(piece for piece, _ in pieces) == text  # nothing lost, no line cut
    assert all(len(piece) < 1000 + 300 for piece, _ in pieces[:-1])
    first = 0
    found: list[tuple[int, int]] = []
    for piece, marked in pieces:
        found += [(first + line, level) for line, level in marked]
        first += piece.count("\n") + 1
    assert tuple(found) == headings
    assert line_pieces("", (), 1000) == [("", ())]


def test_a_long_paragraph_is_warmed_in_pieces_too(window: MainWindow) -> None:
    """A scanned page is often one paragraph of thousands of characters: cut only at line ends, it was one
    piece, laid out in one turn (what the pieces are there to avoid)."""
    paragraph = "".join(f"第{n}條規定區域發展與環境保護的關係，" for n in range(300))[:WARM_CHARS]
    pieces = line_pieces(paragraph, ((0, 1),), WARM_STEP)
    assert len(pieces) == WARM_CHARS // WARM_STEP
    assert all(len(piece) <= WARM_STEP for piece, _ in pieces)
    assert "".join(piece.replace("\n", "") for piece, _ in pieces) == paragraph
    assert pieces[0][1] == ((0, 1),) and all(marked == ((0, 1),) for _, marked in pieces)  # a heading's parts
    steps = window.pane.glyph_warmers(paragraph)
    assert len(steps) == len(pieces) + 1 > 2  # a layout a piece, and the first screen's drawing


def test_extracted_entities_read_in_one_script_are_not_shown_after_a_switch_to_another(
    window: MainWindow, qtbot: QtBot
) -> None:
    """The reader switches the script view between the entities' reading and their showing: the tab keeps
    the names in the new script (the switch's own refresh), not the ones read in the old."""
    doc_id = next(s.id for s in window.library.all_summaries() if s.script == "simplified")
    window.writes.run(lambda library: ops.extract_entities(library, doc_id))
    panel = window.entities.panel
    window.set_script(Script.ORIG)
    window.side.setCurrentWidget(panel)
    window.select_document(doc_id)
    simplified = {e.text for e in panel.entities()}
    window.set_script(Script.HANT)
    traditional = {e.text for e in panel.entities()}
    assert simplified and traditional and simplified != traditional
    window.set_script(Script.ORIG)
    window.entities.scheduler.extracted.emit(doc_id)  # read in the original script, shown a turn later
    window.set_script(Script.HANT)
    qtbot.wait(AFTER_NEXT_TURN_MS)
    assert {e.text for e in panel.entities()} == traditional


def test_a_background_report_arriving_while_the_readers_import_opens_does_not_take_its_place(
    window: MainWindow, qtbot: QtBot
) -> None:
    """`reader FILE` on a new library imports the sample documents beside the file: whichever report comes
    second, the file is what opens (the samples' report came second and opened a sample)."""
    ids = [s.id for s in window.library.all_summaries()]
    window.documents.current = None  # nothing open yet, as on a first start
    mine, sample = ids[1], ids[2]
    announced: list[object] = []
    window.importFinished.connect(announced.append)
    window.imports.importFinished.emit(ImportReport(imported=[mine]))
    window.imports.importFinished.emit(ImportReport(imported=[sample], background=True))
    qtbot.waitUntil(lambda: len(announced) == 2, timeout=5000)
    assert window.current is not None and window.current.id == mine
