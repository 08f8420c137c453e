"""An "Excel" file that is an HTML table: what many web panels and accounting programs save
as .xls. The table with the most rows is read; a cell's text is its text content with runs
of whitespace as one space; colspan leaves blank cells after the cell (as Excel shows a
merged cell: its value in the first column); rowspan is not expanded (the rows below keep
their own cells). Rows are numbered from 1 in that table.
"""

from __future__ import annotations

from html.parser import HTMLParser

#: the start of a text file that is HTML, after any BOM and blank space (lower case)
HTML_STARTS = ("<!doctype html", "<html", "<table", "<?xml version=\"1.0\"?><html", "<head",
               "<meta", "<body", "<style")


def looks_like_html(text: str) -> bool:
    head = text[:4096].lstrip("\ufeff \t\r\n").lower()
    return head.startswith(HTML_STARTS) or ("<table" in head and "<tr" in text[:65536].lower())


def html_rows(text: str) -> list[list[str]]:
    """The rows of the largest table of an HTML text ([] when it has none)."""
    parser = _Tables()
    parser.feed(text)
    parser.close()
    return max(parser.tables, key=len, default=[])


class _Tables(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[str]]] = []
        self._stack: list[list[list[str]]] = []  # tables being read (nested ones too)
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._span = 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._end_cell()
            self._stack.append([])
            self._row = None
        elif tag == "tr" and self._stack:
            self._end_row()
            self._row = []
        elif tag in ("td", "th") and self._stack:
            self._end_cell()
            if self._row is None:
                self._row = []
            self._cell = []
            span = (dict(attrs).get("colspan") or "1").strip()
            self._span = min(int(span), 256) if span.isdecimal() and len(span) < 5 else 1
        elif tag == "br" and self._cell is not None:
            self._cell.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self._end_cell()
        elif tag == "tr":
            self._end_row()
        elif tag == "table" and self._stack:
            self._end_row()
            self.tables.append(self._stack.pop())

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)

    def close(self) -> None:
        super().close()
        while self._stack:
            self._end_row()
            self.tables.append(self._stack.pop())

    def _end_cell(self) -> None:
        if self._cell is not None and self._row is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._row.extend([""] * max(0, self._span - 1))
        self._cell = None
        self._span = 1

    def _end_row(self) -> None:
        self._end_cell()
        if self._row is not None and self._stack:
            self._stack[-1].append(self._row)
        self._row = None
