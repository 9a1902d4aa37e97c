"""Which part of each result to quote: chosen by the database, read in full only once.

A result's snippet comes from its best-matching unit (the preamble or one section), so the
result links to `#sec-N`. Long orders have dozens of long sections: loading all of them for
twenty results and scanning them in Python cost most of a results page (650 kB of text for
`Department of Homeland Security`). Here one statement scores every unit of the page's
actions where the text lies, counting the query's stems with LOWER/REPLACE/INSTR (plain string
functions both databases run in C), and only the chosen unit of each action is read.
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


def _score_sql(column: str, stems: list[str], vendor: str) -> tuple[str, str, list]:
    """SQL for a unit's score (10 per stem present, plus its count) and its first stem."""
    find = "POSITION(%s IN LOWER({0}))" if vendor == "postgresql" else "INSTR(LOWER({0}), %s)"
    score_parts, hint_parts, params, hint_params = [], [], [], []
    for word in stems:
        found = find.format(column)
        score_parts.append(
            f"(CASE WHEN {found} > 0 THEN 10 ELSE 0 END"
            f" + (LENGTH({column}) - LENGTH(REPLACE(LOWER({column}), %s, ''))) / %s)"
        )
        params += [word, word, len(word)]
        hint_parts.append(f"NULLIF({found}, 0)")
        hint_params.append(word)
    score = " + ".join(score_parts) or "0"
    if not hint_parts:
        hint = "1"
    elif len(hint_parts) == 1:
        hint = f"COALESCE({hint_parts[0]}, 1)"
    else:
        least = "LEAST" if vendor == "postgresql" else "MIN"
        # SQLite's MIN(a, b) is NULL if any is NULL: COALESCE each to a large number first.
        hint = (
            f"COALESCE(NULLIF({least}("
            + ", ".join(f"COALESCE({h}, 2147483647)" for h in hint_parts)
            + "), 2147483647), 1)"
        )
    return score, hint, params + hint_params


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
    s_score, s_hint, s_params = _score_sql("text", stems, vendor)
    p_score, p_hint, p_params = _score_sql("preamble", stems, vendor)
    sql = (
        f"SELECT action_id, id, number, heading, position, {s_score}, {s_hint} "
        f"FROM actions_section WHERE action_id IN ({marks}) "
        f"UNION ALL SELECT id, NULL, '', '', -1, {p_score}, {p_hint} "
        f"FROM actions_action WHERE id IN ({marks})"
    )
    best: dict[int, tuple] = {}
    with connections[db].cursor() as cursor:
        cursor.execute(sql, [*s_params, *action_ids, *p_params, *action_ids])
        rows = cursor.fetchall()
    has_sections = {row[0] for row in rows if row[1] is not None}
    for action_id, section_id, number, heading, position, score, hint in rows:
        anchor = f"sec-{number}" if section_id is not None else ""
        # Ties go to the earlier unit (the preamble first).
        rank = (int(score or 0) + (1000 if anchor in cited.get(action_id, ()) else 0), -position)
        # Nothing matching anywhere: quote the first section (the preamble is boilerplate).
        if rank[0] == 0:
            rank = (0, -abs(position)) if section_id is not None else (-1, 0)
        if action_id not in best or rank > best[action_id][0]:
            best[action_id] = (rank, section_id, number, heading, int(hint or 1) - 1)
    return _read_units(db, best, has_sections)


def _read_units(db: str, best: dict[int, tuple], has_sections: set[int]) -> dict[int, Unit]:
    from actions.models import Action, Section

    section_ids = [chosen[1] for chosen in best.values() if chosen[1] is not None]
    texts = dict(Section.objects.using(db).filter(id__in=section_ids).values_list("id", "text"))
    preamble_ids = [a for a, chosen in best.items() if chosen[1] is None]
    preambles = dict(
        Action.objects.using(db).filter(id__in=preamble_ids).values_list("id", "preamble")
    )
    # An action with neither sections nor a preamble is quoted from its whole text.
    bare = [pk for pk, text in preambles.items() if not text and pk not in has_sections]
    preambles.update(Action.objects.using(db).filter(id__in=bare).values_list("id", "text"))
    units = {}
    for action_id, (_, section_id, number, heading, hint) in best.items():
        if section_id is None:
            units[action_id] = Unit(action_id, "", "Preamble", preambles[action_id], hint)
        else:
            label = f"Sec. {number}. {heading}".strip()
            units[action_id] = Unit(action_id, f"sec-{number}", label, texts[section_id], hint)
    return units
