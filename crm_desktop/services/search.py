"""One global search over contacts, companies, deals and tickets (FTS5, ordered, typed).

Order of the hits of one kind, best first:
1. names that begin with what was typed, in Persian alphabetical order (contacts and
   companies: a range of the sort-key index, so at any size it reads only the rows shown);
2. the other hits in names (every term found in the name: the names-only index), then
3. the rest (terms found in phones, e-mail, codes, city, or spread over name and the rest).
Steps 2 and 3 count the hits in the index (up to RANK_CAP + 1, reading no table row); when
every hit fits they are all read and ordered (alphabetically, or newest first for deals and
tickets), so no better hit is cut whatever the size of the table: the company named "Shiraz
Steel" comes before 350 companies in Shiraz. Above the cap a step is too broad to order on
every keystroke ("09" matches every mobile, a common surname thousands of names); its hits
follow newest first, read in the index's own order. Each step runs only while the page is not full.

No bm25: its document frequencies read the whole posting list of every term at each
keystroke (4 ms for two short prefixes at 500,000 contacts), and within one step the hits
are equally good by what it measures (names are short; every hit holds every term).
Hits of different kinds are merged by step, then kind, then order within the kind.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict, dataclass
from typing import Any

from crm_desktop.db.engine import Database
from crm_desktop.domain.permissions import Perm
from crm_desktop.services.access import cached_permissions
from crm_desktop.services.search_pg import PG_DETAILS, pg_statements
from crm_desktop.services.search_query import search_expression
from crm_desktop.text.collation import sort_key

#: Up to this many hits of one step are read and ordered; above it, newest first.
RANK_CAP = 300
SEPARATOR = " · "
#: Above every character a sort key holds (the Persian letters are mapped to U+E000...).
_KEY_END = "\U0010ffff"

_STEP_PREFIX, _STEP_NAMES, _STEP_OTHER = 0, 1, 2


@dataclass(frozen=True)
class _Kind:
    table: str
    #: the table has a `sort_key` column with a live (sort_key, id) index
    sorted_names: bool
    #: id, title and up to three subtitle parts s1..s3 of the ids in the JSON array ?1
    details: str


_KINDS: dict[str, _Kind] = {
    "contact": _Kind("contacts", True, """
        SELECT c.id, c.full_name AS title, c.mobile AS s1, a.name AS s2, c.city AS s3
        FROM contacts c LEFT JOIN accounts a ON a.id = c.account_id
        WHERE c.id IN (SELECT value FROM json_each(?1))"""),
    "account": _Kind("accounts", True, """
        SELECT a.id, a.name AS title, a.city AS s1, a.phone AS s2, NULL AS s3
        FROM accounts a WHERE a.id IN (SELECT value FROM json_each(?1))"""),
    "deal": _Kind("deals", False, """
        SELECT d.id, d.title AS title, s.name AS s1, c.full_name AS s2, a.name AS s3
        FROM deals d
        JOIN pipeline_stages s ON s.id = d.stage_id
        LEFT JOIN contacts c ON c.id = d.contact_id
        LEFT JOIN accounts a ON a.id = d.account_id
        WHERE d.id IN (SELECT value FROM json_each(?1))"""),
    "ticket": _Kind("tickets", False, """
        SELECT t.id, t.subject AS title, 'T-' || t.year || '-' || printf('%04d', t.seq) AS s1,
               c.full_name AS s2, NULL AS s3
        FROM tickets t LEFT JOIN contacts c ON c.id = t.contact_id
        WHERE t.id IN (SELECT value FROM json_each(?1))"""),
}
KINDS: tuple[str, ...] = tuple(_KINDS)


def _statements(table: str, sorted_names: bool) -> dict[str, str]:
    """The statements of one kind (fixed text: each is prepared once and cached)."""
    order = "t.sort_key" if sorted_names else "-t.id"
    out = {}
    for step, fts in (("names", f"{table}_fts_names"), ("other", f"{table}_fts")):
        # hits counted up to the cap + 1, in the index alone (no table row is read)
        out[f"{step}_count"] = (f"SELECT count(*) FROM (SELECT 1 FROM {fts} WHERE {fts} "
                                "MATCH ?1 LIMIT ?2)")
        # the live hits with their order key
        out[step] = (f"SELECT f.rowid, {order} FROM {fts} f JOIN {table} t ON t.id = f.rowid "
                     f"WHERE {fts} MATCH ?1 AND t.deleted_at IS NULL LIMIT ?2")
        # newest first, in the index's rowid order (reads only the rows returned)
        out[f"{step}_newest"] = (
            f"SELECT f.rowid FROM {fts} f JOIN {table} t ON t.id = f.rowid "
            f"WHERE {fts} MATCH ?1 AND t.deleted_at IS NULL ORDER BY f.rowid DESC LIMIT ?2")
    # names beginning with the typed text, alphabetical (a range of the sort-key index)
    out["prefix"] = (f"SELECT id FROM {table} WHERE deleted_at IS NULL AND sort_key >= ?1 "
                     "AND sort_key < ?2 ORDER BY sort_key, id LIMIT ?3")
    return out


_SQL = {kind: _statements(k.table, k.sorted_names) for kind, k in _KINDS.items()}
_PG_SQL = {kind: pg_statements(k.table, k.sorted_names) for kind, k in _KINDS.items()}


@dataclass(frozen=True)
class SearchHit:
    kind: str
    id: int
    title: str
    subtitle: str
    #: the step that found it: 0 the name begins with the text, 1 in the name, 2 elsewhere
    score: float

    def as_json(self) -> dict[str, Any]:
        d = asdict(self)
        del d["score"]
        return d


def _ordered_ids(
    conn: Any, kind: str, raw: str, expr: str, limit: int, postgresql: bool = False
) -> list[tuple[int, int]]:
    """(id, step) of the best `limit` live hits of one kind, best first."""
    sql = _PG_SQL[kind] if postgresql else _SQL[kind]
    out: list[tuple[int, int]] = []
    seen: set[int] = set()

    def add(ids: Any, step: int) -> None:
        for id_ in ids:
            if id_ not in seen and len(out) < limit:
                seen.add(id_)
                out.append((id_, step))

    if _KINDS[kind].sorted_names:
        # a lone surrogate cannot be sent to SQLite (nor begin a stored name)
        prefix = sort_key(raw).encode("utf-8", "replace").decode("utf-8")
        # (no stored key holds a NUL, which PostgreSQL text cannot hold either)
        if prefix and not (postgresql and "\x00" in prefix):
            rows = conn.execute(sql["prefix"], (prefix, prefix + _KEY_END, limit))
            add((r[0] for r in rows), _STEP_PREFIX)
    broad = False
    for step, name in ((_STEP_NAMES, "names"), (_STEP_OTHER, "other")):
        if len(out) >= limit:
            break
        # every hit in names is a hit of the whole index: more than the cap there, here too
        broad = broad or conn.execute(sql[f"{name}_count"], (expr, RANK_CAP + 1)).fetchone()[
            0] > RANK_CAP
        if not broad:
            hits = conn.execute(sql[name], (expr, RANK_CAP)).fetchall()
            hits.sort(key=lambda h: (h[1], h[0]))
            add((h[0] for h in hits), step)
        else:
            rows = conn.execute(sql[f"{name}_newest"], (expr, limit + len(out)))
            add((r[0] for r in rows), step)
    return out


class SearchService:
    def __init__(self, db: Database, actor_id: int | None = None):
        self.db = db
        self.actor_id = actor_id

    def search(
        self, raw: str, limit: int = 20, kinds: tuple[str, ...] = KINDS
    ) -> list[SearchHit]:
        """Best hits first, at most `limit` of each kind and `limit` overall.

        Any input is safe: quotes, operators, a lone letter, emoji, 10,000 characters.
        """
        postgresql = self.db.dialect == "postgresql"
        expr = search_expression(raw, self.db.dialect)
        limit = max(1, min(limit, 500))
        if expr is None:
            return []
        ranked: list[tuple[tuple[int, int, int], SearchHit]] = []
        with self.db.read() as session:
            # without SEE_ALL: only the actor's own records among the hits (every kind
            # searched has an owner)
            own = None if self.actor_id is None or Perm.SEE_ALL in cached_permissions(
                self.db, self.actor_id) else self.actor_id
            conn = session.connection().connection.driver_connection
            assert postgresql or isinstance(conn, sqlite3.Connection)
            for kind_no, kind in enumerate(kinds):
                ids = _ordered_ids(conn, kind, raw, expr, limit, postgresql)
                id_list = [i for i, _ in ids]
                if ids and own is not None:
                    mine = {r[0] for r in conn.execute(
                        f"SELECT id FROM {_KINDS[kind].table} WHERE owner_id = %s "
                        "AND id = ANY(%s)" if postgresql else
                        f"SELECT id FROM {_KINDS[kind].table} WHERE owner_id = ? "
                        "AND id IN (SELECT value FROM json_each(?))",
                        (own, id_list if postgresql else json.dumps(id_list)))}
                    ids = [(i, step) for i, step in ids if i in mine]
                if not ids:
                    continue
                id_list = [i for i, _ in ids]
                details = (PG_DETAILS[kind], (id_list,)) if postgresql else (
                    _KINDS[kind].details, (json.dumps(id_list),))
                rows = {r[0]: r for r in conn.execute(*details)}
                for position, (id_, step) in enumerate(ids):
                    _id, title, s1, s2, s3 = rows[id_]
                    subtitle = SEPARATOR.join(str(p) for p in (s1, s2, s3) if p)
                    hit = SearchHit(kind, id_, title, subtitle, float(step))
                    ranked.append(((step, kind_no, position), hit))
        ranked.sort(key=lambda pair: pair[0])
        return [hit for _key, hit in ranked[:limit]]
