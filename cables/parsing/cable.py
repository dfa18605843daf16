"""A whole cable: what `parse_cable` returns, and how the parts are read in turn.

A cable reads, top to bottom: the metadata table, the routing header, the opening of the body
(banner, captions, E.O., TAGS, SUBJECT, REF, Classified By) and the body (numbered paragraphs,
headings, the signature). `parse_cable` takes plain text and finds where each part begins;
`parse_cable_parts` takes the parts an original page or a cables.csv row already separates.
Either raises `CableParseError`, and nothing else, for what is not a cable."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from cables import fields
from cables.parsing.body import ParsedParagraph, split_paragraphs
from cables.parsing.closing import find_summary, take_signer
from cables.parsing.dates import parse_declassify_on
from cables.parsing.header import Header, Routing, read_header
from cables.parsing.joining import body_lines
from cables.parsing.metadata import Metadata, read_metadata
from cables.parsing.preamble import Opening, read_opening
from cables.parsing.references import parse_references
from cables.parsing.shapes import BANNER_LINE, BANNER_SERIAL, SECTION_OF
from cables.parsing.text import collapse, normalise
from cables.parsing.values import (
    captions_in,
    origin_from_sender,
    parse_classified_by,
    parse_reasons,
    split_tags,
    strip_marking,
)


class CableParseError(ValueError):
    """The text is not a cable; the message says what is missing."""


@dataclass(frozen=True)
class MediaArticle:
    """A news article that cites the cable, as the original page listed it."""

    url: str
    title: str


@dataclass
class ParsedCable(Routing, Metadata):
    """A cable as the parser read it: its metadata table's values, its routing header's, and
    what its preamble, body and closing say."""

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
    paragraphs: list[ParsedParagraph] = field(default_factory=list)
    # 'Appears in these articles' on an original page; cable text itself has none.
    articles: list[MediaArticle] = field(default_factory=list)
    # The routing header and the preamble as written, for the header box and the body box.
    header: str = ""
    preamble: str = ""


def parse_cable(text: str) -> ParsedCable:
    """Plain cable text, or any fragment of one (a header alone, a TAGS line alone)."""

    def read() -> ParsedCable:
        metadata, lines = read_metadata(_lines(text))
        header, lines = read_header(lines)
        return _assemble(metadata, header, lines, repost=True)

    return _guarded(text, read)


def parse_cable_parts(*, metadata: Metadata | None, header: str, body: str) -> ParsedCable:
    """A cable whose parts come apart already: an original page's table, header box and body
    box, or a cables.csv row's columns."""

    def read() -> ParsedCable:
        header_lines = _lines(header)
        table = metadata
        if table is None:  # a generated cables.csv puts the table atop its header column
            table, header_lines = read_metadata(header_lines)
        header_read, _ = read_header(header_lines, whole=True)
        return _assemble(table, header_read, _lines(body), repost=False)

    return _guarded(header + body, read)


def _guarded(text: object, read: Callable[[], ParsedCable]) -> ParsedCable:
    if not isinstance(text, str):
        raise CableParseError(f"expected cable text, got {type(text).__name__}")
    if not normalise(text).strip():
        raise CableParseError("the text is empty: no reference ID, header or body")
    try:
        cable = read()
    except CableParseError:
        raise
    except Exception as error:  # noqa: BLE001 - the contract: a parse error and nothing else
        raise CableParseError(f"could not read this text as a cable ({error})") from error
    _ensure_cable(cable)
    return cable


def _values(read: object, part: type) -> dict[str, Any]:
    """The values `read` has of `part`'s fields (Metadata, Routing), by name."""
    return {name.name: getattr(read, name.name) for name in dataclasses.fields(part)}


def _lines(text: str) -> list[str]:
    return normalise(text).split("\n") if text else []


def _assemble(
    metadata: Metadata | None, header: Header, lines: list[str], *, repost: bool
) -> ParsedCable:
    """The parsed cable. A `repost` (plain text, maybe copied from a blog) may have words
    broken in two at its line ends, which are joined again; an original page has none."""
    cable = ParsedCable(
        **(_values(metadata, Metadata) if metadata is not None else {}),
        **_values(header, Routing),
        header=header.text,
    )
    opening = read_opening(lines)
    cable.preamble = opening.text
    _apply_opening(opening, cable)
    items, trailing_spaces = body_lines(opening.body(lines))
    # The signature line leaves the body before it is split: the signer is no paragraph (no
    # anchor, no thread); the page shows the name where the cable ends.
    cable.signer = take_signer(items)
    cable.paragraphs = _marked_entire(
        split_paragraphs(items, trailing_spaces=trailing_spaces and repost), cable.preamble
    )
    if cable.classified_by is None:
        _classified_in_body(cable)
    if cable.created is None and cable.date_time_group is not None:
        cable.created = cable.date_time_group
    cable.origin = cable.origin or origin_from_sender(cable.sender)
    if cable.classification:
        cable.captions[:0] = captions_in(cable.classification.replace("//", " "))
    cable.captions = list(dict.fromkeys(cable.captions))
    cable.classification = cable.classification or _classification_from_opening(opening, cable)
    cable.summary = find_summary(cable.paragraphs)
    return cable


def _apply_opening(opening: Opening, cable: ParsedCable) -> None:
    dated = cable.created or cable.date_time_group
    year = dated.year if dated else None
    for line in opening.banners:
        match = BANNER_LINE.match(line)
        if not match:
            continue
        cable.captions.extend(captions_in(match["tail"]))
        serial = BANNER_SERIAL.search(SECTION_OF.sub("", match["tail"]).strip())
        if serial and not cable.reference_id and year:
            origin = fields.reference_origin(serial["origin"].replace(" ", ""))
            cable.reference_id = f"{year % 100:02d}{origin}{int(serial['serial'])}"
    for line in opening.captions:
        cable.captions.extend(captions_in(line, caption_line=True))
    if (eo := opening.value("eo")) is not None:
        cable.declassify_on = parse_declassify_on(eo)
    if (tags := opening.value("tags")) is not None:
        cable.tags = split_tags(tags)
    if (subject := opening.value("subject")) is not None:
        cable.subject = strip_marking(collapse(subject)) or None
    if (references := opening.value("ref")) is not None:
        cable.references, cable.other_references = parse_references(references, year=year)
    if (classified := opening.value("classified")) is not None:
        cable.classified_by = parse_classified_by(classified)
        cable.classification_reasons = parse_reasons(classified)


_ENTIRE_TEXT = re.compile(
    r"(?:^|\(|\s)(?P<marking>UNCLASSIFIED|UNCLAS|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE|LOU|SBU"
    r"|C|S|U)\s*(?:[-:,]+\s*)?\)?\s*ENTIRE\s+TEXT\b"
    r"|ENTIRE\s+TEXT\s+(?:IS\s+)?(?P<after>UNCLASSIFIED|CONFIDENTIAL|SECRET)\b",
    re.IGNORECASE,
)


def _marked_entire(paragraphs: list[ParsedParagraph], preamble: str) -> list[ParsedParagraph]:
    """'1. (C - ENTIRE TEXT).', 'CONFIDENTIAL - ENTIRE TEXT': one marking for the whole text,
    given to every paragraph from where it is written on that has none of its own."""
    if match := _ENTIRE_TEXT.search(preamble):
        start = 0
    else:
        found = (
            (index, _ENTIRE_TEXT.search(paragraph.text[:80]))
            for index, paragraph in enumerate(paragraphs[:3])
        )
        start, match = next(((index, found) for index, found in found if found), (0, None))
    if match is None:
        return paragraphs
    marking = (match["marking"] or match["after"]).upper()
    return paragraphs[:start] + [
        dataclasses.replace(paragraph, implied_marking=marking)
        if paragraph.marking is None and paragraph.text
        else paragraph
        for paragraph in paragraphs[start:]
    ]


_CLASSIFIED_IN_TEXT = re.compile(r"\bClassified\s+by\b", re.IGNORECASE)


def _classified_in_body(cable: ParsedCable) -> None:
    """'1. (U) Classified by Ambassador ... for reasons 1.5 (B) and (D).': the classifier
    written in the first paragraphs rather than in the opening."""
    for paragraph in cable.paragraphs[:3]:
        if match := _CLASSIFIED_IN_TEXT.search(paragraph.text):
            sentence = re.split(r"(?<=\.)\s+(?=[A-Z])|\n", paragraph.text[match.start() :])
            text = sentence[0] if parse_reasons(sentence[0]) else paragraph.text[match.start() :]
            cable.classified_by = parse_classified_by(text[:300])
            cable.classification_reasons = parse_reasons(text[:300])
            return


def _classification_from_opening(opening: Opening, cable: ParsedCable) -> str | None:
    """The class of the release from the banner and the captions, for a cable without its
    metadata row: a NOFORN caption makes 'SECRET//NOFORN', a SENSITIVE one (or limited
    official use) the 'for official use only' class."""
    banner = BANNER_LINE.match(opening.banners[0]) if opening.banners else None
    classification = fields.classification_from_banner(banner["classification"]) if banner else None
    if classification in {"CONFIDENTIAL", "SECRET"} and "NOFORN" in cable.captions:
        return f"{classification}//NOFORN"
    if classification == "UNCLASSIFIED" and "SENSITIVE" in cable.captions:
        return "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
    return classification


def _ensure_cable(cable: ParsedCable) -> None:
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
