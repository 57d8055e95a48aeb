"""The README never lies: its two commands are the ones CI runs, and its Python and YAML examples work."""
from __future__ import annotations

import re

from toolkit import check, loads

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", README, flags=re.S)


def test_ci_runs_the_readme_test_command():
    test_command = blocks("bash")[1].strip()
    assert test_command == "python3 -m venv .venv && . .venv/bin/activate && pip install -e '.[test]' && python -m pytest -q"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in ci.splitlines()


def test_render_command_names_an_existing_example():
    render_command = blocks("bash")[0].strip()
    match = re.search(r"jixiao render (\S+)", render_command)
    assert match and (ROOT / match.group(1)).is_file()


def test_minimal_yaml_example_loads_and_checks_clean():
    yaml_text = blocks("yaml")[0]
    result = check(loads(yaml_text, "README.md"))
    assert result.findings == []


def test_python_example_runs(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    code = blocks("python")[0].replace('"demo-2023.docx"', repr(str(tmp_path / "demo-2023.docx")))
    exec(compile(code, "README.md", "exec"), {})
    assert (tmp_path / "demo-2023.docx").stat().st_size > 10_000


def console_block(command: str) -> str:
    """The output printed under ``$ command`` in the README."""
    block = next(b for b in blocks("console") if b.startswith(f"$ {command}\n"))
    return block.split("\n", 1)[1]


def test_check_output_in_readme_is_what_check_prints(monkeypatch):
    from typer.testing import CliRunner

    from toolkit.cli import app

    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, ["check", "examples/ziyang-gxj-2022.yaml"])
    assert result.exit_code == 1
    assert result.stdout == console_block("jixiao check examples/ziyang-gxj-2022.yaml")


def test_lint_output_in_readme_is_what_lint_prints(tmp_path):
    from typer.testing import CliRunner

    from toolkit.cli import app

    from .conftest import SEEDS

    [seed] = SEEDS.glob("002_*.txt")
    report = tmp_path / "published-report.txt"
    report.write_bytes(seed.read_bytes())
    result = CliRunner().invoke(app, ["lint", str(report)])
    assert result.stdout.replace(str(report), "published-report.txt") == console_block("jixiao lint published-report.txt")
