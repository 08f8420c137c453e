"""The sales reports on the hand-made database of report_world.py: every figure worked out
by hand below (the Trash left out, the period ending at Tehran midnight, the owner filter,
the total row)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest

from crm_desktop.domain.errors import ValidationError
from crm_desktop.domain.periods import parse_period
from crm_desktop.services.reports import REPORTS, ReportService, report_def
from tests.integration.services.report_world import MEHR, build, products_and_proformas


@pytest.fixture
def world(core: Any) -> Any:
    return core, build(core)


def run(core: Any, name: str, period: Any = MEHR, **kw: Any) -> Any:
    return ReportService(core.db).run(name, period, **kw)


def rate(a: int, b: int) -> Decimal:
    """a / b as the KPIs give a rate: 4 decimals, half up."""
    from crm_desktop.domain.rounding import rate as kpi_rate

    value = kpi_rate(a, b)
    assert value is not None
    return value


def test_sales_by_owner(world: Any) -> None:
    core, w = world
    r = run(core, "sales-by-owner", lang="en")
    assert [c.key for c in r.table.columns] == [
        "owner", "won_deals", "lost_deals", "win_rate", "revenue", "average_deal"]
    assert r.table.columns[4].title == "Revenue (Rial)"
    # Sara: deals 6 (6,000,000) and 10 (500,000: created won, it entered the stage in
    # Mehr) won, 5 lost; deal 4 is in the Trash. Ali: 1 and 2 won (3 closed at Aban 1
    # 00:00 Tehran, 11 in Shahrivar), 13 lost (9 lost at Shahrivar 31 23:59). No owner: 7.
    assert r.table.rows == [
        ["سارا", 2, 1, rate(2, 3), 6_500_000, 3_250_000],
        ["علی", 2, 1, rate(2, 3), 4_000_000, 2_000_000],
        ["No owner", 0, 1, Decimal(0), 0, None],
    ]
    assert r.table.total == ["Total", 4, 3, rate(4, 7), 10_500_000, 2_625_000]
    assert r.chart is not None and r.chart.kind == "bar"
    assert r.chart.categories == ("سارا", "علی", "No owner")
    assert r.chart.series[0].values == (6_500_000, 4_000_000, 0)

    mine = run(core, "sales-by-owner", owner_id=w.ali, lang="en")
    assert mine.table.rows == [["علی", 2, 1, rate(2, 3), 4_000_000, 2_000_000]]
    assert mine.table.total == ["Total", 2, 1, rate(2, 3), 4_000_000, 2_000_000]


def test_the_period_ends_at_tehran_midnight(world: Any) -> None:
    core, _w = world
    aban = run(core, "sales-by-owner", parse_period("1405-08"), lang="en")
    # deal 3 (Aban 1 00:00 Tehran = 2026-10-22 20:30 UTC) and deal 14 (Aban 10)
    assert aban.table.rows == [["علی", 1, 0, Decimal(1), 5_000_000, 5_000_000],
                               ["سارا", 1, 0, Decimal(1), 1_000_000, 1_000_000]]
    shahrivar = run(core, "sales-by-owner", parse_period("1405-06"), lang="en")
    # deal 11 won; deal 9 lost at Shahrivar 31 23:59 Tehran
    assert shahrivar.table.rows == [["علی", 1, 1, rate(1, 2), 7_000_000, 7_000_000]]


def test_titles_and_subtitles(world: Any) -> None:
    core, w = world
    core.settings.set_company({"name": "فروشگاه نمونه"})
    r = run(core, "sales-by-owner", owner_id=w.sara)
    assert r.table.title == "فروش به تفکیک مسئول"
    assert list(r.table.subtitle_lines) == ["دوره: مهر ۱۴۰۵", "مسئول: سارا", "فروشگاه نمونه"]
    assert r.table.lang == "fa" and r.table.row_count == len(r.table.rows) == 1
    assert r.table.columns[4].title == "درآمد (ریال)"
    assert r.table.total[0] == "جمع کل"
    en = run(core, "sales-by-owner", lang="en")
    assert en.table.title == "Sales by owner"
    assert list(en.table.subtitle_lines) == ["Period: Mehr 1405", "فروشگاه نمونه"]


def test_sales_by_product(world: Any) -> None:
    core, w = world
    products_and_proformas(core, w)
    r = run(core, "sales-by-product", lang="en")
    assert [c.key for c in r.table.columns] == [
        "product", "sku", "quantity", "proformas", "gross", "discount", "net", "share"]
    # PF1 and PF2 only (PF3 after the period, PF4 not accepted, PF5's buyer and PF6's
    # deal in the Trash). Laptop: 2 less 10% + 1 less 500,000; mouse 1.5 x 333,333 =
    # 499,999.5 -> 500,000 (half up, per line); the installation has no product.
    net = 27_500_000 + 1_000_000 + 500_000
    assert r.table.rows == [
        ["لپ‌تاپ", "0012", Decimal(3), 2, 30_000_000, 2_500_000, 27_500_000,
         Decimal("0.9483")],
        ["نصب (no product)", None, Decimal(1), 1, 1_000_000, 0, 1_000_000, Decimal("0.0345")],
        ["ماوس", "0007", Decimal("1.5"), 1, 500_000, 0, 500_000, Decimal("0.0172")],
    ]
    assert r.table.total == ["Total", None, None, 2, 31_500_000, 2_500_000, net,
                             Decimal("1.0000")]
    assert r.chart.categories == ("لپ‌تاپ", "نصب (no product)", "ماوس")

    mine = run(core, "sales-by-product", owner_id=w.ali, lang="en")
    assert [row[:7] for row in mine.table.rows] == [
        ["لپ‌تاپ", "0012", Decimal(2), 1, 20_000_000, 2_000_000, 18_000_000],
        ["ماوس", "0007", Decimal("1.5"), 1, 500_000, 0, 500_000]]
    assert mine.table.total[3] == 1


def test_sales_by_source(world: Any) -> None:
    core, w = world
    r = run(core, "sales-by-source", lang="en")
    assert [c.key for c in r.table.columns] == [
        "source", "campaign", "new_contacts", "won_deals", "revenue", "share"]
    # new contacts in Mehr: A (instagram) and D (campaign 1, created Mehr 30 23:59);
    # E is in the Trash, the one created Aban 1 00:00 is after the period.
    # won in Mehr: 1 and 2 (A, instagram), 6 (B, referral, campaign 1), 10 (B, referral)
    assert r.table.rows == [
        ["Referral", "پیامک مهر", 0, 1, 6_000_000, rate(6_000_000, 10_500_000)],
        ["Instagram", "No campaign", 1, 2, 4_000_000, rate(4_000_000, 10_500_000)],
        ["Referral", "No campaign", 0, 1, 500_000, rate(500_000, 10_500_000)],
        ["Campaign", "پیامک مهر", 1, 0, 0, Decimal(0)],
    ]
    assert r.table.total == ["Total", None, 2, 4, 10_500_000, Decimal(1)]
    assert r.chart.kind == "pie"
    assert r.chart.categories == ("Referral", "Instagram")
    assert r.chart.series[0].values == (6_500_000, 4_000_000)

    only = run(core, "sales-by-source", source="campaign", lang="en")
    assert only.table.rows == [["Campaign", "پیامک مهر", 1, 0, 0, None]]
    mine = run(core, "sales-by-source", owner_id=w.ali, lang="en")
    assert mine.table.rows == [["Instagram", "No campaign", 1, 2, 4_000_000, Decimal(1)]]


def test_lost_reasons(world: Any) -> None:
    core, w = world
    r = run(core, "lost-reasons", lang="en")
    # 5 and 7 (the same reason once trimmed), 13 without a reason; 9 is before Mehr
    assert r.table.rows == [["گران بود", 2, 5_000_000, rate(2, 3)],
                            ["No reason given", 1, 2_000_000, rate(1, 3)]]
    assert r.table.total == ["Total", 3, 7_000_000, Decimal(1)]
    assert r.chart.kind == "pie" and r.chart.series[0].values == (2, 1)
    mine = run(core, "lost-reasons", owner_id=w.sara, lang="en")
    assert mine.table.rows == [["گران بود", 1, 4_000_000, Decimal(1)]]


def test_customers(world: Any) -> None:
    core, w = world
    r = run(core, "customers", lang="en")
    assert [c.key for c in r.table.columns] == [
        "customer", "mobile", "company", "won_deals", "revenue", "last_purchase", "stage",
        "owner"]
    from crm_desktop.text.jalali import parse_jalali

    # B: 6 and 10 (the last on Mehr 23); A: 1 and 2 (the last on Mehr 30: deal 3 closed
    # after the period); C is in the Trash with its deal
    assert r.table.rows == [
        ["رضا", "09120000002", None, 2, 6_500_000, parse_jalali("1405/07/23"),
         "Loyal customer", "سارا"],
        ["مریم", "09120000001", None, 2, 4_000_000, parse_jalali("1405/07/30"), "Customer",
         "علی"],
    ]
    assert r.table.total == ["Total — 2 customers", None, None, 4, 10_500_000, None, None,
                             None]
    assert r.chart is None
    assert [(link.section, link.record_id) for link in r.links] == [
        ("contacts", w.contacts["B"]), ("contacts", w.contacts["A"])]
    assert [row[0] for row in run(core, "customers", stage="loyal").table.rows] == ["رضا"]
    assert [row[0] for row in run(core, "customers", owner_id=w.ali).table.rows] == ["مریم"]


def test_bad_input_is_a_validation_error_naming_the_field(world: Any) -> None:
    core, _w = world
    service = ReportService(core.db)
    for kwargs, field in (
        ({"name": "sales-by-nobody"}, "report"),
        ({"name": "sales-by-owner", "period": "1405-07"}, "period"),
        ({"name": "sales-by-owner", "owner_id": 0}, "owner_id"),
        ({"name": "sales-by-owner", "owner_id": "1"}, "owner_id"),
        ({"name": "sales-by-owner", "owner_id": 999}, "owner_id"),
        ({"name": "sales-by-source", "source": "tv"}, "source"),
        ({"name": "sales-by-source", "channel": "sms"}, "channel"),
        ({"name": "birthdays", "period": parse_period("1405-01-01..1406-01-05")}, "period"),
    ):
        kwargs = {"period": MEHR, **kwargs}
        name, period = kwargs.pop("name"), kwargs.pop("period")
        with pytest.raises(ValidationError) as exc:
            service.run(name, period, **kwargs)
        assert exc.value.fields == [field], kwargs
    with pytest.raises(ValidationError) as exc:
        service.run("birthdays", parse_period("1405-01-01..1406-01-05"), lang="fa")
    assert "۳۶۶" in exc.value.message("fa")


def test_every_report_is_defined_and_runs_on_an_empty_database(core: Any) -> None:
    assert [r.name for r in REPORTS] == [
        "sales-by-owner", "sales-by-product", "sales-by-source", "lost-reasons",
        "campaigns", "tickets-sla", "activities-by-owner", "birthdays", "customers"]
    for definition in REPORTS:
        assert report_def(definition.name) is definition
        for lang in ("fa", "en"):
            r = run(core, definition.name, lang=lang)
            assert r.table.rows == []
            assert r.table.total is not None and len(r.table.total) == len(r.table.columns)
            assert len({c.key for c in r.table.columns}) == len(r.table.columns)
            if r.chart is not None:
                assert r.chart.empty


def test_reports_only_read(world: Any) -> None:
    """A report writes nothing: no audit row, no change."""
    core, _w = world
    from sqlalchemy import func, select

    from crm_desktop.db import models as m

    with core.db.read() as s:
        before = s.scalar(select(func.count()).select_from(m.AuditLog))
    for definition in REPORTS:
        run(core, definition.name)
    with core.db.read() as s:
        assert s.scalar(select(func.count()).select_from(m.AuditLog)) == before


def test_rates_and_averages_are_the_kpis(world: Any) -> None:
    """The total row of sales-by-owner gives the KPIs of the same period and owner."""
    core, w = world
    from crm_desktop.services.kpis import KpiService

    for owner in (None, w.ali, w.sara):
        total = run(core, "sales-by-owner", owner_id=owner).table.total
        kpis = KpiService(core.db).compute(MEHR, owner)
        assert total[1:] == [kpis["won_deals"], kpis["lost_deals"], kpis["win_rate"],
                             kpis["revenue_rial"], kpis["average_deal_rial"]], owner
    assert Fraction(run(core, "sales-by-owner").table.total[3]) == Fraction(5714, 10000)


def test_a_row_of_figures_opens_the_records_behind_it(world: Any) -> None:
    """sales-by-owner: a row's drill lists that owner's deals closed in the period."""
    core, w = world
    from crm_desktop.services.base import ListQuery

    r = run(core, "sales-by-owner", lang="en")
    sara, ali, nobody = r.links
    assert nobody is None  # the lists cannot select "no owner"
    assert sara.section == ali.section == "pipeline"
    listed = {row["id"] for row in core.deals.list(ListQuery(filters=sara.filters,
                                                             limit=100)).rows}
    assert listed == {w.deals[5], w.deals[6], w.deals[10]}
    listed = {row["id"] for row in core.deals.list(ListQuery(filters=ali.filters,
                                                             limit=100)).rows}
    assert listed == {w.deals[1], w.deals[2], w.deals[13]}
