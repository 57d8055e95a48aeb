"""Large 决算 ledger tables (DOMAIN.md section 8) for timing ``jixiao lint`` on hostile sizes.

    python bench/ledger_tables.py OUTDIR [--rows 300,1000] [--slips 3]

A table of ``rows`` subject rows nesting by functional code — 类 (3 digits) ⊃ 款 (5) ⊃ 项 (7) — with the columns
合计 | 基本支出 | 项目支出 (``layout="first"``: the 合计 column first and the 合计 row above the codes, as the standard
tables print them), 基本支出 | 项目支出 | 合计 with the 合计 row closing the table (``"last"``), or one column of
amounts (``"single"``: no row sums, only the long sums down the codes). Every
identity holds, then ``slips`` cells of 项 rows have two adjacent digits swapped (a typist's slip): each breaks its
row's 合计 and its 款's sum. Written as .docx (a Word table) and .txt (Word's text export: a row a line, cells
separated by tabs). Deterministic for a given seed.
"""
from __future__ import annotations

import argparse
import random
import sys
from decimal import Decimal
from pathlib import Path

_NAMES = ["行政运行", "一般行政管理事务", "机关服务", "事业运行", "专项业务", "信息化建设", "其他支出", "培训支出",
          "监督检查", "规划管理", "设施维护", "统计调查"]
_KINDS = ["一般公共服务支出", "教育支出", "科学技术支出", "社会保障和就业支出", "卫生健康支出", "节能环保支出",
          "城乡社区支出", "农林水支出", "交通运输支出", "住房保障支出", "其他支出"]


def _money(rng: random.Random) -> Decimal:
    return Decimal(rng.randint(100, 999_999)) / 100


def _swap(text: str, rng: random.Random) -> str:
    """Two adjacent different digits of ``text`` swapped."""
    spots = [k for k in range(len(text) - 1) if text[k].isdigit() and text[k + 1].isdigit() and text[k] != text[k + 1]
             and not (k == 0 and text[1] == "0")]
    if not spots:
        return text
    k = rng.choice(spots)
    return text[:k] + text[k + 1] + text[k] + text[k + 2:]


def ledger(rows: int, *, layout: str = "first", slips: int = 3, seed: int = 1, levels: tuple[int, ...] = (7,),
           fan: tuple[int, int] = (4, 3)) -> tuple[list[list[str]], list]:
    """(table rows as text, the slipped cells as (row, col, written, right)). ``rows`` counts the coded rows;
    ``levels``: the code lengths whose rows may slip (7: 项 only; (3, 5, 7): 类 and 款 too, whose slips also break
    the sums over them); ``fan``: 款 a 类 and 项 a 款 (a wide fan makes long sums: (2, 60) is a 类 of two 款 of
    60 项 each)."""
    rng = random.Random(seed)
    coded: list[tuple[str, str, Decimal, Decimal]] = []  # code, name, 基本, 项目
    k = 0
    while len(coded) < rows:
        lei = f"{201 + k}"
        kind = _KINDS[k % len(_KINDS)] if k < len(_KINDS) else f"{_KINDS[k % len(_KINDS)][:-2]}{k}支出"
        block: list[tuple[str, str, Decimal, Decimal]] = []
        lei_sum = [Decimal(0), Decimal(0)]
        kuans = []
        for j in range(fan[0]):
            kuan = f"{lei}{j + 1:02d}"
            items = []
            for i in range(fan[1]):
                basic = _money(rng) if rng.random() < 0.7 else Decimal("0.00")
                project = _money(rng) if rng.random() < 0.6 else Decimal("0.00")
                items.append((f"{kuan}{i + 1:02d}", _NAMES[(i + j) % len(_NAMES)] + (f"{i + 1}" if i >= len(_NAMES) else ""), basic, project))
            b = sum((x[2] for x in items), Decimal(0))
            p = sum((x[3] for x in items), Decimal(0))
            kuans.append(((kuan, f"{kind[:-2]}事务{j + 1}", b, p), items))
            lei_sum[0] += b
            lei_sum[1] += p
        block.append((lei, kind, lei_sum[0], lei_sum[1]))
        for head, items in kuans:
            block.append(head)
            block += items
        coded += block
        k += 1
    coded = coded[:rows]
    # a cut 类 / 款 must still be the sum of what is left under it: recompute from the leaves up
    coded = _resum(coded)
    total_b = sum((x[2] for x in coded if len(x[0]) == 3), Decimal(0))
    total_p = sum((x[3] for x in coded if len(x[0]) == 3), Decimal(0))

    total_first = layout != "last"

    def line(code: str, name: str, b: Decimal, p: Decimal) -> list[str]:
        if layout == "single":
            return [code, name, f"{b:.2f}"]
        cells = [f"{b + p:.2f}", f"{b:.2f}", f"{p:.2f}"] if total_first else [f"{b:.2f}", f"{p:.2f}", f"{b + p:.2f}"]
        return [code, name] + cells

    head = ["科目编码", "科目名称"] + {"first": ["合计", "基本支出", "项目支出"], "last": ["基本支出", "项目支出", "合计"],
                                     "single": ["决算数"]}[layout]
    total = ["", "合计"] + line("", "", total_b, total_p)[2:]
    out = [head] + ([total] if total_first else []) + [line(*x) for x in coded] + ([] if total_first else [total])
    # slips: a 基本支出 or 项目支出 cell of a row of ``levels``, digits swapped
    part_cols = {"first": [3, 4], "last": [2, 3], "single": [2, 2]}[layout]
    leaves = [r for r, row in enumerate(out) if row[0] and len(row[0]) in levels]
    slipped = []
    for r in rng.sample(leaves, min(slips, len(leaves))):
        c = rng.choice(part_cols)
        right = out[r][c]
        if Decimal(right) == 0:
            c = part_cols[0] if c == part_cols[1] else part_cols[1]
            right = out[r][c]
        wrong = _swap(right, rng)
        if wrong != right:
            out[r][c] = wrong
            slipped.append((r, c, wrong, right))
    return out, slipped


def _resum(coded: list[tuple[str, str, Decimal, Decimal]]) -> list[tuple[str, str, Decimal, Decimal]]:
    out = list(coded)
    for length in (5, 3):
        for r, (code, name, _b, _p) in enumerate(out):
            if len(code) != length:
                continue
            kids = [x for x in out if len(x[0]) == length + 2 and x[0].startswith(code)]
            if kids:
                out[r] = (code, name, sum((x[2] for x in kids), Decimal(0)), sum((x[3] for x in kids), Decimal(0)))
    return out


_TITLE = "2024年度一般公共预算财政拨款支出决算表"


def write_txt(rows: list[list[str]], path: Path) -> Path:
    lines = ["表1 " + _TITLE, "单位：万元"] + ["\t".join(r) for r in rows] + [""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def write_docx(rows: list[list[str]], path: Path) -> Path:
    import docx

    doc = docx.Document()
    doc.add_paragraph("表1 " + _TITLE)
    doc.add_paragraph("单位：万元")
    width = max(len(r) for r in rows)
    t = doc.add_table(rows=len(rows), cols=width)
    t.style = "Table Grid"
    # python-docx's cell access is quadratic in the table; write through the XML rows once
    for tr, row in zip(t.rows, rows):
        for cell, text in zip(tr.cells, row):
            cell.text = text
    doc.save(path)
    return path


def write_all(out: Path, sizes: list[int], slips: int = 3) -> list[tuple[str, Path, list]]:
    """Every case: (name, path, slipped cells) for each size, layout (合计 first / last) and format."""
    cases = []
    for n in sizes:
        for layout in ("first", "last"):
            rows, slipped = ledger(n, layout=layout, slips=slips, seed=n)
            tag = f"ledger-{n}-{layout}"
            cases.append((tag + ".txt", write_txt(rows, out / (tag + ".txt")), slipped))
            cases.append((tag + ".docx", write_docx(rows, out / (tag + ".docx")), slipped))
    return cases


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--rows", default="300,1000")
    ap.add_argument("--slips", type=int, default=3)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for name, path, slipped in write_all(args.out, [int(x) for x in args.rows.split(",")], args.slips):
        print(name, path, slipped, file=sys.stdout)


if __name__ == "__main__":
    main()
