"""Discovery: what an entry point lists, read from its content.

A sitemap index, a urlset (news sitemaps too), RSS or Atom is read into entries (location,
published, changed); a JSON document (a site's own listing API) gives the strings in it; any
other page is an HTML listing. Which of these a response is comes from its bytes, not its URL.

Hostile entry points are refused with a reason (:class:`FeedRefused`), never expanded: a gzip
body is inflated in chunks and stops at the size limit (:func:`feed_limit`), and a document
whose DTD declares entities (billion laughs, an external entity naming a local file) is not read.
"""

from __future__ import annotations

import json
import re
import zlib
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urljoin

from lxml import etree
from scrapy.utils.sitemap import sitemap_urls_from_robots

_JSON_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"')
Kind = Literal["xml", "json", "html"]
# The sitemaps protocol caps a file at 50 MB uncompressed; an RSS feed or a listing page is far
# smaller. No entry point needs Scrapy's default DOWNLOAD_MAXSIZE of 1 GiB.
MAX_FEED_SIZE = 50 * 1024 * 1024
_CHUNK = 64 * 1024
# Tags ("<") a feed may hold before it is parsed: a 50,000-URL news sitemap with images has
# about 1.5 million; a hostile 50 MB of "<url/>" has 8 million, and parsed whole would take GBs.
MAX_FEED_TAGS = 2_500_000
# Sitemaps followed from one robots.txt (a site lists a few, a large one tens); robots.txt
# itself is read up to 512 KiB (RFC 9309 asks for at least 500 KiB; see crawling/robots.py).
MAX_ROBOTS_SITEMAPS = 1_000
_CLOSED = re.compile(rb"</[\w:.-]+\s*>\s*(?:<!--.*?-->\s*)*\Z", re.DOTALL)  # ends with an end tag


class FeedRefused(ValueError):
    """An entry point that is not read; the message is the reason counted for it."""


class FeedTooLarge(FeedRefused):
    """A body that grows past the size limit once decompressed."""


@dataclass(frozen=True)
class Unpacked:
    body: bytes
    truncated: bool = False  # the gzip stream ended early: ``body`` is what it held


def feed_limit(download_maxsize: int) -> int:
    """The most bytes an entry point may have, compressed or not: the crawl's DOWNLOAD_MAXSIZE
    (0: none), never more than :data:`MAX_FEED_SIZE`."""
    return min(download_maxsize, MAX_FEED_SIZE) if download_maxsize > 0 else MAX_FEED_SIZE


@dataclass(frozen=True)
class Entry:
    url: str
    published: str | None = None  # places the article in the --since/--until window
    changed: str | None = None  # compared with the copy written, for --refresh-updated
    item: bool = False  # a feed's item or a news sitemap's entry: an article by what lists it


@dataclass(frozen=True)
class Feed:
    is_index: bool  # a sitemap index: its entries are more feeds
    entries: list[Entry]
    damaged: bool = False  # XML errors: the entries are those the parser could read around them
    cut: bool = False  # the document ends before its root element is closed


def decompress(body: bytes, max_size: int) -> Unpacked:
    """The body, gunzipped when it is gzip (a ``.xml.gz`` sitemap), in chunks that stop as soon
    as the output passes ``max_size`` (a gzip bomb costs ``max_size``, not what it inflates to).
    A stream cut short gives what it held, marked ``truncated``; one that gives nothing is refused."""
    if body[:2] != b"\x1f\x8b":
        return Unpacked(body)
    out = bytearray()
    data, complete = body, False
    try:
        while data[:2] == b"\x1f\x8b":  # each gzip member in turn (concatenated members are legal)
            complete, data = _inflate_member(data, out, max_size)
    except zlib.error:
        complete = False
    if not out:
        raise FeedRefused("unreadable gzip")
    return Unpacked(bytes(out), truncated=not complete)


def _inflate_member(data: bytes, out: bytearray, max_size: int) -> tuple[bool, bytes]:
    """Inflate one gzip member onto ``out``; (whether it ended properly, the bytes after it)."""
    inflater = zlib.decompressobj(wbits=31)
    while not inflater.eof:
        chunk = inflater.decompress(data, _CHUNK)  # never more than _CHUNK bytes at once
        data = inflater.unconsumed_tail
        if not chunk and not data:
            return False, b""  # the input ended inside the stream
        out += chunk
        if len(out) > max_size:
            raise FeedTooLarge("too large")
    return True, inflater.unused_data


def kind_of(body: bytes) -> Kind:
    """What the first bytes say: "json", "xml" (a sitemap or feed, or an XHTML page: only
    :func:`read_feed` can tell), else "html". Nothing is parsed here."""
    head = body[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head[:1] in (b"{", b"["):
        return "json"
    if head.startswith((b"<?xml", b"<urlset", b"<sitemapindex", b"<rss", b"<feed", b"<rdf")):
        return "xml"
    return "html"


def _parse_xml(body: bytes) -> tuple[etree._Element | None, bool]:
    """The root (None when there is none) and whether the parser met errors on the way. Entities
    are never resolved, no DTD or URL is loaded, and libxml2's own limits stay on."""
    parser = etree.XMLParser(
        recover=True, resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(body, parser=parser)
    except etree.XMLSyntaxError:
        return None, True
    damaged = any(e.level >= etree.ErrorLevels.ERROR for e in parser.error_log)
    return root, damaged


def _declares_entities(root: etree._Element) -> bool:
    """The document's own DTD declares entities: no sitemap or feed needs that, and it is how
    entity expansion ("billion laughs") and external entities (``file:///etc/passwd``) come."""
    dtd = root.getroottree().docinfo.internalDTD
    return dtd is not None and bool(dtd.entities())  # type: ignore[attr-defined]  # lxml-stubs lack it


def _text(element: etree._Element, *names: str) -> str | None:
    """The text of the first descendant with one of these local names (any namespace)."""
    for name in names:
        for found in element.iter(f"{{*}}{name}", name):
            value = (found.text or found.get("href") or "").strip()
            if value:
                return value
    return None


def read_feed(body: bytes) -> Feed | None:
    """The entries of a sitemap index, urlset, RSS or Atom document; None when it is none (an
    XHTML page, or XML too broken to read), so the caller reads it as a listing page. Raises
    :class:`FeedRefused` for a document that declares entities."""
    if body.count(b"<") > MAX_FEED_TAGS:  # counted in C, before any tree is built
        raise FeedRefused("too many elements")
    root, damaged = _parse_xml(body)
    if root is None:
        return None
    if _declares_entities(root):
        raise FeedRefused("XML entities declared")
    kind = etree.QName(root).localname.lower()
    if kind == "sitemapindex":
        items = [
            (_text(s, "loc"), _text(s, "lastmod"), _text(s, "lastmod"), False)
            for s in _children(root, "sitemap")
        ]
    elif kind == "urlset":
        items = [
            (
                _text(u, "loc"),
                _text(u, "publication_date", "lastmod"),
                _text(u, "lastmod", "publication_date"),
                _text(u, "publication_date") is not None,  # a news sitemap's entry
            )
            for u in _children(root, "url")
        ]
    elif kind in ("rss", "rdf", "feed"):
        items = []
        for item in [*root.iter("{*}item", "item"), *root.iter("{*}entry", "entry")]:
            published = _text(item, "pubDate", "published", "date")
            items.append(
                (_text(item, "link"), published, _text(item, "updated", "modified") or published, True)
            )
    else:
        return None
    entries = [Entry(url, published, changed, item) for url, published, changed, item in items if url]
    empty = len(root) == 0 and body.rstrip().endswith(b"/>")  # <urlset/>: nothing listed, not cut
    cut = not empty and not _CLOSED.search(body[-256:])
    if cut:  # the document stops inside its last entry, whose link may be cut short too
        entries = entries[:-1]
    return Feed(is_index=kind == "sitemapindex", entries=entries, damaged=damaged, cut=cut)


def _children(root: etree._Element, name: str) -> list[etree._Element]:
    return [c for c in root if isinstance(c.tag, str) and etree.QName(c).localname == name]


def robots_sitemaps(body: bytes, base_url: str) -> list[str]:
    """The "Sitemap:" lines of a robots.txt."""
    return list(sitemap_urls_from_robots(body, base_url=base_url))


def json_links(body: bytes, page_url: str) -> list[str]:
    """Every string of a JSON document, read as a link from the site's root ("ekonomi/slug-1" in a
    listing API), in document order; the caller keeps those that are article URLs. The string
    literals are scanned rather than the document parsed: no nesting depth can exhaust the stack,
    and a truncated document still gives its complete strings."""
    root = urljoin(page_url, "/")
    links = []
    for literal in _JSON_STRING.findall(body.decode("utf-8", "replace")):
        try:
            text = json.loads(literal).strip()
        except ValueError:
            continue
        if 0 < len(text) <= 500:
            links.append(urljoin(root, text))
    return links
