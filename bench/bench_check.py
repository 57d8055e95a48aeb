"""Time ``jixiao check`` on a large department: 1,000 indicators and 500 budget lines.

The report is generated in memory as YAML text (consistent, so every rule runs its full comparison) and then
loaded with ``toolkit.loads`` and checked with ``toolkit.check``; load and check are timed separately.

    python bench/bench_check.py [--runs 5] [--indicators 1000] [--lines 500] [--narratives 250]
"""
from __future__ import annotations

import argparse
import statistics
import time
from decimal import Decimal

from toolkit import check, loads


# Phrases of the indicator texts of published reports (璧山区 2021): the texts of a generated report share most of
# their words, as real ones do, so NAR006 compares texts that are alike without being copies.
_WORKS = ["组织实施了相关补助发放的工作", "通过QQ群、微信群发布各种惠企政策", "根据区财政的要求完成了绩效管理的相关工作",
          "严格按照区财政局的要求在规定时间内完成了预决算公开工作", "加强安全检查，确保工业企业的安全生产",
          "组织清华班培训工作", "开展了满意度调查", "按时发放代管人员养老资金", "推进技改扩能项目核查",
          "指导督促区内重点企业落实环境保护主体责任", "开展清洁化诊断", "培育专精特新中小企业"]
_DETAILS = ["包括年初绩效目标、运行监控、绩效自评", "解答企业关心和有疑问的各种问题", "累计检查企业{n}家，排查隐患{m}处",
            "本期共招收学员{n}人", "全年服务企业约{n}家", "除个别月份因资金下达延迟外均按时完成", "共计获得{m}万元的资金支持"]


def narrative_text(k: int, name: str, score: Decimal) -> str:
    """The text of the ``k``-th indicator that has one: every 25th a copy of the previous text (NAR006), the
    others built from shared phrases with their own figures."""
    works, details = len(_WORKS), len(_DETAILS)
    first, second = _WORKS[k % works], _WORKS[(k // (works * details) + k + 1) % works]
    detail = _DETAILS[(k // works) % details].format(n=10 + k, m=3 * k + 1)
    return f"2023年度，我单位{first}，{detail}，并{second}，工作按期完成，{name}任务完成，该指标绩效评价得分为{score}分。"


def generate(indicators: int = 1000, lines: int = 500, narratives: int = 0) -> str:
    """YAML text of a consistent report with ``indicators`` 三级指标 and ``lines`` budget lines; ``narratives`` of
    the indicators (spread evenly) carry a text (see :func:`narrative_text`)."""
    out = ["year: 2023", "unit:", "  name: 基准测试局", "  departments: [办公室, 财务科]", "  departments_count: 2",
           "  staffing:", "    authorized: {administrative: 40, institutional: 10, total: 50}",
           "    actual: {total: 45}", "    retired: 20", "    total: 65", "    control_rate: 90%", "budget:"]
    n_proj, n_func = lines * 4 // 5, lines // 10
    n_econ = lines - n_proj - n_func
    proj = [Decimal(100 + i) + Decimal("0.25") for i in range(n_proj)]
    project = sum(proj)
    basic = Decimal("1234.56")
    total = project + basic
    out += ["  income:", "    label: 收入合计", f"    amount: {total}", "    items:",
            f"      - {{label: 一般公共预算财政拨款收入, amount: {total - 100}, share: {100 * (total - 100) / total:.2f}}}",
            f"      - {{label: 其他收入, amount: 100.00, share: {100 * 100 / total:.2f}}}",
            "  expenditure:", f"    amount: {total}", f"    previous: {total - 1000}", "    change: 1000.00",
            f"    change_rate: {100000 / (total - 1000):.2f}",
            f"    basic: {{amount: {basic}, personnel: {{amount: 1000.00}}, public: {{amount: 234.56}}}}",
            "    project:", f"      amount: {project}", "      items:"]
    out += [f"        - {{label: 项目{i}, amount: {a}, previous: {a - 10}, initial_budget: {a - 5}, adjustment: 5,"
            f" full_budget: {a}, execution_rate: 100%, change: 10.00}}" for i, a in enumerate(proj)]
    for key, n in (("by_function", n_func), ("by_economic", n_econ)):
        each = (total / n).quantize(Decimal("0.01"))
        amounts = [each] * (n - 1) + [total - each * (n - 1)]
        out.append(f"    {key}:")
        out += [f"      - {{label: 类{i}, amount: {a}}}" for i, a in enumerate(amounts)]
    per_group, groups1, groups2 = indicators // 20, 5, 4
    w = Decimal(90) / indicators
    out += ["indicators:", "  execution: {weight: 10, score: 10}", "  groups:"]
    texts, previous = 0, ""
    for g1 in range(groups1):
        out += [f"    - name: 一级{g1}", f"      weight: {w * per_group * groups2}", "      children:"]
        for g2 in range(groups2):
            out += [f"        - name: 二级{g1}-{g2}", f"          weight: {w * per_group}", "          indicators:"]
            for i in range(per_group):
                n = (g1 * groups2 + g2) * per_group + i
                item = f"            - {{name: 指标{g1}-{g2}-{i}, target: ≥90%, actual: 95%, weight: {w}, score: {w}"
                if narratives and n % max(1, indicators // narratives) == 0 and texts < narratives:
                    text = previous if texts % 25 == 24 else narrative_text(texts, f"指标{g1}-{g2}-{i}", w)
                    item += f", narrative: \"{text}\""
                    previous, texts = text, texts + 1
                out.append(item + "}")
    out += ["  total_weight: 100", "  total_score: 100", "  grade: 优",
            "evaluation:", "  group_established: 2024-03-01",
            "  phases:", "    - {name: 准备阶段, start: 2024-03-02, end: 2024-03-05}",
            "    - {name: 实施阶段, start: 2024-03-06, end: 2024-03-20}", "  date: 2024-03-25"]
    return "\n".join(out) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--indicators", type=int, default=1000)
    ap.add_argument("--lines", type=int, default=500)
    ap.add_argument("--narratives", type=int, default=250, help="indicators that carry a text (NAR006 compares them)")
    args = ap.parse_args()
    text = generate(args.indicators, args.lines, args.narratives)
    loads_t, check_t = [], []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        loaded = loads(text, "bench.yaml")
        t1 = time.perf_counter()
        result = check(loaded)
        t2 = time.perf_counter()
        loads_t.append(t1 - t0)
        check_t.append(t2 - t1)
    n_ind = sum(1 for _ in loaded.report.indicators.all_indicators())
    print(f"report: {n_ind} indicators ({args.narratives} with a text), {args.lines} budget lines, {len(text.splitlines())} YAML lines; "
          f"{len(result.findings)} findings; {args.runs} runs")
    print(f"{'phase':<8}{'min ms':>10}{'median ms':>12}{'max ms':>10}")
    for name, ts in (("load", loads_t), ("check", check_t)):
        print(f"{name:<8}{min(ts) * 1000:>10.1f}{statistics.median(ts) * 1000:>12.1f}{max(ts) * 1000:>10.1f}")
    for f in result.findings[:5]:
        print(f.text())


if __name__ == "__main__":
    main()
