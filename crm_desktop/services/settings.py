"""Settings stored in the database as JSON: company profile, VAT rate, display unit, SLA."""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Iterable, Mapping
from datetime import date, time, timedelta
from decimal import Decimal, InvalidOperation
from itertools import pairwise
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from crm_desktop.db import models as m
from crm_desktop.db.engine import Database
from crm_desktop.domain import clock, rfm
from crm_desktop.domain.enums import TicketPriority
from crm_desktop.domain.errors import FieldError, ValidationError
from crm_desktop.domain.permissions import Perm
from crm_desktop.services import fields as f
from crm_desktop.services.access import require_in
from crm_desktop.services.backups import DEFAULTS as BACKUP_DEFAULTS
from crm_desktop.services.club.config import DEFAULTS as CLUB_DEFAULTS
from crm_desktop.services.sla import WEEKDAYS, SlaTargets, WorkWeek
from crm_desktop.text.digits import to_ascii_digits
from crm_desktop.text.money import MoneyUnit

COMPANY_FIELDS = (
    "name", "legal_id", "economic_code", "address", "postal_code", "phone", "email", "website",
)
#: the seller's details printed on proformas
COMPANY_SPECS: dict[str, f.Field] = {
    "name": f.Field(f.text(200), empty=""),
    "legal_id": f.Field(f.legal_id, empty=""),
    "economic_code": f.Field(f.economic_code, empty=""),
    "address": f.Field(f.multiline(500), empty=""),
    "postal_code": f.Field(f.postal_code, empty=""),
    "phone": f.Field(f.phone, empty=""),
    "email": f.Field(f.email, empty=""),
    "website": f.Field(f.text(200), empty=""),
}
#: a logo is a small picture; a larger file is refused rather than bloating the database
MAX_LOGO_BYTES = 512 * 1024
LOGO_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")

HHMM = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
#: longest SLA target accepted, in working hours (a year of full days)
MAX_TARGET_HOURS = 24 * 366


def _hhmm(t: time) -> str:
    return f"{t.hour:02d}:{t.minute:02d}"


def _hours(d: timedelta) -> str:
    return format((Decimal(int(d.total_seconds())) / 3600).normalize(), "f")


def sla_to_json(week: WorkWeek, holidays: Iterable[date], targets: SlaTargets) -> dict:
    return {
        "week": {day: [[_hhmm(s), _hhmm(e)] for s, e in spans]
                 for day, spans in week.as_mapping().items()},
        "holidays": sorted(d.isoformat() for d in holidays),
        "targets": {p.value: {"response": _hours(targets.response_for(p.value)),
                              "resolution": _hours(targets.resolution_for(p.value))}
                    for p in TicketPriority},
    }


def sla_from_json(stored: Mapping[str, Any] | None) -> tuple[WorkWeek, set[date], SlaTargets]:
    """Read the stored "sla" setting (None: the defaults); see SettingsService.set_sla."""
    stored = {**DEFAULTS["sla"], **(stored or {})}
    week = WorkWeek.from_mapping({
        day: [(_parse_time(s), _parse_time(e)) for s, e in spans]
        for day, spans in stored["week"].items()
    })
    holidays = {date.fromisoformat(d) for d in stored["holidays"]}
    default = SlaTargets()
    response, resolution = dict(default.response), dict(default.resolution)
    for priority, pair in stored["targets"].items():
        response[priority] = _clean_hours(pair["response"])
        resolution[priority] = _clean_hours(pair["resolution"])
    return week, holidays, SlaTargets(response=response, resolution=resolution)


DEFAULTS: dict[str, Any] = {
    "vat_rate": "10",
    "display_unit": MoneyUnit.RIAL.value,
    "company": {key: "" for key in COMPANY_FIELDS},
    "sla": sla_to_json(WorkWeek.default(), (), SlaTargets()),
    "time_zone": clock.DEFAULT_TZ,
    "rfm_window_years": rfm.DEFAULT_WINDOW_YEARS,
    # the mappings imports remember, by sheet layout (services/imports/fields.py): the
    # default lets the audit log the first one as one part, not the whole object
    "import.mappings": {},
    # the customer club (services/club/config.py): a default, so that the first change
    # is logged part by part
    "club": CLUB_DEFAULTS,
    # how people sign in (services/auth.py): single-user mode unless set otherwise
    "sign_in": "single",
    # backups (services/backups.py): a default, so that each change is logged part by part
    "backup": BACKUP_DEFAULTS,
}


def _parse_time(value: Any) -> time:
    if isinstance(value, time):
        if value.second or value.microsecond or value.tzinfo is not None:
            raise ValueError(value)
        return value
    match = HHMM.match(to_ascii_digits(str(value)).strip())
    if not match:
        raise ValueError(value)
    return time(int(match[1]), int(match[2]))


def _clean_week(raw: Any, errors: list[FieldError]) -> WorkWeek | None:
    if isinstance(raw, WorkWeek):
        return raw
    if not isinstance(raw, Mapping):
        errors.append(FieldError("week", "invalid"))
        return None
    before = len(errors)
    days: dict[str, list[tuple[time, time]]] = {}
    for key, spans in raw.items():
        day = WEEKDAYS[key] if isinstance(key, int) and 0 <= key < 7 else key
        if day not in WEEKDAYS:
            errors.append(FieldError(f"week.{key}", "invalid"))
            continue
        cleaned: list[tuple[time, time]] = []
        if spans is not None and (isinstance(spans, str | bytes)
                                  or not isinstance(spans, Iterable)):
            errors.append(FieldError(f"week.{day}", "time.invalid"))
            continue
        for i, span in enumerate(spans or ()):
            name = f"week.{day}.{i}"
            try:
                start, end = span
                start, end = _parse_time(start), _parse_time(end)
            except (TypeError, ValueError):
                errors.append(FieldError(name, "time.invalid"))
                continue
            if not start < end:
                errors.append(FieldError(name, "time.order"))
                continue
            cleaned.append((start, end))
        cleaned.sort()
        for (_s1, e1), (s2, _e2) in pairwise(cleaned):
            if s2 < e1:
                errors.append(FieldError(f"week.{day}", "time.overlap"))
                break
        days[day] = cleaned
    if len(errors) > before:
        return None
    week = WorkWeek.from_mapping(days)
    if not week.has_working_time:
        errors.append(FieldError("week", "required"))
        return None
    return week


def _clean_holidays(raw: Any, errors: list[FieldError]) -> set[date] | None:
    out: set[date] = set()
    if isinstance(raw, str | bytes) or not isinstance(raw, Iterable):
        errors.append(FieldError("holidays", "invalid"))
        return None
    for i, value in enumerate(raw):
        try:
            out.add(f.a_date(value))  # ISO Gregorian or Jalali text, or a date
        except f.InvalidValue as exc:
            errors.append(FieldError(f"holidays.{i}", exc.code, exc.params))
    return out


def _clean_hours(value: Any) -> timedelta:
    if isinstance(value, timedelta):
        seconds = Decimal(int(value.total_seconds()))
    else:
        try:
            seconds = f.decimal()(value) * 3600
        except f.InvalidValue:
            raise ValueError(value) from None
    if not 0 < seconds <= MAX_TARGET_HOURS * 3600:
        raise ValueError(value)
    return timedelta(seconds=int(seconds))


def _clean_targets(raw: Any, errors: list[FieldError]) -> SlaTargets | None:
    if isinstance(raw, SlaTargets):
        return raw
    if not isinstance(raw, Mapping):
        errors.append(FieldError("targets", "invalid"))
        return None
    before = len(errors)
    base = SlaTargets()
    response, resolution = dict(base.response), dict(base.resolution)
    for key, pair in raw.items():
        try:
            priority = TicketPriority(str(key)).value
        except ValueError:
            errors.append(FieldError(f"targets.{key}", "choice"))
            continue
        values = (pair.get("response"), pair.get("resolution")) if isinstance(pair, Mapping) \
            else pair
        try:
            resp_raw, reso_raw = values
        except (TypeError, ValueError):
            errors.append(FieldError(f"targets.{priority}", "invalid"))
            continue
        for name, raw_hours, target in (("response", resp_raw, response),
                                        ("resolution", reso_raw, resolution)):
            try:
                target[priority] = _clean_hours(raw_hours)
            except (ValueError, TypeError, InvalidOperation):
                errors.append(FieldError(f"targets.{priority}.{name}", "range",
                                         {"min": 0, "max": MAX_TARGET_HOURS}))
    if len(errors) > before:
        return None
    return SlaTargets(response=response, resolution=resolution)


def _rfm_years(stored: Any) -> int:
    """A stored RFM window as a number of years (anything unusable: the default)."""
    if isinstance(stored, int) and not isinstance(stored, bool) and \
            rfm.MIN_WINDOW_YEARS <= stored <= rfm.MAX_WINDOW_YEARS:
        return stored
    return rfm.DEFAULT_WINDOW_YEARS


def _clean_vat_rate(value: Any) -> str:
    rate = f.clean({"vat_rate": f.Field(f.decimal(0, 100), required=True)},
                   {"vat_rate": value})["vat_rate"]
    return format(rate.normalize(), "f")


def _encode_logo(data: bytes | None) -> str | None:
    """The logo as stored (base64), after checking it is a small PNG or JPEG."""
    if data is not None:
        if not isinstance(data, bytes | bytearray):
            raise ValidationError(FieldError("logo", "file.image"))
        data = bytes(data)
        if len(data) > MAX_LOGO_BYTES:
            raise ValidationError(
                FieldError("logo", "file.too_big", {"max": MAX_LOGO_BYTES // 1024}))
        if not data.startswith(LOGO_MAGIC):
            raise ValidationError(FieldError("logo", "file.image"))
    return base64.b64encode(data).decode("ascii") if data else None


class SettingsService:
    def __init__(self, db: Database, actor_id: int | None = None):
        self.db = db
        self.actor_id = actor_id

    def get(self, key: str) -> Any:
        with self.db.read() as session:
            raw = session.scalar(select(m.Setting.value).where(m.Setting.key == key))
        if raw is None:
            return DEFAULTS.get(key)
        return json.loads(raw)

    def set(self, key: str, value: Any) -> None:
        with self.db.write(self.actor_id) as session:
            require_in(session, Perm.SETTINGS)
            self._put(session, key, value)

    @staticmethod
    def _put(session: Session, key: str, value: Any) -> None:
        row = session.get(m.Setting, key)
        encoded = json.dumps(value, ensure_ascii=False)
        if row is None:
            session.add(m.Setting(key=key, value=encoded))
        else:
            row.value = encoded

    @property
    def vat_rate(self) -> Decimal:
        return Decimal(str(self.get("vat_rate")))

    def set_vat_rate(self, value: Any) -> None:
        self.set("vat_rate", _clean_vat_rate(value))

    @property
    def display_unit(self) -> MoneyUnit:
        return MoneyUnit(self.get("display_unit"))

    def set_display_unit(self, value: str) -> None:
        try:
            self.set("display_unit", MoneyUnit(value).value)
        except ValueError:
            raise ValidationError(FieldError("display_unit", "choice")) from None

    def company(self) -> dict[str, str]:
        return {**DEFAULTS["company"], **(self.get("company") or {})}

    def set_company(self, profile: dict[str, Any]) -> None:
        cleaned = f.clean(COMPANY_SPECS, profile, partial=True)
        self.set("company", {**self.company(), **cleaned})

    def set_profile(self, company: Mapping[str, Any], vat_rate: Any, logo: bytes | None) -> None:
        """Save the company profile as its editor shows it (details, VAT rate and logo) in
        one transaction: all of it or, on any problem, none. Every field error is reported
        at once."""
        errors: list[FieldError] = []
        cleaned: dict[str, Any] = {}
        rate = encoded_logo = None
        try:
            cleaned = f.clean(COMPANY_SPECS, company, partial=True)
        except ValidationError as exc:
            errors += exc.errors
        try:
            rate = _clean_vat_rate(vat_rate)
        except ValidationError as exc:
            errors += exc.errors
        try:
            encoded_logo = _encode_logo(logo)
        except ValidationError as exc:
            errors += exc.errors
        if errors:
            raise ValidationError(errors)
        with self.db.write(self.actor_id) as session:
            require_in(session, Perm.SETTINGS)
            stored = session.scalar(select(m.Setting.value).where(m.Setting.key == "company"))
            current = {**DEFAULTS["company"], **(json.loads(stored) if stored else {})}
            self._put(session, "company", {**current, **cleaned})
            self._put(session, "vat_rate", rate)
            self._put(session, "company_logo", encoded_logo)

    def logo(self) -> bytes | None:
        """The company logo (PNG or JPEG bytes), kept in the database so backups carry it."""
        encoded = self.get("company_logo")
        return base64.b64decode(encoded) if encoded else None

    def set_logo(self, data: bytes | None) -> None:
        self.set("company_logo", _encode_logo(data))

    # -- RFM segments ---------------------------------------------------------------------
    @property
    def rfm_window_years(self) -> int:
        """The years of purchases RFM segments look at (default 2; see services/rfm.py)."""
        return _rfm_years(self.get("rfm_window_years"))

    @staticmethod
    def rfm_window_in(session: Session) -> int:
        """`rfm_window_years` read inside a transaction."""
        raw = session.scalar(select(m.Setting.value).where(m.Setting.key == "rfm_window_years"))
        return _rfm_years(DEFAULTS["rfm_window_years"] if raw is None else json.loads(raw))

    def set_rfm_window_years(self, value: Any) -> None:
        """Store the RFM window: whole years from 1 to 10 (figures change at the next
        recomputation)."""
        years = f.clean({"rfm_window_years": f.Field(
            f.integer(rfm.MIN_WINDOW_YEARS, rfm.MAX_WINDOW_YEARS), required=True)},
            {"rfm_window_years": value})["rfm_window_years"]
        self.set("rfm_window_years", years)

    # -- the business's time zone ---------------------------------------------------------
    def time_zone(self) -> str:
        """The business's time zone (an IANA name, Asia/Tehran by default): the local time
        of every view, the agenda, repeats, SLA hours, PDFs and the command line."""
        name = self.get("time_zone")
        try:
            return clock.zone(name).key
        except ValueError:
            return clock.DEFAULT_TZ

    def apply_time_zone(self) -> None:
        """Make the stored zone the program's clock (done when a database is opened)."""
        clock.set_business_tz(self.time_zone())

    def set_time_zone(self, name: Any) -> None:
        """Store and apply a new business time zone. Date-only tasks stay on their day:
        they are moved to the end of the same day in the new zone."""
        try:
            new = clock.zone(name.strip() if isinstance(name, str) else name)
        except ValueError:
            raise ValidationError(FieldError("time_zone", "choice")) from None
        old = clock.zone(self.time_zone())
        with self.db.write(self.actor_id) as session:
            require_in(session, Perm.SETTINGS)
            row = session.get(m.Setting, "time_zone")
            encoded = json.dumps(new.key)
            if row is None:
                session.add(m.Setting(key="time_zone", value=encoded))
            else:
                row.value = encoded
            if new.key != old.key:
                tasks = session.scalars(select(m.Activity).where(
                    m.Activity.due_all_day.is_(True), m.Activity.due_at.is_not(None)))
                for task in tasks:
                    task.due_at = clock.end_of_day(clock.local(task.due_at, old).date(), new)
        clock.set_business_tz(new.key)

    # -- SLA -----------------------------------------------------------------------------
    def sla(self) -> tuple[WorkWeek, set[date], SlaTargets]:
        """The working week (business time zone), holidays (Gregorian) and targets per priority."""
        return sla_from_json(self.get("sla"))

    def set_sla(
        self,
        week: WorkWeek | Mapping[Any, Any] | None = None,
        holidays: Iterable[Any] | None = None,
        targets: SlaTargets | Mapping[str, Any] | None = None,
    ) -> None:
        """Change any of the three parts (None keeps the current one).

        `week` maps weekday ("sat" or 0=Monday) -> [("08:00", "17:00"), ...]; a day left out
        is a day off. `holidays` are dates or Gregorian ISO / Jalali text. `targets` maps a
        priority -> {"response": hours, "resolution": hours} or (response, resolution); a
        priority left out keeps its default. Every problem is reported at once.
        """
        current_week, current_holidays, current_targets = self.sla()
        errors: list[FieldError] = []
        new_week = current_week if week is None else _clean_week(week, errors)
        new_holidays = current_holidays if holidays is None else _clean_holidays(
            holidays, errors)
        new_targets = current_targets if targets is None else _clean_targets(targets, errors)
        if errors:
            raise ValidationError(errors)
        assert new_week is not None and new_holidays is not None and new_targets is not None
        self.set("sla", sla_to_json(new_week, new_holidays, new_targets))

    # -- sending (the deliveries of the outbox) -----------------------------------------
    def sending(self) -> dict[str, Any]:
        """How SMS and e-mail leave the program (see services/delivery.py); secrets are
        in the operating system's keyring, not here."""
        from crm_desktop.services.delivery import SENDING_DEFAULTS, SETTINGS_KEY

        stored = self.get(SETTINGS_KEY)
        return {**SENDING_DEFAULTS, **(stored if isinstance(stored, dict) else {})}

    def set_sending(self, changes: Mapping[str, Any]) -> None:
        """Change some of the delivery settings; every bad field is named."""
        from crm_desktop.services.delivery import SETTINGS_KEY, clean_sending

        self.set(SETTINGS_KEY, clean_sending(self.sending(), changes))
