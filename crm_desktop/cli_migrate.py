"""`crm-desktop migrate --db SRC --to DEST`: copy a database file into an empty PostgreSQL
database, or a server database into a new file (services/transfer.py does the work).
Registered in cli.py through `add_parsers`.

    crm-desktop migrate --db shop.sqlite3 --to postgresql://crm@server:5432/shop
    crm-desktop migrate --db postgresql://crm@server/shop --to branch.sqlite3

Prints its progress, the time the copy took, then one line per table (rows and checksum on
both sides) and OK, or which tables differ (exit 1). The source is only read; a target
that is not empty is refused before anything is written (exit 2)."""

from __future__ import annotations

import argparse
import sys

from crm_desktop.cli import EXIT_DAMAGED, EXIT_OK, UsageError, _db_path, _say


def add_parsers(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "migrate", parents=[common],
        help="copy the database into an empty PostgreSQL database (or a server database "
             "into a new file), then compare them",
        description="Copy every table of --db into the empty database --to (a file into "
                    "postgresql://USER@HOST:PORT/NAME, or back into a new file), then "
                    "compare row counts and a checksum per table. --db is only read.")
    p.add_argument("--to", metavar="TARGET", required=True,
                   help="postgresql://USER@HOST:PORT/NAME (an empty database) or a new file")
    p.set_defaults(func=cmd_migrate)


def _progress(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def cmd_migrate(args: argparse.Namespace) -> int:
    from crm_desktop.services.transfer import migrate

    if not getattr(args, "db", None):
        raise UsageError("--db is required: the database to copy")
    if "\0" in args.to:
        raise UsageError("--to: a path cannot contain a NUL character")
    report = migrate(_db_path(args), args.to, progress=_progress)
    rate = report.copied_rows / report.copy_seconds if report.copy_seconds else 0
    _say(f"copied {report.copied_rows:,} rows from {report.source} to {report.target} in "
         f"{report.copy_seconds:.1f} s ({rate:,.0f} rows/s); compared in "
         f"{report.check_seconds:.1f} s")
    _say(f"{'table':<22}{'rows (source)':>14}{'rows (target)':>14}  "
         f"{'checksum (source)':<18}{'checksum (target)':<18}")
    for t in report.tables:
        mark = "" if t.ok else "  DIFFERS"
        _say(f"{t.table:<22}{t.source_rows:>14,}{t.target_rows:>14,}  "
             f"{t.source_sum:<18}{t.target_sum:<18}{mark}")
    if report.ok:
        _say(f"OK: {len(report.tables)} tables, the same rows on both sides")
        return EXIT_OK
    _say("DIFFERENT: " + ", ".join(report.differing))
    return EXIT_DAMAGED
