"""Probable duplicates among live contacts or companies (the find-duplicates page).

    DuplicateService(db).groups("contacts")                      # every reason
    DuplicateService(db).groups("companies", reasons={"legal_id"})

A group is a set of live records (the Trash never counts) that share something:
- contacts: a mobile (mobile and mobile2 compared with each other: A's second mobile
  being B's mobile makes a group), a national code, an e-mail (case-insensitive);
- companies: a national ID (legal_id), an e-mail (case-insensitive), a phone;
- both: similar names in the same city (text/similar.py: equal or similar name keys; a
  record without a city is in no name group). The records of one city whose names are
  linked by similarity, directly or through another name, make one group.
A record may be in several groups (a mobile group and a name group). Order: the exact
reasons first (in the order of REASONS), larger groups first, then by value; then the
name groups by score (lowest link in the group), highest first, then by city and name.

Everything is read in one pass over the live records (one SELECT, grouped in Python: the
name keys need every row anyway); 100,000 contacts take about a second
(bench/bench_duplicates.py).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from operator import itemgetter
from typing import Any, Literal

from crm_desktop.db.engine import Database
from crm_desktop.domain.errors import FieldError, ValidationError
from crm_desktop.text.collation import sort_key
from crm_desktop.text.similar import SIMILAR_SCORE, city_key, name_key, similar_in_cities

Kind = Literal["contacts", "companies"]
KINDS: tuple[Kind, ...] = ("contacts", "companies")
#: the reasons of each kind, exact ones first, in the order the groups are listed
REASONS: dict[str, tuple[str, ...]] = {
    "contacts": ("mobile", "national_code", "email", "name"),
    "companies": ("legal_id", "email", "phone", "name"),
}


@dataclass(frozen=True, eq=False)
class DuplicateGroup:
    kind: Kind
    #: a key of REASONS[kind]
    reason: str
    #: the shared value: the number, code or e-mail (lowercased); for "name", the name of
    #: the group's first (oldest) record
    value: str
    #: the members' ids, oldest record first
    ids: tuple[int, ...]
    #: 100 for the exact reasons and equal names; else the lowest similarity in the group
    score: int = 100
    #: "name" groups: the city (as the first record spells it)
    city: str | None = None
    _records: _Records | None = field(default=None, repr=False)

    @property
    def size(self) -> int:
        return len(self.ids)

    @cached_property
    def rows(self) -> tuple[dict[str, Any], ...]:
        """One list row per member (same order as ids): id, name, city, mobile (contacts)
        or phone (companies), email, national_code or legal_id, created_at. Made when
        first asked for (a page shows a few of 20,000 groups), from the same read."""
        if self._records is None:
            return ()
        return tuple(self._records.row(i) for i in self.ids)


def _check_kind(kind: Any) -> Kind:
    if kind not in KINDS:
        raise ValidationError(FieldError("kind", "choice", {"choices": ", ".join(KINDS)}))
    return kind  # type: ignore[no-any-return]


def _check_reasons(kind: Kind, reasons: Any) -> tuple[str, ...]:
    if reasons is None:
        return REASONS[kind]
    if isinstance(reasons, str | bytes) or not isinstance(reasons, Iterable):
        raise ValidationError(FieldError("reasons", "invalid"))
    wanted = set(reasons)
    unknown = [r for r in wanted if r not in REASONS[kind]]
    if unknown:
        raise ValidationError(FieldError("reasons", "choice",
                                         {"choices": ", ".join(REASONS[kind])}))
    return tuple(r for r in REASONS[kind] if r in wanted)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        parent = self.parent
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while x != root:  # path compression
            parent[x], x = root, parent.get(x, x)
        return root

    def union(self, a: str, b: str) -> None:
        self.parent.setdefault(a, a)
        self.parent.setdefault(b, b)
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


#: the columns read, per kind (one scan of the live records); "name" and "city" first
_COLUMNS = {
    "contacts": ("id", "full_name", "city", "mobile", "mobile2", "email", "national_code",
                 "created_at"),
    "companies": ("id", "name", "city", "phone", "email", "legal_id", "created_at"),
}
_TABLES = {"contacts": "contacts", "companies": "accounts"}
#: the list row of a member: its keys and the column each is read from
_ROW_KEYS = {
    "contacts": ("id", "name", "city", "mobile", "email", "national_code", "created_at"),
    "companies": ("id", "name", "city", "phone", "email", "legal_id", "created_at"),
}


def _instant(value: Any) -> datetime | None:
    """A stored instant (naive UTC text) as an aware datetime, like db.types.UTCDateTime."""
    if value is None or isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if isinstance(value, datetime) else None
    try:
        return datetime.fromisoformat(str(value) + "+00:00")
    except ValueError:
        return datetime.fromisoformat(str(value))


class _Records:
    """The live records of one kind as read (one tuple each), by column, with list rows."""

    def __init__(self, kind: Kind, rows: list[tuple[Any, ...]]):
        self.kind = kind
        names = _COLUMNS[kind]
        self.columns: dict[str, tuple[Any, ...]] = (
            dict(zip(names, zip(*rows, strict=True), strict=True)) if rows
            else {n: () for n in names})
        self.ids: tuple[int, ...] = self.columns["id"]
        self.position = {rid: n for n, rid in enumerate(self.ids)}
        self._rows = rows
        created = self.columns["created_at"]
        position = self.position
        # oldest first: by the stored instant's text (ISO, sorts as time), then by id
        self.age = lambda rid: (created[position[rid]] or "", rid)
        self._pick = itemgetter(*(
            names.index("full_name" if k == "name" and kind == "contacts" else k)
            for k in _ROW_KEYS[kind]))

    def value(self, rid: int, column: str) -> Any:
        return self.columns[column][self.position[rid]]

    def row(self, rid: int) -> dict[str, Any]:
        row = dict(zip(_ROW_KEYS[self.kind], self._pick(self._rows[self.position[rid]]),
                       strict=True))
        row["created_at"] = _instant(row["created_at"])
        return row

    def group(self, reason: str, value: str | None, ids: Iterable[int], score: int = 100
              ) -> DuplicateGroup:
        members = tuple(sorted(set(ids), key=self.age))
        city = None
        if value is None:  # a name group: named after its oldest record
            name = self.value(members[0], "full_name" if self.kind == "contacts" else "name")
            value, city = name or "", self.value(members[0], "city")
        return DuplicateGroup(self.kind, reason, value, members, score, city, self)


class DuplicateService:
    """Reads only."""

    def __init__(self, db: Database):
        self.db = db

    def _read(self, kind: Kind) -> _Records:
        # one plain scan, as tuples: the rows are grouped in Python, and only the members
        # of a group become list rows (100,000 ORM rows would cost a second more)
        columns = ", ".join(_COLUMNS[kind])
        # (no ORDER BY: walking the created_at index costs a row lookup per record)
        sql = f"SELECT {columns} FROM {_TABLES[kind]} WHERE deleted_at IS NULL"
        with self.db.read() as session:
            cursor = session.connection().connection.dbapi_connection.cursor()
            try:
                rows = cursor.execute(sql).fetchall()
            finally:
                cursor.close()
        return _Records(kind, rows)

    def groups(self, kind: Kind, *, reasons: Collection[str] | None = None,
               score: int = SIMILAR_SCORE) -> list[DuplicateGroup]:
        """The groups of probable duplicates among live `kind` records (see the module's
        text), for the reasons asked (default: all of REASONS[kind])."""
        kind = _check_kind(kind)
        wanted = _check_reasons(kind, reasons)
        if isinstance(score, bool) or not isinstance(score, int) or not 1 <= score <= 100:
            raise ValidationError(FieldError("score", "range", {"min": 1, "max": 100}))
        records = self._read(kind)
        out: list[DuplicateGroup] = []
        for reason in wanted:
            if reason == "name":
                out += _name_groups(records, score)
            else:
                out += _exact_groups(records, reason)
        return out


def _exact_groups(records: _Records, reason: str) -> list[DuplicateGroup]:
    ids, cols = records.ids, records.columns
    if reason == "mobile":  # the first and the second mobile against each other
        first, second = cols["mobile"], cols["mobile2"]
        seconds = [(rid, b) for rid, a, b in zip(ids, first, second, strict=True)
                   if b and b != a]
        counts = Counter(first)
        counts.update(b for _rid, b in seconds)
        pairs: Iterable[tuple[int, Any]] = [*zip(ids, first, strict=True), *seconds]
    elif reason == "email":
        emails = [(rid, v.lower()) for rid, v in zip(ids, cols["email"], strict=True) if v]
        counts = Counter(v for _rid, v in emails)
        pairs = emails
    else:
        counts = Counter(cols[reason])  # in C: only the few shared values are collected
        pairs = zip(ids, cols[reason], strict=True)
    shared = {v for v, n in counts.items() if n > 1 and v}
    if not shared:
        return []
    by_value: dict[str, list[int]] = defaultdict(list)
    for rid, v in pairs:
        if v in shared:
            by_value[v].append(rid)
    found = sorted(by_value.items(), key=lambda g: (-len(g[1]), g[0]))
    return [records.group(reason, value, members) for value, members in found]


def _name_groups(records: _Records, score: int) -> list[DuplicateGroup]:
    company = records.kind == "companies"
    # (city key, name key) -> ids; each distinct name and city is folded once
    by_pair: dict[tuple[str, str], list[int]] = defaultdict(list)
    cols = records.columns
    name_col = cols["name" if company else "full_name"]
    names = {n: name_key(n, company=company) for n in set(name_col)}
    cities = {c: city_key(c) for c in set(cols["city"])}
    for rid, raw_name, raw_city in zip(records.ids, name_col, cols["city"], strict=True):
        ck, nk = cities[raw_city], names[raw_name]
        if ck and nk:
            by_pair[(ck, nk)].append(rid)
    by_city: dict[str, list[str]] = defaultdict(list)
    for c, n in by_pair:
        by_city[c].append(n)
    links: dict[str, _UnionFind] = defaultdict(_UnionFind)
    weakest: dict[tuple[str, str], int] = {}  # (city, key) -> its lowest link score
    for c, a, b, s in similar_in_cities(by_city, score=score):
        links[c].union(a, b)
        for k in (a, b):
            weakest[(c, k)] = min(weakest.get((c, k), 100), s)
    found: list[tuple[list[int], int]] = []
    components: dict[tuple[str, str], list[int]] = defaultdict(list)
    for (c, n), members in by_pair.items():
        uf = links.get(c)
        if uf is not None and n in uf.parent:
            components[(c, uf.find(n))] += members
        elif len(members) > 1:  # an equal name, no similar one
            found.append((members, 100))
    lowest: dict[tuple[str, str], int] = {}  # a component's weakest link
    for c, uf in links.items():
        for k in uf.parent:
            at = (c, uf.find(k))
            lowest[at] = min(lowest.get(at, 100), weakest[(c, k)])
    found += [(members, lowest[at]) for at, members in components.items()]
    groups = [records.group("name", None, members, low) for members, low in found]
    sort_keys: dict[str, str] = {}

    def cached_sort_key(text: str | None) -> str:
        key = sort_keys.get(text or "")
        if key is None:
            key = sort_keys[text or ""] = sort_key(text or "")
        return key

    groups.sort(key=lambda g: (-g.score, cached_sort_key(g.city), cached_sort_key(g.value),
                               g.ids[0]))
    return groups
