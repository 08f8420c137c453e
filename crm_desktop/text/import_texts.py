"""Messages of imports in English and Persian (no Qt): a file that cannot be read as a
whole, and a row's error in the preview, the error workbook and the CLI's JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from crm_desktop.text.messages import MESSAGES, _format_param, _lang_index, field_message

if TYPE_CHECKING:
    from crm_desktop.services.imports.model import RowError

ZW = "\u200c"

#: ImportFileError code -> (English, Persian); params are filled in ({sheet}, {sheets})
FILE_ERRORS: dict[str, tuple[str, str]] = {
    "unreadable": (
        "the file cannot be read as a spreadsheet or a CSV file",
        f"این پرونده به{ZW}عنوان صفحه{ZW}گسترده یا CSV خوانده نمی{ZW}شود",
    ),
    "empty": (
        "the file has no data",
        "پرونده هیچ داده‌ای ندارد".replace("‌", ZW),
    ),
    "no_sheet": (
        "the file has no sheet named «{sheet}» (its sheets: {sheets})",
        "پرونده برگه‌ای به نام «{sheet}» ندارد (برگه‌های آن: {sheets})".replace("‌", ZW),
    ),
    "no_header": (
        "no header row was found: the first row of the table should name its columns",
        "سطر عنوان پیدا نشد: نخستین سطر جدول باید نام ستون‌ها را داشته باشد".replace("‌", ZW),
    ),
    "encrypted": (
        "the workbook is protected with a password: save a copy without the password and "
        "import that",
        "این کارپوشه گذرواژه دارد: نسخه‌ای بدون گذرواژه ذخیره و همان را وارد کنید"
        .replace("‌", ZW),
    ),
    "too_wide": (
        "the table has {columns} columns: at most {limit} can be imported",
        "جدول {columns} ستون دارد: حداکثر {limit} ستون وارد می‌شود".replace("‌", ZW),
    ),
    "too_large": (
        "the sheet is too large to read: its cells reach {cell}; delete what lies far "
        "outside the table and save again",
        "برگه برای خواندن بیش از اندازه بزرگ است: خانه‌هایش تا {cell} می‌رسد؛ آنچه را "
        "دور از جدول است پاک کنید و دوباره ذخیره کنید".replace("‌", ZW),
    ),
}

#: parameters shown as the file has them (a sheet's name or a cell's: "Sheet1" stays
#: "Sheet1" in Persian text, as the spreadsheet program shows it)
_VERBATIM = frozenset({"sheet", "sheets", "cell"})

#: RowError codes of imports that are not field rules -> (English, Persian)
ROW_ERRORS: dict[str, tuple[str, str]] = {
    "no_name": (
        "the row has no name",
        "این سطر نام ندارد",
    ),
}


def file_error_message(code: str, lang: str = "en", **params: Any) -> str:
    """One line for a file that cannot be imported. A list of names (sheets=("a", "b"))
    is «a», «b» in English and «a»، «b» in Persian."""
    i = _lang_index(lang)
    template = FILE_ERRORS.get(code, FILE_ERRORS["unreadable"])[i]
    values = {k: _verbatim(v, i == 1) if k in _VERBATIM else _format_param(v, persian=i == 1)
              for k, v in params.items()}
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return FILE_ERRORS["unreadable"][i]


def _verbatim(value: Any, persian: bool) -> str:
    if isinstance(value, list | tuple):
        return ("، " if persian else ", ").join(f"«{v}»" for v in value)
    return str(value)


def row_error_message(error: RowError, lang: str = "en") -> str:
    """A row's error as the preview shows it: a field rule's message names the field
    ("Mobile: enter an Iranian mobile …"), a row's own problem is a sentence."""
    i = _lang_index(lang)
    if error.code in ROW_ERRORS:
        values = {k: _format_param(v, persian=i == 1) for k, v in error.params.items()}
        return ROW_ERRORS[error.code][i].format(**values)
    if error.field is None:
        return MESSAGES.get(error.code, MESSAGES["invalid"])[i]
    return field_message(error.field, error.code, lang, **error.params)
