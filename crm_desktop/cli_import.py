"""`crm-desktop import`: contacts, companies or products from an Excel, ODS or CSV file, and
undoing the last import (registered in cli.py through `add_parsers`).

    crm-desktop import KIND FILE --db PATH [--sheet NAME]
        [--on-duplicate skip|update|overwrite|create] [--tags T1,T2] [--list ID]
        [--dry-run] [--json] [--lang fa|en]
    crm-desktop import undo --db PATH [--json]

KIND is contacts, companies or products. The columns are mapped by their headers as the
program's import wizard maps them (a mapping remembered for the same headers first). The
database is created when the file does not exist, as every command does. JSON:
{"header_row": N (1-based row of the sheet), "valid": N (rows that would create or update
a record), "created": N, "updated": N, "duplicates": N (rows matching an existing record
or an earlier row of the file), "errors": [{"row": N, "field": NAME or null, "message":
TEXT}]}, messages in --lang; with --dry-run nothing is written and created/updated are 0.
An unreadable or empty file, an unknown sheet or a file with no recognisable header exits
with 2 and one line naming the problem. `import undo` undoes the newest import not undone
yet (as "Undo last import" in the program does), or exits with 2 saying why not.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from crm_desktop.cli import EXIT_OK, UsageError, _db_path, _say

KINDS = ("contacts", "companies", "products")
UNDO = "undo"
#: how many errors the summary without --json lists (the JSON has them all)
SHOWN_ERRORS = 20
_TAG_SEPARATORS = re.compile(r"[,،]")


def add_parsers(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "import", parents=[common],
        help="import contacts, companies or products from an Excel, ODS or CSV file; "
             "'import undo' undoes the last import",
        description="Read FILE, check every row as the program's editors do, find "
                    "duplicates, and write the rows in one transaction (or, with "
                    "--dry-run, only say what would be written).")
    p.add_argument("kind", metavar="KIND", choices=(*KINDS, UNDO),
                   help="contacts, companies or products; or undo (the last import)")
    p.add_argument("file", metavar="FILE", nargs="?", default=None,
                   help=".xlsx, .xls, .ods or .csv (any encoding, comma, semicolon or tab)")
    p.add_argument("--sheet", metavar="NAME", default=None,
                   help="the sheet to read (default: the first one with data)")
    p.add_argument("--on-duplicate", choices=("skip", "update", "overwrite", "create"),
                   default="skip",
                   help="a row matching a record (mobile, national code, e-mail; SKU for "
                        "products): skip it, update the record's empty fields, overwrite "
                        "them, or create a record anyway (default: skip)")
    p.add_argument("--tags", metavar="T1,T2", default=None,
                   help="tags given to every imported contact")
    p.add_argument("--list", metavar="ID", default=None, dest="list_id",
                   help="a static marketing list every imported contact joins")
    p.add_argument("--dry-run", action="store_true", help="check only; write nothing")
    p.add_argument("--json", action="store_true")
    p.add_argument("--lang", choices=("fa", "en"), default="fa",
                   help="language of the messages about the file and its rows (default: fa)")
    p.set_defaults(func=cmd_import)


def parse_tags(text: str | None) -> list[str]:
    return [t.strip() for t in _TAG_SEPARATORS.split(text)] if text else []


def parse_list(text: str | None) -> int | None:
    """`--list` as typed (Latin or Persian digits) -> a list id; UsageError otherwise."""
    from crm_desktop.services.fields import is_id
    from crm_desktop.text.digits import strip_bidi, to_ascii_digits

    if text is None:
        return None
    digits = to_ascii_digits(strip_bidi(text)).strip()
    list_id = int(digits) if digits.isascii() and digits.isdigit() and len(digits) < 20 else 0
    if not is_id(list_id):
        raise UsageError(f"--list {text!r} is not a list id (a whole number such as 2)")
    return list_id


def cmd_import(args: argparse.Namespace) -> int:
    if args.kind == UNDO:
        if args.file is not None:
            raise UsageError(f"'import undo' takes no FILE (got {args.file!r})")
        return _undo(args)
    if args.file is None:
        raise UsageError(f"FILE is missing: crm-desktop import {args.kind} FILE --db PATH")
    from crm_desktop.core import Core
    from crm_desktop.domain.errors import ValidationError
    from crm_desktop.imports import ImportFileError, read_sheet
    from crm_desktop.services.imports.model import ImportOptions, OnDuplicate

    tags = parse_tags(args.tags)
    list_id = parse_list(args.list_id)
    if args.kind != "contacts" and (tags or list_id is not None):
        raise UsageError("--tags and --list are for contacts only")
    try:
        sheet = read_sheet(Path(args.file), sheet=args.sheet)
    except ImportFileError as exc:
        raise UsageError(f"{args.file}: {exc.message(args.lang)}") from None
    options = ImportOptions(OnDuplicate(args.on_duplicate), tags=tags, list_id=list_id)
    with Core.open(_db_path(args)) as core:
        plan = core.imports.plan(args.kind, sheet, core.imports.mapping(args.kind,
                                                                         sheet.headers))
        counts = plan.counts(options)
        created = updated = 0
        if not args.dry_run:
            try:
                batch = core.imports.run(plan, options)
            except ValidationError as exc:
                raise UsageError(exc.message(args.lang).replace("\n", "; ")) from None
            created, updated = batch.created, batch.updated
    report: dict[str, Any] = {
        "header_row": plan.header_row, "valid": counts.new + counts.updates,
        "created": created, "updated": updated, "duplicates": counts.duplicates,
        "errors": [{"row": e.row, "field": e.field, "message": e.message(args.lang)}
                   for e in plan.errors],
    }
    if args.json:
        _say(json.dumps(report, ensure_ascii=False, indent=1))
        return EXIT_OK
    _summary(args, report, counts)
    return EXIT_OK


def _summary(args: argparse.Namespace, report: dict[str, Any], counts: Any) -> None:
    rows = len({e["row"] for e in report["errors"]})
    _say(f"{args.file}: header on row {report['header_row']}; {report['valid']:,} rows "
         f"valid, {counts.duplicates:,} duplicates ({counts.skipped:,} skipped), "
         f"{rows:,} rows with errors")
    if args.dry_run:
        _say(f"dry run, nothing written: {counts.new:,} {args.kind} would be created, "
             f"{counts.updates:,} updated")
    else:
        _say(f"{report['created']:,} {args.kind} created, {report['updated']:,} updated")
    for error in report["errors"][:SHOWN_ERRORS]:
        _say(f"  row {error['row']}: {error['message']}")
    if len(report["errors"]) > SHOWN_ERRORS:
        print(f"crm-desktop: {len(report['errors']) - SHOWN_ERRORS:,} more errors; "
              "--json lists them all", file=sys.stderr)


def _undo(args: argparse.Namespace) -> int:
    from crm_desktop.core import Core
    from crm_desktop.domain.errors import ValidationError

    with Core.open(_db_path(args), create=False) as core:
        try:
            batch = core.imports.undo_last()
        except ValidationError as exc:
            raise UsageError(exc.message(args.lang)) from None
    if args.json:
        _say(json.dumps({"batch": batch.id, "kind": batch.kind, "file": batch.file_name,
                         "created": batch.created, "updated": batch.updated},
                        ensure_ascii=False, indent=1))
    else:
        _say(f"undone: the import of {batch.file_name} ({batch.kind}: {batch.created:,} "
             f"created records removed, {batch.updated:,} updated ones put back)")
    return EXIT_OK
