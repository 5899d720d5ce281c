"""Held-out report files of every kind, made from public text the importers were never tuned on, with answers.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/data/formats/make_formats.py OUT_DIR [--per-kind N]

Writes `OUT_DIR/<half>/<kind>/<name>.<ext>` and beside each file `<name>.gold.json`, plus
`OUT_DIR/manifest.json`. Nothing it makes is committed: `benchmarks/bench_formats.py` runs it into a cache
directory. The text comes from `../shared/eval` (see its README for origins and licences):
- `zh_tw/drcd_dev.jsonl`: Traditional-Chinese Wikipedia articles (CC BY-SA 3.0, DRCD by Delta Research
  Center); several consecutive articles make one report, each article a section under its own title;
- `ner/msra_val_sentences.txt`: Simplified-Chinese news sentences of the MSRA NER validation split;
  consecutive sentences make paragraphs, paragraphs make numbered sections.
Each document is in the dev or the frozen test half by its source id (test when the last byte of
sha1(source id) is odd, the rule the other held-out sets use); importers are tuned on dev only.

Kinds, each made by a real producer:
- `text-pdf`: Qt's PDF writer, one column, running heads alternating between odd and even pages, a page
  number in one of the forms Chinese documents print, headings, paragraphs that run across pages, a table;
- `two-column`: the same with two columns;
- `scan`: the first pages of a text PDF rasterised at 150 dpi, turned by up to 0.8°, with noise and JPEG
  artefacts, each page an image in a PDF with no text layer;
- `docx`: the OOXML package written here (styles with outline levels, a numbered list, a table, a header
  and a footer with a PAGE field, core properties);
- `epub`: an EPUB 3 package (mimetype, container, OPF with Dublin Core, a navigation document in the
  spine, one XHTML chapter per section, a list and a table).

The gold (`<name>.gold.json`) holds the title, the content blocks in reading order (`[kind, text]`: heading,
paragraph, item, row), the furniture strings printed on each page, and for paged kinds the first
characters of each page's body, so that a page map can be checked without knowing how it is counted.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import importlib.util
import io
import json
import os
import random
import re
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
EVAL = ROOT.parent / "shared" / "eval"
KINDS = ("text-pdf", "two-column", "scan", "docx", "epub")
HALVES = ("dev", "test")
NUMERALS = "一二三四五六七八九十"
PAGE_FIRST = 12
"""Characters of a page's first body line recorded to check where the page map says the page begins."""


def half_of(source_id: str) -> str:
    """The fixed split: test when the last byte of sha1(source id) is odd."""
    return "test" if hashlib.sha1(source_id.encode("utf-8")).digest()[-1] % 2 else "dev"


@dataclass
class Source:
    """One report's text: a title and sections of (heading, paragraphs)."""

    id: str
    title: str
    sections: list[tuple[str, list[str]]]
    traditional: bool
    half: str = ""
    subheads: dict[tuple[int, int], str] = field(default_factory=dict)  # (section, paragraph) it stands before
    notes: dict[int, str] = field(default_factory=dict)  # section -> footnote on its first paragraph

    def __post_init__(self) -> None:
        self.half = half_of(self.id)


def _drcd(root: Path, articles: int = 5) -> list[Source]:
    path = root / "zh_tw" / "drcd_dev.jsonl"
    if not path.exists():
        return []
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    out = []
    for start in range(0, len(rows) - articles + 1, articles):
        group = rows[start : start + articles]
        sections = []
        for row in group:
            paragraphs = [" ".join(p.split()) for p in row["text"].split("\n\n") if p.strip()]
            sections.append((row["title"].strip(), paragraphs))
        title = f"{group[0]['title'].strip()}與{group[1]['title'].strip()}等{articles}篇資料彙編"
        # Each section cites its article, as the licence asks: a footnote on its first paragraph.
        notes = {s: f"① 資料來源：維基百科條目「{heading}」。" for s, (heading, _) in enumerate(sections) if s % 2 == 0}
        out.append(Source(f"drcd/{group[0]['id']}", title, sections, traditional=True, notes=notes))
    return out


def _msra(root: Path, per_doc: int = 60, per_paragraph: int = 4, per_section: int = 3) -> list[Source]:
    path = root / "ner" / "msra_val_sentences.txt"
    if not path.exists():
        return []
    sentences = [line.replace(" ", "") for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    out = []
    for start in range(0, len(sentences) - per_doc + 1, per_doc):
        group = sentences[start : start + per_doc]
        paragraphs = ["".join(group[i : i + per_paragraph]) for i in range(0, len(group), per_paragraph)]
        sections = []
        subheads: dict[tuple[int, int], str] = {}
        for n, first in enumerate(range(0, len(paragraphs), per_section)):
            body = paragraphs[first : first + per_section]
            sections.append((f"{NUMERALS[n % 10]}、{_lead(body[0])}", body))
            for k in range(1, len(body)):  # numbered subsections under the section heading
                subheads[(n, k)] = f"（{NUMERALS[k - 1]}）{_lead(body[k])}"
        title = f"新闻资料选编（第{start // per_doc + 1}辑）"
        notes = {1: "① 资料来源：新闻报道，经整理。"}
        out.append(Source(f"msra/{start}", title, sections, traditional=False, subheads=subheads, notes=notes))
    return out


def _lead(paragraph: str) -> str:
    """A heading from a paragraph's first clause (at most 14 characters), as a report's numbered headings
    name what follows."""
    return re.split(r"[，。；：、！？,]", paragraph)[0][:14]


def sources(root: Path = EVAL) -> list[Source]:
    """Every held-out document, in a fixed order."""
    return _drcd(root) + _msra(root)


def _table(source: Source) -> list[list[str]]:
    """A small table about the document itself (section, paragraphs, characters): numbers as reports print."""
    rows = [["章节", "段落数", "字数"]]
    for heading, paragraphs in source.sections[:3]:
        rows.append([heading[:8], str(len(paragraphs)), str(sum(len(p) for p in paragraphs))])
    return rows


def _list_items(source: Source) -> list[str]:
    """List items from real sentences: the first sentences of the last section."""
    text = source.sections[-1][1][0]
    parts = [s for s in re.findall(r"[^。！？]+[。！？]", text) if len(s) > 6][:3]
    return parts or [text[:40]]


# ---------------------------------------------------------------- PDF (Qt's writer)


def _fixtures_module() -> ModuleType:
    path = ROOT / "tests" / "data" / "pdf" / "make_fixtures.py"
    spec = importlib.util.spec_from_file_location("make_fixtures", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_fixtures"] = module
    spec.loader.exec_module(module)
    return module


NUMBER_FORMS = ("— {n} —", "第 {n} 页 共 {total} 页", "- {n} -", "{n}/{total}", "第{n}页", "{n}")


def _pdf(source: Source, path: Path, columns: int, variant: int) -> dict[str, Any]:
    """A text PDF of `source` and its answer, laid out by the fixture writer with this corpus's own heads."""
    fx = _fixtures_module()
    number_form = NUMBER_FORMS[variant % len(NUMBER_FORMS)]
    odd_head = source.title
    even_head = "资料汇编 · 内部参考" if not source.traditional else "資料彙編 · 內部參考"
    footer = "仅供研究参考" if not source.traditional else "僅供研究參考"
    body_size = (10.5, 11.0, 12.0)[variant % 3]

    class Writer(fx.Writer):  # type: ignore[misc, name-defined]
        def __init__(self, spec: Any, out: Path) -> None:
            super().__init__(spec, out)
            script = "TC" if source.traditional else "SC"
            self.body = self.font(f"Noto Serif CJK {script}", body_size, False)
            self.heading = self.font(f"Noto Sans CJK {script}", body_size + 5, True)
            self.sub = self.font(f"Noto Sans CJK {script}", body_size + 1.5, True)
            self.small = self.font(f"Noto Sans CJK {script}", 8.5, False)
            self.kinds: list[str] = []

        def paragraph(self, text: str, font: Any, indent_em: float, latin: bool = False, keep: bool = True) -> None:
            heading = font is self.heading or font is self.sub
            self.kinds.append("title" if not self.kinds else "heading" if heading else "paragraph")
            super().paragraph(text, font, indent_em, latin, keep)

        def table(self, rows: list[list[str]]) -> None:
            self.kinds.extend("row" for _ in rows)
            super().table(rows)

        def flush_notes(self) -> None:
            self.kinds.extend("footnote" for _ in self.pending_notes)
            super().flush_notes()

        def head(self, page: int) -> str:
            return odd_head if page % 2 == 0 else even_head

        def finish_page(self) -> None:
            from PySide6.QtCore import QPointF
            from PySide6.QtGui import QFontMetricsF

            p = self.painter
            p.setFont(self.small)
            y = fx.PAGE_H - fx.BOTTOM + 8
            for note in self.footnotes:  # on the page where the paragraph citing it ends
                p.drawText(QPointF(fx.LEFT, y), note)
                y += 12
            self.footnotes = []
            metrics = QFontMetricsF(self.small)
            head = self.head(self.page)
            p.drawText(QPointF((fx.PAGE_W - metrics.horizontalAdvance(head)) / 2, 46), head)
            p.drawLine(QPointF(fx.LEFT, 52), QPointF(fx.PAGE_W - fx.RIGHT, 52))
            p.drawText(QPointF(fx.LEFT, fx.PAGE_H - 36), footer)
            number = self.spec.number.format(n=self.page + 1, total="{total}")
            if self.spec.number_at == "header-right":
                p.drawText(QPointF(fx.PAGE_W - fx.RIGHT - metrics.horizontalAdvance(number), 30), number)
            else:
                p.drawText(QPointF((fx.PAGE_W - metrics.horizontalAdvance(number)) / 2, fx.PAGE_H - 20), number)

        def answer(self, conv: object) -> dict[str, Any]:
            out: dict[str, Any] = super().answer(conv)
            total = out["page_count"]
            out["furniture"] = [
                [self.head(n), footer, self.spec.number.format(n=n + 1, total=total)] for n in range(total)
            ]
            return out

    blocks: list[Any] = []
    for s, (heading, paragraphs) in enumerate(source.sections):
        blocks.append(fx.Block("h1", heading))
        for k, paragraph in enumerate(paragraphs):
            if (s, k) in source.subheads:
                blocks.append(fx.Block("h2", source.subheads[(s, k)]))
            note = source.notes.get(s, "") if k == 0 else ""
            blocks.append(fx.Block("p", paragraph, footnote=note))
        if s == 1 and variant % 2 == 0:
            blocks.append(fx.Block("table", rows=_table(source)))
    spec = fx.Spec(
        name=path.stem,
        title=source.title,
        header="",
        footer=footer,
        number=number_form,
        number_at="header-right" if number_form == "{n}" else "footer",
        columns=columns,
        blocks=blocks,
    )
    total = Writer(spec, path).write()["page_count"]
    spec.number = spec.number.replace("{total}", str(total))
    writer = Writer(spec, path)
    answer = writer.write()
    paragraphs = answer["paragraphs"]
    joined = "\n".join(paragraphs)
    kinds = writer.kinds
    assert len(kinds) == len(paragraphs), (len(kinds), len(paragraphs))
    return {
        "title": source.title,
        "blocks": [[k, t] for k, t in zip(kinds, paragraphs, strict=True)][1:],
        "furniture": answer["furniture"],
        "page_count": answer["page_count"],
        # The title is the document's title, not its text: the first page's text begins after it.
        "page_first": [joined[max(start, len(paragraphs[0]) + 1) :][:PAGE_FIRST] for start in answer["pages"]],
    }


# ---------------------------------------------------------------- scans


def _scan(pdf: bytes, pages: int, seed: int) -> bytes:
    """The first `pages` pages of a PDF as a scanner gives them: images only, turned, noisy, JPEG."""
    import numpy as np
    import pypdfium2 as pdfium
    from PIL import Image, ImageFilter

    sys.path.insert(0, str(ROOT / "tests" / "unit" / "formats" / "pdf"))
    from pdf_scans import images_to_pdf

    rng = random.Random(seed)
    nprng = np.random.default_rng(seed)
    doc = pdfium.PdfDocument(pdf)
    jpegs = []
    try:
        for index in range(min(pages, len(doc))):
            page = doc[index]
            image = page.render(scale=150 / 72, grayscale=True).to_pil().convert("L")
            page.close()
            image = image.rotate(rng.uniform(-0.8, 0.8), resample=Image.Resampling.BICUBIC, fillcolor=255)
            image = image.filter(ImageFilter.GaussianBlur(radius=0.4))
            pixels = np.asarray(image, dtype=np.float32) + nprng.normal(0.0, 10.0, (image.height, image.width))
            image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), mode="L")
            out = io.BytesIO()
            image.save(out, format="JPEG", quality=60)
            jpegs.append(out.getvalue())
    finally:
        doc.close()
    return images_to_pdf(jpegs)


def _cut_gold(gold: dict[str, Any], pages: int) -> dict[str, Any]:
    """The answer of a text PDF cut to its first `pages` pages (a paragraph cut at the last page's end
    keeps the part printed on it)."""
    if gold["page_count"] <= pages:
        return gold
    blocks = gold["blocks"]
    joined = "\n".join(t for _, t in blocks)
    next_first = gold["page_first"][pages]
    end = joined.find(next_first)
    kept: list[list[str]] = []
    offset = 0
    for kind, text in blocks:
        if offset >= end:
            break
        kept.append([kind, text[: end - offset]])
        offset += len(text) + 1
    return {
        **gold,
        "blocks": [b for b in kept if b[1].strip()],
        "furniture": gold["furniture"][:pages],
        "page_count": pages,
        "page_first": gold["page_first"][:pages],
    }


# ---------------------------------------------------------------- DOCX (OOXML written here)

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{html.escape(text, quote=False)}</w:t></w:r>'


def _para(text: str, style: str | None = None, num: tuple[int, int] | None = None) -> str:
    ppr = ""
    if style or num:
        inner = f'<w:pStyle w:val="{style}"/>' if style else ""
        if num:
            inner += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
        ppr = f"<w:pPr>{inner}</w:pPr>"
    return f"<w:p>{ppr}{_run(text)}</w:p>"


def _docx(source: Source, variant: int) -> tuple[bytes, dict[str, Any]]:
    body: list[str] = [_para(source.title, "Title")]
    gold: list[list[str]] = []
    items = _list_items(source)
    for s, (heading, paragraphs) in enumerate(source.sections):
        body.append(_para(heading, "Heading1"))
        gold.append(["heading", heading])
        for k, paragraph in enumerate(paragraphs):
            if (s, k) in source.subheads:
                body.append(_para(source.subheads[(s, k)], "Heading2"))
                gold.append(["heading", source.subheads[(s, k)]])
            body.append(_para(paragraph))
            gold.append(["paragraph", paragraph])
        if s == 0:
            for n, item in enumerate(items, start=1):
                body.append(_para(item, "ListParagraph", (1, 0)))
                gold.append(["item", f"{n}. {item}"])
        if s == 1:
            rows = _table(source)
            cells = "".join("<w:tr>" + "".join(f"<w:tc>{_para(c)}</w:tc>" for c in row) + "</w:tr>" for row in rows)
            body.append(f"<w:tbl><w:tblPr/>{cells}</w:tbl>")
            gold.extend(["row", "\t".join(row)] for row in rows)
    head = source.title
    foot = "仅供研究参考" if not source.traditional else "僅供研究參考"
    sect = (
        '<w:sectPr><w:headerReference w:type="default" r:id="rIdH"/>'
        '<w:footerReference w:type="default" r:id="rIdF"/></w:sectPr>'
    )
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{_W}" xmlns:r="{_R}"><w:body>{"".join(body)}{sect}</w:body></w:document>'
    )
    page_field = (
        '<w:p><w:r><w:t xml:space="preserve">— </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p>'
    )
    header = f'<?xml version="1.0" encoding="UTF-8"?><w:hdr xmlns:w="{_W}">{_para(head)}</w:hdr>'
    footer = f'<?xml version="1.0" encoding="UTF-8"?><w:ftr xmlns:w="{_W}">{_para(foot)}{page_field}</w:ftr>'
    styles = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="{_W}">'
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>'
        '<w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>'
        '<w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/>'
        '<w:basedOn w:val="Normal"/></w:style></w:styles>'
    )
    numbering = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{_W}">'
        '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        "</w:numbering>"
    )
    core = (
        '<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties '
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{html.escape(source.title)}</dc:title><dc:creator>课题组</dc:creator>"
        '<dcterms:created xsi:type="dcterms:W3CDTF">2024-05-20T08:00:00Z</dcterms:created></cp:coreProperties>'
    )
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    doc_rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships '
        'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rIdS" Type="{rel}/styles" Target="styles.xml"/>'
        f'<Relationship Id="rIdN" Type="{rel}/numbering" Target="numbering.xml"/>'
        f'<Relationship Id="rIdH" Type="{rel}/header" Target="header1.xml"/>'
        f'<Relationship Id="rIdF" Type="{rel}/footer" Target="footer1.xml"/></Relationships>'
    )
    root_rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships '
        'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="word/document.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
        'core-properties" Target="docProps/core.xml"/></Relationships>'
    )
    wml = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    types = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/word/document.xml" ContentType="{wml}.document.main+xml"/>'
        f'<Override PartName="/word/styles.xml" ContentType="{wml}.styles+xml"/>'
        f'<Override PartName="/word/numbering.xml" ContentType="{wml}.numbering+xml"/>'
        f'<Override PartName="/word/header1.xml" ContentType="{wml}.header+xml"/>'
        f'<Override PartName="/word/footer1.xml" ContentType="{wml}.footer+xml"/>'
        '<Override PartName="/docProps/core.xml" '
        'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", types)
        z.writestr("_rels/.rels", root_rels)
        z.writestr("word/document.xml", document)
        z.writestr("word/_rels/document.xml.rels", doc_rels)
        z.writestr("word/styles.xml", styles)
        z.writestr("word/numbering.xml", numbering)
        z.writestr("word/header1.xml", header)
        z.writestr("word/footer1.xml", footer)
        z.writestr("docProps/core.xml", core)
    return out.getvalue(), {"title": source.title, "blocks": gold, "furniture": [[head, foot, "— 1 —"]]}


# ---------------------------------------------------------------- EPUB


def _xhtml(title: str, body: str, lang: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n'
        f'<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="{lang}">'
        f"<head><title>{html.escape(title)}</title></head><body>{body}</body></html>"
    )


def _epub(source: Source) -> tuple[bytes, dict[str, Any]]:
    lang = "zh-TW" if source.traditional else "zh-CN"
    chapters: list[str] = []
    gold: list[list[str]] = []
    items = _list_items(source)
    for s, (heading, paragraphs) in enumerate(source.sections):
        parts = [f"<section><h2>{html.escape(heading)}</h2>"]
        gold.append(["heading", heading])
        for k, paragraph in enumerate(paragraphs):
            if (s, k) in source.subheads:
                parts.append(f"<h3>{html.escape(source.subheads[(s, k)])}</h3>")
                gold.append(["heading", source.subheads[(s, k)]])
            parts.append(f"<p>{html.escape(paragraph)}</p>")
            gold.append(["paragraph", paragraph])
        if s == 0:
            parts.append("<ul>" + "".join(f"<li>{html.escape(i)}</li>" for i in items) + "</ul>")
            gold.extend(["item", item] for item in items)
        if s == 1:
            rows = _table(source)
            parts.append(
                "<table>"
                + "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows)
                + "</table>"
            )
            gold.extend(["row", "\t".join(row)] for row in rows)
        parts.append("</section>")
        chapters.append(_xhtml(heading, "".join(parts), lang))
    nav_items = "".join(
        f'<li><a href="ch{i + 1}.xhtml">{html.escape(h)}</a></li>' for i, (h, _) in enumerate(source.sections)
    )
    nav = _xhtml("目录", f'<nav epub:type="toc"><h1>目录</h1><ol>{nav_items}</ol></nav>', lang)
    manifest = '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>' + "".join(
        f'<item id="ch{i + 1}" href="ch{i + 1}.xhtml" media-type="application/xhtml+xml"/>'
        for i in range(len(chapters))
    )
    spine = '<itemref idref="nav"/>' + "".join(f'<itemref idref="ch{i + 1}"/>' for i in range(len(chapters)))
    opf = (
        '<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" '
        'unique-identifier="uid"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f'<dc:identifier id="uid">{html.escape(source.id)}</dc:identifier>'
        f"<dc:title>{html.escape(source.title)}</dc:title><dc:creator>课题组</dc:creator>"
        f"<dc:language>{lang}</dc:language><dc:date>2024-05-20</dc:date>"
        '<meta property="dcterms:modified">2024-05-20T08:00:00Z</meta></metadata>'
        f"<manifest>{manifest}</manifest><spine>{spine}</spine></package>"
    )
    container = (
        '<?xml version="1.0" encoding="UTF-8"?><container version="1.0" '
        'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
        '<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        z.writestr("META-INF/container.xml", container)
        z.writestr("OEBPS/content.opf", opf)
        z.writestr("OEBPS/nav.xhtml", nav)
        for i, chapter in enumerate(chapters):
            z.writestr(f"OEBPS/ch{i + 1}.xhtml", chapter)
    return out.getvalue(), {"title": source.title, "blocks": gold, "furniture": []}


# ---------------------------------------------------------------- driver


@dataclass
class Made:
    kind: str
    half: str
    source: str
    file: str
    gold: str
    pages: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


def make(out: Path, per_kind: int, scan_pages: int, scans: int, extra_dev_scans: int = 0) -> list[Made]:
    """Write the corpus; each source document is used for one kind only (kinds taken in turn per half).

    `extra_dev_scans` more scans are made in the dev half only, from dev sources no other kind used, so scan
    rules can be tuned on more layouts without looking at the test half (which stays as it was).
    """
    made: list[Made] = []
    for half in HALVES:
        pool = [s for s in sources() if s.half == half]
        # Interleave the two sources so that every kind gets both scripts.
        drcd = [s for s in pool if s.traditional]
        msra = [s for s in pool if not s.traditional]
        mixed = [s for pair in zip(drcd, msra, strict=False) for s in pair]
        wanted = {kind: (scans if kind == "scan" else per_kind) for kind in KINDS}
        extra = extra_dev_scans if half == "dev" else 0
        for turn, source in enumerate(mixed):
            open_kinds = [k for k in KINDS if wanted[k] > 0]
            if open_kinds:
                kind = open_kinds[turn % len(open_kinds)]
                wanted[kind] -= 1
            elif extra > 0:
                kind, extra = "scan", extra - 1
            else:
                break
            folder = out / half / kind
            folder.mkdir(parents=True, exist_ok=True)
            name = source.id.replace("/", "-")
            variant = int(hashlib.sha1(source.id.encode()).hexdigest()[:6], 16)
            if kind in ("text-pdf", "two-column", "scan"):
                path = folder / f"{name}.pdf"
                gold = _pdf(source, path, 2 if kind == "two-column" else 1, variant)
                if kind == "scan":
                    path.write_bytes(_scan(path.read_bytes(), scan_pages, variant))
                    gold = _cut_gold(gold, scan_pages)
            elif kind == "docx":
                path = folder / f"{name}.docx"
                data, gold = _docx(source, variant)
                path.write_bytes(data)
            else:
                path = folder / f"{name}.epub"
                data, gold = _epub(source)
                path.write_bytes(data)
            gold_path = folder / f"{name}.gold.json"
            gold_path.write_text(json.dumps({"source": source.id, "kind": kind, **gold}, ensure_ascii=False, indent=1))
            made.append(Made(kind, half, source.id, str(path), str(gold_path), int(gold.get("page_count", 0))))
    (out / "manifest.json").write_text(json.dumps([m.__dict__ for m in made], ensure_ascii=False, indent=1))
    return made


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--per-kind", type=int, default=4, help="documents per kind and half (default 4)")
    parser.add_argument("--scans", type=int, default=2, help="scanned documents per half (default 2)")
    parser.add_argument("--scan-pages", type=int, default=3, help="pages of each scan (default 3)")
    parser.add_argument("--extra-dev-scans", type=int, default=0, help="more scans in the dev half only (default 0)")
    args = parser.parse_args(argv)
    if not EVAL.exists():
        print(f"skipped: evaluation data not found at {EVAL}", file=sys.stderr)
        return 3
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    del app
    made = make(args.out, args.per_kind, args.scan_pages, args.scans, args.extra_dev_scans)
    print(f"{len(made)} documents in {args.out}")
    return 0


if __name__ == "__main__":
    code = main(sys.argv[1:])
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)  # PySide6 on Python 3.11 may abort at interpreter exit (docs/decisions/pyside6.md)
