"""What an empty list shows instead of a blank table: an icon, a sentence and the action
that fills it ("No contacts yet: add one"), or, when a search or filter hides every row,
"Nothing matches" and a button that clears the filter. It lies over the table's viewport
(the column headers stay visible) and follows its size."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSize, Qt, Slot
from PySide6.QtWidgets import QAbstractItemView, QLabel, QPushButton, QVBoxLayout, QWidget

from crm_desktop.ui.theme import icons, tokens


class EmptyState(QWidget):
    def __init__(self, icon: str, text: str, action_text: str,
                 action: Callable[[], object], clear: Callable[[], object] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("emptyState")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAutoFillBackground(True)
        self.empty_text = text
        self.action_text = action_text
        self._icon_name = icon
        self.icon = QLabel()
        self.icon.setObjectName("emptyStateIcon")
        self.icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = QLabel()
        self.text.setObjectName("emptyStateText")
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.action = QPushButton()
        self.action.setObjectName("emptyStateAction")
        self.action.setProperty("primary", True)
        self.action.setIcon(icons.icon("plus", "text_on_accent"))
        self.action.clicked.connect(lambda: action())
        self.clear = QPushButton(self.tr("Clear the filter"))
        self.clear.setObjectName("emptyStateClear")
        self.clear.setIcon(icons.icon("filter-off"))
        self.clear.clicked.connect(lambda: clear() if clear is not None else None)
        layout = QVBoxLayout(self)
        layout.setSpacing(tokens.SPACING["m"])
        layout.addStretch(1)
        layout.addWidget(self.icon)
        layout.addWidget(self.text)
        for button in (self.action, self.clear):
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.filtered = False
        # more ways to fill the list ("Import from Excel…"), shown with the action
        self.extra: list[QPushButton] = []
        self.hide()

    def add_action(self, text: str, icon: str, action: Callable[[], object]) -> QPushButton:
        """A second way to fill the list, below the first."""
        button = QPushButton(text, self)
        button.setIcon(icons.icon(icon))
        button.clicked.connect(lambda: action())
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(self.action) + 1 + len(self.extra), button, 0,
                            Qt.AlignmentFlag.AlignHCenter)
        self.extra.append(button)
        return button

    @classmethod
    def over(cls, view: QAbstractItemView, icon: str, text: str, action_text: str,
             action: Callable[[], object], clear: Callable[[], object] | None = None,
             filtered: Callable[[], bool] = lambda: False) -> EmptyState:
        """An empty state lying over a table or list, resized with it and shown whenever
        its model has no rows (`filtered` says whether a search or filter is active)."""
        state = cls._lay_over(view, icon, text, action_text, action, clear)
        model = view.model()

        def update(*_args: object) -> None:
            state.update_for(model.rowCount(), filtered())

        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved,
                       model.layoutChanged):
            signal.connect(update)
        update()
        return state

    @classmethod
    def _lay_over(cls, view: QAbstractItemView, icon: str, text: str, action_text: str,
                  action: Callable[[], object], clear: Callable[[], object] | None
                  ) -> EmptyState:
        state = cls(icon, text, action_text, action, clear, view.viewport())
        view.viewport().installEventFilter(_FollowSize(state, view.viewport()))
        state.setGeometry(view.viewport().rect())
        return state

    def update_for(self, rows: int, filtered: bool) -> None:
        """Shown when the list has no rows; says "nothing matches" when it is filtered."""
        self.filtered = filtered
        if rows:
            self.hide()
            return
        size = tokens.ICON_SIZES["large"]
        self.icon.setPixmap(icons.icon("search" if filtered else self._icon_name)
                            .pixmap(QSize(size, size), icons.QIcon.Mode.Disabled))
        self.text.setText(self.tr("Nothing matches; clear the filter to see everything.")
                          if filtered else self.empty_text)
        self.action.setText(self.action_text)
        self.action.setVisible(not filtered)
        for button in self.extra:
            button.setVisible(not filtered)
        self.clear.setVisible(filtered)
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()


class _FollowSize(QObject):
    def __init__(self, state: EmptyState, viewport: QWidget):
        super().__init__(state)
        self.state = state
        self.viewport = viewport

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.viewport and event.type() == QEvent.Type.Resize:
            self.state.setGeometry(self.viewport.rect())
        return False


class EmptyOverlay(QObject):
    """Like `EmptyState.over`, but the empty state is made the first time the model has no
    rows (or `state` is asked for): a list that opens with rows does not build it."""

    def __init__(self, view: QAbstractItemView, icon: str, text: str, action_text: str,
                 action: Callable[[], object], clear: Callable[[], object] | None = None,
                 filtered: Callable[[], bool] = lambda: False,
                 extra: tuple[str, str, Callable[[], object]] | None = None):
        super().__init__(view)
        self._view = view
        self._parts = (icon, text, action_text, action, clear)
        self._filtered = filtered
        # (text, icon, action) of a second way to fill the list (EmptyState.add_action)
        self._extra = extra
        self._state: EmptyState | None = None
        model = view.model()
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved,
                       model.layoutChanged):
            signal.connect(self.update)
        self.update()

    @property
    def state(self) -> EmptyState:
        """The empty state (made now if it was never needed), shown or hidden as the
        model's rows say."""
        if self._state is None:
            self._state = EmptyState._lay_over(self._view, *self._parts)
            if self._extra is not None:
                button = self._state.add_action(*self._extra)
                button.setObjectName("emptyStateMore")
            self._state.update_for(self._view.model().rowCount(), self._filtered())
        return self._state

    @Slot()
    @Slot(QModelIndex, int, int)
    def update(self, *_args: object) -> None:
        rows = self._view.model().rowCount()
        if rows and self._state is None:
            return  # nothing to hide: it was never made
        self.state.update_for(rows, self._filtered())
