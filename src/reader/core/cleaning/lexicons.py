"""Vocabulary of web page noise, as regular expressions.

Each list is generic: the words a site uses for its menus, footers, comment forms and view counters,
and the words gambling promotion is built from. None names a particular site or document. Word lists
live in reader/data/cleaning_*.txt with a source note per entry; the patterns here are the conventions
that need a regular expression. The cleaner combines a hit with the shape and position of the line
before removing anything: a hit alone never removes a line of prose.
"""

from __future__ import annotations

import re
from importlib import resources


def _entries(name: str) -> list[str]:
    """Entries of a word list in reader/data: one per line, a source note after a tab and "#"."""
    text = resources.files("reader").joinpath("data", name).read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        entry = line.split("\t#", 1)[0].strip()
        if entry and not entry.startswith("#"):
            out.append(entry)
    return out


def _alternation(name: str) -> str:
    words = sorted(_entries(name), key=len, reverse=True)  # longest first, so 首页 does not shadow 网站首页
    return "|".join(re.escape(w) for w in words)


SPAM = re.compile(_alternation("cleaning_spam_words.txt"), re.IGNORECASE)
# Brand-like Latin+digit tokens glued to 体育/娱乐/app: the shape of betting-site names ("xx体育", "xyz娱乐").
# `app` must end the Latin word: inside one (UserMapper, happy) it is only letters.
SPAM_BRAND = re.compile(r"[A-Za-z0-9]{2,}\s*(?:体育|體育|娱乐|娛樂|(?:app|APP)(?![A-Za-z]))")
# A line that is only an advertisement label.
LURE = re.compile(_alternation("cleaning_lure_words.txt"))
# Words of a report about an offer (who said it, who was swindled): a line holding one tells of the offer.
REPORTED = re.compile(_alternation("cleaning_report_words.txt"))
# A quotation: words cited, not the line's own (“…”, 「…」, 『…』, "…").
QUOTED = re.compile(r"“[^”]*”|「[^」]*」|『[^』]*』|\"[^\"]*\"")
# A messaging-app handle: the app's name after an invitation to add or contact, then an account id of
# Latin letters and digits (加微信 abc12345, 加V：138…, QQ 12345678). The id is what makes it a contact.
CONTACT_HANDLE = re.compile(
    r"(?:加|添加|联系|聯繫|聯系|私信)\s*(?:微信|微信号|微信號|微|威信|薇信|VX|vx|V信|v信|V|v|QQ|qq|扣扣)\s*(?:号|號)?\s*[:：]?\s*"
    r"(?:[A-Za-z][A-Za-z0-9_-]{4,}|\d{5,})"
)
AD_LABEL = re.compile(rf"^[\[【(（]?\s*(?:{_alternation('cleaning_ad_labels.txt')})\s*[\]】)）]?$", re.IGNORECASE)

# MediaWiki maintenance notices of the Chinese Wikipedia as they render at the top of an article
# (templates Refimprove, Expand, Notability, Cleanup, Translation, Unreferenced...): they speak of the page
# itself ("this article needs...") and carry the date the notice was added.
WIKI_BANNER = re.compile(
    r"^(?:此|本|這|这)(?:条目|條目|文章|章节|章節|段落|列表)"
    r"(?:需要|需|可能|没有|沒有|缺少|包含|的|中的|存在|翻译|翻譯|过于|過於|或许|或許|页面|頁面|已|有)"
)

# Breadcrumb lead-ins and the separators of a breadcrumb trail.
BREADCRUMB_LEAD = re.compile(
    r"^(?:您(?:现在|現在|当前|當前)?的?(?:位置|位置是)|当前位置|當前位置|所在位置|位置)\s*[:：]"
)
BREADCRUMB_SEP = re.compile(r"\s*(?:>>|>|»|›|→|＞|\\)\s*")

# Whole-line menu and tool items (a short line that is one of these, maybe in brackets).
NAV_ITEMS = _alternation("cleaning_nav_items.txt")
NAV_ITEM_LINE = re.compile(rf"^[\[【(（<「]?\s*(?:{NAV_ITEMS})\s*[\]】)）>」]?$", re.IGNORECASE)

# Footers, copyright, registration numbers, comment forms, counters. Case variants of the Latin words are
# spelled out rather than asked for with re.IGNORECASE: with that flag the engine can no longer skip to the
# first characters of the alternatives and this search, run on every line, costs ten times as much.
BOILERPLATE = re.compile(
    r"版权所有|版權所有|版权声明|版權聲明|copyright|Copyright|COPYRIGHT|©|\([cC]\)\s*\d{4}"
    r"|all rights reserved|All rights reserved|All Rights Reserved|ALL RIGHTS RESERVED"
    r"|ICP[备備证證]|ICP\s*\d|公网安备|公網安備"
    r"|powered by|Powered by|Powered By|POWERED BY"
    r"|技术支持[:：]|技術支持[:：]|网站建设|網站建設|备案号|備案號|经营许可证|經營許可證"
    r"|未经.{0,8}授权|未經.{0,8}授權"
    r"|请勿转载|請勿轉載|转载请注明|轉載請註明|免责声明|免責聲明|违者.{0,6}追究|違者.{0,6}追究"
    r"|发表回复|發表回覆|发表评论|發表評論|发表您的评论|我要评论|我要評論|网友评论|網友評論|评论\s*[(（]?\d*[)）]?$"
    r"|电子邮箱地址不会被公开|電子郵箱地址不會被公開|必填项|必填項|验证码|驗證碼|提交评论|提交評論|匿名发表"
    r"|浏览量|瀏覽量|浏览次数|瀏覽次數|阅读量|閱讀量|阅读次数|閱讀次數|点击数|點擊數|点击量|點擊量|访问量|訪問量"
    r"|欢迎光临|歡迎光臨|欢迎访问|歡迎訪問|扫一扫|掃一掃|扫描二维码|掃描二維碼|关注我们|關注我們|微信公众号|微信公眾號"
    r"|责任编辑|責任編輯|编辑[:：]|編輯[:：]|相关阅读|相關閱讀|相关新闻|相關新聞|相关文章|相關文章|热门推荐|熱門推薦"
    r"|猜你喜欢|猜你喜歡|延伸阅读|延伸閱讀|推荐阅读|推薦閱讀|上一篇[:：]|下一篇[:：]|分享到[:：]?|收藏本文|打印本文",
)
# The heading that opens a comment section: "已有3条评论", "网友评论 (12)", "发表评论".
COMMENT_HEAD = re.compile(
    r"(?:已有|共有|共|有)\s*\d+\s*(?:条|條|件|篇|个|個)?\s*(?:评论|評論|回复|回覆|留言)"
    r"|^[\[【]?(?:网友|網友|最新|精彩|热门|熱門|全部|相关|相關|读者|讀者)?(?:评论|評論|留言|回复|回覆)[\]】]?"
    r"\s*[(（]?\s*\d*\s*[)）]?\s*[:：]?$"
    r"|^(?:发表|發表|我要|查看)(?:评论|評論|留言)"
)
# The count that heads the answers of a question page: "5个回答", "共3条回答", "其他2条回答", "12 个答案"
# (the wording question-and-answer sites print over their answers, in both scripts; not from a sample page).
ANSWER_HEAD = re.compile(r"^(?:查看全部|共|其他|其它)?\s*\d+\s*(?:个|個|条|條)?\s*(?:回答|答案)\s*$")
# Phrases that, when they open a short line, mark a list heading of related material.
RELATED_HEAD = re.compile(
    r"^(?:相关|相關|热门|熱門|推荐|推薦|最新|更多|延伸|猜你|精彩|热点|熱點|图片|圖片|视频|視頻|专题|專題|友情链接|友情鏈接)"
)

# Image placeholders, credits and bare file names.
IMAGE = re.compile(
    r"^[\[【(（]?\s*(?:资料图|資料圖|资料图片|資料圖片|图片|圖片|配图|配圖|组图|組圖|示意图|示意圖|图|圖|photo|image|img)"
    r"\s*[\]】)）]?$"
    r"|^\S{0,60}\.(?:jpe?g|png|gif|webp|bmp|tiff?)$"
    # A picture's credit alone on its line: the agency or library it came from (图片来源：某某图库).
    r"|^[\[【(（]?\s*(?:图片来源|圖片來源|图源|圖源|图片提供|圖片提供)\s*[:：]\s*[^\s，。,.；;]{1,20}\s*[\]】)）]?$",
    re.IGNORECASE,
)

# Labels of metadata fields. Values may follow on the same line or the next one.
LABEL_TITLE = r"标题|標題|题目|題目"
LABEL_DATE = (
    r"发布时间|發布時間|发布日期|發布日期|发表时间|發表時間|发表日期|發表日期|更新时间|更新時間|发表于|發表於|发布于|發佈於"
    r"|时间|時間|日期|发稿时间|發稿時間|录入时间|錄入時間|上传时间|上傳時間|发文日期|發文日期|更新日期"
)
LABEL_AUTHOR = r"作者|作\s*者|记者|記者|撰稿|撰文|文\s*/|文／|通讯员|通訊員|发帖人|發帖人|楼主|樓主|供稿|作者名"
LABEL_SOURCE = r"文章来源|文章來源|来源|來源|出处|出處|转自|轉自|稿源|信息来源|信息來源|新闻来源|新聞來源"
LABEL_OTHER = (
    r"点击|點擊|阅读|閱讀|浏览|瀏覽|字数|字數|分类|分類|栏目|欄目|标签|標籤|关键词|關鍵詞|编辑|編輯"
    r"|(?:点击|點擊|阅读|閱讀|浏览|瀏覽|点阅|點閱)(?:次数|次數|数|數|量)"  # a page's counter: 點閱次數：2345
)
LABEL_ONLY = re.compile(
    rf"^(?:{LABEL_TITLE}|{LABEL_DATE}|{LABEL_AUTHOR}|{LABEL_SOURCE}|{LABEL_OTHER})\s*[:：]$", re.IGNORECASE
)

# Job titles and organisation endings: a short line ending in one of these, maybe with a name after
# it, is a name broken out of the sentence that follows (bold names in news copy).
TITLE_WORDS = (
    r"局长|局長|处长|處長|科长|科長|院长|院長|所长|所長|校长|校長|部长|部長|厅长|廳長|市长|市長|县长|縣長|省长|省長|区长|區長"
    r"|主任|书记|書記|委员|委員|常委|主席|总编|總編|总编辑|總編輯|编辑|編輯|记者|記者|教授|院士|研究员|研究員|董事长|董事長"
    r"|总经理|總經理|经理|經理|秘书长|秘書長|会长|會長|理事长|理事長|主编|主編|专家|專家|医生|醫生|医师|醫師|护士长|護士長"
    r"|负责人|負責人|代表|总裁|總裁|总监|總監|局|委|厅|廳|办|辦|院|部|处|處"
)
TITLE_THEN_NAME = re.compile(rf"(?:{TITLE_WORDS})[\u4e00-\u9fff]{{0,5}}$")
