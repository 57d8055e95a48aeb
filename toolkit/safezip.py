"""Opening a .docx (a zip package) someone sent, without letting it inflate without bound.

A zip's central directory states each member's compressed and inflated size; Python's :mod:`zipfile` never
inflates a member beyond its stated size (a member that holds more fails its CRC check). So the limits of
``toolkit/limits.py`` can be checked before anything is inflated:

* the number of members (read from the end record, before :mod:`zipfile` builds an entry for each one);
* each member's inflated size, the inflated size of all members together, and the compression ratio of every
  member that inflates to more than 1 MB (a "zip bomb" compresses a thousand times or more; Word's XML, 3–35).

Every member is checked, referenced or not, so a refusal never depends on which parts a template happens to use.
Members are then read one at a time when they are needed (:func:`read`), or streamed in chunks (:func:`copy`).
"""
from __future__ import annotations

import shutil
import zipfile
import zlib
from pathlib import Path
from typing import IO, Callable

from .limits import MB, limit, shown

Refuse = Callable[[str], Exception]

_RATIO_FROM = 1 * MB  # members inflating to less are not judged by their ratio (tiny parts compress oddly)


def _size(n: int) -> str:
    return f"{n / MB:,.1f} MB" if n >= MB else f"{n:,} 字节"


def member_count(fh: IO[bytes]) -> int | None:
    """The number of members the end record declares (None when it cannot be read: zipfile will say why)."""
    try:
        end = zipfile._EndRecData(fh)  # the same reader zipfile uses; stable since Python 2
    except (AttributeError, OSError):
        return None
    return None if not end else end[zipfile._ECD_ENTRIES_TOTAL]


def open_checked(path: str | Path, refuse: Refuse, what: str = "文件") -> zipfile.ZipFile:
    """The zip at ``path``, its members' declared sizes checked against the limits; ``refuse(message)`` is raised
    for a package over a limit or unreadable. The caller closes it."""
    try:
        with open(path, "rb") as fh:
            count = member_count(fh)
        if count is not None and count > limit("zip_members"):
            raise refuse(f"{what}中的成员文件过多：{count:,} 个，超过 {shown('zip_members')}（Word 文档通常只有几十个）")
        z = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise refuse(f"{what}已损坏，不是有效的 zip 包（{exc}）") from None
    except OSError as exc:
        raise refuse(f"无法读取{what}：{exc.strerror or exc}") from None
    try:
        check(z, refuse, what)
    except BaseException:
        z.close()
        raise
    return z


def check(z: zipfile.ZipFile, refuse: Refuse, what: str = "文件") -> None:
    """Refuse a package whose declared sizes break a limit (no member is inflated)."""
    infos = z.infolist()
    if len(infos) > limit("zip_members"):
        raise refuse(f"{what}中的成员文件过多：{len(infos):,} 个，超过 {shown('zip_members')}（Word 文档通常只有几十个）")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:  # zipfile raises RuntimeError when it is read
            raise refuse(f"{what}中的 {info.filename} 已加密（受密码保护），无法读取。请取消密码后另存一份")
        size = info.file_size
        if size > limit("zip_member_bytes"):
            raise refuse(f"{what}中的 {info.filename} 解压后有 {_size(size)}，超过每个成员 {shown('zip_member_bytes')} 的上限"
                         "（疑似压缩炸弹，或文档中嵌入了过大的文件）")
        if size > _RATIO_FROM and size > limit("zip_ratio") * max(info.compress_size, 1):
            ratio = size / max(info.compress_size, 1)
            raise refuse(f"{what}中的 {info.filename} 压缩比为 {ratio:,.0f} 倍（{_size(info.compress_size)} 解压为 "
                         f"{_size(size)}），超过 {shown('zip_ratio')}：疑似压缩炸弹")
        total += size
        if total > limit("zip_total_bytes"):
            raise refuse(f"{what}解压后的总大小超过 {shown('zip_total_bytes')}（疑似压缩炸弹，或嵌入了过大的文件）")


def read(z: zipfile.ZipFile, name: str | zipfile.ZipInfo, refuse: Refuse, what: str = "文件") -> bytes:
    """One member, inflated (at most its checked, declared size)."""
    label = name.filename if isinstance(name, zipfile.ZipInfo) else name
    try:
        return z.read(name)
    except KeyError:
        raise refuse(f"{what}缺少 {label}") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError) as exc:
        raise refuse(f"{what}已损坏：{label} 无法解压或校验失败（{exc}）。请用 Word/WPS 打开后另存一份") from None


def copy(z: zipfile.ZipFile, info: zipfile.ZipInfo, out: zipfile.ZipFile, target: zipfile.ZipInfo, refuse: Refuse,
         what: str = "文件") -> None:
    """Stream one member into another zip in 1 MB chunks (never whole in memory)."""
    try:
        with z.open(info) as src, out.open(target, "w") as dst:
            shutil.copyfileobj(src, dst, MB)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as exc:
        raise refuse(f"{what}已损坏：{info.filename} 无法解压或校验失败（{exc}）。请用 Word/WPS 打开后另存一份") from None
