"""What the pages of the Activities section share: the business day's bounds, occurrence
rows as due rows, and the base of each page (Today, List, Week/Day calendar).

A page reads its data only in `refresh()`; the section calls it when the page is shown
and when data it watches changed while it is shown."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from crm_desktop.core import Core
from crm_desktop.domain import clock
from crm_desktop.ui import labels
from crm_desktop.ui.dialogs.appointment_dialog import AppointmentDialog
from crm_desktop.ui.ops import Ops


def day_start(day: date) -> datetime:
    """Midnight of a business day, as an aware UTC instant."""
    return clock.day_bounds(day)[0]


def as_due(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Occurrence rows with `due_at` set to when each occurrence falls."""
    return [{**r, "due_at": r["occurs_at"]} for r in rows]


class ActivityPage(QWidget):
    """One mode of the Activities section, usable on its own: built without reading,
    read by `refresh()`."""

    # asks the shell to show one record of another section: (section key, record id)
    open_record = Signal(str, int)
    # whether the section's owner filter applies to this page
    uses_owner = False

    def __init__(self, core: Core, ops: Ops, parent: QWidget | None = None):
        super().__init__(parent)
        self.core = core
        self.ops = ops
        self.kinds = labels.activity_kinds()
        # the owner chosen in the section's filter (None: every owner); applied by refresh()
        self.owner_id: int | None = None

    def refresh(self) -> None:
        """Read this page's data again."""
        raise NotImplementedError

    def selected_id(self) -> int | None:
        """The activity selected on this page, if any."""
        return None

    def is_empty(self) -> bool:
        """True when the page, as last read, shows nothing (for an empty state)."""
        raise NotImplementedError

    def edit_activity(self, activity_id: int | None) -> None:
        if activity_id is not None:
            AppointmentDialog.edit(self, self.core, self.ops, activity_id=activity_id)
