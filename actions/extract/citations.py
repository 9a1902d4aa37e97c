"""Statute citations in the text of presidential documents, normalised to a key and a pin.

Pure: text in, `StatuteCitation`s with character spans out. The forms handled are the ones
presidential documents use:

- U.S. Code: `6 U.S.C. 122(a)(2)`, with or without `§`/`§§`, `et seq.`, `note`, `App.`,
  lettered sections (`2339B`), ranges (`1701-1706`), lists sharing a title
  (`8 U.S.C. 1182(a)(2), (a)(3), and (a)(6)(C), 1225, and 1227(a)(2) and (4)`), and
  `section 3331 of title 5, United States Code`;
- Act sections (`section 287(g) of the INA`), resolved through the crosswalk in
  `actions/crosswalk.py`; when the text prints the U.S. Code parallel
  (`section 287(g) of the INA (8 U.S.C. 1357(g))`) the printed cite is kept and records the Act
  form in `act`; when it does not, the resolved cite carries `via`;
- CFR, Public Laws, Statutes at Large, Federal Register cites and articles/amendments of the
  Constitution.

The key never holds the pin, `et seq.`, `note` or a range's end: those are separate fields, so
`8 U.S.C. 1357` gathers every pin cited under it.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, replace
from functools import cache

from actions.extract.crosswalk import act_by_name, acts, resolve_act_section


@dataclass(frozen=True)
class StatuteCitation:
    kind: str  # usc, cfr, public_law, statutes_at_large, federal_register, constitution
    key: str  # '8 U.S.C. 1357'
    text: str  # exactly as printed
    start: int
    end: int
    title: str | None = None  # U.S.C./CFR title, FR/Stat. volume, Congress
    section: str | None = None
    pin: str = ""  # '(g)(1)'
    et_seq: bool = False
    note: bool = False
    range_end: str | None = None
    via: str | None = None  # 'INA 287(g)' when resolved from an Act section not printed as U.S.C.
    act: str | None = None  # 'INA 287(g)' when the Act form is printed beside the U.S.C. cite

    def to_json(self) -> dict:
        return asdict(self)


# Pieces shared by the patterns below.
_PIN = r"\((?:[A-Za-z]{1,4}|\d{1,3})\)"
_SECTION = r"\d+[A-Za-z]*(?:-\d+[A-Za-z]*)?"
_SEP = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"
# "8 U.S.C. 1357", "50 U.S.C.A. § 1701", older texts' "50 U.S.C. sec. 1601", and the forms
# people type ("8 USC 1357", "8 usc §1357").
_USC_HEAD_RE = re.compile(
    r"\b(?P<title>\d{1,2})\s+(?:U\.\s?S\.\s?C\.(?:\s?A\.)?|(?i:usca?)\b)\s*"
    r"(?P<app>App(?:\.|endix)\s*)?(?:§§?\s*|(?i:secs?\.?)\s+)?(?=\d)"
)
_ITEM_RE = re.compile(
    # Older orders space their pins: "301 (d)", "305(f) (1)".
    rf"(?P<section>{_SECTION})(?P<pins>(?:\s?{_PIN})*)"
    rf"(?:\s*(?:[\u2013\u2014]|\s+through\s+|\s+to\s+)(?P<end>\d+[A-Za-z]*(?:{_PIN})*))?"
    r"(?P<et_seq>\s+et\.?\s+seq\.?)?(?P<note>\s+note\b)?"
)
_PINS_ONLY_RE = re.compile(rf"(?P<pins>(?:{_PIN})+)")
_SEP_RE = re.compile(_SEP)
# After a list item other than the first, what may follow: punctuation, a conjunction, the end.
_ITEM_BOUNDARY_RE = re.compile(r"(?=$|[,;:.)\]\s]|\s*\()")
_WORD_AFTER_RE = re.compile(r"\s+(?!and\b|or\b|et\b|note\b|through\b)[A-Za-z][A-Za-z.]+")

_TITLE_CODE_RE = re.compile(
    rf"\b[Ss]ections?\s+(?P<list>{_SECTION}(?:{_PIN})*(?:{_SEP}(?:{_SECTION})?(?:{_PIN})*)*)"
    r"\s+of\s+title\s+(?P<title>\d{1,2})(?:,\s*|\s+of\s+the\s+)United\s+States\s+Code"
)
_ACT_SECTION_LIST = (
    rf"(?P<list>\d+[A-Za-z]?(?:\s?{_PIN})*(?:{_SEP}(?:\d+[A-Za-z]?)?(?:\s?{_PIN})*)*)"
)
_CFR_RE = re.compile(
    r"\b(?P<title>\d{1,2})\s+C\.?\s?F\.?\s?R\.?\s+(?:(?P<part_word>[Pp]arts?)\s+)?(?:§§?\s*)?"
    r"(?P<section>\d+(?:\.\d+[a-z]?)?)(?P<pins>(?:" + _PIN + r")*)"
)
_PUBLIC_LAW_RE = re.compile(
    r"\b(?:Pub(?:lic|\.)?\s*L(?:aw|\.)\s*(?:No\.\s*)?)(?P<congress>\d{1,3})[-\u2013](?P<law>\d{1,4})\b"
)
_STAT_RE = re.compile(r"\b(?P<volume>\d{1,3})\s+Stat\.\s+(?P<page>\d{1,5})\b")
_FR_RE = re.compile(
    r"\b(?P<volume>\d{1,3})\s+(?:FR|Fed\.\s?Reg\.)\s+(?P<page>\d{1,3}(?:,\d{3})+|\d{1,6})\b"
)
_ROMAN = r"[IVX]{1,4}"
_CONST_ARTICLE_RE = re.compile(
    rf"\b[Aa]rticle\s+(?P<article>{_ROMAN}),?\s+[Ss]ection\s+(?P<section>\d+)"
    r"(?:,?\s+[Cc]lause\s+(?P<clause>\d+))?\s+of\s+the\s+(?:United\s+States\s+)?Constitution"
)
_CONST_SHORT_RE = re.compile(
    rf"\bU\.\s?S\.\s?Const\.\s*(?:art\.\s*(?P<article>{_ROMAN})(?:,\s*§\s*(?P<section>\d+))?"
    r"|amend\.\s*(?P<amendment>[IVXL]+))"
)
_ORDINALS = (
    "First Second Third Fourth Fifth Sixth Seventh Eighth Ninth Tenth Eleventh Twelfth "
    "Thirteenth Fourteenth Fifteenth Sixteenth Seventeenth Eighteenth Nineteenth Twentieth "
    "Twenty-First Twenty-Second Twenty-Third Twenty-Fourth Twenty-Fifth Twenty-Sixth "
    "Twenty-Seventh"
).split()
_AMENDMENT_RE = re.compile(
    r"\b(?P<ordinal>" + "|".join(reversed(_ORDINALS)) + r")\s+Amendment\b"
    r"(?:\s+to\s+the\s+(?:United\s+States\s+)?Constitution)?"
)


def extract_citations(text: str) -> list[StatuteCitation]:
    """Every statute citation in `text`, in order of position.

    Each family of patterns runs only when a cheap substring test says it can match: most
    paragraphs cite nothing, and the substring tests cost far less than the regular expressions.
    """
    usc: list[StatuteCitation] = []
    if "U.S.C" in text or "U. S. C" in text or _BARE_USC_RE.search(text):
        usc.extend(_usc_citations(text))
    if "United States Code" in text:
        usc.extend(_title_code_citations(text))
    if _mentions_an_act(text):
        usc = _apply_act_forms(text, usc)
    others: list[StatuteCitation] = []
    if "C.F.R" in text or "CFR" in text or "C. F. R" in text:
        others.extend(_cfr_citations(text))
    if "L." in text or "Law" in text:
        others.extend(
            _simple(
                text, _PUBLIC_LAW_RE, "public_law", lambda m: f"Pub. L. {m['congress']}-{m['law']}"
            )
        )
    if "Stat." in text:
        others.extend(
            _simple(
                text, _STAT_RE, "statutes_at_large", lambda m: f"{m['volume']} Stat. {m['page']}"
            )
        )
    if "FR " in text or "Fed." in text:
        others.extend(
            _simple(
                text,
                _FR_RE,
                "federal_register",
                lambda m: f"{m['volume']} FR {m['page'].replace(',', '')}",
            )
        )
    if "Const" in text or "Amendment" in text:
        others.extend(_constitution_citations(text))
    found = sorted([*usc, *others], key=lambda c: (c.start, c.end))
    return _drop_overlaps(found)


@cache
def _act_keywords() -> tuple[str, ...]:
    """The shortest distinctive piece of each Act name or alias, for a quick `in` test."""
    return tuple(sorted({name for act in acts().values() for name in act.names}, key=len))


def _mentions_an_act(text: str) -> bool:
    return any(name in text for name in _act_keywords())


def usc_key(title: str, section: str, appendix: bool = False) -> str:
    return f"{title} U.S.C. {'App. ' if appendix else ''}{section}"


_BARE_USC_RE = re.compile(r"\d\s+(?i:usca?)\b")
# Forms people type that texts write out: "section 1357 of title 8" (texts add ", United States
# Code"), "INA 287(g)" and "INA § 287(g)" (texts write "section 287(g) of the INA").
_QUERY_TITLE_RE = re.compile(
    r"\b(?P<lead>sections?\s+\d+\w*(?:\(\w{1,4}\))*\s+of\s+title\s+\d{1,2})\b"
    r"(?!,?\s+(?:of\s+the\s+)?United\s+States\s+Code)",
    re.I,
)
_QUERY_ACT_RE = re.compile(
    r"\b(?P<act>[A-Z][A-Za-z]{1,9})\s*(?:§+\s*|(?i:sec(?:tion)?\.?)\s+)?"
    r"(?P<section>\d+[A-Za-z]?)(?P<pins>(?:\(\w{1,4}\))*)(?![\w.])"
)


def statute_query(text: str) -> str:
    """A query with the statute forms people type written as texts print them, so that the
    one extractor reads both: `section 1357 of title 8` -> `section 1357 of title 8, United
    States Code`; `INA 287(g)` -> `section 287(g) of the INA` (for an Act the crosswalk
    knows)."""
    text = _QUERY_TITLE_RE.sub(lambda m: f"{m.group('lead')}, United States Code", text)

    def act_form(match: re.Match) -> str:
        if match.group("act").lower() not in act_by_name():
            return match.group(0)
        return f"section {match.group('section')}{match.group('pins')} of the {match.group('act')}"

    return _QUERY_ACT_RE.sub(act_form, text)


def parse_statute_query(text: str) -> StatuteCitation | None:
    """The one statute a search query names, in any form people type (`8 USC 1357`,
    `8 U.S.C. § 1357`, `section 1357 of title 8`, `INA 287(g)`) or texts print."""
    found = extract_citations(statute_query(text))
    return found[0] if found else None


# U.S. Code ------------------------------------------------------------------------------------


def _usc_citations(text: str):
    for head in _USC_HEAD_RE.finditer(text):
        title = head.group("title")
        appendix = bool(head.group("app"))
        yield from _item_list(text, head.end(), head.start(), title, appendix)


def _item_list(text: str, pos: int, span_start: int, title: str, appendix: bool, via_act=None):
    """Parse `1182(a)(2), (a)(3), and (a)(6)(C), 1225, and 1227(a)(2) and (4)` from pos."""
    first = True
    last_section = None
    last_pins: list[str] = []
    while True:
        item = _ITEM_RE.match(text, pos)
        pins_only = None if item else _PINS_ONLY_RE.match(text, pos)
        if first and not item:
            return
        if item and not first and not _valid_follow_item(text, item):
            item = None
            pins_only = None
        if item:
            section, range_end = _split_range(item.group("section"), item.group("end"))
            pins = _pins(item.group("pins"))
            last_section, last_pins = section, pins
            end = item.end()
            yield StatuteCitation(
                kind="usc",
                key=usc_key(title, section, appendix),
                text=text[span_start:end],
                start=span_start,
                end=end,
                title=title,
                section=section,
                pin="".join(pins),
                et_seq=bool(item.group("et_seq")),
                note=bool(item.group("note")),
                range_end=range_end,
            )
        elif pins_only and last_section and _ITEM_BOUNDARY_RE.match(text, pins_only.end()):
            pins = merge_pins(last_pins, _pins(pins_only.group("pins")))
            last_pins = pins
            end = pins_only.end()
            yield StatuteCitation(
                kind="usc",
                key=usc_key(title, last_section, appendix),
                text=text[span_start:end],
                start=span_start,
                end=end,
                title=title,
                section=last_section,
                pin="".join(pins),
            )
        else:
            return
        first = False
        separator = _SEP_RE.match(text, end)
        if not separator:
            return
        pos = separator.end()
        span_start = pos


def _valid_follow_item(text: str, item: re.Match) -> bool:
    """A number after a list separator is a section only if no ordinary word follows it."""
    after = item.end()
    if not _ITEM_BOUNDARY_RE.match(text, after):
        return False
    return not _WORD_AFTER_RE.match(text, after)


def _split_range(section: str, end: str | None) -> tuple[str, str | None]:
    """'1701-1706', '7401-7671q' and '668-668d' are ranges; '2000e-2', '300aa-25' and
    '403-5c' are sections with a hyphen (the part after it is shorter or the first is lettered).
    """
    match = re.fullmatch(r"(\d+)-((\d+)[A-Za-z]*)", section)
    if match and end is None:
        low, high, high_digits = match.groups()
        if len(low) == len(high_digits) and int(high_digits) >= int(low) and high != low:
            return low, high
    return section, end


def _pins(pins: str | None) -> list[str]:
    return re.findall(_PIN, pins or "")


def _pin_type(pin: str) -> str:
    inner = pin[1:-1]
    if inner.isdigit():
        return "digit"
    if inner.isupper():
        return "upper"
    if re.fullmatch(r"[ivxl]{2,}", inner):
        return "roman"
    return "lower"


def merge_pins(previous: list[str], new: list[str]) -> list[str]:
    """`(a)(2)` then `and (4)` -> `(a)(4)`: the new pin replaces the level of its own kind."""
    if not new:
        return previous
    kind = _pin_type(new[0])
    for index in range(len(previous) - 1, -1, -1):
        if _pin_type(previous[index]) == kind:
            return previous[:index] + new
    return new


def _title_code_citations(text: str):
    """`section 3331 of title 5, United States Code`, `sections 1 and 2 of title 3, ...`."""
    for match in _TITLE_CODE_RE.finditer(text):
        title = match.group("title")
        items = list(_item_list(text, match.start("list"), match.start("list"), title, False))
        for index, item in enumerate(items):
            start = match.start() if index == 0 else item.start
            end = match.end() if index == len(items) - 1 else item.end
            yield replace(item, start=start, end=end, text=text[start:end])


# Act sections ------------------------------------------------------------------------------------


@cache
def _act_alternation() -> str:
    names = sorted({name for act in acts().values() for name in act.names}, key=len, reverse=True)
    return "|".join(re.escape(name) for name in names)


@cache
def _act_section_re() -> re.Pattern:
    alternation = _act_alternation()
    return re.compile(
        rf"\b(?:[Ss]ections?|[Ss]ecs?\.|§§?)\s*{_ACT_SECTION_LIST}\s+of\s+(?:the\s+)?"
        rf"(?P<act>{alternation})\b(?:,?\s+as\s+amended)?(?:,?\s+\((?:the\s+)?[\"\u201c]?[A-Z]+[\"\u201d]?\))?",
    )


@cache
def _act_name_re() -> re.Pattern:
    alternation = _act_alternation()
    return re.compile(
        rf"\b(?:the\s+)?(?P<act>{alternation})\b(?:,?\s+as\s+amended)?"
        r"(?:,?\s+\((?:the\s+)?[\"\u201c]?[A-Z]{2,}[\"\u201d]?\))?"
    )


def _apply_act_forms(text: str, usc: list[StatuteCitation]) -> list[StatuteCitation]:
    """Attach printed Act forms to their U.S.C. parallels; resolve Act sections printed alone."""
    out = list(usc)
    consumed: list[tuple[int, int]] = []
    for match in _act_section_re().finditer(text):
        act = act_by_name()[match.group("act").lower()]
        items = _act_items(match.group("list"))
        consumed.append((match.start(), match.end()))
        paren = _parenthetical_after(text, match.end())
        if paren:
            inside = [
                c for c in out if paren[0] <= c.start and c.end <= paren[1] and c.kind == "usc"
            ]
            if inside:
                paired = len(inside) == len(items)
                for index, cite in enumerate(inside):
                    label = f"{act.code} {items[index][0]}{items[index][1]}" if paired else act.code
                    out[out.index(cite)] = replace(cite, act=label)
                continue
        for index, (section, pin) in enumerate(items):
            via = f"{act.code} {section}{pin}"
            resolved = resolve_act_section(act.code, section)
            whole_act = False
            if not resolved and act.usc_title and act.usc_section:
                # No crosswalk row for this section: it still cites the Act's U.S. Code range.
                resolved, pin, whole_act = (act.usc_title, act.usc_section), "", True
            elif not resolved:
                continue
            start = match.start() if index == 0 else match.start("list")
            out.append(
                StatuteCitation(
                    kind="usc",
                    key=usc_key(*resolved),
                    text=text[start : match.end()],
                    start=start,
                    end=match.end(),
                    title=resolved[0],
                    section=resolved[1],
                    pin=pin,
                    et_seq=whole_act,
                    via=via,
                )
            )
    for match in _act_name_re().finditer(text):
        if any(a <= match.start() < b for a, b in consumed):
            continue
        act = act_by_name()[match.group("act").lower()]
        paren = _parenthetical_after(text, match.end())
        inside = [c for c in out if paren and paren[0] <= c.start and c.end <= paren[1]]
        if inside:
            for cite in inside:
                if cite.act is None:
                    out[out.index(cite)] = replace(cite, act=act.code)
            continue
        if act.usc_title and act.usc_section:
            out.append(
                StatuteCitation(
                    kind="usc",
                    key=usc_key(act.usc_title, act.usc_section),
                    text=match.group(0).removeprefix("the ").strip(),
                    start=match.start("act"),
                    end=match.end(),
                    title=act.usc_title,
                    section=act.usc_section,
                    et_seq=True,
                    via=act.code,
                )
            )
    return out


def _act_items(listing: str) -> list[tuple[str, str]]:
    """'212(a)(2), (a)(3), and (a)(6)(C), 235' -> [('212','(a)(2)'), ('212','(a)(3)'), ...]."""
    items: list[tuple[str, str]] = []
    section = None
    pins: list[str] = []
    for part in re.split(_SEP, listing):
        part = part.strip()
        match = re.fullmatch(rf"(\d+[A-Za-z]?)?((?:\s?{_PIN})*)", part)
        if not match:
            continue
        if match.group(1):
            section, pins = match.group(1), _pins(match.group(2))
        elif section:
            pins = merge_pins(pins, _pins(match.group(2)))
        else:
            continue
        items.append((section, "".join(pins)))
    return items


def _parenthetical_after(text: str, pos: int) -> tuple[int, int] | None:
    """The span inside a parenthesis opening right after pos (balanced, nested pins allowed)."""
    match = re.compile(r"\s*\(").match(text, pos)
    if not match:
        return None
    depth = 0
    for index in range(match.end() - 1, min(len(text), match.end() + 600)):
        char = text[index]
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return match.end(), index
    return None


# Other authorities --------------------------------------------------------------------------------


def _cfr_citations(text: str):
    for match in _CFR_RE.finditer(text):
        title, section = match.group("title"), match.group("section")
        is_part = bool(match.group("part_word")) or "." not in section
        key = f"{title} CFR {'part ' if is_part else ''}{section}"
        yield StatuteCitation(
            kind="cfr",
            key=key,
            text=match.group(0),
            start=match.start(),
            end=match.end(),
            title=title,
            section=section,
            pin="".join(_pins(match.group("pins"))),
        )


def _simple(text: str, pattern: re.Pattern, kind: str, make_key):
    for match in pattern.finditer(text):
        yield StatuteCitation(
            kind=kind,
            key=make_key(match),
            text=match.group(0),
            start=match.start(),
            end=match.end(),
        )


def _constitution_citations(text: str):
    # Nearly every order names "the Constitution" in its preamble and cites no clause of it:
    # each pattern runs only where its own words are (the ordinal alternation is slow).
    articles = _CONST_ARTICLE_RE.finditer(text) if "rticle" in text else ()
    for match in articles:
        key = f"U.S. Const. art. {match['article']}, § {match['section']}"
        pin = f"cl. {match['clause']}" if match["clause"] else ""
        yield StatuteCitation(
            kind="constitution",
            key=key,
            text=match.group(0),
            start=match.start(),
            end=match.end(),
            title=match["article"],
            section=match["section"],
            pin=pin,
        )
    for match in _CONST_SHORT_RE.finditer(text) if "Const." in text else ():
        if match["amendment"]:
            key = f"U.S. Const. amend. {match['amendment']}"
        elif match["section"]:
            key = f"U.S. Const. art. {match['article']}, § {match['section']}"
        else:
            key = f"U.S. Const. art. {match['article']}"
        yield StatuteCitation(
            kind="constitution", key=key, text=match.group(0), start=match.start(), end=match.end()
        )
    for match in _AMENDMENT_RE.finditer(text) if "Amendment" in text else ():
        number = _ORDINALS.index(match["ordinal"]) + 1
        key = f"U.S. Const. amend. {_to_roman(number)}"
        yield StatuteCitation(
            kind="constitution", key=key, text=match.group(0), start=match.start(), end=match.end()
        )


def _to_roman(number: int) -> str:
    numerals = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for value, numeral in numerals:
        while number >= value:
            out += numeral
            number -= value
    return out


def _drop_overlaps(found: list[StatuteCitation]) -> list[StatuteCitation]:
    """Keep one citation per (span, key): a title-form cite also found by another pattern."""
    seen: set[tuple[int, int, str, str]] = set()
    out = []
    for cite in found:
        marker = (cite.start, cite.end, cite.key, cite.pin)
        if marker in seen:
            continue
        seen.add(marker)
        out.append(cite)
    return out
