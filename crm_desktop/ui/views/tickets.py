"""Support tickets: the list with its filters and a count per status above it, and the
selected ticket's details and comments beside it."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from crm_desktop.core import Core
from crm_desktop.ui import display, labels
from crm_desktop.ui.dialogs.ticket_dialog import CloseTicketDialog, CommentDialog, TicketDialog
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.qtmodels.tickets_model import tickets_model
from crm_desktop.ui.ui_settings import UiSettings
from crm_desktop.ui.views.record_list import ListFilter, RecordListView
from crm_desktop.ui.views.ticket_panel import TicketPanel


class TicketsView(RecordListView):
    watches = ("tickets", "contacts", "accounts", "users")
    state_key: ClassVar[str] = "tickets"
    table_name: ClassVar[str] = "tickets"
    singular: ClassVar[str] = "ticket"
    column_widths: ClassVar[tuple[int, ...]] = (110, 220, 140, 80, 110, 110, 130, 90)
    empty_icon: ClassVar[str] = "ticket"
    export_kind: ClassVar[str | None] = "tickets"
    chip_columns: ClassVar[dict[str, tuple[str, str]]] = {
        "priority": ("priority", "ticket_priority"), "status": ("status", "ticket_status")}

    def __init__(self, core: Core, ops: Ops, settings: UiSettings,
                 parent: QWidget | None = None):
        overdue = [(True, self.tr("Overdue"))]
        filters = [
            ListFilter("status", "statusFilter", self.tr("All statuses"),
                       lambda: list(labels.ticket_statuses().items()), self.tr("Status")),
            ListFilter("priority", "priorityFilter", self.tr("All priorities"),
                       lambda: list(labels.ticket_priorities().items()), self.tr("Priority")),
            ListFilter("category", "categoryFilter", self.tr("All categories"),
                       lambda: list(labels.ticket_categories().items()), self.tr("Category")),
            ListFilter("assignee_id", "assigneeFilter", self.tr("All assignees"),
                       core.users.options, self.tr("Assignee")),
            ListFilter("overdue", "overdueFilter", self.tr("Overdue or not"),
                       lambda: overdue),
        ]
        panel = TicketPanel(core)
        super().__init__(
            core, ops, settings, service=core.tickets, model=tickets_model(core.tickets),
            panel=panel, filters=filters, new_text=self.tr("New ticket"),
            search_placeholder=self.tr("Search subject, number or description (Ctrl+F)"),
            parent=parent,
        )
        self.model.setParent(self)
        self.status_filter = self.combos["status"]
        self.priority_filter = self.combos["priority"]
        self.category_filter = self.combos["category"]
        self.assignee_filter = self.combos["assignee_id"]
        self.overdue_filter = self.combos["overdue"]

        # how many tickets each status has (all of them, whatever the filters show)
        self.counts_label = QLabel()
        self.counts_label.setObjectName("ticketStatusCounts")
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, self.counts_label)
        # SLA breaches of live tickets, beside the counts
        self.breaches_label = QLabel()
        self.breaches_label.setObjectName("ticketBreaches")
        layout.insertWidget(2, self.breaches_label)
        self.update_counts()

        panel.add_comment.connect(self.add_comment_to)
        panel.close_ticket.connect(self.close_ticket)
        panel.reopen_ticket.connect(self.reopen_ticket)

    # -- what the list says and does ----------------------------------------------------
    def export_name(self) -> str:
        return self.tr("Tickets")

    def count_text(self, n: int) -> str:
        return self.tr("%Ln ticket(s)", "", n)

    def empty_text(self) -> str:
        return self.tr("No tickets yet: record a customer's request as a ticket.")

    def show_details(self, record_id: int | None) -> None:
        self.panel.show_ticket(record_id)

    def details_id(self) -> int | None:
        return self.panel.ticket_id

    def open_editor(self, record_id: int | None) -> int | None:
        return TicketDialog.edit(self, self.core, self.ops, record_id)

    def delete_question(self, record_id: int) -> str:
        ticket = self.core.tickets.get(record_id)
        return self.tr("Move ticket {number} to the Trash? You can restore it from "
                       "Edit > Trash.").replace("{number}", display.ltr(ticket["number"]))

    def new_ticket_for(self, contact_id: int) -> None:
        """A new ticket for a contact (e.g. from the contact's page)."""
        shown = TicketDialog.edit(self, self.core, self.ops, contact_id=contact_id)
        if shown is not None:
            self.show_record(shown)

    # -- counts per status --------------------------------------------------------------
    def counts_text(self) -> str:
        counts = self.core.tickets.counts_by_status()
        names = labels.ticket_statuses()
        parts = [self.tr("{status}: {n}").replace("{status}", labels.label(names, status))
                 .replace("{n}", display.number(n)) for status, n in counts.items()]
        return "   ·   ".join(parts)

    def breaches_text(self) -> str:
        breaches = self.core.tickets.breaches()
        return (self.tr("Past due: {overdue} · Resolved late: {late}")
                .replace("{overdue}", display.number(breaches["overdue"]))
                .replace("{late}", display.number(breaches["late"])))

    def update_counts(self) -> None:
        self.counts_label.setText(self.counts_text())
        self.breaches_label.setText(self.breaches_text())

    def refresh(self) -> None:
        self.update_counts()
        super().refresh()

    # -- ticket actions -----------------------------------------------------------------
    def add_comment_to(self, ticket_id: int) -> None:
        answer = CommentDialog.ask(self)
        if answer is None:
            return
        body, internal = answer
        self.ops.run(self, lambda: self.core.tickets.add_comment(ticket_id, body, internal),
                     changes=[self.table_name])

    def close_ticket(self, ticket_id: int) -> None:
        answer = CloseTicketDialog.ask(self)
        if answer is None:
            return
        score, comment = answer
        self.ops.run(self, lambda: self.core.tickets.close(ticket_id, score, comment or None),
                     changes=[self.table_name])

    def reopen_ticket(self, ticket_id: int) -> None:
        self.ops.run(self, lambda: self.core.tickets.reopen(ticket_id),
                     changes=[self.table_name])
