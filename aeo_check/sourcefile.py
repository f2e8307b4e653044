"""Reading YAML/JSON data files while remembering where every field was written.

Both the catalogue loader and the answer-file loader report problems as
``file:line: field: message``. PyYAML's composer keeps a mark on every node, so
the document is composed once, a map from field path to line number is built
from the node tree, and the same nodes are then constructed into plain Python
data. JSON is valid YAML for our purposes (flow style), so one reader serves both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence

import yaml

def _timestamp(loader: Any, node: Any) -> Any:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError):
        return node.value


def loader_class(base: type) -> type:
    """A safe loader on ``base`` whose impossible dates (2026-13-01) stay text, so validation can
    name the field. Data files must read the same with libyaml's parser and PyYAML's own."""

    class _Loader(base):  # type: ignore[misc,valid-type]
        pass

    _Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
    return _Loader


# the libyaml parser is ~10x faster; PyYAML wheels ship it, builds without libyaml lack CSafeLoader
_Loader = loader_class(getattr(yaml, "CSafeLoader", yaml.SafeLoader))

Path_ = tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a data file, located as precisely as we can."""

    file: str
    line: int | str | None  # a line number; for a workbook the cell, written "sheet!D12"
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"

    def as_dict(self) -> dict[str, Any]:
        return {"file": self.file, "line": self.line, "field": self.field, "message": self.message}


class DataFileError(Exception):
    """Raised with every problem found in one or more data files."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass(slots=True)
class SourceDoc:
    """Parsed data plus the line of every field path."""

    file: str
    data: Any
    lines: dict[Path_, int | str] = field(default_factory=dict)
    #: problems the reader found in the file itself (a workbook's formula cell, a deleted sheet):
    #: the checker reports them together with its own
    problems: list[Problem] = field(default_factory=list)

    def line_of(self, path: Iterable[Any]) -> int | str | None:
        """Line of the deepest existing prefix of ``path`` (1-based), if known."""
        p = tuple(path)
        while p:
            if p in self.lines:
                return self.lines[p]
            p = p[:-1]
        return self.lines.get((), None)

    def problem(self, path: Iterable[Any], message: str) -> Problem:
        p = tuple(path)
        return Problem(self.file, self.line_of(p), dotted(p), message)


def dotted(path: Iterable[Any]) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def _index(node: yaml.Node, path: Path_, lines: dict[Path_, int]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            child = path + (key,)
            lines.setdefault(child, key_node.start_mark.line + 1)
            _index(value_node, child, lines)
    elif isinstance(node, yaml.SequenceNode):
        for i, value_node in enumerate(node.value):
            child = path + (i,)
            lines.setdefault(child, value_node.start_mark.line + 1)
            _index(value_node, child, lines)


def parse_text(text: str, file: str) -> SourceDoc:
    """Parse YAML or JSON text; syntax errors become a :class:`DataFileError`."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return SourceDoc(file, None, {})
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        msg = " ".join(x for x in (exc.context, exc.problem) if x) or "not valid YAML/JSON"
        raise DataFileError([Problem(file, line, "", f"syntax error: {msg}")]) from None
    except yaml.YAMLError as exc:
        raise DataFileError([Problem(file, None, "", f"syntax error: {exc}")]) from None
    finally:
        loader.dispose()
    lines: dict[Path_, int] = {(): node.start_mark.line + 1}
    _index(node, (), lines)
    return SourceDoc(file, data, lines)


def read_file(path: Path, display: str | None = None) -> SourceDoc:
    name = display or str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataFileError([Problem(name, None, "", "file not found")]) from None
    except IsADirectoryError:
        raise DataFileError([Problem(name, None, "", "is a directory, not a file")]) from None
    except OSError as exc:
        raise DataFileError([Problem(name, None, "", f"cannot read: {exc.strerror}")]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataFileError([Problem(name, line, "", "not UTF-8 text")]) from None
    return parse_text(text, name)
