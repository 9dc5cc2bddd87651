"""A document's title: the 标题 row of a header table, else the heading lines of the body joined
(a title broken across lines is one title), never a 来源 / 发布时间 / 字号 line, a byline, a source
name or navigation; when nothing is left, words made from the region, year and kind.

The rules are tables (:data:`NOT_TITLE`, :data:`TITLE_END`) with example lines in
``tests/test_metadata_titles.py``.
"""

from __future__ import annotations

import re

from ..lexicon.words import YEAR, YEAR_ANY


def _years(pattern: str) -> re.Pattern[str]:
    """Compile a rule written with {YEAR} / {YEAR_ANY} for the lexicon's year patterns."""
    return re.compile(pattern.replace("{YEAR_ANY}", YEAR_ANY).replace("{YEAR}", YEAR))


# Lines that are never a title, whatever else they look like.
NOT_TITLE: list[tuple[str, str]] = [
    (r"^【?\s*(?:来\s*源|信息来源|稿件来源|发布时间|发表时间|发布日期|更新时间|时\s*间|日\s*期|作\s*者|字\s*号|浏览|阅读|点击|"
     r"访问|责任编辑|编辑|审核|分享|打印|关闭)\s*(?:[：:]|次数|量)", "来源：宁夏日报客户端"),
    (r"^[—－\-–]{0,6}\s*[（(]?(?:{YEAR_ANY})年[^\n]{0,40}在[^\n]{0,40}(?:会议上|会议)", "——2031年1月20日在云溪省第三届人民代表大会第二次会议上"),
    (r"^[（(](?:{YEAR_ANY})年[^）)]{0,12}[）)]$", "（2026年1月27日）"),
    (r"^[（(]\s*(?:{YEAR_ANY})年[^）)]{0,60}(?:通过|批准|公布|修正|修订|会议|常务)", "（2030年11月12日云溪市第九届人民代表大会常务委员会第八次会议通过）"),
    (r"^[\u4e00-\u9fff]{0,16}(?:代理|代|常务副|副)?(?:省长|市长|区长|县长|州长|旗长|盟长|主席|总理|委员长)\s*[\u4e00-\u9fff]{2,4}$", "云溪省人民政府省长林明远"),
    # the speaker of a congress committee's, a court's or a procuratorate's report (not 主任会议召开)
    (r"^[\u4e00-\u9fff]{0,30}(?:常务委员会|人大常委会|人民法院|人民检察院)(?:代理|代|常务副|副)?(?:委员长|主任|院长|检察长)"
     r"\s*(?![\u4e00-\u9fff]*(?:会议|活动|召开|举行|开展|接待|接访|座谈|调研|视察|讲话|日|周)$)[\u4e00-\u9fff]{2,3}$",
     "云溪市人民代表大会常务委员会副主任林明远"),
    (r"^{YEAR}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?$", "2026-02-03 09:02:33"),
    (r"^(?![^，。]*(?:转发|批转|印发|关于))(?:[\u4e00-\u9fff]{2,16}(?:日报|晚报|报社|新闻网|客户端|融媒体中心|电视台|人民政府|行政公署|政府办公室|政府办公厅|办公厅|政府网|门户网站?|统计局|财政局|[^，。]局|委员会|人大常委会|办公室|调查队)\s*)+$", "云溪市统计局 国家统计局云溪调查队"),
    (r"^(?:[（(]?\s*(?:本报)?(?:记者|通讯员|特约记者|见习记者)\s*[\u4e00-\u9fff·、 ]{2,20}[）)]?|[\u4e00-\u9fff]{2,8}日报记者\s*[\u4e00-\u9fff]{2,4})$", "（记者 王晓 通讯员 李明）"),
    (r"^(?:首页|当前位置|您的位置|位置)(?:\s*[：:>]|$)", "当前位置：首页 > 要闻"),
    (r"^[【\[]?\s*字体\s*[：:]?|^[大中小】\]]$", "【字体：大 中 小】"),
    (r"^[\u4e00-\u9fff]{0,8}[发办函令字电]?\s*[〔\[［(（]\s*{YEAR}\s*[〕\]］)）]\s*\d+\s*号$", "国发〔2019〕5号"),
    (r"^[（(]?\s*第\s*[\d一二三四五六七八九十百零〇]+\s*号\s*[）)]?$", "（第二十三号）"),
    (r"^[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日$", "二〇三一年三月十二日"),
    (r"[（(]\s*第\s*\d+\s*页\s*[）)]$|^(?:第\s*\d+\s*页|共\s*\d+\s*页)", "乡镇通知公告（第2页）"),
    (r"^(?:中华人民共和国国务院令|[\u4e00-\u9fff]{2,14}人民政府令(?:\s*第\s*\d+\s*号)?)$", "中华人民共和国国务院令"),
    (r"^[\u4e00-\u9fff]{2,30}(?:人民代表大会常务委员会|人大常委会)公告(?:\s*第\s*[\d一二三四五六七八九十]+\s*号)?$", "云溪市人民代表大会常务委员会公告"),
    (r"^(?:目\s*录|总\s*则|序\s*言|前\s*言)$", "目　录"),
    # a picture's or video's placeholder standing where the picture was
    (r"^[（(【\[]?\s*(?:资料图片?|图片|组图|视频|配图|图\s*[\d①②③④⑤]?)\s*[）)】\]]?$", "（资料图）"),
    (r"^附件\s*\d*\s*[：:]?", "附件：国务院大督查发现的典型经验做法"),
    (r"^[^，。]{0,20}(?:论坛|贴吧|BBS|bbs)(?:\s*[-—_|>]\s*[^，。]{0,20})?$", "云溪论坛 - 政务讨论区"),
    (r"第\s*[\d一二三四五六七八九十]+\s*版", "大众日报　2031年5月12日　第2版　要闻"),
    (r"^[^，。]{0,16}(?:省长|市长|区长|县长|州长|旗长|主席|总理)(?:(?!作)[\u4e00-\u9fff]){2,4}作[^，。]{0,12}报告$", "省长林明远作政府工作报告"),
    (r"(?:记者|摄影|通讯员)\s*[^。，]{1,12}?\s*摄$|^(?:图|摄影)\s*[:：/]", "贵州日报记者 李森 摄"),
]
_NOT_TITLE = [_years(p) for p, _ in NOT_TITLE]

# How a document title ends: the name of a kind of document.
TITLE_END = re.compile(
    r"(?:通知|意见|决定|决议|批复|复函|函|答复|通报|报告|条例|办法|规定|细则|方案|规划|纲要|公报|公告|通告|令|讲话|实录|"
    r"发布会|规则|章程|指引|指南|目录|清单|措施|计划|要点|汇编|情况|草案)(?:[（(][^）)]{0,30}[）)])?$"
)
TITLE_WORDS = re.compile(r"报告|通知|意见|决定|决议|条例|办法|规定|细则|实录|公报|纲要|讲话|方案|规划|答记者问|发布会|通报|公告|批复|复函")
_TERMINAL = "。！？；，：:!?;,"
# What a headline line carries after it: a date (2031-05-12, 2031年5月12日星期二 after a space), 来源.
_TRAILING = _years(r"\s*(?:\d{4}-\d{1,2}-\d{1,2}|来源[：:]|(?<=\s)(?:{YEAR})年\d{1,2}月\d{1,2}日\s*(?:星期|周)[一二三四五六日天]).*$")
_DATE_NOTE = _years(r"\s*[（(]\s*(?:{YEAR_ANY})年(?:[^）)]*(?:通过|批准|公布|修正|修订|会议)[）)]|[^）)]*$)")
_SECTION = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|第[一二三四五六七八九十]+[章条节])")

KIND_WORDS = {
    "work_report": "政府工作报告", "press": "新闻发布会", "news": "新闻", "regulation": "政策文件",
    "statistics": "统计公报", "budget": "预算执行情况报告", "glossary": "名词解释", "other": "文件",
}


def never_title(line: str) -> bool:
    line = line.strip()
    return not line or any(p.search(line) for p in _NOT_TITLE)


def clean(title: str | None) -> str | None:
    """Trailing dates and 来源 text, and a dated note (（2023年3月13日…通过）), are not the title."""
    if not title:
        return None
    t = _TRAILING.sub("", title).strip()
    t = _DATE_NOTE.sub("", t).strip()
    return t or None


def _joinable(line: str) -> bool:
    return (0 < len(line) <= 40 and line[-1] not in _TERMINAL and not re.search(r"[，。；]", line)
            and not never_title(line)
            and not _SECTION.match(line) and not line.startswith(("各位代表", "各省", "各市", "各县", "各区")))


def join_broken(lines: list[str], i: int) -> str:
    """Line ``i`` and the lines that finish it: a heading not ending in a document word
    (国务院关于在市场监管领域全面推行 / 部门联合…监管的意见) is joined with what follows until it does."""
    t = lines[i].strip()
    if not t or TITLE_END.search(t) or t[-1] in _TERMINAL or "，" in t:
        return t
    for k in range(i + 1, min(len(lines), i + 3)):
        nxt = lines[k].strip()
        if not _joinable(nxt):
            break
        t += nxt
        if TITLE_END.search(t):
            return t
    return lines[i].strip()


def body_title(text: str) -> str | None:
    """The title the body starts with: the first of its opening lines that can be one, joined
    with its continuation lines. Past a sentence (a 公告's text), only a line that ends in a
    document word (…条例) is taken."""
    lines = text.split("\n", 8)[:8]
    n = len(text.split("\n", 4))
    strict = False
    for i, raw in enumerate(lines):
        line = raw.strip()
        if never_title(line):
            continue
        if len(line) > 80:
            m = re.match(r"^(.{4,40}?政府工作报告)", line)
            if m and not strict:
                return m.group(1)
            strict = True
            continue
        cand = clean(join_broken(lines, i))
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if (not strict and cand == line and _joinable(nxt) and i + 2 < len(lines) and never_title(lines[i + 2])
                and line[-1] not in _TERMINAL and not _SENTENCE.search(line) and _squash(nxt) not in _squash(line)
                and not (_WHOLE_NAME.search(line) and not nxt.startswith(("和", "及", "与", "、", "（", "(")))):
            cand = f"{cand} {nxt}"  # a headline and its second line, above the 来源/时间 line (not a
            # heading repeating the headline: 2031年明澜区政府工作报告 / 政府工作报告; not a subtitle under a
            # title already ending in its document word: 2031年政府工作报告 / 坚持稳中求进 奋力开创新局面)
        cand = clean(cand)
        ok = cand and cand[-1] not in _TERMINAL and not _SECTION.match(cand)
        if ok and strict and TITLE_END.search(cand) and len(cand) <= 60 and not re.search(r"[，。；]", cand):
            return cand
        if ok and not strict and (TITLE_WORDS.search(cand) or (n > 3 and len(cand) <= 40)):
            return cand
        if i >= 4 or _SECTION.match(line):
            return None
        strict = True
    return None


_SENTENCE = re.compile(r"。.")
_WHOLE_NAME = re.compile(r"(?:报告|公报|条例|办法|规定|通知|意见|决定)$")  # a complete document name  # a lead paragraph joined to a heading is no title


def choose(row: str | None, given: str | None, body: str | None, text: str = "") -> str | None:
    """The 标题 row wins (extended by the body's heading when the row was cut short); then the
    title the page layout gave (a listing entry, a headline), then the body's heading."""
    for t in (row, given):
        t = clean(t)
        if t and not never_title(t) and not _SENTENCE.search(t):
            if (body and len(body) > len(t) and _squash(body).startswith(_squash(t))
                    and not re.search(r"[，。；！？]", body[len(t):])):
                return body  # the row was cut short; a sentence opening with the title is no title
            if not TITLE_END.search(t) and text:
                return _completed(t, text) or t
            return t
    return body


def _completed(cut: str, text: str) -> str | None:
    """The body heading a cut-short title row begins (…关于做好城镇老旧小区 / 改造工作的通知)."""
    lines = text.split("\n", 10)[:10]
    key = _squash(cut)
    for i, line in enumerate(lines):
        if _squash(line)[:6] == key[:6]:
            joined = join_broken(lines, i)
            rest = _squash(joined)[len(key):]
            if rest and _squash(joined).startswith(key) and not re.search(r"[，。；！？]", rest):
                return joined
    return None


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


# A document with no heading whose opening says what it is (rule, template, invented example): the
# title it would have. A congress's resolution on a report opens by saying it heard the report.
FROM_OPENING: list[tuple[str, str, str]] = [
    (r"^((?:[\u4e00-\u9fff]{2,12}?)?第[一二三四五六七八九十]+届[\u4e00-\u9fff]{2,20}?第[一二三四五六七八九十]+次会议)"
     r"[^。\n]{0,12}?(?:听取|审议)[^。\n]{0,40}?所作的([\u4e00-\u9fff]{2,16}?报告)",
     "{0}关于{1}的决议",
     "云溪市第五届人民代表大会第三次会议听取和审议了市长王明所作的政府工作报告。会议批准这个报告。"),
]
_FROM_OPENING = [(re.compile(p), t) for p, t, _ in FROM_OPENING]


def from_opening(text: str) -> str | None:
    """The title a headless document's opening gives it (:data:`FROM_OPENING`), else None."""
    for rx, template in _FROM_OPENING:
        if m := rx.match(text):
            return template.format(*m.groups())
    return None


# A work report carried under a news item (本报讯 …以下为报告全文): its own heading, the line over its
# delivery note, past a sentence of the news preamble, is the document's title — not the news
# headline (…开幕, 【两会】政府工作报告（全文）). With no sentence between, the page's headline names the
# report itself (2031年明澜区政府工作报告 over 政府工作报告) and stays.
_REPORT_HEADING = re.compile(r"^[^，。；：:\s]{0,24}(?:工作报告|预算执行情况[^，。]{0,20}报告)$")
_DELIVERY_LINE = _years(r"^[—－\-–]{0,6}\s*[（(]?(?:{YEAR_ANY})年[^\n]{0,40}在[^\n]{0,60}会议上")


def report_heading(text: str) -> str | None:
    """The heading of a report printed under a news preamble (see above), else None."""
    lines = [ln.strip() for ln in text.split("\n", 12)[:12]]
    for j in range(2, len(lines)):
        if not _DELIVERY_LINE.match(lines[j]):
            continue
        for i in (j - 1, j - 2):  # the heading, on one line or broken over two
            heading = "".join(lines[i:j])
            if i >= 1 and _REPORT_HEADING.match(heading):
                return heading if any("。" in ln for ln in lines[:i]) else None
        return None
    return None


def fallback(region: str | None, year: int | None, kind: str) -> str:
    """Words for a document that states no title: 2021年嘉兴市南湖区政府工作报告."""
    where = "中华人民共和国国务院" if region == "全国" and kind == "work_report" else (region or "")
    return f"{f'{year}年' if year else ''}{where}{KIND_WORDS.get(kind, '文件')}"
