"""Relations stated in one paragraph of prose, and their verdicts.

Each ``check_*`` function takes the paragraph text and its quantities and returns :class:`Issue` objects (code,
severity, message, expected, found, offset); the caller locates them (``jixiao lint``: paragraph / line; ``jixiao
check``: the YAML line of the narrative field). A relation is only judged when its words make it unambiguous; a
sentence that could be read as consistent is never flagged.
"""
from __future__ import annotations

from ..lazyre import re
from collections import Counter
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache

from ..domain.budget import COMPLETE_SPLITS, COMPLETE_WORDS, ECONOMIC_CLASSES, FIXED, FUND_KINDS
from ..domain.execution import PASSED, STAGE_LABELS, STAGE_WORDS, stage_of
from ..domain.scoring import INDICATOR_KINDS, LEVEL_ONE, OUTPUT_KINDS
from ..domain.staffing import POST_KINDS, STAFF_KINDS
from ..model import CATEGORIES
from ..domain.tolerance import ROUNDING_NOTE, half_unit
from ..findings import ERROR, WARNING, Finding, TextSpot
from ..rules import Rule
from .arith import Kind, Verdict, kind_of, like, num_text, pct_text, ratio_verdict, sum_verdict
from .cnnum import CHARS, count_value
from .slips import slip_kind
from .quantities import (FUND_NAMES, _AMONG, _MONEY_EXP, COUNT_UNITS, POINTS, REACH, WINDOW, Quantity, between, extract, first_after, prior,
                         rate_parts, sentences, share_target, starts)
from ..numbers import places, round_to

#: a finding about a paragraph, located inside its text (TextSpot offset / end) until the caller places it
Issue = Finding

TXT001 = Rule("TXT001", "lint", ERROR, "总数与各分项之和不符",
    "正文写出一个总数及其组成（“X万元，其中A万元、B万元”“指标26个，包括…”“产出指标16个中，…”，"
    "或“A万元；B 0元；合计X万元”），各项之和应等于总数。按资金来自的各级政府列出、从中央一直到本级（“其中中央资金A元、自治区资金B元、河池市资金C元、区本级资金D元”，同一种资金，各级一次、依次而下）的各项是全部组成（项目总投资除外：可能含自筹、社会资本）。按某一维度划分（“按支出性质分，…”）的各项是全部组成；"
    "总数写在前一句或后一句时（“…基金支出合计X万元。职工医保A万元、城乡居民医保B万元。”），只在各项按名称构成完整划分时核对。"
    "退休人员按原身份（原行政、事业退休人员）分列、学校按学段（幼儿园、小学、初中、高中）分列时，各项即全部。"
    "以总数的名称开句（“项目支出中，A万元、B万元、…、其他E万元”）时，总数是同段前文唯一以该名称写出的数，列举完整（末项为“其他…”"
    "或名称构成完整划分）时核对。同一列举以两个单位计数（“接待14批次、共112人次，其中：省级4批次31人次，市级5批次42人次…”）"
    "时，第二个单位的各项也应合计为其总数；第一个单位的各项恰好合计为总数时，列举是完整的。续建、新建项目是全部项目。"
    "差额不超过各数字的舍入误差时为警告。“其中”只列出部分项目（和小于总数）时不报，除非各项构成完整划分"
    "（基本支出+项目支出、人员经费+公用经费、职工+居民、人员类+运转类+特定目标类、含“其他”项等，"
    "或按类别、层级划分的个数：“队伍64支，其中区级队伍…、乡镇队伍…、社区队伍…”；最后一项是一端开放的档次而前面各项都不是："
    "“其中高级职称A人、中级职称B人、初级及以下C人”）。“由A、B和C构成/组成”列出的是全部组成；“分三块：”“分两类：”"
    "之后正好列出这么多项时也是（“得分3项”“扣分2项”中的“分”不是划分）。两项名称相同、只差一对互补的词（规上/规下企业、"
    "公办/民办园、省内/省外、男/女、城镇/农村、集体/个体、重点/一般项目、定量/定性指标）、其余的字是总数名称里的（“走访企业”"
    "之于规上/规下企业）且句中未接着写“另…”“此外”时，两项即全部（内科/外科、上级/下级来文不是：还有别的科、平级来文）。"
    "总数以其种类数命名、所列项数与之相同且各项都含该字时（“‘两癌’筛查6165人，其中宫颈癌…、乳腺癌…”“三类人员”），各项即全部；"
    "各项按层级（国家级、省级、市级及以下，镇（街道）、村（社区））或评价等级（“优”的、“良”的）命名、各不相同时是同一维度，"
    "各项之和大于总数即为错误；“截至年底已完工A个、在建B个、未开工C个”是全部计划项目的状态；末项为“一般农户”等“一般…”时即其余部分；"
    "总数后括号内只列各项（“公务用车6辆（执法执勤用车2辆、…、其他用车1辆）”）且按名称构成完整划分时同样核对；"
    "“13个绩效指标中，全面完成3个、未完成9个”中“…中，”开启分项；“其中”前无同类总数、各项后写“合计T”时，T 为其和"
    "（“共有19个行政村、2个社区，合计22个”同）；“预算单位共N个，包括部门本级和M个所属单位”时 N = M + 1。"
    "总数写在本句并说明是总数（“共对17个项目开展绩效自评，其中…”）时，不因各项恰好等于前一句的另一个数而改按那个数核对。"
    "“收入中，A、B、C；支出中，本年支出合计T”：收入各项不是支出合计的组成。按用途分列的公务用车之和大于车辆总数时报告。"
    "以两个单位计数而第二个单位的各项恰好合计为其总数时（“共接待9批次、37人次，其中A4批次21人次；B3批次16人次”），"
    "第一个单位的各项也应合计为其总数。“按用途分为A、B、C”与“其中”同样是全部组成；公务用车按用途分列时，以所做工作命名的车（疫苗冷链运输车）也是一种用途。"
    "按评价等级分列的项目数（“2个项目评价等级为“优”，2个项目评价等级为“良””，各为不同等级）之和应等于前文所述自评的项目数。"
    "“分别得A分、B分…，合计T分”：T 应等于各项得分之和。括号里写在变动率之后的上年数（“同比增长R%（上年B万元）”）是上年的数，"
    "不作为后文各项的总数。按意思而不按措辞读：列表说明了项数（“分为三类：”“划分为3个层次：”）且正好列出这么多项时，"
    "各项是总数的全部组成；“三项合计X”“两者之和为X”：X 应等于其前正好这么多个数之和（“后两项合计”为最后两项）；"
    "“基本支出、项目支出分别为A和B，合计T”：T = A + B（“分别为”之前列出的名称按顺序是其后各数的名称，名称与数的个数相同时才这样读）。用文字说为零的项（“A和B均为0”“未发生”“项目支出无”）也算组成"
    "（“三公”经费列出两项、另两项“均为0”时构成完整划分）。“三公”经费总数独占一句、其后各项各占一句（“实际支出X万元。因公出国（境）费0元。"
    "公务接待费A万元。…”）且列全各项时，也按总数与各项核对（总数为预算数时不核对）。编制数或在职人数按行政、事业（及工勤）划分、"
    "财政拨款按一般公共预算、政府性基金（及国有资本经营）划分时，列出前两种即是全部组成（单位有第三种时总会列出）。一种状态与其否定（完成/未完成、合格/不合格、完全达成/部分达成/"
    "未达成）、线上/线下构成完整划分；指标个数按种类（预算执行、产出、效益、满意度）划分时各项是全部组成，不另按其他维度计。"
    "“此外”“另外”“另有”之后的数不是总数的组成。数字写在名称之前（“600万元为基本支出”“420.39万元的人员经费”"
    "“2,150万元用于基本支出”）时按其后的名称读；“包含”“分为”之后的各项与“包括”之后的同样读。"
    "“其中”前最近的数小于某一项时，它不是这些项的总数；各项是固定划分（基本支出和项目支出、人员经费和公用经费等）时，"
    "总数取这两句中以该划分的总称命名的唯一一个数（“支出合计X万元，年末结转和结余Y万元。其中基本支出…”）。"
    "总数以亿元、各项以万元或千元写出时，各项按其写出的精度换算，只有总数的舍入算作误差。"
    "按行政层级划分的个数（“全区…132个，其中区级1个、镇（街道）级11个、村（社区）级119个”“全旗…，其中苏木镇…、嘎查村…”）："
    "各项各为一个层级、层级依次相接直到村（社区）一级、最高一级是句中所说地域（全区、全县…）本级或其下一级时，是全部组成；"
    "未到村级、跳过一级或句中未说地域时不作完整划分。收入合计（本年收入、收入总计）之下三项或以上、每项各是一种收入来源"
    "（财政拨款、上级补助、事业收入、经营收入、其他收入、上年结转等，DOMAIN §2；一般公共预算与政府性基金预算的财政拨款收入"
    "各算一种）时是全部组成。车辆数按用途分列（一般公务用车、执法执勤用车、特种专业技术用车、应急保障用车、机要通信用车等，"
    "每种一次，有无“其中”均可）时是全部车辆；政府采购按货物、工程、服务分列时是全部采购。这三种划分及收入来源中某一项大于总数时，"
    "仍是总数写错。列举说明只是一部分（“主要包括…”“…等”“其余为…”；车辆之后“另有…”）时不作完整划分。一项之后以“主要包括"
    "A、B等；”列出它自己的明细时，明细到“；”为止，其后是外层的下一项。项目数之后直接写出其状态（“项目13个，已竣工7个，"
    "仍在施工5个”）时各状态是全部（新开工项目除外）；状态列举遇到不是状态的项即结束。写成两种量词的个数"
    "（“63所（个）”）的组成可用其中任一量词；“两三个”“七八人”是约数，不是数字。总数是决算数、各项同时写出预算和决算时（“支出决算X万元。其中：A费预算…，决算…”），"
    "只取各项的决算；总数既非预算也非决算而各项两者都有时不报。决算（执行）数之后列出的另一预算阶段或另一年度的数"
    "（“支出决算X万元，其中基本支出A万元，项目支出B万元；全年预算C万元”“…，上年决算D万元”）不是它的组成，年初预算之下的"
    "全年预算、调整预算也不是；上年结转是本年收入的来源，仍是组成。全年预算之下的年初预算与调整（追加）数是全部组成（全年 = 年初 + 调整）。中文数字按整个数读（“一千九百八十六人次”“二百一十个”）。"
    "编制按行政、事业、工勤三种列全时是全部组成（只列两种时不报）。按某一维度划分的某项后面括号里的数是该项自己的组成"
    "（“基本支出A万元（人员经费B万元、公用经费C万元），占X%；项目支出D万元”：B、C 不算总数的组成，列全时 A 应等于 B + C）。"
    "各项之和小于总数而列表可能不全时本不报；但文中某项占该总数的比例正好等于它占各项之和的比例"
    "（“收入合计T，其中A、B。A占收入合计的X%”，X = A ÷ (A + B) ≠ A ÷ T）时，报告自己说明了各项就是全部，报总数 T 有误。"
    "金额的各项之和小于总数、差额不到总数的十分之一、各项不全是整数、总数至少四位数字，且总数与各项之和只差一位数字"
    "（16.04 与 15.04）、是其相邻两位互换或多写一位，或某一项的相邻两位互换后正好相符（3,124.60 应为 3,142.60）时，"
    "漏列的一项恰好是这样的数几乎不可能，按笔误报告。"
    "以“按经济分类，”开头的一句逐项列出工资福利支出、商品和服务支出等经济分类（每类一次），其中一项写明占某总数（“占本年支出合计的x%”）"
    "时，各项之和应等于文件中该名称的数：大于它为错误；小于它可能漏列一类（对企业补助、其他支出），只有上述笔误能说明差额时报告。"
    "“本年支出A，其中项目支出全年预算B，支出C”：未写预算阶段的支出是实际支出，预算数不是它的组成。"
    "经营主体按企业、个体工商户、农民专业合作社，事业单位人员按管理、专业技术、工勤岗位列出时是全部。来信、来访、网上信访是信访事项的全部来源；以“、”相连的工程状态（已完工、在建）到“，”为止；总数比各项之和少写一位数字（“核定编制34名，包括312名、18名和4名”）时各项仍是它的组成。",
    f"report.txt:24: 第24段: TXT001（警告） 本年实际支出 507.79万元 与其中各项之和不符：420.39 + 87.41 = 507.80（差 0.01，{ROUNDING_NOTE}）")
TXT002 = Rule("TXT002", "lint", ERROR, "占比与金额不符",
    "“A万元，占X%”：X 应等于 A ÷ 总数（总数为“其中”之前的合计、“按…分”之前所述的合计，或“占本年支出合计X%”中点名的数字；"
    "“上述三类分别占W的…”对应前一句列出的各项，“上述前三类”“后两项”对应其中最前、最后几项，前一句在上一段末尾时也这样读）。“实际支出占（全年）预算的X%”是预算执行率，按 TXT005 核对。“这笔资金占项目支出的X%”“该项资金占…”指本段所说的这笔钱的支出（本段在此之前唯一的决算数或支出数），不是最近的一个数（结余、预算）；本段有几个不同的支出数时不报。“占全年支出的X%”而全文只以“全年执行数”“决算数”写出部门支出时，以该数为总数。点名的总数在文中找不到、或有几个不同的数时不报。"
    "各项都带占比且占比合计为100%、却没有写出总数时，以各项之和为总数，且至少一个占比与之相符才核对。"
    "百分数按其小数位四舍五入或截断均视为相符。占比的写法不限（“占X%”“所占比例为X%”“所占比重为X%”“占比为X%”"
    "“所占份额为X%”“占百分之六十”）。点名的总数与附近几个数的名称核心相同时（“2023年收入”与“本年收入”），取名称完全相同的"
    "那个，再按“总计”与“合计”区分；以“总额”“总数”“合计”称同一总数视为同名（“部门支出总额”即“部门支出合计”）。"
    "一组各带占比的分项中，第一个占比点名了总数（“A万元，占基本支出的x%；B万元，占y%；…”“A占收入总计的x%，B占y%，C占z%”），"
    "其后未点名的占比是同一总数的（该项与所点名的总数同为另一合计的组成时除外）。“本中心”“本所”“我院”等写报告的单位即部门本身。"
    "点名的总数正文未写出、而表题正是该名称（“表3 2024年度一般公共预算财政拨款支出决算表”）且表中只有一个“合计”行时，"
    "以该行决算（合计、本年、最近一年）一列的数为总数；预算表的合计不作总数。"
    "“在本年收入中占比X%”点名的总数是“在…中”的那个数。"
    "以分项开句、未点名总数的列举（“从支出结构看，A X万元，占P%；B Y万元；C Z万元”）各项之和恰为文中另一处所写的数时，占比按各项之和核对。"
    "同段所写的总数与表中同一项目本年的数不符（TXT014：取错了列或行）、而占比按表中的数正确时，占比不报，只报该总数。"
    "一句以表中某行的名称开头、未写金额而写占比（“农林水支出是我局支出的主体，占本年支出的84.25%”），表中该行有占比列"
    "（列名写明同一总数，如“占本年支出比重”）且该行占比等于其金额 ÷ 表中合计时，正文占比应与该行占比一致。"
    "连续三段以上各以“某项A万元，占X%”开头（如按功能分类逐类一段）、各项之和恰等于前几段所写的一个数时，该数即各项占比的总数："
    "多数占比与之相符时，不符的那几个报告。先说某数由哪几部分组成（“本年支出合计T万元，由基本支出和项目支出组成”）、再逐项写金额和“占x%”时，各项占比的分母是T。",
    "report.txt:20: 第20段: TXT002 基本支出 507.79万元 占 一般公共预算支出 3352.23万元 的比例为 15.15%，文中写 16.15%")
TXT003 = Rule("TXT003", "lint", WARNING, "各部分占比之和不为100%",
    "“其中”各项都写了占比、各项之和等于总数、每个占比都是正确的四舍五入值，但占比之和不是 100%（如 100.01%）："
    "读者会以为有错，宜调整尾差。某一占比本身算错时报 TXT002；占比按截断写出（合计 99.9%）时不报。",
    "report.txt:20: 第20段: TXT003（警告） 各部分占比之和为 100.01%，不等于 100%（各项分别四舍五入所致，建议调整尾差使合计为 100%）")
TXT004 = Rule("TXT004", "lint", ERROR, "增减额与增减率不符",
    "“X万元，比上年增加D万元，增长R%”：上年数为 X−D（减少时为 X+D），R 应等于 D ÷ 上年数。上年数写在“比/较”之后时"
    "（“X万元，比2021年度B万元减少D万元”“较上年的B万元增长R%”）或紧接增减额写在括号中（“比上年增加D元（上年为B元）”），D 应等于 X 与 B 之差，R 应等于 D ÷ B。"
    "上年数只写在表中（“公务接待费6.15万元，比上年减少D万元”，表中该行本年6.15、上年7.93）时，按表中上年数核对 D 或 R。"
    "句中两年的数都没写、只点名了主体（“与2023年度相比，支出合计增加D万元，增长R%”）时，本年数是同段前文恰以该名称写出的"
    "唯一一个决算数（预算数不算），同段没有时是全文唯一以该名称写出的数 X；“收入、支出总计各增加D万元”时两者须为同一个数；"
    "列举之后另起分句点名主体（“…、公务用车运行维护费B万元；“三公”经费比上年减少D万元”）时，变动是所点名的那个数的，"
    "不是最后一项的；名称核心相同的几个数（“收入总计”“本年收入”）中取名称与所点名的完全相同的那个，"
    "“上年结转和结余”是本年可用的钱，不是上年数；以“较上年”开句、前一句写了预算数和决算数时，变动是决算数的"
    "（“较上年预算”另当别论）；以上年数开句（“上年一般公共预算财政拨款收入为B万元，本年…比上年减少D万元”）时，本年数是同段"
    "以同一名称写出的那个数；"
    "R 应等于 D ÷ (X − D)（减少时 X + D）；R 恰为 D ÷ X 时说明分母错用了本年数。按表中上年数核对的变动率大小相符而方向相反"
    "（表中下降，正文写增长）时也报告；本年数小于上年数而写“增加”（或相反）、差额本身无误时，报告增减方向写反。"
    "“支出X万元，上年为B万元，比上年减少D万元”：上年数单独成句时同样按 X 与 B 核对。"
    "“A%，较上年的B%下降C个百分点”“占比由B%提高到A%，提高C个百分点”：C 应等于 A 与 B 之差（百分点不是百分数；"
    "未写出上年比率时不报）。“上年产值B亿元。本年产值X亿元，同比增长R%”：上年数写在前一句、名称相同时，R 应等于 (X − B) ÷ B"
    "（万亩、万人等以万计的数量同样核对）。“支出T万元，其中A万元、B万元，较上年的X万元下降R%”：“其中”列表之后另起一句的"
    "增减是合计 T 的，按 (T − X) ÷ X 核对，不算在最后一项上；说的是合计还是末项看不出时（括号里的列表、未写合计的顿号列表、以逗号或分号分隔而其他各项都没有自己的增减的列表：“其中A，B，C，比上年减少D”）不报。"
    "名为上年的数（“上年收入总计B万元，本年较上年增加D万元，增长R%”“比上年(B万元)下降D万元，降幅R%”）是基数：R 应等于 D ÷ B，"
    "同句有同名的本年数 X 时 D 应等于 X − B。句中未写上年数、而同一文件的表格有本年、上年两列（“本年|上年”或相差一年的两个"
    "年份的决算列）且同名一行的本年数正是句中之数时，R 应等于 (X − 表中上年数) ÷ 表中上年数。上年数写在本年数之后的括号里"
    "（“X万元（上年B万元），增长R%”）或以前一年的年份称之（“2023年支出X，2022年支出B，增长R%”“2024年度支出X（2023年为B），同比增长R%”）时，R 应等于 (X − B) ÷ B（只写“本年”时不知是哪一年，括号里的年份不作上年读）。"
    "上年数写在变动率之后的分句里（“较上年下降R%，上年为B万元”）或之前自成一个分句"
    "（“X万元，其中A、C；上年为L万元，较上年下降R%”：“；”结束了 X 的列表，说的是 X，R 应等于 (X − L) ÷ L；其间的次数、人次不算）"
    "同样读；数字所示的方向与文字相反（本年数小于上年数却写“增长”）时为错误。"
    "本年数写在增减额和变动率之后（“比上年增加D万元，增长R%，达到X万元”）时，上年数为 X − D（减少时 X + D）。"
    "变动率写在增减额之前（“X，同比增长R%，增加D”）时，上年数为 X − D（减少时 X + D）。与预算相比（“比年初预算减少D万元，"
    "下降R%”“较全年预算数B万元节约D万元”）时，基数是预算数。句子以比较开头、没有主语（“基本支出X万元。较上年的B万元增长R%”"
    "“与上年的B相比，减少D，下降R%”）时，说的是同段前一句中唯一的本年数（预算数、占比、变动数、上年数不算）：R 应等于 (X − B) ÷ B，"
    "D 应等于 |X − B|；前一句有几个不同的数，或前一句在别段时不报；变动率按前一句的数不符、却恰与同段更早的一个本年数相符（"
    "“三公经费A。…公务接待费C。比上年B下降R%”，R 是 A 的）时，说的是哪个数不能确定，不报。"
    "只写项目名称和变动率（“其他收入下降6.87%”）、而表中该名称一行有本年、上年两列时，R 应等于该行 (本年 − 上年) ÷ 上年"
    "（表以元为单位时换算为万元；“预算数 | 决算数 | 上年决算数”中的“决算数”是本年数）。“上年支出总计为B万元。本年较上年增长R%”：前一句只有一个数且为上年数时，"
    "本年数是同名（去掉“上年”）的那一个数（本段之前，或全文唯一），R 应等于 (X − B) ÷ B；上年数写在同一句“本年较上年…”"
    "之前的分句里（“上年支出B万元，本年较上年增加D万元”）同样读，写的是增减额时 D 应等于 |X − B|。"
    "紧跟本年数、只称“上年”的数（“2024年支出X万元，上年B万元，增加D万元，增长R%”）是同一名称的上年数：D 应等于 |X − B|，"
    "R 应等于 (X − B) ÷ B。句子以只称“上年”的数开头（“项目支出X万元。上年B万元，增加D万元，增长R%”）时，B 是基数：R 应等于 D ÷ B。"
    "“执行率A%，上年为B%，比上年提高C个百分点”：只称“上年”的那个比率是基数，C 应等于 A 与 B 之差。"
    "“决算A万元，完成预算X万元的P%，比上年减少D万元”：X 是比率的分母，增减说的是 A（A ÷ X 恰为 P 时才这样读，否则不报）。",
    "report.txt:13: 第13段: TXT004 公用经费 54.976万元 比上年增加 37.976万元，上年应为 17，增长率应为 223.39%，文中写 232.39%")
TXT005 = Rule("TXT005", "lint", ERROR, "比率与所述数字不符",
    "“收集问题825个，解决问题782个，解决率94.8%”、“年度计划投资4.785亿元，累计完成9.41亿元，完成年度计划的196.7%”、"
    "“编制33人，实有31人，控制率100%”“应检查86家，实际检查80家，检查覆盖率93.02%”“在用设备4,326台，定期检验4,180台，"
    "定检率96.63%”：比率应等于分子 ÷ 分母（分子为实际完成的数，或名称中含比率所简称的动作的数）。满意率、知晓率等调查所得的比率不核对。"
    "总预算由各项预算组成、各项只写预算数和执行率（“其中基本支出全年预算数b1万元，执行率r1%；项目支出全年预算数b2万元，执行率r2%”）时，"
    "各项预算数 × 执行率之和应等于总执行数（或总预算数 × 总执行率，容许各比率的舍入误差），不符时在末项执行率处报告若其余无误该项应为多少。"
    "比率单独成句、句中无数而以其对象开句（“2024年“三公”经费预算A万元，实际支出B万元，其中…。“三公”经费预算完成率为P%”）时，"
    "按前一句（以同一对象开句，其“其中”之前）的数核对；分子本身与其“其中”各项之和不符、而按各项之和比率正确时，只报告分子之和。"
    "“全区312个小区中已有286个实现…，覆盖率91.67%”：分母是“…中”之前的总数（“全市86所中小学中已有81所…，达标率P%”，"
    "无论比率叫什么）。完成率 = 实际 ÷ 目标：句中只有一个目标数（年度目标、计划、目标任务）和一个同单位的其他数时，后者是完成数"
    "（“改造危房126户，年度计划140户，完成率90.00%”）。分子分母都以比率的动作命名时（“应接种1,200人，实际接种1,152人”），"
    "实际/已…者为分子，应…/目标…者为分母；“未完成”等否定的数不作分子，而是比率所不含的部分：“抽检2416批次，检出不合格37批次，合格率98.47%”按 (2416 − 37) ÷ 2416 核对（“不合格率”“未整改率”按否定的数本身核对）。超过目标而完成率写作100%（封顶）不报。一句中有几个比率时，每个比率的分子分母是它与前一个比率"
    "之间的数。执行率（“完成年初预算的P%”）：句中未写决算（执行）数时，执行数是比率所在分句点名的支出（“本年支出完成…”）或句中"
    "唯一以支出命名的数（全年支出、支出合计；“其中”之后的第一项是预算的组成，不算）；部门的支出所对的年初、全年预算写在别段时，"
    "取全文唯一以该阶段命名的数。比率所说的预算或支出写在同段前几句时（“年初预算为A万元。本年支出B万元，完成年初预算的R%”"
    "“支出合计B万元。该项支出调整后预算为A万元，支出决算占调整后预算的R%”），取前几句中唯一一个该角色（该阶段的预算、决算/支出）"
    "且属于同一主体的数（“项目支出年初预算”不是“基本支出”的预算；“本单位”“街道”“县档案馆”等写报告的单位即部门本身；"
    "“该项支出”指前一句的支出）；有几个不同的数时不报。“一般公共预算财政拨款支出”等资金名称中的“预算”不是预算阶段。"
    "“X，为/相当于B的R%”（“全年完成投资4.5亿元，为年度计划5亿元的90%”“相当于上年B的R%”）："
    "R 应等于 X ÷ B，B 写在比率所在分句之中（“完成重点人群健康体检12680人，完成年度目标13000人的R%”同此）。只有能从文字唯一确定分子和分母时才核对。"
    "未点名预算阶段的执行率（“预算执行率为P%”“执行率P%”）是 执行数 ÷ 全年预算数（DOMAIN §2）：同段写出年初预算和全年预算"
    "（各一个、数值不同、属于部门本身）和一个支出数时核对；P 等于 支出 ÷ 年初预算 时，说明分母用错了。只写了一个预算、或全年预算只称“调整预算”（可能是调整数）时不按此核对。"
    "金额的控制率（“三公”经费控制率）和只写了一个预算时的执行率是 支出 ÷ 预算：比率所在句及前两句中恰有一个预算数、一个支出数"
    "且没有别的金额或数量时核对（““三公”经费预算5.00万元。实际支出3.86万元。控制率为77.20%”）。"
    "在职人员控制率 = 实有人数 ÷ 编制数：比率所在段中恰有一个“实有（在职）人员”数、同段或全文恰有一个核定编制总数时核对。"
    "正文写出某指标的完成数后紧接“完成率R%”、而目标只写在自评表该指标一行（目标值为同单位的一个数）时，R 应等于 完成数 ÷ 目标值。"
    "“X支出决算A万元，完成预算的R%”而句中未写预算、同一文件的表格有“预算数”和“决算数”两列且有同名的一行时：A 等于该行决算数"
    "（按A的小数位取整后）时 R 应等于 决算数 ÷ 预算数；A 不等于该行决算数、而 R 恰是该行 决算数 ÷ 预算数 时，表格和文中的比率"
    "一致而 A 与之不符，报 A 写错（表格以元为单位时换算后比较）。"
    "以某一支出命名的执行率（“项目支出预算执行率为P%”“基本支出全年预算执行率P%”）是该支出 ÷ 该支出的全年预算（名称写“年初”时为"
    "年初预算，没有全年预算数时为只称“预算”的数）：同段中该主体的支出、预算各恰有一个数时核对，不论同段还写了别的数"
    "（部门的支出、收入）。部门本身的执行率（“全年预算执行率为P%”）所在段未写支出时，支出取全文唯一的部门支出（支出合计、本年支出），"
    "预算取同段或全文唯一的该阶段预算数。"
    "百分数可写成中文（“百分之九十八点四二”“百分之百”）。"
    "句中先写预算和完成率、其后才写支出（“年初预算5000.00元，实际完成预算的65.20%，三项合计3620.00元”）时，比率之后唯一的"
    "支出或合计数即分子（节约、结余、上年的数不算）。以百分比计量的指标，“年度目标90%，实际完成88.2%，完成率98.20%”按"
    "实际 ÷ 目标核对（反向指标或“控制在…以内”的不核对）；目标写在数字之后（“低于280人的年度目标”）也是目标，上年的数不作分子。"
    "比率写在其各项之前（“抽检合格率99.5%（抽检1250批次，合格1241批次）”“办结率98.13%，共受理214件，办结209件”）同样核对；"
    "正在办理、尚待办理的数（“正在整改4个”）不作分子；“年初批复预算”“年初安排预算”即年初预算。“由A、B和C组成，完成预算的R%”“其中A、B，完成预算Z的R%”中的比率是总数的，不是最后一项的；比率以“该项目”“该资金”“这笔资金”指代时，其分子分母取同段前文所述该笔资金的数；“结案率”“办结率”“审结率”的分子是办结（结案、审结、完结）的数；“已拨付”“已支付”是执行数；“与上年X相比，增加D，增长R”中X是基数，“超出储备任务N”中N是超出的差额。“其中项目支出执行率为R%”这样以某一支出命名、所在分句无数的执行率不按部门的执行数与预算核对，而在文中有该支出一行（年初预算、全年预算、执行数各列）的表时按该行 执行数 ÷ 全年预算数 核对。比率之后紧跟括号内写出的两个同单位的数（“覆盖率达到95.29%（已覆盖1786个，共1862个）”）即其分子分母。",
    "report.txt:40: 第40段: TXT005 问题解决率：解决问题 782个 ÷ 共收集企业问题 825个 = 94.79%，文中写 96.8%")
TXT006 = Rule("TXT006", "lint", ERROR, "列举的项目数与所述数量不符",
    "“内设科室6个：A、B、…”、“内设7个科室分别为…”、“A、B、C等3家企业”：列出的项数应等于所述数量"
    "（支持中文数字“十个”）。以“主要”“如”“等”表示只列举部分时，只在列出的项数多于所述数量时报告。"
    "以“；”分隔的各项（“分为三个阶段：A为准备阶段，…；B为实施阶段，…；C为总结阶段，…”）按分句计数，"
    "只在各分句明显并列（各以“为…阶段/环节/方面”收尾或以序号开头）时核对。"
    "最后两项以“和”“及”连接、前一项与其他至少两项同样结尾（“法规科和后勤服务中心”）时算两项。"
    "列举之后紧接数量、各项都以该数量的名词结尾（“城关镇、石门镇、龙潭镇4个乡镇”）而未写“等”时，列出的项数也应等于所述数量。"
    "列举中带有同一量词的计数时，所述数量应等于各计数之和（“分别为A、B、C3个事业单位和2个行政单位”）、或未计入计数的名称"
    "加各计数（“局机关和A、B、C3个事业单位”）、或全部名称加各计数（“办公室、财务股和4个业务股”），三种读法都不符时才报告。",
    "report.txt:18: 第18段: TXT006 文中说有 6个，但列出了 5 项：办公室、投资股、…")


#: the longest quote shown on either side of a claim (a "sentence" without punctuation may run for pages)
QUOTE_REACH = 300


def sentence_at(text: str, offset: int, end: int | None = None) -> str:
    """The sentence(s) of ``text`` from ``offset`` to ``end`` (a sentence ends at 。！？ or the end of the text),
    cut with "…" at :data:`QUOTE_REACH` characters on either side."""
    lo = max(0, offset - QUOTE_REACH)
    hi = min(len(text), max(offset, end or 0) + QUOTE_REACH)
    found = max(text.rfind(c, lo, offset) for c in "。！？\n")
    start = found + 1 if found >= 0 else lo
    ends = [i for i in (text.find(c, max(offset, end or 0), hi) for c in "。！？\n") if i >= 0]
    stop = min(ends) + 1 if ends else hi
    quote = text[start:stop].strip()
    return ("…" if start == lo and lo > 0 else "") + quote + ("…" if not ends and hi < len(text) else "")


def _sentence_bounds(text: str, offset: int) -> tuple[int, int]:
    return sentences(text).bounds(offset)


def _issue(rule: Rule, verdict: Verdict, message: str, expected: str | None, found: str | None, offset: int,
           end: int | None = None) -> Finding:
    """A finding of ``rule`` about the claim at ``offset`` (to ``end``) of the paragraph being read."""
    return rule.finding(message, TextSpot(offset=offset, end=end), verdict, expected=expected, found=found)


def _plus(values: list[Decimal]) -> str:
    return " + ".join(num_text(v) for v in values)


# ----------------------------------------------------------------------------------------------------------------
# Totals and parts
# ----------------------------------------------------------------------------------------------------------------

#: words that open the parts of the total before them: 其中, 分别为, 主要用于以下方面：, and 包括 / 中 right after a figure (指标26个，包括…;
#: 产出指标16个中，…) or after a count's noun (13个绩效指标中，…; not 过程中 / 期中 / 时中)
_GROUP = re.compile(r"其中|分别为|分别是|(?<=元[，,])(?:主要)?用于(?:以下|如下)(?:[\d一二三四五六七八九十]{1,2}个)?方面(?=[：:])|(?<=[元个项][，,])具体(?:为|是|包括)(?:以下|如下)?(?:(?:\d{1,2}|[一二两三四五六七八九十]{1,3})(?:个|项|类)[\u4e00-\u9fff]{0,4})?(?=[：:])|(?:主要)?(?<![理自经缘来])由(?!于|此)(?=[^。；]{2,%d}?(?:构成|组成))|" % REACH + r"(?<=[个项家人户次名件类元])(?:中(?=[，,：:])|包括)|(?<=\d[个项家人户次名件类所条处])[\u4e00-\u9fff]{1,8}?(?<![过期时])中(?=[，,：:])(?<!、\d[个项家人户次名件类所条处][\u4e00-\u9fff])|(?<=[个项家所条处])[\u4e00-\u9fff]{0,16}?的[\u4e00-\u9fff]{0,6}?来?看(?=[，,：:])|(?<=[个项家人户次名件类元%％][，,])(?:(?:主要|具体)?(?:包括|包含)|分为(?![\d一二两三四五六七八九十]))")
#: label sets that make a list of parts complete (DOMAIN.md section 2)
COMPLETE_SETS = COMPLETE_WORDS + [LEVEL_ONE, OUTPUT_KINDS, CATEGORIES] + COMPLETE_SPLITS + [("线上", "线下")] \
    + [STAFF_KINDS, POST_KINDS, ("新建", "续建")] \
    + [("企业", "个体工商户", "农民专业合作社"), ("幼儿园", "小学", "初中", "高中"), ("货物", "工程", "服务"),
       ("来信", "来访", "网上")]
# 来信 / 来访 / 网上信访: the three ways a petition reaches a 信访 office as its statistics count them (a call or a
# fax is recorded as one of them);
# 货物 / 工程 / 服务: the three objects of 政府采购 (政府采购法 art. 2) are every purchase;
# 新建 / 续建: the projects begun this year and those carried on are every project; 企业 / 个体工商户 / 农民专业合作社:
# the three kinds of 经营主体 (市场主体登记管理条例) are every one; 幼儿园 / 小学 / 初中 / 高中: a list of schools naming
# every stage of schooling from the first to the last names every school (九年一贯制, 中职, 特教 listed beside them)
#: the words of a class or a level that tell the parts of a count apart (人员类指标 / 区级队伍 / 乡镇队伍)
_CLASS_PREFIX = re.compile(r"(类|级|层|型|省|市|县|区|乡镇|镇|乡|街道|社区|村)$")
_REST = re.compile(r"其他|其它|其余")
#: a last part named as the ordinary ones (一般农户, 一般企业): the rest of the whole (not 一般公共预算 / 一般性 / 一般债务)
_ORDINARY = re.compile(r"一般(?!公共|性|债|预算|转移|行政|纳税|工业|设备|事务)[\u4e00-\u9fff]{1,2}")


#: a part open at one end of a scale (初级及以下, 三级以上): the rest of the scale after the parts before it
_OPEN_END = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:及|或)?(?:以下|以上)$")


#: a list announced with its length (具体为以下5个项目：)
_ANNOUNCED = re.compile(r"(\d{1,2}|[一二两三四五六七八九十]{1,3})(?:个|项|类)")


def _complete(labels: list[str], keyword: str) -> bool:
    if keyword.startswith("分别") or keyword == "由":  # 由A、B和C构成 names every part
        return True
    m = _ANNOUNCED.search(keyword)
    if m and count_value(m.group(1)) == len(labels):
        return True  # 具体为以下5个项目：A、B、C、D、E: as many as it says
    if any(_REST.search(lb) for lb in labels[1:]):
        return True
    if len(labels) >= 3 and _OPEN_END.fullmatch(labels[-1]) and not any(_OPEN_END.search(lb) for lb in labels[:-1]):
        return True  # 高级职称A、中级职称B、初级及以下C: the last part holds the rest of the scale
    return any(all(any(word in lb for lb in labels) for word in words) for words in COMPLETE_SETS) \
        or _affirmed_and_negated(labels) or _work_states(labels)


#: words and their complements: two parts named alike but for one of these name the two halves of their whole
#: (规上企业 / 规下企业, 省内 / 省外, 男性 / 女性, 公办园 / 民办园, 集体访 / 个体访, 城镇 / 农村, 重点项目 / 一般项目)
_COMPLEMENTS = {frozenset(p) for p in (("规上", "规下"), ("上半年", "下半年"), ("省内", "省外"), ("市内", "市外"),
                                       ("县内", "县外"), ("区内", "区外"), ("境内", "境外"), ("国内", "国外"),
                                       ("男", "女"), ("公办", "民办"), ("城镇", "农村"), ("城市", "农村"),
                                       ("城区", "农村"), ("集体", "个体"), ("在编", "编外"), ("本地", "外地"),
                                       ("重点", "一般"), ("定量", "定性"))}
# (内科 / 外科, 上游 / 下游, 上级 / 下级 name two of more: only a place's inside and outside, a scale's two halves)
_SEXES = frozenset(("男", "女"))  # of any people counted (男性 / 女性 of 在职人员): the rest of their name says nothing
_PART_OPENING = re.compile(r"^(?:其中|包括)?[：:，,、]?\s*")


def _complementary(labels: list[str], whole: str) -> bool:
    """Two parts whose names are the same but for a word and its complement (规上企业836家，规下企业414家), the rest
    of their name (企业) being the whole's (走访企业1260家; not 各类救助资金 over 城市 / 农村低保金: the halves of 低保)."""
    if len(labels) != 2 or re.search(r"[和及与、]", whole):
        return False  # (走访服务企业和个体工商户: a whole of more than the two halves name)
    a, b = (_PART_OPENING.sub("", lb) for lb in labels)
    for pair in _COMPLEMENTS:
        for x, y in (tuple(pair), tuple(pair)[::-1]):
            i = a.find(x)
            while i >= 0:
                rest = a[:i] + a[i + len(x):]
                if b == a[:i] + y + a[i + len(x):] and (len(a) > len(x) or len(x) >= 2) \
                        and (not rest or rest in whole or pair == _SEXES):
                    return True
                i = a.find(x, i + 1)
    return False


#: the states of a piece of work begun (DOMAIN §2: a project is done or under way): 已完工 / 竣工 / 已完成 …
_WORK_DONE = re.compile(r"^(?:其中)?(?:已经?|均已|全部|累计)?(?:完工|竣工|建成|完成|办结|结项)")
#: … and 在建 / 续建 / 持续实施 / 正在实施 / 尚未完工
_WORK_ONGOING = re.compile(r"^(?:其中)?(?:正在|仍在|尚在|持续|继续|延续|跨年度?|结转)(?:实施|推进|建设|施工|续建)|"
                           r"^(?:其中)?(?:在建|续建|在施|实施中|建设中)"
                           r"|^(?:其中)?(?:尚|仍)?未(?:完工|竣工|完成|建成|办结)")


#: … and work not yet begun (未开工, 尚未开工, 待开工): with the other two, every piece of the work planned
_WORK_WAITING = re.compile(r"^(?:其中)?(?:尚|仍)?(?:未开工|待开工|未启动)")


#: the time a state is told at, opening its name (截至年底, 截至2023年12月31日, 到目前, 年底前)
_AS_OF = re.compile(r"^(?:(?:截至|截止|到)(?:本?年底|年末|目前|\d{1,2}月底|\d{4}年(?:底|末|\d{1,2}月(?:\d{1,2}日|底)?)?)|年底前|年内|"
                    r"(?:年|月)(?:底|末)|日)[，,]?")


def _work_states(labels: list[str]) -> bool:
    """Work split by its state, done and under way (已完工9个、在建4个; 已完成5个，持续实施1个), and not yet begun
    (已完工12个、在建3个、未开工1个): every part. A time the states are told at opens the first (截至年底已完工58个)."""
    labels = [_AS_OF.sub("", lb) for lb in labels]
    done = [bool(_WORK_DONE.match(lb)) for lb in labels]
    ongoing = [bool(_WORK_ONGOING.match(lb)) for lb in labels]
    waiting = [bool(_WORK_WAITING.match(lb)) for lb in labels]
    return len(labels) >= 2 and any(done) and any(ongoing) and all(a or b or c for a, b, c in zip(done, ongoing, waiting))


#: the degree words of a state (已完成 / 全部完成 / 部分完成) and its negations (未完成 / 不合格 / 没有达标)
_DEGREE = re.compile(r"^(?:已经?|全部|完全|全面|圆满|超额|按期|如期|顺利|均已|基本|部分)")
_NEGATIONS = r"(?:未|不|没有|尚未|暂未)"
_NEGATION = re.compile("^" + _NEGATIONS)


#: a whole named by the number of its kinds and their common character (“两癌”筛查, 三类人员, 三级网络)
_NUMBERED_KINDS = re.compile(r"(?<![\d一二两三四五六七八九十百千万第])([两二三四五六七八九])(?![个项年月日天次名人户家元万亿是要])([\u4e00-\u9fff])")
_KIND_COUNT = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _numbered_whole(lead: str, labels: list[str]) -> bool:
    """The whole before the list is named by the number of its kinds and a character every part's name holds
    (``为6165名妇女开展“两癌”筛查，其中宫颈癌筛查A人、乳腺癌筛查B人``): as many parts as the number, so the list is
    every kind of it."""
    found = _NUMBERED_KINDS.findall(lead)
    if len(found) != 1 or re.search(r"[两二三四五六七八九十][\u4e00-\u9fff][一二三四五六七八九十]", lead):
        return False  # (“三支一扶”: a term of two numbers names programmes, not kinds by one character)
    at = lead.find(found[0][0] + found[0][1])
    if re.search(r"及|和|与|以及|、|加上|连同", lead[at:]):
        return False  # 三级资金及社会资本投入A万元: the whole is more than the kinds named
    char = found[0][1]
    # the character heads each part's kind (宫颈癌, 乳腺癌), never opens it (“三农”: 农业, 农村, 农民 are not kinds of 农)
    return _KIND_COUNT[found[0][0]] == len(labels) and len(set(labels)) == len(labels) \
        and all(re.search(r"[\u4e00-\u9fff]" + re.escape(char), lb) for lb in labels)


def _ordinary_rest(labels: list[str]) -> bool:
    """``脱贫户A户、监测户B户、种粮大户C户、一般农户D户``: the last part, the ordinary ones (一般 and a short noun every
    other part's name ends like), is the rest of the whole — unless another part is named by a word of a split of its
    own (规上, 重点, 省内 …: 重点企业、规上企业、一般企业 count along two dimensions)."""
    words = {w for pair in _COMPLEMENTS for w in pair}
    return len(labels) >= 3 and bool(_ORDINARY.fullmatch(labels[-1])) \
        and not any(lb.startswith("一般") or any(lb.startswith(w) for w in words) for lb in labels[:-1]) \
        and all(lb.endswith(labels[-1][-1]) for lb in labels[:-1])


def _numbered_prefix(text: str, lead: str, parts: list[Quantity]) -> int | None:
    """How many of ``parts`` the list is when the whole is named by the number of its kinds (:func:`_numbered_whole`)
    and that many parts, each holding the kinds' character, come first, the next after a ， and without it."""
    found = _NUMBERED_KINDS.findall(lead)
    if len(found) != 1:
        return None
    n, char = _KIND_COUNT[found[0][0]], found[0][1]
    if len(parts) <= n or not _numbered_whole(lead, [p.label for p in parts[:n]]) or char in parts[n].label \
            or not re.search(r"[，,；;]", text[parts[n - 1].end:parts[n].start]):
        return None
    return n


def _affirmed_and_negated(labels: list[str]) -> bool:
    """A state and its negation name every part (完成 and 未完成, 合格 and 不合格, 完全达成 / 部分达成 / 未达成): each
    label is the same state, with a degree word or a negation before it, the state itself and its negation both
    named."""
    if len(labels) < 2:
        return False
    labels = [lb[:-1] if lb.endswith("的") else lb for lb in labels]  # 达标的28个、不达标的3个
    negated = [_NEGATION.sub("", lb) for lb in labels if _NEGATION.match(lb)]
    if len(negated) == 1 and len(negated[0]) >= 2:
        # 水质达标的28个、不达标的3个: the subject named once, before the first state, is no part of the state
        labels = [lb[len(lb) - len(negated[0]):] if not _NEGATION.match(lb) and lb.endswith(negated[0])
                  and len(lb) - len(negated[0]) <= 4 and not _DEGREE.fullmatch(lb[:len(lb) - len(negated[0])])
                  else lb for lb in labels]  # (部分达成 keeps its degree word)
    states = [(_DEGREE.sub("", _NEGATION.sub("", lb)), bool(_NEGATION.match(lb)), _DEGREE.sub("", lb) if not _NEGATION.match(lb) else None,
               bool(re.match(r"^部分|^基本", lb))) for lb in labels]
    state = states[0][0] if states[0][1] else states[0][2]
    if not state or len(state) < 2 or any((s if neg else plain) != state for s, neg, plain, _part in states):
        return False
    return any(neg for _s, neg, _p, _part in states) and any(not neg and not part for _s, neg, _p, part in states)


def _classes_of(total: Quantity, parts: list[Quantity]) -> bool:
    """Counts split by class or level, each part's name the total's noun after a class word (设置指标31个，其中人员类
    指标5个、运转类指标8个、特定目标类指标17个; 队伍64支，其中区级队伍8支、乡镇队伍21支、社区队伍37支): the parts
    are the whole of the total."""
    if total.kind != "count" or len(parts) < 3:
        return False
    labels = [total.label] + [p.label for p in parts]
    n = 0  # the length of the noun every label ends with
    while n < min(map(len, labels)) and len({lb[-n - 1] for lb in labels}) == 1:
        n += 1
    if n < 2 or not re.fullmatch(r"[\u4e00-\u9fff]+", total.label[-n:]):
        return False
    if sum((p.value for p in parts), Decimal(0)) * 10 < total.value * 9:
        return False  # far short of the total: some classes may be left out (市级站点10个、县级站点30个 of 120)
    kinds = labels[0].endswith("指标") and n >= 2
    return all(_CLASS_PREFIX.search(p.label[:-n]) or (kinds and p.label[:-n].endswith(_KINDS)) for p in parts)


#: administrative levels, highest first (省 ⊃ 市 ⊃ 县 ⊃ 乡镇 ⊃ 村): the word before 级 in a part's name (区级, 乡镇（街道）级)
_LEVELS = (("省", "自治区"), ("市", "州", "盟", "地市"), ("县", "区", "旗", "县区", "县市区"),
           ("乡镇", "乡", "镇", "街道", "苏木", "镇街"), ("村", "社区", "嘎查", "村居", "居"))
_LEVEL_OF = {w: n for n, words in enumerate(_LEVELS) for w in words}
_LEVEL_PART = re.compile(r"(?P<w>" + "|".join(sorted(_LEVEL_OF, key=len, reverse=True)) + r")级")
#: a part named by a level's own noun at its start, no 级 needed (苏木镇综合文化站, 嘎查村综合文化服务中心, 社区服务站):
#: nouns only a level is called by (a lone 市 / 区 / 村 may begin other words: 市场, 区域, 村民)
_LEVEL_NOUN = re.compile(r"^(?:苏木镇|苏木|乡镇|镇街|街道|嘎查村|嘎查|行政村|社区|村居)")
_LEVEL_OF.update({"苏木镇": 3, "嘎查村": 4, "行政村": 4})
#: the area a count is of: 全区 / 全县 / 全市 … (a 市 may be a county's city: 市 stands for either level)
_AREA = re.compile(r"(?:全|本)(?P<w>省|自治区|市|州|盟|县|区|旗|乡|镇|街道)")
_IN_BRACKETS = re.compile(r"[（(][^（）()]{0,12}[）)]")
#: a level named with its twin in brackets (镇（街道）, 村（社区）): the level of the first
_LEVEL_PAIR = re.compile(r"^(乡|镇|村|县|区|市)[（(](?:街道|社区|居|乡|镇|市|区|县)[）)]")
#: a part named by a level of government or of an event (国家级, 省级, 成都市级, 市级及以下, 乡镇级)
_ANY_LEVEL = re.compile(r"(?:国家|中央|部|" + "|".join(sorted(_LEVEL_OF, key=len, reverse=True)) + r")级")


#: a part named by the grade it was given (评价等级为“优”的, “良”的, 良好等级的)
_GRADE_NAMED = re.compile(r"(优秀|良好|不合格|合格|优|良|中|差)[”\"」]?(?:等级|级)?的?$")


def _grade_named(labels: list[str]) -> bool:
    """Every part is named by a grade and no two by the same: one dimension (DOMAIN §3), so no run of them counts
    along another."""
    grades = [m.group(1) for m in map(_GRADE_NAMED.search, labels) if m]
    return len(labels) >= 2 and len(grades) == len(labels) and len(set(grades)) == len(grades)


def _level_named(labels: list[str]) -> bool:
    """Every part is named by one level (国家级赛事3场次、省级赛事7场次、市级及以下赛事26场次) and no two alike: one
    dimension, a level each, so no run of them counts along another."""
    return len(labels) >= 2 and all(len(_ANY_LEVEL.findall(lb)) == 1 for lb in labels) \
        and len(set(labels)) == len(labels)


def _levels_of(text: str, total: Quantity, parts: list[Quantity]) -> bool:
    """Counts of an area split by administrative level (全区…132个，其中区级1个、镇（街道）级11个、村（社区）级119个):
    every part named by a level (…级), the levels distinct and each the one below the last, down to the lowest (村 /
    社区), from the area's own level or the one below it (全县…，其中乡镇级A个、村级B个): the parts are the whole."""
    if total.kind != "count" or len(parts) < 2:
        return False
    levels = []
    for p in parts:
        pair = _LEVEL_PAIR.match(p.label)
        label = _IN_BRACKETS.sub("", p.label)
        found = [pair.group(1)] if pair else \
            _LEVEL_PART.findall(label) or [m.group(0) for m in [_LEVEL_NOUN.match(label)] if m]
        if len(found) != 1:
            return False
        levels.append(_LEVEL_OF[found[0]])
    if levels[-1] != len(_LEVELS) - 1 or any(b != a + 1 for a, b in zip(levels, levels[1:])):
        return False
    s_start, _ = _sentence_bounds(text, total.start)
    area = _AREA.findall(text, s_start, total.start)
    if len(set(area)) != 1:
        return False
    own = {_LEVEL_OF[area[0]]} | ({2} if area[0] == "市" else set())
    return any(levels[0] in (a, a + 1) for a in own)


def _budget_side(q: Quantity) -> str | None:
    """Which side of DOMAIN §2's budget stages a figure's name puts it on: "budget" (年初 / 全年 / 调整后 预算),
    "actual" (决算, 执行, 实际支出) or None (named by neither)."""
    st = _stage(re.split(r"[，,；;：:]", q.label)[-1]) if q.label else None
    return None if st is None else "actual" if st == "actual" else "budget"


def _stages_of(total: Quantity, parts: list[Quantity]) -> list[Quantity] | None:
    """The parts of ``total`` of its own budget stage and time (DOMAIN §2: 年初预算, 全年预算 = 年初 + 调整, and 执行数 /
    决算数 are stages of one budget line, never parts of one another): under a 决算 / 执行 total, a figure named by a
    budget stage (支出决算3200万元，其中基本支出A，项目支出B；全年预算3500万元 / 其中人员经费A，全年预算B) or by another
    time (上年 / 2022年) is no part of it, and under a 预算 total no 决算 figure is. None when the parts are of both
    stages and the total's name says neither."""
    parts = [p for p in parts if not _of_other_time(total, p)]
    own = _stage_named(total)
    if own is not None:
        return [p for p in parts if _stage_named(p) in _PART_STAGES[own]]
    sided = {_budget_side(p) for p in parts}
    if sided == {"budget", None} and _spent_unstaged(total):
        # 本年支出A，其中项目支出全年预算B，支出C: spending named by no stage is spent (DOMAIN §2), a budget no part of it
        return [p for p in parts if _budget_side(p) is None]
    sides = sided - {None}
    return parts if len(sides) < 2 else None


def _spent_unstaged(q: Quantity) -> bool:
    """A figure named as spending (本年支出, 支出合计) and by no budget stage or fund's budget."""
    last = re.split(r"[，,；;：:]", q.label)[-1] if q.label else ""
    return "支出" in last and _stage(last) is None


def _full_budget_split(total: Quantity, parts: list[Quantity]) -> bool:
    """全年预算 = 年初预算 + 调整 (DOMAIN §2): a 全年预算 total over its 年初预算 and its 调整 / 追加 is complete."""
    if _stage_named(total) != "full" or len(parts) != 2:
        return False
    initial = [p for p in parts if _stage_named(p) == "initial"]
    return len(initial) == 1 and any(p is not initial[0] and re.search(r"调整|追加|调增|调减", p.label) for p in parts)


#: the stages a part of a total of each stage may be named by (DOMAIN §2): a 决算 total's parts are 决算 figures, a
#: 年初预算's are 年初 figures, a 全年预算 is 年初 + 调整 (调整预算 is read as a 全年 word), a bare 预算 any budget's
_PART_STAGES = {"actual": {None, "actual"}, "initial": {None, "initial"}, "full": {None, "initial", "full", "budget"},
                "budget": {None, "initial", "full", "budget"}}


def _stage_named(q: Quantity) -> str | None:
    """The budget stage the last clause of a figure's name says (:func:`_stage`), None for none."""
    return _stage(re.split(r"[，,；;：:]", q.label)[-1]) if q.label else None


_CARRIED_OVER = re.compile(r"(?:上年|上一年|去年|(?:19|20)\d\d年)度?(?:末|底)?(?=结转|结余)")


def _of_other_time(total: Quantity, part: Quantity) -> bool:
    """A part named by another year or period than its total (上年 / 去年 / 同期, or a year its total does not name);
    what is carried over from last year (上年结转, 年初结转和结余) is a source of this year's income, not last year's."""
    words = re.split(r"[，,；;：:]", part.label)[-1] if part.label else ""
    m = _OTHER_TIME.search(_CARRIED_OVER.sub("", words))
    if m is None:
        return False
    return not (m.group(1) and m.group(0) in (total.label or ""))


#: the sources of a unit's income (DOMAIN §2, 收入合计 = Σ sources): 财政拨款 of each budget, 上级补助, 事业, 经营,
#: 附属单位上缴, 其他 and what is carried over from last year
_INCOME_SOURCE = re.compile(r"财政拨款|财政补助|上级(?:[\u4e00-\u9fff]{0,8}?)补助|转移支付|事业收入|经营收入|附属单位上缴|"
                            r"其他收入|上年结转|年初结转|结转和结余|事业基金")
_INCOME_WHOLE = re.compile(r"(?:收入合计|本年收入|收入总计|总收入|收入总额|收入)(?:合计|总计|共计)?(?:为|是|达到?)?$")


def _income_sources(total: Quantity, parts: list[Quantity]) -> bool:
    """An income total (收入合计 / 本年收入 / 收入总计) whose three or more parts are each one source of income
    (DOMAIN §2): the list is its breakdown, not some of it."""
    if not (total.kind == "money" and len(parts) >= 3 and bool(_INCOME_WHOLE.search(total.label))
            and all(_INCOME_SOURCE.search(p.label) for p in parts)):
        return False
    # each source once, 财政拨款 of each budget a source of its own (一般公共预算 / 政府性基金预算财政拨款收入)
    sources = {(_INCOME_SOURCE.search(p.label).group(0), next((k for k in FUND_KINDS if k in p.label), "")) for p in parts}
    return len(sources) == len(parts)


#: the level of government a fund comes from, at the start of its name (DOMAIN §2: 中央 ⊃ 省 ⊃ 市 ⊃ 县, the
#: department's own government named 本级): 中央资金, 自治区资金, 河池市资金, 区本级资金, 县级配套资金
_FUND_LEVELS = ((0, re.compile(r"^(?:中央|国家)(?:级)?")),
                (3, re.compile(r"^[\u4e00-\u9fff]{0,4}?本级")),
                (1, re.compile(r"^(?:省|自治区)级?|^[\u4e00-\u9fff]{1,4}(?:省|自治区)")),
                (2, re.compile(r"^[\u4e00-\u9fff]{0,4}?(?:市|州|盟)级?")),
                (3, re.compile(r"^[\u4e00-\u9fff]{0,4}?(?:县|区|旗)级?")))
#: what a fund of a level is called after its level: 资金, 补助资金, 配套资金, 财政衔接资金
_FUND_NOUN = re.compile(r"(?:财政)?[\u4e00-\u9fff]{0,4}?(?:资金|补助|配套|经费|投入|拨款)|")


def _fund_levels(total: Quantity, parts: list[Quantity]) -> bool:
    """Money split by the level of government it came from, from 中央 down to the department's own (其中中央资金A、
    自治区资金B、河池市资金C、区本级资金D): each level once, in order, the same kind of money each time: the list is
    the whole of the total, not some of it."""
    if total.kind != "money" or len(parts) < 3 or re.search(r"投资|造价", total.label):
        return False  # (a project's investment may hold money of no government: 自筹, 社会资本)
    levels, nouns = [], set()
    for p in parts:
        label = re.sub(r"^(?:其中|包括)?[：:，,]?", "", p.label)
        found = next(((n, m) for n, pattern in _FUND_LEVELS if (m := pattern.match(label))), None)
        if found is None or not _FUND_NOUN.fullmatch(label[found[1].end():]):
            return False
        levels.append(found[0])
        nouns.add(label[found[1].end():][-2:])
    return levels[0] == 0 and levels[-1] == 3 and all(a < b for a, b in zip(levels, levels[1:])) and len(nouns) == 1


#: a vehicle named by its use (一般公务用车, 执法执勤用车, 特种专业技术用车, 应急保障用车, 机要通信用车, 其他用车 of the
#: 党政机关公务用车管理办法, or a use of the unit's own: 防汛应急用车), not by its purchase or disposal (新购置…用车)
_VEHICLE_USE = re.compile(r"^(?:其中|包括)?[：:，,]?(?P<use>[\u4e00-\u9fff]{2,8}?)用车$")
_VEHICLE_EVENT = re.compile(r"购|新增|更新|报废|处置|租|调入|调出|划转|拍卖|封存")
#: the words of a count of all the vehicles (年末实有公务用车, 共有车辆, 保有量): no one use
_VEHICLE_WHOLE = re.compile(r"共有|实有|现有|保有|年末|合计|总数|共计|全部")


#: a vehicle named by the work it does (疫苗冷链运输车, 环卫作业车, 消防车): not by its make or power (新能源汽车, 越野车)
_VEHICLE_KIND = re.compile(r"^(?:其中|包括)?[：:，,]?(?P<use>[\u4e00-\u9fff]{2,8}?(?:运输|作业|救护|巡逻|指挥|保障|抢险|通信|监测|执法))车$")


def _vehicle_uses(total: Quantity, parts: list[Quantity]) -> bool:
    """A count of vehicles (共有车辆N辆, 公务用车保有量N辆) split by their uses, each part one use, each use once
    (其中一般公务用车1辆、执法执勤用车9辆): every vehicle has one use, so the list is the whole of the count."""
    if total.kind != "count" or total.unit != "辆" or len(parts) < 2 or "车" not in total.label \
            or _VEHICLE_EVENT.search(total.label):
        return False
    uses = [m.group("use") if (m := _VEHICLE_USE.match(p.label)) and not _VEHICLE_EVENT.search(p.label)
            and not _VEHICLE_WHOLE.search(p.label) else None for p in parts]
    if uses.count(None) == 1 and len(parts) >= 3 and not any(u and re.search(r"特种|执法|专业技术", u) for u in uses):
        # 应急保障用车3辆、疫苗冷链运输车2辆、一般公务用车1辆: a vehicle named by what it does among the uses is a use
        k = uses.index(None)
        m = _VEHICLE_KIND.match(parts[k].label)
        if m and not _VEHICLE_EVENT.search(parts[k].label) and not _VEHICLE_WHOLE.search(parts[k].label):
            uses[k] = m.group("use")
    return None not in uses and all(p.unit == "辆" for p in parts) \
        and not any(a != b and (a in b or b in a) for a in uses for b in uses) and len(set(uses)) == len(uses)


_PROCUREMENT = next(s for s in FIXED if s.key == "procurement")


def _procurement_objects(total: Quantity, parts: list[Quantity]) -> bool:
    """A 政府采购 figure split into its three objects, 货物, 工程 and 服务 (政府采购法 art. 2), each once."""
    return total.kind == "money" and "采购" in total.label and len(parts) == len(_PROCUREMENT.parts) \
        and all(sum(spec.word in p.label for p in parts) == 1 for spec in _PROCUREMENT.parts)


#: a part named by one kind of a split and nothing else but the total's noun (行政编制, 事业人员, 行政; 政府性基金预算财政拨款)
_STAFF_PART = re.compile(r"^(?:其中|包括)?[：:，,]?(?P<k>" + "|".join(STAFF_KINDS) + r")(?:编制|人员|编制人员|在编人员)?$")
_RETIRED_PART = re.compile(r"^(?:其中|包括)?[：:，,]?(?:原)?(?P<k>" + "|".join(STAFF_KINDS) +
                           r")(?:单位)?(?:编制)?(?:离退休|退休|离休)?(?:人员)?$")
_FUND_PART = re.compile(r"^(?:其中|包括)?[：:，,]?(?P<k>" + "|".join(FUND_KINDS) + r")(?:预算)?(?:财政拨款)?(?:收入|支出)?$")


def _kinds_of(total: Quantity, parts: list[Quantity]) -> bool:
    """A total split by its kinds, 行政 and 事业 (and 工勤) of a 编制 or staff count, 一般公共预算 and 政府性基金 (and
    国有资本经营) of a 财政拨款: each part one kind, each kind once, the two kinds every such split has both named.
    A unit's third kind, where it has one, is listed with the others (工勤编制2名; 国有资本经营预算财政拨款): a list
    naming the first two is the whole."""
    if len(parts) not in (2, 3) or any(p.unit != total.unit for p in parts):
        return False
    if total.kind == "count" and re.search(r"编制|人员|人数", total.label) and not re.search(r"退休|离休|聘", total.label):
        pattern, needed = _STAFF_PART, STAFF_KINDS[:2]
    elif total.kind == "count" and re.search(r"退休|离休", total.label) and not re.search(r"聘", total.label):
        pattern, needed = _RETIRED_PART, STAFF_KINDS[:2]  # retirees by the kind they retired from: 原行政 / 事业退休人员
    elif total.kind == "money" and "财政拨款" in total.label:
        pattern, needed = _FUND_PART, FUND_KINDS[:2]
    else:
        return False
    kinds = [m.group("k") if (m := pattern.match(p.label)) else None for p in parts]
    return None not in kinds and len(set(kinds)) == len(kinds) and all(k in kinds for k in needed)


#: the kinds a count of indicators is split by: 预算执行 beside the 一级/二级 kinds (DOMAIN.md section 3, 执行率 + 产出 +
#: 效益 + 满意度 weigh 100)
_KINDS = INDICATOR_KINDS + ("预算执行", "预算执行率", "执行率")
_KIND_NAME = re.compile(r"(?:类)?(?:指标)?$")


#: a note that the count leaves a kind out (不含预算执行率 / 预算执行率除外): a list naming that kind all the same is
#: not read as the count's classes
_LEFT_OUT = re.compile(r"不含|除外|不包括")


def _indicator_kinds(total: Quantity, parts: list[Quantity]) -> bool:
    """A count of indicators (…指标N个) whose parts are each named by a kind of indicator, however the name ends
    (产出指标5个 / 产出类5项 / 产出类指标5个), every kind of one level named (产出, 效益 and 满意度; or the four
    kinds of 产出): the parts are the classes of the count, no run of them counts along another dimension."""
    if total.kind != "count" or len(parts) < 2 or not total.label.endswith("指标"):
        return False
    names = [_KIND_NAME.sub("", p.label, count=1) for p in parts]
    return all(p.unit == total.unit and n in _KINDS for p, n in zip(parts, names)) \
        and any(all(w in names for w in level) for level in (LEVEL_ONE, OUTPUT_KINDS))


def _usable(q: Quantity) -> bool:
    """A figure of this year that may be a total or a part: not a change, share or rate, not approximate, and not the
    base a change is measured from (比上年的550万元)."""
    return q.role == "level" and not q.approx and not q.base and q.kind in ("money", "count")


@dataclass
class Group:
    total: Quantity
    parts: list[Quantity]
    keyword: str
    complete: bool
    ok: bool  # parts add up to the total
    #: the parts are the total's classes (指标 by kind, 队伍 by level): no run of them counts along another dimension
    classes: bool = False


class _Brackets:
    """Bracket depth at any offset of a text, from the positions of its brackets (found once)."""

    def __init__(self, text: str) -> None:
        self.opens = [m.start() for m in re.finditer(r"[（(]", text)]
        self.closes = [m.start() for m in re.finditer(r"[）)]", text)]

    def depth(self, pos: int) -> int:
        return max(0, bisect_left(self.opens, pos) - bisect_left(self.closes, pos))

    def close_after(self, pos: int) -> int | None:
        """Where the bracket holding ``pos`` closes."""
        d = self.depth(pos)
        k = bisect_right(self.closes, pos)
        for c in self.closes[k:k + WINDOW]:
            if self.depth(c + 1) < d:
                return c
        return None


@lru_cache(maxsize=16)
def _brackets(text: str) -> _Brackets:
    return _Brackets(text)


#: a label of last year's figure (上年 / 上年度 / 去年 / 上一年 …)
_LAST_YEAR = re.compile(r"(上年|上一年|去年|上年度|上年同期)")


def _percent_run(text: str, qs: list[Quantity], i: int) -> list[Quantity]:
    """The percentages from ``qs[i]`` on joined by 、，和及 (``分别占X%、Y%和Z%``)."""
    run = [qs[i]]
    for nxt in qs[i + 1:i + 1 + WINDOW]:
        if nxt.unit != "%" or not re.fullmatch(r"\s*[、，,和及]\s*", text[run[-1].end:nxt.start]):
            break
        run.append(nxt)
    return run


#: the label of the figure a change is measured from (较上年末的28人增加2人): what is compared with, no whole of parts
_COMPARED_WITH = re.compile(r"^(?:较|比)(?:上年|上一年|去年|上年度|上年同期)")

#: right after a figure: it is what a rate is measured on (预算B万元的R%), not a whole of parts to come
_RATE_BASE = re.compile(r"\s*的\s*[\d.,]+\s*[%％]")


def find_groups(text: str, qs: list[Quantity]) -> list[Group]:
    """Totals followed by their parts (``X万元，其中A万元，B万元``). A part may have parts of its own, in brackets
    after it (``其中A（B，C），D``) or after a 其中 of its own in a list whose items end with ； (``其中：A；B，其中
    B1，B2；C``): those are not parts of the total (they are checked against their part, as a group of their own)."""
    groups = []
    marks = [(m.start(), m.group(0)) for m in _GROUP.finditer(text)]
    mark_pos = [p for p, _kw in marks]
    keys = starts(qs)
    brackets = _brackets(text)
    for pos, keyword in marks:
        s_start, s_end = _sentence_bounds(text, pos)
        d0 = brackets.depth(pos)
        limit = s_end
        if d0:
            close = brackets.close_after(pos)
            limit = min(limit, close) if close is not None else limit
        after = []
        for j in range(first_after(keys, pos + len(keyword) - 1), len(qs)):  # not a count inside the keyword
            if qs[j].start >= limit or len(after) > WINDOW:
                break
            if _usable(qs[j]):
                after.append(qs[j])
        if not after or len(after) > WINDOW or after[0].start - pos > REACH \
                or re.search(r"[，,；;]", text[pos + len(keyword):after[0].start].lstrip("：:，, ")):
            continue  # the first part must open the first clause after the keyword; an endless list says nothing
        first = after[0]
        # the total: nearest comparable figure before the keyword, in this sentence or the one before
        prev_start, _ = _sentence_bounds(text, max(0, s_start - 1)) if s_start else (0, 0)
        before = [q for q in prior(qs, first_after(keys, pos - 1), prev_start, at=pos) if q.start < pos
                  and q.comparable(first) and q.role == "level" and not q.base and not _COMPARED_WITH.match(q.label)]
        if len(before) > 1 and _restates(text, before[-2], before[-1], brackets):
            before = before[:-1]  # T万元（约X亿元），其中…: the total is T, the bracket only says it again
        # a 其中 inside another's list (其中：A；B，其中：B1；B2；C): B's list ends where its parts make up B
        nested = _marked(mark_pos, s_start, pos) and bool(before)
        staged = _staged(text, after, before, d0, brackets, keyword)
        if staged:
            groups += staged
            continue
        parts: list[Quantity] = []
        children: dict[int, list[Quantity]] = {}
        inner: Quantity | None = None  # the part whose own 其中 list is being read
        inner_named = False  # its list opened by its own name (基本支出中B、C): it ends where 、 gives way to ，
        named_lists: set[int] = set()
        outer_sep = None
        prev_end = first.start
        parts_by_dun = True  # every part after the first joined by 、 (和, 及, 与) alone
        for q in after:
            if not q.comparable(first) and not (before and before[-1].units and q.comparable(before[-1])):
                continue  # 63所（个），其中…18所、…2个: a part in the total's second count word is one of them
            if brackets.depth(q.start) > d0:  # in brackets after a part: that part's own parts
                since = parts[-1].end if parts else q.start
                opening = text.rfind("（", since, q.start)  # the bracket q is in, opened after the part
                if parts and not re.search(r"\d", text[since:opening if opening >= 0 else q.start]):
                    # (…在建3个；…覆盖率达到100.00%（已覆盖21个，共21个）: a bracket after another figure is not the part's)
                    children.setdefault(id(parts[-1]), []).append(q)
                prev_end = q.end
                continue
            gap = text[prev_end:q.start]
            if inner is not None:
                # a part's own list of the main items (主要包括A、B等；) ends at its ；, short of the part or not; a list
                # of its own that already makes it up ends there (基本支出中B、C，项目支出D: D is the outer list's)
                kids = children[id(inner)]
                made = len(kids) >= 2 and _sum_in(kids, inner) == inner.value
                named_end = inner_named and not re.fullmatch(r"\s*[、和及与]\s*[^，,；;。\d]*", gap)
                if not made and not named_end \
                        and ("；" not in gap or (_short_of(kids, inner) and not re.search(r"等\s*[；;]", gap))):
                    children[id(inner)].append(q)
                    prev_end = q.end
                    continue
                inner = None
            own = re.sub(r"^其中[：:]?", "", parts[-1].label) if parts else ""
            if len(own) >= 2 and re.search(r"[，,；;]\s*" + re.escape(own) + r"(?:中|当中)[，,：:]?[^，,；;。\d]*$", gap):
                # T，其中A，占x%，A中B、C，D: A's own parts, named by A, joined by 、 (the outer list's by ，)
                inner, inner_named = parts[-1], True
                named_lists.add(id(inner))
                children.setdefault(id(inner), []).append(q)
                prev_end = q.end
                continue
            if q.total:
                break
            if parts and _marked(mark_pos, prev_end, q.start) and not _words_only(text, mark_pos, prev_end, q.start):
                if outer_sep is None and len(parts) == 1 and "；" in text[q.end:limit]:
                    outer_sep = "；"  # 其中A，占…，包括B和C；D: A's own list runs to the ；, the outer list is ；-separated
                if outer_sep == "；":  # a part's own 其中 list, running to the next ；
                    inner = parts[-1]
                    children.setdefault(id(inner), []).append(q)
                    prev_end = q.end
                    continue
                break  # a 其中 inside a list separated by ，: where its parts end cannot be told
            if parts and _BESIDES.search(gap):
                break  # …；此外，B万元 / …，另有B个: what follows is beside the total, not in it
            if parts and q.kind == "count" and parts[-1].label.startswith("其他") and not re.search(r"[、和及]", gap):
                break  # …、其他类236起，按期办结1173起: a counted list closes with its 其他 part
            named_so_far = [p.label for p in parts]
            if len(parts) >= 2 and not _work_states(named_so_far + [q.label]) \
                    and ((_work_states(named_so_far) and len(re.findall(r"[，,；;]", gap)) >= 2)
                         or (re.search(r"[，,]", gap) and "、" not in gap and parts_by_dun
                             and (_work_states(named_so_far) or _complete(named_so_far, keyword)))):
                # a whole set ends its list at a clause break: a clause later (已完工13个、在建4个，…增长，新培育家庭
                # 农场64家), or at the ， after parts joined by 、 (其中已完工9个、在建3个，新增学位2160个)
                break
            sep = "；" if "；" in gap else "，"
            if parts:
                parts_by_dun = parts_by_dun and bool(re.fullmatch(r"[^，,；;。]*[、和及与][^，,；;。]*", gap))
            if len(parts) == 1:
                outer_sep = sep
            elif len(parts) >= 2 and sep == "；" and outer_sep != "；":
                break  # parts listed with ，/、: a ； ends the list ("…效益指标3个；完成8个")
            parts.append(q)
            prev_end = q.end
            if nested and outer_sep == "；" and len(parts) >= 2 and not _short_of(parts, before[-1]):
                break  # the parts make up their total: what follows ； belongs to the outer list
        for p in parts:  # parts with parts of their own in brackets (no 其中 of their own): a group too
            kids = children.get(id(p), [])
            if len(kids) >= 2 and not _marked(mark_pos, p.end, kids[0].start) and brackets.depth(kids[0].start) > d0:
                groups.append(Group(p, kids, "（", _complete([k.label for k in kids], "（") or _kinds_of(p, kids), False))
            elif len(kids) >= 2 and id(p) in named_lists and all(k.comparable(p) for k in kids):
                groups.append(Group(p, kids, "中", _complete([k.label for k in kids], "中") or _kinds_of(p, kids), False))
        zeros = _zero_parts(text, qs, parts[-1].end, limit, keys) if parts else []
        if len(parts) + len(zeros) < 2 or not parts or not before or before[-1].approx:
            continue
        if keyword.startswith("分别") and not all(p.label for p in parts):
            continue  # "分别达到50家、8家": respectively, not parts of a total
        while len(before) > 1 and _RATE_BASE.match(text, before[-1].end):
            before = before[:-1]  # 支出A万元，为年初预算B万元的R%。其中…: B is the rate's measure, the parts are A's
        total = before[-1]
        semi = max(text.rfind("；", total.end, pos), text.rfind(";", total.end, pos))
        if semi >= 0 and len(re.findall(r"[\u4e00-\u9fff]", text[semi:pos])) >= 2 and "。" not in text[total.end:pos] \
                and not any(semi < q.start < pos for q in qs):
            continue  # A0.00万元；B方面，其中C、D: the 其中 is of the subject named after the ；, not of A
        if len(before) > 1 and _sum_in(parts, total) != total.value:
            # 基本支出和项目支出分别为A和B。基本支出…，其中C、D: the parts make up exactly an earlier figure of the two
            # sentences, not the nearest one: that figure is their total (the other reading would call right wrong)
            # (not a count of the sentence before when the nearest, in the 其中's own sentence, is said to be a total:
            # 对15个项目编制了绩效目标。共对17个项目开展绩效自评，其中一般项目12个、重点项目3个 — the 17 is theirs)
            exact = [b for b in before[:-1] if not b.approx and _sum_in(parts, b) == b.value
                     and not (b.start < s_start <= total.start and total.kind == "count"
                              and re.search(r"共|总|合计|累计", total.pre))]
            if exact:
                total = exact[-1]
        if _LAST_YEAR.match(total.label) and len(before) > 1:
            continue  # …同比增长R%，上年B万元。其中…: last year's figure beside this year's is no whole of these parts
        noun_mark = keyword.endswith("中") and len(keyword) > 1 and not keyword.startswith("其")
        if noun_mark and re.search(r"、\s*$", text[max(0, total.start - 2):total.start]):
            continue  # 在2个街道、6个镇中: the whole is the list before 中, not its last figure
        if any(_NEGATION.match(p.label) and _DEGREE.sub("", _NEGATION.sub("", p.label)) == _DEGREE.sub("", total.label)
               for p in parts if total.label):
            continue  # 完成11个，其中超额完成4个；未完成2个: what was not done is no part of what was
        stages = _stages_of(total, parts)  # a figure of another stage or time is no part, whatever its size
        if total.value > 0 and any(p.value_in(total.unit) > total.value for p in stages or parts) \
                and not (stages == parts and (_income_sources(total, parts) or _vehicle_uses(total, parts)
                                              or _procurement_objects(total, parts) or _digit_lost(total, parts))):
            # (an income total over its sources, a count of vehicles over their uses, a 政府采购 over 货物, 工程 and
            # 服务: the total is theirs, mistyped)
            # a part larger than the figure before it: that figure is not their total; parts that are a named split
            # (基本支出 and 项目支出) are of the figure named by its whole (支出合计), if the two sentences hold one
            total = _named_split_whole(stages or parts, before)
            if total is None:
                continue
            stages = _stages_of(total, parts)
        if stages is None:
            continue  # parts of two budget stages (预算A，决算B) under a total of neither: whose sum it is is not told
        named = [p.label for p in parts]  # the items' names: on their 预算 figures when both stages are given
        parts = stages
        if len(parts) + len(zeros) < 2:
            continue
        cut = _numbered_prefix(text, text[s_start:pos], parts)
        if cut:  # 开展“两癌”筛查，其中宫颈癌A人、乳腺癌B人，对筛查出的C名…: the two kinds are the list, C is beside it
            parts, named = parts[:cut], named[:cut]
        classes = _classes_of(total, parts) or _indicator_kinds(total, parts) or _levels_of(text, total, parts) \
            or _affirmed_and_negated([p.label for p in parts])  # a partition: no run counts along another dimension
        whole_name = total.label + re.split(r"[，,；;。：:（(]", text[total.end:total.end + 16])[0]  # 共对17个项目开展…
        next_end = _sentence_bounds(text, limit + 1)[1] if limit + 1 < len(text) else limit
        if any(total.end <= q.start < pos and q.role == "change" for q in qs) \
                or any(parts[-1].end <= q.start < next_end and q.comparable(total) and q not in parts for q in qs):
            whole_name = "和"  # 42所，比上年新增5所，其中… / …；入境游客C / 。线上学员C另行统计: not said to be all
        complete = _complete(named, keyword) or _complementary(named, whole_name) \
            or (_numbered_whole(text[s_start:pos], named) and _sum_in(parts, total) * 10 >= total.value * 9) \
            or (_ordinary_rest(named) and not _said_partial(text, keyword, parts[-1].end, limit, True)) \
            or _shares_complete(text, qs, parts, keys) or classes \
            or _income_sources(total, parts) or _fund_levels(total, parts) or _full_budget_split(total, parts) \
            or _kinds_of(total, parts) \
            or _vehicle_uses(total, parts) or bool(zeros) and _complete([p.label for p in parts] + zeros, keyword)
        complete = complete and not _said_partial(text, keyword, parts[-1].end, limit) \
            and not (_work_states(named) and _MORE_NEXT.match(text, min(len(text), limit + 1)))
        if complete and _complementary(named, whole_name) and not classes and _said_partial(text, keyword, parts[-1].end, limit, True):
            complete = False  # 规上企业A家，规下企业B家，另走访个体工商户C家: more than the two halves were counted
        if complete and _vehicle_uses(total, parts) and _said_partial(text, keyword, parts[-1].end, limit, True):
            complete = classes  # 其中A用车4辆、B用车2辆，另有1辆已申请报废: the uses listed may not be every vehicle
        if any(g.total is total and [x.start for x in g.parts] == [x.start for x in parts] for g in groups):
            continue  # 其中A、B、C分别为…: the list under its second mark is the same list
        if noun_mark and not complete:
            continue  # 在320名学员中，女性学员186名、35岁以下学员210名: read only as a complete split
        groups.append(Group(total, parts, keyword, complete, False, classes))
        paired = _paired_dimension(text, qs, keys, total, parts, pos)
        if paired is not None:  # the parts that make up the first total are all of the second's too
            first = groups[-1]
            whole = complete or sum(group_values(first)) == total.value
            groups.append(Group(paired[0], paired[1], keyword, whole, False, classes))
            if not whole and not any(p.approx for p in paired[1]) \
                    and sum(group_values(groups[-1])) == paired[0].value \
                    and not _said_partial(text, keyword, paired[1][-1].end, limit, True):
                # 共接待9批次、37人次，其中：A4批次21人次；B3批次16人次: the 人次 add up, so the list is whole, and its
                # 批次 must make the 9 as well
                first.complete = True
    return groups


def _digit_lost(total: Quantity, parts: list[Quantity]) -> bool:
    """The figure before a list larger than it is the list's sum with one digit left out (核定编制34名，包括政法专项编制
    312名、事业编制18名和工勤编制4名: 334): the total mistyped, not some other figure. Only for a sum of three digits or
    more in the total's own unit, every part exact."""
    if any(p.approx or p.unit != total.unit for p in parts):
        return False
    s = _sum_in(parts, total)
    return s >= 100 and slip_kind(num_text(total.value), s) == "少写一位数字"


def _sum_in(parts: list[Quantity], total: Quantity) -> Decimal:
    """The parts' sum in the unit of ``total``."""
    return sum((p.value_in(total.unit) for p in parts), Decimal(0))


def _paired_dimension(text: str, qs: list[Quantity], keys: list[int], total: Quantity, parts: list[Quantity],
                      pos: int) -> tuple[Quantity, list[Quantity]] | None:
    """A list counted in two units at once (``接待14批次、共112人次，其中：省级4批次31人次，市级5批次42人次…``): each
    part's figure is followed at once by one in a second unit, and the total is followed, before the keyword, by one
    figure in that unit: (that total, the parts in that unit), None when the list is not so written."""
    seconds = []
    for j, p in enumerate(parts):
        k = first_after(keys, p.end - 1)  # 4批次31人次: the second figure may start where the first ends
        nxt = qs[k] if k < len(qs) else None
        limit = parts[j + 1].start if j + 1 < len(parts) else None
        if nxt is None or not _usable(nxt) or nxt.unit == p.unit or text[p.end:nxt.start].strip() not in ("", "次") \
                or (limit is not None and nxt.start >= limit) or (seconds and nxt.unit != seconds[0].unit):
            return None
        seconds.append(nxt)
    between_totals = [q for q in qs if total.end <= q.start < pos]
    if len(between_totals) != 1 or between_totals[0].unit != seconds[0].unit or not _usable(between_totals[0]) \
            or not re.fullmatch(r"次?[、，,]?\s*(?:共|合计|共计|计)?", text[total.end:between_totals[0].start].strip()):
        return None
    return between_totals[0], seconds


#: parts said in words to be nothing: 因公出国（境）费和公务用车购置费均为0 / …未发生 / 项目支出无
_ZERO = re.compile(r"\s*[，,；;、]\s*(?P<names>[^，,；;。：:\d（(]{2,40}?(?:[（(][^）)\d]{1,4}[）)][^，,；;。：:\d（(]{0,20}?)?)"
                   r"(?:均|都|全部|皆)?(?:为|是)?(?:0(?:\.0+)?(?:万元|元)?|零|未发生|未列支|无支出|"
                   r"没有发生|无)(?:支出)?(?=[，,；;。]|$)")


def _zero_parts(text: str, qs: list[Quantity], pos: int, limit: int, keys: list[int]) -> list[str]:
    """The names of the parts a list says are zero in words right after its last figure (``…，A和B均为0``): they
    complete a set of parts (DOMAIN §2) without adding to its sum. Only the clauses before the next figure are read."""
    k = first_after(keys, pos - 1)
    end = min(limit, qs[k].start if k < len(qs) else limit)
    m = _ZERO.match(text, pos, end)
    if m is None:
        return []
    names = [n.strip() for n in re.split(r"[、和及与]|以及", m.group("names"))]
    return names if all(len(n) >= 2 for n in names) else []


#: a list said to have N items: 分为三类： / 划分为3个层次： / 分成两种： (the count is of the items, not of a figure)
_COUNTED_LIST = re.compile(r"(?:分为|分成|划分为|分作|可分为|(?<![得扣满评计记总积学])分)(?P<n>\d{1,2}|[一二两三四五六七八九十]{1,2})"
                           r"(?:个|种)?(?:类|种|项|层次|层级|方面|部分|档次?|级|环节|板块|块)[：:，,]")
#: N items added up after them: 三项合计X / 两项共计X / 三者之和为X / 以上四类共X (后两项: the last N)
_N_ITEMS_SUM = re.compile(r"(?P<last>后)?(?P<n>\d{1,2}|[一二两三四五六七八九十]{1,2})(?:项|者|类|个项目|部分)(?:资金|支出|经费|费用)?"
                          r"(?:合计|共计|总计|之和|累计|共)(?:为|是|达)?\s*$")


def find_counted_lists(text: str, qs: list[Quantity], taken: set[int]) -> list[Group]:
    """``事项146件，分为四类：来信52件、来访61件、…`` (a total, then a list said to have N items, N of them listed):
    the items are the whole of the total. Nothing is read when the number of items listed is not N."""
    groups = []
    keys = starts(qs)
    for m in _COUNTED_LIST.finditer(text):
        n = count_value(m.group("n"))
        s_start, s_end = _sentence_bounds(text, m.start())
        k = first_after(keys, m.start() - 1)
        if not n or k == 0 or qs[k - 1].start < s_start:
            continue
        total = qs[k - 1]
        if not _usable(total) or re.search(r"[，,；;：:。]", text[total.end:m.start()].strip("，, ")):
            continue  # the total is the figure right before the grouping words
        after = [q for q in qs[k:k + WINDOW + 1] if q.start >= m.end() and q.start < s_end]
        parts = [q for q in after if q.comparable(total)]
        if len(parts) != n or len(after) != n or not all(_usable(q) for q in parts) or any(id(q) in taken for q in parts):
            continue
        groups.append(Group(total, parts, m.group(0), True, False))
    return groups


def _n_items_sums(text: str, qs: list[Quantity], marks: list[int]) -> tuple[list[Issue], set[int]]:
    """``A万元、B万元和C万元，三项合计X万元``: X is the sum of the N figures before it in its sentence — there must be
    exactly N of them (``后两项合计``: the last two). Returns the issues and the totals read (no other reading)."""
    issues, read = [], set()
    for i, t in enumerate(qs):
        m = _N_ITEMS_SUM.search(t.pre)
        if m is None or not _usable(t):
            continue
        n = count_value(m.group("n"))
        s_start, _ = _sentence_bounds(text, t.start)
        run = [q for q in prior(qs, i, s_start) if q.comparable(t) and _usable(q) and not q.total]
        if not n or n < 2 or len(run) < n or (len(run) != n and not m.group("last")):
            continue
        run = run[-n:]
        read.add(id(t))
        values = [q.value_in(t.unit) for q in run]
        v, total = sum_verdict(values, t.value, kind_of(t.kind))
        if v == "ok":
            continue
        t.disputed = total
        issues.append(_issue(TXT001, v, f"{t.label or '合计'} {t.text} 与前列{n}项之和不符：{_plus(values)} = "
                             f"{like(total, values)}", like(total, values), num_text(t.value), t.start))
    return issues, read


#: a clause opened by 此外 / 另外 / 另有 / 除此之外: a figure beside the total before it, not one of its parts
_BESIDES = re.compile(r"[，,；;。]\s*(?:此外|另外|另有|另|除此之外|除此以外|除上述|此外还)")


def _named_split_whole(parts: list[Quantity], before: list[Quantity]) -> Quantity | None:
    """The one figure of ``before`` named as the whole of a fixed split (DOMAIN §2) the parts name every part of:
    基本支出 and 项目支出 -> the figure of 支出 (支出合计, 2024年本部门支出合计); None when there is not exactly one."""
    labels = [p.label for p in parts]
    for spec in FIXED:
        if not all(any(part.word in lb for lb in labels) for part in spec.parts):
            continue
        core = _core(spec.label)
        named = [q for q in before if _core(q.label) == core and all(p.value_in(q.unit) <= q.value for p in parts)]
        return named[0] if len(named) == 1 else None
    return None


def _restates(text: str, q: Quantity, again: Quantity, brackets: "_Brackets") -> bool:
    """Whether ``again`` is ``q`` written once more in brackets right after it, rounded, in another money unit
    (14321.16万元（约1.43亿元）, 2.17亿元（21700万元）): within 1% of it."""
    if not (q.kind == "money" and again.kind == "money") or brackets.depth(again.start) <= brackets.depth(q.start):
        return False
    if not re.fullmatch(r"\s*[（(]\s*(约|折合|合|即|近|约合)?\s*", text[q.end:again.start]):
        return False
    exact = q.value_in(again.unit)  # about the same size: a restatement (how well it is rounded is not judged here)
    return exact > 0 and abs(exact - again.value) <= exact / 100 + half_unit(again.value, kind_of(again.kind))


def _short_of(parts: list[Quantity], total: Quantity) -> bool:
    """The parts read so far add up to less than the total (beyond the rounding of the figures)."""
    values = [p.value_in(total.unit) if p.comparable(total) else p.value for p in parts]
    return sum(values, Decimal(0)) < total.value and sum_verdict(values, total.value, kind_of(total.kind))[0] == "error"


def _staged(text: str, after: list[Quantity], before: list[Quantity], d0: int, brackets: "_Brackets",
            keyword: str) -> list[Group]:
    """``三公经费预算为A，决算为B，其中：甲预算为A1，决算为B1；乙预算为A2，决算为B2；…``: items giving a figure for
    each budget stage (预算 / 决算, 年初 / 全年 / 执行): one group per stage, its total the figure of that stage before
    the keyword."""
    money = [q for q in after if q.kind == "money" and brackets.depth(q.start) == d0]
    if len(money) < 4 or "；" not in text[money[0].end:money[-1].start]:
        return []
    stages: dict[str, list[Quantity]] = {}
    for q in money:
        st = stage_of(q.label)
        if st is None:
            return []  # a figure of no stage: not a list of items by stage
        stages.setdefault(st, []).append(q)
    totals = {}
    for q in before:
        st = stage_of(q.label)
        if st in stages:
            totals[st] = q
    if len(stages) < 2 or set(totals) != set(stages) or any(len(v) < 2 for v in stages.values()):
        return []
    complete = _complete([q.label for q in money], keyword)
    return [Group(totals[st], parts, keyword, complete, False) for st, parts in stages.items()]


def _shares_complete(text: str, qs: list[Quantity], parts: list[Quantity], keys: list[int]) -> bool:
    """Every part followed in its clause by a bare share (``A 655.80万元，占43.03%``) and the shares adding to
    100 % within their rounding: the parts are the whole list, even if the total beside them is wrong."""
    shares = []
    for k, p in enumerate(parts):
        limit = parts[k + 1].start if k + 1 < len(parts) else p.end + REACH
        nxt = [q for q in between(qs, p.end, limit, keys)[:WINDOW] if q.role == "share" and q.unit == "%"][:1]
        if not nxt or share_target(nxt[0]) or re.search(r"[；;。]", text[p.end:nxt[0].start]):
            return False
        shares.append(nxt[0].value)
    tol = sum((Decimal(1).scaleb(-places(v)) for v in shares), Decimal(0))
    return abs(sum(shares, Decimal(0)) - 100) <= tol


def group_values(g: "Group") -> list[Decimal]:
    """The parts of a group in the total's unit (parts in 万元 under a total in 亿元 are converted exactly)."""
    return [p.value_in(g.total.unit) for p in g.parts]


def _exact_values(g: "Group") -> list[Decimal]:
    """The parts in the total's unit with the precision they were written with (4,800.00万元 is 0.480000亿元)."""
    return [p.value.scaleb(_MONEY_EXP[p.unit] - _MONEY_EXP[g.total.unit]) for p in g.parts]


def _mixed(g: "Group") -> bool:
    return any(p.unit != g.total.unit for p in g.parts)


#: a grouping phrase: 按资金来源分 / 按经济分类划分 / 从支出结构看 / 分资金性质看, and the whole's name before it
_PARTITION = re.compile(r"(?P<whole>[\u4e00-\u9fff“”]{0,16}?)(?:[，,])?(?:按(?:照)?[\u4e00-\u9fff]{1,8}?(?:分|划分|分类)"
                        r"|从[\u4e00-\u9fff]{1,8}?(?:来)?看|分[\u4e00-\u9fff]{1,8}?看)(?:[：:，,]|(?<=分)(?:为|成)[：:]?)")


def _opened(between: str) -> bool:
    """Whether a bracket opened in ``between`` (the text from one part to the next figure) is still open."""
    depth = 0
    for ch in between:
        if ch in "（(":
            depth += 1
        elif ch in "）)" and depth:
            depth -= 1
    return depth > 0


def find_partitions(text: str, qs: list[Quantity], others: "Wholes | None") -> list[Group]:
    """``全年执行数按资金来源分：A万元，B万元，C万元`` / ``按支出性质分，基本支出A万元，占X%；项目支出B万元，占Y%``: a
    whole split by one dimension (按资金来源分, 按经济分类分) is the sum of the listed parts, all of them (a bare share
    after a part, ``占X%``, belongs to its part; the parts may be listed with ，/、 or with ；). The whole's figure is
    the one stated right before 按, else the one the document gives under the name before 按, else the total (合计 /
    总计 …) of the sentence before; with none of these, the sum of the parts is the whole the shares are of, if at
    least one share agrees with it (else the parts themselves may be mistyped, and nothing is said)."""
    groups = []
    if "按" not in text and "看" not in text:
        return groups
    keys = starts(qs)
    for m in _PARTITION.finditer(text):
        s_start, s_end = _sentence_bounds(text, m.start())
        parts: list[Quantity] = []
        shares: dict[int, Quantity] = {}  # id(part) -> the bare share right after it
        kids: dict[int, list[Quantity]] = {}  # id(part) -> the figures in the bracket right after it
        sep = None
        inner = False  # in a part's own 其中 list (基本支出A万元，其中人员经费B、公用经费C；项目支出D): up to the ；
        prev_end = None
        for j in range(first_after(keys, m.end() - 1), len(qs)):
            q = qs[j]
            if q.start >= s_end or len(parts) > WINDOW:
                break
            if parts and (inner or re.search(r"其中", text[prev_end:q.start])):
                gap = text[prev_end:q.start]
                if not inner or not re.search(r"[；;]", gap):
                    inner = True
                    prev_end = q.end
                    continue
                inner = False
                sep = "；"  # the outer list runs on after the ；
            prev_end = q.end
            if parts and _opened(text[parts[-1].end:q.start]):
                # 基本支出A万元（人员经费B万元、公用经费C万元）: the bracket's figures are the part's own parts
                kids.setdefault(id(parts[-1]), []).append(q)
                continue
            if parts and q.role == "share" and q.unit == "%" and not share_target(q) and id(parts[-1]) not in shares \
                    and not re.search(r"[；;]", text[parts[-1].end:q.start]):
                shares[id(parts[-1])] = q
                continue
            if q.total or not _usable(q) or (parts and not q.comparable(parts[0])):
                break
            if parts:
                here = "；" if re.search(r"[；;]", text[parts[-1].end:q.start]) else "，"
                if sep is None:
                    sep = here
                if here != sep:
                    break
            parts.append(q)
        if len(parts) < 2 or len(parts) > WINDOW or parts[0].start - m.end() > 40 \
                or re.search(r"等|其中|其余|另有", text[m.end():parts[0].start]):
            continue  # 按类型分为A、B、C等类别，其中…: the split's names are words, the figures another list
        for p in parts:  # a part's own parts in its bracket, when they name every part (人员经费 and 公用经费)
            inner = [q for q in kids.get(id(p), []) if _usable(q) and q.comparable(p) and not q.total]
            if len(inner) >= 2 and len(inner) == len(kids[id(p)]) and _complete([q.label for q in inner], "（"):
                groups.append(Group(p, inner, "（", True, False))
        whole_words = m.group("whole")
        inline = [q for q in prior(qs, first_after(keys, m.start() - 1), s_start, at=m.start())
                  if q.comparable(parts[0]) and _usable(q) and q.end > m.start() - 4]
        total = inline[-1] if inline and whole_words else (document_whole(whole_words, parts[0], others)
                                           if others is not None and whole_words else None)
        if total is None and s_start and not whole_words:
            prev_start, _ = _sentence_bounds(text, s_start - 1)
            last = [q for q in prior(qs, first_after(keys, s_start - 1), prev_start, at=s_start)
                    if _usable(q) and q.comparable(parts[0]) and not _LAST_YEAR.search(q.label)]  # not 上年支出合计
            total = last[-1] if last and last[-1].total else None
        if total is None and shares and (not whole_words or len(shares) >= 3):
            # (a whole named but not written, 2022年度财政拨款支出按功能分类，A，占x%；…, or three shares or more: the
            # parts' sum when most of the shares, more than half and two at least, are of it)
            total = _sum_whole(parts, shares, most=len(shares) >= 3)
        if total is None or total in parts:
            continue
        if _said_partial(text, "", parts[-1].end, s_end, True):
            continue  # 按来源分为：A186件、B97件，其余为…/ …198件等: said to be only some of the split
        groups.append(Group(total, parts, "按…分", True, False))
    return groups


def _first(qs: list[Quantity], keys: list[int], lo: int, hi: int, n: int) -> list[Quantity]:
    """At most the first ``n`` quantities starting in ``lo <= start < hi`` (no copy of a longer range: linear time)."""
    a = bisect_left(keys, lo)
    return [q for q in qs[a:a + n] if q.start < hi]


def _bare_list(text: str, qs: list[Quantity], lo: int, hi: int, keys: list[int]) -> list[Quantity]:
    """The figures of the sentence ``lo``–``hi`` when it is nothing but a list of two or more comparable parts
    (``职工医保基金支出A万元、城乡居民医保基金支出B万元``): no total, no 其中, no other figure."""
    items = _first(qs, keys, lo, hi, WINDOW + 1)
    if not 2 <= len(items) <= WINDOW or _GROUP.search(text, lo, hi) is not None:
        return []
    if any(not _usable(q) or q.total or q.base or not q.comparable(items[0]) for q in items):
        return []
    return items if all(re.fullmatch(r"[^，,、；;]*[，,、；;][^，,、；;]*", text[a.end:b.start])
                        for a, b in zip(items, items[1:])) else []


def _lone_total(qs: list[Quantity], lo: int, hi: int, keys: list[int]) -> Quantity | None:
    """The only figure of the sentence ``lo``–``hi`` when it is a total (…合计X万元 / 两项合计X万元)."""
    items = [q for q in _first(qs, keys, lo, hi, 3) if not q.chinese]  # 两项合计X万元: 两项 counts the parts
    return items[0] if len(items) == 1 and items[0].total and _usable(items[0]) else None


#: a label of another year or period: not a part of this year's total
_OTHER_TIME = re.compile(r"(19|20)\d\d年|上年|去年|同期|上一年")


#: between a total and the first item of the list after it: a comma or colon, after a bracketed note on what the total
#: leaves out (设置绩效指标9项（不含预算执行率），产出指标…), then the first item's name (after the time it is told at:
#: 截至2023年底已完工…)
_LIST_AFTER_TOTAL = re.compile(r"\s*(?:[（(][^（）()\d]{1,16}[）)])?\s*[，,：:]\s*"
                               r"(?:(?:截至|截止|到)(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日|底|末)?)?[^，,：:；;。\d（）()]*")


def find_adjacent(text: str, qs: list[Quantity], taken: set[int] = frozenset()) -> list[Group]:
    """A total stated in one sentence and its parts listed alone in the next, or the other way round
    (``…基金支出合计X万元。职工医保A万元、城乡居民医保B万元。``): judged only when the parts are a complete set by their
    names (DOMAIN §2: 基本支出 and 项目支出, 人员经费 and 公用经费, 职工 and 居民 …, or a list ending with 其他)."""
    sents = sentences(text)
    if not sents.ends or len(qs) < 3:
        return []
    keys = starts(qs)
    bounds = [(0 if k == 0 else sents.ends[k - 1] + 1, e) for k, e in enumerate(sents.ends + [len(text)])]
    groups = []
    for (lo1, hi1), (lo2, hi2) in zip(bounds, bounds[1:]):
        for total_span, parts_span in (((lo1, hi1), (lo2, hi2)), ((lo2, hi2), (lo1, hi1))):
            total = _lone_total(qs, *total_span, keys)
            if total is None and total_span[0] < parts_span[0]:
                # 全年实施项目18个。已完工12个，在建5个。: the work begun, then its states (no 合计 word needed)
                lone = [q for q in _first(qs, keys, *total_span, 3) if not q.chinese]
                if len(lone) == 1 and lone[0].kind == "count" and _usable(lone[0]) and not lone[0].base \
                        and not re.search(r"新开工|新建|新增|新开|新上", lone[0].label):  # new work is no whole of all
                    listed = _bare_list(text, qs, *parts_span, keys)
                    total = lone[0] if listed and _work_states([p.label for p in listed]) else None
            parts = _bare_list(text, qs, *parts_span, keys) if total is not None else []
            if parts and all(p.comparable(total) for p in parts) and _complete([p.label for p in parts], "前后句") \
                    and not any(_OTHER_TIME.search(p.label) for p in parts):
                groups.append(Group(total, parts, "前后句", True, False))
    groups += _one_a_sentence(text, qs, keys, bounds, taken)
    # within a sentence: 设置绩效指标20个，产出指标12个、效益指标5个、满意度指标3个。(no 其中: the list after the
    # total runs to the sentence end, its items are kinds of the total — its name's last word — and complete)
    for i, t in enumerate(qs[:-2]):
        if not _usable(t) or id(t) in taken \
                or not _LIST_AFTER_TOTAL.fullmatch(text, t.end, qs[i + 1].start):
            continue
        s_start, s_end = sents.bounds(t.start)
        # a count of vehicles and their uses after it (…，年末公务用车保有量为5辆，机要通信用车1辆，应急保障用车2辆): read
        # wherever it stands in its sentence, the uses being the whole of it
        vehicles = t.unit == "辆" and t.kind == "count" and (not _VEHICLE_USE.match(t.label)
                                                          or bool(_VEHICLE_WHOLE.search(t.label)))
        if not vehicles and ((i and qs[i - 1].start >= s_start)
                             or _PARTITION.search(text, max(s_start, t.start - 40), t.start)):
            continue  # the total opens its sentence; a figure after another, or after 按…分, is an item itself
        rest = [q for q in qs[i + 1:i + 2 + WINDOW] if q.start < s_end]
        # the list runs to the first figure of another kind (…，已完工6个、在建2个，合计执行8549.73万元)
        other = next((q for q in rest if not q.comparable(t)), None)
        hi = s_end
        if other is not None and len(rest) > 2 and other is not rest[0]:
            cut = max(text.rfind(c, rest[0].start, other.start) for c in "，,；;")
            hi = cut if cut > rest[0].start else s_end
            rest = [q for q in rest if q.start < hi]
        parts = _bare_list(text, qs, rest[0].start, hi, keys) if len(rest) <= WINDOW else []
        if len(parts) < 2 or not all(p.comparable(t) and id(p) not in taken for p in parts) \
                or any(_OTHER_TIME.search(_AS_OF.sub("", p.label)) for p in parts):
            continue  # (截至2023年底已完工: the time a state is told at, not another year's figure)
        opening = "主要" if "主要" in text[t.end:parts[0].start] else ""
        partial = _said_partial(text, opening, parts[-1].end, hi)
        uses = vehicles and _vehicle_uses(t, parts) and not _said_partial(text, opening, parts[-1].end, s_end, True)
        if vehicles and not uses:
            continue
        # a count of work and its states after it (学校项目13个，已竣工交付7个，仍在施工5个): the states of all of it,
        # not a parallel list (work begun this year, 新开工项目5个, is no whole of the work done)
        states = t.kind == "count" and _work_states([p.label for p in parts]) and not partial \
            and not re.search(r"新开工|新增|新开|新上", t.label) and not _MORE_NEXT.match(text, min(len(text), s_end + 1))
        if not uses and not states and not t.total and not re.search(r"(?<![公])共(?:设置?|有|计|设立|安排)?[\u4e00-\u9fff]{0,8}$", t.label) \
                and all(re.search(r"[，,]", text[a.end:b.start]) for a, b in zip([t] + parts, parts)):
            continue  # 财政拨款收入A万元，事业收入B万元，其他收入C万元: one parallel list, its first item no total
        kinds = t.total or all(len(p.label) >= 2 and t.label.endswith(p.label[-2:]) for p in parts) \
            or _work_states([p.label for p in parts])
        if kinds and _work_states([p.label for p in parts]) and re.search(r"新开工|新增|新开|新上", t.label):
            continue  # 全年新开工项目20个，续建15个，截至年底已完工22个、在建13个: new work is not all the work
        if uses or kinds and _complete([p.label for p in parts], "句内") and not partial:
            left_out = _LEFT_OUT.search(text, t.end, qs[i + 1].start) is not None  # （不含预算执行率），预算执行指标1个…
            groups.append(Group(t, parts, "句内", True, False,
                                (_classes_of(t, parts) or _indicator_kinds(t, parts)) and not left_out))
    groups += _bracketed_parts(text, qs, keys, taken | {id(p) for g in groups for p in g.parts})
    return groups


def _bracketed_parts(text: str, qs: list[Quantity], keys: list[int], taken: set[int]) -> list[Group]:
    """A total with its parts in brackets right after it and nothing else in them (``年末实有公务用车6辆（执法执勤用车
    2辆、应急保障用车2辆、其他用车1辆）``, ``基本支出A万元（人员经费B万元、公用经费C万元）``): judged only when the parts
    are a complete set by their names (as a list after 其中 would be), not said to be partial."""
    groups = []
    brackets = _brackets(text)
    for i, t in enumerate(qs[:-2]):
        if not _usable(t) or id(t) in taken or t.approx:
            continue
        m = re.compile(r"\s*[（(]").match(text, t.end)
        if m is None:
            continue
        close = brackets.close_after(m.end())
        if close is None or not re.fullmatch(r"\s*[）)]\s*(?:[，,；;。]|$)", text[close:close + 2]):
            continue
        if re.match(r"\s*(?:主要|包括|包含|含|如|例如|比如|其中)", text[m.end():close]):
            continue  # (主要为A、其他B / 含A、B: what the brackets hold is said to be some of it, or is a 其中 list)
        parts = _bare_list(text, qs, m.end(), close, keys)
        if len(parts) < 2 or parts[0] is not qs[i + 1] or any(brackets.depth(p.start) != brackets.depth(m.end()) for p in parts) \
                or not all(p.comparable(t) and id(p) not in taken for p in parts) \
                or any(_OTHER_TIME.search(p.label) for p in parts) or _said_partial(text, "", parts[-1].end, close):
            continue
        labels = [p.label for p in parts]
        if _complete(labels, "（") or _complementary(labels, t.label) or _vehicle_uses(t, parts) \
                or _full_budget_split(t, parts) or _kinds_of(t, parts):
            groups.append(Group(t, parts, "（", True, False))
    return groups


#: the parts of the “三公” breakdown (DOMAIN §2) and the words naming the whole
_THREE_PUBLIC = next(s for s in FIXED if s.key == "three_public")
_THREE_PUBLIC_WHOLE = re.compile(r"三公")


def _one_a_sentence(text: str, qs: list[Quantity], keys: list[int], bounds: list[tuple[int, int]],
                    taken: set[int]) -> list[Group]:
    """The “三公” items written one a sentence after the sentence stating their total (``“三公”经费支出A万元。因公出国
    （境）费0元。公务接待费B万元。公务用车购置费0元。公务用车运行维护费C万元。``): the total the only figure of its
    sentence, named “三公” there or in the sentence before, each item the only figure of its own, the items every
    part of the breakdown (公务用车 whole or as 购置 and 运行维护, never both). A total of the budget (预算) over items
    of no stage is not judged."""
    figures = [[q for q in _first(qs, keys, lo, hi, WINDOW) if _usable(q) and q.kind == "money"] for lo, hi in bounds]
    words = [p.word for p in _THREE_PUBLIC.parts]
    groups = []
    for k in range(len(bounds) - 3):
        if len(figures[k]) != 1 or id(figures[k][0]) in taken:
            continue
        total = figures[k][0]
        named = text[bounds[k - 1][0] if k else bounds[k][0]:total.start]
        if not _THREE_PUBLIC_WHOLE.search(named) or _OTHER_TIME.search(total.label):
            continue
        parts = []
        for j in range(k + 1, len(bounds)):
            if len(figures[j]) != 1 or not any(w in figures[j][0].label for w in words) or id(figures[j][0]) in taken:
                break
            parts.append(figures[j][0])
        labels = [p.label for p in parts]
        whole_vehicle = [lb for lb in labels if "购置" in lb and "运行" in lb]
        if len(parts) < 3 or not all(any(w in lb for lb in labels) for w in words) \
                or (whole_vehicle and len([lb for lb in labels if "购置" in lb or "运行" in lb]) > 1) \
                or any(_OTHER_TIME.search(p.label) or _stage_named(p) for p in parts) \
                or _stage_named(total) not in (None, "actual"):
            continue
        groups.append(Group(total, parts, "前后句", True, False))
    return groups


def find_share_lists(text: str, qs: list[Quantity], taken: set[int]) -> list[Group]:
    """``…用于以下方面：A 121.13万元，占3.38%；B 39.20万元，占1.09%；…``: parts each followed by a bare share, the shares
    adding to 100% within their rounding, and no total named: the parts are all of a whole, their sum (judged as by
    :func:`_sum_whole`). Parts already read as parts of a stated total are left to that reading."""
    groups = []
    i, n = 0, len(qs)
    while i < n:
        run: list[Quantity] = []
        shares: dict[int, Quantity] = {}
        j = i
        while j + 1 < n and len(run) <= WINDOW:
            p, sh = qs[j], qs[j + 1]
            if not (_usable(p) and sh.role == "share" and sh.unit == "%" and not share_target(sh) and not sh.approx):
                break
            if re.search(r"[；;。]", text[p.end:sh.start]) or (run and not p.comparable(run[0])):
                break
            if run and re.search(r"[。]", text[run[-1].end:p.start]):
                break
            run.append(p)
            shares[id(p)] = sh
            j += 2
        if len(run) >= 2 and not any(id(p) in taken for p in run):
            values = [shares[id(p)].value for p in run]
            tol = sum((Decimal(1).scaleb(-places(v)) for v in values), Decimal(0))
            if abs(sum(values, Decimal(0)) - 100) <= tol:
                whole = _sum_whole(run, shares)
                if whole is not None:
                    groups.append(Group(whole, run, "占比", True, False))
        i = j + 1 if j > i else i + 1
    return groups


def _sum_whole(parts: list[Quantity], shares: dict[int, Quantity], most: bool = False) -> Quantity | None:
    """The sum of a partition's parts as the whole of their shares, when one of the shares at least agrees with it
    (``most``: more than half of them, two at least)."""
    unit = parts[0].unit
    value = sum((p.value_in(unit) for p in parts), Decimal(0))
    agree = sum(1 for p in parts if id(p) in shares and value > 0 and ratio_verdict(
        p.value_in(unit), value, shares[id(p)].value, kind_of(p.kind), kind_of(p.kind))[0] == "ok")
    if value <= 0 or not agree or (most and (agree < 2 or agree * 2 <= len(shares))):
        return None
    text = f"{num_text(value)}{unit}"
    return Quantity(value, unit, parts[0].start, parts[-1].end, text, label="各项之和")


def _subtotal_and_its_parts(parts: list[Quantity], values: list[Decimal], money) -> bool:
    """Whether one of the listed values is the sum of (two or more of) the values right after it, which its own
    其中 or bracket opens: the list nests a sub-total and its own parts, so its figures are not all parts of one
    total."""
    for i in range(len(values) - 2):
        opened = bool(re.search(r"其中|[（(]", parts[i + 1].pre))
        for j in range(i + 3, len(values) + 1):
            if opened and sum_verdict(values[i + 1:j], values[i], money)[0] == "ok":
                return True
            if not opened and parts[i].kind == "money" and places(values[i]) >= 2 \
                    and sum(values[i + 1:j], Decimal(0)) == values[i]:
                return True  # 基本支出A万元，人员经费B万元，占基本支出的x%，公用经费C万元: B + C is A to the cent
    return False


def _share_completes(g: Group | None, part: Quantity, whole: Quantity, q: Quantity) -> Issue | None:
    """``收入合计T，其中A、B。A占收入合计的X%``, the parts short of T (a list that may be partial, so far silent) and X
    = A ÷ (A + B) exactly: the report's own share says the parts are the whole, so T is the wrong figure (TXT001 on
    T, not TXT002 on the share). None when the share does not single the parts' sum out."""
    if g is None or whole is not g.total or g.ok or g.complete or not part.comparable(whole):
        return None
    s = sum(group_values(g))
    if s <= 0 or s == whole.value:
        return None
    if ratio_verdict(part.value_in(whole.unit), s, q.value, kind_of(part.kind), kind_of(whole.kind))[0] != "ok":
        return None
    issue = _group_issue(replace(g, complete=True))
    if issue is None:
        return None
    issue.message += f"；文中 {part.label or '该项'} 占 {q.text} 正是按各项之和 {like(s, group_values(g))} 计算的"
    return issue


def _group_issue(g: Group, at: tuple[int, int] | None = None) -> Issue | None:
    """The verdict on a total and its parts (marking ``g.ok`` when they agree), None when they agree or the list may
    be partial; ``at``: where to place the finding (default: from the total to the last part)."""
    money = kind_of(g.total.kind)
    values = group_values(g)
    v, s = sum_verdict(values, g.total.value, money)
    if v == "rounding" and _mixed(g) and g.total.kind == "money" \
            and sum_verdict(_exact_values(g), g.total.value, money)[0] == "error":
        v = Verdict.WRONG  # 1.25亿元 over 4,800.00万元 + 7,800.00万元: the parts are exact to 0.01万元, only the total rounds
    if v == "ok" or (v == "rounding" and _mixed(g)):  # across units only a clear disagreement is reported
        g.ok = True
        return None
    if v == "error" and s > g.total.value and not g.classes and _some_run_matches(values, g.total.value, money) \
            and not _vehicle_uses(g.total, g.parts) \
            and not ((_level_named([p.label for p in g.parts]) or _grade_named([p.label for p in g.parts]))
                     and not any(sum_verdict(values[:k], g.total.value, money)[0] == "ok" for k in range(2, len(values)))) \
            and not (g.total.kind == "money" and g.complete and _complete([p.label for p in g.parts], g.keyword)
                     and len(values) <= 4
                     and sum_verdict(values[1:], g.total.value, money)[0] == "ok"
                     and not any(sum_verdict(values[:k], g.total.value, money)[0] == "ok" for k in range(1, len(values)))):
        # (a named whole set whose later parts alone make the total: the first part was left out of it, reported)
        g.ok = True  # the later parts count along another dimension (新建14个，续建13个，投资过亿元21个)
        return None
    slipped = _slipped(g.total, values, s) if v == "error" and s < g.total.value and not g.complete else None
    if v == "error" and s < g.total.value and not g.complete and not _overprecise(g.total, values, s) and not slipped:
        return None  # 其中 may list only some parts
    if v == "error" and g.total.kind == "money" and _subtotal_and_its_parts(g.parts, values, money):
        return None  # 基本支出B，其中人员经费P、公用经费G: a sub-total and its own parts, not parts of the total
    if v == "rounding":
        g.ok = True
    else:
        g.total.disputed = s
    label = g.total.label if len(g.total.label) >= 2 else "总数"  # 从36个指标的…看: no name before the figure
    start, end = at or (g.total.start, g.parts[-1].end)
    return _issue(TXT001, v, f"{label} {g.total.text} 与其中各项之和不符：{_plus(values)} = {like(s, values)}"
                  f"（差 {like(abs(s - g.total.value), values)}{'；' + slipped if slipped else ''}）", like(s, values),
                  num_text(g.total.value), start, end)


def check_opened_lists(text: str, qs: list[Quantity], taken: set[int]) -> list[Issue]:
    """``项目支出11824.55万元，占…。项目支出中，A5286.40万元、B1320.15万元、…、其他卫生健康项目923.20万元``: a sentence
    opened by the name of a whole (X中，) lists its parts; when the list is complete (its last part is 其他…, or the
    labels are a complete set) it adds up to the one figure of that name given earlier in the paragraph. A list with
    anything but its parts in it (a share, a change, another figure) is not judged."""
    issues = []
    sents = sentences(text)
    keys = starts(qs)
    for m in _AMONG_OPENING.finditer(text):
        s_start, s_end = sents.bounds(m.start(1))
        if text[s_start:m.start()].strip() or not m.group(1):
            continue  # the name must open its sentence
        name = m.group(1)
        inside = between(qs, m.end(), s_end, keys)
        if len(inside) < 2 or not all(_usable(q) and q.kind == "money" and q.label for q in inside) \
                or any(q.start in taken for q in inside):
            continue
        first = inside[0]
        if any(not q.comparable(first) for q in inside) \
                or any(not re.fullmatch(r"[、，,和及以及]*", text[a.end:b.start - len(b.label)].strip())
                       for a, b in zip(inside, inside[1:])):
            continue  # each part right after the one before it, named and nothing else between
        if not _complete([q.label for q in inside], "中"):
            continue
        wholes = [q for q in between(qs, 0, s_start, keys) if _usable(q) and q.comparable(first)
                  and _label_ends(q.label, name)]
        if len({q.value_in(first.unit) for q in wholes}) != 1:
            continue
        total = wholes[-1]
        issue = _group_issue(Group(total, inside, "中", True, False), (first.start, inside[-1].end))
        if issue is not None:
            issues.append(issue)
    return issues


def check_neighbours(before: str, before_qs: list[Quantity], text: str, qs: list[Quantity]) -> list[Issue]:
    """A total ending one paragraph and a complete set of its parts opening the next (``…基金支出合计X万元。`` /
    ``职工医保A万元、城乡居民医保B万元。``), or the parts ending one and their total opening the next; the finding is
    placed in the second paragraph."""
    if not before_qs or not qs:
        return []
    b_sents, sents = sentences(before), sentences(text)
    b_keys, keys = starts(before_qs), starts(qs)
    b_lo = b_sents.bounds(max(0, len(before.rstrip("。！？\n ")) - 1))[0]
    b_span = (b_lo, len(before))
    first = (0, sents.bounds(0)[1])
    total = _lone_total(before_qs, *b_span, b_keys)
    if total is not None and b_lo and _bare_list(before, before_qs, b_sents.bounds(b_lo - 1)[0], b_lo - 1, b_keys):
        total = None  # its parts are the sentence before it, in its own paragraph
    parts = _bare_list(text, qs, *first, keys) if total is not None else []
    at = (parts[0].start, parts[-1].end) if parts else None
    if not parts:
        total = _lone_total(qs, *first, keys)
        if total is not None and first[1] < len(text) and _bare_list(text, qs, first[1] + 1, sents.bounds(first[1] + 1)[1], keys):
            total = None  # its parts are the sentence after it, in its own paragraph
        parts = _bare_list(before, before_qs, *b_span, b_keys) if total is not None else []
        at = (total.start, total.end) if total is not None else None
    if not parts or not all(p.comparable(total) for p in parts) or not _complete([p.label for p in parts], "前后段") \
            or any(_OTHER_TIME.search(p.label) for p in parts):
        return []
    issue = _group_issue(Group(total, parts, "前后段", True, False), at)
    return [issue] if issue is not None else []


def check_sums(text: str, qs: list[Quantity], others: "Wholes | None" = None) -> tuple[list[Issue], list[Group]]:
    issues = []
    groups = find_groups(text, qs) + find_partitions(text, qs, others)
    groups += find_counted_lists(text, qs, {id(p) for g in groups for p in g.parts})
    groups += find_adjacent(text, qs, {id(p) for g in groups for p in g.parts})
    groups += find_share_lists(text, qs, {id(p) for g in groups for p in g.parts})
    wrong: dict[int, Decimal] = {}  # id(part) -> the sum of its own parts, where they disagree with it
    for g in groups:
        if g.complete and not any(p.approx for p in g.parts):
            s = sum((p.value_in(g.total.unit) for p in g.parts), Decimal(0))
            if sum_verdict([s], g.total.value, kind_of(g.total.kind))[0] == "error":
                wrong[id(g.total)] = s
    for g in groups:
        if any(id(p) in wrong for p in g.parts) and _explained_by_part(g, wrong):
            continue  # 基本支出A（其中B、C，B + C ≠ A）；项目支出D，合计T = B + C + D: the part is wrong, said there
        issue = _group_issue(g)
        if issue is not None:
            issues.append(issue)
    # parts first, then 共计/合计/总计
    marks = [m.start() for m in _GROUP.finditer(text)]
    counted, read = _n_items_sums(text, qs, marks)
    issues += counted
    for i, t in enumerate(qs):
        if not (t.total and _usable(t)) or id(t) in read:
            continue
        s_start, _ = _sentence_bounds(text, t.start)
        run: list[Quantity] = []
        sep = None  # how the items are separated: "，" (、) or "；" (a list of clauses: A 0元；B 18.62万元；合计…)
        for q in reversed(prior(qs, i, s_start)):
            gap = text[q.end:t.start if not run else run[0].start]
            if _GROUP.search(gap) or (q.total and not (re.search(r"共有?$", q.pre) and run
                                                       and re.fullmatch(r"[\u4e00-\u9fff（）()]{0,10}、", gap))):
                break  # (共有19个行政村、2个社区，合计22个: 共 opens the list, its first item no total)
            if not (q.comparable(t) and _usable(q)):
                if "；" in gap:
                    break
                continue
            here = "；" if "；" in gap else "，"
            if sep is None and run:  # the items' own separator, not the one before 合计 (A；B；C，合计T)
                sep = here
            if (sep is not None and here != sep) or gap.count("；") > 1:
                break
            run.insert(0, q)
        if len(run) < 2 or any(q.value_in(t.unit) >= t.value for q in run) \
                or (_marked(marks, s_start, t.start) and not _respectively_before(text, s_start, run[0])
                    and not (_ownerless_mark(text, qs, marks, s_start, run[0], t)
                             and not re.search(r"[；;]", text[run[-1].end:t.start])
                             and _RESTATED.fullmatch(re.split(r"[，,；;]", t.pre)[-1].strip()))
                    and not (_RESTATED.fullmatch(re.split(r"[，,；;]", t.pre)[-1].strip()) and not re.search(r"[；;。]", text[run[-1].end:t.start])
                             and any([id(p) for p in g.parts] == [id(q) for q in run] for g in groups))):
            # (…326个，其中新建48个、改扩建96个、提质达标182个，三类合计328个: the 合计 restates the 其中 list's sum)
            continue
        if _other_flow(t, run):
            continue  # 收入中，A、B、年初结转C；支出中，本年支出合计T: income is no part of a spending total
        money = kind_of(t.kind)
        values = [q.value_in(t.unit) for q in run]
        if any(sum_verdict(values[i:], t.value, money)[0] == "ok" for i in range(len(values) - 1)):
            continue
        matches = [sum_verdict(values[i:], t.value, money) for i in range(len(values) - 1)]
        v, s = (Verdict.ROUNDING, sum(values[[m[0] for m in matches].index("rounding"):], Decimal(0))) \
            if any(m[0] == "rounding" for m in matches) else (Verdict.WRONG, sum(values, Decimal(0)))
        shown = values if v == "error" else values[[m[0] for m in matches].index("rounding"):]
        issues.append(_issue(TXT001, v, f"{t.label or '合计'} {t.text} 与前列各项之和不符：{_plus(shown)} = {like(s, shown)}",
                             like(s, shown), num_text(t.value), t.start))
    return issues, groups


def flow_of(name: str) -> str | None:
    """Which side of the money a name is of: 收入 or 支出, None when it names neither or both."""
    income, spend = "收入" in name, "支出" in name
    return None if income == spend else ("收入" if income else "支出")


def _other_flow(total: Quantity, parts: list[Quantity]) -> bool:
    """A total of one flow (支出) over figures named as the other (收入), or the other way round."""
    def flow(q: Quantity) -> str | None:
        return flow_of(re.split(r"[，,；;：:]", q.label)[-1] if q.label else "")
    side = flow(total)
    return side is not None and any(flow(p) not in (None, side) for p in parts)


def _explained_by_part(g: "Group", wrong: dict[int, Decimal]) -> bool:
    """The total adds up when a part found wrong against its own parts is taken at their sum."""
    def taken(p: Quantity) -> Decimal:  # the part in the total's unit, at its own parts' sum where that differs
        here = p.value_in(g.total.unit)
        return wrong[id(p)] * here / p.value if id(p) in wrong and p.value else here

    values = [taken(p) for p in g.parts]
    return sum_verdict(values, g.total.value, kind_of(g.total.kind))[0] == "ok"


#: 分别为 / 分别是 right before a list of figures (A、B分别为x和y，合计T): the names are before it, the figures after
_RESPECTIVELY_OPENS = re.compile(r"分别(?:为|是|达到?|计)[：:]?\s*$")


def _respectively_before(text: str, s_start: int, first: Quantity) -> bool:
    """The only list mark of the sentence before ``first`` is a 分别为 opening the figures (``基本支出、项目支出分别为
    A万元和B万元，合计T万元``): the figures from ``first`` to the total are its items, whose sum the total states."""
    lead = text[s_start:first.start]
    return bool(_RESPECTIVELY_OPENS.search(lead)) and len(_GROUP.findall(lead)) <= 1


def _slipped(total: Quantity, values: list[Decimal], s: Decimal) -> str | None:
    """Why a money list short of its total is complete after all, its total or one part mistyped (16.04 over 12.30 +
    2.74 = 15.04; 3,684.52 over 3,124.60 + 541.92 where 3,142.60 adds up): the total is the parts' sum with one digit
    changed, two adjacent ones swapped or one doubled, or one part is with two adjacent digits swapped. A missing
    part would be any figure; one that is a single digit at one place, while the parts are not round, is a slip. Only
    below a tenth of the total (a leading digit changed is as likely a part left out) and for totals of four digits
    or more. None when it is no such slip."""
    if total.kind != "money" or len(values) < 2 or not 0 < total.value - s <= total.value / 10:
        return None
    p = places(total.value)
    digits = lambda v: str(abs(v).quantize(Decimal(1).scaleb(-p))).replace(".", "").lstrip("0")
    w, i = digits(total.value), digits(s)
    if len(w) < 4 or all(v == v.quantize(Decimal(1)) for v in values) or places(s) > p:
        return None
    if len(w) == len(i) and sum(a != b for a, b in zip(w, i)) == 1:
        return "合计与各项之和只差一位数字，疑为合计写错"
    if slip_kind(num_text(total.value) if p == 0 else f"{total.value:.{p}f}", s):
        return "合计是各项之和的数字颠倒或多写一位，疑为合计写错"
    d = total.value - s
    for v in values:
        if slip_kind(f"{v:.{places(v)}f}", v + d) == "相邻两位数字互换":
            return f"{v} 疑为 {v + d} 的相邻两位数字互换"
    return None


def _overprecise(total: Quantity, values: list[Decimal], s: Decimal) -> bool:
    """A total written with more decimals than any of its parts (2,642.581 over parts with two) and less than 1 %
    above their sum: not a partial list (a missing part would not be a fraction of a unit) but a total mistyped."""
    p = max((places(v) for v in values), default=0)
    return places(total.value) > p >= 1 and 0 < total.value - s <= total.value / 100


#: a bare 合计 restating the sum of the list before it (三类合计, 以上合计, 共计)
_RESTATED = re.compile(r"(?:[一二两三四五六七八九十]+[类项个种]|以上|上述|各项)?(?:合计|共计|总计|总共)(?:为|达)?")


def _ownerless_mark(text: str, qs: list[Quantity], marks: list[int], s_start: int, first: Quantity,
                    total: Quantity) -> bool:
    """The sentence's one list mark is a 其中 opening the items with no figure of their kind before it in its clause
    (``…惠及2648人；走访慰问重点优抚对象，其中烈属126户、…、在乡老复员军人47户，合计481户``): the items have no total
    but the 合计 after them, which states their sum."""
    k = bisect_left(marks, s_start)
    inside = [m for m in marks[k:] if m < total.start]
    if len(inside) != 1 or inside[0] > first.start or not text.startswith("其中", inside[0]):
        return False
    lo = max(s_start, text.rfind("；", s_start, inside[0]) + 1, text.rfind(";", s_start, inside[0]) + 1)
    return not any(lo <= q.start < inside[0] and q.comparable(total) for q in qs)


def _marked(marks: list[int], lo: int, hi: int) -> bool:
    """A 其中 / 分别为 mark at ``lo <= position < hi`` (``marks``: their positions, in order)."""
    k = bisect_left(marks, lo)
    return k < len(marks) and marks[k] < hi


#: words saying a list leaves some of its total out: the main items (主要包括), an open end (…等), the rest or more
#: beside it (其余为…, 另有…, 此外…)
_PARTIAL_AFTER = re.compile(r"\s*等|[^。\d]*?[，,；;]\s*(?:其余|其他为|剩余|余下)")
#: … and, of things counted one by one (vehicles), more of them named after the list (另有1辆已申请报废): whether in
#: the total or beside it is not told
_MORE_AFTER = re.compile(r"[^。\d]*?[，,；;]\s*(?:另|此外|还有)")


#: the next sentence counting more of the same (…在建5个。另有2个项目尚未开工 / 剩余9个…)
_MORE_NEXT = re.compile(r"\s*(?:另有|另外|剩余|其余|余下|此外|还有|尚有)")


def _said_partial(text: str, keyword: str, end: int, limit: int, more: bool = False) -> bool:
    """The list after ``keyword`` ending at ``end`` is said to be only some of its total (up to ``limit``, its
    sentence's end); ``more``: also when more of the same are named after it."""
    return keyword.startswith("主要") or bool(_PARTIAL_AFTER.match(text, end, limit)) \
        or (more and bool(_MORE_AFTER.match(text, end, limit)))


def _words_only(text: str, marks: list[int], lo: int, hi: int) -> bool:
    """The marks between ``lo`` and ``hi`` open lists of names only (人员经费A万元，主要包括基本工资、津贴补贴等；公用经费B):
    a ； closes the last of them before the figure at ``hi``, which is no item of it."""
    k = bisect_left(marks, hi) - 1
    return k >= 0 and marks[k] >= lo and bool(re.search(r"[；;]", text[marks[k]:hi]))


def _some_run_matches(values: list[Decimal], total: Decimal, money: Kind) -> bool:
    n = len(values)
    for i in range(n):
        for j in range(i + 2, n + 1):
            if (i, j) != (0, n) and sum_verdict(values[i:j], total, money)[0] != "error":
                return True
    return False


# ----------------------------------------------------------------------------------------------------------------
# Shares, changes, rates
# ----------------------------------------------------------------------------------------------------------------

_WHOLE_NOISE = re.compile(r"本年度|本年|全年|当年|年度|总额|总数|总|的|全部|合计")


def _label_match(label: str, words: str) -> bool:
    core = _WHOLE_NOISE.sub("", words)
    return bool(core) and (core in label or _WHOLE_NOISE.sub("", label).endswith(core))


_YEAR = re.compile(r"(19|20)\d\d年(度)?")


_WHOSE = re.compile(r"^(?:(?:本|我)(?:部门|单位|局|委员会|委|中心|院|所|站|馆|办|队|校|园|处|厅)|部门|"
                    r"(?:单位|中心|局|委)(?=(?:全年|本年|年度)?(?:支出|收入|预算|决算)))")  # the writer's own (中心支出)


def _core(words: str) -> str:
    """What a whole's name names, without its year, 本年/全年, 合计/总 and whose it is: 2023年本部门支出合计 and 本年支出
    are both 支出."""
    grand = "总计" if "总计" in words else ""  # 收入总计 / 支出总计 hold the carry-overs: another whole than 合计
    words = _LEVEL_MARK.sub("", words.replace("总计", ""))
    return _WHOSE.sub("", _WHOLE_NOISE.sub("", _YEAR.sub("", words))) + grand


#: the level of a subject written after its name: 城乡社区支出（类） names 城乡社区支出
_LEVEL_MARK = re.compile(r"[（(](类|款|项)[）)]")
_GRAND = re.compile(r"总计[^，。；、]{0,6}$")


class Wholes:
    """The figures of a document by the core of their label (year, 本年/全年, 合计… left out), for a whole named in
    words but not given beside its share: one look-up per share instead of a pass over the document."""

    def __init__(self, quantities, topics: "dict[int, str] | None" = None,
                 year_rows: "dict[tuple[str, Decimal], set[Decimal]] | None" = None, fallback=()) -> None:
        """``topics``: id(quantity) -> the subject its paragraph opens with (“三公”经费方面，全年支出…): a bare 支出 or
        收入 there is that subject's, not the department's. ``year_rows``: (name core, last year's figure) -> this
        year's figures of the document's tables that give both years (table_bases.year_pairs)."""
        self.by_core: dict[str, list[Quantity]] = {}
        self.year_rows = year_rows or {}
        for q in quantities:
            if _usable(q):
                core = _core(q.label + ("总计" if _GRAND.search(q.pre) else ""))
                topic = topics.get(id(q)) if topics and core in _BARE_FLOWS else None
                if topic:
                    core = topic if topic.endswith(core) else topic + core
                if core:
                    self.by_core.setdefault(core, []).append(q)
        self._money: set[tuple[Decimal, str]] | None = None
        for q in fallback:  # (``fallback``: figures for a name nothing else bears)
            core = _core(q.label)
            if core and _usable(q) and core not in self.by_core:
                self.by_core[core] = [q]


    def money_values(self) -> set[tuple[Decimal, str]]:
        """(value, unit) of every sum of money the document names, found once."""
        if self._money is None:
            self._money = {(q.value, q.unit) for named in self.by_core.values() for q in named if q.kind == "money"}
        return self._money


_BARE_FLOWS = ("支出", "收入")
#: a paragraph opening with its subject: （三）“三公”经费方面， / 政府采购情况： / 关于项目资金，
_TOPIC = re.compile(r"^\s*(?:[（(]?[一二三四五六七八九十\d]{1,2}[）)、.．]\s*)?(?:关于)?(?P<t>[^，,。；;：:\d]{2,14}?)"
                    r"(?:方面|情况)?[，,：:]")
#: a subject that is the department's own money as a whole (支出方面，… / 部门整体收支情况：…): no narrower scope
_GENERIC_TOPIC = re.compile(r"^(?:本年度?|全年|年度|本部门|部门|单位|整体|总体|财政|财务|资金|经费|预算|决算|执行|收支|收入|"
                            r"支出|情况|总|的|和|及|与)+$")


def paragraph_topic(text: str) -> str | None:
    """The subject a paragraph opens with when it is narrower than the department's whole money (“三公”经费方面， ->
    三公经费; 支出方面， -> None), for the bare 支出 / 收入 figures in it."""
    m = _TOPIC.match(text)
    if not m or not re.search(r"方面|情况|[：:]", m.group(0)[m.end("t") - m.start(0):]):
        return None
    topic = re.sub(r"[“”\"'‘’《》]", "", m.group("t"))
    return None if _GENERIC_TOPIC.match(topic) or len(topic) < 2 else topic


#: the noun a whole's name may drop when the share names it (政府采购支出总额 486.30 … 占政府采购总额的40.84%)
_WHOLE_NOUNS = ("支出", "金额", "资金")


def _noun_dropped(core: str, cores) -> list[str]:
    """The cores in ``cores`` that are ``core`` with its noun written (政府采购 → 政府采购支出); none when ``core`` is
    itself a flow (收入 / 支出 / 拨款: 财政拨款 may be 财政拨款收入 as well as 财政拨款支出) or too short to tell."""
    if len(core) < 3 or re.search(r"(收入|支出|拨款|预算|决算|经费|费)$", core):
        return []
    return [c for c in (core + n for n in _WHOLE_NOUNS) if c in cores]


#: the cores of the department's spending named by its stage alone (全年执行数, 支出决算数, 实际支出)
_SPENT_CORES = ("执行数", "支出执行数", "决算数", "支出决算", "支出决算数", "实际支出", "实际支出数")


def document_whole(words: str, part: Quantity, others: "Wholes | list[Quantity]") -> Quantity | None:
    """The one figure elsewhere in the document named exactly by ``words`` (``占本年支出的2.5%`` -> ``全年支出…``), or
    by ``words`` with its noun (政府采购总额 → 政府采购支出总额) when no figure has the very name."""
    core = _core(words)
    index = others if isinstance(others, Wholes) else Wholes(others)
    named = index.by_core.get(core, []) if core else []
    if core and not named:
        fuller = _noun_dropped(core, index.by_core)
        named = index.by_core[fuller[0]] if len(fuller) == 1 else []
    if core == "支出" and not named:
        # 占全年支出的R% where the document names the department's spending only by its stage (全年执行数X万元,
        # 支出决算数X万元): DOMAIN §2, what was spent is the 执行数 / 决算数
        named = [q for c in _SPENT_CORES for q in index.by_core.get(c, []) if q.kind == "money"]
    cands = [q for q in named[:WINDOW + 2] if q.comparable(part) and q is not part]
    values = {q.value_in(part.unit) for q in cands}  # the same figure written twice is one whole
    return cands[0] if len(values) == 1 and len(named) <= WINDOW else None


def _label_ends(label: str, words: str) -> bool:
    """A figure's label names the whole ``words`` name: it ends with it (基本支出 names 基本支出, 基本支出中工资福利支出
    does not: that is a part of it)."""
    core = _WHOLE_NOISE.sub("", words)
    return bool(core) and _WHOLE_NOISE.sub("", label).endswith(core)


def _named_whole(text: str, qs: list[Quantity], keys: list[int], at: int, part: Quantity, whole_words: str,
                 others: "Wholes | None") -> Quantity | None:
    """The whole a share names in words (占本年支出合计的…): among the figures of its sentence and its neighbours, the
    one under that name (the same name, or a label ending with it); with none there, the one figure the document
    gives under that name; None when it cannot be told."""
    sents = sentences(text)
    k = sents.index(at)
    lo = sents.ends[k - 2] + 1 if k >= 2 else 0
    hi = sents.ends[k + 1] if k + 1 < len(sents.ends) else len(text)
    a, b = bisect_left(keys, lo), bisect_left(keys, hi)
    near = [p for p in qs[a:b] if p is not part and p.unit == part.unit and _usable(p)] if b - a <= 4 * WINDOW else []
    core = _core(whole_words)
    cands = [p for p in near if _core(p.label) == core] \
        or ([p for p in near if _label_ends(p.label, whole_words)] if len(core) >= 3 else []) \
        or [p for p in near if p.total and len(whole_words.rstrip("的")) >= 3 and not _LAST_YEAR.search(p.pre[-12:])
            and p.pre.strip().endswith(whole_words.rstrip("的"))]  # …局收入合计T，其中…占收入合计的x%
    if not cands:
        fuller = _noun_dropped(core, {_core(p.label) for p in near})
        cands = [p for p in near if len(fuller) == 1 and _core(p.label) == fuller[0]]
    if len({p.value for p in cands}) > 1:
        # 2023年收入 and 本年收入 share a core: the one under the very words, else the one whose 总计 / 合计 is the words'
        words = whole_words.rstrip("的")
        cands = [p for p in cands if words in (p.label, p.pre.strip())] \
            or [p for p in cands if bool(_GRAND.search(p.pre)) == ("总计" in words)] or cands
    if len({p.value for p in cands}) == 1:
        return cands[0]
    if not cands and others is not None:
        return document_whole(whole_words, part, others)
    return None


#: 上述四类 / 以上3项 / 前述各项: the items listed just before
_ABOVE = re.compile(r"(上述|以上|前述)(?P<end>前|后|最后)?(?P<n>[\d一二两三四五六七八九十]{1,3})?(类|项|个|部分|方面)")


def _listed_before(text: str, qs: list[Quantity], keys: list[int], pos: int, n: int, end: str | None = None
                   ) -> list[Quantity]:
    """The ``n`` figures listed in the sentence that ends just before ``pos`` (上述四类分别占…), when that sentence
    lists exactly ``n`` comparable figures and nothing else; with ``end`` (上述前三类 / 后两项) the first or last ``n``
    items of a longer list of comparable figures, its 合计 left out."""
    sents = sentences(text)
    k = sents.index(pos)
    s_start, _ = sents.bounds(pos)
    spans = [(max(s_start, pos - REACH), pos)]  # the same sentence: A、B、C，上述三类分别占…
    while k and not text[sents.ends[k - 2] + 1 if k >= 2 else 0:sents.ends[k - 1]].strip():
        k -= 1  # the blank line between two paragraphs is no sentence
    if k:
        spans.append((sents.ends[k - 2] + 1 if k >= 2 else 0, sents.ends[k - 1]))
    for lo, hi in spans:
        items = _first(qs, keys, lo, hi, WINDOW + 1)
        if end and len(items) <= WINDOW:
            items = [q for q in items if not q.total]
            if len(items) > n and all(_usable(q) and q.comparable(items[0]) for q in items):
                return items[:n] if end == "前" else items[-n:]
            continue
        usable = [q for q in items if _usable(q)]
        if items and len(usable) == n == len(items) and all(q.comparable(usable[0]) for q in usable):
            return usable
    return []


def _respective(text: str, qs: list[Quantity], groups: list[Group], others: "Wholes | None" = None
                ) -> tuple[set[int], list[tuple[Quantity, Group, Quantity]]]:
    """``其中A…、B…、C…，分别占X%、Y%、Z%``: (ids of those shares, [(share, group, part)] when they pair one to one).
    ``A…、B…、C…。上述三类分别占W的X%、Y%、Z%``: the items of the sentence before, against the whole W names."""
    keys = starts(qs)
    skip: set[int] = set()
    pairs = []
    ends = sorted((g.parts[-1].end, k) for k, g in enumerate(groups))
    end_keys = [e for e, _k in ends]
    for i, q in enumerate(qs):
        if q.role != "share" or not re.search(r"分别(占|为)[^，。；]*$", q.pre) or id(q) in skip:
            continue
        run = _percent_run(text, qs, i)
        skip |= {id(x) for x in run}
        k = bisect_right(end_keys, q.start)
        g = groups[max(kk for _e, kk in ends[max(0, k - WINDOW):k])] if k else None
        if g is not None and g.ok and len(g.parts) == len(run) and "。" not in text[g.parts[-1].end:q.start]:
            pairs += list(zip(run, [g] * len(run), g.parts))
            continue
        above = _ABOVE.search(q.pre)
        whole_words = share_target(q)
        if above is None or not whole_words or len(run) < 2:
            continue
        n = above.group("n")
        if n and count_value(n) != len(run):
            continue
        parts = _listed_before(text, qs, keys, q.start - len(q.pre) + above.start(), len(run), above.group("end"))
        whole = _named_whole(text, qs, keys, q.start, parts[0], whole_words, others) if parts else None
        if whole is None or whole in parts or not all(p.comparable(whole) for p in parts):
            continue
        g = Group(whole, parts, "上述", True, True)
        pairs += list(zip(run, [g] * len(run), parts))
    return skip, pairs


_ABOVE_OPENING = re.compile(r"^\s*(?:[（(]?[一二三四五六七八九十\d]{1,2}[）)、.．]\s*)?" + _ABOVE.pattern)


def check_listed_above(before: str, text: str, others: "Wholes | None" = None) -> list[Issue]:
    """A paragraph opening with 上述N类 / 以上N项 / 上述前N类 (…分别占W的X%、Y%): the items it refers to are listed at
    the end of the paragraph before (the two read as one text); the shares found are placed in this paragraph."""
    if not before.strip() or not _ABOVE_OPENING.match(text):
        return []
    joined = before + "\n" + text
    qs = extract(joined)
    skip = len(before) + 1
    out = []
    for issue in check_shares(joined, qs, [], others):
        spot = issue.location
        if spot.offset >= skip:
            out.append(replace(issue, location=replace(spot, offset=spot.offset - skip,
                                                         end=None if spot.end is None else spot.end - skip)))
    return out


def check_shares(text: str, qs: list[Quantity], groups: list[Group], others: list[Quantity] | None = None) -> list[Issue]:
    """Each share against its part ÷ whole; ``others`` are the figures of the rest of the document, where a whole
    named in words (占本年支出的…) may be found when the paragraph has none."""
    issues = []
    member = {id(p): g for g in groups for p in g.parts}
    rounded: dict[int, bool] = {}  # share quantity id -> True when it is the computed ratio rounded half up
    skip, pairs = _respective(text, qs, groups, others)
    for q, g, part in pairs:
        whole = g.total
        v, exact = ratio_verdict(part.value_in(whole.unit), whole.value, q.value, kind_of(part.kind),
                                 kind_of(whole.kind))
        if v != "ok" and whole.value and not _of_disputed(part, whole, q):
            issues.append(_issue(TXT002, v, f"{part.label or '该项'} {part.text} 占 {re.sub(r'^占', '', whole.label or '') or '总数'} {whole.text} "
                                 f"的比例为 {pct_text(exact, q.value)}，文中写 {q.text}", pct_text(exact, q.value), q.text,
                                 q.start))
    sents = sentences(text)
    keys = starts(qs)
    for i, q in enumerate(qs):
        if q.role != "share" or q.unit != "%" or q.approx or id(q) in skip:
            continue
        if completion_rate(q) is not None:
            continue  # 实际支出占（全年）预算的P%: an execution rate, judged by check_completion or not at all
        s_start, _ = sents.bounds(q.start)
        before = [p for p in prior(qs, i, s_start) if _usable(p)]
        subject = _share_subject(text, before[-1].end if before else s_start, q)
        name = _part_head(subject, share_target(q))
        if subject and _REFERRING.match(subject.strip("，,；; ")):
            # …决算为B万元，…；这笔资金占项目支出的X%: the money the paragraph is about, what was spent of it (its one
            # 决算 / 支出 figure before the share), not the nearest figure (its 结余) nor another paragraph's
            spent = [p for p in qs[:i] if _usable(p) and p.kind == "money"
                     and (_budget_side(p) == "actual" or _spent_unstaged(p))]
            if not spent or len({p.value_in("万元") for p in spent}) != 1:
                continue
            before, name = [spent[-1]], ""
            part = spent[-1]
        elif name:  # 湿地保护占项目支出的X%: the share names its part; not found, say nothing
            near = [p for p in prior(qs, i, max(0, q.start - 400)) if _usable(p) and p.label and _names(p.label, name)]
            index = others if isinstance(others, Wholes) else Wholes(others or [])
            named = near or index.by_core.get(_core(name), [])[:WINDOW + 2]
            if not named or len({p.value for p in named}) != 1:
                continue
            before = before or [named[0]]
            part = named[-1] if named[-1] in before else named[0]
        elif not before:
            continue
        else:
            part = _subject(text, before[-1], groups, q.start, qs)  # 其中A、B，占W的X%: the total's share
            g = member.get(id(before[-1]))
            if part is None and g is not None and share_target(q) \
                    and _core(share_target(q)) == _core(_NUMBERING.sub("", g.total.label)):
                part = before[-1]  # 按性质分，A；B，占支出合计的X%: a share of the list's own total is the part's
            if part is None:
                continue
        whole_words = share_target(q)
        if name and len(whole_words) < 2:  # 本年收入中，事业收入所占比重为X%: the whole opens the sentence
            opening = _AMONG_OPENING.match(text, s_start)
            whole_words = opening.group(1) if opening else ""
        inline = [p for p in prior(qs, i, q.start - len(q.pre)) if p.unit == part.unit and p is not part]
        whole = listed = None
        if inline:  # 占年度指标值20家的135%
            whole = inline[-1]
        elif not whole_words:
            # A，占W的x%；B，占y%: a bare share in a list after one naming its whole is of that whole
            listed = whole = _listed_share_whole(text, qs, keys, i, s_start, part, others)
            g = member.get(id(part))
            if listed is not None and ((g is not None and any(p is listed for p in g.parts))
                                       or part.value_in(listed.unit) > listed.value):
                listed = whole = None  # …占事业收入的40%；其他收入B，占y%: B is 事业收入's sibling, not its part
            if whole is None:
                whole = g.total if g is not None and g.ok else None
            if whole is None and listed is None:
                whole = _anchored_whole(text, qs, keys, i, s_start, part)
            opening = _AMONG_OPENING.match(text, s_start) or _SPLIT_OPENING.match(text, s_start)
            if whole is None and opening:
                # 2024年度一般公共预算财政拨款支出中，教育支出A万元，占x%；… / …支出决算按功能分类划分，主要用于以下方面：
                # the whole the sentence opens with
                whole = _named_whole(text, qs, keys, q.start, part, opening.group(1), others)
            if whole is None:
                whole = _announced_whole(text, qs, keys, part)
        else:
            whole = _named_whole(text, qs, keys, q.start, part, whole_words, others)
            g = member.get(id(part))
            core = _core(whole_words)
            if whole is None and g is not None and part.comparable(g.total) and len(core) >= 2 \
                    and (_core(_NUMBERING.sub("", g.total.label)) == core
                         or (part.kind == "count" and core in g.total.label)):
                # 行政复议案件64件，其中维持48件…。维持的案件占全部案件的P%: the total the part was listed in, named
                # by its own words (a count by a word of its name; a sum of money by its very name: 全部支出 is not
                # 基本支出)
                whole = g.total
            if whole is None and g is not None and g.ok and part.comparable(g.total) and _fixed_split_of(g, core) \
                    and not _NAMES_A_WHOLE.search(_core(g.total.label)) \
                    and not (others if isinstance(others, Wholes) else Wholes(others or [])).by_core.get(core):
                # 实际执行A万元。其中基本支出B万元，占支出合计的X%；项目支出C万元: the parts a fixed split names (基本支出
                # and 项目支出) make up exactly A, and the whole named is that split's whole (支出合计): A is it
                whole = g.total
        if whole is None or whole.value == 0:
            continue
        if part.comparable(whole) and part.value_in(whole.unit) > whole.value and q.value < 100:
            continue  # a part larger than the figure read as its whole: that figure is not its whole
        v, exact = ratio_verdict(part.value_in(whole.unit) if part.comparable(whole) else part.value, whole.value,
                                 q.value, kind_of(part.kind), kind_of(whole.kind))
        if v == "ok":
            rounded[id(q)] = round_to(exact, places(q.value)) == q.value
            continue
        if _of_disputed(part, whole, q):
            continue
        evidence = _share_completes(member.get(id(part)), part, whole, q)
        if evidence is not None:
            issues.append(evidence)  # the share is of the parts' sum: the list is whole, its total is wrong
            continue
        if not inline and not whole_words and listed is None and any(
                ratio_verdict(part.value_in(w.unit), w.value, q.value, kind_of(part.kind), kind_of(w.kind))[0] == "ok"
                for w in _other_wholes(text, qs, keys, member, i, s_start, part, whole, others)):
            continue  # the share names no whole, and another whole it may be of (named before it) gives it
        issues.append(_issue(TXT002, v, f"{part.label or '该项'} {part.text} 占 {whole.label or '总数'} {whole.text} 的比例为 "
                             f"{pct_text(exact, q.value)}，文中写 {q.text}", pct_text(exact, q.value), q.text, q.start))
    # the shares of a complete list, each rounded correctly, may still not add to 100 % (a warning)
    for g in groups:
        if not g.ok:
            continue
        shares = []
        for p in g.parts:
            k = first_after(keys, p.end)
            nxt = [q for q in qs[k:k + WINDOW] if q.role == "share" and not share_target(q)][:1]
            if nxt and not any(o.start < nxt[0].start for o in g.parts if o.start > p.start):
                shares.append(nxt[0])
        if len(shares) != len(g.parts) or len(shares) < 2 or not all(rounded.get(id(s)) for s in shares):
            continue
        values = [s.value for s in shares]
        total = sum(values, Decimal(0))
        if total != 100:
            issues.append(_issue(TXT003, Verdict.WRONG, f"各部分占比之和为 {like(total, values)}%，不等于 100%（各项分别"
                                 "四舍五入所致，建议调整尾差使合计为 100%）", "100%", f"{like(total, values)}%",
                                 shares[0].start))
    return issues


#: a figure's own name of a whole (一般公共预算财政拨款支出, 项目资金): a split under it is of that whole, whatever a share
#: names
_NAMES_A_WHOLE = re.compile(r"支出|收入|经费|资金|拨款|费用")


def _fixed_split_of(g: "Group", core: str) -> bool:
    """The parts of ``g`` are the whole of a fixed split (DOMAIN §2: 基本支出 + 项目支出, 人员经费 + 公用经费 …) whose
    whole is named by ``core`` (the words of a share's whole, 支出合计 → 支出)."""
    labels = [p.label for p in g.parts]
    return len(core) >= 2 and any(
        _core(spec.label) == core and len(labels) == len(spec.parts)
        and all(sum(part.word in lb for lb in labels) == 1 for part in spec.parts) for spec in FIXED)


def _share_opening(text: str, qs: list[Quantity]) -> tuple[Quantity, Quantity] | None:
    """(part, share) of a paragraph opening with a figure and its bare share (城乡社区支出（类）3235.37万元，占42.08%。…):
    the first figure of the paragraph, its name the paragraph's first words, the next figure a share naming no whole."""
    if len(qs) < 2:
        return None
    part, share = qs[0], qs[1]
    if not (_usable(part) and part.kind == "money" and part.label and share.role == "share" and share.unit == "%"
            and not share.approx and not share_target(share)):
        return None
    if not re.fullmatch(r"\s*[，,]\s*(?:占|所占比例为|占比为?)\s*", text[part.end:share.start]) \
            or re.search(r"[，,。；;：:]", text[:part.start]):
        return None
    return part, share


def check_share_paragraphs(texts: list[str], read: list[list[Quantity]]) -> list[tuple[int, Issue]]:
    """Parts that each open a paragraph of their own with a bare share, three paragraphs or more in a row (社会保障和
    就业支出（类）A万元，占x%。… / 卫生健康支出（类）B万元，占y%。…): when the parts add up exactly to a figure stated in
    the three paragraphs before them (支出决算为T万元), that figure is the whole of their shares; when most shares agree
    with it, those that do not are wrong."""
    out = []
    heads = [_share_opening(t, qs) for t, qs in zip(texts, read)]
    k = 0
    while k < len(texts):
        if heads[k] is None:
            k += 1
            continue
        j = k + 1
        while j < len(texts) and heads[j] is not None and heads[j][0].comparable(heads[k][0]):
            j += 1
        run = [(n, *heads[n]) for n in range(k, j)]
        k = j
        if len(run) < 3:
            continue
        unit = run[0][1].unit
        total = sum((p.value_in(unit) for _n, p, _s in run), Decimal(0))
        first = run[0][0]
        whole = next((q for n in range(first - 1, max(-1, first - 4), -1) for q in reversed(read[n])
                      if _usable(q) and q.comparable(run[0][1]) and q.value_in(unit) == total), None)
        if whole is None or total <= 0:
            continue
        verdicts = [ratio_verdict(p.value_in(unit), total, sh.value, kind_of(p.kind), kind_of(p.kind)) for _n, p, sh in run]
        good = sum(v == "ok" for v, _e in verdicts)
        if good < 2 or good <= len(run) - good:
            continue
        for (n, p, sh), (v, exact) in zip(run, verdicts):
            if v != "ok":
                out.append((n, _issue(TXT002, v, f"{p.label} {p.text} 占 {whole.label or '总数'} {whole.text}（各段所列"
                                      f"{len(run)}项之和）的比例为 {pct_text(exact, sh.value)}，文中写 {sh.text}",
                                      pct_text(exact, sh.value), sh.text, sh.start)))
    return out


def _anchored_whole(text: str, qs: list[Quantity], keys: list[int], i: int, s_start: int, part: Quantity
                    ) -> Quantity | None:
    """The whole of a bare share (占y%) after a part listed under the sentence's total (``本年收入合计T，其中：A，B；
    事业收入C，占y%；其他收入D，占z%``) when the list of parts is broken (by ；) so that it does not add up as read:
    the total is the whole when every other bare share of the sentence, each right after its part, is that part's
    share of it (one list, one whole). None when no other share bears the total out."""
    head = next((q for q in qs[first_after(keys, s_start - 1):] if q.start < part.start and _usable(q)), None)
    if head is None or head is part or not head.comparable(part) or part.value_in(head.unit) >= head.value \
            or not (head.total or re.match(r"\s*[，,]\s*其中", text[head.end:head.end + 6])):
        return None
    _, s_end = _sentence_bounds(text, qs[i].start)
    agree = 0
    for k in range(first_after(keys, s_start - 1), first_after(keys, s_end - 1)):
        q = qs[k]
        if k == i or not s_start <= q.start < s_end or q.role != "share" or q.unit != "%" or q.approx \
                or share_target(q) or k == 0:
            continue
        p = qs[k - 1]
        if p is head or not (_usable(p) and p.comparable(head)) or re.search(r"[；;。]", text[p.end:q.start]):
            continue
        if ratio_verdict(p.value_in(head.unit), head.value, q.value, kind_of(p.kind), kind_of(head.kind))[0] != "ok":
            return None
        agree += 1
    return head if agree else None


#: a figure said to be made of parts named without their figures (T万元，由基本支出和项目支出组成 / 包括A、B两部分)
_ANNOUNCED_SPLIT = re.compile(r"\s*[，,]?\s*(?:主要)?(?:由|包括|分为|含)(?P<names>[\u4e00-\u9fff“”（）()、和及与]{4,60}?)"
                              r"(?:[两二三四五六七八九十]{1,2}(?:个|项|类)?(?:部分|方面))?(?:组成|构成)?[。；;]")


def _announced_whole(text: str, qs: list[Quantity], keys: list[int], part: Quantity) -> Quantity | None:
    """The whole of a bare share (占y%) after a part the paragraph announced, earlier, as one of the named parts of a
    figure (本年支出合计T万元，由基本支出和项目支出组成。基本支出A万元，占x%；项目支出B万元，占y%): T, when the part is
    named as the announcement names one of its parts, is smaller than T, and no figure of T's kind stands between the
    announcement and the part but those of its parts."""
    for k in range(first_after(keys, part.start) - 1, -1, -1):
        t = qs[k]
        if t is part or t.end > part.start:
            continue
        m = _ANNOUNCED_SPLIT.match(text, t.end)
        if m is None:
            continue
        names = [_core(n) for n in re.split(r"[、和及与]", m.group("names")) if len(_core(n)) >= 2]
        if len(names) < 2 or not (_usable(t) and t.comparable(part)) or part.value_in(t.unit) >= t.value \
                or not any(_label_ends(part.label, n) or _core(part.label).endswith(n) for n in names):
            return None
        between = [q for q in qs[k + 1:first_after(keys, part.start)] if q is not part and q.comparable(t)
                   and q.role == "level" and q.start < part.start]
        if any(not any(_core(q.label).endswith(n) for n in names) for q in between):
            return None
        return t
    return None


def _listed_share_whole(text: str, qs: list[Quantity], keys: list[int], i: int, s_start: int, part: Quantity,
                        others) -> Quantity | None:
    """The whole of a bare share (占y%) in a list of shares whose first names its whole: each part with its share
    (工资福利支出A万元，占基本支出的x%；商品和服务支出B万元，占y%) or each part named by its words (A占收入总计的x%，
    B占y%，C占z%): that whole, found as the named share finds it. None when any other figure stands between."""
    found = None
    for k in range(i - 1, -1, -1):
        q = qs[k]
        if q.start < s_start:
            break
        if q.role == "share" and q.unit == "%":
            if share_target(q):
                found = k
                break
            continue
        if not (_usable(q) and q.comparable(part)):
            return None
    if found is None:
        return None
    words = share_target(qs[found])
    return _named_whole(text, qs, keys, qs[found].start, part, words, others) if len(words) >= 2 else None


def _other_wholes(text: str, qs: list[Quantity], keys: list[int], member: dict, i: int, s_start: int,
                  part: Quantity, whole: Quantity, others) -> list[Quantity]:
    """The wholes a share naming none may be of besides ``whole`` (the total its part is listed in): the total that
    total is itself listed in, and the wholes earlier shares of the sentence name (收入总计X，其中本年收入Y（…其他收入
    Z），…占收入总计的P%，…其他收入占Q%)."""
    out = []
    g = member.get(id(whole))
    if g is not None and g.total.comparable(part):
        out.append(g.total)
    for k in range(i - 1, -1, -1):
        e = qs[k]
        if e.start < s_start:
            break
        words = share_target(e) if e.role == "share" and e.unit == "%" else ""
        if words:
            w = _named_whole(text, qs, keys, e.start, part, words, others)
            here = [p for p in qs[:k] if p.start >= s_start and p is not part and p.comparable(part) and _usable(p)
                    and (_label_ends(p.label, words) or _label_ends(p.pre.strip(), words))]  # the figure of this sentence under those words
            for w in ([w] if w is not None else []) + here[:1]:
                if w is not whole and w.comparable(part) and w.value:
                    out.append(w)
    return out


#: 基本支出、项目支出分别占支出合计的X%和Y%: parts named without their figures (given elsewhere), then the whole
_NAMES_RESPECTIVE = re.compile(r"(?P<names>[\u4e00-\u9fff]{2,16}(?:[、和及与][\u4e00-\u9fff]{2,12})+)"
                               r"(?:两项|三项|四项|二者|两者)?分别占(?P<whole>[\u4e00-\u9fff]{0,12}?)的?(?:比重|比例)?(?:为|是)?\s*$")


def _named_figure(name: str, index: "Wholes") -> Quantity | None:
    """The one money figure of the document whose label ends with ``name`` or with its longest tail that some label
    ends with (从支出结构看基本支出 names 基本支出; 两项构成基本支出1811.01万元 is named by 基本支出); None when no
    figure, or figures of different values, are so named."""
    for k in range(len(name) - 4, -1, -1) if len(name) >= 4 else ():
        core = _core(name[k:])
        named = [q for c, qs in index.by_core.items() if c.endswith(core) for q in qs if q.kind == "money"]
        if named:
            return named[0] if len({q.value_in(named[0].unit) for q in named}) == 1 else None
    return None


def check_named_respective(text: str, qs: list[Quantity], others: "Wholes | None") -> list[Issue]:
    """``A、B分别占W的X%和Y%`` where A and B are named without figures in the sentence (the document gives them once
    each): each share against its part ÷ W, W the one figure the document names so, or, when A, B… are a complete
    set of a whole (基本支出 and 项目支出), their sum, provided one share at least agrees with it."""
    if not isinstance(others, Wholes):
        return []
    issues = []
    sents = sentences(text)
    skip: set[int] = set()
    for i, q in enumerate(qs):
        if q.role != "share" or q.unit != "%" or id(q) in skip:
            continue
        s_start, _ = sents.bounds(q.start)
        m = _NAMES_RESPECTIVE.search(text, max(s_start, q.start - 80), q.start)  # bounded: linear in any text
        if m is None or any(True for _p in prior(qs, i, s_start)):
            continue
        run = _percent_run(text, qs, i)
        skip |= {id(x) for x in run}
        names = re.split(r"[、和及与]", m.group("names"))
        if len(names) != len(run):
            continue
        parts = [_named_figure(n, others) for n in names]
        if any(p is None for p in parts) or len({p.unit for p in parts}) != 1:
            continue
        whole = document_whole(m.group("whole"), parts[0], others) if m.group("whole") else None
        if whole is None:
            labels = [p.label for p in parts]
            if not any(len(words) == len(labels) and all(any(w in lb for lb in labels) for w in words)
                       for words in COMPLETE_SETS):
                continue
            whole = _sum_whole(parts, {id(p): s for p, s in zip(parts, run)})
        if whole is None or whole.value <= 0:
            continue
        for part, share in zip(parts, run):
            v, exact = ratio_verdict(part.value_in(whole.unit), whole.value, share.value, kind_of(part.kind),
                                     kind_of(whole.kind))
            if v != "ok":
                issues.append(_issue(TXT002, v, f"{part.label} {part.text} 占 {whole.label or '总数'} {whole.text} 的比例为 "
                                     f"{pct_text(exact, share.value)}，文中写 {share.text}", pct_text(exact, share.value),
                                     share.text, share.start))
    return issues


def _of_disputed(part: Quantity, whole: Quantity, share: Quantity) -> bool:
    """Whether the share is right against the sum of the parts of a whole already reported as not adding up: which
    of the two the share was worked from cannot be told, and the total's error is said once, at the total."""
    if whole.disputed is None or not whole.disputed or not part.comparable(whole):
        return False
    v, _exact = ratio_verdict(part.value_in(whole.unit), whole.disputed, share.value, kind_of(part.kind),
                              kind_of(whole.kind))
    return v == "ok"


# the words naming a share's own part, between the last clause mark and 占 / 所占 / 的占比 / 比重 / 比例
_SUBJECT = re.compile(r"([\u4e00-\u9fff（）()]{2,}?)(?:所占|占|的占比|占比|的比重|比重|的比例)[^，,；;。]*$")
_NOT_A_NAME = re.compile(r"^(其中|该项|此项|上述|以上|分别|合计|共计|总计|同比|较上年|比上年|主要|约)")


_AMONG_OPENING = re.compile(r"\s*(?:(?:19|20)\d\d年度?)?(?:在)?([\u4e00-\u9fff]{2,14}?)(?:决算数?)?(?:中|当中)[，,]")


#: a sentence opening with the whole it splits: 一般公共预算财政拨款支出决算按功能分类划分，…
_SPLIT_OPENING = re.compile(r"\s*(?:(?:19|20)\d\d年度?)?([\u4e00-\u9fff]{2,16}?)(?:决算|决算数)?按(?:照)?[\u4e00-\u9fff]{1,8}?"
                            r"(?:分|划分|分类)[：:，,]")


def _share_subject(text: str, start: int, q: Quantity) -> str:
    """The part a share names before 占 in its own clause (``，湿地保护占项目支出的34.62%`` -> 湿地保护); empty when the
    clause has no name of its own (``，占34.62%``, ``其中占…``)."""
    seg = re.split(r"[，,；;。：:、]", text[start:q.start])[-1]
    m = _SUBJECT.search(seg)
    if not m:
        return ""
    name = re.sub(r"^(其中|而|则|且|以及|和|及)", "", m.group(1)).rstrip("的所")
    name = re.sub(r"^所?占$", "", name)  # 所占比重为X%: the clause has no name of its own
    name = re.sub(r"^在[\u4e00-\u9fff“”]{2,16}?(?:中|当中|里)$", "", name)  # 在本年收入中占比P%: the whole, not a part
    return "" if len(name) < 2 or _NOT_A_NAME.match(name) else name


#: a list number opening a label (2. 项目支出, （一）基本支出)
_NUMBERING = re.compile(r"^\s*(?:\d{1,2}\s*[.．、]|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)\s*")
#: the nouns a count's name ends with that only say it is counted (自主就业人数 is 自主就业's count)
_COUNT_NOUN = re.compile(r"(?:人数|户数|件数|个数|次数|家数|数量)$")


def _part_head(name: str, whole_words: str) -> str:
    """The part a share's subject names, without the noun of what is counted: 自主就业人数 -> 自主就业; 维持的案件
    (占全部案件的…) -> 维持, the noun being the whole's own."""
    head = _COUNT_NOUN.sub("", name)
    m = re.fullmatch(r"(?P<head>[\u4e00-\u9fff]{2,}?)的(?P<noun>[\u4e00-\u9fff]{1,4})", head)
    if m and m.group("noun") in whole_words:
        head = m.group("head")
    return head if len(head) >= 2 else name


def _names(label: str, name: str) -> bool:
    """A figure's label and a share's named part are the same item (支出 / 资金 / 经费 and 的 aside)."""
    def bare(w: str) -> str:
        return re.sub(r"(支出|资金|经费|费用|的)$", "", re.sub(r"^(其中|用于|主要用于)", "", w))
    a, b = bare(label), bare(name)
    return bool(a) and len(a) >= 2 and (a == b or a.endswith(b) and len(b) >= 2 or b.endswith(a))


_UP = re.compile(r"增|上升|上涨|提高|超")
_DOWN = re.compile(r"减|下降|降|缩|节约")
_COMPARE_OPENING = re.compile(r"^\s*(与|同|和|较|比)(上年|去年|上一年|20\d\d年)(度)?(相比|比较)?[，,]?")
_COMPARE = re.compile(r"比上年|较上年|比去年|较去年|同比|比20\d\d年|较20\d\d年|比上一年|"
                      r"[与同和](?:上年|去年|上一年|20\d\d年)度?(?:相比|比较)|" + r"(?P<budget>[比较](?:年初|全年|调整后?)?预算数?)")
#: a rate of change named as such (增长率为 / 下降幅度为 / 增幅): read as the change's rate whatever its role
_CHANGE_RATE = re.compile(r"(?:增长|下降|减少|上升|增加|降低)(?:率|幅度?|比例)(?:为|是|达到?)?$|[增降涨减]幅(?:为|是|达到?)?$")


def _direction(words: str) -> int:
    if _DOWN.search(words):
        return -1
    if _UP.search(words):
        return 1
    return 0


#: a clause that opens with a name of its own (two or more CJK characters that are no comparison word) before its
#: change: ``…、B万元，义务教育支出同比增长R%`` is said of the name, not of the list's total
_NAMED_SUBJECT = re.compile(r"\s*(?!较|比|同比|环比|与上年|与去年|增|减|下降|上升|提高|降低|共|合计|总计|分别|均|占)"
                            r"[\u4e00-\u9fff“”（）()]{2,}?(?:同比|环比|较|比|与上年|增长|减少|下降|上升)")


#: the subject a clause names before its change: the words before 比上年 / 同比 / 增长 … (“三公”经费比上年减少)
_CLAUSE_SUBJECT = re.compile(r"\s*(?P<name>[\u4e00-\u9fff“”（）()]{2,}?)(?:同比|环比|较|比|与上年|增长|减少|下降|上升)")


def _named_in_clause(clause: str, x: Quantity, qs: list[Quantity]) -> Quantity | None:
    """The figure a clause's own subject names: ``x`` when its name is x's (or is not a name any earlier figure of
    the sentence bears), else the one earlier figure so named (…公务用车运行维护费B万元…；“三公”经费比上年减少D万元:
    the 三公 total, not B)."""
    m = _CLAUSE_SUBJECT.match(clause)
    raw = m.group("name").replace("“", "").replace("”", "") if m else ""
    name = _core(raw)
    unquoted = x.label.replace("“", "").replace("”", "")
    if len(name) < 2 or (name in _core(unquoted) and (unquoted.endswith(raw) or len(raw) < 2)):
        return x
    sent = max(0, x.start - 400)
    named = [q for q in qs if sent <= q.start < x.start and q.comparable(x) and q.role == "level"
             and _stage_named(q) in (None, "actual") and not _of_last_year(q)
             and (name in _core(q.label.replace("“", "").replace("”", ""))
                  or name in _core(q.pre.replace("“", "").replace("”", "")))]
    # _core reads 本年收入 and 收入总计 both as 收入: a figure whose own name ends with the clause's words wins
    exact = [q for q in named if any(w.replace("“", "").replace("”", "").endswith(raw) for w in (q.label, q.pre))]
    if exact and len({q.value for q in exact}) == 1:
        return exact[-1]
    if name in _core(unquoted):
        return x
    if len({q.value for q in named}) == 1:
        return named[-1]
    return None if named else x


def _subject(text: str, x: Quantity, groups: list[Group] | None, at: int, qs: list[Quantity] = ()) -> Quantity | None:
    """The figure a change or share written at ``at`` is said of, ``x`` the figure right before it: when ``x`` closes
    a 其中 list of two or more parts joined by 、 and the change opens a clause of its own (``支出T万元，其中A万元、
    B万元，较上年的X万元下降R%``), the change is the total's (the clause subject), never the last part's. None when
    it cannot be told: ``x`` in brackets and the change after them (``T（A、B），较上年…``), ``x`` the last of a list
    joined by 、 with no total found (``T：A、B，较上年…``), or the last of a list joined by ，or ； whose other parts
    have no change of their own (``T，其中A，B，C，比上年减少D``)."""
    if not re.search(r"[，,]", text[x.end:at]):
        if re.search(r"[；;]", text[x.end:at]):
            # …，其中本年收入A万元，上年结转和结余B万元；本年收入比上年增加D万元: the clause after ； names its subject
            clause = re.split(r"[；;]", text[x.end:at])[-1]
            if _NAMED_SUBJECT.match(clause):
                return _named_in_clause(clause, x, qs)
            for g in groups or ():
                # 收入总计T，其中A、B、上年结转C；比上年减少D: the ； closes the list, the bare change is the total's
                if len(g.parts) >= 2 and g.parts[-1] is x and g.total.start < x.start \
                        and all("、" in text[a.end:b.start] and not re.search(r"[，,；;。]", text[a.end:b.start])
                                for a, b in zip(g.parts, g.parts[1:])):
                    return g.total
        return x
    clause = re.split(r"[，,；;]", text[x.end:at])[-1]
    if _NAMED_SUBJECT.match(clause):  # 其中A、B，A同比增长R%: the clause names its own subject
        return _named_in_clause(clause, x, qs)
    for g in groups or ():
        if not g.parts or g.parts[-1] is not x or g.total.start > x.start:
            continue
        joins = [text[a.end:b.start] for a, b in zip(g.parts, g.parts[1:])]
        if joins and all("、" in j and not re.search(r"[，,；;。]", j) for j in joins):
            return g.total
        if joins and not any(re.search(r"%|增|减|降|上升", j) for j in joins):
            base = next((q for q in qs if x.end <= q.start <= at and q.base and q.comparable(x)), None)
            if base is not None and all(base.value > p.value for p in g.parts) and base.value > 2 * x.value \
                    and g.total.value / 2 <= base.value <= g.total.value * 2:
                # …，C0万元，比上年8.91万元下降R%: a base beyond every part, more than twice the last and near the
                # total, is the total's
                return g.total
            return None  # 其中A，B；C，比上年减少D: no other part has a change of its own: the total's, or C's?
        return x
    brackets = _brackets(text)
    if brackets.depth(x.start) > brackets.depth(at):
        return None
    earlier = [q for q in qs if q.end <= x.start]
    if earlier:
        join = text[earlier[-1].end:x.start]
        if "、" in join and not re.search(r"[，,；;。：:]", join) and not earlier[-1].base \
                and not (earlier[-1].value == x.value and re.search(r"各|均|都", text[x.end:at])):
            return None  # (收入总计A、支出总计A。…收、支总计各增加D: the same figure twice, the change of each)
    return x


def check_changes(text: str, qs: list[Quantity], groups: list[Group] | None = None) -> list[Issue]:
    """``X万元，比上年增加D万元，增长R%``: R = D / (X − D). When the base is written after 比/较 (``X万元，比2021年度B万元
    减少D万元，下降R%``, ``X万元，较上年的B万元增长R%``), B is last year's figure: D = |X − B| and R = D / B. A change
    after a 其中 list is the total's (:func:`_subject`)."""
    issues = []
    for i, d in enumerate(qs):
        if d.role != "change" or d.kind not in ("money", "count") or d.approx:
            continue
        s_start, _ = _sentence_bounds(text, d.start)
        opening = text[s_start:d.start][:40]
        base = _base_before(text, qs, i, s_start)
        b = qs[i - 1] if i else None
        if base is None and b is not None and b.base and b.start >= s_start and b.comparable(d) and not b.approx \
                and (not re.search(r"[，,；;。]", text[b.end:d.start])
                     or (re.fullmatch(r"\s*(?:的)?(?:相比|比较|对比)[，,]\s*[^，,；;。\d]*", text[b.end:d.start])
                         and i + 1 < len(qs) and qs[i + 1].unit == "%" and qs[i + 1].role == "change")):
            # (与上年B万元相比，本年支出增加D万元: the clause of the comparison, then the change)
            # "比上年(B万元)下降D万元，降幅R%" with this year's figure in another sentence: R = D ÷ B all the same
            issues += _rate_of_change(text, qs, i, b)
            continue
        if base is not None:
            x = _subject(text, base[0], groups, base[1].start, qs)
            if x is base[0] or (x is not None and x.start >= s_start and x.comparable(base[1])):
                issues += _check_from_base(text, qs, i, x, base[1])
            continue
        if not _COMPARE.search(d.pre) and not _COMPARE_OPENING.match(opening):
            last = [q for q in prior(qs, i, s_start) if q.unit == d.unit and _usable(q)]
            if len(last) == 1 and _of_last_year(last[0]) and re.fullmatch(r"[，,]", text[last[0].end:d.start - len(d.pre)]):
                # "上年B万元，增加D万元，增长R%" opening its sentence: the clause before the change is last year's
                # figure, its base (with this year's figure before it, the other rules judge both)
                issues += _rate_of_change(text, qs, i, last[0])
            continue
        before = [q for q in prior(qs, i, s_start) if q.unit == d.unit and _usable(q)]
        if not before and _COMPARE_OPENING.match(opening) and s_start:
            # "…总计均为X万元。与上年相比，…增加D万元，增长R%": the figure is the one of the sentence before
            prev_start, _ = _sentence_bounds(text, s_start - 1)
            last = [q for q in prior(qs, i, prev_start) if q.start < s_start and q.unit == d.unit]
            if len(last) > 1 and len({q.value for q in last}) == 1 and all(_usable(q) for q in last):
                last = last[-1:]  # 收入总计A万元，支出总计A万元。与上年相比，收入、支出总计各增加D: one figure
            spent = [q for q in last if _stage_named(q) == "actual"]
            if len(last) > 1 and len(spent) == 1 and all(_stage_named(q) is not None for q in last) \
                    and not re.search(r"预算", d.pre + text[s_start:d.start]):  # (较上年预算减少D: the budget's)
                last = spent  # 支出预算为A万元，支出决算为B万元，完成预算的P%。较上年减少D万元: the actual's change
            before = last if len(last) == 1 and _usable(last[0]) else []
            if before and "总计" in before[0].pre[-8:] and re.search(r"本年|合计", d.label) and "总计" not in d.label:
                before = []  # 收、支总计T。与上年相比，本年支出合计增加D: 本年…合计 is the 总计 less what was carried over
        nxt = qs[i + 1] if i + 1 < len(qs) else None
        rate_next = nxt is not None and nxt.unit == "%" and not nxt.approx \
            and (nxt.role == "change" or bool(_CHANGE_RATE.search(nxt.pre[-8:])))
        if before and not rate_next and _of_last_year(before[-1]) and re.fullmatch(r"[，,]", text[before[-1].end:d.start
                                                                                                 - len(d.pre)]):
            # 支出决算为X万元，…；上年决算为B万元，比上年减少D万元 (no rate): D against this year's figure less B
            now = _this_years(qs, before[-1], s_start, text)
            if now is None and s_start and _sentence_opens_with(text, s_start, before[-1]) \
                    and "预算" not in text[before[-1].end:d.start] and _same_flow(d.label, before[-1].label):
                # …一般公共预算财政拨款收入X万元…。上年一般公共预算财政拨款收入为B万元，本年…比上年减少D万元: the
                # sentence opens with last year's figure, this year's is the paragraph's one of that name
                now = _this_years(qs, before[-1], 0, text)
            if now is not None:
                issues += _check_from_base(text, qs, i, now, before[-1])
            continue
        if before and nxt is not None and nxt.base and nxt.comparable(d) and not nxt.approx \
                and _BRACKETED_LAST_YEAR.fullmatch(text, d.end, nxt.start):
            # X万元，比上年增加D万元（上年为B万元）: last year's figure in brackets right after the change is its base
            x = _subject(text, before[-1], groups, d.start, qs)
            year = re.search(r"(?:19|20)\d\d", text[d.end:nxt.start])
            if year and year.group(0) in text[s_start:d.start]:
                continue  # （2023年为B）: the year the sentence is of, not the year before
            if x is not None and x.start >= s_start and x.comparable(nxt) and not _of_last_year(x):
                issues += _check_from_base(text, qs, i, x, nxt)
            continue
        if not before or nxt is None or nxt.unit != "%" or nxt.approx \
                or (nxt.role != "change" and not _CHANGE_RATE.search(nxt.pre[-8:])):
            continue
        between = text[d.end:nxt.start]
        if len(re.findall(r"[，,；;]", between)) > 1 or "。" in between:
            continue
        x = before[-1]
        between_words = re.sub(r"[，,](?:占|完成|为)[^，,。；;]{0,20}?\d+(?:\.\d+)?[%％]", "", text[x.end:d.start])
        # (…6.32万元，主要用于2辆执法执勤用车的燃料费、维修费等，较上年减少D: what it was spent on, said between)
        between_words = re.sub(r"[，,](?:主要)?(?:用于|包括|是)[^，,。；;%％]{0,60}?(?=[，,])", "", between_words)
        if between_words.count("，") > 1 \
                and x.start >= s_start:
            continue  # the figure must be the one the change is said of (its own share or rate between them aside)
        if _of_last_year(x) or _a_year_before(text, x, d):
            # "本年收入T万元，…上年收入B万元，本年较上年增加D万元，增长R%": the figure named 上年 is the base, and the
            # change is said of this year's figure under the same name earlier in the sentence (none: not judged)
            now = _this_years(qs, x, s_start, text)
            issues += _check_from_base(text, qs, i, now, x) if now is not None else _rate_of_change(text, qs, i, x)
            continue
        first = x
        x = _subject(text, x, groups, d.start, qs)
        if x is None and len(before) >= 2 and before[-2].value_in(first.unit) == first.value \
                and re.fullmatch(r"[、，,][\u4e00-\u9fff]{0,12}", text[before[-2].end:first.start]) \
                and re.search(r"均|各|都", text[first.end:d.start]):
            x = first  # 收入总计A、支出总计A，收、支总计均比上年增加D: the same figure twice, the change of each
        if x is not None:
            x = _ratio_base(text, qs, x)
        if x is None:
            continue
        if _budget_side(x) == "budget" and "预算" not in d.pre + text[x.end:d.start]:
            # 支出决算17.23万元，年初预算20.00万元，较上年减少2.07万元: the budget is the reference of what was spent,
            # the change is of what was spent (the figure of the other stage, before it in the sentence)
            spent = [q for q in before[:-1] if q.start >= s_start and _budget_side(q) == "actual" and q.comparable(x)]
            if len(spent) == 1:
                x = spent[0]
        sd, sr = _direction(d.pre[-6:]), _direction(nxt.pre[-6:])
        if sd == 0 or (sr != 0 and sr != sd):
            continue
        previous = x.value - d.value if sd > 0 else x.value + d.value
        if previous <= 0:
            continue
        rate = abs(nxt.value)
        kind = kind_of(d.kind)
        v, exact = ratio_verdict(d.value, previous, rate, kind, den_tol=half_unit(x.value, kind) + half_unit(d.value, kind))
        if v == "ok":
            continue
        if x is not first and re.search(r"[；;]", text[first.end:d.start]) \
                and not _NAMED_SUBJECT.match(re.split(r"[；;]", text[first.end:d.start])[-1]) \
                and any(g.total is x and g.parts and g.parts[-1] is first for g in groups or []) \
                and _changed_from(first, d, sd, rate, kind):
            continue  # 收入合计T，其中…其他收入50.00万元；比上年减少10.00万元，下降16.67%: the last part's change after all
        word = "增长" if sd > 0 else "下降"
        compared = _COMPARE.search(d.pre)
        then = compared.group("budget")[1:] if compared is not None and compared.group("budget") else "上年"
        issues.append(_issue(TXT004, v, f"{x.label or '本年数'} {x.text} 比{then}{('增加' if sd > 0 else '减少')} {d.text}，"
                             f"{then}应为 {num_text(previous)}，{word}率应为 {pct_text(exact, rate)}，文中写 {nxt.text}",
                             pct_text(exact, rate), nxt.text, nxt.start))
    issues += check_base_rates(text, qs, groups)
    issues += check_prior_base_rates(text, qs, groups)
    issues += check_last_year_rates(text, qs, {i.location.offset for i in issues})
    issues += check_rate_then_difference(text, qs, {i.location.offset for i in issues})
    issues += check_reached(text, qs, {i.location.offset for i in issues})
    issues += check_points(text, qs)
    return issues


def _ratio_base(text: str, qs: list[Quantity], x: Quantity) -> Quantity | None:
    """When ``x`` is the base of a ratio written right after it (``决算A万元，完成预算X万元的R%``, ``占X万元的R%``),
    the figure the sentence is about is the ratio's numerator A, the figure of the same unit before it: A, when
    A ÷ X is R (the ratio confirms which is which); ``x`` itself when ``x`` is no ratio's base; None when it is one
    and its numerator cannot be told (the change after it is not judged)."""
    k = next((n for n, q in enumerate(qs) if q is x), None)
    if k is None or k + 1 >= len(qs) or text[x.end:qs[k + 1].start] != "的" or qs[k + 1].unit != "%":
        return x
    s_start, _ = _sentence_bounds(text, x.start)
    r = qs[k + 1]
    for a in reversed([q for q in qs[:k] if q.start >= s_start and q.unit == x.unit and _usable(q)]):
        return a if ratio_verdict(a.value, x.value, r.value, kind_of(x.kind))[0] == "ok" else None
    return None


def _of_last_year(q: Quantity) -> bool:
    """Whether ``q``'s own clause names it last year's figure (上年收入总计B万元, 去年同期B万元), not this year's."""
    clause = _CARRIED_OVER.sub("", re.split(r"[，,；;：:]", q.label)[-1])  # 上年结转和结余 is this year's money
    return bool(_LAST_YEAR.search(clause)) and not re.search(r"本年|今年|当年", clause)


def _same_flow(a: str, b: str) -> bool:
    """Two names do not name the two sides of the money (收入 and 支出)."""
    return None in (flow_of(a), flow_of(b)) or flow_of(a) == flow_of(b)


def _sentence_opens_with(text: str, s_start: int, q: Quantity) -> bool:
    """Whether ``q`` is the first figure of its sentence (only its name before it)."""
    return not re.search(r"\d", text[s_start:q.start]) or bool(re.fullmatch(r"\s*(?:19|20)\d\d年度?[\u4e00-\u9fff“”（）()]*",
                                                                         text[s_start:q.start]))


def _this_years(qs: list[Quantity], b: Quantity, s_start: int, text: str | None = None) -> Quantity | None:
    """This year's figure of the last year's ``b``: the one figure of the sentence before it whose name is ``b``'s
    without its 上年 (2023年度本部门收入总计 and 上年收入总计 both name 收入总计); None when there is not exactly one."""
    name = _core(_LAST_YEAR.sub("", re.split(r"[，,；;：:]", b.label)[-1]))
    if not name:
        # 支出X万元，上年为B万元: 上年 names nothing but the year, this year's figure is the one right before it, a
        # comma between
        k = next((j for j, q in enumerate(qs) if q is b), None)
        prev = qs[k - 1] if k else None
        if prev is not None and text is not None and prev.start >= s_start and prev.comparable(b) and _usable(prev) \
                and not prev.base and not _of_last_year(prev) and not _GROUP.search(text, s_start, b.start) \
                and re.fullmatch(r"[，,]\s*(?:上年|上一年|去年)(?:度|同期)?(?:为|是|：|:)?\s*", text[prev.end:b.start]):
            return prev
        return None
    cands = [q for q in qs if s_start <= q.start < b.start and q.comparable(b) and _usable(q) and not q.base
             and not _of_last_year(q)]
    same = [q for q in cands if _core(re.split(r"[，,；;：:]", q.label)[-1]) == name]
    if not same and len(name) >= 2:
        # 支出决算为X万元，…；上年决算为B万元: the stage (决算) named alone is the one this year's figure ends with
        same = [q for q in cands if _core(re.split(r"[，,；;：:]", q.label)[-1]).endswith(name)]
    return same[0] if len(same) == 1 else None


def _base_before(text: str, qs: list[Quantity], i: int, s_start: int) -> tuple[Quantity, Quantity] | None:
    """(this year's figure, the base) when the change ``qs[i]`` follows a base in its sentence (``X，比2021年度B减少``):
    the base is the figure right before the change, in the same clause or the one before, and this year's figure
    the one right before the base, comparable to both."""
    d = qs[i]
    if i < 2:
        return None
    b, x = qs[i - 1], qs[i - 2]
    if not b.base or not b.comparable(d) or b.start < s_start or x.start < s_start or b.approx:
        return None
    if not (_usable(x) and x.comparable(b)):
        return None
    if re.search(r"[，,；;。]", text[b.end:d.start]) or len(re.findall(r"[，,；;]", text[x.end:b.start])) > 1:
        return None
    if re.search(r"[；;]", text[x.end:b.start]):
        return None  # 服务C；货物类采购比上年B减少D: a new clause names the change's own subject, not X
    return x, b


def _check_from_base(text: str, qs: list[Quantity], i: int, x: Quantity, b: Quantity) -> list[Issue]:
    """X，比B增加/减少D（，增长/下降R%）: D = |X − B|, R = D ÷ B."""
    d = qs[i]
    sd = _direction(d.pre[-6:])
    if sd == 0:
        return []
    kind = kind_of(d.kind)
    now, then = x.value_in(d.unit), b.value_in(d.unit)
    delta = (now - then) * sd
    out = []
    v, s = sum_verdict([then, d.value * sd], now, kind)
    if v != "ok" and sum_verdict([then, -d.value * sd], now, kind)[0] == "ok":
        word, right = ("增加", "减少") if sd > 0 else ("减少", "增加")
        out.append(_issue(TXT004, Verdict.WRONG, f"{x.label or '本年数'} {x.text} 比 {b.text} {right} {d.text}，"
                          f"变动方向应为“{right}”，文中写“{word}”", right, word, d.start, d.end))
        return out
    if v != "ok":
        word = "增加" if sd > 0 else "减少"
        out.append(_issue(TXT004, v, f"{x.label or '本年数'} {x.text} 比 {b.text} {word} {d.text}：两数之差为 "
                          f"{like(abs(now - then), [now, then])}，文中写 {d.text}", like(abs(now - then), [now, then]),
                          num_text(d.value), d.start, d.end))
        return out  # the rate after a wrong difference is not judged twice
    if delta < 0:
        return out
    return _rate_of_change(text, qs, i, b, f"{x.label or '本年数'} {x.text} 比 {b.text} ")


def _rate_of_change(text: str, qs: list[Quantity], i: int, b: Quantity, what: str = "") -> list[Issue]:
    """…B（上年数），增加/减少D，增长/下降R%: R = D ÷ B, the rate right after the change ``qs[i]`` in its clause."""
    d = qs[i]
    sd = _direction(d.pre[-6:])
    kind = kind_of(d.kind)
    then = b.value_in(d.unit)
    nxt = qs[i + 1] if i + 1 < len(qs) else None
    if sd == 0 or nxt is None or nxt.unit != "%" or nxt.role != "change" or nxt.approx or then <= 0 or b.approx:
        return []
    gap = text[d.end:nxt.start]
    sr = _direction(nxt.pre[-6:])
    if len(re.findall(r"[，,；;]", gap)) > 1 or "。" in gap or (sr != 0 and sr != sd):
        return []
    v, exact = ratio_verdict(d.value, then, abs(nxt.value), kind, den_tol=half_unit(b.value, kind))
    if v == "ok":
        return []
    name = b.label if b.label and not re.match(r"(比|较|与|同|由|从)", b.label) else "上年数"
    what = what or f"以{name} {b.text}为基数，"
    return [_issue(TXT004, v, f"{what}{('增长' if sd > 0 else '下降')} {d.text}，变动率应为 "
                   f"{pct_text(exact, abs(nxt.value))}，文中写 {nxt.text}", pct_text(exact, abs(nxt.value)), nxt.text,
                   nxt.start)]


def _rate_from_base(text: str, x: Quantity, b: Quantity, r: Quantity, gap_ok: bool = False, what: str = ""
                    ) -> list[Issue]:
    """R = (X − B) ÷ B for this year's X, last year's B and the rate R (X，同比增长R%（上年B）; X，较上年的B增长R%:
    ``gap_ok``, the gap already judged)."""
    s_start, _ = _sentence_bounds(text, r.start)
    if x.start < s_start or not (_usable(x) and x.comparable(b)) or b.approx or b.value <= 0 \
            or (not gap_ok and len(re.findall(r"[，,；;。]", text[x.end:r.start])) > 1):
        return []
    return _judge_rate(x, b, r, f"{x.label or '本年数'} {x.text} 较 {what or b.text}")


def check_base_rates(text: str, qs: list[Quantity], groups: list[Group] | None = None) -> list[Issue]:
    """``X万元，较上年的B万元增长R%`` (no difference written): R = (X − B) ÷ B; after a 其中 list, X is the total's."""
    issues = []
    for i in range(1, len(qs) - 1):  # X，同比增长R%（上年B）: the base in brackets right after the rate
        r, x, b = qs[i], qs[i - 1], qs[i + 1]
        if r.unit != "%" or r.role != "change" or r.approx or b.start >= r.end + 20:
            continue
        # …（上年B） / …，上年为B万元 (the next clause names last year's figure and nothing else)
        after = (b.base and re.fullmatch(r"[（(]", text[r.end:r.end + 1])) \
            or (_of_last_year(b) and _LAST_AFTER.fullmatch(text, r.end, b.start))
        if not after:
            continue
        subject = _subject(text, x, groups, r.start, qs)
        if subject is None:
            continue
        sr = _direction(r.pre[-6:])
        named = re.match(r"(?P<name>[\u4e00-\u9fff]*?)(?:比|较|同比|与|和)", r.pre.strip())
        own = not named or not named.group("name") or _names(subject.label, named.group("name"))
        if sr != 0 and own and subject.comparable(b) and _usable(subject) \
                and (subject.value_in(b.unit) - b.value) * sr < 0 and subject.start >= _sentence_bounds(text, r.start)[0]:
            # (职工医保基金支出同比增长R%（上年B） after a list: the rate names its own subject, not the last figure)
            issues.append(_issue(TXT004, Verdict.WRONG, f"{subject.label or '本年数'} {subject.text} 较上年 {b.text} "
                                 f"{'减少' if sr > 0 else '增加'}，文中写{'增长' if sr > 0 else '下降'} {r.text}",
                                 None, r.text, r.start))
            continue
        issues += _rate_from_base(text, subject, b, r, gap_ok=subject is not x)
    for i in range(2, len(qs)):
        r = qs[i]
        if r.unit != "%" or r.role != "change" or r.approx:
            continue
        b, x = qs[i - 1], qs[i - 2]
        if not (b.base or _last_year_clause(text, b, r)) or b.kind not in ("money", "count") or b.approx \
                or b.value <= 0:
            continue
        s_start, _ = _sentence_bounds(text, r.start)
        if not b.base and not x.comparable(b):
            # …公务接待费J万元，接待N批次、M人次；上年为B万元: the figure whose year before B is, the last like it
            x = next((q for q in reversed(qs[:i - 1]) if q.start >= s_start and q.comparable(b)), x)
        if not b.base and re.search(r"[；;]", text[x.end:b.start]):
            # T，其中A，B（B1，B2）；上年为L，较上年下降R%: the ； closes T's list, the clause is T's own
            part, x = x, _list_head(x, groups) or (x if _only_figure(qs, x, s_start) else None)
        else:
            part, x = x, _subject(text, x, groups, b.start, qs)
        if x is None or x.start < s_start or not (_usable(x) and x.comparable(b)):
            continue
        if (re.search(r"[，,；;。]", text[b.end:r.start]) and not _bracketed_base(text, part, b, r)
                and not _last_year_clause(text, b, r)) \
                or (b.base and len(re.findall(r"[，,；;]", text[part.end:b.start])) > 1):
            continue
        sr = _direction(r.pre[-6:])
        if sr != 0 and (x.value_in(b.unit) - b.value) * sr < 0:
            issues.append(_issue(TXT004, Verdict.WRONG, f"{x.label or '本年数'} {x.text} 较 {b.text} "
                                 f"{'减少' if sr > 0 else '增加'}，文中写{'增长' if sr > 0 else '下降'} {r.text}",
                                 None, r.text, r.start))
            continue
        if _another_fits(qs, s_start, x, b, r):
            continue
        issues += _rate_from_base(text, x, b, r, gap_ok=True)
    return issues


def _only_figure(qs: list[Quantity], x: Quantity, s_start: int) -> bool:
    """Whether ``x`` is the only figure of its sentence before it (三公经费支出X万元；上年为B万元，…)."""
    return not any(s_start <= q.start < x.start for q in qs)


def _list_head(x: Quantity, groups: list[Group] | None) -> Quantity | None:
    """The total whose list ``x`` closes, climbing through lists that close lists (T，其中A，B（B1，B2）: B2 closes
    B's list, B closes T's); None when ``x`` closes no list."""
    head, seen = None, 0
    while seen <= WINDOW:
        g = next((g for g in groups or () if g.parts and g.parts[-1] is x and g.total.start < x.start), None)
        if g is None:
            return head
        head = x = g.total
        seen += 1
    return head


def _another_fits(qs: list[Quantity], s_start: int, x: Quantity, b: Quantity, r: Quantity) -> bool:
    """Whether another figure of the sentence, before ``b``, gives the rate ``r`` against ``b`` (三公经费全年支出T，其中…
    公务接待费J，较上年B下降R%: B may be the total's last year's figure): which one the rate is of cannot be told."""
    sr = _direction(r.pre[-6:])
    for q in qs:
        if q is x or q.start < s_start or q.start >= b.start or q.base or not (_usable(q) and q.comparable(b)):
            continue
        now = q.value_in(b.unit)
        if sr != 0 and (now - b.value) * sr >= 0 and _change_verdict(abs(now - b.value), b.value, r, q, b)[0] == "ok":
            return True
    return False


#: the clause after a rate that gives last year's figure alone: …，增长R%，上年为B万元
#: last year's figure in brackets right after a change: 比上年增加D万元（上年为B万元） / （2022年：B万元）
_BRACKETED_LAST_YEAR = re.compile(r"\s*[（(]\s*(?:上年|去年|上一年|上年度|上年同期|(?:19|20)\d\d年度?)(?:决算数|决算|支出|数)?"
                                  r"(?:为|是|：|:)?\s*")
_LAST_AFTER = re.compile(r"\s*[，,]\s*(?:上年|去年|上一年|上年度|上年同期)(?:为|是|：|:)?\s*")


#: after a bracketed base, the words up to the rate of the figure before the bracket: （上年B），同比增长R%
_AFTER_BRACKET = re.compile(r"\s*[）)]\s*[，,]?\s*(?:同比|比上年|较上年|与上年相比[，,]?)?\s*"
                            r"(?:增长|下降|上升|上涨|增加|减少|降低|提高|增幅|降幅|涨幅)(?:了|为|是|达到|达|约)?\s*")


#: a clause that gives last year's figure and nothing else, right before the rate's: …；上年为B万元，较上年下降R%
_LAST_CLAUSE = re.compile(r"(?:^|[，,；;：:])\s*(?:上年|去年|上一年|上年度|上年同期)(?:为|是|：|:)?\s*$")


def _last_year_clause(text: str, b: Quantity, r: Quantity) -> bool:
    """``X…；上年为B万元，较上年下降R%``: B alone in its own clause names last year's figure, and the next clause is the
    rate against last year: the comma between them does not part B from the rate."""
    return bool(_LAST_CLAUSE.search(text, max(0, b.start - 8), b.start)) \
        and bool(re.fullmatch(r"\s*[，,]" + _AFTER_BRACKET.pattern[len(r"\s*[）)]\s*[，,]?"):], text[b.end:r.start]))


def _bracketed_base(text: str, x: Quantity, b: Quantity, r: Quantity) -> bool:
    """``X（上年B），增长R%``: last year's B alone in brackets right after this year's X, and the rate of X straight
    after the bracket — the comma after the bracket does not part X from its rate."""
    return bool(re.fullmatch(r"\s*[（(][^（）()，,；;。]*", text[x.end:b.start])) \
        and bool(_AFTER_BRACKET.fullmatch(text, b.end, r.start))


_PRIOR_TIME = re.compile(r"上年|去年|上一年|(?P<y>(?:19|20)\d\d)年")
_TIME_WORDS = re.compile(r"(19|20)\d\d年(末|底|度)?|上年(末|底|度)?|去年|上一年|同期|本年(度)?|全年|年末|年底|当年")


def check_prior_base_rates(text: str, qs: list[Quantity], groups: list[Group] | None = None) -> list[Issue]:
    """``2022年全县林业总产值3.85亿元。…总产值达到4.12亿元，同比增长7.01%。``: a rate of change right after this year's
    figure, its base last year's figure of the same name in the sentence before: R = (X − B) ÷ B. Judged only when
    that sentence holds exactly one such figure (its name, less the time words, ending the way X's name does)."""
    issues = []
    for i in range(1, len(qs)):
        r, x = qs[i], qs[i - 1]
        if r.unit != "%" or r.role != "change" or r.approx or not _COMPARE.search(r.pre):
            continue
        if not _usable(x) or re.search(r"[；;。]", text[x.end:r.start]) or len(re.findall(r"[，,]", text[x.end:r.start])) > 1:
            continue
        if _subject(text, x, groups, r.start, qs) is not x:
            continue  # the change of a total after its 其中 list: its name is the total's, not this part's
        s_start, _ = _sentence_bounds(text, r.start)
        if x.start < s_start or s_start == 0:
            continue
        p_start, _ = _sentence_bounds(text, s_start - 1)
        name = _TIME_WORDS.sub("", x.label)
        if len(name) < 2:
            continue
        cands = []
        for b in prior(qs, i - 1, p_start):
            if b.start >= s_start or not b.comparable(x) or b.role != "level" or b.approx or b.value <= 0:
                continue
            m = _PRIOR_TIME.search(b.label)
            core = _TIME_WORDS.sub("", b.label)
            if m and len(core) >= 2 and core[-2:] in name:
                cands.append((b, m))
        if len(cands) != 1:
            continue
        b, m = cands[0]
        now_year = re.search(r"((?:19|20)\d\d)年", text[s_start:x.start])
        if m.group("y") and (now_year is None or int(m.group("y")) + 1 != int(now_year.group(1))):
            continue  # a year must be the one before this sentence's own (同比 / 比上年)
        issues += _rate_from_base(text, x, b, r, gap_ok=True, what=f"前句 {b.label} {b.text}")
    return issues


#: words of a last year's figure's name that do not tell what it is: 上年同口径支出 and 本年度支出 name the same
_SAME_BASIS = re.compile(r"同口径|同期|可比口径")
_OPENS_COMPARISON = re.compile(r"^\s*(与|同|和|较|比)")


def _changed_from(x: Quantity, d: Quantity, sd: int, rate: Decimal, kind) -> bool:
    """The change ``d`` (its direction ``sd``) and its rate are ``x``'s: rate = d ÷ (x ∓ d)."""
    previous = x.value - d.value if sd > 0 else x.value + d.value
    return previous > 0 and ratio_verdict(d.value, previous, rate, kind, den_tol=half_unit(x.value, kind)
                                          + half_unit(d.value, kind))[0] == "ok"


def _a_year_before(text: str, x: Quantity, d: Quantity) -> bool:
    """``x`` is named by a year, the paragraph named the year after it before (2024年度收入总计A万元。2023年度收支总计
    均为B万元), and the change after ``x`` is said of this year (本年收支总计各比上年减少D万元): ``x`` is last year's
    figure, the base of the change."""
    year = _year_of(x)
    return year is not None and f"{year + 1}年" in text[:x.start] and bool(re.search(r"本年|今年|当年", text[x.end:d.start]))


def _year_of(q: Quantity) -> int | None:
    """The year ``q``'s own clause names it by (2022年支出 -> 2022), None without one."""
    m = re.search(r"((?:19|20)\d\d)年", re.split(r"[，,；;：:]", q.label)[-1])
    return int(m.group(1)) if m else None


def check_rate_then_difference(text: str, qs: list[Quantity], taken: set[int]) -> list[Issue]:
    """``X万元，同比增长R%，增加D万元``: the rate written before the difference — last year's figure is X − D (X + D
    for a decrease) and R = D ÷ it, as when the difference comes first. ``taken``: rates already judged."""
    issues = []
    for i in range(1, len(qs) - 1):
        x, r, d = qs[i - 1], qs[i], qs[i + 1]
        if r.unit != "%" or r.role != "change" or r.approx or r.start in taken or d.role != "change" \
                or d.kind not in ("money", "count") or d.approx or not _usable(x) or not x.comparable(d):
            continue
        if not (_COMPARE.search(r.pre) or _COMPARE.search(text[max(0, x.end):r.start])):
            continue
        if re.search(r"[；;。]", text[x.end:d.start]) or len(re.findall(r"[，,]", text[x.end:r.start])) > 1 \
                or len(re.findall(r"[，,]", text[r.end:d.start])) != 1 or re.search(r"\d", text[r.end:d.start]):
            continue
        sr, sd = _direction(r.pre[-6:]), _direction(d.pre[-6:])
        if sr == 0 or sd != sr:
            continue
        issues += _rate_of_difference(x, d, r, sd, x.label or "本年数")
    return issues


def _change_verdict(delta: Decimal, base: Decimal, r: Quantity, x: Quantity, other: Quantity) -> tuple[Verdict, Decimal]:
    """The verdict on a rate of change R = delta ÷ base, the base's rounding that of this year's figure ``x`` and of
    the ``other`` figure it was found from (last year's, or the difference)."""
    kind = kind_of(other.kind)
    return ratio_verdict(delta, base, abs(r.value), kind, den_tol=half_unit(x.value, kind) + half_unit(other.value, kind))


def _rate_of_difference(x: Quantity, d: Quantity, r: Quantity, sd: int, name: str) -> list[Issue]:
    """This year's X, its difference D from last year (``sd``: +1 an increase, −1 a decrease) and the rate R:
    last year's figure is X − D (X + D), and R = D ÷ it."""
    previous = x.value_in(d.unit) - d.value * sd
    if previous <= 0:
        return []
    v, exact = _change_verdict(d.value, previous, r, x, d)
    if v == "ok":
        return []
    return [_issue(TXT004, v, f"{name} {x.text} 比上年{'增加' if sd > 0 else '减少'} {d.text}，上年应为 {num_text(previous)}，"
                   f"{'增长' if sd > 0 else '下降'}率应为 {pct_text(exact, abs(r.value))}，文中写 {r.text}",
                   pct_text(exact, abs(r.value)), r.text, r.start)]


#: the words after the figure reached: …，增长R%，达到X / 降至X / 增加到X
_REACHED = re.compile(r"(?:达到|达|增至|增加到|增长到|提高到|上升到|降至|减至|下降到|减少到|降低到|降到|至)$")


def check_reached(text: str, qs: list[Quantity], taken: set[int]) -> list[Issue]:
    """``比上年增加D万元，增长R%，达到X万元``: the figure reached written after its change and rate, none before them
    in the sentence — last year's figure is X − D (X + D for a decrease) and R = D ÷ it."""
    issues = []
    for i in range(len(qs) - 2):
        d, r, x = qs[i], qs[i + 1], qs[i + 2]
        if d.role != "change" or d.kind not in ("money", "count") or d.approx or r.unit != "%" or r.role != "change" \
                or r.approx or r.start in taken or not _usable(x) or not x.comparable(d) or not _REACHED.search(x.pre.strip()):
            continue
        s_start, _ = _sentence_bounds(text, d.start)
        if x.start > _sentence_bounds(text, r.start)[1] or any(_usable(q) and q.comparable(d) for q in qs[:i] if q.start >= s_start):
            continue  # the change is of a figure written before it: check_changes
        if len(re.findall(r"[，,]", text[d.end:r.start])) > 1 or re.search(r"[；;。]", text[d.end:x.start]) \
                or len(re.findall(r"[，,]", text[r.end:x.start])) != 1:
            continue
        sd, sr = _direction(d.pre[-6:]), _direction(r.pre[-6:])
        if sd == 0 or sr not in (0, sd):
            continue
        issues += _rate_of_difference(x, d, r, sd, re.sub(r"(?:比|较|同)(?:上年|去年|上一年).*$", "", d.label) or "本年数")
    return issues


#: the words opening a clause that gives a figure as a percentage of another: 为 / 是 / 相当于 / 达到 (not 达到了…)
_PERCENT_OF = re.compile(r"(?P<verb>为|是|相当于|达到|达|完成了?)(?!到)")  # 完成年度目标13000人的R%: done ÷ target


def check_restated(text: str, qs: list[Quantity]) -> list[Issue]:
    """TXT014 for a sum of money written again in another unit right after it (其他收入12.37万元，即123,700元): the
    two are one figure, so the second is the first converted, to the first's decimals."""
    from .repeats import TXT014
    issues = []
    for k in range(1, len(qs)):
        q, x = qs[k], qs[k - 1]
        if q.role != "restated" or x.unit == q.unit or not x.comparable(q):
            continue
        again = q.value_in(x.unit)
        if round_to(again, places(x.value)) == x.value or round_to(x.value_in(q.unit), places(q.value)) == q.value:
            continue
        issues.append(_issue(TXT014, Verdict.WRONG, f"{x.label or '该数'} {x.text} 换算为{q.unit}应为 "
                             f"{num_text(x.value_in(q.unit))}{q.unit}，文中写 {q.text}", f"{num_text(x.value_in(q.unit))}",
                             q.text, q.start, q.end))
    return issues


def check_percent_of(text: str, qs: list[Quantity], taken: set[int]) -> list[Issue]:
    """``全年完成投资4.5亿元，为年度计划5亿元的90%``: X ÷ B, B the figure written in the rate's own clause right before
    ``的R%``, X the figure of the clause before it."""
    issues = []
    for i in range(2, len(qs)):
        r, b, x = qs[i], qs[i - 1], qs[i - 2]
        if r.unit != "%" or r.approx or r.role == "share" or r.start in taken or text[b.end:r.start].strip() != "的":
            continue
        clause = r.start - len(r.pre)
        opening = text[clause:b.start].strip()
        verb = _PERCENT_OF.match(opening)
        if b.start < clause or verb is None or re.search(r"\d", opening):
            continue
        if not (_usable(x) and x.comparable(b)) or b.approx or b.value <= 0 or b.kind not in ("money", "count"):
            continue
        s_start, _ = _sentence_bounds(text, r.start)
        between_ = text[x.end:clause]
        if x.start < s_start or len(re.findall(r"[，,]", between_)) > 1 or re.search(r"[；;。]", between_):
            continue
        mark = text.rfind("其中", s_start, x.start)
        if mark >= 0 and re.search(r"[、和及与]", text[mark:x.start]):
            # T万元，其中A、B，完成预算Z的R%: the rate after a 其中 list is of its total, the figure before the 其中
            head = [q for q in qs[:i - 2] if s_start <= q.start and q.end <= mark and _usable(q) and q.comparable(b)]
            if not head:
                continue
            x = head[-1]
        v, exact = ratio_verdict(x.value_in(b.unit), b.value, r.value, kind_of(x.kind), kind_of(b.kind))
        if v != "ok":
            issues.append(_issue(TXT005, v, f"{x.label or '该数'} {x.text} ÷ {opening[verb.end():] or '所比之数'} {b.text} = "
                                 f"{pct_text(exact, r.value)}，文中写 {r.text}", pct_text(exact, r.value), r.text, r.start))
    return issues


def _name_of(q: Quantity) -> str:
    return _core(_SAME_BASIS.sub("", _TIME_WORDS.sub("", re.split(r"[，,；;：:]", q.label)[-1])))


def check_last_year_rates(text: str, qs: list[Quantity], taken: set[int]) -> list[Issue]:
    """``本年度支出X万元，上年同口径支出B万元，同比增长R%`` and ``…支出决算数为X万元。与上年决算数B万元相比，总支出增长
    R%``: a rate right after a figure its clause names last year's, no difference written: R = (X − B) ÷ B, X this
    year's figure under the same name — earlier in the sentence, or, when B opens a comparison (与上年B相比), in the
    paragraph before it. Judged only when exactly one such figure is there. ``taken``: rates already judged."""
    issues = []
    sents = sentences(text)
    for i in range(1, len(qs)):
        r, b = qs[i], qs[i - 1]
        if r.role != "change" or r.approx or r.start in taken:
            continue
        amount = None  # X，上年B，增加D，增长R: the amount D between B and R, judged too
        if r.unit != "%":
            if not r.comparable(b) or r.kind not in ("money", "count"):
                continue
            amount, r = r, None
        elif b.role == "change" and b.unit != "%" and i >= 2 and not b.approx:
            amount, b = b, qs[i - 2]
            if not amount.comparable(b) or re.search(r"[；;。]", text[b.end:amount.start]):
                continue
        end = (r or amount).start
        year = _year_of(b)  # 2023年支出X，2022年支出B，增长R%: a figure of the year before the other's is a base too
        if b.kind not in ("money", "count") or b.approx or b.value <= 0 or not (_of_last_year(b) or year):
            continue
        gap = text[b.end:end]
        if re.search(r"[；;。]", gap) or len(re.findall(r"[，,]", gap)) > (2 if r is not None and amount else 1):
            continue
        name = _name_of(b)
        bare = None  # X，上年B: last year's figure named by nothing but 上年, of the figure right before it
        if len(name) < 2 and _of_last_year(b) and _LAST_YEAR.fullmatch(b.label.strip()) and i >= 2:
            k = qs.index(b) - 1
            x0 = qs[k] if k >= 0 else None
            if x0 is not None and x0.comparable(b) and _usable(x0) and not _of_last_year(x0) \
                    and re.fullmatch(r"\s*[，,]?\s*(?:上年|去年|上一年|上年度|上年同期)(?:为|是)?\s*", text[x0.end:b.start]):
                bare = x0
        if bare is None and (len(name) < 2 or amount is not None):
            continue  # an amount is read only after a bare 上年B following this year's X: X，上年B，增加D(，增长R)
        s_start, _ = sents.bounds(end)
        s_start = max(s_start, b.start - REACH)  # bounded: linear in any text
        clause = text[max(s_start, text.rfind("，", s_start, b.start) + 1, text.rfind(",", s_start, b.start) + 1):b.start]
        lo = s_start
        if _OPENS_COMPARISON.match(clause) and "相比" in gap:
            lo = max(0, s_start - REACH)  # 与上年B相比: this year's figure was given before this sentence
        same = [bare] if bare is not None else [
            q for q in prior(qs, i - 1, lo) if q.comparable(b) and _usable(q) and not _of_last_year(q)
            and (_name_of(q) == name or (lo < s_start and _name_of(q).endswith(name)))
            and (_of_last_year(b) or _year_of(q) == year + 1)]
        if len({q.value for q in same}) != 1:
            continue
        x = same[-1]
        sr = _direction((r or amount).pre[-6:])
        now = x.value_in(b.unit)
        if sr == 0 or (now - b.value) * sr < 0:
            continue
        kind = kind_of(b.kind)
        if amount is not None and r is None:  # (the amount before a rate is judged once, when read alone)
            av, _s = sum_verdict([b.value, amount.value_in(b.unit) * sr], now, kind)
            if av != "ok":
                exact_d = abs(now - b.value)
                issues.append(_issue(TXT004, av, f"{x.label or '本年数'} {x.text} 较 上年 {b.text} 的增减额：{num_text(now)} − "
                                     f"{num_text(b.value)} = {like(exact_d, [now, b.value])}，文中写 {amount.text}",
                                     like(exact_d, [now, b.value]), amount.text, amount.start))
            continue
        v, exact = ratio_verdict(abs(now - b.value), b.value, abs(r.value), kind,
                                 den_tol=half_unit(x.value, kind) + half_unit(b.value, kind))
        if v != "ok":
            issues.append(_issue(TXT004, v, f"{x.label or '本年数'} {x.text} 较 {b.label} {b.text} 的变动率：({num_text(now)} − "
                                 f"{num_text(b.value)}) ÷ {num_text(b.value)} = {pct_text(exact, abs(r.value))}，文中写 "
                                 f"{r.text}", pct_text(exact, abs(r.value)), r.text, r.start))
    return issues


#: 人员经费较上年增加D万元: a change said of a figure the sentence names but does not write
_NAMED_CHANGE = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,12}?)(?:支出|决算数)?(?:较|比|同)(?:上年|去年|上一年)(?:同期)?"
                           r"(?:相比)?[，,]?(?:增加|减少|增长|下降|减|增)$")


#: … and the name right before its verb (收入合计比上年增加D万元 / 基本支出增加D万元)
_PLAIN_CHANGE = re.compile(r"^(?P<name>[\u4e00-\u9fff“”]{2,14}?)(?:比上年|较上年|同比|比去年|较去年)?(?P<dir>增加|增长|减少|下降)了?$")


_NAMED_BASE = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,12}?)(?:较|比)(?:上年|去年|上一年)(?:同期)?的?$")


def _earlier_named(text: str, qs: list[Quantity], i: int, s_start: int, name: str, like_q: Quantity,
                   others: "Wholes | None") -> Quantity | None:
    """The one figure given before the sentence at ``s_start`` under exactly ``name`` (in the paragraph, else once in
    the document); None when none, or figures of different values, are."""
    near = [q for q in prior(qs, i, max(0, s_start - 2 * REACH), limit=4 * WINDOW, at=s_start)
            if q.start < s_start and _usable(q) and q.comparable(like_q) and not _of_last_year(q)
            and _TIME_WORDS.sub("", re.split(r"[，,；;：:（(]", q.label)[-1]) == name]
    if not near and isinstance(others, Wholes):
        near = [q for q in others.by_core.get(_core(name), []) if q.comparable(like_q)
                and _TIME_WORDS.sub("", q.label) == name]
        paired = others.year_rows.get((_core(name), like_q.value_in("万元")), set())  # the tables' in 万元
        if paired and not {q.value_in("万元") for q in near} <= paired:
            return None  # a table pairs that last-year figure with another of this year: which one is meant is unclear
    if not near or len({q.value_in(like_q.unit) for q in near}) != 1:
        return None
    return near[-1]


def check_named_base_rates(text: str, qs: list[Quantity], others: "Wholes | None", taken: set[int]) -> list[Issue]:
    """``…项目支出3853.42万元…。项目支出比上年的B万元增长R%``: the sentence opens with the name of a figure given
    before it and writes last year's B and the rate: R = (X − B) ÷ B."""
    issues = []
    sents = sentences(text)
    for i, b in enumerate(qs[:-1]):
        r = qs[i + 1]
        if b.kind != "money" or b.approx or b.value <= 0 or r.unit != "%" or r.role != "change" or r.approx \
                or r.start in taken or re.search(r"[，,；;。]", text[b.end:r.start]):
            continue
        s_start, _ = sents.bounds(b.start)
        if b.start - s_start > 24 or any(True for _p in prior(qs, i, s_start)):
            continue
        m = _NAMED_BASE.fullmatch(text, s_start, b.start)
        x = _earlier_named(text, qs, i, s_start, m.group("name"), b, others) if m else None
        if x is not None:
            issues += _judge_rate(x, b, r, f"{m.group('name')} {x.text} 较上年 {b.text}")
    return issues


#: a sentence that opens with its comparison and names no subject: 较上年B… / 与上年的B相比… / 比2023年度B…
_OPENING_BASE = re.compile(r"\s*(?:与|同|和|较|比)(?:上年|去年|上一年|(?:19|20)\d\d年)度?(?:同期)?的?(?:决算数?|实际数|执行数)?\s*")
_BASE_TO_CHANGE = re.compile(r"\s*(?:相比|相较|比较)?[，,]?\s*[\u4e00-\u9fff]{0,6}")


def _topic_before(text: str, qs: list[Quantity], i: int, s_start: int, b: Quantity) -> Quantity | None:
    """The figure a sentence without a subject speaks of: the one this-year figure comparable with ``b`` in the
    sentence before it in the paragraph (a budget, a share, a change, last year's figure are no topic); None when
    there is no sentence before, or it gives none or several values."""
    if s_start == 0:
        return None
    p_start, _ = sentences(text).bounds(s_start - 1)
    cands = [q for q in prior(qs, i, p_start, at=s_start) if q.start < s_start and _usable(q) and q.comparable(b)
             and q.role == "level" and not q.base and not q.total and not _of_last_year(q)
             and _stage(q.label) not in ("initial", "full", "budget")]
    if len({q.value_in(b.unit) for q in cands}) != 1:
        return None  # 基本支出A，项目支出B。较上年C下降R%: whose change it is cannot be told
    return cands[-1]


def _another_topic(text: str, qs: list[Quantity], i: int, s_start: int, b: Quantity, r: Quantity,
                   x: Quantity) -> bool:
    """A sentence without a subject whose rate is wrong for the figure of the sentence before but right for another
    this-year figure earlier in the paragraph (a total before a run of one-item sentences): whose change it is
    cannot be told, so nothing is said."""
    for q in prior(qs, i, max(0, s_start - REACH), at=s_start):
        if q is x or q.start >= s_start or not (_usable(q) and q.comparable(b)) or q.role != "level" or q.base \
                or _of_last_year(q):
            continue
        if not _judge_rate(q, b, r, "") and _direction(r.pre[-6:]) * (q.value_in(b.unit) - b.value) > 0:
            return True
    return False


def check_carried_changes(text: str, qs: list[Quantity], taken: set[int]) -> tuple[list[Issue], set[int]]:
    """``基本支出836.20万元。较上年的792.45万元增长R%``: a sentence opening with its comparison (较/比/与上年 B) and no
    subject of its own is about the figure of the sentence before (in the same paragraph): R = (X − B) ÷ B; with a
    difference written (较上年B减少D万元，下降R%), D = |X − B| first. Also returns the offsets of the differences and
    rates so judged: the base written decides them (no other reading of last year's figure, X − D, is kept)."""
    issues, judged = [], set()
    sents = sentences(text)
    for i, b in enumerate(qs[:-1]):
        if not b.base or b.approx or b.value <= 0:
            continue
        s_start, s_end = sents.bounds(b.start)
        if not _OPENING_BASE.fullmatch(text, s_start, b.start):
            continue
        after = [q for q in qs[i + 1:i + 3] if q.start < s_end]
        if not after:
            continue
        x = _topic_before(text, qs, i, s_start, b)
        if x is None:
            continue
        d = after[0] if after[0].role == "change" and after[0].unit != "%" and after[0].comparable(b) else None
        r = after[1] if d is not None and len(after) > 1 else (after[0] if d is None else None)
        if d is not None:
            if not _BASE_TO_CHANGE.fullmatch(text[b.end:d.start]):
                continue  # 较上年B，其中…减少D: not one comparison
            issues += _check_from_base(text, qs, i + 1, x, b)
            judged |= {d.start} | ({r.start} if r is not None else set())
            continue
        if r is None or r.unit != "%" or r.role != "change" or r.approx or r.start in taken:
            continue
        if re.search(r"[，,；;]", text[b.end:r.start]):
            continue  # a clause between the base and the rate: not one comparison
        found = _judge_rate(x, b, r, f"{x.label or '本年数'} {x.text} 较 {b.text}")
        if found and _another_topic(text, qs, i, s_start, b, r, x):
            continue  # 三公经费9.02万元。…公务接待费2.18万元。比上年9.76万元下降7.58%: the rate is the total's
        issues += found
        judged.add(r.start)
    return issues, judged


#: a sentence that only says how this year compares (本年较上年增长R% / 今年同比下降R%): no figure of its own before R
_THIS_YEAR_CHANGE = re.compile(r"\s*(?:本年度?|今年|当年)(?:较|比|同)(?:上年|去年|上一年)(?:同期)?(?:相比)?[，,]?"
                               r"(?:增长|下降|增加|减少|上升|降低)了?(?:率|幅度?)?(?:为|是|达到?)?\s*")


def check_this_year_changes(text: str, qs: list[Quantity], others: "Wholes | None", taken: set[int]) -> list[Issue]:
    """``上年支出为B万元。本年较上年增长R%``: the sentence before (same paragraph) gives one figure named as last
    year's; this year's is the one figure under the same name without 上年 (earlier in the paragraph, else once in the
    document): R = (X − B) ÷ B."""
    issues = []
    sents = sentences(text)
    for i, r in enumerate(qs):
        if r.role != "change" or r.approx or r.start in taken or (r.unit != "%" and r.kind not in ("money", "count")):
            continue
        s_start, _ = sents.bounds(r.start)
        # the comparison opens its sentence (the figure of last year in the sentence before), or a clause after the
        # one figure of last year in its own sentence (上年支出B万元，本年较上年增加D万元)
        c_start = max(text.rfind(c, s_start, r.start) for c in "，,") + 1
        if _THIS_YEAR_CHANGE.fullmatch(text, s_start, r.start) and s_start:
            p_start, p_end = sents.bounds(s_start - 1)[0], s_start
        elif c_start > s_start and _THIS_YEAR_CHANGE.fullmatch(text, c_start, r.start):
            p_start, p_end = s_start, c_start
        else:
            continue
        last = [q for q in prior(qs, i, p_start) if q.start < p_end and _usable(q) and q.kind in ("money", "count")
                and q.role == "level"]
        if len(last) != 1 or not _of_last_year(last[0]):
            continue  # 上年A为B，C为D。本年较上年增长R%: 上年 names every figure of the list; whose rate is not told
        b = last[0]
        name = _core(_LAST_YEAR.sub("", re.split(r"[，,；;：:]", b.label)[-1]) + ("总计" if _GRAND.search(b.pre) else ""))
        if len(name) < 2:
            continue
        same = [q for q in qs[:i] if q.start < p_start and _usable(q) and q.comparable(b) and not _of_last_year(q)
                and not q.base and _core(re.split(r"[，,；;：:]", q.label)[-1] + ("总计" if _GRAND.search(q.pre) else ""))
                == name]
        if not same and isinstance(others, Wholes):
            same = [q for q in others.by_core.get(name, [])[:WINDOW + 2] if q.comparable(b) and not _of_last_year(q)
                    and not q.base and q.role == "level"]
        if not same or len({q.value_in(b.unit) for q in same}) != 1 or b.value <= 0:
            continue
        subject = f"{same[-1].label or '本年数'} {same[-1].text} 较 {b.label} {b.text}"
        if r.unit == "%":
            issues += _judge_rate(same[-1], b, r, subject)
            continue
        if not r.comparable(b):
            continue
        # an amount of change: D = X − B (DOMAIN §2, 增减), its direction the words'
        sign = _direction(r.pre[-6:])
        now = same[-1].value_in(b.unit)
        if sign == 0 or (now - b.value) * sign < 0:
            continue
        v, diff = sum_verdict([b.value, r.value_in(b.unit) * sign], now, kind_of(b.kind))
        if v == "ok":
            continue
        exact = abs(now - b.value)
        issues.append(_issue(TXT004, v, f"{subject} 的增减额：{num_text(now)} − {num_text(b.value)} = "
                             f"{like(exact, [now, b.value])}，文中写 {r.text}", like(exact, [now, b.value]), r.text,
                             r.start))
    return issues


def _judge_rate(x: Quantity, b: Quantity, r: Quantity, subject: str) -> list[Issue]:
    """R = (X − B) ÷ B for this year's X, last year's B and the rate R; ``subject`` opens the message."""
    sr = _direction(r.pre[-6:])
    now = x.value_in(b.unit)
    if sr == 0 or (now - b.value) * sr < 0:
        return []
    v, exact = _change_verdict(abs(now - b.value), b.value, r, x, b)
    if v == "ok":
        return []
    return [_issue(TXT004, v, f"{subject} 的变动率：({num_text(now)} − {num_text(b.value)}) ÷ "
                   f"{num_text(b.value)} = {pct_text(exact, abs(r.value))}，文中写 {r.text}",
                   pct_text(exact, abs(r.value)), r.text, r.start)]


def check_named_changes(text: str, qs: list[Quantity], others: "Wholes | None", taken: set[int]) -> list[Issue]:
    """``…人员经费1043.27万元…。人员经费较上年增加D万元，同比增长R%``: the sentence opens with the name of a figure
    given before it (in the paragraph, else once in the document) and writes only the change: R = D ÷ (X − D).
    Judged only when one value is given under exactly that name. ``taken``: rates already judged."""
    issues = []
    sents = sentences(text)
    for i, d in enumerate(qs[:-1]):
        r = qs[i + 1]
        if d.role != "change" or d.kind != "money" or d.approx or r.unit != "%" or r.approx or r.start in taken \
                or (r.role != "change" and not _CHANGE_RATE.search(r.pre[-8:])):
            continue
        s_start, _ = sents.bounds(d.start)
        if d.start - s_start > 24 or any(True for _p in prior(qs, i, s_start)):
            continue
        m = _PLAIN_CHANGE.fullmatch(text, s_start, d.start) or _NAMED_CHANGE.fullmatch(text, s_start, d.start)
        gap = text[d.end:r.start]
        if m is None or len(re.findall(r"[，,；;]", gap)) > 1 or "。" in gap:
            continue
        name = m.group("name")
        x = _earlier_named(text, qs, i, s_start, name, d, others)
        if x is None:
            continue
        sd, sr = _direction(d.pre[-6:]), _direction(r.pre[-6:])
        if sd == 0 or (sr != 0 and sr != sd):
            continue
        issues += _rate_of_difference(x, d, r, sd, name)
    return issues


#: the start of a change of rate: 由 / 从, with the time it starts from (由上年的25.91%, 从2022年的…)
_FROM = re.compile(r"[由从](?:上年|去年|上一年|(?:19|20)\d\d年)?度?(?:末|底)?的?$")


def _of_last_year_share(q: Quantity) -> bool:
    """A share whose own clause names last year's whole (占上年支出的47.42%)."""
    clause = re.split(r"[，,；;：:]", q.pre)[-1]
    return bool(_LAST_YEAR.search(clause)) and not re.search(r"本年|今年|当年|全年", clause)


def _said_last_year(q: Quantity) -> bool:
    """A figure whose own clause is only a time naming last year (上年为B%, 去年同期B%, 上年的B%): last year's
    figure of the quantity named before it."""
    clause = re.split(r"[，,；;：:]", q.pre)[-1]
    return bool(re.fullmatch(r"(?:而|但)?(?:上年|上一年|去年|上年度|上年同期|去年同期)(?:为|是|的|仅为|只有)?", clause))


def check_points(text: str, qs: list[Quantity]) -> list[Issue]:
    """``A%，比上年的B%下降C个百分点`` / ``由上年的B%下降至A%，下降C个百分点``: C = |A − B| (percentage points, not
    percent). Judged only when the sentence gives the base (a rate after 比/较/由 上年) and one other rate."""
    issues = []
    for i, d in enumerate(qs):
        if d.unit != POINTS or d.approx:
            continue
        s_start, s_end = _sentence_bounds(text, d.start)
        # the rates of d's part of the sentence (between ；), before it or after it (…提高2.3个百分点，达到93.5%)
        floor, ceil = max(s_start, d.start - REACH), min(s_end, d.end + REACH)  # bounded: linear in any text
        lo = max(floor, text.rfind("；", floor, d.start) + 1, text.rfind(";", floor, d.start) + 1)
        cut = [k for k in (text.find("；", d.end, ceil), text.find(";", d.end, ceil)) if k >= 0]
        hi = min(cut) if cut else ceil
        rates = [q for q in prior(qs, i, lo, limit=6) + qs[i + 1:i + 4] if q.unit == "%" and not q.approx
                 and lo <= q.start < hi]
        bases = [q for q in rates if q.base]
        others = [q for q in rates if not q.base]
        if len(bases) != 1 or len(others) != 1:
            # 占比由47.42%提高到52.46%，提高5.04个百分点: the rate after 由/从 is the base, the one after 到/至 the new one
            if len(rates) == 2 and _FROM.search(rates[0].pre) and re.search(r"(到|至|为)$", rates[1].pre) \
                    and rates[0].end < rates[1].start < d.start:
                bases, others = rates[:1], rates[1:]
            elif len(rates) == 2 and rates[1].end < d.start and rates[0].role == rates[1].role == "share" \
                    and [_of_last_year_share(q) for q in rates].count(True) == 1:
                # 占全年支出的比重为52.46%，…占上年支出的47.42%，比重提高5.04个百分点: the share named last year's
                bases, others = sorted(rates, key=lambda q: not _of_last_year_share(q))[:1], \
                    [q for q in rates if not _of_last_year_share(q)]
            elif len(rates) == 2 and rates[1].end < d.start and re.search(r"^(比|较)(上年|去年|上一年)", d.label) \
                    and [_said_last_year(q) for q in rates].count(True) == 1:
                # 执行率97.35%，上年为94.20%，比上年提高C个百分点: the rate whose own clause is last year's is the base
                bases, others = [q for q in rates if _said_last_year(q)], [q for q in rates if not _said_last_year(q)]
            else:
                continue
        b, a = bases[0], others[0]
        name = _FROM.sub("", b.label) if not b.base and not _of_last_year_share(b) else a.label
        sd = _direction(d.pre[-6:])
        if sd == 0 or (a.value - b.value) * sd < 0:
            continue
        gap = abs(a.value - b.value)
        v, s = sum_verdict([b.value, d.value * sd], a.value, Kind.PERCENT)
        if v == "ok":
            continue
        issues.append(_issue(TXT004, v, f"{name or '本年'} {a.text} 与 {b.text} 相差 {like(gap, [a.value, b.value])}"
                             f"个百分点，文中写 {d.text}", like(gap, [a.value, b.value]), num_text(d.value),
                             d.start, d.end))
    return issues


#: the words of a case closed (a rate of cases closed is named by any of them)
_CLOSED_CASE = ("结案", "办结", "审结", "完结")
_NUMERATOR = {"完成": ("完成", "实际", "累计"), "执行": ("执行", "实际", "支出", "决算", "拨付", "支付"),
              "控制": ("实有", "在职", "实际", "在编"), "到位": ("到位", "实际"), "支出": ("支出", "执行"),
              # a case closed is 结案, 办结, 审结 or 完结 whichever the rate is named by (受理2846件，办结2791件，结案率R)
              **{w: _CLOSED_CASE for w in _CLOSED_CASE}}
_DENOMINATOR = {"控制": ("编制", "核定", "预算"), "执行": ("预算",)}


#: a count of what was done (实际检查86家, 已整改176户) and of what was to be done (应检查86家, 计划抽检3,600批次)
_ACTUAL = re.compile(r"^(实际|已经?|累计|完成|共完成|全部|按时)")
_PLANNED = re.compile(r"^(应|计划|目标|预计|年度计划|全[市县区省乡镇]?|总|共|辖区|在册|在用|登记|受理|全年受理)")


#: a count of what is still being done or waits (正在整改, 待整改, 仍在办理): no whole of what was done
_PENDING = re.compile(r"^(?:正在|待|仍|尚|在|还)")


#: the name of a target count: 年度目标 / 计划 / 目标任务 / 年度计划任务数 / …检查目标
_TARGETED = re.compile(r"(?:目标|计划|任务)(?:任务|数|值)?$|^(?:年度|全年|本年度?)?(?:目标|计划)")


#: a time the count is taken at, written before what was done (截至年末已整改5个, 年内累计完成12项, 截至报告日已整改…)
_LEAD_TIME = re.compile(r"^(?:(?:截至|截止|到)[\u4e00-\u9fff\d]{1,10}?(?=已|累计|实际|共|全部)|(?:截至|截止|至|到)?(?:(?:19|20)\d\d年)?"
                        r"(?:\d{1,2}月)?(?:年末|年底|末|底|度|本年度?|全年|年内|当年)?前?[，,]?)")


#: rates measured by a survey or of a change, never a ratio of the counts written beside them
_SURVEYED = re.compile(r"满意|知晓|好评|认可|认同|获得感|幸福|增长|下降|增|降")


#: rates of how much of a population was reached, whatever the act
_COVERAGE = re.compile(r"覆盖|普及")


def _in_order(chars: str, label: str) -> bool:
    """Every character of ``chars`` in ``label``, in that order (定检 in 定期检验)."""
    k = 0
    for c in label:
        if k < len(chars) and c == chars[k]:
            k += 1
    return k == len(chars)


def _bigrams(text: str) -> set[str]:
    """The pairs of adjacent characters of ``text``."""
    return {text[k:k + 2] for k in range(len(text) - 1)}


#: a target named after its figure (低于280人的年度目标, 完成120户的全年计划)
_TARGET_AFTER = re.compile(r"的?(?:年度|全年|本年度?)?(?:目标|计划)(?:任务|数|值)?(?=[，,。；;）)]|$)")


#: the outcomes a rate of counts may be of (成活率, 合格率, 达标率 …): its numerator is the count of those that came out
#: so, named by the outcome (合格1241批次), never the count of all that were done
_OUTCOMES = frozenset(("成活", "存活", "保存", "合格", "达标", "优良", "准确", "正确", "完好", "通过", "成功", "良好"))


def _count_rate_terms(qs: list[Quantity], i: int, before: list[Quantity], stem: str, s_end: int, text: str = ""
                      ) -> tuple[list[Quantity], list[Quantity]]:
    """The numerators and candidate wholes of a rate of counts whose name does not repeat the numerator's words
    (检查覆盖率 after 实际检查86家, 定检率 after 定期检验4,180台): the numerator is a count of what was actually done
    (实际… / 已… / 累计…), or, with none such, a count whose label holds the act the rate abbreviates (定检 ⊂ 定期检验)
    and is no planned figure; the wholes are the other counts of the sentence, a planned figure (应… / 计划…) written
    after the rate included."""
    if _SURVEYED.search(stem):
        return [], []  # 满意率, 知晓率: a share of answers, not of the counts beside it
    # 造林成活率 after 营造林3.26万亩: an outcome's rate is the share of what was done that came out so: its numerator
    # names the outcome (or is what 已有 so many of a whole are), never the count of all that was done
    outcome = stem[-2:] in _OUTCOMES
    # its terms are written after the rate before it (…，覆盖率100%；查处12家，…)
    k = i - 1
    while k >= 0 and qs[k].unit != "%" and i - k <= WINDOW:
        k -= 1
    counts = [q for q in before if q.kind == "count" and q.start > (qs[k].start if k >= 0 else -1)]
    acts = {id(q): _LEAD_TIME.sub("", q.label) for q in counts}  # 截至年末已整改5个 is a count of what was done
    # the act done must be the rate's own (实际检查86家 before 检查覆盖率): two characters in a row in common, not one
    # stray character (完成农村公路养护872公里 is no term of 优良中等路率)
    nums = [q for q in counts
            if _ACTUAL.match(acts[id(q)]) and _bigrams(_ACTUAL.sub("", acts[id(q)])) & _bigrams(stem)
            and (not outcome or stem[-2:] in q.label)]
    if not nums:
        verb = stem[-2:]
        nums = [q for q in counts if len(verb) == 2 and _in_order(verb, q.label) and not _PLANNED.match(q.label)]
    if not nums:
        # 全市86所中小学中已有81所…，达标率P%: among a whole already so many, whatever the act is called
        nums = [q for q in counts if _AMONG.search(q.pre) and _ACTUAL.match(acts[id(q)])]
        nums = nums if len(nums) == 1 else []
    if not nums and verb == "完成":
        # 完成率 = 实际 ÷ 目标 (DOMAIN §2): beside one target (年度目标20个 / 计划40期 / 目标任务3,600个), the one other
        # count of its unit is what was done (全年新建站点18个, 改造危房126户)
        targets = [q for q in counts if _TARGETED.search(acts[id(q)]) or _TARGET_AFTER.match(text, q.end)]
        # what was done this year: not a target, a total or a plan, nor last year's figure (（上年为270人）)
        done = [q for q in counts if q not in targets and not q.total and not _PLANNED.match(acts[id(q)])
                and not _of_last_year(q)
                and (len(targets) != 1 or q.unit == targets[0].unit)]  # 举办6期，培训384人次: like with like
        if not done and len(targets) == 1:
            # 登记管理患者265人，低于280人的年度目标: beside the one target, the one other count of its unit
            done = [q for q in counts if q not in targets and not q.total and not q.base and not _of_last_year(q)
                    and q.unit == targets[0].unit]
        if len(targets) == 1 and len(done) == 1 and done[0].unit == targets[0].unit \
                and len([q for q in counts if q.unit == done[0].unit and not _of_last_year(q)]) == 2:
            return done, targets
    if not nums and _COVERAGE.search(stem):
        # 覆盖率 / 普及率 of a population (辖区内企业共600家) by what reached it (检查企业120家): the one other count
        population = [q for q in counts if _PLANNED.match(acts[id(q)]) or q.total]  # 全年走访 is a time, no 全县
        rest = [q for q in counts if q not in population]
        nums = rest if len(population) == 1 and len(rest) == 1 else []
    later = [q for q in qs[i + 1:i + 1 + 4] if q.start < s_end and _usable(q) and q.kind == "count"
             and _PLANNED.match(q.label)]
    return nums, counts + later


#: measure words of one thing: persons counted as 人 or as 名 (核定编制27名，实有在职人员26人)
_PERSONS = frozenset(("人", "名"))


def _same_measure(a: str, b: str) -> bool:
    return a == b or (a in _PERSONS and b in _PERSONS)


def _target(q: Quantity) -> bool:
    """A target figure (目标为X, ≥X, 不低于X) of money or counts, not approximate."""
    return q.role == "target" and not q.approx and not q.base and q.kind in ("money", "count")


#: a rate's sentence opening with the name of what it is of, and no figure: “三公”经费预算完成率为P%
_RATE_OPENING = re.compile(r"\s*[“\"]?(?P<s>[\u4e00-\u9fff]{2,6}?)[”\"]?(?:经费|资金|项目|支出)")


def _subject_sentence_before(text: str, qs: list[Quantity], i: int, s_start: int) -> list[Quantity]:
    """The figures of the sentence before a rate whose own sentence holds none and opens with what the rate is of,
    when that sentence opens with the same name (2024年“三公”经费预算A万元，实际支出B万元，其中…。“三公”经费预算完成率
    为P%): up to its first 其中, what the list after it details is no term of the rate."""
    m = _RATE_OPENING.match(text, s_start, qs[i].start)
    if m is None:
        return []
    p_start = _sentence_bounds(text, s_start - 1)[0]
    head = text[p_start:s_start]
    if m.group("s") not in head[:40]:
        return []
    cut = _GROUP.search(head)
    end = p_start + (cut.start() if cut else len(head))
    return [q for q in qs[:i] if p_start <= q.start < end and _usable(q)]


#: a rate named as of the money told of before (该项目资金执行率, 这笔资金到位率, 上述资金支付率)
_REFERRED_RATE = re.compile(r"(?:^|[，,；;。：:\s])(?:该|这笔|该笔|该项|此项|上述)(?:项目|资金|经费|款项|项目资金|笔资金|项资金)?"
                            r"[\u4e00-\u9fff]{0,6}?(?:率|比例)(?:达到|达|为|是|约|：|:)?\s*$")


#: the places a rate may be narrowed to (城区覆盖率 is not the county's): its counts must name the place too
_NARROW_PLACE = re.compile(r"城区|市区|县城|城镇|农村|乡镇|乡村|社区|街道|园区|景区|辖区")


def check_rates(text: str, qs: list[Quantity], groups: list[Group] | None = None) -> list[Issue]:
    """``共收集问题825个，解决问题782个，问题解决率达94.8%``: 782 / 825. When a total and its 其中 parts are all
    candidate denominators, the total is the one (``设置目标9个，其中…3个、…；完成8个，完成率88.9%``)."""
    issues = []
    part_of = {id(p): g.total for g in groups or [] for p in g.parts}
    for i, r in enumerate(qs):
        if r.role != "rate" or r.approx or completion_rate(r) is not None:
            continue  # 完成年初预算的P%: check_completion
        stem, whole_words = rate_parts(r)
        verb = stem[-2:]
        if not verb:
            continue
        s_start, s_end = _sentence_bounds(text, r.start)
        # a target (年度目标为1.8万亩, ≥1.8万亩) is no level of this year, but it is what a 完成率 is of
        before = [q for q in prior(qs, i, s_start) if _usable(q) or _target(q)]
        last_rate = [q for q in prior(qs, i, s_start) if q.unit == "%" and q.role == "rate"][-1:]
        if last_rate and any(q.kind == "count" for q in before if q.start > last_rate[0].end):
            # …，完成率105.08%；…目标2,400对，实际完成2,268对，完成率P%: a rate's terms follow the rate before it
            before = [q for q in before if q.start > last_rate[0].end]
        if not any(q for q in before if not last_rate or q.start > last_rate[0].end):
            # 抽检合格率99.5%（抽检1250批次，合格1241批次） / 办结率98.13%，共受理214件，办结209件: the rate first,
            # its terms after it in its sentence, up to the next figure that is no count
            before = []
            for q in qs[i + 1:i + 1 + WINDOW]:
                if q.start >= s_end or q.unit == "%" or not _usable(q) or q.kind not in ("count", "money"):
                    break
                before.append(q)
            if not before and s_start > 0:
                before = _subject_sentence_before(text, qs, i, s_start)
        close = text.find("）", r.end, r.end + 40) if text[r.end:r.end + 1] == "（" else -1
        inside = [q for q in qs[i + 1:i + 1 + WINDOW] if q.end <= close and _usable(q) and q.kind == "count"] \
            if close > 0 else []
        if len(inside) >= 2 and len({q.unit for q in inside}) == 1:
            # 覆盖率达到95.29%（已覆盖1786个，共1862个）: the counts in brackets right after a rate are its terms
            before = inside
        if s_start > 0 and _REFERRED_RATE.search(text[max(s_start, r.start - len(r.pre) - 8):r.start]):
            # 全年预算安排2150.00万元，年内实际到位1980.00万元。该项目资金到位率为P%: a rate of 该项目 / 这笔资金 is of
            # the money the paragraph has told of, in its sentences before: their sums are its terms too
            own = {id(q) for q in before}
            before = [q for q in qs[:i] if q.start < s_start and q.kind == "money" and _usable(q) and id(q) not in own
                      and not _of_last_year(q)] + before
        num_words = _NUMERATOR.get(verb, (verb,))
        nums = [q for q in before if any(w in q.label for w in num_words) and not _NEGATION.match(q.label)
                and not _target(q)]
        to_do: list[Quantity] = []  # 应接种1,200人，实际接种1,152人: both name the act, one is what was to be done
        done = [q for q in nums if _ACTUAL.match(_LEAD_TIME.sub("", q.label))]
        if done:  # 已整改到位24个，正在整改4个: what is still under way is no numerator of the rate of what was done
            nums = [q for q in nums if not _PENDING.match(_LEAD_TIME.sub("", q.label))]
        if len(nums) > 1 and len(done) == 1 and not whole_words and verb not in _DENOMINATOR:
            to_do = [q for q in nums if _PLANNED.match(_LEAD_TIME.sub("", q.label)) or _TARGETED.search(q.label)]
            if not to_do:
                # 下达整改指令书138份，已完成整改131份: what the act was asked of, stated before what was done (not
                # what is still under way: 正在整改2个)
                to_do = [q for q in nums if q is not done[0] and q.start < done[0].start
                         and not _PENDING.match(_LEAD_TIME.sub("", q.label))]
            nums = done if to_do else nums
        counted = not nums and not whole_words and verb not in _DENOMINATOR
        if counted:  # a rate of counts named by its act, not by the numerator's words: _count_rate_terms
            nums, before = _count_rate_terms(qs, i, before, stem, s_end, text)
        pairs = []
        # 检出不合格样品37批次，抽检合格率98.47%: a count of the act's negation (不合格, 未整改) is what the rate leaves
        # out, so the rate is (whole − count) ÷ whole
        act_negated = _NEGATIONS + "(?:" + "|".join(map(re.escape, num_words)) + ")"  # 不合格, 未整改 in a label
        # (a rate named by the negation itself, 不合格率 / 未整改率, is the plain ratio of the negated count)
        negated = set() if re.search(act_negated, stem) else {id(q) for q in nums if re.search(act_negated, q.label)}
        for n in nums:
            dens = [q for q in before if q is not n and _same_measure(q.unit, n.unit)]
            if counted:
                dens = [q for q in dens if not _ACTUAL.match(q.label)]
            elif whole_words:
                dens = [q for q in dens if _label_match(q.label, whole_words)]
            elif verb in _DENOMINATOR:
                dens = [q for q in dens if any(w in q.label for w in _DENOMINATOR[verb])]
            else:
                dens = [q for q in dens if not any(w in q.label for w in num_words) or any(q is t for t in to_do)]
            dens = [q for q in dens if not any(part_of.get(id(q)) is t for t in dens)]
            pairs += [(n, d) for d in dens]
        if not pairs and len(nums) == 1 and s_start > 0 \
                and (counted or (not whole_words and verb not in _DENOMINATOR and re.search(r"已经?|实际|累计", nums[0].label))):
            # 共反馈问题23个，涉及…。截至2025年2月底，已整改19个，整改完成率P%: what was done in the rate's sentence,
            # the whole it is of in the one before, the only count of its unit there and larger than it
            p_start = _sentence_bounds(text, s_start - 1)[0]
            n = nums[0]
            earlier = [q for q in prior(qs, i, p_start) if q.start < s_start and _usable(q) and q.kind == "count"
                       and id(q) not in part_of]  # (共发现问题8个，其中A类2个、B类3个…: the parts are the total's detail)
            if len(earlier) == 1 and earlier[0].unit == n.unit and earlier[0].value > n.value \
                    and not _ACTUAL.match(earlier[0].label) and not any(w in earlier[0].label for w in num_words):
                pairs = [(n, earlier[0])]
        if not pairs:
            continue
        pairs = [(n, d) for n, d in pairs if id(n) not in negated or n.value < d.value]
        results = [(n, d, *ratio_verdict(d.value - n.value if id(n) in negated else n.value, d.value, r.value,
                                         kind_of(n.kind), kind_of(d.kind))) for n, d in pairs]
        if any(res[2] == "ok" for res in results):
            continue
        if len(results) > 1 and len({id(n) for n, _d, _v, _e in results}) == 1:
            # one numerator, several candidate wholes, none agreeing: the whole nearest before the numerator, not
            # counting figures in brackets deeper than the rate's (A（年初B，追加C）: B and C are A's detail)
            brackets = _brackets(text)
            outside = [res for res in results if brackets.depth(res[1].start) <= brackets.depth(r.start)]
            before = [res for res in (outside or results) if res[1].end <= res[0].start]
            results = [max(before, key=lambda res: res[1].start)] if before else results
        if len(results) != 1:
            continue
        n, d, v, exact = results[0]
        if _capped(r, exact, stem):
            continue
        whole_of = next((g for g in groups or [] if g.total is d and not g.ok and not g.complete
                         and not any(p.approx for p in g.parts)), None)
        if whole_of is not None and id(n) not in negated:
            s = sum(group_values(whole_of))
            if 0 < s != d.value and n.value <= s \
                    and ratio_verdict(n.value, s, r.value, kind_of(n.kind), kind_of(d.kind))[0] == "ok":
                # 共发现问题8个，其中2个、3个、2个。已整改5个，整改率71.43%: the rate is of the parts' sum (7), so the
                # list is whole and the total is the slip (TXT001 on it, not TXT005 on the rate)
                issue = _group_issue(replace(whole_of, complete=True))
                if issue is not None:
                    issue.message += f"；文中{stem}率 {r.text} 正是按各项之和 {like(s, group_values(whole_of))} 计算的"
                    issues.append(issue)
                continue
        place = _NARROW_PLACE.search(r.pre)
        if counted and place and place.group(0) not in n.label + d.label \
                and not (place.group(0) in ("农村", "乡村") and re.search(r"村", n.label + d.label)):
            continue  # 改造警报器10台，总数84台，城区警报鸣响覆盖率98.5%: a rate of a place the counts are not of
        if (n.disputed and ratio_verdict(n.disputed, d.value, r.value, kind_of(n.kind), kind_of(d.kind))[0] == "ok") \
                or (d.disputed and ratio_verdict(n.value, d.disputed, r.value, kind_of(n.kind), kind_of(d.kind))[0] == "ok"):
            continue  # 实际支出A，其中…（parts making A′）…完成率P% = A′ ÷ B: A is the slip, said by its sum
        after = _TARGET_AFTER.match(text, d.end)
        whole = f"{after.group(0).lstrip('的')} {d.text}" if after else f"{d.label} {d.text}"  # 280人的年度目标
        terms = f"（{whole} − {n.label} {n.text}）÷ {d.text}" if id(n) in negated \
            else f"{n.label} {n.text} ÷ {whole}"
        issues.append(_issue(TXT005, v, f"{stem}率：{terms} = {pct_text(exact, r.value)}，文中写 {r.text}",
                             pct_text(exact, r.value), r.text, r.start))
    return issues


# ----------------------------------------------------------------------------------------------------------------
# Enumerations
# ----------------------------------------------------------------------------------------------------------------

# a count starts where a number starts (the look-behind keeps a long run of digits from being tried at every digit)
_CNT = r"(?P<count>(?<![\d.])\d{1,9}(?!\d)|[" + CHARS + r"]{1,4})(?P<unit>" + "|".join(COUNT_UNITS) + r")"
#: the longest list read (characters): a list running on without end is not judged
LIST_REACH = 400
_ENUM_AFTER = re.compile(_CNT + r"(?P<noun>[^，。；：:、\d（(]{0,10}?)(?:[（(][^（）()\d]{1,8}[）)])?"
                         r"(?:[：:]|，?(?P<kw>分别为|分别是|包括|即))"
                         r"(?P<list>[^。；]{1,%d})" % LIST_REACH)
_ENUM_PAREN = re.compile(_CNT + r"[（(](?P<list>[^（）()]{1,%d})[）)]" % LIST_REACH)
_ENUM_BEFORE = re.compile(r"等" + _CNT)
#: a count right after a list, with no 等, and the noun the items are of (A镇、B镇、C镇3个乡镇)
_ENUM_NOUN = re.compile(r"(?<=[\u4e00-\u9fff”\"])" + _CNT + r"(?P<noun>[\u4e00-\u9fff]{1,4}?)(?=[，,。；;、的（(]|$)")
_OPEN, _CLOSE = "（(“‘《「【[", "）)”’》」】]"
_COUNTED = re.compile(r"((?<![\d.])\d{1,9}|[" + CHARS + r"]{1,4})(" + "|".join(COUNT_UNITS) + r")$")


def split_items(text: str) -> list[str]:
    """Items of a 、-separated list, ignoring 、 inside brackets and quotes."""
    items, depth, cur = [], 0, ""
    for c in text:
        if c in _OPEN:
            depth += 1
        elif c in _CLOSE:
            depth = max(0, depth - 1)
        if c == "、" and depth == 0:
            items.append(cur.strip())
            cur = ""
        else:
            cur += c
    items.append(cur.strip())
    return [x for x in items if x]


def _count(m: re.Match) -> int | None:
    return count_value(m.group("count"))


def _list_end(s: str) -> str:
    """A list runs to the first ，at bracket depth 0 after its last 、."""
    depth, last_sep = 0, -1
    for i, c in enumerate(s):
        if c in _OPEN:
            depth += 1
        elif c in _CLOSE:
            depth = max(0, depth - 1)
        elif c == "、" and depth == 0:
            last_sep = i
        elif c in "，," and depth == 0 and last_sep >= 0:
            return s[:i]
    return s


#: the marks of parallel clauses in a ；-separated list: each names its place (X为准备阶段) or opens with an ordinal
_PARALLEL_END = re.compile(r"为[^，,；;。]{0,8}?(阶段|环节|步骤|层面|层级|部分|方面|时期)")
_ORDINAL = re.compile(r"^\s*(第[一二三四五六七八九十\d]{1,3}|[一二三四五六七八九十]是|\d{1,2}[.、．]|[（(][一二三四五六七八九十\d]{1,3}[）)])")


def _clause_items(text: str, m: re.Match) -> list[str] | None:
    """The ；-separated clauses of a list opened by ``m`` (to the sentence end), or None when they are not visibly
    parallel items (or the list runs beyond what is read)."""
    end = text.find("。", m.end(), m.end() + LIST_REACH)
    rest = text[m.end() + 1:end if end >= 0 else min(len(text), m.end() + LIST_REACH)]
    if end < 0 and len(text) > m.end() + LIST_REACH:
        return None
    items = [m.group("list").strip()] + [x.strip() for x in re.split(r"[；;]", rest)]
    items = [x for x in items if x]
    if len(items) < 2:
        return None
    if all(_PARALLEL_END.search(x) for x in items) or all(_ORDINAL.match(x) for x in items):
        return items
    return None


def _unjoined(items: list[str]) -> list[str]:
    """The items of a list with its last two joined by 和 / 及 / 与 told apart (法规科和后勤服务中心) when the first half
    ends the way the other items do (科: the last character of two other items at least), so is a whole item, and
    the second is a name of its own; a name with 和 inside (政策法规和审批科) is one item."""
    if len(items) < 3:
        return items
    ends = Counter(x[-1] for x in items[:-1])
    halves = re.split(r"[和及与]", items[-1])
    if len(halves) == 2 and len(halves[0]) >= 2 and len(halves[1]) >= 3 and ends[halves[0][-1]] >= 2:
        return items[:-1] + halves
    return items


#: the last character of an office's name (办公室, 计划财务股, 执法监察大队, 服务中心)
_OFFICE_END = re.compile(r"[室股科队所站心办部组处局院]$")


def _joined(items: list[str]) -> int:
    """How many more items a list may hold for the 和 / 及 / 与 inside its items (A、B和C may be three). In a list of
    offices, or of names ending alike (most items end as an office does, or with one character: 镇), an item whose
    part before 和 ends otherwise is one item (文物和非遗保护股, 质量发展与标准计量股, 与儿街镇)."""
    ends = Counter(x[-1] for x in items if x)
    common = ends.most_common(1)[0] if ends else ("", 0)
    alike = len(items) >= 3 and common[1] * 3 >= len(items) * 2  # (two items tell no pattern)
    offices = len(items) >= 3 and sum(1 for x in items if _OFFICE_END.search(x)) * 3 >= len(items) * 2
    n = 0
    for x in items:
        for head in re.split(r"以及|[和及与]", x)[:-1]:
            if not (offices or alike) or (offices and _OFFICE_END.search(head)) or (alike and head.endswith(common[0])) \
                    or re.search(r"[关级位）)]$", head):  # 局机关和…, 本级（行政单位）以及…
                n += 1
    return n


def check_enumerations(text: str) -> list[Issue]:
    issues = []
    seen: set[int] = set()

    def judge(m: re.Match, items: list[str], partial: bool, sep: str = "、") -> None:
        n = _count(m)
        if n is None or len(items) < 2 or m.start() in seen:
            return
        if all(_COUNTED.search(x) for x in items):
            return  # "指标14个（数量指标6个、质量指标4个…）": the items count too; their sum is a total-and-parts claim
        counted = re.compile(r"(?<![\d.])(\d{1,9})\s*" + re.escape(m.group("unit")) + r"(?=[\u4e00-\u9fff])")
        if any(counted.search(re.sub(r"[（(][^（）()]*[）)]", "", x)) for x in items):
            # 分别为A、B、C3个事业单位和2个行政单位 (the counts sum the names up) or 办公室、财务股和4个业务股 (the
            # names and the counted ones together): either reading may be meant, so only a count neither gives is said
            pieces = [y for x in items for y in re.split(r"以及|[和及与]", re.sub(r"[（(][^（）()]*[）)]", "", x)) if y]
            counts = sum(int(v) for y in pieces for v in counted.findall(y))
            named = sum(1 for y in pieces if not counted.search(y))
            pending = 0  # names not yet summed up by a count after them (局机关和A、B、C3个事业单位: C's 3 sums A, B, C)
            for y in pieces:
                hit = counted.search(y)
                if hit is None:
                    pending += 1
                    continue
                pending += 1 if hit.start() > 0 else 0
                pending -= min(pending, sum(int(v) for v in counted.findall(y)))
            if n not in (counts, named + counts, pending + counts) and not partial:
                seen.add(m.start())
                issues.append(_issue(TXT006, Verdict.WRONG, f"文中说有 {m.group('count')}{m.group('unit')}，但列出的 {named} 项"
                                     f"与所计的 {counts}{m.group('unit')} 合计为 {named + counts}{m.group('unit')}",
                                     str(named + counts), str(n), m.start()))
            return
        seen.add(m.start())
        items = _unjoined(items)
        listed = len(items)
        joined = _joined(items)  # 'A、B和C' may be three
        if listed == n or (listed < n <= listed + joined):
            return
        if partial and listed < n:
            return
        what = f"{m.group('count')}{m.group('unit')}"
        issues.append(_issue(TXT006, Verdict.WRONG, f"文中说有 {what}，但列出了 {listed} 项：{sep.join(items)}",
                             str(listed), str(n), m.start()))

    for m in _ENUM_AFTER.finditer(text):
        if len(m.group("list")) == LIST_REACH:
            continue  # the list runs beyond what is read: its items cannot be counted
        if text[m.end():m.end() + 1] in ("；", ";"):
            # a list of clauses (分为三个阶段：A为准备阶段，…；B为实施阶段，…；C为总结阶段，…): its items are the
            # ；-separated clauses, counted only when they are visibly parallel; else nothing is said
            items = _clause_items(text, m)
            if items is not None:
                if len(items) == _count(m):
                    seen.add(m.start())
                else:
                    judge(m, items, False, "；")
                continue
            if re.search(r"[，,]", m.group("list")):
                seen.add(m.start())  # clauses of their own before the ；: where the list ends cannot be told
                continue
        body = _list_end(m.group("list")).lstrip("：: ")
        partial = bool(re.search(r"^(主要|如|例如|比如|重点)", body.strip())) or bool(re.search(r"等[^、]{0,8}$", body))
        body = re.sub(r"等[^、]{0,8}$", "", body)
        judge(m, split_items(body), partial)
    for m in _ENUM_PAREN.finditer(text):
        body = m.group("list")
        judge(m, split_items(re.sub(r"等$", "", body)), body.endswith("等"))
    for m in _ENUM_BEFORE.finditer(text):
        # the list is the clause before 等, read backwards to a clause mark
        lo = max(0, m.start() - LIST_REACH)
        cut = max(text.rfind(c, lo, m.start()) for c in "，。；：:")
        if cut < 0 and lo > 0:
            continue
        body = text[cut + 1:m.start()]
        if not body:
            continue
        body = re.split(r"有|包括|为|是|：|:", body)[-1] if re.search(r"有|包括|为|是", body.split("、")[0]) else body
        items = split_items(body)
        if items and re.search(r"\d", items[0]):
            continue
        n = _count(m)
        if n is not None and len(items) > n and len(items) >= 2 and m.start("count") not in seen:
            seen.add(m.start("count"))
            issues.append(_issue(TXT006, Verdict.WRONG, f"文中说“等{m.group('count')}{m.group('unit')}”，但列出了 "
                                 f"{len(items)} 项：{'、'.join(items)}", str(len(items)), str(n), m.start("count")))
        elif n is not None and len(items) == n:
            seen.add(m.start("count"))
    for m in _ENUM_NOUN.finditer(text):
        # A镇、B镇、C镇3个乡镇: the items right before the count, all ending as its noun ends (镇 … 乡镇), are all of
        # them (a list that leaves some out says 等)
        if m.start("count") in seen or m.group("count") in ("一", "两", "二") and m.group("unit") != "个":
            continue
        cut = max(text.rfind(c, max(0, m.start() - LIST_REACH), m.start()) for c in "，,。；;：:（(")
        body = text[cut + 1:m.start()]
        items = split_items(body)
        n = _count(m)
        noun = m.group("noun")
        if n is None or len(items) < 2 or re.search(r"\d|等$", body) or "、" not in body \
                or not all(x[-1] == noun[-1] for x in items) or len(set(items)) != len(items):
            continue
        seen.add(m.start("count"))
        items = _unjoined(items)
        if len(items) != n and not (len(items) < n <= len(items) + _joined(items)):
            issues.append(_issue(TXT006, Verdict.WRONG, f"文中说有 {m.group('count')}{m.group('unit')}{noun}，但列出了 "
                                 f"{len(items)} 项：{'、'.join(items)}", str(len(items)), str(n), m.start("count")))
    return issues


_COMPLETION = re.compile(r"(完成|为|达到|达|占|是)(了)?(?P<whole>(年初|全年|调整后?)?预算(数)?)的?$")
#: an execution rate whose name says the budget it is measured against: 按全年预算计算的执行进度为P%, 对照年初预算的
#: 执行率为P%, 以调整预算为基数的完成比例达P%
_MEASURED_ON = re.compile(r"(按照?|对照|相对于?|以|依据?|基于)(?P<whole>(年初|全年|调整后?)?预算(数)?)(为基数|为口径)?"
                          r"(计算|口径|测算|核算)?的?(预算)?(执行率|执行进度|完成率|完成比例|执行比例|支出进度|执行比率)"
                          r"(为|达到|达|是)?$"
                          r"|(?<![\u4e00-\u9fff])(?P<stage>(年初|全年|调整后?)预算(数)?)的?(执行率|完成率|执行进度|完成比例)"
                          r"(为|达到|达|是)?$")


def completion_rate(q: Quantity) -> str | None:
    """The stage a rate ``完成年初预算的P%`` / ``为全年预算的P%`` / ``完成预算的P%`` names as its whole (initial /
    full / budget), None when it is not such a rate."""
    if q.unit != "%":
        return None
    pre = q.pre.strip()
    m = _COMPLETION.search(pre) or _MEASURED_ON.search(pre)
    return stage_of(m.group("whole") or m.group("stage")) if m else None


#: the cores (:func:`_core`) of a department's budget by stage: 年初预算(数); 全年预算(数) and 调整后预算(数) lose 全年
_STAGE_CORES = {"initial": ("年初预算", "年初预算数"), "full": ("预算", "预算数", "调整后预算", "调整后预算数")}


def _document_stage(others: "Wholes", stage: str) -> Quantity | None:
    """The document's one figure named by the budget stage alone (2025年年初预算4,860.00万元 / 全年预算12,595.40万元)."""
    named = [q for core in _STAGE_CORES[stage] for q in others.by_core.get(core, [])[:WINDOW + 2]
             if q.kind == "money" and _stage(q.label) == stage]
    return named[0] if named and len({q.value_in("万元") for q in named}) == 1 else None


#: the funds whose names hold 预算 without naming a budget stage (DOMAIN §2: 一般公共预算财政拨款支出 is spending)
_FUND = FUND_NAMES


def _stage(label: str) -> str | None:
    """:func:`stage_of` of a figure's label, a fund's name (一般公共预算…) not read as a budget stage."""
    return stage_of(_FUND.sub("", label))


#: the words of a role (a budget stage, spending) in a label: what is left names whose figure it is
_ROLE_WORDS = re.compile("|".join(sorted({w for ws in STAGE_WORDS.values() for w in ws}
                                         | {"预算数", "预算", "总支出", "支出", "追加", "调整"}, key=len, reverse=True)))
#: whose budget or spending it is, when it is the writer's own (单位年初预算, 本局支出, 街道年初预算, 区气象局…): the
#: department's
_OWNER = re.compile(r"(?:本|我)?[\u4e00-\u9fff]{0,10}?(?:部门|单位|局|委员会|委|办事处|办公室|办|院|中心|机关|站|所|街道|"
                    r"镇|乡|厅|队|馆|政府)")
#: a share's subject referring back to the money its paragraph is about (这笔资金占…, 该项资金占…, 上述资金占…)
_REFERRING = re.compile(r"^(?:这笔|该笔|这项|该项|此项|该|此|上述|以上)(?:资金|支出|项目|经费|款项)?$")
#: a label referring back to the figure before it (该项支出年初预算): whose it is, is the earlier figure's
_ANAPHORA = re.compile(r"^(?:该项|该|此项|上述|以上)")


#: the acts of passing a budget (年初预算安排支出, 批复预算): they say how the budget came, not whose it is
_BUDGET_ACTS = re.compile(r"安排|批复|下达|核定|编制")


def _owner(label: str) -> str | None:
    """Whose budget or spending a label names, its role words left out: "" for the department's own (年初预算,
    本年支出, 单位年初预算数), 项目 for 项目支出年初预算, None for a label referring back (该项支出…)."""
    words = PASSED.sub("年初", re.split(r"[，,；;：:]", label)[-1])
    if _ANAPHORA.match(words):
        return None
    owner = _BUDGET_ACTS.sub("", _ROLE_WORDS.sub("", _core(_FUND.sub("", words)))).strip("“”\"的")
    return "" if _OWNER.fullmatch(owner) else owner


def _same_owner(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _carried(qs: list[Quantity], i: int, s_start: int, role, owner: str | None) -> Quantity | None:
    """The figure of a role a sentence names but does not write, carried from the paragraph's earlier sentences
    (年初预算为A万元。本年支出B万元，完成年初预算的R%): the one value given before ``s_start`` in that role
    (``role``: a test of the figure) for the same owner; None when none, or figures of different values, are."""
    cands = [q for q in prior(qs, i, 0, limit=4 * WINDOW, at=s_start) if q.start < s_start and _usable(q)
             and q.kind == "money" and role(q)]
    if len({q.value_in("万元") for q in cands}) != 1:
        return None  # none, or two of that role (基本支出年初预算A，项目支出年初预算B): which one cannot be told
    q = cands[-1]
    return q if _same_owner(_owner(q.label), owner) else None


def _is_spent(q: Quantity) -> bool:
    """A figure of what was spent: a 决算 / 执行 figure, or one named as spending (本年支出, 支出合计)."""
    st = _stage(q.label)
    return st == "actual" or (st is None and bool(_SPENT.search(q.label)))


def check_completion(text: str, qs: list[Quantity], others: "Wholes | None" = None) -> list[Issue]:
    """``年初预算为A万元，支出决算为B万元，完成年初预算的P%``: P = B ÷ A, the actual (决算 / 执行) figure over the
    budget of the stage the words name. When P is the actual over the *other* budget given in the sentence (全年预算
    where the words say 年初预算), the words name the wrong denominator. A bare 预算 is whichever budget the sentence
    gives; with both and neither agreeing, nothing is said."""
    issues = []
    sents = sentences(text)
    for i, r in enumerate(qs):
        named = completion_rate(r)
        if named is None or r.approx:
            continue
        s_start, _ = sents.bounds(r.start)
        # a run-on sentence (…，完成预算的75%，其中公务接待费预算A，支出B，完成预算的P%): this rate's terms are the
        # figures after the rate before it
        k = i - 1
        while k >= 0 and qs[k].start >= s_start and completion_rate(qs[k]) is None:
            k -= 1
        if k >= 0 and qs[k].start >= s_start and any(q.kind == "money" for q in qs[k + 1:i]):
            s_start = qs[k].end  # (…，完成调整后预算的P%，完成年初预算的Q%: two rates of the same figures)
        semi = max(text.rfind("；", s_start, r.start), text.rfind(";", s_start, r.start))
        if semi > s_start:
            # 其中：A支出X元；B支出Y元，年初预算Z元，完成年初预算的P%: a clause after ； that gives the budget and
            # another sum of money holds the rate's terms (the items before it are other lines)
            inside = [q for q in prior(qs, i, semi + 1) if q.kind == "money" and _usable(q)]
            if len(inside) >= 2 and any(_budget_side(q) == "budget" for q in inside):
                s_start = semi + 1
        actual, budgets = None, {}
        for q in reversed(prior(qs, i, s_start)):
            if not _usable(q) or q.kind != "money":
                continue
            st = _stage(q.label)
            if st == "actual" and actual is None:
                actual = q
            elif st in ("initial", "full", "budget") and st not in budgets:
                budgets[st] = q
        if actual is None and budgets:
            actual = _spent(text, qs, i, s_start)
        if actual is None and budgets:
            # 年初预算5000.00元，实际完成预算的65.20%，三项合计3620.00元: the spending written after the rate, the one
            # figure of money there, named as what was spent or as the items' sum
            s_end = sents.bounds(r.start)[1]
            after = [q for q in qs[i + 1:i + 4] if q.start < s_end and q.kind == "money"]
            if len(after) == 1 and _usable(after[0]) and _stage(after[0].label) in (None, "actual") \
                    and re.search(r"合计|总计|共计|支出|决算|执行", after[0].pre[-8:]) \
                    and not re.search(r"上年|去年|同期|结转|结余|节约|减少|增加|预算", after[0].pre[-8:]):
                actual = after[0]
        if not r.pre.strip().endswith("的") and (named not in budgets or _LAST_YEAR.search(r.pre)):
            continue  # 完成年初预算P% (no 的): judged only beside its own sentence's budget of that stage, not last year's
        if actual is None and not budgets and others is not None:
            actual = _spent(text, qs, i, s_start, others)
            if actual is not None and _core(actual.label) == "支出":
                # the department's spending, its budgets stated in another paragraph: the one figure of each stage
                budgets = {st: q for st in ("initial", "full") if (q := _document_stage(others, st)) is not None}
        if named in ("initial", "full"):
            # the figure of a role the rate names but its sentence does not write, from an earlier sentence of the
            # paragraph (DOMAIN §2 roles: the budget of the stage named, the spending), for the same owner
            if actual is None and named in budgets and _role_subject(qs[i]):
                # 该项支出年初预算为A: the sentence refers back to the spending before it, whoever's it is
                owners = [_owner(b.label) for b in budgets.values()]
                actual = _carried(qs, i, s_start, _is_spent, None if None in owners else _owner(budgets[named].label))
            elif actual is None and not budgets and _role_subject(qs[i]):
                # 全年预算为A万元。全年支出决算为B万元。决算数占全年预算的R%: both roles before, of one owner
                b = _carried(qs, i, s_start, lambda q: _stage(q.label) == named, None)
                a = _carried(qs, i, s_start, _is_spent, None)
                if a is not None and b is not None and _same_owner(_owner(a.label), _owner(b.label)):
                    actual, budgets[named] = a, b
            if actual is not None and named not in budgets:
                owner = _owner(actual.label)
                b = _carried(qs, i, s_start, lambda q: _stage(q.label) == named, owner)
                if b is None and owner == "" and others is not None:
                    b = _document_stage(others, named)
                if b is not None:
                    budgets[named] = b
        if actual is None or not budgets:
            continue
        if named == "budget":
            cands = [budgets[k] for k in ("budget", "full", "initial") if k in budgets]
        else:
            cands = [budgets[named]] if named in budgets else []
        if not cands:
            continue
        results = [(d, *ratio_verdict(actual.value_in(d.unit), d.value, r.value)) for d in cands]
        if any(v == "ok" for _d, v, _e in results) or (named == "budget" and len(cands) > 1):
            continue
        den, v, exact = results[0]
        if exact is None:
            continue
        message = (f"完成{STAGE_LABELS[named]}的比例：{actual.label or '决算数'} {actual.text} ÷ {den.label or '预算数'} "
                   f"{den.text} = {pct_text(exact, r.value)}，文中写 {r.text}")
        other = budgets.get("full" if named == "initial" else "initial")
        if other is not None and named in ("initial", "full") \
                and ratio_verdict(actual.value_in(other.unit), other.value, r.value)[0] == "ok":
            v = Verdict.WRONG
            message += (f"（{r.text} 是 ÷ {other.label or STAGE_LABELS['full']} {other.text} 的比例，文字所说的分母不对："
                        f"应写“完成{STAGE_LABELS['full' if named == 'initial' else 'initial']}的{r.text}”）")
        issues.append(_issue(TXT005, v, message, pct_text(exact, r.value), r.text, r.start))
    return issues


#: an execution rate named by no budget stage (预算执行率为P% / 执行率P% / 预算执行进度达P%): DOMAIN §2 measures it on
#: the 全年预算数
_BARE_EXECUTION = re.compile(r"(?<![年初全调整后])(?:预算|资金|支出)?执行(?:率|进度)(?:为|达到|达|是|：|:)?$")


def check_execution_stage(text: str, qs: list[Quantity], taken: set[int]) -> list[Issue]:
    """``年初预算A万元，…，全年预算F万元。本年支出B万元，预算执行率为P%``: an execution rate naming no stage is B ÷ F
    (DOMAIN §2: 执行率 = 执行数 ÷ 全年预算数). Judged only when the paragraph gives both budgets (one figure of each
    stage, different values, the department's) and one figure of spending in the rate's sentence or carried; when P
    is B ÷ A, the message says the denominator is the 年初预算."""
    issues = []
    sents = sentences(text)
    for i, r in enumerate(qs):
        if r.unit != "%" or r.approx or r.start in taken or completion_rate(r) is not None \
                or not _BARE_EXECUTION.search(r.pre.strip()):
            continue
        line = line_execution(r.pre)
        if line is not None and line[1]:
            continue  # 其中项目支出执行率为P%: a line's rate, not the department's (its terms are not written)
        s_start, _ = sents.bounds(r.start)
        here = [q for q in prior(qs, i, s_start) if _usable(q) and q.kind == "money"]
        spent = [q for q in here if _is_spent(q)]
        if any(_stage(q.label) in ("initial", "full", "budget") for q in here if q.start > (spent[-1].end if spent else 0)):
            continue  # a budget after the spending in the rate's own sentence: check_rates reads it
        actual = spent[-1] if len(spent) == 1 else None
        if actual is None and not here:
            actual = _carried(qs, i, s_start, _is_spent, "")
        if actual is None or _owner(actual.label) not in ("", None):
            continue
        budgets = {}
        for st in ("initial", "full"):
            b = [q for q in here if _stage(q.label) == st]
            budgets[st] = b[-1] if len(b) == 1 else _carried(qs, i, s_start, lambda q, st=st: _stage(q.label) == st, "")
        full, initial = budgets["full"], budgets["initial"]
        if full is None or initial is None or full.value_in("万元") == initial.value_in("万元") \
                or not re.search(r"全年|调整后", full.label):
            continue  # 调整预算 alone may be the adjustment, not the budget after it
        v, exact = ratio_verdict(actual.value_in(full.unit), full.value, r.value)
        if v == "ok" or exact is None:
            continue
        message = (f"预算执行率 = 执行数 ÷ 全年预算数：{actual.label or '支出'} {actual.text} ÷ {full.label or '全年预算'} "
                   f"{full.text} = {pct_text(exact, r.value)}，文中写 {r.text}")
        if ratio_verdict(actual.value_in(initial.unit), initial.value, r.value)[0] == "ok":
            v = Verdict.WRONG
            message += f"（{r.text} 是 ÷ {initial.label or '年初预算'} {initial.text} 的比例：执行率的分母应为全年预算数）"
        issues.append(_issue(TXT005, v, message, pct_text(exact, r.value), r.text, r.start))
    return issues


#: an execution rate named by its line (项目支出预算执行率为P%, 基本支出全年预算执行率P%, 全年预算执行率为P%): the name
#: before the budget stage, "" for the department's own
_LINE_EXECUTION = re.compile(r"^(?:其中|另外|此外)?[：:]?(?P<name>[\u4e00-\u9fff“”]{0,12}?)(?:的)?(?P<stage>全年|年初|调整后)?"
                             r"(?:预算)?执行率(?:为|达到|达|是)?$")


def line_execution(pre: str) -> tuple[str, str, str | None] | None:
    """(its line's name, that line's owner, its stage word) of an execution rate named by a line (项目支出执行率为,
    其中基本支出预算执行率, 全年预算执行率: name "" and owner "" for the department's own); None when the words before
    the rate name no execution rate, or name it of something referred back to (该项支出…)."""
    m = _LINE_EXECUTION.match(re.split(r"[，,；;：:。]", pre)[-1].strip())
    if m is None or not (m.group("name") or "预算执行率" in m.group(0)):
        return None  # (a bare 执行率 names no line: whose it is, is the sentence's, check_execution_stage)
    name = m.group("name")
    owner = _owner(name + "支出") if name else ""
    if owner is None or (name and not owner):
        return None
    return name, owner, m.group("stage")


def _line_figures(qs: list[Quantity], i: int, owner: str, test) -> Quantity | None:
    """The one value of a role (``test``) for the line ``owner`` before ``qs[i]`` in its paragraph, None when none
    or two (a figure whose owner holds the line's name, 调整后项目支出预算, counts as the line's too)."""
    role = [q for q in qs[:i] if _usable(q) and q.kind == "money" and test(q)]
    mine = [q for q in role if _owner(q.label) == owner]
    near = [q for q in role if owner and owner in (_owner(q.label) or "")]
    return mine[-1] if mine and len({q.value_in("万元") for q in mine + near}) == 1 else None


def _document_spending(others: "Wholes") -> Quantity | None:
    """The document's one figure of the department's spending (支出合计 / 本年支出 / 全年支出), no 决算/预算 stage."""
    named = [q for q in others.by_core.get("支出", [])[:WINDOW + 2] if q.kind == "money" and _stage(q.label) is None
             and not _AMONG_PART.search(q.pre)]
    return named[0] if named and len({q.value_in("万元") for q in named}) == 1 else None


#: a figure written as a part of the one before it (其中项目支出预算A): not the department's own
_AMONG_PART = re.compile(r"其中|包括|含")


def check_line_execution(text: str, qs: list[Quantity], taken: set[int], others: "Wholes | None") -> list[Issue]:
    """``项目支出预算A万元。…项目支出B万元，项目支出预算执行率为P%``: an execution rate named by its line is that line's
    spending over that line's budget (DOMAIN §2: 执行率 = 执行数 ÷ 全年预算数), whatever other figures the paragraph
    gives. The spending: the one figure of the line with no budget stage; the budget: the one figure of the line of
    the stage the rate names (全年 when it names none, a bare 预算 when the line has no 全年 figure). For the
    department's own rate (全年预算执行率), with none in its paragraph, the one figure of each in the document (不含其中
    parts). Not judged when either is missing or given with two values."""
    issues = []
    for i, r in enumerate(qs):
        if r.unit != "%" or r.approx or r.start in taken:
            continue
        line = line_execution(r.pre)
        if line is None or re.search(r"[\d]", r.pre[-4:]):
            continue
        name, owner, stage_word = line
        stage = {"年初": "initial"}.get(stage_word or "", "full")
        spent = _line_figures(qs, i, owner, _is_spent)
        budget = _line_figures(qs, i, owner, lambda q: _stage(q.label) == stage)
        if budget is None and stage == "full":
            budget = _line_figures(qs, i, owner, lambda q: _stage(q.label) == "budget")
        money = [q for q in qs[:i] if q.kind == "money"]
        if owner == "" and others is not None and not any(_is_spent(q) for q in money):
            # the department's own rate, its paragraph giving no spending (its budgets at most): the document's
            spent = _document_spending(others)
            budget = _document_stage(others, stage) if budget is None and not money else budget
        if spent is None or budget is None or spent.value_in("万元") >= budget.value_in("万元") * 2:
            continue
        issue = _named_ratio(f"{name or ''}预算执行率 = 执行数 ÷ {STAGE_LABELS[stage]}数", spent, budget, r)
        if issue is not None and (issue.severity == ERROR or spent.unit == budget.unit):
            issues.append(issue)  # (3.62亿元 over 万元: a gap within the coarser figure's rounding says nothing)
    return issues


#: a rate of spending against its budget named by no stage: 控制率 (“三公”经费控制率, 预算控制率) and a bare 执行率
_CONTROL = re.compile(r"(?:预算|经费|支出)?(?:控制率|执行率)(?:为|达到|达|是|：|:)?$")


def check_budget_control(text: str, qs: list[Quantity], taken: set[int]) -> list[Issue]:
    """``“三公”经费预算5.00万元。实际支出3.86万元。控制率为77.20%``: a 控制率 (or a bare 执行率) of money is what was
    spent over its budget. Judged only when the rate's sentence and the two before it give exactly one budget figure
    (of any stage) and one figure of spending, both before the rate, and nothing else in money after the first of
    them; anything else (two budgets, a list of parts, counts as in 在职人员控制率) is left to the other checks."""
    issues = []
    sents = sentences(text)
    for i, r in enumerate(qs):
        if r.unit != "%" or r.approx or r.start in taken or completion_rate(r) is not None \
                or not _CONTROL.search(r.pre.strip()):
            continue
        lo = sents.bounds(r.start)[0]
        for _step in range(2):
            lo = sents.bounds(lo - 1)[0] if lo > 0 else lo
        money = [q for q in prior(qs, i, lo) if q.kind == "money" and not q.approx]
        others = [q for q in prior(qs, i, lo) if q.kind != "money" and q.unit != "%"]
        budgets = [q for q in money if _stage(q.label) in ("initial", "full", "budget")]
        spent = [q for q in money if _is_spent(q) or re.search(r"实际(?:支出|使用|发生)", q.label)]
        if len(budgets) != 1 or len(spent) != 1 or len(money) != 2 or others:
            continue
        issue = _named_ratio("控制率 = 支出 ÷ 预算", spent[0], budgets[0], r)
        if issue is not None:
            issues.append(issue)
    return issues


def _named_ratio(name: str, a: Quantity, b: Quantity, r: Quantity) -> Issue | None:
    """TXT005 when the rate ``r`` (a rate of a definition ``name``) is not ``a`` ÷ ``b``; None when it is."""
    num = a.value_in(b.unit) if a.comparable(b) else a.value
    # the numerator's rounding in the unit it is written in (3.62亿元 is 36,200 ± 50万元)
    tol = half_unit(a.value, kind_of(a.kind)) * (num / a.value) if a.value else None
    v, exact = ratio_verdict(num, b.value, r.value, kind_of(a.kind), kind_of(b.kind), num_tol=tol)
    if v == "ok" or exact is None:
        return None
    return _issue(TXT005, v, f"{name}：{a.label or '分子'} {a.text} ÷ {b.label or '分母'} {b.text} = "
                  f"{pct_text(exact, r.value)}，文中写 {r.text}", pct_text(exact, r.value), r.text, r.start)


#: a change named by its subject alone: 支出合计增加258.85万元 / 基本支出比上年减少D万元 (the subject, the verb)
_SUBJECT_CHANGE = re.compile(r"^(?P<name>[\u4e00-\u9fff“”、]{2,14}?)(?:比上年|较上年|同比|比去年|较去年)?(?:各|均|都)?"
                             r"(?P<dir>增加|增长|减少|下降)了?$")
#: both sides of the 收支 total named at once (收入、支出总计各增加D万元; 收支总计均增加…): each side's figure, one value
_BOTH_SIDES = re.compile(r"收入、?支出(?P<s>总计|合计)|收支(?P<s2>总计|合计)")


def _this_years_named(text: str, before: list[Quantity], d: Quantity, name: str, others: "Wholes") -> Quantity | None:
    """This year's figure of the subject a change names: the one under that very name earlier in the paragraph
    (收入合计1322.35万元，其中…。收入合计比上年增加…), else the one of the document."""
    here = {q.value: q for q in before if q.kind == "money" and q.role == "level" and not q.approx
            and q.comparable(d) and not _LAST_YEAR.search(q.label) and _stage_named(q) in (None, "actual")
            and re.search(re.escape(name) + r"(?:为|是|达|共计)?$", text[max(0, q.start - 20):q.start])}
    if len(here) == 1:
        return next(iter(here.values()))
    return document_whole(name, d, others) if not here else None


def check_subject_changes(text: str, qs: list[Quantity], taken: set[int], others: "Wholes | None") -> list[Issue]:
    """``与2023年度相比，支出合计增加258.85万元，增长6.26%``: neither year's figure in the sentence, the subject named;
    this year's figure X is the one figure of that name in the document, last year's is X − D (X + D for a fall), and
    R = D ÷ (X ∓ D). When R is D ÷ X instead, the message says the rate was taken on this year's figure."""
    issues = []
    if others is None:
        return issues
    sents = sentences(text)
    for i, d in enumerate(qs[:-1]):
        r = qs[i + 1]
        if d.role != "change" or d.kind != "money" or d.approx or r.role != "change" or r.unit != "%" or r.approx \
                or r.start in taken or not re.fullmatch(r"[，,]\s*(?:同比)?(?:增长|下降|增加|减少|上升|降低)了?", text[d.end:r.start]):
            continue
        s_start, _ = sents.bounds(d.start)
        clause = text[max([s_start] + [text.rfind(c, s_start, d.start) + 1 for c in "，,："]):d.start]
        m = _SUBJECT_CHANGE.match(clause.strip())
        if m is None or any(q.start >= s_start and q.kind == "money" and q.role == "level" for q in qs[:i]):
            continue  # a figure of either year in the sentence: the sentence's own checks read it
        both = _BOTH_SIDES.fullmatch(m.group("name"))
        names = [side + (both.group("s") or both.group("s2")) for side in ("收入", "支出")] if both else [m.group("name")]
        if "、" in m.group("name") and not both:
            continue
        found = {x.value: x for x in (_this_years_named(text, qs[:i], d, name, others) for name in names)
                 if x is not None}
        x = next(iter(found.values())) if len(found) == 1 and len(names) == len(
            [1 for name in names if _this_years_named(text, qs[:i], d, name, others) is not None]) else None
        if x is None:
            continue
        down = m.group("dir") in ("减少", "下降")
        amount = d.value_in(x.unit)
        base = x.value + amount if down else x.value - amount
        if base <= 0:
            continue
        v, exact = ratio_verdict(amount, base, r.value)
        if v == "ok" or exact is None:
            continue
        message = (f"{m.group('name')} {x.text} {'减少' if down else '增加'} {d.text}：上年为 {base:f}{x.unit}，"
                   f"变动率 = {d.text} ÷ {base:f}{x.unit} = {pct_text(exact, r.value)}，文中写 {r.text}")
        if ratio_verdict(amount, x.value, r.value)[0] == "ok":
            message += f"（{r.text} 是 ÷ 本年数 {x.text} 的比例：变动率的分母应为上年数）"
        issues.append(_issue(TXT004, v, message, pct_text(exact, r.value), r.text, r.start))
    return issues


#: 在职人员控制率 = 实有人数 ÷ 编制数 (toolkit/domain/staffing.py): the rate, the head count, the 编制 as a whole
_STAFF_CONTROL = re.compile(r"(?:在职)?人员控制率(?:为|达到|达|是|：|:)?$")
_STAFF_ACTUAL = re.compile(r"实有(?:在职|在编)?(?:人员|人数)?$")
_STAFF_AUTHORIZED = re.compile(r"^(?:[\d年末底初，,]*)?(?:核定|批复|现有|共有)?(?:人员)?编制(?:数|总数)?$")


def check_staff_control(text: str, qs: list[Quantity], taken: set[int], others: "Wholes | None") -> list[Issue]:
    """``核定编制42名。…年末实有在职人员39人。…在职人员控制率100%``: 实有 ÷ 编制 (toolkit/domain/staffing.py), the head
    count the one 实有 figure before the rate in its paragraph, the 编制 the one whole 编制 figure there or, with none
    there, in the document (not 行政编制 and the other kinds: parts). Judged only when each is one value; when the rate
    is in the same sentence as both, check_rates reads it."""
    issues = []
    for i, r in enumerate(qs):
        if r.unit != "%" or r.approx or r.start in taken or not _STAFF_CONTROL.search(r.pre.strip()):
            continue
        before = [q for q in qs[:i] if q.kind == "count" and q.role == "level" and not q.approx]
        actual = [q for q in before if _STAFF_ACTUAL.search(_LEAD_TIME.sub("", q.label))]
        authorized = [q for q in before if _STAFF_AUTHORIZED.match(q.label)]
        if not authorized and isinstance(others, Wholes):
            authorized = [q for core, found in others.by_core.items() if _STAFF_AUTHORIZED.match(core)
                          for q in found if q.kind == "count" and q.role == "level" and not q.approx]
        if len({q.value for q in actual}) != 1 or len({q.value for q in authorized}) != 1:
            continue
        a, b = actual[-1], authorized[-1]
        s0 = sentences(text).bounds(r.start)[0]
        if a.start >= s0 and b in qs and b.start >= s0:
            continue  # 编制33人，实有31人，控制率P%: the rate's own sentence, check_rates
        if b.disputed and ratio_verdict(a.value, b.disputed, r.value, Kind.COUNT, Kind.COUNT)[0] == "ok":
            continue  # 核定编制46名，其中…21+12+3 (TXT001 at the 46): the rate is of the 编制 the parts make
        issue = _named_ratio("在职人员控制率 = 实有人数 ÷ 编制数", a, b, r)
        if issue is not None:
            issues.append(issue)
    return issues


#: a figure of what was spent, by its name (执行数 = 支出, DOMAIN §2): 本年支出 / 全年支出 / 支出合计 / 部门支出总额
_SPENT = re.compile(r"(?:支出|总支出)(?:合计|总额|总计|决算)?$")
#: the words of a completion rate's clause before 完成/为 (本年支出完成年初预算的P%): the figure the rate is of
_RATE_SUBJECT = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,12}?)(?:完成|为|达到|占)了?(?:年初|全年|调整后?)?预算数?的$")


def _role_subject(r: Quantity) -> bool:
    """Whether the completion rate ``r``'s clause names no subject of its own, or only a role (决算数占…的P%,
    支出决算完成…): its figure may be carried from an earlier sentence."""
    m = _RATE_SUBJECT.search(r.pre.strip())
    return m is None or _owner(m.group("name")) == ""


def _spent(text: str, qs: list[Quantity], i: int, s_start: int, others: "Wholes | None" = None) -> Quantity | None:
    """What was spent, for the completion rate ``qs[i]`` whose sentence names no 决算/执行 figure: the figure the
    rate's own clause names (本年支出完成…的P%: that name's one figure in the paragraph, or with ``others`` and none
    there, the document's one figure of the department's spending), else the one figure of the sentence named as
    spending (全年支出X万元) outside a list of parts (年初预算A万元，其中基本支出B万元 is a budget's part)."""
    m = _RATE_SUBJECT.search(qs[i].pre.strip())
    if m:
        name = _core(m.group("name"))
        same = [q for q in qs[:i] if _usable(q) and q.kind == "money" and _stage(q.label) is None and q.label
                and (_core(q.label) == name or (len(name) >= 4 and _core(q.label).endswith(name)))]
        if not same and name == "支出" and others is not None:
            same = [q for q in others.by_core.get(name, [])[:WINDOW + 2] if q.kind == "money"
                    and _stage(q.label) is None]
        return same[-1] if same and len({q.value_in("万元") for q in same}) == 1 else None
    spent = [q for q in prior(qs, i, s_start) if _usable(q) and q.kind == "money" and _stage(q.label) is None
             and _SPENT.search(q.label)]
    if len(spent) != 1:
        return None
    marks = [m.end() for m in _GROUP.finditer(text, s_start, spent[0].start)]
    if marks and not [q for q in qs if marks[-1] <= q.start < spent[0].start]:
        return None  # the first figure after 其中: a part of the figure before it
    return spent[0]


_RESPECTIVELY = re.compile(r"分别(?:获得|得分为|得分|得|计|为|是)")


def check_score_lists(text: str, qs: list[Quantity]) -> list[Issue]:
    """``产出指标6项，分别得8分、9.5分、…，合计54分``: scores listed after 分别得 and the 合计/共计 after them, in one
    sentence, nothing else between (DOMAIN §3: total = Σ scores)."""
    issues = []
    keys = starts(qs)
    for m in _RESPECTIVELY.finditer(text):
        _s, s_end = _sentence_bounds(text, m.start())
        run: list[Quantity] = []
        prev = m.end()
        total = None
        k0 = first_after(keys, m.end() - 1)
        for j in range(k0, min(len(qs), k0 + WINDOW + 1)):
            q = qs[j]
            if q.start >= s_end or q.unit != "分" or q.approx:
                break
            gap = text[prev:q.start]
            if q.total:
                if len(run) >= 2 and re.fullmatch(r"[，,]?\s*", gap.replace(q.pre.strip(), "", 1)):
                    total = q
                break
            if not re.fullmatch(r"\s*[、，,和及]?\s*", gap):
                break
            run.append(q)
            prev = q.end
        if total is None:
            continue
        values = [q.value for q in run]
        v, sm = sum_verdict(values, total.value, Kind.SCORE)
        if v == "ok":
            continue
        issues.append(_issue(TXT001, v, f"{total.label or '合计'} {total.text} 与所列各项得分之和不符："
                             f"{_plus(values)} = {like(sm, values)}", like(sm, values), num_text(total.value),
                             run[0].start, total.end))
    return issues


def check_share_pairs(text: str, qs: list[Quantity]) -> list[Issue]:
    """``基本支出占72.35%，项目支出所占比例为27.56%``: the only two shares of a sentence, of the same whole, naming a
    complete pair of parts (基本支出/项目支出, or a part and 其余/其他) add to 100 % within their rounding."""
    issues = []
    sents = sentences(text)
    by_sentence: dict[int, list[Quantity]] = {}
    for q in qs:
        if q.role == "share" and q.unit == "%":
            by_sentence.setdefault(sents.bounds(q.start)[0], []).append(q)
    for start, shares in by_sentence.items():
        if len(shares) != 2 or any(q.approx for q in shares):
            continue
        a, b = shares
        wholes = [share_target(q) for q in shares]
        if len({w if len(w) >= 2 else "" for w in wholes}) != 1:  # (所占比例为 leaves a one-character "whole")
            continue
        names = [_share_subject(text, start, a), _share_subject(text, a.end, b)]
        if not all(names) or not _complete(names, "句内"):
            continue
        values = [a.value, b.value]
        total = a.value + b.value
        tolerance = Decimal(1).scaleb(-max(places(v) for v in values)) / 2 * 2
        if abs(total - 100) <= tolerance:
            continue
        issues.append(_issue(TXT002, Verdict.WRONG, f"{names[0]}与{names[1]}是同一总数的两部分，占比 {a.text} + {b.text} = "
                             f"{like(total, values)}%，应为 100%", "100%", f"{like(total, values)}%", a.start, b.end))
    return issues


_SCORE_TOTAL = re.compile(r"(得分|共得|合计|小计|总分|计)[为是：:]?\s*$")
_SCORE_QIZHONG = re.compile(r"[，,]?\s*其中[：:，,]?")
_NOT_A_SCORE = re.compile(r"分值|权重|满分|扣")


def check_score_parts(text: str, qs: list[Quantity]) -> list[Issue]:
    """``产出指标合计得分48.70分，其中数量指标19.50分、质量指标14.20分、时效指标9.00分、成本指标5.00分``: a group's
    score is the sum of its children's (DOMAIN §3), judged when the children named are the whole group (数量、质量、
    时效、成本; 产出、效益、满意度; a part named 其他/其余) or when they add to more than the score."""
    issues = []
    for i, q in enumerate(qs):
        if q.unit != "分" or q.approx or not _SCORE_TOTAL.search(q.pre) or _NOT_A_SCORE.search(q.pre):
            continue
        m = _SCORE_QIZHONG.match(text, q.end)
        if not m:
            continue
        _s, s_end = _sentence_bounds(text, q.start)
        run: list[Quantity] = []
        prev = m.end()
        for p in qs[i + 1:i + 2 + WINDOW]:
            if p.start >= s_end or p.unit != "分" or p.approx or _NOT_A_SCORE.search(p.pre):
                break
            if re.search(r"[；;。（(]", text[prev:p.start]):
                break
            run.append(p)
            prev = p.end
        if len(run) < 2:
            continue
        values = [p.value for p in run]
        v, sm = sum_verdict(values, q.value, Kind.SCORE)
        if v == "ok" or not (_complete([p.label for p in run], "其中") or sm > q.value):
            continue
        issues.append(_issue(TXT001, v, f"{q.label or '得分'} {q.text} 与其中各项得分之和不符：{_plus(values)} = "
                             f"{like(sm, values)}", like(sm, values), num_text(q.value), q.start, run[-1].end))
    return issues


#: the classes of spending by its economic nature (政府支出经济分类, DOMAIN §6's 部门决算 tables)
_ECONOMIC = ECONOMIC_CLASSES
#: a whole narrower than the department's spending: a class's share of it says nothing of what the list adds up to
_NARROWER_SPENDING = re.compile(r"基本|项目|人员|公用|财政拨款|一般公共|政府性|三公|单位|专项")
_BY_ECONOMIC = re.compile(r"^(?:按|从)(?:支出)?经济分类(?:看|来看|划分|统计)?[，,：:]")


def check_economic_lists(text: str, qs: list[Quantity], others: "Wholes | None", taken: set[int]) -> list[Issue]:
    """``按经济分类，工资福利支出A万元，对个人和家庭的补助B万元，商品和服务支出C万元，占本年支出合计的x%，资本性支出D万元``: a
    sentence opened by 按经济分类 listing spending by its economic classes, one of them given as a share of a named
    whole, lists that whole's parts: they add up to the one figure the document gives under that name. A sum above it
    is wrong; a sum below it may leave a class out (对企业补助, 其他支出) and is reported only when one digit's slip
    explains it (:func:`_slipped`)."""
    if others is None:
        return []
    issues = []
    sents = sentences(text)
    keys = starts(qs)
    for s_start in [0] + [e + 1 for e in sents.ends]:
        m = _BY_ECONOMIC.match(text, s_start)
        s_end = sents.bounds(s_start)[1] if m else 0
        if m is None:
            continue
        inside = between(qs, m.end(), s_end, keys)
        parts = [q for q in inside if q.kind == "money"]
        shares = [q for q in inside if q.unit == "%"]
        if len(parts) < 3 or any(q.approx or q.start in taken or not q.comparable(parts[0]) for q in parts) \
                or any(sum(w in q.label for w in _ECONOMIC) != 1 for q in parts) \
                or len({next(w for w in _ECONOMIC if w in q.label) for q in parts}) != len(parts):
            continue
        named = {share_target(q) if "占" in q.pre else "" for q in shares}
        if len(named) != 1 or not next(iter(named)) or len(inside) != len(parts) + len(shares) \
                or _NARROWER_SPENDING.search(next(iter(named))):
            continue  # 占基本支出的x%: one class's share of a part, the list may be of all spending
        whole = document_whole(next(iter(named)), parts[0], others)
        if whole is None:
            continue
        values = [q.value_in(whole.unit) for q in parts]
        v, total = sum_verdict(values, whole.value, Kind.MONEY)
        slipped = _slipped(whole, values, total) if v == "error" and total < whole.value else None
        if v == "ok" or (total < whole.value and not slipped):
            continue
        issues.append(_issue(TXT001, v, f"{whole.label} {whole.text} 与按经济分类所列各项之和不符：{_plus(values)} = "
                             f"{like(total, values)}（差 {like(abs(total - whole.value), values)}"
                             f"{'；' + slipped if slipped else ''}）", like(total, values), num_text(whole.value),
                             parts[0].start, parts[-1].end))
    return issues


def _capped(r: Quantity, exact: Decimal | None, stem: str) -> bool:
    """A completion rate written as 100% for a target exceeded (完成22个，目标20个，完成率100%): the rate capped at
    100%, as scoring rules do, not a slip."""
    return exact is not None and r.value == 100 and exact > 100 and stem.endswith(("完成", "达成", "实现"))


def check_percent_completion(text: str, qs: list[Quantity], taken: set[int]) -> list[Issue]:
    """``年度目标90%，实际完成88.2%，完成率为98.20%``: an indicator measured in percent, its 完成率 is the actual ÷ the
    target (DOMAIN §2: 完成率 = 实际 ÷ 目标), not the actual itself. Judged when the rate's sentence gives, before it,
    exactly two percentages, the first named as the target (年度目标, 计划; 90%以上 is a target of 90%) and the second
    as what was reached (实际, 完成, 监测结果); not for a 反向 indicator or one to be kept under (控制在), whose
    completion reads the other way."""
    issues = []
    sents = sentences(text)
    for i, r in enumerate(qs):
        if r.unit != "%" or r.role != "rate" or r.approx or r.start in taken or rate_parts(r) != ("完成", ""):
            continue
        s_start, _s_end = sents.bounds(r.start)
        if re.search(r"反向|控制在|以内|以下|不高于|不超过", text[s_start:r.start]):
            continue
        before = [q for q in prior(qs, i, s_start) if q.kind != "score"]
        if len(before) != 2 or any(q.unit != "%" for q in before):
            continue
        target, actual = before
        # (年度目标为≥98%: the target named before its 为 and its sign)
        named = re.sub(r"(?:为|是|：|:)?\s*(?:[≥>＞]=?|不低于|不少于|达到)?$", "", target.label)
        if not _TARGETED.search(named) or actual.approx \
                or not re.search(r"^实际|^(?:已|累计)?完成|结果|达到$", _LEAD_TIME.sub("", actual.label)):
            continue
        if not target.value:
            continue
        # a target is set, not rounded: only the actual figure carries a rounding
        v, exact = ratio_verdict(actual.value, target.value, r.value, Kind.PERCENT, Kind.PERCENT, den_tol=Decimal(0))
        if v == "ok" or exact is None or _capped(r, exact, "完成"):
            continue
        issues.append(_issue(TXT005, v, f"完成率：{actual.label} {actual.text} ÷ {target.label} {target.text} = "
                             f"{pct_text(exact, r.value)}，文中写 {r.text}", pct_text(exact, r.value), r.text, r.start))
    return issues


def check_text(text: str, qs: list[Quantity] | None = None, others: list[Quantity] | None = None
               ) -> tuple[list[Issue], list[Quantity]]:
    """Every relation of one paragraph; returns the issues and the quantities read. ``others``: the quantities of
    the whole document, for a whole named in words but not given in this paragraph."""
    qs = extract(text) if qs is None else qs
    issues, groups = check_sums(text, qs, others)
    issues += check_shares(text, qs, groups, others)
    issues += check_named_respective(text, qs, others)
    issues += check_changes(text, qs, groups)
    issues += check_named_changes(text, qs, others, {i.location.offset for i in issues})
    issues += check_named_base_rates(text, qs, others, {i.location.offset for i in issues})
    carried, judged = check_carried_changes(text, qs, {i.location.offset for i in issues})
    issues = [i for i in issues if i.code != "TXT004" or i.location.offset not in judged] + carried
    issues += check_this_year_changes(text, qs, others if isinstance(others, Wholes) else None,
                                      {i.location.offset for i in issues})
    issues += check_rates(text, qs, groups)
    issues += check_restated(text, qs)
    issues += check_completion(text, qs, others if isinstance(others, Wholes) else None)
    issues += check_execution_stage(text, qs, {i.location.offset for i in issues})
    issues += check_budget_control(text, qs, {i.location.offset for i in issues})
    issues += check_line_execution(text, qs, {i.location.offset for i in issues},
                                   others if isinstance(others, Wholes) else None)
    issues += check_opened_lists(text, qs, {i.location.offset for i in issues})
    issues += check_staff_control(text, qs, {i.location.offset for i in issues},
                                  others if isinstance(others, Wholes) else None)
    issues += check_subject_changes(text, qs, {i.location.offset for i in issues},
                                    others if isinstance(others, Wholes) else None)
    issues += check_percent_of(text, qs, {i.location.offset for i in issues})
    issues += check_percent_completion(text, qs, {i.location.offset for i in issues})
    issues += check_economic_lists(text, qs, others if isinstance(others, Wholes) else None,
                                   {i.location.offset for i in issues})
    issues += check_enumerations(text)
    issues += check_score_lists(text, qs)
    issues += check_score_parts(text, qs)
    issues += check_share_pairs(text, qs)
    issues += check_list_shares(text, qs, others if isinstance(others, Wholes) else None,
                                {i.location.offset for i in issues})
    issues += check_grade_counts(text, qs, {i.location.offset for i in issues})
    issues += check_weighted_rates(text, qs, groups, {i.location.offset for i in issues})
    issues += check_own_level_units(text, {i.location.offset for i in issues})
    return issues, qs


#: the budget words ending a line's name (项目支出全年预算数 -> 项目支出)
_BUDGET_WORDS = re.compile(r"(?:全年|年初|调整后)?预算(?:数|额)?(?:为)?$")
#: 预算单位共10个，包括部门本级和8个所属二级单位: the department's own level is one unit beside those counted
_OWN_LEVEL_UNITS = re.compile(r"单位(?:共|总数为|共计|合计)(?:有)?(?P<n>\d{1,4})(?:个|家)[，,]?\s*(?:包括|包含|含|即|由)?(?:部门)?本级"
                              r"(?:机关)?(?:和|及|与|、|以及)(?:所属|下属)?(?P<m>\d{1,4})(?:个|家)")


def check_own_level_units(text: str, taken: set[int]) -> list[Issue]:
    """``纳入部门决算编制范围的预算单位共10个，包括部门本级和8个所属二级单位``: the department's own level (本级) is one
    unit, so the count is one more than the units counted beside it."""
    issues = []
    for m in _OWN_LEVEL_UNITS.finditer(text):
        n, k = int(m.group("n")), int(m.group("m"))
        if n != k + 1 and m.start("n") not in taken:
            issues.append(_issue(TXT001, Verdict.WRONG, f"部门本级1个与所属单位{k}个共 {k + 1}个，文中写 {n}个",
                                 f"{k + 1}个", f"{n}个", m.start("n"), m.end()))
    return issues


#: the name of an execution rate (执行率, 预算执行率, 完成率, 支出进度) right before its figure
_EXEC_RATE = re.compile(r"(?:预算)?(?:执行率|完成率|支出进度|执行进度)(?:为|达到?|是)?$")


def _own_rate(text: str, qs: list[Quantity], keys: list[int], q: Quantity, hi: int) -> Quantity | None:
    """The execution rate written right after ``q`` in its clause (…预算数53402.75万元，执行率98.94%), before ``hi``,
    no other figure between; None without one."""
    k = first_after(keys, q.end)
    if k >= len(qs) or qs[k].unit != "%" or qs[k].start >= hi or qs[k].approx:
        return None
    r = qs[k]
    if re.search(r"[；;。]", text[q.end:r.start]) or not _EXEC_RATE.search(text[q.end:r.start - len(r.text)].strip()
                                                                             + r.pre[-6:]):
        return None
    return r


def check_weighted_rates(text: str, qs: list[Quantity], groups: list[Group], taken: set[int]) -> list[Issue]:
    """``全年预算数B万元，全年执行数X万元，预算执行率R%。其中基本支出全年预算数b1万元，执行率r1%；项目支出全年预算数b2万元，
    执行率r2%``: the parts' budgets make the whole's, so what they spent makes what it spent (DOMAIN §2: 执行数 =
    预算数 × 执行率 for each line): b1 × r1 + b2 × r2 must be X (or B × R), within the rounding of the rates. When
    it is not, one of the parts' rates is wrong; the finding is placed at the last and says what it would be were the
    others right."""
    issues = []
    keys = starts(qs)
    for g in groups:
        if not g.ok or len(g.parts) < 2 or g.total.kind != "money" or any(p.approx for p in g.parts):
            continue
        if not all("预算" in FUND_NAMES.sub("", p.label) for p in g.parts + [g.total]):
            continue  # budgets each (全年预算数), not what was spent
        ends = [p.start for p in g.parts[1:]] + [_sentence_bounds(text, g.parts[-1].start)[1]]
        rates = [_own_rate(text, qs, keys, p, e) for p, e in zip(g.parts, ends)]
        if any(r is None for r in rates) or any(r.start in taken for r in rates):
            continue
        _t0, t_end = _sentence_bounds(text, g.total.start)
        after = [q for q in qs if g.total.end <= q.start < min(t_end, g.parts[0].start) and not q.approx]
        spent = next((q for q in after if _usable(q) and q.comparable(g.total) and re.search(r"执行|决算|支出|完成", q.label)
                      and "预算" not in FUND_NAMES.sub("", re.split(r"[，,；;]", q.label)[-1])), None)
        rate = next((q for q in after if q.unit == "%" and _EXEC_RATE.search(q.pre[-8:])), None)
        unit = g.total.unit
        budgets = [p.value_in(unit) for p in g.parts]
        halves = [half_unit(r.value, Kind.PERCENT) for r in rates]
        lo = sum((b * (r.value - h) for b, r, h in zip(budgets, rates, halves)), Decimal(0)) / 100
        hi = sum((b * (r.value + h) for b, r, h in zip(budgets, rates, halves)), Decimal(0)) / 100
        if spent is not None:
            x, dx = spent.value_in(unit), half_unit(spent.value_in(unit), Kind.MONEY)
        elif rate is not None:
            x = g.total.value * rate.value / 100
            dx = g.total.value * half_unit(rate.value, Kind.PERCENT) / 100
        else:
            continue
        if lo - dx <= x <= hi + dx:
            continue
        last, b_last = rates[-1], budgets[-1]
        rest = sum((b * r.value for b, r in zip(budgets[:-1], rates[:-1])), Decimal(0)) / 100
        if b_last <= 0:
            continue
        exact = (x - rest) / b_last * 100
        shown = pct_text(exact, last.value)
        whole = f"{spent.label} {spent.text}" if spent is not None else f"执行率 {rate.text}"
        issues.append(_issue(TXT005, Verdict.WRONG,
                             f"各项预算数按其执行率（{'、'.join(r.text for r in rates)}）计算的执行数之和与{whole}不符；"
                             f"若其他各项无误，{_BUDGET_WORDS.sub('', g.parts[-1].label) or '末项'}执行率应为 {shown}，"
                             f"文中写 {last.text}",
                             shown, last.text, last.start))
    return issues


#: a count of projects by the grade each was given (DOMAIN §3: 优 / 良 / 中 / 差): 2个项目评价等级为“优”
_GRADE_COUNT = re.compile(r"(?P<n>\d{1,3})\s*个(?:项目)?(?:的)?(?:评价|自评|绩效)?(?:等级|结果)?(?:为|是|评为|评定为|被评为)"
                          r"[“\"「]?(?P<g>优秀|良好|合格|不合格|优|良|中|差)|"
                          r"(?:评价|自评|绩效)?(?:等级|结果)?(?:为|是|评为|评定为|被评为)[“\"「]?(?P<g2>优秀|良好|合格|不合格|优|良|中|差)"
                          r"[”\"」]?(?:等级)?的(?:项目)?(?P<n2>\d{1,3})\s*个|"
                          r"(?<=个)[、，,][“\"「]?(?P<g3>优秀|良好|合格|不合格|优|良|中|差)[”\"」]?(?:等级)?的(?:项目)?(?P<n3>\d{1,3})\s*个")
# (the third form, 、良的2个, only after one of the first two: 评价等级为优的2个、良的2个、中的1个)
#: the count of projects evaluated, said before: 共涉及项目3个 / 共对17个项目开展绩效自评
_PROJECTS = re.compile(r"(?:共|涉及|对|开展|实施|完成)[^，,；;。\d]{0,12}$")


def check_grade_counts(text: str, qs: list[Quantity], taken: set[int]) -> list[Issue]:
    """``共涉及项目3个……自评结果显示，2个项目评价等级为“优”，2个项目评价等级为“良”``: the projects counted by their
    grades (each of a different grade) add up to the projects evaluated, the one count of projects said before them
    in the paragraph."""
    issues = []
    for s0, s1 in sentences(text).spans():
        found = list(_GRADE_COUNT.finditer(text, s0, s1))
        if found and found[0].group("g3"):
            continue
        grades = [(m.group("g") or m.group("g2") or m.group("g3"))[:1] for m in found]
        if len(found) < 2 or len(set(grades)) != len(grades) or s0 in taken:
            continue
        before = [q for q in qs if q.end <= found[0].start() and q.kind == "count" and q.unit == "个"
                  and not q.approx and (_PROJECTS.search(q.pre) and "项目" in text[q.end:q.end + 3]
                                        or re.search(r"项目$", q.pre))]
        if not before:
            continue
        total = before[-1]
        if total.start in taken or any(s0 <= t < s1 for t in taken):
            continue  # (the 其中 list said so already)
        counts = [m.group("n") or m.group("n2") or m.group("n3") for m in found]
        s = sum((Decimal(n) for n in counts), Decimal(0))
        if s != total.value:
            issues.append(_issue(TXT001, Verdict.WRONG, f"{total.text}项目按评价等级分列为 "
                                 f"{' + '.join(counts)} = {s}个，与所述 {total.text} 不符",
                                 f"{s}个", total.text, found[0].start(), found[-1].end()))
    return issues


def check_list_shares(text: str, qs: list[Quantity], others: "Wholes | None", taken: set[int]) -> list[Issue]:
    """``从支出结构看，A X万元，占P%；B Y万元；C Z万元``: a sentence that opens with its list of parts and names no whole
    for its shares; when the parts add up exactly to a figure the document states (the 一般公共预算财政拨款支出 the
    paragraph before gives), that is the whole each share is of."""
    if others is None:
        return []
    issues = []
    for s0, s1 in sentences(text).spans():
        here = [q for q in qs if s0 <= q.start < s1]
        parts = [q for q in here if q.kind == "money" and q.role == "level"]
        shares = [q for q in here if q.unit == "%" and q.role == "share" and not share_target(q)
                  and q.start not in taken]
        if len(parts) < 3 or not shares or here[0] is not parts[0] or any(q.approx for q in parts) \
                or any(q not in parts and q not in shares for q in here) or _GROUP.search(text, s0, s1) \
                or len({q.unit for q in parts}) != 1:
            continue
        total = sum((q.value for q in parts), Decimal(0))
        if (total, parts[0].unit) not in others.money_values():
            continue
        for r in shares:
            part = max((q for q in parts if q.end <= r.start), key=lambda q: q.start, default=None)
            if part is None or re.search(r"[；;。]", text[part.end:r.start]):
                continue
            v, exact = ratio_verdict(part.value, total, r.value, kind_of(part.kind))
            if v != "ok" and exact is not None:
                issues.append(_issue(TXT002, v, f"{part.label or '该项'} {part.text} 占所列各项之和 {num_text(total)}"
                                     f"{part.unit} 的比例为 {pct_text(exact, r.value)}，文中写 {r.text}",
                                     pct_text(exact, r.value), r.text, r.start))
    return issues
