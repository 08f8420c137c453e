"""What opening and scrolling a list costs, counted (not timed): the statements a list
view runs on open, how the city filter is read, and how a window past the middle of the
list is found."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import event

from crm_desktop.services.base import ListQuery, Sort
from crm_desktop.ui.ui_settings import UiSettings


def statements(core: Any, fn: Callable[[], object]) -> list[tuple[str, Any]]:
    seen: list[tuple[str, Any]] = []

    def hook(_c: Any, _cur: Any, sql: str, params: Any, _ctx: Any, _many: bool) -> None:
        seen.append((" ".join(sql.split()), params))

    event.listen(core.db.engine, "before_cursor_execute", hook)
    try:
        fn()
    finally:
        event.remove(core.db.engine, "before_cursor_execute", hook)
    return seen


def add_contacts(core: Any, n: int) -> None:
    for i in range(n):
        core.contacts.create({"first_name": f"نفر{i:03d}", "last_name": "احمدی",
                              "city": ("تهران", "قم", "شیراز")[i % 3]})


def test_contacts_view_counts_once_on_open(core, ops, ui_lang, qtbot) -> None:
    from crm_desktop.ui.views.contacts import ContactsView

    add_contacts(core, 12)
    holder: list[Any] = []
    ran = statements(core, lambda: holder.append(ContactsView(core, ops, UiSettings())))
    qtbot.addWidget(holder[0])
    counts = [sql for sql, _ in ran if sql.startswith("SELECT count(*)")]
    assert len(counts) == 1, counts
    assert holder[0].model.rowCount() == 12


def test_clicking_the_sorted_column_again_reads_nothing(core, ops, ui_lang, qtbot) -> None:
    from PySide6.QtCore import Qt

    from crm_desktop.ui.views.contacts import ContactsView

    add_contacts(core, 3)
    view = ContactsView(core, ops, UiSettings())
    qtbot.addWidget(view)
    assert statements(core, lambda: view.table.sortByColumn(
        0, Qt.SortOrder.AscendingOrder)) == []
    assert statements(core, lambda: view.table.sortByColumn(0, Qt.SortOrder.DescendingOrder))


def test_city_filter_seeks_the_city_index(core) -> None:
    add_contacts(core, 30)
    gone = core.contacts.create({"first_name": "رفته", "last_name": "x", "city": "یزد"})
    core.contacts.delete(gone)
    with core.db.raw() as conn:
        conn.execute("ANALYZE")
    ran = statements(core, core.contacts.cities)
    assert core.contacts.cities() == ["تهران", "شیراز", "قم"]
    with core.db.raw() as conn:
        plan = [row[3] for sql, params in ran if sql.startswith(("SELECT", "WITH"))
                for row in conn.execute("EXPLAIN QUERY PLAN " + sql, params)]
    # one index seek per city, repeated (a recursive step), never a DISTINCT walk over
    # every contact's row or index entry
    assert "RECURSIVE STEP" in plan, plan
    assert not any(line.startswith("SCAN contacts") for line in plan), plan
    assert not any("DISTINCT" in line for line in plan), plan
    seeks = [line for line in plan if line.startswith("SEARCH contacts") and "city>?" in line]
    assert len(seeks) == 2, plan  # the first city, and the next one after each
    account = core.accounts.create({"name": "شرکت", "city": "کرج"})
    assert core.accounts.cities() == ["کرج"]
    core.accounts.delete(account)
    assert core.accounts.cities() == []


def test_window_past_the_middle_is_sought_from_the_end(core) -> None:
    add_contacts(core, 40)
    service = core.contacts
    for sort in (Sort("name"), Sort("name", descending=True), Sort("city")):
        query = ListQuery(sort=sort)
        every = [r["id"] for r in service.list(ListQuery(sort=sort, limit=100)).rows]
        for offset, limit in ((30, 7), (33, 7), (35, 10), (39, 5), (20, 10), (0, 50)):
            near = service.window(query, offset, limit, total=40)
            far = service.window(query, offset, limit)
            assert [r["id"] for r in near.rows] == every[offset:offset + limit]
            assert near.rows == far.rows
            assert (near.next_cursor is None) == (far.next_cursor is None)
            if near.next_cursor is not None:
                after = service.window(ListQuery(sort=sort, after=near.next_cursor), 0, 3)
                assert [r["id"] for r in after.rows] == every[offset + limit:offset + limit + 3]
    ran = statements(core, lambda: service.window(ListQuery(sort=Sort("name")), 35, 5,
                                                  total=40))
    # the ids are read in the reverse order with a small OFFSET (4 rows from the end)
    select = next(sql for sql, _ in ran if "OFFSET" in sql)
    params = next(p for sql, p in ran if "OFFSET" in sql)
    assert "DESC" in select.split("OFFSET")[0], select
    assert max(v for v in params if isinstance(v, int)) <= 6, params


def test_model_reads_the_last_page_from_the_end(core, qapp, qtmodeltester) -> None:
    from crm_desktop.ui.qtmodels.contacts_model import contacts_model

    add_contacts(core, 45)
    model = contacts_model(core.contacts)
    model._page_size = 7
    model.set_query(ListQuery(sort=Sort("name")))
    forward = [r["id"] for r in core.contacts.list(ListQuery(sort=Sort("name"), limit=100)).rows]
    ran = statements(core, lambda: model.row_data(44))
    assert model.id_at(44) == forward[44]
    assert any("OFFSET" in sql and "DESC" in sql.split("OFFSET")[0] for sql, _ in ran), ran
    assert [model.id_at(r) for r in range(45)] == forward
    qtmodeltester.check(model)
