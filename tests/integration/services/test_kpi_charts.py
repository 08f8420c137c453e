"""The dashboard's series (services/kpi_charts.py) and the records behind each KPI and bar
(services/kpi_drill.py, with the list filters they use), on the hand-made database of
kpi_world.py."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest

from crm_desktop.core import Core
from crm_desktop.domain.enums import ContactSource
from crm_desktop.domain.errors import ValidationError
from crm_desktop.domain.periods import parse_period
from crm_desktop.services import kpi_drill
from crm_desktop.services.base import ListQuery
from crm_desktop.services.kpis import KPI_NAMES, KpiService
from tests.integration.services import kpi_world as w

P = parse_period("1405-08")


@pytest.fixture
def world(core: Core) -> w.World:
    return w.build(core)


def test_revenue_by_month(core: Core, world: w.World) -> None:
    service = KpiService(core.db)
    series = service.revenue_by_month(P, months=3)
    assert [p.code() for p, _ in series] == ["1405-06", "1405-07", "1405-08"]
    # 1405-07: d3 + d6 + d20; 1405-08: the six won deals of EXPECTED
    assert [v for _, v in series] == [0, 4_500_000, 13_750_001]
    assert [v for _, v in service.revenue_by_month(P, world.a, 3)] == [
        0, 2_000_000, 11_000_001]
    # twelve months by default, ending with the month the period ends in
    year = service.revenue_by_month(parse_period("1405"))
    assert year[0][0].code() == "1405-01" and len(year) == 12
    assert sum(v for _, v in year) == 4_500_000 + 13_750_001 + 3_000_000 + 5_000_000  # d4, d2
    single = service.revenue_by_month(P, months=1)
    assert [(p.code(), v) for p, v in single] == [("1405-08", 13_750_001)]


def test_funnel(core: Core, world: w.World) -> None:
    steps = KpiService(core.db).funnel(P)
    # deals created in the period by their stage now: d14 (stage 2), d15 (4), d1 won,
    # d8 lost; every stage listed in pipeline order
    assert [(s.name, s.outcome, s.deals, s.amount_rial) for s in steps] == [
        ("سرنخ جدید", "open", 0, 0), ("نیازسنجی", "open", 1, 1_000_099),
        ("ارسال پیش\u200cفاکتور", "open", 0, 0), ("مذاکره", "open", 1, 333),
        ("موفق", "won", 1, 1_000_000), ("ناموفق", "lost", 1, 9_000_000)]
    mine = KpiService(core.db).funnel(P, world.b)
    assert [s.deals for s in mine] == [0, 0, 0, 1, 0, 0]


def test_lead_sources(core: Core, world: w.World) -> None:
    got = KpiService(core.db).lead_sources(P)
    # c1 and c3 from the website, c8 without a source; c5 (instagram) is in the Trash
    assert got == [(s.value, 2 if s == ContactSource.WEBSITE else 0) for s in ContactSource
                   ] + [("", 1)]
    assert dict(KpiService(core.db).lead_sources(P, world.b))["website"] == 1
    assert "" not in dict(KpiService(core.db).lead_sources(P, world.b))


def test_tickets_by_category(core: Core, world: w.World) -> None:
    got = KpiService(core.db).tickets_by_category(P)
    # opened in the period: t1 t4 complaints, t3 request, t6 question, t7 technical
    assert got == [("complaint", 2), ("request", 1), ("question", 1), ("technical", 1)]
    assert KpiService(core.db).tickets_by_category(P, world.a) == [
        ("complaint", 1), ("request", 1), ("question", 0), ("technical", 1)]


def test_csat_by_month(core: Core, world: w.World) -> None:
    got = KpiService(core.db).csat_by_month(P, months=2)
    assert [(p.code(), avg, n) for p, avg, n in got] == [
        ("1405-07", None, 0), ("1405-08", Decimal("4.00"), 3)]
    mine = KpiService(core.db).csat_by_month(P, world.a, months=2)
    assert [(avg, n) for _, avg, n in mine] == [(None, 0), (Decimal("4.50"), 2)]


def test_series_refuse_bad_arguments(core: Core, world: w.World) -> None:
    service = KpiService(core.db)
    for months in (0, 121, True, "12", 1.5):
        with pytest.raises(ValidationError) as e:
            service.revenue_by_month(P, months=months)  # type: ignore[arg-type]
        assert e.value.fields == ["months"]
    for call in (service.funnel, service.lead_sources, service.tickets_by_category):
        with pytest.raises(ValidationError) as e:
            call(P, 999)
        assert e.value.fields == ["owner_id"]
        with pytest.raises(ValidationError) as e:
            call("1405-08")  # type: ignore[arg-type]
        assert e.value.fields == ["period"]


# -- the records behind -----------------------------------------------------------------------
def _list(core: Core, drill: kpi_drill.Drill) -> list[dict[str, Any]]:
    service = {"contacts": core.contacts, "pipeline": core.deals, "tickets": core.tickets,
               "activities": core.activities, "campaigns": core.campaigns}[drill.section]
    return service.list(ListQuery(filters=drill.filters, limit=1000)).rows


#: KPI -> the names (titles, subjects) of the records behind it in kpi_world
BEHIND = {
    "new_contacts": {"c1", "c3", "c8"},
    "lead_conversion_rate": {"c1", "c3", "c8"},
    "new_customers": {"c1", "c2"},
    "retention_rate": {"c6", "c7", "c9"},
    "churn_rate": {"c6", "c7", "c9"},
    "clv_rial": {"c1", "c2", "c6", "c7", "c9"},
    "won_deals": {"d1", "d5", "d7", "d11", "d12", "d13"},
    "revenue_rial": {"d1", "d5", "d7", "d11", "d12", "d13"},
    "average_deal_rial": {"d1", "d5", "d7", "d11", "d12", "d13"},
    "lost_deals": {"d8"},
    "win_rate": {"d1", "d5", "d7", "d11", "d12", "d13", "d8"},
    "pipeline_open_rial": {"d14", "d15"},
    "forecast_weighted_rial": {"d14", "d15"},
    "cac_rial": {"k1", "k2"},
    "tickets_opened": {"t1", "t3", "t4", "t6", "t7"},
    "tickets_closed": {"t1", "t2", "t3", "t7"},
    "csat_average": {"t1", "t2", "t3", "t7"},
    "csat_satisfied_rate": {"t1", "t2", "t3", "t7"},
    "sla_breach_rate": {"t1", "t2", "t3", "t7"},
    "avg_resolution_hours": {"t1", "t2", "t3", "t7"},
    "avg_first_response_hours": {"t1", "t3", "t6", "t8"},
    "activities_done": {"a1", "a3", "a6"},
}


def _names(rows: list[dict[str, Any]]) -> set[str]:
    return {r.get("full_name") or r.get("title") or r.get("subject") or r.get("name")
            for r in rows}


def test_every_kpi_opens_the_records_behind_it(core: Core, world: w.World) -> None:
    service = KpiService(core.db)
    assert set(BEHIND) == set(KPI_NAMES)
    for name, expected in BEHIND.items():
        drill = service.records(name, P)
        assert drill is not None and drill.section in kpi_drill.SECTIONS, name
        assert _names(_list(core, drill)) == expected, name


def test_the_records_behind_follow_the_owner(core: Core, world: w.World) -> None:
    service = KpiService(core.db)
    mine = {"new_contacts": {"c1", "c8"}, "won_deals": {"d1", "d5", "d11"},
            "tickets_closed": {"t1", "t3", "t7"}, "activities_done": {"a1"},
            "cac_rial": {"k1"}, "retention_rate": {"c6"}}
    for name, expected in mine.items():
        drill = service.records(name, P, world.a)
        assert drill is not None
        assert _names(_list(core, drill)) == expected, name
    assert service.records("tickets_closed", P, world.a).filters["assignee_id"] == world.a
    # the windowed lists (ids first, then rows) take the same filters
    drill = service.records("new_customers", P)
    assert drill is not None
    window = core.contacts.window(ListQuery(filters=drill.filters), 0, 10)
    assert _names(window.rows) == {"c1", "c2"}
    assert core.contacts.count(ListQuery(filters=drill.filters)) == 2


def test_the_bars_open_their_records(core: Core, world: w.World) -> None:
    month = parse_period("1405-07")
    assert _names(_list(core, kpi_drill.revenue_month(month))) == {"d3", "d6", "d20"}
    second = core.stages.list()[1]["id"]
    assert _names(_list(core, kpi_drill.funnel_step(second, P))) == {"d14"}
    assert _names(_list(core, kpi_drill.lead_source("website", P))) == {"c1", "c3"}
    assert _names(_list(core, kpi_drill.lead_source("", P))) == {"c8"}
    assert _names(_list(core, kpi_drill.ticket_category("complaint", P))) == {"t1", "t4"}
    assert _names(_list(core, kpi_drill.csat_month(P, world.b))) == {"t2"}


def test_retention_of_the_first_period_has_no_records(core: Core) -> None:
    first = parse_period("1300")
    assert kpi_drill.drill_down("retention_rate", first) is None
    assert kpi_drill.drill_down("no_such_kpi", P) is None


# -- the list filters the click-through needs -----------------------------------------------
def test_range_filters_take_instants_and_days(core: Core, world: w.World) -> None:
    naive = datetime(2026, 10, 22, 20, 30)  # naive: UTC, as the columns store it
    rows = core.contacts.list(ListQuery(filters={"created_since": naive,
                                                 "created_before": w.END})).rows
    assert _names(rows) == {"c1", "c3", "c8"}
    # the text form of an instant is accepted too (ISO)
    rows = core.tickets.list(ListQuery(filters={"closed_since": w.START.isoformat()})).rows
    assert _names(rows) == {"t1", "t2", "t3", "t4", "t7"}
    rows = core.campaigns.list(ListQuery(filters={"start_since": date(2026, 10, 23),
                                                  "start_before": "1405/08/30"})).rows
    assert _names(rows) == {"k1"}
    # closed_* keeps closed deals only (an open deal's stage change is not a close)
    rows = core.deals.list(ListQuery(filters={"closed_since": datetime(2000, 1, 1, tzinfo=UTC)},
                                     limit=1000)).rows
    assert all(r["outcome"] != "open" for r in rows) and len(rows) == 13


@pytest.mark.parametrize("service, key, bad", [
    ("contacts", "created_since", "yesterday"), ("contacts", "won_before", 5),
    ("contacts", "first_won_since", "x"), ("pipeline", "closed_before", date(2026, 1, 1)),
    ("tickets", "responded_since", object()), ("activities", "done_before", "1405"),
    ("campaigns", "start_since", datetime(2026, 1, 1)), ("tickets", "closed_since", "9999"),
])
def test_bad_range_values_name_the_filter(core: Core, service: str, key: str,
                                          bad: Any) -> None:
    svc = {"contacts": core.contacts, "pipeline": core.deals, "tickets": core.tickets,
           "activities": core.activities, "campaigns": core.campaigns}[service]
    with pytest.raises(ValidationError) as e:
        svc.list(ListQuery(filters={key: bad}))
    assert e.value.fields == [key]
    with pytest.raises(ValidationError):
        svc.count(ListQuery(filters={key: bad}))


def test_hostile_arguments_are_refused_by_name(core: Core) -> None:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from crm_desktop.domain.periods import Period

    service = KpiService(core.db)
    anything = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(),
                         st.binary(), st.dates(), st.datetimes(), st.lists(st.integers()))
    calls = [service.compute, service.compare, service.funnel, service.lead_sources,
             service.tickets_by_category, service.revenue_by_month, service.csat_by_month]

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.sampled_from(calls), anything, anything, st.sampled_from(["period", "owner"]))
    def check(call: Any, period: Any, owner: Any, which: str) -> None:
        try:
            if which == "period":
                call(period)
            else:
                call(Period.of_month(1405, 8), owner)
        except ValidationError as e:
            assert e.fields == ["period" if which == "period" else "owner_id"]
        else:
            assert which == "owner" and (owner is None or owner == 1)  # 1: the admin

    check()
    with pytest.raises(ValidationError):
        service.records("won_deals", "1405-08")  # type: ignore[arg-type]
    assert service.records(123, P) is None  # type: ignore[arg-type]
