"""The read side shared by every output: the actions a request selects (query, filters, sort),
and an action in full (`Action.objects.for_detail()` and its one serializer)."""
