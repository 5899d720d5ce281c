"""Property tests: extraction never raises and every span lies inside the text it came from.

Why: extraction runs on every imported file, whatever it contains (binary junk decoded as text,
characters outside the BMP, lone surrogates from broken pages); one exception would fail an import.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.entities import TYPES, aggregate, extract

CJK_HEAVY = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("张王李国家卫生健康委医院县市省区年月日人%余多万亿“”《》、，。\n 0123456789")),
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
        st.characters(),
        st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),
        st.characters(min_codepoint=0x20000, max_codepoint=0x2A6DF),
    ),
    max_size=200,
)


@settings(max_examples=150, deadline=None)
@given(CJK_HEAVY, st.one_of(st.none(), st.sampled_from(["2023-09-30", "bad", "2024-02-30", ""])))
def test_never_raises_and_spans_in_range(text: str, doc_date: str | None) -> None:
    mentions = extract(text, doc_date=doc_date)
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.type in TYPES
        for s, e in m.post_spans:
            assert 0 <= s < e <= len(text)
    entities = aggregate(mentions)
    assert sum(e.count for e in entities) == len(mentions)
