"""Small, realistic DOCX, EPUB and MHTML files written part by part, as Word, an EPUB producer and a browser
write them, for tests that cannot run those producers here.

The parts follow the published structures (OOXML WordprocessingML, EPUB 2/3 OCF and OPF, MHTML as RFC 2557
multipart/related); the text is the project's own.
"""

from __future__ import annotations

import io
import quopri
import zipfile

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W_DECL = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<{{root}} xmlns:w="{W_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
)

DOCX_TITLE = "城市公共文化设施运行情况报告"
DOCX_BODY_TEXT = [
    "城市公共文化设施运行情况报告",  # Title style
    "一、总体情况",  # Heading 1 by the Chinese built-in style (outline level in styles.xml)
    "全年图书馆接待读者一千二百万人次，比上年增长百分之八。[1]",
    "（一）设施建设",  # a style named "标题 2" with no outline level
    "新建社区阅览室四十二个。",
    "1. 完成街道文化中心改造。",
    "2. 开放夜间阅读空间。",
    "• 试点自助借还服务",
    "类别\t数量\t增长",
    "图书馆\t38\t5%",
    "文化馆\t\t3%",
    "二、存在问题",
    "部分设施利用率偏低。[2]",
    "[1] 数据来自年度统计公报。",
    "[2] 以开放时长计算。",
]


def w_part(root: str, body: str) -> str:
    return _W_DECL.replace("{root}", root) + body + f"</{root}>"


def paragraph(text: str, style: str | None = None, num: tuple[int, int] | None = None, extra: str = "") -> str:
    ppr = ""
    if style or num:
        ppr = "<w:pPr>"
        if style:
            ppr += f'<w:pStyle w:val="{style}"/>'
        if num:
            ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
        ppr += "</w:pPr>"
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r>{extra}</w:p>'


def cell(text: str, merge: str | None = None) -> str:
    tcpr = f'<w:tcPr><w:vMerge w:val="{merge}"/></w:tcPr>' if merge == "restart" else ""
    if merge == "continue":
        tcpr = "<w:tcPr><w:vMerge/></w:tcPr>"
    return f"<w:tc>{tcpr}{paragraph(text)}</w:tc>"


def docx_parts(**replace: str | None) -> dict[str, str]:
    """The parts of a report as Word saves it; `replace` swaps or (with None) drops a part by name."""
    note_ref = '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="{}"/></w:r>'
    body = "".join(
        [
            paragraph(DOCX_BODY_TEXT[0], "Title"),
            paragraph(DOCX_BODY_TEXT[1], "1"),
            # A run split as Word splits runs, a tracked deletion and a field code that must not show.
            "<w:p><w:r><w:t>全年图书馆接待读者一千二百万人次，</w:t></w:r>"
            '<w:del w:id="9" w:author="x"><w:r><w:delText>约</w:delText></w:r></w:del>'
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
            "<w:r><w:t>比上年增长百分之八。</w:t></w:r>" + note_ref.format(2) + "</w:p>",
            paragraph(DOCX_BODY_TEXT[3], "a2"),
            paragraph(DOCX_BODY_TEXT[4]),
            paragraph("完成街道文化中心改造。", "ListParagraph", (1, 0)),
            paragraph("开放夜间阅读空间。", "ListParagraph", (1, 0)),
            paragraph("试点自助借还服务", "ListParagraph", (2, 0)),
            "<w:tbl><w:tblPr/>"
            f"<w:tr>{cell('类别')}{cell('数量')}{cell('增长')}</w:tr>"
            f"<w:tr>{cell('图书馆')}{cell('38', 'restart')}{cell('5%')}</w:tr>"
            f"<w:tr>{cell('文化馆')}{cell('', 'continue')}{cell('3%')}</w:tr>"
            "</w:tbl>",
            paragraph(DOCX_BODY_TEXT[11], "1"),
            paragraph("部分设施利用率偏低。", extra=note_ref.format(3)),
            paragraph("", None),
            '<w:sectPr><w:headerReference w:type="default" r:id="rId8" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></w:sectPr>',
        ]
    )
    styles = (
        '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="a"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/>'
        '<w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="a2"><w:name w:val="标题 2"/><w:basedOn w:val="a"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/></w:style>'
        '<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/></w:style>'
    )
    numbering = (
        '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
        '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/>'
        '<w:lvlText w:val="\uf0b7"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
    )
    footnotes = (
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
        "</w:footnote>"
        '<w:footnote w:id="3"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> 以开放时长计算。</w:t>'
        "</w:r></w:p></w:footnote>"
        '<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> 数据来自年度统计公报。'
        "</w:t></w:r></w:p></w:footnote>"
    )
    parts: dict[str, str | None] = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="word/document.xml"/></Relationships>'
        ),
        "word/document.xml": w_part("w:document", f"<w:body>{body}</w:body>"),
        "word/styles.xml": w_part("w:styles", styles),
        "word/numbering.xml": w_part("w:numbering", numbering),
        "word/footnotes.xml": w_part("w:footnotes", footnotes),
        "word/header1.xml": w_part("w:hdr", paragraph("市文化和旅游局")),
        "word/footer1.xml": w_part("w:ftr", paragraph("内部资料 注意保存")),
        "docProps/core.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{DOCX_TITLE}</dc:title><dc:creator>市文化和旅游局</dc:creator>"
            '<dcterms:created xsi:type="dcterms:W3CDTF">2024-03-15T08:30:00Z</dcterms:created>'
            "</cp:coreProperties>"
        ),
    }
    parts.update(replace)
    return {name: text for name, text in parts.items() if text is not None}


def zip_bytes(parts: dict[str, str | bytes], stored_first: str | None = None) -> bytes:
    """A ZIP of `parts` (deflated), with `stored_first` written first and uncompressed (EPUB's mimetype)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if stored_first is not None:
            archive.writestr(zipfile.ZipInfo(stored_first), parts[stored_first], zipfile.ZIP_STORED)
        for name, content in parts.items():
            if name != stored_first:
                archive.writestr(name, content)
    return buffer.getvalue()


def make_docx(**replace: str | None) -> bytes:
    return zip_bytes(dict(docx_parts(**replace)))


EPUB_TITLE = "运河记"
EPUB_CHAPTERS = [
    ("第一章 源头", ["运河的源头在城北的山里。", "春天的水最清。"]),
    ("第二章 码头", ["码头上挤满了运粮的船。", "船工唱着号子。"]),
]


def chapter(title: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="zh-CN">'
        f'<head><title>{title}</title><link rel="stylesheet" href="../style.css"/></head>'
        f'<body><section epub:type="chapter"><h1>{title}</h1>{body}</section></body></html>'
    )


def epub_parts(encryption: str | None = None, **replace: str | None) -> dict[str, str | bytes]:
    """An EPUB 3 book with an EPUB 2 NCX: two chapters listed in the manifest in the reverse of the
    spine order (the spine decides), a navigation document in the spine, chapters in a subfolder."""
    opf = (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid">'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f'<dc:identifier id="uid">urn:uuid:0b7e6f1e-1111-4c2a-9d7e-2a1f0c3d4e5f</dc:identifier>'
        f"<dc:title>{EPUB_TITLE}</dc:title><dc:creator>林河</dc:creator><dc:language>zh-CN</dc:language>"
        "<dc:date>2021-06-01</dc:date><dc:publisher>河畔出版社</dc:publisher>"
        '<meta property="dcterms:modified">2021-06-02T00:00:00Z</meta></metadata>'
        "<manifest>"
        '<item id="c2" href="text/ch%202.xhtml" media-type="application/xhtml+xml"/>'
        '<item id="c1" href="text/ch1.xhtml" media-type="application/xhtml+xml"/>'
        '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
        '<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>'
        '<item id="css" href="style.css" media-type="text/css"/>'
        "</manifest>"
        '<spine toc="ncx"><itemref idref="nav"/><itemref idref="c1"/><itemref idref="c2"/></spine></package>'
    )
    nav = (
        '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml" '
        'xmlns:epub="http://www.idpf.org/2007/ops"><head><title>目录</title></head><body>'
        '<nav epub:type="toc"><h1>目录</h1><ol><li><a href="text/ch1.xhtml">第一章 源头</a></li>'
        '<li><a href="text/ch%202.xhtml">第二章 码头</a></li></ol></nav></body></html>'
    )
    parts: dict[str, str | bytes | None] = {
        "mimetype": "application/epub+zip",
        "META-INF/container.xml": (
            '<?xml version="1.0"?><container version="1.0" '
            'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
            '<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
            "</rootfiles></container>"
        ),
        "OEBPS/content.opf": opf,
        "OEBPS/nav.xhtml": nav,
        "OEBPS/toc.ncx": '<?xml version="1.0"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"/>',
        "OEBPS/style.css": "p { text-indent: 2em; }",
        "OEBPS/text/ch1.xhtml": chapter(*EPUB_CHAPTERS[0]),
        "OEBPS/text/ch 2.xhtml": chapter(*EPUB_CHAPTERS[1]),
        "META-INF/encryption.xml": encryption,
    }
    parts.update(replace)
    return {name: content for name, content in parts.items() if content is not None}


def encryption_xml(algorithm: str, uri: str) -> str:
    return (
        '<?xml version="1.0"?><encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
        'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>'
        f'<enc:EncryptionMethod Algorithm="{algorithm}"/>'
        f'<enc:CipherData><enc:CipherReference URI="{uri}"/></enc:CipherData></enc:EncryptedData></encryption>'
    )


def make_epub(encryption: str | None = None, **replace: str | None) -> bytes:
    return zip_bytes(epub_parts(encryption, **replace), stored_first="mimetype")


MHTML_TITLE = "关于朱镕基同志讲话精神的学习材料"
MHTML_PARAGRAPH = "各单位要认真组织学习，结合实际抓好落实，确保各项工作取得实效，并于月底前报送学习情况。"


def mhtml_page(charset: str = "gb2312") -> str:
    return (
        f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>{MHTML_TITLE}</title></head><body>'
        "<nav><a href='/'>首页</a> | <a href='/news'>通知公告</a> | <a href='/about'>关于我们</a></nav>"
        f"<article><h1>{MHTML_TITLE}</h1><p>{MHTML_PARAGRAPH}</p><p>{MHTML_PARAGRAPH}</p></article>"
        "<footer>版权所有 市政府办公厅</footer></body></html>"
    )


def make_mhtml(charset: str = "gb2312", encoding: str = "gb18030", transfer: str = "quoted-printable") -> bytes:
    """A page saved as one file the way a browser writes it: multipart/related, the HTML part first in a
    transfer encoding, an image after it. The page declares `charset` and is encoded with `encoding`
    (a GB2312 label on GBK text, such as 镕, is what older pages carry)."""
    boundary = "----MultipartBoundary--4kQ7vD3eT0Yp1nZ8"
    page = mhtml_page(charset).encode(encoding)
    if transfer == "quoted-printable":
        body = quopri.encodestring(page)
    else:
        import base64

        body = base64.encodebytes(page)
    head = (
        "From: <Saved by Blink>\r\n"
        "Snapshot-Content-Location: https://example.org/notice/2024/0315.html\r\n"
        "Subject: =?utf-8?Q?notice?=\r\n"
        "Date: Fri, 15 Mar 2024 08:30:00 -0000\r\n"
        "MIME-Version: 1.0\r\n"
        f'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="{boundary}"\r\n\r\n'
    )
    html_part = (
        f"--{boundary}\r\nContent-Type: text/html; charset={charset}\r\nContent-ID: <frame-1@mhtml.blink>\r\n"
        f"Content-Transfer-Encoding: {transfer}\r\nContent-Location: https://example.org/notice/2024/0315.html\r\n\r\n"
    )
    image_part = (
        f"\r\n--{boundary}\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
        "Content-Location: https://example.org/logo.png\r\n\r\niVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGBgAAAABQABpfZFQAAAAABJRU5ErkJggg==\r\n"
        f"--{boundary}--\r\n"
    )
    return head.encode("ascii") + html_part.encode("ascii") + body.replace(b"\n", b"\r\n") + image_part.encode("ascii")


def corruptions(data: bytes, count: int, seed: int) -> list[bytes]:
    """`count` damaged copies of `data`, half cut short and half with a few bytes overwritten, reproducibly."""
    import random

    rng = random.Random(seed)
    out = []
    for k in range(count):
        damaged = bytearray(data[: rng.randrange(len(data))] if k % 2 else data)
        if not k % 2:
            for _ in range(rng.randint(1, 8)):
                damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        out.append(bytes(damaged))
    return out
