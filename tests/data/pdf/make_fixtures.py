"""Make the text-PDF fixtures with Qt's PDF writer, and the answer each one must give.

Run from the repository root: `QT_QPA_PLATFORM=offscreen .venv/bin/python tests/data/pdf/make_fixtures.py`.
Each `<name>.pdf` comes with `<name>.expected.json`: the paragraphs in reading order (headings, table rows
with cells joined by a tab, footnotes after their section), the furniture lines per page with the reason
they must be removed for, and the code-point offset in the joined paragraphs at which each page begins.
The layout is done here, line by line, so the answer is known exactly rather than read back from a PDF.
The prose is written for these fixtures; the traditional-script documents are converted with OpenCC.
"""

from __future__ import annotations

import json
import os
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import opencc
from PySide6.QtCore import QMarginsF, QPointF, QRectF
from PySide6.QtGui import QFont, QFontMetricsF, QGuiApplication, QPageLayout, QPageSize, QPainter, QPdfWriter

HERE = Path(__file__).resolve().parent
PAGE_W, PAGE_H = 595.0, 842.0  # A4 in points; the writer is set to 72 dpi so painter units are points
LEFT, RIGHT, TOP, BOTTOM = 72.0, 72.0, 80.0, 80.0
GUTTER = 24.0

SENTENCES = [
    "本报告根据年度调查数据整理而成，力求反映基层治理工作的实际情况。",
    "各地在推进公共服务均等化方面取得了积极进展，但城乡之间仍存在明显差距。",
    "调查覆盖东部、中部和西部的十二个省份，共回收有效问卷三千二百余份。",
    "受访者普遍认为，社区服务中心的办事效率较往年有所提高。",
    "与此同时，老年人使用线上服务时遇到的困难仍较为突出，需要有针对性的帮扶措施。",
    "从财政投入看，县级公共文化设施的运行经费增长了百分之八点五。",
    "部分地区探索建立了跨部门协同机制，减少了群众重复提交材料的次数。",
    "下一步应当加强数据共享，明确责任分工，并建立常态化的评估制度。",
    "课题组在实地调研中还注意到，志愿服务队伍的稳定性对社区活动的开展影响很大。",
    "农村地区的医疗卫生服务网络进一步完善，乡镇卫生院的诊疗人次稳步上升。",
    "在教育领域，义务教育阶段的寄宿制学校条件得到改善，但师资流动仍然偏快。",
    "报告建议将群众满意度纳入考核体系，并定期向社会公开评估结果。",
    "需要指出的是，样本中城市社区的比例略高，结论推广时应当注意这一点。",
    "总体而言，基层公共服务的可及性和便利性都有所提升，群众获得感不断增强。",
]
LATIN = (
    "The survey team interviewed community workers, township officials and residents in twelve provinces. "
    "Respondents described administrative procedures, waiting times and the accessibility of online services, "
    "and the interviews were transcribed, anonymised and coded independently by two researchers before analysis. "
    "Disagreements between the coders were resolved in discussion with the principal investigator."
)


@dataclass
class Block:
    kind: str  # "h1", "h2", "p", "table", "latin"
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)
    footnote: str = ""  # drawn at the foot of the page on which the paragraph starts


@dataclass
class Spec:
    name: str
    title: str
    header: str
    footer: str
    number: str  # page-number form, "{n}" and "{total}" filled in
    number_at: str  # "footer" (own line at the bottom) or "header-right"
    columns: int
    blocks: list[Block]
    traditional: bool = False


def prose(rng: random.Random, count: int) -> str:
    return "".join(rng.choice(SENTENCES) for _ in range(count))


def document(rng: random.Random, sections: int, with_table: bool, with_latin: bool) -> list[Block]:
    numerals = "一二三四五六七八九十"
    blocks: list[Block] = []
    for s in range(sections):
        blocks.append(Block("h1", f"{numerals[s]}、{['总体情况', '主要做法', '存在问题', '对策建议'][s % 4]}"))
        for sub in range(2):
            blocks.append(Block("h2", f"（{numerals[sub]}）{['调查范围与方法', '主要发现'][sub]}"))
            blocks.append(Block("p", prose(rng, rng.randint(3, 6))))
            blocks.append(Block("p", prose(rng, rng.randint(2, 5))))
        if s == 0:
            blocks[-1].footnote = "① 数据来源：课题组问卷调查，经加权处理。"
        if with_table and s == 1:
            blocks.append(
                Block(
                    "table",
                    rows=[
                        ["地区", "样本数", "满意度"],
                        ["东部", "1200", "86.5%"],
                        ["中部", "1050", "81.2%"],
                        ["西部", "980", "78.9%"],
                    ],
                )
            )
        if with_latin and s == 2:
            blocks.append(Block("latin", LATIN))
    return blocks


class Writer:
    """Lays blocks out on pages with a QPainter and records the answer as it goes."""

    def __init__(self, spec: Spec, path: Path) -> None:
        self.spec = spec
        self.pdf = QPdfWriter(str(path))
        self.pdf.setResolution(72)
        self.pdf.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        self.pdf.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)
        self.pdf.setCreator("reader test fixtures")
        self.painter = QPainter(self.pdf)
        script = "TC" if spec.traditional else "SC"
        self.body = self.font(f"Noto Serif CJK {script}", 11, False)
        self.heading = self.font(f"Noto Sans CJK {script}", 15, True)
        self.sub = self.font(f"Noto Sans CJK {script}", 12, True)
        self.small = self.font(f"Noto Sans CJK {script}", 8.5, False)
        self.width = (PAGE_W - LEFT - RIGHT - (GUTTER if spec.columns == 2 else 0)) / spec.columns
        self.page = 0
        self.column = 0
        self.y = TOP
        self.bottom = PAGE_H - BOTTOM
        self.footnotes: list[str] = []
        self.page_starts: list[tuple[int, int]] = []  # (paragraph index, offset in it) of each page's first line
        self.paragraphs: list[str] = []
        self.pending_notes: list[str] = []  # footnotes of the current section, written after it

    @staticmethod
    def font(family: str, size: float, bold: bool) -> QFont:
        font = QFont(family)
        font.setPointSizeF(size)
        font.setBold(bold)
        return font

    def x(self) -> float:
        return LEFT + self.column * (self.width + GUTTER)

    def new_column(self) -> None:
        if self.column + 1 < self.spec.columns:
            self.column += 1
            self.y = TOP
            return
        self.finish_page()
        self.pdf.newPage()
        self.page += 1
        self.column = 0
        self.y = TOP
        self.bottom = PAGE_H - BOTTOM

    def finish_page(self) -> None:
        """Footnotes, running head and footer, page number."""
        p = self.painter
        y = PAGE_H - BOTTOM + 8
        for note in self.footnotes:
            p.setFont(self.small)
            p.drawText(QPointF(LEFT, y), note)
            y += 12
        self.footnotes = []
        p.setFont(self.small)
        number = self.spec.number.format(n=self.page + 1, total="{total}")
        p.drawText(QPointF(LEFT, 48), self.spec.header)
        if self.spec.number_at == "header-right":
            metrics = QFontMetricsF(self.small)
            p.drawText(QPointF(PAGE_W - RIGHT - metrics.horizontalAdvance(number), 48), number)
        p.drawText(QPointF(LEFT, PAGE_H - 36), self.spec.footer)
        if self.spec.number_at == "footer":
            metrics = QFontMetricsF(self.small)
            p.drawText(QPointF((PAGE_W - metrics.horizontalAdvance(number)) / 2, PAGE_H - 22), number)

    def mark_page_start(self, paragraph: int, offset: int) -> None:
        if len(self.page_starts) == self.page:
            self.page_starts.append((paragraph, offset))

    def lines(self, text: str, font: QFont, indent: float, latin: bool) -> list[tuple[str, int, str]]:
        """Wrap into (drawn text, offset of its first character in `text`, what it adds to the paragraph)."""
        metrics = QFontMetricsF(font)
        units = re.findall(r"[A-Za-z0-9.%]+|\s|.", text)
        out: list[tuple[str, int, str]] = []
        line, start, pos, limit = "", 0, 0, self.width - indent
        for unit in units:
            if metrics.horizontalAdvance(line + unit) <= limit or not line:
                line += unit
                pos += len(unit)
                continue
            if latin and len(unit) >= 8 and unit.isalpha():
                for cut in range(len(unit) - 3, 2, -1):
                    if metrics.horizontalAdvance(line + unit[:cut] + "-") <= limit:
                        out.append((line + unit[:cut] + "-", start, line + unit[:cut]))
                        start = pos + cut
                        line, pos, limit = unit[cut:], pos + len(unit), self.width
                        break
                else:
                    out.append((line.rstrip(), start, line))
                    line, start, pos, limit = unit, pos, pos + len(unit), self.width
                continue
            out.append((line.rstrip(), start, line))
            if unit.isspace():
                line, start, pos = "", pos + 1, pos + 1
            else:
                line, start, pos = unit, pos, pos + len(unit)
            limit = self.width
        if line:
            out.append((line, start, line))
        return out

    def paragraph(self, text: str, font: QFont, indent_em: float, latin: bool = False, keep: bool = True) -> None:
        size = font.pointSizeF()
        pitch = size * 1.75
        index = len(self.paragraphs)
        self.paragraphs.append(text)
        for i, (drawn, offset, _) in enumerate(self.lines(text, font, indent_em * size, latin)):
            if self.y + pitch > self.bottom:
                self.new_column()
            self.y += pitch
            self.mark_page_start(index, offset)
            self.painter.setFont(font)
            self.painter.drawText(QPointF(self.x() + (indent_em * size if i == 0 else 0), self.y), drawn)
        self.y += 4 if keep else 0

    def table(self, rows: list[list[str]]) -> None:
        pitch = 22.0
        if self.y + pitch * len(rows) > self.bottom:
            self.new_column()
        cell = self.width / len(rows[0])
        top = self.y + 6
        for row in rows:
            self.y += pitch
            self.mark_page_start(len(self.paragraphs), 0)
            self.paragraphs.append("\t".join(row))
            self.painter.setFont(self.body)
            for c, text in enumerate(row):
                self.painter.drawText(QPointF(self.x() + c * cell + 6, self.y), text)
            self.painter.drawLine(QPointF(self.x(), self.y + 7), QPointF(self.x() + self.width, self.y + 7))
        self.painter.drawRect(QRectF(self.x(), top, self.width, self.y + 7 - top))
        self.y += 14

    def write(self) -> dict[str, object]:
        conv = opencc.OpenCC("s2t").convert if self.spec.traditional else (lambda s: s)
        self.paragraph(conv(self.spec.title), self.heading, 0)
        for block in self.spec.blocks:
            if block.kind in ("h1", "h2"):
                self.flush_notes()
                self.y += 8
                self.paragraph(conv(block.text), self.heading if block.kind == "h1" else self.sub, 0)
            elif block.kind == "p":
                page = self.page
                self.paragraph(conv(block.text) + ("①" if block.footnote else ""), self.body, 2)
                if block.footnote:
                    note = conv(block.footnote)
                    self.pending_notes.append(note)
                    self.footnotes.append(note)  # on the page where the paragraph ends
                    if page == self.page:
                        self.bottom -= 14
            elif block.kind == "latin":
                self.paragraph(block.text, self.body, 2, latin=True)
            elif block.kind == "table":
                self.table([[conv(c) for c in row] for row in block.rows])
        self.flush_notes()
        self.finish_page()
        self.painter.end()
        return self.answer(conv)

    def flush_notes(self) -> None:
        self.paragraphs.extend(self.pending_notes)
        self.pending_notes = []

    def answer(self, conv: object) -> dict[str, object]:
        total = self.page + 1
        starts: list[int] = []
        offsets = [0]
        for text in self.paragraphs:
            offsets.append(offsets[-1] + len(text) + 1)
        for paragraph, offset in self.page_starts:
            starts.append(offsets[paragraph] + offset)
        furniture = []
        for n in range(total):
            number = self.spec.number.format(n=n + 1, total=total)
            furniture.append(
                [
                    [self.spec.header, "page-header"],
                    [number, "page-number"],
                    [self.spec.footer, "page-footer"],
                ]
            )
        return {"paragraphs": self.paragraphs, "pages": starts, "furniture": furniture, "page_count": total}


def specs() -> list[Spec]:
    rng = random.Random(15)
    return [
        Spec(
            "report_sc",
            "关于基层公共服务情况的调查报告",
            "某某研究院 · 基层治理研究报告",
            "内部资料 注意保存",
            "— {n} —",
            "footer",
            1,
            document(rng, 3, with_table=True, with_latin=False),
        ),
        Spec(
            "report_tc",
            "关于基层公共服务情况的调查报告",
            "某某研究院 · 基层治理研究报告",
            "内部资料 注意保存",
            "第 {n} 页 共 {total} 页",
            "footer",
            1,
            document(rng, 3, with_table=False, with_latin=False),
            traditional=True,
        ),
        Spec(
            "two_column",
            "社区服务调查简报",
            "社区服务调查简报 2024 年第 2 期",
            "课题组编印",
            "{n}/{total}",
            "footer",
            2,
            document(rng, 3, with_table=False, with_latin=True),
        ),
        Spec(
            "dash_numbers",
            "公共文化设施运行情况",
            "公共文化设施运行情况",
            "编印单位：某某研究院",
            "- {n} -",
            "footer",
            1,
            document(rng, 2, with_table=True, with_latin=True),
        ),
        Spec(
            "bare_numbers",
            "志愿服务队伍建设报告",
            "志愿服务队伍建设报告",
            "某某研究院",
            "{n}",
            "header-right",
            1,
            document(rng, 2, with_table=False, with_latin=False),
        ),
    ]


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv)
    del app
    for spec in specs():
        if spec.traditional:
            conv = opencc.OpenCC("s2t").convert
            spec.header, spec.footer, spec.number = conv(spec.header), conv(spec.footer), conv(spec.number)
        # Page totals are known only after layout: lay out once to count, then again with the total.
        probe = HERE / f"{spec.name}.pdf"
        total = Writer(spec, probe).write()["page_count"]
        spec.number = spec.number.replace("{total}", str(total))
        answer = Writer(spec, probe).write()
        (HERE / f"{spec.name}.expected.json").write_text(json.dumps(answer, ensure_ascii=False, indent=1) + "\n")
        print(f"{spec.name}: {answer['page_count']} pages, {probe.stat().st_size} bytes")
    encrypt(HERE / "bare_numbers.pdf", HERE / "encrypted.pdf")
    return 0


def encrypt(source: Path, target: Path) -> None:
    """A password-protected copy (Qt's writer does not encrypt; pypdf does, and is needed only here)."""
    import pypdf

    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(source))
    writer.encrypt("secret", algorithm="RC4-128")
    with target.open("wb") as out:
        writer.write(out)


if __name__ == "__main__":
    sys.stdout.flush()
    os._exit(main())  # PySide6 6.12.0 on Python 3.11 aborts at interpreter exit (docs/decisions/pyside6.md)
