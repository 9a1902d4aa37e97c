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


@dataclass
class Unit:
    action_id: int
    anchor: str  # '' for the preamble or the whole text
    label: str
    text: str
    hint: int  # where the first stem probably is (0-based), for the pattern to start from


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
    db: str, action_ids: list[int], terms: list[list[str]], cited: dict[int, set[str]]
) -> dict[int, Unit]:
    """The best unit of each action: most stems, then most occurrences; a unit holding a
    citation the query named first; the preamble (or, with no sections, the whole text) when
    nothing matches."""
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
            best[action_id] = (rank, section_id, number, heading, hint)
    return _read_units(db, best, has_sections)


def _read_units(db: str, best: dict[int, tuple], has_sections: set[int]) -> dict[int, Unit]:
    from actions.models import Action, Section

    section_ids = [chosen[1] for chosen in best.values() if chosen[1] is not None]
    # order_by(): the default orderings would join the actions table to sort a dict.
    texts = dict(
        Section.objects.using(db).filter(id__in=section_ids).order_by().values_list("id", "text")
    )
    preamble_ids = [a for a, chosen in best.items() if chosen[1] is None]
    preambles = dict(
        Action.objects.using(db)
        .filter(id__in=preamble_ids)
        .order_by()
        .values_list("id", "preamble")
    )
    # An action with neither sections nor a preamble is quoted from its whole text.
    bare = [pk for pk, text in preambles.items() if not text and pk not in has_sections]
    preambles.update(
        Action.objects.using(db).filter(id__in=bare).order_by().values_list("id", "text")
    )
    units = {}
    for action_id, (_, section_id, number, heading, hint) in best.items():
        if section_id is None:
            units[action_id] = Unit(action_id, "", "Preamble", preambles[action_id], hint)
        else:
            label = f"Sec. {number}. {heading}".strip()
            units[action_id] = Unit(action_id, f"sec-{number}", label, texts[section_id], hint)
    return units
