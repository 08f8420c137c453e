"""The core imports without Qt, so the CLI, tests and a future server share it."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

CORE_MODULES = [
    "crm_desktop.core", "crm_desktop.cli", "crm_desktop.services.demo",
    "crm_desktop.services.maintenance", "crm_desktop.services.search",
    "crm_desktop.text.jalali", "crm_desktop.text.money", "crm_desktop.db.migrate",
    "crm_desktop.export.pdf.proforma", "crm_desktop.text.words",
    "crm_desktop.services.proforma_totals", "crm_desktop.services.exports",
    "crm_desktop.export.files", "crm_desktop.export.xlsx", "crm_desktop.export.xlsx_sheet",
    "crm_desktop.export.csv_file", "crm_desktop.services.reports",
    "crm_desktop.export.pdf.report", "crm_desktop.services.kpis",
    "crm_desktop.imports",
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


# -- layers point one way (read from the source, lazy imports included) --------------------
PACKAGE = Path(__file__).resolve().parents[2] / "crm_desktop"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every module `path` imports anywhere in its text (top level, in functions, under
    TYPE_CHECKING), as absolute names."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = _module_name(path) if path.name == "__init__.py" else \
        _module_name(path).rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[:len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def _modules(under: str) -> dict[str, set[str]]:
    root = PACKAGE.joinpath(*under.split(".")[1:])
    files = [root.with_suffix(".py")] if root.with_suffix(".py").exists() else \
        sorted(root.rglob("*.py"))
    return {_module_name(f): _imports(f) for f in files}


def _offenders(layer: str, forbidden: str) -> list[str]:
    return sorted(f"{module} imports {name}"
                  for module, names in _modules(layer).items()
                  for name in names if name == forbidden or name.startswith(forbidden + "."))


def test_services_never_import_export() -> None:
    """A service returns a complete document; whoever writes the file calls the writer.
    The one exception is export/table.py: the typed table a list export or a report hands
    to the writers is a document type (like domain/documents.py), not a writer."""
    document = {"crm_desktop.export.table", *(f"crm_desktop.export.table.{name}" for name in (
        "ExportColumn", "ExportTable", "ExportCancelled", "Kind", "Progress", "Cancelled"))}
    offenders = _offenders("crm_desktop.services", "crm_desktop.export")
    assert [o for o in offenders if o.split(" imports ")[1] not in document] == []


def test_export_never_imports_services_or_db() -> None:
    """The writers render what they are given and never call back into the core."""
    assert _offenders("crm_desktop.export", "crm_desktop.services") == []
    assert _offenders("crm_desktop.export", "crm_desktop.db") == []


def test_ui_never_imports_db() -> None:
    """The screens take constants from domain/ and data from services, never from db/."""
    assert _offenders("crm_desktop.ui", "crm_desktop.db") == []


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every elementary cycle's smallest member once (Tarjan's strongly connected parts)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    parts: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            part = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                part.append(w)
                if w == v:
                    break
            if len(part) > 1:
                parts.append(sorted(part))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return parts


def test_ui_modules_do_not_import_each_other_in_a_cycle() -> None:
    """The controller owns the main window; the window asks through signals and does not
    know the controller (no import either way round, even lazy or for type hints)."""
    modules = _modules("crm_desktop.ui")
    graph = {m: {n for n in names if n in modules and n != m} for m, names in modules.items()}
    assert [c for c in _cycles(graph) if "crm_desktop.ui.main_window" in c] == []
    assert "crm_desktop.ui.controller" not in modules["crm_desktop.ui.main_window"]
