"""One door for writing an export: the file's suffix picks the writer (.xlsx, .csv; the
reports add .pdf with `register`). The writers are imported when first used."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from crm_desktop.domain.errors import FieldError, ValidationError
from crm_desktop.export.table import Cancelled, ExportTable, Progress

#: writer(table, path, *, progress=None, cancelled=None) -> rows written
Writer = Callable[..., int]

#: suffix -> a writer, or "module:function" imported on first use
_WRITERS: dict[str, Writer | str] = {
    ".xlsx": "crm_desktop.export.xlsx:write_xlsx",
    ".csv": "crm_desktop.export.csv_file:write_csv",
}


def register(suffix: str, writer: Writer | str) -> None:
    """Let `write_table` write files ending in `suffix` (".pdf") with `writer`."""
    _WRITERS[suffix.lower()] = writer


def suffixes() -> tuple[str, ...]:
    return tuple(_WRITERS)


def writer_for(path: str | Path, allowed: tuple[str, ...] | None = None) -> Writer:
    """The writer of `path`'s suffix; ValidationError (field "file") for another suffix
    or one outside `allowed`."""
    suffix = Path(path).suffix.lower()
    choices = allowed if allowed is not None else suffixes()
    found = _WRITERS.get(suffix) if suffix in choices else None
    if found is None:
        raise ValidationError(FieldError("file", "export.format",
                                         {"formats": ", ".join(choices)}))
    if isinstance(found, str):
        module, name = found.split(":")
        found = _WRITERS[suffix] = getattr(importlib.import_module(module), name)
    return found


def write_table(table: ExportTable, path: str | Path, *, progress: Progress | None = None,
                cancelled: Cancelled | None = None, **options: Any) -> int:
    """Write `table` to `path` with the writer its suffix names; returns the rows written.
    All or nothing: a cancelled (ExportCancelled) or failed write leaves no file."""
    return writer_for(path)(table, path, progress=progress, cancelled=cancelled, **options)
