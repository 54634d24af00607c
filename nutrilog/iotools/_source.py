"""Open a log source (path or file-like), sniff its encoding, refuse binary or empty files.

Encodings are sniffed and decoded by :mod:`nutrilog.iotools._encoding`.

Only the first :data:`SAMPLE_BYTES` of a file on disk are read here; the readers
stream the rest (``chunksize=``; files over 64 MB are always streamed, see
:data:`nutrilog.iotools._table.TABLE_READING`), so non-UTF-8 bytes further down
are reported when they are met.

Binary files (a NUL byte or many control characters in the sample: a zip-based
``.xlsx`` renamed ``.csv``, an image) raise LogParseError naming what they look
like. Beyond the sample, a file on disk is scanned once (memory-mapped, at the
speed of ``memchr``) for NUL bytes, which refuse it the same way wherever they
are, and for its longest line: a line over :data:`MAX_LINE_BYTES` refuses the
file (no food log has one, and reading it would cost memory in proportion), and
a line over :data:`SAMPLE_BYTES` sends table files to the line-by-line reader.
Lines longer than :data:`MAX_LINE_CHARS` characters are rejected rows (``line
too long``), never parsed: no diary entry or table row is that long, and the
limit bounds the time and memory a hostile line can cost.

Lines: one notion everywhere. A line ends at ``\\n``, ``\\r\\n`` or ``\\r``
(:func:`split_lines`), as Python's universal newlines, the csv module and
pandas' parser read them; ``\\f``, ``\\v``, ``\\x1c``-``\\x1e``, ``\\x85`` and
U+2028/U+2029 are characters inside a line, not line ends.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import mmap
import os
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from nutrilog._checks import encoding_argument
from nutrilog.errors import ArgumentError, LogParseError
from nutrilog.iotools._encoding import (
    decode_all,
    decode_errors,
    decode_sniffed,
    decodes_strictly,
    errors_for,
    sniff_encoding,
    watch_fallback,
)

#: How many bytes are read to sniff encoding, delimiter and format.
SAMPLE_BYTES = 65536
#: Longest line (or table row) read; longer ones are rejected as ``line too long``.
MAX_LINE_CHARS = 100_000
#: A file with a longer line (in bytes) is refused: it is not a food log.
MAX_LINE_BYTES = 16 * 2**20
#: A line end: ``\r\n``, ``\r`` or ``\n`` (see :func:`split_lines`).
LINE_BREAK = re.compile(r"\r\n|\r|\n")
_TEXT_CONTROLS = set(b"\t\n\r\f\v\x1a")
_MAGIC = (
    (b"PK\x03\x04", "a ZIP archive (an .xlsx or .ods spreadsheet? export it as CSV)"),
    (b"\xd0\xcf\x11\xe0", "an old Office file (an .xls spreadsheet? export it as CSV)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"\x1f\x8b", "a gzip archive (decompress it first)"),
)


def split_lines(text: str) -> list[str]:
    """The lines of ``text`` without their ends; a line ends at ``\\n``, ``\\r\\n`` or ``\\r``.

    The one notion of a line used for header detection, sniffing and table
    reading (``str.splitlines`` would also split at ``\\f``, ``\\x1c`` or U+2028,
    which the csv parsers read as characters of a cell).

    Examples
    --------
    >>> split_lines("a\\r\\nb\\fc\\rd\\n\\ne\\u2028f")
    ['a', 'b\\x0cc', 'd', '', 'e\\u2028f']
    >>> split_lines("x\\n"), split_lines("")
    (['x'], [])
    """
    if not text:
        return []
    # no CR at all (most files): a plain split, at C speed, gives the same lines
    lines = LINE_BREAK.split(text) if "\r" in text else text.split("\n")
    if lines[-1] == "":  # the text ends with a line end: no line after it
        lines.pop()
    return lines


def shorten(text: str, limit: int = 200) -> str:
    """``text`` cut to ``limit`` characters (with ``…``), for rejected rows and messages.

    Examples
    --------
    >>> shorten("a" * 300, 5)
    'aaaa…'
    """
    return text if len(text) <= limit else text[: limit - 1] + "…"


def too_long_reason(length: int) -> str:
    """The rejection reason of a line of ``length`` characters.

    Examples
    --------
    >>> too_long_reason(123456)
    'line too long: expected at most 100,000 characters, found 123,456'
    """
    return f"line too long: expected at most {MAX_LINE_CHARS:,} characters, found {length:,}"


def warn_if_empty(log_rows: int, name: str) -> None:
    """Warn that the file ``name`` gave no rows (only a header, headings, comments or blanks).

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as seen:
    ...     warnings.simplefilter("always")
    ...     warn_if_empty(0, "notes.txt")
    >>> str(seen[0].message).split(":")[:2]
    ['notes.txt', ' no entries']
    """
    if log_rows == 0:
        warnings.warn(
            f"{name}: no entries: expected food log rows, found only a header, headings, "
            "comments or blank lines",
            UserWarning,
            stacklevel=3,
        )


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
    errors : str
        Codec error handler for the rest of the file (``strict``, or
        :data:`FALLBACK_ERRORS` for sniffed UTF-8).
    size : int
        Size in bytes (of the file, or of the in-memory text).
    long_lines : bool
        A line of the file is longer than :data:`SAMPLE_BYTES` bytes (table files
        are then read line by line, so no parser holds such a line whole).
    """

    name: str
    encoding: str
    sample: str
    path: Path | None = None
    text: str | None = None
    complete: bool = True
    errors: str = "strict"
    size: int = 0
    long_lines: bool = False

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
        return decode_all(data, self.encoding, self.name, self.errors).lstrip("\ufeff")

    @contextlib.contextmanager
    def open_text(self, newline: str | None = None) -> Iterator[IO[str]]:
        """The input as a text stream decoded on the fly (never the whole file at once).

        Undecodable bytes raise :class:`~nutrilog.errors.LogParseError`.
        """
        if self.text is not None:
            yield io.StringIO(self.text, newline=newline)
            return
        assert self.path is not None
        with (
            decode_errors(self.name, self.encoding),
            watch_fallback(self.name),
            self.path.open(encoding=self.encoding, errors=self.errors, newline=newline) as fh,
        ):
            yield fh

    def lines(self) -> Iterator[str]:
        """The lines of the input, one at a time, without line ends (``\\n``, ``\\r\\n``, ``\\r``).

        Examples
        --------
        >>> list(LogInput("<text>", "utf-8", "", text="a\\r\\nb\\rc").lines())
        ['a', 'b', 'c']
        """
        with self.open_text() as fh:
            first = True
            for line in fh:
                if first:
                    line, first = line.lstrip("\ufeff"), False
                yield line.rstrip("\n")


def binary_reason(data: bytes) -> str | None:
    """Why ``data`` is not a text log (None when it looks like text)."""
    if not data or data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return f"binary file: expected a text food log (CSV or plain text), found {what}"
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        return (
            "binary file: expected a text food log (CSV or plain text), found binary data "
            f"(a NUL byte on line {line})"
        )
    controls = sum(1 for b in data[:8192] if b < 32 and b not in _TEXT_CONTROLS)
    if controls > 0.05 * min(len(data), 8192):
        return "binary file: expected a text food log (CSV or plain text), found binary data"
    return None


_SCAN_BLOCK = SAMPLE_BYTES


def _line_at(view: mmap.mmap, position: int) -> int:
    """1-based number of the line holding byte ``position`` (``\\n``, ``\\r\\n``, ``\\r``)."""
    breaks = 0
    for start in range(0, position, 2**24):
        block = view[start : min(start + 2**24, position)]
        breaks += block.count(b"\n") + block.count(b"\r") - block.count(b"\r\n")
    return breaks + 1


def _break(view: mmap.mmap, start: int, end: int, last: bool) -> int:
    """Position of the first (or last) line end byte in ``view[start:end]``, or -1."""
    find = view.rfind if last else view.find
    found = [p for p in (find(b"\n", start, end), find(b"\r", start, end)) if p >= 0]
    if not found:
        return -1
    return max(found) if last else min(found)


def _scan(path: Path, name: str) -> bool:
    """Scan a whole file for NUL bytes and its longest line; True when a line is long.

    Raises LogParseError for a NUL byte anywhere (binary data, as in the sample)
    and for a line over :data:`MAX_LINE_BYTES`. Returns whether a line is longer
    than :data:`SAMPLE_BYTES` bytes. Lines inside one block of that size are
    shorter than it, so only the stretches between blocks' first and last line
    ends are measured: a few ``find`` calls per 64 KB, C speed.
    """
    with path.open("rb") as fh:
        try:
            view = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):  # not mappable (empty now, a special file): the readers check
            return False
        with view:
            nul = view.find(b"\x00")
            if nul >= 0:
                line = _line_at(view, nul)
                raise LogParseError(
                    "binary file: expected a text food log (CSV or plain text), found binary data "
                    f"(a NUL byte on line {line:,})",
                    source=name,
                    line=line,
                )
            size = len(view)
            longest, longest_at, last = 0, 0, -1
            for start in range(0, size, _SCAN_BLOCK):
                end = min(start + _SCAN_BLOCK, size)
                first = _break(view, start, end, last=False)
                if first < 0:
                    continue
                if first - last - 1 > longest:
                    longest, longest_at = first - last - 1, last + 1
                last = _break(view, start, end, last=True)
            if size - last - 1 > longest:
                longest, longest_at = size - last - 1, last + 1
            if longest > MAX_LINE_BYTES:
                line = _line_at(view, longest_at)
                raise LogParseError(
                    f"line too long: expected a food log with lines under {MAX_LINE_BYTES:,} "
                    f"bytes, found a line of {longest:,} bytes",
                    source=name,
                    line=line,
                )
            return longest > SAMPLE_BYTES


def _check(data: bytes, name: str, complete: bool) -> None:
    reason = binary_reason(data)
    if reason is not None:
        raise LogParseError(reason, source=name)
    if complete and not data.strip(b" \t\r\n\f\v\xef\xbb\xbf"):
        raise LogParseError("empty file: expected a food log, found no text", source=name)


#: What a file reader takes: a path, an open text or binary file, or an input already
#: opened (``read_log`` opens it once to detect the format, then hands it on).
ReaderSource = str | os.PathLike[str] | IO[str] | IO[bytes] | LogInput


def open_input(source: ReaderSource, encoding: str | None = None) -> LogInput:
    """Open ``source`` for reading and check it is non-empty text.

    Parameters
    ----------
    source : path, file-like or LogInput
        A path, or an open text or binary file object; a LogInput is returned as it is.
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
    if isinstance(source, LogInput):
        return source
    if encoding is not None:
        encoding_argument(encoding)
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        name = str(source)
        if path.is_dir():
            raise LogParseError(
                f"is a directory: expected a food log file, found a directory at {name!r}",
                source=name,
            )
        if not path.is_file():
            raise LogParseError(
                f"file not found: expected a readable file, found nothing at {name!r}", source=name
            )
        size = path.stat().st_size
        with path.open("rb") as fh:
            data = fh.read(SAMPLE_BYTES)
        complete = size <= SAMPLE_BYTES
        _check(data, name, complete)
        long_lines = False
        if not complete and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            long_lines = _scan(path, name)
        enc = encoding or sniff_encoding(data, complete, name)
        errors = errors_for(enc, encoding is not None)
        if not complete and errors != "strict" and decodes_strictly(path, enc):
            errors = "strict"  # valid throughout: the fallback would never be used
        if complete:
            text = decode_sniffed(data, enc, errors, name).lstrip("\ufeff")
            return LogInput(name, enc, text, path=path, text=text, errors=errors, size=size)
        sample = codecs.getincrementaldecoder(enc)(errors=errors)
        try:
            text = sample.decode(data, final=False)
        except UnicodeDecodeError as err:
            raise LogParseError(
                f"undecodable text: expected {enc} text, found byte {data[err.start]:#04x} at offset {err.start}",
                source=name,
            ) from err
        return LogInput(
            name,
            enc,
            text,
            path=path,
            complete=False,
            errors=errors,
            size=size,
            long_lines=long_lines,
        )
    if not callable(getattr(source, "read", None)):
        raise ArgumentError(
            "source: expected a path, a file object, a DataFrame or a list of those, "
            f"found {type(source).__name__}"
        )
    name = str(getattr(source, "name", "<stream>"))
    content = source.read()
    if isinstance(content, str):
        if not content.strip(" \t\r\n\f\v\ufeff"):
            raise LogParseError("empty file: expected a food log, found no text", source=name)
        if "\x00" in content:
            raise LogParseError(
                "binary file: expected a text food log, found NUL characters", source=name
            )
        text = content.lstrip("\ufeff")
        return LogInput(name, "utf-8", text, text=text, size=len(content))
    data = bytes(content)
    _check(data, name, True)
    enc = encoding or sniff_encoding(data, True, name)
    text = decode_sniffed(data, enc, errors_for(enc, encoding is not None), name)
    text = text.lstrip("\ufeff")
    return LogInput(name, enc, text, text=text, size=len(data))
