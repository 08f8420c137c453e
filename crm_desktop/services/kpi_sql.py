"""SQL pieces and argument checks shared by the KPIs and the dashboard's series (no Qt)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import and_, case, false, func
from sqlalchemy.orm import Session

from crm_desktop.db import models as m
from crm_desktop.db.sql import micros_between, seconds_between, unindexed
from crm_desktop.domain.errors import FieldError, ValidationError
from crm_desktop.domain.periods import Period
from crm_desktop.services import fields as f
from crm_desktop.services.access import report_owner_in
from crm_desktop.text.validate import InvalidValue

#: the months a chart may cover (ten years)
MAX_MONTHS = 120


def within(column: Any, bounds: tuple[datetime, datetime] | None) -> Any:
    """`column` in [start, end): an instant within a period's `bounds_utc()`; false
    without bounds."""
    if bounds is None:
        return false()
    return and_(column >= bounds[0], column < bounds[1])


def count_if(condition: Any, name: str) -> Any:
    """How many rows meet `condition` (0 when none)."""
    return func.count(case((condition, 1))).label(name)


__all__ = ["unindexed"]  # (kpis.py imports it from here)


def duration_sums(condition: Any, end: Any, start: Any, name: str) -> tuple[Any, Any]:
    """sum(end - start) over the rows meeting `condition`, exactly, as two sums (`name_s`
    seconds and `name_us` microseconds: neither can overflow 64 bits, as one sum in
    microseconds could)."""
    return (func.coalesce(func.sum(case((condition, seconds_between(end, start)))), 0)
            .label(f"{name}_s"),
            func.coalesce(func.sum(case((condition, micros_between(end, start)))), 0)
            .label(f"{name}_us"))


def check_owner(session: Session, owner_id: Any, actor_id: int | None = None) -> int | None:
    """None, or the id of an existing user; ValidationError on `owner_id` otherwise. Then
    what the actor may see (services/access.py report_owner_in): a role with REPORTS_OWN
    only gets its own figures, one with neither is refused (PermissionDenied)."""
    if owner_id is not None:
        if not f.is_id(owner_id):
            raise ValidationError(FieldError("owner_id", "invalid"))
        if session.get(m.User, owner_id) is None:
            raise ValidationError(FieldError("owner_id", "not_found"))
        owner_id = int(owner_id)
    return report_owner_in(session, actor_id, owner_id)


def check_period(period: Any) -> Period:
    """`period` when it is a Period; ValidationError on `period` otherwise."""
    if not isinstance(period, Period):
        raise ValidationError(FieldError("period", "period.invalid"))
    return period


def check_months(months: Any) -> int:
    """How many months a chart covers: 1 .. MAX_MONTHS."""
    if isinstance(months, bool) or not isinstance(months, int) \
            or not 1 <= months <= MAX_MONTHS:
        raise ValidationError(FieldError("months", "range", {"min": 1, "max": MAX_MONTHS}))
    return months


def previous_or_none(period: Period) -> Period | None:
    """The period before `period`, or None when it would fall before the first year
    periods cover (1300)."""
    try:
        return period.previous()
    except InvalidValue:
        return None
