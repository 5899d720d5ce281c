"""Posts that start where the office does, names cut by the tagger read whole, and bodies not broken in
two at a 与 inside their own name."""

from __future__ import annotations

from reader.core.entities import extract


def _posts(text: str, name: str) -> tuple[str, ...]:
    (person,) = [m for m in extract(text) if m.type == "person" and m.normalized == name]
    return person.posts


def test_a_post_after_the_subject_and_by_starts_at_the_office() -> None:
    assert _posts("座谈会由县政府副县长王建国主持。", "王建国") == ("县政府副县长",)
    assert _posts("年会特别邀请市文旅局局长周立新致辞。", "周立新") == ("市文旅局局长",)


def test_a_word_with_by_inside_it_stays_in_the_post() -> None:
    assert _posts("自由贸易区管委会主任周立新到会。", "周立新") == ("自由贸易区管委会主任",)
