"""One width function for wrapping and painting, checked over every assigned code point."""

from __future__ import annotations

import sys
import unicodedata

from rich.segment import Segment

from reader.cells import cells, char_cells, is_single
from reader.ui.paint import fit
from reader.viewmodel.layout import display_text, line_slices, wrap_starts

ASSIGNED = [
    chr(code)
    for code in range(0x20, sys.maxunicode + 1)
    if unicodedata.category(chr(code)) not in ("Cn", "Cs", "Co", "Cc")
]


def test_the_fast_path_only_takes_characters_of_one_cell() -> None:
    wrong = [hex(ord(char)) for char in ASSIGNED if is_single(char) and char_cells(char) != 1]
    assert wrong == []


def test_wrapped_lines_are_painted_whole_for_every_assigned_code_point() -> None:
    """Every code point, in words of five between spaces, wrapped at 17 cells: each line,
    painted at that width, keeps every character and takes exactly 17 cells."""
    text = display_text(" ".join("".join(ASSIGNED[i : i + 5]) for i in range(0, len(ASSIGNED), 5)))
    width = 17
    lost: list[str] = []
    for start, end in line_slices(text, wrap_starts(text, width)):
        line = text[start:end]
        assert cells(line.rstrip(" ")) <= width, repr(line)
        painted = fit([Segment(line)], width)
        shown = "".join(segment.text for segment in painted)
        if not shown.startswith(line.rstrip(" ")):
            lost.append(line)
        assert sum(cells(segment.text) for segment in painted) == width
    assert lost == []


def test_soft_hyphens_and_emoji_selectors_are_shown_at_one_agreed_width() -> None:
    raw = "next week, the minis\u00adtry said \u26a0\ufe0f"
    shown = display_text(raw)
    assert len(shown) == len(raw)  # offsets into the block text still hold
    assert "\u00ad" not in shown and "\ufe0f" not in shown
    assert cells(shown) == len("next week, the ministry said ") + 1


def test_joined_emoji_and_skin_tones_take_the_width_of_one_picture() -> None:
    assert cells("\U0001f468\u200d\U0001f469\u200d\U0001f467") == 2
    assert cells("\U0001f44d\U0001f3fd") == 2
    assert cells("北约") == 4
    assert cells("e\u0301") == 1
