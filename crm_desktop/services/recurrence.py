"""Repeating tasks and appointments: expanding a rule into the instants it falls on.

A rule repeats on the business's wall clock (`domain.clock`, Asia/Tehran by default): a
meeting at 09:00 stays at 09:00 whatever the UTC offset of the day. "monthly" and
"yearly" follow the Jalali calendar: "monthly" keeps the Jalali day of the month of the
first occurrence, clamped to the last day of shorter months (31 Shahrivar -> 30 Mehr ->
30 Aban ... -> 29 or 30 Esfand); "yearly" keeps the Jalali date (30 Esfand -> 29 Esfand
in common years). `until` and the exceptions are local days. Instants given and returned
are aware UTC (a naive datetime is taken as UTC, like the columns store them).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum

import jdatetime

from crm_desktop.domain import clock
from crm_desktop.domain.clock import day_bounds, local, local_day

__all__ = ["MAX_EVERY", "Rule", "add_jalali_months", "day_bounds", "jalali_month_length",
           "local", "local_day", "occurrences"]

MAX_EVERY = 365


class Rule(StrEnum):
    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    YEARLY = "yearly"


def jalali_month_length(jy: int, jm: int) -> int:
    """Days in Jalali month jm (1-12) of year jy: 31, 30, or 29/30 for Esfand."""
    if jm <= 6:
        return 31
    if jm <= 11:
        return 30
    return 30 if jdatetime.date(jy, 12, 1).isleap() else 29


def add_jalali_months(day: date, months: int) -> date:
    """`day` moved by `months` Jalali months, its Jalali day of the month clamped to the
    target month's length. ValueError/OverflowError beyond the calendar's ends."""
    j = jdatetime.date.fromgregorian(date=day)
    index = j.year * 12 + (j.month - 1) + months
    jy, jm0 = divmod(index, 12)
    jm = jm0 + 1
    return jdatetime.date(jy, jm, min(j.day, jalali_month_length(jy, jm))).togregorian()


def _months(rule: Rule) -> int:
    return 12 if rule is Rule.YEARLY else 1


def _nth_day(first: date, rule: Rule, every: int, n: int) -> date | None:
    """The n-th occurrence's day; None past the ends of the calendar."""
    try:
        if rule is Rule.DAILY:
            return first + timedelta(days=n * every)
        if rule is Rule.WEEKLY:
            return first + timedelta(weeks=n * every)
        return add_jalali_months(first, n * every * _months(rule))
    except (ValueError, OverflowError):
        return None


def _first_index(first: date, rule: Rule, every: int, from_day: date) -> int:
    """An index n whose occurrence falls on or before `from_day` (0 at the latest)."""
    if from_day <= first:
        return 0
    if rule in (Rule.MONTHLY, Rule.YEARLY):
        a = jdatetime.date.fromgregorian(date=first)
        b = jdatetime.date.fromgregorian(date=from_day)
        months = (b.year - a.year) * 12 + (b.month - a.month)
        return max(0, months // (every * _months(rule)) - 1)
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
    that begins at `start` and repeats by `rule` every `every` days/weeks/months/years, up
    to and including the local day `until` (None: no end), leaving out the local days in
    `exceptions`. With `rule` None the series is `start` alone."""
    start, window_start, window_end = (clock.utc(v) for v in (start, window_start, window_end))
    skipped = set(exceptions)
    if rule is None:
        day = local_day(start)
        keep = window_start <= start < window_end and day not in skipped
        return [start] if keep and (until is None or day <= until) else []
    rule = Rule(rule)
    if isinstance(every, bool) or not 1 <= every <= MAX_EVERY:
        raise ValueError(f"every must be between 1 and {MAX_EVERY}, not {every!r}")
    first_local = local(start)
    first, wall = first_local.date(), first_local.time()
    last_day = local_day(window_end)
    if until is not None:
        last_day = min(last_day, until)
    out: list[datetime] = []
    n = _first_index(first, rule, every, local_day(window_start))
    while True:
        day = _nth_day(first, rule, every, n)
        n += 1
        if day is None or day > last_day:
            return out
        if day in skipped:
            continue
        try:
            when = clock.at(day, wall)
        except OverflowError:
            return out
        if window_start <= when < window_end:
            out.append(when.astimezone(UTC))
