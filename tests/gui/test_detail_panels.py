"""The contact, company, ticket and product panels share one DetailPanel base: an empty
state, then a title, actions, a form of values (an empty value shows "—") and their lists."""

from __future__ import annotations

import pytest

from crm_desktop.ui import display
from crm_desktop.ui.views.company_panel import CompanyPanel
from crm_desktop.ui.views.contact_panel import ContactPanel
from crm_desktop.ui.views.detail_panel import NO_VALUE, DetailPanel
from crm_desktop.ui.views.product_panel import ProductPanel
from crm_desktop.ui.views.ticket_panel import TicketPanel


def _records(core) -> dict[str, tuple[type, str, int]]:
    cid = core.contacts.create({"first_name": "آرزو", "last_name": "باقری"})
    aid = core.accounts.create({"name": "پارس"})
    tid = core.tickets.create({"subject": "چاپگر", "contact_id": cid})
    pid = core.products.create({"name": "کاغذ", "unit_price_rial": 1000})
    return {"contact": (ContactPanel, "show_contact", cid),
            "company": (CompanyPanel, "show_account", aid),
            "ticket": (TicketPanel, "show_ticket", tid),
            "product": (ProductPanel, "show_product", pid)}


@pytest.mark.parametrize("kind", ["contact", "company", "ticket", "product"])
def test_every_panel_is_a_detail_panel(core, ui_lang, qtbot, kind: str) -> None:
    cls, show, record_id = _records(core)[kind]
    panel = cls(core)
    qtbot.addWidget(panel)
    assert isinstance(panel, DetailPanel)
    assert panel.currentWidget() is panel.empty and panel.record_id is None
    getattr(panel, show)(record_id)
    assert panel.currentWidget() is panel.scroll and panel.record_id == record_id
    assert panel.title_label.text()
    assert panel.values and all(label.text() for label in panel.values.values())
    assert NO_VALUE in {label.text() for label in panel.values.values()}  # an empty field
    assert {label.alignment() for label in panel.values.values()} == {
        display.value_alignment()}
    getattr(panel, show)(record_id + 1000)  # gone: back to the empty state
    assert panel.currentWidget() is panel.empty and panel.record_id is None
    getattr(panel, show)(None)
    assert panel.currentWidget() is panel.empty
