"""Turning bytes into a tree, and a tree into paragraphs."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from lxml import etree, html
from parsel import Selector
from w3lib.encoding import (
    html_body_declared_encoding,
    html_to_unicode,
    http_content_type_encoding,
    read_bom,
    to_unicode,
)

from crawler.errors import ExtractionError
from crawler.extraction.indonesian import BOILERPLATE_RE, INLINE_MARKERS_RE, LIST_LABEL_RE, PROMPT_LINE_RE

BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "blockquote",
        "pre",
        "table",
        "tr",
        "td",
        "th",
        "section",
        "article",
        "header",
        "footer",
        "aside",
        "figure",
        "figcaption",
        "dl",
        "dt",
        "dd",
        "address",
        "center",
        "main",
        "nav",
        "form",
        "hr",
        "br",
    ]
)
SKIP_TAGS = frozenset(
    ["script", "style", "noscript", "template", "iframe", "svg", "canvas", "button", "select"]
)
_MARKUP_RE = re.compile(r"<\s*(?:!doctype|html|head|body|div|p|article|meta|title)\b")
_INVISIBLE_RE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")


@dataclass(frozen=True, slots=True)
class Decoded:
    """A page's text; ``guessed`` when nothing said its charset and it was read as windows-1252."""

    text: str
    guessed: bool = False


def decode(body: bytes | str, content_type: str | None = None) -> str:
    """Text of a page (see :func:`decode_page`)."""
    return decode_page(body, content_type).text


def decode_page(body: bytes | str, content_type: str | None = None) -> Decoded:
    """Text of a page, as a browser reads it: a byte-order mark first, then UTF-16 by the
    shape of its bytes (declared or not), then UTF-8 when the bytes are valid UTF-8 (pages
    often declare a wrong charset, and a valid UTF-8 byte string is almost never another
    encoding), then the declared charset, and with none declared windows-1252, the web's
    default for Latin text, rather than U+FFFD for every accented letter."""
    if isinstance(body, str):
        return Decoded(body)
    bom_encoding, bom = read_bom(body)
    if bom_encoding is not None and bom is not None:
        return Decoded(to_unicode(body[len(bom) :], bom_encoding))
    wide = utf16_order(body[:4096])
    if wide is not None:
        return Decoded(body.decode(wide, errors="replace"))
    if b"\x00" in body[:2048]:
        raise ExtractionError("not HTML", "the file is binary")
    try:
        return Decoded(body.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    if http_content_type_encoding(content_type) or html_body_declared_encoding(body):
        return Decoded(html_to_unicode(content_type, body)[1])
    return Decoded(body.decode("latin-1").translate(_WINDOWS_1252), guessed=True)


def utf16_order(head: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when the bytes look like UTF-16 without a byte-order mark:
    markup and Latin text put a zero in every other byte, on one side only."""
    pairs = len(head) // 2
    if pairs < 8:
        return None
    zero_even = head[0 : 2 * pairs : 2].count(0)
    zero_odd = head[1 : 2 * pairs : 2].count(0)
    if zero_odd > pairs // 3 and zero_even * 10 < zero_odd:
        return "utf-16-le"
    if zero_even > pairs // 3 and zero_odd * 10 < zero_even:
        return "utf-16-be"
    return None


# windows-1252 as the WHATWG Encoding Standard reads it: 0x80-0x9F are typographic marks
# where defined, C1 controls elsewhere (so no byte fails); the rest is latin-1.
_C1_KEPT = (0x81, 0x8D, 0x8F, 0x90, 0x9D)
_WINDOWS_1252 = {b: bytes([b]).decode("cp1252") for b in range(0x80, 0xA0) if b not in _C1_KEPT}


def parse(body: bytes | str, content_type: str | None = None) -> Selector:
    """A parsel selector over the page; raises ExtractionError for empty or non-HTML input."""
    text = decode(body, content_type)
    if not text.strip():
        raise ExtractionError("empty page")
    if not _MARKUP_RE.search(text[:65536].lower()):
        raise ExtractionError("not HTML", "no HTML markup found")
    try:
        sel = Selector(text=_CONTROL_RE.sub(" ", text), type="html")
    except (etree.ParserError, ValueError) as exc:
        raise ExtractionError("not HTML", str(exc)) from exc
    if sel.root is None:
        raise ExtractionError("not HTML", "the parser found no document")
    check_elements(sel)
    return sel


def clean_space(text: str | None) -> str:
    """One space between words, no invisible characters, NFC."""
    if not text:
        return ""
    text = _INVISIBLE_RE.sub("", unicodedata.normalize("NFC", text))
    return " ".join(text.split())  # Unicode spaces, no-break and ideographic ones too; fast


def classed(root: html.HtmlElement, fragments: tuple[str, ...]) -> list[Any]:
    """The elements whose class contains one of ``fragments``, in document order: the test is
    on the class attributes (``//@class[...]/..``), which libxml2 reads as one string each;
    on every element (``//*[contains(@class, ...)]``) it builds a node-set for ``@class`` first,
    and a walk of the tree in Python was slower still."""
    names = {f"f{i}": fragment for i, fragment in enumerate(fragments)}
    tests = " or ".join(f"contains(., ${name})" for name in names)
    return root.xpath(f"descendant-or-self::*/@class[{tests}]/..", **names)


def node_text(node: html.HtmlElement) -> str:
    """Visible text of one element, skipping scripts and styles."""
    texts = node.xpath(
        ".//text()[not(ancestor::script) and not(ancestor::style) and not(ancestor::noscript)]"
    )
    return clean_space("".join(texts))


def paragraphs(node: html.HtmlElement) -> list[str]:
    """Paragraphs of a body element: block elements and ``<br>`` end a paragraph, inline
    elements join their text. Used on the site path, where the body node is known."""
    out: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        text = clean_space("".join(buf))
        buf.clear()
        if text:
            out.append(text)

    # A stack, not recursion: the parser keeps up to ~2,000 levels of nesting, Python's stack fewer.
    stack: list[tuple[etree._Element, bool]] = [(node, False)]
    while stack:
        el, closing = stack.pop()
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if closing or not tag or tag in SKIP_TAGS:  # comments, processing instructions, scripts
            if closing and tag in BLOCK_TAGS:
                flush()
            if el.tail:
                buf.append(el.tail)
            continue
        if tag in BLOCK_TAGS:
            flush()
        if el.text:
            buf.append(el.text)
        stack.append((el, True))
        stack += [(child, False) for child in reversed(el)]
    flush()
    return out


def drop(el: html.HtmlElement) -> None:
    """Remove an element but keep its tail text in place."""
    if el.getparent() is not None:
        el.drop_tree()


_BOLD_DATELINE_RE = re.compile(r"^[\w.-]+\.(?:com|co\.id|id)\s*,\s*[A-Z][\w .'’-]{0,40}\w$", re.IGNORECASE)


def dash_bold_dateline(node: html.HtmlElement) -> None:
    """A bold "Liputan6.com, Jakarta" opening the first paragraph with no dash after it gets
    one, so the text cleanup can tell the dateline from the sentence that follows."""
    dash_lone_bold_place(node)
    first = next((p for p in node.iter("p") if clean_space(node_text(p))), None)
    if first is None or clean_space(first.text) or not len(first):
        return
    bold = first[0]
    if bold.tag in ("b", "strong") and _BOLD_DATELINE_RE.match(node_text(bold)):
        tail = bold.tail or ""
        if not re.match(r"\s*[-–—]", tail):
            bold.tail = " - " + tail.lstrip()


# A place set in bold alone on the first line of a body: "SLEMAN", "Kota Kupang".
_BOLD_PLACE_RE = re.compile(r"[A-Z][A-Za-z'’.-]*(?:\s+[A-Z][A-Za-z'’.-]*){0,2}")
# The line after it is the lead: prose, this many words at least.
_LEAD_MIN_WORDS = 8


def dash_lone_bold_place(node: html.HtmlElement) -> None:
    """ "<b>SLEMAN</b><br>Kalimat ..." or "<p><strong>KUPANG</strong></p><p>Kalimat ...": a bold
    place alone on the first line, before the lead, is the dateline printed without its dash.
    It gets one, so the text cleanup takes it for a dateline and not for a line of the article."""
    bold = next((el for el in node.iter() if isinstance(el.tag, str) and clean_space(el.text)), None)
    if bold is None or bold.tag not in ("b", "strong") or clean_space(node.text) and bold is not node:
        return
    place = clean_space(bold.text)
    if len(bold) or not _BOLD_PLACE_RE.fullmatch(place) or clean_space(bold.tail):
        return
    furniture = (BOILERPLATE_RE, PROMPT_LINE_RE, LIST_LABEL_RE, INLINE_MARKERS_RE)
    if any(r.match(place) for r in furniture):
        return  # "ADVERTISEMENT", "Baca Juga", "Terpopuler": furniture, not a place
    after, parent = bold.getnext(), bold.getparent()
    alone = after is not None and after.tag == "br"  # "<b>SLEMAN</b><br>Kalimat ..."
    if after is None and parent is not None and parent is not node and parent.tag in BLOCK_TAGS:
        alone = not clean_space(parent.text) and all(c is bold for c in parent)  # "<p><b>KUPANG</b></p>"
    lead = str(bold.xpath("string(following::text()[normalize-space()][1])"))
    if alone and len(lead.split()) >= _LEAD_MIN_WORDS:
        bold.tail = " -" + (bold.tail or "")


# Control characters XML forbids: lxml parses them in a page's text but refuses to write such
# text back into a tree (a tail moved by drop_tree raised ValueError), and they are never content.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# The largest article page read: a real one is under 1 MB; more is a broken or hostile page.
# A crawl applies it to each article download (WARTA_MAX_PAGE_BYTES), `warta extract` to files.
MAX_PAGE_BYTES = 5 * 1024 * 1024
# Elements read on one page: the largest real pages hold ~3,000. Reading costs time in proportion
# to them (trafilatura more), so a page of a million tiny <p> under the byte limit is refused too.
MAX_PAGE_ELEMENTS = 20_000


def check_size(size: int, limit: int = MAX_PAGE_BYTES) -> None:
    """Refuse a page over the limit before reading it: parsing a hostile 2 GB file only churns."""
    if limit and size > limit:
        raise ExtractionError("too large", f"more than {limit} bytes")


def check_elements(sel: Selector, limit: int = MAX_PAGE_ELEMENTS) -> None:
    """Refuse a parsed page with more elements than any article (counted in C, in linear time)."""
    if sel.root.xpath("count(//*)") > limit:
        raise ExtractionError("too large", f"more than {limit} elements")
