<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About reader</source>
        <translation>關於 reader</translation>
    </message>
    <message>
        <source>Read, clean, convert and annotate Chinese-language reports offline.</source>
        <translation>離線閱讀、清理、轉換和批註中文報告。</translation>
    </message>
    <message>
        <source>Python {0} · Qt {1} · PySide6 {2}</source>
        <translation>Python {0} · Qt {1} · PySide6 {2}</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>文庫</translation>
    </message>
    <message>
        <source>The space the library&apos;s data takes, recent changes included (as in the status bar).
On disk now: {0} (the library file and its write-ahead log, which holds recent changes until they are written into the file).</source>
        <translation>文庫資料所占的空間，包括最近的變更（與狀態列相同）。
目前磁碟占用：{0}（文庫檔案及其預寫日誌；日誌保存最近的變更，直到寫入檔案）。</translation>
    </message>
    <message>
        <source>Library size</source>
        <translation>文庫大小</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>元件</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>授權條款</translation>
    </message>
    <message>
        <source>reader is free software under the MIT licence. Qt and PySide6 are used under the LGPL version 3; the components above keep their own licences.</source>
        <translation>reader 是採用 MIT 授權條款的自由軟體。Qt 和 PySide6 依 LGPL 第 3 版使用；上列各元件沿用各自的授權條款。</translation>
    </message>
</context>
<context>
    <name>AnnotationController</name>
    <message>
        <source>&amp;Highlight</source>
        <translation>標示(&amp;H)</translation>
    </message>
    <message>
        <source>Highlight the selection with the last colour (H)</source>
        <translation>用上次的顏色標示所選文字 (H)</translation>
    </message>
    <message>
        <source>Highlight with &amp;Note…</source>
        <translation>標示並寫註解(&amp;N)…</translation>
    </message>
    <message>
        <source>Highlight Every &amp;Occurrence</source>
        <translation>標示所有出現之處(&amp;O)</translation>
    </message>
    <message>
        <source>Highlight as “{0}”</source>
        <translation>標示為「{0}」</translation>
    </message>
    <message>
        <source>&amp;All Annotations…</source>
        <translation>全部註釋(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>復原(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Highlight &amp;Colour</source>
        <translation>標示顏色(&amp;C)</translation>
    </message>
    <message>
        <source>Highlight Colour</source>
        <translation>標示顏色</translation>
    </message>
    <message>
        <source>Edit Note…</source>
        <translation>編輯註解…</translation>
    </message>
    <message>
        <source>Delete Highlight</source>
        <translation>刪除標示</translation>
    </message>
    <message>
        <source>Select some text first</source>
        <translation>請先選擇一段文字</translation>
    </message>
    <message>
        <source>Annotations are made on the cleaned text (Ctrl+U)</source>
        <translation>註解只能在清理後的文字上新增 (Ctrl+U)</translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation>標示</translation>
    </message>
    <message>
        <source>Highlight every occurrence</source>
        <translation>標示所有出現之處</translation>
    </message>
    <message>
        <source>{0} passages highlighted</source>
        <translation>已標示 {0} 處</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>編輯註解</translation>
    </message>
    <message>
        <source>Delete highlight</source>
        <translation>刪除標示</translation>
    </message>
    <message>
        <source>Highlight deleted — Ctrl+Z brings it back</source>
        <translation>標示已刪除——按 Ctrl+Z 可恢復</translation>
    </message>
    <message>
        <source>Re-attach</source>
        <translation>重新關聯</translation>
    </message>
    <message>
        <source>Select the passage first.</source>
        <translation>請先選擇要關聯的段落。</translation>
    </message>
    <message>
        <source>Re-attach note</source>
        <translation>重新關聯註解</translation>
    </message>
</context>
<context>
    <name>AnnotationDialog</name>
    <message>
        <source>Note</source>
        <translation>註解</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>顏色</translation>
    </message>
    <message>
        <source>Your note (plain text; Markdown is fine)</source>
        <translation>你的註解（純文字，可用 Markdown）</translation>
    </message>
    <message>
        <source>tags, separated by commas</source>
        <translation>標籤，用逗號分隔</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>標籤</translation>
    </message>
</context>
<context>
    <name>AnnotationsBrowser</name>
    <message>
        <source>All Annotations</source>
        <translation>全部註釋</translation>
    </message>
    <message>
        <source>Search quotes, notes and tags (either script)</source>
        <translation>搜尋引文、筆記和標籤（簡繁皆可）</translation>
    </message>
    <message>
        <source>All colours</source>
        <translation>全部顏色</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>全部標籤</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>引文</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>筆記</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>修改時間</translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s)</source>
        <translation>
            <numerusform>%n 則註釋</numerusform>
        </translation>
    </message>
    <message>
        <source> (orphan)</source>
        <translation>（孤立）</translation>
    </message>
</context>
<context>
    <name>AnnotationsPanel</name>
    <message>
        <source>Quote</source>
        <translation>引文</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>註解</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>編輯…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
    <message>
        <source>Re-attach to Selection</source>
        <translation>關聯到所選文字</translation>
    </message>
    <message>
        <source>Select text in the reading pane, then attach this orphan to it</source>
        <translation>在閱讀區選擇文字，再把這條失去原文的註解關聯到該處</translation>
    </message>
    <message>
        <source>Orphans ({0}): their text is gone</source>
        <translation>失去原文的註解（{0}）：原文已不存在</translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s)</source>
        <translation>
            <numerusform>%n 則註釋</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n orphan(s)</source>
        <translation>
            <numerusform>，%n 則孤立</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CollectionsPanel</name>
    <message>
        <source>All documents</source>
        <translation>全部文件</translation>
    </message>
    <message>
        <source>New Collection…</source>
        <translation>新增合集…</translation>
    </message>
    <message>
        <source>Rename Collection…</source>
        <translation>重新命名合集…</translation>
    </message>
    <message>
        <source>Delete Collection…</source>
        <translation>刪除合集…</translation>
    </message>
</context>
<context>
    <name>DocumentController</name>
    <message>
        <source>Edit &amp;Metadata…</source>
        <translation>編輯後設資料(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Reload from File</source>
        <translation>從檔案重新載入(&amp;R)</translation>
    </message>
    <message>
        <source>Import the file again if it changed; annotations move with the text</source>
        <translation>檔案有變化時重新匯入；註釋隨文字移動</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>開啟(&amp;O)</translation>
    </message>
    <message>
        <source>Show in &amp;Folder</source>
        <translation>在資料夾中顯示(&amp;F)</translation>
    </message>
    <message>
        <source>Copy &amp;Path</source>
        <translation>複製路徑(&amp;P)</translation>
    </message>
    <message>
        <source>Recently &amp;Read</source>
        <translation>最近閱讀(&amp;R)</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n 篇文件</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} · {1} characters · library {2}</source>
        <translation>{0} · {1} 字 · 文庫 {2}</translation>
    </message>
    <message>
        <source>{0}
The size is the space the library&apos;s data takes, recent changes included.</source>
        <translation>{0}
大小為文庫資料所佔的空間，含最近的變更。</translation>
    </message>
    <message>
        <source>Line {0} restored</source>
        <translation>第 {0} 行已恢復</translation>
    </message>
    <message>
        <source>Line {0} removed</source>
        <translation>第 {0} 行已刪除</translation>
    </message>
    <message>
        <source>Line {0} reset</source>
        <translation>第 {0} 行已還原為清理程式的判斷</translation>
    </message>
    <message>
        <source>Reload from File</source>
        <translation>從檔案重新載入</translation>
    </message>
    <message>
        <source>{0} is no longer there.</source>
        <translation>{0} 已不存在。</translation>
    </message>
    <message>
        <source>If it was moved or renamed, locate it to reload the document from there.</source>
        <translation>如果檔案已被移動或重新命名，請找到它，從新位置重新載入該文件。</translation>
    </message>
    <message>
        <source>Locate…</source>
        <translation>尋找…</translation>
    </message>
    <message>
        <source>Locate {0}</source>
        <translation>尋找 {0}</translation>
    </message>
    <message>
        <source>Documents ({0});;All files (*)</source>
        <translation>文件 ({0});;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Cannot show the folder: no program is set up to open folders. The file is in {0}</source>
        <translation>無法顯示資料夾：沒有可以開啟資料夾的程式。檔案位於 {0}</translation>
    </message>
    <message>
        <source>Path copied</source>
        <translation>已複製路徑</translation>
    </message>
</context>
<context>
    <name>DocumentDeletion</name>
    <message>
        <source>&amp;Delete…</source>
        <translation>刪除(&amp;D)…</translation>
    </message>
    <message>
        <source>Delete the selected documents and their annotations from the library</source>
        <translation>從文庫中刪除所選文件及其註釋</translation>
    </message>
    <message>
        <source>Delete “{0}”?</source>
        <translation>刪除「{0}」？</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n document(s)?</source>
        <translation>
            <numerusform>刪除 %n 篇文件？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s) will be deleted with it.</source>
        <translation>
            <numerusform>其 %n 則註釋也將一併刪除。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s) will be deleted with them.</source>
        <translation>
            <numerusform>它們的 %n 則註釋也將一併刪除。</numerusform>
        </translation>
    </message>
    <message>
        <source>Edit ▸ Undo brings them back until reader closes. The original files are not touched.</source>
        <translation>關閉 reader 之前，可用「編輯 ▸ 復原」恢復。原始檔案不受影響。</translation>
    </message>
    <message>
        <source>Delete Documents</source>
        <translation>刪除文件</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n document(s)</source>
        <translation>
            <numerusform>刪除 %n 篇文件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n document(s)</source>
        <translation>
            <numerusform>已刪除 %n 篇文件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s)</source>
        <translation>
            <numerusform>%n 則註釋</numerusform>
        </translation>
    </message>
    <message>
        <source>Ctrl+Z brings them back</source>
        <translation>按 Ctrl+Z 可恢復</translation>
    </message>
    <message numerus="yes">
        <source>Restored %n document(s)</source>
        <translation>
            <numerusform>已恢復 %n 篇文件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the file of %n deleted document(s) was imported again since</source>
        <translation>
            <numerusform>已刪除的 %n 篇文件的檔案此後已重新匯入</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s) moved there</source>
        <translation>
            <numerusform>%n 則註釋已移到該文件</numerusform>
        </translation>
    </message>
    <message>
        <source>(orphans: {0})</source>
        <translation>（孤立 {0} 則）</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) could not come back: the same file was imported again</source>
        <translation>
            <numerusform>%n 篇文件無法恢復：同一檔案已重新匯入</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentTableModel</name>
    <message>
        <source>Title</source>
        <translation>標題</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>來源</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>字數</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>簡繁</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>加入時間</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>註釋</translation>
    </message>
    <message>
        <source>Last read</source>
        <translation>上次閱讀</translation>
    </message>
    <message>
        <source>Not opened yet</source>
        <translation>尚未開啟</translation>
    </message>
</context>
<context>
    <name>EntitiesController</name>
    <message>
        <source>&amp;Who&apos;s Who…</source>
        <translation>人物誌(&amp;W)…</translation>
    </message>
</context>
<context>
    <name>EntitiesPanel</name>
    <message>
        <source>Filter</source>
        <translation>篩選</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>實體</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>次數</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳情</translation>
    </message>
    <message>
        <source>&amp;Highlight in Text</source>
        <translation>在正文中標示(&amp;H)</translation>
    </message>
    <message>
        <source>Show &amp;Documents Mentioning It</source>
        <translation>顯示提及它的文件(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>複製(&amp;C)</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人物</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>機構</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>地點</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>數字</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>術語</translation>
    </message>
    <message>
        <source>Titles</source>
        <translation>職務</translation>
    </message>
    <message>
        <source>Less certain</source>
        <translation>較不確定</translation>
    </message>
    <message>
        <source>No entities found in this document.</source>
        <translation>本文件中沒有找到實體。</translation>
    </message>
    <message>
        <source>Also written: {0}</source>
        <translation>又寫作：{0}</translation>
    </message>
    <message>
        <source>Part of: {0}</source>
        <translation>隸屬：{0}</translation>
    </message>
    <message>
        <source>Less certain: found on weak evidence</source>
        <translation>較不確定：依據不足</translation>
    </message>
    <message>
        <source>{0} mentions · click to highlight, double-click for documents</source>
        <translation>提及 {0} 次 · 按一下標示，按兩下檢視相關文件</translation>
    </message>
    <message>
        <source>Finding people, places and organisations…</source>
        <translation>正在尋找人物、地點和機構…</translation>
    </message>
</context>
<context>
    <name>ErrorHook</name>
    <message>
        <source>Out of memory: close other programs and try again.</source>
        <translation>記憶體不足：請關閉其他程式後重試。</translation>
    </message>
    <message>
        <source>A file could not be used: {0}</source>
        <translation>無法使用檔案：{0}</translation>
    </message>
    <message>
        <source>Something went wrong ({0}); nothing was lost.</source>
        <translation>出錯了（{0}）；沒有遺失任何內容。</translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message>
        <source>&amp;Export Notes…</source>
        <translation>匯出筆記(&amp;E)…</translation>
    </message>
    <message>
        <source>Import &amp;Annotations…</source>
        <translation>匯入註解(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>列印(&amp;P)…</translation>
    </message>
    <message>
        <source>Exported to {0}</source>
        <translation>已匯出到 {0}</translation>
    </message>
    <message>
        <source>Import Annotations</source>
        <translation>匯入註解</translation>
    </message>
    <message>
        <source>W3C JSON (*.json *.jsonld)</source>
        <translation>W3C JSON (*.json *.jsonld)</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export Notes</source>
        <translation>匯出筆記</translation>
    </message>
    <message>
        <source>Markdown (Obsidian, Logseq)</source>
        <translation>Markdown（Obsidian、Logseq）</translation>
    </message>
    <message>
        <source>HTML page (self-contained)</source>
        <translation>HTML 網頁（單檔案）</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>W3C Web Annotation JSON-LD</source>
        <translation>W3C Web Annotation JSON-LD</translation>
    </message>
    <message>
        <source>CSV spreadsheet (UTF-8 with BOM)</source>
        <translation>CSV 表格（帶 BOM 的 UTF-8）</translation>
    </message>
    <message>
        <source>This document</source>
        <translation>當前文件</translation>
    </message>
    <message>
        <source>Selected documents ({0})</source>
        <translation>所選文件（{0}）</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>全部文件</translation>
    </message>
    <message>
        <source>Annotated documents only</source>
        <translation>僅有註解的文件</translation>
    </message>
    <message>
        <source>Regional vocabulary (软件 → 軟體)</source>
        <translation>地區用詞（软件 → 軟體）</translation>
    </message>
    <message>
        <source>Convert my notes to this script too</source>
        <translation>我的註解也一併轉換</translation>
    </message>
    <message>
        <source>Markdown: one note per document in a folder (Obsidian, Logseq)</source>
        <translation>Markdown：每篇文件一則筆記，存入資料夾（Obsidian、Logseq）</translation>
    </message>
    <message>
        <source>only annotations whose quote, note or tag contains…</source>
        <translation>只匯出引文、註解或標籤包含…的註解</translation>
    </message>
    <message>
        <source>{0} (*{1});;All files (*)</source>
        <translation>{0} (*{1});;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>簡繁</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>篩選</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n 篇文件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s)</source>
        <translation>
            <numerusform>%n 則註釋</numerusform>
        </translation>
    </message>
    <message>
        <source>The PDF preview could not be made: {0}</source>
        <translation>無法產生 PDF 預覽：{0}</translation>
    </message>
    <message>
        <source>Export Notes to Folder</source>
        <translation>匯出筆記到資料夾</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>匯出</translation>
    </message>
    <message>
        <source>Cannot write {0}: {1}</source>
        <translation>無法寫入 {0}：{1}</translation>
    </message>
    <message numerus="yes">
        <source>%n note(s) changed since the last export were kept as you edited them:</source>
        <translation>
            <numerusform>自上次匯出後修改過的 %n 篇筆記已按您的修改保留：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) no export wrote were left alone; the notes went beside them.</source>
        <translation>
            <numerusform>%n 個並非匯出寫入的檔案未被改動；筆記已寫在其旁邊。</numerusform>
        </translation>
    </message>
    <message>
        <source>Overwrite them with the notes from the library? Your changes to them are lost.</source>
        <translation>用文庫中的筆記覆蓋它們嗎？您對它們的修改將遺失。</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>覆蓋</translation>
    </message>
    <message>
        <source>Keep My Changes</source>
        <translation>保留我的修改</translation>
    </message>
</context>
<context>
    <name>FacetsPanel</name>
    <message>
        <source>Sources</source>
        <translation>來源</translation>
    </message>
    <message>
        <source>Years</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>合集</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Folder</source>
        <translation>資料夾</translation>
    </message>
    <message>
        <source>File</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>{0} file</source>
        <translation>{0} 檔案</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in document (either script)</source>
        <translation>在文件中尋找（簡繁皆可）</translation>
    </message>
    <message>
        <source>Previous (Shift+F3)</source>
        <translation>上一個 (Shift+F3)</translation>
    </message>
    <message>
        <source>Next (F3)</source>
        <translation>下一個 (F3)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>關閉 (Esc)</translation>
    </message>
    <message>
        <source>no match</source>
        <translation>無匹配</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>第 {0} 個，共 {1} 個</translation>
    </message>
</context>
<context>
    <name>FindController</name>
    <message>
        <source>&amp;Find in Document…</source>
        <translation>在文件中尋找(&amp;F)…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>尋找下一個(&amp;N)</translation>
    </message>
    <message>
        <source>Find &amp;Previous</source>
        <translation>尋找上一個(&amp;P)</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>第 {0} 個，共 {1} 個</translation>
    </message>
</context>
<context>
    <name>GoToPageDialog</name>
    <message>
        <source>Go to Page</source>
        <translation>跳至頁面</translation>
    </message>
    <message>
        <source>Page (1–{0}):</source>
        <translation>頁碼（1–{0}）：</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>&amp;Import Files…</source>
        <translation>匯入檔案(&amp;I)…</translation>
    </message>
    <message>
        <source>Import &amp;Folder…</source>
        <translation>匯入資料夾(&amp;F)…</translation>
    </message>
    <message>
        <source>Import Files</source>
        <translation>匯入檔案</translation>
    </message>
    <message>
        <source>Documents ({0});;All files (*)</source>
        <translation>文件 ({0});;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Import Folder</source>
        <translation>匯入資料夾</translation>
    </message>
    <message>
        <source>Unfinished import discarded</source>
        <translation>已放棄未完成的匯入</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在匯入…</translation>
    </message>
    <message>
        <source>… and {0} more</source>
        <translation>……以及另外 {0} 個</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>匯入</translation>
    </message>
    <message>
        <source>{0} imported</source>
        <translation>已匯入 {0} 篇</translation>
    </message>
    <message>
        <source>{0} updated</source>
        <translation>已更新 {0} 篇</translation>
    </message>
    <message>
        <source>{0} already in the library</source>
        <translation>{0} 篇已在文庫中</translation>
    </message>
    <message>
        <source>{0} skipped</source>
        <translation>略過 {0} 個</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source> (cancelled)</source>
        <translation>（已取消）</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>匯入失敗</translation>
    </message>
</context>
<context>
    <name>ImportJob</name>
    <message>
        <source>Importing…</source>
        <translation>正在匯入…</translation>
    </message>
    <message>
        <source>Cleaning documents again with the improved cleaner…</source>
        <translation>正在用改進後的清理器重新清理文件…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>匯入</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Importing {0} of {1}: {2}</source>
        <translation>正在匯入第 {0} 個，共 {1} 個：{2}</translation>
    </message>
    <message>
        <source>Importing {0} of {1}: {2}, {3} of {4} pages read</source>
        <translation>正在匯入第 {0} 個，共 {1} 個：{2}，已辨識 {3} 頁，共 {4} 頁</translation>
    </message>
</context>
<context>
    <name>InfoPanel</name>
    <message>
        <source>Simplified</source>
        <translation>簡體</translation>
    </message>
    <message>
        <source>Traditional</source>
        <translation>繁體</translation>
    </message>
    <message>
        <source>Mixed</source>
        <translation>簡繁混雜</translation>
    </message>
    <message>
        <source>No Chinese</source>
        <translation>無中文</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>標題</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>來源</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>簡繁</translation>
    </message>
    <message>
        <source>File</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>資料夾</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>編碼</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>字元數</translation>
    </message>
    <message>
        <source>Removed lines</source>
        <translation>刪除的行</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>匯入時間</translation>
    </message>
    <message>
        <source>Read by OCR</source>
        <translation>OCR 辨識</translation>
    </message>
    <message>
        <source>Repairs</source>
        <translation>修復</translation>
    </message>
    <message>
        <source>Font</source>
        <translation>字型</translation>
    </message>
    <message>
        <source>Edit Metadata…</source>
        <translation>編輯後設資料…</translation>
    </message>
    <message>
        <source>pages {0}</source>
        <translation>第 {0} 頁</translation>
    </message>
    <message>
        <source> ({0:.0%} script-specific)</source>
        <translation>（{0:.0%} 為簡繁特有字）</translation>
    </message>
</context>
<context>
    <name>LineDecisions</name>
    <message>
        <source>Keep Line {0} in the Cleaned Text</source>
        <translation>在清理後的文字中保留第 {0} 行</translation>
    </message>
    <message>
        <source>Remove Line {0} from the Cleaned Text</source>
        <translation>從清理後的文字中刪除第 {0} 行</translation>
    </message>
    <message>
        <source>Use the Cleaner&apos;s Decision for Line {0}</source>
        <translation>第 {0} 行採用清理程式的判斷</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Info</source>
        <translation>資訊</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>已刪除</translation>
    </message>
    <message>
        <source>Entities</source>
        <translation>實體</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>註解</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About reader</source>
        <translation>關於 reader(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>偏好設定(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>鍵盤快速鍵(&amp;K)</translation>
    </message>
    <message>
        <source>Side &amp;Panel</source>
        <translation>側邊欄(&amp;P)</translation>
    </message>
    <message>
        <source>Show or hide the Annotations, Entities, Info and Removed tabs (F9)</source>
        <translation>顯示或隱藏註釋、實體、資訊和已移除分頁（F9）</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Script</source>
        <translation>簡繁(&amp;S)</translation>
    </message>
    <message>
        <source>For This &amp;Document Only</source>
        <translation>僅用於當前文件(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編輯(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Annotate</source>
        <translation>註解(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation>文件(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具列</translation>
    </message>
</context>
<context>
    <name>MetadataDialog</name>
    <message>
        <source>Edit Metadata</source>
        <translation>編輯後設資料</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>標題</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>來源</translation>
    </message>
    <message>
        <source>Detected: {0}</source>
        <translation>自動識別：{0}</translation>
    </message>
    <message>
        <source>Dates: 2023-09-27, 2023年9月27日 or 2023-09-27 14:30</source>
        <translation>日期格式：2023-09-27、2023年9月27日 或 2023-09-27 14:30</translation>
    </message>
    <message>
        <source>“{0}” is not a date reader understands.</source>
        <translation>reader 無法識別日期「{0}」。</translation>
    </message>
</context>
<context>
    <name>OrganiseController</name>
    <message>
        <source>&amp;Tags…</source>
        <translation>標籤(&amp;T)…</translation>
    </message>
    <message>
        <source>Edit the tags of the selected documents</source>
        <translation>編輯所選文件的標籤</translation>
    </message>
    <message>
        <source>Add to &amp;Collection</source>
        <translation>加入合集(&amp;C)</translation>
    </message>
    <message>
        <source>Put the selected documents in a collection</source>
        <translation>把所選文件放入合集</translation>
    </message>
    <message>
        <source>&amp;New Collection…</source>
        <translation>新增合集(&amp;N)…</translation>
    </message>
    <message>
        <source>Tags…</source>
        <translation>標籤…</translation>
    </message>
    <message>
        <source>Add to Collection</source>
        <translation>加入合集</translation>
    </message>
    <message>
        <source>Remove from Collection</source>
        <translation>從合集中移除</translation>
    </message>
    <message>
        <source>New Collection…</source>
        <translation>新增合集…</translation>
    </message>
    <message numerus="yes">
        <source>Tags changed on %n document(s)</source>
        <translation>
            <numerusform>已修改 %n 篇文件的標籤</numerusform>
        </translation>
    </message>
    <message>
        <source>New Collection</source>
        <translation>新增合集</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名稱：</translation>
    </message>
    <message>
        <source>Created collection %1</source>
        <translation>已新增合集 %1</translation>
    </message>
    <message>
        <source>Rename Collection</source>
        <translation>重新命名合集</translation>
    </message>
    <message>
        <source>Delete the collection “%1”? Its documents stay in the library.</source>
        <translation>刪除合集「%1」？其中的文件仍保留在文庫中。</translation>
    </message>
    <message>
        <source>Delete Collection</source>
        <translation>刪除合集</translation>
    </message>
    <message>
        <source>Deleted collection %1</source>
        <translation>已刪除合集 %1</translation>
    </message>
    <message numerus="yes">
        <source>Added %n document(s) to %1</source>
        <translation>
            <numerusform>已將 %n 篇文件加入 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %n document(s) from %1</source>
        <translation>
            <numerusform>已從 %1 移除 %n 篇文件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PagePrinted</name>
    <message>
        <source>&amp;Page as Printed</source>
        <translation>按印刷版式顯示頁面(&amp;P)</translation>
    </message>
    <message>
        <source>Show the page of a PDF as printed instead of its text (Ctrl+Shift+P)</source>
        <translation>以 PDF 的印刷版式代替文字顯示頁面（Ctrl+Shift+P）</translation>
    </message>
    <message>
        <source>The file of this document was not kept when it was imported, so its pages cannot be shown.</source>
        <translation>匯入此文件時未保留其檔案，因此無法顯示頁面。</translation>
    </message>
</context>
<context>
    <name>PageView</name>
    <message>
        <source>Drawing page {0}…</source>
        <translation>正在繪製第 {0} 頁…</translation>
    </message>
    <message>
        <source>This PDF needs a password, so its pages cannot be shown as printed.</source>
        <translation>此 PDF 需要密碼，無法按印刷版式顯示頁面。</translation>
    </message>
    <message>
        <source>This page cannot be shown as printed: {0}.</source>
        <translation>無法按印刷版式顯示此頁：{0}。</translation>
    </message>
</context>
<context>
    <name>PasswordImport</name>
    <message>
        <source>Password Required</source>
        <translation>需要密碼</translation>
    </message>
    <message>
        <source>“{0}” is protected by a password. Enter it to import the document:</source>
        <translation>「{0}」受密碼保護。輸入密碼以匯入此文件：</translation>
    </message>
    <message>
        <source>Opening {0}…</source>
        <translation>正在開啟 {0}…</translation>
    </message>
    <message>
        <source>The password was not right.</source>
        <translation>密碼不正確。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>匯入</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Same as the system</source>
        <translation>跟隨系統</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>淺色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Sepia (reading pane)</source>
        <translation>米黃（僅閱讀區）</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>偏好設定</translation>
    </message>
    <message>
        <source>General</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>閱讀</translation>
    </message>
    <message>
        <source>Highlights</source>
        <translation>標示</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>瀏覽…</translation>
    </message>
    <message>
        <source>Library file</source>
        <translation>文庫檔案</translation>
    </message>
    <message>
        <source>A new location takes effect when reader restarts.</source>
        <translation>新位置在 reader 重新啟動後生效。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>介面語言</translation>
    </message>
    <message>
        <source>The interface language changes when reader restarts.</source>
        <translation>介面語言在 reader 重新啟動後更改。</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主題</translation>
    </message>
    <message>
        <source>Show documents in</source>
        <translation>文件顯示為</translation>
    </message>
    <message>
        <source>Regional vocabulary (软件 → 軟體)</source>
        <translation>地區用詞（软件 → 軟體）</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>預設</translation>
    </message>
    <message>
        <source>Use the first installed of the usual Chinese reading fonts</source>
        <translation>使用已安裝的常用中文閱讀字型中的第一個</translation>
    </message>
    <message>
        <source>Font</source>
        <translation>字型</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> 點</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Line height</source>
        <translation>行高</translation>
    </message>
    <message>
        <source>Each colour keeps its meaning in notes you already made; rename it freely.</source>
        <translation>已有註解仍保留各自的顏色；名稱可隨意修改。</translation>
    </message>
    <message>
        <source>Choose the colour (Alt+{0} highlights with it)</source>
        <translation>選擇顏色（Alt+{0} 用此顏色標示）</translation>
    </message>
    <message>
        <source>Restore Default Colours</source>
        <translation>恢復預設顏色</translation>
    </message>
    <message>
        <source>Library File</source>
        <translation>文庫檔案</translation>
    </message>
    <message>
        <source>reader library (*.sqlite *.db);;All files (*)</source>
        <translation>reader 文庫 (*.sqlite *.db);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Default: the first installed of {0}</source>
        <translation>預設：{0} 中第一個已安裝的字型</translation>
    </message>
    <message>
        <source>Highlight Colour</source>
        <translation>標示顏色</translation>
    </message>
</context>
<context>
    <name>ReadingView</name>
    <message>
        <source>This document mixes simplified and traditional characters ({0:.0%} script-specific), which is often a sign of machine-reworded text.</source>
        <translation>本文件簡繁混雜（{0:.0%} 為簡繁特有字），這常常是機器改寫文字的跡象。</translation>
    </message>
</context>
<context>
    <name>RecentMenu</name>
    <message>
        <source>No document read yet</source>
        <translation>還沒有讀過任何文件</translation>
    </message>
</context>
<context>
    <name>RemovedPanel</name>
    <message>
        <source>Navigation, menu or breadcrumb</source>
        <translation>導覽、選單或麵包屑</translation>
    </message>
    <message>
        <source>Injected spam or advertising</source>
        <translation>插入的垃圾訊息或廣告</translation>
    </message>
    <message>
        <source>List of related or unrelated links</source>
        <translation>相關或無關連結列表</translation>
    </message>
    <message>
        <source>JavaScript or CSS</source>
        <translation>JavaScript 或 CSS</translation>
    </message>
    <message>
        <source>Site footer, comment form or counter</source>
        <translation>網站頁尾、留言表單或計數器</translation>
    </message>
    <message>
        <source>Title, date, author or source line</source>
        <translation>標題、日期、作者或來源行</translation>
    </message>
    <message>
        <source>Image placeholder or file name</source>
        <translation>圖片佔位或檔名</translation>
    </message>
    <message>
        <source>Title repeated in the body</source>
        <translation>正文中重複的標題</translation>
    </message>
    <message>
        <source>Comments, replies or further posts after the article</source>
        <translation>文章後的留言、回覆或其他貼文</translation>
    </message>
    <message>
        <source>Paragraph repeated from earlier in the page</source>
        <translation>頁面前文已出現的段落</translation>
    </message>
    <message>
        <source>Punctuation or symbols only</source>
        <translation>只有標點或符號</translation>
    </message>
    <message>
        <source>Blank line</source>
        <translation>空行</translation>
    </message>
    <message>
        <source>Removed by you</source>
        <translation>由你刪除</translation>
    </message>
    <message>
        <source>Page header</source>
        <translation>頁首</translation>
    </message>
    <message>
        <source>Page footer</source>
        <translation>頁尾</translation>
    </message>
    <message>
        <source>Page number</source>
        <translation>頁碼</translation>
    </message>
    <message>
        <source>Table of contents</source>
        <translation>目錄</translation>
    </message>
    <message>
        <source>Markup only (a table&apos;s rule row, a heading underline)</source>
        <translation>僅為標記（表格分隔列、標題底線）</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Restore line</source>
        <translation>恢復此行</translation>
    </message>
    <message>
        <source>Keep this line in the cleaned text from now on</source>
        <translation>今後在清理後的文字中保留此行</translation>
    </message>
    <message>
        <source>Use cleaner&apos;s decision</source>
        <translation>採用清理程式的判斷</translation>
    </message>
    <message>
        <source>removed by you</source>
        <translation>由你刪除</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) removed</source>
        <translation>
            <numerusform>已移除 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <source> · {0} of your decisions ({1} restored)</source>
        <translation> · 你做了 {0} 處決定（恢復 {1} 行）</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Search the library (Ctrl+K): 医院  &quot;千县工程&quot;  -广告  date:2023</source>
        <translation>搜尋文庫 (Ctrl+K)：醫院  &quot;千縣工程&quot;  -廣告  date:2023</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n 篇文件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchController</name>
    <message>
        <source>&amp;Search Library</source>
        <translation>搜尋文庫(&amp;S)</translation>
    </message>
    <message>
        <source>Finding names…</source>
        <translation>正在識別名稱…</translation>
    </message>
    <message numerus="yes">
        <source>Names are not found yet in %n document(s): the search leaves them out</source>
        <translation>
            <numerusform>尚有 %n 篇文件未識別人名地名：本次搜尋未包括它們</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>鍵盤快捷鍵</translation>
    </message>
    <message>
        <source>Filter by action or key, e.g. “note” or “Ctrl+O”</source>
        <translation>按操作或按鍵篩選，例如「註解」或「Ctrl+O」</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷鍵</translation>
    </message>
</context>
<context>
    <name>TagsDialog</name>
    <message>
        <source>Tags</source>
        <translation>標籤</translation>
    </message>
    <message numerus="yes">
        <source>Tags of %n document(s):</source>
        <translation>
            <numerusform>%n 篇文件的標籤：</numerusform>
        </translation>
    </message>
    <message>
        <source>Separate tags with commas.</source>
        <translation>標籤之間用逗號分隔。</translation>
    </message>
    <message>
        <source>In use: %1</source>
        <translation>已在使用：%1</translation>
    </message>
</context>
<context>
    <name>UnfinishedImportsBar</name>
    <message>
        <source>&amp;Resume</source>
        <translation>繼續(&amp;R)</translation>
    </message>
    <message>
        <source>Import the rest; pages already read by OCR are not read again</source>
        <translation>匯入其餘部分；OCR 已辨識的頁面不再重新辨識</translation>
    </message>
    <message>
        <source>D&amp;iscard</source>
        <translation>放棄(&amp;I)</translation>
    </message>
    <message>
        <source>Forget the unfinished import and the pages it had read</source>
        <translation>放棄未完成的匯入及其已辨識的頁面</translation>
    </message>
    <message numerus="yes">
        <source>An import did not finish: %n file(s) still to import.</source>
        <translation>
            <numerusform>有一次匯入未完成：還有 %n 個檔案待匯入。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ViewController</name>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>實際大小(&amp;A)</translation>
    </message>
    <message>
        <source>Show &amp;Original</source>
        <translation>顯示原文(&amp;O)</translation>
    </message>
    <message>
        <source>Toggle between the cleaned text and the text as imported (Ctrl+U)</source>
        <translation>在清理後的文字和匯入時的原始文字之間切換 (Ctrl+U)</translation>
    </message>
    <message>
        <source>&amp;Go to Page…</source>
        <translation>跳至頁面(&amp;G)…</translation>
    </message>
    <message>
        <source>Go to a page of a paged document such as a PDF (Ctrl+G)</source>
        <translation>跳至分頁文件（如 PDF）的某一頁 (Ctrl+G)</translation>
    </message>
    <message>
        <source>原文 Original</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>简体 Simplified</source>
        <translation>簡體</translation>
    </message>
    <message>
        <source>繁體 Traditional</source>
        <translation>繁體</translation>
    </message>
    <message>
        <source>臺灣 Taiwan</source>
        <translation>臺灣</translation>
    </message>
    <message>
        <source>香港 Hong Kong</source>
        <translation>香港</translation>
    </message>
    <message>
        <source>{0} (Ctrl+{1}); Ctrl+Shift+{1} for this document only</source>
        <translation>{0} (Ctrl+{1})；Ctrl+Shift+{1} 僅用於當前文件</translation>
    </message>
    <message>
        <source>Regional &amp;Vocabulary</source>
        <translation>地區用詞(&amp;V)</translation>
    </message>
    <message>
        <source>Convert words too (软件 → 軟體); positions are mapped back exactly</source>
        <translation>連詞語一起轉換（软件 → 軟體）；位置會精確對應回原文</translation>
    </message>
    <message>
        <source>Use Default Script for This Document</source>
        <translation>當前文件使用預設簡繁設定</translation>
    </message>
    <message>
        <source>p. {0} / {1}</source>
        <translation>第 {0} / {1} 頁</translation>
    </message>
    <message>
        <source>Page {0} of {1} shown as printed (Ctrl+G: Go to Page)</source>
        <translation>按印刷版式顯示第 {0} 頁，共 {1} 頁（Ctrl+G：跳至頁面）</translation>
    </message>
    <message>
        <source>Page {0} of {1} at the top of the text (Ctrl+G: Go to Page)</source>
        <translation>正文頂端為第 {0} 頁，共 {1} 頁（Ctrl+G：跳至頁面）</translation>
    </message>
</context>
<context>
    <name>WhosWhoDialog</name>
    <message>
        <source>Who&apos;s Who</source>
        <translation>人物誌</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部類型</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>篩選</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>實體</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>提及次數</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>職務</translation>
    </message>
    <message>
        <source>Show &amp;Documents Mentioning It</source>
        <translation>顯示提及它的文件(&amp;D)</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人物</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>機構</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>地點</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>數字</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>術語</translation>
    </message>
    <message>
        <source>Titles</source>
        <translation>職務</translation>
    </message>
    <message>
        <source>Less certain ({0})</source>
        <translation>較不確定（{0}）</translation>
    </message>
    <message>
        <source>{0} entities</source>
        <translation>{0} 個實體</translation>
    </message>
    <message>
        <source> · {0} less certain</source>
        <translation> · {0} 個較不確定</translation>
    </message>
    <message>
        <source> · {0} documents still being read</source>
        <translation> · 還有 {0} 篇文件正在分析</translation>
    </message>
    <message>
        <source>Also written: {0}</source>
        <translation>又寫作：{0}</translation>
    </message>
    <message>
        <source>Part of: {0}</source>
        <translation>隸屬：{0}</translation>
    </message>
    <message>
        <source>Less certain: found on weak evidence</source>
        <translation>較不確定：依據不足</translation>
    </message>
</context>
</TS>
