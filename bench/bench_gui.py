"""The contact list at 100,000 contacts: open, scroll to the end, sort, filter, and
keystroke-to-repaint of the search (offscreen; not a test: timings vary on shared machines).

    python bench/bench_gui.py [--db bench/out/bench.sqlite3]

Build the database first with bench/bench_search.py (it keeps it under bench/out/).
Each figure is database + model + repaint of the visible rows, measured in-process.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from crm_desktop.app import create_application
from crm_desktop.core import Core
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.ui_settings import UiSettings
from crm_desktop.ui.views.contacts import ContactsView


def ms(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", type=Path, default=Path(__file__).parent / "out" / "bench.sqlite3")
    args = ap.parse_args()
    if not args.db.exists():
        raise SystemExit(f"{args.db} is missing: run bench/bench_search.py first")
    os.environ.setdefault("CRM_DESKTOP_DATA_DIR", tempfile.mkdtemp(prefix="crm-bench-"))
    app = create_application("fa")
    core = Core.open(args.db)
    ini = QSettings(str(Path(tempfile.mkdtemp()) / "desktop.ini"), QSettings.Format.IniFormat)
    holder: dict[str, ContactsView] = {}

    def paint() -> None:
        view = holder["view"]
        view.table.viewport().repaint()
        QApplication.processEvents()

    def rows() -> None:
        """Database and model work for the visible rows, without painting them."""
        view = holder["view"]
        top = max(0, view.table.rowAt(0))
        for row in range(top, min(top + 30, view.model.rowCount())):
            view.model.row_data(row)

    def open_view() -> None:
        view = ContactsView(core, Ops(), UiSettings(ini))
        view.resize(1280, 800)
        view.show()
        holder["view"] = view
        paint()

    print(f"{core.contacts.count():,} contacts")
    opened = ms(open_view)
    view = holder["view"]
    table = view.table
    print(f"open the contacts view (widgets, filter lists, count, first page, first paint): "
          f"{opened:7.1f} ms")
    work = ms(lambda: (view.model.refresh(), rows()))
    print(f"  of which the list's database + model work (count, first rows):  {work:7.1f} ms")
    end = ms(lambda: (table.scrollToBottom(), paint()))
    print(f"scroll to the end:                                       {end:7.1f} ms")
    back = ms(lambda: (table.scrollToTop(), paint()))
    print(f"scroll back to the top:                                  {back:7.1f} ms")
    end_model = ms(lambda: (table.scrollToBottom(), rows()))
    table.scrollToTop()
    print(f"  of which database + model work (no painting):           {end_model:7.1f} ms")
    print("sort by each column (ascending / descending): database + model work, and with the")
    print("repaint of the visible rows:")
    for col, column in enumerate(view.model.columns):
        times, work = [], []
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
            paint()
            work.append(ms(lambda c=col, o=order: (table.sortByColumn(c, o), rows())))
            table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
            paint()
            times.append(ms(lambda c=col, o=order: (table.sortByColumn(c, o), paint())))
        end = ms(lambda: (table.scrollToBottom(), paint()))
        print(f"  {column.key:<18} work {work[0]:6.1f} / {work[1]:6.1f} ms   with paint "
              f"{times[0]:6.1f} / {times[1]:6.1f} ms   (then scroll to end {end:6.1f} ms)")
        table.scrollToTop()
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    print("filters (choose): database + model work, and with the repaint:")
    for combo in (view.stage_filter, view.city_filter, view.tag_filter, view.owner_filter):
        work = ms(lambda c=combo: (c.setCurrentIndex(1), rows()))
        combo.setCurrentIndex(0)
        t = ms(lambda c=combo: (c.setCurrentIndex(1), paint()))
        count = view.model.rowCount()
        reset = ms(lambda c=combo: (c.setCurrentIndex(0), paint()))
        print(f"  {combo.objectName():<12} work {work:6.1f} ms, with paint {t:6.1f} ms -> "
              f"{count:,} rows; cleared in {reset:6.1f} ms")
    names = [view.model.data(view.model.index(r * 997, 0)) for r in range(60)]
    for n in (1, 2, 3, 4):
        samples, work = [], []
        for name in names:
            prefix = name[:n]
            view.search_box.setText("")
            view.search_box.searchNow()
            work.append(ms(lambda p=prefix: (view.search_box.setText(p),
                                             view.search_box.searchNow(), rows())))
            view.search_box.setText("")
            view.search_box.searchNow()
            paint()  # settle the full list before timing the next keystroke
            samples.append(ms(lambda p=prefix: (view.search_box.setText(p),
                                                view.search_box.searchNow(), paint())))
        samples.sort()
        work.sort()
        print(f"search, {n} letter(s), keystroke to repaint (after the 150 ms typing pause), "
              f"n={len(samples)}: work p50 {statistics.median(work):.1f} / p95 "
              f"{work[int(len(work) * 0.95)]:.1f} ms; with paint p50 "
              f"{statistics.median(samples):.1f} / p95 {samples[int(len(samples) * 0.95)]:.1f} ms")
    view.search_box.setText("")
    view.search_box.searchNow()
    view.close()
    core.close()
    app.quit()


if __name__ == "__main__":
    main()
