"""The ticket list's columns over the windowed record model; a ticket still open after its
SLA due time is drawn in a warning colour."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt

from crm_desktop.domain.enums import TicketStatus
from crm_desktop.services.tickets import TicketService
from crm_desktop.ui import display, labels
from crm_desktop.ui.qtmodels.record_model import AnyIndex, Column, RecordTableModel, Row
from crm_desktop.ui.theme.palette import token

#: the colour token of an overdue ticket's row (the theme's danger colour)
OVERDUE_TOKEN = "danger"
#: statuses after which a ticket no longer runs against its SLA
FINISHED = frozenset({TicketStatus.RESOLVED.value, TicketStatus.CLOSED.value})

_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)


def is_overdue(row: Row, now: datetime | None = None) -> bool:
    """Open (not resolved or closed) and past its SLA due time."""
    due = row.get("sla_due_at")
    if due is None or row.get("status") in FINISHED:
        return False
    return due < (now or datetime.now(UTC))


def ticket_columns() -> list[Column]:

    priorities = labels.ticket_priorities()
    statuses = labels.ticket_statuses()
    center = Qt.AlignmentFlag.AlignCenter
    return [
        Column(
            "number",
            QCoreApplication.translate("TicketsModel", "Number"),
            "number",
            text=lambda r: display.ltr(r["number"]),
        ),
        Column("subject", QCoreApplication.translate("TicketsModel", "Subject")),
        Column("contact", QCoreApplication.translate("TicketsModel", "Contact")),
        Column(
            "priority",
            QCoreApplication.translate("TicketsModel", "Priority"),
            "priority",
            text=lambda r: labels.label(priorities, r["priority"]),
            align=center,
        ),
        Column(
            "status",
            QCoreApplication.translate("TicketsModel", "Status"),
            "status",
            text=lambda r: labels.label(statuses, r["status"]),
            align=center,
        ),
        Column("assignee", QCoreApplication.translate("TicketsModel", "Assignee")),
        Column(
            "sla_due_at",
            QCoreApplication.translate("TicketsModel", "SLA due"),
            # open tickets first, then by due time: the list's default order
            "queue",
            text=lambda r: display.jalali(r["sla_due_at"]),
        ),
        Column(
            "created_at",
            QCoreApplication.translate("TicketsModel", "Created"),
            "created",
            text=lambda r: display.jalali_date_only(r["created_at"]),
        ),
    ]


class TicketsModel(RecordTableModel):
    """The ticket rows; adds the warning colour of overdue rows (ForegroundRole)."""

    def __init__(self, service: TicketService, parent: QObject | None = None):
        super().__init__(service, ticket_columns(), parent=parent)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != _FOREGROUND:
            # every other role, served or not, takes the base class's fast path
            return super().data(index, role)
        if not index.isValid():
            return None
        row = self.row_data(index.row())
        return token(OVERDUE_TOKEN) if row is not None and is_overdue(row) else None


def tickets_model(service: TicketService, parent: QObject | None = None) -> TicketsModel:
    return TicketsModel(service, parent)
