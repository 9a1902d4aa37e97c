"""The JSON API (django-ninja) and the bulk JSON Lines export."""
