"""Pick a file's text encoding and decode it line by line without losing bad lines."""

from __future__ import annotations

import codecs
import logging
from collections.abc import Iterator
from pathlib import Path

from charset_normalizer import from_bytes

from smartcheck.errors import InputError

logger = logging.getLogger(__name__)

SAMPLE_BYTES = 64 * 1024
_FALLBACK_LEGACY = "cp1252"
_CONTROL_BYTES = frozenset(range(32)) - {9, 10, 12, 13}


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
    if b"\x00" in sample:
        raise InputError(f"{path}: looks like a binary file, not text", source=str(path))
    if _decodes(sample, "utf-8"):
        return "utf-8"
    encoding = _guess_legacy(sample)
    if encoding is None:
        raise InputError(
            f"{path}: cannot decode the file: it is not UTF-8 and no legacy encoding fits; "
            "save it as UTF-8 or pass --encoding",
            source=str(path),
        )
    logger.info("%s is not UTF-8; decoding it as %s", path, encoding)
    return encoding


def _decodes(sample: bytes, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        decoder.decode(sample, final=False)
    except UnicodeDecodeError:
        return False
    return True


def _guess_legacy(sample: bytes) -> str | None:
    """Return cp1252 when it decodes the sample cleanly, else charset-normalizer's guess."""
    if _decodes(sample, _FALLBACK_LEGACY) and not _CONTROL_BYTES.intersection(sample):
        return _FALLBACK_LEGACY
    best = from_bytes(sample).best()
    return codecs.lookup(best.encoding).name if best is not None else None


def decoded_lines(path: Path, encoding: str) -> Iterator[tuple[int, str, str | None]]:
    """Yield ``(line number, text, error)`` for each line; ``error`` names undecodable bytes."""
    if encoding.startswith("utf-16"):
        with path.open(encoding=encoding, newline="") as fh:
            for number, line in enumerate(fh, start=1):
                yield number, line, None
        return
    codec = "utf-8" if encoding == "utf-8-sig" else encoding
    with path.open("rb") as fh:
        for number, raw_line in enumerate(fh, start=1):
            raw = raw_line
            if number == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8) :]
            try:
                yield number, raw.decode(codec), None
            except UnicodeDecodeError as err:
                reason = f"line {number}: byte {raw[err.start]:#04x} is not valid {codec}"
                yield number, raw.decode(codec, errors="replace"), reason
