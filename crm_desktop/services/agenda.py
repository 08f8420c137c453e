"""One business day (`domain.clock`) at a glance: what is due (repeating activities
expanded), what is still open from before, and whose birthday it is."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from crm_desktop.domain.clock import now_utc
from crm_desktop.domain.documents import BIRTHDAY, OVERDUE, AgendaItem
from crm_desktop.services.activities import ActivityService
from crm_desktop.services.contacts import ContactService
from crm_desktop.services.recurrence import day_bounds


def _who(row: dict[str, Any]) -> str:
    return row.get("contact") or row.get("company") or ""


def agenda(
    activities: ActivityService,
    contacts: ContactService,
    day: date,
    owner_id: int | None = None,
    *,
    now: datetime | None = None,
) -> list[AgendaItem]:
    """The agenda of the business's `day`: birthdays first, then date-only tasks, then by
    time. Open activities due before the day (one-off ones; a repeating series is not
    carried over) come first as kind "overdue"; an item of the day is "overdue" once its
    time has passed (a date-only task: once its day is over)."""
    now = now or now_utc()
    start, end = day_bounds(day)
    items = [AgendaItem(BIRTHDAY, None, "تولد", c["full_name"], "open")
             for c in contacts.birthdays(day)]
    for row in activities.open_due_before(start, owner_id):
        items.append(AgendaItem(OVERDUE, row["due_at"], row["subject"], _who(row), "overdue",
                                bool(row.get("due_all_day"))))
    for row in activities.occurrences_between(start, end, owner_id):
        at = row["occurs_at"]
        status = "done" if row["done_at"] else ("overdue" if at < now else "open")
        items.append(AgendaItem(row["kind"], at, row["subject"], _who(row), status,
                                bool(row.get("due_all_day"))))

    def order(i: AgendaItem) -> tuple[bool, datetime]:
        if i.all_day and i.kind != OVERDUE:
            return True, start  # due today without a time: before the timed items
        return i.time is not None, i.time or start

    items.sort(key=order)
    return items
