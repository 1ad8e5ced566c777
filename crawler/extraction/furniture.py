"""Page furniture that is never article text, removed from a tree before its text is read:
elements whose class or id names say so, boxes headed by a label such as "Berita Lainnya", and
linked headlines set between paragraphs. Both the site path and the generic path use it.
"""

from __future__ import annotations

import re

from lxml import html

from crawler.extraction.document import drop, node_text
from crawler.extraction.indonesian import LIST_LABEL_RE

# A link to another page (not an anchor in this one, not a script).
PAGE_LINK = "a[@href][not(starts-with(@href, '#') or starts-with(@href, 'javascript:'))]"
# Old figure markup: a caption or photo credit beside an image ("wp-caption-text", "keterangan").
_CAPTION_WORDS = (
    r"wp-caption(?:-text)?|caption\w*|keterangan|ket-?foto|image-?source|img-?source|photo-?credit"
)
# Class/id words of page furniture that is never article text.
CLUTTER_RE = re.compile(
    r"(?:^|[-_])(?:baca-?juga|bacajuga|linksisip|related|terkait|share|sharing|social|sosmed|"
    r"socmed|ads?|advert\w*|adsbygoogle|iklan|gpt-ad|dfp|comments?|komentar|popular|populer|"
    r"terpopuler|trending|newsletter|subscribe|langganan|breadcrumbs?|recommend\w*|rekomendasi|"
    r"read-?also|also-?read|paradetail|parallax\w*|berita-terbaru|latest|disclaimer|sidebar|"
    r"outbrain|taboola|promo|widget|reactions?|reaksi|polling|emoji|" + _CAPTION_WORDS + r")(?:$|[-_])",
    re.IGNORECASE,
)
CAPTION_CLASS_RE = re.compile(r"(?:^|[-_])(?:" + _CAPTION_WORDS + r")(?:$|[-_])", re.IGNORECASE)
# A caption box is short; a longer element with such a class holds more than a caption.
CAPTION_MAX_WORDS = 40
_CLUTTER_XPATH = ".//*[@class or @id]"
# Navigation, asides and footers: never the article, never its byline.
NON_CONTENT_XPATH = (
    "ancestor-or-self::*[self::nav or self::aside or self::footer"
    " or (self::header and not(ancestor::article))]"
)


def drop_clutter(scope: html.HtmlElement, keep: html.HtmlElement | None = None) -> None:
    """Remove furniture by its class/id words, never an element holding most of the text nor
    anything inside ``keep`` (the generic path's main text block), then labelled boxes."""
    total = len(node_text(scope)) or 1
    for el in scope.xpath(_CLUTTER_XPATH):
        if el.getparent() is None or el is keep:
            continue
        words = f"{el.get('class', '')} {el.get('id', '')}".split()
        if not any(CLUTTER_RE.search(w) for w in words):
            continue
        if el.xpath(".//h1") or (keep is not None and keep in el.iterancestors()):
            continue
        if len(node_text(el)) > total * 0.5:
            continue
        drop(el)
    _drop_labelled_lists(scope, total, keep)


def _drop_labelled_lists(scope: html.HtmlElement, total: int, keep: html.HtmlElement | None) -> None:
    """Remove a box of links or list items headed by a label such as "Berita Lainnya",
    "Terpopuler" or "Ringkasan": class names vary from site to site, the labels much less."""
    for label in scope.xpath(
        ".//*[self::h2 or self::h3 or self::h4 or self::h5 or self::h6 or self::div"
        " or self::span or self::strong or self::p or self::b][not(*[not(self::a)])]"
    ):
        box = label.getparent()
        if box is None or not LIST_LABEL_RE.match(node_text(label)):
            continue
        first = next((c for c in box if isinstance(c.tag, str) and node_text(c)), None)
        if first is not label or not box.xpath(".//a[@href] | .//li") or box.xpath(".//h1"):
            continue
        if keep is not None and (box is keep or box in keep.iterancestors()):  # the box holds the text
            continue
        if len(node_text(box)) > total * 0.5 or _is_text_not_a_box(box, label):
            continue
        drop(box)


def _is_text_not_a_box(box: html.HtmlElement, label: html.HtmlElement) -> bool:
    """A labelled box is a list, mostly links, or small. "<p><b>Terkini,</b> pemerintah ...
    <a>...</a></p>" is a paragraph opening with a bold word, and a long run of paragraphs under a
    heading that happens to read "Terbaru" is article text."""
    text = len(node_text(box)) - len(node_text(label))
    linked = sum(len(node_text(a)) for a in box.xpath(".//a"))
    if box.tag in ("p", "li", "td"):
        return text - linked > 20
    return not box.xpath(".//li") and linked < 0.3 * text and text >= 300


def drop_linked_titles(main: html.HtmlElement) -> None:
    """A heading or paragraph of the body that is nothing but a link to another page is a related
    headline set between paragraphs ("<h2><a href=...>BI Proyeksikan ...</a></h2>")."""
    for block in main.xpath(".//h2 | .//h3 | .//h4 | .//p"):
        links = block.xpath(f".//{PAGE_LINK}")
        text = node_text(block)
        if len(links) != 1 or len(text.split()) < 3 or re.match(r"(?:https?://|www\.)", text):
            continue
        if node_text(links[0]) == text and block.getparent() is not None:
            drop(block)
    for link in main.xpath(f".//{PAGE_LINK}"):
        line = _lone_line(link)
        if (
            line is not None
            and len(node_text(line).split()) >= 3
            and not re.match(r"(?:https?://|www\.)", node_text(line))
        ):
            drop(line)


_INLINE = ("b", "strong", "em", "i", "u", "span", "font")


def _lone_line(link: html.HtmlElement) -> html.HtmlElement | None:
    """The link (or the bold/italic element wrapping only it) when it stands alone on a line of
    ``<br>``-separated text: "...kata dia.<br><br><b><a href=...>Judul Lain</a></b><br><br>"."""
    line = link
    while (parent := line.getparent()) is not None and parent.tag in _INLINE and len(parent) == 1:
        if (parent.text or "").strip() or (line.tail or "").strip():
            break
        line = parent
    previous, following = line.getprevious(), line.getnext()
    if (line.tail or "").strip() or line.getparent() is None:
        return None
    before = (previous.tail if previous is not None else line.getparent().text) or ""
    if before.strip() or previous is None or following is None:
        return None
    return line if previous.tag == "br" and following.tag == "br" else None


def drop_captions(main: html.HtmlElement) -> None:
    """Caption boxes of old figure markup inside the main text block (``<table class=pic-caption>``,
    ``<p class=wp-caption-text>``, ``<span class=keterangan>``), which :func:`drop_clutter` leaves
    alone there; their photos were read into ``images`` before."""
    for el in main.xpath(_CLUTTER_XPATH):
        words = f"{el.get('class', '')} {el.get('id', '')}".split()
        if el.getparent() is None or not any(CAPTION_CLASS_RE.search(w) for w in words):
            continue
        if len(node_text(el).split()) <= CAPTION_MAX_WORDS and not el.xpath(".//h1"):
            drop(el)
