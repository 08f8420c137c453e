"""CSV (and .txt/.tsv) files: the encoding (encoding.py), the separator, the records.

The separator is counted, not guessed by csv.Sniffer (which picks a letter or a space on
short Persian files): each of comma, semicolon, tab and bar splits the first SAMPLE_RECORDS
records. First, a separator that leaves every quoted field whole (csv's strict mode: a
quoted field ends right before a separator or a line end) beats one that does not: Excel
quotes a field holding a separator, a quote or a line break, and a wrong separator cuts
such a field and leaves its closing quote before something else. Then records that split
into two or more fields vote for the field count most of them share, and the separator
whose vote is widest wins: the share of all records that split into that same count (a
title line that splits into one field counts against every separator alike; a comma inside
12,500 in a semicolon file splits a few records, not all). Ties go to the separator that
splits more records alike, then makes more fields, then to the earlier of tab, semicolon,
comma, bar. A file that no separator splits is one column, read with a comma.

Records are numbered from 1 in the file (a quoted field with line breaks inside is one
record), as a spreadsheet program opening the file numbers its rows.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterator

from crm_desktop.imports.cells import RawRow, cells, raw_row
from crm_desktop.imports.sheet import ImportFileError

#: separators tried, in the order that breaks ties
DELIMITERS = ("\t", ";", ",", "|")
#: records looked at to choose the separator
SAMPLE_RECORDS = 200
#: characters looked at to choose the separator
SAMPLE_CHARS = 256 * 1024
#: fields of a record kept at most (Excel's column limit): a record with millions of commas
#: is cut here before anything looks at its cells
MAX_FIELDS = 16_384


def delimiter(text: str) -> str:
    """The separator of a CSV text (see the module's docstring)."""
    sample = text[:SAMPLE_CHARS]
    if len(text) > SAMPLE_CHARS:  # a record cut in the middle would count wrong
        cut = max(sample.rfind("\n"), sample.rfind("\r"))
        sample = sample[:cut] if cut > 0 else sample
    best, best_score = ",", (False, 0.0, 0, 0)
    for sep in DELIMITERS:
        counts = _field_counts(sample, sep)
        split = [n for n in counts if n > 1]
        if not split:
            continue
        fields, agreeing = Counter(split).most_common(1)[0]
        score = (_well_quoted(sample, sep), agreeing / len(counts), agreeing, fields)
        if score > best_score:
            best, best_score = sep, score
    return best


def _field_counts(sample: str, sep: str) -> list[int]:
    """The field count of each non-blank record."""
    counts: list[int] = []
    reader = csv.reader(io.StringIO(sample, newline=""), delimiter=sep)
    try:
        for record in reader:
            if any(field.strip() for field in record):
                counts.append(len(record))
                if len(counts) >= SAMPLE_RECORDS:
                    break
    except csv.Error:  # an unclosed quote running past the sample
        pass
    return counts


def _well_quoted(sample: str, sep: str) -> bool:
    """Whether every quoted field of the first records ends right before a `sep` or a line
    end (csv's strict mode): a quoted field split by a wrong separator does not."""
    reader = csv.reader(io.StringIO(sample, newline=""), delimiter=sep, strict=True)
    try:
        for n, _ in enumerate(reader):
            if n >= SAMPLE_RECORDS:
                break
    except csv.Error:
        return False
    return True


def records(text: str, sep: str) -> Iterator[RawRow]:
    """The non-blank records of a CSV text as RawRows, numbered from 1."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    number = 0
    try:
        for record in reader:
            number += 1
            if len(record) > MAX_FIELDS:
                record = record[:MAX_FIELDS]
            row = raw_row(number, cells(record))
            if row is not None:
                yield row
    except csv.Error as e:  # a field past csv's size limit: not a CSV file
        raise ImportFileError("unreadable") from e
