"""Reading inputs with a size limit, and output that is never half-written and never lands where it should not.

Output goes to a temporary file beside the target, which then replaces the target (``os.replace``). Before that:

* an output path that is one of the inputs (the YAML, the template; also through a link) is refused;
* only a regular file or a new path is written: a directory, a device, a FIFO or a socket is refused; a symbolic
  link is followed only when it ends at a regular file, and then that file is replaced (the link stays);
* a file being replaced keeps its permission bits, and its owner and group where the process may set them; a new
  file gets the usual ``0666 & ~umask``;
* a file name too long for the file system gets a message, not an ``OSError``;
* the temporary file is removed on failure, on Ctrl-C, and on SIGTERM/SIGHUP (a handler removes every temporary
  file in flight, then lets the signal end the process as usual). A temporary file left by SIGKILL or a power cut
  is named ``.NAME.jixiao-PID-XXXX.tmp``; a later write into the same folder removes those whose process no longer
  runs and that are older than ``stale_temp_seconds`` (docs/limits.md) — a process looks once per folder and that
  period, not at every write of a batch.
"""
from __future__ import annotations

import errno
import os
from .lazyre import re
import signal
import stat
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator

from .errors import InputError, OutputError, Problem
from .limits import limit

_TEMP = re.compile(r"^\..*\.jixiao-(\d+)-[A-Za-z0-9_]+\.tmp$")
_IN_FLIGHT: set[Path] = set()
_LOCK = threading.Lock()
_SIGNALS = tuple(s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if s is not None)
_previous: dict[int, object] = {}


# ----------------------------------------------------------------------------------------------------------------
# Inputs
# ----------------------------------------------------------------------------------------------------------------


def read_input(path: str | Path, max_bytes: int, what: str) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``; an InputError (Chinese, naming the file) otherwise.

    A device (``/dev/zero``), a FIFO or a socket is refused before it is opened: reading one may never end."""
    file = str(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise InputError([Problem("文件不存在", file)]) from None
    except OSError as exc:
        raise InputError([Problem(f"无法读取文件：{exc.strerror or exc}", file)]) from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError([Problem(f"这是一个目录，不是 {what}", file)])
    if not stat.S_ISREG(st.st_mode):
        raise InputError([Problem(f"这不是普通文件（而是设备、管道或套接字），请给出 {what}", file)])
    too_big = InputError([Problem(f"文件过大：超过 {_megabytes(max_bytes)}，不像是 {what}（一份报告的数据通常只有几十 KB）",
                                  file)])
    if st.st_size > max_bytes:
        raise too_big
    try:
        with open(path, "rb") as fh:
            # the size the file has, and one byte more to see it grown since (then on to the limit): a read of
            # the limit at once sets aside its megabytes for every file
            data = fh.read(min(st.st_size, max_bytes) + 1)
            if st.st_size < len(data) <= max_bytes:
                data += fh.read(max_bytes + 1 - len(data))
    except OSError as exc:
        raise InputError([Problem(f"无法读取文件：{exc.strerror or exc}", file)]) from None
    if len(data) > max_bytes:
        raise too_big
    return data


def _megabytes(n: int) -> str:
    return f"{n / 2**20:g} MB"


# ----------------------------------------------------------------------------------------------------------------
# Outputs
# ----------------------------------------------------------------------------------------------------------------


def output_target(target: str | Path, inputs: Iterable[str | Path] = ()) -> Path:
    """The regular file (or new path) that writing ``target`` will replace; OutputError when it must not be written.

    Follows a symbolic link that ends at a regular file; refuses directories, devices, FIFOs, sockets, dangling or
    looping links, a name too long for the file system, and any path that is one of ``inputs``."""
    target = Path(target)
    _check_name(target, target)
    final = target
    if target.is_symlink():
        final = Path(os.path.realpath(target))
        if not final.exists():
            raise OutputError(f"{target}: 这是一个符号链接，指向不存在的文件（{os.readlink(target)}）或循环链接，不写入；"
                              "请删除该链接，或给出其他输出路径")
    # one stat of the file for Path's is_dir / exists / is_file (the same errors ignored, the others raised)
    st = _stat(final)
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise OutputError(f"{target}: 这是一个目录，请给出文件名，如 {target / '报告.docx'}")
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise OutputError(f"{target}: 不是普通文件（而是设备、管道或套接字），不能把报告写到这里；请给出一个 .docx 文件路径")
    for source in inputs if st is not None else ():  # a new file is none of the inputs
        try:
            same = Path(source).exists() and os.path.samefile(source, final)
        except OSError:
            same = False
        if same:
            raise OutputError(f"{target}: 输出文件不能是输入文件 {source}（会把它覆盖）；请换一个输出文件名")
    parent = final.parent if str(final.parent) else Path(".")
    if not parent.is_dir():  # (a directory has no file among its parents: one stat for the usual case)
        blocked = next((p for p in [parent, *parent.parents] if p.is_file()), None)
        if blocked is not None:
            raise OutputError(f"{target}: 无法写入报告：{blocked} 是一个文件，不是目录")
        if parent.exists():
            raise OutputError(f"{target}: 无法写入报告：{parent} 不是目录")
        raise OutputError(f"{target}: 输出目录不存在：{parent}")
    if final is not target:  # (the same name in the same folder was checked above)
        _check_name(final, target)
    return final


def _stat(path: Path) -> os.stat_result | None:
    """``os.stat(path)``, None where :meth:`Path.exists` says False (no such file, not a directory on the way, a
    link loop, a bad name); any other error raised, as Path's ``is_dir`` and ``exists`` raise it."""
    try:
        return os.stat(path)
    except OSError as exc:
        if exc.errno not in _IGNORED and getattr(exc, "winerror", None) not in _IGNORED_WINDOWS:
            raise
        return None
    except ValueError:
        return None


#: the errors :meth:`Path.exists` and :meth:`Path.is_dir` take as "no" (pathlib's ``_IGNORED_ERRNOS``)
_IGNORED = (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP)
_IGNORED_WINDOWS = (21, 123, 1921)  # not ready, a bad name, a link that cannot be followed (pathlib's own list)


def _check_name(path: Path, shown_as: Path) -> None:
    """Refuse a file name longer than the file system allows (before anything stats it: that would fail too)."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        name_max = os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):
        name_max = 255
    size = len(os.fsencode(path.name))
    if size > name_max:
        raise OutputError(f"{shown_as}: 文件名过长（{size} 字节，文件系统最多允许 {name_max} 字节；一个汉字占 3 字节），"
                          "请缩短文件名")


@contextmanager
def atomic_path(target: str | Path, inputs: Iterable[str | Path] = ()) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success it replaces ``target``, on failure it is removed.

    An existing report is never clobbered by a failed render, and a reader never sees a partial file. ``inputs``
    are the files the output is made from: writing over one of them is refused (see :func:`output_target`)."""
    shown_target = Path(target)
    final = output_target(target, inputs)
    parent = final.parent if str(final.parent) else Path(".")
    _sweep(parent)
    try:
        import tempfile  # only to write (with shutil, random …): not imported by `jixiao check`

        fd, tmp = tempfile.mkstemp(prefix=f".{_short(final.name)}.jixiao-{os.getpid()}-", suffix=".tmp", dir=parent)
    except OSError as exc:
        raise OutputError(f"{shown_target}: 无法写入报告：{os_reason(exc, shown_target)}") from None
    os.close(fd)
    tmp_path = Path(tmp)
    _track(tmp_path)
    try:
        yield tmp_path
        _copy_mode(final, tmp_path)
        os.replace(tmp_path, final)
    except OSError as exc:
        tmp_path.unlink(missing_ok=True)
        raise OutputError(f"{shown_target}: 无法写入报告：{os_reason(exc, shown_target)}") from None
    except BaseException:
        tmp_path.unlink(missing_ok=True)
        raise
    finally:
        _untrack(tmp_path)


#: when this process last swept each output folder for stale temporary files (time.monotonic())
_SWEPT: dict[str, float] = {}


def _sweep(folder: Path) -> None:
    """:func:`remove_stale_temps` once per folder and ``stale_temp_seconds`` in a process: a batch writes
    thousands of reports into one folder, and each sweep lists the whole folder (quadratic in the batch). A temp
    file is stale only once that old, so sweeping more often would find nothing more."""
    key = os.path.abspath(folder)
    now = time.monotonic()
    last = _SWEPT.get(key)
    if last is not None and now - last < limit("stale_temp_seconds"):
        return
    _SWEPT[key] = now
    remove_stale_temps(folder)


def _short(name: str, max_bytes: int = 80) -> str:
    """The start of a file name, at most ``max_bytes`` of UTF-8, for a temporary name that fits beside it."""
    raw = name.encode("utf-8", "surrogateescape")[:max_bytes]
    return raw.decode("utf-8", "ignore")


def _copy_mode(final: Path, tmp: Path) -> None:
    """The permission bits (and owner, where allowed) of the file being replaced; ``0666 & ~umask`` for a new one."""
    try:
        st = os.stat(final)
    except FileNotFoundError:
        os.chmod(tmp, 0o666 & ~_umask())
        return
    try:
        os.chown(tmp, st.st_uid, st.st_gid)
    except OSError:  # not root: keep the group if we belong to it, else the file becomes ours (as any editor does)
        try:
            os.chown(tmp, -1, st.st_gid)
        except OSError:
            pass
    os.chmod(tmp, stat.S_IMODE(st.st_mode))


def _umask() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    with _LOCK:
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


def remove_stale_temps(folder: str | Path) -> list[Path]:
    """Remove the temporary files of ours in ``folder`` whose process no longer runs and that are old enough."""
    removed = []
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        m = _TEMP.match(entry.name)
        if not m:
            continue
        try:
            if not entry.is_file(follow_symlinks=False) or now - entry.stat().st_mtime < limit("stale_temp_seconds"):
                continue
            if _running(int(m.group(1))):
                continue
            os.unlink(entry.path)
            removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # another user's process, or a pid this system cannot have: leave the file alone
    return True


# -- removing temporary files when the process is told to stop ---------------------------------------------------


def _on_signal(signum, frame) -> None:  # pragma: no cover - exercised in a child process by tests/hostile
    for tmp in list(_IN_FLIGHT):
        try:
            os.unlink(tmp)
        except OSError:
            pass
    _IN_FLIGHT.clear()
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)


def _track(tmp: Path) -> None:
    with _LOCK:
        _IN_FLIGHT.add(tmp)
        if threading.current_thread() is not threading.main_thread() or _previous:
            return
        for sig in _SIGNALS:
            try:
                if signal.getsignal(sig) is signal.SIG_DFL:  # a handler of the application's own is left alone
                    _previous[sig] = signal.signal(sig, _on_signal)
            except (ValueError, OSError):
                pass


def _untrack(tmp: Path) -> None:
    with _LOCK:
        _IN_FLIGHT.discard(tmp)
        if _IN_FLIGHT or threading.current_thread() is not threading.main_thread():
            return
        for sig, previous in list(_previous.items()):
            try:
                if signal.getsignal(sig) is _on_signal:
                    signal.signal(sig, previous)
            except (ValueError, OSError):
                pass
            del _previous[sig]


def os_reason(exc: OSError, out: Path) -> str:
    """A Chinese reason for a failed write."""
    if isinstance(exc, PermissionError):
        return f"没有写入权限（目录 {out.parent} 只读，或文件已在 Word/WPS 中打开）"
    if isinstance(exc, NotADirectoryError):
        parent = next((p for p in out.parents if p.is_file()), out.parent)
        return f"{parent} 是一个文件，不是目录"
    if isinstance(exc, FileNotFoundError):
        return f"输出目录不存在：{out.parent}"
    if exc.errno == errno.ENOSPC:
        return "磁盘空间不足"
    if exc.errno == errno.ENAMETOOLONG:
        return "文件名或路径过长，请缩短"
    if exc.errno == errno.EROFS:
        return "文件系统是只读的"
    return exc.strerror or type(exc).__name__


def write_bytes(target: str | Path, data: bytes, inputs: Iterable[str | Path] = ()) -> None:
    with atomic_path(target, inputs) as tmp:
        tmp.write_bytes(data)


def write_text(target: str | Path, text: str, inputs: Iterable[str | Path] = ()) -> None:
    write_bytes(target, text.encode("utf-8"), inputs)
