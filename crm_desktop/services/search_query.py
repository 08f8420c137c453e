"""Turns whatever a user typed into a safe FTS5 MATCH expression.

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

from crm_desktop.text.normalize import phone_variants, search_terms


def _quoted_prefix(term: str) -> str:
    return '"' + term.replace('"', '""') + '"*'


def _any(alternatives: list[str]) -> str:
    unique = list(dict.fromkeys(alternatives))
    return unique[0] if len(unique) == 1 else "(" + " OR ".join(unique) + ")"


def _digits(term: str) -> str:
    """A digit term as it may be stored: itself, or its +98/0098 form as 0..."""
    return _any([_quoted_prefix(v) for v in phone_variants(term)])


def match_expression(raw: str) -> str | None:
    """The MATCH expression for `raw`, or None when nothing searchable was typed."""
    terms = search_terms(raw)
    clauses: list[str] = []
    i = 0
    while i < len(terms):
        j = i
        while j < len(terms) and terms[j].isdigit():
            j += 1
        if j - i > 1:  # a run of digit groups: each group, or the whole number
            run = terms[i:j]
            whole = [_digits("".join(run))]
            if run[0] in ("98", "0098") and not run[1].startswith("0"):  # +98 21 8877 ...
                whole.append(_quoted_prefix("0" + "".join(run[1:])))
            groups = " AND ".join(_digits(t) for t in run)
            clauses.append(_any([*whole, f"({groups})"]))
            i = j
            continue
        term = terms[i]
        alternatives = [_digits(term) if term.isdigit() else _quoted_prefix(term)]
        if i > 0:  # typed apart, stored as one word
            alternatives.append(_quoted_prefix(terms[i - 1] + term))
        clauses.append(_any(alternatives))
        i += 1
    return " AND ".join(clauses) if clauses else None
