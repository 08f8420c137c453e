"""New / edit contact: every field, inline errors, a warning when the mobile or national
code is already someone else's, with a link to that contact."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from crm_desktop.core import Core
from crm_desktop.domain import clock
from crm_desktop.domain.errors import FieldError
from crm_desktop.services.contacts import ContactService
from crm_desktop.text.normalize import clean_text
from crm_desktop.ui import display, labels, screen_fit
from crm_desktop.ui.dialogs.record_form import (
    Binding,
    CheckBinding,
    ChoiceBinding,
    DateBinding,
    NotesBinding,
    PhoneBinding,
    RecordDialog,
    TextBinding,
    lang,
    run_dialog,
)
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.widgets.contact_picker import ContactPicker


class TagsBinding(TextBinding):
    """Tags as one line, separated by commas (Persian or Latin)."""

    def get(self) -> Any:
        text = self.edit.text().replace("،", ",")
        return [t for t in (clean_text(p) for p in text.split(",")) if t]

    def set(self, value: Any) -> None:
        self.edit.setText("، ".join(value or []) if display.persian() else ", ".join(value or []))


class ContactPickerBinding(Binding):
    """A contact chosen by searching as you type (widgets/contact_picker.py); text typed
    without choosing a result is an error, not a silent "no one"."""

    def __init__(self, name: str, core: Core, exclude: int | None = None):
        def search(text: str) -> list[tuple[int, str, str]]:
            return [(h.id, h.title, h.subtitle)
                    for h in core.search.search(text, 12, ("contact",))]

        picker = ContactPicker(search)
        if exclude is not None:
            picker.excluded.add(exclude)
        super().__init__(name, picker)
        self.picker = picker
        self._core = core
        #: the name of the contact set from outside (the record as loaded)
        self.known: dict[int, str] = {}
        picker.changed.connect(self.changed)

    def get(self) -> Any:
        return self.picker.value()

    def set(self, value: Any) -> None:
        if value is None:
            self.picker.set_value(None)
            return
        name = self.known.get(value)
        if name is None:
            name = self._core.contacts.get(value)["full_name"]
        self.picker.set_value(value, name)

    def own_error(self) -> str:
        if self.picker.unmatched():
            return FieldError(self.name, "choice").message(lang())
        return ""


class ContactDialog(RecordDialog):
    specs: ClassVar = ContactService.fields
    changes: ClassVar = ("contacts",)

    def __init__(self, core: Core, ops: Ops, contact_id: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("contactDialog")
        self.core = core
        self.ops = ops
        self.contact_id = contact_id
        # set when the user follows the duplicate warning's link
        self.open_instead: int | None = None
        self.setWindowTitle(self.tr("New contact") if contact_id is None
                            else self.tr("Edit contact"))
        screen_fit.resize(self, 560, 720)
        self.build_form()
        self.notice.linkActivated.connect(self._open_duplicate)
        #: the referrer as loaded (None: none, or one in the Trash): sent only when changed
        self.loaded_referrer: int | None = None
        if contact_id is not None:
            self.load()
        else:
            self.check_all()
            self.bindings["first_name"].widget.setFocus()

    def build_form(self) -> None:
        stages = list(labels.lifecycle_stages().items())
        owners = self.core.users.options()
        self.add(self.tr("First name"), TextBinding("first_name"))
        self.add(self.tr("Last name"), TextBinding("last_name"))
        self.add(self.tr("Mobile"), PhoneBinding("mobile", "mobile"))
        self.add(self.tr("Second mobile"), PhoneBinding("mobile2", "mobile"))
        self.add(self.tr("Phone"), PhoneBinding("phone", "phone"))
        self.add(self.tr("E-mail"), TextBinding("email", address=True,
                                                placeholder="name@example.com"))
        self.add(self.tr("National code"), TextBinding("national_code", ltr=True))
        birthday = self.add(self.tr("Birthday"), DateBinding("birthday"))
        assert isinstance(birthday, DateBinding)
        birthday.edit.setMaximumDate(clock.today())
        self.add(self.tr("Gender"), ChoiceBinding("gender", list(labels.genders().items())))
        self.add(self.tr("Company"), ChoiceBinding("account_id", self.core.accounts.options(),
                                                   empty=self.tr("(none)"), searchable=True))
        self.add(self.tr("Job title"), TextBinding("job_title"))
        self.add(self.tr("City"), TextBinding("city"))
        self.add(self.tr("Address"), NotesBinding("address"))
        self.add(self.tr("Postal code"), TextBinding("postal_code", ltr=True))
        self.add(self.tr("Lifecycle stage"), ChoiceBinding("lifecycle_stage", stages))
        self.add(self.tr("How they found us"), ChoiceBinding(
            "source", list(labels.sources().items()), empty=self.tr("(unknown)")))
        self.add(self.tr("Referred by"), ContactPickerBinding(
            "referred_by_id", self.core, exclude=self.contact_id))
        owner = self.add(self.tr("Owner"), ChoiceBinding("owner_id", owners))
        owner.set(self.core.actor_id)
        self.add(self.tr("Tags"), TagsBinding("tags", placeholder=self.tr(
            "for example: VIP, wholesale")))
        self.add(self.tr("Marketing messages"),
                 CheckBinding("sms_consent", self.tr("Agrees to SMS")))
        self.add("", CheckBinding("email_consent", self.tr("Agrees to e-mail")))
        self.add(self.tr("Notes"), NotesBinding("notes"))

    def values(self) -> dict[str, Any]:
        values = super().values()
        values["tags"] = self.bindings["tags"].get()
        if values.get("referred_by_id") == self.loaded_referrer:
            # unchanged: a referrer in the Trash (read as none) stays recorded
            values.pop("referred_by_id", None)
        return values

    def cross_errors(self) -> dict[str, str]:
        if not (self.bindings["first_name"].get().strip() or
                self.bindings["last_name"].get().strip()):
            return {"last_name": FieldError("last_name", "required").message(lang())}
        return {}

    def check_field(self, name: str) -> None:
        if name in ("first_name", "last_name"):
            for other in ("first_name", "last_name"):
                self.show_error(other, self.field_error(other) or
                                self.cross_errors().get(other, ""))
            self.update_save()
            return
        super().check_field(name)

    def field_changed(self, name: str) -> None:
        if name in ("mobile", "national_code"):
            self._warn_duplicates()

    def _warn_duplicates(self) -> None:
        found = self.core.contacts.duplicates(
            mobile=self.bindings["mobile"].get(),
            national_code=self.bindings["national_code"].get(),
            exclude_id=self.contact_id,
        )
        if not found:
            self.notice.hide()
            return
        first = found[0]
        text = self.tr("{name} already has this mobile or national code.").replace(
            "{name}", first["full_name"])
        open_text = self.tr("Open that contact")
        link = f'<a href="contact:{first["id"]}">{open_text}</a>'
        self.notice.setTextFormat(Qt.TextFormat.RichText)
        self.notice.setText(f"⚠ {text} {link}")
        self.notice.show()

    def _open_duplicate(self, href: str) -> None:
        self.open_instead = int(href.split(":", 1)[1])
        self.reject()

    def load(self) -> None:
        assert self.contact_id is not None
        current = self.remember(self.core.contacts.get(self.contact_id))
        self.loaded_referrer = current["referred_by_id"]
        referrer = self.bindings["referred_by_id"]
        assert isinstance(referrer, ContactPickerBinding)
        if current["referred_by_id"] is not None:
            referrer.known[current["referred_by_id"]] = current["referred_by_name"]
        self.set_values(current)

    def write(self, values: dict[str, Any]) -> int:
        if self.contact_id is None:
            return self.core.contacts.create(values)
        self.core.contacts.update(self.contact_id, values, version=self.version)
        return self.contact_id

    @classmethod
    def edit(cls, parent: QWidget | None, core: Core, ops: Ops,
             contact_id: int | None = None) -> tuple[int | None, int | None]:
        """(saved contact id or None, contact to open instead or None)."""
        dialog = cls(core, ops, contact_id, parent)
        run_dialog(dialog)
        return dialog.result_id, dialog.open_instead

