"""Property-based: whatever bytes or structures arrive, the loader returns a
valid model or raises SourceError -- never anything else."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handouts.errors import SourceError
from handouts.source.loader import source_from_document
from handouts.source.yamlread import ReadError, parse_document

PATH = Path("fuzz.yaml")


def _load(raw: bytes) -> None:
    try:
        doc = parse_document(raw, PATH)
    except ReadError:
        return
    try:
        model = source_from_document(doc)
    except SourceError as exc:
        assert exc.problems and all(p.message for p in exc.problems)
        return
    assert 2 <= len(model.subjects) <= 8
    for row in model.table:
        assert len(row.cells()) == len(model.subjects)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_random_bytes(raw: bytes) -> None:
    _load(raw)


text = st.text(max_size=30)
scalar = st.one_of(
    text, st.integers(), st.booleans(), st.none(), st.sampled_from(["1917", "490 BC", "c. 1928", "1917-11-07", "0"])
)
value = st.recursive(
    scalar,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(text, inner, max_size=4)),
    max_leaves=12,
)
subject = st.fixed_dictionaries(
    {"name": text}, optional={"id": text, "color": st.sampled_from(["#abc", "red", "#B03A2E"])}
)
row = st.fixed_dictionaries({"label": text, "values": value})
event = st.fixed_dictionaries(
    {"label": text}, optional={"date": scalar, "start": scalar, "end": scalar, "subject": text}
)
source = st.fixed_dictionaries(
    {"title": scalar, "subjects": st.lists(subject, max_size=9)},
    optional={
        "table": st.lists(row, max_size=5),
        "timeline": st.lists(event, max_size=5),
        "sections": st.lists(
            st.dictionaries(st.sampled_from(["heading", "body", "by_subject", "x"]), value), max_size=3
        ),
        "similarities": value,
        "sources": value,
        "language": text,
        "extra": value,
    },
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(source)
def test_random_structures(data: dict) -> None:
    _load(yaml.safe_dump(data, allow_unicode=True).encode())
