"""How to cite a cable, or one paragraph of it: a formatted reference (Chicago-like), BibTeX
and CSL-JSON. Pure Python: the caller gives what is cited as a `Work`."""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_BIBTEX_MONTHS = [
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
]


@dataclass(frozen=True)
class Work:
    """A cable, or one of its paragraphs (`paragraph` set), as a citation names it."""

    reference_id: str
    origin: str
    subject: str
    created: datetime.date
    released: datetime.date | None
    classification: str
    url: str  # absolute; a paragraph's ends with its #anchor
    paragraph: int | None = None

    @property
    def key(self) -> str:
        """An identifier for reference managers: 07MOSCOW601, 07MOSCOW601-par3."""
        name = re.sub(r"[^A-Za-z0-9]", "", self.reference_id) or "cable"
        return f"{name}-par{self.paragraph}" if self.paragraph is not None else name

    @property
    def title(self) -> str:
        return self.subject or f"Cable {self.reference_id}"


def _long_date(day: datetime.date) -> str:
    """February 7, 2007."""
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def reference(work: Work, accessed: datetime.date) -> str:
    """Embassy Moscow, "SUBJECT," cable 07MOSCOW601, February 7, 2007, para. 3,
    https://.../07MOSCOW601.html#par3 (accessed November 23, 2026)."""
    # A cable without a subject is named by its ID alone, not by "Cable 07MOSCOW601" twice.
    named = f"cable {work.reference_id}"
    if work.subject:
        named = f"\u201c{work.subject.rstrip('.')},\u201d {named}"
    parts = [work.origin, named, _long_date(work.created)]
    if work.paragraph is not None:
        parts.append(f"para. {work.paragraph}")
    parts.append(f"{work.url} (accessed {_long_date(accessed)}).")
    return ", ".join(parts)


# Characters BibTeX reads as commands or groups, written so that they print as themselves.
# Braces as commands, not \{ and \}: BibTeX counts those too, so an unmatched one in a
# subject would break the entry.
_BIBTEX_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "^": r"\^{}",
    "~": r"\~{}",
}


def _bibtex_text(text: str) -> str:
    """Text for a BibTeX field: special characters escaped, spaces and line breaks squashed."""
    text = " ".join(text.split())
    return "".join(_BIBTEX_ESCAPES.get(character, character) for character in text)


def bibtex(work: Work, accessed: datetime.date) -> str:
    """A @misc entry (BibTeX and biblatex read it): the origin as a corporate author in
    double braces, so that no style takes "Embassy" for a first name."""
    what = f"Diplomatic cable {work.reference_id}"
    if work.paragraph is not None:
        what += f", paragraph {work.paragraph}"
    notes = _release_notes(work)
    braced = {
        "author": f"{{{_bibtex_text(work.origin)}}}",
        "title": f"{{{_bibtex_text(work.title)}}}",
        "howpublished": _bibtex_text(what),
        "year": str(work.created.year),
    }
    more = {
        "date": work.created.isoformat(),
        "note": _bibtex_text("; ".join(notes)),
        "url": work.url,
        "urldate": accessed.isoformat(),
    }
    lines = [f"@misc{{{work.key},"]
    lines += [f"  {name} = {{{value}}}," for name, value in braced.items()]
    lines.append(f"  month = {_BIBTEX_MONTHS[work.created.month - 1]},")  # a macro: no braces
    lines += [f"  {name} = {{{value}}}," for name, value in more.items() if value]
    lines.append("}")
    return "\n".join(lines) + "\n"


def _release_notes(work: Work) -> list[str]:
    """['Classified SECRET', 'released 2011-08-30'], what is known of them."""
    notes = [f"Classified {work.classification}"] if work.classification else []
    if work.released:
        notes.append(f"released {work.released.isoformat()}")
    return notes


def _date_parts(day: datetime.date) -> dict:
    return {"date-parts": [[day.year, day.month, day.day]]}


def _csl_item(work: Work, accessed: datetime.date) -> dict:
    """A CSL-JSON item (what Zotero, Mendeley and pandoc read)."""
    item = {
        "id": work.key,
        "type": "document",
        "genre": "Diplomatic cable",
        "author": [{"literal": work.origin}],
        "title": work.title,
        "number": work.reference_id,
        "issued": _date_parts(work.created),
        "URL": work.url,
        "accessed": _date_parts(accessed),
    }
    if work.paragraph is not None:
        item["section"] = f"paragraph {work.paragraph}"
    notes = _release_notes(work)
    if notes:
        item["note"] = "; ".join(notes)
    return item


def csl_json(work: Work, accessed: datetime.date) -> str:
    """CSL-JSON: a list of one item."""
    return json.dumps([_csl_item(work, accessed)], ensure_ascii=False, indent=2) + "\n"
