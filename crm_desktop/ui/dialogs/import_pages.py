"""The import wizard's first two steps: the file (what to import, the file chosen or
dropped, read in the background, its sheet) and its columns (the field each is imported
as). ui/dialogs/import_wizard.py puts them in order; the preview and the run are in
import_preview.py and import_run.py."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.imports.sheet import ImportFileError, SheetData
from crm_desktop.services.imports.model import IMPORT_KINDS, ImportKind
from crm_desktop.ui import display
from crm_desktop.ui.import_thread import CANCELLED, Finished, JobThread
from crm_desktop.ui.qtmodels.import_mapping_model import FIELD, MappingModel, samples
from crm_desktop.ui.theme import icons, tokens
from crm_desktop.ui.widgets.choice_delegate import ChoiceDelegate
from crm_desktop.ui.widgets.locale_util import ui_lang

translate = QCoreApplication.translate

log = logging.getLogger(__name__)

SUFFIXES = (".xlsx", ".xls", ".ods", ".csv")
# the fields that give a record its name: one of them must be imported
NAME_FIELDS: dict[str, tuple[str, ...]] = {
    "contacts": ("full_name", "first_name", "last_name"),
    "companies": ("name",),
    "products": ("name",),
}


def kind_names() -> dict[str, str]:
    return {"contacts": translate("ImportWizard", "Contacts"),
            "companies": translate("ImportWizard", "Companies"),
            "products": translate("ImportWizard", "Products and services")}


def file_error_text(error: BaseException) -> str:
    """What the file step says about a file that cannot be imported."""
    if isinstance(error, ImportFileError):
        return error.message(ui_lang())
    return ImportFileError("unreadable").message(ui_lang())


def quoted(name: str) -> str:
    """A file, sheet, column or field named in a sentence: in the quotation marks of the
    UI's language, isolated from the words around it."""
    if display.persian():
        return f"«{display.isolate(name)}»"
    return f"“{display.isolate(name)}”"


class DropZone(QFrame):
    """Where a file is dropped (or chosen with the button inside it)."""

    dropped = Signal(object)  # Path

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dropZone")
        self.setAcceptDrops(True)
        self.icon = QLabel(self)
        self.icon.setPixmap(icons.icon("file-spreadsheet").pixmap(40, 40))
        self.icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = QLabel(self.tr("Drop an Excel or CSV file here, or"), self)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.choose = QPushButton(self.tr("Choose a file…"), self)
        self.choose.setObjectName("chooseImportFile")
        self.choose.setProperty("primary", True)
        self.formats = QLabel(self.tr("Excel (.xlsx, .xls), OpenDocument (.ods) or CSV"), self)
        self.formats.setProperty("role", "caption")
        self.formats.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        pad = tokens.SPACING["l"]
        layout.setContentsMargins(pad, pad, pad, pad)
        layout.setSpacing(tokens.SPACING["s"])
        layout.addWidget(self.icon)
        layout.addWidget(self.text)
        layout.addWidget(self.choose, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.formats)

    @staticmethod
    def _path(event: QDragEnterEvent | QDropEvent) -> Path | None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        paths = [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]
        return paths[0] if len(paths) == 1 else None

    def _hover(self, on: bool) -> None:
        self.setProperty("hover", on)
        self.style().unpolish(self)
        self.style().polish(self)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        path = self._path(event)
        if path is not None and path.suffix.lower() in SUFFIXES:
            event.acceptProposedAction()
            self._hover(True)

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._hover(False)

    def dropEvent(self, event: QDropEvent) -> None:
        self._hover(False)
        path = self._path(event)
        if path is not None:
            event.acceptProposedAction()
            self.dropped.emit(path)


class FilePage(QWidget):
    """Step 1: what to import and from which file. The file is read in a worker thread
    (`reader.read_sheet`); `changed` is emitted when a sheet was read, failed or cleared."""

    changed = Signal()

    def __init__(self, kind: ImportKind, reader: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("importFilePage")
        self.reader = reader
        self.path: Path | None = None
        self.sheet: SheetData | None = None
        self.thread: JobThread | None = None

        question = QLabel(self.tr("What do you want to import?"), self)
        question.setProperty("role", "section")
        self.kinds = QButtonGroup(self)
        kinds_row = QHBoxLayout()
        for i, (key, name) in enumerate(kind_names().items()):
            button = QRadioButton(name, self)
            button.setObjectName(f"importKind_{key}")
            button.setChecked(key == kind)
            self.kinds.addButton(button, i)
            kinds_row.addWidget(button)
        kinds_row.addStretch(1)
        self.kinds.idToggled.connect(self._kind_toggled)

        self.drop = DropZone(self)
        self.drop.choose.clicked.connect(self.choose_file)
        self.drop.dropped.connect(self.open_file)

        self.file_label = QLabel(self)
        self.file_label.setObjectName("importFileName")
        self.file_label.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("importReadBar")
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.error = QLabel(self)
        self.error.setObjectName("importFileError")
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.sheet_label = QLabel(self.tr("Sheet:"), self)
        self.sheets = QComboBox(self)
        self.sheets.setObjectName("importSheet")
        self.sheets.activated.connect(self._sheet_chosen)
        sheet_row = QHBoxLayout()
        sheet_row.addWidget(self.sheet_label)
        sheet_row.addWidget(self.sheets)
        sheet_row.addStretch(1)
        self.sheets.setMinimumWidth(240)
        self._show_sheets(())

        self.hint = QLabel(self)
        self.hint.setObjectName("importHint")
        self.hint.setProperty("role", "muted")
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.RichText)

        layout = QVBoxLayout(self)
        layout.setSpacing(tokens.SPACING["s"])
        layout.addWidget(question)
        layout.addLayout(kinds_row)
        layout.addWidget(self.drop)
        layout.addWidget(self.file_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.error)
        layout.addLayout(sheet_row)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        self._show_hint()

    # -- what to import ----------------------------------------------------------------------
    def kind(self) -> ImportKind:
        return IMPORT_KINDS[max(0, self.kinds.checkedId())]

    def set_kind(self, kind: ImportKind) -> None:
        self.kinds.button(IMPORT_KINDS.index(kind)).setChecked(True)

    def _kind_toggled(self, _id: int, checked: bool) -> None:
        if checked:
            self._show_hint()
            self.changed.emit()

    def _show_hint(self) -> None:
        first = {
            "contacts": self.tr("one row per person, one column per detail: name, mobile, "
                                "e-mail, national code, city, birthday, company…"),
            "companies": self.tr("one row per company, one column per detail: name, phone, "
                                 "national ID, economic code, city, address…"),
            "products": self.tr("one row per product or service, one column per detail: name, "
                                "product code, unit, price…"),
        }[self.kind()]
        lines = [first,
                 self.tr("the first row of the table names its columns; title rows above it "
                         "and blank rows are fine;"),
                 self.tr("mobiles, Jalali or Gregorian dates and Persian or English digits may "
                         "be written any way: they are cleaned up, and the rows that still have "
                         "a problem are listed before anything is saved.")]
        items = "".join(f"<li>{line}</li>" for line in lines)
        title = self.tr("A good file has")
        self.hint.setText(f"<b>{title}</b><ul style='margin: 0'>{items}</ul>")

    # -- the file ----------------------------------------------------------------------------
    def choose_file(self) -> None:
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        if self.path is not None:
            folder = str(self.path.parent)
        patterns = " ".join(f"*{s}" for s in SUFFIXES)
        chosen, _used = QFileDialog.getOpenFileName(
            self, self.tr("Choose the file to import"), folder,
            self.tr("Spreadsheets and CSV files ({patterns})").replace("{patterns}", patterns)
            + ";;" + self.tr("All files (*)"))
        if chosen:
            self.open_file(Path(chosen))

    def open_file(self, path: Path, sheet: str | None = None) -> None:
        """Read `path` (its sheet `sheet`, else the first one with data) in the background."""
        self.stop()
        self.path = Path(path)
        self.sheet = None
        self.error.hide()
        self.file_label.setText(display.fill(self.tr("Reading {file}…"), file=self.path.name))
        self.progress.show()
        if sheet is None:
            self._show_sheets(())
        reader, chosen = self.reader, self.path

        def job(progress: Any, cancelled: Any) -> SheetData:
            return reader.read_sheet(chosen, sheet=sheet, progress=progress,
                                     cancelled=cancelled)

        self.thread = JobThread(job, self)
        self.thread.progress.connect(self._read_progress)
        # an outcome of work stopped since (stop()) is left unread
        thread = self.thread
        self.thread.done.connect(lambda outcome, t=thread: self._read(t, outcome))
        self.thread.start()
        self.changed.emit()

    def _read_progress(self, rows: int) -> None:
        assert self.path is not None
        self.file_label.setText(display.fill(self.tr("Reading {file}: {rows} rows…"),
                                             file=self.path.name, rows=display.number(rows)))

    def _read(self, thread: JobThread, outcome: object) -> None:
        if thread is not self.thread:
            return
        self.progress.hide()
        thread.wait()
        thread.deleteLater()
        self.thread = None
        if isinstance(outcome, Finished):
            self.show_sheet(outcome.value)
        elif outcome is not CANCELLED:
            self.file_label.setText(display.fill(self.tr("File: {file}"),
                                                 file=self.path.name if self.path else ""))
            self.error.setText(file_error_text(outcome))  # type: ignore[arg-type]
            self.error.show()
            if not isinstance(outcome, ImportFileError):
                log.warning("cannot read %s: %s", self.path, outcome)
        self.changed.emit()

    def show_sheet(self, sheet: SheetData) -> None:
        self.sheet = sheet
        text = self.tr("{file}: {rows} rows, the header on row {header}.")
        if sheet.sheet is not None and len(sheet.sheets) > 1:
            text = self.tr("{file}, sheet {sheet}: {rows} rows, the header on row {header}.")
        self.file_label.setText(display.fill(
            text, sheet=quoted(sheet.sheet or ""), rows=display.number(len(sheet.rows)),
            header=display.digits(sheet.header_row)).replace("{file}", quoted(sheet.file_name)))
        self._show_sheets(sheet.sheets, sheet.sheet)
        if not sheet.rows:
            self.error.setText(ImportFileError("empty").message(ui_lang()))
            self.error.show()

    def _show_sheets(self, names: Sequence[str], current: str | None = None) -> None:
        self.sheets.clear()
        for name in names:
            self.sheets.addItem(name, name)
        if current is not None:
            self.sheets.setCurrentIndex(max(0, self.sheets.findData(current)))
        several = len(names) > 1
        self.sheets.setVisible(several)
        self.sheet_label.setVisible(several)

    def _sheet_chosen(self, index: int) -> None:
        name = self.sheets.itemData(index)
        if self.path is not None and name and (self.sheet is None or name != self.sheet.sheet):
            self.open_file(self.path, sheet=name)

    # -- state -------------------------------------------------------------------------------
    def busy(self) -> bool:
        return self.thread is not None

    def ready(self) -> bool:
        return self.sheet is not None and bool(self.sheet.rows) and not self.busy()

    def stop(self) -> None:
        if self.thread is not None:
            thread, self.thread = self.thread, None
            thread.stop()
            thread.deleteLater()
            self.progress.hide()


class ColumnsPage(QWidget):
    """Step 2: the field each column of the file is imported as."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("importColumnsPage")
        self.kind: ImportKind = "contacts"
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setObjectName("importColumnsSummary")
        self.summary.setProperty("role", "muted")
        self.model = MappingModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("importMapping")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(FIELD, ChoiceDelegate(self.table))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(36)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.table.setColumnWidth(0, 210)
        self.table.setColumnWidth(FIELD, 240)
        self.problem = QLabel(self)
        self.problem.setObjectName("importColumnsProblem")
        self.problem.setProperty("role", "error")
        self.problem.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setSpacing(tokens.SPACING["s"])
        layout.addWidget(self.intro)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problem)
        self.model.mapping_changed.connect(self._mapping_changed)

    def set_sheet(self, kind: ImportKind, sheet: SheetData, fields: Sequence[str],
                  mapping: Sequence[str | None]) -> None:
        self.kind = kind
        self.sheet = sheet
        self.intro.setText(display.fill(
            self.tr("Choose what each column of your file is. Columns set to “Don't import” are "
                    "left out. The choice is remembered for the next file with these columns.")))
        self.model.set_sheet(sheet.headers, samples(sheet), fields, mapping)

    def mapping(self) -> tuple[str | None, ...]:
        return self.model.mapping()

    def problem_text(self) -> str | None:
        """Why the import cannot go on with this mapping, or None."""
        twice = self.model.twice()
        if twice:
            key, columns = next(iter(twice.items()))
            names = self.tr(", ").join(quoted(self.model.data(self.model.index(c, 0)))
                                   for c in columns)
            return display.fill(self.tr("{field} is chosen for more than one column ({columns}): "
                                        "keep it for one of them."),
                                field=quoted(self.model.label(key))).replace(
                "{columns}", names)
        if self.model.imported() == 0:
            return self.tr("Choose at least one column to import.")
        names = [k for k in NAME_FIELDS[self.kind] if self.model.has_field(k)]
        if names and not set(names) & set(self.mapping()):
            labels = self.tr(" or ").join(quoted(self.model.label(k)) for k in names)
            return self.tr("No column is imported as the name: choose the column that holds "
                           "the names ({fields}).").replace("{fields}", labels)
        return None

    def _mapping_changed(self) -> None:
        self.summary.setText(display.fill(
            self.tr("{used} of {all} columns will be imported."),
            used=display.number(self.model.imported()),
            all=display.number(self.model.rowCount())))
        problem = self.problem_text()
        self.problem.setText(problem or "")
        self.problem.setVisible(problem is not None)
        self.changed.emit()
