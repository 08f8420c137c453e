"""Marketing lists (who to reach) and campaigns (what was sent to them and what came back)."""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from sqlalchemy import Select, func, insert, literal, select
from sqlalchemy.orm import Session, aliased

from crm_desktop.db import models as m
from crm_desktop.db.types import UTCDateTime, utcnow
from crm_desktop.domain.enums import CampaignChannel, CampaignStatus, ListKind, MemberStatus
from crm_desktop.domain.errors import FieldError, NotFoundError, ValidationError
from crm_desktop.services import audit
from crm_desktop.services import fields as f
from crm_desktop.services.base import MAX_PAGE, EntityService, ListQuery, Page
from crm_desktop.services.lists import ListService as ListService  # its home before
from crm_desktop.services.lists import after_id as _after_id
from crm_desktop.services.lists import list_member_ids as list_member_ids

Owner = aliased(m.User)
#: sorts campaigns without a start date after every dated one
NO_DATE = literal(date(9999, 12, 31))


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
