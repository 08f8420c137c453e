"""What the list sections share (contacts, companies, and later deals, tickets,
products): a filter bar with search-as-you-type, a windowed table sorted in the database,
a details panel beside it, keyboard actions, the Trash, and remembered widths."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.core import Core
from crm_desktop.domain.errors import NotFoundError
from crm_desktop.services.base import EntityService, ListQuery, Sort
from crm_desktop.ui.errors import ask_box
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.qtmodels.record_model import RecordTableModel
from crm_desktop.ui.theme import icons
from crm_desktop.ui.ui_settings import UiSettings
from crm_desktop.ui.views.base import BaseView
from crm_desktop.ui.widgets.chip_delegate import decorate_table
from crm_desktop.ui.widgets.empty_state import EmptyOverlay, EmptyState
from crm_desktop.ui.widgets.search_box import SearchBox

# how far `show_record` looks for a record's row among the rows read so far
FIND_ROWS = 2000


@dataclass(frozen=True)
class ListFilter:
    """A filter combo: the service filter it sets, its "all" entry and its choices."""

    key: str
    name: str
    everything: str
    choices: Callable[[], list[tuple[Any, str]]]


class FilterCombo(QComboBox):
    """A filter list whose choices are read when the user first opens it (a click, a key,
    the wheel) or code looks one up, not when the list view opens; after a data change
    they are read again on the next use, keeping what is chosen."""

    def __init__(self, f: ListFilter, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(f.name)
        self._choices = f.choices
        self._stale = True
        self.addItem(f.everything, None)

    def mark_stale(self) -> None:
        self._stale = True

    def fill(self) -> None:
        """Read the choices now if they are not up to date (what is chosen stays)."""
        if not self._stale:
            return
        self._stale = False
        current = self.currentData()
        self.blockSignals(True)
        while self.count() > 1:
            self.removeItem(1)
        for value, text in self._choices():
            self.addItem(text, value)
        self.setCurrentIndex(max(0, super().findData(current)))
        self.blockSignals(False)

    def findData(self, data: Any, role: Qt.ItemDataRole = Qt.ItemDataRole.UserRole,
                 flags: Qt.MatchFlag = Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchCaseSensitive,
                 ) -> int:
        self.fill()
        return super().findData(data, role, flags)

    def findText(self, text: str,
                 flags: Qt.MatchFlag = Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchCaseSensitive,
                 ) -> int:
        self.fill()
        return super().findText(text, flags)

    def showPopup(self) -> None:
        self.fill()
        super().showPopup()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.fill()
        super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.fill()
        super().wheelEvent(event)


class RecordListView(BaseView):
    # prefix of the remembered splitter and header state ("contacts" -> contacts/header)
    state_key: ClassVar[str]
    # the table announced as changed by a delete
    table_name: ClassVar[str]
    # one record, for object names: "contact" -> contactSearch, contactCount, newContact
    singular: ClassVar[str]
    column_widths: ClassVar[tuple[int, ...]] = ()
    # status columns drawn as chips: column key -> (row value, kind of status)
    chip_columns: ClassVar[dict[str, tuple[str, str]]] = {}
    empty_icon: ClassVar[str] = "inbox"

    def __init__(
        self, core: Core, ops: Ops, settings: UiSettings, *, service: EntityService[Any],
        model: RecordTableModel, panel: QWidget, filters: list[ListFilter],
        search_placeholder: str, new_text: str, parent: QWidget | None = None,
    ):
        super().__init__(core, ops, settings, parent)
        self.service = service
        self.model = model
        self.panel = panel
        self.filters = filters

        # Every widget is made inside its parent: a widget moved into a parent afterwards
        # (a layout's addWidget) is styled again with all its children, under the
        # application's style sheet the largest part of opening a list.
        self.search_box = SearchBox(self)
        self.search_box.setObjectName(f"{self.singular}Search")
        self.search_box.setPlaceholderText(search_placeholder)
        self.search_box.searchRequested.connect(self.model.set_text)
        self.combos: dict[str, FilterCombo] = {}
        for f in filters:
            combo = FilterCombo(f, self)
            combo.currentIndexChanged.connect(self._filters_changed)
            self.combos[f.key] = combo
        self.count_label = QLabel(self)
        self.count_label.setObjectName(f"{self.singular}Count")
        # a fixed width: a changing count must not re-lay out the whole filter bar
        widest = self.count_label.fontMetrics().horizontalAdvance(self.count_text(1_000_000))
        self.count_label.setMinimumWidth(widest + 8)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        new_button = QPushButton(new_text, self)
        new_button.setObjectName(f"new{self.singular.capitalize()}")
        new_button.clicked.connect(self.new_record)
        icons.dress(new_button, "plus", primary=True)

        bar = QHBoxLayout()
        bar.addWidget(self.search_box, 3)
        for combo in self.combos.values():
            bar.addWidget(combo, 1)
        bar.addWidget(self.count_label)
        bar.addWidget(new_button)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName(f"{self.state_key}Splitter")
        self.table = QTableView(self.splitter)
        self.table.setObjectName(f"{self.state_key}Table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        # the indicator starts on the service's default sort (tickets: the SLA queue)
        default_sort = Sort(next(iter(service.sort_columns)))
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(30)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # never ResizeToContents
        header.setStretchLastSection(True)
        header.setSortIndicator(
            *(self.model.sort_column_for(default_sort) or (0, Qt.SortOrder.AscendingOrder)))
        for column, width in enumerate(self.column_widths):
            self.table.setColumnWidth(column, width)
        # The list is read once the table is laid out (its reset places the columns), and
        # sorting is enabled after: enabling it sorts by the indicator, which the model
        # already shows and ignores (one count on open, not three).
        self.model.set_query(ListQuery(sort=default_sort))
        self.table.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._keep_sort_indicator)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._after_reset)
        decorate_table(self.table, self.chip_columns)
        self._empty = EmptyOverlay(self.table, self.empty_icon, self.empty_text(), new_text,
                                   self.new_record, self.clear_filters, self.is_filtered)

        self.splitter.addWidget(self.table)
        self.splitter.addWidget(panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([820, 360])

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        for keys, slot in ((QKeySequence.StandardKey.Delete, self.delete_selected),
                           (Qt.Key.Key_Return, self.edit_selected),
                           (Qt.Key.Key_Enter, self.edit_selected)):
            shortcut = QShortcut(QKeySequence(keys), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        self._after_reset()

    @property
    def empty(self) -> EmptyState:
        """What the list shows when it has no rows (made the first time it is needed)."""
        return self._empty.state

    # -- what each list says and does -------------------------------------------------
    def count_text(self, n: int) -> str:
        raise NotImplementedError

    def show_details(self, record_id: int | None) -> None:
        raise NotImplementedError

    def empty_text(self) -> str:
        """What the list says when there is nothing in it yet."""
        return self.tr("Nothing here yet.")

    def is_filtered(self) -> bool:
        return bool(self.model.query.filters or self.model.query.text.strip())

    def details_id(self) -> int | None:
        raise NotImplementedError

    def open_editor(self, record_id: int | None) -> int | None:
        """New (None) or edit; returns the record to show afterwards, if any."""
        raise NotImplementedError

    def delete_question(self, record_id: int) -> str:
        raise NotImplementedError

    # -- filters ------------------------------------------------------------------------
    def _fill_filters(self) -> None:
        """The filter lists are read again when next used (what is chosen stays)."""
        for combo in self.combos.values():
            combo.mark_stale()

    def _filters_changed(self) -> None:
        # "All ..." is None: set_filters drops that filter
        self.model.set_filters(**{key: c.currentData() for key, c in self.combos.items()})

    def clear_filters(self) -> None:
        for combo in self.combos.values():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search_box.blockSignals(True)
        self.search_box.clear()
        self.search_box.blockSignals(False)
        self.model.set_query(ListQuery(sort=self.model.query.sort))

    def _after_reset(self) -> None:
        self.count_label.setText(self.count_text(self.model.rowCount()))
        self._show_sort_indicator()
        self.show_details(self.selected_id())

    def _show_sort_indicator(self) -> None:
        sort = self.model.sort_column()
        if sort is not None:
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(*sort)
            header.blockSignals(False)

    def _keep_sort_indicator(self, column: int, _order: Qt.SortOrder) -> None:
        """A click on a column the service cannot sort by changes nothing: the indicator
        goes back to the column the list is sorted by."""
        if 0 <= column < len(self.model.columns) and self.model.columns[column].sort is None:
            self._show_sort_indicator()

    # -- selection and actions ----------------------------------------------------------
    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.id_at(rows[0].row()) if rows else None

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.show_details(self.selected_id())

    def new_record(self) -> None:
        shown = self.open_editor(None)
        if shown is not None:
            self.show_record(shown)

    def edit_selected(self) -> None:
        record_id = self.selected_id()
        if record_id is not None:
            shown = self.open_editor(record_id)
            if shown is not None:
                self.show_record(shown)

    def delete_selected(self) -> None:
        record_id = self.selected_id()
        if record_id is None:
            return
        try:
            question = self.delete_question(record_id)
        except NotFoundError:
            self.refresh()
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Move to Trash"), question,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("confirmDelete")
        icons.dress(box.button(QMessageBox.StandardButton.Yes), "trash", danger=True)
        if ask_box(box) == QMessageBox.StandardButton.Yes:
            self.ops.run(self, lambda: self.service.delete(record_id),
                         changes=[self.table_name])

    def show_record(self, record_id: int) -> None:
        """Show one record: select its row when the list shows it, and its details."""
        row = self._row_of(record_id)
        if row is None and (self.model.query.filters or self.model.query.text):
            self.clear_filters()
            row = self._row_of(record_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        self.show_details(record_id)

    def _row_of(self, record_id: int) -> int | None:
        """The row of a record among the first rows of the list."""
        for row in range(min(self.model.rowCount(), FIND_ROWS)):
            if self.model.id_at(row) == record_id:
                return row
        return None

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def refresh(self) -> None:
        selected = self.selected_id() or self.details_id()
        self._fill_filters()
        self.model.refresh()
        if selected is not None:
            row = self._row_of(selected)
            if row is not None:
                self.table.selectRow(row)
            self.show_details(selected if self._exists(selected) else None)

    def _exists(self, record_id: int) -> bool:
        try:
            self.service.get(record_id)
        except NotFoundError:
            return False
        return True

    # -- state --------------------------------------------------------------------------
    def save_state(self) -> None:
        self.settings.set_state(f"{self.state_key}/splitter", self.splitter.saveState())
        self.settings.set_state(f"{self.state_key}/header",
                                self.table.horizontalHeader().saveState())

    def restore_state(self) -> None:
        splitter = self.settings.state(f"{self.state_key}/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        header = self.settings.state(f"{self.state_key}/header")
        if header is not None:
            self.table.horizontalHeader().restoreState(header)
            self._show_sort_indicator()
