"""The document's own words and dates, in the source's ``language``.

- :mod:`~handouts.i18n.table`: the built-in translation tables (package data);
- :mod:`~handouts.i18n.labels`: a layout's labels filled in for one language
  (the layout's own words win);
- :mod:`~handouts.i18n.words`: a fixed word in another language than the
  document's knows it (to be marked so);
- :mod:`~handouts.i18n.dates`: dates by locale (CLDR data through Babel,
  loaded on first use).
"""

from handouts.i18n.dates import DateWords, date_words
from handouts.i18n.labels import localize
from handouts.i18n.table import languages, table_language, words_for
from handouts.i18n.words import Word, join, language_of

__all__ = [
    "DateWords",
    "Word",
    "date_words",
    "join",
    "language_of",
    "languages",
    "localize",
    "table_language",
    "words_for",
]
