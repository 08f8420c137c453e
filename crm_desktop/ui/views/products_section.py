"""The Products section: two tabs, the product catalogue (products.py) and the proformas
list (proformas.py). The catalogue is made with the section; the proformas list the first
time its tab is shown. What the shell asks (refresh, a change, Ctrl+N, Ctrl+F, a record,
the remembered state) goes to the tab it concerns."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from crm_desktop.core import Core
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.ui_settings import UiSettings
from crm_desktop.ui.views.base import BaseView
from crm_desktop.ui.views.products import ProductsView


class ProductsSectionView(BaseView):
    watches = ()  # each tab says what it watches

    def __init__(self, core: Core, ops: Ops, settings: UiSettings,
                 parent: QWidget | None = None):
        super().__init__(core, ops, settings, parent)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("productTabs")
        self.tabs.setDocumentMode(True)
        self.products = ProductsView(core, ops, settings, self.tabs)
        self.products.setObjectName("productsPage")
        self.tabs.addTab(self.products, self.tr("Products"))
        self._proformas_holder = QWidget(self.tabs)
        self._proformas_holder.setObjectName("proformasTab")
        QVBoxLayout(self._proformas_holder).setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self._proformas_holder, self.tr("Proformas"))
        self._proformas: BaseView | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.tabs.currentChanged.connect(self._tab_shown)
        for page in (self.products,):
            page.navigate.connect(self.navigate)
            page.open_record.connect(self.open_record)

    # -- tabs -----------------------------------------------------------------------------------
    @property
    def proformas(self) -> BaseView:
        """The proformas list, made (and its module imported) the first time."""
        if self._proformas is None:
            from crm_desktop.ui.views.proformas import ProformasView

            view = ProformasView(self.core, self.ops, self.settings, self._proformas_holder)
            view.setObjectName("proformasPage")
            self._proformas_holder.layout().addWidget(view)
            view.restore_state()
            view.navigate.connect(self.navigate)
            view.open_record.connect(self.open_record)
            self._proformas = view
        return self._proformas

    def show_proformas(self) -> BaseView:
        self.tabs.setCurrentIndex(1)
        return self.proformas

    def current_page(self) -> BaseView:
        return self.products if self.tabs.currentIndex() == 0 else self.proformas

    def _pages(self) -> list[BaseView]:
        return [p for p in (self.products, self._proformas) if p is not None]

    def _tab_shown(self, index: int) -> None:
        if index == 1:
            self.proformas  # noqa: B018 - made when first shown

    # -- what the shell asks ------------------------------------------------------------------
    def on_changed(self, tables: list[str]) -> None:
        for page in self._pages():
            page.on_changed(tables)

    def refresh(self) -> None:
        for page in self._pages():
            page.refresh()

    def new_record(self) -> None:
        self.current_page().new_record()

    def focus_search(self) -> None:
        self.current_page().focus_search()

    def show_record(self, record_id: int) -> None:
        """A product (from a search or another view): the catalogue shows it."""
        self.tabs.setCurrentIndex(0)
        self.products.show_record(record_id)

    def save_state(self) -> None:
        for page in self._pages():
            page.save_state()

    def restore_state(self) -> None:
        """The catalogue's now; the proformas list's when it is made."""
        self.products.restore_state()
