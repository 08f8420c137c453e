"""Repeating tasks and appointments: expanding a rule into the instants it falls on.

A rule repeats on the local wall clock of Asia/Tehran: a meeting at 09:00 stays at 09:00
whatever the UTC offset of the day. "monthly" keeps the day of the month of the first
occurrence, clamped to the last day of shorter months (31 Jan -> 28/29 Feb -> 31 Mar).
`until` and the exceptions are local days. Instants given and returned are aware UTC
(a naive datetime is taken as UTC, like the columns store them).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

LOCAL_TZ = ZoneInfo("Asia/Tehran")
MAX_EVERY = 365


class Rule(StrEnum):
    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def local(value: datetime) -> datetime:
    """An instant on the local (Tehran) wall clock."""
    return _utc(value).astimezone(LOCAL_TZ)


def local_day(value: datetime) -> date:
    """The local calendar day of an instant."""
    return local(value).date()


def day_bounds(day: date) -> tuple[datetime, datetime]:
    """[start, end) of a local day as aware UTC instants."""
    start = datetime.combine(day, time(0), tzinfo=LOCAL_TZ)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=LOCAL_TZ)
    return start.astimezone(UTC), end.astimezone(UTC)


def add_months(day: date, months: int) -> date:
    """`day` moved by `months`, its day of month clamped to the target month's length."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _nth_day(first: date, rule: Rule, every: int, n: int) -> date:
    if rule is Rule.DAILY:
        return first + timedelta(days=n * every)
    if rule is Rule.WEEKLY:
        return first + timedelta(weeks=n * every)
    return add_months(first, n * every)


def _first_index(first: date, rule: Rule, every: int, from_day: date) -> int:
    """An index n whose occurrence falls on or before `from_day` (0 at the latest)."""
    if from_day <= first:
        return 0
    if rule is Rule.MONTHLY:
        months = (from_day.year - first.year) * 12 + (from_day.month - first.month)
        return max(0, months // every - 1)
    step = every * (7 if rule is Rule.WEEKLY else 1)
    return max(0, (from_day - first).days // step - 1)


def occurrences(
    start: datetime,
    rule: str | None,
    every: int,
    until: date | None,
    exceptions: Iterable[date],
    window_start: datetime,
    window_end: datetime,
) -> list[datetime]:
    """The instants (aware UTC, earliest first) in [window_start, window_end) of the series
    that begins at `start` and repeats by `rule` every `every` days/weeks/months, up to and
    including the local day `until` (None: no end), leaving out the local days in
    `exceptions`. With `rule` None the series is `start` alone."""
    start, window_start, window_end = _utc(start), _utc(window_start), _utc(window_end)
    skipped = set(exceptions)
    if rule is None:
        day = local_day(start)
        keep = window_start <= start < window_end and day not in skipped
        return [start] if keep and (until is None or day <= until) else []
    rule = Rule(rule)
    if isinstance(every, bool) or not 1 <= every <= MAX_EVERY:
        raise ValueError(f"every must be between 1 and {MAX_EVERY}, not {every!r}")
    first_local = local(start)
    first, clock = first_local.date(), first_local.timetz().replace(tzinfo=None)
    last_day = local_day(window_end)
    if until is not None:
        last_day = min(last_day, until)
    out: list[datetime] = []
    n = _first_index(first, rule, every, local_day(window_start))
    while True:
        day = _nth_day(first, rule, every, n)
        n += 1
        if day > last_day:
            return out
        if day in skipped:
            continue
        at = datetime.combine(day, clock, tzinfo=LOCAL_TZ).astimezone(UTC)
        if window_start <= at < window_end:
            out.append(at)
