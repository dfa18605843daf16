"""The date histogram of a search: cables per year, or per month when the results span two
years or less, laid out as SVG bars that the template draws (no chart script). Pure Python."""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

WIDTH = 600  # the SVG's viewBox, in its own units
HEIGHT = 120
_LABELS_HEIGHT = 18
_LABELS_MARGIN = 20
_MONTHLY_UP_TO = 24  # months of span below which bars are months
_MOST_LABELS = 12
_MOST_DRAWN_WIDTH = 60


@dataclass(frozen=True)
class Bar:
    label: str
    total: int
    first: datetime.date
    last: datetime.date
    x: float
    width: float
    height: float
    show_label: bool

    @property
    def y(self) -> float:
        return round(HEIGHT - self.height, 2)

    @property
    def drawn_width(self) -> float:
        """The bar as drawn: a gap on each side keeps neighbours apart, and a bar alone
        does not fill the whole chart."""
        return round(min(self.width * 0.8, _MOST_DRAWN_WIDTH), 2)

    @property
    def drawn_x(self) -> float:
        return round(self.x + (self.width - self.drawn_width) / 2, 2)

    @property
    def middle(self) -> float:
        return round(self.x + self.width / 2, 2)

    @property
    def first_day(self) -> str:
        return self.first.isoformat()

    @property
    def last_day(self) -> str:
        return self.last.isoformat()


@dataclass(frozen=True)
class Histogram:
    bars: list[Bar]
    by: str  # 'year' or 'month'
    width: int = WIDTH
    height: int = HEIGHT
    labels_height: int = _LABELS_HEIGHT

    @property
    def total(self) -> int:
        return sum(bar.total for bar in self.bars)

    @property
    def label_y(self) -> int:
        return HEIGHT + _LABELS_HEIGHT - 4

    @property
    def view_height(self) -> int:
        return HEIGHT + _LABELS_HEIGHT

    @property
    def view_box(self) -> str:
        """The drawing with room at each side for the labels of the first and last bars."""
        return f"{-_LABELS_MARGIN} 0 {WIDTH + 2 * _LABELS_MARGIN} {self.view_height}"


def svg(chart: Histogram, link: Callable[[Bar], str], caption_id: str) -> str:
    """The chart as an <svg> element: a link per bar with cables, to `link(bar)` (a URL),
    labelled by the element `caption_id` names. Numbers are written as Python writes them,
    never localised: a decimal comma would break the drawing."""
    parts = [
        f'<svg viewBox="{chart.view_box}" role="group" aria-labelledby="{escape(caption_id)}" '
        'preserveAspectRatio="xMidYMid meet">'
    ]
    for bar in chart.bars:
        if bar.total:
            said = escape(f"{bar.label}: {bar.total:,} cable{'' if bar.total == 1 else 's'}")
            parts.append(
                f'<a href="{escape(link(bar))}" class="bar-link" aria-label="{said}">'
                f"<title>{said}</title>"
                f'<rect class="bar-hit" x="{bar.x}" y="0" width="{bar.width}" height="{HEIGHT}"/>'
                f'<rect class="bar" x="{bar.drawn_x}" y="{bar.y}" width="{bar.drawn_width}" '
                f'height="{bar.height}"/></a>'
            )
        if bar.show_label:
            parts.append(
                f'<text class="bar-label" x="{bar.middle}" y="{chart.label_y}" '
                f'text-anchor="middle">{escape(bar.label)}</text>'
            )
    parts.append(f'<line class="axis" x1="0" x2="{WIDTH}" y1="{HEIGHT}" y2="{HEIGHT}"/></svg>')
    return "".join(parts)


def histogram(
    months: list[tuple[datetime.date, int]],
    within: tuple[datetime.date | None, datetime.date | None] = (None, None),
) -> Histogram | None:
    """From (first day of a month, cables) pairs, in any order; None when there is nothing.
    `within` is the date range the counts were taken in: a bar's dates stay inside it, so
    choosing the bar never lists more than the bar counts."""
    counted = {month.replace(day=1): total for month, total in months if total}
    if not counted:
        return None
    first, last = min(counted), max(counted)
    span = (last.year - first.year) * 12 + last.month - first.month + 1
    if span <= _MONTHLY_UP_TO:
        periods = [
            (f"{month:%b %Y}", month, month_end(month), counted.get(month, 0))
            for month in _month_range(first, last)
        ]
        by = "month"
    else:
        years: dict[int, int] = {}
        for month, total in counted.items():
            years[month.year] = years.get(month.year, 0) + total
        periods = [
            (str(year), datetime.date(year, 1, 1), datetime.date(year, 12, 31), years.get(year, 0))
            for year in range(first.year, last.year + 1)
        ]
        by = "year"
    highest = max(total for *_, total in periods)
    width = WIDTH / len(periods)
    every = -(-len(periods) // _MOST_LABELS)  # label one bar in `every`
    earliest, latest = within
    bars = [
        Bar(
            label=label,
            total=total,
            first=max(start, earliest) if earliest else start,
            last=min(end, latest) if latest else end,
            x=round(index * width, 2),
            width=round(width, 2),
            # A bar with any cable stays visible, however tall the highest is.
            height=round(max(HEIGHT * total / highest, 2 if total else 0), 2),
            show_label=index % every == 0,
        )
        for index, (label, start, end, total) in enumerate(periods)
    ]
    return Histogram(bars=bars, by=by)


def _month_range(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    months = []
    month = first
    while month <= last:
        months.append(month)
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return months


def month_end(month: datetime.date) -> datetime.date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])
