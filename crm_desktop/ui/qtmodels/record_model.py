"""A windowed table model over an entity service: the row count comes from `count`, rows
are read a page at a time with `window`, and only a few pages are kept. It never holds
SQL and never loads the whole table (100,000 contacts open in a few milliseconds).

A text search is bounded by its matches: their ids are read once, in list order (one
query instead of a count and a window that would each match and sort them again), and
pages are read by id."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Slot,
)

from crm_desktop.services.base import EntityService, ListQuery, Page, Sort

Row = dict[str, Any]
AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """One column: where its text comes from and which service sort it maps to."""

    key: str
    title: str
    # the service's sort key, or None when the column cannot be sorted
    sort: str | None = None
    # text shown for a row (default: the row's value under `key`)
    text: Callable[[Row], str] | None = None
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeading

    def display(self, row: Row) -> str:
        if self.text is not None:
            return self.text(row)
        value = row.get(self.key)
        return "" if value is None else str(value)


_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole.value)
_ID = int(Qt.ItemDataRole.UserRole.value) + 1
_SERVED = frozenset({_DISPLAY, _ALIGN, _ID})


class WindowedTableModel(QAbstractTableModel):
    """Rows read a page at a time (`_read_page`) and only `max_pages` pages kept, the
    least recently used dropped first; `_count` is the number of rows, known up front."""

    def __init__(self, *, page_size: int, max_pages: int, parent: QObject | None = None):
        super().__init__(parent)
        self._page_size = page_size
        self._max_pages = max_pages
        self._count = 0
        # page number -> (rows, cursor of the row after the page, or None)
        self._pages: OrderedDict[int, tuple[list[Row], tuple[Any, int] | None]] = OrderedDict()

    def _read_page(self, number: int) -> Page:
        raise NotImplementedError

    def _page(self, number: int) -> list[Row]:
        cached = self._pages.get(number)
        if cached is not None:
            self._pages.move_to_end(number)
            return cached[0]
        page = self._read_page(number)
        self._pages[number] = (page.rows, page.next_cursor)
        while len(self._pages) > self._max_pages:
            self._pages.popitem(last=False)
        return page.rows

    def row_data(self, row: int) -> Row | None:
        if not 0 <= row < self._count:
            return None
        rows = self._page(row // self._page_size)
        offset = row % self._page_size
        return rows[offset] if offset < len(rows) else None

    def id_at(self, row: int) -> int | None:
        data = self.row_data(row)
        return None if data is None else int(data["id"])

    def cached_pages(self) -> int:
        return len(self._pages)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count


class RecordTableModel(WindowedTableModel):
    # the record id of a row, for views and tests
    IdRole = _ID

    def __init__(
        self,
        service: EntityService[Any],
        columns: list[Column],
        *,
        page_size: int = 200,
        max_pages: int = 12,
        parent: QObject | None = None,
    ):
        super().__init__(page_size=page_size, max_pages=max_pages, parent=parent)
        self._service = service
        self._columns = columns
        self._alignments = [int((c.align | Qt.AlignmentFlag.AlignVCenter).value) for c in columns]
        self._query = ListQuery()
        # the ids of a text search, in list order (None when paging by position)
        self._ids: list[int] | None = None

    # -- what the list shows ----------------------------------------------------------
    @property
    def query(self) -> ListQuery:
        return self._query

    @property
    def columns(self) -> list[Column]:
        return self._columns

    def set_query(self, query: ListQuery) -> None:
        """Show another filter, text or sort: the count is read again, pages on demand."""
        self.beginResetModel()
        self._query = replace(query, after=None)
        self._pages.clear()
        if self._query.text.strip():
            self._ids = self._service.list_ids(self._query)
            self._count = len(self._ids)
        else:
            self._ids = None
            self._count = self._service.count(self._query)
        self.endResetModel()

    def refresh(self) -> None:
        """Read the list again after data changed (same filter and sort)."""
        self.set_query(self._query)

    def set_filters(self, **filters: Any) -> None:
        merged = {**self._query.filters, **filters}
        self.set_query(replace(self._query, filters={k: v for k, v in merged.items()
                                                     if v is not None}))

    @Slot(str)
    def set_text(self, text: str) -> None:
        if text != self._query.text:
            self.set_query(replace(self._query, text=text))

    # -- rows -------------------------------------------------------------------------
    def _read_page(self, number: int) -> Page:
        previous = self._pages.get(number - 1)
        if self._ids is not None:
            start = number * self._page_size
            return Page(self._service.ids(self._ids[start:start + self._page_size]), None)
        if previous is not None and previous[1] is not None:
            # the page after a cached one: seek from its last row instead of skipping
            return self._service.window(replace(self._query, after=previous[1]), 0,
                                        self._page_size)
        # the count is known: a page past the middle is sought from the end
        return self._service.window(self._query, number * self._page_size,
                                    self._page_size, total=self._count)

    def row_text(self, row: Row, column: int) -> str:
        """The text a cell of `row` shows (what `data` answers), from a row already read:
        a list's chips read their text and colour from one look-up of the row. (A subclass
        that shows a column otherwise in `data` shows it so here too.)"""
        return self._columns[column].display(row)

    # -- Qt model interface -----------------------------------------------------------
    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Qt asks a dozen roles per visible cell on every repaint: answer the ones we do
        # not serve before any other work (plain ints, no enum arithmetic on this path).
        if role not in _SERVED or not index.isValid():
            return None
        if role == _DISPLAY:
            row = self.row_data(index.row())
            return None if row is None else self._columns[index.column()].display(row)
        if role == _ALIGN:
            return self._alignments[index.column()]
        return self.id_at(index.row())

    def headerData(
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self._columns):
                return self._columns[section].title
            return None
        return None

    # No flags() override: Qt's own (enabled, selectable, never has children) is what a
    # row is, and a Python override is called for every visible cell of every repaint.

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        key = self._columns[column].sort
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if self._query.sort == Sort(key, descending):
            return  # the header says what the list already shows: nothing to read again
        self.set_query(replace(self._query, sort=Sort(key, descending)))

    def sort_column(self) -> tuple[int, Qt.SortOrder] | None:
        """The column and order the current sort belongs to (for the header indicator)."""
        return self.sort_column_for(self._query.sort)

    def sort_column_for(self, sort: Sort | None) -> tuple[int, Qt.SortOrder] | None:
        """The column and order a sort belongs to (None: no column shows it)."""
        if sort is None:
            return None
        for i, column in enumerate(self._columns):
            if column.sort == sort.key:
                order = (Qt.SortOrder.DescendingOrder if sort.descending
                         else Qt.SortOrder.AscendingOrder)
                return i, order
        return None
