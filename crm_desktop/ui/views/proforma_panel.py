"""The selected proforma beside the list: its buyer, deal, dates, status and total."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from crm_desktop.core import Core
from crm_desktop.domain.errors import NotFoundError
from crm_desktop.ui import display, labels
from crm_desktop.ui.views.detail_panel import DetailPanel


class ProformaPanel(DetailPanel):
    """An empty state until a proforma is chosen, then its summary."""

    def __init__(self, core: Core, parent: QWidget | None = None):
        super().__init__(core, parent, name="proformaPanel", title_name="proformaNumber",
                         empty_text=self.tr("Choose a proforma in the list to see it here; "
                                            "double-click to open it."))
        self.add_values((
            ("buyer", self.tr("Buyer")), ("deal", self.tr("Deal")),
            ("issue_date", self.tr("Issue date")), ("valid_until", self.tr("Valid until")),
            ("status", self.tr("Status")), ("total", self.tr("Total")),
        ))
        self.add_history("proformas")

    @property
    def proforma_id(self) -> int | None:
        return self.record_id

    def show_proforma(self, proforma_id: int | None) -> None:
        p = self.load(proforma_id, self.core.proformas.get)
        if p is None:
            return
        self.history.set_record(p["id"])
        self.title_label.setText(display.ltr(p["number"]))
        deal = ""
        if p.get("deal_id"):
            try:
                deal = self.core.deals.get(p["deal_id"], include_deleted=True)["title"]
            except NotFoundError:
                deal = ""
        total = self.core.proformas.totals(p["id"]).total_rial
        self.set_values({
            "buyer": p.get("buyer") or "",
            "deal": deal,
            "issue_date": display.jalali(p["issue_date"]),
            "valid_until": display.jalali(p["valid_until"]),
            "status": labels.label(labels.proforma_statuses(), p["effective_status"]),
            "total": display.money(total, self.core.settings.display_unit),
        })
