"""Start-up pays only for what the first window shows: no Alembic or Mako when the
database is at the head, no reportlab or openpyxl until a PDF or a spreadsheet is made,
no password hashing, encryption, keyring, spreadsheet readers, similarity or server
drivers until they are used (psycopg never for a file), and the modules of sections not
yet shown are not imported. The work the first screen does not need (reminders, the
outbox, the automation run, the day's backup) starts after the window's first paint."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

HEAVY = ("alembic", "mako", "reportlab", "openpyxl", "xlsxwriter", "python_calamine",
         "charset_normalizer", "argon2", "_argon2_cffi_bindings", "cryptography", "psycopg",
         "psycopg_binary", "psycopg_c", "numpy", "rapidfuzz", "keyring", "arabic_reshaper",
         "bidi", "smtplib")

SCRIPT = """
import json, sys
from pathlib import Path
from crm_desktop.app import create_application
from crm_desktop.ui.controller import Controller

app = create_application("fa")
controller = Controller()
assert controller.open(Path(sys.argv[1]))  # shown, with its reminder watcher
for section in sys.argv[2:]:
    controller.window.show_section(section)
app.processEvents()
print(json.dumps(sorted(sys.modules)))
"""


def loaded_modules(db_path: Path, tmp_path: Path, *sections: str) -> set[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "CRM_DESKTOP_DATA_DIR": str(tmp_path / "data")}
    out = subprocess.run([sys.executable, "-c", SCRIPT, str(db_path), *sections],
                         capture_output=True, text=True, check=True, env=env,
                         timeout=120).stdout
    return set(json.loads(out.strip().splitlines()[-1]))


def test_opening_the_main_window_imports_nothing_heavy(core, db_path: Path,
                                                        tmp_path: Path) -> None:
    core.contacts.create({"first_name": "مریم", "last_name": "کاظمی"})
    core.close()  # the file exists and is at the head
    modules = loaded_modules(db_path, tmp_path, "contacts")
    heavy = sorted(m for m in modules if m.split(".")[0] in HEAVY)
    assert heavy == [], heavy
    # the first section's view is imported, the others when they are first shown
    assert "crm_desktop.ui.views.contacts" in modules
    for view in ("activities", "pipeline", "tickets", "products", "settings", "companies",
                 "dashboard"):
        assert f"crm_desktop.ui.views.{view}" not in modules, view
    assert "crm_desktop.export.pdf.agenda" not in modules
    assert "crm_desktop.services.demo" not in modules
    # the editors are imported when first opened
    for dialog in ("activity_dialog", "deal_dialog", "proforma_dialog", "ticket_dialog",
                   "contact_dialog", "appointment_dialog"):
        assert f"crm_desktop.ui.dialogs.{dialog}" not in modules, dialog
    # the import wizard, its pages and models, and the spreadsheet readers: when first used
    for module in ("ui.dialogs.import_wizard", "ui.dialogs.import_pages",
                   "ui.dialogs.import_preview", "ui.dialogs.import_run",
                   "ui.dialogs.import_undo", "ui.qtmodels.import_preview_model",
                   "ui.qtmodels.import_mapping_model", "ui.import_thread"):
        assert f"crm_desktop.{module}" not in modules, module
    assert "python_calamine" not in modules and "charset_normalizer" not in modules


def test_importing_the_app_imports_nothing_heavy() -> None:
    out = subprocess.run(
        [sys.executable, "-c", "import json, sys, crm_desktop.app, crm_desktop.cli, "
         "crm_desktop.ui.main_window, crm_desktop.ui.controller\n"
         "print(json.dumps(sorted(sys.modules)))"],
        capture_output=True, text=True, check=True, timeout=120).stdout
    modules = set(json.loads(out))
    assert sorted(m for m in modules if m.split(".")[0] in HEAVY) == []


def test_the_activities_section_imports_reportlab_only_to_print(core, db_path: Path,
                                                                tmp_path: Path) -> None:
    core.close()
    modules = loaded_modules(db_path, tmp_path, "activities")
    assert "crm_desktop.ui.views.activities" in modules
    assert sorted(m for m in modules if m.split(".")[0] in HEAVY) == []


def test_the_core_is_imported_before_pyside6() -> None:
    """PySide6's import hook slows and enlarges every import after it: the program
    imports SQLAlchemy and its services first (sys.modules keeps the import order)."""
    out = subprocess.run(
        [sys.executable, "-c", "import json, sys, crm_desktop.app\n"
         "print(json.dumps(list(sys.modules)))"],
        capture_output=True, text=True, check=True, timeout=120).stdout
    order = json.loads(out)
    assert order.index("crm_desktop.core") < order.index("PySide6")
    assert order.index("sqlalchemy.orm") < order.index("PySide6")


DEFERRED = """
import gc, json, sys, time
from crm_desktop import startup_gc
startup_gc.hold()  # as the command line's main() does
from pathlib import Path
from crm_desktop.app import create_application
from crm_desktop.ui.controller import Controller
from PySide6.QtCore import QEvent, QObject

app = create_application("fa")
events = []
after_shown = Controller._after_shown


def noted(self, *args):
    events.append("after_shown")
    after_shown(self, *args)


Controller._after_shown = noted


class Paints(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and "paint" not in events:
            events.append("paint")
        return False


paints = Paints()
app.installEventFilter(paints)
controller = Controller()
assert controller.open(Path(sys.argv[1]))  # shown
started = {name: getattr(controller, name) is not None
           for name in ("reminders", "automation", "backups")}
started["collector"] = gc.isenabled()
events.append("opened")
order = list(sys.modules)
deadline = time.monotonic() + 60
while controller.backups is None and time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.01)
later = {name: getattr(controller, name) is not None
         for name in ("reminders", "automation", "backups")}
later["collector"] = gc.isenabled()
later["frozen"] = gc.get_freeze_count() > 50_000  # what start-up made: skipped later
print(json.dumps({"events": events, "at_open": started, "later": later, "order": order}))
controller.close()
"""


def test_work_the_first_screen_does_not_need_starts_after_its_first_paint(
        core, db_path: Path, tmp_path: Path) -> None:
    """Reminders, the automation run and the day's backup (and the outbox) are not started
    while the window is being opened: they start at the first idle after its first
    paint, one step per turn of the event loop; the garbage collector, held off for the
    start, runs again from then on."""
    core.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "CRM_DESKTOP_DATA_DIR": str(tmp_path / "data")}
    out = subprocess.run([sys.executable, "-c", DEFERRED, str(db_path)], capture_output=True,
                         text=True, check=True, env=env, timeout=120).stdout
    seen = json.loads(out.strip().splitlines()[-1])
    # the garbage collector too waits for the window (crm_desktop/startup_gc.py)
    assert seen["at_open"] == {"reminders": False, "automation": False, "backups": False,
                               "collector": False}
    assert seen["later"] == {"reminders": True, "automation": True, "backups": True,
                             "collector": True, "frozen": True}
    events = seen["events"]
    assert events.index("opened") < events.index("after_shown"), events
    assert events.index("paint") < events.index("after_shown"), events
    # the services the window read while it opened were imported before PySide6 (whose
    # import hook slows every later import): services/first_window.py lists them
    order = seen["order"]
    late = [m for m in order[order.index("PySide6"):]
            if m.startswith(("crm_desktop.services.", "sqlalchemy"))]
    assert late == [], late
