"""Writing a zip package (a .docx, a chart's .xlsx) from parts compressed once and parts made for each report.

:class:`Base` holds members already compressed (a template's unchanging parts: styles, fonts, theme, settings,
images), as :mod:`zipfile` wrote them, once; :meth:`Base.write` copies their bytes as they are (local headers,
compressed data, CRCs and sizes kept: nothing is inflated or deflated again) and adds each report's own members,
then the central directory. It writes, field for field, what ``zipfile.ZipFile(copy_of_base, "a")`` followed by
``writestr`` of each member writes (same headers, same compressed bytes at the same level; proved byte-equal in
tests/word/test_equivalence.py), without its per-member objects, its re-reading of the base's central directory
and its seeking back over each local header — which at 20 indicators was a third of writing a report.

No member of a report comes near the zip64 sizes (every part is bounded by docs/limits.md, hundreds of MB at
most), so none is written; a package that would need them is refused rather than written wrongly, as is a base that
is not what zipfile writes without them, and a member named twice (a reader takes one of the two, Word refuses the
file). A clock outside the years a zip record holds (1980–2107: a board without a real-time clock starts in 1970)
stamps the nearest time it can hold, as ``zipfile`` does for a file with ``strict_timestamps=False``.
"""
from __future__ import annotations

import struct
import zipfile
import zlib
from typing import Iterable

# the record layouts of zipfile (structFileHeader, structCentralDir, structEndArchive)
_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
_VERSION = 20  # zipfile.DEFAULT_VERSION: what it writes as "made by" and "needed" for a stored or deflated member
_UNIX = 3  # zipfile's create_system off Windows
_MODE = 0o600 << 16  # the permissions zipfile gives a member written without any: ?rw-------
_LIMIT = zipfile.ZIP64_LIMIT  # past which zipfile would write zip64 records

STORED, DEFLATED = zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED


def clamped(date_time: tuple[int, ...]) -> tuple[int, int, int, int, int, int]:
    """``date_time`` within the years a zip record can hold, as zipfile clamps a file's time when it is not strict
    (``ZipInfo.from_file(..., strict_timestamps=False)``); a time within them is kept."""
    if date_time[0] < 1980:
        return (1980, 1, 1, 0, 0, 0)
    if date_time[0] > 2107:
        return (2107, 12, 31, 23, 59, 59)
    return tuple(date_time[:6])  # type: ignore[return-value]


def dos_time(date_time: tuple[int, ...]) -> tuple[int, int]:
    """(time, date) fields of a zip record, as zipfile packs ``ZipInfo.date_time`` (:func:`clamped` first)."""
    y, mo, d, h, mi, s = clamped(date_time)
    return h << 11 | mi << 5 | s // 2, (y - 1980) << 9 | mo << 5 | d


class Base:
    """Members compressed once: the bytes of a zip written by :mod:`zipfile` (no comment, no zip64)."""

    def __init__(self, data: bytes) -> None:
        end = _END.unpack_from(data, len(data) - _END.size) if len(data) >= _END.size else None
        if end is None or end[0] != zipfile.stringEndArchive or end[7]:
            raise ValueError("not a zip written by zipfile (comment or trailing data)")
        count, size, offset = end[4], end[5], end[6]
        if end[1] or end[2] or end[3] != count or offset + size != len(data) - _END.size:
            raise ValueError("not a zip written by zipfile (zip64 records, several disks or trailing data)")
        self.members = memoryview(data)[:offset]  # local headers and data, copied as they are
        self.central = data[offset:offset + size]
        self.count = count
        self.names = frozenset(_central_names(self.central, count))
        #: (data, level) -> (CRC, compressed bytes) of the members said to recur from report to report (a
        #: package's relationships, its content types for a number of charts): each new deflate stream costs tens
        #: of microseconds to set up, whatever its size, a third of writing a small report's own parts
        self.memo: dict[tuple[bytes, int], tuple[int, bytes]] = {}

    def write(self, members: Iterable[tuple[str, Iterable[bytes], int, int, tuple[int, ...]]],
              recurring: frozenset[str] | set[str] = frozenset()) -> list[bytes]:
        """The package's bytes, in pieces to write or join: the base's members, then each of ``members`` —
        ``(name, pieces of its data, zipfile.ZIP_STORED or ZIP_DEFLATED, deflate level, date_time)`` — then the
        central directory of all. A deflated member named in ``recurring`` whose bytes were compressed before is
        not compressed again (:attr:`memo`; the same bytes in, the same bytes out)."""
        out: list = [self.members]
        offset = len(self.members)
        central = [self.central]
        count = self.count
        names = set(self.names)
        for name, pieces, method, level, date_time in members:
            if name in names:
                raise ValueError(f"{name}: a member of that name is in the package already")
            names.add(name)
            if level is None:  # zipfile's default: zlib's
                level = zlib.Z_DEFAULT_COMPRESSION
            ascii = name.isascii()
            raw = name.encode("ascii" if ascii else "utf-8")
            flags = 0 if ascii else 0x800  # as zipfile: a non-ASCII name is UTF-8, and bit 11 says so
            crc, size, data = 0, 0, []
            key = None
            if method == DEFLATED and name in recurring:
                key = (b"".join(pieces), level)
                pieces = (key[0],)  # joined once: ``pieces`` may be an iterator, read only once
            known = self.memo.get(key) if key is not None else None
            if known is not None:
                crc, compressed = known
                size, data = len(key[0]), [compressed]
            elif method == DEFLATED:
                z = zlib.compressobj(level, zlib.DEFLATED, -15)
                for piece in pieces:
                    crc = zlib.crc32(piece, crc)
                    size += len(piece)
                    data.append(z.compress(piece))
                data.append(z.flush())
                if key is not None:
                    if len(self.memo) >= 64:  # bounded: a few per number of charts a report places
                        self.memo.clear()
                    self.memo[key] = (crc, b"".join(data))
            else:
                for piece in pieces:
                    crc = zlib.crc32(piece, crc)
                    size += len(piece)
                    data.append(piece)
            csize = sum(map(len, data))
            if size * 1.05 > _LIMIT or offset + csize > _LIMIT:
                raise ValueError(f"{name}: too large for a zip without zip64 records")
            dtime, ddate = dos_time(date_time)
            out.append(_LOCAL.pack(zipfile.stringFileHeader, _VERSION, 0, flags, method, dtime, ddate,
                                   crc, csize, size, len(raw), 0))
            out.append(raw)
            out += data
            central.append(_CENTRAL.pack(zipfile.stringCentralDir, _VERSION, _UNIX, _VERSION, 0, flags, method,
                                         dtime, ddate, crc, csize, size, len(raw), 0, 0, 0, 0, _MODE, offset))
            central.append(raw)
            offset += _LOCAL.size + len(raw) + csize
            count += 1
        central_bytes = b"".join(central)
        if count > 0xFFFF or offset + len(central_bytes) > _LIMIT:
            raise ValueError("too many or too large members for a zip without zip64 records")
        out.append(central_bytes)
        out.append(_END.pack(zipfile.stringEndArchive, 0, 0, count, count, len(central_bytes), offset, 0))
        return out


def _central_names(central: bytes, count: int) -> Iterable[str]:
    """The member names of a central directory, decoded as zipfile decodes them (UTF-8 when bit 11 says so, else
    code page 437)."""
    at = 0
    for _ in range(count):
        fields = _CENTRAL.unpack_from(central, at)
        if fields[0] != zipfile.stringCentralDir:
            raise ValueError("not a zip written by zipfile (bad central directory)")
        flags, name_len, extra_len, comment_len = fields[5], fields[12], fields[13], fields[14]
        raw = central[at + _CENTRAL.size:at + _CENTRAL.size + name_len]
        yield raw.decode("utf-8" if flags & 0x800 else "cp437")
        at += _CENTRAL.size + name_len + extra_len + comment_len
