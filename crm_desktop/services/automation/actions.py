"""What a rule does for one occurrence, in the caller's write transaction: queue a message
in the outbox, create a task, assign an owner, and the automation log row that records it
(every row an ORM object, so that the flush writes their audit rows in the same
transaction; no Qt).

The log row and what it records are written together or not at all: a run that dies
between them rolls both back, and the unique (rule, key) index of the log keeps an
occurrence from being acted on twice."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from crm_desktop.db import models as m
from crm_desktop.domain import clock
from crm_desktop.domain.enums import ActivityKind, AutomationAction, OutboxStatus
from crm_desktop.services import fields as f
from crm_desktop.services.contacts import copied_sort_keys

#: why a message was not sent (the log row's detail of a "skipped" action)
NO_MOBILE, NO_EMAIL, NO_CONSENT = "no_mobile", "no_email", "no_consent"
SKIP_REASONS = (NO_MOBILE, NO_EMAIL, NO_CONSENT)
_MOBILE = re.compile(r"09[0-9]{9}")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
#: characters of a message kept as the log row's detail
DETAIL_LEN = 120


def contact_values(session: Session, contact_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """Per contact: what each placeholder stands for, and what a rule needs to decide
    (address, consent, owner, name)."""
    wanted = sorted({i for i in contact_ids if f.is_id(i)})
    c = m.Contact
    out: dict[int, dict[str, Any]] = {}
    for chunk in f.chunked(wanted, 500):
        q = (select(c.id, c.first_name, c.last_name, c.full_name, c.job_title, c.city,
                    c.mobile, c.email, c.sms_consent, c.email_consent, c.owner_id,
                    m.Account.name.label("company"))
             .outerjoin(m.Account, m.Account.id == c.account_id)
             .where(c.id.in_(chunk)))
        for r in session.execute(q):
            out[r.id] = {"first_name": r.first_name, "last_name": r.last_name,
                         "full_name": r.full_name, "company": r.company,
                         "title": r.job_title, "city": r.city, "mobile": r.mobile,
                         "email": r.email, "sms_consent": bool(r.sms_consent),
                         "email_consent": bool(r.email_consent), "owner_id": r.owner_id}
    return out


def message_problem(contact: dict[str, Any], channel: str, marketing: bool) -> str | None:
    """Why a message on `channel` cannot go to this contact (None: it can). Marketing
    messages need the contact's consent; service messages (reminders, requests) only an
    address."""
    if channel == AutomationAction.SMS.value:
        if not _MOBILE.fullmatch(contact.get("mobile") or ""):
            return NO_MOBILE
        if marketing and not contact.get("sms_consent"):
            return NO_CONSENT
    else:
        if not _EMAIL.fullmatch(contact.get("email") or ""):
            return NO_EMAIL
        if marketing and not contact.get("email_consent"):
            return NO_CONSENT
    return None


def queue_message(session: Session, rule_id: int, contact_id: int, channel: str,
                  recipient: str, body: str, subject: str | None) -> int:
    """One outbox row of a rule (no campaign, no campaign message); returns its id."""
    row = m.OutboxMessage(rule_id=rule_id, contact_id=contact_id, channel=channel,
                          recipient=recipient, body=body,
                          subject=(subject or None) if channel == "email" else None,
                          status=OutboxStatus.QUEUED.value, attempts=0)
    session.add(row)
    session.flush()
    return row.id


def create_task(session: Session, subject: str, owner_id: int | None, due_at: datetime,
                contact_id: int | None = None, deal_id: int | None = None,
                ticket_id: int | None = None, created_by_id: int | None = None) -> int:
    """A task for a person, due by the end of the business day it fell due on; returns its
    id."""
    if owner_id is not None and session.get(m.User, owner_id) is None:
        owner_id = None  # a user removed since the rule was written
    task = m.Activity(kind=ActivityKind.TASK.value, subject=subject[:200],
                      owner_id=owner_id, contact_id=contact_id, deal_id=deal_id,
                      ticket_id=ticket_id, created_by_id=created_by_id, due_all_day=True,
                      due_at=clock.end_of_day(clock.local_day(due_at)))
    session.add(task)
    session.flush()
    return task.id


def assign_owner(session: Session, contact_id: int, owner_id: int) -> int:
    """Make `owner_id` the owner of the contact and of its open live deals; returns how
    many deals changed hands."""
    contact = session.get(m.Contact, contact_id)
    owner = session.get(m.User, owner_id)
    if contact is None or owner is None:
        return 0
    contact.owner_id = owner_id
    account = session.get(m.Account, contact.account_id) if contact.account_id else None
    contact.account_sort, contact.owner_sort = copied_sort_keys(account, owner)
    d = m.Deal
    open_stages = select(m.PipelineStage.id).where(m.PipelineStage.outcome == m.STAGE_OPEN)
    deals = session.scalars(select(d).where(
        d.contact_id == contact_id, d.deleted_at.is_(None), d.stage_id.in_(open_stages),
        d.owner_id.is_distinct_from(owner_id)))
    changed = 0
    for deal in deals:
        deal.owner_id = owner_id
        changed += 1
    session.flush()
    return changed


def log(session: Session, *, rule_id: int, rule_name: str, key: str, run_id: int | None,
        contact_id: int | None, action: str, detail: str, due_at: datetime,
        entity: str | None = None, entity_id: int | None = None,
        outbox_id: int | None = None, activity_id: int | None = None,
        flush: bool = True) -> int | None:
    """The automation log row of one occurrence; returns its id (None without `flush`:
    the row is written, with its audit row, by the transaction's next flush)."""
    row = m.AutomationLog(rule_id=rule_id, rule_name=rule_name[:200], key=key[:120],
                          run_id=run_id, contact_id=contact_id, action=action,
                          detail=detail, due_at=due_at, entity=entity, entity_id=entity_id,
                          outbox_id=outbox_id, activity_id=activity_id)
    session.add(row)
    if not flush:
        return None
    session.flush()
    return row.id


def short(text: str, limit: int = DETAIL_LEN) -> str:
    """The first words of a message, on one line (a log row's detail)."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[:limit - 1].rstrip() + "…"
