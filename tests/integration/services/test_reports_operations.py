"""The campaign, ticket, activity and birthday reports on the hand-made database of
report_world.py (answers worked out by hand below), and the order of chart data in a
right-to-left layout."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest

from crm_desktop.db import models as m
from crm_desktop.domain.charts import ChartData, ChartSeries, top
from crm_desktop.domain.periods import parse_period
from crm_desktop.services.reports import ReportService
from crm_desktop.text.jalali import parse_jalali
from tests.integration.services.report_world import MEHR, at, build


@pytest.fixture
def world(core: Any) -> Any:
    return core, build(core)


def run(core: Any, name: str, period: Any = MEHR, **kw: Any) -> Any:
    return ReportService(core.db).run(name, period, **kw)


def test_campaigns(world: Any) -> None:
    core, w = world
    r = run(core, "campaigns", lang="en")
    assert [c.key for c in r.table.columns] == [
        "campaign", "channel", "status", "start_date", "members", "converted", "cost",
        "revenue", "roi", "acquired", "cost_per_customer"]
    # started in Mehr: 1 (Mehr 5) and 3 (Mehr 25); 2 started in Shahrivar.
    # Campaign 1: members A (converted) and D (responded), E is in the Trash; revenue:
    # deals 6 (B, Mehr) and 14 (D, Aban: the campaign's whole return) = 7,000,000;
    # ROI (7,000,000 - 2,000,000) / 2,000,000 = 2.5; customers B and D; 1,000,000 each
    assert r.table.rows == [
        ["پیامک مهر", "SMS", "Completed", parse_jalali("1405/07/05"), 2, 1, 2_000_000,
         7_000_000, Decimal("2.5"), 2, 1_000_000],
        ["ایمیل آخر مهر", "E-mail", "Planned", parse_jalali("1405/07/25"), 0, 0, 0, 0, None,
         0, None],
    ]
    assert r.table.total == ["Total", None, None, None, 2, 1, 2_000_000, 7_000_000,
                             Decimal("2.5"), 2, 1_000_000]
    assert r.chart.categories == ("پیامک مهر", "ایمیل آخر مهر")
    assert [s.values for s in r.chart.series] == [(2_000_000, 0), (7_000_000, 0)]
    assert [row[0] for row in run(core, "campaigns", owner_id=w.ali).table.rows] == [
        "ایمیل آخر مهر"]
    assert [row[0] for row in run(core, "campaigns", channel="sms").table.rows] == [
        "پیامک مهر"]
    assert run(core, "campaigns", status="active").table.rows == []


def test_campaigns_roi_agrees_with_the_campaign_page(world: Any) -> None:
    core, w = world
    figures = core.campaigns.figures(w.campaigns["1"])
    row = run(core, "campaigns").table.rows[0]
    assert (row[4], row[5], row[7], row[9]) == (
        figures["members"], figures["converted"], figures["revenue_rial"], figures["acquired"])


def _tickets(core: Any, w: Any) -> None:
    with core.db.write() as s:
        def ticket(seq: int, category: str, priority: str, created: datetime, **kw: Any) -> None:
            s.add(m.Ticket(year=1405, seq=seq, subject=f"تیکت {seq}", category=category,
                           priority=priority, created_at=created,
                           assignee_id=kw.pop("assignee", w.ali), owner_id=w.admin, **kw))

        # T1: opened Mehr 2 10:00, first answer 2 hours later, closed 26 hours after it was
        # opened, after its due time; satisfaction 2
        ticket(1, "complaint", "urgent", at("1405/07/02", "10:00"),
               first_response_at=at("1405/07/02", "12:00"), closed_at=at("1405/07/03", "12:00"),
               sla_due_at=at("1405/07/02", "18:00"), status="closed", satisfaction=2)
        # T2: opened in Shahrivar (answered then), closed Mehr 1 00:30 before its due time:
        # 30.5 hours; satisfaction 5
        ticket(2, "complaint", "urgent", at("1405/06/30", "18:00"),
               first_response_at=at("1405/06/30", "19:00"), closed_at=at("1405/07/01", "00:30"),
               sla_due_at=at("1405/07/01", "08:00"), status="closed", satisfaction=5,
               assignee=w.sara)
        # T3: opened in Mehr, still open, no answer
        ticket(3, "request", "normal", at("1405/07/10"))
        # T6: opened Mehr 11 10:00, closed a day later; it had no due time
        ticket(6, "request", "normal", at("1405/07/11", "10:00"),
               closed_at=at("1405/07/12", "10:00"), status="closed")
        # T4: in the Trash; T5: opened Aban 1 00:00 Tehran (after the period)
        ticket(4, "request", "normal", at("1405/07/12"), deleted_at=at("1405/07/13"))
        ticket(5, "question", "low", at("1405/08/01", "00:00"))


def test_tickets_sla(world: Any) -> None:
    core, w = world
    _tickets(core, w)
    r = run(core, "tickets-sla", lang="en")
    assert [c.key for c in r.table.columns] == [
        "category", "priority", "opened", "closed", "breached", "breach_rate",
        "first_response_hours", "resolution_hours", "csat", "rated"]
    # complaint/urgent: T1 opened; T1 and T2 closed, T1 late (1 of 2 with a due time);
    # first response in Mehr: T1, 2.0 hours; resolution (26 + 30.5) / 2 = 28.25 -> 28.3;
    # satisfaction (2 + 5) / 2 = 3.50 of 2. request/normal: T3 and T6 opened, T6 closed
    # in 24 hours without a due time (no share of late ones)
    assert r.table.rows == [
        ["Complaint", "Urgent", 1, 2, 1, Decimal("0.5000"), Decimal("2.0"), Decimal("28.3"),
         Decimal("3.50"), 2],
        ["Request", "Normal", 2, 1, 0, None, None, Decimal("24.0"), None, 0],
    ]
    # resolution (26 + 30.5 + 24) / 3 = 26.83 -> 26.8
    assert r.table.total == ["Total", None, 3, 3, 1, Decimal("0.5"), Decimal("2.0"),
                             Decimal("26.8"), Decimal("3.50"), 2]
    assert r.chart.categories == ("Complaint", "Request")
    assert [s.values for s in r.chart.series] == [(1, 2), (2, 1), (1, 0)]

    # the owner filter is the ticket's assignee (as the KPIs): T2 only
    sara = run(core, "tickets-sla", owner_id=w.sara, lang="en")
    assert sara.table.rows == [["Complaint", "Urgent", 0, 1, 0, Decimal(0), None,
                                Decimal("30.5"), Decimal("5.00"), 1]]
    assert [r[0] for r in run(core, "tickets-sla", category="request").table.rows] == [
        "درخواست"]
    assert run(core, "tickets-sla", priority="low").table.rows == []
    assert run(core, "tickets-sla", ticket_channel="email").table.rows == []
    from crm_desktop.services.kpis import KpiService

    for owner in (None, w.ali, w.sara):
        total = run(core, "tickets-sla", owner_id=owner).table.total
        kpis = KpiService(core.db).compute(MEHR, owner)
        assert total[2:8] == [kpis["tickets_opened"], kpis["tickets_closed"],
                              total[4], kpis["sla_breach_rate"],
                              kpis["avg_first_response_hours"],
                              kpis["avg_resolution_hours"]], owner
        assert total[8] == kpis["csat_average"], owner
    aban = run(core, "tickets-sla", parse_period("1405-08"), lang="en")
    assert aban.table.rows == [["Question", "Low", 1, 0, 0, None, None, None, None, 0]]


def _activities(core: Any, w: Any) -> None:
    with core.db.write() as s:
        def activity(owner: int | None, kind: str, due: datetime | None,
                     done: datetime | None = None, contact: int | None = None) -> None:
            s.add(m.Activity(owner_id=owner, kind=kind, subject=kind, due_at=due,
                             done_at=done, contact_id=contact))

        activity(w.ali, "call", at("1405/07/05", "10:00"), at("1405/07/05", "11:00"))
        activity(w.ali, "call", at("1405/07/06", "10:00"))  # past due on Mehr 20: overdue
        activity(w.ali, "task", at("1405/07/25", "10:00"))  # not due yet on Mehr 20
        activity(w.ali, "task", at("1405/08/01", "00:00"))  # due after the period
        activity(w.sara, "meeting", at("1405/06/30", "10:00"), at("1405/07/02"))
        # of a contact in the Trash: counted (activities have no Trash; as the KPI)
        activity(w.sara, "meeting", at("1405/07/03"), None, w.contacts["E"])
        activity(None, "note", None, at("1405/07/04"))


def test_activities_by_owner(world: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    core, w = world
    _activities(core, w)
    monkeypatch.setattr("crm_desktop.domain.clock.now_utc",
                        lambda: at("1405/07/20").astimezone(UTC))
    r = run(core, "activities-by-owner", lang="en")
    assert [c.key for c in r.table.columns] == ["owner", "kind", "due", "done", "overdue"]
    # owners in Persian alphabetical order (سارا before علی), the ownerless last
    assert r.table.rows == [
        ["سارا", "Meeting", 1, 1, 1],
        ["علی", "Call", 2, 1, 1],
        ["علی", "Task", 1, 0, 0],
        ["No owner", "Note", 0, 1, 0],
    ]
    assert r.table.total == ["Total", None, 4, 3, 2]
    assert r.chart.categories == ("سارا", "علی", "No owner")
    assert [s.values for s in r.chart.series] == [(1, 1, 1), (1, 1, 0)]
    assert run(core, "activities-by-owner", owner_id=w.sara,
               lang="en").table.rows == [["سارا", "Meeting", 1, 1, 1]]
    from crm_desktop.services.kpis import KpiService

    for owner in (None, w.ali, w.sara):
        done = run(core, "activities-by-owner", owner_id=owner).table.total[3]
        assert done == KpiService(core.db).compute(MEHR, owner)["activities_done"]
    assert run(core, "activities-by-owner", owner_id=w.ali, kind="task",
               lang="en").table.rows == [["علی", "Task", 1, 0, 0]]


def test_birthdays(world: Any) -> None:
    core, w = world
    r = run(core, "birthdays", lang="en")
    assert [c.key for c in r.table.columns] == [
        "name", "birthday", "born", "age", "mobile", "owner"]
    # A born 1370/07/01, D born 1360/07/30; B (Shahrivar 31) is not in Mehr, C and E are
    # in the Trash
    assert r.table.rows == [
        ["مریم", parse_jalali("1405/07/01"), parse_jalali("1370/07/01"), 35, "09120000001",
         "علی"],
        ["نگار", parse_jalali("1405/07/30"), parse_jalali("1360/07/30"), 45, "09120000004",
         "سارا"],
    ]
    assert r.table.total == ["Total — 2 people", None, None, None, None, None]
    assert r.chart is None
    assert [link.record_id for link in r.links] == [w.contacts["A"], w.contacts["D"]]
    assert [row[0] for row in run(core, "birthdays", owner_id=w.sara).table.rows] == ["نگار"]


def test_customers_leave_out_contacts_in_the_trash(core: Any) -> None:
    """A live won deal of a contact in the Trash is revenue (the pipeline still shows the
    deal, as campaign ROI counts it), but the contact is not listed as a customer."""
    from tests.integration.services.report_world import stage_ids

    won = stage_ids(core)["won"]
    with core.db.write() as s:
        gone = m.Contact(full_name="رفته", last_name="رفته", deleted_at=at("1405/07/02"))
        here = m.Contact(full_name="مانده", last_name="مانده")
        s.add_all([gone, here])
        s.flush()
        for contact, amount in ((gone, 1_000_000), (here, 2_000_000)):
            s.add(m.Deal(title="x", stage_id=won, amount_rial=amount, contact_id=contact.id,
                         closed_at=at("1405/07/03"), stage_changed_at=at("1405/07/03")))
    assert [row[0] for row in run(core, "customers").table.rows] == ["مانده"]
    assert run(core, "sales-by-owner").table.total[4] == 3_000_000


def test_birthdays_follow_the_jalali_calendar(core: Any) -> None:
    """Jalali month-days whose Gregorian day differs from this year's, and Esfand 30."""
    days = {"نوروز": "1375/01/01", "اسفند": "1374/12/29", "کبیسه": "1403/12/30",
            "فروردین آخر": "1383/01/31"}
    with core.db.write() as s:
        for name, born in days.items():
            d = parse_jalali(born)
            s.add(m.Contact(full_name=name, last_name=name, birthday=d,
                            birth_md=d.strftime("%m-%d"), sort_key=name))
    # 1375/01/01 is 1996-03-20, 1405/01/01 is 2026-03-21: a Jalali birthday, not a
    # Gregorian one
    farvardin = run(core, "birthdays", parse_period("1405-01"))
    assert [(row[0], row[1]) for row in farvardin.table.rows] == [
        ("نوروز", parse_jalali("1405/01/01")), ("فروردین آخر", parse_jalali("1405/01/31"))]
    # Esfand 1404 has 29 days: those born on Esfand 30 celebrate on Esfand 29
    esfand = run(core, "birthdays", parse_period("1404-12"))
    assert [(row[0], row[1], row[3]) for row in esfand.table.rows] == [
        ("اسفند", parse_jalali("1404/12/29"), 30), ("کبیسه", parse_jalali("1404/12/29"), 1)]
    # a whole year: everyone once
    assert len(run(core, "birthdays", parse_period("1405")).table.rows) == 4


# -- chart data order ----------------------------------------------------------------------
def test_chart_data_reads_right_to_left_in_persian() -> None:
    chart = ChartData("bar", ("فروردین", "اردیبهشت", "خرداد"),
                      (ChartSeries("درآمد", (1, 2, 3)), ChartSeries("هزینه", (4, 5, 6))),
                      "money")
    rtl = chart.in_reading_order(rtl=True)
    # the first category (the earliest month) stands at the right: last on an unmirrored
    # left-to-right axis; every series follows its categories
    assert rtl.categories == ("خرداد", "اردیبهشت", "فروردین")
    assert [s.values for s in rtl.series] == [(3, 2, 1), (6, 5, 4)]
    assert chart.in_reading_order(rtl=False) is chart
    pie = ChartData("pie", ("الف", "ب"), (ChartSeries("x", (1, 2)),))
    assert pie.in_reading_order(rtl=True) is pie
    with pytest.raises(ValueError):
        ChartData("bar", ("a",), (ChartSeries("x", (1, 2)),))


def test_report_charts_in_rtl_put_the_first_row_at_the_right(world: Any) -> None:
    core, _w = world
    chart = run(core, "sales-by-owner").chart
    assert chart.categories[0] == "سارا"  # the largest first, as in the table
    assert chart.in_reading_order(rtl=True).categories[-1] == "سارا"


def test_top_folds_the_rest_into_others() -> None:
    assert top(["a", "b", "c"], [3, 2, 1], 3, "x") == (["a", "b", "c"], [3, 2, 1], 0)
    assert top(["a", "b", "c", "d"], [4, 3, 2, 1], 3, "x") == (["a", "b", "x"], [4, 3, 3], 2)


def test_rows_open_their_records(world: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    core, w = world
    from crm_desktop.services.base import ListQuery

    campaigns = run(core, "campaigns")
    assert [(link.section, link.record_id) for link in campaigns.links] == [
        ("campaigns", w.campaigns["1"]), ("campaigns", w.campaigns["3"])]
    _activities(core, w)
    r = run(core, "activities-by-owner", lang="en")
    call = r.links[1]  # علی, Call: the calls Ali marked done in Mehr
    assert call.section == "activities"
    done = core.activities.list(ListQuery(filters=call.filters, limit=100)).rows
    assert [(a["kind"], a["owner_id"]) for a in done] == [("call", w.ali)]
    assert r.links[3] is None  # no owner
