"""What every entity service shares: validated create/update, soft delete and restore,
and filtered, sorted lists with keyset paging that read rows, not ORM objects."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import cached_property
from typing import Any, ClassVar, Generic, TypeVar

from sqlalchemy import ColumnElement, Select, false, func, select
from sqlalchemy.orm import Session

from crm_desktop.db import live_counts
from crm_desktop.db import models as m
from crm_desktop.db.engine import Database
from crm_desktop.db.search_index import matching_ids
from crm_desktop.db.types import utcnow
from crm_desktop.domain.errors import FieldError, NotFoundError, ValidationError
from crm_desktop.domain.permissions import Perm
from crm_desktop.services import (
    access_guard,  # registers the central permission guard
    audit,  # registers the audit-log writer on every Session
    versions,
)
from crm_desktop.services.access import (
    cached_permissions,
    require_delete_in,
    require_in,
    require_restore_in,
)
from crm_desktop.services.compiled import StatementCache, slot
from crm_desktop.services.fields import (
    MAX_ID,
    Field,
    InvalidValue,
    a_date,
    clean,
    instant,
    is_id,
)

assert audit and access_guard  # imported for their side effect
M = TypeVar("M", bound=m.Base)
MAX_PAGE = 1000


@dataclass(frozen=True)
class Sort:
    key: str
    descending: bool = False


@dataclass(frozen=True)
class ListQuery:
    """What a list shows: filters by name, free text, a sort, and where the page starts."""

    filters: Mapping[str, Any] = field(default_factory=dict)
    text: str = ""
    sort: Sort | None = None
    #: the `next_cursor` of the previous page
    after: tuple[Any, int] | None = None
    limit: int = 100
    #: the Trash: only soft-deleted records
    deleted: bool = False


@dataclass(frozen=True)
class Page:
    rows: list[dict[str, Any]]
    next_cursor: tuple[Any, int] | None


class EntityService(Generic[M]):
    model: ClassVar[type[m.Base]]
    fields: ClassVar[Mapping[str, Field]]
    #: reference fields and the model they must point at (an existing, live record)
    references: ClassVar[Mapping[str, type[m.Base]]] = {}
    #: list sort keys -> SQL expression; the first is the default
    sort_columns: ClassVar[Mapping[str, Any]] = {}
    #: list filter keys -> column compared for equality (None values are skipped)
    filter_columns: ClassVar[Mapping[str, Any]] = {}
    #: list filter keys -> (SQL expression, ">=" or "<"): one end of a range over an
    #: instant column (the value an aware or naive-UTC datetime) or a date column (a
    #: date), such as created_since (>=) and created_before (<) for [since, before)
    range_filters: ClassVar[Mapping[str, tuple[Any, str]]] = {}
    soft_delete: ClassVar[bool] = False
    searchable: ClassVar[bool] = False
    #: lists whose SQL depends on nothing but their filters' values, Trash and sort (no
    #: filter compares with "now" or "today") and whose rows are the columns as read (no
    #: `_fetch` of their own): their count and pages are compiled once per shape and run
    #: without a session (services/compiled.py)
    compiled_lists: ClassVar[bool] = False
    #: the database keeps the number of live rows (db/live_counts.py: the table is in its
    #: COUNTED; SQLite), so a list without filter, search or Trash is not counted row by row.
    #: Read from the class that sets it itself: a subclass that narrows the list (as
    #: lists.ListMembers) counts its rows.
    live_count: ClassVar[bool] = False
    #: the permission its create and update need (crm_desktop.domain.permissions); delete
    #: needs DELETE_ANY or DELETE_OWN, restore RESTORE_TRASH or the actor's own undo
    edit_perm: ClassVar[Perm] = Perm.USERS

    def __init__(self, db: Database, actor_id: int | None = None):
        self.db = db
        self.actor_id = actor_id

    @property
    def entity(self) -> str:
        return self.model.__tablename__

    # -- hooks ---------------------------------------------------------------------------
    def _check(self, session: Session, values: dict[str, Any], current: Any | None) -> None:
        """Rules across fields or against the database; raise ValidationError."""

    def _derive(self, obj: Any) -> None:
        """Fill derived columns (display name, sort key, search text) from the fields."""

    def _id_select(self) -> Select[Any]:
        """The ids of the list, with only the joins its filters and sorts need (counting and
        positioning 100,000 rows must not pay for the display joins)."""
        model: Any = self.model
        return select(model.id)

    def _after_write(self, session: Session, obj: Any) -> None:
        """Keep rows that copy something from this record in step (same transaction)."""

    def _list_select(self) -> Select[Any]:
        """The columns a list row carries (must include the model's id as `id`)."""
        return select(*self.model.__table__.columns)

    # -- writes --------------------------------------------------------------------------
    def _clean(self, session: Session, data: Mapping[str, Any], current: Any | None) -> dict:
        values = clean(self.fields, data, partial=current is not None)
        self._check_references(session, values)
        self._check(session, values, current)
        return values

    def _check_references(self, session: Session, values: Mapping[str, Any]) -> None:
        errors = []
        for name, target in self.references.items():
            ref = values.get(name)
            if ref is None:
                continue
            obj = session.get(target, ref)
            if obj is None or getattr(obj, "deleted_at", None) is not None:
                errors.append(FieldError(name, "not_found"))
        if errors:
            raise ValidationError(errors)

    def create(self, data: Mapping[str, Any]) -> int:
        with self.db.write(self.actor_id) as session:
            require_in(session, self.edit_perm)
            return self._create_in(session, data).id

    def _create_in(self, session: Session, data: Mapping[str, Any]) -> Any:
        values = self._clean(session, data, None)
        obj = self.model(**values)
        if hasattr(obj, "created_by_id"):
            obj.created_by_id = self.actor_id
        if hasattr(obj, "owner_id") and "owner_id" not in values:
            obj.owner_id = self.actor_id
        self._derive(obj)
        session.add(obj)
        session.flush()
        self._after_write(session, obj)
        return obj

    def update(self, entity_id: int, changes: Mapping[str, Any], *,
               version: int | None = None) -> None:
        """Change fields. `version`: the record's version as the editor read it (`get`);
        EditConflict, nothing written, when someone saved the record since. None: no check
        (the command line, imports, automation)."""
        wanted = versions.expected(version)
        with versions.refused_when_stale(self.db, self.model, entity_id), \
                self.db.write(self.actor_id) as session:
            require_in(session, self.edit_perm)
            versions.check(self._load(session, entity_id), wanted)
            self._update_in(session, entity_id, changes)

    def _update_in(self, session: Session, entity_id: int, changes: Mapping[str, Any]) -> Any:
        obj = self._load(session, entity_id)
        values = self._clean(session, changes, obj)
        for key, value in values.items():
            setattr(obj, key, value)
        self._derive(obj)
        session.flush()
        self._after_write(session, obj)
        return obj

    def delete(self, entity_id: int) -> None:
        """Move to the Trash (soft delete); `restore` brings it back."""
        self._require_soft_delete()
        with self.db.write(self.actor_id) as session:
            self._load_to_delete(session, entity_id).deleted_at = utcnow()

    def restore(self, entity_id: int) -> None:
        self.restore_many([entity_id])

    def restore_many(self, entity_ids: Iterable[int]) -> None:
        """Bring records back from the Trash in one transaction: all of them, or (when one
        is no longer in the Trash, or anything fails) none."""
        self._require_soft_delete()
        if isinstance(entity_ids, str | bytes) or not isinstance(entity_ids, Iterable):
            raise ValidationError(FieldError("ids", "invalid"))
        with self.db.write(self.actor_id) as session:
            for entity_id in entity_ids:
                self._load_to_restore(session, entity_id).deleted_at = None

    def _load_to_delete(self, session: Session, entity_id: int) -> Any:
        """The record, once the actor may delete it (PermissionDenied otherwise)."""
        obj = self._load(session, entity_id)
        owner = getattr(obj, "owner_id", None)
        require_delete_in(session, owner if owner is not None
                          else getattr(obj, "created_by_id", None))
        return obj

    def _load_to_restore(self, session: Session, entity_id: int) -> Any:
        """The record in the Trash, once the actor may bring it back."""
        obj = self._load(session, entity_id, deleted=True)
        require_restore_in(session, self.entity, obj.id)
        return obj

    def _require_soft_delete(self) -> None:
        if not self.soft_delete:
            raise TypeError(f"{self.entity} records are not soft-deleted")

    # -- reads ---------------------------------------------------------------------------
    def _load(self, session: Session, entity_id: int, *, deleted: bool = False) -> Any:
        obj = session.get(self.model, entity_id) if is_id(entity_id) else None
        if obj is None or (
            self.soft_delete and (obj.deleted_at is not None) != deleted
        ):
            raise NotFoundError(self.entity, entity_id)
        return obj

    def get(self, entity_id: int, *, include_deleted: bool = False) -> dict[str, Any]:
        """One record as a dict of its columns (for editors and detail pages)."""
        with self.db.read() as session:
            obj = session.get(self.model, entity_id) if is_id(entity_id) else None
            if obj is None or (
                self.soft_delete and obj.deleted_at is not None and not include_deleted
            ) or not self._visible(obj):
                raise NotFoundError(self.entity, entity_id)
            return self._as_dict(session, obj)

    def _visible(self, obj: Any) -> bool:
        """False for another owner's record when the actor's role lacks SEE_ALL (a `get`
        of it is then NotFoundError: as if it did not exist for that role)."""
        own = self._own_only()
        return own is None or getattr(obj, "owner_id", None) == own

    def _as_dict(self, session: Session, obj: Any) -> dict[str, Any]:
        return {c.key: getattr(obj, c.key) for c in self.model.__mapper__.column_attrs}

    @cached_property
    def _list_columns(self) -> Select[Any]:
        """`_list_select()` built once: statements are immutable, each query extends it."""
        return self._list_select()

    @cached_property
    def _id_columns(self) -> Select[Any]:
        return self._id_select()

    # -- SEE_ALL: a role without it sees only the records it owns -------------------------
    def _owner_column(self) -> Any:
        """Whose a record is (None: no one's: every role sees them all, as products)."""
        return getattr(self.model, "owner_id", None)

    def _own_only(self) -> int | None:
        """The actor's id when its role lacks SEE_ALL (lists, counts, `get` and `ids` then
        keep its own records), else None (services/access.py cached_permissions: a role
        changed in this program applies to the next list)."""
        if self.actor_id is None or self._owner_column() is None:
            return None
        seen = cached_permissions(self.db, self.actor_id)
        return None if Perm.SEE_ALL in seen else self.actor_id

    def _base_query(self, query: ListQuery, *, ids: bool = False) -> Select[Any]:
        q = self._id_columns if ids else self._list_columns
        model: Any = self.model
        own = self._own_only()
        if own is not None:
            q = q.where(self._owner_column() == own)
        if self.soft_delete:
            deleted = model.deleted_at
            q = q.where(deleted.is_not(None) if query.deleted else deleted.is_(None))
        for key, value in query.filters.items():
            if value is None:
                continue
            q = self._apply_filter(q, key, value)
        if query.text.strip():
            q = self._apply_text(q, query.text)
        return q

    def _apply_filter(self, q: Select[Any], key: str, value: Any) -> Select[Any]:
        if key in self.range_filters:
            expr, op = self.range_filters[key]
            bound = range_bound(key, expr, value)
            if bound is None:  # "" : no bound, like None
                return q
            return q.where(expr >= bound if op == ">=" else expr < bound)
        try:
            column = self.filter_columns[key]
        except KeyError:
            raise KeyError(f"{self.entity} lists have no filter {key!r}") from None
        if not _sql_safe(value):  # an int no column can hold (2**63) matches nothing
            return q.where(false())
        return q.where(column == value)

    def _apply_text(self, q: Select[Any], raw: str) -> Select[Any]:
        model: Any = self.model
        ids = matching_ids(self.entity, raw, self.db.dialect) if self.searchable else None
        if ids is None:
            return q.where(false())
        return q.where(model.id.in_(ids))

    def _sort_expression(self, query: ListQuery) -> tuple[ColumnElement[Any], bool]:
        sort = query.sort or Sort(next(iter(self.sort_columns)))
        try:
            return self.sort_columns[sort.key], sort.descending
        except KeyError:
            raise KeyError(f"{self.entity} lists cannot be sorted by {sort.key!r}") from None

    def list(self, query: ListQuery = ListQuery()) -> Page:
        """One page of rows; pass `next_cursor` as `after` for the next page (keyset)."""
        limit = max(1, min(_count_arg("limit", query.limit), MAX_PAGE))
        expr, desc = self._sort_expression(query)
        _check_cursor(query.after, expr)
        q = self._base_query(query).add_columns(expr.label("_sort"))
        with self.db.read() as session:
            rows = self._seek(session, q, expr, desc, query.after, limit + 1)
        return self._page(rows, limit)

    def window(self, query: ListQuery, offset: int, limit: int, *,
               total: int | None = None) -> Page:
        """Rows `offset` to `offset + limit` of the list: random access for windowed views
        (a scroll bar dragged to the end). The position is found on ids alone, over the
        covering indexes, and only the rows of the window are read. With `query.after`
        (the `next_cursor` of the window before) it seeks instead and ignores `offset`.
        With `total` (the list's count, when the caller knows it) a window past the middle
        is counted from the end in the reverse order: OFFSET skips the fewer rows."""
        limit = max(1, min(_count_arg("limit", limit), MAX_PAGE))
        offset = min(_count_arg("offset", offset), MAX_ID)  # past the end: an empty page
        if total is not None:
            total = min(_count_arg("total", total), MAX_ID)
        if query.after is not None:
            return self.list(replace(query, limit=limit))
        self._sort_expression(query)  # a sort the list does not have is refused here
        offset = max(0, offset)
        # the ids of the window: from the end in the reverse order past the middle, where
        # rows offset .. offset + limit are total - 1 - offset - limit .. total - 1 - offset
        # (the extra row tells whether more follow)
        reverse = total is not None and offset > total // 2
        if total is not None and reverse:
            skip = max(0, total - 1 - offset - limit)
            n = max(0, total - offset - skip)
        else:
            n, skip = limit + 1, offset
        shape = self._shape(query)
        statement = None if shape is None else self._statements.get(
            ("window", reverse, shape),
            lambda: self._window_select(query, reverse, slot("n"), slot("skip"), slot("rows")),
            ("n", "skip", "rows"))
        if statement is not None:
            rows = statement.dicts(self.db, n=n, skip=skip, rows=limit + 1)
        else:
            with self.db.read() as session:
                rows = self._fetch(session, self._window_select(query, reverse, n, skip),
                                   limit + 1)
        return self._page(rows, limit)

    def _window_select(self, query: ListQuery, reverse: bool, n: Any, skip: Any,
                       rows: Any = None) -> Select[Any]:
        """(`rows` of) the rows of the `n` ids after `skip` ones (counted from the end when
        `reverse`). The position is found on ids alone, over the covering indexes; the
        filters apply to the ids, the rows are just looked up."""
        model: Any = self.model
        expr, desc = self._sort_expression(query)
        ids = (self._base_query(query, ids=True)
               .order_by(*self._order(expr, desc != reverse)).limit(n).offset(skip))
        q = (self._list_columns.add_columns(expr.label("_sort"))
             .where(model.id.in_(ids.scalar_subquery()))
             .order_by(*self._order(expr, desc)))
        return q if rows is None else q.limit(rows)

    @cached_property
    def _statements(self) -> StatementCache:
        return StatementCache(self.db.engine.dialect)

    def _shape(self, query: ListQuery) -> Hashable | None:
        """All that a list's SQL depends on, for its compiled statements; None where the
        list is read through a session (a text search, a cursor, a service whose filters
        read the clock)."""
        if not self.compiled_lists or query.text.strip() or query.after is not None:
            return None
        filters = tuple(sorted((key, type(value).__name__, value)
                               for key, value in query.filters.items() if value is not None))
        shape = (query.deleted, query.sort, filters, self._own_only())
        try:
            hash(shape)
        except TypeError:  # a filter value that is a list or a dict
            return None
        return shape

    def _order(self, expr: ColumnElement[Any], desc: bool) -> tuple[Any, Any]:
        model: Any = self.model
        return (expr.desc(), model.id.desc()) if desc else (expr.asc(), model.id.asc())

    def _seek(
        self, session: Session, q: Select[Any], expr: ColumnElement[Any], desc: bool,
        after: tuple[Any, int] | None, n: int,
    ) -> list[dict[str, Any]]:
        order = self._order(expr, desc)
        if after is None:
            return self._fetch(session, q.order_by(*order), n)
        # The rest of the cursor's tie, then what follows it: two index seeks. (One
        # `(expr, id) > (v, i)` condition makes SQLite scan from the start of the index
        # when expr is an expression, or scan the whole tie.)
        model: Any = self.model
        value, last_id = after
        same = q.where(expr == value, model.id < last_id if desc else model.id > last_id)
        rows = self._fetch(session, same.order_by(order[1]), n)
        if len(rows) < n:
            rest = q.where(expr < value if desc else expr > value).order_by(*order)
            rows += self._fetch(session, rest, n - len(rows))
        return rows

    @staticmethod
    def _page(rows: list[dict[str, Any]], limit: int) -> Page:
        more = len(rows) > limit
        rows = rows[:limit]
        cursor = (rows[-1]["_sort"], rows[-1]["id"]) if more else None
        for row in rows:
            del row["_sort"]
        return Page(rows, cursor)

    def ordered_select(self, query: ListQuery) -> Select[Any]:
        """Every row the list shows for `query` (its filters, text and sort; no page), in
        list order, as one statement: an export extends it with its own columns and reads
        it streamed. An unknown filter or sort is a KeyError, as in `list`."""
        expr, desc = self._sort_expression(query)
        return self._base_query(query).order_by(*self._order(expr, desc))

    def list_ids(self, query: ListQuery = ListQuery()) -> list[int]:
        """Every id the list shows, in list order."""
        expr, desc = self._sort_expression(query)
        q = self._base_query(query, ids=True).order_by(*self._order(expr, desc))
        with self.db.read() as session:
            return list(session.connection().execute(q).scalars().all())

    @staticmethod
    def _fetch(session: Session, q: Select[Any], n: int) -> list[dict[str, Any]]:
        # Core execution and zip: lists are read as plain rows, never as ORM objects.
        result = session.connection().execute(q.limit(n))
        keys = list(result.keys())
        return [dict(zip(keys, row, strict=True)) for row in result.all()]

    def count(self, query: ListQuery = ListQuery(), cap: int | None = None) -> int:
        """How many rows the list has; with `cap`, counting stops there (cheap at 100k)."""
        if type(self).__dict__.get("live_count") and self.db.is_sqlite and not query.deleted \
                and not query.text.strip() and self._own_only() is None \
                and all(value is None for value in query.filters.values()):
            live = int(self.db.read_rows(live_counts.read_sql(), (self.entity,))[0][0])
            return live if cap is None else min(live, cap)
        shape = self._shape(query) if cap is None else None
        statement = None if shape is None else self._statements.get(
            ("count", shape), lambda: self._count_select(query, None))
        if statement is not None:
            return int(statement.rows(self.db)[0][0])
        with self.db.read() as session:
            return int(session.execute(self._count_select(query, cap)).scalar_one())

    def _count_select(self, query: ListQuery, cap: int | None) -> Select[Any]:
        inner = self._base_query(query, ids=True)
        if cap is not None:
            inner = inner.limit(cap)
        return select(func.count()).select_from(inner.subquery())

    def ids(self, entity_ids: Sequence[int]) -> list[dict[str, Any]]:
        """List rows for the given ids, in that order (missing ones are skipped)."""
        model: Any = self.model
        q = self._list_columns.where(model.id.in_(list(entity_ids)))
        own = self._own_only()
        if own is not None:
            q = q.where(self._owner_column() == own)
        with self.db.read() as session:
            found = {row["id"]: row for row in self._fetch(session, q, len(entity_ids))}
        return [found[i] for i in entity_ids if i in found]


def range_bound(key: str, expr: Any, value: Any) -> Any:
    """A range filter's value, checked against its column: an instant (fields.instant: a
    datetime, aware or naive UTC, or its ISO text) for a date-and-time column, a day
    (fields.a_date) for a date column; None for an empty text; ValidationError on `key`
    otherwise (a day where an instant is wanted is refused: which midnight?)."""
    sql_type = getattr(expr.type, "impl", expr.type)
    rule = strict_instant if sql_type.python_type is datetime else a_date
    return clean({key: Field(rule)}, {key: value})[key]


def strict_instant(value: Any) -> datetime:
    """fields.instant, refusing a bare date (an instant needs its time and zone)."""
    if isinstance(value, date) and not isinstance(value, datetime):
        raise InvalidValue("date.invalid")
    return instant(value)


def _sql_safe(value: Any) -> bool:
    """False for an int outside SQLite's 64 bits (binding it raises OverflowError)."""
    return not isinstance(value, int) or -MAX_ID - 1 <= value <= MAX_ID


def _count_arg(name: str, value: Any) -> int:
    """An offset or a limit: an int (not a bool); a negative one counts as 0."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(FieldError(name, "number.invalid"))
    return max(0, value)


def _check_cursor(after: Any, expr: ColumnElement[Any]) -> None:
    """A cursor is the `next_cursor` of a page: (sort value, id). Anything else is refused:
    another shape, a value of another type than the sort's (it could not be bound), an
    int beyond 64 bits, a text UTF-8 cannot encode."""
    if after is None:
        return
    sql_type = getattr(expr.type, "impl", expr.type)  # UTCDateTime -> DateTime
    try:
        python_type: type = sql_type.python_type
    except NotImplementedError:
        python_type = object
    ok = (isinstance(after, tuple | list) and len(after) == 2
          and isinstance(after[1], int) and not isinstance(after[1], bool)
          and isinstance(after[0], python_type) and not isinstance(after[0], bool | None)
          and _sql_safe(after[0]) and _sql_safe(after[1]))
    if ok and isinstance(after[0], str):
        try:
            after[0].encode()
        except UnicodeEncodeError:
            ok = False
    if not ok:
        raise ValidationError(FieldError("after", "invalid"))


class ReadOnlyList:
    """The reads of a list that a service keeps behind it (`_rows`, an EntityService):
    list, window, count, ids and get; the entity service's writes are not offered."""

    _rows: EntityService[Any]

    def list(self, query: ListQuery | None = None) -> Page:
        return self._rows.list(query or ListQuery())

    def window(self, query: ListQuery, offset: int, limit: int, *,
               total: int | None = None) -> Page:
        return self._rows.window(query, offset, limit, total=total)

    def count(self, query: ListQuery | None = None, cap: int | None = None) -> int:
        return self._rows.count(query or ListQuery(), cap)

    def list_ids(self, query: ListQuery | None = None) -> list[int]:
        return self._rows.list_ids(query or ListQuery())

    def ids(self, entity_ids: list[int]) -> list[dict[str, Any]]:
        return self._rows.ids(entity_ids)

    def get(self, entity_id: int) -> dict[str, Any]:
        return self._rows.get(entity_id)
