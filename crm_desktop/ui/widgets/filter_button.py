"""A list's filter (ListFilter) and the light button that shows it in a list's filter bar
(FilterButton): what the list sections and the pages with filters of their own share."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QMenu, QToolButton, QWidget


@dataclass(frozen=True)
class ListFilter:
    """A list's filter: the service filter it sets, its "all" entry, its choices, and the
    name the button shows before a chosen value ("City: Tehran"; none: the value alone)."""

    key: str
    name: str
    everything: str
    choices: Callable[[], list[tuple[Any, str]]]
    label: str = ""


# the widest a filter button grows before its text is elided (the full text is its tooltip)
FILTER_TEXT_WIDTH = 200


class FilterButton(QToolButton):
    """A list's filter as a light button ("All cities", or "City: Tehran" when one is
    chosen) opening a menu of exclusive choices. A combo box builds a hidden pop-up window
    with a list view and scroll bars as soon as it is sized; this button makes its menu
    when it is first pressed, and reads and fills the choices when the menu is first opened
    (a click, Space, Enter or Down) or code looks one up; after a data change they are read again on
    the next use, keeping what is chosen. It offers the combo-box calls the views and tests
    use: currentIndex/Data/Text, setCurrentIndex, findData, findText, count, itemText,
    itemData and the currentIndexChanged signal."""

    currentIndexChanged = Signal(int)

    def __init__(self, f: ListFilter, parent: QWidget | None = None, *,
                 placeholder: QAction | None = None):
        super().__init__(parent)
        self.setObjectName(f.name)
        self.setProperty("filter", True)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._label = f.label
        self._choices = f.choices
        self._items: list[tuple[Any, str]] = [(None, f.everything)]
        self._index = 0
        self._stale = True
        self._filled = False  # the menu holds the current choices
        self._group: QActionGroup | None = None
        # No menu yet (a QMenu is a window of its own): it is made when the button is first
        # pressed. Until then an action tells Qt that it has a menu, so the drop-down arrow
        # is drawn: `placeholder`, one action the buttons of a filter bar share (each made
        # from Python costs its making and its wrapper), or the button's own.
        self._menu: QMenu | None = None
        self._placeholder: QAction | None = (placeholder if placeholder is not None
                                             else QAction(self))
        self.addAction(self._placeholder)
        self._show_choice()

    def _made_menu(self) -> QMenu:
        """The menu, made the first time the button is pressed: Qt places it (right to left
        too); its actions are made when it is about to show."""
        if self._menu is None:
            self._menu = QMenu(self)
            self._menu.setObjectName(f"{self.objectName()}Menu")
            self._menu.aboutToShow.connect(self._about_to_show)
            if self._placeholder is not None:
                self.removeAction(self._placeholder)
                self._placeholder = None
            self.setMenu(self._menu)
        return self._menu

    # -- the combo-box calls ---------------------------------------------------------------
    def count(self) -> int:
        return len(self._items)

    def currentIndex(self) -> int:
        return self._index

    def currentData(self) -> Any:
        return self._items[self._index][0]

    def currentText(self) -> str:
        return self._items[self._index][1]

    def itemData(self, index: int) -> Any:
        return self._items[index][0] if 0 <= index < len(self._items) else None

    def itemText(self, index: int) -> str:
        return self._items[index][1] if 0 <= index < len(self._items) else ""

    def findData(self, data: Any) -> int:
        self.fill()
        return next((i for i, (value, _t) in enumerate(self._items)
                     if value == data and isinstance(value, bool) == isinstance(data, bool)),
                    -1)

    def findText(self, text: str) -> int:
        self.fill()
        return next((i for i, (_v, t) in enumerate(self._items) if t == text), -1)

    def setCurrentIndex(self, index: int) -> None:
        if not 0 <= index < len(self._items) or index == self._index:
            return
        self._index = index
        self._show_choice()
        if self._filled and self._menu is not None:
            self._menu.actions()[self._action_row(index)].setChecked(True)
        self.currentIndexChanged.emit(index)

    # -- choices ---------------------------------------------------------------------------
    def mark_stale(self) -> None:
        self._stale = True

    def fill(self) -> None:
        """Read the choices now if they are not up to date (what is chosen stays)."""
        if not self._stale:
            return
        self._stale = False
        self._filled = False
        current = self._items[self._index]
        self._items = self._items[:1] + [(v, t) for v, t in self._choices()]
        self._index = max(0, self.findData(current[0]))
        self._show_choice()

    def _action_row(self, index: int) -> int:
        return index if index == 0 else index + 1  # a line after "All ..."

    def _about_to_show(self) -> None:
        self._made_menu().setMinimumWidth(self.width())  # at least as wide as the button
        self._fill_menu()

    def _fill_menu(self) -> None:
        self.fill()
        if self._filled:
            return
        self._filled = True
        menu = self._made_menu()
        menu.clear()
        if self._group is not None:
            self._group.deleteLater()
        group = self._group = QActionGroup(menu)
        for i, (_value, text) in enumerate(self._items):
            if i == 1:
                menu.addSeparator()
            action = menu.addAction(text)
            action.setCheckable(True)
            action.setChecked(i == self._index)
            action.setData(i)
            group.addAction(action)
        group.triggered.connect(lambda action: self.setCurrentIndex(action.data()))
        menu.setActiveAction(menu.actions()[self._action_row(self._index)])

    def _show_choice(self) -> None:
        value, text = self._items[self._index]
        if value is not None and self._label:
            text = self.tr("{name}: {value}").replace("{name}", self._label).replace(
                "{value}", text)
        elided = self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight,
                                               FILTER_TEXT_WIDTH)
        self.setText(elided.replace("&", "&&"))
        self.setToolTip(text if elided != text else "")
        chosen = value is not None
        if bool(self.property("chosen")) != chosen:
            self.setProperty("chosen", chosen)
            if self.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
                self.style().unpolish(self)
                self.style().polish(self)

    # -- mouse and keyboard ----------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._made_menu()
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self._made_menu()  # (Space presses the button, which opens the menu)
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_Return,
                           Qt.Key.Key_Enter, Qt.Key.Key_F4):
            self.showMenu()
            return
        super().keyPressEvent(event)
