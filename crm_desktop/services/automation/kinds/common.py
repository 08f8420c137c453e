"""What the rule kinds share: the common settings keys and how they are checked, the
business-day arithmetic of day-based rules (no Qt).

Common keys (a kind uses those that apply, see BRIEF / the rule editor): channel, subject,
body, task_subject, task_owner, send_hour, catch_up_days."""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta
from functools import cache
from typing import Any

import jdatetime

from crm_desktop.domain import clock
from crm_desktop.domain.errors import FieldError, ValidationError
from crm_desktop.services import fields as f
from crm_desktop.text import placeholders

#: the longest catch-up a rule may ask for (days)
MAX_CATCH_UP_DAYS = 30
#: channels of a message rule, and the task a person does instead
SMS, EMAIL, TASK = "sms", "email", "task"
CONTACT_OWNER = "contact_owner"


def channel(allowed: Iterable[str]) -> f.Converter:
    options = tuple(allowed)

    def convert(value: Any) -> str:
        if not isinstance(value, str) or value not in options:
            raise f.InvalidValue("choice")
        return value

    return convert


def task_owner(value: Any) -> str | int:
    """"contact_owner" (the contact's or the deal's owner) or a user id."""
    if value == CONTACT_OWNER:
        return CONTACT_OWNER
    return f.reference(value)


#: the specs of the common keys (a kind picks the ones it uses)
SPECS: dict[str, f.Field] = {
    "subject": f.Field(f.text(200), empty=""),
    "body": f.Field(f.multiline(2000), empty=""),
    "task_subject": f.Field(f.text(200), empty=""),
    "task_owner": f.Field(task_owner, empty=CONTACT_OWNER),
    "send_hour": f.Field(f.integer(0, 23), empty=9),
    "catch_up_days": f.Field(f.integer(0, MAX_CATCH_UP_DAYS), empty=0),
}


def clean(kind: str, specs: Mapping[str, f.Field], defaults: Mapping[str, Any],
          settings: Any) -> dict[str, Any]:
    """`settings` checked against `specs` (missing keys taken from `defaults`), the
    templates' placeholders checked (with the kind's extras), an e-mail's subject and a
    task's subject required. ValidationError names every wrong key."""
    if settings is None:
        settings = {}
    if not isinstance(settings, Mapping):
        raise ValidationError(FieldError("settings", "invalid"))
    given = {k: v for k, v in settings.items() if v is not None}
    values = f.clean(specs, {**defaults, **given})
    errors: list[FieldError] = []
    extra = placeholders.KIND_PLACEHOLDERS.get(kind, ())
    for key in ("body", "subject", "task_subject"):
        if values.get(key):
            try:
                placeholders.parse(values[key], key, extra)
            except ValidationError as exc:
                errors += exc.errors
    chosen = values.get("channel")
    if chosen in (SMS, EMAIL) and "body" in specs and not values.get("body"):
        errors.append(FieldError("body", "required"))
    if chosen == EMAIL and "subject" in specs and not values.get("subject"):
        errors.append(FieldError("subject", "required"))
    if chosen == TASK and "task_subject" in specs and not values.get("task_subject"):
        errors.append(FieldError("task_subject", "required"))
    if errors:
        raise ValidationError(errors)
    return values


def send_time(day: date, hour: int) -> datetime:
    """The instant (aware UTC) a day-based message goes out: `hour` o'clock of a business
    day."""
    return clock.at(day, time(hour))


def day_start(day: date) -> datetime:
    return clock.day_bounds(day)[0]


# -- Jalali anniversaries (birthdays, renewals) ---------------------------------------------
def jalali_md(day: date) -> tuple[int, int]:
    """(Jalali month, day) of a Gregorian date."""
    j = jdatetime.date.fromgregorian(date=day)
    return j.month, j.day


def anniversary_in(md: tuple[int, int], jalali_year: int) -> date:
    """The Gregorian date of Jalali month/day `md` in `jalali_year`; 30 Esfand in a year
    without it (not leap) falls on 29 Esfand."""
    month, day = md
    if month == 12 and day == 30 and not jdatetime.date(jalali_year, 1, 1).isleap():
        day = 29
    return jdatetime.date(jalali_year, month, day).togregorian()


def anniversary_mds(day: date) -> tuple[tuple[int, int], ...]:
    """The Jalali month/days whose anniversary falls on `day`: its own, and on 29 Esfand of
    a year that has no 30 Esfand, 30 Esfand too."""
    j = jdatetime.date.fromgregorian(date=day)
    own = (j.month, j.day)
    if own == (12, 29) and not j.isleap():
        return own, (12, 30)
    return (own,)


def _offset(md: tuple[int, int]) -> int:
    """Days from 1 Farvardin to Jalali month/day `md` (the same in every year)."""
    month, day = md
    return (month - 1) * 31 + day - 1 if month <= 7 else 186 + (month - 7) * 30 + day - 1


@cache
def _nowruz_shapes() -> tuple[tuple[date, bool], ...]:
    """One Nowruz (1 Farvardin, Gregorian) per shape of year over the allowed dates: its
    March day, whether the February after it has 29 days, whether the Jalali year is leap.
    Every Jalali day falls on the same Gregorian day in years of one shape."""
    seen: dict[tuple[int, bool, bool], tuple[date, bool]] = {}
    for year in range(1278, 1582):  # 1899 .. 2203: every allowed date and a year more
        j = jdatetime.date(year, 1, 1)
        g = j.togregorian()
        seen.setdefault((g.day, calendar.isleap(g.year + 1), j.isleap()), (g, j.isleap()))
    return tuple(seen.values())


@cache
def gregorian_mds(md: tuple[int, int]) -> frozenset[str]:
    """Every Gregorian "MM-DD" Jalali month/day `md` falls on in some year (the
    contacts.birth_md values to look up; the exact match is then settled on the full
    date): Nowruz moves by a day between years, so each Jalali day has two or three."""
    out = set()
    for nowruz, leap in _nowruz_shapes():
        if md == (12, 30) and not leap:
            continue
        g = nowruz + timedelta(days=_offset(md))
        out.add(f"{g.month:02d}-{g.day:02d}")
    return frozenset(out)


def days(first: date, last: date) -> list[date]:
    """The days from `first` to `last`, both included."""
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]
