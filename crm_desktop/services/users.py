"""People who use the program: their names, roles and passwords (signing in is
services/auth.py; the hashing services/passwords.py)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, ClassVar

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from crm_desktop.db import models as m
from crm_desktop.domain.enums import Role
from crm_desktop.domain.errors import FieldError, ValidationError
from crm_desktop.domain.permissions import Perm
from crm_desktop.services import fields as f
from crm_desktop.services import versions
from crm_desktop.services.access import CHECKED, actor_in, require_in
from crm_desktop.services.base import EntityService
from crm_desktop.services.passwords import (  # noqa: F401 (MAX_PASSWORD: the old name)
    MAX_PASSWORD,
    hash_password,
    password_rule,
    verify_password,
)
from crm_desktop.text.collation import sort_key

USERNAME = re.compile(r"^[a-z0-9._-]{2,64}$")


def username_rule(value: Any) -> str:
    s = str(value).strip().lower()
    if not USERNAME.match(s):
        raise f.InvalidValue("invalid")
    return s


class UserService(EntityService[m.User]):
    """Users. Managing users needs USERS (administrators only); a user may change their
    own display name and password, never their own role, active state or user name; the
    last active administrator cannot be demoted or deactivated, by anyone."""

    model = m.User
    edit_perm = Perm.USERS
    fields: ClassVar = {
        "username": f.Field(username_rule, required=True),
        "display_name": f.Field(f.text(120), required=True),
        "role": f.Field(f.choice(Role), empty=Role.SALES.value),
        "active": f.Field(f.boolean, empty=True),
    }
    sort_columns: ClassVar = {"name": m.User.display_name, "username": m.User.username}
    filter_columns: ClassVar = {"active": m.User.active, "role": m.User.role}

    def _check(self, session: Session, values: dict, current: Any | None) -> None:
        name = values.get("username")
        if name:
            q = select(m.User.id).where(m.User.username == name)
            if current is not None:
                q = q.where(m.User.id != current.id)
            if session.scalar(q) is not None:
                raise ValidationError(FieldError("username", "duplicate"))

    def update(self, entity_id: int, changes: Mapping[str, Any], *,
               version: int | None = None) -> None:
        wanted = versions.expected(version)
        with versions.refused_when_stale(self.db, self.model, entity_id), \
                self.db.write(self.actor_id) as session:
            self._may_change(session, entity_id, changes)
            versions.check(self._load(session, entity_id), wanted)
            obj = self._update_in(session, entity_id, changes)
            if not (obj.active and obj.role == Role.ADMIN.value):
                self._keep_an_admin(session)

    def _may_change(self, session: Session, user_id: Any, changes: Any) -> None:
        """Oneself: the display name only (no USERS needed); anyone else: USERS."""
        actor = actor_in(session)
        if actor is None or not f.is_id(user_id) or user_id != actor:
            require_in(session, Perm.USERS)
            return
        if not isinstance(changes, Mapping):
            raise ValidationError(FieldError("changes", "invalid"))
        current = self._load(session, user_id)
        mine = {k: changes[k] for k in ("role", "active", "username") if k in changes}
        asked = f.clean({k: self.fields[k] for k in mine}, mine, partial=True)
        own = [k for k, v in asked.items() if v != getattr(current, k)]
        if own:
            raise ValidationError(FieldError(own[0], "user.own_account"))
        session.info[CHECKED] = True

    @staticmethod
    def _keep_an_admin(session: Session) -> None:
        session.flush()
        u = m.User
        left = session.scalar(select(u.id).where(
            u.role == Role.ADMIN.value, u.active.is_(True)).limit(1))
        if left is None:
            raise ValidationError(FieldError("role", "user.last_admin"))

    def _after_write(self, session: Session, obj: Any) -> None:
        # contacts sort by their owner's name through a copy of its sort key
        key = sort_key(obj.display_name)
        session.execute(
            update(m.Contact)
            .where(m.Contact.owner_id == obj.id, m.Contact.owner_sort != key)
            .values(owner_sort=key)
            .execution_options(synchronize_session=False)
        )

    def set_password(self, user_id: int, password: str) -> None:
        """Set a password (hashed with Argon2id outside the write transaction)."""
        hashed = hash_password(password_rule(password))
        with self.db.write(self.actor_id) as session:
            if f.is_id(user_id) and user_id == actor_in(session):
                session.info[CHECKED] = True  # one's own password: no USERS needed
            else:
                require_in(session, Perm.USERS)
            self._load(session, user_id).password_hash = hashed

    def check_password(self, username: str, password: str) -> int | None:
        """The user's id when the password is right and the user is active."""
        with self.db.read() as session:
            user = session.scalar(select(m.User).where(m.User.username == username.lower()))
            if user and user.active and verify_password(password, user.password_hash):
                return user.id
        return None

    def _as_dict(self, session: Session, obj: Any) -> dict[str, Any]:
        d = super()._as_dict(session, obj)
        d.pop("password_hash", None)
        return d

    def options(self) -> list[tuple[int, str]]:
        """(id, display name) of active users, for owner pickers."""
        with self.db.read() as session:
            q = select(m.User.id, m.User.display_name).where(m.User.active.is_(True))
            return [(r.id, r.display_name) for r in session.execute(q.order_by(m.User.id))]
