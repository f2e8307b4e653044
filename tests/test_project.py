"""The project's promises about itself: the README's commands, CI, packaging, start-up imports."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(.*?)\n```", text, flags=re.S)


def test_readme_opens_with_install_and_test_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    head = text[: text.index("## ")]
    blocks = re.findall(r"```sh\n(.*?)\n```", head, flags=re.S)
    assert len(blocks) == 2, "the README opens with exactly two commands"
    install, tests = blocks
    for cmd in (install, tests):
        assert cmd.startswith("apt-get update"), "each command starts from a fresh machine"
        assert "fonts-noto-cjk" in cmd and "libharfbuzz-subset0" in cmd and "libpango-1.0-0" in cmd
        assert "python3-venv" in cmd
    assert ".venv/bin/pip install . " in install and "aeo-check report examples/" in install
    assert "pytest" in tests and "< /dev/null" in tests


def test_ci_runs_the_readme_test_command_verbatim():
    tests_cmd = _readme_commands()[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert tests_cmd in ci.splitlines(), ".ci/run must run the README's test command exactly"


def test_examples_referenced_by_readme_and_ci_exist():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    names = set(re.findall(r"examples/([\w-]+\.yaml)", ci + "\n".join(_readme_commands())))
    assert names
    for name in names:
        assert (ROOT / "examples" / name).is_file(), name
    assert len(list((ROOT / "examples").glob("*.yaml"))) >= 5


HEAVY = ("weasyprint", "questionary", "jinja2", "prompt_toolkit", "pydantic", "openpyxl")

_PROBE = """
import json, sys
sys.argv = ["aeo-check", *sys.argv[1:]]
from aeo_check.cli import main as cli
try:
    cli.main()
except SystemExit:
    pass
print("\\n@@" + json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in %r)))
"""


def _modules_after(*args: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", _PROBE % (HEAVY,), *args], capture_output=True, text=True,
                         stdin=subprocess.DEVNULL, cwd=ROOT, check=False)
    marker = out.stdout.rindex("@@")
    return {m.split(".")[0] for m in json.loads(out.stdout[marker + 2:])}


def test_help_does_not_import_heavy_libraries():
    assert _modules_after("--help") & {"weasyprint", "questionary", "jinja2", "prompt_toolkit", "openpyxl"} == set()


def test_score_does_not_import_rendering_or_prompt_libraries():
    loaded = _modules_after("score", str(ROOT / "examples" / "certified-trading.yaml"))
    assert "pydantic" in loaded  # the probe really ran the command
    assert loaded & {"weasyprint", "questionary", "jinja2", "prompt_toolkit", "openpyxl"} == set()


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
                   check=True, stdin=subprocess.DEVNULL, capture_output=True)
    return next(out.glob("aeo_check-*.whl"))


def test_wheel_ships_catalogue_and_templates(wheel: Path):
    names = zipfile.ZipFile(wheel).namelist()
    data = {n for n in names if "/_data/" in n}
    expected = {p.relative_to(ROOT).as_posix() for d in ("questionnaires", "report_templates", "schemas")
                for p in (ROOT / d).rglob("*") if p.is_file()}
    assert {n.split("/_data/", 1)[1] for n in data} >= expected
    assert any(n.endswith("entry_points.txt") for n in names)


def test_non_editable_install_scores_and_loads_templates_from_the_wheel(wheel: Path, tmp_path: Path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True, stdin=subprocess.DEVNULL, capture_output=True)
    env = {**os.environ, "PYTHONPATH": str(target)}
    env.pop("AEO_CHECK_DATA", None)
    code = ("import aeo_check, json\n"
            "from aeo_check.catalogue.loader import data_root\n"
            "from aeo_check.catalogue import get_catalogue\n"
            "print(json.dumps([aeo_check.__file__, str(data_root()), len(get_catalogue().items)]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         cwd=tmp_path, stdin=subprocess.DEVNULL, check=True)
    module_file, root, n_items = json.loads(out.stdout)
    assert module_file.startswith(str(target))
    assert root.startswith(str(target)) and (Path(root) / "questionnaires").is_dir()
    assert (Path(root) / "report_templates" / "plan.html").is_file()
    assert n_items > 90


def test_the_pre_commit_hook_runs_on_answer_files_as_usually_named():
    import yaml

    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]

    def checked(path: str) -> bool:  # pre-commit's own rule: re.search on the repository path
        return bool(re.search(hook["files"], path)) and not re.search(hook.get("exclude", "^$"), path)

    named = ["answers/2026.yaml", "clients/acme/answers/q1.json", "answers/filled.xlsx",
             "aeo-answers-2026-11-20.yaml", "clients/acme/aeo-answers.yml", "acme.aeo.yaml", "x/acme.aeo.json"]
    others = ["pyproject.toml", ".github/workflows/ci.yaml", "docker-compose.yml", "answers/answers.schema.json",
              "aeo-answers-2026-11-20-checklist.txt", "src/aeo.yaml", "myanswers/x.yaml"]
    assert [p for p in named if not checked(p)] == [] and [p for p in others if checked(p)] == []
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert hook["files"] in readme  # the README shows the pattern the hook uses
