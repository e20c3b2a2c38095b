"""ReaderView.Changed carries no state, so a queued run of them is handled once per view:
a held key or a burst of scroll events redraws the status line once, not once per step."""

from __future__ import annotations

from collections import Counter

from textual.app import App, ComposeResult

from reader.ui.view import ReaderView


class Recorder(App[None]):
    """Two views side by side (as the reader and the lens have), counting Changed per view."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: Counter[str | None] = Counter()

    def compose(self) -> ComposeResult:
        yield ReaderView(id="left")
        yield ReaderView(id="right")

    def on_reader_view_changed(self, event: ReaderView.Changed) -> None:
        self.seen[event.view.id] += 1


async def test_a_run_of_changed_messages_is_handled_once_per_view() -> None:
    app = Recorder()
    async with app.run_test() as pilot:
        await pilot.pause()
        app.seen.clear()
        left, right = app.query_one("#left", ReaderView), app.query_one("#right", ReaderView)
        for _ in range(5):
            left.post_message(ReaderView.Changed(left))
        right.post_message(ReaderView.Changed(right))
        await pilot.pause()
        assert app.seen == Counter({"left": 1, "right": 1})


def test_only_a_changed_of_the_same_view_replaces_another() -> None:
    left, right = ReaderView(id="left"), ReaderView(id="right")
    assert ReaderView.Changed(left).can_replace(ReaderView.Changed(left))
    assert not ReaderView.Changed(left).can_replace(ReaderView.Changed(right))
