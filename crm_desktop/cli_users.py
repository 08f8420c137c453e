"""Users on the command line (cli.py registers these through `add_parsers`, and runs every
command inside `acting`):

    crm-desktop users --db PATH [--json]                 the users (administrators only)
    crm-desktop user add NAME --role ROLE --db PATH [--display-name TEXT]
    crm-desktop single-user on|off --db PATH --user ADMIN
    crm-desktop --user NAME COMMAND ...                  any command, as that user

Who a command acts as:
* `--user NAME` (before or after the command): that user, signed in with the password from
  CRM_DESKTOP_PASSWORD or, when it is not set, a prompt. A wrong password, an unknown name,
  a wait after too many attempts or a deactivated account: one line on stderr and exit
  code 4 (EXIT_SIGN_IN); the attempt is in the audit log like the window's.
* Without --user, on a database in single-user mode (the demo, a database made by the
  command line, one from before users could sign in): its first administrator.
* Without --user, on a database where people sign in: refused (exit 2). That goes for the
  commands that only read too: what a role may see (only their own records, no export, no
  reports) is part of its permissions. Commands that work on the file, not on its records,
  need no user: check, backup, restore, screenshots, demo, and the window (which asks for
  its login itself).

`user add` asks for the new user's password twice; without a terminal it takes it from
CRM_DESKTOP_PASSWORD, or from CRM_DESKTOP_NEW_PASSWORD when --user took the first for the
administrator's own.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from crm_desktop.cli import EXIT_OK, EXIT_SIGN_IN, SignInFailed, UsageError, _db_path, _say

PASSWORD_ENV = "CRM_DESKTOP_PASSWORD"
NEW_PASSWORD_ENV = "CRM_DESKTOP_NEW_PASSWORD"
__all__ = ["EXIT_SIGN_IN", "acting", "add_parsers", "add_user_option"]
#: commands that work on the file rather than its records, and the window (its own login)
NO_USER_NEEDED = {"cmd_gui", "cmd_check", "cmd_backup", "cmd_restore", "cmd_screenshots",
                  "cmd_demo", "cmd_migrate", "<lambda>"}


def add_parsers(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("users", parents=[common], help="the users: name, role, active, last "
                       "sign-in (administrators only)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_users)

    p = sub.add_parser("user", help="add a user")
    p.set_defaults(func=lambda _args, p=p: p.error("a user command is required (add)"))
    user = p.add_subparsers(title="user commands", metavar="COMMAND")
    q = user.add_parser("add", parents=[common], help="add a user (the password is asked "
                        "twice, or taken from CRM_DESKTOP_PASSWORD)")
    q.add_argument("name", metavar="NAME", help="the username they sign in with")
    q.add_argument("--role", required=True, choices=("admin", "manager", "sales",
                                                      "reception"))
    q.add_argument("--display-name", default=None, metavar="TEXT",
                   help="the name shown in the program (default: NAME)")
    q.set_defaults(func=cmd_user_add)

    p = sub.add_parser("single-user", parents=[common],
                       help="turn single-user mode on or off (an administrator, with --user)")
    p.add_argument("state", choices=("on", "off"))
    p.set_defaults(func=cmd_single_user)


def add_user_option(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    """--user NAME on the main parser and on every command."""
    help_ = ("act as this user (password from CRM_DESKTOP_PASSWORD or a prompt); needed on "
             "a database where people sign in")
    parser.add_argument("--user", metavar="NAME", default=None, help=help_)
    common.add_argument("--user", metavar="NAME", default=argparse.SUPPRESS, help=help_)


def _password(prompt: str, env: str = PASSWORD_ENV) -> str:
    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise UsageError(f"no password: set {env} or run the command in a terminal")
    try:
        return getpass.getpass(prompt)
    except EOFError:
        raise UsageError("no password was typed") from None


def _mode_of(path: Path) -> str | None:
    """The sign-in mode of a database file, read without changing it (None: not ours)."""
    import sqlite3

    from crm_desktop.db.engine import connect_read_only

    try:
        conn = connect_read_only(path)
    except sqlite3.Error:
        return None
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = 'sign_in'").fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    try:
        return json.loads(row[0]) if row else "single"
    except ValueError:
        return "single"


def _server_mode(url: str) -> str | None:
    """The sign-in mode of a database on a server (None: it cannot be opened; the command
    itself then says why)."""
    from crm_desktop.core import Core
    from crm_desktop.domain.errors import DatabaseError

    try:
        with Core.open(url, create=False) as core:
            return core.auth.mode()
    except DatabaseError:
        return None


@contextmanager
def acting(args: argparse.Namespace) -> Iterator[None]:
    """Run a command as the user it names (or as the single-user database's
    administrator); see the module's docstring."""
    from crm_desktop.core import Core

    name = getattr(args.func, "__name__", "")
    path = _db_path(args)
    username = getattr(args, "user", None)
    server = isinstance(path, str)  # postgresql://... (cli._db_path)
    if name in NO_USER_NEEDED or getattr(args, "list", False) is True or (
            not server and not path.is_file()):
        yield
        return
    mode = _server_mode(path) if server else _mode_of(path)
    if username is None:
        if mode == "users":
            raise UsageError(f"{path} has users who sign in: name one with --user NAME (the "
                             f"password from {PASSWORD_ENV} or a prompt)")
        yield
        return
    user_id = sign_in(path, username, _password(f"Password for {username}: "))
    Core.act_as_in_process(path, user_id)
    try:
        yield
    finally:
        Core.act_as_in_process(path, None)


def sign_in(path: Path, username: str, password: str) -> int:
    """The user's id; SignInFailed with the reason otherwise (audited, with its wait)."""
    from crm_desktop.cli import _read_only
    from crm_desktop.core import Core
    from crm_desktop.domain.errors import SignInRefused

    if not isinstance(path, str) and _read_only(path):
        return _check_read_only(path, username, password)
    try:
        with Core.open(path, create=False) as core:
            return core.auth.sign_in(username, password)
    except SignInRefused as exc:
        raise SignInFailed(f"--user {username}: {exc}") from None


def _check_read_only(path: Path, username: str, password: str) -> int:
    """A read-only file: the password is checked, and nothing can be recorded."""
    from crm_desktop.db.engine import connect_read_only
    from crm_desktop.domain.errors import SignInRefused
    from crm_desktop.services.passwords import verify_dummy, verify_password

    conn = connect_read_only(path)
    try:
        row = conn.execute("SELECT id, password_hash, active FROM users WHERE username = ?",
                           (username.strip().lower(),)).fetchone()
    finally:
        conn.close()
    if row is None:
        verify_dummy(password)
    if row is None or not verify_password(password, row[1]):
        raise SignInFailed(f"--user {username}: {SignInRefused('wrong')}")
    if not row[2]:
        raise SignInFailed(f"--user {username}: {SignInRefused('inactive')}")
    return int(row[0])


# -- commands ------------------------------------------------------------------------------
def cmd_users(args: argparse.Namespace) -> int:
    from crm_desktop.core import Core

    with Core.open(_db_path(args), create=False) as core:
        rows = core.auth.overview()
        mode = core.auth.mode()
    if args.json:
        _say(json.dumps({"mode": mode, "users": [
            {**r, "last_login_at": r["last_login_at"].isoformat() if r["last_login_at"]
             else None} for r in rows]}, ensure_ascii=False, indent=1))
        return EXIT_OK
    print(f"sign-in: {'single-user mode' if mode == 'single' else 'each user signs in'}",
          file=sys.stderr)
    for r in rows:
        last = r["last_login_at"].isoformat(timespec="minutes") if r["last_login_at"] else "-"
        state = "active" if r["active"] else "inactive"
        _say(f"{r['id']}\t{r['username']}\t{r['role']}\t{state}\t{last}\t{r['display_name']}")
    return EXIT_OK


def cmd_user_add(args: argparse.Namespace) -> int:
    from crm_desktop.core import Core
    from crm_desktop.domain.errors import FieldError, ValidationError
    from crm_desktop.services.passwords import password_rule

    env = NEW_PASSWORD_ENV if getattr(args, "user", None) else PASSWORD_ENV
    if os.environ.get(env) is not None:
        password = os.environ[env]
    else:
        password = _password(f"Password for the new user {args.name}: ", env)
        if os.environ.get(env) is None and _password("The same password again: ",
                                                     env) != password:
            raise ValidationError(FieldError("password_again", "password.mismatch"))
    password_rule(password)
    with Core.open(_db_path(args), create=False) as core:
        uid = core.users.create({"username": args.name, "role": args.role,
                                 "display_name": args.display_name or args.name})
        core.auth.reset_password(uid, password)
    _say(f"user {args.name.strip().lower()} added ({args.role}, id {uid})")
    return EXIT_OK


def cmd_single_user(args: argparse.Namespace) -> int:
    from crm_desktop.core import Core

    if getattr(args, "user", None) is None:
        raise UsageError("single-user needs --user ADMIN (an administrator's name; the "
                         f"password from {PASSWORD_ENV} or a prompt)")
    with Core.open(_db_path(args), create=False) as core:
        core.auth.set_single_user(args.state == "on")
    _say(f"single-user mode {args.state}: {_db_path(args)}")
    return EXIT_OK
