"""A word-wrapped label that lays its text out once per width.

Qt asks a word-wrapped label its height for a width each time a layout or a splitter
around it measures itself, and QLabel lays the whole text out again for every answer: a
details panel's "choose a record" sentence was laid out (shaped, broken into lines) some
thirty times while a list opened. This label remembers each answer until something that
could change it changes (its text, font, margins or style: any change event, or one of the
setters below)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QWidget


class WrappedLabel(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None):
        self._heights: dict[int, int] = {}  # (before Qt can ask)
        super().__init__(text, parent)
        self.setWordWrap(True)

    def heightForWidth(self, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = super().heightForWidth(width)
        return height

    def changeEvent(self, event: QEvent) -> None:
        # font, style, margins (ContentsRectChange), direction, language ...
        self._heights.clear()
        super().changeEvent(event)

    # what else changes the text's layout, when set from Python
    def setText(self, text: str) -> None:
        self._heights.clear()
        super().setText(text)

    def clear(self) -> None:
        self._heights.clear()
        super().clear()

    def setAlignment(self, alignment: Qt.AlignmentFlag | Any) -> None:
        self._heights.clear()
        super().setAlignment(alignment)

    def setWordWrap(self, on: bool) -> None:
        self._heights.clear()
        super().setWordWrap(on)

    def setIndent(self, indent: int) -> None:
        self._heights.clear()
        super().setIndent(indent)

    def setMargin(self, margin: int) -> None:
        self._heights.clear()
        super().setMargin(margin)

    def setTextFormat(self, fmt: Qt.TextFormat) -> None:
        self._heights.clear()
        super().setTextFormat(fmt)
