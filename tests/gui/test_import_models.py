"""The import wizard's table models over a hand-made sheet and plan: the columns step (a
field chosen twice is flagged on both columns), the errors (the sheet's row, the field,
the message in the interface language), the duplicates (a choice per row changes what the
import would do) and the similar names; every model passes Qt's model tester."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from crm_desktop.imports.sheet import SheetData, SheetRow
from crm_desktop.services.imports.model import (
    ImportPlan,
    Match,
    OnDuplicate,
    PlannedRow,
    RowError,
    SimilarName,
)
from crm_desktop.ui.qtmodels.import_mapping_model import (
    FIELD,
    SAMPLES,
    MappingModel,
    samples,
    value_text,
)
from crm_desktop.ui.qtmodels.import_preview_model import (
    DuplicatesModel,
    ErrorsModel,
    WarningsModel,
)
from crm_desktop.ui.widgets.choice_delegate import CHOICES_ROLE

HEADERS = ("نام و نام خانوادگی", "موبایل", "تلفن همراه", "")


def a_sheet() -> SheetData:
    rows = [SheetRow(4, ("سارا احمدی", 9121234567.0, None, None)),
            SheetRow(5, ("رضا کریمی", "0912 765 4321", "09351112233", date(1990, 3, 21))),
            SheetRow(7, ("سارا احمدی", 9121234567.0, None, "x"))]
    return SheetData("مشتریان.xlsx", "Sheet1", ("Sheet1",), 3, HEADERS, rows)


def a_plan() -> ImportPlan:
    rows = [
        PlannedRow(4, {"first_name": "سارا", "last_name": "احمدی", "mobile": "09121234567"}),
        PlannedRow(5, {"first_name": "رضا", "last_name": "کریمی", "mobile": "09127654321"},
                   Match("mobile", "09127654321", existing_id=12, existing_name="رضا کریمی")),
        PlannedRow(7, {"first_name": "سارا", "last_name": "احمدی", "mobile": "09121234567"},
                   Match("mobile", "09121234567", earlier_row=4)),
    ]
    errors = [RowError(9, "mobile", "mobile"), RowError(9, "birthday", "date"),
              RowError(11, None, "no_name")]
    warnings = [SimilarName(4, "سارا احمدی", "سارا احمدئی", "تهران", 93, existing_id=3)]
    return ImportPlan("contacts", "مشتریان.xlsx", "Sheet1", 3, HEADERS,
                      ("full_name", "mobile", None, None), rows, errors, warnings)


def test_sample_values_are_read_as_the_file_shows_them() -> None:
    assert value_text(9121234567.0) == "9121234567"
    assert value_text(date(1990, 3, 21)) == "1990-03-21"
    assert value_text("  0912   765 4321 ") == "0912 765 4321"
    found = samples(a_sheet())
    assert found[0] == ["سارا احمدی", "رضا کریمی"]  # the same value once
    assert found[1] == ["9121234567", "0912 765 4321"]
    assert found[2] == ["09351112233"]


def test_the_mapping_model_flags_a_field_chosen_twice(qtmodeltester, ui_lang) -> None:
    model = MappingModel()
    sheet = a_sheet()
    model.set_sheet(sheet.headers, samples(sheet), ("full_name", "mobile", "phone"),
                    ("full_name", "mobile", None, "no_such_field"))
    qtmodeltester.check(model)
    assert model.mapping() == ("full_name", "mobile", None, None)
    assert model.data(model.index(3, 0)) == "ستون ۴ (بدون عنوان)".replace(
        "۴", "\u2068۴\u2069")  # a blank header is named by its place
    assert "۹۱۲۱۲۳۴۵۶۷" in model.data(model.index(1, SAMPLES))  # Persian digits
    assert model.data(model.index(2, FIELD)) == "وارد نشود"
    assert [k for k, _t in model.data(model.index(0, FIELD), CHOICES_ROLE)] == [
        None, "full_name", "mobile", "phone"]
    assert model.twice() == {}
    assert model.setData(model.index(2, FIELD), "mobile")
    assert model.twice() == {"mobile": [1, 2]}
    for row in (1, 2):
        assert model.data(model.index(row, FIELD), Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(0, FIELD), Qt.ItemDataRole.ToolTipRole) is None
    assert not model.setData(model.index(2, FIELD), "not_a_field")
    assert model.setData(model.index(2, FIELD), None)
    assert model.twice() == {} and model.imported() == 2


def test_errors_show_the_row_the_field_and_the_message(qtmodeltester, ui_lang) -> None:
    model = ErrorsModel()
    model.set_plan(a_plan())
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    cells = [[model.data(model.index(r, c)) for c in range(3)] for r in range(3)]
    assert cells[0][:2] == ["۹", "موبایل"]
    assert cells[0][2] and not cells[0][2].startswith("موبایل:")  # the field is beside it
    assert cells[2] == ["۱۱", "—", "این سطر نام ندارد"]


@pytest.mark.parametrize("ui_lang", ["en"], indirect=True)
def test_errors_in_english(qtmodeltester, ui_lang) -> None:
    model = ErrorsModel()
    model.set_plan(a_plan())
    assert [model.data(model.index(2, c)) for c in range(3)] == [
        "11", "—", "the row has no name"]


def test_a_choice_per_row_changes_what_the_import_does(qtmodeltester, ui_lang) -> None:
    plan = a_plan()
    model = DuplicatesModel()
    model.set_plan(plan)
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert model.data(model.index(0, 2)) == "رضا کریمی"
    assert "۴" in model.data(model.index(1, 2))  # the earlier row of the file
    assert "۰۹۱۲۷۶۵۴۳۲۱" in model.data(model.index(0, 3))
    counts = plan.counts(model.options())
    assert (counts.new, counts.updates, counts.skipped) == (1, 0, 2)
    changed = []
    model.choice_changed.connect(lambda: changed.append(True))
    assert model.setData(model.index(0, DuplicatesModel.CHOICE), OnDuplicate.UPDATE.value)
    assert changed and model.options().per_row == {5: OnDuplicate.UPDATE}
    counts = plan.counts(model.options())
    assert (counts.new, counts.updates, counts.skipped) == (1, 1, 1)
    # the choice for all: the row chosen alone keeps its own
    model.set_default(OnDuplicate.CREATE)
    counts = plan.counts(model.options())
    assert (counts.new, counts.updates, counts.skipped) == (2, 1, 0)
    # choosing the choice for all again on the row makes it follow the default
    model.setData(model.index(0, DuplicatesModel.CHOICE), OnDuplicate.CREATE.value)
    assert model.options().per_row == {}
    assert not model.setData(model.index(0, 1), "x")  # only the last column is edited
    assert not model.setData(model.index(0, DuplicatesModel.CHOICE), "nonsense")
    qtmodeltester.check(model)


def test_similar_names(qtmodeltester, ui_lang) -> None:
    model = WarningsModel()
    model.set_plan(a_plan())
    qtmodeltester.check(model)
    assert [model.data(model.index(0, c)) for c in range(5)] == [
        "۴", "سارا احمدی", "سارا احمدئی", "تهران", "۹۳٪"]


def test_an_address_keeps_its_digits(qtmodeltester, ui_lang) -> None:
    from crm_desktop.ui import display
    from crm_desktop.ui.qtmodels.import_mapping_model import sample_text
    from crm_desktop.ui.qtmodels.import_preview_model import by_text

    assert sample_text("sara2@example.com") == "sara2@example.com"
    assert sample_text("0912 345") == "۰۹۱۲ ۳۴۵"
    assert "sara2@example.com" in display.plain(by_text("email", "sara2@example.com"))
    assert "۰۹۱۲۳۴۵۶۷۸۹" in by_text("mobile", "09123456789")
