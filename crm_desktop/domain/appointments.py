"""What counts as an appointment (a clinic's visit, a class, a meeting with a client): the
week calendar draws these, the appointment reminder and feedback rules act on them (no Qt).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from crm_desktop.domain.enums import ActivityKind

#: activity kinds that are appointments whenever they have a due time
APPOINTMENT_KINDS: tuple[str, ...] = (ActivityKind.MEETING.value,)


def is_appointment(row: Mapping[str, Any]) -> bool:
    """Meetings, and any activity with both a due time and a duration; never a task due on
    a day without a time (`due_all_day`). Done or not: the caller decides."""
    if row.get("due_at") is None or row.get("due_all_day"):
        return False
    return row.get("kind") in APPOINTMENT_KINDS or bool(row.get("duration_minutes"))
