"""A figure on a card with its caption below ("۱۲۰ / New contacts"), coloured by its tone
(success, info, neutral, danger, warning): the import preview's and summary's counts."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from crm_desktop.ui import display
from crm_desktop.ui.theme import tokens


class CountCard(QFrame):
    def __init__(self, name: str, caption: str, tone: str = "neutral",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("countCard")
        self.setProperty("tone", tone)
        self.setAccessibleName(caption)
        self.value_label = QLabel("—", self)
        self.value_label.setObjectName("countValue")
        self.value_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption_label = QLabel(caption, self)
        self.caption_label.setObjectName(f"{name}Caption")
        self.caption_label.setProperty("role", "muted")
        self.caption_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption_label.setWordWrap(True)
        self.note_label = QLabel(self)
        self.note_label.setObjectName(f"{name}Note")
        self.note_label.setProperty("role", "caption")
        self.note_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note_label.hide()
        layout = QVBoxLayout(self)
        pad = tokens.SPACING["s"]
        layout.setContentsMargins(pad, pad, pad, pad)
        layout.setSpacing(tokens.SPACING["xxs"])
        layout.addWidget(self.value_label)
        layout.addWidget(self.caption_label)
        layout.addWidget(self.note_label)
        self.value: int | None = None

    def set_value(self, value: int | None, note: str = "") -> None:
        self.value = value
        self.value_label.setText("—" if value is None else display.number(value))
        self.note_label.setText(note)
        self.note_label.setVisible(bool(note))


def count_row(specs: Sequence[tuple[str, str, str, str]],
              parent: QWidget) -> tuple[dict[str, CountCard], QHBoxLayout]:
    """Cards side by side, equally wide: one per (key, object name, caption, tone); the
    cards by key and the row to put in a layout."""
    cards = {key: CountCard(name, caption, tone, parent)
             for key, name, caption, tone in specs}
    row = QHBoxLayout()
    row.setSpacing(tokens.SPACING["m"])
    for card in cards.values():
        row.addWidget(card, 1)
    return cards, row
