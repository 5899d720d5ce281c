"""Class words that name a box's purpose only sometimes: a box named `video` holds a video report's own
sentences, one named `sponsor` an event's organisers; neither is a player's or an advertiser's text."""

from __future__ import annotations

from reader.core.cleaning import clean_html

VIDEO_REPORT = """<html><head><title>老街焕新</title></head><body><div class="article">
<h1>老街焕新</h1>
<p>经过半年改造，城东老街重新开放，沿街的三十多家老字号陆续回归，周末客流超过两万人次。</p>
<div class="video"><p>视频中，居民在改造后的老街上散步、购物，街道两侧的骑楼保留了原有的样式。</p>
<p>拍摄：周晓岚</p></div>
<p>街道办负责人说，下一步将引入更多非遗手作项目，让老街既有烟火气又有文化味。</p>
</div></body></html>"""

EVENT_PAGE = """<html><head><title>社区读书节开幕</title></head><body><div class="article">
<h1>社区读书节开幕</h1>
<p>4月8日，社区读书节在区图书馆开幕，活动为期三周，安排讲座、书展和亲子共读等十余场活动。</p>
<div class="sponsor"><p>主办单位：区文化馆</p><p>承办单位：区图书馆</p></div>
<p>主办方表示，所有活动免费向居民开放，可通过图书馆服务号预约参加。</p>
</div></body></html>"""


def test_a_box_named_video_keeps_the_reports_sentences() -> None:
    text = clean_html(VIDEO_REPORT).text
    assert "视频中，居民在改造后的老街上散步" in text
    assert "拍摄：周晓岚" in text
    assert text.rstrip().endswith("让老街既有烟火气又有文化味。")


def test_a_box_named_sponsor_keeps_the_organisers() -> None:
    text = clean_html(EVENT_PAGE).text
    assert "主办单位：区文化馆" in text and "承办单位：区图书馆" in text
