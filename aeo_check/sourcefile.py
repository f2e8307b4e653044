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
        def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
            # The tag of a plain scalar depends on its text alone (no path resolvers here), and
            # answer files repeat the same keys and values file after file: remember short ones.
            if kind is yaml.ScalarNode and implicit[0] and len(value) <= 40:
                tag = memo.get(value)
                if tag is None:
                    tag = super().resolve(kind, value, implicit)
                    if len(memo) >= 4096:  # bounded: numbers and names differ from file to file
                        memo.clear()
                    memo[value] = tag
                return tag
            return super().resolve(kind, value, implicit)

    memo: dict[str, str] = {}

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
    """Parsed data plus the line of every field path.

    The line map is only needed to report a problem, so a document parsed from text keeps its
    node tree and builds the map on first use (valid files, the common case, never pay for it).
    """

    file: str
    data: Any
    _lines: dict[Path_, int | str] | None = None
    _node: Any = field(default=None, repr=False)
    #: problems the reader found in the file itself (a workbook's formula cell, a deleted sheet):
    #: the checker reports them together with its own
    problems: list[Problem] = field(default_factory=list)

    @property
    def lines(self) -> dict[Path_, int | str]:
        if self._lines is None:
            self._lines = {}
            if self._node is not None:
                self._lines[()] = self._node.start_mark.line + 1
                _index(self._node, (), self._lines)
                self._node = None
        return self._lines

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
        data = _construct(loader, node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        msg = " ".join(x for x in (exc.context, exc.problem) if x) or "not valid YAML/JSON"
        raise DataFileError([Problem(file, line, "", f"syntax error: {msg}")]) from None
    except yaml.YAMLError as exc:
        raise DataFileError([Problem(file, None, "", f"syntax error: {exc}")]) from None
    finally:
        loader.dispose()
    return SourceDoc(file, data, None, node)


# --------------------------------------------------------------------------- fast construction
#
# PyYAML's constructor is general (generators for recursive structures, a per-node dispatch
# through several methods); for the plain mappings, lists and scalars of our data files a direct
# walk of the composed nodes builds the same objects in a third of the time. Anything unusual
# (merge keys, explicit or unknown tags, recursive aliases, complex keys, a constructor that
# has been overridden on :class:`_Loader`) falls back to PyYAML's own construction of the whole
# document, so the result is always exactly what the loader would build.

_T = "tag:yaml.org,2002:"
_STR, _INT, _BOOL, _NULL, _MAP, _SEQ = (_T + n for n in ("str", "int", "bool", "null", "map", "seq"))


class _Fallback(Exception):
    pass


_BUSY = object()
_fast_ok: dict[type, bool] = {}


def _fast_allowed(cls: type) -> bool:
    S = yaml.constructor.SafeConstructor
    c = cls.yaml_constructors
    return (cls.construct_mapping is S.construct_mapping and cls.construct_sequence is S.construct_sequence
            and cls.construct_scalar is S.construct_scalar
            and c.get(_STR) is S.construct_yaml_str and c.get(_INT) is S.construct_yaml_int
            and c.get(_BOOL) is S.construct_yaml_bool and c.get(_NULL) is S.construct_yaml_null
            and c.get(_MAP) is S.construct_yaml_map and c.get(_SEQ) is S.construct_yaml_seq)


def _construct(loader: Any, node: yaml.Node) -> Any:
    cls = type(loader)
    ok = _fast_ok.get(cls)
    if ok is None:
        ok = _fast_ok[cls] = _fast_allowed(cls)
    if ok:
        try:
            return _build(loader, node, {})
        except (_Fallback, RecursionError):
            pass
    return loader.construct_document(node)


def _build(loader: Any, node: yaml.Node, memo: dict[int, Any]) -> Any:
    cls = node.__class__
    if cls is yaml.ScalarNode:
        tag = node.tag
        v = node.value
        if tag == _STR:
            return v
        if tag == _INT and v.isascii() and v.isdigit() and (v[0] != "0" or len(v) == 1):
            return int(v)
        if tag == _BOOL:
            return loader.bool_values[v.lower()]
        if tag == _NULL:
            return None
        ctor = loader.yaml_constructors.get(tag)
        if ctor is None or tag in (_MAP, _SEQ):
            raise _Fallback
        return ctor(loader, node)  # other ints, floats, timestamps: the loader's own code
    key = id(node)
    done = memo.get(key)
    if done is not None:
        if done is _BUSY:
            raise _Fallback  # a recursive alias
        return done
    memo[key] = _BUSY
    if cls is yaml.MappingNode and node.tag == _MAP:
        out: Any = {}
        for key_node, value_node in node.value:
            if key_node.__class__ is not yaml.ScalarNode or key_node.tag not in (_STR, _INT, _BOOL, _NULL):
                raise _Fallback  # merge keys, '=' value keys, collection keys
            out[_build(loader, key_node, memo)] = _build(loader, value_node, memo)
    elif cls is yaml.SequenceNode and node.tag == _SEQ:
        out = [_build(loader, n, memo) for n in node.value]
    else:
        raise _Fallback
    memo[key] = out
    return out


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
    if raw[:1024].lstrip().startswith(b"%PDF-"):  # a plan carrying its answer file (PDF/A-3)
        from .pdfdata import NoAnswersInPdf, answers_from_pdf

        try:
            inner, raw = answers_from_pdf(raw)
        except NoAnswersInPdf as exc:
            raise DataFileError([Problem(name, None, "", str(exc))]) from None
        name = f"{name}:{inner}"
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataFileError([Problem(name, line, "", "not UTF-8 text")]) from None
    return parse_text(text, name)
