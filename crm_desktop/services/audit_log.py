"""The audit log as people read it (no Qt): core.audit_log, a read-only list of every
change newest first, and a record's own history. services/audit.py writes the log.

Nothing here writes: the log is never edited from the program (migration 0014 also makes
the database itself refuse UPDATE and DELETE on audit_log).

Who may read it: the whole log needs Perm.REPORTS_ALL (administrators and managers by
default), checked in each read transaction; a record's history is for anyone who may see
the record (Perm.SEE_ALL, or a record they own).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any, ClassVar

from sqlalchemy import Select, or_, select, text
from sqlalchemy.orm import Session, aliased

from crm_desktop.db import models as m
from crm_desktop.db.engine import Database
from crm_desktop.domain import clock
from crm_desktop.domain.enums import AuditAction
from crm_desktop.domain.errors import FieldError, NotFoundError, PermissionDenied, ValidationError
from crm_desktop.domain.permissions import Perm
from crm_desktop.services import fields as f
from crm_desktop.services.access import can_in, require_in
from crm_desktop.services.audit_labels import add_labels
from crm_desktop.services.base import EntityService, ListQuery, ReadOnlyList, Sort
from crm_desktop.text.audit_texts import ENTITIES, EXTRA_FIELDS, entity_key
from crm_desktop.text.digits import to_ascii_digits
from crm_desktop.text.messages import FIELD_ALIASES, FIELD_LABELS

#: a record's history shows at most this many rows (its newest)
HISTORY_LIMIT = 1000
#: the longest text searched for (longer: refused, naming the text)
TEXT_MAX = 200
#: entities whose history is not a record page's: read with the whole log's permission
_LOG_ONLY = frozenset({"users", "settings", "backups"})


def _filter(key: str, value: Any) -> Any:
    """A filter's value checked (ValidationError naming it), or None for none."""
    if key in ("user_id", "entity_id"):
        return f.clean({key: f.Field(f.reference)}, {key: value}).get(key)
    if key == "entity":
        if value is None or value == "":
            return None
        found = entity_key(value)
        if found is None:
            raise ValidationError(FieldError("entity", "choice"))
        return found
    if key == "action":
        return f.clean({key: f.Field(f.choice(AuditAction))}, {key: value}).get(key)
    if key in ("date_from", "date_to"):
        return f.clean({key: f.Field(f.a_date)}, {key: value}).get(key)
    raise ValidationError(FieldError(str(key)[:60], "invalid"))


class _Checked:
    """The database as the whole log reads it: each read transaction first checks that the
    acting user may see everyone's work (Perm.REPORTS_ALL), in that transaction."""

    def __init__(self, db: Database, actor_id: int | None):
        self._db = db
        self._actor_id = actor_id

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._db.read() as session:
            session.info["actor_id"] = self._actor_id
            require_in(session, Perm.REPORTS_ALL)
            yield session

    def __getattr__(self, name: str) -> Any:
        return getattr(self._db, name)


class _AuditRows(EntityService[m.AuditLog]):
    model = m.AuditLog
    fields: ClassVar = {}
    sort_columns: ClassVar = {"at": m.AuditLog.at}
    filter_columns: ClassVar = {"user_id": m.AuditLog.user_id, "entity": m.AuditLog.entity,
                                "entity_id": m.AuditLog.entity_id,
                                "action": m.AuditLog.action}

    def _list_select(self) -> Select[Any]:
        a = m.AuditLog
        return (select(a.id, a.at, a.user_id, m.User.display_name.label("user_name"),
                       a.entity, a.entity_id, a.action, a.field, a.old_value, a.new_value)
                .select_from(a).outerjoin(m.User, m.User.id == a.user_id))

    def _sort_expression(self, query: ListQuery) -> tuple[Any, bool]:
        # newest first unless asked otherwise
        return super()._sort_expression(query if query.sort else replace(
            query, sort=Sort("at", descending=True)))

    def _apply_filter(self, q: Select[Any], key: str, value: Any) -> Select[Any]:
        a = m.AuditLog
        value = _filter(key, value)
        if value is None:
            return q
        if key == "date_from":
            return q.where(a.at >= clock.day_bounds(value)[0])
        if key == "date_to":
            return q.where(a.at < clock.day_bounds(value)[1])
        if key == "entity":
            names = ("users", "user") if value == "users" else (value,)  # sign-ins: "user"
            # with days and no record, the days' range of the (at, id) index is narrower
            # than every row of the kind: `entity || ''` keeps the planner off its index
            column = a.entity.concat("") if self._dated_kind else a.entity
            return q.where(column.in_(names))
        return super()._apply_filter(q, key, value)

    #: set by _base_query: the list has days and a kind of record but no record id
    _dated_kind = False

    def _base_query(self, query: ListQuery, *, ids: bool = False) -> Select[Any]:
        given = {k for k, v in query.filters.items() if v is not None and v != ""}
        self._dated_kind = ("entity" in given and "entity_id" not in given
                            and bool(given & {"date_from", "date_to"}))
        try:
            return super()._base_query(query, ids=ids)
        finally:
            self._dated_kind = False

    def _apply_text(self, q: Select[Any], raw: str) -> Select[Any]:
        """Words of a field's name (its label, in English or Persian) or of a value."""
        needle = _search_text(raw)
        if not needle:
            return q
        # the matches found by one pass over the table (read in file order), then put in
        # the list's order over the (at, id) index: not a row looked up per index entry
        b = aliased(m.AuditLog)
        found = [b.field.contains(needle, autoescape=True),
                 b.old_value.contains(needle, autoescape=True),
                 b.new_value.contains(needle, autoescape=True)]
        fields = _fields_named(needle)
        if fields:
            found.append(b.field.in_(sorted(fields)))
        return q.where(m.AuditLog.id.in_(select(b.id).where(or_(*found))))

    def _fetch(self, session: Session, q: Select[Any], n: int) -> list[dict[str, Any]]:
        return add_labels(session, EntityService._fetch(session, q, n))

    def get(self, entity_id: int, *, include_deleted: bool = False) -> dict[str, Any]:
        rows = self.ids([entity_id]) if f.is_id(entity_id) else []
        if not rows:
            raise NotFoundError("audit_log", entity_id)
        return rows[0]


def _search_text(raw: Any) -> str:
    if not isinstance(raw, str):
        raise ValidationError(FieldError("text", "invalid"))
    text_ = raw.strip()
    if len(text_) > TEXT_MAX:
        raise ValidationError(FieldError("text", "too_long", {"max": TEXT_MAX}))
    try:
        text_.encode()
    except UnicodeEncodeError:
        raise ValidationError(FieldError("text", "invalid")) from None
    return to_ascii_digits(text_) if text_ else ""


def _fields_named(needle: str) -> set[str]:
    """The logged field names whose label (English or Persian) contains `needle`."""
    low = needle.lower()
    names = {key for key, pair in {**FIELD_LABELS, **EXTRA_FIELDS}.items()
             if any(low in label.lower() for label in pair)}
    names |= {alias for alias, key in FIELD_ALIASES.items() if key in names}
    return names


class AuditLogService(ReadOnlyList):
    """core.audit_log: every change, newest first (read only). Filters user_id, entity
    (a table name: "contacts", "accounts", ...; see text/audit_texts.ENTITIES), entity_id,
    action (AuditAction), date_from / date_to (business days on the business's clock, both
    included); text: words of a field's name or of a value. Rows {id, at, user_id,
    user_name, entity, entity_id, record_label, action, field, old_value, new_value,
    old_name, new_name (the name of the user, stage, company, ... an id value points at)};
    text/audit_texts.describe puts a row in words. Needs Perm.REPORTS_ALL."""

    def __init__(self, db: Database, actor_id: int | None = None):
        self.db = db
        self.actor_id = actor_id
        self._rows = _AuditRows(_Checked(db, actor_id), actor_id)  # type: ignore[arg-type]

    def ordered_select(self, query: ListQuery) -> Select[Any]:
        """Every row for `query` in list order, for an export (the export reads it in its
        own transaction, after `count`, which checks the permission)."""
        return self._rows.ordered_select(query)

    def entities(self) -> list[str]:
        """The entities the log can be filtered by (table names)."""
        return list(ENTITIES)

    def users(self) -> list[tuple[int, str]]:
        """(id, name) of every user, the deactivated too: whose changes can be listed."""
        with self._rows.db.read() as session:
            q = select(m.User.id, m.User.display_name).order_by(m.User.id)
            return [(r.id, r.display_name) for r in session.execute(q)]

    def history(self, entity: str, entity_id: int) -> list[dict[str, Any]]:
        """One record's changes, newest first, grouped by change (one save: the rows one
        user wrote at one moment): [{at, user_id, user_name, changes: [row, ...]}], rows
        as the list's. For anyone who may see the record."""
        found = _filter("entity", entity)
        if found is None:
            raise ValidationError(FieldError("entity", "required"))
        if found == "settings" and entity_id == 0 and type(entity_id) is int:
            record = 0  # the settings are one record, id 0
        else:
            record = f.clean({"entity_id": f.Field(f.reference, required=True)},
                             {"entity_id": entity_id})["entity_id"]
        a = m.AuditLog
        entities = ("users", "user") if found == "users" else (found,)
        q = (self._rows._list_columns.where(a.entity.in_(entities), a.entity_id == record)
             .order_by(a.at.desc(), a.id.desc()).limit(HISTORY_LIMIT))
        with self.db.read() as session:
            session.info["actor_id"] = self.actor_id
            _may_see(session, found, record, self.actor_id)
            rows = add_labels(session, EntityService._fetch(session, q, HISTORY_LIMIT))
        groups: list[dict[str, Any]] = []
        for row in rows:
            last = groups[-1] if groups else None
            if last is not None and last["at"] == row["at"] and last["user_id"] == row[
                    "user_id"]:
                last["changes"].append(row)
            else:
                groups.append({"at": row["at"], "user_id": row["user_id"],
                               "user_name": row["user_name"], "changes": [row]})
        return groups


def _may_see(session: Session, entity: str, record: int, actor_id: int | None) -> None:
    """PermissionDenied unless the actor may see the record's history."""
    if entity in _LOG_ONLY:
        require_in(session, Perm.REPORTS_ALL)
        return
    if can_in(session, Perm.SEE_ALL):
        return
    from crm_desktop.services.audit_labels import LABELS

    spec = LABELS.get(entity)
    model = spec[0] if spec else None
    owner = getattr(model, "owner_id", None) if model is not None else None
    if owner is not None:
        mine = session.scalar(select(text("1")).select_from(model).where(
            model.id == record, owner == actor_id))
        if mine:
            return
    raise PermissionDenied(Perm.SEE_ALL.value)
