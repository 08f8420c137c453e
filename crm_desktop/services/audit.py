"""Audit log written by the unit of work itself: every flush of an audited record adds
rows in the same transaction (who, when, entity, id, action, field: old -> new)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import event, insert, inspect, select
from sqlalchemy.orm import Session

from crm_desktop.db import models as m
from crm_desktop.db.types import utcnow
from crm_desktop.domain.enums import AuditAction

AUDITED: tuple[type[m.Base], ...] = (
    m.Account,
    m.Activity,
    m.Campaign,
    m.Contact,
    m.Deal,
    m.MarketingList,
    m.PipelineStage,
    m.Product,
    m.Proforma,
    m.ProformaLine,
    m.Ticket,
    m.User,
)
#: Derived or bookkeeping columns that would only add noise to the log.
NOT_AUDITED = frozenset(
    {"search_name", "search_other", "sort_key", "full_name", "birth_md", "created_at",
     "updated_at", "password_hash", "last_activity_at", "account_sort", "owner_sort"}
)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


def _rows_for(obj: Any, action: AuditAction | None, at: datetime, actor: int | None) -> list[dict]:
    state = inspect(obj)
    base = {"at": at, "user_id": actor, "entity": obj.__tablename__, "entity_id": obj.id}
    if action is AuditAction.CREATE:
        return [{**base, "action": action.value, "field": None, "old_value": None,
                 "new_value": None}]
    rows = []
    for attr in state.mapper.column_attrs:
        key = attr.key
        if key in NOT_AUDITED:
            continue
        hist = state.attrs[key].history
        if not hist.has_changes():
            continue
        old = hist.deleted[0] if hist.deleted else None
        new = hist.added[0] if hist.added else None
        if old == new:
            continue
        act = AuditAction.UPDATE
        if key == "deleted_at":
            act = AuditAction.DELETE if new is not None else AuditAction.RESTORE
            rows.append({**base, "action": act.value, "field": None, "old_value": None,
                         "new_value": None})
            continue
        rows.append({**base, "action": act.value, "field": key, "old_value": _text(old),
                     "new_value": _text(new)})
    return rows


@event.listens_for(Session, "after_flush")
def _write_audit(session: Session, _ctx: Any) -> None:
    if session.info.get("no_audit"):
        return
    actor = session.info.get("actor_id")
    at = utcnow()
    rows: list[dict] = []
    for obj in session.new:
        if isinstance(obj, AUDITED):
            rows += _rows_for(obj, AuditAction.CREATE, at, actor)
    for obj in session.dirty:
        if isinstance(obj, AUDITED) and session.is_modified(obj, include_collections=False):
            rows += _rows_for(obj, None, at, actor)
    for obj in session.deleted:
        if isinstance(obj, AUDITED):
            rows.append({"at": at, "user_id": actor, "entity": obj.__tablename__,
                         "entity_id": obj.id, "action": AuditAction.DELETE.value,
                         "field": "purged", "old_value": None, "new_value": None})
    if rows:
        session.connection().execute(insert(m.AuditLog), rows)


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
