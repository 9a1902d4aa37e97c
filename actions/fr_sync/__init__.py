"""Keeping the archive current from the Federal Register API (`manage.py sync_federal_register`):
`client.py` speaks HTTP politely, `sync.py` lists documents window by window and saves them as
files, which the ingest command reads like any other."""
