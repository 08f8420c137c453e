"""Marketing lists: who to reach. A static list keeps its members (list_members); a filter
list keeps a contact filter (services.contact_filter) and its members are whoever the filter
finds when the list is used."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, ClassVar, NoReturn

from sqlalchemy import ColumnElement, Select, case, delete, func, insert, literal, select
from sqlalchemy.orm import Session, aliased

from crm_desktop.db import models as m
from crm_desktop.db.types import UTCDateTime, utcnow
from crm_desktop.domain.enums import ListKind
from crm_desktop.domain.errors import FieldError, ValidationError
from crm_desktop.domain.permissions import Perm
from crm_desktop.services import audit
from crm_desktop.services import contact_filter as cf
from crm_desktop.services import fields as f
from crm_desktop.services.access import require_in
from crm_desktop.services.base import MAX_PAGE, EntityService, ListQuery, Page
from crm_desktop.services.contacts import ContactService

Owner = aliased(m.User)
#: ids per IN (...) list: far below SQLite's limit on bound parameters
CHUNK = 500
#: most rows a preview shows
MAX_PREVIEW = 100


def filter_json(value: Any) -> str:
    """The saved contact filter of a filter list (JSON text or a dict), checked and stored
    in its canonical form. A wrong criterion is reported under its own name."""
    return cf.parse(value).to_json()


def after_id(after: Any) -> int:
    """The contact id of a members page cursor (the `next_cursor` of the page before)."""
    if not (isinstance(after, tuple | list) and len(after) == 2 and f.is_id(after[1])):
        raise ValidationError(FieldError("after", "invalid"))
    return int(after[1])


def _chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    """Distinct ids in sorted chunks; what cannot be an id (0, 2**63, "x") names no contact
    and is left out, like an unknown one."""
    return f.chunked(f.distinct_ids(ids, "contact"), CHUNK)


def member_condition(mlist: Any) -> ColumnElement[bool]:
    """The condition on `contacts` that a list's live members meet."""
    if mlist.kind == ListKind.FILTER.value:
        return cf.parse(mlist.filter_json or "").where()
    lm = m.ListMember
    return m.Contact.deleted_at.is_(None) & m.Contact.id.in_(
        select(lm.contact_id).where(lm.list_id == mlist.id))


def list_member_ids(mlist: m.MarketingList) -> Select[Any]:
    """SELECT of the ids (column `contact_id`) of the live contacts on a list, to be used as
    a subquery. A static list's members are its rows in list_members; a filter list's are
    whoever its saved filter finds now."""
    if mlist.kind == ListKind.FILTER.value:
        return select(m.Contact.id.label("contact_id")).where(member_condition(mlist))
    return (
        select(m.ListMember.contact_id)
        .join(m.Contact, m.Contact.id == m.ListMember.contact_id)
        .where(m.ListMember.list_id == mlist.id, m.Contact.deleted_at.is_(None))
    )


class ListMembers(ContactService):
    """The contact list narrowed to one marketing list's live members: the same columns,
    sorts, text search and windows, for a windowed table. Read only."""

    # a dynamic list's condition may compare with today ("active in the last 30 days")
    compiled_lists = False

    def __init__(self, contacts: ContactService, condition: ColumnElement[bool]):
        super().__init__(contacts.db, contacts.actor_id)
        self._condition = condition

    def _base_query(self, query: ListQuery, *, ids: bool = False) -> Select[Any]:
        return super()._base_query(query, ids=ids).where(self._condition)

    def _read_only(self, *_args: Any, **_kwargs: Any) -> NoReturn:
        raise TypeError("a list's members are read here; edit contacts with ContactService")

    create = update = delete = restore = restore_many = set_tags = _read_only


class ListService(EntityService[m.MarketingList]):
    model = m.MarketingList
    edit_perm = Perm.CAMPAIGNS
    fields: ClassVar = {
        "name": f.Field(f.text(200), required=True),
        "kind": f.Field(f.choice(ListKind), empty=ListKind.STATIC.value),
        "filter_json": f.Field(filter_json),
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
        if current is not None and kind != current.kind:
            # a static list's members and a filter are different things: make a new list
            raise ValidationError(FieldError("kind", "invalid"))
        filter_text = values.get("filter_json", current.filter_json if current else None)
        if kind == ListKind.FILTER.value and not filter_text:
            raise ValidationError(FieldError("filter_json", "required"))
        if kind == ListKind.STATIC.value and "filter_json" in values:
            values["filter_json"] = None  # a static list has no filter

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
                ls.filter_json, Owner.display_name.label("owner"),
                # a filter list's members are counted when it is used (member_count)
                case((ls.kind == ListKind.STATIC.value, members), else_=None).label("members"),
            )
            .select_from(ls)
            .outerjoin(Owner, Owner.id == ls.owner_id)
        )

    # -- writes ----------------------------------------------------------------------------
    def delete(self, list_id: int) -> None:
        """Delete a list for good, with its static members (the contacts stay). A list a
        campaign targets cannot go: take it off the campaign first."""
        with self.db.write(self.actor_id) as session:
            require_in(session, self.edit_perm)
            mlist = self._load(session, list_id)
            used = session.scalar(select(func.count()).select_from(m.Campaign).where(
                m.Campaign.list_id == list_id)) or session.scalar(
                select(func.count()).select_from(m.CampaignTarget).where(
                    m.CampaignTarget.list_id == list_id))
            if used:
                raise ValidationError(FieldError("list", "in_use"))
            lm = m.ListMember
            members = select(lm.contact_id).where(lm.list_id == list_id)
            # the members go with a bulk DELETE: their audit rows are explicit
            audit.elements_selected(session, "marketing_lists", list_id, "members", members,
                                    added=False)
            session.execute(delete(lm).where(lm.list_id == list_id))
            session.delete(mlist)

    def _load_static(self, session: Session, list_id: int) -> Any:
        obj = self._load(session, list_id)
        if obj.kind != ListKind.STATIC.value:
            # a filter list's members are whoever its filter finds when it is used
            raise ValidationError(FieldError("kind", "invalid"))
        return obj

    def create(self, data: Any) -> int:
        """Like EntityService.create; a static list's `data` may also carry `members` (contact
        ids), added in the same transaction ("Add to list" > a new list)."""
        data = dict(data) if isinstance(data, Mapping) else data
        members = data.pop("members", None) if isinstance(data, dict) else None
        with self.db.write(self.actor_id) as session:
            require_in(session, self.edit_perm)
            obj = self._create_in(session, data)
            if members is not None:
                self._load_static(session, obj.id)
                self._add_members_in(session, obj.id, members)
            return obj.id

    def add_members(self, list_id: int, contact_ids: Iterable[int]) -> int:
        """Add contacts to a static list; members already there and deleted or unknown
        contacts are skipped. Returns how many were added."""
        with self.db.write(self.actor_id) as session:
            require_in(session, self.edit_perm)
            self._load_static(session, list_id)
            return self._add_members_in(session, list_id, contact_ids)

    def _add_members_in(self, session: Session, list_id: int,
                        contact_ids: Iterable[int]) -> int:
        added = 0
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
                .execution_options(preserve_rowcount=True)  # (PostgreSQL tells it only so)
            )
            added += result.rowcount or 0
        return added

    def remove_members(self, list_id: int, contact_ids: Iterable[int]) -> int:
        """Take contacts off a static list; returns how many were members."""
        removed = 0
        with self.db.write(self.actor_id) as session:
            require_in(session, self.edit_perm)
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

    # -- reads -----------------------------------------------------------------------------
    def _condition(self, session: Session, list_id: int) -> ColumnElement[bool]:
        return member_condition(self._load(session, list_id))

    def member_count(self, list_id: int) -> int:
        """Live (not deleted) contacts on the list, static or filter."""
        with self.db.read() as session:
            where = self._condition(session, list_id)
            return int(session.execute(
                select(func.count()).select_from(m.Contact).where(where)).scalar_one())

    def members(self, list_id: int, query: ListQuery | None = None) -> Page:
        """One page of live members in contact-id order, static or filter list. Only `limit`
        and `after` of the query are used; pass the page's `next_cursor` as `after` for the
        next page. A preview is the first page: `members(id, ListQuery(limit=10))`."""
        query = query or ListQuery()
        with self.db.read() as session:
            where = self._condition(session, list_id)
            return _member_page(session, where, query)

    def member_rows(self, list_id: int) -> ListMembers:
        """The list's members as the contact list shows them (windows, sorts, search), for
        a windowed table. A filter list's filter is read now: ask again after an edit."""
        with self.db.read() as session:
            where = self._condition(session, list_id)
        return ListMembers(ContactService(self.db, self.actor_id), where)

    def filter_count(self, spec: Any) -> int:
        """How many live contacts a filter (not saved yet) finds, for the editor."""
        where = cf.parse(spec).where()
        with self.db.read() as session:
            return int(session.execute(
                select(func.count()).select_from(m.Contact).where(where)).scalar_one())

    def filter_preview(self, spec: Any, limit: int = 10) -> list[dict[str, Any]]:
        """The first contacts (by id) a filter (not saved yet) finds, for the editor."""
        if isinstance(limit, bool) or not isinstance(limit, int):
            raise ValidationError(FieldError("limit", "number.invalid"))
        where = cf.parse(spec).where()
        with self.db.read() as session:
            return _member_page(session, where,
                                ListQuery(limit=max(1, min(limit, MAX_PREVIEW)))).rows

    def static_options(self) -> list[tuple[int, str]]:
        """(id, name) of the static lists, by name (for "Add to list")."""
        ls = m.MarketingList
        q = select(ls.id, ls.name).where(ls.kind == ListKind.STATIC.value).order_by(
            ls.name, ls.id)
        with self.db.read() as session:
            return [(r.id, r.name) for r in session.execute(q)]


def _member_page(session: Session, where: ColumnElement[bool], query: ListQuery) -> Page:
    limit = query.limit
    if isinstance(limit, bool) or not isinstance(limit, int):
        raise ValidationError(FieldError("limit", "number.invalid"))
    limit = max(1, min(limit, MAX_PAGE))
    c = m.Contact
    q = select(c.id, c.full_name, c.mobile, c.email, c.city, c.lifecycle_stage,
               c.sms_consent, c.email_consent).where(where)
    if query.after is not None:
        q = q.where(c.id > after_id(query.after))
    rows = [dict(r._mapping) for r in session.execute(q.order_by(c.id).limit(limit + 1))]
    more = len(rows) > limit
    rows = rows[:limit]
    return Page(rows, (rows[-1]["id"], rows[-1]["id"]) if more else None)

