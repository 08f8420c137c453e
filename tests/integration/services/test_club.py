"""The customer club on a real database: points earned and taken back with the sale that
earns them (never twice), spending that never takes a balance below zero, expiry, tiers
and their boundaries, merges, the contact list's tier and the list filter's "tiers"."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from crm_desktop.core import Core
from crm_desktop.db import models as m
from crm_desktop.domain import clock
from crm_desktop.domain.errors import NotFoundError, ValidationError
from crm_desktop.services.base import ListQuery
from crm_desktop.services.contact_filter import parse

RATE = 1_000  # Rials per point in these tests


def stage(core: Core, outcome: str) -> int:
    return next(s["id"] for s in core.stages.list() if s["outcome"] == outcome)


@pytest.fixture
def club(core: Core) -> Core:
    core.club.set_settings({"enabled": True, "rial_per_point": RATE, "point_value_rial": 100,
                            "expiry_months": 12})
    return core


def balance(core: Core, contact: int) -> int:
    return core.club.of_contact(contact)["balance"]


def ledger_sum(core: Core, contact: int) -> tuple[int, int]:
    """(sum of the points, sum of what the lots still hold) straight from the table."""
    L = m.ClubLedger
    with core.db.read() as session:
        points, left = session.execute(
            select(func.coalesce(func.sum(L.points), 0), func.coalesce(func.sum(L.remaining), 0))
            .where(L.contact_id == contact)).one()
    return int(points), int(left)


def won_deal(core: Core, contact: int, amount: int) -> int:
    deal = core.deals.create({"title": "خرید", "contact_id": contact, "amount_rial": amount})
    core.deals.move(deal, stage(core, "won"))
    return deal


# -- earning -----------------------------------------------------------------------------
def test_a_won_deal_earns_and_leaving_won_takes_back(club: Core) -> None:
    a = club.contacts.create({"last_name": "رضایی"})
    deal = won_deal(club, a, 2_500_700)
    assert balance(club, a) == 2500
    club.deals.move(deal, stage(club, "open"))
    assert balance(club, a) == 0
    club.deals.move(deal, stage(club, "won"))
    assert balance(club, a) == 2500
    club.deals.delete(deal)
    assert balance(club, a) == 0
    club.deals.restore(deal)
    assert balance(club, a) == 2500
    club.deals.update(deal, {"amount_rial": 4_000_000})
    assert balance(club, a) == 4000
    club.deals.update(deal, {"amount_rial": 1_000_000})
    assert balance(club, a) == 1000
    assert ledger_sum(club, a) == (1000, 1000)


def test_no_double_earning_for_a_proforma_and_its_deal(club: Core) -> None:
    """An accepted proforma that wins its deal is that deal's sale: earned once."""
    a = club.contacts.create({"last_name": "کریمی"})
    deal = club.deals.create({"title": "نصب", "contact_id": a, "amount_rial": 3_000_000})
    pid = club.proformas.create({"contact_id": a, "deal_id": deal},
                                [{"description": "نصب", "unit_price_rial": 3_000_000}])
    club.proformas.set_status(pid, "accepted", mark_deal_won=True)
    assert balance(club, a) == 3000
    club.proformas.set_status(pid, "sent")
    club.proformas.set_status(pid, "accepted")
    assert balance(club, a) == 3000
    # the deal leaves won: now the accepted proforma is the sale (total with 10% VAT)
    club.deals.move(deal, stage(club, "open"))
    assert balance(club, a) == 3300
    club.deals.move(deal, stage(club, "won"))
    assert balance(club, a) == 3000


def test_a_purchase_that_changes_hands_moves_its_points(club: Core) -> None:
    a = club.contacts.create({"last_name": "الف"})
    b = club.contacts.create({"last_name": "ب"})
    deal = won_deal(club, a, 5_000_000)
    club.deals.update(deal, {"contact_id": b})
    assert (balance(club, a), balance(club, b)) == (0, 5000)


def test_taking_back_never_goes_below_zero_and_winning_again_does_not_pay_twice(
        club: Core) -> None:
    a = club.contacts.create({"last_name": "خرج‌کرده"})
    deal = won_deal(club, a, 1_000_000)
    club.club.redeem(a, 800)
    club.deals.move(deal, stage(club, "open"))
    assert balance(club, a) == 0  # 200 were left to take back; the 800 spent stay spent
    club.deals.move(deal, stage(club, "won"))
    # the deal holds 1,000 points in all (1,000 earned - 200 taken back + 200 again)
    assert balance(club, a) == 200
    assert ledger_sum(club, a) == (200, 200)


def test_earning_from_the_start_day_and_catching_up(core: Core) -> None:
    today = clock.today()
    a = core.contacts.create({"last_name": "قدیمی"})
    won_deal(core, a, 9_000_000)
    assert balance(core, a) == 0  # the club is off
    core.club.set_settings({"enabled": True, "rial_per_point": RATE,
                            "started_on": today + timedelta(days=1)})
    won_deal(core, a, 2_000_000)
    assert balance(core, a) == 0  # before the start
    core.club.set_settings({"started_on": today})  # what was bought since earns now
    assert balance(core, a) == 11_000
    core.club.set_settings({"enabled": False})
    won_deal(core, a, 2_000_000)
    assert balance(core, a) == 11_000
    core.club.set_settings({"enabled": True})  # caught up once, not twice
    core.club.set_settings({"started_on": today - timedelta(days=3)})
    assert balance(core, a) == 13_000 == core.club.outstanding()


def test_a_contact_in_the_trash_never_earns(club: Core) -> None:
    a = club.contacts.create({"last_name": "حذفی"})
    deal = club.deals.create({"title": "x", "contact_id": a, "amount_rial": 2_000_000})
    club.contacts.delete(a)
    club.deals.move(deal, stage(club, "won"))
    assert ledger_sum(club, a) == (0, 0)


# -- spending ----------------------------------------------------------------------------
def test_a_balance_never_goes_below_zero(club: Core) -> None:
    a = club.contacts.create({"last_name": "کم"})
    club.club.adjust(a, 100, "خوش‌آمد")
    with pytest.raises(ValidationError) as err:
        club.club.redeem(a, 101)
    assert err.value.fields == ["points"] and "100" in err.value.message("en")
    with pytest.raises(ValidationError):
        club.club.adjust(a, -101, "اصلاح")
    assert balance(club, a) == 100
    club.club.redeem(a, 100)
    assert balance(club, a) == 0
    for bad in (0, -1, "x", None, 2**63, 1.5):
        with pytest.raises(ValidationError):
            club.club.redeem(a, bad)
    with pytest.raises(ValidationError):
        club.club.adjust(a, 0, "هیچ")
    with pytest.raises(ValidationError):
        club.club.adjust(a, 5, "")  # a reason is required
    with pytest.raises(NotFoundError):
        club.club.redeem(10**6, 1)


def test_redeeming_on_a_proforma_discounts_its_largest_line(club: Core) -> None:
    a = club.contacts.create({"last_name": "خریدار"})
    club.club.adjust(a, 1000, "هدیه")
    pid = club.proformas.create({"contact_id": a}, [
        {"description": "کوچک", "unit_price_rial": 20_000},
        {"description": "بزرگ", "unit_price_rial": 50_000,
         "discount_kind": "amount", "discount_value": 5_000}])
    row = club.club.redeem_on_proforma(pid, 100)  # 100 x 100 Rials
    lines = club.proformas.get(pid)["lines"]
    assert [int(x["discount_value"]) for x in lines] == [0, 15_000]
    assert balance(club, a) == 900
    # more than the line costs: capped at what is left (35,000), 350 points spent
    club.club.redeem_on_proforma(pid, 900, line_id=lines[1]["id"])
    assert int(club.proformas.get(pid)["lines"][1]["discount_value"]) == 50_000
    assert balance(club, a) == 550
    entry = club.club_ledger.get(row)
    assert (entry["kind"], entry["points"], entry["source"]) == ("redeemed", -100, "proforma")
    with pytest.raises(ValidationError):  # nothing left to discount on that line
        club.club.redeem_on_proforma(pid, 1, line_id=lines[1]["id"])
    club.proformas.set_status(pid, "accepted")
    with pytest.raises(ValidationError):
        club.club.redeem_on_proforma(pid, 1)


# -- expiry ------------------------------------------------------------------------------
def test_points_expire_once_after_the_period(club: Core) -> None:
    a = club.contacts.create({"last_name": "دیرکرد"})
    club.club.adjust(a, 300, "هدیه")
    club.club.redeem(a, 100)
    info = club.club.of_contact(a)
    assert [x["points"] for x in info["expiring"]] == [200]
    now = datetime.now(UTC)
    assert club.club.expire(now + timedelta(days=300)) == 0
    assert club.club.expire(now + timedelta(days=370)) == 200
    assert club.club.expire(now + timedelta(days=370)) == 0
    assert balance(club, a) == 0 and ledger_sum(club, a) == (0, 0)
    assert club.club.of_contact(a)["expiring"] == []


def test_points_that_never_expire(club: Core) -> None:
    club.club.set_settings({"expiry_months": 0})
    a = club.contacts.create({"last_name": "همیشه"})
    club.club.adjust(a, 10, "هدیه")
    assert club.club.expire(datetime.now(UTC) + timedelta(days=36_500)) == 0
    assert club.club.of_contact(a)["expiring"] == []


# -- tiers -------------------------------------------------------------------------------
def test_tier_boundaries_and_changes(club: Core) -> None:
    a = club.contacts.create({"last_name": "مرزی"})
    club.club.adjust(a, 499, "هدیه")
    assert club.club.of_contact(a)["tier"] == "bronze"
    assert club.club.of_contact(a)["to_next"] == 1
    club.club.adjust(a, 1, "هدیه")
    assert club.club.of_contact(a)["tier"] == "silver"
    club.club.redeem(a, 1)
    assert club.club.of_contact(a)["tier"] == "bronze"
    with club.db.read() as session:
        moves = [(c.from_tier, c.to_tier, c.up) for c in session.scalars(
            select(m.ClubTierChange).where(m.ClubTierChange.contact_id == a)
            .order_by(m.ClubTierChange.id))]
    assert moves == [(None, "bronze", True), ("bronze", "silver", True),
                     ("silver", "bronze", False)]


def test_tiers_by_spend_and_recompute(club: Core) -> None:
    a = club.contacts.create({"last_name": "پرخرید"})
    b = club.contacts.create({"last_name": "کم‌خرید"})
    won_deal(club, a, 8_000_000)
    won_deal(club, b, 1_000_000)
    club.club.set_settings({"basis": "spend", "tiers": [
        {"key": "silver", "name": "نقره", "min": 2_000_000},
        {"key": "gold", "name": "طلا", "min": 8_000_000}]})
    assert club.club.of_contact(a)["tier"] == "gold"
    assert club.club.of_contact(b)["tier"] is None
    assert club.club.tier_sizes() == [
        {"tier": "silver", "name": "نقره", "count": 0},
        {"tier": "gold", "name": "طلا", "count": 1},
        {"tier": None, "name": None, "count": 1}]
    assert club.club.recompute() == {"silver": 0, "gold": 1, "none": 1}
    assert club.club.outstanding() == 9000


def test_bad_settings_name_their_field(club: Core) -> None:
    cases: list[tuple[dict[str, Any], str]] = [
        ({"rial_per_point": 0}, "rial_per_point"),
        ({"basis": "age"}, "basis"),
        ({"tiers": [{"key": "Gold!", "name": "x", "min": 1}]}, "tiers[0].key"),
        ({"tiers": [{"key": "none", "name": "x", "min": 1}]}, "tiers[0].key"),
        ({"tiers": [{"key": "a", "name": "x", "min": 1}, {"key": "a", "name": "y", "min": 2}]},
         "tiers[1].key"),
        ({"tiers": [{"key": "a", "name": "", "min": 1}]}, "tiers[0].name"),
        ({"expiry_months": 121}, "expiry_months"),
        ({"colour": "red"}, "colour"),
    ]
    for changes, field in cases:
        with pytest.raises(ValidationError) as err:
            club.club.set_settings(changes)
        assert field in err.value.fields, (changes, err.value.fields)
        assert err.value.message("fa")
    club.club.set_settings({"tiers": [{"key": "b", "name": "دو", "min": 9},
                                      {"key": "a", "name": "یک", "min": 1}]})
    assert [t["key"] for t in club.club.settings()["tiers"]] == ["a", "b"]


# -- merge, lists, filters ---------------------------------------------------------------
def test_a_merge_moves_the_points_to_the_survivor(club: Core) -> None:
    a = club.contacts.create({"last_name": "اصلی"})
    b = club.contacts.create({"last_name": "تکراری"})
    won_deal(club, b, 700_000)
    club.club.adjust(b, 50, "هدیه")
    club.club.adjust(a, 5, "هدیه")
    club.merging.merge("contacts", a, [b])
    assert balance(club, a) == 755
    assert ledger_sum(club, b) == (0, 0)
    assert club.club_members.count() == 1
    assert club.club_ledger.count(ListQuery(filters={"contact_id": a})) == 3


def test_contact_list_tier_and_filters(club: Core) -> None:
    gold = club.contacts.create({"last_name": "طلایی"})
    silver = club.contacts.create({"last_name": "نقره‌ای"})
    nobody = club.contacts.create({"last_name": "بی‌امتیاز"})
    club.club.adjust(gold, 2000, "هدیه")
    club.club.adjust(silver, 600, "هدیه")
    rows = {r["id"]: r["tier"] for r in club.contacts.list().rows}
    assert rows == {gold: "gold", silver: "silver", nobody: None}
    assert club.contacts.list_ids(ListQuery(filters={"tier": "gold"})) == [gold]
    assert club.contacts.list_ids(ListQuery(filters={"tier": "none"})) == [nobody]
    assert club.lists.filter_count({"version": 1, "tiers": ["silver", "none"]}) == 2
    with pytest.raises(ValidationError):
        parse({"version": 1, "tiers": ["Gold"]})
    members = club.club_members.list().rows
    assert [(r["id"], r["tier_name"]) for r in members] == [(gold, "طلایی"),
                                                            (silver, "نقره\u200cای")]
    assert club.club_members.list_ids(ListQuery(filters={"tier": "silver"})) == [silver]
