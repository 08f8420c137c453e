"""Entry point: the window by default, sub-commands for scripting and support.

    crm-desktop [--db PATH | --demo]            open the program
    crm-desktop demo --db PATH [--contacts N] [--seed S]
    crm-desktop search TEXT --db PATH [--limit N] [--json]
    crm-desktop check --db PATH [--json]
    crm-desktop backup --db PATH DEST [--encrypt] [--passphrase-env VAR]   verified copy
    crm-desktop restore SRC --db PATH [--passphrase-env VAR]   shows the backup, then restores
    crm-desktop backups --db PATH [--json]      the backups recorded
    crm-desktop proforma list --db PATH [--json]
    crm-desktop proforma pdf NUMBER FILE --db PATH [--unit rial|toman]
    crm-desktop agenda --db PATH [--date YYYY-MM-DD] [--json] [--pdf FILE]
    crm-desktop campaign list --db PATH [--json]
    crm-desktop segments --db PATH [--json]
    crm-desktop outbox --db PATH [--json]       outbox rows per status
    crm-desktop outbox send --db PATH [--json]  send what is due (exit 0: all of it sent)
    crm-desktop export KIND FILE --db PATH [--filter KEY=VALUE ...] [--lang fa|en]
    crm-desktop import KIND FILE --db PATH [--on-duplicate ...] [--dry-run] [--json]
    crm-desktop import undo --db PATH           undo the last import
    crm-desktop report NAME FILE --db PATH --period P [--owner ID] [--filter KEY=VALUE ...]
    crm-desktop report --list                   the reports' names and titles
    crm-desktop kpi --db PATH --period P [--owner ID] [--json]   the KPIs of a period
    crm-desktop automation run --db PATH [--dry-run] [--json]   run the automation rules
    crm-desktop automation replies FILE --db PATH [--json]   satisfaction scores from SMS replies
    crm-desktop club --db PATH [--json]         club members per tier, points outstanding
    crm-desktop users --db PATH [--json]        the users (administrators only)
    crm-desktop user add NAME --role ROLE --db PATH [--display-name TEXT]
    crm-desktop single-user on|off --db PATH --user ADMIN
    crm-desktop --user NAME COMMAND ...         act as a user (see cli_users.py)
    crm-desktop audit --db PATH [--entity E] [--since DATE] [--by NAME] [--json]   the audit log
    crm-desktop migrate --db SRC --to DEST      a file into an empty PostgreSQL database, or back

Bad input gives one clear line on stderr and a non-zero exit; never a traceback.
"""

from __future__ import annotations

import argparse
import errno
import json
import logging
import os
import re
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from crm_desktop import __version__, config
from crm_desktop.db.location import is_server, parse_location
from crm_desktop.domain.errors import CrmError
from crm_desktop.logging_setup import setup_logging

if TYPE_CHECKING:
    from crm_desktop.core import Core
    from crm_desktop.db.migrate import UpgradeStep

log = logging.getLogger(__name__)

EXIT_OK, EXIT_DAMAGED, EXIT_USAGE, EXIT_UNEXPECTED = 0, 1, 2, 70
#: `outbox send`: something is still unsent (failed, to retry later, or no delivery for it)
EXIT_NOT_ALL_SENT = 3
#: --user was refused (cli_users.py)
EXIT_SIGN_IN = 4
DEFAULT_DEMO_CONTACTS = 2000


class UsageError(Exception):
    """Bad command-line input; the message is printed as is."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


#: arguments that name a file or folder, checked before any command runs
PATH_ARGS = {"db": "--db", "to": "--to", "src": "SRC", "dest": "DEST", "dir": "DIR", "file": "FILE",
             "pdf": "--pdf"}


def _check_paths(args: argparse.Namespace) -> None:
    """A path the system cannot even look up (too long, a NUL in it) is bad input."""
    for attr, name in PATH_ARGS.items():
        value = getattr(args, attr, None)
        if not isinstance(value, str):
            continue
        if "\0" in value:
            raise UsageError(f"{name}: a path cannot contain a NUL character")
        try:
            os.stat(value)
        except OSError as exc:
            if exc.errno == errno.ENAMETOOLONG:
                raise UsageError(f"{name}: the path is too long ({len(value):,} characters; "
                                 "the system allows far fewer)") from None
        except ValueError as exc:  # e.g. a lone surrogate the file system cannot encode
            raise UsageError(f"{name}: not a usable path ({exc})") from None


def _read_only(path: Path) -> bool:
    """An existing database file that cannot be written (the file or its folder); a
    server database (a postgresql:// str) is not a file: False."""
    if not isinstance(path, Path):
        return False
    path = path.expanduser().absolute()
    return path.is_file() and not (os.access(path, os.W_OK)
                                   and os.access(path.parent, os.W_OK))


def _db_path(args: argparse.Namespace) -> Path:
    """The database --db names (a file; a postgresql:// address is kept as typed, as a
    str, for Core.open), else the default file."""
    if args.db and is_server(args.db):
        return args.db  # type: ignore[return-value]
    return Path(args.db) if args.db else config.default_db_path()


def _core_for_reading(path: Path, notice: str | None = None) -> Core:
    """The database of a command that only reads: a read-only file is opened read-only and
    left as it is (`notice` is said on stderr then), any other opened as usual."""
    from crm_desktop.core import Core

    if _read_only(path):
        from crm_desktop.db.migrate import open_read_only

        if notice:
            print(f"crm-desktop: {path} is read-only; {notice}", file=sys.stderr)
        return Core(open_read_only(path), None)
    return Core.open(path, create=False)


def _say(line: str = "") -> None:
    print(line, flush=True)


# -- commands ------------------------------------------------------------------------------
def cmd_demo(args: argparse.Namespace) -> int:
    from crm_desktop.core import Core
    from crm_desktop.services.demo import generate

    if args.contacts < 1 or args.contacts > 2_000_000:
        raise UsageError("--contacts must be between 1 and 2,000,000")
    path = _db_path(args)
    started = time.perf_counter()
    progress = lambda step: print(f"  {step} ...", file=sys.stderr)  # noqa: E731
    if is_server(path):  # made in a file, then copied in (services/demo_server.py)
        from crm_desktop.services.demo_server import generate_on_server

        counts = generate_on_server(path, args.contacts, args.seed, progress=progress)
    else:
        with Core.open(path) as core:
            counts = generate(core.db, args.contacts, args.seed, progress=progress)
    took = time.perf_counter() - started
    summary = ", ".join(f"{n:,} {name}" for name, n in counts.items())
    where = parse_location(path).display() if is_server(path) else path  # (no password)
    _say(f"demo database {where}: {summary} ({took:.1f} s)")
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:

    if args.limit < 1:
        raise UsageError("--limit must be at least 1")
    with _core_for_reading(_db_path(args), "searching it without changing it") as core:
        hits = core.search.search(args.text, limit=args.limit)
    if args.json:
        _say(json.dumps([h.as_json() for h in hits], ensure_ascii=False, indent=1))
    else:
        for h in hits:
            _say(f"{h.kind}\t{h.id}\t{h.title}\t{h.subtitle}")
        if not hits:
            print("no matches", file=sys.stderr)
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from crm_desktop.services.maintenance import check

    report = check(_db_path(args))
    if report.read_only:
        print(f"crm-desktop: {_db_path(args)} is read-only; it was checked without changing "
              "it (the search-index check needs write access and was skipped)", file=sys.stderr)
    if args.json:
        _say(json.dumps(report.as_json(), ensure_ascii=False, indent=1))
    else:
        state = "current" if report.schema_current else "older: upgraded when opened"
        shown = parse_location(args.db).display() if is_server(args.db) else _db_path(args)
        _say(f"{'OK' if report.ok else 'DAMAGED'}: {shown}")
        _say(f"schema {report.schema} ({state})")
        for name, n in report.counts.items():
            extra = f" (+{report.trash[name]:,} in trash)" if report.trash.get(name) else ""
            _say(f"  {name:<18}{n:>10,}{extra}")
        for problem in report.problems:
            _say(f"problem: {problem}")
    return EXIT_OK if report.ok else EXIT_DAMAGED


def cmd_proforma_list(args: argparse.Namespace) -> int:
    from crm_desktop.core import Core
    from crm_desktop.services.base import ListQuery, Sort
    from crm_desktop.text.jalali import format_jalali
    from crm_desktop.text.money import format_money

    rows: list[dict] = []
    with Core.open(_db_path(args), create=False) as core:
        unit = core.settings.display_unit
        query = ListQuery(sort=Sort("number"), limit=1000)
        while True:
            page = core.proformas.list(query)
            rows += page.rows
            if page.next_cursor is None:
                break
            query = ListQuery(sort=Sort("number"), limit=1000, after=page.next_cursor)
    if args.json:
        out = [{"number": r["number"], "status": r["effective_status"], "buyer": r["buyer"],
                "total_rial": r["total_rial"], "issued": r["issue_date"].isoformat()}
               for r in rows]
        _say(json.dumps(out, ensure_ascii=False, indent=1))
    else:
        for r in rows:
            total = format_money(r["total_rial"], unit, persian=False)
            _say(f"{r['number']}\t{format_jalali(r['issue_date'], persian=False)}\t"
                 f"{r['effective_status']}\t{total}\t{r['buyer'] or ''}")
        if not rows:
            print("no proformas", file=sys.stderr)
    return EXIT_OK


def cmd_proforma_pdf(args: argparse.Namespace) -> int:
    from crm_desktop.core import Core
    from crm_desktop.domain.errors import NotFoundError, ValidationError
    from crm_desktop.export.pdf.proforma import render_proforma

    with Core.open(_db_path(args), create=False) as core:
        try:
            pid = core.proformas.find_by_number(args.number)
        except ValidationError:
            raise UsageError(f"{args.number!r} is not a proforma number "
                             "(it looks like 1405-0001)") from None
        except NotFoundError:
            raise UsageError(f"no proforma numbered {args.number} in {_db_path(args)} "
                             "(see 'crm-desktop proforma list')") from None
        number = core.proformas.get(pid)["number"]
        dest = Path(args.file)
        try:
            render_proforma(core.proformas.document(pid, args.unit), dest)
        except OSError as exc:
            raise UsageError(f"cannot write {dest}: {exc.strerror or exc}") from None
    _say(f"proforma {number} written: {dest}")
    return EXIT_OK


def cmd_agenda(args: argparse.Namespace) -> int:
    from crm_desktop.core import Core
    from crm_desktop.domain import clock
    from crm_desktop.services.agenda import agenda
    from crm_desktop.services.recurrence import local

    day = None  # None: today on the business's clock (the database's zone)
    if args.date is not None:
        day, jalali = parse_day(args.date)
        if jalali:
            print(f"crm-desktop: --date read as the Jalali date {jalali} ({day.isoformat()})",
                  file=sys.stderr)
    with Core.open(_db_path(args), create=False) as core:
        day = day or clock.today()
        items = agenda(core.activities, core.contacts, day)
        company = core.settings.company().get("name") or ""
    if args.pdf:
        from crm_desktop.export.pdf.agenda import render_agenda

        dest = Path(args.pdf)
        try:
            render_agenda(items, day, company, dest)
        except OSError as exc:
            raise UsageError(f"cannot write {dest}: {exc.strerror or exc}") from None
        print(f"agenda of {day.isoformat()} written: {dest}", file=sys.stderr)
    if args.json:
        _say(json.dumps([i.as_json() for i in items], ensure_ascii=False, indent=1))
    elif not args.pdf:
        for i in items:
            when = "all day" if i.time is None else f"{local(i.time):%Y-%m-%d %H:%M}"
            if i.all_day and i.time is not None:  # a date-only task: its day, no time
                when = "all day" if local(i.time).date() == day else f"{local(i.time):%Y-%m-%d}"
            _say(f"{when}\t{i.kind}\t{i.status}\t{i.subject}\t{i.contact}")
        if not items:
            print(f"nothing on {day.isoformat()}", file=sys.stderr)
    return EXIT_OK


#: days `agenda --date` accepts (Gregorian); the Jalali equivalents are 1278/10/11 - 1578/10/10
FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(2199, 12, 31)
#: a year below this is read as Jalali: the Jalali years of the accepted span (1278-1578)
#: and the Gregorian ones (1900-2199) are far apart on either side of it
JALALI_BELOW = 1700
DAY_RE = re.compile(r"(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,2})")


def parse_day(text: str) -> tuple[date, str | None]:
    """`--date` as typed: Gregorian 2026-11-30, or Jalali 1405-09-09 / 1405/09/09 (any
    digits); a year below 1700 is Jalali. Returns the day and, when it was read as Jalali,
    the Jalali date as written back (1405/09/09). Anything else is a UsageError."""
    from crm_desktop.text.digits import strip_bidi, to_ascii_digits
    from crm_desktop.text.jalali import format_jalali, jalali_year, parse_jalali

    example = "it looks like 2026-11-30, or 1405-09-09 in Jalali"
    match = DAY_RE.fullmatch(to_ascii_digits(strip_bidi(text)).strip())
    if match is None:
        raise UsageError(f"--date {text!r} is not a date ({example})")
    year, month, day_of_month = (int(g) for g in match.groups())
    jalali = year < JALALI_BELOW
    outside = UsageError(
        f"--date {text!r} is outside the dates the agenda covers: "
        f"{FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()} "
        f"({format_jalali(FIRST_DAY, persian=False)} to "
        f"{format_jalali(LAST_DAY, persian=False)} in Jalali)")
    first, last = ((jalali_year(FIRST_DAY), jalali_year(LAST_DAY)) if jalali
                   else (FIRST_DAY.year, LAST_DAY.year))
    if not first <= year <= last:
        raise outside
    try:
        day = (parse_jalali(f"{year:04d}/{month:02d}/{day_of_month:02d}") if jalali
               else date(year, month, day_of_month))
    except ValueError:
        calendar = " in the Jalali calendar" if jalali else ""
        raise UsageError(f"--date {text!r} is not a date{calendar} ({example})") from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise outside
    return day, (format_jalali(day, persian=False) if jalali else None)


def cmd_gui(args: argparse.Namespace) -> int:
    """The program's window on the default, the demo or the given database."""
    from crm_desktop import startup_probe
    from crm_desktop.app import has_display, invisible_platform, run_gui

    startup_probe.mark("app")
    path = config.demo_db_path() if args.demo else _db_path(args)
    platform = invisible_platform()
    if platform is not None and not startup_probe.enabled():
        # the window would open where nobody can see it and wait forever for a click
        print(f"crm-desktop: QT_QPA_PLATFORM={platform} shows no window, so the program "
              "would wait forever for a click nobody can make; not starting. To see the "
              "screens, render them with 'crm-desktop screenshots DIR', or run the window "
              "under a virtual display: xvfb-run -a crm-desktop"
              + (" --demo" if args.demo else ""), file=sys.stderr)
        return EXIT_USAGE
    if not has_display():
        return _no_display(args, path)
    return run_gui(path, demo=args.demo, lang=args.lang, use_last=not args.db)


def _no_display(args: argparse.Namespace, path: Path) -> int:
    """No screen to show a window on: prepare the database, say how to see the program,
    and return instead of running an invisible window forever."""
    from crm_desktop.core import Core
    from crm_desktop.services.demo import generate

    new_demo = args.demo and not path.exists()
    with Core.open(path) as core:
        if new_demo:
            generate(core.db, DEFAULT_DEMO_CONTACTS, seed=1)
    print("crm-desktop: no display was found, so the window cannot be shown here. Run it "
          "on a desktop, or under Xvfb (xvfb-run -a crm-desktop ...), or render it with "
          "'crm-desktop screenshots DIR'.", file=sys.stderr)
    args.db, args.json = str(path), False
    return cmd_check(args)


def cmd_screenshots(args: argparse.Namespace) -> int:
    from crm_desktop.app import ensure_platform
    from crm_desktop.core import Core
    from crm_desktop.services.demo import generate

    out = _writable_folder(Path(args.dir))
    ensure_platform()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from crm_desktop.ui.screenshots import small_offscreen_screen

    small_offscreen_screen()
    path = Path(args.db) if args.db else config.demo_db_path()
    if not args.db and not path.exists():
        with Core.open(path) as core:
            generate(core.db, DEFAULT_DEMO_CONTACTS, seed=1)
    from crm_desktop.ui.screenshots import render_all

    try:
        files = render_all(out, path, args.lang, args.theme)
    except OSError as exc:
        raise UsageError(f"cannot write the screenshots to {out}: {exc.strerror or exc}"
                         ) from None
    _say(f"{len(files)} screenshots written to {args.dir}")
    return EXIT_OK


def _writable_folder(folder: Path) -> Path:
    """`folder`, created if missing; a folder that cannot be written is a UsageError."""
    folder = folder.expanduser().absolute()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise UsageError(f"{folder} is a file, not a folder") from None
    except OSError as exc:
        raise UsageError(f"cannot create the folder {folder}: {exc.strerror or exc}") from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UsageError(f"{folder} is read-only; choose a folder you can write to")
    return folder


# -- parser --------------------------------------------------------------------------------
def build_parser() -> Parser:
    db_help = "database file (default: crm.sqlite3 in the user data folder)"
    common = Parser(add_help=False)
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=db_help)

    parser = Parser(prog="crm-desktop", description="Offline, Persian-first CRM.")
    parser.add_argument("--version", action="version", version=f"crm-desktop {__version__}")
    parser.add_argument("--db", metavar="PATH", default=None, help=db_help)
    parser.add_argument("--demo", action="store_true",
                        help="open the demo database (created on first use, never mixed with "
                             "real data)")
    parser.add_argument("--lang", choices=("fa", "en"), default=None,
                        help="language of the window (default: the one chosen in Settings)")
    parser.set_defaults(func=cmd_gui)
    from crm_desktop import cli_users

    cli_users.add_user_option(parser, common)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=Parser)

    p = sub.add_parser("demo", parents=[common], help="fill a new database with demo data")
    p.add_argument("--contacts", type=int, default=DEFAULT_DEMO_CONTACTS, metavar="N")
    p.add_argument("--seed", type=int, default=1, metavar="S")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("search", parents=[common], help="search contacts, companies, deals "
                       "and tickets")
    p.add_argument("text")
    p.add_argument("--limit", type=int, default=20, metavar="N")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("check", parents=[common], help="integrity check and row counts")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("screenshots", parents=[common],
                       help="render every view and dialog to PNG files in DIR")
    p.add_argument("dir", metavar="DIR")
    p.add_argument("--lang", choices=("fa", "en"), default="fa")
    p.add_argument("--theme", choices=("light", "dark"), default=None,
                   help="light or dark (default: the desktop's display setting)")
    p.set_defaults(func=cmd_screenshots)

    p = sub.add_parser("proforma", help="list proformas, print one as a PDF")
    p.set_defaults(func=lambda _args, p=p: p.error("a proforma command is required (list or "
                                                    "pdf)"))
    proforma = p.add_subparsers(title="proforma commands", metavar="COMMAND",
                                parser_class=Parser)
    q = proforma.add_parser("list", parents=[common],
                            help="every proforma: number, status, buyer, total, issue date")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_proforma_list)
    q = proforma.add_parser("pdf", parents=[common], help="write proforma NUMBER as a PDF")
    q.add_argument("number", metavar="NUMBER", help="as 'proforma list' prints it, e.g. "
                   "1405-0001 (Persian digits too)")
    q.add_argument("file", metavar="FILE")
    q.add_argument("--unit", choices=("rial", "toman"), default=None,
                   help="money unit (default: the one chosen in Settings)")
    q.set_defaults(func=cmd_proforma_pdf)

    p = sub.add_parser("agenda", parents=[common], help="one day's activities, overdue "
                       "tasks and birthdays")
    p.add_argument("--date", metavar="YYYY-MM-DD", default=None,
                   help="the (Tehran) day to show (default: today); a year below 1700 is "
                        "Jalali, e.g. 1405-09-09")
    p.add_argument("--json", action="store_true")
    p.add_argument("--pdf", metavar="FILE", default=None, help="also write it as a PDF")
    p.set_defaults(func=cmd_agenda)

    from crm_desktop import (
        cli_audit,
        cli_automation,
        cli_backup,
        cli_club,
        cli_export,
        cli_import,
        cli_kpi,
        cli_marketing,
        cli_migrate,
        cli_report,
    )

    cli_backup.add_parsers(sub, common)
    cli_marketing.add_parsers(sub, common)
    cli_export.add_parsers(sub, common)
    cli_import.add_parsers(sub, common)
    cli_report.add_parsers(sub, common)
    cli_kpi.add_parsers(sub, common)
    cli_automation.add_parsers(sub, common)
    cli_club.add_parsers(sub, common)
    cli_users.add_parsers(sub, common)
    cli_audit.add_parsers(sub, common)
    cli_migrate.add_parsers(sub, common)
    return parser


def _print_upgrade_step(step: UpgradeStep) -> None:
    """An older database's upgrade, step by step, on stderr (stdout may be JSON)."""
    if step.number == 0:
        line = f"upgrading a database made by an older version; {step.text}"
    else:
        line = (f"upgrading the database: step {step.number} of {step.total}: "
                f"{step.revision} {step.text}")
    print(f"crm-desktop: {line}", file=sys.stderr, flush=True)


def run(argv: Sequence[str] | None = None) -> int:
    log_file = setup_logging()
    try:
        args = build_parser().parse_args(argv)
        _check_paths(args)
        from crm_desktop.db import migrate

        migrate.report_upgrades(_print_upgrade_step)
        func: Callable[[argparse.Namespace], int] = args.func
        if func is not cmd_gui:
            from crm_desktop import startup_gc

            startup_gc.release()
        from crm_desktop import cli_users

        with cli_users.acting(args):
            return func(args)
    except UsageError as exc:
        print(f"crm-desktop: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except SignInFailed as exc:
        log.warning("sign-in refused on the command line")  # no name or password logged
        print(f"crm-desktop: {exc}", file=sys.stderr)
        return EXIT_SIGN_IN
    except CrmError as exc:
        log.warning("refused: %s", exc)
        print(f"crm-desktop: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("crm-desktop: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:
        log.exception("unexpected error")
        where = f"; details in {log_file}" if log_file else ""
        print(f"crm-desktop: unexpected error ({type(exc).__name__}: {exc}){where}",
              file=sys.stderr)
        return EXIT_UNEXPECTED


class SignInFailed(Exception):
    """--user was refused (wrong password or name, a wait, a deactivated account); the
    message is printed as is and the exit code is EXIT_SIGN_IN."""


def main() -> None:
    from crm_desktop import startup_gc, startup_probe

    startup_gc.hold()  # until the window is usable, or the command starts (startup_gc.py)
    startup_probe.mark("main")
    sys.exit(run())
