"""Benchmark: how faithfully the reading room reads real cables. A figure, not a test.

`make bench-fidelity` imports a folder of original cable pages (default
../shared/real-cables/pages) with `import_cables` into a throwaway SQLite database, renders each
cable's page, and prints per field the share that agrees with the page itself and with what
the original site's own lists said (expected.json beside the folder), then each failure on a
line. `--generated N` does the same for N cables of the synthetic corpus, against what the
generator wrote into them.

    .venv/bin/python scripts/bench_fidelity.py [--pages DIR] [--expected FILE]
    .venv/bin/python scripts/bench_fidelity.py --generated 2000 [--seed 1]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import re
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import fidelity_pages as pages  # noqa: E402

DEFAULT_PAGES = ROOT.parent / "shared" / "real-cables" / "pages"
CANONICAL_ID = re.compile(r"\d{2}[A-Z]{2,25}\d{1,6}")
MARKINGS_AT_THE_ENDS = re.compile(r"^\([A-Z/ ]{1,12}\)\s*|\s*\((?:U|C|S|SBU|[CS]//?NF)\)$")
LABEL_GLUED = re.compile(r"\s*(?:REF|CLASSIFIED|TAGS|E\.?\s?O\b)", re.IGNORECASE)


class Tally:
    """Agreements and failures, field by field."""

    def __init__(self) -> None:
        self.counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        self.failures: list[str] = []
        self.order: list[str] = []

    def check(self, field: str, agrees: bool, failure: str = "") -> None:
        if field not in self.counts:
            self.order.append(field)
        self.counts[field][0] += bool(agrees)
        self.counts[field][1] += 1
        if not agrees:
            self.failures.append(f"{field}: {failure}")

    def report(self) -> None:
        print(f"{'':44}{'agree':>13}{'share':>9}")
        for field in self.order:
            agreed, total = self.counts[field]
            print(f"{field:44}{agreed:>6} / {total:<6}{100 * agreed / total:8.2f}%")
        print(f"\n{len(self.failures)} failure(s)")
        for failure in self.failures:
            print(f"  {failure}")


def squashed(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip().upper()


def listed_subject_agrees(ours: str, theirs: str) -> bool:
    """The original site's list kept the first line of a subject, sometimes lost its first
    character ('SOURCE REMOVED]' for '[SOURCE REMOVED]'), a marking's parenthesis ('C) ...'),
    or glued the next field on ('... FORD REF: OFFICIAL BIOS')."""
    ours = squashed(ours)
    candidates = {squashed(theirs)}
    candidates.add(re.sub(r"^\(?[A-Z/ ]{1,12}\)\s*", "", squashed(theirs)))
    for listed in candidates:
        if listed and (ours.startswith(listed) or ours.lstrip("[(\"'").startswith(listed)):
            return True
        if ours and listed.startswith(ours) and LABEL_GLUED.match(listed[len(ours) :]):
            return True
    return False


def compare(original: pages.Original, cable, page_html: str, listed: dict, tally: Tally) -> None:
    rid = original.reference_id
    subject = cable.subject or ""
    if listed.get("subject"):
        tally.check(
            "subject: as the original's list",
            listed_subject_agrees(subject, listed["subject"]),
            f"{rid}: ours {subject!r}, listed {listed['subject']!r}",
        )
    written = pages.subject_line(original)
    on_page = re.sub(r"^\([A-Z/ ]{1,12}\)\s*", "", squashed(written)) if written else ""
    tally.check(
        "subject: the page's SUBJECT line, unwrapped",
        (squashed(subject).startswith(on_page) if written else not subject) and "  " not in subject,
        f"{rid}: ours {subject!r}, line {written!r}",
    )
    whole = pages.subject_whole(original)
    whole = MARKINGS_AT_THE_ENDS.sub("", squashed(whole)) if whole else ""
    tally.check(
        "subject: whole, as the page's SUBJECT lines",
        squashed(subject) == whole,
        f"{rid}: ours {subject!r}, lines {whole!r}",
    )
    ours_tags = [tag.name for tag in cable.ordered_tags()]
    if "tags" in listed:
        glued = {a + b for a, b in zip(ours_tags, ours_tags[1:], strict=False)}
        missing = [t for t in listed["tags"] if t not in ours_tags and t not in glued]
        tally.check(
            "tags: every tag of the original's lists",
            not missing,
            f"{rid}: missing {missing}, ours {ours_tags}",
        )
    line_tags = pages.tag_line(original)
    subject_words = set(re.findall(r"[A-Z]{2,}", subject.upper())) - set(line_tags)
    junk = [t for t in ours_tags if t in subject_words and t not in listed.get("tags", [])]
    junk += [t for t in ours_tags if not re.fullmatch(r"[A-Z0-9][A-Z0-9-]+", t)]
    tally.check("tags: none of ours is junk", not junk, f"{rid}: {junk}")
    missing = [t for t in line_tags if t not in ours_tags]
    tally.check("tags: every tag of the page's TAGS line", not missing, f"{rid}: missing {missing}")
    ours_page = pages.OurPage()
    ours_page.feed(page_html)
    for anchor, theirs in original.anchors.items():
        ours = ours_page.words_after(anchor)
        width = min(len(theirs), len(ours or []))
        agrees = ours is not None and theirs[:width] == ours[:width] and (width or not theirs)
        tally.check(
            "paragraph anchors: same id, same words",
            bool(agrees),
            f"{rid}#{anchor}: original {' '.join(theirs)!r}, ours "
            + ("missing" if ours is None else repr(" ".join(ours))),
        )
    if "references" in listed:
        ours_references = set(cable.references.values_list("reference_id", flat=True))
        tally.check(
            "references: the cables the generator cited",
            ours_references == set(listed["references"]),
            f"{rid}: ours {sorted(ours_references)}, cited {sorted(listed['references'])}",
        )
    compare_table(original, cable, tally)
    compare_counts(original, cable, tally)


def compare_table(original: pages.Original, cable, tally: Tally) -> None:
    rid = original.reference_id
    ours = {
        "created": f"{cable.created:%Y-%m-%d %H:%M}" if cable.created else "",
        "released": f"{cable.released:%Y-%m-%d %H:%M}" if cable.released else "",
        "classification": cable.classification,
        "origin": cable.origin.name,
    }
    for name, value in ours.items():
        if name in original.cells:
            theirs = original.cells[name]
            tally.check(
                f"{name}: as the page's table", value == theirs, f"{rid}: {value!r} / {theirs!r}"
            )


def compare_counts(original: pages.Original, cable, tally: Tally) -> None:
    rid = original.reference_id
    references = list(cable.references.values_list("reference_id", flat=True))
    if pages.ref_names_a_cable(original):
        tally.check("references: found where REF names a cable", bool(references), rid)
    if pages.has_ref_line(original):
        found = references or cable.other_references
        tally.check("references: REF line read (cables or others)", bool(found), rid)
    for reference in references:
        tally.check(
            "references: canonical ids",
            CANONICAL_ID.fullmatch(reference) is not None,
            f"{rid}: {reference}",
        )
    for name, present, ours in (
        ("classified by", pages.has_classified_by, cable.classified_by),
        ("reasons", pages.has_reasons, cable.classification_reasons),
        ("summary", pages.has_summary, cable.summary),
        ("signer", pages.has_signer, cable.signer),
    ):
        if present(original):
            tally.check(f"{name}: found where the text has one", bool(ours), rid)


def originals_of_pages(folder: Path, expected_file: Path | None) -> tuple[list, dict]:
    expected = json.loads(expected_file.read_text()) if expected_file else {}
    originals = [
        pages.read_original(path.read_text(encoding="utf-8"))
        for path in sorted(folder.glob("*.htm*"))
    ]
    listed = {
        rid: {
            "subject": entry.get("wikileaks_subject", ""),
            "tags": entry.get("wikileaks_tags", []),
        }
        for rid, entry in expected.items()
    }
    return originals, listed


def originals_of_corpus(count: int, seed: int, path: Path) -> tuple[list, dict]:
    from corpus import csv_row, generate_cables

    originals, listed = [], {}
    with path.open("w", encoding="utf-8", newline="") as stream:
        for cable in generate_cables(count, seed):
            stream.write(csv_row(cable.row()))
            cells = {
                "created": f"{cable.created:%Y-%m-%d %H:%M}",
                "released": f"{cable.released:%Y-%m-%d %H:%M}",
                "classification": cable.classification,
                "origin": cable.origin,
            }
            originals.append(pages.read_row(cable.reference_id, cells, cable.content))
            listed[cable.reference_id] = {
                "subject": cable.subject,
                "tags": cable.tags,
                "references": cable.references,
            }
    return originals, listed


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument(
        "--pages", type=Path, default=DEFAULT_PAGES, help="a folder of original pages"
    )
    parser.add_argument("--expected", type=Path, help="expected.json (default: beside the folder)")
    parser.add_argument("--generated", type=int, metavar="N", help="N generated cables instead")
    parser.add_argument("--seed", type=int, default=1, help="the generator's seed (default 1)")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        os.environ["DATABASE_URL"] = f"sqlite:///{folder}/fidelity.sqlite3"
        os.environ["DJANGO_SETTINGS_MODULE"] = "readingroom.settings"
        os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver"
        import django

        django.setup()
        from django.core.management import call_command
        from django.core.management.base import CommandError
        from django.test import Client

        from cables.models import Cable

        if options.generated:
            source = Path(folder, "generated.csv")
            originals, listed = originals_of_corpus(options.generated, options.seed, source)
            print(f"{options.generated} generated cables (seed {options.seed})")
        else:
            expected = options.expected or options.pages.parent / "expected.json"
            source = options.pages
            originals, listed = originals_of_pages(source, expected if expected.exists() else None)
            print(f"{len(originals)} original pages from {source}")
        call_command("migrate", verbosity=0)
        output, errors = io.StringIO(), io.StringIO()
        started = time.perf_counter()
        # On failures the command raises after its summary; each failure is listed below.
        with contextlib.suppress(CommandError):
            call_command(
                "import_cables", str(source), "--no-progress", stdout=output, stderr=errors
            )
        print(f"import: {time.perf_counter() - started:.1f} s, {output.getvalue().strip()}")
        tally = Tally()
        for line in errors.getvalue().splitlines():
            tally.check("import: no failure", False, line)
        client = Client()
        cables = Cable.objects.select_related("origin").in_bulk(field_name="reference_id")
        for original in originals:
            cable = cables.get(original.reference_id)
            tally.check("import: every cable stored", cable is not None, original.reference_id)
            if cable is not None:
                page = client.get(cable.get_absolute_url()).content.decode()
                compare(original, cable, page, listed.get(original.reference_id, {}), tally)
        print()
        tally.report()


if __name__ == "__main__":
    main()
