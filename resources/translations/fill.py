"""Fill unfinished entries of the .ts catalogues from a small table (run update.sh afterwards).

python resources/translations/fill.py        # then: sh resources/translations/update.sh
"""

from __future__ import annotations

import html
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent

# English source → (Simplified, Traditional)
TABLE: dict[str, tuple[str, str]] = {
    "&All Annotations…": ("全部注释(&A)…", "全部註釋(&A)…"),
    "All Annotations": ("全部注释", "全部註釋"),
    "Search quotes, notes and tags (either script)": (
        "搜索引文、笔记和标签（简繁皆可）",
        "搜尋引文、筆記和標籤（簡繁皆可）",
    ),
    "All colours": ("全部颜色", "全部顏色"),
    "All tags": ("全部标签", "全部標籤"),
    "Quote": ("引文", "引文"),
    "Note": ("笔记", "筆記"),
    "Tags": ("标签", "標籤"),
    "Document": ("文档", "文件"),
    "Modified": ("修改时间", "修改時間"),
    " (orphan)": ("（孤立）", "（孤立）"),
    "{0} annotations": ("{0} 条注释", "{0} 則註釋"),
    "Match": ("匹配", "符合"),
    "Regional vocabulary (软件 → 軟體)": ("地区用词（软件 → 軟體）", "地區用詞（软件 → 軟體）"),
    "Markdown: one note per document in a folder (Obsidian, Logseq)": (
        "Markdown：每篇文档一条笔记，存入文件夹（Obsidian、Logseq）",
        "Markdown：每篇文件一則筆記，存入資料夾（Obsidian、Logseq）",
    ),
    "Export Notes to Folder": ("导出笔记到文件夹", "匯出筆記到資料夾"),
}


def fill(path: Path, column: int) -> int:
    text = path.read_text(encoding="utf-8")
    filled = 0
    for source, (simplified, traditional) in TABLE.items():
        target = simplified if column == 0 else traditional
        pattern = re.compile(
            r"(<source>"
            + re.escape(html.escape(source, quote=False))
            + r'</source>\s*<translation) type="unfinished">[^<]*</translation>'
        )
        replacement = ">" + html.escape(target, quote=False) + "</translation>"
        text, n = pattern.subn(lambda m, r=replacement: m.group(1) + r, text)
        filled += n
    path.write_text(text, encoding="utf-8")
    return filled


if __name__ == "__main__":
    for name, column in (("reader_zh_CN.ts", 0), ("reader_zh_TW.ts", 1)):
        print(name, fill(HERE / name, column), "filled")
