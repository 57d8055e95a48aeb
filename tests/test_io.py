"""toolkit.io from the library: bounded input reading and output that lands only where it should."""
from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import pytest

from toolkit.errors import InputError, OutputError
from toolkit.io import atomic_path, read_input, remove_stale_temps, write_bytes


def test_output_equal_to_an_input_is_refused_even_through_a_link(tmp_path):
    data = tmp_path / "data.yaml"
    data.write_text("year: 2023\n", encoding="utf-8")
    os.symlink(data, tmp_path / "link.docx")
    for target in (data, tmp_path / "link.docx"):
        with pytest.raises(OutputError) as info:
            write_bytes(target, b"report", inputs=[data])
        assert "输出文件不能是输入文件" in str(info.value)
    assert data.read_text(encoding="utf-8") == "year: 2023\n"


def test_a_link_to_a_regular_file_is_followed_and_stays_a_link(tmp_path):
    (tmp_path / "real.docx").write_bytes(b"old")
    os.symlink("real.docx", tmp_path / "link.docx")
    write_bytes(tmp_path / "link.docx", b"new")
    assert os.readlink(tmp_path / "link.docx") == "real.docx"
    assert (tmp_path / "real.docx").read_bytes() == b"new"


def test_fifo_and_dangling_link_are_refused(tmp_path):
    os.mkfifo(tmp_path / "pipe.docx")
    os.symlink("nowhere.docx", tmp_path / "dangling.docx")
    with pytest.raises(OutputError, match="不是普通文件"):
        write_bytes(tmp_path / "pipe.docx", b"x")
    with pytest.raises(OutputError, match="符号链接"):
        write_bytes(tmp_path / "dangling.docx", b"x")
    assert stat.S_ISFIFO(os.lstat(tmp_path / "pipe.docx").st_mode)
    assert os.path.islink(tmp_path / "dangling.docx")


def test_replaced_file_keeps_its_mode_and_a_new_one_follows_the_umask(tmp_path):
    old = tmp_path / "old.docx"
    old.write_bytes(b"old")
    old.chmod(0o600)
    write_bytes(old, b"new")
    assert stat.S_IMODE(old.stat().st_mode) == 0o600
    mask = os.umask(0o027)
    try:
        write_bytes(tmp_path / "new.docx", b"new")
    finally:
        os.umask(mask)
    assert stat.S_IMODE((tmp_path / "new.docx").stat().st_mode) == 0o640


def test_too_long_a_name_is_a_message(tmp_path):
    with pytest.raises(OutputError, match="文件名过长"):
        write_bytes(tmp_path / ("报告" * 50 + ".docx"), b"x")


def test_temp_file_is_named_as_ours_and_removed_on_failure(tmp_path):
    with pytest.raises(RuntimeError):
        with atomic_path(tmp_path / "r.docx") as tmp:
            assert tmp.name.startswith(".r.docx.jixiao-") and tmp.name.endswith(".tmp")
            raise RuntimeError
    assert list(tmp_path.iterdir()) == []


def test_only_old_temp_files_of_ended_processes_are_stale(tmp_path):
    old = time.time() - 3600
    names = {"dead": ".r.docx.jixiao-999999999-abc.tmp", "alive": f".r.docx.jixiao-{os.getpid()}-abc.tmp",
             "fresh": ".s.docx.jixiao-999999998-abc.tmp", "foreign": ".r.docx.abc.tmp"}
    for key, name in names.items():
        (tmp_path / name).write_bytes(b"")
        if key != "fresh":
            os.utime(tmp_path / name, (old, old))
    assert [p.name for p in remove_stale_temps(tmp_path)] == [names["dead"]]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(v for k, v in names.items() if k != "dead")


def test_a_folder_is_swept_for_stale_temps_once_a_period_not_once_a_report(tmp_path, monkeypatch):
    """A batch writes thousands of reports into one folder: listing it for every report was quadratic."""
    from toolkit import io as jio

    stale = tmp_path / ".r.docx.jixiao-999999999-abc.tmp"
    stale.write_bytes(b"")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    swept = []
    monkeypatch.setattr(jio, "remove_stale_temps", lambda folder: swept.append(Path(folder)) or [])
    for name in ("a.docx", "b.docx", "c.docx"):
        write_bytes(tmp_path / name, b"x")
    assert swept == [tmp_path]
    period = jio.limit("stale_temp_seconds")
    monkeypatch.setitem(jio._SWEPT, os.path.abspath(tmp_path), time.monotonic() - period - 1)  # a period later
    write_bytes(tmp_path / "d.docx", b"x")
    assert swept == [tmp_path, tmp_path]
    monkeypatch.undo()
    jio._SWEPT.pop(os.path.abspath(tmp_path), None)
    write_bytes(tmp_path / "e.docx", b"x")  # the real sweep, in a folder not swept yet
    assert not stale.exists()


def test_read_input_refuses_devices_and_large_files(tmp_path):
    with pytest.raises(InputError, match="不是普通文件"):
        read_input("/dev/zero", 100, "YAML 文件")
    (tmp_path / "big.yaml").write_bytes(b"x" * 101)
    with pytest.raises(InputError, match="文件过大"):
        read_input(tmp_path / "big.yaml", 100, "YAML 文件")
    assert read_input(tmp_path / "big.yaml", 101, "YAML 文件") == b"x" * 101


def test_an_input_grown_since_its_stat_is_read_whole_or_refused(tmp_path, monkeypatch):
    """read_input reads a file at the size its stat gave, and one byte more: a file grown since is read on to the
    limit (all of it when within it, refused when past it), as the read of the limit at once did."""
    import os

    from toolkit import io as tio
    from toolkit.errors import InputError

    path = tmp_path / "a.yaml"
    path.write_bytes(b"x" * 100)
    real = os.stat

    def smaller(p, *a, **k):
        st = real(p, *a, **k)
        return os.stat_result((st[0], st[1], st[2], st[3], st[4], st[5], 10, *st[7:10]))

    assert tio.read_input(path, 1000, "YAML 文件") == b"x" * 100
    monkeypatch.setattr(tio.os, "stat", smaller)
    assert tio.read_input(path, 1000, "YAML 文件") == b"x" * 100
    assert tio.read_input(path, 100, "YAML 文件") == b"x" * 100
    with pytest.raises(InputError):
        tio.read_input(path, 99, "YAML 文件")
