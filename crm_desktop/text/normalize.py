"""Persian text normalisation: clean text for storage, fold text for search."""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata

from crm_desktop.text.digits import (
    ARABIC_INDIC_DIGITS,
    ASCII_DIGITS,
    BIDI_CONTROLS,
    PERSIAN_DIGITS,
)

#: names remembered by search_name_key (and collation.sort_key): an import of 100,000
#: contacts computes both for every row, and names repeat (pure functions of a str)
NAME_CACHE = 1 << 14

ZWNJ = "\u200c"
ZWJ = "\u200d"
TATWEEL = "\u0640"
_BOM = "\ufeff"
_SOFT_HYPHEN = "\u00ad"

# --- clean_text ---------------------------------------------------------------------------

#: C0 and C1 control characters and DEL: the whitespace ones (tab, newline, ...) become a
#: space, the others (NUL, bell, escape, ...) are removed; lone surrogates (U+D800-U+DFFF,
#: which cannot be stored as UTF-8) are removed too.
_CONTROLS = [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)]
_CLEAN_DROP: dict[int, str | None] = {
    c: (" " if chr(c).isspace() else None) for c in _CONTROLS
}
_CLEAN_DROP.update(dict.fromkeys(range(0xD800, 0xE000)))
_CLEAN_DROP.update(dict.fromkeys(map(ord, BIDI_CONTROLS + TATWEEL + _BOM)))
_CLEAN_MAP = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک"})


def clean_text(s: str) -> str:
    """Tidy what a user typed before storing it (names, addresses). Idempotent.

    NFC; Arabic yeh/kaf to Persian; control characters (C0, C1, DEL), lone surrogates, bidi
    controls and tatweel removed; whitespace (tabs and line breaks included) collapsed and
    stripped; ZWNJ kept inside words but removed when doubled, next to a space or at an end.
    Diacritics are kept. For multi-line text, clean each line.
    """
    t = unicodedata.normalize("NFC", s.translate(_CLEAN_DROP)).translate(_CLEAN_MAP)
    words = []
    for word in t.split():
        parts = [p for p in word.split(ZWNJ) if p]
        if parts:
            words.append(ZWNJ.join(parts))
    return " ".join(words)


# --- search_key / search_terms --------------------------------------------------------------

_ARABIC_MARKS = (
    [chr(c) for c in range(0x064B, 0x0660)] + ["\u0670"] + [chr(c) for c in range(0x06D6, 0x06EE)]
)
_SEARCH_DROP = BIDI_CONTROLS + ZWJ + TATWEEL + _BOM + _SOFT_HYPHEN + "ء" + "".join(_ARABIC_MARKS)

_SEARCH_MAP: dict[int, str | None] = {ord(c): None for c in _SEARCH_DROP}
_SEARCH_MAP.update(
    str.maketrans(
        {
            "ي": "ی",
            "ى": "ی",
            "ئ": "ی",
            "ك": "ک",
            "ة": "ه",
            "ۀ": "ه",
            "أ": "ا",
            "إ": "ا",
            "ٱ": "ا",
            "ؤ": "و",
        }
    )
)
_SEARCH_MAP.update(str.maketrans(PERSIAN_DIGITS + ARABIC_INDIC_DIGITS, ASCII_DIGITS * 2))


def fold(s: str) -> str:
    """Character folding shared by search and sorting: NFKC, casefold, Arabic variant letters
    to Persian, hamza forms to their base letter, diacritics/tatweel/bidi marks/ZWJ removed,
    digits to ASCII. Punctuation, spaces and ZWNJ are left in place."""
    if s.isascii():  # the same result, faster: NFKC leaves ASCII as it is, casefold is
        return s.lower()  # lower, and no ASCII character is folded (test_text_speed)
    return _fold_any(s)


def _fold_any(s: str) -> str:
    """fold() of any text (the rule itself)."""
    # NFKC before dropping marks, so that canonically equivalent input (a decomposed آ) folds
    # the same; the second NFKC completes casefold (whose output is not always normalised).
    t = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", s).casefold())
    return t.translate(_SEARCH_MAP)


# Anything but a letter, a digit (str.isalnum: \w without "_") or ZWNJ.
_NOT_WORD = re.compile(r"[^\w\u200c]|_")
_ZWNJ_AT_SPACE = re.compile(r"\u200c* [ \u200c]*")
_ZWNJ_RUN = re.compile(r"\u200c{2,}")


def _fold_words_once(s: str) -> str:
    t = _NOT_WORD.sub(" ", fold(s))
    if ZWNJ in t:
        t = _ZWNJ_RUN.sub(ZWNJ, _ZWNJ_AT_SPACE.sub(" ", t)).strip(" " + ZWNJ)
    return " ".join(t.split())


def _stable(t: str) -> bool:
    return unicodedata.is_normalized("NFKC", t) and t.casefold() == t


def _fold_words(s: str) -> str:
    """Words of `s` (letters and digits only, ZWNJ kept inside words), at a fixed point.

    One pass nearly always suffices; rare inputs (compatibility characters that NFKC turns
    into capitals, or marks removed between Hangul jamo) need another one. ASCII text
    (mobiles, e-mails, codes) is settled after one pass: no ZWNJ, nothing to check.
    """
    if s.isascii():  # the same result, faster (test_text_speed)
        return " ".join(_NOT_WORD.sub(" ", s.lower()).split())
    return _fold_words_any(s)


def _fold_words_any(s: str) -> str:
    """_fold_words() of any text (the rule itself)."""
    t = _fold_words_once(s)
    for _ in range(4):
        if _stable(t):
            break
        t = _fold_words_once(t)
    return t


def _settled(word: str) -> list[str]:
    """`word` (letters and digits) folded to a fixed point; joining parts can compose."""
    return [word] if _stable(word) else _fold_words(word).split()


def search_key(s: str) -> str:
    """The text to store in the full-text index.

    A word with ZWNJ appears joined and split: "می‌خواهم" -> "میخواهم می خواهم".
    """
    out: list[str] = []
    for word in _fold_words(s).split():
        if ZWNJ in word:
            out.extend(_settled(word.replace(ZWNJ, "")))
            for part in word.split(ZWNJ):
                out.extend(_settled(part))
        else:
            out.append(word)
    return " ".join(out)


def _parts(s: str) -> list[str]:
    """The words of `s` in order, a ZWNJ counting as a word break."""
    out: list[str] = []
    for word in _fold_words(s).split():
        for part in word.split(ZWNJ) if ZWNJ in word else [word]:
            out.extend(_settled(part))
    return out


@functools.lru_cache(maxsize=NAME_CACHE)
def search_name_key(s: str) -> str:
    """The index text of a name: search_key(s), then each pair of adjacent words joined.

    One name is typed three ways: «محمدرضا», «محمد رضا» and «محمد‌رضا» (ZWNJ). With the pair
    "محمدرضا" indexed, a query typed joined finds the spaced name; the query side
    (services.search_query) does the reverse: "A B" also matches the joined word "AB".
    """
    key = search_key(s)
    parts = _parts(s)
    seen = set(key.split())
    pairs: list[str] = []
    for a, b in itertools.pairwise(parts):
        for token in _settled(a + b):
            if token not in seen:
                seen.add(token)
                pairs.append(token)
    return " ".join([key, *pairs]) if pairs else key


def search_terms(query: str, max_terms: int = 8, max_len: int = 64) -> list[str]:
    """The distinct search tokens of a query in the order typed, normalised like search_key.

    A ZWNJ is a word break ("محمد‌رضا" -> محمد, رضا): the query side joins adjacent terms
    itself (services.search_query), so the joined and the spaced forms both match.
    """
    terms: list[str] = []
    for part in _parts(query):
        term = part[:max_len]
        if term and term not in terms:
            terms.append(term)
            if len(terms) >= max_terms:
                return terms
    return terms


def phone_variants(term: str) -> list[str]:
    """Forms under which a phone typed as `term` may be stored: "0098912..." -> also "0912..."."""
    t = term.translate(_SEARCH_MAP)
    if not (t.isascii() and t.isdigit()):
        return [term]
    if t.startswith("0098") and len(t) > 4 and t[4] != "0":
        return [t, "0" + t[4:]]
    if t.startswith("989"):
        return [t, "0" + t[2:]]
    return [t]
