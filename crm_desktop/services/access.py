"""The acting user's permissions, read in the transaction that needs them (no Qt).

Every service checks what its caller may do through `require_in(session, perm)` at the
start of the write (or read) that needs it; the actor is the one `Database.write(actor_id)`
records in `session.info["actor_id"]`. A role is read from the database each time, never
cached across transactions: a role changed on another desk applies to the next action.

`session.info["system"] = True` marks work the program does by itself (a scheduled
automation run, start-up housekeeping): it is not refused for the role of whoever happens
to be signed in. An actor of None (a database opened without a user: tests, maintenance)
is the first administrator's work and may do everything.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from crm_desktop.db import models as m
from crm_desktop.db.engine import Database
from crm_desktop.domain.enums import Role
from crm_desktop.domain.errors import FieldError, PermissionDenied, ValidationError
from crm_desktop.domain.permissions import ADJUSTABLE, Perm, effective

#: settings key: the administrator's adjusted table {role value: [perm values]}; a role
#: missing from it has the defaults (crm_desktop.domain.permissions.DEFAULTS)
TABLE_KEY = "role_permissions"


def _adjusted(session: Session) -> dict[str, list[str]]:
    raw = session.scalar(select(m.Setting.value).where(m.Setting.key == TABLE_KEY))
    if not raw:
        return {}
    try:
        value = json.loads(raw)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def actor_role(session: Session, actor_id: int | None) -> Role | None:
    """The actor's role, or None for an inactive or unknown user (who may do nothing)."""
    if actor_id is None:
        return Role.ADMIN
    row = session.execute(
        select(m.User.role, m.User.active).where(m.User.id == actor_id)
    ).first()
    if row is None or not row.active:
        return None
    return Role(row.role)


def permissions_in(session: Session, actor_id: Any = ...) -> frozenset[Perm]:
    """The permissions of the session's actor (or of `actor_id`)."""
    if actor_id is ...:
        if session.info.get("system"):
            return frozenset(Perm)
        actor_id = session.info.get("actor_id")
    role = actor_role(session, actor_id)
    if role is None:
        return frozenset()
    return effective(role, _adjusted(session))


def can_in(session: Session, perm: Perm | str) -> bool:
    return Perm(perm) in permissions_in(session)


def require_in(session: Session, perm: Perm | str) -> None:
    """PermissionDenied unless the session's actor has `perm` (nothing is written)."""
    if not can_in(session, perm):
        raise PermissionDenied(Perm(perm).value)


class AccessService:
    """`core.access`: what the acting user may do (for the interface, which hides or
    disables what is refused) and the administrator's permission table."""

    def __init__(self, db: Database, actor_id: int | None = None):
        self.db = db
        self.actor_id = actor_id

    def role(self) -> Role | None:
        with self.db.read() as session:
            return actor_role(session, self.actor_id)

    def permissions(self) -> frozenset[Perm]:
        with self.db.read() as session:
            return permissions_in(session, self.actor_id)

    def can(self, perm: Perm | str) -> bool:
        return Perm(perm) in self.permissions()

    def table(self) -> dict[str, list[str]]:
        """Every role's permissions as they apply now {role: [perm values]}."""
        with self.db.read() as session:
            adjusted = _adjusted(session)
        return {r.value: sorted(p.value for p in effective(r, adjusted)) for r in Role}

    def set_role_permissions(self, role: Any, perms: Iterable[Any]) -> None:
        """Adjust one role's row of the table (administrators only; the admin role and the
        administrator-only permissions cannot be changed). Audited as a settings change."""
        from crm_desktop.services.settings import SettingsService

        with self.db.write(self.actor_id) as session:
            require_in(session, Perm.USERS)
            chosen = _clean_row(role, perms)
            table = _adjusted(session)
            table[Role(role).value] = sorted(chosen)
            SettingsService._put(session, TABLE_KEY, table)


def _clean_row(role: Any, perms: Any) -> set[str]:
    try:
        role = Role(role)
    except ValueError:
        raise ValidationError(FieldError("role", "invalid")) from None
    if role is Role.ADMIN:
        raise ValidationError(FieldError("role", "invalid"))
    if isinstance(perms, str | bytes) or not isinstance(perms, Iterable):
        raise ValidationError(FieldError("permissions", "invalid"))
    allowed = {p.value for p in ADJUSTABLE}
    chosen: set[str] = set()
    for p in perms:
        if not isinstance(p, str) or p not in allowed:
            raise ValidationError(FieldError("permissions", "invalid"))
        chosen.add(p)
    return chosen
