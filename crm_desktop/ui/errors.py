"""One way to tell the user something went wrong: short, polite, in the UI language.
Details go to the log file, never a traceback on screen."""

from __future__ import annotations

import logging
import sys
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from crm_desktop.domain.errors import (
    DatabaseBusy,
    DatabaseInUse,
    EditConflict,
    PermissionDenied,
    ServerUnreachable,
)

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


def say_saved_elsewhere(parent: QWidget | None, error: EditConflict, lang: str) -> str:
    """Someone saved the record after the form read it: the message box saying who and
    when; returns its text, for the form to repeat under its fields."""
    text = error.message(lang)
    show_message(parent, text, title=QCoreApplication.translate(
        "RecordDialog", "Saved by someone else"))
    return text


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


def busy_text(exc: DatabaseBusy) -> str:
    """What to tell the user when the database was locked by someone else (or, on a
    server, could not be reached)."""
    if isinstance(exc, ServerUnreachable):
        return exc.message(_lang())
    if isinstance(exc, DatabaseInUse):
        return QCoreApplication.translate(
            "Errors",
            "The database is open in another window or program. Close it there, then "
            "press Retry. Nothing was changed.")
    return QCoreApplication.translate(
        "Errors",
        "The database is busy: another window or program is using it and did not let go "
        "in time. Nothing was changed. Press Retry to try again.")


def busy_title(exc: DatabaseBusy) -> str:
    if isinstance(exc, ServerUnreachable):
        from crm_desktop.text.server_texts import unreachable_title

        return unreachable_title(_lang())
    return QCoreApplication.translate("Errors", "Database busy")


def _lang() -> str:
    from crm_desktop.ui import display

    return "fa" if display.persian() else "en"


def ask_retry(parent: QWidget | None, exc: DatabaseBusy) -> bool:
    """The database-busy (or server-unreachable) message with Retry and Cancel; True when
    the user chose Retry."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        busy_title(exc),
        busy_text(exc),
        QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setObjectName("busyBox")
    box.button(QMessageBox.StandardButton.Retry).setText(
        QCoreApplication.translate("Errors", "Retry"))
    box.button(QMessageBox.StandardButton.Cancel).setText(
        QCoreApplication.translate("Errors", "Cancel"))
    box.setDefaultButton(QMessageBox.StandardButton.Retry)
    return ask_box(box) == QMessageBox.StandardButton.Retry


def ask_box(box: QMessageBox) -> int:
    """Every message box goes through here, so tests can answer it without a modal loop."""
    return box.exec()


def install_excepthook() -> None:
    """An error that escapes a slot is logged and shown politely instead of killing the
    program or printing a traceback."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if isinstance(exc, ServerUnreachable):
            # a read while the server was away: not a bug
            log.warning("server unreachable: %s", exc)
            if QApplication.instance() is not None:
                show_message(QApplication.activeWindow(), busy_text(exc),
                             title=busy_title(exc))
            return
        if isinstance(exc, DatabaseBusy):
            # a read that waited too long for another program's lock: not a bug
            log.warning("database busy: %s", exc)
            if QApplication.instance() is not None:
                show_message(QApplication.activeWindow(), QCoreApplication.translate(
                    "Errors", "The database is busy: another window or program is using "
                    "it. Try again in a moment."),
                    title=QCoreApplication.translate("Errors", "Database busy"))
            return
        if isinstance(exc, PermissionDenied):
            # a read the role may not do (a report, an export) that reached a slot
            log.info("refused: %s", exc)
            if QApplication.instance() is not None:
                from crm_desktop.ui import display

                show_message(QApplication.activeWindow(),
                             exc.message("fa" if display.persian() else "en"))
            return
        log.error("unexpected error", exc_info=(kind, exc, tb))
        if QApplication.instance() is not None and not isinstance(exc, KeyboardInterrupt):
            show_unexpected(QApplication.activeWindow())

    sys.excepthook = hook
