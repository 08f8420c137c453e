"""Readable document numbers: proformas 1405-0001, tickets T-1405-0001 (Latin digits here;
the display layer turns them into Persian digits)."""

from __future__ import annotations

import re

from crm_desktop.text.digits import to_ascii_digits

_PROFORMA = re.compile(r"^\s*(\d{4})\s*[-/]\s*(\d{1,6})\s*$")
_TICKET = re.compile(r"^\s*[tT]?\s*-?\s*(\d{4})\s*[-/]\s*(\d{1,6})\s*$")


def proforma_number(year: int, seq: int) -> str:
    return f"{year}-{seq:04d}"


def ticket_number(year: int, seq: int) -> str:
    return f"T-{year}-{seq:04d}"


def parse_proforma_number(text: str) -> tuple[int, int]:
    """(Jalali year, sequence) from "1405-0001" or "۱۴۰۵-۰۰۰۱"; ValueError otherwise."""
    match = _PROFORMA.match(to_ascii_digits(text))
    if not match:
        raise ValueError(f"not a proforma number: {text!r}")
    return int(match[1]), int(match[2])


def parse_ticket_number(text: str) -> tuple[int, int]:
    match = _TICKET.match(to_ascii_digits(text))
    if not match:
        raise ValueError(f"not a ticket number: {text!r}")
    return int(match[1]), int(match[2])
