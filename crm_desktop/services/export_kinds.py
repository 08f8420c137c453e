"""The kinds of list an export writes, in a module of their own: the command line's
parser lists them without importing the export code (and the models under it)."""

from __future__ import annotations

LIST_KINDS = ("contacts", "companies", "deals", "products", "proformas", "tickets",
              "activities", "campaign_members", "list_members", "club_members",
              "club_ledger", "audit_log")
#: the kinds the command line exports (the members of a campaign or list need its id)
CLI_KINDS = LIST_KINDS[:7]
