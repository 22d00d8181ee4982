"""The PPTX lecture deck."""
