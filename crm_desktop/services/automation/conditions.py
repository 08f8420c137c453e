"""The contacts a rule applies to: a dynamic list's filter document
(services/contact_filter.py: stage, city, tags, segment, consent ...) plus `lists`, the
marketing lists (static or filter lists) a contact must be on, any of them (no Qt).

    {"version": 1, "stages": ["customer"], "sms_consent": true, "lists": [3, 8]}

NULL (no document, or one that selects everyone): every live contact. Contacts in the
Trash never meet any conditions."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import ColumnElement, false, or_, select
from sqlalchemy.orm import Session

from crm_desktop.db import models as m
from crm_desktop.domain.errors import FieldError, ValidationError
from crm_desktop.services import contact_filter
from crm_desktop.services import fields as f
from crm_desktop.services.lists import member_condition

LISTS = "lists"
MAX_LISTS = 50


def parse(raw: Any) -> dict[str, Any] | None:
    """The checked document (ValidationError naming the criterion), or None for
    everyone."""
    if raw is None or raw == "" or (isinstance(raw, Mapping) and not raw):
        return None
    doc = dict(contact_filter._document(raw))
    lists = doc.pop(LISTS, None)
    out = contact_filter.parse(doc).to_dict()
    if lists is not None:
        ids = f.distinct_ids(lists, LISTS)
        if len(ids) > MAX_LISTS:
            raise ValidationError(FieldError(LISTS, "range", {"min": 0, "max": MAX_LISTS}))
        if ids:
            out[LISTS] = ids
    return None if out == {"version": contact_filter.VERSION} else out


def check_lists(session: Session, doc: Mapping[str, Any] | None) -> None:
    """Every list the document names exists (when the rule is written)."""
    ids = list((doc or {}).get(LISTS, ()))
    if not ids:
        return
    found = set(session.scalars(select(m.MarketingList.id)
                                .where(m.MarketingList.id.in_(ids))))
    if found != set(ids):
        raise ValidationError(FieldError(LISTS, "not_found"))


def where(session: Session, doc: Mapping[str, Any] | None) -> ColumnElement[bool]:
    """The SQL condition on `contacts` (live contacts only). A list deleted since the rule
    was written selects nobody."""
    rest = {k: v for k, v in (doc or {"version": contact_filter.VERSION}).items()
            if k != LISTS}
    cond = contact_filter.parse(rest).where()
    ids = list((doc or {}).get(LISTS, ()))
    if ids:
        lists = session.scalars(select(m.MarketingList).where(m.MarketingList.id.in_(ids)))
        members = [member_condition(mlist) for mlist in lists]
        cond = cond & (or_(*members) if members else false())
    return cond
