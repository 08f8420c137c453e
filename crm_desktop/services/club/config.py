"""The club's settings: one JSON object under the settings key "club" (audited per part,
like every setting), checked here.

    enabled           the club is on: purchases earn points from `started_on`
    started_on        first business day whose purchases earn points (ISO; set to the day
                      the club is first switched on; earlier purchases never earn)
    rial_per_point    Rials of a purchase (total with VAT) for one point (rounded down)
    point_value_rial  what one point is worth when redeemed as a discount
    basis             "points" (the balance held now) or "spend" (Rials bought in the last
                      12 months): what the tiers' minimums measure
    tiers             [{key, name, min}] ascending by min (at most 10; keys and minimums
                      distinct); a member below the lowest minimum has no tier
    expiry_months     points expire this many (Jalali) months after they were earned, on
                      that business day; 0: never. A new period applies to points earned
                      from then on
    birthday_points   points given to a member on their birthday (once a Jalali year,
                      by the automation run of that business day; 0: none)
    referral_points   points given to a contact's referrer when the referred contact's
                      first purchase earns points (once per referred contact; 0: none;
                      see referrals.py)
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from contextlib import suppress
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from crm_desktop.db import models as m
from crm_desktop.db.engine import Database
from crm_desktop.domain.club import BASES, BASIS_POINTS, Tier
from crm_desktop.domain.errors import FieldError, ValidationError
from crm_desktop.services import fields as f
from crm_desktop.text.messages import ZW

KEY = "club"
MAX_TIERS = 10
MAX_POINTS = 10**12
TIER_KEY = re.compile(r"^[a-z][a-z0-9_]{0,23}$")
#: what lists and filters call "no tier" (so no tier may have this key)
NO_TIER = "none"

DEFAULTS: dict[str, Any] = {
    "enabled": False,
    "started_on": None,
    "rial_per_point": 100_000,
    "point_value_rial": 1_000,
    "basis": BASIS_POINTS,
    "tiers": [
        {"key": "bronze", "name": "برنزی", "min": 0},
        {"key": "silver", "name": f"نقره{ZW}ای", "min": 500},
        {"key": "gold", "name": "طلایی", "min": 2_000},
    ],
    "expiry_months": 12,
    "birthday_points": 0,
    "referral_points": 0,
}

_SPECS: dict[str, f.Field] = {
    "enabled": f.Field(f.boolean, required=True),
    "started_on": f.Field(f.a_date),
    "rial_per_point": f.Field(f.integer(1, f.MAX_RIALS), required=True),
    "point_value_rial": f.Field(f.integer(0, f.MAX_RIALS), required=True),
    "basis": f.Field(lambda v: _basis(v), required=True),
    "tiers": f.Field(lambda v: v, empty=[]),
    "expiry_months": f.Field(f.integer(0, 120), empty=0),
    "birthday_points": f.Field(f.integer(0, MAX_POINTS), empty=0),
    "referral_points": f.Field(f.integer(0, MAX_POINTS), empty=0),
}
_TIER_SPECS: dict[str, f.Field] = {
    "key": f.Field(lambda v: _tier_key(v), required=True),
    "name": f.Field(f.text(60), required=True),
    "min": f.Field(f.integer(0, f.MAX_RIALS), required=True),
}


def _basis(value: Any) -> str:
    if value not in BASES:
        raise f.InvalidValue("choice")
    return str(value)


def _tier_key(value: Any) -> str:
    if not isinstance(value, str) or not TIER_KEY.match(value) or value == NO_TIER:
        raise f.InvalidValue("invalid")
    return value


def _clean_tiers(raw: Any, errors: list[FieldError]) -> list[dict[str, Any]]:
    if isinstance(raw, str | bytes | Mapping) or not isinstance(raw, list | tuple):
        errors.append(FieldError("tiers", "invalid"))
        return []
    if len(raw) > MAX_TIERS:
        errors.append(FieldError("tiers", "too_long", {"max": MAX_TIERS}))
        return []
    out: list[dict[str, Any]] = []
    for i, tier in enumerate(raw):
        try:
            out.append(f.clean(_TIER_SPECS, tier if isinstance(tier, Mapping) else {}))
        except ValidationError as exc:
            errors += [FieldError(f"tiers[{i}].{e.field}", e.code, e.params) for e in exc.errors]
            continue
    for column in ("key", "min"):
        seen: set[Any] = set()
        for i, tier in enumerate(out):
            if tier[column] in seen:
                errors.append(FieldError(f"tiers[{i}].{column}", "duplicate"))
            seen.add(tier[column])
    return sorted(out, key=lambda t: t["min"])


def clean(current: Mapping[str, Any], changes: Any) -> dict[str, Any]:
    """`current` with `changes` applied, checked; ValidationError names every bad field
    (tiers as "tiers[i].name")."""
    if not isinstance(changes, Mapping):
        raise ValidationError(FieldError("data", "invalid"))
    errors: list[FieldError] = []
    try:
        values = f.clean(_SPECS, changes, partial=True)
    except ValidationError as exc:
        errors += exc.errors
        values = {}
    if "tiers" in values:
        values["tiers"] = _clean_tiers(values["tiers"], errors)
    if errors:
        raise ValidationError(errors)
    out = {**current, **values}
    if isinstance(out.get("started_on"), date):
        out["started_on"] = out["started_on"].isoformat()
    return out


def _read(stored: Any) -> dict[str, Any]:
    """The stored object with the defaults for what it lacks (or holds badly)."""
    out = dict(DEFAULTS)
    if isinstance(stored, Mapping):
        for key in DEFAULTS:
            if key in stored:
                with suppress(ValidationError):  # a bad stored part: its default
                    out.update(clean(out, {key: stored[key]}))
    return out


def read_in(session: Session) -> dict[str, Any]:
    """The club's settings, read inside a transaction."""
    raw = session.scalar(select(m.Setting.value).where(m.Setting.key == KEY))
    return _read(None if raw is None else json.loads(raw))


#: the stored settings, read on their own (the contact list asks on every opening)
_SELECT = "SELECT value FROM settings WHERE key = ?"


def read(db: Database) -> dict[str, Any]:
    """The club's settings in a read transaction of their own, without a session: the
    contact list reads them as it opens (whether to show the tier column), and a session
    costs that opening more than the statement itself."""
    rows = db.read_rows(_SELECT, (KEY,))
    return _read(json.loads(rows[0][0]) if rows and rows[0][0] is not None else None)


def put_in(session: Session, value: Mapping[str, Any]) -> None:
    row = session.get(m.Setting, KEY)
    encoded = json.dumps(dict(value), ensure_ascii=False)
    if row is None:
        session.add(m.Setting(key=KEY, value=encoded))
    elif row.value != encoded:
        row.value = encoded


def tiers_of(settings: Mapping[str, Any]) -> list[Tier]:
    return [Tier(t["key"], t["name"], int(t["min"])) for t in settings["tiers"]]


def started_on(settings: Mapping[str, Any]) -> date | None:
    raw = settings.get("started_on")
    return date.fromisoformat(raw) if isinstance(raw, str) else None
