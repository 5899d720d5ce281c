"""Prose the cleaner must keep on pages that do carry furniture: a footer word used inside a sentence, a
paragraph standing between two bodies of an article, text drawn without letters, and a paragraph hard-wrapped
between two ideographs."""

from __future__ import annotations

from reader.core.cleaning import clean_text

MENU = "首页 新闻 财经 体育 娱乐 科技"
LONG = (
    "近日，市人民医院召开年度工作会议，总结过去一年的工作成绩，部署下一阶段的重点任务，"
    "会议强调要坚持以人民健康为中心，持续提升医疗服务质量，让群众看病更加方便。"
)


def _removed(raw: str) -> dict[str, str]:
    return {r.text.strip(): r.reason for r in clean_text(raw).removed}


def test_a_footer_word_inside_a_clause_is_part_of_the_sentence() -> None:
    sentence = "事过境迁，作为该派中一员，他就能分享到一份胜利者的光荣，这是当时许多人的想法。"
    raw = "\n".join([MENU, LONG, sentence, LONG.replace("近日", "昨天"), "分享到：微博 微信 QQ空间"])
    cleaned = clean_text(raw)
    assert sentence in cleaned.text
    assert _removed(raw).get("分享到：微博 微信 QQ空间") == "boilerplate"


def test_a_footer_label_opening_a_clause_still_marks_a_footer() -> None:
    raw = "\n".join([MENU, LONG, LONG, "本站文章仅供参考，版权所有，未经授权不得转载，违者必究。"])
    assert _removed(raw).get("本站文章仅供参考，版权所有，未经授权不得转载，违者必究。") == "boilerplate"


def test_a_paragraph_between_two_bodies_of_the_article_stays() -> None:
    lead = "金某（1976年4月25日－），韩国男艺人，曾为三人组合成员，现为综艺节目的固定成员。"
    labels = ("出生", "国籍", "职业", "活跃年代", "经纪公司", "身高") * 3
    infobox = [f"{label} 条目{i}" for i, label in enumerate(labels)]
    body = [LONG.replace("近日", f"第{i}年") for i in range(8)]
    raw = "\n".join([MENU, *body, *infobox, lead, *infobox, *body[:4], "友情链接 关于我们 联系我们"])
    cleaned = clean_text(raw)
    assert lead in cleaned.text
    assert "国籍 条目1" not in cleaned.text


def test_diagrams_quoted_silences_and_blanks_are_text_residue_is_not() -> None:
    raw = "\n".join(
        [
            MENU,
            LONG,
            "“……”",
            "┌───┬───┐",
            "│",
            "└───┴───┘",
            "____________。",
            LONG.replace("近日", "昨天"),
            "»",
        ]
    )
    removed = _removed(raw)
    for kept in ("“……”", "┌───┬───┐", "│", "└───┴───┘", "____________。"):
        assert kept not in removed
    assert removed.get("»") == "punctuation"


def test_a_lone_box_character_without_a_drawing_around_it_goes() -> None:
    raw = "\n".join([MENU, LONG, "│", LONG.replace("近日", "昨天")])
    assert _removed(raw).get("│") == "punctuation"


PARA_A = (
    "在我看来，规范性理论触及到集体行动的一个十分重要的方面。人们之所以自愿地投入某一项集体行动，首先是因为他们"
    "确信他们所追求的目标是正确的，从而把积极参与视为自己的责任或义务。虽然参与者都知道他们完全可以采取袖手旁观"
    "的态度，搭便车，坐享其成；但是他们认为那样做是不光彩的；这就比任何外在的奖励或惩罚更有力地驱使人们投入集体行动。"
)
PARA_B = (
    "道义感在争取思想自由的斗争中所起的作用是极其重大的。这种作用是如此重大，以至於许多人要把争取自由的运动称之为"
    "道义运动。也有人不以为然，他们认为把一场关乎切身利益的运动说成道义运动未免过于理想化了，但道义的力量确实存在。"
)
WIDTH = 36  # the wrap column; a paragraph's first line lost its indent of four characters


def _wrap(paragraph: str) -> list[str]:
    lines = [paragraph[: WIDTH - 4]]
    rest = paragraph[WIDTH - 4 :]
    lines += [rest[i : i + WIDTH] for i in range(0, len(rest), WIDTH)]
    return lines


WRAPPED = [*_wrap(PARA_A), "2、榜样的力量", *_wrap(PARA_B)]


def test_a_paragraph_hard_wrapped_between_ideographs_is_rejoined() -> None:
    paragraphs = clean_text("\n".join(WRAPPED)).text.split("\n")
    assert paragraphs == [PARA_A, "2、榜样的力量", PARA_B]  # the heading stays its own line


def test_short_lines_without_a_wrap_column_are_not_joined() -> None:
    lines = ["去是关着的，并且现在它是开着的，请证明有人按了开关", "我真的试着证明它了。"]
    assert clean_text("\n".join(["一篇短文", *lines])).text.split("\n")[-2:] == lines
