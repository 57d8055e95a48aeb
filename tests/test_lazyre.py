"""toolkit.lazyre: ``re`` with ``compile`` deferred to a pattern's first use (start-up, issue 13)."""
from __future__ import annotations

import re as real

from toolkit.lazyre import LazyPattern, re

TEXT = "支出合计 3,345.50 万元，增长 12.5%；收入 100 万元"
NUMBER = r"(\d[\d,]*(?:\.\d+)?)\s*(万元|%)"


def test_a_pattern_is_compiled_at_its_first_use_and_answers_as_re_does():
    lazy, plain = re.compile(NUMBER), real.compile(NUMBER)
    assert isinstance(lazy, LazyPattern) and "search" not in vars(lazy)
    assert lazy.pattern == NUMBER and "search" not in vars(lazy)  # its text, without compiling
    assert [m.groups() for m in lazy.finditer(TEXT)] == [m.groups() for m in plain.finditer(TEXT)]
    assert "finditer" in vars(lazy)  # the compiled pattern's method from now on
    assert lazy.sub(r"<\1>", TEXT) == plain.sub(r"<\1>", TEXT)
    assert lazy.search(TEXT).span() == plain.search(TEXT).span() and lazy.groups == plain.groups == 2
    assert lazy.fullmatch("12%") and not lazy.match("约12%")


def test_the_module_functions_take_a_lazy_pattern_and_the_rest_is_res_own():
    lazy = re.compile(NUMBER, re.M)
    assert re.findall(lazy, TEXT) == real.findall(NUMBER, TEXT)
    assert re.split(lazy, TEXT) == real.split(NUMBER, TEXT)
    assert re.sub(lazy, "#", TEXT) == real.sub(NUMBER, "#", TEXT) and re.subn(lazy, "#", TEXT)[1] == 3
    assert re.search(lazy, TEXT).group(1) == "3,345.50" and re.match(lazy, "5%") and re.fullmatch(lazy, "5 万元")
    assert [m.group() for m in re.finditer(lazy, TEXT)] == ["3,345.50 万元", "12.5%", "100 万元"]
    assert re.compile(lazy) is lazy and re.escape("1+1") == real.escape("1+1") and re.Pattern is real.Pattern
    assert lazy.flags == real.compile(NUMBER, real.M).flags
    assert re.sub(r"\s", "", " a b ") == "ab"  # a pattern written as text goes straight to re
