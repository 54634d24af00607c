"""The report as JSON: the document itself, strict (no NaN), control characters escaped.

Examples
--------
>>> write_json({"schema_version": "1.1", "people": []}, indent=None)
'{"schema_version": "1.1", "people": []}'
"""

from __future__ import annotations

import json
from typing import Any

from nutrilog._visible import visible_json

__all__ = ["write_json"]


def write_json(document: dict[str, Any], indent: int | None = 2) -> str:
    """The report document as JSON; unknown values are ``null``."""
    text = json.dumps(document, indent=indent, ensure_ascii=False, allow_nan=False)
    return visible_json(text)  # the same data; control characters spelled as \uXXXX
