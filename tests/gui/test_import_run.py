"""The import wizard end to end, on a workbook written in the test and a real database:
read, mapped, checked, written, undone. Saving the errors writes the failing rows; Cancel
during the run writes nothing; the last import is undone through the File menu (and its
refusal said), and from the wizard's summary."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from crm_desktop.services.base import ListQuery
from crm_desktop.services.imports.model import ImportOptions
from crm_desktop.ui.dialogs import import_undo
from crm_desktop.ui.dialogs.import_wizard import COLUMNS, PREVIEW, RUN, ImportWizard

# the export runner's progress dialog is really shown (a modal loop): offscreen Qt has no
# window system to pass its size limits to
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

HEADER = ["نام و نام خانوادگی", "موبایل", "شهر"]
ROWS = [
    ["سارا محمدی", "0912 345 6789", "تهران"],
    ["رضا كريمي", "+98 935 111 2233", "قم"],          # Arabic letters, +98
    ["مریم کاظمی", "00989121112233", None],            # already in the database
    ["سارا محمدی", "09123456789", "تهران"],            # row 4 typed again
    ["کیوان مهرابی", "0912 12", "تهران"],              # a mobile cut short
    [None, "09371112277", "شیراز"],                    # no name
]


def workbook(path: Path, rows: list[list[Any]]) -> Path:
    """A hand-kept sheet: a title row and a blank row above the header."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["مشتریان نمایشگاه"])
    sheet.append([])
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


@pytest.fixture
def customers(core, tmp_path: Path) -> Path:
    core.contacts.create({"first_name": "مریم", "last_name": "کاظمی",
                          "mobile": "09121112233", "city": "اصفهان"})
    return workbook(tmp_path / "مشتریان.xlsx", ROWS)


def names(core) -> list[str]:
    return sorted(r["full_name"] for r in core.contacts.list(ListQuery(limit=100)).rows)


def to_preview(wizard: ImportWizard, qtbot, path: Path) -> None:
    wizard.file_page.open_file(path)
    qtbot.waitUntil(lambda: not wizard.file_page.busy())
    assert wizard.file_page.error.isHidden(), wizard.file_page.error.text()
    wizard.next()
    assert wizard.step() == COLUMNS
    wizard.next()
    qtbot.waitUntil(lambda: wizard.preview_page.plan is not None)
    assert wizard.step() == PREVIEW


def run(wizard: ImportWizard, qtbot) -> None:
    wizard.next()
    assert wizard.step() == RUN
    qtbot.waitUntil(lambda: not wizard.run_page.busy())


def counts(wizard: ImportWizard) -> tuple[int | None, ...]:
    cards = wizard.preview_page.cards
    return tuple(cards[k].value for k in ("new", "updates", "skipped", "errors"))


def test_contacts_from_a_workbook_end_to_end(core, ops, qtbot, ui_lang, customers) -> None:
    changed: list[list[str]] = []
    ops.changed.connect(changed.append)
    wizard = ImportWizard(core, ops, "contacts")
    qtbot.addWidget(wizard)
    wizard.file_page.open_file(customers)
    qtbot.waitUntil(lambda: not wizard.file_page.busy())
    sheet = wizard.file_page.sheet
    assert sheet is not None and sheet.header_row == 3 and len(sheet.rows) == 6
    assert "۶" in wizard.file_page.file_label.text()  # six rows, in Persian digits
    wizard.next()
    assert wizard.columns_page.mapping() == ("full_name", "mobile", "city")
    wizard.next()
    qtbot.waitUntil(lambda: wizard.preview_page.plan is not None)
    page = wizard.preview_page
    # two new; the customer of the database and the repeated row skipped; two errors
    assert counts(wizard) == (2, 0, 2, 2)
    errors = page.errors_model
    rows = {errors.data(errors.index(r, 0)) for r in range(errors.rowCount())}
    assert rows == {"۸", "۹"}  # the sheet's own row numbers
    assert page.duplicates_model.rowCount() == 2
    # fill the empty fields of the records they match
    page.duplicate_choice.setCurrentIndex(page.duplicate_choice.findData("update"))
    assert counts(wizard) == (2, 2, 0, 2)
    page.tags.setText("نمایشگاه ۱۴۰۴")
    run(wizard, qtbot)
    batch = wizard.run_page.batch
    assert batch is not None and batch.created == 2
    assert names(core) == sorted(["مریم کاظمی", "سارا محمدی", "رضا کریمی"])
    tagged = core.contacts.list(ListQuery(filters={"tag": "نمایشگاه ۱۴۰۴"}, limit=10)).rows
    assert len(tagged) == 3  # the two new ones and the one updated
    assert any("contacts" in tables for tables in changed)  # the lists refresh
    assert wizard.run_page.cards["created"].value == 2
    assert wizard.next_button.text() == "پایان" and not wizard.back_button.isVisibleTo(wizard)
    wizard.run_page.open_button.click()
    assert wizard.open_section == "contacts"


def test_save_errors_writes_the_failing_rows(core, ops, qtbot, ui_lang, customers,
                                             tmp_path: Path, monkeypatch, boxes) -> None:
    wizard = ImportWizard(core, ops, "contacts")
    qtbot.addWidget(wizard)
    to_preview(wizard, qtbot, customers)
    target = tmp_path / "خطاها.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_a, **_k: (str(target), ""))
    assert wizard.preview_page.save_errors_button.isEnabled()
    assert wizard.preview_page.save_errors()
    cells = [[c for c in row if c is not None]
             for row in openpyxl.load_workbook(target).active.iter_rows(values_only=True)]
    text = "\n".join(" ".join(str(c) for c in row) for row in cells)
    assert "کیوان مهرابی" in text and "0912 12" in text  # the failing rows as read
    assert "09371112277" in text
    assert "سارا محمدی" not in text  # only the failing rows
    assert "موبایل" in text  # the error column says what is wrong, in Persian


class HeldService:
    """The real ImportService whose run waits until the test lets it start."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.go = threading.Event()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)

    def run(self, plan: Any, options: Any, **kwargs: Any) -> Any:
        self.go.wait(30)
        return self.real.run(plan, options, **kwargs)


def test_cancel_during_the_run_writes_nothing(core, ops, qtbot, ui_lang, tmp_path) -> None:
    rows = [[f"مشتری {i}", f"0912{i:07d}", "تهران"] for i in range(1200)]
    path = workbook(tmp_path / "بزرگ.xlsx", rows)
    held = HeldService(core.imports)
    wizard = ImportWizard(core, ops, "contacts", service=held)
    qtbot.addWidget(wizard)
    to_preview(wizard, qtbot, path)
    before = core.contacts.count()
    wizard.next()
    assert wizard.run_page.busy()
    assert "چیزی نمی" in wizard.run_page.run_note.text()  # the dialog says so
    wizard.reject()  # Cancel (or Escape) while writing
    assert not wizard.cancel_button.isEnabled()
    held.go.set()
    qtbot.waitUntil(lambda: not wizard.run_page.busy())
    assert wizard.step() == PREVIEW
    assert "نوشته نشد" in wizard.status.text()
    assert core.contacts.count() == before
    assert core.imports.last_batch() is None
    assert wizard.result() == 0 and wizard.cancel_button.isEnabled()


def imported(core, path: Path) -> Any:
    from crm_desktop.imports import read_sheet

    sheet = read_sheet(path)
    plan = core.imports.plan("contacts", sheet, core.imports.mapping("contacts", sheet.headers))
    return core.imports.run(plan, ImportOptions())


def file_menu(window) -> Any:
    return window.menuBar().actions()[0].menu()


def test_undo_last_import_through_the_file_menu(controller, tmp_path, monkeypatch) -> None:
    core, window = controller.core, controller.window
    core.contacts.create({"first_name": "مریم", "last_name": "کاظمی",
                          "mobile": "09121112233"})
    menu = file_menu(window)
    menu.aboutToShow.emit()
    assert not window.undo_import_action.isEnabled()  # nothing imported yet
    batch = imported(core, workbook(tmp_path / "مشتریان.xlsx", ROWS))
    assert batch.created == 2 and len(names(core)) == 3
    menu.aboutToShow.emit()
    assert window.undo_import_action.isEnabled()
    assert window.undo_import_action.text() == "برگرداندن آخرین ورود اطلاعات…"
    asked: list[QMessageBox] = []

    def answer(box: QMessageBox) -> int:
        asked.append(box)
        return int(QMessageBox.StandardButton.Yes)

    monkeypatch.setattr(import_undo, "ask_box", answer)
    window.undo_import_action.trigger()
    question = asked[0]
    assert question.objectName() == "confirmUndoImport"
    assert "مشتریان.xlsx" in question.text()  # the batch named: its file,
    assert "۱۴۰" in question.text()  # its Jalali date in Persian digits,
    assert "مخاطبان تازه: \u2068۲" in question.text() or "مخاطبان تازه: ۲" in question.text()
    assert asked[-1].objectName() == "importUndone"
    assert names(core) == ["مریم کاظمی"]  # the created contacts are gone
    menu.aboutToShow.emit()
    assert not window.undo_import_action.isEnabled()
    window.undo_import()  # asked while another window undid it: nothing to undo
    assert asked[-1].objectName() == "noImportToUndo"
    assert names(core) == ["مریم کاظمی"]


def test_a_refused_undo_is_said(controller, tmp_path, monkeypatch, boxes) -> None:
    core, window = controller.core, controller.window
    imported(core, workbook(tmp_path / "مشتریان.xlsx", ROWS))
    sara = next(r["id"] for r in core.contacts.list(ListQuery(limit=10)).rows
                if r["full_name"] == "سارا محمدی")
    core.contacts.update(sara, {"city": "کرج"})  # changed since the import
    monkeypatch.setattr(import_undo, "ask_box",
                        lambda box: int(QMessageBox.StandardButton.Yes))
    window.undo_import_action.trigger()
    assert boxes and boxes[-1].objectName() == "messageBox"  # the refusal, politely
    assert boxes[-1].text()
    assert "سارا محمدی" in names(core)  # nothing undone


def test_undo_from_the_summary(core, ops, qtbot, ui_lang, customers, monkeypatch) -> None:
    wizard = ImportWizard(core, ops, "contacts")
    qtbot.addWidget(wizard)
    to_preview(wizard, qtbot, customers)
    run(wizard, qtbot)
    assert len(names(core)) == 3
    monkeypatch.setattr(import_undo, "ask_box",
                        lambda box: int(QMessageBox.StandardButton.Yes))
    wizard.run_page.undo_button.click()
    assert names(core) == ["مریم کاظمی"]
    assert not wizard.run_page.undo_button.isEnabled()
    assert "برگردانده شد" in wizard.run_page.done_label.text()
