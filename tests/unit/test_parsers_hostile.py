"""Every parser of typed text fed anything (text from every Unicode category, surrogates
and controls included; numbers, None, bytes, containers): the only exceptions are the
project's own (CrmError subclasses, InvalidValue). The import cell parsers and the
contact filter have their own hostile tests (tests/unit/imports/test_cells.py,
tests/integration/services/test_contact_filter.py), the searches theirs in
tests/integration/services/test_search.py."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crm_desktop.domain.errors import CrmError
from crm_desktop.domain.numbers import parse_proforma_number, parse_ticket_number
from crm_desktop.domain.periods import parse_period
from crm_desktop.services.automation.conditions import parse as parse_conditions
from crm_desktop.services.search_query import match_expression
from crm_desktop.text import digits, placeholders
from crm_desktop.text.jalali import parse_jalali
from crm_desktop.text.money import MoneyUnit, parse_money
from crm_desktop.text.validate import InvalidValue, normalize_mobile, normalize_phone

OURS = (CrmError, InvalidValue)

every_char = st.characters(codec=None, exclude_categories=())
typed = st.one_of(
    st.text(every_char, max_size=40),
    # near-misses of what each parser accepts, with Persian and Arabic-Indic digits
    st.text(st.sampled_from("0123456789۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩/-.,٬٫+ QqeE{}تومانریال\u200c"),
            max_size=30),
    st.sampled_from(["", " ", "\x00", "\ud800", "1e400", "NaN", "-0", "1405/12/30",
                     "9999999999/99/99", "1405-Q9", "1405-07-01..1405-09-30", "{",
                     "{first_name", "}", "{{}}", "۱۴۰۵-۰۰۰۱", "1405-0001", "+98 912",
                     "0098" + "9" * 40, '"', "*", "AND OR NOT", "NEAR(", "٫۵ تومان"]),
)
anything = st.one_of(typed, st.integers(), st.floats(), st.decimals(), st.none(),
                     st.booleans(), st.binary(max_size=6), st.lists(st.integers(), max_size=2),
                     st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
                     st.just(Decimal("sNaN")), st.just(object()))

#: parsers of what a user types or a file holds: anything in, only our errors out
PARSERS: dict[str, Callable[[Any], Any]] = {
    "parse_jalali": parse_jalali,
    "parse_money rial": lambda v: parse_money(v, MoneyUnit.RIAL),
    "parse_money toman": lambda v: parse_money(v, MoneyUnit.TOMAN),
    "normalize_mobile": normalize_mobile,
    "normalize_phone": normalize_phone,
    "parse_period": parse_period,
    "placeholders.parse": placeholders.parse,
    "automation conditions": parse_conditions,
}
#: helpers under them that take text and say ValueError (their callers turn it into a
#: ValidationError naming the field: find_by_number, the fields' rules): any text in,
#: ValueError or ours out, never an AttributeError, IndexError, OverflowError ...
TEXT_HELPERS: dict[str, Callable[[str], Any]] = {
    "parse_int": digits.parse_int,
    "parse_decimal": digits.parse_decimal,
    "parse_proforma_number": parse_proforma_number,
    "parse_ticket_number": parse_ticket_number,
    "search match_expression": match_expression,
}
SETTINGS = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                    suppress_health_check=list(HealthCheck))


@pytest.mark.parametrize("name", sorted(PARSERS))
@SETTINGS
@given(value=anything)
def test_a_parser_raises_only_our_errors(name: str, value: Any) -> None:
    with contextlib.suppress(*OURS):
        PARSERS[name](value)


@pytest.mark.parametrize("name", sorted(TEXT_HELPERS))
@SETTINGS
@given(value=typed)
def test_a_text_helper_raises_only_value_errors(name: str, value: str) -> None:
    with contextlib.suppress(*OURS, ValueError):
        TEXT_HELPERS[name](value)
