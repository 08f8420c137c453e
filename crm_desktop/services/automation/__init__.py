"""Automation rules: what a CRM does by itself (greetings, reminders, follow-ups, lead
assignment), run at start-up, every 15 minutes and from the operating system's scheduler
(no Qt)."""
