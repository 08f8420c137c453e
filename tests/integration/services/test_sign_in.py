"""Signing in: Argon2id hashes, older PBKDF2 hashes upgraded, the growing wait after five
wrong passwords (an injected clock: nothing sleeps), every attempt audited without any
password text, sign-in modes, passwords changed and reset, hostile input."""

from __future__ import annotations

import hashlib
import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from crm_desktop import config
from crm_desktop.core import Core
from crm_desktop.db import models as m
from crm_desktop.domain.errors import PermissionDenied, SignInRefused, ValidationError
from crm_desktop.logging_setup import setup_logging
from crm_desktop.services.auth import wait_after

T0 = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
PASSWORD = "Sesame-۱۲۳۴"


def old_pbkdf2(password: str) -> str:
    """A hash as versions before Argon2 wrote it (services/users.py, 200,000 rounds)."""
    salt = bytes(range(16))
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 200_000)
    return f"pbkdf2_sha256$200000${salt.hex()}${digest.hex()}"


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock(core: Core) -> Clock:
    c = Clock()
    core.auth.clock = c
    return c


@pytest.fixture
def sara(core: Core) -> int:
    uid = core.users.create({"username": "sara", "display_name": "سارا", "role": "sales"})
    core.users.set_password(uid, PASSWORD)
    return uid


def stored_hash(core: Core, uid: int) -> str:
    with core.db.read() as session:
        return session.get(m.User, uid).password_hash


def audit_rows(core: Core) -> list[tuple]:
    with core.db.read() as session:
        return [tuple(r) for r in session.execute(
            select(m.AuditLog.action, m.AuditLog.field).order_by(m.AuditLog.id))]


def sign_in_rows(core: Core) -> list[tuple]:
    with core.db.read() as session:
        return [tuple(r) for r in session.execute(
            select(m.AuditLog.entity, m.AuditLog.entity_id, m.AuditLog.action,
                   m.AuditLog.field, m.AuditLog.user_id)
            .where(m.AuditLog.action.in_(["login", "login_failed"]))
            .order_by(m.AuditLog.id))]


def test_passwords_are_hashed_with_argon2id(core: Core, sara: int, clock: Clock) -> None:
    stored = stored_hash(core, sara)
    assert stored.startswith("$argon2id$")
    assert PASSWORD not in stored
    assert core.auth.sign_in("Sara", PASSWORD) == sara


def test_an_older_pbkdf2_hash_still_signs_in_and_is_replaced(core: Core, sara: int,
                                                              clock: Clock) -> None:
    with core.db.write() as session:
        session.info["no_audit"] = True
        session.get(m.User, sara).password_hash = old_pbkdf2(PASSWORD)
    with pytest.raises(SignInRefused):
        core.auth.sign_in("sara", "wrong password")
    assert stored_hash(core, sara).startswith("pbkdf2_sha256$")  # not on a failure
    version, audited = core.users.get(sara)["version"], audit_rows(core)
    assert core.auth.sign_in("sara", PASSWORD) == sara
    assert stored_hash(core, sara).startswith("$argon2id$")
    # bookkeeping, not an edit: an administrator's form open on sara still saves, and
    # the only audit row is the sign-in's
    assert core.users.get(sara)["version"] == version
    assert [r[0] for r in audit_rows(core)[len(audited):]] == ["login"]
    assert core.auth.sign_in("sara", PASSWORD) == sara  # the new hash verifies


def test_five_wrong_passwords_start_a_wait_that_grows(core: Core, sara: int,
                                                      clock: Clock) -> None:
    for _ in range(4):
        with pytest.raises(SignInRefused) as refused:
            core.auth.sign_in("sara", "guess")
        assert refused.value.reason == "wrong"
    with pytest.raises(SignInRefused) as refused:
        core.auth.sign_in("sara", "guess")
    assert (refused.value.reason, refused.value.wait_seconds) == ("locked", 30)
    # even the right password waits, and is told how long is left
    clock.now += timedelta(seconds=10)
    with pytest.raises(SignInRefused) as refused:
        core.auth.sign_in("sara", PASSWORD)
    assert (refused.value.reason, refused.value.wait_seconds) == ("locked", 20)
    assert "20 seconds" in str(refused.value)
    assert "۲۰ ثانیه" in refused.value.message("fa")
    # the next wrong one after the wait: twice as long; then again twice
    clock.now += timedelta(seconds=21)
    with pytest.raises(SignInRefused) as refused:
        core.auth.sign_in("sara", "guess")
    assert refused.value.wait_seconds == 60
    clock.now += timedelta(seconds=61)
    with pytest.raises(SignInRefused) as refused:
        core.auth.sign_in("sara", "guess")
    assert refused.value.wait_seconds == 120
    assert "2 minutes" in str(refused.value)
    clock.now += timedelta(seconds=121)
    assert core.auth.sign_in("sara", PASSWORD) == sara
    with core.db.read() as session:
        user = session.get(m.User, sara)
        assert (user.failed_logins, user.locked_until, user.last_login_at) == (0, None, clock.now)


def test_the_wait_survives_a_restart(db_path: Path) -> None:
    with Core.open(db_path) as core:
        uid = core.users.create({"username": "sara", "display_name": "سارا"})
        core.users.set_password(uid, PASSWORD)
        core.auth.clock = lambda: T0
        for _ in range(5):
            with pytest.raises(SignInRefused):
                core.auth.sign_in("sara", "guess")
    with Core.open(db_path) as again:
        again.auth.clock = lambda: T0 + timedelta(seconds=5)
        with pytest.raises(SignInRefused) as refused:
            again.auth.sign_in("sara", PASSWORD)
        assert (refused.value.reason, refused.value.wait_seconds) == ("locked", 25)


def test_wait_after_is_capped() -> None:
    assert [wait_after(n).total_seconds() for n in range(4, 10)] == [0, 30, 60, 120, 240, 480]
    assert wait_after(11) == wait_after(500) == timedelta(minutes=15)


def test_every_attempt_is_audited_and_no_password_is_kept(core: Core, sara: int,
                                                           clock: Clock, tmp_path: Path) -> None:
    log_file = setup_logging()
    logging.getLogger("crm_desktop").info("a line before the attempts")
    core.users.update(sara, {"active": True})
    typed = ["Wrong-Pass-77", "Sara-Secret-Typed-In-Name"]
    with pytest.raises(SignInRefused) as unknown:
        core.auth.sign_in(typed[1], PASSWORD)
    with pytest.raises(SignInRefused) as wrong:
        core.auth.sign_in("sara", typed[0])
    assert str(unknown.value) == str(wrong.value)  # an unknown name reads as a wrong password
    assert core.auth.sign_in("sara", PASSWORD) == sara
    core.users.update(sara, {"active": False})
    with pytest.raises(SignInRefused) as inactive:
        core.auth.sign_in("sara", PASSWORD)
    assert inactive.value.reason == "inactive"
    with pytest.raises(SignInRefused) as wrong_inactive:
        core.auth.sign_in("sara", "guess-again")
    assert wrong_inactive.value.reason == "wrong"  # deactivation is said to the owner only
    assert sign_in_rows(core) == [
        ("user", 0, "login_failed", "unknown", None),
        ("user", sara, "login_failed", "password", None),
        ("user", sara, "login", None, sara),
        ("user", sara, "login_failed", "inactive", None),
        ("user", sara, "login_failed", "password", None),
    ]
    core.close()
    everything = b"".join(p.read_bytes() for p in db_path_files(core))
    if log_file is not None:
        everything += log_file.read_bytes()
        assert log_file.parent == config.log_dir()
    for text in (PASSWORD, *typed, "guess-again"):
        assert text.encode() not in everything


def db_path_files(core: Core) -> list[Path]:
    """The database file and its -wal (none on PostgreSQL: there the server's files are
    out of reach, and the log is what is checked)."""
    path = core.db.path
    if path is None:
        return []
    return [p for p in (path, path.with_name(path.name + "-wal")) if p.exists()]


def test_a_new_database_is_single_user_and_acts_as_its_administrator(core: Core) -> None:
    assert core.auth.mode() == "single" and core.auth.single_user()
    assert core.actor_id == core.auth.acting_admin()
    assert core.access.role() == "admin"


def test_single_user_mode_is_turned_off_by_an_administrator_with_a_password(
        core: Core, sara: int, db_target: Path | str) -> None:
    with pytest.raises(ValidationError):  # nobody could sign in
        core.auth.set_single_user(False)
    core.users.create({"username": "nima", "display_name": "نیما", "role": "admin"})
    core.users.set_password(core.actor_id, "admin-pass")
    sales = core.as_user(sara)
    with pytest.raises(PermissionDenied):
        sales.auth.set_single_user(False)
    core.auth.set_single_user(False)
    assert core.auth.needs_sign_in()
    with Core.open_as(db_target, "admin", "admin-pass") as admin:
        assert admin.access.role() == "admin"
    with Core.open_as(db_target, "sara", PASSWORD) as signed_in:
        assert signed_in.actor_id == sara and signed_in.access.role() == "sales"
    with pytest.raises(SignInRefused):
        Core.open_as(db_target, "sara", "nope-nope")
    # adding users does not end single-user mode
    core.auth.set_single_user(True)
    core.users.create({"username": "reza", "display_name": "رضا"})
    assert core.auth.single_user()


def test_first_run_set_up(core: Core, db_target: Path | str) -> None:
    with pytest.raises(ValidationError):  # not waiting for a set-up
        core.auth.complete_setup(single_user=True)
    core.auth.begin_setup()
    assert core.auth.needs_setup()
    with pytest.raises(ValidationError) as mismatch:
        core.auth.complete_setup(single_user=False, display_name="مریم", username="maryam",
                                 password="first-pass", password_again="first-pas")
    assert mismatch.value.fields == ["password_again"]
    with pytest.raises(ValidationError) as short:
        core.auth.complete_setup(single_user=False, display_name="مریم", username="maryam",
                                 password="abc", password_again="abc")
    assert short.value.fields == ["password"]
    admin = core.auth.complete_setup(single_user=False, display_name="مریم",
                                     username="Maryam", password="first-pass",
                                     password_again="first-pass")
    assert core.auth.needs_sign_in()
    assert core.users.get(admin)["username"] == "maryam"
    with Core.open_as(db_target, "maryam", "first-pass") as signed_in:
        assert signed_in.actor_id == admin
    with pytest.raises(ValidationError):  # once only
        core.auth.begin_setup()


def test_first_run_can_choose_single_user_mode(core: Core) -> None:
    core.auth.begin_setup()
    assert core.auth.complete_setup(single_user=True) == core.actor_id
    assert core.auth.single_user()


def test_own_password_and_the_administrators_reset(core: Core, sara: int,
                                                   clock: Clock) -> None:
    me = core.as_user(sara)
    me.auth.clock = clock
    with pytest.raises(ValidationError) as wrong_old:
        me.auth.change_own_password("not-it", "brand-new-1", "brand-new-1")
    assert wrong_old.value.fields == ["old_password"]
    with pytest.raises(ValidationError):
        me.auth.change_own_password(PASSWORD, "brand-new-1", "brand-new-2")
    me.auth.change_own_password(PASSWORD, "brand-new-1", "brand-new-1")
    assert core.auth.sign_in("sara", "brand-new-1") == sara
    with pytest.raises(PermissionDenied):
        me.auth.reset_password(core.actor_id, "taken-over", "taken-over")
    for _ in range(5):
        with pytest.raises(SignInRefused):
            core.auth.sign_in("sara", "guess")
    core.auth.reset_password(sara, "given-by-admin", "given-by-admin")  # also ends the wait
    assert core.auth.sign_in("sara", "given-by-admin") == sara
    with core.db.read() as session:
        rows = session.execute(select(m.AuditLog.field, m.AuditLog.old_value,
                                      m.AuditLog.new_value)
                               .where(m.AuditLog.field == "password",
                                      m.AuditLog.entity == "users")).all()
    assert len(rows) == 3 and all(r.old_value is None and r.new_value is None for r in rows)


def test_overview_of_users(core: Core, sara: int, clock: Clock) -> None:
    core.auth.sign_in("sara", PASSWORD)
    rows = {r["username"]: r for r in core.auth.overview()}
    assert rows["sara"]["last_login_at"] == T0 and rows["sara"]["role"] == "sales"
    assert rows["admin"]["has_password"] is False
    with pytest.raises(PermissionDenied):
        core.as_user(sara).auth.overview()


hostile = st.one_of(
    st.text(st.characters(codec=None, exclude_categories=()), max_size=40),
    st.sampled_from(["\ud800", "a\udfffb", "\x00", "sara\x00", "x" * 10_000_000, "", " ",
                     "SARA ", "ｓａｒａ"]),
    st.integers(), st.none(), st.binary(max_size=8), st.lists(st.integers(), max_size=2))


@settings(max_examples=30, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
@given(username=hostile, password=hostile)
def test_hostile_names_and_passwords_are_refused_plainly(core: Core, sara: int,
                                                         username, password) -> None:
    core.auth.clock = lambda: T0 - timedelta(days=1)  # never inside a wait
    with core.db.write() as session:
        session.get(m.User, sara).failed_logins = 0
    try:
        uid = core.auth.sign_in(username, password)
    except SignInRefused as exc:
        assert exc.message("fa") and exc.message("en")
    else:
        assert uid == sara
    for call in (lambda: core.users.set_password(sara, password),
                 lambda: core.auth.reset_password(sara, password, password),
                 lambda: core.as_user(sara).auth.change_own_password(password, password)):
        try:
            call()
        except ValidationError as exc:  # the field is named; the value never quoted
            assert exc.fields
            if isinstance(password, str) and len(password) >= 8:
                assert password not in exc.message("en")


@pytest.mark.parametrize("role", ["sales", "reception", "manager"])
def test_every_role_signs_in_and_changes_its_own_password(core: Core, role: str) -> None:
    """Signing in writes the user's bookkeeping, and the permission table keeps users to
    administrators: a role without it must still sign in, fail a sign-in and change its
    own password (the program's own work, and one's own password)."""
    uid = core.users.create({"username": "u1", "display_name": "یک", "role": role})
    core.users.set_password(uid, PASSWORD)
    with pytest.raises(SignInRefused):
        core.auth.sign_in("u1", PASSWORD + "x")
    assert core.auth.sign_in("u1", PASSWORD) == uid
    me = core.as_user(uid)
    me.auth.change_own_password(PASSWORD, "another-pass", "another-pass")
    assert me.auth.sign_in("u1", "another-pass") == uid
    with core.db.read() as session:
        assert session.get(m.User, uid).last_login_at is not None
