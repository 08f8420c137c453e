"""One global search over contacts, companies, deals and tickets (FTS5, ranked, typed)."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import text

from crm_desktop.db.engine import Database
from crm_desktop.services.search_query import match_expression
from crm_desktop.text.normalize import search_terms

#: FTS hits looked at per kind before ranking: bounds the cost of a one-letter prefix.
RANK_CAP = 300
SEPARATOR = " · "

# Each query takes :match, :cap and :limit and yields id, title, score and up to three
# subtitle parts s1..s3 (joined with a middle dot, empty ones left out).
_QUERIES: dict[str, str] = {
    "contact": """
        SELECT c.id, c.full_name AS title, c.mobile AS s1, a.name AS s2, c.city AS s3, f.score
        FROM ({hits:contacts}) AS f
        JOIN contacts c ON c.id = f.id
        LEFT JOIN accounts a ON a.id = c.account_id
        WHERE c.deleted_at IS NULL ORDER BY f.score, c.sort_key LIMIT :limit""",
    "account": """
        SELECT a.id, a.name AS title, a.city AS s1, a.phone AS s2, NULL AS s3, f.score
        FROM ({hits:accounts}) AS f
        JOIN accounts a ON a.id = f.id
        WHERE a.deleted_at IS NULL ORDER BY f.score, a.sort_key LIMIT :limit""",
    "deal": """
        SELECT d.id, d.title AS title, s.name AS s1, c.full_name AS s2, a.name AS s3, f.score
        FROM ({hits:deals}) AS f
        JOIN deals d ON d.id = f.id
        JOIN pipeline_stages s ON s.id = d.stage_id
        LEFT JOIN contacts c ON c.id = d.contact_id
        LEFT JOIN accounts a ON a.id = d.account_id
        WHERE d.deleted_at IS NULL ORDER BY f.score, d.id DESC LIMIT :limit""",
    "ticket": """
        SELECT t.id, t.subject AS title, 'T-' || t.year || '-' || printf('%04d', t.seq) AS s1,
               c.full_name AS s2, NULL AS s3, f.score
        FROM ({hits:tickets}) AS f
        JOIN tickets t ON t.id = f.id
        LEFT JOIN contacts c ON c.id = t.contact_id
        WHERE t.deleted_at IS NULL ORDER BY f.score, t.id DESC LIMIT :limit""",
}
KINDS: tuple[str, ...] = tuple(_QUERIES)

# The FTS part of each query. bm25 weights: a hit in the name counts ten times a hit in
# phones, e-mail or codes. A one-letter prefix matches a large share of the table and
# ranking it says little, so it skips bm25 and shows names in alphabetical order.
_RANKED = "SELECT rowid AS id, bm25({fts}, 10.0, 1.0) AS score FROM {fts} " \
          "WHERE {fts} MATCH :match LIMIT :cap"
_UNRANKED = "SELECT rowid AS id, 0.0 AS score FROM {fts} WHERE {fts} MATCH :match LIMIT :cap"


def _compile(ranked: bool) -> dict[str, str]:
    inner = _RANKED if ranked else _UNRANKED
    return {
        kind: re.sub(r"\{hits:(\w+)\}", lambda m: inner.format(fts=f"{m[1]}_fts"), sql)
        for kind, sql in _QUERIES.items()
    }


_SQL = {True: _compile(True), False: _compile(False)}


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


class SearchService:
    def __init__(self, db: Database):
        self.db = db

    def search(
        self, raw: str, limit: int = 20, kinds: tuple[str, ...] = KINDS
    ) -> list[SearchHit]:
        """Best hits first, at most `limit` of each kind and `limit` overall.

        Any input is safe: quotes, operators, a lone letter, emoji, 10,000 characters.
        """
        terms = search_terms(raw)
        expr = match_expression(raw)
        limit = max(1, min(limit, 500))
        if expr is None:
            return []
        ranked = sum(len(t) for t in terms) > 1
        cap = max(RANK_CAP, limit) if ranked else limit * 3  # room for rows in the trash
        params = {"match": expr, "cap": cap, "limit": limit}
        queries = _SQL[ranked]
        hits: list[SearchHit] = []
        with self.db.read() as session:
            for kind in kinds:
                for row in session.execute(text(queries[kind]), params):
                    subtitle = SEPARATOR.join(str(p) for p in (row.s1, row.s2, row.s3) if p)
                    hits.append(SearchHit(kind, row.id, row.title, subtitle, row.score))
        hits.sort(key=lambda h: h.score)
        return hits[:limit]
