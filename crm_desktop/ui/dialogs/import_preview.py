"""The import wizard's third step: every row checked in the background (with progress and
Cancel), then what the import would do before anything is written: the counts (new,
updates, duplicates skipped, errors) following the duplicate choice live, the choice for
all duplicates and for single rows, the errors (saved as an Excel file to fix), the
duplicates and the similar names; for contacts, tags and a marketing list for everyone
imported."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.domain.errors import ValidationError
from crm_desktop.imports.sheet import SheetData
from crm_desktop.services.imports.model import (
    ImportCounts,
    ImportKind,
    ImportOptions,
    ImportPlan,
    OnDuplicate,
)
from crm_desktop.ui import display
from crm_desktop.ui.errors import show_message, show_unexpected
from crm_desktop.ui.import_thread import CANCELLED, Finished, JobThread
from crm_desktop.ui.qtmodels.import_preview_model import (
    DuplicatesModel,
    ErrorsModel,
    PlanTable,
    WarningsModel,
    duplicate_choices,
)
from crm_desktop.ui.theme import icons, tokens
from crm_desktop.ui.widgets.choice_delegate import ChoiceDelegate
from crm_desktop.ui.widgets.count_card import count_row
from crm_desktop.ui.widgets.locale_util import ui_lang

translate = QCoreApplication.translate

NO_LIST = 0


def tag_names(text: str) -> list[str]:
    """Tags typed in one line, separated by commas (Latin or Persian) or semicolons."""
    names: list[str] = []
    for part in re.split(r"[,،;؛]", text):
        name = " ".join(part.split())
        if name and name not in names:
            names.append(name)
    return names


def plan_table(parent: QWidget, model: PlanTable, name: str, widths: tuple[int, ...]
               ) -> QTableView:
    table = QTableView(parent)
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(30)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    for column, width in enumerate(widths):
        table.setColumnWidth(column, width)
    return table


class PlanTab(QWidget):
    """One tab of the preview: a sentence, the table, or a sentence saying it is empty."""

    def __init__(self, intro: str, empty: str, table: QTableView, parent: QWidget | None):
        super().__init__(parent)
        self.table = table
        table.setParent(self)
        self.intro = QLabel(intro, self)
        self.intro.setWordWrap(True)
        self.intro.setProperty("role", "muted")
        self.empty = QLabel(empty, self)
        self.empty.setProperty("role", "muted")
        self.empty.setWordWrap(True)
        self.bottom = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(self.bottom)
        layout.addStretch(0)

    def show_rows(self, rows: int) -> None:
        self.intro.setVisible(rows > 0)
        self.table.setVisible(rows > 0)
        self.empty.setVisible(rows == 0)


class PreviewPage(QWidget):
    # the counts or the choices changed, or a check ended
    changed = Signal()
    # the check ended: "done", "cancelled" (back to the columns) or "failed"
    check_ended = Signal(str)

    def __init__(self, service: Any, lists: list[tuple[int, str]],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("importPreviewPage")
        self.service = service
        self.kind: ImportKind = "contacts"
        self.plan: ImportPlan | None = None
        self._counts: ImportCounts | None = None
        self.thread: JobThread | None = None
        self.total = 0

        # -- while checking
        self.checking = QWidget(self)
        self.check_label = QLabel(self.checking)
        self.check_label.setObjectName("importCheckLabel")
        self.check_bar = QProgressBar(self.checking)
        self.check_bar.setObjectName("importCheckBar")
        self.cancel_check = QPushButton(self.tr("Cancel"), self.checking)
        self.cancel_check.setObjectName("cancelImportCheck")
        self.cancel_check.clicked.connect(self.cancel)
        checking = QVBoxLayout(self.checking)
        checking.addStretch(1)
        checking.addWidget(self.check_label)
        checking.addWidget(self.check_bar)
        checking.addWidget(self.cancel_check, 0)
        checking.addStretch(2)

        # -- the plan
        self.content = QWidget(self)
        self.cards, cards = count_row((
            ("new", "importNew", self.tr("New"), "success"),
            ("updates", "importUpdates", self.tr("Updates"), "info"),
            ("skipped", "importSkipped", self.tr("Duplicates skipped"), "neutral"),
            ("errors", "importErrors", self.tr("Errors, not imported"), "danger"),
        ), self.content)

        self.duplicate_choice = QComboBox(self.content)
        self.duplicate_choice.setObjectName("importDuplicateChoice")
        for choice, text in duplicate_choices():
            self.duplicate_choice.addItem(text, choice.value)
        self.duplicate_choice.currentIndexChanged.connect(self._default_chosen)
        self.tags = QLineEdit(self.content)
        self.tags.setObjectName("importTags")
        self.tags.setPlaceholderText(self.tr("Tags separated by commas, e.g. Exhibition 1404"))
        self.target_list = QComboBox(self.content)
        self.target_list.setObjectName("importList")
        self.target_list.addItem(self.tr("No list"), NO_LIST)
        for list_id, name in lists:
            self.target_list.addItem(name, list_id)
        for field in (self.duplicate_choice, self.tags, self.target_list):
            field.setMinimumWidth(380)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.form.addRow(self.tr("Rows already in the database or repeated in the file:"),
                         self.duplicate_choice)
        self.form.addRow(self.tr("Tags for every imported contact:"), self.tags)
        self.form.addRow(self.tr("Add every imported contact to the list:"), self.target_list)

        self.errors_model = ErrorsModel(self)
        self.duplicates_model = DuplicatesModel(self)
        self.duplicates_model.choice_changed.connect(self.update_counts)
        self.warnings_model = WarningsModel(self)
        self.tabs = QTabWidget(self.content)
        self.tabs.setObjectName("importPreviewTabs")
        self.errors_tab = PlanTab(
            self.tr("These rows are not imported. Save them as an Excel file, fix them there "
                    "and import that file again."),
            self.tr("No errors: every row can be imported."),
            plan_table(self, self.errors_model, "importErrorsTable", (70, 150)), self.tabs)
        self.save_errors_button = QPushButton(self.tr("Save errors as Excel…"), self.errors_tab)
        self.save_errors_button.setObjectName("saveImportErrors")
        icons.dress(self.save_errors_button, "table-export")
        self.save_errors_button.clicked.connect(self.save_errors)
        self.errors_tab.bottom.addWidget(self.save_errors_button)
        self.errors_tab.bottom.addStretch(1)
        duplicates = plan_table(self, self.duplicates_model, "importDuplicatesTable",
                                (70, 170, 170, 220))
        duplicates.setItemDelegateForColumn(DuplicatesModel.CHOICE, ChoiceDelegate(duplicates))
        duplicates.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        duplicates.verticalHeader().setDefaultSectionSize(34)
        self.duplicates_tab = PlanTab(
            self.tr("These rows match a record already in the database, or an earlier row of "
                    "the file. The choice above applies to all of them; change it for a row "
                    "in its last column."),
            self.tr("No duplicates: no row matches a record or another row by mobile, "
                    "national code or e-mail."),
            duplicates, self.tabs)
        self.warnings_tab = PlanTab(
            self.tr("Names very close to another in the same city: maybe the same person "
                    "written differently. They are imported; check them afterwards."),
            self.tr("No similar names."),
            plan_table(self, self.warnings_model, "importWarningsTable", (70, 180, 200, 120)),
            self.tabs)
        for tab in (self.errors_tab, self.duplicates_tab, self.warnings_tab):
            self.tabs.addTab(tab, "")

        content = QVBoxLayout(self.content)
        content.setContentsMargins(0, 0, 0, 0)
        content.setSpacing(tokens.SPACING["m"])
        content.addLayout(cards)
        content.addLayout(self.form)
        content.addWidget(self.tabs, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.checking, 1)
        layout.addWidget(self.content, 1)
        self.content.hide()

    # -- checking ----------------------------------------------------------------------------
    def check(self, kind: ImportKind, sheet: SheetData, mapping: tuple[str | None, ...]) -> None:
        """Check every row in the background; `check_ended` says how it ended."""
        self.stop()
        self.kind = kind
        self.plan = None
        self.total = len(sheet.rows)
        self.content.hide()
        self.checking.show()
        self.cancel_check.setEnabled(True)
        self._check_progress(0)
        service = self.service

        def job(progress: Any, cancelled: Any) -> ImportPlan:
            return service.plan(kind, sheet, mapping, progress=progress, cancelled=cancelled)

        self.thread = JobThread(job, self)
        self.thread.progress.connect(self._check_progress)
        # an outcome of work stopped since (stop()) is left unread
        thread = self.thread
        self.thread.done.connect(lambda outcome, t=thread: self._checked(t, outcome))
        self.thread.start()
        self.changed.emit()

    def _check_progress(self, rows: int) -> None:
        done = min(rows, self.total)
        self.check_bar.setRange(0, 100)
        self.check_bar.setValue(done * 100 // self.total if self.total else 0)
        self.check_label.setText(display.fill(self.tr("Checking the rows: {done} of {total}…"),
                                              done=display.number(done),
                                              total=display.number(self.total)))

    def cancel(self) -> None:
        if self.thread is not None:
            self.cancel_check.setEnabled(False)
            self.check_label.setText(self.tr("Cancelling…"))
            self.thread.cancel()

    def _checked(self, thread: JobThread, outcome: object) -> None:
        if thread is not self.thread:
            return
        thread.wait()
        thread.deleteLater()
        self.thread = None
        if isinstance(outcome, Finished):
            self.set_plan(outcome.value)
            self.check_ended.emit("done")
        elif outcome is CANCELLED:
            self.check_ended.emit("cancelled")
        else:
            if isinstance(outcome, ValidationError):
                show_message(self, outcome.message(ui_lang()))
            else:
                show_unexpected(self)
            self.check_ended.emit("failed")
        self.changed.emit()

    def busy(self) -> bool:
        return self.thread is not None

    def stop(self) -> None:
        if self.thread is not None:
            thread, self.thread = self.thread, None
            thread.stop()
            thread.deleteLater()

    # -- the plan ----------------------------------------------------------------------------
    def set_plan(self, plan: ImportPlan) -> None:
        self.plan = plan
        self.kind = plan.kind
        contacts = plan.kind == "contacts"
        for widget in (self.tags, self.target_list):
            self.form.setRowVisible(widget, contacts)
        self.errors_model.set_plan(plan)
        self.duplicates_model.set_plan(plan)
        self.duplicates_model.set_default(OnDuplicate(self.duplicate_choice.currentData()))
        self.warnings_model.set_plan(plan)
        counts = plan.counts()
        rows = {self.errors_tab: self.errors_model.rowCount(),
                self.duplicates_tab: counts.duplicates,
                self.warnings_tab: self.warnings_model.rowCount()}
        names = {self.errors_tab: self.tr("Errors ({n})"),
                 self.duplicates_tab: self.tr("Duplicates ({n})"),
                 self.warnings_tab: self.tr("Similar names ({n})")}
        for tab, n in rows.items():
            tab.show_rows(n)
            self.tabs.setTabText(self.tabs.indexOf(tab),
                                 names[tab].replace("{n}", display.number(n)))
        self.save_errors_button.setEnabled(bool(plan.errors))
        first = next((t for t, n in rows.items() if n), self.errors_tab)
        self.tabs.setCurrentWidget(first)
        self.checking.hide()
        self.content.show()
        self.update_counts()

    def _default_chosen(self, _index: int) -> None:
        self.duplicates_model.set_default(OnDuplicate(self.duplicate_choice.currentData()))

    def options(self) -> ImportOptions:
        contacts = self.kind == "contacts"
        list_id = self.target_list.currentData() if contacts else NO_LIST
        return self.duplicates_model.options(
            tags=tuple(tag_names(self.tags.text())) if contacts else (),
            list_id=list_id if list_id != NO_LIST else None)

    def counts(self) -> ImportCounts | None:
        """What the import would do with the choices made (computed when they change)."""
        return self._counts if self.plan is not None else None

    def update_counts(self) -> None:
        if self.plan is None:
            return
        counts = self._counts = self.plan.counts(self.options())
        self.cards["new"].set_value(counts.new)
        self.cards["updates"].set_value(counts.updates)
        note = display.fill(self.tr("of {n} duplicates"), n=display.number(counts.duplicates)) \
            if counts.duplicates else ""
        self.cards["skipped"].set_value(counts.skipped, note)
        self.cards["errors"].set_value(counts.errors)
        self.changed.emit()

    # -- the errors as a workbook ------------------------------------------------------------
    def save_errors(self) -> bool:
        """The failing rows as read, with the sheet's row number and an error column, as an
        .xlsx file (in the background, with progress)."""
        from crm_desktop.ui.export_runner import choose_export_file, run_export, suggested_name

        plan = self.plan
        if plan is None or not plan.errors:
            return False
        name = display.plain(display.fill(self.tr("{file} errors"), file=Path(plan.file_name).stem))
        path = choose_export_file(self, suggested_name(name), ("xlsx",))
        if path is None:
            return False
        table = self.service.error_table(plan, ui_lang())

        def job(progress: Any, cancelled: Any) -> int:
            from crm_desktop.export.files import write_table

            return write_table(table, path, progress=progress, cancelled=cancelled)

        return run_export(self, job, path, self.tr("Saving the errors"), total=table.row_count)
