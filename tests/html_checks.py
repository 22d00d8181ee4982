"""Reading an HTML page back as a browser and a screen reader would.

``parse`` uses html5lib (the WHATWG parsing algorithm) in strict mode, so any
parse error fails; ``structure_problems`` lists what a screen-reader user
would miss; ``axe`` runs axe-core in headless Chromium (both installed by
.ci/run) and returns its violations plus how wide the page lays out.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from xml.etree.ElementTree import Element

import html5lib
import pytest

from handouts.colors import contrast_ratio
from tests.conftest import ROOT

AXE = Path(os.environ.get("HANDOUTS_AXE", ROOT / ".ci" / "node" / "node_modules" / "axe-core" / "axe.min.js"))
# (foreground, background) custom properties that carry text, and the ratio they need.
TEXT_PAIRS = [
    ("text", "background"),
    ("muted", "background"),
    ("heading", "background"),
    ("link", "background"),
    ("header-text", "header-fill"),
    ("text", "zebra"),
    ("link", "zebra"),
    ("muted", "zebra"),
]


SVG = "{http://www.w3.org/2000/svg}"  # html5lib keeps inline SVG in its namespace


def parse(data: bytes) -> Element:
    """The document tree; any HTML parse error raises."""
    parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree"), strict=True, namespaceHTMLElements=False)
    return parser.parse(data)


def text_of(element: Element) -> str:
    return " ".join("".join(element.itertext()).split())


def css_variables(root: Element) -> dict[str, str]:
    style = "".join(text_of(s) for s in root.iter("style"))
    return dict(re.findall(r"--([a-z-]+):\s*(#[0-9A-Fa-f]{6})", style))


def structure_problems(root: Element) -> list[str]:
    """Everything a screen reader or a phone would trip on, in words."""
    problems = []
    html = root if root.tag == "html" else root.find(".//html")
    if not (html is not None and html.get("lang")):
        problems.append("no lang on <html>")
    if not text_of(root.find(".//title")):
        problems.append("no <title>")
    if len(root.findall(".//h1")) != 1:
        problems.append(f"{len(root.findall('.//h1'))} h1 elements")
    level = 1
    for el in root.iter():
        if el.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            new = int(el.tag[1])
            if new > level + 1:
                problems.append(f"heading level skips from h{level} to {el.tag}: {text_of(el)!r}")
            level = new
    ids = [el.get("id") for el in root.iter() if el.get("id")]  # the SVG's title and desc too
    if len(ids) != len(set(ids)):
        problems.append("duplicate ids")
    for el in root.iter():
        for ref in (el.get("aria-labelledby") or "").split():
            if ref not in ids:
                problems.append(f"aria-labelledby points to a missing id {ref!r}")
    for table in root.iter("table"):
        if table.find("caption") is None or not text_of(table.find("caption")):
            problems.append("a table without a caption")
        for th in table.iter("th"):
            if th.get("scope") not in ("col", "row"):
                problems.append(f"<th> without scope: {text_of(th)!r}")
    for img in root.iter("img"):
        if not (img.get("alt") or "").strip():
            problems.append("an image without alt text")
        if not (img.get("src") or "").startswith("data:"):
            problems.append(f"an image that is not inline: {img.get('src')!r}")
    for svg in root.iter(SVG + "svg"):
        if svg.get("role") != "img" or not svg.get("aria-labelledby") or svg.find(SVG + "desc") is None:
            problems.append("an SVG without role=img, a label and a description")
    for tag in ("script", "link", "iframe", "object", "embed"):
        if root.find(f".//{tag}") is not None:
            problems.append(f"a <{tag}> element (the page must be self-contained)")
    for el in root.iter():
        if el.get("style") is not None or any(name.startswith("on") for name in el.attrib):
            problems.append(f"an inline style or event handler on <{el.tag}>")
    colours = css_variables(root)
    for fg, bg in TEXT_PAIRS:
        ratio = contrast_ratio(colours[fg], colours[bg])
        if ratio < 4.5:
            problems.append(f"--{fg} on --{bg}: contrast {ratio:.2f} < 4.5")
    return problems


def needs_axe() -> pytest.MarkDecorator:
    """Skip without Chromium or axe-core (with the reason); under CI, fail instead."""
    missing = [what for what, ok in (("chromium", shutil.which("chromium")), (str(AXE), AXE.is_file())) if not ok]
    if missing and os.environ.get("CI"):
        raise RuntimeError(f"CI must install {', '.join(missing)} (see .ci/run)")
    return pytest.mark.skipif(bool(missing), reason=f"needs {', '.join(missing)} (installed by .ci/run)")


_PROBE = """<script src="{axe}"></script>
<script>axe.run(document).then(function (r) {{
  var pre = document.createElement("pre"); pre.id = "probe";
  pre.textContent = JSON.stringify({{width: document.documentElement.scrollWidth, viewport: window.innerWidth,
    passes: r.passes.length, violations: r.violations.map(function (v) {{
      return {{id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(function (n) {{ return n.html; }})}};
    }})}});
  document.body.appendChild(pre);
}});</script>
</body>"""


def axe(page: bytes, width: int = 1000) -> dict:
    """axe-core's results for ``page`` in headless Chromium ``width`` pixels wide, and the
    page's laid-out width (wider than the window = the reader must scroll sideways)."""
    with tempfile.TemporaryDirectory() as tmp:
        probe = Path(tmp) / "probe.html"
        probe.write_text(
            page.decode("utf-8").replace("</body>", _PROBE.format(axe=AXE.resolve().as_uri())),
            encoding="utf-8",
        )
        command = [
            "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp}/profile",
            f"--window-size={width},900",
            "--virtual-time-budget=30000",
            "--dump-dom",
            probe.as_uri(),
        ]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
        found = re.search(r'<pre id="probe">(.*?)</pre>', done.stdout, re.DOTALL)
        assert found, f"axe did not report (chromium exit {done.returncode}): {done.stderr[-2000:]}"
        return json.loads(html.unescape(found.group(1)))


def screenshot(page: Path, png: Path, width: int) -> None:
    """A picture of ``page`` as Chromium draws it (for a person to look at)."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp}/profile", "--hide-scrollbars", f"--window-size={width},2000",
             f"--screenshot={png}", page.as_uri()],
            capture_output=True, timeout=120, check=True,
        )  # fmt: skip
