"""One tmux session on a server of its own, driven by keys and read back as text (the tmux tests).

tmux is started with ``-u`` (UTF-8) and its own ``-L`` socket, so tests never meet each other or
a user's tmux; :meth:`TmuxPane.close` kills that server.
"""

from __future__ import annotations

import re
import subprocess
import time
import uuid
from collections.abc import Callable
from pathlib import Path


class TmuxPane:
    def __init__(self, command: str, cwd: Path, width: int, height: int, history: int | None = None) -> None:
        self.socket = f"aeo-{uuid.uuid4().hex[:8]}"
        self._tmux("new-session", "-d", "-s", "t", "-x", str(width), "-y", str(height), "-c", str(cwd), command)
        if history is not None:
            self._tmux("set-option", "-t", "t", "history-limit", str(history))

    def _tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-u", "-L", self.socket, *args], capture_output=True, text=True,
                              check=True, stdin=subprocess.DEVNULL).stdout

    def keys(self, *keys: str) -> None:
        """tmux key names (``Enter``, ``C-c``) or characters, one key each."""
        self._tmux("send-keys", "-t", "t", *keys)

    def type(self, text: str) -> None:
        """``text`` typed literally."""
        self._tmux("send-keys", "-t", "t", "-l", text)

    def capture(self, *options: str) -> str:
        return self._tmux("capture-pane", "-p", *options, "-t", "t")

    def screen(self) -> str:
        return self.capture("-J")

    def wait_for(self, pattern: str, timeout: float = 20, read: Callable[[], str] | None = None) -> str:
        """The text (``read()``, by default the screen) once ``pattern`` is found in it."""
        read = read or self.screen
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            text = read()
            if re.search(pattern, text):
                return text
            time.sleep(0.05)
        raise AssertionError(f"{pattern!r} did not appear; screen:\n{self.screen()}")

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, stdin=subprocess.DEVNULL)
