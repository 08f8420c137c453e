"""The pipeline board with 5,000 open deals: how long the board takes to build, service
and widgets (offscreen; not a test: timings vary on shared machines). Goal: under 500 ms.

    python bench/bench_pipeline.py [--deals 5000] [--repeat 5]

Builds a small demo database in a temporary folder, then adds the open deals with one
executemany on the raw connection (search-index triggers suspended, index rebuilt).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from crm_desktop.app import create_application
from crm_desktop.core import Core
from crm_desktop.db import models as m
from crm_desktop.db.search_index import triggers_suspended
from crm_desktop.services.demo import generate
from crm_desktop.text.normalize import search_key
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.ui_settings import UiSettings
from crm_desktop.ui.views.pipeline import PipelineView


def add_open_deals(core: Core, n: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    stages = [s["id"] for s in core.stages.list() if s["outcome"] == m.STAGE_OPEN]
    users = [u for u, _name in core.users.options()]
    with core.db.raw() as conn:
        contacts = [r[0] for r in conn.execute("SELECT id FROM contacts LIMIT 5000")]
    now = datetime.now(UTC).replace(tzinfo=None)
    rows = []
    for i in range(n):
        title = f"قرارداد آزمایشی {i + 1}"
        created = now - timedelta(days=rng.randrange(1, 300))
        stamp = created.strftime("%Y-%m-%d %H:%M:%S.%f")
        close = date.today() + timedelta(days=rng.randrange(-30, 200))
        rows.append((title, rng.choice(contacts), rng.randrange(5, 5000) * 1_000_000,
                     rng.choice(stages), stamp, close.isoformat(), rng.choice(users),
                     users[0], stamp, stamp, search_key(title), ""))
    with core.db.raw() as conn:
        conn.execute("BEGIN")
        with triggers_suspended(conn):
            conn.executemany(
                "INSERT INTO deals (title, contact_id, amount_rial, stage_id,"
                " stage_changed_at,"
                " expected_close, owner_id, created_by_id, created_at, updated_at,"
                " search_name, search_other) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows)
        conn.execute("COMMIT")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--deals", type=int, default=5000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="crm-bench-pipeline-"))
    os.environ.setdefault("CRM_DESKTOP_DATA_DIR", str(tmp / "userdata"))
    app = create_application("fa")
    core = Core.open(tmp / "pipeline.sqlite3")
    generate(core.db, 2000)
    add_open_deals(core, args.deals)
    open_deals = sum(c.count for c in core.deals.board().values())
    print(f"open deals on the board: {open_deals}")

    service, build, rebuild = [], [], []
    settings = UiSettings(QSettings(str(tmp / "desktop.ini"), QSettings.Format.IniFormat))
    for _ in range(args.repeat):
        t = time.perf_counter()
        core.deals.board({})
        service.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        view = PipelineView(core, Ops(), settings)
        view.resize(1400, 800)
        view.layout().activate()
        QApplication.processEvents()
        build.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        view.refresh()
        QApplication.processEvents()
        rebuild.append((time.perf_counter() - t) * 1000)
        view.deleteLater()
        QApplication.processEvents()
    print(f"  board() service query        median {statistics.median(service):7.1f} ms")
    print(f"  new PipelineView (service + widgets) median {statistics.median(build):7.1f} ms")
    print(f"  refresh() (after a move)      median {statistics.median(rebuild):7.1f} ms")
    core.close()
    app.quit()


if __name__ == "__main__":
    main()
