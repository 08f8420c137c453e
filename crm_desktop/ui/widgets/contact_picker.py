"""Choose one contact among 100,000 by typing: a line edit whose completer shows the
contacts the global search finds for the text (a few at a time, as you type), and a
button that clears the choice. No list of everyone is ever loaded.

The value is the chosen contact's id, or None; text typed without choosing a result is
`unmatched()` (the form shows it as an error instead of saving nothing silently)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLineEdit, QToolButton, QWidget

from crm_desktop.ui import display

ID_ROLE = Qt.ItemDataRole.UserRole + 1
NAME_ROLE = Qt.ItemDataRole.UserRole + 2
#: results shown at once
SHOWN = 8

#: text -> [(id, name, what else identifies them: mobile, company, city)]
Search = Callable[[str], Iterable[tuple[int, str, str]]]


class ContactPicker(QWidget):
    #: the chosen contact (or the typed text) changed
    changed = Signal()

    def __init__(self, search: Search, parent: QWidget | None = None):
        super().__init__(parent)
        self._search = search
        self._value: int | None = None
        self._name = ""
        #: contacts never offered (the contact being edited)
        self.excluded: set[int] = set()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit()
        self.edit.setObjectName("contactPickerText")
        self.edit.setPlaceholderText(self.tr("Type a name or a mobile to search…"))
        self.clear_button = QToolButton()
        self.clear_button.setObjectName("contactPickerClear")
        self.clear_button.setText("✕")
        self.clear_button.setToolTip(self.tr("No one"))
        self.clear_button.setAutoRaise(True)
        row.addWidget(self.edit, 1)
        row.addWidget(self.clear_button)
        self.results = QStandardItemModel(self)
        self.completer = QCompleter(self.results, self)
        self.completer.setWidget(self.edit)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setMaxVisibleItems(SHOWN)
        self.completer.popup().setObjectName("contactPickerResults")
        self.completer.activated[QModelIndex].connect(self._choose_index)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.search_now)
        self.edit.textEdited.connect(self._typed)
        self.clear_button.clicked.connect(lambda: self.set_value(None))
        self.set_value(None)

    # -- the value ----------------------------------------------------------------------
    def value(self) -> int | None:
        return self._value

    def set_value(self, contact_id: int | None, name: str = "") -> None:
        self._value = contact_id
        self._name = name if contact_id is not None else ""
        self.edit.setText(self._name)
        self.clear_button.setEnabled(contact_id is not None or bool(self.edit.text()))
        self.completer.popup().hide()
        self.changed.emit()

    def unmatched(self) -> bool:
        """Text typed that is not a chosen contact's name."""
        text = self.edit.text().strip()
        return bool(text) and (self._value is None or text != self._name)

    # -- searching ----------------------------------------------------------------------
    def _typed(self, text: str) -> None:
        if self._value is not None and text != self._name:
            self._value = None  # typing again: the old choice no longer holds
        self.clear_button.setEnabled(bool(text) or self._value is not None)
        self._timer.start()
        self.changed.emit()

    def search_now(self) -> None:
        """The results for the text typed, in the completer's popup."""
        self._timer.stop()
        self.results.clear()
        text = self.edit.text().strip()
        if not text:
            self.completer.popup().hide()
            return
        for contact_id, name, detail in self._search(text):
            if contact_id in self.excluded:
                continue
            label = display.isolate(name) + (
                f"   —   {display.isolate(display.digits(detail))}" if detail else "")
            item = QStandardItem(label)
            item.setData(contact_id, ID_ROLE)
            item.setData(name, NAME_ROLE)
            item.setEditable(False)
            self.results.appendRow(item)
            if self.results.rowCount() >= SHOWN:
                break
        if self.results.rowCount() and self.edit.hasFocus():
            self.completer.complete()
        elif not self.results.rowCount():
            self.completer.popup().hide()

    def choose_row(self, row: int) -> None:
        """Choose the `row`th result (what a click or Enter in the popup does)."""
        self._choose_index(self.results.index(row, 0))

    def _choose_index(self, index: QModelIndex) -> None:
        # the popup's own model may be a proxy: read the row from ours
        item = self.results.item(index.row()) if index.isValid() else None
        if item is None:
            return
        self.set_value(int(item.data(ID_ROLE)), str(item.data(NAME_ROLE)))
