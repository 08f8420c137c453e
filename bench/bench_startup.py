"""Launch to a usable window, next to a bare PySide6 window measured the same way in the
same run, and peak memory with the contacts open (fresh processes; not a test: timings
vary on shared machines).

    python bench/bench_startup.py [--repeat 9] [--sizes 100000] [--watch 2]
                                  [--memory-sizes 100000]

Launch to usable: the bench notes the wall clock just before it starts the process and
the process says when it was usable (crm_desktop/startup_probe.py, through the
environment variable CRM_DESKTOP_STARTUP_PROBE=1): its main window shown, the current
view's first paint event delivered, and the event loop idle once after that (a zero-time
timer fired, after every event queued before it: the work deferred to "after the window"
that runs on the GUI thread is counted). Then it quits.
  ours: `crm-desktop --db DEMO` (the console script, as a user starts it) on the demo
        database (2,000 contacts, `crm-desktop demo`'s data), Contacts shown;
        the same on the 100,000-contact database (--sizes);
  bare: a Python process that imports PySide6, makes a QApplication and a 1280x800
        QMainWindow, shows it and stops at the same point (first paint, then idle).
Runs go in turns (ours, bare, ours at 100k, ours, bare, ...) so that the load of a shared
machine weighs on each alike, after one unmeasured warm-up run of each. Every run is a
fresh process ("cold" for Python and Qt); the OS file cache is warm (the same files were
just read), as it is for a user's second start of the day. Figures: median and range
(min-max) of wall time, median CPU time (user + system, less sensitive to other
processes on the machine), and the median of each phase (see startup_probe.py).
--watch S: the programs stay S seconds after usable with a 10 ms timer; the longest the
event loop was blocked in that time (what deferred start-up work costs the GUI thread).
Peak memory (ru_maxrss) with the contacts list open on the N-contact demo database:
  ours: the program on that database as above;
  raw:  PySide6 + sqlite3: a QTableView over a minimal windowed model (bench_gui.RawModel)
        on the same file, shown and painted.
The heavy modules the program's process imported are listed (none is the goal).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from bench_dbs import database

#: the start-up import guard's list (tests/gui/test_startup_imports.py)
HEAVY = ("alembic", "mako", "reportlab", "openpyxl", "xlsxwriter", "python_calamine",
         "charset_normalizer", "argon2", "cryptography", "psycopg", "psycopg_binary",
         "numpy", "rapidfuzz", "keyring", "arabic_reshaper", "bidi", "PySide6.QtCharts",
         "PySide6.QtPdf", "PySide6.QtSvg")

BARE_WINDOW = """
import time
import os
t = {"main": time.time()}
c = {"main": sum(os.times()[:2])}
import json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
t["app"] = time.time()
c["app"] = sum(os.times()[:2])
app = QApplication(sys.argv[:1])
t["qt"] = time.time()
c["qt"] = sum(os.times()[:2])
window = QMainWindow()
window.resize(1280, 800)
t["window"] = time.time()
c["window"] = sum(os.times()[:2])
window.show()
t["shown"] = time.time()
c["shown"] = sum(os.times()[:2])
watch = float(os.environ.get("CRM_DESKTOP_STARTUP_WATCH", "0") or 0)

def finish(extra):
    times = os.times()
    import resource
    print(json.dumps({"t": t, "cpu_at": c, "cpu": times.user + times.system,
                      "modules": sorted(sys.modules),
                      "rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, **extra}))
    app.exit(0)

def ready():
    t["ready"] = time.time()
    c["ready"] = sum(os.times()[:2])
    if watch <= 0:
        finish({})
        return
    timer, state = QTimer(app), {"last": time.perf_counter(), "worst": 0.0}
    end = time.perf_counter() + watch
    def tick():
        now = time.perf_counter()
        state["worst"] = max(state["worst"], now - state["last"])
        state["last"] = now
        if now >= end:
            timer.stop()
            finish({"stall_ms": state["worst"] * 1000})
    timer.timeout.connect(tick)
    timer.start(10)

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and "painted" not in t and (
                obj is window or window.isAncestorOf(obj)):
            t["painted"] = time.time()
            c["painted"] = sum(os.times()[:2])
            app.removeEventFilter(self)
            QTimer.singleShot(0, ready)
        return False

probe = FirstPaint()
app.installEventFilter(probe)
sys.exit(app.exec())
"""

RAW_LIST = """
import json, resource, sqlite3, sys
sys.path.insert(0, sys.argv[2])
from PySide6.QtWidgets import QApplication, QTableView
from bench_gui import RawModel
app = QApplication(sys.argv[:1])
table = QTableView()
table.setModel(RawModel(sqlite3.connect(sys.argv[1])))
table.resize(1280, 800)
table.show()
table.repaint()
app.processEvents()
print(json.dumps({"rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""

PHASES = {
    "ours": ("main", "app", "qt", "database", "window", "shown", "painted", "ready",
             "started"),
    "bare": ("main", "app", "qt", "window", "shown", "painted", "ready"),
}
PHASE_NAMES = {
    "main": "interpreter start, command line module",
    "app": "imports (core, SQLAlchemy, PySide6 / PySide6)",
    "qt": "QApplication, fonts, language, look",
    "database": "database opened, user known",
    "window": "main window and first view built",
    "shown": "show(), deferred work scheduled",
    "painted": "to the first paint event",
    "ready": "first paint to idle",
    "started": "deferred work's GUI-thread part (after usable)",
}


def launch(command: list[str], env: dict[str, str],
           extra_env: dict[str, str] | None = None) -> dict[str, Any]:
    """Start `command`, wait for its report; the launch instant is noted just before."""
    env = {**env, **(extra_env or {})}
    start = time.time()
    out = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    if out.returncode != 0:
        raise SystemExit(f"{command[0]} failed ({out.returncode}):\n{out.stderr[-3000:]}")
    report = json.loads(out.stdout.strip().splitlines()[-1])
    report["launch"] = start
    report["total_ms"] = (report["t"]["ready"] - start) * 1000
    return report


def summary(label: str, runs: list[dict[str, Any]], kind: str) -> None:
    """Median and range of launch-to-usable, CPU, memory, and the phases' medians."""
    totals = [r["total_ms"] for r in runs]
    # to usable (a watched run goes on after it)
    cpu = statistics.median(r.get("cpu_at", {}).get("ready", r["cpu"]) for r in runs) * 1000
    print(f"  {label:<34} median {statistics.median(totals):6.0f} ms   range "
          f"{min(totals):5.0f}-{max(totals):5.0f} ms   CPU {cpu:5.0f} ms   "
          f"peak memory {statistics.median(r['rss_kib'] for r in runs) / 1024:4.0f} MB")
    previous = "launch"
    for phase in PHASES[kind]:
        if any(phase not in r["t"] for r in runs):  # an older program without this mark
            continue
        ms = statistics.median(
            ((r["t"][phase] - (r["launch"] if previous == "launch" else r["t"][previous]))
             * 1000) for r in runs)
        # CPU: from the process's start (0) for the first phase
        cpu = [(r["cpu_at"][phase] - r["cpu_at"].get(previous, 0.0)) * 1000
               for r in runs if phase in r.get("cpu_at", {})]
        cpu_text = f"CPU {statistics.median(cpu):5.0f} ms" if len(cpu) == len(runs) else ""
        print(f"      {previous:>8} -> {phase:<8} {ms:6.0f} ms  {cpu_text:>12}   "
              f"{PHASE_NAMES[phase]}")
        previous = phase
    if "stall_ms" in runs[0]:
        stall = statistics.median(r["stall_ms"] for r in runs)
        print(f"      longest event-loop block in the watched seconds after usable: "
              f"{stall:5.0f} ms (median)")


def heavy_in(report: dict[str, Any]) -> list[str]:
    return sorted({h for m in report["modules"] for h in HEAVY
                   if m == h or m.startswith(h + ".")})


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=9)
    ap.add_argument("--sizes", nargs="*", type=int, default=[100_000])
    ap.add_argument("--memory-sizes", nargs="*", type=int, default=[])
    ap.add_argument("--watch", type=float, default=0.0)
    ap.add_argument("--compare", metavar="LABEL=DIR", action="append", default=[],
                    help="also launch the crm_desktop package found in DIR (e.g. an older "
                         "commit's tree from `git archive`) on the demo database, in the "
                         "same turns; it must have crm_desktop/startup_probe.py")
    args = ap.parse_args()
    data_dir = tempfile.mkdtemp(prefix="crm-bench-")
    os.environ.setdefault("CRM_DESKTOP_DATA_DIR", data_dir)
    # an installed program has its bytecode compiled (pip does it); this environment may
    # say PYTHONDONTWRITEBYTECODE, which would make every start compile from source
    import crm_desktop

    subprocess.run([sys.executable, "-m", "compileall", "-q",
                    str(Path(crm_desktop.__file__).parent)], check=True)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CRM_DESKTOP_DATA_DIR": data_dir,
           "CRM_DESKTOP_STARTUP_PROBE": "1", "CRM_DESKTOP_STARTUP_WATCH": str(args.watch)}
    program = str(Path(sys.executable).with_name("crm-desktop"))
    # copies: the program writes to its database (the day's backup, the automation run)
    work = Path(tempfile.mkdtemp(prefix="crm-bench-startup-"))
    targets: dict[str, tuple[list[str], dict[str, str]]] = {}
    for n in [2000, *args.sizes]:
        copy = work / f"demo-{n}.sqlite3"
        shutil.copyfile(database(n), copy)
        label = "demo database (2,000 contacts)" if n == 2000 else f"{n:,} contacts"
        targets[f"ours, {label}"] = ([program, "--db", str(copy)], {})
    for compare in args.compare:
        name, _, folder = compare.partition("=")
        copy = work / f"demo-2000-{len(targets)}.sqlite3"
        shutil.copyfile(database(2000), copy)
        # -P: not the current folder (this tree); PYTHONPATH comes before the editable
        # install's finder
        targets[f"{name}, demo database"] = (
            [sys.executable, "-P", "-c", "from crm_desktop.cli import main; main()",
             "--db", str(copy)], {"PYTHONPATH": str(Path(folder).absolute())})
    targets["bare PySide6 window"] = ([sys.executable, "-c", BARE_WINDOW], {})
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average "
          f"{os.getloadavg()[0]:.1f}; {args.repeat} fresh processes each, in turns, after "
          "a warm-up run of each; OS file cache warm")
    runs: dict[str, list[dict[str, Any]]] = {label: [] for label in targets}
    for command, extra in targets.values():  # warm-up (the day's first backup, .pyc)
        launch(command, env, extra)
    for _ in range(args.repeat):
        for label, (command, extra) in targets.items():
            runs[label].append(launch(command, env, extra))
    print("Launch to usable (window shown, first view painted, event loop idle):")
    for label, reports in runs.items():
        summary(label, reports, "bare" if label.startswith("bare") else "ours")
    first = next(iter(runs.values()))
    print(f"  heavy modules imported by ours: {heavy_in(first[0]) or 'none'}; "
          f"{statistics.median(len(r['modules']) for r in first):.0f} modules "
          f"(bare: {len(runs['bare PySide6 window'][0]['modules'])})")
    for n in args.memory_sizes:
        path = work / f"demo-{n}.sqlite3"
        if not path.exists():
            shutil.copyfile(database(n), path)
        ours = [launch([program, "--db", str(path)], env) for _ in range(3)]
        raw = [json.loads(subprocess.run(
            [sys.executable, "-c", RAW_LIST, str(path), str(Path(__file__).parent)],
            capture_output=True, text=True, check=True, env=env).stdout.splitlines()[-1])
            for _ in range(3)]
        om = statistics.median(r["rss_kib"] for r in ours) / 1024
        rm = statistics.median(r["rss_kib"] for r in raw) / 1024
        print(f"{n:>7,} contacts: peak memory, contacts open   ours {om:5.0f} MB   raw "
              f"{rm:5.0f} MB")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
