"""PDF documents (reportlab, no Qt): proformas."""
