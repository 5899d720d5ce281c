<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read, clean, convert and annotate Chinese-language reports offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Python {0} · Qt {1} · PySide6 {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The space the library&apos;s data takes, recent changes included (as in the status bar).
On disk now: {0} (the library file and its write-ahead log, which holds recent changes until they are written into the file).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Component</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reader is free software under the MIT licence. Qt and PySide6 are used under the LGPL version 3; the components above keep their own licences.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnnotationController</name>
    <message>
        <source>&amp;Highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight the selection with the last colour (H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight with &amp;Note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight Every &amp;Occurrence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight as “{0}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;All Annotations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight &amp;Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select some text first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotations are made on the cleaned text (Ctrl+U)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight every occurrence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} passages highlighted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight deleted — Ctrl+Z brings it back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-attach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the passage first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-attach note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnnotationDialog</name>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your note (plain text; Markdown is fine)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tags, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnnotationsBrowser</name>
    <message>
        <source>All Annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search quotes, notes and tags (either script)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modified</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s)</source>
        <translation>
            <numerusform>%n annotation</numerusform>
            <numerusform>%n annotations</numerusform>
        </translation>
    </message>
    <message>
        <source> (orphan)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnnotationsPanel</name>
    <message>
        <source>Quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-attach to Selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select text in the reading pane, then attach this orphan to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orphans ({0}): their text is gone</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s)</source>
        <translation>
            <numerusform>%n annotation</numerusform>
            <numerusform>%n annotations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n orphan(s)</source>
        <translation>
            <numerusform>, %n orphan</numerusform>
            <numerusform>, %n orphans</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CollectionsPanel</name>
    <message>
        <source>All documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Collection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename Collection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Collection…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentController</name>
    <message>
        <source>Edit &amp;Metadata…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reload from File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the file again if it changed; annotations move with the text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in &amp;Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recently &amp;Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} · {1} characters · library {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}
The size is the space the library&apos;s data takes, recent changes included.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line {0} restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line {0} removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line {0} reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload from File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is no longer there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If it was moved or renamed, locate it to reload the document from there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locate {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents ({0});;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot show the folder: no program is set up to open folders. The file is in {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path copied</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentDeletion</name>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected documents and their annotations from the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete “{0}”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n document(s)?</source>
        <translation>
            <numerusform>Delete %n document?</numerusform>
            <numerusform>Delete %n documents?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s) will be deleted with it.</source>
        <translation>
            <numerusform>%n annotation will be deleted with it.</numerusform>
            <numerusform>%n annotations will be deleted with it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s) will be deleted with them.</source>
        <translation>
            <numerusform>%n annotation will be deleted with them.</numerusform>
            <numerusform>%n annotations will be deleted with them.</numerusform>
        </translation>
    </message>
    <message>
        <source>Edit ▸ Undo brings them back until reader closes. The original files are not touched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n document(s)</source>
        <translation>
            <numerusform>Delete %n document</numerusform>
            <numerusform>Delete %n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n document(s)</source>
        <translation>
            <numerusform>Deleted %n document</numerusform>
            <numerusform>Deleted %n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s)</source>
        <translation>
            <numerusform>%n annotation</numerusform>
            <numerusform>%n annotations</numerusform>
        </translation>
    </message>
    <message>
        <source>Ctrl+Z brings them back</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Restored %n document(s)</source>
        <translation>
            <numerusform>Restored %n document</numerusform>
            <numerusform>Restored %n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the file of %n deleted document(s) was imported again since</source>
        <translation>
            <numerusform>the file of %n deleted document was imported again since</numerusform>
            <numerusform>the file of %n deleted documents was imported again since</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s) moved there</source>
        <translation>
            <numerusform>%n annotation moved there</numerusform>
            <numerusform>%n annotations moved there</numerusform>
        </translation>
    </message>
    <message>
        <source>(orphans: {0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) could not come back: the same file was imported again</source>
        <translation>
            <numerusform>%n document could not come back: the same file was imported again</numerusform>
            <numerusform>%n documents could not come back: the same file was imported again</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentTableModel</name>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not opened yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntitiesController</name>
    <message>
        <source>&amp;Who&apos;s Who…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntitiesPanel</name>
    <message>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Highlight in Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Documents Mentioning It</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Places</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Titles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Less certain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No entities found in this document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also written: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Part of: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Less certain: found on weak evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} mentions · click to highlight, double-click for documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding people, places and organisations…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorHook</name>
    <message>
        <source>Out of memory: close other programs and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file could not be used: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong ({0}); nothing was lost.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message>
        <source>&amp;Export Notes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;Annotations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>W3C JSON (*.json *.jsonld)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown (Obsidian, Logseq)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML page (self-contained)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>W3C Web Annotation JSON-LD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV spreadsheet (UTF-8 with BOM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected documents ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotated documents only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regional vocabulary (软件 → 軟體)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Convert my notes to this script too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown: one note per document in a folder (Obsidian, Logseq)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only annotations whose quote, note or tag contains…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} (*{1});;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s)</source>
        <translation>
            <numerusform>%n annotation</numerusform>
            <numerusform>%n annotations</numerusform>
        </translation>
    </message>
    <message>
        <source>The PDF preview could not be made: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Notes to Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n note(s) changed since the last export were kept as you edited them:</source>
        <translation>
            <numerusform>%n note changed since the last export were kept as you edited them:</numerusform>
            <numerusform>%n notes changed since the last export were kept as you edited them:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) no export wrote were left alone; the notes went beside them.</source>
        <translation>
            <numerusform>%n file no export wrote were left alone; the notes went beside them.</numerusform>
            <numerusform>%n files no export wrote were left alone; the notes went beside them.</numerusform>
        </translation>
    </message>
    <message>
        <source>Overwrite them with the notes from the library? Your changes to them are lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep My Changes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FacetsPanel</name>
    <message>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collections</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in document (either script)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous (Shift+F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next (F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindController</name>
    <message>
        <source>&amp;Find in Document…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find &amp;Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GoToPageDialog</name>
    <message>
        <source>Go to Page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page (1–{0}):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>&amp;Import Files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents ({0});;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unfinished import discarded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and {0} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} already in the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (cancelled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportJob</name>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cleaning documents again with the improved cleaner…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing {0} of {1}: {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing {0} of {1}: {2}, {3} of {4} pages read</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InfoPanel</name>
    <message>
        <source>Simplified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traditional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mixed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Chinese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read by OCR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repairs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Font</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Metadata…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pages {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ({0:.0%} script-specific)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LineDecisions</name>
    <message>
        <source>Keep Line {0} in the Cleaned Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Line {0} from the Cleaned Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the Cleaner&apos;s Decision for Line {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side &amp;Panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the Annotations, Entities, Info and Removed tabs (F9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For This &amp;Document Only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Annotate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MetadataDialog</name>
    <message>
        <source>Edit Metadata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detected: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates: 2023-09-27, 2023年9月27日 or 2023-09-27 14:30</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}” is not a date reader understands.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrganiseController</name>
    <message>
        <source>&amp;Tags…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the tags of the selected documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to &amp;Collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the selected documents in a collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Collection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to Collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove from Collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Collection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Tags changed on %n document(s)</source>
        <translation>
            <numerusform>Tags changed on %n document</numerusform>
            <numerusform>Tags changed on %n documents</numerusform>
        </translation>
    </message>
    <message>
        <source>New Collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created collection %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename Collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the collection “%1”? Its documents stay in the library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted collection %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Added %n document(s) to %1</source>
        <translation>
            <numerusform>Added %n document to %1</numerusform>
            <numerusform>Added %n documents to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %n document(s) from %1</source>
        <translation>
            <numerusform>Removed %n document from %1</numerusform>
            <numerusform>Removed %n documents from %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PagePrinted</name>
    <message>
        <source>&amp;Page as Printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the page of a PDF as printed instead of its text (Ctrl+Shift+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file of this document was not kept when it was imported, so its pages cannot be shown.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PageView</name>
    <message>
        <source>Drawing page {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This PDF needs a password, so its pages cannot be shown as printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This page cannot be shown as printed: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasswordImport</name>
    <message>
        <source>Password Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}” is protected by a password. Enter it to import the document:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password was not right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Same as the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sepia (reading pane)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new location takes effect when reader restarts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The interface language changes when reader restarts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show documents in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regional vocabulary (软件 → 軟體)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the first installed of the usual Chinese reading fonts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Font</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> pt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line height</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each colour keeps its meaning in notes you already made; rename it freely.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the colour (Alt+{0} highlights with it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore Default Colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reader library (*.sqlite *.db);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default: the first installed of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight Colour</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReadingView</name>
    <message>
        <source>This document mixes simplified and traditional characters ({0:.0%} script-specific), which is often a sign of machine-reworded text.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecentMenu</name>
    <message>
        <source>No document read yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RemovedPanel</name>
    <message>
        <source>Navigation, menu or breadcrumb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Injected spam or advertising</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List of related or unrelated links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JavaScript or CSS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site footer, comment form or counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title, date, author or source line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image placeholder or file name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title repeated in the body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comments, replies or further posts after the article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paragraph repeated from earlier in the page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Punctuation or symbols only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blank line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed by you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page footer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table of contents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markup only (a table&apos;s rule row, a heading underline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep this line in the cleaned text from now on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use cleaner&apos;s decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removed by you</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) removed</source>
        <translation>
            <numerusform>%n line removed</numerusform>
            <numerusform>%n lines removed</numerusform>
        </translation>
    </message>
    <message>
        <source> · {0} of your decisions ({1} restored)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Search the library (Ctrl+K): 医院  &quot;千县工程&quot;  -广告  date:2023</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchController</name>
    <message>
        <source>&amp;Search Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding names…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Names are not found yet in %n document(s): the search leaves them out</source>
        <translation>
            <numerusform>Names are not found yet in %n document: the search leaves them out</numerusform>
            <numerusform>Names are not found yet in %n documents: the search leaves them out</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by action or key, e.g. “note” or “Ctrl+O”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TagsDialog</name>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Tags of %n document(s):</source>
        <translation>
            <numerusform>Tags of %n document:</numerusform>
            <numerusform>Tags of %n documents:</numerusform>
        </translation>
    </message>
    <message>
        <source>Separate tags with commas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In use: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnfinishedImportsBar</name>
    <message>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the rest; pages already read by OCR are not read again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;iscard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget the unfinished import and the pages it had read</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>An import did not finish: %n file(s) still to import.</source>
        <translation>
            <numerusform>An import did not finish: %n file still to import.</numerusform>
            <numerusform>An import did not finish: %n files still to import.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ViewController</name>
    <message>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toggle between the cleaned text and the text as imported (Ctrl+U)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go to Page…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to a page of a paged document such as a PDF (Ctrl+G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>原文 Original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>简体 Simplified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>繁體 Traditional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>臺灣 Taiwan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>香港 Hong Kong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} (Ctrl+{1}); Ctrl+Shift+{1} for this document only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regional &amp;Vocabulary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Convert words too (软件 → 軟體); positions are mapped back exactly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use Default Script for This Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p. {0} / {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page {0} of {1} shown as printed (Ctrl+G: Go to Page)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page {0} of {1} at the top of the text (Ctrl+G: Go to Page)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WhosWhoDialog</name>
    <message>
        <source>Who&apos;s Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Documents Mentioning It</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Places</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Titles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Less certain ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} entities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · {0} less certain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · {0} documents still being read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also written: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Part of: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Less certain: found on weak evidence</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
