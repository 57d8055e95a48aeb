"""The reference docs are generated from the code; the committed copies must be current."""
from __future__ import annotations

from toolkit.docs import fields_markdown, limits_markdown, rules_markdown

from .conftest import ROOT


def test_fields_reference_is_current():
    assert (ROOT / "docs" / "fields.md").read_text(encoding="utf-8") == fields_markdown() + "\n", (
        "docs/fields.md is stale: run python -m toolkit.docs")


def test_rule_catalogue_is_current():
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == rules_markdown() + "\n", (
        "docs/rules.md is stale: run python -m toolkit.docs")


def test_limits_table_is_current():
    assert (ROOT / "docs" / "limits.md").read_text(encoding="utf-8") == limits_markdown() + "\n", (
        "docs/limits.md is stale: run python -m toolkit.docs")


def test_every_rule_is_documented_with_an_example():
    from toolkit.rules import catalogue

    for rule in catalogue().values():
        assert rule.explanation and rule.example, rule.code
        assert rule.example.split(" ")[1].startswith(rule.code) or rule.code in rule.example, rule.code


def test_every_yaml_example_in_the_guided_tour_loads_without_warnings():
    import re

    from toolkit import loads

    from .conftest import ROOT

    text = (ROOT / "docs" / "yaml-reference.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", text, flags=re.S)
    assert len(blocks) >= 10
    for n, block in enumerate(blocks, 1):
        # a fragment (one section alone) is completed with the two required keys, as a reader pasting it would
        head = "" if re.search(r"^year:", block, flags=re.M) else "year: 2023\n"
        head += "" if re.search(r"^unit:", block, flags=re.M) else "unit: {name: 示例县农业农村局}\n"
        loaded = loads(head + block, f"docs/yaml-reference.md#block{n}")
        assert [w.text() for w in loaded.warnings] == [], n


def test_rule_examples_that_cite_an_example_file_are_what_check_prints_for_it():
    # an example citing examples/X.yaml must be a line `jixiao check examples/X.yaml` really prints;
    # illustrative examples cite a file that does not exist (data.yaml, report.txt)
    import re

    from toolkit import check, load
    from toolkit.rules import catalogue

    from .conftest import ROOT

    cited = {}
    for rule in catalogue().values():
        m = re.match(r"(examples/[\w-]+\.yaml):", rule.example)
        if m:
            cited.setdefault(m.group(1), []).append(rule.example)
    assert len(sum(cited.values(), [])) >= 8
    for name, examples in cited.items():
        printed = {f.text().split("\n")[0].replace(str(ROOT) + "/", "") for f in check(load(ROOT / name)).findings}
        printed = {line.replace(f"{ROOT / name}", name) for line in printed}
        for example in examples:
            assert example in printed, example
