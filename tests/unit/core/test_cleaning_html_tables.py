"""HTML tables inside an article: a data table's rows are read as lines of tab-separated cells and kept
with the text around them; a layout table's cells stay blocks of their own."""

from __future__ import annotations

from reader.core.cleaning import clean_html, html_to_blocks

_PAGE = """<html><head><title>某县2024年农业生产情况</title></head><body>
<div class="menu"><a href="/">网站首页</a> <a href="/a">政务公开</a> <a href="/b">互动交流</a></div>
<div class="article"><h1>某县2024年农业生产情况</h1>
<p>2024年，全县粮食播种面积稳中有增，主要农产品产量保持稳定，农民收入持续提高。</p>
<table><tr><th>品种</th><th>产量（吨）</th><th>比上年增长（%）</th></tr>
<tr><td><p>稻谷</p></td><td>41200</td><td>2.1</td></tr>
<tr><td>油菜籽</td><td>5300</td><td></td></tr></table>
<p>全年新建高标准农田一万二千亩，农业机械化水平进一步提升。</p>
</div></body></html>"""


def test_a_data_table_in_an_article_is_kept_as_rows_with_the_paragraph_after_it() -> None:
    cleaned = clean_html(_PAGE)
    lines = cleaned.text.split("\n")
    assert "品种\t产量（吨）\t比上年增长（%）" in lines
    assert "稻谷\t41200\t2.1" in lines
    assert "油菜籽\t5300" in lines  # an empty last cell adds nothing to read
    assert lines[-1] == "全年新建高标准农田一万二千亩，农业机械化水平进一步提升。"
    assert all("41200" not in r.text for r in cleaned.removed)


def test_the_original_view_shows_a_row_a_line() -> None:
    assert "稻谷\t41200\t2.1" in html_to_blocks(_PAGE).split("\n")


def test_a_layout_table_keeps_its_cells_as_blocks() -> None:
    page = (
        "<html><body><table><tr><td><ul><li><a href='/1'>栏目一</a></li><li><a href='/2'>栏目二</a></li></ul></td>"
        "<td><p>第一段正文写在布局表格的右栏里。</p><p>第二段正文也在这里。</p></td></tr></table></body></html>"
    )
    blocks = html_to_blocks(page).split("\n")
    assert "第一段正文写在布局表格的右栏里。" in blocks
    assert "第二段正文也在这里。" in blocks
    assert not any("\t" in b for b in blocks)


def test_a_grid_of_links_in_a_table_is_not_read_as_rows() -> None:
    page = (
        "<html><body><table><tr><td><a href='/1'>时政要闻</a></td><td><a href='/2'>社会民生</a></td></tr>"
        "<tr><td><a href='/3'>财经观察</a></td><td><a href='/4'>文化旅游</a></td></tr></table></body></html>"
    )
    assert not any("\t" in b for b in html_to_blocks(page).split("\n"))


def test_ordered_list_items_keep_the_numbers_a_browser_shows() -> None:
    page = (
        "<html><body><article><p>各单位应当做好以下几项工作，确保年度目标任务按期完成，具体安排如下：</p>"
        "<ol><li>完善工作台账。</li><li>按月报送进度。</li></ol>"
        "<ol start='4'><li>开展年终考核。</li></ol>"
        "<ol type='a'><li>自查</li><li>互查</li></ol>"
        "<ol type='I'><li>总结</li><li value='4'>附录</li></ol>"
        "<ul><li>不编号的事项。</li></ul></article></body></html>"
    )
    blocks = html_to_blocks(page).split("\n")
    assert blocks[1:] == [
        "1. 完善工作台账。",
        "2. 按月报送进度。",
        "4. 开展年终考核。",
        "a. 自查",
        "b. 互查",
        "I. 总结",
        "IV. 附录",
        "不编号的事项。",
    ]


def test_references_and_pagers_are_not_numbered_again() -> None:
    refs = "<ol><li><a href='#a'>^</a> 某作者. 某书. 2010.</li><li>[2] 另一作者. 另一书. 2012.</li></ol>"
    assert html_to_blocks(refs).split("\n") == ["^ 某作者. 某书. 2010.", "[2] 另一作者. 另一书. 2012."]
    pager = "<ol><li><a href='/p1'>上一页</a></li><li><a href='/p2'>下一页</a></li></ol>"
    assert html_to_blocks(pager).split("\n") == ["上一页", "下一页"]


def test_an_item_written_in_a_paragraph_gets_its_number_on_the_same_line() -> None:
    page = "<ol><li>\n<p>核对申报材料<br><img src='a.png'></p></li><li><p>组织专家评审</p></li></ol>"
    assert html_to_blocks(page).split("\n") == ["1. 核对申报材料", "2. 组织专家评审"]


def test_a_short_line_in_a_box_named_an_advertisement_leaves_the_article() -> None:
    from reader.core.cleaning import clean_html

    first = "今年以来，全市新增公共充电桩一万二千个，城区平均服务半径缩短到一公里以内，车主充电更加方便。"
    second = "下一步，市里将在老旧小区推广共享充电设施，并把充电桩建设纳入新建小区的验收标准。"
    page = (
        f"<html><body><div class='content'><p>{first}</p>"
        "<div class='inline-ad'>下载某某新闻客户端，看更多本地资讯 >></div>"
        f"<p>{second}</p><div class='note'>本文数据截至去年年底，来源为各区统计</div>"
        f"<p>{first}</p></div></body></html>"
    )
    cleaned = clean_html(page)
    assert cleaned.text.split("\n")[:2] == [first, second]
    assert [r.reason for r in cleaned.removed if "客户端" in r.text] == ["spam"]
    assert "本文数据截至去年年底，来源为各区统计" in cleaned.text  # a short line in a box named otherwise
