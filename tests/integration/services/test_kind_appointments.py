"""The appointment reminder and appointment feedback rules: what `due` finds in a real
database, around the appointment's start, Tehran's midnight and the catch-up limit."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import jdatetime
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crm_desktop.db import models as m
from crm_desktop.domain import clock
from crm_desktop.domain.appointments import is_appointment
from crm_desktop.domain.errors import ValidationError
from crm_desktop.services.automation.kinds.appointment_feedback import KIND as FEEDBACK
from crm_desktop.services.automation.kinds.appointment_reminder import KIND as REMINDER
from tests.integration.services.kinds_world import T0, contact, due, next_due, place, spec

H = timedelta(hours=1)


def meeting(core, who: int | None, start: datetime, **values) -> int:
    return core.activities.create({"kind": values.pop("kind", "meeting"),
                                   "subject": "ویزیت", "contact_id": who, "due_at": start,
                                   **values})


def test_is_appointment_is_the_calendars_rule() -> None:
    at = T0
    assert is_appointment({"kind": "meeting", "due_at": at})
    assert is_appointment({"kind": "call", "due_at": at, "duration_minutes": 30})
    assert not is_appointment({"kind": "call", "due_at": at})
    assert not is_appointment({"kind": "meeting", "due_at": None})
    assert not is_appointment({"kind": "meeting", "due_at": at, "due_all_day": True})


def test_reminder_is_due_hours_before_and_never_after_the_start(core) -> None:
    who = contact(core)
    start = T0 + 30 * H
    aid = meeting(core, who, start)
    rule = spec(REMINDER, {"hours_before": 24})
    assert due(core, REMINDER, rule, start - 24 * H - timedelta(seconds=1)) == []
    [found] = due(core, REMINDER, rule, start - 24 * H)
    assert found.key == f"reminder:{aid}:2026-12-02T18:00:00"
    assert (found.contact_id, found.action, found.entity, found.entity_id) == (
        who, "sms", "activity", aid)
    assert found.due_at == start - 24 * H
    # 18:00 UTC is 21:30 in Tehran, on 12 Azar 1405
    assert found.values == {"appointment_date": "۱۴۰۵/۰۹/۱۱", "appointment_time": "۲۱:۳۰"}
    # the program was closed: the reminder still goes while the appointment has not begun,
    # whatever the catch-up limit
    assert len(due(core, REMINDER, rule, start - H, since=start - H - timedelta(minutes=15))) == 1
    assert due(core, REMINDER, rule, start) == []
    assert next_due(core, REMINDER, rule, T0) == start - 24 * H


def test_a_reminder_waits_for_the_rule_to_be_switched_on(core) -> None:
    who = contact(core)
    start = T0 + 30 * H
    meeting(core, who, start)
    late = spec(REMINDER, {"hours_before": 24}, enabled_at=start - 2 * H)
    assert due(core, REMINDER, late, start - H) == []


def test_only_open_appointments_of_live_contacts_are_reminded(core) -> None:
    who, gone = contact(core), contact(core, "مینا کاظمی", mobile="09351234567")
    start = T0 + 2 * H
    kept = {
        meeting(core, who, start),
        meeting(core, who, start, kind="call", duration_minutes=45),
    }
    meeting(core, who, start, kind="call")  # a call at a time is not an appointment
    meeting(core, who, start, kind="task", due_all_day=True)
    meeting(core, None, start)  # nobody to write to
    done = meeting(core, who, start)
    core.activities.complete(done)
    meeting(core, gone, start)
    core.contacts.delete(gone)
    found = due(core, REMINDER, spec(REMINDER, {"hours_before": 3}), T0)
    assert {d.entity_id for d in found} == kept


def test_a_moved_appointment_is_reminded_again(core) -> None:
    who = contact(core)
    aid = meeting(core, who, T0 + 10 * H)
    rule = spec(REMINDER, {"hours_before": 24})
    [first] = due(core, REMINDER, rule, T0)
    core.activities.update(aid, {"due_at": T0 + 12 * H})
    [second] = due(core, REMINDER, rule, T0)
    assert first.key != second.key and second.key.endswith("T00:00:00")


def test_each_occurrence_of_a_repeating_appointment_is_reminded(core) -> None:
    who = contact(core)
    aid = meeting(core, who, T0 + 2 * H, recurrence="daily")
    rule = spec(REMINDER, {"hours_before": 2})
    keys = [d.key for d in due(core, REMINDER, rule, T0)]
    assert keys == [f"reminder:{aid}:2026-12-01T14:00:00"]
    keys = [d.key for d in due(core, REMINDER, rule, T0 + 24 * H)]
    assert keys == [f"reminder:{aid}:2026-12-02T14:00:00"]
    core.activities.skip_occurrence(aid, date(2026, 12, 3))
    assert due(core, REMINDER, rule, T0 + 48 * H) == []
    assert next_due(core, REMINDER, rule, T0 + 48 * H) == T0 + 72 * H


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(minutes=st.integers(-180, 180), hours=st.integers(1, 72))
def test_reminder_around_tehran_midnight(core, minutes: int, hours: int) -> None:
    """Appointments a few hours either side of midnight in Tehran: due exactly `hours`
    before, and their day is the Tehran day in Jalali."""
    midnight = clock.at(date(2027, 3, 20), datetime.min.time())  # 29 Esfand 1405 ends
    start = midnight + timedelta(minutes=minutes)
    who = contact(core)
    aid = meeting(core, who, start)
    rule = spec(REMINDER, {"hours_before": hours})
    try:
        found = [d for d in due(core, REMINDER, rule, start - hours * H) if d.entity_id == aid]
        assert len(found) == 1
        local = start.astimezone(clock.business_tz())
        jalali = jdatetime.date.fromgregorian(date=local.date())
        assert found[0].values["appointment_date"] == jalali.strftime("%Y/%m/%d").translate(
            str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
        earlier = due(core, REMINDER, rule, start - hours * H - timedelta(microseconds=1))
        assert aid not in {d.entity_id for d in earlier}
    finally:
        core.activities.delete(aid)


def test_feedback_is_due_hours_after_it_is_done_within_the_catch_up(core) -> None:
    who = contact(core)
    aid = meeting(core, who, T0 - 3 * H)
    rule = spec(FEEDBACK, {"hours_after": 2, "catch_up_days": 2},
                catch_up=timedelta(days=2))
    core.activities.complete(aid)
    place(core, m.Activity, aid, done_at=T0)
    assert due(core, FEEDBACK, rule, T0 + 2 * H - timedelta(seconds=1)) == []
    [found] = due(core, FEEDBACK, rule, T0 + 2 * H)
    assert (found.key, found.due_at, found.action) == (f"feedback:{aid}", T0 + 2 * H, "sms")
    assert found.values["expects_reply"] is True
    assert found.values["appointment_time"] == "۱۲:۳۰"  # 09:00 UTC in Tehran
    assert len(due(core, FEEDBACK, rule, T0 + 2 * H + timedelta(days=2, seconds=-1))) == 1
    # due for as long as the catch-up limit: left, never asked late
    assert due(core, FEEDBACK, rule, T0 + 2 * H + timedelta(days=2)) == []
    assert next_due(core, FEEDBACK, rule, T0 + H) == T0 + 2 * H


def test_feedback_skips_open_and_other_activities(core) -> None:
    who = contact(core)
    meeting(core, who, T0 - 3 * H)  # not done
    call = meeting(core, who, T0 - 3 * H, kind="call")
    core.activities.complete(call)
    place(core, m.Activity, call, done_at=T0)
    rule = spec(FEEDBACK, {"hours_after": 0})
    assert due(core, FEEDBACK, rule, T0 + H) == []


@pytest.mark.parametrize(("settings_", "field"), [
    ({"channel": "task"}, "channel"),
    ({"hours_before": 0}, "hours_before"),
    ({"hours_before": "بیست"}, "hours_before"),
    ({"channel": "email", "subject": ""}, "subject"),
    ({"body": "{first_name} {ticket_number}"}, "body"),
    ({"body": "{"}, "body"),
    ({"colour": "red"}, "colour"),
])
def test_reminder_settings_refused_name_the_field(settings_, field) -> None:
    with pytest.raises(ValidationError) as err:
        REMINDER.clean(settings_)
    assert field in err.value.fields


def test_reminder_settings_accept_its_placeholders_and_persian_names() -> None:
    cleaned = REMINDER.clean({"body": "نوبت {تاریخ_نوبت} ساعت {appointment_time}",
                              "hours_before": "۴۸"})
    assert cleaned["hours_before"] == 48 and cleaned["channel"] == "sms"
    assert REMINDER.clean(REMINDER.defaults()) == REMINDER.defaults()
    assert FEEDBACK.clean(FEEDBACK.defaults()) == FEEDBACK.defaults()


def test_t0_is_what_the_tests_say() -> None:
    assert T0.astimezone(clock.business_tz()).hour == 15
    assert T0.tzinfo is UTC
