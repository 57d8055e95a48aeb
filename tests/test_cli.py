"""The CLI through Typer's CliRunner: exact messages and exit codes (0 clean, 1 findings, 2 bad input)."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from toolkit.cli import app

from .conftest import FIXTURES

LOAD = FIXTURES / "load"
runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, [str(a) for a in args])


def test_check_clean_file_exits_0():
    r = run("check", LOAD / "minimal.yaml")
    assert r.exit_code == 0, r.output
    assert r.stdout == f"{LOAD / 'minimal.yaml'}：未发现问题。\n"


def test_check_broken_yaml_exits_2_with_location_and_no_traceback():
    r = run("check", LOAD / "syntax_error.yaml")
    assert r.exit_code == 2
    assert r.stderr == f"{LOAD / 'syntax_error.yaml'}:6:4: YAML 语法错误：缺少键，或缩进不一致\n"
    assert "Traceback" not in r.output


def test_check_wrong_types_exits_2_listing_every_problem():
    r = run("check", LOAD / "wrong_types.yaml")
    assert r.exit_code == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 3
    assert lines[0].endswith("wrong_types.yaml:7:13: 应为数字，收到 '12,3' [budget.income.amount]")


def test_unknown_key_is_a_warning_and_strict_makes_it_fail():
    r = run("check", LOAD / "unknown_key.yaml")
    assert r.exit_code == 0
    assert "KEY001（警告） 未知字段 'budgt'，是否应为 'budget'？ [budgt]" in r.stdout
    assert r.stdout.rstrip().endswith("共 0 个错误，1 个警告。")
    assert run("check", "--strict", LOAD / "unknown_key.yaml").exit_code == 1


def test_check_json_output_has_the_documented_fields():
    r = run("check", "--format", "json", LOAD / "unknown_key.yaml")
    assert r.exit_code == 0
    data = json.loads(r.stdout)
    assert set(data) == {"file", "findings", "errors", "warnings"}
    assert (data["errors"], data["warnings"]) == (0, 1)
    [f] = data["findings"]
    assert set(f) == {"code", "severity", "message", "path", "line", "column", "expected", "found", "help"}
    assert (f["code"], f["line"], f["column"], f["path"]) == ("KEY001", 4, 1, "budgt")


def test_missing_file_exits_2():
    r = run("check", LOAD / "does-not-exist.yaml")
    assert r.exit_code == 2
    assert "文件不存在" in r.stderr


def test_rules_lists_the_catalogue_and_explains_one():
    r = run("rules")
    assert r.exit_code == 0
    assert "KEY001  警告  未知字段" in r.stdout
    r = run("rules", "key001")
    assert r.exit_code == 0
    assert r.stdout.startswith("KEY001（警告，输入类）：未知字段")
    assert "示例" in r.stdout
    r = run("rules", "XYZ999")
    assert r.exit_code == 2
    assert "未知规则代码：XYZ999" in r.stderr


def test_api_names_are_functions_even_after_the_sub_packages_are_imported():
    import toolkit.claims.headings  # noqa: F401
    import toolkit.word.renderer  # noqa: F401
    from toolkit import check, lint, render

    assert callable(render) and callable(lint) and callable(check)
    assert render.__module__ == lint.__module__ == "toolkit"


def test_json_is_a_list_for_several_files_even_when_one_cannot_be_read():
    r = run("check", "--format", "json", LOAD / "syntax_error.yaml", LOAD / "unknown_key.yaml")
    assert r.exit_code == 2
    data = json.loads(r.stdout)
    assert isinstance(data, list) and [d["file"] for d in data] == [str(LOAD / "unknown_key.yaml")]
    assert "YAML 语法错误" in r.stderr
    single = json.loads(run("check", "--format", "json", LOAD / "minimal.yaml").stdout)
    assert isinstance(single, dict) and single["findings"] == []


def test_usage_and_usage_errors_are_in_chinese():
    r = run("--help")
    assert r.exit_code == 0
    assert r.stdout.startswith("用法：jixiao [选项] 命令 [参数]...")
    assert "选项:" in r.stdout and "显示本帮助并退出。" in r.stdout and "命令:" in r.stdout
    r = run("check")
    assert r.exit_code == 2
    assert r.stderr.endswith("错误：缺少参数 data\n") and "用 'jixiao check --help' 查看帮助。" in r.stderr
    r = run("check", "--format", "xml", LOAD / "minimal.yaml")
    assert r.exit_code == 2 and "错误：'--format' / '-f' 的取值 'xml' 无效，应为 'text', 'json'" in r.stderr
    assert run("nonsense").stderr.endswith("错误：没有命令 nonsense\n")
    assert "Usage" not in run("check", "--help").stdout + run("check").stderr
    r = run("check", "--fo", LOAD / "minimal.yaml")
    assert r.exit_code == 2 and r.stderr.endswith("错误：没有选项 --fo（可用的选项：--format）\n")
    r = run("rules", "SUM001", "SUM002")
    assert r.exit_code == 2 and r.stderr.endswith("错误：多余的参数（SUM002）\n")
    helps = run("check", "--help").stdout + run("--help").stdout + run("lint", "--help").stdout
    for english in ("[OPTIONS]", "COMMAND", "[ARGS]", "<list[Path]>", "<Path>", "required", "default:", "Possible"):
        assert english not in helps, english


def test_version():
    import toolkit

    r = run("--version")
    assert r.exit_code == 0 and r.stdout == f"jixiao {toolkit.__version__}\n"


def test_render_of_a_report_points_to_lint():
    seed = next((FIXTURES / "seeds").glob("002_*.txt"))
    r = run("render", seed)
    assert r.exit_code == 2
    assert f"不是 YAML 数据文件" in r.stderr and f"请用：jixiao lint {seed}" in r.stderr


def test_an_internal_error_exits_3_with_one_chinese_line_and_a_traceback_only_under_debug(monkeypatch):
    import toolkit.checks

    def broken(loaded):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(toolkit.checks, "check", broken)
    r = run("check", LOAD / "minimal.yaml")
    assert r.exit_code == 3
    [line] = r.stderr.splitlines()
    assert line.startswith("内部错误（ZeroDivisionError：division by zero）：这是 jixiao 的缺陷") and "报告问题" in line
    r = run("--debug", "check", LOAD / "minimal.yaml")
    assert r.exit_code == 3 and "Traceback (most recent call last)" in r.stderr and "ZeroDivisionError" in r.stderr


def test_control_characters_are_escaped_in_everything_printed(tmp_path):
    hostile = "\x1b]0;pwned\x07\x1b[31m"
    data = tmp_path / f"a{chr(0x1b)}[2Jb.yaml"
    # YAML's own escapes (\\e, \\a) put the control characters into a key
    data.write_text('year: 2022\nunit: {name: 测试局}\n"\\e]0;pwned\\a\\e[31m": 1\n', encoding="utf-8")
    r = run("check", data)
    assert "\x1b" not in r.stdout and "\\x1b]0;pwned\\x07" in r.stdout and "a\\x1b[2Jb.yaml" in r.stdout
    report = tmp_path / "r.txt"
    report.write_text(f"{hostile}支出合计100.00万元，其中基本支出50.00万元，项目支出60.00万元。\n", encoding="utf-8")
    r = run("lint", report)
    assert r.exit_code == 1 and "TXT001" in r.stdout and "\x1b" not in r.stdout and "\x07" not in r.stdout
    assert "原文：" in r.stdout and "\\x1b[31m" in r.stdout
    data_json = json.loads(run("lint", "--format", "json", report).stdout)
    assert hostile in data_json["findings"][0]["quote"]  # JSON keeps the text, escaped by JSON itself


def test_rules_imports_no_check_module():
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-c", "import sys, toolkit.rules; print(' '.join(sorted(sys.modules)))"],
                          capture_output=True, text=True, timeout=60)
    modules = set(proc.stdout.split())
    assert "toolkit.rules" in modules
    assert not {m for m in modules if m.startswith(("toolkit.checks", "toolkit.claims", "toolkit.load"))}
