"""The birthday rule's due computation against an oracle written with jdatetime alone, at
random instants (around midnight in Tehran, at Jalali month ends and leap years)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import jdatetime
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from crm_desktop.core import Core
from crm_desktop.db import models as m
from crm_desktop.services.automation import engine
from tests.integration.services.automation_world import rule

TEHRAN = ZoneInfo("Asia/Tehran")
#: birthdays on the days that move: month ends, 29 and 30 Esfand, Nowruz, Feb 29
BIRTHDAYS = [jdatetime.date(y, mo, d).togregorian() for y, mo, d in [
    (1369, 12, 29), (1370, 12, 29), (1375, 12, 30), (1399, 12, 30), (1370, 1, 1),
    (1371, 1, 1), (1365, 6, 31), (1380, 7, 1), (1390, 11, 30), (1354, 12, 1)]] + [
    date(1992, 2, 29), date(1990, 12, 31), date(2000, 3, 20), date(2001, 3, 21)]


def oracle(born: date, day: date) -> bool:
    """Is `day` the birthday, by the Jalali calendar (30 Esfand on 29 Esfand in a
    common year)?"""
    b = jdatetime.date.fromgregorian(date=born)
    d = jdatetime.date.fromgregorian(date=day)
    if d.year <= b.year:
        return False
    month, dom = b.month, b.day
    if (month, dom) == (12, 30) and not d.isleap():
        dom = 29
    return (d.month, d.day) == (month, dom)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Core, dict[int, date]]]:
    path: Path = tmp_path_factory.mktemp("due") / "crm.sqlite3"
    with Core.open(path) as core:
        born = {core.contacts.create({"last_name": f"نفر {n}", "birthday": b}): b
                for n, b in enumerate(BIRTHDAYS)}
        for hour in (0, 9):
            rule(core, "birthday", {"send_hour": hour}, name=f"h{hour}")
        yield core, born


@settings(max_examples=60, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.datetimes(datetime(2025, 1, 1), datetime(2031, 12, 31)))
@example(datetime(2026, 3, 19, 20, 30))  # 00:00 on 29 Esfand 1404 (no 30 Esfand) in Tehran
@example(datetime(2026, 3, 19, 20, 29))  # 23:59 on 28 Esfand 1404
@example(datetime(2025, 3, 19, 20, 30))  # 00:00 on 30 Esfand 1403 (leap)
@example(datetime(2025, 3, 20, 20, 30))  # 00:00 on 1 Farvardin 1404
@example(datetime(2026, 9, 22, 20, 30))  # 00:00 on 31 Shahrivar 1405
def test_birthdays_due_at_any_instant(world: tuple[Core, dict[int, date]],
                                      naive: datetime) -> None:
    core, born = world
    now = naive.replace(tzinfo=UTC)
    wall = now.astimezone(TEHRAN)
    with core.db.read() as session:
        for row in session.query(m.AutomationRule).filter(m.AutomationRule.enabled):
            hour = int(row.name[1:])
            _spec, steps = engine.plan(session, row, now)
            got = {s.due.contact_id for s in steps}
            expected = {c for c, b in born.items()
                        if oracle(b, wall.date()) and wall.time() >= time(hour)}
            assert got == expected, (hour, wall)
            for s in steps:  # due at the send hour of that Tehran day, keyed by its year
                assert s.due.due_at == datetime.combine(
                    wall.date(), time(hour), TEHRAN).astimezone(UTC)
                year = jdatetime.date.fromgregorian(date=wall.date()).year
                assert s.due.key == f"birthday:{s.due.contact_id}:{year}"
