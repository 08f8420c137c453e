"""One sheet row -> the values a service would store, or the errors that keep it out.

Each mapped cell goes through cells.py (the cell as the rule takes it), then through the
service's own field rule (ContactService.fields, AccountService.fields,
ProductService.fields: the rules every editor uses), then the row through the service's
cross-field check (a contact needs a first or a last name; a company and a product a
name). An error names the IMPORT field (the column's), so the preview can point at it.

Values kept are the non-blank ones only (a blank cell neither fills nor clears a field;
the writer gives a new record the service's defaults). Contacts also carry "company" (a
company's name), "tags" (a list of names) and "referred_by" (a referrer's mobile or
name, replaced by the plan with the contact's id: imports/referrers.py); products carry
"unit_price_rial" whichever unit column it came from.

Two rules beyond the field rules:
- Names: first and last name come from their own columns; a full-name column is split
  (cells.split_full_name) only for a row whose first and last name cells are both blank.
- A number in the mobile column that is not a mobile but is a landline (not 09...) is the
  row's phone when the row has no phone of its own: «شماره تماس» columns mix both.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from crm_desktop.imports.sheet import SheetData, SheetRow
from crm_desktop.services import fields as f
from crm_desktop.services.accounts import AccountService
from crm_desktop.services.contacts import ContactService
from crm_desktop.services.imports import cells
from crm_desktop.services.imports.model import ImportKind, RowError
from crm_desktop.services.imports.referrers import referrer_cell
from crm_desktop.services.products import ProductService
from crm_desktop.text.money import MoneyUnit
from crm_desktop.text.validate import InvalidValue

SERVICE_FIELDS: dict[str, dict[str, f.Field]] = {
    "contacts": ContactService.fields,
    "companies": AccountService.fields,
    "products": ProductService.fields,
}
#: fields with few distinct values in a sheet: each distinct cell is converted once
CACHED = frozenset({
    "city", "gender", "source", "lifecycle_stage", "birthday", "job_title", "company",
    "tags", "sms_consent", "email_consent", "industry", "unit", "taxable", "active",
    "unit_price_rial", "unit_price_toman",
})
#: fields handled by the row itself (names)
_NAMES = frozenset({"full_name", "first_name", "last_name"})

Convert = Callable[[Any], Any]


def _rule(kind: str, field: str) -> Convert:
    return SERVICE_FIELDS[kind][field].convert


def _text_then(rule: Convert) -> Convert:
    def convert(raw: Any) -> Any:
        cell = cells.text_cell(raw)
        return None if cell is None else rule(cell)
    return convert


def _code_then(field: str, rule: Convert) -> Convert:
    def convert(raw: Any) -> Any:
        cell = cells.code_cell(raw, field)
        return None if cell is None else rule(cell)
    return convert


def _converter(kind: str, field: str, *, month_first: bool = False) -> tuple[str, Convert]:
    """(stored field, raw cell -> cleaned value or None) of one import field."""
    if field in cells.CODE_ERRORS:
        return field, _code_then(field, _rule(kind, field))
    if field == "birthday":
        rule = _rule(kind, field)

        def birthday(raw: Any) -> Any:
            day = cells.date_cell(raw, month_first)
            return None if day is None else rule(day)
        return field, birthday
    if field in ("gender", "source", "lifecycle_stage"):
        family = "lifecycle" if field == "lifecycle_stage" else field
        choice_rule = _rule(kind, field)

        def choice(raw: Any) -> Any:
            word = cells.choice_cell(raw, family)
            return None if word is None else choice_rule(word)
        return field, choice
    if field in ("sms_consent", "email_consent", "taxable", "active"):
        bool_rule = _rule(kind, field)

        def yes_no(raw: Any) -> Any:
            answer = cells.yes_no_cell(raw)
            return None if answer is None else bool_rule(answer)
        return field, yes_no
    if field in ("unit_price_rial", "unit_price_toman"):
        unit = MoneyUnit.TOMAN if field == "unit_price_toman" else MoneyUnit.RIAL
        money_rule = _rule(kind, "unit_price_rial")

        def money(raw: Any) -> Any:
            rials = cells.money_cell(raw, unit)
            return None if rials is None else money_rule(rials)
        return "unit_price_rial", money
    if field == "tags":
        def tags(raw: Any) -> Any:
            names = cells.tags_cell(raw)
            return None if names is None else tuple(names)
        return field, tags
    if field == "company":
        return field, _text_then(AccountService.fields["name"].convert)
    if field == "referred_by":  # looked up by the plan (imports/referrers.py)
        return field, referrer_cell
    return field, _text_then(_rule(kind, field))


def _cached(convert: Convert) -> Convert:
    """`convert` run once per distinct cell (the type counts: 1 and True are not one)."""
    done: dict[tuple[type, Any], tuple[bool, Any]] = {}

    def run(raw: Any) -> Any:
        key = (type(raw), raw)
        try:
            hit = done.get(key)
        except TypeError:  # not hashable: convert without keeping it
            return convert(raw)
        if hit is None:
            try:
                hit = (True, convert(raw))
            except InvalidValue as exc:
                hit = (False, (exc.code, exc.params))
            done[key] = hit
        if hit[0]:
            return hit[1]
        code, params = hit[1]
        raise InvalidValue(code, **params)  # a new one: a raised one keeps its traceback

    return run


def column_month_first(sheet: SheetData, index: int) -> bool:
    """True when the column's day-or-month-first dates read only as month/day/year."""
    seen: set[str] = set()
    for row in sheet.rows:
        if index < len(row.values):
            order = cells.date_text_order(row.values[index])
            if order is not None:
                seen.add(order)
                if len(seen) == 2:
                    break
    return seen == {"mdy"}


class RowChecker:
    """Checks the rows of one sheet with one mapping (conversions cached across rows)."""

    def __init__(self, kind: ImportKind, mapping: tuple[str | None, ...], sheet: SheetData):
        self.kind = kind
        self.columns = {field: i for i, field in enumerate(mapping) if field is not None}
        self.steps: list[tuple[int, str, str, Convert]] = []
        for field, i in self.columns.items():
            if field in _NAMES and kind == "contacts":
                continue
            month_first = field == "birthday" and column_month_first(sheet, i)
            stored, convert = _converter(kind, field, month_first=month_first)
            self.steps.append((i, field, stored, _cached(convert) if field in CACHED
                               else convert))
        name_rule = _rule("contacts", "first_name")
        self.name_text = _cached(_text_then(name_rule))

        def split(raw: Any) -> tuple[str, str]:
            first, last = cells.split_full_name(raw)
            return (name_rule(first) if first else "", name_rule(last) if last else "")
        self.split = _cached(split)
        self.phone_mapped = "phone" in self.columns

    @staticmethod
    def _cell(row: SheetRow, index: int) -> Any:
        return row.values[index] if index < len(row.values) else None

    def check(self, row: SheetRow) -> tuple[dict[str, Any], list[RowError]]:
        values: dict[str, Any] = {}
        errors: list[RowError] = []
        landline: str | None = None
        cells_ = row.values
        width = len(cells_)
        for i, field, stored, convert in self.steps:
            raw = cells_[i] if i < width else None
            try:
                value = convert(raw)
            except InvalidValue as exc:
                if field == "mobile" and exc.code == "mobile.invalid":
                    landline = self._landline(row, raw)
                    if landline is not None:
                        continue
                errors.append(RowError(row.number, field, exc.code, dict(exc.params)))
                continue
            if value is not None:
                values[stored] = list(value) if field == "tags" else value
        if landline is not None and "phone" not in values:
            values["phone"] = landline
        if self.kind == "contacts":
            self._names(row, values, errors)
        elif "name" not in values and not any(e.field == "name" for e in errors):
            errors.append(RowError(row.number, None, "no_name"))
        return values, errors

    def _landline(self, row: SheetRow, raw: Any) -> str | None:
        """The mobile cell as the row's phone: a landline, and the row has no phone."""
        if self.phone_mapped and not cells.is_blank(self._cell(row, self.columns["phone"])):
            return None
        try:
            cell = cells.code_cell(raw, "phone")
            phone = None if cell is None else f.phone(cell)
        except InvalidValue:
            return None
        return phone if phone and not phone.startswith("09") else None

    def _names(self, row: SheetRow, values: dict[str, Any], errors: list[RowError]) -> None:
        failed = False
        for field in ("first_name", "last_name"):
            if field in self.columns:
                try:
                    name = self.name_text(self._cell(row, self.columns[field]))
                except InvalidValue as exc:
                    errors.append(RowError(row.number, field, exc.code, dict(exc.params)))
                    failed = True
                    continue
                if name:
                    values[field] = name
        if failed:
            return
        if "first_name" not in values and "last_name" not in values \
                and "full_name" in self.columns:
            try:
                first, last = self.split(self._cell(row, self.columns["full_name"]))
            except InvalidValue as exc:
                errors.append(RowError(row.number, "full_name", exc.code, dict(exc.params)))
                return
            if first:
                values["first_name"] = first
            if last:
                values["last_name"] = last
        if "first_name" not in values and "last_name" not in values:
            errors.append(RowError(row.number, None, "no_name"))
