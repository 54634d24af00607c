"""Write output files safely: never over an input, never a half-written file.

:func:`write_text` writes to a temporary file in the target's folder and renames
it into place, so a failed write (a full disk, a killed process) leaves the old
file whole. A symbolic link is followed: the file it names is replaced, the link
stays. A target that is not a regular file (``/dev/stdout``, a pipe) is written
to directly, since there is nothing to replace. A target that is the same file
as one of ``inputs`` (by path, through symbolic links, or as a hard link) is
refused. Every failure is an :class:`~nutrilog.errors.OutputError` that names
the file and says "cannot write", what was expected and what was found.

Examples
--------
>>> path = write_text("report.txt", "hello\\n")
>>> path.read_text()
'hello\\n'
>>> write_text("report.txt", "again", inputs=["report.txt"])
Traceback (most recent call last):
...
nutrilog.errors.OutputError: cannot write 'report.txt': expected a file that is not an input (an input is never overwritten: choose another file name), found the input 'report.txt'
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from nutrilog.errors import ArgumentError, OutputError


def os_reason(err: OSError) -> str:
    """The readable part of an OSError, as what was found (``"no space left on device"``).

    Examples
    --------
    >>> os_reason(PermissionError(13, "Permission denied", "x"))
    'permission denied'
    """
    reason = err.strerror or str(err) or type(err).__name__
    return reason[:1].lower() + reason[1:]


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return os.path.realpath(a) == os.path.realpath(b)


def input_clash(target: str | os.PathLike[str], inputs: Iterable[object]) -> str | None:
    """The first of ``inputs`` that ``target`` would overwrite, or None.

    The same file counts whatever the spelling: a relative or absolute path,
    a symbolic link to it, or a hard link (same device and inode). Inputs that
    are not paths (streams, DataFrames, ``"<text>"``) are ignored.

    Examples
    --------
    >>> input_clash("out.html", ["log.csv"]) is None
    True
    >>> input_clash("./log.csv", ["log.csv"])
    'log.csv'
    """
    path = Path(target)
    for item in inputs:
        if not isinstance(item, (str, os.PathLike)):
            continue
        other = Path(item)
        if _same_file(path, other):
            return str(item)
    return None


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_text(path: str | os.PathLike[str], text: str, *, inputs: Iterable[object] = ()) -> Path:
    """Write ``text`` (UTF-8) to ``path`` through a temporary file, never over an input.

    Parameters
    ----------
    path : str or path-like
        The file to write.
    text : str
        What to write.
    inputs : iterable of paths, optional
        Files that must not be overwritten (the logs, food and alias tables).

    Returns
    -------
    Path
        ``path``.

    Raises
    ------
    OutputError
        ``path`` is an input or a directory, or the file cannot be written (the
        message names the file and the reason).
    """
    if not isinstance(path, (str, os.PathLike)):
        raise ArgumentError(f"path: expected a file path, found {type(path).__name__}")
    target = Path(path)
    clash = input_clash(target, inputs)
    if clash is not None:
        raise OutputError(
            target,
            f"the input {clash!r}",
            expected="a file that is not an input (an input is never overwritten: choose "
            "another file name)",
        )
    data = text.encode("utf-8")
    real = Path(os.path.realpath(target))
    try:
        info: os.stat_result | None = os.stat(real)
    except FileNotFoundError:
        info = None
    except (OSError, ValueError) as err:
        reason = os_reason(err) if isinstance(err, OSError) else str(err)
        raise OutputError(target, reason) from err
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise OutputError(target, "a directory", expected="a file")
    try:
        if info is not None and not stat.S_ISREG(info.st_mode):
            # a device or a pipe: nothing to replace, and renaming over it would remove it
            with open(real, "wb") as fh:
                fh.write(data)
            return target
        _replace(real, data, info)
    except OSError as err:
        raise OutputError(target, os_reason(err)) from err
    return target


def _replace(real: Path, data: bytes, info: os.stat_result | None) -> None:
    """Write ``data`` to a temporary file beside ``real``, then rename it over ``real``."""
    fd, temporary = tempfile.mkstemp(prefix=f".{real.name[:64]}.", suffix=".part", dir=real.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        mode = stat.S_IMODE(info.st_mode) if info is not None else 0o666 & ~_umask()
        os.chmod(temporary, mode)
        os.replace(temporary, real)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
