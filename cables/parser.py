"""Turn the text of a diplomatic cable into a `ParsedCable`.

Pure Python, no Django: the importer stores what this returns, the tests feed it the messy
forms real cables come in. `parse_cable` accepts a whole cable or any fragment of one (a
header alone, a TAGS line alone); it raises `CableParseError`, and nothing else, when the
text is not a cable at all.

A cable reads, top to bottom: the metadata table (Reference ID, Created, Released,
Classification, Origin), the routing header (VZCZC..., DE ..., the date-time group, FM, TO,
INFO), the preamble (classification banner, captions, E.O. line, TAGS, SUBJECT, REF,
Classified By) and the body (numbered paragraphs with portion markings, section headings,
the signature). Page-break lines can interrupt any of these. This module finds where each
part is; `cables.parsing_fields` reads the value of each field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from cables import fields
from cables.parsing_fields import (
    CLASSIFIED_BY_LABEL,
    REASON_LABEL,
    REASON_SECTION,
    REF_ITEM_MARKER,
    captions_in,
    clean_marking,
    collapse,
    normalize_reference_id,
    origin_from_sender,
    parse_classified_by,
    parse_date_time_group,
    parse_declassify_on,
    parse_reasons,
    parse_recipients,
    parse_references,
    parse_timestamp,
    split_tags,
    strip_marking,
)

# Other modules read cable ids and timestamps through the parser.
__all__ = [
    "CableParseError",
    "MediaArticle",
    "Paragraph",
    "ParsedCable",
    "TAGS_LABEL",
    "is_preamble_field",
    "normalize_reference_id",
    "parse_cable",
    "parse_timestamp",
]


class CableParseError(ValueError):
    """The text is not a cable; the message says what is missing."""


@dataclass(frozen=True)
class Paragraph:
    number: int | None
    marking: str | None
    heading: str | None
    text: str


@dataclass(frozen=True)
class MediaArticle:
    """A news article that cites the cable, as the original page listed it."""

    url: str
    title: str


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
    # 'Appears in these articles' on an original page; cable text itself has none.
    articles: list[MediaArticle] = field(default_factory=list)
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

# 'Embassy Moscow', 'USUN New York', 'REO Basrah': words, no digits, no sentence.
ORIGIN_NAME = re.compile(r"^[A-Za-z][A-Za-z .'()&/-]{1,60}$")

TRANSMISSION_LINE = re.compile(r"^(VZCZC[A-Z0-9]*)$")
ROUTING_LINE = re.compile(r"^[ZOPR]{1,2}(?:\s+[A-Z]{5,7})+$")
DE_LINE = re.compile(r"^DE\s+[A-Z]{3,8}\s+#\s?\d+")
ZN_LINE = re.compile(r"^ZN[YR]\s+[A-Z]{3,6}(?:\s+[A-Z]{3})?$")
DTG_LINE = re.compile(
    r"^(?P<precedence>(?:NIACT\s+)?[ZOPR](?:\s+[ZOPR])?\s+)?"
    r"(?P<day>\d{2})(?P<hour>\d{2})(?P<minute>\d{2})Z\s*(?P<month>[A-Za-z]{3})\s*"
    r"(?P<year>\d{4}|\d{2})\b"
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
# Each part of the tail is atomic, (?>...): once 'MOSCOW 000601' has matched, the regex does
# not try every other way to split the words, which took minutes on long lines of capitals.
BANNER_LINE = re.compile(
    rf"^(?P<classification>{SPACED_CLASSIFICATION})"
    r"(?P<tail>(?:\s+(?>E\s?F\s?T\s?O|SECTION\s+\d+\s+OF\s+\d+|[A-Z][A-Z0-9 .'/-]*?\s+0*\d{1,6}|"
    r"[A-Z]{3,10}))*)\s*$"
)
SECTION_OF = re.compile(r"SECTION\s+\d+\s+OF\s+\d+")
BANNER_SERIAL = re.compile(
    r"(?:^|\s)(?P<origin>[A-Z][A-Z .'-]*?)\s+0*(?P<serial>\d{1,6})\s*(?:\s[A-Z ]+)?$"
)
# 'MOSCOW 00000601  002 OF 002', and the older 'PAGE 02  MOSCOW 00601 091554Z'.
PAGE_BREAK_LINE = re.compile(
    r"^\s*(?:[A-Z][A-Z .'/-]*?\s+0*\d{1,8}\s+0*\d{1,3}\s+OF\s+0*\d{1,3}"
    r"|PAGE\s+\d+\s+[A-Z].*\d{6}Z)\s*$"
)
ADDRESSING_LINE = re.compile(
    r"^[A-Z][A-Z0-9/ ,.&-]*\s(?:FOR|PASS(?:\s+TO)?|ALSO FOR)\s+\S[^a-z]*$"
    r"|^(?:FOR|PASS TO)\s+[^a-z]+$"
)

# Labels are matched in any case. Written without a colon, a label must be followed by
# capitals, as cables write their values: so prose such as 'Subject to change' or 'Tags were
# found' is not read as a field.
EO_LINE = re.compile(r"^E\.?\s?O\.?\s*\d{5}\b|^EO\s*\d{5}\b", re.IGNORECASE)
TAGS_LABEL = re.compile(
    r"(?:^|\s)(?P<label>TAGS?|TAGE|TAGSS|TAFS|TGAS|TASG|TAGD|TAHS|TAQS|TSGS)"
    r"\s*(?:[:.;]\s*|\s+(?=(?-i:[A-Z]{2})))",
    re.IGNORECASE,
)
SUBJECT_LABEL = re.compile(
    r"^(?P<label>SUBJECT|SUBJ|SUBJEC|SUBJET|SUBECT|SUBJCT|SUJBECT)"
    r"\s*(?:[:.;-]\s*|\s+(?=(?-i:[A-Z0-9(])))",
    re.IGNORECASE,
)
REF_LABEL = re.compile(
    r"^(?P<label>REFS?|REFERENCES?|REFTELS?|REF\s+TEL)\s*(?:[:.;-]\s*|\s+(?=(?-i:[A-Z0-9(])))",
    re.IGNORECASE,
)

PARAGRAPH_START = re.compile(
    r"^\s*(?P<number>\d{1,3})\s*[.)]\s*(?:(?P<marking>\(\s*[A-Za-z][A-Za-z/ ,]{0,30}\))|"
    r"(?P<bare_marking>[A-Z]{1,3}(?:/[A-Z]{1,5})?\)))?\s*(?P<rest>.*)$"
)
# A number opens a paragraph only when a space or a marking follows: '2.5 million' does not.
PARAGRAPH_NUMBER = re.compile(r"^\s*\d{1,3}\s*[.)](?:\s|\(|$)")
MARKED_START = re.compile(r"^\s*(?P<marking>\(\s*[A-Za-z][A-Za-z/ ,]{0,30}\))\s*(?P<rest>.*)$")
LETTERED_ITEM = re.compile(r"^\s*\([A-Za-z]\)")
LIST_ITEM = re.compile(r"^(?:-{1,3}|\*|o|[A-Z]\.|\([A-Za-z0-9]{1,3}\)|[a-z]\)|[ivx]+\))\s")
HEADING_DASHED = re.compile(r"^-{2,}\s*(?P<text>[^-].*?)\s*-{2,}$")
PILCROW = re.compile(r"^[ \t]*\u00b6[ \t]*(?=\d)", re.MULTILINE)
UNDERLINE = re.compile(r"^(?:-{3,}|={3,})$")
SUMMARY_OPEN = re.compile(
    r"^(?:-+\s*)?(?:BEGIN\s+)?SUMMARY(?:\s+AND\s+(?:COMMENT|ACTION\s+REQUESTS?))?"
    r"\s*(?:-+\s*)?(?:[.:;-]+\s*|\s+(?=\S)|$)",
    re.IGNORECASE,
)
# The opener as a line of its own, strict enough that 'SUMMARY OF EVENTS' in a wrapped
# subject is not taken for it.
SUMMARY_OPEN_LINE = re.compile(
    r"^(?:-+\s*)?(?:BEGIN\s+SUMMARY\b|SUMMARY(?:\s+AND\s+(?:COMMENT|ACTION\s+REQUESTS?))?"
    r"\s*(?:[.:;-]|$))",
    re.IGNORECASE,
)
SUMMARY_CLOSE = re.compile(r"\s*\(?\s*END\s+(?:OF\s+)?SUMMARY\s*\)?\s*[.:;-]*\s*", re.IGNORECASE)
SIGNER_LINE = re.compile(r"^[A-Z][A-Z.'-]*(?:\s+[A-Z][A-Z.'-]*){0,3}$")
SENTENCE_END = re.compile(r"""[.!?:)"'\]]$""")

CAPTION_WORDS = re.compile(
    r"^(?:SIPDIS|NOFORN|NODIS|EXDIS|LIMDIS|STADIS|EFTO|E F T O|ROGER|NOCONTRACT|ORCON|PROPIN|"
    r"SENSITIVE|CHEROKEE|TERREP|REL\s+(?:TO\s+)?[A-Z, ]+|SBU|DEPT ALSO FOR\s.*)$"
)


# --- the parts of a cable -------------------------------------------------------------------


def split_metadata(lines: list[str], cable: ParsedCable) -> list[str]:
    """Read the metadata table and return the lines after it (page chrome before it dropped)."""
    for index, line in enumerate(lines):
        if METADATA_LABELS.match(line):
            return read_metadata_values(lines, index + 1, cable)
        row = METADATA_ROW.match(line)
        if row and index < 12:
            apply_metadata(row, cable)
            return lines[index + 1 :]
    return lines


def read_metadata_values(lines: list[str], start: int, cable: ParsedCable) -> list[str]:
    """The values under the labels: one row, or one value a line (copied from a table)."""
    positions = [
        index for index in range(start, min(start + 9, len(lines))) if lines[index].strip()
    ]

    def row_of(count: int) -> re.Match | None:
        return METADATA_ROW.match(" ".join(lines[index].strip() for index in positions[:count]))

    for count in range(1, len(positions) + 1):
        row = row_of(count)
        if row is None:
            continue
        # Four values already make a row; the origin is the fifth, on the next line when the
        # values come one a line.
        if not row["origin"] and count < len(positions) and is_origin_line(lines[positions[count]]):
            row, count = row_of(count + 1) or row, count + 1
        apply_metadata(row, cable)
        return lines[positions[count - 1] + 1 :]
    return lines[start:]


def is_origin_line(line: str) -> bool:
    """'Embassy Brasilia' under the timestamps and class, not the routing header's first line."""
    text = line.strip()
    if not ORIGIN_NAME.match(text):
        return False
    header_line = any(
        shape.match(text)
        for shape in (TRANSMISSION_LINE, ROUTING_LINE, DE_LINE, DTG_LINE, FM_LINE, BANNER_LINE)
    )
    return not header_line and not is_preamble_field(text) and not PAGE_BREAK_LINE.match(text)


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
                header.append(line)
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
                # The first letter is the action precedence; 'NIACT' wins over it.
                words = match["precedence"].split()
                cable.precedence = "NIACT" if "NIACT" in words else words[0]
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


def starts_paragraph(line: str) -> bool:
    return bool(PARAGRAPH_NUMBER.match(line)) and bool(PARAGRAPH_START.match(line))


def marking_opening(line: str) -> tuple[str, str] | None:
    """'(SBU) Embassy Ottawa ...' -> ('SBU', 'Embassy Ottawa ...'): a paragraph marked but not
    numbered. None when the parenthesis holds no portion marking."""
    match = MARKED_START.match(line)
    marking = clean_marking(match["marking"]) if match else None
    return (marking, match["rest"]) if match and marking else None


def starts_body(line: str) -> bool:
    """A line that can only be body text: a paragraph opening or the summary's opener."""
    if starts_paragraph(line) or SUMMARY_OPEN_LINE.match(line):
        return True
    return marking_opening(line) is not None


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
            current = None
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
    if starts_body(line):
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
    """Whether `line` (no label of its own) carries on the field `kind` begun in `block`."""
    if starts_body(line):
        return False
    if kind == "tags":
        return not re.search(r"[a-z]", line) and len(line) < 80 and not BANNER_LINE.match(line)
    if kind == "subject":
        # Subjects written in capitals wrap onto capitals; a line in mixed case is the body.
        written = SUBJECT_LABEL.sub("", " ".join(block), count=1)
        capitals_only = not re.search(r"[a-z]", written)
        return len(block) < 4 and not (capitals_only and re.search(r"[a-z]{2}", line))
    if kind == "ref":
        return bool(REF_ITEM_MARKER.match(line)) or not re.search(r"[a-z]", line)
    if kind == "classified":
        text = " ".join(block)
        if not REASON_SECTION.search(REASON_LABEL.split(text, maxsplit=1)[-1]):
            return len(block) < 3
        return bool(re.match(r"^(?:and|or|&|,|\(|[a-hA-H]\b|1\s*[.,]\s*[45])", line, re.IGNORECASE))
    return False


def apply_preamble(blocks: dict[str, list[str]], cable: ParsedCable) -> None:
    dated = cable.created or cable.date_time_group
    year = dated.year if dated else None
    for line in blocks.get("banner", []):
        match = BANNER_LINE.match(line)
        if not match:
            continue
        cable.captions.extend(captions_in(match["tail"]))
        serial = BANNER_SERIAL.search(SECTION_OF.sub("", match["tail"]).strip())
        if serial and not cable.reference_id and year:
            origin = fields.reference_origin(serial["origin"].replace(" ", ""))
            cable.reference_id = f"{year % 100:02d}{origin}{int(serial['serial'])}"
    for line in blocks.get("caption", []):
        cable.captions.extend(captions_in(line, caption_line=True))
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


def classification_from_preamble(cable: ParsedCable) -> str | None:
    """The class of the release from the banner and the captions, for a cable without its
    metadata row: a NOFORN caption makes 'SECRET//NOFORN', a SENSITIVE one (or limited
    official use) the 'for official use only' class."""
    banner = BANNER_LINE.match(cable.preamble.split("\n", 1)[0].strip()) if cable.preamble else None
    classification = fields.classification_from_banner(banner["classification"]) if banner else None
    if classification in {"CONFIDENTIAL", "SECRET"} and "NOFORN" in cable.captions:
        return f"{classification}//NOFORN"
    if classification == "UNCLASSIFIED" and "SENSITIVE" in cable.captions:
        return "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
    return classification


# --- the body ------------------------------------------------------------------------------


@dataclass
class Line:
    text: str
    after_break: bool = False  # follows a blank line: a paragraph may start here
    after_page_break: bool = False  # follows a removed page break or section banner
    underlined: bool = False  # a line of dashes under it, dropped: a heading


def body_lines(lines: list[str]) -> tuple[list[Line], bool]:
    """Drop page breaks, section banners and end-of-message lines; mark what follows a gap.

    Page breaks fall anywhere, mid-sentence included, and blank lines are often printed
    around them: across a break those blank lines separate paragraphs only when the text
    before the break had ended a sentence. Also says whether nearly every line ends with a
    space (a repost that kept the original line ends), which `join_lines` relies on.
    """
    result: list[Line] = []
    nonblank = [line for line in lines if line.strip()]
    ending_in_space = sum(line.endswith(" ") for line in nonblank)
    trailing_spaces = bool(nonblank) and ending_in_space >= 0.8 * len(nonblank)
    blank_before = page_break = after_banner = False
    for raw in lines:
        line = raw.strip()
        if not line:
            blank_before = True
            continue
        if PAGE_BREAK_LINE.match(line) or (BANNER_LINE.match(line) and SECTION_OF.search(line)):
            page_break = True
            after_banner = bool(BANNER_LINE.match(line))
            continue
        if (after_banner and CAPTION_WORDS.match(line)) or ROUTING_NOISE.match(line):
            continue
        if UNDERLINE.match(line):
            # A rule under a line makes it a heading; a rule on its own is decoration.
            if result and not blank_before:
                result[-1].underlined = True
            continue
        after_banner = False
        after_break = blank_before
        if page_break and result:
            after_break = blank_before and bool(SENTENCE_END.search(result[-1].text.rstrip()))
        result.append(Line(raw.lstrip(), after_break=after_break, after_page_break=page_break))
        blank_before = page_break = False
    return result, trailing_spaces


def join_lines(parts: list[str], trailing_spaces: bool) -> str:
    """Join wrapped lines into running text; list items keep their own line.

    The checks look at the last characters only (`text[-2:]`), not the whole text so far:
    a regex anchored with `$` still scans from the start, which made long cables slow."""
    text = ""
    in_list = False
    for index, raw in enumerate(parts):
        line = raw.strip()
        previous_raw = parts[index - 1] if index else ""
        if not text:
            text = line
            in_list = bool(LIST_ITEM.match(line))
        elif line == "":
            text += "\n"
            in_list = False
        elif LIST_ITEM.match(line) or text.endswith("\n"):
            text = text.rstrip(" ") + "\n" + line
            in_list = bool(LIST_ITEM.match(line))
        elif in_list and re.search(r"[.!?][\"']?$", text[-2:]) and re.match(r"[A-Z]", line):
            text += "\n" + line  # running text again after the last list item
            in_list = False
        elif re.search(r"[A-Za-z]-$", text[-2:]) and not text.endswith("--"):
            text += line  # 'politically-' + 'charged'
        elif (
            trailing_spaces
            and not previous_raw.endswith((" ", "\t"))
            and re.search(r"[a-z]$", text[-1:])
            and re.match(r"[a-z]", line)
        ):
            # Where every line ends with a space, one that does not is a word the repost
            # broke in two: 'dis' + 'pute'.
            text += line
        else:
            text += " " + line
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def is_heading(line: Line, following: Line | None, previous_text: str | None) -> bool:
    """A short title line between paragraphs: 'Strategic Dialogue:  Different Agendas'."""
    text = line.text.strip()
    if following is None or len(text) > 80 or len(text) < 3:
        return False
    if HEADING_DASHED.match(text) or line.underlined:
        return True
    if LIST_ITEM.match(text) or starts_body(text) or SUMMARY_CLOSE.fullmatch(text):
        return False
    if re.search(r"[.,;]['\"]*$", text) and not re.fullmatch(r"[A-Z][A-Za-z ]{0,30}\.", text):
        return False
    if not re.match(r"""^["'(]?[A-Z0-9]""", text):
        return False
    set_apart = line.after_break or line.after_page_break
    followed_by_paragraph = starts_body(following.text) or (
        following.after_break and line.after_break
    )
    if not followed_by_paragraph:
        return False
    previous_ended = previous_text is None or bool(SENTENCE_END.search(previous_text.rstrip()))
    if text.endswith(".") and not (line.after_break and following.after_break):
        return False
    return previous_ended or set_apart


@dataclass
class OpenParagraph:
    number: int | None
    marking: str | None
    heading: str | None
    lines: list[str]


def paragraph_opening(
    item: Line, last_number: int, current: OpenParagraph | None
) -> tuple[int | None, str | None, str] | None:
    """(number, marking, first line) when `item` opens a paragraph, else None."""
    start = PARAGRAPH_START.match(item.text)
    if start and starts_paragraph(item.text):
        number = int(start["number"])
        marking = clean_marking(start["marking"] or start["bare_marking"])
        # Without a marking, only a number that follows on is a paragraph: a wrapped date
        # ('on March\n15. The ...') is not.
        plausible = (
            marking is not None
            or number == last_number + 1
            or (item.after_break and last_number < number <= last_number + 3)
            or (current is None and number <= 2)
        )
        if plausible:
            rest = start["rest"]
            if not marking and (start["marking"] or start["bare_marking"]):
                rest = f"{start['marking'] or start['bare_marking']} {rest}".strip()
            return number, marking, rest
    opening = marking_opening(item.text)
    # '(C)' after '(B)' is the next item of a lettered list, not a marking.
    last_line = current.lines[-1] if current and current.lines else ""
    set_apart = current is None or item.after_break or item.after_page_break
    if opening and set_apart and not LETTERED_ITEM.match(last_line):
        return None, opening[0], opening[1]
    return None


def split_paragraphs(lines: list[str]) -> tuple[list[Paragraph], str | None]:
    items, trailing_spaces = body_lines(lines)
    signer = None
    if items and is_signer(items):
        signer = items.pop().text.strip()
    paragraphs: list[Paragraph] = []
    current: OpenParagraph | None = None
    pending_heading: str | None = None
    last_number = 0

    def close() -> None:
        nonlocal current
        if current is not None:
            text = join_lines(current.lines, trailing_spaces)
            paragraphs.append(Paragraph(current.number, current.marking, current.heading, text))
        current = None

    for index, item in enumerate(items):
        following = items[index + 1] if index + 1 < len(items) else None
        opening = paragraph_opening(item, last_number, current)
        if opening:
            close()
            number, marking, rest = opening
            current = OpenParagraph(number, marking, pending_heading, [rest])
            pending_heading = None
            last_number = number if number is not None else last_number
            continue
        previous_text = current.lines[-1] if current and current.lines else None
        if is_heading(item, following, previous_text):
            close()
            heading = item.text.strip()
            dashed = HEADING_DASHED.match(heading)
            pending_heading = join_heading(pending_heading, dashed["text"] if dashed else heading)
            continue
        if current is None or (item.after_break and current.number is None):
            close()
            current = OpenParagraph(None, None, pending_heading, [])
            pending_heading = None
        elif item.after_break and current.lines:
            current.lines.append("")
        current.lines.append(item.text)
    close()
    if pending_heading:
        paragraphs.append(Paragraph(None, None, pending_heading, ""))
    if signer:
        # The signature stays in the body, where the reader of the cable expects it.
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
    """The text between 'Summary:' (or 'BEGIN SUMMARY', or a SUMMARY heading) and 'End
    Summary', across paragraphs; without a closing line, the opening paragraph alone."""
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
    for old, new in (("\r\n", "\n"), ("\r", "\n"), ("\u00a0", " "), ("\t", "    "), ("\ufeff", "")):
        text = text.replace(old, new)
    # Text copied from an original cable page keeps the paragraph links: '¶3. (C) ...'.
    text = PILCROW.sub("", text)
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
    cable.classification = cable.classification or classification_from_preamble(cable)
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
