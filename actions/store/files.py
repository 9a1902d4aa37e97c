"""Which files an ingest reads, and how a file is named in the archive (its locator)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings

SKIPPED_PREFIXES = ("readme", "license")
# A presidential document, or a table of them, is at most a few MB (the corpus's largest file is
# under 5 MB); a far larger file is refused unread. Archive exports are read line by line instead.
MAX_FILE_BYTES = 20 * 1024 * 1024


def iter_files(paths: list[str]) -> Iterator[Path]:
    """Files named, and files inside folders (recursively, sorted; README*/LICENSE* skipped)."""
    for name in paths:
        path = Path(name)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.name.lower().startswith(SKIPPED_PREFIXES) or child.name.startswith("."):
                    continue
                yield child
        else:
            yield path


def locator_for(path: Path) -> str:
    """The path under ARCHIVE_DATA_DIR when it is there (stable across machines), or under
    `federal-register/` for a document the sync saved in ARCHIVE_FR_DIR; else absolute."""
    resolved = path.resolve()
    for folder, prefix in (
        (settings.ARCHIVE_DATA_DIR, ""),
        (settings.ARCHIVE_FR_DIR, "federal-register/"),
    ):
        try:
            return prefix + resolved.relative_to(Path(folder).resolve()).as_posix()
        except ValueError:
            continue
    return resolved.as_posix()


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def known_files() -> dict[str, tuple[str, int]]:
    """Every file an earlier ingest read whole: locator -> (digest, documents in it)."""
    from actions.models import SourceFile

    return {
        path: (digest, documents)
        for path, digest, documents in SourceFile.objects.values_list("path", "sha256", "documents")
    }


def record_file(locator: str, digest: str, documents: int) -> None:
    """A file read whole: the next ingest skips it while its bytes stay the same."""
    from actions.models import SourceFile

    SourceFile.objects.update_or_create(
        path=locator, defaults={"sha256": digest, "documents": documents}
    )


def parts_gone(locator: str, keep: set[str]):
    """The sources of a many-document file (`path#part`) whose rows left it."""
    from actions.models import Source

    return Source.objects.filter(locator__startswith=f"{locator}#").exclude(locator__in=keep)
