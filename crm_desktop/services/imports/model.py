"""The import pipeline's values (no Qt): a sheet mapped to fields and checked row by row
is an ImportPlan; running a plan with ImportOptions writes one ImportBatch.

    plan = ImportService(db).plan("contacts", sheet, mapping)   # reads only
    plan.counts(options)                                       # what a run would do
    result = ImportService(db, actor).run(plan, options)       # one transaction
    ImportService(db, actor).undo_last()                       # the batch as a whole
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any, Literal

ImportKind = Literal["contacts", "companies", "products"]
IMPORT_KINDS: tuple[ImportKind, ...] = ("contacts", "companies", "products")


class OnDuplicate(StrEnum):
    """What to do with a row that matches an existing record or an earlier row."""

    SKIP = "skip"
    #: fill the existing record's empty fields from the row, leave the others
    UPDATE = "update"
    #: write every mapped, non-empty value of the row over the existing record
    OVERWRITE = "overwrite"
    CREATE = "create"


@dataclass(frozen=True)
class RowError:
    #: the sheet's row number (SheetRow.number)
    row: int
    #: the import field (a key of import_fields(kind)) or None for the row as a whole
    field: str | None
    #: a message code with its params, shown by message(lang) in the interface language
    code: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def message(self, lang: str = "en") -> str:
        from crm_desktop.text.import_texts import row_error_message

        return row_error_message(self, lang)


@dataclass(frozen=True)
class Match:
    """A row that is a duplicate: of a record in the database or of an earlier row."""

    #: the field both share after normalisation: "mobile", "national_code", "email"
    #: (contacts), "legal_id", "email", "name" (companies), "sku", "name" (products)
    by: str
    value: str
    existing_id: int | None = None
    existing_name: str = ""
    #: the earlier row of the same file (its sheet row number) when not in the database
    earlier_row: int | None = None


@dataclass(frozen=True)
class SimilarName:
    """A warning only: a row whose name is close to another's in the same city."""

    row: int
    name: str
    other_name: str
    city: str
    #: rapidfuzz score 0..100
    score: int
    existing_id: int | None = None
    earlier_row: int | None = None


@dataclass
class PlannedRow:
    row: int
    #: the cleaned values the service would store (its field names: first_name,
    #: last_name, mobile, birthday as a date, unit_price_rial in Rials, ...), plus for
    #: contacts "tags" (list of names) and "company" (a company name, found or created
    #: by the writer). Blank cells are left out: a blank neither fills nor clears.
    values: dict[str, Any]
    match: Match | None = None


@dataclass
class ImportOptions:
    on_duplicate: OnDuplicate = OnDuplicate.SKIP
    #: a different choice for single rows (sheet row number -> choice)
    per_row: Mapping[int, OnDuplicate] = field(default_factory=dict)
    #: contacts only: tag names given to every imported (created or updated) contact,
    #: and a static marketing list they are added to
    tags: Sequence[str] = ()
    list_id: int | None = None

    def choice(self, row: int) -> OnDuplicate:
        return self.per_row.get(row, self.on_duplicate)


@dataclass(frozen=True)
class ImportCounts:
    #: rows that would create a record (new ones and duplicates created anyway)
    new: int
    #: rows that would update an existing record
    updates: int
    #: duplicate rows left out (skip)
    skipped: int
    #: rows that are not imported because of an error
    errors: int
    #: rows matching an existing record or an earlier row, whatever is done with them
    duplicates: int


@dataclass
class ImportPlan:
    kind: ImportKind
    file_name: str
    sheet: str | None
    header_row: int
    headers: tuple[str, ...]
    #: one import field (or None: not imported) per column
    mapping: tuple[str | None, ...]
    #: rows without errors, in file order
    rows: list[PlannedRow]
    #: one or more per failing row, in file order
    errors: list[RowError]
    warnings: list[SimilarName]
    #: the sheet rows that failed, as read (for the error workbook): number -> values
    failed_rows: dict[int, tuple[Any, ...]] = field(default_factory=dict)

    def _planned(self) -> dict[int, PlannedRow]:
        return {r.row: r for r in self.rows}

    def _duplicate(self, r: PlannedRow, planned: Mapping[int, PlannedRow]) -> bool:
        m = r.match
        return m is not None and (m.existing_id is not None or m.earlier_row in planned)

    def action(self, r: PlannedRow, options: ImportOptions,
               planned: Mapping[int, PlannedRow] | None = None) -> str:
        """What a run does with row `r`: "create", "update" or "skip" (see counts())."""
        planned = self._planned() if planned is None else planned
        if not self._duplicate(r, planned):
            return "create"
        choice = options.choice(r.row)
        if choice is OnDuplicate.SKIP:
            return "skip"
        if choice is OnDuplicate.CREATE:
            # one product per code: the database refuses a second one with the same sku
            by_code = self.kind == "products" and r.match is not None and r.match.by == "sku"
            return "skip" if by_code else "create"
        return "update"

    def index(self) -> dict[int, PlannedRow]:
        """The plan's rows by sheet row number (to pass to action() and target() when
        asking about many rows)."""
        return self._planned()

    def target(self, r: PlannedRow, options: ImportOptions,
               planned: Mapping[int, PlannedRow] | None = None) -> tuple[int | None, int | None]:
        """The record a duplicate row `r` updates: (existing record id, None), or (None,
        the sheet row whose new record it is) when that record is made by the same run.
        An earlier row stands for the record it creates, else for the one it matched
        (whether it updates it or is skipped), followed back as far as needed."""
        planned = self._planned() if planned is None else planned
        seen = {r.row}
        while r.match is not None and r.match.existing_id is None:
            earlier = planned.get(r.match.earlier_row)  # type: ignore[arg-type]
            if earlier is None or earlier.row in seen:
                break
            seen.add(earlier.row)
            if self.action(earlier, options, planned) == "create":
                return None, earlier.row
            r = earlier
        if r.match is None or r.match.existing_id is None:
            return None, r.row
        return r.match.existing_id, None

    def counts(self, options: ImportOptions | None = None) -> ImportCounts:
        """What a run with `options` does, row by row (the writer follows the same rule,
        through action() and target()):

        - a row with an error is not imported (errors: the distinct rows);
        - a row that matches nothing is created (new);
        - a duplicate (of a live record, or of an earlier row without errors) counts in
          duplicates, and its own choice (options.choice(row)) decides: skip -> skipped;
          update or overwrite -> updates (the record it matched, or the one its earlier
          row stands for: see target(); a record made by this run counts as new for the
          row that made it and as an update for each later row that updates it); create
          -> new, except a product matching by its code (sku), which is skipped: the
          database holds one product per code;
        - a match on an earlier row that is not among the plan's rows (an error row) is
          no match: the row is new. make_plan never makes one; a plan edited by hand may.
        The per-row choice of a row that is not a duplicate is ignored."""
        options = options or ImportOptions()
        planned = self._planned()
        new = updates = skipped = duplicates = 0
        for r in self.rows:
            if self._duplicate(r, planned):
                duplicates += 1
            what = self.action(r, options, planned)
            if what == "create":
                new += 1
            elif what == "update":
                updates += 1
            else:
                skipped += 1
        return ImportCounts(new=new, updates=updates, skipped=skipped,
                            errors=len({e.row for e in self.errors}), duplicates=duplicates)


@dataclass(frozen=True)
class ImportBatch:
    id: int
    kind: ImportKind
    file_name: str
    created_at: datetime
    user_id: int | None
    created: int
    updated: int
    #: set when the batch was undone
    undone_at: datetime | None = None
    #: the sheet read (None for a CSV file)
    sheet: str | None = None
