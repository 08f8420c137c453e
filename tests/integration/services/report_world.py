"""A small hand-made database for the report tests: every answer in the tests is worked
out by hand from the rows below. The period of most tests is Mehr 1405 (1405-07), on the
Tehran clock: 1405/07/01 00:00 Tehran = 2026-09-22 20:30 UTC up to 1405/08/01 00:00 Tehran
= 2026-10-22 20:30 UTC (excluded).

Users: علی (Ali), سارا (Sara), and the administrator the database starts with.
Contacts: A مریم (Ali, instagram, created in Mehr, born 1370/07/01), B رضا (Sara,
referral, created in Shahrivar, loyal, born 1380/06/31), C (Sara, in the Trash), D نگار
(Sara, source campaign, created in Mehr, campaign 1, born 1360/07/30), E (created in Mehr,
in the Trash, born 1390/07/10).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from decimal import Decimal
from typing import Any

from crm_desktop.db import models as m
from crm_desktop.domain import clock
from crm_desktop.domain.periods import parse_period
from crm_desktop.text.jalali import parse_jalali

MEHR = parse_period("1405-07")


def at(jalali: str, hhmm: str = "12:00") -> datetime:
    """An instant on the Tehran clock, as stored (aware UTC)."""
    h, mi = (int(x) for x in hhmm.split(":"))
    return clock.at(parse_jalali(jalali), time(h, mi))


@dataclass
class World:
    admin: int
    ali: int
    sara: int
    contacts: dict[str, int]
    deals: dict[int, int]
    campaigns: dict[str, int]
    stages: dict[str, int]


def stage_ids(core: Any) -> dict[str, int]:
    out: dict[str, int] = {}
    for s in core.stages.list():
        out.setdefault(s["outcome"], s["id"])
    return out


def build(core: Any) -> World:
    stages = stage_ids(core)
    trash = at("1405/08/05")
    with core.db.write() as s:
        ali = m.User(username="ali", display_name="علی", role="sales")
        sara = m.User(username="sara", display_name="سارا", role="sales")
        s.add_all([ali, sara])
        s.flush()

        camp1 = m.Campaign(name="پیامک مهر", channel="sms", status="completed",
                           start_date=parse_jalali("1405/07/05"), actual_cost_rial=2_000_000,
                           owner_id=sara.id)
        camp2 = m.Campaign(name="شهریور", channel="sms", status="completed",
                           start_date=parse_jalali("1405/06/20"), actual_cost_rial=9_000_000,
                           owner_id=sara.id)
        camp3 = m.Campaign(name="ایمیل آخر مهر", channel="email", status="planned",
                           start_date=parse_jalali("1405/07/25"), actual_cost_rial=0,
                           owner_id=ali.id)
        s.add_all([camp1, camp2, camp3])
        s.flush()

        def contact(name: str, owner: int, created: datetime, born: str | None,
                    **kw: Any) -> m.Contact:
            birthday = parse_jalali(born) if born else None
            c = m.Contact(last_name=name, full_name=name, owner_id=owner, created_at=created,
                          birthday=birthday, birth_md=birthday.strftime("%m-%d")
                          if birthday else None, sort_key=name, **kw)
            s.add(c)
            return c

        a = contact("مریم", ali.id, at("1405/07/02"), "1370/07/01", source="instagram",
                    mobile="09120000001", lifecycle_stage="customer")
        b = contact("رضا", sara.id, at("1405/06/10"), "1380/06/31", source="referral",
                    mobile="09120000002", lifecycle_stage="loyal")
        c_ = contact("حذف‌شده", sara.id, at("1405/07/03"), "1370/07/05", source="referral",
                     deleted_at=trash)
        d = contact("نگار", sara.id, at("1405/07/30", "23:59"), "1360/07/30",
                    source="campaign", source_campaign_id=camp1.id, mobile="09120000004")
        e = contact("سطل", sara.id, at("1405/07/04"), "1390/07/10", source="campaign",
                    source_campaign_id=camp1.id, deleted_at=trash)
        # created at Aban 1 00:00 Tehran: after the period
        contact("آبان", ali.id, at("1405/08/01", "00:00"), None, source="instagram")
        s.flush()

        won, lost, open_ = stages["won"], stages["lost"], stages["open"]

        def deal(n: int, owner: int | None, stage: int, amount: int, closed: datetime | None,
                 contact: m.Contact | None = None, **kw: Any) -> m.Deal:
            row = m.Deal(title=f"معامله {n}", owner_id=owner, stage_id=stage,
                         amount_rial=amount, closed_at=closed,
                         stage_changed_at=kw.pop("changed", closed or at("1405/01/01")),
                         contact_id=contact.id if contact else None, **kw)
            s.add(row)
            return row

        deals = {
            # Mehr 1 00:30 Tehran = 2026-09-22 21:00 UTC: in
            1: deal(1, ali.id, won, 1_000_000, at("1405/07/01", "00:30"), a),
            # Mehr 30 23:59 Tehran: in
            2: deal(2, ali.id, won, 3_000_000, at("1405/07/30", "23:59"), a),
            # Aban 1 00:00 Tehran: the period has ended
            3: deal(3, ali.id, won, 5_000_000, at("1405/08/01", "00:00"), a),
            # in the Trash
            4: deal(4, sara.id, won, 2_000_000, at("1405/07/10"), c_, deleted_at=trash),
            5: deal(5, sara.id, lost, 4_000_000, at("1405/07/12"), b, lost_reason="گران بود"),
            6: deal(6, sara.id, won, 6_000_000, at("1405/07/18"), b,
                    source_campaign_id=camp1.id),
            7: deal(7, None, lost, 1_000_000, at("1405/07/11"), None,
                    lost_reason="  گران بود "),
            8: deal(8, ali.id, open_, 9_000_000, None, a),
            # Shahrivar 31 23:59 Tehran: before the period
            9: deal(9, ali.id, lost, 8_000_000, at("1405/06/31", "23:59"), a,
                    lost_reason="رقیب"),
            # created straight into the won stage: no closed_at, it entered the stage then
            10: deal(10, sara.id, won, 500_000, None, b, changed=at("1405/07/23")),
            # won before the period
            11: deal(11, ali.id, won, 7_000_000, at("1405/06/15"), a),
            13: deal(13, ali.id, lost, 2_000_000, at("1405/07/20"), None, lost_reason=None),
            # after the period, from campaign 1 (its revenue counts whenever it closed)
            14: deal(14, sara.id, won, 1_000_000, at("1405/08/10"), d,
                     source_campaign_id=camp1.id),
        }
        s.flush()
        for contact_row, status in ((a, "converted"), (d, "responded"), (e, "converted")):
            s.add(m.CampaignMember(campaign_id=camp1.id, contact_id=contact_row.id,
                                   status=status))
        s.flush()
        return World(core.actor_id, ali.id, sara.id,
                     {"A": a.id, "B": b.id, "C": c_.id, "D": d.id, "E": e.id},
                     {k: v.id for k, v in deals.items()},
                     {"1": camp1.id, "2": camp2.id, "3": camp3.id}, stages)


def products_and_proformas(core: Any, w: World) -> dict[str, int]:
    """Two products and six proformas (see test_sales_by_product)."""
    with core.db.write() as s:
        laptop = m.Product(name="لپ‌تاپ", sku="0012", unit_price_rial=10_000_000)
        mouse = m.Product(name="ماوس", sku="0007", unit_price_rial=333_333)
        s.add_all([laptop, mouse])
        s.flush()
        seq = iter(range(1, 100))

        def proforma(issued: str, owner: int, status: str, lines: list[dict[str, Any]],
                     contact: int | None = None, deal: int | None = None) -> m.Proforma:
            p = m.Proforma(year=1405, seq=next(seq), issue_date=parse_jalali(issued),
                           status=status, owner_id=owner, contact_id=contact, deal_id=deal,
                           vat_rate=Decimal(10))
            s.add(p)
            s.flush()
            for i, line in enumerate(lines, 1):
                s.add(m.ProformaLine(proforma_id=p.id, position=i, **line))
            return p

        def line(product: m.Product | None, qty: str, price: int, desc: str = "",
                 kind: str = "amount", value: str = "0") -> dict[str, Any]:
            return {"product_id": product.id if product else None,
                    "description": desc or (product.name if product else ""),
                    "quantity": Decimal(qty), "unit_price_rial": price,
                    "discount_kind": kind, "discount_value": Decimal(value)}

        # PF1: Mehr 1, Ali: 2 laptops less 10% (gross 20,000,000, discount 2,000,000);
        # 1.5 mice at 333,333 = 499,999.5, rounded half up to 500,000
        proforma("1405/07/01", w.ali, "accepted",
                 [line(laptop, "2", 10_000_000, kind="percent", value="10"),
                  line(mouse, "1.5", 333_333)], contact=w.contacts["A"])
        # PF2: Mehr 30, Sara: 1 laptop less 500,000; an installation with no product
        proforma("1405/07/30", w.sara, "accepted",
                 [line(laptop, "1", 10_000_000, value="500000"),
                  line(None, "1", 1_000_000, desc="نصب")], contact=w.contacts["B"])
        # PF3: Aban 1 (after); PF4: only sent; PF5: its buyer is in the Trash;
        # PF6: its deal is in the Trash (its buyer is not)
        proforma("1405/08/01", w.ali, "accepted", [line(laptop, "5", 10_000_000)],
                 contact=w.contacts["A"])
        proforma("1405/07/10", w.ali, "sent", [line(laptop, "5", 10_000_000)],
                 contact=w.contacts["A"])
        proforma("1405/07/15", w.sara, "accepted", [line(laptop, "5", 10_000_000)],
                 contact=w.contacts["C"])
        proforma("1405/07/20", w.sara, "accepted", [line(mouse, "9", 333_333)],
                 contact=w.contacts["B"], deal=w.deals[4])
        return {"laptop": laptop.id, "mouse": mouse.id}
