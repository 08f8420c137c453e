"""RFM segment sizes as a table (twelve rows from RfmService.sizes): segment, contacts,
their share of the contacts, revenue in the window and its share of all revenue."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtGui import QGuiApplication

from crm_desktop.text.money import MoneyUnit
from crm_desktop.ui import display, labels
from crm_desktop.ui.qtmodels.headed import RowsTableModel

AnyIndex = QModelIndex
SEGMENT, CONTACTS, CONTACT_SHARE, REVENUE, REVENUE_SHARE = range(5)
#: the segment's code (a RfmSegment value) on every cell of its row
SEGMENT_ROLE = int(Qt.ItemDataRole.UserRole.value) + 1


def share_text(part: float) -> str:
    """A share 0-1 as a percentage with one decimal ("12.5%", "۱۲٫۵٪")."""
    text = f"{part * 100:.1f}"
    if display.persian():
        text = text.replace(".", "٫")
    return display.percent(text)


class SegmentsModel(RowsTableModel):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []
        self.unit = MoneyUnit.RIAL
        self._contacts = 0
        self.headers = [
            QCoreApplication.translate("Segments", "Segment"),
            QCoreApplication.translate("Segments", "Contacts"),
            QCoreApplication.translate("Segments", "Share of contacts"),
            QCoreApplication.translate("Segments", "Revenue in the window"),
            QCoreApplication.translate("Segments", "Share of revenue"),
        ]

    def set_rows(self, rows: list[dict[str, Any]], unit: MoneyUnit | str) -> None:
        self.beginResetModel()
        self.rows = [dict(r) for r in rows]
        self.unit = MoneyUnit(unit)
        self._contacts = sum(int(r["contacts"]) for r in self.rows)
        self.endResetModel()

    def segment_at(self, row: int) -> str | None:
        return self.rows[row]["segment"] if 0 <= row < len(self.rows) else None

    # -- Qt model interface -----------------------------------------------------------
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, col = self.rows[index.row()], index.column()
        if role == SEGMENT_ROLE:
            return row["segment"]
        if role == Qt.ItemDataRole.TextAlignmentRole and col != SEGMENT:
            # every figure on the line's trailing side, whatever its own characters make of
            # "trailing" (a bare count reads left to right, a sum with its unit right to left)
            side = (Qt.AlignmentFlag.AlignLeft if QGuiApplication.isRightToLeft()
                    else Qt.AlignmentFlag.AlignRight)
            return int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignAbsolute | side)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col == SEGMENT:
            return labels.label(labels.rfm_segments(), row["segment"])
        if col == CONTACTS:
            return display.number(int(row["contacts"]))
        if col == CONTACT_SHARE:
            return share_text(int(row["contacts"]) / self._contacts if self._contacts else 0)
        if col == REVENUE:
            return display.money(int(row["revenue_rial"]), self.unit)
        if col == REVENUE_SHARE:
            return share_text(float(row["share"]))
        return None
