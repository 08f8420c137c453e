"""A table's column titles that are measured once for their height, not after every
change of a column's width.

Qt forgets a header's size hint whenever a section is resized, and its table asks for it
again at once: the hint measures every visible title (a text layout each under the style
sheet). A list shown for the first time resizes its last, stretched column two or three
times as its window settles, so the same titles were measured three times over although
a width never changes a title's height. `TitlesHeader` keeps its hint until what it
depends on changes: the font or the style (a change event), the titles (the model's
signals), the model, or which and how many sections are shown."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QEvent, QSize, Qt, Slot
from PySide6.QtWidgets import QHeaderView, QWidget


class TitlesHeader(QHeaderView):
    """A header that remembers its size hint; otherwise Qt's own, set up as a table's own
    horizontal header is (clickable sections, highlighted when their column is selected)."""

    def __init__(self, orientation: Qt.Orientation, parent: QWidget | None = None):
        super().__init__(orientation, parent)
        self.setSectionsClickable(True)
        self.setHighlightSections(True)
        self._hint: QSize | None = None
        self._key: tuple[int, int, bool] | None = None
        self._watched: QAbstractItemModel | None = None  # the model whose signals it heeds

    def sizeHint(self) -> QSize:
        key = (self.count(), self.hiddenSectionCount(), self.isSortIndicatorShown())
        if self._hint is None or key != self._key:
            self._hint = super().sizeHint()
            self._key = key
        return QSize(self._hint)

    @Slot()
    def forget_size(self) -> None:
        """Measure the titles again when next asked (they, or the model, changed)."""
        self._hint = None

    def changeEvent(self, event: QEvent) -> None:
        # a font, style, language or direction change: each may change a title's size
        self._hint = None
        super().changeEvent(event)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        if self._watched is not None:
            try:
                for signal in _signals(self._watched):
                    signal.disconnect(self.forget_size)
            except RuntimeError:  # the model is gone already, and its connections with it
                pass
        self._hint = None
        super().setModel(model)
        self._watched = model
        if model is not None:
            for signal in _signals(model):
                signal.connect(self.forget_size)


def _signals(model: QAbstractItemModel) -> tuple[Any, ...]:
    """What tells a header that its titles changed."""
    return (model.headerDataChanged, model.modelReset, model.layoutChanged,
            model.columnsInserted, model.columnsRemoved, model.columnsMoved)
