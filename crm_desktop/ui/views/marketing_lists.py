"""Marketing lists (a page of the campaigns view): the lists with their kind and member
count, the selected list's details and its members (windowed), and the actions: new static
list, new dynamic list, edit, delete, remove selected members."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.core import Core
from crm_desktop.domain.enums import ListKind
from crm_desktop.domain.errors import NotFoundError
from crm_desktop.domain.permissions import Perm
from crm_desktop.services.base import ListQuery, Sort
from crm_desktop.text.jalali import month_name
from crm_desktop.ui import display, labels
from crm_desktop.ui.errors import ask_box
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.qtmodels.contacts_model import contact_columns
from crm_desktop.ui.qtmodels.record_model import Column, RecordTableModel
from crm_desktop.ui.theme import icons
from crm_desktop.ui.ui_settings import UiSettings
from crm_desktop.ui.views.base import BaseView
from crm_desktop.ui.widgets.chip_delegate import ChipDelegate, decorate_table, tone
from crm_desktop.ui.widgets.empty_state import EmptyState
from crm_desktop.ui.widgets.export_button import ExportButton

#: the width of the lists beside the members (name, kind, count)
LISTS_WIDTH = 330
#: the member columns (contact_columns): all of them fit beside the lists at 1366x768
MEMBER_WIDTHS = (125, 100, 115, 65, 115, 85, 85, 70)


def kind_label(kind: str, short: bool = False) -> str:
    """Static or dynamic; `short` for the narrow column of the lists table."""
    if kind != ListKind.FILTER.value:
        return QCoreApplication.translate("ListsPage", "Static")
    return (QCoreApplication.translate("ListsPage", "Dynamic") if short
            else QCoreApplication.translate("ListsPage", "Dynamic (filter)"))


#: the words of a filter's summary (translated when shown)
_WORDS = {
    "unreadable": QT_TRANSLATE_NOOP("ListsPage", "The filter cannot be read."),
    "everyone": QT_TRANSLATE_NOOP("ListsPage", "Every contact"),
    "stages": QT_TRANSLATE_NOOP("ListsPage", "Stage"),
    "sources": QT_TRANSLATE_NOOP("ListsPage", "Source"),
    "genders": QT_TRANSLATE_NOOP("ListsPage", "Gender"),
    "segments": QT_TRANSLATE_NOOP("ListsPage", "RFM segment"),
    "cities": QT_TRANSLATE_NOOP("ListsPage", "City"),
    "tags": QT_TRANSLATE_NOOP("ListsPage", "Tags"),
    "all": QT_TRANSLATE_NOOP("ListsPage", "all of"),
    "any": QT_TRANSLATE_NOOP("ListsPage", "any of"),
    "birth_months": QT_TRANSLATE_NOOP("ListsPage", "Birthday month"),
    "created_from": QT_TRANSLATE_NOOP("ListsPage", "Created from"),
    "created_to": QT_TRANSLATE_NOOP("ListsPage", "Created until"),
    "activity_after": QT_TRANSLATE_NOOP("ListsPage", "Last activity on or after"),
    "activity_before": QT_TRANSLATE_NOOP("ListsPage", "No activity since"),
    "won_count_min": QT_TRANSLATE_NOOP("ListsPage", "Won deals, at least"),
    "won_count_max": QT_TRANSLATE_NOOP("ListsPage", "Won deals, at most"),
    "won_total_min": QT_TRANSLATE_NOOP("ListsPage", "Total of won deals, at least"),
    "won_total_max": QT_TRANSLATE_NOOP("ListsPage", "Total of won deals, at most"),
    "sms_consent": QT_TRANSLATE_NOOP("ListsPage", "SMS consent"),
    "email_consent": QT_TRANSLATE_NOOP("ListsPage", "E-mail consent"),
    "yes": QT_TRANSLATE_NOOP("ListsPage", "yes"),
    "no": QT_TRANSLATE_NOOP("ListsPage", "no"),
    "owners": QT_TRANSLATE_NOOP("ListsPage", "Owner"),
}


def _word(key: str) -> str:
    return QCoreApplication.translate("ListsPage", _WORDS[key])


def filter_summary(filter_json: str | None, owners: dict[int, str]) -> str:
    """The criteria of a dynamic list in words, one per line."""
    from crm_desktop.services import contact_filter as cf
    from crm_desktop.ui.dialogs.list_filter_dialog import segment_labels

    try:
        doc = cf.parse(filter_json or "").to_dict()
    except Exception:  # a filter this program cannot read: say so, never fail the page
        return _word("unreadable")
    lang = "fa" if display.persian() else "en"
    sep = "، " if lang == "fa" else ", "
    names: dict[str, Any] = {
        "stages": labels.lifecycle_stages(), "sources": labels.sources(),
        "genders": labels.genders(), "segments": segment_labels(),
        "owners": owners, "cities": {}, "tags": {},
        "birth_months": {i: month_name(i, lang) for i in range(1, 13)},
    }
    lines = []
    for key, value in doc.items():
        if key in ("version", "tags_mode"):
            continue
        if key in names:
            text = sep.join(str(names[key].get(v, v)) for v in value)
        elif key in ("created_from", "created_to", "activity_after", "activity_before"):
            text = display.jalali(date.fromisoformat(value))
        elif key.startswith("won_total"):
            text = display.money(value)
        elif key.startswith("won_count"):
            text = display.number(value)
        else:
            text = _word("yes" if value else "no")
        title = _word(key)
        if key == "tags":
            title = f"{title} ({_word('all' if doc.get('tags_mode') == 'all' else 'any')})"
        lines.append(f"{title}: {text}")
    return "\n".join(lines) or _word("everyone")


def _stage_tone(index: QModelIndex | QPersistentModelIndex) -> str | None:
    """The chip colour of a member's lifecycle stage (whichever list's model is shown)."""
    row = index.model().row_data(index.row())  # type: ignore[attr-defined]
    return None if row is None else tone("lifecycle", row.get("lifecycle_stage"))


class ListsPage(BaseView):
    watches = ("marketing_lists", "contacts", "deals", "users", "campaigns")

    def __init__(self, core: Core, ops: Ops, settings: UiSettings,
                 parent: QWidget | None = None):
        super().__init__(core, ops, settings, parent)
        self.setObjectName("listsPage")
        self._counts: dict[int, int] = {}
        self.list_model = RecordTableModel(core.lists, [
            Column("name", self.tr("Name"), "name"),
            Column("kind", self.tr("Kind"), text=lambda r: kind_label(r["kind"], short=True)),
            Column("members", self.tr("Members"), text=self._members_text,
                   align=Qt.AlignmentFlag.AlignCenter),
        ], parent=self)
        self.lists = QTableView(objectName="listsTable")
        self.lists.setModel(self.list_model)
        self._table_look(self.lists)
        decorate_table(self.lists)
        self.lists.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.lists.setColumnWidth(0, 150)
        self.lists.setColumnWidth(1, 70)
        self.list_model.set_query(ListQuery(sort=Sort("name"), limit=200))
        self.lists.selectionModel().selectionChanged.connect(self._list_selected)
        self.lists.doubleClicked.connect(lambda _i: self.edit_selected())

        buttons = QHBoxLayout()
        self.new_static = QPushButton(self.tr("New list"), objectName="newStaticList")
        icons.dress(self.new_static, "plus", primary=True)
        self.new_dynamic = QPushButton(self.tr("New dynamic list"), objectName="newFilterList")
        icons.dress(self.new_dynamic, "plus")
        self.edit_button = QPushButton(self.tr("Edit"), objectName="editList")
        icons.dress(self.edit_button, "pencil")
        self.delete_button = QPushButton(self.tr("Delete"), objectName="deleteList")
        icons.dress(self.delete_button, "trash", danger=True)
        for button, slot in ((self.new_static, self.new_static_list),
                             (self.new_dynamic, self.new_filter_list),
                             (self.edit_button, self.edit_selected),
                             (self.delete_button, self.delete_selected)):
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.lists, 1)
        self.empty = EmptyState.over(
            self.lists, "list", self.tr("No lists yet: make a list of contacts to reach."),
            self.tr("New list"), self.new_static_list, lambda: None, lambda: False)

        self.title = QLabel(objectName="listTitle")
        self.title.setProperty("role", "title")
        self.details = QLabel(objectName="listDetails")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.member_count = QLabel(objectName="listMemberCount")
        self.members = QTableView(objectName="listMembersTable")
        self._table_look(self.members)
        self.members.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.members_model: RecordTableModel | None = None
        decorate_table(self.members)  # the contacts view's look, its stage as a chip
        stage = next(i for i, c in enumerate(contact_columns()) if c.key == "lifecycle_stage")
        self.members.setItemDelegateForColumn(stage, ChipDelegate(_stage_tone, self.members))
        self.remove_button = QPushButton(self.tr("Remove selected members"),
                                         objectName="removeMembers")
        icons.dress(self.remove_button, "trash")
        self.remove_button.clicked.connect(self.remove_selected_members)
        right = QWidget(objectName="listPanel")
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.title)
        right_layout.addWidget(self.details)
        self.export_button = ExportButton(self)
        self.export_button.setVisible(self.can(Perm.EXPORT))
        self.export_button.setObjectName("exportMembers")
        self.export_button.requested.connect(self.export_members)
        counts = QHBoxLayout()
        counts.addWidget(self.member_count, 1)
        counts.addWidget(self.export_button)
        counts.addWidget(self.remove_button)
        right_layout.addLayout(counts)
        right_layout.addWidget(self.members, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal, objectName="listsSplitter")
        splitter.addWidget(left)
        splitter.addWidget(right)
        # the lists need a name, a kind and a count; the members take the rest of the width
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([LISTS_WIDTH, 800])
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        self.show_list(None)

    @staticmethod
    def _table_look(table: QTableView) -> None:
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(30)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.horizontalHeader().setStretchLastSection(True)

    def _members_text(self, row: dict[str, Any]) -> str:
        n = row.get("members")
        if n is None:  # a dynamic list: counted when shown, once per refresh
            n = self._counts.get(row["id"])
            if n is None:
                try:
                    n = self._counts[row["id"]] = self.core.lists.member_count(row["id"])
                except NotFoundError:
                    return ""
        return display.number(n)

    # -- selection ----------------------------------------------------------------------------
    def selected_id(self) -> int | None:
        rows = self.lists.selectionModel().selectedRows()
        return self.list_model.id_at(rows[0].row()) if rows else None

    def _list_selected(self, _sel: QItemSelection, _desel: QItemSelection) -> None:
        self.show_list(self.selected_id())

    def show_record(self, record_id: int) -> None:
        for row in range(self.list_model.rowCount()):
            if self.list_model.id_at(row) == record_id:
                # not selectRow: right to left, it picks the column at the viewport's edge,
                # and selects nothing when the columns do not reach it
                index = self.list_model.index(row, 0)
                flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                         | QItemSelectionModel.SelectionFlag.Rows)
                self.lists.selectionModel().setCurrentIndex(index, flags)
                break
        self.show_list(record_id)

    def show_list(self, list_id: int | None) -> None:
        """The details and members of a list (None: nothing chosen)."""
        row = None
        if list_id is not None:
            try:
                row = self.core.lists.get(list_id)
            except NotFoundError:
                row = None
        self.list_id = row["id"] if row else None
        for button in (self.edit_button, self.delete_button):
            button.setEnabled(row is not None)
        self.remove_button.setVisible(row is not None and row["kind"] == ListKind.STATIC.value)
        self.export_button.setEnabled(row is not None)
        old = self.members_model
        if row is None:
            self.title.setText(self.tr("Choose a list to see its members."))
            self.details.setText("")
            self.member_count.setText("")
            self.members_model = None
            self.members.setModel(None)
        else:
            self.title.setText(row["name"])
            lines = [kind_label(row["kind"])]
            if row["description"]:
                lines.append(row["description"])
            if row["kind"] == ListKind.FILTER.value:
                lines.append(filter_summary(row["filter_json"], dict(self.core.users.options())))
            self.details.setText("\n".join(lines))
            model = RecordTableModel(self.core.lists.member_rows(row["id"]), contact_columns(),
                                     parent=self)
            model.set_query(ListQuery(sort=Sort("name")))
            self.members_model = model
            self.members.setModel(model)
            for column, width in enumerate(MEMBER_WIDTHS):
                self.members.setColumnWidth(column, width)
            self.member_count.setText(display.digits(self.tr("%n member(s)", "", model.rowCount())))
        if old is not None:
            old.deleteLater()

    # -- actions ------------------------------------------------------------------------------
    def export_members(self, fmt: str) -> bool:
        """The shown list's members as the table shows them (search, sort, visible
        columns in their order) to a file; True when written."""
        from crm_desktop.ui.export_runner import export_list, visible_keys

        model = self.members_model
        if model is None or self.list_id is None:
            return False
        return export_list(self, self.core, kind="list_members", query=model.query,
                           columns=visible_keys(self.members, [c.key for c in model.columns]),
                           fmt=fmt, name=self.title.text(), total=model.rowCount(),
                           parent_id=self.list_id)

    def new_record(self) -> None:
        self.new_static_list()

    def new_static_list(self) -> None:
        from crm_desktop.ui.dialogs.list_filter_dialog import StaticListDialog

        new = StaticListDialog.edit(self, self.core, self.ops)
        if new is not None:
            self.show_record(new)

    def new_filter_list(self) -> None:
        from crm_desktop.ui.dialogs.list_filter_dialog import ListFilterDialog

        new = ListFilterDialog.edit(self, self.core, self.ops)
        if new is not None:
            self.show_record(new)

    def edit_selected(self) -> None:
        from crm_desktop.ui.dialogs.list_filter_dialog import ListFilterDialog, StaticListDialog

        if self.list_id is None:
            return
        try:
            kind = self.core.lists.get(self.list_id)["kind"]
        except NotFoundError:
            self.refresh()
            return
        editor = ListFilterDialog if kind == ListKind.FILTER.value else StaticListDialog
        editor.edit(self, self.core, self.ops, self.list_id)

    def delete_selected(self) -> None:
        if self.list_id is None:
            return
        list_id = self.list_id
        name = self.core.lists.get(list_id)["name"]
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete list"),
                          self.tr("Delete the list {name}? The contacts stay; only the list "
                                  "goes.").replace("{name}", display.isolate(name)),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("confirmDeleteList")
        icons.dress(box.button(QMessageBox.StandardButton.Yes), "trash", danger=True)
        if ask_box(box) == QMessageBox.StandardButton.Yes:
            self.ops.run(self, lambda: self.core.lists.delete(list_id),
                         changes=["marketing_lists"])

    def selected_member_ids(self) -> list[int]:
        if self.members_model is None:
            return []
        model = self.members_model
        return [i for i in (model.id_at(ix.row())
                            for ix in self.members.selectionModel().selectedRows())
                if i is not None]

    def remove_selected_members(self) -> None:
        ids = self.selected_member_ids()
        if self.list_id is None or not ids:
            return
        list_id = self.list_id
        self.ops.run(self, lambda: self.core.lists.remove_members(list_id, ids),
                     changes=["marketing_lists"])

    def refresh(self) -> None:
        selected = self.list_id
        self._counts.clear()
        self.list_model.refresh()
        if selected is not None:
            self.show_record(selected)
        else:
            self.show_list(None)

