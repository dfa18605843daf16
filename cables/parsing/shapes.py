"""The shapes of lines that are not the cable's prose: classification banners, handling
captions, addressing lines, and the page furniture of a teletype printout (page and section
breaks, page footers, old distribution blocks, the date lines and notices the release added).

Page furniture can fall anywhere, mid-sentence included; `page_furniture` says whether a line
is furniture and gives back any text the printout glued after it."""

from __future__ import annotations

import re

_SPACED_CLASSIFICATION = (
    r"U\s?N\s?C\s?L\s?A\s?S(?:\s?S\s?I\s?F\s?I\s?E\s?D)?"
    r"|C\s?O\s?N\s?F\s?I\s?D\s?E\s?N\s?T\s?I\s?A\s?L"
    r"|S\s?E\s?C\s?R\s?E\s?T"
    r"|L\s?I\s?M\s?I\s?T\s?E\s?D\s+O\s?F\s?F\s?I\s?C\s?I\s?A\s?L\s+U\s?S\s?E"
)
# Each part of the tail is atomic, (?>...): once 'MOSCOW 000601' has matched, the regex does
# not try every other way to split the words, which took minutes on long lines of capitals.
BANNER_LINE = re.compile(
    rf"^(?P<classification>{_SPACED_CLASSIFICATION})"
    r"(?P<tail>(?:\s+(?>E\s?F\s?T\s?O|SECTION\s+\d+\s+OF\s+\d+|[A-Z]{2,4}\d{3,5}|"
    r"[A-Z][A-Z0-9 .'/-]*?\s+0*\d{1,6}|[A-Z]{3,10}))*)\s*$"
)
SECTION_OF = re.compile(r"SECTION\s+\d+\s+OF\s+\d+")
BANNER_SERIAL = re.compile(
    r"(?:^|\s)(?P<origin>[A-Z][A-Z .'-]*?)\s+0*(?P<serial>\d{1,6})\s*(?:\s[A-Z ]+)?$"
)

# 'MOSCOW 00000601  002 OF 002', 'MADRID 00001952 001.2 OF 002', and the older
# 'PAGE 02 HARARE 06677 01 OF 03 291400Z', 'PAGE 02 MOSCOW 00601 091554Z' or
# 'PAGE 02 RUEHFRA0170 S E C R E T'. Old printouts
# glue the next line onto a page line: 'PAGE 02 ... 291400Z OPPOSITION LEADER'.
_PAGE_BREAK = re.compile(
    r"^\s*(?:PAGE\s+\d{1,3}\s+[A-Z][A-Z .'/-]*?\s+\d{1,8}(?:\s+\d{1,3}\s+OF\s+\d{1,3})?"
    r"\s+\d{6}Z"
    r"|PAGE\s+\d{1,3}\s+[A-Z]{5,8}\d{3,5}\b"
    r"|[A-Z][A-Z .'/-]*?\s+0*\d{1,8}\s+0*\d{1,3}(?:\.\d{1,2})?\s+OF\s+0*\d{1,3})"
    r"(?:\s+(?P<rest>\S.*?))?\s*$"
)
# Old State Department printouts: 'ACTION AF-00', 'INFO  LOG-00   NP-00 ...', '/012W',
# '------------------A54E38  291401Z /38'.
_DISTRIBUTION = re.compile(
    r"^(?:ACTION\s+[A-Z]{1,8}-\d{2}\b|INFO\s+[A-Z]{1,8}-\d{2}\b|(?:[A-Z]{1,8}-\d{2}\s+){2,}"
    r"|-{5,}[A-Z0-9]{4,8}\s+\d{6}Z)"
)
_DISTRIBUTION_END = re.compile(r"\s/\d{3}W$")  # 'SAS-00   SWCI-00    /012W'
# The release added these to partial extracts: 'Wednesday, 29 November 2000, 13:59' and a
# notice that the full text is not available.
_DATE_LINE = re.compile(
    r"^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4},"
    r"\s+\d{1,2}:\d{2}\s*$"
)
_NOTICE = re.compile(r"^This record is a partial extract of the original cable", re.IGNORECASE)

CAPTION_LINE = re.compile(
    r"^(?:SIPDIS|NOFORN|NODIS|EXDIS|LIMDIS|STADIS|EFTO|E F T O|ROGER|NOCONTRACT|ORCON|PROPIN|"
    r"SENSITIVE|CHEROKEE|TERREP|REL\s+(?:TO\s+)?[A-Z, ]+|SBU|DEPT ALSO FOR\s.*)$"
)
# 'NSC FOR SENIOR AFRICA DIRECTOR GAYLE SMITH', 'S/S-O PLEASE PASS NEA A/S BURNS': an
# office of a word or three, then FOR or PASS; not a sentence in capitals that has a FOR.
ADDRESSING_LINE = re.compile(
    r"^[A-Z][A-Z0-9/&.'-]*(?:\s+[A-Z][A-Z0-9/&.'-]*){0,2}\s+"
    r"(?:FOR|PASS(?:\s+TO)?|ALSO\s+FOR|PLEASE\s+PASS)\s+\S[^a-z]*$"
    r"|^(?:FOR|PASS TO|PLEASE PASS)\s+[^a-z]+$"
)
# '-------', '=======', '- - - -', and a rule split in two: '------------- ------'.
# What a telegram prints around its text: BT, NNNN, ZFR... lines.
ROUTING_NOISE = re.compile(r"^(?:BT|NNNN|#\d+|ZFR|ZEX|ZDK.*|ZUI.*|ZZH)$")
UNDERLINE = re.compile(r"^(?:-{3,}(?:\s+-{3,})*|={3,}|(?:- ){3,}-?)$")


def is_banner(line: str) -> bool:
    return BANNER_LINE.match(line) is not None


_CLASS_LINE_TAIL = re.compile(r"(?:\s+[A-Z]{2,4}\d{3,5})?")


def banner_kind(line: str) -> str | None:
    """'section' for a section banner, 'class' for a class line, 'banner' for another
    banner, None for a line that is none."""
    match = BANNER_LINE.match(line)
    if match is None:
        return None
    if SECTION_OF.search(match["tail"]):
        return "section"
    return "class" if _CLASS_LINE_TAIL.fullmatch(match["tail"]) else "banner"


def page_furniture(line: str) -> str | None:
    """None when `line` (stripped) is text; else the text glued after the furniture, '' for
    none. A banner is not furniture here: the preamble reads its captions."""
    if _DISTRIBUTION.match(line) or _DATE_LINE.match(line) or _NOTICE.match(line):
        return ""
    if line.endswith("W") and _DISTRIBUTION_END.search(line):
        return ""
    match = _PAGE_BREAK.match(line)
    if match is None:
        return None
    rest = match["rest"] or ""
    return "" if rest and (page_furniture(rest) is not None or is_banner(rest)) else rest


def is_added_by_release(line: str) -> bool:
    """The date line and the notice the release put at the top of a partial extract."""
    return bool(_DATE_LINE.match(line) or _NOTICE.match(line))
