"""Validation and normalisation of Iranian identifiers, phones and e-mail addresses."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from crm_desktop.text.digits import strip_bidi, to_ascii_digits


class InvalidValue(ValueError):
    """A value refused by a validator; `code` selects the message in text.messages."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


#: The dates the program accepts anywhere (birthdays, issue dates, due times, holidays):
#: Jalali 1279/01/01 to 1579/12/29, that is Gregorian 1900-03-21 to 2201-03-20. Dates
#: outside it are typing mistakes, and at the ends of the calendar (0001-01-01,
#: 9999-12-31) arithmetic on them overflows. Messages name these same two days.
DATE_MIN = date(1900, 3, 21)
DATE_MAX = date(2201, 3, 20)


def check_date_range(d: date, lo: date = DATE_MIN, hi: date = DATE_MAX) -> date:
    """`d` when lo <= d <= hi, else InvalidValue("date.range") naming both ends (Jalali)."""
    if not lo <= d <= hi:
        from crm_desktop.text.jalali import format_jalali

        raise InvalidValue("date.range", min=format_jalali(lo, persian=False),
                           max=format_jalali(hi, persian=False))
    return d


# Characters people put inside numbers: spaces of every kind, dashes and hyphens, dots, brackets.
_NUMBER_JUNK = str.maketrans(
    dict.fromkeys(
        " \t\u00a0\u2009\u202f\u200c"  # spaces, thin/narrow no-break spaces, ZWNJ
        "-\u2010\u2011\u2012\u2013\u2014\u2212\u0640_"  # hyphens, dashes, minus, tatweel
        ".()[]/"
    )
)
_ASCII_DIGITS_RE = re.compile(r"[0-9]+")


def _compact(s: str, code: str, plus: bool = False) -> str:
    """Digits only (ASCII), after removing bidi marks and the usual separators.

    With plus=True a single leading "+" survives.
    """
    if not isinstance(s, str):
        raise InvalidValue(code)
    t = to_ascii_digits(strip_bidi(s)).translate(_NUMBER_JUNK)
    lead = ""
    if plus and t.startswith("+"):
        lead, t = "+", t[1:]
    if not _ASCII_DIGITS_RE.fullmatch(t):
        raise InvalidValue(code)
    return lead + t


def _strip_country_code(t: str) -> str | None:
    """The national part after +98, 0098 or 98 (12-13 digits), with a "(0)" dropped; else None."""
    if t.startswith("+"):
        rest = t[3:] if t.startswith("+98") else None
    elif t.startswith("0098"):
        rest = t[4:]
    elif t.startswith("98") and len(t) in (12, 13):
        rest = t[2:]
    else:
        return None
    if rest is not None and rest.startswith("0"):
        rest = rest[1:]  # "+98 (0)912 ..."
    return rest


def normalize_mobile(s: str) -> str:
    """A mobile as typed ("+98 912 123 4567", "۰۹۱۲-۱۲۳-۴۵۶۷", "9121234567") -> "09121234567"."""
    t = _compact(s, "mobile.invalid", plus=True)
    rest = _strip_country_code(t)
    if rest is None:
        if t.startswith("+"):
            raise InvalidValue("mobile.invalid")
        rest = t[1:] if len(t) == 11 and t.startswith("0") else t
    if len(rest) != 10 or rest[0] != "9":
        raise InvalidValue("mobile.invalid")
    return "0" + rest


def normalize_phone(s: str) -> str:
    """Any Iranian phone number -> 8 to 11 ASCII digits ("+98 21 8877 6655" -> "02188776655").

    +98/0098 (and 98 before 10 digits) become 0; 10 digits not starting 0 get their 0 back.
    """
    t = _compact(s, "phone.invalid", plus=True)
    rest = _strip_country_code(t)
    if rest is not None:
        t = "0" + rest
    elif t.startswith("+"):
        raise InvalidValue("phone.invalid")
    elif len(t) == 10 and not t.startswith("0"):
        t = "0" + t
    if not 8 <= len(t) <= 11 or t.startswith("00"):
        raise InvalidValue("phone.invalid")
    return t


def national_code_check_digit(body: str) -> int:
    """Check digit of a national code from its first nine digits."""
    s = sum(int(body[i]) * (10 - i) for i in range(9)) % 11
    return s if s < 2 else 11 - s


def validate_national_code(s: str) -> str:
    """A national code (کد ملی) -> its 10 ASCII digits; 8 or 9 digits are left-padded with 0."""
    try:
        t = _compact(s, "national_code.length")
    except InvalidValue:
        raise InvalidValue("national_code.length", length=10) from None
    if not 8 <= len(t) <= 10:
        raise InvalidValue("national_code.length", length=10)
    t = t.zfill(10)
    if len(set(t)) == 1 or national_code_check_digit(t[:9]) != int(t[9]):
        raise InvalidValue("national_code.checksum")
    return t


_LEGAL_ID_WEIGHTS = (29, 27, 23, 19, 17)


def legal_id_check_digit(body: str) -> int:
    """Check digit of a legal-entity ID (شناسه ملی) from its first ten digits."""
    k = int(body[9]) + 2
    s = sum((k + int(body[i])) * _LEGAL_ID_WEIGHTS[i % 5] for i in range(10)) % 11
    return 0 if s == 10 else s


def validate_legal_id(s: str) -> str:
    """A legal-entity ID (شناسه ملی) -> its 11 ASCII digits."""
    try:
        t = _compact(s, "legal_id.length")
    except InvalidValue:
        raise InvalidValue("legal_id.length", length=11) from None
    if len(t) != 11:
        raise InvalidValue("legal_id.length", length=11)
    if legal_id_check_digit(t[:10]) != int(t[10]):
        raise InvalidValue("legal_id.checksum")
    return t


def validate_postal_code(s: str) -> str:
    """A 10-digit postal code (not ten identical digits) -> its ASCII digits."""
    t = _compact(s, "postal_code.invalid")
    if len(t) != 10 or len(set(t)) == 1:
        raise InvalidValue("postal_code.invalid")
    return t


def validate_economic_code(s: str) -> str:
    """An economic code (کد اقتصادی), 10 to 14 digits -> its ASCII digits."""
    t = _compact(s, "economic_code.invalid")
    if not 10 <= len(t) <= 14:
        raise InvalidValue("economic_code.invalid")
    return t


_EMAIL_LOCAL_RE = re.compile(
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
)
_EMAIL_LABEL_RE = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")
_EMAIL_TLD_RE = re.compile(r"[A-Za-z]{2,63}")


def validate_email(s: str) -> str:
    """Syntax check of an e-mail address (no network); returns it with the domain lowercased."""
    if not isinstance(s, str):
        raise InvalidValue("email.invalid")
    t = strip_bidi(s).strip()
    if len(t) > 254 or t.count("@") != 1:
        raise InvalidValue("email.invalid")
    local, domain = t.split("@")
    labels = domain.split(".")
    if (
        len(local) > 64
        or not _EMAIL_LOCAL_RE.fullmatch(local)
        or len(labels) < 2
        or not all(_EMAIL_LABEL_RE.fullmatch(label) for label in labels)
        or not _EMAIL_TLD_RE.fullmatch(labels[-1])
    ):
        raise InvalidValue("email.invalid")
    return f"{local}@{domain.lower()}"
