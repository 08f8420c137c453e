"""The names an audit row's ids stand for (no Qt): the record it is about (its current name,
number or title while it exists, else the one its "purged" or "create" row kept, else
"#id"), and the records the ids among its values point at (an owner, a stage, a company).

Read a page of rows at a time: one query per kind of record named on the page, by id."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from crm_desktop.db import models as m
from crm_desktop.domain.numbers import proforma_number, ticket_number
from crm_desktop.services.fields import is_id
from crm_desktop.text.audit_texts import REFERENCES, record_values

Values = Mapping[str, Any]


def _joined(*keys: str) -> Callable[[Values], str | None]:
    def label(values: Values) -> str | None:
        text = " ".join(str(values[k]).strip() for k in keys if values.get(k))
        return text or None
    return label


def _numbered(make: Callable[[int, int], str], *more: str) -> Callable[[Values], str | None]:
    def label(values: Values) -> str | None:
        try:
            number = make(int(values["year"]), int(values["seq"]))
        except (KeyError, TypeError, ValueError):
            return None
        extra = _joined(*more)(values) if more else None
        return f"{number} {extra}" if extra else number
    return label


#: entity -> (model, columns its label reads, the label from those values)
LABELS: dict[str, tuple[Any, tuple[str, ...], Callable[[Values], str | None]]] = {
    "contacts": (m.Contact, ("first_name", "last_name"), _joined("first_name", "last_name")),
    "accounts": (m.Account, ("name",), _joined("name")),
    "deals": (m.Deal, ("title",), _joined("title")),
    "proformas": (m.Proforma, ("year", "seq"), _numbered(proforma_number)),
    "tickets": (m.Ticket, ("year", "seq", "subject"), _numbered(ticket_number, "subject")),
    "products": (m.Product, ("name",), _joined("name")),
    "pipeline_stages": (m.PipelineStage, ("name",), _joined("name")),
    "activities": (m.Activity, ("subject",), _joined("subject")),
    "campaigns": (m.Campaign, ("name",), _joined("name")),
    "marketing_lists": (m.MarketingList, ("name",), _joined("name")),
    "tags": (m.Tag, ("name",), _joined("name")),
    "automation_rules": (m.AutomationRule, ("name",), _joined("name")),
    "import_batches": (m.ImportBatch, ("file_name",), _joined("file_name")),
    "users": (m.User, ("display_name",), _joined("display_name")),
    "proforma_lines": (m.ProformaLine, ("description",), _joined("description")),
    "campaign_messages": (m.CampaignMessage, ("subject",), _joined("subject")),
}
ENTITY_ALIASES = {"user": "users", "backup": "backups"}
#: ids looked up per query (SQLite's limit on bound values is far higher; pages are 200)
CHUNK = 500


def current_labels(session: Session, entity: str, ids: Iterable[int]) -> dict[int, str]:
    """The current label of each record of `entity` that still exists (Trash included)."""
    spec = LABELS.get(ENTITY_ALIASES.get(entity, entity))
    wanted = sorted({i for i in ids if is_id(i)})
    if spec is None or not wanted:
        return {}
    model, columns, make = spec
    out: dict[int, str] = {}
    for start in range(0, len(wanted), CHUNK):
        q = select(model.id, *(getattr(model, c) for c in columns)).where(
            model.id.in_(wanted[start:start + CHUNK]))
        for row in session.execute(q):
            label = make(dict(zip(columns, row[1:], strict=True)))
            if label:
                out[row[0]] = label
    return out


def logged_labels(session: Session, entity: str, ids: Iterable[int]) -> dict[int, str]:
    """The label the log kept of each record of `entity` that no longer exists: from its
    "purged" row (its values as they were when it went), else its "create" row."""
    spec = LABELS.get(ENTITY_ALIASES.get(entity, entity))
    wanted = sorted({i for i in ids if is_id(i)})
    if spec is None or not wanted:
        return {}
    make = spec[2]
    a = m.AuditLog
    out: dict[int, str] = {}
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start:start + CHUNK]
        q = (select(a.entity_id, a.field, a.old_value, a.new_value)
             .where(a.entity == entity, a.entity_id.in_(chunk),
                    ((a.action == "delete") & (a.field == "purged"))
                    | ((a.action == "create") & a.field.is_(None)))
             .order_by(a.id))
        found: dict[int, str] = {}
        for entity_id, field, old, new in session.execute(q):
            label = make(record_values(old if field == "purged" else new))
            if label and (field == "purged" or entity_id not in found):
                found[entity_id] = label  # the purged row's name wins over the create's
        out.update(found)
    return out


def add_labels(session: Session, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Fill `record_label` (never empty: "#id" at worst); for fields that hold the id of
    a named record, `old_name` / `new_name` (None where there is none); and for a created
    or purged record's values, `value_names` {field: name} of the ids among them."""
    wanted: dict[str, set[int]] = defaultdict(set)
    logged: list[tuple[dict[str, Any], dict[str, Any]]] = []  # rows with a record's values
    for row in rows:
        wanted[row["entity"]].add(row["entity_id"])
        if row.get("field") in (None, "purged"):
            values = record_values(row.get("new_value") or row.get("old_value"))
            refs = {k: v for k, v in values.items() if k in REFERENCES and _int(v) is not None}
            for key, value in refs.items():
                wanted[REFERENCES[key]].add(int(value))
            if refs:
                logged.append((row, refs))
        target = REFERENCES.get(row.get("field") or "")
        if target is not None:
            for key in ("old_value", "new_value"):
                value = _int(row.get(key))
                if value is not None:
                    wanted[target].add(value)
    names: dict[str, dict[int, str]] = {}
    for entity, ids in wanted.items():
        found = current_labels(session, entity, ids)
        missing = [i for i in ids if i not in found]
        if missing:
            found.update(logged_labels(session, entity, missing))
        names[entity] = found
    for row in rows:
        entity, entity_id = row["entity"], row["entity_id"]
        row["record_label"] = (names.get(entity, {}).get(entity_id)
                               or ("" if entity == "settings" else f"#{entity_id}"))
        target = REFERENCES.get(row.get("field") or "")
        for key, name in (("old_value", "old_name"), ("new_value", "new_name")):
            value = _int(row.get(key)) if target is not None else None
            row[name] = None if value is None else names.get(target or "", {}).get(value)
        row["value_names"] = {}
    for row, refs in logged:
        row["value_names"] = {k: n for k, v in refs.items()
                              if (n := names.get(REFERENCES[k], {}).get(int(v)))}
    return rows


def _int(text: Any) -> int | None:
    if isinstance(text, str) and text.isascii() and text.isdigit() and len(text) < 19:
        return int(text)
    return None
