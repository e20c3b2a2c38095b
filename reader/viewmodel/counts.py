"""Count prefixes, as in less and vim: digits typed before a motion repeat it (`5j`, `10G`).

Pure state, no Textual: `reader.ui.view.ReaderView` feeds it each key's character; digits are
collected, and the next other key takes the count for its action (`take`). `0` starts nothing
(so it can never be a count of zero), and a count is capped so a held key cannot overflow.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_DIGITS = 7


@dataclass(slots=True)
class CountPrefix:
    """The digits typed so far, and the count the current key's action may use."""

    digits: str = ""
    current: int | None = None

    def feed(self, character: str | None) -> bool:
        """Take `character` if it continues a count (True: the key is consumed). Any other
        key makes the digits so far the current count, for its action to use."""
        if character and character in "0123456789" and (self.digits or character != "0"):
            if len(self.digits) < MAX_DIGITS:
                self.digits += character
            return True
        self.current = int(self.digits) if self.digits else None
        self.digits = ""
        return False

    def times(self, default: int = 1) -> int:
        """The current count, or `default` when none was typed."""
        return self.current if self.current is not None else default

    def clear(self) -> None:
        self.digits = ""
        self.current = None


__all__ = ["MAX_DIGITS", "CountPrefix"]
