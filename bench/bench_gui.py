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

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from crm_desktop.app import create_application  # noqa: E402
from crm_desktop.core import Core  # noqa: E402
from crm_desktop.ui.ops import Ops  # noqa: E402
from crm_desktop.ui.ui_settings import UiSettings  # noqa: E402
from crm_desktop.ui.views.contacts import ContactsView  # noqa: E402


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
    print(f"open the contacts view (count, first page, first paint): {opened:7.1f} ms")
    end = ms(lambda: (table.scrollToBottom(), paint()))
    print(f"scroll to the end:                                       {end:7.1f} ms")
    back = ms(lambda: (table.scrollToTop(), paint()))
    print(f"scroll back to the top:                                  {back:7.1f} ms")
    print("sort by each column (ascending / descending), then paint:")
    for col, column in enumerate(view.model.columns):
        times = []
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            times.append(ms(lambda c=col, o=order: (table.sortByColumn(c, o), paint())))
        end = ms(lambda: (table.scrollToBottom(), paint()))
        print(f"  {column.key:<18} {times[0]:7.1f} / {times[1]:7.1f} ms   "
              f"(then scroll to end {end:6.1f} ms)")
        table.scrollToTop()
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    print("filters (choose, then paint):")
    for combo in (view.stage_filter, view.city_filter, view.tag_filter, view.owner_filter):
        t = ms(lambda c=combo: (c.setCurrentIndex(1), paint()))
        rows = view.model.rowCount()
        reset = ms(lambda c=combo: (c.setCurrentIndex(0), paint()))
        print(f"  {combo.objectName():<12} {t:7.1f} ms -> {rows:,} rows; cleared in {reset:6.1f} ms")
    names = [view.model.data(view.model.index(r * 997, 0)) for r in range(60)]
    samples = []
    for name in names:
        for n in (1, 2, 3, 4):
            prefix = name[:n]
            samples.append(ms(lambda p=prefix: (view.search_box.setText(p),
                                                view.search_box.searchNow(), paint())))
    view.search_box.setText("")
    view.search_box.searchNow()
    samples.sort()
    print(f"search keystroke to repaint (1-4 letters, n={len(samples)}, without the 150 ms "
          f"typing pause): p50 {statistics.median(samples):.1f} ms, "
          f"p95 {samples[int(len(samples) * 0.95)]:.1f} ms, max {samples[-1]:.1f} ms")
    view.close()
    core.close()
    app.quit()


if __name__ == "__main__":
    main()
