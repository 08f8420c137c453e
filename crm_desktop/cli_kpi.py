"""`crm-desktop kpi`: the KPIs of a Jalali period next to the period before it (the rest of
the command line is in cli.py, which registers this through `add_parsers`).

    crm-desktop kpi --db PATH --period P [--owner ID] [--json]

P is 1405, 1405-Q3, 1405-07 or 1405-07-01..1405-09-30 (Latin or Persian digits). JSON:
{"period": {"start", "end"}, "previous": {"start", "end"}, "kpis": {NAME: value},
"previous_kpis": {NAME: value}}, Gregorian ISO dates with both ends included, every KPI of
services/kpis.py by name; rates are numbers from 0 to 1, money whole Rials, null where a
KPI has nothing to divide. Only reads (a read-only file is opened without changing it).
"""

from __future__ import annotations

import argparse
import json
from decimal import Decimal
from typing import Any

from crm_desktop.cli import EXIT_OK, UsageError, _core_for_reading, _db_path, _say


def add_parsers(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Register `kpi` on the main parser's subcommands."""
    p = sub.add_parser("kpi", parents=[common],
                       help="the KPIs of a Jalali period next to the period before it")
    p.add_argument("--period", required=True, metavar="P",
                   help="1405, 1405-Q3, 1405-07 or 1405-07-01..1405-09-30 (Latin or Persian "
                        "digits; days on the business's clock, both ends included)")
    p.add_argument("--owner", metavar="ID", default=None,
                   help="only this user's records (the contact's or deal's owner, the "
                        "ticket's assignee: see the README's KPI table)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_kpi)


def parse_owner(text: str | None) -> int | None:
    """`--owner` as typed (Latin or Persian digits) -> a user id; UsageError otherwise."""
    from crm_desktop.services.fields import is_id
    from crm_desktop.text.digits import strip_bidi, to_ascii_digits

    if text is None:
        return None
    digits = to_ascii_digits(strip_bidi(text)).strip()
    owner = int(digits) if digits.isascii() and digits.isdigit() and len(digits) < 20 else 0
    if not is_id(owner):
        raise UsageError(f"--owner {text!r} is not a user id (a whole number such as 2)")
    return owner


def parse_period_arg(text: str) -> Any:
    """`--period` -> (the Period, the one before it); UsageError naming the problem."""
    from crm_desktop.domain.periods import parse_period
    from crm_desktop.services.kpi_sql import previous_or_none
    from crm_desktop.text.messages import MESSAGES
    from crm_desktop.text.validate import InvalidValue

    try:
        period = parse_period(text)
    except InvalidValue:
        raise UsageError(f"--period {text!r} is not a period: "
                         f"{MESSAGES['period.invalid'][0]}") from None
    if previous_or_none(period) is None:
        raise UsageError(f"--period {text!r}: the period before it falls before 1300, the "
                         "first year periods cover; choose a later period")
    return period


def cmd_kpi(args: argparse.Namespace) -> int:
    from crm_desktop.domain.errors import ValidationError

    period = parse_period_arg(args.period)
    owner = parse_owner(args.owner)
    path = _db_path(args)
    with _core_for_reading(path) as core:
        try:
            result = core.kpis.compare(period, owner)
        except ValidationError as exc:
            if exc.fields == ["owner_id"]:
                raise UsageError(f"--owner {args.owner}: no user has this id in {path}"
                                 ) from None
            raise
        unit = core.settings.display_unit
    if args.json:
        _say(json.dumps(as_json(result), ensure_ascii=False, indent=1))
    else:
        for line in table(result, unit, owner):
            _say(line)
    return EXIT_OK


def as_json(result: Any) -> dict[str, Any]:
    """The command's JSON: periods as Gregorian ISO dates, Decimals as numbers."""
    def span(p: Any) -> dict[str, str]:
        return {"start": p.start.isoformat(), "end": p.end.isoformat()}

    def values(kpis: dict[str, Any]) -> dict[str, Any]:
        return {k: float(v) if isinstance(v, Decimal) else v for k, v in kpis.items()}

    return {"period": span(result.period), "previous": span(result.previous),
            "kpis": values(result.kpis), "previous_kpis": values(result.previous_kpis)}


def show(kind: str, value: Any, unit: str) -> str:
    """One value as the table prints it: counts and money with thousands separators, rates
    as percentages, hours with their unit, "-" for none."""
    from crm_desktop.text.money import format_money

    if value is None:
        return "-"
    if kind == "count":
        return f"{value:,}"
    if kind == "money":
        return format_money(value, unit, persian=False)
    if kind == "rate":
        return f"{value * 100:.2f}%"
    if kind == "hours":
        return f"{value} h"
    return str(value)


def table(result: Any, unit: str, owner: int | None) -> list[str]:
    """An aligned table: KPI, this period, the period before."""
    from crm_desktop.services.kpis import KPIS

    def head(p: Any) -> str:
        return f"{p.label('en')} ({p.start.isoformat()}..{p.end.isoformat()})"

    rows = [("KPI", result.period.label("en"), result.previous.label("en"))]
    rows += [(k.title_en, show(k.kind, result.kpis[k.name], unit),
              show(k.kind, result.previous_kpis[k.name], unit)) for k in KPIS]
    w0 = max(len(r[0]) for r in rows)
    w1 = max(len(r[1]) for r in rows)
    w2 = max(len(r[2]) for r in rows)
    lines = [f"{head(result.period)}, previous period {head(result.previous)}"]
    if owner is not None:
        lines.append(f"records of user {owner} only")
    lines.append("")
    for i, (title, now, before) in enumerate(rows):
        lines.append(f"{title:<{w0}}  {now:>{w1}}  {before:>{w2}}".rstrip())
        if i == 0:
            lines.append(f"{'-' * w0}  {'-' * w1}  {'-' * w2}")
    return lines

