"""Hypothesis over the club's ledger on a real database: any sequence of earning, giving,
spending, expiring and changing the expiry period keeps the balance equal to a model's,
never below zero, equal to the sum of the rows and to what the lots still hold; any
sequence of winning, losing, trashing, editing and accepting never earns a sale twice."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from crm_desktop.core import Core
from crm_desktop.db import models as m
from crm_desktop.domain import clock
from crm_desktop.domain.errors import ValidationError
from crm_desktop.services.club.ledger import expiry_for

SETTINGS = settings(max_examples=30, deadline=None, database=None,
                    suppress_health_check=list(HealthCheck))
RATE = 1_000


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Core]:
    path: Path = tmp_path_factory.mktemp("club") / "crm.sqlite3"
    with Core.open(path) as core:
        core.club.set_settings({"enabled": True, "rial_per_point": RATE,
                                "expiry_months": 1})
        yield core


def stored(core: Core, contact: int) -> tuple[int, int, int]:
    """(sum of points, sum of remaining, the member row's balance)."""
    L = m.ClubLedger
    with core.db.read() as session:
        points, left = session.execute(
            select(func.coalesce(func.sum(L.points), 0),
                   func.coalesce(func.sum(L.remaining), 0)).where(L.contact_id == contact)).one()
        row = session.get(m.ContactClub, contact)
        return int(points), int(left), (row.balance if row else 0)


operations = st.lists(st.one_of(
    st.tuples(st.just("give"), st.integers(1, 400)),
    st.tuples(st.just("take"), st.integers(1, 400)),
    st.tuples(st.just("redeem"), st.integers(1, 400)),
    st.tuples(st.just("earn"), st.integers(0, 900_000)),
    st.tuples(st.just("months"), st.integers(0, 4)),
    st.tuples(st.just("expire"), st.integers(0, 200)),
), min_size=1, max_size=12)


@SETTINGS
@given(ops=operations)
def test_ledger_arithmetic_and_expiry(world: Core, ops: list[tuple[str, int]]) -> None:
    core = world
    core.club.set_settings({"expiry_months": 1})
    contact = core.contacts.create({"last_name": "مدل"})
    won = next(s["id"] for s in core.stages.list() if s["outcome"] == "won")
    months = 1
    lots: list[list] = []  # [expires_at or None, order, remaining], like the lots
    now = datetime.now(UTC)

    def spend(n: int) -> None:
        for lot in sorted(lots, key=lambda x: (x[0] is None, x[0] or now, x[1])):
            used = min(lot[2], n)
            lot[2] -= used
            n -= used

    def held() -> int:
        return sum(lot[2] for lot in lots)

    for op, n in ops:
        if op in ("give", "earn"):
            points = n if op == "give" else n // RATE
            if op == "give":
                core.club.adjust(contact, n, "هدیه")
            else:
                deal = core.deals.create({"title": "خرید", "contact_id": contact,
                                          "amount_rial": n})
                core.deals.move(deal, won)
            if points:
                lots.append([expiry_for(datetime.now(UTC), months), len(lots), points])
        elif op in ("take", "redeem"):
            # spending first expires what is due (nothing here: "now" is before any expiry)
            before = stored(core, contact)
            call = (core.club.redeem if op == "redeem" else
                    lambda c, k: core.club.adjust(c, -k, "اصلاح"))
            if n > held():
                with pytest.raises(ValidationError):
                    call(contact, n)
                assert stored(core, contact) == before
            else:
                call(contact, n)
                spend(n)
        elif op == "months":
            core.club.set_settings({"expiry_months": n})
            months = n
        else:
            at = now + timedelta(days=n)
            due = [lot for lot in lots if lot[0] is not None and lot[0] <= at]
            for lot in due:
                lot[2] = 0
            # the other examples' members share the database: their lots expire too
            assert core.club.expire(at) >= sum(lot[2] for lot in due)
            assert core.club.expire(at) == 0
        points, left, balance = stored(core, contact)
        assert points == left == balance == held() >= 0
        info = core.club.of_contact(contact)
        assert info["balance"] == held()
        days: dict = {}
        for lot in lots:
            if lot[2] and lot[0] is not None:
                day = clock.local_day(lot[0])
                days[day] = days.get(day, 0) + lot[2]
        assert info["expiring"] == [{"date": d, "points": p} for d, p in sorted(days.items())]


actions = st.lists(st.one_of(
    st.sampled_from(["won", "open", "lost", "trash", "restore", "accept", "unaccept",
                     "accept_and_win"]),
    st.tuples(st.just("amount"), st.integers(0, 50_000_000)),
), min_size=1, max_size=10)


@SETTINGS
@given(steps=actions)
def test_a_sale_never_earns_twice(world: Core, steps: list) -> None:
    """After every step the contact holds exactly the points of what counts as a purchase
    now (the deal when it is live and won; else the accepted proforma unless its deal is in
    the Trash), which is also what the RFM figures count."""
    core = world
    stages = {s["outcome"]: s["id"] for s in core.stages.list()}
    contact = core.contacts.create({"last_name": "فروش"})
    deal = core.deals.create({"title": "قرارداد", "contact_id": contact,
                              "amount_rial": 2_000_000})
    pid = core.proformas.create({"contact_id": contact, "deal_id": deal},
                                [{"description": "کار", "unit_price_rial": 1_500_000}])
    total = 1_650_000  # with 10% VAT
    for step in steps:
        try:
            if step in ("won", "open"):
                core.deals.move(deal, stages[step])
            elif step == "lost":
                core.deals.move(deal, stages["lost"], "گران بود")
            elif step == "trash":
                core.deals.delete(deal)
            elif step == "restore":
                core.deals.restore(deal)
            elif step in ("accept", "accept_and_win"):
                core.proformas.set_status(pid, "accepted", mark_deal_won=step != "accept")
            elif step == "unaccept":
                core.proformas.set_status(pid, "sent")
            else:
                core.deals.update(deal, {"amount_rial": step[1]})
        except Exception as exc:  # a deal in the Trash cannot be moved or edited
            assert type(exc).__name__ == "NotFoundError", exc
        d = core.deals.get(deal, include_deleted=True)
        live_won = d["deleted_at"] is None and d["stage_id"] == stages["won"]
        accepted = core.proformas.get(pid)["status"] == "accepted"
        if live_won:
            expected = d["amount_rial"] // RATE
        elif accepted and d["deleted_at"] is None:
            expected = total // RATE
        else:
            expected = 0
        info = core.club.of_contact(contact)
        assert info["balance"] == expected, (step, d, accepted)
        assert stored(core, contact)[0] == expected
        rfm = core.rfm.of_contact(contact)
        assert rfm["monetary_rial"] // RATE == expected
