"""A file that is UTF-8 but for a bad sequence or two stays UTF-8 (issue 13.18)."""

from __future__ import annotations

from reader.load import decode

RUSSIAN = "Песков заявил, что Москва «готова к переговорам» — но не сейчас. "


def test_one_bad_byte_in_utf8_is_replaced_not_the_whole_file_read_as_latin1() -> None:
    data = (RUSSIAN * 5).encode("utf-8") + b"\xff" + (RUSSIAN * 5).encode("utf-8")
    text, warning = decode(data, "a.txt")
    assert text == RUSSIAN * 5 + "\ufffd" + RUSSIAN * 5
    assert warning == "a.txt: not valid UTF-8 in 1 sequence, replaced by U+FFFD"


def test_a_truncated_last_character_is_one_replacement() -> None:
    data = "“Truce,” said the minister — café".encode()[:-1]
    text, warning = decode(data, "b.txt")
    assert text == "“Truce,” said the minister — caf\ufffd"
    assert warning is not None and "1 sequence" in warning


def test_latin1_and_cp1251_are_still_recognised() -> None:
    assert decode("café naïve, señor".encode("latin-1"), "c.txt") == (
        "café naïve, señor",
        "c.txt: not UTF-8; read as latin-1",
    )
    assert decode(RUSSIAN.encode("cp1251"), "d.txt") == (
        RUSSIAN,
        "d.txt: not UTF-8; read as cp1251",
    )


def test_real_replacement_characters_in_the_text_are_not_counted_as_bad() -> None:
    data = ("� " * 20 + RUSSIAN).encode("utf-8") + b"\xc3"
    text, warning = decode(data, "e.txt")
    assert text.endswith("\ufffd") and warning is not None and "1 sequence" in warning
