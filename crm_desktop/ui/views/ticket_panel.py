"""The selected ticket: its fields, its comments (internal notes marked) and the actions
Add comment, Close… and Reopen."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QStandardItem
from PySide6.QtWidgets import QWidget

from crm_desktop.core import Core
from crm_desktop.domain.enums import TicketStatus
from crm_desktop.domain.errors import NotFoundError
from crm_desktop.ui import display, labels
from crm_desktop.ui.dialogs.appointment_dialog import AppointmentDialog
from crm_desktop.ui.dialogs.ticket_dialog import ticket_channels
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.qtmodels.tickets_model import OVERDUE_TOKEN, is_overdue
from crm_desktop.ui.theme import icons
from crm_desktop.ui.theme.palette import token
from crm_desktop.ui.views.detail_panel import DetailPanel

#: a comment entry: its id, and whether it is an internal note
ID_ROLE = Qt.ItemDataRole.UserRole + 1
INTERNAL_ROLE = Qt.ItemDataRole.UserRole + 2
#: the background of internal notes (a pale yellow, like a sticky note)
#: statuses a ticket can be reopened from
REOPENABLE = frozenset({TicketStatus.RESOLVED.value, TicketStatus.CLOSED.value})


class TicketPanel(DetailPanel):
    """An empty state until a ticket is chosen, then the ticket's page."""

    # actions on the shown ticket (its id); the view asks and writes through Ops
    add_comment = Signal(int)
    close_ticket = Signal(int)
    reopen_ticket = Signal(int)

    def __init__(self, core: Core, parent: QWidget | None = None, *, ops: Ops | None = None):
        super().__init__(core, parent, name="ticketPanel", title_name="ticketTitle",
                         empty_text=self.tr("Choose a ticket in the list to see its details "
                                            "and comments here."))
        self.ops = ops
        self.ticket: dict[str, Any] | None = None
        self.title = self.title_label
        buttons = self.add_actions((
            ("ticketAddComment", self.tr("Add comment"),
             lambda: self._emit_action(self.add_comment)),
            ("ticketClose", self.tr("Close…"), lambda: self._emit_action(self.close_ticket)),
            ("ticketReopen", self.tr("Reopen"), lambda: self._emit_action(self.reopen_ticket)),
            ("ticketLogActivity", self.tr("Log activity"), self.log_activity),
        ))
        self.comment_button = buttons["ticketAddComment"]
        self.close_button = buttons["ticketClose"]
        self.reopen_button = buttons["ticketReopen"]
        self.log_activity_button = buttons["ticketLogActivity"]
        icons.dress(self.comment_button, "message-plus")
        icons.dress(self.close_button, "circle-check")
        icons.dress(self.reopen_button, "refresh")
        icons.dress(self.log_activity_button, "plus")
        self.add_values((
            ("status", self.tr("Status")), ("priority", self.tr("Priority")),
            ("category", self.tr("Category")), ("channel", self.tr("Channel")),
            ("contact", self.tr("Contact")), ("company", self.tr("Company")),
            ("assignee", self.tr("Assignee")), ("sla_due_at", self.tr("SLA due")),
            ("created_at", self.tr("Created")),
            ("first_response_at", self.tr("First response")),
            ("closed_at", self.tr("Closed")), ("satisfaction", self.tr("Satisfaction")),
            ("description", self.tr("Description")), ("resolution", self.tr("Resolution")),
        ), stretch=3)
        self.comments_title, self.comments, self.comments_view = self.add_list(
            "ticketComments", stretch=2, word_wrap=True)
        self.comments_view.setAlternatingRowColors(False)
        self.add_history("tickets")

    @property
    def ticket_id(self) -> int | None:
        return self.record_id

    def _emit_action(self, signal: Any) -> None:
        if self.ticket_id is not None:
            signal.emit(self.ticket_id)

    def _find_ops(self) -> Ops | None:
        """The Ops given, else the one of the view holding this panel."""
        widget: Any = self
        while widget is not None:
            ops = getattr(widget, "ops", None)
            if isinstance(ops, Ops):
                return ops
            widget = widget.parentWidget()
        return None

    def log_activity(self) -> None:
        """Log an activity about the shown ticket (linked to it and to its contact)."""
        ops = self._find_ops()
        if self.ticket is None or self.ticket_id is None or ops is None:
            return
        AppointmentDialog.edit(self, self.core, ops, contact_id=self.ticket["contact_id"],
                               ticket_id=self.ticket_id)

    # -- showing ------------------------------------------------------------------------
    def show_ticket(self, ticket_id: int | None) -> None:
        t = self.ticket = self.load(ticket_id, self.core.tickets.get)
        if t is None or ticket_id is None:
            return
        self.title.setText(f"{display.ltr(t['number'])}  {display.isolate(t['subject'])}")
        self.values["sla_due_at"].setStyleSheet(
            f"color: {token(OVERDUE_TOKEN).name()};" if is_overdue(t) else "")
        self.set_values({
            "status": labels.label(labels.ticket_statuses(), t["status"]),
            "priority": labels.label(labels.ticket_priorities(), t["priority"]),
            "category": labels.label(labels.ticket_categories(), t["category"]),
            "channel": labels.label(ticket_channels(), t["channel"]),
            "contact": self._name(self.core.contacts, t["contact_id"], "full_name"),
            "company": self._name(self.core.accounts, t["account_id"], "name"),
            "assignee": dict(self.core.users.options()).get(t["assignee_id"], ""),
            "sla_due_at": self._sla_text(t),
            "created_at": display.jalali(t["created_at"]),
            "first_response_at": display.jalali(t.get("first_response_at")),
            "closed_at": display.jalali(t.get("closed_at")),
            "satisfaction": self._satisfaction_text(t),
            "description": t["description"] or "",
            "resolution": t["resolution"] or "",
        })
        status = t["status"]
        self.close_button.setEnabled(status != TicketStatus.CLOSED.value)
        self.reopen_button.setEnabled(status in REOPENABLE)
        self._fill_comments(ticket_id)
        self.history.set_record(ticket_id)

    def _sla_text(self, t: dict[str, Any]) -> str:
        due = display.jalali(t["sla_due_at"])
        return display.fill(self.tr("{due} (overdue)"), due=due) if is_overdue(t) else due

    def _satisfaction_text(self, t: dict[str, Any]) -> str:
        score = t.get("satisfaction")
        if score is None:
            return ""
        text = display.fill(self.tr("{score} of 5"), score=display.number(score))
        comment = t.get("satisfaction_comment")
        return f"{text} — {display.isolate(comment)}" if comment else text

    @staticmethod
    def _name(service: Any, record_id: int | None, key: str) -> str:
        if record_id is None:
            return ""
        try:
            return str(service.get(record_id, include_deleted=True)[key] or "")
        except NotFoundError:
            return ""

    def _fill_comments(self, ticket_id: int) -> None:
        rows = self.core.tickets.comments(ticket_id)
        self.comments_title.setText(self.tr("Comments ({n})").replace(
            "{n}", display.number(len(rows))))
        self.comments.clear()
        if not rows:
            self.empty_entry(self.comments, self.tr("No comments yet."))
            return
        for row in rows:
            head = display.join([row["author"] or "", display.jalali(row["created_at"])])
            if row["internal"]:
                head = self.tr("[Internal note]") + " " + head
            item = QStandardItem(f"{head}\n{display.isolate(row['body'])}")
            item.setEditable(False)
            item.setData(row["id"], ID_ROLE)
            item.setData(bool(row["internal"]), INTERNAL_ROLE)
            if row["internal"]:
                item.setBackground(QBrush(token("chip_warning")))
                item.setForeground(QBrush(token("chip_warning_text")))
            self.comments.appendRow(item)
