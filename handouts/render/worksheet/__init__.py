"""What a class works on, from the same source: worksheet, answer key, organizer, card sort."""
