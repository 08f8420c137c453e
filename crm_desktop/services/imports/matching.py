"""Duplicates of a plan's rows, against the database and within the file. Reads only;
the database is read in bulk, never a query per row: an indexed key by IN (...) lists over
the values of the whole file (in chunks far under SQLite's limit on bound values), the
keys without an index (e-mail, second mobile, names) by one pass over the table that
serves them all.

Keys, compared after the field rules' normalisation, strongest first:
- contacts: national code; mobile (a row's mobile and second mobile against a record's
  mobile and second mobile); e-mail (letter case ignored);
- companies: national ID (legal_id); e-mail; the name (text/similar.name_key of a company:
  folded, spaces and the legal form left out);
- products: product code (sku); the name (text/similar.name_key).
A row matches a live record (the Trash never counts) before an earlier row of the file;
the record with the lowest id, or the earliest row, when several share the key. Two that
both have an identity code (national code, national ID, product code) and differ there
are not duplicates whatever else they share: a family shares a mobile, not a national
code. Only rows without errors are compared: an error row is not imported, so it is no
one's "earlier row".
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from crm_desktop.db.engine import busy_error, is_busy
from crm_desktop.db.sql import portable
from crm_desktop.services.imports.model import ImportKind, Match, PlannedRow
from crm_desktop.text.similar import name_key

#: bound values per IN (...) list
CHUNK = 500
#: earlier rows kept per key value (the first one that is not a conflict is used)
_EARLIER_PER_KEY = 20


@dataclass(frozen=True)
class Candidate:
    id: int
    name: str
    #: the record's identity code (national code, national ID, product code) or None
    ident: str | None


#: key value -> the records that have it, lowest id first
Found = dict[str, list[Candidate]]
#: per key of a kind, per row: the row's values of that key (most often one or none)
Columns = list[list[tuple[str, ...]]]


def fetch(session: Session, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    """The rows of one SELECT in the session's read transaction, as the driver gives them
    (plain tuples: a pass over 100,000 rows without a Python object per row)."""
    connection = session.connection()
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(portable(sql, connection.dialect.name), tuple(params))
        return cursor.fetchall()
    except sqlite3.OperationalError as exc:
        if is_busy(exc):
            raise busy_error() from exc
        raise
    finally:
        cursor.close()


def _add(found: Found, key: str | None, cand: Candidate) -> None:
    if key:
        found.setdefault(key, []).append(cand)


def _sorted(found: Found) -> Found:
    for cands in found.values():
        if len(cands) > 1:
            cands.sort(key=lambda c: c.id)
    return found


def _load_in(session: Session, select: str, column: str, wanted: Iterable[str]) -> Found:
    """`select` (id, key, ident, name ... WHERE live) AND `column` IN the wanted values."""
    found: Found = {}
    values = sorted(wanted)
    for start in range(0, len(values), CHUNK):
        chunk = values[start:start + CHUNK]
        sql = f"{select} AND {column} IN ({','.join('?' * len(chunk))})"
        for rid, key, ident, name in fetch(session, sql, chunk):
            _add(found, key, Candidate(rid, name or "", ident))
    return _sorted(found)


def _column(values: list[dict[str, Any]], field: str) -> list[tuple[str, ...]]:
    return [(v[field],) if field in v else () for v in values]


def _lowered(values: list[dict[str, Any]], field: str) -> list[tuple[str, ...]]:
    return [(v[field].lower(),) if field in v else () for v in values]


def _named(values: list[dict[str, Any]], company: bool) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = []
    for v in values:
        key = name_key(v["name"], company=company) if "name" in v else ""
        out.append((key,) if key else ())
    return out


# -- contacts ---------------------------------------------------------------------------------
_CONTACTS = "SELECT id, {}, national_code, full_name FROM contacts WHERE deleted_at IS NULL"


def _contact_columns(values: list[dict[str, Any]]) -> Columns:
    phones: list[tuple[str, ...]] = []
    for v in values:
        a, b = v.get("mobile"), v.get("mobile2")
        phones.append((a, b) if a and b and a != b else (a,) if a else (b,) if b else ())
    return [_column(values, "national_code"), phones, _lowered(values, "email")]


def _contact_load(session: Session, wanted: list[set[str]]) -> list[Found]:
    codes, phones, emails = wanted
    by_code = _load_in(session, _CONTACTS.format("national_code"), "national_code", codes)
    by_phone = _load_in(session, _CONTACTS.format("mobile"), "mobile", phones)
    by_email: Found = {}
    if phones or emails:  # no index on these two: one pass for both
        sql = ("SELECT id, mobile2, email, national_code, full_name FROM contacts "
               "WHERE deleted_at IS NULL AND (mobile2 IS NOT NULL OR email IS NOT NULL)")
        for rid, mobile2, email, code, name in fetch(session, sql):
            if mobile2 in phones:
                _add(by_phone, mobile2, Candidate(rid, name or "", code))
            if email and (low := email.lower()) in emails:
                _add(by_email, low, Candidate(rid, name or "", code))
    return [by_code, _sorted(by_phone), _sorted(by_email)]


# -- companies --------------------------------------------------------------------------------
def _company_columns(values: list[dict[str, Any]]) -> Columns:
    return [_column(values, "legal_id"), _lowered(values, "email"), _named(values, True)]


def _company_load(session: Session, wanted: list[set[str]]) -> list[Found]:
    ids, emails, names = wanted
    by_id = _load_in(session, "SELECT id, legal_id, legal_id, name FROM accounts "
                     "WHERE deleted_at IS NULL", "legal_id", ids)
    by_email: Found = {}
    by_name: Found = {}
    if emails or names:
        sql = "SELECT id, email, name, legal_id FROM accounts WHERE deleted_at IS NULL"
        for rid, email, name, legal_id in fetch(session, sql):
            cand = Candidate(rid, name or "", legal_id)
            if email and (low := email.lower()) in emails:
                _add(by_email, low, cand)
            if names and (key := name_key(name, company=True)) in names:
                _add(by_name, key, cand)
    return [by_id, _sorted(by_email), _sorted(by_name)]


# -- products ---------------------------------------------------------------------------------
def _product_columns(values: list[dict[str, Any]]) -> Columns:
    return [_column(values, "sku"), _named(values, False)]


def _product_load(session: Session, wanted: list[set[str]]) -> list[Found]:
    skus, names = wanted
    by_sku = _load_in(session, "SELECT id, sku, sku, name FROM products WHERE 1 = 1", "sku", skus)
    by_name: Found = {}
    if names:
        sql = "SELECT id, name, sku FROM products"
        for rid, name, sku in fetch(session, sql):
            if (key := name_key(name)) in names:
                _add(by_name, key, Candidate(rid, name or "", sku))
    return [by_sku, _sorted(by_name)]


@dataclass(frozen=True)
class KindKeys:
    #: the identity field (two rows or records that differ there are never duplicates)
    ident: str
    #: Match.by of each key, strongest first
    by: tuple[str, ...]
    #: the rows' values of each key
    columns: Callable[[list[dict[str, Any]]], Columns]
    load: Callable[[Session, list[set[str]]], list[Found]]


KEYS: dict[str, KindKeys] = {
    "contacts": KindKeys("national_code", ("national_code", "mobile", "email"),
                         _contact_columns, _contact_load),
    "companies": KindKeys("legal_id", ("legal_id", "email", "name"),
                          _company_columns, _company_load),
    "products": KindKeys("sku", ("sku", "name"), _product_columns, _product_load),
}


def _shown(by: str, key: str, values: dict[str, Any]) -> str:
    """A key as the row wrote it (the e-mail's case, the name before folding)."""
    return values.get(by, key) if by in ("email", "name") else key


def find_matches(session: Session, kind: ImportKind, rows: list[PlannedRow]) -> None:
    """Set each row's `match` (None when it is new); see the module's docstring."""
    spec = KEYS[kind]
    ident = spec.ident
    values = [r.values for r in rows]
    idents = [v.get(ident) for v in values]
    columns = spec.columns(values)
    found = spec.load(session, [{k for ks in column for k in ks} for column in columns])
    matches: list[Match | None] = [None] * len(rows)
    # a live record first, the strongest key first
    for by, column, records in zip(spec.by, columns, found, strict=True):
        if not records:
            continue
        for i, keys in enumerate(column):
            if not keys or matches[i] is not None:
                continue
            mine = idents[i]
            for k in keys:
                for cand in records.get(k, ()):
                    if by == ident or not (mine and cand.ident and mine != cand.ident):
                        matches[i] = Match(by, _shown(by, k, values[i]), existing_id=cand.id,
                                           existing_name=cand.name)
                        break
                if matches[i] is not None:
                    break
    # then an earlier row: first[n][key] = the first row with it and its identity; more
    # holds later rows the first cannot stand for (another identity, or none)
    first: list[dict[str, tuple[int, str | None]]] = [{} for _ in spec.by]
    more: list[dict[str, list[tuple[int, str | None]]]] = [{} for _ in spec.by]
    for i, r in enumerate(rows):
        mine = idents[i]
        if matches[i] is None:
            matches[i] = _earlier(spec.by, ident, columns, first, more, i, mine, r.values)
        for n, column in enumerate(columns):
            for k in column[i]:
                held = first[n].get(k)
                if held is None:
                    first[n][k] = (r.row, mine)
                elif held[1] and held[1] != mine:
                    later = more[n].setdefault(k, [])
                    if len(later) < _EARLIER_PER_KEY:
                        later.append((r.row, mine))
        r.match = matches[i]


def _earlier(bys: tuple[str, ...], ident: str, columns: Columns,
             first: list[dict[str, tuple[int, str | None]]],
             more: list[dict[str, list[tuple[int, str | None]]]], i: int, mine: str | None,
             values: dict[str, Any]) -> Match | None:
    """The earliest row before row i sharing a key (strongest key first), no conflict."""
    for n, by in enumerate(bys):
        for k in columns[n][i]:
            held = first[n].get(k)
            if held is None:
                continue
            if by == ident or not (mine and held[1] and mine != held[1]):
                return Match(by, _shown(by, k, values), earlier_row=held[0])
            for row, theirs in more[n].get(k, ()):
                if not (theirs and mine != theirs):
                    return Match(by, _shown(by, k, values), earlier_row=row)
    return None
