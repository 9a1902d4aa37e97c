"""The one writer: parsed documents become rows (`writer.save_document`), identities are
settled, derived rows are rebuilt from every source of an action (`rebuild`), and files read
by an ingest are kept track of (`files`)."""
