"""How the audit walk checks a write: snapshots of every table before and after, and the
audit rows the write left, compared record by record (used by test_audit_walk.py)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select

from crm_desktop.core import Core
from crm_desktop.db import models as m
from crm_desktop.services.settings import DEFAULTS

DERIVED = {"search_name", "search_other", "sort_key", "full_name", "birth_md", "created_at",
           "updated_at", "last_activity_at", "account_sort", "owner_sort", "remaining",
           "last_run_at",
           # optimistic locking's counter: one more with every write of the row
           "version",
           # sign-in bookkeeping: each attempt is a "login" / "login_failed" row of its own
           "failed_logins", "locked_until", "last_login_at"}
SECRET = {"password_hash": "password"}
#: association rows: table -> (entity, owner column, field, element column)
ELEMENT_TABLES = {
    "activity_exceptions": ("activities", "activity_id", "skipped", "occurs_on"),
    "list_members": ("marketing_lists", "list_id", "members", "contact_id"),
    "contact_tags": ("contacts", "contact_id", "tags", "tag_id"),
}
ELEMENT_FIELDS = {(entity, field) for entity, _, field, _ in ELEMENT_TABLES.values()}
#: the log itself, what each import batch did (the undo's bookkeeping) and the automation
#: runs (when the program looked): not audited (services/audit.py); the batch itself is a
#: record (import_batches) and is checked, as are the automation log's rows
SKIP_TABLES = {"audit_log", "import_changes", "automation_runs"}


def text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


Snapshot = dict[str, dict[tuple, dict[str, Any]]]


def snapshot(core: Core) -> Snapshot:
    out: Snapshot = {}
    with core.db.read() as session:
        for table in m.Base.metadata.sorted_tables:
            if table.name in SKIP_TABLES:
                continue
            pk = [c.name for c in table.primary_key.columns]
            rows = {}
            for row in session.execute(select(table)).mappings():
                rows[tuple(row[k] for k in pk)] = dict(row)
            out[table.name] = rows
    return out


def audit_since(core: Core, after_id: int) -> list[dict[str, Any]]:
    a = m.AuditLog
    with core.db.read() as session:
        return [dict(r) for r in session.execute(
            select(a.entity, a.entity_id, a.action, a.field, a.old_value, a.new_value,
                   a.user_id).where(a.id > after_id).order_by(a.id)).mappings()]


def last_audit_id(core: Core) -> int:
    with core.db.read() as session:
        return int(session.scalar(select(func.coalesce(func.max(m.AuditLog.id), 0))))


def audited(row: dict[str, Any]) -> dict[str, str | None]:
    return {k: text(v) for k, v in row.items()
            if k not in DERIVED and k not in SECRET and k not in ("id", "deleted_at")}


def setting_text(value: Any) -> str | None:
    if value is None:
        return None
    s = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False,
                                                         sort_keys=True)
    return s


def check_audit(before: Snapshot, after: Snapshot, rows: list[dict[str, Any]],
                actor: int | None) -> list[str]:
    """Every difference between the snapshots, and whether the audit rows describe it.
    Returns the list of changes found (a scenario must change something)."""
    changes: list[str] = []
    used: set[int] = set()

    def take(entity: str, entity_id: Any, **want: Any) -> list[tuple[int, dict]]:
        hits = [(n, r) for n, r in enumerate(rows)
                if r["entity"] == entity and r["entity_id"] == entity_id
                and all(r[k] == v for k, v in want.items())]
        used.update(n for n, _ in hits)
        return hits

    for table, after_rows in after.items():
        before_rows = before[table]
        if before_rows == after_rows:
            continue
        changes.append(table)
        if table in ELEMENT_TABLES:
            _check_elements(table, before, after, take)
        elif table == "settings":
            _check_settings(before_rows, after_rows, take)
        elif table == "backups":
            _check_backups(before_rows, after_rows, take)
        elif table == "contact_rfm":
            _check_rfm(before_rows, after_rows, take)
        elif table == "contact_club":
            _check_club(before_rows, after_rows, take)
        elif "id" in next(iter((after_rows or before_rows).values())):
            _check_records(table, before_rows, after_rows, take)
        else:  # pragma: no cover - a new table without an audit scheme
            raise AssertionError(f"{table} changed and has no audit scheme")
    _check_sign_ins(before, after, rows, used)
    assert all(r["user_id"] == actor for r in rows
               if r["action"] != "login_failed"), rows
    unexplained = [r for n, r in enumerate(rows) if n not in used]
    assert not unexplained, f"audit rows that match no change: {unexplained}"
    return changes


def _check_sign_ins(before: Snapshot, after: Snapshot, rows: list[dict[str, Any]],
                    used: set[int]) -> None:
    """Sign-in attempts (services/auth.py): a "login" row by the user who signed in, whose
    last sign-in time moved; a "login_failed" row by nobody, on the user whose count of
    failures grew (or id 0 for an unknown name)."""
    for n, r in enumerate(rows):
        if r["entity"] != "user" or r["action"] not in ("login", "login_failed"):
            continue
        assert r["old_value"] is None and r["new_value"] is None, r
        old, new = before["users"].get((r["entity_id"],)), after["users"].get((r["entity_id"],))
        if r["action"] == "login":
            assert r["user_id"] == r["entity_id"], r
            assert new["last_login_at"] != old["last_login_at"], r
        else:
            assert r["user_id"] is None, r
            assert r["entity_id"] == 0 or new is not None, r
        used.add(n)


def _replay(start: dict[str, str | None], updates: list[dict], where: str) -> dict:
    state = dict(start)
    for r in updates:
        assert state.get(r["field"]) == r["old_value"], (where, r, state.get(r["field"]))
        state[r["field"]] = r["new_value"]
    return state


def _check_records(table: str, before: dict, after: dict, take: Callable) -> None:
    for key, row in after.items():
        rid = row["id"]
        old = before.get(key)
        updates = [r for _, r in take(table, rid, action="update")
                   if r["field"] not in SECRET.values()
                   and (table, r["field"]) not in ELEMENT_FIELDS]
        if old is None:
            created = take(table, rid, action="create", field=None)
            assert len(created) == 1, f"{table} {rid}: created without a create row"
            start = {k: None for k in audited(row)}
            start.update(json.loads(created[0][1]["new_value"]))
            assert _replay(start, updates, f"{table} {rid}") == audited(row), (table, rid)
            continue
        if old == row:
            continue
        assert _replay(audited(old), updates, f"{table} {rid}") == audited(row), \
            f"{table} {rid}: the audit rows do not give the new values"
        if "deleted_at" in row and old["deleted_at"] != row["deleted_at"]:
            action = "delete" if row["deleted_at"] is not None else "restore"
            assert take(table, rid, action=action, field=None), f"{table} {rid}: no {action}"
        for column, field in SECRET.items():
            if column in row and old[column] != row[column]:
                hits = take(table, rid, action="update", field=field)
                assert hits, f"{table} {rid}: {field} change not logged"
                assert all(r["old_value"] is None and r["new_value"] is None for _, r in hits)
    for key, row in before.items():
        if key in after:
            continue
        hits = take(table, row["id"], action="delete", field="purged")
        assert len(hits) == 1, f"{table} {row['id']}: purged without a row"
        kept = json.loads(hits[0][1]["old_value"])
        # a record of the Trash's tables keeps its deleted_at too (every audited column)
        if "deleted_at" in row:
            assert kept.pop("deleted_at") == text(row["deleted_at"]), (table, row["id"])
        assert kept == audited(row), f"{table} {row['id']}: purged row lacks old values"
        assert hits[0][1]["new_value"] is None


def _check_elements(table: str, before: Snapshot, after: Snapshot, take: Callable) -> None:
    entity, owner, field, element = ELEMENT_TABLES[table]
    # tags removed by the write (an undone import) are named as they were before it
    names = {t["id"]: t["name"] for snap in (before, after) for t in snap["tags"].values()}

    def sets(snap: Snapshot) -> dict[Any, set[str | None]]:
        out: dict[Any, set[str | None]] = {}
        for row in snap[table].values():
            value = names[row[element]] if table == "contact_tags" else text(row[element])
            out.setdefault(row[owner], set()).add(value)
        return out

    old, new = sets(before), sets(after)
    for parent in old.keys() | new.keys():
        current = set(old.get(parent, set()))
        for _, r in take(entity, parent, action="update", field=field):
            if r["old_value"] is not None:
                assert r["old_value"] in current, (table, parent, r)
                current.discard(r["old_value"])
            if r["new_value"] is not None:
                assert r["new_value"] not in current, (table, parent, r)
                current.add(r["new_value"])
        assert current == new.get(parent, set()), f"{table} of {entity} {parent}"


def _check_rfm(before: dict, after: dict, take: Callable) -> None:
    """Derived figures (services/rfm.py): a full recomputation is one summary row on id 0
    naming every segment's count; a refresh of one contact is one row on that contact
    naming its new segment."""
    runs = take("contact_rfm", 0, action="update", field="recompute")
    if runs:
        assert len(runs) == 1, runs
        summary = json.loads(runs[0][1]["new_value"])
        counted: dict[str, int] = {}
        for row in after.values():
            counted[row["segment"]] = counted.get(row["segment"], 0) + 1
        assert summary["segments"] == counted and summary["contacts"] == len(after)
        return
    for key in before.keys() | after.keys():
        if before.get(key) == after.get(key):
            continue
        (contact,) = key
        hits = take("contact_rfm", contact, action="update", field="recompute")
        assert len(hits) == 1, f"contact_rfm {contact} changed without its row"
        row = hits[0][1]
        assert row["old_value"] == (before[key]["segment"] if key in before else None)
        assert json.loads(row["new_value"])["segment"] == after[key]["segment"]


def _check_club(before: dict, after: dict, take: Callable) -> None:
    """Derived balances and tiers (services/club/members.py), like contact_rfm's: a full
    recomputation is one summary row on id 0; a refresh one row per member changed."""
    runs = take("contact_club", 0, action="update", field="recompute")
    if runs:
        assert len(runs) == 1, runs
        summary = json.loads(runs[0][1]["new_value"])
        counted: dict[str, int] = {}
        for row in after.values():
            counted[row["tier"] or "none"] = counted.get(row["tier"] or "none", 0) + 1
        assert summary["tiers"] == counted and summary["contacts"] == len(after)
        return
    for key in before.keys() | after.keys():
        if before.get(key) == after.get(key):
            continue
        (contact,) = key
        hits = take("contact_club", contact, action="update", field="recompute")
        assert len(hits) == 1, f"contact_club {contact} changed without its row"
        row = hits[0][1]
        assert row["old_value"] == (before[key]["tier"] if key in before else None)
        new = json.loads(row["new_value"])
        now = after.get(key)
        assert new["tier"] == (now["tier"] if now else None)
        if now:
            assert (new["balance"], new["spend_12m"]) == (now["balance"], now["spend_12m"])


def _check_backups(before: dict, after: dict, take: Callable) -> None:
    """A backup's record is logged as one "backup" row: field = its kind, new_value = a
    JSON object with its path, ok, encrypted and size (services/backups.py)."""
    assert set(before) <= set(after), "a backup record was deleted"
    for key in set(after) - set(before):
        row = after[key]
        hits = take("backups", row["id"], action="backup")
        assert len(hits) == 1, f"backup {row['id']}: {hits}"
        logged = hits[0][1]
        assert logged["field"] == row["kind"]
        shown = json.loads(logged["new_value"])
        assert (shown["path"], shown["ok"], shown["size"]) == (row["path"], row["ok"],
                                                               row["size"])


def _check_settings(before: dict, after: dict, take: Callable) -> None:
    for (key,) in before.keys() | after.keys():
        old = json.loads(before[(key,)]["value"]) if (key,) in before else DEFAULTS.get(key)
        new = json.loads(after[(key,)]["value"]) if (key,) in after else DEFAULTS.get(key)
        if old == new:
            continue
        if isinstance(old, dict) and isinstance(new, dict):
            parts = [(f"{key}.{p}", old.get(p), new.get(p)) for p in old.keys() | new.keys()
                     if old.get(p) != new.get(p)]
        else:
            parts = [(key, old, new)]
        for field, a, b in parts:
            hits = take("settings", 0, action="update", field=field)
            assert len(hits) == 1, f"setting {field} changed without an audit row"
            r = hits[0][1]
            for logged, value in ((r["old_value"], a), (r["new_value"], b)):
                shown = setting_text(value)
                if shown is not None and len(shown) > 1000:
                    assert logged is not None and logged.startswith("sha256:"), logged
                else:
                    assert logged == shown, (field, logged, shown)


# -- the tests ------------------------------------------------------------------------------
