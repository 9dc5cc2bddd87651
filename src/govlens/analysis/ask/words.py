"""The words a question is read with: operation cues, kinds, levels, orders, everyday measure words.

Tables, not branches: each row is (what it means, the pattern that says it), tried in order, and
``tests/test_ask_plan.py`` runs an example question for each row. Words that documents use too
(qualifiers, metric synonyms, plan names) come from the lexicon / indicator tables, not from here.
"""

from __future__ import annotations

import re

from ...lexicon.load import rows as _rows
from ...lexicon.words import PLAN_NAMES as _PLAN_NAMES
from ...lexicon.words import PLAN_NAMES_BARE as _PLAN_NAMES_BARE
from ...lexicon.words import PLAN_START as _PLAN_START
from ...lexicon.words import QUALIFIER_AFTER_CHANGE_RX, QUALIFIER_BEFORE_RX, YEAR_ANY

YEAR = YEAR_ANY
YEAR_Q = re.compile(rf"({YEAR})年")
# 2019年到2024年, 2019—2024年, 2019至2024年, 从2019年至2024年
RANGE_Q = re.compile(rf"({YEAR})年?\s*(?:到|至|—|–|-|~|～)\s*({YEAR})(?:年|(?!\d))")
# A five-year plan named in the question (the lexicon's plans.tsv): in quotes (“七五”, “十五”), or bare when
# the table says a bare name is one (十四五时期, 第一个五年计划); 十五五 bare too (十五 alone is fifteen)
PLAN_Q = re.compile(rf"[“\"]({_PLAN_NAMES})[”\"]|({_PLAN_NAMES_BARE}|十五五)")
PLAN_START = dict(_PLAN_START)
RECENT_Q = re.compile(r"(?:近|最近|过去)([一二三四五六七八九十\d]+)年")
CN_SMALL = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
RELATIVE_YEAR = re.compile(r"今年|去年|明年|上年(?!度)|本年")  # a year known only from a place's latest report
CUMULATIVE_Q = re.compile(r"累计|总共|一共|共计|合计|总计")  # 2019年以来累计…多少: one cumulative figure
SINCE_Q = re.compile(rf"({YEAR})年以来")
# a range asked for a difference (从2013年到2016年增长了多少) is a change, not a trend
RANGE_CHANGE_Q = re.compile(r"(?:增长|增加|减少|下降|提高|变化|多)了?多少|从多少[^，。？]{0,6}?(?:到|至)多少")

# Operation cues, first match wins (the order matters: a glossary question may hold 哪些, a
# tracked target 目标, a comparison 哪个). ``places`` is how many named places the row needs.
OPERATION_CUES: list[tuple[str, re.Pattern[str], str]] = [
    ("glossary_count", re.compile(r"(?:名词解释|名词注释|注释|注解|词条).*(?:多少|几)(?:条|个|项|则)?(?:词条)?[？?]?$"
                                  r"|(?:多少|几)(?:条|个|项)(?:名词解释|名词注释|注释|注解|词条)|解释了?(?:多少|几)个(?:名词|词|术语)"
                                  r"|(?:名词解释|名词注释|注释)[^，。？]{0,4}第[一二三四五六七八九十\d]+(?:条|个|项)"),
     "报告的名词解释有多少条？"),
    ("two_documents", re.compile(r"(?:条例|办法|规定|细则)[》”]?(?:和|与|跟|及)[^，。？]*(?:条例|办法|规定|细则)[》”]?[，,]?(?:哪个|哪一个|谁)"
                                 r"(?:先|更早|早|后|更晚|晚|条数|条文|条)?"),
     "云溪市绿色出行促进条例和雾川市文明养犬条例，哪个先施行？"),
    ("articles", re.compile(r"(?:条例|办法|规定|细则|法)[》”]?(?:一共|总共|共计|共)?(?:有|包括|包含|分为)?(?:多少|几)[条章][？?]?$"),
     "云溪市绿色出行促进条例一共有多少条？"),
    ("date", re.compile(r"(?:哪天|哪一天|哪日|何时|什么时候|什么时间|哪年哪月|几月几[日号]|哪个日期)(?:起|开始)?(?:正式)?(?:施行|实施|生效|执行)"
                        r"|(?:施行|实施|生效)(?:日期|时间)"
                        r"|(?:哪天|哪一天|哪日|何时|什么时候|什么时间|几月几[日号])(?:由[^，。？]{0,20})?(?:通过|批准)的?[？?]?$"
                        r"|(?:通过|批准)(?:日期|时间)"),
     "云溪市绿色出行促进条例从哪天起施行？"),
    ("glossary_list", re.compile(r"指(?:的是)?哪些|包括哪些|包含哪些|(?:覆盖|涵盖)(?:了)?哪些|是指哪|有哪些内容|(?:是|指)哪[几一二两三四五六七八九十]+[个项条种类张部所家大](?=[？?]?$)"
                                 r"|[一二两三四五六七八九十]大[\u4e00-\u9fff]{2,8}(?:是|有|分别是|包括)哪些[？?]?$"),
     "两重指哪些？"),
    ("fine", re.compile(r"(?:条例|办法|规定|细则)[》”]?.*(?:罚(?:款)?(?:多少|几)|罚多少钱|多少元(?:以下|以上)?的?罚款|罚款(?:标准|数额|金额)?(?:分别|各)?(?:是|为)?(?:多少|几)"
                        r"|(?:怎么|如何|怎样)(?:处罚|罚)|(?:给予|受到)?(?:什么|哪些|何种)处罚|处罚(?:标准)?(?:是什么|有哪些|是多少))"),
     "云溪市绿色出行促进条例规定，乱停共享单车罚多少钱？"),
    ("documents", re.compile(r"多少篇|几篇|多少份|几份|(?:库|数据库|资料库)[^，。？]{0,8}(?:多少|几)(?:部|个|条)"),
     "库中有多少篇政府工作报告？"),
    ("track", re.compile(r"目标.*?(?:实际|完成|实现)(?:了|得|的|情况)?(?:是)?(?:多少|怎么样|如何)|完成了吗|实现了吗|达到了吗|(?:实现|完成|达到)目标了吗|目标(?:实现|完成|达到)了吗|完成情况|完成没有|实现了没有|达到了没有|完成了没有|有没有完成|有没有实现|是否完成|是否实现|是否达到|是否达标|达标了吗|达标没有|完成得怎么样|完成得如何|实现情况"
                         r"|目标(?:是|为)[^，。？]*[，,].*(?:实际|最终|结果)"
                         r"|(?:是否|有没有|有无)(?:如期|按期|顺利|全面|超额)?(?:完成|实现|达到|达成|控制在|保持在)"
                         r"|(?:完成|实现|达到)得(?:好|怎么样|如何)|超额完成|实际[^，。？]{0,12}比目标(?:高|低|多|少|快|慢)"
                         r"|是否(?:控制|保持)在目标|(?:控制|保持)在目标(?:以内|之内|内|范围内)了?吗|是否(?:超过|低于|高于|突破)了?目标|(?:超过|达到|完成)目标了?吗"),
     "2023年全国GDP增长目标完成了吗？"),
    ("items", re.compile(r"(?:多少|几)(?:件|项|个|类|批)(?:[^，。？]{0,6})(?:实事|事项|工程|项目|行动|任务|一件事)"
                         r"|(?:实事|事项|一件事|项目|工程)(?:清单|名单|目录)?(?:一共|共|总共|合计|共计)?(?:有|列了|列有|包括|包含)?(?:多少|几)(?:件|项|个)"),
     "江苏省2026年要办好多少件民生实事？"),
    ("project", re.compile(r"总投资|计划投资|投资总额|项目.*(?:投资|多少亿)"), "某项目计划总投资多少？"),
    ("trend", re.compile(r"历年|逐年|趋势|这几年|近几年|怎么变化|如何变化|变化情况|走势|各年|(?:\d{4}|[一二三四五六七八九〇零]{4})年以来(?![^，。？]*(?:累计|总共|一共|共计|合计))|的变化|变化$|(?:近|最近|过去)[一二三四五六七八九十\d]+年(?![^，。？]*(?:累计|总共|合计|共计|年均|平均每年|每年平均))"),
     "全国国内生产总值增速2019年到2024年怎么变化？"),
    ("change", re.compile(rf"比(?:上年|去年|前一年|(?:{YEAR})年)?(?:增加|减少|增长|下降|提高|降低|增产|减产|多|少)了?多少"
                          rf"|比(?:上年|去年|前一年|(?:{YEAR})年)(?:的)?(?:高|低|快|慢)了?多少|相比.*(?:增加|减少|变化|多|少)了?多少"
                          r"|变化了?多少|增加了?多少|减少了?多少"),
     "海拉尔区2016年地区生产总值比2014年增加了多少？"),
    ("rank", re.compile(r"(?:高|低|快|慢)(?:了|出)?多少|相差|哪个|哪些|哪一个|谁|最高|最低|最多|最少|最快|最慢|排名|排序|排第|前[三五十]"),
     "2026年哪个省地区生产总值增长目标最高？"),
]

# The members a sentence names asked for: "<verb>哪几个/哪N个<noun>" (重点发展哪几个产业, 加快建设哪两个片区)
MEMBERS_Q = re.compile(r"(?P<v>[\u4e00-\u9fff]{2,8})哪(?P<n>几|[两二三四五六七八九十])(?:个|项|类|种|大|片|座)"
                       r"(?P<noun>[\u4e00-\u9fff]{2,6})[？?]?$")

# When something happened, asked of running text (网站英文版是哪天正式开通的, 要求在什么时候前完成): the subject
# before the time word, the verb after it
EVENT_Q = re.compile(r"(?P<s>[^，。？?]{2,40}?)(?:是|于|在|要求在|需要在|要在|应在)?(?:哪天|哪一天|哪日|什么时候|何时|什么时间|哪年哪月|几月几[日号])"
                     r"(?P<before>之?前)?(?:正式|开始|全面|全部)?(?P<v>[\u4e00-\u9fff]{2})的?[？?]?$")

# Two years' counts of one thing compared (今年要办的民生实事比去年完成的多几件): the earlier year, the unit
COUNT_CHANGE_Q = re.compile(rf"比(?P<y>去年|上年|上一年|(?:{YEAR})年)[^，。？]{{0,8}}?(?:多|少|增加|减少)了?(?:几|多少)(?P<u>件|项|个|家|所)")

# Which one in a numbered series (主持召开的是第几次区委常委会会议): the unit and the thing numbered
ORDINAL_Q = re.compile(r"第几(?P<u>次|届|批|期)(?P<noun>[\u4e00-\u9fff]{2,12}?)(?:会议)?[？?]?$")

# A question asking what a term means or covers; the term is quoted (“四库”指什么) or follows 什么是.
# STRICT cues never ask for a figure, so they read a term even when a place and a year are named
# (云溪市2026年报告里的“三库”具体指哪些); a bare 是什么 does so only for a quoted term or a question
# with no year (2026年增长目标是什么 asks for a figure).
DEFINE_STRICT = re.compile(r"(?:是)?(?:指什么|指的是什么|是什么意思|什么意思|含义是什么|的含义|(?:具体)?(?:是)?指哪些|(?:具体)?包括哪些"
                           r"|(?:具体)?包含哪些|(?:覆盖|涵盖)(?:了)?哪些|(?:具体)?(?:是指?|指|包括|包含|分为|涵盖)哪(?:[几一二两三四五六七八九十]+)(?:个|种|类|项|条|大|张|部)?(?:方面|颜色|部分|领域|内容|环节|类别|要素|主体|层面|维度|[\u4e00-\u9fff]{0,2})(?=[？?]?$)|(?:是)?(?:怎么|如何|怎样)定义(?:的)?|(?:具体)?是指哪[些个]?|有哪些内容|具体内容是什么)")
# a named set (四大主导产业, 五大新兴产业) asked for its members: the set's name before 是哪些
DEFINE_SET = re.compile(r"(?P<t>[一二两三四五六七八九十]大[\u4e00-\u9fff]{2,8}?)(?:是|有|分别是|包括)哪些[？?]?$")
DEFINE_Q = re.compile(rf"{DEFINE_STRICT.pattern}|是什么|是啥")
# after a quoted name, 是哪些 / 有哪些 asks its members too (“七张名片”是哪些)
DEFINE_AFTER_QUOTED = re.compile(rf"{DEFINE_Q.pattern}|(?:分别|都|具体)?(?:是|有)哪些")
DEFINE_BEFORE = re.compile(r"(?:什么是|什么叫|何为|何谓)")
# Words saying a term was read in a document (报告中的, 提到的): a bare 是什么 after them asks for the term
TERM_READ_IN = re.compile(r"(?:报告|文件|文中|条例|讲话)(?:中|里|里面)?(?:所说|提到|提出|说)?的")
QUOTED_TERM = re.compile(r"[“\"「『]([^”\"」』]{1,30})[”\"」』]")
# after a quoted term, the parts it names asked for (“三清”工程里的3类对象是哪些, “两库”中的两个库分别是什么)
PARTS_OF_TERM = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:里|中|当中)?的?[\d一二两三四五六七八九十]+(?:类|个|项|种|大|条|张)"
                           r"[\u4e00-\u9fff]{1,4}(?:分别)?(?:是|有|包括|指)(?:哪些|哪几[个类项种]?|什么)[？?]?$")
# The words before a term that only say where it was read (报告中的, 所称的, 提出的): not part of the term.
TERM_SOURCE = re.compile(r"^.*?(?:名词解释|名词注释|注释|报告|文件|文中|条例|办法|规定|意见|纲要|规划)(?:中|里|里面|后面)?"
                         r"(?:所称|所说|提到|提出|说|讲)?的?|^.*(?:所称|所说|提到|提出)的?")

# Several places with one of these is a comparison; its winner is asked when ORDER matches.
COMPARE_Q = re.compile(r"哪个|哪一个|谁|更高|更低|更多|更少|更快|更慢|高于|低于|相比|对比|比较|分别|各是|各自|和|与|、")
PLACE_JOIN = re.compile(r"和|与|、|及|同|跟|以及|还是|或|，|,|(?:\d{4}年)?(?:的)?[^，。？]{0,12}?(?:比|较|相比|对比)")
COMPARE_WORDS = re.compile(r"哪个|哪一个|谁|分别|各是|各自|对比|相比|比较|更高|更低|更多|更少|更快|更慢|高于|低于|差距|相差")
ORDER_LOW = re.compile(r"最低|最少|最慢|更低|更少|更慢|低于|垫底|排名最后|排在最后|最后一|末位|倒数")
ORDER_HIGH = re.compile(r"最高|最多|最快|更高|更多|更快|高于|排名|排第|前[三五十]")

KIND_CUES: list[tuple[str, re.Pattern[str]]] = [
    # 计划 of a plan's name (第一个五年计划期间, 五年计划时期) names a span, not a target
    ("target", re.compile(r"目标|预期|(?<!五年)计划(?!期间|时期)|力争|打算|要达到|定为|安排|拟按|拟安排")),
    ("forecast", re.compile(r"预计")),
    ("actual", re.compile(r"实际|累计完成|完成了|实现了|达到了|结果|最终|全年.{0,4}(?:是|为)多少|比上年|同比|增长了|增加了")),
]
# Said of an outcome in so many words; 增长了/比上年 alone may be the question's own operation (比2024年增加了多少).
ACTUAL_SAID = re.compile(r"实际|完成了|实现了|达到了|结果|最终|完成数|完成情况")
# A measure that is a number of stated items (民生实事件数, 重点项目个数): ranked by the count each report states.
COUNTED = re.compile(r"(民生实事|实事|重点项目|重大项目|民生工程)(?:的)?(?:件数|个数|项数|数量|数目|数)?$")
COUNTED_NOUN = re.compile(r"民生实事|实事|重点项目|重大项目|民生工程")  # the same nouns anywhere in the measure
# A question about a list as written (清单一共列了几项, 附件列出多少条): its numbered items are counted.
LIST_Q = re.compile(r"清单|列了|列有|列出|列入|附件|附表")
# The thing counted, named right after (多少个实践站) or right before (小巨人企业有几家) the question
# word at the end of the question: that is the measure when the synonym table knows none.
COUNT_UNIT = r"(?:个|家|件|项|名|位|所|处|座|条|户|次|批|类|台|辆|套|张|部|艘|架|亩|公里|万人|人次|人)"
COUNTED_AFTER = re.compile(rf"(?:多少|几){COUNT_UNIT}(?P<n>[\u4e00-\u9fff“”\"]{{2,14}})[？?]?$")
COUNTED_BEFORE = re.compile(rf"(?P<n>[\u4e00-\u9fff“”\"]{{2,14}}?)(?:有|共有|一共有|总共有|达到|达)?(?:多少|几){COUNT_UNIT}[？?]?$")
# Several things asked at once, each answered alone (a table: form, pattern, example):
# * a list after the question word: 多少个分中心、实践站和实践点 -> 多少个分中心 / 多少个实践站 / 多少个实践点
# * a part asked after the whole: 多少家专精特新企业，其中“小巨人”有几家 -> the whole / the part
SPLITS: list[tuple[str, re.Pattern[str], str]] = [
    ("list", re.compile(rf"^(?P<pre>.*?(?:多少|几){COUNT_UNIT})(?P<list>[\u4e00-\u9fff]{{2,10}}(?:、[\u4e00-\u9fff]{{2,10}})*"
                        r"(?:和|及|与|、)[\u4e00-\u9fff]{2,10})(?P<post>[？?]?)$"),
     "明澜区一共建成了多少个服务中心、服务站和服务点？"),
    ("part", re.compile(r"^(?P<a>[^，,；;]*?(?:多少|几)[^，,；;]*)[，,；;]\s*其中(?P<b>[^，,；;]*(?:多少|几)[^，,；;]*)$"),
     "明澜区累计培育了多少家科技企业，其中高新技术企业有几家？"),
    ("pair", re.compile(r"^(?P<pre>(?:.*?(?:[后的里]|中(?!央)|\d年))?)(?P<x>[\u4e00-\u9fff]{2,6})(?:和|与|及)(?P<y>[\u4e00-\u9fff]{2,6})"
                        r"分别(?:是|为|有)?多少(?P<post>[？?]?)$"),
     "明澜区青禾产业园项目建成后年营收和年利税分别是多少？"),
    ("two", re.compile(r"^(?P<a>[^，,；;？?]*?(?:多少|几)[^，,；;？?]*)[，,；;？?]\s*(?P<b>[^，,；;？?]*?(?:多少|几)[^，,；;？?]*?)[？?]?$"),
     "明澜区要建设多少个口袋公园，安排资金多少？"),
]
# What is left of a second asked part once its question words go: less than a word, and it asks more
# of the first part's figure (是多少，增长了多少), not a second figure.
ASK_ONLY = re.compile(r"多少|几|是|为|有|了|达到|增长|增加|减少|提高|下降|分别|一共|共|比上年|同比|[？?\s]")
# A question word that names two parts, each stated on its own (城乡居民收入: 城镇…, 农村…).
PAIRED: list[tuple[str, tuple[str, str]]] = [("城乡", ("城镇", "农村"))]
# A name right before the first year that the library does not know as a place (火星2025年…): the
# question is about a place it does not hold. Words that often start a question are no place.
LEADING_NAME = re.compile(r"^(?:请问)?(?P<n>[\u4e00-\u9fff]{2,8}?)(?:的)?(?:\d{4}|[〇零一二三四五六七八九]{4})年")
NOT_A_PLACE = re.compile(r"^(?:请问|请|全国|我国|国家|中国|全省|全市|全区|全县|今年|去年|明年|上年|本年|截至|截止|从|自|在|到|于|"
                         r"比较|对比|列出|列举|说说|说明|介绍|告诉|查询|查一下|看看|统计|计算|问|那么|那|关于|按照|根据|政府|报告)")
# A measure named as a region's (地区生产总值): no place named does not mean the nation's figure.
REGIONAL_MEASURE = re.compile(r"地区生产总值|^地区|^地方(?!政府)")
# An investment asked of something that is no known measure (公路客运总站投资多少)
INVEST_Q = re.compile(r"投资(?:了|额|金额|规模)?(?:是)?(?:多少|几)")
WHICH_YEAR = re.compile(r"哪一年|哪个年份|哪些年|哪年")  # the years of one place ranked
# 完成情况 over a range of years with no target named asks what each year did (the outcomes), not a verdict
DONE_OVER_YEARS = re.compile(r"(?:完成|实现|执行)情况")
TARGET_NAMED = re.compile(r"目标|计划|预期|任务")
AVERAGE_Q = re.compile(r"年均|平均每年|每年平均")  # a yearly average asked: a figure stated as one answers first

# A span's 年均 rate read under an odd name (区内生产总值跨越800亿元大关，年均增长6.1%: metric 区内生产总值跨越, or
# none): the rate (SPAN_RATE, {v} its figure) kept when the clause holding it, or the one before it, opens with the
# asked measure after an area word (全省, 全市) — at most one comma or 顿号 between the name and the rate.
SPAN_RATE = r"[，、]?年均(?:增长|增速|提高)(?:为|达)?{v}"
SPAN_RATE_AREA = re.compile(r"^(?:全省|全市|全区|全州|全县|全国|我省|我市|我区)")
EACH_YEAR = re.compile(r"(?<!平均)每年|各年|逐年|历年|分别|各是|依次")  # a figure for each year of a period (平均每年 is one average)
# The rest of an organisation's name right after a place (上海|抚佳精细化工有限公司, 江苏|银行)
ORG_NAME = re.compile(r"[\u4e00-\u9fffA-Za-z]{0,12}?(?:有限责任公司|有限公司|股份公司|公司|集团|银行|大学|学院|研究院|研究所)")
# Around a known measure's name, words that make it a qualifier of another measure: 占 before it (X占国内
# 生产总值比重), or a share or rate after it (对全球经济增长的贡献率). Tested as "<char before>|<text after>".
MODIFIER_OF = re.compile(r"^占\||^[^|]?\|(?:中所占|中|所占)?(?:的)?(?:比重|占比|贡献率|比例|份额|拉动)")
# A figure the question states for the places to have (哪些省份的目标是5%左右): a filter, not a top place
FIGURE_STATED = re.compile(rf"(?:是|为|定为|定在|达到|都是)(?:增长)?(?P<v>\d+(?:\.\d+)?)\s*(?:%|％)(?P<q>{QUALIFIER_AFTER_CHANGE_RX})?"
                           r"(?=[^，。？\d]{0,6}[？?]?$)")
# What kind of document a count of the library's documents asks about (kind as stored)
DOC_KINDS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"工作报告"), "work_report"),
    (re.compile(r"新闻发布会|发布会|实录|答记者问"), "press"),
    (re.compile(r"条例|法规|规章|办法|决定"), "regulation"),
    (re.compile(r"报纸|报道|新闻稿|版面"), "news"),
]
# A position asked in a ranking: 排第二, 排在各省第二位, 第三高, 位列第二
NTH_Q = re.compile(r"(?:排|位列|位居|居)(?:在)?(?:[^第，。？]{0,6})?第([一二两三四五六七八九十\d]+)(?:位|名)?"
                   r"|第([一二两三四五六七八九十\d]+)(?:高|低|多|少|快|慢|大|小)")
CN_SMALL = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
CN_ORD = "〇一二三四五六七八九十"  # 第三: a rank written in Chinese
LEVEL_Q = re.compile(r"哪(?:个|些|一个)(省|市|区|县)|各(省|市|区|县)|(省|市|区|县)(?:中|里|之中)")
LEVELS = {"省": "province", "市": "city", "区": "district", "县": "county"}
NATION_Q = re.compile(r"全国|我国|国家|中国")
# A level asked (地区生产总值总量是怎么增长的): the series or figure is the level, not its growth rate.
# Both the level and its growth asked (地区生产总值和增速): the level is plotted, both are written
LEVEL_AND_RATE = re.compile(r"(?:总量|规模|总额)?(?:和|及|与|以及)(?:其)?(?:增速|增幅|增长率|增长速度)")
LEVEL_WORDS = re.compile(r"总量|规模|总额|总值是多少|达到多少|是多少亿|多少亿元|多少万亿")
RATE_WORDS = re.compile(r"增速|增幅|涨幅|增长率|速度")  # a rate, not a level
CHANGE_WORDS = re.compile(r"增长|增速|增幅|涨幅|提高|下降|上涨|增加|减少|降低|增产|减产|同比|比上年")

# Everyday words for a measure, only for reading questions (in documents they are too loose).
ASK_ALIASES = [("就业", "new_jobs"), ("失业率", "unemployment_surveyed"), ("经济增速", "gdp"), ("经济", "gdp"),
               ("财政", "budget_revenue"), ("外资", "foreign_investment_actual"), ("收入", "disposable_income"),
               ("物价", "cpi"), ("CPI", "cpi"), ("GDP", "gdp")]

# What is left of a question once place, time and question words are gone is the measure asked about.
# 过去五年, 这五年来: a span named by its length, time and never part of a measure (高速公路里程过去五年增加了)
RECENT_SPAN = r"(?:近|最近|过去|这)[一二三四五六七八九十\d]+年(?:来|间|里)?"
# a measure named with the change it underwent (粮食增加, 煤炭减少): a difference, never the level asked
DIFFERENCE_NAME = re.compile(r"(?:增加|减少|增长|下降|提高|降低)了?$")
NOT_MEASURE = re.compile(
    rf"[“\"]{_PLAN_NAMES}[”\"]|{_PLAN_NAMES_BARE}(?=期间|时期|计划|规划|末|以来)|(?:{YEAR})年?|十[一二三四五]五|今年|去年|上年|明年|全国|我国|国家|全省|全市|全区|全年|"
    r"比(?=(?:\d{4}|上|去|前一)年)|分别|各是|各自|相比|对比|比较|哪个|哪一个|哪些|谁|更高|更低|更多|更少|更快|更慢|最高|最低|最多|最少|最快|最慢|"
    r"(?:是|有)?多少(?:家|个|件|项|名|位|所|套|张|条|次|人|天|亿元|万元|元)?|几(?:家|个|件|项|名|位|所|套|张|条|次|天)|百分之几|百分之多少|是什么|是否|完成了吗|实现了吗|达到了吗|完成情况|目标|预期|计划|实际|完成|预计|怎么变化|如何变化|"
    r"变化|趋势|历年|逐年|增长了|增长|增速|增幅|涨幅|提高|下降|上涨|增加|减少|排名|省份|城市|到|至|期间|时期|年均|"
    rf"是?怎(?:么|样)(?:样)?(?:的)?|如何|有何|安排|拟按|拟安排|以来|至今|{RECENT_SPAN}|"
    r"[的了吗呢？?。，、“”和与及\s—\-~～]")
WHOSE = re.compile(r"(?:城乡|城镇|农村|全体|常住)?(?:居民)?(?:人均)?(?:可支配)?")
GENERIC_TAIL = re.compile(r"(?:规模|总量|总额|数量|情况|水平|金额|数)$")
STOP = {"多少", "什么", "哪个", "哪些", "是否", "情况", "目标", "完成", "今年", "去年", "吗", "分别", "实际"}

# A target stated in the question: 目标是7.5%, 目标为增长6%左右, 目标定在3%以内
# A target the question states, as a table of the forms before its figure (form, pattern, example):
# * named: 目标是7.5%, 计划增长6%左右, 增长5%的目标
# * as a verb: 要达到46亿元，这个目标…, 预计达到700万人次，实际…, 突破60亿元的目标… (``verb``: kept only
#   when an outcome is asked after it, see plan.read)
TARGET_UNITS = r"%|％|个百分点|百分点|万人次|万人|亿美元|万亿元|亿元|万元|亿斤|万吨|万户|万亩|万个|个|家|项|件|所|公里"
STATED_TARGET_FORMS: list[tuple[str, str, str]] = [
    ("named", r"(?:目标|计划|预期)[^，。？\d]{0,12}?(?:是|为|定为|定在|设定为)?"
              r"|(?<=[增长提高下降控制在])(?=[\d.]+\s*(?:%|％|个百分点)[^，。？]{0,4}的(?:预期)?目标)",
     "明澜区2023年经济增长目标是7.5%，实际增长了多少？"),
    ("verb", r"(?P<verb>(?:要|需要|力争|计划|预计|预期)?(?:达到|实现)|(?=(?:突破|超过)\d))",
     "云溪县2019年游客人数要达到80万人次，这个目标完成了吗？"),
]
STATED_TARGET = re.compile(
    "(?:" + "|".join(f"(?:{rx})" for _n, rx, _e in STATED_TARGET_FORMS) + ")"
    r"(?P<fig>(?:增长|提高|下降|控制在)?(?:在)?"
    rf"(?P<q1>{QUALIFIER_BEFORE_RX}|力争)?(?P<v>(?!\d{{4}}年)\d+(?:\.\d+)?)(?![\d.]*年)(?:\s*[-—–~至到]\s*(?P<v2>\d+(?:\.\d+)?))?"
    rf"\s*(?P<u>{TARGET_UNITS})?(?P<q2>{QUALIFIER_AFTER_CHANGE_RX})?)")
# After a target stated as a verb (要达到46亿元), what asks for its outcome: 实际, 最后完成了多少, 这个目标完成了吗,
# 的目标达到了吗
OUTCOME_ASKED = re.compile(r"实际|最终|最后|结果|目标[^，。？]{0,4}(?:完成|实现|达到|达成)|(?:完成|实现|达到|达成)了(?:吗|没有|多少)")
# One measure the reports word in several ways, none of them in the metric table: when the asked wording
# finds nothing, the others are tried in turn (pattern the asked measure matches whole, the wordings, example;
# rows in lexicon/data/ask_measure_variants.tsv).
MEASURE_VARIANTS: list[tuple[re.Pattern[str], tuple[str, ...], str]] = [
    (re.compile(rx), tuple(names.split(",")), example) for rx, names, example in _rows("ask_measure_variants.tsv")]


def measure_variants(measure: str | None) -> list[str]:
    """The other wordings of ``measure`` (MEASURE_VARIANTS), or none."""
    for rx, names, _example in MEASURE_VARIANTS:
        if measure and rx.fullmatch(measure):
            return [n for n in names if n != measure]
    return []


# One year's figure placed within a series the question names (2014年的56.4亿元排第几高, 2013年位列第几):
# the year, and low when the order asked is from the bottom
# words between a year and what is asked of it: no other year, but a range may stand there (在2015年到2020年间)
_NO_YEAR_GAP = r"(?:\d{4}年?(?:到|至|—|-)\d{4}年|(?!\d{4}年)[^，。？]){0,24}?"
RANK_IN_SERIES = re.compile(rf"(?<![到至—\-\d])({YEAR})年{_NO_YEAR_GAP}(?:排|居|位列|位居|排在|排名)(?:第)?几(?P<o>高|低|多|少|大|小|位|名)?"
                            rf"|(?<![到至—\-\d])({YEAR})年{_NO_YEAR_GAP}第几(?P<o2>高|低|多|少|大|小)")
# What a question asking a place's stated rank says (在全国排第几, 居全国第几位, 排名多少)
RANK_OF_ONE = re.compile(r"(?:排|居|位居|位列|排名|名列)(?:在)?(?:全国|全省|全市|全区)?(?:的)?第几|排名(?:第)?(?:多少|几)|第几(?:位|名)"
                         r"|(?:全国|全省|全市|全区|全州)(?:排|居|排名)?第几")  # 税收收入增速全国第几


# A question asking a change over the year before with one year named (2025年比上年增加了多少)
SINCE_LAST_YEAR = re.compile(r"比上年|比去年|较上年|较去年|比前一年")


# Words that set two measures of one name apart: a question with one and a figure's measure with the other
# (and not the first) are not the same thing. Each row (lexicon/data/ask_rival_words.tsv): the two words and an
# invented question and measure.
RIVAL_WORDS: list[tuple[str, str, str, str]] = [(a, b, q, m) for a, b, q, m in _rows("ask_rival_words.tsv")]


def rival(question: str, metric: str) -> bool:
    """Whether ``metric`` is the other measure of a RIVAL_WORDS pair the question names one side of."""
    for a, b, *_ in RIVAL_WORDS:
        for mine, other in ((a, b), (b, a)):
            if mine in question and other not in question and other in metric and mine not in metric:
                return True
    return False


# A figure in parts (一产/二产/三产 of 地区生产总值, 城镇/农村 of 城乡居民收入): a ranking question naming the
# family or two of its parts, with one place named, ranks the parts its sentence gives a figure each. Each row:
# the parts (each with the names a sentence writes it by), the family's compound name, an invented question
# (rows in lexicon/data/ask_part_families.tsv).
PART_FAMILIES: list[tuple[tuple[tuple[str, ...], ...], str, str]] = [
    (tuple(tuple(part.split("|")) for part in parts.split(";")), compound, example)
    for parts, compound, example in _rows("ask_part_families.tsv")]


def part_family(q: str) -> tuple[tuple[str, ...], ...] | None:
    """The parts a question ranks: its family's compound name, or two or more of the parts named."""
    for parts, compound, _example in PART_FAMILIES:
        if re.search(compound, q) or sum(any(n in q for n in names) for names in parts) >= 2:
            return parts
    return None
