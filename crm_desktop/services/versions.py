"""Optimistic locking: a record edited in a form is saved only if nobody saved it since
the form read it.

The versioned tables (db/models/base.py VersionMixin, migration 0015) carry a `version`
that every write of the row raises by one: the ORM's version counter for writes through
objects (its UPDATE says WHERE version = :as_read, so on PostgreSQL two desks passing the
check at the same moment still cannot both write: the second UPDATE matches no row and
raises StaleDataError), and `version = version + 1` in the Core UPDATEs that change what
a user typed (imports). Derived copies (a contact's copy of its company's sort key) do
not count as an edit of the contact.

A service's edit takes the version the editor loaded (`version=`, from `get(...)
["version"]`); None (the command line, imports, automation) skips the check. A save
against an older version is EditConflict, naming who saved last and when (the audit
log), and nothing is written: the write transaction is rolled back."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.exc import StaleDataError

from crm_desktop.db import models as m
from crm_desktop.db.engine import Database
from crm_desktop.db.types import utcnow
from crm_desktop.domain.clock import utc
from crm_desktop.domain.errors import EditConflict, FieldError, ValidationError
from crm_desktop.services.fields import MAX_ID


def expected(value: Any) -> int | None:
    """The version an editor sends: None (no check) or a whole number 1..2**63-1; anything
    else is a ValidationError on "record_version"."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_ID:
        raise ValidationError(FieldError("record_version", "invalid"))
    return value


def check(obj: Any, version: int | None) -> None:
    """Refuse the edit when the record (as read in this write transaction) is no longer at
    the version the editor loaded. `version` as returned by `expected`."""
    if version is None:
        return
    if obj.version != version:
        raise EditConflict(obj.__tablename__, obj.id, obj.version)
    # The session holds its objects weakly: were this one dropped, the edit would load
    # the row again, at whatever version another desk has committed since (PostgreSQL,
    # READ COMMITTED), and its UPDATE ... WHERE version = :as_read would check that one.
    # Kept until the transaction ends, the UPDATE checks the version checked here.
    session = object_session(obj)
    if session is not None:
        session.info.setdefault("versions_checked", []).append(obj)


@contextmanager
def refused_when_stale(db: Database, model: type[m.Base], entity_id: Any) -> Iterator[None]:
    """Around one edit's write transaction: a conflict (found by `check`, or by the
    version counter's UPDATE matching no row) comes out, after the rollback, as an
    EditConflict that says who saved the record last and when."""
    try:
        yield
    except (EditConflict, StaleDataError) as exc:
        raise describe(db, model, entity_id) from exc


def describe(db: Database, model: type[m.Base], entity_id: Any) -> EditConflict:
    """The conflict on `model` `entity_id`, with its current version and the last writer
    the audit log names (None where it names nobody)."""
    entity = model.__tablename__
    record: Any = model
    with db.read() as session:
        current = session.execute(select(record.version, record.updated_at).where(
            record.id == entity_id)).first() if _is_id(entity_id) else None
        by, at = last_writer(session, entity, entity_id)
    if current is not None and current[1] is not None and (
            at is None or utc(at) < utc(current[1]) - SAME_WRITE):
        # the last write left no audit row of its own (a proforma's lines rewritten to
        # the same values): when is known, who is not
        by, at = None, current[1]
    return EditConflict(entity, entity_id, current[0] if current else None, by, at)


#: an audit row this close to the record's updated_at belongs to the same write
SAME_WRITE = timedelta(seconds=2)
#: records whose form also edits rows of another table, logged under that table:
#: entity -> (child model, its column naming the record)
CHILDREN: dict[str, tuple[type[m.Base], str]] = {"proformas": (m.ProformaLine, "proforma_id")}


def last_writer(session: Session, entity: str, entity_id: Any) -> tuple[str | None, Any]:
    """(display name, when) of the newest audit row of the record (or of its child rows,
    CHILDREN), or (None, None)."""
    if not _is_id(entity_id):
        return None, None
    a = m.AuditLog
    mine = (a.entity == entity) & (a.entity_id == entity_id)
    if entity in CHILDREN:
        child, parent = CHILDREN[entity]
        kids: Any = child
        mine = mine | ((a.entity == child.__tablename__) & a.entity_id.in_(
            select(kids.id).where(getattr(kids, parent) == entity_id)))
    row = session.execute(
        select(m.User.display_name, a.at).outerjoin(m.User, m.User.id == a.user_id)
        .where(mine).order_by(a.at.desc(), a.id.desc()).limit(1)).first()
    return (row[0], row[1]) if row is not None else (None, None)


def _is_id(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value <= MAX_ID


def touch(obj: Any) -> None:
    """Count a change the row itself does not show (the contact's tags, the proforma's
    lines) as a write of the record: its next flush raises the version."""
    obj.updated_at = utcnow()


def bookkeeping(session: Session, obj: Any, **values: Any) -> None:
    """Write columns the program keeps for itself on a versioned record (a contact's last
    activity, a user's sign-in counters, a rule's last run): not an edit of the record, so
    its version stays and a form open on it is not refused its save. Written with a Core
    UPDATE past the ORM's version counter; `obj` is told the values as stored."""
    table = type(obj).__table__
    session.execute(table.update().where(table.c.id == obj.id).values(**values))
    for key, value in values.items():
        set_committed_value(obj, key, value)
