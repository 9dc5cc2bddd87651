"""Which place a document is about, read against the gazetteer (:mod:`govlens.lexicon.places`).

Evidence is weighed in a fixed order of trust (:data:`WEIGHTS`): the issuer and heading lines
(XX人民政府, 在XX第十四届人民代表大会, XX区区长, 我代表XX人民政府), the 发布机构 row of an index
table, a newspaper named after its place (浙江日报讯), the title, and last the places the body names
most. A venue (在西宁召开) or a visiting official named in passing carries no weight of its own,
so it never outranks the issuer. Every vote is for a gazetteer place; a name held by several places
(鼓楼区) is resolved by the other places the document names, or left out.

The name a document is filed under is :attr:`Place.display` (闵行区, 嘉兴市南湖区, 浙江省), and
``全国`` for the country; :func:`canonical` maps any spelling of a place to it, so one place has one
name across documents whatever order they are read in.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache

from ..lexicon.places import (
    GENERIC,
    NOT_SHORT,
    Mention,
    Place,
    canonical_place,
    gazetteer,
    resolve,
    short_forms,
)
from ..lexicon.words import YEAR

PROVINCES = {p.name: p.name for p in gazetteer().places if p.level == "province"} | {
    s: p.name for s, ps in gazetteer().shorts.items() for p in ps if p.level == "province" and len(ps) == 1
}
MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")

# Kept for callers that look for place-like strings before asking the gazetteer (ask's questions).
_UNIT = r"[\u4e00-\u9fff]{1,8}?(?:自治州|自治县|自治旗|特别行政区|自治区|省|市|州|盟|区|县|旗)"
PLACE = re.compile(rf"(?:[\u4e00-\u9fff]{{1,6}}?(?:省|自治区|市|州|盟))?{_UNIT}")

# Evidence, strongest first: what follows (or precedes) a place name in the head of a document.
WEIGHTS = {
    "delivery": 8,   # 2021年1月6日在嘉兴市南湖区第八届人民代表大会第六次会议上
    "self": 7,       # 我代表上海市闵行区人民政府
    "issuer": 6,     # 发布机构：青海省人民政府 (index table)
    "government": 5,  # 上海市闵行区人民政府 / XX区政府工作报告 in the heading lines
    "title": 4,      # the title starts with a place (2021年青浦区政府工作报告)
    "newspaper": 3,  # 浙江日报讯, 青海日报记者
    "official": 2,   # 闵行区区长 / 副省长 in the heading lines
    "site": 3,       # 站点：云溪新闻网 > 明澜 (the page's site name, section path or footer owner)
    "tag": 2,        # 【青浦区招商】
    "body": 1,       # the place the body names most (only when nothing above votes)
}
_GOV_AFTER = re.compile(r"人民政府|政府(?:工作报告|办公室|办公厅|新闻办公室|新闻办|常务会议)|人民代表大会|发展和改革委员会|统计局|财政局|人大常委会")
_DELIVERY = re.compile(r"(?:第[一二三四五六七八九十]+届)(?:\n?人民代表大会)")
_SELF = re.compile(r"我代表")
_OFFICIAL_AFTER = re.compile(r"(?:代理|常务副|副)?(?:区长|市长|县长|省长|主席|旗长|州长|州长)")
_NEWSPAPER = re.compile(r"日报(?:社)?(?:讯|记者|客户端|全媒体)|晚报讯|广播电视台|融媒体中心")


def canonical(name: str | None) -> str | None:
    """Any spelling of one gazetteer place (上海市闵行区, 闵行, 郫县) -> its display name; ``全国``
    stays; None for anything else (许勤主持召开省, 化广州, 鼓楼区 alone)."""
    if name is None:
        return None
    name = name.strip()
    if name in ("全国", "中国", "中华人民共和国"):
        return "全国"
    p = canonical_place(name)
    return p.display if p else None


def place_of(name: str | None) -> Place | None:
    """The gazetteer place for a display name or any other unambiguous spelling."""
    return canonical_place(name) if name and name != "全国" else None


def level_of(name: str | None) -> str | None:
    if name == "全国":
        return "national"
    p = place_of(name)
    return p.level if p else None


def _anchored(text: str, anchor: re.Pattern[str]) -> list[Mention]:
    """The place chain ending right where each anchor match starts."""
    g = gazetteer()
    out = []
    for m in anchor.finditer(text):
        found = g.before(text, m.start())
        if found:
            out.append(found)
    return out


def _after(text: str, anchor: re.Pattern[str]) -> list[Mention]:
    """The place chain starting right where each anchor match ends (我代表 + 上海市闵行区)."""
    g = gazetteer()
    out = []
    for m in anchor.finditer(text):
        for found in g._chains(text, m.end(), min(len(text), m.end() + 24), strict=False):
            if found.start == m.end():
                out.append(found)
            break
    return out


def _body_best(mentions: list[Mention], context: list[Place], tour: int = 3) -> Place | None:
    """The place the body names most (at least twice); a place inside it that is named nearly as
    often is more specific and wins (a district's news names its province too). ``tour``: how many
    counties of one prefecture, named about equally, make the item the prefecture's (two when the
    prefecture's own leader is the one visiting them, :data:`CITY_LEADER_RULES`)."""
    counts: Counter[Place] = Counter()
    for m in mentions:
        p = resolve(m, context)
        if p is not None:
            counts[p] += 1
    if not counts:
        return None
    top, n = counts.most_common(1)[0]
    if n < 2:
        return None
    inner = [(c, p) for p, c in counts.items() if p is not top and p.within(top) and c >= max(2, n / 3)]
    if inner:
        return max(inner, key=lambda cp: (cp[0], len(cp[1].path)))[1]
    if top.level in ("county", "district") and len(top.path) >= 2:
        # A tour of a prefecture's counties (阿克苏地区库车、沙雅、温宿、阿克苏市等地): three or more of
        # its counties named, the top one no more than the others together, is the prefecture's item.
        parent = top.path[-2]
        kin = [c for p, c in counts.items() if len(p.path) >= 2 and p.path[-2] is parent and p.level in ("county", "district")]
        if len(kin) >= tour and n <= sum(kin) - n:
            return parent
    return top


# A prefecture's own leader in the opening (市委书记王明深入两县调研, 市长李华先后来到A区、B区): the counties
# or districts the item then names about equally are stops of the prefecture's leader, and the item is
# the prefecture's (invented examples; a county's own 县委书记 keeps the county).
CITY_LEADER_RULES: list[tuple[str, str]] = [
    (r"(?<![县区镇乡])(?:市委|州委|盟委|地委)(?:副)?书记", "11月3日，市委书记王明深入瑞金、于都调研"),
    (r"(?<![县区镇乡])(?:副)?(?:市长|州长|盟长)[\u4e00-\u9fff]{2,3}(?:先后|深入|来到|走进|到|赴|在)", "副市长周琳在瑞金、于都检查秋粮收购"),
]
_CITY_LEADER = re.compile("|".join(f"(?:{p})" for p, _ in CITY_LEADER_RULES))


def body_place(body: str, known: Iterable[Place] = (), mentions: list[Mention] | None = None,
               tour: int = 3) -> Place | None:
    """The place a text names most, short names of ``known`` places (and of the places it names in
    full) counting too. ``mentions``: the text's plain scan, when the caller has it."""
    g = gazetteer()
    if mentions is None:
        mentions = g.scan(body[:30000])
    context = [*known, *(m.place for m in mentions if m.place)]
    narrow = [p for p in context if p.level != "province"]
    if narrow:
        mentions = g.scan(body[:30000], known=narrow)
    return _body_best(mentions, context, tour)


# A site line is read segment by segment (云溪新闻网首页 > 明澜 > 区县): the place a segment starts
# with, or the place right before the site word (每日云溪网, 中国云溪网). Agency names are no place.
_SITE_SPLIT = re.compile(r"\s*(?:>>?|＞|»|›|[|｜]|\s[-—_]\s|当前位置[：:]|您(?:现在)?的位置[：:])\s*")
_SITE_WORD = re.compile(r"(?:人民政府|政府)?(?:门户网站?|网站|新闻网|人大网|政府网|在线|网|数字报|数字版|电子版|客户端|频道|日报|晚报|报社|报)")
_NOT_SITE_PLACE = re.compile(r"^(?:新华|中新|人民|央视|央广|光明|经济日报|环球|首页|网站首页)")


def _site_name(m: Mention) -> bool:
    """A place a site's name can be read as: an official name (朝阳区), or the short name of a province
    or prefecture (福州新闻网); not a county's or district's short name (光明网 is no 光明区), nor a
    common word (GENERIC, places_not_short.txt)."""
    if m.text in GENERIC or NOT_SHORT.get(m.text):
        return False
    g = gazetteer()
    # a chain of two names (上海普陀) is as good as an official name
    return bool(g.names.get(m.text)) or all(p.level in ("province", "city") for p in m.candidates) or len(m.text) >= 4


def site_places(site: Iterable[str]) -> list[Mention]:
    g = gazetteer()
    out: list[Mention] = []
    for line in site:
        for seg in _SITE_SPLIT.split(line):
            seg = re.sub(r"^(?:网站)?首页|^中国(?=\S{2})", "", seg.strip())  # 中国江苏网 is 江苏's
            if not seg or _NOT_SITE_PLACE.match(seg):
                continue
            m = next(iter(g._chains(seg, 0, len(seg), strict=False)), None)
            if m is None or m.start != 0 or not _site_name(m):
                w = _SITE_WORD.search(seg)
                m = g.before(seg, w.start()) if w and w.start() >= 2 else None
            if m is not None and not _site_name(m):
                m = _prefecture_of_short(m)
            if m is not None and _site_name(m):
                out.append(m)
    return out


def _prefecture_of_short(m: Mention) -> Mention | None:
    """A short name a prefecture shares with counties inside it (甘孜 for 甘孜藏族自治州 and 甘孜县, 临夏
    for 临夏州, 临夏市 and 临夏县) names the prefecture in a site's name (甘孜新闻网): a county's own
    site spells its full name. None for a short name shared with places elsewhere."""
    cities = [p for p in m.candidates if p.level == "city"]
    if len(cities) == 1 and all(p is cities[0] or p.within(cities[0]) for p in m.candidates):
        return Mention(m.start, m.end, m.text, (cities[0],))
    return None


# The addressees of a notice (主送: 明澜区、溪北区人民政府，市直有关单位：) receive it; they do not issue it, so
# their governments are no evidence of the place the document is about (rule, invented example).
ADDRESSEE_RULES: list[tuple[str, str]] = [
    (r"^(?:各[^。\n：:]{2,80}?|[^。\n：:]{2,60}?[、，][^。\n：:]{0,60}?)(?:人民政府|政府|单位|部门|机构|办事处)[^。\n：:]{0,30}?[：:]",
     "明澜区、溪北区人民政府，市直有关单位："),
]
_ADDRESSEE = re.compile("|".join(f"(?:{p})" for p, _ in ADDRESSEE_RULES), re.M)
# Governments a text names as doing their part are not its issuer either: a list of the districts'
# governments (明澜区、溪北区人民政府按照职责…), an article of a regulation naming who carries it out.
NOT_ISSUER_RULES: list[tuple[str, str]] = [
    (r"(?:[\u4e00-\u9fff]{1,8}[区县市旗]、)+[\u4e00-\u9fff]{1,8}[区县市旗](?:人民政府|政府)", "明澜区、溪北区人民政府按照职责做好管理工作"),
    (r"^第[一二三四五六七八九十百]+条[^\n]*", "第二条　溪北县人民政府负责本条例的实施。"),
]
_NOT_ISSUER = re.compile("|".join(f"(?:{p})" for p, _ in NOT_ISSUER_RULES), re.M)


def _unsupported_short(m: Mention, title: str, body: str) -> bool:
    """A headline opening with a county's or district's short name (天柱剑毫香飘海外, 凤凰单丛…) that the
    text never names again: a product, a mountain or a brand named like a far-off county, not the place
    (a county's own item names it again: 天柱县…, 天柱…). Official names and chains are always places."""
    if m.text in gazetteer().names or any(p.level not in ("county", "district") for p in m.candidates):
        return False
    flat = re.sub(r"\s+", "", body[:30000])
    rest = flat.replace(re.sub(r"\s+", "", title), "", 1) if title else flat
    return rest.count(m.text) == 0


def document_place(title: str, head: str, issuer: str, body: str, tag: str | None = None,
                   site: Iterable[str] = ()) -> tuple[Place | None, str | None]:
    """The place a document is about (see the module docstring) and what said so (``head`` for
    the evidence in :data:`WEIGHTS`, ``body`` for the body's count); None when nothing names one place."""
    g = gazetteer()
    lead = "\n".join(head.split("\n")[:8])[:600]  # the heading lines and the opening sentence
    lead = _NOT_ISSUER.sub("", _ADDRESSEE.sub("", lead))
    evidence: list[tuple[str, Mention]] = []
    evidence += [("delivery", m) for m in _anchored(head[:1500], _DELIVERY)]
    evidence += [("self", m) for m in _after(head[:3000], _SELF)]
    if issuer:
        m = g.parse(re.split(r"[、,，;；\s]", issuer.strip())[0]) or next(iter(g.scan(issuer)), None)
        if m is None:
            m = next((x for x in _anchored(issuer, _GOV_AFTER)), None)
        if m:
            evidence.append(("issuer", m))
    evidence += [("government", m) for m in _anchored(title, _GOV_AFTER)]
    evidence += [("government", m) for m in _anchored(lead, _GOV_AFTER)]
    t = re.sub(r"^(?:【[^】]*】|\[[^\]]*\])\s*", "", title)
    t = re.sub(rf"^(?:{YEAR}年(?:度)?|关于)", "", t)
    first = next(iter(g._chains(t, 0, len(t), strict=False)), None)
    if first is not None and first.start == 0 and not _unsupported_short(first, t, body):
        evidence.append(("title", first))
    evidence += [("newspaper", m) for m in _anchored(lead, _NEWSPAPER)]
    evidence += [("official", m) for m in _anchored(lead, _OFFICIAL_AFTER)]
    if tag:
        tm = g.parse(re.sub(r"招商|新闻|要闻|动态|资讯|政务|发布", "", tag))
        if tm:
            evidence.append(("tag", tm))
    evidence += [("site", m) for m in site_places(site)]
    body_mentions = g.scan(body[:30000])
    tour = 2 if _CITY_LEADER.search(lead) else 3
    context = [m.place for _, m in evidence if m.place] + [m.place for m in body_mentions if m.place]
    votes: Counter[Place] = Counter()
    strong: Counter[Place] = Counter()  # evidence above a paper's or site's name
    for why, m in evidence:
        p = resolve(m, context)
        if p is not None:
            votes[p] += WEIGHTS[why]
            if WEIGHTS[why] > WEIGHTS["newspaper"]:
                strong[p] += WEIGHTS[why]
    if votes and not strong:
        # Only a newspaper's name, an official's title or a tag: a paper reports on other places
        # too (澳门日报 on 珠海), so a place the body names more is the subject.
        top = _most_specific(votes)
        b = body_place(body, list(votes), body_mentions, tour)
        lvl = self_level(body[:30000])
        if b is not None and b is not top:
            if not b.within(top):
                if lvl is not None and top.level == lvl and b.level != lvl:
                    # A county's site whose text says 我县/全县, over a body naming a city most (the
                    # venue of its fair, 在云溪市召开; the visitors' city): the text speaks for the site's place.
                    return top, "head"
                return b, "body"
            if lvl and _DEPTH[lvl] > _DEPTH[top.level] and _named(b, body[:30000]) > _self_refs(body[:30000], lvl):
                return b, "head"  # named more than the text says 全州/全市: a quote from above, not the subject
            return (at_level(b, lvl) if lvl and _DEPTH[lvl] > _DEPTH[top.level] else b if lvl is None else top), "head"
        if lvl and _DEPTH[lvl] < _DEPTH[top.level]:
            return at_level(top, lvl), "head"  # a provincial item (全省…) in a city's paper: the province
        return top, "head"
    if votes:
        top = _most_specific(votes, strong)
        whys = {why for why, m in evidence if resolve(m, context) is top and WEIGHTS[why] > WEIGHTS["newspaper"]}
        if top.level == "city" and whys == {"title"}:
            # A headline naming the city (百色芒果…) over a body about one county or district in it
            # (田阳区…田阳区), naming no other: the item is that unit's.
            inner = Counter(p for m in body_mentions if (p := resolve(m, context)) is not None and p is not top
                            and p.within(top) and p.level in ("district", "county"))
            if len(inner) == 1 and next(iter(inner.values())) >= 2:
                return next(iter(inner)), "head"
        return top, "head"
    best = body_place(body, [m.place for _, m in evidence if m.place], body_mentions, tour)
    return best, "body" if best else None


def _most_specific(votes: Counter[Place], strong: Counter[Place] | None = None) -> Place:
    """The place with the most weight; a place inside it carrying weight of its own is the same
    document seen more closely (嘉兴市 in the title, 嘉兴市南湖区 in the delivery line). When the top
    place has evidence stronger than a site's or paper's name, so must the place inside it: the
    province's report on a city's portal is the province's."""
    top = votes.most_common(1)[0][0]
    need = strong if strong is not None and strong[top] > 0 else votes
    inner = [p for p in votes if p is not top and p.within(top) and need[p] >= 3]
    if inner:
        return max(inner, key=lambda p: (votes[p], len(p.path)))
    return top


def displayed(places: Iterable[Place | None]) -> list[str | None]:
    return [p.display if p else None for p in places]


# How a text refers to its own area (全省, 市委, 区政府): the level of the place it is about.
SELF_LEVEL = {
    "province": re.compile(r"全省|我省|本省|省委|省政府|省人民政府|副?省长"),
    "city": re.compile(r"全市|我市|本市|市委|市政府|市人民政府|副?市长|全州|州委|州政府|全盟|盟委"),
    "district": re.compile(r"全区|我区|本区|区委|区政府|区人民政府|副?区长"),
    "county": re.compile(r"全县|我县|本县|县委|县政府|县人民政府|副?县长|全旗|旗委|旗政府"),
}
_DEPTH = {"province": 1, "city": 2, "district": 3, "county": 3}


def self_level(text: str) -> str | None:
    """The level a text speaks for (most self-references, at least two), else None."""
    counts = {lvl: len(p.findall(text)) for lvl, p in SELF_LEVEL.items()}
    best = max(counts, key=lambda k: counts[k])
    n = counts[best]
    if n < 2 or sorted(counts.values())[-2] == n:
        return None
    return best


def _self_refs(text: str, level: str) -> int:
    return len(SELF_LEVEL[level].findall(text))


def _named(place: Place, text: str) -> int:
    """How often a text names a place, by its shortest name (榕江 counts 榕江县 too)."""
    return text.count(min([place.name, *short_forms(place.name, place.level)], key=len))


def at_level(place: Place, level: str | None) -> Place:
    """``place`` or its ancestor at ``level`` when the place is deeper than that level
    (a provincial item filed under a district its neighbour named goes to the district's province)."""
    if level is None:
        return place
    if level == "city" and place.level == "county" and place.name.endswith("市"):
        return place  # a county-level city says 全市 / 市委 of itself (晋江市)
    for p in place.path:
        if p.level == level or (_DEPTH[p.level] == _DEPTH[level] and level in ("district", "county")):
            return p
    return place


@cache
def _prefectures() -> frozenset[Place]:
    """Prefectures whose short names count as names (not :data:`places.NOT_SHORT`)."""
    g = gazetteer()
    return frozenset(p for s, ps in g.shorts.items() if not NOT_SHORT.get(s) for p in ps if p.level == "city")


def province_of_cities(text: str, single: bool = False) -> Place | None:
    """The province a text's prefectures belong to, counting their short names too (广州、深圳等地,
    在哈尔滨召开), but not the short names that are also common words (:data:`places.NOT_SHORT`):
    for an item speaking for a province (全省, 省政府) that names no place in full. Two mentions at
    least, and more than any other province has (with ``single``: no other province at all)."""
    g = gazetteer()
    counts: Counter[Place] = Counter()
    for m in g.scan(text[:30000], known=_prefectures()):
        p = m.place or resolve(m, ())
        if p is not None:
            counts[p.path[0]] += 1
    if not counts:
        return None
    (top, n), *rest = counts.most_common(2)
    if single:  # the only province named, twice or more
        return top if n >= 2 and not rest else None
    return top if n >= 2 and (not rest or rest[0][1] < n) else None


def last_resort(text: str) -> Place | None:
    """For a text nothing else placed (no issuer, no heading place, no place named twice): the places
    it names in full, when they lie on one chain (浦江县郑宅镇 … 全县: 浦江县), lifted to the level the text
    speaks for; else the one province its places (prefectures' short names too) belong to."""
    g = gazetteer()
    mentions = g.scan(text[:30000])
    places = {p for m in mentions if (p := m.place or resolve(m, [x.place for x in mentions if x.place]))}
    lvl = self_level(text[:30000])
    if places:
        deepest = max(places, key=lambda p: len(p.path))
        if all(deepest.within(p) for p in places):
            return at_level(deepest, lvl)
    return province_of_cities(text, single=True)
