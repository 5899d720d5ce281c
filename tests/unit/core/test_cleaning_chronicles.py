"""Texts whose entries are dated on lines of their own (a chronicle, a diary with a weather line): the
dates and entries are the writer's, not a feed of other posts nor page metadata."""

from __future__ import annotations

from reader.core.cleaning import clean_html, clean_text

_EVENTS = [
    ("2025.2.6", "召开全镇春季农业生产动员会", "会议部署了春耕备耕、农田水利和农资供应等六项工作。"),
    ("2025.3.12", "开展植树节义务植树活动", ""),
    ("2025.4.18", "举办首届乡村文化旅游节", "活动吸引游客三万余人次，带动农产品销售一百多万元。"),
    ("2025.5.9", "镇卫生院新门诊楼投入使用", ""),
    ("2025.6.20", "完成汛前水利设施安全检查", "共检查山塘水库十二座，整改隐患五处。"),
]


def _chronicle() -> list[str]:
    lines = ["某某镇2025年上半年大事记", "现将本镇上半年重要工作事项记录如下，供各村和站所参阅。"]
    for day, event, note in _EVENTS:
        lines += [day, event] + ([note] if note else [])
    return [*lines, "某某镇人民政府办公室", "2025年7月2日"]


def test_a_chronicle_keeps_its_dates_events_and_signature() -> None:
    cleaned = clean_text("\n".join(_chronicle()))
    lines = cleaned.text.split("\n")
    for day, event, _ in _EVENTS:
        assert day in lines
        assert event in lines
    assert lines[-2:] == ["某某镇人民政府办公室", "2025年7月2日"]


_DIARY = [
    ("晴", "上午去图书馆还了三本书，又借了两本关于园艺的书，准备把阳台重新布置一下。"),
    ("阴", "下午把阳台上的旧花盆都清理了一遍，换上了新土，种下了从市场买来的薄荷和罗勒。"),
    ("小雨", "雨不大，正好不用浇水，晚上翻了翻借来的书，才知道薄荷要放在通风的地方。"),
    ("多云", "早上发现罗勒的叶子有点发黄，查了资料，大概是浇水太多，以后要注意控制。"),
    ("晴", "周末邻居来看了阳台，说想要一些薄荷的插枝，答应下周剪给她两枝试试看。"),
]


def test_a_diary_with_a_weather_line_under_each_date_keeps_its_entries() -> None:
    diary = [line for k, (weather, entry) in enumerate(_DIARY) for line in (f"6-{3 + k}", weather, entry)]
    for cleaned in (
        clean_text("\n".join(["我的阳台日记", *diary])),
        clean_html(
            "<html><body><article><h1>我的阳台日记</h1>"
            + "".join(f"<p>{t}</p>" for t in diary)
            + "</article></body></html>"
        ),
    ):
        for _, entry in _DIARY:
            assert entry in cleaned.text
