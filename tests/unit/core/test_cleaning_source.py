"""Source hints: lines that recur across the documents of one source are furniture; the writer's text is
not, however often a source repeats it (an office's notices share their addressee, fields and signature)."""

from __future__ import annotations

from reader.core.cleaning import SourceHints, clean_text, source_hints
from sitepages import FOOTER, SLOGAN
from sitepages import SENTENCES as SITE_SENTENCES

MENU = "首页 新闻 评论 图片"
SENTENCES = [*SITE_SENTENCES, "组织者介绍，读书会成立十六年来，已经举办各类活动三百余场，会员超过千人。"]


def _page(k: int) -> str:
    body = [f"第{k}期活动中，{SENTENCES[(k + j) % 6]}" for j in range(3)]
    return "\n".join([f"第{k}次读书会纪要 _ 晨光读书会", MENU, SLOGAN, *body, FOOTER])


def test_lines_recurring_across_a_source_are_found_and_its_sentences_are_not() -> None:
    hints = source_hints([_page(k) for k in range(6)])
    assert {MENU, SLOGAN, FOOTER} <= hints.repeated_lines
    assert not any(sentence in hints.repeated_lines for sentence in SENTENCES)
    assert hints.site_names == frozenset({"晨光读书会"})


def test_hints_remove_the_source_furniture_and_keep_every_sentence() -> None:
    pages = [_page(k) for k in range(6)]
    hints = source_hints(pages)
    for page in pages:
        cleaned = clean_text(page, hints=hints)
        removed = {r.text: r.reason for r in cleaned.removed}
        assert removed.get(SLOGAN) == "boilerplate"
        assert all(line in cleaned.text for line in page.splitlines()[3:-1])
        assert cleaned.metadata.title is not None and not cleaned.metadata.title.endswith("晨光读书会")


def test_a_page_imported_several_times_is_not_evidence() -> None:
    assert source_hints([_page(1)] * 5) == SourceHints()


def test_too_few_documents_give_no_hints() -> None:
    assert source_hints([_page(1), _page(2)]) == SourceHints()


def _notice(k: int) -> str:
    return "\n".join(
        [
            f"关于开展第{k}批{['图书', '档案', '设备', '车辆', '资产'][k]}清查工作的通知",
            "各科室、各直属单位：",
            SENTENCES[k],
            "一、工作要求",
            SENTENCES[(k + 1) % 6],
            "二、时间安排",
            SENTENCES[(k + 2) % 6],
            "联系人：王明",
            "联系电话：010-12345678",
            "特此通知。",
            "市图书馆办公室",
            f"2024年{k + 1}月{k + 3}日",
        ]
    )


def test_an_office_s_notices_lose_nothing_to_what_they_share() -> None:
    notices = [_notice(k) for k in range(5)]
    hints = source_hints(notices)
    for notice in notices:
        cleaned = clean_text(notice, hints=hints)
        title = cleaned.metadata.title
        lost = [r.text for r in cleaned.removed if r.text != title]
        assert lost == []


def test_versions_of_one_document_do_not_remove_each_other() -> None:
    base = [*SENTENCES[:3], "会议纪要", "参会人员名单附后"]
    versions = ["\n".join([f"第{k}稿", *base]) for k in range(4)]
    assert source_hints(versions) == SourceHints()
    # Handed hints that name its own lines anyway, a document whose lines they would mostly be keeps them.
    hints = SourceHints(repeated_lines=frozenset({"第0稿", "会议纪要", "参会人员名单附后", *SENTENCES[:3]}))
    assert clean_text(versions[0], hints=hints).removed == []


def test_hints_say_which_texts_they_bear_on() -> None:
    """`bears_on` lets the library skip a second cleaning of a page none of the hints concern."""
    hints = source_hints([_page(k) for k in range(6)])
    assert hints.bears_on(_page(7))
    assert hints.bears_on("标题 | 晨光读书会")  # a site name in a title
    assert not hints.bears_on("\n".join(SENTENCES))
    assert not SourceHints().bears_on(_page(1))
