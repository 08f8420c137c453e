"""The import wizard's steps on hand-made sheets and plans (a small service stands in for
ImportService, so each step's own behaviour is tested alone): a field chosen twice or no
name column stops the way with the reason; the counts follow the choice for duplicates,
for all rows and per row; a file that cannot be read is said in Persian; a workbook with
several sheets offers them; the entry points open the wizard on the list's kind."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from crm_desktop.imports.sheet import ImportFileError, SheetData, SheetRow
from crm_desktop.services.imports.model import (
    ImportBatch,
    ImportPlan,
    Match,
    OnDuplicate,
    PlannedRow,
    RowError,
)
from crm_desktop.ui.dialogs import import_wizard
from crm_desktop.ui.dialogs.import_wizard import COLUMNS, FILE, PREVIEW, RUN, ImportWizard
from crm_desktop.ui.qtmodels.import_mapping_model import FIELD

HEADERS = ("نام و نام خانوادگی", "موبایل", "تلفن همراه", "شهر")
FIELDS = ("full_name", "first_name", "last_name", "mobile", "phone", "city")


def a_sheet(sheets: tuple[str, ...] = ("Sheet1",)) -> SheetData:
    rows = [SheetRow(3 + i, (f"مشتری {i}", f"0912000{i:04d}", None, "تهران"))
            for i in range(6)]
    return SheetData("مشتریان.xlsx", sheets[0], sheets, 2, HEADERS, rows)


class FakeService:
    """ImportService's calls as the wizard makes them, over a hand-made plan: rows 3 and 4
    are new, 5 and 6 match records, 7 repeats row 3, row 8 fails."""

    def __init__(self) -> None:
        self.runs: list[Any] = []

    def fields(self, kind: str) -> tuple[str, ...]:
        return FIELDS

    def mapping(self, kind: str, headers: Any) -> tuple[str | None, ...]:
        return ("full_name", "mobile", None, "city")

    def plan(self, kind: str, sheet: SheetData, mapping: Any, *, progress: Any = None,
             cancelled: Any = None) -> ImportPlan:
        rows = [PlannedRow(3, {"first_name": "مشتری", "last_name": "۰"}),
                PlannedRow(4, {"first_name": "مشتری", "last_name": "۱"}),
                PlannedRow(5, {"first_name": "مشتری", "last_name": "۲"},
                           Match("mobile", "09120000002", existing_id=40,
                                 existing_name="مشتری دو")),
                PlannedRow(6, {"first_name": "مشتری", "last_name": "۳"},
                           Match("mobile", "09120000003", existing_id=41,
                                 existing_name="مشتری سه")),
                PlannedRow(7, {"first_name": "مشتری", "last_name": "۰"},
                           Match("mobile", "09120000000", earlier_row=3))]
        return ImportPlan(kind, sheet.file_name, sheet.sheet, sheet.header_row, sheet.headers,
                          tuple(mapping), rows, [RowError(8, "mobile", "mobile")], [])

    def run(self, plan: ImportPlan, options: Any, *, progress: Any = None,
            cancelled: Any = None) -> ImportBatch:
        self.runs.append(options)
        counts = plan.counts(options)
        return ImportBatch(1, plan.kind, plan.file_name, datetime.now(UTC), None,
                           counts.new, counts.updates)


class FakeReader:
    def __init__(self, outcome: Any) -> None:
        self.outcome = outcome
        self.asked: list[str | None] = []

    def read_sheet(self, path: Path, *, sheet: str | None = None, progress: Any = None,
                   cancelled: Any = None) -> SheetData:
        self.asked.append(sheet)
        if isinstance(self.outcome, Exception):
            raise self.outcome
        data = self.outcome
        if sheet is not None:
            data = SheetData(data.file_name, sheet, data.sheets, data.header_row,
                             data.headers, data.rows[:2])
        return data


@pytest.fixture
def service() -> FakeService:
    return FakeService()


def make(core, ops, qtbot, service: FakeService, reader: Any = None,
         kind: str = "contacts") -> ImportWizard:
    wizard = ImportWizard(core, ops, kind, service=service,  # type: ignore[arg-type]
                          reader=reader or FakeReader(a_sheet()))
    qtbot.addWidget(wizard)
    return wizard


def read(wizard: ImportWizard, qtbot, path: Path = Path("مشتریان.xlsx")) -> None:
    wizard.file_page.open_file(path)
    qtbot.waitUntil(lambda: not wizard.file_page.busy())


def checked(wizard: ImportWizard, qtbot) -> None:
    wizard.next()  # the columns step
    wizard.next()  # the check
    qtbot.waitUntil(lambda: wizard.preview_page.plan is not None)


def test_a_field_chosen_twice_or_no_name_stops_the_way(core, ops, qtbot, ui_lang,
                                                        service) -> None:
    wizard = make(core, ops, qtbot, service)
    assert wizard.step() == FILE and not wizard.next_button.isEnabled()
    read(wizard, qtbot)
    assert wizard.next_button.isEnabled()
    wizard.next()
    assert wizard.step() == COLUMNS
    model = wizard.columns_page.model
    assert wizard.columns_page.mapping() == ("full_name", "mobile", None, "city")
    assert wizard.next_button.isEnabled() and not wizard.columns_page.problem.isVisibleTo(
        wizard)
    # the second mobile column set to "mobile" too
    model.setData(model.index(2, FIELD), "mobile")
    assert not wizard.next_button.isEnabled()
    problem = wizard.columns_page.problem.text()
    assert "موبایل" in problem and "تلفن همراه" in problem  # both columns named
    wizard.next()
    assert wizard.step() == COLUMNS  # Next does nothing
    model.setData(model.index(2, FIELD), "phone")
    assert wizard.next_button.isEnabled()
    # no column holds the names
    model.setData(model.index(0, FIELD), None)
    assert not wizard.next_button.isEnabled()
    assert "نام" in wizard.columns_page.problem.text()
    model.setData(model.index(0, FIELD), "first_name")
    assert wizard.next_button.isEnabled()
    # the mapping chosen is the one checked
    wizard.next()
    qtbot.waitUntil(lambda: wizard.preview_page.plan is not None)
    assert wizard.preview_page.plan.mapping == ("first_name", "mobile", "phone", "city")


def test_the_counts_follow_the_choice_for_duplicates(core, ops, qtbot, ui_lang,
                                                      service) -> None:
    wizard = make(core, ops, qtbot, service)
    read(wizard, qtbot)
    checked(wizard, qtbot)
    page = wizard.preview_page
    assert wizard.step() == PREVIEW

    def cards() -> tuple[int | None, ...]:
        return tuple(page.cards[k].value for k in ("new", "updates", "skipped", "errors"))

    assert cards() == (2, 0, 3, 1)  # duplicates skipped by default
    assert wizard.next_button.text() == "ورود ۲ ردیف".replace("۲", "\u2068۲\u2069")
    page.duplicate_choice.setCurrentIndex(page.duplicate_choice.findData("update"))
    assert cards() == (2, 3, 0, 1)
    page.duplicate_choice.setCurrentIndex(page.duplicate_choice.findData("create"))
    assert cards() == (5, 0, 0, 1)
    # one row skipped alone, in the duplicates table
    model = page.duplicates_model
    assert model.rowCount() == 3
    model.setData(model.index(0, model.CHOICE), OnDuplicate.SKIP.value)
    assert cards() == (4, 0, 1, 1)
    assert page.cards["skipped"].note_label.text()  # "of 3 duplicates"
    # the run gets the same choices
    page.tags.setText("نمایشگاه ۱۴۰۴، عمده‌فروش, نمایشگاه ۱۴۰۴")
    wizard.next()
    qtbot.waitUntil(lambda: wizard.run_page.batch is not None)
    options = service.runs[-1]
    assert options.on_duplicate is OnDuplicate.CREATE
    assert options.per_row == {5: OnDuplicate.SKIP}
    assert list(options.tags) == ["نمایشگاه ۱۴۰۴", "عمده‌فروش"]
    assert options.list_id is None
    assert wizard.step() == RUN
    assert wizard.run_page.cards["created"].value == 4
    assert not wizard.cancel_button.isVisibleTo(wizard)


def test_nothing_to_import_keeps_the_import_button_off(core, ops, qtbot, ui_lang,
                                                       service) -> None:
    service.plan = lambda kind, sheet, mapping, **_kw: ImportPlan(  # type: ignore[method-assign]
        kind, sheet.file_name, None, 1, sheet.headers, tuple(mapping), [],
        [RowError(3, None, "no_name")], [])
    wizard = make(core, ops, qtbot, service)
    read(wizard, qtbot)
    checked(wizard, qtbot)
    assert not wizard.next_button.isEnabled()
    assert wizard.status.text()
    page = wizard.preview_page
    assert page.errors_tab.empty.isHidden() and not page.errors_tab.table.isHidden()
    assert not page.duplicates_tab.empty.isHidden() and page.duplicates_tab.table.isHidden()


def test_a_file_that_cannot_be_read_is_said_in_persian(core, ops, qtbot, ui_lang,
                                                       service) -> None:
    wizard = make(core, ops, qtbot, service, FakeReader(ImportFileError("no_header")))
    read(wizard, qtbot)
    error = wizard.file_page.error
    assert error.isVisibleTo(wizard)
    assert error.text() == ImportFileError("no_header").message("fa")
    assert not wizard.next_button.isEnabled()
    # a crash in the reader is said as an unreadable file, not a traceback
    wizard.file_page.reader = FakeReader(ValueError("boom"))
    read(wizard, qtbot)
    assert error.text() == ImportFileError("unreadable").message("fa")


def test_a_workbook_with_several_sheets_offers_them(core, ops, qtbot, ui_lang,
                                                     service) -> None:
    reader = FakeReader(a_sheet(("فروش", "قدیمی")))
    wizard = make(core, ops, qtbot, service, reader)
    read(wizard, qtbot)
    sheets = wizard.file_page.sheets
    assert sheets.isVisibleTo(wizard) and sheets.count() == 2
    assert sheets.currentText() == "فروش"
    sheets.activated.emit(1)
    qtbot.waitUntil(lambda: not wizard.file_page.busy())
    assert reader.asked == [None, "قدیمی"]
    assert wizard.file_page.sheet is not None and wizard.file_page.sheet.sheet == "قدیمی"
    assert "قدیمی" in wizard.file_page.file_label.text()


def test_the_kind_is_chosen_on_the_file_step(core, ops, qtbot, ui_lang, service) -> None:
    wizard = make(core, ops, qtbot, service, kind="products")
    assert wizard.kind() == "products"
    wizard.file_page.set_kind("companies")
    assert wizard.kind() == "companies"
    assert "شرکت" in wizard.file_page.hint.text()


def test_the_lists_open_the_wizard_on_their_kind(core, ops, qtbot, ui_lang,
                                                  monkeypatch) -> None:
    from crm_desktop.ui.ui_settings import UiSettings
    from crm_desktop.ui.views.companies import CompaniesView
    from crm_desktop.ui.views.contacts import ContactsView
    from crm_desktop.ui.views.products import ProductsView

    opened: list[str] = []

    def run(dialog: ImportWizard) -> int:
        opened.append(dialog.kind())
        dialog.open_section = "contacts" if dialog.kind() == "contacts" else None
        return 0

    monkeypatch.setattr(import_wizard, "run_dialog", run)
    for view_class in (ContactsView, CompaniesView, ProductsView):
        view = view_class(core, ops, UiSettings())
        qtbot.addWidget(view)
        shown: list[str] = []
        view.navigate.connect(shown.append)
        assert view.import_button is not None
        assert view.import_button.toolTip() == "ورود اطلاعات از اکسل یا CSV…"
        view.import_button.click()
        # an empty list offers the import too
        more = view.empty.findChild(QPushButton, "emptyStateMore")
        assert more is not None and more.isVisibleTo(view)
        more.click()
        if view_class is ContactsView:
            assert shown == ["contacts", "contacts"]  # "Open contacts" at the end
    assert opened == ["contacts", "contacts", "companies", "companies", "products",
                      "products"]


def test_the_file_menu_opens_the_wizard_on_the_section_shown(controller, monkeypatch) -> None:
    window = controller.window
    opened: list[str] = []
    monkeypatch.setattr(import_wizard, "run_dialog",
                        lambda dialog: opened.append(dialog.kind()) or 0)
    action = window.findChild(type(window.undo_import_action), "importFile")
    assert action.text() == "ورود اطلاعات از اکسل…"
    window.show_section("companies")
    action.trigger()
    window.show_section("products")
    action.trigger()
    window.show_section("pipeline")
    action.trigger()
    assert opened == ["companies", "products", "contacts"]


def test_the_duplicates_table_edits_a_row_in_place(core, ops, qtbot, ui_lang,
                                                   service) -> None:
    wizard = make(core, ops, qtbot, service)
    read(wizard, qtbot)
    checked(wizard, qtbot)
    table = wizard.preview_page.duplicates_tab.table
    model = wizard.preview_page.duplicates_model
    index = model.index(1, model.CHOICE)
    assert model.flags(index) & Qt.ItemFlag.ItemIsEditable
    delegate = table.itemDelegateForColumn(model.CHOICE)
    from crm_desktop.ui.widgets.choice_delegate import ChoiceDelegate

    assert isinstance(delegate, ChoiceDelegate)
    from PySide6.QtWidgets import QComboBox, QStyleOptionViewItem

    editor = delegate.createEditor(table.viewport(), QStyleOptionViewItem(), index)
    assert isinstance(editor, QComboBox) and editor.count() == 4
    editor.setProperty("opened", True)  # no drop-down list offscreen
    delegate.setEditorData(editor, index)
    assert editor.currentData() == OnDuplicate.SKIP.value
    editor.setCurrentIndex(editor.findData(OnDuplicate.OVERWRITE.value))
    delegate.setModelData(editor, model, index)
    assert model.options().per_row == {6: OnDuplicate.OVERWRITE}
    assert wizard.preview_page.cards["updates"].value == 1
    editor.deleteLater()


def test_the_real_reader_behind_the_file_step(core, ops, qtbot, ui_lang, service,
                                              tmp_path: Path) -> None:
    """A file really read: an empty CSV is said in Persian; a workbook's sheets are offered,
    the first one with data chosen."""
    import openpyxl

    wizard = ImportWizard(core, ops, "contacts", service=service)  # type: ignore[arg-type]
    qtbot.addWidget(wizard)
    empty = tmp_path / "خالی.csv"
    empty.write_bytes(b"")
    read(wizard, qtbot, empty)
    assert wizard.file_page.error.text() == ImportFileError("empty").message("fa")
    assert not wizard.next_button.isEnabled()
    book = openpyxl.Workbook()
    book.active.title = "خالی"
    data = book.create_sheet("مشتریان")
    data.append(["نام", "موبایل"])
    data.append(["سارا", "09123456789"])
    path = tmp_path / "دو برگه.xlsx"
    book.save(path)
    read(wizard, qtbot, path)
    assert wizard.file_page.error.isHidden()
    assert wizard.file_page.sheets.isVisibleTo(wizard)
    assert wizard.file_page.sheets.currentText() == "مشتریان"
    assert wizard.next_button.isEnabled()


# the offscreen plugin warns that it cannot pass a dialog's size hints to a window manager
@pytest.mark.qt_log_ignore("propagateSizeHints")
@pytest.mark.parametrize("ui_lang", ["fa", "en"], indirect=True)
def test_every_step_fits_at_1366x768(small_screen, core, ops, qtbot, ui_lang, service,
                                     qapp) -> None:
    from tests.gui.layout_checks import overlapping
    from tests.gui.test_fits_the_screen import fits

    wizard = make(core, ops, qtbot, service)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    wizard.show()
    problems: list[str] = []

    def look(step: str) -> None:
        qapp.processEvents()
        problems.extend(f"{step}: {p}" for p in fits(wizard) + overlapping(wizard))

    look("file")
    read(wizard, qtbot)
    look("file read")
    wizard.next()
    look("columns")
    wizard.next()
    qtbot.waitUntil(lambda: wizard.preview_page.plan is not None)
    for tab in range(wizard.preview_page.tabs.count()):
        wizard.preview_page.tabs.setCurrentIndex(tab)
        look(f"preview tab {tab}")
    wizard.next()
    qtbot.waitUntil(lambda: wizard.run_page.batch is not None)
    look("summary")
    assert problems == []
