"""Start-up to the first window, and peak memory with the contacts open, each next to
its raw counterpart in the same run (fresh processes; not a test: timings vary on shared
machines).

    python bench/bench_startup.py [--repeat 5] [--sizes 10000 100000 500000]

Start-up: from the interpreter's first line to the first painted window.
  ours: crm_desktop.app + Controller opening the demo database (2,000 contacts, at the
        schema head) with the Contacts section shown;
  raw:  a bare PySide6 QMainWindow shown and painted.
Peak memory (ru_maxrss) with the contacts list open on the N-contact demo database:
  ours: the program's main window on that database, Contacts shown and painted;
  raw:  PySide6 + sqlite3: a QTableView over a minimal windowed model (bench_gui.RawModel)
        on the same file, shown and painted.
The heavy modules the program's process imported are listed (none is the goal).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_dbs import database

HEAVY = ("alembic", "mako", "reportlab", "openpyxl")

OURS = """
import time
t0 = time.perf_counter()
import json, resource, sys
from pathlib import Path
from crm_desktop.app import create_application
from crm_desktop.ui.controller import Controller
app = create_application("fa")
controller = Controller()
assert controller.open(Path(sys.argv[1]))
controller.window.show_section("contacts")
controller.window.repaint()
app.processEvents()
elapsed = (time.perf_counter() - t0) * 1000
heavy = sorted({m.split(".")[0] for m in sys.modules} & set(sys.argv[2].split(",")))
print(json.dumps({"ms": elapsed, "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "heavy": heavy}))
"""

RAW_WINDOW = """
import time
t0 = time.perf_counter()
import json, resource, sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)
window.show()
window.repaint()
app.processEvents()
elapsed = (time.perf_counter() - t0) * 1000
print(json.dumps({"ms": elapsed, "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "heavy": []}))
"""

RAW_LIST = """
import time
t0 = time.perf_counter()
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
elapsed = (time.perf_counter() - t0) * 1000
print(json.dumps({"ms": elapsed, "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "heavy": []}))
"""


def run(script: str, *args: str, data_dir: str) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CRM_DESKTOP_DATA_DIR": data_dir}
    out = subprocess.run([sys.executable, "-c", script, *args], capture_output=True,
                         text=True, check=True, env=env).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--sizes", nargs="*", type=int, default=[10_000, 100_000, 500_000])
    args = ap.parse_args()
    data_dir = tempfile.mkdtemp(prefix="crm-bench-")
    os.environ.setdefault("CRM_DESKTOP_DATA_DIR", data_dir)
    # an installed program has its bytecode compiled (pip does it); this environment may
    # say PYTHONDONTWRITEBYTECODE, which would make every start compile from source
    import crm_desktop

    subprocess.run([sys.executable, "-m", "compileall", "-q",
                    str(Path(crm_desktop.__file__).parent)], check=True)
    heavy = ",".join(HEAVY)
    print(f"Python {sys.version.split()[0]}; fresh processes, medians of {args.repeat}")
    # in turns (ours, raw, ours, raw ...): the load of a shared machine weighs on each alike
    demo_path = str(database(2000))
    ours, raw = [], []
    for _ in range(args.repeat):
        ours.append(run(OURS, demo_path, heavy, data_dir=data_dir))
        raw.append(run(RAW_WINDOW, data_dir=data_dir))
    o = statistics.median(r["ms"] for r in ours)
    w = statistics.median(r["ms"] for r in raw)
    print(f"start-up to the first window (demo database)  ours {o:7.0f} ms   bare PySide6 "
          f"window {w:7.0f} ms   heavy modules imported: {ours[0]['heavy'] or 'none'}")
    for n in args.sizes:
        path = str(database(n))
        ours, raw = [], []
        for _ in range(args.repeat):
            ours.append(run(OURS, path, heavy, data_dir=data_dir))
            raw.append(run(RAW_LIST, path, str(Path(__file__).parent), data_dir=data_dir))
        om = statistics.median(r["rss"] for r in ours) / 1024
        rm = statistics.median(r["rss"] for r in raw) / 1024
        ot = statistics.median(r["ms"] for r in ours)
        rt = statistics.median(r["ms"] for r in raw)
        print(f"{n:>7,} contacts: peak memory, contacts open   ours {om:5.0f} MB   raw {rm:5.0f} "
              f"MB;   process start to painted list ours {ot:5.0f} ms   raw {rt:5.0f} ms")


if __name__ == "__main__":
    main()
