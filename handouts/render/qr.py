"""A QR code to the digital copy (the source's ``url:``), drawn by reportlab's own widget.

One encoder for every output: the handout draws the widget as vectors; a
picture (for a slide or a page) is the widget's own module matrix painted
with Pillow, so both show exactly the same code.
"""

from __future__ import annotations

LEVEL = "M"  # error correction: survives a smudge or a fold (~15 % of the code)
QUIET = 4  # modules of white border a scanner needs


def qr_widget(url: str, size: float):  # noqa: ANN201 - a reportlab QrCodeWidget
    """The widget, ``size`` points square including its quiet border."""
    from reportlab.graphics.barcode.qr import QrCodeWidget

    return QrCodeWidget(url, barLevel=LEVEL, barWidth=size, barHeight=size, barBorder=QUIET)


def qr_matrix(url: str) -> list[list[bool]]:
    """The code's modules, dark = True, without the quiet border."""
    widget = qr_widget(url, 100)
    widget.draw()  # builds widget.qr
    code = widget.qr
    count = code.getModuleCount()
    return [[bool(code.isDark(row, col)) for col in range(count)] for row in range(count)]


def qr_png(url: str, module: int = 8) -> bytes:
    """The code as a black-on-white PNG, ``module`` pixels per module, quiet border included."""
    import io

    from PIL import Image

    matrix = qr_matrix(url)
    side = len(matrix) + 2 * QUIET
    image = Image.new("1", (side, side), 1)
    for r, row in enumerate(matrix):
        for c, dark in enumerate(row):
            if dark:
                image.putpixel((c + QUIET, r + QUIET), 0)
    image = image.resize((side * module, side * module), Image.Resampling.NEAREST)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def qr_flowable(url: str, size: float, style, alt: str):  # noqa: ANN001, ANN201 - a ParagraphStyle; a Flowable
    """The code with the URL as text beside it, as one flowable (tagged as a Figure
    whose alt text is ``alt``, so a screen reader hears the URL once)."""
    from reportlab.graphics import renderPDF
    from reportlab.graphics.shapes import Drawing
    from reportlab.platypus import Flowable

    from handouts.markup import escape
    from handouts.render.pdf.paragraph import Paragraph

    class Code(Flowable):
        def __init__(self) -> None:
            super().__init__()
            self.alt = alt
            self.drawing = Drawing(size, size)
            self.drawing.add(qr_widget(url, size))
            self.text = Paragraph(escape(url), style)

        def wrap(self, aw: float, ah: float) -> tuple[float, float]:
            self.width = aw
            _, text_h = self.text.wrap(max(aw - size - style.fontSize, size), ah)
            self.height = max(size, text_h)
            return self.width, self.height

        def draw(self) -> None:
            renderPDF.draw(self.drawing, self.canv, 0, self.height - size)
            _, text_h = self.text.wrap(max(self.width - size - style.fontSize, size), self.height)
            self.text.drawOn(self.canv, size + style.fontSize * 0.5, self.height - size / 2 - text_h / 2)

    return Code()
