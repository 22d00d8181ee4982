"""From sources to files: discover inputs, render a source to bytes, write atomically, batch, manifest, watch."""
