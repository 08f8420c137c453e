"""Date-only tasks (due_all_day, due at the end of their day) and yearly repeats

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30 07:00:00

Tasks added with a date only used to be stored as 09:00 UTC of that date (12:30 in
Tehran), so they showed a time nobody typed and were overdue from 12:30. Such rows (kind
"task", due exactly at 09:00:00 UTC, no reminder, not repeating) become date-only tasks
due at the last instant of that day in the business's time zone (the "time_zone" setting,
Asia/Tehran when there is none). The downgrade puts them back at 09:00 UTC of their day.
"""

import json
import warnings
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from alembic import op

from crm_desktop.db import dialects

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

OLD_RULES = "recurrence IS NULL OR recurrence IN ('daily', 'weekly', 'monthly')"
NEW_RULES = "recurrence IS NULL OR recurrence IN ('daily', 'weekly', 'monthly', 'yearly')"
FORMAT = "%Y-%m-%d %H:%M:%S.%f"


def _zone(conn) -> ZoneInfo:
    raw = conn.exec_driver_sql("SELECT value FROM settings WHERE key = 'time_zone'").scalar()
    try:
        return ZoneInfo(json.loads(raw)) if raw else ZoneInfo("Asia/Tehran")
    except Exception:
        return ZoneInfo("Asia/Tehran")


def _end_of_day(day: date, tz: ZoneInfo) -> datetime:
    nxt = datetime.combine(day + timedelta(days=1), time(0), tzinfo=tz).astimezone(UTC)
    return (nxt - timedelta(microseconds=1)).replace(tzinfo=None)


def _recreate(rules: str, add: bool) -> None:
    """Rebuild activities with the recurrence check `rules` (SQLite cannot alter a CHECK),
    adding or dropping due_all_day. Indexes the copy cannot reflect (expressions, partial
    indexes) are put back exactly as they were."""
    conn = op.get_bind()
    # (PostgreSQL alters the table in place: nothing is rebuilt, no index is lost)
    kept = [] if dialects.is_postgresql() else conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
        "AND tbl_name = 'activities' AND sql IS NOT NULL").fetchall()
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Skipped unsupported reflection")
        with op.batch_alter_table("activities", schema=None) as batch_op:
            if add:
                batch_op.add_column(sa.Column("due_all_day", sa.Boolean(), nullable=False,
                                              server_default="0"))
            else:
                batch_op.drop_column("due_all_day")
            batch_op.drop_constraint(op.f("ck_activities_recurrence_values"), type_="check")
            batch_op.create_check_constraint(op.f("ck_activities_recurrence_values"), rules)
    now = {r[0] for r in conn.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'activities'")
           } if kept else set()
    for name, sql in kept:
        if name not in now:
            conn.exec_driver_sql(sql)


def upgrade() -> None:
    _recreate(NEW_RULES, add=True)
    conn = op.get_bind()
    tz = _zone(conn)
    if dialects.is_postgresql():
        rows = conn.execute(sa.text(
            "SELECT id, due_at FROM activities WHERE kind = 'task' AND due_at IS NOT NULL "
            "AND reminder_at IS NULL AND recurrence IS NULL "
            "AND due_at::time = '09:00:00'")).fetchall()
        for activity_id, due_at in rows:
            conn.execute(sa.text("UPDATE activities SET due_all_day = true, due_at = :at "
                                 "WHERE id = :id"),
                         {"at": _end_of_day(due_at.date(), tz), "id": activity_id})
        return
    rows = conn.exec_driver_sql(
        "SELECT id, due_at FROM activities WHERE kind = 'task' AND due_at IS NOT NULL "
        "AND reminder_at IS NULL AND recurrence IS NULL "
        "AND strftime('%H:%M:%f', due_at) = '09:00:00.000'").fetchall()
    for activity_id, due_at in rows:
        day = date.fromisoformat(str(due_at)[:10])
        conn.exec_driver_sql(
            "UPDATE activities SET due_all_day = 1, due_at = ? WHERE id = ?",
            (_end_of_day(day, tz).strftime(FORMAT), activity_id))


def downgrade() -> None:
    conn = op.get_bind()
    tz = _zone(conn)
    rows = conn.exec_driver_sql(
        "SELECT id, due_at FROM activities WHERE due_all_day AND due_at IS NOT NULL").fetchall()
    for activity_id, due_at in rows:
        instant = datetime.fromisoformat(str(due_at)).replace(tzinfo=UTC)
        day = instant.astimezone(tz).date()
        conn.exec_driver_sql(
            "UPDATE activities SET due_at = ? WHERE id = ?",
            (datetime.combine(day, time(9)).strftime(FORMAT), activity_id))
    # the old schema has no yearly rule: every 12 (Gregorian) months is the nearest one
    conn.exec_driver_sql("UPDATE activities SET recurrence = 'monthly', "
                         "recur_every = recur_every * 12 "
                         "WHERE recurrence = 'yearly' AND recur_every <= 30")
    conn.exec_driver_sql("UPDATE activities SET recurrence = NULL WHERE recurrence = 'yearly'")
    _recreate(OLD_RULES, add=False)
