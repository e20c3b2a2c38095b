"""One block's text from inline pieces, whitespace collapsed, with the links' offsets kept true.

Every parser hands its inline content over as pieces (text, and the link target the text sits
in, if any); collapsing whitespace here, in one place, keeps each link's `start`/`end` pointing
at its words in the final text, which a later `" ".join(text.split())` would shift.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urljoin, urlsplit

from reader.model import Link

_TOKENS = re.compile(r"\s+|\S+")

Piece = tuple[str, str | None]
"""Text, and the link target it belongs to (None for plain text)."""


def collapse(pieces: Iterable[Piece], base: str | None = None) -> tuple[str, tuple[Link, ...]]:
    """The pieces' text with whitespace runs made one space and stripped, and its links.

    A link's URL is made absolute against `base` (the page's address) when one is given;
    adjacent pieces with the same target are one link. Links with no words, and links with an
    empty target ("" marks link text whose element had no address), are dropped.
    """
    out: list[str] = []
    length = 0
    pending_space = False
    links: list[Link] = []
    target: str | None = None
    start: int | None = None  # where the open link's first word begins
    end = 0  # where the open link's last word ends

    def close() -> None:
        if target and start is not None:
            text = "".join(out)[start:end]
            links.append(Link(text, _absolute(target, base), start, end))

    for text, piece_target in pieces:
        if piece_target != target:
            close()
            target, start = piece_target, None
        for token in _TOKENS.findall(text):
            if token[0].isspace():
                pending_space = True
                continue
            if pending_space and length:
                out.append(" ")
                length += 1
            pending_space = False
            if start is None:
                start = length
            out.append(token)
            length += len(token)
            end = length
    close()
    return "".join(out), tuple(links)


def _absolute(url: str, base: str | None) -> str:
    url = url.strip()
    if base and not urlsplit(url).scheme:
        return urljoin(base, url)
    return url
