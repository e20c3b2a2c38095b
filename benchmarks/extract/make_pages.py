"""Write the extraction benchmark's pages: invented bodies in the markup of real news sites.

    python -m benchmarks.extract.make_pages      # rewrites benchmarks/extract/pages/

Real pages' text is not ours to commit, so the bodies (bodies.txt) and every piece of page
furniture here are made up; the markup follows the templates real news sites use: a WordPress
theme, a big newspaper CMS with ads and "read more" between paragraphs, an AMP page, a live
blog, a wire service page, a government press release, a state news agency, a tabloid with
"more on this" boxes and comments, an old table-layout site and a React-rendered regional
site. Page i uses body i and template i mod 10, so each template carries three bodies.
Each page is written with `NN-template.expected.txt`: the headline and the body, one block a
line, which is what the reader should show.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).parent
PAGES = HERE / "pages"


@dataclass(frozen=True)
class Body:
    title: str
    blocks: tuple[tuple[str, str], ...]  # (kind, text): p, h2, quote, li


def bodies() -> list[Body]:
    text = (HERE / "bodies.txt").read_text(encoding="utf-8")
    found: list[Body] = []
    for chunk in text.split("\n====\n")[1:]:
        parts = [part.strip() for part in chunk.strip().split("\n\n") if part.strip()]
        title, blocks = parts[0], []
        for part in parts[1:]:
            for line in part.split("\n") if part.startswith("- ") else [part]:
                if line.startswith("## "):
                    blocks.append(("h2", line[3:]))
                elif line.startswith("> "):
                    blocks.append(("quote", line[2:]))
                elif line.startswith("- "):
                    blocks.append(("li", line[2:]))
                else:
                    blocks.append(("p", line))
        found.append(Body(title, tuple(blocks)))
    return found


def e(text: str) -> str:
    return html.escape(text, quote=False)


def body_html(body: Body, p: str = "<p>{}</p>", between: Callable[[int], str] | None = None) -> str:
    """The body's blocks as markup; `between(i)` adds furniture after paragraph i."""
    out: list[str] = []
    items: list[str] = []
    for index, (kind, text) in enumerate(body.blocks):
        if kind != "li" and items:
            out.append("<ul>" + "".join(items) + "</ul>")
            items = []
        if kind == "li":
            items.append(f"<li>{e(text)}</li>")
        elif kind == "h2":
            out.append(f"<h2>{e(text)}</h2>")
        elif kind == "quote":
            out.append(f"<blockquote><p>{e(text)}</p></blockquote>")
        else:
            out.append(p.format(e(text)))
        if between is not None:
            out.append(between(index))
    if items:
        out.append("<ul>" + "".join(items) + "</ul>")
    return "\n".join(out)


RELATED = [
    "Storm warning issued for the coast as winds reach 100km/h",
    "Opinion: what the new budget means for pensioners",
    "Quiz of the week: how closely have you followed the news?",
    "Five recipes for the last days of summer",
    "Local football club unveils plans for a new stadium",
    "Train fares to rise by four percent from January",
]
COMMENTS = [
    (
        "kestrel_77",
        "Same story every month. Nothing will change until someone is held accountable.",
    ),
    ("anna.v", "Thank you for reporting this, it is hard to find clear information elsewhere."),
    ("oldtimer", "I remember when this town had three newspapers and none of this nonsense."),
    ("marko", "Does anyone know whether the evening buses are still running on this route?"),
]
COOKIE = (
    "We and our partners use cookies and similar technologies to store and access information "
    "on your device, to personalise content and adverts and to analyse our traffic."
)
NAV = ["Home", "News", "World", "Business", "Politics", "Opinion", "Sport", "Culture", "Travel"]


def nav(cls: str = "menu") -> str:
    links = "".join(f'<li><a href="/{name.lower()}">{name}</a></li>' for name in NAV)
    return f'<nav class="{cls}"><ul>{links}</ul></nav>'


def related(title: str = "Related", count: int = 4, start: int = 0) -> str:
    items = "".join(
        f'<li><a href="/story/{i}">{e(RELATED[(start + i) % len(RELATED)])}</a></li>'
        for i in range(count)
    )
    return f'<section class="related"><h3>{title}</h3><ul>{items}</ul></section>'


def comments(count: int = 4) -> str:
    rows = "".join(
        f'<div class="comment"><span class="author">{name}</span><p>{e(text)}</p>'
        f'<a href="#">Reply</a> <a href="#">Report</a></div>'
        for name, text in COMMENTS[:count]
    )
    return f'<section id="comments"><h2>Comments ({count * 37})</h2>{rows}</section>'


def head(body: Body, site: str, extra: str = "") -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{e(body.title)} | {site}</title>\n"
        f'<meta property="og:site_name" content="{site}">\n'
        f'<meta property="og:title" content="{e(body.title)}">\n{extra}'
        f"<script>window.dataLayer=[];function track(){{}}</script>\n"
        f"<style>body{{font-family:sans-serif}} .ad{{min-height:250px}}</style>\n</head>\n"
    )


def wordpress(body: Body, i: int) -> str:
    return (
        head(body, "Riverside Times")
        + f"""<body class="single-post">
<div id="cookie-notice"><p>{COOKIE}</p><a class="button">Accept</a><a>Read more</a></div>
<div id="page"><header id="masthead"><p class="site-title"><a href="/">Riverside Times</a></p>
<p class="site-description">Independent news since 1987</p>{nav("main-navigation")}</header>
<div id="content"><div id="primary"><main id="main">
<article class="post type-post status-publish">
<header class="entry-header"><h1 class="entry-title">{e(body.title)}</h1>
<div class="entry-meta"><span class="posted-on">Posted on <time>14 May 2026</time></span>
<span class="byline"> by <a href="/author/editor">Newsroom</a></span></div></header>
<div class="entry-content">
{body_html(body)}
<div class="sharedaddy"><h3>Share this:</h3><ul><li><a>Facebook</a></li><li><a>X</a></li>
<li><a>WhatsApp</a></li><li><a>Print</a></li></ul></div>
<div class="jp-relatedposts"><h3>Related</h3><p>{e(RELATED[i % 6])}</p><p>{e(RELATED[(i + 1) % 6])}</p></div>
</div>
<footer class="entry-footer"><span class="cat-links">Posted in <a>News</a></span>
<span class="tags-links">Tagged <a>war</a>, <a>region</a></span></footer></article>
<nav class="post-navigation"><a>Previous post: {e(RELATED[(i + 2) % 6])}</a>
<a>Next post: {e(RELATED[(i + 3) % 6])}</a></nav>
<div id="comments" class="comments-area"><h2>{len(COMMENTS)} thoughts on this post</h2>
<ol class="comment-list">{"".join(f"<li><b>{n}</b> says:<p>{e(t)}</p></li>" for n, t in COMMENTS)}</ol>
<div id="respond"><h3>Leave a Reply</h3><p>Your email address will not be published.</p></div></div>
</main></div>
<aside id="secondary" class="widget-area">{related("Recent Posts", 5, i)}
<section class="widget"><h2>Archives</h2><ul><li>May 2026</li><li>April 2026</li></ul></section>
</aside></div>
<footer id="colophon"><p>Proudly powered by WordPress | Theme: Newsline by Example.</p></footer>
</div></body></html>"""
    )


def newspaper(body: Body, i: int) -> str:
    def between(index: int) -> str:
        if index == 1:
            return '<div class="ad"><span>Advertisement</span></div>'
        if index == 2:
            return (
                f'<p class="read-more"><strong>READ MORE:</strong> <a>{e(RELATED[i % 6])}</a></p>'
            )
        if index == 4:
            return (
                '<div class="newsletter-inline"><h3>Get the Morning Briefing</h3>'
                "<p>Sign up for our free daily email with the stories you need to know.</p>"
                "<button>Sign up</button></div>"
            )
        return ""

    return (
        head(body, "The Daily Standard")
        + f"""<body>
<div class="top-bar"><a>Subscribe</a> <a>Log in</a> <span>Today's paper</span></div>
<header class="site-header"><a class="brand" href="/">The Daily Standard</a>{nav("sections")}</header>
<main><div class="article-wrapper">
<div class="kicker"><a>World</a></div>
<h1 class="headline">{e(body.title)}</h1>
<div class="byline">By Staff Reporter · Updated 2 hours ago</div>
<div class="share-tools"><button>Share</button><button>Save</button><button>Gift article</button></div>
<figure><img src="/a.jpg"><figcaption>Officials at the scene on Monday. (Photo: Staff)</figcaption></figure>
<div class="article-body" itemprop="articleBody">
{body_html(body, '<p data-el="text">{}</p>', between)}
</div>
<div class="article-footer"><p>Copyright 2026 The Daily Standard. All rights reserved.</p></div>
</div>
<aside class="rail">{related("Most Popular", 5, i + 1)}
<div class="ad"><span>Advertisement</span></div></aside></main>
<footer><ul><li>About</li><li>Careers</li><li>Advertise</li><li>Terms of Use</li><li>Privacy</li></ul></footer>
</body></html>"""
    )


def amp(body: Body, i: int) -> str:
    return (
        f'<!doctype html>\n<html amp lang="en"><head><meta charset="utf-8">'
        f"<title>{e(body.title)} - Metro Wire</title>"
        f'<link rel="canonical" href="https://metro-wire.example/story/{i}">'
        f"<style amp-boilerplate>body{{visibility:hidden}}</style>"
        f'<script async src="https://cdn.ampproject.org/v0.js"></script></head>'
        f"""<body>
<amp-sidebar id="sidebar" layout="nodisplay"><ul>{"".join(f"<li><a>{n}</a></li>" for n in NAV)}</ul></amp-sidebar>
<header class="amp-header"><button on="tap:sidebar.toggle">Menu</button><a>Metro Wire</a></header>
<amp-consent id="consent" layout="nodisplay"><div class="consent-ui"><p>{COOKIE}</p>
<button on="tap:consent.accept">I agree</button><button on="tap:consent.reject">No thanks</button></div></amp-consent>
<article class="amp-article">
<h1 class="amp-title">{e(body.title)}</h1>
<p class="amp-byline">Metro Wire staff · 3 min read</p>
<amp-img src="/img.jpg" width="600" height="400" layout="responsive" alt="Scene"></amp-img>
<amp-social-share type="facebook"></amp-social-share><amp-social-share type="twitter"></amp-social-share>
<div class="amp-article-body">
{body_html(body, between=lambda n: '<amp-ad width="300" height="250" type="doubleclick"><div placeholder>Advertisement</div></amp-ad>' if n == 2 else "")}
</div></article>
<section class="amp-related"><h2>More stories</h2>{related("", 4, i)}</section>
<footer class="amp-footer"><p>© Metro Wire 2026</p><a>View non-AMP version</a></footer>
</body></html>"""
    )


def liveblog(body: Body, i: int) -> str:
    times = ["14:52", "14:31", "14:05", "13:48", "13:20", "12:57", "12:30", "12:02", "11:41"]
    posts: list[str] = []
    for index, (kind, text) in enumerate(body.blocks):
        tag = {"h2": "h2", "quote": "blockquote", "li": "li", "p": "p"}[kind]
        inner = f"<ul><li>{e(text)}</li></ul>" if tag == "li" else f"<{tag}>{e(text)}</{tag}>"
        posts.append(
            f'<div class="block" id="block-{index}"><div class="block-time">'
            f'<time>{times[index % len(times)]}</time></div><div class="block-body">{inner}</div>'
            f'<div class="block-share"><a>Share</a><a>Copy link</a></div></div>'
        )
    keys = "".join(f'<li><a href="#block-{n}">{e(RELATED[n])}</a></li>' for n in range(3))
    return (
        head(body, "The Ledger")
        + f"""<body>
<div class="cookie-banner"><p>{COOKIE}</p><button>Yes, I'm happy</button><button>Manage my cookies</button></div>
<header>{nav()}</header>
<main><div class="live-header"><span class="badge">LIVE</span>
<h1>{e(body.title)}</h1><p class="updated">Updated 4m ago</p></div>
<div class="key-events"><h2>Key events</h2><ul>{keys}</ul><a>Show key events only</a></div>
<div class="liveblog-body">{"".join(posts)}</div>
<div class="pagination"><a>Newest</a><a>Previous</a><span>1 of 4</span><a>Next</a><a>Oldest</a></div>
</main>
<aside>{related("Most viewed", 5, i)}</aside>
<footer><p>© 2026 The Ledger News &amp; Media Limited or its affiliated companies.</p></footer>
</body></html>"""
    )


def wire(body: Body, i: int) -> str:
    first, *rest = body.blocks
    dated = Body(body.title, (("p", f"KYIV, May 14 (Wire) - {first[1]}"), *rest))
    return (
        head(dated, "Global Wire")
        + f"""<body>
<header class="wire-header"><a>Global Wire</a>{nav()}<div class="tickers">
<span>OIL 82.14 +0.4%</span><span>GOLD 2,310.50 -0.2%</span><span>EUR/USD 1.0842</span></div></header>
<main><div class="article-header"><span class="section">World · Europe</span>
<h1 data-testid="Heading">{e(body.title)}</h1>
<div class="info"><time>May 14, 2026 10:12 AM GMT+1</time><span>Updated 3 hours ago</span></div>
<div class="share"><a>Facebook</a><a>X</a><a>LinkedIn</a><a>Email</a><a>Link</a><a>Purchase Licensing Rights</a></div>
</div>
<div class="article-body__content">
{body_html(dated, '<div data-testid="paragraph-{{}}" class="text__paragraph"><p>{}</p></div>'.replace("{{}}", str(i)))}
<p class="sign-off">Reporting by Wire staff; Editing by the desk</p>
</div>
<div class="trust"><a>Our Standards: The Trust Principles.</a></div>
<div class="read-next">{related("Read Next", 4, i + 2)}</div></main>
<footer><p>All quotes delayed a minimum of 15 minutes.</p><p>© 2026 Global Wire. All rights reserved</p></footer>
</body></html>"""
    )


def government(body: Body, i: int) -> str:
    return (
        head(body, "Ministry of Foreign Affairs")
        + f"""<body class="gov">
<a class="skip" href="#content">Skip to main content</a>
<div class="cookie-banner"><h2>Cookies on this website</h2><p>We use some essential cookies to make this
website work. We would like to set additional cookies to understand how you use the site.</p>
<button>Accept additional cookies</button><button>Reject additional cookies</button></div>
<header class="gov-header"><a class="crest">Ministry of Foreign Affairs</a>
<nav><ul><li>Ministry</li><li>Press centre</li><li>Consular services</li><li>Foreign policy</li><li>Contacts</li></ul></nav></header>
<div class="breadcrumbs"><ol><li><a>Home</a></li><li><a>Press centre</a></li><li><a>Statements</a></li></ol></div>
<main id="content"><div class="page-header"><span class="type">Press release</span>
<h1>{e(body.title)}</h1><p class="date">Published 12 April 2026</p></div>
<div class="govspeak">{body_html(body)}</div>
<div class="print-share"><a>Print this page</a><a>Share this page</a></div>
<section class="feedback"><h2>Is this page useful?</h2><button>Yes</button><button>No</button>
<a>Report a problem with this page</a></section>
<section class="related-content"><h2>Related content</h2><ul><li>Visa requirements for foreign citizens</li>
<li>Travel advice for citizens abroad</li><li>Embassies and consulates</li></ul></section></main>
<footer><ul><li>Accessibility statement</li><li>Open data</li><li>Privacy notice</li><li>Freedom of information</li></ul>
<p>All content is available under the Open Government Licence, except where otherwise stated</p></footer>
</body></html>"""
    )


def agency(body: Body, i: int) -> str:
    def between(index: int) -> str:
        if index == 1:
            return (
                f'<p class="read-also"><b>Read also:</b> <a>{e(RELATED[(i + index) % 6])}</a></p>'
            )
        return ""

    return (
        head(body, "National News Agency")
        + f"""<body>
<div class="lang"><a>English</a> <a>Deutsch</a> <a>Español</a></div>
<header><div class="logo">National News Agency</div>{nav("main-menu")}</header>
<div class="promo"><a>Subscribe to our Telegram channel</a></div>
<div class="layout"><div class="col-main"><div class="news-item">
<h1 class="news-title">{e(body.title)}</h1>
<div class="news-date">14 May 2026, 12:47</div>
<div class="photo"><img src="/p.jpg"><div class="photo-caption">Photo: agency archive</div></div>
<div class="news-text">{body_html(body, between=between)}</div>
<div class="tags"><span>Tags:</span> <a>politics</a> <a>regions</a> <a>security</a></div>
<div class="share-block"><a>VK</a> <a>Telegram</a> <a>OK</a></div>
</div></div>
<div class="col-side"><div class="news-feed"><h3>News feed</h3><ul>
{"".join(f"<li><span>1{n}:0{n}</span> {e(RELATED[n])}</li>" for n in range(5))}</ul></div></div></div>
<footer><p>When using materials, a hyperlink to the agency is required.</p><p>18+</p></footer>
</body></html>"""
    )


def tabloid(body: Body, i: int) -> str:
    def between(index: int) -> str:
        if index in (0, 3):
            items = "".join(f"<li><a>{e(RELATED[(index + n + i) % 6])}</a></li>" for n in range(3))
            return f'<div class="more-on"><h4>MORE ON THIS STORY</h4><ul>{items}</ul></div>'
        if index == 2:
            return (
                '<div class="video"><p class="video-title">WATCH: Dramatic footage from the scene</p>'
                "<p>Video Player is loading.</p><p>Play Video</p></div>"
            )
        return ""

    return (
        head(body, "The Sun Herald")
        + f"""<body>
<div class="trending"><span>TRENDING</span> <a>Celebrity wedding</a> <a>Lottery results</a> <a>Weather</a></div>
<header>{nav("nav-main")}<a class="logo">The Sun Herald</a></header>
<div class="consent"><p>{COOKIE}</p><button>ACCEPT ALL</button><button>OPTIONS</button></div>
<main><article><h1 class="article-title">{e(body.title)}</h1>
<p class="standfirst-byline">By Chief Reporter | Published: 10:30, 14 May 2026</p>
<div class="socials"><a>Share</a><a>Tweet</a><a>Comments (128)</a></div>
<div class="article-content">{body_html(body, between=between)}</div>
<div class="contact-us"><p>Got a story? Email us at tips@example.test or call our news desk.</p></div>
</article>{comments(4)}
<section class="puff">{related("YOU MIGHT LIKE", 6, i)}</section></main>
<footer><p>The Sun Herald is a registered trademark. Sign up for our newsletter!</p></footer>
</body></html>"""
    )


def table_layout(body: Body, i: int) -> str:
    paragraphs: list[str] = []
    for kind, text in body.blocks:
        if kind == "h2":
            paragraphs.append(f"<b>{e(text)}</b><br><br>")
        elif kind == "li":
            paragraphs.append(f"&middot; {e(text)}<br>")
        else:
            paragraphs.append(f"{e(text)}<br><br>")
    return f"""<html><head><title>{e(body.title)} - Oblast Herald Online</title>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>
<body bgcolor="#ffffff"><table width="100%" border="0"><tr><td colspan="2">
<font size="5">Oblast Herald Online</font><br><a href="/">Main</a> | <a>News</a> | <a>Archive</a> | <a>Contacts</a></td></tr>
<tr><td width="180" valign="top"><font size="2"><b>Sections</b><br><a>Politics</a><br><a>Economy</a><br>
<a>Society</a><br><a>Sport</a><br><br><b>Poll</b><br>Will you vote in the election?<br>Yes / No<br><br>
<b>Counter</b><br>Visitors today: 1,284</font></td>
<td valign="top"><font size="4"><b>{e(body.title)}</b></font><br><font size="2">14.05.2026</font><br><br>
<font size="3">
{"".join(paragraphs)}
</font><br><a>Print version</a> | <a>Send to a friend</a> | <a>Back to the top</a></td></tr>
<tr><td colspan="2"><font size="1">© 2001-2026 Oblast Herald. Reprinting only with permission.</font></td></tr>
</table></body></html>"""


def react(body: Body, i: int) -> str:
    blocks = body_html(
        body,
        '<div data-component="text-block" class="ssrcss-11r1m41"><p class="ssrcss-1q0x1qg">{}</p></div>',
    )
    return (
        head(body, "Regional News Network")
        + f"""<body><div id="__next">
<div class="ssrcss-consent" role="dialog"><h2>Let us know you agree to cookies</h2><p>{COOKIE}</p>
<button>Yes, I agree</button><a>No, take me to settings</a></div>
<header class="ssrcss-header"><a>RNN</a>{nav("ssrcss-nav")}<a>Sign in</a></header>
<div class="ssrcss-main"><main role="main"><article>
<header class="ssrcss-art-header"><h1 id="main-heading">{e(body.title)}</h1></header>
<div data-component="byline-block"><span>By Regional correspondent</span><time>14 May</time></div>
<div data-component="image-block"><figure><img src="/x.jpg"><figcaption>The town hall on Monday</figcaption></figure></div>
{blocks}
<div data-component="topic-list"><h2>Related Topics</h2><ul><li>Europe</li><li>Energy</li></ul></div>
<section data-component="links-block"><h2>More on this story</h2><ul><li><a>{e(RELATED[i % 6])}</a></li>
<li><a>{e(RELATED[(i + 1) % 6])}</a></li></ul></section>
</article></main>
<aside>{related("Most Read", 6, i)}</aside></div>
<footer><p>Copyright © 2026 RNN. RNN is not responsible for the content of external sites.</p>
<a>Read about our approach to external linking.</a></footer></div></body></html>"""
    )


TEMPLATES: list[tuple[str, Callable[[Body, int], str]]] = [
    ("wordpress", wordpress),
    ("newspaper-cms", newspaper),
    ("amp", amp),
    ("liveblog", liveblog),
    ("wire", wire),
    ("press-release", government),
    ("news-agency", agency),
    ("tabloid-comments", tabloid),
    ("table-layout", table_layout),
    ("react-ssr", react),
]


def expected(body: Body, name: str) -> str:
    blocks = list(body.blocks)
    if name == "wire":
        blocks[0] = ("p", f"KYIV, May 14 (Wire) - {blocks[0][1]}")
    return "\n".join([body.title, *(text for _kind, text in blocks)]) + "\n"


def main() -> None:
    PAGES.mkdir(exist_ok=True)
    for old in PAGES.glob("*"):
        old.unlink()
    for index, body in enumerate(bodies()):
        name, template = TEMPLATES[index % len(TEMPLATES)]
        stem = f"{index + 1:02d}-{name}"
        (PAGES / f"{stem}.html").write_text(template(body, index), encoding="utf-8")
        (PAGES / f"{stem}.expected.txt").write_text(expected(body, name), encoding="utf-8")


if __name__ == "__main__":
    main()
