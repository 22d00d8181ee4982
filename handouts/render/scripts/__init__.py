"""What every renderer needs to set non-Latin text: line order (bidi) and shaped widths (HarfBuzz)."""
