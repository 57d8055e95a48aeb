"""NAR006's copy finder gives the answer of the pairwise difflib loop it replaced, pair for pair and ratio for ratio.

The reference is the loop NAR006 ran before (``pairwise_copies``: every pair, ``SequenceMatcher`` filtered by its
two quick ratios); :func:`toolkit.checks.similarity.first_copies` must agree with it on the indicator texts of every real
report and fixture, on the generated 1,000-indicator department of ``bench/bench_check.py`` and on generated texts
made to sit around the threshold (copies with a few characters changed, shuffled, cut or padded).
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit import load, loads
from toolkit.checks.narrative import _plain
from toolkit.checks.similarity import first_copies, pairwise_copies as pairwise
from toolkit.errors import JixiaoError

ROOT = Path(__file__).resolve().parents[2]


def indicator_texts(report) -> list[str]:
    return [_plain(i.narrative) for _a, _b, i in report.indicators.all_indicators() if i.narrative and i.narrative.strip()]


def real_reports() -> list[Path]:
    return sorted((ROOT / "examples").glob("*.yaml")) + sorted((ROOT / "tests" / "fixtures").rglob("*.yaml"))


def test_same_answer_on_every_real_report():
    compared, found = 0, 0
    for path in real_reports():
        try:
            texts = indicator_texts(load(path).report)
        except JixiaoError:
            continue  # a fixture of bad input
        want = pairwise(texts)
        assert first_copies(texts) == want, path
        compared += len(texts) > 1
        found += len(want)
    assert compared >= 5 and found >= 2  # the copies of bishan-jxw-2021 and NAR006.yaml at least


def test_same_answer_on_the_generated_department():
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from bench_check import generate
    finally:
        sys.path.remove(str(ROOT / "bench"))
    texts = indicator_texts(loads(generate(1000, 50, 250), "bench.yaml").report)
    want = pairwise(texts)
    assert len(texts) == 250 and len(want) >= 10
    assert first_copies(texts) == want


_WORDS = ["年度", "我单位", "完成", "绩效", "评价", "得分为", "指标", "工作", "按期", "资金", "发放", "及时率", "达", "%",
          "，", "。", "区财政", "要求", "企业", "服务", "满意度", "调查", "培训", "人数", "10", "95", "100", "8.5"]


def _mutate(rng: random.Random, text: str, edits: int) -> str:
    chars = list(text)
    for _ in range(edits):
        k = rng.randrange(len(chars) + 1)
        op = rng.random()
        if op < 0.4 and chars:
            del chars[min(k, len(chars) - 1)]
        elif op < 0.8:
            chars.insert(k, rng.choice("的了和在年月日一二三四五六七八九十"))
        elif chars:
            chars[min(k, len(chars) - 1)] = rng.choice("甲乙丙丁")
    return "".join(chars)


def near_threshold(seed: int, n: int) -> list[str]:
    """``n`` texts from shared words, about half of them a few edits away from an earlier one, some shuffled (the
    same characters in another order: quick_ratio passes, ratio does not), some repeating a phrase many times."""
    rng = random.Random(seed)
    out: list[str] = []
    for _ in range(n):
        r = rng.random()
        if out and r < 0.5:
            base = rng.choice(out)
            out.append(_mutate(rng, base, rng.randrange(0, max(1, len(base) // 6))))
        elif out and r < 0.6:
            chars = list(rng.choice(out))
            rng.shuffle(chars)
            out.append("".join(chars))
        elif r < 0.7:
            out.append(rng.choice(_WORDS) * rng.randrange(8, 30))
        else:
            out.append("".join(rng.choice(_WORDS) for _ in range(rng.randrange(8, 60))))
    return out


@pytest.mark.parametrize("seed", range(8))
def test_same_answer_near_the_threshold(seed):
    texts = near_threshold(seed, 120)
    want = pairwise(texts)
    ratios = [r for _a, r in want.values()]
    assert want and min(ratios) < 0.95 and max(ratios) == 1  # hits just above the threshold and exact copies
    assert first_copies(texts) == want


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.lists(st.text(alphabet="年度完成绩效评价得分指标工作，。0123456789%", min_size=0, max_size=70), max_size=25),
       st.sampled_from([0.5, 0.75, 0.9, 1.0]))
def test_same_answer_on_any_texts_and_threshold(texts, threshold):
    texts = texts + [t + t[:3] for t in texts[:5]]  # near copies
    assert first_copies(texts, threshold, min_len=10) == pairwise(texts, threshold, min_len=10)
