"""Reading YAML/JSON data files while remembering where every field was written.

Both the catalogue loader and the answer-file loader report problems as
``file:line: field: message``. PyYAML's composer keeps a mark on every node, so
the document is composed once, a map from field path to line number is built
from the node tree (only when a problem needs a line), and the same nodes are then constructed
into plain Python data. JSON is valid YAML for our purposes (flow style), so one reader serves both.

Two paths read the text. The fast path (:mod:`.quickyaml`) reads the simple shape that
``aeo-check template`` and ``assess`` write, in plain Python and without importing PyYAML (its
import alone costs a single ``score FILE`` ~8-10 ms), several times faster than libyaml; it
returns the very data the full path would build, or "not sure" for anything outside that strict
subset. The full path (:func:`parse_text_full`: libyaml, the resolver below, the safety walk)
reads everything else and reports every error, so the fast path cannot weaken a check below: it
only ever takes documents that hold none of what they refuse. Lines are composed by the full
path too, lazily, from the text the fast path kept, so a problem names the same line either way.

The reader is the first line of defence against hostile files (limits in :mod:`.limits`); the
full path holds every check of the text itself:

- only regular files are read (a FIFO would block, ``/dev/zero`` never ends), at most
  :data:`~aeo_check.files.limits.MAX_FILE_BYTES`; a symbolic link is followed only to a file in
  its own folder, so a link to ``/etc/shadow`` is never opened;
- the node tree is walked once, without recursion, before anything is constructed: aliases of
  lists and mappings (``*name``, the "billion laughs" bomb and recursive documents), merge keys, nesting deeper
  than :data:`~aeo_check.files.limits.MAX_DEPTH` and duplicate keys are refused with their lines;
- scalars resolve the way a person means them (:mod:`.numbers`): ``true``/``false`` are the
  only booleans (``yes``, ``no``, ``on`` stay text), numbers are plain decimal, and anything
  YAML 1.1 would read as sexagesimal, hex, octal or with underscores stays text, so the
  checker can say what is wrong with it.
"""

from __future__ import annotations

import os
import re
import stat
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from aeo_check.files import quickyaml
from aeo_check.files.limits import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    MAX_INT_DIGITS,
    MAX_PROBLEMS,
)
from aeo_check.files.quickyaml import FLOAT_RE, float_value, int_value
from aeo_check.files.safetext import inert

if TYPE_CHECKING:
    import yaml

_T = "tag:yaml.org,2002:"
_STR, _INT, _BOOL, _NULL, _MAP, _SEQ = (_T + n for n in ("str", "int", "bool", "null", "map", "seq"))
_FLOAT = _T + "float"
_MERGE = _T + "merge"


def _need_yaml() -> None:
    """Import PyYAML on first need (~8-10 ms): a file the fast path reads never needs it."""
    global yaml
    import yaml


def _timestamp(loader: Any, node: Any) -> Any:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError):
        return node.value


# numbers are read by the fast path's own functions, so the two paths cannot drift apart
def _int(loader: Any, node: Any) -> Any:
    return int_value(str(node.value))  # text it refuses stays text: the checker explains it


def _float(loader: Any, node: Any) -> Any:
    return float_value(str(node.value))


def loader_class(base: type) -> type:
    """A safe loader on ``base`` with YAML 1.2-like scalars: impossible dates (2026-13-01) and
    numbers no person would write stay text, so validation can name the field. Data files must
    read the same with libyaml's parser and PyYAML's own."""
    _need_yaml()

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

    _Loader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag not in (_BOOL, _INT, _FLOAT)]
        for first, resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
    }
    _Loader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
    _Loader.add_implicit_resolver(_INT, re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
    _Loader.add_implicit_resolver(_FLOAT, FLOAT_RE, list("-+0123456789"))
    _Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
    _Loader.add_constructor(_INT, _int)
    _Loader.add_constructor(_FLOAT, _float)
    return _Loader


def __getattr__(name: str) -> Any:
    """``_Loader``, the full path's loader class, built on first use (it needs PyYAML)."""
    if name == "_Loader":
        return _loader_class()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _loader_class() -> Any:
    """The loader of the full path: ``_Loader`` once made (a test may replace it), else made now."""
    _need_yaml()
    cls = globals().get("_Loader")
    if cls is None:
        # the libyaml parser is ~10x faster; PyYAML wheels ship it, builds without libyaml lack CSafeLoader
        cls = globals()["_Loader"] = loader_class(getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return cls


Path_ = tuple[Any, ...]


class Problem(NamedTuple):
    """One thing wrong with a data file, located as precisely as we can."""

    file: str
    line: int | str | None  # a line number; for a workbook the cell, written "sheet!D12"
    field: str
    message: str

    def __str__(self) -> str:
        """One line, safe for a terminal: control characters escaped, long keys cut."""
        where = inert(f"{self.file}:{self.line}" if self.line else self.file)
        msg = inert(self.message, 600)
        return f"{where}: {inert(self.field, 120)}: {msg}" if self.field else f"{where}: {msg}"

    def as_dict(self) -> dict[str, Any]:
        return {"file": self.file, "line": self.line, "field": self.field, "message": self.message}


def capped(problems: Sequence[Problem], limit: int = MAX_PROBLEMS) -> list[Problem]:
    """At most ``limit`` problems per file, each file's list closed by a count of the rest."""
    by_file: dict[str, list[Problem]] = defaultdict(list)
    for p in problems:
        by_file[p.file].append(p)
    out: list[Problem] = []
    for file, ps in by_file.items():
        out += ps[:limit]
        if len(ps) > limit:
            out.append(Problem(file, None, "", f"… and {len(ps) - limit} more problems "
                                               f"(only the first {limit} are listed)"))
    return out


class DataFileError(Exception):
    """Raised with every problem found in one or more data files (at most
    :data:`~aeo_check.files.limits.MAX_PROBLEMS` listed per file, then a count of the rest)."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = capped(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass(slots=True, eq=False, repr=False)
class SourceDoc:
    """Parsed data plus the line of every field path.

    The line map is only needed to report a problem, so a document parsed from text keeps its
    node tree and builds the map on first use (valid files, the common case, never pay for it).
    A document the fast path read (:mod:`.quickyaml`) keeps its text instead, composed with the
    full YAML path on first use: the lines are then exactly those the full path gives.
    """

    file: str
    data: Any
    _lines: dict[Path_, int | str] | None = None
    _node: Any = field(default=None, repr=False)
    #: problems the reader found in the file itself (a workbook's formula cell, a deleted sheet):
    #: the checker reports them together with its own
    problems: list[Problem] = field(default_factory=list)
    _text: str | None = field(default=None, repr=False)

    @property
    def lines(self) -> dict[Path_, int | str]:
        if self._lines is None:
            self._lines = {}
            if self._node is None and self._text is not None:
                self._node = _compose(self._text)  # the fast path read it, so libyaml does too
                self._text = None
            if self._node is not None:
                self._lines, _ = _index(self._node, self.file)
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


def _key_identity(node: yaml.ScalarNode) -> tuple[str, str]:
    """What makes two keys the same key once constructed (``true``/``True``, ``7``/``07``)."""
    v = node.value
    if node.tag == _BOOL:
        return node.tag, v.lower()
    if node.tag == _INT:
        return node.tag, v.lstrip("+").lstrip("0") or "0"
    if node.tag == "tag:yaml.org,2002:null":
        return node.tag, ""
    return node.tag, v


def _index(root: yaml.Node, file: str) -> tuple[dict[Path_, int], list[Problem]]:
    """Lines of every field path, and what makes the tree unsafe or ambiguous to construct.

    Walks with an explicit stack (no recursion), visiting every list and mapping once: one met
    a second time is an alias (an alias of a plain value is harmless and allowed)."""
    lines: dict[Path_, int] = {(): root.start_mark.line + 1}
    problems: list[Problem] = []
    seen: set[int] = set()
    told: set[int] = set()  # anchored nodes whose aliases were reported (once each)
    stack: list[tuple[yaml.Node, Path_, int]] = [(root, (), 1)]
    while stack:
        node, path, depth = stack.pop()
        if id(node) in seen:
            if id(node) not in told:
                told.add(id(node))
                problems.append(_alias(file, node, path, lines))
            continue
        seen.add(id(node))
        if type(node) is yaml.ScalarNode:  # only the root can be one
            continue
        if depth > MAX_DEPTH:
            problems.append(Problem(file, node.start_mark.line + 1, dotted(path),
                                    f"nested more than {MAX_DEPTH} levels deep"))
            continue
        if isinstance(node, yaml.MappingNode):
            children = _mapping(file, node, path, lines, problems)
        else:  # the composer makes scalars, mappings and sequences only
            children = _sequence(node, path, lines)
        # a shared scalar costs nothing: only collections can explode
        stack.extend((v, p, depth + 1) for v, p in reversed(children) if type(v) is not yaml.ScalarNode)
    problems.sort(key=lambda p: p.line or 0)
    return lines, problems


def _alias(file: str, node: yaml.Node, path: Path_, lines: dict[Path_, int]) -> Problem:
    # an alias has no mark of its own: name the line of the field that holds it
    where = path[:-1] if path and isinstance(path[-1], int) else path
    return Problem(file, lines.get(where), dotted(path),
                   f"an alias repeats the value anchored at line {node.start_mark.line + 1}; "
                   "aliases (*name) are not allowed: write the value out")


def _mapping(file: str, node: yaml.MappingNode, path: Path_, lines: dict[Path_, int],
             problems: list[Problem]) -> list[tuple[yaml.Node, Path_]]:
    """A mapping's values with their paths, its keys' lines noted; what its keys break, told."""
    first: dict[tuple[str, str], int] = {}
    children = []
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1
        if not isinstance(key_node, yaml.ScalarNode):
            problems.append(Problem(file, line, dotted(path), "a key must be a plain name, not a list or mapping"))
            continue
        if key_node.tag == _MERGE:
            problems.append(Problem(file, line, dotted(path), "merge keys (<<) are not allowed: write the fields out"))
            continue
        key = key_node.value
        ident = (_STR, key) if key_node.tag == _STR else _key_identity(key_node)
        child = path + (key,)
        if ident in first:
            problems.append(Problem(file, line, dotted(child),
                                    f"duplicate key: first at line {first[ident]}, again at line {line}"))
            continue
        first[ident] = line
        lines.setdefault(child, line)
        children.append((value_node, child))
    return children


def _sequence(node: yaml.SequenceNode, path: Path_, lines: dict[Path_, int]) -> list[tuple[yaml.Node, Path_]]:
    """A list's items with their paths, each item's line noted."""
    children = []
    for i, value_node in enumerate(node.value):
        child = path + (i,)
        lines.setdefault(child, value_node.start_mark.line + 1)
        children.append((value_node, child))
    return children


def parse_text(text: str, file: str) -> SourceDoc:
    """Parse YAML or JSON text; syntax errors and unsafe structures become a :class:`DataFileError`.

    The fast path (:mod:`.quickyaml`) reads the simple shape of answer files without PyYAML and
    builds the same data; anything else, and every error, goes through :func:`parse_text_full`."""
    # printable but for line feeds: no tab, no carriage return, nothing refused (one test for both readers)
    printable = text.replace("\n", " ").isprintable()
    if not printable:
        _refuse_characters(text, file)
    data = quickyaml.read(text, printable=printable)
    if data is quickyaml.NOT_SURE:
        return parse_text_full(text, file)
    # no escape check: the fast path reads no escapes and no tabs, and its keys are [a-z0-9_],
    # so every string it returns is a piece of the text, which holds no refused character
    return SourceDoc(file, data, _text=text)


def _refuse_characters(text: str, file: str) -> None:
    refused = refused_characters(text, file)
    if refused:
        raise DataFileError(refused)


def _refuse_escaped(doc: SourceDoc) -> SourceDoc:
    escaped = escaped_characters(doc)
    if escaped:
        raise DataFileError(escaped)
    return doc


#: refused anywhere in a data file: C0 controls but tab, line feed and carriage return; DEL and
#: C1; the line and paragraph separators (a YAML reader ends a comment there, an editor does not,
#: so a key can hide behind one); bidirectional marks and overrides (text shown in another order)
REFUSED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e"
                     "\u2066-\u2069\u2028\u2029]")


def _named(c: str) -> str:
    import unicodedata

    return f"U+{ord(c):04X}" + (f" ({unicodedata.name(c)})" if unicodedata.name(c, "") else "")


def refused_characters(text: str, file: str) -> list[Problem]:
    """A problem for each control or format character in ``text``, with its line."""
    # every refused character is one Python does not print (Cc, Cf, Zl, Zp), and the test is
    # several times faster than the pattern: only text with something unprintable is searched
    if text.replace("\n", " ").replace("\t", " ").replace("\r", " ").isprintable():
        return []
    return [Problem(file, text.count("\n", 0, m.start()) + 1, "",
                    f"holds {_named(m.group())}, a control or format character; remove it")
            for m, _ in zip(REFUSED.finditer(text), range(MAX_PROBLEMS + 1), strict=False)]


def escaped_characters(doc: SourceDoc) -> list[Problem]:
    """A problem for each key or text value that YAML escapes (``"\\e"``, ``"\\u202e"``) turned
    into a control or format character; line breaks and tabs are allowed in values, not keys."""
    if not _any_escaped(doc.data):
        return []  # (the rule: paths are made only for a file that has one)
    problems: list[Problem] = []
    stack: list[tuple[Path_, Any]] = [((), doc.data)]
    while stack and len(problems) <= MAX_PROBLEMS:
        path, value = stack.pop()
        if isinstance(value, dict):
            for k, v in value.items():
                if isinstance(k, str) and (REFUSED.search(k) or "\t" in k or "\n" in k or "\r" in k):
                    problems.append(doc.problem(path + (k,), f"the key holds {_named(_first(k))}, a control "
                                                             "or format character; remove it"))
                stack.append((path + (k,), v))
        elif isinstance(value, list):
            stack.extend((path + (i,), v) for i, v in enumerate(value))
        elif isinstance(value, str) and REFUSED.search(value):
            problems.append(doc.problem(path, f"holds {_named(REFUSED.search(value).group())}, a control or "
                                              "format character; remove it"))
    return problems


def _any_escaped(data: Any) -> bool:
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            for k in value:
                if isinstance(k, str) and (REFUSED.search(k) or "\t" in k or "\n" in k or "\r" in k):
                    return True
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
        elif isinstance(value, str) and REFUSED.search(value):
            return True
    return False


def _first(key: str) -> str:
    m = REFUSED.search(key)
    return m.group() if m else next(c for c in key if c in "\t\n\r")


def _compose(text: str) -> Any:
    """The node tree of ``text`` (None for an empty document), composed by the full path."""
    loader = _loader_class()(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def parse_text_full(text: str, file: str) -> SourceDoc:
    """:func:`parse_text` through PyYAML alone: libyaml, the project's resolver, the safety walk
    (and the same refusal of control and format characters)."""
    _refuse_characters(text, file)
    return _refuse_escaped(_parse_full(text, file))


def _parse_full(text: str, file: str) -> SourceDoc:
    loader = _loader_class()(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return SourceDoc(file, None, {})
        data = _construct(loader, node, file)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        msg = " ".join(x for x in (exc.context, exc.problem) if x) or "not valid YAML/JSON"
        raise DataFileError([Problem(file, line, "", f"syntax error: {msg}")]) from None
    except yaml.YAMLError as exc:
        raise DataFileError([Problem(file, None, "", f"syntax error: {exc}")]) from None
    except RecursionError:  # PyYAML's own composer (no libyaml) recurses per level
        raise DataFileError([Problem(file, None, "", f"nested more than {MAX_DEPTH} levels deep")]) from None
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
#
# The fast walk is also the safety check of the common case: it refuses (falls back on) an alias
# of a list or mapping, nesting deeper than MAX_DEPTH and a repeated key. The fallback then walks
# the whole tree without recursion (:func:`_index`) and raises every such problem with its line
# before PyYAML constructs anything, so neither path can be made to explode or recurse.


class _Fallback(Exception):
    """The fast walk cannot build this document (or it may be unsafe): check it node by node."""


_BUSY = object()
_fast_ok: dict[type, bool] = {}


def _fast_allowed(cls: type) -> bool:
    S = yaml.constructor.SafeConstructor
    c = cls.yaml_constructors
    return (cls.construct_mapping is S.construct_mapping and cls.construct_sequence is S.construct_sequence
            and cls.construct_scalar is S.construct_scalar
            and c.get(_STR) is S.construct_yaml_str and c.get(_INT) is _int
            and c.get(_BOOL) is S.construct_yaml_bool and c.get(_NULL) is S.construct_yaml_null
            and c.get(_MAP) is S.construct_yaml_map and c.get(_SEQ) is S.construct_yaml_seq)


def _construct(loader: Any, node: yaml.Node, file: str) -> Any:
    cls = type(loader)
    ok = _fast_ok.get(cls)
    if ok is None:
        ok = _fast_ok[cls] = _fast_allowed(cls)
    if ok:
        try:
            return _build(loader, node, {}, 1)
        except (_Fallback, RecursionError):
            pass
    _, problems = _index(node, file)
    if problems:
        raise DataFileError(problems)
    return loader.construct_document(node)


def _build(loader: Any, node: yaml.Node, memo: dict[int, Any], depth: int) -> Any:
    cls = node.__class__
    if cls is yaml.ScalarNode:
        tag = node.tag
        v = node.value
        if tag == _STR:
            return v
        if tag == _INT and v.isascii() and v.isdigit() and len(v) <= MAX_INT_DIGITS and (v[0] != "0" or len(v) == 1):
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
    if key in memo or depth > MAX_DEPTH:
        raise _Fallback  # an alias of a list or mapping (a bomb, or recursive), or too deep
    memo[key] = _BUSY
    if cls is yaml.MappingNode and node.tag == _MAP:
        out: Any = {}
        for key_node, value_node in node.value:
            if key_node.__class__ is not yaml.ScalarNode or key_node.tag not in (_STR, _INT, _BOOL, _NULL):
                raise _Fallback  # merge keys, '=' value keys, collection keys
            k = _build(loader, key_node, memo, depth)
            if k in out:
                raise _Fallback  # a repeated key: the checker names both lines
            out[k] = _build(loader, value_node, memo, depth + 1)
    elif cls is yaml.SequenceNode and node.tag == _SEQ:
        out = [_build(loader, n, memo, depth + 1) for n in node.value]
    else:
        raise _Fallback
    memo[key] = out
    return out


_KINDS = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISSOCK, "a socket"))


def _not_regular(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a directory, not a file"
    kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
    return f"is {kind}, not a regular file; only regular files are read"


def _link_leaves_folder(path: Path) -> bool:
    """Whether ``path`` is a symbolic link whose target is outside the link's own folder."""
    if not os.path.islink(path):
        return False
    folder = os.path.realpath(os.path.dirname(os.path.abspath(path)))
    target = os.path.realpath(path)
    return os.path.commonpath([folder, target]) != folder


#: the file name ``-`` stands for standard input, named so in every message
STDIN = "-"
STDIN_NAME = "<stdin>"
_stdin: list[bytes] = []


def is_stdin(path: Path | str) -> bool:
    return str(path) == STDIN


def source_name(path: Path | str) -> str:
    """How messages and results name the file ``path``: ``<stdin>`` for ``-``."""
    return STDIN_NAME if is_stdin(path) else str(path)


def stdin_bytes(limit: int = MAX_FILE_BYTES) -> bytes:
    """Standard input, read once: a second ``-`` in the same run gets the same bytes."""
    import sys

    if not _stdin:
        try:
            data = sys.stdin.buffer.read(limit + 1) if sys.stdin is not None else b""
        except OSError as exc:
            raise DataFileError([Problem(STDIN_NAME, None, "", f"cannot read: {exc.strerror or exc}")]) from None
        if len(data) > limit:
            raise DataFileError([Problem(STDIN_NAME, None, "", f"is larger than the limit of {limit:,} bytes")])
        _stdin.append(data)
    return _stdin[0]


def read_bytes_limited(path: Path, name: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file (or of standard input for ``-``) of at most ``limit`` bytes;
    :class:`DataFileError` otherwise."""
    if is_stdin(path):
        return stdin_bytes(limit)

    def fail(msg: str) -> DataFileError:
        return DataFileError([Problem(name, None, "", msg)])

    try:
        st = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        raise fail("file not found") from None
    except OSError as exc:
        raise fail(f"cannot read: {exc.strerror or exc}") from None
    why = _not_regular(st.st_mode)
    if why:
        raise fail(why)
    if _link_leaves_folder(path):
        raise fail("is a symbolic link to a file outside its folder; links are followed only within "
                   "their own folder (give the file's own path)")
    if st.st_size > limit:
        raise fail(f"is {st.st_size:,} bytes; the limit is {limit:,} bytes")
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except OSError as exc:
        raise fail(f"cannot read: {exc.strerror or exc}") from None
    try:
        why = _not_regular(os.fstat(fd).st_mode)  # it may have been swapped since the stat above
        if why:
            raise fail(why)
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise fail(f"cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if size > limit:
        raise fail(f"is larger than the limit of {limit:,} bytes")
    return b"".join(chunks)


def read_file(path: Path, display: str | None = None) -> SourceDoc:
    """A YAML or JSON answer file (JSON is read as the YAML it is), or the one a plan PDF
    carries; ``-`` is standard input."""
    name = source_name(display or path)
    raw = read_bytes_limited(Path(path), name)
    if raw[:1024].lstrip().startswith(b"%PDF-"):  # a plan carrying its answer file (PDF/A-3)
        from aeo_check.files.pdfdata import NoAnswersInPdf, answers_from_pdf

        try:
            inner, raw = answers_from_pdf(raw)
        except NoAnswersInPdf as exc:
            raise DataFileError([Problem(name, None, "", str(exc))]) from None
        name = f"{name}:{inner}"
        if len(raw) > MAX_FILE_BYTES:
            raise DataFileError(
                [Problem(name, None, "", f"is {len(raw):,} bytes; the limit is {MAX_FILE_BYTES:,} bytes")]
            )
    body = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw  # a byte order mark is dropped
    try:
        text = body.decode("utf-8")  # the codec "utf-8-sig" would do the same, in Python, slower
    except UnicodeDecodeError as exc:
        line = body[: exc.start].count(b"\n") + 1
        raise DataFileError([Problem(name, line, "", "not UTF-8 text")]) from None
    return parse_text(text, name)
