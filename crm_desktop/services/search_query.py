"""Turns whatever a user typed into a safe FTS5 MATCH expression.

Every term is normalised (text.normalize.search_terms), quoted (so `AND`, `NEAR`, `*`, `:`,
`-`, parentheses and quotes are plain text) and prefix-matched; terms are ANDed. A digit
term typed with an international prefix (+98912, 0098912) also matches the stored 0912...
"""

from __future__ import annotations

from crm_desktop.text.normalize import phone_variants, search_terms


def _quoted_prefix(term: str) -> str:
    return '"' + term.replace('"', '""') + '"*'


def match_expression(raw: str) -> str | None:
    """The MATCH expression for `raw`, or None when nothing searchable was typed."""
    parts = []
    for term in search_terms(raw):
        variants = phone_variants(term) if term.isdigit() else [term]
        if len(variants) == 1:
            parts.append(_quoted_prefix(variants[0]))
        else:
            parts.append("(" + " OR ".join(_quoted_prefix(v) for v in variants) + ")")
    return " AND ".join(parts) if parts else None
