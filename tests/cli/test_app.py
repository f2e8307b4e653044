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
