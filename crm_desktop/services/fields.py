"""Field rules for service input: each converter cleans a raw value or raises InvalidValue.

Services declare their writable fields as a mapping name -> Field; `clean()` applies them
all and raises one ValidationError that names every bad field.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from crm_desktop.domain.errors import FieldError, ValidationError
from crm_desktop.text import validate as v
from crm_desktop.text.digits import parse_decimal, parse_int
from crm_desktop.text.jalali import parse_jalali
from crm_desktop.text.money import MAX_RIALS as MAX_RIALS  # the limit, for services
from crm_desktop.text.money import parse_money, too_large
from crm_desktop.text.normalize import clean_text

InvalidValue = v.InvalidValue
Converter = Callable[[Any], Any]

#: Record ids are SQLite rowids: 1 .. 2**63 - 1. Anything else names no record.
MAX_ID = 2**63 - 1
#: the one allowed date range (set in text.validate), for services
DATE_MIN, DATE_MAX = v.DATE_MIN, v.DATE_MAX


def is_id(value: Any) -> bool:
    """True for a value that can be a record id (an int 1 .. 2**63 - 1, not a bool)."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value <= MAX_ID


def distinct_ids(values: Any, field: str) -> list[int]:
    """The distinct record ids among `values`, sorted; what cannot be an id (0, 2**63,
    "x") names no record and is left out, like an unknown one. Not a collection of
    values (a string, a number): a validation error on `field`."""
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        raise ValidationError(FieldError(field, "invalid"))
    return sorted({v for v in values if is_id(v)})


def chunked(ids: list[int], size: int) -> Iterator[list[int]]:
    """`ids` in pieces of `size` (one IN (...) list each, far below SQLite's limit on
    bound parameters)."""
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def _as_text(value: Any) -> str:
    """`value` as text; a value without a usable text form (an int of more than 4,300
    digits, an object whose __str__ fails) is refused."""
    if isinstance(value, str):
        return value
    try:
        return str(value)
    except Exception:  # whatever str() raises, the value is not text
        raise InvalidValue("invalid") from None


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
        s = clean_text(_as_text(value))
        if len(s) > max_len:
            raise InvalidValue("too_long", max=max_len)
        return s

    return convert


def multiline(max_len: int = 20_000) -> Converter:
    def convert(value: Any) -> str:
        lines = [clean_text(line) for line in _as_text(value).strip().splitlines()]
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
    """A date (ISO Gregorian or Jalali text, or a date) from DATE_MIN to DATE_MAX."""
    return date_between(value, DATE_MIN, DATE_MAX)


def date_between(value: Any, lo: date, hi: date) -> date:
    """Like a_date, within [lo, hi] (inside the allowed range); "date.range" names lo, hi."""
    if isinstance(value, datetime):
        raise InvalidValue("date.invalid")
    if not isinstance(value, date):
        s = _as_text(value).strip()
        try:
            value = (date.fromisoformat(s) if len(s) == 10 and s[:2] in ("19", "20")
                     else parse_jalali(s))
        except ValueError:
            try:  # a real Gregorian date all the same (0001-01-01): say which are allowed
                value = date.fromisoformat(s)
            except ValueError:
                raise InvalidValue("date.invalid") from None
    return v.check_date_range(value, lo, hi)


def instant(value: Any) -> datetime:
    """An aware UTC datetime; a naive one is taken as UTC, like the columns store it.

    Its UTC day must lie in DATE_MIN .. DATE_MAX (the ends of the calendar overflow)."""
    if not isinstance(value, datetime):
        try:
            value = datetime.fromisoformat(_as_text(value).strip())
        except ValueError:
            raise InvalidValue("date.invalid") from None
    try:
        value = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    except (OverflowError, ValueError):  # 0001-01-01 00:00+05:00 is before year 1 in UTC
        value = None
    if value is None or not DATE_MIN <= value.date() <= DATE_MAX:
        v.check_date_range(date.min)  # raises date.range with the allowed dates
    return value


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
                d = parse_decimal(_as_text(value))
        except (ValueError, InvalidOperation):
            raise InvalidValue("number.invalid") from None
        if not d.is_finite():
            raise InvalidValue("number.invalid")
        if (lo is not None and d < lo) or (hi is not None and d > hi):
            raise InvalidValue("range", min=lo, max=hi)
        return d

    return convert


def money(value: Any) -> int:
    """Integer Rials, 0 .. MAX_RIALS; strings may carry a unit word (text.money.parse_money)."""
    if isinstance(value, bool):
        raise InvalidValue("money.invalid")
    if isinstance(value, int):
        if value < 0:
            raise InvalidValue("money.negative")
        too_large(value)
        return value
    # format(): str() would write a Decimal 1000 as 1E+3
    finite = isinstance(value, Decimal) and value.is_finite()
    s = format(value, "f") if finite else _as_text(value)
    try:
        return parse_money(s)
    except InvalidValue:
        raise
    except ValueError:
        if s.strip().startswith("-"):
            raise InvalidValue("money.negative") from None
        raise InvalidValue("money.invalid") from None


def reference(value: Any) -> int:
    """An id of another record (its existence is checked by the service)."""
    if not is_id(value):
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
    that are missing are errors too. A key that is not a field is an error of its own
    ("unknown_field"), reported with the others.
    """
    if not isinstance(data, Mapping):
        raise ValidationError(FieldError("data", "invalid"))
    errors: list[FieldError] = [
        FieldError(str(key), "unknown_field") for key in data if key not in specs
    ]
    out: dict[str, Any] = {}
    names: Iterable[str] = [k for k in data if k in specs] if partial else specs.keys()
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
