"""Title, region, level, year, kind, date, issuing body, 索引号 and 文号 of a document.

Labels on a page can be wrong, so the body wins: a report that reviews 2011 and sets targets for
2012 is a 2012 report whatever its heading says. Each clue votes with a weight; the strongest
total wins.
"""

from __future__ import annotations

import re
from collections import Counter

from ..lexicon.places import Place
from ..lexicon.words import YEAR, YEAR_ANY
from ..model import Document
from . import titles
from .numbers import cn_int, cn_year
from .regions import (
    at_level,
    body_place,
    document_place,
    last_resort,
    place_of,
    province_of_cities,
    self_level,
)

_TAG = re.compile(r"^(?:【([^】]{1,20})】|\[([^\]]{1,10})\])\s*")
_YEAR = rf"(?=[12一二三四五六七八九〇零○])({YEAR}|[一二三四五六七八九〇零○]{{4}})年"
_CN_DAY = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"  # 1月9日 or 一月九日 (二〇二五年一月九日在…)
_DELIVERY = re.compile(_YEAR + _CN_DAY + "月" + _CN_DAY + r"日在([^，。\n]{0,40}?)第[一二三四五六七八九十]+届\n?人民代表大会")
_DELIVERY_DATE = re.compile(rf"({YEAR})年(\d{{1,2}})月(\d{{1,2}})日在")
# Both scans start from their keyword (a literal the regex engine finds fast) and look back for the
# year, instead of trying a year pattern at every character of the report.
_TARGETS_TAIL = re.compile(r"年[^\n。，]{0,10}?(?:主要任务|工作安排|重点工作|主要预期目标|预期目标|工作任务|总体要求|政府工作任务|主要工作安排)")
_YEAR_ONLY = re.compile(rf"{YEAR}|[一二三四五六七八九〇零○]{{4}}")
_REVIEW_KEY = re.compile(r"工作的?回顾|主要工作|工作总结|政府工作回顾")
_REVIEW_HEAD = re.compile(r"(?:[一二三四五六七八九十]、)?" + _YEAR + r"[^\n。]{0,12}")


def _target_years(text: str) -> list[tuple[int, int]]:
    """(start, year) of each "2021年主要任务"-like phrase."""
    out = []
    for m in _TARGETS_TAIL.finditer(text):
        y = m.start() - 4
        if y >= 0 and _YEAR_ONLY.fullmatch(text, y, m.start()):
            out.append((y, cn_year(text[y : m.start()])))
    return out


def _review_years(text: str) -> list[int]:
    """The year of each line that opens "（一、）2021年…工作回顾"."""
    out = []
    for m in _REVIEW_KEY.finditer(text):
        line = text.rfind("\n", 0, m.start()) + 1
        if m.start() - line <= 24 and (h := _REVIEW_HEAD.fullmatch(text, line, m.start())):
            out.append(cn_year(h.group(1)))
    return out


_FOOTER_LINE = re.compile(rf"^页脚日期：({YEAR}).*$", re.M)
_ANY_YEAR = re.compile(rf"({YEAR})年")
# Date rows of an index table, the document's own date first (成文 before 发布).
_DATE_FIELDS = ("成文日期", "发文日期", "印发日期", "生成日期", "发布日期", "公布日期", "公开日期", "发布时间")
_FIELDS = ("索引号", "发布单位", "发布机构", "发文机关", "发文单位", *_DATE_FIELDS, "发文字号", "文号", "标题", "信息名称", "文件名称", "名称",
           "来源", "主题分类", "主题词", "公开分类")
_FIELD_NAMES = "|".join(r"\s*".join(f) for f in _FIELDS)
# A value runs to the next field name, wherever the page glued it on (…\工商标 题： …); a label it does
# not know ends it only after a space (发文机关：明澜厅成文日期：… keeps 明澜厅, not 明澜).
_META_FIELD = re.compile(
    "(" + _FIELD_NAMES + r")\s*[|：:](?:\s*\|)?\s*([^|\n]*?)\s*(?=\||\n|$|(?:" + _FIELD_NAMES + r")\s*[|：:]|(?<=\s)\S{2,5}\s*[：:])"
)
# The note under a regulation's title (2031年9月30日云溪省第十三届人民代表大会[line break]常务委员会第六次会议通过):
# the session's name may break across a line.
_PASSED = re.compile(rf"({YEAR})年(\d{{1,2}})月(?:\d{{1,2}})日([^）)。\n]{{0,60}}?\n?[^）)。\n]{{0,30}}?)(通过|批准|公布|修订|修正|发布)")
_PASSED_DAY = re.compile(rf"({YEAR})年(\d{{1,2}})月(\d{{1,2}})日[^）)。\n]{{0,60}}?\n?[^）)。\n]{{0,30}}?(?:通过|批准|公布)")
_IN_FORCE = re.compile(rf"({YEAR})年\d{{1,2}}月\d{{1,2}}日起施行")
# 第十届全国人民代表大会第五次会议 -> 2007: each National People's Congress meets once a year from
# the year it is elected (terms 1-5 were irregular and are listed by session).
_NPC_SESSION = re.compile(r"第([一二三四五六七八九十]+)届全国人民代表大会第([一二三四五六七八九十]+)次会议")
_NPC_FIRST = {6: 1983, 7: 1988, 8: 1993, 9: 1998, 10: 2003, 11: 2008, 12: 2013, 13: 2018, 14: 2023, 15: 2028}
_NPC_EARLY = {(1, 1): 1954, (1, 2): 1955, (1, 3): 1956, (1, 4): 1957, (1, 5): 1958, (2, 1): 1959, (2, 2): 1960,
              (2, 3): 1962, (3, 1): 1964, (4, 1): 1975, (5, 1): 1978, (5, 2): 1979, (5, 3): 1980, (5, 4): 1981,
              (5, 5): 1982}


def npc_year(term: str, session: str) -> int | None:
    t, n = cn_int(term), cn_int(session)
    if t is None or n is None:
        return None
    if (t, n) in _NPC_EARLY:
        return _NPC_EARLY[(t, n)]
    return _NPC_FIRST[t] + n - 1 if t in _NPC_FIRST and n <= 5 else None


_NPC_ADDRESSED = re.compile(r"向第([一二三四五六七八九十]+)届全国人民代表大会(?:第([一二三四五六七八九十]+)次会议)?(?:报告|作|提出)")
_NPC_SINCE = re.compile(r"第?([一二三四五六七八九十]+)届(?:全国人民代表大会|全国人大|人大)(?:第一次会议)?(?:以来|期间)")
_NPC_LAST_YEAR = re.compile(r"去年[\d０-９]{0,2}月?(?:份)?第?([一二三四五六七八九十]+)届(?:全国人民代表大会|全国人大|人大)第?([一二三四五六七八九十]+)次会议")
_CN_DIGITS = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六"]
_NATIONAL_BODY = re.compile(r"^(?:国务院|中共中央|中办|国办|全国人民代表大会|全国人大|中华人民共和国)")
_LEAD_DATE = re.compile(rf"^(?:https?://[\w./-]+\s+)?({YEAR})[-/.年](\d{{1,2}})[-/.月](\d{{1,2}})")
_ISO_DATE = re.compile(rf"({YEAR})[-/.年](\d{{1,2}})[-/.月](\d{{1,2}})")
_NATIONAL = re.compile(r"我代表国务院|代表国务院所作|受国务院的?委托|受中共中央和国务院的?委托|根据国务院的决定|国务院总理|"
                       r"我代表中央人民政府|向全国人民代表大会|国务院政府工作报告|中华人民共和国国务院|"
                       r"^[^\n]{0,12}在第[一二三四五六七八九十]+届全国人民代表大会", re.M)
_PRESS = re.compile(r"发布会|答记者问|问答实录|记者会|吹风会|新闻发布|访谈实录")
# A press conference is turns: 主持人：/发布人：/发言人： and reporters' questions (XX日报记者：, 记者问：).
_PRESS_TURN = re.compile(r"^(?:主持人|发布人|发言人|新闻发言人|[^：:\n，。]{0,12}(?:厅|局|委|办|政府)[^：:\n，。]{0,10}(?:长|主任|书记|人))[：:]", re.M)
_REPORTER_TURN = re.compile(r"^[^：:\n，。]{0,14}记者(?:问)?[：:]", re.M)
_NEWS = re.compile(
    r"^(?:本报讯|本报消息|[【\[]本报消息[】\]]|本报[^，。]{0,8}电|新华社[^，。]{0,12}电|中新社[^，。]{0,12}电|[^，。\n]{0,12}(?:日报|晚报|报|网|台)讯|"
    r"[^，。\s]{1,12}(?:网|社|台|报)[^，。\s]{0,8}\d{1,2}月\d{1,2}日电|[^，。\s]{1,10}(?:网|台|报)消息[：:]|据[^，。\n]{1,12}(?:报道|消息)|"
    r"【[^】]{1,12}讯】|[^，。]{0,10}讯[（(])|[（(]\s*[^（）()\n，。]{0,8}?(?:记者|通讯员)[^）)\n]{1,30}[）)]|记者(?:近日|日前|昨天|今天|昨日)?从[^。]{0,40}获悉|记者[^。]{0,10}了解到|"
    r"(?:本报|特约)?(?:记者|通讯员)\s*[\u4e00-\u9fff·]{2,4}(?:[\s、]*(?:本报|特约)?(?:记者|通讯员)?\s*[\u4e00-\u9fff·]{2,4}){0,4}$|"
    r"^[\u4e00-\u9fff·]{2,4}(?:\s+[\u4e00-\u9fff·]{2,4}){0,3}\s*报道\s*[：:]$|"  # a reporter's line: 王明 报道：
    r"^(?:文|文图|图文)\s*[/／]\s*[\u4e00-\u9fff·]{2,4}(?:\s+[\u4e00-\u9fff·]{2,4}){0,3}$",  # a writer's credit: 文/王明
    re.M,
)
# A title naming a report as the object of an event (召开《2031年政府工作报告（征求意见稿）》征求意见会, 学习《…》):
# the item is about the report, not the report (its full text or summary keeps the report's kind).
_REPORT_NAMED = re.compile(r"《[^》]*(?:政府工作报告|统计公报|预算执行情况)[^》]*》(?!\s*(?:[（(]?(?:全文|摘要|图文|图解|实录)[）)]?)?\s*$)")
# A report retold (摘要): the head of government "in the report" says, "the report's second part" is about.
_REPORT_SUMMARY = re.compile(r"(?:总理|省长|市长|区长|县长|州长|旗长|主席)[\u4e00-\u9fff]{0,4}?(?:在|所作的?)?(?:政府工作)?报告(?:中|的第[一二三四五六七八九十]部分)")
_PAPER_PAGE = re.compile(r"第\s*[\d一二三四五六七八九十]+\s*版")  # a newspaper page's running head in the header
_BYLINE_END = re.compile(r"[（(][^（）()\n]{0,16}?(?:记者|通讯员)[^）)\n]{1,30}[）)]\s*$|(?:记者|通讯员)\s*[\u4e00-\u9fff]{2,4}\s*$|"
                         r"(?:^|\n)(?:记者|通讯员|作者|撰稿)[：:]\s*[\u4e00-\u9fff]{2,4}(?:\s*(?:编辑|责编|审核)[：:]\s*[\u4e00-\u9fff]{2,4})*\s*$|"
                         # a bracketed credit naming only the paper or media centre (（云溪日报社融媒体中心）, （来源：云溪日报）)
                         r"(?:^|\n)[（(]?(?:(?:稿件|信息|文章)?来源[：:]\s*)?[\u4e00-\u9fff]{2,16}(?:日报社?|晚报社?|融媒体中心|新闻中心|广播电视台|新闻网)"
                         r"\s*(?:供稿|报道)?[）)]?\s*$|"
                         # an official account as the source (（来源：云溪发布）; not （此件公开发布）)
                         r"(?:^|\n)[（(]?(?:稿件|信息|文章)?来源[：:]\s*[\u4e00-\u9fff]{2,12}发布[）)]?\s*$|"
                         # a department's article (（云溪市商务局供稿）), a writer's and photographer's credit (文/图 …, 文：…)
                         r"(?:^|\n)[（(][\u4e00-\u9fff]{2,20}\s*供稿[）)]\s*$|"
                         r"(?:^|\n)(?:[文图]\s*[/／]\s*[文图]|[文图]\s*[：:])\s*[\u4e00-\u9fff ]{2,24}$")
# A portal's news item with no paper's cue: its text opens on the day of the event (2月20日，…召开; 近日，).
_EVENT_OPENING = re.compile(r"^(?:(?:\d{1,2}月)?\d{1,2}日(?:至(?:\d{1,2}月)?\d{1,2}日)?(?:上午|下午|晚间?|晚)?|近日|日前|连日来|今年以来|\d{1,2}月以来)，[^。\n]{2,60}?"
                            r"(?:召开|举行|举办|开幕|启动|开工|签约|发布|印发|出台|开展|召集|主持|调研|考察|会见|获悉|通过|完工|竣工|揭牌|投产|"
                            r"开放|开通|建成|落成|投用|上线|亮相)")
# A page that says it is news: its source is a paper or a news site (来源：云溪日报), or the site's own
# name or section path is one (站点：云溪日报 | 云溪新闻网, 站点：首页 > 新闻中心 > 要闻).
_NEWS_SOURCE = re.compile(r"(?:来\s*源|信息来源)[：:]\s*[^\s，。|]{0,12}(?:日报|晚报|新闻网|新华社|新华网|中新网|客户端|融媒体中心|电视台)|"
                          r"^站点：[^\n]*(?:日报|晚报|新闻中心|新闻网|要闻|(?:新闻|街道|乡镇|部门|工作|政务|[区县镇乡市])动态)|"
                          # a section path through a place's news (首页 > 云溪新闻 > 时政)
                          r"^站点：[^\n]*[>＞»›]\s*[\u4e00-\u9fff]{1,8}新闻\s*(?:[>＞»›]|$)", re.M)
_REGULATION_TITLE = re.compile(r"(?:条例|办法|规定|细则|规则|章程|通知|意见|方案|通告|若干措施|政策措施|支持措施|工作措施|行动计划|实施计划)(?:（[^）]*）)?$")
# A policy document carried whole by a news item (中办国办印发《…方案》 / 新华社…电 + the text).
_PUBLISHED_POLICY = re.compile(r"印发|公布|发布").search
# A document number row of a government's policy paper (文号：明政发〔2031〕12号, 发文字号：…办发〔2031〕3号): the
# page files it under that number, a regulation whatever its genre word (…指引, …十条, …工作要点), but not a
# reply, a bulletin or a decision (批复, 复函, 通报, 决定: each a decision on one matter).
_POLICY_NO = re.compile(r"^(?:文\s*号|发文字号)\s*[：:|]\s*[\u4e00-\u9fff]{1,8}(?:发|规|办)[\u4e00-\u9fff]{0,2}[〔\[［(（]\d{4}[〕\]］)）]\s*\d{1,4}\s*号",
                        re.M)
_NOT_POLICY_TITLE = re.compile(r"(?:批复|复函|函|通报|决定|决议|答复|公示|任免|报告|请示)(?:（[^）]*）)?$")
_POLICY_NAME = re.compile(r"(?:方案|意见|通知|规划|纲要|办法|条例|规定|计划)(?:（[^）]*）)?》?$")
_RESOLUTION = re.compile(r"^[^。\n]{0,40}(?:会议|大会)[^。\n]{0,6}(?:听取|审议|批准)")
_STATISTICS = re.compile(r"统计公报")
_BUDGET = re.compile(r"预算执行情况|预算草案|决算(?:草案)?的报告|财政预算")
_GLOSSARY_TITLE = re.compile(r"(?:名词解释|名词解读|术语解释|词语解释)(?:[（(][^）)]{0,12}[）)])?$")
_ARTICLES = re.compile(r"(?:^|\n)第[一二三四五六七八九十百]+条")


def _meta_fields(header: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in _META_FIELD.finditer(header):
        key, val = re.sub(r"\s", "", m.group(1)), m.group(2).strip(" |")
        if val and key not in out:
            out[key] = val
    return out


def _region(doc: Document, head: str, meta: dict[str, str], title: str) -> tuple[Place | str | None, str | None]:
    """``全国``, the gazetteer place the document is about, or None (see :mod:`.regions`)."""
    issuer = meta.get("发布单位") or meta.get("发布机构") or meta.get("发文机关") or meta.get("发文单位") or ""
    first = doc.text[:200]
    if (_NATIONAL.search(head) or _NATIONAL.search(doc.text[:400]) or _NATIONAL_BODY.match(title) or "全国人民代表大会" in title or _NATIONAL_BODY.match(issuer)
            or _NATIONAL_BODY.match(first) or re.search(r"中办国办|中共中央国务院|国务院办公厅", first)
            or _CENTRAL_NEWS.search(title + "\n" + first) or _MINISTRY_ISSUER.match(issuer) or _MINISTRY_ISSUER.match(title)):
        return "全国", "head"
    tag = _TAG.match(title)
    site = re.findall(r"^站点：(.+)$", doc.header, re.M)
    place, why = document_place(_TAG.sub("", title), head, issuer, doc.text, (tag.group(1) or tag.group(2)) if tag else None,
                                site)
    if why != "head" and _speaks_for_country(doc.text[:30000]):
        return "全国", "body"
    if why == "body" and place is not None:
        place = at_level(place, self_level(doc.text[:30000]))  # a provincial item naming a city most
    if place is None and self_level(doc.text[:30000]) == "province":
        place, why = province_of_cities(doc.text), "body"  # 全省…在哈尔滨召开…牡丹江、伊春等地
        why = why if place else None
    if place is None and (place := last_resort(doc.text)) is not None:
        why = "guess"  # the page's other documents may say better (fill_from_siblings)
    return place, why


# A central item: the State Council's executive meeting, or a Beijing dateline reporting on a central body.
# The central ministries and agencies by name (a 部 of the State Council, a 国家…局, 海关总署).
_MINISTRY = (r"(?:国家(?:市场|(?![省市县区州])[\u4e00-\u9fff]){1,10}?(?:委员会|委|部|局|署|总局|办公室)|(?:外交|国防|教育|科学技术|科技|工业和信息化|公安|民政|司法|财政|"
             r"人力资源和?社会保障|人力资源社会保障|自然资源|生态环境|住房和?城乡建设|住房城乡建设|交通运输|水利|农业农村|商务|文化和旅游|"
             r"卫生健康|退役军人事务|应急管理)部(?!门)|中国人民银行|海关总署)")
_CENTRAL_NEWS = re.compile(
    r"国务院常务会议|(?:新华社|本报|中新社)北京[^，。\n]{0,12}(?:电|讯)[^。\n]{0,40}(?:国务院|中共中央|党中央|全国人大|全国政协|总理|国家主席|"
    + _MINISTRY + r"|国家统计局)")
# A document a ministry issues (its 发文机关, or a title opening with its name: 明澜部办公厅关于…的通知 where 明澜部
# is a real ministry) is the country's; not a ministry's local office (国家统计局云溪调查队, 国家税务总局云溪市税务局).
_MINISTRY_ISSUER = re.compile(r"^" + _MINISTRY + r"(?:办公厅|办公室)?(?:关于|印发|公告|令|[、，\s]|$)")
_OUR_COUNTRY = re.compile(r"我国|全国各族人民")
_OUR_AREA = re.compile(r"[我全本](?:省|市|区|县|州|旗)")


def _speaks_for_country(text: str) -> bool:
    """A text naming no issuer that says 我国 far more than 我省/全市/本区 is about the country."""
    ours = len(_OUR_COUNTRY.findall(text))
    return ours >= 10 and ours > 3 * len(_OUR_AREA.findall(text))


def _npc_votes(text: str, head: str, votes: Counter[int]) -> None:
    """Years told by the People's Congress a report or text addresses or looks back to."""
    for m in _NPC_ADDRESSED.finditer(head[:1500]):  # 向第十届全国人民代表大会第一次会议报告
        y = npc_year(m.group(1), m.group(2) or "一")
        if y:
            votes[y] += 4
    for m in _NPC_SINCE.finditer(head[:3000]):  # 从第四届全国人民代表大会以来: the next term's first session
        t = cn_int(m.group(1))
        y = npc_year(_CN_DIGITS[t + 1], "一") if t is not None and t + 1 < len(_CN_DIGITS) else None
        if y:
            votes[y] += 3
    for m in _NPC_LAST_YEAR.finditer(text):  # 从去年9月第五届全国人民代表大会第三次会议到现在
        y = npc_year(m.group(1), m.group(2))
        if y:
            votes[y + 1] += 3


# A report's year is the year it was delivered. A report delivered late in a year presents the next
# year's plan under a heading of that year (二、2042年国民经济计划的任务), so what it says of its own
# timing outweighs the heading (rule, years after the delivery year, weight, invented example).
DELIVERY_CUES: list[tuple[str, int, int, str]] = [
    # a report on this year's and next year's plans: delivered in the first
    (rf"关于({YEAR_ANY})、{YEAR_ANY}年[^。\n]{{0,30}}?计划[^。\n]{{0,10}}?的报告", 0, 6,
     "现在向大会提出关于2041、2042年国民经济计划安排的报告，请予审议。"),
    # next year's plan drawn up this year: delivered the year before it
    (rf"今年(?:提前)?(?:制定|编制|安排|拟定)了?({YEAR_ANY})年[^。\n]{{0,12}}?计划", -1, 4,
     "今年提前制定2042年国民经济计划，是为了使各方面早作准备。"),
]
_DELIVERY_CUES = [(re.compile(p), k, w) for p, k, w, _ in DELIVERY_CUES]


def delivery_votes(text: str) -> Counter[int]:
    """Votes for a report's delivery year from what it says of its own timing (:data:`DELIVERY_CUES`)."""
    votes: Counter[int] = Counter()
    for rx, shift, weight in _DELIVERY_CUES:
        for m in rx.finditer(text):
            votes[cn_year(m.group(1)) + shift] += weight
    return votes


_CN_DATE = re.compile(r"([〇零○一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日")


def cn_dates(text: str) -> str:
    """Dates in Chinese numerals written in digits (二〇三一年六月二十六日 -> 2031年6月26日), for the date
    rules that read digits (_PASSED, _IN_FORCE); offsets are not kept, only years are read."""
    if "〇" not in text and "○" not in text and "零" not in text:
        return text
    return _CN_DATE.sub(lambda m: f"{cn_year(m.group(1))}年{cn_int(m.group(2))}月{cn_int(m.group(3))}日", text)


def _title_years(title: str | None) -> list[int]:
    """The years a title names, in digits or in Chinese numerals (二〇三一年), not those bounding a span (2031—2035年)."""
    return [cn_year(m.group(1)) for m in re.finditer(_YEAR, title or "")
            if not re.search(r"[―—\-~～至]", title[m.end() : m.end() + 1] + title[max(0, m.start() - 1) : m.start()])]


def _year(doc: Document, head: str, meta: dict[str, str]) -> tuple[int | None, str | None]:
    votes: Counter[int] = Counter()
    text = doc.text
    _npc_votes(text, head, votes)
    if doc.kind == "work_report":
        # In a heading ("三、2021年主要任务") these are strong; in running text ("完成了1994年的工作任务") weak.
        for start, year in _target_years(text):
            heading = start == 0 or text[start - 1] in "\n、）"
            votes[year] += 3 if heading else 1
        for year in _review_years(text):
            votes[year + 1] += 3
        for m in _DELIVERY.finditer(head):
            votes[cn_year(m.group(1))] += 4
        votes.update(delivery_votes(text[:30000]))
        for m in _NPC_SESSION.finditer(head[:400]):
            y = npc_year(m.group(1), m.group(2))
            if y and head[max(0, m.start() - 1) : m.start()] == "在":
                votes[y] += 3
        if not votes and not _title_years(doc.title):
            # A report reviews last year most: the most frequent year (the later one on a tie) + 1.
            # A title naming its year (2031年…政府工作报告) is the report's own year, not one it reviews.
            counts = Counter(cn_year(m.group(1)) for m in re.finditer(_YEAR, text))
            if counts:
                top = max(counts.values())
                votes[max(y for y, n in counts.items() if n == top) + 1] += 1
    else:
        for m in _NPC_SESSION.finditer(head):
            y = npc_year(m.group(1), m.group(2))
            if y:
                votes[y] += 2
        found = list(_PASSED.finditer(cn_dates(head)))  # （二〇三一年六月二十六日…通过） too
        passed = [int(m.group(1)) for m in found]
        if passed:
            votes[max(passed)] += 3
            last = max(found, key=lambda m: (int(m.group(1)), int(m.group(2))))
            force = [int(m.group(1)) for m in _IN_FORCE.finditer(cn_dates(text[:30000]))]
            # A local regulation adopted in December and in force the next year, its promulgation
            # not stated, was promulgated the next year (a local 公告 follows adoption by weeks; the
            # national congress promulgates the same day).
            if (all(m.group(4) == "通过" for m in found) and int(last.group(2)) == 12
                    and int(last.group(1)) + 1 in force and "全国" not in last.group(3)):
                votes[int(last.group(1)) + 1] += 6  # over the adoption date, met twice (note and lead)
        for key in _DATE_FIELDS:
            if key in meta and (d := _ISO_DATE.search(meta[key])):
                votes[int(d.group(1))] += 4
                break
        lead = "\n".join(doc.text.split("\n", 6)[:6])
        m = _ISO_DATE.search(lead) or _ISO_DATE.search(_FOOTER_LINE.sub("", doc.header))
        if m:
            votes[int(m.group(1))] += 2
        elif m := _ISO_DATE.search("\n".join(doc.text.rsplit("\n", 3)[-3:])):
            votes[int(m.group(1))] += 2  # the date under the issuer at the end
        if doc.kind == "budget":
            for m in _DELIVERY.finditer(head):
                votes[cn_year(m.group(1))] += 4
        # A bulletin of year Y is published in Y+1; a budget report is for the later of its two years.
        covered = [int(y) for y in _ANY_YEAR.findall(doc.title or "")]
        if covered and doc.kind == "statistics":
            votes[max(covered) + 1] += 2
        elif covered and doc.kind == "budget":
            votes[max(covered)] += 2
    for y in _title_years(doc.title):
        votes[y] += 1
    if votes:
        return votes.most_common(1)[0][0], "body"
    if footer := _FOOTER_LINE.search(doc.header):
        return int(footer.group(1)), "guess"  # only the footer beside the site's owner dates the page
    counts = Counter(cn_year(m.group(1)) for m in re.finditer(_YEAR, text)
                     if text[max(0, m.start() - 1) : m.start()] not in ("到", "至"))  # 到2025年 is a plan
    if counts:
        top = counts.most_common(1)[0][1]
        # The latest year mentioned about as often as the most frequent one: texts look back.
        return max(y for y, n in counts.items() if n >= 0.5 * top and y <= 2100), "guess"
    return None, None


def _kind(doc: Document, head: str, from_listing: bool) -> str:
    """The kind, by cues in a fixed order (each with example lines in tests/test_metadata_kinds.py)."""
    title = doc.title or ""
    opening = doc.text[:300]
    first = doc.text.split("\n", 1)[0]
    if re.search(r"决议|决定", title) or _RESOLUTION.search(first):
        return "other"  # a resolution on a report, a decision
    if _GLOSSARY_TITLE.search(title):
        return "glossary"  # a page of terms (…政府工作报告名词解释), whatever report it explains
    # A news item about a document (本报讯 …市长作政府工作报告; …发布统计公报) is news when the document
    # itself is not carried: no 各位代表 salutation, and a news item's length.
    reported = bool(_NEWS.search(opening))
    about = (reported or bool(_REPORT_NAMED.search(title))) and "各位代表" not in doc.text[:8000] and len(doc.text) < 6000
    if (_STATISTICS.search(title) or _STATISTICS.search(head[:200])) and not about:
        return "statistics"
    if (_BUDGET.search(title) or _BUDGET.search(first)) and not about:
        return "budget"
    if re.match(r"\s*各位代表", doc.text[:20]) and re.search(r"报告|政府工作", doc.text[:600]):
        return "work_report"
    if (("政府工作报告" in title or "政府工作报告" in head[:300]) and not about) or (
        "各位代表" in head and re.search(r"报告(?:政府)?工作|政府工作|工作回顾", head)
    ):
        return "work_report"
    turns = doc.text[:20000]
    # A news item reporting a press conference (新华社…电 …举行新闻发布会) is news, not its transcript.
    if _PRESS.search(title) or (_PRESS.search(head[:200]) and not reported) or (
            _PRESS_TURN.search(turns) and len(_REPORTER_TURN.findall(turns)) >= 1):
        return "press"
    if (_REGULATION_TITLE.search(title) and not about) or len(_ARTICLES.findall(doc.text[:20000])) >= 3:
        return "regulation"
    if _PUBLISHED_POLICY(title) and _POLICY_NAME.search(title) and len(doc.text) > 3000:
        return "regulation"
    if _POLICY_NO.search(doc.header) and not _NOT_POLICY_TITLE.search(title) and not reported:
        return "regulation"  # a government's policy paper under its 文号 row (…指引, …十条, …规划), not a reply
    if doc.glossary and sum(g.end - g.start for g in doc.glossary) > 0.6 * len(doc.text):
        return "glossary"
    body_start = next((ln for ln in doc.text.split("\n", 6)[:6] if "，" in ln), "")  # the first sentence line
    if (_NEWS.search(opening) or _BYLINE_END.search(doc.text[-120:]) or from_listing or _PAPER_PAGE.search(doc.header)
            or ((_EVENT_OPENING.match(body_start) or _NEWS_SOURCE.search(doc.header)) and len(doc.text) < 8000)):
        return "news"
    if len(_REPORT_SUMMARY.findall(doc.text[:30000])) >= 2:
        return "work_report"  # a summary of the report in reported speech (总理在报告中指出 …)
    return "other"


def metadata(doc: Document) -> Document:
    meta = _meta_fields(doc.header)
    from_listing = doc.origin in ("listing", "newspaper")
    given_title = doc.title or ""
    if doc.title:
        doc.title = _TAG.sub("", doc.title).strip()
    doc.title = titles.choose(meta.get("标题") or meta.get("信息名称") or meta.get("文件名称") or meta.get("名称"), doc.title, titles.body_title(doc.text), doc.text)
    if not doc.title and (page_title := re.search(r"^网页题名：(.+)$", doc.header, re.M)):
        doc.title = titles.choose(None, page_title.group(1), None)  # the HTML <title> of a page with no heading
    opened = titles.from_opening(doc.text)
    if opened and (not doc.title or _squash(doc.text).startswith(_squash(doc.title))):
        doc.title = opened  # no heading: the title the opening gives (…会议关于政府工作报告的决议)
    # The site's own lines (站点：…) are evidence of their own kind, never the document's heading.
    head = re.sub(r"(?m)^站点：.*\n?", "", doc.header) + "\n" + doc.text[:3000]
    doc.kind = _kind(doc, head, from_listing)
    if doc.kind in ("work_report", "budget") and (heading := titles.report_heading(doc.text)):
        doc.title = heading  # the report's own heading, not the news item's headline over it
    place, doc.region_source = _region(doc, head, meta, given_title or doc.title or "")
    set_place(doc, place)
    doc.year, doc.year_source = _year(doc, head, meta)
    doc.index_no = meta.get("索引号")
    doc.doc_no = meta.get("发文字号") or meta.get("文号")
    doc.issuer = meta.get("发布单位") or meta.get("发布机构") or meta.get("发文机关") or meta.get("发文单位")
    date = _DELIVERY_DATE.search(head)
    for key in _DATE_FIELDS:
        if date is None and key in meta:
            date = _ISO_DATE.search(meta[key])
    if date is None:  # a dated row with no label (2031年3月2日 09:15 云溪日报, after the page's address)
        date = next((m for ln in doc.header.split("\n") if (m := _LEAD_DATE.match(ln))), None)
    if date is None:
        date = _ISO_DATE.search(doc.text.split("\n", 1)[0])
    if date is None and doc.kind == "regulation" and doc.year:
        # a regulation dated by its note: the latest adoption, approval or promulgation of its year
        days = [m for m in _PASSED_DAY.finditer(cn_dates(head[:1500])) if int(m.group(1)) == doc.year]
        date = max(days, key=lambda m: (int(m.group(2)), int(m.group(3))), default=None)
    if date and (doc.year is None or int(date.group(1)) in (doc.year, doc.year - 1)):
        doc.date = f"{int(date.group(1)):04d}-{int(date.group(2)):02d}-{int(date.group(3)):02d}"
    if not doc.title or (doc.title == "政府工作报告" and doc.kind == "work_report"):
        # No title, or a bare heading naming no place or year: words made from the place, year and kind,
        # as the corpus index files such reports (2024年…政府工作报告) — in a library of many they must
        # differ. The scorer takes a bare gold heading and this form as one title (evaluate_docs).
        doc.title = titles.fallback(doc.region, doc.year, doc.kind)
        if doc.kind == "work_report" and len(_REPORT_SUMMARY.findall(doc.text[:30000])) >= 2:
            doc.title += "（摘要）"  # the report retold, not the report
    return doc


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def _clear_lead(c: Counter[str]) -> bool:
    (_, a), (_, b) = c.most_common(2)
    return a > b


def set_place(doc: Document, place: Place | str | None) -> None:
    """File a document under a gazetteer place (display name, level, code, full chain) or 全国."""
    if isinstance(place, Place):
        doc.region, doc.level, doc.region_code, doc.region_path = place.display, place.level, place.code, place.full
    elif place == "全国":
        doc.region, doc.level, doc.region_code, doc.region_path = "全国", "national", None, "全国"
    else:
        doc.region = doc.level = doc.region_code = doc.region_path = None


def fill_from_siblings(docs: list[Document]) -> list[Document]:
    """Articles on one newspaper page share its place and year when they do not say otherwise."""
    if len(docs) < 2:
        return docs
    if sum(d.kind == "news" for d in docs) >= 2:
        for d in docs:
            if d.kind == "other" and len(d.text) < 5000:
                d.kind = "news"  # an item on a page of news is news
    # What the body names is read again with the page's places known: a district paper's item says
    # 金山 where its neighbour said 金山区.
    page_places = [p for d in docs if (p := place_of(d.region))]
    for d in docs:
        if d.region_source in (None, "body", "guess") and d.kind in ("news", "other"):
            p = body_place(d.text, page_places)
            if p is not None:
                set_place(d, p)
                d.region_source = "body"
    regions = Counter(d.region for d in docs if d.region and d.region_source != "guess")
    years = Counter(d.year for d in docs if d.year and d.year_source != "guess") or Counter(
        d.year for d in docs if d.year)
    for d in docs:
        if d.kind not in ("news", "other"):
            continue
        if (d.region is None or d.region_source == "guess") and regions and (len(regions) == 1 or _clear_lead(regions)):
            top = regions.most_common(1)[0][0]
            p = place_of(top)
            # 全省 in an item beside a district's news: the district's province.
            set_place(d, at_level(p, self_level(d.text)) if p else top)
        if (d.year is None or d.year_source == "guess") and len(years) == 1:
            d.year = years.most_common(1)[0][0]
    return docs
