"""The saved filter of a dynamic marketing list: a JSON document that names contacts by
what they are (stage, city, tags, ...), checked and turned into one SQL condition over
`contacts` (no Qt).

The document (version 1) is a flat JSON object; every key but `version` is optional and an
absent or empty criterion selects everyone:

    {"version": 1,
     "stages": ["customer", "loyal"],        lifecycle stage, any of
     "cities": ["تهران", "شیراز"],           city, any of (as stored: cleaned text)
     "tags": ["VIP"], "tags_mode": "any",    tags: at least one ("any") or all of them ("all")
     "sources": ["referral"],                source, any of
     "genders": ["female"],                  gender, any of
     "birth_months": [1, 12],                Jalali month of the birthday (1 Farvardin ..
                                             12 Esfand), any of
     "created_from": "2025-03-21",           created on or after this business day,
     "created_to": "2025-06-21",             and on or before this one (ISO Gregorian
                                             dates; the editor shows them in Jalali)
     "activity_after": "2025-01-01",         last activity on or after this business day
     "activity_before": "2025-06-01",        no activity since this business day: the last
                                             one was before it, or there was none
     "won_count_min": 1, "won_count_max": 5, how many won deals (a contact without any has 0)
     "won_total_min": 0, "won_total_max": 9, their total in Rials (0 without any)
     "segments": ["champions"],              RFM segment (contact_rfm), any of
     "sms_consent": true,                    true / false; absent or null: either
     "email_consent": false,
     "owners": [3, 7],                       owner (user id), any of
     "tiers": ["gold", "none"]}              club tier key (contact_club), any of; "none":
                                             not a member or below the lowest tier

Only live contacts (not in the Trash) are ever selected. A won deal is a live deal in a
stage whose outcome is "won". Day bounds are taken in the business's time zone when the
condition is built.

The Jalali month of a birthday depends on the year as well as the Gregorian month and day
(Nowruz falls on 20 or 21 March, and every month boundary moves with it). `contacts.birth_md`
("MM-DD") holds most of the answer: for each Jalali month the days that belong to it in
every year are ranges of birth_md (walked over its index); the few days on a boundary are
settled by the full birthday, from a table of those dates (1900-03-21 .. 2201-03-20, the
allowed dates) built from jdatetime.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from datetime import date
from functools import cache
from itertools import pairwise
from typing import Any

import jdatetime
from sqlalchemy import ColumnElement, String, and_, false, func, literal, not_, or_, select

from crm_desktop.db import models as m
from crm_desktop.db.models.base import nullable_sort
from crm_desktop.db.sql import stored_instant
from crm_desktop.domain import clock
from crm_desktop.domain.enums import ContactSource, Gender, LifecycleStage, RfmSegment
from crm_desktop.domain.errors import FieldError, ValidationError
from crm_desktop.services import fields as f
from crm_desktop.services.club.config import NO_TIER, TIER_KEY
from crm_desktop.text.normalize import clean_text

VERSION = 1
#: items per criterion (more is not a filter someone builds by hand)
MAX_ITEMS = 200
#: characters of a saved filter document
MAX_JSON = 64_000
MAX_WON_COUNT = 1_000_000
TAGS_ANY, TAGS_ALL = "any", "all"
_SEGMENTS = frozenset(s.value for s in RfmSegment)


@dataclass(frozen=True)
class ContactFilter:
    """A checked filter; `where()` is its SQL condition, `to_json()` its stored form."""

    stages: tuple[str, ...] = ()
    cities: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    tags_mode: str = TAGS_ANY
    sources: tuple[str, ...] = ()
    genders: tuple[str, ...] = ()
    birth_months: tuple[int, ...] = ()
    created_from: date | None = None
    created_to: date | None = None
    activity_after: date | None = None
    activity_before: date | None = None
    won_count_min: int | None = None
    won_count_max: int | None = None
    won_total_min: int | None = None
    won_total_max: int | None = None
    segments: tuple[str, ...] = ()
    sms_consent: bool | None = None
    email_consent: bool | None = None
    owners: tuple[int, ...] = ()
    tiers: tuple[str, ...] = ()

    # -- the stored form -------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """The JSON object (only the criteria that select something)."""
        out: dict[str, Any] = {"version": VERSION}
        for spec in fields(self):
            value = getattr(self, spec.name)
            if spec.name == "tags_mode":
                if self.tags and value != TAGS_ANY:
                    out[spec.name] = value
            elif isinstance(value, tuple):
                if value:
                    out[spec.name] = list(value)
            elif isinstance(value, date):
                out[spec.name] = value.isoformat()
            elif value is not None:
                out[spec.name] = value
        return out

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)

    def is_empty(self) -> bool:
        """True when the filter selects every live contact."""
        return self.to_dict() == {"version": VERSION}

    # -- SQL -------------------------------------------------------------------------------
    def where(self) -> ColumnElement[bool]:
        """The condition on `contacts` (live contacts only)."""
        c = m.Contact
        conds: list[ColumnElement[bool]] = [c.deleted_at.is_(None)]
        for column, values in ((c.lifecycle_stage, self.stages), (c.city, self.cities),
                               (c.source, self.sources), (c.gender, self.genders),
                               (c.owner_id, self.owners)):
            if values:
                conds.append(column.in_(values))
        if self.tags:
            conds.append(c.id.in_(_tagged(self.tags, self.tags_mode)))
        if self.birth_months:
            conds.append(birth_month_condition(self.birth_months))
        if self.created_from is not None:
            conds.append(c.created_at >= clock.day_bounds(self.created_from)[0])
        if self.created_to is not None:
            conds.append(c.created_at < clock.day_bounds(self.created_to)[1])
        # coalesce(last_activity_at, ''): no activity sorts first, and the comparison walks
        # the list's expression index (ix_contacts_last_activity_at_sort)
        last = nullable_sort(c.last_activity_at)
        if self.activity_after is not None:
            conds.append(last >= _instant(clock.day_bounds(self.activity_after)[0]))
        if self.activity_before is not None:
            conds.append(last < _instant(clock.day_bounds(self.activity_before)[0]))
        won = self._won_condition()
        if won is not None:
            conds.append(won)
        if self.segments:
            # a contact with no stored RFM row (added since the last recomputation) has
            # no purchase yet, as in the contact list's segment filter
            rfm, none = m.ContactRfm, RfmSegment.NO_PURCHASE.value
            named = [s for s in self.segments if s != none]
            either = []
            if named:
                either.append(c.id.in_(select(rfm.contact_id).where(rfm.segment.in_(named))))
            if none in self.segments:
                either.append(c.id.not_in(select(rfm.contact_id).where(rfm.segment != none)))
            conds.append(or_(*either))
        if self.tiers:
            club, named = m.ContactClub, [t for t in self.tiers if t != NO_TIER]
            either = []
            if named:
                either.append(c.id.in_(select(club.contact_id).where(club.tier.in_(named))))
            if NO_TIER in self.tiers:
                either.append(c.id.not_in(select(club.contact_id)
                                          .where(club.tier.is_not(None))))
            conds.append(or_(*either))
        if self.sms_consent is not None:
            conds.append(c.sms_consent.is_(self.sms_consent))
        if self.email_consent is not None:
            conds.append(c.email_consent.is_(self.email_consent))
        return and_(*conds)

    def _won_condition(self) -> ColumnElement[bool] | None:
        bounds = (self.won_count_min, self.won_count_max, self.won_total_min,
                  self.won_total_max)
        if all(b is None for b in bounds):
            return None
        d, s = m.Deal, m.PipelineStage
        n, total = func.count(d.id), func.sum(d.amount_rial)
        having = [cond for bound, cond in (
            (self.won_count_min, lambda v: n >= v), (self.won_count_max, lambda v: n <= v),
            (self.won_total_min, lambda v: total >= v), (self.won_total_max, lambda v: total <= v),
        ) for cond in ([cond(bound)] if bound is not None else [])]
        won = (
            select(d.contact_id)
            .join(s, s.id == d.stage_id)
            .where(s.outcome == m.STAGE_WON, d.deleted_at.is_(None), d.contact_id.is_not(None))
            .group_by(d.contact_id)
        )
        # a contact without a won deal has 0 of them, totalling 0 Rials
        zero_fits = ((self.won_count_min or 0) <= 0 and (self.won_total_min or 0) <= 0)
        if zero_fits:
            return m.Contact.id.not_in(won.having(not_(and_(*having))))
        return m.Contact.id.in_(won.having(and_(*having)))


def _instant(value: Any) -> Any:
    """An instant as SQLite stores it, compared with the text of nullable_sort(...)."""
    return literal(stored_instant(value), String())


def _tagged(names: tuple[str, ...], mode: str) -> Any:
    ct, t = m.contact_tags, m.Tag
    q = select(ct.c.contact_id).join(t, t.id == ct.c.tag_id).where(t.name.in_(names))
    if mode == TAGS_ALL:
        q = q.group_by(ct.c.contact_id).having(func.count() == len(names))
    return q


# -- the Jalali month of a birthday ---------------------------------------------------------
@cache
def _birth_days() -> tuple[tuple[str, ...], dict[str, dict[int, tuple[date, ...]]]]:
    """Every "MM-DD" in calendar order, and per "MM-DD" the Jalali months it falls in over
    the allowed dates, each with the dates that put it there."""
    first = jdatetime.date.fromgregorian(date=f.DATE_MIN).year
    last = jdatetime.date.fromgregorian(date=f.DATE_MAX).year
    nowruz = [jdatetime.date(jy, 1, 1).togregorian().toordinal()
              for jy in range(first, last + 2)]
    lo, hi = f.DATE_MIN.toordinal(), f.DATE_MAX.toordinal()
    by_md: dict[str, dict[int, list[date]]] = {}
    for start, end in pairwise(nowruz):
        for ordinal in range(max(start, lo), min(end, hi + 1)):
            # months 1-6 have 31 days, 7-11 have 30, Esfand the rest (29 or 30)
            offset = ordinal - start
            jm = offset // 31 + 1 if offset < 186 else min(12, (offset - 186) // 30 + 7)
            day = date.fromordinal(ordinal)
            md = f"{day.month:02d}-{day.day:02d}"
            by_md.setdefault(md, {}).setdefault(jm, []).append(day)
    order = tuple(sorted(by_md))
    return order, {md: {jm: tuple(days) for jm, days in months.items()}
                   for md, months in by_md.items()}


def birth_month_condition(months: Iterable[int]) -> ColumnElement[bool]:
    """Contacts whose birthday falls in one of these Jalali months (1-12)."""
    wanted = set(months)
    c = m.Contact
    order, by_md = _birth_days()
    terms: list[ColumnElement[bool]] = []
    run: list[str] = []

    def close_run() -> None:
        if run:
            terms.append(c.birth_md.between(run[0], run[-1]) if len(run) > 1
                         else c.birth_md == run[0])
            run.clear()

    for md in order:
        months_of_day = by_md[md]
        inside = [d for jm, days in months_of_day.items() if jm in wanted for d in days]
        if not inside:
            close_run()
            continue
        if len(months_of_day) == 1 or set(months_of_day) <= wanted:
            run.append(md)  # this day is in a wanted month whatever the year
            continue
        close_run()
        outside = [d for jm, days in months_of_day.items() if jm not in wanted for d in days]
        # the day on a month boundary: its year decides (the shorter list of dates)
        by_year = (c.birthday.in_(inside) if len(inside) <= len(outside)
                   else c.birthday.not_in(outside))
        terms.append(and_(c.birth_md == md, by_year))
    close_run()
    if not terms:
        return false()
    return or_(*terms) if len(terms) > 1 else terms[0]


def jalali_birth_month(birthday: date) -> int:
    """The Jalali month (1-12) of a Gregorian birthday."""
    return jdatetime.date.fromgregorian(date=birthday).month


# -- checking a document --------------------------------------------------------------------
def _items(key: str, value: Any) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list | tuple):
        raise ValidationError(FieldError(key, "invalid"))
    if len(value) > MAX_ITEMS:
        raise ValidationError(FieldError(key, "range", {"min": 0, "max": MAX_ITEMS}))
    return list(value)


def _choices(key: str, value: Any, allowed: Iterable[str]) -> tuple[str, ...]:
    allowed = list(allowed)
    out = []
    for item in _items(key, value):
        if not isinstance(item, str) or item not in allowed:
            raise ValidationError(FieldError(key, "choice"))
        out.append(item)
    return tuple(v for v in allowed if v in out)  # the enum's order, once each


def _texts(key: str, value: Any, max_len: int) -> tuple[str, ...]:
    out: list[str] = []
    for item in _items(key, value):
        if not isinstance(item, str):
            raise ValidationError(FieldError(key, "invalid"))
        text = clean_text(item)
        if len(text) > max_len:
            raise ValidationError(FieldError(key, "too_long", {"max": max_len}))
        if text and text not in out:
            out.append(text)
    return tuple(sorted(out))


def _months(key: str, value: Any) -> tuple[int, ...]:
    out = set()
    for item in _items(key, value):
        if isinstance(item, bool) or not isinstance(item, int) or not 1 <= item <= 12:
            raise ValidationError(FieldError(key, "range", {"min": 1, "max": 12}))
        out.add(item)
    return tuple(sorted(out))


def _segments(key: str, value: Any) -> tuple[str, ...]:
    out = set()
    for item in _items(key, value):
        if not isinstance(item, str) or item not in _SEGMENTS:
            raise ValidationError(FieldError(key, "choice"))
        out.add(item)
    return tuple(sorted(out))


def _tiers(key: str, value: Any) -> tuple[str, ...]:
    """Club tier keys (the settings may rename them later: a key no tier has selects
    nobody), or "none"."""
    out = set()
    for item in _items(key, value):
        if not isinstance(item, str) or not (item == NO_TIER or TIER_KEY.match(item)):
            raise ValidationError(FieldError(key, "choice"))
        out.add(item)
    return tuple(sorted(out))


def _owners(key: str, value: Any) -> tuple[int, ...]:
    out = set()
    for item in _items(key, value):
        if not f.is_id(item):
            raise ValidationError(FieldError(key, "not_found"))
        out.add(item)
    return tuple(sorted(out))


def _converted(key: str, value: Any, convert: f.Converter) -> Any:
    if value is None:
        return None
    try:
        return convert(value)
    except f.InvalidValue as exc:
        raise ValidationError(FieldError(key, exc.code, exc.params)) from None


def _a_date(value: Any) -> date:
    # an ISO date or a Jalali one, inside the allowed dates
    return f.a_date(value.isoformat() if isinstance(value, date) else value)


def _flag(key: str, value: Any) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    raise ValidationError(FieldError(key, "invalid"))


def _document(raw: Any) -> Mapping[Any, Any]:
    if isinstance(raw, str | bytes):
        if len(raw) > MAX_JSON:
            raise ValidationError(FieldError("filter_json", "invalid"))
        try:
            raw = json.loads(raw)
        except (ValueError, RecursionError):
            raise ValidationError(FieldError("filter_json", "invalid")) from None
    if not isinstance(raw, Mapping):
        raise ValidationError(FieldError("filter_json", "invalid"))
    return raw


KEYS = frozenset(["version", *(s.name for s in fields(ContactFilter))])


def parse(raw: Any) -> ContactFilter:
    """A filter document (JSON text or a dict) checked; ValidationError names the first
    criterion that is wrong (an unknown key is an error: nothing is silently ignored)."""
    doc = _document(raw)
    for key in doc:
        if key not in KEYS:
            name = key if isinstance(key, str) and key.isidentifier() and len(key) <= 40 else (
                "filter_json")
            raise ValidationError(FieldError(name, "unknown_field"))
    version = doc.get("version")
    if isinstance(version, bool) or version != VERSION:
        raise ValidationError(FieldError("version", "filter.version"))
    mode = doc.get("tags_mode", TAGS_ANY)
    if mode is None:
        mode = TAGS_ANY
    if mode not in (TAGS_ANY, TAGS_ALL):
        raise ValidationError(FieldError("tags_mode", "choice"))
    tags = _texts("tags", doc.get("tags"), 60)
    result = ContactFilter(
        stages=_choices("stages", doc.get("stages"), [s.value for s in LifecycleStage]),
        cities=_texts("cities", doc.get("cities"), 100),
        tags=tags,
        tags_mode=mode if tags else TAGS_ANY,
        sources=_choices("sources", doc.get("sources"), [s.value for s in ContactSource]),
        genders=_choices("genders", doc.get("genders"), [g.value for g in Gender]),
        birth_months=_months("birth_months", doc.get("birth_months")),
        created_from=_converted("created_from", doc.get("created_from"), _a_date),
        created_to=_converted("created_to", doc.get("created_to"), _a_date),
        activity_after=_converted("activity_after", doc.get("activity_after"), _a_date),
        activity_before=_converted("activity_before", doc.get("activity_before"), _a_date),
        won_count_min=_converted("won_count_min", doc.get("won_count_min"),
                                 f.integer(0, MAX_WON_COUNT)),
        won_count_max=_converted("won_count_max", doc.get("won_count_max"),
                                 f.integer(0, MAX_WON_COUNT)),
        won_total_min=_converted("won_total_min", doc.get("won_total_min"), f.money),
        won_total_max=_converted("won_total_max", doc.get("won_total_max"), f.money),
        segments=_segments("segments", doc.get("segments")),
        sms_consent=_flag("sms_consent", doc.get("sms_consent")),
        email_consent=_flag("email_consent", doc.get("email_consent")),
        owners=_owners("owners", doc.get("owners")),
        tiers=_tiers("tiers", doc.get("tiers")),
    )
    _check_order(result)
    return result


def _check_order(spec: ContactFilter) -> None:
    pairs = (
        ("created_to", spec.created_from, spec.created_to, "date.order", False),
        ("activity_before", spec.activity_after, spec.activity_before, "date.order", True),
        ("won_count_max", spec.won_count_min, spec.won_count_max, "number.order", False),
        ("won_total_max", spec.won_total_min, spec.won_total_max, "number.order", False),
    )
    for key, lo, hi, code, strict in pairs:
        if lo is not None and hi is not None and (hi <= lo if strict else hi < lo):
            raise ValidationError(FieldError(key, code))
