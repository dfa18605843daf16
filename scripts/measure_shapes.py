"""Measure how the original cable pages are written, for the synthetic corpus to copy.

Prints, for a folder of original pages (default ../shared/real-cables/pages), the share of
cables written in each shape that corpus/shapes.py draws from (SHARES). Shares of a
field's shapes are of the cables that have the field.

    .venv/bin/python scripts/measure_shapes.py [--pages DIR]
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import fidelity_pages as pages  # noqa: E402

DEFAULT_PAGES = Path(__file__).resolve().parent.parent.parent / "shared" / "real-cables" / "pages"
BOX = re.compile(r"<code><pre>(.*?)</pre></code>", re.DOTALL)
ADDRESSING = re.compile(r"^[A-Z][A-Z0-9/&.-]*(?:\s+[A-Z][A-Z0-9/&.-]*){0,2}\s+(?:FOR|PASS)\s")


def shapes_of(page: str) -> set[str]:
    """The shapes one page is written in, by the names of corpus/shapes.py."""
    found: set[str] = set()
    header = html.unescape(re.sub(r"<[^>]+>", "", (BOX.findall(page) or [""])[0]))
    original = pages.read_original(page)
    lines = [line.strip() for line in original.opening.split("\n")]
    if header.startswith("This record is a partial extract"):
        found.add("partial_extract")
    if re.match(r"\s*\w+day, \d+ \w+ \d{4}, \d\d:\d\d", original.body):
        found.add("date_line")
    if any(ADDRESSING.match(line) for line in lines):
        found.add("addressing_lines")
    tags = next((line for line in lines if re.match(r"TAGS?\b", line)), None)
    if tags is not None:
        found.add("tags")
        if not re.match(r"TAGS?:", tags):
            found.add("plain_labels")
        following = lines[lines.index(tags) + 1] if lines.index(tags) + 1 < len(lines) else ""
        if following and not re.match(r"(SUBJ|REF|CLASS)", following, re.IGNORECASE):
            found.add("tags_wrap")
    subject = next((line for line in lines if re.match(r"SUBJ", line, re.IGNORECASE)), None)
    if subject is not None:
        found.add("subject")
        if re.search(r"[a-z]{3}", subject):
            found.add("subject_mixed_case")
        if subject.startswith("SUBJ:"):
            found.add("subject_short_label")
    found |= _ref_shapes(lines)
    classified = next((line for line in lines if re.search(r"classified\s+by", line, re.I)), None)
    if classified is not None:
        found.add("classified")
        if classified.startswith("CLASSIFIED BY"):
            found.add("classified_capitals")
        if not re.search(r"classified\s+by\s*:", classified, re.IGNORECASE):
            found.add("classified_no_colon")
        if not re.search(r"1\s*[.,:/]\s*[45]", classified):
            found.add("classified_wrapped")
    if re.search(r"\n-+\s*\n\s*Summary\s*\n-+", original.body, re.IGNORECASE):
        found.add("summary_heading")
    tail = [line.strip() for line in original.body.split("\n") if line.strip()][-3:]
    if any(
        re.search(r"Classified Web|classified website|SIPRNET|sgov\.gov", t, re.I) for t in tail
    ):
        found.add("website_notice")
    if tail and re.fullmatch(r"[A-Z][a-z]+", tail[-1]):
        found.add("signer_mixed_case")
    return found


def _ref_shapes(lines: list[str]) -> set[str]:
    reference = next((line for line in lines if re.match(r"REF", line, re.IGNORECASE)), None)
    if reference is None:
        return set()
    found = {"ref"}
    index = lines.index(reference)
    block = " ".join(lines[index : index + 6])
    if re.search(r"(^|\s)A\.\s", block):
        found.add("ref_letters_dot")
    elif re.search(r"(^|\s)\(A\)\s", block):
        found.add("ref_letters_both")
    elif re.search(r"(^|\s)A\)\s?", block):
        found.add("ref_letters_paren")
    elif ";" in block:
        found.add("ref_semicolons")
    if re.search(r"\b(?:19|20)\d\d [A-Z]", block):
        found.add("ref_four_digit_year")
    if re.search(r"\b(IIR|E-?MAIL|EMAIL|TD-|OSC|DTG|MEMO)\b", block):
        found.add("ref_not_a_cable")
    return found


# The field whose cables a shape's share is of (the others: of all cables).
FIELD = {"ref_": "ref", "classified_": "classified", "tags_": "tags", "subject_": "subject"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES)
    options = parser.parse_args()
    files = sorted(options.pages.glob("*.htm*"))
    counts = Counter(shape for path in files for shape in shapes_of(path.read_text("utf-8")))
    print(f"{len(files)} original pages from {options.pages}")
    print(f"{'shape':28}{'cables':>8}{'share':>8}  of")
    for shape in sorted(counts):
        field = next((f for prefix, f in FIELD.items() if shape.startswith(prefix)), None)
        total = counts[field] if field else len(files)
        print(f"{shape:28}{counts[shape]:>8}{counts[shape] / total:8.3f}  {field or 'all cables'}")


if __name__ == "__main__":
    main()
