"""How values look in the UI language: digits, Jalali dates, money with its unit."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QWidget

from crm_desktop.domain import clock
from crm_desktop.text.digits import format_number, to_ascii_digits, to_persian_digits
from crm_desktop.text.jalali import format_jalali, format_jalali_datetime
from crm_desktop.text.money import MoneyUnit, format_money

# Left-to-right isolate: keeps a phone, code or e-mail in reading order inside RTL text.
LRI, PDI = "\u2066", "\u2069"


def persian() -> bool:
    """The UI language is decided once at start-up through the default QLocale."""
    return QLocale().language() == QLocale.Language.Persian


def digits(text: str | int | None) -> str:
    if text is None:
        return ""
    s = str(text)
    return to_persian_digits(s) if persian() else s


def ltr(text: str | None) -> str:
    """Phones, codes and e-mails: digits in the UI language, always read left to right."""
    if not text:
        return ""
    return f"{LRI}{digits(text)}{PDI}"


def address(text: str | None) -> str:
    """An e-mail, a web address or a file path: always Latin digits (an address with
    Persian digits does not work once copied), no direction marks (they would be copied
    too). Show it in a left-to-right widget (`address_widget`) or use `address_in_text`."""
    return to_ascii_digits(str(text)) if text else ""


def address_in_text(text: str | None) -> str:
    """An address inside a sentence: Latin digits, kept in reading order by isolates."""
    return f"{LRI}{address(text)}{PDI}" if text else ""


def address_widget(widget: QWidget) -> None:
    """A label or field that shows only an address: read left to right, standing on the
    reading side of the form like the other values."""
    widget.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    if hasattr(widget, "setAlignment"):
        widget.setAlignment(value_alignment())


def value_alignment() -> Qt.AlignmentFlag:
    """Values beside their labels start at the reading edge whatever their own script:
    a phone number in a right-to-left form sits at the right like Persian text does."""
    side = Qt.AlignmentFlag.AlignRight if persian() else Qt.AlignmentFlag.AlignLeft
    return side | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter


def number(n: int | None) -> str:
    return "" if n is None else format_number(n, persian())


def money(rials: int | None, unit: MoneyUnit | str = MoneyUnit.RIAL) -> str:
    return "" if rials is None else format_money(rials, unit, persian())


def jalali(d: date | datetime | None) -> str:
    if d is None:
        return ""
    if isinstance(d, datetime):
        return format_jalali_datetime(d, persian())
    return format_jalali(d, persian())


def jalali_date_only(d: date | datetime | None) -> str:
    if d is None:
        return ""
    if isinstance(d, datetime):
        d = clock.local(d).date()  # the business's day, not the computer's
    return format_jalali(d, persian())
