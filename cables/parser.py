"""Turn the text of a diplomatic cable into a `ParsedCable`.

Pure Python, no Django: the importer stores what this returns, the tests feed it the messy
forms real cables come in. `parse_cable` accepts a whole cable or any fragment of one (a
header alone, a TAGS line alone); it raises `CableParseError`, and nothing else, when the
text is not a cable at all.

A cable reads, top to bottom: the metadata table (Reference ID, Created, Released,
Classification, Origin), the routing header (VZCZC..., DE ..., the date-time group, FM, TO,
INFO), the preamble (classification banner, captions, E.O. line, TAGS, SUBJECT, REF,
Classified By) and the body (numbered paragraphs with portion markings, section headings,
the signature). Page-break lines can interrupt any of these.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from cables import fields


class CableParseError(ValueError):
    """The text is not a cable; the message says what is missing."""


@dataclass(frozen=True)
class Paragraph:
    number: int | None
    marking: str | None
    heading: str | None
    text: str


@dataclass
class ParsedCable:
    reference_id: str | None = None
    created: datetime | None = None
    released: datetime | None = None
    classification: str | None = None
    origin: str | None = None
    transmission_id: str | None = None
    precedence: str | None = None
    date_time_group: datetime | None = None
    sender: str | None = None
    recipients: list[str] = field(default_factory=list)
    info_recipients: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    declassify_on: date | None = None
    tags: list[str] = field(default_factory=list)
    subject: str | None = None
    references: list[str] = field(default_factory=list)
    other_references: list[str] = field(default_factory=list)
    classified_by: str | None = None
    classification_reasons: list[str] = field(default_factory=list)
    summary: str | None = None
    signer: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    # The routing header and the preamble as written, for the header box and the body box.
    header: str = ""
    preamble: str = ""


# --- line shapes -------------------------------------------------------------------------

METADATA_LABELS = re.compile(
    r"^\s*Reference\s*ID\W+Created\W+Released\W+Classification\W+Origin\s*$", re.IGNORECASE
)
TIMESTAMP = r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2})?"
METADATA_ROW = re.compile(
    rf"^\s*(?P<reference_id>\S+)\s+(?P<created>{TIMESTAMP})\s+(?:(?P<released>{TIMESTAMP})\s+)?"
    rf"(?P<classification>{'|'.join(re.escape(c) for c in fields.CLASSIFICATIONS)})"
    r"(?:\s+(?P<origin>\S.*?))?\s*$"
)

TRANSMISSION_LINE = re.compile(r"^(VZCZC[A-Z0-9]*)$")
ROUTING_LINE = re.compile(r"^[ZOPR]{1,2}(?:\s+[A-Z]{5,7})+$")
DE_LINE = re.compile(r"^DE\s+[A-Z]{3,8}\s+#\s?\d+")
ZN_LINE = re.compile(r"^ZN[YR]\s+[A-Z]{3,6}(?:\s+[A-Z]{3})?$")
DTG_LINE = re.compile(
    r"^(?P<precedence>(?:NIACT\s+)?[ZOPR](?:\s+[ZOPR])?\s+)?"
    r"(?P<day>\d{2})(?P<hour>\d{2})(?P<minute>\d{2})Z\s*(?P<month>[A-Z]{3})\s*(?P<year>\d{4}|\d{2})\b"
)
FM_LINE = re.compile(r"^FM\s+(?P<value>[^a-z]+)$")
TO_LINE = re.compile(r"^TO\s+(?P<value>[^a-z]+)$")
INFO_LINE = re.compile(r"^INFO\s+(?P<value>[^a-z]+)$")
ADDRESSEE_CONTINUATION = re.compile(r"^(?:[A-Z0-9]{3,8}/[^a-z]+|[A-Z][A-Z0-9 .&/()-]*)$")
ROUTING_NOISE = re.compile(r"^(?:BT|NNNN|#\d+|ZFR|ZEX|ZDK.*|ZUI.*|ZZH)$")

SPACED_CLASSIFICATION = (
    r"U\s?N\s?C\s?L\s?A\s?S(?:\s?S\s?I\s?F\s?I\s?E\s?D)?"
    r"|C\s?O\s?N\s?F\s?I\s?D\s?E\s?N\s?T\s?I\s?A\s?L"
    r"|S\s?E\s?C\s?R\s?E\s?T"
    r"|L\s?I\s?M\s?I\s?T\s?E\s?D\s+O\s?F\s?F\s?I\s?C\s?I\s?A\s?L\s+U\s?S\s?E"
)
BANNER_LINE = re.compile(
    rf"^(?P<classification>{SPACED_CLASSIFICATION})"
    r"(?P<tail>(?:\s+(?:E\s?F\s?T\s?O|SECTION\s+\d+\s+OF\s+\d+|[A-Z][A-Z0-9 .'/-]*?\s+0*\d{1,6}|"
    r"[A-Z]{3,10}))*)\s*$"
)
SECTION_OF = re.compile(r"SECTION\s+\d+\s+OF\s+\d+")
BANNER_SERIAL = re.compile(r"(?:^|\s)(?P<origin>[A-Z][A-Z .'-]*?)\s+0*(?P<serial>\d{1,6})\s*(?:\s[A-Z ]+)?$")
PAGE_BREAK_LINE = re.compile(
    r"^\s*(?:[A-Z][A-Z .'/-]*?\s+0*\d{1,8}\s+0*\d{1,3}\s+OF\s+0*\d{1,3}|PAGE\s+\d+\s+[A-Z].*\d{6}Z)\s*$"
)
ADDRESSING_LINE = re.compile(
    r"^[A-Z][A-Z0-9/ ,.&-]*\s(?:FOR|PASS(?:\s+TO)?|ALSO FOR)\s+\S[^a-z]*$|^(?:FOR|PASS TO)\s+[^a-z]+$"
)

EO_LINE = re.compile(r"^E\.?\s?O\.?\s*\d{5}\b|^EO\s*\d{5}\b", re.IGNORECASE)
DECLASSIFY = re.compile(
    r"DECL(?:ASSIFY)?(?:\s+ON)?\s*[:.]?\s*(?P<value>[^\s]+(?:\s+\d{1,2},?\s+\d{4})?)", re.IGNORECASE
)
TAGS_LABEL = re.compile(
    r"(?:^|\s)(?P<label>TAGS?|TAGE|TAGSS|TAFS|TGAS|TASG|TAGD|TAHS|TAQS|TSGS)\s*(?:[:.;]\s*|\s+(?=[A-Z]{2}))",
    re.IGNORECASE,
)
SUBJECT_LABEL = re.compile(
    r"^(?P<label>SUBJECT|SUBJ|SUBJEC|SUBJET|SUBECT|SUBJCT|SUJBECT)\s*(?:[:.;-]\s*|\s+(?=\S))",
    re.IGNORECASE,
)
REF_LABEL = re.compile(
    r"^(?P<label>REFS?|REFERENCES?|REFTELS?|REF\s+TEL)\s*(?:[:.;-]\s*|\s+(?=[A-Z0-9(]))",
    re.IGNORECASE,
)
CLASSIFIED_BY_LABEL = re.compile(
    r"^(?:CLASSIFIED\s+BY|CLASSIFED\s+BY|CLASSIFIED\s+BT|CLASSIFIED)\s*[:.;]?\s*", re.IGNORECASE
)
REASON_LABEL = re.compile(r"\b(?:for\s+)?REASONS?\b\s*[:.;]?", re.IGNORECASE)
REASON_SECTION = re.compile(r"1\s*[.,]\s*([45])")
REASON_LETTER = re.compile(r"(?<![A-Za-z])([A-Ha-h])(?![A-Za-z])")
REASON_TEXT = re.compile(
    r"^(?:\s|[.,;:/&()+\-\[\]]|\band\b|\bor\b|\bE\.?\s?O\.?\s*\d{5}\b|1\s*[.,]\s*[45]|"
    r"(?<![A-Za-z])[A-Ha-h](?![A-Za-z]))+",
    re.IGNORECASE,
)

PARAGRAPH_START = re.compile(
    r"^\s*(?P<number>\d{1,3})\s*[.)]\s*(?:(?P<marking>\(\s*[A-Za-z][A-Za-z/ ,]{0,30}\))|"
    r"(?P<bare_marking>[A-Z]{1,3}(?:/[A-Z]{1,5})?\)))?\s*(?P<rest>.*)$"
)
LIST_ITEM = re.compile(r"^(?:-{1,3}|\*|o|[A-Z]\.|\([A-Za-z0-9]{1,3}\)|[a-z]\)|[ivx]+\))\s")
HEADING_DASHED = re.compile(r"^-{2,}\s*(?P<text>[^-].*?)\s*-{2,}$")
SUMMARY_OPEN = re.compile(
    r"^(?:-+\s*)?(?:BEGIN\s+)?SUMMARY(?:\s+AND\s+(?:COMMENT|ACTION\s+REQUESTS?))?"
    r"\s*(?:-+\s*)?(?:[.:;-]+\s*|\s+(?=\S)|$)",
    re.IGNORECASE,
)
SUMMARY_CLOSE = re.compile(r"\s*\(?\s*END\s+(?:OF\s+)?SUMMARY\s*\)?\s*[.:;-]*\s*", re.IGNORECASE)
SIGNER_LINE = re.compile(r"^[A-Z][A-Z.'-]*(?:\s+[A-Z][A-Z.'-]*){0,3}$")
SENTENCE_END = re.compile(r"""[.!?:)"'\]]$""")

CAPTION_WORDS = re.compile(
    r"^(?:SIPDIS|NOFORN|NODIS|EXDIS|LIMDIS|STADIS|EFTO|E F T O|ROGER|NOCONTRACT|ORCON|PROPIN|"
    r"SENSITIVE|CHEROKEE|TERREP|REL\s+(?:TO\s+)?[A-Z, ]+|SBU|DEPT ALSO FOR\s.*)$"
)

MONTHS = {
    name: number
    for number, name in enumerate(
        ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"], 1
    )
}


# --- small converters --------------------------------------------------------------------


def expand_year(year: str) -> int:
    value = int(year)
    if len(year) == 4:
        return value
    return 1900 + value if value >= 60 else 2000 + value


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


def parse_declassify_on(line: str) -> date | None:
    match = DECLASSIFY.search(line)
    if not match:
        return None
    value = match["value"].rstrip(".,;")
    patterns = ("%m/%d/%Y", "%m/%d/%y", "%Y-%m-%d", "%Y/%m/%d", "%d-%b-%Y", "%d%b%Y", "%m-%d-%Y")
    for pattern in patterns:
        try:
            return datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    return None


def normalize_reference_id(value: str | None) -> str | None:
    """Canonical form of a Reference ID: upper case, no spaces, no 'SECTION nn OF nn' glued in."""
    if not value:
        return None
    text = re.sub(r"\s+", "", value).strip(".,;:")
    text = re.sub(r"SECTION\d*(?:OF\d*)?", "", text, flags=re.IGNORECASE)
    match = re.fullmatch(r"(\d{2})([A-Za-z]+)(\d+)(_[A-Za-z0-9]+)?", text)
    if not match:
        return text.upper() or None
    suffix = (match[4] or "").lower()
    return f"{match[1]}{match[2].upper()}{match[3]}{suffix}"


def clean_marking(raw: str | None) -> str | None:
    if not raw:
        return None
    text = raw.strip().strip("()").strip().upper()
    text = re.sub(r"\s*(/+)\s*", r"\1", text)
    text = re.sub(r"\s+", " ", text)
    return text if fields.is_portion_marking(text) else None


def strip_marking(text: str) -> str:
    """A subject that opens with its own portion marking, '(C) RUSSIA: ...', loses it."""
    return re.sub(r"^\(\s*[A-Z/ ]{1,12}\)\s*", "", text).strip()


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# --- fields --------------------------------------------------------------------------------


def split_tags(text: str) -> list[str]:
    """'PREL, PGOV, OVIP (STEINBERG, JAMES B.)' -> ['PREL', 'PGOV', 'OVIP (STEINBERG, JAMES B.)']."""
    tags: list[str] = []
    current = ""
    depth = 0
    use_commas = bool(re.search(r",(?![^(]*\))", text))
    for char in text:
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(depth - 1, 0)
        separator = char in ",;" or (char.isspace() and not use_commas)
        if separator and depth == 0:
            tags.append(current)
            current = ""
        else:
            current += char
    tags.append(current)
    result: list[str] = []
    for raw in tags:
        tag = collapse(raw).strip(" .:-").upper()
        # With commas as separators, 'PREL PGOV' still holds two tags; a person tag keeps its words.
        pieces = [tag] if "(" in tag else tag.split(" ")
        for piece in pieces:
            piece = piece.strip(" .:-")
            if piece and piece not in result:
                result.append(piece)
    return result


REF_ITEM_MARKER = re.compile(r"(?:^|(?<=[\s;,]))(?:\([A-Z]\)|[A-Z]\)|[A-Z]\.)(?=\s|$)")
REF_CABLE = re.compile(
    r"^(?:(?P<year>\d{4}|\d{2})\s*)?(?P<origin>[A-Z]+(?:\s+[A-Z]+){0,3}?)\s*0*(?P<serial>\d{1,6})"
    r"(?:\s*\((?:NOTAL|[A-Z ]{1,20})\))?$"
)
REF_NOT_ORIGIN = {"MSG", "DTG", "EMAIL", "E-MAIL", "MEMO", "TELCON", "FAX", "NOTAL", "AND", "PARA"}


def parse_references(text: str, *, year: int | None) -> tuple[list[str], list[str]]:
    """Split a REF block into cable ids ('06MOSCOW12345') and everything else as written."""
    body = collapse(text)
    starts = [match.start() for match in REF_ITEM_MARKER.finditer(body)]
    if starts and starts[0] != 0:
        starts.insert(0, 0)
    bounds = zip(starts or [0], [*starts[1:], len(body)], strict=False)
    items = [REF_ITEM_MARKER.sub("", body[start:end], count=1).strip(" ;,.") for start, end in bounds]
    cables: list[str] = []
    others: list[str] = []
    for item in filter(None, items):
        chunks = [c.strip(" .") for c in re.split(r"\s*(?:[;,]|\bAND\b)\s*", item) if c.strip(" .")]
        parsed = [reference_from_chunk(chunk, year=year) for chunk in chunks]
        if chunks and all(parsed):
            cables.extend(ref for ref in parsed if ref not in cables)
        elif item not in others:
            others.append(item)
    return cables, others


def reference_from_chunk(chunk: str, *, year: int | None) -> str | None:
    compact = re.fullmatch(r"(\d{2})([A-Z]+)(\d+)", chunk.replace(" ", ""))
    match = REF_CABLE.match(chunk.upper())
    if not match:
        if compact and chunk.count(" ") == 0:
            return f"{compact[1]}{compact[2]}{int(compact[3])}"
        return None
    origin_words = match["origin"].split()
    if set(origin_words) & REF_NOT_ORIGIN:
        return None
    ref_year = expand_year(match["year"]) if match["year"] else year
    if ref_year is None:
        return None
    origin = fields.reference_origin("".join(origin_words))
    return f"{ref_year % 100:02d}{origin}{int(match['serial'])}"


def parse_reasons(text: str) -> list[str]:
    """'Reasons: 1,4 (B/D).' -> ['1.4(b)', '1.4(d)']."""
    label = REASON_LABEL.search(text)
    tail = text[label.end() :] if label else text
    section_match = REASON_SECTION.search(tail)
    if not section_match:
        return []
    span = REASON_TEXT.match(tail[section_match.start() :])
    reasons: list[str] = []
    section = "1.4"
    if not span:
        return reasons
    position = 0
    reason_text = span.group(0)
    pattern = re.compile(rf"{REASON_SECTION.pattern}|{REASON_LETTER.pattern}|E\.?\s?O\.?\s*\d{{5}}", re.I)
    while match := pattern.search(reason_text, position):
        position = match.end()
        if match.group(1):
            section = f"1.{match.group(1)}"
        elif match.group(2):
            reason = f"{section}({match.group(2).lower()})"
            if reason not in reasons:
                reasons.append(reason)
    return reasons


def parse_classified_by(text: str) -> str | None:
    body = CLASSIFIED_BY_LABEL.sub("", collapse(text), count=1)
    label = REASON_LABEL.search(body)
    by = body[: label.start()] if label else body
    by = re.sub(r"[\s,;:.(]*(?:for|per)?\s*$", "", by, flags=re.IGNORECASE).strip()
    by = re.sub(r"\b(?:E\.?\s?O\.?\s*\d{5}|1\s*[.,]\s*[45].*)$", "", by).strip(" ,;:")
    return by or None


def parse_recipients(lines: list[str]) -> list[str]:
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
    if not sender:
        return None
    for prefix, kind in (("AMEMBASSY", "Embassy"), ("AMCONSUL", "Consulate")):
        if sender.startswith(prefix + " "):
            return f"{kind} {sender[len(prefix) + 1 :].title()}"
    if sender.startswith("SECSTATE"):
        return "Secretary of State"
    return None


def captions_in(text: str) -> list[str]:
    found: list[str] = []
    for word in ("SIPDIS", "NOFORN", "NODIS", "EXDIS", "LIMDIS", "STADIS", "ORCON", "PROPIN"):
        if re.search(rf"\b{word}\b", text):
            found.append(word)
    if re.search(r"\bE\s?F\s?T\s?O\b", text):
        found.append("EFTO")
    rel = re.search(r"\bREL(?:\s+TO)?\s+([A-Z]{2,3}(?:\s*,\s*[A-Z]{2,3})*)", text)
    if rel:
        found.append(f"REL {collapse(rel.group(1))}")
    return found


# --- the parts of a cable -------------------------------------------------------------------


def split_metadata(lines: list[str], cable: ParsedCable) -> list[str]:
    """Read the metadata table and return the lines after it (page chrome before it dropped)."""
    for index, line in enumerate(lines):
        labels = METADATA_LABELS.match(line)
        row = METADATA_ROW.match(line)
        if labels:
            values = [value for value in lines[index + 1 : index + 9] if value.strip()]
            for count in range(1, len(values) + 1):
                row = METADATA_ROW.match(" ".join(value.strip() for value in values[:count]))
                if row:
                    consumed = lines.index(values[count - 1], index + 1) + 1
                    apply_metadata(row, cable)
                    return lines[consumed:]
            return lines[index + 1 :]
        if row and index < 12:
            apply_metadata(row, cable)
            return lines[index + 1 :]
    return lines


def apply_metadata(row: re.Match, cable: ParsedCable) -> None:
    cable.reference_id = normalize_reference_id(row["reference_id"])
    cable.created = parse_timestamp(row["created"])
    cable.released = parse_timestamp(row["released"])
    cable.classification = row["classification"]
    cable.origin = collapse(row["origin"]) if row["origin"] else None


def split_header(lines: list[str], cable: ParsedCable) -> list[str]:
    """Read the routing header; return the lines after it."""
    header: list[str] = []
    addressees: list[str] | None = None
    index = 0
    while index < len(lines):
        line = lines[index].strip()
        index += 1
        if not line:
            if header:
                addressees = None
            header.append(line) if header else None
            continue
        if match := TRANSMISSION_LINE.match(line):
            cable.transmission_id = match[1]
        elif ROUTING_LINE.match(line):
            cable.precedence = cable.precedence or line[0]
        elif DE_LINE.match(line) or ZN_LINE.match(line) or ROUTING_NOISE.match(line):
            pass
        elif (match := DTG_LINE.match(line)) and not BANNER_LINE.match(line):
            cable.date_time_group = parse_date_time_group(match)
            if match["precedence"]:
                cable.precedence = match["precedence"].split()[-1] if "NIACT" not in match[
                    "precedence"
                ] else "NIACT"
        elif match := FM_LINE.match(line):
            cable.sender = collapse(match["value"])
            addressees = None
        elif match := TO_LINE.match(line):
            addressees = cable.recipients
            addressees.append(match["value"])
        elif match := INFO_LINE.match(line):
            addressees = cable.info_recipients
            addressees.append(match["value"])
        elif (
            addressees is not None
            and ADDRESSEE_CONTINUATION.match(line)
            and not BANNER_LINE.match(line)
            and not is_preamble_field(line)
        ):
            addressees.append(line)
        else:
            index -= 1
            break
        header.append(lines[index - 1].rstrip())
    if "NIACT" in " ".join(cable.recipients):
        cable.precedence = "NIACT"
    cable.recipients = parse_recipients(cable.recipients)
    cable.info_recipients = parse_recipients(cable.info_recipients)
    cable.header = "\n".join(header).strip("\n")
    return lines[index:]


def is_preamble_field(line: str) -> bool:
    return bool(
        EO_LINE.match(line)
        or TAGS_LABEL.match(line)
        or SUBJECT_LABEL.match(line)
        or REF_LABEL.match(line)
        or CLASSIFIED_BY_LABEL.match(line)
    )


def is_reference_continuation(line: str) -> bool:
    stripped = line.strip()
    if not stripped or PARAGRAPH_START.match(stripped) and clean_marking_of(stripped):
        return False
    if SUMMARY_OPEN.match(stripped) or is_preamble_field(stripped):
        return False
    return bool(REF_ITEM_MARKER.match(stripped)) or not re.search(r"[a-z]", stripped)


def clean_marking_of(line: str) -> str | None:
    match = PARAGRAPH_START.match(line)
    if not match:
        return None
    return clean_marking(match["marking"] or match["bare_marking"])


def starts_paragraph(line: str) -> bool:
    return bool(PARAGRAPH_START.match(line)) and bool(re.match(r"^\s*\d{1,3}\s*[.)]\s", line + " "))


def split_preamble(lines: list[str], cable: ParsedCable) -> list[str]:
    """Read banner, captions, E.O., TAGS, SUBJECT, REF and Classified By; return the body lines."""
    preamble: list[str] = []
    blocks: dict[str, list[str]] = {}
    current: str | None = None
    seen_field = False
    index = 0
    while index < len(lines):
        raw = lines[index]
        line = raw.strip()
        if not line:
            current = None if current != "classified" or "classified" in blocks else current
            preamble.append("")
            index += 1
            continue
        if PAGE_BREAK_LINE.match(line):
            index += 1
            continue
        kind = preamble_kind(line, seen_field=seen_field)
        if kind is None and current and continues_field(current, line, blocks[current]):
            kind = current
        elif kind is None:
            break
        if kind in {"eo", "tags", "subject", "ref", "classified"}:
            seen_field = True
        if kind == "eo" and (tags := TAGS_LABEL.search(line)) and tags.start() > 0:
            blocks.setdefault("eo", []).append(line[: tags.start()])
            blocks.setdefault("tags", []).append(line[tags.start() :])
            current = "tags"
        elif kind != current and kind in blocks and kind in {"tags", "subject", "ref"}:
            break  # A second SUBJECT is body text, not another field.
        else:
            blocks.setdefault(kind, []).append(line)
            current = kind if kind in {"tags", "subject", "ref", "classified"} else None
        preamble.append(raw.rstrip())
        index += 1
    apply_preamble(blocks, cable)
    cable.preamble = re.sub(r"\n{3,}", "\n\n", "\n".join(preamble)).strip("\n")
    return lines[index:]


def preamble_kind(line: str, *, seen_field: bool) -> str | None:
    if starts_paragraph(line) or SUMMARY_OPEN.match(line):
        return None
    if EO_LINE.match(line):
        return "eo"
    if TAGS_LABEL.match(line):
        return "tags"
    if SUBJECT_LABEL.match(line):
        return "subject"
    if REF_LABEL.match(line):
        return "ref"
    if CLASSIFIED_BY_LABEL.match(line):
        return "classified"
    if BANNER_LINE.match(line):
        return "banner"
    if CAPTION_WORDS.match(line) or (not seen_field and ADDRESSING_LINE.match(line)):
        return "caption"
    return None


def continues_field(kind: str, line: str, block: list[str]) -> bool:
    if kind == "tags":
        return not re.search(r"[a-z]", line) and len(line) < 80 and not BANNER_LINE.match(line)
    if kind == "subject":
        return not REASON_LABEL.search(line) or not CLASSIFIED_BY_LABEL.match(line)
    if kind == "ref":
        return is_reference_continuation(line)
    if kind == "classified":
        text = " ".join(block)
        if not REASON_SECTION.search(REASON_LABEL.split(text, maxsplit=1)[-1]):
            return len(block) < 3
        return bool(re.match(r"^(?:and|or|&|,|\(|[a-hA-H]\b|1\s*[.,]\s*[45])", line, re.IGNORECASE))
    return False


def apply_preamble(blocks: dict[str, list[str]], cable: ParsedCable) -> None:
    year = (cable.created or cable.date_time_group or None) and (
        cable.created or cable.date_time_group
    ).year
    for line in blocks.get("banner", []):
        match = BANNER_LINE.match(line)
        cable.captions.extend(captions_in(match["tail"]) if match else [])
        serial = BANNER_SERIAL.search(SECTION_OF.sub("", match["tail"]).strip()) if match else None
        if serial and not cable.reference_id and year:
            origin = fields.reference_origin(serial["origin"].replace(" ", ""))
            cable.reference_id = f"{year % 100:02d}{origin}{int(serial['serial'])}"
    for line in blocks.get("caption", []):
        cable.captions.extend(captions_in(line))
    if "eo" in blocks:
        cable.declassify_on = parse_declassify_on(" ".join(blocks["eo"]))
    if "tags" in blocks:
        text = " ".join(blocks["tags"])
        cable.tags = split_tags(TAGS_LABEL.sub("", text, count=1))
    if "subject" in blocks:
        subject = SUBJECT_LABEL.sub("", collapse(" ".join(blocks["subject"])), count=1)
        cable.subject = strip_marking(subject) or None
    if "ref" in blocks:
        text = REF_LABEL.sub("", collapse(" ".join(blocks["ref"])), count=1)
        cable.references, cable.other_references = parse_references(text, year=year)
    if "classified" in blocks:
        text = " ".join(blocks["classified"])
        cable.classified_by = parse_classified_by(text)
        cable.classification_reasons = parse_reasons(text)


# --- the body ------------------------------------------------------------------------------


@dataclass
class Line:
    text: str
    after_break: bool = False  # follows a blank line or a removed page break
    after_page_break: bool = False


def body_lines(lines: list[str]) -> tuple[list[Line], bool]:
    """Drop page breaks, section banners and end-of-message lines; mark what follows a gap."""
    result: list[Line] = []
    nonblank = [line for line in lines if line.strip()]
    trailing_spaces = bool(nonblank) and sum(line.endswith(" ") for line in nonblank) >= 0.8 * len(
        nonblank
    )
    gap = page_gap = False
    after_banner = False
    for raw in lines:
        line = raw.strip()
        if not line:
            gap = True
            continue
        if PAGE_BREAK_LINE.match(line) or (BANNER_LINE.match(line) and SECTION_OF.search(line)):
            page_gap = gap = True
            after_banner = bool(BANNER_LINE.match(line))
            continue
        if after_banner and CAPTION_WORDS.match(line):
            continue
        if ROUTING_NOISE.match(line):
            continue
        after_banner = False
        keep = raw.rstrip("\n").lstrip()
        result.append(Line(keep, after_break=gap, after_page_break=page_gap))
        gap = page_gap = False
    return result, trailing_spaces


def join_lines(parts: list[str], trailing_spaces: bool) -> str:
    """Join wrapped lines into running text; list items keep their own line."""
    text = ""
    in_list = False
    for raw in parts:
        line = raw.strip()
        if not text:
            text = line
            in_list = bool(LIST_ITEM.match(line))
        elif line == "":
            text += "\n"
            in_list = False
        elif LIST_ITEM.match(line) or text.endswith("\n"):
            text = text.rstrip(" ") + "\n" + line
            in_list = bool(LIST_ITEM.match(line))
        elif in_list and re.search(r"[.!?][\"']?$", text) and re.match(r"[A-Z]", line):
            text += "\n" + line  # running text again after the last list item
            in_list = False
        elif re.search(r"[A-Za-z]-$", text) and not text.endswith("--"):
            text += line
        elif trailing_spaces and not previous_had_space(parts, raw) and re.search(
            r"[a-z]$", text
        ) and re.match(r"[a-z]", line):
            text += line  # a word the repost broke in two: 'dis' + 'pute'
        else:
            text += " " + line
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def previous_had_space(parts: list[str], current: str) -> bool:
    index = parts.index(current)
    return index == 0 or parts[index - 1].endswith((" ", "\t"))


def is_heading(line: Line, following: Line | None, previous_text: str | None) -> bool:
    """A short title line between paragraphs: 'Strategic Dialogue:  Different Agendas'."""
    text = line.text.strip()
    if following is None or len(text) > 80 or len(text) < 3:
        return False
    if HEADING_DASHED.match(text):
        return True
    if LIST_ITEM.match(text) or starts_paragraph(text) or SUMMARY_CLOSE.fullmatch(text):
        return False
    if re.search(r"[.,;]['\"]*$", text) and not re.fullmatch(r"[A-Z][A-Za-z ]{0,30}\.", text):
        return False
    if not re.match(r"""^["'(]?[A-Z0-9]""", text):
        return False
    followed_by_paragraph = starts_paragraph(following.text) or (
        following.after_break and line.after_break
    )
    if not followed_by_paragraph:
        return False
    previous_ended = previous_text is None or bool(SENTENCE_END.search(previous_text.rstrip()))
    if text.endswith(".") and not (line.after_break and following.after_break):
        return False
    return previous_ended or line.after_break


def split_paragraphs(lines: list[str]) -> tuple[list[Paragraph], str | None]:
    items, trailing_spaces = body_lines(lines)
    signer = None
    signature: list[Line] = []
    if items and is_signer(items):
        signature = [items.pop()]
        signer = signature[0].text.strip()
    paragraphs: list[Paragraph] = []
    current: dict | None = None
    pending_heading: str | None = None
    last_number = 0

    def close() -> None:
        nonlocal current
        if current is not None:
            text = join_lines(current["lines"], trailing_spaces)
            paragraphs.append(Paragraph(current["number"], current["marking"], current["heading"], text))
        current = None

    for index, item in enumerate(items):
        following = items[index + 1] if index + 1 < len(items) else None
        start = PARAGRAPH_START.match(item.text)
        if start and starts_paragraph(item.text):
            number = int(start["number"])
            marking = clean_marking(start["marking"] or start["bare_marking"])
            plausible = (
                marking is not None
                or number == last_number + 1
                or (item.after_break and last_number < number <= last_number + 3)
                or (current is None and number <= 2)
            )
            if plausible:
                close()
                rest = start["rest"] if (marking or not start["marking"]) else item.text
                if not marking and start["marking"]:
                    rest = f"{start['marking']} {start['rest']}".strip()
                current = {
                    "number": number,
                    "marking": marking,
                    "heading": pending_heading,
                    "lines": [rest],
                }
                pending_heading = None
                last_number = number
                continue
        previous_text = current["lines"][-1] if current and current["lines"] else None
        if is_heading(item, following, previous_text):
            close()
            heading = item.text.strip()
            dashed = HEADING_DASHED.match(heading)
            pending_heading = join_heading(pending_heading, dashed["text"] if dashed else heading)
            continue
        if current is None or (item.after_break and current["number"] is None):
            close()
            current = {"number": None, "marking": None, "heading": pending_heading, "lines": []}
            pending_heading = None
        elif item.after_break and current["lines"]:
            current["lines"].append("")
        current["lines"].append(item.text)
    close()
    if pending_heading:
        paragraphs.append(Paragraph(None, None, pending_heading, ""))
    if signature:
        paragraphs.append(Paragraph(None, None, None, signer))
    return paragraphs, signer


def join_heading(first: str | None, second: str) -> str:
    return f"{first} {second}" if first else second


def is_signer(items: list[Line]) -> bool:
    last = items[-1].text.strip()
    if not SIGNER_LINE.match(last) or last.endswith(".") or len(items) < 2:
        return False
    if SUMMARY_CLOSE.fullmatch(last) or CAPTION_WORDS.match(last) or last in {"END", "BT"}:
        return False
    previous = items[-2].text.rstrip()
    return items[-1].after_break or bool(SENTENCE_END.search(previous))


def find_summary(paragraphs: list[Paragraph]) -> str | None:
    for index, paragraph in enumerate(paragraphs):
        opened = SUMMARY_OPEN.match(paragraph.text)
        heading_opens = paragraph.heading and re.fullmatch(
            r"-*\s*(?:BEGIN\s+)?SUMMARY\s*[.:-]*", paragraph.heading, re.IGNORECASE
        )
        if not opened and not heading_opens:
            continue
        start = opened.end() if opened else 0
        texts = [paragraph.text[start:]] + [p.text for p in paragraphs[index + 1 : index + 8]]
        collected: list[str] = []
        for position, text in enumerate(texts):
            close = SUMMARY_CLOSE.search(text)
            if close:
                collected.append(text[: close.start()])
                break
            collected.append(text)
            if position == 0 and not any(SUMMARY_CLOSE.search(t) for t in texts[1:]):
                break
        summary = "\n\n".join(part.strip() for part in collected if part.strip())
        return summary or None
    return None


# --- entry point --------------------------------------------------------------------------


def parse_cable(text: str) -> ParsedCable:
    if not isinstance(text, str):
        raise CableParseError(f"expected cable text, got {type(text).__name__}")
    try:
        return _parse(text)
    except CableParseError:
        raise
    except Exception as error:  # noqa: BLE001 - the contract: a parse error and nothing else
        raise CableParseError(f"could not read this text as a cable ({error})") from error


def _parse(text: str) -> ParsedCable:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\t", "    ")
    text = text.replace("\ufeff", "")
    if not text.strip():
        raise CableParseError("the text is empty: no reference ID, header or body")
    cable = ParsedCable()
    lines = split_metadata(text.split("\n"), cable)
    lines = split_header(lines, cable)
    lines = split_preamble(lines, cable)
    cable.paragraphs, cable.signer = split_paragraphs(lines)
    if cable.created is None and cable.date_time_group is not None:
        cable.created = cable.date_time_group
    cable.origin = cable.origin or origin_from_sender(cable.sender)
    if cable.classification:
        cable.captions[:0] = captions_in(cable.classification.replace("//", " "))
    cable.captions = list(dict.fromkeys(cable.captions))
    if cable.classification is None and cable.preamble:
        banner = BANNER_LINE.match(cable.preamble.split("\n", 1)[0].strip())
        cable.classification = fields.classification_from_banner(banner["classification"]) if banner else None
    cable.summary = find_summary(cable.paragraphs)
    ensure_cable(cable)
    return cable


def ensure_cable(cable: ParsedCable) -> None:
    evidence = [
        cable.reference_id,
        cable.header,
        cable.preamble,
        any(paragraph.marking for paragraph in cable.paragraphs),
    ]
    if not any(evidence):
        raise CableParseError(
            "not a cable: found no metadata table (Reference ID ... Origin), no routing header "
            "(DE / FM / TO lines), no banner, E.O., TAGS, SUBJECT, REF or Classified By line, "
            "and no paragraph with a portion marking such as '1. (C)'"
        )
