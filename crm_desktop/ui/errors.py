"""One way to tell the user something went wrong: short, polite, in the UI language.
Details go to the log file, never a traceback on screen."""

from __future__ import annotations

import logging
import sys
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

log = logging.getLogger("crm_desktop.ui")


def show_message(parent: QWidget | None, text: str, *, title: str | None = None) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        title or QCoreApplication.translate("Errors", "Please check"),
        text,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("messageBox")
    ask_box(box)


def show_unexpected(parent: QWidget | None) -> None:
    from crm_desktop.logging_setup import LOG_FILE_NAME

    text = QCoreApplication.translate(
        "Errors",
        "Something went wrong and this action was not completed. Your saved data is "
        "safe. The details were written to the log file ({file}).",
    )
    show_message(
        parent,
        text.replace("{file}", LOG_FILE_NAME),
        title=QCoreApplication.translate("Errors", "Sorry"),
    )


def ask_box(box: QMessageBox) -> int:
    """Every message box goes through here, so tests can answer it without a modal loop."""
    return box.exec()


def install_excepthook() -> None:
    """An error that escapes a slot is logged and shown politely instead of killing the
    program or printing a traceback."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        log.error("unexpected error", exc_info=(kind, exc, tb))
        if QApplication.instance() is not None and not isinstance(exc, KeyboardInterrupt):
            show_unexpected(QApplication.activeWindow())

    sys.excepthook = hook
