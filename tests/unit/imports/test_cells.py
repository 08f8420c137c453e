"""A cell as a spreadsheet holds it -> what the field rules take (services/imports/cells.py)."""

from __future__ import annotations

import contextlib
import math
from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crm_desktop.services import fields as f
from crm_desktop.services.imports import cells
from crm_desktop.text.digits import to_persian_digits
from crm_desktop.text.jalali import format_jalali
from crm_desktop.text.money import MoneyUnit
from crm_desktop.text.validate import InvalidValue

MOBILE = "09123456789"


@pytest.mark.parametrize("raw", [
    9123456789.0,             # a number cell: Excel ate the leading 0
    9123456789,
    "09123456789",
    "9123456789",
    "+98 912 345 6789",
    "+989123456789",
    "0098-912-345-6789",
    "00989123456789",
    "989123456789",
    "0912-345-6789",
    "(0912) 345 6789",
    "۰۹۱۲۳۴۵۶۷۸۹",             # Persian digits
    "٠٩١٢٣٤٥٦٧٨٩",             # Arabic-Indic digits
    "۰۹۱۲ 345 ۶۷۸۹",           # mixed
    "'09123456789",           # typed with Excel's text mark
    "9123456789.0",           # a CSV written from floats
    "\u200e+98 912 345 6789",  # a bidi mark dragged along by copy and paste
])
def test_every_mobile_form(raw: object) -> None:
    assert f.mobile(cells.code_cell(raw, "mobile")) == MOBILE


@pytest.mark.parametrize("raw", [
    "9.12346E+09",   # scientific notation in text: digits were lost on the way
    "9.123456789e9",
    912345678.5,     # a fraction is no phone number
    math.nan, math.inf, -9123456789, True, date(2020, 1, 1),
])
def test_numbers_that_lost_digits_are_refused(raw: object) -> None:
    with pytest.raises(InvalidValue) as exc:
        cells.code_cell(raw, "mobile")
    assert exc.value.code == "mobile.invalid"


def test_whole_floats_and_codes_keep_their_digits() -> None:
    assert cells.code_cell(1.0e9, "phone") == "1000000000"
    assert cells.code_cell(2188776655.0, "phone") == "2188776655"
    assert f.phone(cells.code_cell(2188776655.0, "phone")) == "02188776655"
    # a national code read as a number lost its leading zeros: the rule puts them back
    assert f.national_code(cells.code_cell(12345679, "national_code")) == "0012345679"
    assert f.national_code(cells.code_cell(12345679.0, "national_code")) == "0012345679"
    assert f.legal_id(cells.code_cell(10101234565.0, "legal_id")) == "10101234565"
    with pytest.raises(InvalidValue) as exc:
        cells.code_cell(1.5, "national_code")
    assert (exc.value.code, exc.value.params) == ("national_code.length", {"length": 10})


@pytest.mark.parametrize("raw", [None, "", "   ", "-", "—", "؟", "...", "\u200c"])
def test_a_cell_without_letters_or_digits_is_blank(raw: object) -> None:
    assert cells.code_cell(raw, "mobile") is None
    assert cells.text_cell(raw) is None
    assert cells.date_cell(raw) is None
    assert cells.choice_cell(raw, "gender") is None
    assert cells.split_full_name(raw) == ("", "")


def test_text_cells_are_text_and_formulas_are_not_evaluated() -> None:
    assert cells.text_cell('=HYPERLINK("http://x.ir","x")') == '=HYPERLINK("http://x.ir","x")'
    assert cells.text_cell("=1+1") == "=1+1"
    assert cells.text_cell(12.0) == "12"
    assert cells.text_cell(12.5) == "12.5"
    assert cells.text_cell(7) == "7"
    assert cells.text_cell(True) == "TRUE"
    assert cells.text_cell(date(1991, 3, 25)) == "1370/01/05"
    assert cells.text_cell(datetime(1991, 3, 25, 14, 30)) == "1370/01/05 14:30"
    # a mobile typed with a plus is a number, not a formula
    assert f.mobile(cells.code_cell("+989123456789", "mobile")) == MOBILE


@pytest.mark.parametrize(("raw", "expected"), [
    (datetime(1990, 1, 5), date(1990, 1, 5)),          # an Excel date cell
    (datetime(1990, 1, 5, 13, 45), date(1990, 1, 5)),  # with a time of day
    (date(1990, 1, 5), date(1990, 1, 5)),
    ("1370/1/5", date(1991, 3, 25)),
    ("1370/01/05", date(1991, 3, 25)),
    ("۱۳۷۰/۰۱/۰۵", date(1991, 3, 25)),
    ("۱۳۸۰-۱۱-۳۰", date(2002, 2, 19)),
    ("1370.01.05", date(1991, 3, 25)),
    ("1370 1 5", date(1991, 3, 25)),
    ("5/1/1370", date(1991, 3, 25)),                   # day first
    ("13700105", date(1991, 3, 25)),
    (13700105, date(1991, 3, 25)),
    (13700105.0, date(1991, 3, 25)),
    ("۵ فروردین ۱۳۷۰", date(1991, 3, 25)),
    ("5 Farvardin 1370", date(1991, 3, 25)),
    ("1370/01/05 00:00:00", date(1991, 3, 25)),
    ("1403/12/30", date(2025, 3, 20)),                 # 1403 is a leap year
    ("1990-01-05", date(1990, 1, 5)),
    ("1990/1/5", date(1990, 1, 5)),
    ("05/01/1990", date(1990, 1, 5)),                  # day/month/year
    ("5.1.1990", date(1990, 1, 5)),
    ("19900105", date(1990, 1, 5)),
    ("1990-01-05T08:30:00", date(1990, 1, 5)),
    ("1990-01-05 8:30 PM", date(1990, 1, 5)),
])
def test_dates(raw: object, expected: date) -> None:
    assert cells.date_cell(raw) == expected


def test_month_first_when_the_column_says_so() -> None:
    assert cells.date_cell("05/01/1990", month_first=True) == date(1990, 5, 1)
    assert cells.date_text_order("05/21/1990") == "mdy"
    assert cells.date_text_order("21/05/1990") == "dmy"
    assert cells.date_text_order("05/01/1990") is None
    assert cells.date_text_order("1990/05/21") is None


@pytest.mark.parametrize(("raw", "code"), [
    ("1400/12/30", "date.invalid"),     # 1400 is not a leap year
    ("1370/13/1", "date.invalid"),
    ("1370/0/1", "date.invalid"),
    ("1370/1/32", "date.invalid"),
    ("1990-02-30", "date.invalid"),
    ("13/13/1990", "date.invalid"),
    ("70/1/5", "date.short_year"),      # 1370 or 1970?
    ("5/1/70", "date.short_year"),
    ("۵ فروردین ۷۰", "date.short_year"),
    (32874, "date.invalid"),            # an Excel day count, not a date cell
    (32874.5, "date.invalid"),
    ("0990/01/01", "date.invalid"),
    ("tomorrow", "date.invalid"),
    (True, "date.invalid"),
    ("1370/1/5/7", "date.invalid"),
])
def test_impossible_dates(raw: object, code: str) -> None:
    with pytest.raises(InvalidValue) as exc:
        cells.date_cell(raw)
    assert exc.value.code == code


def test_words_of_choices() -> None:
    for word in ("مرد", "آقا", "اقا", "male", "Male", "M", "MALE", "مذکر"):
        assert cells.choice_cell(word, "gender") == "male", word
    for word in ("زن", "خانم", "female", "F", "Female", "مؤنث"):
        assert cells.choice_cell(word, "gender") == "female", word
    assert cells.choice_cell("مشتری وفادار", "lifecycle") == "loyal"
    assert cells.choice_cell("مشتري وفادار", "lifecycle") == "loyal"       # Arabic yeh
    assert cells.choice_cell("Lost customer", "lifecycle") == "churned"
    assert cells.choice_cell("مشتری از‌دست‌رفته", "lifecycle") == "churned"  # ZWNJ
    assert cells.choice_cell("سرنخ", "lifecycle") == "lead"
    assert cells.choice_cell("prospect", "lifecycle") == "prospect"
    assert cells.choice_cell("مراجعه حضوری", "source") == "walk_in"
    assert cells.choice_cell("walk_in", "source") == "walk_in"
    assert cells.choice_cell("اینستا", "source") == "instagram"
    assert cells.choice_cell("Referral", "source") == "referral"
    with pytest.raises(InvalidValue) as exc:
        cells.choice_cell("دوست", "gender")
    assert (exc.value.code, exc.value.params) == ("choice.values", {"family": "gender"})
    with pytest.raises(InvalidValue):
        cells.choice_cell(1, "source")


@pytest.mark.parametrize(("raw", "expected"), [
    ("بله", True), ("بلی", True), ("دارد", True), ("✓", True), ("✔", True), (1, True),
    (1.0, True), (True, True), ("true", True), ("Yes", True), ("1", True), ("۱", True),
    ("خیر", False), ("ندارد", False), ("نه", False), ("✗", False), (0, False),
    (False, False), ("FALSE", False), ("no", False), ("0", False), ("۰", False),
    (None, None), ("", None), ("-", None),
])
def test_yes_and_no(raw: object, expected: bool | None) -> None:
    assert cells.yes_no_cell(raw) is expected


@pytest.mark.parametrize("raw", ["شاید", 2, 0.5, "x y"])
def test_neither_yes_nor_no(raw: object) -> None:
    with pytest.raises(InvalidValue) as exc:
        cells.yes_no_cell(raw)
    assert exc.value.code == "yes_no"


def test_money() -> None:
    assert cells.money_cell(1_250_000, MoneyUnit.RIAL) == 1_250_000
    assert cells.money_cell(1_250_000.0, MoneyUnit.RIAL) == 1_250_000
    assert cells.money_cell("۱٬۲۵۰٬۰۰۰", MoneyUnit.RIAL) == 1_250_000
    assert cells.money_cell(125_000, MoneyUnit.TOMAN) == 1_250_000
    assert cells.money_cell(12.5, MoneyUnit.TOMAN) == 125
    assert cells.money_cell("125,000", MoneyUnit.TOMAN) == 1_250_000
    assert cells.money_cell("125000 ریال", MoneyUnit.TOMAN) == 125_000  # the text's unit
    for raw, unit, code in ((12.5, MoneyUnit.RIAL, "money.invalid"),
                            (-1, MoneyUnit.RIAL, "money.negative"),
                            ("-5", MoneyUnit.RIAL, "money.negative"),
                            (10**12 + 1, MoneyUnit.TOMAN, "money.too_large.toman"),
                            (math.nan, MoneyUnit.RIAL, "money.invalid"),
                            (True, MoneyUnit.RIAL, "money.invalid"),
                            ("گران", MoneyUnit.RIAL, "money.invalid")):
        with pytest.raises(InvalidValue) as exc:
            cells.money_cell(raw, unit)
        assert exc.value.code == code, raw


def test_tags_in_one_cell() -> None:
    assert cells.tags_cell("VIP، همکار; تهران|VIP , عمده") == ["VIP", "همکار", "تهران", "عمده"]
    assert cells.tags_cell("مشتري ويژه") == ["مشتری ویژه"]
    assert cells.tags_cell(" , ;") is None
    with pytest.raises(InvalidValue) as exc:
        cells.tags_cell("x" * 61)
    assert exc.value.code == "too_long"
    with pytest.raises(InvalidValue) as exc:
        cells.tags_cell(",".join(f"t{i}" for i in range(31)))
    assert exc.value.code == "range"


@pytest.mark.parametrize(("raw", "first", "last"), [
    ("علی احمدی", "علی", "احمدی"),
    ("علي احمدي", "علی", "احمدی"),                    # Arabic letters, cleaned
    ("  علی   احمدی  ", "علی", "احمدی"),
    ("احمدی", "", "احمدی"),                           # one word: the last name
    ("محمد رضا کریمی", "محمد رضا", "کریمی"),           # a two-word first name
    ("محمد‌رضا کریمی", "محمد‌رضا", "کریمی"),           # joined by ZWNJ: one word
    ("علی اکبر هاشمی رفسنجانی", "علی اکبر", "هاشمی رفسنجانی"),
    ("امیر حسین مقدم", "امیر حسین", "مقدم"),
    ("سید علی حسینی", "سید علی", "حسینی"),
    ("سید حسینی", "سید", "حسینی"),                    # two words: no prefix rule
    ("محمد رضا", "محمد", "رضا"),                      # two words: first and last
    ("آقای علی احمدی", "علی", "احمدی"),               # a courtesy title
    ("خانم دکتر مریم نجفی", "مریم", "نجفی"),
    ("آقای احمدی", "", "احمدی"),
    ("مریم علی پور", "مریم", "علی پور"),              # an ending typed apart
    ("حسین زاده", "", "حسین زاده"),
    ("John Smith", "John", "Smith"),
    ("Mr John Ronald Smith", "John", "Ronald Smith"),
    ("", "", ""),
    (12, "", "12"),
])
def test_full_names_are_split(raw: object, first: str, last: str) -> None:
    assert cells.split_full_name(raw) == (first, last)


# -- never anything but InvalidValue --------------------------------------------------------
DATE_TEXT = st.text(alphabet="0123456789۰۱۲۳۴۵۶۷۸۹/-. :T\\_٫فروردینesAPM", max_size=30)
CELL = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40), DATE_TEXT, st.dates(), st.datetimes(),
    st.decimals(allow_nan=True), st.just("+98 912 345 6789"),
)


@settings(max_examples=400, deadline=None)
@given(CELL, st.booleans())
def test_dates_raise_nothing_but_invalid_value(raw: object, month_first: bool) -> None:
    try:
        d = cells.date_cell(raw, month_first)
    except InvalidValue:
        return
    assert d is None or isinstance(d, date)
    if d is not None:
        try:
            f.a_date(d)
        except InvalidValue as exc:
            assert exc.code == "date.range"


@settings(max_examples=300, deadline=None)
@given(CELL)
def test_cells_raise_nothing_but_invalid_value(raw: object) -> None:
    for field in cells.CODE_ERRORS:
        try:
            text = cells.code_cell(raw, field)
        except InvalidValue:
            continue
        assert text is None or isinstance(text, str)
    for convert in (cells.text_cell, cells.yes_no_cell, cells.tags_cell,
                    lambda v: cells.choice_cell(v, "source"),
                    lambda v: cells.money_cell(v, MoneyUnit.TOMAN),
                    lambda v: cells.money_cell(v, MoneyUnit.RIAL),
                    cells.date_text_order):
        with contextlib.suppress(InvalidValue):
            convert(raw)
    first, last = cells.split_full_name(raw)   # never raises
    assert isinstance(first, str) and isinstance(last, str)


SEPARATORS = st.sampled_from(["/", "-", ".", " / "])


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=date(1900, 3, 21), max_value=date(2201, 3, 20)), SEPARATORS,
       st.booleans(), st.booleans())
def test_a_written_date_reads_back(day: date, sep: str, persian: bool, padded: bool) -> None:
    jalali = format_jalali(day, persian=False, sep=sep)
    if not padded:
        y, mo, d = jalali.split(sep)
        jalali = sep.join([y, str(int(mo)), str(int(d))])
    iso = day.isoformat().replace("-", sep)
    for text in (jalali, iso):
        assert cells.date_cell(to_persian_digits(text) if persian else text) == day
    assert cells.date_cell(f"{day.day:02d}/{day.month:02d}/{day.year}") == day
    assert cells.date_cell(f"{day.month}/{day.day}/{day.year}", month_first=True) == day


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1_000_000_000, max_value=9_999_999_999))
def test_a_mobile_as_a_float_or_text_is_the_same_mobile(n: int) -> None:
    text = f"0{n}"
    try:
        expected = f.mobile(text)
    except InvalidValue:
        with pytest.raises(InvalidValue):
            f.mobile(cells.code_cell(float(n), "mobile"))
        return
    assert f.mobile(cells.code_cell(float(n), "mobile")) == expected
    assert f.mobile(cells.code_cell(n, "mobile")) == expected
    assert f.mobile(cells.code_cell(to_persian_digits(text), "mobile")) == expected
    assert f.mobile(cells.code_cell(Decimal(n), "mobile")) == expected
