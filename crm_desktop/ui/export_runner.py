"""Exporting in the background: a job (read the rows, write the file) runs in a worker
thread with a modal progress dialog (a percentage when the row count is known) and a
Cancel button; a cancelled or failed export leaves no file (the writers write a temporary
file and rename it when complete). Errors are said politely and logged (ui/errors.py).

The job reads the database in its own read transaction, on its own connection from the
engine's pool (SQLite connections are not shared between threads; the engine allows a
connection to be used by the thread that took it, as the outbox sender does), and never
writes. `export_list` is what a list view calls: the file dialog, then the job."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QStandardPaths,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QCloseEvent, QDesktopServices, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.domain import clock
from crm_desktop.domain.errors import (
    DatabaseBusy,
    FieldError,
    PermissionDenied,
    ValidationError,
)
from crm_desktop.export.table import Cancelled, ExportCancelled, Progress
from crm_desktop.text.jalali import format_jalali
from crm_desktop.ui import display
from crm_desktop.ui.cancellable import CancellableThread
from crm_desktop.ui.errors import ask_box, busy_text, show_message, show_unexpected

log = logging.getLogger(__name__)

#: file formats a list or a report exports to: suffix -> the file dialog's filter
#: (translated when used)
FORMATS = {"xlsx": QT_TRANSLATE_NOOP("ExportRunner", "Excel (*.xlsx)"),
           "csv": QT_TRANSLATE_NOOP("ExportRunner", "CSV, UTF-8 (*.csv)"),
           # reports (their PDF has the chart too)
           "pdf": QT_TRANSLATE_NOOP("ExportRunner", "PDF (*.pdf)")}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExportRunner", text)
Job = Callable[[Progress, Cancelled], int]


def file_text(path: Path) -> str:
    """A file's name inside a sentence, isolated from it, its digits as they are."""
    return display.isolate(path.name)


class ExportThread(CancellableThread):
    """Runs one job; `progress` carries the rows written, `done` the outcome: an int (rows
    written), None (cancelled) or the exception that stopped it."""

    progress = Signal(int)
    done = Signal(object)

    def __init__(self, job: Job, parent: QWidget | None = None):
        super().__init__(parent)
        self.job = job

    def run(self) -> None:
        outcome: object
        try:
            outcome = self.job(self.progress.emit, self.cancelled)
        except ExportCancelled:
            outcome = None
        except Exception as exc:  # shown by the dialog's owner; the details go to the log
            if not isinstance(exc, ValidationError | OSError | DatabaseBusy):
                log.exception("an export failed")
            outcome = exc
        self.done.emit(outcome)


class ExportProgressDialog(QDialog):
    """The file being written, a progress bar (a percentage of `total` rows, or busy when
    the count is not known) and Cancel. Closing it (Escape, the title bar) cancels."""

    cancel_requested = Signal()

    def __init__(self, path: Path, title: str, total: int | None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("exportProgress")
        self.setModal(True)
        self.setWindowTitle(title)
        self.total = total
        self.finished_with: object = None
        self.file_label = QLabel(self)
        self.file_label.setObjectName("exportFile")
        self.file_label.setText(self.tr("Writing {file}").replace("{file}", file_text(path)))
        self.file_label.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setObjectName("exportBar")
        self.count_label = QLabel(self)
        self.count_label.setObjectName("exportCount")
        self.count_label.setProperty("role", "muted")
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("cancelExport")
        self.cancel_button.clicked.connect(self.request_cancel)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label, 1)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.file_label)
        layout.addWidget(self.bar)
        layout.addLayout(buttons)
        self.setMinimumWidth(420)
        self.set_progress(0)

    def set_progress(self, rows: int) -> None:
        if self.total:
            self.bar.setRange(0, 100)
            self.bar.setValue(min(100, rows * 100 // self.total))
            self.count_label.setText(display.fill(self.tr("{done} of {total} rows"),
                                                  done=display.number(min(rows, self.total)),
                                                  total=display.number(self.total)))
        else:
            self.bar.setRange(0, 0)  # busy: the count is not known
            self.count_label.setText(display.fill(self.tr("{done} rows"),
                                                  done=display.number(rows)))

    def request_cancel(self) -> None:
        if not self.cancel_button.isEnabled():
            return
        self.cancel_button.setEnabled(False)
        self.count_label.setText(self.tr("Cancelling…"))
        self.cancel_requested.emit()

    def finish(self, outcome: object) -> None:
        """The job ended: the dialog closes (exec returns)."""
        self.finished_with = outcome
        self.accept()

    def reject(self) -> None:
        """Escape or the close button: cancel, and wait for the job to stop."""
        self.request_cancel()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.finished_with is None and self.result() != QDialog.DialogCode.Accepted:
            event.ignore()
            self.request_cancel()
            return
        super().closeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.request_cancel()
            return
        super().keyPressEvent(event)


def run_export(parent: QWidget | None, job: Job, path: Path, title: str, *,
               total: int | None = None) -> bool:
    """Run `job(progress, cancelled)` in a worker thread behind a modal progress dialog
    with Cancel; True when the file was written (then the user may open it). A cancelled
    job returns False quietly; a failed one says why."""
    dialog = ExportProgressDialog(path, title, total, parent)
    thread = ExportThread(job, dialog)
    thread.progress.connect(dialog.set_progress)
    thread.done.connect(dialog.finish)
    dialog.cancel_requested.connect(thread.cancel)
    thread.start()
    try:
        dialog.exec()
    finally:
        thread.cancel()  # the dialog closed some other way: the job stops
        thread.wait()
    outcome = dialog.finished_with
    dialog.deleteLater()
    if isinstance(outcome, int):
        _done(parent, path, outcome)
        return True
    if isinstance(outcome, BaseException):
        _failed(parent, outcome)
    return False


def _lang() -> str:
    return "fa" if display.persian() else "en"


def _done(parent: QWidget | None, path: Path, rows: int) -> None:
    text = QCoreApplication.translate("ExportRunner", "{rows} rows were written to {file}.")
    box = QMessageBox(QMessageBox.Icon.Information, display.plain(path.name),
                      display.fill(text, rows=display.number(rows))
                      .replace("{file}", file_text(path)),
                      QMessageBox.StandardButton.Close, parent)
    box.setObjectName("exportDone")
    open_button = box.addButton(QCoreApplication.translate("ExportRunner", "Open the file"),
                                QMessageBox.ButtonRole.AcceptRole)
    open_button.setObjectName("openExport")
    box.setDefaultButton(QMessageBox.StandardButton.Close)
    ask_box(box)
    if box.clickedButton() is open_button:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def _failed(parent: QWidget | None, error: BaseException) -> None:
    if isinstance(error, ValidationError | PermissionDenied):
        show_message(parent, error.message(_lang()))
    elif isinstance(error, DatabaseBusy):
        show_message(parent, busy_text(error))
    elif isinstance(error, OSError):
        reason = error.strerror or str(error)
        log.warning("an export could not be written: %s", error)
        show_message(parent, FieldError("file", "file.write", {"reason": reason})
                     .message(_lang()))
    else:
        show_unexpected(parent)


# -- choosing the file ---------------------------------------------------------------------
def suggested_name(list_name: str) -> str:
    """A file name for today's export of a list: "1405-09-09 Contacts". The Jalali date
    comes first, in Latin digits: a folder of exports sorts by day, and a date after a
    Persian word would be shown with its parts reversed (Unicode's bidi rules read digits
    after Arabic letters as Arabic numbers, and the hyphens between them as neutral)."""
    name = "".join(ch for ch in list_name if ch not in '<>:"/\\|?*' and ord(ch) >= 32)
    return f"{format_jalali(clock.today(), persian=False, sep='-')} {name.strip() or 'export'}"


def choose_export_file(parent: QWidget | None, suggested_name: str,
                       formats: Sequence[str] = ("xlsx", "csv")) -> Path | None:
    """Ask where to write the export (the first format's suffix suggested); the file gets
    the suffix of the chosen format when the user typed none. None when cancelled."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    start = Path(folder or Path.home()) / f"{suggested_name}.{formats[0]}"
    names = {f: _tr(FORMATS[f]) for f in formats}
    title = QCoreApplication.translate("ExportRunner", "Export")
    chosen, used = QFileDialog.getSaveFileName(parent, title, str(start),
                                               ";;".join(names.values()))
    if not chosen:
        return None
    path = Path(chosen)
    suffixes = {f".{f}" for f in formats}
    if path.suffix.lower() not in suffixes:
        fmt = next((f for f in formats if names[f] == used), formats[0])
        path = path.with_name(f"{path.name}.{fmt}")
    return path


# -- what the list views call ---------------------------------------------------------------
def visible_keys(table: QTableView, keys: Sequence[str]) -> list[str]:
    """The keys of the columns `table` shows, in the order the user sees them (moved
    columns in their new place; hidden ones left out)."""
    header = table.horizontalHeader()
    shown = [(header.visualIndex(i), key) for i, key in enumerate(keys)
             if not header.isSectionHidden(i)]
    return [key for _visual, key in sorted(shown)]


def export_list(parent: QWidget, core: Any, *, kind: str, query: Any, columns: Sequence[str],
                fmt: str, name: str, total: int | None = None,
                parent_id: int | None = None) -> bool:
    """Export what a list shows: the file dialog, then `kind`'s rows for `query` (its
    filters, text, sort) with `columns` (the visible ones, in order) in the background.
    True when the file was written."""
    path = choose_export_file(parent, suggested_name(name), (fmt,))
    if path is None:
        return False
    lang = _lang()
    keys = list(columns)

    def job(progress: Progress, cancelled: Cancelled) -> int:
        from crm_desktop.export.files import write_table
        from crm_desktop.services.exports import ExportService

        table = ExportService(core.db, core.actor_id).table(kind, query, keys, lang,
                                                           parent_id=parent_id)
        return write_table(table, path, progress=progress, cancelled=cancelled)

    title = QCoreApplication.translate("ExportRunner", "Exporting {name}")
    return run_export(parent, job, path, display.fill(title, name=name), total=total)
