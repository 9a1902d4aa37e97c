"""Read a search box query: web-search syntax, statute citations, agencies and identifiers.

Pure. `parse_query` never fails: whatever the user typed becomes a `SearchQuery` whose parts
are safe to hand to either engine (FTS5 expressions are built from quoted tokens only, so no
input can be an FTS5 syntax error; PostgreSQL gets `websearch_to_tsquery`, which never errors).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from actions.extract.agencies import find_agencies
from actions.extract.citations import extract_citations, statute_query

MAX_QUERY_LENGTH = 500
# PostgreSQL's english stop words (snowball), so a lone "the" matches nothing on either engine.
ENGLISH_STOPWORDS = frozenset(
    """
    i me my myself we our ours ourselves you your yours yourself yourselves he him his himself
    she her hers herself it its itself they them their theirs themselves what which who whom
    this that these those am is are was were be been being have has had having do does did doing
    a an the and but if or because as until while of at by for with about against between into
    through during before after above below to from up down in out on off over under again
    further then once here there when where why how all any both each few more most other some
    such no nor not only own same so than too very s t can will just don should now
    """.split()
)
_TOKEN_RE = re.compile(r'"([^"]*)"?|(\S+)')
_WORD_RE = re.compile(r"\w+", re.UNICODE)
_IDENTIFIER_PATTERNS = [
    (
        "eo",
        re.compile(
            r"^(?:EO|E\.\s?O\.|Exec(?:utive|\.)\s+Order)\s*(?:No\.\s*)?(\d{3,5}(?:-[A-Z])?)$", re.I
        ),
    ),
    ("proclamation", re.compile(r"^(?:Proclamation|Proc\.)\s*(?:No\.\s*)?(\d{3,5})$", re.I)),
    ("fr_citation", re.compile(r"^(\d{1,3})\s*(?:FR|Fed\.\s?Reg\.)\s*(\d{1,6})$", re.I)),
    ("fr_document_number", re.compile(r"^(\d{4}-\d{4,6}|E\d-\d+|[A-Z]\d-\d+)$")),
    ("dcpd_number", re.compile(r"^(DCPD-?\d{9,})\.?$", re.I)),
]


@dataclass
class Term:
    words: list[str]  # one word, or the words of a phrase
    negated: bool = False

    @property
    def is_phrase(self) -> bool:
        return len(self.words) > 1


@dataclass
class EntityClause:
    """A statute or agency named in the query: matched by the index or by its printed text."""

    kind: str  # statute, agency
    key: str  # statute key or agency slug
    pin: str
    text: str  # as typed, searched as a phrase too


@dataclass
class SearchQuery:
    raw: str
    groups: list[list[Term]] = field(default_factory=list)  # AND of ORs
    negated: list[Term] = field(default_factory=list)
    entities: list[EntityClause] = field(default_factory=list)
    identifier: tuple[str, tuple[str, ...]] | None = None

    @property
    def is_empty(self) -> bool:
        return not self.groups and not self.entities and not self.identifier

    @property
    def text_query(self) -> str:
        """The free-text part in web-search syntax (for PostgreSQL's websearch_to_tsquery)."""
        parts = []
        for group in self.groups:
            parts.append(" or ".join(_term_websearch(term) for term in group))
        parts.extend("-" + _term_websearch(term) for term in self.negated)
        return " ".join(parts)

    def highlight_terms(self) -> list[list[str]]:
        """Word lists to mark in snippets: every positive term and entity text."""
        terms = [term.words for group in self.groups for term in group]
        terms += [_WORD_RE.findall(entity.text.lower()) for entity in self.entities]
        return [t for t in terms if t]


def parse_query(raw: str) -> SearchQuery:
    text = (raw or "").replace("\x00", " ")[:MAX_QUERY_LENGTH]
    text = " ".join(text.split())
    query = SearchQuery(raw=text)
    if not text:
        return query
    query.identifier = _identifier(text)
    if query.identifier:
        # The identified action comes first; the number also finds documents citing it.
        kind, values = query.identifier
        text = " ".join(values) if kind in {"eo", "proclamation", "fr_citation"} else ""
        if kind == "fr_citation":
            text = f'"{values[0]} FR {values[1]}"'
    text = _take_entities(text, query)
    _parse_terms(text, query)
    return query


def _identifier(text: str):
    for kind, pattern in _IDENTIFIER_PATTERNS:
        match = pattern.match(text.strip())
        if match:
            return kind, tuple(g.upper() if kind == "dcpd_number" else g for g in match.groups())
    return None


def _take_entities(text: str, query: SearchQuery) -> str:
    """Statute citations and agency names become entity clauses; the rest stays text."""
    spans = []
    # The forms people type ("INA 287(g)", "section 1357 of title 8") as texts print them.
    text = statute_query(text)
    for cite in extract_citations(text):
        if cite.kind in {"usc", "cfr", "public_law", "statutes_at_large", "constitution"}:
            query.entities.append(
                EntityClause("statute", cite.key, cite.pin, text[cite.start : cite.end])
            )
            spans.append((cite.start, cite.end))
    for mention in find_agencies(text):
        if any(a <= mention.start < b for a, b in spans):
            continue
        query.entities.append(EntityClause("agency", mention.slug, "", mention.text))
        spans.append((mention.start, mention.end))
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + " " + text[end:]
    return text


def _parse_terms(text: str, query: SearchQuery) -> None:
    pending_or = False
    for match in _TOKEN_RE.finditer(text):
        phrase, token = match.group(1), match.group(2)
        negated = False
        if token is not None:
            if token.upper() == "OR":
                pending_or = bool(query.groups)
                continue
            if token.startswith("-") and len(token) > 1:
                negated, token = True, token[1:]
                if token.startswith('"'):
                    token = token.strip('"')
            words = _WORD_RE.findall(token.lower())
        else:
            words = _WORD_RE.findall(phrase.lower())
        if not words or (len(words) == 1 and words[0] in ENGLISH_STOPWORDS):
            # PostgreSQL's english configuration ignores stop words; so does SQLite, here.
            pending_or = False
            continue
        term = Term(words=words, negated=negated)
        if negated:
            query.negated.append(term)
        elif pending_or and query.groups:
            query.groups[-1].append(term)
        else:
            query.groups.append([term])
        pending_or = False


def _term_websearch(term: Term) -> str:
    return f'"{" ".join(term.words)}"' if term.is_phrase else term.words[0]


def fts5_expression(groups: list[list[Term]], negated: list[Term]) -> str | None:
    """An FTS5 MATCH expression; every token quoted, so no input is an FTS5 syntax error."""
    if not groups:
        return None

    def quoted(term: Term) -> str:
        return '"' + " ".join(word.replace('"', '""') for word in term.words) + '"'

    parts = []
    for group in groups:
        alternatives = [quoted(term) for term in group]
        parts.append(
            alternatives[0] if len(alternatives) == 1 else "(" + " OR ".join(alternatives) + ")"
        )
    expression = " AND ".join(parts)
    for term in negated:
        expression = f"({expression}) NOT {quoted(term)}"
    return expression


def phrase_term(text: str) -> Term | None:
    words = _WORD_RE.findall(text.lower())
    return Term(words=words) if words else None
