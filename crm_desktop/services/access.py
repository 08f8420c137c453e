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
import weakref
from collections.abc import Iterable
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from crm_desktop.db import models as m
from crm_desktop.db.engine import Database
from crm_desktop.domain.enums import AuditAction, Role
from crm_desktop.domain.errors import FieldError, PermissionDenied, ValidationError
from crm_desktop.domain.permissions import ADJUSTABLE, Perm, effective

#: settings key: the administrator's adjusted table {role value: [perm values]}; a role
#: missing from it has the defaults (crm_desktop.domain.permissions.DEFAULTS)
TABLE_KEY = "role_permissions"
#: session.info key: this transaction checked a permission through require_in
CHECKED = "access_checked"


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
        if "actor_id" not in session.info:  # a read session knows no actor: say whose
            raise TypeError("permissions in a read session need the actor_id")
        actor_id = session.info["actor_id"]
    role = actor_role(session, actor_id)
    if role is None:
        return frozenset()
    return effective(role, _adjusted(session))


# -- what the interface and the lists read: cached per database and actor ------------------
# The interface asks what the user may do each time a view opens, and every list asks
# whether its user sees everyone's records (SEE_ALL); reading the role and the table for
# each would add a transaction to every page of every list. They read this cache instead,
# filled once per database and actor and emptied when this program commits a change to a
# user or to the permission table (`_forget_after_commit`). A change made by another
# program reaches the interface and the lists when this one changes a user or the table,
# calls `forget_permissions`, or opens the database again; the writes never use the cache
# (require_in reads the role in their own transaction), so they are refused at once.
#: per connection pool (one per open database: every engine of a Database shares it)
_CACHE: weakref.WeakKeyDictionary[Any, dict[Any, frozenset[Perm]]] = (
    weakref.WeakKeyDictionary())


def cached_permissions(db: Database, actor_id: int | None) -> frozenset[Perm]:
    """The actor's permissions as the interface and the lists see them (see above)."""
    known = _CACHE.setdefault(db.engine.pool, {})
    if actor_id not in known:
        with db.read() as session:
            known[actor_id] = permissions_in(session, actor_id)
    return known[actor_id]


def forget_permissions(db: Database | None = None) -> None:
    """Empty the cache (of one database, or of all): the next read asks the database."""
    if db is None:
        _CACHE.clear()
    else:
        _CACHE.pop(db.engine.pool, None)


@event.listens_for(Session, "before_flush")
def _note_permission_changes(session: Session, _ctx: Any, _instances: Any) -> None:
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, m.User) or (isinstance(obj, m.Setting) and obj.key == TABLE_KEY):
            session.info["permissions_changed"] = True
            return


@event.listens_for(Session, "after_commit")
def _forget_after_commit(session: Session) -> None:
    if session.info.pop("permissions_changed", False):
        _CACHE.pop(session.get_bind().pool, None)


def can_in(session: Session, perm: Perm | str, actor_id: Any = ...) -> bool:
    return Perm(perm) in permissions_in(session, actor_id)


def require_in(session: Session, perm: Perm | str, actor_id: Any = ...) -> None:
    """PermissionDenied unless the session's actor (or `actor_id`, in a read session) has
    `perm`; nothing is written.

    A transaction that checked a permission is trusted for the rows it writes as a side
    effect (services/access_guard.py): it is marked."""
    if not can_in(session, perm, actor_id):
        raise PermissionDenied(Perm(perm).value)
    session.info[CHECKED] = True


def actor_in(session: Session) -> int | None:
    """The acting user of the session's transaction (None: the first administrator)."""
    return session.info.get("actor_id")


def require_delete_in(session: Session, owner_id: int | None) -> None:
    """Moving a record to the Trash (or deleting it for good): DELETE_ANY, or DELETE_OWN
    when the record's owner (`owner_id`: its owner, else its author) is the actor."""
    perms = permissions_in(session)
    own = owner_id is not None and owner_id == actor_in(session)
    if not (Perm.DELETE_ANY in perms or (Perm.DELETE_OWN in perms and own)):
        raise PermissionDenied(
            (Perm.DELETE_ANY if Perm.DELETE_OWN in perms else Perm.DELETE_OWN).value)
    session.info[CHECKED] = True


def require_restore_in(session: Session, entity: str, entity_id: int) -> None:
    """Bringing a record back from the Trash: RESTORE_TRASH, or the actor's own undo (the
    audit log says the actor moved it to the Trash last), so that Undo keeps working for
    every role that may delete."""
    actor = actor_in(session)
    if Perm.RESTORE_TRASH not in permissions_in(session) and (
            actor is None or _deleted_by(session, entity, entity_id) != actor):
        raise PermissionDenied(Perm.RESTORE_TRASH.value)
    session.info[CHECKED] = True


def _deleted_by(session: Session, entity: str, entity_id: int) -> int | None:
    a = m.AuditLog
    return session.scalar(
        select(a.user_id).where(a.entity == entity, a.entity_id == entity_id,
                                a.action == AuditAction.DELETE.value, a.field.is_(None))
        .order_by(a.id.desc()).limit(1))


def report_owner_in(session: Session, actor_id: int | None, owner_id: int | None
                    ) -> int | None:
    """The owner a KPI, a dashboard series or a report is restricted to. REPORTS_ALL: the
    owner asked for (None: everyone). REPORTS_OWN only: the same figures over the actor's
    own records (each report's owner: the deal's, the ticket's assignee, ...), whatever
    was asked; asking for another owner is PermissionDenied(REPORTS_ALL). Neither:
    PermissionDenied(REPORTS_OWN)."""
    perms = permissions_in(session, actor_id)
    if Perm.REPORTS_ALL in perms:
        return owner_id
    if Perm.REPORTS_OWN in perms and actor_id is not None:
        if owner_id is not None and owner_id != actor_id:
            raise PermissionDenied(Perm.REPORTS_ALL.value)
        return actor_id
    raise PermissionDenied(Perm.REPORTS_OWN.value)


class AccessService:
    """`core.access`: what the acting user may do (for the interface, which hides or
    disables what is refused) and the administrator's permission table."""

    def __init__(self, db: Database, actor_id: int | None = None):
        self.db = db
        self.actor_id = actor_id

    def role(self) -> Role | None:
        with self.db.read() as session:
            return actor_role(session, self.actor_id)

    def forget(self) -> None:
        """Forget this database's cached permissions (another program may have changed a
        user's role or the table): the next list or view asks the database. Writes never
        use the cache."""
        forget_permissions(self.db)

    def permissions(self) -> frozenset[Perm]:
        """What the acting user may do, for the interface (cached: see above)."""
        return cached_permissions(self.db, self.actor_id)

    def can(self, perm: Perm | str) -> bool:
        return Perm(perm) in self.permissions()

    def require(self, perm: Perm | str) -> None:
        """PermissionDenied unless the acting user has `perm`: for what leaves the program
        without a service write or read of its own (a report already run, saved to a file
        by the interface or the command line)."""
        with self.db.read() as session:
            require_in(session, perm, self.actor_id)

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
