"""A search field that asks for a search shortly after the user stops typing."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from crm_desktop.ui.theme import icons

DEFAULT_DEBOUNCE_MS = 150


class SearchBox(QLineEdit):
    """A line edit with a search icon and a clear button (once there is text).

    `searchRequested(text)` is emitted `debounceInterval()` ms (150 by default) after the last
    change, at once on Enter, on a click on the search icon and when the text becomes empty.
    Esc clears a non-empty box (an empty box lets Esc through, e.g. to close a dialog).
    The text follows the window's direction, so Persian queries read right to left.
    """

    # The text to search for (as typed; normalising it is the search service's job).
    searchRequested = Signal(str)

    def __init__(
        self, parent: QWidget | None = None, *, debounce_ms: int = DEFAULT_DEBOUNCE_MS
    ) -> None:
        super().__init__(parent)
        self.setObjectName("searchBox")
        # The clear button shows only while there is text: it is made with the first text
        # (a button, an action and its fade), not in every list that opens with an empty box.
        self._last_emitted: str | None = None

        self._timer = QTimer(self)
        self._timer.setObjectName("searchBoxDebounceTimer")
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timeout)
        self.setDebounceInterval(debounce_ms)

        # the theme's magnifier, tinted to the muted text colour of the theme in use
        self._search_action = self.addAction(icons.icon("search", "text_muted"),
                                             QLineEdit.ActionPosition.LeadingPosition)
        self._search_action.setObjectName("searchBoxSearchAction")
        self._search_action.triggered.connect(self.searchNow)

        self.textChanged.connect(self._on_text_changed)
        self.returnPressed.connect(self.searchNow)
        self._retranslate()

    # ----------------------------------------------------------------- public API
    def debounceInterval(self) -> int:
        """Milliseconds of quiet typing before searchRequested is emitted."""
        return self._timer.interval()

    def setDebounceInterval(self, ms: int) -> None:
        if ms < 0:
            raise ValueError(f"debounce interval must be >= 0, not {ms}")
        self._timer.setInterval(ms)

    @Slot()
    def searchNow(self) -> None:
        """Emit searchRequested with the current text at once (cancels a pending one)."""
        self._timer.stop()
        self._emit(self.text())

    # ----------------------------------------------------------------- internals
    def _emit(self, text: str) -> None:
        self._last_emitted = text
        self.searchRequested.emit(text)

    @Slot(str)
    def _on_text_changed(self, text: str) -> None:
        if text and not self.isClearButtonEnabled():
            self.setClearButtonEnabled(True)
        if not text:
            self.searchNow()  # cleared: show everything again without waiting
        else:
            self._timer.start()  # (re)start: only the last edit counts

    @Slot()
    def _on_timeout(self) -> None:
        text = self.text()
        if text != self._last_emitted:  # typed and erased back to the same query
            self._emit(text)

    def _retranslate(self) -> None:
        self.setPlaceholderText(self.tr("Search…"))
        self.setAccessibleName(self.tr("Search"))
        self._search_action.setToolTip(self.tr("Search now (Enter)"))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.text():
            event.accept()
            self.clear()  # textChanged("") searches at once
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
