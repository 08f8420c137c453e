"""One known harmless Qt message, filtered out where it is expected.

Qt's offscreen platform (used by `crm-desktop screenshots`) cannot pass a window's size
limits on to a window system, since there is none: every time a shown window's layout sets
its minimum or maximum size, Qt's QPlatformWindow::propagateSizeHints() base
implementation prints "This plugin does not support propagateSizeHints()". Every dialog
with a layout does that, so a screenshot run printed it dozens of times, for nothing: the
offscreen windows are laid out and drawn correctly without it. It cannot be avoided short
of dropping layouts, so `offscreen_filter()` drops exactly that message and passes every
other one on unchanged.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

#: the exact texts the offscreen platform prints (qplatformwindow.cpp): it has no window
#: system to pass size limits to, nor a window stack to raise a window in
PROPAGATE_SIZE_HINTS = "This plugin does not support propagateSizeHints()"
RAISE = "This plugin does not support raise()"
HARMLESS = frozenset({PROPAGATE_SIZE_HINTS, RAISE})

Handler = Callable[[QtMsgType, QMessageLogContext, str], Any]


def is_known_harmless(message: str) -> bool:
    return message.strip() in HARMLESS


@contextmanager
def offscreen_filter() -> Iterator[None]:
    """While inside: the offscreen platform's propagateSizeHints() notice is dropped; every
    other message goes to the handler that was installed before (or to stderr, as Qt's
    default handler does)."""
    previous: Handler | None = None

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if is_known_harmless(message):
            return
        if previous is not None:
            previous(kind, context, message)
        else:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)
