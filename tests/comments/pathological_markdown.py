"""Comments built to be slow to show: the one table that both the unit test
(tests/comments/test_pathological_markdown.py: each is refused or shown sanitised, its text
kept) and the benchmark (scripts/bench_markdown.py: each within 50 ms) go through.

Each case is a comment of exactly `size` characters, the most the form takes (BODY_LIMIT),
written the way an attacker would: the known quadratic shapes of CommonMark parsers (from
cmark's pathological tests and its CVEs: nested brackets and emphasis, unclosed links and
code spans, deep quotations and lists, reference expansion), the shapes that slow an HTML5
parser (deep or unclosed tags, comments, tables, foreign content, end tags hidden from a
tag counter), shapes whose HTML is many times their size, and, for comparison, long
ordinary comments.
"""

from __future__ import annotations

import itertools
import string
from collections.abc import Callable
from dataclasses import dataclass

# The shapes below are measured in characters, as the form counts them.
Build = Callable[[int], str]

EMPHASIS_MESSAGE = "marks for emphasis"
SIZE_MESSAGE = "too much formatting"
NESTING_MESSAGE = "levels deep"
HTML_MESSAGE = "HTML tags"


@dataclass(frozen=True)
class Case:
    name: str
    build: Build
    # Words a reader sees in the rendered comment (tags removed, whitespace squashed), or None
    # when the comment is refused.
    shown: str | None
    # For a refused comment: words of the message that says why.
    refused_because: str = ""

    def text(self, size: int) -> str:
        text = self.build(size)
        assert len(text) == size, (self.name, len(text), size)
        return text


def repeated(unit: str, *, head: str = "", tail: str = "") -> Build:
    """`head`, then `unit` as often as it fits, cut to size, then `tail`."""

    def build(size: int) -> str:
        room = size - len(head) - len(tail)
        return head + (unit * (room // len(unit) + 1))[:room] + tail

    return build


def nested(opening: str, middle: str, closing: str) -> Build:
    """`opening` n times, `middle`, `closing` n times, for the largest n that fits, padded
    with spaces to size."""

    def build(size: int) -> str:
        times = (size - len(middle)) // (len(opening) + len(closing))
        text = opening * times + middle + closing * times
        return text + " " * (size - len(text))

    return build


def lines(make_line: Callable[[int], str]) -> Build:
    """Line after line (`make_line(number)`) while they fit, padded with spaces to size."""

    def build(size: int) -> str:
        parts, length, number = [], 0, 0
        while length + len(line := make_line(number)) <= size:
            parts.append(line)
            length += len(line)
            number += 1
        return "".join(parts) + " " * (size - length)

    return build


def attribute_names():
    """a, b, ..., z, aa, ab, ...: the shortest names that are all different."""
    length = 1
    while True:
        for letters in itertools.product(string.ascii_lowercase, repeat=length):
            yield "".join(letters)
        length += 1


def tags_with_attributes(
    per_tag: int | None, *, separator: str = " ", tag: str = "p", closed: bool = True
) -> Build:
    """In an HTML block, `tag` elements of `per_tag` attributes (or one of as many as fit),
    all attributes with different names, while they fit; padded with spaces to size."""
    ending = ">x</p>\n" if closed else ">"

    def build(size: int) -> str:
        # Inside an HTML block (from "<div>" to a blank line) CommonMark passes any tag on.
        names, parts, length = attribute_names(), ["<div>\n"], len("<div>\n")
        while True:
            if per_tag is None:
                element, room = f"<{tag}", size - length - len(ending)
                while len(element) + 1 + len(name := next(names)) <= room:
                    element += separator + name
                element += ending
            else:
                element = f"<{tag} " + separator.join(next(names) for _ in range(per_tag)) + ending
            if length + len(element) > size:
                return "".join(parts) + " " * (size - length)
            parts.append(element)
            length += len(element)

    return build


def whole(unit: str, *, head: str = "", tail: str = "") -> Build:
    """`head`, `unit` as many whole times as fit, `tail`, padded with spaces to size."""

    def build(size: int) -> str:
        text = head + unit * ((size - len(head) - len(tail)) // len(unit)) + tail
        return text + " " * (size - len(text))

    return build


def then(first: Build, first_share: float, second: Build) -> Build:
    """`first` on a share of the size, `second` on the rest."""

    def build(size: int) -> str:
        head = first(int(size * first_share))
        return head + second(size - len(head))

    return build


PROSE = (
    "The ambassador met the *foreign minister* on Tuesday; the talks, he said, went "
    "**well**, and [the cable](https://wikileaks.example/cable/2008/03/08STATE1234.html) "
    "records `08STATE1234` as the reference. "
)
CABLE_LINE = "(C) SUMMARY: THE MINISTER SAID THE TALKS ON THE PIPELINE WENT WELL. END SUMMARY.\n"
PLAIN = "The ambassador met the foreign minister on Tuesday; the talks, he said, went well.\n\n"

CASES: list[Case] = [
    # --- ordinary comments, for comparison --------------------------------------------------
    Case("prose paragraphs", repeated(PROSE * 3 + "\n\n"), "the talks, he said, went well"),
    Case("a long quotation", repeated("> " + CABLE_LINE), "THE TALKS ON THE PIPELINE"),
    Case("a long list", lines(lambda n: f"- item {n}: {PROSE[:60]}\n"), "item 7: The ambassador"),
    Case("plain prose with some HTML", repeated(PLAIN * 4 + "<em>sic</em><br>\n"), "well. sic"),
    # Refused although harmless: with HTML tags in it, a comment may make 2,500 tags in all.
    Case(
        "formatted prose with some HTML", repeated(PROSE + "<em>sic</em>\n\n"), None, HTML_MESSAGE
    ),
    Case("one long word", repeated("a"), "aaaaaaaaaa"),
    Case("one long line of words", repeated("word "), "word word word"),
    # --- brackets and links (cmark's pathological tests) ------------------------------------
    Case("nested brackets", nested("[", "a", "]"), "[[[[a]]]]"),
    Case("link openers without closers", repeated("[a"), "[a[a[a"),
    Case("link closers without openers", repeated("a]"), "a]a]a]"),
    Case("open brackets", repeated("["), "[[[["),
    Case("link starts [a](", repeated("[a]("), "[a]([a]("),
    Case("unclosed destinations", repeated("[a](b"), "[a](b[a](b"),
    Case("unclosed <destinations>", repeated("[a](<b"), "[a](<b[a](<b"),
    Case("unclosed titles", repeated('[a](b "c'), '[a](b "c[a](b "c'),
    Case("pattern [ (](", repeated("[ (]("), "[ (]([ (]("),
    Case("pattern ![[]()", repeated("![[]()"), None, SIZE_MESSAGE),
    # Images are not kept, nor their descriptions.
    Case("links in image descriptions", nested("![", "a", "](b)"), ""),
    Case("reference links never defined", repeated("[a][b]"), "[a][b][a][b]"),
    Case("one link, a huge address", nested("[a](https://example.org/", "x", ")"), "a"),
    Case("one link, a huge title", nested('[a](https://example.org/ "', "t", '")'), "a"),
    # --- emphasis ---------------------------------------------------------------------------
    Case("a run of asterisks", repeated("*", head="a"), "a*****"),
    Case("emphasis closers without openers", repeated("a_ "), None, EMPHASIS_MESSAGE),
    Case("emphasis openers without closers", repeated("_a "), None, EMPHASIS_MESSAGE),
    Case("mismatched openers and closers", repeated("*a_ "), None, EMPHASIS_MESSAGE),
    Case("closers in multiples of three", repeated("c* ", head="a**b"), None, EMPHASIS_MESSAGE),
    Case("link openers and emphasis closers", repeated("[ a_"), None, EMPHASIS_MESSAGE),
    Case("nested strong and emphasis", nested("*a **a ", "b", " a** a*"), None, EMPHASIS_MESSAGE),
    Case("emphasis nested by alternation", nested("_*", "x", "*_"), None, EMPHASIS_MESSAGE),
    Case("emphasis runs *a", repeated("*a"), None, EMPHASIS_MESSAGE),
    Case("emphasis runs **a", repeated("**a"), None, EMPHASIS_MESSAGE),
    Case("mixed * and _", repeated("*_"), None, EMPHASIS_MESSAGE),
    Case("emphasis on short words", repeated("*élan* "), None, EMPHASIS_MESSAGE),
    Case("hard link and emphasis case", repeated("**x [a*b**c*](d) "), None, EMPHASIS_MESSAGE),
    # The worst shapes above, as many runs of marks as allowed, then words.
    Case("mixed * and _, to the limit", repeated("word ", head="*_" * 4_990 + " "), "word word"),
    Case(
        "emphasis nested by alternation, to the limit",
        repeated("word ", head="_*" * 2_495 + "x" + "*_" * 2_495 + " "),
        "word word",
    ),
    Case("tildes", repeated("~~a"), "~~a~~a"),
    # --- code -------------------------------------------------------------------------------
    Case(
        "backtick runs of growing length",
        lambda size: "".join("e" + "`" * n for n in range(1, 400))[:size],
        "e`e``e```",
    ),
    Case("a run of backticks", repeated("`", head="a"), "a````"),
    Case("code spans", repeated("`a"), None, SIZE_MESSAGE),
    Case("an unclosed fence", repeated("a\n", head="```\n"), "a a a"),
    Case("fences opening and closing", repeated("```\n"), None, SIZE_MESSAGE),
    Case("indented code", repeated("    code line\n"), "code line code line"),
    # --- entities and escapes ---------------------------------------------------------------
    Case("named entities", repeated("&amp;"), "&&&&"),
    Case("numeric entity starts", repeated("&#"), None, SIZE_MESSAGE),
    Case("hexadecimal entity starts", repeated("&#x"), "&#x&#x"),
    Case("numeric entities", repeated("&#65;"), "AAAA"),
    Case("an unterminated entity name", repeated("a", head="&"), "&aaaa"),
    Case("backslashes", repeated("\\"), "\\\\\\\\"),
    Case("escaped asterisks", repeated("\\*"), None, EMPHASIS_MESSAGE),
    # --- autolinks --------------------------------------------------------------------------
    Case("autolink starts", repeated("<http://"), "<http://<http://"),
    Case("autolinks", lines(lambda n: "<https://example.org/x> "), "https://example.org/x"),
    Case("bare web addresses", repeated("www.example.org "), "www.example.org www."),
    # --- blocks -----------------------------------------------------------------------------
    Case("nested quotations >>>", repeated(">"), None, SIZE_MESSAGE),
    Case("nested quotations > > >", repeated("> "), None, SIZE_MESSAGE),
    Case(
        "quotations 33 deep",
        repeated(CABLE_LINE, head="> " * 33),
        None,
        NESTING_MESSAGE,
    ),
    Case("quotations 32 deep", repeated(CABLE_LINE, head="> " * 32), "THE TALKS ON THE PIPELINE"),
    Case("quotations 32 deep, again and again", repeated("> " * 32 + "a\n\n"), None, SIZE_MESSAGE),
    Case("lists nested by indentation", lines(lambda n: "  " * n + "- a\n"), None, NESTING_MESSAGE),
    Case("lists nested on one line", repeated("- ", tail="a"), None, NESTING_MESSAGE),
    Case("lists 32 deep", repeated(CABLE_LINE, head="- " * 32), "THE TALKS ON THE PIPELINE"),
    Case("quotations and lists mixed", repeated("> - " * 8 + "a\n\n"), None, SIZE_MESSAGE),
    Case("empty list items", repeated("-\n"), None, SIZE_MESSAGE),
    Case("empty quotations", repeated(">\n\n"), None, SIZE_MESSAGE),
    Case("empty headings", repeated("#\n"), None, SIZE_MESSAGE),
    Case("thematic breaks", repeated("-\n\n"), None, SIZE_MESSAGE),
    Case("setext headings", repeated("a\n=\n"), None, SIZE_MESSAGE),
    Case("one-letter paragraphs", repeated("a\n\n"), None, SIZE_MESSAGE),
    Case("short paragraphs", repeated("word\n\n"), "word word word"),
    Case("list numbers", repeated("123456789. a\n"), "a a a"),
    Case("hard line breaks", repeated("a  \n"), "a a a"),
    Case("backslash line breaks", repeated("a\\\n"), None, SIZE_MESSAGE),
    # --- reference definitions --------------------------------------------------------------
    Case("many reference definitions", lines(lambda n: f"[r{n}]: https://x.example/{n}\n"), ""),
    Case("one definition, many times", repeated("[r]: https://x.example/\n"), ""),
    Case(
        "definitions with long labels",
        lines(lambda n: f"[{n}{'a' * 990}]: /u\n"),
        "",
    ),
    Case(
        "a long address used again and again",
        then(repeated("y", head="[r]: https://x.example/", tail="\n\n"), 0.4, repeated("[r] ")),
        "r r r",  # cmark stops expanding references once they would outgrow the text
    ),
    Case(
        "many definitions, each used",
        then(lines(lambda n: f"[{n}]: /{n}\n"), 0.5, lines(lambda n: f"[{n % 3000}] ")),
        "0 1 2 3",
    ),
    # --- pipes and whitespace ---------------------------------------------------------------
    Case("pipes", repeated("|"), "||||"),
    Case("table rows", repeated("|a|b|\n|-|-|\n"), "|a|b| |-|-|"),
    Case("spaces and newlines", repeated(" \n"), ""),
    Case("tabs", repeated("\t", tail="a"), "a"),
    Case("carriage returns", repeated("a\r"), "a a a"),
    Case("blank lines", repeated("\n", head="a", tail="b"), "a b"),
    # --- HTML the reader typed --------------------------------------------------------------
    Case("nested <div>", repeated("<div>"), None, HTML_MESSAGE),
    # The worst that passes: as many tags as are allowed with HTML, each inside the last.
    Case("<div> nested to the tag limit", repeated("word ", head="<div>" * 2490), "word word"),
    Case(
        "<div>s to the limit, then </p>s",
        repeated("word ", head="<div>" * 1240 + "</p>" * 1240),
        "word word",
    ),
    Case("nested <blockquote>", repeated("<blockquote>"), None, NESTING_MESSAGE),
    Case("nested <ul><li>", repeated("<ul><li>"), None, NESTING_MESSAGE),
    Case("unclosed <b>", repeated("<b>", tail="x"), None, HTML_MESSAGE),
    Case("unclosed <p>", repeated("<p>a"), None, HTML_MESSAGE),
    Case("<b> closed by </p>", repeated("<b>x</p>"), None, HTML_MESSAGE),
    Case(
        "<div> with paragraphs",
        then(repeated("<div>"), 0.01, repeated("a\n\n")),
        None,
        SIZE_MESSAGE,
    ),
    Case(
        "<div> with words", then(repeated("<div>"), 0.01, repeated("word\n\n")), None, HTML_MESSAGE
    ),
    Case("end tags hidden in comments", repeated("<div><!--</div>-->"), None, HTML_MESSAGE),
    Case("end tags hidden in attributes", repeated('<div title="</div>">'), None, HTML_MESSAGE),
    Case("a table stranding <div>s", repeated("<div><table></div></table>"), None, HTML_MESSAGE),
    Case(
        "SVG with unknown elements",
        repeated("</zz>", head="<svg>" + "<input>" * 99),
        None,
        HTML_MESSAGE,
    ),
    Case("comment openers", repeated("<!--"), None, HTML_MESSAGE),
    Case("</ then comment openers", repeated("<!--", head="</"), "</<!--<!--"),
    Case("processing instructions", repeated("<?"), None, HTML_MESSAGE),
    Case("declarations", repeated("<!A "), None, HTML_MESSAGE),
    Case("CDATA", repeated("<![CDATA["), None, HTML_MESSAGE),
    Case("less-than signs", repeated("<"), None, SIZE_MESSAGE),
    Case("tag starts <a", repeated("<a"), None, SIZE_MESSAGE),
    Case("end tag starts </a", repeated("</a"), "</a</a"),
    Case(
        "one tag, a huge attribute", nested('<a href="https://example.org/', "x", '">text</a>'), ""
    ),
    # nh3's parser compares the attributes of each new tag and of each open formatting element:
    # the square of their number, unless only the attributes nh3 keeps reach it.
    Case("one tag, one attribute again and again", whole(" x=1", head="<a", tail=">t</a>"), "t"),
    Case("one tag, all attributes different", tags_with_attributes(None), "x"),
    Case("the same, after slashes", tags_with_attributes(None, separator="/"), "x"),
    Case("attributes past quoted >", whole(' x=">"', head="<a", tail=">t</a>"), "t"),
    Case(
        "<b> differing by attributes",
        then(tags_with_attributes(4, tag="b", closed=False), 0.4, repeated("word ", head="\n\n")),
        "word word",
    ),
    Case(
        "<em> with attributes, then *x*",
        then(
            tags_with_attributes(990, tag="em", closed=False),
            0.15,
            repeated("word ", head="\n\n" + "*x* " * 1_100),
        ),
        "x x x",
    ),
    Case("tags of 990 attributes", tags_with_attributes(990), "x x x"),
    Case(
        "> in quoted values",
        then(whole('<a t=">" u=">" v=">">x</a>\n'), 0.2, repeated("word ")),
        "x x x",
    ),
    Case(
        "an HTML quotation around Markdown",
        repeated(PLAIN, head="<blockquote>\n\n", tail="\n\n</blockquote>"),
        "the talks, he said, went well",
    ),
    Case(
        "allowed tags, near the limit",
        then(repeated("<em>a</em> "), 0.18, repeated("word ")),
        "a a a",
    ),
    Case("script blocks", repeated("<script>alert(1)</script>\n\nword\n\n"), None, HTML_MESSAGE),
    # --- characters -------------------------------------------------------------------------
    Case("emoji in brackets", repeated("[😀"), "[😀[😀"),
    Case("combining accents", repeated("a\u0301 "), "a\u0301 a\u0301"),
    Case("right-to-left and zero-width", repeated("\u202eabc\u200b "), "abc"),
    Case("NUL characters", repeated("\x00", tail="a"), "a"),
    Case("control characters", repeated("\x01\x1b[31m", tail="a"), "[31m"),
]
