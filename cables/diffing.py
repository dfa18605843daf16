"""Word-level differences between two texts of a cable. Pure Python, no Django.

Later releases of the cables replaced names with XXXXXXXXXXXX; a reader comparing versions
wants to see exactly which words went and which came, in place, not whole lines."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

# Words, runs of spaces, and each other character on its own: a changed comma does not mark
# the word before it as changed.
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")


@dataclass(frozen=True)
class Span:
    change: str  # 'same', 'removed', 'added'
    text: str


@dataclass(frozen=True)
class ParagraphChange:
    anchor: str
    number: int | None
    heading: list[Span]
    text: list[Span]

    @property
    def changed(self) -> bool:
        return any(span.change != "same" for span in self.heading + self.text)

    @property
    def has_heading(self) -> bool:
        return any(span.text.strip() for span in self.heading)

    @property
    def status(self) -> str:
        """'added', 'removed', 'changed' or 'same', for the paragraph as a whole."""
        changes = {span.change for span in self.heading + self.text if span.text.strip()}
        if changes == {"added"}:
            return "added"
        if changes == {"removed"}:
            return "removed"
        return "changed" if self.changed else "same"


def word_diff(old: str, new: str) -> list[Span]:
    """The spans of `new` and `old` in reading order: removed words just before the words
    that replaced them."""
    before, after = _TOKEN.findall(old), _TOKEN.findall(new)
    spans: list[Span] = []
    matcher = SequenceMatcher(None, before, after, autojunk=False)
    for operation, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if operation == "equal":
            spans.append(Span("same", "".join(before[old_start:old_end])))
            continue
        if old_end > old_start:
            spans.append(Span("removed", "".join(before[old_start:old_end])))
        if new_end > new_start:
            spans.append(Span("added", "".join(after[new_start:new_end])))
    return _merged(spans)


def _merged(spans: list[Span]) -> list[Span]:
    result: list[Span] = []
    for span in spans:
        if result and result[-1].change == span.change:
            result[-1] = Span(span.change, result[-1].text + span.text)
        elif span.text:
            result.append(span)
    return result


def paragraph_changes(old: list[dict], new: list[dict]) -> list[ParagraphChange]:
    """Paragraphs of two versions paired by anchor ('par3'), in the new order; a paragraph
    the new version lost stays where it was, after its old predecessor."""
    old_by_anchor = {paragraph["anchor"]: paragraph for paragraph in old}
    new_anchors = {paragraph["anchor"] for paragraph in new}
    changes: list[ParagraphChange] = []
    # Lost paragraphs, placed after the paragraph that preceded them in the old version.
    lost_after: dict[str | None, list[dict]] = {}
    previous = None
    for paragraph in old:
        if paragraph["anchor"] not in new_anchors:
            lost_after.setdefault(previous, []).append(paragraph)
        else:
            previous = paragraph["anchor"]

    def compare(before: dict | None, after: dict | None) -> ParagraphChange:
        source = after or before
        assert source is not None, "a paragraph is on one side at least"
        return ParagraphChange(
            anchor=source["anchor"],
            number=source["number"],
            heading=word_diff((before or {}).get("heading", ""), (after or {}).get("heading", "")),
            text=word_diff((before or {}).get("text", ""), (after or {}).get("text", "")),
        )

    changes += [compare(lost, None) for lost in lost_after.get(None, [])]
    for paragraph in new:
        changes.append(compare(old_by_anchor.get(paragraph["anchor"]), paragraph))
        changes += [compare(lost, None) for lost in lost_after.get(paragraph["anchor"], [])]
    return changes
