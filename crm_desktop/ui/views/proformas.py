"""Proformas: every proforma in a windowed list (number, buyer, deal, dates, the status
shown, the total) with a status filter and a search by number or buyer; double-click opens
the proforma. A tab of the Products section (products_section.py)."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtWidgets import QWidget

from crm_desktop.core import Core
from crm_desktop.services.base import ListQuery, Sort
from crm_desktop.ui import labels
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.qtmodels.proformas_model import ProformasModel
from crm_desktop.ui.ui_settings import UiSettings
from crm_desktop.ui.views.proforma_panel import ProformaPanel
from crm_desktop.ui.views.record_list import ListFilter, RecordListView


class ProformasView(RecordListView):
    # "settings": the display unit of the totals
    watches = ("proformas", "contacts", "accounts", "deals", "settings")
    state_key: ClassVar[str] = "proformas"
    table_name: ClassVar[str] = "proformas"
    singular: ClassVar[str] = "proforma"
    column_widths: ClassVar[tuple[int, ...]] = (85, 140, 140, 80, 80, 95, 120)
    empty_icon: ClassVar[str] = "file-invoice"
    export_kind: ClassVar[str | None] = "proformas"
    chip_columns: ClassVar[dict[str, tuple[str, str]]] = {
        "effective_status": ("effective_status", "proforma_status")}

    def __init__(self, core: Core, ops: Ops, settings: UiSettings,
                 parent: QWidget | None = None):
        filters = [
            ListFilter("effective_status", "proformaStatusFilter", self.tr("All statuses"),
                       lambda: list(labels.proforma_statuses().items()), self.tr("Status")),
        ]
        panel = ProformaPanel(core)
        super().__init__(
            core, ops, settings, service=core.proformas,
            model=ProformasModel(core.proformas, core.settings.display_unit),
            panel=panel, filters=filters, new_text=self.tr("New proforma"),
            search_placeholder=self.tr("Search a number (1405-0001) or a buyer (Ctrl+F)"),
            parent=parent,
        )
        self.model.setParent(self)
        self.status_filter = self.combos["effective_status"]
        # the latest first
        self.model.set_query(ListQuery(sort=Sort("number", descending=True)))

    def count_text(self, n: int) -> str:
        return self.tr("%Ln proforma(s)", "", n)

    def export_name(self) -> str:
        return self.tr("Proformas")

    def empty_text(self) -> str:
        return self.tr("No proformas yet: make one from a contact or a deal, or here.")

    def show_details(self, record_id: int | None) -> None:
        self.panel.show_proforma(record_id)

    def details_id(self) -> int | None:
        return self.panel.proforma_id

    def open_editor(self, record_id: int | None) -> int | None:
        from crm_desktop.ui.dialogs.proforma_dialog import ProformaDialog

        return ProformaDialog.edit(self, self.core, self.ops, record_id)

    def refresh(self) -> None:
        self.model.set_unit(self.core.settings.display_unit)
        super().refresh()

    def delete_selected(self) -> None:
        """Proformas are not deleted (their numbers are a sequence): Delete does nothing."""

    def delete_question(self, record_id: int) -> str:  # pragma: no cover - never asked
        return ""
