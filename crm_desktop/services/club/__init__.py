"""The customer club (loyalty points and tiers): see service.py. Kept free of imports so
that the settings can read the club's defaults without loading the service."""
