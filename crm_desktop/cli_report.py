"""`crm-desktop report NAME FILE --db PATH --period P [--owner ID]`: one report to an Excel
(.xlsx) or PDF (.pdf) file; `crm-desktop report --list`: the reports' names and titles.
Registered in cli.py through `add_parsers`.

Only reads: the database is opened read-only. Bad input (a report name, a period, a
suffix, an owner, a filter) exits with 2 and one line.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from crm_desktop.cli import EXIT_OK, UsageError, _db_path, _say

SUFFIXES = (".xlsx", ".pdf")


def add_parsers(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "report", parents=[common],
        help="write a report (a table with its total, and its chart in a PDF) to an Excel "
             "(.xlsx) or PDF (.pdf) file; --list names the reports",
        description="Write report NAME for the period P to FILE. Reads the database only.")
    p.add_argument("name", metavar="NAME", nargs="?", help="a report ('report --list')")
    p.add_argument("file", metavar="FILE", nargs="?", help="ends in .xlsx or .pdf")
    p.add_argument("--list", action="store_true", help="print the reports' names and titles")
    p.add_argument("--period", metavar="P",
                   help="1405 (a year), 1405-Q3, 1405-07 or 1405-07-01..1405-09-30 "
                        "(Jalali; Latin or Persian digits)")
    p.add_argument("--owner", metavar="ID", type=_owner_id, default=None,
                   help="only this user's records (a user id)")
    p.add_argument("--filter", metavar="KEY=VALUE", action="append", default=[],
                   help="one of the report's own filters, e.g. source=instagram (repeat for "
                        "more; 'report NAME --filter help' lists them)")
    p.add_argument("--lang", choices=("fa", "en"), default="fa",
                   help="language of the titles and names (default: fa, right to left)")
    p.set_defaults(func=cmd_report)


def _owner_id(text: str) -> int:
    from crm_desktop.text.digits import to_ascii_digits

    value = to_ascii_digits(text.strip())
    if not value.isdigit() or not 0 < int(value) < 2**63:
        raise argparse.ArgumentTypeError(f"{text!r} is not a user id (a whole number)")
    return int(value)


def cmd_report(args: argparse.Namespace) -> int:
    from crm_desktop.services.reports import REPORTS, report_def

    if args.list:
        if args.name or args.file:
            raise UsageError("--list takes no NAME or FILE")
        for r in REPORTS:
            _say(f"{r.name}\t{r.title_en}\t{r.title_fa}")
        return EXIT_OK
    if not args.name:
        raise UsageError("a report NAME is required (see 'crm-desktop report --list')")
    names = ", ".join(r.name for r in REPORTS)
    try:
        definition = report_def(args.name)
    except Exception:
        raise UsageError(f"there is no report {args.name!r}; the reports are: {names}"
                         ) from None
    if args.filter == ["help"]:
        _say(f"filters of {definition.name}: " + (", ".join(
            f"{flt.key}={'|'.join(flt.choices)}" for flt in definition.filters) or "none")
             + " (and --owner ID)")
        return EXIT_OK
    if not args.file:
        raise UsageError("FILE is required: where to write the report (.xlsx or .pdf)")
    dest = Path(args.file)
    if dest.suffix.lower() not in SUFFIXES:
        raise UsageError(f"FILE must end in {' or '.join(SUFFIXES)}, not {dest.name!r}")
    if dest.is_dir():
        raise UsageError(f"FILE: {dest} is a folder; give a file name")
    if not dest.parent.is_dir():
        raise UsageError(f"FILE: the folder {dest.parent} does not exist")
    period = _period(args.period)
    filters = _filters(args.filter)
    written = _write(args, definition.name, period, filters, dest)
    _say(f"{definition.name} ({period.code()}): {written:,} rows written to {dest}")
    return EXIT_OK


def _period(text: str | None) -> Any:
    from crm_desktop.domain.periods import parse_period
    from crm_desktop.text.messages import field_message
    from crm_desktop.text.validate import InvalidValue

    if not text:
        raise UsageError("--period is required, e.g. --period 1405-07 "
                         "(a year, 1405-Q3, a month, or 1405-07-01..1405-09-30)")
    try:
        return parse_period(text)
    except InvalidValue as exc:
        raise UsageError(f"--period {text!r}: " + field_message("period", exc.code)
                         .split(": ", 1)[1].rstrip(".")) from None


def _filters(pairs: list[str]) -> dict[str, str]:
    filters: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"--filter {pair!r}: write it as KEY=VALUE, e.g. source=instagram")
        filters[key.strip()] = value.strip()
    return filters


def _write(args: argparse.Namespace, name: str, period: object, filters: dict[str, str],
           dest: Path) -> int:
    from crm_desktop.core import Core
    from crm_desktop.db.migrate import open_read_only
    from crm_desktop.domain.errors import PermissionDenied, ValidationError
    from crm_desktop.domain.permissions import Perm
    from crm_desktop.services.reports import ReportService

    with Core(open_read_only(_db_path(args)), None) as core:
        try:
            core.access.require(Perm.EXPORT)
            report = ReportService(core.db, core.actor_id).run(
                name, period, owner_id=args.owner, lang=args.lang,  # type: ignore[arg-type]
                **filters)
        except PermissionDenied as exc:
            raise UsageError(exc.message("en")) from None
        except ValidationError as exc:
            raise UsageError(_problem(exc, args, name, filters)) from None
    try:
        if dest.suffix.lower() == ".pdf":
            from crm_desktop.export.pdf.report import write_report_pdf

            return write_report_pdf(report, dest)
        from crm_desktop.export.xlsx import write_xlsx

        return write_xlsx(report.table, dest)
    except ValidationError as exc:
        raise UsageError(_problem(exc, args, name, filters)) from None
    except OSError as exc:
        raise UsageError(f"cannot write {dest}: {exc.strerror or exc}") from None


def _problem(exc: Any, args: argparse.Namespace, name: str, filters: dict[str, str]) -> str:
    """A validation error as one line naming the option at fault."""
    from crm_desktop.services.reports import report_def

    choices = {flt.key: flt.choices for flt in report_def(name).filters}
    parts = []
    for e in exc.errors:
        if e.field == "owner_id":
            parts.append(f"--owner {args.owner}: there is no such user")
        elif e.field in choices:
            parts.append(f"--filter {e.field}={filters.get(e.field)!r}: not one of "
                         + "|".join(choices[e.field]))
        elif e.code == "unknown_field":
            parts.append(f"--filter {e.field}: {name} has no such filter (its filters: "
                         f"{', '.join(choices) or 'none'})")
        else:
            option = {"period": "--period", "file": "FILE"}.get(e.field, e.field)
            parts.append(f"{option}: {e.message('en').split(': ', 1)[-1].rstrip('.')}")
    return "; ".join(parts)
