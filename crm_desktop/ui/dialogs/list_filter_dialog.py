"""The editors of marketing lists: a dynamic list's filter built from plain controls (no SQL
typed anywhere), with the live member count and the first members while it is edited; and
the name of a static list."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, TypeVar

from PySide6.QtCore import (
    QStringListModel,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.core import Core
from crm_desktop.domain.errors import CrmError, EditConflict, ValidationError
from crm_desktop.services import contact_filter as cf
from crm_desktop.text.jalali import month_name
from crm_desktop.ui import display, labels, screen_fit
from crm_desktop.ui.dialogs.record_form import run_dialog
from crm_desktop.ui.errors import say_saved_elsewhere
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.widgets.jalali_date_edit import JalaliDateEdit
from crm_desktop.ui.widgets.money_edit import MoneyEdit

#: how long the editor waits after a change before counting (typing stays smooth)
DEBOUNCE_MS = 250
PREVIEW_ROWS = 12
T = TypeVar("T")


class MultiChoice(QComboBox):
    """Any number of choices from a short list: a drop-down like the others on the form,
    showing what is chosen (or "Any"), that opens a menu of check boxes."""

    changed = Signal()

    def __init__(self, choices: Sequence[tuple[Any, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        # the one item is the summary of what is chosen; the choices live in the menu
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(8)
        self.addItem("")
        self._menu = QMenu(self)
        self._actions: list[QAction] = []
        self.set_choices(choices)

    def menu(self) -> QMenu:
        return self._menu

    def showPopup(self) -> None:
        """The check boxes, under the field on its reading side."""
        self._menu.setMinimumWidth(self.width())
        corner = self.rect().bottomRight() if self.isRightToLeft() else self.rect().bottomLeft()
        self._menu.popup(self.mapToGlobal(corner))

    def hidePopup(self) -> None:
        self._menu.hide()
        super().hidePopup()

    def set_choices(self, choices: Sequence[tuple[Any, str]]) -> None:
        chosen = self.values()
        self._menu.clear()
        self._actions = []
        for value, text in choices:
            action = self._menu.addAction(text)
            action.setCheckable(True)
            action.setData(value)
            action.setChecked(value in chosen)
            action.toggled.connect(self._toggled)
            self._actions.append(action)
        self._show()

    def values(self) -> list[Any]:
        return [a.data() for a in getattr(self, "_actions", []) if a.isChecked()]

    def set_values(self, values: Sequence[Any]) -> None:
        for action in self._actions:
            action.blockSignals(True)
            action.setChecked(action.data() in values)
            action.blockSignals(False)
        self._show()
        self.changed.emit()

    def text(self) -> str:
        return self.itemText(0)

    def _toggled(self, _checked: bool) -> None:
        self._show()
        self.changed.emit()

    def _show(self) -> None:
        chosen = [a.text() for a in self._actions if a.isChecked()]
        text = ("، ".join(chosen) if chosen and display.persian() else
                ", ".join(chosen) if chosen else self.tr("Any"))
        self.setItemText(0, text)
        self.setToolTip(text if chosen else "")


class CountEdit(QSpinBox):
    """A whole number or nothing ("Any")."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setRange(-1, cf.MAX_WON_COUNT)
        self.setSpecialValueText(self.tr("Any"))
        self.setValue(-1)

    def number(self) -> int | None:
        return None if self.value() < 0 else self.value()

    def set_number(self, n: int | None) -> None:
        self.setValue(-1 if n is None else n)


def segment_labels() -> dict[str, str]:
    """Names of the RFM segments in the UI language, best customers first."""
    return {str(code): name for code, name in labels.rfm_segments().items()}


def write_list(dialog: Any, write: Callable[[], T]) -> T | None:
    """Run a write of marketing lists through Ops (one transaction); a validation problem
    shows in the dialog's `problem` label. What `write` returned, or None when nothing was
    written."""
    outcome = dialog.ops.run(dialog, write, changes=["marketing_lists"],
                             on_invalid=lambda exc: dialog.problem.setText(
                                 exc.message(dialog.ops.lang())),
                             on_conflict=getattr(dialog, "show_conflict", None))
    return outcome.value if outcome.ok else None


def problem_label(object_name: str) -> QLabel:
    """The line under a form that says why it was not saved (empty until then)."""
    label = QLabel(objectName=object_name)
    label.setWordWrap(True)
    label.setProperty("role", "error")
    return label


class ListDialog(QDialog):
    """A new (no id) or existing list's editor: `core`, `ops`, `list_id`, a `problem`
    label; `result_id` is the list's id once saved."""

    problem: QLabel

    def __init__(self, core: Core, ops: Ops, list_id: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.core, self.ops, self.list_id = core, ops, list_id
        self.result_id: int | None = None
        # the list's version as the form read it: its save is refused (EditConflict)
        # when someone saved the list since
        self.version: int | None = None

    def load(self) -> None:
        """Read the list and show it (when the form opens; after a refused save)."""
        raise NotImplementedError

    def show_conflict(self, error: EditConflict) -> None:
        """Someone saved the list after the form read it: say so, show their version."""
        text = say_saved_elsewhere(self, error, self.ops.lang())
        self.load()
        self.problem.setText(text)

    def save_list(self, values: dict[str, Any], kind: str) -> None:
        """Create the list (of `kind`) or update it with `values`, then close."""

        def write() -> int:
            if self.list_id is None:
                return self.core.lists.create({**values, "kind": kind})
            self.core.lists.update(self.list_id, values, version=self.version)
            return self.list_id

        saved = write_list(self, write)
        if saved is not None:
            self.result_id = saved
            self.accept()

    def save(self) -> None:
        raise NotImplementedError

    def save_buttons(self) -> QDialogButtonBox:
        """Save (self.save) and Cancel."""
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        return buttons

    @classmethod
    def edit(cls, parent: QWidget | None, core: Core, ops: Ops,
             list_id: int | None = None) -> int | None:
        """New (no id) or edit a list; its id when saved, None when cancelled."""
        dialog = cls(core, ops, list_id, parent)
        run_dialog(dialog)
        return dialog.result_id


class ListFilterDialog(ListDialog):
    """New or edit a dynamic (filter) list: its name and its criteria; the count and the
    first members follow the criteria as they change."""

    def __init__(self, core: Core, ops: Ops, list_id: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(core, ops, list_id, parent)
        self.setObjectName("listFilterDialog")
        self.setWindowTitle(self.tr("New dynamic list") if list_id is None
                            else self.tr("Edit dynamic list"))
        screen_fit.resize(self, 1180, 560)
        persian = display.persian()

        self.name = QLineEdit(objectName="listName")
        self.description = QLineEdit(objectName="listDescription")
        self.stages = MultiChoice(list(labels.lifecycle_stages().items()))
        self.cities = MultiChoice([(c, c) for c in core.contacts.cities()])
        self.tags = MultiChoice([(t, t) for t in core.contacts.all_tags()])
        self.tags_mode = QComboBox(objectName="tagsMode")
        self.tags_mode.addItem(self.tr("any of them"), cf.TAGS_ANY)
        self.tags_mode.addItem(self.tr("all of them"), cf.TAGS_ALL)
        self.sources = MultiChoice(list(labels.sources().items()))
        self.genders = MultiChoice(list(labels.genders().items()))
        self.months = MultiChoice([(i, month_name(i, "fa" if persian else "en"))
                                   for i in range(1, 13)])
        self.created_from = JalaliDateEdit(field_name="created_from")
        self.created_to = JalaliDateEdit(field_name="created_to")
        self.active_after = JalaliDateEdit(field_name="activity_after")
        self.inactive_since = JalaliDateEdit(field_name="activity_before")
        self.won_min, self.won_max = CountEdit(), CountEdit()
        self.total_min, self.total_max = MoneyEdit(), MoneyEdit()
        names = segment_labels()
        self.segments = MultiChoice(list(names.items()))
        self.sms = self._either()
        self.email = self._either()
        self.owners = MultiChoice(core.users.options())
        for name, widget in (
            ("stagesFilter", self.stages), ("citiesFilter", self.cities),
            ("tagsFilter", self.tags), ("sourcesFilter", self.sources),
            ("gendersFilter", self.genders), ("monthsFilter", self.months),
            ("createdFrom", self.created_from), ("createdTo", self.created_to),
            ("activeAfter", self.active_after), ("inactiveSince", self.inactive_since),
            ("wonMin", self.won_min), ("wonMax", self.won_max), ("totalMin", self.total_min),
            ("totalMax", self.total_max), ("segmentsFilter", self.segments),
            ("smsConsent", self.sms), ("emailConsent", self.email),
            ("ownersFilter", self.owners),
        ):
            widget.setObjectName(name)

        def pair(a: QWidget, between: str, b: QWidget) -> QWidget:
            box = QWidget()
            row = QHBoxLayout(box)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(a, 1)
            row.addWidget(QLabel(between))
            row.addWidget(b, 1)
            return box

        who = QGroupBox(self.tr("Who they are"))
        form = QFormLayout(who)
        form.addRow(self.tr("Lifecycle stage"), self.stages)
        form.addRow(self.tr("City"), self.cities)
        form.addRow(self.tr("Tags"), pair(self.tags, self.tr("matching"), self.tags_mode))
        form.addRow(self.tr("Source"), self.sources)
        form.addRow(self.tr("Gender"), self.genders)
        form.addRow(self.tr("Birthday month"), self.months)
        form.addRow(self.tr("Owner"), self.owners)
        form.addRow(self.tr("SMS consent"), self.sms)
        form.addRow(self.tr("E-mail consent"), self.email)
        when = QGroupBox(self.tr("History"))
        form2 = QFormLayout(when)
        form2.addRow(self.tr("Created"), pair(self.created_from, self.tr("to"), self.created_to))
        form2.addRow(self.tr("Last activity on or after"), self.active_after)
        form2.addRow(self.tr("No activity since"), self.inactive_since)
        form2.addRow(self.tr("Won deals"), pair(self.won_min, self.tr("to"), self.won_max))
        form2.addRow(self.tr("Total of won deals"),
                     pair(self.total_min, self.tr("to"), self.total_max))
        form2.addRow(self.tr("RFM segment"), self.segments)

        self.count_label = QLabel(objectName="filterCount")
        self.count_label.setProperty("role", "title")
        self.problem = problem_label("filterProblem")
        self.preview_model = QStringListModel(self)
        self.preview = QListView(objectName="filterPreview")
        self.preview.setModel(self.preview_model)
        self.preview.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        side = QVBoxLayout()
        side.addWidget(self.count_label)
        side.addWidget(QLabel(self.tr("First members")))
        side.addWidget(self.preview, 1)
        side.addWidget(self.problem)

        top = self.top_form = QFormLayout()
        top.addRow(self.tr("Name"), self.name)
        top.addRow(self.tr("Description"), self.description)
        # who they are, their history and the members found, side by side: seventeen
        # rows one under the other would not fit a 768-pixel screen
        body = QHBoxLayout()
        body.addWidget(who, 4)
        body.addWidget(when, 5)
        body.addLayout(side, 3)
        for form_ in (form, form2):
            form_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        buttons = self.save_buttons()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.update_count)
        for chooser in (self.stages, self.cities, self.tags, self.sources, self.genders,
                        self.months, self.segments, self.owners):
            chooser.changed.connect(self.schedule)
        for combo in (self.tags_mode, self.sms, self.email):
            combo.currentIndexChanged.connect(self.schedule)
        for edit in (self.created_from, self.created_to, self.active_after,
                     self.inactive_since):
            edit.dateChanged.connect(self.schedule)
        for spin in (self.won_min, self.won_max):
            spin.valueChanged.connect(self.schedule)
        for money in (self.total_min, self.total_max):
            money.valueChanged.connect(self.schedule)

        if list_id is not None:
            self.load()
        self.update_count()

    def load(self) -> None:
        row = self.core.lists.get(self.list_id)
        self.version = row["version"]
        self.name.setText(row["name"])
        self.description.setText(row["description"] or "")
        self.set_spec(cf.parse(row["filter_json"] or '{"version": 1}').to_dict())

    def _either(self) -> QComboBox:
        combo = QComboBox()
        combo.addItem(self.tr("Either"), None)
        combo.addItem(self.tr("Yes"), True)
        combo.addItem(self.tr("No"), False)
        return combo

    # -- the filter document ------------------------------------------------------------------
    def spec(self) -> dict[str, Any]:
        """The filter as the controls show it (the document the service checks)."""

        def day(edit: JalaliDateEdit) -> str | None:
            value = edit.date()
            return value.isoformat() if isinstance(value, date) else None

        doc: dict[str, Any] = {
            "version": cf.VERSION,
            "stages": self.stages.values(), "cities": self.cities.values(),
            "tags": self.tags.values(), "tags_mode": self.tags_mode.currentData(),
            "sources": self.sources.values(), "genders": self.genders.values(),
            "birth_months": self.months.values(),
            "created_from": day(self.created_from), "created_to": day(self.created_to),
            "activity_after": day(self.active_after),
            "activity_before": day(self.inactive_since),
            "won_count_min": self.won_min.number(), "won_count_max": self.won_max.number(),
            "won_total_min": self.total_min.value(), "won_total_max": self.total_max.value(),
            "segments": self.segments.values(), "sms_consent": self.sms.currentData(),
            "email_consent": self.email.currentData(), "owners": self.owners.values(),
        }
        return {k: v for k, v in doc.items() if v not in (None, [])}

    def set_spec(self, doc: dict[str, Any]) -> None:
        """Show a (checked) filter document in the controls."""
        def day(key: str) -> date | None:
            return date.fromisoformat(doc[key]) if doc.get(key) else None

        for chooser, key in ((self.stages, "stages"), (self.cities, "cities"),
                             (self.tags, "tags"), (self.sources, "sources"),
                             (self.genders, "genders"), (self.months, "birth_months"),
                             (self.segments, "segments"), (self.owners, "owners")):
            wanted = doc.get(key, [])
            present = {a.data() for a in chooser.menu().actions()}
            missing = [(v, str(v)) for v in wanted if v not in present]
            if missing:  # a city or tag no live contact has any more: still shown
                chooser.set_choices([(a.data(), a.text()) for a in chooser.menu().actions()]
                                    + missing)
            chooser.set_values(wanted)
        self.tags_mode.setCurrentIndex(max(0, self.tags_mode.findData(
            doc.get("tags_mode", cf.TAGS_ANY))))
        self.created_from.setDate(day("created_from"))
        self.created_to.setDate(day("created_to"))
        self.active_after.setDate(day("activity_after"))
        self.inactive_since.setDate(day("activity_before"))
        self.won_min.set_number(doc.get("won_count_min"))
        self.won_max.set_number(doc.get("won_count_max"))
        self.total_min.setValue(doc.get("won_total_min"))
        self.total_max.setValue(doc.get("won_total_max"))
        for combo, key in ((self.sms, "sms_consent"), (self.email, "email_consent")):
            value = doc.get(key)
            combo.setCurrentIndex(0 if value is None else 1 if value else 2)

    # -- live count ---------------------------------------------------------------------------
    def schedule(self, *_args: Any) -> None:
        """Count again once the controls have been still for a moment."""
        self._timer.start()

    def update_count(self) -> None:
        self._timer.stop()
        lang = self.ops.lang()
        spec = self.spec()
        try:
            n = self.core.lists.filter_count(spec)
            rows = self.core.lists.filter_preview(spec, PREVIEW_ROWS)
        except ValidationError as exc:
            self.problem.setText(exc.message(lang))
            self.count_label.setText(self.tr("The filter is not complete"))
            self.preview_model.setStringList([])
            return
        except CrmError as exc:  # the database is busy or gone: say so, keep editing
            self.problem.setText(str(exc))
            return
        self.problem.setText("")
        self.count_label.setText(display.digits(self.tr("%n contact(s)", "", n)))
        self.preview_model.setStringList([
            r["full_name"] + (f"  {display.ltr(r['mobile'])}" if r["mobile"] else "")
            for r in rows])

    def member_count_text(self) -> str:
        return self.count_label.text()

    # -- saving -------------------------------------------------------------------------------
    def save(self) -> None:
        spec = self.spec()
        self.save_list({"name": self.name.text(), "description": self.description.text(),
                        "filter_json": json.dumps(spec, ensure_ascii=False)}, "filter")


class StaticListDialog(ListDialog):
    """The name and description of a static list (new or edit)."""

    def __init__(self, core: Core, ops: Ops, list_id: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(core, ops, list_id, parent)
        self.setObjectName("staticListDialog")
        self.setWindowTitle(self.tr("New list") if list_id is None else self.tr("Edit list"))
        screen_fit.resize(self, 440, 240)
        self.name = QLineEdit(objectName="listName")
        self.description = QPlainTextEdit(objectName="listDescription")
        self.problem = problem_label("listProblem")
        if list_id is not None:
            self.load()
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Description"), self.description)
        buttons = self.save_buttons()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def load(self) -> None:
        row = self.core.lists.get(self.list_id)
        self.version = row["version"]
        self.name.setText(row["name"])
        self.description.setPlainText(row["description"] or "")

    def save(self) -> None:
        self.save_list({"name": self.name.text(),
                        "description": self.description.toPlainText()}, "static")
