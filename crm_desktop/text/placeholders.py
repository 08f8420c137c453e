"""Placeholders in a campaign message ({first_name}, {company}, ...), checked and filled in
for one contact (no Qt).

`{name}` stands for a value of the recipient; `{{` and `}}` are a literal brace. A name
not in PLACEHOLDERS (or its Persian alias) and a brace that opens or closes nothing are
validation errors that name what is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from crm_desktop.domain.errors import FieldError, ValidationError

#: placeholder -> what it stands for (the contact's value of that name)
PLACEHOLDERS: tuple[str, ...] = (
    "first_name", "last_name", "full_name", "company", "title", "city", "mobile", "email",
)
#: Persian spellings a user may type instead (the Insert menu writes the English name)
ALIASES: dict[str, str] = {
    "نام": "first_name",
    "نام_خانوادگی": "last_name",
    "نام_کامل": "full_name",
    "شرکت": "company",
    "سمت": "title",
    "شهر": "city",
    "موبایل": "mobile",
    "ایمیل": "email",
}

#: the extra placeholders an automation rule kind fills (domain.enums.RuleKind value ->
#: names), offered only in that kind's editor; any other template refuses them
KIND_PLACEHOLDERS: dict[str, tuple[str, ...]] = {
    "appointment_reminder": ("appointment_date", "appointment_time"),
    "appointment_feedback": ("appointment_date", "appointment_time"),
    "satisfaction": ("ticket_number", "deal_title"),
    "follow_up": ("deal_title",),
    "renewal": ("renewal_date",),
    "tier_change": ("tier", "points"),
}
#: Persian spellings of the extra placeholders
EXTRA_ALIASES: dict[str, str] = {
    "تاریخ_نوبت": "appointment_date",
    "ساعت_نوبت": "appointment_time",
    "شماره_تیکت": "ticket_number",
    "عنوان_معامله": "deal_title",
    "تاریخ_تمدید": "renewal_date",
    "سطح": "tier",
    "امتیاز": "points",
}

_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")


def for_kind(kind: str) -> tuple[str, ...]:
    """Every placeholder a rule of this kind may use: the contact's, then its extras."""
    return PLACEHOLDERS + KIND_PLACEHOLDERS.get(kind, ())


def _canonical(name: str, extra: tuple[str, ...] = ()) -> str | None:
    key = name.strip().replace(" ", "_").replace("\u200c", "_")
    if key in PLACEHOLDERS or key in extra:
        return key
    alias = ALIASES.get(key) or EXTRA_ALIASES.get(key)
    return alias if alias in PLACEHOLDERS or alias in extra else None


def parse(template: str, field: str = "body",
          extra: tuple[str, ...] = ()) -> list[str | tuple[str]]:
    """The template as literal text pieces and (placeholder,) tuples; raises
    ValidationError naming every unknown placeholder, or a stray brace. `extra`: the
    names allowed besides the contact's (a rule kind's KIND_PLACEHOLDERS)."""
    if not isinstance(template, str):
        raise ValidationError(FieldError(field, "invalid"))
    pieces: list[str | tuple[str]] = []
    unknown: list[str] = []
    stray = False
    pos = 0
    for match in _TOKEN.finditer(template):
        if match.start() > pos:
            pieces.append(template[pos:match.start()])
        pos = match.end()
        token = match.group(0)
        if token in ("{{", "}}"):
            pieces.append(token[0])
        elif match.group(1) is not None:
            name = _canonical(match.group(1), tuple(extra))
            if name is None:
                if match.group(1) not in unknown:
                    unknown.append(match.group(1))
            else:
                pieces.append((name,))
        else:
            stray = True
    if pos < len(template):
        pieces.append(template[pos:])
    errors = []
    if unknown:
        errors.append(FieldError(field, "placeholder.unknown",
                                 {"names": " ".join("{" + n + "}" for n in unknown)}))
    if stray:
        errors.append(FieldError(field, "placeholder.brace"))
    if errors:
        raise ValidationError(errors)
    return pieces


def used(template: str, field: str = "body", extra: tuple[str, ...] = ()) -> list[str]:
    """The placeholders a (valid) template uses, in order of first use."""
    names: list[str] = []
    for piece in parse(template, field, extra):
        if isinstance(piece, tuple) and piece[0] not in names:
            names.append(piece[0])
    return names


#: what may follow an empty placeholder for the space before it to go too
CLOSING = frozenset(" \n.,;:!?،؛؟)»")


def render(template: str, values: Mapping[str, str | None], field: str = "body",
           extra: tuple[str, ...] = ()) -> str:
    """The template filled in with one recipient's values (a missing value is empty). An
    empty value between a space and a space or a punctuation mark takes one space with it,
    so "this week {company} gives" reads "this week gives", not "this week  gives"."""
    pieces = parse(template, field, extra)
    out: list[str] = []
    for i, piece in enumerate(pieces):
        if not isinstance(piece, tuple):
            out.append(piece)
            continue
        value = values.get(piece[0]) or ""
        after = pieces[i + 1] if i + 1 < len(pieces) else ""
        if (not value and out and out[-1].endswith(" ") and isinstance(after, str)
                and (not after or after[0] in CLOSING)):
            out[-1] = out[-1][:-1]
        out.append(value)
    return "".join(out)


def escape(text: str) -> str:
    """`text` as a template that renders to itself (braces doubled)."""
    return text.replace("{", "{{").replace("}", "}}")
