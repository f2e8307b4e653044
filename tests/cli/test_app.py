"""The command line people expect: -h everywhere, completion scripts for bash, zsh and fish."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

EXE = str(Path(sys.executable).parent / "aeo-check")
COMMANDS = ["template", "import", "schema", "validate", "score", "plan", "report", "portfolio", "diff", "assess",
            "doctor", "standards"]


def run(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([EXE, *args], capture_output=True, text=True, stdin=subprocess.DEVNULL, check=False,
                          env={"PATH": os.environ["PATH"], "LANG": "C.UTF-8", **env})


@pytest.mark.parametrize("command", [[], *([c] for c in COMMANDS)], ids=["aeo-check", *COMMANDS])
def test_dash_h_is_help_on_every_command(command):
    short, long = run(*command, "-h"), run(*command, "--help")
    assert (short.returncode, short.stdout) == (0, long.stdout) and "-h, --help" in short.stdout


@pytest.mark.parametrize("shell, first", [("bash", "_aeo_check_completion() {"), ("zsh", "#compdef aeo-check"),
                                          ("fish", "complete --command aeo-check")])
def test_show_completion_prints_the_script_of_each_shell(shell, first):
    # the test switch typer offers: the shell is named instead of detected from the parent process
    res = run("--show-completion", shell, _TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION="1")
    assert res.returncode == 0 and res.stdout.splitlines()[0].startswith(first), res.stderr


@pytest.mark.parametrize("shell, env", [
    ("bash", {"COMP_WORDS": "aeo-check sc", "COMP_CWORD": "1"}),
    ("zsh", {"_TYPER_COMPLETE_ARGS": "aeo-check sc"}),
    ("fish", {"_TYPER_COMPLETE_ARGS": "aeo-check sc", "_TYPER_COMPLETE_FISH_ACTION": "get-args"}),
])
def test_the_completion_script_completes_commands(shell, env):
    res = run(_AEO_CHECK_COMPLETE=f"complete_{shell}", **env)
    assert res.returncode == 0 and "schema" in res.stdout and "score" in res.stdout, res.stderr


def test_install_completion_is_offered_in_help():
    assert "--install-completion" in run("-h").stdout


# --------------------------------------------------------------------------- "-": the answer file on standard input

ROOT = Path(__file__).resolve().parents[2]
FOOD = ROOT / "examples" / "regular-food-importer.yaml"


def piped(text: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([EXE, *args], input=text, capture_output=True, text=True, check=False,
                          env={"PATH": os.environ["PATH"], "LANG": "C.UTF-8", "COLUMNS": "120"})


def as_json(path: Path) -> str:
    import json

    import yaml

    return json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str, ensure_ascii=False, indent=2)


@pytest.mark.parametrize("shape", ["yaml", "json"])
@pytest.mark.parametrize("command", [["validate"], ["score", "--format", "json"], ["plan", "--format", "json"],
                                     ["report", "--html", "-o", "{out}"]], ids=["validate", "score", "plan", "report"])
def test_dash_reads_the_answer_file_from_standard_input(command, shape, tmp_path):
    text = FOOD.read_text(encoding="utf-8") if shape == "yaml" else as_json(FOOD)
    args = [a.format(out=tmp_path / "plan.html") for a in command]
    from_file, from_stdin = run(*args[:1], str(FOOD), *args[1:]), piped(text, *args[:1], "-", *args[1:])
    assert from_stdin.returncode == from_file.returncode == 0, from_stdin.stderr
    if command[0] == "validate":
        assert from_stdin.stdout.strip().startswith("<stdin>")
    elif command[0] == "score":
        import json

        got, want = json.loads(from_stdin.stdout)[0], json.loads(from_file.stdout)[0]
        assert got.pop("file") == "<stdin>" and want.pop("file") == str(FOOD)
        assert got == want
    elif command[0] == "plan":
        assert from_stdin.stdout == from_file.stdout
    else:
        assert "上海禾鲜食品进出口有限公司" in (tmp_path / "plan.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", ["validate", "score", "plan", "report"])
def test_a_bad_file_on_standard_input_is_named_stdin_with_its_line(command):
    lines = FOOD.read_text(encoding="utf-8").splitlines(keepends=True)
    n = next(i for i, x in enumerate(lines) if x.startswith("  total_assets:"))
    lines[n] = "  total_assets: lots\n"
    res = piped("".join(lines), command, "-")
    assert res.returncode == 2 and res.stderr.startswith(f"<stdin>:{n + 1}: answers.total_assets: "), res.stderr
