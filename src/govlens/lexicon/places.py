"""The gazetteer: China's provinces, prefectures and county-level units, loaded once.

``data/places.tsv`` is generated from a maintained package by ``scripts/build_places.py`` (source and
licence in its header); ``data/places_local.tsv`` adds places the national list does not hold (today only
the invented region of our bundled samples). A place is an entry of these tables, never a run of
characters ending in 省/市/区.

Names of a place, by how far they are trusted:

* ``name``   — the official name (闵行区, 嘉兴市, 浙江省) and former names (郫县 -> 郫都区);
* ``short``  — the name without its level word (闵行, 嘉兴, 浙江, 恩施州, 恩施).

:meth:`Gazetteer.scan` finds names in running text: official names whose stem has two characters
or more, province short forms, and any name right after its parent (上海闵行, 嘉兴市南湖区).
:meth:`Gazetteer.before` reads the place that ends exactly at a position (before 人民政府, 区长, …),
where every name and short form counts. A bare name held by several places (鼓楼区) is a
:class:`Mention` with several candidates; :func:`resolve` picks one using the other places a text
names, or leaves it ambiguous.

Canonical forms: internally a place is its code and full chain (``浙江省嘉兴市南湖区``). The name a
document is filed under (:attr:`Place.display`, the contract's ``region``) is the province or
prefecture name alone (浙江省, 嘉兴市), a county-level unit under its prefecture (嘉兴市南湖区), and a
county-level unit of a municipality or directly under a province by its own name (闵行区, 仙桃市).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache

from .load import data_text

MUNICIPALITY_CODES = ("110000", "120000", "310000", "500000")
# The 55 minority nationalities, as they appear inside autonomous-area names (恩施土家族苗族自治州).
_ETHNIC = ["蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺"]
_ETHNIC_RE = "(?:" + "|".join(sorted(_ETHNIC, key=len, reverse=True)) + ")族?"
_AUTONOMOUS = re.compile(rf"^(.{{2,}}?)(?:{_ETHNIC_RE})+(自治州|自治县|自治旗|自治区)$")
_SUFFIX = re.compile(r"^(.{2,}?)(特别行政区|自治区|新区|林区|特区|地区|省|市|区|县|旗|盟)$")
# Official names that are also common words: matched only after their parent or before an anchor.
# So are names that read as a conjunction before a level word (部门和县（市）, 城市和县城: 和县) and former
# names that are the plain words for a city's districts (市区, 南区, 北区).
GENERIC = frozenset({"城区", "郊区", "矿区", "市中区", "城中区", "新城区", "老城区", "城关区", "东区", "西区",
                     "新市区", "开发区", "高新区", "新区", "和县", "市区", "南区", "北区"})
# Short names of prefectures that are also common words or other things (长治久安, 大同, 白银, 日照时数):
# never read as the place from the short name alone. One per line in data/places_not_short.txt.
NOT_SHORT: dict[str, bool] = {
    w.strip(): True
    for w in data_text("places_not_short.txt").splitlines()
    if w.strip() and not w.startswith("#")
}
# Abbreviated banner names (rule, template, example): the first character of the name, the wing and
# the position: 科尔沁右翼前旗 -> 科右前旗, 鄂托克前旗 -> 鄂前旗, 阿拉善左旗 -> 阿左旗. Read like official
# names (an abbreviation must start a word in running text); irregular ones are in data/places_abbrev.tsv.
BANNER_RULES: list[tuple[str, str, str]] = [
    (r"^(.)[^左右前中后翼旗]{1,3}([左右])翼([前中后])旗$", r"\1\2\3旗", "科尔沁右翼前旗 科右前旗"),
    (r"^(.)[^左右前中后翼旗]{1,3}([前中后左右])旗$", r"\1\2旗", "鄂托克前旗 鄂前旗"),
]
_BANNER_RULES = [(re.compile(p), t) for p, t, _ in BANNER_RULES]


def banner_abbreviations(name: str) -> list[str]:
    """科尔沁右翼前旗 -> [科右前旗]; 鄂托克前旗 -> [鄂前旗]; 乌审旗 -> []."""
    return [rx.sub(t, name) for rx, t in _BANNER_RULES if rx.match(name)]


LEVEL_WORDS = {"province": "省", "city": "市", "district": "区", "county": "县"}


@dataclass(frozen=True, slots=True, eq=False)
class Place:
    code: str
    name: str
    level: str  # province | city | district | county
    parent: Place | None
    former: tuple[tuple[str, int], ...] = ()

    @property
    def path(self) -> tuple[Place, ...]:
        out: list[Place] = []
        p: Place | None = self
        while p is not None:
            out.append(p)
            p = p.parent
        return tuple(reversed(out))

    @property
    def full(self) -> str:
        """The full chain, the internal canonical key: ``浙江省嘉兴市南湖区``."""
        return "".join(p.name for p in self.path)

    @property
    def display(self) -> str:
        """The name a document is filed under (see the module docstring)."""
        if self.level in ("district", "county") and self.parent is not None and self.parent.level == "city":
            return self.parent.name + self.name
        return self.name

    def within(self, other: Place) -> bool:
        """True when ``other`` is this place or one of its ancestors."""
        return any(p is other for p in self.path)

    def __repr__(self) -> str:
        return f"Place({self.full})"


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    candidates: tuple[Place, ...]

    @property
    def place(self) -> Place | None:
        return self.candidates[0] if len(self.candidates) == 1 else None


def _stem(name: str) -> str | None:
    m = _AUTONOMOUS.match(name) or _SUFFIX.match(name)
    return m.group(1) if m else None


def short_forms(name: str, level: str) -> list[str]:
    """闵行区 -> [闵行]; 恩施土家族苗族自治州 -> [恩施州, 恩施]; 广西壮族自治区 -> [广西]."""
    out = []
    auto = _AUTONOMOUS.match(name)
    if auto:
        stem = auto.group(1)
        if auto.group(2) == "自治州":
            out.append(stem + "州")
        elif auto.group(2) == "自治县":
            out.append(stem + "县")
        out.append(stem)
    else:
        m = _SUFFIX.match(name)
        if m:
            out.append(m.group(1))
    return [s for s in out if len(s) >= 2 and s != name]


@dataclass(slots=True)
class Gazetteer:
    places: list[Place]
    by_code: dict[str, Place]
    names: dict[str, tuple[Place, ...]] = field(default_factory=dict)  # official and former names
    shorts: dict[str, tuple[Place, ...]] = field(default_factory=dict)
    _lens: dict[str, tuple[int, ...]] = field(default_factory=dict)
    _pairs: frozenset[str] = frozenset()  # the first two characters of every name: a cheap filter
    # Positions whose first and second characters each begin / continue some name: found by the regex
    # engine in C, so the Python loop visits only those (a superset of the positions in _pairs).
    _start: re.Pattern[str] = re.compile("(?!)")
    _children: dict[str, list[Place]] = field(default_factory=dict)
    _former_only: frozenset[str] = frozenset()  # names no current unit bears (郫县, 增城市)

    @classmethod
    def from_rows(cls, rows: Iterable[list[str]]) -> Gazetteer:
        raw = [r for r in rows if len(r) >= 4]
        by_code: dict[str, Place] = {}
        pending = {r[0]: r for r in raw}

        def make(code: str) -> Place:
            if code in by_code:
                return by_code[code]
            r = pending[code]
            parent = make(r[3]) if r[3] and r[3] in pending else None
            former = tuple((n, int(y)) for n, _, y in (f.rpartition(":") for f in r[4].split(",") if f)) if len(r) > 4 else ()
            p = Place(r[0], r[1], r[2], parent, former)
            by_code[code] = p
            return p

        places = [make(r[0]) for r in raw]
        g = cls(places, by_code)
        names: dict[str, list[Place]] = {}
        shorts: dict[str, list[Place]] = {}
        for p in places:
            names.setdefault(p.name, []).append(p)
            for old, _ in p.former:
                names.setdefault(old, []).append(p)
            for s in short_forms(p.name, p.level):
                shorts.setdefault(s, []).append(p)
            if p.parent is not None:
                g._children.setdefault(p.parent.code, []).append(p)
        current = {p.name for p in places}
        abbrev = {name: short for short, name in _rows_of("places_abbrev.tsv")}  # one per official name
        for p in places:
            found = [*(banner_abbreviations(p.name) if p.name.endswith("旗") else []), *([abbrev[p.name]] if p.name in abbrev else [])]
            for a in found:
                if a not in current:
                    names.setdefault(a, []).append(p)
        g.names = {k: tuple(v) for k, v in names.items()}
        g.shorts = {k: tuple(v) for k, v in shorts.items() if k not in names}
        current = {p.name for p in places}
        g._former_only = frozenset(n for n in g.names if n not in current)
        lens: dict[str, set[int]] = {}
        for k in (*g.names, *g.shorts):
            lens.setdefault(k[0], set()).add(len(k))
        g._lens = {c: tuple(sorted(v, reverse=True)) for c, v in lens.items()}
        g._pairs = frozenset(k[:2] for k in (*g.names, *g.shorts))
        firsts = "".join(sorted({k[0] for k in g._pairs}))
        seconds = "".join(sorted({k[1] for k in g._pairs if len(k) > 1}))
        g._start = re.compile(f"[{re.escape(firsts)}](?=[{re.escape(seconds)}])")
        return g

    # -- looking names up -------------------------------------------------------------------

    def lookup(self, name: str, short: bool = True) -> tuple[Place, ...]:
        """Every place called ``name`` (official, former, and with ``short`` short names)."""
        return self.names.get(name, ()) + (self.shorts.get(name, ()) if short else ())

    def children(self, place: Place) -> list[Place]:
        return self._children.get(place.code, [])

    def parse(self, text: str) -> Mention | None:
        """A whole string naming one place through its chain: ``浙江省嘉兴市南湖区``, ``上海闵行``,
        ``南湖区``; None unless the string is entirely place names."""
        text = text.strip()
        best: Mention | None = None
        for m in self._chains(text, 0, len(text), strict=False):
            if m.start == 0 and m.end == len(text):
                best = m
        return best

    def _match_at(self, text: str, i: int, end: int, strict: bool, parents: tuple[Place, ...] = (),
                  known: frozenset[Place] = frozenset()) -> Mention | None:
        if text[i : i + 2] not in self._pairs:
            return None
        lens = self._lens[text[i]]
        for n in lens:
            if i + n > end:
                continue
            s = text[i : i + n]
            if parents:
                cands = tuple(p for p in self.lookup(s) if any(p is not q and p.within(q) for q in parents))
                if cands:
                    return Mention(i, i + n, s, cands)
                continue
            cands = self.names.get(s, ())
            if cands:
                if strict and (s in GENERIC or len(_stem(s) or s) < 2):
                    continue
                return Mention(i, i + n, s, cands)
            cands = self.shorts.get(s, ())
            if cands and strict:
                cands = tuple(p for p in cands if p.level == "province" or p in known)
            if cands:
                return Mention(i, i + n, s, cands)
        return None

    def _chains(self, text: str, start: int, end: int, strict: bool,
                known: frozenset[Place] = frozenset()) -> Iterator[Mention]:
        i = start
        pairs = self._pairs
        for found in self._start.finditer(text, start, end):
            k = found.start()
            if k < i or text[k : k + 2] not in pairs:  # _match_at's first test, without the call
                continue
            m = self._match_at(text, k, end, strict, (), known)
            if m is None:
                continue
            # Follow the chain down: 浙江省 + 嘉兴市 + 南湖区, 上海 + 闵行.
            prev: Mention | None = None  # the chain without its last link
            while m.end < end:
                nxt = self._match_at(text, m.end, end, False, m.candidates)
                if nxt is None:
                    break
                prev = m
                m = Mention(m.start, nxt.end, m.text + nxt.text, nxt.candidates)
            i = m.end
            if m.text not in self.names and (street := _STREET.match(text, m.end)):
                i = street.end()  # 苏州河南岸 names no 河南
                if prev is not None:
                    yield prev  # 泰安市泰山景区: the city before the scenic area named after its district
                continue  # 湖南路, 中山大道: a street
            yield m

    def scan(self, text: str, start: int = 0, end: int | None = None,
             known: Iterable[Place] = ()) -> list[Mention]:
        """Place names in running text, leftmost-longest, chains joined (see the module docstring).
        The short names of ``known`` places (named in full elsewhere: 金山 once 金山区 is) count too."""
        end = len(text) if end is None else min(end, len(text))
        out = list(self._chains(text, start, end, strict=True, known=frozenset(known)))
        return [m for m in out if not self._needs_word(m.text) or _word_starts(text, m.start, m.end)]

    def _needs_word(self, name: str) -> bool:
        """A former name (增城市), or an official name of one character and its level word (成县, 兴县,
        范县), must start a word where it is read: 形成县域, 振兴县域, 示范县 hold one only by accident."""
        return name in self._former_only or (len(name) == 2 and name in self.names)

    def before(self, text: str, end: int, reach: int = 24) -> Mention | None:
        """The longest chain of place names ending exactly at ``end`` (any name or short form)."""
        best: Mention | None = None
        for k in range(max(0, end - reach), end - 1):
            for m in self._chains(text, k, end, strict=False):
                if m.end == end and m.start == k:
                    best = m
                break
            if best:
                break
        return best


# A short place name naming a street (湖南路, 北京东路, 中山大道, 山西路) or a river or bay (苏州河 runs through
# Shanghai, 杭州湾 lies off Ningbo and Jiaxing): the street or the water, not the place. 河湖/河道/河长 are
# a place's rivers (江苏河湖长制), 湾区 a region.
# So is one naming a university, a bank or a firm (浙江大学, 宁波银行, 青岛啤酒; not 浙江大学生).
# A short name before 山下/山脚/山麓 or a scenic area (天柱山下, 凤凰山脚, 泰山景区, 黄山风景区) names the mountain
# or the scenic area, which may lie far from the place of that name (天柱山 is in Anhui, 天柱县 in Guizhou).
_STREET = re.compile(r"[东西南北中]?(?:路|大街|大道|街(?![头道区面上])|巷|里弄)|河(?![湖道流长网北南段])|湾(?!区)"
                     r"|大学(?!生)|银行|证券|啤酒|航空(?!港)"
                     r"|山(?:下|脚|麓|顶|巅|腰|主峰|景区|风景)|景区|风景(?:名胜)?区|风景名胜")


def _word_starts(text: str, start: int, end: int) -> bool:
    """A former name read in running text must start a word there: 新增城市公园 holds 增城市 (a
    former name of 增城区) only by accident, and the segmenter cuts 新增 | 城市公园."""
    import rjieba

    a = max(0, start - 3)
    pos = a
    for tok in rjieba.cut(text[a : end + 1]):
        if pos == start:
            return True
        if pos > start:
            return False
        pos += len(tok)
    return pos == start


def resolve(mention: Mention, context: Iterable[Place]) -> Place | None:
    """The one candidate the other places a text names support (it, an ancestor or a descendant of it
    is named); None when that leaves more than one, so an ambiguous name stays ambiguous."""
    if len(mention.candidates) == 1:
        return mention.candidates[0]
    # A candidate named unambiguously elsewhere (深圳市南山区) supports itself (twice: 朝阳市 named is
    # 朝阳市, not the 朝阳县 inside it), as do its ancestors and the places inside it.
    context = list(context)
    scores = [sum(2 if p is c else 1 for p in context if c.within(p) or p.within(c)) for c in mention.candidates]
    top = max(scores)
    if top == 0 or scores.count(top) > 1:
        return None
    return mention.candidates[scores.index(top)]


def common_ancestor(places: Iterable[Place]) -> Place | None:
    paths = [p.path for p in places]
    if not paths:
        return None
    out = None
    for level in zip(*paths, strict=False):
        if all(q is level[0] for q in level):
            out = level[0]
        else:
            break
    return out


def _rows_of(name: str) -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in _rows(name) if len(r) >= 2]


def _rows(name: str) -> Iterator[list[str]]:
    text = data_text(name)
    for line in text.splitlines():
        if line and not line.startswith("#"):
            yield line.split("\t")


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer, read once per process from the package's data files."""
    return Gazetteer.from_rows([*_rows("places.tsv"), *_rows("places_local.tsv")])


@cache
def _by_display() -> dict[str, Place]:
    """Display names held by one place only (普陀区 is Shanghai's; Zhoushan's is 舟山市普陀区)."""
    seen: dict[str, list[Place]] = {}
    for p in gazetteer().places:
        seen.setdefault(p.display, []).append(p)
    return {k: v[0] for k, v in seen.items() if len(v) == 1}


def canonical_place(name: str | None, context: Iterable[Place] = ()) -> Place | None:
    """The place a name (a chain, an official, former or short name) stands for, or None. A name a
    document is filed under (:attr:`Place.display`) names its place, even when other places bear that
    name inside their prefectures: a store reading back 普陀区 must find Shanghai's, not lose it."""
    if not name:
        return None
    m = gazetteer().parse(name)
    p = resolve(m, context) if m else None
    if p is None and m is not None and len(m.candidates) > 1:
        p = _by_display().get(name.strip())
    return p


def display(name: str | None) -> str | None:
    """``上海市闵行区`` / ``闵行`` -> ``闵行区``; ``浙江省嘉兴市南湖区`` -> ``嘉兴市南湖区``; ``全国`` stays;
    None for what is not a (single) gazetteer place."""
    if name == "全国":
        return name
    p = canonical_place(name)
    return p.display if p else None
