"""What an operation changed: merged, tested for emptiness and by document."""

from __future__ import annotations

from reader.app.changes import Changes


def test_merge_and_queries() -> None:
    a = Changes.of(added=[1], annotations=[2])
    b = Changes.of(text=[2], deleted=[9])
    both = a | b
    assert both.added == {1} and both.text == {2} and both.annotations == {2} and both.deleted == {9}
    assert both.touches(2) and not both.touches(3)
    assert not Changes() and both


def test_listing_and_search_follow_what_changed() -> None:
    assert Changes.of(annotations=[1]).listing
    assert not Changes.of(entities=[1]).listing
    assert Changes.of(entities=[1]).searchable
