"""The gazetteer (lexicon/places) and which place a document is about (stages/regions)."""

from __future__ import annotations

import re

import pytest

from govlens.lexicon import places
from govlens.lexicon.places import gazetteer, short_forms
from govlens.pipeline import read_text
from govlens.stages import regions
from govlens.stages.regions import canonical, document_place, level_of


def test_gazetteer_holds_every_level_with_codes_and_chains():
    g = gazetteer()
    levels = {lvl: sum(p.level == lvl for p in g.places) for lvl in ("province", "city", "district", "county")}
    assert levels["province"] == 34 and levels["city"] >= 330 and levels["district"] >= 970 and levels["county"] >= 1800
    p = g.lookup("南湖区")[0]
    assert (p.code, p.full, p.display, p.level) == ("330402", "浙江省嘉兴市南湖区", "嘉兴市南湖区", "district")
    assert [q.name for q in p.path] == ["浙江省", "嘉兴市", "南湖区"]


@pytest.mark.parametrize(("name", "display"), [
    ("上海市闵行区", "闵行区"),           # a district of a municipality: its own name
    ("闵行", "闵行区"),                   # short form
    ("上海闵行", "闵行区"),               # chain of short forms
    ("浙江省嘉兴市南湖区", "嘉兴市南湖区"),  # a district of a prefecture keeps its city
    ("南湖区", "嘉兴市南湖区"),
    ("浙江", "浙江省"),
    ("广西", "广西壮族自治区"),
    ("恩施州", "恩施土家族苗族自治州"),
    ("郫县", "成都市郫都区"),             # a former name (撤县设区 2016)
    ("襄樊市", "襄阳市"),                 # a former name (更名 2010)
    ("临平区", "杭州市临平区"),           # created 2021: the list is recent
    ("仙桃市", "仙桃市"),                 # directly under the province
    ("全国", "全国"),
    ("鼓楼区", None),                     # four cities have one: ambiguous alone
    ("许勤主持召开省", None),             # not a place, whatever its last character
    ("化广州", None),
    ("示范区", None),
])
def test_canonical_names(name, display):
    assert canonical(name) == display


def test_short_forms():
    assert short_forms("恩施土家族苗族自治州", "city") == ["恩施州", "恩施"]
    assert short_forms("峨边彝族自治县", "county") == ["峨边县", "峨边"]
    assert short_forms("和县", "county") == []  # one character left is no name


def test_levels():
    assert [level_of(n) for n in ("全国", "浙江省", "嘉兴市", "闵行区", "义乌市", "伊金霍洛旗", "不存在县")] == [
        "national", "province", "city", "district", "county", "county", None]


def test_scan_joins_chains_and_skips_common_words():
    g = gazetteer()
    found = [(m.text, m.place.full if m.place else None)
             for m in g.scan("在浙江省嘉兴市南湖区调研，城区人口增长，上海闵行和鼓楼区")]
    assert found == [("浙江省嘉兴市南湖区", "浙江省嘉兴市南湖区"), ("上海闵行", "上海市闵行区"), ("鼓楼区", None)]


@pytest.mark.parametrize(("text", "names"), [
    ("湖南路和北京东路交叉口，中山大道以西，山西巷口", []),  # streets named after places
    ("北京街头，湖南街道办事处，上海大街和浙江", ["北京", "湖南", "浙江"]),  # 街头 / 街道 are no street names
    ("江苏省南京市鼓楼区中山路", ["江苏省南京市鼓楼区"]),  # a full name before a street is still the place
    ("苏州河畔，杭州湾北岸，胶州湾畔", []),  # a river or a bay named after a place
    ("江苏河湖长制，浙江河道整治，广东湾区建设", ["江苏", "浙江", "广东"]),  # a place's rivers, a bay area
    ("浙江大学、宁波银行、青岛啤酒和四川航空", []),  # a university, a bank, a firm named after a place
    ("湖南大学生返乡创业，四川航空港建设", ["湖南", "四川"]),  # students of 湖南; an airport zone of 四川
    # a mountain or scenic area named like a place (which may lie elsewhere), not the place
    ("天柱山下茶园连片，凤凰山脚枫叶红，黄山风景区游客多", []),
    ("泰安市泰山景区和山东省泰山风景名胜区", ["泰安市", "山东省"]),  # the city before it still counts
    ("浙江山区的茶园和崂山区的海岸", ["浙江", "崂山区"]),  # a place's 山区 (hill country) is the place
    # a one-character name and its level word read by accident across words (和 a conjunction, 形成|县域)
    ("听取有关部门和县（市）的汇报，城市和县城同步改造", []),
    ("形成县域经济新格局，振兴县域产业，创建示范县，提高县城承载力", []),
    ("马鞍山市和县、成县和兴县召开会议", ["马鞍山市和县", "成县", "兴县"]),  # the names themselves still count
    ("市区道路改造，南区北区同步推进", []),  # former names that are plain words
])
def test_a_street_named_after_a_place_is_no_mention(text, names):
    assert [m.text for m in gazetteer().scan(text)] == names


# (title, head, body, expected display name): evidence in order of trust.
CASES = [
    # the delivery line names the province; the capital is only where it met
    ("政府工作报告", "政府工作报告\n——2026年1月20日在青海省第十四届人民代表大会第四次会议上\n", "在西宁召开。西宁市、西宁市", "青海省"),
    # the government names itself
    ("", "各位代表：\n现在，我代表上海市闵行区人民政府，向大会报告工作", "闵行区", "闵行区"),
    # a bare ambiguous district resolved by its city named in the body
    ("鼓楼区三坊七巷保护提速", "鼓楼区三坊七巷保护提速", "福州市鼓楼区、福州市", "福州市鼓楼区"),
    # left ambiguous when nothing else is named
    ("鼓楼区召开会议", "鼓楼区召开会议", "会议指出，要抓好落实。", None),
    # an official's name before 省 is no place; the newspaper names the province
    ("许勤主持召开省政府党组会议", "许勤主持召开省政府党组会议\n黑龙江日报讯（记者 王某）", "会议强调", "黑龙江省"),
    # a district's news names its province and city more often, but the district is named twice
    ("区里新闻", "区里新闻", "浙江省、浙江省、浙江省、嘉兴市、南湖区委、南湖区", "嘉兴市南湖区"),
]


@pytest.mark.parametrize(("title", "head", "body", "expected"), CASES)
def test_document_place(title, head, body, expected):
    place, _ = document_place(title, head, "", head + body)
    assert (place.display if place else None) == expected


_F = "各部门要切实履行职责，加强协调配合，确保各项工作任务按期完成，推动经济社会持续健康发展。"

# (invented news item, the place it is about): one row per class of place evidence in news.
NEWS_PLACES = [
    # a county-level city says 全市 / 市委 of itself: not its prefecture
    ("服装产业加快转型升级\n本报讯（记者 王明）石狮市上半年服装产业产值增长8%。石狮市位于泉州市东南部。全市规上企业达到420家，"
     "市委要求加快数字化改造。石狮市还将新建产业园2个。", "泉州市石狮市"),
    ("晋江民营经济撑起八成GDP\n本报讯 晋江上半年实现地区生产总值1083亿元。晋江市工信局负责人介绍，全市规模以上工业总产值增长10%。", "泉州市晋江市"),
    # a one-character stem (新县) counts once a chain has named it
    ("红色旅游带富一方\n本报记者 孙明 本报通讯员 汪成\n走进信阳市新县，游客络绎不绝。新县近年来打造红色旅游品牌，全县接待游客680万人次。", "信阳市新县"),
    # a provincial item naming its cities by short names only: their province
    ("省政府召开常务会议部署稳就业工作\n本报讯（记者 李明）3月11日，省政府在广州召开常务会议。会议指出，全省经济运行开局平稳。"
     "广州、深圳等地要发挥带动作用，全省新增就业110万人。", "广东省"),
    ("全省春耕生产现场会召开\n本报讯 全省春耕生产现场会在长沙召开。会议要求，全省粮食播种面积稳定在7100万亩以上。株洲、湘潭、衡阳等地交流了经验。", "湖南省"),
    # an ambiguous district resolved by its city; a prefecture's short name with 州
    ("鼓楼区老城更新启动\n本报讯 16日，鼓楼区老城更新二期工程启动。这是南京市今年的重点项目。鼓楼区将新增口袋公园14个。", "南京市鼓楼区"),
    ("朝阳区桂林路街区开街\n本报讯 朝阳区桂林路街区重新开街。今年长春市计划改造特色商业街区12条，南关区、宽城区也在推进。", "长春市朝阳区"),
    ("阿坝州推进东西部协作\n本报讯 今年以来，阿坝州用好协作资金4.6亿元，全州实施协作项目168个。阿坝州州长表示，州委州政府将持续发力。", "阿坝藏族羌族自治州"),
    # a newspaper page's running head names the province of an item that names none in full
    ("湖北日报　2031年9月26日　第03版　要闻\n全省秋冬种工作推进会召开\n本报讯 25日，全省秋冬种工作推进会在武汉召开。"
     "会议要求，全省小麦播种面积稳定在1700万亩以上。", "湖北省"),
    # nothing names a place twice: the places named in full on one chain, at the level the text speaks for
    ("古村落修缮工程完工\n6月6日，郑宅镇古村落修缮工程顺利完工，累计修缮古建筑42处。今年以来，浦江县郑宅镇接待游客56万人次。"
     "全县将打造文化旅游目的地。", "金华市浦江县"),
    # ... else the one province its places belong to
    ("高技能人才培训基地建设提速\n来源：南方日报\n记者从省人社厅获悉，今年将在广州、深圳、佛山等地建设高技能人才培训基地30个，"
     "新增技能人才60万人。", "广东省"),
    # an ambiguous short name in the headline, its own full name in the text (朝阳市, not the 朝阳县 inside it)
    ("辽宁日报　2031年3月2日　第4版\n朝阳：设施农业产值突破百亿\n本报讯 今年以来，朝阳市设施农业面积达到80万亩，产值突破百亿元。"
     "朝阳市农业农村局表示，全市将新建温室大棚1万栋。", "朝阳市"),
    # an ambiguous district resolved by the paper's city
    ("沈阳日报　2031年7月2日　第2版\n和平区中街步行街客流创新高\n本报讯 上半年，和平区中街步行街客流量突破6000万人次。"
     "和平区商务局负责人表示，全区将打造夜经济示范街区。", "沈阳市和平区"),
    # a provincial item in a city's paper: the paper's city lifted to the level the item speaks for
    ("宁波日报　2031年5月8日　第3版\n全省港口工作会议召开\n本报讯 全省港口工作会议7日在宁波召开。会议要求，全省港口货物吞吐量增长5%，"
     "宁波舟山港要建设世界一流强港。", "浙江省"),
    # streets named after provinces (山西路, 湖南路, 北京西路) are no places; the site's city resolves 鼓楼区
    ("南京日报 | 紫金山新闻\n首页 > 南京 > 区县\n山西路商圈焕新开街\n2031-09-29 08:15\n历时8个月改造，鼓楼区山西路商圈28日晚开街，"
     "改造后的山西路步行街全长约0.8公里。据鼓楼区商务局介绍，山西路改造总投资约2亿元，湖南路、北京西路一带也将更新。", "南京市鼓楼区"),
    # a county named in full and by short name more often than a prefecture official's 全州 in a quote: the county
    ("新华网 > 地方频道 > 贵州\n“村超”带火小县城 雷山今年接待游客超500万人次\n新华社贵阳5月26日电 5月25日晚，贵州省黔东南苗族侗族自治州"
     "雷山县城北足球场座无虚席。雷山县文旅局提供的数据显示，今年以来雷山接待游客超500万人次。黔东南州有关负责人介绍，"
     "全州正依托赛事品牌推动文旅融合，全州游客量持续增长。", "黔东南苗族侗族自治州雷山县"),
    # a tour of a prefecture's counties (and its seat, a county-level city) is the prefecture's item
    ("自治区主席在和田调研时强调 做强特色产业\n2031-09-18 09:41:07　来源：新疆日报\n9月15日至17日，自治区主席王明深入和田地区墨玉、皮山、"
     "洛浦、和田市等地，调研产业发展和民生保障工作。在墨玉县，他察看了核桃深加工项目；在皮山县，他走进农户家中。", "和田地区"),
    # a portal's footer names its owner
    ("省政府召开常务会议\n会议指出，全省经济运行开局平稳，要坚定不移推进制造业发展。省财政安排专项资金186亿元。\n"
     "版权所有：福建省人民政府办公厅　闽ICP备00000000号", "福建省"),
    # a river named after another city (苏州河 in Shanghai) heads the item; the site's chain 上海普陀 resolves 普陀
    ("上海普陀　首页 | 政务公开 | 办事服务 | 走进普陀\n首页 > 普陀动态\n苏州河普陀段新添三处口袋公园\n2031-06-08　来源：普陀区融媒体中心\n"
     "苏州河普陀段沿岸三处口袋公园近日建成开放，新增绿地约1.6万平方米。截至目前，苏州河普陀段已贯通岸线21公里，沿线居民步行10分钟即可到达滨水空间。", "普陀区"),
    # a university named after a province (浙江大学) heads a Shanghai district's item
    ("上海普陀　首页 | 政务公开 | 走进普陀\n浙江大学一研究院在普陀揭牌\n2031-06-08　来源：普陀区融媒体中心\n日前，浙江大学一家研究院在普陀区桃浦智创城揭牌。"
     "普陀区科委表示，研究院将聚焦新材料研发，普陀区将提供办公场地。", "普陀区"),
    # a bay named after a city (杭州湾) in a Ningbo district's item
    ("宁波日报　2031年4月2日　第3版\n杭州湾畔新添一座海堤公园\n本报讯 日前，杭州湾畔的慈溪市海堤公园建成开放。慈溪市住建局介绍，"
     "公园全长3.2公里，慈溪市今年还将新建滨海绿道8公里。", "宁波市慈溪市"),
]


@pytest.mark.parametrize(("text", "region"), NEWS_PLACES)
def test_news_places(text, region):
    from govlens.pipeline import read_text

    d = read_text(text + "\n" + _F * 2, extract=False)[0]
    assert d.region == region, (d.region, d.region_source)


def test_common_words_are_no_prefecture_short_names():
    from govlens.stages.regions import province_of_cities

    assert province_of_cities("全省要长治久安，实现世界大同，日照时数增加。长治久安是根本。") is None
    assert province_of_cities("全省冰雪旅游推进会在哈尔滨召开，哈尔滨、牡丹江等地打造度假区。").name == "黑龙江省"


def test_issuer_row_wins_over_body():
    place, why = document_place("关于印发办法的通知", "", "青海省人民政府办公厅", "西宁市、西宁市、海东市")
    assert (place.display, why) == ("青海省", "head")


def test_corpus_and_dev_pages_meet_their_floors():
    """govlens eval --docs figures: floors only move up (corpus index and our dev pages)."""
    from conftest import CORPUS
    from govlens.evaluate_docs import score_index, score_pages

    if not (CORPUS / "index.jsonl").is_file():
        pytest.skip("no ../shared corpus")
    s = score_index(CORPUS)
    assert s.accuracy("region") >= 0.99 and s.accuracy("year") >= 0.99 and s.accuracy("kind") >= 0.99, s.as_dict()
    assert s.empty_titles == 0 and s.truncated_titles == 0, s.misses
    dev = score_pages(__import__("pathlib").Path(__file__).parent / "gold" / "docs", "dev")
    # The round-2 blind pages joined the dev pages on 2026-11-30 (44 pages, 51 documents); floors restart there.
    # d15-d70 (39 pages, 50 documents, written by the docs helper) joined the same day: 83 pages, 101 documents.
    # Round 3's blind pages (measured once: region 0.882, year 0.824, kind 0.882) joined dev at 03:15 UTC.
    # d71-d78 (8 pages, 10 documents, round 5's fixing session) joined with the bare-heading convention
    # (政府工作报告 kept as the page says it; d14's gold moved to it): 145 documents, floors restart there.
    # d79-d86 (8 pages, 11 documents, same session) joined after their fixes: 156 documents; d87-d97 (11 pages,
    # 11 documents) 167; d98-d102 (5 pages, 5 documents) 172; d103-d107 (5 pages, 5 documents) 177; d108-d112 182; d114-d116 185.
    # Round 4's blind pages (measured once at 05:00 UTC: region 0.800, year 0.833, kind 0.867) joined dev: 215 documents.
    # Their classes fixed in the second pass of round 5 (05:05-06:05 UTC): 1.000 on all five. d117-d124 (8 pages,
    # 13 documents, same pass; before fixing region 0.692, year 0.538) joined after their fixes: 228 documents.
    # Round 5's blind pages (measured once at 05:52 UTC: region 0.750, year 0.906, kind 0.844) joined dev: 260 documents.
    # Their classes fixed in the third pass (05:55-06:25 UTC): index-table rows, mastheads, dated 公报/报告 entries,
    # ministries as issuers, bulleted captions, addressees: 1.000 on all five, 260 of 260 found.
    # Round 6's blind pages (measured once at 06:37 UTC: region 0.875, year 0.938, kind 0.969) joined dev: 292 documents.
    # Their classes fixed in the first pass of round 6 (06:40-07:50 UTC) with d125-d134 (10 pages, 10 documents,
    # invented, gold first; before fixing region 0.974, year 0.987, title 0.977 over 302): 1.000 on all five;
    # d135-d147 (10 pages, written after those fixes, measured once): all right. 312 documents.
    # Round 7's blind pages (measured once at 07:37 UTC: region 0.971, year 1.000, kind 1.000, title 0.912) joined dev: 346.
    # Their classes fixed in the second pass of round 7 (07:40-08:55 UTC): a prefecture's short-named site,
    # 和县 as a conjunction, a headline's short tail, run-together menus, a 人大常委会 line: 1.000 on all five.
    # Round 8's blind pages (measured once at 08:43 UTC: region 0.938, year 0.969, kind 1.000, title 1.000) joined dev: 378.
    floors = {"region": 0.994, "level": 0.994, "year": 0.996, "kind": 1.0, "title": 1.0}
    assert all(dev.accuracy(a) >= f for a, f in floors.items()), dev.misses
    assert dev.empty_titles == 0 and dev.truncated_titles == 0, dev.misses


def test_every_region_from_the_corpus_is_a_gazetteer_place():
    from conftest import CORPUS
    from govlens.pipeline import process

    if not CORPUS.is_dir():
        pytest.skip("no ../shared corpus")
    g = gazetteer()
    for path in sorted(CORPUS.glob("*.txt")):
        for d in process(str(path)).docs:
            assert d.title, d.id
            if d.region not in (None, "全国"):
                assert d.region_code in g.by_code and g.by_code[d.region_code].display == d.region, (d.id, d.region)


def test_a_unit_merged_away_is_a_former_name_of_its_successor():
    # 2025: 重庆市江北区 and 渝北区 were merged into 两江新区 (the change table of the gazetteer's source)
    assert canonical("重庆市江北区") == "两江新区" and canonical("渝北区") == "两江新区"
    assert canonical("江北区") is None  # 宁波市江北区 still exists: ambiguous alone
    assert canonical("宁波市江北区") == "宁波市江北区"


def test_a_former_name_inside_a_common_phrase_is_no_mention():
    g = gazetteer()
    assert [m.text for m in g.scan("全区新增城市公园3个，在增城市召开现场会")] == ["增城市"]


def test_an_ambiguous_name_is_resolved_by_its_own_full_chain_elsewhere():
    body = "南山区科创走廊再添企业。记者深圳报道：深圳市南山区2日公布，南山区新增企业23家。南山区科技局负责人表示。"
    place, _ = document_place("科创走廊再添企业", "", "", body)
    assert place.display == "深圳市南山区"


def test_a_site_name_never_makes_a_stronger_place_more_specific():
    head = "2031年吉林省政府工作报告\n——2031年1月24日在吉林省第十四届人民代表大会第六次会议上\n各位代表："
    place, _ = document_place("2031年吉林省政府工作报告", head, "", head, site=["吉林市人民政府"])
    assert place.display == "吉林省"
    # a site name alone is weak evidence the title's place refines
    place, _ = document_place("鼓楼：老城更新启动", "鼓楼：老城更新启动", "", "鼓楼区老城更新启动。鼓楼区将新增公园。", site=["福州新闻网首页 > 福州"])
    assert place.display == "福州市鼓楼区"


@pytest.mark.parametrize(("site", "names"), [
    ("云溪新闻网首页 > 明澜 > 区县", []),          # a district's short name is no site place
    ("福州新闻网首页 > 福州 > 区县", ["福州", "福州"]),  # a prefecture's is
    ("中国江苏网", ["江苏"]),
    ("光明网", []), ("中国政府网 > 新闻", []),      # national media
    ("上海普陀　首页 | 政务公开 | 走进普陀", ["上海普陀"]),  # a city and its district: a chain, not a short name alone
    ("湘西土家族苗族自治州凤凰县人民政府门户网站", ["湘西土家族苗族自治州凤凰县"]),
    # a prefecture's short name shared with a county inside it (临夏州 / 临夏县): the prefecture's site
    ("临夏新闻网　　首页 | 时政 | 县域", ["临夏"]),
    ("阿坝日报 | 州内要闻", ["阿坝"]),
])
def test_site_places(site, names):
    from govlens.stages.regions import site_places

    assert [m.text for m in site_places([site])] == names


@pytest.mark.parametrize(("rule", "template", "example"), places.BANNER_RULES)
def test_each_banner_rule_abbreviates_its_example(rule, template, example):
    name, short = example.split()
    assert places.banner_abbreviations(name) == [short]
    assert [p.name for p in places.gazetteer().lookup(short)] == [name]


def test_every_listed_banner_abbreviation_names_one_banner():
    for short, name in places._rows_of("places_abbrev.tsv"):
        assert [p.name for p in places.gazetteer().lookup(short)] == [name], short


@pytest.mark.parametrize(("text", "region"), [
    ("鄂前旗：牧区饲草基地迎来首茬收割\n6月下旬，鄂前旗上海庙镇的饲草基地迎来首茬收割，预计亩产鲜草2吨，全年可满足3万只羊的饲草需求。旗农牧局将推广种养结合模式，带动周边牧户增收。", "鄂尔多斯市鄂托克前旗"),
    ("科左中旗召开春季防火工作会\n3月2日，科左中旗召开春季防火工作会，部署全旗森林草原防火工作。会议要求各苏木镇压实责任，严格野外火源管控，确保不发生重大火情。", "通辽市科尔沁左翼中旗"),
    ("阿盟：胡杨林景区国庆假期游客量创新高\n国庆假期，阿拉善盟额济纳胡杨林景区接待游客32万人次，同比增长15%。阿拉善盟文旅局负责人介绍，假期全盟共接待游客58万人次。",
     "阿拉善盟"),
    ("达茂旗新建风电项目并网发电\n本报讯 5月8日，达茂旗一座新建风电场并网发电，年发电量可达9亿千瓦时。", "包头市达尔罕茂明安联合旗"),
])
def test_a_banner_named_by_its_abbreviation(text, region):
    from govlens.pipeline import read_text

    (d,) = read_text(text, extract=False)
    assert (d.region, d.level) == (region, "city" if region.endswith("盟") else "county")


def test_an_abbreviation_inside_a_word_is_no_place():
    assert not [m for m in places.gazetteer().scan("标准旗帜迎风飘扬，到达旗舰店") if m.text in ("准旗", "达旗")]


@pytest.mark.parametrize(("body", "expected"), [
    # the body is about one district of the city the headline names: the district's item
    ("本报云溪讯（记者 黄海）9月12日，明澜区桂花冷链集配中心投入运营，每天可处理鲜花60吨。今年明澜区桂花种植面积达4万亩。", "云溪市明澜区"),
    # two of its districts: the city's item
    ("本报云溪讯（记者 黄海）9月12日，明澜区桂花冷链集配中心投入运营。白鹭区、明澜区今年桂花种植面积达4万亩。", "云溪市"),
])
def test_a_headline_naming_the_city_over_one_of_its_districts(body, expected):
    place, _ = document_place("云溪桂花搭上“冷链快车”", "云溪桂花搭上“冷链快车”\n" + body, "", body)
    assert place.display == expected


# A document a central ministry issues is the country's; a ministry's local office, or a local 部门, is not.
@pytest.mark.parametrize(("issuer_row", "region"), [
    ("发文机关：农业农村部办公厅　　发文字号：农办农〔2031〕3号", "全国"),
    ("发文机关：国家发展改革委　　发文字号：发改〔2031〕12号", "全国"),
    ("发布机构：国家统计局云溪调查队", "云溪市"),
])
def test_a_ministry_as_issuer_is_the_country(issuer_row, region):
    page = (f"{issuer_row}\n成文日期：2031年03月01日\n标　　题：关于做好2031年春季农田水利建设工作的通知\n"
            "各有关单位：\n　　为做好今年春季农田水利建设，云溪市财政部门要加强资金保障，现就有关事项通知如下。"
            "一、加快工程进度。二、强化资金监管，确保完成投资12亿元。\n")
    (d,) = read_text(page, extract=False)
    assert d.region == region


def test_a_county_site_speaking_as_our_county_outranks_the_city_where_its_fair_was_held():
    page = ("榕江县人民政府门户网站\n首页 > 新闻中心 > 榕江要闻\n\n我县在苏州举办特色农产品推介会\n现场签约项目8个\n\n"
            "发布时间：2031-05-10　　来源：县融媒体中心\n\n"
            "　　5月8日，我县特色农产品推介会在江苏省苏州市举办，来自苏州、无锡等地的90余家采购商参加。\n"
            "　　推介会上，全县推介了蔬菜、水果等特色农产品项目20个，现场签约8个，金额3.2亿元。苏州市商务部门有关负责人出席。\n")
    (d,) = read_text(page, extract=False)
    assert d.region_path == "贵州省黔东南苗族侗族自治州榕江县"


@pytest.mark.parametrize(("rule", "example"), regions.ADDRESSEE_RULES)
def test_each_addressee_rule_matches_its_example(rule, example):
    assert re.match(rule, example)


def test_the_addressees_of_a_notice_are_not_its_place():
    page = ("标　　题：湘潭市人民政府关于调整中心城区停车收费标准的通知\n"
            "雨湖区、岳塘区人民政府，市直有关单位：\n　　经市人民政府研究，决定调整中心城区停车收费标准，自2031年7月1日起执行。"
            "雨湖区、岳塘区要做好宣传解释工作。\n湘潭市人民政府\n2031年6月20日\n")
    (d,) = read_text(page, extract=False)
    assert d.region_path == "湖南省湘潭市"


@pytest.mark.parametrize(("rule", "example"), regions.CITY_LEADER_RULES)
def test_each_city_leader_rule_matches_its_example(rule, example):
    assert __import__("re").search(rule, example), example


@pytest.mark.parametrize(("lead", "expected"), [
    # the prefecture's leader touring two of its counties: the prefecture's item
    ("11月3日，市委书记王明深入瑞金、于都，调研脐橙销售。", "赣州市"),
    ("6月2日，市长李华先后来到翠屏区、叙州区，调研城市更新。", "宜宾市"),
    ("10月11日，副市长周琳在瑞金、于都检查秋粮收购工作。", "赣州市"),
    # a county's own leader visiting the same places: still the place named most
    ("11月3日，县委书记王明深入瑞金、于都，调研脐橙销售。", None),
])
def test_a_city_leader_touring_two_of_its_counties_is_the_citys(lead, expected):
    names = "瑞金市、于都县" if "瑞金" in lead else "翠屏区、叙州区"
    body = lead + f"\n在{names.split('、')[0]}某镇，他察看了分拣中心。在{names.split('、')[1]}某镇，他要求加快进度。"
    place, _ = document_place("调研纪实", body, "", body)
    got = place.display if place else None
    if expected is None:
        assert got is None or place.level in ("county", "district"), got
    else:
        assert got == expected, got


@pytest.mark.parametrize("opening", ["天柱剑毫香飘海外", "凤凰单丛香飘海外"])
def test_a_headline_opening_with_a_far_counties_short_name_the_text_never_repeats(opening):
    """A tea, a brand or a mountain named like a county elsewhere (天柱县 in Guizhou, 凤凰县 in Hunan) is
    no evidence of the place: the body's place in full is."""
    page = (f"{opening} 云岭茶叶出口增三成\n2031年04月16日 来源：中国新闻网\n中新网合肥4月16日电 (记者 王明)记者16日从安徽省潜山市获悉，"
            "今年一季度，该市茶叶出口额达1.2亿元，同比增长30%。\n潜山地处大别山东南麓，全市茶园面积达到15万亩。(完)\n")
    (d,) = read_text(page, extract=False)
    assert d.region == "安庆市潜山市", d.region


def test_a_headline_opening_with_a_countys_short_name_the_text_repeats_is_that_county():
    page = ("天柱油茶喜获丰收\n2031年10月16日 来源：黔东南日报\n本报讯 10月15日，天柱县高酿镇油茶基地迎来采收季，全县油茶面积达到20万亩。"
            "天柱县林业局负责人介绍，今年油茶籽产量预计增长一成。\n")
    (d,) = read_text(page, extract=False)
    assert d.region == "黔东南苗族侗族自治州天柱县", d.region


@pytest.mark.parametrize(("rule", "example"), regions.NOT_ISSUER_RULES)
def test_each_not_issuer_rule_matches_its_example(rule, example):
    assert __import__("re").search(rule, example, __import__("re").M), example


def test_district_governments_a_city_regulation_names_are_not_its_place():
    page = ("广州市人民政府\n首页 > 政务公开 > 地方性法规\n\n广州市山林防火条例\n\n（2031年6月28日广州市第十六届人民代表大会常务委员会"
            "第二十次会议通过　2031年9月29日广东省第十四届人民代表大会常务委员会第十一次会议批准）\n\n"
            "第一条　为了加强山林防火，制定本条例。\n第二条　白云区、从化区人民政府按照职责做好山林防火工作。\n"
            "第三条　市人民政府负责组织实施本条例。\n第四条　本条例自2032年1月1日起施行。\n")
    (d,) = read_text(page, extract=False)
    assert (d.region, d.kind, d.year) == ("广州市", "regulation", 2031)


@pytest.mark.parametrize(("name", "full"), [
    ("普陀区", "上海市普陀区"),      # the name Shanghai's district is filed under; Zhoushan's is 舟山市普陀区
    ("舟山市普陀区", "浙江省舟山市普陀区"),
    ("朝阳区", "北京市朝阳区"),
    ("鼓楼区", None),              # no place is filed under the bare name: still ambiguous
])
def test_a_display_name_read_back_is_its_place(name, full):
    """The store looks a document's region up again (canonical): a name the metadata stage files a
    place under must find that place, or the store drops the region."""
    p = places.canonical_place(name)
    assert (p.full if p else None) == full
    assert canonical(name) == (name if full else None)


def test_a_prefecture_leaders_tour_on_its_sites_page_is_the_prefectures():
    # the site is named by the short name the prefecture shares with a county inside it; the counties
    # toured are named by short names only; 和县（市） is a conjunction, no far-off county
    body = ("马文华在广河康乐调研\n12月2日，州委书记马文华深入广河、康乐，调研冬季供暖工作。"
            "调研期间，马文华听取有关部门和县（市）工作汇报。州委常委、秘书长李强参加调研。")
    place, _ = document_place("马文华在广河康乐调研", body, "", body, site=["临夏新闻网　　首页 | 时政 | 县域"])
    assert place is not None and place.display == "临夏回族自治州"
