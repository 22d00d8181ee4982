"""The history-grade date model: BCE, precision, approximation, no year 0."""

from __future__ import annotations

import pytest

from handouts.source.dates import HistDate, format_span


@pytest.mark.parametrize(
    "text,shown",
    [
        ("1917", "1917"),
        ("1917-11", "Nov 1917"),
        ("1917-11-07", "7 Nov 1917"),
        ("490 BC", "490 BC"),
        ("490 BCE", "490 BC"),
        ("c. 1928", "c. 1928"),
        ("c. 430 BC", "c. 430 BC"),
        ("AD 33", "33"),
        ("33 CE", "33"),
        ("-44", "44 BC"),
    ],
)
def test_parse_and_display(text: str, shown: str) -> None:
    assert HistDate.parse(text).display() == shown


def test_bce_orders_before_ce() -> None:
    dates = [HistDate.parse(t) for t in ["AD 1", "1 BC", "490 BC", "44 BC", "1917"]]
    assert [d.display() for d in sorted(dates)] == ["490 BC", "44 BC", "1 BC", "1", "1917"]


def test_no_year_zero_in_arithmetic() -> None:
    assert HistDate.parse("AD 1").end_value() - HistDate.parse("1 BC").start_value() == 2.0
    assert HistDate.parse("1 BC").astronomical_year == 0


@pytest.mark.parametrize("text", ["0", "1917-13", "1917-02-30", "soon", "AD 5 BC"])
def test_invalid(text: str) -> None:
    with pytest.raises(ValueError):
        HistDate.parse(text)


def test_span_display() -> None:
    assert format_span(HistDate.parse("500 BC"), HistDate.parse("490 BC")) == "500–490 BC"
    assert format_span(HistDate.parse("1928"), HistDate.parse("1932")) == "1928–1932"
