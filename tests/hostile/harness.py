"""Run the real ``jixiao`` command as a child process under a time and a memory limit, and measure it.

Used by ``tests/hostile/test_hostile.py`` (the limits are the issue's: 20 s, 1.5 GB) and by
``bench/bench_hostile.py`` (which prints the table of every case, with looser limits to measure how bad it is).
"""
from __future__ import annotations

import os
import resource
import signal
import stat
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

TIME_LIMIT = 20.0  # seconds, per command
MEMORY_LIMIT = 1536 * 2**20  # bytes of address space (RLIMIT_AS), per command


def jixiao_command() -> list[str]:
    """The installed console script beside this interpreter, else the module (same entry point).

    With ``JIXIAO_CODE`` set to a source tree (the bench's ``--code``), that tree's ``toolkit`` is run instead."""
    if os.environ.get("JIXIAO_CODE"):
        return [sys.executable, "-c", "from toolkit.cli import main; main()"]
    script = Path(sys.executable).with_name("jixiao")
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-c", "from toolkit.cli import main; main()"]


@dataclass
class Outcome:
    code: int | None  # exit code; negative: killed by that signal; None: over the time limit
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float  # the child's max RSS
    timed_out: bool = False

    @property
    def memory_error(self) -> bool:
        return "MemoryError" in self.stderr or "Cannot allocate memory" in self.stderr

    def summary(self) -> str:
        if self.timed_out:
            return "timeout"
        if self.code is not None and self.code < 0:
            return f"signal {-self.code}"
        if "Traceback" in self.stderr:
            last = [line for line in self.stderr.strip().splitlines() if line.strip()][-1:]
            return f"traceback ({last[0][:60] if last else ''})"
        return f"exit {self.code}"


def _limits(memory: int):
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    return apply


def run(args: list[str], cwd: Path, timeout: float = TIME_LIMIT, memory: int = MEMORY_LIMIT,
        on_start=None) -> Outcome:
    """Run ``jixiao ARGS`` in ``cwd``; ``on_start(proc)`` may act on the running child (send it a signal)."""
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", COLUMNS="200")
    if os.environ.get("JIXIAO_CODE"):
        env["PYTHONPATH"] = os.environ["JIXIAO_CODE"]
    out_path, err_path = cwd.parent / f".{cwd.name}.stdout", cwd.parent / f".{cwd.name}.stderr"
    start = time.monotonic()
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        proc = subprocess.Popen([*jixiao_command(), *args], cwd=cwd, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                env=env, start_new_session=True, preexec_fn=_limits(memory))
        if on_start is not None:
            on_start(proc)
        timed_out = False
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                timed_out = True
                os.killpg(proc.pid, signal.SIGKILL)
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.02)
        proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.monotonic() - start
    stdout = out_path.read_bytes().decode("utf-8", "replace")
    stderr = err_path.read_bytes().decode("utf-8", "replace")
    out_path.unlink()
    err_path.unlink()
    return Outcome(None if timed_out else proc.returncode, stdout, stderr, seconds, usage.ru_maxrss / 1024, timed_out)


def snapshot(folder: Path) -> dict[str, tuple]:
    """What a person would notice changed in a folder: every entry's kind, size, mode, owner and mtime."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            p = Path(dirpath) / name
            st = p.lstat()
            kind = stat.S_IFMT(st.st_mode)
            target = os.readlink(p) if stat.S_ISLNK(st.st_mode) else None
            out[str(p.relative_to(folder))] = (kind, st.st_size if stat.S_ISREG(kind) else 0, stat.S_IMODE(st.st_mode),
                                               st.st_uid, st.st_mtime_ns, target)
    return out
