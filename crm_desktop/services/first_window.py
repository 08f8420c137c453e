"""The services the first window reads (the contacts list and its panel, the sidebar's
counts, the status bar, the global search, the File menu), imported together:
crm_desktop/app.py imports this module before PySide6, whose import hook would slow every
later import. Core makes every service on first use, so the others (automation, club
lists, imports, KPIs, exports...) are imported when something first asks for them."""

from __future__ import annotations

from crm_desktop.services import (  # noqa: F401
    access,
    accounts,
    auth,
    backups,
    campaigns,
    contacts,
    maintenance,
    search,
    server_access,
    settings,
    timeline,
    users,
)
from crm_desktop.services.club import service  # noqa: F401
