"""The routing header: transmission id (VZCZC...), precedence and routing indicators, the
sending station (DE ...), the date-time group, FM, TO and INFO with their addressees.

Older cables come as printouts with a distribution block (ACTION / INFO LOG-00 ...) and page
lines instead; partial extracts as a notice and a bare date-time group."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from cables.parsing.dates import DATE_TIME_GROUP, parse_date_time_group
from cables.parsing.labels import is_label_line
from cables.parsing.shapes import BANNER_LINE, ROUTING_NOISE, page_furniture
from cables.parsing.text import collapse
from cables.parsing.values import parse_recipients


@dataclass
class Routing:
    """What the routing header says; a parsed cable says it too."""

    transmission_id: str | None = None
    precedence: str | None = None
    date_time_group: datetime | None = None
    sender: str | None = None
    recipients: list[str] = field(default_factory=list)
    info_recipients: list[str] = field(default_factory=list)


@dataclass
class Header(Routing):
    text: str = ""  # as written, for the header box


_TRANSMISSION = re.compile(r"^(VZCZC[A-Z0-9]*)$")
_ROUTING = re.compile(r"^[ZOPR]{1,2}(?:\s+[A-Z]{5,7})+$")
_STATION = re.compile(r"^DE\s+[A-Z]{3,8}\s+#\s?\d+")
_ZN = re.compile(r"^ZN[YR]\s+[A-Z]{3,6}(?:\s+[A-Z]{3})*$")
_FROM = re.compile(r"^FM\s+(?P<value>[^a-z]+)$")
_TO = re.compile(r"^TO\s+(?P<value>[^a-z]+)$")
_INFO = re.compile(r"^INFO\s+(?P<value>[^a-z]+)$")
_CONTINUATION = re.compile(r"^(?:[A-Z0-9]{3,8}/[^a-z]+|[A-Z][A-Z0-9 .&/()-]*)$")
# The class line an old printout opens each section with: 'CONFIDENTIAL     PTQ1859'.
_PRINTOUT_CLASS = re.compile(r"^(?:UNCLAS(?:SIFIED)?|CONFIDENTIAL|SECRET)\s+[A-Z]{2,4}\d{3,5}$")


def is_routing_line(line: str) -> bool:
    """A line only a routing header has: VZCZC..., 'OO RUEHMO', DE, FM, TO, INFO."""
    shapes = (_TRANSMISSION, _ROUTING, _STATION, _FROM, _TO, _INFO)
    return any(shape.match(line) for shape in shapes)


def read_header(lines: list[str], *, whole: bool = False) -> tuple[Header, list[str]]:
    """The header at the top of `lines` and the lines after it. With `whole`, every line is
    header (an original page's header box); else the header ends at its first line of
    another shape."""
    reader = _Reader()
    written: list[str] = []
    index = 0
    while index < len(lines):
        raw = lines[index]
        line = raw.strip()
        if not line:
            reader.addressees = None
            if written:
                written.append("")
        elif not reader.take(line) and not whole:
            break
        else:
            written.append(raw.rstrip())
        index += 1
    header = reader.header
    if "NIACT" in " ".join(header.recipients):
        header.precedence = "NIACT"
    header.recipients = parse_recipients(header.recipients)
    header.info_recipients = parse_recipients(header.info_recipients)
    header.text = "\n".join(written).strip("\n")
    return header, lines[index:]


class _Reader:
    def __init__(self) -> None:
        self.header = Header()
        # The list that continuation lines add to: TO's or INFO's addressees.
        self.addressees: list[str] | None = None

    def take(self, line: str) -> bool:
        """Take what `line` says into the header; False when it is not a header line."""
        header = self.header
        if match := _TRANSMISSION.match(line):
            header.transmission_id = match[1]
        elif _ROUTING.match(line):
            header.precedence = header.precedence or line[0]
        elif any(shape.match(line) for shape in (_STATION, _ZN, ROUTING_NOISE, _PRINTOUT_CLASS)):
            pass
        elif (match := DATE_TIME_GROUP.match(line)) and not BANNER_LINE.match(line):
            header.date_time_group = header.date_time_group or parse_date_time_group(match)
            if match["precedence"]:
                # The first letter is the action precedence; 'NIACT' wins over it.
                words = match["precedence"].split()
                header.precedence = "NIACT" if "NIACT" in words else words[0]
        elif match := _FROM.match(line):
            header.sender = collapse(match["value"])
            self.addressees = None
        elif match := _TO.match(line):
            self.addressees = header.recipients
            header.recipients.append(match["value"])
        elif page_furniture(line) is not None:
            pass  # a printout's page line or distribution block; a release's notice
        elif match := _INFO.match(line):
            self.addressees = header.info_recipients
            header.info_recipients.append(match["value"])
        elif (
            self.addressees is not None
            and _CONTINUATION.match(line)
            and not BANNER_LINE.match(line)
            and not is_label_line(line)
        ):
            self.addressees.append(line)
        else:
            return False
        return True
