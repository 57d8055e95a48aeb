"""Output that is never half-written: write to a temporary file beside the target, then rename."""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from .errors import OutputError


@contextmanager
def atomic_path(target: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success it replaces ``target``, on failure it is removed.

    An existing report is never clobbered by a failed render, and a reader never sees a partial file.
    """
    target = Path(target)
    parent = target.parent if str(target.parent) else Path(".")
    blocked = next((p for p in [parent, *parent.parents] if p.is_file()), None)
    if blocked is not None:
        raise OutputError(f"{target}: 无法写入报告：{blocked} 是一个文件，不是目录")
    if not parent.exists():
        raise OutputError(f"{target}: 输出目录不存在：{parent}")
    if target.is_dir():
        raise OutputError(f"{target}: 这是一个目录，请给出文件名，如 {target / '报告.docx'}")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent)
    except OSError as exc:
        raise OutputError(f"{target}: 无法写入报告：{os_reason(exc, target)}") from None
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        os.chmod(tmp_path, 0o644)
        os.replace(tmp_path, target)
    except OSError as exc:
        tmp_path.unlink(missing_ok=True)
        raise OutputError(f"{target}: 无法写入报告：{os_reason(exc, target)}") from None
    except BaseException:
        tmp_path.unlink(missing_ok=True)
        raise


def os_reason(exc: OSError, out: Path) -> str:
    """A Chinese reason for a failed write."""
    import errno

    if isinstance(exc, PermissionError):
        return f"没有写入权限（目录 {out.parent} 只读，或文件已在 Word/WPS 中打开）"
    if isinstance(exc, NotADirectoryError):
        parent = next((p for p in out.parents if p.is_file()), out.parent)
        return f"{parent} 是一个文件，不是目录"
    if isinstance(exc, FileNotFoundError):
        return f"输出目录不存在：{out.parent}"
    if exc.errno == errno.ENOSPC:
        return "磁盘空间不足"
    return exc.strerror or type(exc).__name__


def write_bytes(target: str | Path, data: bytes) -> None:
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)


def write_text(target: str | Path, text: str) -> None:
    write_bytes(target, text.encode("utf-8"))
