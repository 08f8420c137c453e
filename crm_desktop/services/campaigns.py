"""Marketing lists (who to reach) and campaigns (what was sent to them and what came back)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any, ClassVar

from sqlalchemy import Select, delete, func, insert, literal, select
from sqlalchemy.orm import Session, aliased

from crm_desktop.db import models as m
from crm_desktop.db.types import UTCDateTime, utcnow
from crm_desktop.domain.enums import CampaignChannel, CampaignStatus, ListKind, MemberStatus
from crm_desktop.domain.errors import FieldError, NotFoundError, ValidationError
from crm_desktop.services import audit
from crm_desktop.services import fields as f
from crm_desktop.services.base import MAX_PAGE, EntityService, ListQuery, Page

Owner = aliased(m.User)
#: ids per IN (...) list: far below SQLite's limit on bound parameters
CHUNK = 500
#: sorts campaigns without a start date after every dated one
NO_DATE = literal(date(9999, 12, 31))


def json_text(value: Any) -> str:
    """A JSON document (the saved contact filter of a filter list)."""
    try:
        s = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        json.loads(s)
        s.encode()  # a lone surrogate cannot be stored
    except (ValueError, TypeError, RecursionError):  # UnicodeEncodeError is a ValueError
        raise f.InvalidValue("invalid") from None
    return s


def _after_id(after: Any) -> int:
    """The contact id of a members page cursor (the `next_cursor` of the page before)."""
    if not (isinstance(after, tuple | list) and len(after) == 2 and f.is_id(after[1])):
        raise ValidationError(FieldError("after", "invalid"))
    return int(after[1])


def _chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    """Distinct ids in sorted chunks; what cannot be an id (0, 2**63, "x") names no contact
    and is left out, like an unknown one."""
    if isinstance(ids, str | bytes) or not isinstance(ids, Iterable):
        raise ValidationError(FieldError("contact", "invalid"))
    unique = sorted({i for i in ids if f.is_id(i)})
    for start in range(0, len(unique), CHUNK):
        yield unique[start:start + CHUNK]


def list_member_ids(mlist: m.MarketingList) -> Select[Any]:
    """SELECT of the ids of the live contacts on a list, to be used as a subquery.

    A static list's members are its rows in list_members; a filter list's are whoever its
    saved filter finds now."""
    if mlist.kind != ListKind.STATIC.value:
        # evaluated from mlist.filter_json by the contact filter (not built yet)
        raise ValidationError(FieldError("kind", "invalid"))
    return (
        select(m.ListMember.contact_id)
        .join(m.Contact, m.Contact.id == m.ListMember.contact_id)
        .where(m.ListMember.list_id == mlist.id, m.Contact.deleted_at.is_(None))
    )


class ListService(EntityService[m.MarketingList]):
    model = m.MarketingList
    fields: ClassVar = {
        "name": f.Field(f.text(200), required=True),
        "kind": f.Field(f.choice(ListKind), empty=ListKind.STATIC.value),
        "filter_json": f.Field(json_text),
        "description": f.Field(f.multiline(2000)),
        "owner_id": f.Field(f.reference),
    }
    references: ClassVar = {"owner_id": m.User}
    sort_columns: ClassVar = {
        "name": m.MarketingList.name,
        "created": m.MarketingList.created_at,
    }
    filter_columns: ClassVar = {
        "kind": m.MarketingList.kind,
        "owner_id": m.MarketingList.owner_id,
    }

    def _check(self, session: Session, values: dict, current: Any | None) -> None:
        kind = values.get("kind", current.kind if current else ListKind.STATIC.value)
        filter_json = values.get("filter_json", current.filter_json if current else None)
        if kind == ListKind.FILTER.value and not filter_json:
            raise ValidationError(FieldError("filter_json", "required"))

    def _list_select(self) -> Select[Any]:
        ls = m.MarketingList
        members = (
            select(func.count())
            .select_from(m.ListMember)
            .join(m.Contact, m.Contact.id == m.ListMember.contact_id)
            .where(m.ListMember.list_id == ls.id, m.Contact.deleted_at.is_(None))
            .scalar_subquery()
        )
        return (
            select(
                ls.id, ls.name, ls.kind, ls.description, ls.owner_id, ls.created_at,
                Owner.display_name.label("owner"), members.label("members"),
            )
            .select_from(ls)
            .outerjoin(Owner, Owner.id == ls.owner_id)
        )

    def _load_static(self, session: Session, list_id: int) -> Any:
        obj = self._load(session, list_id)
        if obj.kind != ListKind.STATIC.value:
            # a filter list's members are whoever its filter finds when it is used
            raise ValidationError(FieldError("kind", "invalid"))
        return obj

    def add_members(self, list_id: int, contact_ids: Iterable[int]) -> int:
        """Add contacts to a static list; members already there and deleted or unknown
        contacts are skipped. Returns how many were added."""
        added = 0
        with self.db.write(self.actor_id) as session:
            self._load_static(session, list_id)
            now = utcnow()
            for chunk in _chunks(contact_ids):
                already = select(m.ListMember.contact_id).where(m.ListMember.list_id == list_id)
                live = (
                    select(m.Contact.id)
                    .where(m.Contact.id.in_(chunk), m.Contact.deleted_at.is_(None),
                           m.Contact.id.not_in(already))
                )
                # INSERT ... SELECT: the audit rows are explicit, taken before the insert
                audit.elements_selected(session, "marketing_lists", list_id, "members",
                                        live, added=True)
                result = session.execute(
                    insert(m.ListMember).from_select(
                        ["list_id", "contact_id", "added_at"],
                        live.with_only_columns(literal(list_id), m.Contact.id,
                                               literal(now, UTCDateTime())))
                )
                added += result.rowcount or 0
        return added

    def remove_members(self, list_id: int, contact_ids: Iterable[int]) -> int:
        """Take contacts off a static list; returns how many were members."""
        removed = 0
        with self.db.write(self.actor_id) as session:
            self._load_static(session, list_id)
            lm = m.ListMember
            for chunk in _chunks(contact_ids):
                members = select(lm.contact_id).where(lm.list_id == list_id,
                                                      lm.contact_id.in_(chunk))
                # a bulk DELETE: the audit rows are explicit, taken before it
                audit.elements_selected(session, "marketing_lists", list_id, "members",
                                        members, added=False)
                result = session.execute(
                    delete(lm).where(lm.list_id == list_id, lm.contact_id.in_(chunk)))
                removed += result.rowcount or 0
        return removed

    def member_count(self, list_id: int) -> int:
        """Live (not deleted) contacts on the list."""
        q = (
            select(func.count())
            .select_from(m.ListMember)
            .join(m.Contact, m.Contact.id == m.ListMember.contact_id)
            .where(m.ListMember.list_id == list_id, m.Contact.deleted_at.is_(None))
        )
        with self.db.read() as session:
            return int(session.execute(q).scalar_one())

    def members(self, list_id: int, query: ListQuery | None = None) -> Page:
        """One page of live members in contact-id order. Only `limit` and `after` of the
        query are used; pass the page's `next_cursor` as `after` for the next page."""
        query = query or ListQuery()
        limit = max(1, min(query.limit, MAX_PAGE))
        c, lm = m.Contact, m.ListMember
        q = (
            select(c.id, c.full_name, c.mobile, c.email, c.sms_consent, c.email_consent,
                   lm.added_at)
            .join(lm, lm.contact_id == c.id)
            .where(lm.list_id == list_id, c.deleted_at.is_(None))
        )
        if query.after is not None:
            q = q.where(c.id > _after_id(query.after))
        with self.db.read() as session:
            rows = [dict(r._mapping) for r in session.execute(q.order_by(c.id).limit(limit + 1))]
        more = len(rows) > limit
        rows = rows[:limit]
        return Page(rows, (rows[-1]["id"], rows[-1]["id"]) if more else None)


class CampaignService(EntityService[m.Campaign]):
    model = m.Campaign
    fields: ClassVar = {
        "name": f.Field(f.text(200), required=True),
        "channel": f.Field(f.choice(CampaignChannel), required=True),
        "status": f.Field(f.choice(CampaignStatus), empty=CampaignStatus.PLANNED.value),
        "start_date": f.Field(f.a_date),
        "end_date": f.Field(f.a_date),
        "budget_rial": f.Field(f.money, empty=0),
        "actual_cost_rial": f.Field(f.money, empty=0),
        "expected_revenue_rial": f.Field(f.money, empty=0),
        "list_id": f.Field(f.reference),
        "description": f.Field(f.multiline()),
        "owner_id": f.Field(f.reference),
    }
    references: ClassVar = {"list_id": m.MarketingList, "owner_id": m.User}
    sort_columns: ClassVar = {
        "start_date": func.coalesce(m.Campaign.start_date, NO_DATE),
        "name": m.Campaign.name,
        "status": m.Campaign.status,
        "created": m.Campaign.created_at,
    }
    filter_columns: ClassVar = {
        "status": m.Campaign.status,
        "channel": m.Campaign.channel,
        "list_id": m.Campaign.list_id,
        "owner_id": m.Campaign.owner_id,
    }

    def _check(self, session: Session, values: dict, current: Any | None) -> None:
        start = values.get("start_date", current.start_date if current else None)
        end = values.get("end_date", current.end_date if current else None)
        if start is not None and end is not None and end < start:
            raise ValidationError(FieldError("end_date", "date.order"))

    def _list_select(self) -> Select[Any]:
        c = m.Campaign
        members = (
            select(func.count())
            .select_from(m.CampaignMember)
            .where(m.CampaignMember.campaign_id == c.id)
            .scalar_subquery()
        )
        return (
            select(
                c.id, c.name, c.channel, c.status, c.start_date, c.end_date, c.budget_rial,
                c.actual_cost_rial, c.expected_revenue_rial, c.list_id, c.owner_id,
                c.created_at, m.MarketingList.name.label("list"),
                Owner.display_name.label("owner"), members.label("members"),
            )
            .select_from(c)
            .outerjoin(m.MarketingList, m.MarketingList.id == c.list_id)
            .outerjoin(Owner, Owner.id == c.owner_id)
        )

    # -- members -------------------------------------------------------------------------
    def add_members_from_list(self, campaign_id: int) -> int:
        """Target every live contact of the campaign's (static) list that is not yet a
        member, in one INSERT ... SELECT; returns how many were added."""
        with self.db.write(self.actor_id) as session:
            campaign = self._load(session, campaign_id)
            if campaign.list_id is None:
                raise ValidationError(FieldError("list_id", "required"))
            mlist = session.get(m.MarketingList, campaign.list_id)
            if mlist is None or mlist.kind != ListKind.STATIC.value:
                raise ValidationError(FieldError("list_id", "invalid"))
            cm = m.CampaignMember
            already = select(cm.contact_id).where(cm.campaign_id == campaign_id)
            ids = list_member_ids(mlist).subquery()
            source = (
                select(literal(campaign_id), ids.c.contact_id,
                       literal(MemberStatus.TARGETED.value), literal(utcnow(), UTCDateTime()))
                .where(ids.c.contact_id.not_in(already))
            )
            # the new members are the rows after the largest id (we hold the write lock)
            last = session.scalar(select(func.coalesce(func.max(cm.id), 0)))
            result = session.execute(
                insert(cm).from_select(["campaign_id", "contact_id", "status", "updated_at"],
                                       source)
            )
            # an INSERT ... SELECT: the audit rows of the new members are explicit
            audit.created_selected(
                session, cm.__tablename__,
                select(cm.id, cm.campaign_id, cm.contact_id, cm.status).where(cm.id > last),
                ["campaign_id", "contact_id", "status"])
            return result.rowcount or 0

    def set_member_status(self, campaign_id: int, contact_id: int, status: str) -> None:
        """Record how far one member got: targeted, sent, responded, converted."""
        value = f.clean({"status": f.Field(f.choice(MemberStatus), required=True)},
                        {"status": status})["status"]
        with self.db.write(self.actor_id) as session:
            member = None if not (f.is_id(campaign_id) and f.is_id(contact_id)) else (
                session.scalar(select(m.CampaignMember).where(
                    m.CampaignMember.campaign_id == campaign_id,
                    m.CampaignMember.contact_id == contact_id)))
            if member is None:
                raise NotFoundError("campaign_members", (campaign_id, contact_id))
            member.status = value

    def member_stats(self, campaign_id: int) -> dict[str, int]:
        """Members per status (every status is present)."""
        cm = m.CampaignMember
        q = select(cm.status, func.count()).where(cm.campaign_id == campaign_id).group_by(
            cm.status
        )
        stats = {s.value: 0 for s in MemberStatus}
        with self.db.read() as session:
            for status, n in session.execute(q):
                stats[status] = int(n)
        return stats

    def members(self, campaign_id: int, query: ListQuery | None = None) -> Page:
        """One page of members in contact-id order (`limit`, `after` and filter `status`)."""
        query = query or ListQuery()
        limit = max(1, min(query.limit, MAX_PAGE))
        c, cm = m.Contact, m.CampaignMember
        q = (
            select(c.id, c.full_name, c.mobile, c.email, cm.status, cm.updated_at)
            .join(cm, cm.contact_id == c.id)
            .where(cm.campaign_id == campaign_id)
        )
        status = query.filters.get("status")
        if status is not None:
            q = q.where(cm.status == status)
        if query.after is not None:
            q = q.where(c.id > _after_id(query.after))
        with self.db.read() as session:
            rows = [dict(r._mapping) for r in session.execute(q.order_by(c.id).limit(limit + 1))]
        more = len(rows) > limit
        rows = rows[:limit]
        return Page(rows, (rows[-1]["id"], rows[-1]["id"]) if more else None)
