"""Marketing lists (who to reach) and campaigns (what was sent to them and what came back)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any, ClassVar

from sqlalchemy import (
    Float,
    Select,
    String,
    case,
    cast,
    false,
    func,
    insert,
    literal,
    select,
    union,
    update,
)
from sqlalchemy.orm import Session, aliased

from crm_desktop.db import models as m
from crm_desktop.db.sql import total
from crm_desktop.db.types import UTCDateTime, utcnow
from crm_desktop.domain import marketing
from crm_desktop.domain.enums import CampaignChannel, CampaignStatus, MemberStatus, RfmSegment
from crm_desktop.domain.errors import FieldError, NotFoundError, ValidationError
from crm_desktop.domain.permissions import Perm
from crm_desktop.services import audit, contact_filter
from crm_desktop.services import fields as f
from crm_desktop.services.access import require_in
from crm_desktop.services.base import MAX_PAGE, EntityService, ListQuery, Page
from crm_desktop.services.deals import _combine, _exact_sum
from crm_desktop.services.lists import ListService as ListService  # its home before
from crm_desktop.services.lists import _chunks
from crm_desktop.services.lists import after_id as _after_id
from crm_desktop.services.lists import list_member_ids as list_member_ids
from crm_desktop.text.normalize import search_key, search_terms

Owner = aliased(m.User)
#: sorts campaigns without a start date after every dated one
NO_DATE = literal(date(9999, 12, 31))


#: The RFM segments a campaign can target (contact_rfm.segment, campaign_targets.segment)
SEGMENTS: tuple[str, ...] = tuple(s.value for s in RfmSegment)
SEGMENT_LEN = 24
#: statuses that count as having responded (a member who converted answered first)
RESPONDED = (MemberStatus.RESPONDED.value, MemberStatus.CONVERTED.value)
#: ROI sorts as this when it has no value (no cost): below every real ROI (at least -1)
NO_ROI = -2.0


def _count_arg(name: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(FieldError(name, "number.invalid"))
    return max(0, min(value, f.MAX_ID))


def _status(value: Any, name: str = "status") -> str:
    return f.clean({name: f.Field(f.choice(MemberStatus), required=True)}, {name: value})[name]


def _members_of(campaign: Any, *statuses: str) -> Any:
    """How many members of `campaign` (a column or an id) whose contact is not in the
    Trash have one of `statuses` (any status when none are given): a scalar subquery."""
    cm, c = m.CampaignMember, m.Contact
    q = (select(func.count()).select_from(cm).join(c, c.id == cm.contact_id)
         .where(cm.campaign_id == campaign, c.deleted_at.is_(None)))
    if statuses:
        q = q.where(cm.status.in_(statuses))
    return q.scalar_subquery()


def _won_deals(campaign: Any, *columns: Any) -> Select[Any]:
    """The live won deals whose source is `campaign`."""
    d, s = m.Deal, m.PipelineStage
    return (select(*columns).select_from(d).join(s, s.id == d.stage_id)
            .where(d.source_campaign_id == campaign, d.deleted_at.is_(None),
                   s.outcome == m.STAGE_WON))


def _customer_key() -> Any:
    """Who a won deal was sold to: its contact, else its company, else the deal itself."""
    d = m.Deal
    return func.coalesce(literal("c") + cast(d.contact_id, String()),
                         literal("a") + cast(d.account_id, String()),
                         literal("d") + cast(d.id, String()))


def _money_columns(campaign: Any) -> list[Any]:
    """Revenue (in two exact parts, see deals._exact_sum; `finish_figures` puts them
    together) and acquired customers of `campaign`, as labelled scalar subqueries."""
    d = m.Deal
    hi, lo = _exact_sum(d.amount_rial, "revenue")
    return [
        _won_deals(campaign, hi.element).scalar_subquery().label("revenue_hi"),
        _won_deals(campaign, lo.element).scalar_subquery().label("revenue_lo"),
        _won_deals(campaign, func.count(_customer_key().distinct())).scalar_subquery()
        .label("acquired"),
    ]


def _figure_columns(campaign: Any) -> list[Any]:
    """Every figure of one campaign as labelled scalar subqueries."""
    return [
        _members_of(campaign).label("members"),
        _members_of(campaign, *RESPONDED).label("responded"),
        _members_of(campaign, MemberStatus.CONVERTED.value).label("converted"),
        *_money_columns(campaign),
    ]


def _member_figures() -> Any:
    """Members, responded and converted of every campaign in one pass over the members
    (a list shows many campaigns: three correlated counts per row would visit each
    member's contact three times)."""
    cm, c = m.CampaignMember, m.Contact

    def counted(condition: Any) -> Any:
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    return (
        select(cm.campaign_id, func.count().label("members"),
               counted(cm.status.in_(RESPONDED)).label("responded"),
               counted(cm.status == MemberStatus.CONVERTED.value).label("converted"))
        .join(c, c.id == cm.contact_id).where(c.deleted_at.is_(None))
        .group_by(cm.campaign_id).subquery("member_figures")
    )


def finish_figures(row: dict[str, Any]) -> dict[str, Any]:
    """A row with the figure columns: revenue put together, ROI, cost per acquired
    customer and the rates added (see domain/marketing.py for the definitions)."""
    row["revenue_rial"] = _combine(row.pop("revenue_hi"), row.pop("revenue_lo"))
    cost = int(row["actual_cost_rial"])
    value = marketing.roi(row["revenue_rial"], cost)
    row["roi"] = None if value is None else float(value)
    row["roi_exact"] = value
    row["cost_per_acquisition_rial"] = marketing.cost_per_acquisition(cost, row["acquired"])
    row["response_rate"] = marketing.ratio(row["responded"], row["members"])
    row["conversion_rate"] = marketing.ratio(row["converted"], row["members"])
    return row


class CampaignService(EntityService[m.Campaign]):
    """Campaigns, their targets (lists and RFM segments), members and figures.

    campaigns.list_id is kept in the table (older databases, downgrades) but the program
    uses campaign_targets only."""

    model = m.Campaign
    edit_perm = Perm.CAMPAIGNS
    fields: ClassVar = {
        "name": f.Field(f.text(200), required=True),
        "channel": f.Field(f.choice(CampaignChannel), required=True),
        "status": f.Field(f.choice(CampaignStatus), empty=CampaignStatus.PLANNED.value),
        "start_date": f.Field(f.a_date),
        "end_date": f.Field(f.a_date),
        "budget_rial": f.Field(f.money, empty=0),
        "actual_cost_rial": f.Field(f.money, empty=0),
        "expected_revenue_rial": f.Field(f.money, empty=0),
        "description": f.Field(f.multiline()),
        "owner_id": f.Field(f.reference),
    }
    references: ClassVar = {"owner_id": m.User}
    _c = m.Campaign
    _revenue = _won_deals(_c.id, total(m.Deal.amount_rial)).scalar_subquery()
    sort_columns: ClassVar = {
        "start_date": func.coalesce(_c.start_date, NO_DATE),
        "name": _c.name,
        "status": _c.status,
        "channel": _c.channel,
        "created": _c.created_at,
        "members": _members_of(_c.id),
        "responded": _members_of(_c.id, *RESPONDED),
        "converted": _members_of(_c.id, MemberStatus.CONVERTED.value),
        "cost": _c.actual_cost_rial,
        # floating point (total() cannot overflow): only the order matters here
        "revenue": _revenue,
        "roi": cast(case((_c.actual_cost_rial == 0, NO_ROI),
                         else_=(_revenue - _c.actual_cost_rial)
                         / cast(_c.actual_cost_rial, Float())), Float()),
    }
    del _c, _revenue
    filter_columns: ClassVar = {
        "status": m.Campaign.status,
        "channel": m.Campaign.channel,
        "owner_id": m.Campaign.owner_id,
    }
    #: the start date (days): [start_since, start_before)
    range_filters: ClassVar = {
        "start_since": (m.Campaign.start_date, ">="), "start_before": (m.Campaign.start_date, "<"),
    }

    def _check(self, session: Session, values: dict, current: Any | None) -> None:
        start = values.get("start_date", current.start_date if current else None)
        end = values.get("end_date", current.end_date if current else None)
        if start is not None and end is not None and end < start:
            raise ValidationError(FieldError("end_date", "date.order"))

    def _list_select(self, one: bool = False) -> Select[Any]:
        """The list's rows with their figures; `one`: for one campaign (its counts as
        correlated subqueries instead of a pass over every campaign's members)."""
        c = m.Campaign
        q = select(
            c.id, c.name, c.channel, c.status, c.start_date, c.end_date, c.budget_rial,
            c.actual_cost_rial, c.expected_revenue_rial, c.description, c.owner_id,
            c.created_at, Owner.display_name.label("owner"),
        ).select_from(c).outerjoin(Owner, Owner.id == c.owner_id)
        if one:
            return q.add_columns(*_figure_columns(c.id))
        f = _member_figures()
        return q.add_columns(
            *(func.coalesce(f.c[k], 0).label(k) for k in ("members", "responded", "converted")),
            *_money_columns(c.id),
        ).outerjoin(f, f.c.campaign_id == c.id)

    def _fetch(self, session: Session, q: Select[Any], n: int) -> list[dict[str, Any]]:
        rows = super()._fetch(session, q, n)
        return [finish_figures(r) if "revenue_hi" in r else r for r in rows]

    def _apply_text(self, q: Select[Any], raw: str) -> Select[Any]:
        """Campaigns are few (hundreds): their names and descriptions are matched in
        Python with the search's own normalisation (every word must appear)."""
        terms = [search_key(t) for t in search_terms(raw)]
        terms = [t for t in terms if t]
        if not terms:
            return q.where(false())
        c = m.Campaign
        with self.db.read() as session:
            found = [
                cid for cid, name, description in session.execute(
                    select(c.id, c.name, c.description))
                if all(t in search_key(f"{name} {description or ''}") for t in terms)
            ]
        return q.where(c.id.in_(found))

    # -- reads ---------------------------------------------------------------------------
    def figures(self, campaign_id: int) -> dict[str, Any]:
        """members, responded, converted, actual cost, revenue, ROI, acquired customers,
        cost per acquired customer, response and conversion rates (exact fractions)."""
        with self.db.read() as session:
            self._load(session, campaign_id)
            rows = self._fetch(session, self._list_select(one=True)
                               .where(m.Campaign.id == campaign_id), 1)
        return rows[0]

    def options(self) -> list[tuple[int, str]]:
        """(id, name) of every campaign, the latest first (undated, planned ones on top),
        for pickers such as a deal's source campaign."""
        c = m.Campaign
        q = select(c.id, c.name).order_by(func.coalesce(c.start_date, NO_DATE).desc(),
                                           c.id.desc())
        with self.db.read() as session:
            return [(r.id, r.name) for r in session.execute(q)]

    # -- targets -------------------------------------------------------------------------
    def targets(self, campaign_id: int) -> list[dict[str, Any]]:
        """The campaign's targets, lists first (by name) then segments (in SEGMENTS order):
        id, list_id, segment, name (the list's), kind (the list's) and contacts (how many
        live contacts it holds now; None for a list whose members cannot be counted)."""
        t, ls = m.CampaignTarget, m.MarketingList
        q = (select(t.id, t.list_id, t.segment, ls.name, ls.kind)
             .outerjoin(ls, ls.id == t.list_id).where(t.campaign_id == campaign_id))
        if not f.is_id(campaign_id):
            return []
        with self.db.read() as session:
            rows = [dict(r._mapping) for r in session.execute(q)]
            for row in rows:
                row["contacts"] = self._target_size(session, row)
        order = {s: i for i, s in enumerate(SEGMENTS)}
        rows.sort(key=lambda r: (r["segment"] is not None, r["name"] or "",
                                 order.get(r["segment"], len(order)), r["id"]))
        return rows

    @staticmethod
    def _target_size(session: Session, row: dict[str, Any]) -> int | None:
        if row["segment"] is not None:
            ids = segment_member_ids(row["segment"])
        else:
            mlist = session.get(m.MarketingList, row["list_id"])
            try:
                ids = list_member_ids(mlist)
            except ValidationError:  # a filter list the program cannot evaluate
                return None
        return int(session.scalar(select(func.count()).select_from(ids.subquery())))

    def add_target(self, campaign_id: int, list_id: int | None = None,
                   segment: str | None = None) -> int:
        """Aim the campaign at a list or an RFM segment (exactly one); returns the target's
        id. A list or segment already among its targets is refused."""
        if (list_id is None) == (segment is None):
            raise ValidationError(FieldError("campaign_targets", "target.one"))
        with self.db.write(self.actor_id) as session:
            require_in(session, self.edit_perm)
            self._load(session, campaign_id)
            t = m.CampaignTarget
            if list_id is not None:
                mlist = session.get(m.MarketingList, list_id) if f.is_id(list_id) else None
                if mlist is None:
                    raise ValidationError(FieldError("list_id", "not_found"))
                same = t.list_id == list_id
            else:
                if not isinstance(segment, str) or segment not in SEGMENTS:
                    raise ValidationError(FieldError("segment", "choice"))
                same = t.segment == segment
            if session.scalar(select(t.id).where(t.campaign_id == campaign_id, same)):
                raise ValidationError(FieldError("list_id" if list_id is not None
                                                 else "segment", "target.duplicate"))
            target = t(campaign_id=campaign_id, list_id=list_id, segment=segment)
            session.add(target)
            session.flush()
            return int(target.id)

    def remove_target(self, campaign_id: int, target_id: int) -> None:
        """Take a target off the campaign (its members stay members)."""
        with self.db.write(self.actor_id) as session:
            require_in(session, self.edit_perm)
            target = session.get(m.CampaignTarget, target_id) if f.is_id(target_id) else None
            if target is None or target.campaign_id != campaign_id:
                raise NotFoundError("campaign_targets", target_id)
            session.delete(target)

    # -- members -------------------------------------------------------------------------
    def add_members_from_targets(self, campaign_id: int) -> int:
        """Make every live contact of the campaign's targets (lists and segments) a
        member, once, in one INSERT ... SELECT; members already there keep their status.
        Returns how many were added."""
        with self.db.write(self.actor_id) as session:
            require_in(session, self.edit_perm)
            self._load(session, campaign_id)
            t = m.CampaignTarget
            targets = session.execute(
                select(t.list_id, t.segment).where(t.campaign_id == campaign_id)
                .order_by(t.id)).all()
            if not targets:
                raise ValidationError(FieldError("campaign_targets", "required"))
            sources: list[Select[Any]] = []
            for list_id, segment in targets:
                if segment is not None:
                    sources.append(segment_member_ids(segment))
                else:
                    sources.append(list_member_ids(session.get(m.MarketingList, list_id)))
            ids = (union(*sources) if len(sources) > 1 else sources[0]).subquery()
            contact = ids.c[0]
            cm = m.CampaignMember
            already = select(cm.contact_id).where(cm.campaign_id == campaign_id)
            source = (
                select(literal(campaign_id), contact,
                       literal(MemberStatus.TARGETED.value), literal(utcnow(), UTCDateTime()))
                .where(contact.not_in(already))
            )
            # the new members are the rows after the largest id (we hold the write lock)
            last = session.scalar(select(func.coalesce(func.max(cm.id), 0)))
            result = session.execute(
                insert(cm).from_select(["campaign_id", "contact_id", "status", "updated_at"],
                                       source)
                .execution_options(preserve_rowcount=True)  # (PostgreSQL tells it only so)
            )
            # an INSERT ... SELECT: the audit rows of the new members are explicit
            audit.created_selected(
                session, cm.__tablename__,
                select(cm.id, cm.campaign_id, cm.contact_id, cm.status).where(cm.id > last),
                ["campaign_id", "contact_id", "status"])
            return result.rowcount or 0

    def set_member_status(self, campaign_id: int, contact_id: int, status: str) -> None:
        """Record how far one member got (targeted, sent, delivered, ... converted)."""
        value = _status(status)
        with self.db.write(self.actor_id) as session:
            require_in(session, self.edit_perm)
            member = None if not (f.is_id(campaign_id) and f.is_id(contact_id)) else (
                session.scalar(select(m.CampaignMember).where(
                    m.CampaignMember.campaign_id == campaign_id,
                    m.CampaignMember.contact_id == contact_id)))
            if member is None:
                raise NotFoundError("campaign_members", (campaign_id, contact_id))
            member.status = value

    def set_members_status(self, campaign_id: int, status: str,
                           contact_ids: Iterable[int] | None = None, *,
                           from_status: str | None = None) -> int:
        """Set the status of many members at once: those of `contact_ids`, or every member
        whose status is `from_status` (exactly one of the two). Members whose contact is in
        the Trash are left alone, like unknown contacts. Returns how many changed."""
        value = _status(status)
        if (contact_ids is None) == (from_status is None):
            raise ValidationError(FieldError("contact", "required"))
        old = None if from_status is None else _status(from_status, "from_status")
        cm, c = m.CampaignMember, m.Contact
        changed = 0
        with self.db.write(self.actor_id) as session:
            require_in(session, self.edit_perm)
            self._load(session, campaign_id)
            live = select(c.id).where(c.id == cm.contact_id, c.deleted_at.is_(None)).exists()
            base = [cm.campaign_id == campaign_id, cm.status != value, live]
            groups: Iterable[list[Any]] = ([[cm.status == old]] if old is not None else (
                [cm.contact_id.in_(chunk)] for chunk in _chunks(contact_ids or ())))
            now = utcnow()
            for where in groups:
                # a bulk UPDATE: the audit rows are explicit, taken before it
                audit.updated_selected(session, cm.__tablename__,
                                       select(cm.id, cm.status).where(*base, *where),
                                       "status", value)
                result = session.execute(
                    update(cm).where(*base, *where).values(status=value, updated_at=now)
                    .execution_options(synchronize_session=False))
                changed += result.rowcount or 0
        return changed

    def member_stats(self, campaign_id: int) -> dict[str, int]:
        """Members per status (every status is present); contacts in the Trash left out."""
        cm, c = m.CampaignMember, m.Contact
        q = (select(cm.status, func.count()).join(c, c.id == cm.contact_id)
             .where(cm.campaign_id == campaign_id, c.deleted_at.is_(None))
             .group_by(cm.status))
        stats = {s.value: 0 for s in MemberStatus}
        if not f.is_id(campaign_id):
            return stats
        with self.db.read() as session:
            for status, n in session.execute(q):
                stats[status] = int(n)
        return stats

    def _member_select(self, campaign_id: int, status: str | None) -> Select[Any]:
        c, cm = m.Contact, m.CampaignMember
        q = (
            select(c.id, c.full_name, c.mobile, c.email, cm.status, cm.updated_at)
            .join(cm, cm.contact_id == c.id)
            .where(cm.campaign_id == campaign_id, c.deleted_at.is_(None))
        )
        if status is not None:
            q = q.where(cm.status == status)
        return q

    @staticmethod
    def _member_args(campaign_id: Any, status: Any) -> bool:
        """False when the arguments can name no member (the read is empty)."""
        if status is not None and status not in {s.value for s in MemberStatus}:
            return False
        return f.is_id(campaign_id)

    def member_count(self, campaign_id: int, status: str | None = None) -> int:
        """Live members (with `status`, when given)."""
        if not self._member_args(campaign_id, status):
            return 0
        q = select(func.count()).select_from(self._member_select(campaign_id, status)
                                             .subquery())
        with self.db.read() as session:
            return int(session.execute(q).scalar_one())

    def member_ids(self, campaign_id: int, status: str | None = None) -> list[int]:
        """The contact ids of the live members (with `status`, when given), in id order:
        e.g. a campaign's responders put on a list for the next campaign."""
        if not self._member_args(campaign_id, status):
            return []
        c, cm = m.Contact, m.CampaignMember
        q = (select(cm.contact_id).join(c, c.id == cm.contact_id)
             .where(cm.campaign_id == campaign_id, c.deleted_at.is_(None)))
        if status is not None:
            q = q.where(cm.status == status)
        with self.db.read() as session:
            return list(session.scalars(q.order_by(cm.contact_id)))

    def member_window(self, campaign_id: int, offset: int, limit: int,
                      status: str | None = None) -> list[dict[str, Any]]:
        """Members `offset` to `offset + limit` in contact-id order (with `status`, when
        given): random access for the windowed members table."""
        offset, limit = _count_arg("offset", offset), _count_arg("limit", limit)
        limit = max(1, min(limit, MAX_PAGE))
        if not self._member_args(campaign_id, status):
            return []
        q = (self._member_select(campaign_id, status).order_by(m.Contact.id)
             .limit(limit).offset(offset))
        with self.db.read() as session:
            return [dict(r._mapping) for r in session.execute(q)]

    def members(self, campaign_id: int, query: ListQuery | None = None) -> Page:
        """One page of live members in contact-id order (`limit`, `after` and filter
        `status`); pass the page's `next_cursor` as `after` for the next page."""
        query = query or ListQuery()
        limit = max(1, min(query.limit, MAX_PAGE))
        q = self._member_select(campaign_id, query.filters.get("status"))
        if query.after is not None:
            q = q.where(m.Contact.id > _after_id(query.after))
        with self.db.read() as session:
            rows = [dict(r._mapping)
                    for r in session.execute(q.order_by(m.Contact.id).limit(limit + 1))]
        more = len(rows) > limit
        rows = rows[:limit]
        return Page(rows, (rows[-1]["id"], rows[-1]["id"]) if more else None)


def segment_member_ids(segment: str) -> Select[Any]:
    """SELECT of the ids (column `contact_id`) of the live contacts in an RFM segment as
    last computed (a contact added since then is in no_purchase), as a dynamic list's
    segment criterion finds them."""
    spec = contact_filter.ContactFilter(segments=(segment,))
    return select(m.Contact.id.label("contact_id")).where(spec.where())
