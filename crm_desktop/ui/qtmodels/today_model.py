"""The Today page's lists as models: one row per activity (or birthday) of a section, a
bounded number of rows, painted by the view's delegate. A section of 500 rows is one model
reset, not 500 list items built one by one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

AnyIndex = QModelIndex | QPersistentModelIndex

_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_ID = int(Qt.ItemDataRole.UserRole.value)


class TodayModel(QAbstractListModel):
    """Rows of a section with their record ids; a row's text is made when the view first
    asks for it (only the rows scrolled into sight are formatted). `IdRole` gives the id."""

    IdRole = _ID

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._ids: list[int] = []
        self._rows: list[Any] = []
        self._text: Callable[[Any], str] = str
        self._texts: dict[int, str] = {}

    def set_rows(self, rows: list[dict[str, Any]], text: Callable[[dict[str, Any]], str],
                 id_key: str = "id") -> None:
        """Show `rows` (already bounded); `text(row)` is what a row says."""
        self.beginResetModel()
        self._ids = [int(r[id_key]) for r in rows]
        self._rows = list(rows)
        self._text = text
        self._texts = {}
        self.endResetModel()

    def set_items(self, items: list[tuple[int, str]]) -> None:
        """Show ready-made (id, text) rows."""
        self.set_rows([{"id": i, "text": t} for i, t in items], lambda r: r["text"])

    def ids(self) -> list[int]:
        return list(self._ids)

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def text_at(self, row: int) -> str:
        text = self._texts.get(row)
        if text is None:
            text = self._texts[row] = self._text(self._rows[row])
        return text

    # -- Qt model interface -----------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role in (_DISPLAY, _TOOLTIP):
            return self.text_at(index.row())
        if role == _ID:
            return self._ids[index.row()]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | \
            Qt.ItemFlag.ItemNeverHasChildren


class TodayList(QListView):
    """The view of one section: single selection, rows of one height (the view lays out
    500 rows without measuring each), the model's text elided by the default delegate."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.today_model = TodayModel(self)
        self.setModel(self.today_model)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformItemSizes(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

    def setCurrentRow(self, row: int) -> None:
        """Select one row (as QListWidget.setCurrentRow)."""
        index = self.today_model.index(row, 0)
        self.selectionModel().setCurrentIndex(
            index, self.selectionModel().SelectionFlag.ClearAndSelect)

    def selected_id(self) -> int | None:
        rows = self.selectionModel().selectedRows()
        return self.today_model.id_at(rows[0].row()) if rows else None
