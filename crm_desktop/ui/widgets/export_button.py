"""The Export button every list has: an icon and a menu of the file formats (Excel, CSV);
choosing one emits `requested` with the format ("xlsx" or "csv")."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from crm_desktop.ui.theme import icons


class ExportButton(QPushButton):
    requested = Signal(str)

    def __init__(self, parent: QWidget | None = None, formats: Sequence[str] = ("xlsx", "csv")):
        super().__init__(self.tr("Export"), parent)
        self.setObjectName("exportButton")
        self.setToolTip(self.tr("Write the list as it is shown (filters, order and columns) "
                                "to a file"))
        icons.dress(self, "table-export")
        self.menu_ = QMenu(self)
        self.menu_.setObjectName("exportMenu")
        names = {"xlsx": self.tr("Excel (.xlsx)"), "csv": self.tr("CSV, UTF-8 (.csv)"),
                 "pdf": self.tr("PDF (.pdf)")}
        for fmt in formats:
            action = self.menu_.addAction(names[fmt])
            action.setObjectName(f"export_{fmt}")
            action.triggered.connect(lambda _checked=False, f=fmt: self.requested.emit(f))
        self.setMenu(self.menu_)

    def action(self, fmt: str):  # -> QAction
        """The menu entry of a format (for tests and shortcuts)."""
        return next(a for a in self.menu_.actions() if a.objectName() == f"export_{fmt}")
