"""One edit applied to a span of a section's text: words struck, inserted or put in place of
others, a part replaced, revoked, redesignated or added at the end, the markers after an
inserted part renumbered. `consolidate` finds the span (the place an instruction names) and
calls `edit`; an edit that cannot be made cleanly raises `NotApplied` with the reason. Pure."""

from __future__ import annotations

import re

from actions.extract.amendment_wording import (
    ADD_END,
    AFTER_SENTENCE,
    FINAL_PERIOD,
    INSERT_AFTER,
    INSERT_BEFORE,
    REDESIGNATE,
    RENUMBER_FOLLOWING,
    REPLACE,
    REVOKE,
    STRIKE,
    STRIKE_INSERT,
    Instruction,
)
from actions.extract.text_places import NotApplied, find_words, renumber_after, successors

# The heading of the order's next part, ending a section's text: "PART IV. THE FEDERAL
# COMMUNICATIONS COMMISSION", "PART 2—VETTING ENTERPRISE".
_NEXT_PART_HEADING_RE = re.compile(r"(?:(?<=\n)|^)[ \t]*PART\s+(?:[IVXLC]+|\d+)\b[^a-z\n]*\s*$")

# A part's own marker: "(a)", or "1-201." in an order numbered by parts.
_MARK = r"\(\s?\w{1,5}\s?\)|\d+-\d+\."


def edit(text: str, start: int, end: int, instruction: Instruction) -> str:
    span = text[start:end]
    op, old, new = instruction.op, instruction.old or "", instruction.new or ""
    if op == REPLACE:
        # "Section 103 (a) is amended to read as follows: “SEC. 103. (a) ...”": the section's
        # own number is not part of its subsection's text.
        own = re.escape(instruction.location.section or "")
        if own:
            new = re.sub(
                rf"^\s*(?:Sec(?:tion)?\.?|SECTION|SEC\.)\s*{own}\.\s+", "", new, flags=re.I
            )
        # "paragraph 1(c) ... is amended to read as follows: “The acquisition ...”": the new
        # words take the place of the old under the part's own marker.
        opens = re.match(r"\s*\(\s?(\w{1,5})\s?\)\s", new)
        path = instruction.location.path
        misread = str.maketrans("Il", "11")  # "(I) During" scanned for "(1)"
        if opens and path and opens.group(1).translate(misread) != path[-1].translate(misread):
            # "substituting for subsection (b) ... the following: (1) The Secretary ...": a
            # text that opens with another part's marker is not the part's new text.
            raise NotApplied(f"the new text opens with ({opens.group(1)}), not ({path[-1]})")
        marker = re.match(rf"\s*({_MARK})\s", span)
        lead = marker.group(1) + " " if marker and not re.match(rf"\s*(?:{_MARK})", new) else ""
        return text[:start] + lead + new.strip() + _tail(span) + text[end:]
    if op == REVOKE:
        marker = re.match(rf"\s*(?:{_MARK})", span)
        kept = marker.group(0).strip() + " " if marker else ""
        return text[:start] + kept + "[Revoked]" + _tail(span) + text[end:]
    if op == RENUMBER_FOLLOWING:
        return text[:start] + renumber_after(span, old) + text[end:]
    if op == REDESIGNATE:
        marker = re.match(r"(\s*)\(\s?\w{1,5}\s?\)", span)
        if not marker:
            raise NotApplied("the part to redesignate has no marker")
        return (
            text[:start]
            + marker.group(1)
            + f"({instruction.new})"
            + span[marker.end() :]
            + text[end:]
        )
    if op == ADD_END:
        following = _following_paragraph(span, new)
        if following is not None:
            # "delete subsection (i), redesignate (h) as (i), and insert the following new
            # subsection (h)": the new (h) goes before the (i), where its letter puts it.
            at = start + following
            return text[:at] + new.strip() + "\n\n" + text[at:]
        heading = _NEXT_PART_HEADING_RE.search(span)
        if heading and not instruction.location.path:
            # "... (e) The authority ...\n\nPART IV. THE FEDERAL COMMUNICATIONS COMMISSION":
            # the next part's heading, printed at the section's end, stays after the new text
            at = start + heading.start()
            return text[:at] + new.strip() + "\n\n" + text[at:]
        body = span.rstrip()
        return text[:start] + body + "\n\n" + new.strip() + span[len(body) :] + text[end:]
    if op == INSERT_AFTER and old == AFTER_SENTENCE:
        body = span.rstrip()
        return text[:start] + body + " " + new.strip() + span[len(body) :] + text[end:]
    if op == INSERT_BEFORE and old == FINAL_PERIOD:
        body = span.rstrip()
        if not body.endswith("."):
            raise NotApplied("the place does not end with a period")
        # The quotation printed with the sentence's own period inside it ("“... 1963.”")
        # takes the place's period: one period at the end, not two.
        new = new[:-1] if new.endswith(".") else new
        return text[:start] + body[:-1] + new + "." + span[len(body) :] + text[end:]
    found = find_words(span, old)
    if not found and op == STRIKE_INSERT and old.endswith(","):
        # "substituting for the words “Commissioner, ..., Department of the Interior,” in item
        # (8) thereof, the words “Commissioner, ..., Environmental Protection Agency.”": the
        # comma printed inside the quotation is the sentence's, not the words' (the item
        # ends in a period); the words are replaced and the text's own punctuation kept.
        old, new = old[:-1], new.rstrip(",.")
        found = find_words(span, old)
    if not found and _closes_instruction(instruction, old):
        # "inserting the words “and the Homeland Security Council” after the words “National
        # Security Council.”": the period printed inside the instruction's last quotation ends
        # the instruction, not the words; read without it where the words stand once.
        bare = find_words(span, old[:-1])
        if len(bare) == 1:
            mark, old, found = old[-1], old[:-1], bare
            if op == STRIKE_INSERT and new.endswith(mark):
                # "substituting “sexual orientation, or status as a parent.” for “or sexual
                # orientation.”" (EO 13152): both printed with the sentence's period
                new = new[:-1]
    own = re.escape(instruction.location.section or "")
    heading = rf"\s*(?:Sec(?:tion)?\.?|SECTION|SEC\.)\s*{own}\.?\s*"
    if (
        not found
        and op == INSERT_AFTER
        and own
        and start == 0
        and not instruction.location.path
        and re.fullmatch(heading, old, re.I)
    ):
        # "inserting “(a)” immediately after “Sec. 403.”": the section's number is its
        # heading, kept apart from its text; the words go at the text's start.
        return new.strip() + " " + text.lstrip()
    if not found:
        raise NotApplied(f"“{short(old)}” is not in {instruction.location.describe()}")
    if op in (STRIKE_INSERT, STRIKE):
        replacement = new if op == STRIKE_INSERT else ""
        hits = found if instruction.each_place else found[:1]
        if instruction.occurrence is not None:
            hits = [_nth(found, instruction)]
        if instruction.at_end:
            a, b = found[-1]
            if len(span[b:].strip(" \t\n.;,")) > 0:
                raise NotApplied(
                    f"“{short(old)}” is not at the end of {instruction.location.describe()}"
                )
            hits = [found[-1]]
        for a, b in reversed(hits):
            # At a paragraph's start, a space printed inside the quotation is not kept.
            opening = a == 0 or span[a - 1] == "\n"
            words = replacement.lstrip() if opening else replacement
            words = _anchor_kept(span[a:b], old, words) if op == STRIKE_INSERT else words
            span = span[:a] + words + span[b:]
        if op == STRIKE:
            # A paragraph struck whole goes with its break: no empty paragraph left.
            span = re.sub(r"[ \t]{2,}", " ", span)
            span = re.sub(r"\n[ \t]*[.;,]?[ \t]*\n(?:[ \t]*\n)+", "\n\n", span)
        return text[:start] + span + text[end:]
    a, b = _nth(found, instruction) if instruction.occurrence is not None else found[0]
    if op == INSERT_AFTER:
        if re.match(r"\s*\(\s?\w{1,5}\s?\)\s", new) and re.match(r"[ \t]*(?:\n|$)", span[b:]):
            # "inserting “(13) the Secretary of Homeland Security;” after “(12) the Secretary
            # of Education;”", the (12) a paragraph of its own: so is the (13)
            return text[:start] + span[:b] + "\n\n" + new.strip() + span[b:] + text[end:]
        if _list_line(span, a, b) and new.strip()[:1].isupper() and "\n" not in new.strip():
            # "adding “The Director of the Federal Emergency Management Agency” after “The
            # Administrator, National Aeronautics and Space Administration”", a list of names
            # one to a line: the name added is a line of its own.
            line_break = re.match(r"[ \t]*\n+", span[b:])
            gap = line_break.group(0) if line_break else "\n"
            return text[:start] + span[:b] + gap + new.strip() + span[b:] + text[end:]
        return text[:start] + span[:b] + _spaced(span[:b], new) + span[b:] + text[end:]
    return (
        text[:start]
        + span[:a]
        + new.rstrip()
        + (" " if not new.endswith(" ") else "")
        + span[a:]
        + text[end:]
    )


def _anchor_kept(found: str, old: str, new: str) -> str:
    """ "striking “and” after “Public Law 102- 237”" where the text prints "Public Law 102-237,
    and": the word struck from the words as the text prints them, its own spacing and comma
    kept, not the anchor as the instruction printed it."""
    if found == old or not new:
        return new
    if old.startswith(new) and (struck := old[len(new) :].strip()) and found.endswith(struck):
        return found[: -len(struck)].rstrip()
    if old.endswith(new) and (struck := old[: -len(new)].strip()) and found.startswith(struck):
        return found[len(struck) :].lstrip()
    return new


def _list_line(span: str, a: int, b: int) -> bool:
    """Whether the words stand alone on their line, with no sentence's end: an entry in a
    list printed one to a line."""
    before = span[:a].rsplit("\n", 1)[-1]
    after = span[b:].split("\n", 1)[0]
    words = span[a:b]
    return (
        not before.strip()
        and not after.strip()
        and "\n" in span[b:]
        and words.rstrip()[-1:] not in ".;:,"
        and len(words) < 200
    )


def _closes_instruction(instruction: Instruction, old: str) -> bool:
    """Whether the quoted words end in a period or comma and their quotation is the last
    thing the instruction says."""
    if not old or old[-1] not in ".," or len(old) < 4:
        return False
    said = instruction.text.rstrip().rstrip(".;").rstrip()
    return said.endswith(old + "\u201d") or said.endswith(old + '"')


def _following_paragraph(span: str, new: str) -> int | None:
    """Where a paragraph opening with the marker after the new text's own ("(i)" for a new
    "(h)") starts in the span, if one does."""
    own = re.match(r"\s*\(\s?(\w{1,5})\s?\)", new)
    if not own:
        return None
    starts = [
        found.start()
        for mark in successors(own.group(1))
        if (found := re.search(rf"(?<=\n)[ \t]*\(\s?{re.escape(mark)}\s?\)(?=\s)", span))
    ]
    return min(starts, default=None)


def _nth(found: list[tuple[int, int]], instruction: Instruction) -> tuple[int, int]:
    """ "the second time it appears": that appearance, or none."""
    try:
        return found[instruction.occurrence]
    except IndexError:
        raise NotApplied(
            f"“{short(instruction.old)}” does not appear {instruction.occurrence + 1} times in "
            f"{instruction.location.describe()}"
        ) from None


def remove(text: str, start: int, end: int) -> str:
    """The text without the span: a paragraph of its own goes with its break, a sentence or an
    inline part with its space."""
    before, after = text[:start], text[end:]
    if not before.strip():
        return after.lstrip()
    if re.search(r"\(\s?\w{1,5}\s?\)\s*$", before):
        # "(c) Open source software plays ... . To help ...": the first sentence struck, the
        # next follows the part's marker on its line.
        return before.rstrip() + " " + after.lstrip()
    if not after.strip():
        return before.rstrip()
    if before.endswith("\n"):
        return before + after.lstrip()
    return (
        before.rstrip(" \t") + " " + after.lstrip(" \t")
        if not after.startswith("\n")
        else before.rstrip(" \t") + after
    )


def _spaced(before: str, new: str) -> str:
    """An insertion after a word reads with the space its drafters left out of the quotes."""
    if new[:1] in ",.;:)" or new[:1].isspace() or before[-1:].isspace():
        return new
    return " " + new


def _tail(span: str) -> str:
    """What follows a span's own words: its paragraph break, kept when the span is replaced."""
    return span[len(span.rstrip()) :]


def short(words: str | None) -> str:
    words = " ".join((words or "").split())
    return words if len(words) <= 80 else words[:77] + "..."
