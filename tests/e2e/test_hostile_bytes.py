"""The raw bytes the real `reader` writes never carry an article's escape sequences.

The installed console script runs under a pseudo-terminal (100x30, TERM=xterm-256color) on an
article whose every attack carries its own marker, so the test can search the bytes for the
attack itself, not for escape sequences Textual legitimately writes (it writes plenty of CSI).
Keys: j, / with a hostile query pasted (bracketed paste is how control characters reach an
input), Enter, e (explain), y (copy, OSC 52), q. Everything the app wrote is read, and the exit
status must be 0.

`reader classify` goes the same way: text and Markdown show placeholders, JSON escapes
(and `json.loads` gives back the article's text exactly).
"""

from __future__ import annotations

import base64
import json
import re
import subprocess
import sys
from pathlib import Path

from reader.load import load
from reader.parse import parse

from .pty_terminal import TIMEOUT, Pty

READER = Path(sys.executable).parent / "reader"
WIDTH, HEIGHT = 100, 30

# One attack a paragraph, each with a marker that appears nowhere else.
ARTICLE = "\n\n".join(
    [
        "Truce talks \x1b]0;PWNED-TITLE\x07 stall",
        "NATO said \x1b[2JPWNED-CLEAR and \x1b[99;77HPWNED-MOVE now.",
        "The Kremlin said the clip \x1b]52;c;UFdORUQtQ0xJUA==\x07 was fine.",
        "Kyiv said \x1b]8;;https://pwned.example/osc8\x1b\\PWNED-LINK\x1b]8;;\x1b\\ today.",
        "Moscow said \u009b31mPWNED-C1 and PWNED-BS\b\b\bXXX and PWNED-BEL\x07\x07 twice.",
        "Ukraine said \u202ePWNED-RLO\u202c and \u2066PWNED-ISO\u2069 again.",
        "[link=file:///etc/passwd]PWNED-FILE[/link] [@click=app.quit]PWNED-CLICK[/] [bold]X[/bold]",
    ]
)

# Byte strings that would mean an attack got through. Textual itself never writes a window
# title, a hyperlink, backspace, a C1 control or a bidi control.
FORBIDDEN = [
    b"\x1b]0;",
    b"\x1b]2;",
    b"\x1b]8;",
    b"pwned.example/osc8\x1b",
    b"\x1b[2JPWNED",
    b"\x1b[99;77H",
    b"UFdORUQtQ0xJUA==\x07",
    b"\x1b]52;c;UFdORUQ",
    b"PWNED-BEL\x07",
    b"\x08",
    b"\xc2\x9b",  # U+009B, the C1 CSI
    b"\x9b31mPWNED",
    "\u202e".encode(),
    "\u202c".encode(),
    "\u2066".encode(),
    "\u2069".encode(),
]
RAW_CONTROLS = [b"\x1b", b"\x07", b"\x08", b"\xc2\x9b", *FORBIDDEN[-4:]]


def _article(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.txt"
    path.write_text(ARTICLE + "\n", encoding="utf-8")
    return path


def test_the_reader_writes_no_injected_sequence_to_the_terminal(tmp_path: Path) -> None:
    path = _article(tmp_path)
    term = Pty([str(READER), str(path)], tmp_path, width=WIDTH, height=HEIGHT)
    try:
        term.wait_for(b"block 1/7")
        term.wait_for(b"\xe2\x90\x9b]0;PWNED-TITLE\xe2\x90\x87")  # the header: ␛]0;PWNED-TITLE␇
        term.wait_for(b"block 2/7", term.send(b"j"))
        mark = term.send(b"/")
        term.wait_for(b"re:regex", mark)  # the search input's placeholder
        query = b"PWNED-BEL\x07\x07"
        mark = term.send(b"\x1b[200~" + query + b"\x1b[201~")
        term.wait_for("PWNED-BEL␇␇".encode(), mark)  # echoed as placeholders
        term.wait_for(b"block 5/7", term.send(b"\r"))  # Enter keeps the match's block
        term.wait_for(b"Block 5 of 7", term.send(b"e"))  # explain
        term.wait_for(b"Copied block 5", term.send(b"y"))
        term.send(b"q")
        status = term.finish()
    finally:
        term.kill()
    written = bytes(term.output)
    assert status == 0, written[-2000:]
    for attack in FORBIDDEN:
        assert attack not in written, attack
    # Textual's own BELs end its own OSCs: the pointer shape (22) and the copy (52, from y).
    copies = re.findall(rb"\x1b\]52;c;([A-Za-z0-9+/=]*)\x07", written)
    assert len(copies) == 1
    own = re.sub(rb"\x1b\](?:22;[a-z-]*|52;c;[A-Za-z0-9+/=]*)\x07", b"", written)
    assert b"\x07" not in own
    assert b"\x1b]" not in own  # no other OSC at all
    copied = base64.b64decode(copies[0]).decode("utf-8")
    assert "PWNED-BEL␇␇ twice" in copied and "\x1b" not in copied and "\x07" not in copied
    assert b"Traceback" not in written


def test_classify_text_and_markdown_show_placeholders(tmp_path: Path) -> None:
    path = _article(tmp_path)
    for fmt in ("text", "markdown"):
        result = subprocess.run(
            [str(READER), "classify", "--format", fmt, str(path)],
            capture_output=True,
            timeout=TIMEOUT,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        for raw in RAW_CONTROLS:
            assert raw not in result.stdout, (fmt, raw)
        shown = result.stdout.decode("utf-8")
        assert "␛]0;PWNED-TITLE␇" in shown
        assert "PWNED-BS␈␈␈XXX" in shown and "\ufffdPWNED-RLO\ufffd" in shown


def test_classify_json_escapes_controls_and_round_trips_the_text(tmp_path: Path) -> None:
    path = _article(tmp_path)
    result = subprocess.run(
        [str(READER), "classify", "--format", "json", str(path)],
        capture_output=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for raw in RAW_CONTROLS:
        assert raw not in result.stdout, raw
    assert b"\\u001b]0;PWNED-TITLE\\u0007" in result.stdout
    document = json.loads(result.stdout)
    article = parse(load([str(path)]).documents[0])
    assert [block["text"] for block in document["blocks"]] == [b.text for b in article.blocks]
    assert "\x1b]52;c;UFdORUQtQ0xJUA==\x07" in document["blocks"][2]["text"]
