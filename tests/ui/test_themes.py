"""Theme files: the bundled ones load and work, broken ones are reported and never crash."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from rich.color import ColorSystem
from textual.app import App, ComposeResult
from textual.color import Color
from textual.widgets import Static

from reader.model import Actor
from reader.resources import bundled
from reader.ui.app import ReaderApp
from reader.ui.theme_files import load_theme_directories, load_themes
from reader.ui.themes import (
    DEFAULT_THEME,
    actor_colour,
    actor_colours,
    all_themes,
    bundled_themes,
    resolve_theme,
)

from .helpers import ready

ACTORS = (
    Actor("nato", "NATO", "#4c8dff", "N"),
    Actor("russia", "Russia", "#e0453a", "R"),
    Actor("ukraine", "Ukraine", "#ffd500", "U"),
)

GOOD = """\
name: paper
dark: false
primary: "#004578"
background: "#ffffff"
variables:
  footer-key-foreground: "#004578"
actors:
  russia: "#990000"
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_theme_file_becomes_a_textual_theme(tmp_path: Path) -> None:
    write(tmp_path, "paper.yaml", GOOD)

    themes, problems = load_themes(tmp_path)

    assert problems == []
    [theme] = themes
    assert theme.name == "paper"
    assert theme.primary == "#004578"
    assert theme.dark is False
    assert theme.variables["footer-key-foreground"] == "#004578"


def test_a_theme_overrides_only_the_actors_it_names(tmp_path: Path) -> None:
    write(tmp_path, "paper.yaml", GOOD)
    [theme], _ = load_themes(tmp_path)

    colours = actor_colours(theme, ACTORS)

    assert colours == {"nato": "#4c8dff", "russia": "#990000", "ukraine": "#ffd500"}
    assert actor_colour(theme, ACTORS[1]) == "#990000"
    # No theme at all: the config's colours.
    assert actor_colours(None, ACTORS)["russia"] == "#e0453a"


def test_actor_default_colours_every_actor_the_theme_does_not_name(tmp_path: Path) -> None:
    write(tmp_path, "g.yaml", 'name: g\nprimary: "#888888"\nactor_default: "#aaaaaa"\n')
    [theme], _ = load_themes(tmp_path)

    assert set(actor_colours(theme, ACTORS).values()) == {"#aaaaaa"}


def test_a_wrong_colour_is_reported_with_file_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, "x.yaml", 'name: x\nprimary: "#123456"\nsecondary: notacolour\n')

    themes, problems = load_themes(tmp_path)

    assert themes == []
    assert len(problems) == 1
    assert (
        problems[0]
        == f'{path}:3:12: expected a colour like "#4c8dff" or "red", got str \'notacolour\''
    )


def test_unknown_keys_bad_yaml_and_unsafe_tags_are_problems_not_crashes(tmp_path: Path) -> None:
    write(tmp_path, "a-unknown.yaml", 'name: a\nprimary: "#111111"\nprimray: "#222222"\n')
    write(tmp_path, "b-syntax.yaml", "name: [unclosed\n")
    write(tmp_path, "c-unsafe.yaml", "name: c\nprimary: !!python/object/apply:os.system [ls]\n")
    write(tmp_path, "d-empty.yaml", "")
    write(tmp_path, "e-list.yaml", "- just\n- a list\n")
    write(tmp_path, "f-good.yaml", 'name: f\nprimary: "#123456"\n')
    (tmp_path / "g-binary.yaml").write_bytes(b"\xff\xfe\x00name")

    themes, problems = load_themes(tmp_path)

    assert [theme.name for theme in themes] == ["f"]
    by_file = {Path(line.split(":", 1)[0]).name: line for line in problems}
    assert set(by_file) == {
        "a-unknown.yaml",
        "b-syntax.yaml",
        "c-unsafe.yaml",
        "d-empty.yaml",
        "e-list.yaml",
        "g-binary.yaml",
    }
    assert ":3:1: unknown key 'primray'" in by_file["a-unknown.yaml"]
    assert ":2:1: invalid YAML" in by_file["b-syntax.yaml"]
    assert ":2:10:" in by_file["c-unsafe.yaml"]
    assert all("\n" not in line for line in problems)


def test_missing_name_or_primary_and_a_duplicate_name_are_reported(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", 'primary: "#111111"\n')
    write(tmp_path, "b.yaml", "name: b\n")
    write(tmp_path, "c.yaml", 'name: c\nprimary: "#111111"\n')
    write(tmp_path, "d.yaml", 'name: c\nprimary: "#222222"\n')

    themes, problems = load_themes(tmp_path)

    assert [theme.name for theme in themes] == ["c"]
    assert problems == [
        f"{tmp_path / 'a.yaml'}:1:1: expected key 'name', which is required here",
        f"{tmp_path / 'b.yaml'}:1:1: expected key 'primary', which is required here",
        f"{tmp_path / 'd.yaml'}:1:7: expected a new name: 'c' is taken by {tmp_path / 'c.yaml'}",
    ]


def test_a_missing_theme_folder_is_a_problem_line(tmp_path: Path) -> None:
    themes, problems = load_themes(tmp_path / "nope")

    assert themes == []
    assert problems == [f"{tmp_path / 'nope'}: no such theme folder"]


def test_a_user_theme_folder_overrides_a_bundled_theme_of_the_same_name(tmp_path: Path) -> None:
    write(tmp_path, "mine.yaml", 'name: reader-dark\nprimary: "#ff00ff"\n')

    themes, problems = load_theme_directories([bundled("themes"), tmp_path])

    assert problems == []
    by_name = {theme.name: theme for theme in themes}
    assert by_name["reader-dark"].primary == "#ff00ff"
    assert "reader-mono" in by_name


def test_the_users_theme_folder_is_read_from_xdg_config_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    write(tmp_path / "reader" / "themes", "sepia.yaml", 'name: sepia\nprimary: "#704214"\n')
    write(tmp_path / "reader" / "themes", "bad.yaml", "name: bad\nprimary: 12\n")

    themes, problems = all_themes()

    names = {theme.name for theme in themes}
    assert {"sepia", "reader-dark", "reader-mono"} <= names
    assert len(problems) == 1
    assert problems[0].endswith(
        'bad.yaml:2:10: expected a colour like "#4c8dff" or "red", got int \'12\''
    )


def test_no_user_theme_folder_is_not_a_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))

    themes, problems = all_themes()

    assert problems == []
    assert len(themes) >= 4


def test_an_unknown_theme_falls_back_to_the_default_with_one_notice() -> None:
    available = ["reader-dark", "reader-light", "textual-dark"]

    assert resolve_theme("reader-light", available) == ("reader-light", None)
    assert resolve_theme(None, available) == (DEFAULT_THEME, None)
    name, notice = resolve_theme("solarized", available)
    assert name == DEFAULT_THEME
    assert notice is not None
    assert "'solarized'" in notice
    assert "reader-light" in notice
    assert "\n" not in notice
    # Even with every bundled theme broken, a theme Textual always has.
    assert resolve_theme("x", ["textual-dark"])[0] == "textual-dark"


def test_the_bundled_themes_all_load() -> None:
    themes, problems = bundled_themes()

    assert problems == []
    names = {theme.name for theme in themes}
    assert {"reader-dark", "reader-light", "reader-high-contrast", "reader-mono"} <= names
    files = {path.stem for path in bundled("themes").glob("*.yaml")}
    assert {"dark", "light", "high-contrast", "mono"} <= files


def _colours(value: str) -> list[Color]:
    """Colours in a CSS value such as "#ffffff 50%"; empty for non-colours like "bold"."""
    found = []
    for token in value.split():
        try:
            found.append(Color.parse(token))
        except Exception:
            continue
    return found


def test_mono_has_only_greys_in_every_derived_colour_and_actor() -> None:
    themes, _ = bundled_themes()
    [mono] = [theme for theme in themes if theme.name == "reader-mono"]
    derived = {**mono.to_color_system().generate(), **mono.variables}

    colours = [colour for value in derived.values() for colour in _colours(value)]
    colours += [Color.parse(value) for value in actor_colours(mono, ACTORS).values()]
    colours += [
        Color.parse(value)
        for value in actor_colours(mono, [Actor("x", "X", "#00ff00", "X")]).values()
    ]

    assert len(colours) > 50
    assert [colour for colour in colours if not colour.r == colour.g == colour.b] == []


def test_high_contrast_is_black_on_white_with_saturated_actors() -> None:
    themes, _ = bundled_themes()
    [high] = [theme for theme in themes if theme.name == "reader-high-contrast"]

    assert (high.background, high.foreground) == ("#000000", "#ffffff")
    for colour in actor_colours(high, ACTORS).values():
        _, saturation, _ = Color.parse(colour).hsl
        assert saturation == 1.0


@pytest.mark.parametrize("system", [ColorSystem.STANDARD, ColorSystem.EIGHT_BIT])
def test_text_and_actors_stay_apart_from_the_background_in_16_and_256_colours(
    system: ColorSystem,
) -> None:
    """TEXTUAL_COLOR_SYSTEM=standard or an SSH session's 256 colours: nothing may vanish."""

    def palette(colour: str) -> int | None:
        return Color.parse(colour).rich_color.downgrade(system).number

    config = yaml.safe_load(bundled("config.yaml").read_text(encoding="utf-8"))
    actors = [
        Actor(item["id"], item["label"], item["colour"], item["tag"]) for item in config["actors"]
    ]
    themes, _ = bundled_themes()
    for theme in themes:
        derived = theme.to_color_system().generate()
        background = palette(derived["background"])
        for name in ("foreground", "primary", "accent", "error", "warning", "success"):
            assert palette(derived[name]) != background, (theme.name, name)
        colours = actor_colours(theme, actors)
        for actor, colour in colours.items():
            assert palette(colour) != background, (theme.name, actor)
        # The default actors stay apart from one another wherever the theme has hues.
        if theme.name != "reader-mono":
            assert len({palette(colour) for colour in colours.values()}) == len(actors)


class ThemedApp(App[None]):
    """A minimal app that registers the bundled themes the way the reader does."""

    def __init__(self, wanted: str | None) -> None:
        super().__init__()
        self.wanted = wanted
        self.notices: list[str] = []

    def compose(self) -> ComposeResult:
        yield Static("hello", markup=False)

    def on_mount(self) -> None:
        themes, problems = bundled_themes()
        for theme in themes:
            self.register_theme(theme)
        name, notice = resolve_theme(self.wanted, self.available_themes)
        self.theme = name
        for line in [*problems, *([notice] if notice else [])]:
            self.notices.append(line)
            self.notify(line, severity="warning")


async def test_every_bundled_theme_registers_and_applies() -> None:
    themes, _ = bundled_themes()
    app = ThemedApp(None)
    async with app.run_test() as pilot:
        for theme in themes:
            app.theme = theme.name
            await pilot.pause()
            assert app.current_theme.name == theme.name
            assert app.screen.styles.background == Color.parse(theme.background or "#000000")
        assert app.notices == []


async def test_an_unknown_theme_starts_the_app_on_the_default_with_a_notice() -> None:
    app = ThemedApp("no-such-theme")
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.theme == DEFAULT_THEME
        assert len(app.notices) == 1
        assert "no-such-theme" in app.notices[0]


async def test_a_theme_chosen_live_repaints_the_panels_in_its_colours(
    app: ReaderApp, size: tuple[int, int]
) -> None:
    """The panels keep their own style between frames (drawing is cheaper so); a theme chosen
    while reading must still reach every line of them."""
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        dark = {segment.style.bgcolor for segment in app.view.render_line(3) if segment.style}

        app.theme = "reader-light"
        await pilot.pause()

        light = {segment.style.bgcolor for segment in app.view.render_line(3) if segment.style}
        assert light.isdisjoint(dark)
        assert app.view.rich_style.bgcolor in light
