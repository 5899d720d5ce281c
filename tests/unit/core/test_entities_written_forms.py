"""Entities as a reader sees them in a list: one row per date however it is written or wrapped, no
value of a quoted script taken for a term, counts with their measure word, months by their part."""

from __future__ import annotations

from reader.core.entities import aggregate, extract


def _of(kind: str, text: str, doc_date: str | None = None) -> list[tuple[str, str, str | None]]:
    return [(m.text, m.normalized, m.value) for m in extract(text, doc_date=doc_date) if m.type == kind]


def test_a_line_break_after_a_year_is_not_part_of_the_date() -> None:
    text = "- 全部资料更新到2024年\n- 下一项在2024年完成"
    dates = _of("date", text)
    assert [written for written, _, _ in dates] == ["2024年", "2024年"]
    rows = [e for e in aggregate(extract(text)) if e.type == "date"]
    assert [(e.text, e.count) for e in rows] == [("2024年", 2)]


def test_a_date_wrapped_inside_is_one_row_shown_on_one_line() -> None:
    text = "该所成立于1998\n年。1998年的章程至今有效。"
    rows = [e for e in aggregate(extract(text)) if e.type == "date"]
    assert [(e.text, e.normalized, e.count) for e in rows] == [("1998年", "1998", 2)]


def test_one_date_written_three_ways_is_one_entity_named_by_its_iso_form() -> None:
    text = "本办法自2026年3月1日施行。二〇二六年三月一日起停止受理。中華民國一一五年三月一日公告。"
    assert {normalized for _, normalized, _ in _of("date", text)} == {"2026-03-01"}
    rows = [e for e in aggregate(extract(text)) if e.type == "date"]
    assert len(rows) == 1 and rows[0].count == 3


def test_a_part_of_a_month_is_a_date_of_that_month() -> None:
    assert _of("date", "到6月下旬，工程完工过半。", doc_date="2025-05-02") == [("6月下旬", "2025-06", "2025-06")]
    assert _of("date", "截至9月末，余额增长。") == [("9月末", "--09", "--09")]
    assert _of("date", "2024年11月初，试点启动。") == [("2024年11月初", "2024-11", "2024-11")]


def test_counts_of_vehicles_and_incidents_are_figures() -> None:
    figures = _of("figure", "全市共有出租车2.4万辆，今年发生火灾17起。")
    assert ("2.4万辆", "2.4万辆", "24000 辆") in figures
    assert ("17起", "17起", "17 起") in figures


def test_a_string_of_program_code_is_no_term() -> None:
    text = (
        '脚本如下：\nrows = load("医院名录.xlsx")\ncol = rows.pivot("街道")\nkey = "病床"\n他们称之为"最多跑一次"改革。'
    )
    assert [written for written, _, _ in _of("term", text)] == ["最多跑一次"]


def test_a_post_is_given_in_the_script_the_text_writes_it() -> None:
    (person,) = [m for m in extract("臺中市市長盧秀燕今日出席記者會。") if m.type == "person"]
    assert person.normalized == "卢秀燕" and person.posts == ("臺中市市長",)
    mixed = extract("臺中市市長盧秀燕致詞。台中市市长卢秀燕出席。")
    (row,) = [e for e in aggregate(mixed) if e.type == "person"]
    assert row.posts == ("臺中市市長",)  # one post written in both scripts is listed once
