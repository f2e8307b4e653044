"""Saving files so that nothing is ever half-written: temporary file, fsync, rename."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import yaml

from .answers import Assessment


def write_bytes_atomic(path: Path, data: bytes) -> None:
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    directory.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)  # an ordinary file, not mkstemp's private 0600
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def write_text_atomic(path: Path, text: str) -> None:
    write_bytes_atomic(path, text.encode("utf-8"))


class _Dumper(yaml.SafeDumper):
    pass


def _str_presenter(dumper: yaml.SafeDumper, data: str) -> Any:
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _str_presenter)

HEADER = "# aeo-check answer file: saved after every answer. Resume with: aeo-check assess --resume {name}\n"


def answers_yaml(a: Assessment, name: str = "FILE") -> str:
    doc = a.to_document()
    return HEADER.format(name=name) + yaml.dump(doc, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                                                default_flow_style=False, width=100)


def save_answers(path: Path, a: Assessment) -> None:
    write_text_atomic(path, answers_yaml(a, str(path)))
