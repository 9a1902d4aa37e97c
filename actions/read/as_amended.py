"""The text as amended, in the API's form (the consolidation itself: `store/consolidation.py`)."""

from __future__ import annotations

from actions.extract.amendment_wording import PREAMBLE, TITLE
from actions.store.consolidation import AsAmended


def text_record(result: AsAmended) -> dict:
    """`{"as_of", "title", "preamble", "sections": [...], "not_applied": [...]}`: the title
    and preamble as amended, with their changes, beside the sections."""
    front = {
        name: (
            {
                "text": "" if part.revoked else part.text,
                "struck": part.revoked,
                "changes": part.changes,
            }
            if (part := result.front_part(name))
            else None
        )
        for name in (TITLE, PREAMBLE)
    }
    return {
        "as_of": result.day,
        **front,
        "sections": [
            {
                "number": part.number,
                "heading": part.heading,
                "text": "" if part.revoked else part.text,
                "revoked": part.revoked,
                "added": part.added,
                # the number it was first given, where a redesignation moved it
                "formerly": part.key if part.renumbered else None,
                "changes": part.changes,
            }
            for part in result.parts
        ],
        "not_applied": result.not_applied,
    }
