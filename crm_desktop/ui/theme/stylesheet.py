"""The application style sheet, one template filled from the tokens. It styles widget
classes and named or flagged widgets only, never `QWidget {` (that makes every widget go
through the style-sheet engine and slows the whole program down). States are shown through
dynamic properties (`danger="true"`, `role="title"`): set the property, then re-polish."""

from __future__ import annotations

from string import Template

from crm_desktop.ui.theme import tokens

_TEMPLATE = Template("""
QMainWindow, QDialog { background: ${window}; }
QToolTip {
    background: ${tooltip}; color: ${tooltip_text}; border: none;
    padding: ${xs}px ${s}px; border-radius: ${r_small}px;
}
QLabel[role="title"] { font-size: ${f_title}pt; font-weight: 600; }
QLabel[role="section"] { font-size: ${f_section}pt; font-weight: 600; }
QLabel[role="caption"] { font-size: ${f_caption}pt; color: ${text_muted}; }
QLabel[role="muted"] { color: ${text_muted}; }
QLabel[role="error"] { color: ${danger}; }

QPushButton {
    background: ${surface}; color: ${text}; border: 1px solid ${border};
    border-radius: ${r_medium}px; padding: ${xs}px ${m}px; min-height: ${button_h}px;
}
QPushButton:hover { background: ${hover}; }
QPushButton:pressed { background: ${border}; }
QPushButton:focus { border-color: ${accent}; }
QPushButton:disabled { color: ${text_disabled}; background: ${window}; }
QPushButton:default, QPushButton[primary="true"] {
    background: ${accent}; color: ${text_on_accent}; border-color: ${accent};
}
QPushButton:default:hover, QPushButton[primary="true"]:hover { background: ${accent_hover}; }
/* a primary button that cannot be pressed yet (the import wizard's Next) looks so */
QPushButton:default:disabled, QPushButton[primary="true"]:disabled {
    background: ${window}; color: ${text_disabled}; border-color: ${border};
}
QPushButton[danger="true"] {
    background: ${surface}; color: ${danger}; border-color: ${danger};
}
QPushButton[danger="true"]:hover {
    background: ${danger}; color: ${text_on_accent}; border-color: ${danger};
}
QToolButton { border: 1px solid transparent; border-radius: ${r_medium}px; padding: ${xs}px; }
QToolButton:hover { background: ${hover}; border-color: ${border}; }
QToolButton:checked { background: ${selection}; border-color: ${accent}; }
/* a list's filter (record_list.FilterButton): a drop-down chip; filled when it filters */
QToolButton[filter="true"] {
    background: ${surface}; color: ${text}; border: 1px solid ${border};
    border-radius: ${r_medium}px; padding: ${xs}px ${s}px; min-height: ${button_h}px;
    padding-right: ${l}px;
}
QToolButton[filter="true"]:hover { background: ${hover}; }
QToolButton[filter="true"]:focus { border-color: ${accent}; }
QToolButton[filter="true"][chosen="true"] {
    background: ${selection}; color: ${selection_text}; border-color: ${accent};
}
QToolButton[filter="true"][layoutDirection="RightToLeft"] {
    padding-right: ${s}px; padding-left: ${l}px;
}
QToolButton[filter="true"]::menu-indicator {
    subcontrol-origin: padding; subcontrol-position: center right; right: ${xs}px;
}

QLineEdit, QPlainTextEdit, QTextEdit {
    background: ${surface}; color: ${text}; border: 1px solid ${border};
    border-radius: ${r_small}px; padding: ${xxs}px ${xs}px;
    selection-background-color: ${selection}; selection-color: ${selection_text};
}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus { border-color: ${accent}; }
QLineEdit:disabled { color: ${text_disabled}; background: ${window}; }
QLineEdit { min-height: ${field_h}px; }
/* combo boxes, spin boxes and date edits keep Fusion's drawing (their arrows) and take
   their colours from the palette */

QTableView, QTreeView, QListView {
    background: ${surface}; alternate-background-color: ${surface_alt}; color: ${text};
    border: 1px solid ${border}; border-radius: ${r_small}px; gridline-color: ${border};
    selection-background-color: ${selection}; selection-color: ${selection_text};
}
QHeaderView::section {
    background: ${header}; color: ${text_muted}; border: none;
    border-bottom: 1px solid ${border}; padding: ${xs}px ${s}px; font-weight: 600;
}
QTableCornerButton::section { background: ${header}; border: none; }

QGroupBox {
    border: 1px solid ${border}; border-radius: ${r_medium}px; margin-top: ${l}px;
    padding-top: ${s}px; font-weight: 600;
}
QGroupBox::title {
    subcontrol-origin: margin; subcontrol-position: top left; padding: 0 ${xs}px;
}
QTabWidget::pane { border: 1px solid ${border}; border-radius: ${r_small}px; top: -1px; }
QTabBar::tab {
    background: transparent; color: ${text_muted}; padding: ${s}px ${l}px;
    border-bottom: 2px solid transparent;
}
QTabBar::tab:selected { color: ${text}; border-bottom: 2px solid ${accent}; }
QTabBar::tab:hover { color: ${text}; }
QSplitter::handle { background: ${window}; }
QStatusBar { background: ${sidebar}; color: ${text_muted}; }
QMenuBar { background: ${window}; }
QToolBar#searchBar { background: ${window}; border: none; padding: ${xs}px ${s}px; }

QWidget#sidebar { background: ${sidebar}; }
QListView#navigation {
    background: ${sidebar}; border: none; border-radius: 0; outline: none;
}
QWidget#emptyState { background: ${surface}; }
/* a chart or a figure on a card (ui/widgets/charts.py ChartCard, the dashboard's cards) */
QFrame#chartCard, QFrame#kpiCard {
    background: ${surface}; border: 1px solid ${border}; border-radius: ${r_large}px;
}
QFrame#kpiCard:hover, QFrame#kpiCard:focus { border-color: ${accent}; }
QLabel#kpiChange { color: ${text_muted}; }
QLabel#kpiChange[tone="good"] { color: ${success}; }
QLabel#kpiChange[tone="bad"] { color: ${danger}; }
QLabel[tone="danger"] { color: ${danger}; }
/* a filter set from elsewhere (ui/widgets/filter_chip.py), removable */
QFrame#filterChip {
    background: ${selection}; border: 1px solid ${accent}; border-radius: ${r_medium}px;
}
QLabel#filterChipText { color: ${selection_text}; }
QLabel#emptyStateText { color: ${text_muted}; font-size: ${f_section}pt; }
/* the import wizard (ui/dialogs/import_*.py): its steps, the file's drop zone and the
   count cards of the preview and the summary (tone: success, info, neutral, danger) */
QLabel[step="todo"] { color: ${text_muted}; }
QLabel[step="current"] { color: ${accent}; font-weight: 600; }
QFrame#dropZone {
    background: ${surface}; border: 2px dashed ${border}; border-radius: ${r_large}px;
}
QFrame#dropZone[hover="true"] { background: ${selection}; border-color: ${accent}; }
QFrame#countCard {
    background: ${surface}; border: 1px solid ${border}; border-radius: ${r_large}px;
}
QLabel#countValue { font-size: ${f_title}pt; font-weight: 600; }
QFrame#countCard[tone="success"] QLabel#countValue { color: ${success}; }
QFrame#countCard[tone="info"] QLabel#countValue { color: ${accent}; }
QFrame#countCard[tone="danger"] QLabel#countValue { color: ${danger}; }
QFrame#countCard[tone="warning"] QLabel#countValue { color: ${warning}; }
""")


def build(theme: str, text_size: str = "normal") -> str:
    """The style sheet of a theme ("light" or "dark") at a text size."""
    if text_size not in tokens.TEXT_SIZES:
        raise ValueError(text_size)
    values: dict[str, object] = dict(tokens.colors(theme))
    values.update(tokens.SPACING)
    values.update({f"r_{k}": v for k, v in tokens.RADIUS.items()})
    values.update({f"f_{k}": tokens.font_size(k, text_size) for k in tokens.FONT_SIZES})
    scale = tokens.TEXT_SIZES[text_size]
    values["button_h"] = round(22 * scale)
    values["field_h"] = round(22 * scale)
    return _TEMPLATE.substitute(values)
