"""What the rule kinds share: checking a rule's settings against the kind's keys (the
brief's settings keys), the hour of the business day a day-based message goes out, and the
reads every kind's `due` repeats (live contacts, active users) (no Qt)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from crm_desktop.db import models as m
from crm_desktop.domain import clock
from crm_desktop.domain.errors import FieldError, ValidationError
from crm_desktop.services import fields as f
from crm_desktop.text import placeholders
from crm_desktop.text.validate import InvalidValue

Converter = Callable[[Any], Any]

#: e-mail subjects and task subjects; SMS and e-mail bodies
SUBJECT_MAX = 200
BODY_MAX = 5000
#: "task_owner": the record's owner (the contact's, or the deal's for a deal's task)
CONTACT_OWNER = "contact_owner"


def channel(*allowed: str) -> Converter:
    def convert(value: Any) -> str:
        if not isinstance(value, str) or value not in allowed:
            raise InvalidValue("choice")
        return value

    return convert


def integer(lo: int, hi: int) -> Converter:
    return f.integer(lo, hi)


def boolean(value: Any) -> bool:
    return f.boolean(value)


def template(max_len: int, extra: Sequence[str] = ()) -> Converter:
    """A message template: at most `max_len` characters, known placeholders only (the
    contact's and the kind's `extra`)."""
    def convert(value: Any) -> str:
        if not isinstance(value, str):
            raise InvalidValue("invalid")
        text = value.strip()
        if len(text) > max_len:
            raise InvalidValue("too_long", max=max_len)
        return text

    convert.extra = tuple(extra)  # type: ignore[attr-defined]
    return convert


def user_id(value: Any) -> int:
    """A user's id (whether that user exists and is active is seen when the rule runs)."""
    if not f.is_id(value):
        raise InvalidValue("not_found")
    return int(value)


def optional_user(value: Any) -> int | None:
    return None if value is None else user_id(value)


def task_owner(value: Any) -> str | int:
    return CONTACT_OWNER if value == CONTACT_OWNER else user_id(value)


def clean(specs: Mapping[str, Converter], defaults: Mapping[str, Any],
          settings: Any, *, required: Callable[[dict[str, Any]], Iterable[str]] = tuple,
          ) -> dict[str, Any]:
    """`settings` checked against `specs` (key -> converter), missing keys taken from
    `defaults`; every problem is collected into one ValidationError naming each key.
    `required(values)` names the text keys that must not be empty given the others (an
    e-mail needs a subject, a message a body)."""
    if not isinstance(settings, Mapping):
        raise ValidationError(FieldError("settings", "invalid"))
    errors = [FieldError(str(key), "unknown_field") for key in settings if key not in specs]
    out: dict[str, Any] = {}
    for key, convert in specs.items():
        value = settings.get(key, defaults.get(key))
        if value is None and defaults.get(key) is None:
            out[key] = None
            continue
        try:
            out[key] = convert(value)
        except InvalidValue as exc:
            errors.append(FieldError(key, exc.code, exc.params))
            continue
        extra = getattr(convert, "extra", None)
        if extra is not None and out[key]:
            try:
                placeholders.parse(out[key], key, extra)
            except ValidationError as exc:
                errors.extend(exc.errors)
    if not errors:
        errors = [FieldError(key, "required") for key in required(out) if not out.get(key)]
    if errors:
        raise ValidationError(errors)
    return out


def message_required(values: Mapping[str, Any]) -> list[str]:
    """A message needs its text, an e-mail its subject too."""
    keys = ["body"] if values.get("channel") in ("sms", "email") else []
    if values.get("channel") == "email":
        keys.append("subject")
    return keys


def at_hour(day: date, hour: int) -> datetime:
    """`hour`:00 on a business day (aware UTC)."""
    return clock.at(day, time(hour))


def day_after(instant: datetime, days: int, hour: int) -> datetime:
    """`days` business days after the day of `instant`, at `hour`:00, and never before
    `instant` itself (a same-day request made after the hour goes out at once)."""
    instant = clock.utc(instant)
    return max(at_hour(clock.local_day(instant) + timedelta(days=days), hour), instant)


def live_contacts(session: Session, ids: Iterable[int | None]) -> dict[int, m.Contact]:
    """The contacts of `ids` that are not in the Trash, by id."""
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    c = m.Contact
    found: dict[int, m.Contact] = {}
    ordered = sorted(wanted)
    for chunk in f.chunked(ordered, 500):
        for contact in session.scalars(select(c).where(c.id.in_(chunk),
                                                       c.deleted_at.is_(None))):
            found[contact.id] = contact
    return found


def active_users(session: Session, ids: Iterable[int | None]) -> set[int]:
    """The ids among `ids` of users that exist and are active."""
    wanted = {i for i in ids if isinstance(i, int)}
    if not wanted:
        return set()
    u = m.User
    return set(session.scalars(select(u.id).where(u.id.in_(sorted(wanted)),
                                                  u.active.is_(True))))


def iso(instant: datetime) -> str:
    """An instant in a key: UTC, to the second ("2026-12-01T06:30:00")."""
    return clock.utc(instant).replace(microsecond=0, tzinfo=None).isoformat()
