"""Where a page prints its own date: the article's header and byline, not the page's furniture.

Old templates print many dates: "today" in the site's top bar, a time on every item of a
sidebar or a related-articles box, sometimes before the article in the page's order. Taking the
first date-like text gives another day than the article's. So the visible dates of a page are
looked for only in the article's region: between the headline and the body text, and just above
the headline inside the block that holds both; then, only when that holds none, just after the
body (a byline printed at its foot). Navigation, headers and footers of the page, asides, boxes
whose class says they are furniture, photo captions, lists of links and teaser cards (a block
holding another article's linked headline) are never read, nor a date labelled as the last update.
"""

from __future__ import annotations

import re

from lxml import html
from parsel import Selector

from crawler.extraction.document import clean_space, node_text
from crawler.extraction.furniture import CLUTTER_RE, PAGE_LINK
from crawler.extraction.generic import main_node

DATE_HINT_RE = re.compile(
    r"\d{1,4}\s*[/.-]\s*\d{1,2}|\b\d{1,2}\s+[A-Za-z]{3,}\.?\s+\d{4}\b|\d{4}-\d{2}-\d{2}"
)
# Class/id words of page parts that print dates that are not the article's: the site's top
# bar ("today"), menus, tickers, lists and indexes of other articles.
_DATE_FURNITURE_RE = re.compile(
    r"(?:^|[-_])(?:(?:site|top|main)-?header|header-?(?:top|bar)|top-?bar|topnav|masthead|menu|"
    r"navbar|nav|navigation|footer|"
    r"ticker|breaking|today|hari-?ini|list|lists|index|indeks|terbaru|lainnya|more|other|others|"
    r"next|prev|previous|archive|arsip|jadwal|schedule|weather|cuaca|captions?|keterangan|"
    r"ket-?foto)(?:$|[-_])",
    re.IGNORECASE,
)
# A photo's caption dates the photo, often the day before the article.
_FURNITURE_TAGS = frozenset(
    {"nav", "aside", "footer", "header", "form", "select", "menu", "figure", "figcaption"}
)
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "option"})
# A date labelled as the last update is the modified date, never the published one.
_UPDATE_LABEL_RE = re.compile(
    r"\b(?:diperbarui|diperbaharui|update[ds]?|diupdate|pembaruan|terakhir\s+diubah|diubah|modified|revised)\b",
    re.IGNORECASE,
)
HEADLINE_WORDS = 5  # a linked text this long is another article's headline (a teaser)
AFTER_HEADLINE = 60  # elements read after the headline when the body is not in sight
ABOVE_HEADLINE = 25  # elements read above the headline
AFTER_BODY = 15  # elements read after the body, for a byline at its foot
MAX_ABOVE = 3  # date lines taken above the headline
MAX_DEPTH = 12  # a date this many levels below the article's own elements is not its byline
TEXT_WORDS = 12  # a paragraph this long inside the body is the article's text, not its byline


def visible_dates(doc: Selector, body_node: html.HtmlElement | None, title: str | None) -> list[str]:
    """Short texts (and ``<time datetime>`` values) that look like dates in the article's own
    region, nearest the headline first; [] when the page shows no headline and no body."""
    root = doc.root
    body = body_node if _in_tree(body_node, root) else main_node(root)
    anchor = headline(root, title)
    if anchor is None and body is None:
        return []
    order = list(root.iter())
    where = {el: i for i, el in enumerate(order)}
    region = _Region(anchor, body)
    start = anchor if anchor is not None else body
    assert start is not None
    found = region.after_headline(order, where) if anchor is not None else []
    found += region.above(order, where, start)
    if not found and body is not None:
        found = region.after_body(order, where, body)
    return found


def _in_tree(node: html.HtmlElement | None, root: html.HtmlElement) -> bool:
    """The body node is the page's own element (the generic path reads a copy of the page)."""
    return node is not None and node.getroottree().getroot() is root


def _squash(text: str) -> str:
    return re.sub(r"\W+", "", text).lower()


def headline(root: html.HtmlElement, title: str | None) -> html.HtmlElement | None:
    """The article's headline element: the heading that says the title (sites set it in an
    <h1>, <h2> or <h3>, at times with a kicker before it), else the first <h1> outside the
    page's furniture that is more than a site's name or a section label."""
    squashed = _squash(title or "")
    first_h1 = None
    for el in root.iter("h1", "h2", "h3"):
        if _page_furniture(el):
            continue
        text = _squash(node_text(el))
        if (
            text
            and squashed
            and (
                text == squashed
                or min(len(text), len(squashed)) >= 20
                and (text in squashed or squashed in text)
            )
        ):
            return el
        if first_h1 is None and el.tag == "h1" and len(node_text(el).split()) >= 3:
            first_h1 = el
    titled = _titled(root, squashed)
    return titled if titled is not None else first_h1


def _titled(root: html.HtmlElement, squashed: str) -> html.HtmlElement | None:
    """The element whose own text is the title, when a page sets its headline in no heading
    (a ``div`` "judul"); never a link (another article's headline) nor the page's furniture."""
    if len(squashed) < 12:
        return None
    for text in root.xpath("//body//text()[string-length(normalize-space()) > 11]"):
        owner = text.getparent()
        if not text.is_text or owner is None or _squash(str(text)) != squashed:
            continue
        if owner.xpath("ancestor-or-self::*[self::a or self::li]") or _page_furniture(owner):
            continue  # a link, a list item (the breadcrumb's last crumb)
        if not any(_named_furniture(el) for el in (owner, *owner.iterancestors())):
            return owner
    return None


def _named_furniture(el: html.HtmlElement) -> bool:
    """The element's class or id words name a part of the page that is not the article."""
    words = f"{el.get('class', '')} {el.get('id', '')}".split()
    return any(CLUTTER_RE.search(w) or _DATE_FURNITURE_RE.search(w) for w in words)


def _page_furniture(el: html.HtmlElement) -> bool:
    return bool(el.xpath("ancestor::*[self::nav or self::aside or self::footer]"))


class _Region:
    """The article's region of one page: its headline and body, the block holding both."""

    def __init__(self, anchor: html.HtmlElement | None, body: html.HtmlElement | None) -> None:
        self.anchor, self.body = anchor, body
        # The article's own chain: every element holding the headline or the body. A check for
        # furniture walks up from a date and stops here (a date inside the article header).
        self.chain: set[html.HtmlElement] = set()
        for el in (anchor, body):
            if el is not None:
                self.chain.update([el, *el.iterancestors()])
        self.block = self._block()
        # The body's text is never read, but a headline set inside the body's element (one block
        # holds the headline, the byline and the paragraphs) has its byline there too.
        inside_body = set(body.iter()) if body is not None else set()
        self.skip = set() if anchor is not None and anchor in inside_body else inside_body

    def _block(self) -> html.HtmlElement | None:
        """The smallest element holding both the headline and the body, when it is smaller than
        the page; else the headline's parent (a flat page: nothing above the headline counts)."""
        first = self.anchor if self.anchor is not None else self.body
        assert first is not None
        other = self.body if self.anchor is not None else None
        block = first.getparent()
        if other is not None:
            ancestors = set(other.iterancestors())
            block = next((a for a in first.iterancestors() if a in ancestors), block)
        if block is None or block.tag in ("body", "html"):
            return None
        return block

    def after_headline(self, order: list[html.HtmlElement], where: dict) -> list[str]:
        """Dates between the headline and the body, in the page's order."""
        assert self.anchor is not None
        begin = where[self.anchor] + sum(1 for _ in self.anchor.iter())
        end = min(begin + AFTER_HEADLINE, len(order))
        if self.body is not None and where[self.body] >= begin:
            end = min(end, where[self.body])
        elif not self.skip:  # the headline inside the body: up to the article's first paragraph
            end = next((i for i in range(begin, end) if _paragraph(order[i])), end)
        found = [self._text(self.anchor.tail, self.anchor)] if self.anchor.tail else []
        for el in order[begin:end]:
            found += self._dates(el, tail=el not in self.chain)  # a tail after the body is not here
        return [t for t in found if t]

    def above(self, order: list[html.HtmlElement], where: dict, start: html.HtmlElement) -> list[str]:
        """A few dates just above the headline (or the body), nearest first, in the same block."""
        if self.block is None:
            return []
        found: list[str] = []
        for el in reversed(order[max(0, where[start] - ABOVE_HEADLINE) : where[start]]):
            if el is self.block or self.block not in el.iterancestors():
                break
            # An element holding the headline: only its text before its first child is above it.
            dates = self._dates(el, tail=el not in self.chain)
            found += dates[::-1]
            if len(found) >= MAX_ABOVE:
                break
        return found[:MAX_ABOVE]

    def after_body(self, order: list[html.HtmlElement], where: dict, body: html.HtmlElement) -> list[str]:
        """Dates just after the body, in the same block: a byline printed at the article's foot."""
        if self.block is None:
            return []
        begin = where[body] + sum(1 for _ in body.iter())
        found = [self._text(body.tail, body)] if body.tail else []
        for el in order[begin : begin + AFTER_BODY]:
            if self.block not in el.iterancestors():
                break
            found += self._dates(el, tail=True)
        return [t for t in found if t]

    def _dates(self, el: html.HtmlElement, tail: bool) -> list[str]:
        """The date-like texts an element holds (its text, its tail, a <time>'s datetime)."""
        if not isinstance(el.tag, str) or el.tag in _SKIP_TAGS or el in self.skip:
            return []
        if self._furniture(el):
            return []
        found = [self._text(el.text, el)]
        if el.tag == "time" and el.get("datetime") and not _labelled_update(el):
            found.append(el.get("datetime", "").strip())
        if tail and el.tail and el.getparent() is not None:
            found.append(self._text(el.tail, el.getparent()))
        return [t for t in found if t]

    def _text(self, raw: str | None, owner: html.HtmlElement) -> str | None:
        """A short date-like text; of "28/04/2025 10:00 | Diperbarui 12:00", the part before
        the update's label; nothing of a text that begins with one."""
        text = clean_space(raw)
        if owner.tag == "time" and _labelled_update(owner):
            return None
        update = _UPDATE_LABEL_RE.search(text)
        if update:
            text = text[: update.start()].rstrip(" |-–,(")
        if not (6 <= len(text) <= 100 and DATE_HINT_RE.search(text)):
            return None
        return text

    def _furniture(self, el: html.HtmlElement) -> bool:
        """The element sits in a part of the page that is not the article: a page header, menu,
        aside or footer, a box named as furniture, a list of links or a teaser card."""
        for depth, node in enumerate((el, *el.iterancestors())):
            if node in self.chain:
                return False
            if depth > MAX_DEPTH:
                return True
            if node.tag in _FURNITURE_TAGS or node.tag in _SKIP_TAGS:
                return True
            if _named_furniture(node):
                return True
            if node.tag in ("ul", "ol", "li", "div", "article", "section") and _holds_teaser(node):
                return True
        return False


def _paragraph(el: html.HtmlElement) -> bool:
    return el.tag == "p" and len(node_text(el).split()) >= TEXT_WORDS


def _holds_teaser(node: html.HtmlElement) -> bool:
    """The block links to another article by its headline (a teaser, a related list)."""
    return any(len(node_text(a).split()) >= HEADLINE_WORDS for a in node.xpath(f".//{PAGE_LINK}"))


def _labelled_update(el: html.HtmlElement) -> bool:
    """A <time> whose label just before it says "Diperbarui" / "Updated"."""
    previous, parent = el.getprevious(), el.getparent()
    label = previous.tail if previous is not None else parent.text if parent is not None else ""
    return bool(_UPDATE_LABEL_RE.search((label or "")[-30:]))
