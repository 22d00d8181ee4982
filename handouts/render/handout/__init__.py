"""The comparison handout PDF."""
