"""The deck's slide builders (registered by name in :mod:`handouts.render.deck.slides`)."""
