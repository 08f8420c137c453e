"""How long the program takes from launch to a usable window, told by the program itself.

With the environment variable CRM_DESKTOP_STARTUP_PROBE=1 the window command
(`crm-desktop --db FILE`) runs as usual until its window is usable, then prints one JSON
line on stdout and quits. "Usable" is a precise point: the main window is shown, the
current section's view has received its first paint event, and after that the event
loop has gone idle once (a zero-time timer fired: every event queued before it, the
deferred start-up work included, has been handled). The line holds wall-clock instants
(`time.time()`, comparable with the launching process's clock) of each phase:

  main      cli.main entered (interpreter started, the command line module imported)
  app       the GUI modules imported (the core, SQLAlchemy, PySide6)
  qt        the QApplication made: fonts, language, look
  database  the database opened (and upgraded if it had to be), the user known
  window    the main window built with its first view
  shown     show() returned
  painted   the first paint event of the first view arrived (its paint pass began)
  ready     the first idle of the event loop after that paint
  started   the work deferred to after the first paint (reminders, outbox, automation,
            the day's backup) has done its part on the GUI thread and handed the rest to
            its threads (ui/controller.py)

`cpu_at` (the process's user + system seconds at each of them: on a busy machine the
wall clock counts other programs' turns too), `cpu` (the same at the end), `rss_kib` (its peak
memory), `modules` (the names of the modules imported). With
CRM_DESKTOP_STARTUP_WATCH=SECONDS the program then stays that long with a 10 ms timer
and reports `stall_ms`: the longest the event loop was blocked, i.e. how
much the work started after the window (backups, automation, reminders) held up the GUI.

bench/bench_startup.py launches the program this way next to a bare PySide6 window
measured the same way. Without the variable nothing here does anything (mark() returns
at once) and no Qt is imported by this module.
"""

from __future__ import annotations

import json
import os
import sys
import time
from typing import Any

ENV = "CRM_DESKTOP_STARTUP_PROBE"
WATCH_ENV = "CRM_DESKTOP_STARTUP_WATCH"
_marks: dict[str, float] = {}
_cpu: dict[str, float] = {}


def enabled() -> bool:
    return os.environ.get(ENV, "") not in ("", "0")


def mark(name: str) -> None:
    """Note the instant `name` was reached (the first time only)."""
    if enabled() and name not in _marks:
        _marks[name] = time.time()
        times = os.times()
        _cpu[name] = times.user + times.system


def report(extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """The line printed at the end: the marks, the CPU time, the number of modules."""
    times = os.times()
    rss = 0
    if sys.platform != "win32":
        import resource

        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    return {"t": dict(_marks), "cpu_at": dict(_cpu), "cpu": times.user + times.system,
            "rss_kib": rss,
            "modules": sorted(sys.modules), **(extra or {})}


def watch(window: Any, view: Any) -> None:
    """Print the report and quit once `view` (inside the shown `window`) was painted and
    the event loop went idle after it."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert app is not None
    watch_for = float(os.environ.get(WATCH_ENV, "0") or 0)

    def finish(extra: dict[str, Any]) -> None:
        print(json.dumps(report(extra)), flush=True)
        app.exit(0)

    def stalls() -> None:
        """Tick every 10 ms for `watch_for` seconds; the longest gap between two ticks is
        how long the GUI thread was busy with something else."""
        timer = QTimer(app)
        state = {"last": time.perf_counter(), "worst": 0.0}
        end = time.perf_counter() + watch_for

        def tick() -> None:
            now = time.perf_counter()
            state["worst"] = max(state["worst"], now - state["last"])
            state["last"] = now
            if now >= end:
                timer.stop()
                finish({"stall_ms": state["worst"] * 1000, "watched_s": watch_for})

        timer.timeout.connect(tick)
        timer.start(10)

    def ready() -> None:
        mark("ready")
        if "started" not in _marks:  # the work deferred to after the first paint
            QTimer.singleShot(0, ready)
        elif watch_for > 0:
            stalls()
        else:
            finish({})

    class FirstPaint(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if (event.type() == QEvent.Type.Paint and "painted" not in _marks
                    and (obj is view or view.isAncestorOf(obj))):
                # the zero timer runs once this paint pass and every event queued before
                # it are handled
                mark("painted")
                app.removeEventFilter(self)
                QTimer.singleShot(0, ready)
            return False

    probe = FirstPaint(window)
    app.installEventFilter(probe)
