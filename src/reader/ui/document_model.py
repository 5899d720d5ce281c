"""The document list as a lazy table model over ids.

The model holds only the ordered ids; rows are fetched from the library a page at a time and kept in a
bounded cache, so a library of 100,000 documents opens as fast as one of ten.

Documents never opened are drawn in bold (as unread mail is), and the Last read column says when each
was last opened or read on; the controller marks a document read as it opens it (`mark_read`), so the
list follows without reading the table again.

Titles sort the way a Chinese reader expects (by pinyin, through ICU's Chinese collation in `QCollator`).
Collating 100,000 titles takes a third of a second, so it is done once per library, not per sort: the
ranks the collation gives are stored (`store.title_order`, written by the writer through `write_ranks`),
and a sort by title is then one scan of their index. Documents without a rank (new, or retitled) are
placed by binary search among the stored titles; many of them, or ranks from another collator, are
collated afresh. Within a session the model also keeps every title it collated with its rank, so a
sort before the ranks are stored orders ids by an integer (`pinyin_order`).
"""

from __future__ import annotations

import bisect
import json
from collections import OrderedDict
from collections.abc import Callable, Iterable
from contextlib import suppress
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCollator,
    QCollatorSortKey,
    QLocale,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    qVersion,
)
from PySide6.QtGui import QFont

from reader.store.library import DocumentSummary, Library
from reader.store.title_order import TitleOrder
from reader.ui.i18n import QT_TRANSLATE_NOOP

_PAGE = 80  # rows read at once: a screenful or two, so a jump to a far row reads little more than it shows
DOCUMENT_IDS_MIME = "application/x-reader-document-ids"
"""A drag of rows from the list: a JSON array of their document ids (dropped onto a collection)."""
_CACHE_LIMIT = 5000
_SCRIPT_LABELS = {"simplified": "简", "traditional": "繁", "mixed": "混", "none": "—"}
_SORT_KEY_CACHE_LIMIT = 200_000  # collation keys kept between sorts: enough for every title of a large library
_ID_OFFSET = 2**63  # any SQLite row id plus this is at least 0 and below _ID_SPAN
_ID_SPAN = 2**64  # a title's rank times this, plus the offset id: one integer per row
_RANK_GAP = 2**20  # between the stored ranks of neighbouring titles: room to place new titles between them
_FEW_UNRANKED = 200  # up to this many documents without a stored rank are placed among the rest

RankWriter = Callable[[list[tuple[int, str, int]], str, int, bool], None]
"""Hands ranks to the writer: (rows of id, title, rank), the collation, the title-change counter read before
the titles, and whether they replace every stored rank (see `TitleOrder.store`)."""

# Roles as plain ints: comparing with the enum members costs more than the rest of `data()`.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_USER = int(Qt.ItemDataRole.UserRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_TEXT_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_RIGHT_ALIGNED = frozenset({"chars", "script", "annotations"})
# Combined once: joining enum flags in Python costs more than the rest of `flags()`, asked for every cell.
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled

Index = QModelIndex | QPersistentModelIndex
Snippet = tuple[str, list[tuple[int, int]]]


class DocumentTableModel(QAbstractTableModel):
    # Columns keep their positions across versions: the remembered sort column is an index into this.
    COLUMNS: tuple[tuple[str, str], ...] = (
        ("title", QT_TRANSLATE_NOOP("DocumentTableModel", "Title")),
        ("date", QT_TRANSLATE_NOOP("DocumentTableModel", "Date")),
        ("source", QT_TRANSLATE_NOOP("DocumentTableModel", "Source")),
        ("chars", QT_TRANSLATE_NOOP("DocumentTableModel", "Length")),
        ("script", QT_TRANSLATE_NOOP("DocumentTableModel", "Script")),
        ("imported", QT_TRANSLATE_NOOP("DocumentTableModel", "Added")),
        ("annotations", QT_TRANSLATE_NOOP("DocumentTableModel", "Notes")),
        ("read", QT_TRANSLATE_NOOP("DocumentTableModel", "Last read")),
    )
    TITLE_COLUMN = 0
    SnippetRole = Qt.ItemDataRole.UserRole + 1  # (text, [(start, end), ...]) on the title column while searching

    # What made the stored ranks: another Qt (and so ICU) may order some titles differently.
    COLLATION = f"QCollator zh_CN numeric; Qt {qVersion()}"

    def __init__(
        self,
        library: Library,
        parent: Any = None,
        *,
        sort_column: int = -1,
        descending: bool = False,
        write_ranks: RankWriter | None = None,
    ) -> None:
        """`write_ranks` stores the title ranks a sort computes; without it they last for the session."""
        super().__init__(parent)
        self._library = library
        self._write_ranks = write_ranks
        self._keys = [key for key, _ in self.COLUMNS]
        self._ids: list[int] = []
        self._row_index: dict[int, int] | None = None  # document id -> row, made when asked again
        self._row_asked = False  # asked since the rows changed
        self._cache: OrderedDict[int, DocumentSummary] = OrderedDict()
        self._sort_key = self.COLUMNS[sort_column][0] if 0 <= sort_column < len(self.COLUMNS) else "imported"
        self._descending = descending
        self._filter: set[int] | None = None
        self._ranked: list[int] | None = None
        # Ids are loaded by the first sort() (the view calls it when sorting is enabled), not here,
        # so a large library is read once at start, not twice.
        self._loaded = False
        self._snippets: Callable[[int], Snippet | None] | None = None
        self._snippet_cache: OrderedDict[int, Snippet | None] = OrderedDict()
        self._counts: dict[int, int] = {}
        self._read: dict[int, str] = {}  # when each document was last read (UTC, ISO 8601); absent: never
        self._unread_font = QFont()
        self._unread_font.setBold(True)
        self._collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        self._collator.setNumericMode(True)  # 第2期 before 第10期
        self._sort_keys: dict[str, QCollatorSortKey] = {}
        self._collated: list[str] = []  # every title seen, in collation order
        self._rank: dict[str, int] = {}  # title -> its index in `_collated`
        self._titles: list[tuple[int, str]] | None = None  # (id, title), read again after a reload

    # -- Qt interface ------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not self._loaded:
            self._load_ids()
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called a dozen times per cell painted (once per role), so roles are compared as plain ints and
        # the common answers come first.
        if not index.isValid():
            return None
        row = index.row()
        if not 0 <= row < len(self._ids):
            return None
        key = self._keys[index.column()]
        if role == _TEXT_ALIGNMENT:
            return _RIGHT if key in _RIGHT_ALIGNED else None
        if role == _FONT:
            return self._unread_font if self._ids[row] not in self._read else None
        if role == self.SnippetRole:
            return self._snippet_at(row) if key == "title" else None
        if role != _DISPLAY and role != _TOOLTIP and role != _USER:
            return None
        summary = self._summary_at(row)
        if summary is None:
            return None
        if role == _USER:
            return summary.id
        if role == _TOOLTIP:
            if key != "title":
                return None
            unread = "" if summary.id in self._read else "\n" + self.tr("Not opened yet")
            return f"{summary.title}\n{summary.filename}{unread}"
        if key == "title":
            return summary.title or summary.filename
        if key == "date":
            return summary.date[:10]
        if key == "source":
            return summary.source
        if key == "chars":
            return f"{summary.chars:,}"
        if key == "script":
            return _SCRIPT_LABELS.get(summary.script, summary.script)
        if key == "imported":
            return summary.imported_at[:10]
        if key == "annotations":
            count = self._counts.get(summary.id, 0)
            return str(count) if count else ""
        if key == "read":
            return local_time(self._read.get(summary.id, ""))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(self.COLUMNS):
            return self.tr(self.COLUMNS[section][1])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _ROW_FLAGS

    def mimeTypes(self) -> list[str]:
        return [DOCUMENT_IDS_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        """The dragged rows' document ids, each once, in row order (a row has one index per column)."""
        rows = sorted({i.row() for i in indexes if i.isValid()})
        ids = [d for r in rows if (d := self.id_at(r)) is not None]
        mime = QMimeData()
        mime.setData(DOCUMENT_IDS_MIME, json.dumps(ids).encode("utf-8"))
        return mime

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.COLUMNS):
            return
        key, descending = self.COLUMNS[column][0], order == Qt.SortOrder.DescendingOrder
        if self._loaded and self._ranked is None and (key, descending) == (self._sort_key, self._descending):
            # Already in this order (the rows follow every change through `reload`): QTableView asks
            # twice (sortByColumn, then its header's signal), and once more when sorting is enabled.
            return
        self.layoutAboutToBeChanged.emit()
        self._ranked = None  # the reader chose an order
        self._sort_key = self.COLUMNS[column][0]
        self._descending = order == Qt.SortOrder.DescendingOrder
        old = self.persistentIndexList()
        old_ids = [self._ids[i.row()] if 0 <= i.row() < len(self._ids) else None for i in old]
        self._load_ids()
        positions = self._rows_of({i for i in old_ids if i is not None})
        new = [
            self.index(positions[i], idx.column()) if i in positions else QModelIndex()
            for i, idx in zip(old_ids, old, strict=True)
        ]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    # -- our interface -----------------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read ids after documents were added, changed or removed."""
        self.beginResetModel()
        self._cache.clear()
        self._titles = None
        self._load_ids()
        self.endResetModel()

    def refresh_counts(self, doc_ids: Iterable[int]) -> None:
        """Annotations were made or removed in these documents: redraw their Notes cells only, so a
        highlight costs a query on its own document, not a reload of a list of thousands."""
        if self._sort_key == "annotations":
            self.reload()  # the order itself may change
            return
        wanted = list(doc_ids)
        fresh = self._library.annotation_counts(wanted)
        column = next(c for c, (key, _) in enumerate(self.COLUMNS) if key == "annotations")
        for doc_id in wanted:
            self._counts[doc_id] = fresh.get(doc_id, 0)
            row = self.row_of(doc_id)
            if row is not None:
                index = self.index(row, column)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole])

    def set_filter(self, ids: set[int] | None, ranked: list[int] | None = None) -> None:
        """Show only these documents (None shows all). With `ranked` (best search results first) those
        lead and the rest follow in the list's sort order, until the reader sorts by a column."""
        self.beginResetModel()
        self._filter = ids
        self._ranked = ranked if ids is not None else None
        self._load_ids()
        self.endResetModel()

    def set_snippets(self, provider: Callable[[int], Snippet | None] | None) -> None:
        """Where each row's search snippet comes from (None while there is no search); it is drawn under
        the title, so the title cells repaint."""
        self._snippets = provider
        self._snippet_cache.clear()
        if self._ids:
            column = self.TITLE_COLUMN
            self.dataChanged.emit(self.index(0, column), self.index(len(self._ids) - 1, column), [self.SnippetRole])

    def has_snippets(self) -> bool:
        return self._snippets is not None

    def _snippet_at(self, row: int) -> Snippet | None:
        if self._snippets is None:
            return None
        doc_id = self._ids[row]
        if doc_id not in self._snippet_cache:
            self._snippet_cache[doc_id] = self._snippets(doc_id)  # only rows on screen are asked for
            while len(self._snippet_cache) > 2000:
                self._snippet_cache.popitem(last=False)
        return self._snippet_cache[doc_id]

    def mark_read(self, doc_id: int, when: str) -> None:
        """The document was opened or read on at `when` (UTC, ISO 8601): un-bold its row, show the time.
        The order stays as it is even when sorted by Last read: rows do not jump while one is chosen."""
        was_unread = doc_id not in self._read
        self._read[doc_id] = when
        row = self.row_of(doc_id)
        if row is None:
            return
        first = 0 if was_unread else next(c for c, (key, _) in enumerate(self.COLUMNS) if key == "read")
        self.dataChanged.emit(self.index(row, first), self.index(row, len(self.COLUMNS) - 1))

    def is_unread(self, doc_id: int) -> bool:
        return doc_id not in self._read

    def annotation_count(self, doc_id: int) -> int:
        return self._counts.get(doc_id, 0)

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, doc_id: int) -> int | None:
        """The row showing a document. Each opened document asks (to select it, to mark it read): the
        first question after the rows changed is answered by a search of the list in C (a millisecond at
        100,000 rows: the window's first paint waits for it), the second makes a map of every row that
        answers every later one without searching."""
        if self._row_index is None:
            if not self._row_asked:
                self._row_asked = True
                try:
                    return self._ids.index(doc_id)
                except ValueError:
                    return None
            self._row_index = {d: row for row, d in enumerate(self._ids)}
        return self._row_index.get(doc_id)

    def _rows_of(self, doc_ids: set[int]) -> dict[int, int]:
        """The rows of a few documents (the selection a sort keeps): a search of the list each, in C,
        rather than a map of every row (a tenth of a second at 100,000 rows, for a handful wanted)."""
        if len(doc_ids) > 16:
            return {doc_id: row for row, doc_id in enumerate(self._ids) if doc_id in doc_ids}
        rows: dict[int, int] = {}
        for doc_id in doc_ids:
            with suppress(ValueError):
                rows[doc_id] = self._ids.index(doc_id)
        return rows

    def _load_ids(self) -> None:
        self._loaded = True
        self._counts = self._library.annotation_counts()  # one grouped query over the annotations index
        self._read = self._library.positions.read_times()
        ids = self._ordered_ids()
        if self._filter is not None:
            ids = [i for i in ids if i in self._filter]
            if self._ranked:
                # The ranking was made when the search ran: a document deleted since is in it still.
                present = set(ids)
                first = [i for i in self._ranked if i in present]
                leading = set(first)
                ids = first + [i for i in ids if i not in leading]
        self._ids = ids
        self._row_index = None
        self._row_asked = False

    def _ordered_ids(self) -> list[int]:
        """Every id in the list's order. Titles and note counts are ordered here, the rest by SQL."""
        if self._sort_key == "title":
            return self._title_order()
        if self._sort_key == "annotations":
            ids = self._library.ids("imported", self._descending)
            return sorted(ids, key=lambda i: self._counts.get(i, 0), reverse=self._descending)
        return self._library.ids(self._sort_key, self._descending)

    def _title_order(self) -> list[int]:
        """Every id by title: from the stored ranks when they cover every document, with the few new
        ones placed among them, else collated afresh (and the ranks handed to the writer)."""
        store = self._library.title_order
        placed: list[tuple[int, str, int]] | None = None
        with store.snapshot():
            changes = store.changes()  # before any title is read: a change after it voids what is computed
            if store.collation() == self.COLLATION:
                missing = store.unranked()
                if not missing:
                    return store.ids(self._descending)
                placed = self._place(store, missing) if len(missing) <= _FEW_UNRANKED else None
                if placed is not None:
                    keys = [rank * _ID_SPAN + doc_id + _ID_OFFSET for rank, doc_id in store.pairs()]
            fresh = self._titles is None  # titles kept from before may predate `changes`: not stored
            if placed is None and self._titles is None:
                self._titles = self._library.titles()
        if placed is not None:
            if self._write_ranks is not None:
                self._write_ranks(placed, self.COLLATION, changes, False)
            keys += [rank * _ID_SPAN + doc_id + _ID_OFFSET for doc_id, _, rank in placed]
            keys.sort(reverse=self._descending)
            return [key % _ID_SPAN - _ID_OFFSET for key in keys]
        assert self._titles is not None
        order = self.pinyin_order(self._titles, self._descending)
        if self._write_ranks is not None and fresh:
            rank = self._rank
            ranked = [(doc_id, title, rank[title] * _RANK_GAP) for doc_id, title in self._titles]
            self._write_ranks(ranked, self.COLLATION, changes, True)
        return order

    def _place(self, store: TitleOrder, missing: list[tuple[int, str]]) -> list[tuple[int, str, int]] | None:
        """Ranks for documents without one, between the stored ranks of the titles they fall between;
        None when two neighbours have no room left between them.

        Each title is placed by binary search over the stored ranks' values, an index lookup and one
        collation key a step (about forty for any library), so no title but those probed is read."""
        bounds = store.bounds()
        if bounds is None:
            return None
        first, last = bounds
        given: dict[str, int] = {}
        previous: int | None = None  # the rank given to the title before, in collation order
        for title in sorted({title for _, title in missing}, key=self._key_of):
            key = self._key_of(title)
            above: tuple[int, str] | None = None  # the first stored title not before this one
            low, high = first, last + 1
            while low < high:
                mid = (low + high) // 2
                found = store.at_or_after(mid)
                if found is None:
                    high = mid
                elif self._key_of(found[1]) < key:
                    low = found[0] + 1
                else:
                    above, high = found, mid
            if above is not None and above[1] == title:
                given[title] = previous = above[0]
                continue
            upper = above[0] if above is not None else last + 2 * _RANK_GAP
            below = store.rank_before(upper) if above is not None else last
            lower = below if below is not None else upper - 2 * _RANK_GAP
            if previous is not None:
                lower = max(lower, previous)
            if upper - lower < 2:
                return None
            given[title] = previous = (lower + upper) // 2
        return [(doc_id, title, given[title]) for doc_id, title in missing]

    def pinyin_order(self, titles: list[tuple[int, str]], descending: bool = False) -> list[int]:
        """Ids ordered by title as a Chinese reader expects (pinyin; Latin and digits as usual), equal
        titles by id, in either direction.

        Each row becomes one integer, the title's rank then the id, so the sort compares plain integers
        in C: at 100,000 documents a key function called per comparison would cost several times more."""
        rank = self._rank
        try:
            keys = [rank[title] * _ID_SPAN + doc_id + _ID_OFFSET for doc_id, title in titles]
        except KeyError:  # titles not seen before
            self._collate({title for _, title in titles})
            rank = self._rank
            keys = [rank[title] * _ID_SPAN + doc_id + _ID_OFFSET for doc_id, title in titles]
        keys.sort(reverse=descending)
        return [key % _ID_SPAN - _ID_OFFSET for key in keys]

    def _collate(self, titles: set[str]) -> None:
        """Give every title a rank in collation order: a few new ones are placed by binary search, many
        (or a list grown stale with titles long gone) are collated again at once."""
        new = [title for title in titles if title not in self._rank]
        if not new:
            return
        if len(self._sort_keys) > _SORT_KEY_CACHE_LIMIT:
            self._sort_keys.clear()
        few = len(new) * 16 < len(self._collated) and len(self._collated) < 2 * len(titles) + 1000
        if few:
            for title in new:
                at = bisect.bisect_left(self._collated, self._key_of(title), key=self._key_of)
                self._collated.insert(at, title)
        else:
            self._collated = sorted(titles, key=self._key_of)
        self._rank = {title: index for index, title in enumerate(self._collated)}

    def _key_of(self, title: str) -> QCollatorSortKey:
        key = self._sort_keys.get(title)
        if key is None:
            key = self._sort_keys[title] = self._collator.sortKey(title)
        return key

    def _summary_at(self, row: int) -> DocumentSummary | None:
        doc_id = self._ids[row]
        summary = self._cache.get(doc_id)
        if summary is not None:
            self._cache.move_to_end(doc_id)
            return summary
        start = max(0, row - _PAGE // 4)
        page = [i for i in self._ids[start : start + _PAGE] if i not in self._cache]
        self._cache.update(self._library.summaries(page))
        while len(self._cache) > _CACHE_LIMIT:
            self._cache.popitem(last=False)
        return self._cache.get(doc_id)


def local_time(iso_utc: str) -> str:
    """ "2026-03-01T08:30:00Z" as the reader's local "2026-03-01 16:30"; "" for never or a damaged value."""
    if not iso_utc:
        return ""
    try:
        when = datetime.fromisoformat(iso_utc.replace("Z", "+00:00"))
    except ValueError:
        return ""
    return when.astimezone().strftime("%Y-%m-%d %H:%M")
