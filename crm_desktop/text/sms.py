"""How many SMS parts a text takes (no Qt).

A text made only of GSM-7 characters (the GSM 03.38 default alphabet: Latin letters,
digits, common punctuation) is sent 7 bits a character: 160 in one message, 153 per part
when it has to be split (the rest of each part carries the concatenation header). The
characters of the extension table (^ { } \\ [ ] ~ | €, form feed) take two of those
places. Any other character (Persian, Arabic, emoji, ...) turns the whole message into
UCS-2: 70 UTF-16 code units in one message, 67 per part when split; a character outside
the Basic Multilingual Plane (an emoji) takes two units and is never cut in half, nor is
an extension character.
"""

from __future__ import annotations

from dataclasses import dataclass

#: the GSM 03.38 default alphabet (without the escape to the extension table)
GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
#: the extension table: each of these is sent as escape + character (two septets)
GSM7_EXTENSION = frozenset("^{}\\[]~|€\x0c")

GSM7_SINGLE, GSM7_PART = 160, 153
UCS2_SINGLE, UCS2_PART = 70, 67


@dataclass(frozen=True)
class SmsCount:
    """What a text costs as SMS."""

    #: "gsm7" or "ucs2"
    encoding: str
    #: characters as the user sees them
    chars: int
    #: places used: septets (GSM-7, extension characters count 2) or UTF-16 code units
    units: int
    #: messages billed (0 for an empty text)
    parts: int
    #: places in one part: 160/153 or 70/67
    per_part: int
    #: places left in the last part before another part is needed
    remaining: int


def is_gsm7(text: str) -> bool:
    return all(ch in GSM7_BASIC or ch in GSM7_EXTENSION for ch in text)


def _cost(ch: str, gsm: bool) -> int:
    if gsm:
        return 2 if ch in GSM7_EXTENSION else 1
    return 2 if ord(ch) > 0xFFFF else 1


def count_sms(text: str) -> SmsCount:
    """The encoding, size and number of parts of `text` (see the module's note)."""
    gsm = is_gsm7(text)
    single, per_part = (GSM7_SINGLE, GSM7_PART) if gsm else (UCS2_SINGLE, UCS2_PART)
    costs = [_cost(ch, gsm) for ch in text]
    units = sum(costs)
    encoding = "gsm7" if gsm else "ucs2"
    if units == 0:
        return SmsCount(encoding, 0, 0, 0, single, single)
    if units <= single:
        return SmsCount(encoding, len(text), units, 1, single, single - units)
    # concatenated: fill parts in order; a two-place character never straddles two parts
    parts, used = 1, 0
    for cost in costs:
        if used + cost > per_part:
            parts, used = parts + 1, 0
        used += cost
    return SmsCount(encoding, len(text), units, parts, per_part, per_part - used)
