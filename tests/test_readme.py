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
    assert test_command == "pip install -e '.[test]' && python -m pytest -q"
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
