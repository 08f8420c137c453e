"""Audit log written by the unit of work itself: every flush of an audited record adds
rows in the same transaction (who, when, entity, id, action, field: old -> new).

One scheme for every write the services make (tests/integration/services/
test_audit_walk.py walks every public write method and checks it):

* Records with an integer id of their own (AUDITED): entity = table name, entity_id = id.
  - create: one row, action "create", field NULL, new_value = a JSON object of the
    record's non-empty audited columns ({"name": "...", "city": "..."}).
  - update: one row per changed audited column, action "update", field = the column,
    old_value -> new_value as text.
  - soft delete / restore (the Trash): action "delete" / "restore", field NULL.
  - hard delete: action "delete", field "purged", old_value = a JSON object of every
    audited column as it was (NULLs included), new_value NULL.
  Child rows with an id (proforma lines, ticket comments, deal stage changes, campaign
  members and targets, tags) are records of their own table: their create row names their parent
  (ticket_id, deal_id, campaign_id and contact_id, ...).
* Rows without an id of their own (association rows with a composite key) are logged on
  the record they belong to, one row per element, action "update":
  added: old NULL -> new element; removed: old element -> new NULL.
      contact_tags          entity "contacts", id = contact, field "tags", element = tag name
      list_members          entity "marketing_lists", id = list, field "members",
                            element = contact id
      activity_exceptions   entity "activities", id = activity, field "skipped",
                            element = the skipped local day (ISO)
* Settings are one record: entity "settings", entity_id 0, action "update", field = the
  key, or "key.part" for each changed first-level part of a JSON object ("company.name",
  "sla.week"); old/new = the value (text as it is, anything else as JSON). A key never
  written before has its default as the old value. Values longer than LONG_VALUE
  characters (the logo) are logged as their SHA-256 and length.
* A backup (services/backups.py) is a record of table "backups" logged as one row, action
  "backup", field = its kind (exit, daily, manual, cli), new_value = a JSON object with its
  path, ok, encrypted, size (and why it failed, when it did).
* A password change is one row: entity "users", field "password", old and new NULL (that
  it changed, never the hash).
* Derived columns and counters (NOT_AUDITED, a record's `version` too) are never logged,
  even when a bulk UPDATE rewrites them
  (the contacts' copies of their company's and owner's sort keys: the rename itself is
  logged on the account or user).
* What the database would do on its own when a row goes (ON DELETE SET NULL / CASCADE) is
  done by the services with ORM objects first, so that it is logged: removing a stage
  clears the stage ids of the history rows that named it (deal_stage_changes,
  to_stage_id 5 -> NULL), deleting an activity drops its skipped days.
* Writes made with Core statements (INSERT ... SELECT, bulk DELETE) do not pass through
  the flush: they log through `record` / `created` / `created_selected` /
  `elements_changed` / `elements_selected` / `updated_selected` in the same transaction
  (list members, campaign members and their bulk status changes, contact tags).
* Imports (services/imports/write.py, undo.py) write with Core statements and log every
  record as above: a "create" row per record made, "update" rows per field changed, tags
  and list members as elements, "purged" rows when an import is undone; the import batch
  (import_batches) is a record of its own. What each batch did (import_changes) is the
  undo's bookkeeping, not logged.
* Automation (services/automation/): a rule is a record; each thing a rule does is an
  automation_log record created with the outbox row, task or owner change it records (all
  logged as usual, in one transaction). A rule's last_run_at and the automation_runs rows
  (when the program looked, how many actions) are the runs' bookkeeping, not logged.
* Unaudited: a session whose info has "no_audit" set; the demo generator
  (services/demo.py), which writes through the raw DB-API connection into a new, empty
  database only (no session; not reachable from a user edit).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Integer,
    Select,
    String,
    cast,
    event,
    insert,
    inspect,
    literal,
    null,
    select,
)
from sqlalchemy.orm import Session

from crm_desktop.db import models as m
from crm_desktop.db.sql import executemany, json_object
from crm_desktop.db.types import UTCDateTime, utcnow
from crm_desktop.domain.enums import AuditAction

AUDITED: tuple[type[m.Base], ...] = (
    m.Account,
    m.Activity,
    m.AutomationLog,
    m.AutomationRule,
    m.Campaign,
    m.CampaignMember,
    m.CampaignTarget,
    m.CampaignMessage,
    m.ClubLedger,
    m.ClubTierChange,
    m.Contact,
    m.Deal,
    m.DealStageChange,
    m.ImportBatch,
    m.MarketingList,
    m.OutboxMessage,
    m.PipelineStage,
    m.Product,
    m.Proforma,
    m.ProformaLine,
    m.Tag,
    m.Ticket,
    m.TicketComment,
    m.User,
)
#: Derived or bookkeeping columns that would only add noise to the log.
NOT_AUDITED = frozenset(
    {"search_name", "search_other", "sort_key", "full_name", "birth_md", "created_at",
     "updated_at", "password_hash", "last_activity_at", "account_sort", "owner_sort",
     "remaining", "last_run_at",
     # optimistic locking's counter (services/versions.py): one more with every write
     "version",
     # sign-in bookkeeping: each attempt is its own "login" / "login_failed" row
     "failed_logins", "locked_until", "last_login_at"}
)
#: Secret columns: a change is logged under this field name, without its values.
SECRETS = {"password_hash": "password"}
#: Rows without an id of their own -> (entity, column of the owner's id, field, element).
ELEMENTS: dict[type[m.Base], tuple[str, str, str, str]] = {
    m.ActivityException: ("activities", "activity_id", "skipped", "occurs_on"),
    m.ListMember: ("marketing_lists", "list_id", "members", "contact_id"),
}
SETTINGS_ENTITY, SETTINGS_ID = "settings", 0
#: setting values longer than this are logged as a digest
LONG_VALUE = 1000
FIELD_LEN = 60
AUDIT_COLUMNS = ["at", "user_id", "entity", "entity_id", "action", "field", "old_value",
                 "new_value"]


def _text(value: Any) -> str | None:
    if value is None or type(value) is str:
        return value
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(UTC).isoformat()
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


#: compact, like SQLite's json_object (see created_selected): one text for one record (one
#: encoder: json.dumps with options builds a new one per call)
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


#: the string encoder _ENCODER uses (JSON text of one str; ensure_ascii=False)
_encode_str = json.encoder.encode_basestring  # type: ignore[attr-defined]
#: `_text` of the exact types that need no check (not subclasses: a datetime is a date)
_PLAIN_TEXT: dict[type, Any] = {bool: str, int: str, date: date.isoformat}


def _json(values: Mapping[str, Any]) -> str:
    return _ENCODER.encode({k: _text(v) for k, v in values.items()})


def audited_columns(model: type[m.Base]) -> list[str]:
    """The columns a "create" or "purged" row of `model` names, in the flush's order."""
    return [a.key for a in inspect(model).column_attrs
            if a.key not in NOT_AUDITED and a.key != "id"]


def _audited_columns(obj: Any) -> list[str]:
    return audited_columns(type(obj))


def _row(session: Session, entity: str, entity_id: int, action: AuditAction,
         field: str | None = None, old: str | None = None, new: str | None = None) -> dict:
    return {"at": session.info.get("audit_at") or utcnow(),
            "user_id": session.info.get("actor_id"), "entity": entity,
            "entity_id": entity_id, "action": action.value, "field": field,
            "old_value": old, "new_value": new}


# -- explicit rows, for writes made with Core statements ------------------------------------
def record(session: Session, rows: list[dict]) -> None:
    """Write audit rows (made with `_row`, `created`, ...) in the session's transaction."""
    if rows and not session.info.get("no_audit"):
        session.connection().execute(insert(m.AuditLog), rows)


def record_many(session: Session, entity: str,
                rows: Iterable[tuple[int, str, str | None, str | None, str | None]]) -> None:
    """Many rows of one entity, (entity_id, action, field, old_value, new_value) each, made
    like `_row`'s, written with one DB-API executemany in the session's transaction: an
    import logs 100,000 records this way in a fraction of the time of `record`."""
    if session.info.get("no_audit"):
        return
    connection = session.connection()
    dialect = connection.dialect
    at_type = m.AuditLog.__table__.c.at.type
    at = at_type.dialect_impl(dialect).bind_processor(dialect)(  # type: ignore[misc]
        session.info.get("audit_at") or utcnow())
    actor = session.info.get("actor_id")
    executemany(
        connection.connection.driver_connection,
        f"INSERT INTO audit_log ({', '.join(AUDIT_COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        ((at, actor, entity, *row) for row in rows))


def created(session: Session, entity: str, entity_id: int, values: Mapping[str, Any]) -> dict:
    """The "create" row of a record inserted without the ORM (non-empty values only)."""
    shown = {k: v for k, v in values.items() if v is not None and k not in NOT_AUDITED}
    return _row(session, entity, entity_id, AuditAction.CREATE, None, None, _json(shown))


def created_value(row: Mapping[str, Any], columns: Sequence[str]) -> str:
    """The new_value of a "create" row: `row`'s non-empty values of `columns` (a model's
    audited_columns), as `created` and the flush write it, in one pass (an import makes
    100,000 of them). The text is _ENCODER's, put together here from the same string
    encoder (2.4 times faster; test_audit's hypothesis test holds them equal)."""
    parts = []
    for k in columns:
        v = row[k]
        if v is None:
            continue
        kind = type(v)
        if kind is not str:
            plain = _PLAIN_TEXT.get(kind)
            v = plain(v) if plain is not None else _text(v)
        parts.append(f"{_encode_str(k)}:{_encode_str(v)}")
    return "{" + ",".join(parts) + "}"


def updated(session: Session, entity: str, entity_id: int, field: str, old: Any,
            new: Any) -> dict:
    """The "update" row of one column of a record changed without the ORM."""
    return _row(session, entity, entity_id, AuditAction.UPDATE, field, _text(old), _text(new))


def purged(session: Session, entity: str, entity_id: int, values: Mapping[str, Any]) -> dict:
    """The "purged" row of a record deleted without the ORM: `values` holds every audited
    column as it was (NULLs included), in `audited_columns` order."""
    return _row(session, entity, entity_id, AuditAction.DELETE, "purged", _json(values))


def element(session: Session, entity: str, entity_id: int, field: str, value: Any, *,
            added: bool) -> dict:
    """One element row (see the scheme): `value` put on (added) or taken off a record."""
    return _row(session, entity, entity_id, AuditAction.UPDATE, field,
                None if added else _text(value), _text(value) if added else None)


def elements_changed(session: Session, entity: str, entity_id: int, field: str,
                     added: Iterable[Any] = (), removed: Iterable[Any] = ()) -> None:
    """Log elements taken off and put on an association of one record (see the scheme)."""
    rows = [_row(session, entity, entity_id, AuditAction.UPDATE, field, _text(e), None)
            for e in removed]
    rows += [_row(session, entity, entity_id, AuditAction.UPDATE, field, None, _text(e))
             for e in added]
    record(session, rows)


def created_selected(session: Session, entity: str, records: Select[Any],
                     names: Sequence[str]) -> None:
    """`created` for many records inserted by one statement, written by one INSERT ...
    SELECT: `records` selects each new record's id, then the values named by `names`
    (none of them NULL: SQLite's json_object would keep a null where `created` leaves
    the key out)."""
    if session.info.get("no_audit"):
        return
    sub = records.subquery()
    record_id, *values = list(sub.c)
    pairs: list[Any] = []
    for name, column in zip(names, values, strict=True):
        pairs += [literal(name), cast(column, String())]
    rows = select(
        literal(utcnow(), UTCDateTime()), literal(session.info.get("actor_id"), Integer()),
        literal(entity), record_id, literal(AuditAction.CREATE.value), null(), null(),
        json_object(*pairs),
    )
    session.connection().execute(insert(m.AuditLog).from_select(AUDIT_COLUMNS, rows))


def updated_selected(session: Session, entity: str, records: Select[Any], field: str,
                     new: Any) -> None:
    """The "update" rows of one column set to `new` on many records by one bulk UPDATE,
    written by one INSERT ... SELECT before it: `records` selects each record's id and
    the column's old value (the records whose value will change)."""
    if session.info.get("no_audit"):
        return
    sub = records.subquery()
    record_id, old = list(sub.c)
    rows = select(
        literal(utcnow(), UTCDateTime()), literal(session.info.get("actor_id"), Integer()),
        literal(entity), record_id, literal(AuditAction.UPDATE.value), literal(field),
        cast(old, String()), literal(_text(new), String()),
    ).select_from(sub)
    session.connection().execute(insert(m.AuditLog).from_select(AUDIT_COLUMNS, rows))


def elements_selected(session: Session, entity: str, entity_id: int, field: str,
                      elements: Select[Any], *, added: bool) -> None:
    """`elements_changed` for many elements at once, written by one INSERT ... SELECT
    (no row passes through Python): `elements` selects the elements (one integer or text
    column, logged as text)."""
    if session.info.get("no_audit"):
        return
    sub = elements.subquery()
    value = cast(sub.c[0], String())
    rows = select(
        literal(utcnow(), UTCDateTime()), literal(session.info.get("actor_id"), Integer()),
        literal(entity), literal(entity_id, Integer()), literal(AuditAction.UPDATE.value),
        literal(field), null() if added else value, value if added else null(),
    ).select_from(sub)
    session.connection().execute(insert(m.AuditLog).from_select(AUDIT_COLUMNS, rows))


# -- rows the flush derives from ORM objects ------------------------------------------------
def _rows_for(session: Session, obj: Any, create: bool) -> list[dict]:
    state = inspect(obj)
    entity, entity_id = obj.__tablename__, obj.id
    if create:
        values = {k: state.dict.get(k) for k in _audited_columns(obj)}
        return [created(session, entity, entity_id, values)]
    rows = []
    for attr in state.mapper.column_attrs:
        key = attr.key
        if key in NOT_AUDITED and key not in SECRETS:
            continue
        hist = state.attrs[key].history
        if not hist.has_changes():
            continue
        old = hist.deleted[0] if hist.deleted else None
        new = hist.added[0] if hist.added else None
        if old == new:
            continue
        if key in SECRETS:
            rows.append(_row(session, entity, entity_id, AuditAction.UPDATE, SECRETS[key]))
        elif key == "deleted_at":
            act = AuditAction.DELETE if new is not None else AuditAction.RESTORE
            rows.append(_row(session, entity, entity_id, act))
        else:
            rows.append(_row(session, entity, entity_id, AuditAction.UPDATE, key,
                             _text(old), _text(new)))
    return rows


def _purged(session: Session, obj: Any) -> dict:
    state = inspect(obj)
    values = {k: state.dict.get(k) for k in _audited_columns(obj)}
    return purged(session, obj.__tablename__, obj.id, values)


def _element(session: Session, obj: Any, added: bool) -> dict:
    entity, owner, field, value = ELEMENTS[type(obj)]
    state = inspect(obj)
    return element(session, entity, state.dict.get(owner), field, state.dict.get(value),
                   added=added)


def _setting_value(value: Any) -> str | None:
    if value is None:
        return None
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False,
                                                            sort_keys=True)
    if len(text) > LONG_VALUE:
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
        return f"sha256:{digest} ({len(text)} chars)"
    return text


def setting_rows(session: Session, key: str, old: Any, new: Any) -> list[dict]:
    """Rows for one setting changed from `old` to `new` (decoded JSON values)."""
    def row(field: str, a: Any, b: Any) -> dict:
        return _row(session, SETTINGS_ENTITY, SETTINGS_ID, AuditAction.UPDATE,
                    field[:FIELD_LEN], _setting_value(a), _setting_value(b))

    if old == new:
        return []
    if isinstance(old, dict) and isinstance(new, dict):
        return [row(f"{key}.{part}", old.get(part), new.get(part))
                for part in sorted(old.keys() | new.keys(), key=str)
                if old.get(part) != new.get(part)]
    return [row(key, old, new)]


def _setting_default(key: str) -> Any:
    from crm_desktop.services.settings import DEFAULTS  # settings imports the services

    return DEFAULTS.get(key)


def _setting(session: Session, obj: m.Setting, change: str) -> list[dict]:
    hist = inspect(obj).attrs["value"].history
    if change == "new":
        old: Any = _setting_default(obj.key)
        new = json.loads(obj.value)
    elif change == "deleted":
        old, new = json.loads(obj.value), _setting_default(obj.key)
    else:
        if not hist.has_changes():
            return []
        old = json.loads(hist.deleted[0]) if hist.deleted else None
        new = json.loads(hist.added[0]) if hist.added else None
    return setting_rows(session, obj.key, old, new)


@event.listens_for(Session, "before_flush")
def _load_purged(session: Session, _ctx: Any, _instances: Any) -> None:
    # A purged record's values are logged after the flush: load them while the row exists.
    if session.info.get("no_audit"):
        return
    for obj in session.deleted:
        if isinstance(obj, (*AUDITED, *ELEMENTS, m.Setting)):
            for attr in inspect(obj).mapper.column_attrs:
                getattr(obj, attr.key)


@event.listens_for(Session, "after_flush")
def _write_audit(session: Session, _ctx: Any) -> None:
    if session.info.get("no_audit"):
        return
    session.info["audit_at"] = utcnow()
    rows: list[dict] = []
    try:
        for obj in session.new:
            if isinstance(obj, AUDITED):
                rows += _rows_for(session, obj, True)
            elif type(obj) in ELEMENTS:
                rows.append(_element(session, obj, True))
            elif isinstance(obj, m.Setting):
                rows += _setting(session, obj, "new")
        for obj in session.dirty:
            if not session.is_modified(obj, include_collections=False):
                continue
            if isinstance(obj, AUDITED):
                rows += _rows_for(session, obj, False)
            elif isinstance(obj, m.Setting):
                rows += _setting(session, obj, "dirty")
        for obj in session.deleted:
            if isinstance(obj, AUDITED):
                rows.append(_purged(session, obj))
            elif type(obj) in ELEMENTS:
                rows.append(_element(session, obj, False))
            elif isinstance(obj, m.Setting):
                rows += _setting(session, obj, "deleted")
    finally:
        session.info.pop("audit_at", None)
    record(session, rows)


def history(session: Session, entity: str, entity_id: int) -> list[dict]:
    """The audit rows of one record, newest first."""
    q = (
        select(m.AuditLog, m.User.display_name)
        .outerjoin(m.User, m.User.id == m.AuditLog.user_id)
        .where(m.AuditLog.entity == entity, m.AuditLog.entity_id == entity_id)
        .order_by(m.AuditLog.at.desc(), m.AuditLog.id.desc())
    )
    return [
        {"at": a.at, "user": name, "action": a.action, "field": a.field,
         "old": a.old_value, "new": a.new_value}
        for a, name in session.execute(q)
    ]
