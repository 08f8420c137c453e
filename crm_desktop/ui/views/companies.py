"""Companies: a windowed list with search-as-you-type, and the selected company's details,
people and deals beside it."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtGui import QKeySequence, QShortcut
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
from crm_desktop.services.base import ListQuery, Sort
from crm_desktop.ui.dialogs.account_dialog import AccountDialog
from crm_desktop.ui.errors import ask_box
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.qtmodels.accounts_model import accounts_model
from crm_desktop.ui.ui_settings import UiSettings
from crm_desktop.ui.views.base import BaseView
from crm_desktop.ui.views.company_panel import CompanyPanel
from crm_desktop.ui.widgets.search_box import SearchBox


class CompaniesView(BaseView):
    watches = ("accounts", "contacts", "deals", "users")

    def __init__(self, core: Core, ops: Ops, settings: UiSettings,
                 parent: QWidget | None = None):
        super().__init__(core, ops, settings, parent)
        self.model = accounts_model(core.accounts, self)
        self.model.set_query(ListQuery(sort=Sort("name")))

        self.search_box = SearchBox()
        self.search_box.setObjectName("companySearch")
        self.search_box.setPlaceholderText(self.tr("Search name, phone, national ID, "
                                                   "e-mail or city (Ctrl+F)"))
        self.search_box.searchRequested.connect(self.model.set_text)
        self.city_filter = QComboBox()
        self.city_filter.setObjectName("cityFilter")
        self.city_filter.addItem(self.tr("All cities"), None)
        self.owner_filter = QComboBox()
        self.owner_filter.setObjectName("ownerFilter")
        self.owner_filter.addItem(self.tr("All owners"), None)
        self._fill_filters()
        self.owner_filter.currentIndexChanged.connect(self._filters_changed)
        self.city_filter.currentIndexChanged.connect(self._filters_changed)
        self.count_label = QLabel()
        self.count_label.setObjectName("companyCount")
        # a fixed width: a changing count must not re-lay out the whole filter bar
        self.count_label.setMinimumWidth(self.count_label.fontMetrics().horizontalAdvance(
            self.tr("%Ln company(s)", "", 1_000_000)) + 8)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        new_button = QPushButton(self.tr("New company"))
        new_button.setObjectName("newCompany")
        new_button.clicked.connect(self.new_record)

        bar = QHBoxLayout()
        bar.addWidget(self.search_box, 3)
        bar.addWidget(self.city_filter, 1)
        bar.addWidget(self.owner_filter, 1)
        bar.addWidget(self.count_label)
        bar.addWidget(new_button)

        self.table = QTableView()
        self.table.setObjectName("companiesTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(30)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # never ResizeToContents
        header.setStretchLastSection(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(self._keep_sort_indicator)
        for column, width in enumerate((200, 115, 85, 120, 60, 100, 90)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._after_reset)

        self.panel = CompanyPanel(core)
        self.panel.open_contact.connect(lambda i: self.open_record.emit("contacts", i))
        self.panel.open_deal.connect(lambda i: self.open_record.emit("pipeline", i))

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("companiesSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.panel)
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

    # -- filters ------------------------------------------------------------------------
    def _fill_filters(self) -> None:
        """Fill the owner and city filters, keeping what is chosen."""
        lists = ((self.owner_filter, self.core.users.options()),
                 (self.city_filter, [(c, c) for c in self.core.accounts.cities()]))
        for combo, items in lists:
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for value, text in items:
                combo.addItem(text, value)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def _filters_changed(self) -> None:
        self.model.set_filters(owner_id=self.owner_filter.currentData(),
                               city=self.city_filter.currentData())

    def _after_reset(self) -> None:
        n = self.model.rowCount()
        self.count_label.setText(self.tr("%Ln company(s)", "", n))
        sort = self.model.sort_column()
        if sort is not None:
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(*sort)
            header.blockSignals(False)
        self.panel.show_account(self.selected_id())

    def _keep_sort_indicator(self, column: int, _order: Qt.SortOrder) -> None:
        """A click on a column the service cannot sort by (phone, contacts) changes
        nothing: put the indicator back on the column the list is sorted by."""
        if 0 <= column < len(self.model.columns) and self.model.columns[column].sort is None:
            sort = self.model.sort_column()
            if sort is not None:
                header = self.table.horizontalHeader()
                header.blockSignals(True)
                header.setSortIndicator(*sort)
                header.blockSignals(False)

    # -- selection and actions ----------------------------------------------------------
    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.id_at(rows[0].row()) if rows else None

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.panel.show_account(self.selected_id())

    def new_record(self) -> None:
        account_id = AccountDialog.edit(self, self.core, self.ops)
        if account_id is not None:
            self.show_record(account_id)

    def edit_selected(self) -> None:
        account_id = self.selected_id()
        if account_id is None:
            return
        if AccountDialog.edit(self, self.core, self.ops, account_id) is not None:
            self.show_record(account_id)

    def delete_selected(self) -> None:
        account_id = self.selected_id()
        if account_id is None:
            return
        try:
            name = self.core.accounts.get(account_id)["name"]
        except NotFoundError:
            self.refresh()
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Move to Trash"),
                          self.tr("Move {name} to the Trash? Its people and deals are kept. "
                                  "You can restore it from Edit > Trash.").replace("{name}",
                                                                                 name),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("confirmDelete")
        if ask_box(box) == QMessageBox.StandardButton.Yes:
            self.ops.run(self, lambda: self.core.accounts.delete(account_id),
                         changes=["accounts"])

    def show_record(self, record_id: int) -> None:
        """Show one company: select its row when the list shows it, and its details."""
        row = self._row_of(record_id)
        if row is None and (self.model.query.filters or self.model.query.text):
            self.clear_filters()
            row = self._row_of(record_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        self.panel.show_account(record_id)

    def _row_of(self, record_id: int) -> int | None:
        """The row of a record among the rows read so far (the first pages)."""
        for row in range(min(self.model.rowCount(), 2000)):
            if self.model.id_at(row) == record_id:
                return row
        return None

    def clear_filters(self) -> None:
        self.owner_filter.blockSignals(True)
        self.owner_filter.setCurrentIndex(0)
        self.owner_filter.blockSignals(False)
        self.search_box.blockSignals(True)
        self.search_box.clear()
        self.search_box.blockSignals(False)
        self.model.set_query(ListQuery(sort=self.model.query.sort))

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def refresh(self) -> None:
        selected = self.selected_id() or self.panel.account_id
        self._fill_filters()
        self.model.refresh()
        if selected is not None:
            row = self._row_of(selected)
            if row is not None:
                self.table.selectRow(row)
            self.panel.show_account(selected if self._exists(selected) else None)

    def _exists(self, account_id: int) -> bool:
        try:
            self.core.accounts.get(account_id)
        except NotFoundError:
            return False
        return True

    # -- state --------------------------------------------------------------------------
    def save_state(self) -> None:
        self.settings.set_state("companies/splitter", self.splitter.saveState())
        self.settings.set_state("companies/header", self.table.horizontalHeader().saveState())

    def restore_state(self) -> None:
        splitter = self.settings.state("companies/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        header = self.settings.state("companies/header")
        if header is not None:
            self.table.horizontalHeader().restoreState(header)
            sort = self.model.sort_column()
            if sort is not None:
                self.table.horizontalHeader().setSortIndicator(*sort)
