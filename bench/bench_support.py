"""Tickets and activities at 50,000 tickets and 500,000 activities: opening the lists,
filtering, sorting, the Activities view's Today queries and the ticket counts per status
(offscreen; not a test: timings vary on shared machines).

    python bench/bench_support.py [--db bench/out/support.sqlite3] [--rebuild]

Builds the database once (kept for later runs): the demo data for 20,000 contacts, then
extra tickets up to 50,000 and activities up to 500,000, written with executemany on the
raw connection in one transaction with the search triggers suspended (the index is rebuilt
at the end). Each figure is database + model work (set_query, and row_data of the first
30 rows), measured in-process: the first run (statements compiled) and the median and the
max of the next 5 (with 5 samples the max stands in for p95). Figures over 100 ms are
marked, and the SQL they ran is shown with its EXPLAIN QUERY PLAN and its own time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication
from sqlalchemy import event
from support_db import build

from crm_desktop.core import Core
from crm_desktop.services.base import ListQuery, Sort
from crm_desktop.ui.qtmodels.record_model import Column, RecordTableModel
from crm_desktop.ui.qtmodels.tickets_model import tickets_model

LIMIT_MS = 100.0
ROWS = 30  # the visible rows read after each query
REPEAT = 5


# -- measuring --------------------------------------------------------------------------
class Recorder:
    """The SQL an operation runs (statement, parameters), for the plans of slow ones."""

    def __init__(self, core: Core):
        self.on = False
        self.statements: list[tuple[str, Any]] = []
        event.listen(core.db.engine, "before_cursor_execute", self._hook)

    def _hook(
        self, _conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool
    ) -> None:
        if self.on:
            self.statements.append((statement, parameters))

    def capture(self, fn: Callable[[], object]) -> list[tuple[str, Any]]:
        self.statements, self.on = [], True
        try:
            fn()
        finally:
            self.on = False
        return self.statements


class Bench:
    def __init__(self, core: Core):
        self.core = core
        self.recorder = Recorder(core)
        self.slow: list[tuple[str, list[tuple[str, Any]]]] = []

    def measure(
        self, label: str, fn: Callable[[], object], after: Callable[[], str] | None = None
    ) -> None:
        t = time.perf_counter()
        fn()
        first = (time.perf_counter() - t) * 1000
        samples = []
        for _ in range(REPEAT):
            t = time.perf_counter()
            fn()
            samples.append((time.perf_counter() - t) * 1000)
        med, top = statistics.median(samples), max(samples)
        mark = (
            "  <-- over 100 ms"
            if med > LIMIT_MS
            else ("  (max over 100 ms)" if top > LIMIT_MS else "")
        )
        extra = f"  {after()}" if after else ""
        print(f"  {label:<46} 1st {first:7.1f}   p50 {med:7.1f}   max {top:7.1f} ms{extra}{mark}")
        if med > LIMIT_MS or top > LIMIT_MS:
            self.slow.append((label, self.recorder.capture(fn)))

    def explain(self) -> None:
        if not self.slow:
            print(f"\nno figure above {LIMIT_MS:.0f} ms")
            return
        print(f"\nabove {LIMIT_MS:.0f} ms: the statements each ran, their own time and plan")
        with self.core.db.raw() as conn:
            shown: set[str] = set()
            for label, statements in self.slow:
                print(f"\n== {label}")
                for sql, params in statements:
                    if not sql.lstrip().upper().startswith("SELECT"):
                        continue
                    t = time.perf_counter()
                    conn.execute(sql, params).fetchall()
                    own = (time.perf_counter() - t) * 1000
                    flat = " ".join(sql.split())
                    if own < 10:  # the cheap statements of a slow operation
                        print(f"  [{own:7.1f} ms] {flat[:100]} ...")
                        continue
                    if flat in shown:
                        print(f"  [{own:7.1f} ms] (plan shown above) {flat[:100]} ...")
                        continue
                    shown.add(flat)
                    print(f"  [{own:7.1f} ms] {flat[:600]}{' ...' if len(flat) > 600 else ''}")
                    print(f"      params {tuple(params)!r}"[:300])
                    for row in conn.execute("EXPLAIN QUERY PLAN " + sql, params):
                        print(f"      plan: {row[3]}")


def read_rows(model: RecordTableModel) -> None:
    for row in range(min(ROWS, model.rowCount())):
        model.row_data(row)


def activity_columns(core: Core) -> tuple[list[Column], str]:
    """The Activities view's list columns (its method, on a stand-in), else a minimal list."""
    try:
        from crm_desktop.ui import labels
        from crm_desktop.ui.views.activities_list import ActivityListView

        stub = SimpleNamespace(tr=lambda s: s, kinds=labels.activity_kinds())
        stub._state_text = lambda r: ActivityListView._state_text(stub, r)
        return ActivityListView.list_columns(stub), "the Activities view's columns"
    except Exception as exc:
        return [
            Column("due_at", "Due", sort="due"),
            Column("subject", "Subject", sort="subject"),
            Column("kind", "Kind"),
            Column("contact", "Person"),
            Column("owner", "Owner"),
            Column("done_at", "State"),
        ], f"minimal columns ({exc})"


def bench_tickets(b: Bench) -> None:
    core = b.core
    service = core.tickets
    default = Sort(next(iter(service.sort_columns)))
    holder: dict[str, RecordTableModel] = {}

    def open_list() -> None:
        model = tickets_model(service)
        model.set_query(ListQuery(sort=default))
        read_rows(model)
        holder["m"] = model

    print(
        f"\ntickets ({service.count():,} live; model: tickets_model, default sort {default.key!r}):"
    )
    b.measure("open (count + first 30 rows)", open_list, lambda: f"{holder['m'].rowCount():,} rows")
    model = holder["m"]
    b.measure(
        "jump to the last row",
        lambda: (model.set_query(ListQuery(sort=default)), model.row_data(model.rowCount() - 1)),
    )
    user = core.users.options()[1][0]
    for key, value in (
        ("status", "open"),
        ("priority", "urgent"),
        ("category", "complaint"),
        ("assignee_id", user),
        ("overdue", True),
    ):
        b.measure(
            f"filter {key}={value}",
            lambda k=key, v=value: (
                model.set_query(ListQuery(filters={k: v}, sort=default)),
                read_rows(model),
            ),
            lambda: f"{model.rowCount():,} rows",
        )
    for key in service.sort_columns:
        for desc in (False, True):
            b.measure(
                f"sort {key} {'desc' if desc else 'asc'}",
                lambda k=key, d=desc: (
                    model.set_query(ListQuery(sort=Sort(k, d))),
                    read_rows(model),
                ),
            )
    b.measure(
        "sort sla_due asc, filter status=open",
        lambda: (
            model.set_query(ListQuery(filters={"status": "open"}, sort=Sort("sla_due"))),
            read_rows(model),
        ),
    )
    b.measure("counts per status (counts_by_status)", service.counts_by_status)


def bench_activities(b: Bench) -> None:
    core = b.core
    service = core.activities
    columns, source = activity_columns(core)
    default = Sort("due", descending=True)  # what the Activities view sets
    holder: dict[str, RecordTableModel] = {}

    def open_list() -> None:
        model = RecordTableModel(service, columns)
        model.set_query(ListQuery(sort=default))
        read_rows(model)
        holder["m"] = model

    print(f"\nactivities ({service.count():,}; RecordTableModel with {source}, sort due desc):")
    b.measure("open (count + first 30 rows)", open_list, lambda: f"{holder['m'].rowCount():,} rows")
    model = holder["m"]
    b.measure(
        "jump to the last row",
        lambda: (model.set_query(ListQuery(sort=default)), model.row_data(model.rowCount() - 1)),
    )
    user = core.users.options()[1][0]
    for key, value in (
        ("kind", "call"),
        ("state", "open"),
        ("state", "overdue"),
        ("state", "done"),
        ("owner_id", user),
    ):
        b.measure(
            f"filter {key}={value}",
            lambda k=key, v=value: (
                model.set_query(ListQuery(filters={k: v}, sort=default)),
                read_rows(model),
            ),
            lambda: f"{model.rowCount():,} rows",
        )
    b.measure(
        "filter state=open, owner",
        lambda: (
            model.set_query(ListQuery(filters={"state": "open", "owner_id": user}, sort=default)),
            read_rows(model),
        ),
        lambda: f"{model.rowCount():,} rows",
    )
    for key in ("due", "created", "subject"):
        for desc in (False, True):
            b.measure(
                f"sort {key} {'desc' if desc else 'asc'}",
                lambda k=key, d=desc: (
                    model.set_query(ListQuery(sort=Sort(k, d))),
                    read_rows(model),
                ),
            )

    # the Today page (TodayView.refresh) and the week (CalendarView.refresh)
    from crm_desktop.ui.views.activities_common import day_start
    from crm_desktop.ui.views.activities_today import SECTION_LIMIT, UPCOMING_DAYS
    from crm_desktop.ui.widgets.week_calendar import week_start

    today = date.today()
    start, tomorrow = day_start(today), day_start(today + timedelta(days=1))
    later = day_start(today + timedelta(days=1 + UPCOMING_DAYS))
    saturday = week_start(today)
    got: dict[str, int] = {}

    def overdue() -> None:
        got["overdue"] = len(service.open_due_before(start, limit=SECTION_LIMIT + 1))

    def due_today() -> None:
        got["today"] = len(service.occurrences_between(start, tomorrow, open_only=True,
                                                       limit=SECTION_LIMIT + 1))

    def upcoming() -> None:
        got["upcoming"] = len(service.occurrences_between(tomorrow, later, open_only=True,
                                                          limit=SECTION_LIMIT + 1))

    def birthdays() -> None:
        got["birthdays"] = len(core.contacts.birthdays(today))

    def week() -> None:
        got["week"] = len(service.occurrences_between(
            day_start(saturday), day_start(saturday + timedelta(days=7))))

    print("\nthe Activities view's Today page and week (service calls, as the view makes them):")
    b.measure(
        "overdue: open_due_before(today, limit 501)",
        overdue,
        lambda: f"{got['overdue']:,} rows",
    )
    b.measure(
        "due today: occurrences_between(open, limit 501)", due_today,
        lambda: f"{got['today']:,} rows",
    )
    b.measure(
        f"upcoming: occurrences_between(+{UPCOMING_DAYS} d, open, limit 501)",
        upcoming,
        lambda: f"{got['upcoming']:,} rows",
    )
    b.measure(
        "birthdays: contacts.birthdays(today)", birthdays, lambda: f"{got['birthdays']:,} rows"
    )
    b.measure("owners: users.options()", core.users.options)
    b.measure(
        "whole Today page (the five above)",
        lambda: (core.users.options(), overdue(), due_today(), upcoming(), birthdays()),
    )
    b.measure("week: occurrences_between(saturday, +7 days)", week, lambda: f"{got['week']:,} rows")


RAW_ROW = (
    "SELECT a.id, a.due_at, a.kind, a.subject, c.full_name FROM activities a"
    " LEFT JOIN contacts c ON c.id = a.contact_id WHERE a.done_at IS NULL AND {where}"
    " ORDER BY a.due_at, a.id LIMIT 501"
)


def raw_today(conn: Any, today: date) -> Any:
    """The Today page as a minimal program: four list views over string models filled by
    sqlite3 (the same rows: open one-off activities overdue, due today, in the next 7
    days, with the repeating ones through the partial index; today's birthdays)."""
    from PySide6.QtCore import QStringListModel
    from PySide6.QtWidgets import QGridLayout, QLabel, QListView, QWidget

    def ts(day: date) -> str:
        return datetime.combine(day, dtime(), tzinfo=UTC).strftime("%Y-%m-%d %H:%M:%S.%f")

    start, tomorrow = ts(today), ts(today + timedelta(days=1))
    later = ts(today + timedelta(days=8))

    def rows(where: str, *params: Any) -> list[str]:
        out = [f"{r[1][:16]} — {r[2]} — {r[3]} — {r[4] or ''}" for r in conn.execute(
            RAW_ROW.format(where="a.recurrence IS NULL AND " + where), params)]
        out += [f"{r[1][:16]} — {r[2]} — {r[3]}" for r in conn.execute(
            "SELECT id, due_at, kind, subject, done_at FROM activities WHERE recurrence IS NOT"
            " NULL AND due_at < ?", (params[-1],)) if r[4] is None]
        return out[:500]

    sections = [
        rows("a.due_at < ?", start),
        rows("a.due_at >= ? AND a.due_at < ?", start, tomorrow),
        rows("a.due_at >= ? AND a.due_at < ?", tomorrow, later),
        [f"{r[1]} {r[2] or ''}" for r in conn.execute(
            "SELECT id, full_name, mobile FROM contacts WHERE deleted_at IS NULL AND"
            " birth_md = ? ORDER BY sort_key", (today.strftime("%m-%d"),))],
    ]
    page = QWidget()
    grid = QGridLayout(page)
    for i, texts in enumerate(sections):
        grid.addWidget(QLabel(f"section {i} ({len(texts)})"), 0 if i < 2 else 2, i % 2)
        view = QListView()
        view.setUniformItemSizes(True)
        view.setModel(QStringListModel(texts, view))
        grid.addWidget(view, 1 if i < 2 else 3, i % 2)
    return page


def bench_activities_view(b: Bench) -> None:
    """Opening the Activities view (it opens on Today) against the raw program."""
    import sqlite3

    from PySide6.QtCore import QSettings

    from crm_desktop.ui.ops import Ops
    from crm_desktop.ui.ui_settings import UiSettings
    from crm_desktop.ui.views.activities import ActivitiesView

    core = b.core
    ini = QSettings(str(Path(tempfile.mkdtemp()) / "desktop.ini"), QSettings.Format.IniFormat)
    conn = sqlite3.connect(core.db.path)
    today = date.today()
    held: list[Any] = []

    def shown(widget: Any) -> None:
        widget.resize(1280, 800)
        widget.show()
        widget.repaint()
        QApplication.processEvents()
        held.append(widget)

    def close() -> None:
        while held:
            widget = held.pop()
            widget.close()
            widget.deleteLater()
        QApplication.processEvents()

    def ours() -> None:
        close()
        shown(ActivitiesView(core, Ops(), UiSettings(ini)))

    def raw() -> None:
        close()
        shown(raw_today(conn, today))

    print(f"\nopening the Activities view ({core.activities.count():,} activities): "
          "ours = ActivitiesView shown and painted, raw = four list views over sqlite3")
    b.measure("open the Activities view (Today): ours", ours)
    b.measure("open the Activities view (Today): raw", raw)
    view = ActivitiesView(core, Ops(), UiSettings(ini))
    rows = sum(s.model.rowCount() for s in (view.overdue, view.due_today, view.upcoming,
                                            view.birthdays))
    print(f"  rows on the Today page: {rows:,} (each section at most 500)")
    close()
    view.deleteLater()
    conn.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", type=Path, default=Path(__file__).parent / "out" / "support.sqlite3")
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--view-only", action="store_true",
                    help="only the Activities view against its raw counterpart")
    args = ap.parse_args()
    args.db.parent.mkdir(parents=True, exist_ok=True)
    if args.rebuild or not args.db.exists():
        build(args.db, args.seed)
    os.environ.setdefault("CRM_DESKTOP_DATA_DIR", tempfile.mkdtemp(prefix="crm-bench-"))
    app = QApplication.instance() or QApplication(sys.argv)
    with Core.open(args.db) as core:
        print(
            f"{core.contacts.count():,} contacts; Python {sys.version.split()[0]}; "
            f"figures: database + model work, first run / median / max of {REPEAT}"
        )
        with core.db.raw() as conn:
            conn.execute("SELECT count(*) FROM activities").fetchone()  # warm the page cache
            conn.execute("SELECT count(*) FROM tickets").fetchone()
        b = Bench(core)
        bench_activities_view(b)
        if not args.view_only:
            bench_tickets(b)
            bench_activities(b)
        b.explain()
    app.quit()


if __name__ == "__main__":
    main()
