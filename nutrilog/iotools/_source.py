"""Open a log source (path or file-like), sniff its encoding, refuse binary or empty files.

Encodings are tried in this order: a byte-order mark (UTF-8 or UTF-16), then
UTF-8, then Windows-1252 (the Latin-1 superset most spreadsheet exports use).
Bytes valid in neither raise :class:`~nutrilog.errors.LogParseError`.

Only the first :data:`SAMPLE_BYTES` of a file on disk are read here; the readers
stream the rest (``chunksize=``), so a decoding error further down is reported
when it is met.
"""

from __future__ import annotations

import codecs
import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from nutrilog.errors import LogParseError

__all__ = ["LogInput", "open_input", "SAMPLE_BYTES"]

#: How many bytes are read to sniff encoding, delimiter and format.
SAMPLE_BYTES = 65536
_TEXT_CONTROLS = set(b"\t\n\r\f\v\x1a")


@dataclass
class LogInput:
    """A readable log: its name, encoding, a decoded sample and how to reach the rest.

    Attributes
    ----------
    name : str
        File name (or ``<stream>``) used in messages and the ``source`` column.
    encoding : str
        Codec name for the whole input.
    sample : str
        The decoded beginning of the input (the whole text for small inputs).
    path : Path or None
        The file, when reading from disk.
    text : str or None
        The whole decoded text, for in-memory inputs.
    complete : bool
        True when ``sample`` is the whole input.
    """

    name: str
    encoding: str
    sample: str
    path: Path | None = None
    text: str | None = None
    complete: bool = True

    def handle(self) -> IO[str] | Path:
        """Something pandas can read: the path, or a text buffer."""
        if self.text is not None:
            return io.StringIO(self.text)
        assert self.path is not None
        return self.path

    def read_text(self) -> str:
        """The whole decoded text (decoding errors raise LogParseError)."""
        if self.text is not None:
            return self.text
        assert self.path is not None
        data = self.path.read_bytes()
        return _decode_all(data, self.encoding, self.name)


def _looks_binary(data: bytes) -> bool:
    if not data:
        return False
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in data:
        return True
    controls = sum(1 for b in data[:8192] if b < 32 and b not in _TEXT_CONTROLS)
    return controls > 0.05 * min(len(data), 8192)


def _decode_all(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise LogParseError(
            f"undecodable text: expected {encoding} text, found byte {data[err.start]:#04x} "
            f"at offset {err.start}; pass encoding= with the file's encoding",
            source=name,
        ) from err


def _sniff_encoding(data: bytes, complete: bool, name: str) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
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


def _check(data: bytes, name: str, complete: bool) -> None:
    if _looks_binary(data):
        raise LogParseError(
            "binary file: expected a text food log (CSV or plain text), found binary data",
            source=name,
        )
    if complete and not data.strip(b" \t\r\n\f\v\xef\xbb\xbf"):
        raise LogParseError("empty file: expected a food log, found no text", source=name)


def open_input(
    source: str | os.PathLike[str] | IO[str] | IO[bytes], encoding: str | None = None
) -> LogInput:
    """Open ``source`` for reading and check it is non-empty text.

    Parameters
    ----------
    source : path or file-like
        A path, or an open text or binary file object.
    encoding : str, optional
        Force an encoding instead of sniffing it.

    Returns
    -------
    LogInput

    Examples
    --------
    >>> import io
    >>> open_input(io.BytesIO("date,food\\n2026-11-20,café\\n".encode("cp1252"))).encoding
    'cp1252'
    """
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        name = str(source)
        if not path.is_file():
            raise LogParseError(
                f"file not found: expected a readable file, found nothing at {name!r}", source=name
            )
        size = path.stat().st_size
        with path.open("rb") as fh:
            data = fh.read(SAMPLE_BYTES)
        complete = size <= SAMPLE_BYTES
        _check(data, name, complete)
        enc = encoding or _sniff_encoding(data, complete, name)
        if complete:
            text = _decode_all(data, enc, name).lstrip("\ufeff")
            return LogInput(name, enc, text, path=path, text=text, complete=True)
        sample = codecs.getincrementaldecoder(enc)(errors="strict")
        try:
            text = sample.decode(data, final=False)
        except UnicodeDecodeError as err:
            raise LogParseError(
                f"undecodable text: expected {enc} text, found byte {data[err.start]:#04x} at offset {err.start}",
                source=name,
            ) from err
        return LogInput(name, enc, text, path=path, complete=False)
    name = str(getattr(source, "name", "<stream>"))
    content = source.read()
    if isinstance(content, str):
        if not content.strip(" \t\r\n\f\v\ufeff"):
            raise LogParseError("empty file: expected a food log, found no text", source=name)
        if "\x00" in content:
            raise LogParseError(
                "binary file: expected a text food log, found NUL characters", source=name
            )
        return LogInput(name, "utf-8", content, text=content.lstrip("\ufeff"))
    data = bytes(content)
    _check(data, name, True)
    enc = encoding or _sniff_encoding(data, True, name)
    text = _decode_all(data, enc, name).lstrip("\ufeff")
    return LogInput(name, enc, text, text=text)
