from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crm_desktop.text.validate import (
    InvalidValue,
    normalize_mobile,
    normalize_phone,
    validate_economic_code,
    validate_email,
    validate_legal_id,
    validate_national_code,
    validate_postal_code,
)

PERSIAN = "۰۱۲۳۴۵۶۷۸۹"
ARABIC = "٠١٢٣٤٥٦٧٨٩"


def any_digits(draw: st.DrawFn, digits: str) -> str:
    """`digits` with each digit drawn in ASCII, Persian or Arabic-Indic form."""
    return "".join(
        draw(st.sampled_from([d, PERSIAN[int(d)], ARABIC[int(d)]])) if d.isdigit() else d
        for d in digits
    )


def sprinkle(draw: st.DrawFn, text: str, junk: list[str]) -> str:
    """`text` with separators inserted at random places."""
    out = []
    for ch in text:
        if draw(st.integers(0, 3)) == 0:
            out.append(draw(st.sampled_from(junk)))
        out.append(ch)
    return "".join(out)


@contextlib.contextmanager
def raises_code(code: str) -> Iterator[None]:
    """Expect InvalidValue with exactly this code."""
    with pytest.raises(InvalidValue) as info:
        yield
    assert info.value.code == code


def test_invalid_value() -> None:
    err = InvalidValue("too_long", max=5)
    assert isinstance(err, ValueError)
    assert err.code == "too_long"
    assert err.params == {"max": 5}
    assert InvalidValue("mobile.invalid").params == {}


# --- mobile ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "09121234567",
        "9121234567",
        "+989121234567",
        "+98 912 123 4567",
        "0098 912 123 4567",
        "989121234567",
        "+98 (0) 912-123-4567",
        "(0912) 123.45.67",
        "۰۹۱۲۱۲۳۴۵۶۷",
        "٠٩١٢١٢٣٤٥٦٧",
        "\u200e۰۹۱۲ ۱۲۳ ۴۵ ۶۷\u200f",
        " 0912\u2009123\u20094567 ",
    ],
)
def test_normalize_mobile(text: str) -> None:
    assert normalize_mobile(text) == "09121234567"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "0912123456",  # 10 digits with the 0
        "091212345678",
        "02188776655",  # a landline
        "+1 912 123 4567",
        "+44 9121234567",
        "0912x234567",
        "00989121234567 1",
        "++989121234567",
        "98912123456",
        "12345",
    ],
)
def test_normalize_mobile_refuses(text: str) -> None:
    with raises_code("mobile.invalid"):
        normalize_mobile(text)


@st.composite
def written_mobile(draw: st.DrawFn) -> tuple[str, str]:
    number = "09" + draw(st.text(alphabet="0123456789", min_size=9, max_size=9))
    prefix = draw(st.sampled_from(["+98", "0098", "98", "0", "", "+98(0)", "0098 0"]))
    text = any_digits(draw, prefix + number[1:])
    text = sprinkle(draw, text, [" ", "-", ".", "(", ")", "\u200e", "\u00a0"])
    return number, text


@given(written_mobile())
def test_any_written_mobile_normalises_back(case: tuple[str, str]) -> None:
    number, text = case
    assert normalize_mobile(text) == number
    assert normalize_phone(text) == number


# --- phone ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("021-88776655", "02188776655"),
        ("(021) 8877 6655", "02188776655"),
        ("+98 21 8877 6655", "02188776655"),
        ("0098-21-88776655", "02188776655"),
        ("+98 (0)21 88776655", "02188776655"),
        ("982188776655", "02188776655"),
        ("2188776655", "02188776655"),
        ("۰۲۱-۸۸۷۷۶۶۵۵", "02188776655"),
        ("88776655", "88776655"),
        ("۰۹۱۲ ۱۲۳ ۴۵۶۷", "09121234567"),
        ("0313 1234567", "03131234567"),
    ],
)
def test_normalize_phone(text: str, phone: str) -> None:
    assert normalize_phone(text) == phone


@pytest.mark.parametrize(
    "text", ["", "1234567", "021887766551", "+44 20 7946 0000", "00442079460000", "021 x 8877"]
)
def test_normalize_phone_refuses(text: str) -> None:
    with raises_code("phone.invalid"):
        normalize_phone(text)


# --- national code --------------------------------------------------------------------------


def check_digit(body: str) -> int:
    """STACK.md rule, written out again independently of the module."""
    total = 0
    for position, digit in zip(range(10, 1, -1), body, strict=True):
        total += int(digit) * position
    r = total % 11
    return r if r < 2 else 11 - r


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("0499370899", "0499370899"),  # 266 % 11 = 2 -> 11 - 2 = 9
        ("۰۴۹۹۳۷۰۸۹۹", "0499370899"),
        ("049-937089-9", "0499370899"),
        ("0790419904", "0790419904"),
        ("4608968882", "4608968882"),
        ("10350829", "0010350829"),  # 8 digits: left-padded
        ("084575948", "0084575948"),  # 9 digits
        ("٠٠١٠٣٥٠٨٢٩", "0010350829"),
    ],
)
def test_validate_national_code(text: str, code: str) -> None:
    assert validate_national_code(text) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "national_code.length"),
        ("1234567", "national_code.length"),
        ("12345678901", "national_code.length"),
        ("04993708x9", "national_code.length"),
        ("0499370898", "national_code.checksum"),
        ("0000000000", "national_code.checksum"),
        ("1111111111", "national_code.checksum"),  # its check digit matches, but ten identical
        ("00000000", "national_code.checksum"),
    ],
)
def test_validate_national_code_refuses(text: str, code: str) -> None:
    with raises_code(code):
        validate_national_code(text)


nine_digits = st.text(alphabet="0123456789", min_size=9, max_size=9).filter(
    lambda b: len(set(b)) > 1
)


@given(nine_digits)
def test_exactly_one_check_digit_validates(body: str) -> None:
    valid = []
    for d in "0123456789":
        try:
            valid.append(validate_national_code(body + d))
        except InvalidValue as err:
            assert err.code == "national_code.checksum"
    assert valid == [body + str(check_digit(body))]


@given(nine_digits, st.data())
def test_generated_national_codes_pass(body: str, data: st.DataObject) -> None:
    code = body + str(check_digit(body))
    text = sprinkle(data.draw, any_digits(data.draw, code), [" ", "-"])
    assert validate_national_code(text) == code
    if code.startswith("00"):
        assert validate_national_code(code[2:]) == code


# --- legal ID -------------------------------------------------------------------------------


def legal_check_digit(body: str) -> int:
    """STACK.md rule, written out again independently of the module."""
    d = [int(c) for c in body]
    weights = [29, 27, 23, 19, 17, 29, 27, 23, 19, 17]
    s = sum((d[9] + 2 + digit) * w for digit, w in zip(d, weights, strict=True)) % 11
    return 0 if s == 10 else s


@pytest.mark.parametrize(
    ("text", "legal_id"),
    [
        # k = 9 + 2; sum((11 + d[i]) * w[i % 5]) = 3432 = 11 * 312 -> check digit 0
        ("10380284790", "10380284790"),
        ("۱۰۳۸۰۲۸۴۷۹۰", "10380284790"),
        ("10380-284790", "10380284790"),
        ("10861713421", "10861713421"),
    ],
)
def test_validate_legal_id(text: str, legal_id: str) -> None:
    assert validate_legal_id(text) == legal_id


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "legal_id.length"),
        ("1038028479", "legal_id.length"),
        ("103802847900", "legal_id.length"),
        ("1038028479a", "legal_id.length"),
        ("10380284791", "legal_id.checksum"),
        ("00000000000", "legal_id.checksum"),
    ],
)
def test_validate_legal_id_refuses(text: str, code: str) -> None:
    with raises_code(code):
        validate_legal_id(text)


ten_digits = st.text(alphabet="0123456789", min_size=10, max_size=10)


@given(ten_digits, st.integers(1, 9), st.data())
def test_generated_legal_ids_pass_and_a_changed_check_digit_fails(
    body: str, shift: int, data: st.DataObject
) -> None:
    check = legal_check_digit(body)
    legal_id = body + str(check)
    assert validate_legal_id(any_digits(data.draw, legal_id)) == legal_id
    wrong = body + str((check + shift) % 10)
    with raises_code("legal_id.checksum"):
        validate_legal_id(wrong)


# --- postal code, economic code -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [("1318564751", "1318564751"), ("13185-64751", "1318564751"), ("۱۳۱۸۵ ۶۴۷۵۱", "1318564751")],
)
def test_validate_postal_code(text: str, code: str) -> None:
    assert validate_postal_code(text) == code


@pytest.mark.parametrize("text", ["", "131856475", "13185647512", "1111111111", "13185a4751"])
def test_validate_postal_code_refuses(text: str) -> None:
    with raises_code("postal_code.invalid"):
        validate_postal_code(text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("4111-1111-1111", "411111111111"),
        ("۱۲۳۴۵۶۷۸۹۰", "1234567890"),
        ("12345678901234", "12345678901234"),
    ],
)
def test_validate_economic_code(text: str, code: str) -> None:
    assert validate_economic_code(text) == code


@pytest.mark.parametrize("text", ["", "123456789", "123456789012345", "12345abcde"])
def test_validate_economic_code_refuses(text: str) -> None:
    with raises_code("economic_code.invalid"):
        validate_economic_code(text)


# --- e-mail ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "email"),
    [
        ("ali@example.com", "ali@example.com"),
        ("  Ali.Rezaei+crm@Example.CO.IR ", "Ali.Rezaei+crm@example.co.ir"),
        ("\u200eali@mail-server.ir\u200f", "ali@mail-server.ir"),
        ("a_b-c@x1.io", "a_b-c@x1.io"),
    ],
)
def test_validate_email(text: str, email: str) -> None:
    assert validate_email(text) == email


@pytest.mark.parametrize(
    "text",
    [
        "",
        "ali",
        "ali@",
        "@example.com",
        "ali@example",
        "ali@example.c",
        "ali@example.c0m",
        "ali@@example.com",
        "ali@ex@ample.com",
        "a li@example.com",
        "ali@exa mple.com",
        "ali@-example.com",
        "ali@example-.com",
        "ali@example..com",
        ".ali@example.com",
        "ali.@example.com",
        "al..i@example.com",
        "علی@example.com",
        "ali@example.com.",
        "a" * 65 + "@example.com",
        "a@" + "b" * 63 + "." + "c" * 63 + "." + "d" * 63 + "." + "e" * 63 + ".com",
    ],
)
def test_validate_email_refuses(text: str) -> None:
    with raises_code("email.invalid"):
        validate_email(text)


@given(
    st.from_regex(r"[a-z0-9]{1,10}(\.[a-z0-9_+-]{1,5}){0,2}", fullmatch=True),
    st.from_regex(r"[a-z0-9]{1,10}(-[a-z0-9]{1,5})?", fullmatch=True),
    st.from_regex(r"[a-z]{2,6}", fullmatch=True),
)
def test_generated_emails_pass_and_keep_the_local_part(local: str, host: str, tld: str) -> None:
    email = f"{local}@{host}.{tld}"
    assert validate_email(email) == email
    assert validate_email(f" {local}@{host.upper()}.{tld.upper()} ") == email
    assert validate_email(f"{local.upper()}@{host}.{tld}") == f"{local.upper()}@{host}.{tld}"
