"""Writing an import: `run_import` turns a checked plan into records, in ONE transaction
with its audit rows and an import batch (undo.py undoes it as a whole).

What is written for each record is what the service would write for the same values (the
service's fields' empty values for what the row leaves out, `_derive`, contacts' copied
sort keys, owner and creator = the acting user, an audit "create" row with its values),
written in chunks with the DB-API's executemany (each value bound by its column's own
SQLAlchemy type: records.Inserter) instead of an ORM object per record; updates with Core
statements and an audit "update" row per changed field (records.update_rows).

* The plan is followed as resolve.py says (duplicates, repeats of earlier rows); the batch
  records ImportPlan.counts' `new` and `updates` for the options (a test holds them equal).
* A record the plan updates is read again inside the transaction: if one was deleted or
  moved to the Trash since the plan was made, nothing is written (ValidationError
  "import.stale": check the file again). A record added since that would now be a
  duplicate is not looked for (the plan's matches are kept as they are).
* Contacts: the "company" value links the contact to the live company with the same name
  (compared by text/similar.name_key: «شركت كاشي يزد» is «کاشی یزد»; the oldest if
  several), else to a company the batch creates (one per name). options.tags go on
  every imported contact (created or updated) with the row's own tags; options.list_id
  must name a static marketing list (ValidationError before anything is written), and
  every imported contact joins it. A contact's referrer (plan.py found it) is checked
  again (imports/referrers.py: still live, never the contact itself, no two contacts
  each other's referrer).
* Speed: the search index of new rows is written at the end with one statement per index
  table (db/search_index.indexed_at_end); when the new rows are many next to those
  already in the table, the table's other indexes are dropped for the load and built once
  after it (db/bulk.indexes_suspended; measured: bench/bench_import.py).
* progress(rows_done) after each chunk (rows_done counts plan rows, up to len(plan.rows));
  cancelled() is asked before each chunk and before the commit: True raises
  ImportCancelled and the whole transaction is rolled back (not even the batch remains).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from crm_desktop.db import models as m
from crm_desktop.db.engine import Database
from crm_desktop.db.search_index import SEARCH_TABLES, indexed_at_end
from crm_desktop.db.types import utcnow
from crm_desktop.domain.enums import ListKind
from crm_desktop.domain.errors import FieldError, ValidationError
from crm_desktop.domain.permissions import Perm
from crm_desktop.imports.sheet import Cancelled, ImportCancelled, Progress
from crm_desktop.services import audit
from crm_desktop.services.access import require_in
from crm_desktop.services.base import EntityService
from crm_desktop.services.club import earn as club_earn
from crm_desktop.services.contacts import clean_tag_names
from crm_desktop.services.fields import InvalidValue, is_id
from crm_desktop.services.imports import referrers
from crm_desktop.services.imports.fields import remember_mapping_in
from crm_desktop.services.imports.model import ImportBatch, ImportOptions, ImportPlan, Match
from crm_desktop.services.imports.records import (
    ACCOUNTS,
    IN_CHUNK,
    KINDS,
    Copies,
    Inserter,
    RecordKind,
    chunks,
    created_json,
    derive,
    dump,
    large_load,
    next_id,
    raw,
    read_rows,
    update_rows,
)
from crm_desktop.services.imports.resolve import Record, check_input, resolve
from crm_desktop.text.similar import name_key

#: records per chunk: progress and cancel between chunks
CHUNK = 5000


def company_key(name: str) -> str:
    """A company name as compared with another (text/similar.py, the one place names are
    compared: spaces, ZWNJ, ي/ك, digits and the legal form do not count); a name with no
    letter or digit is compared as written."""
    return name_key(name, company=True) or f"\0{name}"


def batch_of(row: Any) -> ImportBatch:
    return ImportBatch(id=row.id, kind=row.kind, file_name=row.file_name,
                       created_at=row.created_at, user_id=row.user_id, created=row.created,
                       updated=row.updated, undone_at=row.undone_at, sheet=row.sheet)


class _Writer:
    def __init__(self, session: Session, service: EntityService[Any], kind: RecordKind,
                 batch_id: int, actor_id: int | None, now: datetime):
        self.session = session
        self.service = service
        self.kind = kind
        self.batch_id = batch_id
        self.actor_id = actor_id
        self.now = now
        self.changes: list[tuple[Any, ...]] = []
        self.raw = raw(session)

    def change(self, entity: str, entity_id: int, action: str, *, ref_id: int | None = None,
               old: str | None = None, new: str | None = None) -> None:
        self.changes.append((self.batch_id, entity, entity_id, action, ref_id, old, new))

    def flush_changes(self) -> None:
        if self.changes:
            self.raw.executemany(
                "INSERT INTO import_changes (batch_id, entity, entity_id, action, ref_id,"
                " old_values, new_values) VALUES (?, ?, ?, ?, ?, ?, ?)", self.changes)
            self.changes = []

    def create(self, kind: RecordKind, service: EntityService[Any], records: Sequence[Record],
               copies: Copies | None) -> None:
        """Insert new records (ids given here), their audit "create" rows and bookkeeping."""
        first = next_id(self.session, kind)
        stamps: dict[str, Any] = {"created_at": self.now, "updated_at": self.now}
        if "version" in kind.table.c:  # a new record's first version (services/versions.py)
            stamps["version"] = 1
        inserter = Inserter(self.session, kind.table, stamps)
        logged: list[tuple[int, str, None, None, str]] = []
        template = dict.fromkeys(kind.columns)
        template.update(kind.defaults())
        template.update(stamps)
        if "created_by_id" in template:
            template["created_by_id"] = self.actor_id
        owned = "owner_id" in template
        for n, record in enumerate(records):
            row = dict(template)
            row.update(record.values)
            record.id = row["id"] = rid = first + n
            if owned and row["owner_id"] is None:
                row["owner_id"] = self.actor_id
            row = derive(kind, service, row, copies)
            logged.append((rid, "create", None, None, created_json(kind, row)))
            inserter.add(row)
        inserter.flush()
        audit.record_many(self.session, kind.entity, logged)
        if records:  # the ids given are consecutive: the bookkeeping keeps their range
            self.change(kind.entity, first, "create", ref_id=first + len(records) - 1)

    def update(self, records: Sequence[Record], copies: Copies | None) -> None:
        pairs = [(r.current, r.values) for r in records if r.current is not None]
        for changed in update_rows(self.session, self.kind, self.service, pairs, copies,
                                   self.now):
            self.change(self.kind.entity, changed.id, "update", old=dump(changed.old),
                        new=dump(changed.new))


def run_import(db: Database, actor_id: int | None, plan: ImportPlan, options: ImportOptions,
               *, progress: Progress | None = None,
               cancelled: Cancelled | None = None) -> ImportBatch:
    """Write `plan` as `options` say, in one transaction (see the module's docstring)."""
    options = check_input(plan, options)
    kind = KINDS[plan.kind]
    contacts = plan.kind == "contacts"
    option_tags = clean_tag_names(options.tags) if contacts else []
    say: Progress = progress or (lambda _n: None)
    stop: Cancelled = cancelled or (lambda: False)

    def checkpoint() -> None:
        if stop():
            raise ImportCancelled("the import was cancelled; nothing was written")

    checkpoint()
    with db.write(actor_id) as session:
        require_in(session, Perm.IMPORT)
        if contacts and options.list_id is not None:
            _check_list(session, options.list_id)
        wanted = [p.match.existing_id for p in plan.rows if isinstance(
            getattr(p, "match", None), Match) and is_id(p.match.existing_id)]
        resolved = resolve(plan, options, kind, read_rows(session, kind, wanted))
        if plan.kind == "products":
            _check_skus(session, resolved.new, resolved.updates)
        for record in (*resolved.new, *resolved.updates):
            record.tags = clean_tag_names(record.tags) if record.tags else []
        referred = referrers.check_in(session, resolved.new, resolved.updates) \
            if contacts else []
        now = utcnow()
        batch = m.ImportBatch(kind=plan.kind, file_name=plan.file_name[:255],
                              sheet=plan.sheet[:255] if plan.sheet else None,
                              created_at=now, user_id=actor_id,
                              created=resolved.created, updated=resolved.updated)
        session.add(batch)
        session.flush()
        remember_mapping_in(session, plan.kind, plan.headers, plan.mapping)
        service = kind.service(db, actor_id)
        writer = _Writer(session, service, kind, batch.id, actor_id, now)
        copies = Copies(session) if contacts else None
        done = len(plan.rows) - sum(r.rows for r in (*resolved.new, *resolved.updates))
        say(done)
        with _bulk_load(session, kind, len(resolved.new)):
            if contacts:
                assert copies is not None
                _link_companies(writer, resolved.new, resolved.updates, copies)
            for part in chunks(resolved.new, CHUNK):
                checkpoint()
                writer.create(kind, service, part, copies)
                writer.flush_changes()
                done += sum(r.rows for r in part)
                say(done)
            for part in chunks(resolved.updates, CHUNK):
                checkpoint()
                writer.update(part, copies)
                writer.flush_changes()
                done += sum(r.rows for r in part)
                say(done)
        if contacts:
            imported = [*resolved.new, *resolved.updates]
            _tag(writer, imported, option_tags)
            if options.list_id is not None:
                _join_list(writer, imported, options.list_id)
            writer.flush_changes()
            if referred:  # existing customers given a referrer: their referrals
                session.expire_all()
                club_earn.sync_referrals_in(session, referred)
        checkpoint()
        return batch_of(batch)


@contextmanager
def _bulk_load(session: Session, kind: RecordKind, new: int) -> Iterator[None]:
    """The search index of the new rows written at the end (contacts may bring new
    companies too); a large load with the table's indexes dropped (records.large_load)."""
    table = kind.entity
    searchable = [t for t in {table, *(("accounts",) if table == "contacts" else ())}
                  if t in SEARCH_TABLES]
    with large_load(session, table, new), ExitStack() as stack:
        # (PostgreSQL's index is an expression index over the columns: it keeps up)
        if searchable and session.connection().dialect.name == "sqlite":
            stack.enter_context(indexed_at_end(raw(session), sorted(searchable)))
        yield


def _check_list(session: Session, list_id: int) -> None:
    kind = session.scalar(select(m.MarketingList.kind).where(m.MarketingList.id == list_id))
    if kind is None:
        raise ValidationError(FieldError("list", "not_found"))
    if kind != ListKind.STATIC.value:
        raise ValidationError(FieldError("list", "list.not_static"))


def _check_skus(session: Session, new: Sequence[Record], updates: Sequence[Record]) -> None:
    """A product code belongs to one product (ProductService's rule; the column is
    unique): a new product, or a product given a code, may not take one in use."""
    claims: dict[str, int | None] = {}
    for record in (*new, *updates):
        sku = record.values.get("sku")
        if not sku or (record.current is not None and sku == record.current.get("sku")):
            continue
        owner = record.current["id"] if record.current is not None else None
        if sku in claims:
            raise ValidationError(FieldError("sku", "duplicate"))
        claims[sku] = owner
    p = m.Product
    skus = sorted(claims)
    for part in chunks(skus, IN_CHUNK):
        for pid, sku in session.execute(select(p.id, p.sku).where(p.sku.in_(part))):
            if claims[sku] != pid:
                raise ValidationError(FieldError("sku", "duplicate"))


def _link_companies(writer: _Writer, new: Sequence[Record], updates: Sequence[Record],
                    copies: Copies) -> None:
    """Each contact's company name -> a live company with the same folded name (the
    oldest), else one made now (with its audit row and bookkeeping)."""
    named = [r for r in (*new, *updates) if r.company]
    if not named:
        copies.learn_accounts(r.value("account_id") for r in (*new, *updates))
        return
    keys: dict[str, str] = {}
    for record in named:
        try:  # as the company's editor cleans a name
            name = ACCOUNTS.fields["name"].convert(record.company)
        except InvalidValue as exc:
            raise ValidationError(FieldError("account", exc.code, exc.params)) from None
        record.company = name
        keys.setdefault(company_key(name), name)
    found: dict[str, int] = {}
    a = m.Account
    for aid, name in writer.session.execute(
            select(a.id, a.name).where(a.deleted_at.is_(None)).order_by(a.id)):
        found.setdefault(company_key(name), aid)
    missing = [Record({"name": name}) for key, name in keys.items()
               if key not in found]
    if missing:
        writer.create(ACCOUNTS, ACCOUNTS.service(writer.service.db, writer.actor_id), missing,
                      None)
        for record in missing:
            assert record.id is not None
            found[company_key(record.values["name"])] = record.id
    for record in named:
        record.values["account_id"] = found[company_key(record.company or "")]
    copies.learn_accounts(r.value("account_id") for r in (*new, *updates))


def _tag_ids(writer: _Writer, names: Iterable[str]) -> dict[str, int]:
    """Tag name -> id; missing tags are created (audited, and kept in the bookkeeping)."""
    wanted = sorted(set(names))
    ids: dict[str, int] = {}
    for part in chunks(wanted, IN_CHUNK):
        ids.update({name: tid for tid, name in writer.session.execute(
            select(m.Tag.id, m.Tag.name).where(m.Tag.name.in_(part)))})
    for name in wanted:
        if name not in ids:
            tag = m.Tag(name=name)
            writer.session.add(tag)
            writer.session.flush()
            ids[name] = tag.id
            writer.change("tags", tag.id, "create")
    return ids


def _tag(writer: _Writer, records: Sequence[Record], option_tags: Sequence[str]) -> None:
    """The row's tags and the import's on every imported contact (those it has stay)."""
    wanted = {r.id: [*r.tags, *(t for t in option_tags if t not in r.tags)]
              for r in records if r.tags or option_tags}
    if not wanted:
        return
    ids = _tag_ids(writer, (t for names in wanted.values() for t in names))
    had: set[tuple[int, int]] = set()
    existing = sorted(r.id for r in records if r.current is not None and r.id in wanted)
    ct = m.contact_tags
    for part in chunks(existing, IN_CHUNK):
        had.update(tuple(p) for p in writer.session.execute(
            select(ct.c.contact_id, ct.c.tag_id).where(ct.c.contact_id.in_(part))))
    updated = {r.id for r in records if r.current is not None}
    pairs, logged = [], []
    for contact_id, names in wanted.items():
        assert contact_id is not None
        for name in names:
            if (contact_id, ids[name]) in had:
                continue
            pairs.append((contact_id, ids[name]))
            logged.append((contact_id, "update", "tags", None, name))
            if contact_id in updated:
                writer.change("contact_tags", contact_id, "add", ref_id=ids[name])
    writer.raw.executemany("INSERT INTO contact_tags (contact_id, tag_id) VALUES (?, ?)",
                           pairs)
    audit.record_many(writer.session, "contacts", logged)


def _join_list(writer: _Writer, records: Sequence[Record], list_id: int) -> None:
    lm = m.ListMember
    ids = sorted(r.id for r in records if r.id is not None)
    updated = {r.id for r in records if r.current is not None}
    members: set[int] = set()
    for part in chunks(sorted(updated), IN_CHUNK):
        members.update(writer.session.scalars(select(lm.contact_id).where(
            lm.list_id == list_id, lm.contact_id.in_(part))))
    rows, logged = [], []
    for contact_id in ids:
        if contact_id in members:
            continue
        rows.append({"list_id": list_id, "contact_id": contact_id, "added_at": writer.now})
        logged.append((list_id, "update", "members", None, str(contact_id)))
        if contact_id in updated:
            writer.change("list_members", contact_id, "add", ref_id=list_id)
    inserter = Inserter(writer.session, m.ListMember.__table__,  # type: ignore[arg-type]
                        {"added_at": writer.now, "list_id": list_id})
    for row in rows:
        inserter.add(row)
    inserter.flush()
    audit.record_many(writer.session, "marketing_lists", logged)
