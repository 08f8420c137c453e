"""ClubService (core.club): the customer club's settings, a member's points, spending and
adjusting them, expiry, tiers. The ledger's scheme is in db/models/club.py, earning for
purchases in earn.py, balances and tiers in members.py.

Every write is one transaction with its audit rows; a balance never goes below zero
(ValidationError naming "points"). Points due to expire are expired for the member first
whenever their points are spent or adjusted, so expired points cannot be spent."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal
from typing import Any

import jdatetime
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crm_desktop.db import models as m
from crm_desktop.db.engine import Database
from crm_desktop.db.types import utcnow
from crm_desktop.domain import clock
from crm_desktop.domain.club import BASIS_SPEND, next_tier
from crm_desktop.domain.enums import DiscountKind, LedgerKind, ProformaStatus
from crm_desktop.domain.errors import FieldError, NotFoundError, ValidationError
from crm_desktop.domain.permissions import Perm
from crm_desktop.services import fields as f
from crm_desktop.services import versions
from crm_desktop.services.access import require_in
from crm_desktop.services.automation.kinds.birthday import born_on
from crm_desktop.services.club import config, earn, ledger, members, referrals
from crm_desktop.services.proforma_totals import line_total

#: proformas whose lines may still take a club discount
OPEN_PROFORMA = (ProformaStatus.DRAFT.value, ProformaStatus.SENT.value)
MAX_POINTS = config.MAX_POINTS


def _points(value: Any, lo: int) -> int:
    spec = {"points": f.Field(f.integer(lo, MAX_POINTS), required=True)}
    return f.clean(spec, {"points": value})["points"]


def _reason(value: Any, required: bool) -> str:
    out = f.clean({"reason": f.Field(f.text(300), required=required, empty="")},
                  {"reason": value})["reason"]
    return out


def _now(value: Any) -> datetime:
    if value is None:
        return utcnow()
    return f.clean({"now": f.Field(f.instant, required=True)}, {"now": value})["now"]


class ClubService:
    def __init__(self, db: Database, actor_id: int | None = None):
        self.db = db
        self.actor_id = actor_id

    # -- settings -----------------------------------------------------------------------
    def settings(self) -> dict[str, Any]:
        """{enabled, started_on, rial_per_point, point_value_rial, basis, tiers [{key,
        name, min}] ascending by min, expiry_months, birthday_points, referral_points}
        (config.py says what each means)."""
        return config.read(self.db)

    def set_settings(self, changes: Mapping[str, Any]) -> None:
        """Change some settings (every bad field named). Switching the club on for the
        first time sets `started_on` to today; switching it on (or moving `started_on`)
        earns for the purchases since `started_on` that have earned nothing yet, and
        expires what is already due; a change of the tiers, the basis, the start or the
        switch recomputes every member's tier, all in the same transaction."""
        with self.db.write(self.actor_id) as session:
            require_in(session, Perm.CAMPAIGNS)
            current = config.read_in(session)
            new = config.clean(current, changes)
            if new["enabled"] and not new["started_on"]:
                new["started_on"] = clock.today().isoformat()
            config.put_in(session, new)
            if new["enabled"] and (not current["enabled"]
                                   or new["started_on"] != current["started_on"]):
                # switched on, or an earlier start: what was bought since earns now
                earn.catch_up_in(session, new)
                ledger.expire_in(session, utcnow())
            elif new["enabled"] and new["referral_points"] != current["referral_points"]:
                # referral points switched on (or changed): the referrals not rewarded
                # yet are rewarded now; those rewarded keep what they earned
                earn.sync_referrals_in(session, referrals.referred_ids(session))
            if any(new[k] != current[k] for k in ("tiers", "basis", "enabled", "started_on")):
                members.recompute_in(session, new)

    # -- reads --------------------------------------------------------------------------
    def of_contact(self, contact_id: int) -> dict[str, Any]:
        """{balance, tier, tier_name, spend_12m, next_tier_name, to_next, expiring: [{date,
        points}]}: the member's figures as stored (tier None below the lowest tier or not
        a member yet); `to_next` in points or Rials, as the tiers are measured; expiring:
        the points that will expire, by business day, soonest first."""
        with self.db.read() as session:
            settings = config.read_in(session)
            k = m.ContactClub
            row = session.execute(select(k.balance, k.spend_12m, k.tier).where(
                k.contact_id == contact_id)).one_or_none() if f.is_id(contact_id) else None
            lots = [] if not f.is_id(contact_id) else session.execute(
                select(m.ClubLedger.expires_at, func.sum(m.ClubLedger.remaining))
                .where(m.ClubLedger.contact_id == contact_id, m.ClubLedger.remaining > 0,
                       m.ClubLedger.expires_at.is_not(None))
                .group_by(m.ClubLedger.expires_at).order_by(m.ClubLedger.expires_at)).all()
        balance = row.balance if row else 0
        spend = row.spend_12m if row else 0
        tiers = config.tiers_of(settings)
        names = {t.key: t.name for t in tiers}
        tier = row.tier if row else None
        value = spend if settings["basis"] == BASIS_SPEND else balance
        upcoming, missing = next_tier(value, tiers)
        expiring: dict[Any, int] = {}
        for when, n in lots:
            day = clock.local_day(when)
            expiring[day] = expiring.get(day, 0) + int(n)
        return {"balance": balance, "tier": tier, "tier_name": names.get(tier or ""),
                "spend_12m": spend,
                "next_tier_name": upcoming.name if upcoming else None, "to_next": missing,
                "expiring": [{"date": d, "points": n} for d, n in expiring.items()]}

    def tier_sizes(self) -> list[dict[str, Any]]:
        """Members per tier, lowest tier first: {tier, name, count}; members below the
        lowest tier last, as tier None (name None)."""
        c, k = m.Contact, m.ContactClub
        with self.db.read() as session:
            settings = config.read_in(session)
            found = dict(session.execute(
                select(k.tier, func.count()).join(c, c.id == k.contact_id)
                .where(c.deleted_at.is_(None)).group_by(k.tier)).all())
        out = [{"tier": t.key, "name": t.name, "count": int(found.pop(t.key, 0))}
               for t in config.tiers_of(settings)]
        # a tier no longer in the settings (before the next recomputation): no tier
        rest = sum(int(n) for n in found.values())
        out.append({"tier": None, "name": None, "count": rest})
        return out

    def outstanding(self) -> int:
        """The points the live members hold (what they could still redeem)."""
        L, c = m.ClubLedger, m.Contact
        with self.db.read() as session:
            return int(session.scalar(
                select(func.coalesce(func.sum(L.points), 0)).join(c, c.id == L.contact_id)
                .where(c.deleted_at.is_(None))))

    # -- writes -------------------------------------------------------------------------
    def _member(self, session: Session, contact_id: Any) -> m.Contact:
        contact = session.get(m.Contact, contact_id) if f.is_id(contact_id) else None
        if contact is None or contact.deleted_at is not None:
            raise NotFoundError("contacts", contact_id)
        return contact

    def _spend(self, session: Session, contact_id: int, kind: LedgerKind, points: int,
               reason: str, **row: Any) -> int:
        settings = config.read_in(session)
        now = utcnow()
        ledger.expire_in(session, now, [contact_id])
        out = ledger.debit(session, contact_id, kind, points, reason=reason, at=now, **row)
        members.refresh_in(session, settings, [contact_id])
        return out.id

    def adjust(self, contact_id: int, points: int, reason: str) -> int:
        """Add (positive) or remove (negative) points by hand, with a reason; returns the
        ledger row's id. Added points expire like earned ones."""
        n = _points(points, -MAX_POINTS)
        text = _reason(reason, required=True)
        if n == 0:
            raise ValidationError(FieldError("points", "club.zero"))
        with self.db.write(self.actor_id) as session:
            require_in(session, Perm.CAMPAIGNS)
            self._member(session, contact_id)
            if n < 0:
                return self._spend(session, contact_id, LedgerKind.ADJUSTED, -n, text)
            settings = config.read_in(session)
            row = ledger.credit(session, contact_id, LedgerKind.ADJUSTED, n, reason=text,
                                months=settings["expiry_months"])
            members.refresh_in(session, settings, [contact_id])
            return row.id

    def redeem(self, contact_id: int, points: int, reason: str = "") -> int:
        """Spend points by hand (a gift, a service); returns the ledger row's id."""
        n = _points(points, 1)
        text = _reason(reason, required=False)
        with self.db.write(self.actor_id) as session:
            require_in(session, Perm.CAMPAIGNS)
            self._member(session, contact_id)
            return self._spend(session, contact_id, LedgerKind.REDEEMED, n, text)

    def redeem_on_proforma(self, proforma_id: int, points: int,
                           line_id: int | None = None) -> int:
        """Spend points as a discount on a line of a draft or sent proforma (default: its
        largest line); returns the ledger row's id. The discount is points x
        point_value_rial, capped at what the line still costs before VAT; when capped,
        only the points the discount needs are spent (the last one rounded up). The
        line's discount becomes an amount: its old discount plus this one."""
        n = _points(points, 1)
        with self.db.write(self.actor_id) as session:
            require_in(session, Perm.CAMPAIGNS)
            require_in(session, Perm.EDIT_SALES)
            proforma = session.get(m.Proforma, proforma_id) if f.is_id(proforma_id) else None
            if proforma is None:
                raise NotFoundError("proformas", proforma_id)
            if proforma.status not in OPEN_PROFORMA:
                raise ValidationError(FieldError("status", "club.proforma_closed"))
            deal = session.get(m.Deal, proforma.deal_id) if proforma.deal_id else None
            contact_id = proforma.contact_id or (deal.contact_id if deal else None)
            if contact_id is None:
                raise ValidationError(FieldError("contact", "required"))
            self._member(session, contact_id)
            line = self._line(session, proforma, line_id)
            value = config.read_in(session)["point_value_rial"]
            if value <= 0:
                raise ValidationError(FieldError("point_value_rial", "club.no_value"))
            totals = line_total(_line_values(line), proforma.vat_rate)
            if totals.net_rial <= 0:
                raise ValidationError(FieldError("line_id", "club.line_paid"))
            discount = min(n * value, totals.net_rial)
            used = -(-discount // value)
            line.discount_kind = DiscountKind.AMOUNT.value
            line.discount_value = Decimal(totals.discount_rial + discount)
            versions.touch(proforma)  # its lines changed: a form open on it reloads
            session.flush()
            return self._spend(session, int(contact_id), LedgerKind.REDEEMED, used, "",
                               source=earn.PROFORMA, source_id=proforma.id,
                               basis=-discount)

    @staticmethod
    def _line(session: Session, proforma: m.Proforma, line_id: Any) -> m.ProformaLine:
        pl = m.ProformaLine
        lines = list(session.scalars(select(pl).where(pl.proforma_id == proforma.id)
                                     .order_by(pl.position, pl.id)))
        if line_id is not None:
            found = next((x for x in lines if f.is_id(line_id) and x.id == line_id), None)
            if found is None:
                raise ValidationError(FieldError("line_id", "not_found"))
            return found
        if not lines:
            raise ValidationError(FieldError("line_id", "required"))
        return max(lines, key=lambda x: (line_total(_line_values(x), proforma.vat_rate)
                                         .net_rial, -x.position))

    def expire(self, now: datetime | None = None) -> int:
        """Expire every lot whose time has come (as of `now`, default now); returns the
        points expired. Running it twice expires nothing more."""
        at = _now(now)
        # the club's daily housekeeping (run by every automation run): never refused
        with self.db.write(self.actor_id, system=True) as session:
            total, touched = ledger.expire_in(session, at)
            if touched:
                members.refresh_in(session, config.read_in(session), touched)
            return total

    def award_birthdays(self, now: datetime | None = None) -> int:
        """Birthday points (the `birthday_points` setting) for the members whose birthday
        comes round on the business day of `now` (its Jalali month and day; 30 Esfand on
        29 Esfand in a common year), once a Jalali year each (source "birthday", source_id
        the Jalali year). Run by every automation run; a day the program was not run at all
        gives no points afterwards. Returns how many members got points."""
        at = _now(now)
        day = clock.local_day(at)
        year = jdatetime.date.fromgregorian(date=day).year
        with self.db.read() as session:
            settings = config.read_in(session)
            if not settings["enabled"] or settings["birthday_points"] <= 0:
                return 0
            born = born_on(session, day)
            if not born:
                return 0
        L = m.ClubLedger
        given = 0
        # the club's daily housekeeping (run by every automation run): never refused
        with self.db.write(self.actor_id, system=True) as session:
            settings = config.read_in(session)
            points = settings["birthday_points"]
            if not settings["enabled"] or points <= 0:
                return 0
            for chunk in f.chunked(born, 500):
                members_now = set(session.scalars(select(m.ContactClub.contact_id).where(
                    m.ContactClub.contact_id.in_(chunk))))
                done = set(session.scalars(select(L.contact_id).where(
                    L.contact_id.in_(chunk), L.source == "birthday", L.source_id == year)))
                due = [c for c in chunk if c in members_now and c not in done]
                for contact_id in due:
                    ledger.credit(session, contact_id, LedgerKind.BIRTHDAY, points,
                                  months=settings["expiry_months"], source="birthday",
                                  source_id=year, at=at)
                members.refresh_in(session, settings, due)
                given += len(due)
            return given

    def recompute(self) -> dict[str, int]:
        """Expire what is due, then every member's balance, spend and tier in one pass
        (one transaction); returns members per tier key ("none": below the lowest)."""
        with self.db.write(self.actor_id) as session:
            require_in(session, Perm.CAMPAIGNS)
            ledger.expire_in(session, utcnow())
            return members.recompute_in(session, config.read_in(session))


def _line_values(line: m.ProformaLine) -> dict[str, Any]:
    return {"quantity": line.quantity, "unit_price_rial": line.unit_price_rial,
            "discount_kind": line.discount_kind, "discount_value": line.discount_value,
            "taxable": line.taxable}
