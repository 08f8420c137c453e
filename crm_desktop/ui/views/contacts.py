"""Contacts: a windowed list with filters and search-as-you-type, and the selected
contact's details, history and quick actions beside it."""

from __future__ import annotations

from typing import Any

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
from crm_desktop.ui import labels
from crm_desktop.ui.dialogs.activity_dialog import ActivityDialog
from crm_desktop.ui.dialogs.contact_dialog import ContactDialog
from crm_desktop.ui.errors import ask_box
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.qtmodels.contacts_model import contacts_model
from crm_desktop.ui.ui_settings import UiSettings
from crm_desktop.ui.views.base import BaseView
from crm_desktop.ui.views.contact_panel import ContactPanel
from crm_desktop.ui.widgets.search_box import SearchBox


class ContactsView(BaseView):
    watches = ("contacts", "accounts", "activities", "deals", "tickets", "users")

    def __init__(self, core: Core, ops: Ops, settings: UiSettings,
                 parent: QWidget | None = None):
        super().__init__(core, ops, settings, parent)
        self.model = contacts_model(core.contacts, self)
        self.model.set_query(ListQuery(sort=Sort("name")))

        self.search_box = SearchBox()
        self.search_box.setObjectName("contactSearch")
        self.search_box.setPlaceholderText(self.tr("Search name, mobile, e-mail or national "
                                                   "code (Ctrl+F)"))
        self.search_box.searchRequested.connect(self.model.set_text)
        self.stage_filter = self._combo("stageFilter", self.tr("All stages"),
                                        list(labels.lifecycle_stages().items()))
        self.city_filter = self._combo("cityFilter", self.tr("All cities"), [])
        self.tag_filter = self._combo("tagFilter", self.tr("All tags"), [])
        self.owner_filter = self._combo("ownerFilter", self.tr("All owners"), [])
        self._fill_filter_lists()
        self.count_label = QLabel()
        self.count_label.setObjectName("contactCount")
        # a fixed width: a changing count must not re-lay out the whole filter bar
        self.count_label.setMinimumWidth(self.count_label.fontMetrics().horizontalAdvance(
            self.tr("%Ln contact(s)", "", 1_000_000)) + 8)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        new_button = QPushButton(self.tr("New contact"))
        new_button.setObjectName("newContact")
        new_button.clicked.connect(self.new_record)

        bar = QHBoxLayout()
        bar.addWidget(self.search_box, 3)
        for combo in (self.stage_filter, self.city_filter, self.tag_filter, self.owner_filter):
            bar.addWidget(combo, 1)
        bar.addWidget(self.count_label)
        bar.addWidget(new_button)

        self.table = QTableView()
        self.table.setObjectName("contactsTable")
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
        for column, width in enumerate((150, 110, 140, 75, 95, 90, 85, 80)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._after_reset)

        self.panel = ContactPanel(core)
        self.panel.action.connect(self._quick_action)
        self.panel.open_company.connect(lambda cid: self.open_record.emit("companies", cid))

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("contactsSplitter")
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
    def _combo(self, name: str, everything: str, items: list[tuple[Any, str]]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(everything, None)
        for value, text in items:
            combo.addItem(text, value)
        combo.currentIndexChanged.connect(self._filters_changed)
        return combo

    def _fill_filter_lists(self) -> None:
        lists = (
            (self.city_filter, [(c, c) for c in self.core.contacts.cities()]),
            (self.tag_filter, [(t, t) for t in self.core.contacts.all_tags()]),
            (self.owner_filter, self.core.users.options()),
        )
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
        self.model.set_filters(  # "All ..." is None: that filter is dropped
            lifecycle_stage=self.stage_filter.currentData(),
            city=self.city_filter.currentData(),
            tag=self.tag_filter.currentData(),
            owner_id=self.owner_filter.currentData(),
        )

    def _after_reset(self) -> None:
        n = self.model.rowCount()
        self.count_label.setText(self.tr("%Ln contact(s)", "", n))
        sort = self.model.sort_column()
        if sort is not None:
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(*sort)
            header.blockSignals(False)
        self.panel.show_contact(self.selected_id())

    # -- selection and actions ----------------------------------------------------------
    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.id_at(rows[0].row()) if rows else None

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.panel.show_contact(self.selected_id())

    def new_record(self) -> None:
        saved, other = ContactDialog.edit(self, self.core, self.ops)
        self._show_after_dialog(saved or other)

    def edit_selected(self) -> None:
        contact_id = self.selected_id()
        if contact_id is None:
            return
        saved, other = ContactDialog.edit(self, self.core, self.ops, contact_id)
        self._show_after_dialog(other or saved)

    def _show_after_dialog(self, contact_id: int | None) -> None:
        if contact_id is not None:
            self.show_record(contact_id)

    def delete_selected(self) -> None:
        contact_id = self.selected_id()
        if contact_id is None:
            return
        name = self.core.contacts.get(contact_id)["full_name"]
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Move to Trash"),
                          self.tr("Move {name} to the Trash? You can restore it from Edit > "
                                  "Trash.").replace("{name}", name),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("confirmDelete")
        if ask_box(box) == QMessageBox.StandardButton.Yes:
            self.ops.run(self, lambda: self.core.contacts.delete(contact_id),
                         changes=["contacts"])

    def _quick_action(self, action: str) -> None:
        contact_id = self.panel.contact_id
        if contact_id is None:
            return
        if action in ("deal", "ticket"):
            self.navigate.emit("pipeline" if action == "deal" else "tickets")
            return
        ActivityDialog.edit(self, self.core, self.ops, kind=action, contact_id=contact_id)

    def show_record(self, record_id: int) -> None:
        """Show one contact: select its row when the list shows it, and its details."""
        row = self._row_of(record_id)
        if row is None and (self.model.query.filters or self.model.query.text):
            self.clear_filters()
            row = self._row_of(record_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        self.panel.show_contact(record_id)

    def _row_of(self, record_id: int) -> int | None:
        """The row of a record among the rows read so far (the first pages)."""
        for row in range(min(self.model.rowCount(), 2000)):
            if self.model.id_at(row) == record_id:
                return row
        return None

    def clear_filters(self) -> None:
        for combo in (self.stage_filter, self.city_filter, self.tag_filter, self.owner_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search_box.blockSignals(True)
        self.search_box.clear()
        self.search_box.blockSignals(False)
        self.model.set_query(ListQuery(sort=self.model.query.sort))

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def refresh(self) -> None:
        selected = self.selected_id() or self.panel.contact_id
        self._fill_filter_lists()
        self.model.refresh()
        if selected is not None:
            row = self._row_of(selected)
            if row is not None:
                self.table.selectRow(row)
            self.panel.show_contact(selected if self._exists(selected) else None)

    def _exists(self, contact_id: int) -> bool:
        try:
            self.core.contacts.get(contact_id)
        except NotFoundError:
            return False
        return True

    # -- state --------------------------------------------------------------------------
    def save_state(self) -> None:
        self.settings.set_state("contacts/splitter", self.splitter.saveState())
        self.settings.set_state("contacts/header", self.table.horizontalHeader().saveState())

    def restore_state(self) -> None:
        splitter = self.settings.state("contacts/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        header = self.settings.state("contacts/header")
        if header is not None:
            self.table.horizontalHeader().restoreState(header)
            sort = self.model.sort_column()
            if sort is not None:
                self.table.horizontalHeader().setSortIndicator(*sort)
