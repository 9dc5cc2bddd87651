"""Titles, kinds and source labels: the rule tables run on lines and pages of our own."""

from __future__ import annotations

import pytest

from govlens import evaluate_docs
from govlens.pipeline import read_text
from govlens.stages import metadata, titles
from govlens.web.render import public, source_label


@pytest.mark.parametrize(("rule", "example"), titles.NOT_TITLE)
def test_each_never_title_rule_matches_its_example(rule, example):
    assert titles.never_title(example), (rule, example)


@pytest.mark.parametrize("line", ["国务院关于推进数字政府建设的指导意见", "2024年溪北县政府工作报告",
                                  "绿岛镇春耕生产有序推进", "云溪市统计局关于2023年国民经济和社会发展的统计公报",
                                  "云溪市人民政府办公室转发省政府办公厅"])
def test_titles_are_not_refused(line):
    assert not titles.never_title(line)


@pytest.mark.parametrize(("text", "title"), [
    # a heading broken across lines is one title; the 字号 line under it is not part of it
    ("国务院关于在城乡社区全面推行\n邻里互助服务的意见\n国发〔2031〕9号\n各省、自治区、直辖市人民政府：\n现提出如下意见。", "国务院关于在城乡社区全面推行邻里互助服务的意见"),
    # source and time lines, and a delivery line, are skipped
    ("来源：云溪日报\n2031-02-03 09:02:33\n2031年明澜区政府工作报告\n各位代表：\n现在我代表区人民政府报告工作。", "2031年明澜区政府工作报告"),
    # a 令 header and its number are not the title
    ("中华人民共和国国务院令\n第901号\n现公布《邻里互助条例》，自2031年1月1日起施行。", None),
    # a standing committee's 公告 wraps the law it publishes: the law's name is the title
    ("云溪市人民代表大会常务委员会公告\n第12号\n《云溪市绿道保护条例》已由常务委员会第九次会议于2031年3月1日通过，现予公布。\n"
     "云溪市绿道保护条例\n（2031年3月1日云溪市第五届人民代表大会常务委员会第九次会议通过）\n目　录\n第一章 总则", "云溪市绿道保护条例"),
    # a 公告's number in brackets is not a title; the law it publishes is
    ("明澜区人民代表大会常务委员会公告\n（第二十三号）\n《明澜区河湖保护条例》已由常务委员会第八次会议于2031年6月2日通过，现予公布。\n"
     "明澜区河湖保护条例\n（2031年6月2日明澜区人民代表大会常务委员会第八次会议通过）\n目　录\n第一章 总则", "明澜区河湖保护条例"),
    # a listing's page label (（第2页）) is site chrome, not the headline under it
    ("乡镇通知公告（第2页）\n\n溪北镇人民政府关于春季防火期野外用火管理的通告\n发布日期：2031-03-02　来源：溪北镇\n"
     "为做好春季森林防火工作，现将有关事项通告如下。", "溪北镇人民政府关于春季防火期野外用火管理的通告"),
    # a salutation is not a title
    ("各位代表：\n现在，我代表国务院，向大会报告政府工作，请予审议", None),
])
def test_body_title(text, title):
    assert titles.body_title(text) == title


def test_header_row_wins_and_is_extended_by_the_heading_when_cut():
    assert titles.choose("国务院关于在城乡社区全面推行", None, "国务院关于在城乡社区全面推行邻里互助服务的意见") == \
        "国务院关于在城乡社区全面推行邻里互助服务的意见"
    assert titles.choose("邻里互助条例", "中华人民共和国国务院令", None) == "邻里互助条例"
    assert titles.choose(None, "宁夏日报客户端", "2031年政府工作报告") == "2031年政府工作报告"


def test_dated_notes_are_cut_from_titles_but_dates_in_titles_stay():
    assert titles.clean("邻里互助条例（2031年3月1日云溪市人民代表大会常务委员会第五次会议通过）") == "邻里互助条例"
    assert titles.clean("关于政府工作报告的决议 （2031年3月13日") == "关于政府工作报告的决议"
    assert titles.clean("新闻发布会问答实录（2031年10月17日）") == "新闻发布会问答实录（2031年10月17日）"
    # a headline printed with the page's date and weekday after it
    assert titles.clean("明澜区科创企业加速集聚 2031年11月6日星期一 【字体：大中小】") == "明澜区科创企业加速集聚"
    assert titles.clean("2031年11月6日星期一举行的开放日") == "2031年11月6日星期一举行的开放日"


def test_no_empty_title():
    (doc,) = read_text("会议指出，要抓好落实，确保各项工作落到实处。全区上下要统一思想。" * 3, extract=False)
    assert doc.title


# (page, kind): one invented page per cue of the kind table.
KINDS = [
    ("云溪日报讯（记者 王小明）3月5日，明澜区召开会议，部署春耕生产。会议强调，要抓好落实。", "news"),
    ("【云溪报讯】记者李华明澜报道：明澜区新建学校三所，今年秋季开学。学校可容纳学生三千人。", "news"),
    ("新华社北京3月5日电 国务院常务会议5日召开，部署春耕生产。会议指出，要抓好落实。", "news"),
    ("明澜区举行春耕现场会。会议指出，要抓好落实，确保粮食生产稳定，农民增收。{F}\n（记者 王小明 通讯员 李四）", "news"),
    ("云溪市新闻发布会\n主持人：各位记者朋友，大家好。今天请来市统计局局长介绍情况。\n"
     "市统计局局长：全市地区生产总值增长5%。\n云溪日报记者：请问就业情况如何？\n市统计局局长：新增就业3万人。", "press"),
    ("云溪市2031年国民经济和社会发展统计公报\n云溪市统计局\n2032年3月20日\n一、综合\n初步核算，全年地区生产总值1000亿元。", "statistics"),
    ("关于云溪市2031年预算执行情况和2032年预算草案的报告\n各位代表：\n受市人民政府委托，现将预算执行情况报告如下。", "budget"),
    ("云溪市人民政府关于做好春耕生产工作的通知\n各区县人民政府：\n为做好春耕生产工作，现将有关事项通知如下。", "regulation"),
    ("2031年明澜区政府工作报告\n各位代表：\n现在，我代表区人民政府，向大会报告工作，请予审议。\n一、2030年工作回顾", "work_report"),
    ("云溪市第五届人民代表大会第三次会议听取和审议了市长所作的政府工作报告。会议决定批准这个报告。", "other"),
    # a report retold in reported speech (a 摘要), with no salutation and no heading
    ("五年来，全市经济持续增长。\n王明市长在报告中首先指出，过去五年全市地区生产总值年均增长7%。\n"
     "王明市长在报告中提出了今后发展经济的任务。\n王明市长报告的第二部分是关于城乡建设。", "work_report"),
    # a 方案 or 通告 is a policy document like a 通知
    ("云溪市2031年黑土地保护工作实施方案\n为贯彻落实黑土地保护条例，结合我市实际，制定本方案。\n一、工作目标。全市实施保护性耕作面积达到230万亩。", "regulation"),
    ("云溪市人民政府关于明澜大桥封闭施工的通告\n因明澜大桥维修加固，自2031年5月1日起封闭施工，请过往车辆绕行。", "regulation"),
    # ... but a news item reporting one is news
    ("云溪市印发黑土地保护工作实施方案\n本报讯（记者 王明）近日，云溪市印发黑土地保护工作实施方案，提出全市实施保护性耕作面积达到230万亩。", "news"),
    # a portal's news item: no paper's cue, its text opens on the day of the event
    ("明澜区召开优化营商环境推进大会\n2月20日，明澜区召开优化营商环境推进大会。\n会议指出，去年全区新增市场主体1.2万户。", "news"),
    # a byline at the end naming a media centre before the reporter
    ("明澜区新建学校三所。全区新增学位3000个。{F}\n（明澜区融媒体中心 记者 王小明）", "news"),
    # a news item reporting a press conference is news, not the conference's transcript
    ("新华社北京8月9日电（记者 王明）国家发展改革委9日举行新闻发布会介绍，今年以来全国新开工重大水利工程28项。", "news"),
    # a news item about a report (not the report: no 各位代表, a news item's length) is news
    ("云溪市五届人大三次会议开幕\n本报讯（记者 刘芳）1月9日，云溪市第五届人民代表大会第三次会议开幕。市长向大会作政府工作报告。"
     "报告指出，过去一年全市地区生产总值增长6.1%。", "news"),
    ("【本报消息】明澜区口岸去年通关旅客达到1860万人次，比前年增长23%，创口岸开通以来新高。", "news"),
    # other openings and bylines of news
    ("据云溪日报报道，今年秋季，明澜区新建的三所学校将投入使用，可容纳学生三千人。", "news"),
    ("（融媒体记者 王明）今年秋季，明澜区新建的三所学校将投入使用，可容纳学生三千人。", "news"),
    ("人民网云溪3月5日电 今年秋季，明澜区新建的三所学校将投入使用，可容纳学生三千人。", "news"),
    ("央视网消息：今年秋季，明澜区新建的三所学校将投入使用，可容纳学生三千人。", "news"),
    ("明澜区新建学校三所。全区新增学位3000个。{F}\n记者：王明 编辑：李四", "news"),
    # a bracketed credit naming only the paper's media centre, or the source paper, at the end
    ("明澜区上半年新增市场主体1.2万户\n今年以来，我区持续优化营商环境，新增市场主体1.2万户。{F}\n（云溪日报社融媒体中心）", "news"),
    ("明澜区上半年新增市场主体1.2万户\n今年以来，我区持续优化营商环境，新增市场主体1.2万户。{F}\n（来源：云溪日报）", "news"),
    ("明澜区上半年新增市场主体1.2万户\n今年以来，我区持续优化营商环境，新增市场主体1.2万户。{F}\n（稿件来源：明澜区融媒体中心）", "news"),
    ("明澜区上半年新增市场主体1.2万户\n今年以来，我区持续优化营商环境，新增市场主体1.2万户。{F}\n（明澜区融媒体中心 供稿）", "news"),
    ("明澜区上半年新增市场主体1.2万户\n今年以来，我区持续优化营商环境，新增市场主体1.2万户。{F}\n（来源：明澜发布）", "news"),
    ("明澜区上半年新增市场主体1.2万户\n今年以来，我区持续优化营商环境，新增市场主体1.2万户。{F}\n（明澜区市场监管局供稿）", "news"),
    ("明澜区上半年新增市场主体1.2万户\n今年以来，我区持续优化营商环境，新增市场主体1.2万户。{F}\n文/图 明澜区融媒体中心 王明", "news"),
    # ... but an issuer's name under a text, or a publication note, is no credit
    ("国务院关于云溪新区建设的批复\n云溪省人民政府：\n你省关于云溪新区建设的请示收悉。现批复如下。{F}\n国务院\n2031年12月25日\n（此件公开发布）", "other"),
    ("明澜区上半年新增市场主体1.2万户\n今年以来，我区持续优化营商环境，新增市场主体1.2万户。{F}\n明澜区文化和旅游局办公室", "other"),
    # a section path through a place's news (首页 > 云溪新闻 > 时政), with no cue in the item
    ("云溪网\n首页 > 云溪新闻 > 时政\n云溪市上半年新增市场主体4.6万户\n今年以来，我市持续优化营商环境，新增市场主体4.6万户。", "news"),
    # a byline line with no 本报讯 and no brackets
    ("明澜区红色旅游带富一方\n本报记者 王小明　本报通讯员 李四\n金秋十月，走进明澜区，游客络绎不绝。全区接待游客680万人次。", "news"),
    # a page whose source is a paper, or whose site is a paper or a news section, with no cue of its own
    ("明澜区领导调研春耕生产\n2031-03-18 09:41:07　来源：云溪日报\n区长王明深入明澜区各乡镇调研春耕生产，查看农资储备和高标准农田建设。", "news"),
    ("云溪日报 | 云溪新闻网 | 明澜新闻\n首页 > 明澜 > 区县\n明澜区老街焕新开街\n2031-09-29 08:15\n历时10个月改造，明澜区老街28日晚开街，"
     "改造后的步行街全长约1.1公里，引来年轻客流。", "news"),
    # an event opening over a span of days (3月15日至17日，…调研)
    ("3月15日至17日，区长王明深入明澜区各乡镇调研春耕生产，查看农资储备和高标准农田建设。", "news"),
    # a page of terms explaining a report is a glossary, not the report
    ("2031年云溪市政府工作报告名词解释\n发布时间：2031-02-05\n1．“一环两翼”：指以明澜湖为核心、东西两翼协同发展的城市格局。\n"
     "2．“三改一拆”：指旧住宅区、旧厂区、城中村改造和拆除违法建筑。", "glossary"),
    # a newspaper page's running head (第N版) over an item with no news cue of its own
    ("云溪日报　2031年5月12日　第05版　地方新闻\n明澜区新建学校三所\n今年秋季，明澜区新建的三所学校将投入使用，可容纳学生三千人。", "news"),
    # a government's measures (若干措施 / 政策措施) are a regulation like its 意见
    ("明澜区关于支持夜间经济发展的若干措施\n各街道办事处，区政府各部门：\n为繁荣夜间经济，现提出如下措施。", "regulation"),
    ("云溪市促进外贸稳规模优结构的政策措施\n各县（市、区）人民政府，市政府各部门：\n为稳外贸，现提出如下政策措施。\n"
     "一、支持企业参加境外展会，按展位费的50%给予补助。", "regulation"),
    ("明澜区数字经济三年行动计划（2031—2033年）\n为加快数字经济发展，制定本行动计划。\n一、建设数字产业园3个。", "regulation"),
]


_FILLER = "各部门要切实履行职责，加强协调配合，确保各项工作任务按期完成，推动经济社会持续健康发展。"


@pytest.mark.parametrize(("text", "kind"), KINDS)
def test_kinds(text, kind):
    """Each page is padded with a neutral paragraph (where {F} stands, else at the end)."""
    page = text.replace("{F}", _FILLER * 2) if "{F}" in text else text + "\n" + _FILLER * 2
    docs = read_text(page, extract=False)
    assert docs[0].kind == kind, (docs[0].kind, text[:30])


@pytest.mark.parametrize(("source", "label"), [
    ("/srv/govlens/inbox/2031/明澜区报告.txt", "明澜区报告.txt"),
    ("C:\\data\\报告.docx", "报告.docx"),
    ("https://user:secret@www.example.cn/a/b.html?id=3", "https://www.example.cn/a/b.html?id=3"),
    ("http://www.example.cn/", "http://www.example.cn/"),
])
def test_source_label_never_shows_a_local_path(source, label):
    assert source_label(source) == label
    assert public({"source": source, "title": "t"}) == {"source": label, "title": "t"}


@pytest.mark.parametrize(("text", "expected"), [
    # a local regulation adopted in December and in force the next year was promulgated the next year
    ("云溪市文明行为促进条例\n（2030年12月25日云溪市第五届人民代表大会常务委员会第十九次会议通过）\n第一章 总则\n"
     "第一条 为了推进文明建设，制定本条例。\n第二条 本市文明行为促进工作适用本条例。\n第三条 市人民政府负责组织实施。\n"
     "第四条 本条例自2031年3月1日起施行。", ("regulation", 2031, "云溪市")),
    # adopted and promulgated in one year: that year
    ("云溪市绿道保护条例\n（2030年6月29日云溪市第五届人民代表大会常务委员会第九次会议通过）\n第一章 总则\n"
     "第一条 为了保护绿道，制定本条例。\n第二条 本市绿道保护适用本条例。\n第三条 市人民政府负责组织实施。\n"
     "第四条 本条例自2031年1月1日起施行。", ("regulation", 2030, "云溪市")),
    # a bulletin is published the year after the one it covers, its date under the issuer
    ("仁怀市2030年国民经济和社会发展统计公报\n2030年，全市经济运行总体平稳，全年地区生产总值1950亿元，比上年增长6.1%。\n"
     "年末全市常住人口68.5万人，比上年末增加0.3万人，城镇化率达到55.2%。\n仁怀市统计局",
     ("statistics", 2031, "遵义市仁怀市")),
    # a budget report is delivered in the year of its 预算草案
    ("关于峨山县2030年预算执行情况和2031年预算草案的报告\n——2031年1月8日在峨山彝族自治县第十八届人民代表大会第五次会议上\n"
     "各位代表：\n受县人民政府委托，现将峨山县2030年预算执行情况和2031年预算草案提请大会审议。全县一般公共预算收入5.2亿元。",
     ("budget", 2031, "玉溪市峨山彝族自治县")),
    # a regulation dated only in Chinese numerals: adopted and approved in 2030, in force in 2031
    ("云溪市茶产业促进条例\n（二〇三〇年六月二十六日云溪市第五届人民代表大会常务委员会第九次会议通过　二〇三〇年九月二十五日"
     "云溪省第十四届人民代表大会常务委员会第八次会议批准）\n第一条 为了促进茶产业发展，制定本条例。\n第二条 本市茶产业适用本条例。\n"
     "第三条 市人民政府负责组织实施。\n第四条 本条例自二〇三一年一月一日起施行。", ("regulation", 2030, "云溪市")),
    # a report dated only in Chinese numerals (二〇三一年一月九日在…会议上), its review of 2030 unnumbered
    ("政府工作报告\n——二〇三一年一月九日在云溪市第八届人民代表大会第五次会议上\n各位代表：\n现在，我代表市人民政府，向大会报告工作，请予审议。\n"
     "一、过去一年工作回顾\n过去一年，全市地区生产总值增长5.8%，接待游客突破900万人次，比上年增长12%。\n二、今年工作安排\n今年全市地区生产总值预期增长6%。",
     ("work_report", 2031, "云溪市")),
])
def test_statistics_and_budget_years(text, expected):
    d = read_text(text, extract=False)[0]
    assert (d.kind, d.year, d.region) == expected


def test_a_central_news_item_is_national_though_it_names_provinces():
    d = read_text("国务院常务会议部署稳就业工作\n新华社北京6月3日电 国务院常务会议3日召开，部署稳就业工作。会议指出，"
                  "贵州、云南等地要做好易地搬迁群众就业帮扶，各地要落实好稳岗补贴政策。\n会议还研究了其他事项。", extract=False)[0]
    assert (d.region, d.level, d.kind) == ("全国", "national", "news")


@pytest.mark.parametrize(("rule", "template", "example"), titles.FROM_OPENING)
def test_each_opening_rule_gives_a_title(rule, template, example):
    assert titles.from_opening(example) == "云溪市第五届人民代表大会第三次会议关于政府工作报告的决议"


def test_a_resolution_with_no_heading_is_titled_from_its_opening():
    d = read_text("云溪市第五届人民代表大会第三次会议听取和审议了市长王明所作的政府工作报告。会议充分肯定过去一年的工作。"
                  "会议同意报告提出的今年经济社会发展的总体要求、主要目标和重点任务，决定批准这个报告。", extract=False)[0]
    assert (d.title, d.kind) == ("云溪市第五届人民代表大会第三次会议关于政府工作报告的决议", "other")


@pytest.mark.parametrize(("text", "title"), [
    # a title already ending in its document word, and a theme under it: the theme is a subtitle
    ("2031年政府工作报告\n坚持稳中求进 奋力开创云溪发展新局面\n——2031年1月9日在云溪市第五届人民代表大会第三次会议上\n各位代表：",
     "2031年政府工作报告"),
    # a headline broken before 和…: one title
    ("关于明澜区2031年预算执行情况\n和2032年预算草案的报告\n——2032年1月8日在明澜区第三届人民代表大会第二次会议上\n各位代表：",
     "关于明澜区2031年预算执行情况和2032年预算草案的报告"),
])
def test_a_subtitle_under_a_whole_title_is_not_joined(text, title):
    assert titles.body_title(text).replace(" ", "") == title  # titles compare without whitespace


@pytest.mark.parametrize(("text", "heading"), [
    ("明澜区三届人大二次会议开幕\n本报讯 1月8日，明澜区第三届人民代表大会第二次会议开幕。以下为报告全文。\n政府工作报告\n"
     "——2032年1月8日在明澜区第三届人民代表大会第二次会议上\n各位代表：", "政府工作报告"),
    # a budget report's heading broken over two lines under the news item
    ("【两会】关于明澜区2031年预算执行情况和2032年预算草案的报告（摘登）\n本报讯 1月8日，区人大会议审查预算报告。以下为报告摘登。\n"
     "关于明澜区2031年预算执行情况\n和2032年预算草案的报告\n——2032年1月8日在明澜区第三届人民代表大会第二次会议上\n各位代表：",
     "关于明澜区2031年预算执行情况和2032年预算草案的报告"),
    # the page's headline directly over the heading names the report itself: no heading taken
    ("2032年明澜区政府工作报告\n政府工作报告\n——2032年1月8日在明澜区第三届人民代表大会第二次会议上\n各位代表：", None),
])
def test_a_report_under_a_news_preamble_is_titled_by_its_own_heading(text, heading):
    assert titles.report_heading(text) == heading


def test_a_bare_report_heading_is_filed_with_its_year_and_place():
    """As the corpus index files such reports; the scorer takes the bare gold heading as the same title."""
    text = ("政府工作报告\n——2032年1月8日在云溪市第五届人民代表大会第四次会议上\n各位代表：\n"
            "现在，我代表市人民政府，向大会报告工作，请予审议。\n一、2031年工作回顾\n过去一年，全市地区生产总值增长5.6%，一般公共预算收入增长4.8%。")
    (d,) = read_text(text, extract=False)
    assert (d.title, d.region, d.year, d.kind) == ("2032年云溪市政府工作报告", "云溪市", 2032, "work_report")
    assert evaluate_docs.same_title({"title": "政府工作报告", "year": 2032}, d)
    assert not evaluate_docs.same_title({"title": "政府工作报告", "year": 2031}, d)


@pytest.mark.parametrize(("rule", "shift", "weight", "example"), metadata.DELIVERY_CUES)
def test_each_delivery_cue_dates_its_example(rule, shift, weight, example):
    assert metadata.delivery_votes(example) == {2041: weight}


def test_a_plan_report_delivered_late_in_the_year_is_of_that_year():
    text = ("各位代表：\n我受国务院的委托，现在向大会提出关于2041、2042年国民经济计划安排的报告，请予审议。\n"
            "今年提前制定2042年国民经济计划，是为了使各地区、各部门早作准备。今年上半年，工业总产值比去年同期增长8.1%。\n"
            "一、2041年计划的执行情况\n2041年计划正在顺利执行，预计全年可以完成。\n"
            "二、2042年国民经济计划的任务和主要指标\n2042年工业总产值计划增长6%，农业总产值计划增长4%。")
    (d,) = read_text(text, extract=False)
    assert (d.kind, d.year) == ("work_report", 2041)


@pytest.mark.parametrize("section", ["街道动态", "新闻动态", "部门动态"])
def test_an_item_under_a_news_section_of_a_portal_is_news(section):
    page = (f"云溪市明澜区人民政府\n首页 > 新闻中心 > {section}\n明澜街道打造“15分钟便民生活圈”\n发布日期：2031-09-19　信息来源：明澜街道\n"
            "今年以来，明澜街道围绕便民生活圈建设，新增社区食堂3家、便民服务点12个，改造老旧小区5个。\n"
            "街道负责人表示，下一步将联合辖区商户推出一站式便民服务，力争年底前实现社区便民服务全覆盖。")
    (d,) = read_text(page.replace("首页 > 新闻中心 > ", "首页 > "), extract=False)
    assert (d.title, d.region, d.year, d.kind) == ("明澜街道打造“15分钟便民生活圈”", "云溪市明澜区", 2031, "news")


def test_a_forwarding_notice_broken_after_its_issuers_is_one_title():
    page = ("云溪市人民政府\n首页 > 政务公开 > 政府文件\n云溪市人民政府办公室转发省政府办公厅\n关于加强冬春农田水利建设的通知的通知\n"
            "发布时间：2031-11-08　来源：市政府办公室\n各区县人民政府，市直机关各单位：\n"
            "现将《省人民政府办公厅关于加强冬春农田水利建设的通知》转发给你们，请结合实际，认真贯彻落实。\n云溪市人民政府办公室\n2031年11月7日")
    (d,) = read_text(page, extract=False)
    assert (d.title, d.region, d.kind) == ("云溪市人民政府办公室转发省政府办公厅关于加强冬春农田水利建设的通知的通知", "云溪市", "regulation")


@pytest.mark.parametrize("opening", [
    "记者近日从明澜区科委获悉，今年上半年，明澜区新增专精特新企业26家，总数达到120家。",
    "5月11日，明澜区运河沿线的灯塔广场和漕运码头公园同时向市民开放，沿线新增公园绿地120公顷。",
])
def test_news_openings_with_no_paper_cue(opening):
    (d,) = read_text("明澜区新增专精特新企业26家\n" + opening + "\n明澜区将继续实施企业培育计划，支持企业加大研发投入，力争全年新增企业50家。",
                     extract=False)
    assert (d.region, d.kind) == ("云溪市明澜区", "news")


# A work report whose body names no year: the year in its title is its own (delivered that year); with
# no year in the title either, the most-named year is the one it reviews (+1). Invented reports.
_NO_YEAR_BODY = ("各位代表：\n现在，我代表{lvl}人民政府向大会报告工作，请予审议。\n一、过去一年工作回顾\n"
                 "过去一年，全{lvl}地区生产总值增长6.1%，一般公共预算收入增长5.2%。{extra}\n二、今年主要目标任务\n"
                 "全{lvl}地区生产总值增长6%左右。\n")


@pytest.mark.parametrize(("heading", "extra", "year"), [
    ("2031年溪北县政府工作报告", "", 2031),
    ("溪北县2032年政府工作报告", "", 2032),
    ("二〇三一年溪北县政府工作报告", "", 2031),  # the title's year in Chinese numerals
    ("溪北县政府工作报告（2031年）", "", 2031),
    ("2031年溪北县政府工作报告", "2030年全县新增就业1.2万人。", 2031),  # a reviewed year in the body
    ("溪北县政府工作报告", "2030年全县新增就业1.2万人，2030年末常住人口35万人。", 2031),  # no title year: reviewed + 1
])
def test_a_report_titled_with_its_year_is_filed_under_it(heading, extra, year):
    (d,) = read_text(heading + "\n" + _NO_YEAR_BODY.format(lvl="县", extra=extra), extract=False)
    assert (d.kind, d.year) == ("work_report", year)


@pytest.mark.parametrize(("note", "date"), [
    # the session's name broken across a line in the note under the title
    ("（2031年9月30日云溪省第十三届人民代表大会\n常务委员会第六次会议通过）", "2031-09-30"),
    # adopted, then approved: the approval is the later date of the year
    ("（2031年6月26日云溪市第五届人民代表大会常务委员会第九次会议通过　2031年9月25日云溪省第十四届人民代表大会常务委员会第八次会议批准）",
     "2031-09-25"),
    # in Chinese numerals
    ("（二〇三一年六月二十六日云溪市第五届人民代表大会常务委员会第九次会议通过）", "2031-06-26"),
])
def test_a_regulation_is_dated_by_the_note_under_its_title(note, date):
    text = ("云溪市河道保护条例\n" + note + "\n第一章 总则\n第一条 为了保护河道，制定本条例。\n第二条 本市河道保护适用本条例。\n"
            "第三条 市人民政府负责组织实施。\n第四条 本条例自2032年1月1日起施行。")
    d = read_text(text, extract=False)[0]
    assert (d.kind, d.year, d.date) == ("regulation", 2031, date)


_DISCLOSED = """首页 > 政务公开 > 政策文件
索引号：000000/2031-00041    主题分类：工业
发布机构：明澜区人民政府        发文日期：2031年04月08日
标题：{t}
文号：明政发〔2031〕12号        发布日期：2031年04月10日
{t}
各镇人民政府、街道办事处，区各委办局：
为加快产业转型升级，现将有关事项明确如下。
一、对企业购置智能设备的，按设备投资额的10%给予补助，单个企业最高300万元。
明澜区人民政府
2031年4月8日
"""


@pytest.mark.parametrize(("title", "kind"), [
    # a government's policy paper under its 文号 row is a regulation whatever its genre word
    ("明澜区小微企业融资服务指引", "regulation"),
    ("明澜区促进消费十条", "regulation"),
    ("明澜区2031年工作要点", "regulation"),
    # a reply, a bulletin or a decision on one matter is not
    ("明澜区人民政府关于同意设立明澜产业园的批复", "other"),
    ("明澜区关于2030年度安全生产工作考核结果的通报", "other"),
])
def test_a_policy_paper_under_its_document_number_is_a_regulation(title, kind):
    d = read_text(_DISCLOSED.format(t=title), extract=False)[0]
    assert (d.title, d.kind) == (title, kind)


# A standing committee's page: its name over a breadcrumb, the 公告 promulgating the 条例, then the 条例
# under its own heading. The page files the 条例 under its own title, never the committee's name.
@pytest.mark.parametrize("site", ["云溪市人大常委会", "云溪市人大", "溪北县人大常委会门户网站"])
def test_a_regulation_behind_its_committee_notice_takes_its_own_title(site):
    page = (f"{site}\n首页 > 法规规章 > 地方性法规\n\n云溪市人民代表大会常务委员会公告\n（第九号）\n\n"
            "《云溪市文明养犬条例》已由云溪市第五届人民代表大会常务委员会第十二次会议于二〇三一年六月二十日通过，"
            "云溪省第三届人民代表大会常务委员会第八次会议于二〇三一年九月二十日批准，现予公布，自二〇三二年一月一日起施行。\n\n"
            "云溪市人民代表大会常务委员会\n二〇三一年十月八日\n\n云溪市文明养犬条例\n\n"
            "第一条　为了规范养犬行为，维护公共秩序，制定本条例。\n第二条　本条例适用于本市城市建成区。\n"
            "第三条　市人民政府负责组织实施本条例。\n")
    (d,) = read_text(page, extract=False)
    assert (d.title, d.kind) == ("云溪市文明养犬条例", "regulation")


# A portal's menu run together (its spaces lost), opening with 首页: site furniture, never the title.
@pytest.mark.parametrize("menu", ["首页政务公开政策文件政务服务互动交流", "首页 政策文件 机构设置 办事指南 走进溪北",
                                  "网站首页通知公告政策解读便民服务"])
def test_a_run_together_portal_menu_is_never_the_title(menu):
    page = (f"溪北县人民政府门户网站\n{menu}\n位置：首页 >> 政务公开 >> 政策文件\n\n溪北县农村公路养护管理办法\n\n"
            "时间：2031-05-20　　来源：县交通运输局\n\n第一条　为规范农村公路养护管理，制定本办法。\n"
            "第二条　本办法适用于本县行政区域内的农村公路。\n第三条　县交通运输局负责组织实施本办法。\n")
    (d,) = read_text(page, extract=False)
    assert (d.title, d.kind) == ("溪北县农村公路养护管理办法", "regulation")


@pytest.mark.parametrize(("line", "refused"), [
    ("云溪省人民代表大会常务委员会副主任林明远", True), ("云溪市中级人民法院院长王明", True), ("明澜区人民检察院检察长李华", True),
    ("全国人民代表大会常务委员会委员长王明远", True),
    ("明澜区人大常委会主任会议召开", False), ("云溪市人民法院院长接访日", False), ("明澜区人大常委会主任调研", False),
])
def test_a_report_speakers_line_is_no_title_but_a_headline_about_the_office_is(line, refused):
    assert titles.never_title(line) is refused


# A page's headline printed again over the article, with the date and 来源 row between: one title, and
# the row dates the item.
@pytest.mark.parametrize("row", ["2031年03月24日 13:26 来源：云溪新闻网 参与互动", "2031-03-24 13:26 来源：云溪日报"])
def test_a_headline_printed_twice_around_its_date_row_dates_the_item(row):
    head = "云溪市人大常委会工作报告全文播发"
    page = (f"{head}\n{row}\n{head}\n云溪日报讯 3月24日，云溪市人大常委会工作报告全文播发。报告共分三个部分：过去一年的主要工作；"
            "今后一年工作的建议。报告说，今年是全面落实规划的关键之年。\n【编辑：王明】\n")
    (d,) = read_text(page, extract=False)
    assert (d.title, d.kind, d.date) == (head, "news", "2031-03-24")
