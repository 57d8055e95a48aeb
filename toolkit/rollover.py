"""Year N's data file -> year N+1's: ``jixiao rollover 2022.yaml -o 2023.yaml``.

The file is edited as a ruamel.yaml round trip, values changed in place, so every comment, the key order, quoting
and block scalars stay as the user wrote them (deleting a key would move the comments attached to it; a key is only
added, right after its source, where last year's figure needs a home):

* this year's figures become last year's: each budget figure's ``amount`` moves to ``previous`` (上年决算数), each
  indicator's ``actual`` to ``previous`` (上年实际完成值), the total score to ``indicators.previous_score``; the
  closing balance (年末结转和结余) becomes next year's opening balance;
* this year's figures are emptied as placeholders (``待填``, see :mod:`toolkit.placeholders`): amounts, budget
  stages, head counts in post, indicator results and scores — so ``check`` on the new file lists exactly what is
  left to fill (FIL001); figures that can be derived (shares, changes, rates, totals, the grade) are cleared and
  will be computed again;
* facts are kept: duties, internal departments, 编制数, working-group members and roles, indicator names, weights
  and targets, the outline;
* dates move one year (29 February becomes 28 February), the title's year too;
* narrative is kept as written; FIL002 then flags each sentence still stating last year's figures.
"""
from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import PlainScalarString

from .errors import InputError, Problem
from . import placeholders

#: written plain even where the value it replaces was quoted ("9.6%")
PLACEHOLDER = PlainScalarString(placeholders.PLACEHOLDER)

#: budget stages of this year: emptied for filling
_STAGES = ("amount", "initial_budget", "adjustment", "full_budget")
#: declared figures that are derived when left out: cleared
_DERIVED = ("execution_rate", "share", "change", "change_rate")


def _yaml() -> YAML:
    yaml = YAML()  # round trip
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a long line
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def rollover_text(text: str, file: str = "<input>") -> str:
    """The next year's YAML text for a year's YAML text (which is validated first: a broken file is refused)."""
    from .load import loads

    loaded = loads(text, file)  # InputError with file:line:col for anything the model refuses
    yaml = _yaml()
    try:
        data = yaml.load(text)
    except YAMLError as exc:  # pragma: no cover - loads() parsed the same text
        raise InputError([Problem(f"YAML 语法错误：{exc}", file)]) from None
    _Roller(loaded.report.year).report(data)
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def rollover(source: str | Path, output: str | Path) -> Path:
    """Write ``output`` (atomically) as the year after ``source``; returns the output path."""
    from .io import write_text
    from .load import decode

    src = Path(source)
    try:
        raw = src.read_bytes()
    except OSError as exc:
        raise InputError([Problem(f"无法读取文件：{exc.strerror or exc}", str(source))]) from None
    text, _encoding = decode(raw, str(source))
    write_text(output, rollover_text(text, str(source)))
    return Path(output)


class _Roller:
    def __init__(self, year: int) -> None:
        self.year = year

    # -- the tree ---------------------------------------------------------------------------------------------

    def report(self, d: CommentedMap) -> None:
        d["year"] = self.year + 1
        if isinstance(d.get("title"), str):
            d["title"] = _next_year_text(d["title"], self.year)
        unit = _map(d.get("unit"))
        if unit is not None:
            self.staffing(_map(unit.get("staffing")))
        budget = _map(d.get("budget"))
        if budget is not None:
            self.figures(budget)
            self.buildings(_map(budget.get("buildings")))
            self.carryover(_map(budget.get("carryover")))
        self.evaluation(_map(d.get("evaluation")))
        self.indicators(_map(d.get("indicators")))
        att = _map(d.get("attachments"))
        if att is not None:
            _shift_date(att, "date")

    def figures(self, node: Any) -> None:
        """Every budget figure beneath ``node`` (a mapping holding any of amount / previous / stages)."""
        if isinstance(node, CommentedSeq):
            for v in node:
                self.figures(v)
            return
        if not isinstance(node, CommentedMap):
            return
        if any(k in node for k in (*_STAGES, "previous", *_DERIVED)):
            self.figure(node)
        for key, value in node.items():
            if key not in ("buildings",) and isinstance(value, (CommentedMap, CommentedSeq)):
                self.figures(value)

    def figure(self, f: CommentedMap) -> None:
        if "amount" in f and f["amount"] is not None:
            _move(f, "amount", "previous")
        elif "previous" in f:
            f["previous"] = None  # a line of last year only: no figure of this year to carry
        for key in _STAGES:
            if key in f:
                f[key] = PLACEHOLDER
        for key in _DERIVED:
            if key in f:
                f[key] = None

    def carryover(self, c: CommentedMap | None) -> None:
        """年初结转和结余 of next year = 年末结转和结余 of this year (already moved to ``closing.previous``)."""
        if c is None:
            return
        opening, closing = _map(c.get("opening")), _map(c.get("closing"))
        if opening is not None and closing is not None and closing.get("previous") is not None:
            if "amount" in opening:
                opening["amount"] = closing["previous"]

    def buildings(self, b: CommentedMap | None) -> None:
        if b is None:
            return
        for key in ("approved_area", "actual_area", "budget_investment", "actual_investment"):
            if key in b:
                b[key] = PLACEHOLDER
        for key in ("area_control_rate", "investment_control_rate"):
            if key in b:
                b[key] = None

    def staffing(self, s: CommentedMap | None) -> None:
        """编制数 is a fact (kept); the people in post and retired are this year's figures."""
        if s is None:
            return
        actual = _map(s.get("actual"))
        if actual is not None:
            kinds = [k for k in actual if k != "total"]
            for key in kinds:
                actual[key] = PLACEHOLDER
            if "total" in actual:  # the sum of the kinds, when they are given
                actual["total"] = None if kinds else PLACEHOLDER
        if "retired" in s:
            s["retired"] = PLACEHOLDER
        for key in ("total", "control_rate"):  # derived
            if key in s:
                s[key] = None

    def evaluation(self, e: CommentedMap | None) -> None:
        if e is None:
            return
        _shift_date(e, "group_established")
        _shift_date(e, "date")
        for phase in e.get("phases") or []:
            if isinstance(phase, CommentedMap):
                _shift_date(phase, "start")
                _shift_date(phase, "end")

    def indicators(self, ind: CommentedMap | None) -> None:
        if ind is None:
            return
        execution = _map(ind.get("execution"))
        if execution is not None:  # defaults to budget.expenditure when left out
            for key in ("initial_budget", "full_budget", "actual", "rate", "score", "deviation"):
                if key in execution:
                    execution[key] = None
        for g1 in ind.get("groups") or []:
            for g2 in (g1.get("children") or []) if isinstance(g1, CommentedMap) else []:
                for i in (g2.get("indicators") or []) if isinstance(g2, CommentedMap) else []:
                    if isinstance(i, CommentedMap):
                        self.indicator(i)
        if ind.get("total_score") is not None:
            _move(ind, "total_score", "previous_score")
            ind["total_score"] = None
        if "grade" in ind:
            ind["grade"] = None

    def indicator(self, i: CommentedMap) -> None:
        if i.get("actual") is not None:
            _move(i, "actual", "previous")
        i["actual"] = PLACEHOLDER
        if "achievement" in i:
            i["achievement"] = PLACEHOLDER
        i["score"] = PLACEHOLDER
        if "deviation" in i:
            i["deviation"] = None  # explained last year's result


def _map(v: Any) -> CommentedMap | None:
    return v if isinstance(v, CommentedMap) else None


def _move(m: CommentedMap, source: str, target: str) -> None:
    """``m[target] = m[source]``, the target key put right after the source when it is new; then the source is
    emptied (the caller writes the placeholder)."""
    value = m[source]
    if target in m:
        m[target] = value
    else:
        m.insert(list(m.keys()).index(source) + 1, target, value)
        # the comment lines that followed the source's line belong after the new key now
        ca = m.ca.items
        if source in ca and ca[source][2] is not None:
            ca[target] = ca.pop(source)
    m[source] = PLACEHOLDER


def _shift_date(m: CommentedMap, key: str) -> None:
    d = m.get(key)
    if isinstance(d, dt.date):
        try:
            m[key] = d.replace(year=d.year + 1)
        except ValueError:  # 29 February
            m[key] = d.replace(year=d.year + 1, day=28)


def _next_year_text(text: str, year: int) -> str:
    return re.sub(rf"(?<!\d){year}(?=年)", str(year + 1), text)


def next_year_path(source: str | Path) -> Path:
    """``ziyang-2022.yaml`` -> ``ziyang-2023.yaml``: the last four-digit year in the name, plus one."""
    src = Path(source)
    years = list(re.finditer(r"(?<!\d)(19|20)\d\d(?!\d)", src.stem))
    if not years:
        raise InputError([Problem("文件名中没有年份，请用 -o 指定下一年度的文件名", str(source))])
    m = years[-1]
    stem = src.stem[:m.start()] + str(int(m.group()) + 1) + src.stem[m.end():]
    return src.with_name(stem + src.suffix)
