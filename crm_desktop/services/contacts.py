"""People: customers, leads, patients, students."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from typing import Any, ClassVar

from sqlalchemy import (
    Integer,
    Select,
    delete,
    event,
    exists,
    func,
    insert,
    literal_column,
    or_,
    select,
)
from sqlalchemy.orm import Session, aliased

from crm_desktop.db import models as m
from crm_desktop.db.models.base import nullable_sort
from crm_desktop.db.models.people import lifecycle_rank_sql
from crm_desktop.db.types import utcnow
from crm_desktop.domain import clock
from crm_desktop.domain.enums import ContactSource, Gender, LifecycleStage, RfmSegment
from crm_desktop.domain.errors import FieldError, ValidationError
from crm_desktop.domain.permissions import Perm
from crm_desktop.services import audit, versions
from crm_desktop.services import fields as f
from crm_desktop.services.access import require_in
from crm_desktop.services.base import EntityService, ListQuery, strict_instant
from crm_desktop.services.club import earn as club_earn
from crm_desktop.services.club.config import NO_TIER
from crm_desktop.services.deals import closed_instant, won_stage_ids
from crm_desktop.services.distinct import distinct_values
from crm_desktop.text.collation import sort_key
from crm_desktop.text.normalize import clean_text, search_key, search_name_key

Owner = aliased(m.User)
MAX_TAGS = 30


def contact_search_text(c: Any) -> tuple[str, str]:
    """(name part, other part) of the search index for a contact."""
    numbers = []
    for phone in (c.mobile, c.mobile2, c.phone):
        if phone:
            numbers.append(phone)
            if phone.startswith("0"):
                numbers.append(phone[1:])  # people often type 912... without the 0
    other = " ".join([*numbers, c.email or "", c.national_code or ""])
    return search_name_key(c.full_name), search_key(other)


def copied_sort_keys(account: Any | None, owner: Any | None) -> tuple[str, str]:
    """(account_sort, owner_sort) of a contact: the sort key of its company and of its
    owner's name, copied onto it so that the list sorts by them over an index."""
    return (account.sort_key if account else "",
            sort_key(owner.display_name) if owner else "")


def clean_tag_names(names: Any) -> list[str]:
    """Tag names as stored: cleaned, without blanks and repeats, in the order given. A text
    is refused, not split into letters ("abc" is not the tags a, b, c) nor guessed at
    ("a, b": one tag or two?): tags are a list of names."""
    if isinstance(names, str | bytes) or not isinstance(names, Iterable):
        raise ValidationError(FieldError("tags", "invalid"))
    wanted: list[str] = []
    for raw in names:
        if not isinstance(raw, str):
            raise ValidationError(FieldError("tags", "invalid"))
        name = clean_text(raw)
        if len(name) > 60:
            raise ValidationError(FieldError("tag", "too_long", {"max": 60}))
        if name and name not in wanted:
            wanted.append(name)
    if len(wanted) > MAX_TAGS:
        raise ValidationError(FieldError("tag", "range", {"min": 0, "max": MAX_TAGS}))
    return wanted


def _instant_range(prefix: str, values: list[Any]) -> tuple[Any, Any]:
    """(since, before) of a pair of range filters, each None or a checked instant."""
    return tuple(None if v is None else f.clean({k: f.Field(strict_instant)}, {k: v})[k]
                 for k, v in zip((f"{prefix}_since", f"{prefix}_before"), values,
                                 strict=True))  # type: ignore[return-value]


def _in_range(expr: Any, since: Any, before: Any) -> list[Any]:
    return [c for c in (None if since is None else expr >= since,
                        None if before is None else expr < before) if c is not None]


def birthday_rule(value: Any) -> date:
    """A date from the first allowed day (fields.DATE_MIN) to today; the message names both."""
    return f.date_between(value, f.DATE_MIN, clock.today())


@event.listens_for(m.Contact.lifecycle_stage, "set", active_history=True)
def _became_customer(contact: m.Contact, value: Any, old: Any, _initiator: Any) -> None:
    """customer_since: when the contact last became a customer (created as one, or moved
    to the stage from another), whoever moved it (the editor, a won deal, an accepted
    proforma); the welcome rule greets from it. Leaving the stage keeps it."""
    customer = LifecycleStage.CUSTOMER.value
    if value == customer and old != customer:
        contact.customer_since = utcnow()


class ContactService(EntityService[m.Contact]):
    model = m.Contact
    edit_perm = Perm.EDIT_CONTACTS
    soft_delete = True
    searchable = True
    compiled_lists = True  # no filter reads the clock
    live_count = True  # db/live_counts.py
    fields: ClassVar = {
        "first_name": f.Field(f.text(100), empty=""),
        "last_name": f.Field(f.text(100), empty=""),
        "gender": f.Field(f.choice(Gender), empty=Gender.UNSPECIFIED.value),
        "birthday": f.Field(birthday_rule),
        "mobile": f.Field(f.mobile),
        "mobile2": f.Field(f.mobile),
        "phone": f.Field(f.phone),
        "email": f.Field(f.email),
        "national_code": f.Field(f.national_code),
        "job_title": f.Field(f.text(100)),
        "city": f.Field(f.text(100)),
        "address": f.Field(f.multiline(500)),
        "postal_code": f.Field(f.postal_code),
        "source": f.Field(f.choice(ContactSource)),
        "source_campaign_id": f.Field(f.reference),
        "lifecycle_stage": f.Field(f.choice(LifecycleStage), empty=LifecycleStage.LEAD.value),
        "sms_consent": f.Field(f.boolean, empty=False),
        "email_consent": f.Field(f.boolean, empty=False),
        "account_id": f.Field(f.reference),
        "owner_id": f.Field(f.reference),
        "notes": f.Field(f.multiline()),
        # who referred this contact (the club's referral points): a live contact, never
        # the contact itself, nor one this contact referred (see _check)
        "referred_by_id": f.Field(f.reference),
    }
    references: ClassVar = {
        "account_id": m.Account,
        "owner_id": m.User,
        "source_campaign_id": m.Campaign,
        "referred_by_id": m.Contact,
    }
    sort_columns: ClassVar = {
        "name": m.Contact.sort_key,
        "mobile": nullable_sort(m.Contact.mobile),
        "company": m.Contact.account_sort,
        "city": nullable_sort(m.Contact.city),
        "stage": literal_column(lifecycle_rank_sql("contacts.lifecycle_stage"), Integer()),
        "owner": m.Contact.owner_sort,
        "last_activity": nullable_sort(m.Contact.last_activity_at),
        "created": m.Contact.created_at,
    }
    filter_columns: ClassVar = {
        "lifecycle_stage": m.Contact.lifecycle_stage,
        "city": m.Contact.city,
        "owner_id": m.Contact.owner_id,
        "account_id": m.Contact.account_id,
        "source": m.Contact.source,  # "" keeps the contacts without a source
        "referred_by_id": m.Contact.referred_by_id,  # the people a contact referred
    }
    range_filters: ClassVar = {
        "created_since": (m.Contact.created_at, ">="),
        "created_before": (m.Contact.created_at, "<"),
    }

    def _check(self, session: Session, values: dict, current: Any | None) -> None:
        first = values.get("first_name", current.first_name if current else "")
        last = values.get("last_name", current.last_name if current else "")
        if not (first or last):
            raise ValidationError(FieldError("last_name", "required"))
        referrer_id = values.get("referred_by_id")
        if referrer_id is not None and current is not None:
            # (a live contact: _check_references has looked)
            if referrer_id == current.id:
                raise ValidationError(FieldError("referred_by_id", "referral.self"))
            referrer = session.get(m.Contact, referrer_id)
            if referrer is not None and referrer.referred_by_id == current.id:
                raise ValidationError(FieldError("referred_by_id", "referral.cycle"))

    def _derive(self, obj: Any) -> None:
        obj.full_name = " ".join(p for p in (obj.first_name, obj.last_name) if p)
        obj.sort_key = sort_key(obj.full_name)
        day = obj.birthday  # "%m-%d", written out (strftime costs more, per contact)
        obj.birth_md = f"{day.month:02d}-{day.day:02d}" if day else None
        obj.search_name, obj.search_other = contact_search_text(obj)

    def _update_in(self, session: Session, entity_id: int, changes: Any) -> Any:
        before = self._load(session, entity_id).referred_by_id
        obj = super()._update_in(session, entity_id, changes)
        if obj.referred_by_id != before:
            # a referral that has earned follows its referrer (earn.sync_referrals_in)
            club_earn.sync_referrals_in(session, [obj.id])
        return obj

    def _after_write(self, session: Session, obj: Any) -> None:
        account = session.get(m.Account, obj.account_id) if obj.account_id else None
        owner = session.get(m.User, obj.owner_id) if obj.owner_id else None
        obj.account_sort, obj.owner_sort = copied_sort_keys(account, owner)
        session.flush()

    def _list_select(self) -> Select[Any]:
        c = m.Contact
        return (
            select(
                c.id, c.full_name, c.mobile, c.city, c.lifecycle_stage, c.last_activity_at,
                c.created_at, c.account_id, c.owner_id, c.deleted_at,
                m.Account.name.label("company"), Owner.display_name.label("owner"),
                m.ContactClub.tier,
            )
            .select_from(c)
            .outerjoin(m.Account, m.Account.id == c.account_id)
            .outerjoin(Owner, Owner.id == c.owner_id)
            # the club tier (services/club/members.py), by primary key: only the page's rows
            .outerjoin(m.ContactClub, m.ContactClub.contact_id == c.id)
        )

    def _apply_filter(self, q: Select[Any], key: str, value: Any) -> Select[Any]:
        if key == "tag":
            tagged = select(m.contact_tags.c.contact_id).join(
                m.Tag, m.Tag.id == m.contact_tags.c.tag_id
            ).where(m.Tag.name == clean_text(str(value)))
            return q.where(m.Contact.id.in_(tagged))
        if key == "segment":
            # RFM segment (services/rfm.py); a contact with no stored row has no purchase
            r = m.ContactRfm
            if value == RfmSegment.NO_PURCHASE.value:
                bought = select(r.contact_id).where(r.segment != RfmSegment.NO_PURCHASE.value)
                return q.where(m.Contact.id.not_in(bought))
            return q.where(m.Contact.id.in_(select(r.contact_id).where(r.segment == str(value))))
        if key == "tier":
            # a club tier key; "none": not a member, or below the lowest tier
            k = m.ContactClub
            if value == NO_TIER:
                return q.where(m.Contact.id.not_in(
                    select(k.contact_id).where(k.tier.is_not(None))))
            return q.where(m.Contact.id.in_(select(k.contact_id).where(k.tier == str(value))))
        if key == "source" and value == "":
            return q.where(m.Contact.source.is_(None))
        return super()._apply_filter(q, key, value)

    def _base_query(self, query: ListQuery, *, ids: bool = False) -> Select[Any]:
        """Besides the filters of `_apply_filter`, two ranges read together (each pair is
        one condition): won_since / won_before keep the contacts with a live won deal
        closed in [since, before); first_won_since / first_won_before those whose first
        live won deal was closed then (the customers won in a period). Either end may be
        left out; the close instant is deals.closed_instant()."""
        filters = dict(query.filters)
        won = [filters.pop(k, None) for k in ("won_since", "won_before")]
        first = [filters.pop(k, None) for k in ("first_won_since", "first_won_before")]
        q = super()._base_query(replace(query, filters=filters), ids=ids)
        d, closed = m.Deal, closed_instant()
        live_won = (d.deleted_at.is_(None), d.stage_id.in_(won_stage_ids()))
        if any(v is not None for v in won):
            since, before = _instant_range("won", won)
            q = q.where(exists().where(d.contact_id == m.Contact.id, *live_won,
                                       *_in_range(closed, since, before)))
        if any(v is not None for v in first):
            since, before = _instant_range("first_won", first)
            first_won = func.min(closed)
            q = q.where(m.Contact.id.in_(
                select(d.contact_id).where(d.contact_id.is_not(None), *live_won)
                .group_by(d.contact_id).having(*_in_range(first_won, since, before))))
        return q

    def create(self, data: dict[str, Any]) -> int:
        """Like EntityService.create; `data` may also carry `tags` (a list of names)."""
        data = dict(data)
        tags = data.pop("tags", None)
        with self.db.write(self.actor_id) as session:
            require_in(session, self.edit_perm)
            obj = self._create_in(session, data)
            if tags is not None:
                self._set_tags_in(session, obj.id, tags)
            return obj.id

    def update(self, entity_id: int, changes: dict[str, Any], *,
               version: int | None = None) -> None:
        changes = dict(changes)
        tags = changes.pop("tags", None)
        wanted = versions.expected(version)
        with versions.refused_when_stale(self.db, self.model, entity_id), \
                self.db.write(self.actor_id) as session:
            require_in(session, self.edit_perm)
            versions.check(self._load(session, entity_id), wanted)
            self._update_in(session, entity_id, changes)
            if tags is not None:
                self._set_tags_in(session, entity_id, tags)

    # -- tags ----------------------------------------------------------------------------
    def set_tags(self, contact_id: int, names: list[str]) -> None:
        with self.db.write(self.actor_id) as session:
            require_in(session, self.edit_perm)
            self._load(session, contact_id)
            self._set_tags_in(session, contact_id, names)

    def _set_tags_in(self, session: Session, contact_id: int, names: list[str]) -> None:
        wanted = clean_tag_names(names)
        ids = []
        for name in wanted:
            tag_id = session.scalar(select(m.Tag.id).where(m.Tag.name == name))
            if tag_id is None:
                tag = m.Tag(name=name)
                session.add(tag)
                session.flush()
                tag_id = tag.id
            ids.append(tag_id)
        before = set(self._tags_in(session, contact_id))
        session.execute(delete(m.contact_tags).where(m.contact_tags.c.contact_id == contact_id))
        if ids:
            session.execute(
                insert(m.contact_tags), [{"contact_id": contact_id, "tag_id": t} for t in ids]
            )
        # contact_tags is written with Core statements: its audit rows are explicit
        added = [n for n in wanted if n not in before]
        removed = sorted(before - set(wanted))
        audit.elements_changed(session, "contacts", contact_id, "tags",
                               added=added, removed=removed)
        if added or removed:  # the tags are part of the contact's form
            versions.touch(self._load(session, contact_id))

    def tags(self, contact_id: int) -> list[str]:
        with self.db.read() as session:
            return self._tags_in(session, contact_id)

    def _tags_in(self, session: Session, contact_id: int) -> list[str]:
        q = (
            select(m.Tag.name)
            .join(m.contact_tags, m.contact_tags.c.tag_id == m.Tag.id)
            .where(m.contact_tags.c.contact_id == contact_id)
            .order_by(m.Tag.name)
        )
        return list(session.scalars(q))

    def all_tags(self) -> list[str]:
        with self.db.read() as session:
            return list(session.scalars(select(m.Tag.name).order_by(m.Tag.name)))

    def _as_dict(self, session: Session, obj: Any) -> dict[str, Any]:
        """The columns, the tags, and for panels the referrer's name (`referred_by_name`)
        and how many live contacts this one referred (`referred_count`). A referrer that
        no longer exists or is in the Trash reads as none (the stored id is kept, so a
        referrer brought back from the Trash is the referrer again)."""
        d = super()._as_dict(session, obj)
        d["tags"] = self._tags_in(session, obj.id)
        referrer = (session.get(m.Contact, obj.referred_by_id)
                    if f.is_id(obj.referred_by_id) else None)
        if referrer is None or referrer.deleted_at is not None:
            referrer = None
        d["referred_by_id"] = referrer.id if referrer else None
        d["referred_by_name"] = referrer.full_name if referrer else None
        c = m.Contact
        d["referred_count"] = int(session.scalar(select(func.count()).where(
            c.referred_by_id == obj.id, c.deleted_at.is_(None))) or 0)
        return d

    # -- helpers for editors -------------------------------------------------------------
    def duplicates(
        self, *, mobile: str | None = None, national_code: str | None = None,
        exclude_id: int | None = None,
    ) -> list[dict[str, Any]]:
        """Live contacts that already use this mobile or national code (for a warning)."""
        c = m.Contact
        conds = []
        for column, raw, rule in (
            (c.mobile, mobile, f.mobile), (c.national_code, national_code, f.national_code)
        ):
            if raw:
                with contextlib.suppress(f.InvalidValue):
                    conds.append(column == rule(raw))
        if not conds:
            return []
        q = select(c.id, c.full_name, c.mobile, c.national_code).where(
            c.deleted_at.is_(None), or_(*conds)
        )
        if exclude_id is not None:
            q = q.where(c.id != exclude_id)
        with self.db.read() as session:
            return [dict(r._mapping) for r in session.execute(q.limit(20))]

    def cities(self) -> list[str]:
        """The cities live contacts are in, in Persian alphabetical order (for a filter)."""
        with self.db.read() as session:
            # a seek per city over the city index, not a DISTINCT over every row
            cities = distinct_values(session, "contacts", "city", "deleted_at IS NULL")
        return sorted(cities, key=sort_key)

    def birthdays(self, day: date) -> list[dict[str, Any]]:
        """Live contacts whose birthday falls on this calendar day."""
        c = m.Contact
        q = (
            select(c.id, c.full_name, c.mobile, c.birthday)
            .where(c.deleted_at.is_(None), c.birth_md == day.strftime("%m-%d"))
            .order_by(c.sort_key)
        )
        with self.db.read() as session:
            return [dict(r._mapping) for r in session.execute(q)]
