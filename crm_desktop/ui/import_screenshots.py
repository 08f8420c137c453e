"""The import wizard's pictures for `crm-desktop screenshots` (ui/screenshots.py calls
`render`): a messy customers workbook made in memory, the way a shop keeps it by hand
(a title row and a blank row above the header, Arabic letters, mobiles typed every way,
Persian digits, Jalali birthdays, customers already in the database, a repeated row, bad
values, a row without a name, two names written two ways), then every step of the wizard
on it: the file, the columns (and a field chosen twice), the preview's errors, duplicates
and similar names, the summary, and the question before undoing the import. It runs on
the screenshots' copy of the database: the import is written there, never in the user's."""

from __future__ import annotations

from collections.abc import Callable
from io import BytesIO
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QWidget

HEADERS = ("نام و نام خانوادگی", "موبایل", "ایمیل", "کد ملی", "شهر", "تاریخ تولد",
           "توضیحات")
FIRST = ("سارا", "رضا", "مریم", "علی", "نرگس", "حمید", "الهام", "کاوه", "مینا", "بهرام",
         "فرزانه", "یاسر", "شیرین", "آرش", "لیلا", "پویا")
LAST = ("محمدی", "كريمي", "احمدی", "رضایی", "نوری", "طاهری", "صادقی", "مرادی", "کاظمی",
        "جعفری", "اکبری", "رحیمی", "فرهادی", "یوسفی", "حیدری", "شریفی")
CITIES = ("تهران", "اصفهان", "شیراز", "مشهد", "تبریز", "قم")
MOBILE_FORMS = ("0912{:07d}", "+98 912 {:07d}", "0098912{:07d}", "912{:07d}",
                "۰۹۱۲{:07d}", "0912-{:07d}")
#: what a hand-kept sheet gets wrong: (name, mobile, e-mail, national code, birthday)
BAD_ROWS = (
    ("کیوان مهرابی", "0912 12", "", "", "1365/4/2"),              # a mobile cut short
    ("ژاله امینی", "09351112299", "", "", "1399/13/40"),          # no 13th month
    ("بابک سلطانی", "09361112288", "", "1234567890", ""),         # a bad check digit
    ("", "09371112277", "", "", ""),                              # no name
    ("نسرین قاسمی", "09381112266", "nasrin@", "", ""),            # an e-mail cut short
)


def national_code(nine: str) -> str:
    """Nine digits and their check digit: a valid national code."""
    from crm_desktop.text.validate import national_code_check_digit

    return nine + str(national_code_check_digit(nine))


def _digits(text: str) -> str:
    return text.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))


def messy_rows(existing: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """The customers of the workbook (the header excluded); `existing` are two contacts of
    the database, typed again with their mobiles written another way."""
    rows: list[tuple[Any, ...]] = []
    for i in range(32):
        name = f"{FIRST[i % len(FIRST)]} {LAST[(i * 7) % len(LAST)]}"
        mobile = MOBILE_FORMS[i % len(MOBILE_FORMS)].format(3_400_000 + i * 97)
        if mobile.startswith("۰"):
            mobile = _digits(mobile)
        birthday: Any = f"13{60 + i % 20}/{1 + i % 12}/{1 + i % 28}"
        if i % 5 == 1:
            birthday = _digits(birthday)
        email = f"customer{i}@example.com" if i % 3 == 0 else None
        code = national_code(f"{(i * 7919 + 1_234_567) % 10**9:09d}") if i % 4 == 0 else None
        rows.append((name, mobile, email, code, CITIES[i % len(CITIES)], birthday, None))
    rows.insert(6, (*rows[2][:6], "دوباره وارد شده"))  # a row typed twice
    for contact in existing:  # customers the database has already
        mobile = str(contact.get("mobile") or "")
        if mobile.startswith("09"):
            rows.insert(3, (contact.get("full_name"), f"+98 {mobile[1:4]} {mobile[4:]}", None,
                            None, contact.get("city"), None, None))
    # one person written two ways, in the same city
    rows.append(("محمدرضا حسینی", "09121239876", None, None, "تهران", None, None))
    rows.append(("محمد رضا حسيني", "09197654321", None, None, "تهران", None, None))
    for name, mobile, email, code, birthday in BAD_ROWS:
        rows.insert(len(rows) // 2, (name, mobile, email or None, code or None, "تهران",
                                     birthday or None, None))
    return rows


def workbook(path: Path, existing: list[dict[str, Any]]) -> Path:
    """The messy workbook, made in memory and written to `path`."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "مشتریان"
    sheet.sheet_view.rightToLeft = True
    sheet.append(["فهرست مشتریان فروشگاه — نمایشگاه ۱۴۰۴"])
    sheet.append([])
    sheet.append(list(HEADERS))
    for i, row in enumerate(messy_rows(existing)):
        sheet.append(list(row))
        if i == 10:
            sheet.append([])  # a blank row in the middle
    notes = book.create_sheet("راهنما")
    notes.append(["این برگه فقط یادداشت است."])
    data = BytesIO()
    book.save(data)
    path.write_bytes(data.getvalue())
    return path


def render(app: QApplication, core: Any, window: QWidget, out_dir: Path) -> list[Path]:
    """One picture per step of the import wizard on the messy workbook."""
    from crm_desktop.services.base import ListQuery
    from crm_desktop.services.imports.model import OnDuplicate
    from crm_desktop.ui.dialogs.import_undo import confirm_box
    from crm_desktop.ui.dialogs.import_wizard import ImportWizard
    from crm_desktop.ui.qtmodels.import_mapping_model import FIELD
    from crm_desktop.ui.screenshots import _save, _settle, _wait

    existing = [r for r in core.contacts.list(ListQuery(limit=40)).rows if r.get("mobile")][:2]
    path = workbook(core.db.path.parent / "مشتریان نمایشگاه.xlsx", existing)
    written: list[Path] = []
    wizard = ImportWizard(core, window.ops, "contacts", window)  # type: ignore[attr-defined]

    def shoot(name: str, widget: QWidget | None = None) -> None:
        _settle(app)
        written.append(_save(widget or wizard, out_dir / f"{name}.png"))

    def wait(ready: Callable[[], bool], what: str) -> None:
        if not _wait(app, ready):
            raise RuntimeError(f"the import wizard: {what} did not end in time")

    wizard.show()
    wizard.file_page.open_file(path)
    wait(lambda: not wizard.file_page.busy(), "reading the workbook")
    shoot("dialog_import_1_file")
    wizard.next()
    mapping = wizard.columns_page.model
    shoot("dialog_import_2_columns")
    mobile = mapping.mapping()[1]
    mapping.setData(mapping.index(3, FIELD), mobile)  # the national code as a mobile too
    shoot("dialog_import_2_columns_twice")
    mapping.setData(mapping.index(3, FIELD), "national_code")
    wizard.next()
    wait(lambda: wizard.preview_page.plan is not None, "checking the rows")
    page = wizard.preview_page
    page.tags.setText("نمایشگاه ۱۴۰۴")
    if page.target_list.count() > 1:
        page.target_list.setCurrentIndex(1)
    page.tabs.setCurrentWidget(page.errors_tab)
    shoot("dialog_import_3_preview_errors")
    duplicates = page.duplicates_model
    if duplicates.rowCount():
        duplicates.setData(duplicates.index(0, duplicates.CHOICE), OnDuplicate.UPDATE.value)
    page.tabs.setCurrentWidget(page.duplicates_tab)
    shoot("dialog_import_3_preview_duplicates")
    page.tabs.setCurrentWidget(page.warnings_tab)
    shoot("dialog_import_3_preview_similar")
    wizard.next()
    wait(lambda: wizard.run_page.batch is not None or wizard.step() != 3, "the import")
    shoot("dialog_import_4_summary")
    batch = wizard.run_page.batch
    wizard.close()
    wizard.deleteLater()
    if batch is not None:
        box = confirm_box(window, batch)
        box.show()
        shoot("dialog_import_undo", box)
        box.close()
        box.deleteLater()
    return written
