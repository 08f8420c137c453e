"""Opening the dashboard at 100,000 contacts, charts included, next to a bare program doing
the same with the same libraries in the same run (offscreen; not a test: timings vary on
shared machines). Goal: under 500 ms.

    python bench/bench_dashboard.py [--contacts 100000] [--repeat 7]

The demo database is built once by bench/bench_dbs.py and kept under bench/out/; it is
only read here. Each figure covers making the view, reading the figures and the first
paint of the whole page (the view is made tall enough that every card and chart is
painted), for the month before the newest won deal's (a whole month with figures in it):

- "ours": DashboardView (KpiService: the 22 KPIs of the period and the period before, the
  five chart series; the cards, the period picker, the owner filter, the QtCharts charts
  of ui/widgets/charts.py).
- "bare": a QWidget with 22 cards of four plain QLabels each holding the same texts, and
  five QChartViews (the same series kinds, categories and numbers, QtCharts' own axes),
  no services: what Qt alone costs for this page.
- the reads on their own: the statements the dashboard ran (caught with their parameters
  from SQLAlchemy) replayed with sqlite3 on the same file.

"first" runs each program once in a fresh process (imports of the view module and
QtCharts included, as when the user first opens the section); the others are medians of
--repeat runs taken in turns after one warm-up.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))

from bench_dbs import database

SIZE = (1180, 2100)  # the dashboard's page at 1366 wide, tall enough to paint everything


def setup(contacts: int) -> tuple[Any, Any, Any]:
    """The application (Persian, as the program starts), the core and the period."""
    os.environ.setdefault("CRM_DESKTOP_DATA_DIR", tempfile.mkdtemp(prefix="crm-bench-"))
    from crm_desktop.app import create_application
    from crm_desktop.core import Core
    from crm_desktop.domain.periods import month_of

    app = create_application("fa", "light")
    core = Core.open(database(contacts))
    with core.db.raw() as conn:
        newest = conn.execute("SELECT max(closed_at) FROM deals WHERE closed_at IS NOT NULL"
                              " AND deleted_at IS NULL").fetchone()[0]
    from datetime import datetime

    from crm_desktop.domain import clock

    period = month_of(clock.local(datetime.fromisoformat(str(newest))).date()).previous()
    return app, core, period


def paint(widget: Any) -> None:
    from PySide6.QtWidgets import QApplication

    widget.repaint()
    QApplication.processEvents()


# -- ours --------------------------------------------------------------------------------
def open_ours(core: Any, period: Any, held: dict[str, Any],
              parts: dict[str, list[float]] | None = None) -> None:
    import importlib

    from PySide6.QtCore import QSettings

    from crm_desktop.ui.ops import Ops
    from crm_desktop.ui.ui_settings import UiSettings

    t0 = time.perf_counter()
    # as the window makes it: the module imported when the section is first shown
    view_class = importlib.import_module("crm_desktop.ui.views.dashboard").DashboardView
    ini = QSettings(str(Path(tempfile.gettempdir()) / "crm-bench-dashboard.ini"),
                    QSettings.Format.IniFormat)
    view = view_class(core, Ops(), UiSettings(ini))
    view.picker.blockSignals(True)
    view.picker.setPeriod(period)
    view.picker.blockSignals(False)
    view.resize(*SIZE)
    t1 = time.perf_counter()
    view.refresh()
    t2 = time.perf_counter()
    view.show()
    paint(view)
    t3 = time.perf_counter()
    held["ours"] = view
    if parts is not None:
        for key, ms in (("make", t1 - t0), ("read", t2 - t1), ("paint", t3 - t2)):
            parts.setdefault(key, []).append(ms * 1000)


# -- bare --------------------------------------------------------------------------------
def page_data(view: Any) -> dict[str, Any]:
    """The texts and numbers the dashboard showed (computed once, outside the timing)."""
    cards = [(c.title_label.text(), c.value_text(), c.change_text(), c.previous_text())
             for c in view.cards.values()]

    def chart(c: Any) -> dict[str, Any]:
        return {"categories": [c._categories[i] for i in c.drawing_order()],
                "values": [float(c._series[0].values[i] or 0) for i in c.drawing_order()]}

    return {"cards": cards, "revenue": chart(view.revenue_chart),
            "funnel": chart(view.funnel_chart), "sources": chart(view.sources_chart),
            "categories": chart(view.categories_chart), "csat": chart(view.csat_chart)}


def open_bare(data: dict[str, Any], held: dict[str, Any]) -> None:
    from PySide6.QtCharts import (
        QBarCategoryAxis,
        QBarSeries,
        QBarSet,
        QChart,
        QChartView,
        QHorizontalBarSeries,
        QLineSeries,
        QPieSeries,
        QValueAxis,
    )
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

    page = QWidget()
    grid = QGridLayout(page)
    for i, texts in enumerate(data["cards"]):
        card = QFrame(page)
        box = QVBoxLayout(card)
        for text in texts:
            box.addWidget(QLabel(text, card))
        grid.addWidget(card, i // 4, i % 4)

    def view(series: Any, categories: list[str] | None, horizontal: bool = False) -> Any:
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.legend().hide()
        chart.addSeries(series)
        if categories is not None:
            names, values = QBarCategoryAxis(), QValueAxis()
            names.append(categories)
            chart.addAxis(names, Qt.AlignmentFlag.AlignLeft if horizontal
                          else Qt.AlignmentFlag.AlignBottom)
            chart.addAxis(values, Qt.AlignmentFlag.AlignBottom if horizontal
                          else Qt.AlignmentFlag.AlignLeft)
            series.attachAxis(names)
            series.attachAxis(values)
        v = QChartView(chart, page)
        v.setRenderHint(QPainter.RenderHint.Antialiasing)
        v.setMinimumHeight(250)
        return v

    def bars(kind: Any, d: dict[str, Any]) -> Any:
        series, bar_set = kind(), QBarSet("")
        bar_set.append(d["values"])
        series.append(bar_set)
        series.setLabelsVisible(True)
        return series

    line = QLineSeries()
    for x, y in enumerate(data["csat"]["values"]):
        line.append(x, y)
    ring = QPieSeries()
    for name, value in zip(data["sources"]["categories"], data["sources"]["values"],
                           strict=True):
        ring.append(name, value)
    charts = [view(bars(QBarSeries, data["revenue"]), data["revenue"]["categories"]),
              view(bars(QHorizontalBarSeries, data["funnel"]), data["funnel"]["categories"],
                   horizontal=True),
              view(ring, None),
              view(bars(QBarSeries, data["categories"]), data["categories"]["categories"]),
              view(line, data["csat"]["categories"])]
    row = len(data["cards"]) // 4 + 1
    for i, chart_view in enumerate(charts):
        grid.addWidget(chart_view, row + i // 2, (i % 2) * 2, 1, 2)
    page.resize(*SIZE)
    page.show()
    paint(page)
    held["bare"] = page


# -- the reads replayed ------------------------------------------------------------------
def caught_reads(core: Any, view: Any) -> list[tuple[str, Any]]:
    from sqlalchemy import event

    caught: list[tuple[str, Any]] = []

    def hook(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_rest: Any) -> None:
        caught.append((statement, parameters))

    event.listen(core.db.engine, "before_cursor_execute", hook)
    view.refresh()
    event.remove(core.db.engine, "before_cursor_execute", hook)
    return [(s, p) for s, p in caught if s.lstrip().upper().startswith(("SELECT", "WITH"))]


def paired_ms(fns: list[tuple[Callable[[], object], Callable[[], object]]],
              repeat: int) -> list[list[float]]:
    """Samples of several operations run in turns, so that the load of a shared machine
    weighs on each alike; the first turn warms up."""
    samples: list[list[float]] = [[] for _ in fns]
    for turn in range(repeat + 1):
        for i, (fn, after) in enumerate(fns):
            start = time.perf_counter()
            fn()
            if turn:
                samples[i].append((time.perf_counter() - start) * 1000)
            after()
    return samples


def close(held: dict[str, Any], key: str) -> None:
    from PySide6.QtWidgets import QApplication

    widget = held.pop(key, None)
    if widget is not None:
        widget.close()
        widget.deleteLater()
    QApplication.processEvents()


def first_open(contacts: int, which: str) -> float:
    """One open in this (fresh) process: imports included."""
    _app, core, period = setup(contacts)
    held: dict[str, Any] = {}
    if which == "ours":
        start = time.perf_counter()
        open_ours(core, period, held)
        return (time.perf_counter() - start) * 1000
    data = json.loads(os.environ["CRM_BENCH_DATA"])
    start = time.perf_counter()
    open_bare(data, held)
    return (time.perf_counter() - start) * 1000


def in_fresh_process(contacts: int, which: str, data: dict[str, Any]) -> float:
    env = {**os.environ, "CRM_BENCH_DATA": json.dumps(data)}
    out = subprocess.run([sys.executable, __file__, "--contacts", str(contacts), "--first",
                          which], env=env, capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--contacts", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--first", choices=("ours", "bare"))
    args = ap.parse_args()
    from crm_desktop.ui.qt_messages import offscreen_filter

    with offscreen_filter():  # the offscreen platform's size-hints notice, not ours
        if args.first:
            print(f"{first_open(args.contacts, args.first):.1f}")
        else:
            run(args.contacts, args.repeat)


def run(contacts: int, repeat: int) -> None:
    _app, core, period = setup(contacts)
    held: dict[str, Any] = {}
    open_ours(core, period, held)
    view = held["ours"]
    data = page_data(view)
    reads = caught_reads(core, view)
    close(held, "ours")
    conn = sqlite3.connect(database(contacts))

    def replay() -> None:
        for statement, parameters in reads:
            conn.execute(statement, parameters).fetchall()

    print(f"{core.contacts.count():,} contacts, period {period.code()} "
          f"({len(reads)} statements); ms")
    first_ours = in_fresh_process(contacts, "ours", data)
    first_bare = in_fresh_process(contacts, "bare", data)
    print(f"  first open, fresh process (imports included)  ours {first_ours:7.1f}"
          f"   bare {first_bare:7.1f}")
    parts: dict[str, list[float]] = {}
    ours, bare, raw = paired_ms([
        (lambda: open_ours(core, period, held, parts), lambda: close(held, "ours")),
        (lambda: open_bare(data, held), lambda: close(held, "bare")),
        (replay, lambda: None)], repeat)
    for key in parts:
        parts[key] = parts[key][1:]  # the warm-up turn
    med = statistics.median
    print(f"  open the dashboard, charts, first paint      ours {med(ours):7.1f}"
          f"   bare {med(bare):7.1f}   ({med(ours) / med(bare):4.2f}x)"
          f"   max ours {max(ours):7.1f}")
    print(f"    make the view {med(parts['make']):6.1f}   read the figures "
          f"{med(parts['read']):6.1f} (the same statements by sqlite3: {med(raw):6.1f})"
          f"   paint {med(parts['paint']):6.1f}")
    conn.close()
    core.close()


if __name__ == "__main__":
    main()
