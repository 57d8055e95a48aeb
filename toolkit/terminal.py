"""Text bound for a terminal, made harmless: control characters shown as escapes, never executed.

A name, a quote from a report, a path or an unknown YAML key can hold ``\\e]0;…\\a`` (set the window title),
``\\e[…m`` (colours) or a right-to-left override; echoed raw, they would act on the user's terminal. Everything
the CLI prints goes through :func:`safe` (text) or :func:`safe_json` (JSON, whose strings stay valid).
"""
from __future__ import annotations

from .lazyre import re

#: C0 controls but tab and newline, DEL, C1 controls, and the bidirectional overrides and isolates
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escape(m: re.Match[str]) -> str:
    c = ord(m.group(0))
    return f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}"


def safe(text: str) -> str:
    """``text`` with every control character written as an escape (``\\x1b``, ``\\u202e``)."""
    return _UNSAFE.sub(_escape, text)


def safe_json(text: str) -> str:
    """JSON text with the control characters JSON leaves raw (DEL, C1, bidi) written as ``\\uXXXX`` escapes."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)
