"""Every encoding a saved Chinese page arrives in decodes to exactly the original text."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from reader.core.text.decoding import DecodingError, decode_bytes, plausibility, too_large_reason

SIMPLIFIED = (
    "县域医院综合能力提升项目医学专科交流会顺利召开！国家卫生健康委卫生发展研究中心主办。\n第二段：2023年9月27日。"
)
TRADITIONAL = "縣域醫院綜合能力提升項目醫學專科交流會順利召開！國家衛生健康委衛生發展研究中心主辦。\n臺灣醫療體系。"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SIMPLIFIED.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + SIMPLIFIED.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + SIMPLIFIED.encode("utf-16-be"), "utf-16-be"),
        (SIMPLIFIED.encode("gb2312"), "gb18030"),
        (SIMPLIFIED.encode("gbk"), "gb18030"),
        (SIMPLIFIED.encode("gb18030"), "gb18030"),
    ],
)
def test_simplified_encodings_decode_exactly(data: bytes, encoding: str) -> None:
    decoded = decode_bytes(data, "a.txt")
    assert decoded.text == SIMPLIFIED
    assert decoded.encoding == encoding


def test_gbk_only_characters_decode() -> None:
    text = "镕基与喆、堃、玥都在GBK里而不在GB2312里。" * 3
    decoded = decode_bytes(text.encode("gbk"), "a.txt")
    assert decoded.text == text


def test_big5_decodes_exactly() -> None:
    decoded = decode_bytes(TRADITIONAL.encode("big5"), "a.txt")
    assert decoded.text == TRADITIONAL
    assert decoded.encoding.startswith("big5")


def test_traditional_in_gbk_is_not_mistaken_for_big5() -> None:
    decoded = decode_bytes(TRADITIONAL.encode("gbk"), "a.txt")
    assert decoded.text == TRADITIONAL


def test_html_declaring_the_wrong_charset_still_decodes() -> None:
    head = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head>'
    html = f"{head}<body><p>{TRADITIONAL}</p></body></html>"
    decoded = decode_bytes(html.encode("big5"), "page.html")
    assert decoded.text == html
    assert decoded.encoding.startswith("big5")


def test_html_declared_charset_is_used_when_right() -> None:
    html = f"<html><head><meta charset='big5'></head><body>{TRADITIONAL}</body></html>"
    assert decode_bytes(html.encode("big5"), "page.htm").text == html


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (bytes(range(256)) * 8, "not a text file"),
        (b"PK\x03\x04\x14\x00\x00\x00", "ZIP"),
    ],
)
def test_non_text_is_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(DecodingError, match=reason):
        decode_bytes(data, "x.txt")


def test_bom_with_invalid_body_is_refused() -> None:
    with pytest.raises(DecodingError, match="byte-order mark"):
        decode_bytes(codecs.BOM_UTF8 + b"\xff\xfe\xfd abc", "x.txt")


def test_garbage_decodings_score_low() -> None:
    mojibake = TRADITIONAL.encode("big5").decode("gb18030", errors="replace")
    assert plausibility(TRADITIONAL) > 0.9
    assert plausibility(mojibake) < 0.5


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=200))
def test_any_utf8_text_round_trips(text: str) -> None:
    assume(not text.startswith("\ufeff"))  # that is a byte-order mark, which decoding removes by design
    assert decode_bytes(text.encode("utf-8"), "x.txt").text == text


@given(st.binary(min_size=1, max_size=300))
def test_arbitrary_bytes_never_raise_anything_but_decoding_error(data: bytes) -> None:
    try:
        decoded = decode_bytes(data, "x.bin")
    except DecodingError as exc:
        assert str(exc)
    else:
        assert isinstance(decoded.text, str)


def test_a_few_broken_bytes_do_not_lose_the_page() -> None:
    text = "国家卫生健康委员会发布通知，要求各地做好县域医院综合能力提升工作。" * 40
    data = text.encode("gbk")
    broken = data[:500] + b"\xc7<br>" + data[500:]  # a character cut in half by markup
    decoded = decode_bytes(broken, "page.html")
    assert decoded.encoding == "gb18030"
    assert decoded.replaced >= 1
    assert decoded.text.replace("\ufffd", "").count("县域医院") >= 39


# --- what decoding hands on must be storable ----------------------------------------------------------

# Past the first 64 KB the binary sniff no longer looks, so anything can follow.
_PAST_SNIFF = ("正文。" * 11000).encode("utf-8")


def test_nul_past_the_binary_sniff_becomes_a_replacement_character() -> None:
    decoded = decode_bytes(_PAST_SNIFF + b"end\x00of\x00file", "x.txt")
    assert decoded.text.endswith("end\ufffdof\ufffdfile")
    assert decoded.replaced == 2
    assert len(decoded.text) == len(_PAST_SNIFF.decode("utf-8")) + len("end_of_file")


def test_nul_in_utf16_becomes_a_replacement_character() -> None:
    decoded = decode_bytes(codecs.BOM_UTF16_LE + "甲\x00乙".encode("utf-16-le"), "x.txt")
    assert decoded.text == "甲\ufffd乙"
    assert decoded.encoding == "utf-16-le"


@given(st.binary(min_size=1, max_size=200))
def test_decoded_text_is_always_storable(tail: bytes) -> None:
    try:
        decoded = decode_bytes(_PAST_SNIFF + tail, "x.txt")
    except DecodingError:
        return
    assert "\x00" not in decoded.text
    decoded.text.encode("utf-8")  # raises on a lone surrogate


@pytest.mark.parametrize(
    ("size", "limit", "reason"),
    [
        (300 * 1024 * 1024, 256 * 1024 * 1024, "too large (300 MB; the limit is 256 MB)"),
        (None, 256 * 1024 * 1024, "too large (more than 256 MB; the limit is 256 MB)"),
        (15 * 1024 * 1024 // 2, 5 * 1024 * 1024, "too large (7.5 MB; the limit is 5.0 MB)"),
        (2048, 1000, "too large (2 KB; the limit is 1000 bytes)"),
    ],
)
def test_too_large_reason_names_both_sizes(size: int | None, limit: int, reason: str) -> None:
    assert too_large_reason(size, limit) == reason


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Il était une fois, près de la forêt, un garçon très âgé.", "latin-1"),
        ("crème brûlée, déjà vu", "cp1252"),
        ("Größe, Übermäßig schön", "cp1252"),
        ("Příliš žluťoučký kůň úpěl ďábelské ódy.", "cp1250"),
    ],
)
def test_western_eight_bit_text_reads_as_written(text: str, encoding: str) -> None:
    """Short Western text is not Chinese in any encoding; among 8-bit guesses that fit it equally the
    common Western one wins, and an accented letter pairing with the next into a Han character is no
    Chinese reading (Größe is not Gr鲞e)."""
    assert decode_bytes(text.encode(encoding)).text == text


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("A股B股今日收盘，沪深两市成交额超过一万亿元，iPhone手机销量回升。", "gbk"),
        ("如何把pdf转word、docx转pdf、html转markdown？", "gbk"),
        ("iPad与iPhone对比", "gbk"),
        ("支持Java和js、C与go", "gbk"),
        ("如何把pdf轉word、docx轉pdf？", "big5"),
    ],
)
def test_han_between_latin_letters_in_real_chinese_still_reads_as_chinese(text: str, encoding: str) -> None:
    """A common character joining two Latin terms (pdf转word) is Chinese, even in a short text."""
    assert decode_bytes(text.encode(encoding)).text == text


def test_a_text_with_a_few_stray_nuls_is_read_with_them_replaced() -> None:
    """A few NUL bytes (a damaged save, a paste from a terminal) leave a text a text; many make binary."""
    decoded = decode_bytes("第一段文字，说明情况。\x00\x00\x00第二段文字。\n".encode())
    assert decoded.text == "第一段文字，说明情况。\ufffd\ufffd\ufffd第二段文字。\n" and decoded.replaced == 3
    with pytest.raises(DecodingError, match="binary"):
        decode_bytes(b"\x00" * 200 + "第二段文字。".encode())
