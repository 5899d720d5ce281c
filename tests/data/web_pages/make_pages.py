"""Web pages built around real text: development data for the cleaner that is not the web_zh set.

The article of every page is public clean text from the evaluation data beside the project (`../shared/eval`,
see its README for sources and licences): paragraphs of Traditional-Chinese Wikipedia articles
(`zh_tw/drcd_dev.jsonl`, DRCD dev, CC BY-SA 3.0) and news sentences of the NER sets (`ner/msra_val_sentences.txt`,
`ner/cluener_dev.json`) grouped into paragraphs. Around it a seeded generator puts the furniture of news and
portal sites: a masthead, menus (one row or one item a line), breadcrumbs, a date/source/author line, share
and print bars, tag rows, previous/next links, related-headline and ranking lists, advertisement labels,
comment forms and comments, copyright footers. Inside the article it puts what real articles carry and a
cleaner tends to eat: sub-headings, interview questions after a speaker label, photo captions, numbered
items, one-sentence paragraphs.

Each fake site keeps one template (its menu, footer, sidebar, class names or none, where the sidebar
stands), so the pages of a site share their furniture as the pages of a real site do: that is what
`SourceHints` is measured on. Headlines in lists are opening clauses of other articles' sentences.

The gold of a page is its article text (title, date line and furniture left out), as in web_zh's gold.
Split: a page is in the frozen test half when the last byte of sha1("gen/<site>") is odd (whole sites go to
one half, so the test half has templates the rules were never tuned on), else dev.
Nothing is written into the repository: callers use `build()`; `python make_pages.py OUT_DIR` writes the
pages and gold texts out for reading.
"""

from __future__ import annotations

import html
import importlib.util
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
EVAL = HERE.parents[3] / "shared" / "eval"
SITES = 40
PAGES_PER_SITE = 5
SEED = 20261129


def _reports() -> ModuleType:
    name = "make_clean_reports"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, HERE.parent / "clean_reports" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


R = _reports()


@dataclass(frozen=True)
class Page:
    """One generated page: its HTML, its gold article text, the site it belongs to and its half."""

    page_id: str
    site: str
    html: str
    gold: str
    half: str


@dataclass(frozen=True)
class Template:
    """What every page of one site shares."""

    name: str
    menu: list[str]
    menu_one_line: bool
    classes: bool  # whether containers carry meaningful class names (nav, footer, content...)
    sidebar_first: bool  # the sidebar comes before the article in the markup
    footer: list[str]
    sidebar_title: str
    share: str
    ad: str
    comments: bool


# Furniture vocabulary of Chinese news and portal pages, by kind (the generator's own words).
SECTIONS = (
    "首页",
    "新闻",
    "国内",
    "国际",
    "财经",
    "科技",
    "体育",
    "娱乐",
    "汽车",
    "房产",
    "教育",
    "健康",
    "旅游",
    "文化",
    "军事",
    "社会",
    "评论",
    "图片",
    "视频",
    "专题",
)
SITE_TAILS = ("网", "在线", "新闻网", "日报", "资讯网", "门户")
SHARES = ("分享到：微信 微博 QQ空间", "分享 收藏 打印 关闭", "【字号 大 中 小】【打印】【关闭窗口】", "转发 评论 点赞")
SIDEBARS = ("热门排行", "24小时热点", "编辑推荐", "点击排行", "猜你喜欢")
ADS = ("广告", "【推广】", "扫码关注我们，获取更多资讯", "下载客户端 看更多新闻")
FOOTER_LINKS = ("关于我们", "联系我们", "网站地图", "广告服务", "招聘信息", "版权声明", "意见反馈")
HEADINGS_S = ("背景", "现状", "原因分析", "各方反应", "下一步打算", "专家观点")


def _site(rng: random.Random, k: int, words: list[str]) -> Template:
    name = rng.choice(words)[:3] + rng.choice(SITE_TAILS)
    year = rng.randint(2003, 2015)
    footer = [
        " | ".join(rng.sample(FOOTER_LINKS, rng.randint(3, 6))),
        f"版权所有 © {year}-2024 {name} All Rights Reserved",
        f"{rng.choice('京沪粤浙苏鲁川')}ICP备{rng.randint(10000000, 99999999)}号",
    ]
    if rng.random() < 0.5:
        footer.append(f"未经{name}书面授权，不得转载或镜像本站内容。")
    return Template(
        name=name,
        menu=rng.sample(SECTIONS, rng.randint(6, 12)),
        menu_one_line=rng.random() < 0.5,
        classes=rng.random() < 0.5,
        sidebar_first=rng.random() < 0.35,
        footer=footer,
        sidebar_title=rng.choice(SIDEBARS),
        share=rng.choice(SHARES),
        ad=rng.choice(ADS),
        comments=rng.random() < 0.5,
    )


def _paragraphs_news(rng: random.Random, sents: list[str]) -> list[str]:
    out = []
    for _ in range(rng.randint(3, 8)):
        out.append("".join(R._full(rng.choice(sents)) for _ in range(rng.randint(1, 4))))
    return out


def _paragraphs_wiki(rng: random.Random, articles: list[dict[str, str]]) -> tuple[str, list[str]]:
    art = rng.choice(articles)
    paras = [p.strip() for p in art["text"].split("\n") if p.strip()]
    start = rng.randrange(max(1, len(paras) - 3))
    return art["title"], paras[start : start + rng.randint(2, 6)]


def _inserts(rng: random.Random, body: list[str], sents: list[str], names: list[str]) -> list[str]:
    """Article parts a cleaner tends to eat, at random places: sub-headings, an interview question,
    a caption, numbered items, a one-sentence paragraph."""
    out = list(body)
    if rng.random() < 0.4:
        out.insert(
            rng.randint(1, len(out)), rng.choice(HEADINGS_S) if rng.random() < 0.5 else R._clause(rng.choice(sents), 12)
        )
    if rng.random() < 0.3:
        question = "记者：" + R._clause(rng.choice(sents), 20) + "？"
        out.insert(rng.randint(0, len(out)), question)
        out.insert(out.index(question) + 1, R._full(rng.choice(sents)))
    if rng.random() < 0.3:
        caption = ("图为" if rng.random() < 0.5 else "") + R._clause(rng.choice(sents), 20)
        out.insert(rng.randint(0, len(out)), caption)
    if rng.random() < 0.25:
        at = rng.randint(1, len(out))
        for n in range(3, 0, -1):
            out.insert(at, f"{n}. {R._clause(rng.choice(sents), 16)}")
    if rng.random() < 0.3:
        out.insert(rng.randint(1, len(out)), R._full(R._clause(rng.choice(sents), 14)))
    if rng.random() < 0.3 and names:
        out.append(f"（记者 {rng.choice(names)}）")
    return out


def _headlines(rng: random.Random, sents: list[str], n: int) -> list[str]:
    return [R._clause(rng.choice(sents), rng.randint(10, 24)) for _ in range(n)]


def _related(rng: random.Random, sents: list[str]) -> str:
    """A list of related headlines, on some sites each with a summary sentence under it (prose that is
    not the article's)."""
    heads = _headlines(rng, sents, rng.randint(3, 8))
    if rng.random() < 0.5:
        return _links(heads, False)
    return "".join(
        f"<p><a href='/r{i}'>{html.escape(h)}</a></p><p>{html.escape(R._full(rng.choice(sents)))}</p>"
        for i, h in enumerate(heads)
    )


def _comment(rng: random.Random, sents: list[str]) -> str:
    """A reader's comment: a short remark or a whole sentence of opinion."""
    return R._clause(rng.choice(sents), 12) if rng.random() < 0.5 else R._full(rng.choice(sents))


def _div(t: Template, kind: str, inner: str) -> str:
    """A container, with a class naming its role on sites that name them, an opaque one elsewhere."""
    names = {"nav": "nav", "side": "sidebar", "main": "article-content", "foot": "footer", "rel": "related"}
    cls = names.get(kind, kind) if t.classes else f"c{sum(map(ord, t.name + kind)) % 97}"
    return f'<div class="{cls}">{inner}</div>'


def _links(items: list[str], one_line: bool) -> str:
    anchors = [f'<a href="/{i}.html">{html.escape(x)}</a>' for i, x in enumerate(items)]
    if one_line:
        return "<p>" + " ".join(anchors) + "</p>"
    return "<ul>" + "".join(f"<li>{a}</li>" for a in anchors) + "</ul>"


def _page(rng: random.Random, t: Template, title: str, body: list[str], sents: list[str]) -> str:
    esc = html.escape
    day = f"{rng.randint(2005, 2023)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    date = f"{day} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
    head = [f"<p>{esc(t.name)}</p>", _div(t, "nav", _links(t.menu, t.menu_one_line))]
    crumb = f"<p>当前位置：<a href='/'>首页</a> &gt; <a href='/s'>{esc(rng.choice(t.menu))}</a> &gt; 正文</p>"
    meta = f"<p>{date} 来源：{esc(t.name)} 作者：{esc(rng.choice(sents)[:3])}</p>"
    article = [f"<h1>{esc(title)}</h1>", meta] + [f"<p>{esc(p)}</p>" for p in body]
    after = [f"<p>{esc(t.share)}</p>"]
    if rng.random() < 0.5:
        after.append("<p>标签：" + " ".join(f"<a href='/t'>{esc(w)}</a>" for w in _headlines(rng, sents, 3)) + "</p>")
    if rng.random() < 0.6:
        prev, nxt = _headlines(rng, sents, 2)
        after.append(f"<p>上一篇：<a href='/p'>{esc(prev)}</a></p><p>下一篇：<a href='/n'>{esc(nxt)}</a></p>")
    if rng.random() < 0.3:
        after.append(f"<p>（责任编辑：{esc(rng.choice(sents)[:3])}）</p>")
    if rng.random() < 0.3:
        after.append(
            f"<p>免责声明：本文仅代表作者本人观点，与{esc(t.name)}无关，{esc(t.name)}对文中陈述、观点判断保持中立。</p>"
        )
    related = _div(t, "rel", "<h3>相关新闻</h3>" + _related(rng, sents))
    side_items = [f"{i + 1} {h}" for i, h in enumerate(_headlines(rng, sents, rng.randint(5, 10)))]
    side = _div(t, "side", f"<h3>{esc(t.sidebar_title)}</h3>" + _links(side_items, False) + f"<p>{esc(t.ad)}</p>")
    comments = ""
    if t.comments:
        comments = f"<p>网友评论（已有{rng.randint(0, 99)}条评论）</p><p>用户名： 密码： 匿名发表</p>" + "".join(
            f"<p>网友{rng.randint(100, 999)} {date}</p><p>{esc(_comment(rng, sents))}</p>" for _ in range(3)
        )
    main = _div(t, "main", "".join(article + after))
    parts = [*head, crumb, side, main] if t.sidebar_first else [*head, crumb, main, side]
    parts += [related, comments, _div(t, "foot", "".join(f"<p>{esc(x)}</p>" for x in t.footer))]
    return f"<html><head><title>{esc(title)}_{esc(t.name)}</title></head><body>{''.join(parts)}</body></html>"


def _drcd(root: Path) -> list[dict[str, str]]:
    path = root / "zh_tw" / "drcd_dev.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def build(root: Path = EVAL) -> list[Page]:
    """Every generated page, the same on every run (a fixed seed, sorted inputs)."""
    msra = R._msra_sentences(root)
    cluener, names, _ = R._cluener(root)
    wiki = _drcd(root)
    if not msra or not wiki:
        return []
    sents = msra + cluener
    rng = random.Random(SEED)
    pages: list[Page] = []
    for s in range(SITES):
        t = _site(rng, s, [R._clause(x, 6) for x in rng.sample(sents, 8)])
        half = R.half_of(f"gen/site{s:02d}")
        for k in range(PAGES_PER_SITE):
            if rng.random() < 0.5:
                title, body = _paragraphs_wiki(rng, wiki)
            else:
                title, body = R._clause(rng.choice(sents), 24), _paragraphs_news(rng, sents)
            body = _inserts(rng, body, sents, names)
            doc = _page(rng, t, title, body, sents)
            pages.append(Page(f"gen/site{s:02d}/{k}", f"site{s:02d}", doc, "\n".join(body), half))
    return pages


REAL_SEED = 20261130
REAL_PAGES_PER_SITE = 5


def build_real(root: Path = EVAL, half: str = "dev") -> list[Page]:
    """Real content areas in generated furniture: the web_zh gold texts of one half (the whole content
    area of a 2004-2022 page as its annotator copied it: short lines, tables one cell a line, lists,
    signatures, editor lines), each as the article of a page of a fake site, five pages a site, with
    the same furniture as `build`. Only the development half is used to tune rules; the pages are
    scored against the gold text itself. The gold keeps what the annotator kept, so a rule that wins
    here keeps a real content area whole inside furniture it can see."""
    cleaned = root / "web_zh" / "cleaned"
    msra = R._msra_sentences(root)
    if not cleaned.exists() or not msra:
        return []
    golds = []
    for path in sorted(cleaned.glob("*.txt")):
        if R.half_of(f"web_zh/{path.stem}") != half:
            continue
        text = path.read_bytes().decode("utf-8", "replace")
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        if lines:
            golds.append((path.stem, lines))
    rng = random.Random(REAL_SEED)
    pages: list[Page] = []
    for start in range(0, len(golds), REAL_PAGES_PER_SITE):
        site = f"real-{half}{start // REAL_PAGES_PER_SITE:02d}"
        t = _site(rng, start, [R._clause(x, 6) for x in rng.sample(msra, 8)])
        for stem, lines in golds[start : start + REAL_PAGES_PER_SITE]:
            title = R._clause(rng.choice(msra), 24)
            doc = _page(rng, t, title, lines, msra)
            pages.append(Page(f"gen/{site}/{stem[:8]}", site, doc, "\n".join(lines), half))
    return pages


if __name__ == "__main__":
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for page in build():
        stem = page.page_id.replace("/", "_")
        (out / f"{stem}.html").write_text(page.html, encoding="utf-8")
        (out / f"{stem}.txt").write_text(page.gold, encoding="utf-8")
