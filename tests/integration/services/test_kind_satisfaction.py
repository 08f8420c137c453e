"""The satisfaction request rule: `due` in a real database, at the send hour of the day
`days_after` days after the closing, on Tehran's clock."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crm_desktop.db import models as m
from crm_desktop.domain import clock
from crm_desktop.domain.errors import ValidationError
from crm_desktop.services.automation.kinds.satisfaction import KIND
from tests.integration.services.kinds_world import T0, contact, due, next_due, place, spec

H = timedelta(hours=1)


def won_stage(core) -> int:
    return next(s["id"] for s in core.stages.list() if s["outcome"] == "won")


def closed_ticket(core, who: int, at: datetime) -> int:
    tid = core.tickets.create({"subject": "چاپگر", "contact_id": who})
    core.tickets.close(tid, None)
    place(core, m.Ticket, tid, closed_at=at)
    return tid


def won_deal(core, who: int, at: datetime, **values) -> int:
    did = core.deals.create({"title": "قرارداد پشتیبانی", "contact_id": who, **values})
    core.deals.move(did, won_stage(core))
    place(core, m.Deal, did, closed_at=at)
    return did


def test_a_closed_ticket_is_asked_at_the_send_hour_the_next_day(core) -> None:
    who = contact(core)
    # 23:50 in Tehran on 10 Azar (20:20 UTC): the next day is 11 Azar, at 10:00 Tehran
    closed = clock.at(date(2026, 12, 1), time(23, 50))
    tid = closed_ticket(core, who, closed)
    rule = spec(KIND, {"days_after": 1, "send_hour": 10})
    when = clock.at(date(2026, 12, 2), time(10))
    assert due(core, KIND, rule, when - timedelta(seconds=1)) == []
    [found] = due(core, KIND, rule, when)
    assert found.due_at == when
    assert (found.entity, found.entity_id, found.contact_id, found.action) == (
        "ticket", tid, who, "sms")
    assert found.key == f"satisfaction:ticket:{tid}:2026-12-01T20:20:00"
    assert found.values["ticket_number"].startswith("T-1405-")
    assert found.values["expects_reply"] is True
    assert next_due(core, KIND, rule, when - H) == when
    # three days late is the limit
    assert len(due(core, KIND, rule, when + timedelta(days=3, seconds=-1))) == 1
    assert due(core, KIND, rule, when + timedelta(days=3)) == []


def test_a_won_deal_is_asked_and_a_scored_or_trashed_one_is_not(core) -> None:
    who = contact(core)
    did = won_deal(core, who, T0)
    scored = won_deal(core, who, T0)
    place(core, m.Deal, scored, satisfaction=5)
    trashed = won_deal(core, who, T0)
    core.deals.delete(trashed)
    core.deals.create({"title": "باز", "contact_id": who})  # open: nothing to ask
    rule = spec(KIND, {"days_after": 2, "send_hour": 9})
    [found] = due(core, KIND, rule, T0 + timedelta(days=2, hours=6))
    assert (found.entity, found.entity_id) == ("deal", did)
    assert found.values["deal_title"] == "قرارداد پشتیبانی"
    assert found.due_at == clock.at(date(2026, 12, 3), time(9))
    assert due(core, KIND, spec(KIND, {"days_after": 2, "deals": False}),
               T0 + timedelta(days=2, hours=6)) == []


def test_a_same_day_request_after_the_hour_goes_at_once(core) -> None:
    who = contact(core)
    closed_ticket(core, who, T0)  # 15:30 Tehran, after 10:00
    [found] = due(core, KIND, spec(KIND, {"days_after": 0, "send_hour": 10}), T0 + H)
    assert found.due_at == T0


def test_trashed_contacts_and_reopened_tickets_are_not_asked(core) -> None:
    who = contact(core)
    tid = closed_ticket(core, who, T0)
    core.tickets.reopen(tid)
    gone = contact(core, "مینا کاظمی", mobile="09351234567")
    closed_ticket(core, gone, T0)
    core.contacts.delete(gone)
    assert due(core, KIND, spec(KIND), T0 + timedelta(days=1, hours=6)) == []


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(minutes=st.integers(-24 * 60, 24 * 60), days=st.integers(0, 5),
       hour=st.integers(0, 23), day=st.sampled_from([date(2026, 12, 21), date(2027, 3, 20),
                                                     date(2028, 3, 19)]))
def test_due_time_around_midnight_and_month_ends(core, minutes, days, hour, day) -> None:
    """Closed a day either side of Tehran's midnight at a Jalali month's or year's end
    (30 Azar; 29 Esfand 1405; 29 Esfand 1406 of a leap year): due `days` Tehran days after
    the closing day at `hour`, never before the closing."""
    closed = clock.at(day, time(0)) + timedelta(minutes=minutes)
    who = contact(core)
    tid = closed_ticket(core, who, closed)
    rule = spec(KIND, {"days_after": days, "send_hour": hour}, catch_up=timedelta(days=30))
    try:
        found = [d for d in due(core, KIND, rule, closed + timedelta(days=days + 1))
                 if d.entity_id == tid]
        assert len(found) == 1
        at = found[0].due_at
        wall = at.astimezone(clock.business_tz())
        closing_day = closed.astimezone(clock.business_tz()).date()
        if at == closed:
            assert days == 0 and closed.astimezone(clock.business_tz()).hour >= hour
        else:
            assert at > closed
            assert wall.date() == closing_day + timedelta(days=days)
            assert (wall.hour, wall.minute) == (hour, 0)
        assert tid not in {d.entity_id for d in
                           due(core, KIND, rule, at - timedelta(microseconds=1))}
    finally:
        core.tickets.delete(tid)


@pytest.mark.parametrize(("settings_", "field"), [
    ({"days_after": -1}, "days_after"),
    ({"send_hour": 24}, "send_hour"),
    ({"tickets": "yes"}, "tickets"),
    ({"catch_up_days": 31}, "catch_up_days"),
    ({"body": "{appointment_time}"}, "body"),
])
def test_settings_refused_name_the_field(settings_, field) -> None:
    with pytest.raises(ValidationError) as err:
        KIND.clean(settings_)
    assert field in err.value.fields


def test_settings_accept_their_placeholders() -> None:
    assert KIND.clean(KIND.defaults()) == KIND.defaults()
    KIND.clean({"body": "{شماره_تیکت} {deal_title}", "channel": "email", "subject": "نظر"})
