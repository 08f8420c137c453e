"""The tickets view, its details panel, the ticket editor and its two small questions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from crm_desktop.core import Core
from crm_desktop.services.base import ListQuery
from crm_desktop.ui import display, labels
from crm_desktop.ui.dialogs.ticket_dialog import CloseTicketDialog, CommentDialog, TicketDialog
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.qtmodels.tickets_model import OVERDUE_TOKEN, tickets_model
from crm_desktop.ui.theme.palette import token
from crm_desktop.ui.ui_settings import UiSettings
from crm_desktop.ui.views.ticket_panel import INTERNAL_ROLE
from crm_desktop.ui.views.tickets import TicketsView

NOW = datetime.now(UTC)
FOREGROUND = Qt.ItemDataRole.ForegroundRole



@pytest.fixture
def view(qtbot: QtBot, core: Core, ops: Ops, settings: UiSettings, ui_lang: str) -> TicketsView:
    widget = TicketsView(core, ops, settings)
    qtbot.addWidget(widget)
    ops.changed.connect(widget.on_changed)  # what the main window does
    return widget


def seed(core: Core) -> dict[str, int]:
    contact = core.contacts.create({"first_name": "مریم", "last_name": "احمدی"})
    return {
        "late": core.tickets.create({"subject": "چاپگر کار نمی‌کند", "contact_id": contact,
                                     "priority": "urgent", "category": "technical",
                                     "sla_due_at": NOW - timedelta(hours=2)}),
        "soon": core.tickets.create({"subject": "پرسش درباره فاکتور", "category": "question",
                                     "status": "open", "sla_due_at": NOW + timedelta(days=1)}),
        # past its SLA but resolved: not overdue
        "done": core.tickets.create({"subject": "تعویض قطعه", "status": "resolved",
                                     "sla_due_at": NOW - timedelta(days=3)}),
    }


def subjects(view: TicketsView) -> set[str]:
    return {view.model.row_data(r)["subject"] for r in range(view.model.rowCount())}


def row_of(view: TicketsView, ticket_id: int) -> int:
    row = view._row_of(ticket_id)
    assert row is not None
    return row


def choose(combo, value) -> None:
    combo.setCurrentIndex(combo.findData(value))


# -- the list -------------------------------------------------------------------------------
def test_list_shows_tickets_with_persian_numbers(core, view) -> None:
    ids = seed(core)
    view.refresh()
    assert view.model.rowCount() == 3
    row = row_of(view, ids["late"])
    number = core.tickets.get(ids["late"])["number"]
    cell = view.model.index(row, 0).data()
    assert display.digits(number) in cell and not any(c.isascii() and c.isdigit() for c in cell)
    assert view.model.index(row, 2).data() == "مریم احمدی"
    assert view.model.index(row, 6).data() and not any(
        c.isascii() and c.isdigit() for c in view.model.index(row, 6).data())
    assert view.count_label.text() == "۳ تیکت"


def test_overdue_rows_are_coloured(core, view) -> None:
    ids = seed(core)
    view.refresh()
    colours = {name: view.model.index(row_of(view, i), 1).data(FOREGROUND)
               for name, i in ids.items()}
    assert colours["late"] == token(OVERDUE_TOKEN)
    assert colours["soon"] is None and colours["done"] is None


def test_filters_and_counts_per_status(core, view) -> None:
    ids = seed(core)
    view.refresh()
    counts = view.counts_label.text()
    names = labels.ticket_statuses()
    for status, n in {"new": "۱", "open": "۱", "resolved": "۱", "closed": "۰"}.items():
        assert f"{names[status]}: {n}" in counts
    assert counts == view.counts_text()
    assert core.tickets.counts_by_status()["new"] == 1

    choose(view.overdue_filter, True)
    assert subjects(view) == {"چاپگر کار نمی‌کند"}
    view.clear_filters()
    choose(view.status_filter, "resolved")
    assert subjects(view) == {"تعویض قطعه"}
    view.clear_filters()
    choose(view.priority_filter, "urgent")
    assert view.model.rowCount() == 1
    view.clear_filters()
    choose(view.category_filter, "question")
    assert subjects(view) == {"پرسش درباره فاکتور"}
    view.clear_filters()
    choose(view.assignee_filter, core.actor_id)
    assert view.model.rowCount() == 0  # nobody was assigned
    core.tickets.update(ids["soon"], {"assignee_id": core.actor_id})
    view.refresh()
    assert subjects(view) == {"پرسش درباره فاکتور"}


def test_counts_follow_changes(core, view, ops) -> None:
    ids = seed(core)
    view.refresh()
    names = labels.ticket_statuses()
    assert f"{names['resolved']}: ۱" in view.counts_label.text()
    ops.run(view, lambda: core.tickets.reopen(ids["done"]), changes=["tickets"])
    counts = view.counts_label.text()
    for status, n in {"new": "۱", "open": "۲", "resolved": "۰", "closed": "۰"}.items():
        assert f"{names[status]}: {n}" in counts


def test_the_model_passes_the_model_tester(core, qtmodeltester, ui_lang) -> None:
    seed(core)
    model = tickets_model(core.tickets)
    qtmodeltester.check(model)


# -- the editor -----------------------------------------------------------------------------
def test_create_a_ticket_through_the_dialog(qtbot, core, ops, view) -> None:
    contact = core.contacts.create({"first_name": "علی", "last_name": "رضایی"})
    dialog = TicketDialog(core, ops, contact_id=contact)
    qtbot.addWidget(dialog)
    assert dialog.objectName() == "ticketDialog"
    assert "status" not in dialog.bindings  # a new ticket starts as New
    assert dialog.bindings["contact_id"].edit.text() == "علی رضایی"
    dialog.bindings["subject"].set("درخواست نصب")
    dialog.bindings["priority"].set("high")
    dialog.bindings["channel"].set("email")
    dialog.bindings["description"].set("نصب نرم‌افزار روی دو دستگاه")
    assert dialog.save_button.isEnabled()
    dialog.save()
    assert dialog.result_id is not None
    saved = core.tickets.get(dialog.result_id)
    assert (saved["subject"], saved["priority"], saved["channel"], saved["contact_id"],
            saved["status"]) == ("درخواست نصب", "high", "email", contact, "new")
    # Ops announced it: the list shows it
    assert "درخواست نصب" in subjects(view)

    edit = TicketDialog(core, ops, dialog.result_id)
    qtbot.addWidget(edit)
    assert "status" in edit.bindings
    edit.bindings["status"].set("waiting")
    edit.save()
    assert core.tickets.get(dialog.result_id)["status"] == "waiting"


def test_a_ticket_needs_a_subject(qtbot, core, ops, ui_lang) -> None:
    dialog = TicketDialog(core, ops)
    qtbot.addWidget(dialog)
    dialog.bindings["subject"].set("x")
    dialog.bindings["subject"].set("")
    assert not dialog.save_button.isEnabled()
    error = dialog.errors["subject"]
    assert not error.isHidden() and error.text()
    dialog.save()
    assert dialog.result_id is None
    assert core.tickets.count() == 0


def test_close_and_comment_dialogs(qtbot, ui_lang) -> None:
    close = CloseTicketDialog()
    qtbot.addWidget(close)
    assert close.score() is None
    close.set_score(4)
    close.comment.setPlainText("راضی بود")
    assert (close.score(), close.comment_text()) == (4, "راضی بود")
    comment = CommentDialog()
    qtbot.addWidget(comment)
    assert not comment.ok_button.isEnabled()
    comment.body.setPlainText("تماس گرفتم")
    assert comment.ok_button.isEnabled() and comment.internal.isChecked()


# -- the panel's actions --------------------------------------------------------------------
def test_close_with_a_score_and_reopen(core, view, monkeypatch) -> None:
    ids = seed(core)
    view.refresh()
    view.show_record(ids["late"])
    panel = view.panel
    assert panel.ticket_id == ids["late"]
    assert panel.close_button.isEnabled() and not panel.reopen_button.isEnabled()
    monkeypatch.setattr(CloseTicketDialog, "ask", classmethod(lambda cls, parent: (4, "خوب")))
    panel.close_button.click()
    t = core.tickets.get(ids["late"])
    assert (t["status"], t["satisfaction"], t["satisfaction_comment"]) == ("closed", 4, "خوب")
    assert display.plain(panel.values["satisfaction"].text()) == "۴ از ۵ — خوب"
    assert not panel.close_button.isEnabled() and panel.reopen_button.isEnabled()
    # the overdue colour goes with the closing
    assert view.model.index(row_of(view, ids["late"]), 0).data(FOREGROUND) is None

    panel.reopen_button.click()
    t = core.tickets.get(ids["late"])
    assert t["status"] == "open" and t["satisfaction"] is None
    assert panel.close_button.isEnabled() and not panel.reopen_button.isEnabled()


def test_cancelled_close_changes_nothing(core, view, monkeypatch) -> None:
    ids = seed(core)
    view.refresh()
    view.show_record(ids["soon"])
    monkeypatch.setattr(CloseTicketDialog, "ask", classmethod(lambda cls, parent: None))
    view.panel.close_button.click()
    assert core.tickets.get(ids["soon"])["status"] == "open"


def test_add_comments(core, view, monkeypatch) -> None:
    ids = seed(core)
    view.refresh()
    view.show_record(ids["soon"])
    panel = view.panel
    assert panel.comments.rowCount() == 1  # the empty state
    assert panel.comments.item(0).flags() == Qt.ItemFlag.NoItemFlags
    answers = iter([("با مشتری تماس گرفتم", True), ("فاکتور اصلاح شد", False)])
    monkeypatch.setattr(CommentDialog, "ask", classmethod(lambda cls, parent: next(answers)))
    panel.comment_button.click()
    panel.comment_button.click()
    stored = core.tickets.comments(ids["soon"])
    assert [(c["body"], c["internal"]) for c in stored] == [
        ("با مشتری تماس گرفتم", True), ("فاکتور اصلاح شد", False)]
    assert panel.comments.rowCount() == 2
    first, second = panel.comments.item(0), panel.comments.item(1)
    assert first.data(INTERNAL_ROLE) is True and second.data(INTERNAL_ROLE) is False
    assert "با مشتری تماس گرفتم" in first.text() and first.text() != second.text()
    assert first.text().split("\n")[0] != second.text().split("\n")[0]  # the note is marked
    assert panel.comments_title.text() == "یادداشت‌ها (۲)"


def test_new_record_opens_the_dialog(core, view, monkeypatch) -> None:
    created = core.tickets.create({"subject": "نمونه", "priority": "normal"})
    calls = []

    def fake_edit(cls, parent, core_, ops_, ticket_id=None, contact_id=None):
        calls.append(ticket_id)
        return created

    monkeypatch.setattr(TicketDialog, "edit", classmethod(fake_edit))
    view.new_record()
    assert calls == [None]
    assert view.panel.ticket_id == created


def test_the_list_opens_with_open_tickets_first_by_sla_due_time(core, view) -> None:
    ids = seed(core)
    ids["later"] = core.tickets.create({"subject": "بعدی", "status": "waiting",
                                        "sla_due_at": NOW + timedelta(days=3)})
    ids["no_sla"] = core.tickets.create({"subject": "بی‌مهلت", "status": "open"})
    core.tickets.update(ids["no_sla"], {"sla_due_at": None})
    ids["closed_early"] = core.tickets.create({"subject": "بسته", "status": "closed",
                                              "sla_due_at": NOW - timedelta(days=9)})
    view.refresh()
    order = [view.model.row_data(r)["id"] for r in range(view.model.rowCount())]
    assert order == [ids["late"], ids["soon"], ids["later"], ids["no_sla"],
                     ids["closed_early"], ids["done"]]
    # the sort indicator says so: the SLA due column, ascending
    header = view.table.horizontalHeader()
    assert view.model.columns[header.sortIndicatorSection()].key == "sla_due_at"
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    # the service's own default is the same queue, page after page
    first = core.tickets.list(ListQuery(limit=4))
    rest = core.tickets.list(ListQuery(limit=4, after=first.next_cursor))
    assert [r["id"] for r in first.rows + rest.rows] == order
