"""Persian alphabetical order as a plain string key (for an indexed sort-key column)."""

from __future__ import annotations

import functools

from crm_desktop.text.normalize import NAME_CACHE, ZWNJ, fold

#: The Persian alphabet in dictionary order.
PERSIAN_ALPHABET = "آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی"

#: First code point of the private-use block the letters are mapped to (sorts after ASCII,
#: Latin and every other BMP script letter that passes through unchanged).
_BASE = 0xE000

_LETTER_MAP = {ord(ch): chr(_BASE + i) for i, ch in enumerate(PERSIAN_ALPHABET)}
_LETTER_MAP[ord(ZWNJ)] = None


@functools.lru_cache(maxsize=NAME_CACHE)
def sort_key(s: str) -> str:
    """A key whose code-point order (SQLite BINARY collation) is Persian alphabetical order.

    Text is folded like search_key (Arabic variants, hamza forms, diacritics, digits, case),
    ZWNJ is removed, whitespace is collapsed to single spaces (which sort before letters).
    """
    return " ".join(fold(s).translate(_LETTER_MAP).split())
