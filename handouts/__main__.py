"""``python -m handouts``."""

from .cli import main

main()
