"""The Today page's lists as models: one row per activity (or birthday) of a section, a
bounded number of rows, painted by the view's delegate. A section of 500 rows is one model
reset, not 500 list items built one by one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

AnyIndex = QModelIndex | QPersistentModelIndex

_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_ID = int(Qt.ItemDataRole.UserRole.value)


class TodayModel(QAbstractListModel):
    """Rows of (record id, text); `IdRole` gives the id."""

    IdRole = _ID

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[tuple[int, str]] = []

    def set_items(self, items: list[tuple[int, str]]) -> None:
        self.beginResetModel()
        self._rows = list(items)
        self.endResetModel()

    def ids(self) -> list[int]:
        return [record_id for record_id, _text in self._rows]

    def id_at(self, row: int) -> int | None:
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    # -- Qt model interface -----------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        record_id, text = self._rows[index.row()]
        if role in (_DISPLAY, _TOOLTIP):
            return text
        if role == _ID:
            return record_id
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
