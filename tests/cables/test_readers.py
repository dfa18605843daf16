"""The readers: a blog repost (the seed), an original cable page, rows of cables.csv."""

from __future__ import annotations

import dataclasses
import io
from datetime import UTC, datetime
from pathlib import Path

import pytest

from cables.parsing import CableParseError, MediaArticle, parse_cable
from cables.readers import (
    CsvCable,
    parse_csv_cable,
    parse_html_cable,
    read_cable_page,
    read_csv,
    read_text,
)

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_109c0dc381017bfb.txt"


# --- plain text ---------------------------------------------------------------------------


def test_read_text_drops_the_blog_chrome_after_the_cable() -> None:
    text = read_text(SEED.read_text(encoding="utf-8"))
    assert text.rstrip().endswith(
        "only a breakthrough on the Kuriles \nwill result in dramatic change."
    )
    for chrome in ("Post a comment", "Leave a Reply", "WordPress.com", "bloggers like this"):
        assert chrome not in text


def test_read_text_undoes_doubled_quotes() -> None:
    text = read_text(SEED.read_text(encoding="utf-8"))
    assert '""' not in text
    assert 'FM Aso\'s Remarks: "Creative"' in text


def test_read_text_keeps_single_quotes_and_windows_line_ends() -> None:
    text = read_text('TAGS: PREL\r\n\r\n1. (C) He said "no" twice.\r\n')
    assert text == 'TAGS: PREL\n\n1. (C) He said "no" twice.\n'


def test_read_text_of_the_seed_parses() -> None:
    cable = parse_cable(read_text(SEED.read_text(encoding="utf-8")))
    assert cable.reference_id == "07MOSCOW601"
    assert len(cable.paragraphs) == 10


# --- an original cable page --------------------------------------------------------------

ORIGINAL_PAGE = """<!DOCTYPE html>
<html><head><title>Viewing cable 08ANKARA412, TURKEY: PARLIAMENT DEBATES HEADSCARF BAN</title>
</head><body>
<div class='pane big'>
<h3>Viewing cable 08ANKARA412, TURKEY: PARLIAMENT DEBATES HEADSCARF BAN</h3>
<table class='cable'>
<tr><th>Reference ID</th><th>Created</th><th>Released</th><th>Classification</th>
<th>Origin</th></tr>
<tr>
<td><a href='/cable/2008/02/08ANKARA412.html'>08ANKARA412</a></td>
<td><a href='/date/2008-02_0.html'>2008-02-28 14:20</a></td>
<td><a href='/reldate/2011-08-30_0.html'>2011-08-30 01:44</a></td>
<td><a href='/classification/4_0.html'>CONFIDENTIAL</a></td>
<td><a href='/origin/9_0.html'>Embassy Ankara</a></td>
</tr>
</table>
<code><pre>VZCZCXYZ0001&#x000A;OO RUEHWEB&#x000A;&#x000A;DE RUEHAK #0412/01 0591420&#x000A;\
ZNY CCCCC ZZH&#x000A;O 281420Z FEB 08&#x000A;FM AMEMBASSY ANKARA&#x000A;\
TO RUEHC/SECSTATE WASHDC IMMEDIATE 5432&#x000A;INFO RUEHIT/AMCONSUL ISTANBUL 0321</pre></code>
<code><pre>C O N F I D E N T I A L SECTION 01 OF 02 ANKARA 000412 &#x000A;&#x000A;SIPDIS &#x000A;\
&#x000A;E.O. 12958: DECL: 02/27/2018 &#x000A;\
TAGS: <a href='/tag/PGOV_0.html'>PGOV</a>, <a href='/tag/PREL_0.html'>PREL</a>, \
<a href='/tag/TU_0.html'>TU</a> &#x000A;\
SUBJECT: TURKEY: PARLIAMENT DEBATES HEADSCARF BAN &#x000A;&#x000A;\
Classified By: Ambassador Ross Wilson for reasons 1.4 (b) and (d). &#x000A;&#x000A;\
<a id='par1' href='#par1'>&para;</a>1. (C) Summary: The AKP and MHP passed the amendments \
&#x000A;on February 9. End Summary. &#x000A;&#x000A;\
<a id='par2' href='#par2'>¶</a>2. (C) The CHP will appeal to the Constitutional Court; \
&#x000A;its leader called the vote &quot;a Q&amp;A without answers.&quot; &#x000A;\
ANKARA 00000412  002 OF 002 &#x000A;&#x000A;\
<a id='par3' href='#par3'>¶</a>3. (U) Post will report on the court&#x27;s decision. \
&#x000A;&#x000A;WILSON</pre></code>
</div></body></html>"""


def test_read_page_gives_the_table_and_the_two_boxes() -> None:
    page = read_cable_page(ORIGINAL_PAGE)
    assert page.cells[:5] == [
        "08ANKARA412",
        "2008-02-28 14:20",
        "2011-08-30 01:44",
        "CONFIDENTIAL",
        "Embassy Ankara",
    ]
    header, body = page.blocks
    assert "\nDE RUEHAK #0412/01 0591420\n" in header
    assert "TAGS: PGOV, PREL, TU" in body
    assert "¶" not in body
    assert "<a" not in body and "&#x000A;" not in body
    assert '"a Q&A without answers."' in body


def test_parse_html_cable() -> None:
    cable = parse_html_cable(ORIGINAL_PAGE)
    assert cable.reference_id == "08ANKARA412"
    assert cable.created == datetime(2008, 2, 28, 14, 20, tzinfo=UTC)
    assert cable.released == datetime(2011, 8, 30, 1, 44, tzinfo=UTC)
    assert cable.classification == "CONFIDENTIAL"
    assert cable.origin == "Embassy Ankara"
    assert cable.transmission_id == "VZCZCXYZ0001"
    assert cable.sender == "AMEMBASSY ANKARA"
    assert cable.recipients == ["SECSTATE WASHDC"]
    assert cable.info_recipients == ["AMCONSUL ISTANBUL"]
    assert cable.tags == ["PGOV", "PREL", "TU"]
    assert cable.subject == "TURKEY: PARLIAMENT DEBATES HEADSCARF BAN"
    assert cable.captions == ["SIPDIS"]
    assert cable.classification_reasons == ["1.4(b)", "1.4(d)"]
    assert [(p.number, p.marking) for p in cable.paragraphs] == [
        (1, "C"),
        (2, "C"),
        (3, "U"),
    ]
    assert cable.paragraphs[1].text == (
        "The CHP will appeal to the Constitutional Court; its leader called the vote "
        '"a Q&A without answers."'
    )
    assert cable.paragraphs[2].text == "Post will report on the court's decision."
    assert cable.summary == "The AKP and MHP passed the amendments on February 9."
    assert cable.signer == "WILSON"


def test_a_page_without_a_cable_is_refused() -> None:
    with pytest.raises(CableParseError, match="not a cable page"):
        parse_html_cable("<html><body><p>Nothing to see here.</p></body></html>")


# --- the news articles an original page lists -----------------------------------------------

SPIEGEL = "http://www.spiegel.de/international/world/0,1518,732127,00.html"
GUARDIAN = "https://www.theguardian.com/world/us-embassy-cables-documents/141452"


def page_with_articles(articles_html: str) -> str:
    """The original page with 'Appears in these articles' in a last row of its table."""
    row = f"<tr><td colspan='5'>Appears in these articles:<br/>{articles_html}</td></tr>\n"
    page = ORIGINAL_PAGE.replace("</tr>\n</table>", f"</tr>\n{row}</table>")
    assert page != ORIGINAL_PAGE
    return page


def test_articles_are_the_links_after_the_label_in_order() -> None:
    page = page_with_articles(
        f"<a href='{SPIEGEL}'>spiegel.de</a><br/>"
        f"<a href='{GUARDIAN}'>\n  The   Guardian:\n US embassy cables </a><br/>"
        "<a href='http://elpais.com/diario/2010/12/03/'></a><br/>"
        "<a href='https://www.aftenposten.no/a/1'>https://www.aftenposten.no/a/1</a><br/>"
    )
    assert parse_html_cable(page).articles == [
        MediaArticle(url=SPIEGEL, title="spiegel.de"),
        MediaArticle(url=GUARDIAN, title="The Guardian: US embassy cables"),
        MediaArticle(url="http://elpais.com/diario/2010/12/03/", title="elpais.com"),
        MediaArticle(url="https://www.aftenposten.no/a/1", title="www.aftenposten.no"),
    ]


def test_articles_written_loose_in_the_table_are_found() -> None:
    page = ORIGINAL_PAGE.replace(
        "</tr>\n</table>",
        f"</tr>\nAppears in these articles:<br/><a href='{SPIEGEL}'>spiegel.de</a><br/>\n</table>",
    )
    assert parse_html_cable(page).articles == [MediaArticle(url=SPIEGEL, title="spiegel.de")]


@pytest.mark.parametrize(
    "articles_html",
    [
        "not yet set",
        # Some pages link every word of 'not yet set'.
        "<a href='http://not'>not</a> <a href='http://yet'>yet</a> <a href='http://set'>set</a>",
    ],
)
def test_a_page_whose_articles_are_not_yet_set_has_none(articles_html) -> None:
    cable = parse_html_cable(page_with_articles(articles_html))
    assert cable.articles == []
    assert cable.reference_id == "08ANKARA412"


def test_duplicate_article_links_are_kept_once_where_first_listed() -> None:
    page = page_with_articles(
        f"<a href='{SPIEGEL}'>spiegel.de</a><br/>"
        f"<a href='{GUARDIAN}'>guardian.co.uk</a><br/>"
        f"<a href='{SPIEGEL}'>Der Spiegel</a><br/>"
    )
    assert [(a.url, a.title) for a in parse_html_cable(page).articles] == [
        (SPIEGEL, "spiegel.de"),
        (GUARDIAN, "guardian.co.uk"),
    ]


def test_only_http_and_https_links_are_articles() -> None:
    page = page_with_articles(
        "<a href='javascript:alert(document.cookie)'>spiegel.de</a><br/>"
        "<a href=' JavaScript:alert(1)'>x</a><br/>"
        "<a href='data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;'>data</a><br/>"
        "<a href='mailto:editor@example.org'>mail</a><br/>"
        "<a href='/cable/2008/02/08ANKARA412.html'>relative</a><br/>"
        "<a>no address</a><br/>"
        f"<a href='{SPIEGEL}'>spiegel.de</a><br/>"
    )
    assert parse_html_cable(page).articles == [MediaArticle(url=SPIEGEL, title="spiegel.de")]


def test_links_before_the_label_or_after_the_table_are_not_articles() -> None:
    # The metadata cells link to the cable and its lists; the TAGS link to tag pages.
    page = page_with_articles(f"<a href='{SPIEGEL}'>spiegel.de</a>").replace(
        "</table>", "</table><p><a href='https://wikileaks.org/donate'>Donate</a></p>"
    )
    assert [a.url for a in parse_html_cable(page).articles] == [SPIEGEL]
    assert parse_html_cable(ORIGINAL_PAGE).articles == []


def test_articles_change_nothing_else_in_the_cable() -> None:
    page = page_with_articles(f"<a href='{SPIEGEL}'>spiegel.de</a><br/>")
    with_articles = parse_html_cable(page)
    assert with_articles.articles
    assert dataclasses.replace(with_articles, articles=[]) == parse_html_cable(ORIGINAL_PAGE)


def test_parse_html_cable_of_a_page_without_a_cable() -> None:
    with pytest.raises(CableParseError, match="not a cable page"):
        parse_html_cable(
            f"<html><body>Appears in these articles: <a href='{SPIEGEL}'>x</a></body></html>"
        )


# --- cables.csv --------------------------------------------------------------------------

CSV_TEXT = (
    # Row 1 starts on line 1; its header and content run over several lines.
    '101,"12/28/1966 18:48","66BUENOSAIRES2481","Embassy Buenos Aires","UNCLASSIFIED","",'
    '"R 281848Z DEC 66\nFM AMEMBASSY BUENOS AIRES\nTO SECSTATE WASHDC 2481",'
    '"UNCLAS BUENOS AIRES 2481\n\nSUBJECT: ARGENTINE WHEAT CROP\n\n'
    '1. EMBASSY ESTIMATES THE CROP AT SIX MILLION TONS.\n\nSMITH"\n'
    # Row 2 starts on line 10: a row with a column missing.
    '102,"02/09/2007 15:54","07MOSCOW601","Embassy Moscow","CONFIDENTIAL","",'
    '"O 091554Z FEB 07"\n'
    # Row 3 starts on line 11; the quotes inside the content are doubled, as CSV writes them.
    '103,"02/09/2007 15:54","07MOSCOW601","Embassy Moscow","CONFIDENTIAL",'
    '"06MOSCOW12345","O 091554Z FEB 07\nFM AMEMBASSY MOSCOW",'
    '"C O N F I D E N T I A L MOSCOW 000601\n\nE.O. 12958: DECL: 02/06/2017\n'
    'TAGS: PREL, RS, JA\n\n1. (C) Losyukov called the idea ""creative.""\n"\n'
)


def test_read_csv_streams_rows_with_multi_line_fields() -> None:
    rows = list(read_csv(io.StringIO(CSV_TEXT)))
    assert len(rows) == 3
    first, _, third = rows
    assert isinstance(first, CsvCable)
    assert first.line == 1
    assert first.row_id == "101"
    assert first.created == "12/28/1966 18:48"
    assert first.reference_id == "66BUENOSAIRES2481"
    assert first.origin == "Embassy Buenos Aires"
    assert first.classification == "UNCLASSIFIED"
    assert first.header == "R 281848Z DEC 66\nFM AMEMBASSY BUENOS AIRES\nTO SECSTATE WASHDC 2481"
    assert first.content.endswith("SIX MILLION TONS.\n\nSMITH")
    assert isinstance(third, CsvCable)
    assert third.line == 11
    assert third.references == "06MOSCOW12345"
    assert 'called the idea "creative."' in third.content


def test_read_csv_reports_a_malformed_row_with_its_line_and_goes_on() -> None:
    rows = list(read_csv(io.StringIO(CSV_TEXT)))
    malformed = rows[1]
    assert isinstance(malformed, CableParseError)
    assert str(malformed) == "line 10: expected 8 columns, found 7"
    assert isinstance(rows[2], CsvCable)


def test_read_csv_is_lazy() -> None:
    def lines():
        yield from io.StringIO(CSV_TEXT)
        raise AssertionError("read past the first row")

    first = next(read_csv(lines()))
    assert isinstance(first, CsvCable)
    assert first.reference_id == "66BUENOSAIRES2481"


def test_parse_csv_cable_takes_the_columns_as_authoritative() -> None:
    first = next(read_csv(io.StringIO(CSV_TEXT)))
    assert isinstance(first, CsvCable)
    cable = parse_csv_cable(first)
    assert cable.reference_id == "66BUENOSAIRES2481"
    assert cable.created == datetime(1966, 12, 28, 18, 48, tzinfo=UTC)
    assert cable.origin == "Embassy Buenos Aires"
    assert cable.classification == "UNCLASSIFIED"
    assert cable.date_time_group == datetime(1966, 12, 28, 18, 48, tzinfo=UTC)
    assert cable.sender == "AMEMBASSY BUENOS AIRES"
    assert cable.subject == "ARGENTINE WHEAT CROP"
    assert cable.signer == "SMITH"
    assert [p.number for p in cable.paragraphs] == [1]


def test_parse_csv_cable_of_the_row_with_doubled_quotes() -> None:
    third = list(read_csv(io.StringIO(CSV_TEXT)))[2]
    assert isinstance(third, CsvCable)
    cable = parse_csv_cable(third)
    assert cable.reference_id == "07MOSCOW601"
    assert cable.tags == ["PREL", "RS", "JA"]
    assert cable.paragraphs[0].text == 'Losyukov called the idea "creative."'


def test_text_and_csv_cables_have_no_articles() -> None:
    assert parse_cable(read_text(SEED.read_text(encoding="utf-8"))).articles == []
    first = next(read_csv(io.StringIO(CSV_TEXT)))
    assert isinstance(first, CsvCable)
    assert parse_csv_cable(first).articles == []


# --- files cut short ------------------------------------------------------------------------


def rows_of(text: str) -> list[CsvCable | CableParseError]:
    return list(read_csv(io.StringIO(text, newline="")))


@pytest.mark.parametrize(
    ("cut_after", "reason"),
    [
        # Mid-word in the last field, as `head -c` cuts it.
        ("called the idea", "the file ends inside its quoted content field (column 8 of 8)"),
        # Right after a line break inside the quoted content.
        ("TAGS: PREL, RS, JA\n", "the file ends inside its quoted content field (column 8 of 8)"),
        # Right after a doubled quote, which is not the closing one.
        ('the idea ""', "the file ends inside its quoted content field (column 8 of 8)"),
        # Inside the header, the references, the reference ID, the date.
        ("O 091554Z FEB", "the file ends inside its quoted header field (column 7 of 8)"),
        ('"06MOSCOW', "the file ends inside its quoted references field (column 6 of 8)"),
        (
            '"CONFIDENTIAL","06MOSCOW12345","O 091554Z FEB 07\nFM AMEMBASSY MOSCOW",'
            '"C O N F I D E N T I A L MOSCOW 000601\n\nE.O.',
            "the file ends inside its quoted content field (column 8 of 8)",
        ),
        ('103,"02/09/20', "the file ends inside its quoted date field (column 2 of 8)"),
        # Between two fields, outside any quotes.
        (
            '"Embassy Moscow","CONFIDENTIAL",',
            "the file ends after its references field (column 6 of 8)",
        ),
        ("103", "the file ends after its id field (column 1 of 8)"),
    ],
)
def test_a_row_the_end_of_the_file_cuts_is_reported_not_read(cut_after, reason) -> None:
    """The rows before the cut are read whole; the cut one is an error naming its line."""
    cut = CSV_TEXT[: CSV_TEXT.rindex(cut_after) + len(cut_after)]
    *complete, last = rows_of(cut)
    assert isinstance(last, CableParseError)
    assert str(last) == f"line 11: truncated row: {reason}"
    assert [row.reference_id for row in complete if isinstance(row, CsvCable)] == [
        "66BUENOSAIRES2481"
    ]


@pytest.mark.parametrize(
    "text",
    [
        CSV_TEXT,
        CSV_TEXT.rstrip("\n"),  # the last line without its line break
        CSV_TEXT.replace("\n", "\r\n")[:-1],  # cut between '\r' and '\n'
        CSV_TEXT.rstrip("\n") + '\n104,"a","b","c","d","e","f",the last field unquoted',
        CSV_TEXT + "  ",  # a blank last line
    ],
)
def test_a_file_whose_last_row_is_whole_has_no_truncated_row(text) -> None:
    rows = rows_of(text)
    assert not any("truncated" in str(row) for row in rows if isinstance(row, CableParseError))
    assert isinstance(rows[2], CsvCable)
    assert rows[2].content.rstrip("\r\n").endswith('called the idea "creative."')


def page_cut_after(text: str, occurrence: int = 1) -> str:
    """ORIGINAL_PAGE up to the end of the `occurrence`-th `text` in it."""
    end = -1
    for _ in range(occurrence):
        end = ORIGINAL_PAGE.index(text, end + 1)
    return ORIGINAL_PAGE[: end + len(text)]


@pytest.mark.parametrize(
    ("page", "reason"),
    [
        (page_cut_after("Embassy Ank"), "it ends inside the metadata table (no closing </table>)"),
        (
            page_cut_after("FM AMEMBASSY"),
            "it ends inside the header text block (no closing </pre>)",
        ),
        (
            page_cut_after("its leader called the vo"),
            "it ends inside the body text block (no closing </pre>)",
        ),
        (
            page_cut_after("<a id='par3' hr"),
            "it ends inside the body text block (no closing </pre>)",
        ),
        (page_cut_after("court&#x2"), "it ends inside the body text block (no closing </pre>)"),
        (page_cut_after("WILSON</pr"), "it ends inside the body text block (no closing </pre>)"),
        (
            page_cut_after("</pre></code>\n"),
            "it ends before the body text block (no second <pre> block, no </html>)",
        ),
        (
            page_cut_after("</table>\n"),
            "it ends before the body text block (no second <pre> block, no </html>)",
        ),
    ],
)
def test_a_page_cut_short_is_refused_with_where_it_ends(page, reason) -> None:
    with pytest.raises(CableParseError) as refused:
        parse_html_cable(page)
    assert str(refused.value) == f"truncated page: {reason}"


@pytest.mark.parametrize(
    "page",
    [
        page_cut_after("</pre></code>", occurrence=2),  # only the page's closing tags lost
        ORIGINAL_PAGE.replace("</body></html>", ""),
    ],
)
def test_a_page_whose_cable_is_whole_is_read_without_its_closing_tags(page) -> None:
    assert parse_html_cable(page) == parse_html_cable(ORIGINAL_PAGE)


def test_a_page_cut_before_its_table_is_no_cable_page() -> None:
    with pytest.raises(CableParseError) as refused:
        parse_html_cable(ORIGINAL_PAGE[: ORIGINAL_PAGE.index("<table")])
    assert str(refused.value) == (
        "not a cable page: no <table class='cable'> and no <pre> blocks (nor </html>: cut short?)"
    )
