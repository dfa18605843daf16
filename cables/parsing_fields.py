"""Read the value of one cable field from its text: timestamps, date-time groups, the
declassification date, reference ids, tags, REF lists, classification reasons, addressees,
captions, portion markings.

`cables.parser` finds where each field is written; the functions here turn what is written
into values. Pure Python, no Django; none of them raises on odd input, they return None or an
empty list instead.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from cables import fields

MONTHS = {
    name: number
    for number, name in enumerate(
        ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"], 1
    )
}


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def expand_year(year: str) -> int:
    """'07' -> 2007, '66' -> 1966: the release runs from 1966 to 2010."""
    value = int(year)
    if len(year) == 4:
        return value
    return 1900 + value if value >= 60 else 2000 + value


# --- dates -------------------------------------------------------------------------------


def parse_timestamp(text: str | None) -> datetime | None:
    """'2007-02-09 15:54' or '02/09/2007 15:54' (cables.csv) as an aware UTC datetime."""
    if not text:
        return None
    text = text.strip().replace("T", " ")
    for pattern in ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%m/%d/%Y %H:%M", "%m/%d/%Y %H:%M:%S"):
        try:
            return datetime.strptime(text, pattern).replace(tzinfo=UTC)
        except ValueError:
            continue
    return None


def parse_date_time_group(match: re.Match) -> datetime | None:
    """The groups day, hour, minute, month, year of a '091554Z FEB 07' match, in UTC."""
    month = MONTHS.get(match["month"].upper())
    if month is None:
        return None
    try:
        return datetime(
            expand_year(match["year"]),
            month,
            int(match["day"]),
            int(match["hour"]),
            int(match["minute"]),
            tzinfo=UTC,
        )
    except ValueError:
        return None


DECLASSIFY = re.compile(
    r"DECL(?:ASSIFY)?(?:\s+ON)?\s*[:.]?\s*(?P<value>[^\s]+(?:\s+\d{1,2},?\s+\d{4})?)", re.IGNORECASE
)
DECLASSIFY_DATE_FORMATS = (
    "%m/%d/%Y",
    "%m/%d/%y",
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%d-%b-%Y",
    "%d%b%Y",
    "%m-%d-%Y",
    "%B %d, %Y",
    "%B %d %Y",
    "%b %d, %Y",
)


def parse_declassify_on(line: str) -> date | None:
    """'E.O. 12958: DECL: 02/06/2017' -> 2017-02-06; 'N/A', '1.6X1', 'OADR' -> None."""
    match = DECLASSIFY.search(line)
    if not match:
        return None
    value = collapse(match["value"]).rstrip(".,;")
    for pattern in DECLASSIFY_DATE_FORMATS:
        try:
            return datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    return None


# --- reference ids -----------------------------------------------------------------------

REFERENCE_ID = re.compile(r"([0-9O]{2})([A-Za-z]+)(\d+)(_[A-Za-z0-9]+)?")
GLUED_SECTION = re.compile(r"\s*SECTION\s*\d*(?:\s*OF\s*\d+)?", re.IGNORECASE)


def wanted_reference_id(text: str) -> str:
    """The reference ID an address or a form means: normalised when it can be, else as given."""
    return normalize_reference_id(text) or text


def normalize_reference_id(value: str | None) -> str | None:
    """Canonical form of a Reference ID: upper case, no spaces, no 'SECTION nn OF nn' glued in,
    a letter O typed for a zero in the year undone ('O7MOSCOW601' -> '07MOSCOW601')."""
    if not value:
        return None
    text = GLUED_SECTION.sub("", re.sub(r"\s+", "", value).strip(".,;:"))
    match = REFERENCE_ID.fullmatch(text)
    if not match or not re.search(r"\d", match[1]):
        return text.upper() or None
    year = match[1].replace("O", "0")
    suffix = (match[4] or "").lower()
    return f"{year}{match[2].upper()}{match[3]}{suffix}"


# --- TAGS ----------------------------------------------------------------------------------

# A tag is a word, or a parenthesised group that belongs to the word before it (a person tag).
TAG_TOKEN = re.compile(r"\([^()]*\)?|[^\s,;()]+")


def split_tags(text: str) -> list[str]:
    """'PREL, PGOV OVIP (STEINBERG, JAMES B.)' -> ['PREL', 'PGOV', 'OVIP (STEINBERG, JAMES B.)'].

    Commas, semicolons and spaces all separate tags, because real cables use each of them."""
    tags: list[str] = []
    for token in TAG_TOKEN.findall(text):
        token = collapse(token).upper()
        if token.startswith("(") and tags:
            tags[-1] = f"{tags[-1]} {token}"
        elif token.strip(" .:-"):
            tags.append(token.strip(" .:-"))
    return list(dict.fromkeys(tags))


# --- REF -----------------------------------------------------------------------------------

REF_ITEM_MARKER = re.compile(r"(?:^|(?<=[\s;,]))(?:\([A-Z]\)|[A-Z]\)|[A-Z]\.)(?=\s|$)")
REF_CABLE = re.compile(
    r"^(?:(?P<year>\d{4}|\d{2})\s*)?(?P<origin>[A-Z]+(?:\s+[A-Z]+){0,3}?)\s*0*(?P<serial>\d{1,6})"
    # A note after the id: '(NOTAL)', '(PARA 5)', '(EXDIS)'.
    r"(?:\s*\([A-Z0-9 ,.&/-]{1,30}\))?$"
)
# Words that make 'SECDEF MSG DTG 301601Z' or 'EMAIL 12' something other than a cable.
REF_NOT_ORIGIN = {"MSG", "DTG", "EMAIL", "E-MAIL", "MEMO", "TELCON", "FAX", "NOTAL", "AND", "PARA"}


def parse_references(text: str, *, year: int | None) -> tuple[list[str], list[str]]:
    """Split a REF block into cable ids ('06MOSCOW12345') and everything else as written.

    A reference without a year takes `year`, the cable's own; without that it stays as written.
    """
    body = collapse(text)
    starts = [match.start() for match in REF_ITEM_MARKER.finditer(body)]
    if starts and starts[0] != 0:
        starts.insert(0, 0)
    bounds = zip(starts or [0], [*starts[1:], len(body)], strict=False)
    items = [REF_ITEM_MARKER.sub("", body[start:end], count=1) for start, end in bounds]
    cables: list[str] = []
    others: list[str] = []
    for item in (item.strip(" ;,.") for item in items):
        if not item:
            continue
        chunks = [c.strip(" .") for c in re.split(r"\s*(?:[;,]|\bAND\b)\s*", item) if c.strip(" .")]
        parsed = [reference_from_chunk(chunk, year=year) for chunk in chunks]
        if chunks and all(parsed):
            cables.extend(ref for ref in parsed if ref and ref not in cables)
        elif item not in others:
            others.append(item)
    return cables, others


def reference_from_chunk(chunk: str, *, year: int | None) -> str | None:
    """'06 MOSCOW 012345' -> '06MOSCOW12345'; None for what is not a cable id."""
    chunk = GLUED_SECTION.sub("", chunk.upper()).strip()
    match = REF_CABLE.match(chunk)
    if not match:
        compact = re.fullmatch(r"(\d{2})([A-Z]+)(\d+)", chunk)
        return f"{compact[1]}{compact[2]}{int(compact[3])}" if compact else None
    origin_words = match["origin"].split()
    if set(origin_words) & REF_NOT_ORIGIN:
        return None
    ref_year = expand_year(match["year"]) if match["year"] else year
    if ref_year is None:
        return None
    origin = fields.reference_origin("".join(origin_words))
    return f"{ref_year % 100:02d}{origin}{int(match['serial'])}"


# --- Classified By and the reasons ----------------------------------------------------------

REASON_LABEL = re.compile(r"\b(?:for\s+)?REASONS?\b\s*[:.;]?", re.IGNORECASE)
REASON_SECTION = re.compile(r"1\s*[.,]\s*([45])")
REASON_LETTER = re.compile(r"(?<![A-Za-z])([A-Ha-h])(?![A-Za-z])")
EXECUTIVE_ORDER = r"E\.?\s?O\.?\s*\d{5}"
# The run of text that cites reasons: '1.4 (b) and (d)', '1,4 (B/D)', 'E.O. 12958 1.4 b, d'.
REASON_TEXT = re.compile(
    rf"^(?:\s|[.,;:/&()+\-\[\]]|\band\b|\bor\b|\b{EXECUTIVE_ORDER}\b|1\s*[.,]\s*[45]|"
    r"(?<![A-Za-z])[A-Ha-h](?![A-Za-z]))+",
    re.IGNORECASE,
)
REASON_PART = re.compile(
    rf"{REASON_SECTION.pattern}|{REASON_LETTER.pattern}|{EXECUTIVE_ORDER}", re.IGNORECASE
)


def parse_reasons(text: str) -> list[str]:
    """'Reasons: 1,4 (B/D).' -> ['1.4(b)', '1.4(d)'].

    The older numbering stays as written: '1.5 (D)' -> ['1.5(d)']."""
    label = REASON_LABEL.search(text)
    tail = text[label.end() :] if label else text
    section_match = REASON_SECTION.search(tail)
    if not section_match:
        return []
    span = REASON_TEXT.match(tail[section_match.start() :])
    if not span:
        return []
    reasons: list[str] = []
    section = "1.4"
    for match in REASON_PART.finditer(span.group(0)):
        if match.group(1):
            section = f"1.{match.group(1)}"
        elif match.group(2):
            reason = f"{section}({match.group(2).lower()})"
            if reason not in reasons:
                reasons.append(reason)
    return reasons


CLASSIFIED_BY_LABEL = re.compile(
    # Without a colon the label must be followed by a capital ('Classified by Ambassador X'),
    # so prose such as 'Classified by the ministry as...' is not taken for the label.
    r"^(?:CLASSIFIED|CLASSIFED)\s+B[YT](?:\s*[:.;]\s*|\s+(?=(?-i:[A-Z]))|\s*$)|^CLASSIFIED\s*:\s*",
    re.IGNORECASE,
)
# Where the classifier's name ends: the first citation of the order or of section 1.4 / 1.5.
CLASSIFIER_END = re.compile(rf"\b{EXECUTIVE_ORDER}|\b1\s*[.,]\s*[45]\b", re.IGNORECASE)
CLASSIFIER_TRAILER = re.compile(r"(?:[\s,;:.(]|\b(?:for|per|under|by)\b)+$", re.IGNORECASE)


def parse_classified_by(text: str) -> str | None:
    """'Classified By: Ambassador W. Burns.  Reasons: 1.4 (b)' -> 'Ambassador W. Burns'."""
    body = CLASSIFIED_BY_LABEL.sub("", collapse(text), count=1)
    label = REASON_LABEL.search(body)
    classifier = body[: label.start()] if label else body
    classifier = CLASSIFIER_END.split(classifier, maxsplit=1)[0]
    classifier = CLASSIFIER_TRAILER.sub("", classifier).strip()
    return classifier or None


# --- addressees ----------------------------------------------------------------------------


def parse_recipients(lines: list[str]) -> list[str]:
    """'RUEHC/SECSTATE WASHDC IMMEDIATE 1234' -> 'SECSTATE WASHDC', each once, in order."""
    recipients: list[str] = []
    for line in lines:
        name = re.sub(r"^[A-Z0-9]{3,8}/", "", line.strip())
        name = re.sub(r"\s+\d{1,6}$", "", name)
        name = re.sub(r"\s+(?:NIACT\s+)?(?:IMMEDIATE|PRIORITY|ROUTINE|FLASH)$", "", name)
        name = collapse(name)
        if name and name not in recipients:
            recipients.append(name)
    return recipients


def origin_from_sender(sender: str | None) -> str | None:
    """'AMEMBASSY LA PAZ' -> 'Embassy La Paz', as the release names origins."""
    if not sender:
        return None
    for prefix, kind in (("AMEMBASSY", "Embassy"), ("AMCONSUL", "Consulate")):
        if sender.startswith(prefix + " "):
            return f"{kind} {sender[len(prefix) + 1 :].title()}"
    if sender.startswith("SECSTATE"):
        return "Secretary of State"
    return None


# --- captions and markings -------------------------------------------------------------------

CAPTION_NAMES = ("SIPDIS", "NOFORN", "NODIS", "EXDIS", "LIMDIS", "STADIS", "ORCON", "PROPIN")
RELEASABLE_TO = re.compile(r"\bREL(?:\s+TO)?\s+[A-Z]{2,4}(?:\s*,\s*[A-Z]{2,4})*\b")


def captions_in(text: str, *, caption_line: bool = False) -> list[str]:
    """The handling captions named in a banner or caption line; 'REL TO ...' as written.

    'SENSITIVE' counts only as a line of its own: inside a banner the word can be prose."""
    found = [name for name in CAPTION_NAMES if re.search(rf"\b{name}\b", text)]
    if re.search(r"\bE\s?F\s?T\s?O\b", text):
        found.append("EFTO")
    if caption_line and text.strip() == "SENSITIVE":
        found.append("SENSITIVE")
    found.extend(collapse(match.group(0)) for match in RELEASABLE_TO.finditer(text))
    return found


def clean_marking(raw: str | None) -> str | None:
    """'( s / nf )' -> 'S/NF'; None when the parenthesis holds no portion marking."""
    if not raw:
        return None
    text = raw.strip().strip("()").strip().upper()
    text = re.sub(r"\s*(/+)\s*", r"\1", text)
    text = re.sub(r"\s+", " ", text)
    return text if fields.is_portion_marking(text) else None


def strip_marking(text: str) -> str:
    """A subject that opens with its own portion marking, '(C) RUSSIA: ...', loses it."""
    match = re.match(r"^(\([A-Za-z/ ,]{1,30}\))\s*", text)
    if match and clean_marking(match[1]):
        return text[match.end() :].strip()
    return text.strip()
