"""Activities: calls, meetings, tasks, e-mails, SMS, letters and notes, on a contact, a
company, a deal, a ticket, or on nothing (a personal task)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta
from typing import Any, ClassVar

from sqlalchemy import Select, and_, bindparam, case, func, or_, select, text
from sqlalchemy.orm import Session, aliased

from crm_desktop.db import models as m
from crm_desktop.db.types import utcnow
from crm_desktop.domain.clock import day_bounds, end_of_day
from crm_desktop.domain.enums import ActivityKind
from crm_desktop.domain.errors import FieldError, ValidationError
from crm_desktop.domain.permissions import Perm
from crm_desktop.services import fields as f
from crm_desktop.services import versions
from crm_desktop.services.access import require_in
from crm_desktop.services.base import EntityService
from crm_desktop.services.recurrence import MAX_EVERY, Rule, local_day, occurrences
from crm_desktop.text.normalize import clean_text

Owner = aliased(m.User)
MAX_DURATION = 1440 * 7
#: kinds that record something that happened when they were written down (a logged call)
LOGGED_KINDS = (ActivityKind.NOTE.value, ActivityKind.CALL.value)
STATES = ("open", "done", "overdue")


def last_activity_expression() -> Any:
    """When a done activity last touched its contact: done_at, or created_at for a note or
    call written down after it happened (whichever is later)."""
    a = m.Activity
    return func.max(
        case(
            (and_(a.kind.in_(LOGGED_KINDS), a.created_at > a.done_at), a.created_at),
            else_=a.done_at,
        )
    )


class ActivityService(EntityService[m.Activity]):
    model = m.Activity
    edit_perm = Perm.EDIT_WORK
    fields: ClassVar = {
        "kind": f.Field(f.choice(ActivityKind), required=True),
        "subject": f.Field(f.text(200), required=True),
        "notes": f.Field(f.multiline()),
        "due_at": f.Field(f.instant),
        # a date-only task: due_at is moved to the last instant of its local day
        "due_all_day": f.Field(f.boolean, empty=False),
        "done_at": f.Field(f.instant),
        "duration_minutes": f.Field(f.integer(0, MAX_DURATION)),
        "reminder_at": f.Field(f.instant),
        "outcome": f.Field(f.text(300)),
        "contact_id": f.Field(f.reference),
        "account_id": f.Field(f.reference),
        "deal_id": f.Field(f.reference),
        "ticket_id": f.Field(f.reference),
        "owner_id": f.Field(f.reference),
        "recurrence": f.Field(f.choice(Rule)),
        "recur_every": f.Field(f.integer(1, MAX_EVERY), empty=1),
        "recur_until": f.Field(f.a_date),
    }
    references: ClassVar = {
        "contact_id": m.Contact,
        "account_id": m.Account,
        "deal_id": m.Deal,
        "ticket_id": m.Ticket,
        "owner_id": m.User,
    }
    sort_columns: ClassVar = {
        "due": func.coalesce(m.Activity.due_at, m.Activity.created_at),
        "created": m.Activity.created_at,
        "subject": m.Activity.subject,
    }
    filter_columns: ClassVar = {
        "kind": m.Activity.kind,
        "owner_id": m.Activity.owner_id,
        "contact_id": m.Activity.contact_id,
        "account_id": m.Activity.account_id,
        "deal_id": m.Activity.deal_id,
        "ticket_id": m.Activity.ticket_id,
    }
    range_filters: ClassVar = {
        "done_since": (m.Activity.done_at, ">="), "done_before": (m.Activity.done_at, "<"),
    }

    def _list_select(self) -> Select[Any]:
        a = m.Activity
        return (
            select(
                a.id, a.kind, a.subject, a.notes, a.due_at, a.due_all_day, a.done_at,
                a.duration_minutes,
                a.reminder_at, a.outcome, a.contact_id, a.account_id, a.deal_id, a.ticket_id,
                a.owner_id, a.created_at, a.recurrence, a.recur_every, a.recur_until,
                m.Contact.full_name.label("contact"), m.Account.name.label("company"),
                m.Deal.title.label("deal"), Owner.display_name.label("owner"),
            )
            .select_from(a)
            .outerjoin(m.Contact, m.Contact.id == a.contact_id)
            .outerjoin(m.Account, m.Account.id == a.account_id)
            .outerjoin(m.Deal, m.Deal.id == a.deal_id)
            .outerjoin(Owner, Owner.id == a.owner_id)
        )

    def _apply_filter(self, q: Select[Any], key: str, value: Any) -> Select[Any]:
        """Besides the columns: `state` is "open", "done" or "overdue" (open and past due)."""
        if key != "state":
            return super()._apply_filter(q, key, value)
        a = m.Activity
        if value == "open":
            return q.where(a.done_at.is_(None))
        if value == "done":
            return q.where(a.done_at.is_not(None))
        if value == "overdue":
            return q.where(a.done_at.is_(None), a.due_at < utcnow())
        raise ValueError(f"activity state must be one of {STATES}, not {value!r}")

    def _apply_text(self, q: Select[Any], raw: str) -> Select[Any]:
        # Not in the FTS index: a substring of the subject is what people look for.
        needle = clean_text(raw)
        return q.where(m.Activity.subject.contains(needle, autoescape=True)) if needle else q

    # -- writes --------------------------------------------------------------------------
    def _check(self, session: Session, values: dict, current: Any | None) -> None:
        if current is None and values.get("kind") == ActivityKind.NOTE.value:
            # a note is written about something that has happened: it is never "open"
            values["done_at"] = values.get("done_at") or utcnow()
        self._check_all_day(values, current)
        self._check_recurrence(values, current)

    @staticmethod
    def _check_all_day(values: dict, current: Any | None) -> None:
        """A date-only task is due at the end of its day in the business's time zone (it is
        overdue once the day is over, and it carries no time of its own)."""
        if "due_all_day" not in values and "due_at" not in values:
            return
        all_day = values.get("due_all_day", getattr(current, "due_all_day", False))
        due = values["due_at"] if "due_at" in values else getattr(current, "due_at", None)
        if due is None:  # no due date: nothing to be due all day
            if all_day:
                values["due_all_day"] = False
            return
        if not all_day:
            return
        try:
            values["due_at"] = end_of_day(local_day(due))
        except (OverflowError, ValueError):
            raise ValidationError(FieldError("due_at", "date.invalid")) from None

    @staticmethod
    def _check_recurrence(values: dict, current: Any | None) -> None:
        """A repeating activity needs a due time; its end is not before its first day."""
        def now_or_then(name: str) -> Any:
            return values[name] if name in values else getattr(current, name, None)

        rule, due, until = (now_or_then(n) for n in ("recurrence", "due_at", "recur_until"))
        if rule is not None and due is None:
            raise ValidationError(FieldError("due_at", "required"))
        if rule is not None and until is not None and until < local_day(due):
            raise ValidationError(FieldError("recur_until", "date.order"))

    def _create_in(self, session: Session, data: Any) -> Any:
        obj = super()._create_in(session, data)
        self._touch_contacts(session, obj.contact_id)
        return obj

    def _update_in(self, session: Session, entity_id: int, changes: Any) -> Any:
        before = self._load(session, entity_id).contact_id
        obj = super()._update_in(session, entity_id, changes)
        self._touch_contacts(session, before, obj.contact_id)
        return obj

    def complete(self, activity_id: int, outcome: str | None = None) -> None:
        """Mark done now (an activity already done keeps its time); `outcome` is kept."""
        with self.db.write(self.actor_id) as session:
            require_in(session, self.edit_perm)
            obj = self._load(session, activity_id)
            if outcome is not None:
                obj.outcome = f.clean({"outcome": self.fields["outcome"]},
                                      {"outcome": outcome})["outcome"]
            if obj.done_at is None:
                obj.done_at = utcnow()
            session.flush()
            self._touch_contacts(session, obj.contact_id)

    def reopen(self, activity_id: int) -> None:
        """Back to open (not done)."""
        with self.db.write(self.actor_id) as session:
            require_in(session, self.edit_perm)
            obj = self._load(session, activity_id)
            obj.done_at = None
            session.flush()
            self._touch_contacts(session, obj.contact_id)

    def delete(self, entity_id: int) -> None:
        """Remove the activity for good (activities have no Trash; the audit log keeps a
        "purged" row)."""
        with self.db.write(self.actor_id) as session:
            obj = self._load_to_delete(session, entity_id)
            contact_id = obj.contact_id
            # its skipped days go with it (ON DELETE CASCADE would drop them unlogged)
            e = m.ActivityException
            for skipped in session.scalars(select(e).where(e.activity_id == entity_id)):
                session.delete(skipped)
            session.flush()  # before the activity: the flush does not order them
            session.delete(obj)
            session.flush()
            self._touch_contacts(session, contact_id)

    def skip_occurrence(self, activity_id: int, day: date) -> None:
        """Leave out the occurrence of a repeating activity on the local `day` (again: no-op).

        Raises ValidationError (field "occurs_on") when the activity does not fall that day.
        """
        day = f.clean({"occurs_on": f.Field(f.a_date, required=True)},
                      {"occurs_on": day})["occurs_on"]  # 9999-12-31 would overflow below
        with self.db.write(self.actor_id) as session:
            require_in(session, self.edit_perm)
            obj = self._load(session, activity_id)
            try:
                start, end = day_bounds(day)
            except (OverflowError, TypeError, AttributeError):
                raise ValidationError(FieldError("occurs_on", "invalid")) from None
            hits = [] if obj.due_at is None else occurrences(
                obj.due_at, obj.recurrence, obj.recur_every, obj.recur_until, (), start, end)
            if obj.recurrence is None or not hits:
                raise ValidationError(FieldError("occurs_on", "invalid"))
            if session.get(m.ActivityException, (activity_id, day)) is None:
                session.add(m.ActivityException(activity_id=activity_id, occurs_on=day))

    def _touch_contacts(self, session: Session, *contact_ids: int | None) -> None:
        """Set Contact.last_activity_at from the contact's done activities (one aggregate)."""
        for contact_id in {c for c in contact_ids if c is not None}:
            contact = session.get(m.Contact, contact_id)
            if contact is None:
                continue
            last = session.scalar(
                select(last_activity_expression()).where(
                    m.Activity.contact_id == contact_id, m.Activity.done_at.is_not(None)
                )
            )
            if contact.last_activity_at != last:
                # worked out from the activities, not an edit of the contact: a form open
                # on the contact meanwhile is not refused its save
                versions.bookkeeping(session, contact, last_activity_at=last)
        session.flush()

    # -- reads ---------------------------------------------------------------------------
    def for_contact(self, contact_id: int, limit: int = 200) -> list[dict[str, Any]]:
        """The contact's timeline, newest first: done activities at their done time, open
        ones at their due time. Each row has `at`, the time it is shown at."""
        a = m.Activity
        at = func.coalesce(a.done_at, a.due_at, a.created_at)
        q = (
            self._list_select()
            .add_columns(at.label("at"))
            .where(a.contact_id == contact_id)
            .order_by(at.desc(), a.id.desc())
            .limit(max(1, limit))
        )
        with self.db.read() as session:
            return [dict(r._mapping) for r in session.execute(q)]

    def due_reminders(self, now: datetime, limit: int = 200) -> list[dict[str, Any]]:
        """Open activities whose reminder is due (reminder_at <= now), earliest first.

        The ids come from one seek in the partial index of open reminders, named on
        SQLite: its statistics say done_at IS NULL matches two rows (the done ones are all
        different) and it would read and sort every open activity instead (7 ms and 4 MB
        of page cache at 100,000 contacts, every 30 seconds). Then the rows of those ids,
        when there are any."""
        a = m.Activity
        hint = " INDEXED BY ix_activities_due_reminders" if self.db.is_sqlite else ""
        due = text(
            f"SELECT id FROM activities{hint} WHERE done_at IS NULL AND reminder_at IS NOT "
            "NULL AND reminder_at <= :now ORDER BY reminder_at, id LIMIT :n"
        ).bindparams(bindparam("now", type_=a.reminder_at.type), n=limit)
        with self.db.read() as session:
            ids = list(session.scalars(due, {"now": now}))
            if not ids:
                return []
            found = {r.id: dict(r._mapping) for r in session.execute(
                self._list_select().where(a.id.in_(ids)))}
        return [found[i] for i in ids if i in found]

    def due_between(
        self, start: datetime, end: datetime, owner_id: int | None = None
    ) -> list[dict[str, Any]]:
        """Activities due in [start, end), open and done, earliest first (for a calendar)."""
        a = m.Activity
        q = self._list_select().where(a.due_at >= start, a.due_at < end)
        if owner_id is not None:
            q = q.where(a.owner_id == owner_id)
        with self.db.read() as session:
            return [dict(r._mapping) for r in session.execute(q.order_by(a.due_at, a.id))]

    def occurrences_between(
        self, start: datetime, end: datetime, owner_id: int | None = None, *,
        open_only: bool = False, limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Like `due_between`, with repeating activities expanded into one row per
        occurrence in [start, end): every row has `occurs_at` (aware UTC; a one-off
        activity's due_at) and `recurring`. Earliest first. `open_only`: not done;
        `limit`: the first `limit` occurrences only (the one-off rows are read up to it)."""
        a = m.Activity
        # Two index ranges instead of one OR: the one-off activities due in the range
        # (due_at index), and the repeating ones that started before its end (the partial
        # index of repeating rows: a handful, whatever the number of one-off activities).
        once = self._list_select().where(a.recurrence.is_(None), a.due_at >= start,
                                         a.due_at < end)
        repeating = self._list_select().where(
            a.recurrence.is_not(None), a.due_at < end,
            or_(a.recur_until.is_(None), a.recur_until >= local_day(start) - timedelta(days=1)),
        )
        # The repeating rows are few: the owner and open filters are applied to them here,
        # in Python, so that no other index (owner, done_at) looks cheaper to the planner
        # than the partial index of repeating rows.
        if owner_id is not None:
            once = once.where(a.owner_id == owner_id)
        if open_only:
            once = once.where(a.done_at.is_(None))
        if limit is not None:
            # the first `limit` one-off rows by time: no later one can be among the first
            # `limit` occurrences
            once = once.order_by(a.due_at, a.id).limit(max(1, limit))
        out: list[dict[str, Any]] = []
        with self.db.read() as session:
            rows = [dict(r._mapping) for r in session.execute(once)]
            rows += [row for row in (dict(r._mapping) for r in session.execute(repeating))
                     if (owner_id is None or row["owner_id"] == owner_id)
                     and not (open_only and row["done_at"] is not None)]
            ids = [r["id"] for r in rows if r["recurrence"] is not None]
            skipped: dict[int, set[date]] = defaultdict(set)
            if ids:
                e = m.ActivityException
                for aid, day in session.execute(
                    select(e.activity_id, e.occurs_on).where(e.activity_id.in_(ids))
                ):
                    skipped[aid].add(day)
        for row in rows:
            if row["recurrence"] is None:
                out.append({**row, "occurs_at": row["due_at"], "recurring": False})
                continue
            for at in occurrences(row["due_at"], row["recurrence"], row["recur_every"],
                                  row["recur_until"], skipped[row["id"]], start, end):
                out.append({**row, "occurs_at": at, "recurring": True})
        out.sort(key=lambda r: (r["occurs_at"], r["id"]))
        return out if limit is None else out[:max(1, limit)]

    def open_due_before(
        self, before: datetime, owner_id: int | None = None, limit: int = 500
    ) -> list[dict[str, Any]]:
        """One-off activities still open whose due time is before `before`, earliest first
        (repeating series are left out: their past occurrences are not carried over)."""
        a = m.Activity
        q = self._list_select().where(
            a.done_at.is_(None), a.recurrence.is_(None), a.due_at < before
        )
        if owner_id is not None:
            q = q.where(a.owner_id == owner_id)
        with self.db.read() as session:
            return [dict(r._mapping) for r in
                    session.execute(q.order_by(a.due_at, a.id).limit(max(1, limit)))]
