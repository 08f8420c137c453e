"""Names compared: name_key folds the ways one name is typed, similar_pairs finds probable
duplicates in the same city. The pairs below were judged by hand to choose SIMILAR_SCORE."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from crm_desktop.text.similar import (
    SIMILAR_SCORE,
    SWAPPED_SCORE,
    city_key,
    name_key,
    similar_keys,
    similar_pairs,
)

ZWNJ = "\u200c"

# One person, typed two ways: each pair must be similar (or equal).
SAME_PERSON = [
    ("علی محمدی", "علي محمدي"),             # Arabic yeh
    ("محمدرضا کریمی", "محمد رضا کریمی"),       # a space inside the first name
    ("محمد‌رضا کریمی", "محمدرضا کریمی"),       # ZWNJ
    ("یاسمن خوش‌نویس", "یاسمن خوشنویس"),
    ("زهرا حسین‌زاده", "زهرا حسین زاده"),
    ("نیلوفر شریفی", "نیلوفرشریفی"),          # no space at all
    ("آرش پاکزاد", "ارش پاکزاد"),             # آ typed as ا
    ("مُحَمَّد کریمی", "محمد کریمی"),          # diacritics
    ("اسماعیل رضایی", "اسمعیل رضایی"),        # alternative spelling (95.7)
    ("داوود احمدی", "داود احمدی"),            # 94.7
    ("عبدالله نجفی", "عبداله نجفی"),          # 95.2
    ("ابوالفضل قربانی", "ابولفضل قربانی"),     # 96.3
    ("فاطمه عبدالهی", "فاطمه عبداللهی"),       # 96.0
    ("سارا کریمی", "سارا کرییمی"),            # a doubled letter (94.7)
    ("پریسا موسوی", "پرسیا موسوی"),           # two letters swapped (90.0)
    ("هانیه طاهری", "هانیه طاهر"),            # a letter missing (94.7)
    ("علی محمدی", "محمدی علی"),               # last name first
    ("محمدرضا کریمی", "کریمی محمد رضا"),       # last name first, spaced first name
    ("دکتر علی محمدی", "علی محمدی"),          # a title
    ("آقای رضا نوری", "رضا نوری"),
]
# The same person, but too far apart in spelling for this measure (documented misses).
MISSED = [
    ("کاظم کاظمی", "کاظم کاضمی"),             # one letter replaced in a short name (88.9)
    ("مهسا حسینی", "مهسا حسبنی"),             # 88.9
    ("سید علی موسوی", "علی موسوی"),           # «سید» left out (84.2): kept, it is a name part
]
# Different people whose names must NOT be similar.
DIFFERENT = [
    ("علی محمدی", "علی احمدی"),               # 87.5
    ("زهرا کریمی", "زهره کریمی"),             # 88.9
    ("محمد کریمی", "احمد کریمی"),             # 88.9
    ("مجید رحیمی", "حمید رحیمی"),             # 88.9
    ("مهدی امیری", "مهدی امینی"),             # 88.9
    ("امید نوری", "امیر نوری"),               # 87.5
    ("علی رضایی", "علیرضا رضایی"),            # 84.2
    ("مریم جعفری", "مریم جعفرزاده"),          # 76.2
    ("علی کرمانی", "علی کرمی"),               # 87.5
    ("رضا رضایی", "رضا رضوی"),                # 80.0
]
# Different people one letter apart: reported as similar, a person judges (the price of
# catching the typos above; spelling cannot tell them apart).
ACCEPTED_FALSE_ALARMS = [
    ("حسین رضایی", "حسن رضایی"),              # 94.1
    ("سعید حیدری", "سعیده حیدری"),            # 94.7
    ("علی محمدی", "علی محمودی"),              # 94.1
]


def _score(a: str, b: str) -> int:
    pairs = similar_pairs([(1, "c", name_key(a)), (2, "c", name_key(b))])
    return pairs[0][2] if pairs else 0


@pytest.mark.parametrize(("a", "b"), SAME_PERSON)
def test_the_same_person_typed_two_ways_is_similar(a: str, b: str) -> None:
    assert _score(a, b) >= SIMILAR_SCORE


@pytest.mark.parametrize(("a", "b"), MISSED + DIFFERENT)
def test_different_names_are_not_similar(a: str, b: str) -> None:
    assert _score(a, b) == 0


@pytest.mark.parametrize(("a", "b"), ACCEPTED_FALSE_ALARMS)
def test_names_one_letter_apart_are_reported(a: str, b: str) -> None:
    assert SIMILAR_SCORE <= _score(a, b) < 100


def test_the_threshold_separates_the_judged_pairs() -> None:
    """Each judged pair sits on its side of SIMILAR_SCORE by its plain rapidfuzz ratio
    (what the threshold was chosen from), swaps and folded-equal pairs aside."""
    for a, b in SAME_PERSON:
        ka, kb = name_key(a), name_key(b)
        if ka != kb and sorted(ka) != sorted(kb):
            assert fuzz.ratio(ka, kb) >= SIMILAR_SCORE, (a, b)
    for a, b in MISSED + DIFFERENT:
        assert fuzz.ratio(name_key(a), name_key(b)) < SIMILAR_SCORE, (a, b)


def test_one_name_typed_three_ways_has_one_key() -> None:
    assert name_key("محمدرضا") == name_key("محمد رضا") == name_key(f"محمد{ZWNJ}رضا")
    assert name_key("علي  كريمي ") == name_key("علی کریمی") == "علیکریمی"
    assert name_key("Ali KARIMI ۱۲") == name_key("ali karimi 12") == "alikarimi12"
    assert name_key("") == name_key(None) == name_key(" - ") == ""


def test_titles_and_legal_forms() -> None:
    assert name_key("مهندس علی نوری") == name_key("علی نوری")
    assert name_key("دکتر") == "دکتر"  # a title alone is the name
    assert name_key("شرکت آریا گستر (سهامی خاص)", company=True) == name_key(
        "آریا گستر", company=True)
    assert name_key("آریا گستر با مسئولیت محدود", company=True) == name_key(
        "شرکت آریاگستر", company=True)
    assert name_key("Aria Co. Ltd", company=True) == "aria"
    # descriptive words stay: two businesses
    assert name_key("فروشگاه آریا", company=True) != name_key("هتل آریا", company=True)
    # a person's name keeps «شرکت» (not a title) and a company keeps «دکتر»
    assert name_key("شرکت", company=True) == "شرکت"


def test_different_digits_are_never_similar() -> None:
    items = [(1, "t", name_key("گروه صنعتی پیشگامان مهر ۱۲۳۴", company=True)),
             (2, "t", name_key("گروه صنعتی پیشگامان مهر ۱۲۳۵", company=True)),
             (3, "t", name_key("گروه صنعتی پیشگامان مهر ۱۲۳۴", company=True))]
    assert fuzz.ratio(items[0][2], items[1][2]) > SIMILAR_SCORE
    assert similar_pairs(items) == [(1, 3, 100)]


def test_short_rotations_are_not_swaps() -> None:
    assert similar_keys([name_key("امین"), name_key("مینا")]) == []
    [(a, b, s)] = similar_keys([name_key("علی محمدی"), name_key("محمدی علی")])
    assert {a, b} == {"علیمحمدی", "محمدیعلی"} and s == SWAPPED_SCORE


def test_cities_and_missing_values() -> None:
    items = [
        ("a", city_key("تهران"), name_key("علی محمدی")),
        ("b", city_key("تهران "), name_key("علي محمدي")),
        ("c", city_key("شیراز"), name_key("علی محمدی")),
        ("d", city_key(None), name_key("علی محمدی")),
        ("e", city_key(""), name_key("علی محمدی")),
        ("f", city_key("تهران"), name_key("")),
        ("g", city_key("تهران"), name_key(None)),
    ]
    assert similar_pairs(items) == [("a", "b", 100)]


def test_left_against_right() -> None:
    left = [("r1", "t", name_key("علی محمدی")), ("r2", "t", name_key("سارا کریمی")),
            ("r3", "m", name_key("علی محمدی"))]
    right = [(10, "t", name_key("علی محمدی")), (11, "t", name_key("محمدی علی")),
             (12, "t", name_key("سارا کرییمی")), (13, "m", name_key("مینا نوری")),
             (14, "x", name_key("علی محمدی"))]
    assert similar_pairs(left, right) == [
        ("r1", 10, 100), ("r1", 11, SWAPPED_SCORE), ("r2", 12, 95)]
    assert similar_pairs(left, []) == []
    assert similar_pairs([], right) == []


def _pairs_by_brute_force(items, score):
    out = set()
    for i, (ka, ca, na) in enumerate(items):
        for kb, cb, nb in items[i + 1:]:
            if not (ca and ca == cb and na and nb):
                continue
            if na == nb:
                out.add((ka, kb, 100))
                continue
            digits = ("".join(c for c in na if c.isdigit()), "".join(c for c in nb if c.isdigit()))
            if digits[0] != digits[1]:
                continue
            s = fuzz.ratio(na, nb, score_cutoff=score)
            if len(na) >= 6 and len(na) == len(nb) and nb in na + na:
                s = max(s, SWAPPED_SCORE)
            if s >= score:
                out.add((ka, kb, int(s + 0.5)))  # cdist rounds half up
    return out


NAME_POOL = ["علی", "محمد", "رضا", "محمدرضا", "زهرا", "زهره", "حسن", "حسین", "سارا",
             "کریمی", "محمدی", "احمدی", "محمودی", "رضایی", "نوری", "نویری", "۱۲", "a"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["t", "m", ""]),
                          st.lists(st.sampled_from(NAME_POOL), min_size=0, max_size=3)),
                max_size=40),
       st.integers(min_value=60, max_value=100))
def test_the_same_as_comparing_every_pair(rows, score) -> None:
    """Blocking (digits, lengths, cities or all names at once) loses no pair and invents
    none: the result equals comparing every pair of items one by one."""
    items = [(i, c, name_key(" ".join(words))) for i, (c, words) in enumerate(rows)]
    got = similar_pairs(items, score=score)
    assert len(got) == len(set(got))
    assert {(a, b, s) for a, b, s in got} == _pairs_by_brute_force(items, score)
    # and left against right gives the same pairs as the whole list split in two
    half = len(items) // 2
    cross = similar_pairs(items[:half], items[half:], score=score)
    expected = {p for p in _pairs_by_brute_force(items, score) if p[0] < half <= p[1]}
    assert set(cross) == expected


def test_many_cities_with_recurring_names() -> None:
    """Names recurring in every city (all names compared once) and names unique to each
    city (city by city) give the pairs a pair-by-pair comparison gives."""
    rng = random.Random(5)
    firsts = ["علی", "زهرا", "محمد", "سارا", "حسین", "حسن", "مریم"]
    lasts = ["کریمی", "محمدی", "محمودی", "احمدی", "نوری", "رضایی", "رضائی"]
    recurring = [(i, f"c{rng.randrange(3)}", name_key(f"{rng.choice(firsts)} {rng.choice(lasts)}"))
                 for i in range(300)]
    unique = [(i, f"c{i % 40}", name_key(f"{rng.choice(firsts)} {rng.choice(lasts)}{i}"))
              for i in range(300)]
    for items in (recurring, unique):
        assert set(similar_pairs(items)) == _pairs_by_brute_force(items, SIMILAR_SCORE)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30), st.booleans())
def test_name_key_is_idempotent_and_never_raises(name: str, company: bool) -> None:
    key = name_key(name, company=company)
    assert " " not in key and ZWNJ not in key
    if not company:
        assert name_key(key) == key
    assert city_key(key) == key or not key.strip()
