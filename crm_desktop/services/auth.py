"""Signing in, the sign-in mode of a database, and passwords (no Qt): `core.auth`.

Sign-in modes (setting "sign_in"):
* "single": single-user mode; the program opens as the first active administrator with no
  login. A database without the setting (made before users could sign in, or by the
  command line) is in this mode too.
* "users": a login at start; the command line needs --user.
* "setup": a new database the program made, waiting for its first-run set-up (the
  administrator's name and password, or single-user mode).
Only an administrator changes the mode; adding users does not end single-user mode.

Sign-in: after FREE_ATTEMPTS wrong passwords in a row the account waits, 30 s after the
fifth, then twice as long after each further one, at most MAX_WAIT; the count and the end
of the wait are stored on the user (users.failed_logins / locked_until), so they survive a
restart. Each attempt is one audit row, entity "user": action "login" (the user's id), or
"login_failed" with the reason in `field` ("password", "locked", "inactive"), or, for a
name that does not exist, entity id 0 and field "unknown" (the typed name is not kept:
people type their password into the name field). The refusal reads the same for an unknown
name and a wrong password, and takes as long (one hash is verified either way).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from crm_desktop.db import models as m
from crm_desktop.db.engine import Database
from crm_desktop.db.types import utcnow
from crm_desktop.domain.enums import AuditAction, Role
from crm_desktop.domain.errors import FieldError, SignInRefused, ValidationError
from crm_desktop.domain.permissions import Perm
from crm_desktop.services import audit, versions
from crm_desktop.services.access import CHECKED, require_in
from crm_desktop.services.passwords import (
    hash_password,
    needs_rehash,
    password_rule,
    verify_dummy,
    verify_password,
)

MODE_KEY = "sign_in"
SINGLE, USERS, SETUP = "single", "users", "setup"
MODES = (SINGLE, USERS, SETUP)
FREE_ATTEMPTS = 5
FIRST_WAIT = timedelta(seconds=30)
MAX_WAIT = timedelta(minutes=15)
ENTITY = "user"
#: the longest username typed at sign-in that is looked up (longer ones are unknown)
MAX_USERNAME = 64


def wait_after(failures: int) -> timedelta:
    """How long an account waits after `failures` wrong passwords in a row: nothing for
    the first four, 30 s after the fifth, doubling, at most 15 minutes."""
    if failures < FREE_ATTEMPTS:
        return timedelta(0)
    steps = min(failures - FREE_ATTEMPTS, 10)
    return min(FIRST_WAIT * (2 ** steps), MAX_WAIT)


def read_mode(session: Session) -> str:
    import json

    raw = session.scalar(select(m.Setting.value).where(m.Setting.key == MODE_KEY))
    try:
        value = json.loads(raw) if raw else SINGLE
    except ValueError:
        return SINGLE
    return value if value in MODES else SINGLE


def first_admin(session: Session) -> int | None:
    return session.scalar(
        select(m.User.id)
        .where(m.User.role == Role.ADMIN.value, m.User.active.is_(True))
        .order_by(m.User.id).limit(1))


def _put_mode(session: Session, mode: str) -> None:
    from crm_desktop.services.settings import SettingsService

    SettingsService._put(session, MODE_KEY, mode)


def _log(session: Session, user_id: int, action: AuditAction, field: str | None) -> None:
    audit.record(session, [audit._row(session, ENTITY, user_id, action, field)])


def _wait_seconds(locked_until: datetime, now: datetime) -> int:
    left = (locked_until - now).total_seconds()
    return max(1, int(left) + (left % 1 > 0))


def _lookup_name(username: Any) -> str | None:
    if not isinstance(username, str) or len(username) > MAX_USERNAME:
        return None
    name = username.strip().lower()
    try:
        name.encode()
    except UnicodeEncodeError:
        return None
    return name if name and "\x00" not in name else None


def single_user_without_asking(db: Database) -> None:
    """Put a COPY of a database in single-user mode, unaudited (the screenshots' copy,
    which must open without a login); never used on the user's own database."""
    with db.write() as session:
        session.info["no_audit"] = True
        _put_mode(session, SINGLE)


class AuthService:
    """`core.auth`: sign-in, the sign-in mode, and passwords."""

    def __init__(self, db: Database, actor_id: int | None = None,
                 clock: Callable[[], datetime] = utcnow):
        self.db = db
        self.actor_id = actor_id
        #: the time sign-in counts waits by (tests pass their own)
        self.clock = clock

    # -- the mode -----------------------------------------------------------------------
    def mode(self) -> str:
        """"single", "users" or "setup" (see the module's docstring)."""
        with self.db.read() as session:
            return read_mode(session)

    def single_user(self) -> bool:
        return self.mode() == SINGLE

    def needs_sign_in(self) -> bool:
        return self.mode() == USERS

    def needs_setup(self) -> bool:
        return self.mode() == SETUP

    def acting_admin(self) -> int | None:
        """The first active administrator: who a single-user database acts as."""
        with self.db.read() as session:
            return first_admin(session)

    def begin_setup(self) -> None:
        """Mark a database the program has just created as waiting for its first-run
        set-up (refused once it has a mode or a password)."""
        # the program setting itself up before anyone signs in: its own work
        with self.db.write(self.actor_id, system=True) as session:
            if session.scalar(select(m.Setting.key).where(m.Setting.key == MODE_KEY)):
                raise ValidationError(FieldError("sign_in", "invalid"))
            if session.scalar(select(m.User.id).where(m.User.password_hash.is_not(None))):
                raise ValidationError(FieldError("sign_in", "invalid"))
            _put_mode(session, SETUP)

    def complete_setup(self, *, single_user: bool, display_name: Any = None,
                       username: Any = None, password: Any = None,
                       password_again: Any = None) -> int:
        """The first-run set-up: single-user mode, or the administrator's name, username
        and password (twice), after which a login is needed. Returns the administrator's
        id. Only while the database waits for its set-up."""
        from crm_desktop.services.users import UserService

        if self.mode() != SETUP:
            raise ValidationError(FieldError("sign_in", "invalid"))
        if single_user:
            with self.db.write(self.actor_id, system=True) as session:
                admin = first_admin(session)
                _put_mode(session, SINGLE)
            assert admin is not None
            return admin
        hashed = self._new_hash(password, password_again)
        users = UserService(self.db, self.actor_id)
        admin_id = self.acting_admin()
        assert admin_id is not None
        values = {"display_name": display_name, "username": username}
        with self.db.write(admin_id, system=True) as session:
            admin = session.get(m.User, admin_id)
            cleaned = users._clean(session, values, admin)  # the rules of an edit
            admin.display_name = cleaned["display_name"]
            admin.username = cleaned["username"]
            admin.password_hash = hashed
            users._after_write(session, admin)
            _put_mode(session, USERS)
        return admin_id

    def set_single_user(self, on: Any) -> None:
        """Turn single-user mode on or off (administrators only). Off needs an active
        administrator with a password, or nobody could sign in."""
        if not isinstance(on, bool):
            raise ValidationError(FieldError("single_user", "invalid"))
        with self.db.write(self.actor_id) as session:
            require_in(session, Perm.USERS)
            if not on:
                admin_with_password = session.scalar(
                    select(m.User.id).where(m.User.role == Role.ADMIN.value,
                                            m.User.active.is_(True),
                                            m.User.password_hash.is_not(None)).limit(1))
                if admin_with_password is None:
                    raise ValidationError(FieldError("password", "required"))
            _put_mode(session, SINGLE if on else USERS)

    # -- signing in -----------------------------------------------------------------------
    def sign_in(self, username: Any, password: Any) -> int:
        """The id of the user whose username and password these are; SignInRefused
        otherwise (wrong, locked with the wait, or inactive). Every attempt is audited."""
        now = self.clock()
        name = _lookup_name(username)
        with self.db.read() as session:
            user = session.execute(
                select(m.User.id, m.User.active, m.User.password_hash, m.User.locked_until)
                .where(m.User.username == name)).first() if name is not None else None
        if user is None:
            verify_dummy(password)
            self._failed(None, "unknown", now)
            raise SignInRefused("wrong")
        if user.locked_until is not None and user.locked_until > now:
            self._failed(user.id, "locked", now, count=False)
            raise SignInRefused("locked", _wait_seconds(user.locked_until, now))
        if not verify_password(password, user.password_hash):
            wait = self._failed(user.id, "password", now)
            if wait:
                raise SignInRefused("locked", int(wait.total_seconds()))
            raise SignInRefused("wrong")
        if not user.active:
            self._failed(user.id, "inactive", now, count=False)
            raise SignInRefused("inactive")
        fresh = hash_password(password) if needs_rehash(user.password_hash) else None
        # signing in is open to every role: its bookkeeping is the program's own work
        with self.db.write(user.id, system=True) as session:
            session.info["audit_at"] = now
            row = session.get(m.User, user.id)
            # sign-in bookkeeping, not an edit of the user: an administrator's form open
            # on this user meanwhile is not refused its save (services/versions.py)
            kept: dict[str, Any] = {"failed_logins": 0, "locked_until": None,
                                    "last_login_at": now}
            if fresh is not None:
                # the same password, hashed anew: bookkeeping too, not a password change
                # (no audit row, and the user's version stays)
                kept["password_hash"] = fresh
            versions.bookkeeping(session, row, **kept)
            _log(session, user.id, AuditAction.LOGIN, None)
        return user.id

    def _failed(self, user_id: int | None, reason: str, now: datetime, *,
                count: bool = True) -> timedelta:
        """Record a failed attempt; returns the wait it starts (zero: none)."""
        wait = timedelta(0)
        with self.db.write(None, system=True) as session:
            session.info["audit_at"] = now
            if user_id is not None and count:
                row = session.get(m.User, user_id)
                failed = (row.failed_logins or 0) + 1
                wait = wait_after(failed)
                versions.bookkeeping(session, row, failed_logins=failed,
                                     locked_until=now + wait if wait else row.locked_until)
            _log(session, user_id or 0, AuditAction.LOGIN_FAILED,
                 reason if user_id is not None else "unknown")
        return wait

    # -- passwords ------------------------------------------------------------------------
    @staticmethod
    def _new_hash(password: Any, again: Any) -> str:
        password_rule(password)
        if again is not None and again != password:
            raise ValidationError(FieldError("password_again", "password.mismatch"))
        return hash_password(password)

    def change_own_password(self, old: Any, new: Any, new_again: Any = None) -> None:
        """The signed-in user changes their own password: the current one, then the new
        one twice."""
        if self.actor_id is None:
            raise ValidationError(FieldError("old_password", "password.wrong"))
        with self.db.read() as session:
            user = session.get(m.User, self.actor_id)
            active = user is not None and user.active
            stored = user.password_hash if user is not None else None
        if not active:
            raise ValidationError(FieldError("old_password", "password.wrong"))
        if stored is not None and not verify_password(old, stored):
            raise ValidationError(FieldError("old_password", "password.wrong"))
        hashed = self._new_hash(new, new_again)
        with self.db.write(self.actor_id) as session:
            session.info[CHECKED] = True  # one's own password: every role may change it
            session.get(m.User, self.actor_id).password_hash = hashed

    def reset_password(self, user_id: Any, new: Any, new_again: Any = None) -> None:
        """An administrator sets another user's password (and ends any wait)."""
        hashed = self._new_hash(new, new_again)
        with self.db.write(self.actor_id) as session:
            require_in(session, Perm.USERS)
            if not isinstance(user_id, int) or isinstance(user_id, bool):
                raise ValidationError(FieldError("user", "invalid"))
            row = session.get(m.User, user_id)
            if row is None:
                raise ValidationError(FieldError("user", "invalid"))
            row.password_hash = hashed
            row.failed_logins = 0
            row.locked_until = None

    # -- the users page -------------------------------------------------------------------
    def overview(self) -> list[dict[str, Any]]:
        """Every user for the users page: id, display name, username, role, active, last
        sign-in, whether a password is set, and the wait a lock still imposes."""
        now = self.clock()
        with self.db.read() as session:
            session.info["actor_id"] = self.actor_id
            require_in(session, Perm.USERS)
            rows = session.execute(select(
                m.User.id, m.User.display_name, m.User.username, m.User.role, m.User.active,
                m.User.last_login_at, m.User.password_hash.is_not(None).label("has_password"),
                m.User.locked_until).order_by(m.User.id)).all()
        return [{"id": r.id, "display_name": r.display_name, "username": r.username,
                 "role": r.role, "active": r.active, "last_login_at": r.last_login_at,
                 "has_password": bool(r.has_password),
                 "locked": r.locked_until is not None and r.locked_until > now}
                for r in rows]
