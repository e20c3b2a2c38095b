"""Parsing: the blocks a reader sees, with their kinds and source lines, for every format."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from reader.errors import ReaderError
from reader.load import Document, load
from reader.model import Article, Meta
from reader.parse import parse
from reader.parse.html import parse_html
from reader.parse.html_plain import parse_html_plain
from reader.parse.markdown import parse_markdown
from reader.parse.text import parse_text

DATA = Path(__file__).parent / "data"
DEV = DATA / "dev"
INPUTS = DATA / "inputs"
SEED = Path(__file__).parents[1] / "seeds" / "000_411166840a9e04ac.txt"


def shape(article: Article) -> list[tuple[str, str, int]]:
    return [(block.kind, block.text, block.line) for block in article.blocks]


def assert_well_formed(article: Article) -> None:
    assert [block.index for block in article.blocks] == list(range(len(article.blocks)))
    for block in article.blocks:
        assert block.text and block.text == block.text.strip() and "\n" not in block.text
    titles = [block for block in article.blocks if block.kind == "title"]
    if article.title is None:
        assert titles == []
    else:
        assert titles == [article.blocks[0]] and article.title == titles[0].text


def parsed(path: Path) -> Article:
    report = load([str(path)])
    assert report.problems == ()
    article = parse(report.documents[0])
    assert_well_formed(article)
    return article


# -- the labelled articles -----------------------------------------------------------------------


def labelled_counts() -> list[tuple[Path, int]]:
    gold = yaml.safe_load((DATA / "gold" / "000_411166840a9e04ac.labels.yaml").read_text("utf-8"))
    counts = []
    for folder in (DEV, DATA / "devset"):
        labels = yaml.safe_load((folder / "labels.yaml").read_text(encoding="utf-8"))
        counts += [(folder / item["article"], len(item["blocks"])) for item in labels["articles"]]
    return [*counts, (SEED, len(gold["blocks"]))]


@pytest.mark.parametrize(("path", "count"), labelled_counts(), ids=lambda value: str(value))
def test_every_labelled_article_parses_into_the_labelled_blocks(path: Path, count: int) -> None:
    article = parsed(path)
    assert len(article.blocks) == count
    assert article.blocks[0].kind == "title"


def test_all_thirty_labelled_articles_are_checked() -> None:
    assert len(labelled_counts()) == 30


def test_the_seed_has_a_title_and_one_paragraph_per_line() -> None:
    article = parsed(SEED)
    assert article.title == "NATO won’t risk war with Russia over Ukraine – former bloc chief"
    assert [(b.kind, b.line) for b in article.blocks] == [("title", 1)] + [
        ("paragraph", line) for line in range(3, 13)
    ]
    assert article.blocks[10].text.startswith("Russia has rejected the idea of a truce")


def test_dev_text_with_blank_lines_between_paragraphs_gives_the_same_shape() -> None:
    article = parsed(DEV / "dev-01.txt")
    assert [(b.kind, b.line) for b in article.blocks] == [("title", 1)] + [
        ("paragraph", line) for line in range(3, 22, 2)
    ]


def test_markdown_dev_file_gives_title_paragraphs_items_and_the_quote_in_order() -> None:
    article = parsed(DEV / "dev-13.md")
    kinds = [block.kind for block in article.blocks]
    assert (
        kinds
        == ["title", "paragraph", "paragraph", "item", "item", "item"]
        + ["paragraph"] * 3
        + ["quote"]
        + ["paragraph"] * 5
    )
    assert article.blocks[1] == article.blocks[1].__class__(
        1, "paragraph", "Brussels, 5 June 2025", 3
    )
    assert article.blocks[3].text.startswith("First, we will increase")
    assert article.blocks[3].line == 7
    assert article.blocks[9].text.startswith("Question: Secretary General, the Kremlin said")
    assert '"appropriate measures"' in article.blocks[9].text


# -- plain text ---------------------------------------------------------------------------------


def test_hard_wrapped_text_joins_each_group_into_one_paragraph() -> None:
    article = parsed(INPUTS / "wrapped.txt")
    assert article.title == "Talks stall in Geneva"
    assert [(b.kind, b.line) for b in article.blocks] == [
        ("title", 1),
        ("paragraph", 3),
        ("paragraph", 7),
        ("paragraph", 11),
    ]
    assert article.blocks[1].text == (
        "Talks on a ceasefire stalled on Tuesday, officials said, with both delegations leaving"
        " Geneva early and no date set for a new round of negotiations."
    )
    assert article.blocks[3].text.endswith("the Ukrainian delegation said in a statement.")


def test_one_paragraph_per_line_without_a_blank_after_the_first_has_no_title() -> None:
    article = parsed(INPUTS / "seed-style-no-title.txt")
    assert article.title is None
    assert [(b.kind, b.line) for b in article.blocks] == [("paragraph", n) for n in (1, 2, 3)]
    assert article.blocks[2].text == "Short line."


def test_wrapped_text_without_blank_lines_still_finds_new_paragraphs() -> None:
    text = (
        "Talks on a ceasefire stalled on Tuesday, officials said, with both\n"
        "delegations leaving Geneva early. No new date was set.\n"
        "The mediators called the pause temporary. They said both sides had\n"
        "agreed to keep the channel open.\n"
        "    Technical teams, they added, would meet again within weeks and\n"
        "report back to both capitals.\n"
        "- a bullet point\n"
        "- another one\n"
    )
    article = parse_text(text, "t.txt")
    assert article.title is None
    assert [(b.text[:20], b.line) for b in article.blocks] == [
        ("Talks on a ceasefire", 1),
        ("The mediators called", 3),
        ("Technical teams, the", 5),
        ("- a bullet point", 7),
        ("- another one", 8),
    ]


def test_a_sentence_ending_mid_paragraph_does_not_split_wrapped_text() -> None:
    text = (
        "The mediators called the pause temporary and said both sides agreed.\n"
        "They would keep the channel open, and technical teams would meet\n"
        "again within weeks.\n"
    )
    assert len(parse_text(text).blocks) == 1


@pytest.mark.parametrize(
    ("first", "is_title"),
    [
        ("Kremlin rejects truce plan", True),
        ("Why did the talks fail?", True),
        ("Talks continue...", True),
        ("The talks failed.", False),
        ("x" * 199, True),
        ("x" * 199 + ".", False),
        # a document's long title ends with no sentence mark; a long paragraph ends with one
        ("Remarks by the Deputy Minister " + "y" * 250 + ", Geneva, 4 March 2019", True),
        ("x" * 250 + '"', False),
        ("x" * 250 + "?", False),
        ("x" * 320, False),
    ],
)
def test_the_first_line_is_a_title_when_short_and_not_a_sentence(
    first: str, is_title: bool
) -> None:
    article = parse_text(f"{first}\n\nA paragraph follows.\n")
    assert (article.title == first) is is_title
    assert len(article.blocks) == 2


def test_a_single_line_is_a_paragraph_not_a_title() -> None:
    assert shape(parse_text("Only a headline\n\n\n")) == [("paragraph", "Only a headline", 1)]


def test_windows_and_old_mac_line_ends_are_normalised() -> None:
    for newline in ("\r\n", "\r"):
        text = newline.join(["Title", "", "First line", "wraps here.", "", "Second."])
        assert shape(parse_text(text)) == [
            ("title", "Title", 1),
            ("paragraph", "First line wraps here.", 3),
            ("paragraph", "Second.", 6),
        ]


def test_control_characters_are_kept_for_the_renderers_to_show() -> None:
    article = parse_text("Title\n\nBefore \x1b[2J after \u202e.\n")
    assert article.blocks[1].text == "Before \x1b[2J after \u202e."


def test_leading_blank_lines_and_indentation_do_not_shift_lines() -> None:
    assert shape(parse_text("\n\n  Title  \n\n\tBody text.\t\n")) == [
        ("title", "Title", 3),
        ("paragraph", "Body text.", 5),
    ]


# -- Markdown -----------------------------------------------------------------------------------


def test_markdown_inline_markup_becomes_plain_text() -> None:
    text = (
        "# The *big* headline\n\n"
        "Some **bold**, _em_, a [link text](https://x.example) and `code  span`,\n"
        "a soft break, an escaped \\* star, an &amp; entity<br>and ![a picture](p.png) here.\n"
    )
    assert shape(parse_markdown(text, "a.md")) == [
        ("title", "The big headline", 1),
        (
            "paragraph",
            "Some bold, em, a link text and code span, a soft break, an escaped * star,"
            " an & entity and here.",
            3,
        ),
    ]


def test_markdown_quotes_items_and_headings() -> None:
    text = (
        "## Explainer\n"
        "\n"
        "Intro paragraph.\n"
        "\n"
        "> First quoted paragraph\n"
        "> continues.\n"
        ">\n"
        "> Second quoted paragraph.\n"
        "\n"
        "### Positions\n"
        "\n"
        "1. One item,\n"
        "   wrapped.\n"
        "\n"
        "   Its second paragraph.\n"
        "   - nested item\n"
        "2. Two\n"
        "\n"
        "```\n"
        "code   block\n"
        "```\n"
        "\n"
        "<div>raw html is skipped</div>\n"
        "\n"
        "---\n"
    )
    article = parse_markdown(text, "b.md")
    assert article.title == "Explainer"
    assert shape(article) == [
        ("title", "Explainer", 1),
        ("paragraph", "Intro paragraph.", 3),
        ("quote", "First quoted paragraph continues.", 5),
        ("quote", "Second quoted paragraph.", 8),
        ("heading", "Positions", 10),
        ("item", "One item, wrapped. Its second paragraph.", 12),
        ("item", "nested item", 16),
        ("item", "Two", 17),
        ("paragraph", "code block", 19),
    ]


def test_markdown_title_is_the_first_h1_when_text_comes_before_it() -> None:
    article = parse_markdown("Dateline, 5 June\n\n## Section\n\n# Headline\n\nBody.\n")
    assert shape(article) == [
        ("title", "Headline", 5),
        ("paragraph", "Dateline, 5 June", 1),
        ("heading", "Section", 3),
        ("paragraph", "Body.", 7),
    ]
    assert parse_markdown("Intro.\n\n## Section\n").title is None


def test_markdown_with_no_text_is_one_clear_error() -> None:
    with pytest.raises(ReaderError) as caught:
        parse(Document("x.md", "<div>only html</div>\n\n---\n", "markdown"))
    assert caught.value.where == "x.md"
    assert "no article text" in str(caught.value)


# -- HTML ---------------------------------------------------------------------------------------


def test_html_article_keeps_the_text_and_drops_the_page_chrome() -> None:
    article = parsed(INPUTS / "article.html")
    assert article.title == "Ceasefire talks stall as both sides & mediators trade blame"
    assert shape(article) == [
        ("title", article.title, 11),
        (
            "paragraph",
            "Talks on a ceasefire stalled on Tuesday, officials said, with both delegations"
            " leaving Geneva early.",
            12,
        ),
        ("paragraph", "The mediators’ statement called the pause “temporary”.", 14),
        ("quote", "We remain ready to return to the table.", 15),
        ("quote", "But not at any price.", 15),
        ("heading", "What each side wants", 16),
        ("item", "Ukraine wants security guarantees. It also wants its land back.", 18),
        ("item", "Russia wants sanctions lifted", 19),
        ("item", "NATO allies want a monitored line", 20),
    ]


def test_html_article_header_keeps_the_headline_and_drops_the_byline() -> None:
    page = (
        "<article><header><h1>Talks stall</h1><p class='byline'>By A. Writer, 3 June</p>"
        "</header><p>Negotiators left Geneva without a date.</p></article>"
    )
    article = parse(Document("page.html", page, "html"))
    assert [(block.kind, block.text) for block in article.blocks] == [
        ("title", "Talks stall"),
        ("paragraph", "Negotiators left Geneva without a date."),
    ]


def test_html_without_h1_takes_the_page_title() -> None:
    html = "<html><head>\n<title>Talks &amp; truce</title></head><body><p>Body</p></body></html>"
    assert shape(parse_html(html)) == [("title", "Talks & truce", 2), ("paragraph", "Body", 2)]


# Pages trafilatura keeps no article from are read by the markup alone (reader.parse.html_plain):


def test_html_nesting_is_never_counted_twice() -> None:
    html = (
        "<ul><li><p>Outer one</p><ul><li>Inner <p>para</p></li></ul>outer tail</li>"
        "<li>Outer two</li></ul>"
        "<blockquote>Bare quote <p>and a quoted paragraph</p></blockquote>"
    )
    assert [(b.kind, b.text) for b in parse_html_plain(html).blocks] == [
        ("item", "Outer one outer tail"),
        ("item", "Inner para"),
        ("item", "Outer two"),
        ("quote", "Bare quote"),
        ("quote", "and a quoted paragraph"),
    ]


def test_html_bare_text_is_ignored_when_the_page_has_paragraphs() -> None:
    html = "<div>Share this</div><p>Real paragraph</p><div>Comments (3)</div>"
    assert shape(parse_html_plain(html)) == [("paragraph", "Real paragraph", 1)]


def test_html_without_paragraphs_keeps_its_bare_text_as_paragraphs() -> None:
    html = (
        "<html><body><h1>Old page</h1>\n"
        "<div>\n  First paragraph<br>still first.<br><br>\nSecond paragraph.</div>\n"
        "<td>A table cell.</td>\n"
        "</body></html>"
    )
    assert shape(parse_html_plain(html)) == [
        ("title", "Old page", 1),
        ("paragraph", "First paragraph still first.", 3),
        ("paragraph", "Second paragraph.", 4),
        ("paragraph", "A table cell.", 5),
    ]


def test_html_with_only_chrome_is_one_clear_error() -> None:
    with pytest.raises(ReaderError, match="no article text"):
        parse(Document("nav.html", "<nav><p>Home</p></nav><script>x()</script>", "html"))


# -- dispatch and speed-sensitive shapes --------------------------------------------------------


def test_parse_dispatches_on_the_document_format() -> None:
    text = "# Title\n\n<p>Body</p>\n"
    assert parse(Document("a", text, "markdown")).title == "Title"
    assert shape(parse(Document("a", text, "html"))) == [("paragraph", "Body", 3)]
    assert parse(Document("a", text, "text")).blocks[0] == parse_text(text).blocks[0]


def test_a_large_one_paragraph_per_line_file_keeps_every_paragraph(tmp_path: Path) -> None:
    line = "Stoltenberg said NATO would keep supplying weapons to Ukraine, he told The Times. " * 2
    path = tmp_path / "big.txt"
    path.write_text("Big title\n\n" + (line + "\n") * 20_000, encoding="utf-8")
    article = parsed(path)
    assert len(article.blocks) == 20_001
    assert article.blocks[-1].line == 20_002


# One paragraph per line must never be merged, however similar the lengths; wrapped text must
# still be joined. Each row: the lines of one blank-line-free group -> the paragraphs expected.
_PESKOV = "Peskov said the Kremlin saw no basis for a ceasefire at this stage of the talks."
_ZELENSKY = "Zelensky said Kyiv would not give up any territory."
_RUTTE = "Rutte said NATO would keep supplying weapons."


@pytest.mark.parametrize(
    ("lines", "paragraphs"),
    [
        pytest.param([_PESKOV, _ZELENSKY, _RUTTE], 3, id="sentence-per-line (issue 12)"),
        pytest.param(
            ["Peskov said the talks had stalled.", "Zelensky said Kyiv would not yield."],
            2,
            id="similar lengths, each a sentence",
        ),
        pytest.param(
            [
                '"We will not yield," Zelensky said in his nightly video address to the nation.',
                '"The alliance stands with Kyiv," Rutte told reporters at the summit in Vilnius.',
            ],
            2,
            id="quotes ending each line",
        ),
        pytest.param(
            ["By Anna Smith", _PESKOV, _ZELENSKY],
            3,
            id="a byline without a full stop",
        ),
        pytest.param(
            [
                "Talks on a ceasefire stalled on Tuesday, officials said, with both",
                "delegations leaving Geneva early and no date set for a new round of",
                "negotiations.",
            ],
            1,
            id="hard-wrapped at 70",
        ),
        pytest.param(
            [
                "The mediators called the pause temporary and said both sides agreed.",
                "They would keep the channel open, and technical teams would meet",
                "again within weeks.",
            ],
            1,
            id="wrapped, a sentence ending at the column",
        ),
        pytest.param(
            [
                "Talks stalled on Tuesday, officials said, with both delegations",
                "leaving early. No new date was set.",
                "The mediators called the pause temporary. They said both sides",
                "had agreed to keep the channel open.",
            ],
            2,
            id="wrapped, new paragraph without a blank line",
        ),
    ],
)
def test_plain_text_lines_become_paragraphs(lines: list[str], paragraphs: int) -> None:
    article = parse_text("Headline\n\n" + "\n".join(lines) + "\n")
    assert [block.kind for block in article.blocks] == ["title"] + ["paragraph"] * paragraphs
    if paragraphs == len(lines):
        assert [block.text for block in article.blocks[1:]] == lines


def test_markdown_lists_keep_their_numbers_and_bullets() -> None:
    article = parse_markdown(
        "# T\n\n3. three\n4. four\n   - nested\n     - deeper\n\n- plain\n* star\n"
    )
    items = [(b.kind, b.marker, b.text) for b in article.blocks[1:]]
    assert items == [
        ("item", "3.", "three"),
        ("item", "4.", "four"),
        ("item", "  ◦", "nested"),
        ("item", "    ▪", "deeper"),
        ("item", "•", "plain"),
        ("item", "•", "star"),
    ]


def test_a_markdown_table_is_one_block_of_aligned_rows() -> None:
    text = (
        "# T\n\nBefore.\n\n| Side | Demand |\n|---|---|\n"
        "| Russia | recognition |\n| Ukraine | withdrawal |\n\nAfter.\n"
    )
    article = parse_markdown(text)
    assert [b.kind for b in article.blocks] == ["title", "paragraph", "table", "paragraph"]
    table = article.blocks[2]
    assert table.line == 5
    assert table.text.split("\n") == [
        "Side    │ Demand",
        "────────┼────────────",
        "Russia  │ recognition",
        "Ukraine │ withdrawal",
    ]


def test_html_lists_nested_50000_deep_parse_in_linear_time() -> None:
    """Each end tag used to search the whole stack of open elements: 50,000 nested lists took
    63 s. Run in a subprocess under a generous guard (the linear parser takes about a second on
    a loaded machine), so a quadratic return fails instead of hanging the suite."""
    script = (
        "from reader.load import Document\n"
        "from reader.parse import parse\n"
        "n = 50_000\n"
        "html = '<ul><li>x' * n + '</li></ul>' * n\n"
        "print(len(parse(Document('deep.html', html, 'html')).blocks))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=30, check=True
    )
    assert done.stdout.split() == ["50000"]


# -- HTML pages through trafilatura -------------------------------------------------------------


def _page(body: str) -> str:
    menu = "".join(f'<li><a href="/s/{n}">Section {n}</a></li>' for n in range(8))
    return (
        "<html><head><title>Talks resume | The Courier</title></head><body>"
        f"<nav><ul>{menu}</ul></nav><main><article><h1>Talks resume in Geneva today</h1>"
        f"{body}</article></main><footer><p>© The Courier</p></footer></body></html>"
    )


PARAGRAPH = (
    "Negotiators from both delegations returned to Geneva on Monday for a second round of "
    "talks on prisoner exchanges, officials said, after a pause of three weeks."
)


def test_a_list_of_nothing_but_links_is_navigation_and_dropped() -> None:
    related = "".join(
        f'<li><a href="/story/{n}">Another story number {n}</a></li>' for n in range(4)
    )
    items = "<ul><li>a hotline between the navies</li><li>inspections at sea</li></ul>"
    article = parse_html(_page(f"<p>{PARAGRAPH}</p><ul>{related}</ul>{items}<p>{PARAGRAPH}</p>"))
    texts = [block.text for block in article.blocks]
    assert "a hotline between the navies" in texts
    assert not any("Another story" in text for text in texts)


def test_paragraphs_split_by_double_line_breaks_are_blocks_of_their_own() -> None:
    """Old pages separate paragraphs with <br><br> in a <div>: each is a block."""
    article = parse_html(_page(f"<div>{PARAGRAPH}<br><br>Second one. {PARAGRAPH}</div>"))
    assert [block.text for block in article.blocks[1:]] == [PARAGRAPH, f"Second one. {PARAGRAPH}"]


def test_saved_news_pages_are_read_as_their_article() -> None:
    """The extraction benchmark's pages (benchmarks/extract): the reader keeps the article body
    and drops the furniture, far better than all the page's text."""
    from benchmarks.extract.score import prf, reader_text, visible_text

    pages = sorted((Path(__file__).parents[1] / "benchmarks/extract/pages").glob("*.html"))
    assert len(pages) >= 30
    ours, baseline = [], []
    for page in pages:
        html = page.read_text(encoding="utf-8")
        expected = page.with_name(page.stem + ".expected.txt").read_text(encoding="utf-8")
        ours.append(prf(reader_text(html), expected)[2])
        baseline.append(prf(visible_text(html), expected)[2])
    assert sum(ours) / len(ours) >= 0.93
    assert sum(ours) / len(ours) > sum(baseline) / len(baseline) + 0.2


# -- where a text article came from -------------------------------------------------------------


def test_front_matter_names_the_source_and_keeps_line_numbers() -> None:
    text = (
        "---\nurl: https://www.courier.example/talks\noutlet: The Courier\nauthor: A. Writer\n"
        "date: 2026-03-14\nlang: en\ntags: [war]\n---\nTalks resume\n\nPeskov said no.\n"
    )
    for fmt in ("text", "markdown"):
        article = parse(Document("a.txt", text, fmt))
        assert article.meta == Meta(
            url="https://www.courier.example/talks",
            site="www.courier.example",
            outlet="The Courier",
            author="A. Writer",
            date="2026-03-14",
            lang="en",
        )
        assert [(block.text, block.line) for block in article.blocks] == [
            ("Talks resume", 9),
            ("Peskov said no.", 11),
        ]


def test_a_source_line_names_the_url_and_is_not_a_block() -> None:
    text = "Talks resume\n\nPeskov said no.\n\nSource: https://news.example/a\n"
    article = parse(Document("a.txt", text, "text"))
    assert article.meta.url == "https://news.example/a"
    assert article.meta.site == "news.example"
    assert [block.text for block in article.blocks] == ["Talks resume", "Peskov said no."]


def test_a_text_without_either_has_empty_meta_and_bad_front_matter_stays_text() -> None:
    assert parse(Document("a.txt", "Title\n\nBody.\n", "text")).meta == Meta()
    broken = "---\n[not: a mapping\n---\nTitle\n\nBody.\n"
    article = parse(Document("a.md", broken, "markdown"))
    assert article.meta == Meta()


def test_markdown_links_are_kept_with_their_offsets() -> None:
    text = "# T\n\nSee [the report](https://x.org/r) now.\n\n- one\n\n  two [b](https://b.org)\n"
    blocks = parse_markdown(text).blocks
    assert [(link.text, link.url) for link in blocks[1].links] == [
        ("the report", "https://x.org/r")
    ]
    item = blocks[2]
    assert item.text == "one two b"
    assert [(item.text[link.start : link.end], link.url) for link in item.links] == [
        ("b", "https://b.org")
    ]


def test_a_saved_page_names_its_outlet_and_no_guessed_date() -> None:
    """The outlet from "Headline | Outlet" when the page names it nowhere else; an undated page
    gets no date rather than one guessed from a number."""
    meta = parsed(INPUTS / "article.html").meta
    assert (meta.outlet, meta.date, meta.lang) == ("Example News", None, "en")
