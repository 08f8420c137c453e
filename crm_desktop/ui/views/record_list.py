"""What the list sections share (contacts, companies, and later deals, tickets,
products): a filter bar with search-as-you-type, a windowed table sorted in the database,
a details panel beside it, keyboard actions, the Trash, and remembered widths."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.core import Core
from crm_desktop.domain.errors import NotFoundError
from crm_desktop.domain.permissions import Perm
from crm_desktop.services.base import EntityService, ListQuery, Sort
from crm_desktop.ui.errors import ask_box
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.qtmodels.record_model import RecordTableModel
from crm_desktop.ui.theme import icons
from crm_desktop.ui.ui_settings import UiSettings
from crm_desktop.ui.views.base import BaseView
from crm_desktop.ui.widgets.chip_delegate import decorate_table
from crm_desktop.ui.widgets.empty_state import EmptyOverlay, EmptyState
from crm_desktop.ui.widgets.export_button import ExportButton
from crm_desktop.ui.widgets.filter_button import FilterButton, ListFilter
from crm_desktop.ui.widgets.filter_chip import FilterChip
from crm_desktop.ui.widgets.search_box import SearchBox
from crm_desktop.ui.widgets.titles_header import TitlesHeader

# how far `show_record` looks for a record's row among the rows read so far
FIND_ROWS = 2000


def duplicates_button(view: QWidget, slot: Callable[[], object]) -> QToolButton:
    """The contacts' and companies' "Find duplicates" button: an icon in the filter bar
    (the bar is full at 1366 pixels), named by its tooltip; also in the Edit menu."""
    button = QToolButton(view)
    button.setObjectName("findDuplicates")
    button.setIcon(icons.icon("copy"))
    button.setToolTip(QCoreApplication.translate("RecordListView",
                                                 "Find duplicates and merge them"))
    button.setAccessibleName(QCoreApplication.translate("RecordListView", "Find duplicates"))
    button.clicked.connect(lambda _checked=False: slot())
    return button


class RecordListView(BaseView):
    # prefix of the remembered splitter and header state ("contacts" -> contacts/header)
    state_key: ClassVar[str]
    # the table announced as changed by a delete
    table_name: ClassVar[str]
    # one record, for object names: "contact" -> contactSearch, contactCount, newContact
    singular: ClassVar[str]
    column_widths: ClassVar[tuple[int, ...]] = ()
    # a column shown elsewhere than in the model's order: its key -> the key of the column
    # it stands after (moved as the table is built)
    moved_columns: ClassVar[dict[str, str]] = {}
    # status columns drawn as chips: column key -> (row value, kind of status)
    chip_columns: ClassVar[dict[str, tuple[str, str]]] = {}
    empty_icon: ClassVar[str] = "inbox"
    #: the list kind the Export button writes (services/exports.py LIST_KINDS); None: none
    export_kind: ClassVar[str | None] = None
    # the kind the Import button opens the import wizard on; None: no Import button
    import_kind: ClassVar[str | None] = None

    def __init__(
        self, core: Core, ops: Ops, settings: UiSettings, *, service: EntityService[Any],
        model: RecordTableModel, panel: QWidget | Callable[[QWidget], QWidget],
        filters: list[ListFilter],
        search_placeholder: str, new_text: str, parent: QWidget | None = None,
    ):
        super().__init__(core, ops, settings, parent)
        self.service = service
        self.model = model
        # the details panel, or what makes it inside the splitter (it is not moved in then)
        self.panel: Any = panel
        self.filters = filters

        # Every widget is made inside its parent: a widget moved into a parent afterwards
        # (a layout's addWidget) is styled again with all its children, under the
        # application's style sheet the largest part of opening a list.
        self.search_box = SearchBox(self)
        self.search_box.setObjectName(f"{self.singular}Search")
        self.search_box.setPlaceholderText(search_placeholder)
        self.search_box.searchRequested.connect(self.model.set_text)
        self.combos: dict[str, FilterButton] = {}
        placeholder = QAction(self) if filters else None  # (the buttons' drop-down arrows)
        for f in filters:
            combo = FilterButton(f, self, placeholder=placeholder)
            combo.currentIndexChanged.connect(self._filters_changed)
            self.combos[f.key] = combo
        # a filter set from elsewhere: made when first needed (see `drill_chip`)
        self._drill_chip: FilterChip | None = None
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
        new_button.setEnabled(self.can(service.edit_perm))

        self.export_button: ExportButton | None = None
        if self.export_kind is not None and self.can(Perm.EXPORT):
            self.export_button = ExportButton(self)
            self.export_button.requested.connect(self.export)

        self.import_button: QToolButton | None = None
        if self.import_kind is not None and not self.can(Perm.IMPORT):
            self.import_kind = None  # the role may not import: neither button nor offer
        if self.import_kind is not None:
            # an icon beside Export (the bar of the contacts list has no room for a word
            # more: its search box would shrink); named in its tooltip, in File › Import
            # and in the empty list
            self.import_button = QToolButton(self)
            self.import_button.setObjectName("importButton")
            self.import_button.setIcon(icons.icon("table-import"))
            self.import_button.setToolTip(self.tr("Import from Excel or CSV…"))
            self.import_button.setAccessibleName(self.tr("Import from Excel or CSV…"))
            self.import_button.clicked.connect(lambda _checked=False: self.import_file())

        bar = self._bar = QHBoxLayout()
        bar.addWidget(self.search_box, 3)
        for combo in self.combos.values():
            bar.addWidget(combo)
        bar.addWidget(self.count_label)
        if self.import_button is not None:
            bar.addWidget(self.import_button)
        if self.export_button is not None:
            bar.addWidget(self.export_button)
        bar.addWidget(new_button)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName(f"{self.state_key}Splitter")
        self.table = QTableView(self.splitter)
        self.table.setObjectName(f"{self.state_key}Table")
        # The column titles' header is hidden while the table is built: with it shown,
        # setting the model and moving a column each measure every title again (a text
        # layout per title under the style sheet) for a height that the style sheet's
        # polish, as the view is first shown, changes anyway. Shown again at the end.
        # titles measured once for the header's height, not after each width change
        header = TitlesHeader(Qt.Orientation.Horizontal, self.table)
        self.table.setHorizontalHeader(header)
        header.hide()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        # the indicator starts on the service's default sort (tickets: the SLA queue)
        default_sort = Sort(next(iter(service.sort_columns)))
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(30)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # never ResizeToContents
        header.setStretchLastSection(True)
        header.setSortIndicator(
            *(self.model.sort_column_for(default_sort) or (0, Qt.SortOrder.AscendingOrder)))
        for column, width in enumerate(self.column_widths):
            self.table.setColumnWidth(column, width)
        keys = [c.key for c in self.model.columns]
        for key, after in self.moved_columns.items():
            header.moveSection(header.visualIndex(keys.index(key)),
                               header.visualIndex(keys.index(after)) + 1)
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
        self._empty = EmptyOverlay(
            self.table, self.empty_icon, self.empty_text(), new_text, self.new_record,
            self.clear_filters, self.is_filtered,
            extra=(self.tr("Import from Excel or CSV…"), "table-import", self.import_file)
            if self.import_kind is not None else None)

        # A widget made inside the splitter is in it already, in the order it was made (and
        # each addWidget measures both sides again): only a panel made outside is added.
        if isinstance(panel, QWidget):
            self.splitter.addWidget(panel)
        else:
            self.panel = panel(self.splitter)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([820, 360])

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        self.may_delete = bool(self.perms & {Perm.DELETE_OWN, Perm.DELETE_ANY})  # to the Trash
        for keys, slot in ((QKeySequence.StandardKey.Delete, self.delete_selected),
                           (Qt.Key.Key_Return, self.edit_selected),
                           (Qt.Key.Key_Enter, self.edit_selected)):
            shortcut = QShortcut(QKeySequence(keys), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        self._after_reset()
        header.show()

    @property
    def drill_chip(self) -> FilterChip:
        """The removable chip naming a filter set from elsewhere (the dashboard's figures),
        made the first time it is needed: a list opens without it (hidden, it was three
        widgets to make, style and lay out). It stands after the filter buttons and Tab
        reaches it after them, as if it had been made with them."""
        if self._drill_chip is None:
            chip = self._drill_chip = FilterChip(self)
            chip.removed.connect(self._drill_removed)
            before = list(self.combos.values())[-1] if self.combos else self.search_box
            self._bar.insertWidget(self._bar.indexOf(before) + 1, chip)
            QWidget.setTabOrder(before, chip)
            QWidget.setTabOrder(chip, chip.remove_button)
        return self._drill_chip

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

    def export_name(self) -> str:
        """The list's name, at the start of an export's file name."""
        return self.tr("List")

    @Slot(str)
    def export(self, fmt: str) -> bool:
        """Write what the list shows (its filters, search, sort and visible columns, in
        their order) to a file of format `fmt` ("xlsx", "csv"); True when written."""
        from crm_desktop.ui.export_runner import export_list, visible_keys

        assert self.export_kind is not None
        keys = visible_keys(self.table, [c.key for c in self.model.columns])
        return export_list(self, self.core, kind=self.export_kind, query=self.model.query,
                           columns=keys, fmt=fmt, name=self.export_name(),
                           total=self.model.rowCount())

    def import_file(self) -> None:
        """The import wizard for this list's kind (its module imported when first used);
        "Open contacts" at its end shows the section."""
        from crm_desktop.ui.dialogs.import_wizard import ImportWizard

        section = ImportWizard.start(self, self.core, self.ops, self.import_kind)  # type: ignore[arg-type]
        if section is not None:
            self.navigate.emit(section)

    # -- filters ------------------------------------------------------------------------
    def _fill_filters(self) -> None:
        """The filter lists are read again when next used (what is chosen stays)."""
        for combo in self.combos.values():
            combo.mark_stale()

    @Slot()
    def _filters_changed(self) -> None:
        # "All ..." is None: set_filters drops that filter
        self.model.set_filters(**{key: c.currentData() for key, c in self.combos.items()})

    def clear_filters(self) -> None:
        self._reset_filter_widgets()
        self.model.set_query(ListQuery(sort=self.model.query.sort))

    def _reset_filter_widgets(self) -> None:
        for combo in self.combos.values():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search_box.blockSignals(True)
        self.search_box.clear()
        self.search_box.blockSignals(False)
        if self._drill_chip is not None:
            self._drill_chip.clear()

    def show_filtered(self, filters: dict[str, Any], label: str) -> None:
        """Only the records `filters` selects (service filters), named by a removable chip
        (`label`): how the dashboard opens the records behind a figure. A filter this list
        has a button for shows on that button too."""
        self._reset_filter_widgets()
        for key, value in filters.items():
            combo = self.combos.get(key)
            index = combo.findData(value) if combo is not None else -1
            if combo is not None and index >= 0:
                combo.blockSignals(True)
                combo.setCurrentIndex(index)
                combo.blockSignals(False)
        self.drill_chip.show_label(label)
        self.model.set_query(ListQuery(filters=dict(filters), sort=self.model.query.sort))

    def _drill_removed(self) -> None:
        """The chip taken away: what the filter buttons and the search show stays."""
        kept = {key: c.currentData() for key, c in self.combos.items()
                if c.currentData() is not None}
        query = self.model.query
        self.model.set_query(ListQuery(filters=kept, text=query.text, sort=query.sort))

    @Slot()
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

    @Slot(int, Qt.SortOrder)
    def _keep_sort_indicator(self, column: int, _order: Qt.SortOrder) -> None:
        """A click on a column the service cannot sort by changes nothing: the indicator
        goes back to the column the list is sorted by."""
        if 0 <= column < len(self.model.columns) and self.model.columns[column].sort is None:
            self._show_sort_indicator()

    # -- selection and actions ----------------------------------------------------------
    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.id_at(rows[0].row()) if rows else None

    @Slot(QItemSelection, QItemSelection)
    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.show_details(self.selected_id())

    @Slot()
    def new_record(self) -> None:
        shown = self.open_editor(None)
        if shown is not None:
            self.show_record(shown)

    @Slot()
    def edit_selected(self) -> None:
        record_id = self.selected_id()
        if record_id is not None:
            shown = self.open_editor(record_id)
            if shown is not None:
                self.show_record(shown)

    @Slot()
    def delete_selected(self) -> None:
        record_id = self.selected_id()
        if record_id is None or not self.may_delete:
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
