"""ImportService: the one entry point of imports for the program and the command line.
Each method hands over to the module that does the work (plan.py, write.py, undo.py,
fields.py), so that each stays small and testable on its own."""

from __future__ import annotations

from collections.abc import Sequence

from crm_desktop.db.engine import Database
from crm_desktop.export.table import ExportTable
from crm_desktop.imports.sheet import Cancelled, Progress, SheetData
from crm_desktop.services.imports.model import (
    ImportBatch,
    ImportKind,
    ImportOptions,
    ImportPlan,
)


class ImportService:
    def __init__(self, db: Database, actor_id: int | None = None):
        self.db = db
        self.actor_id = actor_id

    # -- mapping (fields.py) ----------------------------------------------------------------
    def fields(self, kind: ImportKind) -> tuple[str, ...]:
        """The import fields of `kind` in the order a mapping menu lists them."""
        from crm_desktop.services.imports.fields import import_fields

        return import_fields(kind)

    def mapping(self, kind: ImportKind, headers: Sequence[str]) -> tuple[str | None, ...]:
        """One field (or None) per header: the mapping remembered for these same headers,
        else one found from the headers' names (Persian or English and their variants);
        a field is never given to two columns."""
        from crm_desktop.services.imports.fields import suggested_mapping

        return suggested_mapping(self.db, kind, headers)

    # -- checking (plan.py): reads only ------------------------------------------------------
    def plan(self, kind: ImportKind, sheet: SheetData, mapping: Sequence[str | None], *,
             progress: Progress | None = None,
             cancelled: Cancelled | None = None) -> ImportPlan:
        """Every row of `sheet` mapped by `mapping`, cleaned and checked with the services'
        own rules; duplicates against the database and within the file; similar names.
        A mapping that names an unknown field or one field twice: ValidationError on
        "mapping". Cancelled: ImportCancelled."""
        from crm_desktop.services.imports.plan import make_plan

        return make_plan(self.db, kind, sheet, mapping, progress=progress,
                         cancelled=cancelled)

    def error_table(self, plan: ImportPlan, lang: str = "fa") -> ExportTable:
        """The failing rows as read, with the sheet's row number and an error column (one
        line per error, in `lang`): saved as .xlsx by the caller (export.files)."""
        from crm_desktop.services.imports.plan import error_table

        return error_table(plan, lang)

    # -- writing (write.py, undo.py) ----------------------------------------------------------
    def run(self, plan: ImportPlan, options: ImportOptions, *,
            progress: Progress | None = None,
            cancelled: Cancelled | None = None) -> ImportBatch:
        """Write the plan in one transaction with its audit rows and an import batch;
        remembers the plan's mapping for these headers. The batch's `created`/`updated`
        are plan.counts(options).new/.updates. progress(rows_done) counts the plan's rows
        (up to len(plan.rows)); cancelled: ImportCancelled and nothing written. Refused
        before writing (ValidationError): options.list_id not a static list ("list"), a
        record to update deleted since the plan ("import": import.stale), a product code
        in use ("sku"). See write.py."""
        from crm_desktop.services.imports.write import run_import

        return run_import(self.db, self.actor_id, plan, options, progress=progress,
                          cancelled=cancelled)

    def last_batch(self) -> ImportBatch | None:
        """The newest import not undone (for "Undo last import"), or None."""
        from crm_desktop.services.imports.undo import last_batch

        return last_batch(self.db)

    def undo_last(self) -> ImportBatch:
        """Undo the newest import not undone, as a whole, in one transaction: the records
        it created removed, the fields it updated put back, the tags and list memberships
        it gave taken off. Refused (ValidationError naming "import": import.nothing_to_undo,
        import.changed_since with the number of records) when there is nothing to undo or
        when its records were changed since. See undo.py."""
        from crm_desktop.services.imports.undo import undo_last

        return undo_last(self.db, self.actor_id)
