"""The timeline PDF and the handout's timeline strip."""
