"""Decimal numbers: parsing, formatting and rounding half up (the tolerances are :mod:`toolkit.domain.tolerance`).

Money is always :class:`decimal.Decimal` in 万元; percentages are Decimals in percent units (``95`` means 95 %).
Never use binary floats for amounts.
"""
from __future__ import annotations

from .lazyre import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, getcontext, localcontext

_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_PLAIN = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")


def parse_decimal(text: str) -> Decimal:
    """Parse a number written by a person: ``3345.50``, ``3,345.50``, ``-6.03``; raises ValueError otherwise.

    ``12,3`` (a decimal comma) and ``约500`` are refused rather than guessed.
    """
    s = text.strip().replace("\u2212", "-")
    if _THOUSANDS.match(s):
        s = s.replace(",", "")
    if not _PLAIN.match(s):
        raise ValueError(text)
    try:
        return Decimal(s)
    except InvalidOperation as exc:  # pragma: no cover - regex guards this
        raise ValueError(text) from exc


def places(value: Decimal) -> int:
    """Number of decimals a Decimal was written with (``Decimal('3.50')`` -> 2, ``Decimal('7')`` -> 0)."""
    if type(value) is Decimal:  # read from its text: as_tuple() builds a named tuple of digits, 2.5x the time
        text = str(value)  # every decimal written, unless in exponent notation (1E+2, 1E-7: worked out below)
        if "E" not in text and "e" not in text:
            dot = text.find(".")
            return 0 if dot < 0 else len(text) - dot - 1
    exp = value.as_tuple().exponent
    return -exp if isinstance(exp, int) and exp < 0 else 0


def half_ulp(value: Decimal, min_places: int = 0) -> Decimal:
    """Half a unit in the last place the figure was published with: the most its rounding can hide."""
    p = max(places(value), min_places)
    half = _HALVES.get(p)
    if half is None:
        half = Decimal(5).scaleb(-(p + 1))
        if p <= 30:  # exact in any context; a stranger figure is worked out each time, as before
            _HALVES[p] = half
    return half


#: 5 × 10 ** -(p + 1) for the p of written figures (Decimals are immutable: one of each is shared)
_HALVES: dict[int, Decimal] = {}


def quantize(value: Decimal, ndigits: int, rounding: str = ROUND_HALF_UP) -> Decimal:
    """``value`` rounded to ``ndigits`` decimals, whatever its size.

    Plain :meth:`Decimal.quantize` raises InvalidOperation when the result has more digits than the context
    precision (28): a ratio over a tiny denominator, or an absurd figure typed by mistake (1e30).
    """
    exp = _EXPONENTS.get(ndigits)
    if exp is None:
        exp = _EXPONENTS[ndigits] = Decimal(1).scaleb(-ndigits)
    ctx = getcontext()
    if value.adjusted() + ndigits + 2 <= ctx.prec:  # the usual case: the context's precision is enough
        return value.quantize(exp, rounding=rounding, context=ctx)
    with localcontext() as ctx:
        ctx.prec = value.adjusted() + ndigits + 2
        return value.quantize(exp, rounding=rounding)


#: 10 ** -n for each n asked for
_EXPONENTS: dict[int, Decimal] = {}


def round_to(value: Decimal, ndigits: int = 2) -> Decimal:
    """Round half up (the Chinese accounting convention), as published figures are rounded."""
    return quantize(value, ndigits)


def fmt_money(value: Decimal | None, ndigits: int = 2) -> str:
    """``Decimal('3345.5')`` -> ``3345.50``; None -> empty string."""
    if value is None:
        return ""
    return f"{round_to(value, ndigits):f}"


#: a figure with more decimals than this was computed (a ratio), not written: it is printed rounded to two
WRITTEN_PLACES = 3
_WRITTEN = re.compile(r"\d+(?:\.\d{1,%d})?" % WRITTEN_PLACES)


def fmt_written(value: Decimal | None) -> str:
    """A figure with the precision it was written with (DOMAIN §7): ``350.867``, ``44``, ``3345.5``, ``3345.50``.

    A derived figure keeps the precision of its inputs (Decimal addition does: 350.867 + 54.976 = 405.843); one
    with more than :data:`WRITTEN_PLACES` decimals is a quotient and is rounded half up to two. None -> "".
    """
    if value is None:
        return ""
    text = str(value)  # as many decimals as the value has places; 1/5 the time of f"{value:f}" (15,000 a render)
    if _WRITTEN.fullmatch(text):  # the usual figure: not negative, not scientific, at most WRITTEN_PLACES decimals
        return text
    if "E" in text or "e" in text:  # scientific: a positive exponent (1E+2) or a tiny value (1E-7)
        text = f"{value:f}"
    dot = text.find(".")
    if dot >= 0 and len(text) - dot - 1 > WRITTEN_PLACES:
        text = f"{round_to(value, 2):f}"
    return "0" if text in ("-0", "-0.0", "-0.00", "-0.000") else text


def fmt_rate(value: Decimal | None) -> str:
    """A percentage as written (``12.0%``, ``100%``, ``93.75%``), a computed one to two decimals."""
    return f"{fmt_written(value)}%" if value is not None else ""


def fmt_number(value: Decimal | int | None) -> str:
    """A weight, a score or a count as people write it: ``10``, ``8.95``, ``93.39`` (no trailing zeros)."""
    if value is None:
        return ""
    d = Decimal(value)
    if d == d.to_integral_value():
        return f"{quantize(d, 0):f}"
    return f"{d.normalize():f}"


def fmt_percent(value: Decimal | None, ndigits: int = 2) -> str:
    """``Decimal('15.147')`` -> ``15.15%``."""
    if value is None:
        return ""
    return f"{round_to(value, ndigits):f}%"


def ratio_percent(part: Decimal, whole: Decimal) -> Decimal | None:
    """part / whole in percent, unrounded; None when whole is zero."""
    if whole == 0:
        return None
    return part * 100 / whole


_CN_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """Heading numbers in Chinese: 1 -> 一, 10 -> 十, 14 -> 十四, 21 -> 二十一, 105 -> 一百零五 (1–999)."""
    if not 0 < n < 1000:
        return str(n)
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    out = f"{_CN_DIGITS[hundreds]}百" if hundreds else ""
    if tens:
        out += ("" if tens == 1 and not hundreds else _CN_DIGITS[tens]) + "十"
    elif hundreds and ones:
        out += "零"
    return out + (_CN_DIGITS[ones] if ones else "")
