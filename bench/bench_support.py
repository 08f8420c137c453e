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
import random
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

from crm_desktop.core import Core
from crm_desktop.db.search_index import triggers_suspended
from crm_desktop.domain.enums import (
    ActivityKind,
    TicketCategory,
    TicketChannel,
    TicketPriority,
    TicketStatus,
)
from crm_desktop.services import demo_data as words
from crm_desktop.services.base import ListQuery, Sort
from crm_desktop.services.demo import _ts, generate, indexes_suspended
from crm_desktop.services.tickets import ticket_search_text
from crm_desktop.text.jalali import jalali_year
from crm_desktop.ui.qtmodels.record_model import Column, RecordTableModel
from crm_desktop.ui.qtmodels.tickets_model import tickets_model

CONTACTS = 20_000
TICKETS = 50_000
ACTIVITIES = 500_000
LIMIT_MS = 100.0
ROWS = 30  # the visible rows read after each query
REPEAT = 5


# -- build ------------------------------------------------------------------------------
def build(path: Path, seed: int) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    t0 = time.perf_counter()
    with Core.open(path) as core:
        counts = generate(core.db, CONTACTS, seed)
        t1 = time.perf_counter()
        print(
            f"demo data: {counts['contacts']:,} contacts, {counts['tickets']:,} tickets, "
            f"{counts['activities']:,} activities in {t1 - t0:.1f} s"
        )
        extra_t, extra_a = bulk(core, seed)
        t2 = time.perf_counter()
        print(
            f"bulk: +{extra_t:,} tickets, +{extra_a:,} activities (and the search index "
            f"rebuilt) in {t2 - t1:.1f} s"
        )
    print(f"database built in {time.perf_counter() - t0:.1f} s -> {path}")


def bulk(core: Core, seed: int) -> tuple[int, int]:
    rng = random.Random(seed + 1000)
    today = date.today()
    now = datetime.combine(today, dtime(9, 30), tzinfo=UTC)

    def past(days: int) -> datetime:
        d = now - timedelta(days=rng.randrange(days))
        return d.replace(
            hour=rng.randrange(5, 15),
            minute=rng.randrange(60),
            second=rng.randrange(60),
            microsecond=0,
        )

    with core.db.raw() as conn:
        users = [r[0] for r in conn.execute("SELECT id FROM users ORDER BY id")]
        n_contacts = conn.execute("SELECT max(id) FROM contacts").fetchone()[0]
        n_tickets = conn.execute("SELECT count(*) FROM tickets").fetchone()[0]
        n_acts = conn.execute("SELECT count(*) FROM activities").fetchone()[0]
        first_ticket = conn.execute("SELECT coalesce(max(id), 0) FROM tickets").fetchone()[0] + 1
        seq_by_year = dict(conn.execute("SELECT year, max(seq) FROM tickets GROUP BY year"))
        add_t, add_a = max(0, TICKETS - n_tickets), max(0, ACTIVITIES - n_acts)

        # tickets: created over the last two years, the demo's shapes
        categories, priorities = list(TicketCategory), list(TicketPriority)
        channels = list(TicketChannel)
        hours = {"low": 72, "normal": 24, "high": 8, "urgent": 4}
        tickets, comments = [], []
        for i, created in enumerate(sorted(past(730) for _ in range(add_t))):
            year = jalali_year(created.date())
            seq_by_year[year] = seq_by_year.get(year, 0) + 1
            category = rng.choice(categories).value
            priority = rng.choices(priorities, [20, 50, 20, 10])[0].value
            age = (now - created).days
            status = (
                rng.choice([TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.WAITING])
                if age < 10
                else rng.choices(
                    [TicketStatus.CLOSED, TicketStatus.RESOLVED, TicketStatus.OPEN], [80, 10, 10]
                )[0]
            ).value
            closed = created + timedelta(hours=rng.randrange(1, 96))
            is_closed = status == TicketStatus.CLOSED.value
            score = (
                rng.choices([1, 2, 3, 4, 5, None], [5, 7, 15, 35, 30, 8])[0] if is_closed else None
            )
            subject = rng.choice(words.TICKET_SUBJECTS[category])
            t = SimpleNamespace(
                year=year,
                seq=seq_by_year[year],
                subject=subject,
                description=f"{subject}؛ مشتری تماس گرفت.",
            )
            search_name, search_other = ticket_search_text(t)
            tickets.append(
                (
                    year,
                    t.seq,
                    subject,
                    t.description,
                    rng.randrange(1, n_contacts + 1),
                    category,
                    priority,
                    status,
                    rng.choice(channels).value,
                    _ts(created + timedelta(hours=hours[priority])),
                    rng.choice(users),
                    "پیگیری و حل شد." if is_closed else None,
                    score,
                    _ts(closed) if is_closed else None,
                    rng.choice(users),
                    users[0],
                    _ts(created),
                    _ts(closed if is_closed else created),
                    search_name,
                    search_other,
                )
            )
            for k in range(rng.randrange(0, 4)):
                comments.append(
                    (
                        first_ticket + i,
                        rng.choice(users),
                        rng.choice(words.OUTCOMES),
                        int(rng.random() < 0.5),
                        _ts(created + timedelta(hours=k + 1)),
                    )
                )

        # activities: due over the last two years (95%, of which 95% done) and the next
        # 60 days (5%, open)
        kinds = [k.value for k in ActivityKind]
        weights = [35, 15, 20, 5, 10, 2, 13]
        subjects = {k: words.ACTIVITY_SUBJECTS[k] for k in kinds}
        acts = []
        for _ in range(add_a):
            kind = rng.choices(kinds, weights)[0]
            if rng.random() < 0.95:
                due = past(730)
                done = due if rng.random() < 0.95 else None
            else:
                due = now + timedelta(days=rng.randrange(0, 60), hours=rng.randrange(0, 8))
                done = None
            due_s = _ts(due)
            acts.append(
                (
                    kind,
                    rng.choice(subjects[kind]),
                    due_s,
                    due_s if done else None,
                    rng.choice((15, 30, 45, 60)) if kind == "meeting" else None,
                    rng.choice(words.OUTCOMES) if done else None,
                    rng.randrange(1, n_contacts + 1),
                    rng.choice(users),
                    users[0],
                    due_s,
                    due_s,
                )
            )

        conn.execute("BEGIN IMMEDIATE")
        try:
            with triggers_suspended(conn), indexes_suspended(
                conn, ("tickets", "ticket_comments", "activities")
            ):
                conn.executemany(
                    "INSERT INTO tickets (year, seq, subject, description, contact_id, category,"
                    " priority, status, channel, sla_due_at, assignee_id, resolution,"
                    " satisfaction, closed_at, owner_id, created_by_id, created_at, updated_at,"
                    " search_name, search_other) VALUES (" + ", ".join("?" * 20) + ")",
                    tickets,
                )
                conn.executemany(
                    "INSERT INTO ticket_comments (ticket_id, author_id, body, internal,"
                    " created_at) VALUES (?, ?, ?, ?, ?)",
                    comments,
                )
                conn.executemany(
                    "INSERT INTO activities (kind, subject, due_at, done_at, duration_minutes,"
                    " outcome, contact_id, owner_id, created_by_id, created_at, updated_at)"
                    " VALUES (" + ", ".join("?" * 11) + ")",
                    acts,
                )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return add_t, add_a


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
