"""Site chrome around a document (stages/split) and the lines normalize keeps apart: rule tables run
on lines and pages of our own (云溪市, 明澜区, 溪北县 are invented places of places_local.tsv)."""

from __future__ import annotations

import re

import pytest

from govlens.errors import NoDocuments
from govlens.model import Page
from govlens.pipeline import read_text
from govlens.stages import split
from govlens.stages.normalize import normalize


@pytest.mark.parametrize(("rule", "example"), split.NAV_RULES)
def test_each_nav_rule_matches_its_example(rule, example):
    assert split.classify(example) == "site", (rule, example)


@pytest.mark.parametrize(("rule", "example"), split.CHROME_RULES)
def test_each_chrome_rule_matches_its_example(rule, example):
    assert split.classify(example) == "chrome", (rule, example)


@pytest.mark.parametrize(("rule", "example"), split.SITE_RULES)
def test_each_site_rule_matches_its_example_in_a_page_lead_only(rule, example):
    assert split.classify(example, lead=True) == "site", (rule, example)
    assert split.classify(example, lead=False) != "site"  # a signature line under a notice stays


@pytest.mark.parametrize("line", [
    "明澜区召开春耕生产现场会",                 # a headline
    "云溪市人民政府关于做好春耕生产工作的通知",  # a title naming its issuer
    "会议指出，要抓好落实。",
    "一、2031年工作回顾",
])
def test_titles_and_text_are_not_site_lines(line):
    assert split.classify(line, lead=True) != "site"


def test_a_sentence_naming_a_chrome_word_is_text():
    assert split.classify("您提出的《关于设立市民热线的提案》收悉。经研究，答复如下：") == "text"


@pytest.mark.parametrize("line", [
    "2031-05-12 08:30 来源：云溪日报 作者：王小明",
    "2031-05-12 08:30:41云溪日报作者：记者王小明",
    "2031年5月12日来源：云溪新闻网",
])
def test_a_date_leading_a_source_row_is_a_header_field(line):
    assert split.classify(line) == "meta"


def _lines(raw: str) -> list[str]:
    page = normalize(Page(source="t.txt", raw=raw))
    return page.text.split("\n")


@pytest.mark.parametrize(("raw", "second"), [
    # a field row is never a sentence broken across lines
    ("来源：云溪日报　发布时间：2031-03-12 08:41:07　浏览次数：3126\n云溪日报讯（记者 王小明）3月11日，市政府召开常务会议，研究部署春耕工作。",
     "云溪日报讯"),
    ("2031-03-12 08:41:07　来源：云溪新闻网　作者：王小明　编辑：李四　浏览次数：3126\n明澜区近日召开会议，研究部署春耕工作，要求各地抓紧抓实。",
     "明澜区近日"),
    # a news item's opening starts a paragraph even after an open line
    ("会议要求各地抓紧抓实春耕备耕和稳就业等重点工作，确保全年粮食产量稳定在\n新华社北京3月5日电 国务院常务会议5日召开，部署春耕生产。",
     "新华社北京"),
    # a breadcrumb is a row of its own: the headline's first line after it is not its continuation
    ("当前位置：首页 > 新闻中心 > 时政要闻\n\n王明在明澜溪北调研时强调",
     "王明在明澜溪北调研时强调"),
    ("云溪网 >> 明澜频道 >> 区县动态\n李华在三个乡镇检查防汛工作时指出",
     "李华在三个乡镇检查防汛工作时指出"),
])
def test_field_rows_and_news_openings_are_not_joined(raw, second):
    lines = _lines(raw)
    assert len(lines) == 2 and lines[1].startswith(second), lines


# An invented county portal page: site name, menu, breadcrumb, weather, a headline broken over two
# lines, a dated source row, the text, share/print lines and a footer naming the site's owner.
PORTAL = """溪北县人民政府
网站首页 | 政务公开 | 政务服务 | 互动交流 | 走进溪北
当前位置：首页 > 政务公开 > 政府文件
溪北县人民政府 溪北 晴 6℃~18℃
溪北县人民政府办公室关于印发溪北县农村
生活垃圾治理实施办法的通知
2031-05-16 来源：县政府办 字号：[大][中][小]
各乡镇人民政府，县政府有关部门：
《溪北县农村生活垃圾治理实施办法》已经县政府同意，现印发给你们，请认真贯彻执行。全县各乡镇要结合实际抓好落实，确保各项措施落到实处。
溪北县人民政府办公室
2031年5月15日
上一篇：溪北县召开春耕生产会议
下一篇：溪北县2031年一季度经济运行情况
主办：溪北县人民政府办公室　溪ICP备00000000号
"""


def test_a_portal_page_keeps_its_document_and_drops_the_site():
    (d,) = read_text(PORTAL, extract=False)
    assert d.title == "溪北县人民政府办公室关于印发溪北县农村生活垃圾治理实施办法的通知"
    assert (d.region, d.year, d.kind) == ("溪北县", 2031, "regulation")
    assert "网站首页" not in d.text and "当前位置" not in d.text and "℃" not in d.text
    assert "站点：溪北县人民政府" in d.header


# An invented compilation page: three reports on ONE line, under the compilation's own heading.
_R = "现在，我代表{lvl}人民政府向大会报告工作，请予审议。一、2030年工作回顾 过去一年，全{lvl}地区生产总值增长5.8%，一般公共预算收入增长6.3%。二、2031年主要目标任务 全{lvl}地区生产总值增长6%左右。"
COMPILATION = (
    "云溪市人民政府 > 政务公开 > 政府工作报告\n各区县2031年政府工作报告汇编\n发布时间：2031-02-20　来源：市政府办公室\n"
    + " ".join(f"2031年{name}政府工作报告 （2031年1月{day}日在{name}第五届人民代表大会第三次会议上）{name}人民政府{head} 王明 各位代表："
               + _R.format(lvl=lvl)
               for name, day, head, lvl in (("明澜区", 9, "区长", "区"), ("白鹭区", 10, "区长", "区"), ("青石县", 11, "县长", "县")))
    + "\n主办：云溪市人民政府办公室　溪ICP备00000000号\n"
)


def test_a_compilation_line_holds_one_document_per_report():
    docs = read_text(COMPILATION, extract=False)
    assert [(d.title, d.region, d.year, d.kind) for d in docs] == [
        ("2031年明澜区政府工作报告", "云溪市明澜区", 2031, "work_report"),
        ("2031年白鹭区政府工作报告", "云溪市白鹭区", 2031, "work_report"),
        ("2031年青石县政府工作报告", "云溪市青石县", 2031, "work_report"),
    ]


def test_a_report_printing_its_heading_twice_is_one_document():
    body = "各位代表：\n" + _R.format(lvl="市") + "\n"
    head = "关于云溪市2030年计划执行情况与2031年计划草案的报告\n——2031年1月9日在云溪市第五届人民代表大会第三次会议上\n"
    assert len(read_text(head + body + head + body, extract=False)) == 1


@pytest.mark.parametrize(("label", "is_label"), [
    ("图片新闻", True), ("■ 图片新闻", True), ("要闻速览", True), ("县域快讯", True),
    ("广东推出", False), ("利川：一片茶叶", False),  # the first line of a two-line headline
])
def test_column_labels(label, is_label):
    assert bool(split._COLUMN_LABEL.match(label)) is is_label


def test_an_article_with_related_links_after_it_keeps_its_headline():
    page = ("区县新闻\n明澜区老城更新启动\n首批项目开工\n2031-09-06 来源：云溪日报\n"
            "本报讯（记者 王明）9月5日，明澜区老城更新首批11个项目集中开工，总投资68亿元。全区将新增城市公园3个、停车位2800个，改造步行街区1.2公里。\n"
            "相关阅读\n· 白鹭区解放路步行街获评示范步行街\n· 青石县古镇老街开街\n")
    (d,) = read_text(page, extract=False)
    assert d.title == "明澜区老城更新启动 首批项目开工" and d.region == "云溪市明澜区"
    assert "相关阅读" not in d.text and "白鹭区" not in d.text


def test_listing_entries_with_a_date_and_a_short_summary_are_documents():
    page = "云溪市人民政府\n首页 > 政务公开 > 政策文件\n" + "".join(
        f"• 云溪市人民政府关于{t}的通知\n2031-0{m}-15\n{s}\n" for t, m, s in (
            ("印发促进低空经济发展若干措施", 3, "市政府制定了若干措施，提出18条支持政策。"),
            ("做好春季森林防火工作", 2, "各区县要严格落实森林防火责任制。"),
        ))
    docs = read_text(page, extract=False)
    assert [(d.title, d.year, d.kind) for d in docs] == [
        ("云溪市人民政府关于印发促进低空经济发展若干措施的通知", 2031, "regulation"),
        ("云溪市人民政府关于做好春季森林防火工作的通知", 2031, "regulation"),
    ]


def test_tagged_entries_over_their_dates_are_a_listing():
    page = "云溪新闻网 首页 > 区县动态\n" + "".join(
        f"【{tag}】{name}{what}\n2031-09-1{k}\n{name}{what}，相关负责人介绍了有关情况，全年目标有望提前完成。\n"
        for k, (tag, name, what) in enumerate((("明澜", "明澜区", "新签约项目8个"), ("青石", "青石县", "启动冬季清洁取暖改造"))))
    docs = read_text(page, extract=False)
    assert [(d.title, d.region, d.year, d.kind) for d in docs] == [
        ("明澜区新签约项目8个", "云溪市明澜区", 2031, "news"), ("青石县启动冬季清洁取暖改造", "云溪市青石县", 2031, "news")]


def test_a_disclosure_table_titled_by_its_information_name_row():
    page = ("信息名称： | 云溪市人民政府办公室关于进一步加强旅游市场监管的实施意见\n索引号： | 000/2031-00891 | 发文机关： | 云溪市人民政府办公室\n"
            "生成日期： | 2031-06-12\n各区县人民政府：\n为进一步规范旅游市场秩序，经市人民政府同意，现提出如下意见。全市旅游投诉结案率保持在98%以上，"
            "游客满意度达到90分以上，重点旅游县建立旅游纠纷快速处理中心。")
    (d,) = read_text(page, extract=False)
    assert (d.title, d.region, d.year, d.kind) == ("云溪市人民政府办公室关于进一步加强旅游市场监管的实施意见", "云溪市", 2031, "regulation")


def test_a_field_row_in_brackets_is_a_header_field():
    assert split.classify("【发布时间：2031-02-21】【来源：区政务服务办】【阅读：356次】") == "meta"


def test_a_listing_of_headline_summary_date_entries_without_bullets():
    page = "云溪市人民政府\n首页 > 新闻中心 > 部门动态\n" + "".join(
        f"{t}\n{summary}\n2031-03-1{k}\n" for k, (t, summary) in enumerate((
            ("市农业农村局召开春耕生产工作推进会", "3月12日，市农业农村局召开全市春耕生产工作推进会，部署粮食生产、农资保供等工作。"),
            ("市交通运输局启动农村公路提质改造行动", "今年全市计划完成农村公路提质改造600公里，新建城乡公交候车亭300个。"),
        ))) + "共2条 1/1页\n"
    docs = read_text(page, extract=False)
    assert [(d.title, d.region, d.date) for d in docs] == [
        ("市农业农村局召开春耕生产工作推进会", "云溪市", "2031-03-10"), ("市交通运输局启动农村公路提质改造行动", "云溪市", "2031-03-11")]


def test_a_headline_may_end_in_a_quoted_phrase():
    page = ("云溪日报　2031年12月8日　第2版　要闻\n明澜区启动老工业区改造\n本报讯（记者 马晓东）明澜区日前启动老工业区改造提升三年行动，计划投资120亿元，改造老旧工业厂区26个，推动产业延链。\n"
            "青石古镇\n迎来今冬首批“南方小土豆”\n本报讯（记者 王宏伟）6日，一列满载游客的旅游专列抵达青石县，青石古镇迎来今冬首批游客。今年以来，青石县接待游客180万人次，增长76%。\n")
    docs = read_text(page, extract=False)
    assert [d.title for d in docs] == ["明澜区启动老工业区改造", "青石古镇 迎来今冬首批“南方小土豆”"]


def test_an_html_page_with_no_heading_takes_its_title_element(tmp_path):
    from govlens.pipeline import process

    page = tmp_path / "p.html"
    page.write_text(
        "<html><head><title>明澜区召开优化营商环境推进大会_区政府要闻_云溪市明澜区人民政府</title></head><body>"
        "<p>2月20日，明澜区召开优化营商环境推进大会。会议指出，去年全区新增市场主体1.2万户，增长9.6%。</p>"
        "<p>今年，明澜区将推出优化营商环境30条措施，力争全年新增市场主体1.3万户。</p></body></html>", encoding="utf-8")
    (d,) = process(str(page)).docs
    assert (d.title, d.region, d.kind) == ("明澜区召开优化营商环境推进大会", "云溪市明澜区", "news")
    assert "站点：云溪市明澜区人民政府" in d.header


@pytest.mark.parametrize(("title_label", "date_label"), [("标　　题", "成文日期"), ("信息名称", "生成日期"), ("文件名称", "发文日期"),
                                                         ("标题", "印发日期"), ("名　　称", "成文日期")])
def test_disclosure_rows_by_any_of_their_names(title_label, date_label):
    page = (f"索 引 号：000/2031-00056\n发布机构：云溪市明澜区农业农村局\n{date_label}：2031年04月02日\n"
            f"{title_label}：关于做好春季动物疫病集中免疫工作的通知\n各街道农业农村办，各有关单位：\n"
            "为切实做好春季动物疫病防控工作，现就做好全区春季集中免疫工作通知如下。一、免疫时间。4月10日至5月10日，全区集中开展春季免疫。")
    (d,) = read_text(page, extract=False)
    assert (d.title, d.region, d.year, d.kind) == ("关于做好春季动物疫病集中免疫工作的通知", "云溪市明澜区", 2031, "regulation")


def test_a_paper_page_dates_every_item_and_a_caption_credit_ends_the_caption():
    # the running head carries the page's editors; items say only 昨天/今年; a photo caption ends on its
    # credit and the next item's headline (a blank line below it) is not part of the caption
    page = ("云溪日报　2031年6月12日　星期三　　第3版：要闻　　责任编辑：马丽　美术编辑：赵亮\n\n"
            "明澜港集装箱吞吐量前5月增长8%\n本报讯（记者 韩冰）记者从明澜区获悉，今年1月至5月，明澜港集装箱吞吐量完成93万标准箱，同比增长8.3%，新开航线6条。\n"
            "▲ 6月11日，明澜港智能化集装箱码头，无人驾驶集卡有序作业。 本报记者 韩冰 摄\n\n"
            "青石县民宿集群迎来暑期预订高峰\n本报讯（记者 刘畅）随着暑期临近，青石县民宿预订火热。全县现有精品民宿420家，7月份周末预订率已超过八成，去年接待游客135万人次。\n")
    docs = read_text(page, extract=False)
    assert [(d.title, d.year) for d in docs] == [
        ("明澜港集装箱吞吐量前5月增长8%", 2031), ("青石县民宿集群迎来暑期预订高峰", 2031)]


@pytest.mark.parametrize(("footer", "year"), [
    ("云溪日报社版权所有　2031年11月28日", 2031),  # the date beside the site's owner dates the page
    ("云溪日报社版权所有　2005-2031", None),  # a copyright span is no date
])
def test_a_footer_date_beside_the_owner_is_the_last_resort_year(footer, year):
    page = ("明澜：豆瓣酱跑出产业加速度\n本报讯（记者 罗晓）11月下旬，走进明澜区安德街道的调味品产业园，生产线正开足马力。"
            "今年前三季度，明澜区调味品产业实现营业收入418亿元，同比增长9%。\n（编辑 杨帆）\n" + footer + "\n")
    (d,) = read_text(page, extract=False)
    assert d.year == year


def test_an_index_table_standing_apart_is_the_next_documents_header():
    # the site's name stands between the 索引号 table and the text; the 标题 cell runs onto a second line
    page = ("溪北县人民政府\n首页 > 政府信息公开 > 行政规范性文件\n索引号：000000/2031-00052\n发布机构：溪北县政府办公室\n"
            "标题：溪北县人民政府关于推进\n　　　　山地特色畜牧业高质量发展的意见\n文号：溪北府发〔2031〕9号\n发文日期：2031-04-20\n"
            "溪北县人民政府\n关于推进山地特色畜牧业高质量发展的意见\n各乡镇人民政府，县政府各部门：\n"
            "为加快建设生态畜牧业强县，推动全县畜牧业转型升级，结合我县实际，现提出如下意见。\n一、总体目标\n"
            "到2033年，全县肉羊出栏达到32万只，畜牧业总产值达到36亿元，年均增长6%以上。\n")
    (d,) = read_text(page, extract=False)
    assert (d.title, d.doc_no, d.index_no) == ("溪北县人民政府关于推进山地特色畜牧业高质量发展的意见", "溪北府发〔2031〕9号", "000000/2031-00052")




def test_a_line_broken_inside_its_book_title_is_joined_and_stops_at_the_document_word():
    from govlens.stages.normalize import rebuild_lines

    # a table row's 标题 cell breaks inside 《…》 (short lines after it look like captions, but the open
    # 《 goes on); once it ends on …》的通知 the annex's heading after the table is a line of its own
    text = ("索引号 | 000000/2031-00148 | 分 类 | 城乡建设、环境保护发布机构 | 明澜区政府办 | 标 题 | 明澜区人民政府办公室关于印发《明澜区河湖保护\n"
            "“清水行动”实施方案（2031—2033年）》的通知\n文 号 | 明政办发〔2031〕3号 | 主题词\n"
            "明澜区河湖保护“清水行动”实施方案（2031—2033年）\n各街道办事处，区政府各委、办、局：\n")
    pieces, _ = rebuild_lines(text)
    lines = "".join(p[2] for p in pieces).split("\n")
    assert lines[0].endswith("关于印发《明澜区河湖保护“清水行动”实施方案（2031—2033年）》的通知")
    assert "明澜区河湖保护“清水行动”实施方案（2031—2033年）" in lines


# An invented portal page whose breadcrumb is broken over lines (label, arrows and segments each on a
# line), a 时分 date under the headline and a 字体 bar of 【】 pieces.
BROKEN_CRUMBS = """您的位置：
首页
>
政务动态
>
区县要闻
明澜区举办第三届桂花文化节
2031年10月02日 16时08分
来源：
明澜区融媒体中心
【字体：
大
中
小
】
10月1日，第三届桂花文化节在明澜区开幕。活动为期一个月，设置赏花徒步、农产品市集等12项活动。
据介绍，明澜区近年来累计种植桂花树3.5万株，今年以来已接待游客28万人次。
"""


def test_a_breadcrumb_broken_over_lines_is_site_and_the_headline_stands_apart():
    (d,) = read_text(BROKEN_CRUMBS, extract=False)
    assert (d.title, d.region, d.year, d.kind) == ("明澜区举办第三届桂花文化节", "云溪市明澜区", 2031, "news")
    assert "区县要闻" not in d.text and ">" not in d.text


@pytest.mark.parametrize(("line", "cls"), [(">>", "site"), ("当前位置：", "site"), ("2031年02月10日 07时41分", "date"),
                                           ("【字体：大 中 小】【打印】【关闭】", "chrome"), ("溪北县人民政府信息公开", "site"),
                                           ("走进校园课堂", "text"), ("走进溪北 政务公开", "site"),
                                           ("云溪日报　2031年5月9日", "meta"), ("| 索引号 | 000/2031-00047 |", "meta"),
                                           ("| 信息分类 | 城乡建设、环境保护 |", "meta"), ("云溪城市副中心报", "site"),
                                           ("社会发展统计公报", "text"), ("明澜区工作简报", "text")])
def test_broken_navigation_pieces(line, cls):
    assert split.classify(line, lead=True) == cls


def test_a_table_of_pipe_rows_is_the_documents_header():
    page = ("| 索引号 | 000/2031-00047 |\n| 信息分类 | 城乡建设 |\n| 发布机构 | 云溪市人民政府办公室 |\n| 发文日期 | 2031-05-06 |\n"
            "| 名称 | 云溪市人民政府办公室关于印发云溪市生活垃圾分类工作实施方案的通知 |\n| 文号 | 云府办发〔2031〕12号 |\n"
            "各区、县人民政府，市级各部门：\n《云溪市生活垃圾分类工作实施方案》已经市政府同意，现印发给你们，请结合实际认真贯彻执行。\n"
            "云溪市人民政府办公室\n2031年5月6日")
    (d,) = read_text(page, extract=False)
    assert (d.title, d.region, d.year, d.kind) == (
        "云溪市人民政府办公室关于印发云溪市生活垃圾分类工作实施方案的通知", "云溪市", 2031, "regulation")


def test_a_paper_item_datelined_in_beijing_on_a_central_body_is_national():
    page = ("云溪经济报　2031年10月11日\n国家发展改革委：四季度将下达\n中央预算内投资1200亿元\n"
            "本报北京10月10日讯（记者 王璐）国家发展改革委10日介绍，四季度将下达中央预算内投资1200亿元，重点支持农业农村、水利等领域项目建设。")
    (d,) = read_text(page, extract=False)
    assert (d.region, d.year, d.kind) == ("全国", 2031, "news")


# A portal column that is only a listing: each entry a document's title with its date on the same line
# and no summary. Each entry is a document; its title is the entry without the date. Invented pages.
_BARE_LISTING = "溪北县人民政府\n首页 > 信息公开 > 通知公告\n\n{entries}\n共3条　首页 上一页 1 下一页 尾页\n\n溪北县人民政府办公室主办　溪ICP备00000000号\n"


@pytest.mark.parametrize(("bullet", "brackets"), [("· ", "{}"), ("● ", "{}"), ("• ", "{}"), ("· ", "[{}]"), ("· ", "（{}）")])
def test_a_listing_of_dated_document_titles_is_one_document_each(bullet, brackets):
    entries = [("溪北县人民政府关于2031年春节期间烟花爆竹燃放管理的通告", "2031-01-20"),
               ("溪北县人民政府办公室关于做好2031年春耕备耕工作的通知", "2031年2月14日"),
               ("云溪市明澜区人民政府关于调整明澜区部分公交线路的通告", "2031-03-02")]
    page = _BARE_LISTING.format(entries="\n".join(f"{bullet}{t}　　　{brackets.format(d)}" for t, d in entries))
    docs = read_text(page, extract=False)
    assert [(d.title, d.year, d.kind) for d in docs] == [(t, 2031, "regulation") for t, _ in entries]
    assert [d.region for d in docs] == ["溪北县", "溪北县", "云溪市明澜区"]


def test_a_listing_of_dated_headlines_that_are_no_document_titles_is_no_document():
    # news headlines with dates and nothing under them say too little to be documents
    page = _BARE_LISTING.format(entries="· 溪北县召开春耕生产工作会议　2031-01-20\n· 溪北县开展植树节义务植树活动　2031-03-12")
    with pytest.raises(NoDocuments):
        read_text(page, extract=False)


# A paper page's running head with a lettered page number and no 版 (A07 要闻), on the paper's line or
# under it: it dates every item and is no part of the first headline. Invented pages.
@pytest.mark.parametrize("head", [
    "云溪日报　2031年6月12日　星期四　A03　要闻",
    "云溪日报\n2031年6月12日　星期四　　B2　区县　　责任编辑：马　丽　美术编辑：赵　亮",
    "云溪晚报　2031年6月12日　C05　民生",
    "雲溪日報　2031年6月12日　星期四　A07　大灣區",
    "云溪日报\nA03 · 要闻　　2031年6月12日　星期四　　责任编辑：叶　青",  # the page number before the day
    "第3版：要闻　2031年6月12日",
])
def test_a_running_head_with_a_lettered_page_number_dates_the_items(head):
    page = (head + "\n\n明澜港集装箱吞吐量\n前5月增长8%\n\n本报讯（记者 韩冰）6月11日，记者从明澜区获悉，今年1月至5月，明澜港集装箱吞吐量完成93万标准箱，同比增长8.3%。\n\n"
            "青石县民宿集群\n迎来暑期预订高峰\n\n本报讯（记者 刘畅）6月10日，记者从青石县文旅局获悉，全县现有精品民宿420家，7月份周末预订率已超过八成。\n")
    docs = read_text(page, extract=False)
    assert [(d.title, d.year) for d in docs] == [
        ("明澜港集装箱吞吐量 前5月增长8%", 2031), ("青石县民宿集群 迎来暑期预订高峰", 2031)]


# A county portal's article: the weather in the site line gives its range's unit once (晴 6~17℃); the
# headline and its 发布时间/来源 row stand above the 【字号】 controls, the text below them. One document,
# titled by the headline, filed under the portal's county (the town is in it). Invented pages.
@pytest.mark.parametrize(("weather", "controls"), [
    ("晴 6~17℃", "【字号：大 中 小】　【打印】　【关闭】"),
    ("多云 -3~5℃", "【字体：大 中 小】【打印】【关闭】"),
    ("小雨 12℃~18℃", "【字号：大 中 小】　【打印】　【关闭】"),
])
def test_a_portal_headline_above_its_page_controls_titles_the_text_below(weather, controls):
    page = (f"溪北县人民政府　　　　2031年11月12日 星期三　　{weather}\n首页 | 政务公开 | 政务服务 | 互动交流 | 走进溪北\n"
            "您当前的位置：首页 > 政务公开 > 政务动态 > 乡镇动态\n\n青岭镇：茶叶精深加工让“叶子”变“票子”\n\n"
            "发布时间：2031-11-12 16:05　　来源：青岭镇人民政府　　浏览次数：312\n" + controls + "\n\n"
            "连日来，溪北县青岭镇茶叶加工园内机器轰鸣，杀青、揉捻、烘干等生产线满负荷运行。\n"
            "今年以来，青岭镇引进茶叶深加工企业3家，开发茶饮料、茶食品等产品20余个，全镇茶叶综合产值突破2.8亿元。\n\n"
            "上一篇：溪北县召开秋冬季森林防火工作会议\n主办单位：溪北县人民政府办公室　溪ICP备00000000号\n")
    (d,) = read_text(page, extract=False)
    assert (d.title, d.region, d.year, d.kind) == ("青岭镇：茶叶精深加工让“叶子”变“票子”", "溪北县", 2031, "news")
    assert "发布时间" not in d.text and "来源：青岭镇人民政府" in d.header


# The same page with its headline broken over two lines, the second short (a quote mark or a colon
# in the first line is no end): both lines are the title.
@pytest.mark.parametrize(("line1", "line2"), [
    ("青岭镇：高山茶叶“炒”出", "好日子"),
    ("青岭镇：小小茶叶撬动", "大产业"),
    ("溪北县青岭镇“茶旅融合”", "富农家"),
])
def test_a_portal_headline_broken_before_a_short_tail_keeps_the_tail(line1, line2):
    page = ("溪北县人民政府　　　　2031年11月12日 星期三　　晴 6~17℃\n首页 | 政务公开 | 政务服务 | 互动交流 | 走进溪北\n"
            f"您当前的位置：首页 > 政务公开 > 政务动态 > 乡镇动态\n\n{line1}\n{line2}\n\n"
            "发布时间：2031-11-12 16:05　　来源：青岭镇人民政府　　浏览次数：312\n【字号：大 中 小】　【打印】　【关闭】\n\n"
            "连日来，溪北县青岭镇茶叶加工园内机器轰鸣，杀青、揉捻、烘干等生产线满负荷运行。\n"
            "今年以来，青岭镇引进茶叶深加工企业3家，全镇茶叶综合产值突破2.8亿元。\n\n"
            "主办单位：溪北县人民政府办公室　溪ICP备00000000号\n")
    (d,) = read_text(page, extract=False)
    assert d.title.replace(" ", "") == line1 + line2


@pytest.mark.parametrize(("rule", "example"), split.DOC_ENTRY_RULES)
def test_each_document_entry_rule_matches_its_example(rule, example):
    assert __import__("re").match(rule, example), example


_NOTICES = [("溪北县人民政府关于2031年清明节期间森林防火的通告", "2031-03-28"),
            ("溪北县人民政府办公室关于做好2031年农村危房改造工作的通知", "2031-03-15"),
            ("溪北县人民政府关于调整城区部分道路机动车限速的通告", "2031-02-27")]


@pytest.mark.parametrize("entry", [
    "{t}　　{d}",          # no bullet
    "{i}. {t}　　{d}",     # numbered
    "· {d}　{t}",          # the date first
    "{t}\n{d}",            # the date on the next line, no bullet
    "· {t}\n{d}",
    "· {t}（溪政通〔2031〕{i}号）　{d}",     # with its 文号 in brackets
    "· {t}　溪政通〔2031〕{i}号　{d}",       # ... or in a column of its own
    "| {t} | 溪政通〔2031〕{i}号 | {d} |",   # a table's rows
])
def test_a_listing_of_document_titles_without_bullets_or_with_the_date_apart(entry):
    body = "\n".join(entry.format(i=i, t=t, d=d) for i, (t, d) in enumerate(_NOTICES, 1))
    page = "溪北县人民政府\n首页 > 政务公开 > 通知公告\n\n" + body + "\n\n溪北县人民政府办公室主办　溪ICP备00000000号\n"
    docs = read_text(page, extract=False)
    assert [(d.title, d.year, d.kind) for d in docs] == [(t, 2031, "regulation") for t, _ in _NOTICES]
    assert all(d.text == d.title for d in docs)  # an entry's text is its title alone
    if "文号" in entry or "〔" in entry:
        assert [d.doc_no for d in docs] == [f"溪政通〔2031〕{i}号" for i in range(1, 4)]


def test_one_notice_with_its_date_under_its_title_is_not_a_listing():
    page = ("溪北县人民政府\n首页 > 政务公开 > 通知公告\n\n" + _NOTICES[0][0] + "\n2031-03-28\n"
            "各乡镇人民政府，县直各单位：\n清明节将至，为切实做好森林防火工作，保护森林资源安全，现将有关事项通告如下。\n"
            "一、3月30日至4月8日，全县林区禁止一切野外用火。\n二、违反规定的，依法予以处罚。\n溪北县人民政府\n2031年3月28日\n")
    (d,) = read_text(page, extract=False)
    assert (d.title, d.year, d.kind) == (_NOTICES[0][0], 2031, "regulation")
    assert "禁止一切野外用火" in d.text


@pytest.mark.parametrize(("token", "pattern", "example"), split.PAPER_HEAD_TOKENS)
def test_each_paper_head_token_reads_its_example(token, pattern, example):
    assert __import__("re").fullmatch(pattern, example), (token, example)


@pytest.mark.parametrize(("line", "is_head"), [
    ("大公报　A12｜内地｜2031年9月22日", True),  # lines as the pipeline reads them (Simplified)
    ("香港商报　2031-09-22　A08　内地", True),
    ("澳门日报 2031/07/31 A07 大湾区", True),
    ("文汇报　A10　中国新闻　2031年5月6日　星期四", True),
    ("B3版", True),
    ("G20峰会在云溪开幕", False),      # a headline starting with a letter and digits
    ("云溪日报讯", False),
    ("明澜区召开春耕生产会议", False),
    ("云溪日报 2031年6月1日 明澜区新建学校三所", False),  # two names: a head and a headline run together
    # no page number: the paper, the day and one short section name
    ("云溪晨报　　区县新闻　　2031年3月5日（星期三）", True),
    ("溪报 2031年3月2日 星期四 | 中国", True),
    ("溪报 2031年3月2日（星期四） A12 中国", True),  # a one-character paper name
    ("云溪日报 2031年6月1日 明澜区新建学校", False),  # a headline is longer than a section name
])
def test_paper_heads_by_tokens(line, is_head):
    assert split._paper_head(line) is is_head


@pytest.mark.parametrize("head", [
    "大公報　A12｜內地｜2031年9月22日",
    "香港商報　2031-09-22　A08　內地",
    "文匯報　A10　中國新聞　2031年5月6日　星期四",
    "澳門日報\n2031年7月31日 星期三\nA07 粵港澳大灣區",     # the page number on a line of its own under the day
])
def test_a_traditional_paper_item_about_a_mainland_city_is_the_citys(head):
    page = (head + "\n\n中山深中通道通車滿月\n跨江車流日均逾十萬\n\n【本報訊】深中通道通車滿月，中山市交通運輸局昨日公佈，"
            "通道日均車流量逾十萬車次。\n據介紹，中山市翠亨新區已引進深圳企業逾二百家，中山市政府表示，將加快建設翠亨新區科創走廊。\n")
    (d,) = read_text(page, extract=False)
    assert (d.title, d.region, d.year) == ("中山深中通道通车满月 跨江车流日均逾十万", "中山市", 2031)


# Index-table rows of an info-disclosure page (normalize.INDEX_ROW_LABELS / TITLE_ROW_LABELS): each row
# stays a row of its own, and only the title row runs on to its short continuation line. Invented pages.
@pytest.mark.parametrize(("raw", "rows"), [
    # a wide two-column table whose title row breaks, with an addressee line under the body heading
    ("索 引 号：000000/2031-00042　　　　主题分类：农业、水利\n发布机构：云溪县人民政府　　　　成文日期：2031年04月02日\n"
     "标　　题：云溪县人民政府关于推进高标准农田建设的\n　　　　　实施意见\n文　　号：云政发〔2031〕3号　　　发布日期：2031年04月08日\n"
     "各乡镇人民政府，县直各部门：\n为加快农业现代化，现提出如下意见。",
     ["索引号：000000/2031-00042 主题分类：农业、水利", "发布机构：云溪县人民政府 成文日期：2031年04月02日",
      "标 题：云溪县人民政府关于推进高标准农田建设的实施意见", "文 号：云政发〔2031〕3号 发布日期：2031年04月08日"]),
    # a date row with a title row glued under it; the addressee must not join the title
    ("发文机关：明澜部办公厅　　发文字号：明办〔2031〕7号\n成文日期：2031年03月01日　　发布日期：2031年03月05日\n"
     "标　　题：明澜部办公厅关于做好2031年春季造林\n　　　　　工作的通知\n各省、自治区、直辖市林业主管部门：\n当前正值春季造林关键时期。",
     ["发文机关：明澜部办公厅 发文字号：明办〔2031〕7号", "成文日期：2031年03月01日 发布日期：2031年03月05日",
      "标 题：明澜部办公厅关于做好2031年春季造林工作的通知", "各省、自治区、直辖市林业主管部门："]),
])
def test_index_table_rows_stay_rows_and_a_title_row_takes_its_continuation(raw, rows):
    assert _lines(raw)[: len(rows)] == rows


def test_a_broken_title_row_gives_the_whole_title_and_kind():
    page = ("索 引 号：000000/2031-00042　　　　主题分类：农业、水利\n发布机构：云溪县人民政府　　　　成文日期：2031年04月02日\n"
            "标　　题：云溪县人民政府关于推进高标准农田建设的\n　　　　　实施意见\n文　　号：云政发〔2031〕3号\n"
            "各乡镇人民政府，县直各部门：\n为加快农业现代化，现提出如下意见。到2033年全县建成高标准农田20万亩，"
            "每年新增高效节水灌溉面积1万亩以上。\n云溪县人民政府\n2031年4月2日")
    (d,) = read_text(page, extract=False)
    assert (d.title, d.kind) == ("云溪县人民政府关于推进高标准农田建设的实施意见", "regulation")


@pytest.mark.parametrize("masthead", ["云溪新闻网　　要闻", "明澜晨报　　区县新闻　　2031年3月5日（星期三）", "云溪市人民政府新闻办公室　　新闻发布"])
def test_a_masthead_over_the_headline_is_not_the_title(masthead):
    page = (f"{masthead}\n\n明澜区召开春耕生产推进会\n部署高标准农田建设\n\n发布时间：2031-03-05 08:00　　来源：明澜晨报\n\n"
            "　　3月4日，明澜区召开春耕生产推进会，部署今年高标准农田建设工作。会议要求各镇街抓紧抓实春耕备耕，确保全年粮食播种面积稳定在30万亩以上。\n")
    (d,) = read_text(page, extract=False)
    assert d.title.replace(" ", "") == "明澜区召开春耕生产推进会部署高标准农田建设"


def test_dated_entries_naming_a_communique_or_a_report_are_a_listing():
    page = ("当前位置：首页 > 政务公开 > 法定主动公开内容\n\n"
            "[2031-03-20]　云溪市2030年国民经济和社会发展统计公报\n　　2030年，全市经济运行总体平稳，地区生产总值增长5.1%……\n"
            "[2031-02-10]　关于云溪市2030年预算执行情况和2031年预算草案的报告\n　　受市人民政府委托，现将预算执行情况提请审议……\n"
            "[2031-01-15]　云溪市人民政府关于调整城区公交票价的通知\n　　各区人民政府，市直有关单位：经研究，决定调整城区公交票价……\n")
    docs = read_text(page, extract=False)
    assert [d.title for d in docs] == ["云溪市2030年国民经济和社会发展统计公报", "关于云溪市2030年预算执行情况和2031年预算草案的报告",
                                       "云溪市人民政府关于调整城区公交票价的通知"]


def test_a_signature_date_in_chinese_numerals_is_not_part_of_the_next_heading():
    page = ("云溪市人民代表大会常务委员会公告\n第三号\n"
            "　　《云溪市河道管理条例》已由云溪市第九届人民代表大会常务委员会第五次会议于二〇三一年三月二日通过，现予公布，自二〇三一年六月一日起施行。\n"
            "云溪市人民代表大会常务委员会\n二〇三一年三月十日\n\n云溪市河道管理条例\n\n第一章　总　　则\n"
            "　　第一条　为了加强河道管理，制定本条例。\n　　第二条　本条例适用于本市行政区域内的河道。\n　　第三条　市人民政府负责河道管理工作。\n")
    (d,) = read_text(page, extract=False)
    assert d.title == "云溪市河道管理条例"


@pytest.mark.parametrize(("rule", "example"), split.CAPTION_RULES)
def test_each_caption_rule_matches_its_example(rule, example):
    assert re.search(rule, example)


def test_a_bulleted_photo_caption_is_no_listing_entry_and_no_headline():
    page = ("云溪日报　　2031年6月3日　星期二　　第02版：城事\n\n明澜区滨江夜市\n正式开市\n\n"
            "　　本报讯（记者 王明）6月2日晚，明澜区滨江夜市正式开市，设摊位120余个，首晚吸引市民2万余人次。\n\n"
            "　　■图为6月2日晚市民在滨江夜市选购商品。　本报记者 李森 摄\n\n溪北区茶叶加工园\n一期项目竣工投产\n\n"
            "　　本报讯（记者 赵亮）昨日，溪北区茶叶加工园一期项目竣工投产，年加工能力达到600吨。\n\n市政府召开专题会议\n部署安全生产工作\n\n"
            "　　本报讯（记者 李宁）昨日，市政府召开专题会议，研究部署安全生产工作，要求全市各地全面排查隐患。\n")
    docs = read_text(page, extract=False)
    assert [d.title.replace(" ", "") for d in docs] == ["明澜区滨江夜市正式开市", "溪北区茶叶加工园一期项目竣工投产", "市政府召开专题会议部署安全生产工作"]


@pytest.mark.parametrize("line", [
    "2031年09月03日08:41 | 来源：人民网－云溪频道",  # the time glued to the day, a bar before the source
    "2031-09-03 08:41 ｜ 来源：云溪日报",
    "2031.09.03 08:41 | 阅读：1234",  # a read count after the day
    "2031年9月3日 星期三 来源：云溪日报",  # the weekday between the day and the source
    "2031年9月3日（星期三）  |  来源：云溪网",
])
def test_a_dated_source_row_with_a_bar_is_a_header_field(line):
    assert split.classify(line) == "meta"


@pytest.mark.parametrize(("head", "title"), [
    # a Hong Kong paper's running head with the weekday in brackets and no 版
    ("香港溪報　2031年9月14日（星期三）　A09 | 內地經濟", "山乡辣椒 远销三十国"),
    # a paper's name and its section label over the page, the day under it or after it
    ("溪島日報 ‧ 中國\n2031年3月2日", "雪后古镇 游客量翻番"),
    ("溪報 - 中國\n2031年3月2日", "雪后古镇 游客量翻番"),
    ("溪島日報‧中國‧2031年3月2日", "雪后古镇 游客量翻番"),
    ("溪港01 ‧ 中國\n2031-03-02 08:15", "雪后古镇 游客量翻番"),
    ("溪島日報 2031年3月2日 星期四 | 中國", "雪后古镇 游客量翻番"),
])
def test_a_paper_masthead_is_never_the_title_nor_the_place(head, title):
    first, second = title.split(" ")
    page = (f"{head}\n\n{first}\n{second}\n\n【本報訊】湖南張家界市武陵源區近日迎來降雪，核心景區遊客量較去年同期增加一倍。"
            "武陵源區文旅部門表示，景區每日限流三萬人次。\n")
    (d,) = read_text(page, extract=False)
    assert (d.title, d.region, d.year) == (title, "张家界市武陵源区", 2031)


@pytest.mark.parametrize("tail", [
    "【纠错】 【责任编辑:刘明】\n2031-06-03 16:20:45",
    "【责任编辑:刘明】\n2031年06月03日 16:20",
    "责任编辑：刘明\n发布时间：2031-06-03 16:20",  # a 发布时间 row under the editor's line
])
def test_the_date_standing_under_an_article_past_its_editor_line_dates_it(tail):
    page = ("云溪网 > 地方 > 正文\n\n草原上的光伏羊\n\n云溪社银川6月3日电（记者 王明）初夏时节，盐池县的光伏板下牧草青青。"
            "2030年，全县光伏发电量达到41亿千瓦时。\n一位养殖户说，他家去年出栏滩羊420只。\n\n" + tail + "\n")
    (d,) = read_text(page, extract=False)
    assert (d.year, d.date) == (2031, "2031-06-03")


# A notice whose annex is a table of items after the signature (invented): one document, the annex in it.
ANNEX_PAGE = """云溪市人民政府办公室关于推广第一批营商环境改革举措的通知
云政办发〔2031〕9号
各县（市、区）人民政府，市政府各部门：
明澜区、溪北县在营商环境改革中形成了一批经验，经市政府同意，现予推广。各地要结合实际抓好落实。
附件：第一批营商环境改革举措推广清单
云溪市人民政府办公室
2031年4月2日
附件
第一批营商环境改革举措推广清单
序号
改革举措
主要内容
一、政务服务方面（共2项）
1
企业开办“一窗通办”
将企业登记、印章刻制、发票申领、社保登记和银行开户预约等事项合并为一个窗口办理，申请人一次提交材料，开办时间压缩至一个工作日以内。
市市场监管局
全市
2
工程建设项目“联合验收”
规划、消防、人防、档案等专项验收事项由一个部门牵头统一组织，实行一次申请、联合踏勘、限时办结，验收时间比原来压缩一半以上。
市住房城乡建设局
全市
"""


def test_an_annex_after_the_signature_is_part_of_the_document():
    docs = read_text(ANNEX_PAGE, extract=False)
    assert len(docs) == 1, [d.title for d in docs]
    assert docs[0].title.endswith("的通知") and "联合验收" in docs[0].text


@pytest.mark.parametrize(("line", "is_head"), [
    ("附件", True), ("附件1.", True), ("附件2：", True), ("附 件", True),
    ("附件：第一批营商环境改革举措推广清单", False),  # the list of annexes above the signature
    ("附件材料已报市政府。", False),
])
def test_annex_headings(line, is_head):
    assert bool(split._ANNEX_HEAD.match(line)) is is_head


@pytest.mark.parametrize(("header", "issuer"), [
    # two fields glued on one line: the issuer keeps its last character
    ("发文机关： 云溪省人民政府办公厅成文日期： 2031年06月29日", "云溪省人民政府办公厅"),
    ("发文机关： 云溪省人民政府、云溪军区成文日期： 2031年06月29日", "云溪省人民政府、云溪军区"),
    # a label the table lists but the rules do not know ends the value after a space
    ("发布机构： 明澜区人民政府 有效性： 有效", "明澜区人民政府"),
])
def test_an_index_row_value_runs_to_the_next_label(header, issuer):
    from govlens.stages.metadata import _meta_fields

    fields = _meta_fields(header)
    assert (fields.get("发文机关") or fields.get("发布机构")) == issuer, fields


# An index table rendered as a bulleted list, each label on its line and its value on the next (some
# empty): header fields, never the title or a listing; the title is the heading over the text.
@pytest.mark.parametrize("bullet", ["• ", "· ", "● "])
def test_a_bulleted_index_list_with_values_under_labels_is_the_header(bullet):
    rows = [("索引号:", "0000000000/2031-000123"), ("主题分类:", ""), ("发文机构:", "县政府网站"),
            ("发文字号:", "溪政发〔2031〕7号"), ("发文日期:", "2031年04月06日 16:40"), ("有效性:", ""),
            ("内容概述:", "溪北县人民政府工作规则")]
    table = "".join(f"  {bullet}{label}\n\n" + (f"    {value}\n" if value else "") for label, value in rows)
    page = ("返回顶部\n\n溪北县人民政府工作规则\n\n" + table + "\n溪北县人民政府工作规则\n\n第一章 总则\n\n"
            "一、根据有关法律法规，结合本县实际，制定本规则。县政府工作人员要依法履行职责，提高行政效能。\n\n"
            "二、县政府实行县长负责制。县长主持县政府全面工作，副县长协助县长工作。\n")
    (d,) = read_text(page, extract=False)
    assert (d.title, d.year, d.kind, d.doc_no, d.date) == ("溪北县人民政府工作规则", 2031, "regulation", "溪政发〔2031〕7号", "2031-04-06")


# A breadcrumb under its position label whose last segment is the page's own long title: site, so
# the page is one document under its headline, dated by its 发布时间 row.
@pytest.mark.parametrize("label", ["您当前的位置", "当前位置", "您现在的位置"])
def test_a_labelled_breadcrumb_ending_in_a_long_title_is_site(label):
    title = "关于《云溪市文明养犬管理条例（草案修改稿征求意见稿）》公开征求意见的公告"
    page = (f"{label}: 首页 > 法规草案征求意见 > {title}\n\n{title}\n\n发布时间:2031-11-12 17:25:15      字体大小:[大][中][小]\n\n"
            "《云溪市文明养犬管理条例（草案）》已经市人大常委会两次审议。为了进一步提高立法质量，现将草案修改稿向社会公开征求意见，"
            "欢迎社会各界人士踊跃参与。意见建议请于11月23日前书面寄至云溪市人大法制委。\n\n云溪市人大常委会办公厅\n\n2031年11月12日\n")
    docs = read_text(page, extract=False)
    assert [(d.title, d.year, d.date) for d in docs] == [(title, 2031, "2031-11-12")]


@pytest.mark.parametrize(("rule", "example"), split.BYLINE_RULES)
def test_each_byline_rule_matches_its_example(rule, example):
    assert re.match(rule, example)


# A county portal's item: a date widget's empty label, the headline, bulleted 访问次数/发布时间 rows and a
# reporter's line before the text. The item is about a draft work report (its title names it in 《》),
# so it is news, not the report; its date is the 发布时间 row.
@pytest.mark.parametrize(("widget", "byline"), [("今天是:", "王明  报道:"), ("今天是：", "记者 李华 王明"), ("当前时间：", "文/王明")])
def test_an_item_about_a_draft_report_is_news_under_its_headline(widget, byline):
    title = "县政府召开《2031年政府工作报告（征求意见稿）》征求意见会"
    page = (f"{widget}\n\n{title}\n\n  • 访问次数 :\n  • 发布时间 :2031-01-13 09:30\n\n{byline}\n\n"
            "【导语】13日上午，县政府召开征求意见会，就《2031年政府工作报告（征求意见稿）》征求人大代表、政协委员的意见和建议。\n\n"
            "会上，与会人员听取了报告起草过程和主要内容的说明，并就城市建设、生态环保等方面工作提出了意见和建议。\n")
    (d,) = read_text(page, extract=False)
    assert (d.title, d.year, d.kind, d.date) == (title, 2031, "news", "2031-01-13")


# A portal's news item opening with 本网讯 is news, not the site's terms of use (本网 there is no policy
# wording), even printed as one long line under its headline.
@pytest.mark.parametrize("opening", ["本网讯（王明）", "本网讯 记者李华报道", "本站讯（通讯员 王明）"])
def test_a_news_item_opening_with_the_sites_own_wire_is_a_document(opening):
    page = (f"明澜区人大常委会召开第二十六次会议\n\n{opening}7月28日上午，区人大常委会召开第二十六次会议，听取区政府提请的人事任命议案，"
            "表决通过人事任免名单。会议要求，新任命人员要认真履职，落实好人大代表建议的办理。区人大常委会副主任王平出席会议。\n\n相关阅读\n")
    docs = read_text(page, extract=False)
    assert [(d.title, d.kind) for d in docs] == [("明澜区人大常委会召开第二十六次会议", "news")]


# A portal's headline over the page's address, the day and the paper (http://… 2031年12月20日04:50 云溪特区报):
# that row dates the item and is no part of its title.
@pytest.mark.parametrize("row", ["http://www.example.com.cn 2031年12月20日04:50 云溪特区报",
                                 "https://news.example.cn/a/b 2031-12-20 04:50 云溪日报"])
def test_a_dated_row_after_the_pages_address_is_a_header_row(row):
    page = (f"新闻中心首页 > 新闻中心 > 社会新闻 > 正文\n\n明澜区政府换届工作结束16名新任局长履新\n\n{row}\n\n"
            "【本报讯】（记者王明）昨天，明澜区召开区人大常委会第二次会议，任命了区政府16位职能部门的局长。"
            "这些新获任命的局长有的是继续留任，有的是从其他岗位转任。\n")
    (d,) = read_text(page, extract=False)
    assert (d.title, d.year, d.date, d.kind) == ("明澜区政府换届工作结束16名新任局长履新", 2031, "2031-12-20", "news")
