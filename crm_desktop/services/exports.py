"""Exports of the lists (no Qt): the rows a list shows for a ListQuery (its filters, search
text and sort, in its order), with the columns asked for, as an ExportTable that the
Excel and CSV writers (crm_desktop.export) stream to a file.

The rows are read by one streamed statement (the list's own, which resolves the owner,
company and stage names in SQL, extended with the export's columns) in batches of
BATCH rows: never 100,000 ORM objects, never the whole list in memory. The statement runs
when the writer starts reading, in the writer's thread, in a read transaction of its own
(one consistent snapshot of the list) that ends when the rows end or the writer stops.

Money is written in Rials whatever unit the interface shows (Settings > display unit):
the stored amounts are whole Rials, so a spreadsheet gets exact integers it can add up,
the same in every file whoever exported it; the column title names the unit ("Amount
(Rial)"). Toman would need a tenth for amounts not divisible by ten.

Bad input (an unknown kind, column, filter, filter value or sort; a campaign or marketing
list that does not exist) is a ValidationError naming the field.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import Select

from crm_desktop.db import models as m
from crm_desktop.db.engine import Database
from crm_desktop.domain.enums import (
    ActivityKind,
    AuditAction,
    LedgerKind,
    LifecycleStage,
    MemberStatus,
    ProformaStatus,
    RfmSegment,
    TicketCategory,
    TicketPriority,
    TicketStatus,
)
from crm_desktop.domain.errors import FieldError, NotFoundError, ValidationError
from crm_desktop.domain.permissions import Perm
from crm_desktop.export.table import ExportColumn, ExportTable
from crm_desktop.services import fields as f
from crm_desktop.services.access import require_in
from crm_desktop.services.base import EntityService, ListQuery, Sort
from crm_desktop.services.export_columns import COLUMNS, Col
from crm_desktop.services.export_kinds import CLI_KINDS, LIST_KINDS  # noqa: F401 (CLI_KINDS: read here too)
from crm_desktop.text.digits import to_ascii_digits

#: the whole list, in its default order
_ALL = ListQuery()
#: rows read from the database at a time
BATCH = 500
_TRUE = frozenset({"true", "1", "yes", "بله"})
_FALSE = frozenset({"false", "0", "no", "خیر"})


# -- filter values: typed (the views) or text (the command line) ------------------------------
def _ref(value: Any) -> int:
    if isinstance(value, str):
        digits = to_ascii_digits(value.strip())
        if digits.isascii() and digits.isdigit() and len(digits) <= 19:
            value = int(digits)
    return f.reference(value)


def _flag(value: Any) -> bool:
    if isinstance(value, str):
        word = to_ascii_digits(value.strip()).lower()
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
    return f.boolean(value)


def _one_of(*values: str) -> f.Converter:
    def convert(value: Any) -> str:
        if isinstance(value, str) and value in values:
            return value
        raise f.InvalidValue("choice")

    return convert


REF, TEXT, FLAG, DATE = f.Field(_ref), f.Field(f.text(100)), f.Field(_flag), f.Field(f.a_date)


def _choice(enum: Any) -> f.Field:
    return f.Field(f.choice(enum))


CONTACT_FILTERS = {
    "lifecycle_stage": _choice(LifecycleStage), "city": TEXT, "owner_id": REF,
    "account_id": REF, "tag": TEXT, "segment": _choice(RfmSegment), "tier": TEXT,
}
FILTERS: dict[str, dict[str, f.Field]] = {
    "contacts": CONTACT_FILTERS,
    "companies": {"city": TEXT, "industry": TEXT, "owner_id": REF},
    "deals": {"stage_id": REF, "owner_id": REF, "contact_id": REF, "account_id": REF,
              "outcome": f.Field(_one_of(m.STAGE_OPEN, m.STAGE_WON, m.STAGE_LOST)),
              "close_from": DATE, "close_to": DATE},
    "products": {"active": FLAG, "taxable": FLAG},
    "proformas": {"status": _choice(ProformaStatus),
                  "effective_status": _choice(ProformaStatus), "contact_id": REF,
                  "account_id": REF, "deal_id": REF, "owner_id": REF},
    "tickets": {"status": _choice(TicketStatus), "priority": _choice(TicketPriority),
                "category": _choice(TicketCategory), "assignee_id": REF, "contact_id": REF,
                "account_id": REF, "owner_id": REF, "overdue": FLAG},
    "activities": {"kind": _choice(ActivityKind), "owner_id": REF, "contact_id": REF,
                   "account_id": REF, "deal_id": REF, "ticket_id": REF,
                   "state": f.Field(_one_of("open", "done", "overdue"))},
    "campaign_members": {"status": _choice(MemberStatus)},
    "list_members": CONTACT_FILTERS,
    "club_members": {"tier": TEXT},
    "club_ledger": {"contact_id": REF, "kind": _choice(LedgerKind), "date_from": DATE,
                    "date_to": DATE},
    "audit_log": {"user_id": REF, "entity": TEXT, "entity_id": REF,
                  "action": f.Field(f.choice(AuditAction)), "date_from": DATE, "date_to": DATE},
}


# -- where the rows come from ------------------------------------------------------------------
class Source(Protocol):
    def sorts(self) -> Sequence[str]: ...
    def count(self, query: ListQuery) -> int: ...
    def statement(self, query: ListQuery) -> Select[Any]: ...


@dataclass
class ServiceSource:
    """A list over an entity service: its statement, filters, text search and sorts."""

    service: EntityService[Any]

    def sorts(self) -> Sequence[str]:
        return tuple(self.service.sort_columns)

    def count(self, query: ListQuery) -> int:
        return self.service.count(query)

    def statement(self, query: ListQuery) -> Select[Any]:
        return self.service.ordered_select(query)


@dataclass
class ReadOnlySource:
    """A read-only list of the club (services/club/lists.py): its statement and sorts."""

    service: Any

    def sorts(self) -> Sequence[str]:
        return tuple(self.service._rows.sort_columns)

    def count(self, query: ListQuery) -> int:
        return int(self.service.count(query))

    def statement(self, query: ListQuery) -> Select[Any]:
        return self.service.ordered_select(query)


@dataclass
class MemberSource:
    """A campaign's live members (the campaign page's table), in contact-id order."""

    db: Database
    campaign_id: int

    def sorts(self) -> Sequence[str]:
        return ()

    def _service(self) -> Any:
        from crm_desktop.services.campaigns import CampaignService

        return CampaignService(self.db)

    def count(self, query: ListQuery) -> int:
        return self._service().member_count(self.campaign_id, query.filters.get("status"))

    def statement(self, query: ListQuery) -> Select[Any]:
        q = self._service()._member_select(self.campaign_id, query.filters.get("status"))
        return q.order_by(m.Contact.id)


def _source(db: Database, kind: str, parent_id: Any, actor_id: int | None = None) -> Source:
    from crm_desktop.services.accounts import AccountService
    from crm_desktop.services.activities import ActivityService
    from crm_desktop.services.contacts import ContactService
    from crm_desktop.services.deals import DealService
    from crm_desktop.services.lists import ListService
    from crm_desktop.services.products import ProductService
    from crm_desktop.services.proformas import ProformaService
    from crm_desktop.services.tickets import TicketService

    services: dict[str, Callable[[Database], EntityService[Any]]] = {
        "contacts": ContactService, "companies": AccountService, "deals": DealService,
        "products": ProductService, "proformas": ProformaService, "tickets": TicketService,
        "activities": ActivityService,
    }
    if kind in services:
        return ServiceSource(services[kind](db, actor_id))  # type: ignore[call-arg]
    if kind in ("club_members", "club_ledger"):
        from crm_desktop.services.club.lists import ClubLedgerService, ClubMembersService

        club = ClubMembersService if kind == "club_members" else ClubLedgerService
        return ReadOnlySource(club(db, actor_id))
    if kind == "audit_log":
        from crm_desktop.services.audit_log import AuditLogService

        return ReadOnlySource(AuditLogService(db, actor_id))
    if not f.is_id(parent_id):
        raise ValidationError(FieldError("parent_id", "required" if parent_id is None
                                         else "not_found"))
    if kind == "list_members":
        try:
            return ServiceSource(ListService(db, actor_id).member_rows(parent_id))
        except NotFoundError:
            raise ValidationError(FieldError("parent_id", "not_found")) from None
    with db.read() as session:
        if session.get(m.Campaign, parent_id) is None:
            raise ValidationError(FieldError("parent_id", "not_found"))
    return MemberSource(db, parent_id)


# -- the service ------------------------------------------------------------------------------
class ExportService:
    """What every list export reads: the columns of a kind, and the table of a list.
    The table needs EXPORT (PermissionDenied otherwise); the rows are those the actor's
    list shows (only their own records without SEE_ALL)."""

    def __init__(self, db: Database, actor_id: int | None = None):
        self.db = db
        self.actor_id = actor_id

    @staticmethod
    def kinds() -> tuple[str, ...]:
        return LIST_KINDS

    def columns(self, kind: str, lang: str = "fa") -> list[ExportColumn]:
        """Every column `kind` can export, in order, titled in `lang` ("fa" or "en")."""
        return [c.export_column(_lang(lang)) for c in _kind(kind).columns]

    def filters(self, kind: str) -> tuple[str, ...]:
        """The list filters of `kind` (ListQuery.filters keys)."""
        _kind(kind)
        return tuple(FILTERS[kind])

    def parse_filters(self, kind: str, pairs: Sequence[str]) -> dict[str, Any]:
        """KEY=VALUE texts (the command line) as typed, checked list filters of `kind`."""
        _kind(kind)
        raw: dict[str, str] = {}
        for pair in pairs:
            key, sep, value = str(pair).partition("=")
            if not sep or not key.strip():
                raise ValidationError(FieldError("filter", "invalid"))
            raw[key.strip()] = value
        return _clean_filters(kind, raw)

    def table(self, kind: str, query: ListQuery = _ALL,
              columns: Sequence[str] | None = None, lang: str = "fa", *,
              parent_id: int | None = None) -> ExportTable:
        """The rows the `kind` list shows for `query` (filters, text, sort; not its page),
        in its order, with `columns` (keys, in the order given; None: every column).
        `parent_id`: the campaign (campaign_members) or marketing list (list_members).
        The rows are read when the table's `rows` are iterated (see the module)."""
        with self.db.read() as session:
            require_in(session, Perm.EXPORT, self.actor_id)
        spec = _kind(kind)
        lang = _lang(lang)
        chosen = _choose(spec.columns, columns)
        query = _clean_query(kind, query)
        source = _source(self.db, kind, parent_id, self.actor_id)
        if query.sort is not None and query.sort.key not in source.sorts():
            raise ValidationError(FieldError("sort", "choice"))
        count = source.count(query)
        statement = spec.extend(source.statement(query), chosen, lang)
        rows = self._rows(statement, chosen, lang, spec.enrich)
        return ExportTable(columns=[c.export_column(lang) for c in chosen], rows=rows,
                           row_count=count, lang=lang)

    def _rows(self, statement: Select[Any], chosen: Sequence[Col], lang: str,
              enrich: Callable[[Any, list[dict[str, Any]]], None] | None,
              ) -> Iterator[list[Any]]:
        with self.db.read() as session:
            result = session.connection().execute(
                statement.execution_options(yield_per=BATCH))
            keys = list(result.keys())
            if enrich is None:  # rows as they come, values found by position
                where = {key: i for i, key in enumerate(keys)}
                getters = [c.getter(lang, where.__getitem__) for c in chosen]
                for part in result.partitions(BATCH):
                    for row in part:
                        yield [get(row) for get in getters]
                return
            getters = [c.getter(lang) for c in chosen]
            for part in result.partitions(BATCH):
                rows = [dict(zip(keys, r, strict=True)) for r in part]
                enrich(session, rows)
                for row in rows:
                    yield [get(row) for get in getters]


def _lang(lang: Any) -> str:
    return "fa" if lang == "fa" else "en"


def _kind(kind: Any) -> Any:
    if not isinstance(kind, str) or kind not in COLUMNS:
        raise ValidationError(FieldError("kind", "choice"))
    return COLUMNS[kind]


def _choose(columns: Sequence[Col], keys: Sequence[str] | None) -> list[Col]:
    if keys is None:
        return list(columns)
    if isinstance(keys, str | bytes) or not isinstance(keys, Sequence):
        raise ValidationError(FieldError("columns", "invalid"))
    by_key = {c.key: c for c in columns}
    chosen = []
    for key in keys:
        col = by_key.get(key) if isinstance(key, str) else None
        if col is None or col in chosen:
            raise ValidationError(FieldError("columns", "invalid"))
        chosen.append(col)
    if not chosen:
        raise ValidationError(FieldError("columns", "required"))
    return chosen


def _clean_filters(kind: str, filters: Any) -> dict[str, Any]:
    if not isinstance(filters, Mapping):
        raise ValidationError(FieldError("filter", "invalid"))
    cleaned = f.clean(FILTERS[kind], {str(k): v for k, v in filters.items()}, partial=True)
    return {k: v for k, v in cleaned.items() if v is not None}


def _clean_query(kind: str, query: Any) -> ListQuery:
    if not isinstance(query, ListQuery):
        raise ValidationError(FieldError("query", "invalid"))
    text = query.text
    if not isinstance(text, str):
        raise ValidationError(FieldError("text", "invalid"))
    try:
        text.encode()
    except UnicodeEncodeError:  # a lone surrogate: no list can match it
        raise ValidationError(FieldError("text", "invalid")) from None
    sort = query.sort
    if sort is not None and not (isinstance(sort, Sort) and isinstance(sort.key, str)
                                 and isinstance(sort.descending, bool)):
        raise ValidationError(FieldError("sort", "invalid"))
    return ListQuery(filters=_clean_filters(kind, query.filters), text=text, sort=sort,
                     deleted=bool(query.deleted))
