"""gunicorn reads this file from the directory it starts in (the README's command runs there)."""


def post_worker_init(worker) -> None:
    # Each worker builds its search facet index as it starts, not on its first search, and
    # rebuilds it within a minute of an ingest changing the archive.
    from actions.search.facets import warm_in_background

    warm_in_background(every=60)
