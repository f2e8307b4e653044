"""Saving files so that nothing is ever half-written: temporary file, fsync, rename."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from aeo_check.answers.model import Assessment
from aeo_check.files.outfile import write_file_atomic
from aeo_check.files.sourcefile import FLOAT_RE


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Atomic save that keeps the replaced file's mode, owner and symbolic link
    (see :mod:`aeo_check.files.outfile`); raises :class:`~aeo_check.files.outfile.OutputError`."""
    write_file_atomic(path, data)


def write_text_atomic(path: Path, text: str) -> None:
    write_bytes_atomic(path, text.encode("utf-8"))


class _Dumper(yaml.SafeDumper):
    """YAML 1.1 dumper that also quotes text our reader would take for a number (``1e3``)."""


_Dumper.add_implicit_resolver("tag:yaml.org,2002:float", FLOAT_RE, list("-+0123456789"))


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
