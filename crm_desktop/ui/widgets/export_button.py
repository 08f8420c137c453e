"""The Export button every list has: an icon and a menu of the file formats (Excel, CSV);
choosing one emits `requested` with the format ("xlsx" or "csv")."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Signal, Slot
from PySide6.QtWidgets import QMenu, QPushButton, QStyle, QStyleOptionButton, QWidget

from crm_desktop.ui.theme import icons


class ExportButton(QPushButton):
    requested = Signal(str)

    def __init__(self, parent: QWidget | None = None, formats: Sequence[str] = ("xlsx", "csv")):
        super().__init__(self.tr("Export"), parent)
        self.setObjectName("exportButton")
        self.setToolTip(self.tr("Write the list as it is shown (filters, order and columns) "
                                "to a file"))
        icons.dress(self, "table-export")
        self._formats = tuple(formats)
        # The menu (a window of its own) is made when the button is first pressed: a list
        # opens without it. Until then the button is drawn as one with a menu.
        self.menu_: QMenu | None = None
        self.pressed.connect(self._first_press)

    def initStyleOption(self, option: QStyleOptionButton) -> None:
        super().initStyleOption(option)
        if self.menu_ is None:
            option.features |= QStyleOptionButton.ButtonFeature.HasMenu

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        if self.menu_ is None:  # room for the arrow, as Qt leaves for a button with a menu
            option = QStyleOptionButton()
            self.initStyleOption(option)
            hint.setWidth(hint.width() + self.style().pixelMetric(
                QStyle.PixelMetric.PM_MenuButtonIndicator, option, self))
        return hint

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    @Slot()
    def _first_press(self) -> None:
        if self.menu_ is None:
            self._made_menu()
            self.showMenu()

    def _made_menu(self) -> QMenu:
        if self.menu_ is None:
            menu = QMenu(self)
            menu.setObjectName("exportMenu")
            names = {"xlsx": self.tr("Excel (.xlsx)"), "csv": self.tr("CSV, UTF-8 (.csv)"),
                     "pdf": self.tr("PDF (.pdf)")}
            for fmt in self._formats:
                action = menu.addAction(names[fmt])
                action.setObjectName(f"export_{fmt}")
                action.triggered.connect(lambda _checked=False, f=fmt: self.requested.emit(f))
            self.menu_ = menu
            self.setMenu(menu)
        return self.menu_

    def action(self, fmt: str):  # -> QAction
        """The menu entry of a format (for tests and shortcuts)."""
        return next(a for a in self._made_menu().actions()
                    if a.objectName() == f"export_{fmt}")
