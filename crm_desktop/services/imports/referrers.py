"""Contacts' imports: the referrer column («معرف», «معرفی کننده», "Referred by",
"Referrer").

A cell names a contact already in the database: a mobile (any way people write one) is
the live contact with that mobile (the oldest when several share it); anything else is a
name, the live contact whose full name is exactly that (compared folded: Arabic ي/ك,
case, digits, spaces); a name that several live contacts have is refused ("write the
mobile instead"). A cell that names no one is the row's error on "referred_by", and the
row is not imported; a row whose referrer is the row's own mobile is refused too (no one
refers themselves). The plan reads the database in bulk (mobiles by their index, names
by the sort-key index), never a query per row.

The writer checks again in its transaction (`check_in`): a referrer gone to the Trash
since the plan, an update that would make a contact its own referrer or two contacts
each other's: ValidationError on "referred_by_id", nothing written. Existing contacts
given a referrer have their referral synced (services/club/referrals.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from crm_desktop.db import models as m
from crm_desktop.domain.errors import FieldError, ValidationError
from crm_desktop.services import fields as f
from crm_desktop.services.imports import cells
from crm_desktop.services.imports.model import PlannedRow, RowError
from crm_desktop.text.collation import sort_key
from crm_desktop.text.normalize import clean_text, fold
from crm_desktop.text.validate import InvalidValue

FIELD = "referred_by"
STORED = "referred_by_id"
CHUNK = 500


def referrer_cell(raw: Any) -> str | None:
    """The cell as the plan looks it up: a mobile as stored (09...), else the name."""
    text = cells.text_cell(raw)
    if text is None:
        return None
    try:
        return f.mobile(text)
    except InvalidValue:
        pass
    name = clean_text(text)
    if len(name) > 201:
        raise InvalidValue("too_long", max=201)
    return name or None


def _is_mobile(value: str) -> bool:
    return len(value) == 11 and value.startswith("09") and value.isdigit()


def _name_key(name: str) -> str:
    return " ".join(fold(name).split())


def resolve_in(session: Session, planned: Sequence[PlannedRow]) -> list[RowError]:
    """Each row's referrer cell (values["referred_by"]) replaced by the contact's id
    (values["referred_by_id"]); the errors of the rows whose cell names no one, or
    several, or the row itself."""
    wanted = [p for p in planned if FIELD in p.values]
    if not wanted:
        return []
    mobiles = sorted({v for p in wanted if _is_mobile(v := p.values[FIELD])})
    names = sorted({v for p in wanted if not _is_mobile(v := p.values[FIELD])})
    c = m.Contact
    by_mobile: dict[str, int] = {}
    for chunk in f.chunked(mobiles, CHUNK):
        for cid, mobile in session.execute(
                select(c.id, c.mobile).where(c.deleted_at.is_(None), c.mobile.in_(chunk))
                .order_by(c.id)):
            by_mobile.setdefault(mobile, cid)
    by_name: dict[str, list[int]] = {}
    keys = {sort_key(n): n for n in names}
    folded = {_name_key(n) for n in names}
    for chunk in f.chunked(sorted(keys), CHUNK):
        for cid, full_name in session.execute(
                select(c.id, c.full_name).where(c.deleted_at.is_(None), c.sort_key.in_(chunk))
                .order_by(c.id)):
            key = _name_key(full_name)
            if key in folded:
                by_name.setdefault(key, []).append(cid)
    errors: list[RowError] = []
    for p in wanted:
        cell = p.values.pop(FIELD)
        if _is_mobile(cell):
            if cell in (p.values.get("mobile"), p.values.get("mobile2")):
                errors.append(RowError(p.row, FIELD, "referral.self"))
                continue
            found = [by_mobile[cell]] if cell in by_mobile else []
        else:
            found = by_name.get(_name_key(cell), [])
        if len(found) == 1:
            p.values[STORED] = found[0]
        elif found:
            errors.append(RowError(p.row, FIELD, "referrer.ambiguous", {"count": len(found)}))
        else:
            errors.append(RowError(p.row, FIELD, "referrer.not_found"))
    return errors


def check_in(session: Session, new: Iterable[Any], updates: Iterable[Any]) -> list[int]:
    """The writer's check (see the module's text); returns the existing contacts given a
    referrer (their referrals are synced once written)."""
    pairs = [(None, r.values[STORED]) for r in new if r.values.get(STORED) is not None]
    pairs += [(r.id, r.values[STORED]) for r in updates if r.values.get(STORED) is not None]
    if not pairs:
        return []
    c = m.Contact
    referrers: dict[int, Any] = {}
    for chunk in f.chunked(sorted({ref for _rid, ref in pairs}), CHUNK):
        for cid, gone, ref in session.execute(
                select(c.id, c.deleted_at, c.referred_by_id).where(c.id.in_(chunk))):
            referrers[cid] = (gone, ref)
    planned = {rid: ref for rid, ref in pairs if rid is not None}
    for rid, ref in pairs:
        gone, theirs = referrers.get(ref, (True, None))
        theirs = planned.get(ref, theirs)  # what this import gives the referrer
        if gone is not None:
            raise ValidationError(FieldError(STORED, "not_found"))
        if rid is not None and ref == rid:
            raise ValidationError(FieldError(STORED, "referral.self"))
        if rid is not None and theirs == rid:
            raise ValidationError(FieldError(STORED, "referral.cycle"))
    return [rid for rid, _ref in pairs if rid is not None]
