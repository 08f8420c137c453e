"""`crm-desktop club`: the customer club's tier sizes and the points outstanding (the rest
of the command line is in cli.py, which registers this through `add_parsers`).

    crm-desktop club --db PATH [--json]

JSON: {"enabled": bool, "basis": "points" | "spend", "tiers": [{"tier", "name",
"count"}] lowest tier first and members below the lowest tier last (tier null),
"members": n, "outstanding_points": n, "outstanding_rial": n (the points at the value
one point has as a discount)}. Only reads (a read-only file is opened without changing it).
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from crm_desktop.cli import EXIT_OK, _core_for_reading, _db_path, _say


def add_parsers(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Register `club` on the main parser's subcommands."""
    p = sub.add_parser("club", parents=[common],
                       help="the customer club: members per tier and points outstanding")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_club)


def summary(core: Any) -> dict[str, Any]:
    settings = core.club.settings()
    sizes = core.club.tier_sizes()
    points = core.club.outstanding()
    return {"enabled": settings["enabled"], "basis": settings["basis"], "tiers": sizes,
            "members": sum(s["count"] for s in sizes), "outstanding_points": points,
            "outstanding_rial": points * settings["point_value_rial"]}


def cmd_club(args: argparse.Namespace) -> int:
    from crm_desktop.text.money import format_money

    path = _db_path(args)
    with _core_for_reading(path) as core:
        out = summary(core)
        unit = core.settings.display_unit
    if args.json:
        _say(json.dumps(out, ensure_ascii=False, indent=1))
        return EXIT_OK
    _say(f"club {'on' if out['enabled'] else 'off'}, tiers by {out['basis']}")
    for row in out["tiers"]:
        name = f"{row['tier']} ({row['name']})" if row["tier"] else "below the lowest tier"
        _say(f"{name}\t{row['count']:,}")
    _say(f"members\t{out['members']:,}")
    _say(f"points outstanding\t{out['outstanding_points']:,}\t"
         f"{format_money(out['outstanding_rial'], unit, persian=False)}")
    return EXIT_OK
