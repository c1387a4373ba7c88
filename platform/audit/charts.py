"""Bar charts as inline SVG, drawn in Python: no JavaScript, no chart library.

A chart is described once (`BarChart`) and drawn twice: as SVG for the pages and the HTML
report (`to_svg`), and with fpdf2's primitives for the PDF report (audit.report_pdf). Each
SVG carries a <title> and <desc> for screen readers; the pages also show the numbers in a
table, so nothing is only in the picture.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

# Colours people with the common colour-vision deficiencies can still tell apart (Okabe–Ito).
PALETTE = {"allowed": "#009E73", "reviewed": "#E69F00", "blocked": "#D55E00",
           "upheld": "#CC79A7", "overturned": "#0072B2", "pending": "#999999"}
DEFAULT_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#999999")


@dataclass(frozen=True)
class BarChart:
    """Bars per label (a day, a category), each stacked from one value per series."""

    title: str
    labels: list[str]
    series: list[str]
    values: list[list[int | float]]  # values[i][j]: label i, series j
    horizontal: bool = False
    unit: str = ""

    def colour(self, j: int) -> str:
        return PALETTE.get(self.series[j], DEFAULT_COLOURS[j % len(DEFAULT_COLOURS)])

    @property
    def totals(self) -> list[float]:
        return [sum(row) for row in self.values]

    @property
    def ticks(self) -> list[int]:
        """Axis marks at a round step (1, 2 or 5 × 10ⁿ), at most five above zero, the last at or above the largest bar."""
        largest = max(self.totals, default=0) or 1
        step = next(s for s in _round_steps() if largest / s <= 5)
        return [step * k for k in range(math.ceil(largest / step) + 1)]

    @property
    def top(self) -> float:
        return self.ticks[-1]

    def description(self) -> str:
        """The whole chart in words, for the SVG's <desc>."""
        if not self.labels or not any(self.totals):
            return "No data in this period."
        parts = []
        for label, row in zip(self.labels, self.values):
            if any(row):
                counts = ", ".join(f"{name} {_number(v)}" for name, v in zip(self.series, row) if v)
                parts.append(f"{label}: {counts}")
        return "; ".join(parts) + "."


def _round_steps():
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            yield factor * magnitude
        magnitude *= 10


def _number(value) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def to_svg(chart: BarChart, *, width: int = 720, height: int = 240, ident: str = "chart") -> str:
    """The chart as an <svg> element (a string that is safe to insert into HTML)."""
    ident = escape(ident)
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" '
            f'role="img" aria-labelledby="{ident}-title {ident}-desc" class="chart" '
            f'style="max-width:{width}px;font:11px system-ui,sans-serif">'
            f'<title id="{ident}-title">{escape(chart.title)}</title>'
            f'<desc id="{ident}-desc">{escape(chart.description())}</desc>')
    body = _horizontal(chart, width, height) if chart.horizontal else _vertical(chart, width, height)
    return head + "".join(body) + _legend(chart, width) + "</svg>"


def _legend(chart: BarChart, width: int) -> str:
    if len(chart.series) < 2:
        return ""
    items, x = [], 56
    for j, name in enumerate(chart.series):
        items.append(f'<rect x="{x}" y="4" width="10" height="10" fill="{chart.colour(j)}"/>'
                     f'<text x="{x + 14}" y="13">{escape(name)}</text>')
        x += 24 + 7 * len(name)
    return '<g class="legend">' + "".join(items) + "</g>"


def _vertical(chart: BarChart, width: int, height: int) -> list[str]:
    """One column per label (days along the bottom), the value axis on the left."""
    left, right, top, bottom = 48, 8, 24, 34
    plot_w, plot_h = width - left - right, height - top - bottom
    out = _value_grid(chart, lambda v: top + plot_h - v / chart.top * plot_h,
                      lambda y, text: f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{text}</text>',
                      lambda y: f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}"/>')
    slot = plot_w / max(len(chart.labels), 1)
    bar = min(slot * 0.7, 32)  # a period of a few days still gets bars, not blocks
    every = max(1, round(len(chart.labels) / 12))  # about a dozen labels fit under the axis
    for i, (label, row) in enumerate(zip(chart.labels, chart.values)):
        x, base = left + (i + 0.5) * slot - bar / 2, top + plot_h
        for j, value in enumerate(row):
            if value:
                h = value / chart.top * plot_h
                base -= h
                out.append(f'<rect x="{x:.1f}" y="{base:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                           f'fill="{chart.colour(j)}"><title>{escape(label)}: {escape(chart.series[j])} '
                           f'{_number(value)}</title></rect>')
        if i % every == 0:
            out.append(f'<text x="{left + (i + 0.5) * slot:.1f}" y="{height - bottom + 14}" '
                       f'text-anchor="middle">{escape(_short(label))}</text>')
    return out


def _horizontal(chart: BarChart, width: int, height: int) -> list[str]:
    """One row per label (categories down the side), the value axis along the bottom."""
    left, right, top, bottom = 150, 40, 24, 24
    plot_w, plot_h = width - left - right, height - top - bottom
    out = _value_grid(chart, lambda v: left + v / chart.top * plot_w,
                      lambda x, text: f'<text x="{x:.1f}" y="{height - 8}" text-anchor="middle">{text}</text>',
                      lambda x: f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top}" y2="{top + plot_h}"/>')
    slot = plot_h / max(len(chart.labels), 1)
    for i, (label, row) in enumerate(zip(chart.labels, chart.values)):
        y, start = top + i * slot + slot * 0.15, left
        for j, value in enumerate(row):
            if value:
                w = value / chart.top * plot_w
                out.append(f'<rect x="{start:.1f}" y="{y:.1f}" width="{w:.1f}" height="{slot * 0.7:.1f}" '
                           f'fill="{chart.colour(j)}"><title>{escape(label)}: {_number(value)}</title></rect>')
                start += w
        middle = y + slot * 0.35 + 4
        out.append(f'<text x="{left - 6}" y="{middle:.1f}" text-anchor="end">{escape(label)}</text>')
        out.append(f'<text x="{start + 4:.1f}" y="{middle:.1f}">{_number(sum(row))}</text>')
    return out


def _value_grid(chart: BarChart, position, tick_label, grid_line) -> list[str]:
    out = ['<g stroke="#dfe3ea">']
    out += [grid_line(position(v)) for v in chart.ticks]
    out.append('</g><g fill="#6b7385">')
    out += [tick_label(position(v), escape(_number(v) + chart.unit)) for v in chart.ticks]
    out.append("</g>")
    return out


def _short(label: str) -> str:
    """'2026-03-07' → '03-07': the year is in the chart's title."""
    return label[5:] if len(label) == 10 and label[4] == "-" else label
