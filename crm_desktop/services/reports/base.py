"""What every report shares: its definition, the context it runs in, the columns and the
SQL pieces the reports agree on (no Qt).

Definitions shared with the KPIs (README):
* a deal is won / lost when its stage's outcome is won / lost; it was closed when it
  entered that stage: `closed_at`, or, for a deal created straight into a closed stage
  (which records no closing time), when it entered its stage (`stage_changed_at`), as the
  customer segments count it;
* "closed in the period": that instant falls in [first midnight, midnight after the last
  day) of the period on the business's clock (Period.bounds_utc());
* revenue: the sum of the amounts of the won deals closed in the period;
* records in the Trash (deleted_at set) never count.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from crm_desktop.db import models as m
from crm_desktop.domain import clock, rounding
from crm_desktop.domain.charts import ChartData
from crm_desktop.domain.periods import Period
from crm_desktop.export.table import ExportColumn
from crm_desktop.services.deals import _combine, _exact_sum, closed_instant
from crm_desktop.services.kpi_sql import duration_sums, within
from crm_desktop.text import report_texts as rt

Kind = Literal["text", "code", "integer", "money", "rate", "decimal", "date", "datetime"]


@dataclass(frozen=True)
class ReportFilter:
    """A filter a report offers besides the period and the owner: one of the stored
    codes of `choices` (their names: report_texts.VALUE_NAMES[key])."""

    key: str
    choices: tuple[str, ...]

    def title(self, lang: str) -> str:
        return rt.pick(rt.FILTER_TITLES[self.key], lang)

    def options(self, lang: str) -> list[tuple[str, str]]:
        """(code, name) of every choice, in order."""
        return [(c, rt.value_name(self.key, c, lang)) for c in self.choices]


@dataclass(frozen=True)
class Link:
    """The record a report row stands for, which the window can open: (section, id).
    (The records behind a row of figures are a kpi_drill.Drill: a section and its list
    filters.)"""

    section: str
    record_id: int


@dataclass
class Built:
    """What a report's builder returns; the service adds the titles around it."""

    columns: list[ExportColumn]
    rows: list[list[Any]]
    total: list[Any] | None = None
    chart: ChartData | None = None
    #: per row: a Link, a kpi_drill.Drill or None
    links: list[Any] | None = None


@dataclass(frozen=True)
class Context:
    """One run of one report: the period on the business's clock, the owner, the other
    filters (validated), the language."""

    period: Period
    owner_id: int | None
    filters: Mapping[str, str]
    lang: str
    start: datetime = field(init=False)
    end: datetime = field(init=False)
    #: now, for "overdue" (the moment the report was asked for)
    now: datetime = field(default_factory=lambda: clock.now_utc())

    def __post_init__(self) -> None:
        start, end = self.period.bounds_utc()
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)

    @property
    def fa(self) -> bool:
        return self.lang == "fa"

    def col(self, key: str, kind: Kind, width: int | None = None) -> ExportColumn:
        title = (rt.money_title(key, self.lang) if kind == "money"
                 else rt.column_title(key, self.lang))
        return ExportColumn(key, title, kind, width)

    def text(self, key: str, **params: object) -> str:
        return rt.other_text(key, self.lang, **params)

    def name(self, kind: str, code: str | None) -> str:
        return rt.value_name(kind, code, self.lang)

    def in_period(self, column: Any) -> Any:
        """`column` (a UTC instant) falls in the period: kpi_sql.within."""
        return within(column, (self.start, self.end))


Builder = Callable[[Session, Context], Built]


@dataclass(frozen=True)
class ReportDef:
    name: str
    title_en: str
    title_fa: str
    builder: Builder
    #: the filters besides the period and the owner (every report has those two)
    filters: tuple[ReportFilter, ...] = ()
    #: what the owner filter means for this report (for the README and the window)
    owner_means: str = ""
    #: the longest period the report accepts, in days (None: any)
    max_days: int | None = None

    def title(self, lang: str) -> str:
        return self.title_fa if lang == "fa" else self.title_en


# -- shared SQL and arithmetic (the KPIs' own: services/kpi_sql.py, domain/rounding.py) ----
def closed_at() -> Any:
    """When a deal was closed (see the module docstring; deals.closed_instant)."""
    return closed_instant()


def closed_deals(ctx: Context, *outcomes: str) -> Any:
    """The conditions of "a live deal in a stage with one of `outcomes`, closed in the
    period" (and of the owner, when the report is for one)."""
    d, s = m.Deal, m.PipelineStage
    where = [d.deleted_at.is_(None),
             d.stage_id.in_(select(s.id).where(s.outcome.in_(outcomes))),
             ctx.in_period(closed_at())]
    if ctx.owner_id is not None:
        where.append(d.owner_id == ctx.owner_id)
    return where


def counted(condition: Any) -> Any:
    """How many rows meet `condition` (an aggregate)."""
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def exact_sum(expr: Any, name: str) -> tuple[Any, Any]:
    """sum(expr) in two exact parts (deals._exact_sum); add them with `combined`."""
    return _exact_sum(expr, name)


def combined(hi: Any, lo: Any) -> int:
    return _combine(hi or 0, lo or 0)


def durations(condition: Any, end: Any, start: Any, name: str) -> tuple[Any, Any]:
    """The exact sum of end - start over the rows meeting `condition`, in two parts
    (seconds, microseconds): kpi_sql.duration_sums. Add them with `micros`."""
    return duration_sums(condition, end, start, name)


def micros(seconds: Any, microseconds: Any) -> int:
    return int(seconds or 0) * 1_000_000 + int(microseconds or 0)


def owner_names(session: Session) -> dict[int, str]:
    return {uid: name for uid, name in
            session.execute(select(m.User.id, m.User.display_name))}


#: a fraction 0..1 with 4 decimals (None for 0 / 0), as the KPIs give their rates
ratio = rounding.rate
#: an average in whole Rials, half up (None for nothing)
half_up = rounding.average_rial
#: an average of satisfaction scores with 2 decimals
two_decimals = rounding.average_score
#: an average duration in hours with 1 decimal, from microseconds
hours_average = rounding.average_hours


def local_day(value: Any) -> date | None:
    """The business day of a stored instant (text or datetime) read from an aggregate."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return clock.local_day(value)


def total_row(columns: Sequence[ExportColumn], label: str, **values: Any) -> list[Any]:
    """A total row: `label` in the first column, `values` by column key, None elsewhere."""
    row: list[Any] = [values.get(c.key) for c in columns]
    row[0] = label
    return row
