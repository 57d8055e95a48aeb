"""Template registry: built-in names and user paths."""
from __future__ import annotations

import pytest

from toolkit.errors import TemplateError
from toolkit.templates import BUILTIN, builtin_path, resolve


@pytest.mark.parametrize("name", sorted(BUILTIN))
def test_builtin_templates_exist(name):
    path = builtin_path(name)
    assert path.suffix == ".docx" and path.stat().st_size > 10_000
    assert resolve(name.upper()) == path


def test_default_is_hunan():
    assert resolve(None).stem == "hunan"
    assert resolve(None, default="chongqing").stem == "chongqing"


def test_old_word_format_is_refused(tmp_path):
    doc = tmp_path / "old.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0 not a zip")
    with pytest.raises(TemplateError) as info:
        resolve(doc)
    assert ".doc" in str(info.value)


def test_templates_are_current(tmp_path):
    """The committed .docx templates are what templates/build.py builds (compared as text, not bytes)."""
    import importlib.util
    from pathlib import Path

    from docx import Document

    spec = importlib.util.spec_from_file_location("build", Path(__file__).parents[1] / "templates" / "build.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    for name in BUILTIN:
        fresh = build.build(name, tmp_path / f"{name}.docx")
        assert [p.text for p in Document(str(fresh)).paragraphs] == \
            [p.text for p in Document(str(builtin_path(name))).paragraphs], f"run python templates/build.py ({name})"


def test_a_users_template_named_like_a_builtin_is_not_taken_for_one(tmp_path, monkeypatch):
    """A user's own ./templates/hunan.docx is theirs: not built in, so its rendered XML is checked."""
    import shutil
    from pathlib import Path

    from toolkit.templates import lookup
    from toolkit.word import Renderer

    own = tmp_path / "templates" / "hunan.docx"
    own.parent.mkdir()
    shutil.copyfile(builtin_path("hunan"), own)
    monkeypatch.chdir(tmp_path)
    assert lookup("templates/hunan.docx").builtin is None
    assert Renderer(Path("templates/hunan.docx")).builtin is False
    assert lookup("hunan").builtin == "hunan" and Renderer("hunan").builtin is True
    assert lookup(builtin_path("sichuan")).builtin == "sichuan"


def test_a_builtin_template_can_be_exported_to_start_ones_own(tmp_path):
    from toolkit.templates import export, lookup

    out = export("chongqing", tmp_path / "mine.docx")
    assert out.read_bytes() == builtin_path("chongqing").read_bytes() and lookup(out).builtin is None
