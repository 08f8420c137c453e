"""The audit viewer (Settings › Audit log): read only when shown, filtered by user, kind of
record, action, Jalali days and words; the chosen row's whole values; the model passes
qtmodeltester; exported like every list. A record's change history on its page: folded and
unread until opened."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QFileDialog

from crm_desktop.domain import clock
from crm_desktop.services import audit
from crm_desktop.services.base import ListQuery
from tests.gui.test_list_open_cost import statements

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def world(core, monkeypatch):
    """A contact changed by a salesperson, a company made by the administrator, a ticket
    deleted: on days either side of a Tehran midnight."""
    clock.set_business_tz("Asia/Tehran")
    sara = core.users.create({"username": "sara", "display_name": "سارا", "role": "sales"})
    from crm_desktop.core import Core

    as_sara = Core(core.db, sara)
    ticks = iter(range(1000))

    def days_of(day: datetime):  # each save a minute after the one before, on `day`
        return lambda: day + timedelta(minutes=next(ticks))

    monkeypatch.setattr(audit, "utcnow", days_of(datetime(2026, 11, 29, 10, 0, tzinfo=UTC)))
    contact = as_sara.contacts.create({"first_name": "مهسا", "last_name": "رحیمی"})
    as_sara.contacts.update(contact, {"city": "مشهد"})
    monkeypatch.setattr(audit, "utcnow", days_of(datetime(2026, 11, 30, 21, 0, tzinfo=UTC)))
    company = core.accounts.create({"name": "شرکت آفتاب"})
    ticket = core.tickets.create({"subject": "خرابی دستگاه"})
    core.tickets.delete(ticket)
    return {"sara": sara, "contact": contact, "company": company, "ticket": ticket}


@pytest.fixture
def page(core, ui_lang, qtbot):
    from crm_desktop.ui.views.audit_page import AuditLogPage

    p = AuditLogPage(core)
    qtbot.addWidget(p)
    return p


def labels(page) -> set[str]:
    column = next(i for i, c in enumerate(page.model.columns) if c.key == "record_label")
    return {page.model.index(r, column).data() for r in range(page.model.rowCount())}


def choose(combo, value) -> None:
    combo.setCurrentIndex(combo.findData(value))


def test_the_log_is_read_when_first_shown(core, world, page, qtbot) -> None:
    assert page.model.rowCount() == 0  # made, not read
    ran = statements(core, page.show)
    assert any("audit_log" in sql for sql, _ in ran)
    assert page.model.rowCount() == core.audit_log.count()
    assert page.count.text()


def test_each_filter_of_the_view(core, world, page, qtmodeltester) -> None:
    page.show()
    choose(page.user, world["sara"])
    assert {page.model.row_data(r)["user_id"] for r in range(page.model.rowCount())} == {
        world["sara"]}
    choose(page.user, None)
    choose(page.entity, "accounts")
    assert {page.model.row_data(r)["entity"] for r in range(page.model.rowCount())} == {
        "accounts"}
    choose(page.entity, None)
    choose(page.action, "delete")
    assert [page.model.row_data(r)["entity_id"] for r in range(page.model.rowCount())] == [
        world["ticket"]]
    choose(page.action, None)
    # 2026-11-30 21:00 UTC is 1405/09/10 in Tehran; 2026-11-29 is 1405/09/08
    from datetime import date

    page.date_from.setDate(date(2026, 12, 1))
    shown = labels(page)
    assert any("شرکت آفتاب" in s for s in shown) and not any("رحیمی" in s for s in shown)
    page.date_from.setDate(None)
    page.date_to.setDate(date(2026, 11, 30))
    shown = labels(page)
    assert any("رحیمی" in s for s in shown) and not any("آفتاب" in s for s in shown)
    page.date_to.setDate(None)
    page.search.setText("مشهد")
    page.search.searchNow()
    assert page.model.rowCount() == 1
    assert page.model.row_data(0)["field"] == "city"
    qtmodeltester.check(page.model)
    page.clear_filter()
    assert page.model.rowCount() == core.audit_log.count()


def test_the_chosen_row_shows_its_whole_values(core, world, page, ui_lang) -> None:
    page.show()
    choose(page.entity, "contacts")
    row = next(r for r in range(page.model.rowCount())
               if page.model.row_data(r)["action"] == "create")
    page.table.selectionModel().select(
        page.model.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)
    text = page.detail.toPlainText()
    assert "مهسا" in text and "رحیمی" in text
    assert ("سارا" in text)
    tip = page.model.index(row, 7).data(Qt.ItemDataRole.ToolTipRole)
    assert "مهسا" in tip


def test_the_log_exports_as_it_is_shown(core, world, page, boxes, monkeypatch,
                                        tmp_path: Path, qtbot) -> None:
    page.show()
    choose(page.entity, "contacts")
    out = tmp_path / "audit.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    assert page.export("xlsx")
    qtbot.waitUntil(out.exists, timeout=10_000)
    qtbot.wait(200)
    ws = openpyxl.load_workbook(out).active
    values = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    assert len(values) == core.audit_log.count(ListQuery(filters={"entity": "contacts"}))
    assert any("مشهد" in str(v) for row in values for v in row)


def test_settings_has_the_audit_page(controller, qapp) -> None:
    view = controller.window.show_section("settings")
    assert "audit" in view.page_keys()
    page = view.show_page("audit")
    qapp.processEvents()
    assert view.current_page() is page and page.isAncestorOf(view.audit)
    assert view.audit.isVisibleTo(view)


def test_a_record_history_is_read_only_when_opened(core, world, ops, settings, ui_lang,
                                                   qtbot) -> None:
    from crm_desktop.ui.views.contacts import ContactsView

    view = ContactsView(core, ops, settings)
    qtbot.addWidget(view)
    ran = statements(core, lambda: view.show_record(world["contact"]))
    assert not any("audit_log" in sql for sql, _ in ran)  # folded: nothing read
    history = view.panel.history
    assert not history.is_open() and history.entries() == []
    ran = statements(core, lambda: history.toggle.setChecked(True))
    assert any("audit_log" in sql for sql, _ in ran)
    entries = history.entries()
    assert len(entries) == 2  # the change of city, then the creation
    assert "مشهد" in entries[0] and "سارا" in entries[0]
    assert "رحیمی" in entries[1]
    # another record while open: read again
    other = core.contacts.create({"first_name": "بی", "last_name": "تاریخچه"})
    view.show_record(other)
    assert len(history.entries()) == 1


def test_the_other_record_pages_have_their_history(core, world, ops, ui_lang,
                                                   qtbot) -> None:
    from crm_desktop.ui.dialogs.deal_page import DealPage
    from crm_desktop.ui.views.company_panel import CompanyPanel
    from crm_desktop.ui.views.proforma_panel import ProformaPanel
    from crm_desktop.ui.views.ticket_panel import TicketPanel

    company = CompanyPanel(core)
    qtbot.addWidget(company)
    company.show_account(world["company"])
    company.history.toggle.setChecked(True)
    assert "آفتاب" in company.history.entries()[0]
    ticket = TicketPanel(core)
    qtbot.addWidget(ticket)
    core.tickets.restore(world["ticket"])
    ticket.show_ticket(world["ticket"])
    ticket.history.toggle.setChecked(True)
    assert len(ticket.history.entries()) == 3  # created, deleted, restored
    deal_id = core.deals.create({"title": "فروش ویژه", "amount_rial": 5_000_000})
    core.deals.update(deal_id, {"amount_rial": 7_000_000})
    page = DealPage(core, ops, deal_id)
    qtbot.addWidget(page)
    page.changes.toggle.setChecked(True)
    assert "7000000" in page.changes.entries()[0].replace("٬", "").translate(
        str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789"))
    proforma_panel = ProformaPanel(core)
    qtbot.addWidget(proforma_panel)
    assert proforma_panel.history.entity == "proformas"
