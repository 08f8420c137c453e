"""Reports (no Qt): each a table with a total row, for a Jalali period, an owner and the
report's own filters, and a chart where one helps.

    service = ReportService(db)
    report = service.run("sales-by-owner", parse_period("1405-Q3"), owner_id=2, lang="fa")
    report.table   # ExportTable: typed columns, rows (a list), total row, title lines
    report.chart   # ChartData or None (categories in the rows' order, see domain/charts)

What each report counts is written next to its query (sales.py, operations.py); what they
share (won, closed in the period, revenue, the Trash) in base.py. The same definitions as
the KPIs where they meet. Every figure is computed by aggregate SQL in one read
transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from crm_desktop.db import models as m
from crm_desktop.db.engine import Database
from crm_desktop.domain.charts import ChartData
from crm_desktop.domain.enums import (
    ActivityKind,
    CampaignChannel,
    CampaignStatus,
    ContactSource,
    LifecycleStage,
    TicketCategory,
    TicketChannel,
    TicketPriority,
)
from crm_desktop.domain.errors import FieldError, ValidationError
from crm_desktop.domain.periods import Period
from crm_desktop.export.table import ExportTable
from crm_desktop.services import fields as f
from crm_desktop.services.kpi_sql import check_owner
from crm_desktop.services.reports import operations, sales
from crm_desktop.services.reports.base import Context, Link, ReportDef, ReportFilter
from crm_desktop.services.settings import SettingsService
from crm_desktop.text import report_texts as rt
from crm_desktop.text.validate import InvalidValue

__all__ = ["REPORTS", "Link", "Report", "ReportDef", "ReportFilter", "ReportService",
           "report_def"]


def _choices(key: str, enum: Any, reverse: bool = False) -> ReportFilter:
    values = tuple(e.value for e in enum)
    return ReportFilter(key, tuple(reversed(values)) if reverse else values)


def _def(name: str, builder: Any, *filters: ReportFilter, owner: str,
         max_days: int | None = None) -> ReportDef:
    en, fa = rt.REPORT_TITLES[name]
    return ReportDef(name, en, fa, builder, filters, owner, max_days)


#: every report, in the order the window lists them
REPORTS: tuple[ReportDef, ...] = (
    _def("sales-by-owner", sales.sales_by_owner, owner="the deal's owner"),
    _def("sales-by-product", sales.sales_by_product, owner="the proforma's owner"),
    _def("sales-by-source", sales.sales_by_source, _choices("source", ContactSource),
         owner="the deal's owner; for new contacts, the contact's"),
    _def("lost-reasons", sales.lost_reasons, owner="the deal's owner"),
    _def("campaigns", operations.campaigns, _choices("channel", CampaignChannel),
         _choices("status", CampaignStatus), owner="the campaign's owner"),
    _def("tickets-sla", operations.tickets_sla, _choices("category", TicketCategory),
         _choices("priority", TicketPriority, reverse=True),
         _choices("ticket_channel", TicketChannel), owner="the ticket's owner"),
    _def("activities-by-owner", operations.activities_by_owner,
         _choices("kind", ActivityKind), owner="the activity's owner"),
    _def("birthdays", operations.birthdays, owner="the contact's owner",
         max_days=operations.BIRTHDAY_DAYS),
    _def("customers", sales.customers, _choices("stage", LifecycleStage),
         owner="the contact's owner"),
)
_BY_NAME = {r.name: r for r in REPORTS}


def report_def(name: str) -> ReportDef:
    """The report called `name`; ValidationError on "report" for any other name."""
    if not isinstance(name, str) or name not in _BY_NAME:
        raise ValidationError(FieldError("report", "choice"))
    return _BY_NAME[name]


@dataclass
class Report:
    """One run of a report: what was asked, the table and the chart."""

    definition: ReportDef
    period: Period
    owner_id: int | None
    filters: dict[str, str]
    lang: str
    table: ExportTable
    chart: ChartData | None
    #: per row, what the window can open for it: the record it stands for (a Link), the
    #: records behind its figures (a kpi_drill.Drill: a section and its list filters), or
    #: None
    links: list[Any] = field(default_factory=list)
    #: the company's name (Settings), also the last subtitle line of the table
    company: str = ""

    @property
    def name(self) -> str:
        return self.definition.name

    @property
    def rows(self) -> list[list[Any]]:
        return self.table.rows  # type: ignore[return-value]


def _clean_filters(definition: ReportDef, filters: dict[str, Any]) -> dict[str, str]:
    """The report's own filters, validated: an unknown key or a value that is not one of
    the choices is a ValidationError naming the filter; an empty value means "all"."""
    def convert(choices: tuple[str, ...]) -> Any:
        def check(value: Any) -> str:
            if not isinstance(value, str) or value not in choices:
                raise InvalidValue("choice")
            return value
        return check

    specs = {flt.key: f.Field(convert(flt.choices)) for flt in definition.filters}
    cleaned = f.clean(specs, filters, partial=True)
    return {k: v for k, v in cleaned.items() if v is not None}


class ReportService:
    """The reports. A role with REPORTS_OWN only gets each report over its own records
    (the owner each ReportDef names: the deal's, the proforma's, the campaign's, the
    ticket's, the activity's, the contact's), as if the owner filter were set to itself."""

    def __init__(self, db: Database, actor_id: int | None = None):
        self.db = db
        self.actor_id = actor_id

    @staticmethod
    def definitions() -> tuple[ReportDef, ...]:
        return REPORTS

    def run(self, name: str, period: Period, *, owner_id: int | None = None,
            lang: str = "fa", **filters: Any) -> Report:
        """Run report `name` for `period` (and `owner_id`, and the report's own filters:
        see its ReportDef.filters) with its texts in `lang` ("fa" or "en"). Only reads.
        Bad input is a ValidationError naming the report, the period, the owner (owner_id:
        not an id, or no such user) or the filter."""
        definition = report_def(name)
        lang = "fa" if lang == "fa" else "en"
        errors: list[FieldError] = []
        if not isinstance(period, Period):
            errors.append(FieldError("period", "period.invalid"))
        elif definition.max_days is not None and period.days > definition.max_days:
            errors.append(FieldError("period", "period.too_long",
                                     {"max": definition.max_days}))
        if owner_id is not None and not f.is_id(owner_id):
            errors.append(FieldError("owner_id", "invalid"))
        try:
            cleaned = _clean_filters(definition, filters)
        except ValidationError as exc:
            errors += exc.errors
        if errors:
            raise ValidationError(errors)
        with self.db.read() as session:
            # "not_found" for no such user; REPORTS_OWN: the actor's own records
            owner_id = check_owner(session, owner_id, self.actor_id)
            built = definition.builder(session, Context(period, owner_id, cleaned, lang))
            owner = session.get(m.User, owner_id) if owner_id is not None else None
            owner_name = owner.display_name if owner is not None else None
        company = SettingsService(self.db).company().get("name") or ""
        lines = [rt.other_text("period", lang, label=period.label(lang))]
        if owner_id is not None:
            lines.append(rt.other_text("filter", lang, name=rt.pick(rt.FILTER_TITLES["owner_id"],
                                                                    lang),
                                       value=owner_name or f"#{owner_id}"))
        for flt in definition.filters:
            if flt.key in cleaned:
                lines.append(rt.other_text("filter", lang, name=flt.title(lang),
                                           value=rt.value_name(flt.key, cleaned[flt.key],
                                                               lang)))
        if company:
            lines.append(company)
        table = ExportTable(built.columns, built.rows, len(built.rows), built.total,
                            definition.title(lang), tuple(lines), lang)
        links = built.links if built.links is not None else [None] * len(built.rows)
        return Report(definition, period, owner_id, cleaned, lang, table, built.chart, links,
                      company)
