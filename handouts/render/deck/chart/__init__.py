"""The timeline chart on a slide, with native, editable PowerPoint shapes:
planned (:mod:`.plan`: the same model and placement as the PDFs, measured
with the deck body font's metric twin, Calibri -> Carlito, so the labels
PowerPoint and LibreOffice lay out land where placement planned them), its
shapes' looks drawn once with python-pptx (:mod:`.looks`), and painted as
stamps of them in one group named "Timeline" (:mod:`.painter`).
"""
