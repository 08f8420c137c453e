"""What a writer (tests/reliability/writer.py) reported, checked against the database file.

`Ledger` reads the writer's lines: "done" writes were committed (the service call had
returned), and a "try" without its "done" is the write the writer was making when it was
killed: it may be in the file or not, but never in part.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crm_desktop.db.migrate import open_database
from crm_desktop.domain.numbers import proforma_number, ticket_number
from crm_desktop.services.maintenance import check
from crm_desktop.services.proformas import ProformaService

#: the column a create's label is stored in, per entity (how a half-known write is found)
LABEL_COLUMN = {"contact": ("contacts", "last_name"), "proforma": ("proformas", "notes"),
                "ticket": ("tickets", "subject"), "activity": ("activities", "subject")}

NUMBERED = {"proformas": proforma_number, "tickets": ticket_number}


@dataclass
class Ledger:
    done: list[dict[str, Any]] = field(default_factory=list)
    #: the last "try" with no "done" after it, per writer run
    pending: list[dict[str, Any]] = field(default_factory=list)
    ended: bool = False

    def read(self, text: str) -> None:
        """Add one run's output (a killed run may end in half a line)."""
        tried: dict[str, Any] | None = None
        for raw in text.splitlines():
            try:
                line = json.loads(raw)
            except json.JSONDecodeError:
                continue  # the line being written when the process died
            if line["step"] == "try":
                tried = line
            elif line["step"] == "done":
                self.done.append(line)
                if tried is not None and tried["label"] == line["label"]:
                    tried = None
            elif line["step"] == "end":
                self.ended = True
        if tried is not None:
            self.pending.append(tried)

    def numbers(self, op: str) -> list[str]:
        return [d["number"] for d in self.done if d["op"] == op]


def expected_values(ledger: Ledger) -> dict[tuple[str, int, str], set[Any]]:
    """Per (entity, id, field): the values the file may hold (the last reported one, or
    the one the killed write was making). A create reports every field the edits change."""
    out: dict[tuple[str, int, str], set[Any]] = {}
    for d in ledger.done:
        for name, value in d["values"].items():
            out[(d["entity"], d["id"], name)] = {value}
    for p in ledger.pending:
        for name, value in p.get("values", {}).items():
            key = (p["entity"], p["id"], name)
            if key in out:  # (else: a record whose create was killed before it was
                out[key].add(value)  # reported, picked up by a later run: not known)
    return out


def expected_lines(ledger: Ledger) -> dict[int, set[tuple[int, int]]]:
    """Per proforma: (line count, total) the file may hold."""
    out: dict[int, set[tuple[int, int]]] = {}
    for d in ledger.done:
        if d["entity"] == "proformas":
            out[d["id"]] = {(d["lines"], d["total"])}
    for p in ledger.pending:
        if p["op"] == "edit_proforma" and p["id"] in out:
            out[p["id"]].add((p["lines"], p["total"]))
    return out


def verify(path: Path, ledger: Ledger) -> int:
    """Assert that the file is sound and holds every reported write with its audit rows;
    returns how many writes were checked."""
    report = check(path)  # the program's own check, first thing after the crash
    assert report.ok, report.problems
    conn = sqlite3.connect(path)
    db = open_database(path, create=False)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        for (entity, rid, name), allowed in expected_values(ledger).items():
            row = conn.execute(f"SELECT {name} FROM {entity} WHERE id = ?", (rid,)).fetchone()
            assert row is not None, f"{entity} {rid} reported written, missing"
            assert row[0] in allowed, (entity, rid, name, row[0], allowed)
        for d in ledger.done:
            _audited(conn, d)
        proformas = ProformaService(db, None)
        for pid, allowed in expected_lines(ledger).items():
            n = conn.execute("SELECT count(*) FROM proforma_lines WHERE proforma_id = ?",
                             (pid,)).fetchone()[0]
            got = (n, proformas.totals(pid).total_rial)
            assert got in allowed, (pid, got, allowed)
            _lines_audited(conn, pid)
        for p in list(ledger.pending):
            rid = _whole_or_absent(conn, proformas, p)
            if rid is not None:  # committed, not reported: known from now on
                ledger.pending.remove(p)
                ledger.done.append(adopted(conn, p, rid))
        for op in ("proforma", "ticket"):
            numbers = ledger.numbers(op)
            assert len(numbers) == len(set(numbers)), f"a {op} number handed out twice"
    finally:
        db.close()
        conn.close()
    return len(ledger.done)


def _audited(conn: sqlite3.Connection, d: dict[str, Any]) -> None:
    entity, rid = d["entity"], d["id"]
    if not d["op"].startswith("edit_"):
        n = conn.execute("SELECT count(*) FROM audit_log WHERE entity = ? AND entity_id = ? "
                         "AND action = 'create'", (entity, rid)).fetchone()[0]
        assert n == 1, f"{entity} {rid}: {n} create rows in the audit log"
        return
    for name, value in d["values"].items():
        if d["label"] not in str(value):
            continue  # (a priority may be set to what it was: no change, no row)
        n = conn.execute("SELECT count(*) FROM audit_log WHERE entity = ? AND entity_id = ? "
                         "AND action = 'update' AND field = ? AND new_value = ?",
                         (entity, rid, name, value)).fetchone()[0]
        assert n == 1, f"{entity} {rid}: the change of {name} to {value!r} is not audited"


def _lines_audited(conn: sqlite3.Connection, pid: int) -> None:
    for (line_id,) in conn.execute("SELECT id FROM proforma_lines WHERE proforma_id = ?",
                                   (pid,)).fetchall():
        # (a line id freed by an edit that dropped lines may be given again: the create
        # row that counts is the one naming this proforma)
        n = conn.execute("SELECT count(*) FROM audit_log WHERE entity = 'proforma_lines' "
                         "AND entity_id = ? AND action = 'create' AND new_value LIKE ?",
                         (line_id, f'{{"proforma_id":"{pid}",%')).fetchone()[0]
        assert n >= 1, f"proforma {pid}: line {line_id} has no create row in the audit log"


def adopted(conn: sqlite3.Connection, p: dict[str, Any], rid: int) -> dict[str, Any]:
    """A create the writer was killed after committing and before reporting, as if it
    had been reported (a later run may edit the record: its values are needed)."""
    label = p["label"]
    values: dict[str, Any] = {
        "contact": {"last_name": label, "city": "تهران", "notes": None},
        "proforma": {"notes": label},
        "ticket": {"subject": label, "priority": "normal"},
        "activity": {"subject": label},
    }[p["op"]]
    table = LABEL_COLUMN[p["op"]][0]
    out = {**p, "step": "done", "entity": table, "id": rid, "values": values, "adopted": True}
    if table in NUMBERED:
        year, seq = conn.execute(f"SELECT year, seq FROM {table} WHERE id = ?",
                                 (rid,)).fetchone()
        out["number"] = NUMBERED[table](year, seq)
    return out


def _whole_or_absent(conn: sqlite3.Connection, proformas: ProformaService,
                     p: dict[str, Any]) -> int | None:
    """The write the writer was making when it died: all of it or none of it. The id of
    the record it made, if it was kept."""
    if p["op"] not in LABEL_COLUMN:
        return None  # an edit: expected_values/expected_lines allow the old or the new state
    table, column = LABEL_COLUMN[p["op"]]
    rows = conn.execute(f"SELECT id FROM {table} WHERE {column} = ?", (p["label"],)).fetchall()
    assert len(rows) <= 1, rows
    if not rows:
        return None
    rid = rows[0][0]
    n = conn.execute("SELECT count(*) FROM audit_log WHERE entity = ? AND entity_id = ? "
                     "AND action = 'create'", (table, rid)).fetchone()[0]
    assert n == 1, f"{table} {rid} was kept without its audit row"
    if table == "proformas":
        n = conn.execute("SELECT count(*) FROM proforma_lines WHERE proforma_id = ?",
                         (rid,)).fetchone()[0]
        assert (n, proformas.totals(rid).total_rial) == (p["lines"], p["total"]), (
            f"proforma {rid} kept in part: {n} of {p['lines']} lines")
        _lines_audited(conn, rid)
    return int(rid)
