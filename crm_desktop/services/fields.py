"""Field rules for service input: each converter cleans a raw value or raises InvalidValue.

Services declare their writable fields as a mapping name -> Field; `clean()` applies them
all and raises one ValidationError that names every bad field.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from crm_desktop.domain.errors import FieldError, ValidationError
from crm_desktop.text import validate as v
from crm_desktop.text.digits import parse_decimal, parse_int
from crm_desktop.text.jalali import parse_jalali
from crm_desktop.text.money import parse_money
from crm_desktop.text.normalize import clean_text

InvalidValue = v.InvalidValue
Converter = Callable[[Any], Any]


@dataclass(frozen=True)
class Field:
    convert: Converter
    required: bool = False
    #: value stored when the input is empty (None for nullable columns)
    empty: Any = None


def _is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not clean_text(value))


def text(max_len: int) -> Converter:
    def convert(value: Any) -> str:
        s = clean_text(str(value))
        if len(s) > max_len:
            raise InvalidValue("too_long", max=max_len)
        return s

    return convert


def multiline(max_len: int = 20_000) -> Converter:
    def convert(value: Any) -> str:
        lines = [clean_text(line) for line in str(value).strip().splitlines()]
        s = "\n".join(lines).strip()
        if len(s) > max_len:
            raise InvalidValue("too_long", max=max_len)
        return s

    return convert


def choice(enum: type[StrEnum]) -> Converter:
    def convert(value: Any) -> str:
        try:
            return enum(str(value)).value
        except ValueError:
            raise InvalidValue("choice") from None

    return convert


def boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    raise InvalidValue("invalid")


def a_date(value: Any) -> date:
    if isinstance(value, datetime):
        raise InvalidValue("date.invalid")
    if isinstance(value, date):
        return value
    s = str(value).strip()
    try:
        return date.fromisoformat(s) if len(s) == 10 and s[:2] in ("19", "20") else parse_jalali(s)
    except ValueError:
        raise InvalidValue("date.invalid") from None


def instant(value: Any) -> datetime:
    """An aware UTC datetime; a naive one is taken as UTC, like the columns store it."""
    if not isinstance(value, datetime):
        try:
            value = datetime.fromisoformat(str(value).strip())
        except ValueError:
            raise InvalidValue("date.invalid") from None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def integer(lo: int | None = None, hi: int | None = None) -> Converter:
    def convert(value: Any) -> int:
        if isinstance(value, bool):
            raise InvalidValue("number.invalid")
        try:
            n = value if isinstance(value, int) else parse_int(str(value))
        except ValueError:
            raise InvalidValue("number.invalid") from None
        if (lo is not None and n < lo) or (hi is not None and n > hi):
            raise InvalidValue("range", min=lo, max=hi)
        return n

    return convert


def decimal(lo: Decimal | int | None = None, hi: Decimal | int | None = None) -> Converter:
    def convert(value: Any) -> Decimal:
        try:
            if isinstance(value, Decimal | int) and not isinstance(value, bool):
                d = Decimal(value)
            else:
                d = parse_decimal(str(value))
        except (ValueError, InvalidOperation):
            raise InvalidValue("number.invalid") from None
        if (lo is not None and d < lo) or (hi is not None and d > hi):
            raise InvalidValue("range", min=lo, max=hi)
        return d

    return convert


def money(value: Any) -> int:
    """Integer Rials; strings may carry a unit word (see text.money.parse_money)."""
    if isinstance(value, bool):
        raise InvalidValue("money.invalid")
    if isinstance(value, int):
        if value < 0:
            raise InvalidValue("money.negative")
        return value
    s = str(value)
    try:
        return parse_money(s)
    except ValueError:
        if s.strip().startswith("-"):
            raise InvalidValue("money.negative") from None
        raise InvalidValue("money.invalid") from None


def reference(value: Any) -> int:
    """An id of another record (its existence is checked by the service)."""
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise InvalidValue("not_found")
    return value


mobile: Converter = v.normalize_mobile
phone: Converter = v.normalize_phone
email: Converter = v.validate_email
national_code: Converter = v.validate_national_code
legal_id: Converter = v.validate_legal_id
economic_code: Converter = v.validate_economic_code
postal_code: Converter = v.validate_postal_code


def clean(
    specs: Mapping[str, Field],
    data: Mapping[str, Any],
    *,
    partial: bool = False,
) -> dict[str, Any]:
    """Validate `data` against `specs`; every error is collected before raising.

    With `partial` (an update) only the given keys are checked; otherwise required fields
    that are missing are errors too. Unknown keys are a programming error (KeyError).
    """
    unknown = set(data) - set(specs)
    if unknown:
        raise KeyError(f"unknown fields: {', '.join(sorted(unknown))}")
    errors: list[FieldError] = []
    out: dict[str, Any] = {}
    names: Iterable[str] = data.keys() if partial else specs.keys()
    for name in names:
        spec = specs[name]
        value = data.get(name)
        if _is_empty(value):
            if spec.required:
                errors.append(FieldError(name, "required"))
            elif name in data:
                out[name] = spec.empty
            continue
        try:
            out[name] = spec.convert(value)
        except InvalidValue as exc:
            errors.append(FieldError(name, exc.code, exc.params))
    if errors:
        raise ValidationError(errors)
    return out
