"""Errors a user can act on. Each renders as one line; the CLI prints it and never a traceback."""

from __future__ import annotations


class ReaderError(Exception):
    """Bad input: a file, an article or a rule file the reader cannot use.

    `where` is "file", "file:line" or "file:line:column" when known; `str()` gives the one line
    the user sees.
    """

    def __init__(self, message: str, where: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.where = where

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class ConfigError(ReaderError):
    """A rule or config file that does not validate."""


class UsageError(ReaderError):
    """Bad command-line usage (exit 2)."""
