"""The archive's words, in one place: kinds of action, kinds of relation, statuses, origins.

Models use these as field choices, the FilterSet as its options, the facets and templates as
their labels, and the rebuild as its order of precedence, so a new kind or status is added
here once. Plain Python, no Django: parsers and extractors may read it too.
"""

from __future__ import annotations

# Kinds of action ---------------------------------------------------------------------------

KIND_CHOICES: list[tuple[str, str]] = [
    ("executive_order", "Executive Order"),
    ("proclamation", "Proclamation"),
    ("memorandum", "Memorandum"),
    ("nspm", "National Security Presidential Memorandum"),
    ("nsm", "National Security Memorandum"),
    ("determination", "Presidential Determination"),
    ("notice", "Notice"),
    ("letter", "Letter or Message to Congress"),
    ("order", "Order"),  # CFIUS orders on acquisitions, sequestration orders
    ("permit", "Presidential Permit"),
    ("disaster_declaration", "Disaster or Emergency Declaration"),
    ("nomination", "Nomination"),
    ("bill_action", "Bill Signing or Veto"),
    ("clemency", "Grant of Clemency"),
    ("other", "Other"),
]
KIND_LABELS: dict[str, str] = dict(KIND_CHOICES)
# The URL prefix of each kind's canonical pages (`/eo/14385`).
KIND_PATHS: dict[str, str] = {
    "executive_order": "eo",
    "proclamation": "proclamation",
    "memorandum": "memorandum",
    "nspm": "nspm",
    "nsm": "nsm",
    "determination": "determination",
    "notice": "notice",
    "letter": "letter",
    "order": "order",
    "permit": "permit",
    "disaster_declaration": "disaster-declaration",
    "nomination": "nomination",
    "bill_action": "bill-action",
    "clemency": "clemency",
    "other": "other",
}
# How the short label of a numbered action reads ("EO 14385", "NSPM-12").
SHORT_LABELS: dict[str, str] = {
    "executive_order": "EO {number}",
    "nspm": "NSPM-{number}",
    "nsm": "NSM-{number}",
    "determination": "Presidential Determination No. {number}",
}
PATH_KINDS: dict[str, str] = {path: kind for kind, path in KIND_PATHS.items()}

# Kinds of relation -------------------------------------------------------------------------

RELATION_KINDS: list[tuple[str, str]] = [
    ("revokes", "revokes"),
    ("amends", "amends"),
    ("supersedes", "supersedes"),
    ("continues", "continues"),
    ("suspends", "suspends"),
    ("ratifies", "ratifies"),
    ("cites", "cites"),
    ("see_also", "see also"),
    ("related", "related"),
]
# How a relation reads from its acting side ("Revokes EO 13768") and from its target's side
# ("Revoked by EO 13993").
FORWARD_LABELS: dict[str, str] = {
    "revokes": "Revokes",
    "amends": "Amends",
    "supersedes": "Supersedes",
    "continues": "Continues",
    "suspends": "Suspends",
    "ratifies": "Ratifies",
    "cites": "Cites",
    "see_also": "See also",
    "related": "Related",
}
INVERSE_LABELS: dict[str, str] = {
    "revokes": "Revoked by",
    "amends": "Amended by",
    "supersedes": "Superseded by",
    "continues": "Continued by",
    "suspends": "Suspended by",
    "ratifies": "Ratified by",
    "cites": "Cited by",
    "see_also": "See also",
    "related": "Related",
}
# The relations drawn in an action's lineage chart (what it acts on, what acted on it).
LINEAGE_KINDS: frozenset[str] = frozenset(
    {"revokes", "supersedes", "amends", "continues", "suspends", "ratifies"}
)
# The incoming relations listed beside an action's status.
STATUS_RELATION_KINDS: frozenset[str] = frozenset(
    {"revokes", "supersedes", "suspends", "amends", "continues"}
)
COMPUTED = "related"  # the computed "related actions" links, kept apart from stated relations

# Where a relation was found ----------------------------------------------------------------

ORIGIN_CHOICES: list[tuple[str, str]] = [
    ("text", "the text"),
    ("fr_notes", "the FR's notes"),
    ("computed", "computed"),
]
ORIGIN_LABELS: dict[str, str] = dict(ORIGIN_CHOICES)

# Statuses ----------------------------------------------------------------------------------

IN_FORCE = "in_force"
STATUS_CHOICES: list[tuple[str, str]] = [
    (IN_FORCE, "In force"),
    ("revoked", "Revoked"),
    ("revoked_in_part", "Revoked in part"),
    ("superseded", "Superseded"),
    ("superseded_in_part", "Superseded in part"),
    ("amended", "Amended"),
    ("suspended", "Suspended"),
    ("expired", "Expired"),  # on the day its own text (as amended) says it ends
]
STATUS_LABELS: dict[str, str] = dict(STATUS_CHOICES)
# (relation kind, in part, the status it gives): the first that applies decides an action's
# status, so the most severe comes first.
STATUS_PRECEDENCE: list[tuple[str, bool, str]] = [
    ("revokes", False, "revoked"),
    ("supersedes", False, "superseded"),
    ("revokes", True, "revoked_in_part"),
    ("supersedes", True, "superseded_in_part"),
    ("suspends", False, "suspended"),
    ("amends", False, "amended"),
    ("amends", True, "amended"),
]
STATUS_RELATIONS: frozenset[str] = frozenset(kind for kind, _, _ in STATUS_PRECEDENCE)

# National emergencies ----------------------------------------------------------------------

EMERGENCY_ACT_CHOICES: list[tuple[str, str]] = [
    ("declares", "Declared"),
    ("expands", "Expanded"),
    ("modifies", "Modified"),
    ("continues", "Continued"),
    ("terminates", "Terminated"),
]
EMERGENCY_ACT_LABELS: dict[str, str] = dict(EMERGENCY_ACT_CHOICES)
EMERGENCY_STATUS_LABELS: dict[str, str] = {"in_effect": "In effect", "terminated": "Terminated"}

# Kinds of statute --------------------------------------------------------------------------

STATUTE_KIND_LABELS: dict[str, str] = {
    "usc": "United States Code",
    "cfr": "Code of Federal Regulations",
    "public_law": "Public Laws",
    "statutes_at_large": "Statutes at Large",
    "federal_register": "Federal Register",
    "constitution": "Constitution",
}

# Published formats ---------------------------------------------------------------------------

FORMAT_LABELS: dict[str, str] = {
    "federal_register_xml": "Federal Register full text (XML)",
    "federal_register_issue_xml": "Federal Register daily issue (XML)",
    "federal_register_json": "Federal Register API record",
    "federal_register_list_json": "Federal Register API list",
    "federal_register_html": "Federal Register web page",
    "federal_register_csv": "Federal Register CSV export",
    "fr_notes_table": "Federal Register notes table",
    "dcpd_text": "Daily Compilation of Presidential Documents",
    "govinfo_htm": "GovInfo text",
    "eo_markdown_fr": "Executive order collection (from the Federal Register)",
    "eo_markdown_app": "American Presidency Project transcription",
    "whitehouse_markdown": "whitehouse.gov page",
    "whitehouse_legacy_markdown": "whitehouse.gov page (2017)",
    "nara_table": "NARA disposition table",
    "commentary_text": "News or analysis",
}
