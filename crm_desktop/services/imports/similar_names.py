"""Probable duplicates by name (warnings only, nothing is done with them): a row whose
name is close to a live record's or an earlier row's in the same city, as
text/similar.similar_in_cities judges names (the one place names are compared).

Contacts and companies (products have no city). A row that is already a duplicate (by
mobile, code, e-mail) gets no warning and is no "earlier row" for the others (the record it
matches is compared instead); every other row with a city and a name gets at most one: the
closest name, a live record before an earlier row on a tie, then the lowest id or the
earliest row. The warnings of the first MAX_WARNINGS rows in file order are kept.

Each distinct (city, name) is compared once: the rows and the records are grouped by
their city and name keys, so a name shared by a thousand rows costs one comparison.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from crm_desktop.services.distinct import distinct_values
from crm_desktop.services.imports.matching import fetch
from crm_desktop.services.imports.model import ImportKind, PlannedRow, SimilarName
from crm_desktop.text.similar import city_key, name_key, similar_in_cities

MAX_WARNINGS = 1000
#: rows in the first block compared (each next block is twice as large)
FIRST_BLOCK = 2000
#: bound values per IN (...) list
CHUNK = 500

Group = tuple[str, str]  # (city key, name key)


def row_name(kind: ImportKind, values: dict[str, Any]) -> str:
    if kind == "contacts":
        return " ".join(p for p in (values.get("first_name"), values.get("last_name")) if p)
    return values.get("name") or ""


def _memo(fn: Callable[[str], str]) -> Callable[[str], str]:
    done: dict[str, str] = {}

    def run(value: str) -> str:
        k = done.get(value)
        if k is None:
            k = done[value] = fn(value)
        return k
    return run


def _records(session: Session, kind: ImportKind, stored: list[str]
             ) -> list[tuple[int, str, str]]:
    """(lowest id, name, city) of the live records in the cities `stored` (as stored),
    one per name as written and city."""
    table, name = ("contacts", "full_name") if kind == "contacts" else ("accounts", "name")
    out: list[tuple[int, str, str]] = []
    for start in range(0, len(stored), CHUNK):
        chunk = stored[start:start + CHUNK]
        sql = (f"SELECT min(id), {name}, city FROM {table} WHERE deleted_at IS NULL "
               f"AND city IN ({','.join('?' * len(chunk))}) GROUP BY city, {name}")
        out.extend((rid, rname or "", city) for rid, rname, city in
                   fetch(session, sql, chunk))
    return out


def similar_names(session: Session, kind: ImportKind, rows: list[PlannedRow],
                  limit: int | None = None) -> list[SimilarName]:
    """The warnings of a plan's rows (see the module's docstring); at most `limit`
    (MAX_WARNINGS).

    The rows that are not duplicates are taken in file order, a first block of
    FIRST_BLOCK rows and each next one twice as large, and no further once `limit` rows
    have a warning: a row's warning is final when its block is done (every group with an
    earlier row has been seen and compared with it), so the first `limit` are known
    without reading the rest."""
    limit = MAX_WARNINGS if limit is None else limit
    if kind not in ("contacts", "companies") or limit <= 0:
        return []
    company = kind == "companies"
    key_of = _memo(lambda name: name_key(name, company=company))
    city_of = _memo(city_key)
    table = "contacts" if kind == "contacts" else "accounts"
    stored_cities: dict[str, list[str]] = {}
    for c in distinct_values(session, table, "city", "deleted_at IS NULL"):
        stored_cities.setdefault(city_of(c), []).append(c)
    right: dict[str, set[str]] = {}             # city key -> the records' name keys
    records: dict[Group, tuple[int, str]] = {}  # group -> (lowest id, its name)
    first: dict[Group, tuple[int, str]] = {}    # group -> (its first row, its name)
    seen: dict[str, set[str]] = {}              # city key -> the file's name keys so far
    from_db: dict[Group, tuple[int, int, str]] = {}   # group -> (score, id, name), best
    near: dict[Group, list[tuple[Group, int]]] = {}   # group -> similar groups of the file
    shown: dict[int, tuple[str, str]] = {}
    # best[row] = ((score, a record first, -(its id or row)), other name, id, earlier row)
    best: dict[int, tuple[tuple[int, int, int], str, int | None, int | None]] = {}

    def offer(row: int, score: int, other: str, rid: int | None, earlier: int | None) -> None:
        rank = (score, 1, -rid) if rid is not None else (score, 0, -(earlier or 0))
        held = best.get(row)
        if held is None or rank > held[0]:
            best[row] = (rank, other, rid, earlier)

    def from_record(group: Group, score: int, rid: int, name: str) -> None:
        held = from_db.get(group)
        if held is None or (score, -rid) > (held[0], -held[1]):
            from_db[group] = (score, rid, name)

    candidates = [r for r in rows if r.match is None]
    start, size = 0, FIRST_BLOCK
    while start < len(candidates) and len(best) < limit:
        block = candidates[start:start + size]
        start, size = start + size, size * 2
        fresh: dict[str, set[str]] = {}  # city key -> name keys met for the first time
        members: list[tuple[int, Group]] = []
        for r in block:
            city, name = r.values.get("city"), row_name(kind, r.values)
            if not (city and name):
                continue
            group = (city_of(city), key_of(name))
            if not (group[0] and group[1]):
                continue
            if group not in first:
                first[group] = (r.row, name)
                fresh.setdefault(group[0], set()).add(group[1])
            members.append((r.row, group))
            shown[r.row] = (name, city)
        # the records of the cities met for the first time
        cities = [key for key in fresh if key not in right]
        for key in cities:
            right[key] = set()
        for rid, name, city in _records(session, kind, [
                c for key in cities for c in stored_cities.get(key, ())]):
            group = (city_of(city), key_of(name))
            right[group[0]].add(group[1])
            held = records.get(group)
            if held is None or rid < held[0]:
                records[group] = (rid, name)
        # the new names against the records' names: the same name, then similar ones
        for city, names in fresh.items():
            for name in names:
                if (city, name) in records:
                    from_record((city, name), 100, *records[(city, name)])
        for city, a, b, score in similar_in_cities(fresh, right):
            from_record((city, a), score, *records[(city, b)])
        # and against the file's names so far (those of this block included)
        for city, names in fresh.items():
            seen.setdefault(city, set()).update(names)
        pairs = set()
        for city, a, b, score in similar_in_cities(fresh, seen):
            ga, gb = (city, a), (city, b)
            pairs.add((ga, gb, score) if first[ga] < first[gb] else (gb, ga, score))
        for ga, gb, score in pairs:
            near.setdefault(ga, []).append((gb, score))
            near.setdefault(gb, []).append((ga, score))
        for row, group in members:
            if group in from_db:
                score, rid, name = from_db[group]
                offer(row, score, name, rid, None)
            earliest, name = first[group]
            if earliest < row:
                offer(row, 100, name, None, earliest)
            for other, score in near.get(group, ()):
                earliest, name = first[other]
                if earliest < row:
                    offer(row, score, name, None, earliest)
    out = []
    for row in sorted(best)[:limit]:
        (score, _, _), other, rid, earlier = best[row]
        name, city = shown[row]
        out.append(SimilarName(row, name, other, city, score, existing_id=rid,
                               earlier_row=earlier))
    return out
