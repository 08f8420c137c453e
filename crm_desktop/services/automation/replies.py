"""Replies to satisfaction requests (the satisfaction and appointment feedback rules): the
requests still waiting for a score, a score entered by hand, and an SMS panel's export of
received messages read in one go (no Qt).

A request is an automation log row whose key is a satisfaction request's ("satisfaction:"
after a closed ticket or a won deal, "feedback:" after an appointment), sent as an SMS or an
e-mail, with no reply yet, about a record that is not in the Trash and has no score. A
reply's score becomes the ticket's or the deal's satisfaction (an appointment has no score
of its own: the log row keeps it), in the same transaction as the log row's reply_score and
replied_at, all audited.

The reply file (CSV, XLSX, XLS, ODS or an HTML table, as imports read them) has a header
row naming a column of mobile numbers and one of texts, and maybe one of times (the reply's
received time on the business's clock, Jalali or Gregorian; without the column, the time
of the import). The score is the first number in the text when it is 1 to 5, in Persian,
Arabic-Indic or Latin digits ("۵", "عالی بود 4", "5 ستاره"); a reply is matched to the
newest waiting SMS request sent to that mobile before the reply came."""

from __future__ import annotations

import os
import re
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from crm_desktop.db import models as m
from crm_desktop.db.engine import Database
from crm_desktop.db.types import utcnow
from crm_desktop.domain import clock
from crm_desktop.domain.enums import AutomationAction
from crm_desktop.domain.errors import FieldError, NotFoundError, ValidationError
from crm_desktop.domain.permissions import Perm
from crm_desktop.imports.sheet import ImportFileError, SheetData
from crm_desktop.services import fields as f
from crm_desktop.services.access import require_in
from crm_desktop.services.deals import won_stage_ids
from crm_desktop.services.imports.cells import date_cell
from crm_desktop.services.tickets import number_sql
from crm_desktop.text.digits import to_ascii_digits
from crm_desktop.text.normalize import search_key
from crm_desktop.text.validate import InvalidValue, normalize_mobile

#: log keys of a satisfaction request
REQUEST_PREFIXES = ("satisfaction:", "feedback:")
#: header words that name the reply file's columns (compared by search_key, as words)
MOBILE_WORDS = ("mobile", "number", "phone", "sender", "from", "cell", "موبایل", "شماره",
                "فرستنده", "تلفن", "همراه")
TEXT_WORDS = ("text", "message", "body", "reply", "content", "متن", "پیام", "پاسخ")
TIME_WORDS = ("time", "date", "received", "datetime", "زمان", "تاریخ", "ساعت", "دریافت")
_NUMBER = re.compile(r"[0-9]+")
_CLOCK = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?")


def score_of(text: Any) -> int | None:
    """The first number in a reply's text when it is 1 to 5 (any digits), else None."""
    if not isinstance(text, str | int) or isinstance(text, bool):
        return None
    found = _NUMBER.search(to_ascii_digits(str(text)))
    if found is None or len(found.group()) > 3:  # int() refuses 4,300 digits and more
        return None
    n = int(found.group())
    return n if 1 <= n <= 5 else None


def _is_request() -> Any:
    lg = m.AutomationLog
    return and_(or_(*(lg.key.startswith(p, autoescape=True) for p in REQUEST_PREFIXES)),
                lg.action.in_((AutomationAction.SMS.value, AutomationAction.EMAIL.value)))


class SatisfactionReplies:
    """Satisfaction requests and their replies."""

    def __init__(self, db: Database, actor_id: int | None = None):
        self.db = db
        self.actor_id = actor_id

    # -- reading -----------------------------------------------------------------------
    def _pending_select(self) -> Any:
        lg, t, d, a, o = m.AutomationLog, m.Ticket, m.Deal, m.Activity, m.OutboxMessage
        label = case((lg.entity == "ticket", number_sql(t)), (lg.entity == "deal", d.title),
                     else_=a.subject)
        sent = func.coalesce(o.sent_at, lg.at)
        return (
            select(lg.id, lg.at, lg.rule_id, lg.rule_name, lg.contact_id,
                   m.Contact.full_name.label("contact_name"), m.Contact.mobile, lg.action,
                   lg.entity, lg.entity_id, label.label("about"),
                   o.recipient, o.status.label("outbox_status"), sent.label("sent_at"))
            .select_from(lg)
            .join(m.Contact, m.Contact.id == lg.contact_id)
            .outerjoin(o, o.id == lg.outbox_id)
            .outerjoin(t, and_(lg.entity == "ticket", t.id == lg.entity_id))
            .outerjoin(d, and_(lg.entity == "deal", d.id == lg.entity_id))
            .outerjoin(a, and_(lg.entity == "activity", a.id == lg.entity_id))
            .where(_is_request(), lg.reply_score.is_(None), m.Contact.deleted_at.is_(None),
                   or_(and_(lg.entity == "ticket", t.id.is_not(None), t.deleted_at.is_(None),
                            t.satisfaction.is_(None)),
                       and_(lg.entity == "deal", d.id.is_not(None), d.deleted_at.is_(None),
                            d.satisfaction.is_(None), d.stage_id.in_(won_stage_ids())),
                       and_(lg.entity == "activity", a.id.is_not(None))))
        )

    def pending(self, contact_id: int | None = None) -> list[dict[str, Any]]:
        """The requests waiting for a reply (of one contact), newest first: {id (the log
        row's), at, rule_id, rule_name, contact_id, contact_name, mobile, action, entity,
        entity_id, about (the ticket's number, the deal's title, the appointment's
        subject), recipient, outbox_status, sent_at}."""
        q = self._pending_select()
        if contact_id is not None:
            if not f.is_id(contact_id):
                raise ValidationError(FieldError("contact", "invalid"))
            q = q.where(m.AutomationLog.contact_id == contact_id)
        q = q.order_by(m.AutomationLog.at.desc(), m.AutomationLog.id.desc())
        with self.db.read() as session:
            return [dict(r._mapping) for r in session.execute(q)]

    # -- writing -----------------------------------------------------------------------
    def record(self, log_id: int, score: int) -> None:
        """The customer's reply to one request: 1 to 5 (ValidationError on "score"
        otherwise). A request answered before takes the new score."""
        value = f.clean({"score": f.Field(f.integer(1, 5), required=True)},
                        {"score": score})["score"]
        with self.db.write(self.actor_id) as session:
            require_in(session, Perm.CAMPAIGNS)
            self._record_in(session, log_id, value, utcnow())

    def _record_in(self, session: Session, log_id: Any, score: int, at: datetime) -> None:
        lg = m.AutomationLog
        row = session.get(lg, log_id) if f.is_id(log_id) else None
        if row is None or not session.scalar(select(func.count()).select_from(lg)
                                             .where(lg.id == row.id, _is_request())):
            raise NotFoundError("automation_log", log_id)
        row.reply_score = score
        row.replied_at = at
        target: Any = None
        if row.entity == "ticket" and row.entity_id is not None:
            target = session.get(m.Ticket, row.entity_id)
        elif row.entity == "deal" and row.entity_id is not None:
            target = session.get(m.Deal, row.entity_id)
        if target is not None and target.deleted_at is None:
            target.satisfaction = score
        session.flush()

    def import_file(self, path: str | os.PathLike[str]) -> dict[str, int]:
        """Read an SMS panel's export of received messages and record each reply's score
        (one transaction): {matched, unmatched (no waiting request of that mobile sent
        before it), invalid (no mobile, no score 1 to 5, or an unreadable time)}.
        ImportFileError for a file that cannot be read or lacks the columns."""
        from crm_desktop.imports.reader import read_sheet

        if not isinstance(path, str | os.PathLike):
            raise ImportFileError("unreadable")
        sheet = read_sheet(path)
        columns = _columns(sheet)
        now = utcnow()
        replies: list[tuple[datetime, str, int]] = []
        invalid = 0
        for row in sheet.rows:
            parsed = _reply(row.values, columns, now)
            if parsed is None:
                invalid += 1
            else:
                replies.append(parsed)
        replies.sort(key=lambda r: r[0])
        matched = unmatched = 0
        with self.db.write(self.actor_id) as session:
            require_in(session, Perm.CAMPAIGNS)
            waiting = self._waiting(session, {mobile for _, mobile, _ in replies})
            for at, mobile, score in replies:
                candidates = [r for r in waiting.get(mobile, []) if r[1] <= at]
                if not candidates:
                    unmatched += 1
                    continue
                chosen = max(candidates, key=lambda r: (r[1], r[0]))
                waiting[mobile].remove(chosen)
                self._record_in(session, chosen[0], score, at)
                matched += 1
        return {"matched": matched, "unmatched": unmatched, "invalid": invalid}

    def _waiting(self, session: Session,
                 mobiles: set[str]) -> dict[str, list[tuple[int, datetime]]]:
        """mobile -> [(log id, sent at)] of the waiting SMS requests sent to it."""
        out: dict[str, list[tuple[int, datetime]]] = {}
        if not mobiles:
            return out
        base = self._pending_select().where(
            m.AutomationLog.action == AutomationAction.SMS.value)
        ordered = sorted(mobiles)
        for chunk in f.chunked(ordered, 250):
            q = base.where(or_(m.OutboxMessage.recipient.in_(chunk),
                               m.Contact.mobile.in_(chunk)))
            for r in session.execute(q):
                mobile = r.recipient if r.recipient in mobiles else r.mobile
                out.setdefault(mobile, []).append((r.id, clock.utc(r.sent_at)))
        return out


# -- the reply file -------------------------------------------------------------------------
def _find(headers: tuple[str, ...], words: tuple[str, ...], taken: set[int]) -> int | None:
    keys = [set(search_key(h).split()) for h in headers]
    wanted = {search_key(w) for w in words}
    for i, key in enumerate(keys):
        if i not in taken and key & wanted:
            return i
    return None


def _columns(sheet: SheetData) -> tuple[int, int, int | None]:
    """(mobile, text, time or None) column indexes; ImportFileError("no_columns") when the
    header names no mobile or no text column."""
    taken: set[int] = set()
    mobile = _find(sheet.headers, MOBILE_WORDS, taken)
    if mobile is not None:
        taken.add(mobile)
    text = _find(sheet.headers, TEXT_WORDS, taken)
    if text is not None:
        taken.add(text)
    when = _find(sheet.headers, TIME_WORDS, taken)
    if mobile is None or text is None:
        raise ImportFileError("no_columns", columns=tuple(h for h in sheet.headers if h))
    return mobile, text, when


def _reply(values: tuple[Any, ...], columns: tuple[int, int, int | None],
           now: datetime) -> tuple[datetime, str, int] | None:
    """(received at, mobile, score) of one row, or None when it is not a usable reply."""
    mobile_col, text_col, time_col = columns
    raw = values[mobile_col] if mobile_col < len(values) else None
    try:
        if isinstance(raw, int | float) and not isinstance(raw, bool):
            raw = str(int(raw)) if float(raw).is_integer() else None  # a sheet's number
        if not isinstance(raw, str):
            return None
        mobile = normalize_mobile(raw)
    except (InvalidValue, TypeError, ValueError, OverflowError):
        return None
    score = score_of(values[text_col] if text_col < len(values) else None)
    if score is None:
        return None
    at = now
    if time_col is not None:
        parsed = _instant(values[time_col] if time_col < len(values) else None)
        if parsed is None:
            return None
        at = parsed
    return at, mobile, score


def _instant(value: Any) -> datetime | None:
    """A received time: a spreadsheet's date-time (the business's wall clock), or text
    "1405/09/10 14:30", "2026-12-01 14:30:05" (a date alone is its midnight)."""
    try:
        if isinstance(value, datetime):
            if value.tzinfo is not None:
                return clock.utc(value)
            return clock.at(value.date(), value.time())
        if isinstance(value, date):
            return clock.at(value, time(0))
        if not isinstance(value, str) or not value.strip():
            return None
        text = to_ascii_digits(value).strip().replace("T", " ")
        found = _CLOCK.search(text)
        wall = time(0)
        if found is not None:
            hour, minute, second = (int(g or 0) for g in found.groups())
            wall = time(hour, minute, second)
            text = (text[:found.start()] + text[found.end():]).strip()
        day = date_cell(text.split()[0] if text.split() else text)
        return None if day is None else clock.at(day, wall)
    except (InvalidValue, ValueError, OverflowError, TypeError):
        return None
