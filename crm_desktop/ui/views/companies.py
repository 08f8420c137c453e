"""Companies: the list with its filters, and the selected company's details, people and
deals beside it."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtWidgets import QWidget

from crm_desktop.core import Core
from crm_desktop.ui import display
from crm_desktop.ui.dialogs.account_dialog import AccountDialog
from crm_desktop.ui.dialogs.deal_dialog import DealDialog
from crm_desktop.ui.dialogs.proforma_dialog import ProformaDialog
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.qtmodels.accounts_model import accounts_model
from crm_desktop.ui.ui_settings import UiSettings
from crm_desktop.ui.views.company_panel import CompanyPanel
from crm_desktop.ui.views.record_list import ListFilter, RecordListView, duplicates_button


class CompaniesView(RecordListView):
    watches = ("accounts", "contacts", "deals", "users")
    state_key: ClassVar[str] = "companies"
    table_name: ClassVar[str] = "accounts"
    singular: ClassVar[str] = "company"
    column_widths: ClassVar[tuple[int, ...]] = (200, 115, 85, 120, 60, 100, 90)
    empty_icon: ClassVar[str] = "building"
    export_kind: ClassVar[str | None] = "companies"
    import_kind: ClassVar[str | None] = "companies"

    def __init__(self, core: Core, ops: Ops, settings: UiSettings,
                 parent: QWidget | None = None):
        filters = [
            ListFilter("city", "cityFilter", self.tr("All cities"),
                       lambda: [(c, c) for c in core.accounts.cities()], self.tr("City")),
            ListFilter("owner_id", "ownerFilter", self.tr("All owners"), core.users.options,
                       self.tr("Owner")),
        ]
        panel = CompanyPanel(core)
        super().__init__(
            core, ops, settings, service=core.accounts, model=accounts_model(core.accounts),
            panel=panel, filters=filters, new_text=self.tr("New company"),
            search_placeholder=self.tr("Search name, phone, national ID, e-mail or city "
                                       "(Ctrl+F)"),
            parent=parent,
        )
        self.model.setParent(self)
        self.city_filter = self.combos["city"]
        self.owner_filter = self.combos["owner_id"]
        panel.open_contact.connect(lambda i: self.open_record.emit("contacts", i))
        panel.open_deal.connect(lambda i: self.open_record.emit("pipeline", i))
        panel.new_deal.connect(self.new_deal_for)
        panel.new_proforma.connect(self.new_proforma_for)
        self.duplicates_button = duplicates_button(self, self.find_duplicates)
        bar = self.layout().itemAt(0).layout()
        bar.insertWidget(bar.indexOf(self.count_label), self.duplicates_button)

    def find_duplicates(self) -> None:
        from crm_desktop.ui.dialogs.duplicates_dialog import DuplicatesDialog

        DuplicatesDialog.show_for(self, self.core, self.ops, "companies")

    def new_deal_for(self, account_id: int) -> None:
        """A new deal for the company (its page refreshes when the save announces it)."""
        DealDialog.edit(self, self.core, self.ops, account_id=account_id)

    def new_proforma_for(self, account_id: int) -> None:
        ProformaDialog.edit(self, self.core, self.ops, account_id=account_id)

    def export_name(self) -> str:
        return self.tr("Companies")

    def count_text(self, n: int) -> str:
        return self.tr("%Ln company(s)", "", n)

    def empty_text(self) -> str:
        return self.tr("No companies yet: add the first one.")

    def show_details(self, record_id: int | None) -> None:
        self.panel.show_account(record_id)

    def details_id(self) -> int | None:
        return self.panel.account_id

    def open_editor(self, record_id: int | None) -> int | None:
        saved = AccountDialog.edit(self, self.core, self.ops, record_id)
        return saved if saved is not None or record_id is None else None

    def delete_question(self, record_id: int) -> str:
        name = self.core.accounts.get(record_id)["name"]
        return self.tr("Move {name} to the Trash? Its people and deals are kept. You can "
                       "restore it from Edit > Trash.").replace("{name}", display.isolate(name))
