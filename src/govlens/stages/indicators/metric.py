"""The metric of a figure: the words of its clause before it, trimmed of time words, verbs and
fillers; or, when the number comes first (募集676万件疫情防控物品), the noun after the unit; and the
items of a list of metrics (A、B和C分别…)."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from ...lexicon.load import may_end_match, words
from ...lexicon.words import YEAR, YEAR_CN
from .scan import _CLAUSE_BOUND_RX

_LEADING = re.compile(
    # A list item's marker (一是, 十二是, 2., （3）) opens a clause, never a metric.
    r"^(?:[一二三四五六七八九十]{1,3}是|\d{1,2}[.．、](?!\d)|[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[）)]|(?:项目)?(?:全部)?(?:达产|建成|投产|满产|竣工|运营)后(?:预计)?|平均每年|每年平均|(?:可以|可|并)?处以|我们|正在|已经|[，、；：。\s]|其中|同时|此外|另外|在[\u4e00-\u9fff]{1,6}?(?:期间|时期|过程中)|在[\u4e00-\u9fff“”]{2,12}?(?<![以之])[上中](?=[\u4e00-\u9fff]{2})(?![的占所国])|(?:例如|比如|如(?![期果实何此今同下]))(?=[\u4e00-\u9fff]{4})|(?:据|经|根据)[\u4e00-\u9fff]{0,8}?(?:统计|测算|调查|普查)(?:显示|表明|结果)?|(?:国务院|党中央|中央|省委|省政府|市委|市政府|区政府|县政府)(?:同意|批准|批复|决定)|(?:明确)?提出了?(?=[\u4e00-\u9fff]{3})|(?:围绕|聚焦|针对|面向)[^，。；]{1,14}?(?:开展|实施|推进|组织|举办)(?=[\u4e00-\u9fff]{2})|[^的，。；]{0,16}?(?:提出|确定|要求|规定|下达|设定)的(?=[\u4e00-\u9fff\d]{2})|而且|并且|但是|(?:只要|如果|假如|倘若)(?:我们)?(?:能够|能)?|(?:在|再|又|已经|已)?连续(?:[两三四五六七八九十]|\d{1,2}|若干|多)年|保持(?=[\u4e00-\u9fff]{3})|而(?=[将要又且])|全年|当年|年内|年末(?=[\u4e00-\u9fff]{3})|年底(?=[\u4e00-\u9fff]{3})|今年|去年|上年|明年|(?:全区|全市|全省|全县|全国)(?!性)|我国|我区|我市|我省|我县|本区|本市|"
    r"共计|共|合计|总计|累计|预计|力争|确保|争取|计划|预期|建议|拟安排|拟定为?|定为|可以|(?:即|就|只|才|仅)(?=[占有是为达到增]|$)|(?:也|还|又)(?=将|要|会|分别|都)|拟|要|将|努力|实现了?|完成了?|达到|达|为|是|约|近(?![岸郊海视期代])|比上年|同比|比去年|较上年|(?:比|较)(?:前|上一?个?)[两三四五六七八九十]年(?:时期|期间)?|(?:比|较)“?[一二三四五六七八九十]{1,3}五”?(?:时期|期间|期末|末)?|"
    r"(?:[两三四五六七八九十]|\d{1,2})年(?=增长|增加|翻|$)|基础(?:之)?上|按(?:可比|同|现行)口径(?:计算)?|(?:可比|同)口径|按(?:可比|不变|现行)价格?计算|按(?:可比|不变|现)价|较去年|可比|年均|平均(?!期望寿命|预期寿命|受教育年限|工资)|分别|均|各(?![地方类级种界族项部大位])|全面|圆满|顺利|以及|使|扣除物价因素|扣除价格因素|一年来|五年来|过去一年|过去五年|这五年|[两三四五六七八九十]年(?:间|中)|(?:今后|未来)[两三四五六七八九十]年|(?:[两三四五六七八九十]|\d{1,2})年(?=共|全社会|安排|累计|平均|年均|每年)|当前|目前|截至目前|截至\S{0,8}?底|"
    rf"(?:{YEAR}|[一二三四五六七八九][〇零○一二三四五六七八九]{{3}})年?(?:底|末|全年|上半年|前三季度|一季度)?(?:比|较)?|"
    rf"[-—–~－至到](?={YEAR}年)|在(?={YEAR})|"
    rf"到{YEAR}年|“?十[一二三四五]?五”?(?:期间|时期|末|以来)?|"
    r"[一二三四]季度|上半年|下半年|前三季度|以来|期间|的|从|由)+"
)
_TRAILING = re.compile(
    r"(?:(?:缩减|压缩|压减|缩短|减少|精简|降低|延长|扩大|增加|提高)(?:为|至|到)|减为|降为|增为|减至|"  # 缩减为111亿元, 压缩至6天
    r"实现了?|完成了?|达到了?|拟定为|定为|转为|达|为|是|出现了?|呈现|收窄|放缓|加快|增至|降至|降到|回落到|回落至|(?<![纲需摘主重必提])要|(?<=[值额量率数入])预计|(?<=比重)要|将|拟|提高到|提升到|提升至|提高至|增加到|增加至|降低到|下降到|下降至|保持在|控制在|保持|维持|(?<=[值额量率数入])(?:可以|可|能够|能)|"
    r"稳定在|突破|超过|累计|共计|总计|共|分别|均|各|有|的|了|已|平均每年|每年平均|每年|大约|(?<![节条公签合预契制集])约|(?<![均人])每(?:月|天|日|周)|按照|不能|不得|首次跃上|跃上|跃升至|跃升到|上升至|上升到|迈上|站上|首次|"
    rf"平均为|年均|平均|实际|名义|(?:{YEAR}|{YEAR_CN})年(?:底|末)?|(?:较|比)(?:{YEAR}|{YEAR_CN})年(?:同期)?(?:预计数?)?|(?:分别)?是(?:{YEAR}|{YEAR_CN})年(?:末|底)?的?|(?:较|比)(?:上半年|下半年|一季度|前三季度|上年同期|去年同期|上月|同期|年初|去年|上年)|(?:较|比)“?[一二三四五六七八九十]{{1,3}}五”?(?:时期|期间|期末|末)?|已经|达到|占|比上年|同比|较上年|可比|新增了|合计|"
    r"分别为|分别达|分别达到|都|也|还|仅|再|又|以|按|在|由|从|全面|全部|基本|顺利|正式|成功|、|，|：|"
    r"(?<![第近前后每])(?<!\d)(?:[两三四五六七八九十]|\d{1,2})年(?:来|间)?|"  # 外贸总额五年(增长1.1倍): the span, no part of the name
    # a connective the figure's clause was cut at (水电站和65万千瓦…): not 惠及, 涉及, 参与, 总和
    r"(?<![惠涉普波参总温缓])[和及或并与])+$"
)
# Verbs that take a count ("新增2所一级园", "完成8708户村庄改造"): a metric window made only of these,
# or ending in one, means the number comes first and the thing counted follows it.
_COUNT_VERBS = (
    "新增|新建|建成|建设|完成|实现|引进|培育|帮扶|发放|募集|筛查|整治|改造|开展|举办|组织|落实|推动|推进|开工|竣工|签约|"
    "认定|创建|获得|吸引|拨付|协调解决|解决|提供|减免|兑现|安置|供应|筹措|新开办|开办|新设|拆除|腾出|盘活|收储|惠及|"
    "接待|服务|培训|新引进|引育|招引|实施|投入|腾退|消化|再开发|集中|转化|上线|接入|覆盖|支持|帮助|走访|推出|出台|制定|"
    "有序推进|连续|已连续|累计建成|累计培育|累计创建|累计引进|全面完成|顺利完成|建立|设立|成立|打造|形成|启动|带动|"
    "完善提升|改造提升|提档升级|改扩建|新改建|改建|扩建|加装|维修养护|招募|资助|救助|发行|新开通|开通|开行|稳妥运行|运行"
)
_MAY_TRAIL = may_end_match(_TRAILING)
_VERB_ONLY = re.compile(rf"^(?:{_COUNT_VERBS})*$")
_VERB_LEAD = re.compile(rf"^(?:{_COUNT_VERBS})+")
_AFTER_NOUN = re.compile(r"[^，,。；;：:、\n（(\d]{1,16}")
# Where the noun after a figure stops: its predicate, a copula of role (5所职业院校为重点), a prospect (预计).
# Not 通过: it is a means (土地通过…转换) as often as a predicate (12家企业通过贯标).
_AFTER_STOP = re.compile(r"(?:实现|完成|达到|投入|获得|成为|入选|的|[和及与]$|，|。|以上|左右|"
                         r"沿着|沿著|来到|涌入|前往|走进|奔赴|"  # 30万游客来到…: the people counted, not where they went
                         r"(?:作)?为(?:重点|主体|主|核心|龙头|抓手|载体|依托|支撑|引领|代表|示范|基础|目标)|"
                         r"预计).*$")
_VERB_END = re.compile(rf"(?:{_COUNT_VERBS})$")
_NUMBER_FIRST = re.compile(r"(?:[（(][\u4e00-\u9fff]{1,2}[）)])?[“‘《]?[\u4e00-\u9fff](?<![的以左上下多余])")  # 7处“点位”入选: a quoted noun too
_MODIFIER = re.compile(r"(?:区级|市级|县级|省级|镇级|村级|中央|地方|本级|国有|民营|外资|内资|城镇|农村|城市|农业|工业)?")
_SPREAD = re.compile(r"分别(?:为|达到?|是|实际|名义|可比)?$")
_EACH = re.compile(r"(?:各|均|都|分别)$")  # 分别 before one figure: each item has it
_ITEM_SPLIT = re.compile(r"、(?![^（(）)]*[）)])")  # not inside brackets: 县（市、区） is one item
_ITEM_SPLIT_WEAK = re.compile(r"[和及与]")
_MEASURE_END = ("数", "率", "量", "额", "值", "重", "入", "资", "出", "积", "口", "度")
_HEAD_NOUNS = ("增加值", "产值", "收入", "投资", "总额", "营业收入", "销售额", "零售额", "进出口额", "人数", "比重", "增速", "数量", "面积",
               "产量", "支出", "利润", "税收", "率")

_STAGES = frozenset(words("process_stages.txt"))  # 种植、收获 between a thing and its measure
_SECTOR_WORDS = "产业"  # before a head noun the items share (新材料、生物医药产业产值)
_TAIL = 48  # trailing filler is a few short words: only the window's tail is searched for it


# The base a figure is compared with is no part of what it measures: "国家财政收入比上年增加" ->
# 国家财政收入增加, "船舶平均待泊时间同比减少" -> 船舶平均待泊时间减少, "比预算数" -> 预算数.
_COMPARED_WITH = re.compile(
    rf"(?:同比|(?:比|较)(?:上年|去年|上一年|年初|上年末|去年同期|上年同期|同期|预算数?|计划数?|上年预算|去年预算|"
    rf"(?:{YEAR}|{YEAR_CN})年(?:末|底|同期)?))(?=(?:还|又|将|要|预计)?(?:增加|减少|扩大|压缩|增高|多|少|增长|下降|提高|降低)$)"
    r"|^[（(]?比(?=预算数|计划数)")


# A subject and 有 before the thing a figure counts: what is counted is after 有 ("明确我区有红色旧址1处" ->
# 红色旧址, "全市现有中小学120所" -> 中小学); a finding verb may open it (明确, 显示, 表明, 经统计). Not the
# words 有效, 有机, 有色, 有关, 有线, 有序, 有偿, 有力, 国有 (the subject must be a place word, a pronoun of
# place or a finding verb).
_HAS_SUBJECT = re.compile(
    r"^(?:(?:据|经)?(?:明确|显示|表明|统计|调查|普查|摸排|排查)(?:显示|表明|发现)?(?:了|出)?[，,]?)?"
    r"(?:[我全本][区市省县镇乡国州盟旗]|辖区内?|境内|区内|市内|县内|省内|目前|现阶段)?(?:共|现|已|还|仍|尚|只|仅|总共|拥)?"
    r"(?<=[^有])有(?![效机色关线序偿力益利的些所人条感帐])")  # a subject, adverb or finding verb before 有


@lru_cache(maxsize=8192)
def _clean_metric(w: str) -> str:
    """The metric words of a window (cached: the rules ask for the same window several times)."""
    prev = None
    w = w.strip()
    if "比" in w or "较" in w:
        w = _COMPARED_WITH.sub("", w)
    while w != prev:
        prev = w
        if lead := _LEADING.match(w):  # anchored: one match at 0, not a try at every position as sub does
            w = w[lead.end() :]
        if "有" in w and (has := _HAS_SUBJECT.match(w)) and len(w) - has.end() >= 2:
            w = w[has.end() :]
        if _MAY_TRAIL(w):  # the filler ends the window: its last character says whether to look
            w = w[:-_TAIL] + _TRAILING.sub("", w[-_TAIL:]) if len(w) > _TAIL else _TRAILING.sub("", w)
        w = w.strip("，、；：。 \"")
    return _balance(w)


def _window_start(bounds: list[int], sent_start: int, pos: int) -> int:
    """Start of the clause holding ``pos`` (not before ``sent_start``). ``bounds``: sorted positions just
    after a clause boundary (:func:`_clause_bounds`); a bisect, not a walk back over a long clause."""
    k = bisect_right(bounds, pos) - 1
    return max(sent_start, bounds[k]) if k >= 0 else sent_start


def _clause_bounds(text: str, lo: int = 0, hi: int | None = None) -> list[int]:
    """Clause starts after each boundary in ``text[lo:hi]`` (one line: its clauses never cross it)."""
    return [m.end() for m in _CLAUSE_BOUND_RX.finditer(text, lo, len(text) if hi is None else hi)]


# The thing counted, when the words after a figure are its predicate ("183人实现全部脱贫").
_PREDICATE_FIRST = re.compile(r"(?:实现|完成|达到|获得|入选|成为)")
# A clause before 的 that picks some of the things counted (1200余名符合条件的退役军人): the head after it
# is what is counted.
_RELATIVE_VERBS = ("符合", "具备", "具有", "满足", "享受", "参加", "参与", "来自", "有意愿", "需要")
# Heads too general to name what a figure counts ("完成8708户村庄改造的任务").
_GENERIC_HEADS = ("任务", "目标", "工作", "水平", "规模", "基础", "问题", "要求", "增长", "幅度", "速度")
# A one-character noun after a figure (28个省, 2147个县) names a measure only with what follows it: its
# parenthesis (区、市) and its predicate (全部免征了农业税), up to the clause end.
_ONE_CHAR_NOUN = re.compile(r"(?P<n>[\u4e00-\u9fff](?:、(?:市|区|县|旗|镇|乡|自治区|自治州|直辖市|特区))*)"
                            r"(?P<p>[（(][^）)\n]{0,16}[）)])?(?P<pred>[^，,。；;：:、\n（(]{0,16})")


# A bound between a count and the noun it counts (100所海拔1500米以上学校, 20家年产值5000万元以上企业): a class.
_CLASS_BOUND = re.compile(r"[\u4e00-\u9fff]{0,4}?\d+(?:\.\d+)?[\u4e00-\u9fff]{0,3}?(?:及以上|及以下|以上|以下)"
                          r"(?=[\u4e00-\u9fff“])")
_UNIT_TAIL = re.compile(r"[（(][\u4e00-\u9fff]{1,2}[）)](?=[\u4e00-\u9fff“])")


# One-character nouns that own what a 的 after them names (6个村的饮水安全工程): places and units of a count.
_OWNER_NOUNS = ("村", "县", "乡", "镇", "区", "市", "省", "户", "厂", "矿", "校", "站")


def noun_after(text: str, end: int, hi: int) -> tuple[str, int]:
    """The noun a figure ending at ``end`` counts, and where it ends: the words after the unit up to the
    clause's next stop ("新增2所公办幼儿园"); its predicate when it opens with one ("183人实现全部脱贫");
    the head after a relative clause ("1200余名符合条件的退役军人就业创业" -> 退役军人就业创业); a one-character noun
    with its parenthesis and predicate ("12个市（州）全部实现了污水集中处理")."""
    if (tail := _UNIT_TAIL.match(text, end, hi)) is not None:
        end = tail.end()  # 10条（段）景观道路: the unit's alternative is no part of the noun
    if (bound := _CLASS_BOUND.match(text, end, hi)) is not None:
        end = bound.end()  # 100所海拔1500米以上农村学校: the bound names the class, the noun after it is counted
    m = _AFTER_NOUN.match(text, end, hi)
    if not m:
        return "", end
    raw = m.group().replace("及以上", "").replace("及以下", "")  # 95.6%二级及以上公立医院: a class bound
    if raw.startswith("的"):  # "50余万平方米的高品质科研办公载体建设": the noun may follow a 的.
        raw, end = raw[1:], end + 1
    if p := _PREDICATE_FIRST.match(raw):
        noun = p.group() + _AFTER_STOP.sub("", raw[p.end() :])
        return _balance(noun), end + len(noun)
    noun = _AFTER_STOP.sub("", raw)
    k = len(noun)
    if raw[k : k + 1] == "的" and len(noun) >= 2 and noun.startswith(_RELATIVE_VERBS):
        head = _AFTER_STOP.sub("", raw[k + 1 :])
        if len(head) >= 2 and head not in _GENERIC_HEADS:
            return _balance(_clean_metric(head)), end + k + 1 + len(head)
    noun = _clean_metric(noun)
    if len(noun) == 1 and (one := _ONE_CHAR_NOUN.match(text, end, hi)) and (
            one.group("p") or one.group("pred") or len(one.group("n")) > 1):
        pred = one.group("pred")
        # 5个村的饮水安全工程: the noun after 的 says what of the 村 is counted; else the predicate up to 的
        pred = ("的" + _AFTER_STOP.sub("", pred[1:]) if pred.startswith("的") and len(pred) > 2
                and one.group("n") in _OWNER_NOUNS else pred.split("的")[0])
        whole = one.group("n") + (one.group("p") or "") + pred
        return _balance(whole), end + len(whole)
    return _balance(noun), end + len(noun)


def _noun_after(text: str, end: int, hi: int) -> str:
    return noun_after(text, end, hi)[0]


def _balance(metric: str) -> str:
    """Keep quotes paired: 两直”资金 -> “两直”资金; a dangling opening quote is dropped."""
    if metric.count("”") > metric.count("“"):
        metric = "“" + metric
    if metric.count("“") > metric.count("”"):
        metric = metric.replace("“", "", 1) if metric.rfind("“") > metric.rfind("”") else metric + "”"
    return metric


def _split_items(window: str) -> list[str]:
    """Items of a list of metrics: split on 、 (names often contain 和); on 和/及/与 only without it."""
    rx = _ITEM_SPLIT if "、" in window else _ITEM_SPLIT_WEAK
    items = [x for x in rx.split(window) if x]
    if len(items) < 2:
        return items
    last = items[-1]
    first = items[0]
    if (len(first) >= 4 and first[-2:] in _STAGES and last[:2] in _STAGES and len(last) >= 4
            and all(it in _STAGES for it in items[1:-1])):
        # 马铃薯种植、收获机械化率: the thing before the first stage and the measure after the last are shared
        thing, measure = first[:-2], last[2:]
        return [thing + it[-2:] + measure for it in items[:-1]] + [thing + last]
    if (len(items) == 2 and (head := next((h for h in _HEAD_NOUNS if len(h) == len(last) and first.endswith(h)), None))
            and len(first) > len(head) + 1 and (last in _HEAD_NOUNS or last in ("支出", "收入", "出口", "进口"))):
        # 一般公共预算收入、支出: the second measure of the same thing
        return [first, first[: -len(head)] + last]
    # 新增、净增就业岗位 -> 新增就业岗位, 净增就业岗位: short leading items share the last one's tail.
    k = len(items[0])
    head = next((h for h in _HEAD_NOUNS if last.endswith(h)), None)
    if head and last.endswith(_SECTOR_WORDS + head):
        head = _SECTOR_WORDS + head  # 新材料、生物医药产业产值: 新材料产业产值
    if (all(len(it) == k for it in items[:-1]) and k <= 3 and len(last) > k + 1 and not items[0].endswith(_HEAD_NOUNS)
            and last[k] not in "（("  # 水泥和化肥（折纯）: the note is the last item's own
            # 原煤、原油、天然气产量: the last item's own name may be longer than the others' (天然气, 生物医药)
            # a cut leaving one character (not 的) before the head: 天然气 cut as 天然|气
            and not (head and len(last) - k - len(head) == 1 and last[k] != "的")):
        tail = last[k:]
        return [it + tail for it in items[:-1]] + [last]
    if head:
        # Only items that are not measures themselves take the shared head (起数、死亡人数 stay as they are).
        items = [it if it.endswith(head) or it.endswith(_MEASURE_END) else it + head for it in items]
    return items

