"""The lines of a cable's text above paragraph 1: the captions (SENSITIVE, NOFORN, SIPDIS),
addressing lines, the E.O. line, TAGS, SUBJECT, REF and the Classified By line, each written
as the cable's style says (with or without colons, wrapped or not)."""

from __future__ import annotations

import random
import re
from datetime import datetime, timedelta

from corpus.chance import zipf_pick
from corpus.layout import WIDTH
from corpus.origins import Origin, invented_name, signer_at
from corpus.shapes import Style, addressing_lines
from corpus.vocabulary import (
    CLASSIFIED_BY,
    CLASSIFIED_BY_CAPITALS,
    CLASSIFIED_BY_NO_COLON,
    CLASSIFIER_TITLES,
    FIRST_NAMES,
    LAST_NAMES,
    STATE_TITLES,
)

# A subject line is not wrapped where its second line would read as a banner or a field.
_NOT_A_SUBJECT_LINE = ("UNCLAS", "CONFIDENTIAL", "SECRET", "SENSITIVE", "TAGS")
_REASONS = re.compile(r"[,;.]?\s*(?:for\s+)?reasons?\b", re.IGNORECASE)


def captions(rng: random.Random, origin: Origin, classification: str, year: int) -> list[str]:
    """The handling captions, SIPDIS last: a section banner repeats the last of them."""
    captions = ["SIPDIS"] if year >= 2005 else []
    if classification.endswith("NOFORN"):
        captions.insert(0, "NOFORN")
    if classification.startswith("UNCLASSIFIED//") and rng.random() < 0.7:
        captions.insert(0, "SENSITIVE")
    if origin.kind == "state" and year >= 2005:
        captions = [c for c in captions if c != "SIPDIS"] + ["SIPDIS"]
    return captions


def preamble(
    rng: random.Random,
    *,
    origin: Origin,
    captions: list[str],
    classified: bool,
    created: datetime,
    tags: list[str],
    subject: str,
    ref_text: str,
    style: Style,
) -> list[str]:
    """The lines from the captions to the blank line before paragraph 1."""
    eo = _eo_line(rng, classified, created, style)
    subject_lines = _subject_lines(rng, subject, style)
    head: list[str] = []
    if captions:
        head.extend(captions)
        head.append("")
    if style.addressing_lines:
        names = [name.split()[-1] for name in LAST_NAMES]
        head.extend(addressing_lines(rng, style.addressing_lines, names))
        head.append("")
    head.append(eo)
    head.extend(_tags_lines(tags, style))
    head.extend(subject_lines)
    if ref_text:
        head.extend(ref_text.split("\n"))
    head.append("")
    if classified:
        head.extend(_classified_by(rng, origin, created.year, style))
        head.append("")
    return head


def _eo_line(rng: random.Random, classified: bool, created: datetime, style: Style) -> str:
    """The executive order the cable is classified under, and when it declassifies."""
    year = created.year
    if not classified:
        eo = "E.O. 12958: N/A"
    elif year < 1982:
        eo = "E.O. 12065: GDS"
    elif year < 1995:
        eo = "E.O. 12356: DECL: OADR"
    else:
        decl = created + timedelta(days=3650 + rng.choice((0, 0, 0, 1, 3, 5)))
        if rng.random() < 0.1:
            decl = created + timedelta(days=365 * 25)
        order = 13526 if year == 2010 and rng.random() < 0.5 else 12958
        eo = f"E.O. {order}: DECL: {decl:%m/%d/%Y}"
    if style.plain_labels:
        eo = eo.replace("E.O. ", "EO ").replace(": ", " ", 1)
    return eo


def _subject_lines(rng: random.Random, subject: str, style: Style) -> list[str]:
    """The SUBJECT line, most long ones run on to a second line."""
    line = f"{'SUBJ' if style.subject_short_label else 'SUBJECT'}: {subject}"
    if len(line) > WIDTH and rng.random() < 0.7:
        cut = line.rfind(" ", 0, WIDTH)
        rest = line[cut + 1 :]
        safe = not rest.startswith(_NOT_A_SUBJECT_LINE)
        if cut > 10 and safe and " " in rest and not rest[0].isdigit():
            return [line[:cut], rest]
    return [line]


def _tags_lines(tags: list[str], style: Style) -> list[str]:
    written = ("TAGS " + ", ".join(tags)) if style.plain_labels else "TAGS: " + " ".join(tags)
    if style.tags_wrap and len(tags) > 2:
        cut = written.rfind(" ", 0, len(written) * 2 // 3)
        return [written[:cut], written[cut + 1 :]]
    return [written]


def _classified_by(rng: random.Random, origin: Origin, year: int, style: Style) -> list[str]:
    """'Classified By: Ambassador William J. Burns for reasons 1.4 (b) and (d)', on one line
    or with the reasons on the next."""
    if origin.kind == "state":
        title = rng.choice(STATE_TITLES)
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    else:
        title = zipf_pick(rng, CLASSIFIER_TITLES, 1.0)
        name = signer_at(origin, year) if title == "Ambassador" else invented_name(rng)
    template = zipf_pick(rng, CLASSIFIED_BY, 0.7)
    if style.classified_capitals:
        template = CLASSIFIED_BY_CAPITALS
    elif style.classified_no_colon:
        template = CLASSIFIED_BY_NO_COLON
    line = template.format(title=title, name=name, TITLE=title.upper(), NAME=name.upper())
    reasons = _REASONS.search(line)
    if style.classified_wrapped and reasons:
        return [line[: reasons.start() + 1].rstrip(), line[reasons.start() + 1 :].strip()]
    return [line]
