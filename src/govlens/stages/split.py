"""Find the documents inside a page and drop the site chrome around them.

A page is a list of paragraphs (one per line after :mod:`normalize`). Each line is classed as

* ``chrome``  — navigation, pagination, login, hotlines, copyright, share links, user stats;
* ``meta``    — a header field that belongs to the next document (索引号, 来源, 发布日期 …);
* ``item``    — a listing entry (``• 【青浦区招商】2021年青浦区政府工作报告``);
* ``text``    — everything else.

Chrome lines cut the page into runs. A run with listing items is cut at each item; a run shaped
like a report (各位代表, 一、二、 headings) is one document; other runs are cut like a newspaper
page, at headline blocks and at 本报讯/新华社电 openings. Runs with no real prose, or made mostly of
site policy (投稿须知, 用户协议), are dropped.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from ..errors import NoDocuments
from ..lexicon.words import YEAR
from ..model import Document, Page
from ..offsets import OffsetChain, build
from .titles import never_title

_CHROME_WORDS = re.compile(
    r"设为首页|收藏本站|加入收藏|返回顶部|返回列表|快速回复|回帖|登录|注册|积分|帖子|楼层|阅读模式|复制链接|签到|"
    r"每日心情|Rank[:：]|Powered by|Copyright|版权所有|©|ICP|备案号|客服|在线咨询|联系电话|联系我们|热线|扫一扫|"
    r"责任编辑|相关附件|浏览次数|访问量|阅读量|上一篇|下一篇|分享到|打印本页|关闭窗口|投稿|查看[:：]|回复[:：]|"
    r"企业入驻|招商政策|获取园区|租购厂房|工业用地招商|其他相关咨询|在线时间|本版积分规则|当前位置|网站地图|"
    r"【[大中小]】|字号[:：]|手机版|微信公众号|官方微博|无障碍|English|相关(?:阅读|新闻|链接|文章|报道)|延伸阅读|推荐阅读"
)
_CHROME_LINE = re.compile(
    r"^(?:[\d\s:：\-/.|~～年月日至—]+|[\d.]+万|共\s*\d+\s*页|[\d\s]+(?:尾页|下一页|末页)?|首页|尾页|跳转到?|确定|确认|关闭|"
    r"立即获取|更多|[（(]?[上下]转第?\d+版[）)]?|[（(][上下]接第?\d+版[）)]|周[一二三四五六日][~～至-]周[一二三四五六日]|"
    r"\d{3,4}-\d{3,4}-\d{3,4}|\[LV\.\d+\]\S*|[•·●▪◆■]\s*\S{1,8}|\[[^\]\d]{1,12}\]\S{0,8}|TA的\S*|版主|主题|开心|难过|郁闷|无聊|"
    r"[【\[]?\s*字体\s*[:：]?(?:\s*[大中小]){0,3}\s*[】\]]?|[大中小]|[】\]]|分享(?:到)?\s*[:：]?|打印|关闭|"
    r"(?:第\s*\d+\s*页\s*[,，/]?\s*)?共\s*\d+\s*页(?:\s*[,，/]?\s*第\s*\d+\s*页)?|(?:楼主|沙发|板凳|地板|\d+\s*楼|\d+#)(?:\s*\S{0,12})?)$"
)
_META = re.compile(
    r"^(?:\|\s*|[•·●▪]\s*)?【?\s*(?:索\s*引\s*号|信息名称|信息分类|文件名称|生成日期|公开日期|发文日期|印发日期|公布日期|发布单位|发布机构|发文机构|内容概述|发布日期|发布时间|成文日期|发文机关|发文字号|文\s*号|主\s*题\s*词|主题分类|"
    r"公开分类|信息来源|来\s*源|时\s*间|日\s*期|作\s*者|标\s*题|名\s*称|发文单位|体裁分类|组配分类|有\s*效\s*性|公开方式|公开范围|"
    r"发表时间|发稿时间|更新时间|阅读量|浏览量|浏览次数|访问次数|访问量|点击数|点击量)\s*[|：:]"
)
_DATE_LINE = re.compile(rf"^{YEAR}(?:[-/.]\d{{1,2}}[-/.]\d{{1,2}}|年\d{{1,2}}月\d{{1,2}}日)"
                        r"(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?|\s*\d{1,2}时\d{1,2}分(?:\d{1,2}秒)?)?$")  # 2031年02月10日 07时41分
# A newspaper page's running head: 大众日报　2031年5月12日　第2版　要闻 (its date is the items' date),
# the page's editors after it (第3版：要闻　责任编辑：王明　美术编辑：李华).
_PAPER_HEAD = re.compile(r"^(?:[^，。]{0,20}(?:日报|晚报|报)|\s*" + YEAR + r"年\d{1,2}月\d{1,2}日)\s*[^，。]{0,24}(?:第\s*[A-Z]?[\d一二三四五六七八九十]+|[A-Z]\d{1,2})\s*版[^，。]{0,12}?"
                         r"(?:\s*(?:责任编辑|美术编辑|图片编辑|编辑|责编|校对|版式设计|版式|设计)\s*[：:]\s*[^，。\s：:]{1,8})*\s*$"
                         # a paper's name and the day alone (大公报　2031年5月9日 星期五)
                         + r"|^[\u4e00-\u9fff]{2,10}(?:日报|晚报|报)\s*" + YEAR + r"年\d{1,2}月\d{1,2}日(?:\s*星期[一二三四五六日天])?$"
                         # the day, a lettered page number with no 版 and the page's name (…2031年5月9日　星期五　A07　要闻)
                         + r"|^(?:[\u4e00-\u9fff]{2,10}(?:日报|晚报|报))?\s*" + YEAR + r"年\d{1,2}月\d{1,2}日(?:\s*星期[一二三四五六日天])?"
                         r"\s*[A-Z]\d{1,2}(?!\d)\s*[\u4e00-\u9fff\s·]{0,12}"
                         r"(?:\s*(?:责任编辑|美术编辑|图片编辑|编辑|责编|校对|版式设计|版式|设计)\s*[：:]\s*[^，。\s：:]{1,8})*\s*$"
                         # the page number and name first, then the day (A03 · 要闻　2031年6月2日　星期四)
                         r"|^(?:[A-Z]\d{1,2}(?!\d)|第\s*[A-Z]?[\d一二三四五六七八九十]+\s*版)\s*[·・：:]?\s*[\u4e00-\u9fff]{0,8}\s*" + YEAR
                         + r"年\d{1,2}月\d{1,2}日(?:\s*星期[一二三四五六日天])?"
                         r"(?:\s*(?:责任编辑|美术编辑|图片编辑|编辑|责编|校对|版式设计|版式|设计)\s*[：:]\s*[^，。\s：:]{1,8})*\s*$")
# A paper page's running head read as tokens (token, pattern, invented example): a line that is nothing but
# these, with a page number and the paper's name or the day, is the head, in any order and with any
# separators (大公报　A12｜内地｜2031年9月22日, 香港商报　2031-09-22　A08　内地, 文汇报　A10　中国新闻　2031年5月6日).
PAPER_HEAD_TOKENS: list[tuple[str, str, str]] = [
    ("paper", r"[\u4e00-\u9fff]{1,10}(?:日报|晚报|商报|时报|报)", "云溪日报"),
    ("day", YEAR + r"(?:年\d{1,2}月\d{1,2}日|[-/.]\d{1,2}[-/.]\d{1,2})", "2031/07/31"),
    ("weekday", r"星期[一二三四五六日天]|周[一二三四五六日]", "星期三"),
    ("page", r"第\s*[A-Z]?[\d一二三四五六七八九十]+\s*版|[A-Z]\d{1,2}(?!\d)(?:\s*版)?", "B3版"),
    ("editor", r"(?:责任编辑|美术编辑|图片编辑|编辑|责编|校对|版式设计|版式|设计)\s*[：:]\s*[^，。\s：:|｜]{1,8}", "责任编辑：陈锋"),
    ("name", r"[\u4e00-\u9fff]{2,8}", "粤港澳大湾区"),
]
_HEAD_TOKEN = re.compile("|".join(f"(?P<{n}>{p})" for n, p, _ in PAPER_HEAD_TOKENS))
_HEAD_SEP = re.compile(r"[\s|｜·・‧:：（）()]*")  # 2031年9月14日（星期三）
_PAGE_NAME = re.compile(r"^\s*[A-Z]\d{1,2}\s*版?[\s|｜·・:：]*[\u4e00-\u9fff]{2,8}\s*$")
_PAGE_ALONE = re.compile(r"^\s*(?:第\s*)?[A-Z]\d{1,2}\s*版?[\s|｜·・:：]+[\u4e00-\u9fff]{2,8}\s*$|^\s*[A-Z]\d{1,2}\s*版?\s*$")


def _paper_head(text: str) -> bool:
    """Whether a line is a paper page's running head by :data:`PAPER_HEAD_TOKENS` (one page name at most)."""
    if len(text) > 80:
        return False
    seen: list[str] = []
    names: list[str] = []
    i = _HEAD_SEP.match(text).end()
    while i < len(text):
        m = _HEAD_TOKEN.match(text, i)
        if m is None:
            return False
        seen.append(m.lastgroup or "")
        if m.lastgroup == "name":
            names.append(m.group())
        i = _HEAD_SEP.match(text, m.end()).end()
    if "page" not in seen and "paper" in seen and "day" in seen:
        # no page number: the paper, the day and a short section name (溪报 2031年3月2日 星期四 | 中国)
        return len(names) <= 1 and all(len(n) <= 4 for n in names)
    # a page number and its name alone (A07　粤港澳大湾区, under the day) need a gap between them (G20峰会 is a headline)
    return "page" in seen and seen.count("name") <= 1 and (
        "day" in seen or "paper" in seen or bool(_PAGE_ALONE.match(text)))


# Site furniture: navigation, menus, a newspaper's page controls (rule, invented example line). Such
# a line is never part of a document; it cuts the page like chrome, and what it says about the site
# (a section path, the portal's or paper's name) is kept in every document's header as "站点：…",
# weak evidence of the place the page is about (regions.WEIGHTS["site"]).
NAV_RULES: list[tuple[str, str]] = [
    # a breadcrumb: short segments joined by > / >> / »
    (r"^(?:[^>＞»›\n]{1,24}?\s*(?:>>?|＞|»|›)\s*)+[^>＞»›\n]{1,24}$", "云溪新闻网首页 > 区县 > 明澜"),
    # one under its label, whose last segment may be the page's own long title
    (r"^(?:您当前的位置|您现在的位置|当前位置|您的位置|所在位置)\s*[：:]\s*(?:[^>＞»›\n]{1,24}?\s*(?:>>?|＞|»|›)\s*)+[^>＞»›\n]{1,120}$",
     "您当前的位置：首页 > 征求意见 > 关于《云溪市养犬管理条例（草案征求意见稿）》公开征求意见的公告"),
    # a menu: three or more short items between | or ｜
    (r"^(?:[^|｜，。\n]{1,10}\s*[|｜]\s*){2,}[^|｜，。\n]{1,10}$", "首页 | 要闻 | 政务公开 | 互动交流"),
    # a site's name and a channel, split by | or a dash
    (r"^[\u4e00-\u9fff]{2,20}(?:网|网站|客户端|日报|晚报|报)\s*[|｜\-—_‧·・]\s*[\u4e00-\u9fff]{2,12}$", "云溪日报客户端 | 明澜频道"),
    # a paper's or news site's name and its section over the page (明报 ‧ 中国, 云溪晨报 - 两岸, 溪岛01 ‧ 中国),
    # perhaps the day after it (溪报‧中国‧2031年3月2日) or on the next line
    (r"^[\u4e00-\u9fff0-9A-Za-z]{1,10}(?:日报|晚报|商报|时报|报|新闻|网|01)\s*[‧·・|｜\-—－_]\s*[\u4e00-\u9fff]{2,6}"
     r"(?:\s*[‧·・|｜\-—－_]?\s*\d{4}(?:年\d{1,2}月\d{1,2}日|[-/.]\d{1,2}[-/.]\d{1,2})(?:\s*[（(]?星期[一二三四五六日天][）)]?)?)?$",
     "溪报 ‧ 中国"),
    # a masthead: the site's, paper's or press office's name, a channel, perhaps the day, spaced apart
    (r"^[\u4e00-\u9fff]{2,20}(?:网|网站|客户端|日报|晚报|报|新闻办公室|新闻办|融媒体中心)\s+[\u4e00-\u9fff]{0,6}"
     r"(?:新闻|要闻|新闻发布|动态|频道|资讯|时政|专栏|头条)(?:\s+\d{4}年\d{1,2}月\d{1,2}日\s*[（(]?星期[一二三四五六日天][）)]?)?$",
     "云溪晨报客户端　　区县新闻　　2031年3月5日（星期三）"),
    # menu words run together (a menu whose spaces were lost), or one standing alone
    # (走进X / 魅力X only beside another menu word: alone, 走进校园课堂 is a headline's second line)
    (r"^(?!(?:走进|魅力)[\u4e00-\u9fff]{2,6}$)(?:(?:网站)?首页|政务公开|政务服务|办事服务|互动交流|要闻动态|新闻中心|政务要闻|新闻发布|信息公开|政府信息公开|"
     r"公众参与|数据发布|专题专栏|在线访谈|政民互动|走进[\u4e00-\u9fff]{2,6}|魅力[\u4e00-\u9fff]{2,6}|[\s|｜]+){1,12}$",
     "网站首页政务公开政务服务互动交流走进溪北"),
    # a portal's menu run together, opening with 首页 and holding two of its usual words whatever the
    # others are (首页 + 政策文件, 机构设置, 走进溪北…): no headline starts with 首页
    (r"^(?:网站)?首页(?=[^，。；！？\n]*?(?:政务公开|政务服务|互动交流|信息公开|政民互动|新闻中心|办事服务|专题专栏|"
     r"政策文件|政策解读|通知公告|机构设置|公众参与|在线服务|便民服务|网上办事|数据发布|走进|魅力)"
     r"[^，。；！？\n]*?(?:政务公开|政务服务|互动交流|信息公开|政民互动|新闻中心|办事服务|专题专栏|政策文件|政策解读|"
     r"通知公告|机构设置|公众参与|在线服务|便民服务|网上办事|数据发布|走进|魅力))[\u4e00-\u9fff\s|｜]{4,60}$",
     "首页政务公开政策文件机构设置办事指南"),
    # a newspaper's page controls
    (r"^(?:[【\[]?(?:上一版|下一版|上一期|下一期|返回目录|版面导航|往期回顾|本版导航|PDF版?)[】\]]?\s*){1,6}$", "【上一版】【下一版】 【返回目录】"),
    # a page number with its name, standing alone
    (r"^第\s*[\d一二三四五六七八九十]+\s*版\s*[：:]?\s*[\u4e00-\u9fff]{0,8}$", "第05版：地方新闻"),
    # a breadcrumb broken over lines: its arrows, or its label, standing alone
    (r"^(?:>>?|＞|»|›|/)$|^(?:您的位置|当前位置|所在位置|您现在的位置)\s*[：:]?$", "您的位置："),
    # a weather widget (with the site's name before it)
    (r"(?:晴|阴|多云|小雨|中雨|大雨|暴雨|雷阵雨|阵雨|雨夹雪|小雪|中雪|大雪|雾|霾)(?:转\S{1,3})?\s*-?\d{1,2}\s*(?:℃|°C)?"
     r"\s*(?:[~～/至—-]\s*-?\d{1,2}\s*)?(?:℃|°C)",
     "云溪市人民政府 明澜 晴 6℃~18℃"),
    # the same with the range's unit written once (晴 6~17℃)
    (r"(?:晴|阴|多云|小雨|中雨|大雨|暴雨|雷阵雨|阵雨|雨夹雪|小雪|中雪|大雪|雾|霾)\s*-?\d{1,2}\s*[~～/至—-]\s*-?\d{1,2}\s*(?:℃|°C)",
     "溪北县人民政府　2031年11月12日 星期三　多云 4~15℃"),
]
# The rules as one alternation: "does any rule match this line" is one search, not one per rule.
_NAV = re.compile("|".join(f"(?:{p})" for p, _ in NAV_RULES))
_POSITION = re.compile(r"^(?:您当前的位置|您现在的位置|当前位置|您的位置|所在位置)\s*[：:]")
# Lines that are chrome whatever their length (rule, invented example); unlike NAV lines they say
# nothing about the site (上一篇 names another document).
CHROME_RULES: list[tuple[str, str]] = [
    # a date widget's label whose date the page script never filled in
    (r"^(?:今天是|今日是|今天|当前时间|现在时间)\s*[：:]?\s*$", "今天是："),
    (r"ICP[备证]|公网安备|网站标识码|版权所有|Copyright|©", "版权所有：云溪市人民政府办公厅 溪ICP备00000000号 网站标识码：0000000000"),
    (r"^(?:上一篇|下一篇|上一条|下一条|上篇|下篇)\s*[：:]", "上一篇：明澜区召开2031年春耕生产工作会议暨农业农村重点项目集中开工仪式"),
    (r"^(?:[【\[]\s*(?:关闭(?:窗口)?|打印(?:本页)?|分享(?:到)?|返回顶部|收藏|纠错|我要纠错|字体\s*[：:]?\s*[大中小\s]*)\s*[】\]]\s*)+$",
     "【字体：大 中 小】【关闭】【打印】"),
    # a listing's pager: the count of entries and the page controls
    (r"^共\s*\d+\s*(?:条|篇|页)(?:记录)?[\s,，]*(?:首页|上一页|下一页|尾页|末页|\d|/|[,，\s])*$", "共12条　首页 上一页 1 2 下一页 尾页"),
]
_CHROME_ANY = re.compile("|".join(f"(?:{p})" for p, _ in CHROME_RULES))
_SENTENCE_ON = re.compile(r"。.")
# Only among the lines before a page's first paragraph: a line that is the site's or paper's name alone.
SITE_RULES: list[tuple[str, str]] = [
    (r"^[\u4e00-\u9fff]{2,30}(?:新闻网|网站|门户网站?|政府网|人大网|网|数字报|数字版|电子版|客户端|频道|日报|晚报|在线)$", "云溪日报数字版"),
    (r"^[\u4e00-\u9fff]{2,30}(?<![喜捷简快情汇通周年画公举电预申上回])报$", "云溪城市副中心报"),
    (r"^[\u4e00-\u9fff]{2,30}(?:人民政府|行政公署)$", "溪北县人民政府"),
    (r"^[\u4e00-\u9fff]{2,30}(?:人大常委会|人大|政协)(?:门户网站?|网站|网)?$", "云溪市人大常委会"),
    (r"^[\u4e00-\u9fff]{2,30}(?:信息公开|政务公开)(?:网|平台|专栏)?$", "溪北县人民政府信息公开"),
]
_SITE = [re.compile(p) for p, _ in SITE_RULES]
# A photo caption marked with a bullet (■图为… 本报记者 王明 摄) is the caption of the article above it,
# never an entry of a listing: it stays a line of that article's text.
CAPTION_RULES: list[tuple[str, str]] = [
    (r"^[■□▲△●◆◇]\s*(?:图为|图[：:]|[上下左右]图|图\s*[①②③④⑤⑥⑦⑧⑨⑩\d])", "■图为6月2日明澜港码头作业现场。"),
    (r"^[■□▲△●◆◇][^\n]{2,120}(?:记者|摄影|通讯员|图)\s*[\u4e00-\u9fff·]{2,4}\s*摄$", "▲明澜港码头一派繁忙景象。　本报记者 李森 摄"),
    # unmarked, when it says 图为 and ends on its credit
    (r"^(?:图为|[上下左右]图[：:为])[^\n]{2,120}(?:记者|摄影|通讯员)\s*[\u4e00-\u9fff·]{2,4}\s*摄$", "图为明澜港码头作业现场。 本报记者 李森 摄"),
]
_CAPTION = re.compile("|".join(f"(?:{p})" for p, _ in CAPTION_RULES))
_WEEKDAY_DATE = re.compile(rf"^{YEAR}年\d{{1,2}}月\d{{1,2}}日\s*星期[一二三四五六日天]$")
# Who runs the site, as a footer says it: 主办：云溪市人民政府办公室 / 云溪日报社版权所有.
_FOOTER_DATE = re.compile(rf"(?<![\d\-—～~至])(?:{YEAR})年\d{{1,2}}月\d{{1,2}}日")
_OWNER = re.compile(r"(?:主办(?:单位)?|版权所有|承办(?:单位)?)\s*[：:]\s*([\u4e00-\u9fff]{4,30}?)(?=\s|[（(]|主办|承办|[\u4e00-\u9fff]ICP|ICP|$)"
                    r"|([\u4e00-\u9fff]{4,30}?)(?:\s*)版权所有")
_TAGGED_ITEM = re.compile(r"^【[^】]{1,10}】\s*[^【】。！？；]{4,80}$")
_ITEM = re.compile(r"^[•·●▪◆■]\s*(?:【[^】]{1,20}】)?\s*(?P<title>\S.{3,80})$")
# A listing entry's date on its line, after the title (· 云溪市人民政府关于…的通告　2031-09-26 / [2031-09-26]).
_DAY = rf"{YEAR}(?:[-/.]\d{{1,2}}[-/.]\d{{1,2}}|年\d{{1,2}}月\d{{1,2}}日)"
_ITEM_DATE = re.compile(rf"\s*[|｜]?\s*[\[【（(]?(?P<date>{_DAY})[\]】）)]?\s*[|｜]?\s*$")
# A 文号 beside a listing entry's title, in brackets or a column of its own (溪政办发〔2031〕5号)
_DOC_NO = r"[\u4e00-\u9fff]{1,12}[〔\[［(（]\d{4}[〕\]］)）]\s*\d{1,4}\s*号"
_ITEM_DOC_NO = re.compile(rf"(?:(?<=[\s|｜（(])|(?<=通知|通告|意见|决定|批复|条例|办法|规定|细则|方案|规划|公告|通报))"
                          rf"\s*[|｜]?\s*[（(]?(?P<no>{_DOC_NO})[）)]?\s*[|｜]?\s*$")
# ... or before it (· 2031-09-26　云溪市人民政府关于…的通告)
_ITEM_DATE_FIRST = re.compile(rf"^\s*[\[【（(]?(?P<date>{_DAY})[\]】）)]?\s*")
_ITEM_MARK = re.compile(r"^(?:[•·●▪◆■]|\d{1,3}\s*[.、．]|[（(]\d{1,3}[）)]|[|｜])\s*")
# A document's title alone (…关于…的通告), no sentence in it: with its date on its line or the next, an entry
# of a listing of documents even with no bullet (rule, invented example).
DOC_ENTRY_RULES: list[tuple[str, str]] = [
    (rf"^(?:[•·●▪◆■]|\d{{1,3}}\s*[.、．]|[|｜])?\s*[^。！？；，|｜]{{6,80}}?(?:通知|意见|决定|批复|条例|办法|规定|细则|方案|规划|公告|通告|通报|公报|报告)"
     rf"(?:\s*[|｜]?\s*[（(]?{_DOC_NO}[）)]?)?\s*[|｜]?\s*[\[【（(]?{_DAY}[\]】）)]?\s*[|｜]?$", "1. 溪北县人民政府关于调整城区部分公交线路的通告　2031-02-27"),
    # with its 文号 between the title and the day (in brackets, or a table's column)
    (rf"^(?:[•·●▪◆■]|[|｜])?\s*[^。！？；，|｜]{{6,80}}?(?:通知|意见|决定|批复|条例|办法|规定|细则|方案|规划|公告|通告|通报|公报|报告)"
     rf"\s*[|｜]?\s*[（(]?{_DOC_NO}[）)]?\s*[|｜]?\s*{_DAY}\s*[|｜]?$", "| 溪北县人民政府关于调整城区部分公交线路的通告 | 溪政通〔2031〕2号 | 2031-02-27 |"),
    (rf"^(?:[•·●▪◆■]|\d{{1,3}}\s*[.、．])?\s*[\[【（(]?{_DAY}[\]】）)]?\s*[^。！？；，]{{6,80}}?"
     r"(?:通知|意见|决定|批复|条例|办法|规定|细则|方案|规划|公告|通告|通报|公报|报告)$", "2031-02-27　溪北县人民政府关于调整城区部分公交线路的通告"),
]
_DOC_ENTRY = re.compile("|".join(f"(?:{p})" for p, _ in DOC_ENTRY_RULES))
_DOC_TITLE_ALONE = re.compile(r"^(?:[•·●▪◆■]|\d{1,3}\s*[.、．])?\s*[^。！？；，：:]{6,80}?"
                              r"(?:通知|意见|决定|批复|条例|办法|规定|细则|方案|规划|公告|通告|通报|公报|报告)$")
_POLICY = re.compile(
    r"本网(?!讯|记者|消息|通讯员|评论员|综合)|本站(?!讯|记者|消息)|本协议|服务条款|您|稿件|投稿|作品|侵权|违约|法律责任|转载|著作权|隐私|账号|平台有权"
)
# A byline standing on its own line between a headline's rows and the text (rule, invented examples:
# 王明 报道：, 记者 李华 王明, 文/王明, 通讯员 李华 报道).
BYLINE_RULES: list[tuple[str, str]] = [
    (r"^(?:(?:本报|本台|本网)?(?:记者|通讯员|实习记者|特约记者)\s*)?[\u4e00-\u9fff·]{2,4}(?:\s+[\u4e00-\u9fff·]{2,4}){0,3}\s*(?:报道|撰稿)\s*[：:]?$",
     "王明 报道："),
    (r"^(?:本报|本台|本网)?(?:记者|通讯员|实习记者|特约记者)\s*[\u4e00-\u9fff·]{2,4}(?:\s+(?:(?:记者|通讯员)\s*)?[\u4e00-\u9fff·]{2,4}){0,3}$",
     "记者 李华 通讯员 王明"),
    (r"^(?:文|图|文图|图文)\s*[/／]\s*[\u4e00-\u9fff·]{2,4}(?:\s+[\u4e00-\u9fff·]{2,4}){0,3}$", "文/王明"),
]
_BYLINE_LINE = re.compile("|".join(f"(?:{p})" for p, _ in BYLINE_RULES))
_NEWS_OPEN = re.compile(r"^(?:本报讯|[【\[]本报消息[】\]]|[^，。\s]{1,12}(?:网|社|台|报)[^，。\s]{0,8}\d{1,2}月\d{1,2}日电|[^，。\s]{1,10}(?:网|台|报)消息[：:]|本报[^，。]{0,8}电|新华社[^，。]{0,12}电|[^，。]{0,10}讯[（(]|【[^】]{1,12}讯】|据[^，。]{1,8}报道)")
_REPORT_SHAPE = re.compile(r"各位代表|^[一二三四五六七八九十]{1,3}、|^第[一二三四五六七八九十]+[章条]", re.M)
_TERMINAL = set("。！？!?；;…”」』")
_SENTENCE_END = re.compile(r"[。！？!?；;…][”」』]?$")  # a headline may end in a quoted phrase (…“南方小土豆”)
# A column's label over a newspaper page's items: short, and ends in a column word or is marked (■ 图片新闻).
_COLUMN_LABEL = re.compile(r"^(?:[■□◆●▲【\[]\s*\S{2,8}[】\]]?|\S{0,4}(?:新闻|要闻|速览|速递|动态|快讯|简讯|图片|视频|互动|聚焦|观察|关注|"
                           r"时评|评论|专题|资讯|一线|现场|纵深|广角|民生|综合|天下|传真|短波|走笔))$")


@dataclass(slots=True)
class Line:
    start: int
    end: int
    text: str
    cls: str
    kind: str = "text"


@dataclass(slots=True)
class Block:
    """A candidate document: its lines and, for listings and news, the title found for it."""

    lines: list[Line] = field(default_factory=list)
    title_lines: list[Line] = field(default_factory=list)
    meta_lines: list[Line] = field(default_factory=list)
    column: str | None = None
    date: str | None = None
    doc_no: str | None = None
    origin: str = "page"
    title_in_text: bool = True

    @property
    def body_chars(self) -> int:
        return sum(len(ln.text) for ln in self.lines)


# A date (and time) leading a 来源 / 作者 row or the paper's name: 2031-05-12 08:30 来源：云溪日报.
_DATED_META = re.compile(
    rf"^(?:https?://[\w./-]+\s+)?{YEAR}[-/.年]\d{{1,2}}[-/.月]\d{{1,2}}日?\s*(?:\d{{1,2}}[:：]\d{{2}}(?:[:：]\d{{2}})?)?\s*"
    r"(?:[（(]?星期[一二三四五六日天][）)]?\s*)?(?:[|｜]\s*)?"
    r"(?:来\s*源|作\s*者|编辑|阅读|浏览|点击|[\u4e00-\u9fff]{2,12}(?:日报|晚报|报|网|社|客户端)(?:\s|作者|$))"
)


def classify(text: str, lead: bool = False) -> str:
    """The class of one line; ``lead``: no paragraph of prose has been read yet on the page."""
    if _DATE_LINE.match(text):
        return "date"
    if _PAPER_HEAD.match(text) or _paper_head(text):
        return "meta"
    if _META.match(text) or _DATED_META.match(text):
        return "meta"
    if len(text) <= 160 and not _SENTENCE_ON.search(text) and _CHROME_ANY.search(text):
        return "chrome"
    if (len(text) <= 80 or _POSITION.match(text)) and (_NAV.search(text) or _WEEKDAY_DATE.match(text)
                            or (lead and any(p.match(text) for p in _SITE))):
        return "site"
    if _ITEM.match(text) and len(text) > 6 and not _CAPTION.search(text):
        return "item"
    if len(text) <= 60 and _CHROME_LINE.match(text):
        return "chrome"
    if len(text) > 120:
        return "text"
    # Chrome words only mark short lines, or ASCII-heavy ones ("Powered by … Inc."); test them first.
    if not _CHROME_WORDS.search(text):
        return "text"
    ascii_heavy = len(text) > 40 and len(text.encode("utf-8")) < 2 * len(text)
    if ((len(text) <= 40 or ascii_heavy) and text[-1] not in _TERMINAL and not re.search(r"。.", text)
            and not re.match(r"^(?:（[一二三四五六七八九十\d]+）|第[一二三四五六七八九十百]+条|\d+[.、])", text)):
        return "chrome"
    return "text"


_ARROW = re.compile(r"^(?:>>?|＞|»|›|/)$")
_TITLE_ROW = re.compile(r"^\s*(?:标\s*题|名\s*称|信息名称|文件名称)\s*[|：:]")
_TITLE_DONE = re.compile(r"(?:通知|意见|决定|批复|函|报告|条例|办法|规定|细则|方案|规划|公报|公告|通告|通报)\s*\|?\s*$")
_META_ANY = re.compile(r"[：:]")


def page_lines(page: Page) -> list[Line]:
    out: list[Line] = []
    pos = 0
    kinds = page.line_kinds
    lead = True
    for i, raw in enumerate(page.text.split("\n")):
        if raw:
            cls = classify(raw, lead)
            lead = lead and not (cls == "text" and _is_prose_text(raw))
            prev = out[-1] if out else None
            if prev and prev.cls == "meta" and cls != "meta" and len(raw) <= 40:
                label = _META.match(prev.text)
                if label and not prev.text[label.end():].strip(" |\u3000"):
                    cls = "meta"  # the value of a label standing alone on the line above (来源： / 宁夏日报客户端)
                elif (_TITLE_ROW.match(prev.text) and not _TITLE_DONE.search(prev.text)
                      and raw.strip()[-1] not in _TERMINAL and not _META_ANY.search(raw)):
                    cls = "meta+"  # the 标题 cell went on to a second line
            out.append(Line(pos, pos + len(raw), raw, cls, kinds[i] if i < len(kinds) else "text"))
        pos += len(raw) + 1
    for a, b in itertools.pairwise(out):
        if (a.cls == "site" and _ARROW.match(a.text) and b.cls == "text" and len(b.text) <= 12
                and not re.search(r"[，。；：:、]", b.text)):
            b.cls = "site"  # a breadcrumb's segment after its arrow, on a line of its own (> / 本地要闻)
        if (b.cls == "text" and _PAGE_NAME.match(b.text)
                and ((a.cls == "meta" and _paper_head(a.text)) or _WEEKDAY_DATE.match(a.text) or _DATE_LINE.match(a.text))):
            b.cls = "meta"  # the page number and name on their own line under the day (A07粤港澳大湾区)
        if a.cls == "text" and b.cls == "date" and _TAGGED_ITEM.match(a.text):
            a.cls = "item"  # 【永宁】永宁县…签约项目8个 over its date: an entry of a listing with no bullets
    # Two or more documents' titles, each with its date on its line or on the next: a listing's entries.
    entries = [a for a, b in itertools.pairwise([*out, None])
               if a.cls in ("text", "date") and (_DOC_ENTRY.match(a.text)
                                                 or (b is not None and b.cls == "date" and _DOC_TITLE_ALONE.match(a.text)))]
    if len(entries) >= 2:
        for a in entries:
            a.cls = "item"
    return out


def _is_headline(ln: Line) -> bool:
    t = ln.text
    return (
        ln.cls == "text"
        and ln.kind == "text"
        and len(t) <= 50
        and not _SENTENCE_END.search(t)
        and t[-1] not in "：:，,"
        and not _NEWS_OPEN.match(t)
        and not _CAPTION.search(t)
    )


def _is_prose(ln: Line) -> bool:
    return _is_prose_text(ln.text)


def _is_prose_text(t: str) -> bool:
    return len(t) >= 40 or (len(t) >= 12 and bool(_SENTENCE_END.search(t)))


def _runs(lines: list[Line]) -> list[list[Line]]:
    runs: list[list[Line]] = [[]]
    for ln in lines:
        if ln.cls in ("chrome", "site"):
            if runs[-1]:
                runs.append([])
            continue
        runs[-1].append(ln)
    return [r for r in runs if r]


def _split_listing(run: list[Line]) -> list[Block]:
    blocks: list[Block] = []
    cur = Block()
    for ln in run:
        if ln.cls == "item":
            if cur.lines or cur.title_lines:
                blocks.append(cur)
            cur = Block(title_lines=[ln], origin="listing")
            if d := _ITEM_DATE.search(ln.text) or _ITEM_DATE_FIRST.match(_ITEM_MARK.sub("", ln.text)):
                cur.date = d.group("date")
            if n := _ITEM_DOC_NO.search(_ITEM_DATE.sub("", ln.text)):
                cur.doc_no = n.group("no")
        elif ln.cls in ("meta", "meta+") and not cur.lines:
            cur.meta_lines.append(ln)
        elif ln.cls == "date" and cur.title_lines:
            cur.date = cur.date or ln.text  # a listing's date under its entry
        else:
            cur.lines.append(ln)
    blocks.append(cur)
    return blocks


def _split_news(run: list[Line], cut: bool = True) -> list[Block]:
    """Cut at headline blocks followed by prose and at 本报讯-style openings. With ``cut=False`` only
    a leading headline block is taken (as the title) and the rest is one document."""
    blocks: list[Block] = []
    cur = Block(origin="newspaper" if cut else "page")
    i = 0
    n = len(run)
    while i < n:
        ln = run[i]
        if ln.cls in ("meta", "meta+") or (ln.cls == "date" and not cur.lines):
            (cur.meta_lines if not cur.lines else cur.lines).append(ln)
            i += 1
            continue
        if _is_headline(ln):
            j = i
            while j < n and _is_headline(run[j]):
                j += 1
            heads = run[i:j]
            i = j
            # A headline naming the untitled article just read belongs to it (layouts put it anywhere).
            while cut and heads and cur.lines and not cur.title_lines and _names(heads[0], cur.lines):
                cur.title_lines = [heads.pop(0)]
            if not heads:
                continue
            k = j  # the 来源 / date rows under a headline sit between it and the text, and a byline, and
            # the headline printed again over the article (a page's title, then the article's own)
            shown = {h.text for h in heads}
            while k < n and (run[k].cls in ("meta", "meta+", "date") or _BYLINE_LINE.match(run[k].text)
                             or (k > j and run[k].text in shown)):
                k += 1
            if k < n and _is_prose(run[k]) and len(heads) <= 4 and (cut or not (cur.lines or cur.title_lines)):
                column = None
                if len(heads) >= 2 and _COLUMN_LABEL.match(heads[0].text):
                    column = heads.pop(0).text
                    if not cut:
                        column = None  # a section label over the one document of a page (区县新闻)
                carried = [] if cur.lines or cur.title_lines else cur.meta_lines  # a page head's fields
                if cur.lines or cur.title_lines:
                    blocks.append(cur)
                cur = Block(title_lines=heads, meta_lines=carried, column=column, origin=cur.origin)
                continue
            cur.lines.extend(heads)
            continue
        if cut and _NEWS_OPEN.match(ln.text) and cur.lines:
            blocks.append(cur)
            cur = Block(origin="newspaper")
        cur.lines.append(ln)
        i += 1
    blocks.append(cur)
    return [b for b in blocks if b.lines or b.title_lines]


# A report's title line followed by its delivery note: where a report starts on a page holding several.
_REPORT_NOTE = re.compile(rf"^[（(—－\-\s]*{YEAR}年\d{{1,2}}月\d{{1,2}}日在[^\n]{{2,60}}?会议上")
_REPORT_TITLE = re.compile(r"(?:报告|公报|讲话)$")


def _split_reports(run: list[Line]) -> list[Block]:
    """A report-shaped run is one document, unless it holds two or more different report titles each followed by
    its delivery note (a compilation page): then each report is one, and the lines before the first
    (the compilation's own heading) are none."""
    starts = [i for i in range(len(run) - 1) if run[i].cls == "text" and len(run[i].text) <= 40
              and _REPORT_TITLE.search(run[i].text) and _REPORT_NOTE.match(run[i + 1].text)]
    # Distinct titles: one report printing its heading again is still one report.
    cuts = starts if len({run[i].text for i in starts}) >= 2 else [0]
    out = []
    if cuts[0] > 0 and any(_is_prose(ln) for ln in run[: cuts[0]] if ln.cls == "text"):
        out.append(Block(lines=[ln for ln in run[: cuts[0]] if ln.cls not in ("meta", "meta+")]))  # an introduction
    for k, a in enumerate(cuts):
        part = run[a : cuts[k + 1] if k + 1 < len(cuts) else len(run)]
        lead = run[:a] if k == 0 and not out else []
        meta = [ln for ln in lead + part if ln.cls in ("meta", "meta+")]
        out.append(Block(lines=[ln for ln in part if ln.cls not in ("meta", "meta+")], meta_lines=meta,
                         origin="listing" if len(cuts) > 1 else "page"))
    return out


def _dated_entries(run: list[Line]) -> list[Block] | None:
    """A listing with no bullets whose entries are a headline, a summary and then a date (a portal's
    search results or 部门动态): two or more such dates, each after prose and before a headline or
    the end of the run. None for any other run."""
    ends = [i for i, ln in enumerate(run) if ln.cls == "date" and i > 0 and run[i - 1].cls == "text"
            and _is_prose(run[i - 1]) and (i + 1 == len(run) or _is_headline(run[i + 1]))]
    if len(ends) < 2:
        return None
    out, a = [], 0
    for e in [*ends, len(run)]:
        part = [ln for ln in run[a : e + 1] if ln.cls != "date"]
        if part and _is_headline(part[0]) and len(part) > 1:
            out.append(Block(lines=part[1:], title_lines=part[:1], origin="listing",
                             date=run[e].text if e < len(run) else None))
        elif part:
            out.append(Block(lines=part))
        a = e + 1
    return out


def _split_run(run: list[Line]) -> list[Block]:
    """A run with no listing entries: a report (or several), else one article or a newspaper page."""
    if _REPORT_SHAPE.search("\n".join(ln.text for ln in run)):
        return _split_reports(run)
    if (entries := _dated_entries(run)) is not None:
        return entries
    several = sum(1 for ln in run if _NEWS_OPEN.match(ln.text)) >= 2
    found = _split_news(run, cut=several)
    return _reattach_headlines(found) if several else found


def _bigrams(s: str) -> set[str]:
    s = re.sub(r"\W", "", s)
    return {s[i : i + 2] for i in range(len(s) - 1)}


def _names(head: Line, body: list[Line]) -> bool:
    grams = _bigrams(head.text)
    return len(grams & _bigrams("".join(ln.text for ln in body))) >= 0.6 * max(1, len(grams))


def _reattach_headlines(blocks: list[Block]) -> list[Block]:
    """A block ending with headline-only lines: give them to the untitled article they name, or
    treat a short first line as a column label over the following blocks."""
    for k, b in enumerate(blocks):
        tail: list[Line] = []
        while b.lines and _is_headline(b.lines[-1]) and not _is_prose(b.lines[-1]):
            tail.insert(0, b.lines.pop())
        if not tail:
            continue
        body = "".join(ln.text for ln in b.lines)
        keep: list[Line] = []
        for ln in tail:
            grams = _bigrams(ln.text)
            shared = len(grams & _bigrams(body)) / max(1, len(grams))
            if not b.title_lines and shared >= 0.6:
                b.title_lines = [ln]
            else:
                keep.append(ln)
        if keep and k + 1 < len(blocks):
            nxt = blocks[k + 1]
            label = keep[0] if _COLUMN_LABEL.match(keep[0].text) and len(keep) == 1 else None
            if label is not None:
                nxt.column = label.text
            else:
                nxt.title_lines = keep + nxt.title_lines
        elif keep:
            b.lines.extend(keep)
    return _group_columns(blocks)


def _group_columns(blocks: list[Block]) -> list[Block]:
    """Short items under one column label (融媒互动, 图片新闻) are one document, titled by the label."""
    out: list[Block] = []
    for b in blocks:
        small = b.body_chars < 100
        if b.column is not None and small:
            out.append(Block(lines=b.title_lines + b.lines, column=b.column))
        elif out and out[-1].column is not None and b.column is None and small and not _NEWS_OPEN.match(b.lines[0].text if b.lines else ""):
            out[-1].lines.extend(b.title_lines + b.lines)
        else:
            b.column = None if not small else b.column
            out.append(b)
    return out


def _is_bare_entry(block: Block) -> bool:
    """A listing entry with its date, titled as a document (…的通告, …的通知), with no summary under it."""
    return (block.origin == "listing" and len(block.title_lines) == 1 and block.date is not None
            and not any(_is_prose(ln) for ln in block.lines)
            and bool(_TITLE_DONE.search(_title_from(block.title_lines))))


def _is_boilerplate(block: Block) -> bool:
    lines = block.lines
    if not lines:
        return True
    total = sum(len(ln.text) for ln in lines)
    prose = [ln for ln in lines if ln.cls not in ("meta", "meta+") and _is_prose(ln)]  # 发布时间：… 来源：… is no prose
    if not prose or (total < 60 and not (block.origin == "listing" and block.title_lines)
                     and not (total >= 30 and _NEWS_OPEN.match(lines[0].text))):
        return True  # a listing entry's short summary under its title, a short news brief, are documents
    hits = [len(set(_POLICY.findall(ln.text))) for ln in lines]
    some = sum(len(ln.text) for ln, h in zip(lines, hits, strict=True) if h >= 1)
    many = sum(len(ln.text) for ln, h in zip(lines, hits, strict=True) if h >= 2)
    return many >= 0.25 * total or some >= 0.5 * total


def split(page: Page) -> list[Document]:
    lines = page_lines(page)
    blocks: list[Block] = []
    pending_meta: list[Line] = []
    pending_title: list[Line] = []
    pending_date: str | None = None
    bare: list[Block] = []
    for run in _runs(lines):
        first = next((i for i, ln in enumerate(run) if ln.cls == "item"), None)
        if first is not None and any(ln.cls == "text" and _is_prose(ln) for ln in run[:first]):
            # An article with a list of links after it (相关阅读 · …): the article, then the list.
            found = _split_run(run[:first]) + _split_listing(run[first:])
        elif first is not None:
            found = _split_listing(run)
        else:
            found = _split_run(run)
        if not found and all(ln.cls in ("meta", "meta+", "date") for ln in run):
            # an index table standing apart (the site's name between it and the text): the next
            # document's header
            pending_meta.extend(ln for ln in run if ln.cls != "date")
            continue
        if pending_meta and found:
            found[0].meta_lines = pending_meta + found[0].meta_lines
            pending_meta = []
        for b in found:
            if _is_bare_entry(b):
                bare.append(b)
            if _is_boilerplate(b):
                if b.meta_lines and not b.lines:
                    pending_meta.extend(b.meta_lines)
                # a column's or section's name over the headline (云南要闻) is not part of it
                heads = _standing_heads(b.lines)
                if 0 < len(heads) <= 3 and all(_is_headline(ln) for ln in heads) and _title_like(heads[0].text):
                    pending_title = heads
                    pending_date = next((ln.text for ln in b.lines if ln.cls == "date"), None)
                    # the headline's 发布时间/来源 row, cut from the text by the page's 【字号】 controls
                    pending_meta.extend(ln for ln in b.lines if ln.cls in ("meta", "meta+"))
                continue
            if pending_title and not b.title_lines:
                b.title_lines = pending_title
                b.title_in_text = False  # it stood apart, among the site chrome
                b.date = b.date or pending_date
            pending_title, pending_date = [], None
            blocks.append(b)
    if not blocks and bare:
        # A page that is only a listing of documents, each a dated title with no summary under it
        # (a portal's 通知公告 column): each entry is a document, its title all its text.
        blocks = bare
        for b in blocks:
            b.lines = []
            ln = b.title_lines[0]
            t = _title_from([ln])
            if (k := ln.text.find(t)) >= 0:  # its text is the title alone, without bullet, 文号 or date
                b.title_lines = [Line(ln.start + k, ln.start + k + len(t), t, ln.cls, ln.kind)]
    if not blocks:
        raise NoDocuments("no document found (only navigation, boilerplate or very short text)", page.source)
    blocks = _join_annexes(blocks)
    if len(blocks) == 1 and not blocks[0].date and blocks[0].lines:
        # A page of one article whose date stands alone under it, past the page's 责任编辑/纠错 line
        # (…做法。 / 【纠错】【责任编辑：王明】 / 2031-05-20 15:42:11): the article's date.
        end = max(ln.end for ln in blocks[0].lines)
        for ln in [ln for ln in lines if ln.start >= end][:4]:
            if ln.cls == "date":
                blocks[0].date = ln.text
            elif ln.cls in ("meta", "meta+") and (d := _TAIL_DATE.search(ln.text)):
                blocks[0].date = d.group(1)  # 发布时间：2031-11-08 17:05 under the editor's line
            if ln.cls != "chrome":
                break
    site = _site_header(lines) + _html_title_header(page.meta.get("html_title", ""))
    name = page.source.replace("\\", "/").rsplit("/", 1)[-1] or page.source
    docs: list[Document] = []
    for k, b in enumerate(blocks, 1):
        # The headline is part of what a reader sees; a listing's bullet entry is not.
        shown = b.origin != "listing" and b.title_in_text
        body = sorted(b.title_lines + b.lines, key=lambda ln: ln.start) if shown else b.lines
        body = body or b.title_lines
        pieces = []
        for i, ln in enumerate(body):
            if i:
                pieces.append((ln.start, ln.start, "\n"))
            pieces.append((ln.start, ln.end, ln.text))
        text, m = build(pieces, len(page.text))
        doc = Document(
            id=name if len(blocks) == 1 else f"{name}#{k}",
            source=page.source,
            text=text,
            offsets=OffsetChain([*page.offsets.maps, m]),
        )
        doc.header = "".join(("" if ln.cls == "meta+" else "\n") + ln.text for ln in b.meta_lines).lstrip("\n")
        doc.origin = b.origin
        if b.date:
            doc.header += f"\n发布日期：{b.date}"
        if b.doc_no:
            doc.header += f"\n文号：{b.doc_no}"
        doc.header = (doc.header + site).lstrip("\n")
        if b.column:
            doc.title = b.column
        elif b.title_lines:
            doc.title = _title_from(b.title_lines)
        docs.append(doc)
    return docs


# An annex heading standing alone after a document's signature (附件 / 附件1. / 附件2：): what follows on
# the page is that annex — its table rows and items are part of the document, never documents of their own.
_ANNEX_HEAD = re.compile(r"^附\s*件\s*[\d一二三四五六七八九十]{0,2}\s*[.．:：、]?\s*$")


_TAIL_DATE = re.compile(rf"^(?:发布时间|发布日期|时\s*间|日\s*期)\s*[：:]\s*({YEAR}[-/.年]\d{{1,2}}[-/.月]\d{{1,2}}日?)")


def _standing_heads(lines: list[Line]) -> list[Line]:
    """The headline lines of a block standing among the site chrome: lines that can be a title, and
    the short second line finishing one (豆村镇：小杂粮“种”出 / 大产业); a column's or section's name
    over the headline (云南要闻) is none of them."""
    out: list[Line] = []
    for ln in lines:
        if ln.cls != "text":
            continue
        if _title_like(ln.text) or not _is_headline(ln):
            out.append(ln)
        elif out and out[-1] is _prev_text(lines, ln) and _title_like(out[-1].text) and _is_headline(out[-1]):
            out.append(ln)  # the tail of a headline broken over two lines
    return out


def _prev_text(lines: list[Line], ln: Line) -> Line | None:
    k = lines.index(ln)
    return lines[k - 1] if k > 0 else None


def _join_annexes(blocks: list[Block]) -> list[Block]:
    """Blocks after a document holding an annex heading join it, up to a block with a header, date or
    文号 of its own, a listing entry or a news opening (the next document on the page)."""
    out: list[Block] = []
    annex: Block | None = None
    for b in blocks:
        first = (b.title_lines or b.lines or [None])[0]
        if (annex is not None and not b.meta_lines and not b.date and not b.doc_no and b.origin == annex.origin
                and b.origin not in ("listing", "newspaper") and not (first and _NEWS_OPEN.match(first.text))):
            annex.lines = sorted(annex.lines + b.title_lines + b.lines, key=lambda ln: ln.start)
            continue
        out.append(b)
        annex = b if any(_ANNEX_HEAD.match(ln.text) for ln in b.lines) else None
    return out


def _site_header(lines: list[Line]) -> str:
    """What the page says about itself, for every document on it: the site lines (站点：…), a footer's
    owner, and a newspaper's running head (its date is every item's date)."""
    out = []
    for ln in lines:
        if ln.cls == "site":
            out.append(("发布日期：" if _WEEKDAY_DATE.match(ln.text) else "站点：") + ln.text)
        elif ln.cls == "meta" and (_PAPER_HEAD.match(ln.text) or _paper_head(ln.text)):
            out.append(ln.text)
            if paper := re.match(r"^\s*([\u4e00-\u9fff]{2,16}?(?:日报|晚报|报))", ln.text):
                out.append("站点：" + paper.group(1))
        elif ln.cls == "chrome" and (m := _OWNER.search(ln.text)):
            out.append("站点：" + (m.group(1) or m.group(2)))
            if d := _FOOTER_DATE.search(ln.text):
                out.append("页脚日期：" + d.group())  # the page's date beside its owner, a last-resort year
    return "".join("\n" + t for t in dict.fromkeys(out))


# An HTML <title> is "the page's title_section_site" (明澜区召开…会议_区政府要闻_云溪市明澜区人民政府): the
# first part is a title for a page whose body has no heading, the others name the site.
_HTML_TITLE_SPLIT = re.compile(r"\s*(?:_|\||｜|\s[-—－]\s|--)\s*")


def _html_title_header(title: str) -> str:
    parts = [p for p in _HTML_TITLE_SPLIT.split(title.strip()) if p]
    if not parts:
        return ""
    out = [f"网页题名：{parts[0]}"] if len(parts) > 1 and _title_like(parts[0]) else []
    out += [f"站点：{p}" for p in parts[1:]]
    return "".join("\n" + t for t in out)


_BRACKET_TAG = re.compile(r"^(?:\[[^\]]{1,10}\]|【[^】]{1,10}】)\s*")


def _title_like(text: str) -> bool:
    t = _BRACKET_TAG.sub("", text)
    cjk = sum("\u4e00" <= c <= "\u9fff" for c in t)
    return len(t) >= 6 and cjk >= 0.6 * len(t)


def _title_from(lines: list[Line]) -> str:
    texts = [ln.text for ln in lines]
    if lines[0].cls == "item" or _ITEM.match(texts[0]) or _TAGGED_ITEM.match(texts[0]):
        # the entry without its bullet or number and its date; keeps 【tag】 for metadata
        t = _ITEM_DOC_NO.sub("", _ITEM_DATE.sub("", _ITEM_MARK.sub("", texts[0].strip(" |｜"))))
        return _ITEM_DATE_FIRST.sub("", t).strip(" |｜")
    if len(texts) > 1 and _COLUMN_LABEL.match(texts[0]):
        texts = texts[1:]  # a column label over the headline
    # A delivery line, a speaker or a date under a headline is not part of it.
    return " ".join([t for t in texts if not never_title(t)] or texts)
