"""Time ``jixiao check`` on a large department: 1,000 indicators and 500 budget lines.

The report is generated in memory as YAML text (consistent, so every rule runs its full comparison) and then
loaded with ``toolkit.loads`` and checked with ``toolkit.check``; load and check are timed separately.

    python bench/bench_check.py [--runs 5] [--indicators 1000] [--lines 500]
"""
from __future__ import annotations

import argparse
import statistics
import time
from decimal import Decimal

from toolkit import check, loads


def generate(indicators: int = 1000, lines: int = 500) -> str:
    """YAML text of a consistent report with ``indicators`` 三级指标 and ``lines`` budget lines."""
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
    for g1 in range(groups1):
        out += [f"    - name: 一级{g1}", f"      weight: {w * per_group * groups2}", "      children:"]
        for g2 in range(groups2):
            out += [f"        - name: 二级{g1}-{g2}", f"          weight: {w * per_group}", "          indicators:"]
            out += [f"            - {{name: 指标{g1}-{g2}-{i}, target: ≥90%, actual: 95%, weight: {w}, score: {w}}}"
                    for i in range(per_group)]
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
    args = ap.parse_args()
    text = generate(args.indicators, args.lines)
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
    print(f"report: {n_ind} indicators, {args.lines} budget lines, {len(text.splitlines())} YAML lines; "
          f"{len(result.findings)} findings; {args.runs} runs")
    print(f"{'phase':<8}{'min ms':>10}{'median ms':>12}{'max ms':>10}")
    for name, ts in (("load", loads_t), ("check", check_t)):
        print(f"{name:<8}{min(ts) * 1000:>10.1f}{statistics.median(ts) * 1000:>12.1f}{max(ts) * 1000:>10.1f}")
    for f in result.findings[:5]:
        print(f.text())


if __name__ == "__main__":
    main()
