"""OUT001's reading as toolkit/word/printed.py did it before issue 13's fast pass: the document's text read token
by token from a string, a path built for every value, each text's sentences worked out for every report, and the
type tests in order. Kept as the reference the new reading is compared with (test_unprinted.py); the patterns and
the field tables both share are imported from the module, not copied."""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from enum import Enum
from typing import Any, Container, Iterator

from toolkit.model import Node, Report
from toolkit.word.printed import _MARKS, _NUMBER, _NUMBERED, _OWN_TOKEN, _SENTENCE, _SPACE, _W, _content_fields


def document_text(docx: bytes, ours: bool = False) -> str:
    import io
    import zipfile

    from lxml import etree

    if docx.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(docx)) as z:
            docx = z.read("word/document.xml")
    if ours:
        pieces = _own_pieces(docx.decode("utf-8"))
    else:
        pieces = []
        for p in etree.fromstring(docx).iter(_W + "p"):
            pieces.append("".join(t.text or "" for t in p.iter(_W + "t")))
    return "|".join(_SPACE.sub("", p) for p in pieces if p)


def _own_pieces(xml: str) -> list[str]:
    pieces: list[str] = []
    current: list[str] | None = None
    for start, end, text in _OWN_TOKEN.findall(xml):
        if start:
            current = []
        elif end:
            if current is not None:
                pieces.append("".join(current))
            current = None
        elif current is not None and text:
            current.append(text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
                           if "&" in text else text)
    return pieces


_OWN_TOKEN_BYTES = re.compile(_OWN_TOKEN.pattern.encode())


def own_text_by_tokens(xml: bytes) -> str:
    """``printed._own_text`` as it was before it cut the document at each ``</w:t>``: the tokens of
    :data:`_OWN_TOKEN` found in the UTF-8 bytes, the white space taken out by the pattern."""
    pieces: list[bytes] = []
    current: list[bytes] | None = None
    for start, end, text in _OWN_TOKEN_BYTES.findall(xml):
        if start:
            current = []
        elif end:
            if current:
                pieces.append(b"".join(current))
            current = None
        elif current is not None and text:
            current.append(text)
    joined = b"|".join(pieces).decode("utf-8")
    if "&" in joined:
        joined = joined.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return _SPACE.sub("", joined)


def leaves(report: Report) -> Iterator[tuple[str, Any]]:
    from toolkit.model import walk

    placeholders = report.indicators.ungrouped
    for path, node in walk(report):
        if placeholders and type(node).__name__ in ("Level1", "Level2"):
            continue
        for name, default in _content_fields(type(node)):
            value = getattr(node, name)
            if value is None or isinstance(value, (Node, bool, Enum)):
                continue
            at = node.at(name)
            if isinstance(value, list):
                for i, v in enumerate(value):
                    if not isinstance(v, Node):
                        yield f"{at}[{i}]", v
                continue
            if value == default and not isinstance(value, (str, Decimal, int)):
                continue
            yield at, value


def _chunks(text: str) -> list[str]:
    plain = _MARKS.sub("", text)
    out = []
    for piece in _SENTENCE.split(plain):
        piece = _SPACE.sub("", piece).strip("，,：:")
        piece = _NUMBERED.sub("", piece)
        if len(piece) >= 2:
            out.append(piece)
    return out


class Printed:
    def __init__(self, text: str) -> None:
        self.text = text
        self.numbers = frozenset(_NUMBER.findall(text))

    def __contains__(self, value: Any) -> bool:
        if isinstance(value, dt.date):
            return f"{value.year}年{value.month}月{value.day}日" in self.text
        if isinstance(value, bool):
            return True
        if isinstance(value, Decimal):
            return value == 0 or f"{abs(value):f}" in self.numbers
        if isinstance(value, int):
            return value == 0 or str(abs(value)) in self.numbers
        if isinstance(value, str):
            return all(c in self.text for c in _chunks(value)) or _SPACE.sub("", value) in self.text
        return True


def unprinted(report: Report, docx: bytes, written: Container[str] | None = None,
              ours: bool = False) -> list[tuple[str, Any]]:
    text = Printed(document_text(docx, ours))
    return [(path, value) for path, value in leaves(report)
            if (written is None or path in written) and value not in text]
