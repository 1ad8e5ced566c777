"""The article body as one reading of a page found it, and the site rules' reading.

Two readings give a :class:`Body`: the site's (its body selector, read here) and the generic
path's (:mod:`crawler.extraction.generic`). ``extract.read_body`` chooses between them; the
fields read afterwards see one shape whichever won.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass

from lxml import html
from parsel import Selector

from crawler.extraction.document import dash_bold_dateline, drop, paragraphs
from crawler.extraction.furniture import drop_clutter, drop_linked_titles
from crawler.extraction.media import Embed, Image, take_embeds, take_images
from crawler.site import Rules, all_matches, first_match


@dataclass(frozen=True)
class Body:
    """What one reading found. ``node`` is the body's element; the date finder skips what is
    inside it, so a date written in the article is not taken for the page's own."""

    paragraphs: list[str]
    images: list[Image]
    embeds: list[Embed]
    node: html.HtmlElement | None
    extractor: str = "generic"  # "site:<key>" when the site's rules read it, as the record says
    pages: int = 1  # pages of the article in this one response

    @property
    def words(self) -> int:
        return sum(len(p.split()) for p in self.paragraphs)


def site_body_node(doc: Selector, rules: Rules) -> html.HtmlElement | None:
    """The element the site's body selector finds, if it finds an element."""
    found = first_match(doc, rules.body)
    return found[0].root if found and isinstance(found[0].root, html.HtmlElement) else None


def read_site_body(doc: Selector, node: html.HtmlElement, rules: Rules, url: str, extractor: str) -> Body:
    """The body the site's selector found, read on a copy (the page is never changed): the
    site's prune list first, then embeds and images taken out, then what every site shares
    (datelines, linked titles, clutter). The site's lead image, outside the body, comes first."""
    body = copy.deepcopy(node)
    for found in all_matches(Selector(root=body, type="html"), rules.prune):
        drop(found.root)
    embeds = take_embeds(body, url)
    images = take_images(body, url)
    dash_bold_dateline(body)
    drop_linked_titles(body)
    drop_clutter(body)
    paras = [p for p in paragraphs(body) if not any(r.search(p) for r in rules.drop_text_res)]
    return Body(paras, _lead_images(doc, rules, url) + images, embeds, node, extractor)


def _lead_images(doc: Selector, rules: Rules, url: str) -> list[Image]:
    images = []
    for container in first_match(doc, rules.images):
        images += take_images(copy.deepcopy(container.root), url, remove=False)
    return images


def page_count(doc: Selector, rules: Rules) -> int:
    """Pages in one response: the number of page blocks, or a number the page states
    (an XPath string such as a dataLayer "total_page")."""
    found = first_match(doc, rules.pages)
    if len(found) == 1 and isinstance(found[0].root, str | int | float):
        value = str(found[0].root).strip()
        return max(1, int(float(value))) if re.fullmatch(r"\d+(?:\.0+)?", value) else 1
    return max(1, len(found))
