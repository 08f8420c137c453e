"""The design system: tokens (colours for a light and a dark theme, spacing, radii, font
sizes), the application style sheet built from them, the palette on the Fusion style and the
icon engine. See tokens.py for the values."""
