"""Stream the entries of a large JSON object (a Bundle) without loading the file whole.

:func:`iter_members` reads the text in chunks and yields each top-level member, except
that the elements of the ``entry`` array come one at a time. Memory holds one entry
(plus a read-ahead chunk), so a 50 MB Bundle is read in bounded memory. Decoding uses the
standard library's C scanner (``JSONDecoder.raw_decode``) on each value.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

CHUNK_CHARS = 1 << 18
_WHITESPACE = " \t\r\n"
_NUMBER_CHARS = frozenset("0123456789.eE+-")
#: How close to the end of the buffer a decode error must be to mean "read more".
_TAIL = 8


class StreamError(ValueError):
    """The JSON is malformed or truncated at ``line``; what came before stays valid."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(f"line {line}: {message}")
        self.message = message
        self.line = line


@dataclass(frozen=True)
class Member:
    """A top-level member, or (with ``key`` ``"entry"`` and an ``index``) one entry."""

    key: str
    value: Any
    line: int
    index: int | None = None


class _Reader:
    """A read-ahead text buffer that tracks the line number of its position."""

    def __init__(self, fh: IO[str], chunk: int) -> None:
        self.fh = fh
        self.chunk = chunk
        self.text = ""
        self.pos = 0
        self.line = 1
        self.eof = False
        self.decoder = json.JSONDecoder()

    def _fill(self, at_least: int) -> bool:
        """Read more text (dropping what is consumed); return False at end of file."""
        if self.eof:
            return False
        data = self.fh.read(max(self.chunk, at_least))
        if not data:
            self.eof = True
            return False
        self.text = self.text[self.pos :] + data
        self.pos = 0
        return True

    def _advance(self, end: int) -> None:
        self.line += self.text.count("\n", self.pos, end)
        self.pos = end

    def peek(self) -> str | None:
        """Return the next character that is not whitespace, or None at end of file."""
        while True:
            while self.pos < len(self.text) and self.text[self.pos] in _WHITESPACE:
                if self.text[self.pos] == "\n":
                    self.line += 1
                self.pos += 1
            if self.pos < len(self.text):
                return self.text[self.pos]
            if not self._fill(0):
                return None

    def expect(self, char: str, what: str) -> None:
        """Consume ``char`` or raise :class:`StreamError` naming ``what`` was expected."""
        found = self.peek()
        if found != char:
            shown = "end of file" if found is None else repr(found)
            raise StreamError(f"expected {what}, found {shown}", self.line)
        self.pos += 1

    def value(self) -> Any:
        """Decode the next JSON value, reading more text until it is complete."""
        if self.peek() is None:
            raise StreamError("unexpected end of file", self.line)
        while True:
            try:
                value, end = self.decoder.raw_decode(self.text, self.pos)
            except json.JSONDecodeError as err:
                truncated = err.msg.startswith("Unterminated string") or (
                    err.pos >= len(self.text) - _TAIL
                )
                if truncated and self._fill(len(self.text) - self.pos):
                    continue
                line = self.line + self.text.count("\n", self.pos, err.pos)
                raise StreamError(f"malformed JSON ({err.msg})", line) from err
            if self._may_continue(value, end) and self._fill(len(self.text) - self.pos):
                continue  # a number may go on in the next chunk ("0" then ".5")
            self._advance(end)
            return value

    def _may_continue(self, value: Any, end: int) -> bool:
        """Return True when the decoded value may be the start of a longer number."""
        if end >= len(self.text):
            return True
        is_number = isinstance(value, (int, float)) and not isinstance(value, bool)
        return is_number and self.text[end] in _NUMBER_CHARS


def iter_members(fh: IO[str], *, chunk: int = CHUNK_CHARS) -> Iterator[Member]:
    """Yield the members of the JSON object in ``fh``; ``entry`` elements one by one.

    Raises :class:`StreamError` where the text stops being a well-formed object; the
    members yielded before it are complete and valid.
    """
    reader = _Reader(fh, chunk)
    if reader.peek() == "\ufeff":
        reader.pos += 1
    reader.expect("{", "a JSON object ('{')")
    first = True
    while reader.peek() != "}":
        if not first:
            reader.expect(",", "',' or '}' after a member")
        first = False
        line = reader.line
        key = reader.value()
        if not isinstance(key, str):
            raise StreamError("expected a member name in double quotes", line)
        reader.expect(":", "':' after a member name")
        if key == "entry" and reader.peek() == "[":
            reader.pos += 1
            yield from _entries(reader)
        else:
            yield Member(key, reader.value(), line)
    reader.pos += 1
    if reader.peek() is not None:
        raise StreamError("unexpected data after the end of the object", reader.line)


def _entries(reader: _Reader) -> Iterator[Member]:
    index = 0
    while reader.peek() != "]":
        if index:
            reader.expect(",", "',' or ']' in the entry list")
        reader.peek()
        line = reader.line
        value = reader.value()
        index += 1
        yield Member("entry", value, line, index)
    reader.pos += 1
