"""Exporting a list from its view: what the user sees (filters, search, sort, the visible
columns in their order) in a background job with a progress dialog; Cancel leaves no file;
a failure is said politely."""

from __future__ import annotations

import csv
import threading
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from crm_desktop.export.table import ExportCancelled
from crm_desktop.text.digits import to_ascii_digits
from crm_desktop.ui import display
from crm_desktop.ui.export_runner import ExportProgressDialog, run_export
from crm_desktop.ui.ui_settings import UiSettings
from crm_desktop.ui.views.contacts import ContactsView

# the progress dialog is really shown (a modal loop while the job runs): offscreen Qt has no
# window system to pass its size limits to
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
NAMES = ["گلناز", "کاوه", "پرهام", "بابک", "آرش", "ژیلا", "زهرا", "یاسر", "چکاوک", "جواد"]


def save_to(monkeypatch: pytest.MonkeyPatch, path: Path | None) -> list[tuple[Any, ...]]:
    asked: list[tuple[Any, ...]] = []

    def ask(*args: Any, **_kw: Any) -> tuple[str, str]:
        asked.append(args)
        return (str(path) if path else "", "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    return asked


@pytest.fixture
def view(core, ops, ui_lang, qtbot) -> ContactsView:
    for i, name in enumerate(NAMES):
        core.contacts.create({"first_name": name, "last_name": "احمدی",
                              "mobile": f"0912000{i:04d}", "city": "تهران" if i % 2 else "قم"})
    v = ContactsView(core, ops, UiSettings())
    qtbot.addWidget(v)
    return v


def shown(view: ContactsView, columns: list[int]) -> list[list[str]]:
    """The texts the table shows, row by row, for the given model columns."""
    model = view.model
    return [[model.data(model.index(r, c)) for c in columns] for r in range(model.rowCount())]


def test_export_is_what_the_list_shows(view: ContactsView, tmp_path: Path, monkeypatch,
                                       boxes) -> None:
    view.city_filter.setCurrentIndex(view.city_filter.findData("تهران"))
    view.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    view.search_box.setText("احمدی")
    view.search_box.searchNow()
    header = view.table.horizontalHeader()
    header.moveSection(header.visualIndex(3), 0)  # the city column first
    view.table.setColumnHidden(2, True)  # no company
    view.table.setColumnHidden(5, True)  # no owner
    target = tmp_path / "contacts.xlsx"
    asked = save_to(monkeypatch, target)
    view.export_button.action("xlsx").trigger()
    assert asked and asked[0][2].endswith(".xlsx")  # a suggested file name
    ws = openpyxl.load_workbook(target).active
    assert ws.sheet_view.rightToLeft is True
    titles = [c.value for c in ws[1]]
    assert titles[:4] == ["شهر", "نام", "موبایل", "مرحله"]
    assert "شرکت" not in titles and "مسئول" not in titles
    body = [[c.value for c in row[:4]] for row in ws.iter_rows(min_row=2)]
    expected = shown(view, [3, 0, 1, 4])  # city, name, mobile, stage as the table shows
    assert len(body) == 5 == view.model.rowCount()
    for cells, texts in zip(body, expected, strict=True):
        city, name, mobile, stage = texts
        # the table shows the mobile in Persian digits, isolated left to right
        assert cells == [city, name, to_ascii_digits(display.plain(mobile)), stage]
    assert all(b[2].startswith("0912") for b in body)  # leading zero kept
    done = boxes[-1]
    assert done.objectName() == "exportDone" and "۵" in done.text()


def test_export_to_csv_with_its_suffix(view: ContactsView, tmp_path: Path, monkeypatch,
                                       boxes) -> None:
    save_to(monkeypatch, tmp_path / "contacts")  # the user typed no suffix
    view.export_button.action("csv").trigger()
    with open(tmp_path / "contacts.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert len(rows) == 11 and rows[0][0] == "نام"


def test_a_cancelled_file_dialog_writes_nothing(view: ContactsView, tmp_path: Path,
                                                monkeypatch, boxes) -> None:
    save_to(monkeypatch, None)
    assert view.export("xlsx") is False
    assert not list(tmp_path.glob("*.xlsx")) and boxes == []


def _click_cancel_when_shown(qtbot) -> None:
    def click() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, ExportProgressDialog):
            dialog.cancel_button.click()
        else:
            QTimer.singleShot(20, click)

    QTimer.singleShot(20, click)


def test_cancel_leaves_no_file(qapp, ui_lang, qtbot, tmp_path: Path, boxes) -> None:
    """The job runs in another thread; Cancel stops it and nothing is left behind."""
    from crm_desktop.export.table import ExportColumn, ExportTable
    from crm_desktop.export.xlsx import write_xlsx

    started = threading.Event()
    threads: list[threading.Thread] = []

    def rows():
        started.set()
        i = 0
        while True:  # endless: only Cancel stops it
            i += 1
            yield [f"ردیف {i}"]

    def job(progress, cancelled) -> int:
        threads.append(threading.current_thread())
        return write_xlsx(ExportTable([ExportColumn("a", "A")], rows(), lang="fa"),
                          tmp_path / "big.xlsx", progress=progress, cancelled=cancelled)

    _click_cancel_when_shown(qtbot)
    assert run_export(None, job, tmp_path / "big.xlsx", "export", total=None) is False
    assert started.is_set() and threads[0] is not threading.main_thread()
    assert list(tmp_path.iterdir()) == []
    assert boxes == []  # a cancel is not an error


def test_progress_shows_a_percentage(qapp, ui_lang) -> None:
    dialog = ExportProgressDialog(Path("مخاطبان.xlsx"), "export", 2000)
    dialog.set_progress(500)
    assert dialog.bar.value() == 25 and dialog.bar.maximum() == 100
    assert "۵۰۰" in dialog.count_label.text() and "۲٬۰۰۰" in dialog.count_label.text()
    busy = ExportProgressDialog(Path("x.csv"), "export", None)
    busy.set_progress(1500)
    assert busy.bar.maximum() == 0 and "۱٬۵۰۰" in busy.count_label.text()
    dialog.deleteLater()
    busy.deleteLater()


@pytest.mark.parametrize(("error", "says"), [
    (OSError(28, "No space left on device"), "No space left on device"),
    (RuntimeError("bug"), "log"),
])
def test_a_failure_is_said_politely(qapp, ui_lang, tmp_path: Path, boxes, error, says,
                                    caplog) -> None:
    def job(progress, cancelled) -> int:
        progress(10)
        raise error

    assert run_export(None, job, tmp_path / "x.xlsx", "export", total=100) is False
    assert len(boxes) == 1 and boxes[0].objectName() == "messageBox"
    assert says in boxes[0].text()
    if isinstance(error, RuntimeError):
        assert "an export failed" in caplog.text and "Traceback" in caplog.text


def test_a_cancelled_job_from_the_writer(qapp, ui_lang, tmp_path: Path, boxes) -> None:
    def job(progress, cancelled) -> int:
        raise ExportCancelled()

    assert run_export(None, job, tmp_path / "x.xlsx", "export") is False
    assert boxes == []


@pytest.mark.qt_log_ignore(r"This plugin does not support")  # a menu pops up offscreen
def test_the_export_menu_is_made_and_shown_on_the_first_press(qtbot) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMenu

    from crm_desktop.ui.widgets.export_button import ExportButton

    button = ExportButton()
    qtbot.addWidget(button)
    button.show()
    assert button.findChildren(QMenu) == []  # nothing made until it is used
    seen: list[list[str]] = []

    def look() -> None:
        popup = QApplication.activePopupWidget()
        if isinstance(popup, QMenu):
            seen.append([a.objectName() for a in popup.actions()])
            popup.close()

    QTimer.singleShot(50, look)
    button.click()
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [["export_xlsx", "export_csv"]]


def test_the_export_button_is_as_wide_before_its_menu_is_made(qtbot) -> None:
    from crm_desktop.ui.widgets.export_button import ExportButton

    button = ExportButton()
    qtbot.addWidget(button)
    before = button.sizeHint()
    button._made_menu()
    assert button.sizeHint().width() <= before.width()  # its arrow had its room already
