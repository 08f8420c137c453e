"""The appointment reminder, appointment feedback, satisfaction, follow-up and lead
assignment rules at 100,000 contacts: what each finds due (the engine's plan: the kind's
look, the log, the conditions, the texts) and when it is next due (the rules page), next
to a bare program doing the kind's read with sqlite3.

    python -m bench.bench_kinds [--contacts 100000] [--repeat 5]   (from the project folder)

Works on a copy of bench/out/demo-N.sqlite3 (bench_dbs.py builds it), with these rules
switched on a week ago (lead assignment between the first user and itself).
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import tempfile
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bench.bench_automation import median_ms

TEHRAN = ZoneInfo("Asia/Tehran")
KINDS = ("appointment_reminder", "appointment_feedback", "satisfaction", "follow_up",
         "lead_assignment")
APPOINTMENT = ("a.due_at IS NOT NULL AND a.due_all_day = 0 AND (a.kind = 'meeting' OR "
               "a.duration_minutes > 0) AND a.contact_id IS NOT NULL")


def sql_time(value: datetime) -> str:
    return str(value.replace(tzinfo=None))


def bare(path: Path, kind: str, now: datetime, since: datetime) -> int:
    """The kind's read by hand: the rows it looks at (live contacts, unscored records,
    open deals' last touch), without the log, the conditions or the texts."""
    conn = sqlite3.connect(path)
    try:
        if kind == "appointment_reminder":
            rows = conn.execute(
                f"SELECT a.id, a.due_at FROM activities a JOIN contacts c ON c.id = "
                f"a.contact_id AND c.deleted_at IS NULL WHERE {APPOINTMENT} AND a.done_at "
                "IS NULL AND a.recurrence IS NULL AND a.due_at > ? AND a.due_at <= ?",
                (sql_time(now), sql_time(now + timedelta(hours=24)))).fetchall()
        elif kind == "appointment_feedback":
            rows = conn.execute(
                f"SELECT a.id FROM activities a JOIN contacts c ON c.id = a.contact_id AND "
                f"c.deleted_at IS NULL WHERE {APPOINTMENT} AND a.done_at > ? AND "
                "a.done_at <= ?", (sql_time(since - timedelta(hours=2)),
                                   sql_time(now - timedelta(hours=2)))).fetchall()
        elif kind == "satisfaction":  # 1 day after, at 10:00 Tehran (never before)
            lo, hi = sql_time(since - timedelta(days=3)), sql_time(now)
            closed = conn.execute(
                "SELECT t.closed_at FROM tickets t JOIN contacts c ON c.id = t.contact_id "
                "AND c.deleted_at IS NULL WHERE t.closed_at > ? AND t.closed_at <= ? AND "
                "t.deleted_at IS NULL AND t.satisfaction IS NULL", (lo, hi)).fetchall()
            closed += conn.execute(
                "SELECT coalesce(d.closed_at, d.stage_changed_at) FROM deals d JOIN "
                "pipeline_stages s ON s.id = d.stage_id JOIN contacts c ON c.id = "
                "d.contact_id AND c.deleted_at IS NULL WHERE s.outcome = 'won' AND "
                "coalesce(d.closed_at, d.stage_changed_at) > ? AND coalesce(d.closed_at, "
                "d.stage_changed_at) <= ? AND d.deleted_at IS NULL AND d.satisfaction IS "
                "NULL", (lo, hi)).fetchall()
            rows = []
            for (text,) in closed:
                at = datetime.fromisoformat(text).replace(tzinfo=UTC)
                day = at.astimezone(TEHRAN).date() + timedelta(days=1)
                due = max(datetime.combine(day, time(10), TEHRAN).astimezone(UTC), at)
                if since < due <= now:
                    rows.append(due)
        elif kind == "follow_up":
            # quiet for 7 days, the spell due after the rule was switched on (a week ago)
            quiet, on = sql_time(now - timedelta(days=7)), sql_time(now - timedelta(days=14))
            rows = [r for r in conn.execute(
                "SELECT d.id, max(d.stage_changed_at, coalesce(t.done, ''), "
                "coalesce(t.written, '')) AS began FROM deals d JOIN pipeline_stages s ON "
                "s.id = d.stage_id LEFT JOIN (SELECT a.deal_id, max(a.done_at) AS done, "
                "max(CASE WHEN a.id NOT IN (SELECT activity_id FROM automation_log WHERE "
                "activity_id IS NOT NULL) THEN a.created_at END) AS written FROM "
                "activities a WHERE a.deal_id IS NOT NULL GROUP BY a.deal_id) t ON "
                "t.deal_id = d.id WHERE s.outcome = 'open' AND d.deleted_at IS NULL")
                if on < r[1] <= quiet]
        else:
            rows = conn.execute(
                "SELECT c.id FROM contacts c WHERE +c.lifecycle_stage = 'lead' AND "
                "c.deleted_at IS NULL AND c.created_at > ? AND c.created_at <= ? AND "
                "(c.owner_id IS NULL OR c.owner_id = c.created_by_id)",
                (sql_time(since), sql_time(now))).fetchall()
        return len(rows)
    finally:
        conn.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--contacts", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    from bench.bench_dbs import database
    from crm_desktop.core import Core
    from crm_desktop.db import models as m
    from crm_desktop.db.types import utcnow
    from crm_desktop.services.automation import engine
    from crm_desktop.services.automation.kinds import registry

    folder = Path(tempfile.mkdtemp(prefix="crm-bench-kinds-"))
    path = folder / "crm.sqlite3"
    shutil.copyfile(database(args.contacts), path)
    now = utcnow()
    with Core.open(path) as core:
        rules = {r["kind"]: r["id"] for r in core.automation.rules() if r["kind"] in KINDS}
        core.automation.update_rule(rules["lead_assignment"], {"settings": {"users": [1]}})
        with core.db.write() as session:
            for rule_id in rules.values():
                rule = session.get(m.AutomationRule, rule_id)
                rule.enabled, rule.enabled_at = True, now - timedelta(days=7)
        print(f"{args.contacts:,} contacts; median of {args.repeat} runs, ms")
        print(f"{'what':38} {'crm':>8} {'bare':>8} {'found':>7} {'bare found':>10}")
        for kind in KINDS:
            with core.db.read() as session:
                rule = session.get(m.AutomationRule, rules[kind])
                spec = engine.spec_of(rule)
                since = engine.window_start(spec, now)
                crm = median_ms(lambda s=session, r=rule: engine.plan(s, r, now), args.repeat)
                found = len(engine.plan(session, rule, now)[1])
                nxt = median_ms(lambda s=session, sp=spec, k=kind: registry.kind(k).next_due(
                    s, sp, now), args.repeat)
            raw = median_ms(lambda k=kind, s=since: bare(path, k, now, s), args.repeat)
            print(f"{kind + ' (what is due)':38} {crm:8.1f} {raw:8.1f} {found:7,} "
                  f"{bare(path, kind, now, since):10,}")
            print(f"{kind + ' (next due)':38} {nxt:8.1f}")
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
