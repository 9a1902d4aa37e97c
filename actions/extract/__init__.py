"""What a text says, read without a database: statute citations (with the Act crosswalk),
references to other actions and the relation stated, publisher notes, agencies, presidents.

Pure: plain values in, plain values out. A contract in `pyproject.toml` (import-linter) fails
the build if anything here imports Django or the archive's models."""
