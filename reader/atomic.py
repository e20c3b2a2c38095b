"""Small files written whole or not at all: a temporary file beside the target, then a rename.

For the reader's own small state files (search history, preferences), which are conveniences:
a failure returns False and never raises, and a crash mid-write leaves the old file.
(Reading positions have their own store with locking and fsync: `reader.viewmodel.state`.)
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_text_atomic(target: Path, text: str) -> bool:
    """Write `text` to `target` through a temporary file and `os.replace`; False on failure."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    except OSError:
        return False
    temporary = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        temporary.replace(target)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink()
        return False
    return True


__all__ = ["write_text_atomic"]
