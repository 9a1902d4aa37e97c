"""Text normalisation shared by parsers, matching and search.

Matching one order across sources must survive case ("its"/"Its"), no-break spaces, typographic
dashes and quotes, and inline markup; these helpers are the one place that knows how.
"""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata

DIGEST_LENGTH = 6  # hexadecimal digits ending the address of a title cut to fit
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")
_QUOTES = {ord("\u2018"): "'", ord("\u2019"): "'", ord("\u201c"): '"', ord("\u201d"): '"'}
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2002\u2003\u2007\u2009\u200a\u202f\u3000"), " ")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\ufeff\x00"), None)


def clean_text(text: str) -> str:
    """Typographic spaces to spaces; invisible characters and NUL (PostgreSQL rejects it) out."""
    return text.translate(_SPACES).translate(_INVISIBLE)


def title_key(title: str) -> str:
    """A key under which two printings of one title compare equal."""
    text = unicodedata.normalize("NFKC", html.unescape(title))
    text = clean_text(text).translate(_DASHES).translate(_QUOTES).lower()
    text = re.sub(r"<[^>]+>", " ", text)
    text = text.replace("&", " and ")
    text = re.sub(r"[^a-z0-9]+", " ", text)
    # whitehouse.gov prefixes the kind ("Executive Order on ...", "A Proclamation on ..."),
    # which the Federal Register's title does not carry.
    text = _PRESS_RELEASE_RE.sub("", " ".join(text.split()))
    text = _KIND_PREFIX_RE.sub("", text)
    return text


# whitehouse.gov republishes some actions under "Press Release: <the action's title>".
_PRESS_RELEASE_RE = re.compile(r"^press release ")
_KIND_PREFIX_RE = re.compile(
    r"^(?:executive order|a proclamation|proclamation|presidential memorandum|memorandum|"
    r"notice|message|letter|presidential determination|determination) on (?:the )?"
)


def squash(text: str) -> str:
    """Collapse runs of whitespace to one space."""
    return " ".join(text.split())


def slugify_title(title: str, max_length: int = 80) -> str:
    """The part of an unnumbered action's address its title makes: its words, cut at a word
    within `max_length` characters. A cut title ends in a short digest of the whole, so that
    two long titles alike in their first words ("Message to the Congress on the Continuation
    of the National Emergency with Respect to Ukraine", "... to Venezuela", one day) never
    share an address."""
    key = title_key(title)
    slug = key.replace(" ", "-")
    if len(slug) > max_length:
        digest = hashlib.sha1(key.encode()).hexdigest()[:DIGEST_LENGTH]
        slug = f"{slug[:max_length].rsplit('-', 1)[0]}-{digest}"
    return slug or "untitled"


_SMALL_WORDS = {
    "a",
    "an",
    "and",
    "as",
    "at",
    "but",
    "by",
    "for",
    "from",
    "in",
    "into",
    "nor",
    "of",
    "on",
    "or",
    "the",
    "to",
    "with",
    "its",
    "via",
}


def title_case(text: str) -> str:
    """Title case for a heading printed in capitals, keeping short words lower-case."""
    words = squash(text).lower().split(" ")
    out = []
    for i, word in enumerate(words):
        if i and word in _SMALL_WORDS:
            out.append(word)
        else:
            out.append(word[:1].upper() + word[1:])
    return " ".join(out)


def normalize_number(number: str | None) -> str | None:
    """One spelling per order number: '11359A' and '11359 A' are '11359-A'."""
    if not number:
        return number
    number = number.strip().upper()
    match = re.fullmatch(r"(\d+)[\s\-]?([A-Z])", number)
    return f"{match.group(1)}-{match.group(2)}" if match else number
