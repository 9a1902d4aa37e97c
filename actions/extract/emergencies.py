"""What a text does to national emergencies under the National Emergencies Act.

Four acts, each read from the sentence a President signs: declaring ("I hereby declare a
national emergency to deal with that threat"), expanding or modifying its scope ("hereby
expand the scope of the national emergency declared in Executive Order 13660"), continuing it
(the yearly notice: "I am continuing for 1 year the national emergency declared in Executive
Order 12170") and terminating it ("I hereby terminate the national emergency declared in
Executive Order 12947"). Past tense ("the President declared a national emergency") tells
history, not an act: it only says which order declared an emergency that a later sentence
acts on ("... in those orders").

An emergency is known by the order that declared it: every act but a declaration names that
order (kind, number, printed date).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from actions.ingest.dates import WRITTEN_DATE_RE, parse_written_date

DECLARES, EXPANDS, MODIFIES, CONTINUES, TERMINATES = (
    "declares",
    "expands",
    "modifies",
    "continues",
    "terminates",
)
ACT_KINDS = (DECLARES, EXPANDS, MODIFIES, CONTINUES, TERMINATES)


@dataclass(frozen=True)
class Declaring:
    """The order an emergency was declared in, as a text names it."""

    kind: str  # executive_order or proclamation
    number: str
    on: date | None


@dataclass(frozen=True)
class EmergencyAct:
    kind: str  # one of ACT_KINDS
    declared_in: Declaring | None  # None for a declaration: the text itself declares
    evidence: str  # the sentence
    start: int


_DATE = WRITTEN_DATE_RE.pattern
_NOUN = r"(?P<noun>Executive\s+Orders?|Proclamations?)"
_ITEM = rf"(?:No\.\s*)?\d{{3,5}}(?:,?\s+of\s+{_DATE})?"
# "Executive Order 12170", "Executive Order No. 12170 of November 14, 1979",
# "Executive Orders 12808 of May 30, 1992, and 12810 of June 5, 1992".
# The noun may repeat: "Executive Order 12808 of May 30, 1992, and Executive Order 13088".
_REFS = (
    rf"{_NOUN}\s+(?P<items>{_ITEM}(?:,?\s+(?:and\s+)?"
    rf"(?:(?:Executive\s+Orders?|Proclamations?)\s+)?{_ITEM})*)"
)
_REFS_RE = re.compile(_REFS)
_ITEM_RE = re.compile(rf"(?P<number>\d{{3,5}})(?:,?\s+of\s+(?P<date>{_DATE}))?")
# "declared in Executive Order 13224", "declared on March 15, 1995, by Executive Order ...",
# "declared and expanded in scope in ...", "with respect to Iran declared in ...".
_DECLARED_IN = (
    r"(?:declared|set\s+out)\s+(?:and\s+expanded\s+in\s+scope\s+)?"
    r"(?:with\s+respect\s+to\s+[^.;]{0,150}?\s+)?"
    rf"(?:on\s+(?P<on>{_DATE}),?\s+)?(?:in|by)\s+"
)
_DECLARED_IN_RE = re.compile(_DECLARED_IN + _REFS)
# Past acts that tell which orders declared ("by Executive Order 12170, the President
# declared a national emergency", "the declaration of a national emergency in Executive Order
# 13129"): what "the national emergency declared in that order" later means.
_DECLARED_BY_RE = re.compile(
    rf"\b(?:[Ii]n|[Bb]y|[Tt]hrough)\s+{_REFS},?\s+(?:the\s+President\s+|I\s+)?declared\s+"
    r"(?:a\s+)?national\s+emergenc"
)
# "On March 1, 1996, by Proclamation 6867, a national emergency was declared".
_ON_DAY_BY_RE = re.compile(
    rf"\bOn\s+(?P<on>{_DATE}),\s+(?:in|by)\s+{_REFS},?\s+"
    r"(?:(?:the\s+President|I)\s+declared\s+a\s+|a\s+)national\s+emergenc"
)
_DECLARATION_OF_RE = re.compile(
    r"\bdeclarations?\s+of\s+(?:a\s+)?national\s+emergenc(?:y|ies)\s+"
    rf"(?:with\s+respect\s+to\s+[^.;]{{0,80}}?\s+)?in\s+{_REFS}"
)
# "the President issued Executive Order 13338, declaring a national emergency".
_DECLARING_RE = re.compile(rf"{_REFS},?\s+(?:which\s+)?declar(?:ing|ed)\s+a\s+national\s+emergenc")
# "I previously declared a national emergency with respect to ... in Proclamation 10886".
_DECLARED_A_RE = re.compile(
    rf"\bdeclared\s+a\s+national\s+emergency\b[^.;]{{0,200}}?\s+in\s+{_REFS}"
)
_HISTORY_RES = (
    _DECLARED_IN_RE,
    _DECLARED_BY_RE,
    _DECLARATION_OF_RE,
    _DECLARING_RE,
    _DECLARED_A_RE,
    _ON_DAY_BY_RE,
)
# Words each of them holds, found first: two of them begin with an order's name, which the
# engine would otherwise try at every position of every text.
_HISTORY_NEEDS = {
    _DECLARED_BY_RE: re.compile(r"declared\s+(?:a\s+)?national\s+emergenc"),
    _DECLARING_RE: re.compile(r"declar(?:ing|ed)\s+a\s+national\s+emergenc"),
}
_DECLARE_RE = re.compile(
    r"\b(?:hereby|I)\s+(?:[^.;]{0,40}?\s)?declare\s+(?:and\s+reiterate\s+)?(?:that\s+)?(?:a\s+)?national\s+emergenc"
    r"|\bhereby\s+declare\s+(?:that\s+)?(?:a\s+)?national\s+emergency\b"
    # The Magnuson Act's formula in a proclamation: "... constitute a national emergency by
    # reason of a disturbance ... of international relations" (not "continue to constitute").
    r"|(?<!continue\sto\s)\bconstitutes?\s+a\s+national\s+emergency\s+by\s+reason\s+of\b",
    re.I,
)
_EXPAND_RE = re.compile(
    r"\b(?P<verb>expand|modify)\s+the\s+scope\s+of\s+(?:and\s+expand\s+)?the\s+national\s+"
    r"emergenc(?:y|ies)\b[^.;]{0,160}?" + _DECLARED_IN
)
_CONTINUE_RE = re.compile(
    r"\bI\s+am\s+continuing\b|\b(?:is|are)\s+to\s+continue\s+in\s+effect\b"
    r"|\bmust\s+continue\s+in\s+effect\b|\bshall\s+continue\s+in\s+effect\s+(?:beyond|for)\b"
    r"|\bhereby\s+continue\b",
)
_EMERGENCY = r"national\s+emergenc(?:y|ies)\s+(?:with\s+respect\s+to\s+[^.;]{0,120}?\s+)?"
# "hereby terminate the national emergency declared in ...", "the national emergency declared
# in Executive Order 12947 ... is terminated".
_TERMINATE_RE = re.compile(rf"\bterminate\s+(?:both\s+)?the\s+{_EMERGENCY}{_DECLARED_IN}")
_TERMINATED_RE = re.compile(
    rf"\bnational\s+emergenc(?:y|ies)\s+{_DECLARED_IN}{_REFS}[^;]{{0,300}}?"
    r"\b(?:is|are)\s+(?:hereby\s+)?terminated\b"
)
_ANAPHORA_RE = re.compile(
    r"(?:those|these|such|that|the\s+said)\s+(?:two\s+|prior\s+|two\s+prior\s+)*"
    r"(?:orders?|Executive\s+Orders?|[Pp]roclamations?)\b"
)
# A sentence ends at a period that is not an abbreviation's ("No.", "U.S.", "Sec."); the
# period is tried first, the look-behinds only where one stands.
_SENTENCE_END_RE = re.compile(
    r"\.(?<!No\.)(?<!U\.S\.)(?<!Sec\.)(?<![A-Z]\.)(?=\s+[A-Z(\"“]|\s*$)|\n\n"
)


def sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) for each sentence of a text."""
    out, start = [], 0
    for match in _SENTENCE_END_RE.finditer(text):
        out.append((start, text[start : match.end()]))
        start = match.end()
    if text[start:].strip():
        out.append((start, text[start:]))
    return [(offset + len(s) - len(s.lstrip()), s.strip()) for offset, s in out if s.strip()]


def declaring_orders(text: str) -> list[Declaring]:
    """Every order a text says declared an emergency, in order."""
    if "Executive" not in text and "Proclamation" not in text:
        return []  # every form names its order (`_NOUN`): most sentences name none
    needs = _HISTORY_NEEDS
    patterns = [p for p in _HISTORY_RES if p not in needs or needs[p].search(text)]
    found = [d for pattern in patterns for m in pattern.finditer(text) for d in _items(m)]
    return _unique(found)


def emergency_acts(text: str) -> list[EmergencyAct]:
    """The acts on national emergencies a text performs, in order of position."""
    if "emergenc" not in text:
        return []
    acts: list[EmergencyAct] = []
    told: list[Declaring] = []  # the declaring orders the last sentence naming any named
    # The last resort of a notice that names no declaring order where it continues one: the
    # first order it names at all ("adopted on that date in Executive Order 13338").
    first_named = (
        declaring_orders(text) or [d for m in _REFS_RE.finditer(text) for d in _items(m)][:1]
    )
    for offset, sentence in sentences(text):
        if "national emergenc" not in sentence.lower():
            continue
        named = _unique([d for m in _DECLARED_IN_RE.finditer(sentence) for d in _items(m)])
        ended = _terminated(sentence, told)
        if ended is not None:
            acts.extend(EmergencyAct(TERMINATES, d, sentence, offset) for d in ended)
        elif expand := _EXPAND_RE.search(sentence):
            kind = EXPANDS if expand.group("verb") == "expand" else MODIFIES
            refs = _REFS_RE.match(sentence, expand.end())
            # "... declared in that Proclamation": the order the sentence before named.
            anaphora = _ANAPHORA_RE.match(sentence, expand.end())
            targets = _items(refs) if refs else (told if anaphora else [])
            acts.extend(EmergencyAct(kind, d, sentence, offset) for d in targets[:1])
            if _DECLARE_RE.search(sentence[: expand.start()]):
                acts.append(EmergencyAct(DECLARES, None, sentence, offset))
        elif _CONTINUE_RE.search(sentence) and (named or told or first_named):
            # "I am continuing for 1 year the national emergency declared with respect to
            # the actions of the Government of Syria": the order the notice named before.
            targets = named or told or first_named[:1]
            acts.extend(EmergencyAct(CONTINUES, d, sentence, offset) for d in targets)
        elif _DECLARE_RE.search(sentence) and not named:
            acts.append(EmergencyAct(DECLARES, None, sentence, offset))
        history = declaring_orders(sentence)
        if history:
            told = history
    return _one_each(acts)


def _terminated(sentence: str, told: list[Declaring]) -> list[Declaring] | None:
    """The emergencies a sentence terminates (None when it terminates none): those its
    termination clause names, or, for "declared in those orders", the orders named last."""
    for pattern in (_TERMINATE_RE, _TERMINATED_RE):
        for match in pattern.finditer(sentence):
            tail = sentence[match.end() :] if pattern is _TERMINATE_RE else match.group(0)
            refs = _REFS_RE.match(tail) if pattern is _TERMINATE_RE else _REFS_RE.search(tail)
            if refs:
                return _unique(_items(refs))
            if pattern is _TERMINATE_RE and _ANAPHORA_RE.match(tail):
                here = declaring_orders(sentence[: match.start()])
                return here or told
    return None


def _items(match: re.Match) -> list[Declaring]:
    kind = "proclamation" if match.group("noun").startswith("Proc") else "executive_order"
    # "declared on September 14, 2001, in Proclamation 7463": the date of the one order named.
    declared_on = match.groupdict().get("on")
    items = list(_ITEM_RE.finditer(match.group("items")))
    return [
        Declaring(
            kind,
            item.group("number"),
            parse_written_date(
                item.group("date") or (declared_on if len(items) == 1 else "") or ""
            ),
        )
        for item in items
    ]


def _unique(found: list[Declaring]) -> list[Declaring]:
    """One entry per order; the printed date kept from whichever mention gave one."""
    by_key: dict[tuple[str, str], Declaring] = {}
    for item in found:
        known = by_key.get((item.kind, item.number))
        if known is None or (known.on is None and item.on is not None):
            by_key[(item.kind, item.number)] = item
    order = list(dict.fromkeys((d.kind, d.number) for d in found))
    return [by_key[key] for key in order]


def _one_each(acts: list[EmergencyAct]) -> list[EmergencyAct]:
    """A notice says "must continue in effect" and "I am continuing" of one emergency: one act
    per kind and emergency, the first sentence kept."""
    seen, out = set(), []
    for act in acts:
        key = (
            act.kind,
            (act.declared_in.kind, act.declared_in.number) if act.declared_in else None,
        )
        if key not in seen:
            seen.add(key)
            out.append(act)
    return out


_SUBJECT_RE = re.compile(
    r"\bNational\s+Emergenc(?:y|ies)\s+(?:With\s+Respect\s+to|Regarding|Relating\s+to|"
    r"Concerning|With\s+Regard\s+to|Related\s+to)\s+(?P<subject>.+)$",
    re.I,
)


def subject_from_title(title: str) -> str | None:
    """ "Iran" from "Continuation of the National Emergency With Respect to Iran"."""
    match = _SUBJECT_RE.search(" ".join(title.split()))
    if not match:
        return None
    subject = match.group("subject").strip().rstrip(".")
    return re.sub(r"^(?:the\s+)?", "", subject, count=1, flags=re.I) or None
