"""What a run does with each row of a plan, worked out in memory before anything is written:
the records to create (with every field, as the service would store them) and the existing
records to update (with the fields that change), after the choices for duplicates.

Which rows create, update or are skipped is ImportPlan.action()'s to say (the rule its
counts() documents: the preview's counts are what is written), and the record a row
updates is the one ImportPlan.target() names (the existing record it matches, or the record
its earlier row stands for: the one it creates, updates or matched), so with UPDATE the
repeats of a new row fold into the one record it creates, in file order. How a row updates
a record:
* UPDATE fills the record's empty fields from the row: a field is empty when it holds
  nothing or the service's value for "not given" ("", None, gender unspecified, lifecycle
  stage lead, price 0; a yes/no field is never empty);
* OVERWRITE writes every value of the row over it (blank cells are not in the row);
* contacts: "company" links the contact to a company by name (found or created by the
  writer; UPDATE only links a contact that has none), "tags" are added to its tags.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from types import MappingProxyType
from typing import Any

from crm_desktop.domain.errors import FieldError, ValidationError
from crm_desktop.services.fields import is_id
from crm_desktop.services.imports.model import (
    IMPORT_KINDS,
    ImportOptions,
    ImportPlan,
    Match,
    OnDuplicate,
    PlannedRow,
)
from crm_desktop.services.imports.records import RecordKind

#: what a contact row may carry besides its fields
EXTRA = {"contacts": ("company", "tags")}


#: no values: what a new record has for the fields its rows leave out is the service's
#: empty value for them (RecordKind.defaults, filled in when it is written)
NOTHING: Mapping[str, Any] = MappingProxyType({})


@dataclass
class Record:
    """One record a run writes: a new one (`current` None, `values` the fields its rows
    give, `defaults` what the others hold) or an existing one (`current` its row as read,
    `values` the fields the run sets)."""

    values: dict[str, Any]
    current: dict[str, Any] | None = None
    company: str | None = None
    tags: list[str] = field(default_factory=list)
    #: plan rows folded into it (for progress)
    rows: int = 1
    id: int | None = None
    defaults: Mapping[str, Any] = field(default_factory=lambda: NOTHING)

    def value(self, key: str) -> Any:
        if key in self.values:
            return self.values[key]
        if self.current is not None:
            return self.current.get(key)
        return self.defaults.get(key)


@dataclass
class Resolved:
    new: list[Record]
    updates: list[Record]
    #: rows that create a record and rows that update one (ImportPlan.counts' new and
    #: updates for the same options)
    created: int
    updated: int


def invalid(what: str) -> ValidationError:
    return ValidationError(FieldError(what, "invalid"))


def check_input(plan: Any, options: Any) -> ImportOptions:
    """A plan and options of the right shape (as plan.py makes them; anything else, such
    as a plan built by hand with a text where a date belongs, is a ValidationError).
    Returns the options with their choices as OnDuplicate ("skip" is OnDuplicate.SKIP)."""
    if not isinstance(plan, ImportPlan) or plan.kind not in IMPORT_KINDS:
        raise invalid("plan")
    if not isinstance(plan.rows, list) or not _text(plan.file_name) or not (
            plan.sheet is None or _text(plan.sheet)):
        raise invalid("plan")
    headers, mapping = plan.headers, plan.mapping
    if not (isinstance(headers, tuple | list) and isinstance(mapping, tuple | list)
            and len(headers) == len(mapping) and all(_text(h) for h in headers)
            and all(f is None or _text(f) for f in mapping)):
        raise invalid("mapping")
    if not isinstance(options, ImportOptions) or not isinstance(options.per_row, Mapping):
        raise invalid("options")
    try:
        on_duplicate = OnDuplicate(options.on_duplicate)
        per_row = {row: OnDuplicate(choice) for row, choice in options.per_row.items()}
    except (ValueError, TypeError):
        raise invalid("on_duplicate") from None
    if options.list_id is not None and not is_id(options.list_id):
        raise ValidationError(FieldError("list", "not_found"))
    return replace(options, on_duplicate=on_duplicate, per_row=per_row)


def _text(value: Any) -> bool:
    """A str that can be stored (UTF-8 has no lone surrogates)."""
    if not isinstance(value, str):
        return False
    if value.isascii():  # mobiles, e-mails, codes, choices: nothing to encode
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _check_values(kind: RecordKind, values: Any, extra: tuple[str, ...]) -> None:
    """Each value has its column's type (the plan's values are cleaned already: checking
    them again with the field rules would cost as much as the plan)."""
    if not isinstance(values, dict):
        raise invalid("plan")
    types = kind.importable
    for key, value in values.items():
        want = types.get(key)
        kind_of = type(value)
        if kind_of is want and (kind_of is not str or _text(value)) and (
                kind_of is not int or -(2**63) <= value < 2**63):
            continue  # the usual case: exactly the column's type
        if value is None:
            continue
        if key in extra:
            ok = _text(value) if key == "company" else (
                isinstance(value, list | tuple) and all(_text(t) for t in value))
        elif want is None:
            raise ValidationError(FieldError(str(key), "unknown_field"))
        else:  # a subclass of the type (never a bool for a number, a datetime for a day)
            ok = isinstance(value, want) and not isinstance(value, bool | datetime) and (
                not isinstance(value, int) or -(2**63) <= value < 2**63) and (
                not isinstance(value, str) or _text(value))
        if not ok:
            raise ValidationError(FieldError(str(key), "invalid"))


def blank(kind: RecordKind, key: str, value: Any) -> bool:
    """Whether a field holds nothing, for UPDATE (fill empty fields only)."""
    if value is None or value == "":
        return True
    spec = kind.fields.get(key)
    return spec is not None and not isinstance(spec.empty, bool) and value == spec.empty


def _fold_in(kind: RecordKind, record: Record, values: dict[str, Any], company: str | None,
             tags: list[str], overwrite: bool) -> None:
    for key, value in values.items():
        if value is None or value == "":
            continue
        if overwrite or blank(kind, key, record.value(key)):
            record.values[key] = value
    if company and (overwrite or (record.value("account_id") is None
                                  and record.company is None)):
        record.company = company
    record.tags += [t for t in tags if t not in record.tags]
    record.rows += 1


def _check_rows(plan: ImportPlan) -> dict[int, PlannedRow]:
    """The plan's rows by sheet row number, each of the right shape."""
    by_number: dict[int, PlannedRow] = {}
    for planned in plan.rows:
        match = planned.match if isinstance(planned, PlannedRow) else None
        if not isinstance(planned, PlannedRow) or not _number(planned.row) or not (
                match is None or (isinstance(match, Match)
                                  and (match.existing_id is None or _number(match.existing_id))
                                  and (match.earlier_row is None
                                       or _number(match.earlier_row)))):
            raise invalid("plan")
        by_number[planned.row] = planned
    return by_number


def _number(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def resolve(plan: ImportPlan, options: ImportOptions, kind: RecordKind,
            existing: Mapping[int, dict[str, Any]]) -> Resolved:
    """The records a run writes, row by row as ImportPlan.action() says (the rule its
    counts() follows), each update on the record ImportPlan.target() names. `existing`:
    the rows of the records the plan's matches name, as read now (one missing or in the
    Trash that a row would update: the plan is stale, ValidationError)."""
    extra = EXTRA.get(plan.kind, ())
    defaults = kind.defaults()
    by_number = _check_rows(plan)
    new: list[Record] = []
    updates: dict[int, Record] = {}
    #: sheet row -> the new record it creates
    made: dict[int, Record] = {}
    stale: set[int] = set()
    n_new = n_updates = 0

    def record_of(planned: PlannedRow) -> Record | None:
        existing_id, new_row = plan.target(planned, options, by_number)
        if existing_id is None:
            if new_row not in made:  # a repeat of a row that makes no record (a bad plan)
                raise invalid("plan")
            return made[new_row]
        if existing_id not in updates:
            current = existing.get(existing_id)
            if current is None or current.get("deleted_at") is not None:
                stale.add(existing_id)
                return None
            updates[existing_id] = Record({}, current, rows=0, id=existing_id)
        return updates[existing_id]

    for planned in plan.rows:
        _check_values(kind, planned.values, extra)
        values = {k: v for k, v in planned.values.items() if k not in extra}
        company = planned.values.get("company") if extra else None
        tags = list(planned.values.get("tags") or ()) if extra else []
        what = plan.action(planned, options, by_number)
        if what == "create":
            record = Record(values, company=company or None, tags=tags, defaults=defaults)
            new.append(record)
            made[planned.row] = record
            n_new += 1
        elif what == "update":
            n_updates += 1
            target = record_of(planned)
            if target is not None:
                choice = options.choice(planned.row)
                _fold_in(kind, target, values, company, tags,
                         choice is OnDuplicate.OVERWRITE)
    if stale:
        raise ValidationError(FieldError("import", "import.stale", {"count": len(stale)}))
    return Resolved(new, list(updates.values()), n_new, n_updates)
