"""Scanned PDFs made at run time: Chinese prose rendered to a page image, degraded like a scan, wrapped in a PDF.

A real scanner gives a slightly rotated page, sensor noise and JPEG artefacts; `make_scan` does the same to
text it lays out itself, so the answer (the paragraphs, page by page) is known exactly. The result is seeded:
one seed, one PDF. Each page image is embedded as the JPEG it was saved as (no text layer), the way
scanning software writes a PDF. Needs Pillow (installed with the OCR engine) and a CJK font (Noto CJK).

    make_scan([["第一段……", "第二段……"], ["第二页的段落……"]], seed=1)
"""

from __future__ import annotations

import io
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFilter, ImageFont

PAGE_W, PAGE_H = 595.0, 842.0  # A4 in points
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 72.0, 90.0, 90.0
FONT_CANDIDATES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
)

SENTENCES = (
    "这份调查报告整理了三个县的乡村图书室使用情况，重点关注借阅人数和开放时间。",
    "调查组在春季走访了四十二个行政村，与管理员和读者分别进行了访谈。",
    "多数图书室每周开放不少于五天，但冬季的开放时间普遍缩短。",
    "儿童读物的借阅量最高，其次是农业技术和医疗保健类图书。",
    "管理员反映，新书补充不够及时，部分书架上的图书已经多年没有更新。",
    "有些村把图书室和老年活动中心放在一起，来访人数明显增加。",
    "报告建议县级图书馆建立流动配送制度，每季度轮换一批图书。",
    "同时应当为管理员提供培训，并把读者的意见纳入年度考核。",
    "這項計畫由地方政府與大學合作推動，預計在兩年內完成第一階段的評估。",
    "研究人員將定期公布進度，並邀請居民參加說明會，提出具體的改進建議。",
)


def font_path() -> Path | None:
    """The first CJK font installed here, or None (tests that need one skip)."""
    for candidate in FONT_CANDIDATES:
        if Path(candidate).exists():
            return Path(candidate)
    return None


@dataclass(frozen=True)
class Scan:
    """A scanned PDF and what is printed on it: the paragraphs of each page, the running head and the
    page numbers that are printed but are furniture."""

    data: bytes
    pages: tuple[tuple[str, ...], ...]
    head: str

    @property
    def text(self) -> str:
        """The body paragraphs in reading order, one per line."""
        return "\n".join(p for page in self.pages for p in page)


def paragraphs(seed: int, count: int, sentences: Sequence[str] = SENTENCES) -> list[str]:
    """`count` paragraphs of two to four sentences drawn (seeded) from `sentences`."""
    rng = random.Random(seed)
    return ["".join(rng.sample(list(sentences), rng.randint(2, min(4, len(sentences))))) for _ in range(count)]


def make_scan(
    pages: Sequence[Sequence[str]],
    seed: int = 0,
    dpi: int = 150,
    skew: float = 1.0,
    noise: float = 12.0,
    quality: int = 60,
    size_pt: float = 12.0,
    head: str = "乡村公共文化服务调查报告",
    turns: Sequence[int] = (),
) -> Scan:
    """A PDF with one scanned image per page: each page's paragraphs set in a CJK font (first line indented
    two characters), a running head and a `— n —` page number, rotated by up to `skew` degrees, with
    Gaussian noise of `noise` grey levels, saved as a JPEG of `quality`. `turns[i]` (when given) turns page
    i's image that many quarter turns anticlockwise, as a sheet fed into the scanner sideways or upside
    down; the PDF page takes the turned image's shape. Paragraphs that do not fit on their page are an
    error: the caller says what is on each page, so the answer is exact."""
    found = font_path()
    if found is None:
        raise FileNotFoundError("no CJK font installed")
    rng = random.Random(seed)
    nprng = np.random.default_rng(seed)
    scale = dpi / 72.0
    font = ImageFont.truetype(str(found), round(size_pt * scale))
    small = ImageFont.truetype(str(found), round(0.8 * size_pt * scale))
    images: list[bytes] = []
    sizes: list[tuple[float, float]] = []
    for number, page in enumerate(pages, start=1):
        image = _render_page(page, number, head, font, small, scale, size_pt)
        angle = rng.uniform(-skew, skew)
        image = image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255, expand=False)
        image = image.filter(ImageFilter.GaussianBlur(radius=0.4))
        pixels = np.asarray(image, dtype=np.float32) + nprng.normal(0.0, noise, (image.height, image.width))
        image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), mode="L")
        turn = turns[number - 1] % 4 if number <= len(turns) else 0
        if turn:
            image = image.rotate(90 * turn, expand=True)
        sizes.append((PAGE_H, PAGE_W) if turn % 2 else (PAGE_W, PAGE_H))
        out = io.BytesIO()
        image.save(out, format="JPEG", quality=quality)
        images.append(out.getvalue())
    return Scan(data=images_to_pdf(images, sizes), pages=tuple(tuple(p) for p in pages), head=head)


def images_to_pdf(jpegs: Sequence[bytes], sizes: Sequence[tuple[float, float]] = ()) -> bytes:
    """A PDF of pages each showing one JPEG over the whole page, with no text layer: A4 pages, or of the
    sizes (width, height in points) given for each."""
    pdf = pdfium.PdfDocument.new()
    try:
        for index, jpeg in enumerate(jpegs):
            width, height = sizes[index] if index < len(sizes) else (PAGE_W, PAGE_H)
            page = pdf.new_page(width, height)
            image = pdfium.PdfImage.new(pdf)
            image.load_jpeg(io.BytesIO(jpeg), inline=True)
            image.set_matrix(pdfium.PdfMatrix().scale(width, height))
            page.insert_obj(image)
            page.gen_content()
            page.close()
        out = io.BytesIO()
        pdf.save(out)
        return out.getvalue()
    finally:
        pdf.close()


def _render_page(
    page: Sequence[str],
    number: int,
    head: str,
    font: ImageFont.FreeTypeFont,
    small: ImageFont.FreeTypeFont,
    scale: float,
    size_pt: float,
) -> Image.Image:
    width, height = round(PAGE_W * scale), round(PAGE_H * scale)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    left, right = MARGIN_X * scale, (PAGE_W - MARGIN_X) * scale
    em = size_pt * scale
    pitch = 1.7 * em
    head_width = draw.textlength(head, font=small)
    draw.text(((width - head_width) / 2, 50 * scale), head, font=small, fill=0)
    draw.line([(left, 50 * scale + 1.3 * em), (right, 50 * scale + 1.3 * em)], fill=0, width=1)
    y = MARGIN_TOP * scale
    for paragraph in page:
        for i, line in enumerate(_wrap(paragraph, draw, font, right - left - 2 * em, right - left)):
            x = left + (2 * em if i == 0 else 0)
            draw.text((x, y), line, font=font, fill=0)
            y += pitch
            if y > (PAGE_H - MARGIN_BOTTOM) * scale:
                raise ValueError(f"page {number} overflows: give it fewer paragraphs")
        y += 0.3 * em
    folio = f"— {number} —"
    draw.text(((width - draw.textlength(folio, font=small)) / 2, (PAGE_H - 55) * scale), folio, font=small, fill=0)
    return image


def _wrap(
    paragraph: str, draw: ImageDraw.ImageDraw, font: ImageFont.FreeTypeFont, first: float, width: float
) -> list[str]:
    """Lines of a paragraph, broken between any two characters (as Chinese is set); the first line is
    shorter by its indent. A closing punctuation mark is not put at the start of a line."""
    lines: list[str] = []
    current = ""
    for ch in paragraph:
        limit = first if not lines else width
        if current and draw.textlength(current + ch, font=font) > limit and ch not in "，。、；：？！」』）":
            lines.append(current)
            current = ""
        current += ch
    if current:
        lines.append(current)
    return lines
