"""What every main view offers the shell (one module per view, all built on this)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from crm_desktop.core import Core
from crm_desktop.domain.permissions import Perm
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.ui_settings import UiSettings


class BaseView(QWidget):
    # the tables whose changes this view shows (refresh when one of them changes)
    watches: tuple[str, ...] = ()
    # asks the shell to show another section (by key)
    navigate = Signal(str)
    # asks the shell to show one record of another section: (section key, record id)
    open_record = Signal(str, int)
    # asks the shell to show another section's records that a filter selects: (section
    # key, service filters, the filter's name for its chip) -- the dashboard's drill-down
    open_filtered = Signal(str, object, str)

    def __init__(self, core: Core, ops: Ops, settings: UiSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.core = core
        self.ops = ops
        self.settings = settings
        # what the acting user may do, read once when the view opens (never per paint): the
        # view hides or disables what is refused; the services refuse it anyway
        self.perms: frozenset[Perm] = core.access.permissions()

    def can(self, perm: Perm) -> bool:
        return perm in self.perms

    def on_changed(self, tables: list[str]) -> None:
        if not tables or set(tables) & set(self.watches):
            self.refresh()

    def refresh(self) -> None:
        """Read the data again."""

    def new_record(self) -> None:
        """Ctrl+N in this view."""

    def focus_search(self) -> None:
        """Ctrl+F in this view."""

    def show_record(self, record_id: int) -> None:
        """Select and show one record (from the global search)."""

    def show_filtered(self, filters: dict[str, Any], label: str) -> None:
        """Show only the records `filters` selects, the filter named `label` where it can
        be taken away (sections that list records)."""

    def save_state(self) -> None:
        """Remember splitter sizes and column widths."""

    def restore_state(self) -> None:
        """Put back what save_state remembered."""


class FiguresView(BaseView):
    """A view of figures worth reading only when seen (the dashboard, the reports): read
    after the view is first painted, again on a change while it is shown, and on the next
    show after a change while it was hidden. `on_tables` sees every change it watches."""

    def __init__(self, core: Core, ops: Ops, settings: UiSettings, parent: QWidget | None = None):
        super().__init__(core, ops, settings, parent)
        self._stale = True  # read after the first paint
        self._queued = False

    def on_tables(self, tables: list[str]) -> None:
        """A change to `tables` (all of them when empty), before the figures are read."""

    def on_changed(self, tables: list[str]) -> None:
        if not tables or set(tables) & set(self.watches):
            self.on_tables(tables)
            if self.isVisible():
                self.refresh()
            else:
                self._stale = True  # read when next shown

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and not self._queued:
            # after the window (or this section) is painted: showing it does not wait
            self._queued = True
            QTimer.singleShot(0, self._refresh_if_stale)

    def _refresh_if_stale(self) -> None:
        self._queued = False
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        self.read()

    def read(self) -> None:
        """Read the figures."""
