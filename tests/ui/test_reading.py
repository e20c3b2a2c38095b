"""Reading, as issue 12 found it: text is never cropped, panels at SSH sizes, explain, G, structure.

Driven through Pilot like tests/ui/test_app.py, with a fixed label table for the classifier.
"""

from __future__ import annotations

from .helpers import ready, screen_text
from .test_app import make_app

SHY = "\u00ad"


async def test_soft_hyphens_and_emoji_never_crop_a_line() -> None:
    word = f"mi{SHY}nis{SHY}try"
    body = " ".join([word, "said", "\u26a0\ufe0f"] * 12)
    app = make_app((([("Headline", ()), (body, ("nato",))], "t.txt"),))
    for size in ((80, 24), (100, 30), (150, 40)):
        async with app.run_test(size=size) as pilot:
            await ready(pilot)
            shown = screen_text(app).replace("\u200b", "").replace(SHY, "")
            assert shown.count("ministry") == 12, size
            assert shown.count("said") == 12, size
        app = make_app((([("Headline", ()), (body, ("nato",))], "t.txt"),))
