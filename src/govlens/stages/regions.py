"""Administrative names: recognising them, their level, and the name a document is filed under.

Province-level units are listed (there are 34); below that, names are recognised by their suffix in
the places documents put them (人民政府, 人民代表大会, 区长, 发布单位), so no gazetteer file is needed.
A district of a prefecture-level city keeps its city (``嘉兴市南湖区``); a district of one of the four
municipalities does not (``闵行区``), matching how such reports name themselves.
"""

from __future__ import annotations

import re
from collections import Counter

PROVINCES = {
    "北京": "北京市", "天津": "天津市", "上海": "上海市", "重庆": "重庆市",
    "河北": "河北省", "山西": "山西省", "辽宁": "辽宁省", "吉林": "吉林省", "黑龙江": "黑龙江省",
    "江苏": "江苏省", "浙江": "浙江省", "安徽": "安徽省", "福建": "福建省", "江西": "江西省",
    "山东": "山东省", "河南": "河南省", "湖北": "湖北省", "湖南": "湖南省", "广东": "广东省",
    "海南": "海南省", "四川": "四川省", "贵州": "贵州省", "云南": "云南省", "陕西": "陕西省",
    "甘肃": "甘肃省", "青海": "青海省", "台湾": "台湾省",
    "内蒙古": "内蒙古自治区", "广西": "广西壮族自治区", "西藏": "西藏自治区",
    "宁夏": "宁夏回族自治区", "新疆": "新疆维吾尔自治区",
    "香港": "香港特别行政区", "澳门": "澳门特别行政区",
}
LEAGUES = ("兴安盟", "锡林郭勒盟", "阿拉善盟")  # the leagues (盟) of Inner Mongolia that remain
MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
_PROV_FULL = sorted(set(PROVINCES.values()) | set(PROVINCES), key=lambda n: (-len(n), n))
_PROV_RE = "|".join(map(re.escape, _PROV_FULL))

# Words ending in 区/市/县 that are not places: whole words, and suffixes of compounds.
_GENERIC_WORD = re.compile(
    r"^(?:全|我|本|该|各|此|两|三|四|五|六|七|八|九|十|一|市|省|城|山|新|地|郊|老|县|区)(?:区|市|县)$|^(?:市县|省市|区县)$"
)
_GENERIC_SUFFIX = re.compile(
    r"(?:示范|开发|园|社|试验|实验|集聚|功能|保护|片|景|街|湾|市|小|郊|辖|库|灾|矿|林|牧|老|特|校|院|港|厂|自贸|先行|"
    r"核心|承载|中心城|主城|老城|贸易|合作|产业|风景|度假|旅游|商务|居住|安置|试点|示范城|集中|高新|工业|经济|"
    r"保税|综合|新城|重点|城乡|边境|民族|贫困|发达|沿海|革命|特殊|自治|军)区$|[个几多]+[区县市]$|(?:城|都|超|上|门|坊|夜|单列)市$|地区$"
)


def _generic(name: str) -> bool:
    return bool(_GENERIC_WORD.match(name) or _GENERIC_SUFFIX.search(name))


_UNIT = r"[\u4e00-\u9fff]{1,8}?(?:自治州|自治县|自治旗|特别行政区|自治区|省|市|州|盟|区|县|旗)"
PLACE = re.compile(rf"(?:{_PROV_RE})?(?:[\u4e00-\u9fff]{{1,6}}?(?:市|州|盟))?{_UNIT}")


def extend(text: str, m: re.Match[str]) -> str:
    """A lazy match stops at the first suffix ("郑州" in 郑州市): take the level character after it."""
    name = m.group()
    nxt = text[m.end() : m.end() + 1]
    return name + nxt if nxt in ("市", "区", "县", "省") else name


def level_of(name: str) -> str:
    if name == "全国":
        return "national"
    if name in PROVINCES.values():
        return "province"
    if name.endswith(("区", "县", "旗")) and not name.endswith("自治区"):
        return "county" if name.endswith(("县", "旗")) else "district"
    return "city"


# Characters that never occur inside a place name but often before 区/市/省 in running text.
_NOT_NAME = re.compile(r"第|条|款|实行|哪|按照|根据|要素|监管|粮食|直辖|行政|其他|有关|相关|各|该|等|部|重点|困|类|级|型|份|处|种|性")
# What regexes drag in front of a name: "2021年青浦区", "会议上上海市嘉定区", "在闵行区".
_LEAD_JUNK = re.compile(r"^.*?(?:会议上|代表|[\d年月日在于的和及是了为届我])")


def canonical(name: str) -> str | None:
    """``上海市普陀区`` -> ``普陀区``; ``浙江省嘉兴市南湖区`` -> ``嘉兴市南湖区``; ``上海`` -> ``上海市``."""
    name = name.strip()
    while name and not name.startswith(tuple(_PROV_FULL)):
        stripped = _LEAD_JUNK.sub("", name, count=1)
        if stripped == name:
            break
        name = stripped
    if not name:
        return None
    if name in PROVINCES:
        return PROVINCES[name]
    if name in PROVINCES.values():
        return name
    for p in _PROV_FULL:
        if name.startswith(p) and len(name) > len(p):
            rest = name[len(p) :]
            if p in MUNICIPALITIES or PROVINCES.get(p) in MUNICIPALITIES:
                return rest if not rest.startswith(("区", "县", "市")) and not _generic(rest) else None
            if _generic(rest) or rest.startswith(("区", "县", "市", "省")):
                return PROVINCES.get(p, p)
            name = rest
            break
    if _generic(name) or len(name) < 2 or _NOT_NAME.search(name):
        return None
    if name.endswith("盟") and not name.endswith(LEAGUES):
        return None  # 军事同盟, 工农联盟
    return name



_NAME_END = re.compile(r"[区县市旗州盟]")
_HAN_ONLY = re.compile(r"[\u4e00-\u9fff]+")


def most_named(text: str) -> str | None:
    """The place a text names most often: candidates are the 2-3 characters before each 区/县/市,
    counted as whole strings so "方面金山区" loses to "金山区"."""
    cands: Counter[str] = Counter()
    for m in _NAME_END.finditer(text):
        e = m.end()
        if text[e : e + 1] in ("帜", "场", "域"):
            continue  # 旗帜, 市场, 区域: the suffix character begins a word, not a place
        for n in (3, 4):
            name = text[max(0, e - n) : e]
            if len(name) == n and _HAN_ONLY.fullmatch(name):
                cands[name] += 1
    best = None
    for name, n in sorted(cands.items(), key=lambda kv: (-kv[1], len(kv[0]))):
        if n < 2:
            break
        c = canonical(name)
        if c and c == name:
            best = name
            break
    return best
