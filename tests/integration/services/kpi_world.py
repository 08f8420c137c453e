"""A small hand-made database for the KPI tests, every row placed on purpose around the
edges of the period 1405-08 (Aban 1405 = 2026-10-23 .. 2026-11-21, Tehran UTC+03:30).

The expected figures are worked out by hand in EXPECTED (whole business), EXPECTED_A and
EXPECTED_B (the owner filter for users A and B), EXPECTED_PREVIOUS (1405-07); the
comments next to each row say what it counts for.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from crm_desktop.core import Core
from crm_desktop.db import models as m

TEHRAN = ZoneInfo("Asia/Tehran")
US = timedelta(microseconds=1)


def tehran(y: int, mo: int, d: int, h: int = 0, mi: int = 0, s: int = 0,
           us: int = 0) -> datetime:
    """A wall-clock time in Tehran as an aware UTC instant."""
    return datetime(y, mo, d, h, mi, s, us, tzinfo=TEHRAN).astimezone(UTC)


#: the period's first instant (00:00 Tehran of 1405-08-01) and the first one after it
START = tehran(2026, 10, 23)
END = tehran(2026, 11, 22)
#: the previous period 1405-07 starts here
PREV_START = tehran(2026, 9, 23)
OLD = tehran(2026, 1, 1, 10)  # long before: a creation time that counts nowhere


@dataclass
class World:
    admin: int
    a: int  # user A
    b: int  # user B
    ids: dict[str, int]


def build(core: Core) -> World:
    with core.db.write() as s:
        a = m.User(username="a", display_name="کاربر الف")
        b = m.User(username="b", display_name="کاربر ب")
        s.add_all([a, b])
        s.flush()
        admin = s.scalar(select(m.User.id).where(m.User.username != "a",
                                                 m.User.username != "b"))
        stage = {st.position: st.id for st in s.scalars(select(m.PipelineStage))}
        won, lost = stage[5], stage[6]
        ids: dict[str, int] = {}

        def add(key: str, obj: Any) -> Any:
            s.add(obj)
            s.flush()
            ids[key] = obj.id
            return obj

        def contact(key: str, created: datetime, owner: int, *, source: str | None = None,
                    deleted: datetime | None = None) -> int:
            return add(key, m.Contact(last_name=key, full_name=key, created_at=created,
                                      owner_id=owner, source=source, deleted_at=deleted)).id

        # -- contacts ----------------------------------------------------------------------
        c1 = contact("c1", START, a.id, source="website")           # new (first instant)
        c2 = contact("c2", START - US, a.id)                         # previous period
        c3 = contact("c3", END - US, b.id, source="website")        # new (last instant)
        contact("c4", END, b.id)                                     # next period
        c5 = contact("c5", tehran(2026, 11, 1, 10), a.id, source="instagram",
                     deleted=tehran(2026, 11, 2))                    # Trash
        c6 = contact("c6", OLD, a.id)                                # regular customer
        c7 = contact("c7", tehran(2026, 5, 1), b.id)                 # bought last period only
        c8 = contact("c8", tehran(2026, 11, 5, 9), a.id)             # new, never bought
        c9 = contact("c9", tehran(2026, 3, 1), b.id)                 # bought last period only

        # -- deals -------------------------------------------------------------------------
        def deal(key: str, stage_id: int, amount: int, owner: int, *,
                 contact_id: int | None = None, closed: datetime | None = None,
                 changed: datetime | None = None, expected: date | None = None,
                 created: datetime = OLD, deleted: datetime | None = None) -> None:
            add(key, m.Deal(title=key, stage_id=stage_id, amount_rial=amount, owner_id=owner,
                            contact_id=contact_id, closed_at=closed,
                            stage_changed_at=changed or closed or created,
                            expected_close=expected, created_at=created, deleted_at=deleted,
                            lost_reason="گران" if stage_id == lost else None))

        # won in the period; its stage changed later (closed_at rules, not stage_changed_at)
        deal("d1", won, 1_000_000, a.id, contact_id=c1, closed=tehran(2026, 11, 10, 12),
             changed=tehran(2026, 12, 5), expected=date(2026, 11, 1),
             created=tehran(2026, 10, 25))
        # won at the first instant after the period: c3 is not converted, not new
        deal("d2", won, 5_000_000, b.id, contact_id=c3, closed=END)
        # c6: won last period (d3), in June (d4, its first) and in this period (d5)
        deal("d3", won, 2_000_000, a.id, contact_id=c6, closed=tehran(2026, 10, 1, 11))
        deal("d4", won, 3_000_000, b.id, contact_id=c6, closed=tehran(2026, 6, 1, 11))
        deal("d5", won, 4_000_001, a.id, contact_id=c6, closed=tehran(2026, 11, 15, 16))
        # c7, c9: won last period only
        deal("d6", won, 1_500_000, b.id, contact_id=c7, closed=tehran(2026, 10, 10, 9))
        deal("d20", won, 1_000_000, b.id, contact_id=c9, closed=tehran(2026, 10, 20, 9))
        # won at the period's first instant: c2's first won deal, a new customer
        deal("d7", won, 2_000_000, b.id, contact_id=c2, closed=START)
        # lost in the period / at its last instant before it
        deal("d8", lost, 9_000_000, a.id, contact_id=c8, closed=tehran(2026, 11, 3, 8),
             created=tehran(2026, 11, 1))
        deal("d9", lost, 8_000_000, a.id, contact_id=c8, closed=START - US)
        # won in the period but in the Trash: c8 stays unconverted
        deal("d10", won, 7_000_000, a.id, contact_id=c8, closed=tehran(2026, 11, 6),
             deleted=tehran(2026, 11, 7))
        # won in the period, live, of a contact in the Trash: a won deal, not a customer
        deal("d11", won, 6_000_000, a.id, contact_id=c5, closed=tehran(2026, 11, 8))
        # won in the period without a contact
        deal("d12", won, 500_000, b.id, closed=tehran(2026, 11, 9))
        # created straight into the won stage: no closed_at, its stage changed in the period
        deal("d13", won, 250_000, b.id, changed=tehran(2026, 11, 20, 23, 59))
        # open, expected on the first / last day; after; in the Trash; without a date
        deal("d14", stage[2], 1_000_099, a.id, expected=date(2026, 10, 23),
             created=tehran(2026, 10, 30))
        deal("d15", stage[4], 333, b.id, expected=date(2026, 11, 21),
             created=tehran(2026, 11, 21, 23))
        deal("d16", stage[1], 1_000_000, a.id, expected=date(2026, 11, 22), created=END)
        deal("d17", stage[3], 8_000_000, a.id, expected=date(2026, 11, 1),
             deleted=tehran(2026, 11, 2))
        deal("d18", stage[3], 4_000_000, b.id)

        # -- campaigns (start dates are days) ---------------------------------------------
        def campaign(key: str, start: date | None, cost: int, owner: int) -> None:
            add(key, m.Campaign(name=key, channel="sms", start_date=start,
                                actual_cost_rial=cost, owner_id=owner))

        campaign("k1", date(2026, 10, 23), 1_000_001, a.id)  # first day
        campaign("k2", date(2026, 11, 21), 2_000_000, b.id)  # last day
        campaign("k3", date(2026, 10, 22), 9_999, a.id)      # the day before
        campaign("k4", None, 5, a.id)                        # no start date

        # -- tickets ----------------------------------------------------------------------
        seq = iter(range(1, 100))

        def ticket(key: str, created: datetime, assignee: int, *, category: str = "request",
                   closed: datetime | None = None, score: int | None = None,
                   due: datetime | None = None, responded: datetime | None = None,
                   deleted: datetime | None = None) -> None:
            add(key, m.Ticket(year=1405, seq=next(seq), subject=key, created_at=created,
                              assignee_id=assignee, category=category, closed_at=closed,
                              status="closed" if closed else "open", satisfaction=score,
                              sla_due_at=due, first_response_at=responded,
                              deleted_at=deleted))

        # 25.5 h to close, after its SLA (a breach), answered after 1 h
        ticket("t1", tehran(2026, 10, 25, 9), a.id, category="complaint",
               closed=tehran(2026, 10, 26, 10, 30), score=5, due=tehran(2026, 10, 26, 9),
               responded=tehran(2026, 10, 25, 10))
        # opened and answered last period, closed in this one after 288 h, within its SLA
        ticket("t2", tehran(2026, 10, 20, 8), b.id, closed=tehran(2026, 11, 1, 8), score=3,
               due=tehran(2026, 11, 2), responded=tehran(2026, 10, 20, 8, 30))
        # closed at the period's last instant, no score, no SLA; answered after 20 min
        ticket("t3", tehran(2026, 11, 10, 12), a.id, closed=END - US,
               responded=tehran(2026, 11, 10, 12, 20))
        # closed at the first instant after the period
        ticket("t4", tehran(2026, 11, 21, 22), b.id, category="complaint", closed=END,
               score=1)
        # in the Trash
        ticket("t5", tehran(2026, 11, 3), a.id, closed=tehran(2026, 11, 4), score=1,
               due=tehran(2026, 11, 3, 1), responded=tehran(2026, 11, 3, 0, 1),
               deleted=tehran(2026, 11, 5))
        # still open, answered after 15 min (0.25 h: half up gives 0.3)
        ticket("t6", tehran(2026, 11, 5, 10), b.id, category="question",
               due=tehran(2026, 11, 5, 12), responded=tehran(2026, 11, 5, 10, 15))
        # opened at the first instant; closed exactly at its SLA due time (not a breach)
        ticket("t7", START, a.id, category="technical", closed=tehran(2026, 10, 23, 1, 3),
               score=4, due=tehran(2026, 10, 23, 1, 3))

        # opened on the previous period's last evening, first answered in this period
        # (2 h later): its first response counts here, its opening there
        ticket("t8", tehran(2026, 10, 22, 23), a.id, responded=tehran(2026, 10, 23, 1))

        # -- activities -------------------------------------------------------------------
        def activity(key: str, done: datetime | None, owner: int | None) -> None:
            add(key, m.Activity(kind="call", subject=key, done_at=done, owner_id=owner,
                                due_at=tehran(2026, 11, 10), created_at=OLD))

        activity("a1", START, a.id)                 # done at the first instant
        activity("a2", START - US, a.id)            # the last instant before
        activity("a3", END - US, b.id)              # the last instant
        activity("a4", None, a.id)                  # not done
        activity("a5", END, b.id)                   # the first instant after
        activity("a6", tehran(2026, 11, 11), None)  # nobody's
    return World(admin, a.id, b.id, ids)


def D(text: str) -> Decimal:
    return Decimal(text)


# 6 won deals: d1 1,000,000 + d5 4,000,001 + d7 2,000,000 + d11 6,000,000 + d12 500,000
# + d13 250,000 = 13,750,001; 1 lost (d8). New customers c1, c2; created c1, c3, c8 of which
# c1 converted; last period's buyers c6, c7, c9 of which c6 bought again. CLV: d1, d3, d4,
# d5, d6, d7, d20 = 14,500,001 over c1, c2, c6, c7, c9. Campaigns k1 + k2 = 3,000,001.
# Tickets closed t1 t2 t3 t7: scores 5 3 4; SLA t1 late, t2 and t7 in time; resolution
# 25.5 + 288 + (276 h - 1 us) + 1.05 h; answered t1 60 min, t3 20 min, t6 15 min, t8 2 h.
EXPECTED: dict[str, Any] = {
    "new_contacts": 3,
    "new_customers": 2,
    "won_deals": 6,
    "lost_deals": 1,
    "win_rate": D("0.8571"),                 # 6 / 7
    "revenue_rial": 13_750_001,
    "average_deal_rial": 2_291_667,          # 2,291,666.83
    "lead_conversion_rate": D("0.3333"),     # 1 / 3
    "retention_rate": D("0.3333"),           # 1 / 3
    "churn_rate": D("0.6667"),
    "clv_rial": 2_900_000,                   # 14,500,001 / 5 = 2,900,000.2
    "cac_rial": 1_500_001,                   # 3,000,001 / 2 = 1,500,000.5
    "csat_average": D("4.00"),               # 12 / 3
    "csat_satisfied_rate": D("0.6667"),      # t1, t7 of 3
    "tickets_opened": 5,                     # t1 t3 t4 t6 t7
    "tickets_closed": 4,
    "sla_breach_rate": D("0.3333"),          # t1 of t1 t2 t7
    "avg_first_response_hours": D("0.9"),    # 215 min / 4 = 0.8958 h
    "avg_resolution_hours": D("147.6"),      # 590.55 h - 1 us over 4
    "pipeline_open_rial": 1_000_432,         # d14 + d15
    "forecast_weighted_rial": 250_273,       # 250,024 (250,024.75) + 249 (249.75)
    "activities_done": 3,                    # a1 a3 a6
}
# user A: deals d1 d5 d11 won, d8 lost; contacts c1 c2 c5(Trash) c6 c8; campaign k1;
# tickets t1 t3 t7 (t8 answered); activity a1
EXPECTED_A: dict[str, Any] = {
    "new_contacts": 2, "new_customers": 2, "won_deals": 3, "lost_deals": 1,
    "win_rate": D("0.7500"), "revenue_rial": 11_000_001, "average_deal_rial": 3_666_667,
    "lead_conversion_rate": D("0.5000"), "retention_rate": D("1.0000"),
    "churn_rate": D("0.0000"), "clv_rial": 4_000_000,   # 12,000,001 / 3 (c1, c2, c6)
    "cac_rial": 500_001,                                  # 1,000,001 / 2
    "csat_average": D("4.50"), "csat_satisfied_rate": D("1.0000"), "tickets_opened": 3,
    "tickets_closed": 3, "sla_breach_rate": D("0.5000"),
    "avg_first_response_hours": D("1.1"),                 # t1 t3 t8: 200 min / 3
    "avg_resolution_hours": D("100.8"),                   # 302.55 h - 1 us over 3
    "pipeline_open_rial": 1_000_099, "forecast_weighted_rial": 250_024,
    "activities_done": 1,
}
# user B: deals d7 d12 d13 won; contacts c3 c4 c7 c9; campaign k2; tickets t2 t4 t6; a3
EXPECTED_B: dict[str, Any] = {
    "new_contacts": 1, "new_customers": 0, "won_deals": 3, "lost_deals": 0,
    "win_rate": D("1.0000"), "revenue_rial": 2_750_000, "average_deal_rial": 916_667,
    "lead_conversion_rate": D("0.0000"), "retention_rate": D("0.0000"),
    "churn_rate": D("1.0000"), "clv_rial": 1_250_000, "cac_rial": None,
    "csat_average": D("3.00"), "csat_satisfied_rate": D("0.0000"), "tickets_opened": 2,
    "tickets_closed": 1, "sla_breach_rate": D("0.0000"),
    "avg_first_response_hours": D("0.3"),                 # 15 min, half up
    "avg_resolution_hours": D("288.0"),
    "pipeline_open_rial": 333, "forecast_weighted_rial": 249, "activities_done": 1,
}
# 1405-07 (2026-09-23 .. 2026-10-22): won d3 d6 d20, lost d9 (its last instant); c2
# created; c7 and c9 bought first; t2 opened and answered (30 min), t8 opened; a2 done;
# k3 started
EXPECTED_PREVIOUS: dict[str, Any] = {
    "new_contacts": 1, "new_customers": 2, "won_deals": 3, "lost_deals": 1,
    "win_rate": D("0.7500"), "revenue_rial": 4_500_000, "average_deal_rial": 1_500_000,
    "lead_conversion_rate": D("0.0000"), "retention_rate": None, "churn_rate": None,
    "clv_rial": 2_500_000,                  # d3 d4 d6 d20: 7,500,000 / 3 (c6 c7 c9)
    "cac_rial": 5_000,                                    # 9,999 / 2 = 4,999.5
    "csat_average": None, "csat_satisfied_rate": None, "tickets_opened": 2,
    "tickets_closed": 0, "sla_breach_rate": None,
    "avg_first_response_hours": D("0.5"), "avg_resolution_hours": None,
    "pipeline_open_rial": 0, "forecast_weighted_rial": 0, "activities_done": 1,
}
