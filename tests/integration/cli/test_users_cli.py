"""Users on the command line: `users`, `user add`, `single-user on|off`, and `--user` with
the password from CRM_DESKTOP_PASSWORD for every command (run in this process with the
environment set; one real process for the exit code a script sees)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from crm_desktop import cli
from crm_desktop.core import Core
from crm_desktop.db import models as m


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "crm.sqlite3"
    with Core.open(path) as core:
        core.contacts.create({"first_name": "علی", "last_name": "رضایی", "mobile": "09121234567"})
    return path


def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture, *args: str,
        password: str | None = None, new_password: str | None = None
        ) -> tuple[int, str, str]:
    for env, value in (("CRM_DESKTOP_PASSWORD", password),
                       ("CRM_DESKTOP_NEW_PASSWORD", new_password)):
        if value is None:
            monkeypatch.delenv(env, raising=False)
        else:
            monkeypatch.setenv(env, value)
    code = cli.run(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def audit_actions(path: Path) -> list[tuple]:
    with Core.open(path) as core, core.db.read() as session:
        return [tuple(r) for r in session.execute(
            select(m.AuditLog.action, m.AuditLog.field, m.AuditLog.entity_id)
            .where(m.AuditLog.entity == "user").order_by(m.AuditLog.id))]


def test_single_user_database_acts_as_its_administrator(db: Path, monkeypatch, capsys) -> None:
    code, out, _err = run(monkeypatch, capsys, "users", "--db", str(db), "--json")
    assert code == 0
    listed = json.loads(out)
    assert listed["mode"] == "single"
    assert [(u["username"], u["role"], u["active"]) for u in listed["users"]] == [
        ("admin", "admin", True)]
    # adding a user: the password from the environment; single-user mode stays on
    code, out, _err = run(monkeypatch, capsys, "user", "add", "Sara", "--role", "sales",
                          "--db", str(db), "--display-name", "سارا", password="sara-pass-1")
    assert code == 0 and "user sara added (sales" in out
    code, out, _err = run(monkeypatch, capsys, "users", "--db", str(db))
    assert code == 0 and "sara\tsales\tactive\t-\tسارا" in out
    with Core.open(db) as core:
        assert core.auth.single_user()
        assert core.auth.sign_in("sara", "sara-pass-1")


def test_a_short_password_or_a_bad_role_adds_nobody(db: Path, monkeypatch, capsys) -> None:
    code, _out, err = run(monkeypatch, capsys, "user", "add", "sara", "--role", "sales",
                          "--db", str(db), password="abc")
    assert code == 2 and "Password" in err and "abc" not in err
    code, _out, err = run(monkeypatch, capsys, "user", "add", "sara", "--role", "boss",
                          "--db", str(db), password="long-enough")
    assert code == 2 and err.count("\n") == 1
    with Core.open(db) as core:
        assert [u["username"] for u in core.auth.overview()] == ["admin"]


def test_user_and_password_for_every_command(db: Path, monkeypatch, capsys) -> None:
    run(monkeypatch, capsys, "user", "add", "sara", "--role", "sales", "--db", str(db),
        password="sara-pass-1")
    with Core.open(db) as core:
        core.users.set_password(core.actor_id, "admin-pass")
    # only an administrator turns single-user mode off, with their password
    code, _out, err = run(monkeypatch, capsys, "single-user", "off", "--db", str(db))
    assert code == 2 and "--user" in err
    code, _out, err = run(monkeypatch, capsys, "single-user", "off", "--db", str(db),
                          "--user", "sara", password="sara-pass-1")
    assert code == 2 and "role" in err
    code, _out, err = run(monkeypatch, capsys, "single-user", "off", "--db", str(db),
                          "--user", "admin", password="admin-pass")
    assert code == 0, err
    # now every command needs --user, reads included
    code, _out, err = run(monkeypatch, capsys, "search", "علی", "--db", str(db))
    assert code == 2 and "--user NAME" in err and err.count("\n") == 1
    code, out, err = run(monkeypatch, capsys, "--user", "sara", "search", "علی", "--db",
                         str(db), password="sara-pass-1")
    assert code == 0 and "رضایی" in out, err
    code, out, err = run(monkeypatch, capsys, "search", "علی", "--db", str(db), "--user",
                         "sara", password="sara-pass-1")
    assert code == 0 and "رضایی" in out
    # a wrong password: one line, exit 4, and the attempt in the audit log
    code, out, err = run(monkeypatch, capsys, "search", "علی", "--db", str(db), "--user",
                         "sara", password="wrong-one")
    assert (code, out) == (cli.EXIT_SIGN_IN, "")
    assert err.count("\n") == 1 and "wrong" in err and "wrong-one" not in err
    code, _out, err = run(monkeypatch, capsys, "users", "--db", str(db), "--user", "nobody",
                          password="wrong-one")
    assert code == cli.EXIT_SIGN_IN
    actions = audit_actions(db)
    assert ("login_failed", "password", 2) in actions and ("login_failed", "unknown", 0) in actions
    # a user who is not an administrator cannot list users; the administrator can
    code, _out, err = run(monkeypatch, capsys, "users", "--db", str(db), "--user", "sara",
                          password="sara-pass-1")
    assert code == 2 and "role" in err
    code, out, _err = run(monkeypatch, capsys, "users", "--db", str(db), "--json", "--user",
                          "admin", password="admin-pass")
    assert json.loads(out)["mode"] == "users"
    # the administrator adds a user: their own password, then the new user's
    code, out, err = run(monkeypatch, capsys, "user", "add", "reza", "--role", "reception",
                         "--db", str(db), "--user", "admin", password="admin-pass",
                         new_password="reza-pass-1")
    assert code == 0, err
    with Core.open(db) as core:
        assert core.auth.sign_in("reza", "reza-pass-1")
    # and turns single-user mode on again
    code, _out, _err = run(monkeypatch, capsys, "single-user", "on", "--db", str(db),
                           "--user", "admin", password="admin-pass")
    assert code == 0
    code, _out, _err = run(monkeypatch, capsys, "search", "علی", "--db", str(db))
    assert code == 0


def test_the_exit_code_a_script_sees(db: Path, tmp_path: Path) -> None:
    with Core.open(db) as core:
        core.users.set_password(core.actor_id, "admin-pass")
        core.auth.set_single_user(False)
    env = {**os.environ, "CRM_DESKTOP_DATA_DIR": str(tmp_path), "PYTHONIOENCODING": "utf-8",
           "CRM_DESKTOP_PASSWORD": "not-the-password"}
    result = subprocess.run([sys.executable, "-m", "crm_desktop", "--user", "admin", "search",
                             "x", "--db", str(db)], capture_output=True, text=True, env=env,
                            timeout=120, check=False, stdin=subprocess.DEVNULL)
    assert result.returncode == 4
    assert result.stderr.strip().count("\n") == 0 and "not-the-password" not in result.stderr
    env.pop("CRM_DESKTOP_PASSWORD")
    result = subprocess.run([sys.executable, "-m", "crm_desktop", "--user", "admin", "search",
                             "x", "--db", str(db)], capture_output=True, text=True, env=env,
                            timeout=120, check=False, stdin=subprocess.DEVNULL)
    assert result.returncode == 2 and "CRM_DESKTOP_PASSWORD" in result.stderr
