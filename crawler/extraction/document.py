"""Turning bytes into a tree, and a tree into paragraphs."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

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
_SPACE_RE = re.compile(r"[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
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
        sel = Selector(text=text, type="html")
    except (etree.ParserError, ValueError) as exc:
        raise ExtractionError("not HTML", str(exc)) from exc
    if sel.root is None:
        raise ExtractionError("not HTML", "the parser found no document")
    return sel


def clean_space(text: str | None) -> str:
    """One space between words, no invisible characters, NFC."""
    if not text:
        return ""
    text = _INVISIBLE_RE.sub("", unicodedata.normalize("NFC", text))
    return _SPACE_RE.sub(" ", text).strip()


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

    def walk(el: etree._Element) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if not tag or tag in SKIP_TAGS:  # comments, processing instructions, scripts
            if el.tail:
                buf.append(el.tail)
            return
        block = tag in BLOCK_TAGS
        if block:
            flush()
        if el.text:
            buf.append(el.text)
        for child in el:
            walk(child)
        if block:
            flush()
        if el.tail:
            buf.append(el.tail)

    walk(node)
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
    first = next((p for p in node.iter("p") if clean_space(node_text(p))), None)
    if first is None or clean_space(first.text) or not len(first):
        return
    bold = first[0]
    if bold.tag in ("b", "strong") and _BOLD_DATELINE_RE.match(node_text(bold)):
        tail = bold.tail or ""
        if not re.match(r"\s*[-–—]", tail):
            bold.tail = " - " + tail.lstrip()
