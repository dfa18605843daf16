"""The date histogram of a search, without a database: which bars, how tall, where."""

import datetime

import pytest
from django.utils import translation

from cables.histogram import HEIGHT, WIDTH, histogram, svg


def month(year: int, number: int) -> datetime.date:
    return datetime.date(year, number, 1)


def shape(chart) -> list[tuple[str, int, str, str]]:
    return [(bar.label, bar.total, bar.first_day, bar.last_day) for bar in chart.bars]


@pytest.mark.parametrize("months", [[], [(month(2008, 3), 0)], [(month(2008, 3), 0)] * 3])
def test_nothing_to_draw_is_no_histogram(months):
    assert histogram(months) is None


def test_one_month_is_one_full_bar():
    chart = histogram([(month(2008, 3), 7)])
    assert chart.by == "month"
    assert chart.total == 7
    [bar] = chart.bars
    assert (bar.label, bar.first_day, bar.last_day) == ("Mar 2008", "2008-03-01", "2008-03-31")
    assert (bar.x, bar.width, bar.height, bar.y) == (0, WIDTH, HEIGHT, 0)
    assert bar.show_label


def test_empty_months_between_get_bars_of_no_height():
    chart = histogram([(month(2008, 4), 2), (month(2008, 1), 4)])  # in any order
    assert shape(chart) == [
        ("Jan 2008", 4, "2008-01-01", "2008-01-31"),
        ("Feb 2008", 0, "2008-02-01", "2008-02-29"),
        ("Mar 2008", 0, "2008-03-01", "2008-03-31"),
        ("Apr 2008", 2, "2008-04-01", "2008-04-30"),
    ]
    assert [bar.height for bar in chart.bars] == [HEIGHT, 0, 0, HEIGHT / 2]
    assert [bar.y for bar in chart.bars] == [0, HEIGHT, HEIGHT, HEIGHT / 2]


def test_months_run_across_the_new_year():
    chart = histogram([(month(2007, 11), 1), (month(2008, 2), 1)])
    assert [bar.label for bar in chart.bars] == [
        "Nov 2007",
        "Dec 2007",
        "Jan 2008",
        "Feb 2008",
    ]


def test_twenty_four_months_are_still_months():
    chart = histogram([(month(2007, 1), 1), (month(2008, 12), 1)])
    assert chart.by == "month"
    assert len(chart.bars) == 24
    assert chart.bars[-1].label == "Dec 2008"


def test_twenty_five_months_are_years_with_their_totals():
    chart = histogram(
        [(month(2007, 1), 1), (month(2008, 6), 3), (month(2008, 7), 2), (month(2009, 1), 5)]
    )
    assert chart.by == "year"
    assert shape(chart) == [
        ("2007", 1, "2007-01-01", "2007-12-31"),
        ("2008", 5, "2008-01-01", "2008-12-31"),
        ("2009", 5, "2009-01-01", "2009-12-31"),
    ]
    assert chart.total == 11


def test_empty_years_between_get_bars_of_no_height():
    chart = histogram([(month(1989, 5), 1), (month(1992, 2), 4)])
    assert [(bar.label, bar.total, bar.height) for bar in chart.bars] == [
        ("1989", 1, HEIGHT / 4),
        ("1990", 0, 0),
        ("1991", 0, 0),
        ("1992", 4, HEIGHT),
    ]


def test_a_bar_with_any_cable_stays_visible_beside_a_huge_one():
    chart = histogram([(month(2008, 1), 10_000), (month(2008, 2), 1)])
    assert [bar.height for bar in chart.bars] == [HEIGHT, 2]


def test_bars_share_the_width_side_by_side_drawn_with_a_gap():
    chart = histogram([(month(2008, 1), 1), (month(2009, 12), 1)])  # 24 bars
    assert [(bar.x, bar.width) for bar in chart.bars[:3]] == [(0, 25), (25, 25), (50, 25)]
    assert sum(bar.width for bar in chart.bars) == WIDTH
    second = chart.bars[1]
    assert (second.drawn_x, second.drawn_width, second.middle) == (27.5, 20, 37.5)


def test_few_bars_are_drawn_no_wider_than_sixty():
    chart = histogram([(month(2008, 1), 1), (month(2008, 3), 1)])
    assert [(bar.x, bar.width) for bar in chart.bars] == [(0, 200), (200, 200), (400, 200)]
    second = chart.bars[1]
    assert (second.drawn_x, second.drawn_width, second.middle) == (270, 60, 300)
    [alone] = histogram([(month(2008, 1), 1)]).bars
    assert (alone.drawn_x, alone.drawn_width) == (270, 60)


def test_at_most_twelve_labels_evenly_spread():
    twelve = histogram([(month(2008, 1), 1), (month(2008, 12), 1)])
    assert all(bar.show_label for bar in twelve.bars)
    thirteen = histogram([(month(2008, 1), 1), (month(2009, 1), 1)])
    assert [bar.show_label for bar in thirteen.bars] == [n % 2 == 0 for n in range(13)]
    decades = histogram([(month(1966, 1), 1), (month(2010, 1), 1)])  # 45 yearly bars
    labelled = [bar.label for bar in decades.bars if bar.show_label]
    assert labelled == [str(year) for year in range(1966, 2011, 4)]


def test_svg_sizes():
    chart = histogram([(month(2008, 1), 1)])
    assert (chart.width, chart.height, chart.view_height) == (WIDTH, HEIGHT, HEIGHT + 18)
    assert chart.height < chart.label_y < chart.view_height


def test_the_drawing_links_each_bar_with_cables_and_escapes_what_it_writes():
    chart = histogram([(month(2008, 1), 1234), (month(2008, 3), 1)])
    drawn = svg(chart, lambda bar: f"?from={bar.first_day}&to={bar.last_day}", "caption")
    assert drawn.startswith('<svg viewBox="-20 0 640 138" role="group" aria-labelledby="caption"')
    assert drawn.count('class="bar-link"') == 2  # February has no cable: no link
    assert 'href="?from=2008-01-01&amp;to=2008-01-31"' in drawn
    assert "<title>Jan 2008: 1,234 cables</title>" in drawn
    assert "<title>Mar 2008: 1 cable</title>" in drawn
    assert drawn.count('class="bar-label"') == 3
    assert drawn.endswith("</svg>")


def test_the_drawing_never_writes_numbers_the_local_way():
    chart = histogram([(month(2008, number), 1) for number in range(1, 8)])
    with translation.override("de"):
        drawn = svg(chart, lambda bar: "", "caption")
    assert 'x="85.71" y="0" width="85.71"' in drawn  # the second bar, never 85,71
