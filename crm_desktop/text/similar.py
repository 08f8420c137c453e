"""Comparing names: the one place the program decides that two names are "the same" or
"similar" (probable duplicates: the import's warnings, the find-duplicates page).

    name_key("محمد رضا کریمی") == name_key("محمدرضا کريمي") == "محمدرضاکریمی"
    similar_pairs([(1, city_key("تهران"), name_key("علی محمدی")),
                   (2, city_key("تهران"), name_key("محمدی علی"))])   # [(1, 2, 95)]

Equal keys: a name typed with or without spaces or ZWNJ between its parts («محمدرضا»,
«محمد رضا», «محمد‌رضا»), in Arabic or Persian letters (ي/ك), with diacritics, tatweel,
Persian or Latin digits, or in another case, gives one key. A person's name loses a leading
title (آقای، خانم، دکتر، مهندس، جناب، سرکار، Mr, Dr, ...); a company's name loses the words of
its legal form (شرکت، سهامی خاص/عام، با مسئولیت محدود، تضامنی، Ltd, LLC, Inc, Co, ...).
Descriptive words (مهندسی، بازرگانی، فروشگاه، هتل) are kept: «فروشگاه آریا» and «هتل آریا»
are two businesses.

Similar keys (rapidfuzz's normalised Indel ratio on the keys, 0..100):
- at least SIMILAR_SCORE (90), chosen from the name pairs judged in
  tests/unit/text/test_similar.py: alternative spellings and typos of a letter in a name of
  usual length score 90-97 («اسمعیل»/«اسماعیل», «داود»/«داوود», «پرسیا»/«پریسا»); below 90
  are mostly different names («علی احمدی»/«علی محمدی» 87.5, «زهره»/«زهرا» 88.9). Names one
  letter apart that are different names («حسن»/«حسین», «سعید»/«سعیده») cannot be told from a
  typo by spelling alone: they are reported, as a warning for a person to judge;
- the same parts in another order (last name first: «محمدی علی» / «علی محمدی»): a rotation
  of the key, reported with SWAPPED_SCORE, for keys of at least 6 letters (below that, two
  different short names can be rotations of each other: «امین»/«مینا»);
- keys whose digits differ are never similar («کلینیک ۱»/«کلینیک ۲» are two branches);
- an empty key (no letters or digits) matches nothing, and neither does an empty city.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import defaultdict
from collections.abc import Collection, Hashable, Iterable, Mapping, Sequence
from typing import TypeAlias

from crm_desktop.text.normalize import fold

#: Two different name keys score at least this much (rapidfuzz ratio) to be similar.
SIMILAR_SCORE = 90
#: The score given to two keys that are the same letters in another order (a rotation).
SWAPPED_SCORE = 95
#: Rotations are only looked for in keys at least this long.
_MIN_SWAP_LEN = 6
#: Cells of one rapidfuzz.cdist call (a uint8 matrix): rows are taken in chunks below it.
_MAX_CELLS = 4_000_000
#: blocks of at most this many cells are compared pair by pair, without cdist
_SMALL = 64

_NOT_ALNUM = re.compile(r"[^\w]|_")

# Leading titles of a person's name, and the words of a company's legal form, folded.
_TITLES = {"اقای", "اقا", "خانم", "دکتر", "مهندس", "جناب", "سرکار", "استاد",
           "mr", "mrs", "ms", "miss", "dr", "eng"}
_LEGAL_PHRASES = [
    ("شرکت",), ("سهامی", "خاص"), ("سهامی", "عام"), ("با", "مسیولیت", "محدود"),
    ("با", "مسوولیت", "محدود"), ("مسیولیت", "محدود"), ("مسوولیت", "محدود"), ("تضامنی",),
    ("ltd",), ("llc",), ("inc",), ("co",), ("company",), ("corp",), ("corporation",),
    ("limited",), ("pjs",), ("pjsc",), ("plc",), ("gmbh",),
]


def _words(name: str) -> list[str]:
    """The folded words of a name (letters and digits; ZWNJ and punctuation break words),
    آ folded to ا (people type «ارش» for «آرش»), at a fixed point of the folding."""
    t = name
    for _ in range(4):
        t = " ".join(_NOT_ALNUM.sub(" ", fold(t).replace("آ", "ا")).split())
        if unicodedata.is_normalized("NFKC", t) and t.casefold() == t and fold(t) == t:
            break
    return t.split()


def _drop_legal_form(words: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(words):
        for phrase in _LEGAL_PHRASES:
            if tuple(words[i:i + len(phrase)]) == phrase:
                i += len(phrase)
                break
        else:
            out.append(words[i])
            i += 1
    return out or words


def name_key(name: str | None, *, company: bool = False) -> str:
    """The comparable form of a person's (default) or a company's name: folded letters and
    digits with no space between them (see the module's text). Idempotent for a person's
    name; "" when the name has no letter or digit."""
    words = _words(name or "")
    if company:
        words = _drop_legal_form(words)
    else:
        while len(words) > 1 and words[0] in _TITLES:
            words = words[1:]
    key = "".join(words)
    for _ in range(4):  # joining words can compose characters again (Hangul jamo): settle
        settled = "".join(_words(key))
        if settled == key:
            break
        key = settled
    return key


def city_key(city: str | None) -> str:
    """The comparable form of a city's name ("" for none: a missing city matches nothing)."""
    return "".join(_words(city or ""))


Item: TypeAlias = tuple[Hashable, str, str]
"""(the caller's key of a record or a row, city_key, name_key)."""

Pair: TypeAlias = tuple[str, str, int]


def _digits(key: str) -> str:
    return "".join(c for c in key if c.isdigit())


def _is_rotation(a: str, b: str) -> bool:
    return len(a) == len(b) and a != b and b in a + a


def _cdist_pairs(rows: Sequence[str], cols: Sequence[str], score: int,
                 *, col_after: int | None = None) -> list[tuple[int, int, int]]:
    """(row index, column index, score) of the cells >= score; with col_after = the
    rows' first index in cols (the same list), only columns after their row."""
    from rapidfuzz import fuzz

    out: list[tuple[int, int, int]] = []
    if not rows or not cols:
        return out
    if len(rows) * len(cols) <= _SMALL:  # a call to cdist costs more than these few
        for r, a in enumerate(rows):
            for j in range(0 if col_after is None else col_after + r + 1, len(cols)):
                s = fuzz.ratio(a, cols[j], score_cutoff=score)
                if s:
                    out.append((r, j, int(s + 0.5)))  # rounded as cdist does (half up)
        return out
    import numpy as np  # rapidfuzz's cdist answers with a numpy matrix
    from rapidfuzz import process

    step = max(1, _MAX_CELLS // len(cols))
    for start in range(0, len(rows), step):
        chunk = rows[start:start + step]
        m = process.cdist(chunk, cols, scorer=fuzz.ratio, score_cutoff=score,
                          dtype=np.uint8, workers=-1)
        ii, jj = np.nonzero(m)
        for i, j in zip(ii.tolist(), jj.tolist(), strict=True):
            r = start + i
            if col_after is not None and j <= col_after + r:
                continue
            out.append((r, j, int(m[i, j])))
    return out


def _fuzzy_block(left: list[str], right: list[str] | None, score: int) -> list[Pair]:
    """Similar different keys of one block (same digits): a length window, then cdist."""
    bound = (200 - score) / score   # ratio >= s needs len(long) <= len(short) * (200-s)/s
    if right is None:
        keys = sorted(left, key=lambda k: (len(k), k))
        lens = [len(k) for k in keys]
        out: list[Pair] = []
        for length in sorted(set(lens)):
            lo = bisect.bisect_left(lens, length)
            mid = bisect.bisect_right(lens, length)
            hi = bisect.bisect_right(lens, int(length * bound + 1e-9))
            for r, c, s in _cdist_pairs(keys[lo:mid], keys[lo:hi], score, col_after=0):
                out.append((keys[lo + r], keys[lo + c], s))
        return out
    lkeys = sorted(left, key=lambda k: (len(k), k))
    rkeys = sorted(right, key=lambda k: (len(k), k))
    llens = [len(k) for k in lkeys]
    rlens = [len(k) for k in rkeys]
    out = []
    for length in sorted(set(llens)):
        lo = bisect.bisect_left(llens, length)
        mid = bisect.bisect_right(llens, length)
        clo = bisect.bisect_left(rlens, length / bound - 1e-9)
        chi = bisect.bisect_right(rlens, int(length * bound + 1e-9))
        cols = rkeys[clo:chi]
        for r, c, s in _cdist_pairs(lkeys[lo:mid], cols, score):
            a, b = lkeys[lo + r], cols[c]
            if a != b:
                out.append((a, b, s))
    return out


def _swapped(left: list[str], right: list[str] | None) -> list[Pair]:
    """Pairs of keys that are rotations of each other (parts in another order)."""
    def by_letters(keys: Iterable[str]) -> dict[str, list[str]]:
        groups: dict[str, list[str]] = defaultdict(list)
        for k in keys:
            if len(k) >= _MIN_SWAP_LEN:
                groups["".join(sorted(k))].append(k)
        return groups

    lgroups = by_letters(left)
    out: list[Pair] = []
    if right is None:
        for keys in lgroups.values():
            for i, a in enumerate(keys):
                out.extend((a, b, SWAPPED_SCORE) for b in keys[i + 1:] if _is_rotation(a, b))
        return out
    rgroups = by_letters(right)
    for letters, keys in lgroups.items():
        for a in keys:
            out.extend((a, b, SWAPPED_SCORE) for b in rgroups.get(letters, ())
                       if _is_rotation(a, b))
    return out


def similar_keys(left: Iterable[str], right: Iterable[str] | None = None, *,
                 score: int = SIMILAR_SCORE) -> list[Pair]:
    """Pairs of DIFFERENT name keys that are similar: (a, b, score), a from `left`, b from
    `right`; with right=None, pairs within `left`, each once. Equal keys are not reported
    (the caller pairs them itself); empty keys are ignored; a pair found both as a rotation
    and by spelling keeps the higher score."""
    score = max(1, min(100, int(score)))
    lset = {k for k in left if k}
    rset = None if right is None else {k for k in right if k}

    def by_digits(keys: set[str]) -> dict[str, list[str]]:
        blocks: dict[str, list[str]] = defaultdict(list)
        for k in keys:
            blocks[_digits(k)].append(k)
        return blocks

    best: dict[tuple[str, str], int] = {}
    lblocks = by_digits(lset)
    rblocks = None if rset is None else by_digits(rset)
    for digits, lkeys in lblocks.items():
        rkeys = None if rblocks is None else rblocks.get(digits)
        if (rkeys is None and len(lkeys) < 2) if rblocks is None else not rkeys:
            continue  # nothing to compare (names with a number of their own)
        found = _fuzzy_block(lkeys, rkeys, score)
        if score <= SWAPPED_SCORE:
            found += _swapped(lkeys, rkeys)
        for a, b, s in found:
            if rset is None and b < a:
                a, b = b, a
            if best.get((a, b), -1) < s:
                best[(a, b)] = s
    return [(a, b, s) for (a, b), s in best.items()]


def similar_in_cities(left: Mapping[str, Collection[str]],
                      right: Mapping[str, Collection[str]] | None = None, *,
                      score: int = SIMILAR_SCORE) -> list[tuple[str, str, str, int]]:
    """(city, a, b, score) for each pair of DIFFERENT similar name keys found in the same
    city: a among left[city], b among right[city] (right=None: both among left[city], each
    pair once). Only distinct keys are compared: over all cities at once when that is
    fewer comparisons (the same names recur in every city), else city by city."""
    other = left if right is None else right
    shared = [c for c in left if c and c in other]
    out: list[tuple[str, str, str, int]] = []
    per_city = sum(len(left[c]) * len(other[c]) for c in shared)
    lall = {n for c in shared for n in left[c]}
    rall = lall if right is None else {n for c in shared for n in other[c]}
    if len(lall) * len(rall) <= per_city:
        cities_of: dict[str, list[str]] = defaultdict(list)
        for c in shared:
            for n in left[c]:
                cities_of[n].append(c)
        other_sets = {c: set(other[c]) for c in shared}
        for a, b, s in similar_keys(lall, None if right is None else rall, score=score):
            out.extend((c, a, b, s) for c in cities_of[a] if b in other_sets[c])
    else:
        for c in shared:
            out.extend((c, a, b, s) for a, b, s in similar_keys(
                left[c], None if right is None else other[c], score=score))
    return out


def _by_city(items: Iterable[Item]) -> tuple[dict[str, dict[str, list[Hashable]]],
                                             dict[Hashable, int]]:
    """city -> name key -> item keys (in order), and each item key's position."""
    cities: dict[str, dict[str, list[Hashable]]] = defaultdict(lambda: defaultdict(list))
    order: dict[Hashable, int] = {}
    for key, city, name in items:
        order.setdefault(key, len(order))
        if city and name:
            cities[city][name].append(key)
    return cities, order


def similar_pairs(left: Iterable[Item], right: Iterable[Item] | None = None, *,
                  score: int = SIMILAR_SCORE) -> list[tuple[Hashable, Hashable, int]]:
    """Pairs of items in the same city whose names are similar: (left item's key, right
    item's key, score), highest score first, then in the items' order.

    Items are (key, city_key, name_key). With right=None, pairs within `left`, each once
    (the earlier item first). Equal name keys in the same city score 100 without a fuzzy
    comparison; a missing city or an empty name matches nothing.
    """
    lcities, lorder = _by_city(left)
    if right is None:
        rcities, rorder = lcities, lorder
    else:
        rcities, rorder = _by_city(right)
    out: list[tuple[Hashable, Hashable, int]] = []
    for city, lnames in lcities.items():  # equal names
        rnames = rcities.get(city)
        if rnames is None:
            continue
        for name, keys in lnames.items():
            if right is None:
                out.extend((keys[i], b, 100) for i in range(len(keys)) for b in keys[i + 1:])
            elif name in rnames:
                out.extend((a, b, 100) for a in keys for b in rnames[name])
    found = similar_in_cities(lcities, None if right is None else rcities, score=score)
    for c, a, b, s in found:
        out.extend((x, y, s) for x in lcities[c][a] for y in rcities[c][b])
    if right is None:
        out = [(a, b, s) if lorder[a] < lorder[b] else (b, a, s) for a, b, s in out]
    out.sort(key=lambda p: (-p[2], lorder[p[0]], rorder[p[1]]))
    return out
