"""Layout checks shared by the tests that open screens at 1366x768."""

from __future__ import annotations

from PySide6.QtWidgets import QLayout, QWidget


def _laid_out(layout: QLayout) -> list[QWidget]:
    widgets = []
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item.widget() is not None:
            widgets.append(item.widget())
        elif item.layout() is not None:
            widgets += _laid_out(item.layout())
    return widgets


def _name(w: QWidget) -> str:
    return w.objectName() or type(w).__name__


def _minimum_height(w: QWidget) -> int:
    return w.minimumHeight() if w.minimumHeight() > 0 else w.minimumSizeHint().height()


def overlapping(top: QWidget) -> list[str]:
    """Widgets a layout placed on top of each other, outside their parent, or squeezed
    lower than their minimum."""
    problems = []
    for parent in [top, *top.findChildren(QWidget)]:
        if not parent.isVisibleTo(top) or parent.layout() is None:
            continue
        children = [w for w in _laid_out(parent.layout()) if w.isVisibleTo(top)]
        for i, a in enumerate(children):
            if a.height() < _minimum_height(a):
                problems.append(f"{_name(a)} squeezed to {a.height()} < {_minimum_height(a)}")
            if not parent.rect().contains(a.geometry()):
                problems.append(f"{_name(a)} {a.geometry()} outside {_name(parent)} "
                                f"{parent.rect()}")
            for b in children[i + 1:]:
                if a.geometry().intersects(b.geometry()):
                    problems.append(f"{_name(a)} overlaps {_name(b)}")
    return problems
