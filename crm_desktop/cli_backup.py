"""`crm-desktop backup`, `restore` and `backups` (the rest of the command line is in
cli.py, which registers these through `add_parsers`).

    crm-desktop backup --db PATH DEST [--encrypt] [--passphrase-env VAR] [--force]
    crm-desktop restore SRC --db PATH [--passphrase-env VAR]
    crm-desktop backups --db PATH [--json]

`backup` writes a copy of the database to DEST (a file, or a folder for a dated file),
verifies it (integrity check, application id, schema revision, row counts equal to the
database's at the moment of the copy), says so, and records it in the database; a failed
verification deletes the file and exits 1. With --encrypt the copy is encrypted with a
passphrase read from the environment variable VAR, or asked for twice when there is none.
`restore` shows what the backup holds first (date, schema, counts, size), keeps the
current database as a dated copy, then replaces it (an older backup is upgraded).
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path

from crm_desktop.cli import (
    EXIT_DAMAGED,
    EXIT_OK,
    UsageError,
    _core_for_reading,
    _db_path,
    _read_only,
    _say,
)
from crm_desktop.db.location import is_server


def add_parsers(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("backup", parents=[common],
                       help="copy the database to DEST and verify the copy")
    p.add_argument("dest", metavar="DEST", help="a file name, or a folder for a dated file")
    p.add_argument("--force", action="store_true", help="replace DEST if it exists")
    p.add_argument("--encrypt", action="store_true",
                   help="encrypt the copy with a passphrase (asked for, or --passphrase-env)")
    p.add_argument("--passphrase-env", metavar="VAR", default=None,
                   help="read the passphrase from this environment variable (implies "
                        "--encrypt)")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", parents=[common],
                       help="replace the database with a backup (shows it first)")
    p.add_argument("src", metavar="SRC")
    p.add_argument("--passphrase-env", metavar="VAR", default=None,
                   help="the passphrase of an encrypted backup, from this environment "
                        "variable (asked for when there is none)")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("backups", parents=[common], help="the backups recorded, newest first")
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=int, default=50, metavar="N")
    p.set_defaults(func=cmd_backups)


def _passphrase(var: str | None, *, twice: bool) -> str:
    if var:
        value = os.environ.get(var)
        if not value:
            raise UsageError(f"the environment variable {var} is not set or empty")
        return value
    if not sys.stdin.isatty():
        raise UsageError("a passphrase is needed: give it with --passphrase-env VAR")
    first = getpass.getpass("passphrase: ")
    if not first:
        raise UsageError("the passphrase cannot be empty")
    if twice and getpass.getpass("passphrase again: ") != first:
        raise UsageError("the two passphrases differ")
    return first


def cmd_backup(args: argparse.Namespace) -> int:
    from crm_desktop.core import Core
    from crm_desktop.services.backups import backup_target, write_verified

    db = _db_path(args)
    encrypt = args.encrypt or bool(args.passphrase_env)
    passphrase = _passphrase(args.passphrase_env, twice=True) if encrypt else None
    if _read_only(db):
        # nothing can be recorded in a read-only database: the copy is still verified
        target = backup_target(db.expanduser().absolute(), Path(args.dest), encrypt,
                               args.force)
        written = write_verified(db.expanduser().absolute(), target, passphrase)
        ok, path, detail, counts = written.ok, written.path, written.detail, written.counts
        print(f"crm-desktop: {db} is read-only: the backup was not recorded in it",
              file=sys.stderr)
    else:
        with Core.open(db, create=False) as core:
            result = core.backups.make("cli", Path(args.dest), passphrase, encrypt=encrypt,
                                       overwrite=args.force)
        ok, path, detail, counts = result.ok, result.path, result.detail, result.counts
    if not ok:
        print(f"crm-desktop: the backup failed its verification and was deleted: {detail}",
              file=sys.stderr)
        return EXIT_DAMAGED
    rows = sum(counts.values())
    _say(f"backup written: {path}")
    _say(f"verified: integrity ok, {len(counts)} tables, {rows:,} rows as in the database"
         + (", encrypted" if encrypt else ""))
    return EXIT_OK


def _show(info) -> None:  # type: ignore[no-untyped-def]
    from crm_desktop.domain import clock

    state = {"current": "current", "older": "older: upgraded when restored",
             "newer": "newer than this program", "unknown": "unknown"}[info.schema_state]
    _say(f"backup: {info.path}")
    _say(f"made: {clock.local(info.made_at):%Y-%m-%d %H:%M:%S} ({clock.business_tz().key})")
    _say(f"size: {info.size:,} bytes{' (encrypted)' if info.encrypted else ''}")
    _say(f"schema: {info.schema_revision} ({state})")
    for name, n in info.counts.items():
        _say(f"  {name:<18}{n:>10,}")


def cmd_restore(args: argparse.Namespace) -> int:
    from crm_desktop.db.migrate import check_ours
    from crm_desktop.services import backup_crypto, maintenance
    from crm_desktop.services.backup_files import inspect_backup

    src = Path(args.src)
    if is_server(_db_path(args)):
        from crm_desktop.db.location import parse_location
        from crm_desktop.services.backup_pg import restore_command

        raise UsageError(
            "a database on a server is restored by its administrator, while no desk is "
            "working on it, with PostgreSQL's own tool: "
            + restore_command(parse_location(_db_path(args)), src))
    passphrase = None
    if backup_crypto.is_encrypted(src):
        passphrase = _passphrase(args.passphrase_env, twice=False)
    target = _db_path(args).expanduser().absolute()
    info = inspect_backup(src, passphrase, temp_dir=target.parent)
    _show(info)
    if not info.ok:
        raise UsageError(f"{src} was not restored: {'; '.join(info.problems[:3])}")
    if target.is_file() and target.stat().st_size > 0 and check_ours(target) is not None \
            and not _read_only(target):
        with _core_for_reading(target) as core:
            core.backups.require_restore()  # administrators only
    kept = maintenance.restore(src, target, passphrase)
    _say(f"restored {target} from {args.src}")
    if kept:
        _say(f"the previous database was kept as {kept}")
    return EXIT_OK


def cmd_backups(args: argparse.Namespace) -> int:
    from crm_desktop.domain import clock

    if args.limit < 1:
        raise UsageError("--limit must be at least 1")
    with _core_for_reading(_db_path(args), "reading it without changing it") as core:
        rows = core.backups.history(args.limit)
    if args.json:
        out = [{**r, "at": r["at"].isoformat(timespec="seconds")} for r in rows]
        _say(json.dumps(out, ensure_ascii=False, indent=1))
        return EXIT_OK
    for r in rows:
        state = "ok" if r["ok"] else f"FAILED: {r['detail']}"
        _say(f"{clock.local(r['at']):%Y-%m-%d %H:%M}\t{r['kind']}\t{state}\t{r['size']:,}\t"
             f"{'encrypted' if r['encrypted'] else 'plain'}\t{r['path']}")
    if not rows:
        print("no backups recorded", file=sys.stderr)
    return EXIT_OK
