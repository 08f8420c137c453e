"""Import from Excel: a stepped dialog a shop owner finishes without help.

1. File     what to import (contacts, companies, products) and the file, chosen or
            dropped, read in the background; its sheet when the workbook has several.
2. Columns  the field each column is imported as, suggested from the headers (and the
            choice remembered for the same headers); a field chosen twice, or no name
            column, stops the way on with the reason.
3. Preview  every row checked in the background; counts, duplicates (a choice for all
            and per row), errors (saved as Excel to fix), similar names; tags and a list.
4. Import   one transaction in the background (Cancel writes nothing), then a summary
            with "Undo this import" and the way to the imported records.

The steps are pages of ui/dialogs/import_pages.py, import_preview.py and import_run.py;
this dialog puts them in order and owns the buttons. It is not a QWizard: a stepped dialog
of our own follows the design system (the steps as a line of words, the buttons of every
dialog), mirrors cleanly right to left and in the dark theme, and fits 1366x768."""

from __future__ import annotations

import importlib
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.core import Core
from crm_desktop.domain.errors import DatabaseBusy
from crm_desktop.services.imports.model import IMPORT_KINDS, ImportKind
from crm_desktop.ui import display, screen_fit
from crm_desktop.ui.dialogs.import_pages import ColumnsPage, FilePage
from crm_desktop.ui.dialogs.import_preview import PreviewPage
from crm_desktop.ui.dialogs.import_run import RunPage
from crm_desktop.ui.dialogs.import_undo import CHANGES, undo_last_import
from crm_desktop.ui.dialogs.record_form import run_dialog
from crm_desktop.ui.errors import ask_retry
from crm_desktop.ui.import_thread import CANCELLED, Finished
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.theme import icons, tokens

translate = QCoreApplication.translate

FILE, COLUMNS, PREVIEW, RUN = range(4)
# the section of the main window that lists each kind
SECTIONS = {"contacts": "contacts", "companies": "companies", "products": "products"}


def _value(outcome: object) -> Any:
    """A worker's outcome as the write runner takes it: the value, or its error raised."""
    if isinstance(outcome, BaseException):
        raise outcome
    assert isinstance(outcome, Finished)
    return outcome.value


class StepBar(QWidget):
    """The four steps in a line, the current one marked: "1 File › 2 Columns › …"."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("importSteps")
        titles = (self.tr("File"), self.tr("Columns"), self.tr("Preview"), self.tr("Import"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(tokens.SPACING["s"])
        self.labels: list[QLabel] = []
        for i, title in enumerate(titles):
            if i:
                arrow = QLabel(self)
                arrow.setPixmap(icons.icon("chevron-right", "text_muted").pixmap(16, 16))
                layout.addWidget(arrow)
            label = QLabel(display.digits(i + 1) + "  " + title, self)
            label.setObjectName(f"importStep{i + 1}")
            layout.addWidget(label)
            self.labels.append(label)
        layout.addStretch(1)

    def set_current(self, step: int) -> None:
        for i, label in enumerate(self.labels):
            state = "current" if i == step else "done" if i < step else "todo"
            if label.property("step") != state:
                label.setProperty("step", state)
                label.style().unpolish(label)
                label.style().polish(label)


class ImportWizard(QDialog):
    def __init__(self, core: Core, ops: Ops, kind: ImportKind = "contacts",
                 parent: QWidget | None = None, *, service: Any = None, reader: Any = None):
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.setWindowTitle(self.tr("Import from Excel"))
        self.core, self.ops = core, ops
        self.service = service if service is not None else core.imports
        reader = reader if reader is not None else importlib.import_module("crm_desktop.imports")
        # the section to show after the wizard closed ("Open contacts"), or None
        self.open_section: str | None = None
        screen_fit.resize(self, 1040, 680)

        self.steps = StepBar(self)
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        self.pages = QStackedWidget(self)
        self.file_page = FilePage(kind if kind in IMPORT_KINDS else "contacts", reader,
                                  self.pages)
        self.columns_page = ColumnsPage(self.pages)
        self.preview_page = PreviewPage(self.service, core.lists.static_options(), self.pages)
        self.run_page = RunPage(self.service, self.pages)
        for page in (self.file_page, self.columns_page, self.preview_page, self.run_page):
            self.pages.addWidget(page)
        self.file_page.changed.connect(self.update_buttons)
        self.columns_page.changed.connect(self.update_buttons)
        self.preview_page.changed.connect(self.update_buttons)
        self.preview_page.check_ended.connect(self._check_ended)
        self.run_page.ended.connect(self._run_ended)
        self.run_page.undo_requested.connect(self.undo)
        self.run_page.open_requested.connect(self.open_imported)

        self.status = QLabel(self)
        self.status.setObjectName("importStatus")
        self.status.setProperty("role", "muted")
        self.status.setWordWrap(True)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("importCancel")
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.back_button = QPushButton(self.tr("Back"), self)
        self.back_button.setObjectName("importBack")
        self.back_button.setAutoDefault(False)
        icons.dress(self.back_button, "chevron-left")
        self.back_button.clicked.connect(self.back)
        self.next_button = QPushButton(self.tr("Next"), self)
        self.next_button.setObjectName("importNext")
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.next)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)

        layout = QVBoxLayout(self)
        pad = tokens.SPACING["l"]
        layout.setContentsMargins(pad, pad, pad, pad)
        layout.setSpacing(tokens.SPACING["m"])
        layout.addWidget(self.steps)
        layout.addWidget(line)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self.go(FILE)

    # -- the way through -----------------------------------------------------------------
    def step(self) -> int:
        return self.pages.currentIndex()

    def kind(self) -> ImportKind:
        return self.file_page.kind()

    def go(self, step: int) -> None:
        self.pages.setCurrentIndex(step)
        self.steps.set_current(step)
        self.status.setText("")
        self.update_buttons()
        if self.next_button.isVisible() and self.next_button.isEnabled():
            self.next_button.setFocus()

    def next(self) -> None:
        step = self.step()
        if not self.next_button.isEnabled():
            return
        if step == FILE:
            sheet = self.file_page.sheet
            assert sheet is not None
            kind = self.kind()
            self.columns_page.set_sheet(kind, sheet, self.service.fields(kind),
                                        self.service.mapping(kind, sheet.headers))
            self.go(COLUMNS)
        elif step == COLUMNS:
            assert self.file_page.sheet is not None
            self.go(PREVIEW)
            self.preview_page.check(self.kind(), self.file_page.sheet,
                                    self.columns_page.mapping())
        elif step == PREVIEW:
            assert self.preview_page.plan is not None
            self.go(RUN)
            self.run_page.run(self.preview_page.plan, self.preview_page.options())
            self.update_buttons()
        elif step == RUN:
            self.accept()

    def back(self) -> None:
        step = self.step()
        if step == PREVIEW:
            self.preview_page.stop()
            self.go(COLUMNS)
        elif step == COLUMNS:
            self.go(FILE)

    def update_buttons(self) -> None:
        step = self.step()
        finished = step == RUN and self.run_page.batch is not None
        running = step == RUN and self.run_page.busy()
        self.back_button.setVisible(step in (COLUMNS, PREVIEW))
        self.back_button.setEnabled(step != PREVIEW or not self.preview_page.busy())
        self.cancel_button.setVisible(not finished)
        self.cancel_button.setText(self.tr("Cancel the import") if running else self.tr("Cancel"))
        if step == FILE:
            self.next_button.setText(self.tr("Next"))
            self.next_button.setEnabled(self.file_page.ready())
        elif step == COLUMNS:
            self.next_button.setText(self.tr("Check the rows"))
            self.next_button.setEnabled(self.columns_page.problem_text() is None)
        elif step == PREVIEW:
            counts = self.preview_page.counts()
            n = counts.new + counts.updates if counts is not None else 0
            self.next_button.setText(display.fill(self.tr("Import {n} rows"),
                                                  n=display.number(n)))
            self.next_button.setEnabled(counts is not None and n > 0)
            if counts is not None and n == 0:
                self.status.setText(self.tr("No row would be imported: change the choice for "
                                            "duplicates, or fix the file."))
        else:
            self.next_button.setText(self.tr("Done"))
            self.next_button.setVisible(finished)
        if step != RUN:
            self.next_button.setVisible(True)

    # -- what the pages report -----------------------------------------------------------
    def _check_ended(self, how: str) -> None:
        if how == "done" and self.next_button.isEnabled():
            self.next_button.setFocus()
        elif how != "done":
            self.go(COLUMNS)
            if how == "cancelled":
                self.status.setText(self.tr("The check was cancelled."))
        self.update_buttons()

    def _run_ended(self, outcome: object) -> None:
        self.cancel_button.setEnabled(True)
        if outcome is CANCELLED:
            self.go(PREVIEW)
            self.status.setText(self.tr("The import was cancelled: nothing was written."))
            return
        if isinstance(outcome, DatabaseBusy):
            if ask_retry(self, outcome):
                self.go(PREVIEW)
                self.next()
                return
            self.go(PREVIEW)
            return
        result = self.ops.run(self, lambda: _value(outcome), changes=CHANGES[self.kind()])
        if not result.ok:
            self.go(PREVIEW)
            return
        counts = self.preview_page.counts()
        assert counts is not None
        self.run_page.show_summary(result.value, counts)
        self.update_buttons()

    def undo(self) -> None:
        if undo_last_import(self, self.service, self.ops):
            self.run_page.show_undone()

    def open_imported(self) -> None:
        self.open_section = SECTIONS[self.kind()]
        self.accept()

    # -- closing ---------------------------------------------------------------------------
    def busy(self) -> bool:
        return self.file_page.busy() or self.preview_page.busy() or self.run_page.busy()

    def reject(self) -> None:
        """Cancel: while writing, the run is cancelled (nothing is written) and the wizard
        stays open on the preview; otherwise the background work stops and it closes."""
        if self.run_page.busy():
            self.run_page.cancel()
            self.cancel_button.setEnabled(False)
            return
        self.file_page.stop()
        self.preview_page.stop()
        super().reject()

    def done(self, result: int) -> None:
        self.file_page.stop()
        self.preview_page.stop()
        self.run_page.stop()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.run_page.busy():
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.run_page.busy():
            self.reject()
            return
        super().keyPressEvent(event)

    @classmethod
    def start(cls, parent: QWidget | None, core: Core, ops: Ops,
              kind: ImportKind = "contacts") -> str | None:
        """Run the wizard; the section to open afterwards ("Open contacts"), or None."""
        wizard = cls(core, ops, kind, parent)
        run_dialog(wizard)
        return wizard.open_section
