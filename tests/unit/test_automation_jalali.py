"""Jalali anniversaries of the automation rules (birthdays, renewals): every year has
exactly one greeting day, 30 Esfand falls on 29 Esfand in a common year, and the Gregorian
days looked up cover every year."""

from __future__ import annotations

from datetime import date, timedelta

import jdatetime
from hypothesis import example, given, settings
from hypothesis import strategies as st

from crm_desktop.services.automation.kinds import common
from crm_desktop.text import placeholders


def test_the_gregorian_days_looked_up_cover_every_year() -> None:
    """Every day of every Jalali year of the allowed dates (1900 .. 2201): its Gregorian
    "MM-DD" is among those looked up for its Jalali month and day (exhaustive: a
    sample misses the few days where the leap years of both calendars meet)."""
    missed = []
    for year in range(1279, 1581):
        day = jdatetime.date(year, 1, 1).togregorian()
        end = jdatetime.date(year + 1, 1, 1).togregorian()
        while day < end:
            md = common.jalali_md(day)
            if f"{day.month:02d}-{day.day:02d}" not in common.gregorian_mds(md):
                missed.append(day)
            day += timedelta(days=1)
    assert missed == []


@settings(max_examples=40, deadline=None)
@given(st.dates(date(1900, 3, 21), date(2150, 1, 1)), st.integers(1, 40))
@example(date(2025, 3, 20), 1)  # 30 Esfand 1403; 1404 has no 30 Esfand
@example(date(1991, 3, 20), 4)  # 29 Esfand 1369 (common) greeted on 29 Esfand 1373 (leap)
def test_every_later_year_has_exactly_one_greeting_day(born: date, years_later: int) -> None:
    md = common.jalali_md(born)
    year = jdatetime.date.fromgregorian(date=born).year + years_later
    first = jdatetime.date(year, 1, 1).togregorian()
    last = jdatetime.date(year + 1, 1, 1).togregorian() - timedelta(days=1)
    greeted = [d for d in common.days(first, last) if md in common.anniversary_mds(d)]
    assert greeted == [common.anniversary_in(md, year)]
    j = jdatetime.date.fromgregorian(date=greeted[0])
    if md == (12, 30) and not j.isleap():
        assert (j.month, j.day) == (12, 29)
    else:
        assert (j.month, j.day) == md


def test_30_esfand_in_leap_and_common_years() -> None:
    assert jdatetime.date(1403, 1, 1).isleap() and not jdatetime.date(1404, 1, 1).isleap()
    assert common.anniversary_in((12, 30), 1403) == date(2025, 3, 20)  # 30 Esfand 1403
    assert common.anniversary_in((12, 30), 1404) == date(2026, 3, 20)  # 29 Esfand 1404
    assert common.anniversary_mds(date(2026, 3, 20)) == ((12, 29), (12, 30))
    assert common.anniversary_mds(date(2025, 3, 19)) == ((12, 29),)  # leap: 30th follows


def test_a_kinds_extra_placeholders_are_its_own() -> None:
    body = "نوبت شما {appointment_date} ساعت {ساعت_نوبت}"
    assert placeholders.render(body, {"appointment_date": "۱۴۰۵/۰۹/۱۰",
                                      "appointment_time": "۱۰:۳۰"}, "body",
                               placeholders.KIND_PLACEHOLDERS["appointment_reminder"]) == (
        "نوبت شما ۱۴۰۵/۰۹/۱۰ ساعت ۱۰:۳۰")
    import pytest

    from crm_desktop.domain.errors import ValidationError

    with pytest.raises(ValidationError) as refused:
        placeholders.parse(body)  # a campaign message has no appointment
    assert refused.value.errors[0].code == "placeholder.unknown"
    assert "renewal_date" in placeholders.for_kind("renewal")
    assert "renewal_date" not in placeholders.for_kind("birthday")
