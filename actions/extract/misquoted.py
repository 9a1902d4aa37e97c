"""Words read from a quotation that the reader cut wrongly: never applied as read."""

from __future__ import annotations

import re

_ACROSS_RE = re.compile("\u201d[^\u201c]*\u201c")


def misquoted(*quoted: str | None) -> str | None:
    """Why words quoted inline were read wrongly, or None: "by striking “(“Act”)” and
    inserting instead “(“ATDA Act”)”" (EO 12823) read up to the inner closing mark, a
    quotation inside a quotation cut; "inserting after “as amended,” “the Foreign Service Act of
    1980,” and by striking out “that Act” and inserting ... “the latter Act”" (EO 12292) read
    across several quotations and the clauses between them."""
    words = [w for w in quoted if w]
    if any(w.count("\u201c") > w.count("\u201d") and "\n" not in w for w in words):
        return "a quotation within a quotation is not read"
    if any(_ACROSS_RE.search(w) for w in words):
        return "the words run over several quotations"
    return None
