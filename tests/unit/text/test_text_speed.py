"""The shortcuts that make an import's derived columns cheap give the rule's own results:
the ASCII paths of fold and the word folding, and the remembered sort and search keys of
names (pure functions of a str: a remembered key is the key computed again)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from crm_desktop.text import normalize
from crm_desktop.text.collation import sort_key
from crm_desktop.text.normalize import search_key, search_name_key

ascii_text = st.text(alphabet=st.characters(max_codepoint=127))
# names as people type them: Persian and Arabic letters, ZWNJ, digits, Latin, marks
name_text = st.text(alphabet="آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيكةأ\u200c\u064b ۱2aZ-_.",
                    max_size=20)


@given(ascii_text)
def test_fold_of_ascii_is_the_rule(s: str) -> None:
    assert normalize.fold(s) == normalize._fold_any(s)


@given(ascii_text)
def test_words_of_ascii_are_the_rule(s: str) -> None:
    assert normalize._fold_words(s) == normalize._fold_words_any(s)


def test_words_of_contact_details() -> None:
    other = "09121234567 9121234567 User_1@Example.IR 0012345678"
    assert search_key(other) == "09121234567 9121234567 user 1 example ir 0012345678"


@settings(max_examples=300)
@given(st.lists(st.one_of(name_text, ascii_text), max_size=12), st.randoms())
def test_remembered_name_keys_are_computed_again(names: list[str], rnd) -> None:
    calls = names * 2
    rnd.shuffle(calls)
    for name in calls:  # whatever was asked before, in any order
        assert sort_key(name) == sort_key.__wrapped__(name)
        assert search_name_key(name) == search_name_key.__wrapped__(name)


def test_remembered_keys_stay_bounded() -> None:
    assert sort_key.cache_info().maxsize == normalize.NAME_CACHE
    assert search_name_key.cache_info().maxsize == normalize.NAME_CACHE
