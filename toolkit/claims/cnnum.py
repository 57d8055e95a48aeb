"""Chinese numerals as people write them in reports: 十, 十四, 二十一, 一百零五, 两, 一千九百八十六, 二百一十."""
from __future__ import annotations

from ..lazyre import re

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
CHARS = "".join(DIGITS) + "".join(UNITS)
#: the longest run of numeral characters read as one number (九千九百九十九万九千九百九十九 is 15)
LONGEST = 15

_D = "[一二两三四五六七八九]"
#: one section below 万, as written: 一千九百八十六, 二百一十, 一百零五, 三千零二, 十四, 二十, 百 (百分之百)
_SECTION = (rf"(?:{_D}千)?(?:零?{_D}百|(?<![一二两三四五六七八九千])百)?(?:零?{_D}?十)?(?:零?{_D})?")
_WELL_FORMED = re.compile(rf"(?:(?=.)(?:{_SECTION})万(?=.|$))?(?:{_SECTION})")


def well_formed(text: str) -> bool:
    """Whether ``text`` is a numeral a person writes in words (一千九百八十六, 一百一十九), not a run of numeral
    characters that only happens to stand together (一千九百八十六 split wrongly, 十一百, 两千千)."""
    if not text:
        return False
    if all(c in DIGITS for c in text):  # 二〇二一, 五: digit by digit
        return True
    m = _WELL_FORMED.fullmatch(text)
    return bool(m) and not text.startswith("零") and text[0] != "万"


def cn_to_int(text: str) -> int | None:
    """``"十四"`` -> 14, ``"一百零五"`` -> 105, ``"两"`` -> 2; None when the text is not a Chinese numeral."""
    if not text or any(c not in DIGITS and c not in UNITS for c in text):
        return None
    if all(c in DIGITS for c in text) and len(text) > 1:  # 二〇二一: digit by digit
        return int("".join(str(DIGITS[c]) for c in text))
    total, section, digit = 0, 0, None
    for c in text:
        if c in DIGITS:
            digit = DIGITS[c]
            continue
        unit = UNITS[c]
        if unit == 10000:
            total += (section + (digit or 0)) * unit
            section, digit = 0, None
        else:
            section += (1 if digit is None else digit) * unit
            digit = None
    return total + section + (digit or 0)


def count_value(text: str) -> int | None:
    """A count written in digits or in Chinese numerals (``"5"``, ``"十二"``, ``"两"``); None when it is neither."""
    return int(text) if text.isdigit() else cn_to_int(text)
