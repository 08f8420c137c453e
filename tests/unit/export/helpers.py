"""Reading an exported workbook back as Excel would (shared by the writer tests)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

_ESCAPE = re.compile("_x([0-9A-Fa-f]{4})_")


def excel_text(value: Any) -> Any:
    """A string cell as Excel shows it: openpyxl leaves the _xHHHH_ escapes of the file
    (a control character, or text that looks like an escape) as they are; Excel decodes
    them, left to right, once."""
    if not isinstance(value, str):
        return value
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), value)


def sheet_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read("xl/worksheets/sheet1.xml").decode("utf-8")


def leftovers(folder: Path, keep: set[str] | None = None) -> list[str]:
    """Files in `folder` other than `keep` (a writer's temporary files)."""
    return sorted(p.name for p in folder.iterdir() if p.name not in (keep or set()))
