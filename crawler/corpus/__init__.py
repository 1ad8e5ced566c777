"""Corpus tools that work on records and archives rather than on live sites (re-extraction,
near-duplicates, export, reports) live here."""
