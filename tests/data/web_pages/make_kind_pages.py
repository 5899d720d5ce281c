"""Pages of kinds the other development sets lack, built around real public text.

Kinds (the furniture is this generator's own vocabulary; the text is public, see `make_pages.py`):
  notice     a government notice page: a site banner and menu, a field table (索引号, 发布机构, 发文字号,
             成文日期 ...), the notice itself (addressee, numbered sections, a table, an attachment list,
             contact, office and date: `make_clean_reports._report`), a share bar, 打印本页 / 关闭窗口,
             an "open on your phone" line and a footer of the site's sponsor, record numbers and links;
  forum      a thread: the board path, the first post (the gold) and replies under it, each with a floor
             number, a user name, a time stamp and 回复 / 引用 / 举报 links, a reply box, a pager;
  qa         a question page: the question and its details, then answers (the gold keeps question and
             answers), each with its user line, 赞同 counts and comment links; a sidebar of related
             questions;
  paged      one page of an article split over several: the page's paragraphs, a pager (上一页 1 2 3 下一页),
             a "read on one page" link;
  comments   a news article followed by a long comment section (tens of comments, whole sentences of
             opinion), with a comment box and a "load more" line;
  short      a short article (one to two paragraphs) inside heavy furniture: menus, two sidebars, related
             lists, a long footer;
  blog       a blog's front page listing its latest posts (titles, some asking a question; a stamped
             posted-by line above or below each; counts lines), the first post the gold;
  portal     a news article beside a rolling-news box of stamped headlines (the time on the headline's
             line or under it, on some a sentence of summary), before or after the article;
  diary      a personal blog's post written a clause a line, spaces and line breaks for punctuation (the
             layout of many Taiwanese and personal blogs), photos between lines on half, a box of the
             blog's other posts above or below it, tags, previous/next links, stamped comments;
  serial     a serial on a reading site: its index (a blurb over 30-400 linked chapters numbered in order,
             a box of the latest chapters, newest first) on even pages, one chapter beside a sidebar
             listing the chapters on odd pages.
Half the pages name their containers (nav, footer, reply...), half use opaque class names.

Gold: what a reader wants to keep: the notice with its field table (索引号 ... 发文字号: web_zh's annotator kept
such a table on a government page of its development half) and its attachment list, the first post of a
thread, the question with its answers, the page's
part of a paged article, the article without its comments, the diary post's lines, a serial's blurb
and chapter list on its index (WebMainBench's annotators kept a novel's chapter list as the page's
content) and the chapter's text on a chapter page. Titles and date lines
are left out, as in web_zh's gold.
Split: a page is in the frozen test half when the last byte of sha1("kind/<kind>/<n>") is odd, else dev.
Nothing is written into the repository: callers use `build()`; `python make_kind_pages.py OUT_DIR` writes
the pages and gold texts out for reading.
"""

from __future__ import annotations

import html
import importlib.util
import random
import re
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
EVAL = HERE.parents[3] / "shared" / "eval"
PER_KIND = 24
SEED = 20261201


def _load(name: str, path: Path) -> ModuleType:
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


P = _load("make_pages", HERE / "make_pages.py")
R = P.R
Page = P.Page
esc = html.escape

GOV_MENU = ("首页", "机构概况", "政务公开", "政策文件", "政策解读", "办事服务", "互动交流", "数据发布", "专题专栏")
FIELD_LABELS = ("索引号", "主题分类", "发布机构", "成文日期", "发文字号", "发布日期", "有效性")
BOARDS = ("灌水区", "生活杂谈", "技术交流", "旅游摄影", "房产家居", "育儿经验", "职场天地")
USERS = ("游客", "匿名用户", "楼主", "版主")


class Ctx:
    """Text sources and the page's random stream."""

    def __init__(self, rng: random.Random, sents: list[str], names: list[str], orgs: list[str]) -> None:
        self.rng, self.sents, self.names, self.orgs = rng, sents, names, orgs

    def sent(self) -> str:
        return R._full(self.rng.choice(self.sents))

    def clause(self, limit: int = 18) -> str:
        return R._clause(self.rng.choice(self.sents), limit)

    def para(self, lo: int = 1, hi: int = 4) -> str:
        return "".join(self.sent() for _ in range(self.rng.randint(lo, hi)))

    def headline(self) -> str:
        """A headline of a list: an opening clause, or the sentence's first words when the clause is too
        short to be a headline (they run 8 to 24 characters)."""
        sentence = self.rng.choice(self.sents)
        head = R._clause(sentence, 22)
        return head if len(head) >= 8 else sentence[:16]

    def name(self) -> str:
        return self.rng.choice(self.names) if self.names else "王明"

    def stamp(self) -> str:
        r = self.rng
        day = f"{r.randint(2008, 2024)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"
        return f"{day} {r.randint(0, 23):02d}:{r.randint(0, 59):02d}"

    def div(self, named: bool, kind: str, inner: str) -> str:
        cls = kind if named else f"c{sum(map(ord, kind)) % 89}"
        return f'<div class="{cls}">{inner}</div>'


def _links(items: list[str], one_line: bool) -> str:
    return P._links(items, one_line)


def _ps(lines: list[str]) -> str:
    return "".join(f"<p>{esc(x)}</p>" for x in lines)


def _wrap(c: Ctx, named: bool, title: str, site: str, parts: list[str], menu: list[str]) -> str:
    head = f"<p>{esc(site)}</p>" + c.div(named, "nav", _links(menu, c.rng.random() < 0.5))
    body = head + "".join(parts)
    return f"<html><head><title>{esc(title)}_{esc(site)}</title></head><body>{body}</body></html>"


def _footer(c: Ctx, named: bool, site: str) -> str:
    lines = [
        " | ".join(c.rng.sample(P.FOOTER_LINKS, 4)),
        f"主办单位：{site}  承办：{site}信息中心",
        f"网站标识码：{c.rng.randint(1000000000, 9999999999)}  "
        f"{c.rng.choice('京沪粤浙苏')}ICP备{c.rng.randint(10000000, 99999999)}号",
        f"{c.rng.choice('京沪粤浙苏')}公网安备 {c.rng.randint(10**13, 10**14 - 1)}号",
    ]
    return c.div(named, "footer", _ps(lines))


def notice(c: Ctx, named: bool, k: int) -> tuple[str, str]:
    """A government notice page; the gold is the notice without its title."""
    office = c.rng.choice(c.orgs) if c.orgs else "市人民政府办公室"
    text = R._report(f"notice-{k}", c.rng.sample(c.sents, 14), c.names, c.orgs, False)
    lines = [x for x in text.splitlines() if x.strip()]
    title, body = lines[0], lines[1:]
    year = c.rng.randint(2010, 2024)
    values = (
        f"{c.rng.randint(10**8, 10**9)}/{year}-{c.rng.randint(10000, 99999)}",
        c.rng.choice(("综合政务", "城乡建设", "教育", "卫生", "财政")),
        office,
        f"{year}年{c.rng.randint(1, 12)}月{c.rng.randint(1, 28)}日",
        f"{office[:2]}发〔{year}〕{c.rng.randint(1, 60)}号",
        f"{year}-{c.rng.randint(1, 12):02d}-{c.rng.randint(1, 28):02d}",
        "有效",
    )
    if c.rng.random() < 0.5:  # one cell a line, as table markup renders
        table = "<table>" + "".join(
            f"<tr><td>{a}：</td><td>{esc(b)}</td></tr>" for a, b in zip(FIELD_LABELS, values, strict=True)
        )
        table += f"<tr><td>标题：</td><td>{esc(title)}</td></tr></table>"
    else:
        table = _ps([f"{a}：{b}" for a, b in zip(FIELD_LABELS, values, strict=True)])
    site = (office[:4] if c.rng.random() < 0.5 else c.clause(4)) + "人民政府门户网站"
    crumb = "<p>当前位置：<a href='/'>首页</a> &gt; <a href='/g'>政务公开</a> &gt; <a href='/z'>政策文件</a></p>"
    article = [f"<h1>{esc(title)}</h1>", _ps(body)]
    attach = [
        f"<li><a href='/f{i}.doc'>{esc(c.clause(12))}.{c.rng.choice(('doc', 'pdf', 'xls'))}</a></li>" for i in range(2)
    ]
    fields = [f"{a}：{b}" for a, b in zip(FIELD_LABELS, values, strict=True)]
    gold = fields + ([f"标题：{title}"] if table.startswith("<table>") else []) + list(body)
    if c.rng.random() < 0.5:
        names = [x.split(">", 1)[1].split("<", 1)[0] for x in attach]
        article.append("<p>附件下载：</p><ul>" + "".join(attach) + "</ul>")
        gold += ["附件下载："] + [html.unescape(n) for n in names]
    tools = c.rng.choice(
        (
            ["【打印本页】 【关闭窗口】"],
            ["分享到：", "打印本页", "关闭窗口"],
            ["【字体：大 中 小】", "【打印】 【关闭】"],
        )
    )
    tail = [c.div(named, "share", _ps(tools)), "<p>扫一扫在手机打开当前页</p>"]
    if c.rng.random() < 0.5:
        tail.append(c.div(named, "related", "<h3>相关文件</h3>" + _links([c.clause(20) for _ in range(4)], False)))
    parts = [
        crumb,
        c.div(named, "info", table),
        c.div(named, "content", "".join(article)),
        *tail,
        _footer(c, named, site),
    ]
    return _wrap(c, named, title, site, parts, list(GOV_MENU)), "\n".join(gold)


def forum(c: Ctx, named: bool, k: int) -> tuple[str, str]:
    """A forum thread: the first post is the gold, the replies are furniture of the thread."""
    board = c.rng.choice(BOARDS)
    site = c.clause(3) + c.rng.choice(("论坛", "社区", "家园"))
    title = c.clause(22)
    first = [c.para(1, 3) for _ in range(c.rng.randint(1, 4))]
    author = c.name()
    head = [
        f"<p><a href='/'>{esc(site)}</a> » <a href='/b'>{board}</a> » {esc(title)}</p>",
        f"<p>查看: {c.rng.randint(100, 9999)} | 回复: {c.rng.randint(3, 80)}</p>",
        f"<h1>{esc(title)}</h1>",
    ]
    post = (
        f"<p>{esc(author)}</p><p>发表于 {c.stamp()}</p><p>只看该作者</p>"
        + c.div(named, "postbody", _ps(first))
        + "<p><a href='#'>回复</a> <a href='#'>引用</a> <a href='#'>举报</a></p>"
    )
    replies = []
    for floor in range(2, c.rng.randint(4, 14)):
        who = c.name() if c.rng.random() < 0.7 else c.rng.choice(USERS)
        said = c.sent() if c.rng.random() < 0.6 else c.clause(10)
        replies.append(
            c.div(
                named,
                "reply",
                f"<p>{esc(who)}</p><p>{floor}楼 发表于 {c.stamp()}</p><p>{esc(said)}</p>"
                "<p><a href='#'>回复</a> <a href='#'>引用</a> <a href='#'>举报</a></p>",
            )
        )
    pager = "<p><a href='/1'>1</a> <a href='/2'>2</a> <a href='/3'>3</a> <a href='/n'>下一页</a> 返回列表</p>"
    box = "<p>您需要登录后才可以回帖 登录 | 注册</p><p>发表回复</p>"
    parts = [*head, c.div(named, "post", post), *replies, pager, box, _footer(c, named, site)]
    menu = ["首页", "论坛", "群组", "排行榜", "搜索", "帮助"]
    return _wrap(c, named, title, site, parts, menu), "\n".join(first)


def qa(c: Ctx, named: bool, k: int) -> tuple[str, str]:
    """A question page: the question's details and the answers are the gold."""
    site = c.clause(2) + c.rng.choice(("问答", "知道", "问吧"))
    title = c.clause(20) + "？"
    detail = [c.para(1, 2)] if c.rng.random() < 0.7 else []
    parts = [f"<h1>{esc(title)}</h1>", c.div(named, "question", _ps(detail))]
    parts.append(f"<p>关注问题 写回答 邀请回答 {c.rng.randint(2, 300)}人关注 被浏览{c.rng.randint(100, 99999)}次</p>")
    parts.append(f"<p>{c.rng.randint(2, 9)}个回答</p>")
    gold = list(detail)
    for _ in range(c.rng.randint(2, 6)):
        answer = [c.para(1, 3) for _ in range(c.rng.randint(1, 3))]
        gold += answer
        user = f"<p>{esc(c.name())}</p><p>{esc(c.clause(8))}</p>" if c.rng.random() < 0.6 else f"<p>{esc(c.name())}</p>"
        foot = f"<p>发布于 {c.stamp()}</p><p>赞同 {c.rng.randint(0, 999)} 添加评论 分享 收藏 喜欢</p>"
        parts.append(c.div(named, "answer", user + _ps(answer) + foot))
    side = "<h3>相关问题</h3>" + _links([c.clause(18) + "？" for _ in range(6)], False)
    parts.append(c.div(named, "sidebar", side))
    parts.append(_footer(c, named, site))
    menu = ["首页", "发现", "等你来答", "提问", "消息", "私信"]
    return _wrap(c, named, title, site, parts, menu), "\n".join(gold)


def paged(c: Ctx, named: bool, k: int) -> tuple[str, str]:
    """One page of an article split over several pages."""
    site = c.clause(3) + c.rng.choice(P.SITE_TAILS)
    title = c.clause(22)
    total = c.rng.randint(2, 6)
    at = c.rng.randint(1, total)
    body = [c.para(1, 3) for _ in range(c.rng.randint(2, 6))]
    nums = " ".join(f"<a href='/p{i}'>{i}</a>" if i != at else str(i) for i in range(1, total + 1))
    pager = f"<p><a href='/prev'>上一页</a> {nums} <a href='/next'>下一页</a></p>"
    if c.rng.random() < 0.5:
        pager += f"<p>共{total}页 <a href='/all'>阅读全文</a></p>"
    meta = f"<p>{c.stamp()} 来源：{esc(site)}</p>"
    article = c.div(named, "article", f"<h1>{esc(title)}</h1>{meta}{_ps(body)}{pager}")
    related = c.div(named, "related", "<h3>相关阅读</h3>" + _links([c.clause(20) for _ in range(5)], False))
    parts = [article, related, _footer(c, named, site)]
    return _wrap(c, named, title, site, parts, list(P.SECTIONS[:9])), "\n".join(body)


def comments(c: Ctx, named: bool, k: int) -> tuple[str, str]:
    """A news article followed by a comment section: long or short, with or without a heading over it,
    under a headline that on half the pages asks a question (as news headlines do)."""
    site = c.clause(3) + c.rng.choice(P.SITE_TAILS)
    title = c.clause(22) + ("？" if c.rng.random() < 0.5 else "")
    body = [c.para(1, 3) for _ in range(c.rng.randint(2, 5))]
    meta = f"<p>{c.stamp()} 来源：{esc(site)} 编辑：{esc(c.name())}</p>"
    article = c.div(named, "article", f"<h1>{esc(title)}</h1>{meta}{_ps(body)}")
    n = c.rng.randint(2, 40)
    head = (
        f"<p>网友评论</p><p>已有{n}条评论 {c.rng.randint(n, 999)}人参与</p><p>发表评论</p><p>登录 | 注册 匿名发表</p>"
    )
    if c.rng.random() < 0.5:
        head = ""  # the section is only its stamped comments
    items = []
    for _ in range(n):
        who = f"{c.name()}" if c.rng.random() < 0.5 else f"{c.clause(2)}网友"
        said = c.para(1, 2) if c.rng.random() < 0.6 else c.clause(12)
        items.append(f"<p>{esc(who)} {c.stamp()}</p><p>{esc(said)}</p><p>回复 赞({c.rng.randint(0, 99)})</p>")
    more = "<p>查看更多评论</p>"
    parts = [article, c.div(named, "comment", head + "".join(items) + more), _footer(c, named, site)]
    return _wrap(c, named, title, site, parts, list(P.SECTIONS[:10])), "\n".join(body)


def short(c: Ctx, named: bool, k: int) -> tuple[str, str]:
    """A one- or two-paragraph article inside heavy furniture."""
    site = c.clause(3) + c.rng.choice(P.SITE_TAILS)
    title = c.clause(22)
    body = [c.para(1, 3) for _ in range(c.rng.randint(1, 2))]
    meta = f"<p>{c.stamp()} 来源：{esc(site)}</p>"
    side1 = c.div(named, "sidebar", "<h3>热点新闻</h3>" + _links([f"{i + 1} {c.clause(18)}" for i in range(8)], False))
    side2 = c.div(named, "sidebar", "<h3>图片新闻</h3>" + _links([c.clause(12) for _ in range(6)], False))
    rel = c.div(named, "related", "<h3>相关新闻</h3>" + _links([c.clause(22) for _ in range(8)], False))
    article = c.div(named, "article", f"<h1>{esc(title)}</h1>{meta}{_ps(body)}<p>{esc(c.rng.choice(P.SHARES))}</p>")
    parts = (
        [side1, article, rel, side2, _footer(c, named, site)]
        if c.rng.random() < 0.5
        else [article, side1, rel, side2, _footer(c, named, site)]
    )
    return _wrap(c, named, title, site, parts, list(P.SECTIONS)), "\n".join(body)


def blog(c: Ctx, named: bool, k: int) -> tuple[str, str]:
    """A blog's front page listing its latest posts, each with its title (a question on some), a posted-by
    line with a time stamp, long paragraphs and a counts line; the gold is the first post, as web_zh's
    annotator kept on such a page."""
    owner = c.name()
    site = f"{owner}的博客"
    posts, gold = [], []
    above = c.rng.random() < 0.5  # where the blog's template puts the posted-by line
    for n in range(c.rng.randint(3, 5)):
        title = c.clause(20) + ("？" if c.rng.random() < 0.4 else "")
        body = [c.para(2, 4) for _ in range(c.rng.randint(2, 5))]
        if n == 0:
            gold = body
        stamp = f"<p>{esc(owner)} 发表于 {c.stamp()}</p>" if above else ""
        foot = f"<p>阅读({c.rng.randint(0, 999)}) 评论({c.rng.randint(0, 30)}) 分类：{esc(c.clause(4))}</p>"
        after = "" if stamp else f"<p>posted @ {c.stamp()} {esc(owner)}</p>"
        posts.append(c.div(named, "post", f"<h2>{esc(title)}</h2>{stamp}{_ps(body)}{after}{foot}"))
    side = "<h3>文章分类</h3>" + _links([c.clause(4) for _ in range(5)], False)
    side += "<h3>存档</h3>" + _links([f"{2010 + i}年{1 + i}月" for i in range(6)], False)
    parts = [f"<p>{esc(c.clause(16))}</p>", *posts, c.div(named, "sidebar", side), _footer(c, named, site)]
    menu = ["首页", "博文目录", "图片", "关于我"]
    return _wrap(c, named, site, site, parts, menu), "\n".join(gold)


def portal(c: Ctx, named: bool, k: int) -> tuple[str, str]:
    """A news article on a portal whose rolling-news box lists stamped headlines (a time on each, on the
    headline's line or under it, on some a sentence of summary) before or after the article."""
    site = c.clause(3) + c.rng.choice(P.SITE_TAILS)
    title = c.clause(22)
    body = [c.para(1, 3) for _ in range(c.rng.randint(2, 6))]
    meta = f"<p>{c.stamp()} 来源：{esc(site)}</p>"
    article = c.div(named, "article", f"<h1>{esc(title)}</h1>{meta}{_ps(body)}<p>{esc(c.rng.choice(P.SHARES))}</p>")
    same_line, summary = c.rng.random() < 0.5, c.rng.random() < 0.4
    items = []
    for _ in range(c.rng.randint(4, 10)):
        head = f"<a href='/n'>{esc(c.headline())}</a>"
        stamp = c.stamp()[5:] if c.rng.random() < 0.5 else c.stamp()
        items.append(f"<p>{head} {stamp}</p>" if same_line else f"<p>{head}</p><p>{stamp}</p>")
        if summary:
            items.append(f"<p>{esc(c.sent())}</p>")
    box = c.div(named, "sidebar", "<h3>滚动新闻</h3>" + "".join(items))
    parts = [box, article] if c.rng.random() < 0.5 else [article, box]
    parts.append(_footer(c, named, site))
    return _wrap(c, named, title, site, parts, list(P.SECTIONS[:12])), "\n".join(body)


_CLAUSE_MARK = re.compile(r"[，。；！？、,;!?：:“”「」（）()]")
TAGS_HEAD = ("标签：", "Tags:", "关键词：")


def _clause_lines(c: Ctx, n: int) -> list[str]:
    """Sentences set a clause a line without marks: their clauses (4+ characters), one or two to a line
    with a space between, the end of some lines closed by `!` or `~`, as personal blogs write."""
    lines: list[str] = []
    while len(lines) < n:
        clauses = [x.strip() for x in _CLAUSE_MARK.split(c.rng.choice(c.sents)) if len(x.strip()) >= 4]
        while clauses and len(lines) < n:
            take = 2 if len(clauses) > 1 and c.rng.random() < 0.6 else 1
            line = " ".join(clauses[:take])[:44]
            clauses = clauses[take:]
            if c.rng.random() < 0.1:
                line += c.rng.choice("!~")
            lines.append(line)
    return lines


def diary(c: Ctx, named: bool, k: int) -> tuple[str, str]:
    """A personal blog's post written a clause a line (spaces and line breaks for punctuation), with
    photos between some lines, a blog banner and tagline, a menu, a box of the blog's other posts
    (linked, above or below the post), tags, previous/next links and stamped comments. The gold is the
    post's lines."""
    owner = c.name()
    site = f"{owner}的部落格"
    title = c.clause(20)
    body = _clause_lines(c, c.rng.randint(12, 40))
    photos = c.rng.random() < 0.5
    shown = "".join(
        f"<p>{esc(line)}</p>" + (f'<p><img src="/p/{i}.jpg" alt=""></p>' if photos and i % 4 == 3 else "")
        for i, line in enumerate(body)
    )
    meta = f"<p>{c.stamp()}</p>" if c.rng.random() < 0.5 else f"<p>{esc(owner)} 发表于 {c.stamp()}</p>"
    tags = f"<p>{c.rng.choice(TAGS_HEAD)}{', '.join(c.clause(4) for _ in range(4))}</p>"
    prev_next = _links([f"上一篇：{c.clause(14)}", f"下一篇：{c.clause(14)}"], False)
    post = c.div(named, "article", f"<h2>{esc(title)}</h2>{meta}{shown}{tags}{prev_next}")
    others = c.div(named, "sidebar", "<h3>最新文章</h3>" + _links([c.headline() for _ in range(8)], False))
    replies = []
    for _ in range(c.rng.randint(0, 6)):
        said = _ps(_clause_lines(c, c.rng.randint(1, 3)))
        replies.append(f"<p>{esc(c.name())} 于 {c.stamp()} 留言</p>{said}")
    box = c.div(named, "comment", f"<h3>留言列表 ({len(replies)})</h3>{''.join(replies)}<p>发表留言</p>")
    banner = f"<p>{esc(c.clause(16))}</p>"
    parts = [banner, others, post, box] if c.rng.random() < 0.5 else [banner, post, box, others]
    parts.append(_footer(c, named, site))
    menu = ["首页", "文章", "相簿", "留言板", "关于我"]
    return _wrap(c, named, title, site, parts, menu), "\n".join(body)


CHAPTER_FORMS = ("{n}.第{n}章 {t}", "第{n}章 {t}", "第{n}回 {t}", "{n}、{t}")


def _chapters(c: Ctx, count: int) -> list[str]:
    """Chapter titles numbered in order, as a serial's index prints them: now and then a number skipped
    (a chapter withdrawn) or a misprinted one (弟 for 第), as hand-kept indexes have."""
    form = c.rng.choice(CHAPTER_FORMS)
    out, n = [], 1
    for _ in range(count):
        line = form.format(n=n, t=c.clause(12))
        if c.rng.random() < 0.02 and "第" in line:
            line = line.replace("第", "弟", 1)
        out.append(line)
        n += 2 if c.rng.random() < 0.03 else 1
    return out


def serial(c: Ctx, named: bool, k: int) -> tuple[str, str]:
    """A serial (a novel, a course) on a reading site. Even pages: its index, a blurb over the list of
    chapters (30 to 400, linked, numbered in order), a box of the latest chapters above it (newest
    first); the gold is the blurb and the list, the page's content. Odd pages: one chapter, its text
    between previous/next links, a sidebar listing the serial's chapters (30 to 80, linked); the gold
    is the chapter's text, the list is furniture there."""
    site = c.clause(3) + c.rng.choice(("小说网", "书屋", "文学网", "书库"))
    book = c.clause(8)
    menu = ["首页", "玄幻", "武侠", "都市", "历史", "排行榜", "书架"]
    if k % 2 == 0:
        blurb = c.para(1, 2)
        chapters = _chapters(c, c.rng.randint(30, 400))
        latest = list(reversed(chapters[-c.rng.randint(6, 12) :]))
        info = f"<p>作者：{esc(c.name())} 状态：连载中 更新时间：{c.stamp()}</p>"
        head = c.div(named, "info", f"<h1>{esc(book)}</h1>{info}<p>{esc(blurb)}</p>")
        box = c.div(named, "latest", "<h3>最新章节</h3>" + _links(latest, False))
        items = "".join(f"<li><a href='/c/{i}'>{esc(t)}</a></li>" for i, t in enumerate(chapters))
        listing = c.div(named, "list", f"<h3>{esc(book)}章节目录</h3><ul>{items}</ul>")
        parts = [head, box, listing, _footer(c, named, site)]
        return _wrap(c, named, book, site, parts, menu), "\n".join([blurb, *chapters])
    chapters = _chapters(c, c.rng.randint(30, 80))
    body = [c.para(2, 4) for _ in range(c.rng.randint(6, 15))]
    title = c.rng.choice(chapters)
    nav = _links(["上一章", "目录", "下一章"], True)
    text = c.div(named, "content", f"<h1>{esc(title)}</h1>{nav}{_ps(body)}{nav}")
    side = c.div(named, "sidebar", f"<h3>{esc(book)}</h3>" + _links(chapters, False))
    parts = [text, side] if c.rng.random() < 0.5 else [side, text]
    parts.append(_footer(c, named, site))
    return _wrap(c, named, title, site, parts, menu), "\n".join(body)


KINDS: dict[str, Callable[[Ctx, bool, int], tuple[str, str]]] = {
    "notice": notice,
    "forum": forum,
    "qa": qa,
    "paged": paged,
    "comments": comments,
    "short": short,
    "blog": blog,
    "portal": portal,
    "diary": diary,
    "serial": serial,  # last: the kinds before it draw the same pages from the shared stream as before
}


def build(root: Path = EVAL) -> list[Page]:
    """Every page of every kind, the same on every run; empty when the public text is absent."""
    msra = R._msra_sentences(root)
    cluener, names, orgs = R._cluener(root)
    if not msra:
        return []
    rng = random.Random(SEED)
    ctx = Ctx(rng, msra + cluener, names, orgs)
    pages = []
    for kind, make in KINDS.items():
        for k in range(PER_KIND):
            page_id = f"kind/{kind}/{k}"
            doc, gold = make(ctx, rng.random() < 0.5, k)
            pages.append(Page(page_id, kind, doc, gold, R.half_of(page_id)))
    return pages


if __name__ == "__main__":
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for page in build():
        stem = page.page_id.replace("/", "_")
        (out / f"{stem}.html").write_text(page.html, encoding="utf-8")
        (out / f"{stem}.txt").write_text(page.gold, encoding="utf-8")
