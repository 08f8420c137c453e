"""One clock for the whole program: the business's time zone (a setting, Asia/Tehran by
default), date-only tasks due at the end of their day, and the agenda / CLI / PDF that
agree with it."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import tomllib
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from crm_desktop.core import Core
from crm_desktop.db.migrate import open_database
from crm_desktop.domain import clock
from crm_desktop.domain.errors import ValidationError
from crm_desktop.export.pdf.agenda import _time_cell
from crm_desktop.export.pdf.proforma import fa
from crm_desktop.services.agenda import agenda
from tests.integration.db.alembic_steps import downgrade, upgrade

ROOT = Path(__file__).resolve().parents[3]
TEHRAN = ZoneInfo("Asia/Tehran")
DAY = date(2026, 11, 24)


def tehran(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=TEHRAN).astimezone(UTC)


def cli(*args: str, env_dir: Path, tz: str = "UTC") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CRM_DESKTOP_DATA_DIR": str(env_dir), "PYTHONIOENCODING": "utf-8",
           "TZ": tz}
    return subprocess.run([sys.executable, "-m", "crm_desktop", *args], capture_output=True,
                          text=True, env=env, timeout=120, check=False)


# -- date-only tasks -------------------------------------------------------------------------
def test_a_date_only_task_is_due_at_the_end_of_its_business_day(core: Any) -> None:
    task = core.activities.create({"kind": "task", "subject": "ارسال کاتالوگ",
                                   "due_at": tehran(DAY, 0, 5), "due_all_day": True})
    row = core.activities.get(task)
    assert row["due_all_day"] is True
    # the last instant of 24 Nov in Tehran (+03:30), whatever instant of the day was given
    assert row["due_at"] == datetime(2026, 11, 24, 20, 29, 59, 999999, tzinfo=UTC)
    assert clock.local_day(row["due_at"]) == DAY
    # another instant of the same day gives the same due time
    core.activities.update(task, {"due_at": tehran(DAY, 23, 50)})
    assert core.activities.get(task)["due_at"] == row["due_at"]


def test_a_date_only_task_is_not_overdue_before_its_day_ends(core: Any) -> None:
    """The agenda's status is what the lists, the CLI and the PDF show."""
    core.activities.create({"kind": "task", "subject": "گزارش ماهانه",
                            "due_at": tehran(DAY, 12), "due_all_day": True})

    def status(now: datetime) -> str:
        items = [i for i in agenda(core.activities, core.contacts, DAY, now=now)
                 if i.subject == "گزارش ماهانه"]
        assert len(items) == 1 and items[0].all_day
        return items[0].status

    assert status(tehran(DAY, 12, 31)) == "open"  # was overdue from 12:30 (09:00 UTC)
    assert status(tehran(DAY, 23, 59)) == "open"
    assert status(tehran(DAY + timedelta(days=1), 0, 0)) == "overdue"
    # the next day it is carried over as overdue, still without a time
    carried = agenda(core.activities, core.contacts, DAY + timedelta(days=1),
                     now=tehran(DAY + timedelta(days=1), 9))
    assert [(i.kind, i.all_day) for i in carried] == [("overdue", True)]


def test_the_overdue_filter_agrees(core: Any) -> None:
    today = clock.today()
    due_today = core.activities.create({"kind": "task", "subject": "امروز",
                                        "due_at": clock.at(today, time(0)),
                                        "due_all_day": True})
    yesterday = core.activities.create({"kind": "task", "subject": "دیروز",
                                        "due_at": clock.at(today - timedelta(days=1), time(0)),
                                        "due_all_day": True})
    from crm_desktop.services.base import ListQuery

    overdue = {r["id"] for r in core.activities.list(ListQuery(
        filters={"state": "overdue"})).rows}
    assert yesterday in overdue and due_today not in overdue


def test_agenda_cli_and_pdf_show_no_time_for_a_date_only_task(core: Any, tmp_path: Path
                                                              ) -> None:
    core.activities.create({"kind": "task", "subject": "پیگیری قرارداد",
                            "due_at": tehran(DAY, 9), "due_all_day": True})
    core.activities.create({"kind": "call", "subject": "تماس", "due_at": tehran(DAY, 10, 53)})
    path = core.db.name  # the file, or postgresql://... (--pg)
    items = agenda(core.activities, core.contacts, DAY, now=tehran(DAY, 8))
    # the date-only task comes before the timed items, and the PDF cell says "all day"
    assert [i.subject for i in items] == ["پیگیری قرارداد", "تماس"]
    assert _time_cell(items[0], DAY) == fa("تمام روز")
    assert _time_cell(items[1], DAY) == "۱۰:۵۳"
    core.close()
    proc = cli("agenda", "--db", str(path), "--date", DAY.isoformat(), env_dir=tmp_path)
    assert proc.returncode == 0, proc.stderr
    lines = [line.split("\t") for line in proc.stdout.splitlines()]
    assert [(w, s) for w, _k, _st, s, _c in lines] == [
        ("all day", "پیگیری قرارداد"), ("2026-11-24 10:53", "تماس")]
    proc = cli("agenda", "--db", str(path), "--date", DAY.isoformat(), "--json",
               env_dir=tmp_path)
    assert [i["all_day"] for i in json.loads(proc.stdout)] == [True, False]


# -- the business's time zone ----------------------------------------------------------------
def test_time_zone_setting_defaults_to_tehran_and_is_applied_on_open(db_path: Path,
                                                                      tmp_path: Path) -> None:
    with Core.open(db_path) as core:
        assert core.settings.time_zone() == "Asia/Tehran"
        assert clock.business_tz().key == "Asia/Tehran"
        with pytest.raises(ValidationError) as err:
            core.settings.set_time_zone("Mars/Olympus_Mons")
        assert err.value.fields == ["time_zone"]
        for hostile in ("", "../../etc/passwd", "\x00", 5, None, "x" * 10_000):
            with pytest.raises(ValidationError):
                core.settings.set_time_zone(hostile)
        core.activities.create({"kind": "meeting", "subject": "New York",
                                "due_at": datetime(2026, 11, 24, 14, tzinfo=UTC)})
        core.settings.set_time_zone("America/New_York")
        assert clock.business_tz().key == "America/New_York"
    clock.set_business_tz(clock.DEFAULT_TZ)
    with Core.open(db_path) as core:
        assert core.settings.time_zone() == "America/New_York"
        assert clock.business_tz().key == "America/New_York"
        # 14:00 UTC is 09:00 in New York: the business's day and time
        items = agenda(core.activities, core.contacts, DAY)
        assert [clock.local(i.time).strftime("%H:%M") for i in items] == ["09:00"]
    # the command line reads the same setting, whatever the computer's zone
    proc = cli("agenda", "--db", str(db_path), "--date", DAY.isoformat(), env_dir=tmp_path,
               tz="Asia/Tehran")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("2026-11-24 09:00\tmeeting")


def test_changing_the_zone_keeps_date_only_tasks_on_their_day(core: Any) -> None:
    task = core.activities.create({"kind": "task", "subject": "روز", "due_at": tehran(DAY, 9),
                                   "due_all_day": True})
    timed = core.activities.create({"kind": "call", "subject": "ساعت",
                                    "due_at": tehran(DAY, 9)})
    core.settings.set_time_zone("America/Los_Angeles")
    row = core.activities.get(task)
    assert clock.local_day(row["due_at"]) == DAY
    assert row["due_at"] == clock.end_of_day(DAY, ZoneInfo("America/Los_Angeles"))
    assert core.activities.get(timed)["due_at"] == tehran(DAY, 9)  # an instant stays put


def test_sla_hours_follow_the_business_zone(core: Any) -> None:
    from crm_desktop.services.sla import is_working_moment

    monday_9_utc = datetime(2026, 11, 23, 9, tzinfo=UTC)  # 12:30 Tehran, 04:00 New York
    assert is_working_moment(monday_9_utc)
    core.settings.set_time_zone("America/New_York")
    assert not is_working_moment(monday_9_utc)


# -- the time-zone database --------------------------------------------------------------------
def test_tzdata_is_a_dependency_and_enough_without_a_system_database(tmp_path: Path) -> None:
    """A computer without a time-zone database (Windows) still starts: zoneinfo falls back
    to the tzdata package."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert any(d.startswith("tzdata") for d in project["project"]["dependencies"])
    code = ("import zoneinfo; assert zoneinfo.TZPATH == (), zoneinfo.TZPATH\n"
            "import crm_desktop.core\n"
            "from crm_desktop.domain import clock\n"
            "print(clock.business_tz().key, clock.local_day(__import__('datetime').datetime("
            "2026, 11, 24, 21, tzinfo=__import__('datetime').UTC)))")
    env = {**os.environ, "PYTHONTZPATH": "", "CRM_DESKTOP_DATA_DIR": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["Asia/Tehran", "2026-11-25"]


# -- migration 0006 ----------------------------------------------------------------------------
def test_0006_turns_old_date_only_tasks_into_all_day_ones(db_path: Path) -> None:
    upgrade(db_path, "0003")
    conn = sqlite3.connect(db_path)
    stamp = "'2026-01-01 00:00:00.000000', '2026-01-01 00:00:00.000000'"
    conn.executescript(f"""
        INSERT INTO activities (id, kind, subject, due_at, created_at, updated_at) VALUES
          (1, 'task', 'old date-only task', '2026-11-24 09:00:00.000000', {stamp}),
          (2, 'meeting', 'a meeting at 12:30', '2026-11-24 09:00:00.000000', {stamp}),
          (3, 'task', 'a task at 10:00', '2026-11-24 06:30:00.000000', {stamp});
        INSERT INTO activities (id, kind, subject, due_at, recurrence, created_at, updated_at)
          VALUES (4, 'task', 'repeating', '2026-11-24 09:00:00.000000', 'weekly', {stamp});
    """)
    conn.commit()
    conn.close()

    open_database(db_path).close()  # upgrades to the head

    conn = sqlite3.connect(db_path)
    rows = conn.execute("SELECT id, due_all_day, due_at FROM activities ORDER BY id").fetchall()
    assert rows == [
        (1, 1, "2026-11-24 20:29:59.999999"),  # the end of 24 Nov in Tehran
        (2, 0, "2026-11-24 09:00:00.000000"),
        (3, 0, "2026-11-24 06:30:00.000000"),
        (4, 0, "2026-11-24 09:00:00.000000"),
    ]
    # the copy of the table kept every index, the expression indexes included
    indexes = {r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'activities'")}
    assert {"ix_activities_due_sort", "ix_activities_done_due", "ix_activities_due_at",
            "ix_activities_reminder_at"} <= indexes
    conn.execute("UPDATE activities SET recurrence = 'yearly' WHERE id = 4")
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("UPDATE activities SET recurrence = 'hourly' WHERE id = 4")
    conn.commit()
    conn.close()

    downgrade(db_path, "0003")
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT id, due_at, recurrence, recur_every FROM activities "
                        "WHERE id IN (1, 4) ORDER BY id").fetchall() == [
        (1, "2026-11-24 09:00:00.000000", None, 1),
        (4, "2026-11-24 09:00:00.000000", "monthly", 12)]
    assert "due_all_day" not in {r[1] for r in conn.execute("PRAGMA table_info(activities)")}
    conn.close()


def test_all_day_needs_a_due_date(core: Any) -> None:
    task = core.activities.create({"kind": "task", "subject": "بی‌تاریخ", "due_all_day": True})
    assert core.activities.get(task)["due_all_day"] is False
    core.activities.update(task, {"due_at": tehran(DAY, 8), "due_all_day": True})
    assert core.activities.get(task)["due_at"] == clock.end_of_day(DAY)
    core.activities.update(task, {"due_at": None})
    row = core.activities.get(task)
    assert row["due_at"] is None and row["due_all_day"] is False
    with pytest.raises(ValidationError) as err:
        core.activities.create({"kind": "task", "subject": "x", "due_all_day": "yes"})
    assert err.value.fields == ["due_all_day"]
