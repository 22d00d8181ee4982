"""Hypothesis strategies for valid-but-wild comparison sources (shared by the
whole-pipeline fuzz tests)."""

from __future__ import annotations

from hypothesis import strategies as st

# Text that teachers paste: accents, Greek, Cyrillic, emoji, combining marks,
# right-to-left, control characters, markup look-alikes, very long words.
WILD = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "Ἀθῆναι",
            "Спарта",
            "café naïve",
            "👩‍🏫📚",
            "e\u0301\u0301",
            "שלום עולם",
            "مرحبا",
            "<b>&amp;</b>",
            "**unclosed *mixed",
            "[x](javascript:alert(1))",
            "\x07bell\x1b",
            "a" * 300,
            "no",
            "3.10",
            "null",
            "1917-11-07",
            "",
        ]
    ),
)
DATES = st.one_of(
    st.integers(-3000, 2100).filter(lambda y: y != 0).map(lambda y: f"{-y} BC" if y < 0 else str(y)),
    st.sampled_from(["1917-11", "1917-11-07", "c. 1928", "c. 430 BC", "AD 1", "1 BC", "2000-02-29"]),
)


@st.composite
def sources(draw, max_rows: int = 200) -> dict:
    """A structurally valid source (the loader must accept it)."""
    n = draw(st.integers(2, 8))
    ids = [f"s{i}" for i in range(n)]
    subjects = [{"id": sid, "name": draw(WILD.filter(lambda t: t.strip() != "")) or sid} for sid in ids]
    rows = draw(
        st.lists(
            st.fixed_dictionaries(
                {
                    "label": st.text(min_size=1, max_size=30).filter(lambda t: t.strip() != ""),
                    "values": st.one_of(
                        st.lists(WILD, min_size=n, max_size=n),
                        WILD,
                        st.dictionaries(st.sampled_from(ids), WILD, max_size=n),
                    ),
                }
            ),
            max_size=max_rows,
        )
    )
    events = []
    for _ in range(draw(st.integers(0, 12))):
        event = {"label": draw(st.text(min_size=1, max_size=40).filter(lambda t: t.strip() != ""))}
        if draw(st.booleans()):
            event["date"] = draw(DATES)
        else:
            a, b = sorted([draw(st.integers(-2000, 2100).filter(lambda y: y != 0)) for _ in range(2)])
            event["start"], event["end"] = (f"{-a} BC" if a < 0 else str(a)), (f"{-b} BC" if b < 0 else str(b))
        if draw(st.booleans()):
            event["subject"] = draw(st.sampled_from(ids))
        events.append(event)
    return {
        "title": draw(st.text(min_size=1, max_size=80).filter(lambda t: t.strip() != "")),
        "subtitle": draw(WILD),
        "subjects": subjects,
        "summary": draw(WILD),
        "table": rows,
        "similarities": draw(st.lists(WILD, max_size=4)),
        "sections": draw(
            st.lists(
                st.fixed_dictionaries(
                    {"heading": st.text(min_size=1, max_size=40).filter(lambda t: t.strip() != ""), "body": WILD}
                ),
                max_size=4,
            )
        ),
        "timeline": events,
        "conclusion": draw(WILD),
        "note": draw(WILD),
    }
