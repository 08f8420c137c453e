"""Proforma invoices: a header and its lines, numbered per Jalali year (1405-0001).

The arithmetic (line amounts, discounts, VAT, totals) lives in `proforma_totals`; this
service stores and validates what it is computed from, and hands out its results
(`totals`, `total_rial` in list rows). A draft or sent proforma past its `valid_until`
shows as "expired" (`effective_status`) while its stored status stays as it was.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any, ClassVar

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from crm_desktop.db import models as m
from crm_desktop.db.sql import doc_number
from crm_desktop.db.types import utcnow
from crm_desktop.domain import clock
from crm_desktop.domain.documents import ProformaDocument
from crm_desktop.domain.enums import DiscountKind, LifecycleStage, ProformaStatus
from crm_desktop.domain.errors import FieldError, NotFoundError, ValidationError
from crm_desktop.domain.numbers import parse_proforma_number, proforma_number
from crm_desktop.domain.permissions import Perm
from crm_desktop.services import fields as f
from crm_desktop.services import rfm, versions
from crm_desktop.services.access import require_in
from crm_desktop.services.base import EntityService, ListQuery, Page
from crm_desktop.services.club import earn as club_earn
from crm_desktop.services.deals import BECOMES_CUSTOMER
from crm_desktop.services.proforma_totals import Totals, compute
from crm_desktop.services.settings import SettingsService
from crm_desktop.text.jalali import jalali_year
from crm_desktop.text.money import MAX_RIALS, MoneyUnit
from crm_desktop.text.normalize import clean_text
from crm_desktop.text.words import amount_in_words

MAX_LINES = 500
MAX_QUANTITY = Decimal(1_000_000_000)
#: keys a line read back from `get` carries that are not input (ignored when given back)
LINE_READ_ONLY = frozenset({"id", "proforma_id", "position"})


def quantity_rule(value: Any) -> Decimal:
    """More than zero, at most three decimals."""
    d = f.decimal()(value)
    if not d.is_finite() or int(d.normalize().as_tuple().exponent) < -3:
        raise f.InvalidValue("number.invalid")
    if d <= 0 or d > MAX_QUANTITY:
        raise f.InvalidValue("range", min=Decimal("0.001"), max=MAX_QUANTITY)
    return d


def _as_given(value: Any) -> Any:
    return value


LINE_FIELDS: dict[str, f.Field] = {
    "product_id": f.Field(f.reference),
    "description": f.Field(f.text(300)),
    "quantity": f.Field(quantity_rule, empty=Decimal(1)),
    "unit": f.Field(f.text(30)),
    "unit_price_rial": f.Field(f.money),
    "discount_kind": f.Field(f.choice(DiscountKind), empty=DiscountKind.AMOUNT.value),
    #: converted by _clean_discount: Rials (money) or a percentage, as discount_kind says
    "discount_value": f.Field(_as_given),
    "taxable": f.Field(f.boolean),
}


_FIRST_PAGE = ListQuery()
#: stored statuses that turn into "expired" once valid_until has passed
_EXPIRING = frozenset({ProformaStatus.DRAFT.value, ProformaStatus.SENT.value})


def effective_status(row: Mapping[str, Any], today: date | None = None) -> str:
    """The status to show: a draft or sent proforma whose `valid_until` is before `today`
    is "expired"; otherwise the stored status. The stored status is never changed."""
    status = str(row["status"])
    valid_until = row.get("valid_until")
    if today is None:
        today = clock.today()
    if status in _EXPIRING and valid_until is not None and valid_until < today:
        return ProformaStatus.EXPIRED.value
    return status


def _is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


class ProformaService(EntityService[m.Proforma]):
    model = m.Proforma
    edit_perm = Perm.EDIT_SALES
    fields: ClassVar = {
        "deal_id": f.Field(f.reference),
        "contact_id": f.Field(f.reference),
        "account_id": f.Field(f.reference),
        "issue_date": f.Field(f.a_date),
        "valid_until": f.Field(f.a_date),
        "status": f.Field(f.choice(ProformaStatus), empty=ProformaStatus.DRAFT.value),
        "vat_rate": f.Field(f.decimal(0, 100)),
        "notes": f.Field(f.multiline()),
        "owner_id": f.Field(f.reference),
    }
    references: ClassVar = {
        "deal_id": m.Deal,
        "contact_id": m.Contact,
        "account_id": m.Account,
        "owner_id": m.User,
    }
    sort_columns: ClassVar = {
        "number": m.Proforma.year * 1_000_000 + m.Proforma.seq,
        "issue_date": m.Proforma.issue_date,
        "created": m.Proforma.created_at,
    }
    filter_columns: ClassVar = {
        "status": m.Proforma.status,
        "contact_id": m.Proforma.contact_id,
        "account_id": m.Proforma.account_id,
        "deal_id": m.Proforma.deal_id,
        "owner_id": m.Proforma.owner_id,
    }

    @staticmethod
    def number(proforma: Any) -> str:
        """The readable number (an ORM object or a dict with year and seq)."""
        if isinstance(proforma, Mapping):
            return proforma_number(proforma["year"], proforma["seq"])
        return proforma_number(proforma.year, proforma.seq)

    # -- header --------------------------------------------------------------------------
    def _check(self, session: Session, values: dict, current: Any | None) -> None:
        def now(key: str) -> Any:
            return values[key] if key in values else getattr(current, key, None)

        errors = []
        if not any(now(k) for k in ("contact_id", "account_id", "deal_id")):
            errors.append(FieldError("contact", "required"))
        if current is None and values.get("issue_date") is None:
            values["issue_date"] = clock.today()
        issue, valid_until = now("issue_date"), now("valid_until")
        if issue is None:
            errors.append(FieldError("issue_date", "required"))
        elif current is not None and jalali_year(issue) != current.year:
            # the number (year-seq) is fixed once issued; it cannot move to another year
            errors.append(FieldError("issue_date", "invalid"))
        if issue is not None and valid_until is not None and valid_until < issue:
            errors.append(FieldError("valid_until", "date.order"))
        if "vat_rate" in values and values["vat_rate"] is None:
            errors.append(FieldError("vat_rate", "required"))
        if errors:
            raise ValidationError(errors)
        if current is None:
            # Inside the write transaction (BEGIN IMMEDIATE): no one else can take this
            # number before we commit; the unique index on (year, seq) backs it.
            year = jalali_year(values["issue_date"])
            last = session.scalar(
                select(func.coalesce(func.max(m.Proforma.seq), 0)).where(m.Proforma.year == year)
            )
            values["year"], values["seq"] = year, int(last) + 1

    # -- lines ---------------------------------------------------------------------------
    def _clean_lines(self, session: Session, lines: Sequence[Mapping[str, Any]]) -> list[dict]:
        """Every line validated; errors name the field as "lines[i].quantity" (i from 0)."""
        if isinstance(lines, str | bytes | Mapping) or not isinstance(lines, Sequence):
            raise ValidationError(FieldError("lines", "invalid"))
        if len(lines) > MAX_LINES:
            raise ValidationError(FieldError("lines", "range", {"min": 0, "max": MAX_LINES}))
        errors: list[FieldError] = []
        out: list[dict] = []
        for i, raw in enumerate(lines):
            if not isinstance(raw, Mapping):
                errors.append(FieldError(f"lines[{i}]", "invalid"))
                continue
            data = {k: v for k, v in raw.items() if k not in LINE_READ_ONLY}
            try:
                out.append(self._clean_line(session, data))
            except ValidationError as exc:
                errors += [FieldError(f"lines[{i}].{e.field}", e.code, e.params)
                           for e in exc.errors]
        if errors:
            raise ValidationError(errors)
        return out

    def _clean_line(self, session: Session, data: Mapping[str, Any]) -> dict:
        values = {name: spec.empty for name, spec in LINE_FIELDS.items()}
        values.update(f.clean(LINE_FIELDS, data))
        product = None
        if values["product_id"] is not None:  # a valid id: f.reference checked it
            product = session.get(m.Product, values["product_id"])
            if product is None:
                raise ValidationError(FieldError("product_id", "not_found"))
        defaults = {"description": None, "unit": "", "unit_price_rial": 0, "taxable": True}
        if product is not None:
            defaults = {"description": product.name, "unit": product.unit,
                        "unit_price_rial": product.unit_price_rial, "taxable": product.taxable}
        for key, default in defaults.items():
            if values[key] is None:
                values[key] = default
        if not values["description"]:
            raise ValidationError(FieldError("description", "required"))
        if values["quantity"] * values["unit_price_rial"] > MAX_RIALS:
            # quantity x unit price is an amount too: it has the same limit as any amount
            raise ValidationError(FieldError("amount", "money.too_large", {"max": MAX_RIALS}))
        values["discount_value"] = self._clean_discount(values)
        return values

    @staticmethod
    def _clean_discount(values: Mapping[str, Any]) -> Decimal:
        """A percentage 0..100, or Rials (money) not above the line's gross amount."""
        raw = values["discount_value"]
        if raw is None:
            return Decimal(0)
        percent = values["discount_kind"] == DiscountKind.PERCENT.value
        try:
            value = f.decimal(0, 100)(raw) if percent else Decimal(f.money(raw))
        except f.InvalidValue as exc:
            raise ValidationError(FieldError("discount_value", exc.code, exc.params)) from None
        gross = values["quantity"] * values["unit_price_rial"]
        if not percent and value > gross:
            raise ValidationError(
                FieldError("discount_value", "range", {"min": 0, "max": int(gross)})
            )
        return value

    def _write_lines(self, session: Session, proforma_id: int, lines: list[dict]) -> None:
        """Make the stored lines equal `lines`, changing rows in place by position (so the
        audit log shows what changed), adding and deleting the rest."""
        old = list(session.scalars(
            select(m.ProformaLine)
            .where(m.ProformaLine.proforma_id == proforma_id)
            .order_by(m.ProformaLine.position, m.ProformaLine.id)
        ))
        for pos, values in enumerate(lines, start=1):
            if pos <= len(old):
                line = old[pos - 1]
                line.position = pos
                for key, value in values.items():
                    setattr(line, key, value)
            else:
                session.add(m.ProformaLine(proforma_id=proforma_id, position=pos, **values))
        for line in old[len(lines):]:
            session.delete(line)
        session.flush()

    # -- writes --------------------------------------------------------------------------
    def create(  # type: ignore[override]
        self, header: Mapping[str, Any], lines: Sequence[Mapping[str, Any]] = ()
    ) -> int:
        """A new proforma with its lines, in one transaction; returns its id.

        The VAT rate defaults to the one in the settings, the issue date to today.
        """
        header = dict(header)
        if _is_empty(header.get("vat_rate")):
            header["vat_rate"] = SettingsService(self.db).vat_rate
        with self.db.write(self.actor_id) as session:
            require_in(session, self.edit_perm)
            errors: list[FieldError] = []
            try:
                obj = self._create_in(session, header)
            except ValidationError as exc:
                errors += exc.errors
                obj = None
            try:
                clean_lines = self._clean_lines(session, lines)
            except ValidationError as exc:
                errors += exc.errors
            if errors or obj is None:
                raise ValidationError(errors)
            self._write_lines(session, obj.id, clean_lines)
            self._check_total(session, obj)
            return int(obj.id)

    def update(  # type: ignore[override]
        self,
        proforma_id: int,
        header: Mapping[str, Any] | None = None,
        lines: Sequence[Mapping[str, Any]] | None = None,
        *,
        version: int | None = None,
    ) -> None:
        """Change header fields and, when `lines` is given, replace all the lines.
        `version`: the proforma's as the editor read it: EditConflict, nothing written,
        when someone saved it (its header or its lines) since."""
        wanted = versions.expected(version)
        with versions.refused_when_stale(self.db, self.model, proforma_id), \
                self.db.write(self.actor_id) as session:
            require_in(session, self.edit_perm)
            errors: list[FieldError] = []
            obj = None
            versions.check(self._load(session, proforma_id), wanted)
            try:
                obj = self._update_in(session, proforma_id, header or {})
            except ValidationError as exc:
                errors += exc.errors
            clean_lines = None
            if lines is not None:
                try:
                    clean_lines = self._clean_lines(session, lines)
                except ValidationError as exc:
                    errors += exc.errors
            if errors:
                raise ValidationError(errors)
            if clean_lines is not None:
                self._write_lines(session, proforma_id, clean_lines)
                if obj is not None:  # the lines are part of the proforma's form
                    versions.touch(obj)
            if obj is not None and (clean_lines is not None or "vat_rate" in (header or {})):
                self._check_total(session, obj)
            if obj is not None and obj.status == ProformaStatus.ACCEPTED.value:
                # an accepted proforma's total or buyer changed: its club points follow
                session.flush()
                club_earn.sync_in(session, proformas=[obj.id])

    def _check_total(self, session: Session, obj: Any) -> None:
        """The document total (lines + VAT) is an amount: at most MAX_RIALS. Raised after
        the lines are written, inside the transaction, which it then rolls back."""
        lines = self._lines_of(session, [obj.id]).get(obj.id, [])
        if compute(lines, obj.vat_rate).total_rial > MAX_RIALS:
            raise ValidationError(FieldError("total", "money.too_large", {"max": MAX_RIALS}))

    def set_status(self, proforma_id: int, status: str, *, mark_deal_won: bool = False) -> None:
        """draft, sent, accepted, rejected or expired.

        With `mark_deal_won`, accepting a proforma whose deal is still open also moves that
        deal to the first won stage, in the same transaction, the way `DealService.move`
        does it: a stage-history row, `closed_at`, and the contact becomes a customer.
        """
        accepted = ProformaStatus.ACCEPTED.value
        with self.db.write(self.actor_id) as session:
            require_in(session, self.edit_perm)
            before = self._load(session, proforma_id).status
            obj = self._update_in(session, proforma_id, {"status": status})
            won = False
            if (mark_deal_won and obj.status == accepted
                    and obj.deal_id is not None):
                stage = session.get(m.Deal, obj.deal_id).stage_id
                self._win_deal(session, int(obj.deal_id))
                won = session.get(m.Deal, obj.deal_id).stage_id != stage
            if (accepted in (before, obj.status) and before != obj.status) or won:
                # an accepted proforma is a purchase (and its deal, when this won it): its
                # buyer's RFM figures change
                deal = session.get(m.Deal, obj.deal_id) if obj.deal_id else None
                session.flush()
                rfm.refresh_in(
                    session, [obj.contact_id, deal.contact_id if deal else None])
                # its club points, and its deal's when that deal was won with it
                club_earn.sync_in(session, proformas=[obj.id], deals=[obj.deal_id])

    def _win_deal(self, session: Session, deal_id: int) -> None:
        """Move an open, live deal to the first won stage (nothing when it is closed)."""
        deal = session.get(m.Deal, deal_id)
        if deal is None or deal.deleted_at is not None:
            return
        current = session.get(m.PipelineStage, deal.stage_id)
        if current is None or current.outcome != m.STAGE_OPEN:
            return
        won = session.scalar(
            select(m.PipelineStage).where(m.PipelineStage.outcome == m.STAGE_WON)
            .order_by(m.PipelineStage.position).limit(1)
        )
        if won is None:
            return
        now = utcnow()
        previous = deal.stage_id
        deal.stage_id = won.id
        deal.stage_changed_at = now
        deal.lost_reason = None
        deal.closed_at = now
        session.add(m.DealStageChange(deal_id=deal.id, from_stage_id=previous,
                                      to_stage_id=won.id, changed_at=now,
                                      changed_by_id=self.actor_id))
        if deal.contact_id is not None:
            contact = session.get(m.Contact, deal.contact_id)
            if contact is not None and contact.lifecycle_stage in BECOMES_CUSTOMER:
                contact.lifecycle_stage = LifecycleStage.CUSTOMER.value
        session.flush()

    # -- reads ---------------------------------------------------------------------------
    def _as_dict(self, session: Session, obj: Any) -> dict[str, Any]:
        d = super()._as_dict(session, obj)
        d["number"] = self.number(obj)
        d["buyer"] = session.execute(
            self._list_select().where(m.Proforma.id == obj.id)
        ).one().buyer
        q = (
            select(*m.ProformaLine.__table__.columns)
            .where(m.ProformaLine.proforma_id == obj.id)
            .order_by(m.ProformaLine.position, m.ProformaLine.id)
        )
        d["lines"] = [dict(r._mapping) for r in session.execute(q)]
        d["effective_status"] = effective_status(d)
        d["buyer_info"] = self._buyer_info(session, obj)
        return d

    @staticmethod
    def _buyer_info(session: Session, obj: Any) -> dict[str, str]:
        """What a printed proforma says about the buyer: the company when there is one
        (name, legal ID, economic code), else the contact (name, national code)."""
        info = dict.fromkeys(("name", "national_id", "economic_code", "phone", "address",
                              "postal_code"), "")
        account = session.get(m.Account, obj.account_id) if obj.account_id else None
        contact = session.get(m.Contact, obj.contact_id) if obj.contact_id else None
        if contact is not None:
            info.update(name=contact.full_name, national_id=contact.national_code or "",
                        phone=contact.mobile or contact.phone or "",
                        address=contact.address or "", postal_code=contact.postal_code or "")
        if account is not None:
            info.update(name=account.name, national_id=account.legal_id or "",
                        economic_code=account.economic_code or "",
                        phone=account.phone or info["phone"],
                        address=account.address or info["address"],
                        postal_code=account.postal_code or info["postal_code"])
        return info

    def document(self, proforma_id: int, unit: str | None = None) -> ProformaDocument:
        """The stored proforma as printed: lines, totals, the amount in words (in `unit`,
        default: the setting), the seller's profile and logo from the settings, the buyer.
        Whoever writes the file hands it to a writer (export.pdf.proforma)."""
        settings = SettingsService(self.db)
        return build_document(self.get(proforma_id), self.totals(proforma_id),
                              settings.company(), unit or settings.display_unit,
                              logo=settings.logo())

    def totals(self, proforma_id: int) -> Totals:
        """Line amounts, discounts, VAT and totals in whole Rials (see proforma_totals)."""
        with self.db.read() as session:
            obj = session.get(m.Proforma, proforma_id) if f.is_id(proforma_id) else None
            if obj is None:
                raise NotFoundError(self.entity, proforma_id)
            lines = self._lines_of(session, [proforma_id]).get(proforma_id, [])
            return compute(lines, obj.vat_rate)

    @staticmethod
    def _lines_of(session: Session, ids: Sequence[int]) -> dict[int, list[dict[str, Any]]]:
        pl = m.ProformaLine
        q = (
            select(pl.proforma_id, pl.quantity, pl.unit_price_rial, pl.discount_kind,
                   pl.discount_value, pl.taxable)
            .where(pl.proforma_id.in_(list(ids)))
            .order_by(pl.proforma_id, pl.position, pl.id)
        )
        out: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for row in session.execute(q):
            out[row.proforma_id].append(dict(row._mapping))
        return out

    def _with_totals(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Add `total_rial` and `effective_status` to list rows (one query per page)."""
        if not rows or "total_rial" in rows[0]:
            return rows
        with self.db.read() as session:
            lines = self._lines_of(session, [r["id"] for r in rows])
        today = clock.today()
        for row in rows:
            row["total_rial"] = compute(lines.get(row["id"], []), row["vat_rate"]).total_rial
            row["effective_status"] = effective_status(row, today)
        return rows

    def list(self, query: ListQuery = _FIRST_PAGE) -> Page:
        """Rows as in every list, plus `total_rial` and `effective_status`."""
        page = super().list(query)
        return replace(page, rows=self._with_totals(page.rows))

    def window(self, query: ListQuery, offset: int, limit: int, *,
               total: int | None = None) -> Page:
        page = super().window(query, offset, limit, total=total)
        return replace(page, rows=self._with_totals(page.rows))

    def ids(self, entity_ids: Sequence[int]) -> list[dict[str, Any]]:
        return self._with_totals(super().ids(entity_ids))

    def get(self, entity_id: int, *, include_deleted: bool = False) -> dict[str, Any]:
        """The header as a dict with `number`, `buyer` and `lines` (in position order)."""
        return super().get(entity_id, include_deleted=include_deleted)

    def _list_select(self) -> Select[Any]:
        p = m.Proforma
        return (
            select(
                p.id, p.year, p.seq, doc_number("", p.year, p.seq).label("number"),
                p.status, p.issue_date, p.valid_until, p.vat_rate, p.contact_id, p.account_id,
                p.deal_id, p.owner_id, p.created_at,
                func.coalesce(m.Account.name, m.Contact.full_name).label("buyer"),
                m.Contact.full_name.label("contact"), m.Account.name.label("company"),
                m.Deal.title.label("deal"),
            )
            .select_from(p)
            .outerjoin(m.Contact, m.Contact.id == p.contact_id)
            .outerjoin(m.Account, m.Account.id == p.account_id)
            .outerjoin(m.Deal, m.Deal.id == p.deal_id)
        )

    def _apply_filter(self, q: Select[Any], key: str, value: Any) -> Select[Any]:
        """Besides the columns: `effective_status`, the status the list shows (a draft or
        sent proforma past its valid_until is "expired", see effective_status)."""
        if key != "effective_status":
            return super()._apply_filter(q, key, value)
        p = m.Proforma
        expired = p.status.in_(_EXPIRING) & p.valid_until.is_not(None) & (
            p.valid_until < clock.today())
        if value == ProformaStatus.EXPIRED.value:
            return q.where(or_(p.status == value, expired))
        return q.where(p.status == value, ~expired)

    def _apply_text(self, q: Select[Any], raw: str) -> Select[Any]:
        """A proforma number finds that proforma; other text, the buyer's name."""
        try:
            year, seq = parse_proforma_number(raw)
        except ValueError:
            needle = clean_text(raw)
            return q.where(or_(m.Contact.full_name.contains(needle, autoescape=True),
                               m.Account.name.contains(needle, autoescape=True)))
        return q.where(m.Proforma.year == year, m.Proforma.seq == seq)

    def find_by_number(self, text: str) -> int:
        """The id of the proforma numbered `text` ("1405-0001", "۱۴۰۵-۰۰۰۱").

        ValidationError when `text` is not a proforma number, NotFoundError when none has it.
        """
        try:
            year, seq = parse_proforma_number(text)
        except ValueError:
            raise ValidationError(FieldError("number", "invalid")) from None
        q = select(m.Proforma.id).where(m.Proforma.year == year, m.Proforma.seq == seq)
        with self.db.read() as session:
            found = session.scalar(q)
        if found is None:
            raise NotFoundError(self.entity, text)
        return int(found)


def build_document(proforma: Mapping[str, Any], totals: Totals, seller: Mapping[str, Any],
                   unit: MoneyUnit | str, logo: Any = None) -> ProformaDocument:
    """A proforma (a dict as `ProformaService.get` returns it, with `lines` and optionally
    `buyer_info`) and its `totals` as the document a writer prints; `seller` is the company
    profile (`SettingsService.company()`)."""
    unit = MoneyUnit(unit)
    number = proforma.get("number") or proforma_number(proforma["year"], proforma["seq"])
    buyer = dict(proforma.get("buyer_info") or {})
    if not buyer.get("name"):
        buyer["name"] = proforma.get("buyer") or ""
    seller = {**seller, "national_id": seller.get("legal_id") or seller.get("national_id")}
    return ProformaDocument(
        number=number, header=dict(proforma), lines=tuple(proforma.get("lines") or ()),
        totals=totals, words=amount_in_words(totals.total_rial, unit), seller=seller,
        buyer=buyer, unit=unit, logo=logo or None)
