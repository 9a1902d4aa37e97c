"""Distinctive-term vectors for comparing actions with each other and with commentary.

Pure. Terms are words, legal tokens such as `287(g)`, and two-word phrases ("secure
communities"), weighted by TF-IDF over the archive's actions; the boilerplate every order shares
("by the authority vested in me") is a stop list so it never makes two orders look alike.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

_TOKEN_RE = re.compile(r"\d+[a-z]?(?:\([a-z0-9]{1,4}\))+|[a-z][a-z'\-]+[a-z]|\d{3,}[a-z]?")
STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers him his how i if in into is it its itself just
    me more most my no nor not now of off on once only or other our ours out over own same she
    should so some such than that the their theirs them then there these they this those through
    to too under until up very was we were what when where which while who whom why will with
    would you your shall may must upon thereof therein hereby herein pursuant including within
    without among amended consistent appropriate extent law laws order orders section sections
    sec executive president united states america american federal government agency agencies
    department departments secretary head heads authority vested constitution act title code
    provided provide provisions necessary purposes purpose policy general implement implemented
    subject available appropriations nothing construed impair otherwise affect functions
    director office management budget relating budgetary administrative legislative proposals
    intended create right benefit substantive procedural enforceable equity party officers
    employees agents person entities white house day year years date hand witness whereof
    hereunto independence lord thousand hundred twenty proclaim proclamation memorandum notice
    include includes ensure take taken make made use used new one two three four five
    """.split()
)


def tokens(text: str) -> list[str]:
    return [t for t in _TOKEN_RE.findall(text.lower()) if t not in STOPWORDS]


def term_counts(text: str) -> Counter:
    """Words and adjacent two-word phrases of the non-stop tokens."""
    words = tokens(text)
    counts = Counter(words)
    counts.update(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))
    return counts


def document_frequencies(all_counts: Iterable[Counter]) -> tuple[Counter, int]:
    df: Counter = Counter()
    total = 0
    for counts in all_counts:
        df.update(counts.keys())
        total += 1
    return df, total


def tfidf_vector(counts: Counter, df: Counter, total: int, top: int = 60) -> dict[str, float]:
    """The `top` most distinctive terms, L2-normalised."""
    weights = {
        term: (1 + math.log(count)) * (math.log((1 + total) / (1 + df.get(term, 0))) + 1)
        for term, count in counts.items()
    }
    best = sorted(weights.items(), key=lambda item: item[1], reverse=True)[:top]
    norm = math.sqrt(sum(w * w for _, w in best)) or 1.0
    return {term: w / norm for term, w in best}


def shared_terms(a: dict[str, float], b: dict[str, float], limit: int = 6) -> list[str]:
    """The shared terms that contribute most to the similarity of two vectors."""
    # Ties in alphabetical order: the same explanation on every run (sets have no order).
    shared = sorted(set(a) & set(b), key=lambda t: (-a[t] * b[t], t))
    # A phrase makes its own words redundant in the explanation.
    out: list[str] = []
    for term in shared:
        if any(term in kept.split(" ") for kept in out if " " in kept):
            continue
        out.append(term)
        if len(out) == limit:
            break
    return out
