"""Fill unfinished entries of the .ts catalogues from a small table (run update.sh afterwards).

python resources/translations/fill.py        # then: sh resources/translations/update.sh
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent

# English source → (Simplified, Traditional)
TABLE: dict[str, tuple[str, str]] = {
    "Folder": ("文件夹", "資料夾"),
    "Table of contents": ("目录", "目錄"),
    "Finding names…": ("正在识别名称…", "正在識別名稱…"),
    "If it was moved or renamed, locate it to reload the document from there.": (
        "如果文件已被移动或重命名，请找到它，从新位置重新载入该文档。",
        "如果檔案已被移動或重新命名，請找到它，從新位置重新載入該文件。",
    ),
    "Locate…": ("查找…", "尋找…"),
    "Locate {0}": ("查找 {0}", "尋找 {0}"),
    "Overwrite them with the notes from the library? Your changes to them are lost.": (
        "用文库中的笔记覆盖它们吗？您对它们的修改将丢失。",
        "用文庫中的筆記覆蓋它們嗎？您對它們的修改將遺失。",
    ),
    "Overwrite": ("覆盖", "覆蓋"),
    "Keep My Changes": ("保留我的修改", "保留我的修改"),
    "(orphans: {0})": ("（孤立 {0} 条）", "（孤立 {0} 則）"),
    "File": ("文件", "檔案"),
    "{0} file": ("{0} 文件", "{0} 檔案"),
    "Markup only (a table's rule row, a heading underline)": (
        "仅为标记（表格分隔行、标题下划线）",
        "僅為標記（表格分隔列、標題底線）",
    ),
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
    "Import Files": ("导入文件", "匯入檔案"),
    "Import failed": ("导入失败", "匯入失敗"),
    "&Reload from File": ("从文件重新载入(&R)", "從檔案重新載入(&R)"),
    "Import the file again if it changed; annotations move with the text": (
        "文件有变化时重新导入；注释随文字移动",
        "檔案有變化時重新匯入；註釋隨文字移動",
    ),
    "{0} imported": ("已导入 {0} 篇", "已匯入 {0} 篇"),
    "{0} updated": ("已更新 {0} 篇", "已更新 {0} 篇"),
    "{0} already in the library": ("{0} 篇已在文库中", "{0} 篇已在文庫中"),
    "{0} skipped": ("跳过 {0} 个", "略過 {0} 個"),
    ", ": ("，", "，"),
    " (cancelled)": ("（已取消）", "（已取消）"),
    "Reload from File": ("从文件重新载入", "從檔案重新載入"),
    "{0} is no longer there.": ("{0} 已不存在。", "{0} 已不存在。"),
    "Cannot show the folder: no program is set up to open folders. The file is in {0}": (
        "无法显示文件夹：没有可以打开文件夹的程序。文件位于 {0}",
        "無法顯示資料夾：沒有可以開啟資料夾的程式。檔案位於 {0}",
    ),
    "Navigation, menu or breadcrumb": ("导航、菜单或面包屑", "導覽、選單或麵包屑"),
    "Injected spam or advertising": ("插入的垃圾信息或广告", "插入的垃圾訊息或廣告"),
    "List of related or unrelated links": ("相关或无关链接列表", "相關或無關連結列表"),
    "JavaScript or CSS": ("JavaScript 或 CSS", "JavaScript 或 CSS"),
    "Site footer, comment form or counter": ("网站页脚、评论表单或计数器", "網站頁尾、留言表單或計數器"),
    "Title, date, author or source line": ("标题、日期、作者或来源行", "標題、日期、作者或來源行"),
    "Image placeholder or file name": ("图片占位或文件名", "圖片佔位或檔名"),
    "Title repeated in the body": ("正文中重复的标题", "正文中重複的標題"),
    "Comments, replies or further posts after the article": (
        "文章后的评论、回复或其他帖子",
        "文章後的留言、回覆或其他貼文",
    ),
    "Paragraph repeated from earlier in the page": ("页面前文已出现的段落", "頁面前文已出現的段落"),
    "Punctuation or symbols only": ("只有标点或符号", "只有標點或符號"),
    "Blank line": ("空行", "空行"),
    "Removed by you": ("由你删除", "由你刪除"),
    "Regional vocabulary (软件 → 軟體)": ("地区用词（软件 → 軟體）", "地區用詞（软件 → 軟體）"),
    "Markdown: one note per document in a folder (Obsidian, Logseq)": (
        "Markdown：每篇文档一条笔记，存入文件夹（Obsidian、Logseq）",
        "Markdown：每篇文件一則筆記，存入資料夾（Obsidian、Logseq）",
    ),
    "Export Notes to Folder": ("导出笔记到文件夹", "匯出筆記到資料夾"),
    "Entity": ("实体", "實體"),
    "Documents": ("文档", "文件"),
    "Type": ("类型", "類型"),
    "Mentions": ("提及次数", "提及次數"),
    "Posts": ("职务", "職務"),
    "Less certain": ("较不确定", "較不確定"),
    "Less certain ({0})": ("较不确定（{0}）", "較不確定（{0}）"),
    " · {0} less certain": (" · {0} 个较不确定", " · {0} 個較不確定"),
    "Also written: {0}": ("又写作：{0}", "又寫作：{0}"),
    "Part of: {0}": ("隶属：{0}", "隸屬：{0}"),
    "Less certain: found on weak evidence": ("较不确定：依据不足", "較不確定：依據不足"),
    "&Delete…": ("删除(&D)…", "刪除(&D)…"),
    "Delete the selected documents and their annotations from the library": (
        "从文库中删除所选文档及其注释",
        "從文庫中刪除所選文件及其註釋",
    ),
    "&Open": ("打开(&O)", "開啟(&O)"),
    "Show in &Folder": ("在文件夹中显示(&F)", "在資料夾中顯示(&F)"),
    "Copy &Path": ("复制路径(&P)", "複製路徑(&P)"),
    "{0} · {1} characters · library {2}": ("{0} · {1} 字 · 文库 {2}", "{0} · {1} 字 · 文庫 {2}"),
    "{0}\nThe size is the space the library's data takes, recent changes included.": (
        "{0}\n大小为文库数据所占的空间，含最近的更改。",
        "{0}\n大小為文庫資料所佔的空間，含最近的變更。",
    ),
    "Path copied": ("已复制路径", "已複製路徑"),
    "Delete “{0}”?": ("删除“{0}”？", "刪除「{0}」？"),
    "This cannot be undone. The original files are not touched.": (
        "此操作无法撤销。原始文件不受影响。",
        "此操作無法復原。原始檔案不受影響。",
    ),
    "Delete Documents": ("删除文档", "刪除文件"),
    "Added": ("添加时间", "加入時間"),
    "Notes": ("注释", "註釋"),
    "The PDF preview could not be made: {0}": ("无法生成 PDF 预览：{0}", "無法產生 PDF 預覽：{0}"),
    "Go to Page": ("转到页面", "跳至頁面"),
    "Page (1–{0}):": ("页码（1–{0}）：", "頁碼（1–{0}）："),
    "Font": ("字体", "字型"),
    "Page header": ("页眉", "頁首"),
    "Page footer": ("页脚", "頁尾"),
    "Page number": ("页码", "頁碼"),
    "&Go to Page…": ("转到页面(&G)…", "跳至頁面(&G)…"),
    "Go to a page of a paged document such as a PDF (Ctrl+G)": (
        "转到分页文档（如 PDF）的某一页 (Ctrl+G)",
        "跳至分頁文件（如 PDF）的某一頁 (Ctrl+G)",
    ),
    "p. {0} / {1}": ("第 {0} / {1} 页", "第 {0} / {1} 頁"),
    "Out of memory: close other programs and try again.": (
        "内存不足：请关闭其他程序后重试。",
        "記憶體不足：請關閉其他程式後重試。",
    ),
    "A file could not be used: {0}": ("无法使用文件：{0}", "無法使用檔案：{0}"),
    "Something went wrong ({0}); nothing was lost.": (
        "出错了（{0}）；没有丢失任何内容。",
        "出錯了（{0}）；沒有遺失任何內容。",
    ),
    "Page {0} of {1} at the top of the text (Ctrl+G: Go to Page)": (
        "正文顶部为第 {0} 页，共 {1} 页（Ctrl+G：转到页面）",
        "正文頂端為第 {0} 頁，共 {1} 頁（Ctrl+G：跳至頁面）",
    ),
    "All documents": ("全部文档", "全部文件"),
    "New Collection…": ("新建合集…", "新增合集…"),
    "Rename Collection…": ("重命名合集…", "重新命名合集…"),
    "Delete Collection…": ("删除合集…", "刪除合集…"),
    "Recently &Read": ("最近阅读(&R)", "最近閱讀(&R)"),
    "Edit ▸ Undo brings them back until reader closes. The original files are not touched.": (
        "关闭 reader 之前，可用“编辑 ▸ 撤销”恢复。原始文件不受影响。",
        "關閉 reader 之前，可用「編輯 ▸ 復原」恢復。原始檔案不受影響。",
    ),
    "Ctrl+Z brings them back": ("按 Ctrl+Z 可恢复", "按 Ctrl+Z 可恢復"),
    "Last read": ("上次阅读", "上次閱讀"),
    "Not opened yet": ("尚未打开", "尚未開啟"),
    "Collections": ("合集", "合集"),
    "Read by OCR": ("OCR 识别", "OCR 辨識"),
    "Repairs": ("修复", "修復"),
    "pages {0}": ("第 {0} 页", "第 {0} 頁"),
    "Side &Panel": ("侧边栏(&P)", "側邊欄(&P)"),
    "Show or hide the Annotations, Entities, Info and Removed tabs (F9)": (
        "显示或隐藏注释、实体、信息和已删除标签页（F9）",
        "顯示或隱藏註釋、實體、資訊和已移除分頁（F9）",
    ),
    "&Tags…": ("标签(&T)…", "標籤(&T)…"),
    "Edit the tags of the selected documents": ("编辑所选文档的标签", "編輯所選文件的標籤"),
    "Add to &Collection": ("添加到合集(&C)", "加入合集(&C)"),
    "Put the selected documents in a collection": ("把所选文档放入合集", "把所選文件放入合集"),
    "&New Collection…": ("新建合集(&N)…", "新增合集(&N)…"),
    "Tags…": ("标签…", "標籤…"),
    "Add to Collection": ("添加到合集", "加入合集"),
    "Remove from Collection": ("从合集中移除", "從合集中移除"),
    "New Collection": ("新建合集", "新增合集"),
    "Name:": ("名称：", "名稱："),
    "Created collection %1": ("已新建合集 %1", "已新增合集 %1"),
    "Rename Collection": ("重命名合集", "重新命名合集"),
    "Delete the collection “%1”? Its documents stay in the library.": (
        "删除合集“%1”？其中的文档仍保留在文库中。",
        "刪除合集「%1」？其中的文件仍保留在文庫中。",
    ),
    "Delete Collection": ("删除合集", "刪除合集"),
    "Deleted collection %1": ("已删除合集 %1", "已刪除合集 %1"),
    "Drawing page {0}…": ("正在绘制第 {0} 页…", "正在繪製第 {0} 頁…"),
    "This PDF needs a password, so its pages cannot be shown as printed.": (
        "此 PDF 需要密码，无法按印刷版式显示页面。",
        "此 PDF 需要密碼，無法按印刷版式顯示頁面。",
    ),
    "This page cannot be shown as printed: {0}.": ("无法按印刷版式显示此页：{0}。", "無法按印刷版式顯示此頁：{0}。"),
    "No document read yet": ("还没有读过任何文档", "還沒有讀過任何文件"),
    "Keep Line {0} in the Cleaned Text": ("在清理后的文本中保留第 {0} 行", "在清理後的文字中保留第 {0} 行"),
    "Remove Line {0} from the Cleaned Text": ("从清理后的文本中删除第 {0} 行", "從清理後的文字中刪除第 {0} 行"),
    "Use the Cleaner's Decision for Line {0}": ("第 {0} 行采用清理程序的判断", "第 {0} 行採用清理程式的判斷"),
    "Separate tags with commas.": ("标签之间用逗号分隔。", "標籤之間用逗號分隔。"),
    "In use: %1": ("已在使用：%1", "已在使用：%1"),
    "&Page as Printed": ("按印刷版式显示页面(&P)", "按印刷版式顯示頁面(&P)"),
    "Show the page of a PDF as printed instead of its text (Ctrl+Shift+P)": (
        "以 PDF 的印刷版式代替文字显示页面（Ctrl+Shift+P）",
        "以 PDF 的印刷版式代替文字顯示頁面（Ctrl+Shift+P）",
    ),
    "Page {0} of {1} shown as printed (Ctrl+G: Go to Page)": (
        "按印刷版式显示第 {0} 页，共 {1} 页（Ctrl+G：转到页面）",
        "按印刷版式顯示第 {0} 頁，共 {1} 頁（Ctrl+G：跳至頁面）",
    ),
    "The file of this document was not kept when it was imported, so its pages cannot be shown.": (
        "导入此文档时未保留其文件，因此无法显示页面。",
        "匯入此文件時未保留其檔案，因此無法顯示頁面。",
    ),
    "Importing {0} of {1}: {2}, {3} of {4} pages read": (
        "正在导入第 {0} 个，共 {1} 个：{2}，已识别 {3} 页，共 {4} 页",
        "正在匯入第 {0} 個，共 {1} 個：{2}，已辨識 {3} 頁，共 {4} 頁",
    ),
    "Cleaning documents again with the improved cleaner…": (
        "正在用改进后的清理器重新清理文档…",
        "正在用改進後的清理器重新清理文件…",
    ),
    "Password Required": ("需要密码", "需要密碼"),
    "“{0}” is protected by a password. Enter it to import the document:": (
        "“{0}”受密码保护。输入密码以导入此文档：",
        "「{0}」受密碼保護。輸入密碼以匯入此文件：",
    ),
    "The password was not right.": ("密码不正确。", "密碼不正確。"),
    "Opening {0}…": ("正在打开 {0}…", "正在開啟 {0}…"),
    "&Resume": ("继续(&R)", "繼續(&R)"),
    "D&iscard": ("放弃(&I)", "放棄(&I)"),
    "Import the rest; pages already read by OCR are not read again": (
        "导入其余部分；OCR 已识别的页不再重新识别",
        "匯入其餘部分；OCR 已辨識的頁面不再重新辨識",
    ),
    "Forget the unfinished import and the pages it had read": (
        "放弃未完成的导入及其已识别的页",
        "放棄未完成的匯入及其已辨識的頁面",
    ),
    "Unfinished import discarded": ("已放弃未完成的导入", "已放棄未完成的匯入"),
    "{0} (*{1});;All files (*)": ("{0} (*{1});;所有文件 (*)", "{0} (*{1});;所有檔案 (*)"),
    "The space the library's data takes, recent changes included (as in the status bar).\n"
    "On disk now: {0} (the library file and its write-ahead log, which holds recent changes until they are "
    "written into the file).": (
        "文库数据所占的空间，包括最近的更改（与状态栏相同）。\n"
        "当前磁盘占用：{0}（文库文件及其预写日志；日志保存最近的更改，直到写入文件）。",
        "文庫資料所占的空間，包括最近的變更（與狀態列相同）。\n"
        "目前磁碟占用：{0}（文庫檔案及其預寫日誌；日誌保存最近的變更，直到寫入檔案）。",
    ),
}

# Counted strings (`tr("%n thing(s)", "", n)`): Chinese has one plural form.
NUMERUS: dict[str, tuple[str, str]] = {
    "An import did not finish: %n file(s) still to import.": (
        "有一次导入未完成：还有 %n 个文件待导入。",
        "有一次匯入未完成：還有 %n 個檔案待匯入。",
    ),
    "Restored %n document(s)": ("已恢复 %n 篇文档", "已恢復 %n 篇文件"),
    "%n document(s) could not come back: the same file was imported again": (
        "%n 篇文档无法恢复：同一文件已重新导入",
        "%n 篇文件無法恢復：同一檔案已重新匯入",
    ),
    "the file of %n deleted document(s) was imported again since": (
        "已删除的 %n 篇文档的文件此后已重新导入",
        "已刪除的 %n 篇文件的檔案此後已重新匯入",
    ),
    "%n annotation(s) moved there": ("%n 条注释已移到该文档", "%n 則註釋已移到該文件"),
    "%n note(s) changed since the last export were kept as you edited them:": (
        "自上次导出后修改过的 %n 篇笔记已按您的修改保留：",
        "自上次匯出後修改過的 %n 篇筆記已按您的修改保留：",
    ),
    "%n file(s) no export wrote were left alone; the notes went beside them.": (
        "%n 个并非导出写入的文件未被改动；笔记已写在其旁边。",
        "%n 個並非匯出寫入的檔案未被改動；筆記已寫在其旁邊。",
    ),
    "Names are not found yet in %n document(s): the search leaves them out": (
        "尚有 %n 篇文档未识别人名地名：本次搜索未包括它们",
        "尚有 %n 篇文件未識別人名地名：本次搜尋未包括它們",
    ),
    "Delete %n document(s)": ("删除 %n 篇文档", "刪除 %n 篇文件"),
    "Tags changed on %n document(s)": ("已修改 %n 篇文档的标签", "已修改 %n 篇文件的標籤"),
    "Added %n document(s) to %1": ("已将 %n 篇文档添加到 %1", "已將 %n 篇文件加入 %1"),
    "Removed %n document(s) from %1": ("已从 %1 移除 %n 篇文档", "已從 %1 移除 %n 篇文件"),
    "Tags of %n document(s):": ("%n 篇文档的标签：", "%n 篇文件的標籤："),
    "%n annotation(s)": ("%n 条注释", "%n 則註釋"),
    ", %n orphan(s)": ("，%n 条孤立", "，%n 則孤立"),
    "%n document(s)": ("%n 篇文档", "%n 篇文件"),
    "Delete %n document(s)?": ("删除 %n 篇文档？", "刪除 %n 篇文件？"),
    "%n annotation(s) will be deleted with it.": ("其 %n 条注释也将一并删除。", "其 %n 則註釋也將一併刪除。"),
    "%n annotation(s) will be deleted with them.": ("它们的 %n 条注释也将一并删除。", "它們的 %n 則註釋也將一併刪除。"),
    "Deleted %n document(s)": ("已删除 %n 篇文档", "已刪除 %n 篇文件"),
    "%n line(s) removed": ("已删除 %n 行", "已移除 %n 行"),
}


def fill_numerus(text: str, forms: Callable[[str], list[str] | None]) -> tuple[str, int]:
    """Fill unfinished counted messages with the plural forms `forms` gives for their source."""
    count = 0

    def one(m: re.Match[str]) -> str:
        nonlocal count
        given = forms(html.unescape(m.group(2)))
        if given is None:
            return m.group(0)
        count += 1
        inner = "".join(f"<numerusform>{html.escape(f, quote=False)}</numerusform>" for f in given)
        return f"{m.group(1)}>{inner}</translation>"

    pattern = (
        r'(<message numerus="yes">\s*<source>([^<]*)</source>\s*<translation) type="unfinished">'
        r"\s*(?:<numerusform>[^<]*</numerusform>\s*)*</translation>"
    )
    return re.sub(pattern, one, text), count


def english_forms(source: str) -> list[str] | None:
    """English needs a singular and a plural: "%n annotation(s)" → "%n annotation", "%n annotations"."""
    if "(s)" not in source:
        return None
    return [source.replace("(s)", ""), source.replace("(s)", "s")]


def fill(path: Path, column: int) -> int:
    text = path.read_text(encoding="utf-8")
    filled = 0
    for source, (simplified, traditional) in TABLE.items():
        target = simplified if column == 0 else traditional
        pattern = re.compile(
            r"(<source>"
            + re.escape(html.escape(source, quote=False).replace("'", "&apos;"))
            + r'</source>\s*<translation) type="unfinished">[^<]*</translation>'
        )
        replacement = ">" + html.escape(target, quote=False) + "</translation>"
        text, n = pattern.subn(lambda m, r=replacement: m.group(1) + r, text)
        filled += n
    # A string that moved to another class keeps its translation from the context it came from.
    known: dict[str, str] = {}
    for m in re.finditer(r"<source>([^<]*)</source>\s*<translation>([^<]*)</translation>", text, re.S):
        known.setdefault(m.group(1), m.group(2))

    def reuse(m: re.Match[str]) -> str:
        nonlocal filled
        found = known.get(m.group(2))
        if found is None:
            return m.group(0)
        filled += 1
        return f"{m.group(1)}>{found}</translation>"

    text = re.sub(
        r'(<source>([^<]*)</source>\s*<translation) type="unfinished">[^<]*</translation>', reuse, text, flags=re.S
    )
    text, counted = fill_numerus(text, lambda source: [NUMERUS[source][column]] if source in NUMERUS else None)
    filled += counted
    path.write_text(text, encoding="utf-8")
    return filled


if __name__ == "__main__":
    for name, column in (("reader_zh_CN.ts", 0), ("reader_zh_TW.ts", 1)):
        print(name, fill(HERE / name, column), "filled")
    english = HERE / "reader_en.ts"
    filled_text, n = fill_numerus(english.read_text(encoding="utf-8"), english_forms)
    english.write_text(filled_text, encoding="utf-8")
    print(english.name, n, "plural forms filled")
