"""Make control and bidirectional-override characters visible before text reaches a terminal.

Text from a log or a user file can hold terminal escape sequences (``ESC ]0;title
BEL`` sets a window title, ``ESC [2J`` clears the screen) and Unicode
bidirectional overrides that reorder what is shown (``U+202E`` makes ``txt.exe``
read ``exe.txt``). :func:`visible` replaces each such character by its escape
(``\\x1b``, ``\\u202e``), so what is printed is what the file holds. Every string
from a log or user file that is printed to a terminal (messages, warnings,
report text, tables) passes through it.

Examples
--------
>>> print(visible("cup\\x1b]0;PWNED\\x07"))
cup\\x1b]0;PWNED\\x07
"""

from __future__ import annotations

import re
from typing import Any

#: C0 and C1 control characters, DEL, the bidirectional marks, embeddings,
#: overrides and isolates, and the Unicode line and paragraph separators.
UNSAFE_CHARACTERS = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]"
)
# the unsafe characters json.dumps leaves as they are (it escapes the C0 controls in strings;
# outside strings the only ones are the layout's own newlines and spaces)
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
_SHORT = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _SHORT:
        return _SHORT[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: object) -> str:
    """``text`` with control and bidirectional-override characters written as escapes.

    Parameters
    ----------
    text : object
        Any value; it is turned into ``str`` first.

    Returns
    -------
    str
        The same text when it holds no such character (the usual case).

    Examples
    --------
    >>> visible("spinach")
    'spinach'
    >>> visible("a\\tb\\u202ec")
    'a\\\\tb\\\\u202ec'
    """
    value = str(text)
    if UNSAFE_CHARACTERS.search(value) is None:
        return value
    return UNSAFE_CHARACTERS.sub(_escape, value)


def visible_json(text: str) -> str:
    """JSON text with every unsafe character inside its strings written as ``\\uXXXX``.

    The JSON still decodes to exactly the same data: only the spelling of those
    characters changes (``json.dumps`` already escapes ``\\x00``-``\\x1f``, not
    DEL, the C1 controls or the bidirectional overrides).

    Examples
    --------
    >>> import json
    >>> text = visible_json(json.dumps({"food": "rice\\u202e"}, ensure_ascii=False))
    >>> text, json.loads(text)["food"] == "rice\\u202e"
    ('{"food": "rice\\\\u202e"}', True)
    """
    if _JSON_UNSAFE.search(text) is None:
        return text
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def visible_strings(value: Any) -> Any:
    """``value`` with :func:`visible` applied to every string inside it (dicts, lists).

    Only the dicts and lists that hold such a character somewhere inside are copied;
    the others are returned as they are (a report document is read, never changed,
    by its writers: a cohort's thousands of lines are then not copied for each
    format). Each distinct string is looked at once, and numbers, booleans and None
    without a call.

    Examples
    --------
    >>> visible_strings({"people": [{"person": "ana\\x1b[2J", "days": 3}]})
    {'people': [{'person': 'ana\\\\x1b[2J', 'days': 3}]}
    >>> lines = [{"person": "ana"}]
    >>> visible_strings({"lines": lines})["lines"] is lines
    True
    """
    safe: set[str] = set()
    changed: dict[str, str] = {}

    def walk(item: Any) -> Any:
        kind = type(item)
        if kind in _KEPT:
            return item
        if kind is str:
            if item in safe:
                return item
            found = changed.get(item)
            if found is None:
                found = visible(item)
                if found == item:
                    safe.add(item)
                    return item
                changed[item] = found
            return found
        if kind is dict:
            for part in item.values():
                if type(part) not in _KEPT and walk(part) is not part:
                    return {key: walk(part) for key, part in item.items()}
            return item
        if kind is list:
            for part in item:
                if type(part) not in _KEPT and walk(part) is not part:
                    return [walk(part) for part in item]
            return item
        if isinstance(item, str):
            return visible(item)
        if isinstance(item, dict):
            return {key: walk(part) for key, part in item.items()}
        if isinstance(item, (list, tuple)):
            return type(item)(walk(part) for part in item)
        return item

    return walk(value)


#: The exact types :func:`visible_strings` keeps as they are (never a string inside).
_KEPT = frozenset({int, float, bool, type(None)})
