"""The global search's statements on PostgreSQL (services/search.py has SQLite's and the
rules): the same steps over the GIN expression indexes of db/dialects.py, a tsquery
(services/search_query.py) in place of an FTS5 MATCH, arrays in place of json_each.

Rows match on the same words as on SQLite, soft-deleted rows are counted in the index
as there, names sort by their stored sort key in the C collation (code-point order, as
SQLite's BINARY), and "newest first" is the id order FTS5's rowids follow."""

from __future__ import annotations

from crm_desktop.db.dialects import PG_ALL, PG_NAMES

#: id, title and up to three subtitle parts s1..s3 of the ids in the array %s
PG_DETAILS: dict[str, str] = {
    "contact": """
        SELECT c.id, c.full_name AS title, c.mobile AS s1, a.name AS s2, c.city AS s3
        FROM contacts c LEFT JOIN accounts a ON a.id = c.account_id
        WHERE c.id = ANY(%s)""",
    "account": """
        SELECT a.id, a.name AS title, a.city AS s1, a.phone AS s2, NULL AS s3
        FROM accounts a WHERE a.id = ANY(%s)""",
    "deal": """
        SELECT d.id, d.title AS title, s.name AS s1, c.full_name AS s2, a.name AS s3
        FROM deals d
        JOIN pipeline_stages s ON s.id = d.stage_id
        LEFT JOIN contacts c ON c.id = d.contact_id
        LEFT JOIN accounts a ON a.id = d.account_id
        WHERE d.id = ANY(%s)""",
    # printf('%04d', seq): at least four digits, never cut
    "ticket": """
        SELECT t.id, t.subject AS title,
               'T-' || t.year || '-' || lpad(t.seq::text, greatest(4, length(t.seq::text)),
                                            '0') AS s1,
               c.full_name AS s2, NULL AS s3
        FROM tickets t LEFT JOIN contacts c ON c.id = t.contact_id
        WHERE t.id = ANY(%s)""",
}


def pg_statements(table: str, sorted_names: bool) -> dict[str, str]:
    """services.search._statements on PostgreSQL (the parameters in the same order)."""
    order = "t.sort_key" if sorted_names else "-t.id"
    out = {}
    for step, vector in (("names", PG_NAMES), ("other", PG_ALL)):
        match = f"{vector} @@ %s::tsquery"
        out[f"{step}_count"] = (f"SELECT count(*) FROM (SELECT 1 FROM {table} t "
                                f"WHERE {match} LIMIT %s) AS hits")
        out[step] = (f"SELECT t.id, {order} FROM {table} t "
                     f"WHERE {match} AND t.deleted_at IS NULL LIMIT %s")
        out[f"{step}_newest"] = (f"SELECT t.id FROM {table} t WHERE {match} "
                                 "AND t.deleted_at IS NULL ORDER BY t.id DESC LIMIT %s")
    out["prefix"] = (f"SELECT id FROM {table} WHERE deleted_at IS NULL AND sort_key >= %s "
                     "AND sort_key < %s ORDER BY sort_key, id LIMIT %s")
    return out
