"""Encyclopedia pages built around real article text: development data for pages shaped like a wiki.

An encyclopedia article is the kind of page where a line cleaner loses the most text: its content is
cut by section headings into many short runs, and it carries an infobox (label and value on lines of
their own), tables (one cell a line in a block rendering) and a list of references, all short
unpunctuated lines that look like page furniture. Around it stand a wiki's own furniture: a tagline,
jump links, a maintenance banner, a table of contents, navigation boxes, categories, side menus,
language links and a licence footer.

The article text is DRCD dev (`../shared/eval/zh_tw/drcd_dev.jsonl`: Traditional-Chinese Wikipedia
paragraphs, CC BY-SA 3.0); the furniture is written by this generator in the markup a MediaWiki skin
produces (class names such as `mw-parser-output`, `infobox`, `navbox`, `catlinks`), or, on half of the
pages, with the class names taken away (a saved copy or a mirror).

Gold: what a reader of the article wants, that is the infobox, the lead, section headings,
paragraphs, tables and references; not the banner, the table of contents, the navigation boxes, the
categories or anything outside the content area. Split: test when the last byte of
sha1("wiki/<article id>") is odd, else dev; only dev is read to tune rules.
`python make_wiki_pages.py OUT_DIR` writes the pages and gold texts out for reading.
"""

from __future__ import annotations

import hashlib
import html
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
EVAL = HERE.parents[3] / "shared" / "eval"
SEED = 20261201
PAGES = 60

SECTIONS = ("歷史", "概況", "地理", "早年生活", "經歷", "發展", "特點", "評價", "影響", "現狀")
INFO_LABELS = ("名稱", "類型", "地區", "創立", "面積", "人口", "語言", "別名", "所屬", "官方網站")
TABLE_HEADS = (("年份", "名稱", "備註"), ("時間", "事件", "地點"), ("序號", "項目", "說明"))
NAV_SIDE = ("首頁", "分類索引", "特色內容", "新聞動態", "最近更改", "隨機條目", "資助維基百科")
NAV_HELP = ("幫助", "維基社群", "方針與指引", "互助客棧", "知識問答", "字詞轉換", "聯絡我們", "關於維基百科")
TOOLS = ("鏈入頁面", "相關更改", "上傳文件", "特殊頁面", "固定連結", "頁面資訊", "引用本頁", "維基數據項目")
LANGS = ("English", "Español", "Français", "Deutsch", "日本語", "한국어", "Русский", "Tiếng Việt")
BANNERS = (
    "此條目需要補充更多來源。請協助添加多方面可靠來源以改善這篇條目，無法查證的內容可能會因為異議提出而移除。",
    "此條目可能包含原創研究。請協助添加參考資料以改善這篇條目。",
    "本條目存在以下問題，請協助改善本條目或在討論頁針對議題發表看法。",
)


@dataclass(frozen=True)
class Page:
    page_id: str
    html: str
    gold: str
    half: str


def half_of(source_id: str) -> str:
    return "test" if hashlib.sha1(source_id.encode("utf-8")).digest()[-1] % 2 else "dev"


def _clause(rng: random.Random, paras: list[str], limit: int) -> str:
    """A short phrase of the article: the opening of one of its clauses."""
    para = rng.choice(paras)
    parts = [p for p in para.replace("。", "，").split("，") if len(p) >= 2]
    return (rng.choice(parts) if parts else para)[:limit]


def _ul(items: list[str], cls: str = "") -> str:
    return (
        f"<ul{cls}>"
        + "".join(f'<li><a href="/wiki/{i}">{html.escape(x)}</a></li>' for i, x in enumerate(items))
        + "</ul>"
    )


class _Builder:
    """One page: markup and gold built side by side, so the gold is exactly what the page shows."""

    def __init__(self, rng: random.Random, classes: bool) -> None:
        self.rng, self.classes = rng, classes
        self.gold: list[str] = []

    def cls(self, name: str) -> str:
        return f' class="{name}"' if self.classes else ""

    def infobox(self, title: str, paras: list[str]) -> str:
        rows = [f"<tr><th colspan='2'>{html.escape(title)}</th></tr>"]
        self.gold.append(title)
        for label in self.rng.sample(INFO_LABELS, self.rng.randint(4, 7)):
            value = (
                f"{self.rng.randint(1, 999)}{self.rng.choice(('平方公里', '萬人', '年', '人'))}"
                if self.rng.random() < 0.4
                else _clause(self.rng, paras, 10)
            )
            rows.append(f"<tr><th scope='row'>{label}</th><td>{html.escape(value)}</td></tr>")
            self.gold += [label, value]
        return f"<table{self.cls('infobox vcard')}><tbody>{''.join(rows)}</tbody></table>"

    def toc(self, heads: list[str]) -> str:
        items = "".join(
            f'<li><a href="#{h}"><span{self.cls("tocnumber")}>{n}</span> <span{self.cls("toctext")}>{h}</span></a></li>'
            for n, h in enumerate(heads, 1)
        )
        return f'<div id="toc"{self.cls("toc")}><div><h2>目錄</h2></div><ul>{items}</ul></div>'

    def heading(self, text: str) -> str:
        self.gold.append(text)
        edit = f'<span{self.cls("mw-editsection")}>[<a href="/e">編輯</a>]</span>'
        return f"<h2><span{self.cls('mw-headline')}>{text}</span>{edit}</h2>"

    def paragraph(self, text: str) -> str:
        self.gold.append(text)
        return f"<p>{html.escape(text)}</p>"

    def table(self, paras: list[str]) -> str:
        head = self.rng.choice(TABLE_HEADS)
        self.gold += list(head)
        rows = ["<tr>" + "".join(f"<th>{h}</th>" for h in head) + "</tr>"]
        for _ in range(self.rng.randint(3, 6)):
            cells = [str(self.rng.randint(1950, 2015)), _clause(self.rng, paras, 12), _clause(self.rng, paras, 8)]
            self.gold += cells
            rows.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
        return f"<table{self.cls('wikitable')}><tbody>{''.join(rows)}</tbody></table>"

    def references(self, paras: list[str]) -> str:
        items = []
        for k in range(self.rng.randint(2, 6)):
            year = self.rng.randint(2005, 2018)
            source, place = _clause(self.rng, paras, 16), _clause(self.rng, paras, 6)
            text = f"{source}. {place}. {year}-0{k + 1}-1{k} [{year + 1}-01-01]."
            self.gold.append(text)
            back = f'<span{self.cls("mw-cite-backlink")}><a href="#r">^</a></span>'
            items.append(f"<li>{back} <span>{html.escape(text)}</span></li>")
        return self.heading("參考文獻") + f"<ol{self.cls('references')}>{''.join(items)}</ol>"


def _navbox(rng: random.Random, b: _Builder, paras: list[str], title: str) -> str:
    groups = []
    for _ in range(rng.randint(2, 4)):
        group = _clause(rng, paras, 6)
        items = _ul([_clause(rng, paras, 6) for _ in range(rng.randint(4, 9))])
        groups.append(f"<tr><th>{group}</th><td>{items}</td></tr>")
    return (
        f'<div role="navigation"{b.cls("navbox")}><table><tr><th>{html.escape(title)}</th></tr>'
        f"{''.join(groups)}</table></div>"
    )


def _paragraphs(rng: random.Random, text: str) -> list[str]:
    """The article's paragraphs; an article stored as one block is cut after every two to four sentences."""
    paras = [p.strip() for p in text.split("\n") if p.strip()]
    if len(paras) > 2:
        return paras
    sentences = [s + "。" for s in "".join(paras).split("。") if s.strip()]
    out = []
    while sentences:
        take = rng.randint(2, 4)
        out.append("".join(sentences[:take]))
        sentences = sentences[take:]
    return out


def _page(rng: random.Random, art: dict[str, str], classes: bool) -> tuple[str, str]:
    paras = _paragraphs(rng, art["text"])
    title = art["title"]
    b = _Builder(rng, classes)
    body: list[str] = []
    if rng.random() < 0.4:
        banner = f"{rng.choice(BANNERS)}<small>（{rng.randint(2010, 2020)}年{rng.randint(1, 12)}月）</small>"
        body.append(f"<table{b.cls('ambox metadata')}><tr><td>{banner}</td></tr></table>")
    if rng.random() < 0.7:
        body.append(b.infobox(title, paras))
    lead = rng.randint(1, 2)
    body += [b.paragraph(p) for p in paras[:lead]]
    rest = paras[lead:]
    cuts = (
        sorted(rng.sample(range(1, max(2, len(rest))), min(len(rest) - 1, rng.randint(1, 4)))) if len(rest) > 1 else []
    )
    chunks = [rest[i:j] for i, j in zip([0, *cuts], [*cuts, len(rest)], strict=True)] if rest else []
    heads = rng.sample(SECTIONS, len(chunks)) if chunks else []
    if len(heads) >= 3:
        body.append(b.toc(heads))
    table_at = rng.randrange(len(chunks)) if chunks and rng.random() < 0.6 else -1
    for k, (head, chunk) in enumerate(zip(heads, chunks, strict=True)):
        body.append(b.heading(head))
        body += [b.paragraph(p) for p in chunk]
        if k == table_at:
            body.append(b.table(paras))
    if rng.random() < 0.7:
        body.append(b.references(paras))
    if rng.random() < 0.6:
        body.append(_navbox(rng, b, paras, _clause(rng, paras, 8)))
    cats = "".join(f'<li><a href="/c">{html.escape(_clause(rng, paras, 6))}</a></li>' for _ in range(rng.randint(2, 5)))
    content = (
        f'<div id="content"{b.cls("mw-body")}><h1{b.cls("firstHeading")}>{html.escape(title)}</h1>'
        f'<div id="bodyContent"{b.cls("mw-body-content")}><div id="siteSub">維基百科，自由的百科全書</div>'
        f'<a href="#mw-head">跳至導覽</a> <a href="#searchInput">跳至搜尋</a>'
        f'<div id="mw-content-text"><div{b.cls("mw-parser-output")}>{"".join(body)}</div></div>'
        f"<div{b.cls('printfooter')}>取自「https://zh.wikipedia.org/w/index.php?title={html.escape(title)}"
        f"&amp;oldid={rng.randint(10**7, 10**8)}」</div>"
        f'<div id="catlinks"{b.cls("catlinks")}><a href="/c">分類</a>：<ul>{cats}</ul></div></div></div>'
    )
    panel = (
        '<div id="mw-navigation"><h2>導覽選單</h2>'
        f'<div id="p-personal"><h3>個人工具</h3>{_ul(["沒有登入", "討論", "貢獻", "建立帳號", "登入"])}</div>'
        f'<div id="p-views">{_ul(["閱讀", "編輯", "檢視歷史"])}</div>'
        f'<div id="mw-panel"><div{b.cls("portal")}><h3>導航</h3>{_ul(list(NAV_SIDE))}</div>'
        f"<div{b.cls('portal')}><h3>說明</h3>{_ul(list(NAV_HELP))}</div>"
        f"<div{b.cls('portal')}><h3>工具</h3>{_ul(list(TOOLS))}</div>"
        f"<div{b.cls('portal')}><h3>其他語言</h3>{_ul(rng.sample(LANGS, rng.randint(2, 8)))}</div></div></div>"
    )
    day = f"{rng.randint(2012, 2022)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"
    footer = (
        f'<div id="footer"><ul><li>本頁面最後修訂於{day} (星期{rng.choice("一二三四五六日")}) '
        f"{rng.randint(0, 23):02d}:{rng.randint(10, 59)}。</li>"
        "<li>本站的全部文字在<a href='/l'>創用CC 姓名標示-相同方式分享 3.0協議</a>之條款下提供，附加條款亦可能應用。"
        "（請參閱<a href='/t'>使用條款</a>）</li></ul>"
        f"{_ul(['隱私政策', '關於維基百科', '免責聲明', '開發人員', '手機版檢視'])}</div>"
    )
    head = f"<head><title>{html.escape(title)} - 維基百科，自由的百科全書</title></head>"
    page = f"<html>{head}<body>{content}{panel}{footer}</body></html>"
    return page, "\n".join(b.gold)


def build(root: Path = EVAL) -> list[Page]:
    """The generated encyclopedia pages, the same on every run."""
    path = root / "zh_tw" / "drcd_dev.jsonl"
    if not path.exists():
        return []
    articles = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rng = random.Random(SEED)
    pages = []
    for art in rng.sample(articles, PAGES):
        page, gold = _page(rng, art, classes=rng.random() < 0.5)
        pages.append(Page(f"wiki/{art['id']}", page, gold, half_of(f"wiki/{art['id']}")))
    return pages


FRESH_SEED = 20261129
FRESH_PAGES = 120


def build_fresh(root: Path = EVAL) -> list[Page]:
    """Further encyclopedia pages for development only: DRCD articles that `build` does not sample, drawn
    with another seed. Never split: `build`'s test half stays the only held-out wiki set, and these pages
    are where a change that moves it is looked for."""
    path = root / "zh_tw" / "drcd_dev.jsonl"
    if not path.exists():
        return []
    used = {page.page_id for page in build(root)}
    articles = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rng = random.Random(FRESH_SEED)
    pages = []
    for art in articles:
        if f"wiki/{art['id']}" in used:
            continue
        page, gold = _page(rng, art, classes=rng.random() < 0.5)
        pages.append(Page(f"wiki-fresh/{art['id']}", page, gold, "dev"))
        if len(pages) == FRESH_PAGES:
            break
    return pages


if __name__ == "__main__":
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for p in build():
        stem = p.page_id.replace("/", "_")
        (out / f"{stem}.html").write_text(p.html, encoding="utf-8")
        (out / f"{stem}.txt").write_text(p.gold, encoding="utf-8")
