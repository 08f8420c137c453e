from __future__ import annotations

import re
import string

import pytest

from crm_desktop.domain.errors import FieldError, ValidationError
from crm_desktop.text.messages import FIELD_LABELS, MESSAGES, field_label, field_message


def words(text: str) -> list[str]:
    return text.split()


REQUIRED_FIELDS = words("""
first_name last_name name title subject mobile mobile2 phone fax email national_code legal_id
economic_code postal_code birthday city address website industry job_title source
lifecycle_stage gender notes sku unit unit_price quantity discount amount stage expected_close
owner account contact deal ticket category priority status channel satisfaction description
resolution due_at duration reminder_at budget actual_cost expected_revenue start_date end_date
username display_name password role vat_rate display_unit probability tag issue_date
valid_until kind
""")

REQUIRED_CODES = words("""
required too_long choice range duplicate not_found number.invalid money.invalid money.negative
money.too_large money.too_large.toman date.range unknown_field
date.invalid date.order mobile.invalid phone.invalid national_code.length
national_code.checksum legal_id.length legal_id.checksum postal_code.invalid
economic_code.invalid email.invalid invalid
""")

PERSIAN_LETTER = re.compile(r"[\u0600-\u06FF]")


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("field", REQUIRED_FIELDS)
def test_every_field_has_two_labels(field: str) -> None:
    en, fa = FIELD_LABELS[field]
    assert en and en[0].isupper() and not PERSIAN_LETTER.search(en)
    assert PERSIAN_LETTER.search(fa)
    assert en == en.strip() and fa == fa.strip()


@pytest.mark.parametrize("code", REQUIRED_CODES)
def test_every_code_has_two_messages(code: str) -> None:
    en, fa = MESSAGES[code]
    assert en and not PERSIAN_LETTER.search(en)
    assert PERSIAN_LETTER.search(fa)
    assert not re.search("[0-9]", fa.replace("name@example.com", ""))  # Persian digits only
    assert placeholders(en) == placeholders(fa)
    assert not en.endswith(".") and not fa.endswith(".")  # field_message adds the full stop


def test_parameters_of_messages() -> None:
    assert placeholders(MESSAGES["too_long"][0]) == {"max"}
    assert placeholders(MESSAGES["range"][0]) == {"min", "max"}


def test_field_label() -> None:
    assert field_label("mobile") == "Mobile"
    assert field_label("mobile", "fa") == "موبایل"
    assert field_label("national_code", "fa") == "کد ملی"
    assert field_label("mobile", "de") == "Mobile"
    assert field_label("loyalty_points") == "Loyalty points"
    assert field_label("loyalty_points", "fa") == "Loyalty points"


def test_field_message_examples() -> None:
    assert (
        field_message("mobile", "mobile.invalid")
        == "Mobile: enter an Iranian mobile number such as 0912 345 6789."
    )
    assert (
        field_message("mobile", "mobile.invalid", "fa")
        # the example is isolated left to right (LRI ... PDI) so its digit groups keep
        # their order inside the right-to-left sentence
        == "موبایل: یک شماره موبایل ایرانی وارد کنید، مانند \u2066۰۹۱۲ ۳۴۵ ۶۷۸۹\u2069."
    )


def test_field_message_parameters() -> None:
    assert field_message("name", "too_long", max=1200) == (
        "Name: this is too long, please shorten it to at most 1,200 characters."
    )
    fa = field_message("name", "too_long", "fa", max=1200)
    assert "۱٬۲۰۰" in fa and "1200" not in fa
    fa = field_message("probability", "range", "fa", min=0, max=100)
    assert "۰" in fa and "۱۰۰" in fa
    assert field_message("probability", "range", min=0, max=100) == (
        "Probability: enter a value from 0 to 100."
    )
    fa = field_message("end_date", "range", "fa", min="1405/01/01", max="1405/12/29")
    assert "۱۴۰۵/۰۱/۰۱" in fa


def test_field_message_fallbacks() -> None:
    generic = field_message("mobile", "invalid")
    assert field_message("mobile", "no.such.code") == generic
    assert field_message("mobile", "too_long") == generic  # parameter missing: no crash
    assert field_message("mobile", "mobile.invalid", "xx") == field_message(
        "mobile", "mobile.invalid", "en"
    )
    assert field_message("odd_field", "required").startswith("Odd field: ")


def test_field_error_uses_the_messages() -> None:
    err = FieldError("mobile", "mobile.invalid")
    assert err.message() == "Mobile: enter an Iranian mobile number such as 0912 345 6789."
    assert err.message("fa").startswith("موبایل: ")
    both = ValidationError([err, FieldError("name", "too_long", {"max": 80})])
    assert str(both).splitlines()[1] == (
        "Name: this is too long, please shorten it to at most 80 characters."
    )
    assert "۸۰" in both.message("fa")
