"""Pages saved from one site into one folder: each page's own paragraphs among lines every page repeats
(a slogan, a banner, a footer) written as plain paragraphs, so only their repetition says they are chrome."""

from __future__ import annotations

from pathlib import Path

SLOGAN = "读好书 交好友 共成长"
BANNER = "会员专区 入会须知 活动报名"
FOOTER = "晨光读书会 2008-2024 保留所有权利"
SHARED = (SLOGAN, BANNER, FOOTER)
SENTENCES = [
    "春天的第一场读书会在城南图书馆举行，二十多位会员分享了各自近期读过的好书。",
    "会员们围绕书中人物的命运展开讨论，气氛热烈，不少人表示收获很大。",
    "下一次活动将走进郊外的茶园，边品茶边聊散文，欢迎新朋友报名参加。",
    "本次活动还邀请了一位青年作家，讲述她从读者成为写作者的经历和体会。",
    "活动结束后，大家在图书馆门前合影留念，并约定每月举办一次主题读书会。",
]


def body(k: int) -> list[str]:
    return [f"第{k}期活动中，{SENTENCES[(k + j) % len(SENTENCES)]}" for j in range(3)]


def page(k: int) -> str:
    """A page with no markup that says what is furniture: the shared lines are plain paragraphs."""
    paragraphs = [f"<p>{line}</p>" for line in body(k)]
    paragraphs.insert(2, f"<p>{BANNER}</p>")
    return (
        f"<html><head><title>第{k}次读书会纪要 | 晨光读书会</title></head><body><h1>第{k}次读书会纪要</h1>"
        f"<p>{SLOGAN}</p>{''.join(paragraphs)}<p>{FOOTER}</p></body></html>"
    )


def write_site(folder: Path, pages: range) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in pages:
        path = folder / f"page{k}.html"
        path.write_text(page(k), encoding="utf-8")
        paths.append(path)
    return paths
