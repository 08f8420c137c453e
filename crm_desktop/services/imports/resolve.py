"""What a run does with each row of a plan, worked out in memory before anything is written:
the records to create (with every field, as the service would store them) and the existing
records to update (with the fields that change), after the choices for duplicates.

The rules (ImportPlan.counts counts rows by the same rules; a test holds them equal):
* a row without a match creates a record;
* a duplicate row: SKIP leaves it out; CREATE makes a record anyway; UPDATE fills the
  record's empty fields from the row (a field is empty when it holds nothing or the
  service's value for "not given": "", None, gender unspecified, lifecycle stage lead,
  price 0; a yes/no field is never empty); OVERWRITE writes every non-empty value of the
  row over it;
* the record of a duplicate is the existing record it matches, or for a repeat of an
  earlier row of the file, the record that row created, updated or matched (whatever was
  chosen for it): so with UPDATE the repeats of a new row fold into the one record it
  creates, in file order, and nothing is created twice;
* contacts: "company" links the contact to a company by name (found or created by the
  writer; UPDATE only links a contact that has none), "tags" are added to its tags.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from crm_desktop.domain.errors import FieldError, ValidationError
from crm_desktop.services.fields import is_id
from crm_desktop.services.imports.model import (
    IMPORT_KINDS,
    ImportCounts,
    ImportOptions,
    ImportPlan,
    Match,
    OnDuplicate,
)
from crm_desktop.services.imports.records import RecordKind

#: what a contact row may carry besides its fields
EXTRA = {"contacts": ("company", "tags")}


@dataclass
class Record:
    """One record a run writes: a new one (`current` None, `values` every field) or an
    existing one (`current` its row as read, `values` the fields the run sets)."""

    values: dict[str, Any]
    current: dict[str, Any] | None = None
    company: str | None = None
    tags: list[str] = field(default_factory=list)
    #: plan rows folded into it (for progress)
    rows: int = 1
    id: int | None = None

    def value(self, key: str) -> Any:
        if key in self.values:
            return self.values[key]
        return self.current.get(key) if self.current is not None else None


@dataclass
class Resolved:
    new: list[Record]
    updates: list[Record]
    counts: ImportCounts


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
    types = kind.python_types
    for key, value in values.items():
        if key in extra:
            ok = value is None or (_text(value) if key == "company" else (
                isinstance(value, list | tuple) and all(_text(t) for t in value)))
        elif key not in kind.fields or key in ("owner_id", "account_id", "source_campaign_id"):
            raise ValidationError(FieldError(str(key), "unknown_field"))
        else:
            want = types[key]
            ok = value is None or (isinstance(value, want) and not (
                want is int and isinstance(value, bool)) and not (
                want is date and isinstance(value, datetime)))
            if ok and isinstance(value, int) and not isinstance(value, bool):
                ok = -(2**63) <= value < 2**63
            if ok and isinstance(value, str):
                ok = _text(value)
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


def resolve(plan: ImportPlan, options: ImportOptions, kind: RecordKind,
            existing: Mapping[int, dict[str, Any]]) -> Resolved:
    """The records a run writes. `existing`: the rows of the records the plan's matches
    name, as read now (missing or in the Trash: the plan is stale, ValidationError)."""
    extra = EXTRA.get(plan.kind, ())
    defaults = kind.defaults()
    new: list[Record] = []
    updates: dict[int, Record] = {}
    #: sheet row -> the record it made or updated, or the id of the record it matched
    made: dict[int, Record | int] = {}
    stale: set[int] = set()
    n_new = n_updates = skipped = duplicates = 0

    def record_of(match: Match) -> Record | None:
        target: Record | int | None = match.existing_id
        if target is None:
            target = made.get(match.earlier_row) if isinstance(match.earlier_row, int) else None
            if target is None:  # an earlier row the plan does not have
                raise invalid("plan")
        if isinstance(target, Record):
            return target
        if target not in updates:
            current = existing.get(target)
            if current is None or current.get("deleted_at") is not None:
                stale.add(target)
                return None
            updates[target] = Record({}, current, rows=0, id=target)
        return updates[target]

    for planned in plan.rows:
        if not isinstance(planned.row, int) or not (planned.match is None or isinstance(
                planned.match, Match)):
            raise invalid("plan")
        _check_values(kind, planned.values, extra)
        values = {k: v for k, v in planned.values.items() if k not in extra}
        company = planned.values.get("company") if extra else None
        tags = list(planned.values.get("tags") or ()) if extra else []
        match = planned.match
        choice = options.choice(planned.row) if match is not None else OnDuplicate.CREATE
        if match is not None:
            duplicates += 1
        if choice is OnDuplicate.CREATE:
            record = Record({**defaults, **values}, company=company or None, tags=tags)
            new.append(record)
            made[planned.row] = record
            n_new += 1
            continue
        assert match is not None
        if choice is OnDuplicate.SKIP:
            skipped += 1
            matched = match.existing_id if match.existing_id is not None else made.get(
                match.earlier_row) if isinstance(match.earlier_row, int) else None
            if matched is not None:
                made[planned.row] = matched
            continue
        target = record_of(match)
        n_updates += 1
        if target is not None:
            _fold_in(kind, target, values, company, tags, choice is OnDuplicate.OVERWRITE)
            made[planned.row] = target
    if stale:
        raise ValidationError(FieldError("import", "import.stale", {"count": len(stale)}))
    errors = len({getattr(e, "row", None) for e in plan.errors}) if isinstance(
        plan.errors, list) else 0
    counts = ImportCounts(new=n_new, updates=n_updates, skipped=skipped, errors=errors,
                          duplicates=duplicates)
    return Resolved(new, list(updates.values()), counts)
