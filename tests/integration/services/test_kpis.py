"""The KPIs of a period (services/kpis.py) on a small hand-made database whose figures are
worked out by hand in kpi_world.py: every KPI, the owner filter, the previous period, the
null cases, the Trash, instants just before and after Tehran midnight at both ends."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import update

from crm_desktop.core import Core
from crm_desktop.db import models as m
from crm_desktop.domain.errors import ValidationError
from crm_desktop.domain.periods import Period, parse_period
from crm_desktop.services.kpis import KPI_BY_NAME, KPI_NAMES, KPIS, OWNER_BY, KpiService
from tests.integration.services import kpi_world as w

P = parse_period("1405-08")


@pytest.fixture
def world(core: Core) -> w.World:
    return w.build(core)


def test_the_period_is_the_one_the_world_was_built_around() -> None:
    assert P.bounds_utc() == (w.START, w.END)
    assert P.previous().bounds_utc() == (w.PREV_START, w.START)


def test_every_kpi_of_the_period(core: Core, world: w.World) -> None:
    got = KpiService(core.db).compute(P)
    assert list(got) == list(KPI_NAMES)
    for name in KPI_NAMES:
        assert got[name] == w.EXPECTED[name], name
    assert got == w.EXPECTED


@pytest.mark.parametrize("user", ["a", "b"])
def test_the_owner_filter(core: Core, world: w.World, user: str) -> None:
    owner = world.a if user == "a" else world.b
    expected = w.EXPECTED_A if user == "a" else w.EXPECTED_B
    got = KpiService(core.db).compute(P, owner_id=owner)
    assert {k: got[k] for k in expected} == expected
    assert set(got) == set(expected)


def test_a_user_who_owns_nothing_has_zeros_and_nulls(core: Core, world: w.World) -> None:
    got = KpiService(core.db).compute(P, owner_id=world.admin)
    assert got == _empty()


def test_the_previous_period_and_compare(core: Core, world: w.World) -> None:
    service = KpiService(core.db)
    assert service.compute(P.previous()) == w.EXPECTED_PREVIOUS
    both = service.compare(P)
    assert both.period == P and both.previous == parse_period("1405-07")
    assert both.kpis == w.EXPECTED and both.previous_kpis == w.EXPECTED_PREVIOUS


def test_a_custom_range_of_the_same_days_gives_the_same_figures(core: Core,
                                                                world: w.World) -> None:
    custom = parse_period("1405-08-01..1405-08-30")
    assert custom.kind == "custom" and (custom.start, custom.end) == (P.start, P.end)
    service = KpiService(core.db)
    assert service.compute(custom) == w.EXPECTED
    # its previous period is the 30 days before: 1405-07-01 .. 1405-07-30 (1405-07 has 30)
    assert service.compare(custom).previous_kpis == w.EXPECTED_PREVIOUS


def test_one_day_periods_at_the_edges(core: Core, world: w.World) -> None:
    """The first day holds what happened from 00:00 Tehran (c1 created, d7 won, t7
    opened, a1 done); the day before holds what happened 1 microsecond earlier."""
    service = KpiService(core.db)
    first = service.compute(parse_period("1405-08-01..1405-08-01"))
    assert (first["new_contacts"], first["won_deals"], first["tickets_opened"],
            first["activities_done"], first["tickets_closed"]) == (1, 1, 1, 1, 1)
    before = service.compute(parse_period("1405-07-30..1405-07-30"))
    assert (before["new_contacts"], before["lost_deals"], before["activities_done"]) == (
        1, 1, 1)
    # t8 was opened that evening; t7, at the next midnight, was not
    assert before["won_deals"] == 0 and before["tickets_opened"] == 1
    last = service.compute(parse_period("1405-08-30..1405-08-30"))
    assert (last["new_contacts"], last["tickets_closed"], last["activities_done"]) == (
        1, 1, 1)
    after = service.compute(parse_period("1405-09-01..1405-09-01"))
    assert (after["new_contacts"], after["won_deals"], after["tickets_closed"],
            after["activities_done"]) == (1, 1, 1, 1)


def test_an_empty_database_gives_zeros_and_nulls(core: Core) -> None:
    assert KpiService(core.db).compute(P) == _empty()


def _empty() -> dict:
    counts = ("new_contacts", "new_customers", "won_deals", "lost_deals", "tickets_opened",
              "tickets_closed", "activities_done", "revenue_rial", "pipeline_open_rial",
              "forecast_weighted_rial")
    return {name: 0 if name in counts else None for name in KPI_NAMES}


def test_the_trash_never_counts(core: Core, world: w.World) -> None:
    """Bring everything back from the Trash and the figures move: what the Trash held was
    left out (c5 and its source, d10, d17, t5)."""
    for model in (m.Contact, m.Deal, m.Ticket):
        with core.db.write() as session:
            session.execute(update(model).values(deleted_at=None))
    got = KpiService(core.db).compute(P)
    assert got["new_contacts"] == 4                      # + c5
    assert got["won_deals"] == 7                         # + d10
    assert got["revenue_rial"] == 20_750_001
    # c8 has a won deal now (d10): converted and a new customer; c5 too (d11)
    assert got["new_customers"] == 4
    assert got["lead_conversion_rate"] == Decimal("0.7500")  # c1 c5 c8 of c1 c3 c5 c8
    assert got["pipeline_open_rial"] == 9_000_432        # + d17
    assert got["tickets_opened"] == 6 and got["tickets_closed"] == 5  # + t5
    assert got["csat_average"] == Decimal("3.25")        # 13 / 4


def test_a_trashed_contacts_live_deal_counts_as_a_deal_not_a_customer(
        core: Core, world: w.World) -> None:
    """d11 (live, won in the period) belongs to c5 (in the Trash): without it the deal
    figures drop; the customer figures were never counting it."""
    with core.db.write() as session:
        session.execute(update(m.Deal).where(m.Deal.id == world.ids["d11"])
                        .values(deleted_at=w.END))
    got = KpiService(core.db).compute(P)
    assert got["won_deals"] == 5 and got["revenue_rial"] == 7_750_001
    for name in ("new_customers", "clv_rial", "lead_conversion_rate", "retention_rate"):
        assert got[name] == w.EXPECTED[name]


def test_bad_arguments_name_the_field(core: Core, world: w.World) -> None:
    service = KpiService(core.db)
    for owner in (0, -1, 2**63, True, "1", 1.0):
        with pytest.raises(ValidationError) as e:
            service.compute(P, owner_id=owner)
        assert e.value.fields == ["owner_id"]
    with pytest.raises(ValidationError) as e:
        service.compute(P, owner_id=999)
    assert e.value.errors[0].code == "not_found"
    for bad in ("1405-08", None, 1405):
        with pytest.raises(ValidationError) as e:
            service.compute(bad)  # type: ignore[arg-type]
        assert e.value.fields == ["period"]
    # the first year periods cover has no period before it
    first = Period.of_year(1300)
    assert service.compute(first)["retention_rate"] is None
    with pytest.raises(ValidationError) as e:
        service.compare(first)
    assert e.value.fields == ["period"]


def test_the_definitions_table() -> None:
    assert [k.name for k in KPIS] == [
        "new_contacts", "new_customers", "won_deals", "lost_deals", "win_rate",
        "revenue_rial", "average_deal_rial", "lead_conversion_rate", "retention_rate",
        "churn_rate", "clv_rial", "cac_rial", "csat_average", "csat_satisfied_rate",
        "tickets_opened", "tickets_closed", "sla_breach_rate", "avg_first_response_hours",
        "avg_resolution_hours", "pipeline_open_rial", "forecast_weighted_rial",
        "activities_done"]
    assert set(OWNER_BY) == set(KPI_NAMES)
    for k in KPIS:
        assert k.title_en and k.title_fa and k.title("fa") == k.title_fa
        assert k.kind in ("count", "money", "rate", "decimal", "hours")
        assert k.kind != "rate" or k.name.endswith("_rate")
        assert k.kind != "money" or k.name.endswith("_rial")
    assert not KPI_BY_NAME["churn_rate"].higher_is_better
    assert KPI_BY_NAME["win_rate"].higher_is_better


def test_compute_is_one_statement_and_only_reads(core: Core, world: w.World) -> None:
    from sqlalchemy import event

    seen: list[str] = []

    def hook(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        seen.append(statement)

    event.listen(core.db.engine, "before_cursor_execute", hook)
    try:
        KpiService(core.db).compute(P)
        KpiService(core.db).compute(P, owner_id=world.a)
    finally:
        event.remove(core.db.engine, "before_cursor_execute", hook)
    selects = [s for s in seen if s.lstrip().upper().startswith("SELECT")]
    writes = [s for s in seen if s.lstrip().split()[0].upper() in (
        "INSERT", "UPDATE", "DELETE", "BEGIN")]
    # one aggregate statement each (the owner check reads the user by its key)
    assert sum("k_contacts" in s for s in selects) == 2
    assert not [s for s in writes if "IMMEDIATE" in s or not s.upper().startswith("BEGIN")]


@pytest.mark.sqlite_only("reads SQLite's query plan")
def test_the_deals_are_read_in_one_pass(core: Core, world: w.World) -> None:
    """The plan (no statistics: the same at any size): the deals are scanned once per
    aggregate, not looked up one by one through an index (at 60,000 deals the lookups
    took twice as long, bench/bench_kpis.py)."""
    from sqlalchemy import event

    sent: list[tuple[str, tuple]] = []

    def hook(_conn, _cursor, statement, parameters, *_args) -> None:  # type: ignore[no-untyped-def]
        if "k_contacts" in statement:
            sent.append((statement, parameters))

    event.listen(core.db.engine, "before_cursor_execute", hook)
    try:
        KpiService(core.db).compute(P)
    finally:
        event.remove(core.db.engine, "before_cursor_execute", hook)
    (sql, params), = sent
    with core.db.raw() as conn:
        plan = [row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params)]
    deals = [step for step in plan if " deals" in step]
    assert deals == ["SCAN deals", "SCAN deals"], plan


@pytest.mark.sqlite_only("the demo's bulk loader is SQLite's")
def test_the_demo_answers_its_tickets_as_the_service_does(core: Core) -> None:
    """A demo ticket's first response is its first comment the customer sees (what
    TicketService.add_comment records), so the demo's dashboard has response times."""
    from sqlalchemy import text

    from crm_desktop.domain import periods
    from crm_desktop.services.demo import generate

    generate(core.db, 400, seed=3)
    with core.db.read() as session:
        wrong = session.execute(text(
            "SELECT count(*) FROM tickets t WHERE t.first_response_at IS NOT"
            " (SELECT min(c.created_at) FROM ticket_comments c"
            "  WHERE c.ticket_id = t.id AND NOT c.internal)")).scalar_one()
        answered = session.execute(text(
            "SELECT count(*) FROM tickets WHERE first_response_at IS NOT NULL")).scalar_one()
    assert wrong == 0 and answered > 0
    figures = KpiService(core.db).compute(periods.this_year())
    assert figures["avg_first_response_hours"] is not None
    assert figures["avg_first_response_hours"] > 0
