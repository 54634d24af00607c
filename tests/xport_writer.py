"""A minimal writer of SAS transport (XPORT version 5) files, for test fixtures.

pandas reads XPT files (:func:`pandas.read_sas`) but cannot write them. NHANES
publishes its data in this format, so tests of the NHANES reader need small XPT
files; this writes one dataset of numeric (8-byte) and character columns.

Layout (SAS technical note TS-140): 80-byte records. A library header (3
records), a member header (5 records), one 140-byte "namestr" per variable
(padded to a multiple of 80 bytes), an observation header, then the rows: each
numeric value as an 8-byte IBM System/360 floating-point number (base-16
exponent, excess 64; a missing value is ``.`` followed by zeros), each character
value padded with blanks; the data are padded with blanks to a multiple of 80.
"""

from __future__ import annotations

import math
import struct
from pathlib import Path

import pandas as pd

_STAMP = b"01JAN20:00:00:00"


def _record(text: bytes) -> bytes:
    assert len(text) <= 80, len(text)
    return text.ljust(80, b" ")


def _header(kind: bytes, numbers: bytes = b"0" * 30) -> bytes:
    return _record(b"HEADER RECORD*******" + kind.ljust(8) + b"HEADER RECORD!!!!!!!" + numbers)


def ibm_float(value: float) -> bytes:
    """A float as 8 bytes of IBM hexadecimal floating point; NaN is SAS missing (``.``)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return b"." + b"\x00" * 7
    if value == 0:
        return b"\x00" * 8
    sign = 0x80 if value < 0 else 0
    x = abs(float(value))
    exponent = 0
    while x >= 1:
        x /= 16
        exponent += 1
    while x < 1 / 16:
        x *= 16
        exponent -= 1
    mantissa = round(x * 2**56)
    if mantissa >= 2**56:  # rounding carried into the next hex digit
        mantissa >>= 4
        exponent += 1
    return bytes([sign | (exponent + 64)]) + mantissa.to_bytes(7, "big")


def write_xpt(frame: pd.DataFrame, path: Path, name: str = "DATA") -> None:
    """Write ``frame`` (numeric or text columns, names of up to 8 characters) as XPT."""
    columns = [str(c) for c in frame.columns]
    numeric = [pd.api.types.is_numeric_dtype(frame[c]) for c in columns]
    widths = [
        8 if is_num else max(1, int(frame[c].astype(str).str.len().max() or 1))
        for c, is_num in zip(columns, numeric, strict=True)
    ]
    out = bytearray()
    out += _header(b"LIBRARY")
    out += _record(b"SAS     SAS     SASLIB  9.1     " + b"Linux".ljust(8) + b" " * 24 + _STAMP)
    out += _record(_STAMP)
    out += _header(b"MEMBER", b"000000000000000001600000000140")
    out += _header(b"DSCRPTR")
    out += _record(
        b"SAS     " + name.encode().ljust(8) + b"SASDATA 9.1     " + b"Linux".ljust(8)
        + b" " * 24 + _STAMP
    )  # fmt: skip
    out += _record(_STAMP + b" " * 16 + b"".ljust(40) + b"".ljust(8))
    out += _header(b"NAMESTR", f"000000{len(columns):04d}00000000000000000000".encode())
    namestrs = bytearray()
    position = 0
    for number, (column, is_num, width) in enumerate(
        zip(columns, numeric, widths, strict=True), start=1
    ):
        namestrs += struct.pack(">hhhh", 1 if is_num else 2, 0, width, number)
        namestrs += column.encode().ljust(8)[:8] + b"".ljust(40) + b"".ljust(8)
        namestrs += struct.pack(">hhh", 0, 0, 0) + b"\x00\x00" + b"".ljust(8)
        namestrs += struct.pack(">hhi", 0, 0, position) + b"\x00" * 52
        position += width
    namestrs += b" " * (-len(namestrs) % 80)
    out += namestrs
    out += _header(b"OBS")
    data = bytearray()
    for row in frame.itertuples(index=False):
        for value, is_num, width in zip(row, numeric, widths, strict=True):
            if is_num:
                data += ibm_float(float(value))
            else:
                data += str(value).encode("latin-1").ljust(width)[:width]
    data += b" " * (-len(data) % 80)
    out += data
    Path(path).write_bytes(bytes(out))
