"""The selected company: its fields, its people and its deals."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QWidget

from crm_desktop.core import Core
from crm_desktop.services.base import ListQuery, Sort
from crm_desktop.ui import display
from crm_desktop.ui.theme import icons
from crm_desktop.ui.views.detail_panel import DetailPanel

# at most this many contacts and deals are listed beside a company
LIST_LIMIT = 200
# the record id of a list entry (empty-state entries have none)
IdRole = Qt.ItemDataRole.UserRole + 1


class CompanyPanel(DetailPanel):
    """An empty state until a company is chosen, then the company's page."""

    open_contact = Signal(int)
    open_deal = Signal(int)
    # quick actions for the shown company (its id)
    new_deal = Signal(int)
    new_proforma = Signal(int)

    def __init__(self, core: Core, parent: QWidget | None = None):
        super().__init__(core, parent, name="companyPanel", title_name="companyName",
                         empty_text=self.tr("Choose a company in the list to see its "
                                            "details, people and deals here."))
        self.name = self.title_label
        buttons = self.add_actions((
            ("companyNewDeal", self.tr("New deal"), lambda: self._emit_action(self.new_deal)),
            ("companyNewProforma", self.tr("New proforma"),
             lambda: self._emit_action(self.new_proforma)),
        ))
        self.new_deal_button = buttons["companyNewDeal"]
        self.new_proforma_button = buttons["companyNewProforma"]
        icons.dress(self.new_deal_button, "plus")
        icons.dress(self.new_proforma_button, "plus")
        self.add_values((
            ("phone", self.tr("Phone")), ("fax", self.tr("Fax")),
            ("email", self.tr("E-mail")), ("website", self.tr("Website")),
            ("legal_id", self.tr("National ID (legal entity)")),
            ("economic_code", self.tr("Economic code")),
            ("registration_no", self.tr("Registration number")),
            ("industry", self.tr("Industry")), ("city", self.tr("City")),
            ("address", self.tr("Address")), ("postal_code", self.tr("Postal code")),
            ("owner", self.tr("Owner")), ("notes", self.tr("Notes")),
        ), stretch=3)
        for key in ("email", "website"):
            display.address_widget(self.values[key])
        self.contacts_title, self.contacts, self.contacts_view = self.add_list(
            "companyContacts")
        self.contacts_view.activated.connect(
            lambda index: self._emit_open(index, self.open_contact))
        self.deals_title, self.deals, self.deals_view = self.add_list("companyDeals")
        self.deals_view.activated.connect(lambda index: self._emit_open(index, self.open_deal))
        self.add_history("accounts")

    @property
    def account_id(self) -> int | None:
        return self.record_id

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
        a = self.load(account_id, self.core.accounts.get)
        if a is None or account_id is None:
            return
        self.name.setText(a["name"])
        owners = dict(self.core.users.options())
        self.set_values({
            "phone": display.ltr(a["phone"]), "fax": display.ltr(a["fax"]),
            "email": display.address(a["email"]), "website": display.address(a["website"]),
            "legal_id": display.ltr(a["legal_id"]),
            "economic_code": display.ltr(a["economic_code"]),
            "registration_no": display.digits(a["registration_no"]),
            "industry": a["industry"] or "", "city": a["city"] or "",
            "address": a["address"] or "", "postal_code": display.ltr(a["postal_code"]),
            "owner": owners.get(a["owner_id"], ""), "notes": a["notes"] or "",
        })
        self._fill_contacts(account_id)
        self._fill_deals(account_id)
        self.history.set_record(account_id)

    def _fill_contacts(self, account_id: int) -> None:
        page = self.core.contacts.list(ListQuery(filters={"account_id": account_id},
                                                 sort=Sort("name"), limit=LIST_LIMIT))
        self.contacts_title.setText(self._title(self.tr("Contacts"), len(page.rows),
                                                page.next_cursor is not None))
        self.contacts.clear()
        if not page.rows:
            self.empty_entry(self.contacts, self.tr("No contacts yet: choose this company in a "
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
            self.empty_entry(self.deals, self.tr("No deals yet."))
            return
        unit = self.core.settings.display_unit
        for row in page.rows:
            text = display.join([row["title"], display.money(row["amount_rial"], unit),
                                 row["stage"]])
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
