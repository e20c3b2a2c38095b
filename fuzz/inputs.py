"""Hostile inputs, generated from one seed: YAML (rule files, rule tests, labels, themes),
articles (text, Markdown, HTML), file names and state files.

Each generator mixes well-formed material with the attacks the red team used (alias bombs,
odd scalars, deep nesting, control characters, invalid UTF-8, catastrophic regexes...) so a
case exercises the code past its first check. Sizes stay small (at most a few hundred KB, one
5 MB file for the size caps): the battery looks for crashes, hangs and raw output, and the
known cost problems of huge articles are measured by `make bench`, not here.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field

GOOD_SENTENCE = "NATO said the talks would go on."
GOOD_ARTICLE = (GOOD_SENTENCE + "\n").encode()

FIFO = b"\0<fifo>"
"""File content that stands for "make a FIFO here"."""


@dataclass
class Case:
    """One input: files to write under a fresh folder, then what to run on them.

    `action` is "cli" (run `argv`, with "{dir}" standing for the folder), "themes" (load the
    themes in {dir}/themes) or "state" (load and save positions over {dir}/state).
    `keep` are texts the output must still hold: the good input next to the hostile one.
    `files` counts the articles `argv` names, for checking that each was read or reported.
    """

    family: str
    files: list[tuple[str, bytes]]
    action: str = "cli"
    argv: list[str] = field(default_factory=list)
    keep: list[str] = field(default_factory=list)
    articles: int = 0


# ---------------------------------------------------------------------------------------------
# Pieces

CONTROLS = [chr(c) for c in (*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0))] + [
    "\u202e",
    "\u2066",
    "\u200f",
    "\u2028",
    "\ufeff",
    "\u200b",
    "\x1b[2J",
    "\x1b]0;PWNED\x07",
    "\x1b]52;c;cHduZWQ=\x07",
    "\x9b31m",
    "\x1bP+q\x1b\\",
]

ODD_SCALARS = [
    ".inf",
    "-.inf",
    ".nan",
    ".NaN",
    "0x10",
    "0xffffffffffffffffffffffffffffff",
    "0b101",
    "0o17",
    "017",
    "1:30",
    "190:20:30",
    "1_000",
    "1" * 5000,
    "-" + "9" * 400,
    "1.0e+400",
    "1e400",
    "-1",
    "0",
    "~",
    "null",
    "yes",
    "Off",
    "2001-12-14",
    "2001-12-14t21:59:43.10-05:00",
    "!!binary aGVsbG8=",
    "!!python/object/apply:os.system ['echo pwned']",
    "!!python/name:os.system",
    "!include other.yaml",
    "!!set {a, b}",
    "!!omap [a: 1]",
    "*undefined",
    "&a [*a]",
    "[",
    "{",
    "}",
    "'unterminated",
    '"\\x1b[2J"',
    '"\\x9b31m"',
    '"\\u202e"',
    '"\\ud800"',
    '"\\U0010ffff"',
    '"\\0"',
    "'[bold red]x[/'",
    "'[link=file:///etc/passwd]x[/link]'",
    "'(a|aa)+$'",
    "'(a+)+$'",
    "'(?'",
    "'\\'",
    "'x{99999999999}'",
    "? complex key",
    "|",
    ">-",
    "%YAML 1.1",
    "---",
    "...",
    "<<: *undefined",
    "<<: {a: 1}",
]

WORDS = [
    "NATO",
    "Russia",
    "Ukraine",
    "Kremlin",
    "Kyiv",
    "Moscow",
    "Peskov",
    "Zelensky",
    "Stoltenberg",
    "said",
    "warned",
    "told",
    "according",
    "to",
    "the",
    "talks",
    "truce",
    "ceasefire",
    "troops",
    "would",
    "not",
    "send",
    "alliance",
    "officials",
    "he",
    "she",
    "they",
    "rejected",
    "accused",
    "claimed",
    "insisted",
    "minister",
    "spokesman",
    "regime",
    "Kiev",
    "so-called",
]


def _word(rng: random.Random) -> str:
    return rng.choice(WORDS)


def _sentence(rng: random.Random) -> str:
    words = [_word(rng) for _ in range(rng.randint(3, 14))]
    if rng.random() < 0.3:
        words.insert(rng.randrange(len(words)), rng.choice(CONTROLS))
    if rng.random() < 0.2:
        return f'"{" ".join(words)}," {rng.choice(["he said", "Peskov said", "she added"])}.'
    return " ".join(words).capitalize() + rng.choice([".", "!", "?", "", "…"])


def _nasty_text(rng: random.Random) -> str:
    """A short string of the characters that break terminals, markup and encoders."""
    parts = [rng.choice(CONTROLS) for _ in range(rng.randint(1, 4))]
    parts.append(rng.choice(["[bold]", "[/]", "[red", "${x}", "%s", "{0}", "\\", "'", '"']))
    parts.append(_word(rng))
    rng.shuffle(parts)
    return "".join(parts)


# ---------------------------------------------------------------------------------------------
# YAML


def alias_bomb(levels: int, width: int = 9) -> str:
    lines = ['b0: &b0 ["lol"]']
    for level in range(1, levels + 1):
        lines.append(f"b{level}: &b{level} [{', '.join([f'*b{level - 1}'] * width)}]")
    return "\n".join(lines) + "\n"


def _yaml_value(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.45:
        return rng.choice(ODD_SCALARS)
    if roll < 0.7:
        return json.dumps(_nasty_text(rng))
    if roll < 0.8:
        depth = rng.choice([5, 60, 70, 500, 2000])
        return "[" * depth + "1" + "]" * depth
    if roll < 0.9:
        return "[" + ", ".join(rng.choice(ODD_SCALARS[:20]) for _ in range(rng.randint(1, 5))) + "]"
    return json.dumps(_sentence(rng))


def _fill(template: str, rng: random.Random) -> str:
    """`template` with each "{v}" replaced by its own hostile value."""
    return re.sub(r"\{v\}", lambda _: _yaml_value(rng), template)


def config_yaml(rng: random.Random) -> str:
    """A rule file: a valid skeleton with some values replaced by hostile ones."""
    rule_regex = rng.choice(["'(a|aa)+$'", "'(x+x+)+y'", "'cease(-| )?fire'", "'(?'", "'\\b'"])
    examples = ", ".join(json.dumps("a" * rng.randint(1, 60) + "!") for _ in range(3))
    parts = [
        "settings:\n  threshold: {v}\n  carry_distance: {v}\n  regex_budget_ms: {v}\n"
        "  weights: {attribution: {v}}\n",
        "extra_actors:\n  - id: {v}\n    label: {v}\n    colour: {v}\n    tag: {v}\n"
        "    aliases: [{v}]\n",
        "framing:\n  - id: f.x\n    actor: russia\n    message: {v}\n"
        f"    regex: [{rule_regex}]\n    tests: {{match: [{examples}], no_match: [{{v}}]}}\n",
        "exclusions:\n  - id: {v}\n    message: m\n    terms: [{v}, so-called]\n",
        "keymap:\n  app.quit: {v}\n  {v}: x\n",
        "theme: {v}\n",
        "roles: [{v}]\npronouns: {v}\n",
    ]
    chosen = rng.sample(parts, rng.randint(1, 4))
    return _yaml_twist(rng, "".join(_fill(part, rng) for part in chosen))


def _yaml_twist(rng: random.Random, text: str) -> str:
    """Whole-document attacks on top of a document."""
    roll = rng.random()
    if roll < 0.15:
        return text + alias_bomb(rng.randint(3, 9))
    if roll < 0.2:
        return text + "roles: &r [a, *r]\n"
    if roll < 0.3:
        cut = rng.randrange(len(text) + 1)
        return text[:cut]
    if roll < 0.35:
        return "x: " + "'" + "a" * rng.choice([10_000, 300_000]) + "'\n" + text
    if roll < 0.4:
        return "".join("  " * i + "a:\n" for i in range(rng.choice([50, 2000, 20_000]))) + text
    if roll < 0.45:
        return text + text  # duplicate keys
    if roll < 0.5:
        return "\ufeff" + text
    return text


def yaml_bytes(rng: random.Random, text: str) -> bytes:
    data = text.encode("utf-8", "surrogatepass")
    roll = rng.random()
    if roll < 0.08:
        position = rng.randrange(len(data) + 1)
        return data[:position] + bytes([rng.randrange(0x80, 0x100)]) + data[position:]
    if roll < 0.1:
        return data + b"\0"
    if roll < 0.12:
        return text.encode("utf-16")
    return data


def theme_yaml(rng: random.Random) -> str:
    name = rng.choice(
        ["t", "[bold]x[/", "[link=x]y", json.dumps(_nasty_text(rng)), "reader-dark", "a" * 200]
    )
    primary = rng.choice(['"#4c8dff"', "{v}"])
    body = (
        f"name: {name}\nprimary: {primary}\ndark: {{v}}\ntext_alpha: {{v}}\n"
        "variables: {x: {v}}\nactors: {nato: {v}}\n"
    )
    return _yaml_twist(rng, _fill(body, rng))


def rule_tests_yaml(rng: random.Random) -> str:
    name = json.dumps(_nasty_text(rng))
    body = (
        f"cases:\n  - name: {name}\n    text: {json.dumps(_sentence(rng))}\n"
        f"    expect: {rng.choice(['[[russia]]', _yaml_value(rng), '{0: [nato]}', '[]'])}\n"
    )
    if rng.random() < 0.2:
        body = f"config: {_yaml_value(rng)}\n" + body
    return _yaml_twist(rng, body)


def labels_yaml(rng: random.Random, article: str) -> str:
    body = (
        f"articles:\n  - article: {rng.choice([article, _yaml_value(rng), '../../etc/passwd'])}\n"
        f"    blocks: [{{p: {rng.choice(['0', _yaml_value(rng)])}, "
        f"labels: [{rng.choice(['nato', _yaml_value(rng)])}], why: {_yaml_value(rng)}}}]\n"
    )
    return _yaml_twist(rng, body)


# ---------------------------------------------------------------------------------------------
# Articles


def text_article(rng: random.Random) -> bytes:
    paragraphs = [
        " ".join(_sentence(rng) for _ in range(rng.randint(1, 5)))
        for _ in range(rng.randint(1, 30))
    ]
    text = rng.choice(["\n\n", "\r\n\r\n", "\n", "\u2029"]).join(paragraphs)
    return _encode_article(rng, text)


def _encode_article(rng: random.Random, text: str) -> bytes:
    roll = rng.random()
    if roll < 0.1:
        return text.encode("cp1251", errors="replace")
    if roll < 0.2:
        return text.encode("latin-1", errors="replace")
    if roll < 0.25:
        return text.encode("utf-16")
    data = text.encode("utf-8", errors="surrogatepass")
    if roll < 0.4 and data:
        position = rng.randrange(len(data))
        data = data[:position] + bytes(rng.randrange(256) for _ in range(3)) + data[position:]
    if roll < 0.43:
        data = b"\xef\xbb\xbf" + data
    return data


def markdown_article(rng: random.Random) -> bytes:
    pieces = []
    for _ in range(rng.randint(1, 30)):
        kind = rng.randrange(10)
        sentence = _sentence(rng)
        pieces.append(
            [
                f"# {sentence}",
                f"{'>' * rng.randint(1, 60)} {sentence}",
                f"{'  ' * rng.randint(0, 40)}- {sentence}",
                f"{rng.randint(1, 10**12)}. {sentence}",
                f"```{_nasty_text(rng)}\n{sentence}",
                f"| a | {sentence} |\n|---|---|\n| {_nasty_text(rng)} | x |",
                f"[{sentence}](javascript:{_nasty_text(rng)}) <b>{sentence}</b>",
                f"{sentence} *{sentence}* `{_nasty_text(rng)}` \\",
                f"&#27;[2J &#x9b; &#0; &#x110000; &#xD800; {sentence}",
                f"---\ntitle: {json.dumps(_nasty_text(rng))}\n---\n{sentence}",
            ][kind]
        )
    text = "\n\n".join(pieces)
    if rng.random() < 0.3:  # front matter: YAML inside the article itself
        front = _fill("url: {v}\ndate: {v}\noutlet: {v}\n", rng)
        text = f"---\n{front}---\n{text}"
    return _encode_article(rng, text)


def html_article(rng: random.Random) -> bytes:
    body: list[str] = []
    for _ in range(rng.randint(1, 30)):
        sentence = _sentence(rng)
        tag = rng.choice(["p", "li", "blockquote", "h1", "div", "span", "td", "pre", "script"])
        depth = rng.choice([1, 1, 1, 5, 50, 300])
        body.append(f"<{tag}>" * depth + sentence + f"</{tag}>" * rng.choice([0, depth]))
        if rng.random() < 0.3:
            body.append(
                rng.choice(
                    [
                        "&#27;]0;PWNED&#7;",
                        "&#x9b;31m",
                        "&#0;",
                        "&#x110000;",
                        "&#xD800;",
                        "&#8238;",
                        "<!-- unclosed",
                        "<![CDATA[ x",
                        "<p title='\x1b[2J'>x</p>",
                        "<style>p{}</style>",
                        "<meta charset='koi8-r'>",
                        "&lt;script&gt;",
                    ]
                )
            )
    text = "<!doctype html><html><head><title>" + _sentence(rng) + "</title></head><body>"
    return _encode_article(rng, text + "".join(body) + rng.choice(["</body></html>", ""]))


def hostile_name(rng: random.Random, suffix: str) -> str:
    """A file name, as the file system's bytes decoded with surrogateescape."""
    raw = bytes(
        rng.choice([*range(1, 0x2F), *range(0x30, 0x100)]) for _ in range(rng.randint(1, 40))
    )
    prefix = rng.choice([b"", b"-", b"--format=", b".", b" ", b"\x1b]0;x\x07"])
    name = (prefix + raw)[:200].replace(b"/", b"_") + suffix.encode()
    return name.decode("utf-8", "surrogateescape")


# ---------------------------------------------------------------------------------------------
# State files


def state_file(rng: random.Random) -> bytes:
    roll = rng.randrange(9)
    key = "path:" + rng.choice(["/a.txt", _nasty_text(rng)])
    entry = {"block": 3, "actor": "nato", "marks": {"a": 1}, "time": 1.0}
    options: list[Callable[[], bytes]] = [
        lambda: b"",
        lambda: bytes(rng.randrange(256) for _ in range(rng.randint(1, 200))),
        lambda: b"[" * 100_000,
        lambda: json.dumps({"version": 1, "articles": {key: {**entry, "block": -1}}}).encode(),
        lambda: json.dumps({"version": 1, "articles": {key: {**entry, "block": 10**400}}}).encode(),
        lambda: b'{"version": 1, "articles": {"k": {"block": 1e999}}}',
        lambda: json.dumps({"version": 1, "articles": {key: entry}}).encode()[: rng.randint(1, 60)],
        lambda: FIFO,
        lambda: json.dumps({"version": 1, "articles": {key: entry}}, ensure_ascii=False).encode(
            "utf-8", "surrogatepass"
        ),
    ]
    return options[roll]()


# ---------------------------------------------------------------------------------------------
# Cases


def _article_case(rng: random.Random, family: str, data: bytes, suffix: str) -> Case:
    name = hostile_name(rng, suffix) if family == "filename" or rng.random() < 0.2 else f"a{suffix}"
    fmt = rng.choice(["json", "json", "text", "markdown", "jsonl"])
    files = [("good.txt", GOOD_ARTICLE), (name, data)]
    if rng.random() < 0.1:
        files.append(("pipe.txt", FIFO))  # a FIFO inside a folder is skipped, never read
    # A folder's hidden files are skipped by design: only the good one is then expected.
    articles = 1 if name.startswith(".") else 2
    argv = ["classify", "{dir}", "--format", fmt]
    return Case(family, files, argv=argv, keep=[GOOD_SENTENCE], articles=articles)


KEYS = [
    "j",
    "k",
    "G",
    "g",
    "tab",
    "a",
    "o",
    "e",
    "enter",
    "escape",
    "question_mark",
    "r",
    "n",
    "N",
    "right_square_bracket",
    "ctrl+n",
    "m",
    "x",
    "apostrophe",
    "colon",
    "y",
    "l",
    "h",
]
QUERIES = ["re:(a|aa)+$", "re:[", "re:(?<=a+)b", "@rus truce", "[bold]", "re:.", "@", "Kiev"]


def _ui_case(rng: random.Random) -> Case:
    """The reader itself, headless: a hostile article (maybe under a hostile name), maybe a
    hostile user config, theme or state file, and a few keys (a search among them)."""
    maker, suffix = rng.choice(
        [(text_article, ".txt"), (markdown_article, ".md"), (html_article, ".html")]
    )
    name = hostile_name(rng, suffix).lstrip(".") if rng.random() < 0.3 else f"a{suffix}"
    files = [(name, maker(rng))]
    if rng.random() < 0.3:
        config = yaml_bytes(rng, config_yaml(rng)) if rng.random() < 0.9 else FIFO
        files.append(("config/reader/config.yaml", config))
    if rng.random() < 0.3:
        files.append(("config/reader/themes/t.yaml", yaml_bytes(rng, theme_yaml(rng))))
    if rng.random() < 0.3:
        files.append(("state/reader/positions.json", state_file(rng)))
    keys = [rng.choice(KEYS) for _ in range(rng.randint(1, 6))]
    if rng.random() < 0.4:
        keys += ["slash", *rng.choice(QUERIES), "enter"]
    return Case("ui", files, "ui", argv=[name, *keys])


FAMILIES = [
    *("config", "config", "rule-tests", "labels", "theme", "theme", "text", "markdown"),
    *("html", "filename", "state", "state", "size", "ui"),
]
"""The families, as often as they are drawn (a name twice: twice as often)."""


def make_case(rng: random.Random, families: list[str] = FAMILIES) -> Case:
    """One case of a family drawn from `families` (a name listed twice: twice as often)."""
    family = rng.choice(families)
    if family == "ui":
        return _ui_case(rng)
    if family == "config":
        config = yaml_bytes(rng, config_yaml(rng))
        argv = rng.choice(
            [
                ["classify", "{dir}/good.txt", "--config", "{dir}/c.yaml", "--format", "json"],
                ["rules", "check", "{dir}/c.yaml"],
                ["classify", "{dir}/good.txt", "--config", "{dir}/c.yaml"],
            ]
        )
        return Case(family, [("good.txt", GOOD_ARTICLE), ("c.yaml", config)], argv=argv)
    if family == "rule-tests":
        data = yaml_bytes(rng, rule_tests_yaml(rng))
        return Case(family, [("t.yaml", data)], argv=["rules", "test", "{dir}/t.yaml"])
    if family == "labels":
        data = yaml_bytes(rng, labels_yaml(rng, "good.txt"))
        files = [("good.txt", GOOD_ARTICLE), ("labels.yaml", data)]
        return Case(family, files, argv=["eval", "{dir}", "-v"])
    if family == "theme":
        files = [("themes/t.yaml", yaml_bytes(rng, theme_yaml(rng)))]
        if rng.random() < 0.1:
            files.append(("themes/pipe.yaml", FIFO))
        return Case(family, files, "themes")
    if family == "state":
        files = [("state/reader/positions.json", state_file(rng))]
        if rng.random() < 0.1:
            files.append(("state/reader/positions.json.lock", FIFO))
        return Case(family, files, "state")
    if family == "size":
        big = rng.choice([b"x: '" + b"a" * (5 * 1024 * 1024) + b"'\n", b"[" * 10_000_000])
        argv = rng.choice(
            [
                ["rules", "check", "{dir}/c.yaml"],
                ["classify", "{dir}/good.txt", "--config", "{dir}/c.yaml"],
            ]
        )
        return Case(family, [("good.txt", GOOD_ARTICLE), ("c.yaml", big)], argv=argv)
    if family == "markdown":
        return _article_case(rng, family, markdown_article(rng), ".md")
    if family == "html":
        return _article_case(rng, family, html_article(rng), ".html")
    return _article_case(rng, family, text_article(rng), ".txt")
