"""Sniff and decode the text of a log: byte-order marks, UTF-8, Windows-1252, mixed files.

Encodings are tried in this order: a byte-order mark (UTF-8 or UTF-16), then
UTF-8, then Windows-1252 (the Latin-1 superset most spreadsheet exports use).
Bytes valid in neither raise :class:`~nutrilog.errors.LogParseError`.

Mixed encodings: a UTF-8 file in which some lines were saved as Latin-1 (a
line pasted from another program) is read as UTF-8, and only the bytes that are
not UTF-8 are read as Windows-1252 (Latin-1 for the five bytes Windows-1252
leaves undefined). A :class:`UserWarning` names the file and the lines
concerned. An ``encoding=`` given by the caller is applied strictly.

Examples
--------
>>> sniff_encoding("café".encode("cp1252"), True, "log.csv")
'cp1252'
"""

from __future__ import annotations

import codecs
import contextlib
import warnings
from collections.abc import Iterator
from pathlib import Path

from nutrilog.errors import LogParseError

__all__ = [
    "FALLBACK_ERRORS",
    "watch_fallback",
    "decode_errors",
    "decode_all",
    "sniff_encoding",
    "errors_for",
    "decodes_strictly",
    "decode_sniffed",
]

#: Name of the codec error handler that reads non-UTF-8 bytes as Windows-1252.
FALLBACK_ERRORS = "nutrilog-cp1252"


_fallback_hits = [0]  # bytes decoded by the fallback handler, process-wide


def _cp1252_fallback(err: UnicodeError) -> tuple[str, int]:
    """Codec error handler: decode the offending bytes as Windows-1252 (else Latin-1)."""
    if not isinstance(err, UnicodeDecodeError):
        raise err
    chunk = err.object[err.start : err.end]
    _fallback_hits[0] += len(chunk)
    out = []
    for byte in chunk:
        try:
            out.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(byte))  # 0x81 0x8D 0x8F 0x90 0x9D: undefined in cp1252
    return "".join(out), err.end


@contextlib.contextmanager
def watch_fallback(name: str) -> Iterator[None]:
    """Warn after the block if bytes of ``name`` were read with the Windows-1252 fallback.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as seen, watch_fallback("log.csv"):
    ...     warnings.simplefilter("always")
    ...     b"caf\\xe9".decode("utf-8", FALLBACK_ERRORS)
    'café'
    >>> str(seen[0].message).split(";")[0]
    'log.csv: 1 byte(s) are not UTF-8 like the rest of the file'
    """
    before = _fallback_hits[0]
    try:
        yield
    finally:
        hits = _fallback_hits[0] - before
        if hits:
            warnings.warn(
                f"{name}: {hits} byte(s) are not UTF-8 like the rest of the file; read them as "
                "Windows-1252 (pass encoding= if the file uses another encoding)",
                UserWarning,
                stacklevel=3,
            )


@contextlib.contextmanager
def decode_errors(name: str, encoding: str) -> Iterator[None]:
    try:
        yield
    except UnicodeDecodeError as err:
        raise LogParseError(
            f"undecodable text: expected {encoding} text, found byte "
            f"{err.object[err.start]:#04x} further down the file; pass encoding= with the "
            "file's encoding",
            source=name,
        ) from err


def _mixed_lines(data: bytes) -> list[int]:
    """1-based numbers of the lines of ``data`` that are not valid UTF-8."""
    bad = []
    for number, line in enumerate(data.split(b"\n"), start=1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            bad.append(number)
    return bad


def _has_utf8_multibyte(data: bytes) -> bool:
    """Whether ``data`` holds at least one well-formed non-ASCII UTF-8 sequence."""
    return not data.decode("utf-8", errors="ignore").isascii()  # one C call, not one per char


def decode_all(data: bytes, encoding: str, name: str, errors: str = "strict") -> str:
    try:
        return data.decode(encoding, errors)
    except UnicodeDecodeError as err:
        raise LogParseError(
            f"undecodable text: expected {encoding} text, found byte {data[err.start]:#04x} "
            f"at offset {err.start}; pass encoding= with the file's encoding",
            source=name,
        ) from err


def sniff_encoding(data: bytes, complete: bool, name: str) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if _has_utf8_multibyte(data):
        return "utf-8"  # UTF-8 text, perhaps with a few lines in another encoding
    for encoding in ("utf-8", "cp1252"):
        decoder = codecs.getincrementaldecoder(encoding)()
        try:
            decoder.decode(data, final=complete)
        except UnicodeDecodeError:
            continue
        return encoding
    raise LogParseError(
        "undecodable text: expected UTF-8 or Latin-1/Windows-1252 text, found bytes valid in "
        "neither; pass encoding= with the file's encoding",
        source=name,
    )


def decodes_strictly(path: Path, encoding: str) -> bool:
    """Whether the whole file at ``path`` is valid ``encoding`` (read 64 KB at a time).

    A UTF-8 file that is valid throughout needs no Windows-1252 fallback, and pandas
    reads Arrow strings at C speed only with strict decoding; the check costs about
    20 ms per 100 MB, holding one block.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = Path(folder) / "log.csv"
    ...     _ = path.write_bytes("café".encode() + b"\\xe9")
    ...     decodes_strictly(path, "utf-8"), decodes_strictly(path, "cp1252")
    (False, True)
    """
    decoder = codecs.getincrementaldecoder(encoding)()
    utf8 = codecs.lookup(encoding).name == "utf-8"
    with path.open("rb") as fh:
        try:
            while block := fh.read(2**16):
                if utf8 and block.isascii() and not decoder.getstate()[0]:
                    continue  # ASCII after a whole character is UTF-8: checked in C, not decoded
                decoder.decode(block)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return False
    return True


def errors_for(encoding: str, forced: bool) -> str:
    return FALLBACK_ERRORS if not forced and encoding in {"utf-8", "utf-8-sig"} else "strict"


def decode_sniffed(data: bytes, enc: str, errors: str, name: str) -> str:
    """Decode a whole input, warning about lines read with the Windows-1252 fallback."""
    if errors == FALLBACK_ERRORS:
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            lines = _mixed_lines(data)
            shown = ", ".join(str(n) for n in lines[:5]) + (", ..." if len(lines) > 5 else "")
            warnings.warn(
                f"{name}, line {shown}: not UTF-8 like the rest of the file; read as "
                "Windows-1252 (pass encoding= if the file uses another encoding)",
                UserWarning,
                stacklevel=4,
            )
    return decode_all(data, enc, name, errors)


codecs.register_error(FALLBACK_ERRORS, _cp1252_fallback)
