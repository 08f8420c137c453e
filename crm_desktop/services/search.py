"""One global search over contacts, companies, deals and tickets (FTS5, ranked, typed).

Order of the hits of one kind, best first:
1. names that begin with what was typed, in Persian alphabetical order (contacts and
   companies: a range of the sort-key index, so at any size it reads only the rows shown);
2. the full-text hits ranked by bm25 (a hit in the name weighs ten times one in phones,
   e-mail or codes), ranked inside the index over every hit, so no good match is cut;
3. when more than RANK_CAP records match, ranking them all would cost milliseconds per
   keystroke and say little (a short prefix, "09", a common surname): then only the hits in
   names are ranked if they are few (the company named "Shiraz Steel" among 350 companies in
   Shiraz), and the rest follow newest first, read in the index's own order.
Each step runs only while the page is not full, so a one-letter search reads about `limit`
rows. Hits of different kinds are merged by step, then score.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict, dataclass
from typing import Any

from crm_desktop.db.engine import Database
from crm_desktop.services.search_query import match_expression
from crm_desktop.text.collation import sort_key

#: Up to this many hits of one kind are all ranked by bm25; above it the query is too broad
#: to rank on every keystroke (bm25 costs about 1-2 microseconds a hit).
RANK_CAP = 300
SEPARATOR = " · "
#: Above every character a sort key holds (the Persian letters are mapped to U+E000...).
_KEY_END = "\U0010ffff"

_STEP_PREFIX, _STEP_RANKED, _STEP_NEWEST = 0, 1, 2


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


def _statements(table: str) -> dict[str, str]:
    """The statements of one kind (fixed text: each is prepared once and cached)."""
    fts = f"{table}_fts"
    return {
        # step 1: names beginning with the typed text, alphabetical (sort-key index range)
        "prefix": f"SELECT id FROM {table} WHERE deleted_at IS NULL AND sort_key >= ?1 "
                  "AND sort_key < ?2 ORDER BY sort_key, id LIMIT ?3",
        # how many records match, counted no further than the cap
        "count": f"SELECT count(*) FROM (SELECT 1 FROM {fts} WHERE {fts} MATCH ?1 LIMIT ?2)",
        # step 2: every hit ranked inside the index, live rows only
        "ranked": f"SELECT f.rowid, bm25({fts}, 10.0, 1.0) AS score FROM {fts} f "
                  f"JOIN {table} t ON t.id = f.rowid WHERE {fts} MATCH ?1 "
                  "AND t.deleted_at IS NULL ORDER BY score LIMIT ?2",
        # step 3: newest first, in the index's rowid order (reads only the rows returned)
        "newest": f"SELECT f.rowid FROM {fts} f JOIN {table} t ON t.id = f.rowid "
                  f"WHERE {fts} MATCH ?1 AND t.deleted_at IS NULL ORDER BY f.rowid DESC "
                  "LIMIT ?2",
    }


_SQL = {kind: _statements(k.table) for kind, k in _KINDS.items()}


@dataclass(frozen=True)
class SearchHit:
    kind: str
    id: int
    title: str
    subtitle: str
    score: float

    def as_json(self) -> dict[str, Any]:
        d = asdict(self)
        del d["score"]
        return d


def _ranked_ids(
    conn: sqlite3.Connection, kind: str, raw: str, expr: str, limit: int
) -> list[tuple[int, int, float]]:
    """(id, step, score) of the best `limit` live hits of one kind, best first."""
    sql = _SQL[kind]
    out: list[tuple[int, int, float]] = []
    seen: set[int] = set()

    def add(rows: Any, step: int) -> None:
        for row in rows:
            if row[0] not in seen and len(out) < limit:
                seen.add(row[0])
                out.append((row[0], step, float(row[1]) if len(row) > 1 else 0.0))

    if _KINDS[kind].sorted_names:
        prefix = sort_key(raw)
        if prefix:
            add(conn.execute(sql["prefix"], (prefix, prefix + _KEY_END, limit)), _STEP_PREFIX)
    if len(out) >= limit:
        return out
    want = limit + len(out)  # room for the hits already taken
    (n,) = conn.execute(sql["count"], (expr, RANK_CAP + 1)).fetchone()
    if n <= RANK_CAP:
        add(conn.execute(sql["ranked"], (expr, want)), _STEP_RANKED)
        return out
    in_names = f"{{search_name}} : ({expr})"
    (n,) = conn.execute(sql["count"], (in_names, RANK_CAP + 1)).fetchone()
    if 0 < n <= RANK_CAP:
        add(conn.execute(sql["ranked"], (in_names, want)), _STEP_RANKED)
    if len(out) < limit:
        add(conn.execute(sql["newest"], (expr, limit + len(out))), _STEP_NEWEST)
    return out


class SearchService:
    def __init__(self, db: Database):
        self.db = db

    def search(
        self, raw: str, limit: int = 20, kinds: tuple[str, ...] = KINDS
    ) -> list[SearchHit]:
        """Best hits first, at most `limit` of each kind and `limit` overall.

        Any input is safe: quotes, operators, a lone letter, emoji, 10,000 characters.
        """
        expr = match_expression(raw)
        limit = max(1, min(limit, 500))
        if expr is None:
            return []
        ranked: list[tuple[tuple[int, float, int, int], SearchHit]] = []
        with self.db.read() as session:
            conn = session.connection().connection.driver_connection
            assert isinstance(conn, sqlite3.Connection)
            for kind_no, kind in enumerate(kinds):
                ids = _ranked_ids(conn, kind, raw, expr, limit)
                if not ids:
                    continue
                rows = {
                    r[0]: r
                    for r in conn.execute(_KINDS[kind].details, (json.dumps([i for i, *_ in ids]),))
                }
                for position, (id_, step, score) in enumerate(ids):
                    _id, title, s1, s2, s3 = rows[id_]
                    subtitle = SEPARATOR.join(str(p) for p in (s1, s2, s3) if p)
                    hit = SearchHit(kind, id_, title, subtitle, score)
                    ranked.append(((step, score, kind_no, position), hit))
        ranked.sort(key=lambda pair: pair[0])
        return [hit for _key, hit in ranked[:limit]]
