"""A cell as a spreadsheet holds it -> what the services' field rules take.

Each converter takes a cell as read (str, int, float, bool, date, datetime or None) and
returns the value to hand to the field's own rule, None for a blank cell, or raises
InvalidValue (the rule's message codes, or one of text/import_texts.CELL_ERRORS). Nothing
else escapes, whatever the cell (tests/unit/imports/test_cells.py, hypothesis).

Rules decided here:
- A text cell with no letter and no digit («-», «—», «؟», «...») is blank.
- Numbers (mobile, phone, codes): a whole number cell is its digits (9123456789.0 ->
  "9123456789"; the mobile rule gives 09123456789 back its 0; a national code of 8 or 9
  digits gets its zeros back); a number with a fraction is refused; so is text in
  scientific notation («9.12346E+09»: a CSV written by Excel, digits lost). A leading «'»
  (typed to keep Excel from eating the zero) is dropped. The rules take +98, 0098, 98,
  spaces, dashes and Persian or Arabic digits.
- Dates: a date cell is that day (its time dropped). Text: year, month, day separated by
  «/», «-», «.» or spaces, in any digits; a year from 1200 to 1699 is Jalali, from 1700
  Gregorian. Written the other way round (05/01/1990, 5/1/1370) it is day/month/year, or
  month/day/year for the whole column when a value of the column can only be read that
  way (plan.py decides per column, `month_first`). Eight digits (13700105, 19900105) are
  year, month, day. A two-digit year («70/1/5») is refused ("date.short_year"): 70 could
  be 1370 or 1970. «۵ فروردین ۱۳۷۰» is read too. A number that is not eight digits (an
  Excel day count) is refused.
- Gender, lifecycle stage and source: the stored value, its English and Persian labels
  (text/export_titles.VALUE_LABELS) and common synonyms (import_texts.VALUE_WORDS),
  compared like headers (case, ي/ك, spaces, ZWNJ do not count).
- Yes/no: بله/خیر, دارد/ندارد, ✓/✗, 1/0, true/false, yes/no and the like.
- Money: a number or text in the column's unit (text naming its own unit, «۱۲۰ تومان»,
  keeps it); Toman is multiplied by 10; what is not a whole number of Rials is refused.
- Tags: one cell, names separated by , ، ; ؛ | or line breaks.
- Full names: see split_full_name.
Formula-like text («=HYPERLINK(...)») is text like any other: nothing is evaluated.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

import jdatetime

from crm_desktop.domain.enums import ContactSource, Gender, LifecycleStage
from crm_desktop.services.contacts import MAX_TAGS
from crm_desktop.services.imports.fields import header_key
from crm_desktop.text.digits import strip_bidi, to_ascii_digits
from crm_desktop.text.export_titles import VALUE_LABELS
from crm_desktop.text.import_texts import NO_WORDS, VALUE_WORDS, YES_WORDS
from crm_desktop.text.jalali import MONTH_NAMES_EN, MONTH_NAMES_FA, format_jalali
from crm_desktop.text.money import MoneyUnit, parse_money, too_large
from crm_desktop.text.normalize import clean_text
from crm_desktop.text.validate import InvalidValue

Cell = Any
#: a tag name's longest length (as ContactService allows)
MAX_TAG_LEN = 60
#: floats at or above this may have lost digits
_EXACT_FLOAT = 2**53
_ALNUM = re.compile(r"[^\W_]")


def is_blank(value: Cell) -> bool:
    """None, or text without a letter or a digit."""
    if value is None:
        return True
    return isinstance(value, str) and _ALNUM.search(value) is None


def _whole(value: float | int | Decimal, code: str, **params: Any) -> int:
    """A number cell that must be a whole number (not a bool, NaN, fraction or huge float)."""
    if isinstance(value, bool):
        raise InvalidValue(code, **params)
    if isinstance(value, int):
        return value
    try:
        if isinstance(value, float) and (not math.isfinite(value) or
                                         abs(value) >= _EXACT_FLOAT):
            raise InvalidValue(code, **params)
        if value != int(value):
            raise InvalidValue(code, **params)
        return int(value)
    except (ValueError, OverflowError, InvalidOperation):
        raise InvalidValue(code, **params) from None


def _as_str(value: Any, code: str) -> str:
    try:
        return str(value)
    except Exception:  # whatever str() raises, the value is not text
        raise InvalidValue(code) from None


# -- text -------------------------------------------------------------------------------------
def text_cell(value: Cell) -> str | None:
    """Any cell as text for a text field (the field's rule cleans it): whole numbers
    without ".0", dates as Jalali text, booleans as Excel shows them."""
    if is_blank(value):
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return _as_str(value, "invalid")
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer():
            return _as_str(int(value), "invalid")
        return repr(value)
    if isinstance(value, datetime):
        try:
            day = format_jalali(value.date(), persian=False)
        except ValueError:
            return value.isoformat()
        return day if value.time() == datetime.min.time() else f"{day} {value:%H:%M}"
    if isinstance(value, date):
        try:
            return format_jalali(value, persian=False)
        except ValueError:
            return value.isoformat()
    return _as_str(value, "invalid")


# -- numbers and codes -------------------------------------------------------------------------
#: the import fields holding digits, with the code (and params) their rule refuses with
CODE_ERRORS: dict[str, tuple[str, dict[str, Any]]] = {
    "mobile": ("mobile.invalid", {}), "mobile2": ("mobile.invalid", {}),
    "phone": ("phone.invalid", {}), "fax": ("phone.invalid", {}),
    "national_code": ("national_code.length", {"length": 10}),
    "postal_code": ("postal_code.invalid", {}),
    "legal_id": ("legal_id.length", {"length": 11}),
    "economic_code": ("economic_code.invalid", {}),
}
_SCIENTIFIC = re.compile(r"[+-]?[0-9]*[.,٫]?[0-9]+\s*[eE]\s*[+-]?[0-9]+")
#: what a code's text needs looked at before its rule reads it
_PLAIN = re.compile(r"[eE'.\u066b]")
_POINT_ZERO = re.compile(r"([0-9]+)[.٫]0+")


def code_cell(value: Cell, field: str) -> str | None:
    """A number or code cell as the text its rule takes (see the module's docstring)."""
    code, params = CODE_ERRORS[field]
    if isinstance(value, str) and _PLAIN.search(value) is None:
        return value if _ALNUM.search(value) else None  # the rule reads it as it is
    if is_blank(value):
        return None
    if isinstance(value, str):
        t = to_ascii_digits(strip_bidi(value)).strip()
        if t.startswith("'"):
            t = t[1:].strip()
        if _SCIENTIFIC.fullmatch(t):
            raise InvalidValue(code, **params)
        zero = _POINT_ZERO.fullmatch(t)
        return zero.group(1) if zero else t
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        n = _whole(value, code, **params)
        if n < 0:
            raise InvalidValue(code, **params)
        return _as_str(n, code)
    raise InvalidValue(code, **params)


# -- dates ------------------------------------------------------------------------------------
_SEP = r"\s*[/\-.\\\u066b_]\s*|\s+"
_YMD = re.compile(r"([0-9]{4})\s*([/\-.])\s*([0-9]{1,2})\s*\2\s*([0-9]{1,2})")
_DMY = re.compile(rf"([0-9]+)(?:{_SEP})([0-9]+)(?:{_SEP})([0-9]+)")
_TIME = re.compile(r"(.*?)(?:[\sT]+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?"
                   r"(?:\s*[AaPp]\.?[Mm]\.?)?)")
#: a day or a month first (one or two digits of any kind, then a separator), at a glance
_DAY_FIRST = re.compile(r"[\s\u200e\u200f]*[0-9۰-۹٠-٩]{1,2}\s*[/\-.\\\u066b_ ]")
_MONTHS = {header_key(n): i + 1 for i, n in enumerate(MONTH_NAMES_FA)}
_MONTHS.update({header_key(n): i + 1 for i, n in enumerate(MONTH_NAMES_EN)})
_NAMED = re.compile(r"([0-9]{1,2})\s+(\S+(?:\s+\S+)?)\s+([0-9]{2,4})")


def _make_date(year: int, month: int, day: int) -> date:
    """Jalali for years 1200-1699, Gregorian from 1700."""
    try:
        if 1200 <= year < 1700:
            return jdatetime.date(year, month, day).togregorian()
        if 1700 <= year <= 9999:
            return date(year, month, day)
    except (ValueError, OverflowError):
        pass
    raise InvalidValue("date.invalid")


def _compact_date(digits: str) -> date:
    return _make_date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))


def date_text_order(value: Cell) -> str | None:
    """For a text date written day-or-month first: "dmy" when only day/month/year reads it,
    "mdy" when only month/day/year does, None otherwise (year first, ambiguous, not a
    date). plan.py reads a column's values with this to choose its order."""
    if not isinstance(value, str) or _DAY_FIRST.match(value) is None:
        return None
    t = to_ascii_digits(strip_bidi(value)).strip()
    timed = _TIME.fullmatch(t) if ":" in t else None
    m = _DMY.fullmatch(timed.group(1) if timed else t)
    if m is None or len(m.group(3)) != 4 or len(m.group(1)) > 2 or len(m.group(2)) > 2:
        return None
    first, second = int(m.group(1)), int(m.group(2))
    if first > 12 >= second:
        return "dmy"
    if second > 12 >= first:
        return "mdy"
    return None


def date_cell(value: Cell, month_first: bool = False) -> date | None:
    """A date cell (see the module's docstring); the field's rule checks its range."""
    if is_blank(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        n = _whole(value, "date.invalid")
        if 10_000_000 <= n <= 99_999_999:
            return _compact_date(str(n))
        raise InvalidValue("date.invalid")
    if not isinstance(value, str):
        raise InvalidValue("date.invalid")
    t = " ".join(to_ascii_digits(strip_bidi(value)).split())
    ymd = _YMD.fullmatch(t)
    if ymd is not None:  # the usual way: 1370/01/05
        return _make_date(int(ymd.group(1)), int(ymd.group(3)), int(ymd.group(4)))
    if len(t) > 40:
        raise InvalidValue("date.invalid")
    if ":" in t:
        timed = _TIME.fullmatch(t)
        if timed is not None and timed.group(1):
            t = timed.group(1)
    if re.fullmatch(r"[0-9]{8}", t):
        return _compact_date(t)
    m = _DMY.fullmatch(t)
    if m is not None:
        a, b, c = m.groups()
        if len(a) == 4 and len(b) <= 2 and len(c) <= 2:
            return _make_date(int(a), int(b), int(c))
        if len(c) == 4 and len(a) <= 2 and len(b) <= 2:
            day, month = (int(b), int(a)) if month_first else (int(a), int(b))
            return _make_date(int(c), month, day)
        if max(len(a), len(b), len(c)) <= 2:
            raise InvalidValue("date.short_year")
        raise InvalidValue("date.invalid")
    named = _NAMED.fullmatch(t)
    if named is not None:
        month = _MONTHS.get(header_key(named.group(2)))
        if month is not None:
            if len(named.group(3)) != 4:
                raise InvalidValue("date.short_year")
            return _make_date(int(named.group(3)), month, int(named.group(1)))
    raise InvalidValue("date.invalid")


# -- choices and yes/no ------------------------------------------------------------------------
def _words(family: str, enum: type) -> dict[str, str]:
    table: dict[str, str] = {}
    for member in enum:
        table[header_key(member.value)] = member.value
        for label in VALUE_LABELS[family][member]:
            table[header_key(label)] = member.value
    for value, words in VALUE_WORDS[family].items():
        for word in words:
            table.setdefault(header_key(word), value)
    return table


#: family -> folded word -> stored value
CHOICES: dict[str, dict[str, str]] = {
    "gender": _words("gender", Gender),
    "lifecycle": _words("lifecycle", LifecycleStage),
    "source": _words("source", ContactSource),
}


def choice_cell(value: Cell, family: str) -> str | None:
    """The stored value of a gender, lifecycle stage or source written as a word."""
    if is_blank(value):
        return None
    found = CHOICES[family].get(header_key(value)) if isinstance(value, str) else None
    if found is None:
        raise InvalidValue("choice.values", family=family)
    return found


_YES = {header_key(w) for w in YES_WORDS} | {"✓", "✔", "☑", "√"}
_NO = {header_key(w) for w in NO_WORDS} | {"✗", "✘", "☐", "×"}


def yes_no_cell(value: Cell) -> bool | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        word = value.strip()
        key = header_key(word) or word
        if key in _YES:
            return True
        if key in _NO:
            return False
        if is_blank(value):
            return None
    raise InvalidValue("yes_no")


# -- money -----------------------------------------------------------------------------------
def money_cell(value: Cell, unit: MoneyUnit) -> int | None:
    """Integer Rials from a cell in `unit` (the rule then checks the Rials' range)."""
    if is_blank(value):
        return None
    if isinstance(value, str):
        return parse_money(value, unit)
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise InvalidValue("money.invalid")
    if isinstance(value, float) and not math.isfinite(value):
        raise InvalidValue("money.invalid")
    try:
        amount = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    except (InvalidOperation, ValueError):
        raise InvalidValue("money.invalid") from None
    if not amount.is_finite():
        raise InvalidValue("money.invalid")
    if amount < 0:
        raise InvalidValue("money.negative")
    too_large(amount, unit)
    rials = amount * 10 if unit is MoneyUnit.TOMAN else amount
    if rials != rials.to_integral_value():
        raise InvalidValue("money.invalid")
    return int(rials)


# -- tags ------------------------------------------------------------------------------------
_TAG_SEP = re.compile(r"[,،;؛|\n\r]")


def tags_cell(value: Cell) -> list[str] | None:
    """Tag names from one cell, in order, each once."""
    text = text_cell(value)
    if text is None:
        return None
    names: list[str] = []
    for part in _TAG_SEP.split(text):
        name = clean_text(part)
        if len(name) > MAX_TAG_LEN:
            raise InvalidValue("too_long", max=MAX_TAG_LEN)
        if name and name not in names:
            names.append(name)
    if len(names) > MAX_TAGS:
        raise InvalidValue("range", min=0, max=MAX_TAGS)
    return names or None


# -- full names ------------------------------------------------------------------------------
#: courtesy titles left off the front of a full name («آقای», «خانم», "Mr", ...)
TITLES = {header_key(w) for w in (
    "آقای", "آقا", "خانم", "جناب", "سرکار", "دکتر", "مهندس",
    "mr", "mrs", "ms", "miss", "dr", "eng",
)}
#: words that join the next one into the first name when the name has 3 words or more
PREFIXES = {header_key(w) for w in ("سید", "سیده", "میر", "حاج", "حاجی", "ملا", "شیخ")}
#: first names written as two words («محمد رضا»): the first word, then the second
COMPOUND_FIRST = {header_key(w) for w in ("محمد", "علی", "امیر", "ابو", "عبد", "فاطمه",
                                          "غلام")}
COMPOUND_SECOND = {header_key(w) for w in (
    "رضا", "علی", "حسین", "حسن", "مهدی", "جواد", "اکبر", "اصغر", "امین", "صادق", "تقی",
    "باقر", "کاظم", "هادی", "رسول", "اسماعیل", "ابراهیم", "محمد", "عباس", "حسام", "طاها",
    "یاسین", "صالح", "مصطفی", "مرتضی", "مجتبی", "سجاد", "سعید", "حمید", "قاسم", "الفضل",
    "الله", "القاسم", "الحسن", "زهرا", "سادات", "جعفر", "کریم", "ناصر", "یوسف", "پارسا",
)}
#: last-name endings sometimes typed as a word of their own («علی پور», «حسین زاده»)
SUFFIXES = {header_key(w) for w in ("پور", "زاده", "نژاد", "فر", "نیا", "منش", "وند", "لو")}


#: a word's key (names' words recur: each is folded once)
_word_key = lru_cache(maxsize=1 << 16)(header_key)


def split_full_name(value: Cell) -> tuple[str, str]:
    """(first name, last name) of a full name; ("", "") for a blank cell.

    Courtesy titles in front are left out («آقای», «خانم», «دکتر», "Mr" ...). Words are
    split at spaces (a ZWNJ joins: «محمد‌رضا» is one word). A last-name ending typed as a
    word («علی پور») joins the word before it. One word left: it is the last name (a
    contact needs a first or a last name; «احمدی» alone is a surname more often than not).
    Otherwise the first word is the first name and the rest the last name, except that
    a first name of two words stays whole when a last name remains: a prefix and the
    next word («سید علی», «حاج محمد») or a known pair («محمد رضا», «علی اکبر», «امیر
    حسین»). Words keep their spelling and the spaces between them."""
    text = clean_text(text_cell(value) or "")
    words = text.split(" ") if text else []
    while len(words) > 1 and _word_key(words[0]) in TITLES:
        words = words[1:]
    if not words:
        return "", ""
    groups: list[list[str]] = []
    for word in words:
        if groups and _word_key(word) in SUFFIXES:
            groups[-1].append(word)
        else:
            groups.append([word])
    parts = [" ".join(g) for g in groups]
    if len(parts) == 1:
        return "", parts[0]
    first_len = 1
    if len(parts) >= 3:
        a, b = _word_key(parts[0]), _word_key(parts[1])
        if a in PREFIXES or (a in COMPOUND_FIRST and b in COMPOUND_SECOND):
            first_len = 2
    return " ".join(parts[:first_len]), " ".join(parts[first_len:])

