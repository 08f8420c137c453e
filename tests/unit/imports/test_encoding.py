"""Decoding CSV bytes (hypothesis): text comes back as it was written, in every encoding;
any bytes give text that can be stored (no NUL, no lone surrogate) or ImportFileError."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from crm_desktop.imports import ImportFileError, read_sheet
from crm_desktop.imports.csv_file import delimiter
from crm_desktop.imports.encoding import decode

#: text a person types: any letter, digit, mark, punctuation, symbol or space, no controls
typed = st.text(st.characters(categories=["L", "M", "N", "P", "S", "Zs"]), min_size=1,
                max_size=300)
#: Persian words as Windows-1256 holds them (Arabic yeh for the Persian one)
WORDS_1256 = ["علي", "رضايي", "زهرا", "كريمي", "پژمان", "چگيني", "تهران", "شيراز", "گرگان",
              "مشهد", "نام", "موبايل", "شهر", "آدرس", "خيابان", "ژاله", "كوچه", "فروشگاه"]
persian_1256 = st.lists(st.one_of(st.sampled_from(WORDS_1256),
                                  st.text(st.sampled_from("0123456789 ,;.-/()\r\n"))),
                        min_size=1, max_size=40).map("".join).filter(
    lambda t: any(ch.isalpha() for ch in t))


@settings(max_examples=200, deadline=None)
@given(typed, st.sampled_from(["utf-8", "utf-8-sig", "utf-16-le", "utf-16-be"]))
def test_unicode_text_comes_back(text: str, encoding: str) -> None:
    if encoding == "utf-8" and text.startswith("\ufeff"):
        text = "x" + text
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(
        encoding, b"")
    data = bom + text.encode(encoding)
    assert decode(data) == (text, encoding)


@pytest.mark.parametrize("bom, encoding", [
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"), (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be")])
def test_the_bom_says_the_encoding(bom: bytes, encoding: str) -> None:
    """Persian alone has no ASCII byte, so no NUL to tell UTF-16 by: only the BOM does."""
    codec = encoding.replace("-sig", "")
    assert decode(bom + "نام".encode(codec)) == ("نام", encoding)


def test_short_windows_1256_that_is_valid_utf8() -> None:
    """C2 81 is the UTF-8 of U+0081, a C1 control no one types: Windows-1256 "آپ"."""
    assert decode("آپ".encode("cp1256")) == ("آپ", "cp1256")


@settings(max_examples=200, deadline=None)
@given(persian_1256)
def test_persian_windows_text_comes_back(text: str) -> None:
    assert decode(text.encode("cp1256")) == (text, "cp1256")


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_decode_to_storable_text_or_an_import_file_error(data: bytes) -> None:
    try:
        text, _ = decode(data)
    except ImportFileError as e:
        assert e.code == "unreadable"
        return
    assert "\x00" not in text
    text.encode("utf-8")  # no lone surrogate: the database stores UTF-8
    delimiter(text)


@settings(max_examples=100, deadline=None)
@given(st.binary(min_size=1, max_size=3000))
def test_any_file_is_read_or_refused_with_an_import_file_error(tmp_path_factory,
                                                                data: bytes) -> None:
    path: Path = tmp_path_factory.mktemp("b") / "any.csv"
    path.write_bytes(data)
    try:
        sheet = read_sheet(path)
    except ImportFileError:
        return
    assert all(len(r.values) == len(sheet.headers) for r in sheet.rows)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.text(st.sampled_from("ابپ تثج12۳,;\t\"\n"), max_size=6).map(
    lambda t: "ب" + t), min_size=3, max_size=3), min_size=2, max_size=8),
       st.sampled_from([",", ";", "\t"]))
@example([["ب", "ب,", "ب\n,"], ["ب", "ب\n", "ب,"]], ";")
def test_a_quoted_csv_splits_by_its_separator(rows: list[list[str]], sep: str) -> None:
    """Every field quoted (as Excel writes a field with a separator, a quote or a line
    break): the three columns are found whatever else the fields hold."""
    text = "".join(sep.join('"' + f.replace('"', '""') + '"' for f in r) + "\r\n"
                   for r in rows)
    assert delimiter(text) == sep
