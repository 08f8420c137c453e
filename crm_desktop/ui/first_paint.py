"""Work that waits until a window has been painted once and the event loop is idle: the
first screen comes first, what it does not need comes after."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

#: when the window is never painted (minimised at start, a screen that never exposes
#: it), the work starts anyway after this long
FALLBACK_MS = 3000


class _FirstPaint(QObject):
    def __init__(self, window: QWidget, callback: Callable[[], None]):
        super().__init__(window)
        self.window = window
        self.callback: Callable[[], None] | None = callback
        window.installEventFilter(self)
        QTimer.singleShot(FALLBACK_MS, self, self.run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and watched is self.window:
            self.window.removeEventFilter(self)
            # a zero timer: after this paint and everything queued before it
            QTimer.singleShot(0, self, self.run)
        return False

    def run(self) -> None:
        callback, self.callback = self.callback, None
        if callback is not None:
            self.window.removeEventFilter(self)
            callback()


def after_first_paint(window: QWidget, callback: Callable[[], None]) -> None:
    """Call `callback` once, at the first idle after `window`'s first paint (or after
    FALLBACK_MS); never if the window is deleted before."""
    _FirstPaint(window, callback)
