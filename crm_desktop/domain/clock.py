"""The business's clock: one time zone for the whole program (no Qt).

Every "today", every wall-clock time shown or typed, every local day (agenda, calendar,
repeats, skipped occurrences, SLA working hours, PDFs, the command line) is in the
business's time zone, whatever the computer is set to. The zone is a setting (see
`SettingsService.set_time_zone`), Asia/Tehran by default; opening a database applies its
setting here. Instants are stored and compared as aware UTC; naive values are UTC.

The time-zone database comes from the `tzdata` package where the system has none
(Windows), so `ZoneInfo` always works.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

DEFAULT_TZ = "Asia/Tehran"

_current: ZoneInfo = ZoneInfo(DEFAULT_TZ)
#: the start of the time file systems count in seconds
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def zone(name: str) -> ZoneInfo:
    """The zone called `name`; ValueError when there is no such zone."""
    if not isinstance(name, str) or not name or len(name) > 64 or "\x00" in name:
        raise ValueError(f"not a time zone: {name!r}")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise ValueError(f"not a time zone: {name!r}") from None


@cache
def zone_names() -> tuple[str, ...]:
    """Every zone name the time-zone database knows, sorted (for a choice in Settings)."""
    return tuple(sorted(available_timezones()))


def business_tz() -> ZoneInfo:
    """The business's time zone."""
    return _current


def set_business_tz(name: str) -> ZoneInfo:
    """Make `name` the business's time zone (ValueError when it is not a zone)."""
    global _current
    _current = zone(name)
    return _current


def utc(value: datetime) -> datetime:
    """An aware UTC instant (a naive value is taken as UTC, as the columns store it)."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def now_utc() -> datetime:
    return datetime.now(UTC)


def now() -> datetime:
    """Now on the business's wall clock (aware)."""
    return datetime.now(_current)


def today() -> date:
    """Today's date in the business's time zone."""
    return now().date()


def local(value: datetime, tz: tzinfo | None = None) -> datetime:
    """An instant on the business's wall clock (or `tz`'s)."""
    return utc(value).astimezone(tz or _current)


def from_epoch(seconds: float) -> datetime:
    """A file system's time (seconds since 1970 UTC, such as st_mtime) on the business's
    wall clock: never the computer's own time zone."""
    return local(EPOCH + timedelta(seconds=seconds))


def local_day(value: datetime) -> date:
    """The business's calendar day an instant falls on."""
    return local(value).date()


def at(day: date, clock: time, tz: tzinfo | None = None) -> datetime:
    """The instant (aware UTC) of a wall-clock time on a business day (or `tz`'s)."""
    wall = datetime.combine(day, clock.replace(tzinfo=None), tzinfo=tz or _current)
    return wall.astimezone(UTC)


def day_bounds(day: date, tz: tzinfo | None = None) -> tuple[datetime, datetime]:
    """[start, end) of a business day (or `tz`'s) as aware UTC instants."""
    return at(day, time(0), tz), at(day + timedelta(days=1), time(0), tz)


def end_of_day(day: date, tz: tzinfo | None = None) -> datetime:
    """The last instant (aware UTC, 1 microsecond before the next midnight) of a business
    day: when a task due that day (without a time) becomes overdue."""
    return day_bounds(day, tz)[1] - timedelta(microseconds=1)
