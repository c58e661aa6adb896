"""The batch report as one self-contained HTML page: inline CSS, inline SVG bar charts, nothing fetched."""

from __future__ import annotations

from html import escape

from govmeta.cli.report import Summary
from govmeta.cli.store import PAGE_TYPES

BAR_WIDTH = 420
BAR_HEIGHT = 20
LABEL_WIDTH = 260
STYLE = """
body { font: 14px/1.45 system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 2em auto;
       max-width: 1100px; color: #1d2733; padding: 0 1em; }
h1 { font-size: 1.6em; margin-bottom: .2em; } h2 { margin-top: 1.8em; border-bottom: 1px solid #d5dbe3; }
.lead { color: #4b5968; } .cards { display: flex; gap: 1em; flex-wrap: wrap; margin: 1em 0; }
.card { background: #f3f6f9; border-radius: 6px; padding: .6em 1.1em; min-width: 8em; }
.card b { display: block; font-size: 1.6em; }
table { border-collapse: collapse; margin: .6em 0; } .wide { overflow-x: auto; }
th, td { border-bottom: 1px solid #e3e7ec; padding: .25em .7em; text-align: left; vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
td.path { font-family: ui-monospace, monospace; font-size: .85em; word-break: break-all; }
svg text { font: 12px system-ui, sans-serif; fill: #1d2733; }
"""
COLOURS = {"disclosure": "#2f7d4f", "article": "#3b6fb6", "listing": "#7a5aa8", "other": "#b08a2e", "error": "#b3403a"}


def bar_chart(rows: list[tuple[str, int]], colour: str = "#3b6fb6", colours: list[str] | None = None) -> str:
    """A horizontal bar chart as inline SVG: one labelled bar per (label, value)."""
    if not rows:
        return "<p>(none)</p>"
    peak = max(value for _, value in rows) or 1
    height = BAR_HEIGHT * len(rows) + 6
    width = LABEL_WIDTH + BAR_WIDTH + 70
    parts = [f'<svg role="img" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}">']
    for n, (label, value) in enumerate(rows):
        y = n * BAR_HEIGHT + 3
        length = max(1, round(BAR_WIDTH * value / peak)) if value else 0
        fill = colours[n] if colours else colour
        shown = label if len(label) <= 38 else label[:37] + "…"
        parts.append(f'<text x="{LABEL_WIDTH - 8}" y="{y + 14}" text-anchor="end">{escape(shown)}'
                     f"<title>{escape(label)}</title></text>")
        parts.append(f'<rect x="{LABEL_WIDTH}" y="{y + 2}" width="{length}" height="{BAR_HEIGHT - 6}" '
                     f'fill="{fill}" rx="2"/>')
        parts.append(f'<text x="{LABEL_WIDTH + length + 6}" y="{y + 14}">{value}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _table(head: list[str], rows: list[list[str]], numeric: set[int], path_columns: set[int] = frozenset()) -> str:
    cells = "".join(f'<th class="n">{escape(h)}</th>' if i in numeric else f"<th>{escape(h)}</th>"
                    for i, h in enumerate(head))
    body = []
    for row in rows:
        tds = []
        for i, cell in enumerate(row):
            css = ' class="n"' if i in numeric else ' class="path"' if i in path_columns else ""
            tds.append(f"<td{css}>{escape(cell).replace(chr(10), '<br>')}</td>")
        body.append("<tr>" + "".join(tds) + "</tr>")
    return f'<div class="wide"><table><thead><tr>{cells}</tr></thead><tbody>{"".join(body)}</tbody></table></div>'


def render_html(summary: Summary, source: str, top: int) -> str:
    """The whole report page."""
    fields = summary.field_order()
    blocks = summary.kinds["disclosure"]
    cards = "".join(f'<div class="card"><b>{value}</b>{escape(label)}</div>' for label, value in (
        ("pages", summary.pages), ("with a metadata block", blocks), ("errors", summary.kinds["error"]),
        ("with warnings", summary.pages_with_warnings), ("sites", len(summary.sites))))
    kinds = [(label, summary.kinds[key]) for key, label in PAGE_TYPES.items()]
    sites = summary.sites.most_common(top)
    site_rows = [[site, str(count), str(summary.site_blocks[site]),
                  *(str(summary.site_fields[site][name] or "") for name in fields)] for site, count in sites]
    sections = [
        f"<h1>govmeta batch report</h1><p class=\"lead\">{escape(source)}</p><div class=\"cards\">{cards}</div>",
        "<h2>Pages by kind</h2>" + bar_chart(kinds, colours=[COLOURS[key] for key in PAGE_TYPES]),
        f"<h2>Pages by site (top {len(sites)} of {len(summary.sites)})</h2>" + bar_chart(sites),
        "<h2>Canonical fields found</h2><p>Pages whose metadata block gave each field "
        f"(of {blocks} pages with a block).</p>" + bar_chart([(name, summary.fields[name]) for name in fields],
                                                            colour="#2f7d4f"),
        "<h2>Canonical fields by site</h2>"
        + _table(["site", "pages", "block", *fields], site_rows, set(range(1, 3 + len(fields)))),
        "<h2>Errors</h2>" + bar_chart(summary.errors.most_common(top), colour=COLOURS["error"])
        + ("" if not summary.errors else _table(["type", "pages", "examples"],
                 [[key, str(n), "\n".join(summary.error_examples[key])] for key, n in summary.errors.most_common(top)],
                 {1}, {2})),
        "<h2>Warnings</h2>"
        + ("<p>(none)</p>" if not summary.warnings else _table(["warning", "pages", "examples"],
                 [[key, str(n), "\n".join(summary.warning_examples[key])]
                  for key, n in summary.warnings.most_common(top)], {1}, {2})),
    ]
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>govmeta report: {escape(source)}</title><style>{STYLE}</style></head>"
            f"<body>{''.join(sections)}</body></html>\n")
