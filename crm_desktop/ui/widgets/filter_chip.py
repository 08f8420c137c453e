"""A removable chip over a list naming a filter set from elsewhere: the dashboard opens a
section on the records behind a figure ("Created in Azar 1405 ×"); the × (or Escape on
it) takes the filter away again."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from crm_desktop.ui import display
from crm_desktop.ui.theme import icons, tokens


class FilterChip(QFrame):
    """Hidden until `show_label`; `removed` when the user takes the filter away."""

    removed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("filterChip")
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.label = QLabel(self)
        self.label.setObjectName("filterChipText")
        self.remove_button = QToolButton(self)
        self.remove_button.setObjectName("filterChipRemove")
        self.remove_button.setIcon(icons.icon("x"))
        self.remove_button.setAutoRaise(True)
        self.remove_button.setToolTip(self.tr("Show everything again"))
        self.remove_button.setAccessibleName(self.tr("Remove this filter"))
        self.remove_button.clicked.connect(self.remove)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(tokens.SPACING["s"], 0, tokens.SPACING["xxs"], 0)
        layout.setSpacing(tokens.SPACING["xs"])
        layout.addWidget(self.label)
        layout.addWidget(self.remove_button)
        self.hide()

    def text(self) -> str:
        """The filter's name as shown (without direction marks); "" when hidden."""
        return "" if self.isHidden() else display.plain(self.label.text())

    def show_label(self, text: str) -> None:
        self.label.setText(display.isolate(text))
        self.setToolTip(text)
        self.show()

    def clear(self) -> None:
        """Hide the chip without announcing it (the list dropped the filter itself)."""
        self.hide()
        self.label.clear()

    def remove(self) -> None:
        if self.isHidden():
            return
        self.clear()
        self.removed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.remove()
            return
        super().keyPressEvent(event)
