"""The UI's pure model: everything the reader's screen shows, computed without a terminal.

Where each block goes (`layout`), how it wraps and scrolls in a panel (`tracks`), what a search
matches (`search`), count prefixes such as `5j` (`counts`) and the reading positions kept across
restarts (`state`, `positions`) are decisions, not drawing. They live here, apart from `reader.ui`,
so that they are tested as plain functions and data, fast and without Textual or rich; the widgets
in `reader.ui` only render what this package computed. An import-linter contract in pyproject.toml
(checked by `make lint`) keeps textual, rich and `reader.ui` out of this package.
"""
