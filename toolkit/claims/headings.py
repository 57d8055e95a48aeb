"""Heading numbers: 一、（一）1.（1）sequences that mix styles or skip a number.

Reports are copied from last year's file and edited by hand, so their heading numbers go wrong: seed 003 runs
"三、" then "4、 5、 6、 7、" then "八、"; seed 002 writes "（1）" and then "（二）". Each numbered paragraph is read
as (style, value); a style keeps its own counter. A paragraph whose number does not follow its own style's counter
but does follow another style's (``（二）`` right after ``（1）``) mixes styles; a number that jumps ahead of its own
style's counter by one or two (``二、`` then ``四、``), or repeats it, skips. A new list starting at 1 is always fine,
and a list that starts elsewhere (a fragment) is not judged: precision first.
"""
from __future__ import annotations

from ..lazyre import re

from ..domain.tolerance import Verdict
from ..findings import WARNING
from ..rules import Rule
from ..numbers import chinese_number
from .cnnum import cn_to_int
from .prose import Issue, _issue

TXT011 = Rule("TXT011", "lint", WARNING, "标题编号样式混用",
         "同一级标题应使用同一种编号样式（一、（一）1.（1）），不能接着别的样式往下编：“三、”之后写“4、”，"
         "或“（1）”之后写“（二）”。多见于复制旧报告后手工改写。",
         "report.txt:31: 第31段: TXT011（警告） 编号样式混用：“三、”之后接着编为“4、”，应为“四、”")
TXT012 = Rule("TXT012", "lint", WARNING, "标题编号跳号或重号",
         "同一样式的编号应连续：“二、”之后是“三、”，不能跳到“四、”，也不能再写一次“二、”。",
         "report.txt:40: 第40段: TXT012（警告） 编号不连续：“二、”之后是“四、”，缺少“三、”")

_CN = "一二三四五六七八九十百零〇两"
# (style name, pattern, how to print a value in that style)
_STYLES: list[tuple[str, re.Pattern[str]]] = [
    ("cn_dun", re.compile(rf"^([{_CN}]+)[、，]")),
    ("cn_paren", re.compile(rf"^[（(]([{_CN}]+)[）)]")),
    ("ar_paren", re.compile(r"^[（(](\d{1,2})[）)]")),
    ("ar_dun", re.compile(r"^(\d{1,2})\s*、")),
    # "1.5万元" is a number, not a heading; "3.2021年真抓实干奖" is item 3 whose text starts with a year
    ("ar_dot", re.compile(r"^(\d{1,2})[.．](?:(?!\d)|(?=(?:19|20)\d\d年))")),
    ("circled", re.compile(r"^([①-⑳])")),
]
# text before a paragraph's own number: Word bookmarks left in text exports, and "附件：" before the first item of
# the attachment list ("附件：1. 基础数据表" / "2. 自评表")
_ARTIFACT = re.compile(r"^(\[bookmark: [^\]]*\]\s*|附件[：:]\s*)+")


def _label(style: str, value: int) -> str:
    return {
        "cn_dun": f"{chinese_number(value)}、",
        "cn_paren": f"（{chinese_number(value)}）",
        "ar_paren": f"（{value}）",
        "ar_dun": f"{value}、",
        "ar_dot": f"{value}.",
        "circled": chr(0x2460 + value - 1) if 1 <= value <= 20 else str(value),
    }[style]


def numbering(text: str) -> tuple[str, int, str] | None:
    """(style, value, the number as written) of a paragraph that starts with a heading number, else None."""
    t = _ARTIFACT.sub("", text).lstrip()
    for style, pattern in _STYLES:
        m = pattern.match(t)
        if not m:
            continue
        raw = m.group(1)
        if style == "circled":
            value = ord(raw) - 0x2460 + 1
        elif raw.isdigit():
            value = int(raw)
        else:
            value = cn_to_int(raw)
        if value is None or value < 1:
            return None
        return style, value, m.group(0).strip()
    return None


#: the level of each numbering style in a 公文 (GB/T 9704 7.3.3): 一、 （一） 1. （1）
LEVELS = {"cn_dun": 1, "cn_paren": 2, "ar_dot": 3, "ar_paren": 4}


def heading_level(text: str) -> int | None:
    """The level of a paragraph that is a heading ("一、部门基本情况" 1, "（一）职能职责" 2, "1.…" 3, "（1）…" 4);
    None for an unnumbered paragraph, and for a numbered sentence or list item (long, or ending in 。；，：)."""
    n = numbering(text)
    if n is None or n[0] not in LEVELS:
        return None
    rest = _ARTIFACT.sub("", text).lstrip()[len(n[2]):].strip()
    if not rest or len(rest) > 40 or rest.endswith(("。", "；", ";", "，", "：", ":")):
        return None
    return LEVELS[n[0]]


def check_headings(texts: list[str]) -> list[tuple[int, Issue]]:
    """Heading-number issues in a sequence of paragraphs: [(paragraph index, issue)].

    Each style keeps a counter (its last value), a run length and where it was last seen. When a number continues
    another style's counter, the level keeps the established style (a run of two or more); after a single item it
    is not known which style is meant, so the level passes to the newer one.
    """
    last: dict[str, int] = {}  # style -> last value
    run: dict[str, int] = {}  # style -> how many numbers in a row it has had
    seen: dict[str, int] = {}  # style -> paragraph index where it was last seen (the most recent wins)
    out: list[tuple[int, Issue]] = []

    def advance(style: str, value: int, k: int, length: int) -> None:
        last[style], run[style], seen[style] = value, length, k

    for k, text in enumerate(texts):
        n = numbering(text)
        if n is None:
            continue
        style, value, written = n
        own = last.get(style)
        if own == value - 1:
            advance(style, value, k, run[style] + 1)
            continue
        if value == 1:
            advance(style, value, k, 1)
            continue
        candidates = [s for s, v in last.items() if s != style and v == value - 1]
        other = max(candidates, key=lambda s: seen[s]) if candidates else None
        own_gap = own is not None and (own == value or 2 <= value - own <= 3)  # a repeat or a skip in its own run
        if other is not None and not (own_gap and seen[style] > seen[other]):
            prev, want = _label(other, value - 1), _label(other, value)
            if run[other] >= 2:  # an established run: this number is the odd one out
                msg = f"编号样式混用：“{prev}”之后接着编为“{written}”，应为“{want}”"
                advance(other, value, k, run[other] + 1)
            else:  # one item each: either may be the mistake, and the level follows the newer style
                first = _label(style, value - 1)
                msg = f"编号样式混用：“{prev}”之后接着编为“{written}”，应统一为“{want}”，或把“{prev}”改为“{first}”"
                advance(style, value, k, run.pop(other) + 1)
                del last[other], seen[other]
            out.append((k, _issue(TXT011, Verdict.WRONG, msg, want, written, 0)))
            continue
        if own_gap and own < value and all(
                re.search(r"[；;。]\s*" + re.escape(_label(style, v)), "".join(texts[seen[style]:k]))
                for v in range(own + 1, value)):
            advance(style, value, k, run[style] + 1)  # 1、…；2、… in one paragraph, then 3、: the run goes on inline
            continue
        if own_gap:
            if own == value:
                msg = f"编号重复：又一次写作“{written}”，应为“{_label(style, own + 1)}”"
            else:
                missing = "、".join(f"“{_label(style, v)}”" for v in range(own + 1, value))
                msg = f"编号不连续：“{_label(style, own)}”之后是“{written}”，缺少{missing}"
            out.append((k, _issue(TXT012, Verdict.WRONG, msg, _label(style, own + 1), written, 0)))
        advance(style, value, k, 1)
    return out
