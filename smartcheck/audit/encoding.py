"""Pick a file's text encoding and decode it line by line, so a bad byte spoils only its line.

The rules, in order:

* ``--encoding`` wins; a byte-order mark names UTF-8 or UTF-16; a file whose bytes
  alternate with NULs is UTF-16 without a mark.
* A file whose sample is more than 5% NUL or other control bytes is binary: a file error.
* Otherwise the file is UTF-8 unless it is *not UTF-8 at all*: it is read as a legacy
  encoding (cp1252, else charset-normalizer's guess, named in a warning) only when no
  line with non-ASCII bytes decodes as UTF-8 and at least two lines do not. One invalid
  byte never transcodes the whole file ("café" stays "café"); it makes its own line an
  error row, whose reason suggests ``--encoding``.
* Each line is decoded on its own. A line with undecodable bytes, a broken UTF-16
  surrogate or a NUL byte comes back with its error, wherever it sits in the file.
"""

from __future__ import annotations

import codecs
import io
import logging
from collections.abc import Iterator
from pathlib import Path

from charset_normalizer import from_bytes

from smartcheck.errors import InputError

logger = logging.getLogger(__name__)

SAMPLE_BYTES = 64 * 1024
#: How far into a file to look for a UTF-8 line before deciding it is a legacy encoding.
SCAN_BYTES = 8 * 1024 * 1024
#: Share of control bytes (NUL included) in the sample above which a file is binary,
#: not text with a bad byte; text has next to none, binary formats about one in eight.
BINARY_CONTROL_SHARE = 0.05
_FALLBACK_LEGACY = "cp1252"
_CONTROL_BYTES = frozenset(range(32)) - {9, 10, 12, 13}
#: Put in place of undecodable UTF-16 data: a lone surrogate, which no valid decode yields.
_MARK = "\udfff"
_MARK_ERRORS = "smartcheck.mark"


def _mark_undecodable(err: UnicodeError) -> tuple[str, int]:
    if isinstance(err, UnicodeDecodeError):
        return _MARK, err.end
    raise err


codecs.register_error(_MARK_ERRORS, _mark_undecodable)


def detect_encoding(path: Path, forced: str | None = None) -> str:
    """Return the codec name to read ``path`` with: UTF-8 (with or without BOM) or a legacy one.

    Raises :class:`InputError` when the file looks binary or no encoding fits.
    """
    if forced:
        try:
            return codecs.lookup(forced).name
        except LookupError as err:
            raise InputError(f"{path}: unknown encoding {forced!r}", source=str(path)) from err
    with path.open("rb") as fh:
        sample = fh.read(SAMPLE_BYTES)
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    unmarked = _unmarked_utf16(sample)
    if unmarked is not None:
        logger.warning("%s has no byte-order mark but looks like %s; reading it so", path, unmarked)
        return unmarked
    controls = sum(sample.count(byte) for byte in _CONTROL_BYTES)
    if controls > len(sample) * BINARY_CONTROL_SHARE:
        raise InputError(f"{path}: looks like a binary file, not text", source=str(path))
    utf8, bad_lines = _scan_utf8(path)
    if utf8:
        return "utf-8"
    encoding = _guess_legacy(bad_lines)
    if encoding is None:
        raise InputError(
            f"{path}: cannot decode the file: it is not UTF-8 and no legacy encoding fits; "
            "save it as UTF-8 or pass --encoding",
            source=str(path),
        )
    logger.warning(
        "%s is not UTF-8 (no line decodes as UTF-8); decoding it as %s "
        "(pass --encoding to choose another)",
        path,
        encoding,
    )
    return encoding


def _unmarked_utf16(sample: bytes) -> str | None:
    """Return ``utf-16-le``/``-be`` when every other byte of the sample is NUL."""
    half = len(sample) // 2
    if half < 4:
        return None
    evens, odds = sample[0::2].count(0), sample[1::2].count(0)
    codec = None
    if odds > 0.4 * half and evens < 0.05 * half:
        codec = "utf-16-le"
    elif evens > 0.4 * half and odds < 0.05 * half:
        codec = "utf-16-be"
    if codec is None:
        return None
    text = sample[: 2 * half].decode(codec, errors="replace")
    controls = sum(1 for ch in text if ord(ch) in _CONTROL_BYTES or ch == "\ufffd")
    return codec if controls <= len(text) * BINARY_CONTROL_SHARE else None


#: Fewer undecodable lines than this, and none that decodes, is a UTF-8 file with bad bytes.
MIN_LEGACY_LINES = 2


def _scan_utf8(path: Path) -> tuple[bool, bytes]:
    """Tell whether the file is UTF-8: a non-ASCII line decodes, or almost none fails.

    Also returns (up to ``SAMPLE_BYTES`` of) the lines that did not decode, for guessing
    a legacy encoding. Stops at the first UTF-8 line or after ``SCAN_BYTES``.
    """
    bad = bytearray()
    bad_lines = 0
    seen = 0
    with path.open("rb") as fh:
        for line in fh:
            seen += len(line)
            if line.isascii():
                if seen > SCAN_BYTES:
                    break
                continue
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                bad_lines += 1
                if len(bad) < SAMPLE_BYTES:
                    bad += line
            else:
                return True, b""
            if seen > SCAN_BYTES:
                break
    return bad_lines < MIN_LEGACY_LINES, bytes(bad)


def _decodes(sample: bytes, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        decoder.decode(sample, final=False)
    except UnicodeDecodeError:
        return False
    return True


def _guess_legacy(sample: bytes) -> str | None:
    """Return cp1252 when it decodes the sample cleanly, else charset-normalizer's guess."""
    sample = sample.replace(b"\x00", b"")  # NUL lines are errors in any encoding
    if _decodes(sample, _FALLBACK_LEGACY) and not _CONTROL_BYTES.intersection(sample):
        return _FALLBACK_LEGACY
    best = from_bytes(sample).best()
    return codecs.lookup(best.encoding).name if best is not None else None


def decoded_lines(path: Path, encoding: str) -> Iterator[tuple[int, str, str | None]]:
    """Yield ``(line number, text, error)`` for each line; ``error`` says why it is unusable.

    A line is unusable when it holds bytes the encoding cannot decode, a broken UTF-16
    surrogate or a NUL byte; its text then has U+FFFD in their place.
    """
    if encoding.startswith("utf-16"):
        yield from _utf16_lines(path, encoding)
        return
    codec = "utf-8" if encoding == "utf-8-sig" else encoding
    with path.open("rb") as fh:
        for number, raw_line in enumerate(fh, start=1):
            raw = raw_line
            if number == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8) :]
            try:
                text = raw.decode(codec)
            except UnicodeDecodeError as err:
                reason = f"line {number}: byte {raw[err.start]:#04x} is not valid {codec}"
                if codec == "utf-8":
                    reason += " (if the file uses another encoding, pass --encoding)"
                yield number, raw.decode(codec, errors="replace"), reason
                continue
            yield number, *_nul_checked(number, text)


def _utf16_lines(path: Path, encoding: str) -> Iterator[tuple[int, str, str | None]]:
    with (
        path.open("rb") as raw,
        io.TextIOWrapper(raw, encoding=encoding, errors=_MARK_ERRORS, newline="") as fh,
    ):
        for number, line in enumerate(fh, start=1):
            if _MARK in line:
                reason = (
                    f"line {number}: invalid {encoding} data "
                    "(a broken surrogate pair or a cut character)"
                )
                yield number, line.replace(_MARK, "\ufffd"), reason
                continue
            yield number, *_nul_checked(number, line)


def _nul_checked(number: int, text: str) -> tuple[str, str | None]:
    if "\x00" in text:
        return text.replace("\x00", "\ufffd"), f"line {number}: contains a NUL byte (binary data)"
    return text, None
