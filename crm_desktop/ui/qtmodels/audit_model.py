"""The audit log's table (windowed over core.audit_log, like every record list) and a
record's history as lines of text. Each row is put in words once (text/audit_texts.describe,
in the interface's language, Persian digits in Persian) and kept with the row."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt

from crm_desktop.services.audit_log import AuditLogService
from crm_desktop.text.audit_texts import describe
from crm_desktop.ui import display
from crm_desktop.ui.qtmodels.record_model import Column, RecordTableModel

Row = dict[str, Any]
#: the longest a value is shown in a cell (the whole of it is in the detail pane)
CELL_CHARS = 120


def words(row: Row) -> dict[str, str]:
    """The row in words, made once and kept in the row (`_words`)."""
    found = row.get("_words")
    if found is None:
        lang = "fa" if display.persian() else "en"
        found = {key: display.digits(value) if key in ("record", "old", "new") else value
                 for key, value in describe(row, lang).items()}
        found["at"] = display.jalali(row["at"])
        row["_words"] = found
    return found


def _cell(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= CELL_CHARS else text[:CELL_CHARS - 1] + "…"


translate = QCoreApplication.translate


def audit_columns() -> list[Column]:
    center = Qt.AlignmentFlag.AlignCenter
    return [
        Column("at", translate("AuditModel", "When"), "at", text=lambda r: words(r)["at"]),
        Column("user_name", translate("AuditModel", "User"), None, text=lambda r: words(r)["user"]),
        Column("entity", translate("AuditModel", "Record kind"), None,
               text=lambda r: words(r)["entity"]),
        Column("record_label", translate("AuditModel", "Record"), None,
               text=lambda r: display.isolate(_cell(words(r)["record"]))),
        Column("action", translate("AuditModel", "Action"), None,
               text=lambda r: words(r)["action"], align=center),
        Column("field", translate("AuditModel", "Field"), None, text=lambda r: words(r)["field"]),
        Column("old_value", translate("AuditModel", "Old value"), None,
               text=lambda r: display.isolate(_cell(words(r)["old"]))),
        Column("new_value", translate("AuditModel", "New value"), None,
               text=lambda r: display.isolate(_cell(words(r)["new"]))),
    ]


class AuditLogModel(RecordTableModel):
    """The audit log, newest first, a page at a time."""

    def __init__(self, service: AuditLogService, parent: QObject | None = None):
        super().__init__(service, audit_columns(), parent=parent)  # type: ignore[arg-type]

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            row = self.row_data(index.row())
            key = self.columns[index.column()].key
            if row is not None and key in ("old_value", "new_value", "record_label"):
                shown = words(row)[{"old_value": "old", "new_value": "new",
                                    "record_label": "record"}[key]]
                return shown or None
            return None
        return super().data(index, role)


def change_lines(group: Row) -> list[str]:
    """A saved change of a record's history in words: "Field: old → new" per field (a
    created record's values, a move to the Trash, ...)."""
    iso = display.isolate  # names and values in either script keep their own direction
    # a mark of the interface's direction on each side of the arrow and after the colon:
    # two Persian values on an English line (or two Latin ones on a Persian line) stay two
    # runs in the line's order, where Qt's item views do not keep isolates apart
    mark = "\u200f" if display.persian() else "\u200e"
    arrow = f"{mark}{'←' if display.persian() else '→'}{mark}"  # from old to new, as read
    lines = []
    for row in group["changes"]:
        w = words(row)
        if row.get("field") and row["field"] != "purged" and (w["old"] or w["new"]):
            lines.append(f"{iso(w['field'])}:{mark} {iso(w['old'] or '—')} {arrow} "
                         f"{iso(w['new'] or '—')}")
        elif w["old"] or w["new"]:
            lines.append(f"{iso(w['field'])}:{mark} {iso(w['old'] or w['new'])}")
        else:
            lines.append(w["field"] or w["action"])
    return lines
