"""Campaign messages and the outbox: who gets a message (and who is left out, and why), one
outbox row per recipient, sending with retries, and nothing sent twice (no Qt).

The life of an outbox row:

    queued --claim--> sending --delivered--> sent
                         |--error, may retry--> failed (next_attempt_at set: tried again)
                         |--permanent error---> failed (next_attempt_at NULL: by hand only)
    queued / failed --cancel--> cancelled;  failed / cancelled --retry--> queued

Never twice: a row is claimed (status "sending", committed) *before* it is handed to the
gateway or the SMTP server, one row at a time, and only a queued or due failed row can be
claimed. If the program dies while a row is "sending" we cannot know whether it went out,
so `recover_interrupted` (run when the program starts) marks it failed with the error
"interrupted" ("it may have been sent") and does NOT send it again: the user looks and
retries it by hand. Queued rows and failed rows waiting for their next attempt simply
resume. The unique (message, contact) index means a member is queued once per message.

Retries: a temporary error (rate limit, server error, unreachable server) is tried again
after 1, 2, 4, 8 ... minutes (at most an hour, or what the gateway's Retry-After asks),
up to the `max_attempts` setting; a permanent one (wrong key, refused number, no answer
after the message was handed over) is not retried.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar

from sqlalchemy import (
    Select,
    and_,
    case,
    exists,
    false,
    func,
    insert,
    literal,
    or_,
    select,
)
from sqlalchemy.orm import Session, aliased

from crm_desktop.db import models as m
from crm_desktop.db.engine import Database
from crm_desktop.db.search_index import matching_ids
from crm_desktop.db.sql import digits_only
from crm_desktop.db.types import utcnow
from crm_desktop.domain.enums import MemberStatus, MessageChannel, OutboxStatus
from crm_desktop.domain.errors import FieldError, NotFoundError, ValidationError
from crm_desktop.domain.permissions import Perm
from crm_desktop.services import audit, delivery
from crm_desktop.services import fields as f
from crm_desktop.services.access import require_in
from crm_desktop.services.base import EntityService, ReadOnlyList
from crm_desktop.services.delivery import Delivery, DeliveryError, Outgoing, backoff
from crm_desktop.text import placeholders
from crm_desktop.text.digits import to_ascii_digits

#: the reasons a member is left out, in the order they are checked (first one wins)
REASONS = ("already", "opted_out", "deleted", "no_consent", "no_address")
#: contacts per chunk when queueing (rows rendered in Python, inserted at once)
CHUNK = 500
#: rows looked up per round of sending (each is still claimed on its own)
BATCH = 50
#: member statuses a delivery result may overwrite (a reply or a sale is not undone)
_MEMBER_BEFORE_SENT = (MemberStatus.TARGETED.value, MemberStatus.FAILED.value)

Contact = aliased(m.Contact)


@dataclass(frozen=True)
class Exclusions:
    """Who a message would reach and who is left out, before queueing."""

    members: int
    eligible: int
    #: reason -> how many members it leaves out (every reason present)
    counts: dict[str, int]
    #: the first excluded members: contact_id, full_name, reason
    rows: list[dict[str, Any]]


@dataclass
class SendReport:
    sent: int = 0
    failed: int = 0
    #: failed for now, tried again later
    retry_later: int = 0
    cancelled: bool = False
    #: readable problems, one per failed row: (outbox id, last_error)
    errors: list[tuple[int, str]] = field(default_factory=list)


@dataclass(frozen=True)
class FileBatch:
    """Rows written to a panel file, waiting for the user to say the upload worked."""

    path: Path
    ids: list[int]


def _values_for(session: Session, contact_ids: list[int]) -> dict[int, dict[str, str | None]]:
    """What each placeholder stands for, per contact (live or deleted)."""
    c = m.Contact
    q = (select(c.id, c.first_name, c.last_name, c.full_name, c.job_title, c.city, c.mobile,
                c.email, m.Account.name.label("company"))
         .outerjoin(m.Account, m.Account.id == c.account_id)
         .where(c.id.in_([i for i in contact_ids if f.is_id(i)])))
    return {r.id: {"first_name": r.first_name, "last_name": r.last_name,
                   "full_name": r.full_name, "company": r.company, "title": r.job_title,
                   "city": r.city, "mobile": r.mobile, "email": r.email}
            for r in session.execute(q)}


class _OutboxRows(EntityService[m.OutboxMessage]):
    """The windowed list of outbox rows (read only; OutboxService offers its reads)."""

    model = m.OutboxMessage
    fields: ClassVar = {}
    sort_columns: ClassVar = {
        "created": m.OutboxMessage.id,
        "status": m.OutboxMessage.status,
        "recipient": m.OutboxMessage.recipient,
        "sent_at": func.coalesce(m.OutboxMessage.sent_at, m.OutboxMessage.created_at),
    }
    filter_columns: ClassVar = {
        "status": m.OutboxMessage.status,
        "campaign_id": m.OutboxMessage.campaign_id,
        "message_id": m.OutboxMessage.message_id,
        "channel": m.OutboxMessage.channel,
        "contact_id": m.OutboxMessage.contact_id,
        "rule_id": m.OutboxMessage.rule_id,
    }

    def _list_select(self) -> Select[Any]:
        # `campaign`: the campaign's name, or the rule's for a message a rule queued
        o, rule = m.OutboxMessage, m.AutomationRule
        return (
            select(o.id, o.campaign_id, o.message_id, o.rule_id, o.contact_id, o.channel,
                   o.recipient, o.subject, o.body, o.status, o.attempts, o.last_error,
                   o.next_attempt_at, o.sent_at, o.created_at, o.provider_ref,
                   Contact.full_name.label("contact"),
                   func.coalesce(m.Campaign.name, rule.name).label("campaign"),
                   rule.name.label("rule"))
            .select_from(o)
            .outerjoin(Contact, Contact.id == o.contact_id)
            .outerjoin(m.Campaign, m.Campaign.id == o.campaign_id)
            .outerjoin(rule, rule.id == o.rule_id)
        )

    def _apply_text(self, q: Select[Any], raw: str) -> Select[Any]:
        """The recipient's number or address, or the contact's name."""
        o = m.OutboxMessage
        needle = to_ascii_digits(raw.strip())
        found = o.recipient.contains(needle, autoescape=True)
        ids = matching_ids("contacts", raw, self.db.dialect)
        if ids is not None:
            found = or_(found, o.contact_id.in_(ids))
        return q.where(found)


class OutboxService(ReadOnlyList):
    """Campaign messages, the exclusions before sending, the outbox and its sending."""

    def __init__(self, db: Database, actor_id: int | None = None):
        self.db = db
        self.actor_id = actor_id
        self._rows = _OutboxRows(db, actor_id)

    # the list (for the outbox page): ReadOnlyList's list, window, count, ids, get
    def counts(self, campaign_id: int | None = None) -> dict[str, int]:
        """Rows per status (every status present), of one campaign or of all."""
        o = m.OutboxMessage
        q = select(o.status, func.count()).group_by(o.status)
        if campaign_id is not None:
            q = q.where(o.campaign_id == campaign_id) if f.is_id(campaign_id) else q.where(
                false())
        out = {s.value: 0 for s in OutboxStatus}
        with self.db.read() as session:
            for status, n in session.execute(q):
                out[status] = int(n)
        return out

    # -- campaign messages ------------------------------------------------------------------
    def save_message(self, campaign_id: int, channel: str, body: str,
                     subject: str | None = None, message_id: int | None = None) -> int:
        """Create (or, with `message_id`, change) a campaign's SMS or e-mail text. The
        placeholders are checked; an e-mail needs a subject. Returns the message id."""
        values = f.clean({
            "channel": f.Field(f.choice(MessageChannel), required=True),
            "body": f.Field(f.multiline(10_000), required=True),
            "subject": f.Field(f.text(200)),
        }, {"channel": channel, "body": body, "subject": subject})
        errors: list[FieldError] = []
        for name in ("body", "subject"):
            if values.get(name):
                try:
                    placeholders.parse(values[name], name)
                except ValidationError as exc:
                    errors += exc.errors
        if values["channel"] == MessageChannel.EMAIL.value and not values.get("subject"):
            errors.append(FieldError("subject", "required"))
        if values["channel"] == MessageChannel.SMS.value:
            values["subject"] = None
        if errors:
            raise ValidationError(errors)
        with self.db.write(self.actor_id) as session:
            require_in(session, Perm.CAMPAIGNS)
            campaign = session.get(m.Campaign, campaign_id) if f.is_id(campaign_id) else None
            if campaign is None:
                raise ValidationError(FieldError("campaign_id", "not_found"))
            if message_id is None:
                msg = m.CampaignMessage(campaign_id=campaign_id, created_by_id=self.actor_id,
                                        **values)
                session.add(msg)
                session.flush()
                return msg.id
            msg = session.get(m.CampaignMessage, message_id) if f.is_id(message_id) else None
            if msg is None or msg.campaign_id != campaign_id:
                raise NotFoundError("campaign_messages", message_id)
            for key, value in values.items():
                setattr(msg, key, value)
            return msg.id

    def message(self, message_id: int) -> dict[str, Any]:
        with self.db.read() as session:
            msg = session.get(m.CampaignMessage, message_id) if f.is_id(message_id) else None
            if msg is None:
                raise NotFoundError("campaign_messages", message_id)
            return {c.key: getattr(msg, c.key) for c in m.CampaignMessage.__mapper__.column_attrs}

    def messages(self, campaign_id: int) -> list[dict[str, Any]]:
        """A campaign's messages, newest first, with how many rows each has queued."""
        cm, o = m.CampaignMessage, m.OutboxMessage
        queued = select(func.count()).where(o.message_id == cm.id).scalar_subquery()
        q = (select(cm.id, cm.channel, cm.subject, cm.body, cm.created_at,
                    queued.label("outbox"))
             .where(cm.campaign_id == campaign_id).order_by(cm.id.desc()))
        if not f.is_id(campaign_id):
            return []
        with self.db.read() as session:
            return [dict(r._mapping) for r in session.execute(q)]

    def preview(self, body: str, contact_id: int, subject: str | None = None) -> dict[str, str]:
        """`body` (and `subject`) filled in for one contact, as it would be queued."""
        with self.db.read() as session:
            values = _values_for(session, [contact_id]).get(contact_id)
        if values is None:
            raise NotFoundError("contacts", contact_id)
        return {"body": placeholders.render(body, values, "body"),
                "subject": placeholders.render(subject or "", values, "subject")}

    # -- who is left out -------------------------------------------------------------------
    def _load_message(self, session: Session, message_id: int) -> m.CampaignMessage:
        msg = session.get(m.CampaignMessage, message_id) if f.is_id(message_id) else None
        if msg is None:
            raise NotFoundError("campaign_messages", message_id)
        return msg

    @staticmethod
    def _reason(msg: m.CampaignMessage) -> Any:
        """SQL: the first reason a campaign member is left out, or NULL when eligible."""
        c, cm, o = m.Contact, m.CampaignMember, m.OutboxMessage
        if msg.channel == MessageChannel.SMS.value:
            consent = c.sms_consent
            valid = and_(c.mobile.is_not(None), func.length(c.mobile) == 11,
                         c.mobile.like("09%"), digits_only(c.mobile))
        else:
            consent = c.email_consent
            valid = and_(c.email.is_not(None), c.email.like("%_@_%.%"))
        already = exists().where(o.message_id == msg.id, o.contact_id == cm.contact_id)
        return case(
            (already, literal("already")),
            (cm.status == MemberStatus.OPTED_OUT.value, literal("opted_out")),
            (c.deleted_at.is_not(None), literal("deleted")),
            (consent.is_not(True), literal("no_consent")),
            (~valid, literal("no_address")),
            else_=None,
        )

    def _members(self, msg: m.CampaignMessage) -> Select[Any]:
        c, cm = m.Contact, m.CampaignMember
        return (select(cm.contact_id, c.full_name, self._reason(msg).label("reason"))
                .join(c, c.id == cm.contact_id)
                .where(cm.campaign_id == msg.campaign_id))

    def exclusions(self, message_id: int, limit: int = 200) -> Exclusions:
        """How many campaign members the message would reach, and who is left out and why
        (counts per reason and the first `limit` of them), before anything is queued."""
        limit = max(0, min(limit if isinstance(limit, int) else 200, 10_000))
        with self.db.read() as session:
            msg = self._load_message(session, message_id)
            sub = self._members(msg).subquery()
            counts = {r: 0 for r in REASONS}
            total = eligible = 0
            for reason, n in session.execute(
                    select(sub.c.reason, func.count()).group_by(sub.c.reason)):
                total += n
                if reason is None:
                    eligible = int(n)
                else:
                    counts[reason] = int(n)
            rows = [dict(r._mapping) for r in session.execute(
                select(sub.c.contact_id, sub.c.full_name, sub.c.reason)
                .where(sub.c.reason.is_not(None)).order_by(sub.c.contact_id).limit(limit))]
        return Exclusions(total, eligible, counts, rows)

    # -- queueing ------------------------------------------------------------------------
    def queue(self, message_id: int) -> int:
        """One outbox row per eligible member (see `exclusions`), with the text filled in
        for each, in one transaction with their audit rows. Returns how many were queued."""
        o = m.OutboxMessage
        with self.db.write(self.actor_id) as session:
            require_in(session, Perm.CAMPAIGNS)
            msg = self._load_message(session, message_id)
            sub = self._members(msg).subquery()
            ids = list(session.scalars(select(sub.c.contact_id).where(sub.c.reason.is_(None))
                                       .order_by(sub.c.contact_id)))
            if not ids:
                return 0
            address = "mobile" if msg.channel == MessageChannel.SMS.value else "email"
            last = session.scalar(select(func.coalesce(func.max(o.id), 0)))
            now = utcnow()
            for chunk in f.chunked(ids, CHUNK):
                values = _values_for(session, chunk)
                rows = [{
                    "message_id": msg.id, "campaign_id": msg.campaign_id, "contact_id": cid,
                    "channel": msg.channel, "recipient": values[cid][address],
                    "subject": (placeholders.render(msg.subject, values[cid], "subject")[:200]
                                if msg.subject else None),
                    "body": placeholders.render(msg.body, values[cid]),
                    "status": OutboxStatus.QUEUED.value, "attempts": 0,
                    "created_at": now, "updated_at": now,
                } for cid in chunk]
                session.execute(insert(o), rows)
            names = ["message_id", "campaign_id", "contact_id", "channel", "recipient",
                     "body", "status", "attempts"]
            columns = [o.id, *(getattr(o, n) for n in names)]
            if msg.subject:
                names.append("subject")
                columns.append(o.subject)
            # rows inserted by one statement: their create rows are explicit
            audit.created_selected(session, o.__tablename__,
                                   select(*columns).where(o.id > last), names)
            return len(ids)

    # -- retry, cancel ------------------------------------------------------------------
    def _change(self, ids: Any, allowed: tuple[str, ...],
                apply: Callable[[m.OutboxMessage], None]) -> int:
        wanted = f.distinct_ids(ids, "ids")
        changed = 0
        with self.db.write(self.actor_id) as session:
            require_in(session, Perm.CAMPAIGNS)
            for chunk in f.chunked(wanted, CHUNK):
                rows = session.scalars(select(m.OutboxMessage).where(
                    m.OutboxMessage.id.in_(chunk), m.OutboxMessage.status.in_(allowed)))
                for row in rows:
                    apply(row)
                    changed += 1
        return changed

    def retry(self, outbox_ids: Iterable[int]) -> int:
        """Queue failed or cancelled rows again (at once); returns how many. Rows that
        are queued, sending or sent are left alone."""
        def again(row: m.OutboxMessage) -> None:
            row.status = OutboxStatus.QUEUED.value
            row.next_attempt_at = None

        return self._change(outbox_ids, (OutboxStatus.FAILED.value,
                                         OutboxStatus.CANCELLED.value), again)

    def cancel(self, outbox_ids: Iterable[int]) -> int:
        """Withdraw queued or failed rows; returns how many. Rows being sent or sent are
        left alone."""
        def withdraw(row: m.OutboxMessage) -> None:
            row.status = OutboxStatus.CANCELLED.value
            row.next_attempt_at = None

        return self._change(outbox_ids, (OutboxStatus.QUEUED.value,
                                         OutboxStatus.FAILED.value), withdraw)

    def recover_interrupted(self) -> int:
        """Rows left "sending" by a program that stopped mid-send: they may have gone out,
        so they become failed ("interrupted") and are not sent again unless the user
        retries them. Run when the program starts; returns how many. Nothing is written
        (no write lock taken at start-up) when no row is left "sending"."""
        sending = select(m.OutboxMessage.id).where(
            m.OutboxMessage.status == OutboxStatus.SENDING.value).limit(1)
        with self.db.read() as session:
            if session.scalar(sending) is None:
                return 0
        with self.db.write(self.actor_id, system=True) as session:
            rows = list(session.scalars(select(m.OutboxMessage).where(
                m.OutboxMessage.status == OutboxStatus.SENDING.value)))
            for row in rows:
                row.status = OutboxStatus.FAILED.value
                row.last_error = DeliveryError("interrupted").text
                row.next_attempt_at = None
            return len(rows)

    # -- sending -------------------------------------------------------------------------
    @staticmethod
    def _due(now: datetime, channels: Iterable[str]) -> Any:
        o = m.OutboxMessage
        return and_(o.channel.in_(list(channels)), or_(
            and_(o.status == OutboxStatus.QUEUED.value,
                 or_(o.next_attempt_at.is_(None), o.next_attempt_at <= now)),
            and_(o.status == OutboxStatus.FAILED.value, o.next_attempt_at.is_not(None),
                 o.next_attempt_at <= now)))

    def due_count(self, channels: Iterable[str] | None = None,
                  now: datetime | None = None) -> int:
        """Rows that a run of `send_due` would try now."""
        chosen = list(channels) if channels is not None else [c.value for c in MessageChannel]
        q = select(func.count()).where(self._due(now or utcnow(), chosen))
        with self.db.read() as session:
            return int(session.scalar(q) or 0)

    def _claim(self, outbox_id: int, now: datetime, channels: list[str]) -> Outgoing | None:
        """Mark one due row "sending" and commit, before it is handed to the delivery."""
        o = m.OutboxMessage
        with self.db.write(self.actor_id, system=True) as session:
            row = session.scalar(select(o).where(o.id == outbox_id, self._due(now, channels)))
            if row is None:
                return None  # cancelled, or taken by another window meanwhile
            row.status = OutboxStatus.SENDING.value
            row.attempts = row.attempts + 1
            row.next_attempt_at = None
            return Outgoing(row.id, row.channel, row.recipient, row.subject, row.body)

    def _member(self, session: Session, row: m.OutboxMessage, status: str) -> None:
        if row.contact_id is None or row.campaign_id is None:  # a rule's: no member
            return
        member = session.scalar(select(m.CampaignMember).where(
            m.CampaignMember.campaign_id == row.campaign_id,
            m.CampaignMember.contact_id == row.contact_id))
        if member is not None and member.status in _MEMBER_BEFORE_SENT:
            member.status = status

    def _finish(self, outbox_id: int, ref: str | None = None,
                error: DeliveryError | None = None, max_attempts: int = 5) -> bool:
        """Record the outcome of a claimed row; True when it will be tried again."""
        with self.db.write(self.actor_id, system=True) as session:
            row = session.get(m.OutboxMessage, outbox_id)
            if row is None:
                return False
            if error is None:
                row.status = OutboxStatus.SENT.value
                row.sent_at = utcnow()
                row.last_error = None
                row.provider_ref = ref
                self._member(session, row, MemberStatus.SENT.value)
                return False
            row.status = OutboxStatus.FAILED.value
            row.last_error = error.text[:1000]
            again = not error.permanent and row.attempts < max_attempts
            row.next_attempt_at = (utcnow() + backoff(row.attempts, error.retry_after)
                                   if again else None)
            if not again:
                self._member(session, row, MemberStatus.FAILED.value)
            return again

    def send_due(self, deliveries: Mapping[str, Delivery], *,
                 cancel: Callable[[], bool] = lambda: False,
                 progress: Callable[[int, int], None] | None = None,
                 max_attempts: int = 5, now: datetime | None = None) -> SendReport:
        """Send every due row of the channels that have a delivery, one at a time (claim,
        commit, hand over, record). `cancel` is asked before each row: a cancelled run
        stops between rows, never in the middle of one. `progress(done, total)` after each.
        A delivery's errors become the row's readable last_error; nothing is raised for
        them."""
        channels = sorted(deliveries)
        report = SendReport()
        if not channels:
            return report
        now = now or utcnow()
        total = self.due_count(channels, now)
        done = 0
        o = m.OutboxMessage
        last_id = 0
        try:
            while True:
                with self.db.read() as session:
                    batch = list(session.scalars(
                        select(o.id).where(o.id > last_id, self._due(now, channels))
                        .order_by(o.id).limit(BATCH)))
                if not batch:
                    break
                for outbox_id in batch:
                    last_id = outbox_id
                    if cancel():
                        report.cancelled = True
                        return report
                    item = self._claim(outbox_id, now, channels)
                    if item is None:
                        continue
                    try:
                        ref = deliveries[item.channel].send(item)
                    except DeliveryError as exc:
                        if self._finish(item.id, error=exc, max_attempts=max_attempts):
                            report.retry_later += 1
                        else:
                            report.failed += 1
                        report.errors.append((item.id, exc.text))
                    except Exception as exc:  # a delivery's own bug: a readable row, no crash
                        error = DeliveryError("error", f"{type(exc).__name__}: {exc}"[:200],
                                              permanent=True)
                        self._finish(item.id, error=error)
                        report.failed += 1
                        report.errors.append((item.id, error.text))
                    else:
                        self._finish(item.id, ref)
                        report.sent += 1
                    done += 1
                    if progress is not None:
                        progress(done, max(total, done))
        finally:
            for d in deliveries.values():
                with contextlib.suppress(Exception):
                    d.close()
        return report

    # -- the file for SMS panels ---------------------------------------------------------
    def export_file(self, path: Path | str, fmt: str = "csv") -> FileBatch:
        """Write the due SMS rows to a panel file (CSV `recipient,message` or XLSX) and
        mark them "sending" until the user says whether the upload worked
        (`confirm_file`). Nothing due: no file, an empty batch."""
        if not isinstance(fmt, str) or fmt not in delivery.FILE_FORMATS:
            raise ValidationError(FieldError("format", "choice"))
        if not isinstance(path, str | Path) or not str(path).strip():
            raise ValidationError(FieldError("file", "invalid"))
        target = Path(path)
        o = m.OutboxMessage
        now = utcnow()
        with self.db.write(self.actor_id) as session:
            require_in(session, Perm.CAMPAIGNS)
            require_in(session, Perm.EXPORT)
            rows = list(session.scalars(select(o).where(self._due(now, ["sms"]))
                                        .order_by(o.id)))
            for row in rows:
                row.status = OutboxStatus.SENDING.value
                row.attempts = row.attempts + 1
                row.next_attempt_at = None
                row.provider_ref = f"file:{target.name}"[:100]
            content = [(row.recipient, row.body) for row in rows]
            ids = [row.id for row in rows]
            if not rows:
                return FileBatch(target, [])
            try:
                delivery.write_panel_file(target, content, fmt)
            except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
                # the claims are rolled back with the transaction: the rows stay queued
                reason = getattr(exc, "strerror", None) or str(exc)
                raise ValidationError(FieldError("file", "file.write",
                                                 {"reason": reason})) from None
        return FileBatch(target, ids)

    def confirm_file(self, outbox_ids: Iterable[int], uploaded: bool) -> int:
        """The user's answer for a panel file: uploaded -> the rows are sent (and their
        members marked sent); not uploaded -> the rows are queued again."""
        wanted = f.distinct_ids(outbox_ids, "ids")
        changed = 0
        with self.db.write(self.actor_id) as session:
            require_in(session, Perm.CAMPAIGNS)
            for chunk in f.chunked(wanted, CHUNK):
                rows = session.scalars(select(m.OutboxMessage).where(
                    m.OutboxMessage.id.in_(chunk),
                    m.OutboxMessage.status == OutboxStatus.SENDING.value,
                    m.OutboxMessage.provider_ref.like("file:%")))
                for row in rows:
                    if uploaded is True:
                        row.status = OutboxStatus.SENT.value
                        row.sent_at = utcnow()
                        self._member(session, row, MemberStatus.SENT.value)
                    else:
                        row.status = OutboxStatus.QUEUED.value
                        row.provider_ref = None
                    changed += 1
        return changed
