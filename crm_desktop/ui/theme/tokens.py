"""Design tokens: every colour, spacing step, radius and font size the desktop uses, written
once. Colours have a light and a dark value and a comment saying where they are used; the
style sheet (stylesheet.py), the palette (palette.py), the icon tint (icons.py) and the painted
rows (chips, side bar) all read them from here. No Qt import: plain data."""

from __future__ import annotations

from dataclasses import dataclass

THEMES = ("light", "dark")
#: what the user can choose in Settings; "system" follows the operating system
THEME_CHOICES = ("system", "light", "dark")
#: text size choices and how much larger than "normal" each is
TEXT_SIZES = {"normal": 1.0, "large": 1.15, "larger": 1.3}

#: the font of every screen (SIL OFL 1.1, shipped in resources/fonts)
FONT_FAMILY = "Vazirmatn"


@dataclass(frozen=True)
class Color:
    light: str
    dark: str
    comment: str

    def value(self, theme: str) -> str:
        return self.dark if theme == "dark" else self.light


COLORS: dict[str, Color] = {
    # -- surfaces
    "window": Color("#f4f5f7", "#1e1f22", "background of windows and views"),
    "surface": Color("#ffffff", "#2b2d31", "tables, fields, cards and panels"),
    "surface_alt": Color("#f7f8fa", "#313338", "alternating table rows"),
    "sidebar": Color("#eceef2", "#191a1d", "background of the side bar"),
    "sidebar_selected": Color("#dde7fb", "#2f3d5c", "the selected section in the side bar"),
    "hover": Color("#e8ebf0", "#35373c", "a row or button under the mouse"),
    "border": Color("#d5d9e0", "#3f4147", "lines around fields, tables and groups"),
    "header": Color("#eef0f3", "#26282c", "table header background"),
    # -- text
    "text": Color("#1f2328", "#e6e7ea", "body text; icons are tinted with it"),
    "text_muted": Color("#5f6773", "#a1a5ad", "captions, hints, placeholders, counts"),
    "text_disabled": Color("#a3a9b2", "#62666d", "disabled text and icons"),
    "text_on_accent": Color("#ffffff", "#ffffff", "text on an accent or danger button"),
    # -- accent (Telegram-like blue)
    "accent": Color("#2f6fde", "#5b8def", "primary buttons, focus ring, selected marks"),
    "accent_hover": Color("#2560c6", "#729ef2", "primary button under the mouse"),
    "selection": Color("#cfdcf7", "#34456b", "selected rows and text"),
    "selection_text": Color("#10213f", "#f1f4fb", "text of selected rows"),
    "link": Color("#2f6fde", "#7aa5f5", "links"),
    # -- states
    "danger": Color("#c62828", "#e5534b", "destructive buttons, errors, overdue"),
    "danger_hover": Color("#a91f1f", "#f0706a", "destructive button under the mouse"),
    "warning": Color("#b26a00", "#e3a33b", "warnings, items due soon"),
    "success": Color("#2e7d32", "#57ab5a", "success messages, won"),
    "today": Color("#fff8dc", "#2f2c22", "today's column in the week calendar"),
    "badge": Color("#c62828", "#e5534b", "count badges in the side bar"),
    "tooltip": Color("#2b2d31", "#f0f1f3", "tooltip background"),
    "tooltip_text": Color("#f4f5f7", "#1e1f22", "tooltip text"),
    # -- chips: background of status chips (text is chip_*_text)
    "chip_neutral": Color("#e6e8ec", "#3a3d43", "chip: new, low, lead, draft"),
    "chip_neutral_text": Color("#3b424c", "#d5d8dd", "text of a neutral chip"),
    "chip_info": Color("#dbe7fd", "#233858", "chip: open, prospect, open deal stage"),
    "chip_info_text": Color("#1d4fae", "#9dbdf7", "text of an info chip"),
    "chip_warning": Color("#fdebc8", "#4a3814", "chip: waiting, high priority"),
    "chip_warning_text": Color("#8a5200", "#f0c36a", "text of a warning chip"),
    "chip_success": Color("#d7f0d9", "#1f3d22", "chip: customer, resolved, won"),
    "chip_success_text": Color("#1f6b24", "#8fd18f", "text of a success chip"),
    "chip_danger": Color("#fbd9d7", "#4d2220", "chip: urgent, lost, churned"),
    "chip_danger_text": Color("#a3201c", "#f4a19c", "text of a danger chip"),
    "chip_special": Color("#eadcf8", "#3b2a52", "chip: loyal customer, closed"),
    "chip_special_text": Color("#6330a0", "#cfb0f3", "text of a special chip"),
    # -- charts: the colours of a chart's series or slices, in order (ui/widgets/charts.py)
    "chart_1": Color("#2f6fde", "#5b8def", "chart: first series or slice (blue)"),
    "chart_2": Color("#12937f", "#3cc2ab", "chart: second series or slice (teal)"),
    "chart_3": Color("#e0951a", "#e8b04b", "chart: third series or slice (amber)"),
    "chart_4": Color("#7b4cc2", "#a983e8", "chart: fourth series or slice (purple)"),
    "chart_5": Color("#d64f6b", "#ec7a90", "chart: fifth series or slice (rose)"),
    "chart_6": Color("#5d7a99", "#8aa4bf", "chart: sixth series or slice (slate)"),
}

#: the 4 px spacing scale: SPACING[n] is n * 4 px (FreeCAD-like steps)
SPACING_UNIT = 4
SPACING = {"xxs": 2, "xs": 4, "s": 8, "m": 12, "l": 16, "xl": 24, "xxl": 32}

#: corner radii in px
RADIUS = {"small": 4, "medium": 6, "large": 10, "pill": 9}

#: font sizes in points at the "normal" text size
FONT_SIZES = {"title": 16.0, "section": 12.5, "body": 10.0, "caption": 8.5}

#: table rows: height at the "normal" text size (comfortable, ~2.2 lines of caption)
ROW_HEIGHT = 32
#: side bar widths
SIDEBAR_WIDTH = 184
SIDEBAR_COLLAPSED_WIDTH = 52
#: icon sizes in px
ICON_SIZES = {"small": 16, "medium": 20, "large": 48}


def color(name: str, theme: str) -> str:
    """The hex value of a colour token in a theme."""
    return COLORS[name].value(theme)


def colors(theme: str) -> dict[str, str]:
    """Every colour token's value in a theme."""
    if theme not in THEMES:
        raise ValueError(theme)
    return {name: c.value(theme) for name, c in COLORS.items()}


def font_size(name: str, text_size: str = "normal") -> float:
    """A font size in points, scaled by the user's text size."""
    return round(FONT_SIZES[name] * TEXT_SIZES[text_size], 1)


def row_height(text_size: str = "normal") -> int:
    return round(ROW_HEIGHT * TEXT_SIZES[text_size])


def spacing(name: str) -> int:
    return SPACING[name]
