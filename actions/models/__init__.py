"""The archive's schema: one Action per presidential action, every published copy a Source.

Portable across SQLite and PostgreSQL: the full-text index lives outside these models, in a
vendor-guarded migration (see `actions/search/`). Rows derived from an action's text (sections,
citations, agency mentions, text relations) are replaced whole by the store on each ingest.
"""

from actions.models.emergencies import Emergency, EmergencyAct
from actions.models.entities import Agency, AgencyMention, Citation, Reference, Statute
from actions.models.links import Commentary, CommentaryLink, Relation
from actions.models.people import President, Term
from actions.models.records import (
    Action,
    ActionPage,
    Conflict,
    SearchDocument,
    Section,
    Signatory,
    Source,
    SourceFile,
)
from actions.models.state import RELATE_TASK, ArchiveVersion, PendingTask, RelatedIndex, SyncState

__all__ = [
    "President",
    "Term",
    "Action",
    "ActionPage",
    "Source",
    "SourceFile",
    "Section",
    "Signatory",
    "Conflict",
    "SearchDocument",
    "Statute",
    "Citation",
    "Reference",
    "Agency",
    "AgencyMention",
    "Relation",
    "Commentary",
    "CommentaryLink",
    "Emergency",
    "EmergencyAct",
    "ArchiveVersion",
    "RELATE_TASK",
    "RelatedIndex",
    "PendingTask",
    "SyncState",
]
