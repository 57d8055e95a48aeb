"""Template registry: built-in names and user paths."""
from __future__ import annotations

from pathlib import Path

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


EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.yaml"))


@pytest.mark.parametrize("name", sorted(BUILTIN))
def test_an_exported_outline_is_a_house_template_giving_the_same_report(name, tmp_path):
    """``templates export`` writes the outline as editable tags; rendered unchanged, every example reads as the
    built-in outline's report (and the file is a user's template, checked like any)."""
    import zipfile

    from docx import Document

    from toolkit import load
    from toolkit.templates import export, lookup
    from toolkit.word import render

    from .word.docx_text import docx_text

    out = export(name, tmp_path / "house.docx")
    assert lookup(out).builtin is None
    tags = [p.text for p in Document(str(out)).paragraphs]
    assert "{{p body }}" not in tags and any(t.startswith("{{ num(1) }}") for t in tags)
    assert any(t.startswith("{%p if shown.") for t in tags) and any(t.startswith("{{p blocks.") for t in tags)
    for example in EXAMPLES:
        loaded = load(example)
        own = docx_text(render(loaded, tmp_path / f"{example.stem}-builtin.docx", template=name))
        house = docx_text(render(loaded, tmp_path / f"{example.stem}-house.docx", template=out))
        assert house == own, example.stem
        charts = [zipfile.ZipFile(tmp_path / f"{example.stem}-{k}.docx").read("word/document.xml").count(b"<c:chart ")
                  for k in ("builtin", "house")]
        assert charts[0] == charts[1], example.stem  # the house template places the same charts


def test_a_house_template_edited_in_word_keeps_its_own_words(tmp_path):
    """A heading edited and a block deleted in the exported file show in the report."""
    import re
    import zipfile

    from toolkit import load
    from toolkit.templates import export
    from toolkit.word import render

    from .word.docx_text import docx_text

    out = export("hunan", tmp_path / "house.docx")
    with zipfile.ZipFile(out) as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}
    xml = parts["word/document.xml"].decode("utf-8")
    xml = xml.replace("{{ num(1) }}下一步改进措施", "{{ num(1) }}下一步工作打算")
    xml, n = re.subn(r"<w:p>(?:(?!</w:p>).)*\{\{p blocks\.score \}\}(?:(?!</w:p>).)*</w:p>", "", xml)
    assert n == 1
    parts["word/document.xml"] = xml.encode("utf-8")
    edited = tmp_path / "edited.docx"
    with zipfile.ZipFile(edited, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    loaded = load(EXAMPLES[1])
    loaded.report.narrative.performance = None  # it states the score, which suppresses the generated sentence
    text = docx_text(render(loaded, tmp_path / "r.docx", template=edited))
    own = docx_text(render(loaded, tmp_path / "own.docx", template="hunan"))
    assert "八、下一步工作打算" in text and "下一步改进措施" not in text and "八、下一步改进措施" in own
    sentence = "2023年部门整体支出绩效自评得分"
    assert sentence in own and sentence not in text
