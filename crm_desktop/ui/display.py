"""How values look in the UI language: digits, Jalali dates, money with its unit."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QWidget

from crm_desktop.domain import clock
from crm_desktop.text.digits import format_number, to_ascii_digits, to_persian_digits
from crm_desktop.text.jalali import format_jalali, format_jalali_datetime
from crm_desktop.text.money import MoneyUnit, format_money

# Left-to-right isolate: keeps a phone, code or e-mail in reading order inside RTL text.
LRI, PDI = "\u2066", "\u2069"
# First-strong isolate: a value takes the direction of its own first letter and cannot
# reorder the words around it ("Created 12:38 1405/04/30 - سرنخ جدید" stays in order).
FSI = "\u2068"
ISOLATES = frozenset("\u2066\u2067\u2068")
# Marks that set a line's direction without showing: right-to-left and left-to-right.
RLM, LRM = "\u200f", "\u200e"
BIDI_CONTROLS = frozenset("\u2066\u2067\u2068\u2069\u200e\u200f")


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


def ltr_cell(text: str | None) -> str:
    """A phone or a code alone in a table cell: as `ltr`, except that digits alone need no
    isolate (a number reads left to right in either direction), and its two invisible
    characters are not in the font: each paint of the cell would look for them in others."""
    if not text:
        return ""
    shown = digits(text)
    return shown if shown.isdigit() else f"{LRI}{shown}{PDI}"


def isolate(value: object) -> str:
    """A value set inside a sentence or beside other values: isolated from its neighbours
    (Unicode FSI ... PDI), so mixed Persian and Latin text keeps its reading order in
    either UI language. An empty value stays empty."""
    text = "" if value is None else str(value)
    return f"{FSI}{text}{PDI}" if text else ""


def plain(text: str) -> str:
    """`text` without the invisible isolates and marks (for comparing and copying)."""
    return "".join(ch for ch in text if ch not in BIDI_CONTROLS)


def join(parts: object, sep: str = " — ") -> str:
    """Values shown on one line: each isolated, the empty ones left out."""
    return sep.join(isolate(p) for p in parts if p not in (None, ""))  # type: ignore[attr-defined]


def fill(template: str, **values: object) -> str:
    """A translated sentence with its {placeholders} replaced by isolated values."""
    for key, value in values.items():
        template = template.replace("{" + key + "}", isolate(value))
    return template


def in_reading_direction(text: str) -> str:
    """Every line of `text` starts in the UI's reading direction (a line that begins with a
    Latin name, "crm-desktop 0.1.0", stays at the right in Persian): each line is led by a
    right-to-left or left-to-right mark."""
    mark = RLM if persian() else LRM
    return "\n".join(mark + line for line in text.split("\n"))


def percent(value: object) -> str:
    """A percentage in the UI language: "۱۰٪" in Persian, "10%" in English (one rule for
    Settings, stages and proformas)."""
    number_text = digits(str(value))
    return f"{number_text}٪" if persian() else f"{number_text}%"


def _strong(ch: str) -> str | None:
    kind = unicodedata.bidirectional(ch)
    if kind in ("R", "AL"):
        return "rtl"
    if kind == "L":
        return "ltr"
    return None


def mixes_directions(text: str) -> bool:
    """Holds letters (or digits, which are strong in Persian) of both directions."""
    kinds = {_strong(ch) for ch in text}
    return "rtl" in kinds and "ltr" in kinds


def unisolated_mix(text: str) -> bool:
    """Mixes both directions with no isolate: the line may be shown out of order."""
    return mixes_directions(text) and not (ISOLATES & set(text))


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
