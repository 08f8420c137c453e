"""What connecting the contact list's signals and making its filter buttons cost, counted
(not timed): a Python method connected to a signal without being declared a slot (`@Slot`)
is added to its object's meta-object as the connection is made (the signature normalised,
the meta-object built again), on every opening; a declared one is found in the class's own
meta-object. The filter buttons share one placeholder action."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QObject

from tests.gui.test_list_open_cost import show_list


def added_slots(objects: list[QObject]) -> list[str]:
    """The methods added at run time to the meta-objects of those of `objects` made from a
    class of the program's own (beyond what their classes declare)."""
    added = []
    for obj in objects:
        if type(obj).__module__.startswith("PySide6"):
            continue  # (Qt's own class, or a wrapper of a class Python does not know)
        dynamic, declared = obj.metaObject(), type(obj).staticMetaObject
        added += [f"{type(obj).__name__}.{bytes(dynamic.method(i).methodSignature()).decode()}"
                  for i in range(declared.methodCount(), dynamic.methodCount())]
    return added


@pytest.mark.qt_log_ignore(r"This plugin does not support")
def test_the_contact_list_connects_only_declared_slots(core, ops, settings, ui_lang,
                                                       qtbot) -> None:
    from crm_desktop.ui.views.contacts import ContactsView

    for i in range(3):
        core.contacts.create({"first_name": f"نفر{i}", "last_name": "احمدی"})
    view = show_list(ContactsView(core, ops, settings), qtbot)
    objects: list[Any] = [view, view.model, *view.findChildren(QObject)]
    assert added_slots(objects) == []
    # (the slots still do their work: a search typed in the box reaches the model)
    view.search_box.setText("نفر1")
    view.search_box.searchNow()
    assert view.model.rowCount() == 1


@pytest.mark.qt_log_ignore(r"This plugin does not support")
def test_the_filter_buttons_share_one_placeholder_action(core, ops, settings, ui_lang,
                                                         qtbot) -> None:
    """Until its menu is made, a filter button holds an action so that Qt draws its arrow:
    the buttons of a list's bar share one (each made from Python costs its making and its
    wrapper), and a button that makes its menu lets go of it without taking it from the
    others."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QStyleOptionToolButton

    from crm_desktop.ui.views.contacts import ContactsView

    view = ContactsView(core, ops, settings)
    qtbot.addWidget(view)
    buttons = list(view.combos.values())
    shared = buttons[0].actions()
    assert len(shared) == 1 and all(b.actions() == shared for b in buttons)
    assert len([a for a in view.findChildren(QAction) if a.parent() is view]) == 1
    buttons[1]._made_menu()
    assert buttons[1].menu() is not None
    assert all(a is not shared[0] for a in buttons[1].actions())
    assert all(b.actions() == shared for b in buttons if b is not buttons[1])
    for button in buttons:
        option = QStyleOptionToolButton()
        button.initStyleOption(option)
        assert option.features & QStyleOptionToolButton.ToolButtonFeature.HasMenu
