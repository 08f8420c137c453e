"""Undoing an import as a whole, in one transaction, from what its batch kept
(import_changes, see db/models/imports.py):

* the records it created are removed for good, with their tags, list memberships and RFM
  row (audited: "purged" rows with every value they had, element rows for the tags and
  memberships);
* the fields it updated are put back (audited as updates; derived columns recomputed by
  the service's own rules), and the tags and list memberships it gave existing contacts
  are taken off;
* the companies a contacts import created from its company column, and the tags it
  created, are removed when nothing uses them any more (kept otherwise);
* the batch is marked undone (undone_at, undone_by_id) and its bookkeeping dropped.

The last batch is the newest one not undone; undoing it makes the one before it the last.
Refused (ValidationError on "import", nothing changed) when there is nothing to undo, or
when records of the batch were changed since: a field it updated no longer holds the
imported value, a record it created was edited or moved to the Trash, or is used by a
deal, an activity, a ticket, a proforma or a campaign (for companies: also by a contact;
for products: by a proforma line). The message says how many records.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from contextlib import ExitStack
from itertools import groupby
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from crm_desktop.db import models as m
from crm_desktop.db.engine import Database
from crm_desktop.db.search_index import SEARCH_TABLES, unindexed_first
from crm_desktop.db.sql import dialect_of
from crm_desktop.db.types import utcnow
from crm_desktop.domain.errors import FieldError, ValidationError
from crm_desktop.domain.permissions import Perm
from crm_desktop.services import audit
from crm_desktop.services.access import require_in
from crm_desktop.services.imports.model import ImportBatch
from crm_desktop.services.imports.records import (
    ACCOUNTS,
    IN_CHUNK,
    KINDS,
    Copies,
    RecordKind,
    chunks,
    created_json,
    large_load,
    load,
    raw,
    read_ranges,
    read_rows,
    update_rows,
)
from crm_desktop.services.imports.write import batch_of

#: what uses a record, per table: (model, column); a created record used by any of these
#: was changed since (companies created from a contact's company column are kept instead)
USERS: dict[str, tuple[tuple[Any, str], ...]] = {
    "contacts": ((m.Deal, "contact_id"), (m.Activity, "contact_id"), (m.Ticket, "contact_id"),
                 (m.Proforma, "contact_id"), (m.CampaignMember, "contact_id"),
                 (m.OutboxMessage, "contact_id")),
    "accounts": ((m.Contact, "account_id"), (m.Deal, "account_id"),
                 (m.Activity, "account_id"), (m.Ticket, "account_id"),
                 (m.Proforma, "account_id")),
    "products": ((m.ProformaLine, "product_id"),),
}
#: above this many ids, what uses them is found with one scan of the column, not IN lists
SCAN_ABOVE = 2000
#: the ids of the records being removed (a temporary table: one statement per table)
GONE = "temp.import_undo_gone"
#: the same table where PostgreSQL keeps a session's temporary tables
PG_GONE = "pg_temp.import_undo_gone"


def _newest(session: Session) -> m.ImportBatch | None:
    b = m.ImportBatch
    # an import that changed nothing (every row a duplicate skipped) is on record but
    # has nothing to undo: "Undo last import" reaches past it to the one that wrote
    return session.scalars(select(b).where(b.undone_at.is_(None), b.created + b.updated > 0)
                           .order_by(b.id.desc()).limit(1)).first()


def last_batch(db: Database) -> ImportBatch | None:
    """The newest import not undone that created or updated something, or None."""
    with db.read() as session:
        batch = _newest(session)
        return batch_of(batch) if batch is not None else None


def _used(session: Session, entity: str, ids: Sequence[int]) -> set[int]:
    """The ids among `ids` that something uses (USERS)."""
    wanted, found = set(ids), set()
    for model, name in USERS[entity] if wanted else ():
        column = getattr(model, name)
        if len(wanted) > SCAN_ABOVE:  # one walk over the column's index
            found.update(wanted.intersection(session.scalars(
                select(column).where(column.is_not(None)).distinct())))
            continue
        for part in chunks(sorted(wanted), IN_CHUNK):
            found.update(session.scalars(select(column).where(column.in_(part)).distinct()))
    return found


class _Undo:
    def __init__(self, session: Session, batch: m.ImportBatch, db: Database,
                 actor_id: int | None):
        self.session = session
        self.batch = batch
        self.db = db
        self.actor_id = actor_id
        self.kind = KINDS[batch.kind]
        #: entity -> (first id, last id) of the records it created, and their audit
        #: "create" values (what the import wrote)
        self.ranges: dict[str, list[tuple[int, int]]] = defaultdict(list)
        self.updated: list[tuple[str, int, str | None, str | None]] = []
        self.added: list[tuple[str, int, int]] = []
        ic = m.ImportChange
        for row in session.execute(
                select(ic.entity, ic.entity_id, ic.action, ic.ref_id, ic.old_values,
                       ic.new_values).where(ic.batch_id == batch.id).order_by(ic.id)):
            if row.action == "create":
                last = row.ref_id if row.ref_id is not None else row.entity_id
                self.ranges[row.entity].append((row.entity_id, last))
            elif row.action == "update":
                self.updated.append((row.entity, row.entity_id, row.old_values,
                                     row.new_values))
            elif row.action == "add" and row.ref_id is not None:
                self.added.append((row.entity, row.entity_id, row.ref_id))
        main = self.kind.entity
        self.rows = read_ranges(session, self.kind, self.ranges.get(main, ()))
        self.companies = (read_ranges(session, ACCOUNTS, self.ranges.get("accounts", ()))
                          if main == "contacts" else {})
        self.current = read_rows(session, self.kind, (u[1] for u in self.updated))

    def written(self, entity: str) -> dict[int, str]:
        """The audit "create" values of the records of `entity` the batch created: what
        it wrote (logged after the batch's own row, the newest if an id came back)."""
        a = m.AuditLog
        after = self.session.scalar(select(a.id).where(
            a.entity == "import_batches", a.entity_id == self.batch.id,
            a.action == "create").order_by(a.id.desc()).limit(1)) or 0
        out: dict[int, str] = {}
        for first, last in self.ranges.get(entity, ()):
            out.update(self.session.execute(
                select(a.entity_id, a.new_value).where(
                    a.entity == entity, a.entity_id.between(first, last),
                    a.action == "create", a.id > after).order_by(a.id)).all())
        return out

    # -- is it still as the import left it? -------------------------------------------------
    def changed(self) -> int:
        kind, main = self.kind, self.kind.entity
        changed: set[tuple[str, int]] = set()
        for entity, rid, _old, new in self.updated:
            row = self.current.get(rid)
            values = load(kind, new)
            if row is None or row.get("deleted_at") is not None or any(
                    row.get(k) != v for k, v in values.items()):
                changed.add((entity, rid))
        written = self.written(main)
        for rid, row in self.rows.items():
            if created_json(kind, row) != written.get(rid):
                changed.add((main, rid))
        for rid in _used(self.session, main, list(self.rows)):
            changed.add((main, rid))
        if main == "contacts":
            written = self.written("accounts")
            for rid, row in self.companies.items():
                if created_json(ACCOUNTS, row) != written.get(rid):
                    changed.add(("accounts", rid))
        return len(changed)

    # -- putting it back ---------------------------------------------------------------------
    def take_off_added(self) -> None:
        """Tags and list memberships the batch gave contacts that existed before it."""
        rows: list[dict] = []
        names = self._tag_names(ref for entity, _c, ref in self.added
                                if entity == "contact_tags")
        for entity, contact_id, ref in self.added:
            if entity == "contact_tags":
                ct = m.contact_tags
                gone = self.session.execute(delete(ct).where(
                    ct.c.contact_id == contact_id, ct.c.tag_id == ref)).rowcount
                if gone:
                    rows.append(audit.element(self.session, "contacts", contact_id, "tags",
                                              names[ref], added=False))
            elif entity == "list_members":
                lm = m.ListMember
                gone = self.session.execute(delete(lm).where(
                    lm.list_id == ref, lm.contact_id == contact_id)).rowcount
                if gone:
                    rows.append(audit.element(self.session, "marketing_lists", ref, "members",
                                              contact_id, added=False))
        audit.record(self.session, rows)

    def _tag_names(self, ids: Iterable[int]) -> dict[int, str]:
        wanted = sorted(set(ids))
        out: dict[int, str] = {}
        for part in chunks(wanted, IN_CHUNK):
            out.update(dict(self.session.execute(
                select(m.Tag.id, m.Tag.name).where(m.Tag.id.in_(part))).all()))
        return out

    def put_back(self) -> None:
        """The fields the batch updated, back to their old values."""
        if not self.updated:
            return
        kind = self.kind
        service = kind.service(self.db, self.actor_id)
        copies = Copies(self.session) if kind.kind == "contacts" else None
        pairs = [(self.current[rid], load(kind, old)) for _e, rid, old, _new in self.updated]
        if copies is not None:
            copies.learn_accounts(v.get("account_id", c["account_id"]) for c, v in pairs)
        update_rows(self.session, kind, service, pairs, copies, utcnow())

    def remove(self, kind: RecordKind, rows: dict[int, dict]) -> None:
        """Records removed for good, with what hangs on them (audited)."""
        if not rows:
            return
        conn, table = raw(self.session), kind.entity
        self.gone = GONE if dialect_of(conn) == "sqlite" else PG_GONE
        conn.execute(f"CREATE TEMP TABLE {self.gone} (id INTEGER PRIMARY KEY)")
        conn.executemany(f"INSERT INTO {self.gone} (id) VALUES (?)", ((i,) for i in rows))
        if table == "contacts":
            self._drop_contact_links()
        audit.record_many(self.session, table, (
            (rid, "delete", "purged", audit._json({k: row[k] for k in kind.audited}), None)
            for rid, row in rows.items()))
        ids = f"SELECT id FROM {self.gone}"
        with large_load(self.session, table, len(rows)), ExitStack() as stack:
            if table in SEARCH_TABLES and dialect_of(conn) == "sqlite":
                stack.enter_context(unindexed_first(conn, table, ids))
            conn.execute(f"DELETE FROM {table} WHERE id IN ({ids})")
        conn.execute(f"DROP TABLE {self.gone}")

    def _drop_contact_links(self) -> None:
        """The tags, list memberships and RFM row of the contacts in GONE (audited)."""
        conn, s = raw(self.session), self.session
        gone = f"(SELECT id FROM {self.gone})"
        audit.record_many(s, "contacts", (
            (contact_id, "update", "tags", name, None) for contact_id, name in conn.execute(
                "SELECT ct.contact_id, t.name FROM contact_tags ct JOIN tags t ON t.id = "
                f"ct.tag_id WHERE ct.contact_id IN {gone}")))
        for list_id, members in groupby(conn.execute(
                f"SELECT list_id, contact_id FROM list_members WHERE contact_id IN {gone} "
                "ORDER BY list_id"), key=lambda r: r[0]):
            audit.record_many(s, "marketing_lists", (
                (list_id, "update", "members", str(contact_id), None)
                for _l, contact_id in members))
        # the RFM scheme (services/rfm.py): one row per contact, its old segment
        audit.record_many(s, "contact_rfm", (
            (contact_id, "update", "recompute", segment, None) for contact_id, segment in
            conn.execute(f"SELECT contact_id, segment FROM contact_rfm WHERE contact_id IN "
                         f"{gone}")))
        for name in ("contact_tags", "list_members", "contact_rfm"):
            conn.execute(f"DELETE FROM {name} WHERE contact_id IN {gone}")

    def remove_unused_companies(self) -> None:
        ids = sorted(self.companies)
        used = _used(self.session, "accounts", ids) if ids else set()
        self.remove(ACCOUNTS, {i: self.companies[i] for i in ids if i not in used})

    def remove_unused_tags(self) -> None:
        created = sorted(i for first, last in self.ranges.get("tags", ())
                         for i in range(first, last + 1))
        if not created:
            return
        ct = m.contact_tags
        used: set[int] = set()
        for part in chunks(created, IN_CHUNK):
            used.update(self.session.scalars(
                select(ct.c.tag_id).where(ct.c.tag_id.in_(part)).distinct()))
        for tag in self.session.scalars(select(m.Tag).where(
                m.Tag.id.in_([t for t in created if t not in used]))):
            self.session.delete(tag)  # an ORM delete: its "purged" row comes from the flush
        self.session.flush()


def undo_last(db: Database, actor_id: int | None) -> ImportBatch:
    """Undo the newest import not undone (see the module's docstring)."""
    with db.write(actor_id) as session:
        require_in(session, Perm.IMPORT)
        batch = _newest(session)
        if batch is None:
            raise ValidationError(FieldError("import", "import.nothing_to_undo"))
        undo = _Undo(session, batch, db, actor_id)
        changed = undo.changed()
        if changed:
            raise ValidationError(FieldError("import", "import.changed_since",
                                             {"count": changed}))
        undo.take_off_added()
        undo.put_back()
        undo.remove(undo.kind, undo.rows)
        if undo.kind.entity == "contacts":
            undo.remove_unused_companies()
            undo.remove_unused_tags()
        batch.undone_at = utcnow()
        batch.undone_by_id = actor_id
        session.flush()
        session.execute(delete(m.ImportChange).where(m.ImportChange.batch_id == batch.id))
        return batch_of(batch)
