"""The club's daily work, done by every automation run: birthday points once a Jalali year
to members whose birthday it is (30 Esfand on 29 Esfand in a common year), never to
non-members, never while the club is off; points that fell due expire."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import jdatetime
import pytest
from sqlalchemy import select

from crm_desktop.core import Core
from crm_desktop.db import models as m
from crm_desktop.domain import clock

RATE = 1_000


def _stage(core: Core, outcome: str) -> int:
    return next(s["id"] for s in core.stages.list() if s["outcome"] == outcome)


def _member(core: Core, name: str, birthday: date | None) -> int:
    """A contact with one purchase (a club member: it has a balance row)."""
    contact = core.contacts.create({"last_name": name, "birthday": birthday})
    deal = core.deals.create({"title": "خرید", "contact_id": contact,
                              "amount_rial": 2_000_000})
    core.deals.move(deal, _stage(core, "won"))
    return contact


def _at(day: date, hour: int = 10) -> datetime:
    return clock.at(day, datetime.min.time().replace(hour=hour))


def _birthday_rows(core: Core, contact: int) -> list[tuple[int, int]]:
    L = m.ClubLedger
    with core.db.read() as session:
        return [tuple(r) for r in session.execute(
            select(L.points, L.source_id).where(L.contact_id == contact, L.kind == "birthday"))]


@pytest.fixture
def club(core: Core) -> Core:
    core.club.set_settings({"enabled": True, "rial_per_point": RATE, "point_value_rial": 100,
                            "expiry_months": 12, "birthday_points": 50})
    return core


def test_members_get_birthday_points_once_a_year_by_the_automation_run(club: Core) -> None:
    today = jdatetime.date(1405, 9, 10).togregorian()
    born = jdatetime.date(1370, 9, 10).togregorian()
    member = _member(club, "رضایی", born)
    other_day = _member(club, "کریمی", born + timedelta(days=1))
    not_member = club.contacts.create({"last_name": "احمدی", "birthday": born})
    before = club.club.of_contact(member)["balance"]

    report = club.automation.run(now=_at(today))
    assert report.birthday_points == 1
    assert _birthday_rows(club, member) == [(50, 1405)]
    assert club.club.of_contact(member)["balance"] == before + 50
    assert _birthday_rows(club, other_day) == []
    assert _birthday_rows(club, not_member) == []
    # later that day, and a second process: nothing more
    assert club.automation.run(now=_at(today, 18)).birthday_points == 0
    assert _birthday_rows(club, member) == [(50, 1405)]
    # a dry run gives nothing
    next_year = jdatetime.date(1406, 9, 10).togregorian()
    assert club.automation.run(now=_at(next_year), dry_run=True).birthday_points == 0
    assert len(_birthday_rows(club, member)) == 1
    # the next Jalali year: again
    assert club.automation.run(now=_at(next_year)).birthday_points == 1
    assert sorted(_birthday_rows(club, member)) == [(50, 1405), (50, 1406)]


def test_30_esfand_comes_round_on_29_esfand_in_a_common_year(club: Core) -> None:
    born = jdatetime.date(1399, 12, 30).togregorian()  # 1399 is a leap year
    member = _member(club, "نوروزی", born)
    assert not jdatetime.date(1404, 1, 1).isleap()
    day = jdatetime.date(1404, 12, 29).togregorian()
    assert club.club.award_birthdays(_at(day)) == 1
    assert _birthday_rows(club, member) == [(50, 1404)]


def test_no_birthday_points_while_the_club_is_off_or_gives_none(club: Core) -> None:
    born = jdatetime.date(1375, 2, 3).togregorian()
    member = _member(club, "صالحی", born)
    day = jdatetime.date(1405, 2, 3).togregorian()
    club.club.set_settings({"birthday_points": 0})
    assert club.club.award_birthdays(_at(day)) == 0
    club.club.set_settings({"birthday_points": 20, "enabled": False})
    assert club.club.award_birthdays(_at(day)) == 0
    assert _birthday_rows(club, member) == []


def test_the_automation_run_expires_points_that_fell_due(club: Core) -> None:
    member = _member(club, "مرادی", None)
    assert club.club.of_contact(member)["balance"] == 2000
    later = clock.now_utc() + timedelta(days=400)
    report = club.automation.run(now=later)
    assert report.points_expired == 2000
    assert club.club.of_contact(member)["balance"] == 0
    assert club.automation.run(now=later).points_expired == 0
