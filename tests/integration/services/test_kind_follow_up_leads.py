"""The follow-up and lead assignment rules: `due` in a real database."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crm_desktop.db import models as m
from crm_desktop.db.types import utcnow
from crm_desktop.domain import clock
from crm_desktop.domain.errors import ValidationError
from crm_desktop.services.automation.kinds.follow_up import KIND as FOLLOW_UP
from crm_desktop.services.automation.kinds.lead_assignment import KIND as LEADS
from tests.integration.services.kinds_world import (
    T0,
    add_log,
    add_rule_row,
    contact,
    due,
    next_due,
    place,
    spec,
)

DAY = timedelta(days=1)


def user(core, name: str) -> int:
    return core.users.create({"username": f"user_{name}", "display_name": name})


def quiet_deal(core, who: int | None, owner: int | None = None) -> int:
    did = core.deals.create({"title": "خرید تجهیزات", "contact_id": who, "owner_id": owner})
    place(core, m.Deal, did, stage_changed_at=T0, created_at=T0)
    return did


def test_a_deal_quiet_for_n_days_gets_one_task_for_its_owner(core) -> None:
    sara = user(core, "sara")
    who = contact(core)
    did = quiet_deal(core, who, sara)
    rule = spec(FOLLOW_UP, {"quiet_days": 7})
    assert due(core, FOLLOW_UP, rule, T0 + 7 * DAY - timedelta(seconds=1)) == []
    [found] = due(core, FOLLOW_UP, rule, T0 + 7 * DAY)
    assert (found.key, found.action, found.contact_id, found.entity_id) == (
        f"follow_up:{did}:2026-12-01", "task", who, did)
    assert found.values["task_owner_id"] == sara
    assert found.values["deal_id"] == did and found.values["deal_title"] == "خرید تجهیزات"
    # still quiet a month later: followed up however late the run is
    assert len(due(core, FOLLOW_UP, rule, T0 + 40 * DAY)) == 1
    assert next_due(core, FOLLOW_UP, rule, T0) == T0 + 7 * DAY


def test_an_activity_or_a_stage_change_starts_a_new_quiet_spell(core) -> None:
    who = contact(core)
    did = quiet_deal(core, who)
    rule = spec(FOLLOW_UP, {"quiet_days": 7})
    call = core.activities.create({"kind": "call", "subject": "تماس", "deal_id": did,
                                   "contact_id": who})
    place(core, m.Activity, call, created_at=T0 + 3 * DAY)
    assert due(core, FOLLOW_UP, rule, T0 + 8 * DAY) == []
    [found] = due(core, FOLLOW_UP, rule, T0 + 10 * DAY)
    assert found.key == f"follow_up:{did}:2026-12-04"
    assert found.due_at == T0 + 10 * DAY


def test_a_task_a_rule_made_counts_only_once_done(core) -> None:
    who = contact(core)
    did = quiet_deal(core, who)
    rule_id = add_rule_row(core, "follow_up")
    rule = spec(FOLLOW_UP, {"quiet_days": 7}, rule_id=rule_id)
    task = core.activities.create({"kind": "task", "subject": "پیگیری", "deal_id": did,
                                   "contact_id": who})
    place(core, m.Activity, task, created_at=T0 + 7 * DAY)
    add_log(core, rule_id, f"follow_up:{did}:2026-12-01", "task", activity_id=task,
            contact_id=who)
    # the ignored task does not start a new spell: the key stays the first spell's
    assert [d.key for d in due(core, FOLLOW_UP, rule, T0 + 20 * DAY)] == [
        f"follow_up:{did}:2026-12-01"]
    core.activities.complete(task)
    place(core, m.Activity, task, done_at=T0 + 9 * DAY)
    assert [d.key for d in due(core, FOLLOW_UP, rule, T0 + 20 * DAY)] == [
        f"follow_up:{did}:2026-12-10"]


def test_closed_trashed_and_older_than_the_rule_are_left(core) -> None:
    who = contact(core)
    won = quiet_deal(core, who)
    core.deals.move(won, next(s["id"] for s in core.stages.list() if s["outcome"] == "won"))
    trashed = quiet_deal(core, who)
    core.deals.delete(trashed)
    gone = contact(core, "مینا کاظمی", mobile="09351234567")
    quiet_deal(core, gone)
    core.contacts.delete(gone)
    assert due(core, FOLLOW_UP, spec(FOLLOW_UP), T0 + 30 * DAY) == []
    fresh = quiet_deal(core, who)
    late_rule = spec(FOLLOW_UP, enabled_at=T0 + 8 * DAY)
    assert due(core, FOLLOW_UP, late_rule, T0 + 30 * DAY) == []
    assert [d.entity_id for d in due(core, FOLLOW_UP, spec(FOLLOW_UP), T0 + 30 * DAY)] == [
        fresh]


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(minutes=st.integers(-300, 300), quiet=st.integers(1, 40))
def test_a_spell_is_named_by_its_tehran_day(core, minutes, quiet) -> None:
    """A stage change either side of midnight in Tehran at the end of Esfand: the key
    names the Tehran day the spell began; due exactly `quiet` days later."""
    began = clock.at(date(2027, 3, 21), time(0)) + timedelta(minutes=minutes)
    did = core.deals.create({"title": "قرارداد"})
    place(core, m.Deal, did, stage_changed_at=began)
    rule = spec(FOLLOW_UP, {"quiet_days": quiet})
    try:
        [found] = [d for d in due(core, FOLLOW_UP, rule, began + quiet * DAY)
                   if d.entity_id == did]
        assert found.key == f"follow_up:{did}:{clock.local_day(began).isoformat()}"
        assert found.due_at == began + quiet * DAY
        assert clock.local_day(began) == (date(2027, 3, 20) if minutes < 0
                                          else date(2027, 3, 21))
        assert did not in {d.entity_id for d in
                           due(core, FOLLOW_UP, rule, began + quiet * DAY - timedelta(seconds=1))}
    finally:
        core.deals.delete(did)


def test_the_task_owner_setting(core) -> None:
    sara, reza = user(core, "sara"), user(core, "reza")
    who = contact(core, owner_id=reza)
    quiet_deal(core, who)  # no owner: the contact's owner
    [found] = due(core, FOLLOW_UP, spec(FOLLOW_UP), T0 + 8 * DAY)
    assert found.values["task_owner_id"] == reza
    [found] = due(core, FOLLOW_UP, spec(FOLLOW_UP, {"task_owner": sara}), T0 + 8 * DAY)
    assert found.values["task_owner_id"] == sara


# -- lead assignment ----------------------------------------------------------------------
def lead(core, name: str, mobile: str, **values) -> int:
    return contact(core, name, mobile=mobile, lifecycle_stage="lead", **values)


def test_round_robin_takes_the_users_in_turn_from_the_last_assignment(core) -> None:
    a, b, c = user(core, "a"), user(core, "b"), user(core, "c")
    ids = [lead(core, f"سرنخ {i}", f"0912000000{i}") for i in range(4)]
    rule_id = add_rule_row(core, "lead_assignment")
    rule = spec(LEADS, {"users": [a, b, c]}, rule_id=rule_id)
    now = utcnow() + timedelta(hours=1)
    found = due(core, LEADS, rule, now)
    assert [d.contact_id for d in found] == ids
    assert [d.values["owner_id"] for d in found] == [a, b, c, a]
    assert {d.action for d in found} == {"assign"} and found[0].key == f"lead:{ids[0]}"
    # the first was assigned by an earlier run: the turn carries on from there
    add_log(core, rule_id, f"lead:{ids[0]}", "assign", contact_id=ids[0])
    found = due(core, LEADS, rule, now)
    assert [(d.contact_id, d.values["owner_id"]) for d in found] == [
        (ids[1], b), (ids[2], c), (ids[3], a)]
    core.users.update(b, {"active": False})
    assert [d.values["owner_id"] for d in due(core, LEADS, rule, now)] == [c, a, c]


def test_by_city_and_by_source_with_a_fallback(core) -> None:
    a, b, z = user(core, "a"), user(core, "b"), user(core, "z")
    karaj = lead(core, "سرنخ کرج", "09120000001", city="كرج")  # Arabic kaf
    tehran = lead(core, "سرنخ تهران", "09120000002", city="تهران", source="instagram")
    nowhere = lead(core, "سرنخ بی‌شهر", "09120000003")
    now = utcnow() + timedelta(hours=1)
    by_city = spec(LEADS, {"method": "city", "by_city": {"کرج": a, "تهران": b},
                           "fallback_user": z})
    assert {d.contact_id: d.values["owner_id"] for d in due(core, LEADS, by_city, now)} == {
        karaj: a, tehran: b, nowhere: z}
    by_source = spec(LEADS, {"method": "source", "by_source": {"instagram": a}})
    assert [(d.contact_id, d.values["owner_id"])
            for d in due(core, LEADS, by_source, now)] == [(tehran, a)]


def test_only_new_unowned_live_leads(core) -> None:
    """Unowned: no owner, or the one who wrote the lead down (the default owner)."""
    a = user(core, "a")
    owned = lead(core, "سرنخ دارای مسئول", "09120000001", owner_id=a)
    nobodys = lead(core, "سرنخ بی‌مسئول", "09120000005", owner_id=None)
    customer = contact(core, "مشتری", mobile="09120000002", lifecycle_stage="customer")
    gone = lead(core, "سرنخ حذف‌شده", "09120000003")
    core.contacts.delete(gone)
    fresh = lead(core, "سرنخ تازه", "09120000004")
    now = utcnow() + timedelta(hours=1)
    assert [d.contact_id for d in due(core, LEADS, spec(LEADS, {"users": [a]}), now)] == [
        nobodys, fresh]
    everyone = spec(LEADS, {"users": [a], "only_unowned": False})
    assert [d.contact_id for d in due(core, LEADS, everyone, now)] == [owned, nobodys, fresh]
    assert customer not in {d.contact_id for d in due(core, LEADS, everyone, now)}
    # switched on after they came: not theirs
    assert due(core, LEADS, spec(LEADS, {"users": [a]}, enabled_at=now), now) == []
    assert next_due(core, LEADS, spec(LEADS, {"users": [a]}), now) is None
    # a new rule has no users yet: it does nothing, a fallback user takes every lead
    assert due(core, LEADS, spec(LEADS), now) == []
    assert len(due(core, LEADS, spec(LEADS, {"fallback_user": a}), now)) == 2


@pytest.mark.parametrize(("settings_", "field"), [
    ({"method": "lottery", "users": [1]}, "method"),
    ({"users": "1,2"}, "users"),
    ({"users": [1, -2]}, "users"),
    ({"users": [1], "by_source": {"tv": 1}}, "by_source"),
    ({"users": [1], "by_city": {"": 1}}, "by_city"),
    ({"users": [1], "fallback_user": "x"}, "fallback_user"),
])
def test_lead_settings_refused_name_the_field(settings_, field) -> None:
    with pytest.raises(ValidationError) as err:
        LEADS.clean(settings_)
    assert field in err.value.fields


@pytest.mark.parametrize(("settings_", "field"), [
    ({"quiet_days": 0}, "quiet_days"),
    ({"task_subject": ""}, "task_subject"),
    ({"task_owner": "boss"}, "task_owner"),
])
def test_follow_up_settings_refused_name_the_field(settings_, field) -> None:
    with pytest.raises(ValidationError) as err:
        FOLLOW_UP.clean(settings_)
    assert field in err.value.fields


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(["method", "users", "by_city", "by_source",
                                        "fallback_user", "only_unowned", "quiet_days",
                                        "task_owner", "task_subject", "other"]),
                       st.one_of(st.none(), st.integers(), st.text(max_size=8),
                                 st.lists(st.integers(-3, 3), max_size=3),
                                 st.dictionaries(st.text(max_size=4), st.integers(-2, 2),
                                                 max_size=2),
                                 st.floats(allow_nan=True), st.booleans())))
def test_hostile_settings_are_checked_or_refused(settings_) -> None:
    for kind in (LEADS, FOLLOW_UP):
        try:
            cleaned = kind.clean(settings_)
        except ValidationError as err:
            assert err.fields
        else:
            assert kind.clean(cleaned) == cleaned
