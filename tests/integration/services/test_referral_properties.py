"""Hypothesis over referral points on a real database: any sequence of winning,
reopening and losing deals, accepting and un-accepting proformas, spending the
referrer's points and changing who referred whom keeps every balance at or above zero,
each referral rewarded at most once at a time (its rows' basis 0 or 1), and rewarded
exactly while the referred contact has a purchase and a live referrer other than itself."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from crm_desktop.core import Core
from crm_desktop.db import models as m
from crm_desktop.domain.errors import ValidationError

SETTINGS = settings(max_examples=25, deadline=None, database=None,
                    suppress_health_check=list(HealthCheck))
RATE, POINTS = 1_000, 70


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Core]:
    path: Path = tmp_path_factory.mktemp("referrals") / "crm.sqlite3"
    with Core.open(path) as core:
        core.club.set_settings({"enabled": True, "rial_per_point": RATE,
                                "referral_points": POINTS, "expiry_months": 0})
        yield core


operations = st.lists(st.one_of(
    st.tuples(st.just("win"), st.integers(0, 1), st.integers(0, 1)),
    st.tuples(st.just("reopen"), st.integers(0, 1), st.integers(0, 1)),
    st.tuples(st.just("lose"), st.integers(0, 1), st.integers(0, 1)),
    st.tuples(st.just("accept"), st.integers(0, 1), st.integers(0, 1)),
    st.tuples(st.just("unaccept"), st.integers(0, 1), st.integers(0, 1)),
    st.tuples(st.just("refer"), st.integers(0, 1), st.integers(0, 2)),  # 2: no one
    st.tuples(st.just("redeem"), st.integers(0, 1), st.integers(1, 200)),
), min_size=1, max_size=14)


def referral_basis(core: Core, referred: int) -> dict[int, int]:
    L = m.ClubLedger
    with core.db.read() as session:
        return {int(h): int(b) for h, b in session.execute(
            select(L.contact_id, func.sum(L.basis_rial))
            .where(L.source == "referral", L.source_id == referred).group_by(L.contact_id))}


@SETTINGS
@given(ops=operations)
def test_referral_points_follow_the_first_purchase(world: Core,
                                                   ops: list[tuple[str, int, int]]) -> None:
    core = world
    stages = {s["outcome"]: s["id"] for s in core.stages.list()}
    referrers = [core.contacts.create({"last_name": f"معرف {i}"}) for i in range(2)]
    referred = [core.contacts.create({"last_name": f"خریدار {i}",
                                      "referred_by_id": referrers[0]}) for i in range(2)]
    deals = [core.deals.create({"title": "خرید", "contact_id": r, "amount_rial": 5 * RATE})
             for r in referred]
    proformas = [core.proformas.create({"contact_id": r}, [
        {"description": "خدمت", "unit_price_rial": 3 * RATE}]) for r in referred]
    won = [False, False]
    accepted = [False, False]
    referrer_of: list[int | None] = [referrers[0], referrers[0]]
    for op, i, n in ops:
        if op in ("win", "reopen", "lose"):
            outcome = {"win": "won", "reopen": "open", "lose": "lost"}[op]
            core.deals.move(deals[i], stages[outcome], "گران بود")
            won[i] = op == "win"
        elif op in ("accept", "unaccept"):
            core.proformas.set_status(proformas[i], "accepted" if op == "accept" else "sent")
            accepted[i] = op == "accept"
        elif op == "refer":
            who = referrers[n] if n < 2 else None
            core.contacts.update(referred[i], {"referred_by_id": who})
            referrer_of[i] = who
        else:
            with contextlib.suppress(ValidationError):  # more than the balance: refused
                core.club.redeem(referrers[i], n)
        for p in referrers:
            assert core.club.of_contact(p)["balance"] >= 0
        for k, r in enumerate(referred):
            basis = referral_basis(core, r)
            assert all(b in (0, 1) for b in basis.values()), basis
            bought = won[k] or accepted[k]
            holder = referrer_of[k] if bought else None
            assert {h for h, b in basis.items() if b} == ({holder} if holder else set())
