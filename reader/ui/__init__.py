"""The Textual reader. Only this package imports Textual; `reader.ui.app.ReaderApp` is the entry."""
