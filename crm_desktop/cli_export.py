"""`crm-desktop export KIND FILE --db PATH [--filter KEY=VALUE ...]`: a list (every column,
its default order, the filters given) to an Excel (.xlsx) or CSV (.csv) file. Registered
in cli.py through `add_parsers`.

Only reads: the database is opened read-only (no migration, no lock for writing), so a
backup or a file on a read-only share can be exported too. Bad input (a kind, a suffix,
a filter or its value) exits with 2 and one line.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from crm_desktop.cli import EXIT_OK, UsageError, _db_path, _say

SUFFIXES = (".xlsx", ".csv")


def add_parsers(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    from crm_desktop.services.export_kinds import CLI_KINDS

    p = sub.add_parser(
        "export", parents=[common],
        help="write a list (every column) to an Excel (.xlsx) or CSV (.csv) file",
        description="Write a list to FILE: every column, in the list's default order, "
                    "only the rows its --filter options select. Reads the database only.")
    p.add_argument("kind", metavar="KIND", choices=CLI_KINDS,
                   help="one of " + ", ".join(CLI_KINDS))
    p.add_argument("file", metavar="FILE", help="ends in .xlsx or .csv")
    p.add_argument("--filter", metavar="KEY=VALUE", action="append", default=[],
                   help="a list filter, e.g. city=تهران, owner_id=2, lifecycle_stage=customer "
                        "(repeat for more; 'export KIND --filter help' lists them)")
    p.add_argument("--lang", choices=("fa", "en"), default="fa",
                   help="language of the titles and names, and the sheet's direction "
                        "(default: fa, right to left)")
    p.set_defaults(func=cmd_export)


def cmd_export(args: argparse.Namespace) -> int:
    from crm_desktop.core import Core
    from crm_desktop.db.migrate import open_read_only
    from crm_desktop.domain.errors import PermissionDenied, ValidationError
    from crm_desktop.export.files import write_table
    from crm_desktop.services.base import ListQuery
    from crm_desktop.services.exports import FILTERS, ExportService

    dest = Path(args.file)
    if dest.suffix.lower() not in SUFFIXES:
        raise UsageError(f"FILE must end in {' or '.join(SUFFIXES)}, not {dest.name!r}")
    if args.filter == ["help"]:
        _say(f"filters of {args.kind}: " + ", ".join(FILTERS[args.kind]))
        return EXIT_OK
    for pair in args.filter:
        if "=" not in pair or not pair.partition("=")[0].strip():
            raise UsageError(f"--filter {pair!r}: write it as KEY=VALUE, e.g. city=تهران")
    if dest.is_dir():
        raise UsageError(f"FILE: {dest} is a folder; give a file name")
    if not dest.parent.is_dir():
        raise UsageError(f"FILE: the folder {dest.parent} does not exist")
    with Core(open_read_only(_db_path(args)), None) as core:
        exports = ExportService(core.db, core.actor_id)
        try:
            filters = exports.parse_filters(args.kind, args.filter)
            table = exports.table(args.kind, ListQuery(filters=filters), None, args.lang)
            written = write_table(table, dest)
        except ValidationError as exc:
            raise UsageError(_problems(exc, args.kind, FILTERS[args.kind])) from None
        except PermissionDenied as exc:  # the acting user's role may not export
            raise UsageError(exc.message("en")) from None
        except OSError as exc:
            raise UsageError(f"cannot write {dest}: {exc.strerror or exc}") from None
    _say(f"{written:,} {args.kind} written to {dest}")
    if written == 0:
        print("crm-desktop: no rows matched; the file has the header only", file=sys.stderr)
    return EXIT_OK


def _problems(exc: Exception, kind: str, filters: object) -> str:
    """A validation error as one line that names the --filter at fault."""
    parts = []
    for error in getattr(exc, "errors", []):
        if error.code == "unknown_field":
            parts.append(f"--filter {error.field}: {kind} have no such filter (they have: "
                         f"{', '.join(filters)})")  # type: ignore[call-overload]
        elif error.field in filters:  # type: ignore[operator]
            parts.append(f"--filter {error.field}: {error.message('en').rstrip('.')}")
        else:
            parts.append(error.message("en").rstrip("."))
    return "; ".join(parts)
