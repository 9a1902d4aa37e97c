"""Links between actions computed over the whole archive: related actions, commentary links,
the text's and the FR's relations reconciled per pair, and measured graph quality."""
