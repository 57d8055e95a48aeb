"""jixiao lint on the three seed reports (every arithmetic mistake of DOMAIN.md section 6 in their text is found,
no true statement is flagged), on synthetic cases of every relation, on .docx / .md / .txt input and bad input."""
from __future__ import annotations

import json
import re
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from toolkit import lint
from toolkit.cli import app
from toolkit.errors import InputError
from toolkit.claims import check_paragraphs
from toolkit.claims.cnnum import cn_to_int
from toolkit.rules import catalogue

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
FIXTURES = ROOT / "tests" / "fixtures" / "claims"


def seed(name: str) -> Path:
    [path] = sorted(SEEDS.glob(f"{name}_*.txt"))
    return path


def codes(text: str) -> list[str]:
    return [i.code for _k, i in check_paragraphs([text])]


# ---------------------------------------------------------------------------------------------------------------
# The seeds: every mistake found, nothing else

def test_seed_002_mistakes_found():
    result = lint(seed("002"))
    got = {(f.code, f.severity, f.found, f.expected) for f in result.findings}
    assert got == {
        ("TXT010", "error", "98", "99"),  # 自评分98分 vs 自评表 total 99
        ("TXT001", "warning", "507.79", "507.80"),  # 人员经费 420.39 + 公用经费 87.41
        ("TBL001", "error", "707.74", "642.28"),  # 2021 支出总额 vs 529.72 + 112.56
        ("TBL005", "error", "100%", "93.94%"),  # 控制率 100% with 31 of 33
        ("TXT011", "warning", "（二）", "（2）"),  # "（1）" then "（二）" in 七、存在的问题及原因分析
    }
    by_code = {f.code: f for f in result.findings}
    assert by_code["TXT010"].where == "第44段" and "自评分98分" in by_code["TXT010"].quote
    assert by_code["TBL001"].where == "表1 第4行 第2列"
    assert "可能为四舍五入误差" in by_code["TXT001"].message
    assert result.exit_code() == 1


def test_seed_000_disproportionate_scores_warned():
    result = lint(seed("000"))
    assert {(f.code, f.severity, f.found) for f in result.findings if f.code != "TXT011"} == {
        ("TXT008", "warning", "8.95"), ("TXT008", "warning", "9.69")}
    assert result.errors == 0


def test_seed_000_mixed_heading_styles():
    # "1、 基本情况" ... "二、" ... "四、" then "5、 存在的问题和建议"; "（一）" then "（2） 预算及支出情况"
    got = [(f.where, f.found) for f in lint(seed("000")).findings if f.code == "TXT011"]
    assert got == [("第22段", "（2）"), ("第24段", "二、"), ("第88段", "5、")]


def test_seed_003_has_no_arithmetic_mistake_but_mixed_headings():
    findings = lint(seed("003")).findings
    assert [f for f in findings if f.code != "TXT011"] == []
    # "三、" then "4、 5、 6、 7、" then "八、"
    assert [(f.found, f.expected, f.severity) for f in findings] == [
        ("4、", "四、", "warning"), ("5、", "五、", "warning"), ("6、", "六、", "warning"), ("7、", "七、", "warning")]


#: true statements copied from the seeds; each is checked by some relation and none may be flagged
TRUE_STATEMENTS = [
    # seed 000
    "我单位2021年财政拨款收入共计12829.26万元，其中，一般公共预算财政拨款收入11168.74万元，政府性基金预算财政拨款收入"
    "1259.25万元，上年结转收入401.27万元；截止2021年12月31日，我单位共计支出12829.26万元，其中：基本支出984.12万元，"
    "项目支出11821.33万元，结余资金23.81万元。",
    "内设7个科室分别为办公室、经济运行科、规划投资科、信息化科、安全监察和能源科、科技教育科、政策法规科（行政审批科）。",
    "培育重庆市“专精特新”企业13家、工信部“小巨人”企业1家，累计分别达到50家、8家。",
    "本次绩效评价综合得分93.39分，绩效评价等级为“优”。",
    # seed 002
    "我局2022年一般公共预算财政拨款收入3345.5万元，其他收入6.73万元，全年一般公共预算收入总计3352.23万元。2022年一般公共"
    "预算支出3352.23万元，其中基本支出507.79万元，占15.15%，项目支出2844.44万元，占84.85%。",
    "区工信局为独立核算、财政预算一级拨款单位，内设科室6个：办公室（人事股、审计股、老干股）、投资股（推进新型工业化办公室园区办公室）、"
    "民营经济服务股、经济运行股（节能与综合利用股）、信息化股（电子通信股、工业互联网与数字产业股）、综合股（企改办、信访股、墙改办、法规股）。",
    "资阳区工业和信息化局机关行政编制11个，事业编制5人，工勤编制5人。实有在编人数31人，退休人员75人，共计106人。",
    "共有区级重点调度工业建设项目27个，计划总投资86.45亿元，其中新建项目14个，续建项目13个，投资过亿元项目21个。",
    "共收集企业问题825个，解决问题782个，问题解决率达94.8%。",
    "派出专业骨干专班协调3、12号地拆迁工作，完成32户拆迁任务，完成率达71.1%。",
    "宇晶机器、鸿源稀土、维胜科技、明正宏等4家重点企业产值增速在40%以上，其中宇晶机器产值增速达106.7%。",
    "今年新培育国家级专精特新“小巨人”企业2家（明正宏、诺泽生物）、省级专精特新“小巨人”企业4家（维胜科技、科鑫泰、凯清环保、银城湘味）。",
    "引进总投资达25亿元的金康电子二期、高登电子、群展电子、星之源电子等在建项目12个。",
    "2022年预算绩效自评分98分，等级为“优秀”。",
    # seed 003
    "永州市冷水滩区科技和工业信息化局内设机构有办公室、政工室、经济运行室、能源运行室、交通运输协调股、中小企业服务中心、科技股、"
    "电子信息产业和信息化推进股、工业技术改造股、科技成果与技术市场股等10个；本单位2021年未实有人数33人。",
    "基本支出405.84万元，比上年减少6.03万元，其中：人员经费350.867万元，比上年减少44万元，减少11.14%,变化的主要原因是2021年"
    "进行了工资及其他缴费调整；公用经费54.976万元，比上年增加37.976万元，上涨223.39%，主要原因是公用经费标准提高。",
    "全年项目支出4880.96万元，比上年增加3534.53万元，增长262.51%，主要是增加了以下项目支出：",
    "列入省市重大产品创新项目5个，其中捷力泰列入省重大产品创新项目，项目计划总投资11.32亿元，年度计划投资4.785亿元，"
    "累计完成投资9.41亿元，完成年度计划的196.7%。列入市“5个10”考核的重大科技创新项目共3个，分别是诚惠智能、捷力泰、和广生物，"
    "项目总投资2.6亿元，2021年计划投资1.3亿元，累计完成投资1.749亿元，完成年度计划的134.5%。",
    "从高校、区直单位、企业选派科技特派员83名，组建成11个小分队，对口指导11个乡镇174个行政村，覆盖率达到100%。",
    "2021年度绩效自评得分为：85分。绩效等级：良好。",
]


@pytest.mark.parametrize("text", TRUE_STATEMENTS, ids=range(len(TRUE_STATEMENTS)))
def test_true_statement_not_flagged(text):
    assert codes(text) == []


# ---------------------------------------------------------------------------------------------------------------
# Synthetic cases: one wrong and one right sentence per relation

WRONG = [
    ("TXT001", "支出合计100.00万元，其中基本支出40.00万元，项目支出50.00万元。"),
    ("TXT001", "共设置绩效目标15个，其中产出指标8个，效益指标5个，满意度指标3个。"),
    ("TXT001", "一般公共预算拨款收入3345.5万元，其他收入6.73万元，收入总计3362.23万元。"),
    ("TXT002", "支出3352.23万元，其中基本支出507.79万元，占16.15%，项目支出2844.44万元，占83.85%。"),
    ("TXT003", "支出合计3.00万元，其中A支出1.00万元，占33.33%，B支出1.00万元，占33.33%，C支出1.00万元，占33.33%，其余为0。"),
    ("TXT004", "人员经费350.867万元，比上年减少44万元，减少12.14%。"),
    ("TXT005", "年度计划投资4.785亿元，累计完成投资9.41亿元，完成年度计划的186.7%。"),
    ("TXT005", "编制数33人，实有人数31人，在职人员控制率100%。"),
    ("TXT006", "内设机构有十个：办公室、政工室、经济运行室。"),
    ("TXT006", "办公室、政工室、经济运行室等2个科室。"),
    ("TXT008", "该指标分值10分，实际得分12分。"),
    ("TXT009", "绩效自评得分为：85分。绩效等级：优秀。"),
]
RIGHT = [
    "支出合计100.00万元，其中基本支出50.00万元，项目支出50.00万元。",
    "支出合计100.00万元，其中工资福利支出60.00万元，商品和服务支出30.00万元。",  # 其中 may list only some parts
    "共设置绩效目标15个，其中产出指标8个，效益指标5个，满意度指标2个。",
    "营业收入12亿元，其中A产品8000万元，B产品4000万元。",  # other units are not added up
    "人员经费350.867万元，比上年减少44万元，减少11.14%。",
    "编制数33人，实有人数33人，在职人员控制率100%。",
    "内设机构有十个：一室、二室、三室、四室、五室、六室、七室、八室、九室、十室。",
    "主要包括办公室、政工室等5个科室。",
    "该指标分值10分，完成率90%，该指标得分为9分。",
    "区域规模以上工业企业达192家，其中区属103家。",
    "全年服务企业约600家，其中重点企业约200家，一般企业300家。",
]


def test_truncated_shares_are_warnings_as_in_check():
    text = "支出3352.23万元，其中基本支出507.79万元，占15.1%，项目支出2844.44万元，占84.8%。"  # 15.147 %, 84.853 %
    found = [(i.code, i.severity, i.found, i.message.endswith("（疑为截断而非四舍五入）"))
             for _k, i in check_paragraphs([text])]
    assert found == [("TXT002", "warning", "84.8%", True)]  # 15.1 % is 15.147 % rounded to one place


@pytest.mark.parametrize("code,text", WRONG, ids=[c for c, _t in WRONG])
def test_wrong_statement_flagged(code, text):
    assert code in codes(text)


@pytest.mark.parametrize("text", RIGHT, ids=range(len(RIGHT)))
def test_right_statement_not_flagged(text):
    assert codes(text) == []


def test_rounding_is_a_warning():
    [(k, issue)] = check_paragraphs(["基本支出507.79万元，其中人员经费420.39万元，公用经费87.41万元。"])
    assert issue.code == "TXT001" and issue.severity == "warning" and "可能为四舍五入误差" in issue.message


def test_chinese_numerals():
    assert [cn_to_int(x) for x in ("十", "十四", "二十一", "一百零五", "两", "三千零二")] == [10, 14, 21, 105, 2, 3002]
    assert cn_to_int("十九大") is None


# ---------------------------------------------------------------------------------------------------------------
# Fixture files: each marked line found, clean twin silent

def test_markdown_fixture_every_relation():
    result = lint(FIXTURES / "relations.md")
    lines = (FIXTURES / "relations.md").read_text(encoding="utf-8").splitlines()
    got = {(f.code, f.line) for f in result.findings}
    assert {c for c, _l in got} >= {"TXT001", "TXT002", "TXT003", "TXT004", "TXT005", "TXT006", "TXT009", "TBL001"}
    for code, line in got:
        assert re.search(r"\d", lines[line - 1]), (code, line)
    assert lint(FIXTURES / "relations_clean.md").findings == []


def _docx(path: Path, paragraphs: list[str], rows: list[list[str]]) -> Path:
    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    t = d.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    d.add_paragraph("以上为自评表。")
    d.save(path)
    return path


def test_docx_paragraphs_and_score_table(tmp_path):
    rows = [["一级指标", "三级指标", "分值", "得分"],
            ["产出指标（60分）", "数量", "30", "30"],
            ["", "质量", "30", "28"],
            ["效益指标（40分）", "满意度", "40", "41"],
            ["总分", "", "100", "99"]]
    path = _docx(tmp_path / "r.docx", ["测试局2022年度部门整体支出绩效自评报告",
                                       "支出合计100.00万元，其中基本支出40.00万元，项目支出50.00万元。",
                                       "2022年预算绩效自评分97分，等级为“优秀”。"], rows)
    result = lint(path)
    got = {(f.code, f.where) for f in result.findings}
    assert ("TXT001", "第2段") in got
    assert ("TBL004", "表1 第4行") in got  # 41 > 40
    assert not any(code == "TBL002" for code, _w in got)  # 总分 99 = 30 + 28 + 41
    assert ("TXT010", "第3段") in got  # 97 vs 99


def test_docx_merged_cells_read_once(tmp_path):
    d = docx.Document()
    t = d.add_table(rows=3, cols=3)
    t.cell(0, 0).text, t.cell(0, 1).text, t.cell(0, 2).text = "项目", "分值", "得分"
    a = t.cell(1, 0).merge(t.cell(2, 0))
    a.text = "产出"
    t.cell(1, 1).text, t.cell(1, 2).text = "5", "5"
    t.cell(2, 1).text, t.cell(2, 2).text = "5", "4"
    d.save(tmp_path / "m.docx")
    from toolkit.claims.document import read

    [table] = read(tmp_path / "m.docx").tables
    assert table.rows == [["项目", "分值", "得分"], ["产出", "5", "5"], ["", "5", "4"]]


# ---------------------------------------------------------------------------------------------------------------
# Input

@pytest.mark.parametrize("name,content,message", [
    ("missing.txt", None, "文件不存在"),
    ("report.doc", b"\xd0\xcf\x11\xe0", "不支持的文件类型"),
    ("report.pdf", b"%PDF-1.4", "无法打开 PDF"),
    ("broken.docx", b"not a zip", "无法打开 .docx"),
    ("latin.txt", bytes(range(0x80, 0x100)) * 4, "无法识别文件编码"),
])
def test_bad_input_is_a_chinese_input_error(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputError) as exc:
        lint(path)
    assert message in str(exc.value) and name in str(exc.value)


def test_gbk_and_bom_text(tmp_path):
    text = "支出合计100.00万元，其中基本支出40.00万元，项目支出50.00万元。\n"
    (tmp_path / "gbk.txt").write_bytes(text.encode("gbk"))
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    for name in ("gbk.txt", "bom.txt"):
        [f] = lint(tmp_path / name).findings
        assert (f.code, f.line, f.where) == ("TXT001", 1, "第1段")


def test_cli_json_has_quote_and_exit_codes(tmp_path):
    runner = CliRunner()
    res = runner.invoke(app, ["lint", "--format", "json", str(FIXTURES / "relations.md")])
    assert res.exit_code == 1
    data = json.loads(res.stdout)
    first = data["findings"][0]
    assert {"code", "severity", "message", "line", "expected", "found", "quote", "where"} <= set(first)
    assert first["quote"] and first["where"].startswith("第")
    assert runner.invoke(app, ["lint", str(FIXTURES / "relations_clean.md")]).exit_code == 0
    res = runner.invoke(app, ["lint", str(tmp_path / "none.docx")])
    assert res.exit_code == 2 and "文件不存在" in res.output


def test_every_lint_rule_documented():
    CATALOGUE = catalogue()
    lint_codes = [c for c, r in CATALOGUE.items() if r.family == "lint"]
    assert len(lint_codes) >= 15
    for c in lint_codes:
        rule = CATALOGUE[c]
        assert re.search(r"[\u4e00-\u9fff]", rule.title) and len(rule.explanation) > 20 and f" {c}" in rule.example


def test_total_score_against_indicator_scores_stated_twice():
    sections = []
    for n, (w, s) in enumerate([(40, "40"), (30, "28.5"), (30, "30")], 1):
        sections += [f"{n}.指标{n}（{w}分）", f"指标{n}指标分值{w}分，实际得分{s}分。", f"经调研，该指标绩效评价得分为{s}分。"]
    ok = check_paragraphs(sections + ["本次绩效评价综合得分98.5分，绩效评价等级为“优”。"])
    assert [i.code for _k, i in ok] == []
    wrong = check_paragraphs(sections + ["本次绩效评价综合得分99.5分，绩效评价等级为“优”。"])
    assert [(i.code, i.expected, i.found) for _k, i in wrong] == [("TXT007", "98.5", "99.5")]


def test_indicator_heading_with_its_weight_and_score_is_not_a_total():
    # an indicator name holding 综合 ("畜禽粪污综合利用率") must not make its score a total-score claim
    texts = ["14.畜禽粪污综合利用率（分值5分，得分4.88分）",
             "畜禽粪污综合利用率指标分值5分，实际得分4.88分。根据评价标准，该指标得97.6%权重分。"]
    assert [i.code for _k, i in check_paragraphs(texts)] == []
    assert codes("本次绩效评价综合得分93.39分，绩效评价等级为“优”。") == []
