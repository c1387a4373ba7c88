"""The compliance report as PDF, drawn with fpdf2: the same charts (audit.charts) and tables as the HTML."""
from __future__ import annotations

import importlib.util
from datetime import datetime
from pathlib import Path

from fpdf import FPDF, FontFace

from audit.activity import Activity
from audit.charts import BarChart

# A Unicode font, so that any team name or category prints. opencv-python (a dependency)
# ships DejaVu Sans in its wheel; the system's fonts come next. With none of them, the PDF's
# built-in Helvetica covers Latin-1 and anything else prints as "?".
_SYSTEM_FONTS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))
_FONT = "ReportSans"
_PAGE_WIDTH = 180  # mm inside A4's margins
_NEXT_LINE = {"new_x": "LMARGIN", "new_y": "NEXT"}  # text flows down the page, not to the right


def _font_files() -> tuple[Path, Path] | None:
    spec = importlib.util.find_spec("cv2")
    folders = [Path(p) / "qt" / "fonts" for p in (spec.submodule_search_locations or [])] if spec else []
    for folder in [*folders, *_SYSTEM_FONTS]:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.is_file():
            return regular, bold if bold.is_file() else regular
    return None


class ReportPDF(FPDF):
    def __init__(self, footer_text: str):
        super().__init__(format="A4")
        self.footer_text = footer_text
        fonts = _font_files()
        self.unicode = fonts is not None
        if fonts:
            self.add_font(_FONT, "", str(fonts[0]))
            self.add_font(_FONT, "B", str(fonts[1]))
        self.set_margins(15, 15, 15)
        self.set_auto_page_break(True, margin=18)

    def use_font(self, size: float, bold: bool = False) -> None:
        self.set_font(_FONT if self.unicode else "helvetica", "B" if bold else "", size)

    def safe(self, text: str) -> str:
        return text if self.unicode else text.encode("latin-1", "replace").decode("latin-1")

    def footer(self) -> None:
        self.set_y(-13)
        self.use_font(8)
        self.set_text_color(107, 115, 133)
        self.cell(0, 5, self.safe(f"{self.footer_text} · page {self.page_no()}/{{nb}}"), align="C")


def render_pdf(activity: Activity, path: Path, *, generated_at: datetime, event_span: str) -> None:
    """Write the report for `activity` to `path`."""
    last = activity.last_day
    pdf = ReportPDF(f"Hallmark compliance report · {activity.team_name} · {activity.period_start} to {last}")
    pdf.set_title(pdf.safe(f"Compliance report: {activity.team_name}, {activity.period_start} to {last}"))
    pdf.set_author("Hallmark")
    pdf.set_creation_date(generated_at)
    pdf.add_page()
    pdf.use_font(20, bold=True)
    pdf.multi_cell(0, 10, pdf.safe(f"Compliance report: {activity.team_name}"), **_NEXT_LINE)
    pdf.use_font(10)
    pdf.set_text_color(107, 115, 133)
    pdf.multi_cell(0, 5, pdf.safe(
        f"Period {activity.period_start} to {last} inclusive (UTC). Generated {generated_at:%Y-%m-%d %H:%M} UTC "
        f"from the team's tamper-evident audit log ({event_span})."), **_NEXT_LINE)
    pdf.set_text_color(29, 35, 48)

    totals = activity.decision_totals
    _section(pdf, "Prompt decisions per day",
             f"Totals: {totals['allowed']} allowed, {totals['reviewed']} reviewed, {totals['blocked']} blocked.")
    _chart(pdf, activity.decisions_chart())
    _table(pdf, ["Day (UTC)", "Allowed", "Reviewed", "Blocked"],
           [[d.isoformat(), *map(str, row)] for d, *row in activity.decision_rows()])

    _section(pdf, "Blocked prompts per category")
    if activity.blocked_per_category:
        _chart(pdf, activity.blocked_chart())
        _table(pdf, ["Category", "Blocked prompts"], [[name, str(n)] for name, n in activity.blocked_per_category])
    else:
        _note(pdf, "No prompt was blocked in this period.")

    t = activity.turnaround
    _section(pdf, "Moderator turnaround",
             "From a request being held for review to the moderator's decision, for decisions made in this period.")
    _table(pdf, ["Decisions", "Median", "90th percentile", "Longest"],
           [[str(t.decided), t.median_text, t.p90_text, t.max_text]])
    if t.decided:
        _chart(pdf, activity.turnaround_chart())
        _table(pdf, ["Waited", "Decisions"], [[label, str(n)] for label, n in t.buckets()])

    _section(pdf, "Appeals")
    _chart(pdf, activity.appeals_chart())
    _table(pdf, ["Filed", "Upheld (stays refused)", "Overturned (renders)"],
           [[str(activity.appeals[k]) for k in ("filed", "upheld", "overturned")]])

    _section(pdf, "Verification requests per day",
             f"Clips this team's members uploaded to learn whether the platform made them: "
             f"{activity.verification_total} in all.")
    if activity.verification_total:
        _chart(pdf, activity.verifications_chart())
    _table(pdf, ["Day (UTC)", *(activity.verdicts or ["Requests"])],
           [[d.isoformat(), *(map(str, counts) if counts else ["0"])] for d, counts in activity.verification_rows()])
    pdf.output(str(path))


def _section(pdf: ReportPDF, title: str, text: str = "") -> None:
    if pdf.get_y() > 230:  # a heading never sits alone at the bottom of a page
        pdf.add_page()
    pdf.ln(6)
    pdf.use_font(13, bold=True)
    pdf.multi_cell(0, 7, pdf.safe(title), **_NEXT_LINE)
    if text:
        _note(pdf, text)


def _note(pdf: ReportPDF, text: str) -> None:
    pdf.use_font(9)
    pdf.set_text_color(107, 115, 133)
    pdf.multi_cell(0, 4.5, pdf.safe(text), **_NEXT_LINE)
    pdf.set_text_color(29, 35, 48)


def _table(pdf: ReportPDF, header: list[str], rows: list[list[str]]) -> None:
    pdf.ln(2)
    pdf.use_font(8.5)
    pdf.set_fill_color(255, 255, 255)  # a chart leaves its last bar colour behind
    with pdf.table(headings_style=FontFace(emphasis="BOLD", fill_color=(238, 241, 246)),
                   cell_fill_color=(246, 247, 250), cell_fill_mode="ROWS", line_height=4.6, text_align="LEFT", first_row_as_headings=True,
                   borders_layout="HORIZONTAL_LINES", width=min(_PAGE_WIDTH, 36 * len(header)), align="LEFT",
                   padding=0.8) as table:
        for row in [header, *rows]:
            cells = table.row()
            for value in row:
                cells.cell(pdf.safe(value))


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _chart(pdf: ReportPDF, chart: BarChart, height: float = 55) -> None:
    """Draw `chart` at the current position, full width, the way audit.charts.to_svg lays it out."""
    if chart.horizontal:  # bars keep one thickness, however few
        height = min(height, 8 + 7 * len(chart.labels))
    if pdf.get_y() + height + 8 > pdf.h - 18:
        pdf.add_page()
    x0, y0, width = pdf.l_margin, pdf.get_y() + 2, _PAGE_WIDTH
    pdf.use_font(7)
    if len(chart.series) > 1:  # legend
        x = x0 + 18
        for j, name in enumerate(chart.series):
            pdf.set_fill_color(*_rgb(chart.colour(j)))
            pdf.rect(x, y0, 3, 3, style="F")
            pdf.text(x + 4, y0 + 2.6, pdf.safe(name))
            x += 8 + pdf.get_string_width(pdf.safe(name))
        y0 += 5
    if chart.horizontal:
        _horizontal(pdf, chart, x0, y0, width, height)
    else:
        _vertical(pdf, chart, x0, y0, width, height)
    pdf.set_y(y0 + height + 2)


def _vertical(pdf: ReportPDF, chart: BarChart, x0, y0, width, height) -> None:
    left, bottom = 14, 6
    plot_w, plot_h, base_y = width - left, height - bottom, y0 + height - bottom
    def y_of(value):
        return base_y - value / chart.top * plot_h

    _grid(pdf, chart, lambda v: (x0 + left, y_of(v), x0 + width, y_of(v)),
          lambda v, text: pdf.text(x0 + left - 1.5 - pdf.get_string_width(text), y_of(v) + 1, text))
    slot = plot_w / max(len(chart.labels), 1)
    bar = min(slot * 0.7, 8)
    every = max(1, round(len(chart.labels) / 12))
    for i, (label, row) in enumerate(zip(chart.labels, chart.values)):
        x, top = x0 + left + (i + 0.5) * slot - bar / 2, base_y
        for j, value in enumerate(row):
            if value:
                h = value / chart.top * plot_h
                top -= h
                pdf.set_fill_color(*_rgb(chart.colour(j)))
                pdf.rect(x, top, bar, h, style="F")
        if i % every == 0:
            text = pdf.safe(label[5:] if len(label) == 10 else label)
            pdf.text(x0 + left + (i + 0.5) * slot - pdf.get_string_width(text) / 2, base_y + 4, text)


def _horizontal(pdf: ReportPDF, chart: BarChart, x0, y0, width, height) -> None:
    left, right, bottom = 42, 12, 6
    plot_w, plot_h = width - left - right, height - bottom
    def x_of(value):
        return x0 + left + value / chart.top * plot_w

    _grid(pdf, chart, lambda v: (x_of(v), y0, x_of(v), y0 + plot_h),
          lambda v, text: pdf.text(x_of(v) - pdf.get_string_width(text) / 2, y0 + height, text))
    slot = plot_h / max(len(chart.labels), 1)
    for i, (label, row) in enumerate(zip(chart.labels, chart.values)):
        y, start = y0 + i * slot + slot * 0.15, x0 + left
        for j, value in enumerate(row):
            if value:
                w = value / chart.top * plot_w
                pdf.set_fill_color(*_rgb(chart.colour(j)))
                pdf.rect(start, y, w, slot * 0.7, style="F")
                start += w
        middle = y + slot * 0.35 + 1
        text = pdf.safe(label)
        pdf.text(x0 + left - 1.5 - pdf.get_string_width(text), middle, text)
        pdf.text(start + 1, middle, str(sum(row)))


def _grid(pdf: ReportPDF, chart: BarChart, line_at, tick_label) -> None:
    pdf.set_draw_color(223, 227, 234)
    pdf.set_line_width(0.2)
    pdf.set_text_color(107, 115, 133)
    for value in chart.ticks:
        pdf.line(*line_at(value))
        tick_label(value, f"{value:g}{chart.unit}")
    pdf.set_text_color(29, 35, 48)
