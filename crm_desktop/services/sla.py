"""Service-level agreements: working hours on the business's clock, holidays and due times.

Instants come in and go out as aware datetimes (results are UTC, like the database).
The working calendar is on the business's wall clock (`domain.clock`, Asia/Tehran by
default); all arithmetic is done in UTC so that a day with a clock change (Iran kept
daylight saving time until 2022) counts its true length.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from crm_desktop.domain.clock import business_tz
from crm_desktop.domain.enums import TicketPriority

#: weekday keys as stored in settings, indexed by date.weekday() (Monday = 0)
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
#: a calendar with no working day for this long is treated as having none at all
MAX_IDLE_DAYS = 3 * 366

Interval = tuple[time, time]


@dataclass(frozen=True)
class WorkWeek:
    """Working intervals (local start, local end) for each weekday, keyed by date.weekday()."""

    days: tuple[tuple[Interval, ...], ...]

    def __post_init__(self) -> None:
        if len(self.days) != 7:
            raise ValueError("a work week has 7 days")
        for intervals in self.days:
            previous_end: time | None = None
            for start, end in intervals:
                if not start < end:
                    raise ValueError(f"interval ends before it starts: {start}-{end}")
                if previous_end is not None and start < previous_end:
                    raise ValueError("intervals of a day must be sorted and not overlap")
                previous_end = end

    @classmethod
    def from_mapping(cls, days: Mapping[int | str, Iterable[Interval]]) -> WorkWeek:
        """Build from {weekday (0=Monday or "sat"): [(start, end), ...]}; missing days are off."""
        out: list[tuple[Interval, ...]] = [() for _ in WEEKDAYS]
        for key, intervals in days.items():
            index = WEEKDAYS.index(key) if isinstance(key, str) else int(key)
            out[index] = tuple(sorted((s, e) for s, e in intervals))
        return cls(tuple(out))

    @classmethod
    def default(cls) -> WorkWeek:
        """Saturday to Wednesday 08:00-17:00, Thursday 08:00-13:00, Friday off."""
        full = ((time(8), time(17)),)
        return cls.from_mapping({"sat": full, "sun": full, "mon": full, "tue": full,
                                 "wed": full, "thu": ((time(8), time(13)),)})

    def intervals(self, day: date) -> tuple[Interval, ...]:
        return self.days[day.weekday()]

    def as_mapping(self) -> dict[str, list[Interval]]:
        return {WEEKDAYS[i]: list(v) for i, v in enumerate(self.days)}

    @property
    def has_working_time(self) -> bool:
        return any(self.days)


@dataclass(frozen=True)
class SlaTargets:
    """Working-time targets per priority value: first response and resolution."""

    response: Mapping[str, timedelta] = field(default_factory=lambda: {
        TicketPriority.URGENT.value: timedelta(hours=1),
        TicketPriority.HIGH.value: timedelta(hours=2),
        TicketPriority.NORMAL.value: timedelta(hours=4),
        TicketPriority.LOW.value: timedelta(hours=8),
    })
    resolution: Mapping[str, timedelta] = field(default_factory=lambda: {
        TicketPriority.URGENT.value: timedelta(hours=4),
        TicketPriority.HIGH.value: timedelta(hours=8),
        TicketPriority.NORMAL.value: timedelta(hours=24),
        TicketPriority.LOW.value: timedelta(hours=40),
    })

    def response_for(self, priority: str) -> timedelta:
        return self.response[TicketPriority(priority).value]

    def resolution_for(self, priority: str) -> timedelta:
        return self.resolution[TicketPriority(priority).value]


def _as_utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("an aware datetime is required")
    return moment.astimezone(UTC)


def _working_spans(
    day: date, week: WorkWeek, holidays: Iterable[date] | set[date], tz: tzinfo
) -> Iterator[tuple[datetime, datetime]]:
    """The working intervals of one local day as UTC (start, end) pairs."""
    if day in holidays:
        return
    for start, end in week.intervals(day):
        yield (datetime.combine(day, start, tz).astimezone(UTC),
               datetime.combine(day, end, tz).astimezone(UTC))


def add_working_time(
    start: datetime,
    duration: timedelta,
    week: WorkWeek | None = None,
    holidays: set[date] | frozenset[date] | None = None,
    tz: tzinfo | None = None,
) -> datetime:
    """The instant (aware UTC) `duration` of working time after `start`.

    A start outside working hours begins at the next working moment; a zero duration
    gives that moment. A result that falls exactly on the end of an interval stays there
    (Wednesday 13:00 + 4h is Wednesday 17:00, not Saturday 08:00).
    """
    week = week or WorkWeek.default()
    holidays = holidays or set()
    tz = tz or business_tz()
    if duration < timedelta(0):
        raise ValueError("duration must not be negative")
    if not week.has_working_time:
        raise ValueError("the work week has no working hours")
    cursor = _as_utc(start)
    remaining = duration
    day = cursor.astimezone(tz).date() - timedelta(days=1)  # an interval may cross midnight UTC
    idle = 0
    while True:
        worked = False
        for lo, hi in _working_spans(day, week, holidays, tz):
            worked = True
            if hi <= cursor:
                continue
            cursor = max(cursor, lo)
            available = hi - cursor
            if remaining <= available:
                return cursor + remaining
            remaining -= available
            cursor = hi
        idle = 0 if worked else idle + 1
        if idle > MAX_IDLE_DAYS:
            raise ValueError("no working time within the holidays")
        day += timedelta(days=1)


def working_time_between(
    a: datetime,
    b: datetime,
    week: WorkWeek | None = None,
    holidays: set[date] | frozenset[date] | None = None,
    tz: tzinfo | None = None,
) -> timedelta:
    """Working time from `a` to `b`; negative when `b` is before `a`."""
    week = week or WorkWeek.default()
    holidays = holidays or set()
    tz = tz or business_tz()
    a, b = _as_utc(a), _as_utc(b)
    if b < a:
        return -working_time_between(b, a, week, holidays, tz)
    total = timedelta(0)
    day = a.astimezone(tz).date() - timedelta(days=1)
    last = b.astimezone(tz).date()
    while day <= last:
        for lo, hi in _working_spans(day, week, holidays, tz):
            lo, hi = max(lo, a), min(hi, b)
            if hi > lo:
                total += hi - lo
        day += timedelta(days=1)
    return total


def is_working_moment(
    moment: datetime,
    week: WorkWeek | None = None,
    holidays: set[date] | frozenset[date] | None = None,
    tz: tzinfo | None = None,
) -> bool:
    """True when `moment` lies in a working interval (its end included)."""
    week = week or WorkWeek.default()
    local = _as_utc(moment).astimezone(tz or business_tz())
    if local.date() in (holidays or set()):
        return False
    t = local.timetz().replace(tzinfo=None)
    return any(s <= t <= e for s, e in week.intervals(local.date()))
