"""Which part of each result to quote: chosen by the database, read in full only once.

A result's snippet comes from its best-matching unit (the preamble or one section), so the
result links to `#sec-N`. Long orders have dozens of long sections: loading all of them for
twenty results and scanning them in Python cost most of a results page (650 kB of text for
`Department of Homeland Security`). Here one statement scores every unit of the page's
actions where the text lies, counting the query's stems with LOWER/REPLACE/INSTR (plain string
functions both databases run in C), and only the chosen unit of each action is read.

The lowercasing is ASCII on both: SQLite's LOWER is, and PostgreSQL's is made so by the "C"
collation (its default, locale-aware LOWER cost three times the reading of the text). A stem
with letters outside ASCII then matches only as written; this only picks which unit to quote.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connections

from actions.search.snippets import stem

# Of the chosen unit only a slice is read: from a little before its first match (or the first
# citation the query named), long enough for any snippet window. Reading whole units cost more
# than choosing them: 224 kB of old orders' texts for one page of `united states`.
BEFORE = 200
SLICE = 2000


@dataclass
class Unit:
    action_id: int
    anchor: str  # '' for the preamble or the whole text
    label: str
    text: str  # the slice read: the unit's text from `offset`, at most SLICE characters
    hint: int  # where the first stem probably is in `text` (0-based), for the pattern
    offset: int = 0

    @property
    def continues(self) -> bool:
        """Whether the unit's text goes on after the slice (as far as the slice can tell)."""
        return len(self.text) >= SLICE


def _count_sql(stems: list[str], vendor: str) -> tuple[str, list]:
    """Per stem, its number of occurrences in the lowercased unit text `t` and its first
    position (in characters: ASCII lowercasing keeps every character where it was)."""
    postgres = vendor == "postgresql"
    find = "POSITION(%s IN t)" if postgres else "INSTR(t, %s)"
    # Bytes, not characters, on PostgreSQL: counting UTF-8 characters is a scan of its own.
    length = "OCTET_LENGTH" if postgres else "LENGTH"
    columns, params = [], []
    for word in stems:
        size = len(word.encode()) if postgres else len(word)
        columns += [f"({length}(t) - {length}(REPLACE(t, %s, ''))) / {size}", find]
        params += [word, word]
    return ", ".join(columns) or "0", params


def choose_units(
    db: str,
    action_ids: list[int],
    terms: list[list[str]],
    cited: dict[int, dict[str, list[tuple[int, int]]]],
) -> dict[int, Unit]:
    """The best unit of each action: most stems, then most occurrences; a unit holding a
    citation the query named (`cited`: action -> anchor -> spans) first; the preamble (or, with
    no sections, the whole text) when nothing matches."""
    if not action_ids:
        return {}
    vendor = connections[db].vendor
    stems = sorted({stem(words[0]).lower() for words in terms if words})
    marks = ", ".join(["%s"] * len(action_ids))
    counts, params = _count_sql(stems, vendor)
    # Each text read and lowercased once, materialised: PostgreSQL would otherwise fetch and
    # decompress a TOASTed text again for every expression that reads it.
    collate = ' COLLATE "C"' if vendor == "postgresql" else ""
    text, preamble = f"LOWER(text{collate})", f"LOWER(preamble{collate})"
    sql = (
        "WITH u AS MATERIALIZED (SELECT action_id, id, number, heading, position, "
        f"{text} AS t FROM actions_section WHERE action_id IN ({marks}) "
        f"UNION ALL SELECT id, NULL, '', '', -1, {preamble} FROM actions_action "
        f"WHERE id IN ({marks})) "
        f"SELECT action_id, id, number, heading, position, {counts} FROM u"
    )
    with connections[db].cursor() as cursor:
        cursor.execute(sql, [*action_ids, *action_ids, *params])
        rows = cursor.fetchall()
    best: dict[int, tuple] = {}
    has_sections = {row[0] for row in rows if row[1] is not None}
    for action_id, section_id, number, heading, position, *found in rows:
        score, starts = 0, []
        for index in range(len(stems)):
            occurrences, at = int(found[2 * index] or 0), found[2 * index + 1]
            score += (10 + occurrences) if occurrences else 0
            if at:
                starts.append(at)
        anchor = f"sec-{number}" if section_id is not None else ""
        # Ties go to the earlier unit (the preamble first).
        rank = (score + (1000 if anchor in cited.get(action_id, ()) else 0), -position)
        # Nothing matching anywhere: quote the first section (the preamble is boilerplate).
        if rank[0] == 0:
            rank = (0, -abs(position)) if section_id is not None else (-1, 0)
        if action_id not in best or rank > best[action_id][0]:
            hint = min(starts, default=1) - 1
            spans = cited.get(action_id, {}).get(anchor, [])
            first = min([hint, *(start for start, _ in spans)])
            best[action_id] = (rank, section_id, number, heading, hint, max(0, first - BEFORE))
    return _read_units(db, best, has_sections)


def _read_units(db: str, best: dict[int, tuple], has_sections: set[int]) -> dict[int, Unit]:
    """The slice of each chosen unit, in one statement. An action with neither sections nor
    a preamble is quoted from its whole text."""
    if not best:
        return {}
    rows, params = [], []
    for action_id, (_, section_id, _, _, _, offset) in best.items():
        kind = "s" if section_id is not None else "p" if action_id in has_sections else "a"
        rows.append("(%s, %s, %s)")
        params += [kind, section_id if section_id is not None else action_id, offset + 1]
    sql = (
        f"WITH v(kind, id, start) AS (VALUES {', '.join(rows)}) "
        f"SELECT v.kind, v.id, SUBSTR(s.text, v.start, {SLICE}) FROM v "
        "JOIN actions_section s ON v.kind = 's' AND s.id = v.id "
        f"UNION ALL SELECT v.kind, v.id, SUBSTR(CASE WHEN v.kind = 'a' AND a.preamble = '' "
        f"THEN a.text ELSE a.preamble END, v.start, {SLICE}) FROM v "
        "JOIN actions_action a ON v.kind IN ('p', 'a') AND a.id = v.id"
    )
    with connections[db].cursor() as cursor:
        cursor.execute(sql, params)
        texts = {(kind == "s", pk): text or "" for kind, pk, text in cursor.fetchall()}
    units = {}
    for action_id, (_, section_id, number, heading, hint, offset) in best.items():
        if section_id is None:
            text = texts.get((False, action_id), "")
            units[action_id] = Unit(action_id, "", "Preamble", text, hint - offset, offset)
        else:
            label = f"Sec. {number}. {heading}".strip()
            text = texts.get((True, section_id), "")
            units[action_id] = Unit(action_id, f"sec-{number}", label, text, hint - offset, offset)
    return units
