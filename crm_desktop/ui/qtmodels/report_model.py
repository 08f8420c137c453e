"""A report's table as a Qt model: the rows of Report.table (a list, already in memory and
in the report's order), each cell as cell_text writes it in the UI language (Persian
digits, money in the display unit, rates as percentages); numbers right-aligned (their
units line up), dates and codes centred. `ReportTotalModel` is the same over the one total
row, shown pinned under the table. No sorting: a report's order is part of it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from crm_desktop.export.table import ExportTable
from crm_desktop.text import report_texts
from crm_desktop.text.cell_text import NUMERIC, cell_text
from crm_desktop.text.money import MoneyUnit
from crm_desktop.ui import display

AnyIndex = QModelIndex | QPersistentModelIndex
NUMBER_ALIGN = (Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute
                | Qt.AlignmentFlag.AlignVCenter)
CENTER_ALIGN = Qt.AlignmentFlag.AlignCenter


class ReportTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.table: ExportTable | None = None
        self.rows: list[list[Any]] = []
        self.unit: MoneyUnit = MoneyUnit.RIAL
        self.lang = "fa"
        self.headers: list[str] = []

    def _rows_of(self, table: ExportTable) -> list[list[Any]]:
        return list(table.rows)  # type: ignore[arg-type]

    def set_table(self, table: ExportTable | None, unit: MoneyUnit | str = MoneyUnit.RIAL,
                  lang: str = "fa") -> None:
        """Show `table` (None: nothing) with money in `unit`."""
        self.beginResetModel()
        self.table = table
        self.unit = MoneyUnit(unit)
        self.lang = lang
        self.rows = self._rows_of(table) if table is not None else []
        self.headers = [self._title(c) for c in table.columns] if table is not None else []
        self.endResetModel()

    def _title(self, column: Any) -> str:
        """A column's title; a money column names the display unit."""
        if column.kind == "money" and column.key in report_texts.COLUMN_TITLES:
            return report_texts.money_title(column.key, self.lang, self.unit)
        return column.title

    def kind(self, column: int) -> str:
        return self.table.columns[column].kind if self.table is not None else "text"

    # -- the model ----------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and self.kind(section) in NUMERIC:
            return int(NUMBER_ALIGN)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows) \
                or not 0 <= index.column() < len(self.headers):
            return None
        kind = self.kind(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            text = cell_text(self.rows[index.row()][index.column()], kind, self.lang,
                             self.unit)
            # a minus stays before its number in a right-to-left line
            return display.ltr(text) if kind in NUMERIC and text.startswith("-") else text
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if kind in NUMERIC:
                return int(NUMBER_ALIGN)
            if kind in ("date", "datetime", "code"):
                return int(CENTER_ALIGN)
            return None
        return None


class ReportTotalModel(ReportTableModel):
    """The total row alone (none when the report has no total), in bold."""

    def _rows_of(self, table: ExportTable) -> list[list[Any]]:
        return [list(table.total)] if table.total is not None else []

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.FontRole and index.isValid():
            font = QFont()
            font.setBold(True)
            return font
        return super().data(index, role)
