"""Turns whatever a user typed into a safe FTS5 MATCH expression (SQLite) or tsquery
(PostgreSQL).

Every term is normalised (text.normalize.search_terms), quoted (so `AND`, `NEAR`, `*`, `:`,
`-`, parentheses and quotes are plain text) and prefix-matched; terms are ANDed.

One thing is often typed several ways, and each way must find the others:
- a phone typed in groups ("0912 345 6789", "0912-345-6789", "+98 912 345 6789"): a run of
  digit terms also matches the run joined into one number;
- a digit term typed with an international prefix (+98912, 0098912, or "+98" apart from the
  rest of the number) also matches the stored 0912...;
- a compound name typed spaced or with a ZWNJ («محمد رضا», «محمد‌رضا») or joined
  («محمدرضا»): a term also matches the previous term joined to it ("A B" -> A AND (B OR AB)),
  and names are indexed with each pair of adjacent words joined (search_name_key), so a
  joined query finds a spaced name.
"""

from __future__ import annotations

from dataclasses import dataclass

from crm_desktop.db.dialects import latin_folds
from crm_desktop.text.normalize import phone_variants, search_terms


@dataclass(frozen=True)
class _Syntax:
    """How one database spells a prefix term, AND and OR."""

    prefix_open: str
    prefix_close: str
    quotes: tuple[tuple[str, str], ...]
    and_: str
    or_: str

    folds: dict[int, str] | None = None

    def prefix(self, term: str) -> str:
        if self.folds:
            term = term.translate(self.folds)
        for char, escaped in self.quotes:
            term = term.replace(char, escaped)
        return self.prefix_open + term + self.prefix_close


#: SQLite FTS5: "term"* (a quote doubled)
FTS5 = _Syntax('"', '"*', (('"', '""'),), " AND ", " OR ")
#: PostgreSQL tsquery: 'term':* (a backslash and a quote escaped), read as it is: no
#: parser, no dictionary; Latin diacritics folded as SQLite's tokenizer folds them
#: (db/dialects.py indexes the stored words the same way)
TSQUERY = _Syntax("'", "':*", (("\\", "\\\\"), ("'", "''")), " & ", " | ",
                  str.maketrans(latin_folds()))


def _expression(raw: str, syntax: _Syntax) -> str | None:
    def any_of(alternatives: list[str]) -> str:
        unique = list(dict.fromkeys(alternatives))
        return unique[0] if len(unique) == 1 else "(" + syntax.or_.join(unique) + ")"

    def digits(term: str) -> str:
        """A digit term as it may be stored: itself, or its +98/0098 form as 0..."""
        return any_of([syntax.prefix(v) for v in phone_variants(term)])

    terms = search_terms(raw)
    clauses: list[str] = []
    i = 0
    while i < len(terms):
        j = i
        while j < len(terms) and terms[j].isdigit():
            j += 1
        if j - i > 1:  # a run of digit groups: each group, or the whole number
            run = terms[i:j]
            whole = [digits("".join(run))]
            if run[0] in ("98", "0098") and not run[1].startswith("0"):  # +98 21 8877 ...
                whole.append(syntax.prefix("0" + "".join(run[1:])))
            groups = syntax.and_.join(digits(t) for t in run)
            clauses.append(any_of([*whole, f"({groups})"]))
            i = j
            continue
        term = terms[i]
        alternatives = [digits(term) if term.isdigit() else syntax.prefix(term)]
        if i > 0:  # typed apart, stored as one word
            alternatives.append(syntax.prefix(terms[i - 1] + term))
        clauses.append(any_of(alternatives))
        i += 1
    return syntax.and_.join(clauses) if clauses else None


def match_expression(raw: str) -> str | None:
    """The FTS5 MATCH expression for `raw`, or None when nothing searchable was typed."""
    return _expression(raw, FTS5)


def tsquery_expression(raw: str) -> str | None:
    """The same expression as a PostgreSQL tsquery (text to cast to tsquery)."""
    return _expression(raw, TSQUERY)


def search_expression(raw: str, dialect: str) -> str | None:
    """match_expression on SQLite, tsquery_expression on PostgreSQL."""
    return tsquery_expression(raw) if dialect == "postgresql" else match_expression(raw)
