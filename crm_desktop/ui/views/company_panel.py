"""The selected company: its fields, its people and its deals."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.core import Core
from crm_desktop.domain.errors import NotFoundError
from crm_desktop.services.base import ListQuery, Sort
from crm_desktop.ui import display

# at most this many contacts and deals are listed beside a company
LIST_LIMIT = 200
# the record id of a list entry (empty-state entries have none)
IdRole = Qt.ItemDataRole.UserRole + 1


class CompanyPanel(QStackedWidget):
    """An empty state until a company is chosen, then the company's page."""

    open_contact = Signal(int)
    open_deal = Signal(int)
    # quick actions for the shown company (its id)
    new_deal = Signal(int)
    new_proforma = Signal(int)

    def __init__(self, core: Core, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("companyPanel")
        self.core = core
        self.account_id: int | None = None

        empty = QLabel(self.tr("Choose a company in the list to see its details, people and "
                               "deals here."))
        empty.setObjectName("companyPanelEmpty")
        empty.setWordWrap(True)
        empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.addWidget(empty)

        page = QWidget()
        layout = QVBoxLayout(page)
        self.name = QLabel()
        self.name.setObjectName("companyName")
        self.name.setWordWrap(True)
        title_font = QFont(self.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.4)
        title_font.setBold(True)
        self.name.setFont(title_font)
        layout.addWidget(self.name)

        actions = QHBoxLayout()
        self.new_deal_button = QPushButton(self.tr("New deal"))
        self.new_deal_button.setObjectName("companyNewDeal")
        self.new_deal_button.clicked.connect(lambda: self._emit_action(self.new_deal))
        self.new_proforma_button = QPushButton(self.tr("New proforma"))
        self.new_proforma_button.setObjectName("companyNewProforma")
        self.new_proforma_button.clicked.connect(
            lambda: self._emit_action(self.new_proforma))
        actions.addWidget(self.new_deal_button)
        actions.addWidget(self.new_proforma_button)
        actions.addStretch(1)
        layout.addLayout(actions)

        form_holder = QWidget()
        self.form = QFormLayout(form_holder)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeading)
        self.values: dict[str, QLabel] = {}
        for key, text in (
            ("phone", self.tr("Phone")), ("fax", self.tr("Fax")),
            ("email", self.tr("E-mail")), ("website", self.tr("Website")),
            ("legal_id", self.tr("National ID (legal entity)")),
            ("economic_code", self.tr("Economic code")),
            ("registration_no", self.tr("Registration number")),
            ("industry", self.tr("Industry")), ("city", self.tr("City")),
            ("address", self.tr("Address")), ("postal_code", self.tr("Postal code")),
            ("owner", self.tr("Owner")), ("notes", self.tr("Notes")),
        ):
            value = QLabel()
            value.setObjectName(f"value_{key}")
            value.setWordWrap(True)
            # a phone or "—" alone would align to the left: keep every value at the start
            value.setAlignment(QStyle.visualAlignment(self.layoutDirection(),
                                                      Qt.AlignmentFlag.AlignLeading)
                               | Qt.AlignmentFlag.AlignAbsolute)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            self.form.addRow(text, value)
        for key in ("email", "website"):
            display.address_widget(self.values[key])
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(form_holder)
        layout.addWidget(scroll, 3)

        section_font = QFont(self.font())
        section_font.setBold(True)
        self.contacts_title = QLabel()
        self.contacts_title.setFont(section_font)
        layout.addWidget(self.contacts_title)
        self.contacts = QStandardItemModel(self)
        self.contacts_view = self._list("companyContacts", self.contacts)
        self.contacts_view.activated.connect(
            lambda index: self._emit_open(index, self.open_contact))
        layout.addWidget(self.contacts_view, 1)

        self.deals_title = QLabel()
        self.deals_title.setFont(section_font)
        layout.addWidget(self.deals_title)
        self.deals = QStandardItemModel(self)
        self.deals_view = self._list("companyDeals", self.deals)
        self.deals_view.activated.connect(lambda index: self._emit_open(index, self.open_deal))
        layout.addWidget(self.deals_view, 1)
        self.addWidget(page)

    @staticmethod
    def _list(name: str, model: QStandardItemModel) -> QListView:
        view = QListView()
        view.setObjectName(name)
        view.setModel(model)
        view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        view.setUniformItemSizes(True)
        return view

    @staticmethod
    def _emit_open(index: QModelIndex, signal: Any) -> None:
        record_id = index.data(IdRole)
        if record_id is not None:
            signal.emit(int(record_id))

    def _emit_action(self, signal: Any) -> None:
        if self.account_id is not None:
            signal.emit(self.account_id)

    # -- showing ------------------------------------------------------------------------
    def show_account(self, account_id: int | None) -> None:
        self.account_id = account_id
        if account_id is None:
            self.setCurrentIndex(0)
            return
        try:
            a = self.core.accounts.get(account_id)
        except NotFoundError:
            self.account_id = None
            self.setCurrentIndex(0)
            return
        self.setCurrentIndex(1)
        self.name.setText(a["name"])
        owners = dict(self.core.users.options())
        website = a["website"] or ""
        texts = {
            "phone": display.ltr(a["phone"]), "fax": display.ltr(a["fax"]),
            "email": display.address(a["email"]), "website": display.address(website),
            "legal_id": display.ltr(a["legal_id"]),
            "economic_code": display.ltr(a["economic_code"]),
            "registration_no": display.digits(a["registration_no"]),
            "industry": a["industry"] or "", "city": a["city"] or "",
            "address": a["address"] or "", "postal_code": display.ltr(a["postal_code"]),
            "owner": owners.get(a["owner_id"], ""), "notes": a["notes"] or "",
        }
        for key, label in self.values.items():
            label.setText(texts[key] or "—")
        self._fill_contacts(account_id)
        self._fill_deals(account_id)

    def _fill_contacts(self, account_id: int) -> None:
        page = self.core.contacts.list(ListQuery(filters={"account_id": account_id},
                                                 sort=Sort("name"), limit=LIST_LIMIT))
        self.contacts_title.setText(self._title(self.tr("Contacts"), len(page.rows),
                                                page.next_cursor is not None))
        self.contacts.clear()
        if not page.rows:
            self._empty(self.contacts, self.tr("No contacts yet: choose this company in a "
                                               "contact's form to link them."))
            return
        for row in page.rows:
            text = row["full_name"]
            if row["mobile"]:
                text += "   " + display.ltr(row["mobile"])
            self._append(self.contacts, text, row["id"])

    def _fill_deals(self, account_id: int) -> None:
        page = self.core.deals.list(ListQuery(filters={"account_id": account_id},
                                              sort=Sort("created", descending=True),
                                              limit=LIST_LIMIT))
        self.deals_title.setText(self._title(self.tr("Deals"), len(page.rows),
                                             page.next_cursor is not None))
        self.deals.clear()
        if not page.rows:
            self._empty(self.deals, self.tr("No deals yet."))
            return
        unit = self.core.settings.display_unit
        for row in page.rows:
            text = (f"{row['title']} — {display.money(row['amount_rial'], unit)} — "
                    f"{row['stage']}")
            self._append(self.deals, text, row["id"])

    def _title(self, what: str, n: int, more: bool) -> str:
        count = display.number(n) + ("+" if more else "")
        return self.tr("{what} ({n})").replace("{what}", what).replace("{n}", count)

    @staticmethod
    def _append(model: QStandardItemModel, text: str, record_id: int) -> None:
        item = QStandardItem(text)
        item.setEditable(False)
        item.setData(record_id, IdRole)
        model.appendRow(item)

    @staticmethod
    def _empty(model: QStandardItemModel, text: str) -> None:
        item = QStandardItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        model.appendRow(item)
