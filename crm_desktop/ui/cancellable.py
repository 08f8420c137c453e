"""A background thread the user can stop: its work asks `cancelled()` between two steps
(never in the middle of one) and stops there."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QThread


class CancellableThread(QThread):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Ask the work to stop at its next step (from any thread)."""
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()
