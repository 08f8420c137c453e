"""The text of a CSV (or HTML) file in whichever encoding it was saved.

In this order:
1. a BOM says it: UTF-8 (Excel's "CSV UTF-8"), UTF-16 LE/BE (Excel's "Unicode Text"),
   UTF-32; bytes the encoding cannot decode (a lone surrogate in UTF-16) become U+FFFD;
2. UTF-16 without a BOM: NUL bytes in one half of the byte pairs (the ASCII commas, digits
   and line ends of a UTF-16 file) and none in the other;
3. UTF-8 when the bytes decode as UTF-8 with no C1 control character (plain ASCII is UTF-8
   too): a legacy file with a non-ASCII character rarely does, and when a short one does
   (Windows-1256 "آپ" is the UTF-8 of "\x81") a C1 control often gives it away (not
   always: "أپ" is the UTF-8 of "Á"; a Persian word with ل م ن ه و ي, bytes E1-ED
   followed by a letter, never is UTF-8);
4. Windows-1256 (Persian and Arabic Windows, "CSV (Comma delimited)" from a Persian Excel)
   when its non-ASCII letters read as Arabic script (80% or more): charset-normalizer
   often guesses cp1006 or another code page for a short Persian file of a few rows;
5. otherwise charset-normalizer's guess (Latin code pages and the like).
Text with more than 2% control characters or 10% undecodable bytes (a binary file named
.csv, a file of NULs) is ImportFileError("unreadable"); a few NULs in a text file are
dropped.
"""

from __future__ import annotations

import codecs
import re

from crm_desktop.imports.sheet import ImportFileError

#: bytes of a file looked at to guess its encoding
SAMPLE = 256 * 1024
#: control characters (not tab or line ends) above this share of the text: not a text file
MAX_CONTROL_SHARE = 0.02
#: bytes the encoding could not decode (U+FFFD) above this share: not a text file
MAX_REPLACED_SHARE = 0.1
#: non-ASCII letters in Arabic script at or above this share: Windows-1256
ARABIC_SHARE = 0.8

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: control characters other than tab and line ends
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f]")
#: C1 control characters: what a short Windows-1256 text that happens to be valid UTF-8
#: decodes to ("آپ" is C2 81: "Â" and U+0081), never in text a person wrote
_C1 = re.compile("[\x80-\x9f]")


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding name) of a text file's bytes; see the module's docstring."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _decoded(data[len(bom):], name), ("utf-8-sig" if name == "utf-8" else name)
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _decoded(data, utf16), utf16
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if not _C1.search(text[:SAMPLE]):
            return _checked(text), "utf-8"
    if _arabic_share(data[:SAMPLE].decode("cp1256")) >= ARABIC_SHARE:
        return _checked(data.decode("cp1256")), "cp1256"
    name = _guess(data[:SAMPLE])
    if name is None:
        raise ImportFileError("unreadable")
    return _decoded(data, name), name


def _decoded(data: bytes, name: str) -> str:
    """data decoded strictly, or with U+FFFD for what cannot be decoded (then too many of
    them mean it is no text in that encoding)."""
    try:
        return _checked(data.decode(name))
    except UnicodeDecodeError:
        return _checked(data.decode(name, errors="replace"), lossy=True)


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:SAMPLE - SAMPLE % 2]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    zero_even, zero_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zero_odd >= 0.2 and zero_even <= 0.01:
        return "utf-16-le"
    if zero_even >= 0.2 and zero_odd <= 0.01:
        return "utf-16-be"
    return None


def _arabic_share(text: str) -> float:
    letters = arabic = 0
    for ch in text:
        if ch >= "\x80" and ch.isalpha():
            letters += 1
            if "\u0600" <= ch <= "\u06ff" or "\ufb50" <= ch <= "\ufeff":
                arabic += 1
    return arabic / letters if letters else 0.0


def _guess(sample: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    if best is None:
        return None
    try:
        codecs.lookup(best.encoding)
    except LookupError:
        return None
    return best.encoding


def _checked(text: str, lossy: bool = False) -> str:
    """text with its NULs dropped; ImportFileError when it has too many control characters
    or (`lossy`: decoded with errors="replace") undecodable bytes."""
    sample = text[:SAMPLE]
    if sample:
        controls = len(_CONTROLS.findall(sample))
        replaced = sample.count("\ufffd") if lossy else 0
        if (controls / len(sample) > MAX_CONTROL_SHARE
                or replaced / len(sample) > MAX_REPLACED_SHARE):
            raise ImportFileError("unreadable")
    return text.replace("\x00", "") if "\x00" in text else text
