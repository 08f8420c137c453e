"""The columns each list can export (no Qt). A column's key is the key of the list view's
column that shows it (ui/qtmodels/*_model.py, the views), so a view exports its visible
columns by their keys; a few more columns (e-mail, national code, ...) are offered for the
command line, which exports every column of a kind.

Each column reads one or more values of the list's row (the list's own statement, which
already resolves the owner, company and stage names in SQL, plus the `extra` columns an
export adds) and turns them into a typed cell (export/table.py): names of stored codes in
the language of the file, instants shown as a day as the day on the business's clock.
Money is always in Rials (services/exports.py says why); its title names the unit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from operator import itemgetter
from typing import Any

from sqlalchemy import Select, func, select, true

from crm_desktop.db import models as m
from crm_desktop.db.sql import json_array_items, json_text
from crm_desktop.domain import clock
from crm_desktop.export.table import ExportColumn, Kind
from crm_desktop.services.deals import _combine, _exact_sum
from crm_desktop.text.export_titles import (
    ACTIVITY_STATES,
    MONEY_TITLE,
    NO_TIER,
    TITLES,
    YES_NO,
    pick,
    value_label,
)


@dataclass(frozen=True)
class Col:
    """One exportable column."""

    key: str
    #: key of its title in text.export_titles.TITLES
    title: str
    kind: Kind = "text"
    #: the row values it reads (default: its key)
    reads: tuple[str, ...] = ()
    #: the cell from those values: convert(lang, *values); default: the value itself
    convert: Callable[..., Any] | None = None
    width: int | None = None
    #: what the column adds to the list's statement: columns labelled with the keys it
    #: reads (sql(lang)), and the joins they need (one function, added once however many
    #: columns share it)
    sql: Callable[[str], Sequence[Any]] | None = None
    join: Callable[[Select[Any]], Select[Any]] | None = None

    def export_column(self, lang: str) -> ExportColumn:
        title = pick(TITLES[self.title], lang)
        if self.kind == "money":
            title = pick(MONEY_TITLE, lang).replace("{title}", title)
        return ExportColumn(self.key, title, self.kind, self.width)

    def getter(self, lang: str, locate: Callable[[str], Any] = lambda key: key,
               ) -> Callable[[Any], Any]:
        """The cell of a row: `locate` turns the keys the column reads into what indexes
        a row (the key itself for a dict, its position for a tuple)."""
        reads = [locate(key) for key in (self.reads or (self.key,))]
        convert = self.convert
        if convert is None:
            return itemgetter(reads[0])
        if len(reads) == 1:
            at = reads[0]
            return lambda row: convert(lang, row[at])
        return lambda row: convert(lang, *(row[i] for i in reads))


# -- cell conversions -----------------------------------------------------------------------
def label(family: str) -> Callable[[str, Any], str]:
    return lambda lang, code: value_label(family, code, lang)


def yes_no(lang: str, value: Any) -> str | None:
    return None if value is None else pick(YES_NO[bool(value)], lang)


def day(_lang: str, value: Any) -> date | None:
    """An instant as the day it fell on, on the business's clock (as the lists show it)."""
    if isinstance(value, datetime):
        return clock.local(value).date()
    return value


def percent_rate(_lang: str, value: Any) -> Decimal | None:
    """A percentage stored as 0-100 (a stage's probability, a VAT rate) as a fraction."""
    return None if value is None else Decimal(value) / 100


def due(_lang: str, due_at: Any, all_day: Any) -> Any:
    """An activity's due time; an all-day one as its day (as the Activities list shows)."""
    return day(_lang, due_at) if all_day and due_at is not None else due_at


def activity_state(lang: str, done_at: Any, due_at: Any) -> str:
    """Done, Overdue (open and past due) or Open, as the Activities list shows it."""
    if done_at is not None:
        state = "done"
    elif due_at is not None and due_at < clock.now_utc():
        state = "overdue"
    else:
        state = "open"
    return pick(ACTIVITY_STATES[state], lang)


# -- the kinds ---------------------------------------------------------------------------------
def column_of(model_column: Any) -> Callable[[str], Sequence[Any]]:
    """A column of the list's own table that its statement does not read."""
    return lambda _lang: [model_column]


def _won_deals(q: Select[Any]) -> Select[Any]:
    """Each contact's live won deals, counted and summed once (a GROUP BY joined to the
    list, not a subquery per row); the sum in two parts that cannot overflow."""
    d, s = m.Deal, m.PipelineStage
    won = (
        select(d.contact_id.label("contact_id"), func.count().label("n"),
               *_exact_sum(d.amount_rial, "total"))
        .join(s, s.id == d.stage_id)
        .where(s.outcome == m.STAGE_WON, d.deleted_at.is_(None), d.contact_id.is_not(None))
        .group_by(d.contact_id)
        .subquery("won")
    )
    return q.outerjoin(won, won.c.contact_id == m.Contact.id).add_columns(
        func.coalesce(won.c.n, 0).label("won_deals"), won.c.total_hi.label("won_hi"),
        won.c.total_lo.label("won_lo"))


def _tags(lang: str) -> Sequence[Any]:
    tags = (
        select(func.aggregate_strings(m.Tag.name, "، " if lang == "fa" else ", "))
        .join(m.contact_tags, m.contact_tags.c.tag_id == m.Tag.id)
        .where(m.contact_tags.c.contact_id == m.Contact.id)
        .scalar_subquery()
    )
    return [tags.label("tags")]


C = Col
_c = m.Contact
CONTACT_COLUMNS: tuple[Col, ...] = (
    C("full_name", "name", width=26),
    C("mobile", "mobile", "code"),
    C("company", "company"),
    C("city", "city", width=14),
    C("lifecycle_stage", "stage", convert=label("lifecycle"), width=16),
    C("owner", "owner", width=18),
    C("last_activity_at", "last_activity", "date", convert=day),
    C("created_at", "created", "date", convert=day),
    # more than the list shows (the command line exports every column)
    C("email", "email", width=28, sql=column_of(_c.email)),
    C("national_code", "national_code", "code", sql=column_of(_c.national_code)),
    C("postal_code", "postal_code", "code", sql=column_of(_c.postal_code)),
    C("phone", "phone", "code", sql=column_of(_c.phone)),
    C("mobile2", "mobile2", "code", sql=column_of(_c.mobile2)),
    C("job_title", "job_title", width=18, sql=column_of(_c.job_title)),
    C("gender", "gender", convert=label("gender"), width=12, sql=column_of(_c.gender)),
    C("birthday", "birthday", "date", sql=column_of(_c.birthday)),
    C("source", "source", convert=label("source"), width=18, sql=column_of(_c.source)),
    C("tags", "tags", sql=_tags),
    C("won_deals", "won_deals", "integer", join=_won_deals),
    C("won_total_rial", "won_total", "money", reads=("won_hi", "won_lo"),
      convert=lambda _lang, hi, lo: _combine(hi or 0, lo or 0), join=_won_deals),
    C("address", "address", width=40, sql=column_of(_c.address)),
    # the club's tier (the contact list shows it while the club is on; the list's own
    # statement joins contact_club)
    C("tier", "tier", reads=("tier_name",), width=14, sql=lambda _lang: [_tier_name()]),
)

_a = m.Account
COMPANY_COLUMNS: tuple[Col, ...] = (
    C("name", "name", width=28),
    C("phone", "phone", "code"),
    C("city", "city", width=14),
    C("industry", "industry", width=18),
    C("contacts", "contacts", "integer"),
    C("owner", "owner", width=18),
    C("created_at", "created", "date", convert=day),
    C("legal_id", "legal_id", "code", sql=column_of(_a.legal_id)),
    C("economic_code", "economic_code", "code", sql=column_of(_a.economic_code)),
    C("postal_code", "postal_code", "code", sql=column_of(_a.postal_code)),
    C("email", "email", width=28, sql=column_of(_a.email)),
    C("website", "website", width=28, sql=column_of(_a.website)),
    C("address", "address", width=40, sql=column_of(_a.address)),
)

DEAL_COLUMNS: tuple[Col, ...] = (
    C("title", "title", width=30),
    C("contact", "person", width=22),
    C("company", "company"),
    C("stage", "stage", width=16),
    C("amount_rial", "amount", "money"),
    C("expected_close", "expected_close", "date"),
    C("owner", "owner", width=18),
    C("probability", "probability", "rate", convert=percent_rate),
    C("created_at", "created", "date", convert=day),
    C("lost_reason", "lost_reason", width=30, sql=column_of(m.Deal.lost_reason)),
)

PRODUCT_COLUMNS: tuple[Col, ...] = (
    C("name", "name", width=30),
    C("sku", "product_code", "code"),
    C("unit", "unit", width=10),
    C("unit_price_rial", "unit_price", "money"),
    C("taxable", "taxable", convert=yes_no, width=12),
    C("active", "active", convert=yes_no, width=10),
    C("description", "description", width=40),
)


def _proforma_totals(session: Any, rows: list[dict[str, Any]]) -> None:
    """Each proforma's total and shown status, a batch at a time (as the list pages do)."""
    from crm_desktop.services.proforma_totals import compute
    from crm_desktop.services.proformas import ProformaService, effective_status

    lines = ProformaService._lines_of(session, [r["id"] for r in rows])
    today = clock.today()
    for row in rows:
        row["total_rial"] = compute(lines.get(row["id"], []), row["vat_rate"]).total_rial
        row["effective_status"] = effective_status(row, today)


PROFORMA_COLUMNS: tuple[Col, ...] = (
    C("number", "number", "code", width=12),
    C("buyer", "buyer", width=26),
    C("deal", "deal", width=24),
    C("issue_date", "issue_date", "date"),
    C("valid_until", "valid_until", "date"),
    C("effective_status", "status", convert=label("proforma_status"), width=14),
    C("total_rial", "total", "money"),
    C("contact", "contact", width=22),
    C("company", "company"),
    C("vat_rate", "vat_rate", "rate", convert=percent_rate),
)

TICKET_COLUMNS: tuple[Col, ...] = (
    C("number", "number", "code", width=14),
    C("subject", "subject", width=30),
    C("contact", "contact", width=22),
    C("priority", "priority", convert=label("ticket_priority"), width=10),
    C("status", "status", convert=label("ticket_status"), width=16),
    C("assignee", "assignee", width=18),
    C("sla_due_at", "sla_due", "datetime"),
    C("created_at", "created", "date", convert=day),
    C("category", "category", convert=label("ticket_category"), width=12),
    C("channel", "channel", convert=label("ticket_channel"), width=14),
    C("company", "company"),
    C("closed_at", "closed", "datetime"),
    C("satisfaction", "satisfaction", "integer"),
)

ACTIVITY_COLUMNS: tuple[Col, ...] = (
    C("due_at", "due", "datetime", reads=("due_at", "due_all_day"), convert=due),
    C("subject", "subject", width=30),
    C("kind", "kind", convert=label("activity_kind"), width=10),
    C("contact", "person", width=22),
    C("owner", "owner", width=18),
    C("done_at", "state", reads=("done_at", "due_at"), convert=activity_state, width=12),
    C("company", "company"),
    C("deal", "deal", width=24),
    C("outcome", "outcome", width=30),
    C("duration_minutes", "duration", "integer"),
)

MEMBER_COLUMNS: tuple[Col, ...] = (
    C("full_name", "name", width=26),
    C("mobile", "mobile", "code"),
    C("email", "email", width=28),
    C("status", "status", convert=label("member_status"), width=16),
    C("updated_at", "changed", "datetime"),
)


def _tier_name() -> Any:
    """The name of a member's tier (contact_club.tier in the statement), read from the
    club's settings in SQL: the names are the business's own, in one language."""
    tiers = json_array_items(m.Setting.value, "tiers")
    return (select(json_text(tiers.c.value, "name"))
            .select_from(m.Setting).join(tiers, true())
            .where(m.Setting.key == "club",
                   json_text(tiers.c.value, "key") == m.ContactClub.tier)
            .correlate(m.ContactClub).limit(1).scalar_subquery().label("tier_name"))


def _member_tier(lang: str, name: Any) -> str:
    return name or pick(NO_TIER, lang)


def _ledger_reason(_lang: str, reason: Any, label: Any, year: Any, seq: Any) -> str:
    """The reason written, else what the points came from (a deal, a proforma's number)."""
    if reason:
        return str(reason)
    if year is not None and seq is not None:
        from crm_desktop.domain.numbers import proforma_number

        return proforma_number(year, seq)
    return "" if label is None else str(label)


CLUB_MEMBER_COLUMNS: tuple[Col, ...] = (
    C("full_name", "name", width=26),
    C("mobile", "mobile", "code"),
    C("city", "city", width=14),
    C("tier", "tier", reads=("tier_name",), convert=_member_tier, width=14,
      sql=lambda _lang: [_tier_name()]),
    C("balance", "points", "integer"),
    C("spend_12m", "spend_12m", "money"),
)

CLUB_LEDGER_COLUMNS: tuple[Col, ...] = (
    C("at", "when", "datetime"),
    C("contact_name", "member", width=22),
    C("kind", "kind", convert=label("ledger_kind"), width=14),
    C("points", "points", "integer"),
    C("reason", "reason", reads=("reason", "source_label", "_year", "_seq"),
      convert=_ledger_reason, width=30),
    C("expires_at", "expires", "date", convert=day),
    C("user_name", "by", width=18),
)


def _audit_words(key: str) -> Callable[..., str]:
    """One part of an audit row in words (text/audit_texts.describe), from the row's
    values and the names `_audit_names` found for its ids."""
    from crm_desktop.text.audit_texts import describe

    def words(lang: str, *values: Any) -> str:
        return describe(dict(zip(AUDIT_READS, values, strict=True)), lang)[key]
    return words


AUDIT_READS = ("entity", "entity_id", "action", "field", "old_value", "new_value",
               "user_name", "record_label", "old_name", "new_name", "value_names")


def _audit_names(session: Any, rows: list[dict[str, Any]]) -> None:
    from crm_desktop.services.audit_labels import add_labels

    add_labels(session, rows)


AUDIT_COLUMNS: tuple[Col, ...] = (
    C("at", "when", "datetime"),
    C("user_name", "by", reads=AUDIT_READS, convert=_audit_words("user"), width=18),
    C("entity", "record_kind", reads=AUDIT_READS, convert=_audit_words("entity"),
      width=16),
    C("record_label", "record", reads=AUDIT_READS, convert=_audit_words("record"),
      width=24),
    C("action", "action", reads=AUDIT_READS, convert=_audit_words("action"), width=12),
    C("field", "field", reads=AUDIT_READS, convert=_audit_words("field"), width=20),
    C("old_value", "old_value", reads=AUDIT_READS, convert=_audit_words("old"), width=30),
    C("new_value", "new_value", reads=AUDIT_READS, convert=_audit_words("new"), width=30),
)


@dataclass(frozen=True)
class KindColumns:
    columns: tuple[Col, ...]
    #: values computed in Python for a batch of rows, after they are read (a proforma's
    #: total): enrich(session, rows)
    enrich: Callable[[Any, list[dict[str, Any]]], None] | None = None

    def extend(self, statement: Select[Any], chosen: Sequence[Col], lang: str) -> Select[Any]:
        """The list's statement with what the chosen columns read besides it."""
        joins: list[Callable[[Select[Any]], Select[Any]]] = []
        extra: list[Any] = []
        for col in chosen:
            if col.join is not None and col.join not in joins:
                joins.append(col.join)
            if col.sql is not None:
                extra.extend(col.sql(lang))
        for join in joins:
            statement = join(statement)
        return statement.add_columns(*extra) if extra else statement


COLUMNS: dict[str, KindColumns] = {
    "contacts": KindColumns(CONTACT_COLUMNS),
    "companies": KindColumns(COMPANY_COLUMNS),
    "deals": KindColumns(DEAL_COLUMNS),
    "products": KindColumns(PRODUCT_COLUMNS),
    "proformas": KindColumns(PROFORMA_COLUMNS, _proforma_totals),
    "tickets": KindColumns(TICKET_COLUMNS),
    "activities": KindColumns(ACTIVITY_COLUMNS),
    "campaign_members": KindColumns(MEMBER_COLUMNS),
    "list_members": KindColumns(CONTACT_COLUMNS),
    "club_members": KindColumns(CLUB_MEMBER_COLUMNS),
    "club_ledger": KindColumns(CLUB_LEDGER_COLUMNS),
    "audit_log": KindColumns(AUDIT_COLUMNS, _audit_names),
}
