"""Referrals: the contacts service's rules for `referred_by_id` (a live contact, never
itself, no two people referring each other), what `get` shows of it, and the club's
referral points (once per referred contact, taken back with the first purchase and
earned again by the next, nothing while the club or the setting is off), merges and the
ledger's list."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

from crm_desktop.core import Core
from crm_desktop.db import models as m
from crm_desktop.domain.errors import ValidationError
from crm_desktop.services.base import ListQuery
from crm_desktop.services.merge import MergeService

RATE = 1_000
POINTS = 250


def stage(core: Core, outcome: str) -> int:
    return next(s["id"] for s in core.stages.list() if s["outcome"] == outcome)


@pytest.fixture
def club(core: Core) -> Core:
    core.club.set_settings({"enabled": True, "rial_per_point": RATE,
                            "referral_points": POINTS, "expiry_months": 12})
    return core


def balance(core: Core, contact: int) -> int:
    return core.club.of_contact(contact)["balance"]


def won_deal(core: Core, contact: int, amount: int = 2_000_000) -> int:
    deal = core.deals.create({"title": "خرید", "contact_id": contact, "amount_rial": amount})
    core.deals.move(deal, stage(core, "won"))
    return deal


def referral_rows(core: Core, referred: int) -> list[tuple[int, str, int, int]]:
    """(holder, kind, points, basis) of the referral's rows, oldest first."""
    L = m.ClubLedger
    with core.db.read() as session:
        return [tuple(r) for r in session.execute(  # type: ignore[misc]
            select(L.contact_id, L.kind, L.points, L.basis_rial)
            .where(L.source == "referral", L.source_id == referred).order_by(L.id))]


def field_codes(exc: pytest.ExceptionInfo[ValidationError]) -> list[tuple[str, str]]:
    return [(e.field, e.code) for e in exc.value.errors]


# -- the contacts service's rules ------------------------------------------------------------
def test_referrer_must_be_a_live_other_contact_not_referred_by_this_one(core: Core) -> None:
    a = core.contacts.create({"last_name": "الف"})
    b = core.contacts.create({"last_name": "ب", "referred_by_id": a})
    assert core.contacts.get(b)["referred_by_id"] == a
    with pytest.raises(ValidationError) as exc:
        core.contacts.update(a, {"referred_by_id": a})
    assert field_codes(exc) == [("referred_by_id", "referral.self")]
    with pytest.raises(ValidationError) as exc:
        core.contacts.update(a, {"referred_by_id": b})  # b was referred by a
    assert field_codes(exc) == [("referred_by_id", "referral.cycle")]
    assert "معرف" in exc.value.errors[0].message("fa")
    for bad in (10**6, 2**63, 2**64, -1, 0, "1", 1.0, True):
        with pytest.raises(ValidationError) as exc:
            core.contacts.create({"last_name": "ج", "referred_by_id": bad})
        assert field_codes(exc) == [("referred_by_id", "not_found")]
    gone = core.contacts.create({"last_name": "د"})
    core.contacts.delete(gone)
    with pytest.raises(ValidationError) as exc:
        core.contacts.update(b, {"referred_by_id": gone})
    assert field_codes(exc) == [("referred_by_id", "not_found")]
    core.contacts.update(b, {"referred_by_id": None})  # cleared
    assert core.contacts.get(b)["referred_by_id"] is None


def test_get_names_the_referrer_counts_the_referred_and_a_gone_one_reads_as_none(
        core: Core) -> None:
    a = core.contacts.create({"first_name": "مریم", "last_name": "احمدی"})
    b = core.contacts.create({"last_name": "ب", "referred_by_id": a})
    core.contacts.create({"last_name": "ج", "referred_by_id": a})
    got = core.contacts.get(b)
    assert (got["referred_by_id"], got["referred_by_name"]) == (a, "مریم احمدی")
    assert core.contacts.get(a)["referred_count"] == 2
    assert core.contacts.count(ListQuery(filters={"referred_by_id": a})) == 2
    core.contacts.delete(a)
    got = core.contacts.get(b)
    assert (got["referred_by_id"], got["referred_by_name"]) == (None, None)
    core.contacts.restore(a)  # the stored reference was kept
    assert core.contacts.get(b)["referred_by_id"] == a
    with core.db.write() as session:  # a row removed behind the program's back
        session.get(m.Contact, b).referred_by_id = 987_654
    assert core.contacts.get(b)["referred_by_id"] is None


# -- referral points -------------------------------------------------------------------------
def test_first_purchase_rewards_the_referrer_once(club: Core) -> None:
    p = club.contacts.create({"last_name": "معرف"})
    r = club.contacts.create({"last_name": "خریدار", "referred_by_id": p})
    assert balance(club, p) == 0
    first = won_deal(club, r)
    assert balance(club, p) == POINTS
    won_deal(club, r, 5_000_000)  # a second won deal: nothing more
    club.deals.update(first, {"amount_rial": 9_000_000})  # a larger first purchase too
    pid = club.proformas.create({"contact_id": r}, [{"description": "خدمت",
                                                     "unit_price_rial": 3_000_000}])
    club.proformas.set_status(pid, "accepted")
    assert balance(club, p) == POINTS
    assert [(h, k, n) for h, k, n, _b in referral_rows(club, r)] == [(p, "referral", POINTS)]
    row = club.club_ledger.list(ListQuery(filters={"kind": "referral"})).rows[0]
    assert (row["contact_id"], row["source"], row["source_id"], row["source_label"]) == (
        p, "referral", r, "خریدار")
    assert row["expires_at"] is not None  # expiring like other points
    assert club.club_members.get(p)["balance"] == POINTS  # the member's row is refreshed


def test_taking_the_first_purchase_back_takes_the_points_back_and_the_next_earns(
        club: Core) -> None:
    p = club.contacts.create({"last_name": "معرف"})
    r = club.contacts.create({"last_name": "خریدار", "referred_by_id": p})
    deal = won_deal(club, r)
    assert balance(club, p) == POINTS
    club.deals.move(deal, stage(club, "open"))  # reopened
    assert balance(club, p) == 0
    club.deals.move(deal, stage(club, "won"))  # won again: the first purchase again
    assert balance(club, p) == POINTS
    club.deals.move(deal, stage(club, "lost"), "گران بود")
    assert balance(club, p) == 0
    pid = club.proformas.create({"contact_id": r}, [{"description": "خدمت",
                                                     "unit_price_rial": 3_000_000}])
    club.proformas.set_status(pid, "accepted")  # the next first purchase
    assert balance(club, p) == POINTS
    club.proformas.set_status(pid, "sent")  # no longer accepted
    assert balance(club, p) == 0
    kinds = [(k, n, b) for _h, k, n, b in referral_rows(club, r)]
    assert kinds == [("referral", POINTS, 1), ("adjusted", -POINTS, -1)] * 3
    assert sum(b for *_x, b in referral_rows(club, r)) == 0


def test_a_take_back_never_takes_the_balance_below_zero(club: Core) -> None:
    p = club.contacts.create({"last_name": "معرف"})
    r = club.contacts.create({"last_name": "خریدار", "referred_by_id": p})
    deal = won_deal(club, r)
    club.club.redeem(p, POINTS - 10)
    club.deals.move(deal, stage(club, "open"))
    assert balance(club, p) == 0


def test_nothing_while_the_club_or_the_setting_is_off(core: Core) -> None:
    p = core.contacts.create({"last_name": "معرف"})
    r = core.contacts.create({"last_name": "خریدار", "referred_by_id": p})
    core.club.set_settings({"enabled": False, "rial_per_point": RATE,
                            "referral_points": POINTS})
    won_deal(core, r)
    assert referral_rows(core, r) == []
    core.club.set_settings({"enabled": True, "referral_points": 0})
    r2 = core.contacts.create({"last_name": "دومی", "referred_by_id": p})
    won_deal(core, r2)
    assert referral_rows(core, r2) == []
    assert balance(core, p) == 0


def test_the_referral_points_setting_is_checked(core: Core) -> None:
    for bad in (-1, 10**13, "x", 1.5, [1]):
        with pytest.raises(ValidationError) as exc:
            core.club.set_settings({"referral_points": bad})
        assert exc.value.errors[0].field == "referral_points"
    assert "امتیاز معرفی" in exc.value.errors[0].message("fa")
    core.club.set_settings({"referral_points": 120})
    assert core.club.settings()["referral_points"] == 120


def test_switching_referral_points_on_rewards_the_referrals_not_rewarded_yet(
        core: Core) -> None:
    core.club.set_settings({"enabled": True, "rial_per_point": RATE})
    p = core.contacts.create({"last_name": "معرف"})
    r = core.contacts.create({"last_name": "خریدار", "referred_by_id": p})
    won_deal(core, r)
    core.club.set_settings({"referral_points": POINTS})
    assert balance(core, p) == POINTS
    core.club.set_settings({"referral_points": 2 * POINTS})  # a change earns nothing more
    assert balance(core, p) == POINTS


def test_the_referral_follows_the_referrer_and_needs_a_live_one(club: Core) -> None:
    p = club.contacts.create({"last_name": "اول"})
    q = club.contacts.create({"last_name": "دوم"})
    r = club.contacts.create({"last_name": "خریدار"})
    won_deal(club, r)
    club.contacts.update(r, {"referred_by_id": p})  # recorded after the purchase
    assert balance(club, p) == POINTS
    club.contacts.update(r, {"referred_by_id": q})
    assert (balance(club, p), balance(club, q)) == (0, POINTS)
    club.contacts.update(r, {"referred_by_id": None})
    assert balance(club, q) == 0
    club.contacts.delete(p)
    with pytest.raises(ValidationError):
        club.contacts.update(r, {"referred_by_id": p})
    assert referral_rows(club, r)[-1][1:] == ("adjusted", -POINTS, -1)


def test_a_purchase_that_earns_nothing_rewards_no_one(club: Core) -> None:
    p = club.contacts.create({"last_name": "معرف"})
    r = club.contacts.create({"last_name": "خریدار", "referred_by_id": p})
    won_deal(club, r, RATE - 1)  # less than one point
    assert balance(club, p) == 0


# -- merging ---------------------------------------------------------------------------------
def merge(core: Core, survivor: int, others: list[int], **kw: Any) -> None:
    MergeService(core.db).merge("contacts", survivor, others, **kw)


def test_merging_repoints_the_referred_and_keeps_a_referrer(club: Core) -> None:
    x = club.contacts.create({"last_name": "معرف بیرونی"})
    keep = club.contacts.create({"last_name": "اصلی", "mobile": "09121111111"})
    dup = club.contacts.create({"last_name": "تکراری", "mobile": "09121111111",
                                "referred_by_id": x})
    a = club.contacts.create({"last_name": "الف", "referred_by_id": dup})
    b = club.contacts.create({"last_name": "ب", "referred_by_id": dup})
    won_deal(club, a)  # dup earned for a
    assert balance(club, dup) == POINTS
    merge(club, keep, [dup])
    assert club.contacts.get(a)["referred_by_id"] == keep
    assert club.contacts.get(b)["referred_by_id"] == keep
    assert club.contacts.get(keep)["referred_by_id"] == x  # it had none: takes dup's
    assert club.contacts.get(keep)["referred_count"] == 2
    assert balance(club, keep) == POINTS  # the referral rows moved with the merge
    assert [h for h, *_r in referral_rows(club, a)] == [keep]
    won_deal(club, b)
    assert balance(club, keep) == 2 * POINTS


def test_merging_keeps_the_survivors_own_referrer_and_never_a_self_referral(
        club: Core) -> None:
    x = club.contacts.create({"last_name": "معرف خود"})
    y = club.contacts.create({"last_name": "معرف دیگر"})
    keep = club.contacts.create({"last_name": "اصلی", "referred_by_id": x})
    dup = club.contacts.create({"last_name": "تکراری", "referred_by_id": y})
    merge(club, keep, [dup])
    assert club.contacts.get(keep)["referred_by_id"] == x
    # referred by the one merged into it: no one refers themselves
    s2 = club.contacts.create({"last_name": "دوم"})
    d2 = club.contacts.create({"last_name": "تکراری دوم"})
    club.contacts.update(s2, {"referred_by_id": d2})
    merge(club, s2, [d2])
    with club.db.read() as session:  # stored, not only read as none (d2 is in the Trash)
        assert session.get(m.Contact, s2).referred_by_id is None


def test_a_merged_referred_contact_keeps_the_referral_rewarded_once(club: Core) -> None:
    p = club.contacts.create({"last_name": "معرف"})
    keep = club.contacts.create({"last_name": "اصلی"})
    dup = club.contacts.create({"last_name": "تکراری", "referred_by_id": p})
    won_deal(club, dup)
    assert balance(club, p) == POINTS
    merge(club, keep, [dup])
    assert club.contacts.get(keep)["referred_by_id"] == p
    assert balance(club, p) == POINTS
    L = m.ClubLedger
    with club.db.read() as session:
        rows = session.scalar(select(func.count()).where(L.source == "referral"))
    assert rows == 1  # moved to the survivor, not taken back and earned again
