"""How the OCR engine's onnxruntime sessions are made: their options, and RapidOCR's own sessions left
unmade while it is constructed (the engine replaces each of them with one of its own at once).

Split out of `ocr`, which loads the engine; nothing here reads a page.
"""

from __future__ import annotations

import contextlib
import threading
import types
from collections.abc import Iterator
from typing import Any


class _ModelPath:
    """Stands in for an onnxruntime session while RapidOCR is constructed: the engine replaces each of its
    sessions with one made to its own options (`options`), so loading the models there as well only cost
    time with the GIL held (measured: its detector, angle classifier and recogniser took 340 ms of CPU of the
    1.2 s the engine's load took, in three calls that hold the GIL throughout). Only the model's path is
    kept, which is what the engine reads from it."""

    def __init__(self, path: object, *_args: object, **_kwargs: object) -> None:
        self._model_path = str(path)

    def get_providers(self) -> list[str]:
        return ["CPUExecutionProvider"]

    def get_modelmeta(self) -> Any:
        return types.SimpleNamespace(custom_metadata_map={})


_DEFER_LOCK = threading.Lock()


@contextlib.contextmanager
def deferred() -> Iterator[None]:
    """RapidOCR's own sessions not made while the block runs (`_ModelPath`); a RapidOCR release whose
    loader is not where this expects it is left as it is (the sessions are then made and replaced)."""
    try:
        from rapidocr_onnxruntime.utils import infer_engine  # type: ignore[import-untyped]
    except ImportError:
        yield
        return
    if not hasattr(infer_engine, "InferenceSession"):
        yield
        return
    real = infer_engine.InferenceSession
    with _DEFER_LOCK:
        infer_engine.InferenceSession = _ModelPath
        try:
            yield
        finally:
            infer_engine.InferenceSession = real


def options(threads: int) -> Any:
    """Session options of every model the engine runs: `threads` onnxruntime threads for one run (the
    recognisers take one, their parallelism is the reader's: lines on the engine's threads), no memory
    arena (memory goes back after each page, as the engine sets it), no spinning threads, no log.
    The other options measured no better (docs/decisions/ocr-models.md, fifth and seventh rounds)."""
    import onnxruntime

    made = onnxruntime.SessionOptions()
    made.intra_op_num_threads = max(1, threads)
    made.inter_op_num_threads = 1
    made.enable_cpu_mem_arena = False
    made.log_severity_level = 4
    made.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return made
