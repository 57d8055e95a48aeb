"""fmt_written reads a value's decimals from its printed digits: the same as :func:`toolkit.numbers.places`."""
from decimal import Decimal

from hypothesis import given, strategies as st

from toolkit.numbers import WRITTEN_PLACES, fmt_written, places, round_to


def _by_places(value: Decimal) -> str:
    """The definition: more than WRITTEN_PLACES decimals (by the exponent) is a quotient, rounded to two."""
    if places(value) > WRITTEN_PLACES:
        value = round_to(value, 2)
    text = f"{value:f}"
    return "0" if text in ("-0", "-0.0", "-0.00", "-0.000") else text


@given(st.decimals(allow_nan=False, allow_infinity=False, places=None, min_value=-10**12, max_value=10**12))
def test_same_as_the_exponent(value):
    assert fmt_written(value) == _by_places(value)


def test_written_figures():
    cases = ["350.867", "44", "3345.5", "3345.50", "-0.00", "1E+2", "0.333333", "-6.03", "0E-7", "12.3456"]
    for text in cases:
        assert fmt_written(Decimal(text)) == _by_places(Decimal(text)), text
    assert fmt_written(Decimal("0.333333")) == "0.33" and fmt_written(Decimal("350.867")) == "350.867"


@given(st.decimals(allow_nan=False, allow_infinity=False, places=None), st.integers(0, 4))
def test_kept_half_units_are_the_half_units_worked_out(value, min_places):
    """``half_ulp`` keeps one Decimal per number of places: the same value (and exponent) as worked out each time,
    a figure of more than 30 places included."""
    from toolkit.numbers import half_ulp

    expected = Decimal(5).scaleb(-(max(places(value), min_places) + 1))
    got = half_ulp(value, min_places)
    assert got == expected and got.as_tuple() == expected.as_tuple()
