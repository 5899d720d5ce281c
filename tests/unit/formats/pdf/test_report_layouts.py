"""Research reports as a word processor or a layout program sets them, built fragment by fragment: a table
inside one column of a two-column page, a table in small print at a column's foot, ragged-right text with a
flush-right signature, a running head from the second page on, footnotes marked with superscript figures."""

from __future__ import annotations

from reader.formats.pdf import analyse
from reader.formats.pdf.model import Fragment, Layout, PageBox

SIZE = 11.0
PITCH = 19.0
TEXT = (
    "调查显示长三角地区每千名老年人拥有养老床位三十余张但护理型床位占比不高与失能半失能老人的实际需求存在较大差距"
    "从区域分布看中心城区床位紧张郊区床位空置的现象并存部分郊区养老机构入住率不足四成而中心城区公办机构轮候时间较长"
    "受访机构中多数表示护理员招聘困难护理员平均年龄偏大持有职业技能等级证书的比例较低薪酬待遇偏低是人才流失的原因"
)


def _frag(text: str, x0: float, top: float, size: float = SIZE, x1: float | None = None) -> Fragment:
    return Fragment(text, x0, x1 if x1 is not None else x0 + size * len(text), top, top + size * 1.2, size)


def _paragraph(
    text: str, left: float, right: float, top: float, *, ragged: bool = False
) -> tuple[list[Fragment], float]:
    """`text` set in the column from `left` to `right` with a two-em indent, its last line short; a ragged
    paragraph's lines end one to two characters short of the edge, by turns."""
    per_line = int((right - left) // SIZE)
    out: list[Fragment] = []
    rest, first, n = text, True, 0
    while rest:
        room = per_line - (2 if first else 0) - ((1 + n % 2) if ragged else 0)
        piece, rest = rest[:room], rest[room:]
        out.append(_frag(piece, left + (2 * SIZE if first else 0), top))
        top += PITCH
        first = False
        n += 1
    return out, top + 6


def _table(left: float, top: float, size: float, cells: list[list[str]]) -> tuple[list[Fragment], float]:
    out = []
    for row in cells:
        out += [_frag(cell, left + 10 + 50 * j, top, size) for j, cell in enumerate(row)]
        top += size * 1.8
    return out, top + 6


CELLS = [["地区", "人口", "床位", "占比"], ["上海", "568", "17.2", "65%"], ["江苏", "1980", "74.5", "59%"]]


def test_a_two_column_page_with_a_table_in_one_column_is_read_column_by_column() -> None:
    left_col, right_col = (72.0, 285.0), (309.0, 523.0)
    fragments = [_frag("长三角养老服务发展研究报告", 168.0, 60.0, 20.0)]
    first, top = _paragraph(TEXT[:60] + "。", *left_col, 110.0)
    table, top = _table(left_col[0], top, 9.0, [*CELLS, ["浙江", "1350", "52.1", "57%"], ["安徽", "1222", "41", "54%"]])
    second, _ = _paragraph(TEXT[60:100] + "。", *left_col, top)
    third, _ = _paragraph(TEXT[100:170] + "。", *right_col, 110.0)
    fragments += first + table + second + third
    result = analyse(Layout((PageBox(0, 595.0, 842.0, tuple(fragments)),)))
    rows = ["\t".join(row) for row in [*CELLS, ["浙江", "1350", "52.1", "57%"], ["安徽", "1222", "41", "54%"]]]
    assert list(result.paragraphs) == [
        "长三角养老服务发展研究报告",
        TEXT[:60] + "。",
        *rows,
        TEXT[60:100] + "。",
        TEXT[100:170] + "。",
    ]


def test_a_table_in_small_print_at_a_columns_foot_stays_in_place_as_rows() -> None:
    fragments, top = _paragraph(TEXT[:80] + "。", 72.0, 523.0, 100.0)
    table, _ = _table(72.0, top, 8.0, CELLS)
    result = analyse(Layout((PageBox(0, 595.0, 842.0, tuple(fragments + table)),)))
    assert list(result.paragraphs) == [TEXT[:80] + "。", *("\t".join(row) for row in CELLS)]


def test_ragged_right_text_above_a_flush_right_signature_is_still_reflowed() -> None:
    left, right = 72.0, 420.0
    pages = []
    expected = []
    for index, (start, end) in enumerate(((0, 100), (100, 200))):
        fragments, top = _paragraph(TEXT[start:end] + "。", left, right, 100.0, ragged=True)
        expected.append(TEXT[start:end] + "。")
        if index == 1:  # the signature and the date flush with the page's right margin, past the text's edge
            fragments += [
                _frag("课题组负责人：周海旺", 413.0, top, x1=523.0),
                _frag("2025年12月", 460.0, top + PITCH, x1=523.0),
            ]
            expected += ["课题组负责人：周海旺", "2025年12月"]
        pages.append(PageBox(index, 595.0, 842.0, tuple(fragments)))
    result = analyse(Layout(tuple(pages)))
    assert list(result.paragraphs) == expected


def _two_pages(head_page_two: list[Fragment], body_rows: int = 8) -> Layout:
    title = _frag("长三角养老服务发展研究报告", 168.0, 90.0, 20.0)
    one, _ = _paragraph(TEXT + "。", 72.0, 523.0, 130.0)
    two, _ = _paragraph(TEXT[120 : 120 + body_rows * 4] + "。", 72.0, 523.0, 100.0)
    return Layout((PageBox(0, 595.0, 842.0, (title, *one)), PageBox(1, 595.0, 842.0, (*head_page_two, *two))))


def test_a_running_head_printed_on_the_second_page_of_two_is_removed() -> None:
    head = [_frag("长三角养老服务发展研究报告", 72.0, 45.0, 8.0), _frag("2025年第4期", 477.0, 45.0, 8.0)]
    result = analyse(_two_pages(head))
    assert [(r.text, r.reason) for r in result.removed if r.reason != "metadata"] == [
        ("长三角养老服务发展研究报告", "page-header"),
        ("2025年第4期", "page-header"),
    ]
    assert "2025年第4期" not in result.text


def test_alternating_heads_of_a_two_page_report_are_both_removed() -> None:
    """A two-page report with a left-hand and a right-hand head of different texts, the second page opening
    with the rest of a table: no text repeats, but both pages open with a lone head in small print at one
    height, above the title on the first page and inside the table's run on the second."""
    title = _frag("长三角养老服务发展研究报告", 168.0, 90.0, 20.0)
    one, top = _paragraph(TEXT + "。", 72.0, 523.0, 130.0)
    rows_one, _ = _table(72.0, top, SIZE, CELLS[:2])
    rows_two, top = _table(72.0, 100.0, SIZE, CELLS[2:])
    two, _ = _paragraph(TEXT[40:140] + "。", 72.0, 523.0, top)
    right_head = _frag("长三角养老服务发展研究报告", 411.0, 45.0, 8.0)
    left_head = _frag("民政政策研究丛书之四", 72.0, 45.0, 8.0)
    pages = (
        PageBox(0, 595.0, 842.0, (right_head, title, *one, *rows_one)),
        PageBox(1, 595.0, 842.0, (left_head, *rows_two, *two)),
    )
    result = analyse(Layout(pages))
    assert [(r.text, r.reason) for r in result.removed if r.reason != "metadata"] == [
        (right_head.text, "page-header"),
        (left_head.text, "page-header"),
    ]
    assert [p for p in result.paragraphs if "\t" in p] == ["\t".join(row) for row in CELLS]


def test_a_small_caption_over_the_first_line_of_page_two_stays_when_page_one_has_no_head() -> None:
    caption = _frag("表2 各地养老床位数", 72.0, 45.0, 8.0)
    result = analyse(_two_pages([caption]))
    assert caption.text in result.text


def test_a_head_that_repeats_the_title_is_removed_from_a_page_with_little_text() -> None:
    head = [_frag("长三角养老服务发展研究报告", 72.0, 45.0, 8.0), _frag("2025年第4期", 477.0, 45.0, 8.0)]
    title = _frag("长三角养老服务发展研究报告", 168.0, 90.0, 20.0)
    one, _ = _paragraph(TEXT + "。", 72.0, 523.0, 130.0)
    last = (*head, _frag("2025年12月", 460.0, 100.0, x1=523.0))
    result = analyse(Layout((PageBox(0, 595.0, 842.0, (title, *one)), PageBox(1, 595.0, 842.0, last))))
    assert ("2025年第4期", "page-header") in [(r.text, r.reason) for r in result.removed]
    assert result.paragraphs[-1] == "2025年12月"


def test_a_small_line_opening_a_later_page_of_a_long_document_is_not_taken_for_a_head() -> None:
    """The page-by-page reading of a head is for documents too short for repetition to show it."""
    pages = []
    for index in range(3):
        fragments, _ = _paragraph(TEXT[index * 50 : index * 50 + 100] + "。", 72.0, 523.0, 100.0)
        if index == 2:
            fragments.insert(0, _frag("注：本页数据为初步统计", 72.0, 45.0, 8.0))
        pages.append(PageBox(index, 595.0, 842.0, tuple(fragments)))
    result = analyse(Layout(tuple(pages)))
    assert "注：本页数据为初步统计" in result.text


def test_a_footnote_marked_with_a_superscript_figure_follows_the_section_that_cites_it() -> None:
    heading_one = _frag("一、研究背景", 72.0, 100.0, 13.0)
    cited, top = _paragraph(TEXT[:50] + "¹。" + TEXT[50:80] + "。", 72.0, 523.0, 125.0)
    heading_two = _frag("二、主要发现", 72.0, top + 4, 13.0)
    after, _ = _paragraph(TEXT[80:150] + "。", 72.0, 523.0, top + 30)
    note = _frag("¹ 数据来源：国家统计局人口变动抽样调查。", 72.0, 760.0, 8.0)
    page = PageBox(0, 595.0, 842.0, (heading_one, *cited, heading_two, *after, note))
    result = analyse(Layout((page,)))
    assert list(result.paragraphs) == [
        "一、研究背景",
        TEXT[:50] + "¹。" + TEXT[50:80] + "。",
        "¹ 数据来源：国家统计局人口变动抽样调查。",
        "二、主要发现",
        TEXT[80:150] + "。",
    ]


def test_a_small_caption_opening_the_second_page_of_two_stays() -> None:
    """A caption in pieces above its table (`表2` + its words) stops short of the right margin: no head."""
    caption = [_frag("表2", 72.0, 45.0, 8.0), _frag("各地区养老床位（单位：万张）", 100.0, 45.0, 8.0)]
    table, top = _table(72.0, 70.0, 9.0, CELLS)
    body, _ = _paragraph(TEXT[60:] + TEXT[:60] + "。", 72.0, 523.0, top)
    title = _frag("长三角养老服务发展研究报告", 168.0, 90.0, 20.0)
    one, _ = _paragraph(TEXT + "。", 72.0, 523.0, 130.0)
    pages = (PageBox(0, 595.0, 842.0, (title, *one)), PageBox(1, 595.0, 842.0, (*caption, *table, *body)))
    result = analyse(Layout(pages))
    assert "各地区养老床位（单位：万张）" in result.text
    assert [r.reason for r in result.removed if r.reason.startswith("page")] == []


def test_the_title_repeated_as_a_heading_in_the_texts_own_size_stays() -> None:
    cover = (
        _frag("长三角养老服务发展研究报告", 140.0, 200.0, 26.0),
        _frag("上海社会科学院", 250.0, 400.0, 12.0),
        _frag("2025年12月", 260.0, 430.0, 12.0),
    )
    heading = _frag("长三角养老服务发展研究报告", 72.0, 60.0, 16.0)
    body, _ = _paragraph(TEXT + "。", 72.0, 523.0, 100.0)
    result = analyse(Layout((PageBox(0, 595.0, 842.0, cover), PageBox(1, 595.0, 842.0, (heading, *body)))))
    assert [r.reason for r in result.removed if r.reason.startswith("page")] == []


def test_a_small_line_above_the_title_on_the_first_page_of_two_stays() -> None:
    """The first page carries the title where later pages carry the head: its small top line is text."""
    note = _frag("（2024年3月15日市政府常务会议通过）", 72.0, 50.0, 8.0)
    title = _frag("长三角养老服务发展研究报告", 168.0, 90.0, 20.0)
    one, _ = _paragraph(TEXT + "。", 72.0, 523.0, 130.0)
    two, _ = _paragraph(TEXT[60:] + TEXT[:60] + "。", 72.0, 523.0, 100.0)
    result = analyse(Layout((PageBox(0, 595.0, 842.0, (note, title, *one)), PageBox(1, 595.0, 842.0, tuple(two)))))
    assert "（2024年3月15日市政府常务会议通过）" in result.text


def test_notes_cited_in_one_section_follow_it_in_the_order_printed() -> None:
    heading_one = _frag("一、研究背景", 72.0, 100.0, 13.0)
    cited, top = _paragraph(TEXT[:40] + "①。" + TEXT[40:80] + "②。", 72.0, 523.0, 125.0)
    heading_two = _frag("二、主要发现", 72.0, top + 4, 13.0)
    after, _ = _paragraph(TEXT[80:150] + "。", 72.0, 523.0, top + 30)
    notes = [
        _frag("①", 72.0, 740.0, 8.0),
        _frag("数据来源：国家统计局抽样调查。", 90.0, 740.0, 8.0),
        _frag("②", 72.0, 756.0, 8.0),
        _frag("数据来源：民政部统计公报。", 90.0, 756.0, 8.0),
    ]
    page = PageBox(0, 595.0, 842.0, (heading_one, *cited, heading_two, *after, *notes))
    paragraphs = list(analyse(Layout((page,))).paragraphs)
    assert paragraphs[2:4] == ["①\t数据来源：国家统计局抽样调查。", "②\t数据来源：民政部统计公报。"]
    assert paragraphs[4] == "二、主要发现"


def test_a_note_named_in_words_follows_the_section_that_cites_it_not_the_signature() -> None:
    """A Taiwanese report names its notes (`註一：`) and cites them by name (`（註一）`): the note goes after
    the citing section, not to the end of the document after its signature."""
    heading_one = _frag("壹、執行成果", 72.0, 100.0, 13.0)
    cited, top = _paragraph(TEXT[:60] + "（註一）。", 72.0, 523.0, 125.0)
    heading_two = _frag("貳、未來規劃", 72.0, top + 4, 13.0)
    after, top = _paragraph(TEXT[80:150] + "。", 72.0, 523.0, top + 30)
    signature = [_frag("衛生福利部", 420.0, top + 20), _frag("中華民國一百一十五年二月", 391.0, top + 40)]
    note = _frag("註一：依據長期照顧給付及支付基準辦理。", 72.0, 740.0, 8.0)
    page = PageBox(0, 595.0, 842.0, (heading_one, *cited, heading_two, *after, *signature, note))
    paragraphs = list(analyse(Layout((page,))).paragraphs)
    assert paragraphs.index(note.text) == paragraphs.index(heading_two.text) - 1
    assert paragraphs[-1] == "中華民國一百一十五年二月"


def test_an_official_documents_title_is_the_line_after_its_number_not_its_masthead() -> None:
    from reader.formats.pdf.importer import printed_title

    masthead = _frag("市人民政府办公厅文件", 120.0, 90.0, 30.0)
    number = _frag("市政办函〔2026〕7号", 230.0, 150.0, SIZE)
    title = _frag("关于开展城市更新试点项目申报工作的通知", 90.0, 190.0, 20.0)
    body, _ = _paragraph(TEXT + "。", 72.0, 523.0, 240.0)
    result = analyse(Layout((PageBox(0, 595.0, 842.0, (masthead, number, title, *body)),)))
    index = printed_title(result)
    assert index is not None and result.paragraphs[index] == "关于开展城市更新试点项目申报工作的通知"


def test_a_report_whose_largest_line_is_followed_by_no_document_number_keeps_it_as_title() -> None:
    from reader.formats.pdf.importer import printed_title

    title = _frag("长三角养老服务发展研究报告", 120.0, 90.0, 24.0)
    subtitle = _frag("关于区域协作的调查与建议", 160.0, 140.0, 16.0)
    body, _ = _paragraph(TEXT + "。", 72.0, 523.0, 190.0)
    result = analyse(Layout((PageBox(0, 595.0, 842.0, (title, subtitle, *body)),)))
    index = printed_title(result)
    assert index is not None and result.paragraphs[index] == "长三角养老服务发展研究报告"


def test_a_caption_wider_than_the_text_does_not_move_the_columns_edge() -> None:
    """Text set short of its column (ragged, or a scan's boxes) with one wider caption among it: the
    caption is one line, not the edge that every line of text would then fall short of."""
    left, right = 72.0, 400.0
    first, top = _paragraph(TEXT[:90] + "。", left, right, 100.0, ragged=True)
    caption = _frag("表1  三省一市养老床位情况（2024年，单位：万张）", 92.0, top, SIZE, x1=470.0)
    second, _ = _paragraph(TEXT[90:170] + "。", left, right, top + 24.0, ragged=True)
    result = analyse(Layout((PageBox(0, 595.0, 842.0, (*first, caption, *second)),)))
    assert list(result.paragraphs) == [TEXT[:90] + "。", caption.text, TEXT[90:170] + "。"]


def test_a_line_across_both_columns_and_the_first_line_of_a_column_are_apart() -> None:
    affiliation = _frag("上海社会科学院城市与人口发展研究所", 204.0, 90.0, SIZE, x1=391.0)
    left_text, _ = _paragraph(TEXT[:70] + "。", 72.0, 285.0, 120.0)
    right_text, _ = _paragraph(TEXT[70:150] + "。", 309.0, 523.0, 120.0)
    left_text[0] = _frag(left_text[0].text, 72.0, 120.0, x1=left_text[0].x1)  # set without an indent
    page = PageBox(0, 595.0, 842.0, (affiliation, *left_text, *right_text))
    paragraphs = list(analyse(Layout((page,))).paragraphs)
    assert paragraphs[:2] == ["上海社会科学院城市与人口发展研究所", TEXT[:70] + "。"]


def test_a_total_in_a_one_page_tables_last_row_is_no_page_number() -> None:
    body, _ = _paragraph(TEXT[:80] + "。", 72.0, 523.0, 100.0)
    rows = [_frag("合计", 72.0, 780.0), _frag("23", 300.0, 780.0)]
    result = analyse(Layout((PageBox(0, 595.0, 842.0, (*body, *rows)),)))
    assert "23" in result.text and not [r for r in result.removed if r.reason == "page-number"]


def test_a_document_number_with_its_signing_officer_still_leads_past_the_masthead() -> None:
    from reader.formats.pdf.importer import printed_title

    masthead = _frag("市人民政府文件", 150.0, 90.0, 30.0)
    number = _frag("市政发 〔2026〕 3号    签发人：王平", 150.0, 150.0, SIZE)
    title = _frag("关于印发城市更新实施方案的通知", 110.0, 190.0, 20.0)
    body, _ = _paragraph(TEXT + "。", 72.0, 523.0, 240.0)
    result = analyse(Layout((PageBox(0, 595.0, 842.0, (masthead, number, title, *body)),)))
    index = printed_title(result)
    assert index is not None and result.paragraphs[index] == "关于印发城市更新实施方案的通知"


def test_a_three_column_page_is_read_column_by_column() -> None:
    """A landscape page in three columns under a title across them: each column read top to bottom in
    turn, a table in the middle column kept as rows."""
    title = _frag("县域养老服务发展调查", 300, 60, size=18)
    texts = [TEXT[:100], TEXT[30:130], TEXT[63:]]
    fragments = [title]
    for k, text in enumerate(texts):
        left = 48 + 260 * k
        column, top = _paragraph(text, left, left + 220, 100)
        if k == 1:
            table, top = _table(left, top, SIZE, CELLS)
            column += table
        fragments += column
    paragraphs = [p for p in analyse(Layout((PageBox(0, 842, 595, tuple(fragments)),))).paragraphs if p != title.text]
    assert paragraphs == [texts[0], texts[1], *("\t".join(row) for row in CELLS), texts[2]]


def test_a_sidebar_box_in_small_print_is_not_glued_onto_the_pages_footnote() -> None:
    """A box (专栏) set small beside the text and a footnote at the foot of the text column: the footnote
    stands alone, the box's title and text are paragraphs of their own."""
    text, _ = _paragraph(TEXT[:120] + "②。", 72.0, 300.0, 100.0)
    box_title = _frag("专栏1 数字乡村一张图", 389.0, 120.0, 9.0)
    box_text = "全省建成数字乡村一张图平台，汇聚两万余个行政村的基础数据。"
    box = [box_title] + [
        _frag(box_text[k : k + 10], 389.0, 150.0 + 12 * n, 9.0) for n, k in enumerate(range(0, len(box_text), 10))
    ]
    note = _frag("② 稻渔综合种养是指在稻田中同时养殖鱼虾的生产模式。", 72.0, 700.0, 9.0)
    paragraphs = list(analyse(Layout((PageBox(0, 595.0, 842.0, (*text, *box, note)),))).paragraphs)
    assert note.text in paragraphs
    assert box_title.text in paragraphs
    assert box_text in paragraphs
