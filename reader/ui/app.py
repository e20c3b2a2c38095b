"""The reader app: a thin App that wires the panels, search, explain, help, themes and status.

Everything that decides what goes where lives below it: `reader.viewmodel` (layout: placement
and wrapping; search: queries), `reader.ui.view.ReaderView` (drawing and moving). The app owns
what spans articles and screens: which article is open, classifying it off the UI thread,
reloading rules, the search bar, the explain pane, themes and the status line.

Classification runs in a thread worker (`@work(thread=True, exclusive=True)`): a huge
article or a slow rule file never freezes the screen; the view says "classifying…" until the
result arrives. A result that arrives after the user moved on (another article, a newer
reload) is dropped by its generation number. The first article usually comes classified
already: the CLI starts classifying it before it imports Textual (`reader.viewmodel.ahead`),
and the app, taking that result on mounting, shows it in its first frame.

Long articles are shown in two steps. `reader.classify.classify_iter` yields verdicts in
block order, so the worker shows the first `FIRST_SCREEN` blocks as soon as they are classified
(a screen never holds more), says "classifying k/N…" in the status line while it goes on, and
then swaps in the whole article with the current block kept on its screen row. The worker
checks `is_cancelled` between chunks, so switching articles stops it.

Reading positions (block, focused actor, marks) are kept per article (`reader.viewmodel.positions`
over the `reader.viewmodel.state` store): loaded when an article is first opened, saved on switching
articles, on quit, and — at most once a `SAVE_SECONDS` and only after a move — in a thread
worker, because a save (lock, read, write, fsync) costs 1-8 ms and a key press must stay well
under 30 ms. The store never raises; its warnings (a corrupt file moved aside, a directory
that cannot be written) show as one notice.

An unexpected exception anywhere in the app does not print Textual's traceback over the
terminal: `_handle_exception` records it in `crash`, saves the position and exits; Textual
restores the terminal and the CLI logs the traceback under the state directory with one line
naming the log.

`r` reloads the config files the current config came from (`Config.sources`) and
re-classifies, keeping the current block on its screen row; the app also polls those files'
modification times every second and reloads on a change. A broken edit keeps the last good
rules and shows the error (file:line:column) in the status line.

Bindings: `reader.ui.keys` holds every key with its id (the README's Keys table is made from it).

The command palette (themes, live) moves from ctrl+p, which pages articles here, to `:`.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import signal
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, work
from textual.actions import SkipAction
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import BindingType
from textual.containers import Container
from textual.filter import LineFilter
from textual.reactive import var
from textual.screen import Screen
from textual.theme import Theme
from textual.timer import Timer
from textual.widgets import Footer
from textual.worker import WorkerFailed, get_current_worker

from reader.config import (
    Config,
    check_keymap,
    config_from_files,
    current_paths,
    load_config,
    user_config_path,
)
from reader.errors import ReaderError
from reader.language import count_not_english, language_notice
from reader.model import Article, ClassifiedArticle, Verdict
from reader.safe_text import visible
from reader.ui.keys import Key, bindings, by_id, help_rows
from reader.ui.nocolor import without_colour
from reader.ui.preferences import remember_theme, remembered_theme
from reader.ui.status import AirtimePart, HeaderLine, StatusLine
from reader.ui.themes import (
    actor_colours,
    all_themes,
    resolve_theme,
)
from reader.ui.view import ReaderView, ViewState
from reader.ui.web import WebReader
from reader.viewmodel.ahead import PROGRESSIVE_BLOCKS, Classified, HeadStart
from reader.viewmodel.layout import OTHER, OTHER_TAG
from reader.viewmodel.positions import Positions
from reader.viewmodel.state import Position, StateStore

if TYPE_CHECKING:  # the web modules (urllib, ssl) load on the first fetch, not at start-up
    from reader.feeds import Feed, FeedItem
    from reader.web import WebSettings

if TYPE_CHECKING:  # screens that are not the first one load when they are first opened
    from reader.ui.compare import CompareScreen
    from reader.ui.help import HelpRow
    from reader.ui.open_articles import OpenArticles

if TYPE_CHECKING:  # the explain pane, the search bar and search load when first opened
    from reader.ui.explain import ExplainPane
    from reader.ui.search_bar import SearchBar
    from reader.viewmodel.search import Query, Results, SearchIndex

Classifier = Callable[[Article, Config], ClassifiedArticle]
"""A whole-article classifier: tests and benchmarks may pass their own."""

VerdictStream = Callable[[Article, Config], Iterable[Verdict]]
"""Verdicts in block order, as they are computed: `reader.classify.classify_iter` by default."""

FIRST_SCREEN = 200
"""Blocks classified before a long article is first shown: more than any screen holds."""

CHECK_EVERY = 100
"""Verdicts between two looks at `is_cancelled` (and at whether to show or report progress)."""

INPUT_PRIORITY_S = 0.05
"""How long after a key press or scroll the classifying worker stands aside for the UI: long
enough for the key's handling and the frame after it."""

SWITCH_INTERVAL_S = 0.001
"""How long a thread waiting for the interpreter lock waits before the holder must hand it
over (Python's default is 5 ms), while the reader runs. A key press crosses three threads
(the driver's input thread, the event loop, the writer) and each waited up to 5 ms behind the
classifying worker: `j` took 1.6-1.7x as long while classifying (benchmarks/keys.py), 1.1x
with 1 ms. Without a waiting thread nothing is handed over, so the worker loses nothing."""

PROGRESS_EVERY = 10_000
"""Verdicts between two updates of "classifying k/N…" in the status line."""

SAVE_SECONDS = 1.0
"""How often a moved position is saved (in a thread: never on a key press)."""

EXIT_CRASH = 70
"""The return code after an unexpected exception (EX_SOFTWARE, as `reader.cli.main` uses)."""

EXIT_BAD_INPUT = 2
"""The return code when none of the URLs given could be read (as `reader.cli` uses)."""

DEBOUNCE_BLOCKS = 5_000
"""Articles with more blocks than this wait for a pause in typing before searching."""

DEBOUNCE_SECONDS = 0.15

INLINE_SEARCH_SECONDS = 0.05
"""How long a search may run on the UI thread before it moves to a worker."""

WATCH_SECONDS = 1.0
"""How often the config files' modification times are checked for a live reload."""

_READER_SCREEN_ACTIONS = frozenset(
    {"search", "submit_search", "explain", "copy", "article", "compare", "lens"}
)
"""App actions that act on the reader's own panels (see `ReaderApp.check_action`)."""


def binding_ids() -> frozenset[str]:
    """Every binding id a `keymap:` may name: the table in `reader.ui.keys` holds them all."""
    return frozenset(by_id())


@dataclass(frozen=True, slots=True)
class _Widgets:
    """The widgets of the reader's screen, made once in `ReaderApp.compose`. The explain pane
    and the search bar are not among them: each is mounted when it is first opened (into
    `main` and above `status`), as the first screen shows neither."""

    header: HeaderLine
    main: Container
    view: ReaderView
    status: StatusLine
    footer_row: Container


class ReaderApp(App[None]):
    """Read articles with each actor's viewpoint in its own panel.

    Arguments: `theme` overrides config's `theme:`; `mouse` is recorded (the CLI passes it to
    `run(mouse=...)`); `config_path` is the `--config` file, used for a reload only when the
    config records no source files; `classifier` replaces the classifier with a whole-article
    one and `verdicts` with a progressive one (tests and benchmarks); `store` keeps the reading
    positions (default: a `StateStore` in the XDG state directory); `feeds` are listed on a
    screen of their items, which are fetched (with `web`: the settings, or a function that
    makes them on the first fetch, so that start-up never loads the web modules) as they
    are opened, as are the articles of links; `urls` are fetched in order once the app runs,
    each joining the articles (or the feed list) as it arrives; `notices`: what the loader
    said before the app started, shown once it has; `started` is called once, when the first
    article is on screen (the CLI notes the regexes start-up compiled); `ahead`: the first
    article already being classified (`reader.viewmodel.ahead`), taken instead of classifying
    it again.
    """

    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute: subclasses live elsewhere
    TITLE = "reader"
    COMMAND_PALETTE_BINDING = "colon"
    # Screen classes for app.tcss: the explain pane goes beside the panels from 140 columns.
    # Textual declares this as an instance variable, so it cannot carry ClassVar here.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-normal"), (140, "-wide")]  # noqa: RUF012

    # search.open and search.submit are priority bindings: the letters typed right after `/`
    # (a fast typist, a paste) reach the input, and a key typed right after Enter reaches the
    # panels, not the query.
    BINDINGS: ClassVar[list[BindingType]] = bindings("app")

    open_on_compare = False
    """Open on the compare screen (`reader compare`): set before the app runs."""

    # The status line's own inputs (the rest it reads from the view, which posts Changed):
    # each redraws it when it changes, so no code that sets one has to remember to.
    status_error: var[str | None] = var(None, init=False)
    """An error that stays on the status line until the next article is shown."""
    search_error: var[str | None] = var(None, init=False)
    """Why the query is no search (a bad regex, a timeout), or None."""
    progress: var[tuple[int, int, int] | None] = var(None, init=False)
    """(article, blocks classified, blocks) while a long article is classified part by part."""

    def __init__(
        self,
        articles: Sequence[Article],
        config: Config,
        *,
        theme: str | None = None,
        mouse: bool = True,
        config_path: Path | None = None,
        classifier: Classifier | None = None,
        verdicts: VerdictStream | None = None,
        store: StateStore | None = None,
        feeds: Sequence[Feed] = (),
        web: WebSettings | Callable[[], WebSettings] | None = None,
        urls: Sequence[str] = (),
        notices: Sequence[str] = (),
        started: Callable[[], None] | None = None,
        ahead: HeadStart | None = None,
    ) -> None:
        super().__init__()
        if not articles and not feeds and not urls:
            raise ReaderError("no article to show")
        check_keymap(config, binding_ids())
        self._urls, self._startup_notices = tuple(urls), tuple(notices)
        self._started = started
        self._ahead = ahead  # until taken (`_take_ahead`)
        self._head_start = ahead  # cancelled when the app ends (`on_unmount`)
        self._ui: _Widgets | None = None
        self._explain: ExplainPane | None = None  # mounted when first opened (`e`)
        self._search: SearchBar | None = None  # mounted when first opened (`/`)
        # A list: articles fetched from a feed or a link join it as they are opened.
        self.articles: list[Article] = list(articles)
        self.feed_items: tuple[FeedItem, ...] = tuple(item for feed in feeds for item in feed.items)
        self.web = WebReader(self, web)
        self.config = config
        self.config_path = config_path
        self._classifier = classifier
        self._verdicts = verdicts
        self.positions = Positions(store if store is not None else StateStore(), self.articles)
        self._moved = False
        self._shown_index: int | None = None  # the article the view shows (maybe in part)
        self._hidden_marks: dict[int, dict[str, int]] = {}  # marks past a shown first part
        self.crash: BaseException | None = None
        """The unexpected exception that ended the app, for the CLI to log; None if none."""
        self.mouse = mouse
        self.requested_theme = theme
        self.article_index = 0
        self._classified: dict[int, ClassifiedArticle] = {}
        self._states: dict[int, ViewState] = {}
        self._indexes: dict[int, SearchIndex] = {}
        self._generation = 0
        self._query = ""
        self._search_origin = 0
        self._debounce: Timer | None = None
        self._keymap: dict[str, str] = dict(config.keymap)
        self._mtimes = self._source_mtimes()
        self._colours: Mapping[str, str] = {}
        self._start_theme = ""  # the theme this run began with (--theme, remembered or config)
        self._input_at = 0.0  # when the last key or scroll arrived (monotonic seconds)
        self._switch_interval = sys.getswitchinterval()  # Python's, given back on unmount
        self._unstyled = False  # from `on_load` until `compose`: nothing is styled yet

    # --- layout -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        self._unstyled = False  # the widgets are styled from here on
        # The screen's breakpoint class before its widgets are first styled: Textual sets it at
        # the first resize, which then styled every widget again (their first styling is a
        # tenth of the first screen's cost: the view's many component classes).
        width = self.size.width
        classes = {name: False for _, name in self.HORIZONTAL_BREAKPOINTS}
        fitting = [(limit, name) for limit, name in self.HORIZONTAL_BREAKPOINTS if width >= limit]
        if fitting:
            classes[max(fitting)[1]] = True
        self.screen.update_classes(classes, update=False)
        self._ui = _Widgets(
            HeaderLine(id="header"),
            Container(id="main"),
            ReaderView(id="view"),
            StatusLine(id="status"),
            Container(id="footer-row"),
        )
        yield self._ui.header
        with self._ui.main:
            yield self._ui.view
        yield self._ui.status
        yield self._ui.footer_row

    def _widgets(self) -> _Widgets:
        """The reader's own widgets, kept from `compose`: not queried, because a timer or a
        fetched page updates them while a list or help screen is on top (a query looks at
        the top screen) and while the app shuts down (when queries find nothing)."""
        if self._ui is None:
            raise RuntimeError("the reader's widgets are used before they were composed")
        return self._ui

    @property
    def view(self) -> ReaderView:
        return self._widgets().view

    @property
    def search_bar(self) -> SearchBar:
        """The search bar, once `/` has opened it (it is mounted then)."""
        if self._search is None:
            raise RuntimeError("the search bar is mounted when it is first opened")
        return self._search

    @property
    def status(self) -> StatusLine:
        return self._widgets().status

    @property
    def explain(self) -> ExplainPane:
        """The explain pane, once `e` has opened it (it is mounted then)."""
        if self._explain is None:
            raise RuntimeError("the explain pane is mounted when it is first opened")
        return self._explain

    def _explain_open(self) -> bool:
        return self._explain is not None and self._explain.has_class("-open")

    def _search_open(self) -> bool:
        return self._search is not None and self._search.is_open

    def _search_focused(self) -> bool:
        return self._search is not None and self.focused is self._search.input

    @property
    def classified(self) -> ClassifiedArticle | None:
        """The classified article on screen, or None while it is being classified."""
        return self._classified.get(self.article_index)

    def on_load(self) -> None:
        """Themes are registered and one is chosen before any widget is styled: choosing it
        once the widgets are mounted has Textual parse every style sheet again and restyle
        every widget (about a twentieth of the time to the first screen)."""
        self._unstyled = True
        self._setup_themes()

    def refresh_css(self, animate: bool = True) -> None:
        """As Textual's, except for the theme chosen in `on_load`, before anything is styled:
        then the style sheet takes the theme's variables, and parses its sources with them
        when the widgets are first styled. Textual parsed them here too (a new style sheet,
        the app's and Textual's own rules) and styled the app, both done again right after
        (~2-3 ms of start-up)."""
        if self._unstyled:
            self._unstyled = False
            self.stylesheet.set_variables(self.get_css_variables())
            return
        super().refresh_css(animate)

    def on_mount(self) -> None:
        self._switch_interval = sys.getswitchinterval()
        sys.setswitchinterval(min(self._switch_interval, SWITCH_INTERVAL_S))
        if self._keymap:
            self.set_keymap(self._keymap)
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self.view.merge = self.config.view == "merged"
        self.view.focus()
        self._show_startup_notices()
        if self.articles:
            self._open_article(0)
        elif self.feed_items:
            self.show_feed()
        if not self.articles:  # nothing to classify: the start is over once this is drawn
            self.call_after_refresh(self._article_settled)
        self.web.start(self._urls)
        self.set_interval(WATCH_SECONDS, self._watch_config)
        self.set_interval(SAVE_SECONDS, self._save_moved)
        if self.open_on_compare:
            self.action_compare()
        self._catch_signals()

    def on_unmount(self) -> None:
        sys.setswitchinterval(self._switch_interval)
        # Quitting stops the head start now, taken or not: its waiting worker, cancelled with
        # the app's, would look only at its next step, and not at all if it never ran.
        if self._head_start is not None:
            self._head_start.cancel()

    def _catch_signals(self) -> None:
        """SIGTERM (`kill`) and SIGHUP (a closed terminal or SSH window) end the reader as `q`
        does: Python's default for both kills the process at once, which leaves the terminal in
        the alternate screen with mouse tracking on and loses the last moves and marks.

        SIGCONT resumes the terminal only after a suspend (SIGTSTP). A hangup sends SIGCONT
        with SIGHUP, and Textual's driver answers every SIGCONT by starting application mode
        again: a second output thread while the first is still running, and an exit that then
        waited on a full output queue for good (the reader stayed, hung, in 4-6 of 8 launches
        whose terminal closed as they opened).

        Only a real terminal app installs them (tests drive a headless app inside pytest).
        """
        if self.is_headless:
            return
        loop = asyncio.get_running_loop()
        handlers: list[tuple[int, Callable[..., object], tuple[int, ...]]] = [
            (signal.SIGTERM, self._signalled, (signal.SIGTERM,)),
            (signal.SIGHUP, self._signalled, (signal.SIGHUP,)),
            (signal.SIGCONT, self._continued, ()),
        ]
        for signum, handler, args in handlers:
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(signum, handler, *args)

    def _continued(self) -> None:
        """SIGCONT: the driver resumes the terminal if it was suspended, else nothing."""
        driver = self._driver
        if driver is not None and getattr(driver, "_must_signal_resume", False):
            resume = getattr(driver, "_sigcont_application", None)  # the driver's own handler
            if resume is not None:
                resume()

    def _signalled(self, signum: int) -> None:
        """Save, then exit with 128 + the signal's number, as a shell reports a killed job."""
        with contextlib.suppress(Exception):
            self._save_position(wait=True)
        self.exit(return_code=128 + signum)

    def _show_startup_notices(self) -> None:
        """What the loader said before the app started, as one notice (at most 5 lines)."""
        lines = [visible(line) for line in self._startup_notices]
        if not lines:
            return
        if len(lines) > 5:
            lines[5:] = [f"… and {len(lines) - 5} more (listed on the terminal after quitting)"]
        self.notify(
            "\n".join(lines), title="While loading", severity="warning", markup=False, timeout=15
        )

    # --- themes -------------------------------------------------------------------------

    def _setup_themes(self) -> None:
        themes, problems = all_themes()
        for theme in themes:
            self.register_theme(theme)
        # A theme picked in the palette wins over config's `theme:` while that is unchanged.
        wanted = self.requested_theme or remembered_theme(self.config.theme) or self.config.theme
        available = set(self.available_themes)
        if wanted and wanted not in available and f"reader-{wanted}" in available:
            wanted = f"reader-{wanted}"
        name, notice = resolve_theme(wanted, available)
        self.theme = self._start_theme = name
        if notice or problems:
            lines = [notice] if notice else []
            lines += problems[:3]
            if len(problems) > 3:
                lines.append(f"… and {len(problems) - 3} more theme problems")
            self.notify(
                "\n".join(visible(line) for line in lines), severity="warning", markup=False
            )
        self._colours = actor_colours(self.current_theme, self.config.actors)

    def _theme_changed(self, theme: Theme) -> None:
        self._colours = actor_colours(theme, self.config.actors)
        self.view.set_colours(self._colours)
        if theme.name != self._start_theme:  # chosen live, not the one this run began with
            self._start_theme = theme.name
            remember_theme(theme.name, self.config.theme)

    # --- the command palette, screenshots, NO_COLOR -------------------------------------------

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's commands, then every reader action by name with its key."""
        from reader.ui.commands import reader_commands

        yield from super().get_system_commands(screen)
        yield from reader_commands(self._keymap, self._palette_runner)

    def _palette_runner(self, key: Key) -> Callable[[], object]:
        target = self.view if key.scope == "view" else self
        return lambda: self.run_action(key.action, target)

    def deliver_screenshot(
        self, filename: str | None = None, path: str | None = None, time_format: str | None = None
    ) -> str | None:
        """Save where it can be saved (Textual's ~/Downloads is often missing); the notice
        names the file."""
        if path is None:
            from reader.ui.commands import screenshot_directory

            directory = screenshot_directory()
            if directory is None:
                self.notify(
                    "Cannot save a screenshot: no writable directory (set XDG_PICTURES_DIR)",
                    title="Screenshot",
                    severity="error",
                    markup=False,
                )
                return None
            path = str(directory)
        return super().deliver_screenshot(filename, path, time_format)

    def get_line_filters(self) -> Sequence[LineFilter]:
        """NO_COLOR: no colour at all (Textual's own filter turns colours into greys)."""
        filters = super().get_line_filters()
        return without_colour(filters) if self.no_color else filters

    # --- articles and classification ----------------------------------------------------

    def _open_article(self, index: int) -> None:
        """Show article `index` where the reader left it, classifying it first if needed."""
        self._remember_shown()
        self.article_index = index
        self._update_header()
        classified = self._classified.get(index)
        if classified is not None:
            self._show(classified, self._states.get(index), index)
        else:
            self._shown_index = None
            self.view.clear("classifying…")
            self._generation += 1
            ahead = self._take_ahead(index)
            state = self._states.get(index)
            if ahead is not None and ahead.ready():
                self._classified_whole(index, self._generation, ahead.outcome())
            elif ahead is not None:
                self._wait_ahead(index, self._generation, ahead)
            else:
                # No state yet: the worker reads the saved position first, off the UI thread
                # (a state file on a stalled disk or a FIFO must not freeze the screen).
                wanted = state.block if state else None
                self._classify(index, self.config, self._generation, wanted)
        self._update_status()

    def _take_ahead(self, index: int) -> HeadStart | None:
        """The head start, once, when it classifies what is opened now (`reader.viewmodel.ahead`:
        the CLI starts it for the first article); else it is cancelled."""
        ahead, self._ahead = self._ahead, None
        if ahead is None:
            return None
        same = ahead.article is self.articles[index] and ahead.config is self.config
        if same and index not in self._states:  # as the worker: no position in memory yet
            return ahead
        ahead.cancel()
        return None

    @work(thread=True, exclusive=True, group="classify")
    def _wait_ahead(self, index: int, generation: int, ahead: HeadStart) -> None:
        """The worker of an article the head start is still classifying: it waits for it
        (cancelled as `_classify` is) and hands the result to the UI thread as that does."""
        outcome = ahead.wait(get_current_worker().cancelled_event)
        if outcome is not None:
            self.call_from_thread(self._classified_whole, index, generation, outcome)

    def _classified_whole(self, index: int, generation: int, outcome: Classified | None) -> None:
        """Apply an article classified whole, in the order `_classify` applies its parts."""
        if outcome is None:  # cancelled: only when the reader quits
            return
        self._classify_done(index, generation, outcome.result, outcome.position)
        if outcome.problems:
            self._rules_switched_off(generation, list(outcome.problems))
        if outcome.notice is not None:
            self._language_notice(index, outcome.notice)

    def _remember_shown(self) -> None:
        """Keep (in memory and on disk) where the reader stands in the article on screen."""
        index = self._shown_index
        if index is None or self.view.classified is None:
            return
        self._save_position()
        self._states[index] = self._shown_state()
        self._hidden_marks.pop(index, None)

    def _shown_state(self) -> ViewState:
        """The view's state, with the marks a first part could not show yet."""
        state = self.view.state()
        hidden = self._hidden_marks.get(self._shown_index) if self._shown_index is not None else {}
        if hidden:
            state = replace(state, marks={**hidden, **state.marks})
        return state

    def _stream(self, problems: list[str]) -> VerdictStream | None:
        """The progressive classifier, reporting rules it switched off into `problems`; None
        when only a whole-article classifier was given (tests, benchmarks)."""
        if self._verdicts is not None:
            return self._verdicts
        if self._classifier is not None:
            return None
        from reader.classify import classify_iter

        def stream(article: Article, config: Config) -> Iterator[Verdict]:
            # Called in a worker thread: cancelling the worker (another article, a reload, or
            # quitting) stops the classification within one sentence, even mid-block.
            cancel = get_current_worker().cancelled_event
            return classify_iter(article, config, problems, cancel, pace=self._give_way)

        return stream

    def _classify_whole(
        self, article: Article, config: Config, problems: list[str]
    ) -> ClassifiedArticle:
        stream = self._stream(problems)
        if stream is None:
            assert self._classifier is not None
            return self._classifier(article, config)
        return ClassifiedArticle(article, config.actors, tuple(stream(article, config)))

    def _rules_switched_off(self, generation: int, problems: list[str]) -> None:
        """Say once which rules ran over their time budget; the article shows without them."""
        if generation != self._generation:
            return
        self.status_error = problems[0]
        self.notify(
            "\n".join(visible(problem) for problem in problems[:3]),
            title="Rules switched off",
            severity="warning",
            markup=False,
        )

    @work(thread=True, exclusive=True, group="classify")
    def _classify(self, index: int, config: Config, generation: int, wanted: int | None) -> None:
        """Classify article `index` off the UI thread; results are applied on the UI thread.

        `wanted` None: the article has no position in memory yet, so the one saved by an
        earlier session is read here first; it goes to the UI thread with the first result
        shown (`_restored`), so the worker never waits for the UI thread before classifying
        (which it did while the first screen was being laid out). A long article's first part
        is shown as soon as it is classified: the first `FIRST_SCREEN` blocks, or enough to
        reach block `wanted` (a restored position) so the reader never sees the article at
        the wrong place.
        """
        from reader.classify import ClassificationCancelledError

        position: Position | None = None
        if wanted is None:
            position = self.positions.load(index)
            state = self._states.get(index)  # set on the UI thread meanwhile (compare screen)
            wanted = state.block if state else position.block if position else 0
        article = self.articles[index]
        problems: list[str] = []
        stream = self._stream(problems)
        total = len(article.blocks)
        try:
            if stream is None or total <= PROGRESSIVE_BLOCKS:
                result = self._classify_whole(article, config, problems)
            else:
                found = self._classify_progressively(
                    stream, index, config, generation, (wanted, position)
                )
                if found is None:
                    return
                result = ClassifiedArticle(article, config.actors, found)
        except ClassificationCancelledError:
            return  # another article, a reload or quitting took over
        except ReaderError as error:
            self.call_from_thread(self._classify_failed, generation, str(error))
            return
        self.call_from_thread(self._classify_done, index, generation, result, position)
        if problems:
            self.call_from_thread(self._rules_switched_off, generation, problems)
        notice = language_notice(count_not_english(article.blocks), total)
        if notice is not None:
            self.call_from_thread(self._language_notice, index, notice)

    def _language_notice(self, index: int, notice: str) -> None:
        """Why a foreign article is all "none": said once, when it is first classified."""
        if index == self.article_index:
            self.notify(
                visible(notice), title="Not English", severity="warning", timeout=12, markup=False
            )

    def _classify_progressively(
        self,
        stream: VerdictStream,
        index: int,
        config: Config,
        generation: int,
        restore: tuple[int, Position | None],
    ) -> tuple[Verdict, ...] | None:
        """Every verdict of article `index`, showing the first part on the way; None when the
        worker was cancelled (another article or a reload took over). `restore`: the block
        to reach before showing a part, and the saved position (see `_classify`)."""
        wanted, position = restore
        worker = get_current_worker()
        article = self.articles[index]
        total = len(article.blocks)
        first = max(FIRST_SCREEN, wanted + FIRST_SCREEN)
        verdicts: list[Verdict] = []
        shown = False
        for verdict in stream(article, config):
            verdicts.append(verdict)
            done = len(verdicts)
            if done % CHECK_EVERY:
                continue
            if worker.is_cancelled:
                return None
            if not shown and done >= first and done < total:
                shown = True
                part = replace(article, blocks=article.blocks[:done])
                prefix = ClassifiedArticle(part, config.actors, tuple(verdicts))
                self.call_from_thread(
                    self._classify_part, index, generation, prefix, total, position
                )
            elif shown and done % PROGRESS_EVERY == 0:
                self.call_from_thread(self._classify_progress, index, generation, done, total)
        if worker.is_cancelled:
            return None
        return tuple(verdicts)

    def _give_way(self) -> None:
        """In the worker, before each block: while the UI is answering input, wait for it.

        Both threads need the interpreter lock, and a thread that never waits gets it for half
        the time: a key press took twice as long while classifying. So the worker stands
        aside for `INPUT_PRIORITY_S` after each key or scroll (`on_event` marks the time);
        classification is only delayed while the reader is actually pressing keys."""
        wait = self._input_at + INPUT_PRIORITY_S - time.monotonic()
        if wait > 0:
            time.sleep(wait)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.MouseScrollDown, events.MouseScrollUp)):
            self._input_at = time.monotonic()  # read by `_give_way` in the worker
        await super().on_event(event)

    def _classify_part(
        self,
        index: int,
        generation: int,
        prefix: ClassifiedArticle,
        total: int,
        position: Position | None,
    ) -> None:
        """Show the first part of a long article while the rest is classified."""
        self._restored(index, position)
        if generation != self._generation or index != self.article_index:
            return
        state = self._states.get(index)
        blocks = len(prefix.article.blocks)
        if state is not None:
            self._hidden_marks[index] = {k: v for k, v in state.marks.items() if v >= blocks}
        self.progress = (index, blocks, total)
        self._show(prefix, state, index, total=total)

    def _classify_progress(self, index: int, generation: int, done: int, total: int) -> None:
        if generation == self._generation and index == self.article_index:
            self.progress = (index, done, total)

    def _classify_done(
        self,
        index: int,
        generation: int,
        result: ClassifiedArticle,
        position: Position | None = None,
    ) -> None:
        self._restored(index, position)
        if generation != self._generation:
            return
        self._classified[index] = result
        if self.progress is not None and self.progress[0] == index:
            self.progress = None
        if index == self.article_index:
            state = self._states.get(index)
            if self._shown_index == index and self.view.classified is not None:
                # The first part is on screen: stay where the reader is in it.
                state = self._shown_state()
                self._hidden_marks.pop(index, None)
            self._show(result, state, index)
            self._article_settled()

    def _article_settled(self) -> None:
        """An article is classified and shown (drawn in the next frame). What was built for it
        lives as long as it: frozen out of later collections, and the collector runs again
        (the CLI pauses it while the reader starts, `reader.cli._open`). What waits for the
        first one waits for that frame too (`_after_first_frame`)."""
        gc.freeze()
        gc.enable()
        if self._started is not None or not self._widgets().footer_row.children:
            self.call_after_refresh(self._after_first_frame)

    def _after_first_frame(self) -> None:
        """Once the first article is drawn: the key hints fill their row (the footer's widgets
        and styles cost as much as the article's own first frame, which is what start-up
        waits for), and `started` is called. Not when the reader quit meanwhile."""
        row = self._widgets().footer_row
        if not row.is_attached:
            return
        if not row.children:
            row.mount(Footer())
            self.call_after_refresh(self.refresh_bindings)
        if self._started is not None:
            started, self._started = self._started, None
            started()

    def _classify_failed(self, generation: int, message: str) -> None:
        self._article_settled()
        if generation != self._generation:
            return
        self.status_error = message
        self.progress = None
        if self.view.classified is None:
            self.view.show_message(f"cannot classify: {message}")
        self._update_status()

    def _show(
        self,
        classified: ClassifiedArticle,
        state: ViewState | None,
        index: int,
        *,
        total: int | None = None,
    ) -> None:
        """Show `classified` (`total`: its real length when it is only the first part)."""
        self._indexes.pop(self.article_index, None)
        self._shown_index = index
        self.view.set_article(classified, state, colours=self._colours, total=total)
        if self._query:
            self._run_search(self._query, move=False)
        if self._explain is not None and self._explain_open():
            self._explain.show(classified, self.view.block)
        self._update_status()
        if self._classified.get(index) is classified:  # not a long article's first part
            self._airtime(index, classified)

    @work(thread=True, group="airtime")
    def _airtime(self, index: int, classified: ClassifiedArticle) -> None:
        """The article's airtime for the header's bar: counted off the UI thread (a pass over
        every word of a long article)."""
        from reader.airtime import NONE, airtime

        counts = airtime(classified)
        colours = dict(self._colours)
        parts: list[AirtimePart] = [
            (visible(actor.tag), counts.actors[actor.id].share, colours.get(actor.id))
            for actor in classified.actors
        ]
        parts.append((OTHER_TAG, counts.actors[NONE].share, None))
        self.call_from_thread(self._airtime_done, index, classified, parts)

    def _airtime_done(
        self, index: int, classified: ClassifiedArticle, parts: list[AirtimePart]
    ) -> None:
        # The header the app made, not a query of the current screen: a feed's list or the
        # app's closing may be on screen when a late count arrives, and the header unmounted.
        ui = self._ui
        current = index == self.article_index and self._classified.get(index) is classified
        if current and ui is not None and ui.header.is_mounted:
            ui.header.show_airtime(parts)

    def action_article(self, delta: int) -> None:
        if self.web.step_item(delta):
            return
        if len(self.articles) < 2:
            self._note("only one article is open")
            return
        self._open_article((self.article_index + delta) % len(self.articles))

    # --- reading positions ----------------------------------------------------------------

    def _restored(self, index: int, position: Position | None) -> None:
        """Keep the position an earlier session saved for article `index` (read by the worker;
        None when it read none or had one in memory), unless the reader was placed meanwhile."""
        self._show_state_warnings()
        if index not in self._states and position is not None:
            self._states[index] = ViewState(
                block=position.block, column=position.actor, marks=position.marks
            )

    def _save_position(self, *, wait: bool = False) -> None:
        """Save where the reader stands, if it changed: in a thread, or now when `wait`."""
        index = self._shown_index
        if index is None or self.view.classified is None:
            return
        state = self._shown_state()
        position = Position(state.block, state.column, dict(state.marks))
        key = self.positions.changed(index, position)
        if wait:
            # Quitting: a save handed to a thread may not have run yet, and the process may
            # end first (a signal on a busy machine lost the last moves): write those now.
            pending, self.positions.pending = self.positions.pending, {}
            if key is not None:
                pending[key] = position
            for waiting, saved in pending.items():
                self.positions.save(waiting, saved)
        elif key is not None:
            self.positions.pending[key] = position
            self._save_in_thread(key, position)

    @work(thread=True, group="state")
    def _save_in_thread(self, key: str, position: Position) -> None:
        self.positions.save(key, position)
        if self.positions.pending.get(key) == position:
            self.positions.pending.pop(key, None)

    def _panels_gone(self) -> bool:
        """True once the panels have been removed (the app is closing): an interval timer can
        still fire then, and must not look for them."""
        return not self.query(ReaderView)

    def _save_moved(self) -> None:
        """Every `SAVE_SECONDS`: save the position if the reader moved, show store warnings."""
        if self._panels_gone():
            return
        if self._moved:
            self._moved = False
            self._save_position()
        self._show_state_warnings()

    def _show_state_warnings(self) -> None:
        """New warnings of the state store, as one notice: they never stop the reader."""
        warnings = self.positions.new_warnings()
        if warnings:
            self.notify(
                "\n".join(visible(warning) for warning in warnings),
                title="Reading positions",
                severity="warning",
                markup=False,
            )

    async def action_quit(self) -> None:
        """Save the position (now: the app is about to go), then quit; with the exit status
        for bad input when no article or feed could be read at all."""
        self._save_position(wait=True)
        self.exit(return_code=EXIT_BAD_INPUT if self.web.nothing_read() else 0)

    # --- crashes --------------------------------------------------------------------------

    def _handle_exception(self, error: Exception) -> None:
        """An unexpected exception: record it for the CLI's crash log, save the position and
        exit, without Textual's traceback on the terminal.

        Textual's own handler renders a traceback (with locals, which hold article text) to
        print after the terminal is restored, and rings the bell. Here the traceback goes to
        a log file instead (`reader.cli` writes it from `crash`), and the user sees one line.
        `_exception` is still set so that `run_test` re-raises it for the tests.
        """
        crash = error.error if isinstance(error, WorkerFailed) else error
        if self.crash is None:
            self.crash = crash
            with contextlib.suppress(Exception):
                self._save_position(wait=True)
        if self._exception is None:
            self._exception = error
            self._exception_event.set()
        self._return_code = EXIT_CRASH
        self._close_messages_no_wait()

    # --- reloading rules ----------------------------------------------------------------

    def _source_mtimes(self) -> dict[Path, float]:
        """Modification times of the config files, and of the user's even before it exists."""
        times: dict[Path, float] = {}
        for path in {*self._sources(), user_config_path()}:
            try:
                times[path] = path.stat().st_mtime
            except OSError:
                times[path] = -1.0
        return times

    def _sources(self) -> list[Path]:
        """The files to reload: the config's, with the user's file created or deleted since."""
        return current_paths(self.config.sources)

    def _watch_config(self) -> None:
        if self._panels_gone():
            return
        mtimes = self._source_mtimes()
        if mtimes != self._mtimes:
            self._mtimes = mtimes
            self.action_reload()

    def action_reload(self) -> None:
        """Reload the config files and re-classify the open article, keeping the position."""
        if not self.articles:
            return
        if self._shown_index == self.article_index and self.view.classified is not None:
            self._states[self.article_index] = self._shown_state()
        self._generation += 1
        self._note("reloading rules…")
        self._reload(self.article_index, self._generation)

    @work(thread=True, exclusive=True, group="classify")
    def _reload(self, index: int, generation: int) -> None:
        from reader.classify import ClassificationCancelledError

        problems: list[str] = []
        try:
            sources = self._sources()
            config = config_from_files(sources) if sources else load_config(self.config_path)
            check_keymap(config, binding_ids())
            result = self._classify_whole(self.articles[index], config, problems)
        except ClassificationCancelledError:
            return  # another article, a reload or quitting took over
        except ReaderError as error:
            self.call_from_thread(self._reload_failed, generation, str(error))
            return
        except Exception as error:
            # A file being edited is hostile input as often as not: whatever a reload meets,
            # the reader keeps the last good rules and goes on (issue 13.5).
            summary = " ".join(f"{type(error).__name__}: {error}".split())[:200]
            self.call_from_thread(self._reload_failed, generation, f"internal error: {summary}")
            return
        self.call_from_thread(self._reload_done, index, generation, config, result)
        if problems:
            self.call_from_thread(self._rules_switched_off, generation, problems)

    def _reload_failed(self, generation: int, message: str) -> None:
        if generation != self._generation:
            return
        self.status_error = f"rules not reloaded: {message}"

    def _reload_done(
        self, index: int, generation: int, config: Config, result: ClassifiedArticle
    ) -> None:
        if generation != self._generation:
            return
        self._say_which_files(self.config.sources, config.sources)
        self.config = config
        if self._explain is not None:
            from reader.ui.explain import rule_messages

            self._explain.rule_messages = rule_messages(config)
        self._lens_rules_reloaded(config)
        self._mtimes = self._source_mtimes()
        self._colours = actor_colours(self.current_theme, config.actors)
        self._classified = {index: result}
        self.status_error = None
        if self.progress is not None and self.progress[0] == index:
            self.progress = None
        self._hidden_marks.pop(index, None)
        if index == self.article_index:
            self._show(result, self._states.get(index), index)
        self._note("rules reloaded")

    def _say_which_files(self, before: Sequence[Path], after: Sequence[Path]) -> None:
        """A user config file created or deleted while reading is said once, on reload."""
        for path in after:
            if path not in before:
                self.notify(visible(f"now reading {path}"), title="Config", markup=False)
        for path in before:
            if path not in after:
                rest = "the bundled defaults" if len(after) == 1 else "the other files"
                self.notify(
                    visible(f"{path} is gone: using {rest}"),
                    title="Config",
                    severity="warning",
                    markup=False,
                )

    # --- search -------------------------------------------------------------------------

    async def action_search(self) -> None:
        if self._search_focused():
            raise SkipAction()  # a "/" typed into the query
        self._search_origin = self.view.block
        self.view.counts.clear()  # "5/" is no count for the key after the search
        bar = self._search
        if bar is None:
            # The first `/`: the bar is mounted now, and the keys typed meanwhile wait in
            # the queue until it has focus (this handler awaits the mount).
            from reader.ui.search_bar import SearchBar

            bar = self._search = SearchBar(id="search")
            await self.mount(bar, before=self._widgets().status)
        bar.open()

    def on_search_bar_changed(self, event: SearchBar.Changed) -> None:
        self._query = event.value
        if self._debounce is not None:
            self._debounce.stop()
            self._debounce = None
        if self.view.block_count > DEBOUNCE_BLOCKS:
            self._debounce = self.set_timer(
                DEBOUNCE_SECONDS, lambda: self._run_search(self._query, move=True)
            )
        else:
            self._run_search(event.value, move=True)

    def on_search_bar_submitted(self, event: SearchBar.Submitted) -> None:
        self._submit_search(event.value)

    def action_submit_search(self) -> None:
        if self._search is None or not self._search_focused():
            raise SkipAction()  # Enter anywhere else: explain, a dialog's button...
        self._submit_search(self._search.value)

    def _submit_search(self, value: str) -> None:
        """Close the input and keep the position; a search still waiting to run runs now."""
        if self._debounce is not None:
            self._debounce.stop()
            self._debounce = None
            self._run_search(value, move=True)
        if self._search is not None:
            self._search.remember(value)
            self._search.close()
        self._focus_view()

    def _index(self) -> SearchIndex | None:
        classified = self.view.classified
        if classified is None:
            return None
        index = self._indexes.get(self.article_index)
        if index is None:
            from reader.viewmodel.search import SearchIndex

            texts = [self.view.block_text(i) for i in range(self.view.block_count)]
            labels = [verdict.labels for verdict in classified.verdicts]
            index = self._indexes[self.article_index] = SearchIndex(texts, labels)
        return index

    def _run_search(self, raw: str, *, move: bool) -> None:
        """Parse and run `raw`; show the verdict inline; go to the first match from the cursor.

        A search gets `INLINE_SEARCH_SECONDS` on the UI thread, which every literal and sane
        regex search needs at most; one that takes longer (a regex that backtracks) goes on in
        a worker, bounded by `reader.viewmodel.search.SEARCH_SECONDS`, while the screen stays live.
        """
        from reader.viewmodel.search import SearchError, SearchTimeoutError, parse_query

        self._query = raw
        self.search_error = None
        index = self._index()
        if index is None:
            return
        actors = {actor.id: actor.label for actor in self.config.actors}
        try:
            query = parse_query(raw, actors)
        except SearchError as error:
            self._search_failed(raw, str(error))
            return
        try:
            results = (
                index.search(query, seconds=INLINE_SEARCH_SECONDS) if not query.empty else None
            )
        except SearchTimeoutError:
            self._show_verdict("searching…")
            self._search_in_thread(index, query, raw, move)
            return
        except SearchError as error:
            self._search_failed(raw, str(error))
            return
        self._search_found(raw, results, move)

    @work(thread=True, exclusive=True, group="search")
    def _search_in_thread(self, index: SearchIndex, query: Query, raw: str, move: bool) -> None:
        from reader.viewmodel.search import SearchError

        try:
            results = index.search(query)
        except SearchError as error:
            self.call_from_thread(self._search_failed, raw, str(error))
            return
        self.call_from_thread(self._search_found, raw, results, move)

    def _search_failed(self, raw: str, message: str) -> None:
        if raw != self._query:
            return  # the user typed on meanwhile
        self.search_error = message
        self._show_verdict(message, error=True)
        self.view.set_results(None)
        self._update_status()

    def _search_found(self, raw: str, results: Results | None, move: bool) -> None:
        if raw != self._query:
            return
        self.view.set_results(results)
        if results is None:
            self._show_verdict("")
        elif not results.matches:
            self._show_verdict("no matches")
        else:
            if move:
                self.view.goto_first_match(self._search_origin)
            self._show_verdict(self.view.match_summary())
        self._update_status()

    def _show_verdict(self, text: str, *, error: bool = False) -> None:
        if self._search is not None:
            self._search.show_verdict(text, error=error)

    def _clear_search(self) -> None:
        self._query = ""
        self.search_error = None
        if self._search is not None:
            self._search.clear()
        self.view.set_results(None)

    # --- escape, explain, copy, help ----------------------------------------------------

    def action_escape(self) -> None:
        """Close what is open, innermost first: search input, explain pane, search; never quit."""
        bar = self._search
        if self.view.pending is not None:
            self.view.pending = None
        elif bar is not None and bar.is_open:
            # Like vim: Escape abandons the search and goes back where it started.
            bar.close()
            self._clear_search()
            self._focus_view()
            if self.view.classified is not None:
                self.view.go(self._search_origin)
        elif self._explain_open():
            self._close_explain()
        elif self.view.results is not None or self.search_error:
            self._clear_search()
        elif self.feed_items:
            self.show_feed()
        self._update_status()

    async def action_explain(self) -> None:
        """e: open the pane; with the pane open, move into it (to scroll it); then close."""
        pane = self._explain
        if pane is None or not pane.has_class("-open"):
            await self.action_toggle_explain()
        elif self.focused is pane:
            self._close_explain()
        else:
            self.screen.set_focus(pane)

    async def action_toggle_explain(self) -> None:
        if self._explain_open():
            self._close_explain()
            return
        classified = self.view.classified
        if classified is None:
            self._note("nothing to explain yet")
            return
        pane = self._explain
        if pane is None:  # the first time: mounted open, beside (or below) the panels
            from reader.ui.explain import ExplainPane, rule_messages

            pane = self._explain = ExplainPane(
                id="explain", rule_messages=rule_messages(self.config)
            )
            pane.add_class("-open")
            pane.show(classified, self.view.block)  # filled once mounted
            await self._widgets().main.mount(pane)
        else:
            pane.add_class("-open")
            pane.show(classified, self.view.block)
        self.view.tab_out = True

    def _close_explain(self) -> None:
        if self._explain is not None:
            self._explain.remove_class("-open")
        self.view.tab_out = False
        self._focus_view()

    def on_reader_view_tabbed_out(self, event: ReaderView.TabbedOut) -> None:
        if self._explain is not None and self._explain_open():
            self.screen.set_focus(self._explain)

    def on_explain_pane_left(self, event: ExplainPane.Left) -> None:
        event.stop()
        self._focus_view()

    def _focus_view(self) -> None:
        """Focus the panels at once: `focus()` waits a turn, and keys typed fast do not."""
        self.screen.set_focus(self.view)

    def on_explain_pane_closed(self, event: ExplainPane.Closed) -> None:
        self._close_explain()

    def action_copy(self) -> None:
        if self.view.classified is None:
            return
        text = self.view.copy_text()
        self.copy_to_clipboard(text)
        self.notify(f"Copied block {self.view.block + 1} ({len(text)} chars)", markup=False)

    # --- the web: feeds and links (fetching lives in reader.ui.web) ----------------------

    def show_feed(self) -> None:
        """The list of the feeds' items; what is picked is fetched and opened."""
        from reader.ui.pick import FeedScreen

        self.push_screen(FeedScreen(self.feed_items, self.web.item or 0), self.web.picked_item)

    def action_links(self) -> None:
        if self.view.classified is None:
            return
        block = self.view.classified.article.blocks[self.view.block]
        if not block.links:
            self._note("no links in this block")
            return
        from reader.ui.pick import LinksScreen

        self.push_screen(LinksScreen(block.links), lambda pick: self.web.picked_link(block, pick))

    def add_article(self, article: Article) -> int:
        """Keep an article fetched while reading; its index (ctrl+n/ctrl+p reach it too)."""
        self.articles.append(article)
        if len(self.articles) > 1:
            self._update_header()  # "article k of M" counts it
        for screen in self.screen_stack:
            if hasattr(screen, "articles_changed"):  # the compare screen and the lens count it
                screen.articles_changed()
        return len(self.articles) - 1

    def add_feed(self, feed: Feed) -> None:
        """Add a feed fetched while reading to the list; shown now if nothing else is."""
        self.feed_items += feed.items
        if not self.articles:
            self._widgets().header.show_article(
                feed.title or "Feed", feed.url, f"{len(self.feed_items)} items"
            )
            self.view.clear("Pick an article in the feed's list (Escape shows it again)")
            from reader.ui.pick import FeedScreen

            if not isinstance(self.screen, FeedScreen):
                self.show_feed()

    def open_article(self, index: int) -> None:
        """Show article `index` (public for `reader.ui.web`)."""
        self._open_article(index)

    def note(self, text: str, *, error: bool = False) -> None:
        """A line in the status bar; an error stays until the next article is shown."""
        if error:
            self.status_error = text
        else:
            self._note(text)

    def help_rows(self) -> list[HelpRow]:
        """Every binding with an id: its keys as typed (after the keymap), what it does, id."""
        # visible(): a keymap comes from a config file, which may be shared.
        return [(visible(keys), text, key_id) for keys, text, key_id in help_rows(self._keymap)]

    def action_help(self) -> None:
        from reader.ui.help import HelpScreen

        self.push_screen(HelpScreen(self.help_rows()))

    # --- compare screen and actor lens (reader.ui.compare, reader.ui.lens) ---------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The reader's keys act on the reader's screen: a screen over it (help, compare,
        lens) has its own search and explain, and must not drive the hidden panels."""
        return not (action in _READER_SCREEN_ACTIONS and len(self.screen_stack) > 1)

    def _open_articles(self) -> OpenArticles:
        from reader.ui.open_articles import OpenArticles

        return OpenArticles(
            self.articles,
            self.config,
            lambda article, config: self._classify_whole(article, config, []),
            self._classified,
        )

    def _lens_rules_reloaded(self, config: Config) -> None:
        """A lens open over the reader explains with the rules just loaded."""
        from reader.ui.lens import LensScreen

        for screen in self.screen_stack:
            if isinstance(screen, LensScreen):
                screen.rules_reloaded(config)

    def action_compare(self) -> None:
        from reader.ui.compare import CompareScreen

        self.push_screen(CompareScreen(self._open_articles()))

    def action_lens(self, actor: str | None = None) -> None:
        from reader.ui.lens import LensScreen

        wanted = actor or self.view.state().column
        found = next((a for a in self.config.actors if a.id == wanted), None)
        if found is None:
            self._note("the lens shows one actor: focus an actor's panel first")
            return
        self.push_screen(LensScreen(self._open_articles(), found))

    def on_compare_screen_open(self, event: CompareScreen.Open) -> None:
        """Enter on the compare screen: read that article on that actor's panel."""
        from reader.airtime import NONE

        self.pop_screen()
        self._open_article(event.index)
        if event.actor == NONE:
            self.view.set_show_other(True)
        layout = self.view.layout_
        wanted = OTHER if event.actor == NONE else event.actor
        if layout is not None and wanted is not None:
            ids = [column.id for column in layout.columns]
            if wanted in ids:
                self.view.focus_panel(ids.index(wanted))
        elif wanted is not None:  # still classifying: the panel is focused when it shows
            self._states[event.index] = replace(
                self._states.get(event.index) or ViewState(), column=wanted
            )
        self._update_status()

    def on_compare_screen_lens(self, event: CompareScreen.Lens) -> None:
        self.action_lens(event.actor)

    # --- header and status ----------------------------------------------------------------

    def _update_header(self) -> None:
        article = self.articles[self.article_index]
        count = f"article {self.article_index + 1} of {len(self.articles)}"
        self._widgets().header.show_article(
            article.title,
            article.source,
            count if len(self.articles) > 1 else None,
            outlet=article.meta.outlet or article.meta.site,
        )

    def on_reader_view_changed(self, event: ReaderView.Changed) -> None:
        self._moved = True
        self._update_status()
        classified = self.view.classified
        pane = self._explain
        if classified is not None and pane is not None and pane.has_class("-open"):
            shown = pane.shown
            if shown is None or shown != (classified, self.view.block):
                pane.show(classified, self.view.block)
        if self._search_open() and not self.search_error and self.view.results is not None:
            self._show_verdict(self.view.match_summary())

    def _note(self, text: str) -> None:
        self.view.note = text
        self._update_status()

    def watch_status_error(self) -> None:
        self._update_status()

    def watch_search_error(self) -> None:
        self._update_status()

    def watch_progress(self) -> None:
        self._update_status()

    def _update_status(self) -> None:
        view = self.view
        parts: list[str] = []
        if not self.articles:
            parts.append("no article open yet")
        elif view.classified is None:
            parts.append("classifying…")
        else:
            parts.append(f"block {view.block + 1}/{view.block_count}")
            if view.focused_actor is not None:
                parts.append(view.focused_actor)
        if view.results is not None:
            query = self._query.strip()
            parts.append(f"search {self.view.match_summary()} '{query}'")
        elif self.search_error:
            parts.append(f"search: {self.search_error}")
        progress = self.progress
        if progress is not None and progress[0] == self.article_index:
            parts.append(f"classifying {progress[1]:,}/{progress[2]:,}…")
        parts.append("compact" if view.compact else "aligned")
        if view.show_other:
            parts.append("+other")
        if view.counts.digits:
            parts.append(f"count {view.counts.digits}")
        if view.pending == "mark":
            parts.append("mark: press a letter")
        elif view.pending == "jump":
            parts.append("jump to mark: press a letter")
        error = self.status_error
        if error:
            parts.append(error)
        elif view.note:
            parts.append(view.note)
        status = self.status
        status.show(" · ".join(parts))
        status.show_error(error)
