"""reader: put the viewpoints inside a news article side by side."""

__version__ = "0.1.0"
