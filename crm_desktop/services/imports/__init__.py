"""Importing contacts, companies and products from spreadsheets (no Qt).

- model.py   the values: ImportPlan, PlannedRow, RowError, Match, SimilarName,
             ImportOptions, OnDuplicate, ImportCounts, ImportBatch
- fields.py  the import fields of each kind, header aliases (Persian and English),
             automatic mapping, remembered mappings
- cells.py   a cell as read (float 9123456789.0, a date, Jalali text) -> the text or
             value the service's field rules take; full names split
- plan.py    ImportService.plan: rows checked with the services' own rules, duplicates
             against the database and within the file, similar names
- write.py   ImportService.run: one transaction, audit rows, an import batch
- undo.py    ImportService.undo_last
"""
