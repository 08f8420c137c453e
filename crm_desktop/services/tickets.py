"""Support tickets, numbered per Jalali year (T-1405-0001), with comments and satisfaction.

SLA: on create (and whenever the priority changes) `sla_due_at` is set to the resolution
due time: created_at plus the priority's resolution target in working hours (settings
"sla": Tehran working week and holidays). A caller that passes `sla_due_at` itself keeps
that value. `response_due()` gives the first-response due time for display.

Status workflow (update): new -> open|waiting|resolved|closed, open -> waiting|resolved|
closed, waiting -> open|resolved|closed, resolved -> closed|open; a closed ticket opens
again only through `reopen()`. A new ticket may start in any status.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any, ClassVar

from sqlalchemy import Select, String, case, func, literal, select, type_coerce
from sqlalchemy.orm import Session, aliased

from crm_desktop.db import models as m
from crm_desktop.db.sql import doc_number
from crm_desktop.db.types import UTCDateTime, utcnow
from crm_desktop.domain import clock
from crm_desktop.domain.enums import TicketCategory, TicketChannel, TicketPriority, TicketStatus
from crm_desktop.domain.errors import FieldError, NotFoundError, ValidationError
from crm_desktop.domain.numbers import parse_ticket_number, ticket_number
from crm_desktop.domain.permissions import Perm
from crm_desktop.services import fields as f
from crm_desktop.services.access import require_in
from crm_desktop.services.base import EntityService
from crm_desktop.services.settings import sla_from_json
from crm_desktop.services.sla import SlaTargets, WorkWeek, add_working_time
from crm_desktop.text.jalali import jalali_year
from crm_desktop.text.normalize import search_key, search_name_key

Assignee = aliased(m.User)
#: statuses after which a ticket no longer runs against its SLA
FINISHED = (TicketStatus.RESOLVED.value, TicketStatus.CLOSED.value)
PRIORITY_RANK = {p.value: i for i, p in enumerate(TicketPriority)}
STATUS_RANK = {s.value: i for i, s in enumerate(TicketStatus)}
#: sorts tickets without an SLA after every real due time
NO_DUE = literal(datetime(9999, 12, 31, tzinfo=UTC), UTCDateTime())
_S = TicketStatus
#: the work queue's order as one sortable text: "0" for a ticket still running against its
#: SLA, "1" for a finished one, then the SLA due time (ISO text; none sorts last)
QUEUE = (case((m.Ticket.status.in_(FINISHED), "1"), else_="0")
         + type_coerce(func.coalesce(m.Ticket.sla_due_at, NO_DUE), String()))
#: status changes an update may make (closed -> open only through reopen())
TRANSITIONS: dict[str, frozenset[str]] = {
    _S.NEW.value: frozenset({_S.OPEN, _S.WAITING, _S.RESOLVED, _S.CLOSED}),
    _S.OPEN.value: frozenset({_S.WAITING, _S.RESOLVED, _S.CLOSED}),
    _S.WAITING.value: frozenset({_S.OPEN, _S.RESOLVED, _S.CLOSED}),
    _S.RESOLVED.value: frozenset({_S.CLOSED, _S.OPEN}),
    _S.CLOSED.value: frozenset(),
}


def ticket_search_text(t: Any) -> tuple[str, str]:
    """(name part, other part) of the search index for a ticket."""
    number = ticket_number(t.year, t.seq)
    other = f"{number} {number[2:]} {(t.description or '')[:500]}"
    return search_name_key(t.subject), search_key(other)


def number_sql(t: Any) -> Any:
    """SQL for the formatted number T-1405-0001 (same as domain.numbers.ticket_number)."""
    return doc_number("T-", t.year, t.seq)


class TicketService(EntityService[m.Ticket]):
    model = m.Ticket
    edit_perm = Perm.EDIT_WORK
    soft_delete = True
    searchable = True
    fields: ClassVar = {
        "subject": f.Field(f.text(200), required=True),
        "description": f.Field(f.multiline()),
        "contact_id": f.Field(f.reference),
        "account_id": f.Field(f.reference),
        "category": f.Field(f.choice(TicketCategory), empty=TicketCategory.REQUEST.value),
        "priority": f.Field(f.choice(TicketPriority), empty=TicketPriority.NORMAL.value),
        "status": f.Field(f.choice(TicketStatus), empty=TicketStatus.NEW.value),
        "channel": f.Field(f.choice(TicketChannel), empty=TicketChannel.PHONE.value),
        "sla_due_at": f.Field(f.instant),
        "assignee_id": f.Field(f.reference),
        "resolution": f.Field(f.multiline()),
        "owner_id": f.Field(f.reference),
    }
    references: ClassVar = {
        "contact_id": m.Contact,
        "account_id": m.Account,
        "assignee_id": m.User,
        "owner_id": m.User,
    }
    sort_columns: ClassVar = {
        # the default: the work queue, open tickets first, the one due soonest on top
        "queue": QUEUE,
        "number": m.Ticket.year * 1_000_000 + m.Ticket.seq,
        "created": m.Ticket.created_at,
        "priority": case(PRIORITY_RANK, value=m.Ticket.priority, else_=-1),
        "status": case(STATUS_RANK, value=m.Ticket.status, else_=-1),
        "sla_due": func.coalesce(m.Ticket.sla_due_at, NO_DUE),
    }
    filter_columns: ClassVar = {
        "status": m.Ticket.status,
        "priority": m.Ticket.priority,
        "category": m.Ticket.category,
        "assignee_id": m.Ticket.assignee_id,
        "contact_id": m.Ticket.contact_id,
        "account_id": m.Ticket.account_id,
        "owner_id": m.Ticket.owner_id,
    }
    range_filters: ClassVar = {
        "created_since": (m.Ticket.created_at, ">="), "created_before": (m.Ticket.created_at, "<"),
        "closed_since": (m.Ticket.closed_at, ">="), "closed_before": (m.Ticket.closed_at, "<"),
        # the first response (first_response_at)
        "responded_since": (m.Ticket.first_response_at, ">="),
        "responded_before": (m.Ticket.first_response_at, "<"),
    }

    @staticmethod
    def number(ticket: Any) -> str:
        """The readable number of a ticket (an ORM object or a dict with year and seq)."""
        if isinstance(ticket, Mapping):
            return ticket_number(ticket["year"], ticket["seq"])
        return ticket_number(ticket.year, ticket.seq)

    # -- hooks ---------------------------------------------------------------------------
    def _check(self, session: Session, values: dict, current: Any | None) -> None:
        if current is None:
            # Inside the write transaction (BEGIN IMMEDIATE): no one else can take this
            # number before we commit; the unique index on (year, seq) backs it.
            year = jalali_year(clock.today())
            last = session.scalar(
                select(func.coalesce(func.max(m.Ticket.seq), 0)).where(m.Ticket.year == year)
            )
            values["year"], values["seq"] = year, int(last) + 1
            if values.get("sla_due_at") is None:
                values["created_at"] = now = utcnow()
                values["sla_due_at"] = self._resolution_due(
                    session, now, values.get("priority") or TicketPriority.NORMAL.value)
            return
        status = values.get("status")
        if status is not None and status != current.status \
                and status not in TRANSITIONS.get(current.status, ()):
            raise ValidationError(FieldError("status", "invalid"))
        priority = values.get("priority")
        if priority is not None and priority != current.priority and "sla_due_at" not in values:
            values["sla_due_at"] = self._resolution_due(session, current.created_at, priority)

    # -- SLA -----------------------------------------------------------------------------
    @staticmethod
    def _sla(session: Session) -> tuple[WorkWeek, set[date], SlaTargets]:
        raw = session.scalar(select(m.Setting.value).where(m.Setting.key == "sla"))
        return sla_from_json(json.loads(raw) if raw else None)

    def _resolution_due(self, session: Session, start: datetime, priority: str) -> datetime:
        week, holidays, targets = self._sla(session)
        return add_working_time(start, targets.resolution_for(priority), week, holidays)

    def response_due(self, ticket: Any) -> datetime:
        """When the first response is due (aware UTC): created_at plus the priority's response
        target in working hours. `ticket` is an id, a dict from get()/list() or an object."""
        with self.db.read() as session:
            if isinstance(ticket, int):
                ticket = self._load(session, ticket)
            if isinstance(ticket, Mapping):
                created, priority = ticket["created_at"], ticket["priority"]
            else:
                created, priority = ticket.created_at, ticket.priority
            week, holidays, targets = self._sla(session)
        return add_working_time(created, targets.response_for(priority), week, holidays)

    def breaches(self, since: datetime | None = None) -> dict[str, int]:
        """SLA breaches among live tickets: {"late", "overdue", "total"}.

        `late`: finished (resolved or closed) after sla_due_at. The finish time is the last
        change into resolved/closed in the audit log, else closed_at, else updated_at
        (imported rows carry no audit). `overdue`: not finished and already past due.
        With `since`, only breaches that happened since then count (sla_due_at >= since).
        """
        t, a = m.Ticket, m.AuditLog
        finished_at = (
            select(func.max(a.at))
            .where(a.entity == t.__tablename__, a.entity_id == t.id, a.field == "status",
                   a.new_value.in_(FINISHED),
                   func.coalesce(a.old_value, "").not_in(FINISHED))
            .correlate(t)
            .scalar_subquery()
        )
        finish = func.coalesce(finished_at, t.closed_at, t.updated_at)
        base = [t.deleted_at.is_(None), t.sla_due_at.is_not(None)]
        if since is not None:
            since = f.clean({"since": f.Field(f.instant)}, {"since": since})["since"]
            base.append(t.sla_due_at >= since)
        late = select(func.count()).where(*base, t.status.in_(FINISHED), finish > t.sla_due_at)
        overdue = select(func.count()).where(*base, t.status.not_in(FINISHED),
                                             t.sla_due_at < utcnow())
        with self.db.read() as session:
            n_late = int(session.scalar(late) or 0)
            n_overdue = int(session.scalar(overdue) or 0)
        return {"late": n_late, "overdue": n_overdue, "total": n_late + n_overdue}

    def _derive(self, obj: Any) -> None:
        obj.search_name, obj.search_other = ticket_search_text(obj)
        if obj.status == TicketStatus.CLOSED.value:
            if obj.closed_at is None:
                obj.closed_at = utcnow()
        else:
            obj.closed_at = None

    def _list_select(self) -> Select[Any]:
        t = m.Ticket
        return (
            select(
                t.id, t.year, t.seq, number_sql(t).label("number"), t.subject, t.status,
                t.priority, t.category, t.channel, t.sla_due_at, t.first_response_at,
                t.closed_at, t.satisfaction, t.contact_id, t.account_id, t.assignee_id,
                t.owner_id, t.created_at, t.deleted_at,
                m.Contact.full_name.label("contact"), m.Account.name.label("company"),
                Assignee.display_name.label("assignee"),
            )
            .select_from(t)
            .outerjoin(m.Contact, m.Contact.id == t.contact_id)
            .outerjoin(m.Account, m.Account.id == t.account_id)
            .outerjoin(Assignee, Assignee.id == t.assignee_id)
        )

    def _apply_filter(self, q: Select[Any], key: str, value: Any) -> Select[Any]:
        """Besides the columns: `overdue` (true) keeps unfinished tickets past their SLA."""
        if key == "overdue":
            if not value:
                return q
            t = m.Ticket
            return q.where(t.sla_due_at < utcnow(), t.status.not_in(FINISHED))
        return super()._apply_filter(q, key, value)

    def _as_dict(self, session: Session, obj: Any) -> dict[str, Any]:
        d = super()._as_dict(session, obj)
        d["number"] = self.number(obj)
        return d

    # -- status --------------------------------------------------------------------------
    def close(self, ticket_id: int, satisfaction: int | None, comment: str | None = None) -> None:
        """Close the ticket; `satisfaction` is 1..5, or None when the customer was not asked.

        "Not asked" is stored as satisfaction NULL (there is no separate flag); `comment`
        is stored as given, so a caller that wants the words "not asked" passes them.
        Closing works from any status (closing a closed ticket again replaces the score).
        """
        specs = {
            "satisfaction": f.Field(f.integer(1, 5)),
            "satisfaction_comment": f.Field(f.multiline(2000)),
        }
        values = f.clean(specs, {"satisfaction": satisfaction, "satisfaction_comment": comment})
        with self.db.write(self.actor_id) as session:
            require_in(session, self.edit_perm)
            obj = self._load(session, ticket_id)
            obj.satisfaction = values["satisfaction"]
            obj.satisfaction_comment = values["satisfaction_comment"]
            obj.status = TicketStatus.CLOSED.value
            self._derive(obj)

    def reopen(self, ticket_id: int) -> None:
        """Open again; the earlier satisfaction is cleared (the audit log keeps it).

        The only way back from closed; sla_due_at is kept (the ticket stays as late as it was).
        """
        with self.db.write(self.actor_id) as session:
            require_in(session, self.edit_perm)
            obj = self._load(session, ticket_id)
            obj.status = TicketStatus.OPEN.value
            obj.satisfaction = None
            obj.satisfaction_comment = None
            self._derive(obj)

    # -- comments ------------------------------------------------------------------------
    def add_comment(self, ticket_id: int, body: str, internal: bool = True) -> int:
        """Add a comment; the first one the customer sees sets first_response_at."""
        specs = {"body": f.Field(f.multiline(), required=True),
                 "internal": f.Field(f.boolean, empty=True)}
        values = f.clean(specs, {"body": body, "internal": internal})
        with self.db.write(self.actor_id) as session:
            require_in(session, self.edit_perm)
            ticket = self._load(session, ticket_id)
            comment = m.TicketComment(ticket_id=ticket_id, author_id=self.actor_id,
                                      body=values["body"], internal=values["internal"])
            session.add(comment)
            session.flush()
            if not comment.internal and ticket.first_response_at is None:
                ticket.first_response_at = comment.created_at
            return comment.id

    def comments(self, ticket_id: int) -> list[dict[str, Any]]:
        """The ticket's comments, oldest first, with the author's name."""
        c = m.TicketComment
        q = (
            select(c.id, c.ticket_id, c.body, c.internal, c.created_at, c.author_id,
                   m.User.display_name.label("author"))
            .outerjoin(m.User, m.User.id == c.author_id)
            .where(c.ticket_id == ticket_id)
            .order_by(c.created_at, c.id)
        )
        with self.db.read() as session:
            return [dict(r._mapping) for r in session.execute(q)]

    # -- reads ---------------------------------------------------------------------------
    def counts_by_status(self) -> dict[str, int]:
        """How many live tickets each status has (every status is present)."""
        t = m.Ticket
        q = select(t.status, func.count()).where(t.deleted_at.is_(None)).group_by(t.status)
        counts = {s.value: 0 for s in TicketStatus}
        with self.db.read() as session:
            for status, n in session.execute(q):
                counts[status] = int(n)
        return counts

    def find_by_number(self, text: str) -> int:
        """The id of the live ticket numbered `text` ("T-1405-0001", "۱۴۰۵-۰۰۰۱", ...).

        ValidationError when `text` is not a ticket number, NotFoundError when none has it.
        """
        try:
            year, seq = parse_ticket_number(text)
        except ValueError:
            raise ValidationError(FieldError("number", "invalid")) from None
        t = m.Ticket
        q = select(t.id).where(t.year == year, t.seq == seq, t.deleted_at.is_(None))
        with self.db.read() as session:
            found = session.scalar(q)
        if found is None:
            raise NotFoundError(self.entity, text)
        return int(found)
