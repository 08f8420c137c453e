from __future__ import annotations

import itertools
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crm_desktop.text.normalize import (
    clean_text,
    phone_variants,
    search_key,
    search_name_key,
    search_terms,
)

ZWNJ = "\u200c"
PERSIAN_LETTERS = "آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی"
ARABIC_MARKS = [chr(c) for c in range(0x064B, 0x0660)] + ["\u0670"]
BIDI = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# Arabic spellings of the same letters: each must fold to the Persian one.
VARIANTS = {"ی": "يىئ", "ک": "ك", "ه": "ةۀ", "ا": "أإٱ", "و": "ؤ"}

persian_word = st.text(alphabet=PERSIAN_LETTERS, min_size=1, max_size=8)
persian_words = st.lists(persian_word, min_size=1, max_size=5)
# Mixed text exercising every rule: Persian and Arabic letters, marks, ZWNJ, ZWJ, bidi marks,
# tatweel, digits of three kinds, Latin, spaces and punctuation.
tricky_alphabet = (
    PERSIAN_LETTERS
    + "يىئكةۀأإٱؤء"
    + "".join(ARABIC_MARKS)
    + "\u0653\u0654\u0640"
    + ZWNJ
    + "\u200d"
    + BIDI
    + "۰۱۹٠٩09"
    + "aZéß"
    + " \t\n.-،"
    + "ﻋﻠﻰ"  # presentation forms
)
tricky_text = st.text(alphabet=tricky_alphabet, max_size=30)
any_text = st.one_of(tricky_text, st.text(max_size=30))


# --- clean_text -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("  علي   كريمي  ", "علی کریمی"),
        ("ﻋﻠﻲ", "ﻋﻠﻲ"),  # presentation forms are left for NFC (only search folds them)
        ("مـــحمد", "محمد"),
        ("\u200fعلی\u200e رضایی\u202c", "علی رضایی"),
        ("می\u200cخواهم", "می\u200cخواهم"),
        ("می\u200c\u200cخواهم", "می\u200cخواهم"),
        ("\u200cمی \u200cخواهم\u200c", "می خواهم"),
        ("علی\u200c رضا", "علی رضا"),
        ("مُحَمَّد", "مُحَمَّد"),  # diacritics are kept
        ("line1\n\tline2", "line1 line2"),
        ("e\u0301", "\u00e9"),  # NFC
        ("\u200c", ""),
        ("", ""),
    ],
)
def test_clean_text(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


@given(any_text)
def test_clean_text_is_idempotent(s: str) -> None:
    once = clean_text(s)
    assert clean_text(once) == once
    assert once == once.strip()
    assert "  " not in once
    assert not any(c in once for c in BIDI + "\u0640يىك")
    assert ZWNJ * 2 not in once
    assert not once.startswith(ZWNJ) and not once.endswith(ZWNJ)
    assert f" {ZWNJ}" not in once and f"{ZWNJ} " not in once
    assert unicodedata.is_normalized("NFC", once)


# --- search_key -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("می\u200cخواهم", "میخواهم می خواهم"),
        ("علي كريمي", "علی کریمی"),
        ("مُحَمَّد", "محمد"),
        ("مـــحمد", "محمد"),
        ("فاطمة", "فاطمه"),
        ("خانۀ ما", "خانه ما"),
        ("أحمد إبراهيم", "احمد ابراهیم"),
        ("آرش", "آرش"),  # آ is kept
        ("ا\u0653رش", "آرش"),  # ... also when typed decomposed
        ("مسئول مؤسسه", "مسیول موسسه"),
        ("علاء", "علا"),
        ("ﻋﻠﻰ", "علی"),  # presentation forms
        ("ＡＢＣ １２３", "abc 123"),  # full-width forms
        ("Straße", "strasse"),
        ("۰۲۱-۸۸۷۷۶۶۵۵", "021 88776655"),
        ("٠٩١٢", "0912"),
        ("\u200fکتاب\u200e آموزش\u2069", "کتاب آموزش"),
        ("info@example.com", "info example com"),
        ("  a,,b  ", "a b"),
        ("\u200c\u200c", ""),
        ("کتاب\u200cها\u200cی", "کتابهای کتاب ها ی"),
    ],
)
def test_search_key(raw: str, key: str) -> None:
    assert search_key(raw) == key


@given(any_text)
def test_search_key_is_idempotent_and_clean(s: str) -> None:
    key = search_key(s)
    assert search_key(key) == key
    assert key == key.strip() and "  " not in key
    assert ZWNJ not in key
    assert all(c.isalnum() or c == " " for c in key)
    assert not any(c in key for c in "۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩يىئكةۀأإٱؤء\u0640")


@st.composite
def arabic_spelling(draw: st.DrawFn) -> tuple[str, str]:
    """Persian text, and the same text with letters swapped for Arabic spellings."""
    text = " ".join(draw(persian_words))
    swapped = "".join(
        draw(st.sampled_from([c, *VARIANTS[c]])) if c in VARIANTS else c for c in text
    )
    return text, swapped


@given(arabic_spelling())
def test_arabic_letters_search_like_persian_ones(case: tuple[str, str]) -> None:
    persian, arabic = case
    assert search_key(arabic) == search_key(persian)
    assert search_terms(arabic) == search_terms(persian)


@st.composite
def decorated(draw: st.DrawFn) -> tuple[str, str]:
    """Persian words, and the same words with diacritics, tatweel and bidi marks inserted.

    The combining madda and hamzas (U+0653-U+0655) are left out: canonical equivalence makes
    ا + madda the letter آ, and آ + hamza below the letter إ + madda.
    """
    words = draw(persian_words)
    marks = [m for m in ARABIC_MARKS if m not in "\u0653\u0654\u0655"]
    noise = st.sampled_from([*marks, "\u0640", *BIDI, "\u200d"])
    out = []
    for word in words:
        chars = []
        for ch in word:
            chars.append(ch)
            chars.extend(draw(st.lists(noise, max_size=2)))
        out.append("".join(chars))
    return " ".join(words), " ".join(out)


@given(decorated())
def test_diacritics_and_tatweel_do_not_matter(case: tuple[str, str]) -> None:
    plain, noisy = case
    assert search_key(noisy) == search_key(plain)
    assert search_terms(noisy) == search_terms(plain)


@st.composite
def with_zwnj(draw: st.DrawFn) -> tuple[str, str]:
    """Persian words, and the same words with ZWNJ put between some of their letters."""
    words = draw(persian_words)
    out = []
    for word in words:
        chars = [word[0]]
        for ch in word[1:]:
            if draw(st.booleans()):
                chars.append(ZWNJ)
            chars.append(ch)
        out.append("".join(chars))
    return " ".join(words), " ".join(out)


@given(with_zwnj())
def test_zwnj_is_a_word_break_in_queries(case: tuple[str, str]) -> None:
    plain, split = case
    parts = [p for word in split.split() for p in word.split(ZWNJ)]
    assert search_terms(split, max_terms=100) == list(dict.fromkeys(parts))
    key_tokens = search_key(split).split()
    # The joined form is indexed, and so is every part between ZWNJs.
    for word in plain.split():
        assert word in key_tokens
    for word in split.split():
        for part in word.split(ZWNJ):
            assert part in key_tokens


@given(with_zwnj())
def test_name_key_indexes_each_pair_of_adjacent_words_joined(case: tuple[str, str]) -> None:
    _plain, split = case
    parts = [p for word in split.split() for p in word.split(ZWNJ)]
    tokens = search_name_key(split).split()
    assert tokens[: len(search_key(split).split())] == search_key(split).split()
    for a, b in itertools.pairwise(parts):
        assert a + b in tokens


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("محمد رضا", "محمد رضا محمدرضا"),
        ("محمد‌رضا", "محمدرضا محمد رضا"),
        ("محمدرضا", "محمدرضا"),
        ("زهرا سادات کریمی", "زهرا سادات کریمی زهراسادات ساداتکریمی"),
        ("علي  كريمي", "علی کریمی علیکریمی"),
        ("", ""),
    ],
)
def test_search_name_key(raw: str, key: str) -> None:
    assert search_name_key(raw) == key


@settings(max_examples=300)
@given(any_text, st.integers(1, 10), st.integers(1, 10))
def test_every_search_term_is_a_prefix_of_an_indexed_token(
    s: str, max_terms: int, max_len: int
) -> None:
    tokens = search_key(s).split()
    terms = search_terms(s, max_terms=max_terms, max_len=max_len)
    assert len(terms) <= max_terms
    assert len(set(terms)) == len(terms)
    for term in terms:
        assert term and len(term) <= max_len
        assert ZWNJ not in term and " " not in term
        assert any(token.startswith(term) for token in tokens), (term, tokens)


def test_search_terms() -> None:
    assert search_terms("می\u200cخواهم") == ["می", "خواهم"]
    assert search_terms("محمد\u200cرضا محمد") == ["محمد", "رضا"]
    assert search_terms("  علي  علی كريمي ") == ["علی", "کریمی"]
    assert search_terms("+98 912") == ["98", "912"]
    assert search_terms("a b c d e", max_terms=3) == ["a", "b", "c"]
    assert search_terms("abcdef", max_len=3) == ["abc"]
    assert search_terms("abcdef abcxyz", max_len=3) == ["abc"]
    assert search_terms("  ،.  ") == []


@pytest.mark.parametrize(
    ("term", "variants"),
    [
        ("00989121234567", ["00989121234567", "09121234567"]),
        ("0098912", ["0098912", "0912"]),
        ("98912", ["98912", "0912"]),
        ("989121234567", ["989121234567", "09121234567"]),
        ("0912", ["0912"]),
        ("0098", ["0098"]),
        ("98", ["98"]),
        ("9821", ["9821"]),
        ("12345", ["12345"]),
        ("۰۰۹۸۹۱۲", ["0098912", "0912"]),
        ("علی", ["علی"]),
        ("abc98", ["abc98"]),
        ("", [""]),
    ],
)
def test_phone_variants(term: str, variants: list[str]) -> None:
    assert phone_variants(term) == variants


def test_plus_98_query_finds_a_stored_mobile() -> None:
    stored = search_key("09121234567")
    (term,) = search_terms("+989121234567")
    assert any(v in stored.split() for v in phone_variants(term))
