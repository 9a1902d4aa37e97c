"""Workflows that span layers, called by the thin management commands: an ingest run (files
read, documents saved, actions rebuilt, links related) and the Federal Register sync."""
