"""The core imports without Qt, so the CLI, tests and a future server share it."""

from __future__ import annotations

import subprocess
import sys

CORE_MODULES = [
    "crm_desktop.core", "crm_desktop.cli", "crm_desktop.services.demo",
    "crm_desktop.services.maintenance", "crm_desktop.services.search",
    "crm_desktop.text.jalali", "crm_desktop.text.money", "crm_desktop.db.migrate",
    "crm_desktop.export.pdf.proforma", "crm_desktop.text.words",
    "crm_desktop.services.proforma_totals",
]


def test_core_never_imports_qt() -> None:
    code = (
        "import sys\n"
        + "".join(f"import {name}\n" for name in CORE_MODULES)
        + "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == ""
