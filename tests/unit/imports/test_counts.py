"""What a run would do, counted before it (ImportPlan.counts, action, target)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from crm_desktop.services.imports.model import (
    ImportOptions,
    ImportPlan,
    Match,
    OnDuplicate,
    PlannedRow,
    RowError,
)

S, U, W, C = OnDuplicate.SKIP, OnDuplicate.UPDATE, OnDuplicate.OVERWRITE, OnDuplicate.CREATE


def plan(rows: list[PlannedRow], errors: list[RowError] = (), kind: str = "contacts"
         ) -> ImportPlan:
    return ImportPlan(kind=kind, file_name="x.csv", sheet=None, header_row=1,  # type: ignore
                      headers=("a",), mapping=("mobile",), rows=rows, errors=list(errors),
                      warnings=[])


def db(n: int, by: str = "mobile") -> Match:
    return Match(by, "v", existing_id=n, existing_name="x")


def earlier(n: int, by: str = "mobile") -> Match:
    return Match(by, "v", earlier_row=n)


ROWS = [
    PlannedRow(2, {}),                          # new
    PlannedRow(3, {}, db(10)),                  # a record of the database
    PlannedRow(4, {}, earlier(2)),              # repeats row 2 (new)
    PlannedRow(5, {}, earlier(3)),              # repeats row 3 (which matched record 10)
    PlannedRow(7, {}, earlier(6)),              # row 6 had an error: no match after all
]
ERRORS = [RowError(6, "mobile", "mobile.invalid"), RowError(6, None, "no_name"),
          RowError(8, "email", "email.invalid")]


def test_counts_by_choice() -> None:
    p = plan(ROWS, ERRORS)
    c = p.counts(ImportOptions(S))
    assert (c.new, c.updates, c.skipped, c.errors, c.duplicates) == (2, 0, 3, 2, 3)
    c = p.counts(ImportOptions(U))
    assert (c.new, c.updates, c.skipped, c.errors, c.duplicates) == (2, 3, 0, 2, 3)
    c = p.counts(ImportOptions(W))
    assert (c.new, c.updates, c.skipped) == (2, 3, 0)
    c = p.counts(ImportOptions(C))
    assert (c.new, c.updates, c.skipped) == (5, 0, 0)
    c = p.counts(ImportOptions(S, per_row={4: C, 5: U, 2: C}))  # 2 is no duplicate
    assert (c.new, c.updates, c.skipped, c.duplicates) == (3, 1, 1, 3)
    assert p.counts() == p.counts(ImportOptions())


def test_what_each_row_does_and_to_which_record() -> None:
    p = plan(ROWS, ERRORS)
    opts = ImportOptions(U)
    assert [p.action(r, opts) for r in p.rows] == [
        "create", "update", "update", "update", "create"]
    by_row = {r.row: r for r in p.rows}
    assert p.target(by_row[3], opts) == (10, None)
    assert p.target(by_row[4], opts) == (None, 2)     # the record row 2 creates
    assert p.target(by_row[5], opts) == (10, None)    # row 3 stands for record 10
    # row 3 created anyway: row 5 updates the record row 3 makes
    assert p.target(by_row[5], ImportOptions(U, per_row={3: C})) == (None, 3)
    # row 3 skipped: it still stands for record 10
    assert p.target(by_row[5], ImportOptions(U, per_row={3: S})) == (10, None)


def test_a_product_code_cannot_be_created_twice() -> None:
    rows = [PlannedRow(2, {}, db(1, "sku")), PlannedRow(3, {}, db(1, "name")),
            PlannedRow(4, {}), PlannedRow(5, {}, earlier(4, "sku"))]
    c = plan(rows, kind="products").counts(ImportOptions(C))
    assert (c.new, c.updates, c.skipped, c.duplicates) == (2, 0, 2, 3)
    # contacts have no such rule
    c = plan(rows).counts(ImportOptions(C))
    assert (c.new, c.skipped) == (4, 0)


# -- counts() agrees with a plain re-count ------------------------------------------------
@st.composite
def plans(draw: st.DrawFn) -> tuple[ImportPlan, ImportOptions]:
    kind = draw(st.sampled_from(["contacts", "companies", "products"]))
    n = draw(st.integers(0, 25))
    numbers = sorted(draw(st.sets(st.integers(2, 60), min_size=n, max_size=n)))
    failing = {x for x in numbers if draw(st.integers(0, 4)) == 0}
    rows: list[PlannedRow] = []
    errors: list[RowError] = []
    for i, number in enumerate(numbers):
        if number in failing:
            errors += [RowError(number, None, "no_name")] * draw(st.integers(1, 3))
            continue
        by = draw(st.sampled_from(["mobile", "email", "sku", "name", "national_code"]))
        what = draw(st.integers(0, 2))
        match = None
        if what == 1:
            match = db(draw(st.integers(1, 5)), by)
        elif what == 2 and i:
            match = earlier(draw(st.sampled_from(numbers[:i])), by)
        rows.append(PlannedRow(number, {}, match))
    choices = st.sampled_from(list(OnDuplicate))
    per_row = draw(st.dictionaries(st.sampled_from(numbers) if numbers else st.just(1),
                                   choices, max_size=8))
    return plan(rows, errors, kind), ImportOptions(draw(choices), per_row=per_row)


@settings(max_examples=400, deadline=None)
@given(plans())
def test_counts_agree_with_a_plain_recount(case: tuple[ImportPlan, ImportOptions]) -> None:
    p, options = case
    ok = {r.row for r in p.rows}
    new = updates = skipped = duplicates = 0
    for r in p.rows:
        m = r.match
        if m is None or (m.existing_id is None and m.earlier_row not in ok):
            new += 1
            continue
        duplicates += 1
        choice = options.per_row.get(r.row, options.on_duplicate)
        if choice == "skip" or (choice == "create" and p.kind == "products"
                                and m.by == "sku"):
            skipped += 1
        elif choice == "create":
            new += 1
        else:
            updates += 1
    c = p.counts(options)
    assert (c.new, c.updates, c.skipped, c.duplicates) == (new, updates, skipped, duplicates)
    assert c.errors == len({e.row for e in p.errors})
    assert c.new + c.updates + c.skipped == len(p.rows)
    # every update has a record to update: one of the database, or one this run makes
    index = p.index()
    for r in p.rows:
        if p.action(r, options, index) == "update":
            record, made_by = p.target(r, options, index)
            assert (record is None) != (made_by is None)
            if made_by is not None:
                maker = next(x for x in p.rows if x.row == made_by)
                assert p.action(maker, options) == "create" and made_by < r.row
