"""The contact list at 10,000, 100,000 and 500,000 contacts, each figure next to its raw
counterpart measured in the same run (offscreen; not a test: timings vary on shared
machines).

    python bench/bench_gui.py [--sizes 10000 100000 500000] [--repeat 7]

The demo databases are built once by bench/bench_dbs.py and kept under bench/out/.

"ours" is the program's own code: ContactsView (filter bar with its four filter lists,
windowed RecordTableModel over ContactService, details panel) shown and painted. Its
count is the one the database keeps (db/live_counts.py, printed below next to count(*)).
"raw" is a minimal program doing the same with the same libraries: a QTableView over a
small QAbstractTableModel that runs the count and the page queries with sqlite3 on the
same file (pages past the middle read in the reverse order), shown and painted. It shows
what the program's table shows: the same size, the same rows (as tall, so as many), the
same eight columns, and no row numbers (the program's list has none; a row-number header
sizes itself on 200 rows' numbers, work the program does not do).
Figures are medians of --repeat runs (ms), after one warm-up run.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))

from bench_dbs import database
from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QSettings, Qt
from PySide6.QtWidgets import QApplication, QTableView

PAGE = 200
RAW_COLUMNS = ("full_name", "mobile", "company", "city", "lifecycle_stage", "owner",
               "last_activity_at", "created_at")
RAW_SELECT = (
    "SELECT c.id, c.full_name, c.mobile, a.name, c.city, c.lifecycle_stage, u.display_name,"
    " c.last_activity_at, c.created_at FROM contacts c"
    " LEFT JOIN accounts a ON a.id = c.account_id LEFT JOIN users u ON u.id = c.owner_id"
    " WHERE c.id IN (SELECT id FROM contacts WHERE deleted_at IS NULL"
    " ORDER BY sort_key {order}, id {order} LIMIT ? OFFSET ?)"
    " ORDER BY c.sort_key, c.id"
)


class RawModel(QAbstractTableModel):
    """A minimal windowed model: count once, pages of 200 by OFFSET (from the end past
    the middle), a few pages kept."""

    def __init__(self, conn: sqlite3.Connection):
        super().__init__()
        self.conn = conn
        self.n = conn.execute("SELECT count(*) FROM contacts WHERE deleted_at IS NULL"
                              ).fetchone()[0]
        self.pages: dict[int, list[tuple]] = {}

    def page(self, number: int) -> list[tuple]:
        rows = self.pages.get(number)
        if rows is None:
            start = number * PAGE
            if start > self.n // 2:
                end = min(self.n, start + PAGE)
                rows = self.conn.execute(RAW_SELECT.format(order="DESC"),
                                         (end - start, self.n - end)).fetchall()
            else:
                rows = self.conn.execute(RAW_SELECT.format(order="ASC"),
                                         (PAGE, start)).fetchall()
            if len(self.pages) > 12:
                self.pages.pop(next(iter(self.pages)))
            self.pages[number] = rows
        return rows

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.n

    def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(RAW_COLUMNS)

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        rows = self.page(index.row() // PAGE)
        offset = index.row() % PAGE
        if offset >= len(rows):
            return None
        value = rows[offset][index.column() + 1]
        return "" if value is None else str(value)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return RAW_COLUMNS[section]
        return None


def raw_table(conn: sqlite3.Connection, parent: Any = None) -> QTableView:
    """The raw table, its rows as tall as the program's and without row numbers."""
    from crm_desktop.ui.theme import tokens

    table = QTableView(parent)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(tokens.row_height())
    table.setModel(RawModel(conn))
    return table


def raw_view(conn: sqlite3.Connection) -> Any:
    """The raw table inside the same frame as the program's view: a search field, the four
    filter lists filled by sqlite3, a count, a button, and a panel beside the table."""
    from PySide6.QtWidgets import (
        QComboBox,
        QHBoxLayout,
        QLabel,
        QLineEdit,
        QPushButton,
        QSplitter,
        QVBoxLayout,
        QWidget,
    )

    page = QWidget()
    bar = QHBoxLayout()
    bar.addWidget(QLineEdit(), 3)
    for sql in (
        "SELECT DISTINCT lifecycle_stage FROM contacts WHERE deleted_at IS NULL",
        "WITH RECURSIVE s(v) AS (SELECT (SELECT city FROM contacts WHERE deleted_at IS NULL"
        " AND city IS NOT NULL ORDER BY city LIMIT 1) UNION ALL SELECT (SELECT city FROM"
        " contacts WHERE deleted_at IS NULL AND city > s.v ORDER BY city LIMIT 1) FROM s"
        " WHERE s.v IS NOT NULL) SELECT v FROM s WHERE v IS NOT NULL",
        "SELECT name FROM tags ORDER BY name",
        "SELECT display_name FROM users ORDER BY display_name",
    ):
        combo = QComboBox()
        combo.addItem("*")
        for (value,) in conn.execute(sql):
            combo.addItem(str(value))
        bar.addWidget(combo, 1)
    table = raw_table(conn)
    bar.addWidget(QLabel(f"{table.model().n:,}"))
    bar.addWidget(QPushButton("+"))
    splitter = QSplitter()
    splitter.addWidget(table)
    splitter.addWidget(QLabel("-"))
    splitter.setSizes([820, 360])
    box = QVBoxLayout(page)
    box.addLayout(bar)
    box.addWidget(splitter, 1)
    page.table = table  # type: ignore[attr-defined]
    return page


# the GUI thread's CPU time of each run of the last `paired_ms`, by operation (ms)
cpu_samples: list[list[float]] = []


def paired_ms(fns: list[tuple[Callable[[], object], Callable[[], object] | None]],
              repeat: int) -> list[float]:
    """Medians of several operations run in turns (ours, raw, ours, raw ...), so that the
    load of a shared machine weighs on each alike; the first turn warms up. The thread's
    CPU time of each run is kept in `cpu_samples` (a loaded machine stretches the wall
    time of a run by the time others hold the processor; its CPU time far less)."""
    samples: list[list[float]] = [[] for _ in fns]
    cpu_samples[:] = [[] for _ in fns]
    for turn in range(repeat + 1):
        for i, (fn, before) in enumerate(fns):
            if before is not None:
                before()
            start, cpu = time.perf_counter(), time.thread_time()
            fn()
            if turn:
                samples[i].append((time.perf_counter() - start) * 1000)
                cpu_samples[i].append((time.thread_time() - cpu) * 1000)
    return [statistics.median(s) for s in samples]


def paint(widget: Any) -> None:
    widget.repaint()
    QApplication.processEvents()


def bench_size(n: int, repeat: int) -> None:
    from crm_desktop.core import Core
    from crm_desktop.ui.ops import Ops
    from crm_desktop.ui.ui_settings import UiSettings
    from crm_desktop.ui.views.contacts import ContactsView

    path = database(n)
    core = Core.open(path)
    raw_conn = sqlite3.connect(path)
    ini = QSettings(str(Path(tempfile.mkdtemp()) / "desktop.ini"), QSettings.Format.IniFormat)
    live = core.contacts.count()
    held: dict[str, Any] = {}

    def close_all() -> None:
        for key in ("ours", "raw"):
            widget = held.pop(key, None)
            if widget is not None:
                widget.close()
                widget.deleteLater()
        QApplication.processEvents()
        # deleted now: processEvents() alone leaves deferred deletions to an event loop this
        # script never runs, and every widget of every run before would stay alive (each
        # open then walks more widgets, the program's more than the raw table's)
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def open_ours() -> None:
        view = ContactsView(core, Ops(), UiSettings(ini))
        view.resize(1280, 800)
        view.show()
        paint(view.table.viewport())
        held["ours"] = view

    def open_raw() -> None:
        table = raw_table(raw_conn)
        table.resize(table_size)
        table.show()
        paint(table.viewport())
        held["raw"] = table

    def open_raw_view() -> None:
        page = raw_view(raw_conn)
        page.resize(1280, 800)
        page.show()
        paint(page.table.viewport())
        held["raw"] = page

    # the raw table takes the size the program's table has in its view
    open_ours()
    table_size = held["ours"].table.size()
    close_all()
    print(f"\n{live:,} contacts ({path.name})")
    ours, raw, framed = paired_ms([(open_ours, close_all), (open_raw, close_all),
                                   (open_raw_view, close_all)], repeat)
    print(f"  open the contacts view, first paint        ours {ours:7.1f} ms   raw {raw:7.1f} ms"
          f"   ({ours / raw:4.2f}x)")
    print(f"    raw table in the same frame (filter bar, panel): {framed:7.1f} ms   "
          f"({ours / framed:4.2f}x)")
    cpu = [statistics.median(s) for s in cpu_samples]
    print(f"    GUI thread's CPU time                    ours {cpu[0]:7.1f} ms   raw {cpu[1]:7.1f}"
          f" ms   ({cpu[0] / cpu[1]:4.2f}x; same frame {cpu[2]:5.1f} ms)")
    open_ours()
    open_raw()
    view, table = held["ours"], held["raw"]
    shown = [(t.rowAt(t.viewport().height() - 1) + 1,
              sum(not t.isColumnHidden(c) for c in range(t.model().columnCount())))
             for t in (view.table, table)]
    print(f"    rows x columns shown: ours {shown[0][0]} x {shown[0][1]}, "
          f"raw {shown[1][0]} x {shown[1][1]}")

    def to_end(t: QTableView) -> Callable[[], None]:
        return lambda: (t.scrollToBottom(), paint(t.viewport()))

    def to_top(t: QTableView) -> Callable[[], None]:
        def reset() -> None:
            t.scrollToTop()
            model = t.model()
            if isinstance(model, RawModel):
                model.pages.clear()
            else:
                model._pages.clear()
            paint(t.viewport())
        return reset

    ours, raw = paired_ms([(to_end(view.table), to_top(view.table)),
                           (to_end(table), to_top(table))], repeat)
    print(f"  scroll to the end (pages not cached)       ours {ours:7.1f} ms   raw {raw:7.1f} ms"
          f"   ({ours / raw:4.2f}x)")
    counts: list[int] = []
    from sqlalchemy import event

    def count_hook(_c: Any, _cur: Any, sql: str, *_a: Any) -> None:
        if sql.lstrip().startswith("SELECT count(*)"):
            counts.append(1)

    event.listen(core.db.engine, "before_cursor_execute", count_hook)
    close_all()
    open_ours()
    event.remove(core.db.engine, "before_cursor_execute", count_hook)
    print(f"  count queries on open: {len(counts)}")
    kept, counted = paired_ms([(core.contacts.count, None), (lambda: raw_conn.execute(
        "SELECT count(*) FROM contacts WHERE deleted_at IS NULL").fetchone(), None)], repeat)
    print(f"  the list's count                           ours {kept:7.2f} ms   "
          f"raw count(*) {counted:7.2f} ms")
    city, raw_city = paired_ms([(core.contacts.cities, None), (lambda: raw_conn.execute(
        "SELECT DISTINCT city FROM contacts WHERE deleted_at IS NULL AND city IS NOT NULL"
    ).fetchall(), None)], repeat)
    print(f"  the city filter's list (cities())          ours {city:7.1f} ms   "
          f"raw DISTINCT {raw_city:7.1f} ms")
    close_all()
    raw_conn.close()
    core.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", nargs="*", type=int, default=[10_000, 100_000, 500_000])
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    os.environ.setdefault("CRM_DESKTOP_DATA_DIR", tempfile.mkdtemp(prefix="crm-bench-"))
    from crm_desktop.app import create_application

    app = create_application("fa")
    print(f"Python {sys.version.split()[0]}; medians of {args.repeat} runs; ours = the "
          "program's view, raw = QTableView + minimal sqlite3 model, same file, same run")
    for n in args.sizes:
        bench_size(n, args.repeat)
    app.quit()


if __name__ == "__main__":
    main()
