"""Messages of imports in English and Persian (no Qt): a file that cannot be read as a
whole, and a row's error in the preview, the error workbook and the CLI's JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from crm_desktop.text.export_titles import VALUE_LABELS
from crm_desktop.text.messages import (
    MESSAGES,
    _format_param,
    _lang_index,
    field_label,
    rule_message,
)

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
    "no_columns": (
        "the file needs a column of mobile numbers and a column of message texts "
        "(its columns: {columns})",
        "پرونده باید یک ستون شمارهٔ موبایل و یک ستون متن پیام داشته باشد "
        "(ستون‌های آن: {columns})".replace("‌", ZW),
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
_VERBATIM = frozenset({"sheet", "sheets", "cell", "columns"})

#: RowError codes of imports that are not field rules -> (English, Persian)
ROW_ERRORS: dict[str, tuple[str, str]] = {
    "no_name": (
        "the row has no name",
        "این سطر نام ندارد",
    ),
}


#: errors of one cell that only imports make (the field rules' own are in MESSAGES):
#: code -> (English, Persian); shown after the field's label like a rule's message
CELL_ERRORS: dict[str, tuple[str, str]] = {
    "date.short_year": (
        "write the year with all four digits, such as 1370/01/05",
        "سال را چهاررقمی بنویسید، مانند ۱۳۷۰/۰۱/۰۵",
    ),
    "choice.values": (
        "write one of: {options}",
        f"یکی از این{ZW}ها را بنویسید: {{options}}",
    ),
    "yes_no": (
        "write yes or no (or 1 and 0)",
        "بله یا خیر بنویسید (یا ۱ و ۰)",
    ),
    "referrer.not_found": (
        "no contact has this mobile or name: add the referrer first, or correct the cell",
        "هیچ مخاطبی این موبایل یا نام را ندارد: اول معرف را اضافه کنید یا خانه را اصلاح کنید",
    ),
    "referrer.ambiguous": (
        "{count} contacts have this name: write the referrer's mobile instead",
        f"{{count}} مخاطب این نام را دارند: به{ZW}جای نام، موبایل معرف را بنویسید",
    ),
}

#: the columns of the error workbook (the failing rows as read, to fix and import again)
ERROR_TABLE_TITLES: dict[str, tuple[str, str]] = {
    "row": ("Row", "ردیف"),
    "error": ("Error", "خطا"),
    #: a column whose header cell is blank
    "column": ("Column {n}", "ستون {n}"),
}


def error_table_title(key: str, lang: str = "en", **params: Any) -> str:
    i = _lang_index(lang)
    values = {k: _format_param(v, persian=i == 1) for k, v in params.items()}
    return ERROR_TABLE_TITLES[key][i].format(**values)


#: import fields whose label differs from the stored field's (FIELD_LABELS has the rest)
IMPORT_FIELD_LABELS: dict[str, tuple[str, str]] = {
    "unit_price_rial": ("Unit price (Rial)", "قیمت واحد (ریال)"),
    "unit_price_toman": ("Unit price (Toman)", "قیمت واحد (تومان)"),
}

#: words a cell may hold for a stored value, besides the value itself and its labels
#: (export_titles.VALUE_LABELS); compared folded (case, ي/ك, spaces and ZWNJ ignored)
VALUE_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "gender": {
        "male": ("مرد", "آقا", "آقای", "مذکر", "پسر", "m", "man", "mr", "boy"),
        "female": ("زن", "خانم", "بانو", "مونث", "مؤنث", "دختر", "f", "woman", "mrs", "ms",
                   "miss", "girl"),
        "unspecified": ("نامشخص", "نا مشخص", "unknown", "not specified"),
    },
    "lifecycle": {
        "lead": ("سرنخ", "lead", "new", "جدید"),
        "prospect": ("بالقوه", "مشتری احتمالی", "احتمالی", "prospect", "opportunity"),
        "customer": ("مشتری", "خریدار", "customer", "client", "buyer"),
        "loyal": ("وفادار", "مشتری دائمی", "دائمی", "loyal", "vip", "regular"),
        "churned": ("از دست رفته", f"ازدست{ZW}رفته", "ریزشی", "churned", "lost", "former"),
    },
    "source": {
        "walk_in": ("حضوری", "مراجعه", "مراجعه حضوری", "walk in", "walk-in", "in person"),
        "referral": ("معرفی", "معرف", "توصیه", "معرفی دوستان", "referral", "referred",
                     "word of mouth"),
        "phone": ("تلفن", "تلفنی", "تماس", "تماس تلفنی", "phone", "call", "phone call"),
        "website": ("سایت", "وب", f"وب{ZW}سایت", "اینترنت", "website", "web", "site",
                    "online", "internet"),
        "instagram": ("اینستاگرام", "اینستا", "instagram", "insta"),
        "social": ("شبکه اجتماعی", f"شبکه{ZW}های اجتماعی", "تلگرام", "واتساپ", "واتس اپ",
                   "ایتا", "روبیکا", "social", "social media", "telegram", "whatsapp",
                   "facebook", "linkedin", "twitter"),
        "exhibition": ("نمایشگاه", "exhibition", "fair", "expo", "trade show"),
        "campaign": ("کمپین", "تبلیغات", "campaign", "advertising", "ads"),
        "other": ("سایر", "دیگر", "غیره", "other"),
    },
}
YES_WORDS = ("بله", "بلی", "آری", "آره", "اره", "دارد", "هست", "فعال", "مشمول", "دارای",
             "yes", "y", "true", "on", "ok", "1")
NO_WORDS = ("خیر", "نه", "ندارد", "نیست", "غیرفعال", f"غیر{ZW}فعال", "معاف", "فاقد",
            "no", "n", "false", "off", "0")


def import_field_label(field: str, lang: str = "en") -> str:
    """The label of an import field, as the mapping menus and the row errors name it."""
    pair = IMPORT_FIELD_LABELS.get(field)
    return pair[_lang_index(lang)] if pair else field_label(field, lang)


def _options(family: str, lang: str) -> str:
    i = _lang_index(lang)
    return ("، " if i else ", ").join(pair[i] for pair in VALUE_LABELS[family].values())


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
    if error.code in CELL_ERRORS:
        params = dict(error.params)
        if error.code == "choice.values":
            params = {"options": _options(str(params.get("family")), lang)} \
                if params.get("family") in VALUE_LABELS else {}
        values = {k: _format_param(v, persian=i == 1) for k, v in params.items()}
        try:
            text = CELL_ERRORS[error.code][i].format(**values)
        except (KeyError, IndexError, ValueError):
            text = MESSAGES["invalid"][i]
    else:
        text = rule_message(error.code, lang, **error.params)
    return f"{import_field_label(error.field, lang)}: {text}."
