"""Which action a document belongs to, and which identifiers an action may hold.

Identifiers the publisher assigns (FR document number, DCPD number, FR citation) decide
first; a printed number decides only if the title or date agree with it; copies without a
number match on title and signing date. A unique identifier held by one action is never
taken by a second.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from difflib import SequenceMatcher

from actions.extract.likeness import same_text, text_likeness, title_likeness
from actions.ingest.parsed import ParsedDocument
from actions.ingest.text import title_key
from actions.models import Action
from actions.store.cards import DatabaseCards
from actions.store.merge import METADATA_RANK
from actions.vocabulary import KIND_LABELS

# Every rule below asks its questions of `cards`: the database by default, or the memory of a
# bulk run (`store/cards.py`), which answers them the same way.
DATABASE = DatabaseCards()


def titles_agree(a: str, b: str) -> bool:
    """Two printings of one title: equal keys, one a prefix of the other (a truncated
    table entry), or nearly the same letters (a transcription's slips)."""
    if not a or not b:
        return False
    if a == b or (min(len(a), len(b)) >= 20 and (a.startswith(b) or b.startswith(a))):
        return True
    return SequenceMatcher(None, a, b).ratio() >= 0.85


def number_holder(action, kind: str, number: str | None, cards=DATABASE):
    """Another action that already holds this kind and number."""
    if not number:
        return None
    return cards.numbered(kind, number, exclude=action.pk)


def free_identifier(action, name: str, value: str | None, cards=DATABASE) -> str | None:
    """A unique identifier already held by another action is not taken twice."""
    if value and cards.holds(name, value, exclude=action.pk):
        return None
    return value


# A "Presidential Memorandum of DATE" may be filed under any of the memorandum kinds.
MEMO_KINDS = frozenset({"memorandum", "nspm", "nsm", "determination"})


# Kinds a reference may name by date alone ("the memorandum of January 3, 2025").
DATED_KINDS = frozenset({*MEMO_KINDS, "proclamation", "notice"})


def resolve_reference(kind: str, number: str | None, on, title: str | None = None) -> Action | None:
    """The archived action a reference names: by kind and number, or by kind and date; of
    several memoranda of one date, the one whose title the reference printed."""
    if number:
        return DATABASE.numbered(kind, number)
    return resolve_dated([(kind, on, title)]).get((kind, on, title))


def resolve_dated(keys: Iterable[tuple[str, object, str | None]]) -> dict[tuple, Action]:
    """`resolve_reference` for many (kind, date, title) references without numbers, in one
    query: the action each names, for those that name one."""
    keys = {(kind, on, title) for kind, on, title in keys if on and kind in DATED_KINDS}
    by_day = defaultdict(list)
    if keys:
        candidates = Action.objects.filter(
            kind__in=DATED_KINDS, signed_on__in={on for _, on, _ in keys}
        ).only("id", "kind", "title", "signed_on")
        for action in candidates:
            by_day[action.signed_on].append(action)
    out = {}
    for kind, on, title in keys:
        kinds = MEMO_KINDS if kind in MEMO_KINDS else {kind}
        found = _pick_dated([a for a in by_day[on] if a.kind in kinds], title)
        if found is not None:
            out[(kind, on, title)] = found
    return out


def _pick_dated(found: list[Action], title: str | None) -> Action | None:
    """Of the actions of the kind and date a reference names, the one it means: the only
    one, when it printed no title; else the one whose title is clearly the likest."""
    if len(found) == 1 and not title:
        return found[0]
    if not title:
        return None
    scored = sorted(((title_likeness(title, a.title), a) for a in found), key=lambda s: -s[0])
    if scored and scored[0][0] >= 0.8 and (len(scored) == 1 or scored[0][0] - scored[1][0] >= 0.1):
        return scored[0][1]
    return None


def refresh_identity(action, cards=DATABASE) -> None:
    """Identity fields from the sources' own columns (cheap: no parse is loaded), so the next
    copy of the same order finds this action by number, FR document number or title + date."""
    rows = cards.source_rows(action)
    if any(not row["is_correction"] for row in rows):
        rows = [row for row in rows if not row["is_correction"]]
    else:
        # Only a correction so far: it names its order's kind, number and date, nothing else.
        rows = [
            {
                **row,
                "title": f"{KIND_LABELS.get(row['kind'], '')} {row['number']}".strip(),
                "fr_citation": "",
                "fr_document_number": "",
                "dcpd_number": "",
            }
            for row in rows
        ]
    rows.sort(key=lambda row: METADATA_RANK.get(row["format"], 50))

    def best(name):
        return next((row[name] for row in rows if row[name]), None)

    kind = next((row["kind"] for row in rows if row["kind"] and row["kind"] != "other"), None)
    action.kind = kind or action.kind or "other"
    number = best("number")
    action.number = None if number_holder(action, action.kind, number, cards) else number
    action.title = best("title") or action.title
    action.title_key = title_key(action.title)
    action.signed_on = best("signed_on")
    action.fr_citation = best("fr_citation")
    action.fr_document_number = free_identifier(
        action, "fr_document_number", best("fr_document_number"), cards
    )
    action.dcpd_number = free_identifier(action, "dcpd_number", best("dcpd_number"), cards)
    cards.save_identity(action)


def find_action(parsed: ParsedDocument, cards=DATABASE):
    """The action a document belongs to, or None for a new one.

    Identifiers the publisher assigns (FR document number, DCPD number, FR citation) decide
    first. A printed number decides only if title or date agree with it: a page may print
    another order's number, which is a conflict to show, never a reason to merge two orders.
    Copies without a number match on title and signing date (a web page may be dated a day or
    two after the signing).
    """
    if parsed.is_correction and parsed.number and parsed.kind:
        return cards.numbered(parsed.kind, parsed.number)
    identifiers = []
    if parsed.fr_document_number:
        identifiers.append(("fr_document_number", parsed.fr_document_number))
    if parsed.dcpd_number:
        identifiers.append(("dcpd_number", parsed.dcpd_number))
    if parsed.fr_citation and parsed.kind and not parsed.number:
        identifiers.append(("fr_citation", parsed.fr_citation, parsed.kind))
    key = title_key(parsed.title or "")
    found = cards.identified(identifiers) if identifiers else None
    if found and (
        not parsed.number
        or not found.number
        or found.number == parsed.number
        or titles_agree(found.title_key, key)
        or found.signed_on == parsed.signed_on
    ):
        # The publisher's identifier and the title or date agree: a differing printed number
        # is then a misprint, kept as a conflict on the one action.
        return found
    if parsed.number and parsed.kind:
        by_number = cards.numbered(parsed.kind, parsed.number)
        agrees = by_number and (
            not key
            or titles_agree(by_number.title_key, key)
            or by_number.signed_on == parsed.signed_on
            or by_number.signed_on is None
            or parsed.signed_on is None
        )
        if agrees:
            return by_number
    if not key or not parsed.signed_on:
        return None
    candidates = cards.titled(
        key,
        parsed.signed_on - timedelta(days=3),
        parsed.signed_on + timedelta(days=3),
        parsed.number,
    )
    matches = [
        a
        for a in candidates
        if a.kind == parsed.kind or "other" in (a.kind, parsed.kind) or not parsed.kind
    ]
    matches.sort(key=lambda a: abs((a.signed_on - parsed.signed_on).days))
    if matches:
        return matches[0]
    if not parsed.number and parsed.kind and parsed.text.strip():
        # The same page published twice (re-dated, or its title retyped: "Agreenent"):
        # near-identical title and text, of one kind, within days.
        same = reprinted(parsed.kind, parsed.title or "", parsed.signed_on, parsed.text, cards)
        if same is not None:
            return same
    if parsed.kind in TWIN_KINDS:
        # A whitehouse.gov page of an order the FR numbered, or the FR's record of an order
        # whose page came first: told apart by what the two printings say.
        return decided(
            twin_candidates(
                parsed.kind,
                parsed.title or "",
                parsed.signed_on,
                parsed.text,
                numbered=not parsed.number,
                page_date=parsed.published_on,
                cards=cards,
            )
        )
    return None


# Twins: one order printed with its number (the FR's records) and without (whitehouse.gov) ----

TWIN_KINDS = frozenset({"executive_order", "proclamation"})
TWIN_WINDOW = timedelta(days=7)  # a page may be dated days after the signing
TWIN_MARGIN = 0.15  # the best candidate must lead the next by this much, or it is a conflict


@dataclass(frozen=True)
class TwinMatch:
    action: Action
    score: float
    title: float
    text: float | None  # None when one of the two has no text to compare

    @property
    def evidence(self) -> str:
        text = f", text {self.text:.2f}" if self.text is not None else ", no text to compare"
        return f"title {self.title:.2f}{text}"


def twin_candidates(
    kind: str,
    title: str,
    signed_on,
    text: str,
    *,
    numbered: bool,
    page_date=None,
    cards=DATABASE,
) -> list[TwinMatch]:
    """Actions of `kind` signed within a week of `signed_on` or of the page's own date
    (numbered ones, or unnumbered with `numbered=False`) that read as the same order, best
    first. (A page may print a wrong signing date: EO 14108's says August 20 for September
    20; its page is dated right.)

    With both texts at hand, both the titles and the texts must agree (a flag-at-half-staff
    proclamation's text is formulaic, its title is not; a series of succession orders shares
    its title's words, not its text). With a title alone, it must agree nearly letter for
    letter on the same day, or all but exactly within three days."""
    days_printed = [day for day in (signed_on, page_date) if day]
    if not days_printed or not title:
        return []
    found = []
    windows = [(day - TWIN_WINDOW, day + TWIN_WINDOW) for day in days_printed]
    # Texts are read only for the candidates whose titles are alike.
    candidates = cards.in_windows(kind, numbered, windows)
    alike = [
        (candidate, by_title)
        for candidate in candidates
        if (by_title := title_likeness(title, candidate.title, days_printed[0].year)) >= 0.6
    ]
    texts = cards.texts_of([candidate for candidate, _ in alike])
    for candidate, by_title in alike:
        days = min(abs((candidate.signed_on - day).days) for day in days_printed)
        other_text = texts.get(candidate.pk, "")
        if text.strip() and other_text.strip():
            by_text = text_likeness(text, other_text)
            score, agrees = min(by_title, by_text), min(by_title, by_text) >= 0.6
        else:
            by_text, score = None, by_title
            agrees = (by_title >= 0.75 and days == 0) or (by_title >= 0.9 and days <= 3)
        if agrees:
            found.append(TwinMatch(candidate, score, by_title, by_text))
    return sorted(found, key=lambda match: -match.score)


REPRINT_WINDOW = timedelta(days=3)
REPRINT_LIKENESS = 0.9


def reprinted(kind: str, title: str, signed_on, text: str, cards=DATABASE):
    """The one unnumbered action of this kind, signed within three days, whose title and text
    are both near-identical to these (two nominations lists share a title, not a text; two
    disaster declarations share a formula, not a title)."""
    if not signed_on or not title:
        return None
    window = [(signed_on - REPRINT_WINDOW, signed_on + REPRINT_WINDOW)]
    candidates = cards.in_windows(kind, False, window)
    alike = [c for c in candidates if title_likeness(title, c.title, signed_on.year) >= 0.9]
    texts = cards.texts_of(alike)
    same = [c for c in alike if same_text(text, texts.get(c.pk, ""), REPRINT_LIKENESS)]
    return same[0] if len(same) == 1 else None


def decided(matches: list[TwinMatch]) -> Action | None:
    """The one twin, or None when there is none or two are too close to tell apart (a
    conflict for curators: `ambiguous`)."""
    if not matches or ambiguous(matches):
        return None
    return matches[0].action


def ambiguous(matches: list[TwinMatch]) -> bool:
    return len(matches) > 1 and matches[0].score - matches[1].score < TWIN_MARGIN
