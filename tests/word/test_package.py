"""The zip writer of the renderer (toolkit/word/package.py) and the templates it copies, beyond byte-equality with
zipfile (test_equivalence.py): templates stored, with data descriptors, damaged, encrypted or naming a part twice;
clocks outside the years a zip record holds; pieces given as an iterator; names written twice; bases it cannot
append to. Every rendered package is read back by zipfile with its CRCs checked (``testzip``)."""
from __future__ import annotations

import io
import struct
import time
import zipfile
from pathlib import Path

import pytest

from toolkit import load
from toolkit.errors import TemplateError
from toolkit.word import Renderer, package

ROOT = Path(__file__).resolve().parents[2]
HUNAN = ROOT / "toolkit" / "_templates" / "hunan.docx"
_STAMP = (2024, 5, 6, 7, 8, 10)
_IMAGE = bytes(range(256)) * 50  # a member no renderer reads: streamed from the template into the base


@pytest.fixture(scope="module")
def report():
    return load(ROOT / "examples" / "demo-2023.yaml").report


class _Pipe(io.RawIOBase):
    """A stream zipfile cannot seek back in: it then writes every member with a data descriptor (bit 3)."""

    def __init__(self) -> None:
        self.data = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, b) -> int:
        self.data += b
        return len(b)


def _template(tmp_path: Path, name: str, *, method: int = zipfile.ZIP_DEFLATED, descriptor: bool = False,
              twice: str | None = None) -> Path:
    """The hunan template as a house template, its members written again by zipfile (``method``, through a pipe
    when ``descriptor``), an image added, ``twice`` written a second time."""
    with zipfile.ZipFile(HUNAN) as src:
        items = [(i.filename, src.read(i)) for i in src.infolist()]
    items.append(("word/media/image9.png", _IMAGE))
    if twice:
        items.append((twice, dict(items)[twice]))
    out = _Pipe() if descriptor else io.BytesIO()
    with pytest.warns(UserWarning) if twice else _nothing():
        with zipfile.ZipFile(out, "w") as z:
            for member, data in items:
                info = zipfile.ZipInfo(member, date_time=_STAMP)
                info.compress_type = method
                z.writestr(info, data)
    path = tmp_path / name
    path.write_bytes(bytes(out.data) if descriptor else out.getvalue())
    return path


class _nothing:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def _parts(docx: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        assert z.testzip() is None  # every CRC and size checked
        names = z.namelist()
        assert len(names) == len(set(names))
        return {n: z.read(n) for n in names if n != "docProps/core.xml"}  # core.xml holds the clock


def _flags(path: Path) -> set[int]:
    with zipfile.ZipFile(path) as z:
        return {i.flag_bits & 0x8 for i in z.infolist()} | {i.compress_type for i in z.infolist()}


@pytest.mark.parametrize("method,descriptor", [(zipfile.ZIP_STORED, False), (zipfile.ZIP_STORED, True),
                                               (zipfile.ZIP_DEFLATED, True)])
def test_a_template_stored_or_with_data_descriptors_gives_the_same_parts(tmp_path, report, method, descriptor):
    """The template's unchanging members are copied from what zipfile wrote of them once; how the template
    itself held them (stored, deflated, sizes in a data descriptor after the data) changes no part."""
    plain = _template(tmp_path, "plain.docx")
    odd = _template(tmp_path, "odd.docx", method=method, descriptor=descriptor)
    assert (8 in _flags(odd)) == descriptor and method in _flags(odd)
    expected = _parts(Renderer(plain).render_bytes(report))
    got = _parts(Renderer(odd).render_bytes(report))
    assert got == expected
    assert got["word/media/image9.png"] == _IMAGE


@pytest.mark.parametrize("twice", ["word/media/image9.png", "word/styles.xml", "word/document.xml"])
def test_a_template_naming_a_part_twice_is_refused(tmp_path, twice):
    """Both members would be copied into every report under one name (a reader takes one, Word calls it damaged)."""
    path = _template(tmp_path, "twice.docx", twice=twice)
    with pytest.raises(TemplateError, match=f"成员文件 {twice} 出现了两次"):
        Renderer(path)


def _patched(path: Path, member: str, edit) -> Path:
    """The template with the bytes of ``member`` (local header, data, central entry) edited by ``edit``."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo(member)
    central = data.find(b"PK\x01\x02")
    while data[central + 46:central + 46 + len(info.orig_filename)] != info.orig_filename.encode():
        central = data.find(b"PK\x01\x02", central + 4)
    assert central > 0
    edit(data, info, central)
    out = path.with_name(f"edited-{path.name}")
    out.write_bytes(bytes(data))
    return out


def _encrypted(data, info, central) -> None:
    data[info.header_offset + 6] |= 1
    data[central + 8] |= 1


def _bad_crc(data, info, central) -> None:
    crc = struct.unpack_from("<L", data, info.header_offset + 14)[0] ^ 1
    struct.pack_into("<L", data, info.header_offset + 14, crc)
    struct.pack_into("<L", data, central + 16, crc)


def _bad_data(data, info, central) -> None:
    data[info.header_offset + 30 + len(info.filename) + 5] ^= 0xFF


@pytest.mark.parametrize("member", ["word/media/image9.png", "word/styles.xml"])
@pytest.mark.parametrize("edit,message", [(_encrypted, "已加密"), (_bad_crc, "校验失败"), (_bad_data, "无法解压")])
def test_an_encrypted_or_damaged_member_of_a_template_is_refused_in_chinese(tmp_path, member, edit, message):
    """A member read into memory (styles) or streamed into the base (an image): a TemplateError naming it, no
    traceback (an encrypted member made zipfile raise RuntimeError)."""
    path = _patched(_template(tmp_path, "t.docx"), member, edit)
    with pytest.raises(TemplateError, match=message) as caught:
        Renderer(path)
    assert member in str(caught.value)


@pytest.mark.parametrize("year,expected", [(1970, (1980, 1, 1, 0, 0, 0)), (2110, (2107, 12, 31, 23, 59, 58)),
                                           (2024, (2024, 1, 2, 3, 4, 4))])
def test_a_clock_outside_the_zip_years_stamps_the_nearest_time(monkeypatch, report, year, expected):
    """A board without a real-time clock starts in 1970: the template is compiled and the report written (both
    crashed: zipfile's ValueError, struct.error), stamped as zipfile stamps a file's time when not strict."""
    clock = time.struct_time((year, 1, 2, 3, 4, 5, 0, 2, 0))
    monkeypatch.setattr(time, "localtime", lambda *args: clock)
    docx = Renderer("chongqing").render_bytes(report)  # compiled under that clock, and rendered
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        assert z.testzip() is None
        assert {i.date_time for i in z.infolist()} == {expected}
    assert package.clamped((year, 1, 2, 3, 4, 5))[0] == expected[0]


def _base(*members: tuple[str, bytes], **options) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, **options) as z:
        for name, data in members:
            z.writestr(zipfile.ZipInfo(name, date_time=_STAMP), data)
    return buf.getvalue()


def test_pieces_given_as_an_iterator_are_written_whole_even_when_said_to_recur():
    """A recurring member's pieces are joined once to look them up; an iterator of pieces was then empty when it
    was compressed, and the memo kept an empty member for those bytes."""
    base = package.Base(_base(("a.xml", b"<a/>")))
    pieces = [b"<rels>", "甲".encode() * 500, b"</rels>"]
    listed = b"".join(base.write([("r.xml", pieces, package.DEFLATED, 3, _STAMP)]))
    for _ in range(2):  # compressed, then from the memo
        made = b"".join(base.write([("r.xml", iter(pieces), package.DEFLATED, 3, _STAMP)], recurring={"r.xml"}))
        assert made == listed
        with zipfile.ZipFile(io.BytesIO(made)) as z:
            assert z.testzip() is None and z.read("r.xml") == b"".join(pieces)


def test_a_member_named_twice_or_named_like_a_base_member_is_refused():
    base = package.Base(_base(("word/styles.xml", b"<s/>"), ("图/说明.xml", b"<x/>")))
    assert base.names == {"word/styles.xml", "图/说明.xml"}
    with pytest.raises(ValueError, match="word/styles.xml"):
        base.write([("word/styles.xml", [b"<t/>"], package.DEFLATED, 3, _STAMP)])
    with pytest.raises(ValueError, match="图/说明.xml"):
        base.write([("图/说明.xml", [b"<t/>"], package.DEFLATED, 3, _STAMP)])
    with pytest.raises(ValueError, match="b.xml"):
        base.write([("b.xml", [b"1"], package.STORED, 0, _STAMP), ("b.xml", [b"2"], package.STORED, 0, _STAMP)])
    made = b"".join(base.write([("b.xml", [b"1"], package.DEFLATED, None, _STAMP)]))  # zipfile's default level
    assert zipfile.ZipFile(io.BytesIO(made)).read("b.xml") == b"1"


def test_a_base_that_is_not_what_zipfile_writes_without_zip64_is_refused():
    """A comment, trailing bytes, zip64 end records (a base of 65,536 members, or past 2 GB, gets them), or something that is no zip: the offsets it copies would be wrong."""
    plain = _base(("a.xml", b"<a/>"))
    package.Base(plain)
    commented = io.BytesIO(plain)
    with zipfile.ZipFile(commented, "a") as z:
        z.comment = b"note"
    zip64 = io.BytesIO()
    with zipfile.ZipFile(zip64, "w") as z:  # more members than the end record holds: zip64 end records
        for i in range(0x10000):
            z.writestr(zipfile.ZipInfo(f"{i}", date_time=_STAMP), b"")
    for data in (commented.getvalue(), plain + b"\0" * 4, b"", b"PK", zip64.getvalue()):
        with pytest.raises(ValueError):
            package.Base(data)


def test_a_package_past_the_zip_sizes_is_refused_not_written_wrongly(monkeypatch):
    """No part comes near 2 GB (docs/limits.md); past the limit (made small here) nothing is written."""
    base = package.Base(_base(("a.xml", b"<a/>" * 100)))
    monkeypatch.setattr(package, "_LIMIT", 1000)
    with pytest.raises(ValueError, match="zip64"):
        base.write([("b.bin", [bytes(range(256)) * 4], package.STORED, 0, _STAMP)])
    base.write([("b.bin", [b"small"], package.STORED, 0, _STAMP)])
