"""The Jinja environment a template is evaluated in: sandboxed, immutable, autoescaping, and bounded.

Jinja's :class:`~jinja2.sandbox.ImmutableSandboxedEnvironment` already refuses Python internals (``__class__``)
and changing lists and dicts in place (``x.extend(x)``). It does not bound time or memory: ``'a' * 10**9``,
``'{:>999999999}'.format(1)``, ``10 ** (10 ** 10)``, nested loops or a recursive macro run until the machine gives
up. Here every way a template can make something big or run long is bounded by a limit of ``toolkit/limits.py``
(docs/limits.md), and breaking one raises :class:`LimitExceeded` with a Chinese message:

* loop iterations and macro calls (ten steps each) count against ``template_steps`` per report; macros nest at most ``template_macro_depth``
  deep; the evaluation of one report takes at most ``template_seconds`` (checked at every loop step, macro call and
  printed value: no single operation can run long, as the ones below are refused before they start);
* ``range()`` holds at most ``template_range`` numbers, ``lipsum()`` at most ``template_lipsum`` paragraphs;
* a string or list built by ``*``, ``+``, ``~``, ``%``, ``str.format`` (widths and precisions), and the filters and
  methods that can grow text (``center``, ``indent``, ``replace``, ``join``, ``wordwrap``, ``format``, ``batch``,
  ``slice``, ``ljust`` …) is at most ``template_string`` characters or items, checked before it is built;
* integers have at most ``template_int_digits`` digits (``**`` and ``*`` are checked before computing);
* everything printed while rendering one report, literal template text included, is at most ``template_output``
  characters;
* ``{% include %}``, ``{% import %}``, ``{% from … import %}`` and ``{% extends %}`` are refused when the template is
  compiled: a template is one .docx, and it may not read other files.

The bounds are enforced by rewriting the parsed template (every loop iterates through a counter, every printed
value and literal is measured) and by intercepting operators, calls and string formatting, as Jinja's sandbox
API intends; the state of one evaluation lives in a context variable, so a renderer may be used from threads.
"""
from __future__ import annotations

import contextvars
import re
import time
from contextlib import contextmanager
from string import Formatter
from typing import Any, Iterator

import jinja2
from jinja2 import nodes
from jinja2.ext import Extension
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedEscapeFormatter, SandboxedFormatter
from jinja2.utils import generate_lorem_ipsum
from markupsafe import Markup

from ..limits import limit, shown


class LimitExceeded(Exception):
    """A template broke one of the limits; the message is Chinese and names it."""


class _Budget:
    __slots__ = ("steps", "output", "depth", "deadline")

    def __init__(self) -> None:
        self.steps = 0
        self.output = 0
        self.depth = 0
        self.deadline = time.monotonic() + limit("template_seconds")


_BUDGET: contextvars.ContextVar[_Budget | None] = contextvars.ContextVar("jixiao_template_budget", default=None)


def _budget() -> _Budget:
    b = _BUDGET.get()
    if b is None:  # a template rendered outside Renderer.render (a test, a script): bounded all the same
        b = _Budget()
        _BUDGET.set(b)
    return b


def _clock(b: _Budget) -> None:
    if time.monotonic() > b.deadline:
        raise LimitExceeded(f"模板渲染时间超过 {shown('template_seconds')}（循环或计算过多）")


#: a macro call costs about ten loop steps (argument binding, a new frame, joining its output)
MACRO_STEPS = 10


def _step(b: _Budget, weight: int = 1) -> None:
    b.steps += weight
    if b.steps > limit("template_steps"):
        raise LimitExceeded(f"循环或宏调用过多：超过 {limit('template_steps'):,} 步（每次循环 1 步，每次宏调用 "
                            f"{MACRO_STEPS} 步；循环套得太多，或宏反复调用自身）")
    _clock(b)


def _too_long(what: str = "文本") -> LimitExceeded:
    return LimitExceeded(f"{what}过长：模板生成的文本或列表超过 {shown('template_string')}")


def _check_size(n: int, what: str = "文本") -> None:
    if n > limit("template_string"):
        raise _too_long(what)


def _max_bits() -> int:
    return int(limit("template_int_digits") * 3.3219) + 1  # log2(10) bits a digit


def _too_big() -> LimitExceeded:
    return LimitExceeded(f"数值过大：模板计算的整数超过 {shown('template_int_digits')}")


def _check_int(value: Any) -> Any:
    if isinstance(value, int) and value.bit_length() > _max_bits():
        raise _too_big()
    return value


def _sized(value: Any) -> int | None:
    return len(value) if isinstance(value, (str, bytes, list, tuple)) else None


# -- printf-style and str.format widths ---------------------------------------------------------------------------

_PRINTF = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?[hlL]?[a-zA-Z%]")
_SPEC_NUMBERS = re.compile(r"\d+")


def _check_printf(fmt: str) -> None:
    for m in _PRINTF.finditer(fmt):
        for part in m.groups():
            if part == "*":
                raise LimitExceeded("格式字符串中的 * 宽度不受支持，请直接写出宽度")
            if part and int(part) > limit("template_string"):
                raise _too_long()


def _check_spec(spec: str) -> None:
    for number in _SPEC_NUMBERS.findall(spec):
        if len(number) > 9 or int(number) > limit("template_string"):
            raise _too_long()


class _BoundedFormatter(SandboxedFormatter):
    def format_field(self, value: Any, format_spec: str) -> Any:
        _check_spec(format_spec)
        return _check_result(super().format_field(value, format_spec))


class _BoundedEscapeFormatter(SandboxedEscapeFormatter):
    def format_field(self, value: Any, format_spec: str) -> Any:
        _check_spec(format_spec)
        return _check_result(super().format_field(value, format_spec))


def _check_result(value: Any) -> Any:
    if isinstance(value, (str, bytes, list, tuple)):
        if len(value) > limit("template_string"):
            raise _too_long("文本" if isinstance(value, (str, bytes)) else "列表")
    elif type(value) is int and value.bit_length() > _max_bits():
        raise _too_big()
    return value


# -- filters and methods that can grow text -----------------------------------------------------------------------


def _estimate_replace(s: Any, old: Any, new: Any, count: Any = None) -> None:
    s, old, new = str(s), str(old), str(new)
    hits = s.count(old) if old else len(s) + 1
    if isinstance(count, int) and count >= 0:
        hits = min(hits, count)
    _check_size(len(s) + hits * max(len(new) - len(old), 0))


def _estimate_join(items: Any, sep: Any = "") -> list:
    items = list(items)
    _check_size(len(items), "列表")
    total = sum(len(x) if isinstance(x, str) else 20 for x in items) + len(str(sep)) * max(len(items) - 1, 0)
    _check_size(total)
    return items


def _width(value: Any) -> int:
    return value if isinstance(value, int) else 0


def _guard_filters(filters: dict) -> dict:
    """The built-in filters that can grow text or lists, each checked before it runs."""
    out = dict(filters)
    f = filters

    def center(value, width=80):
        _check_size(_width(width))
        return f["center"](value, width)

    def indent(s, width=4, first=False, blank=False):
        lines = str(s).count("\n") + 1
        _check_size(len(str(s)) + (_width(width) if isinstance(width, int) else len(str(width))) * lines)
        return f["indent"](s, width, first, blank)

    def replace(eval_ctx, s, old, new, count=None):
        _estimate_replace(s, old, new, count)
        return f["replace"](eval_ctx, s, old, new, count)

    def fmt(value, *args, **kwargs):
        _check_printf(str(value))
        return _check_result(f["format"](value, *args, **kwargs))

    def join(eval_ctx, value, d="", attribute=None):
        if attribute is None:
            value = _estimate_join(value, d)
        return _check_result(f["join"](eval_ctx, value, d, attribute))

    def wordwrap(environment, s, width=79, break_long_words=True, wrapstring=None, break_on_hyphens=True):
        w = max(_width(width), 1)
        _check_size(len(str(s)) + (len(str(s)) // w + 1) * len(str(wrapstring or "\n")))
        return f["wordwrap"](environment, s, width, break_long_words, wrapstring, break_on_hyphens)

    def batch(value, linecount, fill_with=None):
        _check_size(_width(linecount), "列表")
        return f["batch"](value, linecount, fill_with)

    def slice_(value, slices, fill_with=None):
        _check_size(_width(slices), "列表")
        return f["slice"](value, slices, fill_with)

    def sum_(environment, iterable, attribute=None, start=0):
        if not isinstance(start, (int, float)) or isinstance(start, bool):
            raise LimitExceeded("sum 过滤器只能对数字求和")
        return _check_int(f["sum"](environment, iterable, attribute, start))

    for name, guarded in (("center", center), ("indent", indent), ("replace", replace), ("format", fmt),
                          ("join", join), ("wordwrap", wordwrap), ("batch", batch), ("slice", slice_),
                          ("sum", sum_)):
        original = filters[name]
        for attr in ("jinja_pass_arg",):  # pass_eval_context / pass_environment markers
            if hasattr(original, attr):
                setattr(guarded, attr, getattr(original, attr))
        guarded.__name__ = name
        out[name] = guarded
    return out


_WIDTH_METHODS = {"center", "ljust", "rjust", "zfill"}


def _check_method(obj: Any, args: tuple, kwargs: dict) -> None:
    """``'a'.center(10**9)`` and friends, checked before the call (``str.format`` is wrapped apart)."""
    owner = getattr(obj, "__self__", None)
    name = getattr(obj, "__name__", "")
    if not isinstance(owner, (str, bytes)):
        return
    if name in _WIDTH_METHODS and args:
        _check_size(_width(args[0]))
    elif name == "expandtabs":
        size = _width(args[0] if args else kwargs.get("tabsize", 8))
        _check_size(len(owner) + owner.count("\t" if isinstance(owner, str) else b"\t") * size)
    elif name == "replace" and len(args) >= 2:
        _estimate_replace(owner, args[0], args[1], args[2] if len(args) > 2 else kwargs.get("count"))
    elif name == "join" and args:
        _estimate_join(args[0], owner)
    elif name in ("translate", "maketrans"):
        raise LimitExceeded(f"模板不支持字符串的 {name}() 方法")


# -- globals ---------------------------------------------------------------------------------------------------


def _range(*args: int) -> range:
    rng = range(*args)
    if len(rng) > limit("template_range"):
        raise LimitExceeded(f"range() 过大：最多 {shown('template_range')}，收到 {len(rng):,} 个")
    return rng


def _lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:
    if not all(isinstance(v, int) for v in (n, min, max)) or n > limit("template_lipsum") or max > 1000 or min > max:
        raise LimitExceeded(f"lipsum() 的参数过大：最多 {shown('template_lipsum')}，每段最多 1,000 词")
    return generate_lorem_ipsum(n, html, min, max)


# -- the parsed template, rewritten -------------------------------------------------------------------------------

_UNSUPPORTED = {nodes.Include: "include", nodes.Import: "import", nodes.FromImport: "from … import",
                nodes.Extends: "extends"}


class Unsupported(jinja2.TemplateSyntaxError):
    """A tag this renderer does not support (include, import, extends)."""


class _Guard(Extension):
    """Holds the functions the rewritten template calls (reached as ``environment.extensions[…]``, which template
    code cannot shadow or reach by name)."""

    identifier = "toolkit.word.sandbox.guard"

    def loop(self, iterable: Any) -> Any:
        return _Counted(iterable)

    def out(self, value: Any) -> Any:
        n = len(value) if isinstance(value, str) else len(str(value)) if isinstance(value, (list, tuple, dict)) else 0
        _spend(n)
        return _check_int(value)

    def literal(self, n: int) -> str:
        _spend(n)
        return ""

    def text(self, value: Any) -> Any:
        n = _sized(value)
        if n is not None:
            _check_size(n)
        return value


def spend(n: int) -> None:
    """Count ``n`` characters of output against the report's budget (what the template printing them would
    count): for output the renderer writes without Jinja, the body of a built-in template."""
    _spend(n)


def _spend(n: int) -> None:
    b = _budget()
    b.output += n
    if b.output > limit("template_output"):
        raise LimitExceeded(f"渲染结果过长：一份报告输出超过 {shown('template_output')}（循环输出了过多内容）")
    _clock(b)


class _Counted:
    """An iterable whose every step counts against the budget; keeps ``len()`` for ``loop.length``."""

    __slots__ = ("_it",)

    def __init__(self, iterable: Any) -> None:
        self._it = iterable

    def __iter__(self) -> Iterator[Any]:
        b = _budget()
        for item in self._it:
            _step(b)
            yield item

    def __len__(self) -> int:
        return len(self._it)


def _rewrite(template: nodes.Template, ident: str) -> None:
    def attr(name: str) -> nodes.ExtensionAttribute:
        return nodes.ExtensionAttribute(ident, name)

    def call(name: str, *args: nodes.Expr) -> nodes.Call:
        return nodes.Call(attr(name), list(args), [], None, None)

    for kind, tag in _UNSUPPORTED.items():
        node = template.find(kind)
        if node is not None:
            raise Unsupported(f"模板不支持 {{% {tag} %}}：模板是单个 .docx 文件，不能引用或继承其他模板文件", node.lineno)
    for node in template.find_all(nodes.For):
        node.iter = call("loop", node.iter)
    _wrap_concats(template, lambda n: call("text", n))
    for node in template.find_all(nodes.Output):
        literal = sum(len(child.data) for child in node.nodes if isinstance(child, nodes.TemplateData))
        children = [child if isinstance(child, nodes.TemplateData) else call("out", child) for child in node.nodes]
        node.nodes = ([call("literal", nodes.Const(literal))] if literal else []) + children


def _wrap_concats(root: nodes.Node, wrap) -> None:
    """Replace every ``a ~ b`` expression by ``wrap(a ~ b)`` wherever it appears."""
    for node in list(root.iter_child_nodes()):
        _wrap_concats(node, wrap)
    for field in root.fields:
        value = getattr(root, field, None)
        if isinstance(value, nodes.Concat):
            setattr(root, field, wrap(value))
        elif isinstance(value, list):
            setattr(root, field, [wrap(v) if isinstance(v, nodes.Concat) else v for v in value])


class BoundedEnvironment(ImmutableSandboxedEnvironment):
    """The environment of every template: see the module's docstring."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(extensions=[_Guard], **kwargs)
        self.globals["range"] = _range
        self.globals["lipsum"] = _lipsum
        self.filters = _guard_filters(self.filters)

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        template = super()._parse(source, name, filename)
        _rewrite(template, _Guard.identifier)
        return template

    @contextmanager
    def budget(self) -> Iterator[None]:
        """One report's evaluation: the step, output and time limits start afresh."""
        token = _BUDGET.set(_Budget())
        try:
            yield
        finally:
            _BUDGET.reset(token)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                n = _sized(seq)
                if n is not None and isinstance(times, int):
                    _check_size(n * max(times, 0), "文本" if isinstance(seq, str) else "列表")
            if isinstance(left, int) and isinstance(right, int) and left.bit_length() + right.bit_length() > _max_bits():
                raise _too_big()
        elif operator == "**":
            if isinstance(left, int) and isinstance(right, int) and right > 0 and abs(left) > 1:
                if (abs(left).bit_length() - 1) * right > _max_bits():
                    raise _too_big()
        elif operator == "+":
            a, b = _sized(left), _sized(right)
            if a is not None and b is not None:
                _check_size(a + b)
        elif operator == "%" and isinstance(left, str):
            _check_printf(left)
        return _check_result(super().call_binop(context, operator, left, right))

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 - Jinja's form
        if isinstance(__obj, jinja2.runtime.Macro):
            b = _budget()
            _step(b, MACRO_STEPS)
            if b.depth >= limit("template_macro_depth"):
                raise LimitExceeded(f"宏递归过深：宏调用宏超过 {shown('template_macro_depth')}（宏是否在调用自身？）")
            b.depth += 1
            try:
                return super().call(__context, __obj, *args, **kwargs)
            finally:
                b.depth -= 1
        if isinstance(getattr(__obj, "__self__", None), (str, bytes)):  # a method of a string
            if __obj.__name__ == "join" and args:
                args = (list(args[0]),) + args[1:]  # measured, then joined: a generator is read once
            _check_method(__obj, args, kwargs)
        return _check_result(super().call(__context, __obj, *args, **kwargs))

    def wrap_str_format(self, value: Any) -> Any:
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        f_self = value.__self__
        is_map = value.__name__ == "format_map"
        formatter: Formatter = (_BoundedEscapeFormatter(self, escape=f_self.escape) if isinstance(f_self, Markup)
                                else _BoundedFormatter(self))

        def checked(*args: Any, **kwargs: Any) -> str:
            if is_map:
                if kwargs or len(args) != 1:
                    raise TypeError("format_map() takes exactly one argument")
                args, kwargs = (), args[0]
            return _check_result(type(f_self)(formatter.vformat(f_self, args, kwargs)))

        return checked
