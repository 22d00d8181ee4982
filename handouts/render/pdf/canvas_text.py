"""One line of user text drawn straight on a canvas (timeline labels, running
footers), for every script.

``canvas.drawString`` draws with one font, unshaped, in stored order: right for
Latin text, boxes for Chinese and loose letters for Arabic. Text that is not
ASCII is set as a one-line :class:`~handouts.render.pdf.paragraph.Paragraph`
instead (fallback fonts, shaping, visual order, ActualText) and placed where
``drawString`` would have put it.
"""

from __future__ import annotations

from typing import Any

from handouts.caches import memoize


@memoize("one-line paragraph styles", maxsize=64)
def _style(font: str, size: float, color: Any):  # noqa: ANN202, ANN401 - a ParagraphStyle; any reportlab colour
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle(f"line-{font}-{size}", fontName=font, fontSize=size, leading=size, textColor=color)


def draw_text(canvas: Any, x: float, y: float, text: str, font: tuple[str, float, Any], anchor: str = "start") -> None:  # noqa: ANN401
    """Draw ``text`` with its baseline at ``y``, starting at ``x`` (``anchor`` "start"),
    ending there ("end") or centred on it ("middle"); ``font`` is (name, size, fill
    colour), the ones the canvas has been set to."""
    if text.isascii():
        draw = {"start": canvas.drawString, "end": canvas.drawRightString, "middle": canvas.drawCentredString}
        draw[anchor](x, y, text)
        return
    from handouts.markup import escape
    from handouts.render.pdf.paragraph import Paragraph

    para = Paragraph(escape(text), _style(*font))
    para.wrap(1e6, 1e6)
    width = max(para.getActualLineWidths0() or [0.0])
    para.wrap(width + 0.5, 1e6)
    left = {"start": x, "end": x - width, "middle": x - width / 2}[anchor]
    para.drawOn(canvas, left, y)
