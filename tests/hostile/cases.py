"""Hostile and extreme inputs, each built by code in a temporary folder (bombs are built small and streamed).

A :class:`Case` builds its files, names the ``jixiao`` command line, and states what must come out: the exit code,
phrases of the Chinese message, and which paths may change. ``tests/hostile/test_hostile.py`` runs every case as a
child process under the issue's limits (20 s, 1.5 GB); ``bench/bench_hostile.py`` prints the same cases as a table
of time and peak memory.
"""
from __future__ import annotations

import io
import os
import signal
import stat
import struct
import time
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "examples" / "demo-2023.yaml"
DATA = "data.yaml"  # every case's YAML is written under this name
OUT = "out.docx"


@dataclass
class Case:
    name: str
    group: str  # yaml, markdown, template, zip, output
    build: Callable[[Path], list[str]]  # writes the files into the folder, returns the command's arguments
    code: int | tuple[int, ...]  # expected exit code(s)
    says: tuple[str, ...] = ()  # phrases the output (stdout + stderr) must hold
    changes: tuple[str, ...] = ()  # paths (relative to the folder) the command may create or change
    check: Callable[[Path, object], None] | None = None  # further checks on the folder after the run
    on_start: Callable[[Path], Callable] | None = None  # given the folder, returns a hook run on the started child
    owner: str = ""  # another engineer's part of issue 12: measured by the bench, skipped by the test
    slow: bool = False

    @property
    def codes(self) -> tuple[int, ...]:
        return self.code if isinstance(self.code, tuple) else (self.code,)


CASES: list[Case] = []


def case(name: str, group: str, code, says=(), **kw):
    def register(build):
        CASES.append(Case(name, group, build, code, tuple(says), **kw))
        return build
    return register


# ----------------------------------------------------------------------------------------------------------------
# Building blocks
# ----------------------------------------------------------------------------------------------------------------

MINIMAL = "year: 2023\nunit:\n  name: 示例局\n"


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


def demo_with(folder: Path, edit: Callable[[dict], None] | None = None, name: str = DATA) -> Path:
    """The consistent demo report, edited in place by ``edit`` (on ruamel's round-trip data), as ``name``."""
    text = DEMO.read_text(encoding="utf-8")
    if edit is not None:
        from ruamel.yaml import YAML

        yaml = YAML()
        data = yaml.load(text)
        edit(data)
        buf = io.StringIO()
        yaml.dump(data, buf)
        text = buf.getvalue()
    return write(folder, name, text)


def user_template(folder: Path, *paragraphs: str, name: str = "mine.docx") -> Path:
    """A user's .docx made with python-docx: one paragraph per argument."""
    from docx import Document

    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    path = folder / name
    doc.save(path)
    return path


def render_with_template(folder: Path, *paragraphs: str) -> list[str]:
    demo_with(folder)
    user_template(folder, *paragraphs)
    return ["render", DATA, "-t", "mine.docx", "-o", OUT]


# -- zip members written by hand: a bomb's deflate stream is built from one repeated block -------------------------


def _gf2_times(mat: list[int], vec: int) -> int:
    out, i = 0, 0
    while vec:
        if vec & 1:
            out ^= mat[i]
        vec >>= 1
        i += 1
    return out


def _gf2_square(mat: list[int]) -> list[int]:
    return [_gf2_times(mat, mat[n]) for n in range(32)]


def crc32_combine(crc1: int, crc2: int, len2: int) -> int:
    """zlib's crc32_combine: the CRC of A+B from crc(A), crc(B) and len(B) (so a bomb's CRC costs no inflating)."""
    if len2 <= 0:
        return crc1
    odd = [0xEDB88320] + [1 << n for n in range(31)]
    even = _gf2_square(odd)
    odd = _gf2_square(even)
    while True:
        even = _gf2_square(odd)
        if len2 & 1:
            crc1 = _gf2_times(even, crc1)
        len2 >>= 1
        if not len2:
            break
        odd = _gf2_square(even)
        if len2 & 1:
            crc1 = _gf2_times(odd, crc1)
        len2 >>= 1
        if not len2:
            break
    return crc1 ^ crc2


@dataclass
class Raw:
    """A zip member given as its raw deflate stream, CRC and inflated size."""

    data: bytes
    crc: int
    size: int


def zeros_bomb(size: int, chunk: int = 1_000_000) -> Raw:
    """A deflate stream inflating to ``size`` zero bytes, about size/1000 bytes long, built in milliseconds."""
    assert size % chunk == 0
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = comp.compress(b"\0" * chunk) + comp.flush(zlib.Z_FULL_FLUSH)  # after a full flush, blocks repeat
    tail = comp.flush(zlib.Z_FINISH)
    crc, piece = 0, zlib.crc32(b"\0" * chunk)
    n = size // chunk
    # CRC of n chunks by doubling
    acc_crc, acc_len, p_crc, p_len = 0, 0, piece, chunk
    while n:
        if n & 1:
            acc_crc = crc32_combine(acc_crc, p_crc, p_len) if acc_len else p_crc
            acc_len += p_len
        p_crc, p_len = crc32_combine(p_crc, p_crc, p_len), p_len * 2
        n >>= 1
    crc = acc_crc
    return Raw(block * (size // chunk) + tail, crc, size)


def write_zip(path: Path, members: list[tuple[str, bytes | Raw]]) -> Path:
    """A zip written by hand (no zip64: every member below 4 GiB), members deflated or given raw."""
    out = bytearray()
    central = bytearray()
    for name, content in members:
        if isinstance(content, Raw):
            raw = content
        else:
            comp = zlib.compressobj(6, zlib.DEFLATED, -15)
            raw = Raw(comp.compress(content) + comp.flush(), zlib.crc32(content), len(content))
        fname = name.encode("utf-8")
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0x800, 8, 0, 0x21, raw.crc, len(raw.data), raw.size,
                           len(fname), 0) + fname
        out += raw.data
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0x800, 8, 0, 0x21, raw.crc, len(raw.data),
                               raw.size, len(fname), 0, 0, 0, 0, 0, offset) + fname
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), len(out), 0)
    path.write_bytes(bytes(out + central + end))
    return path


def template_members(folder: Path) -> list[tuple[str, bytes]]:
    path = user_template(folder, "{{ title }}", name=".base.docx")
    with zipfile.ZipFile(path) as z:
        members = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    path.unlink()
    return members


def zip_template(folder: Path, edit: Callable[[list], list]) -> list[str]:
    demo_with(folder)
    write_zip(folder / "mine.docx", edit(template_members(folder)))
    return ["render", DATA, "-t", "mine.docx", "-o", OUT]


# ----------------------------------------------------------------------------------------------------------------
# YAML
# ----------------------------------------------------------------------------------------------------------------


@case("yaml-billion-laughs", "yaml", 2, ["别名", f"{DATA}:"])
def _(folder):
    lines = ['a0: &a0 ["哈", "哈", "哈", "哈", "哈", "哈", "哈", "哈", "哈"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    lines += ["year: 2023", "unit:", "  name: 示例局", "  duties: *a9"]
    write(folder, DATA, "\n".join(lines) + "\n")
    return ["check", DATA]


@case("yaml-merge-key-bomb", "yaml", 2, ["别名", f"{DATA}:"], slow=True)
def _(folder):
    lines = ["m0: &m0 {k: 哈}"]
    lines += [f"m{i}: &m{i} {{<<: *m{i - 1}, l{i}: *m{i - 1}, r{i}: *m{i - 1}}}" for i in range(1, 40)]
    lines += ["year: 2023", "unit:", "  name: 示例局", "  <<: *m39"]
    write(folder, DATA, "\n".join(lines) + "\n")
    return ["check", DATA]


@case("yaml-alias-count", "yaml", 2, ["别名", f"{DATA}:"])
def _(folder):
    lines = ["year: 2023", "unit:", "  name: &n 示例局", "  departments:"] + ["    - *n"] * 20_000
    write(folder, DATA, "\n".join(lines) + "\n")
    return ["check", DATA]


@case("yaml-nesting-flow-600", "yaml", 2, ["嵌套", f"{DATA}:1:"])
def _(folder):
    write(folder, DATA, "year: " + "[" * 600 + "]" * 600 + "\n")
    return ["check", DATA]


@case("yaml-nesting-block-600", "yaml", 2, ["嵌套", f"{DATA}:"])
def _(folder):
    write(folder, DATA, "".join("  " * i + "a:\n" for i in range(600)) + "  " * 600 + "b: 1\n")
    return ["check", DATA]


@case("yaml-nesting-flow-100000", "yaml", 2, ["嵌套", f"{DATA}:1:"])
def _(folder):
    write(folder, DATA, "year: " + "[" * 100_000 + "]" * 100_000 + "\n")
    return ["check", DATA]


@case("yaml-self-alias-sequence", "yaml", 2, ["引用了自身", f"{DATA}:4:"])
def _(folder):
    write(folder, DATA, MINIMAL + "  departments: &r [1, *r]\n")
    return ["check", DATA]


@case("yaml-self-alias-mapping", "yaml", 2, ["引用了自身", f"{DATA}:4:"])
def _(folder):
    write(folder, DATA, "year: 2023\nunit: &u\n  name: 示例局\n  staffing: *u\n")
    return ["check", DATA]


@case("yaml-float-tag-text", "yaml", 2, ["约500", f"{DATA}:6:"])
def _(folder):
    write(folder, DATA, MINIMAL + "budget:\n  income:\n    amount: !!float 约500\n")
    return ["check", DATA]


@case("yaml-python-tag", "yaml", 2, ["不支持的 YAML 标签", "!!python/object/apply:os.system", f"{DATA}:3:"])
def _(folder):
    write(folder, DATA, "year: 2023\nunit:\n  name: !!python/object/apply:os.system [echo 已执行]\n")
    return ["check", DATA]


@case("yaml-binary-tag", "yaml", 2, ["不支持的 YAML 标签", "!!binary", f"{DATA}:3:"])
def _(folder):
    write(folder, DATA, "year: 2023\nunit:\n  name: !!binary 5rWL6K+V\n")
    return ["check", DATA]


@case("yaml-local-tag", "yaml", 2, ["不支持的 YAML 标签", "!foo", f"{DATA}:3:"])
def _(folder):
    write(folder, DATA, "year: 2023\nunit:\n  name: !foo 示例局\n")
    return ["check", DATA]


@case("yaml-set-tag", "yaml", 2, ["不支持的 YAML 标签", "!!set", f"{DATA}:4:"])
def _(folder):
    write(folder, DATA, MINIMAL + "  departments: !!set {办公室, 财务股}\n")
    return ["check", DATA]


@case("yaml-merge-scalar", "yaml", 2, ["合并键", f"{DATA}:3:"])
def _(folder):
    write(folder, DATA, "year: 2023\nunit:\n  <<: 5\n  name: 示例局\n")
    return ["check", DATA]


@case("yaml-utf16-without-bom", "yaml", 2, [f"{DATA}:3:", "YAML 语法错误"])
def _(folder):
    write(folder, DATA, "year: 2023\nunit:\n  name: 示例局: 错\n", encoding="utf-16-le")
    return ["check", DATA]


@case("yaml-utf16-without-bom-valid", "yaml", 0, ["UTF-16"])
def _(folder):
    write(folder, DATA, MINIMAL, encoding="utf-16-be")
    return ["check", DATA]


@case("yaml-invalid-unicode-escape", "yaml", 2, ["转义", f"{DATA}:3:"])
def _(folder):
    write(folder, DATA, 'year: 2023\nunit:\n  name: "示例\\uZZZZ局"\n')
    return ["check", DATA]


@case("yaml-second-document", "yaml", 2, ["多个 YAML 文档", f"{DATA}:4:"])
def _(folder):
    write(folder, DATA, MINIMAL + "---\nyear: 2024\n")
    return ["check", DATA]


@case("yaml-directive-twice", "yaml", 2, ["%YAML", "重复", f"{DATA}:2:"])
def _(folder):
    write(folder, DATA, "%YAML 1.1\n%YAML 1.1\n---\n" + MINIMAL)
    return ["check", DATA]


@case("yaml-undefined-tag-handle", "yaml", 2, ["标签", f"{DATA}:3:"])
def _(folder):
    write(folder, DATA, "year: 2023\nunit:\n  name: !x!y 示例局\n")
    return ["check", DATA]


@case("yaml-bad-anchor-name", "yaml", 2, ["锚点", f"{DATA}:3:"])
def _(folder):
    write(folder, DATA, "year: 2023\nunit:\n  name: & 示例局\n")
    return ["check", DATA]


@case("yaml-block-scalar-indicator", "yaml", 2, ["块文本", f"{DATA}:3:"])
def _(folder):
    write(folder, DATA, "year: 2023\nunit:\n  name: |0\n    示例局\n")
    return ["check", DATA]


@case("yaml-int-tag-text", "yaml", 2, ["不是整数", f"{DATA}:1:"])
def _(folder):
    write(folder, DATA, "year: !!int 二〇二三\nunit:\n  name: 示例局\n")
    return ["check", DATA]


@case("yaml-input-too-large", "yaml", 2, ["文件过大", DATA])
def _(folder):
    with open(folder / DATA, "w", encoding="utf-8") as fh:
        fh.write(MINIMAL + "narrative:\n  performance: ")
        for _ in range(30):
            fh.write("好" * (1 << 18))  # 30 × 768 KB of UTF-8
        fh.write("\n")
    return ["check", DATA]


@case("yaml-device", "yaml", 2, ["不是普通文件", "/dev/zero"])
def _(folder):
    return ["check", "/dev/zero"]


@case("yaml-fifo", "yaml", 2, ["不是普通文件", "pipe.yaml"])
def _(folder):
    os.mkfifo(folder / "pipe.yaml")
    return ["check", "pipe.yaml"]


# ----------------------------------------------------------------------------------------------------------------
# Markdown narrative
# ----------------------------------------------------------------------------------------------------------------


def _docx_text(path: Path) -> str:
    from docx import Document

    return "\n".join(p.text for p in Document(str(path)).paragraphs)


def _expect_text(*phrases: str):
    def check(folder: Path, outcome) -> None:
        text = _docx_text(folder / OUT)
        for phrase in phrases:
            assert phrase in text, f"{phrase!r} not in the rendered report"
    return check


@case("markdown-10000-brackets", "markdown", 0, ["已生成"], changes=(OUT,), check=_expect_text("[" * 10_000),
      slow=True)
def _(folder):
    def edit(d):
        d["narrative"]["achievements"] = "[" * 10_000
    demo_with(folder, edit)
    return ["render", DATA, "-o", OUT]


@case("markdown-brackets-and-stars", "markdown", 0, ["已生成"], changes=(OUT,),
      check=_expect_text("[" * 3000 + "*" * 3000 + "_" * 3000 + "`" * 3000))
def _(folder):
    def edit(d):
        d["narrative"]["achievements"] = "[" * 3000 + "*" * 3000 + "_" * 3000 + "`" * 3000
    demo_with(folder, edit)
    return ["render", DATA, "-o", OUT]


@case("markdown-literal-stars-and-underscores", "markdown", 0, ["已生成"], changes=(OUT,),
      check=_expect_text("{{ 7*7 }}", "__class__", "a_b_c", "2*3*4", "file_name_v2"))
def _(folder):
    def edit(d):
        d["unit"]["duties"][0] = "负责模板 {{ 7*7 }} 与 __class__ 的说明。"
        d["unit"]["duties"][1] = "变量 a_b_c 与算式 2*3*4，文件 file_name_v2。"
    demo_with(folder, edit)
    return ["render", DATA, "-o", OUT]


@case("check-300kb-paragraph", "markdown", (0, 1), [])
def _(folder):
    def edit(d):
        d["narrative"]["achievements"] = "本单位持续推进各项工作" * 10_000  # 300 KB of UTF-8, no punctuation
    demo_with(folder, edit)
    return ["check", DATA]


# ----------------------------------------------------------------------------------------------------------------
# Templates (a user's .docx)
# ----------------------------------------------------------------------------------------------------------------


def _template_case(name: str, says, *paragraphs: str, **kw):
    CASES.append(Case(name, "template", lambda folder: render_with_template(folder, *paragraphs), 2,
                      ("mine.docx", *says), **kw))


_template_case("template-range-1e9", ["range"], "{% for i in range(10**9) %}x{% endfor %}")
_template_case("template-string-times-1e9", ["文本过长"], "{{ 'a' * 10**9 }}")
_template_case("template-printf-width", ["文本过长"], "{{ '%999999999d'|format(1) }}")
_template_case("template-format-width", ["文本过长"], "{{ '{:>999999999}'.format(1) }}")
_template_case("template-format-nested-width", ["文本过长"], "{{ '{:>{}}'.format(1, 10**9) }}")
_template_case("template-power", ["数值过大"], "{{ 10 ** (10 ** 10) }}")
_template_case("template-big-int-printed", ["数值过大"], "{{ 2 ** 20000 }}")
_template_case("template-lipsum", ["lipsum"], "{{ lipsum(n=10**7) }}")
_template_case("template-many-charts", ["图表过多", "100 幅"], "{%p for i in range(100000) %}", "{{p chart('scores') }}",
               "{%p endfor %}")
_template_case("template-recursive-macro", ["递归"], "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}")
_template_case("template-exponential-macro", ["循环或宏调用"],
               "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(40) }}")
_template_case("template-include", ["include", "不支持"], "{% include 'other.xml' %}")
_template_case("template-import", ["import", "不支持"], "{% import 'macros.xml' as m %}")
_template_case("template-from-import", ["import", "不支持"], "{% from 'macros.xml' import x %}")
_template_case("template-extends", ["extends", "不支持"], "{% extends 'base.xml' %}")
_template_case("template-num-5", ["标题级别"], "{{ num(5) }}")
_template_case("template-num-text", ["标题级别"], "{{ num('x') }}")
_template_case("template-nested-loops", ["循环或宏调用"],
               "{% for i in range(100000) %}{% for j in range(100000) %}{% set x = 1 %}{% endfor %}{% endfor %}")
_template_case("template-doubling", ["文本过长"],
               "{% set ns = namespace(s='a') %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}"
               "{{ ns.s|length }}")
_template_case("template-center", ["文本过长"], "{{ 'a'|center(10**9) }}")
_template_case("template-indent", ["文本过长"], "{{ ('a\\n' * 1000)|indent(10**6) }}")
_template_case("template-replace", ["文本过长"], "{{ ('a' * 100000)|replace('a', 'b' * 100000) }}")
_template_case("template-list-times", ["过长"], "{{ ([1] * 10**9)|length }}")
_template_case("template-list-extend", ["不允许"],
               "{% set x = [1] %}{% for i in range(64) %}{{ x.extend(x) }}{% endfor %}")
_template_case("template-output-flood", ["过长"],
               "{% for i in range(100000) %}{{ 'a' * 100000 }}{% endfor %}")
_template_case("template-slow-loop", ["时间"],
               "{% for i in range(100000) %}{% set x = range(100000)|sum %}{% endfor %}", slow=True)
_template_case("template-unknown-filter", ["过滤器"], "{{ title|nosuchfilter }}")


@case("template-sandbox-escape", "template", 2, ["不允许"])
def _(folder):
    return render_with_template(folder, "{{ ''.__class__.__mro__[1].__subclasses__() }}")


# ----------------------------------------------------------------------------------------------------------------
# Zip bombs in templates
# ----------------------------------------------------------------------------------------------------------------


@case("zip-unreferenced-4gb-member", "zip", 2, ["mine.docx", "解压后"])
def _(folder):
    return zip_template(folder, lambda m: m + [("word/media/unused.bin", zeros_bomb(4_000_000_000))])


@case("zip-referenced-4gb-image", "zip", 2, ["mine.docx", "解压后"])
def _(folder):
    def edit(members):
        out = []
        for name, data in members:
            if name == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdBomb" Type="http://schemas.openxml'
                                    b'formats.org/officeDocument/2006/relationships/image" Target="media/bomb.png"/>'
                                    b"</Relationships>")
            out.append((name, data))
        return out + [("word/media/bomb.png", zeros_bomb(4_000_000_000))]
    return zip_template(folder, edit)


@case("zip-compression-ratio", "zip", 2, ["mine.docx", "压缩比"])
def _(folder):
    def edit(members):
        out = []
        for name, data in members:
            if name == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body>" + b" " * 40_000_000)
            out.append((name, data))
        return out
    return zip_template(folder, edit)


@case("zip-many-members", "zip", 2, ["mine.docx", "成员"])
def _(folder):
    return zip_template(folder, lambda m: m + [(f"junk/{i}.xml", b"") for i in range(60_000)])


@case("zip-lying-size", "zip", 2, ["mine.docx", "损坏"])
def _(folder):
    def edit(members):
        out = []
        for name, data in members:
            if name == "word/document.xml":
                comp = zlib.compressobj(6, zlib.DEFLATED, -15)
                raw = comp.compress(data) + comp.flush()
                data = Raw(raw, zlib.crc32(data), 1000)  # declares fewer bytes than the stream holds
            out.append((name, data))
        return out
    return zip_template(folder, edit)


# ----------------------------------------------------------------------------------------------------------------
# Output safety
# ----------------------------------------------------------------------------------------------------------------


@case("output-is-the-yaml", "output", 2, ["输入文件"])
def _(folder):
    demo_with(folder)
    return ["render", DATA, "-o", DATA]


@case("output-is-the-yaml-through-a-link", "output", 2, ["输入文件"])
def _(folder):
    demo_with(folder)
    os.link(folder / DATA, folder / "same.docx")
    return ["render", DATA, "-o", "same.docx"]


@case("output-is-the-template", "output", 2, ["输入文件"])
def _(folder):
    demo_with(folder)
    user_template(folder, "{{ title }}")
    return ["render", DATA, "-t", "mine.docx", "-o", "mine.docx"]


@case("output-is-a-fifo", "output", 2, ["不是普通文件"])
def _(folder):
    demo_with(folder)
    os.mkfifo(folder / "pipe.docx")
    return ["render", DATA, "-o", "pipe.docx"]


@case("output-is-a-device", "output", 2, ["不是普通文件"])
def _(folder):
    demo_with(folder)
    try:
        os.mknod(folder / "null.docx", stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        os.symlink("/dev/null", folder / "null.docx")  # not root: a link to a device is refused the same way
    return ["render", DATA, "-o", "null.docx"]


@case("output-is-a-directory", "output", 2, ["目录"])
def _(folder):
    demo_with(folder)
    (folder / "reports.docx").mkdir()
    return ["render", DATA, "-o", "reports.docx"]


@case("output-link-to-a-fifo", "output", 2, ["不是普通文件"])
def _(folder):
    demo_with(folder)
    os.mkfifo(folder / "pipe")
    os.symlink("pipe", folder / "link.docx")
    return ["render", DATA, "-o", "link.docx"]


@case("output-dangling-link", "output", 2, ["符号链接"])
def _(folder):
    demo_with(folder)
    os.symlink("nowhere/report.docx", folder / "link.docx")
    return ["render", DATA, "-o", "link.docx"]


def _link_written(folder: Path, outcome) -> None:
    assert os.readlink(folder / "link.docx") == "real.docx"
    assert "青溪县农业农村局2023年度" in _docx_text(folder / "real.docx")


@case("output-link-to-a-report", "output", 0, ["已生成"], changes=("real.docx",), check=_link_written)
def _(folder):
    demo_with(folder)
    (folder / "real.docx").write_bytes(b"old report")
    os.symlink("real.docx", folder / "link.docx")
    return ["render", DATA, "-o", "link.docx"]


OTHER_UID = 4321


def _mode_kept(folder: Path, outcome) -> None:
    st = (folder / OUT).stat()
    assert stat.S_IMODE(st.st_mode) == 0o640, oct(st.st_mode)
    if os.geteuid() == 0:
        assert (st.st_uid, st.st_gid) == (OTHER_UID, OTHER_UID)
    assert "青溪县农业农村局2023年度" in _docx_text(folder / OUT)


@case("output-keeps-mode-and-owner", "output", 0, ["已生成"], changes=(OUT,), check=_mode_kept)
def _(folder):
    demo_with(folder)
    out = folder / OUT
    out.write_bytes(b"old report")
    out.chmod(0o640)
    if os.geteuid() == 0:
        os.chown(out, OTHER_UID, OTHER_UID)
    return ["render", DATA, "-o", OUT]


@case("output-name-too-long", "output", 2, ["文件名过长"])
def _(folder):
    demo_with(folder)
    return ["render", DATA, "-o", "报告" * 60 + ".docx"]


STALE = ".out.docx.jixiao-999999999-ab12cd.tmp"  # a process that no longer runs
FOREIGN = ".out.docx.x3kq.tmp"  # not named as ours


def _stale_removed(folder: Path, outcome) -> None:
    assert not (folder / STALE).exists()
    assert (folder / FOREIGN).exists()


@case("output-stale-temp-removed", "output", 0, ["已生成"], changes=(OUT, STALE), check=_stale_removed)
def _(folder):
    demo_with(folder)
    for name in (STALE, FOREIGN):
        (folder / name).write_bytes(b"half a report")
        old = time.time() - 2 * 3600
        os.utime(folder / name, (old, old))
    return ["render", DATA, "-o", OUT]


def _sigterm_when_temp_appears(folder: Path):
    def hook(proc) -> None:
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and proc.poll() is None:
            if any(p.name.endswith(".tmp") for p in folder.iterdir()):
                time.sleep(0.05)
                proc.send_signal(signal.SIGTERM)
                return
            time.sleep(0.005)
    return hook


def _no_temp(folder: Path, outcome) -> None:
    left = [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]
    assert left == [], left
    assert not (folder / OUT).exists()


@case("output-sigterm-leaves-no-temp", "output", (-signal.SIGTERM, 128 + signal.SIGTERM), [], check=_no_temp,
      on_start=_sigterm_when_temp_appears)
def _(folder):
    return render_with_template(folder, "{%p for i in range(3000) %}", "{{p md(narrative.performance) }}",
                                "{%p endfor %}")
