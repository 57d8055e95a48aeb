"""Start-up (issue 13): what ``jixiao --help`` and ``jixiao check`` import, in a child process (a module list, not a
timing: timings are in bench/bench_all.py), and that building only the command named on the command line changes
nothing a user sees."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from toolkit.cli import COMMANDS, build

from .conftest import EXAMPLES

#: libraries only rendering, linting, the workbook import or the rich progress bar need
RENDER_LIBRARIES = {"docxtpl", "docx", "lxml", "jinja2", "markdown", "openpyxl", "rich"}


def imported(*args: str) -> tuple[set[str], subprocess.CompletedProcess]:
    """The modules a ``jixiao`` command line leaves in ``sys.modules`` (the console entry point, in a child)."""
    code = ("import sys\nfrom toolkit.cli import main\nsys.argv = ['jixiao', *sys.argv[1:]]\n"
            "try:\n    main()\nexcept SystemExit as exc:\n    code = exc.code\n"
            "print('\\n@@', code, ' '.join(sorted(sys.modules)))")
    proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=60)
    marker = proc.stdout.rsplit("\n@@ ", 1)
    assert len(marker) == 2, proc.stderr
    exit_code, _sep, modules = marker[1].partition(" ")
    proc.returncode = int(exit_code) if exit_code not in ("None", "") else 0
    return set(modules.split()), proc


def test_help_imports_no_heavy_library():
    """``jixiao --help`` (and every command module) imports none of the libraries a command needs only when it runs."""
    modules, proc = imported("--help")
    assert proc.returncode == 0, proc.stderr
    assert "toolkit.commands.render" in modules  # the whole app was built: every command is listed
    heavy = {"pydantic", "pydantic_core", "ruamel.yaml", "importlib.metadata", "typer._adapters", *RENDER_LIBRARIES}
    assert not heavy & modules, heavy & modules
    assert not {m for m in modules if m.startswith(("toolkit.checks", "toolkit.claims", "toolkit.word", "toolkit.load",
                                                    "toolkit.model", "toolkit.outlines"))}


def test_check_imports_only_its_command_and_no_renderer():
    """``jixiao check FILE`` runs without Typer (toolkit/direct.py) and imports nothing of the renderer, the
    outlines or rich."""
    modules, proc = imported("check", str(EXAMPLES / "demo-2023.yaml"))
    assert proc.returncode == 0, proc.stderr
    assert "未发现问题" in proc.stdout
    assert {"toolkit.checks", "toolkit.load", "ruamel.yaml", "toolkit.direct"} <= modules  # it did check
    assert not {m for m in modules if m.startswith(("typer", "click", "toolkit.commands"))}
    assert not RENDER_LIBRARIES & modules, RENDER_LIBRARIES & modules
    # the data is validated by the plain model (toolkit/model.py), not by its pydantic definition
    assert not {m for m in modules if m.startswith(("pydantic", "toolkit.pydantic_model", "toolkit.schema"))}
    assert not {m for m in modules if m.startswith(("toolkit.word", "toolkit.outlines", "toolkit.templates"))}
    # what only writing a file (tempfile and what it imports), --json output or a misspelt layout name needs
    assert not {"tempfile", "shutil", "random", "json"} & modules, {"tempfile", "shutil", "random", "json"} & modules


def test_check_compiles_no_pattern_of_the_source_once_they_are_stored(tmp_path):
    """With the compiled patterns stored (toolkit/lazyre.py, as bytecode is kept), a second `jixiao check` builds
    every pattern of the source from the store: re's parser and code generator do not run for them."""
    store = tmp_path / "patterns.bin"
    code = ("import sys\nfrom toolkit import lazyre\nlazyre.STORE = sys.argv[1]\nfrom toolkit.cli import main\n"
            "sys.argv = ['jixiao', 'check', sys.argv[2]]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('@@', len(lazyre._missing), sum('_compiled' in vars(p) for p in lazyre._pending))")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    runs = [subprocess.run([sys.executable, "-c", code, str(store), str(EXAMPLES / "demo-2023.yaml")],
                           capture_output=True, text=True, env=env, timeout=120) for _ in range(2)]
    counts = [tuple(map(int, r.stdout.rsplit("@@ ", 1)[1].split())) for r in runs]
    assert all("未发现问题" in r.stdout for r in runs), runs[0].stderr
    assert counts[0][0] > 50 and counts[1][1] > 50  # the first run compiled them, the second used as many
    assert counts[1][0] == 0  # and compiled none


def test_check_with_an_option_builds_only_its_command():
    modules, proc = imported("check", "--strict", str(EXAMPLES / "demo-2023.yaml"))
    assert proc.returncode == 0, proc.stderr
    assert {m for m in modules if m.startswith("toolkit.commands.")} == {"toolkit.commands.app",
                                                                          "toolkit.commands.check",
                                                                          "toolkit.commands.chinese",
                                                                          "toolkit.commands.coercion"}
    # the arguments are converted without Typer's pydantic adapters (toolkit/commands/coercion.py)
    assert "typer._adapters" not in modules
    assert not {m for m in modules if m.startswith(("pydantic", "toolkit.pydantic_model"))}


FIXTURES = EXAMPLES.parent / "tests" / "fixtures"


@pytest.mark.parametrize("files", [
    [EXAMPLES / "demo-2023.yaml"],
    [FIXTURES / "checks" / "BAL001.yaml"],
    [FIXTURES / "load" / "wrong_types.yaml"],
    [FIXTURES / "load" / "gbk.yaml"],
    [FIXTURES / "load" / "syntax_error.yaml", EXAMPLES / "demo-2023.yaml", FIXTURES / "checks" / "DAT001.yaml"],
    [EXAMPLES / "no-such-file.yaml"],
    [FIXTURES / "word"],
    [Path(""), Path("a\x1b[31m\u202e.yaml")],  # the current directory; a name with control characters
], ids=lambda files: "+".join(repr(f.name) for f in files))
def test_check_without_typer_says_what_the_typer_command_says(files):
    """``jixiao check FILE…`` run directly and run by the Typer app: the same stdout, stderr and exit code."""
    args = [str(f) for f in files]
    direct = subprocess.run([sys.executable, "-c", "import sys\nfrom toolkit.cli import main\n"
                             "sys.argv = ['jixiao', *sys.argv[1:]]\nmain()", "check", *args],
                            capture_output=True, text=True, timeout=60)
    typer = subprocess.run([sys.executable, "-c", "import sys\nfrom toolkit.cli import build\n"
                            "build(['check'])(['check', *sys.argv[1:]], prog_name='jixiao')", *args],
                           capture_output=True, text=True, timeout=60)
    assert (direct.returncode, direct.stdout, direct.stderr) == (typer.returncode, typer.stdout, typer.stderr)
    assert direct.stdout or direct.stderr


def test_render_validates_without_pydantic(tmp_path):
    """``jixiao render`` loads the data through the plain model too: pydantic is for ``jixiao schema`` and the docs."""
    modules, proc = imported("render", str(EXAMPLES / "demo-2023.yaml"), "-o", str(tmp_path / "报告.docx"))
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "报告.docx").stat().st_size > 0 and "toolkit.word" in modules
    assert not {m for m in modules if m.startswith(("pydantic", "toolkit.pydantic_model"))}


def test_model_knows_the_builtin_outlines_without_importing_them():
    from toolkit import outlines
    from toolkit.model import BUILTIN_OUTLINES

    assert BUILTIN_OUTLINES == outlines.NAMES


@pytest.mark.parametrize("name", COMMANDS)
def test_one_command_app_says_what_the_whole_app_says(name):
    """``main`` builds only the command named first; its help, its usage errors and its exit codes are the whole
    app's."""
    runner = CliRunner()
    whole, alone = build(), build([name])
    for args in ([name, "--help"], [name, "--no-such-option"], [name]):
        a, b = runner.invoke(whole, args), runner.invoke(alone, args)
        assert (b.exit_code, b.stdout, b.stderr) == (a.exit_code, a.stdout, a.stderr), args
