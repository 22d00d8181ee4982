"""The page's stylesheet, from the layout: its colours, fonts, sizes and paper.

Colours are CSS custom properties named after the layout's keys, so the text
and background pairs that :mod:`handouts.layout.checks` holds to WCAG contrast
are the very pairs the page uses (and a test can read them back). Screen sizes
scale with the layout's body size relative to the default (the large-print
layout reads large on a phone too), starting from the reader's own font size.
"""

from __future__ import annotations

from handouts.layout.models import Layout
from handouts.source.models import Comparison

DEFAULT_BODY = 10.0  # pt: the default layout's body size, which the screen shows at 100 %

FAMILIES = {  # the bundled PDF fonts, then what a reader's device likely has instead
    "DejaVu Serif": '"DejaVu Serif", Georgia, "Times New Roman", serif',
    "DejaVu Sans": '"DejaVu Sans", Verdana, Arial, sans-serif',
    "DejaVu Sans Condensed": '"DejaVu Sans Condensed", "Arial Narrow", Arial, sans-serif',
    "Carlito": 'Carlito, Calibri, "Segoe UI", Arial, sans-serif',
    "Liberation Sans": '"Liberation Sans", Arial, Helvetica, sans-serif',
}
COLOR_KEYS = ("text", "muted", "heading", "accent", "rule", "background", "zebra", "header_fill", "header_text", "link")


def family(name: str) -> str:
    return FAMILIES.get(name, f'"{name}", sans-serif')


def stylesheet(model: Comparison, layout: Layout) -> str:
    """The whole ``<style>`` content: variables, screen rules and the print rules."""
    colors = layout.colors
    sizes = layout.sizes
    variables = "".join(f"  --{key.replace('_', '-')}: {getattr(colors, key)};\n" for key in COLOR_KEYS)
    subjects = "".join(
        f".s{i} {{ --subject: {layout.subject_color(i, s.color)}; }}\n" for i, s in enumerate(model.subjects)
    )
    scale = max(sizes.body / DEFAULT_BODY, 1.0)
    em = lambda size: f"{size / sizes.body:.3f}em"  # noqa: E731 - a size relative to the body text
    page = layout.page
    margins = " ".join(f"{getattr(page.margins, side):.1f}pt" for side in ("top", "right", "bottom", "left"))
    return f""":root {{
{variables}}}
{subjects}html {{ font-size: {scale * 100:.0f}%; }}
body {{ margin: 0 auto; max-width: 48rem; padding: 1rem; color: var(--text); background: var(--background);
  font-family: {family(layout.fonts.body)}; line-height: {sizes.leading + 0.2:.2f}; }}
h1, h2, h3, caption, th {{ font-family: {family(layout.fonts.heading)}; color: var(--heading); line-height: 1.2; }}
h1 {{ font-size: {em(sizes.title)}; margin: 0 0 .25em; }}
h2 {{ font-size: {em(sizes.heading)}; margin: 1.5em 0 .5em; border-bottom: 2px solid var(--rule); }}
h3 {{ font-size: {em(sizes.subheading)}; margin: 1em 0 .25em; }}
.subtitle {{ font-size: {em(sizes.subtitle)}; margin: 0; }}
.meta, .note, figcaption, .detail {{ color: var(--muted); }}
a {{ color: var(--link); text-decoration: underline; }}
:focus-visible {{ outline: 3px solid var(--accent); outline-offset: 2px; }}
.subjects {{ display: flex; flex-wrap: wrap; gap: 1rem; padding: 0; list-style: none; }}
.subjects li {{ flex: 1 1 10rem; border-top: 6px solid var(--subject); padding-top: .5rem; }}
.subjects img {{ max-width: 100%; height: auto; display: block; }}
figure {{ margin: 0; }}
.scroll {{ overflow-x: auto; }}
table {{ border-collapse: collapse; width: 100%; font-family: {family(layout.fonts.table)};
  font-size: {em(sizes.table)}; }}
caption {{ text-align: start; font-weight: bold; padding: .25em 0; }}
th, td {{ text-align: start; vertical-align: top; padding: .4em .5em; border-bottom: 1px solid var(--rule); }}
thead th {{ background: var(--header-fill); color: var(--header-text);
  border-top: 6px solid var(--subject, var(--header-fill)); }}
tbody th {{ color: var(--text); }}
tbody tr:nth-child(even) {{ background: var(--zebra); }}
.events {{ padding-inline-start: 1.5em; }}
.events li {{ margin: .4em 0; border-inline-start: 6px solid var(--subject, var(--rule)); padding-inline-start: .5em; }}
.events .date {{ font-weight: bold; }}
.chart {{ width: 100%; height: auto; }}
@media print {{
  @page {{ size: {page.size} {page.orientation}; margin: {margins}; }}
  /* browsers leave fills out of print unless told: white header text would vanish on white paper */
  html {{ font-size: {sizes.body:.1f}pt; }}
  body {{ max-width: none; padding: 0; }}
  h2, h3 {{ break-after: avoid; }}
  tr, li, figure {{ break-inside: avoid; }}
  thead {{ display: table-header-group; }}
  thead th, tbody tr, .subjects li, .events li {{ print-color-adjust: exact; -webkit-print-color-adjust: exact; }}
  .scroll {{ overflow: visible; }}
  a[href^="http"]::after {{ content: " (" attr(href) ")"; color: var(--muted); font-size: .85em; }}
}}
"""
