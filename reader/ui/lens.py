"""The actor lens (`v`): one actor's blocks from every open article, one panel per article.

"What does each outlet let Russia say?" in one screen. The lens is the reader's own view
(reader.ui.view.ReaderView, compact mode) over a lens article built by
`reader.compare.build_lens`: each panel is an article, headed by its outlet, and the n-th
passages of the articles stand side by side and scroll together. Search (`/`, n, N, `@actor`)
and explain (e, Enter) work as in the reader; explain shows the block's verdict in the
article it came from, with each rule's message from the config in force (`rules_reloaded`
keeps them live when `r` reloads the rules under the lens). Escape closes the search or the
explain pane, else goes back.
"""

from __future__ import annotations

from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container
from textual.screen import Screen
from textual.widgets import Footer

from reader.compare import Lens, build_lens
from reader.config import Config
from reader.model import Actor, ClassifiedArticle
from reader.ui.css import widget_css
from reader.ui.explain import ExplainPane, rule_messages
from reader.ui.open_articles import OpenArticles
from reader.ui.search_bar import SearchBar
from reader.ui.status import HeaderLine, StatusLine
from reader.ui.themes import actor_colours
from reader.ui.view import ReaderView, ViewState
from reader.viewmodel.search import SearchError, SearchIndex, parse_query


class LensScreen(Screen[None]):
    """One actor across the open articles (see the module docstring)."""

    DEFAULT_CSS = widget_css("lens")

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "search", "Search", id="lens.search"),
        Binding("e,enter", "explain", "Explain", id="lens.explain"),
        Binding("escape", "escape", "Back", id="lens.back"),
    ]

    def __init__(self, open_articles: OpenArticles, actor: Actor) -> None:
        super().__init__()
        self.open_articles = open_articles
        self.actor = actor
        self.lens: Lens | None = None
        self.classified: list[ClassifiedArticle] = []
        self._index: SearchIndex | None = None
        self._query = ""
        self._origin = 0
        self._error: str | None = None

    def compose(self) -> ComposeResult:
        yield HeaderLine(id="lens-header")
        with Container(id="lens-main"):
            yield ReaderView(id="lens-view")
            yield ExplainPane(
                id="lens-explain", rule_messages=rule_messages(self.open_articles.config)
            )
        yield SearchBar(id="lens-search")
        yield StatusLine(id="lens-status")
        yield Footer()

    @property
    def view(self) -> ReaderView:
        return self.query_one("#lens-view", ReaderView)

    @property
    def explain(self) -> ExplainPane:
        return self.query_one("#lens-explain", ExplainPane)

    @property
    def search_bar(self) -> SearchBar:
        return self.query_one("#lens-search", SearchBar)

    def on_mount(self) -> None:
        count = len(self.open_articles.articles)
        self.query_one(HeaderLine).show_article(
            f"{self.actor.tag} {self.actor.label} in {count} articles", "lens", None
        )
        self.view.focus()
        if self.open_articles.missing():
            self.view.clear("classifying…")
            self._classify()
        else:
            self._ready({})

    def articles_changed(self) -> None:
        """An article joined the open ones (a URL arrived): show its blocks too."""
        self._index = None
        self._classify()

    def rules_reloaded(self, config: Config) -> None:
        """The app reloaded the rules: the explain pane says the new rules' messages. The pane
        may be gone already: a reload that ends while the reader quits."""
        for pane in self.query("#lens-explain").results(ExplainPane):
            pane.rule_messages = rule_messages(config)

    @work(thread=True, exclusive=True, group="lens")
    def _classify(self) -> None:
        found = self.open_articles.classify_missing()
        self.app.call_from_thread(self._ready, found)

    def _ready(self, found: dict[int, ClassifiedArticle]) -> None:
        classified = self.open_articles.keep(found)
        if classified is None:  # more arrived meanwhile
            self._classify()
            return
        self.classified = classified
        lens = build_lens(self.classified, self.open_articles.names(), self.actor)
        self.lens = lens
        colour = actor_colours(self.app.current_theme, (self.actor,))[self.actor.id]
        colours = {panel.id: colour for panel in lens.classified.actors}
        if not lens.classified.article.blocks:
            self.view.clear(f"{self.actor.label} speaks in none of the open articles")
        else:
            self.view.set_article(lens.classified, ViewState(compact=True), colours=colours)
        self._update_status()

    # --- status -------------------------------------------------------------------------

    def on_reader_view_changed(self, event: ReaderView.Changed) -> None:
        event.stop()
        self._update_status()
        if self.explain.has_class("-open"):
            self._explain_current()
        if self.search_bar.is_open and self.view.results is not None and not self._error:
            self.search_bar.show_verdict(self.view.match_summary())

    def _update_status(self) -> None:
        view = self.view
        lens = self.lens
        parts: list[str] = [f"lens {self.actor.label}"]
        origin = lens.origin(view.block) if lens is not None and view.classified else None
        if origin is not None:
            article, block = origin
            name = lens.classified.actors[article].label if lens is not None else ""
            parts.append(f"{name} block {block + 1}")
            parts.append(f"passage {view.block + 1}/{view.block_count}")
        if view.results is not None:
            parts.append(f"search {self.view.match_summary()} '{self._query.strip()}'")
        elif self._error:
            parts.append(f"search: {self._error}")
        self.query_one(StatusLine).show(" · ".join(parts))

    # --- search -------------------------------------------------------------------------

    def action_search(self) -> None:
        self._origin = self.view.block
        self.search_bar.open()

    def on_search_bar_changed(self, event: SearchBar.Changed) -> None:
        event.stop()
        self._run_search(event.value)

    def on_search_bar_submitted(self, event: SearchBar.Submitted) -> None:
        event.stop()
        self.search_bar.close()
        self.set_focus(self.view)

    def _run_search(self, raw: str) -> None:
        self._query = raw
        self._error = None
        lens = self.lens
        if lens is None or self.view.classified is None:
            return
        if self._index is None:
            texts = [self.view.block_text(i) for i in range(self.view.block_count)]
            self._index = SearchIndex(texts, lens.labels)
        actors = {actor.id: actor.label for actor in self.open_articles.config.actors}
        try:
            query = parse_query(raw, actors)
            results = self._index.search(query) if not query.empty else None
        except SearchError as error:
            self._error = str(error)
            self.search_bar.show_verdict(str(error), error=True)
            self.view.set_results(None)
            self._update_status()
            return
        self.view.set_results(results)
        if results is None:
            self.search_bar.show_verdict("")
        elif not results.matches:
            self.search_bar.show_verdict("no matches")
        else:
            self.view.goto_first_match(self._origin)
            self.search_bar.show_verdict(self.view.match_summary())
        self._update_status()

    # --- explain and escape -------------------------------------------------------------

    def action_explain(self) -> None:
        if self.explain.has_class("-open"):
            self._close_explain()
            return
        if self.view.classified is None:
            return
        self.explain.add_class("-open")
        self._explain_current()

    def _explain_current(self) -> None:
        origin = self.lens.origin(self.view.block) if self.lens is not None else None
        if origin is not None:
            article, block = origin
            self.explain.show(self.classified[article], block)

    def _close_explain(self) -> None:
        self.explain.remove_class("-open")
        self.set_focus(self.view)

    def on_explain_pane_closed(self, event: ExplainPane.Closed) -> None:
        event.stop()
        self._close_explain()

    def action_escape(self) -> None:
        """Innermost first: the search input, the explain pane, the search; then go back."""
        if self.search_bar.is_open:
            self.search_bar.close()
            self.search_bar.clear()
            self.view.set_results(None)
            self._query = ""
            self.set_focus(self.view)
            if self.view.classified is not None:
                self.view.go(self._origin)
        elif self.explain.has_class("-open"):
            self._close_explain()
        elif self.view.results is not None or self._error:
            self.search_bar.clear()
            self.view.set_results(None)
            self._query = ""
            self._error = None
        else:
            self.dismiss(None)
        self._update_status()
