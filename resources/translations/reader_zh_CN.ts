<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About reader</source>
        <translation>关于 reader</translation>
    </message>
    <message>
        <source>Read, clean, convert and annotate Chinese-language reports offline.</source>
        <translation>离线阅读、清理、转换和批注中文报告。</translation>
    </message>
    <message>
        <source>Python {0} · Qt {1} · PySide6 {2}</source>
        <translation>Python {0} · Qt {1} · PySide6 {2}</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>文库</translation>
    </message>
    <message>
        <source>The space the library&apos;s data takes, recent changes included (as in the status bar).
On disk now: {0} (the library file and its write-ahead log, which holds recent changes until they are written into the file).</source>
        <translation>文库数据所占的空间，包括最近的更改（与状态栏相同）。
当前磁盘占用：{0}（文库文件及其预写日志；日志保存最近的更改，直到写入文件）。</translation>
    </message>
    <message>
        <source>Library size</source>
        <translation>文库大小</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>组件</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>reader is free software under the MIT licence. Qt and PySide6 are used under the LGPL version 3; the components above keep their own licences.</source>
        <translation>reader 是采用 MIT 许可证的自由软件。Qt 和 PySide6 依 LGPL 第 3 版使用；上列各组件沿用各自的许可证。</translation>
    </message>
</context>
<context>
    <name>AnnotationController</name>
    <message>
        <source>&amp;Highlight</source>
        <translation>高亮(&amp;H)</translation>
    </message>
    <message>
        <source>Highlight the selection with the last colour (H)</source>
        <translation>用上次的颜色高亮所选文字 (H)</translation>
    </message>
    <message>
        <source>Highlight with &amp;Note…</source>
        <translation>高亮并写注释(&amp;N)…</translation>
    </message>
    <message>
        <source>Highlight Every &amp;Occurrence</source>
        <translation>高亮所有出现之处(&amp;O)</translation>
    </message>
    <message>
        <source>Highlight as “{0}”</source>
        <translation>高亮为“{0}”</translation>
    </message>
    <message>
        <source>&amp;All Annotations…</source>
        <translation>全部注释(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Highlight &amp;Colour</source>
        <translation>高亮颜色(&amp;C)</translation>
    </message>
    <message>
        <source>Highlight Colour</source>
        <translation>高亮颜色</translation>
    </message>
    <message>
        <source>Edit Note…</source>
        <translation>编辑注释…</translation>
    </message>
    <message>
        <source>Delete Highlight</source>
        <translation>删除高亮</translation>
    </message>
    <message>
        <source>Select some text first</source>
        <translation>请先选择一段文字</translation>
    </message>
    <message>
        <source>Annotations are made on the cleaned text (Ctrl+U)</source>
        <translation>注释只能在清理后的文本上添加 (Ctrl+U)</translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation>高亮</translation>
    </message>
    <message>
        <source>Highlight every occurrence</source>
        <translation>高亮所有出现之处</translation>
    </message>
    <message>
        <source>{0} passages highlighted</source>
        <translation>已高亮 {0} 处</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>编辑注释</translation>
    </message>
    <message>
        <source>Delete highlight</source>
        <translation>删除高亮</translation>
    </message>
    <message>
        <source>Highlight deleted — Ctrl+Z brings it back</source>
        <translation>高亮已删除——按 Ctrl+Z 可恢复</translation>
    </message>
    <message>
        <source>Re-attach</source>
        <translation>重新关联</translation>
    </message>
    <message>
        <source>Select the passage first.</source>
        <translation>请先选择要关联的段落。</translation>
    </message>
    <message>
        <source>Re-attach note</source>
        <translation>重新关联注释</translation>
    </message>
</context>
<context>
    <name>AnnotationDialog</name>
    <message>
        <source>Note</source>
        <translation>注释</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Your note (plain text; Markdown is fine)</source>
        <translation>你的注释（纯文本，可用 Markdown）</translation>
    </message>
    <message>
        <source>tags, separated by commas</source>
        <translation>标签，用逗号分隔</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
</context>
<context>
    <name>AnnotationsBrowser</name>
    <message>
        <source>All Annotations</source>
        <translation>全部注释</translation>
    </message>
    <message>
        <source>Search quotes, notes and tags (either script)</source>
        <translation>搜索引文、笔记和标签（简繁皆可）</translation>
    </message>
    <message>
        <source>All colours</source>
        <translation>全部颜色</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>引文</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>修改时间</translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s)</source>
        <translation>
            <numerusform>%n 条注释</numerusform>
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
        <translation>注释</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Re-attach to Selection</source>
        <translation>关联到所选文字</translation>
    </message>
    <message>
        <source>Select text in the reading pane, then attach this orphan to it</source>
        <translation>在阅读区选择文字，再把这条失去原文的注释关联到该处</translation>
    </message>
    <message>
        <source>Orphans ({0}): their text is gone</source>
        <translation>失去原文的注释（{0}）：原文已不存在</translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s)</source>
        <translation>
            <numerusform>%n 条注释</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n orphan(s)</source>
        <translation>
            <numerusform>，%n 条孤立</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CollectionsPanel</name>
    <message>
        <source>All documents</source>
        <translation>全部文档</translation>
    </message>
    <message>
        <source>New Collection…</source>
        <translation>新建合集…</translation>
    </message>
    <message>
        <source>Rename Collection…</source>
        <translation>重命名合集…</translation>
    </message>
    <message>
        <source>Delete Collection…</source>
        <translation>删除合集…</translation>
    </message>
</context>
<context>
    <name>DocumentController</name>
    <message>
        <source>Edit &amp;Metadata…</source>
        <translation>编辑元数据(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Reload from File</source>
        <translation>从文件重新载入(&amp;R)</translation>
    </message>
    <message>
        <source>Import the file again if it changed; annotations move with the text</source>
        <translation>文件有变化时重新导入；注释随文字移动</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Show in &amp;Folder</source>
        <translation>在文件夹中显示(&amp;F)</translation>
    </message>
    <message>
        <source>Copy &amp;Path</source>
        <translation>复制路径(&amp;P)</translation>
    </message>
    <message>
        <source>Recently &amp;Read</source>
        <translation>最近阅读(&amp;R)</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n 篇文档</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} · {1} characters · library {2}</source>
        <translation>{0} · {1} 字 · 文库 {2}</translation>
    </message>
    <message>
        <source>{0}
The size is the space the library&apos;s data takes, recent changes included.</source>
        <translation>{0}
大小为文库数据所占的空间，含最近的更改。</translation>
    </message>
    <message>
        <source>Line {0} restored</source>
        <translation>第 {0} 行已恢复</translation>
    </message>
    <message>
        <source>Line {0} removed</source>
        <translation>第 {0} 行已删除</translation>
    </message>
    <message>
        <source>Line {0} reset</source>
        <translation>第 {0} 行已还原为清理程序的判断</translation>
    </message>
    <message>
        <source>Reload from File</source>
        <translation>从文件重新载入</translation>
    </message>
    <message>
        <source>{0} is no longer there.</source>
        <translation>{0} 已不存在。</translation>
    </message>
    <message>
        <source>If it was moved or renamed, locate it to reload the document from there.</source>
        <translation>如果文件已被移动或重命名，请找到它，从新位置重新载入该文档。</translation>
    </message>
    <message>
        <source>Locate…</source>
        <translation>查找…</translation>
    </message>
    <message>
        <source>Locate {0}</source>
        <translation>查找 {0}</translation>
    </message>
    <message>
        <source>Documents ({0});;All files (*)</source>
        <translation>文档 ({0});;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot show the folder: no program is set up to open folders. The file is in {0}</source>
        <translation>无法显示文件夹：没有可以打开文件夹的程序。文件位于 {0}</translation>
    </message>
    <message>
        <source>Path copied</source>
        <translation>已复制路径</translation>
    </message>
</context>
<context>
    <name>DocumentDeletion</name>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>Delete the selected documents and their annotations from the library</source>
        <translation>从文库中删除所选文档及其注释</translation>
    </message>
    <message>
        <source>Delete “{0}”?</source>
        <translation>删除“{0}”？</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n document(s)?</source>
        <translation>
            <numerusform>删除 %n 篇文档？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s) will be deleted with it.</source>
        <translation>
            <numerusform>其 %n 条注释也将一并删除。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s) will be deleted with them.</source>
        <translation>
            <numerusform>它们的 %n 条注释也将一并删除。</numerusform>
        </translation>
    </message>
    <message>
        <source>Edit ▸ Undo brings them back until reader closes. The original files are not touched.</source>
        <translation>关闭 reader 之前，可用“编辑 ▸ 撤销”恢复。原始文件不受影响。</translation>
    </message>
    <message>
        <source>Delete Documents</source>
        <translation>删除文档</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n document(s)</source>
        <translation>
            <numerusform>删除 %n 篇文档</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n document(s)</source>
        <translation>
            <numerusform>已删除 %n 篇文档</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s)</source>
        <translation>
            <numerusform>%n 条注释</numerusform>
        </translation>
    </message>
    <message>
        <source>Ctrl+Z brings them back</source>
        <translation>按 Ctrl+Z 可恢复</translation>
    </message>
    <message numerus="yes">
        <source>Restored %n document(s)</source>
        <translation>
            <numerusform>已恢复 %n 篇文档</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the file of %n deleted document(s) was imported again since</source>
        <translation>
            <numerusform>已删除的 %n 篇文档的文件此后已重新导入</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s) moved there</source>
        <translation>
            <numerusform>%n 条注释已移到该文档</numerusform>
        </translation>
    </message>
    <message>
        <source>(orphans: {0})</source>
        <translation>（孤立 {0} 条）</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) could not come back: the same file was imported again</source>
        <translation>
            <numerusform>%n 篇文档无法恢复：同一文件已重新导入</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentTableModel</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>字数</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>简繁</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>注释</translation>
    </message>
    <message>
        <source>Last read</source>
        <translation>上次阅读</translation>
    </message>
    <message>
        <source>Not opened yet</source>
        <translation>尚未打开</translation>
    </message>
</context>
<context>
    <name>EntitiesController</name>
    <message>
        <source>&amp;Who&apos;s Who…</source>
        <translation>人物志(&amp;W)…</translation>
    </message>
</context>
<context>
    <name>EntitiesPanel</name>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>实体</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>&amp;Highlight in Text</source>
        <translation>在正文中高亮(&amp;H)</translation>
    </message>
    <message>
        <source>Show &amp;Documents Mentioning It</source>
        <translation>显示提及它的文档(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人物</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>术语</translation>
    </message>
    <message>
        <source>Titles</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Less certain</source>
        <translation>较不确定</translation>
    </message>
    <message>
        <source>No entities found in this document.</source>
        <translation>本文档中没有找到实体。</translation>
    </message>
    <message>
        <source>Also written: {0}</source>
        <translation>又写作：{0}</translation>
    </message>
    <message>
        <source>Part of: {0}</source>
        <translation>隶属：{0}</translation>
    </message>
    <message>
        <source>Less certain: found on weak evidence</source>
        <translation>较不确定：依据不足</translation>
    </message>
    <message>
        <source>{0} mentions · click to highlight, double-click for documents</source>
        <translation>提及 {0} 次 · 单击高亮，双击查看相关文档</translation>
    </message>
    <message>
        <source>Finding people, places and organisations…</source>
        <translation>正在查找人物、地点和机构…</translation>
    </message>
</context>
<context>
    <name>ErrorHook</name>
    <message>
        <source>Out of memory: close other programs and try again.</source>
        <translation>内存不足：请关闭其他程序后重试。</translation>
    </message>
    <message>
        <source>A file could not be used: {0}</source>
        <translation>无法使用文件：{0}</translation>
    </message>
    <message>
        <source>Something went wrong ({0}); nothing was lost.</source>
        <translation>出错了（{0}）；没有丢失任何内容。</translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message>
        <source>&amp;Export Notes…</source>
        <translation>导出笔记(&amp;E)…</translation>
    </message>
    <message>
        <source>Import &amp;Annotations…</source>
        <translation>导入注释(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Exported to {0}</source>
        <translation>已导出到 {0}</translation>
    </message>
    <message>
        <source>Import Annotations</source>
        <translation>导入注释</translation>
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
        <translation>导出笔记</translation>
    </message>
    <message>
        <source>Markdown (Obsidian, Logseq)</source>
        <translation>Markdown（Obsidian、Logseq）</translation>
    </message>
    <message>
        <source>HTML page (self-contained)</source>
        <translation>HTML 网页（单文件）</translation>
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
        <translation>CSV 表格（带 BOM 的 UTF-8）</translation>
    </message>
    <message>
        <source>This document</source>
        <translation>当前文档</translation>
    </message>
    <message>
        <source>Selected documents ({0})</source>
        <translation>所选文档（{0}）</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>全部文档</translation>
    </message>
    <message>
        <source>Annotated documents only</source>
        <translation>仅有注释的文档</translation>
    </message>
    <message>
        <source>Regional vocabulary (软件 → 軟體)</source>
        <translation>地区用词（软件 → 軟體）</translation>
    </message>
    <message>
        <source>Convert my notes to this script too</source>
        <translation>我的注释也一并转换</translation>
    </message>
    <message>
        <source>Markdown: one note per document in a folder (Obsidian, Logseq)</source>
        <translation>Markdown：每篇文档一条笔记，存入文件夹（Obsidian、Logseq）</translation>
    </message>
    <message>
        <source>only annotations whose quote, note or tag contains…</source>
        <translation>只导出引文、注释或标签包含…的注释</translation>
    </message>
    <message>
        <source>{0} (*{1});;All files (*)</source>
        <translation>{0} (*{1});;所有文件 (*)</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>简繁</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n 篇文档</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s)</source>
        <translation>
            <numerusform>%n 条注释</numerusform>
        </translation>
    </message>
    <message>
        <source>The PDF preview could not be made: {0}</source>
        <translation>无法生成 PDF 预览：{0}</translation>
    </message>
    <message>
        <source>Export Notes to Folder</source>
        <translation>导出笔记到文件夹</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Cannot write {0}: {1}</source>
        <translation>无法写入 {0}：{1}</translation>
    </message>
    <message numerus="yes">
        <source>%n note(s) changed since the last export were kept as you edited them:</source>
        <translation>
            <numerusform>自上次导出后修改过的 %n 篇笔记已按您的修改保留：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) no export wrote were left alone; the notes went beside them.</source>
        <translation>
            <numerusform>%n 个并非导出写入的文件未被改动；笔记已写在其旁边。</numerusform>
        </translation>
    </message>
    <message>
        <source>Overwrite them with the notes from the library? Your changes to them are lost.</source>
        <translation>用文库中的笔记覆盖它们吗？您对它们的修改将丢失。</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>覆盖</translation>
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
        <translation>来源</translation>
    </message>
    <message>
        <source>Years</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
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
        <translation>文件夹</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>{0} file</source>
        <translation>{0} 文件</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in document (either script)</source>
        <translation>在文档中查找（简繁皆可）</translation>
    </message>
    <message>
        <source>Previous (Shift+F3)</source>
        <translation>上一个 (Shift+F3)</translation>
    </message>
    <message>
        <source>Next (F3)</source>
        <translation>下一个 (F3)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <source>no match</source>
        <translation>无匹配</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>第 {0} 个，共 {1} 个</translation>
    </message>
</context>
<context>
    <name>FindController</name>
    <message>
        <source>&amp;Find in Document…</source>
        <translation>在文档中查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>查找下一个(&amp;N)</translation>
    </message>
    <message>
        <source>Find &amp;Previous</source>
        <translation>查找上一个(&amp;P)</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>第 {0} 个，共 {1} 个</translation>
    </message>
</context>
<context>
    <name>GoToPageDialog</name>
    <message>
        <source>Go to Page</source>
        <translation>转到页面</translation>
    </message>
    <message>
        <source>Page (1–{0}):</source>
        <translation>页码（1–{0}）：</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>&amp;Import Files…</source>
        <translation>导入文件(&amp;I)…</translation>
    </message>
    <message>
        <source>Import &amp;Folder…</source>
        <translation>导入文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>Import Files</source>
        <translation>导入文件</translation>
    </message>
    <message>
        <source>Documents ({0});;All files (*)</source>
        <translation>文档 ({0});;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import Folder</source>
        <translation>导入文件夹</translation>
    </message>
    <message>
        <source>Unfinished import discarded</source>
        <translation>已放弃未完成的导入</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>… and {0} more</source>
        <translation>……以及另外 {0} 个</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>{0} imported</source>
        <translation>已导入 {0} 篇</translation>
    </message>
    <message>
        <source>{0} updated</source>
        <translation>已更新 {0} 篇</translation>
    </message>
    <message>
        <source>{0} already in the library</source>
        <translation>{0} 篇已在文库中</translation>
    </message>
    <message>
        <source>{0} skipped</source>
        <translation>跳过 {0} 个</translation>
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
        <translation>导入失败</translation>
    </message>
</context>
<context>
    <name>ImportJob</name>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Cleaning documents again with the improved cleaner…</source>
        <translation>正在用改进后的清理器重新清理文档…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Importing {0} of {1}: {2}</source>
        <translation>正在导入第 {0} 个，共 {1} 个：{2}</translation>
    </message>
    <message>
        <source>Importing {0} of {1}: {2}, {3} of {4} pages read</source>
        <translation>正在导入第 {0} 个，共 {1} 个：{2}，已识别 {3} 页，共 {4} 页</translation>
    </message>
</context>
<context>
    <name>InfoPanel</name>
    <message>
        <source>Simplified</source>
        <translation>简体</translation>
    </message>
    <message>
        <source>Traditional</source>
        <translation>繁体</translation>
    </message>
    <message>
        <source>Mixed</source>
        <translation>简繁混杂</translation>
    </message>
    <message>
        <source>No Chinese</source>
        <translation>无中文</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
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
        <translation>来源</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>简繁</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>字符数</translation>
    </message>
    <message>
        <source>Removed lines</source>
        <translation>删除的行</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>导入时间</translation>
    </message>
    <message>
        <source>Read by OCR</source>
        <translation>OCR 识别</translation>
    </message>
    <message>
        <source>Repairs</source>
        <translation>修复</translation>
    </message>
    <message>
        <source>Font</source>
        <translation>字体</translation>
    </message>
    <message>
        <source>Edit Metadata…</source>
        <translation>编辑元数据…</translation>
    </message>
    <message>
        <source>pages {0}</source>
        <translation>第 {0} 页</translation>
    </message>
    <message>
        <source> ({0:.0%} script-specific)</source>
        <translation>（{0:.0%} 为简繁特有字）</translation>
    </message>
</context>
<context>
    <name>LineDecisions</name>
    <message>
        <source>Keep Line {0} in the Cleaned Text</source>
        <translation>在清理后的文本中保留第 {0} 行</translation>
    </message>
    <message>
        <source>Remove Line {0} from the Cleaned Text</source>
        <translation>从清理后的文本中删除第 {0} 行</translation>
    </message>
    <message>
        <source>Use the Cleaner&apos;s Decision for Line {0}</source>
        <translation>第 {0} 行采用清理程序的判断</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Info</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>Entities</source>
        <translation>实体</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>注释</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About reader</source>
        <translation>关于 reader(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>偏好设置(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Side &amp;Panel</source>
        <translation>侧边栏(&amp;P)</translation>
    </message>
    <message>
        <source>Show or hide the Annotations, Entities, Info and Removed tabs (F9)</source>
        <translation>显示或隐藏注释、实体、信息和已删除标签页（F9）</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Script</source>
        <translation>简繁(&amp;S)</translation>
    </message>
    <message>
        <source>For This &amp;Document Only</source>
        <translation>仅用于当前文档(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Annotate</source>
        <translation>注释(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation>文档(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
</context>
<context>
    <name>MetadataDialog</name>
    <message>
        <source>Edit Metadata</source>
        <translation>编辑元数据</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
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
        <translation>来源</translation>
    </message>
    <message>
        <source>Detected: {0}</source>
        <translation>自动识别：{0}</translation>
    </message>
    <message>
        <source>Dates: 2023-09-27, 2023年9月27日 or 2023-09-27 14:30</source>
        <translation>日期格式：2023-09-27、2023年9月27日 或 2023-09-27 14:30</translation>
    </message>
    <message>
        <source>“{0}” is not a date reader understands.</source>
        <translation>reader 无法识别日期“{0}”。</translation>
    </message>
</context>
<context>
    <name>OrganiseController</name>
    <message>
        <source>&amp;Tags…</source>
        <translation>标签(&amp;T)…</translation>
    </message>
    <message>
        <source>Edit the tags of the selected documents</source>
        <translation>编辑所选文档的标签</translation>
    </message>
    <message>
        <source>Add to &amp;Collection</source>
        <translation>添加到合集(&amp;C)</translation>
    </message>
    <message>
        <source>Put the selected documents in a collection</source>
        <translation>把所选文档放入合集</translation>
    </message>
    <message>
        <source>&amp;New Collection…</source>
        <translation>新建合集(&amp;N)…</translation>
    </message>
    <message>
        <source>Tags…</source>
        <translation>标签…</translation>
    </message>
    <message>
        <source>Add to Collection</source>
        <translation>添加到合集</translation>
    </message>
    <message>
        <source>Remove from Collection</source>
        <translation>从合集中移除</translation>
    </message>
    <message>
        <source>New Collection…</source>
        <translation>新建合集…</translation>
    </message>
    <message numerus="yes">
        <source>Tags changed on %n document(s)</source>
        <translation>
            <numerusform>已修改 %n 篇文档的标签</numerusform>
        </translation>
    </message>
    <message>
        <source>New Collection</source>
        <translation>新建合集</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Created collection %1</source>
        <translation>已新建合集 %1</translation>
    </message>
    <message>
        <source>Rename Collection</source>
        <translation>重命名合集</translation>
    </message>
    <message>
        <source>Delete the collection “%1”? Its documents stay in the library.</source>
        <translation>删除合集“%1”？其中的文档仍保留在文库中。</translation>
    </message>
    <message>
        <source>Delete Collection</source>
        <translation>删除合集</translation>
    </message>
    <message>
        <source>Deleted collection %1</source>
        <translation>已删除合集 %1</translation>
    </message>
    <message numerus="yes">
        <source>Added %n document(s) to %1</source>
        <translation>
            <numerusform>已将 %n 篇文档添加到 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %n document(s) from %1</source>
        <translation>
            <numerusform>已从 %1 移除 %n 篇文档</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PagePrinted</name>
    <message>
        <source>&amp;Page as Printed</source>
        <translation>按印刷版式显示页面(&amp;P)</translation>
    </message>
    <message>
        <source>Show the page of a PDF as printed instead of its text (Ctrl+Shift+P)</source>
        <translation>以 PDF 的印刷版式代替文字显示页面（Ctrl+Shift+P）</translation>
    </message>
    <message>
        <source>The file of this document was not kept when it was imported, so its pages cannot be shown.</source>
        <translation>导入此文档时未保留其文件，因此无法显示页面。</translation>
    </message>
</context>
<context>
    <name>PageView</name>
    <message>
        <source>Drawing page {0}…</source>
        <translation>正在绘制第 {0} 页…</translation>
    </message>
    <message>
        <source>This PDF needs a password, so its pages cannot be shown as printed.</source>
        <translation>此 PDF 需要密码，无法按印刷版式显示页面。</translation>
    </message>
    <message>
        <source>This page cannot be shown as printed: {0}.</source>
        <translation>无法按印刷版式显示此页：{0}。</translation>
    </message>
</context>
<context>
    <name>PasswordImport</name>
    <message>
        <source>Password Required</source>
        <translation>需要密码</translation>
    </message>
    <message>
        <source>“{0}” is protected by a password. Enter it to import the document:</source>
        <translation>“{0}”受密码保护。输入密码以导入此文档：</translation>
    </message>
    <message>
        <source>Opening {0}…</source>
        <translation>正在打开 {0}…</translation>
    </message>
    <message>
        <source>The password was not right.</source>
        <translation>密码不正确。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Same as the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Sepia (reading pane)</source>
        <translation>米黄（仅阅读区）</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>阅读</translation>
    </message>
    <message>
        <source>Highlights</source>
        <translation>高亮</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Library file</source>
        <translation>文库文件</translation>
    </message>
    <message>
        <source>A new location takes effect when reader restarts.</source>
        <translation>新位置在 reader 重新启动后生效。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>The interface language changes when reader restarts.</source>
        <translation>界面语言在 reader 重新启动后更改。</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Show documents in</source>
        <translation>文档显示为</translation>
    </message>
    <message>
        <source>Regional vocabulary (软件 → 軟體)</source>
        <translation>地区用词（软件 → 軟體）</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Use the first installed of the usual Chinese reading fonts</source>
        <translation>使用已安装的常用中文阅读字体中的第一个</translation>
    </message>
    <message>
        <source>Font</source>
        <translation>字体</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> 磅</translation>
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
        <translation>已有注释仍保留各自的颜色；名称可随意修改。</translation>
    </message>
    <message>
        <source>Choose the colour (Alt+{0} highlights with it)</source>
        <translation>选择颜色（Alt+{0} 用此颜色高亮）</translation>
    </message>
    <message>
        <source>Restore Default Colours</source>
        <translation>恢复默认颜色</translation>
    </message>
    <message>
        <source>Library File</source>
        <translation>文库文件</translation>
    </message>
    <message>
        <source>reader library (*.sqlite *.db);;All files (*)</source>
        <translation>reader 文库 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Default: the first installed of {0}</source>
        <translation>默认：{0} 中第一个已安装的字体</translation>
    </message>
    <message>
        <source>Highlight Colour</source>
        <translation>高亮颜色</translation>
    </message>
</context>
<context>
    <name>ReadingView</name>
    <message>
        <source>This document mixes simplified and traditional characters ({0:.0%} script-specific), which is often a sign of machine-reworded text.</source>
        <translation>本文档简繁混杂（{0:.0%} 为简繁特有字），这常常是机器改写文本的迹象。</translation>
    </message>
</context>
<context>
    <name>RecentMenu</name>
    <message>
        <source>No document read yet</source>
        <translation>还没有读过任何文档</translation>
    </message>
</context>
<context>
    <name>RemovedPanel</name>
    <message>
        <source>Navigation, menu or breadcrumb</source>
        <translation>导航、菜单或面包屑</translation>
    </message>
    <message>
        <source>Injected spam or advertising</source>
        <translation>插入的垃圾信息或广告</translation>
    </message>
    <message>
        <source>List of related or unrelated links</source>
        <translation>相关或无关链接列表</translation>
    </message>
    <message>
        <source>JavaScript or CSS</source>
        <translation>JavaScript 或 CSS</translation>
    </message>
    <message>
        <source>Site footer, comment form or counter</source>
        <translation>网站页脚、评论表单或计数器</translation>
    </message>
    <message>
        <source>Title, date, author or source line</source>
        <translation>标题、日期、作者或来源行</translation>
    </message>
    <message>
        <source>Image placeholder or file name</source>
        <translation>图片占位或文件名</translation>
    </message>
    <message>
        <source>Title repeated in the body</source>
        <translation>正文中重复的标题</translation>
    </message>
    <message>
        <source>Comments, replies or further posts after the article</source>
        <translation>文章后的评论、回复或其他帖子</translation>
    </message>
    <message>
        <source>Paragraph repeated from earlier in the page</source>
        <translation>页面前文已出现的段落</translation>
    </message>
    <message>
        <source>Punctuation or symbols only</source>
        <translation>只有标点或符号</translation>
    </message>
    <message>
        <source>Blank line</source>
        <translation>空行</translation>
    </message>
    <message>
        <source>Removed by you</source>
        <translation>由你删除</translation>
    </message>
    <message>
        <source>Page header</source>
        <translation>页眉</translation>
    </message>
    <message>
        <source>Page footer</source>
        <translation>页脚</translation>
    </message>
    <message>
        <source>Page number</source>
        <translation>页码</translation>
    </message>
    <message>
        <source>Table of contents</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>Markup only (a table&apos;s rule row, a heading underline)</source>
        <translation>仅为标记（表格分隔行、标题下划线）</translation>
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
        <translation>恢复此行</translation>
    </message>
    <message>
        <source>Keep this line in the cleaned text from now on</source>
        <translation>今后在清理后的文本中保留此行</translation>
    </message>
    <message>
        <source>Use cleaner&apos;s decision</source>
        <translation>采用清理程序的判断</translation>
    </message>
    <message>
        <source>removed by you</source>
        <translation>由你删除</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) removed</source>
        <translation>
            <numerusform>已删除 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <source> · {0} of your decisions ({1} restored)</source>
        <translation> · 你做了 {0} 处决定（恢复 {1} 行）</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Search the library (Ctrl+K): 医院  &quot;千县工程&quot;  -广告  date:2023</source>
        <translation>搜索文库 (Ctrl+K)：医院  &quot;千县工程&quot;  -广告  date:2023</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n 篇文档</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchController</name>
    <message>
        <source>&amp;Search Library</source>
        <translation>搜索文库(&amp;S)</translation>
    </message>
    <message>
        <source>Finding names…</source>
        <translation>正在识别名称…</translation>
    </message>
    <message numerus="yes">
        <source>Names are not found yet in %n document(s): the search leaves them out</source>
        <translation>
            <numerusform>尚有 %n 篇文档未识别人名地名：本次搜索未包括它们</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Filter by action or key, e.g. “note” or “Ctrl+O”</source>
        <translation>按操作或按键筛选，例如“注释”或“Ctrl+O”</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
</context>
<context>
    <name>TagsDialog</name>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message numerus="yes">
        <source>Tags of %n document(s):</source>
        <translation>
            <numerusform>%n 篇文档的标签：</numerusform>
        </translation>
    </message>
    <message>
        <source>Separate tags with commas.</source>
        <translation>标签之间用逗号分隔。</translation>
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
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <source>Import the rest; pages already read by OCR are not read again</source>
        <translation>导入其余部分；OCR 已识别的页不再重新识别</translation>
    </message>
    <message>
        <source>D&amp;iscard</source>
        <translation>放弃(&amp;I)</translation>
    </message>
    <message>
        <source>Forget the unfinished import and the pages it had read</source>
        <translation>放弃未完成的导入及其已识别的页</translation>
    </message>
    <message numerus="yes">
        <source>An import did not finish: %n file(s) still to import.</source>
        <translation>
            <numerusform>有一次导入未完成：还有 %n 个文件待导入。</numerusform>
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
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <source>Show &amp;Original</source>
        <translation>显示原文(&amp;O)</translation>
    </message>
    <message>
        <source>Toggle between the cleaned text and the text as imported (Ctrl+U)</source>
        <translation>在清理后的文本和导入时的原始文本之间切换 (Ctrl+U)</translation>
    </message>
    <message>
        <source>&amp;Go to Page…</source>
        <translation>转到页面(&amp;G)…</translation>
    </message>
    <message>
        <source>Go to a page of a paged document such as a PDF (Ctrl+G)</source>
        <translation>转到分页文档（如 PDF）的某一页 (Ctrl+G)</translation>
    </message>
    <message>
        <source>原文 Original</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>简体 Simplified</source>
        <translation>简体</translation>
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
        <translation>{0} (Ctrl+{1})；Ctrl+Shift+{1} 仅用于当前文档</translation>
    </message>
    <message>
        <source>Regional &amp;Vocabulary</source>
        <translation>地区用词(&amp;V)</translation>
    </message>
    <message>
        <source>Convert words too (软件 → 軟體); positions are mapped back exactly</source>
        <translation>连词语一起转换（软件 → 軟體）；位置会精确对应回原文</translation>
    </message>
    <message>
        <source>Use Default Script for This Document</source>
        <translation>当前文档使用默认简繁设置</translation>
    </message>
    <message>
        <source>p. {0} / {1}</source>
        <translation>第 {0} / {1} 页</translation>
    </message>
    <message>
        <source>Page {0} of {1} shown as printed (Ctrl+G: Go to Page)</source>
        <translation>按印刷版式显示第 {0} 页，共 {1} 页（Ctrl+G：转到页面）</translation>
    </message>
    <message>
        <source>Page {0} of {1} at the top of the text (Ctrl+G: Go to Page)</source>
        <translation>正文顶部为第 {0} 页，共 {1} 页（Ctrl+G：转到页面）</translation>
    </message>
</context>
<context>
    <name>WhosWhoDialog</name>
    <message>
        <source>Who&apos;s Who</source>
        <translation>人物志</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>实体</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>提及次数</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Show &amp;Documents Mentioning It</source>
        <translation>显示提及它的文档(&amp;D)</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人物</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>术语</translation>
    </message>
    <message>
        <source>Titles</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Less certain ({0})</source>
        <translation>较不确定（{0}）</translation>
    </message>
    <message>
        <source>{0} entities</source>
        <translation>{0} 个实体</translation>
    </message>
    <message>
        <source> · {0} less certain</source>
        <translation> · {0} 个较不确定</translation>
    </message>
    <message>
        <source> · {0} documents still being read</source>
        <translation> · 还有 {0} 篇文档正在分析</translation>
    </message>
    <message>
        <source>Also written: {0}</source>
        <translation>又写作：{0}</translation>
    </message>
    <message>
        <source>Part of: {0}</source>
        <translation>隶属：{0}</translation>
    </message>
    <message>
        <source>Less certain: found on weak evidence</source>
        <translation>较不确定：依据不足</translation>
    </message>
</context>
</TS>
