"""The club's two read-only lists: the points ledger (core.club_ledger) and the members
(core.club_members), windowed and filtered like every list (services/base.py)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, ClassVar

from sqlalchemy import Select, String, case, cast, false, select
from sqlalchemy.orm import Session, aliased

from crm_desktop.db import models as m
from crm_desktop.db.search_index import matching_ids
from crm_desktop.domain import clock
from crm_desktop.domain.numbers import proforma_number
from crm_desktop.services import fields as f
from crm_desktop.services.base import EntityService, ListQuery, ReadOnlyList, Sort
from crm_desktop.services.club import config
from crm_desktop.services.club.config import NO_TIER

Holder = aliased(m.Contact)
Referred = aliased(m.Contact)
Lot = aliased(m.ClubLedger)


def _day(key: str, value: Any) -> Any:
    return f.clean({key: f.Field(f.a_date, required=True)}, {key: value})[key]


def _contact_text(raw: str, column: Any, dialect: str) -> Any:
    ids = matching_ids("contacts", raw, dialect)
    return false() if ids is None else column.in_(ids)


class _ReadOnly(ReadOnlyList):
    """What a read-only list offers (EntityService's writes are not part of it)."""

    def __init__(self, rows: EntityService[Any]):
        self._rows = rows

    def ordered_select(self, query: ListQuery) -> Select[Any]:
        """Every row for `query` in list order, for an export (see EntityService)."""
        return self._rows.ordered_select(query)


class _LedgerRows(EntityService[m.ClubLedger]):
    model = m.ClubLedger
    fields: ClassVar = {}
    sort_columns: ClassVar = {"at": m.ClubLedger.at, "points": m.ClubLedger.points}
    filter_columns: ClassVar = {"contact_id": m.ClubLedger.contact_id,
                                "kind": m.ClubLedger.kind}

    def _id_select(self) -> Select[Any]:
        L = m.ClubLedger
        return select(L.id).join(Holder, Holder.id == L.contact_id).where(
            Holder.deleted_at.is_(None))

    def _list_select(self) -> Select[Any]:
        L, d, p = m.ClubLedger, m.Deal, m.Proforma
        label = case((L.source == "deal", d.title),
                     (L.source == "birthday", cast(L.source_id, String())),
                     (L.source == "referral", Referred.full_name),
                     else_=None)
        return (
            select(L.id, L.at, L.contact_id, Holder.full_name.label("contact_name"), L.kind,
                   L.points, L.reason, L.source, L.source_id, label.label("source_label"),
                   L.expires_at, m.User.display_name.label("user_name"),
                   p.year.label("_year"), p.seq.label("_seq"), L.remaining)
            .select_from(L)
            .join(Holder, Holder.id == L.contact_id)
            .outerjoin(m.User, m.User.id == L.user_id)
            .outerjoin(d, (L.source == "deal") & (d.id == L.source_id))
            .outerjoin(p, (L.source == "proforma") & (p.id == L.source_id))
            .outerjoin(Referred, (L.source == "referral") & (Referred.id == L.source_id))
            .where(Holder.deleted_at.is_(None))
        )

    def _sort_expression(self, query: ListQuery) -> tuple[Any, bool]:
        # newest first unless asked otherwise
        return super()._sort_expression(query if query.sort else replace(
            query, sort=Sort("at", descending=True)))

    def _apply_filter(self, q: Select[Any], key: str, value: Any) -> Select[Any]:
        if key == "date_from":
            return q.where(m.ClubLedger.at >= clock.day_bounds(_day(key, value))[0])
        if key == "date_to":
            return q.where(m.ClubLedger.at < clock.day_bounds(_day(key, value))[1])
        return super()._apply_filter(q, key, value)

    def _apply_text(self, q: Select[Any], raw: str) -> Select[Any]:
        """The member's name (or mobile, or anything the contacts' search finds)."""
        return q.where(_contact_text(raw, m.ClubLedger.contact_id, self.db.dialect))

    def _fetch(self, session: Session, q: Select[Any], n: int) -> list[dict[str, Any]]:
        rows = EntityService._fetch(session, q, n)
        for row in rows:
            year, seq = row.pop("_year", None), row.pop("_seq", None)
            if row["source"] == "proforma" and year is not None:
                row["source_label"] = proforma_number(year, seq)
        return rows


class _MemberRows(EntityService[m.Contact]):
    model = m.Contact
    fields: ClassVar = {}
    sort_columns: ClassVar = {"balance": m.ContactClub.balance,
                              "spend": m.ContactClub.spend_12m,
                              "name": m.Contact.sort_key}
    filter_columns: ClassVar = {}

    def _id_select(self) -> Select[Any]:
        c, k = m.Contact, m.ContactClub
        return select(c.id).join(k, k.contact_id == c.id).where(c.deleted_at.is_(None))

    def _list_select(self) -> Select[Any]:
        c, k = m.Contact, m.ContactClub
        return (select(c.id, c.full_name, c.mobile, c.city, k.tier, k.balance, k.spend_12m)
                .join(k, k.contact_id == c.id).where(c.deleted_at.is_(None)))

    def _sort_expression(self, query: ListQuery) -> tuple[Any, bool]:
        return super()._sort_expression(query if query.sort else replace(
            query, sort=Sort("balance", descending=True)))

    def _apply_filter(self, q: Select[Any], key: str, value: Any) -> Select[Any]:
        if key == "tier":
            k = m.ContactClub
            return q.where(k.tier.is_(None) if value == NO_TIER else k.tier == str(value))
        return super()._apply_filter(q, key, value)

    def _apply_text(self, q: Select[Any], raw: str) -> Select[Any]:
        return q.where(_contact_text(raw, m.Contact.id, self.db.dialect))

    def get(self, entity_id: int, *, include_deleted: bool = False) -> dict[str, Any]:
        rows = self.ids([entity_id]) if f.is_id(entity_id) else []
        if not rows:
            from crm_desktop.domain.errors import NotFoundError

            raise NotFoundError("contact_club", entity_id)
        return rows[0]

    def _fetch(self, session: Session, q: Select[Any], n: int) -> list[dict[str, Any]]:
        rows = EntityService._fetch(session, q, n)
        names = {t["key"]: t["name"] for t in config.read_in(session)["tiers"]}
        for row in rows:
            row["tier_name"] = names.get(row["tier"] or "")
        return rows


class ClubLedgerService(_ReadOnly):
    """core.club_ledger: the points ledger, newest first. Filters contact_id, kind,
    date_from / date_to (business days, inclusive); text: the member. Rows {id, at,
    contact_id, contact_name, kind, points, reason, source, source_id, source_label (the
    deal's title, the proforma's number, the birthday's Jalali year, the referred
    contact's name), expires_at,
    remaining, user_name}. Members in the Trash are left out."""

    def __init__(self, db: Any, actor_id: int | None = None):
        super().__init__(_LedgerRows(db, actor_id))


class ClubMembersService(_ReadOnly):
    """core.club_members: the members (live contacts with a club row). Filter tier (a
    tier key, or "none"); sorts balance (default, descending), spend, name; rows {id (the
    contact), full_name, mobile, city, tier, tier_name, balance, spend_12m}."""

    def __init__(self, db: Any, actor_id: int | None = None):
        super().__init__(_MemberRows(db, actor_id))
