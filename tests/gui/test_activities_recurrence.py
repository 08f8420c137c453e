"""Repeating appointments in the desktop shell: the editor's "Repeats" fields, the week
calendar and Today showing every occurrence, the day's agenda PDF, and "Log activity" on
the deal page and the ticket panel (pytest-qt, offscreen, no modal loop ever runs)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from crm_desktop.core import Core
from crm_desktop.domain.clock import today as business_today
from crm_desktop.ui import errors
from crm_desktop.ui.dialogs.appointment_dialog import AppointmentDialog
from crm_desktop.ui.dialogs.deal_page import DealPage
from crm_desktop.ui.dialogs.pdf_preview import PdfPreview
from crm_desktop.ui.views.activities import WEEK, ActivitiesView
from crm_desktop.ui.views.ticket_panel import TicketPanel
from crm_desktop.ui.widgets.week_calendar import local_at, week_start


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return local_at(day, time(hour, minute)).astimezone(UTC)


@pytest.fixture
def messages(monkeypatch) -> list[str]:
    """Message boxes are recorded and answered with OK instead of opening."""
    seen: list[str] = []

    def answer(box: QMessageBox) -> int:
        seen.append(box.text())
        return QMessageBox.StandardButton.Ok
    monkeypatch.setattr(errors, "ask_box", answer)
    return seen



@pytest.fixture
def make_view(core, ops, settings, ui_lang, qtbot, messages):
    def make() -> ActivitiesView:
        view = ActivitiesView(core, ops, settings)
        qtbot.addWidget(view)
        ops.changed.connect(view.on_changed)
        return view
    return make


def block_days(view: ActivitiesView, activity_id: int) -> list[date]:
    return [b.start.date() for b in view.calendar.blocks if b.activity_id == activity_id]


def test_weekly_appointment_from_the_dialog_shows_every_week(core, ops, ui_lang, qtbot,
                                                             make_view, messages) -> None:
    saturday = week_start(business_today())
    dialog = AppointmentDialog(core, ops, start=at(saturday, 10))
    qtbot.addWidget(dialog)
    assert not dialog.bindings["recur_every"].widget.isEnabled()
    dialog.bindings["subject"].set("جلسه هفتگی")
    dialog.bindings["recurrence"].set("weekly")
    assert dialog.bindings["recur_every"].widget.isEnabled()
    dialog.save()
    assert dialog.result_id is not None
    row = core.activities.get(dialog.result_id)
    assert str(row["recurrence"]) == "weekly" and row["recur_every"] == 1

    view = make_view()
    view.set_mode(WEEK)
    view.show_week(saturday)
    assert block_days(view, dialog.result_id) == [saturday]
    view.show_week(saturday + timedelta(days=7))
    assert block_days(view, dialog.result_id) == [saturday + timedelta(days=7)]

    # reopened, the editor shows the rule; dragging an occurrence is refused
    again = AppointmentDialog(core, ops, activity_id=dialog.result_id)
    qtbot.addWidget(again)
    assert again.bindings["recurrence"].get() == "weekly"
    assert view.move_activity(dialog.result_id, at(saturday + timedelta(days=8), 11)) is False
    assert len(messages) == 1
    assert core.activities.get(dialog.result_id)["due_at"] == row["due_at"]


def test_until_before_the_first_day_is_shown_inline(core, ops, ui_lang, qtbot,
                                                     messages) -> None:
    start = at(business_today(), 9)
    dialog = AppointmentDialog(core, ops, start=start)
    qtbot.addWidget(dialog)
    dialog.bindings["subject"].set("Standup")
    dialog.bindings["recurrence"].set("daily")
    dialog.bindings["recur_until"].set(business_today() - timedelta(days=3))
    dialog.save()
    assert dialog.result_id is None
    assert dialog.errors["recur_until"].text()
    assert messages == []


def test_today_shows_an_occurrence_due_today(core, make_view) -> None:
    today = business_today()
    weekly = core.activities.create({
        "kind": "meeting", "subject": "Weekly sync", "duration_minutes": 30,
        "due_at": at(today - timedelta(days=14), 12), "recurrence": "weekly"})
    view = make_view()
    assert weekly in view.due_today.ids()
    assert weekly not in view.overdue.ids()


def test_agenda_button_writes_a_pdf(core, make_view, monkeypatch) -> None:
    core.activities.create({"kind": "call", "subject": "Call back",
                            "due_at": at(business_today(), 12), "recurrence": "daily"})
    shown: list[Path] = []
    monkeypatch.setattr(PdfPreview, "show_file",
                        classmethod(lambda cls, parent, path, title: shown.append(Path(path))))
    view = make_view()
    view.agenda_button.click()
    assert len(shown) == 1
    assert shown[0].read_bytes().startswith(b"%PDF")


def test_deal_page_logs_an_activity_for_the_deal(core: Core, ops, ui_lang, qtbot,
                                                 monkeypatch) -> None:
    contact = core.contacts.create({"first_name": "Ali", "last_name": "Rezaei"})
    deal = core.deals.create({"title": "Paper", "contact_id": contact})
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(AppointmentDialog, "edit",
                        classmethod(lambda cls, *args, **kw: calls.append(kw)))
    page = DealPage(core, ops, deal)
    qtbot.addWidget(page)
    page.log_activity_button.click()
    assert calls == [{"contact_id": contact, "deal_id": deal}]


def test_dialog_links_the_activity_to_deal_and_ticket(core: Core, ops, ui_lang, qtbot,
                                                       monkeypatch) -> None:
    contact = core.contacts.create({"first_name": "Ali", "last_name": "Rezaei"})
    deal = core.deals.create({"title": "Paper", "contact_id": contact})
    ticket = core.tickets.create({"subject": "Printer", "contact_id": contact})
    dialog = AppointmentDialog(core, ops, contact_id=contact, deal_id=deal, ticket_id=ticket)
    qtbot.addWidget(dialog)
    dialog.bindings["subject"].set("Visit")
    dialog.save()
    row = core.activities.get(dialog.result_id)
    assert (row["contact_id"], row["deal_id"], row["ticket_id"]) == (contact, deal, ticket)

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(AppointmentDialog, "edit",
                        classmethod(lambda cls, *args, **kw: calls.append(kw)))
    panel = TicketPanel(core, ops=ops)
    qtbot.addWidget(panel)
    panel.show_ticket(ticket)
    panel.log_activity_button.click()
    assert calls == [{"contact_id": contact, "ticket_id": ticket}]
