"""`sources.named_parties`: the sides of the call or meeting a story's paragraph names, which
a later "the two leaders", "both sides" or "they" stand for (`State.parties`)."""

from __future__ import annotations

import pytest

from reader.classify.scan import Budget, prepare_chunk
from reader.classify.sources import named_parties
from reader.config import Config, load_config
from reader.model import Block


@pytest.fixture(scope="module")
def config() -> Config:
    return load_config()


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        # a call or a meeting of two named parties, in the order named
        (
            "Later on Tuesday, Vladimir Putin spoke by phone with Emmanuel Macron.",
            ("russia", "nato"),
        ),
        (
            "Ukrainian Foreign Minister Dmytro Kuleba met Secretary of State Antony Blinken in "
            "Washington on Friday. The ministers agreed that the deliveries must speed up.",
            ("ukraine", "nato"),
        ),
        ("Vladimir Putin and Donald Trump met in Helsinki on Monday.", ("russia", "nato")),
        (
            "Vladimir Putin and Volodymyr Zelensky talked by telephone about the swap on Monday.",
            ("russia", "ukraine"),
        ),
        # the last meeting of the paragraph
        (
            "Zelensky met Blinken on Friday. On Sunday, Zelensky held talks with Putin in Minsk.",
            ("ukraine", "russia"),
        ),
        # a named party of no side adds none: one side's leader and an outsider
        (
            "On Sunday, Zelensky held talks with Brazilian President Luiz Inacio Lula da Silva.",
            ("ukraine",),
        ),
        # a party named by an office alone is not known: the meeting gives no one
        ("On Sunday, the Prime Minister spoke to the Ukrainian leader by phone.", ()),
        # no meeting of two named parties
        ("The ministers met for two hours.", None),
        ("Zelensky spoke to reporters in Kyiv.", None),
        ("Both sides have dug in along the whole front since the spring.", None),
        # a joint text its makers are listed with, or made after a meeting of two named parties
        (
            "Ukraine's President Volodymyr Zelensky, Estonia's President Alar Karis and Latvia's "
            "President Edgars Rinkevics made a joint statement after their talks.",
            ("ukraine", "nato"),
        ),
        (
            "Oslo issued a joint statement after a meeting between Norwegian Prime Minister Jonas "
            "Gahr Store and his Ukrainian counterpart.",
            ("nato", "ukraine"),
        ),
        ("Critics in Romania and Moldova said the joint statement was vague.", None),
        # "discussed with" the one met, set off by a comma; a topic run on after the name: none
        (
            "On Thursday, Andrii Sybiha discussed with Radoslaw Sikorski, Poland's foreign "
            "minister, the lorry queues.",
            ("ukraine", "nato"),
        ),
        ("On Thursday, Andrii Sybiha discussed with Radoslaw Sikorski the lorry queues.", None),
    ],
    ids=[
        "call",
        "meeting-then-ministers",
        "x-and-y-met",
        "x-and-y-talked-about",
        "last-of-two",
        "outsider",
        "office-alone",
        "ministers-again",
        "one-party",
        "no-meeting",
        "joint-text-listed",
        "joint-text-after-meeting",
        "joint-text-named-only",
        "discussed-with-comma",
        "discussed-with-topic",
    ],
)
def test_named_parties(text: str, sides: tuple[str, ...] | None, config: Config) -> None:
    work = prepare_chunk([Block(0, "paragraph", text, 1)], config.rules, Budget(1.0, None), {})[0]
    found = named_parties(work, config.rules)
    assert (None if found is None else found[0]) == sides
