"""The Entities tab, the background extraction and the Who's Who dialog, driven as a user would."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QObject, Qt, QThread, Signal
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from reader.app import operations as ops
from reader.app.writer import Writer
from reader.core.entities import Entity, aggregate, extract
from reader.store.entities import EntityStore
from reader.store.library import Library
from reader.ui.entities_panel import EntitiesPanel, next_span
from reader.ui.entity_worker import EntityScheduler, EntityWorker

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def seed_entities() -> list[Entity]:
    path = sorted(SEEDS.glob("000_*.txt"))[0]
    return aggregate(extract(path.read_text(encoding="utf-8"), doc_date="2023-09-30"))


@pytest.fixture
def panel(qtbot: QtBot, seed_entities: list[Entity]) -> EntitiesPanel:
    widget = EntitiesPanel()
    qtbot.addWidget(widget)
    widget.resize(420, 700)
    widget.show()
    widget.show_entities(seed_entities)
    return widget


def _entity_index(panel: EntitiesPanel, entity: Entity) -> QModelIndex:
    index = panel.index_of(entity)
    assert index.isValid()
    panel.tree.scrollTo(index)
    return index


def test_panel_groups_by_type_most_mentioned_first(panel: EntitiesPanel, seed_entities: list[Entity]) -> None:
    proxy = panel.proxy
    groups = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    assert groups[0] == "People"
    assert "Places" in groups and "Dates" in groups
    assert groups.index("People") < groups.index("Organisations") < groups.index("Places")
    people = proxy.index(0, 0)
    sure = [e for e in seed_entities if e.type == "person" and e.tier == "main"]
    assert int(proxy.index(0, 1).data()) == len(sure)
    rows = [proxy.index(r, 0, people) for r in range(proxy.rowCount(people))]
    counts = [int(i.siblingAtColumn(1).data()) for i in rows if panel._entity_at(i) is not None]
    assert counts == sorted(counts, reverse=True)
    assert sorted(panel.visible_entities(), key=id) == sorted(seed_entities, key=id)
    zhang = next(e for e in seed_entities if e.normalized == "张宗久")
    details = panel.index_of(zhang).siblingAtColumn(2).data()
    assert "局长" in details  # people show their posts
    assert "局长" in panel.index_of(zhang).data(Qt.ItemDataRole.ToolTipRole)


def test_models_pass_the_model_tester(qtmodeltester: ModelTester, panel: EntitiesPanel) -> None:
    qtmodeltester.check(panel.model)
    qtmodeltester.check(panel.proxy)


def test_filter_box_filters(qtbot: QtBot, panel: EntitiesPanel) -> None:
    assert panel.filter_box.placeholderText() == "Filter"
    panel.filter_box.setText("張宗")  # traditional input finds the simplified name (QTest types ASCII only)
    shown = panel.visible_entities()
    assert [e.normalized for e in shown] == ["张宗久"]
    assert panel.proxy.rowCount() == 1  # only the People group is left
    panel.filter_box.clear()
    panel.filter_box.setText("副处长")  # posts match too
    assert "曾毅" in {e.normalized for e in panel.visible_entities()}
    panel.filter_box.clear()
    assert len(panel.visible_entities()) == len(panel.entities())


def test_click_emits_entity_with_spans(qtbot: QtBot, panel: EntitiesPanel, seed_entities: list[Entity]) -> None:
    zhang = next(e for e in seed_entities if e.normalized == "张宗久")
    index = _entity_index(panel, zhang)
    rect = panel.tree.visualRect(index)
    with qtbot.waitSignal(panel.entityActivated, timeout=2000) as blocker:
        qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    (entity,) = blocker.args
    assert entity == zhang
    assert entity.spans and len(entity.spans) == entity.count
    # Clicking a group heading asks for nothing.
    heading = panel.tree.visualRect(index.parent())
    with qtbot.assertNotEmitted(panel.entityActivated):
        qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=heading.center())


def test_double_click_requests_documents(qtbot: QtBot, panel: EntitiesPanel, seed_entities: list[Entity]) -> None:
    place = next(e for e in seed_entities if e.type == "place")
    rect = panel.tree.visualRect(_entity_index(panel, place))
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(panel.entityFilterRequested, timeout=2000) as blocker:
        # QTest's double-click has no press of its own; the click before it is the first press.
        qtbot.mouseDClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == ["place", place.normalized]


def test_keyboard_return_highlights(qtbot: QtBot, panel: EntitiesPanel, seed_entities: list[Entity]) -> None:
    first = seed_entities[0]
    panel.tree.setFocus()
    panel.tree.setCurrentIndex(_entity_index(panel, first))
    with qtbot.waitSignal(panel.entityActivated, timeout=2000) as blocker:
        qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    assert blocker.args == [first]


def test_clear_and_pending_and_empty(panel: EntitiesPanel) -> None:
    panel.show_pending()
    assert panel.model.rowCount() == 0 and panel.message.isVisible()
    panel.show_entities([])
    assert panel.message.isVisible() and "No entities" in panel.message.text()
    panel.clear()
    assert panel.model.rowCount() == 0 and not panel.message.isVisible()


# -- tiers, variants and parts of bodies (issue 18) -----------------------------------------------------
def _entity(kind: str, name: str, count: int, start: int, **fields: object) -> Entity:
    spans = tuple((start + 10 * i, start + 10 * i + len(name)) for i in range(count))
    return Entity(kind, name, name, count, spans, (), **fields)  # type: ignore[arg-type]


BODY = _entity("org", "长沙市卫健委", 3, 0)
PART = _entity("org", "长沙市卫健委党组", 1, 100, parent="长沙市卫健委")
PART_OF_PART = _entity("org", "长沙市卫健委党组办公室", 1, 200, parent="长沙市卫健委党组")
ORPHAN_PART = _entity("org", "湘潭市教育局党组", 1, 300, parent="湘潭市教育局")
CHINA = Entity("place", "中国", "中国", 2, ((0, 1), (40, 42)), (), variants=("中",))
UNSURE_PLACE = _entity("place", "双城", 1, 400, tier="low")
UNSURE_PERSON = _entity("person", "惠利", 1, 500, tier="low")
UNSURE_PART = _entity("org", "惠利集团工会", 1, 600, tier="low", parent="长沙市卫健委")
TIERED = [BODY, PART, PART_OF_PART, ORPHAN_PART, CHINA, UNSURE_PLACE, UNSURE_PERSON, UNSURE_PART]


@pytest.fixture
def tiered(qtbot: QtBot) -> EntitiesPanel:
    widget = EntitiesPanel()
    qtbot.addWidget(widget)
    widget.resize(420, 700)
    widget.show()
    widget.show_entities(TIERED)
    return widget


def _children(panel: EntitiesPanel, parent: QModelIndex) -> list[QModelIndex]:
    return [panel.proxy.index(r, 0, parent) for r in range(panel.proxy.rowCount(parent))]


def _group(panel: EntitiesPanel, label: str) -> QModelIndex:
    return next(i for i in _children(panel, QModelIndex()) if i.data() == label)


def test_less_certain_names_are_folded_under_their_kind(tiered: EntitiesPanel) -> None:
    people = _group(tiered, "People")
    assert people.siblingAtColumn(1).data() == "0"  # the count says how many are shown at first
    (folded,) = _children(tiered, people)
    assert (folded.data(), folded.siblingAtColumn(1).data()) == ("Less certain", "1")
    assert not tiered.tree.isExpanded(folded) and tiered.tree.isExpanded(people)
    assert [tiered._entity_at(i) for i in _children(tiered, folded)] == [UNSURE_PERSON]
    places = _group(tiered, "Places")
    shown = _children(tiered, places)
    assert [tiered._entity_at(i) for i in shown[:-1]] == [CHINA]
    assert shown[-1].data() == "Less certain" and not tiered.tree.isExpanded(shown[-1])
    # The folded rows are out of sight: the first screen holds only the main tier.
    visible = tiered.tree.visualRect(tiered.index_of(UNSURE_PLACE))
    assert not visible.isValid()
    tip = tiered.index_of(UNSURE_PLACE).data(Qt.ItemDataRole.ToolTipRole)
    assert "weak evidence" in tip


def test_a_part_sits_under_its_body_within_its_tier(tiered: EntitiesPanel) -> None:
    body = tiered.index_of(BODY)
    assert not body.parent().parent().isValid()  # directly under Organisations
    part = tiered.index_of(PART)
    assert part.parent() == body
    assert tiered.index_of(PART_OF_PART).parent() == part
    assert tiered.index_of(ORPHAN_PART).parent() == body.parent()  # its body is not listed: top level
    assert tiered.tree.isExpanded(body) and tiered.tree.isExpanded(part)
    # A less certain part stays with the less certain names, not under a body shown on good evidence.
    assert tiered.index_of(UNSURE_PART).parent().data() == "Less certain"
    assert "Part of: 长沙市卫健委" in part.data(Qt.ItemDataRole.ToolTipRole)
    assert _group(tiered, "Organisations").siblingAtColumn(1).data() == "4"


def test_a_merged_name_shows_in_full_with_its_other_forms(qtbot: QtBot, tiered: EntitiesPanel) -> None:
    index = tiered.index_of(CHINA)
    assert index.data() == "中国"
    assert "Also written: 中" in index.data(Qt.ItemDataRole.ToolTipRole)
    tiered.filter_box.setText("中")  # a written form finds the entity it was merged into
    assert CHINA in tiered.visible_entities()
    tiered.filter_box.setText("惠利")  # a filter looks inside the folded group too, and opens it
    assert tiered.visible_entities() == [UNSURE_PERSON, UNSURE_PART]
    assert tiered.tree.isExpanded(tiered.index_of(UNSURE_PERSON).parent())
    tiered.filter_box.clear()  # and folds it again when cleared
    assert not tiered.tree.isExpanded(tiered.index_of(UNSURE_PERSON).parent())
    with qtbot.waitSignal(tiered.entityActivated, timeout=2000) as blocker:
        tiered.tree.setCurrentIndex(tiered.index_of(PART_OF_PART))
        tiered.tree.setFocus()
        qtbot.keyClick(tiered.tree, Qt.Key.Key_Return)
    assert blocker.args == [PART_OF_PART]


def test_tiered_models_pass_the_model_tester(qtmodeltester: ModelTester, tiered: EntitiesPanel) -> None:
    qtmodeltester.check(tiered.model)
    qtmodeltester.check(tiered.proxy)
    tiered.filter_box.setText("党组")
    qtmodeltester.check(tiered.proxy)


def test_parts_in_a_loop_are_not_lost() -> None:
    from reader.ui.entities_panel import nest_parts

    a = _entity("org", "甲", 1, 0, parent="乙")
    b = _entity("org", "乙", 1, 10, parent="甲")
    c = _entity("org", "丙", 1, 20, parent="丙")
    d = _entity("org", "丁", 1, 30, parent="甲")

    def node(e: Entity, kids: list[str]) -> str:
        return e.normalized + (f"({' '.join(kids)})" if kids else "")

    assert nest_parts([a, b, c, d], node) == ["甲(丁)", "乙", "丙"]


def test_next_span_wraps() -> None:
    spans = [(5, 8), (20, 23), (40, 43)]
    assert next_span(spans, 0) == (5, 8)
    assert next_span(spans, 5) == (20, 23)
    assert next_span(spans, 41) == (5, 8)
    assert next_span(spans, 20, backwards=True) == (5, 8)
    assert next_span(spans, 3, backwards=True) == (40, 43)
    assert next_span([], 3) is None


# -- background extraction ---------------------------------------------------------------------------
class Relay(QObject):
    extracted = Signal(int)
    finished = Signal()


@pytest.fixture
def writer(seeded_library: Path) -> Iterator[Writer]:
    """The one writer of the seeded library, as the window has."""
    with Writer(seeded_library) as one:
        yield one


@pytest.fixture
def reading_library(writer: Writer) -> Iterator[Library]:
    """The window's own (reading) connection to the seeded library."""
    with Library(writer.path, readonly=True) as lib:
        yield lib


def test_worker_extracts_the_library_requested_document_first(
    qtbot: QtBot, writer: Writer, reading_library: Library
) -> None:
    store = EntityStore(reading_library.conn)
    ids = store.pending()
    assert len(ids) == 5
    thread = QThread()
    worker = EntityWorker(writer, first=(ids[-1],))
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    relay = Relay()  # receives in this thread: the worker's signals are emitted in its own
    worker.extracted.connect(relay.extracted)
    worker.finished.connect(relay.finished)
    done: list[int] = []
    relay.extracted.connect(done.append)
    try:
        with qtbot.waitSignal(relay.finished, timeout=120_000):
            thread.start()
    finally:
        thread.quit()
        thread.wait()
    assert done[0] == ids[-1]
    assert sorted(done) == ids
    assert store.pending() == []
    assert any(e.type == "person" and e.posts for e in store.entities(ids[0]))


def test_cancelled_worker_stops(qtbot: QtBot, writer: Writer, reading_library: Library) -> None:
    worker = EntityWorker(writer)
    worker.cancel()
    done: list[int] = []
    worker.extracted.connect(done.append)
    with qtbot.waitSignal(worker.finished, timeout=10_000):
        worker.run()  # in this thread: returns at once
    assert done == []
    assert not worker.prioritise(1)  # a finished worker takes no more work
    assert len(EntityStore(reading_library.conn).pending()) == 5


def test_scheduler_runs_restarts_and_stops(qtbot: QtBot, writer: Writer, reading_library: Library) -> None:
    scheduler = EntityScheduler(writer)
    store = EntityStore(reading_library.conn)
    last = store.pending()[-1]
    seen: list[int] = []
    scheduler.extracted.connect(seen.append)
    with qtbot.waitSignal(scheduler.idle, timeout=120_000):
        scheduler.request(last)
        scheduler.start()  # already running: looks again when the run ends
    assert seen[0] == last
    assert store.pending() == []
    assert not scheduler.is_running()

    # Re-cleaning a document makes it pending; a request for it is served by a new run.
    doc = reading_library.get(last)
    assert doc is not None
    removed = {r.line for r in doc.removed}
    kept = next(n for n, line in enumerate(doc.original.splitlines(), 1) if line.strip() and n not in removed)
    writer.run(lambda library: ops.set_line_override(library, last, kept, False))
    assert store.pending() == [last]
    with qtbot.waitSignal(scheduler.extracted, timeout=60_000) as blocker:
        scheduler.request(last)
    assert blocker.args == [last]
    scheduler.stop()
    assert not scheduler.is_running()


def test_entity_names_follow_the_view_script(window: object, qtbot: object) -> None:
    from reader.core.script import Script
    from reader.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    doc_id = next(s.id for s in window.library.all_summaries() if s.filename.startswith("000"))
    window.select_document(doc_id)
    window.writes.run(lambda library: ops.extract_entities(library, doc_id))
    window._refresh_entities()
    window.set_script(Script.HANT)
    names = {e.text for e in window.entities_panel._entities}
    assert "張宗久" in names and "张宗久" not in names
    window.set_script(Script.HANS)
    names = {e.text for e in window.entities_panel._entities}
    assert "张宗久" in names


def test_scheduler_runs_share_one_thread_that_stop_ends(
    qtbot: QtBot, writer: Writer, reading_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The tagger is kept per thread, so every run must use the same one: a thread per run loaded the
    model again at the end of every import."""
    from reader.ui import entity_worker

    warmed_on: list[int] = []
    real_warm = entity_worker.warm

    def warm() -> None:
        warmed_on.append(threading.get_ident())
        real_warm()

    monkeypatch.setattr(entity_worker, "warm", warm)
    scheduler = EntityScheduler(writer)
    store = EntityStore(reading_library.conn)
    first, last = store.pending()[0], store.pending()[-1]
    with qtbot.waitSignal(scheduler.idle, timeout=120_000):
        scheduler.request(first)
    assert store.pending() == []

    doc = reading_library.get(last)
    assert doc is not None
    removed = {r.line for r in doc.removed}
    kept = next(n for n, line in enumerate(doc.original.splitlines(), 1) if line.strip() and n not in removed)
    writer.run(lambda library: ops.set_line_override(library, last, kept, False))
    with qtbot.waitSignal(scheduler.extracted, timeout=60_000):
        scheduler.request(last)  # a new run, after the first one ended
    assert len(warmed_on) >= 2
    assert len(set(warmed_on)) == 1
    assert warmed_on[0] != threading.get_ident()  # not the GUI thread
    thread = next(t for t in threading.enumerate() if t.ident == warmed_on[0])  # this scheduler's own
    scheduler.stop()
    assert not thread.is_alive()
