"""The contact filter of dynamic lists: the SQL condition finds exactly the contacts a plain
Python reading of the same document finds (hypothesis, over random documents and one
database with every edge), hostile documents are refused naming the criterion, and the
Jalali birthday month is right on the days Nowruz moves."""

from __future__ import annotations

import json
import random
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import jdatetime
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import insert, select

from crm_desktop.core import Core
from crm_desktop.db import models as m
from crm_desktop.domain import clock
from crm_desktop.domain.enums import ContactSource, Gender, LifecycleStage
from crm_desktop.domain.errors import ValidationError
from crm_desktop.services import contact_filter as cf
from crm_desktop.services import fields as f
from crm_desktop.text.money import MAX_RIALS

SETTINGS = settings(max_examples=150, deadline=None, database=None,
                    suppress_health_check=list(HealthCheck))

CITIES = ["تهران", "شیراز", "اصفهان", None]
TAGS = ["VIP", "عمده", "نمایشگاه", "وفادار"]
SEGMENTS = ["champions", "loyal", "at_risk", "lost", "no_purchase"]
STAGES = [s.value for s in LifecycleStage]
SOURCES = [s.value for s in ContactSource]
GENDERS = [g.value for g in Gender]
#: days on which Nowruz, and with it every month boundary, moves between years
EDGE_BIRTHDAYS = [
    date(2024, 3, 19), date(2024, 3, 20), date(2024, 3, 21),  # 1402/12/29, 1403/01/01, 01/02
    date(2025, 3, 20), date(2025, 3, 21),  # 1403/12/30 (a leap Esfand), 1404/01/01
    date(2023, 3, 20), date(2023, 3, 21),  # 1401/12/29, 1402/01/01
    date(2021, 3, 20), date(2020, 3, 20),  # 1399/12/30, 1399/01/01
    date(2024, 2, 29), date(2024, 2, 19), date(2024, 2, 20), date(2023, 2, 19),
    date(2023, 2, 20), date(1990, 12, 21), date(1990, 12, 22), date(1991, 1, 20),
    date(1991, 1, 21), date(2000, 9, 22), date(2000, 9, 23), date(1999, 9, 23),
    f.DATE_MIN, f.DATE_MAX, date(1925, 3, 21), date(1925, 3, 22), date(2096, 3, 20),
]
NOW = datetime(2026, 11, 20, 12, tzinfo=UTC)


def _instant(rnd: random.Random) -> datetime:
    return NOW - timedelta(days=rnd.randint(0, 60), minutes=rnd.randint(0, 1439))


@pytest.fixture(scope="module")
def world(module_db_target: Path | str) -> Any:
    """90 contacts with every kind of value (some in the Trash), tags, won, lost, open and
    deleted deals, RFM segments; and the same rows as plain dicts for the Python reading."""
    rnd = random.Random(10)
    with Core.open(module_db_target) as core:
        users = [core.actor_id, core.users.create({"username": "sara", "display_name": "سارا"})]
        stages = {s["outcome"]: s["id"] for s in reversed(core.stages.list())}
        people: list[dict[str, Any]] = []
        with core.db.write() as session:
            tag_ids = {}
            for name in TAGS:
                tag = m.Tag(name=name)
                session.add(tag)
                session.flush()
                tag_ids[name] = tag.id
            for i in range(90):
                birthday = (EDGE_BIRTHDAYS[i] if i < len(EDGE_BIRTHDAYS)
                            else rnd.choice([None, date(1960, 1, 1) + timedelta(
                                days=rnd.randint(0, 20000))]))
                p = {
                    "stage": rnd.choice(STAGES), "city": rnd.choice(CITIES),
                    "source": rnd.choice([*SOURCES, None]), "gender": rnd.choice(GENDERS),
                    "birthday": birthday, "created_at": _instant(rnd),
                    "last_activity_at": rnd.choice([None, _instant(rnd)]),
                    "sms": rnd.random() < 0.5, "email": rnd.random() < 0.5,
                    "owner": rnd.choice([*users, None]),
                    "deleted": rnd.random() < 0.1,
                    "tags": set(rnd.sample(TAGS, rnd.randint(0, 3))),
                    "segment": rnd.choice([*SEGMENTS, None]), "won": [],
                }
                c = m.Contact(
                    last_name=f"نفر {i}", full_name=f"نفر {i}", lifecycle_stage=p["stage"],
                    city=p["city"], source=p["source"], gender=p["gender"],
                    birthday=birthday, birth_md=birthday.strftime("%m-%d") if birthday else None,
                    created_at=p["created_at"], last_activity_at=p["last_activity_at"],
                    sms_consent=p["sms"], email_consent=p["email"], owner_id=p["owner"],
                    deleted_at=NOW if p["deleted"] else None,
                )
                session.add(c)
                session.flush()
                p["id"] = c.id
                for name in p["tags"]:
                    session.execute(insert(m.contact_tags).values(contact_id=c.id,
                                                                  tag_id=tag_ids[name]))
                if p["segment"]:
                    session.add(m.ContactRfm(contact_id=c.id, segment=p["segment"]))
                for _ in range(rnd.choice([0, 0, 1, 2, 3])):
                    outcome = rnd.choice(["won", "won", "lost", "open"])
                    amount = rnd.choice([0, 1_000_000, 5_000_000, 20_000_000])
                    gone = rnd.random() < 0.15
                    session.add(m.Deal(title="d", contact_id=c.id, amount_rial=amount,
                                       stage_id=stages[outcome],
                                       deleted_at=NOW if gone else None))
                    if outcome == "won" and not gone:
                        p["won"].append(amount)
                people.append(p)
            session.add(m.Deal(title="no contact", amount_rial=5, stage_id=stages["won"]))
        yield World((core, People(people)))


class People(list):
    def __repr__(self) -> str:  # hypothesis prints the arguments of a failing example
        return f"<{len(self)} contacts>"


class World(tuple):
    def __repr__(self) -> str:
        return "<world>"


def python_reading(spec: cf.ContactFilter, p: dict[str, Any]) -> bool:
    """The same document read in plain Python, one contact at a time."""
    tz = clock.business_tz()

    def local_day(value: datetime) -> date:
        return value.astimezone(tz).date()

    if p["deleted"]:
        return False
    checks = [
        not spec.stages or p["stage"] in spec.stages,
        not spec.cities or p["city"] in spec.cities,
        not spec.sources or p["source"] in spec.sources,
        not spec.genders or p["gender"] in spec.genders,
        not spec.owners or p["owner"] in spec.owners,
        not spec.segments or (p["segment"] or "no_purchase") in spec.segments,
        spec.sms_consent is None or p["sms"] == spec.sms_consent,
        spec.email_consent is None or p["email"] == spec.email_consent,
    ]
    if spec.tags:
        checks.append(bool(p["tags"] & set(spec.tags)) if spec.tags_mode == "any"
                      else set(spec.tags) <= p["tags"])
    if spec.birth_months:
        checks.append(p["birthday"] is not None and
                      jdatetime.date.fromgregorian(date=p["birthday"]).month in spec.birth_months)
    if spec.created_from:
        checks.append(local_day(p["created_at"]) >= spec.created_from)
    if spec.created_to:
        checks.append(local_day(p["created_at"]) <= spec.created_to)
    last = p["last_activity_at"]
    if spec.activity_after:
        checks.append(last is not None and local_day(last) >= spec.activity_after)
    if spec.activity_before:
        checks.append(last is None or local_day(last) < spec.activity_before)
    n, total = len(p["won"]), sum(p["won"])
    for bound, ok in ((spec.won_count_min, lambda b: n >= b),
                      (spec.won_count_max, lambda b: n <= b),
                      (spec.won_total_min, lambda b: total >= b),
                      (spec.won_total_max, lambda b: total <= b)):
        if bound is not None:
            checks.append(ok(bound))
    return all(checks)


def sql_reading(core: Core, spec: cf.ContactFilter) -> set[int]:
    with core.db.read() as session:
        return set(session.scalars(select(m.Contact.id).where(spec.where())))


days = st.dates(date(2026, 9, 15), date(2026, 11, 22))
maybe = st.none() | st.booleans()


@st.composite
def documents(draw: st.DrawFn) -> dict[str, Any]:
    doc: dict[str, Any] = {"version": 1}
    choices = {
        "stages": st.lists(st.sampled_from(STAGES), max_size=3),
        "cities": st.lists(st.sampled_from([c for c in CITIES if c] + ["یزد"]), max_size=2),
        "tags": st.lists(st.sampled_from([*TAGS, "ناموجود"]), max_size=3),
        "tags_mode": st.sampled_from(["any", "all"]),
        "sources": st.lists(st.sampled_from(SOURCES), max_size=3),
        "genders": st.lists(st.sampled_from(GENDERS), max_size=2),
        "birth_months": st.lists(st.integers(1, 12), max_size=4),
        "created_from": days, "created_to": days,
        "activity_after": days, "activity_before": days,
        "won_count_min": st.integers(0, 3), "won_count_max": st.integers(0, 3),
        "won_total_min": st.sampled_from([0, 1_000_000, 5_000_001, 20_000_000]),
        "won_total_max": st.sampled_from([0, 999_999, 5_000_000, 40_000_000]),
        "segments": st.lists(st.sampled_from([*SEGMENTS, "new"]), max_size=2),
        "sms_consent": maybe, "email_consent": maybe,
        "owners": st.lists(st.integers(1, 3), max_size=2),
    }
    for key in draw(st.sets(st.sampled_from(sorted(choices)), max_size=5)):
        value = draw(choices[key])
        doc[key] = value.isoformat() if isinstance(value, date) else value
        if key == "tags":
            doc["tags_mode"] = draw(choices["tags_mode"])
    return doc


@SETTINGS
@given(doc=documents())
def test_sql_finds_what_the_python_reading_finds(world: Any, doc: dict[str, Any]) -> None:
    core, people = world
    try:
        spec = cf.parse(doc)
    except ValidationError as exc:  # bounds the wrong way round: the only refusal here
        assert {e.code for e in exc.errors} <= {"date.order", "number.order"}
        return
    expected = {p["id"] for p in people if python_reading(spec, p)}
    assert sql_reading(core, spec) == expected
    # the stored form reads back to the same filter
    assert cf.parse(spec.to_json()) == spec


@pytest.mark.parametrize("months", [[k] for k in range(1, 13)] + [[12, 1], [1, 2, 3, 4, 5, 6,
                                                                           7, 8, 9, 10, 11]])
def test_every_birthday_month_against_jdatetime(world: Any, months: list[int]) -> None:
    core, people = world
    spec = cf.parse({"version": 1, "birth_months": months})
    expected = {p["id"] for p in people if python_reading(spec, p)}
    assert sql_reading(core, spec) == expected


@pytest.mark.parametrize(("birthday", "month"), [
    (date(2024, 3, 19), 12),  # 1402/12/29, the last day of a common year
    (date(2024, 3, 20), 1),  # 1403/01/01: Nowruz on 20 March
    (date(2025, 3, 20), 12),  # 1403/12/30: the leap day of Esfand
    (date(2025, 3, 21), 1),  # 1404/01/01
    (date(2021, 3, 20), 12),  # 1399/12/30 (leap)
    (date(2020, 3, 20), 1),  # 1399/01/01
    (date(2023, 3, 20), 12),  # 1401/12/29
    (date(2024, 2, 29), 12),  # 1402/12/10: 29 February is always Esfand
    (date(2024, 2, 19), 11),  # 1402/11/30, the last day of Bahman
    (date(2024, 2, 20), 12),  # 1402/12/01
    (date(1990, 12, 22), 10),  # 1369/10/01, Dey across the Gregorian new year
    (date(1991, 1, 20), 10),  # 1369/10/30
    (date(1991, 1, 21), 11),  # 1369/11/01
])
def test_birthday_month_on_the_edges(world: Any, birthday: date, month: int) -> None:
    core, people = world
    (person,) = [p for p in people if p["birthday"] == birthday]
    assert cf.jalali_birth_month(birthday) == month
    for months, inside in (([month], True), ([k for k in range(1, 13) if k != month], False)):
        found = person["id"] in sql_reading(core, cf.parse({"version": 1,
                                                            "birth_months": months}))
        assert found is (inside and not person["deleted"]), (birthday, months)


def test_the_birthday_table_agrees_with_jdatetime_on_every_allowed_day() -> None:
    _order, by_md = cf._birth_days()
    day = f.DATE_MIN
    while day <= f.DATE_MAX:
        month = jdatetime.date.fromgregorian(date=day).month
        assert day in by_md[day.strftime("%m-%d")][month]
        day += timedelta(days=1)


# -- refused documents ----------------------------------------------------------------------
@pytest.mark.parametrize(("doc", "field", "code"), [
    ({"version": 1, "colour": "red"}, "colour", "unknown_field"),
    ({"version": 2}, "version", "filter.version"),
    ({}, "version", "filter.version"),
    ({"version": True}, "version", "filter.version"),
    ({"version": 1, "stages": ["vip"]}, "stages", "choice"),
    ({"version": 1, "stages": "customer"}, "stages", "invalid"),
    ({"version": 1, "cities": [5]}, "cities", "invalid"),
    ({"version": 1, "cities": ["x" * 101]}, "cities", "too_long"),
    ({"version": 1, "cities": ["x"] * 201}, "cities", "range"),
    ({"version": 1, "tags_mode": "most"}, "tags_mode", "choice"),
    ({"version": 1, "birth_months": [13]}, "birth_months", "range"),
    ({"version": 1, "birth_months": [True]}, "birth_months", "range"),
    ({"version": 1, "created_from": "1405/13/40"}, "created_from", "date.invalid"),
    ({"version": 1, "created_from": "0001-01-01"}, "created_from", "date.range"),
    ({"version": 1, "created_from": "2025-05-02", "created_to": "2025-05-01"},
     "created_to", "date.order"),
    ({"version": 1, "activity_after": "2025-05-02", "activity_before": "2025-05-02"},
     "activity_before", "date.order"),
    ({"version": 1, "won_count_min": -1}, "won_count_min", "range"),
    ({"version": 1, "won_count_max": 2**63}, "won_count_max", "range"),
    ({"version": 1, "won_count_min": 3, "won_count_max": 2}, "won_count_max", "number.order"),
    ({"version": 1, "won_total_min": MAX_RIALS + 1}, "won_total_min", "money.too_large"),
    ({"version": 1, "won_total_max": -5}, "won_total_max", "money.negative"),
    ({"version": 1, "won_total_max": float("nan")}, "won_total_max", "money.invalid"),
    ({"version": 1, "segments": ["DROP TABLE"]}, "segments", "choice"),
    ({"version": 1, "sms_consent": 1}, "sms_consent", "invalid"),
    ({"version": 1, "owners": [0]}, "owners", "not_found"),
    ({"version": 1, "owners": [2**63]}, "owners", "not_found"),
    ("[1, 2]", "filter_json", "invalid"),
    ("{not json", "filter_json", "invalid"),
    ("[" * 100_000, "filter_json", "invalid"),
    ({5: 1, "version": 1}, "filter_json", "unknown_field"),
])
def test_wrong_documents_are_refused_naming_the_criterion(doc: Any, field: str,
                                                          code: str) -> None:
    with pytest.raises(ValidationError) as exc:
        cf.parse(doc)
    assert (exc.value.errors[0].field, exc.value.errors[0].code) == (field, code)
    assert exc.value.message("fa") and exc.value.message("en")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=3),
    max_leaves=10)
hostile_docs = st.one_of(
    json_values,
    st.dictionaries(st.sampled_from(sorted(cf.KEYS)), json_values, max_size=5),
    st.dictionaries(st.sampled_from(sorted(cf.KEYS)), json_values, max_size=5).map(
        lambda d: {**d, "version": 1}),
    st.text(max_size=30), st.binary(max_size=10),
)


@settings(max_examples=400, deadline=None, database=None)
@given(doc=hostile_docs)
def test_hostile_documents_are_refused_or_give_sql(doc: Any) -> None:
    try:
        spec = cf.parse(doc)
    except ValidationError as exc:
        assert exc.message("fa")
        return
    spec.where()  # builds
    assert cf.parse(json.loads(spec.to_json())) == spec


def test_filter_lists_count_preview_and_page_their_members(world: Any) -> None:
    core, people = world
    doc = {"version": 1, "won_count_min": 1}
    expected = sorted(p["id"] for p in people if python_reading(cf.parse(doc), p))
    assert len(expected) > 5
    lid = core.lists.create({"name": "خریداران", "kind": "filter", "filter_json": doc})
    assert core.lists.member_count(lid) == core.lists.filter_count(doc) == len(expected)
    assert [r["id"] for r in core.lists.filter_preview(doc, 3)] == expected[:3]
    rows, after = [], None
    while True:
        page = core.lists.members(lid, core_query(limit=4, after=after))
        rows += [r["id"] for r in page.rows]
        if page.next_cursor is None:
            break
        after = page.next_cursor
    assert rows == expected
    # the windowed rows of the list view: same members, by name
    source = core.lists.member_rows(lid)
    assert source.count() == len(expected)
    assert sorted(source.list_ids()) == expected
    with pytest.raises(TypeError):
        source.delete(expected[0])
    # the campaigns' subquery gives the same ids
    with core.db.read() as session:
        from crm_desktop.services.campaigns import list_member_ids

        ids = list_member_ids(session.get(m.MarketingList, lid)).subquery()
        assert sorted(session.scalars(select(ids.c.contact_id))) == expected


def core_query(**kwargs: Any) -> Any:
    from crm_desktop.services.base import ListQuery

    return ListQuery(**kwargs)
