"""The only road from article text to a screen: control characters become visible placeholders.

Article text is untrusted. Textual and Rich pass control characters straight through to the
terminal, so an article could clear the screen (CSI 2J), set the window title (OSC 0), write the
clipboard (OSC 52) or reverse the reading order (U+202E). Every renderer calls `visible()`.

The scheme, one character for one character so evidence offsets stay valid:
- C0 controls and DEL become their Unicode Control Pictures (ESC -> U+241B, BEL -> U+2407, ...);
  tab becomes a space.
- C1 controls (U+0080-U+009F), bidirectional overrides, embeddings, isolates and marks, and the
  line and paragraph separators become U+FFFD.
- Lone surrogates (U+D800-U+DFFF) become U+FFFD: Python decodes a file name that is not valid
  UTF-8 with `surrogateescape`, so byte 0x9B arrives as U+DC9B. Printed as is, it either crashes
  a UTF-8 stream or goes out as the raw byte 0x9B, which terminals read as CSI. In JSON
  (`escape_json`) it becomes the escape `\udc9b`: valid UTF-8, and a Python script gets the
  exact name back (`os.fsencode`).
"""

from __future__ import annotations

import io
import re
from typing import TextIO

REPLACEMENT = "\ufffd"

_TABLE: dict[int, str] = {code: chr(0x2400 + code) for code in range(0x20)}
_TABLE[0x09] = " "
_TABLE[0x7F] = "\u2421"
_TABLE.update({code: REPLACEMENT for code in range(0x80, 0xA0)})
_TABLE.update(
    {
        code: REPLACEMENT
        for code in (
            *range(0x200E, 0x2010),  # LRM, RLM
            *range(0x2028, 0x202F),  # line/paragraph separators, LRE RLE PDF LRO RLO
            *range(0x2066, 0x206A),  # LRI RLI FSI PDI
            0x061C,  # arabic letter mark
            *range(0xD800, 0xE000),  # lone surrogates: file-name bytes that are not UTF-8
        )
    }
)

_UNSAFE = re.compile(
    "["
    + "".join(re.escape(chr(code)) for code in sorted(_TABLE) if code < 0xD800)
    + "\ud800-\udfff]"
)
# What json.dumps leaves raw: it escapes C0 controls inside strings itself, and the newlines of
# `indent=` between tokens must stay newlines (escaped, they made the JSON invalid).
_UNSAFE_IN_JSON = re.compile(
    "["
    + "".join(re.escape(chr(code)) for code in sorted(_TABLE) if 0x20 <= code < 0xD800)
    + "\ud800-\udfff]"
)


def visible(text: str) -> str:
    """`text` with every control character replaced by a visible placeholder of width one."""
    if _UNSAFE.search(text) is None:
        return text
    return text.translate(_TABLE)


def is_safe(text: str) -> bool:
    """True when `text` holds nothing `visible()` would replace."""
    return _UNSAFE.search(text) is None


def escape_json(encoded: str) -> str:
    """JSON text with every unsafe character written as a \\uXXXX escape.

    `json.dumps(..., ensure_ascii=False)` escapes C0 controls but keeps DEL, C1 controls and
    bidi overrides raw, so a script that prints our JSON to a terminal would still be attacked.
    Escaping them keeps the JSON valid (they only ever occur inside strings) and readable for
    everything else. C0 is left to json.dumps: outside strings it writes only the newlines of
    `indent=`, which must stay newlines.
    """
    return _UNSAFE_IN_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", encoded)


class SafeWriter(io.TextIOBase):
    """A text stream whose every write goes through `visible()` (newlines stay newlines).

    Headless commands print paths, rule-test case names, labels and article names that come
    from files anyone may have written: wrapping their output stream once means no print of
    theirs can forget the neutraliser.
    """

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self._stream = stream

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self._stream.write(visible(text).replace(_NEWLINE_PICTURE, "\n"))
        return len(text)

    def flush(self) -> None:
        self._stream.flush()


_NEWLINE_PICTURE = _TABLE[0x0A]
