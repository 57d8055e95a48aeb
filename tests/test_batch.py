"""jixiao batch: 50 departments with two broken files on a process pool of two, and the same on a local Dask cluster."""
from __future__ import annotations

import csv
import re
import shutil
import sys

import openpyxl
import pytest
from docx import Document
from typer.testing import CliRunner

from toolkit.batch import DONE, MAX_CHUNK, REFUSED, UNREADABLE, batch, chunk_sizes, collect
from toolkit.cli import app

from .conftest import EXAMPLES, ROOT

runner = CliRunner()


def departments(folder, n):
    """``n`` consistent departments made from the two made-up examples (each renamed): the benchmark's material."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from bench_batch import generate
    finally:
        sys.path.remove(str(ROOT / "bench"))
    return generate(folder, n)


@pytest.fixture(scope="module")
def fifty(tmp_path_factory):
    root = tmp_path_factory.mktemp("batch")
    departments(root / "in", 48)
    (root / "in" / "broken-syntax.yaml").write_text("year: 2023\nunit: [\n", encoding="utf-8")
    (root / "in" / "broken-type.yaml").write_text("year: 2023\nunit: {name: 某局}\nbudget: {income: {amount: 很多}}\n",
                                                  encoding="utf-8")
    return root


def test_a_batch_of_50_with_two_broken_files_reports_both_and_renders_the_others(fifty):
    seen = []
    result = batch([fifty / "in"], fifty / "out", workers=2, progress=lambda done, total, row: seen.append((done, total)))
    assert seen[-1] == (50, 50) and len(seen) == 50
    assert len(result.rows) == 50 and result.exit_code == 2
    broken = {r.source.rsplit("/", 1)[-1]: r for r in result.failed}
    assert set(broken) == {"broken-syntax.yaml", "broken-type.yaml"}
    assert broken["broken-syntax.yaml"].status == UNREADABLE and ":3:1: YAML 语法错误" in broken["broken-syntax.yaml"].message
    assert "应为数字，收到 '很多' [budget.income.amount]" in broken["broken-type.yaml"].message
    done = [r for r in result.rows if r.ok]
    assert len(done) == 48 and len({r.department for r in done}) == 48
    for r in done[:3] + done[-2:]:
        text = "\n".join(p.text for p in Document(r.output).paragraphs)
        assert f"{r.department}{r.year}年度部门整体支出绩效自评报告" in text.replace("\n", "")
    assert sorted(p.name for p in (fifty / "out").glob("*.docx")) == sorted(f"dept-{k:05d}.docx" for k in range(48))
    # the summary workbook and CSV: one row per file, in input order
    ws = openpyxl.load_workbook(result.summary_xlsx)["汇总"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:9] == ("部门", "年度", "格式", "得分", "等级", "错误", "警告", "输出文件", "状态")
    assert len(rows) == 51 and rows[1][8] == UNREADABLE and rows[3][:6] == ("青溪县农业农村局0", 2023, "hunan", 97.07, "优秀", 0)
    with open(result.summary_csv, encoding="utf-8-sig", newline="") as fh:
        lines = list(csv.reader(fh))
    assert len(lines) == 51 and lines[5][:5] == ["岷溪县经济信息化和科学技术局2", "2021", "sichuan", "97.15", "优"]


def test_errors_are_not_rendered_unless_forced_and_the_cli_exits_non_zero(tmp_path):
    shutil.copy(EXAMPLES / "ziyang-gxj-2022.yaml", tmp_path / "ziyang.yaml")
    shutil.copy(EXAMPLES / "demo-2023.yaml", tmp_path / "demo.yaml")
    r = runner.invoke(app, ["batch", str(tmp_path / "*.yaml"), "-o", str(tmp_path / "out"), "-j", "1"])
    assert r.exit_code == 1, r.output
    assert re.search(r"ziyang\.yaml: 有错误，未生成：.*SUM012", r.stderr)
    assert "共 2 个文件：1 个已生成，1 个未生成。" in r.stdout and "2/2" in r.stderr  # the progress bar
    assert (tmp_path / "out" / "demo.docx").exists() and not (tmp_path / "out" / "ziyang.docx").exists()
    r = runner.invoke(app, ["batch", str(tmp_path / "ziyang.yaml"), "-o", str(tmp_path / "out"), "--force"])
    assert r.exit_code == 0 and (tmp_path / "out" / "ziyang.docx").exists()
    r = runner.invoke(app, ["batch", str(tmp_path / "nothing-*.yaml"), "-o", str(tmp_path / "out")])
    assert r.exit_code == 2 and "没有与此模式匹配的文件" in r.stderr


def test_inputs_are_collected_once_each_and_chunks_spread_over_the_workers(tmp_path):
    paths = departments(tmp_path / "a", 3)
    assert collect([tmp_path / "a", paths[0], str(tmp_path / "a" / "*.yaml")]) == paths
    for n, workers in ((10_000, 2), (200, 2), (200, 1), (50, 2), (3, 2), (1, 8), (0, 2)):
        sizes = chunk_sizes(n, workers)
        assert sum(sizes) == n and all(s >= 1 for s in sizes)
        assert sizes == sorted(sizes, reverse=True)  # large tasks first, the smallest at the end
        left = n
        for s in sizes:  # each at most a quarter of what is left per worker (and MAX_CHUNK), at least one
            assert s == max(1, min(MAX_CHUNK, left // (4 * workers)))
            left -= s
    assert chunk_sizes(10_000, 2)[0] == MAX_CHUNK and chunk_sizes(10_000, 2)[-8:] == [1] * 8


@pytest.mark.slow
def test_the_same_batch_on_a_local_dask_cluster(tmp_path):
    distributed = pytest.importorskip("distributed")
    departments(tmp_path / "in", 6)
    (tmp_path / "in" / "broken.yaml").write_text("year: [\n", encoding="utf-8")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        r = runner.invoke(app, ["batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"),
                                "--scheduler", cluster.scheduler_address])
        with distributed.Client(cluster) as client:
            workers = {w["id"] for w in client.scheduler_info()["workers"].values()}
            assert len(workers) == 2
    assert r.exit_code == 2, r.output
    assert "共 7 个文件：6 个已生成，1 个未生成。" in r.stdout and "broken.yaml: 无法读取" in r.stderr
    assert len(list((tmp_path / "out").glob("*.docx"))) == 6
    ws = openpyxl.load_workbook(tmp_path / "out" / "汇总.xlsx")["汇总"]
    assert [row[8] for row in ws.iter_rows(min_row=2, values_only=True)] == [UNREADABLE] + [DONE] * 6
    assert REFUSED not in {row[8] for row in ws.iter_rows(min_row=2, values_only=True)}


@pytest.mark.slow
def test_pdf_beside_each_report_through_the_library_converter(tmp_path):
    from toolkit import pdf

    if not pdf.available():
        pytest.skip("LibreOffice (soffice) is not installed")
    import subprocess

    departments(tmp_path / "in", 3)
    result = batch([tmp_path / "in"], tmp_path / "out", workers=2, pdf=True)
    assert result.exit_code == 0 and [r.output.endswith(".pdf") for r in result.rows] == [True] * 3
    for r in result.rows:
        text = subprocess.run(["pdftotext", r.output, "-"], capture_output=True, text=True, check=True).stdout
        assert r.department in text.replace(" ", "").replace("\n", "")
        assert (tmp_path / "out" / (r.output.rsplit("/", 1)[-1][:-4] + ".docx")).exists()
