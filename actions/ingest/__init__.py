"""Parsers, one module per published format, and `parse_document`, which picks one by content."""
