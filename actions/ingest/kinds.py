"""The kind of a presidential action, told from its title and text when no field says it.

whitehouse.gov files every page under "Presidential Actions" with no type: executive orders,
proclamations, memoranda and notices, but also the real actions that have no kind of their
own in the Federal Register (disaster declarations, nominations sent to the Senate, CFIUS
orders, permits, bills signed, grants of clemency) and pages that are not actions at all
(statements, readouts, fact sheets, briefings, announcements), which the archive keeps as
commentary on the actions they discuss.
"""

from __future__ import annotations

import re

# Title patterns, in order: the first that matches decides. The specific kinds come before
# the general ones ("National Security Memorandum on ..." is not a plain memorandum;
# "Memorandum on the Presidential Determination ..." is a determination).
_LABELS = [
    ("executive_order", re.compile(r"^(?:executive order|eo)\b", re.I)),
    ("proclamation", re.compile(r"^(?:a )?proclamation\b", re.I)),
    ("nspm", re.compile(r"^national security presidential memorandum\b|^nspm\b", re.I)),
    ("nsm", re.compile(r"^national security memorandum\b|^nsm\b", re.I)),
    ("determination", re.compile(r"\bpresidential determination\b|^determination\b", re.I)),
    ("memorandum", re.compile(r"^(?:a |presidential )?memorand", re.I)),
    ("notice", re.compile(r"^(?:presidential )?notice\b", re.I)),
    # A veto is exercised by a message to Congress: the veto is the action.
    ("bill_action", re.compile(r"\bveto\b", re.I)),
    (
        "letter",
        re.compile(
            r"^(?:text of a )?letter\b|^(?:a )?message to\b|^(?:text of a )?message\b"
            r"|^(?:america 250: )?presidential message\b",
            re.I,
        ),
    ),
    ("permit", re.compile(r"^presidential permit\b", re.I)),
    (
        "order",
        re.compile(
            r"^(?:order regarding|regarding the (?:proposed )?acquisition|sequestration order)\b",
            re.I,
        ),
    ),
    (
        "disaster_declaration",
        re.compile(r"\b(?:approves|amends)\b.*\bdeclaration\b", re.I),
    ),
    (
        "nomination",
        re.compile(r"^nominations?\b", re.I),
    ),
    (
        "bill_action",
        re.compile(r"^(?:press release: )?bills? signed\b|\bsigned\b.*\binto law\b|\bveto\b", re.I),
    ),
    ("clemency", re.compile(r"^executive grant of clemency\b", re.I)),
]

# Pages about actions, not actions: kept as commentary (linked to the orders they discuss).
_COMMENTARY = re.compile(
    r"^(?:press release: )?(?:joint )?statement\b|^readout\b|^fact sheet\b"
    r"|^press briefing\b|^remarks\b"
    r"|^president (?:[\w.]+ ){0,4}(?:announces|names|intends|launches|designates|takes)\b"
    r"|^the first 100 (?:hours|days)\b",
    re.I,
)

# Where a sign is looked for: the formulas at the text's head, where documents state them;
# self-references ("this memorandum", "this order") anywhere in it.
HEAD, ANYWHERE = "head", "anywhere"
_BODY_SIGNS = [
    # The memorandum and notice headers open the text; check them before the order formulas.
    ("memorandum", re.compile(r"\A\s*(?:MEMORANDUM FOR\b|Memorandum for\b)"), HEAD),
    (
        "notice",
        re.compile(r"\A\s*NOTICE\b|\bthis notice shall be published in the Federal Register", re.I),
        ANYWHERE,
    ),
    # A memorandum calls itself one; no executive order in the corpus says "this memorandum".
    ("memorandum", re.compile(r"\bthis memorandum\b", re.I), ANYWHERE),
    # ... and states its subject ("SUBJECT: Keeping Americans Safe in Aviation").
    ("memorandum", re.compile(r"^\s*SUBJECT:\s", re.M), HEAD),
    (
        "executive_order",
        # "it is hereby ordered", and the 2025 tariff orders' "I hereby determine and order"
        re.compile(
            r"it is hereby ordered|hereby ordered as follows|\bhereby (?:\w+ and )?order\b", re.I
        ),
        HEAD,
    ),
    (
        # An order under the President's own authority that calls itself "this order"
        # ("Regulating Imports with a Reciprocal Tariff ...", 2025).
        "executive_order",
        re.compile(
            r"\A\s*By the authority vested in me as President by the Constitution and\s+the"
            r"\s+laws of the United States of America\b.*\bthis order\b",
            re.I | re.S,
        ),
        ANYWHERE,
    ),
    (
        "proclamation",
        re.compile(r"do hereby proclaim|NOW, THEREFORE, I\b.*proclaim", re.I | re.S),
        HEAD,
    ),
    ("memorandum", re.compile(r"^MEMORANDUM FOR\b|^Memorandum for\b", re.M), HEAD),
    ("determination", re.compile(r"Presidential Determination No\.", re.I), HEAD),
    (
        "letter",
        re.compile(r"^Dear (?:Mr\.|Madam|Madame|Senator|Representative|Speaker)", re.M),
        HEAD,
    ),
]

_WITNESS_RE = re.compile(r"IN WITNESS WHEREOF", re.I)
# "NATIONAL SECURITY MEMORANDUM/NSM-16", "National Security Presidential Memorandum/NSPM-2"
_SERIES_NUMBER_RE = re.compile(r"\b(NSPM|NSM)[-\s]?(\d{1,3})\b")
# The header a memorandum of a numbered series opens with, whatever its title says.
_SERIES_HEAD_RE = re.compile(
    r"\bNational Security (?P<presidential>Presidential )?Memorandum\s*/\s*NS(?:P)?M[-\s]?\d",
    re.I,
)
_DETERMINATION_NUMBER_RE = re.compile(r"\bPresidential Determination No\.\s*(\d{4}-\d{1,3})\b")


# whitehouse.gov prints some actions under a "Press Release:" title: the action is the page.
_PRESS_RELEASE = re.compile(r"^press release:\s*", re.I)


def kind_from_label(label: str) -> str | None:
    """'Executive Order', 'Proclamation 9645', 'Memorandum on ...' -> a kind, or None."""
    label = _PRESS_RELEASE.sub("", label.strip())
    for kind, pattern in _LABELS:
        if pattern.search(label):
            return kind
    return None


def is_commentary_title(title: str) -> bool:
    """A statement, readout, fact sheet, briefing or announcement: about actions, not one."""
    return bool(_COMMENTARY.search(_PRESS_RELEASE.sub("", title.strip())))


def series_number(kind: str, title: str, text: str) -> str | None:
    """The number of a National Security (Presidential) Memorandum, from its title or the
    header that opens its text ("NSPM-12" -> "12"), or of a Presidential Determination from
    the line that opens it ("Presidential Determination No. 2022-07")."""
    if kind == "determination":
        match = _DETERMINATION_NUMBER_RE.search(text[:300])
        return match.group(1) if match else None
    if kind not in {"nspm", "nsm"}:
        return None
    for where in (title, text[:600]):
        match = _SERIES_NUMBER_RE.search(where)
        if match and match.group(1).lower() == kind:
            return match.group(2)
    return None


def detect_kind(title: str, text: str) -> str:
    """The kind from a title ('Executive Order on ...') or, failing that, the body's formula."""
    series = _SERIES_HEAD_RE.search(text[:300])
    if series:
        return "nspm" if series.group("presidential") else "nsm"
    by_title = kind_from_label(title)
    if by_title:
        return by_title
    # Only proclamations close with the witness clause ("IN WITNESS WHEREOF, I have hereunto
    # set my hand"), even those that "hereby order" flags to half-staff.
    if _WITNESS_RE.search(text[-3000:]) and not _BODY_SIGNS[0][1].search(text):
        return "proclamation"
    head = text[:4000]
    for kind, pattern, where in _BODY_SIGNS:
        if pattern.search(text if where == ANYWHERE else head):
            return kind
    return "other"
